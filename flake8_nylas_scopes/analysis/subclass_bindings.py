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
from typing import NamedTuple

# A class is named by its module and the classes and functions it is written in.
_SCOPE_STATEMENTS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


class ClassBindings(NamedTuple):
    """What the classes of a module bind that a method of another class may read
    through ``self`` (see ``ModuleFacts.subclass_bindings``)."""

    # (the class's dotted name, the attribute) for its classes with a base.
    with_base: list[tuple[str, str]]
    # The same for its classes with no base (a mixin of scopes).
    base_free: list[tuple[str, str]]
    # (the last part of the name of a base, the dotted name of the class naming it)
    # for each base of its classes.
    base_names: list[tuple[str, str]]


def subclass_bindings(
    tree: ast.Module, module: str, may_hold_scopes: Callable[[str], bool],
) -> ClassBindings:
    """(the class's dotted name, the attribute) for each attribute that may hold
    scopes bound in the body of a class, split by whether the class has a base, and
    the names of the classes' bases: a class with no base reaches another class's
    method only through a subclass, which names it as a base (``class Pro(SendScopes,
    Flow):``, or a class of such a list)."""
    with_base: set[tuple[str, str]] = set()
    base_free: set[tuple[str, str]] = set()
    named: set[tuple[str, str]] = set()
    stack: list[tuple[ast.AST, str]] = [(statement, module) for statement in tree.body]
    while stack:
        node, where = stack.pop()
        if isinstance(node, ast.ClassDef):
            name = f"{where}.{node.name}"
            bound = {(name, attribute) for attribute in _bound(node)
                     if may_hold_scopes(attribute)}
            (with_base if node.bases or node.keywords else base_free).update(bound)
            named.update((base, name) for base in map(_last_name, node.bases) if base)
            stack.extend((child, name) for child in node.body)
            continue
        inner = f"{where}.{node.name}" if isinstance(node, _SCOPE_STATEMENTS) else where
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            for child in getattr(node, block, None) or ():
                stack.append((child, inner))
    return ClassBindings(sorted(with_base), sorted(base_free), sorted(named))


def _last_name(base: ast.expr) -> str:
    """The name a base is written with, without its module (``mixins.SendScopes``:
    ``SendScopes``); "" for a base written another way, which names no class the
    judge can tell."""
    if isinstance(base, ast.Name):
        return base.id
    return base.attr if isinstance(base, ast.Attribute) else ""


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
