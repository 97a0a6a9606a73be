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
    ``sys.modules.get(name)``, ``importlib.import_module(name)``, ``__import__(name)``,
    by a constant name too, and an attribute of one (``__import__(name).scopes``,
    which may be a submodule).  (``sys.modules[__name__]`` is the module's own.)"""
    while isinstance(node, ast.Attribute):
        node = node.value
    named = _module_name_node(node, qualify)
    # ``sys.modules[__name__]`` is the module's own.  A module named by a constant
    # (``module = sys.modules["app.settings"]``, ``importlib.import_module(
    # "app.settings")``) counts as one named at run time too: bound to a name, its
    # namespace may be written by keys known only at run time (``setattr(module,
    # key, value)``), which no reading ties back to that module's names.
    return named is not None and not (isinstance(named, ast.Name) and named.id == "__name__")


def constant_module(node: ast.expr, qualify: Callable[[ast.expr], "str | None"]) -> str | None:
    """The dotted name of the module object ``node`` looks up by a constant name:
    ``sys.modules["app.scopes"]``, ``sys.modules.get("app.scopes")``,
    ``importlib.import_module("app.scopes")``, ``__import__("app.scopes")`` (the top
    package ``app``, as ``import app.scopes`` binds it; the module itself with a
    ``fromlist``) and an attribute of one (``__import__("app.scopes").scopes``, read as
    ``import app.scopes`` reads it).  None for any other node, a computed or relative
    name, and ``sys.modules[__name__]``."""
    attributes: list[str] = []
    while isinstance(node, ast.Attribute):
        attributes.append(node.attr)
        node = node.value
    named = _module_name_node(node, qualify)
    if not (isinstance(named, ast.Constant) and isinstance(named.value, str)):
        return None
    spelt = named.value
    if not spelt or not all(part.isidentifier() for part in spelt.split(".")):
        return None
    if isinstance(node, ast.Call) and _last_name(node.func) == "__import__" and not (
            len(node.args) > 3 or any(keyword.arg == "fromlist" for keyword in node.keywords)):
        if "." in spelt and not attributes:
            # ``__import__("app.scopes").SCOPES`` is the top package's name, which
            # may be the submodule's list imported there (``from .scopes import
            # SCOPES`` in ``app/__init__.py``): left to the cautious reading.
            return None
        spelt = spelt.split(".", 1)[0]
    return ".".join([spelt, *reversed(attributes)])


def _module_name_node(node: ast.expr, qualify: Callable[[ast.expr], "str | None"]
                      ) -> ast.expr | None:
    """The argument naming the module a lookup of a module object gives, or None
    when ``node`` is no such lookup."""
    # The last name written first: a test every call and subscript meets.
    if isinstance(node, ast.Subscript) and _last_name(node.value) == "modules" and (
            qualify(node.value) == "sys.modules"):
        return node.slice
    if not (isinstance(node, ast.Call) and node.args):
        return None
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "get" and _last_name(
            func.value) == "modules" and qualify(func.value) == "sys.modules":
        return node.args[0]
    if _last_name(func) in _LOADER_NAMES and (qualify(func) in MODULE_LOADERS or (
            isinstance(func, ast.Name) and func.id == "__import__")):
        return node.args[0]
    return None


_LOADER_NAMES = frozenset(name.rpartition(".")[2] for name in MODULE_LOADERS)


def _last_name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else (
        node.id if isinstance(node, ast.Name) else "")
