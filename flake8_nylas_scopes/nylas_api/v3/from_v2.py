"""Nylas v2 scope names and the v3 provider scopes that give an app the same access.

A v3 request that still lists v2 names (``email.read_only``) asks the provider for
scopes it does not know (NYS401).  These tables say which provider scopes the
unsafe fix writes instead: for each v2 name, the scopes that let the app make the
same Nylas calls it could make with that name.  Where the access cannot be carried
over (the legacy ``email`` scope is also the OpenID ``email`` scope), there is no
entry and no fix.

Source keys (the catalogue modules ``google`` and ``microsoft`` expand the v3 ones):

* ``V2-GMAP``: the v2 "Create a Google app" scope table, Nylas scope -> Google scope
  (``email.read_only`` -> ``gmail.readonly`` and so on), also in nylas-java v1.22.0
  ``GoogleProviderSettings.java`` (``JAVA1`` in the endpoint-scope reference).
* ``V2-AS``: the v2 scopes page: Microsoft has no metadata-only scope, and Nylas
  requests read access instead of ``email.metadata``.
* ``V3-OAS``: the ``x-scopes`` of the Nylas v3 OpenAPI document, per endpoint (the rows
  ``V3-n`` of the endpoint-scope reference): what v3 needs for the calls a v2 scope
  allowed.  For Microsoft no v2 table exists (v2 used all-mailbox EWS/EAS
  permissions), so every Microsoft entry comes from these rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..types import Certainty
from . import google, microsoft
from .types import GOOGLE, MICROSOFT

_DOC = Certainty.DOCUMENTED
_INF = Certainty.INFERRED


@dataclass(frozen=True)
class V2Replacement:
    """The provider scopes (canonical names) standing in for one v2 scope."""

    v2_scope: str
    scopes: tuple[str, ...]
    certainty: Certainty
    source: str
    note: str = ""


_g = google.uri


def _table(*rows: V2Replacement) -> Mapping[str, V2Replacement]:
    return {row.v2_scope: row for row in rows}


GOOGLE_FROM_V2: Mapping[str, V2Replacement] = _table(
    V2Replacement("email.read_only", (_g("gmail.readonly"),), _DOC, "V2-GMAP"),
    V2Replacement("email.modify", (_g("gmail.modify"),), _DOC, "V2-GMAP"),
    # V2-GMAP allows any of gmail.send, gmail.compose, gmail.modify; gmail.send is the
    # one Nylas marks most restrictive for sending (V3-4).
    V2Replacement("email.send", (_g("gmail.send"),), _DOC, "V2-GMAP, V3-OAS"),
    V2Replacement("email.drafts", (_g("gmail.compose"),), _DOC, "V2-GMAP, V3-OAS"),
    V2Replacement("email.folders_and_labels", (_g("gmail.labels"),), _DOC, "V2-GMAP"),
    V2Replacement("email.metadata", (_g("gmail.metadata"),), _DOC, "V2-GMAP"),
    V2Replacement("calendar", (_g("calendar"),), _DOC, "V2-GMAP"),
    V2Replacement("calendar.read_only", (_g("calendar.readonly"),), _DOC, "V2-GMAP"),
    V2Replacement("contacts", (_g("contacts"),), _DOC, "V2-GMAP"),
    V2Replacement("contacts.read_only", (_g("contacts.readonly"),), _DOC, "V2-GMAP"),
    V2Replacement(
        "room_resources.read_only",
        (_g("admin.directory.resource.calendar.readonly"),), _DOC, "V2-GMAP",
    ),
    # v2 free/busy was an EWS scope; v3 free/busy lists calendar.readonly (V3-20).
    V2Replacement(
        "calendar.free_busy", (_g("calendar.readonly"),), _INF, "V3-OAS",
        note="no Google counterpart in v2; v3 free/busy takes calendar.readonly",
    ),
)

MICROSOFT_FROM_V2: Mapping[str, V2Replacement] = _table(
    V2Replacement("email.read_only", ("Mail.Read",), _DOC, "V3-OAS"),
    V2Replacement("email.modify", ("Mail.ReadWrite",), _DOC, "V3-OAS"),
    # Sending through Nylas v3 needs Mail.ReadWrite and Mail.Send together (V3-4, the
    # all-of rule the reference adopts where Nylas pages disagree).
    V2Replacement("email.send", ("Mail.ReadWrite", "Mail.Send"), _DOC, "V3-OAS"),
    # Draft writes list Mail.ReadWrite (V3-12).
    V2Replacement("email.drafts", ("Mail.ReadWrite",), _DOC, "V3-OAS"),
    # Folder writes list Mail.ReadWrite (V3-15).
    V2Replacement("email.folders_and_labels", ("Mail.ReadWrite",), _DOC, "V3-OAS"),
    V2Replacement(
        "email.metadata", ("Mail.Read",), _DOC, "V2-AS",
        note="Microsoft has no metadata-only scope; Nylas v2 asked for read access",
    ),
    V2Replacement("calendar", ("Calendars.ReadWrite",), _DOC, "V3-OAS"),
    V2Replacement("calendar.read_only", ("Calendars.Read",), _DOC, "V3-OAS"),
    V2Replacement("contacts", ("Contacts.ReadWrite",), _DOC, "V3-OAS"),
    V2Replacement("contacts.read_only", ("Contacts.Read",), _DOC, "V3-OAS"),
    V2Replacement("room_resources.read_only", ("Place.Read.All",), _DOC, "V3-OAS"),
    V2Replacement("calendar.free_busy", ("Calendars.Read",), _DOC, "V3-OAS"),
)

FROM_V2: Mapping[str, Mapping[str, V2Replacement]] = {
    GOOGLE: GOOGLE_FROM_V2,
    MICROSOFT: MICROSOFT_FROM_V2,
}

# v2 names that are also identity scopes of every v3 provider catalogue: in a v3
# request they are read as the identity scope, never as a v2 name.
IDENTITY_HOMONYMS: frozenset[str] = frozenset(
    {"email"} & google.IDENTITY_SCOPES & microsoft.IDENTITY_SCOPES
)
