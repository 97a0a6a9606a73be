"""Whether a dict a function spreads as keywords (``find(grant, **kw)``) still holds
the keys of the literal it is bound to.

A dict's one assignment says its keys only while no other code touches it: an item
stored (``kw["message_id"] = m``), ``update``, ``setdefault``, or the dict handed to a
function that may do either (``fill(kw)``) adds keys the literal does not show.  Every
read of the name other than a spread (``f(**kw)``, which hands on a copy) is taken
for such a change: the keys are then unread, never the literal's.
"""

from __future__ import annotations

import ast

from .tree_walk import walk_nodes

# Calls that reach a function's names by their text, so that no read of the name
# shows (``locals()["kw"]["message_id"] = m``).
_NAMESPACE_CALLS = frozenset({"locals", "vars", "eval", "exec"})


def only_spread(body: list[ast.stmt], name: str) -> bool:
    """Whether ``name`` is read in ``body`` (a function's statements, the functions
    nested in it included) only as a spread of keywords, and the body reads no
    namespace by text."""
    spreads: set[int] = set()
    reads: list[ast.Name] = []
    for statement in body:
        for node in walk_nodes(statement):
            if isinstance(node, ast.keyword) and node.arg is None and isinstance(
                    node.value, ast.Name):
                spreads.add(id(node.value))
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and (
                    node.id == name or node.id in _NAMESPACE_CALLS):
                reads.append(node)
    return all(read.id == name and id(read) in spreads for read in reads)
