"""A member of the client that can send any request, handed to code the analysis
does not follow: the client's HTTP client (``nylas.http_client``), a member the
tables do not map (a later release's), its namespace (``nylas.__dict__``) or what
its attribute getter gives.  What that code calls is unknown: an unresolved use,
never one the analysis did not look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_APP = '''
import os

import toolkit
from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/calendar"],
    }})


def inbox(grant_id):
    return nylas.messages.list(grant_id)


def sync():
    return {handed}
'''
_SYNC_LINE = 23


def _codes(tmp_path: Path, handed: str) -> list[tuple[int, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "main.py").write_text(_APP.format(handed=handed))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code) for f in result.findings)


@pytest.mark.parametrize("handed", [
    "toolkit.run(nylas.http_client)",
    "toolkit.run(nylas.brand_new_resource)",
    "toolkit.run(nylas.__dict__)",
    'toolkit.run(nylas.__getattribute__("events"))',
], ids=["http-client", "unmapped-member", "namespace", "attribute-getter"])
def test_a_client_member_that_sends_anything_handed_on_is_unresolved(
        tmp_path: Path, handed: str) -> None:
    found = _codes(tmp_path, handed)
    assert (_SYNC_LINE, "NYS304") in found, found
    assert [code for _, code in found if code in ("NYS302", "NYS303", "NYS405")] == [], found


@pytest.mark.parametrize("handed", [
    "toolkit.run(nylas.api_key)",
    "print(nylas.http_client)",
    "toolkit.run(nylas.__class__.__name__)",
], ids=["client-data", "printed", "class-name"])
def test_what_sends_nothing_leaves_the_unused_scope_reported(
        tmp_path: Path, handed: str) -> None:
    # The calendar scope serves no call of the app's.
    assert [code for _, code in _codes(tmp_path, handed)] == ["NYS303"]
