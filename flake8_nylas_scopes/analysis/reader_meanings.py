"""Where a module may give a reading call a meaning in other modules too.

Some calls count as only reading what they are given (``len(SCOPES)``,
``logger.info("%s", SCOPES)``; see ``given_lists``).  A module that binds such a name
itself already reads its own calls as changes; these are the ways one module changes
what the name means in others:

- a module-level binding (``def len(x): x.append(...)``), which a star import of the
  module brings (``star_readers``);
- a class with a method named like a logger's (``def info(self, msg)``), whose
  instances another module may import and call; a class built on one of ``logging``'s
  (a ``LoggerAdapter`` whose ``process`` changes the message); a call of
  ``logging.setLoggerClass``, after which ``logging.getLogger(...)`` gives the
  project's class; a write to ``logging``'s or ``builtins``'s attributes
  (``builtins.len = my_len``, ``setattr(builtins, "print", ...)``); a method of an
  imported class replaced (``logging.Logger.info = spy``, see ``replaced_methods``):
  ``redefined_readers``, in force in every module of the project.

Both are empty for almost every module: a text test comes first.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet

from .ast_names import dotted
from .bindings import READING_CALLS
from .given_lists import ALL_READING_NAMES, LOGGER_METHODS, READING_BUILTINS
from .replaced_methods import TRUSTED_METHODS, replaced_methods, unmarked
from .tree_walk import walk_nodes

# The dotted name an expression refers to through imports (None when it names none).
Qualify = Callable[[ast.expr], "str | None"]

# Names a method may have that the reading calls trust on any receiver.
_METHOD_NAMES = LOGGER_METHODS | READING_CALLS
# The calls of ``logging`` after which its loggers are of a class the code chooses.
_LOGGER_FACTORIES = frozenset({"logging.setLoggerClass", "logging.setLogRecordFactory"})
# Names under which code reaches the builtins' namespace.
_BUILTINS = frozenset({"builtins", "__builtins__"})

_MAY_REDEFINE = re.compile(
    r"\bdef\s+(?:%s)\s*\(|builtins|setLoggerClass|setLogRecordFactory|\blogging\b"
    r"|\b(?:set|del)attr\b|\.(?:%s)\s*[:=]"
    % ("|".join(sorted(_METHOD_NAMES)), "|".join(sorted(TRUSTED_METHODS))))


def may_redefine_readers(text: str) -> bool:
    """Whether ``text`` may redefine a reading call for other modules (a cheap test:
    most modules say none of the words)."""
    return _MAY_REDEFINE.search(text) is not None


def star_readers(binds: Callable[[str], bool]) -> list[str]:
    """The names of reading calls the module binds at module level, which a star
    import of it brings into the importing module."""
    return sorted(name for name in ALL_READING_NAMES if binds(name))


def redefined_readers(tree: ast.Module, text: str, qualify: Qualify) -> list[str]:
    """The names of reading calls whose meaning the module may change in every module
    (see the module's docstring); ``text`` is the module's, to look only for what it
    may hold."""
    builtins = "builtins" in text
    factories = "setLog" in text
    found: set[str] = set()
    for node in walk_nodes(tree):  # ``ast.walk``'s nodes, at a third of its cost
        if isinstance(node, ast.ClassDef):
            found.update(_class_readers(node, qualify))
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            found.update(_logging_written(node, qualify))
            found.update(replaced_methods(node, qualify))
            if builtins and isinstance(node, ast.Assign) and _is_builtins(node.value, qualify):
                found.update(READING_BUILTINS)  # ``ns = builtins``: written anywhere
        elif factories and isinstance(node, ast.Call) and qualify(
                node.func) in _LOGGER_FACTORIES:
            found.update(LOGGER_METHODS)
        if builtins and isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
            found.update(_builtins_written(node, qualify))
        if isinstance(node, ast.Call):
            found.update(replaced_methods(node, qualify))
    return sorted(found)


def _class_readers(cls: ast.ClassDef, qualify: Qualify) -> Iterator[str]:
    if any((qualify(base) or "").startswith("logging.") for base in cls.bases):
        # A logger, adapter, handler, filter or formatter of the project's own: any
        # logger call may reach its methods (``process``, ``emit``, ``filter``).
        yield from LOGGER_METHODS
    for member in cls.body:
        if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                member.name in _METHOD_NAMES and _takes_argument(member)):
            yield member.name


def _takes_argument(method: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether a call of ``method`` on an instance may hand it an argument."""
    arguments = method.args
    positional = [*arguments.posonlyargs, *arguments.args]
    return len(positional) > 1 or bool(
        arguments.vararg or arguments.kwarg or arguments.kwonlyargs)


def _is_builtins(node: ast.expr, qualify: Qualify) -> bool:
    if isinstance(node, ast.Name) and node.id == "__builtins__":
        return True
    return qualify(node) == "builtins"


def _builtins_written(node: ast.expr, qualify: Qualify) -> Iterator[str]:
    """The reading builtins a node may bind again: ``builtins.len = f`` (that name),
    ``setattr(builtins, "print", f)``, ``__builtins__["len"] = f``; every one where
    the name is not written as a constant, or the namespace goes elsewhere
    (``vars(builtins).update(...)``, ``ns = builtins``)."""
    if isinstance(node, ast.Attribute) and _is_builtins(node.value, qualify):
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            yield node.attr
        elif node.attr.startswith("__") or node.attr in _NAMESPACE_CHANGES:
            yield from READING_BUILTINS
    elif isinstance(node, ast.Subscript) and _is_builtins(node.value, qualify) and (
            isinstance(node.ctx, (ast.Store, ast.Del))):
        key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            yield key.value
        else:
            yield from READING_BUILTINS
    elif isinstance(node, ast.Call) and any(_is_builtins(arg, qualify) for arg in node.args):
        yield from _builtins_handed(node)


# Methods of a namespace dict that bind or remove its names.
_NAMESPACE_CHANGES = frozenset({"update", "setdefault", "pop", "popitem", "clear",
                                "__setitem__", "__delitem__"})
# Calls given the builtins module that only look at it.
_LOOKING_CALLS = frozenset({"getattr", "hasattr", "print", "repr", "id", "isinstance", "type"})


def _builtins_handed(call: ast.Call) -> Iterator[str]:
    callee = dotted(call.func) or ""
    if callee == "setattr" or callee == "delattr":
        name = call.args[1] if len(call.args) > 1 else None
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            yield name.value
            return
    elif callee in _LOOKING_CALLS:
        return
    # Handed to code that may bind any of its names.
    yield from READING_BUILTINS


def _logging_written(statement: ast.stmt, qualify: Qualify) -> Iterator[str]:
    """Every logger method where a statement writes an attribute of ``logging``'s
    (``logging.Logger.info = f``, ``logging.info = f``)."""
    if isinstance(statement, (ast.Assign, ast.Delete)):
        targets = statement.targets
    elif isinstance(statement, (ast.AugAssign, ast.AnnAssign)):
        targets = [statement.target]
    else:
        return
    for target in targets:
        if isinstance(target, ast.Attribute) and (qualify(target.value) or "").split(
                ".")[0] == "logging":
            yield from LOGGER_METHODS
            return


def may_call(text: str, names: AbstractSet[str]) -> bool:
    """Whether ``text`` may call one of ``names`` (a cheap test before the module is
    read again with them given a meaning of their own)."""
    words = {unmarked(name) for name in names}
    pattern = r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, words)))
    return re.search(pattern, text) is not None
