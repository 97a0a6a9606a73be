"""Code of the same repository outside the project, which may use the project's grants.

A project is the nearest directory above a file with a project file (see ``roots``).
In a repository that holds several projects, one service often asks users for scopes
and stores their tokens while another, a project of its own, makes the calls.  Judged
alone, the first one's scopes that only the other uses look unused (NYS303), and a
fix would take them away from both.  So the Python files of the repository (the
nearest directory above the project with ``.git``) outside the project are looked at,
grouped by the project each belongs to: a group that uses Nylas (mentions it, or
imports a module of the repository that does, the project's own included: a worker's
``from web.auth import client`` need not say Nylas; see ``import_reach``) but never
asks for scopes uses grants obtained elsewhere, maybe the ones requested here, and the rules that
call a scope not needed stay silent for the project (``judge_project``), with NYS304
saying why.  A group that asks for scopes (a request, or a list of scope names to hand
one) is an app with its own requests (another example, another service with its own
sign-in) and says nothing about this one's grants.

What is not the repository's own code is left out: virtual environments and
installed packages (``site-packages``), a vendored copy of the SDK (a directory named
``nylas``), hidden directories and the directories every walk skips; so is a home
directory kept in git.  A project whose root the
configuration sets was given its extent on purpose, and is not looked around.

The same look tells which of the project's own files use Nylas: a file its exclusions
leave out of linting joins it for its uses when it does (``project_files``).

A file with no project file or ``.git`` above it is judged alone, yet it is often one
module of a small app kept that way (copied into a container without its ``.git``):
the files beside it, in its directory and below, are looked at in the same way
(``beside_lone_file``), and so are those that import it, which call Nylas through it
without naming Nylas (``from inbox import client``).  The modules it imports itself
are part of its program whether they name Nylas or not (a base class whose method
calls ``self.client.messages.all()``): they are read with it, as its project's
modules (``imported_by_lone_file``).  The other files beside it are not: one that
neither uses Nylas nor is imported by the lone file cannot hold its client.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..analysis.prefilter import mentions_nylas
from .cache import FactsCache, FileStamp, NeighbourLook, Seen
from .import_reach import imported_files, imported_modules, reaching_files
from .own_code import holds_others_code
from .roots import ROOT_MARKERS, marks_project, nearest_holding, project_root
from .notebooks import NotebookError, is_notebook_name, notebook_source
from .walk import WalkIndex, python_files

__all__ = [
    "AroundProject", "LoneLook", "beside_lone_file", "imported_by_lone_file", "look_around",
    "repository_root",
]

_REPOSITORY_MARKER = ".git"
# The files that make a directory a project (see ``roots``), but ``.git``.
_PROJECT_FILES = tuple(marker for marker in ROOT_MARKERS if marker != _REPOSITORY_MARKER)
# Python files of the repository outside the project looked at, at most.
_MOST_FILES = 20_000
# Directories below a lone file's own looked at, at most (see ``beside_lone_file``).
_LONE_DIRECTORIES = 200


def repository_root(project: str, checked_together: str | None = None) -> str | None:
    """The nearest directory strictly above ``project`` holding ``.git``, unless the
    project holds one itself (it is then the repository).

    A repository checked out without its ``.git`` (a container's build context, an
    archive of it) is told otherwise: the nearest directory above the project holding
    a project file (a workspace's root ``pyproject.toml``), else ``checked_together``,
    the directory the projects checked in the same run share, where it is above this
    one (``nylas-scopes check .`` at the top of ``web/`` and ``worker/``).
    """
    project = os.path.abspath(project)
    if os.path.exists(os.path.join(project, _REPOSITORY_MARKER)):
        return None
    above = os.path.dirname(project)
    found = nearest_holding(above, (_REPOSITORY_MARKER,)) or nearest_holding(
        above, _PROJECT_FILES)
    if found is None and checked_together is not None:
        top = os.path.abspath(checked_together)
        if project.startswith(top.rstrip(os.sep) + os.sep):
            found = top
    if found is None or found == os.path.expanduser("~") or (
            os.path.dirname(found) == found):
        # A home directory kept in git (or holding a project file) holds tools and
        # environments, not a repository of services, and so does the file system's
        # top: walking them would cost more than the whole analysis.
        return None
    return found


@dataclass(frozen=True)
class AroundProject:
    """What the look around a project found: the files of its repository outside it
    that may use its grants (see above), by their path from the repository's root
    (sorted), and the project's own files that use Nylas (mention it, or import a
    module that does), by their absolute path."""

    outside: list[str] = field(default_factory=list)
    own_using: frozenset[str] = frozenset()


def look_around(
    project: str, cache: FactsCache | None, own_files: Sequence[str], repository_too: bool,
    checked_together: str | None = None,
) -> AroundProject:
    """What ``project`` (whose Python files are ``own_files``) has around it; its
    repository is looked at only with ``repository_too``, and when the project is
    inside a larger one.

    Listings, what each file mentions and imports, and which files use Nylas are kept
    in the project's cache: an unchanged repository costs a ``stat`` per directory and
    file.
    """
    project = os.path.abspath(project)
    repository = repository_root(project, checked_together) if repository_too else None

    def skip(directory: str) -> bool:
        return directory == project or holds_others_code(directory)

    before = cache.load_neighbours() if cache is not None else NeighbourLook({}, {}, frozenset())
    walk_after: WalkIndex = {}
    # Bounded: a repository larger than this is looked at in part (its first files in
    # the walk's order), so that a vast checkout cannot make every run slow.
    files = [] if repository is None else python_files(
        repository, (), before.walk, walk_after, skip=skip)[:_MOST_FILES]
    # The project's own files are read for what they import only: a file outside
    # that imports one of them which uses Nylas uses it too.
    own = [os.path.abspath(path) for path in own_files]
    seen: dict[str, Seen] = {}
    # Whether a file asks for scopes is read later, and only as far as its group needs.
    for path in [*files, *own]:
        mention = _mention(path, before.files.get(path), decide=False)
        if mention is not None:
            seen[path] = mention
    roots: dict[str, str | None] = {}

    def group_of(path: str) -> str | None:
        directory = os.path.dirname(path)
        if directory not in roots:
            roots[directory] = project_root(path)
        return roots[directory]

    unchanged = walk_after == before.walk and seen == before.files
    reaching = before.reaching if unchanged else frozenset(_reaching(seen, group_of))
    own_using = reaching.intersection(own)
    groups: dict[str, list[str]] = {}
    for path in reaching - own_using:
        if path in own or repository is None:
            continue
        groups.setdefault(group_of(path) or repository, []).append(path)
    requesting = {group for group, paths in groups.items() if _group_asks(paths, seen)}
    if cache is not None and not (unchanged and seen == before.files):
        cache.store_neighbours(NeighbourLook(walk_after, seen, reaching))
    return AroundProject(sorted(
        os.path.relpath(path, repository or project)
        for group, paths in groups.items() if group not in requesting for path in paths
    ), own_using)


@dataclass
class LoneLook:
    """What one run found beside lone files: each directory's Python files, and what
    each file read mentions and imports, so that every file is listed and read at most
    once."""

    listings: dict[str, list[str]] = field(default_factory=dict)
    seen: dict[str, Seen | None] = field(default_factory=dict)
    # What each file that mentions Nylas imports (``seen`` keeps it for the others).
    imports: dict[str, tuple[str, ...]] = field(default_factory=dict)


def imported_by_lone_file(path: str, text: str, look: LoneLook) -> list[str]:
    """For a file with no project above it (whose text is ``text``): the Python files
    beside it (as ``beside_lone_file`` lists them) that it imports, directly or
    through the modules it imports, as absolute paths (sorted).

    They are part of the program it is, whether they name Nylas or not: a client it
    hands to ``helpers.refresh`` is used there, and a base class from ``helpers`` may
    call Nylas through ``self.client`` its subclass sets.  So they are read with it,
    as modules of its project; the files it does not import are judged as before
    (only those that use Nylas can touch its grants: ``beside_lone_file``).
    """
    path = os.path.abspath(path)
    directory = os.path.dirname(path)
    if os.path.isdir(path):
        return []
    if directory not in look.listings:
        look.listings[directory] = _tree_files(directory)

    def imports_of(module: str) -> tuple[str, ...]:
        if module == path:
            return imported_modules(text)
        if module not in look.seen:
            look.seen[module] = _mention(module, None)
        seen = look.seen[module]
        if seen is None:
            return ()
        if seen[3] == _NOTHING:
            return seen[4]
        if module not in look.imports:
            try:
                with open(module, "rb") as handle:
                    look.imports[module] = imported_modules(
                        _python_text(module, handle.read().decode("utf-8", "replace")))
            except OSError:
                look.imports[module] = ()
        return look.imports[module]

    return imported_files(path, look.listings[directory], imports_of)


def beside_lone_file(path: str, look: LoneLook | None = None) -> list[str]:
    """For a file with no project above it, judged alone: the Python files of its
    directory and of the directories below it that are no project of their own, that
    use Nylas (mention it, or import a module there that does: ``import_reach``)
    without asking for scopes, by their path from that directory (sorted).

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
    for other in look.listings[directory]:
        # ``path`` is judged already, as the project itself: only what it imports
        # matters, not whether it asks for scopes.
        decide = other != path
        before = look.seen.get(other)
        if other not in look.seen or (
                decide and before is not None and before[3] == _NYLAS_UNDECIDED):
            look.seen[other] = _mention(other, before, decide)
    tree = {other: mention for other in look.listings[directory]
            if (mention := look.seen[other]) is not None}
    reaching = _reaching(tree, lambda _: None)
    return sorted(os.path.relpath(other, directory) for other in reaching
                  if other != path and tree[other][3] != _NYLAS_AND_SCOPES)


def _tree_files(directory: str) -> list[str]:
    """The Python files under ``directory`` that may be modules of a lone file's app
    (see ``beside_lone_file``), as absolute paths."""
    below = 0

    def skip(subdirectory: str) -> bool:
        nonlocal below
        if holds_others_code(subdirectory) or marks_project(subdirectory):
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


# What a file mentions: nothing, Nylas, Nylas and a request of its own; or Nylas, with
# whether it asks for scopes not read (a file of the project, whose requests are its
# own: only what it imports matters).
_NOTHING, _NYLAS, _NYLAS_AND_SCOPES, _NYLAS_UNDECIDED = 0, 1, 2, 3
_SCOPE_WORD = "scope"
# In a file's name, the likeliest sign of a module that asks for scopes.
_SIGN_IN = "auth"


def _mention(path: str, before: Seen | None, decide: bool = True) -> Seen | None:
    """The size, times, what ``path`` mentions and what it imports (kept for a file
    that does not mention Nylas, which may reach it through them), read again only
    when it changed; None when it cannot be read (it is not the project's: no error
    is said for it).  ``decide``: whether a file that mentions Nylas is read for a
    request of its own."""
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            return None  # a named pipe would wait for a writer
        stamp = FileStamp.of(status)
        if before is not None and before[:3] == stamp and (
                before[3] != _NYLAS_UNDECIDED or not decide):
            return before
        known = _KINDS_SEEN.get((path, *stamp))
        if known is not None and (known[0] != _NYLAS_UNDECIDED or not decide):
            return (*stamp, *known)
        with open(path, "rb") as handle:
            text = _python_text(path, handle.read().decode("utf-8", "replace"))
    except OSError:
        return None
    kind = _NOTHING
    imports: tuple[str, ...] = ()
    if not mentions_nylas(text):
        imports = imported_modules(text)
    elif not decide:
        kind = _NYLAS_UNDECIDED
    else:
        kind = _NYLAS_AND_SCOPES if _asks_for_scopes(path, text) else _NYLAS
    if len(_KINDS_SEEN) >= _MOST_FILES:
        _KINDS_SEEN.clear()
    _KINDS_SEEN[(path, stamp[0], stamp[1], stamp[2])] = (kind, imports)
    return (*stamp, kind, imports)


def _python_text(path: str, text: str) -> str:
    """The Python text of the file at ``path``: a notebook's code cells (none when it
    is not a notebook after all), any other file's ``text``."""
    if not is_notebook_name(path):
        return text
    try:
        return notebook_source(text)
    except NotebookError:
        return ""


def _group_asks(paths: Sequence[str], seen: dict[str, Seen]) -> bool:
    """Whether a file of ``paths`` (the files of one project of the repository that
    use Nylas) asks for scopes: those whose answer is known first, then the others
    read one by one (an extraction each) until one does, which answers for the whole
    project.  A file whose name says sign-in is read first, as the likeliest; the
    answer does not depend on the order.  ``seen`` keeps each answer read."""
    if any(seen[path][3] == _NYLAS_AND_SCOPES for path in paths):
        return True
    undecided = [path for path in paths if seen[path][3] == _NYLAS_UNDECIDED]
    for path in sorted(undecided, key=lambda path: (_SIGN_IN not in os.path.basename(path),
                                                    path)):
        decided = _mention(path, seen[path])
        if decided is None:
            continue  # gone since it was listed: it keeps its place, unread
        seen[path] = decided
        if decided[3] == _NYLAS_AND_SCOPES:
            return True
    return False


def _reaching(seen: dict[str, Seen], group_of: Callable[[str], str | None]) -> set[str]:
    """The files of ``seen`` that mention Nylas or import a module that does, directly
    or through others (see ``import_reach``)."""
    return reaching_files(
        {path: (kind != _NOTHING, imports) for path, (*_, kind, imports) in seen.items()},
        group_of)


# What each file read in this process mentions and imports, by path, size and times:
# a process judging several projects of one repository (a test run, an editor's
# server, a run without a cache) reads each neighbour once, since telling a request
# costs an extraction.
_KINDS_SEEN: dict[tuple[str, int, int, int], tuple[int, tuple[str, ...]]] = {}


def _asks_for_scopes(path: str, text: str) -> bool:
    """Whether a module that mentions Nylas asks for scopes itself: a request, or a
    list of scope names to hand one.  The word alone says nothing: a worker's
    ``scoped_session`` or ``fixture(scope="session")`` has it too, and taking such a
    worker for an app with its own sign-in would call the scopes it uses unused."""
    if _SCOPE_WORD not in text.casefold():
        return False
    # The analysis is imported only for a file that may hold a request.
    from ..analysis.facts_values import ValueState
    from ..analysis.module import module_facts

    try:
        facts = module_facts(None, path, text.splitlines(keepends=True))
    except (SyntaxError, ValueError, RecursionError):
        # Unreadable: nothing shows a request of its own, so it may use these grants.
        return False
    # A native-auth body handed to a helper that posts it is a request too.  A query
    # of unread parameters on a URL another module holds is not shown to be one:
    # only that module's constant says whether it is the authorization URL, which a
    # worker's own API calls (``f"{cfg.API}?{urlencode(q)}"``) are not.
    return any(not (site.url and site.value.state is ValueState.UNRESOLVED)
               for site in facts.sites) or bool(facts.constants) or any(
        arg.site is not None for arg in facts.body_args)
