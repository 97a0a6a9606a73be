"""A project's Python files: those its exclusions keep, which are linted, and those
they leave out, whose uses still count.

flake8's ``exclude`` and ``extend-exclude`` (and the tool's own) say which files are
not linted, not which code runs with the grants the project asks for: a
``scripts/`` or ``management/`` folder left out of linting still calls Nylas with
the same tokens.  So the files they leave out are found too, and the analysis reads
those that use Nylas (mention it, or import a module that does: ``neighbours``) for
their uses, never reporting on them.  Code that is not
the project's own (``own_code``) stays out, excluded or not.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from ..settings.patterns import excluded
from .cache import FactsCache
from .own_code import holds_others_code, under_others_code
from .walk import WalkIndex, is_unlinted_name, python_files


@dataclass(frozen=True)
class ProjectFiles:
    """The files of a project, sorted: ``linted`` ones and ``left_out`` ones."""

    linted: list[str]
    left_out: list[str]


def project_files(root: str, exclude: Sequence[str], cache: FactsCache | None) -> ProjectFiles:
    """Every Python file of the project at ``root``; directories unchanged since the
    last walk are taken from the cache's listing rather than listed again."""
    left_out = _LeftOut(root, exclude)

    def skip(directory: str) -> bool:
        return left_out.directory(directory) and holds_others_code(directory)

    # The listings hold every entry; which are left out is decided here, so that one
    # walk serves any exclusions.
    before = cache.load_walk(()) if cache is not None else None
    after: WalkIndex = {}
    found = python_files(root, (), before, after, skip=skip if exclude else None,
                         scripts=True)
    if cache is not None and after != before:
        cache.store_walk((), after)
    linted: list[str] = []
    others: list[str] = []
    for path in sorted(dict.fromkeys(found)):
        if not is_unlinted_name(os.path.basename(path)):
            (others if left_out.file(path) else linted).append(path)
        elif not under_others_code(root, path):
            # A script (``bin/sync-events``) or a notebook is not linted, as flake8
            # lints ``.py`` files only, but its uses count as an excluded file's do.
            others.append(path)
    return ProjectFiles(linted, others)


class _LeftOut:
    """Whether the exclusions leave out a file or directory below ``root``: itself, or
    a directory above it."""

    def __init__(self, root: str, exclude: Sequence[str]) -> None:
        self._root = os.path.normpath(root)
        self._exclude = exclude
        self._directories: dict[str, bool] = {self._root: False}

    def file(self, path: str) -> bool:
        if not self._exclude:
            return False
        return excluded(path, self._exclude) or self.directory(os.path.dirname(path))

    def directory(self, path: str) -> bool:
        path = os.path.normpath(path)
        known = self._directories.get(path)
        if known is None:
            parent = os.path.dirname(path)
            known = excluded(path, self._exclude) or (
                parent != path and self.directory(parent))
            self._directories[path] = known
        return known
