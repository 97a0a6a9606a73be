"""Source ranges, shared by every kind of fact."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A source range: 1-based lines, 0-based character columns."""

    path: str
    line: int
    col: int
    end_line: int
    end_col: int

    def to_json(self) -> list[Any]:
        return [self.path, self.line, self.col, self.end_line, self.end_col]

    def contains(self, other: Span) -> bool:
        return (
            self.path == other.path
            and (self.line, self.col) <= (other.line, other.col)
            and (other.end_line, other.end_col) <= (self.end_line, self.end_col)
        )

    @classmethod
    def from_json(cls, data: list[Any], share: Callable[[str], str] = str) -> Span:
        """``share`` may map equal paths to one string: a module's spans all carry
        its path, and each read from JSON would otherwise be a copy of its own."""
        path, line, col, end_line, end_col = data
        return cls(share(str(path)), int(line), int(col), int(end_line), int(end_col))


def source_lines(text: str) -> list[str]:
    """``text`` in lines as Python and flake8 count them, each with its line break.

    Python ends a line only at "\\n", "\\r\\n" and "\\r"; ``str.splitlines`` also ends
    one at a form feed, "\\x1c"-"\\x1e", "\\x85", "\\u2028" and more, which would shift
    every later line of a file that has one in a comment or a string.
    """
    return io.StringIO(text, newline="").readlines()
