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

A reader keeps where each entry is in its pack and reads it from the file when it
is asked for: a pack's whole text, held until its last entry was read, was the
largest allocation of a run with a filled cache (30 MB for 2,000 modules, at the
end of reading them, beside all of their facts).  Each pack stays open until its
entries were all read or the packs are written, so a pack replaced meanwhile (by
another run) is still read as it was.
"""

from __future__ import annotations

import contextlib
import os
import time
import weakref
from collections.abc import Callable
from typing import BinaryIO

PACK_SUFFIX = ".pack"
# An entry in its pack: the open pack, where the entry starts and how many bytes.
_Place = tuple["_OpenPack", int, int]
# Packs read before a run that reads every entry writes them into one.
_MAX_PACKS = 4
# Packs read before a run merges them even when it did not read every entry.
_MAX_PACKS_UNMERGED = 32


class _OpenPack:
    """A pack open for reading, closed once its last entry is read."""

    __slots__ = ("handle", "left")

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.left = 0  # entries not read yet

    def read(self, start: int, size: int) -> str | None:
        """The entry at ``start``; None when it cannot be read or is no UTF-8."""
        try:
            self.handle.seek(start)
            data = self.handle.read(size)
            return data.decode("utf-8") if len(data) == size else None
        except (OSError, ValueError):
            return None  # closed, or damaged: the module is analysed again
        finally:
            self.left -= 1
            if self.left <= 0:
                self.handle.close()


def _close_all(opened: list[_OpenPack]) -> None:
    for pack in opened:
        pack.handle.close()
    opened.clear()


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
        # Packs open for ``get``: closed at ``flush``, or when this object goes.
        self._open: list[_OpenPack] = []
        weakref.finalize(self, _close_all, self._open)

    def get(self, name: str) -> str | None:
        """The newest entry stored for the module ``name`` (its path as JSON)."""
        if self._lines is None:
            self._lines = self._places()
        # Taken out: a run asks for each module once, and a pack is closed as soon
        # as every entry of it was read.
        place = self._lines.pop(name, None)
        if place is None:
            return None
        pack, start, size = place
        return pack.read(start, size)

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
            read = {path: entry for path, (pack, start, size) in self._places().items()
                    if (entry := pack.read(start, size)) is not None}
            lines = {**read, **self._added}
        elif join:
            lines = {**self._used, **self._added}
        else:
            lines = self._added
        # Every entry wanted is read by now.  The packs read are closed before any is
        # removed: Windows removes no file a process holds open.  A later ``get``
        # looks at the packs again.
        _close_all(self._open)
        self._lines = None
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

        Only the places are kept, each entry read when it is asked for (see the
        module's docstring); the lines are gone through one by one, each let go
        before any module's facts are built.
        """
        _close_all(self._open)
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
                handle = open(os.path.join(self.directory, name), "rb")
            except OSError:
                continue  # removed meanwhile by another run
            pack = _OpenPack(handle)
            self._open.append(pack)
            self._read.append(name)
            start = 0
            try:
                for line in handle:
                    tab = line.find(b"\t")
                    end = len(line) - (1 if line.endswith(b"\n") else 0)
                    if 0 <= tab < end:
                        with contextlib.suppress(UnicodeDecodeError):
                            key = line[:tab].decode("utf-8")
                            replaced = lines.get(key)
                            if replaced is not None:
                                replaced[0].left -= 1
                            lines[key] = (pack, start + tab + 1, end - tab - 1)
                            pack.left += 1
                    start += len(line)
            except OSError:
                continue  # its entries read so far stay
        for pack in self._open:
            if pack.left <= 0:
                pack.handle.close()
        return lines
