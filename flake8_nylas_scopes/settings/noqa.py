"""``# noqa`` comments, read the way flake8 reads them.

The fix command must leave alone exactly what flake8 would not report, so the
patterns and the matching rules below follow flake8's own (``flake8.defaults`` and
``flake8.violation``): a bare ``# noqa`` silences every code, ``# noqa: NYS1,E501``
silences codes starting with one of the listed prefixes, the comment is searched for
in the physical line (all lines of a multi-line string count as one), and a
``# flake8: noqa`` line on its own turns the whole file off.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Sequence

NOQA_INLINE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.I)
NOQA_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.I)
_SEPARATORS = re.compile(r"[,\s]")


def noqa_suppresses(text: str, code: str) -> bool:
    """Whether ``text`` (a physical line) holds a ``noqa`` comment covering ``code``."""
    match = NOQA_INLINE.search(text)
    if match is None:
        return False
    codes_text = match.group("codes")
    if codes_text is None:
        return True
    codes = tuple(part.strip() for part in _SEPARATORS.split(codes_text) if part.strip())
    return code in codes or code.startswith(codes)


class NoqaLines:
    """The ``noqa`` view of one file: which text flake8 searches for each line."""

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = list(lines)
        self.file_ignored = any(NOQA_FILE.match(line) for line in self._lines)
        self._joined = _multi_line_tokens(self._lines)

    def text_for(self, line: int) -> str:
        joined = self._joined.get(line)
        if joined is not None:
            return joined
        return self._lines[line - 1] if 1 <= line <= len(self._lines) else ""

    def suppresses(self, line: int, code: str) -> bool:
        return self.file_ignored or noqa_suppresses(self.text_for(line), code)


def _multi_line_tokens(lines: Sequence[str]) -> dict[int, str]:
    """Lines between two line breaks, joined, for ranges longer than one line.

    flake8 searches for ``noqa`` in the text from one NL/NEWLINE token to the next,
    which differs from the physical line only where a token (a triple-quoted string)
    spans several lines.
    """
    joined: dict[int, str] = {}
    readline = io.StringIO("".join(lines)).readline
    first, last = len(lines) + 2, -1
    try:
        for token in tokenize.generate_tokens(readline):
            if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
                continue
            first = min(first, token.start[0])
            last = max(last, token.end[0])
            if token.type in (tokenize.NL, tokenize.NEWLINE):
                if last > first:
                    text = "".join(lines[first - 1:last])
                    joined.update(dict.fromkeys(range(first, last + 1), text))
                first, last = len(lines) + 2, -1
    except (tokenize.TokenError, SyntaxError):
        return {}
    return joined
