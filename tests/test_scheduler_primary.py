"""Scheduler configurations whose participants use the "primary" calendar (API v3).

The Events API needs Google's full calendar scope for "primary"; a configuration that
books into it or reads availability there has Nylas do the same.  Where the
participants may use "primary", no rule offers calendar.readonly + calendar.events in
place of calendar, and ``infer`` and ``check`` agree on the minimal set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.analysis.facts import ArgumentDict, CallArguments
from flake8_nylas_scopes.judging.argument_cases import ArgumentCases
from flake8_nylas_scopes.nylas_api.v3.surface import SURFACE
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config
from flake8_nylas_scopes.spans import Span

G = "https://www.googleapis.com/auth/"
USAGE = frozenset({"NYS301", "NYS302", "NYS303", "NYS405"})
_CONFIG_KEY = "POST /v3/grants/{identifier}/scheduling/configurations"


def _app(tmp_path: Path, participants: str, scopes: str = f'["{G}calendar"]',
         provider: str = "google", extra: str = "") -> tuple[list[tuple[str, str]], list[str]]:
    """The usage findings on a small app making one configuration, and the minimal
    scopes ``infer`` gives for the provider."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(f'''from nylas import Client

nylas = Client("key")
{extra}

def login():
    return nylas.auth.url_for_oauth2({{"client_id": "x", "redirect_uri": "https://x/cb",
        "provider": "{provider}", "scope": {scopes}}})


def make_page(grant_id, email, calendars):
    return nylas.scheduler.configurations.create(grant_id, {{
        "participants": {participants},
        "availability": {{"duration_minutes": 30}}, "event_booking": {{"title": "Chat"}}}})
''')
    analysis = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    found = sorted((f.code, f.message) for f in analysis.findings if f.code in USAGE)
    [project] = analysis.states
    return found, project.provider_inferences[f"v3/{provider}"].scopes


def _participant(availability: str = '["primary"]', booking: str = '"primary"') -> str:
    return (f'[{{"email": email, "is_organizer": True, '
            f'"availability": {{"calendar_ids": {availability}}}, '
            f'"booking": {{"calendar_id": {booking}}}}}]')


@pytest.mark.parametrize("participants", [
    _participant(),
    _participant(availability='["work"]'),
    _participant(booking='"work"'),
    # Another participant reads availability from "primary".
    _participant('["work"]', '"work"')[:-1]
    + ', {"email": "b@x.com", "availability": {"calendar_ids": ["team", "primary"]}}]',
])
def test_a_participant_on_primary_keeps_the_calendar_scope(
        tmp_path: Path, participants: str) -> None:
    found, inferred = _app(tmp_path, participants)
    assert found == []
    assert inferred == [f"{G}calendar"]


@pytest.mark.parametrize("participants", [
    "calendars",  # a parameter: may be anything
    _participant(availability="calendars"),
    _participant(booking="calendars[0]"),
    _participant(availability='[*calendars]'),
    '[{"email": email, **calendars}]',
    "[first] + calendars",
])
def test_participants_that_cannot_be_read_keep_the_calendar_scope(
        tmp_path: Path, participants: str) -> None:
    found, inferred = _app(tmp_path, participants)
    assert found == []
    assert inferred == [f"{G}calendar"]


def test_a_participant_list_changed_before_the_call_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(f'''from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({{"client_id": "x", "redirect_uri": "https://x/cb",
        "provider": "google", "scope": ["{G}calendar"]}})


def make_page(grant_id, email, extra):
    people = [{{"email": email, "availability": {{"calendar_ids": ["work"]}},
               "booking": {{"calendar_id": "work"}}}}]
    people.append(extra)
    return nylas.scheduler.configurations.create(grant_id, {{
        "participants": people, "event_booking": {{"title": "Chat"}}}})
''')
    analysis = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in analysis.findings if f.code in USAGE] == []


def test_participants_read_off_primary_keep_the_narrower_verdict(tmp_path: Path) -> None:
    # Control: every calendar id is read and none is "primary": the two narrower
    # scopes serve, and ``infer`` names the same two scopes NYS302 offers.
    found, inferred = _app(tmp_path, _participant('["work", "team"]', '"work"'))
    assert found == [("NYS302", f"NYS302 '{G}calendar' is broader than the code needs; "
                                f"request '{G}calendar.events' + '{G}calendar.readonly' "
                                "instead")]
    assert inferred == [f"{G}calendar.events", f"{G}calendar.readonly"]


def test_the_narrower_pair_on_primary_is_neither_missing_nor_unused(tmp_path: Path) -> None:
    # That "primary" needs more is inferred: no NYS301 on its strength, and the pair
    # the app asks for is used.
    found, _ = _app(tmp_path, _participant(),
                    scopes=f'["{G}calendar.readonly", "{G}calendar.events"]')
    assert found == []


def test_microsoft_keeps_the_booking_verdict_on_primary(tmp_path: Path) -> None:
    # Control: "primary" changes nothing for Microsoft; a booking needs ReadWrite.
    found, inferred = _app(tmp_path, _participant(), scopes='["Calendars.ReadWrite"]',
                           provider="microsoft")
    assert found == []
    assert inferred == ["Calendars.ReadWrite"]


_SESSION = '''
def open_page(config_id):
    return nylas.scheduler.sessions.create(request_body={"configuration_id": config_id})
'''


@pytest.mark.parametrize(("extra", "codes"), [
    # A session names its configuration by id: its participants are not in the call.
    (_SESSION, []),
    # Control: the configuration written here has no participant on "primary".
    ("", ["NYS302"]),
])
def test_a_session_keeps_the_calendar_scope(tmp_path: Path, extra: str, codes: list[str]
                                            ) -> None:
    found, _ = _app(tmp_path, "[]", extra=extra)
    assert [code for code, _ in found] == codes


def _cases(body: tuple[tuple[str, str | bool | None], ...]) -> list[str]:
    """The arguments whose cases stay possible for a configuration write on Google
    with ``body``: every case's clauses, base case first (it has none)."""
    google = next(endpoint for endpoint in SURFACE.endpoints[_CONFIG_KEY]
                  if endpoint.dialect == "v3/google")
    decided = ArgumentCases().decide(google, CallArguments(
        Span("app.py", 1, 0, 1, 1), None, ArgumentDict(body, True)))
    return [" & ".join(clause.parameter for clause in case.when) or "base"
            for case in decided.variants]


_EVERY_CASE = ["base", "participants[].booking.calendar_id",
               "participants[].availability.calendar_ids[]", "event_booking"]
_READ_OFF_PRIMARY = (
    ("participants", True),
    ("participants[].availability", True),
    ("participants[].availability.calendar_ids", True),
    ("participants[].availability.calendar_ids[]", "work"),
    ("participants[].booking", True),
    ("participants[].booking.calendar_id", "work"),
    ("event_booking", True),
)


@pytest.mark.parametrize("unread", [
    (("participants", None),),
    (("participants", True), ("participants[]", None)),
])
def test_an_unread_element_or_dict_above_keeps_every_case(
        unread: tuple[tuple[str, str | bool | None], ...]) -> None:
    assert _cases((*unread, ("event_booking", True))) == _EVERY_CASE


@pytest.mark.parametrize("unread", [
    (("participants", True), ("participants[].booking", None),
     ("participants[].availability.calendar_ids[]", "work")),
    (("participants", True), ("participants[].booking.calendar_id", None),
     ("participants[].availability.calendar_ids[]", "work")),
])
def test_an_unread_booking_keeps_its_case_beside_the_cases_read(
        unread: tuple[tuple[str, str | bool | None], ...]) -> None:
    # The booking's calendar cannot be read: its "primary" case stays possible.  Every
    # availability calendar is read as "work": its "primary" case is ruled out.
    assert _cases((*unread, ("event_booking", True))) == [
        case for case in _EVERY_CASE if case != "participants[].availability.calendar_ids[]"]


def test_one_element_on_primary_makes_its_case_possible() -> None:
    body = (*_READ_OFF_PRIMARY, ("participants[].booking.calendar_id", "primary"))
    assert _cases(body) == _EVERY_CASE[:2] + ["event_booking"]


def test_read_elements_off_primary_leave_the_booking_case() -> None:
    # Control: every id is read and none is "primary".  Whether guests book is
    # inferred: the base case stays possible beside it.
    assert _cases(_READ_OFF_PRIMARY) == ["base", "event_booking"]


_BOOKING = '''
def book(config_id):
    return nylas.scheduler.bookings.create(
        {"start_time": 1, "end_time": 2, "guest": {"email": "g@x.com"}},
        {"configuration_id": config_id})
'''


def test_a_booking_keeps_the_calendar_scope(tmp_path: Path) -> None:
    # A booking writes into the calendar its configuration names, maybe "primary".
    found, _ = _app(tmp_path, _participant('["work"]', '"work"'), extra=_BOOKING)
    assert found == []


def test_an_update_on_primary_keeps_the_calendar_scope(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(f'''from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({{"client_id": "x", "redirect_uri": "https://x/cb",
        "provider": "google", "scope": ["{G}calendar"]}})


def edit(grant_id, config_id):
    return nylas.scheduler.configurations.update(grant_id, config_id, {{
        "participants": {_participant('["primary"]', '"work"')},
        "event_booking": {{"title": "Chat"}}}})
''')
    analysis = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in analysis.findings if f.code in USAGE] == []
