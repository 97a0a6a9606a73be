"""Calls of a logger the module makes itself, which send no OAuth request.

Structured logging writes a request's scopes under their own keyword
(``log.info("login", scopes=SCOPES)`` with structlog, ``logger.info("login",
extra={"scopes": SCOPES})`` with the standard library): the keyword alone looks like
another OAuth library's request, whose list no claim may touch.  A logger only formats
what it is given, so such a call gives the list to no request.  Only a receiver the
module shows to be a logger counts: the ``logging`` module itself, a logger factory's
call, or a name bound only by plain assignments, each of such a value (``log =
structlog.get_logger()``, also ``.bind(...)`` of one); a method of a name bound
otherwise (a parameter, an import, a project object) may be anything's.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from typing import Union

# The methods of a logger that format their arguments into a record: the standard
# library's ``Logger`` (``debug`` ... ``critical``, ``log``) and structlog's bound
# loggers (the same names, and ``msg``).
_LOGGING_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception",
                              "critical", "fatal", "log", "msg"})
# structlog's methods returning a logger with context added or removed.
_BINDING_METHODS = frozenset({"bind", "new", "unbind", "try_unbind"})
# Modules whose own functions log (``logging.info(...)``), and the factories that
# return a logger, by dotted name (``logging.getLogger``; structlog's ``get_logger``
# and its alias ``getLogger``, also under ``structlog.stdlib``).
_LOGGING_MODULES = frozenset({"logging"})
_LOGGER_FACTORIES = frozenset({
    "logging.getLogger", "structlog.get_logger", "structlog.getLogger",
    "structlog.stdlib.get_logger", "structlog.wrap_logger"})
# How many names deep a receiver is followed (``log = base.bind(...)``).
_DEPTH = 4

# The dotted name an expression refers to through imports (None when it names none).
Qualify = Callable[[ast.expr], "str | None"]
# The values a name is bound to, or None where it is bound otherwise than by a plain
# assignment (a parameter, an import, a loop target, ``global``).
Assigned = Callable[[str], Union[Sequence[ast.expr], None]]


def logs_only(call: ast.Call, qualify: Qualify, assigned: Assigned) -> bool:
    """Whether ``call`` is a logging method of a logger the module shows to be one."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr in _LOGGING_METHODS):
        return False
    return _is_logger(func.value, qualify, assigned, _DEPTH, module_allowed=True)


def _is_logger(node: ast.expr, qualify: Qualify, assigned: Assigned, depth: int,
               module_allowed: bool = False) -> bool:
    if depth < 0:
        return False
    if module_allowed and isinstance(node, ast.Name) and qualify(node) in _LOGGING_MODULES:
        return True
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in _BINDING_METHODS:
            return _is_logger(func.value, qualify, assigned, depth - 1)
        return qualify(func) in _LOGGER_FACTORIES
    if isinstance(node, ast.Name):
        values = assigned(node.id)
        return bool(values) and all(
            _is_logger(value, qualify, assigned, depth - 1) for value in values or ())
    return False
