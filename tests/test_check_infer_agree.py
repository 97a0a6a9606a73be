"""``check`` and ``infer`` choose the same scopes for one call (API v3, Google).

Where an argument the analysis cannot read may change what a call needs (a
``calendar_id`` that may be "primary" needs Google's full calendar scope), ``infer``
picks a scope serving every case.  NYS301's alternatives, the scope it says to add and
the fix that adds it are that choice too: a narrower scope would fail for "primary".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.findings import Finding
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
USAGE = frozenset({"NYS301", "NYS302", "NYS303", "NYS405"})


def _judge(tmp_path: Path, call: str, scopes: str) -> tuple[list[Finding], list[str]]:
    """The usage findings and Google's inferred scopes of an app making ``call``."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "app"\nversion = "0"\ndependencies = ["nylas>=6"]\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "auth.py").write_text(f'''from nylas import Client

nylas = Client("key")


def login_url():
    return nylas.auth.url_for_oauth2({{
        "client_id": "x", "redirect_uri": "https://example.com/cb", "provider": "google",
        "scope": {scopes},
    }})


def work(grant, calendar_id):
    return {call}


def mail(grant):
    return nylas.messages.list(grant)
''')
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    [project] = result.states
    inferred = project.provider_inferences["v3/google"].scopes
    return [f for f in result.findings if f.code in USAGE], inferred


_MAIL_ONLY = f'["{G}gmail.readonly"]'
_UNREAD_ID = "nylas.events.list(grant, query_params={'calendar_id': calendar_id})"


@pytest.mark.parametrize("call", [
    _UNREAD_ID,
    "nylas.events.list(grant, query_params={'calendar_id': 'primary'})",
    "nylas.events.destroy(grant, 'ev', query_params={'calendar_id': calendar_id})",
], ids=["a parameter", "the literal primary", "a write"])
def test_a_calendar_id_that_may_be_primary_is_missing_what_infer_adds(
        tmp_path: Path, call: str) -> None:
    found, inferred = _judge(tmp_path, call, _MAIL_ONLY)
    [missing] = found
    assert missing.code == "NYS301"
    # Only the full calendar scope serves the "primary" calendar: it is the one
    # alternative named, and the one added, as infer adds it.
    assert f" needs '{G}calendar' " in missing.message, missing.message
    assert missing.message.endswith(f"; add '{G}calendar'"), missing.message
    assert missing.fix is not None and missing.fix.replacement == (f"{G}calendar",)
    assert inferred == [f"{G}gmail.readonly", f"{G}calendar"]


def test_the_argument_left_unread_is_named(tmp_path: Path) -> None:
    [missing], _ = _judge(tmp_path, _UNREAD_ID, _MAIL_ONLY)
    assert f"needs '{G}calendar' (whatever calendar_id is) but" in missing.message


def test_another_literal_calendar_keeps_the_narrow_suggestion(tmp_path: Path) -> None:
    # Control: "cal_123" is not "primary": every alternative of the base case is
    # listed, the narrowest is added, and infer agrees.
    found, inferred = _judge(
        tmp_path, "nylas.events.list(grant, query_params={'calendar_id': 'cal_123'})",
        _MAIL_ONLY)
    [missing] = found
    assert missing.message.startswith(
        "NYS301 nylas.events.list() (GET /v3/grants/{identifier}/events) needs "
        f"'{G}calendar.events.readonly' or '{G}calendar.events' or '{G}calendar' but ")
    assert missing.message.endswith(f"; add '{G}calendar.events.readonly'")
    assert missing.fix is not None and missing.fix.replacement == (
        f"{G}calendar.events.readonly",)
    assert inferred == [f"{G}calendar.events.readonly", f"{G}gmail.readonly"]


def test_a_contact_source_left_unread_adds_a_scope_for_each_source(tmp_path: Path) -> None:
    # No one scope serves every source: infer takes one of each, and so does check.
    found, inferred = _judge(
        tmp_path, "nylas.contacts.list(grant, query_params={'source': calendar_id})",
        _MAIL_ONLY)
    [missing] = found
    each = [f"{G}contacts.other.readonly", f"{G}contacts.readonly", f"{G}directory.readonly"]
    assert missing.message.endswith("; add " + " + ".join(repr(s) for s in each))
    assert "(whatever source is)" in missing.message
    assert missing.fix is not None and missing.fix.replacement == tuple(each)
    assert set(each) <= set(inferred)


@pytest.mark.parametrize("granted", ["calendar", "calendar.events"])
def test_a_calendar_id_that_may_be_primary_is_narrowed_by_nothing(
        tmp_path: Path, granted: str) -> None:
    # The converse: the full scope is not called broader than needed, and a request
    # of calendar.events is told to narrow to nothing (the read-only scope fails for
    # "primary").  Nor is calendar.events called missing: it serves other calendars.
    found, _ = _judge(tmp_path, _UNREAD_ID, f'["{G}gmail.readonly", "{G}{granted}"]')
    assert found == []


def test_a_literal_other_calendar_lets_the_full_scope_narrow(tmp_path: Path) -> None:
    # Control of the converse: "cal_123" is served by the read-only events scope.
    found, _ = _judge(
        tmp_path, "nylas.events.list(grant, query_params={'calendar_id': 'cal_123'})",
        f'["{G}gmail.readonly", "{G}calendar"]')
    assert [(f.code, f.fix.replacement if f.fix else None) for f in found] == [
        ("NYS302", (f"{G}calendar.events.readonly",))]
