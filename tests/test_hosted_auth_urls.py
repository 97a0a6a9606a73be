"""API v3's hosted authentication URL built by hand with its query given as a dict
(``httpx.URL(url, params={...})``, ``requests.Request("GET", url, params={...})``):
a scope request, judged as an SDK authentication call's."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
APP = f'''import os

import httpx
import requests

AUTH_URL = "https://api.us.nylas.com/v3/connect/auth"
SCOPES = ["{G}gmail.readonly", "{G}calendar.readonly"]


def messages(grant_id):
    return requests.get(f"https://api.us.nylas.com/v3/grants/{{grant_id}}/messages").json()


def auth_url(build):
    return <URL>
'''
PARAMS = '{"client_id": "id", "provider": "google", "scope": " ".join(SCOPES)}'


def _found(tmp_path: Path, url: str) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(APP.replace("<URL>", url))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.message) for f in result.findings
                  if f.code in {"NYS301", "NYS302", "NYS303", "NYS304", "NYS405"})


@pytest.mark.parametrize("url", [
    f"str(httpx.URL(AUTH_URL, params={PARAMS}))",
    f'str(httpx.URL("https://api.us.nylas.com/v3/connect/auth", params={PARAMS}))',
    f'requests.Request("GET", AUTH_URL, params={PARAMS}).prepare().url',
    f'httpx.Request("GET", AUTH_URL, params={PARAMS}).url',
])
def test_a_hosted_auth_url_with_a_query_dict_is_a_scope_request(
        tmp_path: Path, url: str) -> None:
    # Only the messages are read: the calendar scope is unused.
    found = _found(tmp_path, url)
    assert [code for code, _ in found] == ["NYS303"], found
    assert "calendar.readonly" in found[0][1]


def test_a_hosted_auth_query_the_analysis_cannot_read_keeps_its_scopes_silent(
        tmp_path: Path) -> None:
    found = _found(tmp_path, "str(httpx.URL(AUTH_URL, params=build()))")
    assert [code for code, _ in found] == ["NYS304"], found


def test_another_url_with_a_query_dict_is_no_scope_request(tmp_path: Path) -> None:
    # A v3 path the URL object holds may be sent where the analysis cannot see.
    found = _found(tmp_path, 'httpx.URL(f"https://api.us.nylas.com/v3/grants/{build}/events", '
                             'params={"calendar_id": "primary"})')
    assert {code for code, _ in found} == {"NYS304"}, found


IMPORTED = {
    "httpx.URL": f"str(httpx.URL(AUTH_URL, params={PARAMS}))",
    "a keyword": f"str(httpx.URL(url=AUTH_URL, params={PARAMS}))",
}


def _found_imported(tmp_path: Path, url: str, auth_url: str) -> list[tuple[str, str]]:
    (tmp_path / "urls.py").write_text(f'AUTH_URL = "{auth_url}"\n')
    app = APP.replace('AUTH_URL = "https://api.us.nylas.com/v3/connect/auth"',
                      "from urls import AUTH_URL")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(app.replace("<URL>", url))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.message) for f in result.findings
                  if f.code in {"NYS301", "NYS302", "NYS303", "NYS304", "NYS405"})


@pytest.mark.parametrize("url", IMPORTED.values(), ids=list(IMPORTED))
def test_a_hosted_auth_url_of_another_module_with_a_query_dict_is_a_scope_request(
        tmp_path: Path, url: str) -> None:
    found = _found_imported(tmp_path, url, "https://api.us.nylas.com/v3/connect/auth")
    assert [code for code, _ in found] == ["NYS303"], found
    assert "calendar.readonly" in found[0][1]


@pytest.mark.parametrize("auth_url", ["https://accounts.example.com/v3/connect/auth",
                                      "https://api.us.nylas.com/v3/connect/token"])
@pytest.mark.parametrize("url", IMPORTED.values(), ids=list(IMPORTED))
def test_another_url_of_another_module_with_a_query_dict_is_no_scope_request(
        tmp_path: Path, url: str, auth_url: str) -> None:
    # The control: another host's URL, or another Nylas path, asks for no grant.
    assert _found_imported(tmp_path, url, auth_url) == []



# API v2: /oauth/authorize parameters built by a wrapper whose scopes are a parameter.
V2_CONSTANTS = """\
SCOPES = ["calendar"]
SCOPES_STR = <JOINED>
"""
V2_AUTH = """\
from urllib.parse import urlencode

import requests
from nylas import APIClient

from app import constants

BASE = "https://api.nylas.com"


def auth_url(email, scopes=<DEFAULT>):
    return <BUILT>


def calendars(token):
    return requests.get(f"{BASE}/calendars", headers={"Authorization": f"Bearer {token}"})
"""
BY_HAND = """f"{BASE}/oauth/authorize?" + urlencode(dict(
        client_id="id", response_type="code", login_hint=email,
        redirect_uri="https://a.example/cb", scopes=scopes))"""
BY_THE_SDK = """APIClient("id", "secret").authentication_url(
        "https://a.example/cb", login_hint=email, scopes=scopes)"""
V2_VIEWS = """\
from app.auth import auth_url


def login(user):
    return auth_url(<ARGUMENTS>)
"""


def _v2_found(tmp_path: Path, default: str, joined: str = '",".join(SCOPES)',
              built: str = BY_HAND, arguments: str = "user.email") -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "constants.py").write_text(V2_CONSTANTS.replace("<JOINED>", joined))
    (package / "auth.py").write_text(
        V2_AUTH.replace("<DEFAULT>", default).replace("<BUILT>", built))
    (package / "views.py").write_text(V2_VIEWS.replace("<ARGUMENTS>", arguments))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.message) for f in result.findings
                  if f.code in {"NYS301", "NYS302", "NYS303", "NYS304"})


@pytest.mark.parametrize("default", ['"calendar"', "constants.SCOPES_STR"])
def test_a_hand_built_query_takes_its_wrappers_scopes_from_the_default(
        tmp_path: Path, default: str) -> None:
    # Only the calendars are read: 'calendar' is broader than needed.
    found = _v2_found(tmp_path, default)
    assert [code for code, _ in found] == ["NYS302"], found
    assert "'calendar' is broader" in found[0][1]


def test_a_module_level_query_naming_a_global_is_not_the_wrappers_parameter(
        tmp_path: Path) -> None:
    # The dict is written outside the function: its ``scopes`` is the global, not the
    # parameter of the same name, whose default would make 'calendar' a finding.
    built = 'f"{BASE}/oauth/authorize?" + urlencode(QUERY)'
    _v2_found(tmp_path, '"calendar"', built=built)
    auth = tmp_path / "app" / "auth.py"
    auth.write_text(auth.read_text().replace("\n\ndef auth_url", (
        '\n\nscopes = "contacts"\nQUERY = dict(client_id="id", response_type="code", '
        'redirect_uri="https://a.example/cb", scopes=scopes)\n\n\ndef auth_url')))
    found = sorted(
        (f.code, f.message) for f in analyse(
            [str(tmp_path)], make_config(), lambda code: True, use_cache=False).findings
        if f.code in {"NYS301", "NYS302", "NYS303", "NYS304"})
    assert [code for code, _ in found] == ["NYS304"], found


@pytest.mark.parametrize("built", [BY_HAND, BY_THE_SDK], ids=["by-hand", "by-the-sdk"])
def test_a_wrappers_default_another_module_joins_unreadably_is_unresolved(
        tmp_path: Path, built: str) -> None:
    # ``", ".join(...)`` puts a space before every scope but the first: not read.
    found = _v2_found(tmp_path, "constants.SCOPES_STR", '", ".join(SCOPES + ["contacts"])',
                      built)
    assert [code for code, _ in found] == ["NYS304"], found
    assert "scopes come from app.constants.SCOPES_STR" in found[0][1]
