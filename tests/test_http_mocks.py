"""A route an HTTP mock answers (respx, responses, requests-mock) is no request the
app sends: a development fake of Nylas kept beside the app neither needs scopes
(NYS301) nor hides them (NYS304); a real request in the same module still counts."""

from __future__ import annotations

import textwrap
from pathlib import Path

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

SERVICE = """\
from nylas import Client

client = Client("key")
URL = client.auth.url_for_oauth2({"client_id": "c", "redirect_uri": "r", "provider": "google",
                                  "scope": ["https://www.googleapis.com/auth/gmail.readonly"]})


def inbox(grant_id):
    return client.messages.list(grant_id).data
"""

FAKE = """\
import httpx
import requests_mock
import respx
import responses

BASE = "https://api.us.nylas.com/v3/grants/dev"


def install():
    router = respx.mock(base_url="https://api.us.nylas.com", assert_all_called=False)
    router.post("/v3/grants/dev/messages/send").respond(200, json={"data": {}})
    respx.post(f"{BASE}/events").mock(return_value=httpx.Response(200))
    responses.add(responses.DELETE, f"{BASE}/messages/1", json={})
    responses.post(f"{BASE}/contacts", json={})
    with requests_mock.Mocker() as m:
        m.put(f"{BASE}/threads/1", json={})
    return router
"""


def _codes(root: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    for name, text in files.items():
        (root / name).write_text(textwrap.dedent(text))
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


def test_routes_a_mock_answers_are_no_requests(tmp_path: Path) -> None:
    assert _codes(tmp_path, {"service.py": SERVICE, "fake_nylas.py": FAKE}) == []


def test_a_request_sent_beside_the_mocks_still_needs_its_scope(tmp_path: Path) -> None:
    sending = FAKE + '\n\ndef send(body):\n    return httpx.post(f"{BASE}/messages/send", json=body)\n'
    assert _codes(tmp_path, {"service.py": SERVICE, "fake_nylas.py": sending}) == [
        ("fake_nylas.py", 21, "NYS301")]
