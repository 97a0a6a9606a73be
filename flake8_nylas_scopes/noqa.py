"""``# noqa`` comments, read as flake8 reads them, so the CLI hides what flake8 hides.

flake8 looks for the comment on the finding's line; for a statement or string that
spans several lines, on the text of all of them.  ``# noqa`` hides every code,
``# noqa: NYS104,NYS2`` the codes with those prefixes.  A line ``# flake8: noqa``
skips the whole file.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Sequence

# flake8.defaults.NOQA_INLINE_REGEXP and NOQA_FILE.
_INLINE = re.compile(
    r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE
)
_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.IGNORECASE)
_SEPARATOR = re.compile(r"[,\s]")


def file_is_skipped(lines: Sequence[str]) -> bool:
    return any(_FILE.match(line) for line in lines)


def noqa_lines(lines: Sequence[str]) -> dict[int, str]:
    """Line number to the text searched for ``noqa`` (``FileProcessor._noqa_line_mapping``)."""
    mapping: dict[int, str] = {}
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO("".join(lines)).readline))
    except (tokenize.TokenError, SyntaxError):
        return mapping
    first, last = len(lines) + 2, -1
    for token in tokens:
        if token.type in {tokenize.ENDMARKER, tokenize.DEDENT}:
            continue
        first = min(first, token.start[0])
        last = max(last, token.end[0])
        if token.type in {tokenize.NL, tokenize.NEWLINE}:
            joined = "".join(lines[first - 1:last])
            mapping.update(dict.fromkeys(range(first, last + 1), joined))
            first, last = len(lines) + 2, -1
    return mapping


def is_suppressed(code: str, line_text: str) -> bool:
    """Whether a ``# noqa`` comment in ``line_text`` hides ``code``."""
    match = _INLINE.search(line_text)
    if match is None:
        return False
    codes_text = match.group("codes")
    if codes_text is None:
        return True
    codes = tuple(code for code in _SEPARATOR.split(codes_text) if code.strip())
    return code.startswith(codes)


class NoqaFilter:
    """Answers "does a comment hide this finding?" for the lines of one file."""

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = lines
        self.skips_file = file_is_skipped(lines)
        self._mapping: dict[int, str] | None = None

    def hides(self, code: str, line: int) -> bool:
        if self.skips_file:
            return True
        if self._mapping is None:
            self._mapping = noqa_lines(self._lines)
        text = self._mapping.get(line)
        if text is None and 1 <= line <= len(self._lines):
            text = self._lines[line - 1]
        return text is not None and is_suppressed(code, text)
