"""NYS301's message and fix name only the scopes the request lacks, and a call the app
makes only where its own check of the grant holds the scope is not reported missing."""

from __future__ import annotations

from pathlib import Path

from flake8_nylas_scopes.findings import Finding
from tests.fake_apps import analysed, write_app

GOOGLE = "https://www.googleapis.com/auth/"
SEND = GOOGLE + "gmail.send"
PYPROJECT = "[project]\nname = 'app'\ndependencies = ['nylas>=6']\n"

LOGIN = """\
from nylas import Client

client = Client("key")


def login():
    return client.auth.url_for_oauth2({{
        "client_id": "x", "redirect_uri": "https://example.com/cb",
        "provider": "{provider}", "scope": {scopes!r}}})
"""


def _missing(root: Path, provider: str, scopes: list[str], body: str) -> list[Finding]:
    """The NYS301 findings of an app whose login asks ``provider`` for ``scopes`` and
    whose ``app/main.py`` is ``body`` (``client`` the login's client)."""
    write_app(root, {
        "app/__init__.py": "",
        "app/auth.py": LOGIN.format(provider=provider, scopes=scopes),
        "app/main.py": "from app.auth import client\n\n\n" + body,
    }, PYPROJECT)
    return [finding for finding in analysed(root) if finding.code == "NYS301"]


RSVP = """\
def answer(grant_id, event_id):
    return client.events.send_rsvp(grant_id, event_id, request_body={"status": "yes"},
                                   query_params={"calendar_id": "primary"})
"""

SEND_MAIL = """\
def send(grant_id, body):
    return client.messages.send(grant_id, request_body=body)
"""


def test_google_suggestion_leaves_out_the_scope_requested(tmp_path: Path) -> None:
    # The call needs calendar + gmail.send; the login has calendar: add gmail.send.
    [found] = _missing(tmp_path, "google", [GOOGLE + "calendar"], RSVP)
    assert found.message.endswith(f"; add {SEND!r}")
    assert found.fix is not None and found.fix.replacement == (SEND,)


def test_google_suggestion_names_both_scopes_when_neither_is_requested(
        tmp_path: Path) -> None:
    [found] = _missing(tmp_path, "google", [GOOGLE + "gmail.readonly"], RSVP)
    assert found.message.endswith(f"; add {GOOGLE + 'calendar'!r} + {SEND!r}")
    assert found.fix is not None and found.fix.replacement == (GOOGLE + "calendar", SEND)


def test_microsoft_suggestion_adds_only_mail_send(tmp_path: Path) -> None:
    # Mail.ReadWrite + Mail.Send serves the call, and the login has Mail.ReadWrite: the
    # option needing Mail.ReadWrite.Shared as well is not the one suggested.
    [found] = _missing(tmp_path, "microsoft", ["Mail.ReadWrite"], SEND_MAIL)
    assert found.message.endswith("; add 'Mail.Send'")
    assert found.fix is not None and found.fix.replacement == ("Mail.Send",)


def test_microsoft_suggestion_without_either_scope(tmp_path: Path) -> None:
    [found] = _missing(tmp_path, "microsoft", ["Calendars.Read"], SEND_MAIL)
    assert found.message.endswith("; add 'Mail.ReadWrite' + 'Mail.Send'")
