"""The default factory of a dataclass or attrs field: what the field holds on an
instance made without it.

``nylas: Client = field(default_factory=lambda: Client(api_key=KEY))`` (also
``default_factory=make_client``, attrs' ``field(factory=...)``, ``attr.ib(...)`` and
``attrs.Factory(...)``): the generated ``__init__`` calls the factory with no
argument and stores what it returns.  Only the field makers of ``dataclasses`` and
attrs count, and only factories called so: a lambda without parameters or a name
(``Factory(f, takes_self=True)`` passes the instance, and is not read).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

# The calls that make a field, by the dotted name their import gives.
_FIELD_MAKERS = frozenset({
    "dataclasses.field", "attrs.field", "attr.ib", "attr.attrib", "attr.field",
})
# The field makers whose field needs no annotation (``client = attr.ib(...)`` in an
# ``@attr.s`` class): ``dataclasses.field`` without one is no field.
_UNANNOTATED_MAKERS = _FIELD_MAKERS - {"dataclasses.field"}
# The calls that wrap a factory as a default (``default=Factory(make)``).
_FACTORY_WRAPPERS = frozenset({"attrs.Factory", "attr.Factory"})
_FACTORY_KEYWORDS = ("default_factory", "factory")


def field_factory(value: ast.expr, callee_name: Callable[[ast.expr], str]
                  ) -> tuple[ast.expr, list[ast.Call]] | None:
    """The factory a class body's field value names, and the calls that hand it to
    the field makers (which only keep it for the generated ``__init__``); None for
    any other value."""
    if not isinstance(value, ast.Call):
        return None
    name = callee_name(value.func)
    if name in _FACTORY_WRAPPERS:
        factory = _wrapped(value)
        return (factory, [value]) if factory is not None else None
    if name not in _FIELD_MAKERS:
        return None
    for keyword in value.keywords:
        if keyword.arg in _FACTORY_KEYWORDS and _called_bare(keyword.value):
            return keyword.value, [value]
        if keyword.arg == "default" and isinstance(keyword.value, ast.Call) and (
                callee_name(keyword.value.func) in _FACTORY_WRAPPERS):
            factory = _wrapped(keyword.value)
            return (factory, [value, keyword.value]) if factory is not None else None
    return None


def _wrapped(call: ast.Call) -> ast.expr | None:
    """The factory of ``Factory(make)``, unless it is handed the instance."""
    if len(call.args) != 1 or any(keyword.arg == "takes_self" for keyword in call.keywords):
        return None
    return call.args[0] if _called_bare(call.args[0]) else None


def _called_bare(factory: ast.expr) -> bool:
    """Whether a factory is one the analysis reads called with no argument: a lambda
    without parameters, or a name (a function's return value is followed as at any
    call of it)."""
    if isinstance(factory, ast.Lambda):
        args = factory.args
        return not (args.posonlyargs or args.args or args.vararg or args.kwonlyargs
                    or args.kwarg)
    return isinstance(factory, (ast.Name, ast.Attribute))


def unannotated_field(value: ast.expr, callee_name: Callable[[ast.expr], str]) -> bool:
    """Whether a class body's unannotated value (``client = attr.ib(...)``) makes a
    field of the generated ``__init__``, in its place among the others."""
    return isinstance(value, ast.Call) and callee_name(value.func) in _UNANNOTATED_MAKERS
