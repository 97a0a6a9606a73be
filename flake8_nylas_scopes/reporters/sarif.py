"""``--format sarif``: a SARIF 2.1.0 log for code scanning (GitHub, Azure DevOps, IDEs).

Paths are relative to the current directory under the ``%SRCROOT%`` base id, columns
count Unicode code points (``columnKind``), and every rule carries its documentation.
A finding carries its fix when ``fix`` applies it by default (the same plan decides,
see :mod:`..fix.offers`) and the edit can be written as an exact text replacement.
"""

from __future__ import annotations

import os
import pathlib
import urllib.parse
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..codes import CODES, IMPLEMENTED, Code, FixSafety
from ..commands.check import CheckResult
from ..findings import Finding, Fix, FixAction
from ..rule_docs import rule_doc, rule_url, section
from .common import TOOL_NAME, TOOL_URI, fix_json, json_document, message_text

if TYPE_CHECKING:
    from ..fix.offers import FixOffer
    from ..fix.text_edits import TextEdit

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
            # The bytes of the name: a name that is not UTF-8 has no other spelling.
            uri = urllib.parse.quote(os.fsencode(relative.replace(os.sep, "/")))
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


def _fixes(
    finding: Finding, offer: FixOffer | None, artifacts: _Artifacts
) -> list[dict[str, Any]]:
    """The planned edit, when ``fix`` applies it by default and it is exact text."""
    fix = finding.fix
    if fix is None or offer is None or not offer.applies or offer.edit is None:
        return []
    return [{
        "description": {"text": _fix_description(fix)},
        "artifactChanges": [{
            "artifactLocation": artifacts.location(fix.span.path),
            "replacements": [_replacement(offer.edit)],
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
    rule_index = {code: number for number, code in enumerate(CODES)}
    results = []
    for finding in result.findings:
        span = finding.span
        offer = result.fixes.get(finding)
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
            "properties": {
                "fix": fix_json(finding, offer), "evidence": finding.evidence_for()
            },
        }
        finding_fixes = _fixes(finding, offer, artifacts)
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
    return json_document(report_sarif(result))
