"""``SCOPES[:]``, ``SCOPES.copy()`` and ``copy.copy(SCOPES)`` copy every item of the
list, as ``list(SCOPES)`` does: a request of it is read as the list itself, its
unused scopes reported and fixed in the list.  A slice that keeps only part of the
list is not read as the whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from codemod_support import run_cli
from fake_apps import V2_PYPROJECT, app_findings

V2_LOGIN = """\
import copy

from nylas import APIClient

SCOPES = ["email.read_only", "calendar"]
client = APIClient("id", "secret", "token")


def login():
    return client.authentication_url("https://x/cb", scopes=SCOPES{copy})


def inbox():
    return client.messages.all()
"""

V3_LOGIN = """\
from nylas import Client

SCOPES = ["https://www.googleapis.com/auth/gmail.readonly",
          "https://www.googleapis.com/auth/calendar"]
client = Client("key")


def login():
    return client.auth.url_for_oauth2({{
        "client_id": "x", "redirect_uri": "https://x/cb", "provider": "google",
        "scope": SCOPES{copy}}})


def inbox(grant_id):
    return client.messages.list(grant_id)
"""


def _said(root: Path, login: str, copy: str, pyproject: str = V2_PYPROJECT) -> list[str]:
    found = app_findings(root, {"app/auth.py": login.format(copy=copy)}, pyproject)
    return [f"{line} {said}" for _, line, said in found]


@pytest.mark.parametrize("copy", ["[:]", ".copy()", "COPY"])
def test_a_copy_of_the_list_is_read_as_the_list(tmp_path: Path, copy: str) -> None:
    login = V2_LOGIN.replace("scopes=SCOPES{copy}", "scopes=copy.copy(SCOPES)") if (
        copy == "COPY") else V2_LOGIN
    assert _said(tmp_path, login, copy) == [
        "5 NYS303 NYS303 'calendar' is requested but no Nylas call in the project needs "
        "it; remove it"]


def test_an_api_v3_request_of_a_whole_slice_is_read_too(tmp_path: Path) -> None:
    said = _said(tmp_path, V3_LOGIN, "[:]", "[project]\nname = 'app'\n")
    assert [line.split(" ", 2)[:2] for line in said] == [["4", "NYS303"]]
    assert "calendar" in said[0]


def test_part_of_the_list_is_not_read_as_the_whole(tmp_path: Path) -> None:
    for number, copy in enumerate(("[1:]", "[:1]", "[::2]")):
        said = _said(tmp_path / str(number), V2_LOGIN, copy)
        assert not any("NYS303" in line for line in said), copy
        assert any(line.startswith("10 NYS304") for line in said), copy


def test_the_fix_takes_the_scope_out_of_the_list_copied(tmp_path: Path) -> None:
    _said(tmp_path, V2_LOGIN, "[:]")
    run = run_cli("fix", "--unsafe-fixes", str(tmp_path))
    # (1: files changed.)
    assert (run.code, run.stdout.endswith("fixed 1 finding (NYS303)\n")) == (1, True), run
    assert (tmp_path / "app" / "auth.py").read_text() == V2_LOGIN.format(copy="[:]").replace(
        '["email.read_only", "calendar"]', '["email.read_only"]')
