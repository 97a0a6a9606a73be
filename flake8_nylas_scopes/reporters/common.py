"""What the structured reporters (JSON, SARIF) say about a finding in the same way."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from ..codes import CODES, FixSafety
from ..findings import Finding

if TYPE_CHECKING:
    from ..fix.offers import FixOffer

TOOL_NAME = "nylas-scopes"
TOOL_URI = "https://github.com/flake8-nylas-scopes/flake8-nylas-scopes"

_SURROGATE = re.compile("[\ud800-\udfff]")


def json_document(document: Any) -> str:
    """``document`` as indented JSON text that can always be written as UTF-8.

    A file name that is not valid UTF-8 reaches the reports as surrogate escapes,
    which no UTF-8 encoder writes.  Outside strings JSON text holds none, so each is
    replaced by its ``\\u`` escape: the document stays valid, and a reader that
    decodes it as Python does gets the same name back (``os.fsencode`` gives its
    bytes).
    """
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"


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


def fix_json(finding: Finding, offer: FixOffer | None) -> dict[str, object]:
    """The finding's fix, and whether ``fix`` applies it (from the same plan).

    A fix is offered (``available``) only when ``fix`` applies it in one of its modes:
    an edit it refuses in both (the scope is written where the codemod does not edit,
    such as an ``Enum`` member) is no fix to offer, and ``reason`` says where to change
    the code by hand.
    """
    safety = fix_safety(finding)
    applies = safety is not None and offer is not None and offer.applies
    applies_unsafe = safety is not None and offer is not None and offer.applies_unsafe
    available = applies or applies_unsafe
    return {
        "available": available,
        "safety": safety.value if safety and available else None,
        "applies": applies,
        "applies_with_unsafe_fixes": applies_unsafe,
        "reason": offer.reason if safety is not None and offer is not None and offer.reason
        else None,
    }
