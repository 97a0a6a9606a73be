"""Module-level scope lists whose value the program reads when it runs.

``RAW_SCOPES = os.environ["NYLAS_SCOPES"].split(",")`` or ``SCOPES =
tomllib.load(fh)["nylas"]["scopes"]`` cannot be read without running the code. Another
module's request reading such a name is unresolved either way; these facts only let its
NYS304 say why (the environment, a file), so that the user knows where to look.
"""
from __future__ import annotations

import ast
from collections.abc import Callable

from .tree_walk import walk_nodes

ENVIRONMENT = "the environment"
A_FILE = "a file"

# What a name's value may be read from, by the dotted name of what reads it.
_ENVIRONMENT_READERS = frozenset({
    "os.environ", "os.environb", "os.getenv", "os.getenvb", "os.environ.get",
    "os.environ.setdefault", "environs.Env", "decouple.config",
})
_FILE_READERS = frozenset({
    "open", "io.open", "tomllib.load", "tomli.load", "toml.load", "json.load",
    "yaml.safe_load", "yaml.load", "yaml.full_load", "configparser.ConfigParser",
    "dotenv.dotenv_values",
    # OmegaConf's ``OmegaConf.load(path)`` reads a YAML file (omegaconf 2.x).
    "omegaconf.OmegaConf.load",
})
# Methods that read a file whatever object they are called on (``path.read_text()``).
_FILE_METHODS = frozenset({"read_text", "read_bytes", "read"})
# How far a name bound to another module-level name is followed.
_MAX_DEPTH = 4

Qualify = Callable[[ast.expr], "str | None"]


def may_read_at_run_time(text: str) -> bool:
    """A cheap test on the module's text: whether it may bind a scope list so."""
    return "scope" in text.lower() and any(
        word in text for word in ("environ", "getenv", "load", "open(", "read_", "config("))


def run_time_scopes(tree: ast.Module, qualify: Qualify) -> dict[str, str]:
    """The module-level names that say scopes and are bound once to a value read
    from the environment or a file when the program runs, each with where from."""
    bound = _bound_once(tree)
    found: dict[str, str] = {}
    for name, value in bound.items():
        if "scope" not in name.lower():
            continue
        source = _source(value, bound, qualify, 0)
        if source:
            found[name] = source
    return found


def _bound_once(tree: ast.Module) -> dict[str, ast.expr]:
    """Module-level names bound by exactly one plain assignment of the module body."""
    values: dict[str, ast.expr] = {}
    counts: dict[str, int] = {}
    for statement in tree.body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign):
            targets, value = [statement.target], statement.value
        elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue  # (its names are its own)
        else:
            # (A name bound again in a block, a loop or by ``+=`` is no single value:
            # counted so that it is not taken for one.)
            for node in walk_nodes(statement):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    counts[node.id] = counts.get(node.id, 0) + 1
            if isinstance(statement, ast.With):
                _bind_with(statement, values)
            continue
        for target in targets:
            if isinstance(target, ast.Name):
                counts[target.id] = counts.get(target.id, 0) + 1
                if value is not None:
                    values[target.id] = value
    return {name: value for name, value in values.items() if counts.get(name) == 1}


def _bind_with(statement: ast.With, values: dict[str, ast.expr]) -> None:
    """``with open(path, "rb") as fh: SETTINGS = tomllib.load(fh)``: the assignments
    in a ``with`` block at module level run once, as the module's own do."""
    for inner in statement.body:
        if isinstance(inner, ast.Assign) and len(inner.targets) == 1 and isinstance(
                inner.targets[0], ast.Name):
            values[inner.targets[0].id] = inner.value
        elif isinstance(inner, ast.AnnAssign) and isinstance(inner.target, ast.Name) and (
                inner.value is not None):
            values[inner.target.id] = inner.value


def _source(value: ast.expr, bound: dict[str, ast.expr], qualify: Qualify, depth: int) -> str:
    """Where ``value`` is read from when the program runs: the environment, a file,
    or "" where it reads neither (or the analysis cannot tell)."""
    if depth > _MAX_DEPTH:
        return ""
    for node in walk_nodes(value):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
                node.func.attr in _FILE_METHODS):
            return A_FILE
        if isinstance(node, (ast.Attribute, ast.Name)):
            named = qualify(node)
            if named is None and isinstance(node, ast.Name) and node.id == "open" and (
                    node.id not in bound):
                named = "open"
            if named in _ENVIRONMENT_READERS:
                return ENVIRONMENT
            if named in _FILE_READERS:
                return A_FILE
            if isinstance(node, ast.Name) and node.id in bound and bound[node.id] is not value:
                found = _source(bound[node.id], bound, qualify, depth + 1)
                if found:
                    return found
    return ""
