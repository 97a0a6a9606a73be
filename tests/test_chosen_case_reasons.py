"""Why a call needs more than its endpoint usually does, said where it is reported.

Creating or listing events in Google's "primary" calendar needs the full calendar
scope, where ``calendar.events`` (or ``calendar.events.readonly``) serves any other
calendar.  A reader told only "needs calendar" for ``events.create`` would think the
tool wrong; NYS301 and ``infer`` name the argument that chose the broader need.
"""

from __future__ import annotations

from pathlib import Path

from tool_runs import nylas_scopes

G = "https://www.googleapis.com/auth/"


def _app(tmp_path: Path, calendar_id: str, scope: str = "calendar.events") -> Path:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "cal"\nversion = "0"\n')
    (tmp_path / "cal.py").write_text(f'''from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({{"client_id": "c", "redirect_uri": "https://x/cb",
        "scope": ["{G}{scope}"]}})


def book(grant_id, calendar_id, title):
    return nylas.events.create(grant_id, request_body={{"title": title}},
                               query_params={{"calendar_id": {calendar_id}}})
''')
    return tmp_path


def test_nys301_names_the_primary_calendar_that_needs_the_full_scope(tmp_path: Path) -> None:
    run = nylas_scopes(_app(tmp_path, '"primary"'), "check", "--isolated", ".")
    assert run.returncode == 1
    # calendar.events does not serve "primary", and calendar, once added, includes it.
    assert run.stdout.splitlines() == [
        f"cal.py:8:19: NYS303 '{G}calendar.events' is requested but no Nylas call in the"
        f" project needs it once '{G}calendar', which the calls need, is added; replace it"
        f" with '{G}calendar'",
        f"cal.py:12:12: NYS301 nylas.events.create() (POST /v3/grants/{{identifier}}/events)"
        f" needs '{G}calendar' (with calendar_id='primary') but the scopes requested at"
        f" cal.py:7 do not grant it; add '{G}calendar'",
    ]


def test_infer_names_the_primary_calendar_in_the_evidence(tmp_path: Path) -> None:
    run = nylas_scopes(_app(tmp_path, '"primary"'), "infer", "--isolated", ".")
    assert (f"cal.py:12 nylas.events.create() -> POST /v3/grants/{{identifier}}/events ->"
            f" '{G}calendar' grants it (documented, V3-23; with calendar_id='primary')"
            ) in run.stdout


def test_another_literal_calendar_is_served_by_the_events_scope(tmp_path: Path) -> None:
    # Control: the base case; nothing is missing and nothing is said about arguments.
    run = nylas_scopes(_app(tmp_path, '"cal_123"'), "check", "--isolated", ".")
    assert (run.returncode, run.stdout) == (0, "")
    infer = nylas_scopes(tmp_path, "infer", "--isolated", ".")
    assert f"'{G}calendar.events' grants it (documented, V3-23)\n" in infer.stdout
    assert "with calendar_id" not in infer.stdout


def test_an_unread_calendar_keeps_saying_whatever_it_is(tmp_path: Path) -> None:
    # Control: the argument is a parameter, so every case stays possible, and the
    # contacts scope serves none of them.
    run = nylas_scopes(_app(tmp_path, "calendar_id", "contacts.readonly"),
                       "check", "--isolated", ".")
    assert "(whatever calendar_id is)" in run.stdout
    assert "with calendar_id" not in run.stdout
