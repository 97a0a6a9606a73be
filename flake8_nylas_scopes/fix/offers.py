"""What ``fix`` would do about each reported finding, for outputs that carry fixes.

JSON and SARIF consumers (code scanning offers a suggested change a reviewer can
click) must never be offered an edit that ``fix`` itself refuses.  So the offers are
taken from the same plan as ``fix`` (:func:`.plan.plan_fixes`): a finding's fix
applies exactly when that plan keeps it, and a refusal carries the plan's reason.
Where the planned edit can be written as an exact text replacement it comes along
(:mod:`.text_edits`); the sources are read here, so reporters only serialise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..analysis.facts import ModuleFacts
from ..findings import Finding
from ..settings.config import CodeFilter, Config
from .plan import FixPlan, FixPolicy, plan_fixes
from .text_edits import FixEditor, TextEdit

if TYPE_CHECKING:
    import libcst


@dataclass(frozen=True)
class FixOffer:
    """``applies``: ``fix`` applies it as it runs by default; ``applies_unsafe``: with
    ``--unsafe-fixes``; ``reason``: why it would not, when it would not."""

    applies: bool
    applies_unsafe: bool
    reason: str = ""
    edit: TextEdit | None = None


SourceReader = Callable[[str], str | None]


def offer_fixes(
    findings: Sequence[Finding],
    facts: Mapping[str, ModuleFacts],
    config: Config,
    enabled: CodeFilter,
    read: SourceReader,
) -> dict[Finding, FixOffer]:
    """An offer for every finding that carries a fix.

    ``findings`` are the ones reported (after ``# noqa`` and per-file ignores): they
    are what ``fix`` starts from.
    """
    with_fix = [finding for finding in findings if finding.fix is not None]
    if not with_fix:
        return {}

    def plan(unsafe: bool) -> FixPlan:
        return plan_fixes(with_fix, facts, config, enabled, FixPolicy(unsafe=unsafe),
                          lambda path: None)

    safe, unsafe = plan(False), plan(True)
    edits = _edits(safe, read)
    codemod = _Codemod.load(read)
    applied, refused = _verdicts(safe, codemod, lambda: edits)
    applied_unsafe, refused_unsafe = _verdicts(unsafe, codemod, lambda: _edits(unsafe, read))
    # A refusal of the plan ``fix`` runs by default explains best; then the other's.
    reasons = {**refused_unsafe, **refused}
    offers: dict[Finding, FixOffer] = {}
    for finding in with_fix:
        reason = reasons.get(finding, "")
        if not reason and finding in applied_unsafe:
            reason = "it can change what the app is granted: applied with --unsafe-fixes"
        offers[finding] = FixOffer(
            applies=finding in applied,
            applies_unsafe=finding in applied_unsafe,
            reason="" if finding in applied else reason,
            edit=edits.get(finding) if finding in applied else None,
        )
    return offers


class _Codemod:
    """The codemod ``fix`` runs, asked about planned fixes; each file parsed once for
    both plans."""

    def __init__(self, read: SourceReader) -> None:
        import libcst as cst

        from .apply import apply_fixes

        self._cst = cst
        self._apply = apply_fixes
        self._read = read
        self._modules: dict[str, cst.Module | None] = {}

    @classmethod
    def load(cls, read: SourceReader) -> _Codemod | None:
        """None when libcst is not installed."""
        try:
            return cls(read)
        except ImportError:
            return None

    def module(self, path: str) -> libcst.Module | None:
        if path not in self._modules:
            source = self._read(path)
            try:
                parsed = self._cst.parse_module(source) if source is not None else None
            except self._cst.ParserSyntaxError:
                parsed = None
            self._modules[path] = parsed
        return self._modules[path]

    def verdicts(self, plan: FixPlan, refused: dict[Finding, str]) -> set[Finding]:
        applied: set[Finding] = set()
        for path, planned in plan.by_path.items():
            module = self.module(path)
            if module is None:
                for item in planned:
                    refused.update(
                        (finding, "the file cannot be edited") for finding in item.findings
                    )
                continue
            outcome = self._apply(module, planned)
            applied.update(finding for item in outcome.applied for finding in item.findings)
            refused.update(
                (finding, skipped.reason)
                for skipped in outcome.skipped for finding in skipped.findings
            )
        return applied


def _verdicts(
    plan: FixPlan, codemod: _Codemod | None, edits: Callable[[], dict[Finding, TextEdit]]
) -> tuple[set[Finding], dict[Finding, str]]:
    """The findings ``fix`` would fix under ``plan``, and why it would leave the others.

    The plan decides what to fix; the codemod may still find that an item is not
    written where it can edit it (the value of a name, an operator expression).  With
    libcst installed it is asked, file by file, exactly as ``fix`` asks it; without,
    only a fix whose exact text edit is known counts as applied (``fix`` cannot run
    there at all, and such literal edits are the ones the codemod always makes).
    """
    refused = {
        finding: skipped.reason for skipped in plan.skipped for finding in skipped.findings
    }
    if codemod is not None:
        return codemod.verdicts(plan, refused), refused
    applied = set(edits())
    refused.update(
        (finding, "the fix needs libcst: pip install 'flake8-nylas-scopes[codemod]'")
        for planned in plan.by_path.values()
        for item in planned
        for finding in item.findings
        if finding not in applied
    )
    return applied, refused


def _edits(plan: FixPlan, read: SourceReader) -> dict[Finding, TextEdit]:
    edits: dict[Finding, TextEdit] = {}
    for path, planned in plan.by_path.items():
        source = read(path)
        if source is None:
            continue
        editor = FixEditor(path, source)
        for item in planned:
            edit = editor.edit(item.fix)
            if edit is not None:
                edits.update((finding, edit) for finding in item.findings)
    return edits
