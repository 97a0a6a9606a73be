"""Whether a method is called on an object of one of the module's own classes.

A class of the app may define a method named like one of the SDK's
(``class Portal: def url_for_oauth2(self, config): ...``): its calls are the app's,
and what its body does is read where it is written.  Only the plain cases are
told: ``self``/``cls`` in the class, the class itself, ``Portal()`` and a name
bound to that call.  Anything else may be the SDK's object.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping

_INSTANCE_NAMES = frozenset({"self", "cls"})


def is_own_method(
    receiver: ast.expr,
    method: str,
    classes: Mapping[str, ast.ClassDef],
    enclosing_class: str | None,
    lookup: Callable[[str], ast.expr | None],
) -> bool:
    """Whether ``receiver.method`` is certainly the method ``method`` of a class of
    the module that defines it in its own body.  ``enclosing_class`` is the class
    whose method is being read (None outside one); ``lookup`` gives the one value a
    name is bound to."""
    if isinstance(receiver, ast.Name) and receiver.id in _INSTANCE_NAMES:
        return enclosing_class is not None and _defines(
            classes.get(enclosing_class), method)
    if isinstance(receiver, ast.Name):
        bound = lookup(receiver.id)
        if bound is None:
            return _defines(classes.get(receiver.id), method)
        receiver = bound
    return (isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Name)
            and lookup(receiver.func.id) is None
            and _defines(classes.get(receiver.func.id), method))


def _defines(cls: ast.ClassDef | None, method: str) -> bool:
    return cls is not None and any(
        isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
        and statement.name == method
        for statement in cls.body
    )
