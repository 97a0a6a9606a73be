"""Spelling AST expressions as dotted names."""

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
