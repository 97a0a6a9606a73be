"""Scope lists a module hands to an OAuth request that is not Nylas's, or tests.

An app that talks to Google or Microsoft directly as well as through Nylas often keeps
one list for both: ``Flow.from_client_secrets_file("client.json", scopes=SCOPES)``
beside ``url_for_oauth2({"scope": SCOPES, ...})``.  The Nylas calls alone do not say
what such a list needs: a scope no Nylas call uses may serve the other library's calls.
This records the lists given that way, by the dotted name of the constant and where it
is given, so that the judge can keep the claims that a scope is not needed off their
items, unless the call is a wrapper of the project whose callers' requests it judges
(``ask(scopes=settings.SUPERVISOR_SCOPES)`` with ``ask`` sending ``scopes`` to Nylas).

The list may reach the other library in any shape: through a local name
(``wanted = list(SCOPES)``), joined or grown (``" ".join(SCOPES)``, ``[*SCOPES,
"openid"]``), under a dict's scope key (``OAuth2Session(**{"scope": SCOPES})``,
``oauth.register("google", client_kwargs={"scope": ...})``), as the first argument of
MSAL's methods, or in a Django setting another library reads
(``SOCIALACCOUNT_PROVIDERS``).  Every list named anywhere in such a value is
recorded, with what its local names hold, what a lambda in it and a function of the
module it calls return (``scope=login_scopes()``), a function of another module as
``pkg.scopes.login_scopes()`` and a dict of another module spread into the call as its
scope keys (``pkg.conf.OAUTH_KWARGS['scope']``), both read by the project index: a
shape without a rule of its own keeps more lists silent, never fewer.
"""

from __future__ import annotations

import ast
import enum
import functools
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import TypeVar

from ..nylas_api import API_VERSIONS
from ..nylas_api.http import HTTP_METHODS, URL_HOLE, names_v3, nylas_path
from .facts import any_attribute
from .logger_calls import logs_only
from .raw_uses import HOSTED_AUTH_PATH, NATIVE_AUTH_PATH, URL_SCHEME, V3_HOSTED_AUTH_PATH
from .star_names import CONSTANT_NAME
from .tree_walk import child_nodes, code_children, walk_nodes
from .typed_dicts import made_with_keywords

_Found = TypeVar("_Found", str, "tuple[str, int, int, str]",
                 "tuple[str, int, int, str, str, str]")

# Keywords under which OAuth libraries take scopes (google-auth, requests-oauthlib,
# Authlib, MSAL).
_SCOPE_KEYWORDS = frozenset({"scope", "scopes"})
# Google's flows and credentials take the scopes second, positionally, in their own
# quickstarts: ``InstalledAppFlow.from_client_secrets_file("credentials.json", SCOPES)``;
# so do MSAL's methods redeeming a code or a token (``app.acquire_token_by_
# authorization_code(code, SCOPES)``, msal 1.x ``ClientApplication``).
_SCOPES_SECOND = frozenset({
    "from_client_secrets_file", "from_client_config", "from_authorized_user_file",
    "from_authorized_user_info", "acquire_token_by_authorization_code",
    "acquire_token_by_refresh_token", "acquire_token_on_behalf_of",
})
# MSAL's application methods take the scopes first, positionally, in its own samples:
# ``app.initiate_auth_code_flow(SCOPES, redirect_uri=...)`` (msal ``ClientApplication``,
# ``PublicClientApplication``, ``ConfidentialClientApplication``, 1.x); so does
# google-auth's ``credentials.with_scopes(SCOPES)`` (``google.auth.credentials.Scoped``).
_SCOPES_FIRST = frozenset({
    "get_authorization_request_url", "initiate_auth_code_flow", "acquire_token_silent",
    "acquire_token_silent_with_error", "acquire_token_interactive",
    "acquire_token_for_client", "initiate_device_flow", "with_scopes",
})
# MSAL's ``acquire_token_by_username_password(username, password, scopes)``.
_SCOPES_THIRD = frozenset({"acquire_token_by_username_password"})
# Functions whose names alone say too little, by dotted name, with the position of
# their scopes: google-auth's ``google.auth.default(scopes=None, ...)``,
# ``load_credentials_from_file(filename, scopes=None, ...)`` and
# ``load_credentials_from_dict(info, scopes=None, ...)`` (google/auth/_default.py), and
# ``google.auth.credentials.with_scopes_if_required(credentials, scopes)``.
# Constructors taking the scopes by position too: requests-oauthlib's
# ``OAuth2Session(client_id, client, auto_refresh_url, auto_refresh_kwargs, scope,
# ...)`` (requests_oauthlib/oauth2_session.py, 2.0.0) and google-auth's
# ``Credentials(token, refresh_token, id_token, token_uri, client_id, client_secret,
# scopes, ...)`` (google/oauth2/credentials.py, 2.x).
_SCOPES_AT_FUNCTION = {
    "google.auth.default": 0, "google.auth.load_credentials_from_file": 1,
    "google.auth.load_credentials_from_dict": 1,
    "google.auth.credentials.with_scopes_if_required": 1,
    "requests_oauthlib.OAuth2Session": 4,
    "requests_oauthlib.oauth2_session.OAuth2Session": 4,
    "google.oauth2.credentials.Credentials": 6,
}
# Django settings other libraries read as their OAuth requests' scopes: django-allauth
# reads ``SOCIALACCOUNT_PROVIDERS[provider]["SCOPE"]`` ("Provider Configuration" in
# its documentation), python-social-auth ``SOCIAL_AUTH_<BACKEND>_SCOPE`` ("Backends"
# settings in its documentation).
# Any setting of theirs counts: python-social-auth also sends
# ``SOCIAL_AUTH_<BACKEND>_AUTH_EXTRA_ARGUMENTS`` (a ``scope`` key among them) with the
# request, and reads ``SOCIAL_AUTH_<BACKEND>_EXTRA_SCOPE``.  Authlib's Flask and Django
# clients read ``<NAME>_CLIENT_KWARGS`` (``{"scope": ...}``) and
# ``<NAME>_AUTHORIZE_PARAMS`` from the app's configuration (``oauth.register("google")``
# with no keywords; "Flask OAuth Client" in its documentation).
_SCOPE_SETTINGS = re.compile(
    r"SOCIALACCOUNT_\w+|SOCIAL_AUTH_\w+|\w+_CLIENT_KWARGS|\w+_AUTHORIZE_PARAMS")
# The keywords HTTP clients take a request's query or body by (requests, httpx,
# aiohttp: ``params=``, ``json=``, ``data=``; httpx's ``content=``): the dict goes to
# the host the URL names, Nylas's own among them (``requests.post(f"{API}/connect/
# authorize", json={"scopes": ...})``, ``httpx.URL(AUTH_URL, params={"scope": ...})``),
# whose requests the raw-HTTP reading judges; its scope key is no other library's.
_HTTP_PAYLOADS = frozenset({"params", "json", "data", "content"})
# HTTP clients' methods taking a URL and a query or body (requests, httpx, aiohttp),
# ``request(method, url, ...)`` among them.
_REQUEST_METHODS = HTTP_METHODS | {"request"}
# Functions encoding a dict as a URL's query string (``urllib.parse.urlencode``).
_QUERY_ENCODERS = frozenset({"urlencode"})
# The paths of Nylas's own authorization requests: a query sent there is Nylas's.
_NYLAS_AUTH_PATHS = (NATIVE_AUTH_PATH, HOSTED_AUTH_PATH, V3_HOSTED_AUTH_PATH)
# How far a URL's text is read through the names it is bound to.
_URL_DEPTH = 4
# What a module's text holds where it may give a list to another library's request:
# a scope keyword or key, a dict spread or given as keywords (``**OAUTH_KWARGS``,
# ``client_kwargs=CONF``, of another module and not named for scopes), or one of the
# methods above that take the list by position.  A cheap test before the walk.  The
# spread of a function's own ``**kwargs`` (in most modules that spread anything) is
# left out: a parameter holds no list this module could name.
# The spread and keyword parts of that test, which are patterns rather than words.
_SPREAD_PATTERNS = (r"\*\*(?!(?:kwargs|kw|kwds)\b)[a-z_]", r"_kwargs\s*=\s*[a-z_]")
# Its words, lower case.  The words are searched first, as plain substrings of the
# lowered text: one case-insensitive alternation of some thirty of them tried at
# every position of the module's text cost more than a second on 2,000 modules.
_MAY_GIVE_WORDS = tuple(sorted({word.lower() for word in (
    "scope", *_SCOPES_SECOND, *_SCOPES_FIRST, *_SCOPES_THIRD,
    *(name.rpartition(".")[2] for name in _SCOPES_AT_FUNCTION))}))
_MAY_GIVE = re.compile("|".join([*_MAY_GIVE_WORDS, *_SPREAD_PATTERNS]), re.IGNORECASE)
_MAY_SPREAD = re.compile("|".join(_SPREAD_PATTERNS), re.IGNORECASE)
# Builtins that give the same scopes as the list they are given.
_SAME_ITEMS = frozenset({"list", "tuple", "set", "frozenset", "sorted"})
# Nylas's own request that takes ``scopes=``; API v3's take a dict, or a request type
# of ``nylas.models`` (the name says Nylas).
_NYLAS_METHOD = API_VERSIONS["v2"].surface().auth_url_method
# Nodes that open a scope of their own for the names bound in them.
_SCOPE_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_NOT_A_REQUEST = frozenset({"dict"})
# A callee is named in a message: its text is kept this short in the facts.
_CALLEE_TEXT = 80
# The callee named for a query sent with another service's URL.
_URL_CALLEE = "a URL of another service"
# A request or URL is named in a message: its text is kept this short in the facts.
_REQUEST_TEXT = 80

# The dotted name an expression refers to through imports (None when it names none).
Qualify = Callable[[ast.expr], "str | None"]
# Where a node is written: (line, column), as the module's spans count them.
Position = Callable[[ast.AST], "tuple[int, int]"]
# A constant given as scopes to a call that is not a Nylas request: its dotted name,
# where the argument is written (line, column), and the callee as written.
GivenList = tuple[str, int, int, str]
# A constant sent as the scope of a query to a URL whose host is not written in the
# module: its dotted name, where the scope value is written (line, column), the
# request or URL as written, the dotted name of the constant the URL starts with
# ("" when it starts otherwise), and the URL's text with holes for what is not
# written here (``nylas_api.http.URL_HOLE``).  The judge reads the constant, if it
# can, to tell whose the URL is.
UnseenHostList = tuple[str, int, int, str, str, str]


class UrlOwner(enum.Enum):
    """Whose request a URL's text shows it to be."""

    NYLAS = "nylas"  # a Nylas host, or a path of a Nylas authorization request
    OTHER = "other"  # another service's host, or another path on a host given elsewhere
    UNSEEN = "unseen"  # nothing written says where it goes


def may_give_scopes(text: str) -> bool:
    """Whether a module's text may give a list to another library's OAuth request, or
    test one for a scope: only then is it walked for them."""
    if not text.isascii():
        # A case-insensitive match also takes some letters that ``str.lower`` keeps
        # apart (the long s, the Kelvin sign): the whole pattern decides.
        return _MAY_GIVE.search(text) is not None
    # On ASCII text a case-insensitive match of a word is a substring of the
    # lowered text, so the words' test lets through what the pattern's would.
    lowered = text.lower()
    if any(word in lowered for word in _MAY_GIVE_WORDS):
        return True
    return ("**" in text or "_kwargs" in lowered) and _MAY_SPREAD.search(text) is not None


def scope_list_readers(tree: ast.Module, qualify: Qualify, own: Callable[[str], bool],
                       module: str, list_reference: Qualify, position: Position,
                       typed_dicts: Collection[str] = ()
                       ) -> tuple[list[GivenList], list[str], list[UnseenHostList]]:
    """The constants given as scopes to calls other than Nylas requests, each where it
    is given (``position`` says where a node is written), and those the code asks
    whether they hold a scope (``if "calendar" in SCOPES:``), by dotted name;
    ``own`` says whether a name is bound in this module, ``list_reference`` names
    where a scopes value is defined (as the scope lists themselves are named, a class
    attribute of this module's included); ``typed_dicts`` are this module's
    ``TypedDict`` classes, whose calls with keywords build a dict as ``dict(...)`` does.

    Taking an item out of a tested list changes what the code does, not only what it
    asks for.  One walk finds both.  A third list holds the constants sent in a query
    to a URL whose host is not written here (``requests.get(GOOGLE_AUTH_URL,
    params={"scope": ...})`` with the URL imported): whose request that is, the judge
    says.
    """
    foreign: list[GivenList] = []
    tested: list[str] = []
    unseen: list[UnseenHostList] = []
    scoped = _ScopedTree(tree)
    # The parts of a URL built with ``+``, ``%`` or an f-string: the whole URL is read
    # once, at its outermost expression (``"https://..." + ("?" + urlencode(q))``).
    url_parts: set[int] = set()
    # A URL is read for a query it encodes only in a module that encodes one.
    url_nodes = ((ast.Call, ast.BinOp, ast.JoinedStr) if any(
        _encodes_a_query(node) for node, _ in scoped.nodes) else ast.Call)
    for node, scope in scoped.nodes:
        if isinstance(node, url_nodes) and id(node) not in url_parts:
            url_parts.update(_string_parts(node))
            # A query sent with a URL of another service than Nylas's, or of one this
            # module does not show.
            for argument, sent in _url_queries(node, scoped.bound(scope), qualify):
                line, column = position(argument)
                for named, _ in scoped.named_lists(argument, scope):
                    name = _reference(named, list_reference, own, module)
                    if name and sent.owner is UrlOwner.OTHER:
                        _note(foreign, (name, line, column, _URL_CALLEE))
                    elif name:
                        _note(unseen, (name, line, column, sent.shown, sent.host, sent.url))
        if isinstance(node, ast.Call):
            if _nylas_call(node, qualify) or _builds_typed_dict(node, typed_dicts):
                continue
            if logs_only(node, qualify, scoped.plainly_assigned(scope)):
                continue  # a logger formats the list, and requests nothing
            callee = ast.unparse(node.func)[:_CALLEE_TEXT]
            for argument in _scope_arguments(node, scoped.bound(scope), qualify):
                # Where the argument is written as given (``list(SCOPES)`` too): where
                # the flow records the scopes a call is passed.
                line, column = position(argument)
                for named, where in scoped.named_lists(argument, scope):
                    if isinstance(named, ast.Name) and scoped.assigned_locally(named.id, where):
                        continue  # its assigned values are followed instead
                    name = _reference(named, list_reference, own, module)
                    if name:
                        _note(foreign, (name, line, column, callee))
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            setting = _scope_setting(node)
            if setting and node.value is not None:
                line, column = position(node.value)
                for named, _ in scoped.named_lists(node.value, scope):
                    name = _reference(named, list_reference, own, module)
                    if name:
                        _note(foreign, (name, line, column, setting))
        elif isinstance(node, ast.Compare):
            for operator, right in zip(node.ops, node.comparators):
                if isinstance(operator, (ast.In, ast.NotIn)):
                    name = _reference(_unwrapped(right), list_reference, own, module)
                    if name:
                        _note(tested, name)
    return foreign, tested, unseen


def scope_dicts(tree: ast.Module, list_reference: Qualify, own: Callable[[str], bool],
                module: str) -> dict[str, list[str]]:
    """The module-level dicts of keywords another module may spread into, or hand to,
    another library's request (``GOOGLE = dict(scope=SCOPES)``, ``{**BASE, "scope":
    ...}``, ``dict(client_kwargs={"scope": " ".join(SCOPES)})``), each with every list
    its value names, by dotted name.  The whole dict reaches that library, so every
    list in it does, under any key and in any expression built from it; a dict naming
    another dict (``dict(BASE, scope=...)``) names it too, for its own record.  So are
    its top-level classes' attributes bound to a value naming a list (``Google.SCOPES``
    with ``class Google: SCOPES = list(SCOPES)``), which another module may give."""
    candidates = [(target, value) for target, value in (
        (_single_name(statement), getattr(statement, "value", None))
        for statement in tree.body)
        if target and isinstance(value, ast.expr) and _keyword_dict(value)
        and _names_scopes(value)]
    candidates.extend(_class_attributes_naming_lists(tree))
    if not candidates:
        return {}
    scoped = _ScopedTree(tree)  # what the module's names hold, for these alone
    found: dict[str, list[str]] = {}
    for target, value in candidates:
        held: list[str] = []
        for named, _ in scoped.named_lists(value, tree):
            name = _reference(named, list_reference, own, module)
            if name and name != f"{module}.{target}":
                _note(held, name)
        if held:
            found[target] = held
    return found


def _class_attributes_naming_lists(tree: ast.Module) -> Iterator[tuple[str, ast.expr]]:
    """The attributes a top-level class body binds to a value naming another list
    (``class Google: SCOPES = list(SCOPES)``, ``= settings.SCOPES``), as
    ``Google.SCOPES``: another module giving ``Google.SCOPES`` or ``self.SCOPES`` to
    another library's request gives that list.  A list written out is read as the
    class's own list, and is left out."""
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        for statement in cls.body:
            target, value = _single_name(statement), getattr(statement, "value", None)
            # (An attribute that may hold scopes, as other readings of class
            # attributes count them: its name says scopes, or a constant's.  Model
            # fields and managers, ``objects = Manager()``, are no lists.)
            if (target and isinstance(value, (ast.Name, ast.Attribute, ast.Call, ast.BinOp))
                    and ("scope" in target.lower() or CONSTANT_NAME.match(target))):
                yield f"{cls.name}.{target}", value


def _single_name(statement: ast.stmt) -> str:
    """The one name a plain assignment binds (``GOOGLE = ...``, ``GOOGLE: dict = ...``)."""
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target: ast.expr = statement.targets[0]
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        target = statement.target
    else:
        return ""
    return target.id if isinstance(target, ast.Name) else ""


def _keyword_dict(value: ast.expr) -> bool:
    """A dict display or a ``dict(...)`` call."""
    return isinstance(value, ast.Dict) or (
        isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
        and value.func.id == "dict")


def _names_scopes(value: ast.expr) -> bool:
    """Whether a dict's value may carry scopes to a request it is spread into: a scope
    key anywhere in it (``client_kwargs={"scope": ...}``), a name saying scopes, or
    another dict spread or copied into it (``{**BASE, ...}``, ``dict(BASE, ...)``),
    whose own record says what it holds."""
    for node in walk_nodes(value):
        if isinstance(node, ast.Dict) and any(
                key is None or (isinstance(key, ast.Constant) and isinstance(key.value, str)
                                and key.value.casefold() in _SCOPE_KEYWORDS)
                for key in node.keys):
            return True
        if isinstance(node, ast.keyword) and (node.arg is None or node.arg in _SCOPE_KEYWORDS):
            return True
        if isinstance(node, ast.Call) and _keyword_dict(node) and node.args:
            return True
        name = node.id if isinstance(node, ast.Name) else (
            node.attr if isinstance(node, ast.Attribute) else "")
        if "scope" in name.casefold():
            return True
    return False


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
    scoped = _ScopedTree(function)
    for node, scope in scoped.nodes:
        if isinstance(node, ast.Call) and not _nylas_call(node, qualify):
            for argument in _scope_arguments(node, scoped.bound(scope), qualify):
                for named, _ in scoped.named_lists(argument, scope):
                    if (isinstance(named, ast.Name) and not own(named.id)
                            and qualify(named) is None):
                        return True
    return False


class _ScopedTree:
    """A tree's nodes, each with the function (or class, or the tree itself) whose
    names it reads, and the values each such scope binds to its names: what a local
    name (``wanted = list(SCOPES)``) may hold, wherever in the scope it is bound."""

    def __init__(self, tree: ast.AST) -> None:
        self.nodes: list[tuple[ast.AST, ast.AST]] = []
        self._bindings: dict[int, dict[str, list[ast.expr]]] = {}
        # Per scope, how often each name is stored (``Name`` targets and other
        # bindings: parameters, imports, ``global``), and how often by a plain
        # assignment ``_bind`` keeps the value of.
        self._stores: dict[int, Counter[str]] = {}
        self._assigned: dict[int, Counter[str]] = {}
        self._functions: set[int] = set()
        # Per scope, the functions it defines by name, and per function (by id) the
        # values its ``return`` statements give: what a call of it may hand over.
        self._defined: dict[int, dict[str, list[ast.AST]]] = {}
        self._returns: dict[int, list[ast.expr]] = {}
        self._classes: set[int] = set()
        self._class_nodes: dict[int, ast.ClassDef] = {}
        # Each scope's enclosing one, whose names its code may read too.
        self._enclosing: dict[int, ast.AST] = {}
        pending: list[tuple[ast.AST, ast.AST]] = [(tree, tree)]
        while pending:
            node, scope = pending.pop()
            self.nodes.append((node, scope))
            self._bind(node, scope)
            inner = scope
            if isinstance(node, _SCOPE_NODES) and node is not tree:
                self._enclosing[id(node)] = scope
                inner = node
                if not isinstance(node, ast.ClassDef):
                    self._functions.add(id(node))
            self._count_store(node, scope)
            self._note_function(node, scope)
            pending.extend((child, inner) for child in code_children(node))

    def _note_function(self, node: ast.AST, scope: ast.AST) -> None:
        if isinstance(node, ast.ClassDef):
            self._classes.add(id(node))
            self._class_nodes[id(node)] = node
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self._defined.setdefault(id(scope), {}).setdefault(node.name, []).append(node)
        elif isinstance(node, ast.Return) and node.value is not None and (
                id(scope) in self._functions):
            self._returns.setdefault(id(scope), []).append(node.value)

    def _bind(self, node: ast.AST, scope: ast.AST) -> None:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
            self._bind_keyed(targets, value, scope)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)) and node.value:
            targets, value = [node.target], node.value
        else:
            return
        names = self._bindings.setdefault(id(scope), {})
        assigned = self._assigned.setdefault(id(scope), Counter())
        for target in targets:
            if isinstance(target, ast.Name):
                names.setdefault(target.id, []).append(value)
                assigned[target.id] += 1

    def _bind_keyed(self, targets: list[ast.expr], value: ast.expr, scope: ast.AST) -> None:
        """``kwargs["scope"] = SCOPES``: the name holds a dict with that key, as if
        ``{"scope": SCOPES}`` were bound to it, so that ``OAuth2Session(id,
        **kwargs)`` gives the list.  A key no constant names is bound too: any list
        it stores may be under a scope key."""
        names = self._bindings.setdefault(id(scope), {})
        for target in targets:
            if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                key = target.slice if isinstance(target.slice, ast.Constant) else (
                    ast.Constant("scope"))
                names.setdefault(target.value.id, []).append(
                    ast.copy_location(ast.Dict([key], [value]), target))

    def _count_store(self, node: ast.AST, scope: ast.AST) -> None:
        stored = self._stores.setdefault(id(scope), Counter())
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            stored[node.id] += 1
        elif isinstance(node, ast.arg):
            stored[node.arg] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            stored[node.name] += 1
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            stored.update(node.names)
        elif isinstance(node, ast.alias):
            stored[(node.asname or node.name).partition(".")[0]] += 1
        elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name:
            stored[node.name] += 1
        elif isinstance(node, ast.MatchMapping) and node.rest:
            stored[node.rest] += 1

    def assigned_locally(self, name: str, scope: ast.AST) -> bool:
        """Whether the scope whose binding of ``name`` code in ``scope`` reads is a
        function binding it only by plain assignments: what it holds is then only
        what those assign (followed by ``named_lists``), not the module's name it
        shadows (``SCOPES = ["openid"]`` in a function beside an imported
        ``SCOPES``).  A parameter, an import, a loop target or ``global`` binding it
        too keeps the name the module's, as far as this says."""
        while True:
            stored = self._stores.get(id(scope), Counter())
            if stored[name]:
                return id(scope) in self._functions and (
                    stored[name] == self._assigned.get(id(scope), Counter())[name])
            if id(scope) not in self._enclosing:
                return False
            scope = self._enclosing[id(scope)]

    def plainly_assigned(self, scope: ast.AST) -> Callable[[str], Sequence[ast.expr] | None]:
        """The values a name read in ``scope`` is bound to, where the innermost scope
        binding it does so by plain assignments only; None where it also binds it
        otherwise (a parameter, an import, a loop target, ``global``) or not at all."""
        def values(name: str) -> Sequence[ast.expr] | None:
            where = scope
            while not self._stores.get(id(where), Counter())[name]:
                if id(where) not in self._enclosing:
                    return None
                where = self._enclosing[id(where)]
            stored = self._stores[id(where)][name]
            if stored != self._assigned.get(id(where), Counter())[name]:
                return None
            return self._bindings.get(id(where), {}).get(name)
        return values

    def bound(self, scope: ast.AST) -> Callable[[str], Sequence[ast.expr]]:
        """The values a name read in ``scope`` is bound to: by the innermost of it and
        its enclosing scopes that binds the name (a closure's, a module's)."""
        chain = [self._bindings.get(id(scope), {})]
        while id(scope) in self._enclosing:
            scope = self._enclosing[id(scope)]
            chain.append(self._bindings.get(id(scope), {}))
        return lambda name: next((names[name] for names in chain if name in names), ())

    def named_lists(self, value: ast.expr, scope: ast.AST
                    ) -> Iterator[tuple[ast.expr, ast.AST]]:
        """The names and attributes ``value`` reads whose items it may give: through
        the values its local names are bound to, the arguments of the calls it makes
        (``" ".join(SCOPES)``), the values a function of this tree it calls returns
        (``login_scopes()``, read in that function; ``self.login_scopes()``: every
        method of that name), a lambda's body
        (``(lambda: list(SCOPES))()``) and every other part of it.  What the value
        cannot be read to exclude it may give: nothing is left out for its shape.
        Each comes with the scope whose names it reads."""
        seen: set[int] = set()
        pending: list[tuple[ast.AST, ast.AST]] = [(value, scope)]
        while pending:
            node, where = pending.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            bound = self.bound(where)
            if isinstance(node, (ast.Name, ast.Attribute)):
                yield node, where
                if isinstance(node, ast.Name):
                    pending.extend((held, where) for held in bound(node.id))
                else:
                    # ``self.SCOPES``, ``cls.SCOPES``, ``Google.SCOPES`` with ``class
                    # Google: SCOPES = list(SCOPES)`` here: what any class of this
                    # tree binds the attribute to, read in its body.
                    pending.extend(self._class_bound(node.attr))
            elif isinstance(node, ast.Call):
                yield node, where  # ``oauth_config("microsoft")["scope"]``, ``getattr(...)``
                # ``getattr(settings, "SCOPES")``: the attribute, as ``settings.SCOPES``.
                pending.extend((named, where) for named in _named_attribute(node))
                pending.extend((argument, where) for argument in node.args)
                pending.extend((keyword.value, where) for keyword in node.keywords)
                if isinstance(node.func, ast.Attribute):
                    pending.append((node.func.value, where))  # ``SCOPES.copy()``
                    # ``self.login_scopes()``: any method of that name here may be it.
                    pending.extend(self._returned_by_methods(node.func.attr))
                elif isinstance(node.func, ast.Name):
                    pending.extend(self._returned(node.func.id, where))
                else:
                    pending.append((node.func, where))  # ``(lambda: SCOPES)()``
            elif isinstance(node, ast.Subscript):
                yield node, where
                pending.append((node.value, where))
                # ``vars(settings)["SCOPES"]``: the attribute, as ``settings.SCOPES``.
                pending.extend((named, where) for named in _named_attribute(node))
                if isinstance(node.value, ast.Name):
                    # ``config["scope"]`` with ``config = oauth_config("microsoft")``:
                    # the key of what the name holds, as if written there.
                    yield from ((ast.Subscript(held, node.slice, ast.Load()), where)
                                for held in bound(node.value.id))
            elif isinstance(node, ast.Lambda):
                # What it returns, where it is called; its parameters are read as
                # the names they shadow, which can only keep more lists silent.
                pending.append((node.body, where))
            else:
                pending.extend((child, where) for child in code_children(node)
                               if isinstance(child, (ast.expr, ast.comprehension)))

    def _class_bound(self, attribute: str) -> Iterator[tuple[ast.AST, ast.AST]]:
        """The values every class body of this tree binds ``attribute`` to, each with
        the class whose names it reads (a class body reads its own, then the
        module's)."""
        for scope, names in self._bindings.items():
            if scope in self._classes:
                yield from ((value, self._class_nodes[scope])
                            for value in names.get(attribute, ()))

    def _returned_by_methods(self, name: str) -> Iterator[tuple[ast.AST, ast.AST]]:
        """The values every method ``name`` of this tree's classes returns."""
        for scope, defined in self._defined.items():
            if scope in self._classes:
                for function in defined.get(name, ()):
                    yield from ((value, function)
                                for value in self._returns.get(id(function), ()))

    def _returned(self, name: str, scope: ast.AST) -> Iterator[tuple[ast.AST, ast.AST]]:
        """The values the functions ``name`` may be, read in ``scope``, return, each
        with the function whose names it reads: the innermost scope defining one."""
        while True:
            defined = self._defined.get(id(scope), {}).get(name)
            if defined:
                for function in defined:
                    yield from ((value, function)
                                for value in self._returns.get(id(function), ()))
                return
            if id(scope) not in self._enclosing:
                return
            scope = self._enclosing[id(scope)]


def _named_attribute(node: ast.Call | ast.Subscript) -> list[ast.expr]:
    """``getattr(holder, "NAME")`` and ``vars(holder)["NAME"]`` written as the
    attribute they read, ``holder.NAME`` (located where they are): read as the
    module's list where ``holder`` is a module, not as any class's attribute."""
    if isinstance(node, ast.Call):
        call, name = node, node.args[1] if len(node.args) == 2 else None
        function = "getattr"
    elif isinstance(node.value, ast.Call):
        call, name, function = node.value, node.slice, "vars"
    else:
        return []
    if not (isinstance(call.func, ast.Name) and call.func.id == function and call.args
            and not call.keywords and isinstance(name, ast.Constant)
            and isinstance(name.value, str) and name.value.isidentifier()):
        return []
    if function == "vars" and len(call.args) != 1:
        return []
    return [ast.copy_location(ast.Attribute(call.args[0], name.value, ast.Load()), node)]


def _note(found: list[_Found], found_one: _Found) -> None:
    if found_one not in found:
        found.append(found_one)


def _scope_arguments(node: ast.Call, bound: Callable[[str], Sequence[ast.expr]],
                     qualify: Qualify) -> Iterator[ast.expr]:
    """The arguments of ``node`` that are scopes, by keyword, by position, or under a
    scope key of a dict given by keyword (``**{"scope": SCOPES}``, ``client_kwargs=``);
    ``bound`` gives the values a local name is bound to."""
    func = node.func
    method = func.attr if isinstance(func, ast.Attribute) else ""
    for keyword in node.keywords:
        if keyword.arg in _SCOPE_KEYWORDS:
            yield keyword.value
        elif keyword.arg not in _HTTP_PAYLOADS and not _nylas_dict_method(method):
            yield from _scope_keys(keyword.value, bound, _whole_dict_given(keyword.arg))
    at = _scopes_position(node, method, qualify)
    if at is not None and len(node.args) > at:
        yield node.args[at]


def _scopes_position(node: ast.Call, method: str, qualify: Qualify) -> int | None:
    """Where ``node`` takes the scopes by position, if it is a call that does."""
    if method in _SCOPES_FIRST:
        return 0
    if method in _SCOPES_SECOND:
        return 1
    if method in _SCOPES_THIRD:
        return 2
    if node.args and (method or isinstance(node.func, ast.Name)):
        return _SCOPES_AT_FUNCTION.get(qualify(node.func) or "")
    return None


@functools.cache
def _nylas_dict_method(method: str) -> bool:
    """Whether API v3's SDK reads a dict's ``scope`` key given to ``method`` as a Nylas
    request's (``auth.url_for_oauth2(config=...)``): that dict is the request's alone.
    Asked only where a call has keywords, so the table loads only then."""
    return method in API_VERSIONS["v3"].surface().scope_dict_methods


def _whole_dict_given(keyword: str | None) -> bool:
    """Whether a keyword argument is a dict of keywords the callee passes on whole:
    spread (``**kw()``) or under a name saying so (authlib's ``client_kwargs=``)."""
    return keyword is None or keyword.endswith("kwargs")


def _scope_keys(value: ast.expr, bound: Callable[[str], Sequence[ast.expr]],
                whole: bool = False) -> Iterator[ast.expr]:
    """The values under a scope key of the dicts ``value`` may be: a dict display,
    ``dict(scope=...)``, or a local name bound to one of them.  With ``whole`` (a
    dict of keywords given whole), a dict no display shows (``**kw()`` of a function,
    ``**CONF["google"]``) is given as it is: every list it names may be under a
    scope key."""
    seen: set[int] = set()
    pending = [(value, whole)]
    while pending:
        node, whole = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ast.Dict):
            for key, item in zip(node.keys, node.values):
                if key is None:
                    pending.append((item, whole))  # ``{**base, ...}``
                elif isinstance(key, ast.Constant) and isinstance(key.value, str):
                    if key.value.casefold() in _SCOPE_KEYWORDS:
                        yield item
                    elif _whole_dict_given(key.value):
                        # ``**{"client_kwargs": {"scope": ...}}``: a keyword of
                        # keywords the callee passes on whole.
                        pending.append((item, True))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id == "dict"):
            pending.extend((argument, whole) for argument in node.args)
            for keyword in node.keywords:
                if keyword.arg in _SCOPE_KEYWORDS:
                    yield keyword.value
                elif keyword.arg is None or _whole_dict_given(keyword.arg):
                    pending.append((keyword.value, whole or keyword.arg is not None))
        elif isinstance(node, ast.Name) and bound(node.id):
            pending.extend((held, whole) for held in bound(node.id))
        elif whole and isinstance(node, (ast.Call, ast.Subscript)):
            keyed = _under_key(node, bound)
            if keyed is None:
                yield node
            else:
                pending.extend((held, whole) for held in keyed)
        elif isinstance(node, (ast.Name, ast.Attribute)):
            # A dict bound elsewhere (``**OAUTH_KWARGS`` imported, ``**conf.KWARGS``):
            # its scope keys, as the module defining it keeps them.
            # Located where the dict is given, as the argument it stands for.
            yield from (ast.copy_location(ast.Subscript(node, ast.Constant(key), ast.Load()),
                                          node) for key in sorted(_SCOPE_KEYWORDS))


class _SentTo:
    """Where a query goes: whose the URL is, its text as written here, the constant
    it starts with (dotted, or ""), and the request as written, for a message."""

    __slots__ = ("owner", "url", "host", "shown")

    def __init__(self, owner: UrlOwner, url: str, host: str, shown: str) -> None:
        self.owner, self.url, self.host, self.shown = owner, url, host, shown


def _string_parts(node: ast.AST) -> Iterator[int]:
    """The ids of the strings built with ``+``, ``%`` or an f-string that a
    string-building ``node`` is made of."""
    if isinstance(node, ast.BinOp):
        parts = [node.left, node.right]
    elif isinstance(node, ast.JoinedStr):
        parts = [value.value for value in node.values if isinstance(value, ast.FormattedValue)]
    else:
        return
    yield from (id(part) for part in parts if isinstance(part, (ast.BinOp, ast.JoinedStr)))


def _url_queries(node: ast.expr, bound: Callable[[str], Sequence[ast.expr]],
                 qualify: Qualify) -> Iterator[tuple[ast.expr, _SentTo]]:
    """The values under a scope key that ``node`` sends with a URL that is not provably
    Nylas's (see ``url_owner``), each with where it goes: an HTTP request's query or
    body (``requests.get(GOOGLE_AUTH_URL, params={"scope": ...})``), or a query
    string encoded into the URL (``"https://accounts.google.com/o/oauth2/auth?" +
    urlencode({...})``, an f-string).  A Nylas request's own query stays its own."""
    if isinstance(node, ast.Call):
        func = node.func
        method = func.attr if isinstance(func, ast.Attribute) else ""
        payloads = [keyword.value for keyword in node.keywords
                    if keyword.arg in _HTTP_PAYLOADS]
        url = _request_url(node, method) if method in _REQUEST_METHODS and payloads else None
        if url is None:
            return
        sent = _sent_to(url, bound, qualify,
                        f"{ast.unparse(func)}({ast.unparse(url)}, ...)")
        if sent.owner is not UrlOwner.NYLAS:
            for payload in payloads:
                yield from ((value, sent) for value in _scope_keys(payload, bound))
        return
    queries = list(_encoded_queries(node, bound))
    if queries:
        sent = _sent_to(node, bound, qualify, ast.unparse(node))
        if sent.owner is not UrlOwner.NYLAS:
            for encoded in queries:
                yield from ((value, sent) for value in _scope_keys(encoded, bound))


def _sent_to(url: ast.expr, bound: Callable[[str], Sequence[ast.expr]], qualify: Qualify,
             shown: str) -> _SentTo:
    text = _url_text(url, bound)
    return _SentTo(url_owner(text), text, _leading_reference(url, bound, qualify),
                   shown[:_REQUEST_TEXT])


def _leading_reference(node: ast.expr, bound: Callable[[str], Sequence[ast.expr]],
                       qualify: Qualify, depth: int = 0) -> str:
    """The dotted name of the constant a URL starts with, where it is not written here
    (``GOOGLE_AUTH_URL + "?" + ...`` with the name imported, ``f"{settings.AUTH}?..."``):
    the project index may read it.  "" for anything else."""
    while depth <= _URL_DEPTH:
        depth += 1
        if isinstance(node, ast.JoinedStr):
            first = node.values[0] if node.values else None
            if not isinstance(first, ast.FormattedValue):
                return ""
            node = first.value
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            node = node.left
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "format"):
            node = node.func.value
        elif isinstance(node, ast.Name) and len(bound(node.id)) == 1:
            node = bound(node.id)[0]
        elif isinstance(node, (ast.Name, ast.Attribute)):
            return qualify(node) or ""
        else:
            return ""
    return ""


def _request_url(node: ast.Call, method: str) -> ast.expr | None:
    """The URL an HTTP client's method is given: ``url=``, or by position (second for
    ``request(method, url)``)."""
    for keyword in node.keywords:
        if keyword.arg == "url":
            return keyword.value
    at = 1 if method == "request" else 0
    return node.args[at] if len(node.args) > at else None


def _url_text(node: ast.expr, bound: Callable[[str], Sequence[ast.expr]],
              depth: int = 0) -> str:
    """The text of a URL as far as it is written here: literal pieces as they are,
    through the names bound to one value here; anything else a hole."""
    if depth > _URL_DEPTH:
        return URL_HOLE
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_url_text(value, bound, depth + 1) for value in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _url_text(node.left, bound, depth + 1) + _url_text(node.right, bound, depth + 1)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _url_text(node.left, bound, depth + 1) + URL_HOLE
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"):
        return _url_text(node.func.value, bound, depth + 1) + URL_HOLE
    if isinstance(node, ast.Name) and len(bound(node.id)) == 1:
        return _url_text(bound(node.id)[0], bound, depth + 1)
    return URL_HOLE


def url_owner(url: str) -> UrlOwner:
    """Whose request a URL's text (holes for what is not written) shows it to be.

    Nylas's: a Nylas host, a host given elsewhere whose spelling names Nylas, or a path
    of a Nylas authorization request or of API v3.  Another service's: a literal host
    of another service, or a host given elsewhere with another path.  Anything else
    (the whole URL given elsewhere, a host given elsewhere and no path, a relative
    URL naming no Nylas path) says nothing of where it goes."""
    if not url or url == URL_HOLE:
        return UrlOwner.UNSEEN
    if nylas_path(url, URL_HOLE) is not None:
        return UrlOwner.NYLAS
    scheme = URL_SCHEME.match(url)
    rest = url[scheme.end():] if scheme else url
    relative = scheme is None and not rest.startswith(URL_HOLE)
    path = rest.split("?", 1)[0] if relative else "/" + rest.split("?", 1)[0].partition("/")[2]
    if (names_v3(path) or path.rstrip("/").endswith(_NYLAS_AUTH_PATHS)
            or (not relative and "nylas" in rest.split("/", 1)[0].lower())):
        return UrlOwner.NYLAS
    if relative or (not path.strip("/" + URL_HOLE) and not scheme):
        return UrlOwner.UNSEEN
    return UrlOwner.OTHER


def _encodes_a_query(node: ast.AST) -> bool:
    return ((isinstance(node, ast.Name) and node.id in _QUERY_ENCODERS)
            or (isinstance(node, ast.Attribute) and node.attr in _QUERY_ENCODERS))


def _encoded_queries(node: ast.expr, bound: Callable[[str], Sequence[ast.expr]]
                     ) -> Iterator[ast.expr]:
    """The dicts a URL expression encodes as its query (``urlencode(params)``), through
    the local names it reads."""
    seen: set[int] = set()
    pending: list[ast.AST] = [node]
    while pending:
        one = pending.pop()
        if id(one) in seen:
            continue
        seen.add(id(one))
        if isinstance(one, ast.Call) and one.args and (
                (isinstance(one.func, ast.Name) and one.func.id in _QUERY_ENCODERS)
                or (isinstance(one.func, ast.Attribute) and one.func.attr in _QUERY_ENCODERS)):
            yield one.args[0]
            continue
        if isinstance(one, ast.Name):
            pending.extend(bound(one.id))
        pending.extend(child for child in child_nodes(one)
                       if isinstance(child, ast.expr))


def _under_key(node: ast.expr, bound: Callable[[str], Sequence[ast.expr]]
               ) -> list[ast.expr] | None:
    """``CONF["google"]`` of a local or module name bound only to dict displays with
    constant keys: the values they hold under that key; None where that cannot be
    read, and the whole value counts."""
    if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)
            and isinstance(node.slice, ast.Constant)):
        return None
    displays = bound(node.value.id)
    if not displays or not all(
            isinstance(display, ast.Dict) and all(
                isinstance(key, ast.Constant) for key in display.keys)
            for display in displays):
        return None
    return [value for display in displays if isinstance(display, ast.Dict)
            for key, value in zip(display.keys, display.values)
            if isinstance(key, ast.Constant) and key.value == node.slice.value]


def _scope_setting(node: ast.Assign | ast.AnnAssign | ast.AugAssign) -> str:
    """The Django setting another library reads scopes from that ``node`` assigns
    (``SOCIALACCOUNT_PROVIDERS = {...}``, or one key of it), or ``""``."""
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    for target in targets:
        while isinstance(target, ast.Subscript):
            target = target.value
        name = (target.attr if isinstance(target, ast.Attribute)
                else target.id if isinstance(target, ast.Name) else "")
        if _SCOPE_SETTINGS.fullmatch(name):
            return name
    return ""


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
    if isinstance(node, ast.Call) and _named_attribute(node):
        # ``getattr(self, "SCOPES")``, ``getattr(settings, "SCOPES")``: the attribute,
        # as ``self.SCOPES`` and ``settings.SCOPES`` below.
        return _reference(_named_attribute(node)[0], qualify, own, module)
    if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Call)
            and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)):
        # ``oauth_config("microsoft")["scope"]``: the key of what the function
        # returns, as a request reading the same config names it.
        called = _reference(node.value.func, qualify, own, module)
        return f"{called}()[{node.slice.value!r}]" if called else ""
    if (isinstance(node, ast.Subscript) and isinstance(node.value, (ast.Name, ast.Attribute))
            and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)):
        # ``OAUTH_KWARGS["scope"]`` of a dict of this module or another: the key, as
        # the module defining the dict keeps it.
        held = _reference(node.value, qualify, own, module)
        return f"{held}[{node.slice.value!r}]" if held else ""
    if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
        # ``login_scopes()`` of another module: what it returns, as its module keeps
        # it (``ModuleFacts.returned``).  Read here for one of this module's own.
        function = qualify(node.func)
        return f"{function}()" if function else ""
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
