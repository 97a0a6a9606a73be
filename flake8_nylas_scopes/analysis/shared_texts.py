"""One copy of the texts and name tuples that recur across the modules of a project.

The records of every module of a project stay in memory together while it is judged.
Modules call the same functions (``client.messages.all``), read the same chains and
declare parameters of the same names, each through a string or a tuple of its own:
a tenth of the records' memory on a large project.  While a project's facts are read
(``project_texts_shared``), the facts of each module take such texts and tuples from
one table for the whole project; the table is let go once they are read, when the
records keep the copies they share.  Read outside of it (one module on its own), a
module's facts share them among themselves only, as before.

Only texts, and tuples of texts, are shared: they have no identity of their own that
any reader relies on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["SharedTexts", "project_texts_shared", "shared_texts"]


class SharedTexts:
    """One copy per distinct text, and per distinct tuple of texts."""

    __slots__ = ("_texts", "_tuples")

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._tuples: dict[tuple[str, ...], tuple[str, ...]] = {}

    def text(self, text: str) -> str:
        return self._texts.setdefault(text, text)

    def names(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """The table's copy of a tuple of texts (the empty tuple is one already)."""
        return self._tuples.setdefault(names, names) if names else names


_project: SharedTexts | None = None


def shared_texts() -> SharedTexts:
    """The table of the project being read, or a table of its own for one module."""
    return _project if _project is not None else SharedTexts()


@contextmanager
def project_texts_shared() -> Iterator[None]:
    """Facts read inside share their texts through one table (an outer read's, when
    one is going on)."""
    global _project
    outer = _project
    if outer is None:
        _project = SharedTexts()
    try:
        yield
    finally:
        _project = outer
