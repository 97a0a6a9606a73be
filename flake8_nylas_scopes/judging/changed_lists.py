"""Which items of the project's scope lists sit in a list that code may change.

A request reads a list's items where the list is written.  When code other than its
assignment may change that list (``from .scopes import GOOGLE`` then
``GOOGLE.append(...)``), the items no longer say what the request asks for, whether the
request names the list itself, a dict holding it (``SCOPES = {"google": GOOGLE}`` read
as ``SCOPES["google"]``) or reads it from another module: the request is then
unresolved.  Items are told by where they are written, which names one module's
constants, so each module's are looked at only when a request reads an item of it.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..analysis.facts import ModuleFacts, ScopeItem, ScopeValue, ValueState
from ..spans import Span
from .references import ConstantIndex


class ChangedLists:
    def __init__(self, modules: Mapping[str, ModuleFacts], index: ConstantIndex) -> None:
        # The facts of every module, by path: a span names the module by its path.
        self._modules = modules
        self._index = index
        self._by_path: dict[str, dict[Span, str]] = {}

    def unless_changed(self, value: ScopeValue) -> ScopeValue:
        """The value, or unresolved when it is read from a list code may change."""
        if value.state is not ValueState.ITEMS:
            return value
        reference = next((found for found in map(self._holder, value.items) if found), "")
        if not reference:
            return value
        return ScopeValue(ValueState.UNRESOLVED, complete=False, reference=reference,
                          span=value.span,
                          reason=f"scopes come from {reference}, which other code may change")

    def _holder(self, item: ScopeItem) -> str:
        """The dotted name of a list code may change that holds ``item``, or ""."""
        span = item.span
        changed = self._by_path.get(span.path)
        if changed is None:
            facts = self._modules.get(span.path)
            changed = self._by_path[span.path] = (
                _changed_own_lists(facts, self._index) if facts is not None else {})
        return changed.get(span, "")


def _changed_own_lists(facts: ModuleFacts, index: ConstantIndex) -> dict[Span, str]:
    """Where the items of a module's own scope lists are written that code of other
    modules may change (``from .views import SCOPES`` then ``SCOPES.append(...)``),
    with the list's dotted name."""
    found: dict[Span, str] = {}
    for name, value in facts.constants.items():
        reference = f"{facts.module}.{name}"
        # A list grown behind flags is read as the lists it may be, each with items.
        lists = value.alternatives or (value,)
        if any(one.state is ValueState.ITEMS for one in lists) and (
                index.changed_elsewhere(reference)):
            found.update((item.span, reference) for one in lists for item in one.items)
    return found
