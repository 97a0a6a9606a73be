"""The evidence ``infer`` gives for each scope: every call that needs it, once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tool_runs import nylas_scopes

_RSVP_APP = '''\
from nylas import Client

nylas = Client(api_key="key")


def accept(grant_id, event_id, calendar_id):
    nylas.events.send_rsvp(
        grant_id, event_id, request_body={"status": "yes"},
        query_params={"calendar_id": calendar_id},
    )
'''


def _google_evidence(root: Path) -> dict[str, list[dict[str, Any]]]:
    (root / "pyproject.toml").write_text("")
    result = nylas_scopes(root, "infer", "--format", "json", ".")
    assert result.returncode == 0, result.stderr
    [project] = json.loads(result.stdout)["projects"]
    [google] = [p for p in project["providers"] if p["provider"] == "google"]
    evidence: dict[str, list[dict[str, Any]]] = google["evidence"]
    return evidence


def test_a_call_is_the_evidence_of_a_scope_once(tmp_path: Path) -> None:
    # The calendar this RSVP goes to is not known: the call may need Google's
    # ``calendar`` (the primary calendar) or ``calendar.events`` beside a send scope;
    # ``calendar`` serves both needs, and the call stands once under it.
    (tmp_path / "app.py").write_text(_RSVP_APP)
    evidence = _google_evidence(tmp_path)
    calendar = "https://www.googleapis.com/auth/calendar"
    assert [use["line"] for use in evidence[calendar]] == [7]


def test_two_calls_of_one_line_each_stand_as_evidence(tmp_path: Path) -> None:
    # Control: two calls that need the same scope are two pieces of evidence.
    (tmp_path / "app.py").write_text(_RSVP_APP + '''

def accept_too(grant_id, event_id, calendar_id):
    nylas.events.send_rsvp(grant_id, event_id, request_body={"status": "no"},
                           query_params={"calendar_id": calendar_id})
''')
    evidence = _google_evidence(tmp_path)
    calendar = "https://www.googleapis.com/auth/calendar"
    assert [use["line"] for use in evidence[calendar]] == [7, 14]


_DESTROY_APP = '''\
import asyncio
import functools

from nylas import Client

nylas = Client(api_key="key")


async def delete(grant, message_id):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, functools.partial(nylas.messages.destroy, grant,
                                                       message_id))
    await loop.run_in_executor(None, functools.partial(nylas.messages.destroy, grant),
                               message_id)
'''


def test_a_partial_run_by_an_executor_is_the_evidence_once(tmp_path: Path) -> None:
    # Line 11 hands the executor a partial giving every argument: one call of
    # ``destroy``, shown as the partial's.  Line 13 (the control) gives the message
    # through the executor: the partial's record and the executor's are each a part
    # of the call, and both stand.
    (tmp_path / "app.py").write_text(_DESTROY_APP)
    evidence = _google_evidence(tmp_path)
    modify = "https://www.googleapis.com/auth/gmail.modify"
    assert [(use["line"], use["call"]) for use in evidence[modify]] == [
        (11, "nylas.messages.destroy via functools.partial()"),
        (13, "functools.partial() via loop.run_in_executor()"),
        (13, "nylas.messages.destroy via functools.partial()"),
    ]
