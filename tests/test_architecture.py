"""The package's layers: every import follows the table in docs/architecture.md."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from tool_runs import ROOT

PACKAGE = ROOT / "flake8_nylas_scopes"
# ``__version__`` comes from the package itself: part of the contract.
CONTRACT = {"codes", "findings", "spans", "places", "rule_docs", "__version__"}
ENTRY = {"checker", "cli", "codemod", "__main__", "__init__"}
ROW = re.compile(r"^\| `(\w+)` \| (.+) \|$", re.MULTILINE)


def rules() -> dict[str, set[str]]:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table: dict[str, set[str]] = {}
    for folder, allowed in ROW.findall(page):
        names = set(re.findall(r"`(\w+)`", allowed))
        table[folder] = names | {folder} if "every folder" not in allowed else {"*"}
    return table


def room(module: str) -> str:
    """The row a module (dotted, without the package name) belongs to."""
    head = module.split(".")[0]
    if head in CONTRACT:
        return "contract"
    if head in ENTRY or not head:
        return "entry"
    return head


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts)


def imported(path: Path) -> list[tuple[int, str]]:
    """Every module of the package that ``path`` imports, anywhere in it."""
    own = module_name(path)
    package = own.split(".")[:-1] if path.name != "__init__.py" else own.split(".")[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
                if node.module is None:
                    found.extend(
                        (node.lineno, ".".join(filter(None, [target, alias.name])))
                        for alias in node.names
                    )
                    continue
                found.append((node.lineno, target))
            elif node.module and node.module.startswith("flake8_nylas_scopes"):
                found.append((node.lineno, node.module[len("flake8_nylas_scopes."):]))
        elif isinstance(node, ast.Import):
            found.extend(
                (node.lineno, alias.name[len("flake8_nylas_scopes."):])
                for alias in node.names
                if alias.name.startswith("flake8_nylas_scopes.")
            )
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_folder_has_a_row() -> None:
    table = rules()
    folders = {room(module_name(path)) for path in MODULES}
    assert folders == set(table), "docs/architecture.md must list every folder"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: module_name(path))
def test_imports_follow_the_layers(path: Path) -> None:
    table = rules()
    source = room(module_name(path))
    allowed = table[source]
    wrong = [
        f"line {line}: {target} ({room(target)})"
        for line, target in imported(path)
        if "*" not in allowed and room(target) not in allowed
    ]
    assert not wrong, f"{source} may import {sorted(allowed)}"


def test_the_check_is_not_vacuous() -> None:
    # The resolver reads the value flow of the analysis: an import the table allows.
    targets = {target for _, target in imported(PACKAGE / "judging" / "resolver.py")}
    assert any(room(target) == "analysis" for target in targets)
    # A reporter that imported the project layer (to read files) would break the rule.
    assert "project" not in rules()["reporters"]


# The modules that are one API version's own rules or request recognisers; every other
# module outside ``nylas_api`` reaches Nylas knowledge through the registry.
VERSION_SPECIFIC = {
    "judging.list_rules": "v2",
    "judging.v3_list_rules": "v2 v3",  # NYS401 reads the v2 names it replaces
    "analysis.extract_v3": "v3",
}


def test_only_a_versions_own_rules_import_its_folder() -> None:
    found: dict[str, set[str]] = {}
    for path in MODULES:
        name = module_name(path)
        if name.startswith("nylas_api"):
            continue
        for _, target in imported(path):
            parts = target.split(".")
            if parts[0] == "nylas_api" and len(parts) > 1 and parts[1] in ("v2", "v3"):
                found.setdefault(name, set()).add(parts[1])
    assert found == {name: set(versions.split()) for name, versions in VERSION_SPECIFIC.items()}


def _string_parts(tree: ast.AST) -> list[tuple[int, str]]:
    """Every str literal, and the literal start of every f-string, with its line."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            first = node.values[0] if node.values else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((node.lineno, first.value))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
    return found


def test_symbol_keys_are_spelled_in_one_module() -> None:
    # The value flow's symbol keys (``p:module.function.name``) are made and taken
    # apart with the names of ``analysis/symbols.py`` only.
    from flake8_nylas_scopes.analysis.symbols import PREFIXES

    prefixes = tuple(PREFIXES.values())
    spelled = [
        f"{module_name(path)}:{line}: {text!r}"
        for path in MODULES if path.name != "symbols.py"
        for line, text in _string_parts(ast.parse(path.read_text(encoding="utf-8")))
        if text.startswith(prefixes)
    ]
    assert spelled == []


def test_a_symbol_key_names_its_kind() -> None:
    from flake8_nylas_scopes.analysis.symbols import PREFIXES, kind_of, qualified_name

    for kind, prefix in PREFIXES.items():
        key = f"{prefix}app.views.Send.client"
        assert kind_of(key) == kind
        assert qualified_name(key) == "app.views.Send.client"
    assert kind_of("app.views.client") is None
    assert len(set(PREFIXES.values())) == len(PREFIXES)


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def test_nylas_literals_live_in_nylas_api() -> None:
    # Outside nylas_api/, no code literal is a scope name of any catalogue (with a dot
    # or a slash, so that words such as "calendar" stay usable), a provider scope URI
    # or an endpoint path of any version: the engine takes them from the registry.
    from flake8_nylas_scopes.nylas_api import API_VERSIONS, PROVIDER_SCOPE_PREFIXES

    names: set[str] = set()
    paths: set[str] = set()
    for api in API_VERSIONS.values():
        for provider in api.providers:
            catalogue = api.catalogue(provider)
            names |= {n for n in {*catalogue.scopes, *catalogue.spellings} if "." in n or "/" in n}
        surface = api.surface()
        paths |= {route.path for route in surface.raw_routes}
        paths |= set(surface.authorize_paths.values())
    hosts = {prefix.split("/")[2] for prefix in PROVIDER_SCOPE_PREFIXES}
    found = []
    for path in MODULES:
        if module_name(path).startswith("nylas_api"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _docstrings(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            text = node.value
            if id(node) in skipped:
                continue
            if (text in names or text in paths or text.startswith("/v3")
                    or any(host in text for host in hosts)):
                found.append(f"{module_name(path)}:{node.lineno}: {text!r}")
    assert found == []
