"""A wrapper that copies its scopes parameter, or its fallback, into a new list before
the request (``scopes = list(scopes or DEFAULT)``, ``[*(scopes or DEFAULT), "x"]``)
sends what its callers pass (or the fallback), with the list's own items: read so,
and unresolved where a part of the copy cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tool_runs import analyse_package

CALLS = '''
from nylas import APIClient


def inbox(token):
    return [m.subject for m in APIClient("id", "secret", token).messages.all()]


def agenda(token):
    return [e.title for e in APIClient("id", "secret", token).events.all()]
'''


def _wrapper(body: str, callers: str = 'ask(), ask(["email.read_only", "calendar"])') -> str:
    return f'''
from nylas import APIClient

client = APIClient("id", "secret")
DEFAULT = ["email.read_only", "calendar.read_only", "contacts.read_only"]


def ask(scopes=None):
{body}
    return client.authentication_url("https://a.example/cb", scopes=scopes)


def login():
    return {callers}
'''


def _findings(root: Path, views: str) -> list[tuple[int, str, str]]:
    result = analyse_package(root, {"app/calls.py": CALLS, "app/views.py": views})
    return sorted((f.span.line, f.code, f.message) for f in result.findings)


COPIES = {
    "list": "    scopes = list(scopes or DEFAULT)",
    "tuple": "    scopes = tuple(scopes or DEFAULT)",
    "sorted": "    scopes = sorted(scopes or DEFAULT)",
    "conditional": "    scopes = list(DEFAULT if scopes is None else scopes)",
    "spread": "    scopes = [*(scopes or DEFAULT)]",
}


@pytest.mark.parametrize("body", COPIES.values(), ids=list(COPIES))
def test_a_copied_fallback_is_read_as_the_plain_one(tmp_path: Path, body: str) -> None:
    found = _findings(tmp_path, _wrapper(body))
    # ``ask()`` asks for DEFAULT, whose contacts no call needs; the caller's own list
    # asks for a calendar broader than the calls need.
    assert [(line, code) for line, code, _ in found] == [(5, "NYS303"), (14, "NYS302")], found
    assert "'contacts.read_only'" in found[0][2] and "'calendar'" in found[1][2], found


def test_a_spread_fallback_adds_the_list_s_own_items(tmp_path: Path) -> None:
    body = '    scopes = [*(scopes or DEFAULT), "contacts"]'
    found = _findings(tmp_path, _wrapper(body, 'ask(["email.read_only", "calendar.read_only"])'))
    # Every request holds the added contacts, which no call needs; the fallback's
    # own contacts.read_only is covered by them (NYS103 would need a second request).
    codes = [(line, code) for line, code, _ in found]
    assert (9, "NYS303") in codes and "NYS304" not in {code for _, code in codes}, found
    assert all("'contacts'" in message for line, code, message in found
               if (line, code) == (9, "NYS303")), found


def test_a_spread_fallback_with_needed_items_claims_nothing(tmp_path: Path) -> None:
    body = '    scopes = [*(scopes or ["email.read_only"]), "calendar.read_only"]'
    found = _findings(tmp_path, _wrapper(body, "ask()"))
    assert found == [], found


CONTROLS = {
    "an element read at run time": "    scopes = [*(scopes or DEFAULT), extra_scope()]",
    "a fallback read at run time": "    scopes = list(scopes or load_scopes())",
    "a copy of itself twice": "    scopes = [*(scopes or DEFAULT), *scopes]",
    "a copy changed after": "    scopes = list(scopes or DEFAULT)\n    scopes.append('contacts')",
    "a copy under a branch": "    if DEFAULT:\n        scopes = list(scopes or DEFAULT)",
    "a copy with a key": "    scopes = sorted(scopes or DEFAULT, key=rank)",
}


@pytest.mark.parametrize("body", CONTROLS.values(), ids=list(CONTROLS))
def test_a_copy_the_analysis_cannot_read_stays_unresolved(tmp_path: Path, body: str) -> None:
    found = _findings(tmp_path, _wrapper(body))
    codes = {code for _, code, _ in found}
    assert not codes & {"NYS301", "NYS302", "NYS303"}, found
    assert "NYS304" in codes, found


def test_a_string_copied_by_the_wrapper_stays_unresolved(tmp_path: Path) -> None:
    # ``[*"a,b"]`` is a list of characters, not the scopes the string names.
    body = '    scopes = [*(scopes or DEFAULT), "calendar"]'
    found = _findings(tmp_path, _wrapper(body, 'ask("email.read_only,calendar")'))
    assert [(line, code) for line, code, _ in found if code == "NYS304"] == [(10, "NYS304")], found
    assert not [f for f in found if f[0] == 14], found
