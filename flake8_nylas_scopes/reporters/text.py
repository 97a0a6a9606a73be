"""flake8's output format: ``path:line:col: CODE message``, the column 1-based."""

from __future__ import annotations

from ..commands.check import CheckResult
from ..findings import Finding


def format_finding(finding: Finding) -> str:
    span = finding.span
    # ``Finding.message`` starts with the code, as flake8 requires of a plugin.
    return f"{span.path}:{span.line}:{span.col + 1}: {finding.message}"


def render_text(result: CheckResult) -> str:
    return "".join(f"{format_finding(finding)}\n" for finding in result.findings)
