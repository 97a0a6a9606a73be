"""click (and Typer, built on it) keeps an app-wide object on the command context:
``ctx.obj = client`` (or ``ctx.ensure_object(dict)["nylas"] = client``) in the
group, then ``ctx.obj`` in a command or the first parameter of a command decorated
with ``@click.pass_obj``.

A child context takes its parent's ``obj``, so every context's ``obj`` is one
framework-state slot for the whole project (``s:click.obj``), as ``app.state.nylas``
is: whatever any store puts there, a read may give.  ``cli(obj=...)``,
``CliRunner().invoke(cli, obj=...)`` and ``click.Context(cli, obj=...)`` store there
too.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Final

from .symbols import STATE

OBJECT_SLOT: Final = f"{STATE}click.obj"
# The keyword that hands a command its context's object.
OBJECT_KEYWORD: Final = "obj"
# Decorators whose function receives the context's object as its first argument.
PASS_OBJECT_DECORATORS: Final = frozenset({"click.pass_obj", "click.decorators.pass_obj"})
# The context method that makes ``obj`` when there is none and gives it back.
ENSURE_OBJECT: Final = "ensure_object"
# The names a command's context parameter is given, and the function that gives the
# running command's context.
_CONTEXT_NAMES: Final = frozenset({"ctx", "context"})
_CURRENT_CONTEXT: Final = "get_current_context"
_ATTRIBUTE: Final = "obj"


def imports_click(imports: Mapping[str, str]) -> bool:
    """Whether a module imports click or Typer."""
    return any(name.split(".", 1)[0] in ("click", "typer") for name in imports.values())


def names_context_object(node: ast.expr) -> bool:
    """Whether ``node`` is a context's ``obj``: ``ctx.obj``, ``ctx.parent.obj``,
    ``ctx.find_root().obj``, ``click.get_current_context().obj``."""
    if not (isinstance(node, ast.Attribute) and node.attr == _ATTRIBUTE):
        return False
    return _on_a_context(node.value)


def ensures_object(node: ast.expr) -> bool:
    """Whether ``node`` is ``ctx.ensure_object(dict)``: the context's ``obj``."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
        node.func.attr == ENSURE_OBJECT) and _on_a_context(node.func.value)


def _on_a_context(node: ast.expr) -> bool:
    while True:
        if isinstance(node, ast.Attribute):
            node = node.value
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else (
                func.id if isinstance(func, ast.Name) else "")
            if name == _CURRENT_CONTEXT:
                return True
            node = func
        else:
            return isinstance(node, ast.Name) and node.id in _CONTEXT_NAMES
