"""Symbol keys: the names the value flow gives to every place that can hold a value.

A key is its kind's prefix followed by a qualified name (``p:app.views.send.client``
is the parameter ``client`` of ``app.views.send``).  Keys stay strings: they are the
resolver's dictionary keys, hashed millions of times in a large project, and the
cache's text.  They are made and taken apart only with the names defined here, so
the vocabulary is written down once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

SymbolKind = Literal[
    "parameter", "local", "global", "attribute", "state", "temporary", "returned", "bases",
    "element", "bare_class", "registered", "choice",
]

# A function's parameter: ``module.function.name`` (methods: ``module.Class.method.name``).
PARAMETER: Final = "p:"
# A name bound in a function body: ``module.function.name``.  A parameter the
# function binds again is written through the local of its own qualified name,
# which the parameter holds (see ``rebinding_local``).
LOCAL: Final = "l:"
# A name bound at module level: ``module.name``.
GLOBAL: Final = "g:"
# An attribute of a class's instances (``self.<name>`` or a class attribute):
# ``module.Class.name``.
ATTRIBUTE: Final = "a:"
# Framework state held by attribute (``app.state.x``, ``g.x``, ``current_app.x``):
# ``state.x``, ``app.x``, ``g.x``, whichever module writes or reads it.
STATE: Final = "s:"
# A value made of several that are one object read several ways (a cast, framework
# state): ``module.<counter>``.
TEMPORARY: Final = "t:"
# A value a condition chooses among several (``a if c else b``, ``a or b``), or one
# element of several joined (a display's elements, ``a + b`` of two lists, a chain, a
# ``next`` with a default), unlike a temporary's parts: ``module.<counter>``.  One part
# the analysis cannot follow may then be the value.
CHOICE: Final = "o:"
# What a function returns: ``module.function``.
RETURNED: Final = "r:"
# The bases of a class: ``module.Class``.
BASES: Final = "c:"
# One element of what a function returns when each of its ``return`` statements
# gives a tuple display of the same length: ``module.function#index``.
ELEMENT: Final = "e:"
# A class whose statement adds nothing to its one base (``class AppRoutes(Routes):
# pass``: no decorator, keyword or body but a docstring), holding that base:
# ``module.Class``.  Its instances are the base's.
BARE_CLASS: Final = "k:"
# The implementations another module registers on a generic function of
# ``functools`` (``@handle.register`` with ``handle`` imported), which a call of the
# generic function runs: ``module.function``.
REGISTERED: Final = "d:"

PREFIXES: Final[Mapping[SymbolKind, str]] = {
    "parameter": PARAMETER, "local": LOCAL, "global": GLOBAL, "attribute": ATTRIBUTE,
    "state": STATE, "temporary": TEMPORARY, "returned": RETURNED, "bases": BASES,
    "element": ELEMENT, "bare_class": BARE_CLASS, "registered": REGISTERED,
    "choice": CHOICE,
}
_KINDS: Final[Mapping[str, SymbolKind]] = {prefix: kind for kind, prefix in PREFIXES.items()}
# Keys that name a variable the user wrote (for messages: ``client``).
NAMED_VARIABLES: Final = (LOCAL, PARAMETER, GLOBAL, RETURNED)


def kind_of(key: str) -> SymbolKind | None:
    """The kind of a symbol key; None for text that is not one."""
    return _KINDS.get(key[:2])


def qualified_name(key: str) -> str:
    """The qualified name a key is made of, without its prefix."""
    return key[2:]


def returned_element(function: str, index: int) -> str:
    """The key of the ``index``-th element of the tuples ``function`` returns."""
    return f"{ELEMENT}{function}#{index}"


def rebinding_local(parameter: str) -> str:
    """The key of the local through which a function binds its parameter again."""
    return LOCAL + qualified_name(parameter)
