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
# The attribute of a store that says a generic function's ``register`` is used in a
# way the analysis has no rule for (``register = handle.register``,
# ``handle.register(Event)(on_event)``): it may get implementations the analysis
# cannot tell, to which what the generic function is called with goes unfollowed.
REGISTERS_UNTOLD = "register(?)"


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


def registration_target(decorator: ast.expr) -> ast.expr | None:
    """The ``<generic>.register`` attribute of a decorator that registers on a
    generic function (see ``registered_on``), for telling other uses of it apart."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return target if registered_on(decorator) is not None else None


def names_register(node: ast.Attribute) -> bool:
    """Whether an attribute is ``register`` of a name or dotted chain of names."""
    return node.attr == "register" and _names_something(node.value)


def _names_something(node: ast.expr) -> bool:
    """A name or a dotted chain of names: what a generic function is reached by."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)
