"""Names a module binds through its own namespace rather than by a statement.

``globals()["SCOPES"] = [...]``, ``globals().update(SCOPES=[...])`` and
``setattr(sys.modules[__name__], "SCOPES", [...])`` bind ``SCOPES`` in the module as
an assignment would: a star import of the module brings it, and it replaces what an
import bound under that name.  A use of the namespace the analysis has no rule for
(``globals().update(settings)``, ``register(globals())``) may bind any name.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field

# Text the module needs to hold for any of the forms read here.
_WORDS = ("globals(", "vars(", "locals(", "sys.modules", "exec(", "eval(")
# Builtins that run code given as text; with no namespace given, in the caller's.
_CODE_RUNNERS = frozenset({"exec", "eval"})
# Methods of a namespace dict that only read it.
_READERS = frozenset({"get", "keys", "items", "values", "copy", "__contains__",
                      "__getitem__", "__len__", "__iter__"})
# Methods that bind or delete the one name given first.
_ONE_NAME_WRITERS = frozenset({"setdefault", "__setitem__", "pop", "__delitem__"})


@dataclass
class NamespaceWrites:
    """The names written, each with the line of its last write (``after`` for a write
    in a function, which may run after every line), and whether any name may be."""

    names: dict[str, int] = field(default_factory=dict)
    any_name: bool = False


def may_write_own_namespace(text: str) -> bool:
    return any(word in text for word in _WORDS)


def own_namespace_writes(tree: ast.Module, after: int,
                         qualify: Callable[[ast.expr], str | None]) -> NamespaceWrites:
    """What the module binds through ``globals()``, a module-level ``vars()`` and
    ``sys.modules[__name__]`` (see the module's text)."""
    parents: dict[int, ast.AST] = {}
    nested: set[int] = set()
    found = NamespaceWrites()
    for node in _linked(tree, parents, nested):
        inside = id(node) in nested
        line = after if inside else getattr(node, "lineno", 0)
        if _is_namespace_dict(node, inside, qualify):
            _dict_use(node, parents, found, line)
        elif _is_own_module(node, qualify):
            _module_use(node, parents, found, line)
        elif runs_code_in_own_namespace(node):
            found.any_name = True  # ``exec("SCOPES = [...]")`` binds what its text says
    return found


def runs_code_in_own_namespace(node: ast.AST) -> bool:
    """``exec(code)`` or ``eval(code)`` given no globals: run in the module's own."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in _CODE_RUNNERS and len(node.args) < 2
            and not any(keyword.arg in ("globals", None) for keyword in node.keywords))


def _linked(tree: ast.Module, parents: dict[int, ast.AST],
            nested: set[int]) -> list[ast.AST]:
    """Every node of the tree, noting each one's parent and those inside a function
    (whose writes may come after every line of the module)."""
    found: list[ast.AST] = []
    stack: list[tuple[ast.AST, bool]] = [(tree, False)]
    while stack:
        current, within = stack.pop()
        found.append(current)
        inner = within or isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef,
                                               ast.Lambda))
        for child in ast.iter_child_nodes(current):
            parents[id(child)] = current
            if inner:
                nested.add(id(child))
            stack.append((child, inner))
    return found


def _is_own_module(node: ast.AST, qualify: Callable[[ast.expr], str | None]) -> bool:
    """``sys.modules[__name__]``."""
    return (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Name)
            and node.slice.id == "__name__" and qualify(node.value) == "sys.modules")


def _is_namespace_dict(node: ast.AST, nested: bool,
                       qualify: Callable[[ast.expr], str | None]) -> bool:
    """``globals()``, ``vars()`` and ``locals()`` at module level (in a function they
    are the function's), and ``vars(M)`` or ``M.__dict__`` of the module object."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
        if node.func.id == "globals" and not node.args:
            return True
        if node.func.id == "locals":
            return not node.args and not nested
        if node.func.id == "vars":
            return (not node.args and not nested) or (
                len(node.args) == 1 and _is_own_module(node.args[0], qualify))
    return (isinstance(node, ast.Attribute) and node.attr == "__dict__"
            and _is_own_module(node.value, qualify))


def _constant_name(node: ast.AST | None) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and (
            node.value.isidentifier()):
        return node.value
    return ""


def _note(found: NamespaceWrites, name: str, line: int) -> None:
    if name:
        found.names[name] = max(found.names.get(name, 0), line)
    else:
        found.any_name = True


def _dict_use(node: ast.AST, parents: dict[int, ast.AST], found: NamespaceWrites,
              line: int) -> None:
    parent = parents.get(id(node))
    if isinstance(parent, ast.Subscript) and parent.value is node:
        if not isinstance(parent.ctx, ast.Load):
            _note(found, _constant_name(parent.slice), line)
        return
    if isinstance(parent, ast.Compare):
        return  # ``"SCOPES" in globals()``
    call = parents.get(id(parent)) if isinstance(parent, ast.Attribute) else None
    if not (isinstance(parent, ast.Attribute) and isinstance(call, ast.Call)
            and call.func is parent):
        found.any_name = True  # handed on, or held under a name: any name
        return
    if parent.attr in _READERS:
        return
    if parent.attr in _ONE_NAME_WRITERS:
        _note(found, _constant_name(call.args[0] if call.args else None), line)
        return
    if parent.attr == "update" and len(call.args) <= 1:
        for keyword in call.keywords:
            _note(found, keyword.arg or "", line)
        given = call.args[0] if call.args else None
        if isinstance(given, ast.Dict) and all(key is not None for key in given.keys):
            for key in given.keys:
                _note(found, _constant_name(key), line)
        elif given is not None:
            found.any_name = True
        return
    found.any_name = True


def _module_use(node: ast.AST, parents: dict[int, ast.AST], found: NamespaceWrites,
                line: int) -> None:
    parent = parents.get(id(node))
    if isinstance(parent, ast.Attribute):
        if parent.attr == "__dict__":
            return  # read as the namespace dict itself
        call = parents.get(id(parent))
        if parent.attr in ("__setattr__", "__delattr__") and isinstance(call, ast.Call):
            # ``sys.modules[__name__].__setattr__("SCOPES", [...])``, as ``setattr``.
            _note(found, _constant_name(call.args[0] if call.args else None), line)
            return
        if not isinstance(parent.ctx, ast.Load):
            _note(found, parent.attr, line)
        return
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name):
        if parent.func.id in ("setattr", "delattr") and parent.args and parent.args[0] is node:
            _note(found, _constant_name(parent.args[1] if len(parent.args) > 1 else None),
                  line)
            return
        if parent.func.id in ("getattr", "hasattr", "vars"):
            return  # a read, or ``vars(M)``, read as the namespace dict
    found.any_name = True
