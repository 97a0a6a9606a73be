"""Names that hold one kind of value wherever the module binds them.

``auth = nylas.auth`` in a function, then ``auth.url_for_admin_consent(CONFIG)``: a
reader that does not know which function a call is in (the search for code that may
change a module's dict) can still tell what ``auth`` holds when every binding of the
name, in any scope of the module, assigns a value of the same kind.  Any other
binding (a parameter, a loop or ``with`` target, an import, ``+=``, ``del``, a
tuple target, ``global`` aside) leaves the name unknown.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .tree_walk import walk_nodes

# Statements and expressions that bind a name other than through an ``ast.Name``.
_NAMED_BINDERS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.ExceptHandler,
                  ast.MatchAs, ast.MatchStar)


def sole_bindings(tree: ast.AST, kind: Callable[[ast.expr], str]) -> dict[str, str]:
    """By name, the kind ``kind`` gives every value assigned to it, for the names
    whose every binding in ``tree`` is a plain assignment (``name = value``,
    ``name: T = value``, ``(name := value)``) of values of one kind.  ``kind`` gives
    "" for a value of no kind.  One walk of the tree."""
    assigned: dict[int, str] = {}
    kinds: dict[str, str] = {}
    unknown: set[str] = set()
    for node in walk_nodes(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)):
            # ``ast.walk`` gives a node before its children: the target comes later.
            if node.value is not None:
                value_kind = kind(node.value)
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if value_kind:
                    for target in targets:
                        if isinstance(target, ast.Name):
                            assigned[id(target)] = value_kind
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            found = assigned.get(id(node), "")
            if not found or kinds.setdefault(node.id, found) != found:
                unknown.add(node.id)
        elif isinstance(node, ast.arg):
            unknown.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            unknown.update((alias.asname or alias.name).partition(".")[0]
                           for alias in node.names)
        elif isinstance(node, _NAMED_BINDERS) and node.name:
            unknown.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            unknown.add(node.rest)
    return {name: found for name, found in kinds.items() if name not in unknown}
