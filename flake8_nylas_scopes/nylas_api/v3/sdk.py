"""The shape of nylas-python 6.x (API v3): client classes, resources, scope sites.

Sources (the release that added an attribute, a key or a provider value comes from the
project's v3 SDK notes, which read the tags in between;
``tests/test_v3_sdk_crosscheck.py`` checks this module against the two releases):

* ``PY6``: nylas-python 6.0.0 and 6.18.0 as published on PyPI,
  https://pypi.org/project/nylas/ (``nylas/__init__.py``, ``nylas/client.py``,
  ``nylas/resources/*.py``, ``nylas/models/auth.py``).
* ``V3-SCOPES``: the Nylas v3 scopes guide (connector defaults; IMAP connectors take no
  scopes), https://developer.nylas.com/docs/v3/auth/v3-scopes/

What an analyser needs to know beyond the tables:

* With no ``scope`` key the SDK sends no scope and the connector's default scopes
  apply (set in the dashboard or by ``connectors.create`` elsewhere): there is no SDK
  default list in 6.x, and the granted set is not known from the request.
* A truthy ``include_grant_scopes`` (and any re-authentication of an existing grant)
  may leave the grant with more scopes than the request lists.  Whether it does was
  not checked: treat the granted set as unknown.
* The plural key ``scopes`` is not read by 6.0.0 and later; it goes out as an extra
  query parameter that ``/v3/connect/auth`` does not document.  The prereleases
  6.0.0b1 to b3 read ``scopes`` instead (``PRERELEASE_SCOPE_KEYS``).
* ``overrides={"api_key": ...}`` on a call may carry a grant's access token instead of
  the API key; the endpoint's scope needs are the same.
"""

from __future__ import annotations

from collections.abc import Mapping

from .types import ProviderFrom, ResourceAttribute, ScopeSite, Serialisation

# Where the methods whose requests the endpoint map's conditions read (``calendar_id``,
# ``source``, ``send_at``, ...) take their query parameters and body: the position
# after ``self`` (PY6: nylas-python 6.18.0, ``nylas/resources/events.py``,
# ``contacts.py``, ``messages.py``, ``configurations.py``; keywords work too).
ARGUMENT_POSITIONS: Mapping[tuple[str, str], Mapping[str, int]] = {
    ("events", "list"): {"query_params": 1},
    ("events", "find"): {"query_params": 2},
    ("events", "create"): {"request_body": 1, "query_params": 2},
    ("events", "update"): {"request_body": 2, "query_params": 3},
    ("events", "destroy"): {"query_params": 2},
    ("events", "send_rsvp"): {"request_body": 2, "query_params": 3},
    ("events", "list_import_events"): {"query_params": 1},
    ("contacts", "list"): {"query_params": 1},
    ("messages", "send"): {"request_body": 1},
    ("messages", "send_raw_mime"): {"request_body": 1},
    ("scheduler.configurations", "create"): {"request_body": 1},
    ("scheduler.configurations", "update"): {"request_body": 2},
}
# Which of the endpoint map's argument locations each parameter holds.
ARGUMENT_LOCATIONS: Mapping[str, str] = {"query_params": "query", "request_body": "body"}

# Every qualified name of the v3 client class: ``nylas/__init__.py`` re-exports
# ``nylas.client.Client`` and exports nothing else.
CLIENT_CLASSES: frozenset[str] = frozenset({"nylas.Client", "nylas.client.Client"})
# ``Client(api_key, api_uri=DEFAULT_SERVER_URL, timeout=...)``; the key is often
# passed positionally.
CLIENT_PARAMETERS: tuple[str, ...] = ("api_key", "api_uri", "timeout")
DEFAULT_API_URI = "https://api.us.nylas.com"
# What ``Client.__init__`` stores besides ``http_client`` (which sends requests): the
# client's only public members that are neither a resource nor a request (PY6).
CLIENT_DATA: frozenset[str] = frozenset({"api_key", "api_uri"})
# The per-call ``overrides`` keys (``RequestOverrides``, from 6.2.0).
OVERRIDES_PARAMETER = "overrides"
# ``skip_auth`` drops the bearer header (domains signed with a service account).
OVERRIDE_KEYS: frozenset[str] = frozenset(
    {"api_key", "api_uri", "timeout", "headers", "skip_auth"}
)

# The keywords of the resources' ``create`` methods (``events.create(identifier,
# request_body, query_params, overrides=None)``, ``drafts.create(identifier,
# request_body)``, ``webhooks.create(request_body)``; nylas/resources/*.py, 6.0 to
# 6.16): a ``create`` given one of them is this SDK's request, not API v2's model
# builder, which takes a model's fields (``title=``, ``subject=``).
CREATE_KEYWORDS: frozenset[str] = frozenset(
    {"identifier", "request_body", "query_params", OVERRIDES_PARAMETER})

V600, V605, V609, V615, V616 = "6.0.0", "6.5.0", "6.9.0", "6.15.0", "6.16.0"


def _resources(*rows: tuple[str, str, str, str]) -> Mapping[str, ResourceAttribute]:
    return {row[0]: ResourceAttribute(*row) for row in rows}


_R = "nylas.resources."

# Attribute path from the client -> resource.  ``scheduler`` is a plain holder of its
# three resources, with no requests of its own.
RESOURCES: Mapping[str, ResourceAttribute] = _resources(
    ("auth", "Auth", _R + "auth", V600),
    ("applications", "Applications", _R + "applications", V600),
    ("applications.redirect_uris", "RedirectUris", _R + "redirect_uris", V600),
    ("attachments", "Attachments", _R + "attachments", V600),
    ("calendars", "Calendars", _R + "calendars", V600),
    ("connectors", "Connectors", _R + "connectors", V600),
    ("connectors.credentials", "Credentials", _R + "credentials", V600),
    ("contacts", "Contacts", _R + "contacts", V600),
    ("domains", "Domains", _R + "domains", V615),
    ("drafts", "Drafts", _R + "drafts", V600),
    ("events", "Events", _R + "events", V600),
    ("folders", "Folders", _R + "folders", V600),
    ("grants", "Grants", _R + "grants", V600),
    ("lists", "Lists", _R + "lists", V615),
    ("messages", "Messages", _R + "messages", V600),
    ("messages.smart_compose", "SmartCompose", _R + "smart_compose", V600),
    ("notetakers", "Notetakers", _R + "notetakers", V609),
    ("policies", "Policies", _R + "policies", V615),
    ("rules", "Rules", _R + "rules", V615),
    ("scheduler", "Scheduler", _R + "scheduler", V605),
    ("scheduler.bookings", "Bookings", _R + "bookings", V605),
    ("scheduler.configurations", "Configurations", _R + "configurations", V605),
    ("scheduler.sessions", "Sessions", _R + "sessions", V605),
    ("threads", "Threads", _R + "threads", V600),
    ("transactional_send", "TransactionalSend", _R + "transactional_send", V615),
    ("webhooks", "Webhooks", _R + "webhooks", V600),
    ("workspaces", "Workspaces", _R + "workspaces", V616),
)

_URL, _JSON = Serialisation.URL_SPACE_JOINED, Serialisation.JSON_BODY
_KEY, _FIRST, _NONE = ProviderFrom.CONFIG_KEY, ProviderFrom.FIRST_ARGUMENT, ProviderFrom.UNKNOWN
_AUTH_URL = "GET /v3/connect/auth"

SCOPE_SITES: tuple[ScopeSite, ...] = (
    # The URL builders join the list into the query in the caller's dict
    # (``_build_query``), so a str is split per character.
    ScopeSite(
        "auth", "url_for_oauth2", "config", 0, "scope", _URL, _KEY, _AUTH_URL, V600,
        mutates_argument=True, creates_grant=True,
    ),
    ScopeSite(
        "auth", "url_for_oauth2_pkce", "config", 0, "scope", _URL, _KEY, _AUTH_URL, V600,
        mutates_argument=True, creates_grant=True,
    ),
    # Works on ``{"provider": "microsoft", **config}``: a provider key in the caller's
    # config wins, and the caller's dict is left alone.
    ScopeSite(
        "auth", "url_for_admin_consent", "config", 0, "scope", _URL, _KEY, _AUTH_URL, V600,
        default_provider="microsoft", creates_grant=True,
    ),
    ScopeSite(
        "auth", "custom_authentication", "request_body", 0, "scope", _JSON, _KEY,
        "POST /v3/connect/custom", V600, creates_grant=True,
    ),
    ScopeSite(
        "grants", "update", "request_body", 1, "scope", _JSON, _NONE,
        "PATCH /v3/grants/{grant_id}", V600,
        note="a PUT before 6.12.0; the grant's provider is not in the call",
    ),
    # Only the Google and Microsoft request types carry ``scope``; IMAP and virtual
    # calendar connectors take none.
    ScopeSite(
        "connectors", "create", "request_body", 0, "scope", _JSON, _KEY,
        "POST /v3/connectors", V600, note="sets the connector's default scopes",
    ),
    ScopeSite(
        "connectors", "update", "request_body", 1, "scope", _JSON, _FIRST,
        "PATCH /v3/connectors/{provider}", V600,
        note="sets the connector's default scopes",
    ),
)

# The prereleases 6.0.0b1 to b7 had ``client.auth.grants`` with ``create`` (custom
# authentication) and ``update``; 6.0.0b8 replaced them by ``auth.custom_authentication``
# and ``client.grants``.  Apps pinned to a prerelease still call them.
PRERELEASE_SCOPE_SITES: tuple[ScopeSite, ...] = (
    ScopeSite(
        "auth.grants", "create", "request_body", 0, "scope", _JSON, _KEY,
        "POST /v3/connect/custom", "6.0.0b1", before="6.0.0b8", creates_grant=True,
    ),
    ScopeSite(
        "auth.grants", "update", "request_body", 1, "scope", _JSON, _NONE,
        "PUT /v3/grants/{grant_id}", "6.0.0b1", before="6.0.0b8",
    ),
)
# The URL builders of 6.0.0b1 to b3 read this key (a KeyError when it was absent); b4
# and later read ``scope``.
PRERELEASE_SCOPE_KEYS: Mapping[str, tuple[str, str]] = {"scopes": ("6.0.0b1", "6.0.0b4")}

# nylas-python 5.7 to 5.14 had a beta of the v3 authentication on the v2 client:
# ``APIClient(...).authentication`` with ``hosted_authentication(scope=[...])``,
# ``integrations`` and ``grants`` (``nylas/client/authentication_models.py`` of the
# 5.x package).  It takes provider scopes, but on a v2-generation client, with other
# signatures and another host (``https://{app}.{region}.nylas.com/connect/...``).  It
# is not analysed: a call under this attribute is never read as a 6.x scope site, and
# ``nylas.Client`` has no attribute of that name (``RESOURCES``).
V5_BETA_AUTHENTICATION = "authentication"

# The request TypedDicts of ``nylas/models`` that carry ``scope``; calling one with
# keywords (or with one dict) builds a plain dict (PY6).
REQUEST_TYPES: frozenset[str] = frozenset({
    "nylas.models.auth.URLForAuthenticationConfig",
    "nylas.models.auth.URLForAdminConsentConfig",
    "nylas.models.grants.CreateGrantRequest",
    "nylas.models.grants.UpdateGrantRequest",
    "nylas.models.connectors.CreateConnectorRequest",
    "nylas.models.connectors.GoogleCreateConnectorRequest",
    "nylas.models.connectors.MicrosoftCreateConnectorRequest",
    "nylas.models.connectors.UpdateConnectorRequest",
})
# The path of a hosted-auth URL an app builds by hand; its ``scope`` query value is
# the space-joined wire format.
HOSTED_AUTH_PATH = "/v3/connect/auth"
# Custom authentication POSTed by hand (``requests.post(f"{base}/v3/connect/custom",
# json=body)``): the same JSON body as ``auth.custom_authentication`` (PY6).
CUSTOM_AUTH_PATH = "/v3/connect/custom"
RAW_CUSTOM_AUTH: ScopeSite = ScopeSite(
    "", "POST", "json", -1, "scope", _JSON, _KEY, "POST /v3/connect/custom", V600,
    creates_grant=True,
)

# A key that makes the granted set unknown when truthy (see the module docstring).
INCLUDE_GRANT_SCOPES_KEY = "include_grant_scopes"
# Keys of the URL builder config that are not scope carriers but look like one.
IGNORED_SCOPE_KEYS: frozenset[str] = frozenset({"scopes"})

# ``Provider`` literal of ``nylas/models/auth.py``: value -> first release with it.
PROVIDER_VALUES: Mapping[str, str] = {
    "google": V600,
    "imap": V600,
    "microsoft": V600,
    "virtual-calendar": V600,
    "icloud": "6.1.0",
    "yahoo": "6.12.0",
    "ews": "6.12.0",
    "zoom": "6.12.0",
    "nylas": V615,
}
# API v2's ``provider`` values (``nylas_api.v2.scopes.PROVIDER_VALUES``) that name
# exactly one v3 provider, which an app's records of older grants may still hold
# beside the v3 value (``grant.provider in {"google", "gmail"}``).  Not "exchange"
# (v3's "microsoft" or "ews"), nor "yahoo" and "aol" (v2 IMAP, v3 "yahoo" or "imap").
EARLIER_PROVIDER_NAMES: Mapping[str, str] = {
    "gmail": "google",
    "office365": "microsoft",
    "outlook": "microsoft",
    "hotmail": "microsoft",
}
# Providers whose connectors take no scopes (V3-SCOPES for IMAP; the SDK's request
# types for virtual calendars have no ``scope`` key).
SCOPELESS_PROVIDERS: frozenset[str] = frozenset({"imap", "virtual-calendar"})
