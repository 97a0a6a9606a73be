"""A dict of scope lists looked up by a key that is not read (``PLANS[plan]``) is read
as each of its lists whatever its name, where every list holds only strings written
whole and names a scope; any other dict stays unread (NYS304)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_V2_APP = '''import os

from nylas import APIClient

PLANS = {plans}
{more}
nylas = APIClient(os.environ["NYLAS_ID"], os.environ["NYLAS_SECRET"])


def login(plan):
    return nylas.authentication_url("https://a.example/cb", scopes={scopes})


def inbox():
    return nylas.messages.all()
'''
_PLANS = '{"free": ["email.read_only"], "pro": ["email.read_only", "calendar"]}'
_PLANS_LINE = 5
_REQUEST_LINE = 11


def _codes(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    for name, text in files.items():
        (tmp_path / "app" / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


@pytest.mark.parametrize("scopes", ["PLANS[plan]", 'PLANS.get(plan, ["email.read_only"])'],
                         ids=["subscript", "get"])
def test_a_dict_of_scope_lists_named_otherwise_is_read(tmp_path: Path, scopes: str) -> None:
    # Each list is a request: the pro plan's "calendar" is needed by no call.  Before,
    # NYS304 "cannot read a scopes value from 'PLANS[plan]'".
    app = _V2_APP.format(plans=_PLANS, more="", scopes=scopes)
    assert _codes(tmp_path, {"main.py": app}) == [("main.py", _PLANS_LINE, "NYS303")]


@pytest.mark.parametrize(("plans", "more"), [
    ('{"free": ["basic"], "pro": ["basic", "reports"]}', ""),
    ('{"scopes": ["email.read_only", "calendar"], "hosts": ["a.example"]}', ""),
    ('{"free": ["email.read_only"], "pro": ["calendar", os.environ["EXTRA"]]}', ""),
    ('{"free": ["email.read_only"], "pro": ["calendar", *EXTRA]}',
     'EXTRA = os.environ["EXTRA"].split()'),
    (_PLANS, 'PLANS["pro"].append("contacts")'),
    (_PLANS, 'PLANS[os.environ["PLAN"]] = ["contacts"]'),
], ids=["no-scope-names", "a-list-of-other-strings", "an-unread-string", "spread",
        "appended-to", "a-key-added"])
def test_another_dict_looked_up_stays_unresolved(tmp_path: Path, plans: str, more: str) -> None:
    app = _V2_APP.format(plans=plans, more=more, scopes="PLANS[plan]")
    found = _codes(tmp_path, {"main.py": app})
    assert ("main.py", _REQUEST_LINE, "NYS304") in found, found
    assert [code for _, _, code in found if code in ("NYS302", "NYS303", "NYS405")] == [], found


_V3_APP = '''import os

from nylas import Client

PLANS = {
    "free": ["https://www.googleapis.com/auth/gmail.readonly"],
    "pro": ["https://www.googleapis.com/auth/gmail.readonly",
            "https://www.googleapis.com/auth/calendar"],
}
nylas = Client(os.environ["NYLAS_API_KEY"])


def login(plan):
    return nylas.auth.url_for_oauth2({
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": PLANS[plan],
    })


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''


def test_a_v3_dict_of_provider_scope_lists_named_otherwise_is_read(tmp_path: Path) -> None:
    assert _codes(tmp_path, {"main.py": _V3_APP}) == [("main.py", 8, "NYS303")]


_IMPORTER = _V2_APP.replace("PLANS = {plans}\n{more}", "from app.plans import PLANS\n")


@pytest.mark.parametrize(("plans", "expected"), [
    (_PLANS, [("plans.py", 1, "NYS303")]),
    ('{"free": ["basic"], "pro": ["basic", "calendar"]}', [("main.py", _REQUEST_LINE, "NYS304")]),
], ids=["scope-lists", "a-list-of-other-strings"])
def test_another_modules_dict_looked_up(
        tmp_path: Path, plans: str, expected: list[tuple[str, int, str]]) -> None:
    files = {"plans.py": f"PLANS = {plans}\n",
             "main.py": _IMPORTER.format(scopes="PLANS[plan]")}
    assert _codes(tmp_path, files) == expected
