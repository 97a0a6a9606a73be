"""The Nylas API v3 endpoint map: SDK method -> HTTP request -> provider scopes it needs.

Sources:

* Scopes: the v3 table of the project's endpoint-scope reference (rows ``V3-1`` to
  ``V3-34``, named in each requirement's ``rows``), which paraphrases:

  * ``V3-OAS``: the ``x-scopes`` of the Nylas v3 OpenAPI document,
    https://developer.nylas.com/_spec-files/nylas-api.yaml
  * ``V3-EMAIL``: https://developer.nylas.com/docs/v3/email/scopes/
  * ``V3-SEND``: https://developer.nylas.com/docs/v3/email/send-email/
  * ``V3-RSVP``: https://developer.nylas.com/docs/reference/api/events/send-rsvp/
  * ``V3-UPLOAD``:
    https://developer.nylas.com/docs/reference/api/attachments/create-attachment-upload-session/
  * ``V3-SCOPES``: https://developer.nylas.com/docs/v3/auth/v3-scopes/
  * ``V3-SCHED-CONF``: https://developer.nylas.com/docs/v3/scheduler/add-conferencing/
  * ``V3-NOTIF``: the scopes of notification triggers,
    https://developer.nylas.com/docs/v3/notifications/notification-scopes/
  * ``V3-REPLY``: a send with ``reply_to_message_id`` makes Nylas read the original
    message, https://developer.nylas.com/docs/cookbook/email/threads/reply-to-a-thread/
  * ``V3-AUTHSCOPES``: "Nylas scopes are no longer used in v3"; scheduled messages need
    no scope,
    https://developer.nylas.com/docs/developer-guide/authentication/authentication-scopes/

* SDK calls: the release that added a method comes from the project's v3 SDK notes,
  which read the tags in between; ``tests/test_v3_sdk_crosscheck.py`` reads the two
  releases below with ``ast`` and checks every method, HTTP method and path here
  against them.

  * ``PY6``: nylas-python 6.0.0 and 6.18.0 as published on PyPI,
    https://pypi.org/project/nylas/ (``nylas/resources/*.py``).

How to read the data:

* ``ENDPOINTS`` keys are ``"METHOD /v3/path"``; ``{...}`` segments use the SDK's
  parameter names.  Each holds a :class:`~.types.Requirement`.
* Alternatives list every scope set the reference names for the endpoint, each with its
  own certainty.  A broader scope that Nylas does not list but the provider would accept
  is an inferred alternative; an alternative nobody can vouch for is unknown.  Listing an
  unknown alternative keeps the usage rules quiet both ways, as in the v2 map.
* Google scopes are full URIs, Microsoft scopes short Graph names (the canonical names
  of the catalogues).
* ``SDK_METHODS`` is keyed ``(resource attribute path, method)``; its calls name
  ``ENDPOINTS`` keys.  ``RAW_ROUTES`` lists every endpoint for raw HTTP, literal
  segments before ``{...}`` ones, so the first match wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..http import ARGUMENT, NOTIFY
from ..types import Certainty, RawRoute, ordered_routes
from .google import uri
from .types import (
    GOOGLE,
    MICROSOFT,
    Access,
    Clause,
    Condition,
    Endpoint,
    ParameterLocation,
    ProviderRequirement,
    Requirement,
    ScopeSet,
    SdkCall,
    SdkMethod,
    provider_map,
)

_DOC = Certainty.DOCUMENTED
_DESC = Certainty.DOCUMENTED_DESC
_INF = Certainty.INFERRED
_UNK = Certainty.UNKNOWN
_QUERY, _BODY = ParameterLocation.QUERY, ParameterLocation.BODY
_CONFIGURATION = ParameterLocation.CONFIGURATION

# The regions of the hosted API (nylas/config.py); a raw request is recognised by its
# /v3/ path, because apps rarely spell the host.
API_SERVERS: tuple[str, ...] = ("https://api.us.nylas.com", "https://api.eu.nylas.com")

G = "/v3/grants/{identifier}"

_Alt = tuple[Certainty, tuple[str, ...]]


def _less_certain(first: Certainty, second: Certainty) -> Certainty:
    """The less certain of two certainties (Certainty lists the most certain first)."""
    order = list(Certainty)
    return max(first, second, key=order.index)


def _alternatives(provider: str, alternatives: Iterable[_Alt]) -> tuple[ScopeSet, ...]:
    """Scope sets from ``(certainty, scopes)`` pairs; the first is Nylas's minimum."""
    sets = []
    for index, (certainty, scopes) in enumerate(alternatives):
        names = frozenset(uri(scope) if provider == GOOGLE else scope for scope in scopes)
        sets.append(ScopeSet(names, certainty, minimal=index == 0 and certainty is _DOC))
    return tuple(sets)


def _provider(
    provider: str, certainty: Certainty, sources: tuple[str, ...], *alternatives: _Alt
) -> ProviderRequirement:
    return ProviderRequirement(_alternatives(provider, alternatives), certainty, sources)


def _needs(
    rows: tuple[str, ...],
    certainty: Certainty,
    sources: tuple[str, ...],
    google: tuple[_Alt, ...],
    microsoft: tuple[_Alt, ...],
    conditions: tuple[Condition, ...] = (),
    note: str = "",
    access: Access = Access.PROVIDER_SCOPES,
) -> Requirement:
    providers = provider_map(
        google=_provider(GOOGLE, certainty, sources, *google),
        microsoft=_provider(MICROSOFT, certainty, sources, *microsoft),
    )
    return Requirement(access, certainty, rows, sources, providers, conditions, note)


def _no_scope(rows: tuple[str, ...], certainty: Certainty, sources: tuple[str, ...],
              note: str) -> Requirement:
    return Requirement(Access.GRANT_NO_SCOPE, certainty, rows, sources, note=note)


def _app(rows: tuple[str, ...], certainty: Certainty, sources: tuple[str, ...],
         note: str = "") -> Requirement:
    return Requirement(Access.APPLICATION, certainty, rows, sources, note=note)


def _all_of(*groups: tuple[_Alt, ...]) -> tuple[_Alt, ...]:
    """Every combination taking one alternative from each group (all of the groups).

    The combination is as certain as its least certain part.
    """
    combined: list[_Alt] = [(_DOC, ())]
    for group in groups:
        combined = [
            (_less_certain(have, certainty), scopes + more)
            for have, scopes in combined
            for certainty, more in group
        ]
    return tuple(combined)


# Alternative groups shared by several rows (Google labels are expanded to URIs).

_G_MAIL_READ: tuple[_Alt, ...] = ((_DOC, ("gmail.readonly",)), (_DOC, ("gmail.modify",)))
_M_MAIL_READ: tuple[_Alt, ...] = (
    (_DOC, ("Mail.Read",)),
    (_DOC, ("Mail.ReadWrite",)),
    (_DOC, ("Mail.Read.Shared",)),
    (_DOC, ("Mail.ReadWrite.Shared",)),
)
_M_MAIL_WRITE: tuple[_Alt, ...] = ((_DOC, ("Mail.ReadWrite",)), (_DOC, ("Mail.ReadWrite.Shared",)))
# V3-4: the send guide, the Email-scopes page and x-scopes require both Microsoft
# permissions.  The Messages tag table shows only Mail.ReadWrite and the Microsoft
# cookbook only Mail.Send; the reference says to follow the all-of rule.
_M_SEND: tuple[_Alt, ...] = (
    (_DOC, ("Mail.ReadWrite", "Mail.Send")),
    (_DOC, ("Mail.ReadWrite.Shared", "Mail.Send")),
)
_G_SEND: tuple[_Alt, ...] = (
    (_DOC, ("gmail.send",)),
    (_DOC, ("gmail.compose",)),
    (_DOC, ("gmail.modify",)),
)
_G_CAL_READ: tuple[_Alt, ...] = ((_DOC, ("calendar.readonly",)), (_DOC, ("calendar",)))
_M_CAL_READ: tuple[_Alt, ...] = ((_DOC, ("Calendars.Read",)), (_DOC, ("Calendars.ReadWrite",)))
_G_EVENTS_WRITE: tuple[_Alt, ...] = ((_DOC, ("calendar.events",)), (_DOC, ("calendar",)))
_M_CAL_WRITE: tuple[_Alt, ...] = ((_DOC, ("Calendars.ReadWrite",)),)
_G_PRIMARY: tuple[_Alt, ...] = ((_DOC, ("calendar",)),)

_OAS = ("V3-OAS",)
_OAS_EMAIL = ("V3-OAS", "V3-EMAIL")


def _google_only(certainty: Certainty, sources: tuple[str, ...], *alternatives: _Alt
                 ) -> Mapping[str, ProviderRequirement]:
    return provider_map(google=_provider(GOOGLE, certainty, sources, *alternatives))


# V3-22, V3-23: the "primary" calendar keyword needs Google's full calendar scope.
_PRIMARY = Condition(
    (Clause("calendar_id", _QUERY, ("primary",)),),
    _google_only(_DOC, _OAS, *_G_PRIMARY),
    _DOC,
    'calendar_id="primary" needs the Google calendar scope',
)


def _mail_read(rows: tuple[str, ...], certainty: Certainty = _DOC,
               sources: tuple[str, ...] = _OAS) -> Requirement:
    google = tuple((_less_certain(c, certainty), s) for c, s in _G_MAIL_READ)
    microsoft = tuple((_less_certain(c, certainty), s) for c, s in _M_MAIL_READ)
    return _needs(rows, certainty, sources, google, microsoft)


def _mail_modify(rows: tuple[str, ...], certainty: Certainty = _DOC) -> Requirement:
    microsoft = tuple((_less_certain(c, certainty), s) for c, s in _M_MAIL_WRITE)
    return _needs(rows, certainty, _OAS, ((certainty, ("gmail.modify",)),), microsoft)


_MESSAGE_DELETE = _needs(
    ("V3-3",),
    _DOC,
    ("V3-OAS", "V3-SCOPES"),
    ((_DOC, ("gmail.modify",)), (_DOC, ("mail.google.com",))),
    _M_MAIL_WRITE,
    note="permanent deletion on Google needs https://mail.google.com/",
)

_SEND = _needs(
    ("V3-4",),
    _DOC,
    ("V3-OAS", "V3-EMAIL", "V3-SEND"),
    _G_SEND,
    _M_SEND,
    conditions=(
        Condition(
            (Clause("send_at", _BODY),),
            _google_only(_DOC, ("V3-OAS", "V3-SEND"), (_DOC, ("gmail.send",))),
            _DOC,
            "a send_at body makes a scheduled send, which takes gmail.send only",
        ),
    ),
    note="send_raw_mime posts to the same endpoint (?type=mime) and needs the same",
)

_SCHEDULED = _no_scope(
    ("V3-5",), _DOC, ("V3-OAS", "V3-AUTHSCOPES"), "scheduled messages are kept by Nylas"
)

# V3-6: only the narrowest scopes are listed.
_CLEAN = _needs(
    ("V3-6",),
    _DOC,
    _OAS,
    ((_DOC, ("gmail.readonly",)), (_INF, ("gmail.modify",))),
    ((_DOC, ("Mail.Read",)), (_INF, ("Mail.ReadWrite",))),
)

_DRAFTS_READ = _needs(
    ("V3-11",),
    _DOC,
    _OAS_EMAIL,
    ((_DOC, ("gmail.readonly",)), (_DOC, ("gmail.compose",)), (_INF, ("gmail.modify",))),
    _M_MAIL_READ,
)
_DRAFTS_WRITE = _needs(
    ("V3-12",),
    _DOC,
    _OAS_EMAIL,
    ((_DOC, ("gmail.compose",)), (_INF, ("gmail.modify",))),
    _M_MAIL_WRITE,
)
# V3-13: gmail.send alone is not listed for sending a draft.  The Drafts tag table omits
# Mail.Send; the .Shared pairing is by analogy with V3-4.
_DRAFT_SEND = _needs(
    ("V3-13",),
    _DOC,
    _OAS_EMAIL,
    ((_DOC, ("gmail.compose",)), (_DOC, ("gmail.modify",))),
    ((_DOC, ("Mail.ReadWrite", "Mail.Send")), (_INF, ("Mail.ReadWrite.Shared", "Mail.Send"))),
)
_FOLDERS_READ = _needs(
    ("V3-14",),
    _DOC,
    _OAS,
    ((_DOC, ("gmail.labels",)), (_DOC, ("gmail.modify",)), (_INF, ("gmail.readonly",))),
    _M_MAIL_READ,
)
_FOLDERS_WRITE = _needs(
    ("V3-15",),
    _DOC,
    _OAS,
    ((_DOC, ("gmail.labels",)), (_DOC, ("gmail.modify",))),
    _M_MAIL_WRITE,
)


def _upload(certainty: Certainty) -> Requirement:
    # V3-17: Google answers 401 (upload sessions are Microsoft only).
    microsoft = _provider(
        MICROSOFT,
        certainty,
        ("V3-UPLOAD",),
        (certainty, ("Mail.Send",)),
        (certainty, ("Mail.ReadWrite",)),
        (certainty, ("Mail.ReadWrite.Shared",)),
    )
    google = ProviderRequirement((), _DOC, ("V3-UPLOAD",), supported=False)
    return Requirement(
        Access.PROVIDER_SCOPES,
        certainty,
        ("V3-17",),
        ("V3-UPLOAD",),
        provider_map(google=google, microsoft=microsoft),
    )


def _calendar_read(rows: tuple[str, ...], access: Access = Access.PROVIDER_SCOPES,
                   certainty: Certainty = _DOC, note: str = "") -> Requirement:
    return _needs(rows, certainty, _OAS, _G_CAL_READ, _M_CAL_READ, access=access, note=note)


_CALENDAR_WRITE = _needs(("V3-19",), _DOC, _OAS, ((_DOC, ("calendar",)),), _M_CAL_WRITE)

# V3-20: Nylas lists only the calendar read scopes for free-busy.  Whether Google's own
# free/busy scopes (which Google's freebusy query accepts) pass Nylas's check is an open
# question of the reference: unknown alternatives, so that no rule fires on them.
_FREE_BUSY = _needs(
    ("V3-20",),
    _DOC,
    _OAS,
    _G_CAL_READ + ((_UNK, ("calendar.freebusy",)), (_UNK, ("calendar.events.freebusy",))),
    _M_CAL_READ,
)

_EVENTS_READ = _needs(
    ("V3-22",),
    _DOC,
    _OAS,
    (
        (_DOC, ("calendar.events.readonly",)),
        (_DOC, ("calendar.events",)),
        (_DOC, ("calendar",)),
        # Not listed for event reads.
        (_INF, ("calendar.readonly",)),
    ),
    _M_CAL_READ,
    conditions=(_PRIMARY,),
)

# V3-24: Teams conferencing.  The Scheduler page says Calendars.ReadWrite is enough; an
# older v3 scopes page named OnlineMeetings.ReadWrite.  Google Meet needs nothing extra.
_AUTOCREATE = Condition(
    (Clause("conferencing.autocreate", _BODY),),
    provider_map(
        microsoft=_provider(
            MICROSOFT,
            _UNK,
            ("V3-SCHED-CONF", "V3-SCOPES"),
            (_DOC, ("Calendars.ReadWrite",)),
            (_UNK, ("Calendars.ReadWrite", "OnlineMeetings.ReadWrite")),
        )
    ),
    _UNK,
    "conferencing autocreate: whether Teams needs OnlineMeetings.ReadWrite is disputed",
)


def _events_write(conditions: tuple[Condition, ...]) -> Requirement:
    return _needs(
        ("V3-23",), _DOC, _OAS, _G_EVENTS_WRITE, _M_CAL_WRITE, conditions=conditions
    )


_EVENTS_CREATE = _events_write((_PRIMARY, _AUTOCREATE))
_EVENTS_WRITE = _events_write((_PRIMARY,))

# V3-25 and note b: calendar write plus mail send.  The operation's x-scopes list the
# mail scopes, the Events tag table the calendar ones, the Email-scopes page groups it
# with send.  Without the send scopes Nylas records the RSVP and answers 200 with an
# error; with skip_nylas_email no mail is sent, so the send part should not be needed.
_RSVP_SOURCES = ("V3-OAS", "V3-EMAIL", "V3-RSVP")
_SKIP_EMAIL = Clause("skip_nylas_email", _BODY)
_PRIMARY_CLAUSE = Clause("calendar_id", _QUERY, ("primary",))


def _rsvp_skip(google_calendar: tuple[_Alt, ...]) -> Mapping[str, ProviderRequirement]:
    inferred = tuple((_INF, scopes) for _, scopes in google_calendar)
    return provider_map(
        google=_provider(GOOGLE, _INF, _RSVP_SOURCES, *inferred),
        microsoft=_provider(MICROSOFT, _INF, _RSVP_SOURCES, (_INF, ("Calendars.ReadWrite",))),
    )


_SEND_RSVP = _needs(
    ("V3-25",),
    _DOC,
    _RSVP_SOURCES,
    _all_of(_G_EVENTS_WRITE, _G_SEND),
    _all_of(_M_CAL_WRITE, _M_SEND),
    conditions=(
        Condition(
            (_PRIMARY_CLAUSE, _SKIP_EMAIL),
            _rsvp_skip(_G_PRIMARY),
            _INF,
            "skip_nylas_email on the primary calendar: Google calendar scope only",
        ),
        Condition(
            (_SKIP_EMAIL,),
            _rsvp_skip(_G_EVENTS_WRITE),
            _INF,
            "skip_nylas_email sends no RSVP mail: calendar write only",
        ),
        Condition(
            (_PRIMARY_CLAUSE,),
            _google_only(_DOC, _RSVP_SOURCES, *_all_of(_G_PRIMARY, _G_SEND)),
            _DOC,
            'calendar_id="primary" needs the Google calendar scope',
        ),
    ),
    note="the mail-send part fails softly: Nylas answers 200 and reports the error",
)

# V3-26: the contact source decides the scope; address_book is the default.  Nylas does
# not list the read-write scopes for reads.
_G_ADDRESS_BOOK: tuple[_Alt, ...] = ((_DOC, ("contacts.readonly",)), (_INF, ("contacts",)))
_M_ADDRESS_BOOK: tuple[_Alt, ...] = ((_DOC, ("Contacts.Read",)), (_INF, ("Contacts.ReadWrite",)))


def _source(value: str, google_scope: str) -> Condition:
    return Condition(
        (Clause("source", _QUERY, (value,)),),
        provider_map(
            google=_provider(GOOGLE, _DOC, _OAS, (_DOC, (google_scope,))),
            microsoft=_provider(MICROSOFT, _DOC, _OAS, (_DOC, ("People.Read",))),
        ),
        _DOC,
        f'source="{value}" contacts',
    )


_CONTACTS_LIST = _needs(
    ("V3-26",),
    _DOC,
    _OAS,
    _G_ADDRESS_BOOK,
    _M_ADDRESS_BOOK,
    conditions=(
        _source("inbox", "contacts.other.readonly"),
        _source("domain", "directory.readonly"),
    ),
)
_CONTACTS_READ = _needs(("V3-26",), _DOC, _OAS, _G_ADDRESS_BOOK, _M_ADDRESS_BOOK)
# A contact found by id may come from the inbox or domain source; which scope Nylas
# checks then is not stated.
_CONTACT_FIND = _needs(
    ("V3-26",),
    _DOC,
    _OAS,
    _G_ADDRESS_BOOK + ((_UNK, ("contacts.other.readonly",)), (_UNK, ("directory.readonly",))),
    _M_ADDRESS_BOOK + ((_UNK, ("People.Read",)),),
)
_CONTACTS_WRITE = _needs(
    ("V3-27",), _DOC, _OAS, ((_DOC, ("contacts",)),), ((_DOC, ("Contacts.ReadWrite",)),)
)
_ROOM_RESOURCES = _needs(
    ("V3-28",),
    _DOC,
    _OAS,
    ((_DOC, ("admin.directory.resource.calendar.readonly",)),),
    ((_DOC, ("Place.Read.All",)),),
    note="Place.Read.All needs tenant admin consent",
)
# V3-30: no x-scopes for configuration reads and deletes; the write scopes are listed
# as unknown alternatives so that no rule fires on them.
_CONFIG_UNKNOWN = _needs(
    ("V3-30",),
    _UNK,
    _OAS,
    tuple((_UNK, scopes) for _, scopes in _G_CAL_READ),
    tuple((_UNK, scopes) for _, scopes in _M_CAL_READ),
)
# V3-22, V3-23: the Events API needs Google's full calendar scope for the "primary"
# calendar keyword.  A Scheduler configuration whose participant books into "primary",
# or reads its availability there, has Nylas write and read that calendar the same
# way, so the narrower scopes that serve other calendars may not be enough there: no
# rule may offer them in place of calendar (they stay an inferred alternative), nor
# call them missing.
_PRIMARY_NOTE = 'a participant\'s "primary" calendar needs the Google calendar scope'


def _participant_primary(location: ParameterLocation, narrower: tuple[str, ...]
                         ) -> tuple[Condition, ...]:
    """The cases of a participant using "primary", read from the request body or from
    the configuration a request names; ``narrower``: what serves other calendars."""
    google = _google_only(_DOC, _OAS, *_G_PRIMARY, (_INF, narrower))
    return tuple(
        Condition((Clause(parameter, location, ("primary",)),), google, _INF, _PRIMARY_NOTE)
        for parameter in ("participants[].booking.calendar_id",
                          "participants[].availability.calendar_ids[]")
    )


_BOOKINGS = _needs(
    ("V3-32",),
    _DOC,
    _OAS,
    _G_EVENTS_WRITE,
    _M_CAL_WRITE,
    conditions=_participant_primary(_CONFIGURATION, ("calendar.events",)),
    access=Access.OTHER_GRANTS,
    note="API-key path; the scopes are those of the configuration's organiser grant",
)

# V3-29, V3-31, V3-32: a configuration exists to be booked.  Guests book it from the
# browser (the Scheduling Page or Component asks GET /v3/scheduling/availability, then
# posts /v3/scheduling/bookings), and Nylas reads and writes the organiser's calendar
# with the organiser's grant.  No call of the app shows those requests, so the call
# that makes a configuration bookable (writing one, or opening a session for one)
# stands for them: read the calendars for availability and write the booked event.
_G_BOOKABLE: tuple[_Alt, ...] = (
    (_DOC, ("calendar.readonly", "calendar.events")),
    (_DOC, ("calendar",)),
)
_BOOKED_NOTE = ("guests book a configuration from the browser: availability reads and the "
                "booking writes the organiser's calendar")
_BOOKABLE = Condition(
    (Clause("event_booking", _BODY),),
    provider_map(
        google=_provider(GOOGLE, _DOC, _OAS, *_G_BOOKABLE),
        microsoft=_provider(MICROSOFT, _DOC, _OAS, *_M_CAL_WRITE),
    ),
    _INF,
    _BOOKED_NOTE,
)

_CONFIG_WRITE = _needs(
    ("V3-29",), _DOC, _OAS, _G_CAL_READ, _M_CAL_READ,
    conditions=(*_participant_primary(_BODY, ("calendar.readonly", "calendar.events")),
                _BOOKABLE),
)
# A session hands the browser a token for a private configuration, to book it.  It
# names the configuration: which calendars its participants use is not in the call.
_SESSION = _needs(
    ("V3-31", "V3-32"),
    _DOC,
    _OAS,
    _G_BOOKABLE,
    _M_CAL_WRITE,
    conditions=_participant_primary(_CONFIGURATION, ("calendar.readonly", "calendar.events")),
    access=Access.OTHER_GRANTS,
    note="API-key path; " + _BOOKED_NOTE,
)

_API_KEY = _app(("V3-34",), _DOC, _OAS)
_NO_SCOPES = _app(("V3-33",), _DOC, _OAS)
# App-level admin resources (6.15+) the reference table has no row for: their paths
# carry no grant, so no grant scope can apply.
_ADMIN = _app((), _INF, ("PY6",), "application-level path without a grant")
_NOTETAKER_GRANT = _no_scope(("V3-33",), _DOC, _OAS, "notetakers carry no x-scopes")
_RULE_EVALUATIONS = _no_scope(
    (), _INF, ("PY6",), "rule evaluations are Nylas data; the reference table has no row"
)


def _endpoints(*rows: tuple[str, Requirement] | tuple[str, Requirement, str]
               ) -> Mapping[str, Endpoint]:
    table: dict[str, Endpoint] = {}
    for row in rows:
        key, requirement = row[0], row[1]
        note = row[2] if len(row) == 3 else ""
        assert key not in table, key
        table[key] = Endpoint(key, requirement, note)
    return table


_MSG = G + "/messages/{message_id}"
_THREAD = G + "/threads/{thread_id}"
_DRAFT = G + "/drafts/{draft_id}"
_FOLDER = G + "/folders/{folder_id}"
_CALENDAR = G + "/calendars/{calendar_id}"
_EVENT = G + "/events/{event_id}"
_CONTACT = G + "/contacts/{contact_id}"
_CONFIG = G + "/scheduling/configurations"
_BOOKING = "/v3/scheduling/bookings"
_NOTE_APP = "/v3/notetakers"
_NOTE_GRANT = G + "/notetakers"


def _crud(base: str, item: str, requirement: Requirement,
          update: tuple[str, ...] = ("PUT",)) -> list[tuple[str, Requirement]]:
    """The five routes of a plain collection: list, create, find, update, delete."""
    rows = [(f"GET {base}", requirement), (f"POST {base}", requirement),
            (f"GET {base}/{item}", requirement), (f"DELETE {base}/{item}", requirement)]
    rows += [(f"{method} {base}/{item}", requirement) for method in update]
    return rows


def _notetaker_routes(base: str, requirement: Requirement) -> list[tuple[str, Requirement]]:
    item = base + "/{notetaker_id}"
    return [
        (f"GET {base}", requirement),
        (f"POST {base}", requirement),
        (f"GET {item}", requirement),
        (f"PATCH {item}", requirement),
        (f"POST {item}/leave", requirement),
        (f"GET {item}/media", requirement),
        (f"DELETE {item}/cancel", requirement),
    ]


ENDPOINTS: Mapping[str, Endpoint] = _endpoints(
    # Messages.
    (f"GET {G}/messages", _mail_read(("V3-1",), sources=_OAS_EMAIL)),
    (f"GET {_MSG}", _mail_read(("V3-1",), sources=_OAS_EMAIL)),
    (f"PUT {_MSG}", _mail_modify(("V3-2",))),
    (f"DELETE {_MSG}", _MESSAGE_DELETE),
    (f"POST {G}/messages/send", _SEND),
    (f"GET {G}/messages/schedules", _SCHEDULED),
    (f"GET {G}/messages/schedules/{{schedule_id}}", _SCHEDULED),
    (f"DELETE {G}/messages/schedules/{{schedule_id}}", _SCHEDULED),
    (f"PUT {G}/messages/clean", _CLEAN),
    (f"POST {G}/messages/smart-compose", _mail_read(("V3-7",))),
    (f"POST {_MSG}/smart-compose", _mail_read(("V3-7",))),
    # Threads: V3-9 and V3-10 carry no x-scopes and follow the message rows.
    (f"GET {G}/threads", _mail_read(("V3-8",))),
    (f"GET {_THREAD}", _mail_read(("V3-9",), _INF)),
    (f"PUT {_THREAD}", _mail_modify(("V3-10",), _INF)),
    (f"DELETE {_THREAD}", _mail_modify(("V3-10",), _INF)),
    # Drafts.  Sending a saved draft is a POST on the draft's own path.
    (f"GET {G}/drafts", _DRAFTS_READ),
    (f"GET {_DRAFT}", _DRAFTS_READ),
    (f"POST {G}/drafts", _DRAFTS_WRITE),
    (f"PUT {_DRAFT}", _DRAFTS_WRITE),
    (f"DELETE {_DRAFT}", _DRAFTS_WRITE),
    (f"POST {_DRAFT}", _DRAFT_SEND),
    # Folders (v3 merged Gmail labels into folders).
    (f"GET {G}/folders", _FOLDERS_READ),
    (f"GET {_FOLDER}", _FOLDERS_READ),
    (f"POST {G}/folders", _FOLDERS_WRITE),
    (f"PUT {_FOLDER}", _FOLDERS_WRITE),
    (f"DELETE {_FOLDER}", _FOLDERS_WRITE),
    # Attachments.
    (f"GET {G}/attachments/{{attachment_id}}", _mail_read(("V3-16",))),
    (f"GET {G}/attachments/{{attachment_id}}/download", _mail_read(("V3-16",))),
    (f"POST {G}/attachment-uploads", _upload(_DOC)),
    (f"POST {G}/attachment-uploads/{{attachment_id}}/complete", _upload(_INF)),
    # Calendars.
    (f"GET {G}/calendars", _calendar_read(("V3-18",))),
    (f"GET {_CALENDAR}", _calendar_read(("V3-18",))),
    (f"POST {G}/calendars", _CALENDAR_WRITE),
    (f"PUT {_CALENDAR}", _CALENDAR_WRITE),
    (f"DELETE {_CALENDAR}", _CALENDAR_WRITE),
    (f"POST {G}/calendars/free-busy", _FREE_BUSY),
    (
        "POST /v3/calendars/availability",
        _calendar_read(
            ("V3-21",),
            Access.OTHER_GRANTS,
            _INF,
            "API-key path; the scopes are checked on each participant's grant",
        ),
    ),
    # Events.
    (f"GET {G}/events", _EVENTS_READ),
    (f"GET {G}/events/import", _EVENTS_READ),
    (f"GET {_EVENT}", _EVENTS_READ),
    (f"POST {G}/events", _EVENTS_CREATE),
    (f"PUT {_EVENT}", _EVENTS_CREATE),
    (f"DELETE {_EVENT}", _EVENTS_WRITE),
    (f"POST {_EVENT}/send-rsvp", _SEND_RSVP),
    # Contacts.
    (f"GET {G}/contacts", _CONTACTS_LIST),
    (f"GET {G}/contacts/groups", _CONTACTS_READ),
    (f"GET {_CONTACT}", _CONTACT_FIND),
    (f"POST {G}/contacts", _CONTACTS_WRITE),
    (f"PUT {_CONTACT}", _CONTACTS_WRITE),
    (f"DELETE {_CONTACT}", _CONTACTS_WRITE),
    # Room resources: no nylas-python 6.x method; raw HTTP only.
    (f"GET {G}/resources", _ROOM_RESOURCES),
    # Scheduler.
    (f"POST {_CONFIG}", _CONFIG_WRITE),
    (f"PUT {_CONFIG}/{{config_id}}", _CONFIG_WRITE),
    (f"GET {_CONFIG}", _CONFIG_UNKNOWN),
    (f"GET {_CONFIG}/{{config_id}}", _CONFIG_UNKNOWN),
    (f"DELETE {_CONFIG}/{{config_id}}", _CONFIG_UNKNOWN),
    (
        "GET /v3/scheduling/availability",
        _calendar_read(
            ("V3-31",), Access.OTHER_GRANTS, note="raw HTTP only; the organiser's grant"
        ),
    ),
    (f"POST {_BOOKING}", _BOOKINGS),
    (f"GET {_BOOKING}/{{booking_id}}", _BOOKINGS),
    (f"PUT {_BOOKING}/{{booking_id}}", _BOOKINGS),
    (f"PATCH {_BOOKING}/{{booking_id}}", _BOOKINGS),
    (f"DELETE {_BOOKING}/{{booking_id}}", _BOOKINGS),
    # Sessions hand a browser a token for a configuration; the reference table has no
    # row for them.  Creating one makes the configuration bookable (above).
    ("POST /v3/scheduling/sessions", _SESSION),
    ("DELETE /v3/scheduling/sessions/{session_id}", _ADMIN),
    # Notetakers: the same operations with or without a grant; no scope either way.
    *_notetaker_routes(_NOTE_APP, _NO_SCOPES),
    *_notetaker_routes(_NOTE_GRANT, _NOTETAKER_GRANT),
    # Auth flow and application management (API key).
    ("GET /v3/connect/auth", _API_KEY, "the hosted-auth URL the browser opens"),
    ("POST /v3/connect/token", _API_KEY),
    ("POST /v3/connect/custom", _API_KEY),
    ("GET /v3/connect/tokeninfo", _API_KEY),
    ("POST /v3/connect/revoke", _API_KEY),
    ("POST /v3/providers/detect", _ADMIN),
    ("GET /v3/grants", _API_KEY),
    ("GET /v3/grants/{grant_id}", _API_KEY),
    # grants.update was a PUT up to 6.11 and a PATCH from 6.12.
    ("PUT /v3/grants/{grant_id}", _API_KEY),
    ("PATCH /v3/grants/{grant_id}", _API_KEY),
    ("DELETE /v3/grants/{grant_id}", _API_KEY),
    *_crud("/v3/connectors", "{provider}", _API_KEY, ("PATCH",)),
    *_crud("/v3/connectors/{provider}/creds", "{credential_id}", _API_KEY, ("PATCH",)),
    *_crud("/v3/webhooks", "{webhook_id}", _API_KEY),
    ("PUT /v3/webhooks/{webhook_id}/rotate-secret", _API_KEY),
    ("GET /v3/webhooks/ip-addresses", _API_KEY),
    ("GET /v3/applications", _API_KEY),
    ("PATCH /v3/applications", _API_KEY),
    # Redirect-URI updates were a PUT before 6.16.
    *_crud("/v3/applications/redirect-uris", "{redirect_uri_id}", _API_KEY, ("PUT", "PATCH")),
    # Admin resources of 6.15 and 6.16.
    *_crud("/v3/rules", "{rule_id}", _ADMIN),
    ("GET /v3/grants/{grant_id}/rule-evaluations", _RULE_EVALUATIONS),
    *_crud("/v3/lists", "{list_id}", _ADMIN),
    ("GET /v3/lists/{list_id}/items", _ADMIN),
    ("POST /v3/lists/{list_id}/items", _ADMIN),
    ("DELETE /v3/lists/{list_id}/items", _ADMIN),
    *_crud("/v3/policies", "{policy_id}", _ADMIN),
    *_crud("/v3/admin/domains", "{domain_id}", _ADMIN),
    ("POST /v3/admin/domains/{domain_id}/info", _ADMIN),
    ("POST /v3/admin/domains/{domain_id}/verify", _ADMIN),
    ("POST /v3/domains/{domain_name}/messages/send", _NO_SCOPES),
    *_crud("/v3/workspaces", "{workspace_id}", _ADMIN, ("PATCH",)),
    ("POST /v3/workspaces/auto-group", _ADMIN),
    ("POST /v3/workspaces/{workspace_id}/manual-assign", _ADMIN),
)

# The top-level keys of the query parameters and bodies the conditions above read
# (``calendar_id``; ``conferencing`` of ``conferencing.autocreate``; ``participants``
# of ``participants[].booking.calendar_id``): a module that writes one as a dict key
# may give an SDK call, by position, the dict that decides its scopes.
CONDITION_KEYS: frozenset[str] = frozenset(
    clause.parameter.split(".", 1)[0].removesuffix("[]")
    for endpoint in ENDPOINTS.values() for condition in endpoint.requirement.conditions
    for clause in condition.when if clause.location is not _CONFIGURATION)


# --- SDK methods ----------------------------------------------------------------------

V600, V602, V605, V608, V609 = "6.0.0", "6.2.0", "6.5.0", "6.8.0", "6.9.0"
V612, V615, V616, V618 = "6.12.0", "6.15.0", "6.16.0", "6.18.0"

# Releases the crosscheck test reads; the first and the newest of the 6.x line.
CHECKED_RELEASES: tuple[str, ...] = (V600, V618)


def _call(key: str, since: str = V600, before: str | None = None, when: str = "") -> SdkCall:
    method, path = key.split(" ", 1)
    return SdkCall(method, path, since, before, when)


def _methods(
    resource: str, since: str, *rows: tuple[str, str] | tuple[str, str, str]
) -> list[SdkMethod]:
    """``(method, endpoint key[, since])`` rows of one resource, one call each."""
    found = []
    for row in rows:
        added = row[2] if len(row) == 3 else since
        found.append(SdkMethod(resource, row[0], added, (_call(row[1], added),)))
    return found


def _crud_methods(resource: str, since: str, base: str, item: str, update: str = "PUT",
                  ) -> list[SdkMethod]:
    return _methods(
        resource,
        since,
        ("list", f"GET {base}"),
        ("find", f"GET {base}/{item}"),
        ("create", f"POST {base}"),
        ("update", f"{update} {base}/{item}"),
        ("destroy", f"DELETE {base}/{item}"),
    )


def _notetaker(method: str, http_method: str, suffix: str) -> SdkMethod:
    return SdkMethod(
        "notetakers",
        method,
        V609,
        (
            _call(f"{http_method} {_NOTE_APP}{suffix}", V609, when="identifier is None"),
            _call(f"{http_method} {_NOTE_GRANT}{suffix}", V609, when="identifier given"),
        ),
    )


def _url_builder(method: str) -> SdkMethod:
    return SdkMethod(
        "auth", method, V600, (_call("GET /v3/connect/auth"),), url_only=True,
        note="returns the URL; the user's browser sends the request",
    )


_SDK_ROWS: list[SdkMethod] = [
    _url_builder("url_for_oauth2"),
    _url_builder("url_for_oauth2_pkce"),
    _url_builder("url_for_admin_consent"),
    *_methods(
        "auth",
        V600,
        ("exchange_code_for_token", "POST /v3/connect/token"),
        ("refresh_access_token", "POST /v3/connect/token"),
        ("custom_authentication", "POST /v3/connect/custom"),
        ("id_token_info", "GET /v3/connect/tokeninfo"),
        ("validate_access_token", "GET /v3/connect/tokeninfo"),
        ("revoke", "POST /v3/connect/revoke"),
        ("detect_provider", "POST /v3/providers/detect"),
    ),
    *_methods(
        "applications",
        V600,
        ("info", "GET /v3/applications"),
        ("update", "PATCH /v3/applications", V616),
    ),
    *[
        method
        for method in _crud_methods(
            "applications.redirect_uris", V600, "/v3/applications/redirect-uris",
            "{redirect_uri_id}",
        )
        if method.method != "update"
    ],
    SdkMethod(
        "applications.redirect_uris",
        "update",
        V600,
        (
            _call("PUT /v3/applications/redirect-uris/{redirect_uri_id}", V600, V616),
            _call("PATCH /v3/applications/redirect-uris/{redirect_uri_id}", V616),
        ),
    ),
    *_methods(
        "attachments",
        V600,
        ("find", f"GET {G}/attachments/{{attachment_id}}"),
        ("download", f"GET {G}/attachments/{{attachment_id}}/download"),
        ("download_bytes", f"GET {G}/attachments/{{attachment_id}}/download"),
        ("create_upload_session", f"POST {G}/attachment-uploads", V616),
        ("complete_upload_session", f"POST {G}/attachment-uploads/{{attachment_id}}/complete",
         V616),
    ),
    *_crud_methods("calendars", V600, f"{G}/calendars", "{calendar_id}"),
    *_methods(
        "calendars",
        V600,
        ("get_availability", "POST /v3/calendars/availability"),
        ("get_free_busy", f"POST {G}/calendars/free-busy"),
    ),
    *_crud_methods("connectors", V600, "/v3/connectors", "{provider}", "PATCH"),
    *_crud_methods(
        "connectors.credentials", V600, "/v3/connectors/{provider}/creds", "{credential_id}",
        "PATCH",
    ),
    *_crud_methods("contacts", V600, f"{G}/contacts", "{contact_id}"),
    *_methods("contacts", V600, ("list_groups", f"GET {G}/contacts/groups")),
    *_crud_methods("domains", V615, "/v3/admin/domains", "{domain_id}"),
    *_methods(
        "domains",
        V615,
        ("get_info", "POST /v3/admin/domains/{domain_id}/info"),
        ("verify", "POST /v3/admin/domains/{domain_id}/verify"),
    ),
    *_crud_methods("drafts", V600, f"{G}/drafts", "{draft_id}"),
    *_methods("drafts", V600, ("send", f"POST {_DRAFT}")),
    *_crud_methods("events", V600, f"{G}/events", "{event_id}"),
    *_methods(
        "events",
        V600,
        ("send_rsvp", f"POST {_EVENT}/send-rsvp"),
        ("list_import_events", f"GET {G}/events/import", V608),
    ),
    *_crud_methods("folders", V600, f"{G}/folders", "{folder_id}"),
    *_methods(
        "grants",
        V600,
        ("list", "GET /v3/grants"),
        ("find", "GET /v3/grants/{grant_id}"),
        ("destroy", "DELETE /v3/grants/{grant_id}"),
    ),
    SdkMethod(
        "grants",
        "update",
        V600,
        (
            _call("PUT /v3/grants/{grant_id}", V600, V612),
            _call("PATCH /v3/grants/{grant_id}", V612),
        ),
    ),
    *_crud_methods("lists", V615, "/v3/lists", "{list_id}"),
    *_methods(
        "lists",
        V615,
        ("list_items", "GET /v3/lists/{list_id}/items"),
        ("add_items", "POST /v3/lists/{list_id}/items"),
        ("remove_items", "DELETE /v3/lists/{list_id}/items"),
    ),
    *_methods(
        "messages",
        V600,
        ("list", f"GET {G}/messages"),
        ("find", f"GET {_MSG}"),
        ("update", f"PUT {_MSG}"),
        ("destroy", f"DELETE {_MSG}"),
        ("send", f"POST {G}/messages/send"),
        ("send_raw_mime", f"POST {G}/messages/send", V618),
        ("list_scheduled_messages", f"GET {G}/messages/schedules"),
        ("find_scheduled_message", f"GET {G}/messages/schedules/{{schedule_id}}"),
        ("stop_scheduled_message", f"DELETE {G}/messages/schedules/{{schedule_id}}"),
        ("clean_messages", f"PUT {G}/messages/clean", V602),
    ),
    *_methods(
        "messages.smart_compose",
        V600,
        ("compose_message", f"POST {G}/messages/smart-compose"),
        ("compose_message_reply", f"POST {_MSG}/smart-compose"),
    ),
    _notetaker("list", "GET", ""),
    _notetaker("invite", "POST", ""),
    _notetaker("find", "GET", "/{notetaker_id}"),
    _notetaker("update", "PATCH", "/{notetaker_id}"),
    _notetaker("leave", "POST", "/{notetaker_id}/leave"),
    _notetaker("get_media", "GET", "/{notetaker_id}/media"),
    _notetaker("cancel", "DELETE", "/{notetaker_id}/cancel"),
    *_crud_methods("policies", V615, "/v3/policies", "{policy_id}"),
    *_crud_methods("rules", V615, "/v3/rules", "{rule_id}"),
    *_methods(
        "rules", V615, ("list_evaluations", "GET /v3/grants/{grant_id}/rule-evaluations")
    ),
    *_crud_methods("scheduler.configurations", V605, _CONFIG, "{config_id}"),
    *_methods(
        "scheduler.bookings",
        V605,
        ("find", f"GET {_BOOKING}/{{booking_id}}"),
        ("create", f"POST {_BOOKING}"),
        ("confirm", f"PUT {_BOOKING}/{{booking_id}}"),
        ("reschedule", f"PATCH {_BOOKING}/{{booking_id}}"),
        ("destroy", f"DELETE {_BOOKING}/{{booking_id}}"),
    ),
    *_methods(
        "scheduler.sessions",
        V605,
        ("create", "POST /v3/scheduling/sessions"),
        ("destroy", "DELETE /v3/scheduling/sessions/{session_id}"),
    ),
    *_methods(
        "threads",
        V600,
        ("list", f"GET {G}/threads"),
        ("find", f"GET {_THREAD}"),
        ("update", f"PUT {_THREAD}"),
        ("destroy", f"DELETE {_THREAD}"),
    ),
    *_methods(
        "transactional_send", V615, ("send", "POST /v3/domains/{domain_name}/messages/send")
    ),
    *_crud_methods("webhooks", V600, "/v3/webhooks", "{webhook_id}"),
    *_methods(
        "webhooks",
        V600,
        ("rotate_secret", "PUT /v3/webhooks/{webhook_id}/rotate-secret"),
        ("ip_addresses", "GET /v3/webhooks/ip-addresses"),
    ),
    *_crud_methods("workspaces", V616, "/v3/workspaces", "{workspace_id}", "PATCH"),
    *_methods(
        "workspaces",
        V616,
        ("auto_group", "POST /v3/workspaces/auto-group"),
        ("manual_assign", "POST /v3/workspaces/{workspace_id}/manual-assign"),
    ),
]

SDK_METHODS: Mapping[tuple[str, str], SdkMethod] = {
    (row.resource, row.method): row for row in _SDK_ROWS
}


def _raw_routes() -> tuple[RawRoute, ...]:
    """Every endpoint as a raw-HTTP route, literal segments before ``{...}`` ones.

    A ``{...}`` segment matches any one path segment and the first matching route
    wins, so ``GET .../messages/schedules`` comes before ``GET .../messages/{message_id}``.
    A query string (``?type=mime`` of a raw MIME send) is not part of the match.
    """
    routes = [RawRoute(endpoint.http_method, endpoint.path, key)
              for key, endpoint in ENDPOINTS.items()]
    return ordered_routes(routes)


RAW_ROUTES: tuple[RawRoute, ...] = _raw_routes()


# --- Notification triggers -------------------------------------------------------------
#
# Nylas sends a webhook or Pub/Sub notification for a grant only when the grant has
# the scopes of its trigger (V3-NOTIF), so an app that receives ``message.created``
# needs a mail read scope even where none of its calls reads mail.  Subscriptions are
# often made in the Dashboard, out of the code; the trigger's name in the code (the
# handler that dispatches on it, or ``webhooks.create(trigger_types=[...])``) is what
# the analysis sees.  Such a use keeps its scopes from being called unused or broader
# than needed; it never makes one missing (certainty "inferred": a name is not a
# subscription).  Alternatives the page lists are documented; broader scopes it does
# not name, and triggers it has no row for, are inferred from the resource's reads.
# Keys are ``"NOTIFY <trigger>"``; the triggers are those of nylas-python 6.18
# (``nylas/models/webhooks.py``, ``WebhookTriggers``) and the page.

_NOTIF = ("V3-NOTIF",)
_G_CALENDAR_NOTICE: tuple[_Alt, ...] = (
    (_DOC, ("calendar.events.readonly",)),
    (_DOC, ("calendar.events",)),
    (_INF, ("calendar.readonly",)),
    (_INF, ("calendar",)),
)
_G_EVENT_NOTICE: tuple[_Alt, ...] = (
    (_DOC, ("calendar.events.readonly",)),
    (_DOC, ("calendar.readonly",)),
    (_DOC, ("calendar.events",)),
    (_INF, ("calendar",)),
)
_M_CALENDAR_NOTICE: tuple[_Alt, ...] = (
    (_DOC, ("Calendars.Read",)),
    (_DOC, ("Calendars.Read.Shared",)),
    (_DOC, ("Calendars.ReadWrite",)),
    (_DOC, ("Calendars.ReadWrite.Shared",)),
)
_G_MAIL_NOTICE: tuple[_Alt, ...] = (
    (_DOC, ("gmail.readonly",)), (_DOC, ("gmail.modify",)), (_INF, ("mail.google.com",)),
)
_M_MAIL_NOTICE: tuple[_Alt, ...] = (
    (_DOC, ("Mail.Read",)),
    (_DOC, ("Mail.ReadWrite",)),
    (_DOC, ("Mail.ReadWrite.Shared",)),
    (_DOC, ("Mail.Read.Shared",)),
)


def _notified(google: tuple[_Alt, ...], microsoft: tuple[_Alt, ...]) -> Requirement:
    return _needs((), _INF, _NOTIF, google, microsoft,
                  note="a notification trigger named in the code")


def _inferred(alternatives: tuple[_Alt, ...]) -> tuple[_Alt, ...]:
    return tuple((_INF, scopes) for _, scopes in alternatives)


_CALENDAR_NOTIFIED = _notified(_G_CALENDAR_NOTICE, _M_CALENDAR_NOTICE)
_EVENT_NOTIFIED = _notified(_G_EVENT_NOTICE, _M_CALENDAR_NOTICE)
_MAIL_NOTIFIED = _notified(_G_MAIL_NOTICE, _M_MAIL_NOTICE)
_SEND_NOTIFIED = _notified(
    ((_DOC, ("gmail.send",)), (_INF, ("gmail.compose",)), (_INF, ("gmail.modify",))),
    ((_DOC, ("Mail.ReadWrite", "Mail.Send")), (_INF, ("Mail.ReadWrite.Shared", "Mail.Send"))),
)
_BOUNCE_NOTIFIED = _notified(
    ((_DOC, ("gmail.readonly", "gmail.send")), (_DOC, ("gmail.modify",))),
    ((_DOC, ("Mail.Read", "Mail.Send")), (_INF, ("Mail.ReadWrite", "Mail.Send"))),
)
# Notifications without bodies: Google's metadata scope, or any mail read scope.
_METADATA_NOTIFIED = _notified(
    ((_DOC, ("gmail.metadata",)), *_inferred(_G_MAIL_NOTICE)), _inferred(_M_MAIL_NOTICE)
)
_FOLDER_NOTIFIED = _notified(
    ((_INF, ("gmail.labels",)), *_inferred(_G_MAIL_NOTICE)), _inferred(_M_MAIL_NOTICE)
)
_CONTACT_NOTIFIED = _notified(
    _inferred(_G_ADDRESS_BOOK + ((_DOC, ("contacts.other.readonly",)),
                                 (_DOC, ("directory.readonly",)))),
    _inferred(_M_ADDRESS_BOOK + ((_DOC, ("People.Read",)),)),
)
# A booking writes the organiser's calendar (V3-32).
_BOOKING_NOTIFIED = _notified(_inferred(_G_BOOKABLE), _inferred(_M_CAL_WRITE))
# Tracking (opens, clicks, replies to a tracked message) and message intelligence
# (orders, parcels, returns read from the inbox) are triggers of nylas-python 6.18
# (PY6) that V3-NOTIF has no row for.  Noticing a reply or a receipt means reading
# the mail that arrives, which may take a mail read scope: unknown alternatives, which
# keep the mail scopes from being called unused or broader than needed and never make
# one missing.
_TRACKING_NOTIFIED = _needs(
    (),
    _UNK,
    ("PY6", "V3-NOTIF"),
    tuple((_UNK, scopes) for _, scopes in _G_MAIL_NOTICE + _G_SEND),
    tuple((_UNK, scopes) for _, scopes in _M_MAIL_NOTICE + ((_UNK, ("Mail.Send",)),)),
    note="a tracking or intelligence notification: its scopes are not documented",
)

_TRIGGERS: tuple[tuple[Requirement, tuple[str, ...]], ...] = (
    (_CALENDAR_NOTIFIED, ("calendar.created", "calendar.updated", "calendar.deleted")),
    (_EVENT_NOTIFIED, ("event.created", "event.updated", "event.deleted")),
    (_MAIL_NOTIFIED, ("message.created", "message.updated", "message.deleted",
                      "message.created.truncated", "message.updated.truncated",
                      "message.created.cleaned")),
    (_METADATA_NOTIFIED, ("message.created.metadata", "message.updated.metadata")),
    (_SEND_NOTIFIED, ("message.send_success", "message.send_failed")),
    (_BOUNCE_NOTIFIED, ("message.bounce_detected",)),
    (_FOLDER_NOTIFIED, ("folder.created", "folder.updated", "folder.deleted")),
    (_CONTACT_NOTIFIED, ("contact.updated", "contact.deleted")),
    (_BOOKING_NOTIFIED, ("booking.created", "booking.pending", "booking.rescheduled",
                         "booking.cancelled", "booking.reminder")),
    (_TRACKING_NOTIFIED, ("message.opened", "message.link_clicked", "thread.replied",
                          "message.opened.legacy", "message.link_clicked.legacy",
                          "thread.replied.legacy", "message.intelligence.order",
                          "message.intelligence.tracking", "message.intelligence.return")),
)

# The trigger of each pseudo-endpoint key ``"NOTIFY <trigger>"``.
NOTIFICATIONS: Mapping[str, Endpoint] = _endpoints(*(
    (f"{NOTIFY} {trigger}", requirement)
    for requirement, triggers in _TRIGGERS for trigger in triggers
))
# The trigger names, and the members of the SDK's enum that spell them.  A webhook's
# request body lists its triggers under ``trigger_types`` (``webhooks.create`` and
# ``webhooks.update``, nylas/models/webhooks.py, 6.18).
TRIGGER_KEY = "trigger_types"
TRIGGER_ENUM = "WebhookTriggers"
TRIGGER_NAMES: frozenset[str] = frozenset(
    trigger for _, triggers in _TRIGGERS for trigger in triggers)
TRIGGER_MEMBERS: Mapping[str, str] = {
    trigger.upper().replace(".", "_"): trigger for trigger in TRIGGER_NAMES
}


def notification_key(trigger: str) -> str:
    """The pseudo-endpoint key of a notification trigger."""
    return f"{NOTIFY} {trigger}"


# --- Arguments named in the code ------------------------------------------------------
#
# V3-REPLY: a send with ``reply_to_message_id`` makes Nylas read the original message
# to thread the reply.  Which scope that read takes is not documented, and the
# analysis does not read a call's arguments: where the code names the argument, the
# mail read scopes are unknown alternatives of a use, which keeps them from being
# called unused or broader than needed and never makes one missing.
_REPLY = _needs(
    (),
    _UNK,
    ("V3-REPLY",),
    ((_UNK, ("gmail.readonly",)), (_UNK, ("gmail.modify",)), (_UNK, ("gmail.compose",)),
     (_UNK, ("mail.google.com",))),
    tuple((_UNK, scopes) for _, scopes in _M_MAIL_NOTICE),
    note="a reply: Nylas reads the message it replies to",
)
NAMED_ARGUMENTS: Mapping[str, Endpoint] = _endpoints(
    (f"{ARGUMENT} reply_to_message_id", _REPLY),
)


def argument_key(name: str) -> str:
    """The pseudo-endpoint key of a request argument named in the code."""
    return f"{ARGUMENT} {name}"


ARGUMENT_NAMES: frozenset[str] = frozenset(
    key.split(" ", 1)[1] for key in NAMED_ARGUMENTS)
