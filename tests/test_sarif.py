"""``--format sarif`` validates against the official SARIF 2.1.0 schema and says what
code scanning needs: rule metadata, relative paths, 1-based regions, exact fixes."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from tool_runs import lint_fixtures, nylas_scopes, relative

from flake8_nylas_scopes.codes import CODES, IMPLEMENTED
from flake8_nylas_scopes.rule_docs import rule_doc

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())

AUTH = textwrap.dedent(
    """\
    from nylas import APIClient

    client = APIClient("id", "secret")
    client.authentication_url(
        "https://app.example.com/callback",
        scopes=[
            "email.modify",
            "email.read_only",
            "calendar.readonly",
        ],
    )
    client.authentication_url("https://a/cb", scopes="contacts,contacts.read_only")
    """
)


def validate(log: dict[str, Any]) -> None:
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)


def sarif(cwd: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = nylas_scopes(cwd, "check", "--isolated", "--format", "sarif", *args)
    return result.returncode, json.loads(result.stdout)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "auth.py").write_text(AUTH)
    return tmp_path


def test_fixtures_log_is_valid(lint_fixtures_copy: Path) -> None:
    paths = [relative(path) for path in lint_fixtures()]
    code, log = sarif(lint_fixtures_copy, "--select", "NYS", *paths)
    assert code == 1
    validate(log)
    assert len(log["runs"][0]["results"]) > 50


def test_log_with_errors_and_outside_paths_is_valid(project: Path, tmp_path: Path) -> None:
    (project / "app" / "broken.py").write_text("from nylas import APIClient\ndef f(:\n")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.py"
    shutil.copy(project / "app" / "auth.py", outside)
    try:
        code, log = sarif(project / "app", ".", str(outside))
    finally:
        outside.unlink()
    assert code == 2
    validate(log)
    run = log["runs"][0]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert "broken.py:2: syntax error" in notification["message"]["text"]
    uris = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in run["results"]
    }
    assert uris == {"auth.py", outside.as_uri()}


def test_rules_carry_their_documentation(project: Path) -> None:
    _, log = sarif(project, "app")
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(CODES)
    for rule in rules:
        code = CODES[rule["id"]]
        assert rule["name"] == code.slug
        assert rule["shortDescription"]["text"] == code.summary
        assert rule["fullDescription"]["text"]
        assert rule["fullDescription"]["text"] in rule_doc(code.code)
        assert rule["help"]["markdown"] == rule_doc(code.code)
        assert rule["helpUri"] == (
            "https://github.com/flake8-nylas-scopes/flake8-nylas-scopes/blob/main/"
            f"docs/rules/{code.code}.md"
        )
        assert rule["defaultConfiguration"]["enabled"] is code.enabled_by_default
        assert rule["properties"]["reportedByThisVersion"] is (code.code in IMPLEMENTED)


def test_results_point_at_relative_paths_with_one_based_regions(project: Path) -> None:
    _, log = sarif(project, "app")
    run = log["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.as_uri() + "/"
    assert run["columnKind"] == "unicodeCodePoints"
    by_rule = {result["ruleId"]: result for result in run["results"]}
    assert set(by_rule) == {"NYS101", "NYS104"}
    location = by_rule["NYS101"]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "app/auth.py", "uriBaseId": "%SRCROOT%"}
    # '"calendar.readonly"' starts in column 9 (1-based) of line 9 and is 19 characters.
    assert location["region"] == {
        "startLine": 9, "startColumn": 9, "endLine": 9, "endColumn": 28
    }
    rules = run["tool"]["driver"]["rules"]
    assert rules[by_rule["NYS101"]["ruleIndex"]]["id"] == "NYS101"
    text = nylas_scopes(project, "check", "--isolated", "app").stdout
    assert "app/auth.py:9:9: NYS101 " in text


def apply_sarif_fix(root: Path, fix: dict[str, Any]) -> dict[str, str]:
    """Apply one SARIF fix (regions 1-based, end column exclusive); the new file texts."""
    changed = {}
    for change in fix["artifactChanges"]:
        path = root / change["artifactLocation"]["uri"]
        text = path.read_text()
        lines = text.splitlines(keepends=True)

        def offset(line: int, column: int) -> int:
            return sum(len(entry) for entry in lines[:line - 1]) + column - 1

        for replacement in sorted(
            change["replacements"],
            key=lambda r: (r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"]),
            reverse=True,
        ):
            region = replacement["deletedRegion"]
            start = offset(region["startLine"], region["startColumn"])
            end = offset(region["endLine"], region["endColumn"])
            inserted = replacement.get("insertedContent", {}).get("text", "")
            text = text[:start] + inserted + text[end:]
        changed[change["artifactLocation"]["uri"]] = text
    return changed


def test_safe_fixes_remove_their_findings(project: Path) -> None:
    _, log = sarif(project, "app")
    results = log["runs"][0]["results"]
    redundant = [result for result in results if result["ruleId"] == "NYS104"]
    assert len(redundant) == 2
    original = (project / "app" / "auth.py").read_text()
    for result in redundant:
        (fix,) = result["fixes"]
        assert fix["description"]["text"].startswith("Remove ")
        (new_text,) = apply_sarif_fix(project, fix).values()
        (project / "app" / "auth.py").write_text(new_text)
        _, after = sarif(project, "app")
        remaining = [r for r in after["runs"][0]["results"] if r["ruleId"] == "NYS104"]
        assert len(remaining) == 1
        (project / "app" / "auth.py").write_text(original)
    # Each fix alone: the list item, or the part of the bare string.
    fixed_texts = [
        next(iter(apply_sarif_fix(project, result["fixes"][0]).values()))
        for result in redundant
    ]
    assert '            "email.read_only",\n' not in fixed_texts[0]
    assert 'scopes="contacts")' in fixed_texts[1]


def test_fixes_count_lines_as_python_does(tmp_path: Path) -> None:
    # A form feed in a comment ends no line: the fix's region is on the finding's line.
    source = (
        "# a\x0cb\nfrom nylas import APIClient\n"
        'APIClient().authentication_url("x", scopes=["calendar", "calendar"])\n'
    )
    (tmp_path / "app.py").write_text(source)
    _, log = sarif(tmp_path, "app.py")
    (result,) = log["runs"][0]["results"]
    (fix,) = result["fixes"]
    (replacement,) = fix["artifactChanges"][0]["replacements"]
    assert replacement["deletedRegion"]["startLine"] == 3
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


def test_unsafe_fixes_are_not_offered(project: Path) -> None:
    _, log = sarif(project, "app")
    (unknown,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "NYS101"]
    # NYS101 has a fix (a unique close name) but it is unsafe: no SARIF fix.
    assert unknown["properties"]["fix"] == {
        "available": True, "safety": "unsafe", "applies": False,
        "applies_with_unsafe_fixes": True,
        "reason": "it can change what the app is granted: applied with --unsafe-fixes",
    }
    assert "fixes" not in unknown


def test_clean_run_is_a_valid_empty_log(tmp_path: Path) -> None:
    (tmp_path / "clean.py").write_text("print('no nylas here')\n")
    code, log = sarif(tmp_path, "clean.py")
    assert code == 0
    validate(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_the_schema_check_is_not_vacuous(project: Path) -> None:
    _, log = sarif(project, "app")
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    region["startColumn"] = 0  # SARIF columns are 1-based
    with pytest.raises(jsonschema.ValidationError):
        validate(log)
