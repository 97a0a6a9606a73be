"""Facts collected from one module: plain, JSON-serialisable records.

The extractor produces them from an ``ast`` tree, the project index caches them, and
the rules judge them.  Nothing here knows the rules.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..nylas_api.http import ARGUMENT, HOSTS, NOTIFY, URL_HOLE, UNREAD_PATH, names_v3
from .facts_values import ItemForm, ScopeItem, ScopeValue, Splice, UrlPart, ValueState
from .empty_records import no_entries, shed_empty
from .flow_facts import FlowFacts
from .guard_reaches import CallableReach, ImportReach, ProviderTable, Reach
from .shared_texts import shared_texts

# Re-exported: the value types are part of the facts vocabulary.
__all__ = [
    "Generation", "ItemForm", "ModuleFacts", "ScopeItem", "ScopeSite", "ScopeValue",
    "SiteKind", "Span", "ValueState", "UrlPart", "RawTemplate", "RawUse", "BodyArg",
    "Splice", "StarImport", "GivenTo", "ReadParameters",
]
from ..spans import Span


class SiteKind(enum.Enum):
    SDK_HOSTED = "sdk_hosted"  # APIClient.authentication_url(...)
    NATIVE = "native"  # JSON body POSTed to /connect/authorize
    HOSTED_URL = "hosted_url"  # /oauth/authorize URL or params built by hand
    FLASK_DANCE = "flask_dance"  # flask_dance make_nylas_blueprint(...)
    # API v3 (nylas-python 6.x): the ``scope`` of a config the SDK joins into the
    # ``/v3/connect/auth`` URL (``auth.url_for_oauth2`` and its siblings) ...
    V3_AUTH_URL = "v3_auth_url"
    # ... of a JSON body (``auth.custom_authentication``, ``grants.update``,
    # ``connectors.create``/``update``) ...
    V3_JSON = "v3_json"
    # ... or the space-joined ``scope`` of a ``/v3/connect/auth`` URL built by hand.
    V3_HOSTED_URL = "v3_hosted_url"


class Generation(enum.Enum):
    V2 = "v2"
    V3 = "v3"


# Why a v3 request without ``scope`` grants what its list does not say
# (``ScopeSite.granted_unknown``): its provider's connector defaults apply.
CONNECTOR_DEFAULTS = "no 'scope': the connector's default scopes apply"


@dataclass(frozen=True, slots=True)
class ScopeSite:
    """A place where the code requests scopes for an end user.

    ``span`` is the auth call (or the payload/URL literal); ``value`` is what the
    scopes resolve to.  ``ignored_key`` is set when the request names its scopes under
    a key Nylas ignores (the singular ``scope``); ``ignored_span`` points at it.
    ``provider`` is the literal provider value when the request names one.
    """

    kind: SiteKind
    generation: Generation
    span: Span
    value: ScopeValue
    provider: str = ""
    service_account: bool = False
    ignored_key: bool = False
    ignored_span: Span | None = None
    description: str = ""
    # Whether the site is certainly a Nylas request.  An ``authentication_url`` call
    # is one only on a Nylas client, which the analysis does not decide: it records
    # the call unconfirmed, and the judge confirms it when the resolver shows the
    # receiver holds a client.  ``receiver`` is the receiver's dotted text.
    confirmed: bool = True
    receiver: str = ""
    # A request whose URL is built from other modules' constants: it is one only when
    # ``url`` reads, across modules, as a Nylas URL whose path ends in ``url_path``.
    url: tuple[UrlPart, ...] = ()
    url_path: str = ""
    # Why the scopes the request ends with may differ from the ones it lists ("" when
    # they do not): a v3 request without ``scope`` gets the connector's defaults, and
    # one with ``include_grant_scopes`` may keep the grant's earlier scopes.  The
    # granted set is then unknown, whatever ``value`` says, so no rule may call a scope
    # missing on the strength of this request.
    granted_unknown: str = ""
    # A v3 URL builder that joins ``scope`` into a str in the caller's dict
    # (``url_for_oauth2``, ``_pkce``) was given the same module-level dict at this
    # earlier call: by the time this request runs, its ``scope`` is that str.
    joined_at: Span | None = None
    # A helper's request whose receiver only the resolver can show to be the SDK's
    # helper (``ROUTES.build_auth_url(...)`` in a module that does not import
    # ``Routes``): the qualified class.  Its method name is common, so until the
    # judge confirms the receiver the site is no request, whatever its scopes name.
    helper_class: str = ""
    # A request made through a getter of the request's method that a module-level
    # name holds and the module never calls (``GET_AUTH = operator.attrgetter(
    # "auth.url_for_oauth2")``): the name.  It is a request only once the judge sees
    # another module use that name; until then it is unconfirmed.
    exported_as: str = ""
    # A config made by calling a class another module defines, with keywords only
    # (``OAuthConfig(client_id=..., scope=[...])`` with ``OAuthConfig`` imported): the
    # qualified class, and the request read as if the call were a dict display.  That
    # reading holds only where the judge finds the class is a ``TypedDict`` of the
    # project; until then the request is what ``value`` says (the config unread).
    typed_dict: str = ""
    as_typed_dict: ScopeSite | None = None

    def to_json(self) -> dict[str, Any]:
        data = self._json()
        if self.as_typed_dict is not None:
            data["typed_dict"] = self.typed_dict
            data["as_typed_dict"] = self.as_typed_dict.to_json()
        if self.url:
            data["url"] = [part.to_json() for part in self.url]
            data["url_path"] = self.url_path
        if self.granted_unknown:
            data["granted_unknown"] = self.granted_unknown
        if self.joined_at is not None:
            data["joined_at"] = self.joined_at.to_json()
        if self.helper_class:
            data["helper_class"] = self.helper_class
        if self.exported_as:
            data["exported_as"] = self.exported_as
        return data

    def _json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "generation": self.generation.value,
            "span": self.span.to_json(),
            "value": self.value.to_json(),
            "provider": self.provider,
            "service_account": self.service_account,
            "ignored_key": self.ignored_key,
            "ignored_span": self.ignored_span.to_json() if self.ignored_span else None,
            "description": self.description,
            "confirmed": self.confirmed,
            "receiver": self.receiver,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScopeSite:
        ignored = data["ignored_span"]
        return cls(
            SiteKind(data["kind"]),
            Generation(data["generation"]),
            Span.from_json(data["span"]),
            ScopeValue.from_json(data["value"]),
            str(data["provider"]),
            bool(data["service_account"]),
            bool(data["ignored_key"]),
            Span.from_json(ignored) if ignored is not None else None,
            str(data["description"]),
            bool(data["confirmed"]),
            str(data["receiver"]),
            tuple(UrlPart.from_json(part) for part in data.get("url", ())),
            str(data.get("url_path", "")),
            str(data.get("granted_unknown", "")),
            Span.from_json(data["joined_at"]) if data.get("joined_at") else None,
            str(data.get("helper_class", "")),
            str(data.get("exported_as", "")),
            str(data.get("typed_dict", "")),
            ScopeSite.from_json(data["as_typed_dict"]) if data.get("as_typed_dict") else None,
        )


@dataclass(frozen=True, slots=True)
class RawUse:
    """A raw HTTP request as the code makes it: ``method`` (upper case; ``REQUEST``
    when chosen at run time) and the ``path`` its URL holds (parts built at run time
    as ``URL_HOLE``; ``UNREAD_PATH`` when the path cannot be read), on a ``host`` of
    the kinds ``nylas_api/http.py`` names.  Or a name in the code that stands for a
    use (``NOTIFY`` a trigger, ``ARGUMENT`` a request argument): ``path`` is the name,
    with no host.

    Which endpoint the request reaches, if any, is for the judge to say
    (``judging/raw_requests.py``): a fact holds no verdict of the endpoint map.
    """

    method: str
    host: str
    path: str
    span: Span
    text: str
    # False where the code names the request without making it here: a decorator
    # (``@app.post("/events")`` registers a route) or a request method handed on
    # (``run(http.post, ...)``).
    sent: bool = True

    @property
    def is_mention(self) -> bool:
        return self.method in (NOTIFY, ARGUMENT)

    @property
    def names_v3(self) -> bool:
        """Whether the path names API v3 (``/v3/...``): syntax, not a route."""
        return not self.is_mention and names_v3(self.path)

    @property
    def shown_path(self) -> str:
        """The path as messages show it: parts built at run time as ``{...}``."""
        if self.path == UNREAD_PATH and not self.is_mention:
            return "/{...}"
        return self.path.replace(URL_HOLE, "{...}")

    def to_json(self) -> Any:
        return [self.method, self.host, self.path, self.span.to_json(), self.text, self.sent]

    @classmethod
    def from_json(cls, data: Any) -> RawUse:
        method, host, path, span, text, sent = data
        if host not in HOSTS:
            raise ValueError(f"a raw use's host is not one of {sorted(HOSTS)}: {host!r}")
        return cls(str(method), host, str(path), Span.from_json(span), str(text), bool(sent))


@dataclass(frozen=True, slots=True)
class RawTemplate:
    """A raw HTTP call whose URL is built from other modules' constants: the project
    index reads the constants and makes it a raw use (or nothing)."""

    method: str
    url: tuple[UrlPart, ...]
    span: Span
    text: str
    # Whether an HTTP library sends it (``requests.put``, a session's ``put``): then a
    # URL of which nothing can be read is still a request that may go to Nylas.
    sends_http: bool = False
    # Why the analysis cannot tell that the request is sent to this URL at all (its
    # receiver may be another object than the client whose base the URL joins): the
    # judge then reads it as one that may not go to Nylas, and its finding says why.
    # Set by the project index on the requests it adds, never part of a module's facts.
    unsure: str = ""

    def to_json(self) -> Any:
        return [self.method, [part.to_json() for part in self.url], self.span.to_json(),
                self.text, self.sends_http]

    @classmethod
    def from_json(cls, data: Any) -> RawTemplate:
        return cls(str(data[0]), tuple(UrlPart.from_json(part) for part in data[1]),
                   Span.from_json(data[2]), str(data[3]), bool(data[4]))


@dataclass(frozen=True, slots=True)
class SharedClient:
    """A module-level name bound once to an HTTP client made with a base URL
    (``HTTP = httpx.Client(base_url=...)``), made at ``span``.  Other modules may
    import it and send requests the module's own reading never sees: the project
    index joins the paths they spell to ``base`` as the client's library does
    (``joins_like_urljoin``), and counts any request below the base where they use it
    otherwise, or where the module itself never uses the client (then it is there for
    code elsewhere)."""

    name: str
    base: tuple[UrlPart, ...]
    joins_like_urljoin: bool
    span: Span
    used_here: bool = False

    def to_json(self) -> Any:
        return [self.name, [part.to_json() for part in self.base], self.joins_like_urljoin,
                self.span.to_json(), self.used_here]

    @classmethod
    def from_json(cls, data: Any) -> SharedClient:
        return cls(str(data[0]), tuple(UrlPart.from_json(part) for part in data[1]),
                   bool(data[2]), Span.from_json(data[3]), bool(data[4]))


@dataclass(frozen=True, slots=True)
class HeldClient:
    """An HTTP client made with a base URL and held where the value flow names it,
    not by a module-level name: an attribute of a class's instances
    (``self.http = httpx.Client(base_url=...)``, ``a:app.http.Api.http``), framework
    state (``app.state.http = ...``, ``s:state.http``) or what a function returns
    (``r:app.http.Api.http`` of a property).  Made at ``span``.  Wherever the resolver
    finds a request method called on what that place holds, the request goes to
    ``base`` joined with its path as the client's library joins them
    (``joins_like_urljoin``).  ``read_where_made``: the requests the class's own
    methods send with ``self.<attr>`` are read by the module already."""

    symbol: str
    base: tuple[UrlPart, ...]
    joins_like_urljoin: bool
    span: Span
    read_where_made: bool = False

    def to_json(self) -> Any:
        return [self.symbol, [part.to_json() for part in self.base], self.joins_like_urljoin,
                self.span.to_json(), self.read_where_made]

    @classmethod
    def from_json(cls, data: Any) -> HeldClient:
        return cls(str(data[0]), tuple(UrlPart.from_json(part) for part in data[1]),
                   bool(data[2]), Span.from_json(data[3]), bool(data[4]))


@dataclass(frozen=True, slots=True)
class BodyArg:
    """A native-auth body passed to a call, for a helper that posts its parameter.

    ``span`` is the call; the argument is at ``position`` (-1 for a keyword argument
    named ``keyword``).  Either ``site`` is the request the body makes when posted, or
    ``reference`` names the parameter of the enclosing function passed on unchanged
    (``param:module.function#position#name``): its callers give the body.
    """

    span: Span
    position: int
    keyword: str
    site: ScopeSite | None = None
    reference: str = ""

    def to_json(self) -> Any:
        return [self.span.to_json(), self.position, self.keyword,
                self.site.to_json() if self.site is not None else None, self.reference]

    @classmethod
    def from_json(cls, data: Any) -> BodyArg:
        return cls(Span.from_json(data[0]), int(data[1]), str(data[2]),
                   ScopeSite.from_json(data[3]) if data[3] is not None else None,
                   str(data[4]))


# A literal argument as the endpoint map's conditions read it: a str as written, any
# other literal as its truth value, None for a value the analysis cannot read.
ArgumentValue = str | bool | None


@dataclass(frozen=True, slots=True)
class ArgumentDict:
    """The keys of a dict argument (dotted for nested literal dicts) and their values;
    ``complete`` is False when the dict may hold keys not listed."""

    values: tuple[tuple[str, ArgumentValue], ...]
    complete: bool

    def to_json(self) -> Any:
        return [[list(pair) for pair in self.values], self.complete]

    @classmethod
    def from_json(cls, data: Any) -> ArgumentDict:
        values = tuple((str(key), value if isinstance(value, (str, bool)) else None)
                       for key, value in data[0])
        return cls(values, bool(data[1]))


@dataclass(frozen=True, slots=True)
class CallArguments:
    """The query parameters and body an SDK call (API v3) is given, where the endpoint
    map says an argument changes the scopes it needs; None where the argument cannot
    be read."""

    span: Span
    query: ArgumentDict | None
    body: ArgumentDict | None

    def to_json(self) -> Any:
        return [self.span.to_json(),
                self.query.to_json() if self.query is not None else None,
                self.body.to_json() if self.body is not None else None]

    @classmethod
    def from_json(cls, data: Any) -> CallArguments:
        return cls(Span.from_json(data[0]),
                   ArgumentDict.from_json(data[1]) if data[1] is not None else None,
                   ArgumentDict.from_json(data[2]) if data[2] is not None else None)


@dataclass(frozen=True, slots=True)
class StarImport:
    """``from module import *`` at ``line``; ``conditional`` when it sits in an
    ``if``/``try`` block (``from .local import *`` when a local settings file exists),
    so it may not have run."""

    module: str
    line: int
    conditional: bool

    def to_json(self) -> Any:
        return [self.module, self.line, self.conditional]

    @classmethod
    def from_json(cls, data: Any) -> StarImport:
        return cls(str(data[0]), int(data[1]), bool(data[2]))


@dataclass(frozen=True, slots=True)
class GivenTo:
    """Lists or dicts of other modules given to a function another module defines
    (``enable_mail(SCOPES)``, both imported): changed, unless that function only
    reads the parameter they land in.  ``references`` are the entries of
    ``ModuleFacts.given_away`` the call makes when it may change them; ``callee`` the
    function's dotted name; ``position`` the argument's (-1 for a keyword argument,
    ``keyword``)."""

    references: tuple[str, ...]
    callee: str
    position: int
    keyword: str

    def to_json(self) -> Any:
        return [list(self.references), self.callee, self.position, self.keyword]

    @classmethod
    def from_json(cls, data: Any) -> GivenTo:
        return cls(tuple(str(name) for name in data[0]), str(data[1]), int(data[2]),
                   str(data[3]))


@dataclass(frozen=True, slots=True)
class ReadParameters:
    """The parameters of a module's function whose object the function only reads
    (no method called on it but a read, no item stored, not extended, not handed on,
    not kept): ``positional`` in order, "" for one that may be changed, and those a
    caller may name by keyword.  ``shared``: those of them whose shallow copy the
    function returns or hands on (``def clone(plans): return list(plans)``): the
    container is left as it is, but the items it holds go on."""

    positional: tuple[str, ...]
    keywords: tuple[str, ...]
    shared: tuple[str, ...] = ()

    def to_json(self) -> Any:
        return [list(self.positional), list(self.keywords), list(self.shared)]

    @classmethod
    def from_json(cls, data: Any) -> ReadParameters:
        return cls(tuple(str(name) for name in data[0]), tuple(str(name) for name in data[1]),
                   tuple(str(name) for name in data[2]) if len(data) > 2 else ())

    def reads(self, position: int, keyword: str) -> bool:
        """Whether the argument at ``position`` (or under ``keyword``) is only read."""
        if position >= 0:
            return position < len(self.positional) and bool(self.positional[position])
        return keyword in self.keywords

    def shares_items(self, position: int, keyword: str) -> bool:
        """Whether the items of the argument at ``position`` (or under ``keyword``),
        only read, go on in a copy the function returns or hands on."""
        if position >= 0:
            return position < len(self.positional) and self.positional[position] in (
                self.shared) and bool(self.positional[position])
        return keyword in self.shared


# A class attribute read through ``self`` or ``cls`` in a method of the class.
_THROUGH_INSTANCE = "self:"


def through_instance(reference: str) -> str:
    """The reference of ``self.SCOPES`` in a method of the class ``reference`` names
    the attribute of (``pkg.auth.Auth.SCOPES``): the class's attribute, unless a
    subclass may bind it again (see ``ModuleFacts.subclass_bindings``)."""
    return _THROUGH_INSTANCE + reference


def instance_read(reference: str) -> str | None:
    """The class attribute a reference of :func:`through_instance` names; None for any
    other reference."""
    return reference[len(_THROUGH_INSTANCE):] if reference.startswith(
        _THROUGH_INSTANCE) else None


def shown_reference(reference: str) -> str:
    """A reference as a message names it: ``self.SCOPES of pkg.auth.Auth``."""
    read = instance_read(reference)
    if read is None:
        return reference
    holder, _, attribute = read.rpartition(".")
    return f"self.{attribute} of {holder}"


def any_attribute(attribute: str) -> str:
    """The entry of ``ModuleFacts.mutated`` for a change to an attribute of an object
    the analysis cannot name (``self.SCOPES.append(...)``): a change to that
    attribute of any class, or of its instances."""
    return f"?.{attribute}"


def any_member(holder: str) -> str:
    """The entry of ``ModuleFacts.mutated`` for a change the analysis cannot name to
    an attribute of a module or object it can (``namespace = vars(config)``, then
    ``namespace[key] = ...``): a change to any of them."""
    return f"{holder}.*"


def any_module_member(name: str) -> str:
    """The entry of ``ModuleFacts.mutated`` for a change to a name of a module the
    analysis cannot name (``sys.modules[name].SCOPES.append(...)``): that name of any
    module."""
    return f"{ANY_MODULE}.{name}"


# Stands for a module the analysis cannot name, in ``any_module_member``.
ANY_MODULE = "*"

# The end of a reference to the value a dict of scope lists holds at a key the
# analysis cannot tell (``SCOPES[provider]``): any one of its values.
ANY_KEY = "[...]"

# The ends of a reference to the strings iterating an ``Enum`` class of str members
# gives, read where the class is written: each member's ``.value`` (``[s.value for
# s in Scope]``), and each member itself, which a ``str`` class's members are
# (``[s for s in Scope]``, ``list(Scope)``).  Kept only for a class whose body says
# every member for certain (``enum_members.enum_member_names``).
ENUM_VALUES = "[values]"
ENUM_MEMBERS = "[members]"

# The end of a ``ModuleFacts.given_away`` entry for a list or dict only whose items
# go to code that may change them (``dict(CONFIG)["scope"].append(...)``): a key of
# it (``CONFIG["scope"]``) is not what it says, a list of strings still is.
ITEMS = "[*]"


@dataclass(slots=True)
class ModuleFacts:
    """Everything the rules need from one module.

    ``constants`` are module-level names bound once to a readable scopes value, for
    other modules that import them.  ``flow`` records how clients move (see
    ``flow_facts``); it is filled for a module that mentions Nylas, and for every
    module of a project where one does.
    """

    path: str
    module: str = ""
    mentions_nylas: bool = False
    sites: Sequence[ScopeSite] = ()
    constants: Mapping[str, ScopeValue] = field(default_factory=no_entries)
    flow: FlowFacts | None = None
    raw_uses: Sequence[RawUse] = ()
    # Default values of parameters that carry scopes into an auth call, by reference.
    param_defaults: Mapping[str, ScopeValue] = field(default_factory=no_entries)
    # Names of other modules whose list this module changes in place
    # (``settings.SCOPES.append(...)``): read as scopes, they are not what they say.
    mutated: Sequence[str] = ()
    # Module constants that may be part of a Nylas URL (a host, a path), by name.
    strings: Mapping[str, tuple[UrlPart, ...]] = field(default_factory=no_entries)
    raw_templates: Sequence[RawTemplate] = ()
    # ``os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")``: its module.
    django_settings: str = ""
    # Native-auth bodies (or parameters holding one) passed to calls.
    body_args: Sequence[BodyArg] = ()
    # The arguments of API v3 calls whose scopes depend on them.
    call_arguments: Sequence[CallArguments] = ()
    # What a star import of this module, or from it, brings: its star imports in
    # order; its constant-style (upper-case) module-level names, each with the line of
    # its last binding (a binding in a function through ``global`` counts as the
    # module's last); and ``__all__`` when it lists names (None without one;
    # ``exports_known`` is False when it cannot be read).
    star_imports: Sequence[StarImport] = ()
    upper_names: Mapping[str, int] = field(default_factory=no_entries)
    exports: Sequence[str] | None = None
    exports_known: bool = True
    # Of a module with a star import, every name it binds at module level, with the
    # line of its last binding as ``upper_names`` has it: a name it does not bind
    # after its star imports is one they bring (``from .a import *`` in ``b``, then
    # ``from .b import *``).
    star_bound: Mapping[str, int] = field(default_factory=no_entries)

    # Branches that run only for some providers' grants: (first line, last line,
    # providers), see ``provider_guards``.
    provider_guards: Sequence[tuple[int, int, tuple[str, ...]]] = ()
    # Functions, methods and classes the module reaches only from such branches or
    # through a table keyed by the provider: (name, first line, last line, providers),
    # kept to those providers unless another module uses the name.
    function_guards: Sequence[tuple[str, int, int, tuple[str, ...]]] = ()
    # Those a name or key not tied to a provider may pick (``getattr(self, "_sync_" +
    # kind)``, ``HANDLERS[kind]``), so that which providers' grants reach them is
    # unknown: (name, first line, last line, the line that picks them).
    undecided_guards: Sequence[tuple[str, int, int, int]] = ()
    # How the module's code reaches its top-level functions and classes (those it
    # uses only by calls and tables), and, in a module that tests providers, how it
    # uses each name it imports (None elsewhere): the judge keeps code another
    # module reaches only under guards to those providers (see ``guard_reaches``).
    callable_reaches: Sequence[CallableReach] = ()
    import_reaches: Sequence[ImportReach] | None = None
    # Its module-level tables keyed by providers, which other modules may look up.
    provider_tables: Sequence[ProviderTable] = ()
    # Its module-level functions that only return a provider test: (name, the
    # providers for which it may be true, those for which it may be false); and the
    # lines its tests calling other modules' functions keep to providers, once those
    # are known to be such functions (see ``imported_predicate_guards``).
    provider_predicates: Sequence[tuple[str, tuple[str, ...], tuple[str, ...]]] = ()
    predicate_guards: Sequence[tuple[int, int, str, tuple[str, ...], tuple[str, ...], int]] = ()
    # Constants given as scopes to a call that is not a Nylas request: (dotted name,
    # line and column of the argument, the callee as written); see ``foreign_scopes``.
    foreign_scopes: Sequence[tuple[str, int, int, str]] = ()
    # Constants the code tests for a scope (``"calendar" in SCOPES``), by dotted name.
    tested_scopes: Sequence[str] = ()
    # Its functions (dotted names) that give a name of their own (a parameter, or
    # a copy of it) to another library's request as scopes; see ``foreign_scopes``.
    scopes_handed_on: Sequence[str] = ()
    # Other modules' lists and dicts this module gives to code that may change them
    # (``enable_mail(SCOPES)`` with ``SCOPES`` imported), by dotted name: read as
    # scopes, they are not what they say.  Unlike ``mutated``, they are still the
    # same object, so a string given away this way still reads as written.
    given_away: Sequence[str] = ()
    # Imported lists given to a function of another module, which changes them
    # unless that module's ``read_parameters`` says it only reads them.
    given_to: Sequence[GivenTo] = ()
    # The parameters each module-level function only reads, by function name (kept
    # only for functions with such a parameter, in modules that say "scope").
    read_parameters: Mapping[str, ReadParameters] = field(default_factory=no_entries)
    # The parameters each module-level function (or plain class, by its
    # ``__init__``) reads only through fields that cannot hold scopes
    # (``self.api_uri = config.api_uri``): only read, for a record made afresh.
    field_read_parameters: Mapping[str, ReadParameters] = field(default_factory=no_entries)
    # The module functions that make a new record of a class with no method on
    # every call, whose scope fields hold values no other instance shares
    # (``def load_config(): return Config(api_key=...)``, kept as ``load_config``).
    fresh_records: Sequence[str] = ()
    # The lists and dicts (by the dotted names of ``given_away``) each module-level
    # function returns, and the calls whose results it returns (``pkg.get_scopes()``):
    # changed when another module may change what the function returns.
    returned: Mapping[str, list[str]] = field(default_factory=no_entries)
    # Branches under a test of the provider the analysis cannot tell (``Provider(
    # grant.provider) is Provider.GOOGLE``): (first line, last line, the line of the
    # test), see ``provider_guards``.
    unread_guards: Sequence[tuple[int, int, int]] = ()
    # The objects Flask's configuration is loaded from (``app.config.from_object(
    # "app.config.ProductionConfig")``), by dotted name: read as the project's
    # configuration classes, which are read as the keys' values.
    config_loads: Sequence[str] = ()
    # Scope names the code compares with something (``"email.send" in granted``): the
    # app checks its grant itself, a use no call shows.  (line, column, name).
    checked_scopes: Sequence[tuple[int, int, str]] = ()
    # Other modules' constants it compares so (``consts.SEND_SCOPE in granted``): (line,
    # column, dotted name, whether compared with something whose name says scope).
    checked_references: Sequence[tuple[int, int, str, bool]] = ()
    # Code that runs only where such a check holds (``if SEND in grant.scope:``, the
    # rest of a block after ``if SEND not in grant.scope: raise ...``): (first line,
    # last line, the scope name as compared), so a call there is not missing it.
    scope_guards: Sequence[tuple[int, int, str]] = ()
    # The same for another module's constant (``if consts.SEND in grant.scope:``):
    # (first line, last line, its dotted name), read by the judge.
    reference_guards: Sequence[tuple[int, int, str]] = ()
    # Functions, methods and classes the module reaches only under tests of the
    # provider the analysis cannot read: (name, first line, last line, the line of
    # such a test), unresolved for every provider unless another module uses the name.
    unread_callables: Sequence[tuple[str, int, int, int]] = ()
    # Its module-level functions that other modules' tests may call to test the
    # provider but that are not read as such a test (see ``unread_predicates``).
    unread_predicates: Sequence[str] = ()
    # Its module-level ``TypedDict`` classes, by name: a call of one with keywords in
    # another module builds a dict (see ``ScopeSite.typed_dict``).
    typed_dicts: Sequence[str] = ()
    # Its top-level functions and classes that may register other modules' classes
    # by an attribute of each (a decorator storing its class, a base storing its
    # subclasses in ``__init_subclass__``), and its top-level classes with a
    # decorator or base of another module: (name, first and last line of its body,
    # the line of that decorator or class, the decorators' dotted names, the bases'),
    # see ``registrars``.
    registrars: Sequence[str] = ()
    class_links: Sequence[tuple[str, int, int, int, tuple[str, ...], tuple[str, ...],
                                tuple[str, ...]]] = ()
    # Of its registrars, those read exactly, each with the module-level dict it fills
    # and the attribute it stores classes by (see ``registrars.filled_registries``).
    filled_registries: Sequence[tuple[str, str, str]] = ()
    # Its module-level HTTP clients with a base URL, which other modules may use.
    shared_clients: Sequence[SharedClient] = ()
    # Its HTTP clients with a base URL held on instances, framework state or what a
    # function returns (only in a module that makes one).
    held_clients: Sequence[HeldClient] = ()
    # The attributes that may hold scopes bound in the body of its classes with a
    # base, by the class's dotted name: ``self.SCOPES`` of another class may read
    # them (see ``subclass_bindings``).
    subclass_bindings: Sequence[tuple[str, str]] = ()
    # Of ``mutated`` and ``given_away``, the lists and dicts this module changes only
    # by writing items the value flow joins to them (``SYNCS["contacts"] =
    # ContactSync``, see ``registry_writes``), or of which it hands on only items
    # (``SYNCS[kind](nylas)``): a call through one still reads what it holds.
    told_changes: Sequence[str] = ()
    # The lists a top-level class body binds as they are to one of its names
    # (``class Google: scopes = SCOPES``): (the class attribute, ``pkg.mod.Google.
    # scopes``, the list's dotted name).  The list is changed wherever the class
    # attribute may be, rather than given away.
    class_lists: Sequence[tuple[str, str]] = ()
    # (a guard's name, a subclass of the module) for each guard above that counts
    # the subclass's reach: a base's (``class OutlookHandler(GmailHandler):``), or
    # one of code only such code calls.  Another module naming the subclass may run
    # that code for any grant.
    inherited_guards: Sequence[tuple[str, str]] = ()
    # The attributes that may hold scopes bound in the body of its classes with no
    # base, by the class's dotted name, and (the last part of a base's name, the
    # class naming it) for each base of its classes: a class named as a base by
    # another class than the one whose method reads ``self.SCOPES`` may come before
    # that class in a subclass's order (``class Pro(SendScopes, Flow):``), and then
    # its list is read (see ``subclass_bindings``).
    base_free_bindings: Sequence[tuple[str, str]] = ()
    base_names: Sequence[tuple[str, str]] = ()
    # Each class of the module (and each class made by calling ``type``), with its
    # bases' dotted names and whether a decorator, metaclass or hook may give it
    # attributes its body does not bind: the project index names from them every
    # class deriving from one whose method reads ``self.SCOPES`` (see
    # ``subclass_bindings.ClassBases``).
    class_bases: Sequence[tuple[str, tuple[str, ...], bool, tuple[str, ...]]] = ()
    # The dotted names of its functions that set attributes of an object they are
    # given by names known only at run time (``setattr(obj, key, value)``): any
    # instance may then hold a list its class never binds (see
    # ``subclass_bindings.run_time_setters``).
    run_time_setters: Sequence[str] = ()
    # Its module-level dicts of keywords that hold a scope key or spread another dict
    # (``GOOGLE = dict(client_kwargs={"scope": " ".join(SCOPES)})``), each with every
    # list its value names, by dotted name: what another module spreading or handing
    # the dict to another library's request gives it (see ``foreign_scopes``).
    scope_dicts: Mapping[str, list[str]] = field(default_factory=no_entries)
    # The modules it imports where its flow records may not name them (``import
    # tests.helpers``, an import in a function, ``importlib.import_module("x")``),
    # ``unseen_imports.ANY_MODULE`` for one loaded by a name it cannot read: a test's
    # module so imported may run in the app (see ``unseen_imports``).
    unseen_imports: Sequence[str] = ()
    # Whether the module, named like a test, calls its own test functions from code
    # that is no test (a smoke script's ``main()``; see ``script_tests``).
    runs_own_tests: bool = False
    # The calls under ``provider_guards`` that use the grant of the object the guard
    # tests (``nylas.events.list(account.grant_id)`` under ``if account.provider ==
    # "google":``): (line, column, providers), see ``guard_owners``.  Only those are
    # left out of other providers' minimal lists.
    owned_guard_calls: Sequence[tuple[int, int, tuple[str, ...]]] = ()
    # The lists and records a module-level container holds (``PLANS = [BASIC, PRO]``,
    # ``PAIR = (SCOPES, OTHER)``): (the container's name, the held value's dotted
    # name, with ``ITEMS`` where only its items are held).  Another module changing
    # the container's items, or handing it on, changes what it holds.
    held_lists: Sequence[tuple[str, str]] = ()
    # Its module-level names that say scopes and are read from the environment or a
    # file when the program runs (``RAW_SCOPES = os.environ["X"].split(",")``), each
    # with where from: NYS304's reason for another module reading them (see
    # ``run_time_values``).
    run_time_scopes: Mapping[str, str] = field(default_factory=no_entries)
    # The names of calls read as only reading their arguments (``len``, a logger's
    # ``info``) that it binds at module level (``def len(x): x.append(...)``), which a
    # star import of it brings, and those whose meaning it may change in every module
    # (``builtins.len = f``, a class defining ``info``, ``logging.setLoggerClass``):
    # see ``reader_meanings``.  Empty for almost every module.
    star_readers: Sequence[str] = ()
    redefined_readers: Sequence[str] = ()
    # Constants sent as the scope of a query to a URL whose host is not written in
    # the module (``requests.get(GOOGLE_AUTH_URL, params={"scope": " ".join(SCOPES)})``
    # with the URL imported): (dotted name, line and column of the scope value, the
    # request as written, the constant the URL starts with, the URL's text with
    # holes); see ``foreign_scopes``.
    unseen_host_scopes: Sequence[tuple[str, int, int, str, str, str]] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "module": self.module,
            "mentions_nylas": self.mentions_nylas,
            "sites": [site.to_json() for site in self.sites],
            "constants": {name: value.to_json() for name, value in self.constants.items()},
            "flow": self.flow.to_json(self.path) if self.flow is not None else None,
            "raw_uses": [use.to_json() for use in self.raw_uses],
            "param_defaults": {k: v.to_json() for k, v in self.param_defaults.items()},
            "mutated": list(self.mutated),
            "strings": {k: [part.to_json() for part in v] for k, v in self.strings.items()},
            "raw_templates": [raw.to_json() for raw in self.raw_templates],
            "django_settings": self.django_settings,
            "body_args": [arg.to_json() for arg in self.body_args],
            "call_arguments": [args.to_json() for args in self.call_arguments],
            "star_imports": [star.to_json() for star in self.star_imports],
            "upper_names": dict(self.upper_names),
            "exports": self.exports,
            "exports_known": self.exports_known,
            "star_bound": dict(self.star_bound),

            "provider_guards": [[first, last, list(names)]
                                for first, last, names in self.provider_guards],
            "function_guards": [[name, first, last, list(names)]
                                for name, first, last, names in self.function_guards],
            "undecided_guards": [list(guard) for guard in self.undecided_guards],
            "callable_reaches": [[name, first, last, reach.to_json()]
                                 for name, first, last, reach in self.callable_reaches],
            "import_reaches": None if self.import_reaches is None else [
                [name, reach.to_json()] for name, reach in self.import_reaches],
            "provider_tables": [
                [name, first, last, [[value, list(names)] for value, names in entries],
                 reach.to_json()]
                for name, first, last, entries, reach in self.provider_tables],
            "provider_predicates": [[name, list(true), list(false)]
                                    for name, true, false in self.provider_predicates],
            "predicate_guards": [
                [first, last, name, list(true), list(false), line]
                for first, last, name, true, false, line in self.predicate_guards],
            "foreign_scopes": [list(given) for given in self.foreign_scopes],
            "tested_scopes": list(self.tested_scopes),
            "scopes_handed_on": list(self.scopes_handed_on),
            "given_away": list(self.given_away),
            "given_to": [given.to_json() for given in self.given_to],
            "read_parameters": {name: read.to_json()
                                for name, read in self.read_parameters.items()},
            "field_read_parameters": {name: read.to_json()
                                      for name, read in self.field_read_parameters.items()},
            "fresh_records": list(self.fresh_records),
            "returned": {name: list(values) for name, values in self.returned.items()},
            "unread_guards": [list(guard) for guard in self.unread_guards],
            "config_loads": list(self.config_loads),
            "checked_scopes": [list(checked) for checked in self.checked_scopes],
            "checked_references": [list(checked) for checked in self.checked_references],
            "scope_guards": [list(guard) for guard in self.scope_guards],
            "reference_guards": [list(guard) for guard in self.reference_guards],
            "unread_callables": [list(guard) for guard in self.unread_callables],
            "unread_predicates": list(self.unread_predicates),
            "typed_dicts": list(self.typed_dicts),
            "registrars": list(self.registrars),
            "class_links": [[name, first, last, line, list(decorators), list(bases), list(bound)]
                            for name, first, last, line, decorators, bases, bound
                            in self.class_links],
            "filled_registries": [list(filled) for filled in self.filled_registries],
            "shared_clients": [client.to_json() for client in self.shared_clients],
            "held_clients": [client.to_json() for client in self.held_clients],
            "subclass_bindings": [list(bound) for bound in self.subclass_bindings],
            "told_changes": list(self.told_changes),
            "class_lists": [list(held) for held in self.class_lists],
            "inherited_guards": [list(pair) for pair in self.inherited_guards],
            "base_free_bindings": [list(bound) for bound in self.base_free_bindings],
            "base_names": [list(named) for named in self.base_names],
            "class_bases": [[name, list(bases), shaped, list(declared)]
                            for name, bases, shaped, declared in self.class_bases],
            "run_time_setters": list(self.run_time_setters),
            "scope_dicts": {name: list(held) for name, held in self.scope_dicts.items()},
            "unseen_imports": list(self.unseen_imports),
            "runs_own_tests": self.runs_own_tests,
            "owned_guard_calls": [[line, column, list(names)]
                                  for line, column, names in self.owned_guard_calls],
            "held_lists": [list(held) for held in self.held_lists],
            "run_time_scopes": dict(self.run_time_scopes),
            "star_readers": list(self.star_readers),
            "redefined_readers": list(self.redefined_readers),
            "unseen_host_scopes": [list(sent) for sent in self.unseen_host_scopes],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ModuleFacts:
        flow = data["flow"]
        shared = shared_texts()
        facts = cls(
            str(data["path"]),
            str(data["module"]),
            bool(data["mentions_nylas"]),
            [ScopeSite.from_json(site) for site in data["sites"]],
            {str(k): ScopeValue.from_json(v) for k, v in data["constants"].items()},
            FlowFacts.from_json(flow) if flow is not None else None,
            [RawUse.from_json(use) for use in data["raw_uses"]],
            {str(k): ScopeValue.from_json(v) for k, v in data["param_defaults"].items()},
            [str(name) for name in data["mutated"]],
            {str(k): tuple(UrlPart.from_json(part) for part in v)
             for k, v in data.get("strings", {}).items()},
            [RawTemplate.from_json(raw) for raw in data.get("raw_templates", ())],
            str(data.get("django_settings", "")),
            [BodyArg.from_json(arg) for arg in data.get("body_args", ())],
            [CallArguments.from_json(args) for args in data.get("call_arguments", ())],
            [StarImport.from_json(star) for star in data.get("star_imports", ())],
            {str(name): int(line) for name, line in data.get("upper_names", {}).items()},
            [str(name) for name in exports] if (exports := data.get("exports")) is not None
            else None,
            bool(data.get("exports_known", True)),
            {str(name): int(line) for name, line in data.get("star_bound", {}).items()},

            [(int(first), int(last), tuple(str(name) for name in names))
             for first, last, names in data.get("provider_guards", ())],
            [(str(name), int(first), int(last), tuple(str(provider) for provider in names))
             for name, first, last, names in data.get("function_guards", ())],
            [(str(name), int(first), int(last), int(line))
             for name, first, last, line in data.get("undecided_guards", ())],
            [(str(name), int(first), int(last), Reach.from_json(reach))
             for name, first, last, reach in data.get("callable_reaches", ())],
            # The same dotted names recur in every module that imports them.
            None if (imported := data.get("import_reaches")) is None else [
                (sys.intern(str(name)), Reach.from_json(reach)) for name, reach in imported],
            [(str(name), int(first), int(last),
              tuple((str(value), tuple(str(provider) for provider in names))
                    for value, names in entries), Reach.from_json(reach))
             for name, first, last, entries, reach in data.get("provider_tables", ())],
            [(str(name), tuple(str(p) for p in true), tuple(str(p) for p in false))
             for name, true, false in data.get("provider_predicates", ())],
            [(int(first), int(last), str(name), tuple(str(p) for p in true),
              tuple(str(p) for p in false), int(line))
             for first, last, name, true, false, line in data.get("predicate_guards", ())],
            [(str(name), int(line), int(column), str(callee))
             for name, line, column, callee in data.get("foreign_scopes", ())],
            [str(name) for name in data.get("tested_scopes", ())],
            [str(name) for name in data.get("scopes_handed_on", ())],
            [shared.text(str(name)) for name in data.get("given_away", ())],
            [GivenTo.from_json(given) for given in data.get("given_to", ())],
            {str(name): ReadParameters.from_json(read)
             for name, read in data.get("read_parameters", {}).items()},
            {str(name): ReadParameters.from_json(read)
             for name, read in data.get("field_read_parameters", {}).items()},
            [str(name) for name in data.get("fresh_records", ())],
            {str(name): [str(value) for value in values]
             for name, values in data.get("returned", {}).items()},
            [(int(first), int(last), int(line))
             for first, last, line in data.get("unread_guards", ())],
            [str(name) for name in data.get("config_loads", ())],
            [(int(line), int(column), str(name))
             for line, column, name in data.get("checked_scopes", ())],
            [(int(line), int(column), str(name), bool(says_scope))
             for line, column, name, says_scope in data.get("checked_references", ())],
            [(int(first), int(last), str(name))
             for first, last, name in data.get("scope_guards", ())],
            [(int(first), int(last), str(name))
             for first, last, name in data.get("reference_guards", ())],
            [(str(name), int(first), int(last), int(line))
             for name, first, last, line in data.get("unread_callables", ())],
            [str(name) for name in data.get("unread_predicates", ())],
            [str(name) for name in data.get("typed_dicts", ())],
            [str(name) for name in data.get("registrars", ())],
            [(str(name), int(first), int(last), int(line),
              tuple(str(one) for one in decorators), tuple(str(one) for one in bases),
              tuple(str(one) for one in bound))
             for name, first, last, line, decorators, bases, bound
             in data.get("class_links", ())],
            [(str(registrar), str(stored_in), str(attribute))
             for registrar, stored_in, attribute in data.get("filled_registries", ())],
            [SharedClient.from_json(client) for client in data.get("shared_clients", ())],
            [HeldClient.from_json(client) for client in data.get("held_clients", ())],
            [(str(cls_name), str(attribute))
             for cls_name, attribute in data.get("subclass_bindings", ())],
            [str(name) for name in data.get("told_changes", ())],
            [(str(holder), str(reference))
             for holder, reference in data.get("class_lists", ())],
            [(str(base), str(subclass))
             for base, subclass in data.get("inherited_guards", ())],
            [(str(cls_name), str(attribute))
             for cls_name, attribute in data.get("base_free_bindings", ())],
            [(str(base), str(cls_name)) for base, cls_name in data.get("base_names", ())],
            [(str(name), tuple(str(base) for base in bases), bool(shaped),
              tuple(str(attribute) for attribute in declared))
             for name, bases, shaped, declared in data.get("class_bases", ())],
            [str(name) for name in data.get("run_time_setters", ())],
            {str(name): [str(held) for held in values]
             for name, values in data.get("scope_dicts", {}).items()},
            # Modules import much the same names (``import os, sys``): one tuple each.
            shared.names(tuple(shared.text(str(name))
                               for name in data.get("unseen_imports", ()))),
            data.get("runs_own_tests") is True,
            [(int(line), int(column), tuple(str(name) for name in names))
             for line, column, names in data.get("owned_guard_calls", ())],
            [(str(holder), str(reference))
             for holder, reference in data.get("held_lists", ())],
            {str(name): str(source)
             for name, source in data.get("run_time_scopes", {}).items()},
            shared.names(tuple(shared.text(str(name))
                               for name in data.get("star_readers", ()))),
            shared.names(tuple(shared.text(str(name))
                               for name in data.get("redefined_readers", ()))),
            [(str(name), int(line), int(column), str(shown), str(host), str(url))
             for name, line, column, shown, host, url in data.get("unseen_host_scopes", ())],
        )
        shed_empty(facts)
        return facts
