"""Generic functions of ``functools``: a call of one runs an implementation
registered on it.

``@singledispatch def handle(obj)`` then ``@handle.register def _(obj: Event)``
(or ``@handle.register(Event)``, or ``handle.register(Event, on_event)``): a call
``handle(event)`` runs the implementation the argument's type picks, which the
analysis does not tell apart, so each registered one counts as called with the
generic function's arguments.

Another module may register on it too (``from app.dispatch import handle`` then
``@handle.register(Event)``, or ``@dispatch.handle.register``): which function its
``handle`` is, only the project index can tell.  That module records the
registration as a store of the implementation on the generic function under
``REGISTERS_ON``; the generic function's own module records the call it makes of
what the project registers on it from elsewhere (``symbols.REGISTERED``).
"""

from __future__ import annotations

import ast

# What a decorator's import names it when it makes a generic function.
DISPATCHERS = frozenset({"functools.singledispatch", "functools.singledispatchmethod"})
# The attribute a store of an implementation on a generic function names: no
# assignment can write it, so it is told from ``obj.register = ...``.
REGISTERS_ON = "register()"


def registered_on(decorator: ast.expr) -> ast.expr | None:
    """The generic function a decorator registers the function on (``handle`` of
    ``@handle.register`` and ``@handle.register(Event)``, ``dispatch.handle`` of
    ``@dispatch.handle.register``); None when it registers on nothing."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    if isinstance(target, ast.Attribute) and target.attr == "register" and _names_something(
            target.value):
        return target.value
    return None


def registered_by_call(call: ast.Call) -> tuple[ast.expr, ast.expr] | None:
    """``handle.register(Event, on_event)``: the generic function and the
    implementation it is given; None for any other call."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "register" and _names_something(
            func.value) and len(call.args) == 2 and not call.keywords and not any(
            isinstance(arg, ast.Starred) for arg in call.args):
        return func.value, call.args[1]
    return None


def _names_something(node: ast.expr) -> bool:
    """A name or a dotted chain of names: what a generic function is reached by."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)
