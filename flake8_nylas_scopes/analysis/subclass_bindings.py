"""The attributes a class with a base binds in its body (``class Pro(Auth): SCOPES =
[...]``): a method of ``Auth`` reading ``self.SCOPES`` may run on such a subclass's
instance, and then reads the subclass's value.  Recorded for every class of the
module with a base, whatever that base is, so that the project index reads
``self.SCOPES`` as its class's attribute only where no class of the project may
bind it again.  Only statements are walked, never expressions: one pass, linear in
the module's statements.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

# A class is named by its module and the classes and functions it is written in.
_SCOPE_STATEMENTS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def subclass_bindings(
    tree: ast.Module, module: str, may_hold_scopes: Callable[[str], bool],
) -> list[tuple[str, str]]:
    """(the class's dotted name, the attribute) for each attribute that may hold
    scopes bound in the body of a class with a base."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[ast.AST, str]] = [(statement, module) for statement in tree.body]
    while stack:
        node, where = stack.pop()
        if isinstance(node, ast.ClassDef):
            name = f"{where}.{node.name}"
            if node.bases or node.keywords:
                found.extend((name, attribute) for attribute in _bound(node)
                             if may_hold_scopes(attribute))
            stack.extend((child, name) for child in node.body)
            continue
        inner = f"{where}.{node.name}" if isinstance(node, _SCOPE_STATEMENTS) else where
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            for child in getattr(node, block, None) or ():
                stack.append((child, inner))
    return sorted(set(found))


def _bound(cls: ast.ClassDef) -> set[str]:
    """The names a class body binds by assignment or definition."""
    names: set[str] = set()
    for statement in cls.body:
        targets: list[ast.expr] = []
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
            targets = [statement.target]
        elif isinstance(statement, _SCOPE_STATEMENTS):
            names.add(statement.name)
        names.update(target.id for target in targets if isinstance(target, ast.Name))
    return names
