"""Code of the same repository outside the project, which may use the project's grants.

A project is the nearest directory above a file with a project file (see ``roots``).
In a repository that holds several projects, one service often asks users for scopes
and stores their tokens while another, a project of its own, makes the calls.  Judged
alone, the first one's scopes that only the other uses look unused (NYS303), and a
fix would take them away from both.  So the Python files of the repository (the
nearest directory above the project with ``.git``) outside the project are looked at,
grouped by the project each belongs to: a group that mentions Nylas but never asks for
scopes uses grants obtained elsewhere, maybe the ones requested here, and the rules that
call a scope not needed stay silent for the project (``judge_project``), with NYS304
saying why.  A group that asks for scopes (a request, or a list of scope names to hand
one) is an app with its own requests (another example, another service with its own
sign-in) and says nothing about this one's grants.

What is not the repository's own code is left out: virtual environments and
installed packages (``site-packages``), a vendored copy of the SDK (a directory named
``nylas``), hidden directories and the directories every walk skips; so is a home
directory kept in git.  A project whose root the
configuration sets was given its extent on purpose, and is not looked around.

A file with no project file or ``.git`` above it is judged alone, yet it is often one
module of a small app kept that way (copied into a container without its ``.git``):
the files beside it, in its directory and below, are looked at in the same way
(``beside_lone_file``), and so are those that import it, which call Nylas through it
without naming Nylas (``from inbox import client``).
"""

from __future__ import annotations

import ast
import os
import stat
from dataclasses import dataclass, field

from ..analysis.prefilter import mentions_nylas
from .cache import FactsCache
from .own_code import holds_others_code
from .roots import ROOT_MARKERS, nearest_holding, project_root
from .walk import WalkIndex, python_files

__all__ = ["LoneLook", "beside_lone_file", "outside_mentions", "repository_root"]

_REPOSITORY_MARKER = ".git"
# Python files of the repository outside the project looked at, at most.
_MOST_FILES = 20_000
# Directories below a lone file's own looked at, at most (see ``beside_lone_file``).
_LONE_DIRECTORIES = 200


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


@dataclass
class LoneLook:
    """What one run found beside lone files: each directory's Python files, and what
    each file read mentions, so that every file is listed and read at most once."""

    listings: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    # Whether a file that does not mention Nylas imports a module, by file and module.
    importers: dict[tuple[str, str], bool] = field(default_factory=dict)


def beside_lone_file(path: str, look: LoneLook | None = None) -> list[str]:
    """For a file with no project above it, judged alone: the Python files of its
    directory and of the directories below it that are no project of their own, that
    mention Nylas without asking for scopes, by their path from that directory
    (sorted).

    Such a file is often one module of a small app kept without a project file or a
    repository (an app copied into a container without its ``.git``): the calls of
    its other modules, judged apart, must not make the scopes it requests look
    unused.  A module that imports the file may call Nylas through what it imports
    (``from inbox import client``) without naming Nylas, so it counts too.  A module
    that asks for scopes itself is an app of its own (a folder of example scripts)
    and changes nothing, as in a repository.
    """
    look = look if look is not None else LoneLook()
    path = os.path.abspath(path)
    if os.path.isdir(path):
        return []  # a buffer named after a directory: nothing is beside it
    directory = os.path.dirname(path)
    if directory not in look.listings:
        look.listings[directory] = _tree_files(directory)
    module = _module_name(path)
    beside: list[str] = []
    for other in look.listings[directory]:
        if other == path:
            continue  # judged already, as the project itself
        if other not in look.kinds:
            mention = _mention(other, None)
            look.kinds[other] = mention[-1] if mention is not None else _NOTHING
        kind = look.kinds[other]
        if kind == _NOTHING and (other, module) not in look.importers:
            look.importers[(other, module)] = _imports_module(other, module)
        if kind == _NYLAS or (kind == _NOTHING and look.importers[(other, module)]):
            beside.append(os.path.relpath(other, directory))
    return sorted(beside)


def _module_name(path: str) -> str:
    """The name other modules import ``path`` by: its own, or its package's."""
    name = os.path.splitext(os.path.basename(path))[0]
    return os.path.basename(os.path.dirname(path)) if name == "__init__" else name


def _imports_module(path: str, module: str) -> bool:
    """Whether the file at ``path`` imports ``module`` (``import inbox``, ``from
    inbox import client``, ``from .inbox import client``, ``from app import inbox``)."""
    try:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8", "replace")
    except OSError:
        return False
    if module not in text:
        return False
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        # Unreadable here, it may still run elsewhere (another Python version) and
        # call Nylas through the module it names.
        return True
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            named = [part for alias in node.names for part in alias.name.split(".")]
        elif isinstance(node, ast.ImportFrom):
            named = [*(node.module or "").split("."), *(alias.name for alias in node.names)]
        else:
            continue
        if module in named:
            return True
    return False


def _tree_files(directory: str) -> list[str]:
    """The Python files under ``directory`` that may be modules of a lone file's app
    (see ``beside_lone_file``), as absolute paths."""
    below = 0

    def skip(subdirectory: str) -> bool:
        nonlocal below
        if holds_others_code(subdirectory) or any(
                os.path.exists(os.path.join(subdirectory, marker)) for marker in ROOT_MARKERS):
            return True
        below += 1
        if below > _LONE_DIRECTORIES:
            raise _TreeTooLarge
        return False

    try:
        files = python_files(directory, (), skip=skip)
    except _TreeTooLarge:
        # A home directory or /tmp, not an app: the files at the lone file's own level.
        files = python_files(directory, (), skip=lambda subdirectory: True)
    return [os.path.abspath(other) for other in files[:_MOST_FILES]]


class _TreeTooLarge(Exception):
    """The tree under a lone file's directory is larger than an app kept without a
    project file."""


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
        if not stat.S_ISREG(status.st_mode):
            return None  # a named pipe would wait for a writer
        stamp = (status.st_size, status.st_mtime_ns, status.st_ctime_ns)
        if before is not None and before[:3] == stamp:
            return before
        known = _KINDS_SEEN.get((path, status.st_size, status.st_mtime_ns,
                                 status.st_ctime_ns))
        if known is not None:
            return (*stamp, known)
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8", "replace")
    except OSError:
        return None
    kind = _NOTHING
    if mentions_nylas(text):
        kind = _NYLAS_AND_SCOPES if _asks_for_scopes(path, text) else _NYLAS
    if len(_KINDS_SEEN) >= _MOST_FILES:
        _KINDS_SEEN.clear()
    _KINDS_SEEN[(path, stamp[0], stamp[1], stamp[2])] = kind
    return (*stamp, kind)


# What each file read in this process mentions, by path, size and times: a process
# judging several projects of one repository (a test run, an editor's server, a run
# without a cache) reads each neighbour once, since telling a request costs an
# extraction.
_KINDS_SEEN: dict[tuple[str, int, int, int], int] = {}


def _asks_for_scopes(path: str, text: str) -> bool:
    """Whether a module that mentions Nylas asks for scopes itself: a request, or a
    list of scope names to hand one.  The word alone says nothing: a worker's
    ``scoped_session`` or ``fixture(scope="session")`` has it too, and taking such a
    worker for an app with its own sign-in would call the scopes it uses unused."""
    if _SCOPE_WORD not in text.casefold():
        return False
    # The analysis is imported only for a file that may hold a request.
    from ..analysis.module import module_facts

    try:
        facts = module_facts(None, path, text.splitlines(keepends=True))
    except (SyntaxError, ValueError, RecursionError):
        # Unreadable: nothing shows a request of its own, so it may use these grants.
        return False
    # A native-auth body handed to a helper that posts it is a request too.
    return bool(facts.sites or facts.constants) or any(
        arg.site is not None for arg in facts.body_args)
