"""An API v3 config's ``scope`` list a function adds to behind flags before the
request (``config = {..., "scope": [READ]}``, then ``if flags.calendar:
config["scope"].append(CAL)``) is read as each list it may be; any other use of the
config before the request leaves it unresolved (NYS304)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_V3 = '''import os
from nylas import Client
from lib import register

nylas = Client(os.environ["NYLAS_API_KEY"])
READ = "https://www.googleapis.com/auth/gmail.readonly"
CAL = "https://www.googleapis.com/auth/calendar"


def login(flags, items):
    config = {{"client_id": "c", "redirect_uri": "r", "provider": "google", "scope": [READ]}}
{body}
    return nylas.auth.url_for_oauth2(config)


def digest(grant):
    return nylas.messages.list(grant).data
'''


def _codes(root: Path, body: str) -> list[tuple[int, str]]:
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (root / "auth.py").write_text(_V3.format(body=body))
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((f.span.line, f.code) for f in result.findings)


@pytest.mark.parametrize("change", [
    'config["scope"].append(CAL)',
    'config["scope"] += [CAL]',
    'config["scope"].extend([CAL])',
    'config["scope"] = config["scope"] + [CAL]',
])
def test_a_config_scope_added_to_behind_a_flag_is_each_list_it_may_be(
        tmp_path: Path, change: str) -> None:
    found = _codes(tmp_path, f"    if flags.calendar:\n        {change}")
    # The calendar scope, written on line 7, is needed by no call.
    assert found == [(7, "NYS303")]


def test_a_scope_a_call_needs_is_kept(tmp_path: Path) -> None:
    body = '    if flags.calendar:\n        config["scope"].append(CAL)'
    text = _V3.format(body=body) + (
        "\n\ndef week(grant):\n    return nylas.events.list(grant, query_params="
        "{'calendar_id': 'primary'}).data\n")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "auth.py").write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert not [f for f in result.findings if f.code in ("NYS303", "NYS302", "NYS304")]


@pytest.mark.parametrize("body", [
    '    for item in items:\n        config["scope"].append(CAL)',
    '    try:\n        config["scope"].append(CAL)\n    except ValueError:\n        pass',
    '    register(config)\n    if flags.calendar:\n        config["scope"].append(CAL)',
    '    register(config["scope"])\n    if flags.calendar:\n        config["scope"].append(CAL)',
    '    other = config["scope"]\n    if flags.calendar:\n        other.append(CAL)',
    '    if flags.calendar:\n        config["scope"].remove(READ)',
    '    if flags.calendar:\n        config["scope"].append(CAL)\n'
    '        config["include_grant_scopes"] = True',
    '    if flags.calendar:\n        config.update(scope=[CAL])',
])
def test_any_other_use_before_the_request_stays_unresolved(
        tmp_path: Path, body: str) -> None:
    found = _codes(tmp_path, body)
    assert (body.count("\n") + 13, "NYS304") in found
    assert not [code for _, code in found if code in ("NYS302", "NYS303", "NYS405")]
