"""Spelling AST expressions as dotted names, and comparing them by their structure."""

from __future__ import annotations

import ast


def dotted(node: ast.expr) -> str:
    """``a.b.c`` for names and attributes, ``a.b()`` for a call; "" for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else ""
    if isinstance(node, ast.Call):
        base = dotted(node.func)
        return f"{base}()" if base else ""
    return ""


def keyword_value(node: ast.Call, name: str) -> ast.expr | None:
    """The value of a call's keyword argument ``name`` (None when not given)."""
    return next((keyword.value for keyword in node.keywords if keyword.arg == name), None)


def structure(node: object) -> object:
    """A node's structure without its positions, as nested tuples that compare and
    hash.  (``ast.dump`` would do, but each call leaves a reference cycle behind, its
    recursive helper, and the analysis runs with the cyclic collector paused.)"""
    # Loops, not generator expressions: one frame per level of nesting, as deep as
    # ``ast.dump`` goes (a generator doubles the frames, and the recursion limit
    # meets a deeply nested file that the fix must still name).
    if isinstance(node, ast.AST):
        parts: list[object] = [type(node).__name__]
        for name in node._fields:
            parts.append(structure(getattr(node, name, None)))
        return tuple(parts)
    if isinstance(node, list):
        items: list[object] = []
        for item in node:
            items.append(structure(item))
        return tuple(items)
    if node is None or isinstance(node, str):
        return node
    # ``1``, ``1.0`` and ``True`` are equal, ``0.0`` and ``-0.0`` too: not as written.
    return type(node).__name__, repr(node)
