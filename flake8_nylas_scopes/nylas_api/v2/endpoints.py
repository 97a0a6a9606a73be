"""The Nylas API v2 endpoint map: SDK call -> HTTP endpoint -> scopes that grant it.

Sources:

* Scopes: the endpoint rows V2-1 to V2-29 of ``docs/sources.md``, each naming its
  sources, with the general v2 facts of the scope pages (V2-AS, V2-OLD).  Each
  :class:`Endpoint` names the rows it comes from in ``row``.
* SDK calls: nylas-python 5.14.1 (tag ``v5.14.1``, commit f2734370) and 4.12.x, the last
  4.x line.  The tag ``v4.12.2`` (commit ccd7db70) was never uploaded to PyPI; the map is
  checked against 4.12.1 from PyPI, whose ``nylas/client`` package has the same
  attributes, methods and endpoints as the tag (4.12.2 only added the
  ``Nylas-API-Version`` header, the ``metadata_pair`` filter conversion, ``tracking``
  when sending a saved draft, and ``Event.metadata``).  ``tests/test_endpoints_v2.py``
  reads both SDK sources and checks this map against them.

How to read the data:

* ``ENDPOINTS`` keys are ``"METHOD /path"`` with ``{id}`` for an object id and
  ``{client_id}`` for the application id.  Two requests share a method and path but need
  different scopes; their keys carry a suffix: ``"GET /messages/{id} (raw)"`` (``Accept:
  message/rfc822``) and ``"PUT /neural/sentiment (text)"`` (a text body, no mailbox).
* ``options`` lists every alternative the reference names, each with its own certainty,
  including the ``unknown`` ones.  Listing an unknown alternative keeps the usage rules
  quiet both ways: an app holding only that scope is not told it misses one, and the
  scope is not reported as unused.  An option with several scopes is all-of.
* ``requirement`` is the row's certainty column (the 403 example of V2-1 and V2-5
  makes those two documented), lowered to ``unknown`` where section 6 says the
  endpoint's scope check is unknown (``/events/to-ics``, ``/send-rsvp``,
  ``/calendars/availability*``, ``/delta*``, ``/v2/outbox*``).  For an endpoint with
  ``user_scoped=False`` it is the certainty that no end-user scope is involved.
* ``Model.methods["save"]`` names the create endpoint where the API has one; the create
  and update endpoints of a row carry the same scopes.  Where the API can only update
  (messages, threads, accounts), it names the update endpoint.
* A collection operation ``"__get__"`` means that reading the attribute itself sends a
  request (``client.account``).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..types import (
    Certainty,
    Collection,
    Endpoint,
    Member,
    Model,
    RawRoute,
    ScopeOption,
    ordered_routes,
)

_DOC = Certainty.DOCUMENTED
_DESC = Certainty.DOCUMENTED_DESC
_INF = Certainty.INFERRED
_UNK = Certainty.UNKNOWN

API_SERVER = "https://api.nylas.com"
SCHEDULER_SERVER = "https://api.schedule.nylas.com"
# Authentication.app_name and .region pick the host; "beta" and "us" are the defaults.
INTEGRATIONS_SERVER = "https://beta.us.nylas.com"


def _opt(certainty: Certainty, *scopes: str) -> ScopeOption:
    return ScopeOption(frozenset(scopes), certainty)


def _user(
    key: str, row: str, requirement: Certainty, options: tuple[ScopeOption, ...], note: str = ""
) -> Endpoint:
    return Endpoint(key, options, True, requirement, row, note)


def _app(key: str, row: str, requirement: Certainty = _DOC, note: str = "") -> Endpoint:
    return Endpoint(key, (), False, requirement, row, note)


# Option sets shared by several rows.

# V2-1, V2-5: reading messages and threads.  email.metadata (V2-2): headers only, and
# whether the call is refused or answered without bodies is not stated.
_MAIL_READ = (
    _opt(_DESC, "email.read_only"),
    _opt(_DESC, "email.modify"),
    _opt(_DESC, "email"),
    _opt(_UNK, "email.metadata"),
)
# V2-3, V2-4: message bodies (raw MIME, search); email.metadata cannot do either.
_MAIL_BODY_INFERRED = (
    _opt(_INF, "email.read_only"),
    _opt(_INF, "email.modify"),
    _opt(_INF, "email"),
)
# V2-6: changing flags, folder or labels of a message or thread.
_MAIL_MODIFY = (
    _opt(_DESC, "email.modify"),
    _opt(_DESC, "email"),
    _opt(_UNK, "email.folders_and_labels"),
)
# V2-7: reading drafts.
_DRAFTS_READ = (
    _opt(_DESC, "email.drafts"),
    _opt(_DESC, "email.read_only"),
    _opt(_INF, "email.modify"),
    _opt(_INF, "email"),
)
# V2-8: writing drafts.  Whether email.modify covers drafts is open (section 6).
_DRAFTS_WRITE = (
    _opt(_DESC, "email.drafts"),
    _opt(_INF, "email"),
    _opt(_UNK, "email.modify"),
)
# V2-9: email.modify and email.drafts are documented as not including send.
_SEND = (_opt(_DESC, "email.send"), _opt(_DESC, "email"))
# V2-11: reading folders and labels.
_FOLDERS_READ = (
    _opt(_DESC, "email.folders_and_labels"),
    _opt(_DESC, "email.metadata"),
    _opt(_DESC, "email.modify"),
    _opt(_INF, "email"),
    _opt(_UNK, "email.read_only"),
)
# V2-12: writing folders and labels; email.modify is documented by the later v2 wording
# and the worked subsumption example of V2-OLD.
_FOLDERS_WRITE = (
    _opt(_DESC, "email.folders_and_labels"),
    _opt(_DOC, "email.modify"),
    _opt(_INF, "email"),
)
# V2-13: reading attachments; email.metadata is documented as excluding them.
_FILES_READ = (
    _opt(_DESC, "email.read_only"),
    _opt(_DESC, "email.modify"),
    _opt(_DESC, "email"),
    _opt(_UNK, "email.drafts"),
)
# V2-14: uploading and deleting files.
_FILES_WRITE = (
    _opt(_INF, "email.modify"),
    _opt(_INF, "email"),
    _opt(_UNK, "email.drafts"),
    _opt(_UNK, "email.send"),
)
_CALENDAR_READ = (_opt(_DESC, "calendar.read_only"), _opt(_DESC, "calendar"))
_CALENDAR_WRITE = (_opt(_DESC, "calendar"),)
_CONTACTS_READ = (_opt(_DESC, "contacts.read_only"), _opt(_DESC, "contacts"))
_CONTACTS_READ_INFERRED = (_opt(_INF, "contacts.read_only"), _opt(_INF, "contacts"))
_CONTACTS_WRITE = (_opt(_DESC, "contacts"),)
# V2-28: neural endpoints read message bodies or files.
_NEURAL_READ = _MAIL_BODY_INFERRED
# V2-25: a delta carries objects of every type the token can read (the SDK's
# delta_models.Delta.class_mapping: contact, file, message, draft, thread, event, folder,
# label).  No scope is named for /delta, so each reading scope is an unknown alternative:
# an app that syncs through deltas is never told a reading scope is unused.
_DELTA = tuple(
    _opt(_UNK, scope)
    for scope in (
        "email.read_only",
        "email.modify",
        "email",
        "email.metadata",
        "email.drafts",
        "email.folders_and_labels",
        "calendar.read_only",
        "calendar",
        "contacts.read_only",
        "contacts",
    )
)
_OUTBOX = (_opt(_INF, "email.send"), _opt(_INF, "email"))


def _endpoints(*entries: Endpoint) -> Mapping[str, Endpoint]:
    table: dict[str, Endpoint] = {}
    for entry in entries:
        if entry.key in table:
            raise ValueError(f"duplicate endpoint {entry.key!r}")
        table[entry.key] = entry
    return table


ENDPOINTS: Mapping[str, Endpoint] = _endpoints(
    # Messages and threads.
    _user("GET /messages", "V2-1, V2-2", _DOC, _MAIL_READ),
    _user("GET /messages/{id}", "V2-1, V2-2", _DOC, _MAIL_READ),
    _user(
        "GET /messages/{id} (raw)",
        "V2-3",
        _INF,
        _MAIL_BODY_INFERRED,
        "Message.raw: the same path with Accept: message/rfc822",
    ),
    _user("GET /messages/search", "V2-4", _INF, _MAIL_BODY_INFERRED),
    _user("PUT /messages/{id}", "V2-6", _DESC, _MAIL_MODIFY),
    _user("GET /threads", "V2-5", _DOC, _MAIL_READ),
    _user("GET /threads/{id}", "V2-5", _DOC, _MAIL_READ),
    _user("GET /threads/search", "V2-4", _INF, _MAIL_BODY_INFERRED),
    _user("PUT /threads/{id}", "V2-6", _DESC, _MAIL_MODIFY),
    # Drafts and sending.
    _user("GET /drafts", "V2-7", _DESC, _DRAFTS_READ),
    _user("GET /drafts/{id}", "V2-7", _DESC, _DRAFTS_READ),
    _user("POST /drafts", "V2-8", _DESC, _DRAFTS_WRITE),
    _user("PUT /drafts/{id}", "V2-8", _DESC, _DRAFTS_WRITE),
    _user("DELETE /drafts/{id}", "V2-8", _DESC, _DRAFTS_WRITE),
    _user(
        "POST /send",
        "V2-9, V2-10",
        _DESC,
        _SEND,
        "sending a saved draft ({draft_id, version}) may also need draft access; unknown",
    ),
    # Folders and labels.
    _user("GET /folders", "V2-11", _DESC, _FOLDERS_READ),
    _user("GET /folders/{id}", "V2-11", _DESC, _FOLDERS_READ),
    _user("POST /folders", "V2-12", _DESC, _FOLDERS_WRITE),
    _user("PUT /folders/{id}", "V2-12", _DESC, _FOLDERS_WRITE),
    _user("DELETE /folders/{id}", "V2-12", _DESC, _FOLDERS_WRITE),
    _user("GET /labels", "V2-11", _DESC, _FOLDERS_READ),
    _user("GET /labels/{id}", "V2-11", _DESC, _FOLDERS_READ),
    _user("POST /labels", "V2-12", _DESC, _FOLDERS_WRITE),
    _user("PUT /labels/{id}", "V2-12", _DESC, _FOLDERS_WRITE),
    _user("DELETE /labels/{id}", "V2-12", _DESC, _FOLDERS_WRITE),
    # Files.
    _user("GET /files", "V2-13", _DESC, _FILES_READ),
    _user("GET /files/{id}", "V2-13", _DESC, _FILES_READ),
    _user("GET /files/{id}/download", "V2-13", _DESC, _FILES_READ),
    _user("POST /files", "V2-14", _INF, _FILES_WRITE),
    _user("DELETE /files/{id}", "V2-14", _INF, _FILES_WRITE),
    # Calendars and events.
    _user("GET /calendars", "V2-15", _DESC, _CALENDAR_READ),
    _user("GET /calendars/{id}", "V2-15", _DESC, _CALENDAR_READ),
    _user("POST /calendars", "V2-16", _DESC, _CALENDAR_WRITE),
    _user("PUT /calendars/{id}", "V2-16", _DESC, _CALENDAR_WRITE),
    _user("DELETE /calendars/{id}", "V2-16", _DESC, _CALENDAR_WRITE),
    _user("GET /events", "V2-15", _DESC, _CALENDAR_READ),
    _user("GET /events/{id}", "V2-15", _DESC, _CALENDAR_READ),
    _user("POST /events", "V2-16", _DESC, _CALENDAR_WRITE),
    _user("PUT /events/{id}", "V2-16", _DESC, _CALENDAR_WRITE),
    _user("DELETE /events/{id}", "V2-16", _DESC, _CALENDAR_WRITE),
    _user(
        "POST /events/to-ics",
        "V2-17",
        _UNK,
        (_opt(_INF, "calendar.read_only"), _opt(_INF, "calendar")),
    ),
    _user(
        "POST /send-rsvp",
        "V2-18",
        _UNK,
        (_opt(_UNK, "calendar", "email.send"),),
        # Event.rsvp posts through api.session (restful_models.py:755 in 5.14.1).  In 5.x
        # that session's headers carry no Authorization: the access_token setter no
        # longer sets it (client.py:148-150) and APIClient._request adds the token per
        # request (client.py:828-839).  So 5.14.1 sends RSVPs without a token; 4.12.1
        # still set the header in the setter.
        "only events imported from an emailed invite (message_id set); 5.x sends no token",
    ),
    _user(
        "POST /calendars/free-busy",
        "V2-19",
        _INF,
        (
            _opt(_INF, "calendar.read_only"),
            _opt(_INF, "calendar"),
            # EWS accounts need calendar.free_busy as well (V2-CAL, documented); the
            # read scope beside it is still inferred.
            _opt(_INF, "calendar.read_only", "calendar.free_busy"),
            _opt(_INF, "calendar", "calendar.free_busy"),
        ),
        "EWS accounts also need calendar.free_busy",
    ),
    _user(
        "POST /calendars/availability",
        "V2-20",
        _UNK,
        (
            _opt(_INF, "calendar.read_only"),
            _opt(_INF, "calendar"),
            _opt(_UNK, "calendar.read_only", "calendar.free_busy"),
            _opt(_UNK, "calendar", "calendar.free_busy"),
        ),
    ),
    _user(
        "POST /calendars/availability/consecutive",
        "V2-20",
        _UNK,
        (
            _opt(_INF, "calendar.read_only"),
            _opt(_INF, "calendar"),
            _opt(_UNK, "calendar.read_only", "calendar.free_busy"),
            _opt(_UNK, "calendar", "calendar.free_busy"),
        ),
    ),
    # Room resources.
    _user("GET /resources", "V2-21", _DESC, (_opt(_DESC, "room_resources.read_only"),)),
    _user(
        "GET /resources/{id}",
        "V2-21",
        _DESC,
        (_opt(_DESC, "room_resources.read_only"),),
        "not documented by Nylas; the SDK's generic room_resources.get(id) builds it",
    ),
    # Contacts.
    _user("GET /contacts", "V2-22", _DESC, _CONTACTS_READ),
    _user("GET /contacts/{id}", "V2-22", _DESC, _CONTACTS_READ),
    _user("GET /contacts/{id}/picture", "V2-22", _INF, _CONTACTS_READ_INFERRED),
    _user(
        "GET /contacts/groups",
        "V2-22",
        _INF,
        _CONTACTS_READ_INFERRED,
        "no nylas-python call; nylas-ruby api.contact_groups and raw HTTP",
    ),
    _user("POST /contacts", "V2-23", _DESC, _CONTACTS_WRITE),
    _user("PUT /contacts/{id}", "V2-23", _DESC, _CONTACTS_WRITE),
    _user("DELETE /contacts/{id}", "V2-23", _DESC, _CONTACTS_WRITE),
    # Any valid token.
    _app("GET /account", "V2-24", _INF, "any valid token"),
    _app("GET /job-statuses", "V2-26", _INF, "any valid token"),
    _app("GET /job-statuses/{id}", "V2-26", _INF, "any valid token"),
    # Deltas.
    _user("GET /delta", "V2-25", _UNK, _DELTA),
    _user("POST /delta/latest_cursor", "V2-25", _UNK, _DELTA),
    _user("GET /delta/streaming", "V2-25", _UNK, _DELTA),
    _user("GET /delta/longpoll", "V2-25", _UNK, _DELTA),
    # Outbox.
    _user("POST /v2/outbox", "V2-27", _UNK, _OUTBOX),
    _user("PATCH /v2/outbox/{id}", "V2-27", _UNK, _OUTBOX),
    _user("DELETE /v2/outbox/{id}", "V2-27", _UNK, _OUTBOX),
    # The SendGrid onboarding calls are not named in the table; they belong to the
    # outbox family and go out with the account token.
    _user(
        "GET /v2/outbox/onboard/verified_status",
        "V2-27",
        _UNK,
        tuple(_opt(_UNK, scope) for scope in ("email.send", "email")),
    ),
    _user(
        "DELETE /v2/outbox/onboard/subuser",
        "V2-27",
        _UNK,
        tuple(_opt(_UNK, scope) for scope in ("email.send", "email")),
    ),
    # Neural.
    _user("PUT /neural/sentiment", "V2-28", _INF, _NEURAL_READ, "message_id body"),
    _app("PUT /neural/sentiment (text)", "V2-28", _INF, "text body; no mailbox scope"),
    _user("PUT /neural/signature", "V2-28", _INF, _NEURAL_READ),
    _user("PUT /neural/categorize", "V2-28", _INF, _NEURAL_READ),
    _user(
        "POST /neural/categorize/feedback",
        "V2-28",
        _INF,
        _NEURAL_READ,
        "NeuralCategorizer.recategorize, followed by PUT /neural/categorize",
    ),
    _user("PUT /neural/conversation", "V2-28", _INF, _NEURAL_READ),
    _user("PUT /neural/ocr", "V2-28", _INF, _NEURAL_READ, "file_id body"),
    # Application level (client secret): accounts, webhooks, application, tokens.
    # Unlike what the v2 docs say ("/a/... management requests use HTTP Basic"),
    # 5.14.1 sends the account's bearer token instead of Basic for collection
    # and model requests under /a and /component whenever an access token is set: the
    # models keep RestfulModel.auth_method = BEARER (restful_models.py:40) and
    # APIClient._request lays that header over the admin session's Basic one
    # (client.py:837-838).  The methods on APIClient itself use admin_session directly.
    _app("GET /a/{client_id}/accounts", "V2-29"),
    _app("GET /a/{client_id}/accounts/{id}", "V2-29"),
    _app("PUT /a/{client_id}/accounts/{id}", "V2-29", note="account metadata"),
    _app("DELETE /a/{client_id}/accounts/{id}", "V2-29"),
    _app("POST /a/{client_id}/accounts/{id}/upgrade", "V2-29"),
    _app("POST /a/{client_id}/accounts/{id}/downgrade", "V2-29"),
    _app("POST /a/{client_id}/accounts/{id}/revoke-all", "V2-29"),
    _app("POST /a/{client_id}/accounts/{id}/token-info", "V2-29"),
    _app("GET /a/{client_id}/ip_addresses", "V2-29"),
    _app("GET /a/{client_id}", "V2-29", note="application details"),
    _app("PUT /a/{client_id}", "V2-29", note="application details"),
    _app("GET /a/{client_id}/webhooks", "V2-29"),
    _app("GET /a/{client_id}/webhooks/{id}", "V2-29"),
    _app("POST /a/{client_id}/webhooks", "V2-29"),
    _app("PUT /a/{client_id}/webhooks/{id}", "V2-29", note="only state is sent"),
    _app("DELETE /a/{client_id}/webhooks/{id}", "V2-29"),
    _app("GET /component/{client_id}", "V2-29"),
    _app("GET /component/{client_id}/{id}", "V2-29"),
    _app("POST /component/{client_id}", "V2-29"),
    _app("PUT /component/{client_id}/{id}", "V2-29"),
    _app("DELETE /component/{client_id}/{id}", "V2-29"),
    # Auth endpoints.  /oauth/authorize is opened by the user's browser;
    # /connect/authorize and /connect/token have no nylas-python helper (raw HTTP only).
    _app("GET /oauth/authorize", "V2-29", note="hosted auth; the scopes parameter"),
    _app("POST /oauth/token", "V2-29"),
    _app("POST /oauth/revoke", "V2-29"),
    _app("POST /connect/authorize", "V2-29", note="native auth; the scopes body key"),
    _app("POST /connect/token", "V2-29"),
    # Scheduler (api.schedule.nylas.com).  V2-29 says "app secret or page tokens", but
    # Scheduler has no api_root, so the SDK sends the account's bearer token
    # (scheduler_restful_model_collection.py:12-16 only swaps the host).  No source
    # names a scope for these endpoints, so they stay app level as V2-29 has them.
    _app("GET /manage/pages", "V2-29"),
    _app("GET /manage/pages/{id}", "V2-29"),
    _app("POST /manage/pages", "V2-29"),
    _app("PUT /manage/pages/{id}", "V2-29"),
    _app("DELETE /manage/pages/{id}", "V2-29"),
    _app("GET /manage/pages/{id}/calendars", "V2-29"),
    _app("PUT /manage/pages/{id}/upload-image", "V2-29"),
    _app("GET /schedule/availability/google", "V2-29"),
    _app("GET /schedule/availability/o365", "V2-29"),
    _app("GET /schedule/{id}/info", "V2-29", note="{id} is the page slug"),
    _app("GET /schedule/{id}/timeslots", "V2-29", note="{id} is the page slug"),
    _app("POST /schedule/{id}/timeslots", "V2-29", note="{id} is the page slug"),
    _app("POST /schedule/{id}/{id}/cancel", "V2-29", note="page slug, then edit hash"),
    _app("POST /schedule/{id}/{id}/confirm", "V2-29", note="page slug, then edit hash"),
    # Integrations and grants beta (5.7+), client id and secret; provider scopes only.
    _app("POST /connect/auth", "V2-29", note="provider-native scopes, not v2 scopes"),
    _app("GET /connect/integrations", "V2-29"),
    _app("GET /connect/integrations/{id}", "V2-29", note="{id} is the provider"),
    _app("POST /connect/integrations", "V2-29"),
    _app("PATCH /connect/integrations/{id}", "V2-29", note="{id} is the provider"),
    _app("DELETE /connect/integrations/{id}", "V2-29", note="{id} is the provider"),
    _app("GET /connect/grants", "V2-29"),
    _app("GET /connect/grants/{id}", "V2-29"),
    _app("POST /connect/grants", "V2-29"),
    _app("PATCH /connect/grants/{id}", "V2-29"),
    _app("DELETE /connect/grants/{id}", "V2-29"),
    _app("POST /connect/grants/{id}/sync", "V2-29"),
)


def _host(path: str) -> str | None:
    segments = path.split("/")[1:]
    if segments[0] in ("manage", "schedule"):
        return SCHEDULER_SERVER
    if segments[0] == "connect" and segments[1] in ("auth", "integrations", "grants"):
        return INTEGRATIONS_SERVER
    return None


# Endpoints served by another host than API_SERVER; raw HTTP to API_SERVER never reaches
# them, so RAW_ROUTES leaves them out.
ENDPOINT_HOSTS: Mapping[str, str] = {
    key: host for key in ENDPOINTS if (host := _host(key.split(" ")[1])) is not None
}


# RestfulModelCollection operations.  Iteration, values(), all(), first(), slicing and
# indexing page through GET on the collection; where() sends nothing itself but returns
# a filtered copy whose iteration does, so it maps to the same GET.  count() (5.8+) is a
# GET on the collection too: in 5.14.1 it builds the view=count filters on a copy and
# then sends the original filters (restful_model_collection.py:73-77), so the server
# answers with a page of objects rather than a count.  create() is absent on purpose: it
# builds an unsaved model without HTTP; the request happens on the model's save() or
# send().
_LIST_OPERATIONS = ("__iter__", "values", "all", "first", "where", "count", "__getitem__")


def _ops(
    list_key: str,
    get_key: str,
    delete_key: str | None = None,
    search_key: str | None = None,
    **extra: str,
) -> Mapping[str, str]:
    operations = {operation: list_key for operation in _LIST_OPERATIONS}
    operations["get"] = get_key
    # delete(id) sends DELETE on every collection; it is mapped only where the API has
    # that endpoint (messages, threads, room resources and job statuses cannot be deleted).
    if delete_key is not None:
        operations["delete"] = delete_key
    # search() raises unless the collection holds Message or Thread.
    if search_key is not None:
        operations["search"] = search_key
    operations.update(extra)
    return operations


def _collections(*entries: Collection) -> Mapping[str, Collection]:
    return {entry.attribute: entry for entry in entries}


COLLECTIONS: Mapping[str, Collection] = _collections(
    # The property sends GET /account when read (client.account.id).
    Collection("account", "SingletonAccount", "/account", {"__get__": "GET /account"}),
    # accounts holds APIAccount under /accounts when client id and secret are both None
    # (the open-source sync engine, not the hosted v2 API); the hosted form is mapped.
    Collection(
        "accounts",
        "Account",
        "/a/{client_id}/accounts",
        _ops(
            "GET /a/{client_id}/accounts",
            "GET /a/{client_id}/accounts/{id}",
            "DELETE /a/{client_id}/accounts/{id}",
        ),
    ),
    Collection(
        "threads",
        "Thread",
        "/threads",
        _ops("GET /threads", "GET /threads/{id}", search_key="GET /threads/search"),
    ),
    Collection(
        "messages",
        "Message",
        "/messages",
        _ops("GET /messages", "GET /messages/{id}", search_key="GET /messages/search"),
    ),
    Collection(
        "drafts",
        "Draft",
        "/drafts",
        # drafts.delete(id) sends no version; the endpoint is the same as Draft.delete().
        _ops("GET /drafts", "GET /drafts/{id}", "DELETE /drafts/{id}"),
    ),
    Collection(
        "folders",
        "Folder",
        "/folders",
        _ops("GET /folders", "GET /folders/{id}", "DELETE /folders/{id}"),
    ),
    Collection(
        "labels",
        "Label",
        "/labels",
        _ops("GET /labels", "GET /labels/{id}", "DELETE /labels/{id}"),
    ),
    Collection(
        "files", "File", "/files", _ops("GET /files", "GET /files/{id}", "DELETE /files/{id}")
    ),
    Collection(
        "contacts",
        "Contact",
        "/contacts",
        _ops("GET /contacts", "GET /contacts/{id}", "DELETE /contacts/{id}"),
    ),
    Collection(
        "calendars",
        "Calendar",
        "/calendars",
        _ops("GET /calendars", "GET /calendars/{id}", "DELETE /calendars/{id}"),
    ),
    Collection(
        "events",
        "Event",
        "/events",
        _ops("GET /events", "GET /events/{id}", "DELETE /events/{id}"),
    ),
    Collection(
        "room_resources",
        "RoomResource",
        "/resources",
        _ops("GET /resources", "GET /resources/{id}"),
    ),
    Collection(
        "job_statuses",
        "JobStatus",
        "/job-statuses",
        _ops("GET /job-statuses", "GET /job-statuses/{id}"),
        versions="5",
    ),
    Collection(
        "deltas",
        "Deltas",
        "/delta",
        {
            "since": "GET /delta",
            "stream": "GET /delta/streaming",
            "longpoll": "GET /delta/longpoll",
            "latest_cursor": "POST /delta/latest_cursor",
        },
        versions="5",
        # since() and longpoll() return a Deltas, stream() a list of Delta
        # (delta_collection.py, PY5).
        results={
            "since": Member(("Deltas",)),
            "longpoll": Member(("Deltas",)),
            "stream": Member(("Delta",), many=True),
        },
    ),
    Collection(
        "outbox",
        "OutboxJobStatus",
        "/v2/outbox",
        {
            "send": "POST /v2/outbox",
            "update": "PATCH /v2/outbox/{id}",
            "delete": "DELETE /v2/outbox/{id}",
            "send_grid_verification_status": "GET /v2/outbox/onboard/verified_status",
            "delete_send_grid_sub_user": "DELETE /v2/outbox/onboard/subuser",
        },
        versions="5",
    ),
    # client.neural returns a Neural object, itself a RestfulModel subclass; its methods
    # are listed here and in MODELS["Neural"].
    Collection(
        "neural",
        "Neural",
        "/neural",
        {
            "sentiment_analysis_message": "PUT /neural/sentiment",
            "sentiment_analysis_text": "PUT /neural/sentiment (text)",
            "extract_signature": "PUT /neural/signature",
            "ocr_request": "PUT /neural/ocr",
            "categorize": "PUT /neural/categorize",
            "clean_conversation": "PUT /neural/conversation",
        },
        versions="5",
        # What each analysis returns (neural_api_models.py, PY5); the sentiment
        # results have no method that requests.
        results={
            "extract_signature": Member(("NeuralSignatureExtraction",), many=True),
            "categorize": Member(("NeuralCategorizer",), many=True),
            "clean_conversation": Member(("NeuralCleanConversation",), many=True),
            "ocr_request": Member(("NeuralOcr",)),
        },
    ),
    Collection(
        "webhooks",
        "Webhook",
        "/a/{client_id}/webhooks",
        _ops(
            "GET /a/{client_id}/webhooks",
            "GET /a/{client_id}/webhooks/{id}",
            "DELETE /a/{client_id}/webhooks/{id}",
        ),
        versions="5",
    ),
    Collection(
        "components",
        "Component",
        "/component/{client_id}",
        _ops(
            "GET /component/{client_id}",
            "GET /component/{client_id}/{id}",
            "DELETE /component/{client_id}/{id}",
        ),
        versions="5",
    ),
    # SchedulerRestfulModelCollection: the generic operations on /manage/pages of
    # api.schedule.nylas.com, plus the public booking calls under /schedule.
    Collection(
        "scheduler",
        "Scheduler",
        "/manage/pages",
        _ops(
            "GET /manage/pages",
            "GET /manage/pages/{id}",
            "DELETE /manage/pages/{id}",
            get_google_availability="GET /schedule/availability/google",
            get_office_365_availability="GET /schedule/availability/o365",
            get_page_slug="GET /schedule/{id}/info",
            get_available_time_slots="GET /schedule/{id}/timeslots",
            book_time_slot="POST /schedule/{id}/timeslots",
            cancel_booking="POST /schedule/{id}/{id}/cancel",
            confirm_booking="POST /schedule/{id}/{id}/confirm",
        ),
        versions="5",
    ),
    # client.authentication (5.7+ beta) posts a Grant-class request for hosted auth; its
    # integrations and grants properties are collections of their own (dotted keys).
    Collection(
        "authentication",
        "Grant",
        "/connect",
        {"hosted_authentication": "POST /connect/auth"},
        versions="5",
    ),
    Collection(
        "authentication.integrations",
        "Integration",
        "/connect/integrations",
        # get(provider) and delete(provider) take an Authentication.Provider.
        _ops(
            "GET /connect/integrations",
            "GET /connect/integrations/{id}",
            "DELETE /connect/integrations/{id}",
        ),
        versions="5",
    ),
    Collection(
        "authentication.grants",
        "Grant",
        "/connect/grants",
        _ops(
            "GET /connect/grants",
            "GET /connect/grants/{id}",
            "DELETE /connect/grants/{id}",
            on_demand_sync="POST /connect/grants/{id}/sync",
        ),
        versions="5",
    ),
)


# Methods shared by Message, Thread and Draft (defined on Message and Thread, inherited by
# Draft).  Every one sends PUT on the object's own collection: add_label(s) and
# remove_label(s) call update_labels, mark_as_seen calls mark_as_read.
_FLAG_METHODS = (
    "mark_as_read",
    "mark_as_unread",
    "mark_as_seen",
    "star",
    "unstar",
    "update_folder",
    "update_labels",
    "add_label",
    "add_labels",
    "remove_label",
    "remove_labels",
)


def _flags(put_key: str) -> dict[str, str]:
    return {method: put_key for method in _FLAG_METHODS}


def _models(*entries: Model) -> Mapping[str, Model]:
    return {entry.name: entry for entry in entries}


_ATTACHMENTS = {"attachments": "files"}
# Message properties that build their folder and labels from the message's own data
# (restful_models.py, PY5, Message.folder and Message.labels); inherited by Draft and
# the neural results that are messages.
_MESSAGE_MEMBERS = {"folder": Member(("Folder",)), "labels": Member(("Label",), many=True)}
# Thread.create_reply() builds a local Draft without a request (PY5).  A message's is
# read the same way: 5.x has none, and taking its result for a draft keeps the
# draft's requests in view rather than losing them.
_REPLY = {"create_reply": Member(("Draft",))}
# The classes Delta.attributes builds its object as (delta_models.py, PY5).
_DELTA_OBJECTS = ("Contact", "File", "Message", "Draft", "Thread", "Event", "Folder", "Label")

MODELS: Mapping[str, Model] = _models(
    Model(
        "Message",
        {
            # A Message without an id would POST /messages, which the API does not have.
            "save": "PUT /messages/{id}",
            "update": "PUT /messages/{id}",
            **_flags("PUT /messages/{id}"),
            "raw": "GET /messages/{id} (raw)",
        },
        _ATTACHMENTS,
        _MESSAGE_MEMBERS,
        _REPLY,
    ),
    Model(
        "Thread",
        {"save": "PUT /threads/{id}", "update": "PUT /threads/{id}", **_flags("PUT /threads/{id}")},
        # Thread.messages returns the embedded messages when the thread was fetched with
        # view=expanded (5.x), else a filtered collection.  create_reply() sends nothing.
        {"messages": "messages", "drafts": "drafts"},
        # Thread.folders and Thread.labels are built from the thread's own data.
        {"folders": Member(("Folder",), many=True), "labels": Member(("Label",), many=True)},
        _REPLY,
    ),
    Model(
        "Draft",
        {
            "save": "POST /drafts",
            "update": "PUT /drafts/{id}",
            # Only when the draft has an id and a version.
            "delete": "DELETE /drafts/{id}",
            # Inherited from Message; self.cls is Draft, so they PUT the draft.
            **_flags("PUT /drafts/{id}"),
            # Draft.__init__ sets cls to Thread (restful_models.py, 5.14.1 line 509-511;
            # 4.12.1 line 441-443); collection.create() and the API responses reset it to
            # Draft, but a Draft built directly would save to /threads.
            "send": "POST /send",
            "send_raw": "POST /send",
            # Uploads the file first when it has no id (File.save).
            "attach": "POST /files",
            # Inherited; Message.raw hard-codes the Message class, so this reads
            # /messages/{draft id}.
            "raw": "GET /messages/{id} (raw)",
        },
        _ATTACHMENTS,
        _MESSAGE_MEMBERS,
        _REPLY,
    ),
    Model(
        "Folder",
        {"save": "POST /folders", "update": "PUT /folders/{id}"},
        {"threads": "threads", "messages": "messages"},
    ),
    Model(
        "Label",
        {"save": "POST /labels", "update": "PUT /labels/{id}"},
        {"threads": "threads", "messages": "messages"},
    ),
    Model("File", {"save": "POST /files", "download": "GET /files/{id}/download"}),
    Model(
        "Contact",
        {
            "save": "POST /contacts",
            "update": "PUT /contacts/{id}",
            # Only when picture_url is set.
            "get_picture": "GET /contacts/{id}/picture",
        },
    ),
    Model(
        "Calendar",
        {"save": "POST /calendars", "update": "PUT /calendars/{id}"},
        {"events": "events"},
    ),
    Model(
        "Event",
        {
            # save(**kwargs) turns keywords such as notify_participants into query params.
            "save": "POST /events",
            "update": "PUT /events/{id}",
            "rsvp": "POST /send-rsvp",
            "generate_ics": "POST /events/to-ics",
        },
    ),
    Model("RoomResource", {}),
    Model("JobStatus", {}),
    Model("SingletonAccount", {}),
    Model(
        "Account",
        {
            # 5.x sends only metadata; there is no endpoint that creates an account.
            "save": "PUT /a/{client_id}/accounts/{id}",
            "update": "PUT /a/{client_id}/accounts/{id}",
            "upgrade": "POST /a/{client_id}/accounts/{id}/upgrade",
            "downgrade": "POST /a/{client_id}/accounts/{id}/downgrade",
        },
    ),
    Model(
        "Webhook",
        {"save": "POST /a/{client_id}/webhooks", "update": "PUT /a/{client_id}/webhooks/{id}"},
    ),
    Model(
        "Component",
        {"save": "POST /component/{client_id}", "update": "PUT /component/{client_id}/{id}"},
    ),
    Model(
        "Scheduler",
        {
            "save": "POST /manage/pages",
            "update": "PUT /manage/pages/{id}",
            "get_available_calendars": "GET /manage/pages/{id}/calendars",
            "upload_image": "PUT /manage/pages/{id}/upload-image",
        },
    ),
    Model("Deltas", {}, members={"deltas": Member(("Delta",), many=True)}),
    Model("Delta", {}, members={"attributes": Member(_DELTA_OBJECTS)}),
    Model("OutboxJobStatus", {}),
    Model("Neural", dict(COLLECTIONS["neural"].operations)),
    # Neural results.  The Message subclasses inherit raw (hard-coded to /messages) and
    # attachments; NeuralOcr inherits File.save and File.download, both hard-coded to
    # File.  Their other inherited writes address /categorize, /signature, /conversation
    # or /ocr on the API root, which do not exist.
    Model(
        "NeuralSignatureExtraction",
        {"raw": "GET /messages/{id} (raw)"},
        _ATTACHMENTS,
        # With parse_contacts, the signature's contact, ready to save as a Contact.
        {**_MESSAGE_MEMBERS, "contacts": Member(("NeuralSignatureContact",))},
    ),
    Model("NeuralSignatureContact", {}, results={"to_contact_object": Member(("Contact",))}),
    Model(
        "NeuralCategorizer",
        {"raw": "GET /messages/{id} (raw)", "recategorize": "POST /neural/categorize/feedback"},
        _ATTACHMENTS,
        _MESSAGE_MEMBERS,
        {"recategorize": Member(("NeuralCategorizer",))},
    ),
    Model(
        "NeuralCleanConversation",
        # extract_images fetches each inline image with client.files.get(id).
        {"raw": "GET /messages/{id} (raw)", "extract_images": "GET /files/{id}"},
        _ATTACHMENTS,
        _MESSAGE_MEMBERS,
        {"extract_images": Member(("File",), many=True)},
    ),
    Model("NeuralOcr", {"save": "POST /files", "download": "GET /files/{id}/download"}),
    Model(
        "Integration",
        {"save": "POST /connect/integrations", "update": "PATCH /connect/integrations/{id}"},
    ),
    Model("Grant", {"save": "POST /connect/grants", "update": "PATCH /connect/grants/{id}"}),
)

# NylasAPIObject.save (restful_models.py, PY5 5.14.1 lines 166-171) updates an object
# that has an id and creates one that has none; File.save (lines 569-589) always
# uploads.  ``methods["save"]`` names the create endpoint (the scopes are the row's
# either way), so a message names both requests where the model has both: an object
# read from the API is saved with ``PUT``, not ``POST``.  Model -> the update endpoint.
SAVE_UPDATES: Mapping[str, str] = {
    name: model.methods["update"] for name, model in MODELS.items()
    if "update" in model.methods and model.methods.get("save", model.methods["update"])
    != model.methods["update"]
}


# APIClient methods that send a request.  authentication_url is left out: it only builds
# the /oauth/authorize URL for the browser (no HTTP from the app); the scopes it carries
# are read as a scope site, and raw URLs to that endpoint match RAW_ROUTES.  open_hours
# builds a dict and is_opensource_api reads attributes.
CLIENT_METHODS: Mapping[str, str] = {
    # With a user token.
    "free_busy": "POST /calendars/free-busy",
    "availability": "POST /calendars/availability",
    "consecutive_availability": "POST /calendars/availability/consecutive",
    # Auth and application level.
    "token_for_code": "POST /oauth/token",
    "send_authorization": "POST /oauth/token",
    "revoke_token": "POST /oauth/revoke",
    # Both read client.account (GET /account) first for the account id; token_info skips
    # that in 5.14 when given account_id.
    "revoke_all_tokens": "POST /a/{client_id}/accounts/{id}/revoke-all",
    "token_info": "POST /a/{client_id}/accounts/{id}/token-info",
    "ip_addresses": "GET /a/{client_id}/ip_addresses",
    "application_details": "GET /a/{client_id}",
    "update_application_details": "PUT /a/{client_id}",
}


def _raw_routes() -> tuple[RawRoute, ...]:
    """One route per endpoint on API_SERVER, literal segments before ``{...}`` ones.

    A ``{...}`` segment matches any one path segment; the first matching route wins, so
    ``/messages/search`` comes before ``/messages/{id}``.  The ``(raw)`` and ``(text)``
    variants cannot be told apart by method and path; raw HTTP maps to the plain key.
    """
    routes: list[RawRoute] = []
    for key in ENDPOINTS:
        if key in ENDPOINT_HOSTS or key.endswith(")"):
            continue
        method, path = key.split(" ")
        routes.append(RawRoute(method, path, key))
    # Sort by path with placeholders last at every segment, then by method; stable and
    # deterministic.
    return ordered_routes(routes)


RAW_ROUTES: tuple[RawRoute, ...] = _raw_routes()
