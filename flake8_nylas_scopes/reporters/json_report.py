"""``--format json``: the schema documented in ``docs/json-output.md``.

The top-level ``version`` changes only when a field changes meaning or goes away;
new fields may appear without it changing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import __version__
from ..codes import CODES
from ..commands.check import CheckResult
from ..findings import Finding
from .common import TOOL_NAME, fix_json, json_document, message_text

if TYPE_CHECKING:
    from ..fix.offers import FixOffer

SCHEMA_VERSION = 1


def finding_json(finding: Finding, offer: FixOffer | None = None) -> dict[str, Any]:
    span = finding.span
    return {
        "code": finding.code,
        "slug": CODES[finding.code].slug if finding.code in CODES else "",
        "message": message_text(finding),
        "path": span.path,
        "line": span.line,
        "column": span.col + 1,
        "end_line": span.end_line,
        "end_column": span.end_col + 1,
        "fix": fix_json(finding, offer),
        "evidence": finding.evidence_for(),
    }


def report_json(result: CheckResult) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": __version__},
        "findings": [
            finding_json(finding, result.fixes.get(finding)) for finding in result.findings
        ],
        "errors": [{"path": error.path, "message": error.message} for error in result.errors],
        "summary": {
            "files": len(result.files),
            "findings": len(result.findings),
            "errors": len(result.errors),
        },
    }


def render_json(result: CheckResult) -> str:
    return json_document(report_json(result))
