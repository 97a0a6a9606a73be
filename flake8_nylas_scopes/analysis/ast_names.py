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


def structure(node: object) -> object:
    """A node's structure without its positions, as nested tuples that compare and
    hash.  (``ast.dump`` would do, but each call leaves a reference cycle behind, its
    recursive helper, and the analysis runs with the cyclic collector paused.)"""
    if isinstance(node, ast.AST):
        return (type(node).__name__, *(structure(getattr(node, name, None))
                                       for name in node._fields))
    if isinstance(node, list):
        return tuple(structure(item) for item in node)
    if node is None or isinstance(node, str):
        return node
    # ``1``, ``1.0`` and ``True`` are equal, ``0.0`` and ``-0.0`` too: not as written.
    return type(node).__name__, repr(node)
