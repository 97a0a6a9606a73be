"""Places named in a finding's text, kept as spans until output is written.

A finding's message and evidence may point at other places ("the scopes requested at
views.py:12").  The analysis keeps those places as spans with absolute paths and
marks them in the text; a front end shows each one when it writes the output,
relative to its own current directory.  A stored result, reused from another
directory, then prints what a fresh run there prints.

The mark is a NUL-delimited index: Python source cannot hold a NUL byte, so no text
read from the code under analysis can contain one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence

from .spans import Span

PathNamer = Callable[[str], str]

_MARK = re.compile("\x00([0-9]+)\x00")


def display_path(path: str) -> str:
    """``path`` relative to the current directory when it is below it."""
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


def path_namer(given: Sequence[str]) -> PathNamer:
    """How to show a path: as given on the command line (as ``check`` shows findings),
    or, for another file (a constant's module), relative to the current directory."""
    named = {os.path.abspath(path): path for path in given}

    def name(path: str) -> str:
        return named.get(os.path.abspath(path)) or display_path(path)

    return name


class PlaceMarks:
    """Collects the places of one finding and gives the mark that stands for each."""

    def __init__(self) -> None:
        self.spans: list[Span] = []

    def mark(self, span: Span) -> str:
        for number, known in enumerate(self.spans):
            if (known.path, known.line) == (span.path, span.line):
                return f"\x00{number}\x00"
        self.spans.append(span)
        return f"\x00{len(self.spans) - 1}\x00"

    def marks(self, spans: Sequence[Span]) -> str:
        """Several places, in file and line order, each once."""
        ordered = sorted({(span.path, span.line): span for span in spans}.items())
        return ", ".join(self.mark(span) for _, span in ordered)


def render(text: str, places: Sequence[Span], name: PathNamer = display_path) -> str:
    """``text`` with each mark replaced by ``path:line`` of its place."""
    if "\x00" not in text:
        return text

    def shown(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number >= len(places):
            return "?"
        span = places[number]
        return f"{name(span.path)}:{span.line}"

    return _MARK.sub(shown, text)
