"""HTTP clients made with a Nylas base URL: making one sends nothing, and each request
on it goes to the base joined with its relative path, as the client's library joins
them (httpx appends the path; requests_toolbelt's ``BaseUrlSession`` and aiohttp's
``ClientSession`` follow ``urljoin``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.analysis.base_url_clients import ClientBase, join_path
from flake8_nylas_scopes.analysis.facts_values import UrlPart, url_fallback_text
from flake8_nylas_scopes.nylas_api.http import URL_HOLE
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
APP = f'''import os
from urllib.parse import urlencode

import aiohttp
import httpx
import requests
from requests_toolbelt.sessions import BaseUrlSession

API = "https://api.us.nylas.com"
SCOPES = ["{G}gmail.readonly", "{G}calendar.readonly"]


def auth_url():
    query = urlencode({{"client_id": "id", "provider": "google", "scope": " ".join(SCOPES)}})
    return f"{{API}}/v3/connect/auth?{{query}}"


def calendars(grant_id):
    return requests.get(f"{{API}}/v3/grants/{{grant_id}}/calendars").json()


'''


def _found(tmp_path: Path, messages: str) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(APP + messages)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.message) for f in result.findings
                  if f.code in {"NYS301", "NYS302", "NYS303", "NYS304", "NYS405"})


@pytest.mark.parametrize("messages", [
    # The session's base ends with "/": a relative path goes below it.
    '''def messages(grant_id):
    session = BaseUrlSession("https://api.us.nylas.com/v3/")
    return session.get(f"grants/{grant_id}/messages").json()
''',
    '''def messages(grant_id):
    with BaseUrlSession(base_url=f"{API}/v3/") as session:
        return session.get(f"grants/{grant_id}/messages", params={"limit": 5}).json()
''',
    # A path from the root replaces the base's path.
    '''def messages(grant_id):
    session = BaseUrlSession(f"{API}/v2/")
    return session.get(f"/v3/grants/{grant_id}/messages").json()
''',
    # httpx keeps the whole base path, the grant's too, and appends the path to it.
    '''async def messages(grant_id):
    async with httpx.AsyncClient(base_url=f"{API}/v3/grants/{grant_id}") as http:
        return (await http.get("messages", params={"limit": 5})).json()
''',
    '''async def messages(grant_id):
    base = f"{API}/v3/grants/{grant_id}"
    async with httpx.AsyncClient(base_url=base, timeout=10) as http:
        return (await http.get("/messages")).json()
''',
    # aiohttp joins as ``urljoin`` does: below a base ending in "/", or from its root.
    '''async def messages(grant_id):
    async with aiohttp.ClientSession(base_url="https://api.us.nylas.com/v3/") as session:
        async with session.get(f"grants/{grant_id}/messages") as response:
            return await response.json()
''',
    '''async def messages(grant_id):
    async with aiohttp.ClientSession(API) as session:
        async with session.get(f"/v3/grants/{grant_id}/messages") as response:
            return await response.json()
''',
])
def test_a_request_on_a_client_with_a_nylas_base_url_is_read_exactly(
        tmp_path: Path, messages: str) -> None:
    assert _found(tmp_path, messages) == []


def test_a_client_with_a_base_url_and_no_request_sends_nothing(tmp_path: Path) -> None:
    # No request reads the messages: gmail.readonly is unused, and the client's base
    # URL is no request of its own.
    found = _found(tmp_path, '''def messages(grant_id):
    session = BaseUrlSession(f"{API}/v3/grants/{grant_id}/")
    session.close()
    return []
''')
    assert [code for code, _ in found] == ["NYS303"]
    assert "gmail.readonly" in found[0][1]


@pytest.mark.parametrize("messages", [
    # ``urljoin`` replaces the base's last segment, here built at run time.
    '''def messages(grant_id):
    session = BaseUrlSession(f"{API}/v3/grants/{grant_id}")
    return session.get("messages").json()
''',
    # A URL that starts with text built at run time: a path below the base, or a
    # whole URL.
    '''def messages(grant_id):
    with BaseUrlSession(base_url=f"{API}/v3/grants/") as session:
        return session.get(f"{grant_id}/messages").json()
''',
    # A method with no rule of its own.
    '''async def messages(grant_id):
    async with httpx.AsyncClient(base_url=f"{API}/v3/grants/{grant_id}") as http:
        async with http.stream("GET", "messages") as response:
            return [line async for line in response.aiter_lines()]
''',
    # The client handed on: any request below its base may be sent.
    '''def messages(grant_id):
    session = BaseUrlSession(f"{API}/v3/grants/{grant_id}/")
    return session
''',
    # Bound twice: which client a request is sent with, the analysis does not say.
    '''def messages(grant_id, other):
    session = BaseUrlSession(f"{API}/v3/grants/{grant_id}/")
    if other:
        session = other
    return session.get("messages").json()
''',
    # Another host's client: its path may name a Nylas route, but is no Nylas call
    # the analysis can claim.
    '''async def messages(grant_id):
    async with aiohttp.ClientSession("https://mail-proxy.example.com") as session:
        async with session.get(f"/v3/grants/{grant_id}/messages") as response:
            return await response.json()
''',
    # A module's client may be used by the modules that import it.
    '''SESSION = BaseUrlSession("https://api.us.nylas.com/v3/")
''',
])
def test_a_client_the_analysis_cannot_follow_keeps_its_scopes_silent(
        tmp_path: Path, messages: str) -> None:
    assert {code for code, _ in _found(tmp_path, messages)} == {"NYS304"}


def _text(parts: tuple[UrlPart, ...]) -> str:
    return url_fallback_text(parts).replace(URL_HOLE, "{}")


@pytest.mark.parametrize(("base", "path", "urljoin", "joined"), [
    (("https://h/v3/grants/", URL_HOLE), ("messages",), False, "https://h/v3/grants/{}/messages"),
    (("https://h/v3/grants/", URL_HOLE), ("/messages",), False, "https://h/v3/grants/{}/messages"),
    (("https://h/v3/",), ("grants",), True, "https://h/v3/grants"),
    (("https://h/v3",), ("grants",), True, "https://h/grants"),
    (("https://h",), ("v3/grants",), True, "https://h/v3/grants"),
    (("https://h", "/v3/"), ("/grants",), True, "https://h/grants"),
    # The last segment, which urljoin drops, is built at run time: no route.
    (("https://h/v3/grants/", URL_HOLE), ("messages",), True,
     "https://h/v3/grants/{}/{}/{}"),
])
def test_join_path(base: tuple[str, ...], path: tuple[str, ...], urljoin: bool,
                   joined: str) -> None:
    client = ClientBase(tuple(UrlPart(text) for text in base), urljoin)
    assert _text(join_path(client, tuple(UrlPart(text) for text in path))) == joined
