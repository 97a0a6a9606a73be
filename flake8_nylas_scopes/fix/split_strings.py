"""The strings another module's code splits into its scopes (``conf.SCOPES.split()``).

Such a string is read as a list by the module that splits it, but its own module's
facts only say it is a string: a fix must treat each of its scopes as an element
of that list, never as a comma-separated part of the string.  It is then edited
only where it holds one scope, replaced whole, as a split of a module's own string
is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from ..analysis.facts import ModuleFacts, ScopeValue, Span
from ..judging.references import ConstantIndex


def strings_split_elsewhere(facts: Mapping[str, ModuleFacts],
                            index: Callable[[], ConstantIndex]) -> frozenset[Span]:
    """Where the strings the project's code splits across modules are written
    (``index``: the project's constants, built when first asked for)."""
    references = {reference for module in facts.values()
                  for reference in _split_references(module)}
    if not references:
        return frozenset()
    constants = index()
    return frozenset(
        found.value.span for reference in sorted(references)
        for found in constants.scopes(reference) if found.value.span is not None)


def _split_references(module: ModuleFacts) -> Iterator[str]:
    values = [site.value for site in module.sites] + list(module.constants.values())
    for value in values:
        for one in (value, *value.alternatives):
            yield from _splits_of(one)


def _splits_of(value: ScopeValue) -> Iterator[str]:
    for splice in value.splices:
        if splice.split is not None:
            yield splice.reference
