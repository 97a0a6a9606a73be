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
from .tree_walk import TreeNodes

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
# ``_MAY_REDEFINE``'s alternatives apart, each searched only in a text that holds its
# literal part.  A pattern made of alternatives is tried at every position of the
# text, one alternative after the other; one that starts with a literal is searched
# for that literal first.  (The words with a boundary are searched as substrings
# first: a match of the whole needs one of its part.)
_PLAIN_WORDS = ("builtins", "setLoggerClass", "setLogRecordFactory")
_BOUNDED_WORDS = ((re.compile(r"\blogging\b"), "logging"),
                  (re.compile(r"\b(?:set|del)attr\b"), "attr"))
# ``def`` after no word character: the boundary of ``_MAY_REDEFINE``'s first part,
# tested apart so that the search starts with the literal.  No name of a method
# holds ``def``, so a match that fails the test hides no other.
_READER_DEF = re.compile(r"def\s+(?:%s)\s*\(" % "|".join(sorted(_METHOD_NAMES)))
_WORD_CHARACTER = re.compile(r"\w")
_MEMBER_WRITE = re.compile(r"\.(?:%s)\s*[:=]" % "|".join(sorted(TRUSTED_METHODS)))


def may_redefine_readers(text: str) -> bool:
    """Whether ``text`` may redefine a reading call for other modules (a cheap test:
    most modules say none of the words): whether ``_MAY_REDEFINE`` matches, its
    alternatives searched apart."""
    if any(word in text for word in _PLAIN_WORDS):
        return True
    if any(literal in text and pattern.search(text) is not None
           for pattern, literal in _BOUNDED_WORDS):
        return True
    for found in _READER_DEF.finditer(text):
        start = found.start()
        if start == 0 or _WORD_CHARACTER.match(text, start - 1) is None:
            return True
    return _MEMBER_WRITE.search(text) is not None


def star_readers(binds: Callable[[str], bool]) -> list[str]:
    """The names of reading calls the module binds at module level, which a star
    import of it brings into the importing module."""
    return sorted(name for name in ALL_READING_NAMES if binds(name))


def redefined_readers(nodes: TreeNodes, text: str, qualify: Qualify) -> list[str]:
    """The names of reading calls whose meaning the module may change in every module
    (see the module's docstring); ``nodes``: the module's; ``text`` is the module's, to
    look only for what it may hold."""
    builtins = "builtins" in text
    factories = "setLog" in text
    found: set[str] = set()
    # Dispatched on each node's class (the parser makes no subclasses), the kinds
    # read here tested first: most nodes are none of them.
    for node in nodes.all():  # ``ast.walk``'s nodes, listed once for the module
        kind = node.__class__
        if kind is ast.Call:
            assert isinstance(node, ast.Call)
            if factories and qualify(node.func) in _LOGGER_FACTORIES:
                found.update(LOGGER_METHODS)
            if builtins:
                found.update(_builtins_written(node, qualify))
            func = node.func
            if isinstance(func, ast.Name) and func.id in _NAMESPACE_WRITERS:
                # (``replaced_methods`` reads no other call.)
                found.update(replaced_methods(node, qualify))
        elif kind in _WRITES:
            assert isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete))
            found.update(_logging_written(node, qualify))
            found.update(replaced_methods(node, qualify))
            if builtins and isinstance(node, ast.Assign) and _is_builtins(node.value, qualify):
                found.update(READING_BUILTINS)  # ``ns = builtins``: written anywhere
        elif kind is ast.ClassDef:
            assert isinstance(node, ast.ClassDef)
            found.update(_class_readers(node, qualify))
        elif builtins and (kind is ast.Attribute or kind is ast.Subscript):
            assert isinstance(node, (ast.Attribute, ast.Subscript))
            found.update(_builtins_written(node, qualify))
    return sorted(found)


# The statements that may write a name of ``logging``'s or of the builtins'.
_WRITES: frozenset[type[ast.AST]] = frozenset(
    {ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete})
# The calls that bind or remove an attribute by its name as a string.
_NAMESPACE_WRITERS = frozenset({"setattr", "delattr"})


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
