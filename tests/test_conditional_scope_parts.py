"""A scope list built with a conditional part (``BASE + (CALENDAR if FEATURE else
[])``) is one of two lists, each read as a request of its own, as ``A if X else B``
is: a scope is unused when no call needs it, and a call misses a scope only when
neither list grants it."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

APP = '''import os

from nylas import APIClient

FEATURE_CALENDAR = os.environ.get("FEATURE_CALENDAR") == "1"
BASE = ["email.read_only"]
CALENDAR = ["calendar.read_only"]
SCOPES = {scopes}

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://a.example/cb", scopes=SCOPES)


def inbox():
    return [message.subject for message in client.messages.where(limit=5)]
'''

AGENDA = '''

def agenda():
    return [event.title for event in client.events.where(limit=5)]
'''

CONDITIONAL = {
    "added": "BASE + (CALENDAR if FEATURE_CALENDAR else [])",
    "spliced": "[*BASE, *(CALENDAR if FEATURE_CALENDAR else [])]",
    "added first": "(CALENDAR if FEATURE_CALENDAR else []) + BASE",
}


def _codes(tmp_path: Path, text: str) -> list[tuple[int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings)


@pytest.mark.parametrize("scopes", CONDITIONAL.values(), ids=list(CONDITIONAL))
def test_a_scope_of_the_conditional_part_no_call_needs_is_unused(
        tmp_path: Path, scopes: str) -> None:
    found = _codes(tmp_path, APP.format(scopes=scopes))
    assert [(line, code) for line, code, _ in found] == [(7, "NYS303")], found
    assert "'calendar.read_only' is requested" in found[0][2]


@pytest.mark.parametrize("scopes", CONDITIONAL.values(), ids=list(CONDITIONAL))
def test_a_call_one_of_the_lists_grants_is_not_missing_a_scope(
        tmp_path: Path, scopes: str) -> None:
    # The control: with the feature on, the calendar is granted and used.
    assert _codes(tmp_path, APP.format(scopes=scopes) + AGENDA) == []


def test_a_conditional_part_that_cannot_be_read_keeps_its_scopes_unjudged(
        tmp_path: Path) -> None:
    text = APP.format(scopes="BASE + (load() if FEATURE_CALENDAR else [])").replace(
        "import os\n", "import os\n\nfrom elsewhere import load\n")
    assert [code for _, code, _ in _codes(tmp_path, text + AGENDA)] == ["NYS304"]


@pytest.mark.parametrize("scopes", CONDITIONAL.values(), ids=list(CONDITIONAL))
def test_a_call_neither_list_grants_misses_a_scope(tmp_path: Path, scopes: str) -> None:
    contacts = AGENDA.replace("events", "contacts").replace("event.title", "event.email")
    found = _codes(tmp_path, APP.format(scopes=scopes) + AGENDA + contacts)
    assert [code for _, code, _ in found] == ["NYS301"], found
