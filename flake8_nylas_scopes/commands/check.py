"""``nylas-scopes check``: the analysis plus what flake8 does around a plugin.

The analysis is the one the plugin runs; on top of it this applies flake8's file
selection (``exclude``), its ``per-file-ignores`` and ``# noqa`` comments, so that the
CLI and ``flake8 --select NYS`` report the same findings for the same configuration.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..findings import Finding
from ..spans import source_lines
from ..project.files import select_files
from ..project.reading import InputError, read_source
from ..project.session import FileError, analyse
from ..settings.config import DEFAULT_CONFIG, Config
from ..settings.noqa import NoqaLines
from ..settings.patterns import matches
from ..settings.selection import Selection

if TYPE_CHECKING:
    from ..fix.offers import FixOffer


@dataclass(frozen=True)
class CheckSettings:
    selection: Selection = field(default_factory=Selection)
    config: Config = DEFAULT_CONFIG
    # (anchored pattern, codes), as flake8's per-file-ignores.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    disable_noqa: bool = False
    # Processes that read the modules a run finds no facts of in the cache.
    jobs: int = 1


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # What ``fix`` would do about each finding with a fix, when asked for.
    fixes: dict[Finding, FixOffer] = field(default_factory=dict)
    # Files that use Nylas with no project root above them (see ``rootless_note``).
    rootless: list[str] = field(default_factory=list)


def say_rootless_note(rootless: Sequence[str]) -> None:
    """Tell the user on stderr (see ``rootless_note``), when there is anything to say."""
    note = rootless_note(rootless)
    if note:
        print(f"nylas-scopes: note: {note}", file=sys.stderr)


def rootless_note(rootless: Sequence[str]) -> str:
    """What to tell a user whose files have no project around them: each was judged
    with the modules it imports only, so the rules that need the project's calls
    could say little."""
    if not rootless:
        return ""
    shown = ", ".join(rootless[:3]) + (f" and {len(rootless) - 3} more"
                                       if len(rootless) > 3 else "")
    return (
        f"{shown}: no project root above (pyproject.toml, setup.cfg, setup.py, tox.ini "
        "or .git), so each file was judged with the modules it imports only, "
        "without the Nylas calls of the other modules beside it; add one of those "
        "files at the app's root or pass --project-root DIR"
    )


class PerFileSelection:
    """Whether a finding's code is reported in its file: the selection with the
    file's ``per-file-ignores`` added.  flake8 applies only the longest matching
    pattern."""

    def __init__(self, settings: CheckSettings) -> None:
        self.settings = settings
        self._selections: dict[str, Selection] = {}

    def __call__(self, finding: Finding) -> bool:
        path = finding.span.path
        selection = self._selections.get(path)
        if selection is None:
            selection = self._selections[path] = self._selection(path)
        return selection.enabled(finding.code)

    def _selection(self, path: str) -> Selection:
        matching = [
            (pattern, codes)
            for pattern, codes in self.settings.per_file_ignores
            if matches(path, [pattern])
        ]
        if not matching:
            return self.settings.selection
        _, codes = max(matching, key=lambda entry: len(entry[0]))
        return self.settings.selection.extended_ignore(codes)


class _Shown:
    """Decides, finding by finding, whether flake8 would show it."""

    def __init__(self, settings: CheckSettings, read: _SourceReader) -> None:
        self.settings = settings
        self.read = read
        self._selected = PerFileSelection(settings)
        self._noqa: dict[str, NoqaLines | None] = {}

    def __call__(self, finding: Finding) -> bool:
        if not self._selected(finding):
            return False
        if self.settings.disable_noqa:
            return True
        noqa = self._noqa_filter(finding.span.path)
        return noqa is None or not noqa.suppresses(finding.span.line, finding.code)

    def _noqa_filter(self, path: str) -> NoqaLines | None:
        if path not in self._noqa:
            text = self.read(path)
            # The analysis read it a moment ago; if it is gone, show the finding.
            self._noqa[path] = None if text is None else NoqaLines(source_lines(text))
        return self._noqa[path]


def run_check(
    paths: Sequence[str],
    settings: CheckSettings,
    sources: Mapping[str, str] | None = None,
    with_fixes: bool = False,
) -> CheckResult:
    """Check ``paths``; a missing path raises :class:`~..project.session.InputError`.

    ``sources`` gives the text of files that need not be on disk (a buffer read from
    stdin): they are checked under their path, as part of the project that path
    belongs to, unless ``exclude`` matches it.  ``with_fixes`` asks what ``fix``
    would do about each finding (see :mod:`..fix.offers`).
    """
    given = {path: text for path, text in (sources or {}).items()
             if not matches(path, settings.exclude)}
    files = select_files([path for path in paths if path not in (sources or {})],
                         settings.exclude)
    files += [path for path in given if path not in files]
    # Which finding an item gets depends on which codes are enabled (the most specific
    # enabled one wins), and flake8 decides that once for the run, before per-file
    # ignores and noqa comments hide findings; the same order here keeps the two equal.
    analysis = analyse(files, settings.config, settings.selection.enabled, sources=given,
                       exclude=settings.exclude, findings_only=not with_fixes,
                       jobs=settings.jobs)
    read = _SourceReader(given)
    shown = _Shown(settings, read)
    result = CheckResult(
        findings=[finding for finding in analysis.findings if shown(finding)],
        errors=list(analysis.errors),
        files=files,
        rootless=analysis.rootless,
    )
    if with_fixes:
        # The plan needs the analysis; plain checks never import it.
        from ..fix.offers import offer_fixes

        result.fixes = offer_fixes(
            result.findings, analysis.facts, settings.config, settings.selection.enabled, read,
        )
    return result


class _SourceReader:
    """The text of a file: the given buffer, else the file, read once; None if it
    cannot be read.  The noqa comments and the fix offers read the same files."""

    def __init__(self, given: Mapping[str, str]) -> None:
        self.texts: dict[str, str | None] = {
            os.path.abspath(path): text for path, text in given.items()
        }

    def __call__(self, path: str) -> str | None:
        key = os.path.abspath(path)
        if key not in self.texts:
            try:
                self.texts[key] = read_source(path)
            except InputError:
                self.texts[key] = None
        return self.texts[key]
