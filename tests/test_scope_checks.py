"""Scope names the app compares with its grant (``if SCOPE not in token.scope:``).

Such a check may refuse every login without the scope, whatever the Nylas calls
need: the scope is neither unused nor broader than needed (NYS302, NYS303, NYS405),
and NYS304 says where the check is.  A scope named only in a request list or in a
docstring is no check.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from flake8_nylas_scopes.analysis.checked_scopes import checked_scopes
from flake8_nylas_scopes.analysis.facts import ModuleFacts
from flake8_nylas_scopes.analysis.module import module_facts
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
_CLAIMS = frozenset({"NYS302", "NYS303", "NYS304", "NYS405"})

_V3_APP = f'''from nylas import Client

nylas = Client("key")
SEND = "{G}gmail.send"
SCOPES = ["{G}gmail.send", "{G}calendar.readonly"]
REQUIRED = ["{G}gmail.send"]


def login():
    return nylas.auth.url_for_oauth2({{"client_id": "x", "redirect_uri": "https://x/cb",
        "provider": "google", "scope": SCOPES}})


def callback(code):
    """Exchanges the code; the grant must include {G}gmail.send."""
    token = nylas.auth.exchange_code_for_token({{"code": code, "client_id": "x"}})
{{check}}
    return token


def calendars(grant_id):
    return nylas.calendars.list(grant_id)
'''

_V2_APP = '''from nylas import APIClient

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://x/cb",
                                     scopes=["email.read_only", "email.send", "calendar"])


def inbox(token):
    client.access_token = token
    return client.messages.all()


def check(granted, kind):
{check}
'''


def _claims(tmp_path: Path, app: str, check: str) -> list[tuple[int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(app.replace("{check}", check))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings
                  if f.code in _CLAIMS)


@pytest.mark.parametrize("check", [
    '    if "https://www.googleapis.com/auth/gmail.send" not in token.scope:\n'
    '        raise PermissionError("send permission missing")',
    "    if SEND not in token.scope:\n        raise PermissionError(SEND)",
    '    assert any(s == "https://www.googleapis.com/auth/gmail.send"\n'
    "               for s in token.scope)",
    '    if not {"https://www.googleapis.com/auth/gmail.send"}.issubset(token.scope):\n'
    "        raise PermissionError",
    '    missing = {"https://www.googleapis.com/auth/gmail.send"} - set(token.scope)\n'
    "    if missing:\n        raise PermissionError(missing)",
    # A constant of required scopes that is not the request list.
    "    if not set(REQUIRED).issubset(token.scope):\n        raise PermissionError",
    # The function's own.
    f'    required = {{"{G}gmail.send"}}\n'
    "    if not required.issubset(token.scope):\n        raise PermissionError",
    f'    send = "{G}gmail.send"\n'
    "    if send not in token.scope:\n        raise PermissionError",
])
def test_a_scope_the_app_checks_for_is_not_called_unused(tmp_path: Path, check: str) -> None:
    found = _claims(tmp_path, _V3_APP, check)
    assert [code for _, code, _ in found] == ["NYS304"]
    assert "gmail.send" in found[0][2]


@pytest.mark.parametrize("check", [
    # Named only in the request list and a docstring: no check.
    "    pass",
    # Only the request list itself is compared with the grant: a scope taken out of
    # the list is no longer checked for.
    "    if set(SCOPES) - set(token.scope):\n        raise PermissionError",
    # A test of the app's own list asks what it requests, not what was granted.
    f'    if "{G}gmail.send" in SCOPES:\n        print("sends")',
    f'    if "{G}gmail.send" in REQUIRED:\n        print("sends")',
    f'    mine = ["{G}gmail.send"]\n    if "{G}gmail.send" in mine:\n        print("sends")',
    # A union builds a list: it compares nothing.
    f'    wanted = {{"{G}gmail.send"}} | set(token.scope)',
])
def test_a_scope_named_without_a_check_is_still_judged(tmp_path: Path, check: str) -> None:
    found = _claims(tmp_path, _V3_APP, check)
    assert [code for _, code, _ in found] == ["NYS303"]
    assert "gmail.send" in found[0][2]


def test_a_v2_scope_the_app_checks_for_is_not_called_unused(tmp_path: Path) -> None:
    found = _claims(tmp_path, _V2_APP, '    if "email.send" in granted:\n        return True')
    # calendar is still unused; email.send is checked.
    assert [(code, "'calendar'" in message) for _, code, message in found] == [
        ("NYS303", True), ("NYS304", False)]


def test_an_ordinary_word_compared_with_something_else_is_no_check(tmp_path: Path) -> None:
    # ``kind == "calendar"`` compares a kind of thing, not the grant: calendar stays
    # unused, as email.send does unchecked.
    found = _claims(tmp_path, _V2_APP, '    return kind == "calendar"')
    assert [code for _, code, _ in found] == ["NYS303", "NYS303"]


def test_an_ordinary_word_compared_with_scopes_is_a_check(tmp_path: Path) -> None:
    found = _claims(tmp_path, _V2_APP, '    return "calendar" in granted.scopes')
    assert [(code, "'email.send'" in message) for _, code, message in found] == [
        ("NYS303", True), ("NYS304", False)]


def test_only_compared_scope_names_are_recorded() -> None:
    tree = ast.parse(
        'SEND = "email.send"\n'
        'SCOPES = ["email.read_only", "contacts"]\n'
        '"""email.modify in a docstring"""\n'
        'ok = SEND in granted and "calendar" not in token.scopes\n'
        'own = "email.send" in SCOPES or "Mail.Send" in settings.NYLAS_SCOPES\n'
        'same = kind == "contacts" or other == "not.a.scope"\n'
        'extra = granted.issuperset(("Mail.Send",)) and {"Mail.Read"} & have\n')
    names = {"SEND": tree.body[0].value}  # type: ignore[attr-defined]
    found = checked_scopes(tree, names.get, {"SEND", "SCOPES"}.__contains__).names
    assert [(line, name) for line, _, name in found] == [
        (4, "email.send"), (4, "calendar"), (7, "Mail.Send"), (7, "Mail.Read")]


def test_the_checked_names_survive_the_cache() -> None:
    text = ('from nylas import Client\n\n'
            'def callback(token):\n'
            '    return "email.send" in token.scope\n')
    facts = module_facts(ast.parse(text), "app.py", text.splitlines(True), "app", flow=True)
    assert facts.checked_scopes == [(4, 11, "email.send")]
    again = ModuleFacts.from_json(json.loads(json.dumps(facts.to_json())))
    assert again.checked_scopes == facts.checked_scopes


_CONSTS = f'''SEND_SCOPE = "{G}gmail.send"
SCOPES = [SEND_SCOPE, "{G}calendar.readonly"]
'''
_CALLBACK = '''from nylas import Client

from . import consts

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({"client_id": "x", "redirect_uri": "https://x/cb",
        "provider": "google", "scope": consts.SCOPES})


def callback(code):
    token = nylas.auth.exchange_code_for_token({"code": code, "client_id": "x"})
{check}
    return token


def calendars(grant_id):
    return nylas.calendars.list(grant_id)
'''


def _package_claims(tmp_path: Path, check: str) -> list[str]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "consts.py").write_text(_CONSTS)
    (package / "views.py").write_text(_CALLBACK.replace("{check}", check))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted(f.code for f in result.findings if f.code in _CLAIMS)


def test_a_scope_constant_of_another_module_checked_for_is_kept(tmp_path: Path) -> None:
    check = "    if consts.SEND_SCOPE not in token.scope:\n        raise PermissionError"
    assert _package_claims(tmp_path, check) == ["NYS304"]


def test_the_request_list_of_another_module_checked_whole_is_no_check(tmp_path: Path) -> None:
    # Control: a scope taken out of the list is no longer checked for.
    check = "    if set(consts.SCOPES) - set(token.scope):\n        raise PermissionError"
    assert _package_claims(tmp_path, check) == ["NYS303"]
