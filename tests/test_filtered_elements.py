"""``filter(None, items)`` calls no function: it keeps the items that are true, so
Nylas values given to it are not lost to a call the analysis cannot follow."""

from __future__ import annotations

from pathlib import Path

from fake_apps import V2_PYPROJECT, app_findings


AUTH = """\
from nylas import APIClient

api = APIClient("id", "secret")


def login_url():
    return api.authentication_url("https://a/cb", scopes=["email.read_only", "email.send"])


def inbox():
    return api.messages.all()
"""

OUTBOX = """\
from some_library import ready

from app.auth import api


def flush(count):
    drafts = [api.drafts.create() for _ in range(count)]
    for draft in filter({function}, drafts):
        draft.send()
"""


def _found(tmp_path: Path, function: str) -> list[tuple[str, int, str]]:
    return app_findings(tmp_path, {"app/auth.py": AUTH,
                                   "app/outbox.py": OUTBOX.format(function=function)},
                        V2_PYPROJECT)


def test_drafts_kept_by_filter_none_are_followed_to_their_send(tmp_path: Path) -> None:
    # Both scopes are used; nothing is lost.
    assert _found(tmp_path, "None") == []


def test_drafts_given_to_a_function_of_another_library_are_lost(tmp_path: Path) -> None:
    # Control: ``ready`` may call anything on each draft.
    found = _found(tmp_path, "ready")
    assert [(file, line, said.split(" ", 2)[1]) for file, line, said in found] == [
        ("outbox.py", 8, "NYS304")]
    assert "passed to ready via filter()" in found[0][2]
