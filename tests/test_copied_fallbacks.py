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


# The same copies written in the request itself.
INLINE_COPIES = {
    "list": "list(scopes or DEFAULT)",
    "tuple": "tuple(scopes or DEFAULT)",
    "sorted": "sorted(scopes or DEFAULT)",
    "conditional": "list(DEFAULT if scopes is None else scopes)",
}


def _inline(copy: str, callers: str = 'ask(), ask(["email.read_only", "calendar"])') -> str:
    return _wrapper("    pass", callers).replace("scopes=scopes)", f"scopes={copy})")


@pytest.mark.parametrize("copy", INLINE_COPIES.values(), ids=list(INLINE_COPIES))
def test_a_copy_written_in_the_request_is_read_as_the_statement_form(
        tmp_path: Path, copy: str) -> None:
    found = _findings(tmp_path, _inline(copy))
    # As ``test_a_copied_fallback_is_read_as_the_plain_one``: DEFAULT's contacts are
    # unused, the caller's calendar is broader than the calls need.
    assert [(line, code) for line, code, _ in found] == [(5, "NYS303"), (14, "NYS302")], found
    assert "'contacts.read_only'" in found[0][2] and "'calendar'" in found[1][2], found


SETTINGS = 'TECHNICIAN_SCOPES = ["email.read_only", "email.modify"]\n'


def _technician(copy: str, signature: str = "scopes=None, state=''") -> str:
    return f'''
from nylas import APIClient

from app import settings

client = APIClient("id", "secret")
DEFAULT = ["email.read_only", "calendar.read_only"]


def ask({signature}):
    return client.authentication_url("https://a.example/cb", scopes={copy}, state=state)


def technician_login():
    return ask(scopes=settings.TECHNICIAN_SCOPES)
'''


@pytest.mark.parametrize("copy", [
    "list(scopes or DEFAULT)", "sorted(scopes if scopes else DEFAULT)", "tuple(scopes)",
    "scopes or DEFAULT",
], ids=["list", "sorted", "plain tuple", "or without a copy"])
def test_a_callers_list_copied_in_the_request_is_judged_where_it_is_written(
        tmp_path: Path, copy: str) -> None:
    # The copy hands the settings list to no other code: the technician's request is
    # judged, and ``email.read_only`` is already granted by ``email.modify``.
    result = analyse_package(tmp_path, {"app/calls.py": CALLS, "app/settings.py": SETTINGS,
                                        "app/views.py": _technician(copy)})
    found = {(Path(f.span.path).name, f.code) for f in result.findings}
    assert ("settings.py", "NYS104") in found, found
    assert "NYS304" not in {code for _, code in found}, found


def test_a_callers_list_copied_then_handed_to_other_code_stays_unresolved(
        tmp_path: Path) -> None:
    # ``tweak`` gets the caller's very list, and may be any code.
    views = _technician("list(scopes or DEFAULT)").replace(
        "    return client.authentication_url",
        "    tweak(scopes)\n    return client.authentication_url")
    result = analyse_package(tmp_path, {"app/calls.py": CALLS, "app/settings.py": SETTINGS,
                                        "app/views.py": views})
    codes = {f.code for f in result.findings}
    assert "NYS304" in codes and not codes & {"NYS301", "NYS302", "NYS303"}, result.findings


@pytest.mark.parametrize("copy", [
    "list(scopes or load_scopes())", "sorted(scopes or DEFAULT, key=rank)",
    "list(scopes or DEFAULT, *more)", "list(list(scopes or DEFAULT))",
], ids=["read at run time", "a key", "more arguments", "a copy of a copy"])
def test_a_copy_in_the_request_the_analysis_cannot_read_stays_unresolved(
        tmp_path: Path, copy: str) -> None:
    found = _findings(tmp_path, _inline(copy))
    codes = {code for _, code, _ in found}
    assert not codes & {"NYS301", "NYS302", "NYS303"}, found
    assert "NYS304" in codes, found


def test_a_string_copied_in_the_request_stays_unresolved(tmp_path: Path) -> None:
    # ``list("a,b")`` is a list of characters, not the scopes the string names.
    found = _findings(tmp_path, _inline("list(scopes)", 'ask("email.read_only,calendar")'))
    assert [(line, code) for line, code, _ in found] == [(10, "NYS304")], found


@pytest.mark.parametrize("written", ["statement", "request"])
def test_a_plain_copy_of_the_parameter_is_what_its_callers_pass(
        tmp_path: Path, written: str) -> None:
    callers = 'ask(["email.read_only", "calendar"])'
    views = _wrapper("    scopes = list(scopes)", callers) if written == "statement" else (
        _inline("list(scopes)", callers))
    found = _findings(tmp_path, views)
    # ``list(None)`` raises: the None default sends no request (no NYS107 for it).
    assert [(line, code) for line, code, _ in found] == [(14, "NYS302")], found
