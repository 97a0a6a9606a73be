"""Types every API version's knowledge is written in: certainty of a fact, and the
endpoint map (SDK call -> HTTP endpoint -> scopes that make it work).

The data lives in the version folders (``v2/endpoints.py``, ``v3/endpoints.py``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


class Certainty(enum.Enum):
    """How sure the sources are about a fact (the certainty column of ``docs/sources.md``)."""

    DOCUMENTED = "documented"
    DOCUMENTED_DESC = "documented-desc"
    INFERRED = "inferred"
    UNKNOWN = "unknown"

    @property
    def is_certain(self) -> bool:
        return self in (Certainty.DOCUMENTED, Certainty.DOCUMENTED_DESC)


@dataclass(frozen=True)
class ScopeOption:
    """One way to satisfy an endpoint: every scope in ``scopes`` granted (all-of)."""

    scopes: frozenset[str]
    certainty: Certainty


@dataclass(frozen=True)
class ArgumentClause:
    """An argument of a request with a given value: ``parameter`` (a dotted key path,
    ``key[]`` for any element of a list) in the ``"query"`` parameters or the
    ``"body"``, equal to one of ``values`` (None: present with any truthy value).  A
    clause about the ``"configuration"`` a request names is never in the call."""

    location: str
    parameter: str
    values: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ArgumentCase:
    """What a request needs when every clause of ``when`` holds (the base case has
    none): any of ``options``.  ``certain`` is False where the sources only suggest
    that the case changes the need: when its clauses hold, the cases it would
    replace stay possible too."""

    when: tuple[ArgumentClause, ...]
    options: tuple[ScopeOption, ...]
    certain: bool = True


@dataclass(frozen=True)
class Endpoint:
    """An HTTP operation and the scopes that grant it (any of ``options``).

    ``user_scoped`` is False for endpoints that need no end-user scope: app-level
    endpoints authenticated with the client secret (webhooks, components, accounts
    management, scheduler pages), the auth endpoints themselves, and endpoints that
    any valid token may call.  ``requirement`` says how sure the sources are that a
    scope from ``options`` is needed at all; ``row`` is the endpoint
    row of ``docs/sources.md`` the facts come from.
    """

    key: str
    options: tuple[ScopeOption, ...]
    user_scoped: bool
    requirement: Certainty
    row: str
    note: str = ""
    # Whose scopes ``options`` names: ``"v2"``, or ``"v3/google"``, ``"v3/microsoft"``.
    dialect: str = "v2"
    # Where an argument changes what the endpoint needs (the v3 map's conditions, such
    # as ``calendar_id="primary"``): the base case first, then each condition, most
    # specific first (the first that holds applies).  ``options`` holds them all (a
    # scope is missing only when missing in each case); a narrower set must serve
    # every case.  Where the call's arguments are read, one case is chosen.
    variants: tuple[ArgumentCase, ...] = ()
    # Not a request: a name in the code (API v3) that stands for what Nylas does with
    # the grant's scopes, a notification trigger or a request argument.
    mention: bool = False
    # The clauses of the condition the call's arguments chose (``calendar_id=
    # "primary"``), so that a report can say why the call needs more than the base case.
    chosen_by: tuple[ArgumentClause, ...] = ()


@dataclass(frozen=True)
class Collection:
    """An ``APIClient`` collection attribute and what its operations request.

    ``operations`` maps an operation on the collection (``"__iter__"``, ``"all"``,
    ``"get"``, ``"where"``, ``"delete"``, ...) to an endpoint key; ``"create"`` is
    absent because it builds an unsaved model without HTTP.  ``model`` names the model
    class its reads return, a key of ``MODELS``.
    """

    attribute: str
    model: str
    path: str
    operations: Mapping[str, str]
    versions: str = "4,5"
    # Operations beyond the generic reads that return model objects
    # (``neural.extract_signature`` -> a list of ``NeuralSignatureExtraction``).
    results: Mapping[str, Member] = field(default_factory=dict)


@dataclass(frozen=True)
class Member:
    """The model objects an attribute or a method gives without a request of its own,
    built from data the SDK already holds: one object of one of ``models``, or a list
    of them (``many``)."""

    models: tuple[str, ...]
    many: bool = False


@dataclass(frozen=True)
class Model:
    """A model class: its request-making methods and properties, and child collections.

    ``methods`` maps a method name (``"save"``, ``"mark_as_read"``, ``"send"``) or a
    property that requests (``"raw"``) to an endpoint key.  ``children`` maps an
    attribute holding a filtered collection (``Thread.messages``) to the collection
    attribute of ``APIClient`` whose operations it shares.  ``members`` maps a
    property that builds model objects from the object's own data (``Message.folder``)
    and ``results`` a method that returns model objects, with or without a request
    (``Thread.create_reply()``), to what they give: those objects can make requests of
    their own.
    """

    name: str
    methods: Mapping[str, str]
    children: Mapping[str, str] = field(default_factory=dict)
    members: Mapping[str, Member] = field(default_factory=dict)
    results: Mapping[str, Member] = field(default_factory=dict)


@dataclass(frozen=True)
class Resource:
    """A resource object reached from a client by attribute (API v3's
    ``client.messages``, ``client.scheduler.configurations``).

    ``children`` maps an attribute to the path of the resource it holds; ``methods``
    maps a public method to the keys of the endpoints it may request (empty for a
    method that sends nothing, such as a URL builder).
    """

    path: str
    children: Mapping[str, str]
    methods: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class SdkSurface:
    """What the value-flow analysis needs to know about one generation of the SDK.

    ``client_classes`` are the qualified names of its client class.  An API v2 style
    SDK reaches the API through ``collections`` of the client (operations -> endpoint
    keys), ``models`` with request-making methods and ``client_methods``; an API v3
    style SDK through ``resources`` whose methods send requests and return data.
    ``endpoints`` maps each endpoint key to its requirement in every dialect (one per
    provider where scopes are the provider's).
    """

    api: str
    client_classes: frozenset[str]
    endpoints: Mapping[str, tuple[Endpoint, ...]]
    collections: Mapping[str, Collection] = field(default_factory=dict)
    models: Mapping[str, Model] = field(default_factory=dict)
    client_methods: Mapping[str, str] = field(default_factory=dict)
    resources: Mapping[str, Resource] = field(default_factory=dict)
    model_modules: tuple[str, ...] = ()
    # Every endpoint as a route for raw HTTP calls, in matching order.
    raw_routes: tuple[RawRoute, ...] = ()
    # Names in the code that stand for what Nylas does with a grant's scopes (API v3):
    # notification triggers (``"message.created"``, and the members of ``trigger_enum``
    # that spell them) and request arguments (``reply_to_message_id``).  Their
    # pseudo-endpoints are ``"NOTIFY <trigger>"`` and ``"ARGUMENT <name>"``.
    triggers: frozenset[str] = frozenset()
    trigger_enum: str = ""
    trigger_members: Mapping[str, str] = field(default_factory=dict)
    # The request key (or keyword) that lists a subscription's triggers.
    trigger_key: str = ""
    named_arguments: frozenset[str] = frozenset()
    # Where an app sends the user's browser (or posts a body) to ask for scopes, by
    # role (``"hosted"``, ``"native"``): requests for scopes, not API calls.
    authorize_paths: Mapping[str, str] = field(default_factory=dict)
    # The client method that builds the hosted-authentication URL (API v2), and the
    # position of each of its arguments that the analysis reads.
    auth_url_method: str = ""
    auth_url_positions: Mapping[str, int] = field(default_factory=dict)
    # The collection method that builds an unsaved model from keywords only and sends
    # nothing (API v2): a call of it given an argument by position is not that method.
    model_builder: str = ""
    # The keywords this version's ``create`` methods take that no model field of the
    # other version's builder is named (API v3: ``request_body``).
    create_keywords: frozenset[str] = frozenset()
    # Functions and classes of the SDK (qualified names) that take a client only to
    # make application-level requests (client secret) or build URLs: given a client,
    # they use none of its grant's scopes, and the client does not escape.
    app_level_helpers: frozenset[str] = frozenset()
    # Methods of such helpers that build the hosted-authentication URL (qualified
    # ``module.Class.method``), with the position of their scopes argument.
    auth_url_helpers: Mapping[str, int] = field(default_factory=dict)
    # The client's public members that send no request: data (``api_key``) and
    # methods that only build values.  Any other attribute of a client that these
    # tables do not name (a resource of a later release) may send any request.
    client_data: frozenset[str] = frozenset()
    # The attribute by which a model object holds the client that made it ("" where
    # models hold none).
    model_client_attribute: str = ""
    # The public methods of model objects that send no request (building, copying,
    # checking values).  A model's fields are data; a call of any other name on a
    # model object is a method these tables do not know, which may send a request.
    model_local_methods: frozenset[str] = frozenset()
    # Chains of members (a collection, its operation, a method of what that gives)
    # that no other library's objects are known to have: on an object the analysis
    # cannot tell, in a module that does not mention Nylas, such a chain may still be
    # a Nylas call, where a chain of one generic name (``obj.events.all()``,
    # ``x.send()``) is not taken for one.
    distinctive_chains: frozenset[tuple[str, ...]] = frozenset()
    # The methods whose arguments carry a Nylas request's scopes under a key of a dict
    # (API v3's ``auth.url_for_oauth2(config)``, ``connectors.create(request)``).
    scope_dict_methods: frozenset[str] = frozenset()
    # Of those, the requests whose method names other libraries use too, as chains of
    # attributes from the client (API v3's ``("grants", "update")``): a call of one is a
    # request only on a receiver shown to hold a client.
    shared_request_chains: frozenset[tuple[str, ...]] = frozenset()
    # The requests that set a connector's default scopes, as a request describes
    # itself (API v3's ``connectors.create()``).
    connector_requests: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RawRoute:
    """An HTTP method and a path pattern (``{id}`` segments) for raw-HTTP calls."""

    method: str
    path: str
    endpoint: str


@dataclass(frozen=True)
class Inclusion:
    """``broader`` grants everything ``narrower`` grants (canonical names), as sure as
    ``certainty`` says, according to ``source``."""

    broader: str
    narrower: str
    certainty: Certainty
    source: str


def ordered_routes(routes: Iterable[RawRoute]) -> tuple[RawRoute, ...]:
    """Routes in the order they are matched: by path, a placeholder after a literal at
    every segment (the first match wins), then by method; stable and deterministic."""
    return tuple(
        sorted(
            routes,
            key=lambda route: (
                [(part.startswith("{"), part) for part in route.path.split("/")],
                route.method,
            ),
        )
    )
