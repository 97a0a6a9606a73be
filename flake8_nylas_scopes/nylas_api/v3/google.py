"""Google OAuth scopes as Nylas API v3 uses them: vocabulary, tiers, inclusion order.

Nylas v3 passes Google scopes through unchanged, so the vocabulary is Google's.  Google
accepts only the full URI (``https://www.googleapis.com/auth/gmail.readonly``; the one
exception is the full-mail scope ``https://mail.google.com/``) and the OpenID Connect
names ``openid``, ``email`` and ``profile``.  The short ``gmail.readonly`` is a label
for messages, not a spelling Google accepts.

Google's ``email`` is a valid OpenID scope, while ``email`` is also the legacy Nylas v2
scope: in a request that is Google's, it is the identity scope.

Tiers: Google's restricted-scope list (``G-RESTR``) is the complete list of restricted
scopes, so "restricted or not" is documented for every entry.  Whether a scope that is
not restricted is sensitive or non-sensitive is documented by Google for the Gmail
scopes only (``G-GMAIL``); for the others the tier comes from the Nylas cookbook or is
unconfirmed, and unconfirmed ones are given the stricter of the two.

Inclusion certainty: an edge is certain when Google describes the broader scope as
covering the narrower one *and* Nylas lists the broader scope wherever the narrower one
works (the ``x-scopes`` alternatives).  Where Nylas lists only the narrower scope for
some endpoint (scheduled send takes ``gmail.send`` only; contact reads take
``contacts.readonly`` only), the edge is inferred: a certain edge would let the
redundancy rule drop the one scope that endpoint takes.

Source keys:

* ``G-SCOPES``: Google's "OAuth 2.0 Scopes for Google APIs" page,
  https://developers.google.com/identity/protocols/oauth2/scopes (every scope URI with
  its description).
* ``G-GMAIL``: Google's "Choose Gmail API scopes" page with Google's own tier per Gmail
  scope, https://developers.google.com/gmail/api/auth/scopes
* ``G-RESTR``: Google's restricted-scope list,
  https://support.google.com/cloud/answer/13464325
* ``G-OIDC``: Google's OpenID Connect page (``openid``, ``email``, ``profile``),
  https://developers.google.com/identity/openid-connect/openid-connect
* ``G-CB``: the Nylas cookbook page on Google and Microsoft scopes for email and
  calendar apps, which calls the Calendar and Contacts scopes sensitive,
  https://developer.nylas.com/docs/cookbook/use-cases/build/oauth-scopes-email-calendar/
* ``V3-OAS``: the Nylas v3 OpenAPI document, whose ``x-scopes`` per operation list the
  most restrictive scope and the broader alternatives,
  https://developer.nylas.com/_spec-files/nylas-api.yaml
* ``V3-SCOPES``: the Nylas v3 scopes guide (three layers, identity scopes, full-URI
  spelling), https://developer.nylas.com/docs/v3/auth/v3-scopes/
"""

from __future__ import annotations

from ..catalogue import Catalogue
from ..types import Certainty, Inclusion
from .types import (
    GOOGLE,
    Conflict,
    GoogleTier,
    NonInclusion,
    ProviderScope,
    ScopeFamily,
    vocabulary,
)

_DOC = Certainty.DOCUMENTED
_DESC = Certainty.DOCUMENTED_DESC
_INF = Certainty.INFERRED
_UNK = Certainty.UNKNOWN

_MAIL, _CAL, _CON, _ID, _OTHER = (
    ScopeFamily.MAIL,
    ScopeFamily.CALENDAR,
    ScopeFamily.CONTACTS,
    ScopeFamily.IDENTITY,
    ScopeFamily.OTHER,
)
_NS, _S, _R = GoogleTier.NON_SENSITIVE, GoogleTier.SENSITIVE, GoogleTier.RESTRICTED

AUTH_PREFIX = "https://www.googleapis.com/auth/"
FULL_MAIL = "https://mail.google.com/"
# How every Google scope URI starts: a URI on Google's API host names a Google scope
# even when the catalogue does not list it.
URI_PREFIXES = ("https://www.googleapis.com/", FULL_MAIL)


def uri(label: str) -> str:
    """The full scope URI of a short label (``gmail.readonly``)."""
    return FULL_MAIL if label == "mail.google.com" else AUTH_PREFIX + label


def _uri_scope(
    label: str,
    family: ScopeFamily,
    tier: GoogleTier,
    tier_certainty: Certainty,
    description: str,
    source: str,
    identity: bool = False,
) -> ProviderScope:
    name = uri(label)
    return ProviderScope(
        name=name,
        provider=GOOGLE,
        label=label,
        spellings=frozenset({name}),
        family=family,
        description=description,
        source=source,
        tier_certainty=tier_certainty,
        identity=identity,
        google_tier=tier,
    )


def _oidc_scope(name: str, description: str) -> ProviderScope:
    # Google lists these among the basic sign-in scopes; none is on G-RESTR, and the
    # tier "non-sensitive" is not stated in the sources above.
    return ProviderScope(
        name=name,
        provider=GOOGLE,
        label=name,
        spellings=frozenset({name}),
        family=_ID,
        description=description,
        source="G-OIDC",
        tier_certainty=_INF,
        identity=True,
        google_tier=_NS,
    )


_ENTRIES: tuple[ProviderScope, ...] = (
    # Gmail: Google's own tier table (G-GMAIL), confirmed by G-RESTR for restricted.
    _uri_scope(
        "mail.google.com", _MAIL, _R, _DOC,
        "read, compose, send and permanently delete all mail", "G-GMAIL",
    ),
    _uri_scope("gmail.readonly", _MAIL, _R, _DOC, "read all mail and its metadata", "G-GMAIL"),
    _uri_scope(
        "gmail.modify", _MAIL, _R, _DOC,
        "all read and write operations except permanent deletion", "G-GMAIL",
    ),
    _uri_scope("gmail.compose", _MAIL, _R, _DOC, "manage drafts and send mail", "G-GMAIL"),
    _uri_scope("gmail.send", _MAIL, _S, _DOC, "send mail only", "G-GMAIL"),
    _uri_scope("gmail.labels", _MAIL, _NS, _DOC, "create, read, update, delete labels", "G-GMAIL"),
    _uri_scope(
        "gmail.metadata", _MAIL, _R, _DOC,
        "read metadata (headers, labels), no bodies or attachments", "G-GMAIL",
    ),
    _uri_scope("gmail.insert", _MAIL, _R, _DOC, "add mail to the mailbox only", "G-GMAIL"),
    _uri_scope(
        "gmail.settings.basic", _MAIL, _R, _DOC, "manage basic mail settings", "G-GMAIL"
    ),
    _uri_scope(
        "gmail.settings.sharing", _MAIL, _R, _DOC,
        "manage sensitive mail settings (forwarding, aliases)", "G-GMAIL",
    ),
    _uri_scope(
        "gmail.addons.current.action.compose", _MAIL, _NS, _DOC,
        "Gmail add-ons: manage drafts and send while the add-on runs", "G-GMAIL",
    ),
    _uri_scope(
        "gmail.addons.current.message.action", _MAIL, _NS, _DOC,
        "Gmail add-ons: view messages while the add-on runs", "G-GMAIL",
    ),
    _uri_scope(
        "gmail.addons.current.message.metadata", _MAIL, _S, _DOC,
        "Gmail add-ons: view message metadata while the add-on runs", "G-GMAIL",
    ),
    _uri_scope(
        "gmail.addons.current.message.readonly", _MAIL, _S, _DOC,
        "Gmail add-ons: view messages while the add-on runs", "G-GMAIL",
    ),
    # Calendar: not on G-RESTR; the Nylas cookbook says sensitive (G-CB), Google's own
    # per-scope label is not in the sources.
    _uri_scope(
        "calendar", _CAL, _S, _INF,
        "see, edit, share and permanently delete all calendars", "G-SCOPES",
    ),
    _uri_scope("calendar.readonly", _CAL, _S, _INF, "see and download calendars", "G-SCOPES"),
    _uri_scope(
        "calendar.events", _CAL, _S, _INF, "view and edit events on all calendars", "G-SCOPES"
    ),
    _uri_scope(
        "calendar.events.readonly", _CAL, _S, _INF, "view events on all calendars", "G-SCOPES"
    ),
    # Named in the references only as scopes Nylas does not list for free-busy; tier
    # unconfirmed.
    _uri_scope(
        "calendar.freebusy", _CAL, _S, _UNK, "see free/busy of calendars", "G-SCOPES"
    ),
    _uri_scope(
        "calendar.events.freebusy", _CAL, _S, _UNK,
        "see free/busy of events on calendars", "G-SCOPES",
    ),
    # Contacts (G-CB says sensitive for the two address-book scopes).
    _uri_scope(
        "contacts", _CON, _S, _INF, "see, edit, download and delete contacts", "G-SCOPES"
    ),
    _uri_scope("contacts.readonly", _CON, _S, _INF, "see and download contacts", "G-SCOPES"),
    _uri_scope(
        "contacts.other.readonly", _CON, _S, _UNK,
        "see and download 'other contacts' (people the user mailed)", "G-SCOPES",
    ),
    _uri_scope(
        "directory.readonly", _CON, _S, _UNK,
        "see and download the organisation's Workspace directory", "G-SCOPES",
    ),
    # Room resources (Nylas GET /resources); tier unconfirmed.
    _uri_scope(
        "admin.directory.resource.calendar.readonly", _OTHER, _S, _UNK,
        "view calendar resources (rooms) of the Workspace domain", "G-SCOPES",
    ),
    # Identity.  Nylas adds identity scopes itself; its examples use these.
    _uri_scope(
        "userinfo.email", _ID, _NS, _INF, "see the primary email address", "G-SCOPES",
        identity=True,
    ),
    _uri_scope(
        "userinfo.profile", _ID, _NS, _INF, "see personal info made public", "G-SCOPES",
        identity=True,
    ),
    _oidc_scope("openid", "associate the user with their personal info"),
    _oidc_scope("email", "see the primary email address (OpenID Connect)"),
    _oidc_scope("profile", "see personal info made public (OpenID Connect)"),
)

SCOPES, SPELLINGS, IDENTITY_SCOPES = vocabulary(_ENTRIES)

RESTRICTED_SCOPES: frozenset[str] = frozenset(
    entry.name for entry in _ENTRIES if entry.google_tier is GoogleTier.RESTRICTED
)

_g = uri

# Direct inclusion edges (closure left to the reader of the data, as in the v2
# catalogue).  See the module docstring for when an edge is certain.
INCLUSIONS: tuple[Inclusion, ...] = (
    # Full mail access.  Google describes it as covering every Gmail action, but
    # Nylas lists it only beside gmail.modify for message deletes (it is needed for
    # permanent deletion), not for reads or draft writes: whether Nylas accepts it
    # alone there is not documented, so the edges are not certain (no NYS403 on them).
    Inclusion(FULL_MAIL, _g("gmail.modify"), _INF, "G-GMAIL"),
    Inclusion(FULL_MAIL, _g("gmail.compose"), _INF, "G-GMAIL"),
    # Scheduled send (send_at) takes gmail.send only (V3-OAS), so nothing is certain
    # to cover gmail.send for every Nylas endpoint.
    Inclusion(FULL_MAIL, _g("gmail.send"), _INF, "G-GMAIL"),
    Inclusion(FULL_MAIL, _g("gmail.insert"), _INF, "G-GMAIL"),
    # gmail.metadata beside a broader scope is a conflict (CONFLICTS), not a
    # redundancy: no certain edge reaches it.
    Inclusion(FULL_MAIL, _g("gmail.metadata"), _INF, "G-GMAIL"),
    # Nylas lists gmail.modify beside gmail.readonly for message, thread, attachment and
    # smart-compose reads; not for draft reads or clean_messages, which list the
    # readonly scope only (their requirements carry gmail.modify as inferred).
    Inclusion(_g("gmail.modify"), _g("gmail.readonly"), _DOC, "V3-OAS"),
    # Folder reads and writes list gmail.labels and gmail.modify.
    Inclusion(_g("gmail.modify"), _g("gmail.labels"), _DOC, "V3-OAS"),
    Inclusion(_g("gmail.modify"), _g("gmail.send"), _INF, "V3-OAS"),
    # Draft writes list gmail.compose only.
    Inclusion(_g("gmail.modify"), _g("gmail.compose"), _INF, "V3-OAS"),
    # Google describes compose as "manage drafts and send"; scheduled send still
    # takes gmail.send only.
    Inclusion(_g("gmail.compose"), _g("gmail.send"), _INF, "G-GMAIL"),
    Inclusion(_g("gmail.readonly"), _g("gmail.metadata"), _INF, "G-GMAIL"),
    # Calendar reads, free-busy and availability list calendar beside calendar.readonly;
    # event writes list calendar beside calendar.events; event reads list
    # calendar.events beside calendar.events.readonly.
    Inclusion(_g("calendar"), _g("calendar.readonly"), _DOC, "V3-OAS"),
    Inclusion(_g("calendar"), _g("calendar.events"), _DOC, "V3-OAS"),
    Inclusion(_g("calendar.events"), _g("calendar.events.readonly"), _DOC, "V3-OAS"),
    # Event reads do not list calendar.readonly.
    Inclusion(_g("calendar.readonly"), _g("calendar.events.readonly"), _INF, "G-SCOPES"),
    Inclusion(_g("calendar.readonly"), _g("calendar.freebusy"), _INF, "G-SCOPES"),
    Inclusion(
        _g("calendar.events.readonly"), _g("calendar.events.freebusy"), _INF, "G-SCOPES"
    ),
    # Contact reads list contacts.readonly only (V3-26); Google's description of
    # contacts covers reading.
    Inclusion(_g("contacts"), _g("contacts.readonly"), _INF, "G-SCOPES"),
)

NON_INCLUSIONS: tuple[NonInclusion, ...] = (
    # Google describes gmail.readonly as "no write operations"; Nylas never lists it
    # for a send.
    NonInclusion(_g("gmail.readonly"), _g("gmail.send"), _DESC, "G-GMAIL"),
)

# Requesting gmail.metadata with a scope that reads bodies makes Google fall back to
# metadata permissions for the whole grant (V3-OAS; the same pair broke v2 accounts).
CONFLICTS: tuple[Conflict, ...] = (
    Conflict(
        _g("gmail.metadata"),
        frozenset({_g("gmail.readonly"), _g("gmail.modify"), FULL_MAIL}),
        "Google falls back to metadata permissions: bodies and search stop working",
        _DOC,
        "V3-OAS",
    ),
)


# The vocabulary and its order as the rules read them (the same algorithms as v2's).
CATALOGUE = Catalogue(
    "google",
    SCOPES,
    INCLUSIONS,
    spellings=SPELLINGS,
    identity=IDENTITY_SCOPES,
    tiers={name: entry.google_tier.value for name, entry in SCOPES.items()
           if entry.google_tier is not None},
)
