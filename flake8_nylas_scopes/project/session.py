"""Running the analysis over files and directories, with clear errors for bad input."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..analysis.prefilter import mentions_nylas, names_a_scope_family
from ..findings import Finding
from ..judging.results import FileError, ProjectResult
from ..settings.config import CodeFilter, Config
from .cache import FactsCache, FileMention, FileStamp
from .gc_pause import collector_paused
from .modules import module_name_for_path
from .own_code import under_others_code
from .roots import project_root
from .project_files import project_files
from .reading import InputError, read_source
from .walk import python_files

if TYPE_CHECKING:
    from ..analysis.facts import ModuleFacts
    from .neighbours import AroundProject, LoneLook
    from .reuse import Stored
    from .workers import FactsText

# The analysis itself (extraction, the resolver, the rules) is imported only when a
# project mentions Nylas: flake8 loads this plugin in every run of every project,
# and most of them never need it.

__all__ = ["FileError", "InputError", "ProjectAnalysis", "analyse", "discover", "read_source"]


@dataclass
class ProjectAnalysis:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    facts: dict[str, ModuleFacts] = field(default_factory=dict)
    # One resolved project per project root the paths belong to.
    states: list[ProjectResult] = field(default_factory=list)
    # Files with no project root above them that import modules beside them, when
    # such files use Nylas: each was judged alone, without the others' calls.
    rootless: list[str] = field(default_factory=list)


def discover(paths: Iterable[str], exclude: Sequence[str] = ()) -> list[str]:
    """Python files under ``paths``, sorted; a missing path is an :class:`InputError`."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found.extend(python_files(path, exclude))
        elif os.path.exists(path) or os.path.islink(path):
            found.append(os.path.normpath(path))
        else:
            raise InputError(f"{path or repr(path)}: no such file or directory")
    return sorted(dict.fromkeys(found))


def analyse(
    paths: Sequence[str],
    config: Config,
    enabled: CodeFilter,
    sources: Mapping[str, str] | None = None,
    exclude: Sequence[str] = (),
    use_cache: bool = True,
    findings_only: bool = False,
    jobs: int = 1,
) -> ProjectAnalysis:
    """Analyse the projects ``paths`` belong to; report findings in ``paths`` only.

    ``sources`` replaces the text of a file (an editor's unsaved buffer on stdin).
    With ``findings_only`` the result has findings and errors but may lack facts and
    resolved states (see ``analyse_project``).  Up to ``jobs`` processes read the
    modules that are not in the cache.
    """
    given = sources or {}
    # A path whose text is given (an editor buffer) need not exist on disk.
    reported = discover([path for path in paths if path not in given], exclude)
    reported += [path for path in paths if path in given]
    overrides = {os.path.abspath(path): text for path, text in given.items()}
    for path in overrides:
        if path not in {os.path.abspath(p) for p in reported}:
            reported.append(path)
    display = {os.path.abspath(path): path for path in reported}
    result = ProjectAnalysis()
    by_root: dict[str, list[str]] = {}
    # Files with no project above them, each a project of its own under its own path:
    # never walked, even when a buffer's name is a directory's.
    alone: set[str] = set()
    # What lies beside the lone files, each file read once.
    beside_looks: list[LoneLook] = []
    for path in display:
        root = config.project_root or project_root(path) or ""
        if not root:
            alone.add(path)
        by_root.setdefault(os.path.abspath(root) if root else path, []).append(path)
    alone_use_nylas = False
    # Several projects checked together (``check .`` at the top of a repository
    # checked out without ``.git``): they are one repository's.
    checked_together = _shared_directory([root for root in by_root if root not in alone])
    for root, group in sorted(by_root.items()):
        walked: set[str] = set()
        left_out: set[str] = set()
        cache = None
        is_project = root not in alone and os.path.isdir(root)
        if use_cache and is_project:
            cache = FactsCache(root, _settings_key(config))
        if is_project:
            found = project_files(root, exclude, cache)
            walked = {os.path.abspath(p) for p in found.linted}
            left_out = {os.path.abspath(p) for p in found.left_out}
        # A file the project's walk excludes but that is checked by name joins the
        # project on its own, as it does when flake8 checks it: both front ends then
        # see the same project for it.
        inside = [path for path in group if path in walked or path in overrides]
        # Except one in someone else's code (a virtual environment, a copy of the
        # SDK): no part of the app, it gets no findings, as under flake8.
        outside = [path for path in group if path not in inside
                   and not (is_project and under_others_code(root, path))]
        around = _Around(root, config, cache, sorted(walked | left_out), checked_together)
        neighbours = around.outside() if is_project else []
        for members in ([inside] if inside else []) + [[path] for path in outside]:
            files = sorted(walked | set(members))
            beside: Sequence[str] = ()
            if root in alone:
                imported, beside = _lone_program(root, overrides.get(root), beside_looks)
                files = sorted({*files, *imported})
            project = analyse_project(
                files, config, enabled, overrides, cache, findings_only=findings_only,
                jobs=jobs, neighbours=neighbours if members is inside else beside,
                alone=root in alone,
                left_out=sorted(left_out - set(members)), left_out_using=around.own_using,
                root=root if is_project else "",
            )
            project.root = root
            _collect(result, project, set(members), display)
            if root in alone:
                alone_use_nylas = alone_use_nylas or project.mentions_nylas
    result.findings.sort(key=lambda finding: finding.sort_key)
    # Loose files that use Nylas, some importing others beside them: judged one by
    # one, they could not see each other's calls.  (Their imports are read only then.)
    result.rootless = [display[path] for path in sorted(alone)
                       if _imports_a_sibling(path, overrides.get(path))] if alone_use_nylas else []
    return result


def _shared_directory(roots: list[str]) -> str | None:
    """The directory several projects' roots share; None for one project, or for
    roots that share none (on two drives)."""
    if len(roots) < 2:
        return None
    try:
        return os.path.commonpath(roots)
    except ValueError:
        return None


def _imports_a_sibling(path: str, text: str | None) -> bool:
    """Whether a file with no project around it imports a module beside it (``from
    auth import nylas`` next to ``auth.py``), which judging it alone cannot follow."""
    import ast

    try:
        tree = ast.parse(read_source(path) if text is None else text)
    except (InputError, SyntaxError, ValueError, RecursionError, MemoryError):
        # A file the analysis could not read either: its error says so.
        return False
    places = _import_roots(os.path.dirname(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            return True
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
            [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
        for name in names:
            for place in places:
                top = os.path.join(place, name.split(".")[0])
                if os.path.isfile(f"{top}.py") or os.path.isdir(top):
                    return True
    return False


def _import_roots(directory: str) -> list[str]:
    """Where an absolute import of a file in ``directory`` may find a module of the
    app: the directory itself (a script run there), and, for a file inside a package
    (``app/views.py`` with ``app/__init__.py``), the directory holding the package's
    top (``from app.scopes import get_scopes``)."""
    places = [directory]
    while os.path.isfile(os.path.join(directory, "__init__.py")):
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
        places.append(directory)
    return places


def _lone_program(
    path: str, text: str | None, looks: list[LoneLook]
) -> tuple[list[str], list[str]]:
    """For a file with no project above it (``text``: its buffer, if not the file on
    disk): the files beside it that it imports, read with it as its project's modules
    (absolute paths: ``neighbours.imported_by_lone_file``), and the other files
    beside it that use Nylas (``neighbours.beside_lone_file``, by relative path).
    ``looks`` holds what one run found beside lone files, once there is any (the look
    is imported only when needed)."""
    from .neighbours import LoneLook, beside_lone_file, imported_by_lone_file

    if not looks:
        looks.append(LoneLook())
    if text is None:
        try:
            text = read_source(path)
        except InputError:
            text = ""  # its own error is said when it is read for the analysis
    imported = imported_by_lone_file(path, text, looks[0])
    directory = os.path.dirname(os.path.abspath(path))
    joined = {os.path.relpath(module, directory) for module in imported}
    return imported, [other for other in beside_lone_file(path, looks[0])
                      if other not in joined]


class _Around:
    """The look around the project at ``root`` (see ``neighbours``), made once and
    only when needed: for its repository (none for a project whose root the
    configuration sets), or for which of its files use Nylas."""

    def __init__(
        self, root: str, config: Config, cache: FactsCache | None, own_files: Sequence[str],
        checked_together: str | None = None,
    ) -> None:
        self._root = root
        self._repository_too = not config.project_root
        self._cache = cache
        self._own_files = own_files
        # The directory the projects checked in one run share (see
        # ``neighbours.repository_root``).
        self._checked_together = checked_together
        self._found: AroundProject | None = None

    def outside(self) -> list[str]:
        """Files of the repository around the project that may use its grants."""
        from .neighbours import repository_root

        if not self._repository_too or repository_root(
                self._root, self._checked_together) is None:
            return []
        return self._look().outside

    def own_using(self) -> frozenset[str]:
        """The project's files that use Nylas: mention it, or import a module that
        does, directly or through others."""
        return self._look().own_using

    def _look(self) -> AroundProject:
        if self._found is None:
            from .neighbours import look_around

            self._found = look_around(self._root, self._cache, self._own_files,
                                      self._repository_too, self._checked_together)
        return self._found


def _collect(
    result: ProjectAnalysis, project: ProjectResult, wanted: set[str], display: Mapping[str, str]
) -> None:
    """Add what ``project`` found in ``wanted`` files, under the names the user gave."""
    result.errors.extend(
        FileError(display[e.path], e.message.replace(e.path, display[e.path], 1))
        for e in project.errors if e.path in wanted
    )
    for path, facts in project.facts.items():
        if path in wanted:
            result.facts[display[path]] = facts
    result.findings.extend(
        dataclasses.replace(f, span=dataclasses.replace(f.span, path=display[f.span.path]))
        for f in project.findings if f.span.path in wanted
    )
    result.states.append(project)


def _settings_key(config: Config) -> str:
    return ",".join(sorted(config.client_names))


@dataclass
class _Survey:
    """What the first look at a project's files learnt: each file's stat and mention
    of Nylas, and the text of every file it had to read."""

    seen: dict[str, FileMention] = field(default_factory=dict)
    stats: dict[str, FileStamp] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    mentioning: set[str] = field(default_factory=set)


def _survey(
    files: Sequence[str],
    overrides: Mapping[str, str],
    cache: FactsCache | None,
    errors: list[FileError],
) -> _Survey:
    """Whether each file mentions Nylas: from the cache's mentions index when the file
    is unchanged, else by reading it."""
    known = cache.load_mentions() if cache is not None else {}
    survey = _Survey()
    seen, texts = survey.seen, survey.texts
    for path in files:
        if path in overrides:
            texts[path] = overrides[path]
            if mentions_nylas(texts[path]):
                survey.mentioning.add(path)
            continue
        try:
            survey.stats[path] = status = FileStamp.of(os.stat(path))
        except OSError as error:
            errors.append(FileError(path, f"{path}: cannot read ({error.strerror or error})"))
            continue
        before = known.get(path)
        if before is not None and before == FileMention.of(status, before.mentions):
            seen[path] = before
        else:
            try:
                texts[path] = read_source(path)
            except InputError as error:
                errors.append(FileError(path, str(error)))
                continue
            seen[path] = FileMention.of(status, mentions_nylas(texts[path]))
        if seen[path].mentions:
            survey.mentioning.add(path)
    if cache is not None and any(known.get(path) != mention for path, mention in seen.items()):
        # Merged, not replaced: a run over part of the project keeps the rest.
        cache.store_mentions({**known, **seen})
    return survey


class _Facts:
    """Reads the facts of a project's files, each from the cache when it is as it
    was, else from its source (then stored in the cache), with the digest of their
    JSON ("" when it is not known: no cache).  Modules not in the cache are read by up
    to ``jobs`` processes (see ``workers``)."""

    def __init__(
        self, survey: _Survey, cache: FactsCache | None, errors: list[FileError], jobs: int = 1
    ) -> None:
        self.survey = survey
        self.cache = cache
        self.errors = errors
        self.jobs = jobs
        self.flow = bool(survey.mentioning)
        self.packages: dict[str, str] = {}
        self.modules: dict[str, ModuleFacts] = {}
        self.digests: dict[str, str] = {}

    def read_all(self, paths: Sequence[str]) -> None:
        """Facts of each of ``paths`` into ``modules``, an unreadable file into
        ``errors``, in the order of ``paths``."""
        from ..analysis.shared_texts import project_texts_shared
        from .workers import Work, facts_texts

        # The modules' records share the texts they have in common; the table that
        # finds them is let go once they are read.
        with project_texts_shared():
            pending = [Work(path, module_name_for_path(path, self.packages),
                            self.survey.texts.get(path))
                       for path in paths if not self._known(path)]
            # Taken out: the facts hold all that is needed of the texts, and a
            # project's texts would otherwise stay in memory while it is judged.
            for work in pending:
                self.survey.texts.pop(work.path, None)
            for read in facts_texts(pending, self.jobs):
                if read.error:
                    self.errors.append(FileError(read.path, read.error))
                else:
                    self._add(read)

    def _known(self, path: str) -> bool:
        """Whether the facts of ``path`` need no extraction: read already, a project
        without Nylas (none are needed), or unchanged in the cache."""
        from ..analysis.facts import ModuleFacts

        if path in self.modules:
            return True
        if not self.flow:
            # Without Nylas anywhere there is nothing to extract from any module, and
            # nothing to resolve: module names are needed only to resolve imports.
            self.modules[path] = ModuleFacts(path, mentions_nylas=False)
            return True
        stats, cache = self.survey.stats, self.cache
        if cache is not None and path in stats:
            loaded = cache.load(path, stats[path], True)
            # A module's name comes from the ``__init__.py`` files above it, which come
            # and go while the file stays as it was: facts under another name are stale.
            if loaded is not None and loaded[0].module == module_name_for_path(
                path, self.packages
            ):
                self.modules[path], self.digests[path] = loaded
                return True
        return False

    def _add(self, read: FactsText) -> None:
        """The facts ``read`` gave, kept in the cache too."""
        from ..analysis.facts import ModuleFacts

        # From a worker, the facts are rebuilt from their JSON as a run with a filled
        # cache rebuilds them.
        facts = read.facts or ModuleFacts.from_json(json.loads(read.json))
        self.modules[read.path] = facts
        stats, cache = self.survey.stats, self.cache
        if cache is not None and read.path in stats:
            stat = stats[read.path]
            self.digests[read.path] = (
                cache.store_json(read.path, stat, True, read.json) if read.json
                else cache.store(read.path, stat, True, facts))


def _load_facts(
    files: Sequence[str],
    survey: _Survey,
    cache: FactsCache | None,
    errors: list[FileError],
    reader: _Facts | None = None,
) -> _Facts:
    """Facts of every file; client-flow records only when some module mentions Nylas.

    A project where no file mentions Nylas is done without reading the unchanged
    files again.  ``reader`` may hold the facts of some files read already.
    """
    reader = reader or _Facts(survey, cache, errors)
    failed = {error.path for error in errors}
    reader.read_all([path for path in files if path not in failed])
    # In the order of ``files``, as the judgement has always seen them.
    reader.modules = {path: reader.modules[path] for path in files if path in reader.modules}
    return reader


def _read_with_foreign_readers(reader: _Facts, overrides: Mapping[str, str]) -> None:
    """Read again, with those calls taken to change what they are given, the modules
    that may call a reading function (``len``, a logger's ``info``) another module of
    the project gives a meaning of its own (see ``judging.reader_shadows``).

    The facts read so are not cached: a module's cached facts depend on its text
    alone.  They depend only on the project's texts, which the reuse of a judged
    result compares already."""
    from ..analysis.facts import ModuleFacts
    from ..analysis.reader_meanings import may_call
    from ..judging.reader_shadows import foreign_readers
    from .workers import Work, facts_texts

    works: list[Work] = []
    for path, names in foreign_readers(reader.modules.values()).items():
        text = overrides.get(path)
        if text is None:
            try:
                text = read_source(path)
            except InputError:
                continue  # gone since: the facts read before stand
        if may_call(text, names):
            works.append(Work(path, reader.modules[path].module, text, names))
    for read in facts_texts(works, reader.jobs):
        if not read.error:
            reader.modules[read.path] = read.facts or ModuleFacts.from_json(
                json.loads(read.json))


def _same_facts(
    files: Sequence[str], survey: _Survey, reader: _Facts, stored: Stored, settings: str
) -> bool:
    """Whether every file's facts are those the stored result was judged from.

    Only the files changed since are read (``reader`` keeps their facts for a
    judgement, should they differ); the others' digests are the stored ones.
    """
    from .reuse import facts_key

    known = {path: stored.digest_of(path, survey.seen[path]) for path in files}
    reader.read_all([path for path, digest in known.items() if not digest])
    if reader.errors:
        return False
    digests: list[tuple[str, str]] = []
    for path in files:
        digest = known[path] or reader.digests.get(path, "")
        if not digest:
            return False
        digests.append((path, digest))
    return facts_key(settings, digests) == stored.facts


def analyse_project(
    files: Sequence[str],
    config: Config,
    enabled: CodeFilter,
    overrides: Mapping[str, str],
    cache: FactsCache | None,
    findings_only: bool = False,
    jobs: int = 1,
    neighbours: Sequence[str] = (),
    alone: bool = False,
    left_out: Sequence[str] = (),
    left_out_using: Callable[[], AbstractSet[str]] | None = None,
    root: str = "",
) -> ProjectResult:
    """Judge the project made of ``files``; ``neighbours`` are the files of its
    repository outside it that use Nylas, or with ``alone`` (a file with no project
    above it) the files beside it that do.  ``left_out`` are files of the project its
    exclusions leave out: those that mention Nylas join it, for their uses (the caller
    reports nothing on them), and so do those ``left_out_using`` names (asked only
    when the project mentions Nylas): a script that imports the client from the app
    need not say Nylas.  ``root``, the project's directory, names those files in
    what is said about them.

    With ``findings_only`` the caller needs findings, errors and the files covered,
    not facts or the resolved state: the last result is then reused when nothing it
    depends on has changed (see ``reuse``).
    """
    errors: list[FileError] = []
    with collector_paused():
        survey = _survey([*files, *left_out], overrides, cache, errors)
        if left_out:
            using: AbstractSet[str] = frozenset()
            if left_out_using is not None and survey.mentioning and (
                    not survey.mentioning.issuperset(left_out)):
                using = left_out_using()
            files = _with_left_out(files, left_out, survey, errors, using)
        if findings_only and not survey.mentioning:
            # Nothing to judge, and no facts asked for.
            covered = frozenset(files).union(error.path for error in errors)
            return ProjectResult(errors=errors, files=covered)
        from . import reuse
        from ..judging.judge import judge_project

        inputs = ""
        settings = reuse.settings_digest(config, enabled, neighbours)
        comparable = findings_only and cache is not None and reuse.comparable(
            files, overrides, survey.seen, errors)
        if comparable:
            assert cache is not None
            inputs = reuse.inputs_digest(
                files, overrides, survey.seen, errors, config, enabled, neighbours)
            reused = _stored_result(cache, inputs)
            if reused is not None:
                return reused
        keep = cache if inputs else None
        with keep.judging_turn() if keep is not None else contextlib.nullcontext():
            # Another process (a flake8 worker) may have judged it while this one waited.
            reused = _stored_result(keep, inputs) if keep is not None else None
            if reused is not None:
                return reused
            reader = _Facts(survey, cache, errors, jobs)
            # Files changed since the last judgement, with the same facts (a comment
            # added): the last result stands.
            stored = reuse.read_stored(cache) if comparable and cache is not None else None
            if stored is not None and _same_facts(files, survey, reader, stored, settings):
                reused = reuse.result_of(stored)
                if reused is not None:
                    if cache is not None:
                        cache.flush(complete=False)
                    if keep is not None:
                        digests = {path: reader.digests.get(path)
                                   or stored.digest_of(path, survey.seen[path])
                                   for path in files}
                        reuse.store_result(keep, inputs, stored.facts, survey.seen, digests,
                                           reused)
                    return reused
            reader = _load_facts(files, survey, cache, errors, reader)
            if cache is not None:
                cache.flush(complete=True)
            _read_with_foreign_readers(reader, overrides)
            unreadable = {error.path for error in errors}
            unlinted = {path: os.path.relpath(path, root) if root else os.path.basename(path)
                        for path in left_out if path in reader.modules or path in unreadable}
            result = judge_project(reader.modules, errors, config, enabled, neighbours, alone,
                                   unlinted)
            if keep is not None:
                # A file that could not be read has no facts: such a result is reused
                # only for the very same files.
                key = "" if errors or not all(reader.digests.get(p) for p in files) else (
                    reuse.facts_key(settings, [(path, reader.digests[path]) for path in files]))
                reuse.store_result(keep, inputs, key, survey.seen, reader.digests, result)
            return result


def _with_left_out(files: Sequence[str], left_out: Sequence[str], survey: _Survey,
                   errors: list[FileError], using: AbstractSet[str]) -> list[str]:
    """``files`` and the left-out files that mention Nylas or are in ``using``
    (sorted).  A left-out file that cannot be read is not the project's linted code:
    no error is said for it, as before it was looked at."""
    unlinted = set(left_out)
    errors[:] = [error for error in errors if error.path not in unlinted]
    joining = {path for path in left_out if path in survey.mentioning
               or (path in using and path in survey.seen)}
    for path in unlinted - joining:
        survey.seen.pop(path, None)
        survey.stats.pop(path, None)
        survey.texts.pop(path, None)
    return sorted({*files, *joining})


def _stored_result(cache: FactsCache, inputs: str) -> ProjectResult | None:
    """The stored result when it was judged from these very files (``inputs``)."""
    from .reuse import read_stored, result_of

    if not inputs:
        return None
    stored = read_stored(cache)
    return result_of(stored) if stored is not None and stored.inputs == inputs else None


@dataclass(frozen=True)
class _SessionResult:
    """What a session keeps of a judged project: each file's findings, and which files
    the project covers (analysed or reported as unreadable).

    A flake8 process keeps it for its whole run, and every full collection of the
    garbage collector walks what the process keeps: a set of strings is one object to
    walk where the project's facts are several per module.
    """

    by_path: dict[str, list[Finding]]
    covered: frozenset[str]
    mentions_nylas: bool

    @classmethod
    def of(cls, result: ProjectResult) -> _SessionResult:
        by_path: dict[str, list[Finding]] = {}
        for finding in result.findings:
            by_path.setdefault(finding.span.path, []).append(finding)
        return cls(by_path, result.files, result.mentions_nylas)


class ProjectSession:
    """Project results for one process, reused for every file of the same project.

    flake8 calls the plugin once per file; building the project once per process (and
    per worker with ``--jobs``) keeps the cost of the usage rules flat.  A file whose
    text differs from the disk (an editor buffer on stdin) gets its own result.
    """

    def __init__(
        self, config: Config, enabled: CodeFilter, exclude: Sequence[str],
        from_stdin: bool = True, jobs: int | None = 1,
    ) -> None:
        self.config = config
        self.enabled = enabled
        self.exclude = exclude
        # Processes that read modules not in the cache; None: one per CPU.
        self.jobs = jobs
        # Only a buffer read from stdin can differ from the file on disk; otherwise
        # flake8 read the file itself and comparing would read it a second time.
        self.from_stdin = from_stdin
        self._results: dict[str, _SessionResult] = {}
        # Each file's directory to its project root: flake8 asks for every file, and
        # finding the root costs a few stat calls per directory level.
        self._roots: dict[str, str | None] = {}
        # What lies beside the lone files flake8 asks for (see ``_beside``).
        self._beside_looks: list[LoneLook] = []

    def findings_for(self, path: str, text: str) -> list[Finding]:
        path = os.path.abspath(path)
        root = self.config.project_root or self._root_of(path)
        if not root:
            if not mentions_nylas(text):
                return []
            imported, beside = _lone_program(path, text, self._beside_looks)
            single = analyse_project([path, *imported], self.config, self.enabled,
                                     {path: text}, None, neighbours=beside, alone=True)
            return [finding for finding in single.findings if finding.span.path == path]
        root = os.path.abspath(root)
        if not self.from_stdin or self._disk_text(path) == text:
            if root not in self._results:
                self._results[root] = self._build(root, {}, path)
            result = self._results[root]
            if path not in result.covered:
                # flake8 was given a file the project's own walk excludes (a build
                # directory): it joins the project on its own, which costs a whole
                # build, unless it cannot hold a finding of its own.  One in someone
                # else's code (``flake8 .`` goes into ``.venv``) is no part of the
                # app: its calls and scope lists are the SDK's or a library's.
                if under_others_code(root, path) or not self._may_hold_findings(
                        text, result):
                    return []
                result = self._build(root, {}, path)
        else:
            result = self._build(root, {path: text}, path)
        return result.by_path.get(path, [])

    def _may_hold_findings(self, text: str, project: _SessionResult) -> bool:
        """Whether a file joining ``project`` can hold findings of its own.

        Without Nylas in either there is nothing to judge.  Otherwise a finding in a
        file that does not mention Nylas is at a scope it passes to a wrapper (whose
        text names the scope's family) or at a use the analysis cannot follow (NYS304).
        """
        if mentions_nylas(text):
            return True
        if not project.mentions_nylas:
            return False
        return names_a_scope_family(text) or self.enabled("NYS304")

    def _root_of(self, path: str) -> str | None:
        directory = os.path.dirname(path)
        if directory not in self._roots:
            self._roots[directory] = project_root(path)
        return self._roots[directory]

    def _build(self, root: str, overrides: Mapping[str, str], current: str) -> _SessionResult:
        cache = FactsCache(root, _settings_key(self.config))
        found = project_files(root, self.exclude, cache)
        walked = {os.path.abspath(p) for p in found.linted}
        # The file flake8 asks about joins the project, unless it lies in someone
        # else's code (``.venv``): its findings are then none, and the project's
        # result, reused for the other files, must not hold its calls.
        joining = {current} if current in walked or not under_others_code(root, current) else set()
        files = sorted(walked | set(overrides) | joining)
        left_out = sorted({os.path.abspath(p) for p in found.left_out} - set(files))
        from .workers import available_cpus

        jobs = available_cpus() if self.jobs is None else self.jobs
        around = _Around(root, self.config, cache, sorted(
            walked | {os.path.abspath(path) for path in found.left_out}))
        return _SessionResult.of(analyse_project(
            files, self.config, self.enabled, overrides, cache, findings_only=True, jobs=jobs,
            neighbours=around.outside(), left_out=left_out, left_out_using=around.own_using,
            root=root,
        ))

    @staticmethod
    def _disk_text(path: str) -> str | None:
        try:
            return read_source(path)
        except InputError:
            return None
