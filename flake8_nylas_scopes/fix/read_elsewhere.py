"""The scope items of other modules' constants that the project's requests read.

A request reading ``SCOPES`` imported from ``app/settings.py`` holds, in its own
module's facts, only the name it reads: the items are read from the settings
module's constant where the request is judged.  The fix plan needs how each item is
written there (a whole list element or a part of a string), as it knows it for a
list written in the requesting module, before it removes an element spelled by an
expression (``GOOGLE + "gmail.readonly"``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from ..analysis.facts import ModuleFacts, ScopeItem, ScopeValue
from ..judging.references import ConstantIndex


def items_read_elsewhere(facts: Mapping[str, ModuleFacts],
                         index: Callable[[], ConstantIndex]) -> list[ScopeItem]:
    """The items of the constants the project's requests read from other modules
    (``index``: the project's constants, built when first asked for)."""
    references = {reference for module in facts.values() for site in module.sites
                  for reference in _references(site.value)}
    if not references:
        return []
    constants = index()
    return [item for reference in sorted(references)
            for found in constants.scopes(reference) for item in found.value.items]


def _references(value: ScopeValue) -> Iterator[str]:
    for one in (value, *value.alternatives):
        if one.reference:
            yield one.reference
        for splice in one.splices:
            if splice.split is None:
                yield splice.reference
