"""A settings module's scope list added to at its top behind flags
(``NYLAS_SCOPES = [...]``, then ``if os.environ.get("CALENDAR"):
NYLAS_SCOPES.append("calendar")``) is read by other modules as each list it may be
once the module has run; a change anywhere else (a function, a loop, another module,
after the list is handed on) leaves it unresolved (NYS304)."""

from __future__ import annotations

from pathlib import Path

import pytest
from codemod_support import run_cli

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_SETTINGS = '''import os
DEBUG = os.environ.get("DEBUG")
NYLAS_SCOPES = ["email.read_only", "email.send"]
{body}
'''

_AUTH = '''from nylas import APIClient
{imports}

client = APIClient("id", "secret")


def login_url():
    return client.authentication_url("https://x/cb", scopes={read})


def inbox():
    return client.messages.all()
'''

_FROM = ("from settings import NYLAS_SCOPES", "NYLAS_SCOPES")
_MODULE = ("import settings", "settings.NYLAS_SCOPES")
_DJANGO = ("from django.conf import settings", "settings.NYLAS_SCOPES")

_GROWN = ('if os.environ.get("CALENDAR_ENABLED"):\n    NYLAS_SCOPES.append("calendar")\n'
          'if DEBUG:\n    NYLAS_SCOPES += ["contacts.read_only"]')


def _findings(root: Path, body: str, read: tuple[str, str] = _FROM,
              auth_extra: str = "") -> list[tuple[str, int, str]]:
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (root / "settings.py").write_text(_SETTINGS.format(body=body))
    (root / "auth.py").write_text(
        _AUTH.format(imports=read[0], read=read[1]) + auth_extra)
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


@pytest.mark.parametrize("read", [_FROM, _MODULE, _DJANGO])
def test_a_settings_list_grown_behind_flags_is_each_list_it_may_be(
        tmp_path: Path, read: tuple[str, str]) -> None:
    # Only email.read_only is needed: email.send, calendar and contacts.read_only
    # are each unused in some list the app may request.
    assert _findings(tmp_path, _GROWN, read) == [
        ("settings.py", 3, "NYS303"), ("settings.py", 5, "NYS303"),
        ("settings.py", 7, "NYS303")]


@pytest.mark.parametrize("change", [
    'NYLAS_SCOPES.append("calendar")',
    'NYLAS_SCOPES += ["calendar"]',
    'NYLAS_SCOPES.extend(("calendar",))',
    'NYLAS_SCOPES = NYLAS_SCOPES + ["calendar"]',
])
def test_each_way_of_adding_is_read(tmp_path: Path, change: str) -> None:
    body = f"if DEBUG:\n    {change}"
    assert _findings(tmp_path, body) == [("settings.py", 3, "NYS303"),
                                         ("settings.py", 5, "NYS303")]
    run = run_cli("fix", "--unsafe-fixes", str(tmp_path))
    assert "settings.py:5:" in run.stderr and "added by a statement" in run.stderr


def test_a_scope_a_call_needs_is_not_reported_unused(tmp_path: Path) -> None:
    extra = "\n\ndef events():\n    return client.events.all()\n"
    found = _findings(tmp_path, _GROWN, auth_extra=extra)
    # As for a function's list grown behind flags: calendar is needed, and broader
    # than the read-only calls need; each request is judged on its own.
    assert found == [("settings.py", 3, "NYS303"), ("settings.py", 5, "NYS302"),
                     ("settings.py", 7, "NYS303")]


@pytest.mark.parametrize("body", [
    # A function of the settings module may add to it at any time.
    _GROWN + '\n\ndef enable_more():\n    NYLAS_SCOPES.append("calendar")',
    # A loop, a try: not read.
    'for extra in os.environ.get("EXTRA", "").split():\n    NYLAS_SCOPES.append(extra)',
    'try:\n    NYLAS_SCOPES.append("calendar")\nexcept ValueError:\n    pass',
    # Handed on before it is added to: the other holder sees the change later.
    'register = print\nregister(NYLAS_SCOPES)\nif DEBUG:\n    NYLAS_SCOPES.append("calendar")',
    'BASE = NYLAS_SCOPES\nif DEBUG:\n    NYLAS_SCOPES.append("calendar")',
    # Changed by another kind of change, or bound again later.
    'if DEBUG:\n    NYLAS_SCOPES.remove("email.send")',
    'if DEBUG:\n    NYLAS_SCOPES.append("calendar")\nNYLAS_SCOPES = ["contacts"]',
    'if DEBUG:\n    NYLAS_SCOPES.append("calendar")\nfrom local import *',
])
def test_other_changes_stay_unresolved(tmp_path: Path, body: str) -> None:
    found = _findings(tmp_path, body)
    assert ("auth.py", 8, "NYS304") in found
    assert not [f for f in found if f[2] in ("NYS302", "NYS303")]


def test_a_change_in_another_module_stays_unresolved(tmp_path: Path) -> None:
    extra = '\n\ndef more():\n    NYLAS_SCOPES.append("contacts")\n'
    found = _findings(tmp_path, _GROWN, auth_extra=extra)
    assert ("auth.py", 8, "NYS304") in found
    assert not [f for f in found if f[2] in ("NYS302", "NYS303")]


def test_the_fix_removes_a_written_item_and_leaves_added_ones(tmp_path: Path) -> None:
    _findings(tmp_path, _GROWN)
    run = run_cli("fix", "--unsafe-fixes", str(tmp_path))
    reason = ("NYS303 not fixed: the scope is added by a statement the fix does not "
              "edit (an append, extend or += of the list); remove that statement by hand")
    assert f"settings.py:5:25: {reason}" in run.stderr
    assert f"settings.py:7:22: {reason}" in run.stderr
    assert "last scope left" not in run.stderr
    assert (tmp_path / "settings.py").read_text() == _SETTINGS.format(body=_GROWN).replace(
        '["email.read_only", "email.send"]', '["email.read_only"]')
