"""An application factory that loads Flask's configuration from its parameter.

``def create_app(config_class=Config): app.config.from_object(config_class)`` loads
``Config`` where callers pass nothing (``flask --app "app:create_app"``, ``app =
create_app()``), and whatever else its callers pass (``create_app(TestConfig)``).  The
extractor records the load as the parameter, for the project index to read from the
callers (see ``judging/factory_configs``), and the default as a load of its own.

Only the plain shape is read: a load written in the body of a module-level function
(not in a nested function, lambda or class, whose names may be others), on a
positional parameter with a default, that the body never binds again.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Union

from .bindings import BodyBindings
from .flask_config import CONFIG_CLASS_SUFFIX
from .tree_walk import child_nodes, walk_nodes

Def = Union[ast.FunctionDef, ast.AsyncFunctionDef]
# Scopes of their own inside a function body: a name there may be another one.
_OWN_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


@dataclass(frozen=True)
class LoadedParameter:
    """The parameter a configuration is loaded from: its function, position and
    default; ``default`` is None where the load cannot be read from the callers (no
    default, keyword-only, bound again in the body, a decorated or twice-defined
    function)."""

    function: str
    position: int
    default: ast.expr | None


def loaded_parameter(tree: ast.Module, call: ast.Call, name: str,
                     bodies: BodyBindings) -> LoadedParameter | None:
    """Where ``from_object(name)`` (``call``) loads a parameter of the module-level
    function whose own body holds it; None where ``name`` is no such parameter."""
    function = _owner(tree, call)
    if function is None:
        return None
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    names = [arg.arg for arg in (*positional, *args.kwonlyargs)]
    if name not in names:
        return None
    unread = LoadedParameter(function.name, -1, None)
    at = next((index for index, arg in enumerate(positional) if arg.arg == name), -1)
    offset = len(positional) - len(args.defaults)
    if at < offset or function.decorator_list or _defined_again(tree, function):
        return unread
    own = bodies.of(function)
    if own.binds(name) or name in own.mutated or name in own.opaque_writes or (
            _declared_nonlocal(function, name)):
        return unread
    return LoadedParameter(function.name, at, args.defaults[at - offset])


def _owner(tree: ast.Module, call: ast.Call) -> Def | None:
    """The module-level function whose own body holds ``call``."""
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                statement.lineno <= call.lineno <= (statement.end_lineno or 0)) and (
                _in_own_body(statement, call)):
            return statement
    return None


def _in_own_body(function: Def, call: ast.Call) -> bool:
    pending: list[ast.AST] = list(function.body)
    while pending:
        node = pending.pop()
        if node is call:
            return True
        if not isinstance(node, _OWN_SCOPES):
            pending.extend(child_nodes(node))
    return False


def _defined_again(tree: ast.Module, function: Def) -> bool:
    """Whether the module binds the function's name by another statement too."""
    name = function.name
    for statement in tree.body:
        if statement is function:
            continue
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and (
                statement.name == name):
            return True
        for node in walk_nodes(statement):
            if isinstance(node, ast.Name) and node.id == name and not isinstance(
                    node.ctx, ast.Load):
                return True
            if isinstance(node, ast.alias) and (node.asname or node.name) == name:
                return True
    return False


def _declared_nonlocal(function: Def, name: str) -> bool:
    """A nested function that may bind the parameter (``nonlocal config_class``)."""
    return any(isinstance(node, ast.Nonlocal) and name in node.names
               for node in walk_nodes(function))


def configuration_path(node: ast.expr) -> str:
    """The dotted name a string constant spells where it may name a configuration
    class (``"app.config.TestConfig"``, ``"app.config:TestConfig"``); "" otherwise."""
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return ""
    path = node.value.replace(":", ".")
    return path if "." in path and path.endswith(CONFIG_CLASS_SUFFIX) else ""
