"""Finding a project's Python files, with flake8's exclusion rules.

The usage rules need every module of a project, so each flake8 process (an editor
lints on every save) walks the whole project tree.  On a large tree the walk itself
costs more than the checks of one file; a :class:`WalkIndex` remembers each
directory's entries by its modification time, which changes whenever an entry is
added, removed or renamed, so an unchanged directory is not listed again.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..settings.patterns import excluded
from .notebooks import is_notebook_name
from .own_code import holds_others_code_by_entries

SKIPPED_DIRECTORIES = frozenset(
    {".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "__pycache__", "node_modules",
     ".mypy_cache", ".pytest_cache", ".nylas-scopes-cache", ".eggs", "site-packages",
     "dist-packages"}
)

# Where packaging tools write copies of the project's modules: skipped, unless the
# directory is a package of the project itself (``shop/build/__init__.py``).
OUTPUT_DIRECTORIES = frozenset({"build", "dist"})

# A directory changed this recently may change again within its clock's resolution
# (a second on some file systems) without a new modification time: list it again.
_RACY_SECONDS = 2.0


class Listing(NamedTuple):
    """A directory's entries as the walk keeps them (exclusions applied), sorted."""

    mtime_ns: int  # -1: not to be trusted next time
    directories: list[str]
    python_files: list[str]  # with the scripts (see ``is_script_name``)


WalkIndex = dict[str, Listing]


def python_files(
    directory: str,
    exclude: Sequence[str],
    before: WalkIndex | None = None,
    after: WalkIndex | None = None,
    skip: Callable[[str], bool] | None = None,
    scripts: bool = False,
) -> list[str]:
    """The ``.py`` files under ``directory``, as ``os.walk`` finds them (symbolic links
    to directories are not followed), minus skipped and excluded directories and files;
    with ``scripts``, the Python scripts too (see ``is_script_name``).

    ``before`` holds listings from an earlier walk with the same exclusions; the
    listings of this walk are put in ``after``.  A directory that cannot be listed is
    in the result itself: ``os.walk`` skips it without a word, but its modules may
    use Nylas, and reading it as a file says why it cannot be read.  ``skip`` says
    which directories below ``directory`` not to go into.
    """
    found: list[str] = []
    pending = [directory]
    now_ns = time.time_ns()
    while pending:
        current = pending.pop()
        if skip is not None and current != directory and skip(current):
            continue
        try:
            mtime_ns = os.stat(current).st_mtime_ns
        except OSError:
            continue  # vanished or unreadable: os.walk skips it too
        listing = before.get(current) if before is not None else None
        if listing is None or listing.mtime_ns != mtime_ns:
            try:
                listing = _list(current, exclude)
            except OSError:
                found.append(os.path.normpath(current))
                continue  # nor kept: listed again next time
            trusted = now_ns - mtime_ns > _RACY_SECONDS * 1e9
            listing = listing._replace(mtime_ns=mtime_ns if trusted else -1)
        if after is not None:
            after[current] = listing
        if current != directory and os.path.basename(current) in OUTPUT_DIRECTORIES and (
                "__init__.py" not in listing.python_files):
            continue
        found.extend(os.path.normpath(os.path.join(current, n)) for n in listing.python_files
                     if scripts or not is_unlinted_name(n))
        pending.extend(os.path.join(current, n) for n in reversed(listing.directories))
    return found


def _list(directory: str, exclude: Sequence[str]) -> Listing:
    """The entries of ``directory``; OSError when it cannot be listed.  A virtual
    environment of any name (``env/``) or a copy of the SDK (``vendor/nylas/``) lists
    as empty: its modules are not the project's, and its calls and scope lists are
    not the app's."""
    directories: list[str] = []
    files: list[str] = []
    names: set[str] = set()
    with os.scandir(directory) as entries:
        for entry in entries:
            names.add(entry.name)
            try:
                is_directory = entry.is_dir()
            except OSError:
                is_directory = False
            if is_directory:
                if entry.is_symlink():
                    continue  # os.walk lists it but does not go in
                name = entry.name
                if (
                    name not in SKIPPED_DIRECTORIES and not name.endswith(".egg-info")
                    and not excluded(os.path.join(directory, name), exclude)
                ):
                    directories.append(name)
            elif entry.name.endswith(".py") or is_notebook_name(entry.name) or (
                    is_script_name(entry.name) and _is_python_script(entry)):
                path = os.path.normpath(os.path.join(directory, entry.name))
                if not excluded(path, exclude):
                    files.append(entry.name)
    if holds_others_code_by_entries(directory, names):
        return Listing(0, [], [])
    return Listing(0, sorted(directories), sorted(files))


# What a Python script's first line starts with: ``#!/usr/bin/env python3``.
_SHEBANG = b"#!"
_FIRST_LINE_BYTES = 128


def is_unlinted_name(name: str) -> bool:
    """Whether a file of a listing is one flake8 does not lint but whose uses count:
    a script (``is_script_name``) or a notebook."""
    return is_script_name(name) or is_notebook_name(name)


def is_script_name(name: str) -> bool:
    """Whether a file's name may be a Python script's: one without an extension
    (``bin/sync-events``), which an installed command or a cron job runs with the
    grants the project asks for."""
    return "." not in name


def _is_python_script(entry: os.DirEntry[str]) -> bool:
    """Whether a file without an extension is a Python script by its first line
    (``#!/usr/bin/env python3``, ``#!/opt/venv/bin/python``)."""
    try:
        if not entry.is_file():
            return False
        with open(entry.path, "rb") as file:
            first = file.read(_FIRST_LINE_BYTES)
    except OSError:
        return False
    return first.startswith(_SHEBANG) and b"python" in first.split(b"\n", 1)[0]
