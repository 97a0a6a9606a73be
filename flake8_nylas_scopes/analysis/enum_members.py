"""The values of ``Enum`` members, read from the class's own body.

``class Scope(str, Enum): READ = "email.read_only"`` and ``Scope.READ.value`` (or
``Scope.READ`` itself, a str) in a scope list: the member holds the string written in
the class.  Only where nothing can make it hold another: a class that defines how
members are made (``__new__``, ``__init__``, ``_generate_next_value_``) or what
``value`` gives is not read.
"""

from __future__ import annotations

import ast

from .ast_names import dotted
from .tree_walk import TreeNodes

# Enum bases by the name they are written with (``Enum``, ``enum.StrEnum``).
_ENUM_BASES = frozenset({"Enum", "StrEnum"})
_STR_ENUM_BASES = frozenset({"StrEnum"})
# Methods that change what a member holds.
_MEMBER_MAKERS = frozenset({"__new__", "__init__", "_generate_next_value_", "value",
                            "_value_", "__init_subclass__"})


def is_enum_class(cls: ast.ClassDef) -> bool:
    """Whether ``cls`` names an ``Enum`` base: its attributes are members, not the
    values written in its body."""
    return any((dotted(base) or "").rpartition(".")[2] in _ENUM_BASES for base in cls.bases)


def enum_member_value(cls: ast.ClassDef, member: str, wants_value: bool) -> ast.expr | None:
    """The string literal ``cls.member`` holds (its ``.value`` when ``wants_value``,
    the member itself for a class that is a ``str``); None when it is not certain."""
    bases = [(dotted(base) or "").rpartition(".")[2] for base in cls.bases]
    if not any(base in _ENUM_BASES for base in bases) or cls.keywords or cls.decorator_list:
        return None
    is_str = "str" in bases or any(base in _STR_ENUM_BASES for base in bases)
    if not wants_value and not is_str:
        return None
    found: list[ast.expr] = []
    for statement in cls.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                statement.name in _MEMBER_MAKERS):
            return None
        if isinstance(statement, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == member
                for target in statement.targets):
            found.append(statement.value)
        elif isinstance(statement, ast.AnnAssign) and isinstance(
                statement.target, ast.Name) and statement.target.id == member:
            return None  # an annotation, maybe with a value: not a plain member
    if len(found) != 1:
        return None
    value = found[0]
    return value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None


def enum_member_names(cls: ast.ClassDef) -> list[str] | None:
    """Every member of an ``Enum`` class, in the order iterating it gives them; None
    unless the body is nothing but docstrings and members bound once to distinct
    strings (no method, annotation or alias that could add, hide or change one)."""
    if not is_enum_class(cls) or cls.keywords or cls.decorator_list:
        return None
    names: list[str] = []
    values: set[str] = set()
    for statement in cls.body:
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name)
                and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)):
            return None
        name, value = statement.targets[0].id, statement.value.value
        if name.startswith("_") or name in names or value in values:
            return None  # a private name, or an alias iteration leaves out
        names.append(name)
        values.add(value)
    return names


def bound_again(nodes: TreeNodes, cls: ast.ClassDef) -> bool:
    """Whether any statement of the module other than the class statement binds the
    class's name (an assignment, an import, a loop, another definition, ``del``), in
    any scope: the name may then hold something else where it is read."""
    name = cls.name
    for node in nodes.all():  # the module's, in ``ast.walk``'s order
        if isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and (
                node.name == name and node is not cls):
            return True
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any(
                (alias.asname or alias.name).split(".")[0] == name for alias in node.names):
            return True
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return True
    return False
