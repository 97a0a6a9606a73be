"""A redundant scope (NYS104, NYS403) whose includer the usage rules narrow to it
(NYS302, NYS405) names both ways to fix the list, so that the two messages do not
read as a contradiction; the fixes themselves do not change."""

from __future__ import annotations

import json
from pathlib import Path

from codemod_support import run_cli

from flake8_nylas_scopes.findings import FixAction
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_V2 = '''from nylas import APIClient

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://x.example/cb", scopes={scopes})


def work():
{body}
'''

_V3 = '''from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "https://x.example/cb", "provider": "google",
        "scope": {scopes},
    }})


def work(gid):
{body}
'''

_GMAIL = "https://www.googleapis.com/auth/gmail."


def _project(tmp_path: Path, template: str, scopes: str, body: str) -> Path:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(template.format(scopes=scopes, body=body))
    return tmp_path


def _messages(project: Path) -> dict[str, str]:
    result = analyse([str(project)], make_config(), lambda code: True, use_cache=False)
    return {finding.code: finding.message for finding in result.findings}


def test_v2_redundant_scope_names_dropping_its_overbroad_includer(tmp_path: Path) -> None:
    project = _project(tmp_path, _V2, '["email.modify", "email.read_only"]',
                       "    return client.messages.all()")
    messages = _messages(project)
    assert messages["NYS302"] == (
        "NYS302 'email.modify' is broader than the code needs; "
        "request 'email.read_only' instead")
    assert messages["NYS104"] == (
        "NYS104 'email.read_only' is already granted by 'email.modify'; remove it, "
        "or keep it and drop 'email.modify', which the code does not need (NYS302)")


def test_v3_redundant_scope_names_dropping_its_restricted_includer(tmp_path: Path) -> None:
    project = _project(tmp_path, _V3, f'["{_GMAIL}modify", "{_GMAIL}labels"]',
                       "    return nylas.folders.list(gid)")
    assert _messages(project)["NYS403"] == (
        f"NYS403 '{_GMAIL}labels' is already granted by '{_GMAIL}modify'; remove it, "
        f"or keep it and drop '{_GMAIL}modify', which the code does not need (NYS405)")


def test_a_narrowing_to_more_scopes_names_the_others(tmp_path: Path) -> None:
    body = "    client.messages.all()\n    client.drafts.create().send()"
    project = _project(tmp_path, _V2, '["email", "email.read_only"]', body)
    assert _messages(project)["NYS104"] == (
        "NYS104 'email.read_only' is already granted by 'email'; remove it, "
        "or keep it and request 'email.send' instead of 'email' (NYS302)")


def test_an_unused_includer_leaves_the_advice_to_remove(tmp_path: Path) -> None:
    # Nothing needs 'email.modify', so nothing needs what it includes: both go.
    project = _project(tmp_path, _V2, '["email.modify", "email.read_only", "calendar"]',
                       "    return client.calendars.all()")
    messages = _messages(project)
    assert messages["NYS303"].startswith("NYS303 'email.modify' is requested but no")
    assert messages["NYS104"] == (
        "NYS104 'email.read_only' is already granted by 'email.modify'; remove it")


def test_a_narrowing_to_another_scope_leaves_the_advice_to_remove(tmp_path: Path) -> None:
    # 'email.send' serves no call: narrowing 'email' does not keep it.
    project = _project(tmp_path, _V2, '["email", "email.send"]',
                       "    return client.messages.all()")
    messages = _messages(project)
    assert "request 'email.read_only' instead" in messages["NYS302"]
    assert messages["NYS104"] == (
        "NYS104 'email.send' is already granted by 'email'; remove it")


def test_scopes_the_list_writes_already_are_not_asked_for_again(tmp_path: Path) -> None:
    body = "    client.messages.all()\n    client.drafts.create().send()"
    project = _project(tmp_path, _V2, '["email", "email.read_only", "email.send"]', body)
    result = analyse([str(project)], make_config(), lambda code: True, use_cache=False)
    assert sorted(f.message for f in result.findings if f.code == "NYS104") == [
        "NYS104 'email.read_only' is already granted by 'email'; remove it, "
        "or keep it and drop 'email', which the code does not need (NYS302)",
        "NYS104 'email.send' is already granted by 'email'; remove it, "
        "or keep it and drop 'email', which the code does not need (NYS302)",
    ]


def test_a_needed_includer_leaves_the_advice_to_remove(tmp_path: Path) -> None:
    body = '    client.messages.all()\n    client.messages.get("m").mark_as_read()'
    project = _project(tmp_path, _V2, '["email.modify", "email.read_only"]', body)
    messages = _messages(project)
    assert "NYS302" not in messages
    assert messages["NYS104"] == (
        "NYS104 'email.read_only' is already granted by 'email.modify'; remove it")


def test_the_fixes_and_the_reports_stay_as_they_were(tmp_path: Path) -> None:
    project = _project(tmp_path, _V2, '["email.modify", "email.read_only"]',
                       "    return client.messages.all()")
    result = analyse([str(project)], make_config(), lambda code: True, use_cache=False)
    redundant = next(f for f in result.findings if f.code == "NYS104")
    assert redundant.fix is not None and redundant.fix.action is FixAction.REMOVE
    assert redundant.fix.text == "email.read_only"
    report = json.loads(run_cli("check", "--format", "json", str(project)).stdout)
    assert [f["message"] for f in report["findings"] if f["code"] == "NYS104"] == [
        redundant.message.removeprefix("NYS104 ")]
    app = project / "app.py"
    run_cli("fix", str(project))
    assert 'scopes=["email.modify"]' in app.read_text()
    run_cli("fix", "--unsafe-fixes", str(project))
    assert 'scopes=["email.read_only"]' in app.read_text()
