"""Records of the Nylas API v3 knowledge: provider scopes, inclusions, requirements.

API v3 has no Nylas scope names.  An app asks the end user for the provider's own
scopes (Google URIs, Microsoft Graph permission names), and each Nylas endpoint checks
the grant for provider scopes.  The records below hold those facts as data; the
catalogues (``google``, ``microsoft``) and the endpoint map (``endpoints``) fill them.

Certainty follows the v2 catalogue (:class:`~flake8_nylas_scopes.nylas_api.types.Certainty`):
a rule may act only on a certain fact.  An uncertain inclusion never makes a scope
redundant; an uncertain requirement never makes a call miss a scope.

Reading a requirement: for one provider, the call works when the grant holds every
scope of at least one alternative (any-of over all-of sets).  A scope of an
alternative counts as held when it is granted or *certainly* included by a granted
scope (see the inclusion edges of each catalogue); uncertain edges never widen.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..types import Certainty

GOOGLE = "google"
MICROSOFT = "microsoft"
# Providers whose scopes the catalogues know.  IMAP connectors take no scopes; the
# other providers of the SDK's ``Provider`` literal (icloud, yahoo, ews, zoom,
# virtual-calendar, nylas) are not covered, so no requirement names them.
PROVIDERS: tuple[str, ...] = (GOOGLE, MICROSOFT)


class ScopeFamily(enum.Enum):
    """What part of an account a provider scope opens."""

    MAIL = "mail"
    CALENDAR = "calendar"
    CONTACTS = "contacts"
    # Sign-in and token scopes: who the user is, and refresh tokens.
    IDENTITY = "identity"
    # Directory, rooms, meetings, mailbox protocols and the like.
    OTHER = "other"


class GoogleTier(enum.Enum):
    """Google's classification, which decides app verification.

    Restricted scopes need a yearly security assessment; sensitive ones need
    verification; non-sensitive ones neither.
    """

    NON_SENSITIVE = "non-sensitive"
    SENSITIVE = "sensitive"
    RESTRICTED = "restricted"


@dataclass(frozen=True)
class ProviderScope:
    """One provider scope, under every spelling the provider and Nylas accept.

    ``name`` is the canonical spelling (what a fix writes); ``spellings`` holds it and
    every other accepted spelling (Microsoft's short and ``https://graph.microsoft.com/``
    forms).  ``label`` is a short name for messages (``gmail.readonly``); it is not a
    spelling unless it is also in ``spellings``.

    ``identity`` marks sign-in and token scopes (``openid``, ``email``, ``profile``,
    ``offline_access``, the Google userinfo scopes, Microsoft ``User.Read``): Nylas
    adds or expects them on every grant, no endpoint lists them, and the usage rules
    must never call them unused.

    Google scopes carry ``google_tier``; Microsoft scopes carry ``admin_consent``
    (True when a tenant administrator must consent).  ``tier_certainty`` says how sure
    the sources are of whichever of the two applies.
    """

    name: str
    provider: str
    label: str
    spellings: frozenset[str]
    family: ScopeFamily
    description: str
    source: str
    tier_certainty: Certainty
    identity: bool = False
    google_tier: GoogleTier | None = None
    admin_consent: bool | None = None


@dataclass(frozen=True)
class NonInclusion:
    """The sources say ``broader`` does *not* grant ``narrower``, although it may look so.

    ``Mail.ReadWrite`` does not let an app send: a test keeps every inclusion path
    between such a pair out of the catalogue.
    """

    broader: str
    narrower: str
    certainty: Certainty
    source: str


@dataclass(frozen=True)
class Conflict:
    """Requesting ``scope`` beside any of ``with_any`` makes the provider misbehave."""

    scope: str
    with_any: frozenset[str]
    effect: str
    certainty: Certainty
    source: str


@dataclass(frozen=True)
class ScopeSet:
    """One alternative of a requirement: every scope in ``scopes`` granted (all-of).

    ``minimal`` marks the set Nylas flags as the most restrictive one that works.
    """

    scopes: frozenset[str]
    certainty: Certainty
    minimal: bool = False


@dataclass(frozen=True)
class ProviderRequirement:
    """What one provider's grant needs: any one of ``alternatives``.

    ``certainty`` is how sure the sources are that a scope from ``alternatives`` is
    needed at all; each alternative has its own certainty besides.  ``supported`` is
    False where the endpoint does not work for that provider whatever the scopes (the
    alternatives are then empty).
    """

    alternatives: tuple[ScopeSet, ...]
    certainty: Certainty
    sources: tuple[str, ...]
    supported: bool = True


class Access(enum.Enum):
    """Whose credentials an endpoint checks, and so whether provider scopes matter."""

    # A grant-scoped path (``/v3/grants/{identifier}/...``) that reads or changes the
    # provider account: the grant's provider scopes decide.
    PROVIDER_SCOPES = "provider-scopes"
    # A grant-scoped path that no provider scope guards (data Nylas keeps itself:
    # scheduled messages, notetakers, rule evaluations).  A shortcut "grant path means
    # a mail or calendar scope" must not apply to these.
    GRANT_NO_SCOPE = "grant-no-scope"
    # An application-level path (API key) that acts on the calendars of grants named
    # in the request or the scheduler configuration: the provider scopes apply to
    # those grants, not to a grant of this call.
    OTHER_GRANTS = "other-grants"
    # An application-level path authenticated with the API key alone (webhooks,
    # connectors, applications, grants management, the auth flow).
    APPLICATION = "application"


class ParameterLocation(enum.Enum):
    QUERY = "query"
    BODY = "body"
    # What the Scheduler configuration a request names says (a session or a booking
    # carries only its id): never in the call, so a clause there is never decided.
    CONFIGURATION = "configuration"


@dataclass(frozen=True)
class Clause:
    """A request argument with a given value.

    ``parameter`` is a dotted key path inside the query parameters or the body
    (``"calendar_id"``, ``"conferencing.autocreate"``); ``[]`` after a key stands for
    any element of the list it holds (``"participants[].booking.calendar_id"``), and
    the clause holds when one element makes it hold.  ``values`` None means "present
    with any truthy value".
    """

    parameter: str
    location: ParameterLocation
    values: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Condition:
    """Arguments that change what an endpoint needs (``calendar_id="primary"``).

    When every clause of ``when`` holds, ``providers`` replaces the base requirement
    for the providers it names.  A requirement's conditions are ordered most specific
    first; for each provider, the first one that names it and holds applies (a
    condition that does not name a provider leaves it to the next ones, then the
    base requirement).
    Where the analysis cannot tell whether a clause holds, each of the base and the
    conditional requirements may apply: a missing scope must be missing under each,
    an unused scope unused under each.
    """

    when: tuple[Clause, ...]
    providers: Mapping[str, ProviderRequirement]
    certainty: Certainty
    note: str


@dataclass(frozen=True)
class Requirement:
    """What an HTTP operation needs, per provider, and how sure the sources are.

    ``providers`` maps ``"google"`` / ``"microsoft"`` to a :class:`ProviderRequirement`
    and is empty unless ``access`` is ``PROVIDER_SCOPES`` or ``OTHER_GRANTS``.
    ``certainty`` is the row's certainty column; for access kinds without provider
    scopes it is how sure the sources are that none is involved.  ``rows`` names rows
    of the v3 table of the endpoint-scope reference (``V3-4``), ``sources`` the source
    keys of the catalogue module docstrings.
    """

    access: Access
    certainty: Certainty
    rows: tuple[str, ...]
    sources: tuple[str, ...]
    providers: Mapping[str, ProviderRequirement] = field(
        default_factory=lambda: MappingProxyType({})
    )
    conditions: tuple[Condition, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Endpoint:
    """An HTTP operation of API v3, keyed ``"METHOD /v3/path"``.

    ``{...}`` segments take the parameter names nylas-python 6.18 uses.
    """

    key: str
    requirement: Requirement
    note: str = ""

    @property
    def http_method(self) -> str:
        return self.key.split(" ", 1)[0]

    @property
    def path(self) -> str:
        return self.key.split(" ", 1)[1]


@dataclass(frozen=True)
class SdkCall:
    """One request an SDK method sends, from release ``since`` up to ``before``.

    ``before`` is the first release that no longer sends it (None: the newest release
    checked still does).  ``when`` names the argument that picks this request where a
    method sends one of several (notetakers with or without ``identifier``).
    """

    http_method: str
    path: str
    since: str
    before: str | None = None
    when: str = ""

    @property
    def endpoint(self) -> str:
        """The key of :data:`endpoints.ENDPOINTS` this call reaches."""
        return f"{self.http_method} {self.path}"


@dataclass(frozen=True)
class SdkMethod:
    """A public method of a nylas-python 6.x resource and the requests it sends.

    ``resource`` is the attribute path from the client (``"messages"``,
    ``"messages.smart_compose"``, ``"scheduler.configurations"``).  ``since`` is the
    first release with the method.  ``url_only`` marks the URL builders of ``auth``:
    they return a URL for the browser and send nothing themselves.
    """

    resource: str
    method: str
    since: str
    calls: tuple[SdkCall, ...]
    url_only: bool = False
    note: str = ""


def provider_map(**providers: ProviderRequirement) -> Mapping[str, ProviderRequirement]:
    """A read-only provider -> requirement mapping (the records are frozen)."""
    return MappingProxyType(dict(providers))


@dataclass(frozen=True)
class ResourceAttribute:
    """A resource reached from the client by attribute (``client.scheduler.bookings``).

    Every attribute is a property that builds a new resource object over the client's
    HTTP client; ``class_name`` is that object's class in ``module``.
    """

    path: str
    class_name: str
    module: str
    since: str


class Serialisation(enum.Enum):
    """How a scope site turns the ``scope`` value into the request."""

    # ``" ".join(value)`` into the ``/v3/connect/auth`` query: a str is split into one
    # "scope" per character; a list, tuple, set (in arbitrary order) or generator works.
    URL_SPACE_JOINED = "url-space-joined"
    # ``json.dumps`` of the request body: a str is sent whole as a JSON string where the
    # API documents an array; a tuple becomes an array; a set raises TypeError before
    # any request is sent.
    JSON_BODY = "json-body"


class ProviderFrom(enum.Enum):
    """Where a scope site says which provider the scopes are for."""

    # The ``provider`` key of the same dict as ``scope``.
    CONFIG_KEY = "config-key"
    # The first positional argument (``connectors.update(provider, body)``).
    FIRST_ARGUMENT = "first-argument"
    # Nowhere: ``grants.update`` changes an existing grant; only the scopes tell.
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ScopeSite:
    """A place where an app hands nylas-python 6.x a list of provider scopes.

    The scopes are the ``key`` item of the dict passed as parameter ``argument`` (at
    ``position``, not counting ``self``).  ``default_provider`` applies when the dict
    has no ``provider`` key.  ``mutates_argument`` is True where the SDK writes the
    joined string back into the caller's dict, so a dict reused for a second call has
    its ``scope`` split per character.  ``endpoint`` is the key of the request the site
    builds or sends.  ``before`` is the first release without the site (None: the
    newest checked still has it).  ``creates_grant`` is True where the request makes a
    grant: without a ``scope`` key it gets the connector's default scopes, which the
    code does not show (where it is False, as for ``grants.update``, a request without
    ``scope`` leaves the scopes as they are and requests none).
    """

    resource: str
    method: str
    argument: str
    position: int
    key: str
    serialisation: Serialisation
    provider_from: ProviderFrom
    endpoint: str
    since: str
    default_provider: str | None = None
    mutates_argument: bool = False
    before: str | None = None
    note: str = ""
    creates_grant: bool = False


def vocabulary(
    entries: tuple[ProviderScope, ...],
) -> tuple[Mapping[str, ProviderScope], Mapping[str, str], frozenset[str]]:
    """A provider's scopes by canonical name, every accepted spelling mapped to its
    name, and the identity scopes (which the usage rules never report unused)."""
    return (
        {entry.name: entry for entry in entries},
        {spelling: entry.name for entry in entries for spelling in entry.spellings},
        frozenset(entry.name for entry in entries if entry.identity),
    )
