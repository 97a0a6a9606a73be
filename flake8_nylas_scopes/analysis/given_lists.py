"""Where a module gives a list or dict to code that may change it.

A module-level scope list (or an auth config dict) is read from its one assignment,
so every place that may change it must be seen.  Another module gets the very same
object through an import (``from config import SCOPES``, ``config.SCOPES``) and may
give it to a function whose body the reading does not follow, which may append to it
(``enable_mail(SCOPES)``).  The extractor asks here where a module gives such a value
away, and then reads the list as unknown.

Calls known only to look at what they are given give nothing away: builtins that
read or copy (``len``, ``sorted``, ``list``), ``" ".join``, ``print``, a logger's
methods, and the OAuth requests that take the scopes (Nylas's own, and those of the
OAuth libraries).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Union

from .ast_names import dotted
from .fast_visit import FastVisitor

# The dotted name an expression refers to through imports (None when it names none).
Qualify = Callable[[ast.expr], "str | None"]

# Builtins that only look at what they are given, or copy its items.
_READING_BUILTINS = frozenset({
    "print", "len", "repr", "str", "bool", "isinstance", "id", "hash", "format",
    "sorted", "list", "tuple", "set", "frozenset", "dict", "any", "all", "min", "max",
    "enumerate", "zip", "reversed", "iter",
})
# Functions of the standard library that read what they are given, or copy it.
_READING_FUNCTIONS = frozenset({
    "json.dumps", "copy.copy", "copy.deepcopy", "urllib.parse.urlencode",
    "urllib.parse.quote", "urllib.parse.quote_plus", "pprint.pformat", "pprint.pprint",
})
# A string's methods that read their arguments: ``" ".join(SCOPES)``.
_STRING_METHODS = frozenset({"join", "format"})
# A logger's methods (``log.info("asking for %s", SCOPES)``), on a receiver whose
# name says it is one (``logging``, ``logger``, ``self.log``, ``current_app.logger``).
_LOGGER_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception",
                             "critical", "log"})
# Libraries whose calls take scopes and only read them: the Nylas SDK's request types
# (``URLForAuthenticationConfig(scope=SCOPES)``), the OAuth libraries
# (``Flow.from_client_secrets_file("client.json", scopes=SCOPES)``) and the HTTP
# libraries, which send what they are given (``requests.get(url, params=PARAMS)``).
_READING_LIBRARIES = ("nylas", "google_auth_oauthlib", "google.oauth2", "google.auth",
                      "requests_oauthlib", "oauthlib", "authlib", "msal", "requests",
                      "httpx", "aiohttp", "urllib.request")
# The request methods of an HTTP client named for one (``session.post(url,
# json=PAYLOAD)``, ``self.http.get(...)``), which send what they are given.
_REQUEST_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options",
                              "request"})
_HTTP_CLIENT_WORDS = ("session", "http")


def only_reads(call: ast.Call, qualify: Qualify, auth_methods: frozenset[str]) -> bool:
    """Whether ``call`` only looks at the arguments it is given: no code the reading
    of a list's assignment does not see gets to keep or change them.  ``auth_methods``:
    the names of the Nylas SDK's methods that take the scopes of a request."""
    func = call.func
    if isinstance(func, ast.Name) and func.id in _READING_BUILTINS:
        return True
    if isinstance(func, ast.Attribute) and func.attr in auth_methods:
        return True
    if isinstance(func, ast.Attribute) and func.attr in _STRING_METHODS and isinstance(
            func.value, ast.Constant) and isinstance(func.value.value, str):
        return True
    receiver = (dotted(func.value) or "").lower() if isinstance(func, ast.Attribute) else ""
    if isinstance(func, ast.Attribute) and func.attr in _LOGGER_METHODS and "log" in receiver:
        return True
    if isinstance(func, ast.Attribute) and func.attr in _REQUEST_METHODS and any(
            word in receiver for word in _HTTP_CLIENT_WORDS):
        return True
    name = qualify(func) or ""
    return name in _READING_FUNCTIONS or any(
        name.startswith(library + ".") for library in _READING_LIBRARIES)


# Where among a call's arguments a value is given: its position, its keyword, or None
# when the argument only holds it (``tweak({"scope": SCOPES})``) or spreads it
# (``tweak(**CONFIG)``).
Slot = Union[int, str, None]


Function = Union[ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda]


@dataclass
class GivenLists:
    """What :func:`given_away` finds in one walk of a module."""

    # The watched values given to code that may change them, each with the call it
    # is given to and where among its arguments (see ``Slot``); the call is None for
    # a value another name takes (``scopes = SCOPES``), which any code may then
    # change.
    given: list[tuple[ast.expr, ast.Call | None, Slot]] = field(default_factory=list)
    # The watched values made the default of a parameter (``def add(scope,
    # scopes=SCOPES)``), each with the function and the parameter: every call that
    # leaves the parameter out gives the function that very object.
    defaults: list[tuple[ast.expr, Function, str]] = field(default_factory=list)
    # Of the values another name takes, those a plain local name of a function takes
    # (``scopes = SCOPES`` in its body), with the function and the name.
    local_names: list[tuple[ast.expr, ast.FunctionDef | ast.AsyncFunctionDef, str]] = field(
        default_factory=list)


def given_away(
    tree: ast.AST, watched: Callable[[ast.expr], bool],
    reads: Callable[[ast.Call], bool],
) -> GivenLists:
    """Where ``tree`` gives the watched values to code that may change them.  One
    pass of a ``FastVisitor``: this runs on every module of a project that uses
    Nylas."""
    finder = _GivenFinder(watched, reads)
    finder.visit(tree)
    return finder.found


class _GivenFinder(FastVisitor):
    def __init__(self, watched: Callable[[ast.expr], bool],
                 reads: Callable[[ast.Call], bool]) -> None:
        self.watched, self.reads = watched, reads
        self.found = GivenLists()
        # The function whose body holds the node visited (None at module or class
        # level, or in a lambda), for what another name of that function takes.
        self.function: ast.FunctionDef | ast.AsyncFunctionDef | None = None

    def visit_Call(self, node: ast.Call) -> None:
        watched = self.watched
        given: list[tuple[ast.expr, ast.Call | None, Slot]] = []
        for position, argument in enumerate(node.args):
            if isinstance(argument, ast.Starred):
                # ``f(*SCOPES)`` gives the items, strings no code can change.
                continue
            given.extend((value, node, position if direct else None)
                         for value, direct in _held(argument, watched))
        for keyword in node.keywords:
            given.extend((value, node, keyword.arg if direct and keyword.arg else None)
                         for value, direct in _held(keyword.value, watched))
        if given and not self.reads(node):
            self.found.given.extend(given)
        self.generic_visit(node)

    def _another_name(self, node: ast.Assign | ast.AnnAssign | ast.NamedExpr) -> None:
        if node.value is not None and self.watched(node.value) and any(
                not isinstance(target, ast.Subscript) for target in _targets(node)):
            # ``scopes = SCOPES``, ``self.scopes = SCOPES``: another name for the same
            # object.  An item store (``config["scope"] = SCOPES``) puts it in a
            # container, as a display does, which only a call then gives away.
            self.found.given.append((node.value, None, None))
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                    node.targets[0], ast.Name) and self.function is not None:
                self.found.local_names.append(
                    (node.value, self.function, node.targets[0].id))
        self.generic_visit(node)

    visit_Assign = visit_AnnAssign = visit_NamedExpr = _another_name

    def _function(self, node: Function | ast.ClassDef) -> None:
        if not isinstance(node, ast.ClassDef):
            self._defaults(node)
        outer = self.function
        self.function = node if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else (
            None)
        self.generic_visit(node)
        self.function = outer

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = visit_ClassDef = _function

    def _defaults(self, node: Function) -> None:
        arguments = node.args
        if not (arguments.defaults or arguments.kw_defaults):
            return
        positional = [*arguments.posonlyargs, *arguments.args]
        pairs = [*zip(positional[len(positional) - len(arguments.defaults):],
                      arguments.defaults),
                 *zip(arguments.kwonlyargs, arguments.kw_defaults)]
        self.found.defaults.extend(
            (default, node, parameter.arg) for parameter, default in pairs
            if default is not None and self.watched(default))


def _targets(node: ast.Assign | ast.AnnAssign | ast.NamedExpr) -> list[ast.expr]:
    return node.targets if isinstance(node, ast.Assign) else [node.target]


def _held(node: ast.expr, watched: Callable[[ast.expr], bool]
          ) -> Iterator[tuple[ast.expr, bool]]:
    """The watched values an argument gives its callee: itself, or the values a
    display or a choice holds (``[SCOPES]``, ``{"scope": SCOPES}``, ``A if x else B``);
    each with whether it is the argument itself.  An item of a watched dict or list
    (``CONFIG["scope"]``) gives away the whole, whose part it is."""
    stack: list[tuple[ast.expr, bool]] = [(node, True)]
    while stack:
        value, direct = stack.pop()
        whole = value
        while isinstance(whole, ast.Subscript):
            whole = whole.value
        if watched(whole):
            yield whole, direct and whole is value
        elif isinstance(value, (ast.List, ast.Tuple, ast.Set)):
            stack.extend((element, False) for element in value.elts
                         if not isinstance(element, ast.Starred))
        elif isinstance(value, ast.Dict):
            stack.extend((item, False) for item in value.values)
        elif isinstance(value, ast.IfExp):
            stack.extend([(value.body, direct), (value.orelse, direct)])
        elif isinstance(value, ast.BoolOp):
            stack.extend((item, direct) for item in value.values)
        elif isinstance(value, ast.NamedExpr):
            stack.append((value.value, direct))
