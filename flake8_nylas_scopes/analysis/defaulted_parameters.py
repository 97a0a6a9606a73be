"""A wrapper's parameter given a fallback in its body before it is used.

``def build_url(uri, scopes=None): scopes = scopes or DEFAULT`` sends what its callers
pass, and ``DEFAULT`` where they pass nothing.  Only the plain shapes are read:

* ``scopes = scopes or DEFAULT`` and ``if not scopes: scopes = DEFAULT`` (any false
  value is replaced),
* ``if scopes is None: scopes = DEFAULT``, ``scopes = DEFAULT if scopes is None else
  scopes`` (only None is replaced),

each a statement of the function's own body (not under a loop or a branch), the only
one binding the name; or the same ``or`` and conditional expressions written in the
request itself (``authentication_url(uri, scopes=scopes or DEFAULT)``).  The ``or``
and conditional statements may copy what they pick into a new list:
``scopes = list(scopes or DEFAULT)`` (also ``tuple``, ``sorted``) or
``scopes = [*(scopes or DEFAULT), "openid"]``, which adds its other elements.  A plain
copy of the parameter (``scopes = list(scopes)``) replaces nothing, and the request may
write each copy of a builtin itself (``scopes=list(scopes or DEFAULT)``,
``scopes=sorted(scopes)``), as the statement does.
Anything else that changes the parameter is not read here.
"""

from __future__ import annotations

import ast
import dataclasses
from dataclasses import dataclass

from .tree_walk import walk_nodes


@dataclass(frozen=True)
class Fallback:
    """What replaces a parameter, and whether every false value is replaced (``or``,
    ``not``) or None alone (``is None``)."""

    # None for a plain copy (``list(scopes)``), which replaces no value.
    value: ast.expr | None
    # The value the statement binds the name to (the whole ``scopes or DEFAULT``).
    assigned: ast.expr
    statement: ast.stmt
    any_false: bool
    copy: Copy | None = None


@dataclass(frozen=True)
class Copy:
    """A new list made of what the fallback picks: ``list(scopes or DEFAULT)`` or
    ``[*(scopes or DEFAULT), "openid"]``.  ``added`` are the other elements of a list
    display, ``at`` how many of them stand before the picked list."""

    added: tuple[ast.expr, ...] = ()
    at: int = 0


def parameter_fallback(
    function: ast.FunctionDef | ast.AsyncFunctionDef, name: str, bound: ast.expr
) -> Fallback | None:
    """The fallback ``function``'s body gives parameter ``name``, whose one binding in
    the body is ``bound``; None where that binding is not one of the plain shapes."""
    for statement in function.body:
        found = _fallback_of(statement, name)
        if found is not None and found.assigned is bound:
            added = found.copy.added if found.copy is not None else ()
            picked = () if found.value is None else (found.value,)
            return found if not any(_mentions(one, name) for one in (*picked, *added)
                                    ) else None
    return None


def inline_fallback(value: ast.expr, statement: ast.stmt) -> tuple[ast.Name, Fallback] | None:
    """The parameter and its fallback where the request itself writes the fallback
    (``scopes=scopes or DEFAULT``, ``"scope": DEFAULT if scopes is None else
    scopes``), as the statement forms do, copied by a builtin or not
    (``scopes=list(scopes or DEFAULT)``, ``scopes=sorted(scopes)``); ``statement``: the
    one that holds it."""
    copied = _copied_by_call(value)
    if copied is not None:
        if isinstance(copied, ast.Name):
            return copied, Fallback(None, value, statement, any_false=False, copy=Copy())
        picked = inline_fallback(copied, statement)
        return (picked[0], dataclasses.replace(picked[1], assigned=value, copy=Copy())) if (
            picked is not None and picked[1].copy is None) else None
    if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or) and (
            len(value.values) == 2 and isinstance(value.values[0], ast.Name)):
        name = value.values[0]
        fallback: Fallback | None = Fallback(value.values[1], value, statement, any_false=True)
    elif isinstance(value, ast.IfExp):
        found = [(side, fallback) for side in (value.body, value.orelse)
                 if isinstance(side, ast.Name)
                 and (fallback := _conditional_fallback(value, statement, side.id))]
        if len(found) != 1:
            return None
        name, fallback = found[0]
    else:
        return None
    if fallback is None or fallback.value is None or _mentions(fallback.value, name.id):
        return None
    return name, fallback


def _fallback_of(statement: ast.stmt, name: str) -> Fallback | None:
    if isinstance(statement, ast.Assign):
        if not _assigns(statement, name):
            return None
        value, copy = _copied(statement.value)
        if copy is not None and _is_name(value, name):
            # ``scopes = list(scopes)``: what the callers pass, in a new list.
            return Fallback(None, statement.value, statement, any_false=False, copy=copy)
        if copy is not None:
            picked = _picked(value, statement, name)
            return dataclasses.replace(picked, assigned=statement.value, copy=copy) if (
                picked is not None) else None
        return _picked(value, statement, name)
    if isinstance(statement, ast.If) and not statement.orelse and len(statement.body) == 1:
        (inner,) = statement.body
        if not isinstance(inner, ast.Assign) or not _assigns(inner, name):
            return None
        replaced = _replaced_when(statement.test, name)
        if not replaced:
            return None
        return Fallback(inner.value, inner.value, statement, any_false=replaced == "false")
    return None


# Builtins that make a new list (or tuple) of the same elements.
_COPIES = frozenset({"list", "tuple", "sorted"})


def _copied_by_call(value: ast.expr) -> ast.expr | None:
    """What ``list(x)``, ``tuple(x)`` and ``sorted(x)`` copy (``x``); None for any
    other value."""
    if (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
            and value.func.id in _COPIES and len(value.args) == 1 and not value.keywords
            and not isinstance(value.args[0], ast.Starred)):
        return value.args[0]
    return None


def _copied(value: ast.expr) -> tuple[ast.expr, Copy | None]:
    """What ``list(x)``, ``tuple(x)``, ``sorted(x)`` and a list display with one
    starred ``*x`` copy (``x``), and how; ``value`` itself where it is no copy."""
    copied = _copied_by_call(value)
    if copied is not None:
        return copied, Copy()
    if isinstance(value, ast.List):
        starred = [at for at, element in enumerate(value.elts)
                   if isinstance(element, ast.Starred)]
        if len(starred) == 1:
            (at,) = starred
            element = value.elts[at]
            assert isinstance(element, ast.Starred)
            added = tuple(one for one in value.elts if one is not element)
            return element.value, Copy(added, at)
    return value, None


def _picked(value: ast.expr, statement: ast.stmt, name: str) -> Fallback | None:
    """``scopes or DEFAULT`` and the conditional forms, as bound by ``statement``."""
    if (isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or)
            and len(value.values) == 2 and _is_name(value.values[0], name)):
        return Fallback(value.values[1], value, statement, any_false=True)
    if isinstance(value, ast.IfExp):
        return _conditional_fallback(value, statement, name)
    return None


def _conditional_fallback(value: ast.IfExp, statement: ast.stmt, name: str
                          ) -> Fallback | None:
    """``DEFAULT if scopes is None else scopes``, ``scopes if scopes else DEFAULT`` and
    the like."""
    replaced = _replaced_when(value.test, name)
    if replaced and _is_name(value.orelse, name):
        return Fallback(value.body, value, statement, any_false=replaced == "false")
    kept = _kept_when(value.test, name)
    if kept and _is_name(value.body, name):
        return Fallback(value.orelse, value, statement, any_false=kept == "false")
    return None


def _replaced_when(test: ast.expr, name: str) -> str:
    """"none" for ``name is None``, "false" for ``not name``; "" otherwise."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and _is_name(
            test.operand, name):
        return "false"
    if _compares_none(test, name, ast.Is):
        return "none"
    return ""


def _kept_when(test: ast.expr, name: str) -> str:
    """"none" for ``name is not None``, "false" for ``name``; "" otherwise."""
    if _is_name(test, name):
        return "false"
    if _compares_none(test, name, ast.IsNot):
        return "none"
    return ""


def _compares_none(test: ast.expr, name: str, operator: type[ast.cmpop]) -> bool:
    return (isinstance(test, ast.Compare) and _is_name(test.left, name)
            and len(test.ops) == 1 and isinstance(test.ops[0], operator)
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value is None)


def _assigns(statement: ast.Assign, name: str) -> bool:
    return len(statement.targets) == 1 and _is_name(statement.targets[0], name)


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _mentions(node: ast.expr, name: str) -> bool:
    return any(isinstance(one, ast.Name) and one.id == name for one in walk_nodes(node))
