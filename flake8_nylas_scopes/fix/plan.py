"""Which findings' fixes to apply: the decisions that need no syntax tree.

The fixes come from the analysis itself (:attr:`Finding.fix`); this module only
chooses among them, and says why it left one out:

* safety: a SAFE fix is applied by default, an UNSAFE one only when asked, others
  never (the registry's ``fix`` column decides, not the finding);
* ``# noqa``: a finding flake8 would not report is not fixed either;
* shared items: a scope written once (in a constant) and read by several requests is
  changed only when every request that reads it reports the same fix;
* emptiness: a request never loses all of its scopes, since an empty value makes the
  server grant every scope.

Nothing here imports libcst.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..analysis.facts import ItemForm, ModuleFacts, ScopeSite, Span, ValueState
from ..codes import CODES, FixSafety
from ..findings import Finding, Fix, FixAction
from ..judging.module_findings import module_findings
from ..judging.references import ConstantIndex
from ..places import display_path
from ..settings.config import CodeFilter, Config
from ..settings.noqa import NoqaLines
from .read_elsewhere import items_read_elsewhere
from .split_strings import strings_split_elsewhere

ItemKey = tuple[Span, int]


@dataclass(frozen=True)
class FixPolicy:
    unsafe: bool = False

    def allows(self, code: str) -> bool:
        entry = CODES.get(code)
        if entry is None or entry.fix is FixSafety.NONE:
            return False
        return entry.fix is FixSafety.SAFE or self.unsafe


@dataclass(frozen=True)
class PlannedFix:
    """One edit and the findings it fixes.

    ``form`` says how the item is written when the facts know it (a list element or
    a part of a comma-joined string); ``string_parts`` are all parts of the string at
    the span, so that the edit can check the literal is exactly that list of scopes
    (and not, say, a URL that merely contains it).
    """

    fix: Fix
    findings: tuple[Finding, ...]
    form: ItemForm | None = None
    string_parts: tuple[str, ...] | None = None
    # Every request reads the item at the span as this one scope, a whole element of a
    # list: an element spelled by an expression (``GOOGLE + "gmail.readonly"``) may
    # then be removed whole, as a string element is.
    exact: bool = False

    @property
    def codes(self) -> str:
        return ", ".join(sorted({finding.code for finding in self.findings}))


@dataclass(frozen=True)
class Skipped:
    findings: tuple[Finding, ...]
    span: Span
    reason: str

    def describe(self, name: Callable[[str], str] = display_path) -> str:
        """One line; ``name`` shows the path (the analysis keeps edits at absolute
        paths, which is not how the user named the files)."""
        codes = ", ".join(sorted({finding.code for finding in self.findings}))
        where = f"{name(self.span.path)}:{self.span.line}:{self.span.col + 1}"
        return f"{where}: {codes} not fixed: {self.reason}"


@dataclass
class FixPlan:
    by_path: dict[str, list[PlannedFix]] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    # Findings with an unsafe fix the policy leaves out: the command says how many, or
    # a user who ran ``fix`` without ``--unsafe-fixes`` would see nothing happen.
    withheld: list[Finding] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.by_path


NoqaSource = Callable[[str], NoqaLines | None]


def plan_fixes(
    findings: Iterable[Finding],
    facts: Mapping[str, ModuleFacts],
    config: Config,
    enabled: CodeFilter,
    policy: FixPolicy,
    noqa_for: NoqaSource,
) -> FixPlan:
    plan = FixPlan()
    wanted = []
    for finding in findings:
        if finding.fix is None or _silenced(finding, noqa_for):
            continue
        if policy.allows(finding.code):
            wanted.append(finding)
        elif FixPolicy(unsafe=True).allows(finding.code):
            plan.withheld.append(finding)
    if not wanted:
        return plan
    sites = _SiteIndex(facts, config, enabled, policy)
    agreed: list[Finding] = []
    for finding in wanted:
        reason = sites.disagreement(finding)
        if reason:
            plan.skipped.append(Skipped((finding,), finding.span, reason))
        else:
            agreed.append(finding)
    planned = _merge_identical(agreed, sites)
    planned = _fold_respellings_into_removals(planned)
    planned = _keep_written_items(planned, sites)
    planned = _keep_requests_non_empty(planned, sites, plan.skipped)
    for item in planned:
        plan.by_path.setdefault(item.fix.span.path, []).append(item)
    return plan


def _silenced(finding: Finding, noqa_for: NoqaSource) -> bool:
    noqa = noqa_for(finding.span.path)
    return noqa is not None and noqa.suppresses(finding.span.line, finding.code)


class _SiteIndex:
    """The requests that read each scope item, and how each one judges it alone."""

    def __init__(
        self,
        facts: Mapping[str, ModuleFacts],
        config: Config,
        enabled: CodeFilter,
        policy: FixPolicy,
    ) -> None:
        self._config = config
        self._enabled = enabled
        self._policy = policy
        self.readers: dict[ItemKey, list[tuple[str, ScopeSite]]] = {}
        self.forms: dict[ItemKey, set[ItemForm]] = {}
        self.texts: dict[ItemKey, set[str]] = {}
        self.string_parts: dict[Span, set[tuple[str, ...]]] = {}
        self.sites: list[ScopeSite] = []
        for path, module in facts.items():
            for site in module.sites:
                self.sites.append(site)
                for item in site.value.items:
                    key = (item.span, item.part)
                    self.readers.setdefault(key, []).append((path, site))
                    self.forms.setdefault(key, set()).add(item.form)
                    self.texts.setdefault(key, set()).add(item.text)
                parts = [i for i in site.value.items if i.form is ItemForm.STRING_PART]
                for span in {item.span for item in parts}:
                    texts = tuple(
                        item.text
                        for item in sorted(parts, key=lambda i: i.part)
                        if item.span == span
                    )
                    self.string_parts.setdefault(span, set()).add(texts)
        # How another module writes the items requests read there, for ``exact``
        # only: ``form`` keeps telling a name's whole value by knowing no form.
        # One index of the project's constants, for both readings of other modules'
        # lists below, built only where a request reads or splits one.
        constants = functools.cache(lambda: ConstantIndex(facts.values()))
        self._read_elsewhere: dict[ItemKey, set[tuple[ItemForm, str]]] = {}
        for item in items_read_elsewhere(facts, constants):
            self._read_elsewhere.setdefault((item.span, item.part), set()).add(
                (item.form, item.text))
        self._judged: dict[int, list[Finding]] = {}
        self._split_elsewhere = strings_split_elsewhere(facts, constants)

    def form(self, fix: Fix) -> ItemForm | None:
        if fix.span in self._split_elsewhere:
            # Its scopes are elements of the list the split makes: whatever else
            # reads the string, it is edited only where it holds one scope.
            return ItemForm.LIST_ITEM
        forms = self.forms.get((fix.span, fix.part), set())
        return next(iter(forms)) if len(forms) == 1 else None

    def exact(self, fix: Fix) -> bool:
        """Whether every request reads the item ``fix`` edits as its text, one whole
        element of a list (not a part of a string, nor a string split elsewhere)."""
        key = (fix.span, fix.part)
        if fix.part != 0 or fix.span in self._split_elsewhere:
            return False
        if key not in self.forms:
            # A list of another module, which the requests read by its name.
            return self._read_elsewhere.get(key) == {(ItemForm.LIST_ITEM, fix.text)}
        return self.forms.get(key) == {ItemForm.LIST_ITEM} and self.texts.get(key) == {fix.text}

    def reader_ids(self, fix: Fix) -> frozenset[int]:
        """The requests that read the item ``fix`` edits, by identity."""
        return frozenset(id(site) for _, site in self.readers.get((fix.span, fix.part), []))

    def parts(self, span: Span) -> tuple[str, ...] | None:
        known = self.string_parts.get(span, set())
        return next(iter(known)) if len(known) == 1 else None

    def _judge(self, path: str, site: ScopeSite) -> list[Finding]:
        cached = self._judged.get(id(site))
        if cached is None:
            alone = ModuleFacts(path, mentions_nylas=True, sites=[site])
            cached = module_findings(alone, self._config, self._enabled)
            self._judged[id(site)] = cached
        return cached

    def disagreement(self, finding: Finding) -> str:
        fix = finding.fix
        if fix is None or fix.action not in (FixAction.REMOVE, FixAction.REPLACE):
            return ""
        readers = self.readers.get((fix.span, fix.part), [])
        if len(readers) <= 1:
            return ""
        verdicts = [
            any(
                other.fix == fix and self._policy.allows(other.code)
                for other in self._judge(path, site)
            )
            for path, site in readers
        ]
        # A finding no single request reproduces was judged on the whole project
        # (the usage rules look at every request together): its fix stands.
        if all(verdicts) or not any(verdicts):
            return ""
        return (
            f"the item is read by {len(readers)} requests and only "
            f"{sum(verdicts)} of them call for this fix"
        )


def _merge_identical(findings: Sequence[Finding], sites: _SiteIndex) -> list[PlannedFix]:
    """One planned edit per distinct fix, carrying every finding it fixes."""
    by_fix: dict[Fix, list[Finding]] = {}
    for finding in findings:
        assert finding.fix is not None
        by_fix.setdefault(finding.fix, []).append(finding)
    return [
        PlannedFix(fix, tuple(found), sites.form(fix), sites.parts(fix.span),
                   sites.exact(fix))
        for fix, found in by_fix.items()
    ]


# A finding whose fix only writes one scope's name the way Nylas reads it (stray
# whitespace or case): the item still names that one scope.
_RESPELLING = "NYS102"


def _fold_respellings_into_removals(planned: list[PlannedFix]) -> list[PlannedFix]:
    """Remove an item rather than respell it first, where both are asked of it.

    ``" contacts.read_only"`` in ``"email.read_only, contacts.read_only"`` is both
    malformed (NYS102: write ``contacts.read_only``) and not needed (NYS303: remove
    it).  The two edits claim the same item differently, so applying them apart left
    both undone on every run.  A respelling that gives one scope leaves the item
    naming the scope the removal is about, so the removal alone fixes both findings.
    A respelling into several scopes (an item holding two) is kept apart: removing
    the item would remove a scope no finding asks to remove.
    """
    planned = list(planned)
    removals = {(item.fix.span, item.fix.part, item.fix.text): index
                for index, item in enumerate(planned)
                if item.fix.action is FixAction.REMOVE}
    folded: set[int] = set()
    for item in list(planned):
        fix = item.fix
        index = removals.get((fix.span, fix.part, fix.text))
        if (index is None or fix.action is not FixAction.REPLACE
                or len(fix.replacement) != 1
                or any(finding.code != _RESPELLING for finding in item.findings)):
            continue
        folded.add(id(item))
        removal = planned[index]
        planned[index] = dataclasses.replace(removal, findings=removal.findings + item.findings)
    return [item for item in planned if id(item) not in folded]


def _keep_written_items(planned: list[PlannedFix], sites: _SiteIndex) -> list[PlannedFix]:
    """Keep an item that is already written rather than write it again elsewhere.

    When one fix replaces ``X`` by ``Y`` (a narrower scope) and another removes a
    ``Y`` that the same requests already hold (``Y`` is granted by ``X``), applying
    both leaves the same scopes as removing ``X`` alone, but the latter keeps the
    ``Y`` where the user wrote it, with its comment.  Only done when both items are
    read by exactly the same requests, so that no request ends with other scopes.
    """
    removals: dict[tuple[frozenset[int], str], PlannedFix] = {}
    for item in planned:
        if item.fix.action is FixAction.REMOVE:
            removals.setdefault((sites.reader_ids(item.fix), item.fix.text), item)
    folded: set[int] = set()
    swapped: dict[int, PlannedFix] = {}
    for item in planned:
        fix = item.fix
        if fix.action is not FixAction.REPLACE or len(fix.replacement) != 1:
            continue
        readers = sites.reader_ids(fix)
        twin = removals.get((readers, fix.replacement[0]))
        if not readers or twin is None or id(twin) in folded:
            continue
        folded.add(id(twin))
        removal = Fix(FixAction.REMOVE, fix.span, fix.part, fix.text)
        swapped[id(item)] = PlannedFix(removal, item.findings + twin.findings,
                                       item.form, item.string_parts, item.exact)
    return [swapped.get(id(item), item) for item in planned if id(item) not in folded]


def _keep_requests_non_empty(
    planned: list[PlannedFix], sites: _SiteIndex, skipped: list[Skipped]
) -> list[PlannedFix]:
    removed = {
        (item.fix.span, item.fix.part): item
        for item in planned
        if item.fix.action is FixAction.REMOVE
    }
    dropped: set[ItemKey] = set()
    for site in sites.sites:
        if site.value.state is not ValueState.ITEMS or not site.value.items:
            continue
        keys = {(item.span, item.part) for item in site.value.items}
        if keys <= removed.keys():
            dropped |= keys
    kept: list[PlannedFix] = []
    for item in planned:
        key = (item.fix.span, item.fix.part)
        if item.fix.action is FixAction.REMOVE and key in dropped:
            skipped.append(
                Skipped(
                    item.findings,
                    item.fix.span,
                    "removing it would leave a request with no scopes, and an empty "
                    "value asks for every scope",
                )
            )
        else:
            kept.append(item)
    return kept
