"""Methods of an imported class that the module replaces at run time.

``logging.Logger.info = spy``, ``Logger.debug = spy`` after ``from logging import
Logger``, ``setattr(logging.Logger, "info", spy)``: from then on, a call
``log.info(client)`` on any logger runs ``spy``, which may call methods on what it is
given or change the list it reads.  The readings that trust a method by its name on
any receiver (a logger's ``info`` only formats, ``pprint`` only prints) cannot hold
in such a project: a replaced name is given as a marker (``ANY_RECEIVER`` and the
name), which the flow reads on every call of a method so named.  The marker is
only a name per replaced method, in force in every module (see
``judging.reader_shadows``); almost every module writes none.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator

from .bindings import READING_CALLS
from .flow_calls import DATA_METHODS
from .given_lists import LOGGER_METHODS

# The dotted name an expression refers to through imports (None when it names none).
Qualify = Callable[[ast.expr], "str | None"]

# Put before a method's name, the marker says: every call of a method so named, on
# any receiver, may run code the project installed (a name never starts so).
ANY_RECEIVER = "."
# Method names some reading trusts whatever the receiver: a logger's methods, the
# reading calls of ``bindings`` and the data sinks of the flow (``pprint``, ``join``,
# ``render``).  Replacing another method changes no verdict: its calls are unknown
# code already.
TRUSTED_METHODS = LOGGER_METHODS | READING_CALLS | DATA_METHODS


def unmarked(name: str) -> str:
    """A reading name or a marker's method name."""
    return name[len(ANY_RECEIVER):] if name.startswith(ANY_RECEIVER) else name


# Members of ``logging.Logger`` that every logging method of the instance goes
# through (CPython's ``Lib/logging/__init__.py``: ``info`` calls ``_log``, which calls
# ``makeRecord`` and ``handle``, which calls ``callHandlers``).
_LOGGER_INTERNALS = frozenset({"_log", "makeRecord", "handle", "callHandlers"})
# A name that holds a logger by the usual convention: ``log``, ``logger``, ``_LOG``,
# ``audit_logger`` (not ``catalog``).
_LOGGER_NAME = re.compile(r"(?:^|_)(?:log|logger)$", re.IGNORECASE)
# Calls of ``logging`` that give a logger instance.
_LOGGER_GETTERS = frozenset({"logging.getLogger", "logging.getLoggerClass"})


def replaced_methods(node: ast.AST, qualify: Qualify) -> Iterator[str]:
    """The trusted methods ``node`` may replace on an imported class or on a logger
    instance, marked (and plain, so that the calls read as only reading lists count
    as changes too)."""
    if isinstance(node, ast.Assign):
        for target in node.targets:
            yield from _written(target, qualify, node.value)
    elif isinstance(node, ast.Delete):
        for target in node.targets:
            yield from _written(target, qualify, None)
    elif isinstance(node, ast.AugAssign):
        yield from _written(node.target, qualify, None)
    elif isinstance(node, ast.AnnAssign):
        yield from _written(node.target, qualify, node.value)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
            node.func.id in ("setattr", "delattr")) and node.args:
        name = node.args[1] if len(node.args) > 1 else None
        owner = qualify(node.args[0])
        if owner is None:
            if isinstance(name, ast.Constant) and isinstance(name.value, str) and (
                    node.func.id == "setattr" and _holds_logger(node.args[0], qualify)):
                # ``setattr(log, "info", spy)`` on a logger instance.
                yield from _logger_member(name.value)
            return
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            yield from _names(owner, name.value)
        elif owner.split(".")[0] == "logging" or _names_a_class(owner):
            # A name the analysis cannot read, on ``logging``'s or on what is named
            # as a class: any trusted method may be the one replaced.
            yield from _both(TRUSTED_METHODS)


def _written(target: ast.expr, qualify: Qualify, value: ast.expr | None) -> Iterator[str]:
    if isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _written(element, qualify, None)
    elif isinstance(target, ast.Attribute):
        owner = qualify(target.value)
        if owner is not None:
            yield from _names(owner, target.attr)
        elif value is not None and not _is_literal(value) and _holds_logger(
                target.value, qualify):
            # ``log = logging.getLogger(__name__)`` then ``log.info = spy``: that
            # logger's ``info`` calls, wherever it is handed, run ``spy``.  (A flag
            # set on it, ``log.disabled = True``, replaces no method.)
            yield from _logger_member(target.attr)


def _holds_logger(node: ast.expr, qualify: Qualify) -> bool:
    """Whether an expression that names no import holds a logger instance: a call of
    ``logging.getLogger``, or a name (or ``self.<name>``) a logger goes by."""
    if isinstance(node, ast.Call):
        return qualify(node.func) in _LOGGER_GETTERS
    named = node.id if isinstance(node, ast.Name) else (
        node.attr if isinstance(node, ast.Attribute) else "")
    return _LOGGER_NAME.search(named) is not None


def _logger_member(name: str) -> Iterator[str]:
    """What replacing a logger instance's member ``name`` may change: that logging
    method, or every one where the member is one they all go through."""
    if name in LOGGER_METHODS:
        yield from _both((name,))
    elif name in _LOGGER_INTERNALS:
        yield from _both(LOGGER_METHODS)


def _is_literal(node: ast.expr) -> bool:
    """A constant or a display of constants: a value no call can run."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(_is_literal(element) for element in node.elts)
    return False


def _names(owner: str, name: str) -> Iterator[str]:
    """What replacing ``owner.name`` (an imported object's member) may change."""
    if owner.split(".")[0] == "logging" and _names_a_class(owner):
        # A member of one of ``logging``'s classes (``Logger._log``, ``Handler.emit``):
        # every logging method may go through it.  (``logging.root.handlers = []``
        # sets an object's attribute.)
        yield from _both(LOGGER_METHODS)
    elif name in TRUSTED_METHODS and _names_a_class(owner):
        # ``pprint.PrettyPrinter.pprint``: a member of a module's class.  (A module's
        # own function, ``logging.info``, is called by its dotted name, which the
        # reading of builtins and ``logging`` follows already; an object's attribute,
        # ``current_app.debug = True``, is no method of every receiver.)
        yield from _both((name,))


def _names_a_class(owner: str) -> bool:
    """Whether an imported dotted name is named as a class is (``pprint.PrettyPrinter``,
    ``structlog.stdlib.BoundLogger``): by the convention of a capital first letter."""
    module, _, last = owner.rpartition(".")
    return bool(module) and last[:1].isupper()


def _both(names: Iterable[str]) -> Iterator[str]:
    for name in names:
        yield name
        yield ANY_RECEIVER + name
