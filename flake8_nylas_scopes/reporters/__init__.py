"""Output formats of ``nylas-scopes check``: each turns a check result into text."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..commands.check import CheckResult
from .json_report import render_json
from .sarif import render_sarif
from .text import render_text

Reporter = Callable[[CheckResult], str]

REPORTERS: Mapping[str, Reporter] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
}
