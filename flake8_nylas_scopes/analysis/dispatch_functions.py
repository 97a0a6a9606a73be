"""Generic functions of ``functools``: a call of one runs an implementation
registered on it.

``@singledispatch def handle(obj)`` then ``@handle.register def _(obj: Event)``
(or ``@handle.register(Event)``, or ``handle.register(Event, on_event)``): a call
``handle(event)`` runs the implementation the argument's type picks, which the
analysis does not tell apart, so each registered one counts as called with the
generic function's arguments.
"""

from __future__ import annotations

import ast

# What a decorator's import names it when it makes a generic function.
DISPATCHERS = frozenset({"functools.singledispatch", "functools.singledispatchmethod"})


def registered_on(decorator: ast.expr) -> str:
    """The name of the generic function a decorator registers the function on
    (``handle`` of ``@handle.register`` and ``@handle.register(Event)``); "" when it
    registers on no name."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    if isinstance(target, ast.Attribute) and target.attr == "register" and isinstance(
            target.value, ast.Name):
        return target.value.id
    return ""


def registered_by_call(call: ast.Call) -> tuple[str, ast.expr] | None:
    """``handle.register(Event, on_event)``: the generic function's name and the
    implementation it is given; None for any other call."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "register" and isinstance(
            func.value, ast.Name) and len(call.args) == 2 and not call.keywords and not any(
            isinstance(arg, ast.Starred) for arg in call.args):
        return func.value.id, call.args[1]
    return None
