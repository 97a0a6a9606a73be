"""Collect Nylas API v3 scope requests (nylas-python 6.x) from one module.

A v3 app hands the SDK provider scopes in the ``scope`` key of a dict:

* ``client.auth.url_for_oauth2(config)``, ``url_for_oauth2_pkce``,
  ``url_for_admin_consent`` (the SDK joins the list into the ``/v3/connect/auth``
  URL);
* ``client.auth.custom_authentication(body)``, ``client.grants.update(id, body)``,
  ``client.connectors.create(body)`` / ``update(provider, body)`` (sent as JSON);
* by hand, a ``/v3/connect/auth?...&scope=a%20b`` URL (the space-joined wire format).

The dict may be a literal, a name bound to one (with ``config["scope"] = [...]``
writes), ``dict(...)`` or a request TypedDict of ``nylas.models`` called with
keywords.  The sites and their places come from ``nylas_api.v3.sdk``.  Facts only:
the v3 list rules judge them.
"""

from __future__ import annotations

import ast
import dataclasses
import urllib.parse
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nylas_api import API_VERSIONS
from ..nylas_api.http import URL_HOLE
from ..nylas_api.v3 import sdk
from ..nylas_api.v3.endpoints import CONDITION_KEYS
from ..nylas_api.v3.types import ProviderFrom, Serialisation
from ..nylas_api.v3.types import ScopeSite as SdkSite
from ..spans import Span
from .ast_names import dotted, keyword_value
from .branch_keys import branch_key_values
from .facts import (
    CONNECTOR_DEFAULTS,
    ArgumentDict,
    ArgumentValue,
    CallArguments,
    Generation,
    ItemForm,
    ScopeItem,
    ScopeSite,
    ScopeValue,
    SiteKind,
    UrlPart,
    ValueState,
)
from .own_methods import is_own_method
from .tree_walk import walk_nodes
from .typed_dicts import made_with_keywords
from .values import one_of

if TYPE_CHECKING:
    from .extract import Extractor

# Every scope site of 6.x and of the prereleases, by method name.
_SITES: dict[str, list[SdkSite]] = {}
for _site in (*sdk.SCOPE_SITES, *sdk.PRERELEASE_SCOPE_SITES):
    _SITES.setdefault(_site.method, []).append(_site)

# Methods whose name and resource say Nylas on their own: no other library has
# ``<x>.auth.url_for_oauth2``.  ``grants.update`` and ``connectors.create`` are common
# words; their receiver must be shown to be a Nylas client, or be named after Nylas.
_DISTINCTIVE = frozenset(
    {"url_for_oauth2", "url_for_oauth2_pkce", "url_for_admin_consent",
     "custom_authentication"}
)
# The client's objects whose methods make a grant (``<x>.auth``), with the site of
# one of them.
_GRANT_OBJECTS: dict[str, SdkSite] = {
    site.resource: site for site in reversed(sdk.SCOPE_SITES)
    if site.creates_grant and "." not in site.resource
}
_MODELS_PACKAGE = "nylas.models."
# The methods whose arguments can change the scopes a call needs, by name: the
# resources that have one.
_ARGUMENT_METHODS: dict[str, list[str]] = {}
for _resource, _method in sdk.ARGUMENT_POSITIONS:
    _ARGUMENT_METHODS.setdefault(_method, []).append(_resource)


def _shared_positions() -> dict[str, dict[str, int]]:
    """By method name, the parameters every resource with that method takes at one
    position (a parameter two of them take in different places is left out)."""
    shared: dict[str, dict[str, int]] = {}
    conflicting: set[tuple[str, str]] = set()
    for (_, method), positions in sdk.ARGUMENT_POSITIONS.items():
        taken = shared.setdefault(method, {})
        for parameter, position in positions.items():
            if taken.setdefault(parameter, position) != position:
                conflicting.add((method, parameter))
    for method, parameter in conflicting:
        del shared[method][parameter]
    return shared


# The places of a call's query parameters and body whatever resource it is made on.
_SHARED_POSITIONS = _shared_positions()
_REQUEST_TYPE_NAMES = frozenset(name.rsplit(".", 1)[1] for name in sdk.REQUEST_TYPES)
_SCOPE_KEY = "scope"


# A condition's key written as a dict key, in either quote.
_QUOTED_CONDITION_KEYS = tuple(f"{quote}{key}{quote}" for key in sorted(CONDITION_KEYS)
                               for quote in "\"'")


def may_give_sdk_arguments(text: str) -> bool:
    """Whether a module may pass an SDK call the dict that decides its scopes, by
    keyword (``events.list(grant, query_params={"calendar_id": "team"})``) or by
    position (``events.list(grant, {"calendar_id": "primary"})``, also handed to
    ``asyncio.to_thread``): it need not name Nylas when the client comes from another
    module.  A dict whose keys the module does not write (one built elsewhere) stays
    unread, which keeps every case of the endpoint possible."""
    return any(parameter in text for parameter in sdk.ARGUMENT_LOCATIONS) or any(
        key in text for key in _QUOTED_CONDITION_KEYS)


class _Merge:
    """In a dict's entries (see ``V3Requests._merged``): a dict merged in, ``**BASE``."""


_UNPACKED = _Merge()
_PROVIDER_KEY = "provider"
# Calls that turn a dict into a query string: ``f"{base}/v3/connect/auth?{urlencode(p)}"``
# and ``httpx.QueryParams(p)`` (whose str is the encoded query).
# Functions that percent-encode one query value.
_URL_QUOTERS = frozenset({"urllib.parse.quote", "urllib.parse.quote_plus"})
_URLENCODE = frozenset({"urllib.parse.urlencode", "urlencode", "httpx.QueryParams"})
# Why a request's granted set is not the list it shows (``ScopeSite.granted_unknown``).
_INCLUDE_GRANT_SCOPES = "'include_grant_scopes' may keep the scopes the grant had"
# A config dict another module defines: its 'scope' is read there, its other keys are
# not.
_OTHER_MODULES_CONFIG = ("the config comes from another module, whose "
                         "'include_grant_scopes' may keep the scopes the grant had")


@dataclass(frozen=True)
class _View:
    """The string keys of a dict the module builds, and whether they are all known."""

    node: ast.expr
    values: dict[str, ast.expr]
    keys: frozenset[str]
    complete: bool
    # A key each branch of an ``if`` writes before the call: the values it may hold.
    either: Mapping[str, tuple[ast.expr, ...]] = dataclasses.field(default_factory=dict)
    # The one dict merged in that this module cannot read (``{**BASE, ...}`` with
    # ``BASE`` imported), when nothing else about the dict is unknown: a key the
    # dict's own entries do not set is that dict's.
    merged_from: ast.expr | None = None


def _displays_scope(value: ast.expr) -> bool:
    """Whether ``value`` is a dict display with a ``"scope"`` key written in it."""
    return isinstance(value, ast.Dict) and any(
        isinstance(key, ast.Constant) and key.value == _SCOPE_KEY for key in value.keys)


def sdk_reads_arguments(node: ast.Call, held_object: Callable[[str], str]) -> bool:
    """Whether ``node`` calls, by its name and resource, a method of the SDK that takes
    the scopes of a request (``<x>.auth.url_for_oauth2(config)``,
    ``<x>.connectors.update("microsoft", {"scope": SCOPES})``) or whose arguments
    change what it needs (``<x>.events.list(grant, query_params=QUERY)``): it only
    reads them.  ``held_object`` gives the client's object a name always holds
    (``auth`` for ``auth = nylas.auth``), "" for another name."""
    func = node.func
    if not isinstance(func, ast.Attribute):
        return False
    resources = [site.resource for site in _SITES.get(func.attr, ())]
    resources += _ARGUMENT_METHODS.get(func.attr, [])
    if not resources:
        return False
    receiver = func.value
    held = held_object(receiver.id) if isinstance(receiver, ast.Name) else ""
    if held:
        receiver = ast.Attribute(receiver, held, ast.Load())
    return any(_resource_root(receiver, resource) is not None for resource in resources)


def grant_object_attribute(requests: V3Requests, value: ast.expr) -> str:
    """The attribute of the client's object ``value`` is (``auth`` for ``nylas.auth``),
    "" for any other value.  As for a request made on it directly
    (``sdk_reads_arguments``), the names say it: ``<x>.auth`` but the v5 beta's."""
    return value.attr if isinstance(value, ast.Attribute) and (
        value.attr in _GRANT_OBJECTS) and not requests.is_v5_beta(value.value) else ""


class V3Requests:
    """Finds v3 scope requests for an :class:`Extractor`, in its scopes and bindings."""

    def __init__(self, extractor: Extractor) -> None:
        self._ext = extractor
        # Module-level dicts given to a URL builder that joins their ``scope`` in
        # place, by name: the first such call.
        self._joined: dict[str, Span] = {}
        self._refreshed: set[str] = set()
        # The call of another module's class read as a dict display while a request's
        # reading that holds only if the class is a ``TypedDict`` is made.
        self._imported_dict_call: ast.Call | None = None
        # Reading the config a function of this module returns (``_returned_config``):
        # its parameters are not the request's.
        self._in_returned_config = False

    # -- SDK calls --------------------------------------------------------------------

    def call(self, node: ast.Call) -> ScopeSite | None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in _ARGUMENT_METHODS:
            self._call_arguments(node, func)
        if not isinstance(func, ast.Attribute) or func.attr not in _SITES:
            return None
        receiver = self._receiver(func.value)
        unconfirmed: ScopeSite | None = None
        for site in _SITES[func.attr]:
            root = _resource_root(receiver, site.resource)
            if root is None or self._is_v5_beta(root):
                continue
            if self._accepts(root, func.attr):
                return self._site(node, site)
            if unconfirmed is None:
                # ``client.grants.update(grant, {"scope": [...]})`` with ``client``
                # imported: the method's name is a common word, so the call is a
                # request only once the judge shows the receiver holds a client
                # (``judging.clients``).  Left out, the scopes it grants would be
                # missing from the project's grant.
                unconfirmed = self._site(node, site)
                if unconfirmed is not None:
                    unconfirmed = dataclasses.replace(
                        unconfirmed, confirmed=False, receiver=dotted(root))
        return unconfirmed

    def _receiver(self, node: ast.expr) -> ast.expr:
        """A call's receiver, or the attribute a name holding it is bound to
        (``auth = nylas.auth`` then ``auth.url_for_oauth2(config)``)."""
        if isinstance(node, ast.Name):
            bound = self._ext.lookup(node.id)
            if isinstance(bound, ast.Attribute):
                return bound
        return node

    def unread_request(self, node: ast.Attribute, called: bool) -> ScopeSite | None:
        """The request made through a scope-site method the analysis cannot read as a
        call, unresolved: the method of ``<x>.auth`` used as a value (``handlers =
        {"google": nylas.auth.url_for_oauth2}``, ``_call(nylas.auth.url_for_admin_consent,
        config)``), or a method whose name says Nylas called on an object the analysis
        cannot tell (``box.value.url_for_admin_consent(config)``).  Whatever it asks
        for, no rule may act as if the request did not exist.  ``called``: whether
        ``node`` is the callee of a call (read by :meth:`call` on ``<x>.auth``)."""
        method = node.attr
        sites = _SITES.get(method)
        if not sites or not isinstance(node.ctx, ast.Load):
            return None
        receiver = self._receiver(node.value)
        for site in sites:
            root = _resource_root(receiver, site.resource)
            if root is None:
                continue
            if called or self._is_v5_beta(root) or not self._accepts(root, method):
                return None
            return self._unresolved(node, site, "is used as a value")
        if method not in _DISTINCTIVE or self._own_method(node.value, method):
            return None
        return self._unresolved(node, sites[0], "is reached through an object the "
                                "analysis cannot tell")

    def unread_getter(self, getter: ast.Call, method: str) -> ScopeSite | None:
        """The request another module may make through a getter of a method that
        makes a grant (``operator.attrgetter("auth.url_for_oauth2")``), unresolved;
        None for a getter of another attribute."""
        sites = _SITES.get(method)
        if method not in _DISTINCTIVE or not sites:
            return None
        return self._unresolved(getter, sites[0], "is read by a getter other code calls")

    def unread_method_of(self, owner: ast.expr, node: ast.expr) -> ScopeSite | None:
        """A method chosen at run time of an object with a scope-site method
        (``getattr(nylas.auth, f"url_for_{kind}")``), unresolved as the method used
        as a value: the one that makes a grant, where there is one."""
        receiver = self._receiver(owner)
        found: list[SdkSite] = []
        for method, sites in _SITES.items():
            for site in sites:
                root = _resource_root(receiver, site.resource)
                if root is not None and not self._is_v5_beta(root) and self._accepts(
                        root, method):
                    found.append(site)
        if not found:
            return None
        site = next((site for site in found if site.creates_grant), found[0])
        return self._unresolved(node, site, "may be the method chosen by name")

    def is_request_object(self, node: ast.expr) -> bool:
        """Whether ``node`` is a client's object whose methods make a grant
        (``nylas.auth``): its root is shown to be a client or named after Nylas, as
        ``auth`` alone is a common word (``request.auth``)."""
        if not (isinstance(node, ast.Attribute) and node.attr in _GRANT_OBJECTS):
            return False
        root = node.value
        return not self._is_v5_beta(root) and (
            self._is_client(root) or "nylas" in dotted(root).lower())

    def unread_object(self, node: ast.expr, made_as: ast.Attribute | None) -> ScopeSite:
        """``helper(nylas.auth)``, ``operator.methodcaller("url_for_oauth2",
        config)(nylas.auth)``: any of its methods may make a grant where the analysis
        cannot see, an unresolved request as its method used as a value is.
        ``made_as`` is the object's attribute (``node`` itself, or what the name
        ``node`` holds; None where it may hold more than one thing)."""
        site = _GRANT_OBJECTS[made_as.attr] if made_as is not None else next(
            iter(_GRANT_OBJECTS.values()))
        return self._unresolved(node, site,
                                "may be called on it where the analysis cannot see")

    def _own_method(self, receiver: ast.expr, method: str) -> bool:
        ext = self._ext
        classes = [name for name, kind in ext._qual if kind == "class"]
        return is_own_method(receiver, method, ext._module_classes,
                             classes[-1] if len(classes) == 1 else None, ext.lookup)

    def _unresolved(self, node: ast.expr, site: SdkSite, why: str) -> ScopeSite:
        description = f"{site.resource}.{site.method}()"
        reason = f"{site.method} {why}: its {site.argument} cannot be read"
        kind = (
            SiteKind.V3_AUTH_URL
            if site.serialisation is Serialisation.URL_SPACE_JOINED
            else SiteKind.V3_JSON
        )
        return ScopeSite(
            kind, Generation.V3, self._ext.source.span(node),
            ScopeValue(ValueState.UNRESOLVED, complete=False, reason=reason),
            description=description,
            granted_unknown=reason if site.creates_grant else "",
        )

    def _call_arguments(self, node: ast.Call, func: ast.Attribute) -> None:
        """Record the query parameters and body of a call whose scopes depend on them
        (``events.list(grant, query_params={"calendar_id": "primary"})``).  Which call
        it is, the resolver decides; the judge matches the two by the call's span.

        A call on a receiver that names no resource (``r.list(grant, query_params=
        {...})`` after ``r = holder.events``, ``self.events.list(...)``) may still be
        one the resolver follows there: its arguments are recorded where they are
        given and every resource with a method of that name takes them in the same
        places, so that they read alike whichever it is."""
        receiver = self._receiver(func.value)
        for resource in _ARGUMENT_METHODS[func.attr]:
            if _resource_root(receiver, resource) is None:
                continue
            found = self._arguments_found(node, sdk.ARGUMENT_POSITIONS[(resource, func.attr)])
            self._ext.call_arguments.append(CallArguments(
                self._ext.source.span(node), found.get("query"), found.get("body")))
            return
        positions = _SHARED_POSITIONS.get(func.attr, {})
        given = {parameter: position for parameter, position in positions.items()
                 if _argument(node, parameter, position) is not None}
        if not given and node.args and positions:
            # ``src.list(grant_id)`` given its grant but no query parameters nor body:
            # the SDK's defaults, which choose a case as the same call made on the
            # resource in place does (``source`` is ``address_book``).  (A call
            # given no argument at all is no API v3 resource's.)
            given = positions
        found = self._arguments_found(node, given)
        if any(value is not None for value in found.values()):
            # Only a dict that is read: an unread one keeps every case possible, as
            # no record does, and the facts stay small.
            self._ext.call_arguments.append(CallArguments(
                self._ext.source.span(node), found.get("query"), found.get("body")))

    def _arguments_found(self, node: ast.Call, positions: Mapping[str, int],
                         ) -> dict[str, ArgumentDict | None]:
        """The dict each location of ``positions`` is given (empty where the call
        gives none), or None where it cannot be read."""
        found: dict[str, ArgumentDict | None] = {}
        for parameter, position in positions.items():
            location = sdk.ARGUMENT_LOCATIONS[parameter]
            if any(isinstance(arg, ast.Starred) for arg in node.args) or any(
                    keyword.arg is None for keyword in node.keywords):
                found[location] = None
                continue
            argument = _argument(node, parameter, position)
            found[location] = ArgumentDict((), True) if argument is None else (
                self._argument_dict(argument))
        return found

    def argument_dict(self, node: ast.expr) -> ArgumentDict | None:
        """The keys and literal values of a dict argument; None when unreadable."""
        return self._argument_dict(node)

    def _argument_dict(self, node: ast.expr, depth: int = 0) -> ArgumentDict | None:
        """A dict argument's keys and literal values, nested dicts as dotted keys."""
        if isinstance(node, ast.Constant) and node.value is None:
            return ArgumentDict((), True)
        if isinstance(node, ast.Name) and self._ext.argument_handed_over(node.id):
            return None
        target = self._ext.reader.follow(node)
        if isinstance(target, ast.Call) and not target.args and (
                self._ext.qualify(target.func) or "").startswith(_MODELS_PACKAGE):
            # ``ListEventQueryParams(calendar_id="primary")``: a TypedDict of the SDK.
            node = ast.Call(ast.Name("dict", ast.Load()), [], target.keywords)
        view = self._view(node)
        if view is None:
            return None
        values: list[tuple[str, ArgumentValue]] = []
        complete = view.complete
        for key in sorted(view.keys):
            value = view.values.get(key)
            target = self._ext.reader.follow(value) if value is not None else None
            # A name is read as itself: its key writes and hand-overs count.
            readable = value if isinstance(value, ast.Name) else target
            inner = self._argument_dict(readable, depth + 1) if (
                readable is not None and depth < 2 and isinstance(target, (ast.Dict, ast.Call))
            ) else None
            if inner is not None:
                values += [(f"{key}.{sub}", sub_value) for sub, sub_value in inner.values]
                complete = complete and inner.complete
                values.append((key, True))
            else:
                values.append((key, _literal(target)))
                if isinstance(target, (ast.List, ast.Tuple)):
                    values += self._elements(key, value, target, depth)
        return ArgumentDict(tuple(values), complete)

    def _elements(self, key: str, written: ast.expr | None, node: ast.List | ast.Tuple,
                  depth: int) -> list[tuple[str, ArgumentValue]]:
        """The elements of a list under ``key[]`` (``participants[].booking.calendar_id``,
        ``calendar_ids[]``): a str as written, a dict's keys below it.  An element
        that cannot be read, or a dict that may hold more keys, is ``key[]`` with no
        value: it may hold anything.  So is every element of a list other code may
        change (``participants.append(...)`` besides handing it to the call)."""
        if isinstance(written, ast.Name) and self._ext.argument_handed_over(written.id):
            return [(f"{key}[]", None)]
        values: list[tuple[str, ArgumentValue]] = []
        for element in node.elts:
            target = None if isinstance(element, ast.Starred) else self._ext.reader.follow(element)
            if isinstance(target, ast.Constant) and isinstance(target.value, str):
                values.append((f"{key}[]", target.value))
                continue
            # A name is read as itself: its key writes and hand-overs count.
            readable = element if isinstance(element, ast.Name) else target
            inner = self._argument_dict(readable, depth + 1) if (
                readable is not None and depth < 2 and isinstance(target, (ast.Dict, ast.Call))
            ) else None
            if inner is None or not inner.complete:
                values.append((f"{key}[]", None))
            if inner is not None:
                values += [(f"{key}[].{sub}", sub_value) for sub, sub_value in inner.values]
        return values

    def is_v5_beta(self, node: ast.expr) -> bool:
        """Whether ``node`` is the v5 ``APIClient(...).authentication`` beta, or a name
        bound to it."""
        return self._is_v5_beta(node)

    def _is_v5_beta(self, node: ast.expr, depth: int = 0) -> bool:
        """True when ``node`` is the v5 ``APIClient(...).authentication`` beta (or a
        name bound to it): its ``grants`` are not the 6.x ones."""
        if isinstance(node, ast.Attribute):
            return node.attr == sdk.V5_BETA_AUTHENTICATION
        if isinstance(node, ast.Name) and depth < 8:
            bound = self._ext.lookup(node.id)
            return bound is not None and self._is_v5_beta(bound, depth + 1)
        return False

    def _accepts(self, root: ast.expr, method: str) -> bool:
        if self._is_client(root):
            return True
        if method in _DISTINCTIVE:
            return True
        return "nylas" in dotted(root).lower()

    def _is_client(self, node: ast.expr, depth: int = 0) -> bool:
        """True when ``node`` certainly holds a v3 ``nylas.Client`` in this module: a
        ``Client(...)`` call (under any import name), a name bound to one or annotated
        with the class, a call of a function of this module that returns one (a
        factory, a FastAPI dependency), or ``self.<attribute>`` of a class that sets or
        annotates the attribute as one."""
        ext = self._ext
        if depth > 8:
            return False
        if isinstance(node, ast.Call):
            if self._is_client_class(node.func):
                return True
            return isinstance(node.func, ast.Name) and self._returns_client(
                node.func.id, depth + 1)
        if isinstance(node, ast.Name):
            bindings = ext._binding_scope(node.id)
            annotation = bindings.annotations.get(node.id) if bindings is not None else None
            if annotation is not None and self._is_client_class(annotation):
                return True
            bound = ext.lookup(node.id)
            return bound is not None and self._is_client(bound, depth + 1)
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id == "self"):
            return self._attribute_is_client(node.attr, depth + 1)
        return False

    def _is_client_class(self, node: ast.expr) -> bool:
        """``Client``, ``nylas.Client`` or an alias of it, also as a string annotation."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                node = ast.parse(node.value, mode="eval").body
            except SyntaxError:
                return False
        return self._ext.qualify(node) in sdk.CLIENT_CLASSES

    def _returns_client(self, name: str, depth: int) -> bool:
        """Whether the module's function ``name`` returns a client: its return
        annotation says so, or every ``return`` gives one."""
        function = self._ext._module_functions.get(name)
        if function is None or depth > 8:
            return False
        if function.returns is not None:
            return self._is_client_class(function.returns)
        returns = [statement.value for statement in walk_nodes(function)
                   if isinstance(statement, ast.Return)]
        return bool(returns) and all(
            value is not None and isinstance(value, ast.Call)
            and self._is_client_class(value.func)
            for value in returns
        )

    def _attribute_is_client(self, attribute: str, depth: int) -> bool:
        """``self.<attribute>`` in a method of the class being read: the class
        annotates the attribute as a client (a dataclass field), or every assignment
        to it in the class gives a client or an ``__init__`` parameter annotated as one."""
        ext = self._ext
        classes = [name for name, kind in ext._qual if kind == "class"]
        cls = ext._module_classes.get(classes[-1]) if len(classes) == 1 else None
        if cls is None:
            return False
        assigned: list[bool] = []
        for statement in cls.body:
            if (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                    and statement.target.id == attribute):
                return self._is_client_class(statement.annotation)
        for method in cls.body:
            if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            parameters = {arg.arg: arg.annotation for arg in
                          (*method.args.posonlyargs, *method.args.args, *method.args.kwonlyargs)}
            for inner in walk_nodes(method):
                targets: list[ast.expr] = []
                value: ast.expr | None = None
                if isinstance(inner, ast.Assign):
                    targets, value = inner.targets, inner.value
                elif isinstance(inner, ast.AnnAssign):
                    targets, value = [inner.target], inner.value
                    if _is_self_attribute(inner.target, attribute) and (
                            self._is_client_class(inner.annotation)):
                        assigned.append(True)
                        continue
                if not any(_is_self_attribute(target, attribute) for target in targets):
                    continue
                if isinstance(value, ast.Name) and value.id in parameters:
                    annotation = parameters[value.id]
                    assigned.append(annotation is not None
                                    and self._is_client_class(annotation))
                else:
                    assigned.append(value is not None and (
                        isinstance(value, ast.Call) and self._is_client_class(value.func)))
        return bool(assigned) and all(assigned)

    def raw_request(
        self, node: ast.Call, path: str, verb: str, body: ast.expr | None
    ) -> None:
        """A custom-authentication body POSTed by hand to ``/v3/connect/custom`` (the
        path alone says Nylas v3): recorded as a request.  The call stays a raw HTTP
        call for the rest of the analysis."""
        if (body is None or verb != sdk.RAW_CUSTOM_AUTH.method
                or not path.endswith(sdk.CUSTOM_AUTH_PATH)):
            return
        site = self._request(node, body, sdk.RAW_CUSTOM_AUTH, f"{verb} {sdk.CUSTOM_AUTH_PATH}")
        if site is not None:
            self._ext.sites.append(site)

    def _site(self, node: ast.Call, site: SdkSite) -> ScopeSite | None:
        argument = _argument(node, site.argument, site.position)
        if argument is None and isinstance(node.func, ast.Attribute) and (
                any(isinstance(arg, ast.Starred) for arg in node.args)
                or any(keyword.arg is None for keyword in node.keywords)):
            # ``nylas.auth.url_for_oauth2(*args)``: a config the call spreads.
            return self._unresolved(node, site, "is given its arguments spread")
        if argument is None:
            return None
        return self._request(node, argument, site, f"{site.resource}.{site.method}()")

    def _request(
        self, node: ast.Call, argument: ast.expr, site: SdkSite, description: str
    ) -> ScopeSite | None:
        request = self._request_read(node, argument, site, description)
        if request is None or request.value.state is not ValueState.UNRESOLVED:
            return request
        made = self._ext.reader.follow(argument)
        returned = self._returned_config(node, argument, made, site, description)
        if returned is not None:
            return returned
        typed_dict = self._imported_class(made) if isinstance(made, ast.Call) else ""
        if not typed_dict:
            return request
        # ``url_for_oauth2(OAuthConfig(client_id=..., scope=[...]))`` with the class
        # imported: a dict display if that class is a TypedDict, which the judge asks
        # the module defining it.
        assert isinstance(made, ast.Call)
        self._imported_dict_call = made
        try:
            as_dict = self._request_read(node, argument, site, description)
        finally:
            self._imported_dict_call = None
        if as_dict is None:
            return request
        return dataclasses.replace(request, typed_dict=typed_dict, as_typed_dict=as_dict)

    def _returned_config(
        self, node: ast.Call, argument: ast.expr, made: ast.expr | None, site: SdkSite,
        description: str,
    ) -> ScopeSite | None:
        """The request read from the config a function of this module returns, written
        as the argument (``url_for_oauth2(oauth_config(provider))`` with ``def
        oauth_config(provider): return {..., "scope": SCOPES[provider]}``); None where
        it is not such a call or a return cannot be read.

        Each return is read in the function's own scope: its parameters hold what no
        caller is asked about (``"provider": provider`` names no provider), so a
        config that copies a parameter's scopes stays unresolved.  Several returns
        are several requests, as ``A if pro else B`` is.  A config bound to a name
        first is read so only while nothing but the request is given it.
        """
        ext = self._ext
        if not isinstance(made, ast.Call) or any(
                isinstance(arg, ast.Starred) for arg in made.args):
            return None
        if made is not argument and not (
                isinstance(argument, ast.Name) and self._kept_as_made(argument, made)):
            return None
        self._in_returned_config = True
        try:
            read = ext.read_returns(made, lambda value: self._request_read(
                node, value, site, description, at=value))
        finally:
            self._in_returned_config = False
        if read is None:
            return None
        sites = [request for request in read if request is not None]
        if len(sites) != len(read) or not sites:
            return None
        if len(sites) == 1:
            return sites[0]
        providers = {request.provider for request in sites}
        return dataclasses.replace(
            sites[0],
            value=one_of([request.value for request in sites]),
            provider=providers.pop() if len(providers) == 1 else "",
            granted_unknown=next(
                (request.granted_unknown for request in sites if request.granted_unknown), ""),
            joined_at=None,
        )

    def _kept_as_made(self, name: ast.Name, made: ast.Call) -> bool:
        """Whether the function-local ``name``, bound to the call ``made`` itself (not
        through another name), still holds the dict it returned at the request: no key
        of it written, nothing changed in it in place, and handed to no code but the
        request, as a dict display bound to a name must be."""
        ext = self._ext
        bindings = ext._binding_scope(name.id)
        if bindings is None or bindings is ext.module_bindings or not ext._scopes or (
                bindings is not ext._scopes[-1] or bindings.lookup(name.id) is not made):
            return False
        if (name.id in bindings.key_writes or name.id in bindings.opaque_writes
                or bindings.changed_in_place(name.id)):
            return False
        if ext.grown_key_lists(name, _SCOPE_KEY) is not None:
            return False
        return not ext._shared_in_function(name.id, bindings)

    def _imported_class(self, call: ast.Call) -> str:
        """The qualified name of the class of another module a call with keywords
        only names (``OAuthConfig(...)``, ``types.OAuthConfig(...)``); "" otherwise."""
        func = call.func
        if not made_with_keywords(call) or not isinstance(func, (ast.Name, ast.Attribute)):
            return ""
        if isinstance(func, ast.Name) and func.id not in self._ext._imports:
            return ""
        qualified = self._ext.qualify(func) or ""
        if "." not in qualified or qualified in sdk.REQUEST_TYPES:
            return ""
        return qualified

    def _request_read(
        self, node: ast.Call, argument: ast.expr, site: SdkSite, description: str,
        at: ast.expr | None = None,
    ) -> ScopeSite | None:
        view = self._view(argument, at=node if at is None else at)
        granted_unknown = ""
        elsewhere = None
        if view is None:
            elsewhere = self._scope_of_other_modules_config(argument)
        elif _SCOPE_KEY not in view.keys and view.merged_from is not None:
            # ``{**AUTH_CONFIG, "redirect_uri": uri}``: no entry of its own sets
            # ``scope``, so it is the imported dict's, read as if given whole.
            elsewhere = self._scope_of_other_modules_config(view.merged_from)
        if elsewhere is not None:
            # ``url_for_oauth2(AUTH_CONFIG)`` with the dict imported: its ``scope`` is
            # a constant of that module, which the project index reads.
            value = elsewhere
            # A function's config is kept only where its grant is told (see
            # ``returned_config_scopes``); a dict's other keys are not read.
            granted_unknown = _OTHER_MODULES_CONFIG if site.creates_grant and not (
                view is None and isinstance(argument, ast.Call)) else ""
            view = view or _View(argument, {}, frozenset(), False)
        elif view is None or _SCOPE_KEY not in view.keys:
            # No ``scope`` the analysis can see.  A request that makes a grant then
            # gets the connector's default scopes (or ones the unread dict holds): it
            # is recorded so that nothing is judged missing on its strength.  Other
            # sites (``grants.update`` of the settings only) request no scopes, which
            # only a body read in full shows: one the analysis cannot read
            # (``grants.update(grant_id, request_body)`` in a wrapper) may set them.
            read_in_full = view is not None and view.complete
            if not site.creates_grant and read_in_full:
                return None
            if read_in_full:
                value = ScopeValue(ValueState.MISSING, span=self._ext.source.span(node))
                granted_unknown = CONNECTOR_DEFAULTS
            else:
                value = ScopeValue(ValueState.UNRESOLVED, complete=False,
                                   reason=f"cannot read the {site.argument} of {description}")
                granted_unknown = value.reason if site.creates_grant else ""
            view = view or _View(argument, {}, frozenset(), False)
        else:
            scope = view.values.get(_SCOPE_KEY)
            options = view.either.get(_SCOPE_KEY, ())
            if options:
                # ``request["scope"] = A`` in one branch, ``= B`` in the other: one of
                # two requests, as ``"scope": A if cond else B`` is.
                value = one_of([self.read_scope(option) for option in options])
            elif scope is None:
                value = ScopeValue(ValueState.UNRESOLVED, complete=False,
                                   reason="cannot tell which 'scope' the config holds")
            else:
                # ``{"scope": scopes}`` in a wrapper: what its callers pass.
                value = (None if self._in_returned_config
                         else self._ext._parameter_reference(scope)) or self._by_provider(
                    scope, view) or self.read_scope(scope)
            if site.creates_grant:
                granted_unknown = self._includes_grant_scopes(view)
        provider = ""
        if site.provider_from is ProviderFrom.CONFIG_KEY:
            provider_node = view.values.get(_PROVIDER_KEY)
            if provider_node is not None:
                provider = self._ext.reader.read_string(provider_node) or ""
            elif _PROVIDER_KEY not in view.keys and view.complete:
                provider = site.default_provider or ""
        elif site.provider_from is ProviderFrom.FIRST_ARGUMENT:
            provider_node = _argument(node, _PROVIDER_KEY, 0)
            if provider_node is not None:
                provider = self._ext.reader.read_string(provider_node) or ""
        kind = (
            SiteKind.V3_AUTH_URL
            if site.serialisation is Serialisation.URL_SPACE_JOINED
            else SiteKind.V3_JSON
        )
        span = self._ext.source.span(node)
        return ScopeSite(
            kind, Generation.V3, span, value,
            provider=provider.lower(), description=description,
            granted_unknown=granted_unknown,
            joined_at=self._joined_before(argument, site, value, span),
        )

    def _by_provider(self, scope: ast.expr, view: _View) -> ScopeValue | None:
        """``"scope": PROVIDER_SCOPES.get(provider, [])`` beside ``"provider":
        provider`` in one dict display, of a dict this module binds with a key for
        every provider whose scopes the rules judge: read as ``PROVIDER_SCOPES[
        provider]``.  The default is sent only for a grant of a provider none of the
        keys names (IMAP, say), which no rule judges, whatever it names (``[]``, or a
        list of Google's scopes, which no Google grant gets): a grant of a judged
        provider gets that provider's list.  None otherwise."""
        written = scope
        if isinstance(scope, ast.Name):
            # ``scopes = PROVIDER_SCOPES.get(provider, [])`` then ``"scope": scopes``.
            held = self._held_lookup(scope)
            if held is None:
                return None
            scope = held
        if not (isinstance(scope, ast.Call) and isinstance(scope.func, ast.Attribute)
                and scope.func.attr == "get" and 1 <= len(scope.args) <= 2
                and not scope.keywords):
            return None
        key, provider = scope.args[0], view.values.get(_PROVIDER_KEY)
        display = view.node if isinstance(view.node, ast.Dict) else self._ext.reader.follow(
            view.node)
        if not (isinstance(key, ast.Name) and isinstance(provider, ast.Name)
                and key.id == provider.id and isinstance(display, ast.Dict)
                and any(value is written for value in display.values)
                and any(value is provider for value in display.values)):
            return None
        if written is not scope and self._bound_in_body(provider.id):
            # Looked up before: ``provider`` bound since may name another provider.
            return None
        keys = self._ext.reader.dict_keys(scope.func.value)
        if keys is None:
            return self._other_modules_by_provider(scope.func.value, scope)
        if not set(API_VERSIONS["v3"].providers) <= keys:
            return None
        return self.read_scope(ast.copy_location(
            ast.Subscript(value=scope.func.value, slice=key, ctx=ast.Load()), scope))

    def _held_lookup(self, name: ast.Name) -> ast.expr | None:
        """The ``.get`` call a local name is bound to once, where no code of the
        function changes the list it holds or hands it on (``scopes.append(...)``
        would change the dict's list); None otherwise."""
        ext = self._ext
        bindings = ext._binding_scope(name.id)
        if bindings is None or bindings is ext.module_bindings or (
                name.id in bindings.mutated or name.id in bindings.opaque_writes):
            return None
        held = ext.reader.follow(name)
        return held if isinstance(held, ast.Call) else None

    def _bound_in_body(self, name: str) -> bool:
        """Whether the statements of the function being read bind ``name``."""
        bodies = self._ext._bodies
        return bool(bodies) and any(
            isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load)
            for statement in bodies[-1] for node in walk_nodes(statement))

    def _other_modules_by_provider(self, base: ast.expr, at: ast.expr) -> ScopeValue | None:
        """``PROVIDER_SCOPES.get(provider, [])`` of another module's dict (imported,
        or ``settings.PROVIDER_SCOPES``): one of its lists for each provider the rules
        judge, each read by the project index as ``PROVIDER_SCOPES["google"]`` is,
        which says whether any code changes it.  A provider the dict has no key for
        leaves its reference unread (unresolved): its grants may then get the
        connector's defaults.  None where ``base`` is not another module's."""
        if not self._ext.qualify(base):
            return None
        options = []
        for provider in sorted(API_VERSIONS["v3"].providers):
            keyed = ast.copy_location(ast.Subscript(
                value=base, slice=ast.copy_location(ast.Constant(provider), at),
                ctx=ast.Load()), at)
            value = self.read_scope(keyed)
            if not value.reference:
                return None
            options.append(value)
        return one_of(options)

    def _scope_of_other_modules_config(self, argument: ast.expr) -> ScopeValue | None:
        """The ``scope`` of a config dict named by a constant of another module
        (``AUTH_CONFIG`` imported, ``settings.AUTH_CONFIG``), or returned by a function
        of another module (``oauth_config(uri)`` imported), as a reference to it for
        the project index; None where the argument is not one."""
        if isinstance(argument, ast.Call):
            return self._scope_of_other_modules_function(argument)
        if not isinstance(argument, (ast.Name, ast.Attribute)):
            return None
        # Located by hand: ``ast.fix_missing_locations`` leaves a reference cycle per
        # call, and the analysis runs with the cyclic collector paused.
        key = ast.copy_location(ast.Constant(_SCOPE_KEY), argument)
        keyed = ast.copy_location(
            ast.Subscript(value=argument, slice=key, ctx=ast.Load()), argument)
        value = self.read_scope(keyed)
        return value if value.reference else None

    def _scope_of_other_modules_function(self, call: ast.Call) -> ScopeValue | None:
        """``oauth_config(uri)`` with ``oauth_config`` imported: the ``scope`` of the
        config it returns, which its own module keeps (``returned_config_scopes``) as
        ``pkg.auth.oauth_config()['scope']`` for the project index; None for a call
        of anything else."""
        ext = self._ext
        func = call.func
        head = func
        while isinstance(head, ast.Attribute):
            head = head.value
        if not isinstance(head, ast.Name) or ext._binding_scope(head.id) not in (
                None, ext.module_bindings):
            # A local name of the same spelling may hold another function.
            return None
        function = ext._other_module_function(call, ext.module_bindings)
        if not function:
            return None
        reference = f"{function}(){[_SCOPE_KEY]}"
        return ScopeValue(ValueState.UNRESOLVED, complete=False, reference=reference,
                          reason=f"scopes come from {reference}")

    def returned_config_scopes(self) -> dict[str, ScopeValue]:
        """The ``scope`` of the config each function of this module returns, read as
        a request given the call is (see ``_returned_config``), kept as
        ``oauth_config()['scope']`` for another module that passes
        ``oauth_config(uri)`` to a request.  Only a function each of whose returns
        is a dict display with a ``scope`` key counts: the test is cheap, and the
        facts stay small.  A config that may set ``include_grant_scopes`` is not
        kept: the caller's request then stays unresolved, as its grant cannot be
        told."""
        ext = self._ext
        kept: dict[str, ScopeValue] = {}
        for name, function in ext._module_functions.items():
            returns = ext._returns_of(function)
            if not returns or not all(_displays_scope(value) for value in returns):
                continue
            call = ast.Call(func=ast.Name(id=name, ctx=ast.Load()), args=[], keywords=[])
            self._in_returned_config = True
            try:
                read = ext.read_returns(call, self._returned_scope)
            finally:
                self._in_returned_config = False
            if read is None or any(value is None for value in read):
                continue
            kept[f"{name}(){[_SCOPE_KEY]}"] = one_of(
                [value for value in read if value is not None])
        return kept

    def _returned_scope(self, value: ast.expr) -> ScopeValue | None:
        """The ``scope`` of one returned dict display, read in the function's own
        scope, as ``_request_read`` reads it; None where it cannot tell the key's
        value (a key written by a merge it cannot read)."""
        view = self._view(value, at=value)
        if view is None or _SCOPE_KEY not in view.keys or self._includes_grant_scopes(view):
            return None
        options = view.either.get(_SCOPE_KEY, ())
        if options:
            return one_of([self.read_scope(option) for option in options])
        scope = view.values.get(_SCOPE_KEY)
        return None if scope is None else self.read_scope(scope)

    def _joined_before(
        self, argument: ast.expr, site: SdkSite, value: ScopeValue, span: Span
    ) -> Span | None:
        """The earlier call that joined the ``scope`` list of the same module-level
        dict into a str in place (``_build_query`` writes the caller's dict), if any.

        Only a module-level name given as it is counts: a copy (``dict(CONFIG)``,
        ``{**CONFIG}``) is not changed, and a dict built in a function is built anew
        on every call.
        """
        if not (site.mutates_argument and isinstance(argument, ast.Name)):
            return None
        if value.state is not ValueState.ITEMS or any(
            item.form is ItemForm.STRING_PART for item in value.items
        ):
            return None
        ext = self._ext
        if ext._binding_scope(argument.id) is not ext.module_bindings:
            return None
        if not isinstance(ext.reader.follow(argument), ast.Dict):
            return None
        name = argument.id
        if any(name in scope.key_writes or name in scope.opaque_writes
               for scope in ext._scopes[1:]):
            # A function that writes the dict's keys before the call may set a fresh
            # ``scope`` list each time: never called broken, here or later.
            self._refreshed.add(name)
        if name in self._refreshed:
            return None
        first = self._joined.get(argument.id)
        if first is None:
            self._joined[argument.id] = span
        return first

    def _includes_grant_scopes(self, view: _View) -> str:
        """Why the grant may end with more than the listed scopes ("" when it cannot):
        ``include_grant_scopes`` set to anything but a false literal."""
        flag = view.values.get(sdk.INCLUDE_GRANT_SCOPES_KEY)
        if flag is None:
            if sdk.INCLUDE_GRANT_SCOPES_KEY in view.keys or not view.complete:
                return _INCLUDE_GRANT_SCOPES
            return ""
        target = self._ext.reader.follow(flag)
        if isinstance(target, ast.Constant) and not target.value:
            return ""
        return _INCLUDE_GRANT_SCOPES

    def _view(self, node: ast.expr, depth: int = 0, at: ast.expr | None = None) -> _View | None:
        """The dict ``node`` holds: a literal, ``dict(...)`` or a request TypedDict
        called with keywords or with one dict, plus ``name["key"] = v`` writes (those
        in each branch of an ``if`` before the call ``at``, read as alternatives)."""
        ext = self._ext
        target = ext.reader.follow(node)
        view: _View | None = None
        if at is not None and isinstance(node, ast.Name):
            grown = ext.grown_key_lists(node, _SCOPE_KEY)
            if grown is not None:
                # ``config["scope"].append(CAL)`` behind a flag: one request per list.
                display, lists = grown
                view = self._merged(display, [
                    (key.value if isinstance(key, ast.Constant) and isinstance(key.value, str)
                     else None, value) for key, value in zip(display.keys, display.values)],
                    depth)
                values = {key: value for key, value in view.values.items()
                          if key != _SCOPE_KEY}
                return _View(view.node, values, view.keys, view.complete,
                             {_SCOPE_KEY: tuple(lists)})
        if isinstance(target, ast.Dict):
            view = self._merged(target, [
                (key.value if isinstance(key, ast.Constant) and isinstance(key.value, str)
                 else _UNPACKED if key is None else None, value)
                for key, value in zip(target.keys, target.values)], depth)
        elif isinstance(target, ast.Call) and self._builds_dict(target):
            if len(target.args) > 1 or any(isinstance(arg, ast.Starred) for arg in target.args):
                return None
            # ``dict(BASE, scope=S)``: the keywords come after the dict's own keys.
            view = self._merged(target, [(_UNPACKED, arg) for arg in target.args] + [
                (_UNPACKED if keyword.arg is None else keyword.arg, keyword.value)
                for keyword in target.keywords], depth)
        if view is None or not isinstance(node, ast.Name):
            return view
        bindings = ext._binding_scope(node.id)
        if bindings is None:
            return view
        values = dict(view.values)
        keys = set(view.keys)
        complete = view.complete and node.id not in bindings.opaque_writes
        # Written through whole (``config.update(...)``): a key may come from anywhere.
        merged_from = None if node.id in bindings.opaque_writes else view.merged_from
        either: dict[str, tuple[ast.expr, ...]] = {}
        for key_name, writes in bindings.key_writes.get(node.id, {}).items():
            keys.add(key_name)
            if len(writes) == 1 and key_name not in values:
                values[key_name] = writes[0]
                continue
            options = self._branch_written(node, key_name, writes, values.get(key_name), at)
            values.pop(key_name, None)
            if options:
                either[key_name] = tuple(options)
            else:
                complete = False
        return _View(view.node, values, frozenset(keys), complete, either, merged_from)

    def _branch_written(
        self, node: ast.Name, key: str, writes: Sequence[ast.expr],
        made_with: ast.expr | None, at: ast.expr | None,
    ) -> list[ast.expr] | None:
        """The values ``node[key]`` may hold at the call ``at``, each written in a
        branch of one ``if`` of the body that makes the dict and makes the call."""
        ext = self._ext
        if at is None or not ext._scopes or ext._binding_scope(node.id) is not ext._scopes[-1]:
            return None
        bindings = ext._scopes[-1]
        if node.id in bindings.opaque_writes or node.id in bindings.mutated:
            return None
        return branch_key_values(ext._bodies[-1], node.id, key, writes, made_with, at)

    def _merged(
        self, target: ast.expr, entries: Sequence[tuple[str | _Merge | None, ast.expr]],
        depth: int,
    ) -> _View:
        """The dict ``entries`` build in order (later keys win): each a key and its
        value, ``_UNPACKED`` for a dict merged in (``**BASE``), ``None`` for a key that
        cannot be read.  A key written before a merge or a key that cannot be read may
        have been replaced by it: its value is then unknown, unless the merged dict is
        read whole."""
        values: dict[str, ast.expr] = {}
        keys: set[str] = set()
        complete = True
        unread: list[ast.expr] = []
        other_unknowns = False
        for key, value in entries:
            if not isinstance(key, str):
                inner = self._view(value, depth + 1) if key is _UNPACKED and depth < 4 else None
                if inner is None and key is _UNPACKED:
                    unread.append(value)
                elif inner is None or not inner.complete:
                    other_unknowns = True
                if inner is None or not inner.complete:
                    values.clear()
                    complete = False
                if inner is not None:
                    keys.update(inner.keys)
                    for replaced in inner.keys:
                        values.pop(replaced, None)
                    values.update(inner.values)
                continue
            keys.add(key)
            values[key] = value
        merged_from = unread[0] if len(unread) == 1 and not other_unknowns else None
        return _View(target, values, frozenset(keys), complete, merged_from=merged_from)

    def _builds_dict(self, call: ast.Call) -> bool:
        func = call.func
        qualified = self._ext.qualify(func)
        if qualified in sdk.REQUEST_TYPES or call is self._imported_dict_call:
            return True
        if isinstance(func, ast.Name) and func.id in self._ext.facts.typed_dicts and (
                made_with_keywords(call)
                and self._ext._binding_scope(func.id) in (None, self._ext._scopes[0])):
            # ``OAuthConfig(client_id="c", scope=[...])`` with ``class OAuthConfig(
            # TypedDict)`` in this module: a dict.
            return True
        if isinstance(func, ast.Name):
            if func.id == "dict" and self._ext.lookup("dict") is None:
                return qualified is None
            # ``from nylas.models.auth import *`` or a local import the module
            # re-exports: the class name alone.
            return qualified is None and func.id in _REQUEST_TYPE_NAMES
        return False

    def read_scope(self, node: ast.expr) -> ScopeValue:
        """The ``scope`` value.  A str (what NYS404 is about) is read as items of the
        form ``STRING_PART``: one item holding the whole literal, or, for
        ``" ".join(LIST)``, the list's items."""
        ext = self._ext
        target = ext.reader.follow(node)
        if isinstance(target, ast.Constant) and isinstance(target.value, str):
            if not target.value.strip():
                return ScopeValue(ValueState.EMPTY, span=ext.source.span(node))
            # ``span`` is where the value is given; the item is where the str is
            # written (elsewhere when a name holds it, which other code may read too).
            item = ScopeItem(target.value, ext.source.span(target), ItemForm.STRING_PART, 0)
            return ScopeValue(ValueState.ITEMS, (item,), True, span=ext.source.span(node))
        if isinstance(target, ast.Call) and _is_str_join(target):
            inner = ext.reader.read(target.args[0])
            if inner.state is not ValueState.ITEMS:
                return ScopeValue(ValueState.UNRESOLVED, complete=False,
                                  reason="a joined str of scopes that cannot be read")
            items = tuple(
                ScopeItem(item.text, item.span, ItemForm.STRING_PART, index)
                for index, item in enumerate(inner.items)
            )
            return ScopeValue(ValueState.ITEMS, items, inner.complete,
                              span=ext.source.span(target))
        return ext.reader.read(node)

    # -- hosted-auth URLs built by hand -------------------------------------------------

    def hosted_url(self, node: ast.expr, text: str, holes: list[ast.expr],
                   url: tuple[UrlPart, ...] = ()) -> Iterator[ScopeSite]:
        """The scope requests of a ``/v3/connect/auth`` URL whose pieces are ``text``
        (holes for the parts built at run time, in the order of ``holes``).  ``url``:
        the URL's parts where other modules' constants must say it is that path
        (``f"{config.API}/connect/auth?{query}"``, see ``ScopeSite.url``)."""
        if not url:
            yield from self._hosted_url(node, text, holes)
            return
        for site in self._hosted_url(node, text, holes, checked=False):
            yield dataclasses.replace(site, url=url, url_path=sdk.HOSTED_AUTH_PATH)

    def _hosted_url(self, node: ast.expr, text: str, holes: list[ast.expr],
                    checked: bool = True) -> Iterator[ScopeSite]:
        """``hosted_url``; ``checked``: whether the text must spell the path."""
        path, _, query = text.partition("?")
        if checked and not path.rstrip("/").endswith(sdk.HOSTED_AUTH_PATH):
            return
        if any(character.isspace() for character in text):
            # Prose that mentions the URL (a docstring, a log message), not a URL:
            # a URL's spaces are encoded.
            return
        span = self._ext.source.span(node)
        hole_iter = iter(holes)
        for _ in range(path.count(URL_HOLE)):
            next(hole_iter, None)
        named = any(pair.partition("=")[0] == _SCOPE_KEY for pair in query.split("&"))
        for pair in query.split("&"):
            key, _, raw = pair.partition("=")
            key_holes = [next(hole_iter, None) for _ in range(pair.count(URL_HOLE))]
            if key == URL_HOLE and not raw and key_holes and key_holes[0] is not None:
                site = self._urlencoded(key_holes[0], span, named)
                if site is not None:
                    yield site
                continue
            if key != _SCOPE_KEY:
                continue
            if URL_HOLE not in raw:
                value = _wire_value(urllib.parse.unquote_plus(raw), span)
            elif raw == URL_HOLE and key_holes and key_holes[0] is not None:
                value = self._wire_expression(self._unquoted(key_holes[0]), span)
            else:
                value = ScopeValue(ValueState.UNRESOLVED, complete=False,
                                   reason="scopes built at run time")
            yield _url_site(span, value)

    def _unquoted(self, hole: ast.expr) -> ast.expr:
        """``quote(" ".join(SCOPES))`` in a URL's query: the value it encodes, which
        the server reads back (only there: a value quoted inside ``urlencode``'s dict
        is encoded twice)."""
        ext = self._ext
        target = ext.reader.follow(hole)
        if (isinstance(target, ast.Call) and ext.qualify(target.func) in _URL_QUOTERS
                and len(target.args) == 1 and not isinstance(target.args[0], ast.Starred)
                and all(keyword.arg == "safe" for keyword in target.keywords)):
            return target.args[0]
        return hole

    def hosted_params(self, node: ast.Call, path: str, params: ast.expr,
                      url: tuple[UrlPart, ...] = ()) -> None:
        """A ``/v3/connect/auth`` URL given its query as a dict to encode
        (``httpx.URL(AUTH_URL, params={...})``, ``requests.Request("GET", AUTH_URL,
        params={...})``): a scope request, read as ``urlencode(params)`` in the URL
        is.  A dict the analysis cannot read requests scopes it cannot tell.  ``url``:
        the URL's parts where other modules' constants must say it is that path."""
        if not path.rstrip("/").endswith(sdk.HOSTED_AUTH_PATH):
            return
        view = self._view(params)
        if view is not None and _SCOPE_KEY not in view.keys and view.complete:
            return
        site = _url_site(self._ext.source.span(node), ScopeValue(
            ValueState.UNRESOLVED, complete=False, reason="query built at run time",
        )) if view is None or _SCOPE_KEY not in view.keys else self._query_site(view)
        if url:
            site = dataclasses.replace(site, url=url, url_path=sdk.HOSTED_AUTH_PATH)
        self._ext.sites.append(site)

    def _query_site(self, view: _View) -> ScopeSite:
        """The scope request of a query dict with a ``scope`` key."""
        anchor = self._ext.source.span(view.node)
        scope = view.values.get(_SCOPE_KEY)
        value = (
            self._wire_expression(scope, anchor) if scope is not None
            else ScopeValue(ValueState.UNRESOLVED, complete=False, reason="scope written twice")
        )
        return _url_site(anchor, value)

    def _urlencoded(self, hole: ast.expr, span: Span, named: bool) -> ScopeSite | None:
        """``urlencode(params)`` (or ``httpx.QueryParams(params)``) in the query: the
        ``scope`` key of ``params``.  A hole whose parameters cannot be read (``?{q}``,
        ``urlencode(config)`` of a parameter, a dict spreading another) may hold the
        scope: unresolved, never left out, unless the query names its ``scope``
        itself (``named``)."""
        ext = self._ext
        unread = None if named else _url_site(span, ScopeValue(
            ValueState.UNRESOLVED, complete=False, reason="query built at run time"))
        target = ext.reader.follow(hole)
        if not (isinstance(target, ast.Call) and target.args and (
            ext.qualify(target.func) in _URLENCODE
            or (isinstance(target.func, ast.Name) and target.func.id == "urlencode")
        )):
            return unread
        view = self._view(target.args[0])
        if view is None:
            return unread
        if _SCOPE_KEY not in view.keys:
            return None if view.complete else unread
        return self._query_site(view)

    def _wire_expression(self, node: ast.expr, span: Span) -> ScopeValue:
        """A space-joined scope value: ``" ".join(LIST)`` (the list's items) or a str."""
        ext = self._ext
        target = ext.reader.follow(node)
        if isinstance(target, ast.Call) and _is_str_join(target, " "):
            return ext.reader.read(target.args[0])
        text = ext.reader.read_string(node)
        if text is not None:
            return _wire_value(text, ext.source.span(target) if target is not None else span)
        return ScopeValue(ValueState.UNRESOLVED, complete=False,
                          reason="scopes built at run time")


def _is_self_attribute(node: ast.expr, attribute: str) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == attribute
            and isinstance(node.value, ast.Name) and node.value.id == "self")


def _url_site(span: Span, value: ScopeValue) -> ScopeSite:
    return ScopeSite(SiteKind.V3_HOSTED_URL, Generation.V3, span, value,
                     description=f"{sdk.HOSTED_AUTH_PATH} URL")


def _wire_value(text: str, span: Span) -> ScopeValue:
    """The scopes of a space-joined wire value, each an item at the string's span (the
    string is a URL or a query value: there is no item of its own to edit)."""
    parts = text.split()
    if not parts:
        return ScopeValue(ValueState.EMPTY, span=span)
    items = tuple(ScopeItem(part, span, ItemForm.STRING_PART, index)
                  for index, part in enumerate(parts))
    return ScopeValue(ValueState.ITEMS, items, True, span=span)


def _literal(node: ast.expr | None) -> ArgumentValue:
    """A str as written, another literal as its truth value, else None (unknown)."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else bool(node.value)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return bool(node.elts)
    return None


def _resource_root(node: ast.expr, resource: str) -> ast.expr | None:
    """The client under ``<client>.<resource>`` (``resource`` may be dotted), each
    attribute read as such or by ``getattr(<client>, "<resource>")``."""
    for attribute in reversed(resource.split(".")):
        if isinstance(node, ast.Attribute) and node.attr == attribute:
            node = node.value
        elif _named_read(node, attribute):
            assert isinstance(node, ast.Call)
            node = node.args[0]
        else:
            return None
    return node


def _named_read(node: ast.expr, attribute: str) -> bool:
    """Whether ``node`` is ``getattr(obj, "<attribute>")``."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "getattr" and len(node.args) == 2 and not node.keywords
            and isinstance(node.args[1], ast.Constant) and node.args[1].value == attribute
            and not isinstance(node.args[0], ast.Starred))


def _is_str_join(node: ast.Call, separator: str | None = None) -> bool:
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "join"
        and isinstance(func.value, ast.Constant)
        and isinstance(func.value.value, str)
        and (separator is None or func.value.value == separator)
        and len(node.args) == 1
        and not node.keywords
    )


def _argument(node: ast.Call, name: str, position: int) -> ast.expr | None:
    given = keyword_value(node, name)
    if given is not None:
        return given
    positional = node.args
    if any(isinstance(arg, ast.Starred) for arg in positional[: position + 1]):
        return None
    return positional[position] if len(positional) > position else None
