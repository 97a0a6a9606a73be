"""A JSON cache of module facts, inside the project's own cache directory.

An entry per module, keyed by the module's path, in a few files (``facts_packs``); an
entry is valid only for the same size, modification time, tool version and analysis
settings.  Each entry carries the digest of its facts, so that a judged result can be
reused for files whose facts did not change (see ``reuse``).  Writes go to a temporary
file that is then renamed, so concurrent runs (``flake8 --jobs``) never see half a
file; a corrupt or foreign entry is ignored and rebuilt.  Never pickle: the cache is
plain JSON and is never executed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from stat import S_ISREG
from typing import TYPE_CHECKING, Any, NamedTuple

try:
    import fcntl

    _FILE_LOCKS = True
except ImportError:  # pragma: no cover - Windows: no turn taking, only more work
    _FILE_LOCKS = False

from .. import __version__
from .facts_packs import FactsPacks
from .walk import Listing, WalkIndex

if TYPE_CHECKING:
    from ..analysis.facts import ModuleFacts

CACHE_DIRECTORY = ".nylas-scopes-cache"
# Beside the per-file entries: which files mention Nylas (see load_mentions), the
# project's directory listings (see load_walk) and its last judged result (see
# load_result).
MENTIONS_INDEX = "mentions-index.json"
WALK_INDEX = "walk-index.json"
RESULT_INDEX = "project-result.json"
NEIGHBOURS_INDEX = "neighbours-index.json"
_JUDGING_LOCK = "judging.lock"
_FORMAT = 79
# Numbers the temporary files of this process, whose id is in their names too.
_TEMPORARY_NUMBERS = itertools.count()
# What another build of the analyser left unchanged this long is removed.
_STALE_SECONDS = 7 * 24 * 3600


# A file around a project as last read: its size, times, what it mentions and what it
# imports (see ``neighbours``).
Seen = tuple[int, int, int, int, tuple[str, ...]]


class NeighbourLook(NamedTuple):
    """The last look at the repository around a project: its listings, each file as
    read, and the files found to use Nylas (kept while nothing changed, since finding
    them follows every import of the repository)."""

    walk: WalkIndex
    files: dict[str, Seen]
    reaching: frozenset[str]


class FileStamp(NamedTuple):
    """What a file's stat says of whether it changed: its size and times.  A run keeps
    one per file of the project; a whole ``os.stat_result`` is four times the memory."""

    size: int
    mtime_ns: int
    ctime_ns: int

    @classmethod
    def of(cls, stat: os.stat_result) -> FileStamp:
        return cls(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


class FileMention(NamedTuple):
    """A file as last read: its size and times, and whether it mentions Nylas.

    The change time is part of it so that a file made unreadable since (``chmod``
    changes no modification time) is read again and reported.
    """

    size: int
    mtime_ns: int
    ctime_ns: int
    mentions: bool

    @classmethod
    def of(cls, stamp: FileStamp, mentions: bool) -> FileMention:
        return cls(*stamp, mentions)


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the analyser's own modules and of the interpreter running them:
    facts from other code are stale.

    The version alone is not enough for a development install, whose code changes
    under one version number.  The interpreter counts too: its parser decides what
    is a syntax error and where each node starts, and one project may be checked
    under several Pythons (tox, a pre-commit hook and an editor).
    """
    return package_fingerprint(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def package_fingerprint(package: str) -> str:
    """Every module of the package at ``package``, in every sub-package, with the
    version and the interpreter."""
    digest = hashlib.sha256(f"{__version__}:{sys.implementation.cache_tag}".encode())
    for directory, folders, names in os.walk(package):
        folders[:] = sorted(folder for folder in folders if folder != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(directory, name)
                stat = os.stat(path)
                shown = os.path.relpath(path, package)
                digest.update(f"{shown}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


_DIGEST_SIZE = 32


def facts_digest(text: str) -> str:
    """A digest of one module's facts as JSON: equal digests, equal facts.

    The facts of a module are written in one deterministic order, so facts
    extracted again from an unchanged module give the same digest.
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:_DIGEST_SIZE]


def _read_regular_file(path: str) -> str:
    """The UTF-8 text of the file at ``path``; OSError when it is no regular file.

    Opened without waiting: opening a FIFO left in the cache for reading would wait
    for a writer for ever.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"{path}: not a regular file")
        return handle.read().decode("utf-8")


class FactsCache:
    """The project's cache directory; this build of the analyser keeps its entries and
    indexes in a subdirectory named by its code fingerprint (``entries``).

    Entries written by another build are never valid for this one; a subdirectory
    left unchanged for a week is removed when this build next writes, so upgrades
    and development installs do not make the cache grow without end.  One used in
    the meantime (two versions in turns, say an editor's and a hook's) is kept.
    """

    def __init__(self, root: str, settings: str) -> None:
        self.root = os.path.realpath(root)
        self.directory = os.path.join(self.root, CACHE_DIRECTORY)
        self.entries = os.path.join(self.directory, code_fingerprint())
        self.settings = settings
        self._usable: bool | None = None
        self._real_directories: dict[str, str] = {}
        self._packs = FactsPacks(self.entries, self._write)

    @contextlib.contextmanager
    def judging_turn(self, wait_seconds: float = 300.0) -> Iterator[None]:
        """Judge the project one process at a time.

        flake8's ``--jobs`` workers start together, each with the same project to
        judge: the first takes the turn and stores its result, the others wait for it
        and then read that result instead of judging again.  Without a usable cache
        or file locks (Windows), or after waiting too long, a process judges on its
        own, which only costs time.
        """
        handle = None
        if _FILE_LOCKS and self._ready():
            try:
                handle = open(os.path.join(self.entries, _JUDGING_LOCK), "a+b")
            except OSError:
                handle = None
        locked = False
        try:
            deadline = time.monotonic() + wait_seconds
            while handle is not None and not locked:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    locked = True
                except OSError:
                    if time.monotonic() > deadline:
                        break
                    time.sleep(0.01)
            yield
        finally:
            if handle is not None:
                if locked:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
                handle.close()

    def _ready(self) -> bool:
        """Whether the cache directory exists (or can be made) inside the project."""
        if self._usable is None:
            self._usable = self._prepare()
        return self._usable

    def _prepare(self) -> bool:
        try:
            if os.path.islink(self.directory):
                return False  # never follow a link out of the project
            os.makedirs(self.entries, exist_ok=True)
            if os.path.realpath(self.entries) != self.entries:
                return False
            ignore = os.path.join(self.directory, ".gitignore")
            if not os.path.exists(ignore):
                self._write(ignore, "*\n")
            self._remove_stale()
            return os.access(self.entries, os.W_OK)
        except OSError:
            return False

    def _remove_stale(self) -> None:
        """Remove what other builds wrote and have not touched for ``_STALE_SECONDS``."""
        ours = os.path.basename(self.entries)
        stale_before = time.time() - _STALE_SECONDS
        with os.scandir(self.directory) as found:
            for entry in found:
                if entry.name in (ours, ".gitignore"):
                    continue
                try:
                    if entry.stat(follow_symlinks=False).st_mtime > stale_before:
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        shutil.rmtree(entry.path, ignore_errors=True)  # links not followed
                    elif entry.name.endswith(".json"):
                        os.unlink(entry.path)  # an entry of the older, flat layout
                except OSError:
                    continue

    def _readable(self) -> bool:
        return (
            not os.path.islink(self.directory)
            and os.path.isdir(self.entries)
            and not os.path.islink(self.entries)
        )

    def _real_path(self, path: str) -> str:
        """``os.path.realpath(path)``, resolving each directory once per cache: a project
        has thousands of files in a few dozen directories."""
        if os.path.islink(path):
            return os.path.realpath(path)
        directory, name = os.path.split(os.path.abspath(path))
        real = self._real_directories.get(directory)
        if real is None:
            real = self._real_directories[directory] = os.path.realpath(directory)
        return os.path.join(real, name)

    def _key(self, path: str, stamp: FileStamp, flow: bool) -> str:
        return json.dumps({
            "format": _FORMAT,
            "version": __version__,
            "code": code_fingerprint(),
            "settings": self.settings,
            "path": self._real_path(path),
            "size": stamp.size,
            "mtime": stamp.mtime_ns,
            "flow": flow,
        }, separators=(",", ":"))

    def load(
        self, path: str, stamp: FileStamp, flow: bool
    ) -> tuple[ModuleFacts, str] | None:
        """The facts stored for ``path`` as it is now, with the digest of their JSON
        (see ``facts_digest``)."""
        # Imported here: a run over a project without Nylas loads no facts and need
        # not import their classes (see ``prefilter``).
        from ..analysis.facts import ModuleFacts

        if not self._readable():
            return None
        name = json.dumps(self._real_path(path))
        entry = self._packs.get(name)
        if entry is None:
            return None
        try:
            key, digest, facts = entry.split("\t", 2)
            if key != self._key(path, stamp, flow) or len(digest) != _DIGEST_SIZE:
                return None
            found = ModuleFacts.from_json(json.loads(facts)), digest
        except (ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
            return None  # truncated or corrupt: rebuild it
        self._packs.used(name, entry)
        return found

    def load_mentions(self) -> dict[str, FileMention]:
        """What the last run read in each file: whether it mentions Nylas.

        Most modules of most projects never mention Nylas; knowing that from one
        small index spares reading every file of the project again.
        """
        body = self._read_index(MENTIONS_INDEX, self._mentions_key())
        try:
            return {
                str(path): FileMention(int(size), int(mtime), int(ctime), bool(mentions))
                for path, (size, mtime, ctime, mentions) in body["files"].items()
            }
        except (ValueError, KeyError, TypeError, AttributeError):
            return {}  # missing, truncated or corrupt: every file is read again

    def store_mentions(self, mentions: dict[str, FileMention]) -> None:
        files = {path: list(mention) for path, mention in mentions.items()}
        self._write_index(MENTIONS_INDEX, self._mentions_key(), {"files": files})

    def load_walk(self, exclude: Sequence[str]) -> WalkIndex:
        """The directory listings of the last walk of the project with ``exclude``."""
        body = self._read_index(WALK_INDEX, self._walk_key(exclude))
        try:
            return _listings(body["directories"])
        except (ValueError, KeyError, TypeError, AttributeError):
            return {}  # missing, truncated or corrupt: the project is listed again

    def store_walk(self, exclude: Sequence[str], index: WalkIndex) -> None:
        self._write_index(WALK_INDEX, self._walk_key(exclude),
                          {"directories": _listings_json(index)})

    def load_neighbours(self) -> NeighbourLook:
        """The last look at the repository around the project (see ``neighbours``)."""
        body = self._read_index(NEIGHBOURS_INDEX, self._mentions_key())
        try:
            return NeighbourLook(_listings(body["directories"]), {
                str(path): (int(size), int(mtime), int(ctime), int(kind),
                            tuple(str(name) for name in imports))
                for path, (size, mtime, ctime, kind, imports) in body["files"].items()
            }, frozenset(str(path) for path in body["reaching"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            return NeighbourLook({}, {}, frozenset())  # missing, truncated or corrupt

    def store_neighbours(self, look: NeighbourLook) -> None:
        self._write_index(NEIGHBOURS_INDEX, self._mentions_key(), {
            "directories": _listings_json(look.walk),
            "files": {path: list(mention) for path, mention in look.files.items()},
            "reaching": sorted(look.reaching),
        })

    def load_result(self) -> Any:
        """The last judged result with what it was judged from (see ``reuse``), or
        None.  The caller checks the shape of what it gets."""
        return self._read_index(RESULT_INDEX, self._mentions_key())

    def store_result(self, body: dict[str, Any]) -> None:
        self._write_index(RESULT_INDEX, self._mentions_key(), body)

    def _read_index(self, name: str, key: dict[str, Any]) -> Any:
        """The index ``name`` when it was written under ``key``, else None."""
        if not self._readable():
            return None
        try:
            data = json.loads(_read_regular_file(os.path.join(self.entries, name)))
        except (OSError, ValueError, RecursionError):
            return None  # missing, damaged, or nested deeper than the parser goes
        return data if isinstance(data, dict) and data.get("key") == key else None

    def _write_index(self, name: str, key: dict[str, Any], body: dict[str, Any]) -> None:
        if not self._ready():
            return
        try:
            text = json.dumps({"key": key, **body}, separators=(",", ":"))
            self._write(os.path.join(self.entries, name), text)
        except (OSError, ValueError):
            pass  # an index that cannot be written only costs time

    def _walk_key(self, exclude: Sequence[str]) -> dict[str, Any]:
        return {**self._mentions_key(), "exclude": list(exclude)}

    @staticmethod
    def _mentions_key() -> dict[str, Any]:
        return {"format": _FORMAT, "version": __version__, "code": code_fingerprint()}

    def store(self, path: str, stamp: FileStamp, flow: bool, facts: ModuleFacts) -> str:
        """Keep the facts of ``path`` for the next ``flush``; the digest of their JSON,
        or "" when the cache cannot be written."""
        if not self._ready():
            return ""
        try:
            # Facts are trees of lists and dicts: no cycle to look for in them.
            text = json.dumps(facts.to_json(), separators=(",", ":"), check_circular=False)
        except ValueError:
            return ""
        return self.store_json(path, stamp, flow, text)

    def store_json(self, path: str, stamp: FileStamp, flow: bool, text: str) -> str:
        """``store`` for facts written as JSON already (``text``)."""
        if not self._ready():
            return ""
        digest = facts_digest(text)
        self._packs.add(json.dumps(self._real_path(path)),
                        f"{self._key(path, stamp, flow)}\t{digest}\t{text}")
        return digest

    def flush(self, complete: bool) -> None:
        """Write the facts stored since the last flush (see ``FactsPacks.flush``)."""
        if not self._ready():
            return
        try:
            self._packs.flush(complete)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def _write(self, target: str, text: str) -> None:
        """Write through a temporary file renamed over ``target``: readers may run at
        the same time (flake8's jobs) and never see a half-written entry.

        Lighter than ``write_bytes_atomically``, which a cold run would call for
        every module: the cache's own directory was checked when it was prepared and
        every name in it is the cache's, so no link is resolved, no mode copied and
        nothing flushed to disk.  A new name (``O_EXCL``) is never a link followed,
        and a link at ``target`` is replaced, not followed.
        """
        directory, name = os.path.split(target)
        temporary = os.path.join(
            directory, f".{name}.{os.getpid()}.{next(_TEMPORARY_NUMBERS)}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(text.encode("utf-8"))
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def _listings(stored: Any) -> WalkIndex:
    """Directory listings as an index stores them; a damaged one raises ValueError,
    KeyError, TypeError or AttributeError."""
    return {
        str(directory): Listing(int(mtime), [str(d) for d in directories], [str(f) for f in files])
        for directory, (mtime, directories, files) in stored.items()
    }


def _listings_json(index: WalkIndex) -> dict[str, list[Any]]:
    return {directory: list(listing) for directory, listing in index.items()}
