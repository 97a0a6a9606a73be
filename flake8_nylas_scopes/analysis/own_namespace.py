"""Names a module binds through its own namespace rather than by a statement.

``globals()["SCOPES"] = [...]``, ``globals().update(SCOPES=[...])`` and
``setattr(sys.modules[__name__], "SCOPES", [...])`` bind ``SCOPES`` in the module as
an assignment would: a star import of the module brings it, and it replaces what an
import bound under that name.  A use of the namespace the analysis has no rule for
(``globals().update(settings)``, ``register(globals())``) may bind any name.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .tree_walk import child_nodes

# Text the module needs to hold for any of the forms read here.
_WORDS = ("globals(", "vars(", "locals(", "sys.modules", "exec(", "eval(")
# ``exec`` or ``eval`` as a whole name, held or handed on (``run = exec``); not a
# method's name (``cursor.execute``, ``model.eval()``).
_CODE_RUNNER_NAME = re.compile(r"(?<![\w.])(?:exec|eval)\b")
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
    # (A match of ``_CODE_RUNNER_NAME`` holds one of its two words: a text holding
    # neither, most modules, is spared the search, which starts at every position.)
    return any(word in text for word in _WORDS) or (
        ("exec" in text or "eval" in text) and _CODE_RUNNER_NAME.search(text) is not None)


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
        elif runs_code_in_own_namespace(node) or isinstance(node, ast.stmt) and (
                hands_code_runner_on(node)):
            found.any_name = True  # ``exec("SCOPES = [...]")`` binds what its text says
    return found


def runs_code_in_own_namespace(node: ast.AST) -> bool:
    """``exec(code)`` or ``eval(code)`` given no globals, or the module's own
    (``globals()``, and ``vars()`` or ``locals()``, which at the top level are the
    same dict; in a function, read so, they may only leave more lists unread), also
    reached as ``builtins.exec``: run in the module's own.  Globals spread from a
    dict (``exec(code, **options)``) may be none."""
    if not (isinstance(node, ast.Call) and _is_code_runner(node.func)):
        return False
    given = node.args[1] if len(node.args) > 1 else next(
        (keyword.value for keyword in node.keywords if keyword.arg == "globals"), None)
    return given is None or _is_own_namespace_call(given)


def hands_code_runner_on(statement: ast.stmt) -> bool:
    """``run = exec`` or ``pool.submit(exec, code)``: the builtin, held or handed on,
    may be called with no globals, and then runs in this module's."""
    given: list[ast.expr] = []
    if isinstance(statement, ast.Assign):
        given = [statement.value]
    elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        given = [*statement.value.args, *(k.value for k in statement.value.keywords)]
    return any(_is_code_runner(value) for value in given)


def _is_code_runner(node: ast.expr) -> bool:
    """``exec`` or ``eval``, by name or as an attribute of ``builtins``."""
    if isinstance(node, ast.Name):
        return node.id in _CODE_RUNNERS
    return (isinstance(node, ast.Attribute) and node.attr in _CODE_RUNNERS
            and isinstance(node.value, ast.Name) and node.value.id == "builtins")


def _is_own_namespace_call(node: ast.expr) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in ("globals", "vars", "locals")
            and not node.args and not node.keywords)


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
        for child in child_nodes(current):
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
