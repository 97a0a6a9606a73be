"""The Nylas scope catalogue: vocabulary, inclusion order, provider facts, SDK defaults.

Everything here is data with its source noted.  Rules read these tables; they never
spell scope names themselves.  A fact the sources are unsure about carries an
uncertain :class:`Certainty`, and no rule fires on an uncertain fact: a false
"redundant" finding makes users delete a scope their app needs.

Source keys:

* ``V2-OLD``: the Nylas v2 "Authentication Scopes" page (docs.nylas.com), with the
  worked subsumption example, the Google metadata warning and the IMAP note.
* ``V2-AS``: the later v2 scope pages (developer.nylas.com, v2.4/v2.5), which add the
  legacy ``email`` scope and the Gmail ``email.send``-only warning.
* ``V2-CAL``: the v2 calendar scopes page (``calendar.free_busy`` for EWS).
* ``PY5``: nylas-python 4.6.0 to 5.14.1 ``APIClient.authentication_url``.
* ``JS6``: nylas-nodejs 6.x ``NativeAuthenticationProvider``.
* ``NODE-776f02a``: the Node SDK commit that dropped the singular ``scope`` parameter
  because the server ignores it.
* ``OIDC``: OpenID Connect Core 1.0, section 5.4 (the standard scopes ``profile``,
  ``email``, ``address``, ``phone``) and section 11 (``offline_access``), and section
  3.1.2.1 (``openid``): https://openid.net/specs/openid-connect-core-1_0.html
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from ..catalogue import Catalogue
from ..types import Certainty, Inclusion


class ScopeFamily(enum.Enum):
    EMAIL = "email"
    CALENDAR = "calendar"
    CONTACTS = "contacts"
    ROOM_RESOURCES = "room_resources"


@dataclass(frozen=True)
class ScopeInfo:
    name: str
    family: ScopeFamily
    description: str
    source: str
    legacy: bool = False


def _vocabulary(*entries: ScopeInfo) -> Mapping[str, ScopeInfo]:
    return {entry.name: entry for entry in entries}


_E, _C, _K, _R = (
    ScopeFamily.EMAIL,
    ScopeFamily.CALENDAR,
    ScopeFamily.CONTACTS,
    ScopeFamily.ROOM_RESOURCES,
)

V2_SCOPES: Mapping[str, ScopeInfo] = _vocabulary(
    ScopeInfo("email.modify", _E, "read and modify messages, threads, attachments", "V2-OLD"),
    ScopeInfo("email.read_only", _E, "read messages, threads, attachments, drafts", "V2-OLD"),
    ScopeInfo("email.send", _E, "send messages only", "V2-OLD"),
    ScopeInfo("email.folders_and_labels", _E, "read and modify folders or labels", "V2-OLD"),
    ScopeInfo("email.metadata", _E, "read headers and labels/folders, no bodies", "V2-OLD"),
    ScopeInfo("email.drafts", _E, "read and modify drafts, no send", "V2-OLD"),
    ScopeInfo("calendar", _C, "read and modify calendars and events", "V2-OLD"),
    ScopeInfo("calendar.read_only", _C, "read calendars and events", "V2-OLD"),
    ScopeInfo("calendar.free_busy", _C, "free/busy for Exchange (EWS) accounts", "V2-CAL"),
    ScopeInfo("room_resources.read_only", _R, "read room resources", "V2-OLD"),
    ScopeInfo("contacts", _K, "read and modify contacts", "V2-OLD"),
    ScopeInfo("contacts.read_only", _K, "read contacts", "V2-OLD"),
    ScopeInfo(
        "email", _E, "legacy: send and modify all messages, threads, attachments", "V2-AS",
        legacy=True,
    ),
)

_DOC, _DESC, _INF = Certainty.DOCUMENTED, Certainty.DOCUMENTED_DESC, Certainty.INFERRED

# Direct inclusion edges.  The closure below follows only certain edges.
V2_INCLUSIONS: tuple[Inclusion, ...] = (
    # The worked example: "you do not need email.folders_and_labels,email.read_only,
    # email.modify; the only scope you need is email.modify".
    Inclusion("email.modify", "email.read_only", _DOC, "V2-OLD"),
    Inclusion("email.modify", "email.folders_and_labels", _DOC, "V2-OLD"),
    # read_only reads "email metadata like headers"; metadata is headers and labels.
    Inclusion("email.read_only", "email.metadata", _DESC, "V2-OLD"),
    Inclusion("calendar", "calendar.read_only", _DOC, "V2-OLD"),
    Inclusion("contacts", "contacts.read_only", _DOC, "V2-OLD"),
    # Legacy email is described as sending and modifying all mail.
    Inclusion("email", "email.modify", _DESC, "V2-AS"),
    Inclusion("email", "email.send", _DESC, "V2-AS"),
    # Drafts and folder objects are not named in the legacy description, and whether
    # email.modify covers drafts is open (COMP is the only, weak, hint).
    Inclusion("email", "email.drafts", _INF, "V2-AS"),
    Inclusion("email", "email.folders_and_labels", _INF, "V2-AS"),
    Inclusion("email.modify", "email.drafts", Certainty.UNKNOWN, "COMP"),
    # Whether calendar covers the EWS free/busy scope is not stated anywhere.
    Inclusion("calendar", "calendar.free_busy", Certainty.UNKNOWN, "V2-CAL"),
)


def v2_includes(broader: str, narrower: str) -> bool:
    """True when the sources certainly say ``broader`` grants all of ``narrower``."""
    return CATALOGUE.includes(broader, narrower)


# Scopes that conflict on Google accounts: requesting email.metadata with any of these
# makes Google answer 403 and the account stops syncing (V2-OLD, documented).
V2_GOOGLE_METADATA_SCOPE = "email.metadata"
V2_GOOGLE_METADATA_CONFLICTS: frozenset[str] = frozenset(
    {"email.read_only", "email.modify", "email"}
)

# email.send as the only email scope breaks Gmail threading (V2-AS, documented).
V2_GMAIL_SEND_ONLY_SCOPE = "email.send"

# Microsoft has no metadata-only scope; Nylas asks for read access instead (V2-OLD).
V2_MICROSOFT_METADATA_SCOPE = "email.metadata"

# Office 365 room resources need tenant admin consent (V2-OLD).
V2_ADMIN_CONSENT_SCOPES: frozenset[str] = frozenset({"room_resources.read_only"})

# Service accounts onboard G Suite and Exchange for calendar data only (V2-OLD).
V2_SERVICE_ACCOUNT_FAMILIES: frozenset[ScopeFamily] = frozenset({ScopeFamily.CALENDAR})

# IMAP accounts derive events and contacts from mail, so calendar and contacts scopes
# need an email scope beside them (V2-OLD).
V2_IMAP_NEEDS_EMAIL_FAMILIES: frozenset[ScopeFamily] = frozenset(
    {ScopeFamily.CALENDAR, ScopeFamily.CONTACTS}
)

V2_LEGACY_EMAIL_SCOPE = "email"


class Provider(enum.Enum):
    GOOGLE = "google"
    MICROSOFT = "microsoft"
    IMAP = "imap"
    OTHER = "other"


@dataclass(frozen=True)
class ProviderValue:
    family: Provider
    # Office 365 specifically (room resources and admin consent), not Exchange on
    # premises or consumer Outlook.com accounts.
    office365: bool = False


# ``provider`` values of hosted and native auth (JS6 NativeAuthenticationProvider, PY5
# authentication_url) plus the family names users write in configuration.
PROVIDER_VALUES: Mapping[str, ProviderValue] = {
    "gmail": ProviderValue(Provider.GOOGLE),
    "google": ProviderValue(Provider.GOOGLE),
    "office365": ProviderValue(Provider.MICROSOFT, office365=True),
    "microsoft": ProviderValue(Provider.MICROSOFT, office365=True),
    "exchange": ProviderValue(Provider.MICROSOFT),
    "ews": ProviderValue(Provider.MICROSOFT),
    "outlook": ProviderValue(Provider.MICROSOFT),
    "hotmail": ProviderValue(Provider.MICROSOFT),
    "imap": ProviderValue(Provider.IMAP),
    "yahoo": ProviderValue(Provider.IMAP),
    "aol": ProviderValue(Provider.IMAP),
    "icloud": ProviderValue(Provider.OTHER),
    "nylas": ProviderValue(Provider.OTHER),
}


# The v2 client class under every name nylas-python 1.x-5.x exports it
# (``nylas/client/__init__.py`` re-exports it; PY5).
NYLAS_CLIENT_CLASSES: frozenset[str] = frozenset(
    {"nylas.APIClient", "nylas.client.APIClient", "nylas.client.client.APIClient"}
)


@dataclass(frozen=True)
class SdkDefault:
    versions: str
    scopes: tuple[str, ...]
    source: str


# What ``APIClient.authentication_url`` sends when ``scopes`` is omitted.
V2_SDK_DEFAULT_SCOPES = SdkDefault(
    "nylas-python 4.6.0 to 5.14.1", ("email", "calendar", "contacts"), "PY5"
)
# What the server grants when no scopes parameter arrives (an omitted or empty value,
# or the singular ``scope`` key it ignores): all scopes, per Nylas's SDK docs.
V2_SERVER_DEFAULT_SCOPES = SdkDefault(
    "server", ("email", "calendar", "contacts"), "NODE-README, NODE-776f02a"
)


# Sign-in scopes of OpenID Connect that are no Nylas v2 scope (``email`` is both, so it
# is left out): a list naming one is another OAuth library's, not a Nylas request
# (OIDC).  Used only where the receiver of ``authentication_url`` was not shown to be
# a Nylas client.
SIGN_IN_ONLY_SCOPES: frozenset[str] = frozenset(
    {"openid", "profile", "address", "phone", "offline_access"}
)
assert not SIGN_IN_ONLY_SCOPES & set(V2_SCOPES)


def v2_may_include(broader: str, narrower: str) -> bool:
    """True unless the sources rule it out: used where a wrong "yes" is the safe side."""
    return CATALOGUE.may_include(broader, narrower)


# How much a scope lets an app do, for choosing among alternatives that all work:
# the inferred minimal set prefers the lowest rank (read before write, the scope
# documented as the narrowest first).  Ranks compare only within a family.
V2_PRIVILEGE_RANK: Mapping[str, int] = {
    "email.metadata": 1,
    "email.read_only": 2,
    "email.folders_and_labels": 2,
    "email.drafts": 3,
    "email.send": 3,
    "email.modify": 4,
    "email": 9,
    "calendar.free_busy": 1,
    "calendar.read_only": 2,
    "calendar": 4,
    "contacts.read_only": 2,
    "contacts": 4,
    "room_resources.read_only": 2,
}


# The v2 vocabulary and its order as the rules read them.
CATALOGUE = Catalogue(
    "v2",
    V2_SCOPES,
    V2_INCLUSIONS,
    rank=V2_PRIVILEGE_RANK,
)
