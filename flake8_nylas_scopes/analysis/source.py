"""Source positions: ``ast`` gives UTF-8 byte columns, users count characters."""

from __future__ import annotations

import ast
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from ..spans import Span


class SourceMap:
    """Turns ``ast`` node positions into :class:`Span` values for one file."""

    def __init__(self, path: str, lines: Sequence[str]) -> None:
        self.path = path
        self._lines = lines
        # For each non-ASCII line asked about: the byte offset where each character
        # starts, so that a column costs a binary search, not a re-encoding of the
        # line (a long line of many items would make that quadratic).
        self._char_starts: dict[int, list[int]] = {}
        # Most files are ASCII throughout: their byte columns are character columns,
        # and a span needs no look at its lines (a module asks for thousands).
        self._ascii = all(text.isascii() for text in lines)
        # One span per range: a call, its statement and the records about them are
        # often the same range, and a large project's facts hold ~150,000 spans.
        self._spans: dict[tuple[int, int, int, int], Span] = {}

    def _char_col(self, line: int, byte_col: int) -> int:
        if 1 <= line <= len(self._lines):
            text = self._lines[line - 1]
            if not text.isascii():
                starts = self._char_starts.get(line)
                if starts is None:
                    sizes = (len(char.encode("utf-8", "surrogatepass")) for char in text)
                    starts = self._char_starts[line] = list(accumulate(sizes, initial=0))
                # A column inside a character counts that character, as decoding the
                # cut-off bytes with "replace" did.
                return min(bisect_left(starts, byte_col), len(text))
        return byte_col

    def line(self, number: int) -> str:
        """The text of a 1-based line, "" past the end."""
        return self._lines[number - 1] if 1 <= number <= len(self._lines) else ""

    def span(self, node: ast.AST) -> Span:
        line = getattr(node, "lineno", 1)
        col = getattr(node, "col_offset", 0)
        end_line = getattr(node, "end_lineno", None) or line
        end_col = getattr(node, "end_col_offset", None)
        if end_col is None:
            end_col = col
        key = (line, col, end_line, end_col)
        span = self._spans.get(key)
        if span is None:
            if not self._ascii:
                col, end_col = self._char_col(line, col), self._char_col(end_line, end_col)
            span = self._spans[key] = Span(self.path, line, col, end_line, end_col)
        return span

    def text(self, node: ast.AST, limit: int = 50) -> str:
        """The source of ``node`` as written, on one line and shortened to ``limit``
        characters as messages quote code; "" where the node has no position."""
        line, end_line = getattr(node, "lineno", 0), getattr(node, "end_lineno", None)
        col, end_col = getattr(node, "col_offset", 0), getattr(node, "end_col_offset", None)
        if not line or end_line is None or end_col is None:
            return ""
        # ``ast`` columns count UTF-8 bytes.
        pieces = [self.line(number).encode("utf-8", "surrogatepass")
                  for number in range(line, end_line + 1)]
        pieces[-1] = pieces[-1][:end_col]
        pieces[0] = pieces[0][col:]
        text = " ".join(b" ".join(pieces).decode("utf-8", "replace").split())
        return text if len(text) <= limit else text[:limit - 3] + "..."
