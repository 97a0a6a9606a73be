"""A function's scope list added to behind flags before the request
(``scopes = [...]``, then ``if settings.CALENDAR_ENABLED: scopes.append("calendar")``)
is read as each list it may be there; any other use of the list before the request
leaves it unresolved (NYS304)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_V2 = '''from nylas import APIClient
from lib import register

client = APIClient("id", "secret")


def auth_url(settings, items):
    scopes = ["email.read_only", "email.send"]
{body}
    return client.authentication_url("http://cb", scopes=scopes)


def inbox():
    return client.messages.all()
'''


def _codes(root: Path, text: str) -> list[tuple[int, str]]:
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (root / "auth.py").write_text(text)
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((f.span.line, f.code) for f in result.findings)


@pytest.mark.parametrize("change", [
    'scopes.append("calendar")',
    'scopes += ["calendar"]',
    'scopes.extend(("calendar",))',
    'scopes = scopes + ["calendar"]',
])
def test_a_list_added_to_behind_a_flag_is_each_list_it_may_be(
        tmp_path: Path, change: str) -> None:
    found = _codes(tmp_path, _V2.format(body=f"    if settings.CALENDAR_ENABLED:\n"
                                             f"        {change}"))
    # Neither email.send nor calendar is needed; email.read_only is.
    assert found == [(8, "NYS303"), (10, "NYS303")]


def test_each_branch_adds_its_own_scope(tmp_path: Path) -> None:
    body = ('    if settings.A:\n        scopes.append("calendar")\n'
            '    else:\n        scopes.append("contacts.read_only")')
    assert _codes(tmp_path, _V2.format(body=body)) == [
        (8, "NYS303"), (10, "NYS303"), (12, "NYS303")]


def test_a_list_that_already_holds_the_scope_is_asked_about(tmp_path: Path) -> None:
    body = '    if "calendar" not in scopes:\n        scopes.append("calendar")'
    assert _codes(tmp_path, _V2.format(body=body)) == [(8, "NYS303"), (10, "NYS303")]


@pytest.mark.parametrize("body", [
    '    for item in items:\n        scopes.append("calendar")',
    '    try:\n        scopes.append("calendar")\n    except ValueError:\n        pass',
    '    register(scopes)\n    if settings.A:\n        scopes.append("calendar")',
    '    other = scopes\n    if settings.A:\n        other.append("calendar")',
    '    if register(scopes):\n        scopes.append("calendar")',
    '    if settings.A:\n        scopes.insert(0, "calendar")',
    '    with settings.lock:\n        scopes.append("calendar")',
    '    if settings.A:\n        scopes.append("calendar")\n'
    '    def more():\n        scopes.append("contacts.read_only")\n    more()',
])
def test_any_other_use_before_the_request_stays_unresolved(
        tmp_path: Path, body: str) -> None:
    found = _codes(tmp_path, _V2.format(body=body))
    assert (body.count("\n") + 10, "NYS304") in found
    assert "NYS303" not in {code for _, code in found}


def test_a_list_bound_from_another_list_without_a_copy_stays_unresolved(
        tmp_path: Path) -> None:
    text = _V2.format(body='    if settings.A:\n        scopes.append("calendar")').replace(
        'scopes = ["email.read_only", "email.send"]', "scopes = BASE").replace(
        "client = APIClient", 'BASE = ["email.read_only"]\nclient = APIClient')
    found = _codes(tmp_path, text)
    assert "NYS303" not in {code for _, code in found}


def test_a_v3_scope_list_grown_behind_a_flag(tmp_path: Path) -> None:
    text = '''from nylas import Client

nylas = Client(api_key="k")
READ = "https://www.googleapis.com/auth/gmail.readonly"


def login(flags):
    scope = [READ]
    if flags.calendar:
        scope.append("https://www.googleapis.com/auth/calendar")
    config = {"client_id": "c", "redirect_uri": "r", "provider": "google",
              "scope": scope}
    return nylas.auth.url_for_oauth2(config)


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''
    assert _codes(tmp_path, text) == [(10, "NYS303")]


def test_a_list_read_later_by_a_closure_stays_unresolved(tmp_path: Path) -> None:
    text = '''from nylas import APIClient

client = APIClient("id", "secret")


def auth_url(settings):
    scopes = ["email.read_only"]
    if settings.A:
        scopes.append("email.send")

    def build():
        return client.authentication_url("http://cb", scopes=scopes)

    scopes.append("calendar")
    return build


def later(settings):
    scopes = ["email.read_only"]
    if settings.A:
        scopes.append("email.send")
    build = lambda: client.authentication_url("http://cb", scopes=scopes)  # noqa: E731
    scopes.append("calendar")
    return build


def inbox():
    return client.messages.all()
'''
    found = _codes(tmp_path, text)
    assert (12, "NYS304") in found and (22, "NYS304") in found
    assert "NYS303" not in {code for _, code in found}
