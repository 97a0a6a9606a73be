"""A config dict whose ``scope`` each branch of an ``if`` writes before the request is
one of the requests it may be, as ``"scope": A if cond else B`` is; a write the order
of statements does not place (a loop, after the call, a branch that may leave the key
unset) stays unresolved (NYS304)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

GOOGLE = "https://www.googleapis.com/auth/"

APP = '''
from nylas import Client

nylas = Client("key")
GOOGLE_SCOPES = ["{google}gmail.readonly", "{google}calendar"]
MICROSOFT_SCOPES = ["Mail.Read", "Calendars.Read"]


def login(provider):
    request = {{"client_id": "c", "redirect_uri": "https://a.example/cb",
               "provider": provider{made_with}}}
{branches}
    return nylas.auth.url_for_oauth2(request)


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''

IF_ELSE = '''\
    if provider == "microsoft":
        request["scope"] = MICROSOFT_SCOPES
    else:
        request["scope"] = GOOGLE_SCOPES
'''


def _findings(tmp_path: Path, branches: str, made_with: str = "") -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(
        APP.format(branches=branches, made_with=made_with, google=GOOGLE))
    result = analyse([str(tmp_path)], make_config(),
                     lambda code: True, use_cache=False)
    return sorted((f.code, f.message) for f in result.findings)


def _unused(found: list[tuple[str, str]]) -> list[str]:
    return sorted(message.split("'")[1] for code, message in found if code == "NYS303")


READ = {
    "if and else": IF_ELSE,
    "elif and else": IF_ELSE.replace("    else:\n", '    elif provider == "google":\n') + (
        '    else:\n        request["scope"] = ["Mail.Read"]\n'),
}


@pytest.mark.parametrize("branches", READ.values(), ids=list(READ))
def test_a_scope_written_in_each_branch_is_read_as_each_request(
        tmp_path: Path, branches: str) -> None:
    found = _findings(tmp_path, branches)
    assert [code for code, _ in found] == ["NYS303", "NYS303"], found
    assert _unused(found) == ["Calendars.Read", f"{GOOGLE}calendar"]


def test_a_branch_without_a_write_keeps_the_scope_the_dict_was_made_with(
        tmp_path: Path) -> None:
    branches = IF_ELSE.replace("    else:\n", '    elif provider == "google":\n')
    found = _findings(tmp_path, branches, made_with=', "scope": ["Mail.Read", "Mail.Send"]')
    assert _unused(found) == ["Calendars.Read", "Mail.Send", f"{GOOGLE}calendar"], found
    assert [code for code, _ in found] == ["NYS303"] * 3, found


UNREAD = {
    "in a loop": "    for _ in range(2):\n" + IF_ELSE.replace("\n    ", "\n        ").replace(
        "    if", "        if", 1),
    "a branch may leave it unset": IF_ELSE.replace(
        "    else:\n", '    elif provider == "google":\n'),
    "written twice in a branch": IF_ELSE.replace(
        '        request["scope"] = GOOGLE_SCOPES\n',
        '        request["scope"] = GOOGLE_SCOPES\n        request["scope"] = ["Mail.Read"]\n'),
}


@pytest.mark.parametrize("branches", UNREAD.values(), ids=list(UNREAD))
def test_a_scope_written_where_the_order_does_not_say_stays_unresolved(
        tmp_path: Path, branches: str) -> None:
    found = _findings(tmp_path, branches)
    assert [code for code, _ in found] == ["NYS304"], found
    assert "cannot tell which 'scope'" in found[0][1]


def test_a_scope_written_after_the_request_stays_unresolved(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(APP.format(branches="", made_with="", google=GOOGLE).replace(
        "    return nylas.auth.url_for_oauth2(request)\n",
        "    url = nylas.auth.url_for_oauth2(request)\n" + IF_ELSE + "    return url\n"))
    result = analyse([str(tmp_path)], make_config(),
                     lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS304"], result.findings
