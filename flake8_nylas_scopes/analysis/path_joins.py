"""URLs built by joining path segments rather than by formatting a string.

``"/".join([base, "v3", "grants", grant_id, *parts])``, ``posixpath.join(base, "v3",
...)`` and yarl's ``URL(base) / "v3" / "grants"`` spell the same request as
``f"{base}/v3/grants/{grant_id}"``.  Read as anything else, such a URL would be no
request at all, and the scopes of the calls it makes would look unused.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

# Functions that join their arguments with "/" (``os.path`` is ``posixpath`` where
# servers run).
SEGMENT_JOINS = frozenset({"posixpath.join", "os.path.join"})


def joined_segments(
    node: ast.expr, qualify: Callable[[ast.expr], str | None]
) -> list[ast.expr] | None:
    """The segments ``node`` joins with "/", in order; None when it joins no path.

    A starred segment (``*parts``) stands for any number of segments built at run
    time.  A ``/`` counts as a join only where a segment is a string literal, so
    that arithmetic stays arithmetic.
    """
    if isinstance(node, ast.Call):
        if node.keywords:
            return None
        func = node.func
        if (isinstance(func, ast.Attribute) and func.attr == "join"
                and isinstance(func.value, ast.Constant)):
            if (func.value.value == "/" and len(node.args) == 1
                    and isinstance(node.args[0], (ast.List, ast.Tuple))):
                return list(node.args[0].elts)
            return None
        if qualify(func) in SEGMENT_JOINS and node.args:
            return list(node.args)
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        segments = _divided(node)
        if any(isinstance(segment, ast.Constant) and isinstance(segment.value, str)
               for segment in segments):
            return segments
    return None


def _divided(node: ast.expr) -> list[ast.expr]:
    """The operands of a chain of ``/``, left to right."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return [*_divided(node.left), node.right]
    return [node]
