"""``--format sarif``: a SARIF 2.1.0 log for code scanning (GitHub, Azure DevOps, IDEs).

Paths are relative to the current directory under the ``%SRCROOT%`` base id, columns
count Unicode code points (``columnKind``), and every rule carries its documentation.
A finding whose fix is safe carries that fix when it can be written as an exact text
replacement (see :mod:`.fix_edits`).
"""

from __future__ import annotations

import json
import os
import pathlib
import urllib.parse
from typing import Any

from .. import __version__
from ..checking import CheckResult
from ..codes import CODES, IMPLEMENTED, Code, FixSafety
from ..findings import Finding, Fix, FixAction
from ..project import InputError, read_source
from ..rule_docs import rule_doc, rule_url, section
from .common import TOOL_NAME, TOOL_URI, fix_json, fix_safety, message_text
from .fix_edits import FixEditor, TextEdit

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SOURCE_ROOT = "%SRCROOT%"


def _directory_uri(directory: str) -> str:
    uri = pathlib.Path(directory).as_uri()
    return uri if uri.endswith("/") else f"{uri}/"


class _Artifacts:
    """Artifact locations relative to the base directory when the file is below it."""

    def __init__(self, base: str) -> None:
        self.base = os.path.abspath(base)

    def location(self, path: str) -> dict[str, Any]:
        absolute = os.path.abspath(path)
        try:
            relative = os.path.relpath(absolute, self.base)
        except ValueError:  # another drive on Windows
            relative = ""
        if relative and not relative.startswith(os.pardir) and not os.path.isabs(relative):
            uri = urllib.parse.quote(relative.replace(os.sep, "/"))
            return {"uri": uri, "uriBaseId": SOURCE_ROOT}
        return {"uri": pathlib.Path(absolute).as_uri()}


def _region(line: int, col: int, end_line: int, end_col: int) -> dict[str, int]:
    # SARIF columns are 1-based and the end column is the one after the region.
    return {
        "startLine": line, "startColumn": col + 1, "endLine": end_line, "endColumn": end_col + 1
    }


def _rule(code: Code) -> dict[str, Any]:
    page = rule_doc(code.code)
    safety = code.fix.value if code.fix is not FixSafety.NONE else None
    return {
        "id": code.code,
        "name": code.slug,
        "shortDescription": {"text": code.summary},
        "fullDescription": {"text": section(page, "What it does") or code.summary},
        "helpUri": rule_url(code.code),
        "help": {"text": page, "markdown": page},
        "defaultConfiguration": {"enabled": code.enabled_by_default, "level": "warning"},
        "properties": {
            "fixSafety": safety,
            "reportedByThisVersion": code.code in IMPLEMENTED,
        },
    }


def _fix_description(fix: Fix) -> str:
    if fix.action is FixAction.REMOVE:
        return f"Remove {fix.text!r}"
    replacement = ", ".join(repr(scope) for scope in fix.replacement)
    return f"Replace {fix.text!r} with {replacement}"


class _Fixes:
    """SARIF ``fixes`` for safe fixes, one parsed source per file."""

    def __init__(self, artifacts: _Artifacts) -> None:
        self._artifacts = artifacts
        self._editors: dict[str, FixEditor | None] = {}

    def _editor(self, path: str) -> FixEditor | None:
        if path not in self._editors:
            try:
                self._editors[path] = FixEditor(path, read_source(path))
            except InputError:
                self._editors[path] = None
        return self._editors[path]

    def for_finding(self, finding: Finding) -> list[dict[str, Any]]:
        fix = finding.fix
        if fix is None or fix_safety(finding) is not FixSafety.SAFE:
            return []
        editor = self._editor(fix.span.path)
        edit = editor.edit(fix) if editor else None
        if edit is None:
            return []
        return [{
            "description": {"text": _fix_description(fix)},
            "artifactChanges": [{
                "artifactLocation": self._artifacts.location(fix.span.path),
                "replacements": [_replacement(edit)],
            }],
        }]


def _replacement(edit: TextEdit) -> dict[str, Any]:
    replacement: dict[str, Any] = {
        "deletedRegion": _region(edit.line, edit.col, edit.end_line, edit.end_col)
    }
    if edit.text:
        replacement["insertedContent"] = {"text": edit.text}
    return replacement


def report_sarif(result: CheckResult, base: str | None = None) -> dict[str, Any]:
    base_directory = os.path.abspath(base or os.getcwd())
    artifacts = _Artifacts(base_directory)
    fixes = _Fixes(artifacts)
    rule_index = {code: number for number, code in enumerate(CODES)}
    results = []
    for finding in result.findings:
        span = finding.span
        entry: dict[str, Any] = {
            "ruleId": finding.code,
            "ruleIndex": rule_index[finding.code],
            "level": "warning",
            "message": {"text": message_text(finding)},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": artifacts.location(span.path),
                    "region": _region(span.line, span.col, span.end_line, span.end_col),
                }
            }],
            "properties": {"fix": fix_json(finding), "evidence": finding.evidence_for()},
        }
        finding_fixes = fixes.for_finding(finding)
        if finding_fixes:
            entry["fixes"] = finding_fixes
        results.append(entry)
    notifications = [
        {
            "level": "error",
            "message": {"text": error.message},
            "locations": [
                {"physicalLocation": {"artifactLocation": artifacts.location(error.path)}}
            ],
        }
        for error in result.errors
    ]
    run = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "fullName": "flake8-nylas-scopes",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": TOOL_URI,
                "rules": [_rule(code) for code in CODES.values()],
            }
        },
        "invocations": [{
            "executionSuccessful": not result.errors,
            "toolExecutionNotifications": notifications,
        }],
        "originalUriBaseIds": {SOURCE_ROOT: {"uri": _directory_uri(base_directory)}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(result: CheckResult) -> str:
    return json.dumps(report_sarif(result), indent=2, ensure_ascii=False) + "\n"
