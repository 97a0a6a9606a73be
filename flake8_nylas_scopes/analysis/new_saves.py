"""The ``save()`` calls of API v2 models the code certainly made new.

nylas-python 5.x (``restful_models.py``, 5.14.1 lines 166-171)::

    def save(self, **kwargs):
        if self.id:
            new_obj = self._update_resource(**kwargs)   # PUT /<collection>/{id}
        else:
            new_obj = self._create_resource(**kwargs)   # POST /<collection>
        self._update_values(new_obj)

and a collection's ``create(**kwargs)`` (``restful_model_collection.py`` line 107,
``RestfulModel.create`` lines 58-88) builds an unsaved model whose fields are the
keywords given, ``id`` among them.  So ``client.drafts.create(...).save()``, and
``contact = client.contacts.create(...)`` saved in the same block with nothing but
other fields assigned in between, POST; anything else (an ``id`` given or assigned,
the object handed elsewhere, saved before, a loop) may PUT, and is not recorded.
Only what a message names depends on this: the scopes are the model's either way.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from .source import SourceMap
from .tree_walk import TreeNodes, child_nodes, walk_nodes

_BUILDER = "create"
_SAVE = "save"
_ID = "id"
_BODIES = ("body", "orelse", "finalbody")


def new_saves(tree: ast.Module, source: SourceMap, nodes: TreeNodes | None = None,
              ) -> list[tuple[int, int]]:
    """(line, column) of each ``save()`` call on a model certainly new there."""
    found: list[tuple[int, int]] = []
    # (``nodes``: the tree's, when listed for other readings of it too.)
    for node in walk_nodes(tree) if nodes is None else nodes.of(ast.Call):
        if isinstance(node, ast.Call) and _is_save(node) and isinstance(
                node.func, ast.Attribute) and _is_new_model(node.func.value):
            found.append(_place(source, node))
    for scope, body in _blocks(tree):
        for index, statement in enumerate(body):
            name = _bound_new_model(statement)
            if name is None or _captured(scope, name):
                continue
            save = _saved_after(body[index + 1:], name)
            if save is not None:
                found.append(_place(source, save))
    return found


def _place(source: SourceMap, node: ast.Call) -> tuple[int, int]:
    span = source.span(node)
    return span.line, span.col


def _is_save(node: ast.Call) -> bool:
    return isinstance(node.func, ast.Attribute) and node.func.attr == _SAVE


def _is_new_model(node: ast.expr) -> bool:
    """``<...>.<collection>.create(field=...)`` given no ``id`` and no spread keywords
    (which may hold one) and no argument by position (API v3's ``create``)."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == _BUILDER and isinstance(node.func.value, ast.Attribute)
            and not node.args
            and all(keyword.arg not in (None, _ID) for keyword in node.keywords))


def _bound_new_model(statement: ast.stmt) -> str | None:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(
            statement.targets[0], ast.Name) and _is_new_model(statement.value):
        return statement.targets[0].id
    return None


def _saved_after(following: list[ast.stmt], name: str) -> ast.Call | None:
    """The ``name.save()`` statement that follows, when every statement before it
    leaves ``name`` alone or sets a field of it other than ``id`` to a value that
    does not read it."""
    for statement in following:
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
            call = statement.value
            if _is_save(call) and isinstance(call.func, ast.Attribute) and isinstance(
                    call.func.value, ast.Name) and call.func.value.id == name:
                return call if not any(_mentions(argument, name) for argument in (
                    *call.args, *(keyword.value for keyword in call.keywords))) else None
        if not _mentions(statement, name):
            continue
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
            return None
        target = statement.targets[0]
        if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                and target.value.id == name and target.attr != _ID) or _mentions(
                    statement.value, name):
            return None
    return None


def _mentions(node: ast.AST, name: str) -> bool:
    return any(isinstance(each, ast.Name) and each.id == name for each in walk_nodes(node))


def _captured(scope: ast.AST, name: str) -> bool:
    """Whether a function, lambda or class inside ``scope`` names ``name``, or
    ``scope`` shares it (``global``, ``nonlocal``): other code may then reach the
    object (and set its ``id``) when called between the lines read."""
    return any(
        isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef))
        and node is not scope and _mentions(node, name)
        or isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names
        for node in walk_nodes(scope))


def _blocks(tree: ast.Module) -> Iterator[tuple[ast.AST, list[ast.stmt]]]:
    """Each list of statements, with the module or function whose names it binds."""
    pending: list[tuple[ast.AST, ast.AST]] = [(tree, tree)]
    while pending:
        scope, node = pending.pop()
        for field in _BODIES:
            body = getattr(node, field, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                yield scope, body
        for child in child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                pending.append((child, child))
            elif isinstance(child, (ast.stmt, ast.ExceptHandler, ast.match_case)):
                pending.append((scope, child))
