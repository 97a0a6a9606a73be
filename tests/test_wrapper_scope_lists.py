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
              nys304: bool = True, more_files: dict[str, str] | None = None,
              ) -> list[tuple[str, int, str, str]]:
    files = {"app/__init__.py": "", "app/calls.py": _CALLS, "app/settings.py": settings,
             "app/auth.py": _AUTH.format(body=body), "app/views.py": views,
             **(more_files or {})}
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


# The caller's own list, given by name to the wrapper; ``{change}`` is what else the
# module does with it.
_OWN_VIEWS = '''from app.auth import ask

SUP_SCOPES = [{items}]
{change}

def supervisor_login(email):
    return ask(scopes=SUP_SCOPES, email=email)
'''
_BOTH = '"email.read_only", "calendar.read_only"'


def _own_views(change: str = "", items: str = _BOTH) -> str:
    return _OWN_VIEWS.format(items=items, change=change)


def _call_line(views: str) -> int:
    return views.splitlines().index("    return ask(scopes=SUP_SCOPES, email=email)") + 1


@pytest.mark.parametrize("change", [
    'SUP_SCOPES.append("contacts.read_only")\n',
    'SUP_SCOPES += ["contacts.read_only"]\n',
])
def test_a_callers_own_list_it_changes_is_unresolved_at_the_call(
        tmp_path: Path, change: str) -> None:
    views = _own_views(change)
    found = _findings(tmp_path, views)
    # Before, the argument was dropped: no request for this caller, and no word.
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("views.py", _call_line(views), "NYS304")], found
    assert "'SUP_SCOPES'" in found[0][3], found


def test_a_callers_changed_list_lacking_a_needed_scope_is_not_called_missing(
        tmp_path: Path) -> None:
    # The events read needs a calendar scope the list does not hold; the append may
    # add it, so neither this request nor the default one is called missing.
    views = _own_views('SUP_SCOPES.append(extra_scope())\n', items='"email.read_only"')
    found = _findings(tmp_path, views)
    assert [(name, code) for name, _, code, _ in found] == [("views.py", "NYS304")], found
    assert _findings(tmp_path / "quiet", views, nys304=False) == []


_THREE = '"email.read_only", "calendar.read_only", "contacts.read_only"'


@pytest.mark.parametrize("passed", ["scopes=SUP_SCOPES, email=email", "SUP_SCOPES, email"])
def test_a_callers_own_list_is_judged_as_its_request(tmp_path: Path, passed: str) -> None:
    views = _own_views(items=_THREE).replace("scopes=SUP_SCOPES, email=email", passed)
    found = _findings(tmp_path, views)
    # The events read needs calendar.read_only; nothing reads contacts.  Before, the
    # list counted as handed to code that may change it: no finding, no NYS304.
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("views.py", 3, "NYS303")], found
    assert "'contacts.read_only'" in found[0][3], found


_CHANGING_AUDIT = ("def audit(scopes):\n    scopes.append('contacts.read_only')\n\n\n"
                   "def describe(scopes):\n    return ', '.join(scopes)\n")


@pytest.mark.parametrize(("change", "body"), [
    pytest.param("from app.audit import audit\naudit(SUP_SCOPES)\n", _COPY,
                 id="handed-to-a-project-function-changing-it"),
    pytest.param("import somelib\nsomelib.register(SUP_SCOPES)\n", _COPY,
                 id="handed-to-a-library"),
    pytest.param("from app.audit import describe\ndescribe(scopes=SUP_SCOPES)\n", _COPY,
                 id="given-to-a-project-function-not-read-as-a-request"),
    pytest.param("", "    scopes.extend(['contacts.read_only'])\n" + _COPY,
                 id="wrapper-changes-its-parameter"),
    pytest.param("", "    audit(scopes=scopes)\n" + _COPY, id="wrapper-hands-it-on"),
])
def test_a_callers_own_list_changed_elsewhere_stays_unresolved(
        tmp_path: Path, change: str, body: str) -> None:
    views = _own_views(change, items=_THREE)
    found = _findings(tmp_path, views, body=body,
                      more_files={"app/audit.py": _CHANGING_AUDIT})
    assert not _claims(found), found
    assert "NYS304" in {code for _, _, code, _ in found}, found


def test_a_callers_own_list_holding_a_name_stays_unresolved_at_the_call(
        tmp_path: Path) -> None:
    views = _own_views(items='"email.read_only", "calendar.read_only", os.environ["EXTRA"]'
                       ).replace("from app.auth", "import os\nfrom app.auth")
    found = _findings(tmp_path, views)
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("views.py", _call_line(views), "NYS304")], found


def test_a_callers_parameter_passed_on_to_the_wrapper_is_unresolved_at_the_call(
        tmp_path: Path) -> None:
    # ``login`` passes its own parameter on: what its callers give is not followed, so
    # the request the wrapper makes for it is unresolved where ``login`` passes it.
    # Before, the argument was dropped with no word.
    views = _own_views(items=_THREE).replace(
        "def supervisor_login(email):\n    return ask(scopes=SUP_SCOPES, email=email)",
        "def login(scopes, email):\n    return ask(scopes=scopes, email=email)\n\n\n"
        "def supervisor_login(email):\n    return login(SUP_SCOPES, email)")
    found = _findings(tmp_path, views)
    line = views.splitlines().index("    return ask(scopes=scopes, email=email)") + 1
    assert [(name, number, code) for name, number, code, _ in found] == [
        ("views.py", line, "NYS304")], found
    assert "'scopes'" in found[0][3], found


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


_REBOUND_GOOGLE = '''from requests_oauthlib import OAuth2Session


def _google(scopes):
    return OAuth2Session("id", scope=scopes)


ask = _google
'''


@pytest.mark.parametrize("caller", [
    "from app.google import ask\n\n\ndef g():\n    return ask(scopes=settings.SUPERVISOR_SCOPES)\n",
    "from app.google import _google\n\n\ndef g():\n    ask = _google\n"
    "    return ask(scopes=settings.SUPERVISOR_SCOPES)\n",
], ids=["imported", "local"])
def test_another_librarys_wrapper_rebound_to_the_wrappers_name_keeps_the_list_silent(
        tmp_path: Path, caller: str) -> None:
    # ``ask`` here is the Google wrapper, not the Nylas one of app/auth.py.
    google_views = "from app import settings\n" + caller
    found = _findings(tmp_path, _views(), more_files={
        "app/google.py": _REBOUND_GOOGLE, "app/google_views.py": google_views})
    assert not _claims(found), found
