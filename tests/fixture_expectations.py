"""Reading expected findings from fixture files.

An expected finding is a trailing comment on the line it is reported on:
``# NYS104``, several as ``# NYS104, NYS201``, or with flake8's 1-based column as
``# NYS104:12``.  A first-line header ``# nylas-options: select=NYS203; providers=imap``
sets options for the file.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

EXPECTATION = re.compile(r"^#\s*(NYS\d{3}(?::\d+)?(?:\s*,\s*NYS\d{3}(?::\d+)?)*)\s*$")
OPTIONS = re.compile(r"^#\s*nylas-options:\s*(.*)$")


@dataclass(frozen=True)
class Expected:
    line: int
    code: str
    col: int | None  # 1-based, as flake8 prints it


def expectations(source: str) -> list[Expected]:
    found: list[Expected] = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.COMMENT:
            continue
        match = EXPECTATION.match(token.string)
        if not match:
            continue
        for entry in match.group(1).split(","):
            code, _, col = entry.strip().partition(":")
            found.append(Expected(token.start[0], code, int(col) if col else None))
    return found


def options(source: str) -> dict[str, list[str]]:
    first = source.splitlines()[0] if source else ""
    match = OPTIONS.match(first)
    if not match:
        return {}
    parsed: dict[str, list[str]] = {}
    for assignment in match.group(1).split(";"):
        key, _, value = assignment.partition("=")
        parsed[key.strip()] = [part.strip() for part in value.split(",") if part.strip()]
    return parsed


def fixture_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.py"))
