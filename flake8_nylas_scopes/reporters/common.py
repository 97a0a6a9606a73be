"""What the structured reporters (JSON, SARIF) say about a finding in the same way."""

from __future__ import annotations

from ..codes import CODES, FixSafety
from ..findings import Finding

TOOL_NAME = "nylas-scopes"
TOOL_URI = "https://github.com/flake8-nylas-scopes/flake8-nylas-scopes"


def message_text(finding: Finding) -> str:
    """The message without the leading code that flake8 needs and structured output has
    in its own field."""
    prefix = f"{finding.code} "
    message = finding.message
    return message[len(prefix):] if message.startswith(prefix) else message


def fix_safety(finding: Finding) -> FixSafety | None:
    """The safety of the finding's fix; None when the finding carries no fix."""
    safety = CODES[finding.code].fix if finding.code in CODES else FixSafety.NONE
    if finding.fix is None or safety is FixSafety.NONE:
        return None
    return safety


def fix_json(finding: Finding) -> dict[str, object]:
    safety = fix_safety(finding)
    return {"available": safety is not None, "safety": safety.value if safety else None}
