"""Namespaces: the dicts that hold a module's (or an object's) names.

``vars(config)``, ``config.__dict__`` and ``globals()`` hold the very names a module
binds, so a scope list is reachable through them as through the module: an item read
by a constant key (``vars(config)["SCOPES"]``) is that member, and any other use may
let code bind or change any member.  So may a module object the analysis cannot
name (``sys.modules[name]``, ``importlib.import_module(name)``): an attribute changed
on it may be that of any module.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

# Functions that give a module object by its dotted name (as their first argument).
MODULE_LOADERS = frozenset({"importlib.import_module", "__import__"})


def namespace_owner(node: ast.expr) -> ast.expr | None:
    """The object whose namespace ``node`` is: ``X`` of ``X.__dict__`` or ``vars(X)``,
    and the ``globals()`` call itself for the module's."""
    if isinstance(node, ast.Attribute) and node.attr == "__dict__":
        return node.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
        if node.func.id == "vars" and len(node.args) == 1:
            return node.args[0]
        if node.func.id == "globals" and not node.args:
            return node
    return None


def member_key(node: ast.Subscript | ast.Call) -> str:
    """The name a constant key reads of a namespace (``ns["SCOPES"]``,
    ``ns.get("SCOPES")``, ``getattr(config, "SCOPES")``); "" when it cannot be read."""
    if isinstance(node, ast.Subscript):
        key: ast.expr | None = node.slice
    elif isinstance(node.func, ast.Name):  # getattr(owner, key)
        key = node.args[1] if len(node.args) >= 2 else None
    else:
        key = node.args[0] if node.args else None
    name = key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else ""
    return name if name.isidentifier() else ""


def member_written(call: ast.Call) -> tuple[ast.expr, str] | None:
    """The object and the one member a call binds again or deletes, by a constant
    name: ``setattr(config, "SCOPES", [...])``, ``delattr(...)``, and pytest's
    ``monkeypatch.setattr(views, "client", fake)`` (``monkeypatch.delattr``), which
    puts the old value back after the test.  None for any other call: the object
    given to it may have any member changed."""
    func = call.func
    if isinstance(func, ast.Name):
        named = func.id
    elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and (
            func.value.id == _PYTEST_MONKEYPATCH):
        named = func.attr
    else:
        return None
    if named not in ("setattr", "delattr") or len(call.args) < 2:
        return None
    key = call.args[1]
    if isinstance(key, ast.Constant) and isinstance(key.value, str) and (
            key.value.isidentifier()):
        return call.args[0], key.value
    return None


# The name pytest gives its fixture that sets attributes for one test.
_PYTEST_MONKEYPATCH = "monkeypatch"


def unnamed_module(node: ast.expr, qualify: Callable[[ast.expr], "str | None"]) -> bool:
    """Whether ``node`` is a module object looked up at run time, which the analysis
    does not tie to a module's names: ``sys.modules[name]``,
    ``importlib.import_module(name)``, by a constant name too.
    (``sys.modules[__name__]`` is the module's own.)"""
    named: ast.expr | None = None
    # The last name written first: a test every call and subscript meets.
    if isinstance(node, ast.Subscript) and _last_name(node.value) == "modules" and (
            qualify(node.value) == "sys.modules"):
        named = node.slice
    elif isinstance(node, ast.Call) and node.args and _last_name(node.func) in (
            _LOADER_NAMES) and (qualify(node.func) in MODULE_LOADERS or (
                isinstance(node.func, ast.Name) and node.func.id == "__import__")):
        named = node.args[0]
    else:
        return False
    # ``sys.modules[__name__]`` is the module's own.  A module named by a constant
    # (``module = sys.modules["app.settings"]``, ``importlib.import_module(
    # "app.settings")``) counts as one named at run time too: bound to a name, its
    # namespace may be written by keys known only at run time (``setattr(module,
    # key, value)``), which no reading ties back to that module's names.
    return not (isinstance(named, ast.Name) and named.id == "__name__")


_LOADER_NAMES = frozenset(name.rpartition(".")[2] for name in MODULE_LOADERS)


def _last_name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else (
        node.id if isinstance(node, ast.Name) else "")
