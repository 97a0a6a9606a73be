"""Source positions: ``ast`` gives UTF-8 byte columns, users count characters."""

from __future__ import annotations

import ast
from collections.abc import Sequence

from .spans import Span


class SourceMap:
    """Turns ``ast`` node positions into :class:`Span` values for one file."""

    def __init__(self, path: str, lines: Sequence[str]) -> None:
        self.path = path
        self._lines = lines

    def _char_col(self, line: int, byte_col: int) -> int:
        if 1 <= line <= len(self._lines):
            text = self._lines[line - 1]
            if not text.isascii():
                return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))
        return byte_col

    def span(self, node: ast.AST) -> Span:
        line = getattr(node, "lineno", 1)
        col = getattr(node, "col_offset", 0)
        end_line = getattr(node, "end_lineno", None) or line
        end_col = getattr(node, "end_col_offset", None)
        if end_col is None:
            end_col = col
        return Span(
            self.path,
            line,
            self._char_col(line, col),
            end_line,
            self._char_col(end_line, end_col),
        )
