"""The names a ``getattr`` reads when its name runs over constants.

An app that does the same to several resources often loops over their names::

    for resource_name in ("messages", "calendars", "contacts"):
        getattr(nylas, resource_name).list(grant_id)

That reads ``nylas.messages``, ``nylas.calendars`` and ``nylas.contacts``, and
nothing else, when the loop is the only statement that binds the name and it runs
over identifiers written in place, or held by a name bound once to a tuple.  A list
or set held by a name may be changed where the analysis does not look, and any other
iterable may hold any name: the ``getattr`` is then unread, as before.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .tree_walk import walk_nodes

# The one value a name is bound to, or None.
Bound = Callable[[str], "ast.expr | None"]


def names_run_over(iterable: ast.expr, bound: Bound) -> tuple[str, ...] | None:
    """The attribute names a loop over ``iterable`` gives its target, in order and
    each once; None where they are not all known identifiers."""
    if isinstance(iterable, ast.Name):
        held = bound(iterable.id)
        if not isinstance(held, ast.Tuple):
            return None
        iterable = held
    if not isinstance(iterable, (ast.Tuple, ast.List, ast.Set)) or not iterable.elts:
        return None
    names: list[str] = []
    for element in iterable.elts:
        if not (isinstance(element, ast.Constant) and isinstance(element.value, str)
                and element.value.isidentifier()):
            return None
        names.append(element.value)
    return tuple(dict.fromkeys(names))


def comprehension_loops(generators: list[ast.comprehension]) -> dict[str, ast.expr]:
    """The iterable each plain-name target of a comprehension runs over, for the
    names no other of its targets binds."""
    counts: dict[str, int] = {}
    for generator in generators:
        for node in walk_nodes(generator.target):
            if isinstance(node, ast.Name):
                counts[node.id] = counts.get(node.id, 0) + 1
    return {generator.target.id: generator.iter for generator in generators
            if isinstance(generator.target, ast.Name) and counts[generator.target.id] == 1}
