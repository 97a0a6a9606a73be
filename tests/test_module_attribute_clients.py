"""A client stored on a module of the project at start-up (``settings.client =
APIClient(...)`` after ``from app import settings``) is that module's global: the
calls other modules make on ``settings.client`` are followed, as they are where the
module binds it itself, and the store is no escape."""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_apps import V2_CALENDAR_AUTH as AUTH, V2_PYPROJECT, app_findings

STARTUP = """\
from nylas import APIClient

from app import settings


def startup(token):
    settings.client = APIClient("id", "secret", token)
"""


def _said(root: Path, call: str) -> list[str]:
    agenda = f"from app import settings\n\n\ndef week():\n    return settings.client.{call}\n"
    return [said for _, _, said in app_findings(root, {
        "app/auth.py": AUTH, "app/settings.py": "client = None\n",
        "app/startup.py": STARTUP, "app/agenda.py": agenda}, V2_PYPROJECT)]


def test_the_calls_on_a_client_stored_on_a_module_are_followed(tmp_path: Path) -> None:
    said = _said(tmp_path, "events.all()")
    assert not any("NYS303" in text or "NYS304" in text for text in said), said


@pytest.mark.parametrize("call", ["threads.all()", "messages.all()"])
def test_a_scope_no_call_on_it_needs_is_unused(tmp_path: Path, call: str) -> None:
    assert any("NYS303 'calendar' is requested" in text for text in _said(tmp_path, call))
