"""What an instance of a class of the module, made without arguments, reads for an
attribute the class body binds, inherited or behind a property:
``class Google(Base): pass`` with ``class Base: scopes = [...]`` (``Google().scopes``
reads ``Base``'s list), and ``@property def scopes(self): return [...]``.

Read only where the class and every class it inherits from are classes of this module
that nothing can make behave otherwise: no decorator, no metaclass or class keyword,
no hook that gives an instance attributes of its own or reads them otherwise
(``__init__``, ``__getattr__``, ...), and a body of plain statements only (assignments
to names, definitions, docstrings).  A base from anywhere else may bind anything.
Code that sets the attribute on an instance (``p.scopes = ...``) is a change the
project index sees.  Only class bodies are walked: linear in the module's classes.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping

from .class_order import c3_merge
from .tree_walk import walk_nodes

# Methods that give an instance attributes of its own when it is made or read, or
# that change what a subclass binds.
_HOOKS = frozenset({
    "__init__", "__post_init__", "__new__", "__setattr__", "__getattr__",
    "__getattribute__", "__init_subclass__", "__set_name__", "__class_getitem__",
})
_PLAIN_STATEMENTS = (ast.Assign, ast.AnnAssign, ast.FunctionDef, ast.AsyncFunctionDef,
                     ast.Expr, ast.Pass)
# A hierarchy deeper than this is not followed.
_MAX_BASES = 16


def instance_attributes(
    classes: Mapping[str, ast.ClassDef], may_hold: Callable[[str], bool],
    plain_value: Callable[[ast.ClassDef, str], ast.expr | None],
    is_builtin: Callable[[str], bool],
) -> dict[tuple[str, str], list[ast.expr]]:
    """(class name, attribute): the values an instance of the class may read for the
    attribute, each a request of its own (a property's returns); only for
    attributes whose name ``may_hold`` scopes.  ``plain_value``: what the class body
    binds once to the name, read as in the module's scope (None for anything else);
    ``is_builtin``: whether a name is the builtin of that name (``property``,
    ``object``) where the module uses it."""
    found: dict[tuple[str, str], list[ast.expr]] = {}
    # Each class body's bindings by name, built once: a class may bind thousands.
    bound: dict[str, dict[str, list[ast.stmt]]] = {}
    for name, cls in classes.items():
        order = _method_order(cls, classes, is_builtin)
        if order is None or (len(order) == 1 and not _has_property(cls)):
            continue  # the class's own plain values are read with the class's
        owners: dict[str, ast.ClassDef] = {}
        for one in order:
            names = bound.get(one.name)
            if names is None:
                names = bound[one.name] = _bindings_by_name(one)
            for attribute in names:
                owners.setdefault(attribute, one)
        for attribute, owner in owners.items():
            if not may_hold(attribute):
                continue
            values = _attribute_values(owner, bound[owner.name][attribute], attribute,
                                       plain_value, is_builtin)
            if values:
                found[(name, attribute)] = values
    return found


def _has_property(cls: ast.ClassDef) -> bool:
    return any(isinstance(statement, ast.FunctionDef) and statement.decorator_list
               for statement in cls.body)


def _bindings_by_name(cls: ast.ClassDef) -> dict[str, list[ast.stmt]]:
    """The statements of the class body binding (or declaring) each name."""
    found: dict[str, list[ast.stmt]] = {}
    for statement in cls.body:
        for name in _statement_names(statement):
            found.setdefault(name, []).append(statement)
    return found


def _method_order(cls: ast.ClassDef, classes: Mapping[str, ast.ClassDef],
                  is_builtin: Callable[[str], bool]) -> list[ast.ClassDef] | None:
    """The class and the classes it inherits from, in the order Python looks an
    attribute up (C3); None where one of them is not a plain class of this module."""
    return _linearize(cls, classes, is_builtin, {}, 0)


def _linearize(cls: ast.ClassDef, classes: Mapping[str, ast.ClassDef],
               is_builtin: Callable[[str], bool],
               seen: dict[str, list[ast.ClassDef] | None], depth: int
               ) -> list[ast.ClassDef] | None:
    if cls.name in seen:
        return seen[cls.name]
    seen[cls.name] = None  # a cycle (never valid Python) reads as unknown
    if depth > _MAX_BASES or not _plain(cls):
        return None
    orders: list[list[ast.ClassDef]] = []
    bases: list[ast.ClassDef] = []
    for base in cls.bases:
        if isinstance(base, ast.Name) and base.id == "object" and is_builtin("object"):
            continue
        inner = classes.get(base.id) if isinstance(base, ast.Name) else None
        order = _linearize(inner, classes, is_builtin, seen, depth + 1) if (
            inner is not None) else None
        if inner is None or order is None:
            return None
        orders.append(order)
        bases.append(inner)
    merged = c3_merge([*orders, bases])
    result = None if merged is None else [cls, *merged]
    seen[cls.name] = result
    return result


def _plain(cls: ast.ClassDef) -> bool:
    return not (cls.keywords or cls.decorator_list) and all(
        isinstance(statement, _PLAIN_STATEMENTS)
        and not (isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
                 and statement.name in _HOOKS)
        for statement in cls.body)


def _statement_names(statement: ast.stmt) -> set[str]:
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return {statement.name}
    targets = statement.targets if isinstance(statement, ast.Assign) else (
        [statement.target] if isinstance(statement, ast.AnnAssign) else [])
    # ``a, b = ...`` in a class body: every name it may bind counts as bound.
    return {inner.id for target in targets for inner in walk_nodes(target)
            if isinstance(inner, ast.Name)}


def _attribute_values(owner: ast.ClassDef, bindings: list[ast.stmt], attribute: str,
                      plain_value: Callable[[ast.ClassDef, str], ast.expr | None],
                      is_builtin: Callable[[str], bool]) -> list[ast.expr]:
    """What an instance reads for ``attribute``, which ``owner`` is the first class
    to bind (by ``bindings``): its one plain value, or the lists a property returns;
    [] otherwise."""
    if len(bindings) != 1:
        return []
    (binding,) = bindings
    if isinstance(binding, ast.FunctionDef):
        return _property_returns(binding, is_builtin)
    if isinstance(binding, ast.Assign) or (
            isinstance(binding, ast.AnnAssign) and binding.value is not None):
        value = plain_value(owner, attribute)
        return [value] if value is not None else []
    return []


def _property_returns(method: ast.FunctionDef, is_builtin: Callable[[str], bool]
                      ) -> list[ast.expr]:
    """The lists a ``@property`` returns, each a list or tuple of strings written in
    its return statement, the last statement of its body one of them; [] for any
    other method (one that computes a list, may return None, yields, awaits)."""
    decorators = method.decorator_list
    if not (len(decorators) == 1 and isinstance(decorators[0], ast.Name)
            and decorators[0].id == "property" and is_builtin("property")):
        return []
    if not method.body or not isinstance(method.body[-1], ast.Return):
        return []
    returns: list[ast.expr] = []
    for node in walk_nodes(method):
        if node is not method and isinstance(node, (
                ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef,
                ast.Yield, ast.YieldFrom, ast.Await)):
            return []
        if isinstance(node, ast.Return):
            value = node.value
            if not (isinstance(value, (ast.List, ast.Tuple)) and all(
                    isinstance(element, ast.Constant) and isinstance(element.value, str)
                    for element in value.elts)):
                return []
            returns.append(value)
    return returns
