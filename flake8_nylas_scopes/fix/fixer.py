"""Fixing files: analyse, choose fixes, apply them, check, and repeat until settled.

One round applies the fixes the analysis asks for.  A fix can leave something to fix
(``"Email.Send"`` becomes ``"email.send"``, which may repeat an item already in the
list), so the changed files are analysed again, until nothing changes: running the
fix twice gives the same result as running it once.

Safe fixes come from rules that judge one request at a time, so a later round needs
to look again only at the changed files and at the files whose requests read them.
Unsafe fixes may come from rules that weigh every request and call of the project
(an unused scope is unused everywhere), so with them every round analyses every
file again.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import libcst as cst

from ..analysis.facts import ModuleFacts
from ..findings import Finding
from ..spans import source_lines
from ..places import path_namer
from ..project.session import ProjectAnalysis, analyse
from ..project.source_file import SourceFile, SourceFileError, read_source_file
from ..settings.config import CodeFilter, Config
from ..settings.noqa import NoqaLines
from .apply import apply_fixes
from .guard import unexpected_change, unkept_text_problem
from .plan import FixPolicy, PlannedFix, Skipped, plan_fixes

MAX_ROUNDS = 10


@dataclass
class FileChange:
    original: SourceFile
    module: cst.Module
    fixed: list[PlannedFix] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.module.code

    @property
    def finding_count(self) -> int:
        return sum(len(item.findings) for item in self.fixed)


@dataclass
class FixRun:
    """``skipped`` give lines in the fixed text (the file once written)."""

    changes: dict[str, FileChange] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Findings left with an unsafe fix not applied (after the last round).
    withheld: list[Finding] = field(default_factory=list)

    def skipped_in_original(self) -> list[Skipped]:
        """``skipped`` with lines in the files as they are before the fixes (for a
        diff, which writes nothing: fixes above an item shift its line)."""
        line_maps: dict[str, _LineMap] = {}
        mapped: list[Skipped] = []
        for item in self.skipped:
            change = self.changes.get(item.span.path)
            if change is not None:
                lines = line_maps.get(item.span.path)
                if lines is None:
                    lines = line_maps[item.span.path] = _LineMap(
                        change.text, change.original.text
                    )
                item = lines.skipped_in_original(item)
            mapped.append(item)
        return mapped


class Fixer:
    """``exclude`` is left out of the project walk, as ``check`` leaves it out;
    ``reported`` says whether a finding is reported where it is (per-file-ignores):
    one that is not is not fixed either."""

    def __init__(
        self,
        config: Config,
        enabled: CodeFilter,
        policy: FixPolicy,
        exclude: Sequence[str] = (),
        reported: Callable[[Finding], bool] | None = None,
        jobs: int = 1,
    ) -> None:
        self.config = config
        self.enabled = enabled
        self.policy = policy
        self.exclude = exclude
        self.reported = reported
        self.jobs = jobs

    def run(
        self,
        paths: Sequence[str],
        sources: Mapping[str, str] | None = None,
        modules: Mapping[str, cst.Module] | None = None,
    ) -> FixRun:
        """Fix ``paths``; ``sources``/``modules`` stand in for files not read from disk."""
        return _Run(self, paths, dict(sources or {}), dict(modules or {})).execute()


def with_final_newline(module: cst.Module, text: str) -> cst.Module:
    """``module``, parsed from ``text``, ending as ``text`` ends.

    LibCST takes the final ``\\r`` of a file with classic Mac OS line endings for no
    final newline, and would write the file without it.
    """
    if text.endswith("\r") and not module.has_trailing_newline:
        return module.with_changes(has_trailing_newline=True)
    return module


class _LineMap:
    """Line numbers of a changed text mapped back to the text before the change."""

    def __init__(self, changed: str, original: str) -> None:
        # Lines as Python counts them, as the spans do.
        self._blocks = difflib.SequenceMatcher(
            None, source_lines(original), source_lines(changed), autojunk=False
        ).get_opcodes()

    def line(self, changed_line: int) -> int:
        index = changed_line - 1
        for _, start, end, changed_start, changed_end in self._blocks:
            if changed_start <= index < changed_end:
                # A changed line maps to the line it replaced, or the last of them.
                return start + min(index - changed_start, max(end - start - 1, 0)) + 1
        return changed_line

    def skipped_in_original(self, skipped: Skipped) -> Skipped:
        span = skipped.span
        line, end_line = self.line(span.line), self.line(span.end_line)
        return dataclasses.replace(
            skipped, span=dataclasses.replace(span, line=line, end_line=max(line, end_line))
        )


class _Run:
    def __init__(
        self,
        fixer: Fixer,
        paths: Sequence[str],
        sources: dict[str, str],
        modules: dict[str, cst.Module],
    ) -> None:
        self.fixer = fixer
        self.paths = list(paths)
        self.name = path_namer(self.paths)
        self.given = sources
        self.given_modules = modules
        self.result = FixRun()
        self.failed: set[str] = set()
        self.facts: dict[str, ModuleFacts] = {}
        self.skipped_by_path: dict[str, list[Skipped]] = {}
        self.withheld_by_path: dict[str, list[Finding]] = {}
        self._noqa: dict[str, tuple[str, NoqaLines]] = {}
        self._originals: dict[str, SourceFile] = {}

    # -- sources ----------------------------------------------------------------------

    def _original(self, path: str) -> SourceFile:
        original = self._originals.get(path)
        if original is None:
            if path in self.given_modules:
                module = self.given_modules[path]
                original = SourceFile(path, module.code, module.encoding, False)
            elif path in self.given:
                original = SourceFile(path, self.given[path], "utf-8", False)
            else:
                original = read_source_file(path)
            self._originals[path] = original
        return original

    def text(self, path: str) -> str:
        change = self.result.changes.get(path)
        return change.text if change is not None else self._original(path).text

    def _current_sources(self) -> dict[str, str]:
        sources = {path: self.text(path) for path in self.given_modules}
        sources.update(self.given)
        sources.update({path: change.text for path, change in self.result.changes.items()})
        return sources

    def noqa_for(self, path: str) -> NoqaLines | None:
        try:
            text = self.text(path)
        except SourceFileError:
            return None
        cached = self._noqa.get(path)
        if cached is None or cached[0] != text:
            cached = (text, NoqaLines(source_lines(text)))
            self._noqa[path] = cached
        return cached[1]

    # -- rounds -------------------------------------------------------------------------

    def analyse(self, paths: Sequence[str]) -> ProjectAnalysis:
        analysis = analyse(
            paths, self.fixer.config, self.fixer.enabled, sources=self._current_sources(),
            exclude=self.fixer.exclude, jobs=self.fixer.jobs,
        )
        self.facts.update(analysis.facts)
        return analysis

    def execute(self) -> FixRun:
        analysis = self.analyse(self.paths)
        self.result.errors.extend(error.message for error in analysis.errors)
        analysed: Sequence[str] = self.paths
        for _ in range(MAX_ROUNDS):
            changed = self._round(analysis, analysed)
            if not changed:
                break
            analysed = self.paths if self.fixer.policy.unsafe else self._affected(changed)
            analysis = self.analyse(analysed)
        else:
            self.result.errors.append(
                f"fixes did not settle after {MAX_ROUNDS} rounds; the files hold the "
                "last round's result"
            )
        for skipped in self.skipped_by_path.values():
            self.result.skipped.extend(skipped)
        for withheld in self.withheld_by_path.values():
            self.result.withheld.extend(withheld)
        return self.result

    def _affected(self, changed: set[str]) -> list[str]:
        """The changed files and the files with a request that reads one of them."""
        affected = set(changed)
        for path, module in self.facts.items():
            for site in module.sites:
                spans = [item.span for item in site.value.items]
                if site.value.span is not None:
                    spans.append(site.value.span)
                if any(span.path in changed for span in spans):
                    affected.add(path)
        return sorted(affected)

    def _round(self, analysis: ProjectAnalysis, analysed: Sequence[str]) -> set[str]:
        reported = self.fixer.reported
        findings = [f for f in analysis.findings if reported is None or reported(f)]
        plan = plan_fixes(
            findings,
            self.facts,
            self.fixer.config,
            self.fixer.enabled,
            self.fixer.policy,
            self.noqa_for,
        )
        for path in analysed:
            self.skipped_by_path[path] = []
        self._skip(plan.skipped)
        # The files this round judged, or reported on, are as this round saw them
        # (named as given in the first round, absolute in the next).
        for path in {*analysed, *(finding.span.path for finding in findings)}:
            self.withheld_by_path[os.path.abspath(path)] = []
        for finding in self._applicable_unsafe(findings, plan.withheld):
            self.withheld_by_path[os.path.abspath(finding.span.path)].append(finding)
        changed: set[str] = set()
        for path, planned in sorted(plan.by_path.items()):
            if path not in self.failed and self._fix_file(path, planned):
                changed.add(path)
        return changed

    def _applicable_unsafe(
        self, findings: Sequence[Finding], withheld: Sequence[Finding]
    ) -> list[Finding]:
        """The ``withheld`` findings that ``--unsafe-fixes`` would fix.

        The note about withheld fixes tells the user to run with ``--unsafe-fixes``:
        a fix that run would refuse too (the scope is an ``Enum`` member's value, or
        added by an ``append``) is not counted, as ``check`` does not offer it.
        """
        if not withheld:
            return []
        plan = plan_fixes(findings, self.facts, self.fixer.config, self.fixer.enabled,
                          FixPolicy(unsafe=True), self.noqa_for)
        applied: set[Finding] = set()
        for path, planned in plan.by_path.items():
            module = self._current_module(path)
            if module is not None:
                outcome = apply_fixes(module, planned)
                applied.update(f for item in outcome.applied for f in item.findings)
        return [finding for finding in withheld if finding in applied]

    def _current_module(self, path: str) -> cst.Module | None:
        """The tree of ``path`` as this round sees it; None when it cannot be read."""
        change = self.result.changes.get(path)
        if change is not None:
            return change.module
        if path in self.given_modules:
            return self.given_modules[path]
        try:
            return cst.parse_module(self._original(path).text)
        except (SourceFileError, cst.ParserSyntaxError, RecursionError, MemoryError):
            return None

    def _skip(self, skipped: Sequence[Skipped]) -> None:
        for item in skipped:
            path = item.findings[0].span.path if item.findings else item.span.path
            self.skipped_by_path.setdefault(path, []).append(item)

    def _fix_file(self, path: str, planned: list[PlannedFix]) -> bool:
        try:
            return self._edit_file(path, planned)
        except (RecursionError, MemoryError) as error:
            # LibCST walks and copies its trees recursively: an expression nested a
            # few hundred deep, which ``ast`` and the analysis still read, is too deep.
            return self._fail(path, (
                f"{self.name(path)}: nested too deeply for LibCST to edit "
                f"({type(error).__name__}); the file is left unchanged"
            ))

    def _edit_file(self, path: str, planned: list[PlannedFix]) -> bool:
        change = self.result.changes.get(path)
        try:
            if change is None:
                original = self._original(path)
                module = self.given_modules.get(path) or with_final_newline(
                    cst.parse_module(original.text), original.text
                )
            else:
                original, module = change.original, change.module
        except SourceFileError as error:
            return self._fail(path, str(error))
        except cst.ParserSyntaxError as error:
            return self._fail(
                path, f"{self.name(path)}: LibCST cannot parse it ({error.message})"
            )
        if change is None:
            # Checked before any edit: the guard below compares LibCST's text before
            # and after the edit, and sees nothing LibCST lost in both.
            lost = unkept_text_problem(original.text, module.code)
            if lost:
                return self._fail(path, f"{self.name(path)}: {lost}; the file is left unchanged")
        outcome = apply_fixes(module, planned)
        self._skip(outcome.skipped)
        if not outcome.applied:
            return False
        before = module.code
        problem = unexpected_change(before, outcome.module.code, path, outcome.edited,
                                    outcome.removed)
        if problem:
            return self._fail(
                path, f"{self.name(path)}: {problem}; the file is left unchanged"
            )
        if change is None:
            change = FileChange(original, outcome.module)
            self.result.changes[path] = change
        else:
            change.module = outcome.module
        change.fixed.extend(outcome.applied)
        return True

    def _fail(self, path: str, message: str) -> bool:
        self.failed.add(path)
        self.result.changes.pop(path, None)
        self.result.errors.append(message)
        return False
