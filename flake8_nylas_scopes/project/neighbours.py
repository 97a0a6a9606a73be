"""Code of the same repository outside the project, which may use the project's grants.

A project is the nearest directory above a file with a project file (see ``roots``).
In a repository that holds several projects, one service often asks users for scopes
and stores their tokens while another, a project of its own, makes the calls.  Judged
alone, the first one's scopes that only the other uses look unused (NYS303), and a
fix would take them away from both.  So the Python files of the repository (the
nearest directory above the project with ``.git``) outside the project are looked at,
grouped by the project each belongs to: a group that mentions Nylas but never a scope
uses grants obtained elsewhere, maybe the ones requested here, and the rules that call
a scope not needed stay silent for the project (``judge_project``), with NYS304 saying
why.  A group that mentions scopes is an app with its own requests (another example,
another service with its own sign-in) and says nothing about this one's grants.

What is not the repository's own code is left out: virtual environments and
installed packages (``site-packages``), a vendored copy of the SDK (a directory named
``nylas``), hidden directories and the directories every walk skips; so is a home
directory kept in git.  A project whose root the
configuration sets was given its extent on purpose, and is not looked around.
"""

from __future__ import annotations

import os
from ..analysis.prefilter import mentions_nylas
from .cache import FactsCache
from .own_code import holds_others_code
from .roots import nearest_holding, project_root
from .walk import WalkIndex, python_files

__all__ = ["outside_mentions", "repository_root"]

_REPOSITORY_MARKER = ".git"
# Python files of the repository outside the project looked at, at most.
_MOST_FILES = 20_000


def repository_root(project: str) -> str | None:
    """The nearest directory strictly above ``project`` holding ``.git``, unless the
    project holds one itself (it is then the repository)."""
    project = os.path.abspath(project)
    if os.path.exists(os.path.join(project, _REPOSITORY_MARKER)):
        return None
    return nearest_holding(os.path.dirname(project), (_REPOSITORY_MARKER,))


def outside_mentions(project: str, cache: FactsCache | None) -> list[str]:
    """The Python files of the project's repository, outside the project, that
    mention Nylas in a group that never mentions a scope (see above), by their path
    from the repository's root (sorted); none when the project is not inside a larger
    repository.

    Listings and what each file mentions are kept in the project's cache: an
    unchanged repository costs a ``stat`` per directory and file.
    """
    repository = repository_root(project)
    if repository is None or repository == os.path.expanduser("~"):
        # A home directory kept in git holds tools and environments, not a repository
        # of services: walking it would cost more than the whole analysis.
        return []
    project = os.path.abspath(project)

    def skip(directory: str) -> bool:
        return directory == project or holds_others_code(directory)

    walk_before, known = cache.load_neighbours() if cache is not None else ({}, {})
    walk_after: WalkIndex = {}
    # Bounded: a repository larger than this is looked at in part (its first files in
    # the walk's order), so that a vast checkout cannot make every run slow.
    files = python_files(repository, (), walk_before, walk_after, skip=skip)[:_MOST_FILES]
    seen: dict[str, tuple[int, int, int, int]] = {}
    for path in files:
        mention = _mention(path, known.get(path))
        if mention is not None:
            seen[path] = mention
    if cache is not None and (walk_after != walk_before or seen != known):
        cache.store_neighbours(walk_after, seen)
    groups: dict[str, list[str]] = {}
    requesting: set[str] = set()
    for path, (*_, kind) in seen.items():
        if kind == _NOTHING:
            continue
        group = project_root(path) or repository
        groups.setdefault(group, []).append(path)
        if kind == _NYLAS_AND_SCOPES:
            requesting.add(group)
    return sorted(os.path.relpath(path, repository)
                  for group, paths in groups.items() if group not in requesting
                  for path in paths)


# What a file mentions, kept with its size and times.
_NOTHING, _NYLAS, _NYLAS_AND_SCOPES = 0, 1, 2
_SCOPE_WORD = "scope"


def _mention(
    path: str, before: tuple[int, int, int, int] | None
) -> tuple[int, int, int, int] | None:
    """The size, times and what ``path`` mentions, read again only when it changed;
    None when it cannot be read (it is not the project's: no error is said for it)."""
    try:
        status = os.stat(path)
        stamp = (status.st_size, status.st_mtime_ns, status.st_ctime_ns)
        if before is not None and before[:3] == stamp:
            return before
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8", "replace")
    except OSError:
        return None
    kind = _NOTHING
    if mentions_nylas(text):
        kind = _NYLAS_AND_SCOPES if _SCOPE_WORD in text.casefold() else _NYLAS
    return (*stamp, kind)
