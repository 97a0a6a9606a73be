"""Litestar's application state handed to a route handler.

Litestar gives a handler's parameter annotated ``State`` the application's own state
object, the one a lifespan or start-up hook writes as ``app.state.nylas = Client(...)``.
``state.nylas`` read through such a parameter is therefore the same framework-state
slot as ``request.app.state.nylas`` (``s:state.nylas``).  Only an annotation that names
Litestar's class through the module's imports counts: a parameter named ``state`` with
no annotation, or annotated with another library's ``State``, stays a plain parameter.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

from .ast_names import dotted

# Litestar's state classes, by the names its package exports them under.
_STATE_CLASSES = frozenset({
    "litestar.datastructures.State",
    "litestar.datastructures.ImmutableState",
    "litestar.datastructures.state.State",
    "litestar.datastructures.state.ImmutableState",
})


def imports_litestar(imports: Mapping[str, str]) -> bool:
    """Whether any of a module's imports is of Litestar (the cheap test first)."""
    return any(name == "litestar" or name.startswith("litestar.") for name in imports.values())


def names_litestar_state(annotation: ast.expr, imports: Mapping[str, str]) -> bool:
    """Whether ``annotation`` is Litestar's ``State`` as this module imports it
    (``State``, ``datastructures.State``, ``litestar.datastructures.State``)."""
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return False
    spelled = dotted(annotation)
    if not spelled or spelled.endswith("()"):
        return False
    head, _, rest = spelled.partition(".")
    imported = imports.get(head)
    if imported is None:
        return False
    return (f"{imported}.{rest}" if rest else imported) in _STATE_CLASSES
