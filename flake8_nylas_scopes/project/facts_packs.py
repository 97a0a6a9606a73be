"""The cached facts of many modules in few files ("packs").

A cold run analyses every module of a project, and one file per module cost a file
creation each: as much as a tenth of the run on a busy disk.  A run writes the
entries it made into one new pack; a reader takes every pack of the directory, the
newest entry of a module first.  Each run after an edit adds a small pack, so when
packs pile up a run that read every module's entry writes the entries it used into
one pack and removes the packs it read (entries of modules that are gone, or of an
older text, go with them).

A pack holds one line per module: the module's real path as JSON, a tab, and the
entry as the cache wrote it.  JSON text holds no raw tab or newline, so a line is
split without parsing it, and only the entries asked for are parsed.  Packs are
written through a temporary file renamed into place, so a reader never sees part
of one; a damaged line only makes its module analysed again.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable

PACK_SUFFIX = ".pack"
# An entry in the text of its pack: the text, where the entry starts and ends.
_Place = tuple[str, int, int]
# Packs read before a run that reads every entry writes them into one.
_MAX_PACKS = 4
# Packs read before a run merges them even when it did not read every entry.
_MAX_PACKS_UNMERGED = 32


class FactsPacks:
    """The packs of one directory, as one run reads and adds to them."""

    def __init__(self, directory: str, write: Callable[[str, str], None]) -> None:
        self.directory = directory
        self._write = write
        # Where the newest entry of each module (by its path as JSON) is in the text
        # of its pack, read on first use.
        self._lines: dict[str, _Place] | None = None
        self._read: list[str] = []  # the packs read, oldest first
        self._used: dict[str, str] = {}  # entries found valid: kept when packs are joined
        self._added: dict[str, str] = {}  # entries made since the last flush

    def get(self, name: str) -> str | None:
        """The newest entry stored for the module ``name`` (its path as JSON)."""
        if self._lines is None:
            self._lines = self._places()
        # Taken out: a run asks for each module once, and a pack's text is freed as
        # soon as every entry of it was read.
        place = self._lines.pop(name, None)
        if place is None:
            return None
        text, start, end = place
        return text[start:end]

    def used(self, name: str, entry: str) -> None:
        """``entry`` was valid: keep it should the packs be joined into one."""
        if len(self._read) >= _MAX_PACKS:
            self._used[name] = entry

    def add(self, name: str, entry: str) -> None:
        self._added[name] = entry

    def flush(self, complete: bool) -> None:
        """Write the entries added since the last flush into a new pack.

        ``complete``: every module whose entry the next run may want was asked for,
        so the entries used and added are all that is worth keeping.  Otherwise the
        packs are only merged, every entry kept, and only when there are many.
        """
        join = complete and len(self._read) >= _MAX_PACKS
        merge = not join and len(self._read) >= _MAX_PACKS_UNMERGED
        if merge:
            read = {path: text[start:end] for path, (text, start, end) in self._places().items()}
            lines = {**read, **self._added}
        elif join:
            lines = {**self._used, **self._added}
        else:
            lines = self._added
        if lines:
            name = f"facts-{time.time_ns()}-{os.getpid()}{PACK_SUFFIX}"
            text = "".join(f"{path}\t{entry}\n" for path, entry in lines.items())
            self._write(os.path.join(self.directory, name), text)
        if join or merge:
            for old in self._read:
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(self.directory, old))
            self._read = []
        self._used.clear()
        self._added.clear()

    def _places(self) -> dict[str, _Place]:
        """Where every pack's entries are, by module, newer packs' over older ones'.

        Each entry stays in its pack's text until it is asked for: a copy of each,
        made and freed one by one while the facts of others are built, would leave
        the memory of the process full of holes where the judge could not reuse it.
        """
        lines: dict[str, _Place] = {}
        packs: list[tuple[int, str]] = []
        try:
            with os.scandir(self.directory) as found:
                for item in found:
                    if item.name.endswith(PACK_SUFFIX):
                        with contextlib.suppress(OSError):
                            if item.is_file(follow_symlinks=False):
                                packs.append((item.stat(follow_symlinks=False).st_mtime_ns,
                                              item.name))
        except OSError:
            return lines
        packs.sort()
        self._read = []
        for _, name in packs:
            try:
                with open(os.path.join(self.directory, name), encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, ValueError):
                continue  # removed meanwhile by another run, or damaged
            self._read.append(name)
            start, size = 0, len(text)
            while start < size:
                end = text.find("\n", start)
                if end < 0:
                    end = size
                tab = text.find("\t", start, end)
                if tab >= 0:
                    lines[text[start:tab]] = (text, tab + 1, end)
                start = end + 1
        return lines
