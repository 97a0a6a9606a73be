"""``get`` of a module's dict of scope lists: by a constant key (``SCOPES.get("google",
[])``) the value written at that key, or the default where the dict has no such key;
by a key not read and no default (``SCOPES.get(provider)``) one of the values, or
None, read as a request given no scope list."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_V2 = '''from nylas import APIClient

client = APIClient("id", "secret")
DEFAULT = ["email.read_only", "contacts.read_only"]
{dict}


def login(plan):
    return client.authentication_url("https://x/cb", scopes={asked})


def inbox():
    return client.messages.all()
'''
_PLANS = 'PLAN_SCOPES = {"basic": ["email.read_only", "email.send"], "pro": ["email.read_only"]}'


def _found(root: Path, asked: str, written: str = _PLANS) -> list[tuple[int, str]]:
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (root / "auth.py").write_text(_V2.format(dict=written, asked=asked))
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((f.span.line, f.code) for f in result.findings)


def test_a_constant_key_reads_its_list(tmp_path: Path) -> None:
    # email.send, written in the "basic" list, is needed by no call.
    assert _found(tmp_path, 'PLAN_SCOPES.get("basic", [])') == [(5, "NYS303")]


def test_a_constant_key_the_dict_lacks_reads_the_default(tmp_path: Path) -> None:
    # contacts.read_only of DEFAULT is needed by no call.
    assert _found(tmp_path, 'PLAN_SCOPES.get("team", DEFAULT)') == [(4, "NYS303")]


def test_a_key_not_read_without_a_default_is_each_list_or_none(tmp_path: Path) -> None:
    found = _found(tmp_path, "PLAN_SCOPES.get(plan)")
    # email.send is unused in the "basic" list; None asks for no scopes (NYS107), as
    # ``scopes=None`` does.
    assert (5, "NYS303") in found and (9, "NYS107") in found
    assert _found(tmp_path, "None") == [(9, "NYS107")]


@pytest.mark.parametrize("written", [
    _PLANS + '\nPLAN_SCOPES["basic"] = ["email.read_only", "calendar"]',
    _PLANS + "\n\n\ndef more():\n    PLAN_SCOPES.update(team=['calendar'])",
    'BASE = {"team": ["calendar"]}\n'
    'PLAN_SCOPES = {**BASE, "basic": ["email.read_only", "email.send"]}',
    'PLAN_SCOPES = {PLAN: ["email.read_only", "email.send"]}',
], ids=["written again", "updated in a function", "spread", "key not read"])
def test_a_dict_not_known_whole_is_not_read_by_a_constant_key(
        tmp_path: Path, written: str) -> None:
    found = _found(tmp_path, 'PLAN_SCOPES.get("team", DEFAULT)', written)
    assert (9 + written.count("\n"), "NYS304") in found
    assert not [code for _, code in found if code in ("NYS302", "NYS303")]
