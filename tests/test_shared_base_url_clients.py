"""A module's HTTP client made with a Nylas base URL, used by other modules: their
requests are not read where the client is made, so the client is an unresolved
request below its base wherever another module refers to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
AUTH = f'''from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "r", "provider": "google",
        "scope": ["{G}calendar.events.readonly", "{G}gmail.readonly"],
    }})


def messages(grant_id):
    return nylas.messages.list(grant_id)
'''
HTTPX = '''import httpx

HTTP = httpx.Client(base_url="https://api.us.nylas.com/v3/grants/abc",
                    headers={"Authorization": "Bearer k"})


def threads():
    return HTTP.get("threads").json()
'''
TOOLBELT = '''from requests_toolbelt.sessions import BaseUrlSession

HTTP = BaseUrlSession("https://api.us.nylas.com/v3/grants/abc/")


def threads():
    return HTTP.get("threads").json()
'''
EVENTS = '''from app.http import HTTP


def events():
    return HTTP.get("events", params={"calendar_id": "work"}).json()
'''
EVENTS_THROUGH_MODULE = '''from app import http


def events():
    return http.HTTP.get("events", params={"calendar_id": "work"}).json()
'''
EVENTS_HANDED_ON = '''import app.http
from app.tasks import run


def events():
    return run(app.http)
'''


def _found(tmp_path: Path, modules: dict[str, str]) -> list[tuple[str, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "auth.py").write_text(AUTH)
    for name, text in modules.items():
        (package / f"{name}.py").write_text(text)
    result = analyse([str(tmp_path)], make_config(),
                     lambda code: True, use_cache=False)
    return sorted((f.code, Path(f.span.path).name, f.message) for f in result.findings
                  if f.code in {"NYS301", "NYS302", "NYS303", "NYS304", "NYS405"})


@pytest.mark.parametrize("client", [HTTPX, TOOLBELT])
@pytest.mark.parametrize("events", [EVENTS, EVENTS_THROUGH_MODULE, EVENTS_HANDED_ON])
def test_a_client_another_module_uses_is_an_unresolved_request(
        tmp_path: Path, client: str, events: str) -> None:
    found = _found(tmp_path, {"http": client, "main": events, "tasks": "def run(x): ...\n"})
    # Not "calendar.events.readonly is unused": the other module's request may need it.
    assert [code for code, _, _ in found] == ["NYS304"]
    assert found[0][1] == "http.py"
    assert "/v3/grants/abc/" in found[0][2]


def test_a_client_no_other_module_uses_sends_only_its_own_requests(tmp_path: Path) -> None:
    other = '''from app.http import threads


def inbox():
    return threads()
'''
    found = _found(tmp_path, {"http": HTTPX, "main": other})
    assert [(code, where) for code, where, _ in found] == [("NYS303", "auth.py")]
    assert "calendar.events.readonly" in found[0][2]
