"""A callee a module runs over a table of callables, one of which the analysis cannot
follow.

``for cls in (GmailSync, plugins.Thing): cls(nylas)``, ``SYNCS = {"mail": GmailSync,
"x": plugins.Thing}`` then ``for cls in SYNCS.values(): cls(nylas)`` or
``SYNCS[kind](nylas)``, ``SYNCS.get(kind)(nylas)``: the resolver follows the
project's classes, and another library's callable resolves to nothing at all, so
the call reads as one of the project's only.  What the call is given may go to
that library's code too.

Only the module's own bindings are walked (a name, a temporary holding a display's
elements, a loop over a display, a dict's ``values()``, ``items()`` or ``get()``),
from the callee of a call that already runs project code: the walk costs nothing
elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..analysis.flow_facts import Edge, Val

# Values that hold what their inner value holds, or its elements.
_THROUGH = frozenset({"iter", "item", "box", "part"})
# A mapping's or a sequence's methods that give its own elements.
_ELEMENT_METHODS = frozenset({"values", "items", "copy", "get"})
# Bindings walked from one callee, at most: tables of callables are small, and a larger
# one is taken as holding what the walk could not reach.
_MAX_STEPS = 64


def bindings_by_symbol(edges: Sequence[Edge]) -> Mapping[str, list[Val]]:
    """What each symbol of one module is bound to, in one pass over its edges."""
    found: dict[str, list[Val]] = {}
    for edge in edges:
        found.setdefault(edge.target, []).append(edge.value)
    return found


def may_be_untold(callee: Val, bindings: Mapping[str, list[Val]],
                  external: Callable[[str], bool], strict: bool = False) -> bool:
    """Whether ``callee`` may hold a callable of a name ``external`` says the project
    does not define, through the module's bindings.  A walk that runs out of steps
    before it has seen every binding says it may: what it has not seen is not known
    to be the project's.  ``strict``: so may a value the walk does not follow (what
    a call gives, an attribute of an object)."""
    pending = [callee]
    seen: set[int] = set()
    steps = 0
    while pending and steps < _MAX_STEPS:
        value = pending.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        steps += 1
        kind = value.kind
        if kind == "ref":
            if "." in value.name and external(value.name):
                return True
        elif kind == "sym":
            pending.extend(bindings.get(value.name, ()))
        elif kind in _THROUGH and value.inner is not None:
            pending.append(value.inner)
        elif kind == "call" and value.inner is not None and value.inner.kind == "attr" and (
                value.inner.name in _ELEMENT_METHODS) and value.inner.inner is not None:
            pending.append(value.inner.inner)
        elif strict:
            return True
    return bool(pending)
