"""A named scope list given to a wrapper of the project under ``scopes=``.

A wrapper whose ``scopes`` parameter goes to ``authentication_url`` makes a request of
its own for each caller: the caller's list is that request's, and a scope of it no
call needs is reported as for the same list written in the call.  A list also given
to another library's OAuth request, or to a function the analysis does not read as a
request, keeps its items silent: for a project function, NYS304 says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_CALLS = '''from nylas import APIClient


def digest(token):
    api = APIClient("id", "secret", token)
    return [m.subject for m in api.messages.where(limit=5)], list(api.events.where(limit=5))
'''
_AUTH = '''from nylas import APIClient

client = APIClient("id", "secret")
DEFAULT_SCOPES = ["email.read_only"]


def ask(scopes=None, email=None):
{body}
    return client.authentication_url("https://a.example/cb", scopes=scopes, login_hint=email)
'''
_COPY = "    scopes = list(scopes or DEFAULT_SCOPES)"
# Line 1: ``calendar`` is broader than the event reads need, contacts unused.
_SETTINGS = 'SUPERVISOR_SCOPES = ["email.read_only", "calendar", "contacts.read_only"]\n'
# The caller's list, by each spelling: (import, argument).
_SPELLINGS = {
    "module attribute": ("from app import settings", "settings.SUPERVISOR_SCOPES"),
    "imported name": ("from app.settings import SUPERVISOR_SCOPES", "SUPERVISOR_SCOPES"),
}
_VIEWS = '''{header}
from app.auth import ask


def supervisor_login(email):
    return ask(scopes={passed}, email=email)


def staff_login(email):
    return ask(email=email)
{more}'''


def _views(spelling: str = "module attribute", more: str = "") -> str:
    header, passed = _SPELLINGS[spelling]
    return _VIEWS.format(header=header, passed=passed, more=more.replace("LIST", passed))


def _findings(tmp_path: Path, views: str, body: str = _COPY, settings: str = _SETTINGS,
              nys304: bool = True) -> list[tuple[str, int, str, str]]:
    files = {"app/__init__.py": "", "app/calls.py": _CALLS, "app/settings.py": settings,
             "app/auth.py": _AUTH.format(body=body), "app/views.py": views}
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(),
                     lambda code: nys304 or code != "NYS304", use_cache=False)
    return sorted((Path(f.span.path).name, f.span.line, f.code, f.message)
                  for f in result.findings)


def _claims(found: list[tuple[str, int, str, str]]) -> set[tuple[str, str]]:
    return {(name, code) for name, _, code, _ in found if code in {"NYS302", "NYS303"}}


@pytest.mark.parametrize("spelling", _SPELLINGS)
def test_a_list_given_to_a_wrapper_is_judged_as_its_request(
        tmp_path: Path, spelling: str) -> None:
    found = _findings(tmp_path, _views(spelling))
    # Before, both were dropped as the items of a list another library might use.
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("settings.py", 1, "NYS302"), ("settings.py", 1, "NYS303")], found
    assert "'calendar'" in found[0][3] and "'contacts.read_only'" in found[1][3], found


def test_a_list_also_given_to_another_library_stays_silent(tmp_path: Path) -> None:
    more = '''

def google_client():
    from requests_oauthlib import OAuth2Session
    return OAuth2Session("id", scope=LIST)
'''
    found = _findings(tmp_path, _views(more=more))
    # Another library's request may use any item; it is no project function: no NYS304.
    assert found == [], found


def test_a_list_also_given_to_a_function_not_read_as_a_request_says_so(
        tmp_path: Path) -> None:
    more = '''

def describe(scopes):
    return ", ".join(scopes)


def page():
    return describe(scopes=LIST)
'''
    found = _findings(tmp_path, _views(more=more))
    assert not _claims(found), found
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("views.py", 18, "NYS304")], found
    assert found[0][3].startswith(
        "NYS304 app.settings.SUPERVISOR_SCOPES is given to describe(), which the analysis does "
        "not read as a Nylas request"), found


def test_the_unread_function_is_named_only_where_nys304_is_selected(tmp_path: Path) -> None:
    more = "\n\ndef page():\n    return describe(scopes=LIST)\n\n\ndef describe(scopes):\n" \
           "    return len(scopes)\n"
    assert _findings(tmp_path / "off", _views(more=more), nys304=False) == []
    found = _findings(tmp_path / "on", _views(more=more))
    assert [code for _, _, code, _ in found] == ["NYS304"], found


def test_a_wrapper_handing_its_parameter_on_keeps_the_callers_list_silent(
        tmp_path: Path) -> None:
    found = _findings(tmp_path, _views(), body="    audit(scopes=scopes)\n" + _COPY)
    assert not _claims(found), found
    assert ("auth.py", "NYS304") in {(name, code) for name, _, code, _ in found}, found


def test_a_sign_in_list_given_to_another_library_through_a_function_gets_no_nys304(
        tmp_path: Path) -> None:
    settings = _SETTINGS + ('GOOGLE_SCOPES = ["openid", "profile", '
                            '"https://www.googleapis.com/auth/calendar.readonly"]\n')
    more = '''

def google_flow(scopes):
    from google_auth_oauthlib.flow import Flow
    return Flow.from_client_config({}, scopes=scopes)


def google_login():
    return google_flow(scopes=settings.GOOGLE_SCOPES)
'''
    found = _findings(tmp_path, _views(more=more), settings=settings)
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("settings.py", 1, "NYS302"), ("settings.py", 1, "NYS303")], found


@pytest.mark.parametrize("handing_on", [
    "    OAuth2Session('id', scope=scopes)\n",
    "    Flow.from_client_config({}, scopes)\n",
])
def test_a_wrapper_also_giving_its_parameter_to_another_library_keeps_it_silent(
        tmp_path: Path, handing_on: str) -> None:
    # ``ask`` signs in with Google too, with the caller's list: a scope no Nylas call
    # needs may serve Google's calls.
    body = (_COPY + "\n    from requests_oauthlib import OAuth2Session\n"
            "    from google_auth_oauthlib.flow import Flow\n" + handing_on)
    assert not _claims(_findings(tmp_path, _views(), body=body))


def test_a_wrapper_giving_another_name_to_another_library_still_judges_the_list(
        tmp_path: Path) -> None:
    # Control: the wrapper gives the library a module constant, not its parameter.
    body = (_COPY + "\n    from requests_oauthlib import OAuth2Session\n"
            "    OAuth2Session('id', scope=DEFAULT_SCOPES)\n")
    assert _claims(_findings(tmp_path, _views(), body=body)) == {
        ("settings.py", "NYS302"), ("settings.py", "NYS303")}
