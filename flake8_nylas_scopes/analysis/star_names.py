"""What ``from module import *`` brings into a module, as facts.

Django projects split their settings (``settings/production.py`` starts with ``from
.base import *`` and overrides a few names), so a scopes list is often read through a
module that does not bind it itself.  To follow such a name the index needs, of every
module: its star imports in order, the constant-style names it binds with the line of
the last binding, and its ``__all__``.  Only upper-case names are recorded: settings
and constants are written so, and a lower-case name read through a star import stays
unread (the caller then says it cannot follow it).
"""

from __future__ import annotations

import ast
import builtins
import re
from collections.abc import Callable, Iterator

from .bindings import all_statements, statements_in_scope
from .facts import StarImport
from .tree_walk import walk_nodes

CONSTANT_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
# A binding through ``global NAME`` in a function happens when the function runs:
# after every line of the module, as far as the order of bindings is concerned.
AFTER_EVERY_LINE = 1 << 30


def star_imports(
    tree: ast.Module, absolute: Callable[[ast.ImportFrom], str | None]
) -> list[StarImport]:
    """The module's star imports at module level, in order; ``absolute`` names the
    module of an ``ImportFrom`` (None when a relative import leaves the project)."""
    top = {id(statement) for statement in tree.body}
    found: list[StarImport] = []
    for node in statements_in_scope(tree.body):
        if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
            # A relative import above the top package names no module of the
            # project (""): what it brings is unread.
            module = absolute(node) or ""
            found.append(StarImport(module, node.lineno, id(node) not in top))
    return found


def upper_names(tree: ast.Module, has_global: bool = True) -> dict[str, int]:
    """Upper-case names bound at module level, each with its last binding's line;
    ``has_global`` False says the module has no ``global`` statement to look for."""
    return bound_names(tree, has_global, CONSTANT_NAME.match)


def bound_names(tree: ast.Module, has_global: bool = True,
                kept: Callable[[str], object] = bool) -> dict[str, int]:
    """The names bound at module level that ``kept`` accepts, each with its last
    binding's line (see ``upper_names``)."""
    lines: dict[str, int] = {}
    for node in statements_in_scope(tree.body):
        line = getattr(node, "lineno", 0)
        for name in _bound_names(node):
            if kept(name):
                lines[name] = max(lines.get(name, 0), line)
    for node in all_statements(tree.body) if has_global else ():
        if isinstance(node, ast.Global):
            for name in node.names:
                if kept(name):
                    lines[name] = AFTER_EVERY_LINE
    return lines


def exports(tree: ast.Module) -> tuple[list[str] | None, bool]:
    """``__all__`` when the module binds it to a list or tuple of strings, once;
    (None, True) without one; (None, False) when it is bound otherwise."""
    values: list[ast.expr | None] = []
    for node in statements_in_scope(tree.body):
        if "__all__" not in _bound_names(node):
            continue
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            values.append(node.value)
        elif isinstance(node, ast.AnnAssign):
            values.append(node.value)
        else:
            values.append(None)  # ``__all__ += [...]``, a loop, an import
    if not values:
        return None, True
    [value] = values if len(values) == 1 else [None]
    if isinstance(value, (ast.List, ast.Tuple)) and all(
        isinstance(item, ast.Constant) and isinstance(item.value, str) for item in value.elts
    ):
        return [str(item.value) for item in value.elts if isinstance(item, ast.Constant)], True
    return None, False


def _bound_names(node: ast.AST) -> Iterator[str]:
    """The names a statement (as ``statements_in_scope`` yields them) binds in its
    scope."""
    if isinstance(node, ast.Assign):
        for target in node.targets:
            yield from _target_names(target)
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor)):
        yield from _target_names(node.target)
    elif isinstance(node, ast.withitem):
        if node.optional_vars is not None:
            yield from _target_names(node.optional_vars)
    elif isinstance(node, ast.NamedExpr):
        yield from _target_names(node.target)
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        for alias in node.names:
            if alias.name != "*":
                yield alias.asname or alias.name.split(".")[0]
    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        yield node.name
    elif isinstance(node, ast.ExceptHandler):
        if node.name:
            yield node.name
    elif isinstance(node, ast.match_case):
        for part in walk_nodes(node.pattern):
            if isinstance(part, (ast.MatchAs, ast.MatchStar)) and part.name:
                yield part.name
            elif isinstance(part, ast.MatchMapping) and part.rest:
                yield part.rest
    elif hasattr(node, "name") and isinstance(node, ast.stmt):
        # ``type X = ...`` (Python 3.12 and later).
        name = getattr(node, "name")
        if isinstance(name, ast.Name):
            yield name.id


def _target_names(target: ast.expr) -> Iterator[str]:
    for node in walk_nodes(target):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            yield node.id


def names_unbound(tree: ast.Module) -> frozenset[str]:
    """The names a module reads but binds nowhere (no assignment, parameter, import,
    definition or ``global`` anywhere in it) and that are not builtins: with a star
    import, what it brings.  Only asked of modules with a star import."""
    read: set[str] = set()
    bound: set[str] = set()
    for node in walk_nodes(tree):
        if isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((alias.asname or alias.name).partition(".")[0]
                         for alias in node.names)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            bound.update(node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            bound.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            bound.add(node.rest)
    return frozenset(read - bound - _BUILTINS)


_BUILTINS = frozenset(dir(builtins))
