"""``--format json``: the documented schema, field by field."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

from tool_runs import ROOT, json_field_names, nylas_scopes

from flake8_nylas_scopes import __version__

AUTH = textwrap.dedent(
    """\
    from nylas import APIClient

    client = APIClient("id", "secret")
    client.authentication_url(
        "https://app.example.com/callback",
        scopes=["email.modify", "email.read_only", "calendar.readonly", "offline_access"],
    )
    client.authentication_url("https://app.example.com/callback", scopes=[])
    """
)
FINDING_KEYS = {
    "code", "slug", "message", "path", "line", "column", "end_line", "end_column", "fix",
    "evidence",
}


def report(cwd: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = nylas_scopes(cwd, "check", "--isolated", "--format", "json", *args)
    return result.returncode, json.loads(result.stdout)


def test_findings_have_every_documented_field(tmp_path: Path) -> None:
    (tmp_path / "auth.py").write_text(AUTH)
    code, data = report(tmp_path, "auth.py")
    assert code == 1
    assert set(data) == {"version", "tool", "findings", "errors", "summary"}
    assert data["version"] == 1
    assert data["tool"] == {"name": "nylas-scopes", "version": __version__}
    assert data["summary"] == {"files": 1, "findings": 4, "errors": 0}
    assert data["errors"] == []
    by_code = {finding["code"]: finding for finding in data["findings"]}
    for finding in data["findings"]:
        assert set(finding) == FINDING_KEYS
    assert by_code["NYS104"] == {
        "code": "NYS104",
        "slug": "redundant-scope",
        "message": "'email.read_only' is already granted by 'email.modify'; remove it",
        "path": "auth.py",
        "line": 6,
        "column": 29,
        "end_line": 6,
        "end_column": 46,
        "fix": {"available": True, "safety": "safe", "applies": True,
                "applies_with_unsafe_fixes": True, "reason": None},
        "evidence": [],
    }
    # A unique close name: an unsafe fix; no close name: no fix at all.
    unknown = [f for f in data["findings"] if f["code"] == "NYS101"]
    no_fix = {"available": False, "safety": None, "applies": False,
              "applies_with_unsafe_fixes": False, "reason": None}
    assert [f["fix"] for f in unknown] == [
        {"available": True, "safety": "unsafe", "applies": False,
         "applies_with_unsafe_fixes": True,
         "reason": "it can change what the app is granted: applied with --unsafe-fixes"},
        no_fix,
    ]
    assert by_code["NYS107"]["fix"] == no_fix


def test_columns_match_the_text_output(tmp_path: Path) -> None:
    (tmp_path / "auth.py").write_text(AUTH)
    _, data = report(tmp_path, "auth.py")
    text = nylas_scopes(tmp_path, "check", "--isolated", "auth.py").stdout.splitlines()
    assert text == [
        f"{f['path']}:{f['line']}:{f['column']}: {f['code']} {f['message']}"
        for f in data["findings"]
    ]


def test_file_errors_are_listed(tmp_path: Path) -> None:
    (tmp_path / "auth.py").write_text(AUTH)
    (tmp_path / "broken.py").write_text("from nylas import APIClient\ndef f(:\n")
    code, data = report(tmp_path, ".")
    assert code == 2
    assert data["errors"] == [
        {"path": "broken.py", "message": "broken.py:2: syntax error: invalid syntax"}
    ]
    assert data["summary"] == {"files": 2, "findings": 4, "errors": 1}




def test_documented_fields_are_the_emitted_fields(tmp_path: Path) -> None:
    (tmp_path / "auth.py").write_text(AUTH)
    (tmp_path / "broken.py").write_text("import nylas\ndef f(:\n")
    _, data = report(tmp_path, ".")
    page = (ROOT / "docs" / "json-output.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_.\[\]]+)` \|", page, re.MULTILINE))
    assert json_field_names(data) == documented
