"""Scope lists a module hands to an OAuth request that is not Nylas's, or tests.

An app that talks to Google or Microsoft directly as well as through Nylas often keeps
one list for both: ``Flow.from_client_secrets_file("client.json", scopes=SCOPES)``
beside ``url_for_oauth2({"scope": SCOPES, ...})``.  The Nylas calls alone do not say
what such a list needs: a scope no Nylas call uses may serve the other library's calls.
This records the lists given that way, by the dotted name of the constant and where it
is given, so that the judge can keep the claims that a scope is not needed off their
items, unless the call is a wrapper of the project whose callers' requests it judges
(``ask(scopes=settings.SUPERVISOR_SCOPES)`` with ``ask`` sending ``scopes`` to Nylas).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Collection, Iterator
from typing import TypeVar

from ..nylas_api import API_VERSIONS
from .facts import any_attribute
from .tree_walk import walk_nodes
from .typed_dicts import made_with_keywords

_Found = TypeVar("_Found", str, "tuple[str, int, int, str]")

# Keywords under which OAuth libraries take scopes (google-auth, requests-oauthlib,
# Authlib, MSAL).
_SCOPE_KEYWORDS = frozenset({"scope", "scopes"})
# Google's flows and credentials take the scopes second, positionally, in their own
# quickstarts: ``InstalledAppFlow.from_client_secrets_file("credentials.json", SCOPES)``.
_SCOPES_SECOND = frozenset({
    "from_client_secrets_file", "from_client_config", "from_authorized_user_file",
    "from_authorized_user_info",
})
# Builtins that give the same scopes as the list they are given.
_SAME_ITEMS = frozenset({"list", "tuple", "set", "frozenset", "sorted"})
# Nylas's own request that takes ``scopes=``; API v3's take a dict, or a request type
# of ``nylas.models`` (the name says Nylas).
_NYLAS_METHOD = API_VERSIONS["v2"].surface().auth_url_method
_NOT_A_REQUEST = frozenset({"dict"})
# A callee is named in a message: its text is kept this short in the facts.
_CALLEE_TEXT = 80

# The dotted name an expression refers to through imports (None when it names none).
Qualify = Callable[[ast.expr], "str | None"]
# Where a node is written: (line, column), as the module's spans count them.
Position = Callable[[ast.AST], "tuple[int, int]"]
# A constant given as scopes to a call that is not a Nylas request: its dotted name,
# where the argument is written (line, column), and the callee as written.
GivenList = tuple[str, int, int, str]


def scope_list_readers(tree: ast.Module, qualify: Qualify, own: Callable[[str], bool],
                       module: str, list_reference: Qualify, position: Position,
                       typed_dicts: Collection[str] = ()
                       ) -> tuple[list[GivenList], list[str]]:
    """The constants given as scopes to calls other than Nylas requests, each where it
    is given (``position`` says where a node is written), and those the code asks
    whether they hold a scope (``if "calendar" in SCOPES:``), by dotted name;
    ``own`` says whether a name is bound in this module, ``list_reference`` names
    where a scopes value is defined (as the scope lists themselves are named, a class
    attribute of this module's included); ``typed_dicts`` are this module's
    ``TypedDict`` classes, whose calls with keywords build a dict as ``dict(...)`` does.

    Taking an item out of a tested list changes what the code does, not only what it
    asks for.  One walk finds both.
    """
    foreign: list[GivenList] = []
    tested: list[str] = []
    for node in walk_nodes(tree):
        if isinstance(node, ast.Call):
            if _nylas_call(node, qualify) or _builds_typed_dict(node, typed_dicts):
                continue
            for argument in _scope_arguments(node):
                name = _reference(_unwrapped(argument), list_reference, own, module)
                if name:
                    # Where the argument is written as given (``list(SCOPES)`` too):
                    # where the flow records the scopes a call is passed.
                    line, column = position(argument)
                    _note(foreign, (name, line, column, ast.unparse(node.func)[:_CALLEE_TEXT]))
        elif isinstance(node, ast.Compare):
            for operator, right in zip(node.ops, node.comparators):
                if isinstance(operator, (ast.In, ast.NotIn)):
                    name = _reference(_unwrapped(right), list_reference, own, module)
                    if name:
                        _note(tested, name)
    return foreign, tested


def functions_handing_on(tree: ast.Module, module: str, qualify: Qualify,
                         own: Callable[[str], bool]) -> list[str]:
    """The functions (by dotted name, methods too) whose body gives a name of its own
    to another library's request as scopes (``def ask(scopes=None): ...
    OAuth2Session("id", scope=scopes)``): what their callers pass may serve that
    library's calls, wherever else it goes.  A name of the module is recorded by
    :func:`scope_list_readers` instead."""
    found: list[str] = []
    pending: list[tuple[ast.AST, str]] = [(statement, module) for statement in tree.body]
    while pending:
        node, where = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            name = f"{where}.{node.name}"
            if not isinstance(node, ast.ClassDef) and _hands_on_a_local(node, qualify, own):
                found.append(name)
            pending.extend((child, name) for child in node.body)
            continue
        for block in ("body", "orelse", "finalbody", "handlers"):
            pending.extend((child, where) for child in getattr(node, block, None) or ())
    return sorted(found)


def _hands_on_a_local(function: ast.AST, qualify: Qualify, own: Callable[[str], bool]) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and not _nylas_call(node, qualify):
            for argument in map(_unwrapped, _scope_arguments(node)):
                if (isinstance(argument, ast.Name) and not own(argument.id)
                        and qualify(argument) is None):
                    return True
    return False


def _note(found: list[_Found], found_one: _Found) -> None:
    if found_one not in found:
        found.append(found_one)


def _scope_arguments(node: ast.Call) -> Iterator[ast.expr]:
    for keyword in node.keywords:
        if keyword.arg in _SCOPE_KEYWORDS:
            yield keyword.value
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in _SCOPES_SECOND and len(node.args) > 1:
        yield node.args[1]


def _nylas_call(node: ast.Call, qualify: Qualify) -> bool:
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == _NYLAS_METHOD:
        return True
    if isinstance(func, ast.Name) and func.id in _NOT_A_REQUEST:
        return True
    name = qualify(func) or ast.unparse(func)
    return "nylas" in name.lower()


def _builds_typed_dict(node: ast.Call, typed_dicts: Collection[str]) -> bool:
    """``OAuthConfig(client_id=..., scope=SCOPES)`` with ``class OAuthConfig(TypedDict)``
    in this module: a plain dict, which requests nothing, as ``dict(scope=SCOPES)``.
    Where the dict goes is judged where it is given (``url_for_oauth2(config)``)."""
    func = node.func
    return isinstance(func, ast.Name) and func.id in typed_dicts and made_with_keywords(node)


def _unwrapped(node: ast.expr) -> ast.expr:
    """``list(SCOPES)``, ``sorted(SCOPES)``: the list they copy."""
    while (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
           and node.func.id in _SAME_ITEMS and len(node.args) == 1):
        node = node.args[0]
    return node


def _reference(node: ast.expr, qualify: Qualify, own: Callable[[str], bool],
               module: str) -> str:
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "getattr" and len(node.args) == 2 and not node.keywords
            and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
        # ``getattr(self, "SCOPES")``: the attribute, as ``self.SCOPES`` below.
        return any_attribute(node.args[1].value)
    if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Call)
            and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)):
        # ``oauth_config("microsoft")["scope"]``: the key of what the function
        # returns, as a request reading the same config names it.
        called = _reference(node.value.func, qualify, own, module)
        return f"{called}()[{node.slice.value!r}]" if called else ""
    if not isinstance(node, (ast.Name, ast.Attribute)):
        return ""
    imported = qualify(node)
    if imported:
        return imported
    if isinstance(node, ast.Attribute):
        # ``Credentials(token, scopes=self.SCOPES)`` in a method, or ``auth.SCOPES``
        # of a parameter: the list of any class binding the attribute, a subclass's
        # too, may be the one given (``any_attribute``).
        return any_attribute(node.attr)
    return f"{module}.{node.id}" if own(node.id) and module else ""
