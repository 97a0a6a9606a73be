"""One piece of advice per scope list, where a redundant scope's includer is not needed.

NYS104 and NYS403 ask to remove a scope that another requested scope includes.  When
the usage rules report that includer itself (NYS302, NYS405) and their fix puts the
included scope in its place, the two messages read as a contradiction: one says to
drop the scope the code needs, the other to request it instead of its includer.
Both fixes together leave the list right, and the safe fix alone (the removal) takes
nothing the code needs, so neither fix changes; the redundant scope's message names
the other way round, which keeps the item where it is written.

An includer reported unused (NYS303) gives no such pair: the scopes it includes
serve no call either, so removing both is the one advice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..analysis.facts import ScopeSite, ValueState
from ..findings import Finding, FixAction
from ..nylas_api import dialect_catalogue
from ..spans import Span
from .usage_rules import item_scope
from .v3_requests import V3_UNKNOWN, site_dialect

_REDUNDANT = frozenset({"NYS104", "NYS403"})
# Claims that an item is broader than needed, whose fix replaces it.
_NARROWING = frozenset({"NYS302", "NYS405"})

_ItemKey = tuple[Span, int]


def with_coherent_advice(findings: set[Finding], sites: Sequence[ScopeSite]) -> set[Finding]:
    """``findings`` with each redundant-scope message that its includer's narrowing
    would keep naming that alternative."""
    narrowing = sorted(
        (finding for finding in findings if finding.code in _NARROWING
         and finding.fix is not None and finding.fix.action is FixAction.REPLACE),
        key=lambda finding: finding.sort_key)
    if not narrowing or not any(finding.code in _REDUNDANT for finding in findings):
        return findings
    items = _Items(sites)
    advised: set[Finding] = set()
    for finding in findings:
        if finding.code in _REDUNDANT:
            finding = _advised(finding, narrowing, items)
        advised.add(finding)
    return advised


class _Items:
    """The requests reading each scope item, and the scope it names."""

    def __init__(self, sites: Iterable[ScopeSite]) -> None:
        self.readers: dict[_ItemKey, set[int]] = {}
        self.scopes: dict[_ItemKey, set[str | None]] = {}
        self.by_span: dict[Span, set[_ItemKey]] = {}
        self._beside: dict[_ItemKey, set[str]] = {}
        for site in sites:
            dialect = site_dialect(site)
            if site.value.state is not ValueState.ITEMS or not dialect \
                    or dialect == V3_UNKNOWN:
                continue
            catalogue = dialect_catalogue(dialect)
            for item in site.value.items:
                key = (item.span, item.part)
                self.readers.setdefault(key, set()).add(id(site))
                self.scopes.setdefault(key, set()).add(item_scope(site, item, catalogue))
                self.by_span.setdefault(item.span, set()).add(key)

    def key_of(self, finding: Finding) -> _ItemKey | None:
        """The item a finding is on: its fix's, or the only one written at its span
        (a finding whose fix was withheld)."""
        if finding.fix is not None:
            return (finding.fix.span, finding.fix.part)
        keys = self.by_span.get(finding.span, set())
        return next(iter(keys)) if len(keys) == 1 else None

    def written_beside(self, claimed: _ItemKey) -> set[str]:
        """The scopes named by items that every list reading ``claimed`` reads."""
        written = self._beside.get(claimed)
        if written is None:
            lists = self.readers.get(claimed, set())
            written = self._beside[claimed] = {
                scope for key, readers in self.readers.items() if lists <= readers
                and (scope := self.scope(key)) is not None}
        return written

    def scope(self, key: _ItemKey) -> str | None:
        """The scope the item names, when every request reading it agrees."""
        scopes = self.scopes.get(key, set())
        return next(iter(scopes)) if len(scopes) == 1 else None


def _advised(redundant: Finding, narrowing: Sequence[Finding], items: _Items) -> Finding:
    key = items.key_of(redundant)
    scope = items.scope(key) if key is not None else None
    if key is None or scope is None:
        return redundant
    readers = items.readers[key]
    for claim in narrowing:
        fix = claim.fix
        assert fix is not None
        claimed = (fix.span, fix.part)
        # Dropping the includer instead of narrowing it leaves the same lists only
        # where every list reading the includer reads this item too.
        if claimed == key or scope not in fix.replacement \
                or not items.readers.get(claimed, set()) <= readers:
            continue
        includer = fix.text.strip()
        # Scopes every list reading the includer writes already need no request.
        written = items.written_beside(claimed)
        rest = " + ".join(repr(other) for other in fix.replacement
                          if other != scope and other not in written)
        if rest:
            other_way = f"request {rest} instead of {includer!r}"
        else:
            other_way = f"drop {includer!r}, which the code does not need"
        return Finding(redundant.code, redundant.span,
                       f"{redundant.template}, or keep it and {other_way} ({claim.code})",
                       redundant.fix, redundant.evidence, redundant.places)
    return redundant
