"""Microsoft Graph permissions as Nylas API v3 uses them: vocabulary, consent, inclusion.

Nylas v3 passes Microsoft scopes to the Microsoft identity platform.  For Microsoft
connectors Nylas accepts both the short Graph name (``Mail.Read``) and the full form
(``https://graph.microsoft.com/Mail.Read``, ``V3-OAS``); the short name is canonical.
The OpenID Connect scopes (``openid``, ``email``, ``profile``, ``offline_access``)
belong to the identity platform, not to Graph, and have the short spelling only.

Microsoft has no tiers like Google's; what matters for an app is whether a permission
needs a tenant administrator's consent (``admin_consent``).  The references state it
for ``Place.Read.All`` only; the other flags follow the Graph permissions reference and
are marked inferred.

Inclusion certainty follows the rule of the Google catalogue: certain when Nylas lists
the broader permission wherever the narrower one works.  ``Mail.ReadWrite`` does not
include ``Mail.Send``: sending needs both (``NON_INCLUSIONS``).  Whether a ``.Shared``
permission covers the user's own mailbox (``Mail.Read.Shared`` ⊇ ``Mail.Read``) is
stated by no source the project cites; Nylas lists the ``.Shared`` permissions as
alternatives for most mail endpoints but not for ``clean_messages``, so those edges are
inferred.

Source keys:

* ``MS-GRAPH``: the Microsoft Graph permissions reference,
  https://learn.microsoft.com/en-us/graph/permissions-reference
* ``MS-OIDC``: the Microsoft identity platform's OpenID Connect scopes,
  https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc
* ``MS-CB``: the Nylas cookbook page on Microsoft OAuth scopes (``offline_access`` in
  every set), https://developer.nylas.com/docs/cookbook/use-cases/build/microsoft-oauth-scopes/
* ``V3-OAS``: the Nylas v3 OpenAPI document, whose ``x-scopes`` per operation list the
  most restrictive permission and the broader alternatives,
  https://developer.nylas.com/_spec-files/nylas-api.yaml
* ``V3-SCOPES``: the Nylas v3 scopes guide (identity scopes in Nylas's examples),
  https://developer.nylas.com/docs/v3/auth/v3-scopes/
"""

from __future__ import annotations

from ..catalogue import Catalogue
from ..types import Certainty, Inclusion
from .types import MICROSOFT, NonInclusion, ProviderScope, ScopeFamily, vocabulary

_DOC = Certainty.DOCUMENTED
_DESC = Certainty.DOCUMENTED_DESC
_INF = Certainty.INFERRED

_MAIL, _CAL, _CON, _ID, _OTHER = (
    ScopeFamily.MAIL,
    ScopeFamily.CALENDAR,
    ScopeFamily.CONTACTS,
    ScopeFamily.IDENTITY,
    ScopeFamily.OTHER,
)

GRAPH_PREFIX = "https://graph.microsoft.com/"


def _graph(
    name: str,
    family: ScopeFamily,
    description: str,
    source: str = "MS-GRAPH",
    admin_consent: bool = False,
    consent_certainty: Certainty = _INF,
    identity: bool = False,
) -> ProviderScope:
    return ProviderScope(
        name=name,
        provider=MICROSOFT,
        label=name,
        spellings=frozenset({name, GRAPH_PREFIX + name}),
        family=family,
        description=description,
        source=source,
        tier_certainty=consent_certainty,
        identity=identity,
        admin_consent=admin_consent,
    )


def _oidc(name: str, description: str, source: str = "MS-OIDC") -> ProviderScope:
    # Users consent to these themselves; no administrator is involved.
    return ProviderScope(
        name=name,
        provider=MICROSOFT,
        label=name,
        spellings=frozenset({name}),
        family=_ID,
        description=description,
        source=source,
        tier_certainty=_DOC,
        identity=True,
        admin_consent=False,
    )


_ENTRIES: tuple[ProviderScope, ...] = (
    # Mail.
    _graph("Mail.Read", _MAIL, "read the user's mail", "V3-OAS"),
    _graph("Mail.ReadWrite", _MAIL, "create, read, update, delete the user's mail", "V3-OAS"),
    _graph("Mail.Send", _MAIL, "send mail as the user", "V3-OAS"),
    _graph("Mail.Read.Shared", _MAIL, "read mail the user can access, incl. shared", "V3-OAS"),
    _graph(
        "Mail.ReadWrite.Shared", _MAIL,
        "read and write mail the user can access, incl. shared", "V3-OAS",
    ),
    _graph("Mail.Send.Shared", _MAIL, "send mail as the user or on behalf of others"),
    _graph("Mail.ReadBasic", _MAIL, "read the user's mail without bodies or attachments"),
    _graph("MailboxSettings.Read", _OTHER, "read mailbox settings"),
    _graph("MailboxSettings.ReadWrite", _OTHER, "read and write mailbox settings"),
    # Calendars.
    _graph("Calendars.Read", _CAL, "read the user's calendars", "V3-OAS"),
    _graph("Calendars.ReadWrite", _CAL, "read and write the user's calendars", "V3-OAS"),
    _graph("Calendars.Read.Shared", _CAL, "read calendars the user can access, incl. shared"),
    _graph(
        "Calendars.ReadWrite.Shared", _CAL,
        "read and write calendars the user can access, incl. shared",
    ),
    # Contacts and people.  People.Read serves the inbox and domain contact sources.
    _graph("Contacts.Read", _CON, "read the user's contacts", "V3-OAS"),
    _graph("Contacts.ReadWrite", _CON, "read and write the user's contacts", "V3-OAS"),
    _graph("Contacts.Read.Shared", _CON, "read contacts the user can access, incl. shared"),
    _graph(
        "Contacts.ReadWrite.Shared", _CON,
        "read and write contacts the user can access, incl. shared",
    ),
    _graph("People.Read", _CON, "read people relevant to the user", "V3-OAS"),
    _graph(
        "People.Read.All", _CON, "read all people in the organisation", admin_consent=True
    ),
    # Rooms (Nylas GET /resources): tenant admin consent, stated by the references.
    _graph(
        "Place.Read.All", _OTHER, "read the organisation's places (rooms)", "V3-OAS",
        admin_consent=True, consent_certainty=_DOC,
    ),
    # Teams meetings for conferencing autocreate; an older Nylas page named it, the
    # Scheduler page does not (the endpoint map marks it unknown).
    _graph("OnlineMeetings.Read", _OTHER, "read the user's online meetings"),
    _graph("OnlineMeetings.ReadWrite", _OTHER, "create and read the user's online meetings"),
    _graph("User.ReadBasic.All", _OTHER, "read basic profiles of all users"),
    # Identity.  Nylas's own connector examples carry User.Read and offline_access; the
    # cookbook says to put offline_access in every set so tokens can be refreshed.
    _graph(
        "User.Read", _ID, "sign in and read the user's profile", "V3-SCOPES",
        identity=True,
    ),
    _oidc("offline_access", "refresh tokens: access while the user is away", "MS-CB"),
    _oidc("openid", "sign the user in"),
    _oidc("email", "the user's primary email address"),
    _oidc("profile", "the user's basic profile"),
)

SCOPES, SPELLINGS, IDENTITY_SCOPES = vocabulary(_ENTRIES)

ADMIN_CONSENT_SCOPES: frozenset[str] = frozenset(
    entry.name for entry in _ENTRIES if entry.admin_consent
)

INCLUSIONS: tuple[Inclusion, ...] = (
    # Nylas lists Mail.ReadWrite beside Mail.Read for message, draft, folder, attachment
    # and smart-compose reads (clean_messages lists Mail.Read only; its requirement
    # carries Mail.ReadWrite as inferred).
    Inclusion("Mail.ReadWrite", "Mail.Read", _DOC, "V3-OAS"),
    Inclusion("Mail.ReadWrite.Shared", "Mail.Read.Shared", _DESC, "MS-GRAPH"),
    # .Shared over the user's own mailbox: see the module docstring.
    Inclusion("Mail.Read.Shared", "Mail.Read", _INF, "V3-OAS"),
    Inclusion("Mail.ReadWrite.Shared", "Mail.ReadWrite", _INF, "V3-OAS"),
    Inclusion("Mail.Send.Shared", "Mail.Send", _INF, "MS-GRAPH"),
    Inclusion("Mail.Read", "Mail.ReadBasic", _DESC, "MS-GRAPH"),
    Inclusion("MailboxSettings.ReadWrite", "MailboxSettings.Read", _DESC, "MS-GRAPH"),
    # Calendar and event reads, free-busy and availability list Calendars.ReadWrite
    # beside Calendars.Read.
    Inclusion("Calendars.ReadWrite", "Calendars.Read", _DOC, "V3-OAS"),
    Inclusion("Calendars.ReadWrite.Shared", "Calendars.Read.Shared", _DESC, "MS-GRAPH"),
    Inclusion("Calendars.Read.Shared", "Calendars.Read", _INF, "MS-GRAPH"),
    Inclusion("Calendars.ReadWrite.Shared", "Calendars.ReadWrite", _INF, "MS-GRAPH"),
    # Contact reads list Contacts.Read only (V3-26), although Graph describes
    # Contacts.ReadWrite as reading too.
    Inclusion("Contacts.ReadWrite", "Contacts.Read", _INF, "V3-OAS"),
    Inclusion("Contacts.ReadWrite.Shared", "Contacts.Read.Shared", _DESC, "MS-GRAPH"),
    Inclusion("Contacts.Read.Shared", "Contacts.Read", _INF, "MS-GRAPH"),
    Inclusion("Contacts.ReadWrite.Shared", "Contacts.ReadWrite", _INF, "MS-GRAPH"),
    Inclusion("People.Read.All", "People.Read", _INF, "MS-GRAPH"),
    Inclusion("OnlineMeetings.ReadWrite", "OnlineMeetings.Read", _DESC, "MS-GRAPH"),
)

NON_INCLUSIONS: tuple[NonInclusion, ...] = (
    # x-scopes, the Email-scopes page and the send guide require Mail.ReadWrite *and*
    # Mail.Send for sending.
    NonInclusion("Mail.ReadWrite", "Mail.Send", _DOC, "V3-OAS"),
    NonInclusion("Mail.ReadWrite.Shared", "Mail.Send", _DOC, "V3-OAS"),
)


# The vocabulary and its order as the rules read them (the same algorithms as v2's).
CATALOGUE = Catalogue(
    "microsoft",
    SCOPES,
    INCLUSIONS,
    spellings=SPELLINGS,
    identity=IDENTITY_SCOPES,
    tiers={name: "admin consent" if entry.admin_consent else "user consent"
           for name, entry in SCOPES.items()},
)
