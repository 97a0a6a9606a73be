"""Parameters a function reads only through fields of the object it is given.

``class NylasClient: def __init__(self, config): self.api_uri = config.api_uri``:
the constructor keeps ``config.api_uri``, which counts as handing ``config`` on
(the attribute may be a list of the object's).  Given a settings record a module
function makes afresh on every call (``NylasClient(load_config())``), reading its
fields other than those that may hold scopes keeps nothing that holds that record's
scopes: the project index reads the other callers' records as made.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .tree_walk import child_nodes

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef,
           ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def reads_fields_only(function: ast.FunctionDef | ast.AsyncFunctionDef, parameter: str,
                      may_hold_scopes: Callable[[str], bool]) -> bool:
    """Whether every use of ``parameter`` in the body of ``function`` loads one of
    its attributes by a plain name that cannot hold scopes, and does not call it
    (a bound method may change the object), nor binds the name again; a nested
    function or comprehension naming it is not looked into, and counts as a use."""
    used = False
    stack: list[tuple[ast.AST, ast.AST | None, bool]] = [
        (statement, None, False) for statement in function.body]
    while stack:
        node, parent, nested = stack.pop()
        if isinstance(node, ast.Name) and node.id == parameter:
            if nested or not isinstance(node.ctx, ast.Load) or not _field_load(
                    node, parent, may_hold_scopes):
                return False
            used = True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
                isinstance(node.func.value, ast.Name) and node.func.value.id == parameter):
            return False  # ``config.widen()``: a method, which may change it
        if isinstance(node, ast.arg) and node.arg == parameter:
            return False  # a nested function's own parameter of the same name
        inner = nested or isinstance(node, _SCOPES)
        for child in child_nodes(node):
            stack.append((child, node, inner))
    return used


def _field_load(name: ast.Name, parent: ast.AST | None,
                may_hold_scopes: Callable[[str], bool]) -> bool:
    return isinstance(parent, ast.Attribute) and parent.value is name and isinstance(
        parent.ctx, ast.Load) and not parent.attr.startswith("_") and not may_hold_scopes(
        parent.attr)
