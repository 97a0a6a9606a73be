"""Writes that set an object's attribute by a name given as a value, not written as
``obj.name = value``::

    setattr(holder, name, make_client())
    vars(holder)[name] = make_client()          # also holder.__dict__[name]
    self.__dict__.update(options)               # also vars(self).update(...)
    mock.patch.object(Digest, "client", make_client())
    monkeypatch.setattr(Digest, "client", make_client())

Each may put into the object any value under any of its attributes (or under the one
its name spells): what reads an attribute of the object may get the value.  The flow
extractor stores them as it stores ``holder.name = value``, under the attribute
named, or under every attribute (``RUN_TIME_NAMES``) where the name is read at run
time.  A patch leaves the attribute replaced while it is active, and code called
then reads the new value: a real client put there must not be hidden by the fake
the class holds.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True)
class NamedWrite:
    """An attribute of ``owner`` set to ``value``, its name the expression ``name``."""

    owner: ast.expr
    name: ast.expr
    value: ast.expr


# The callables that replace an attribute, and the keyword their new value may be
# given by: ``unittest.mock.patch.object(target, attribute, new=DEFAULT, ...)``
# (https://docs.python.org/3/library/unittest.mock.html#patch-object; pytest-mock's
# ``mocker.patch.object`` takes the same arguments) and pytest's
# ``MonkeyPatch.setattr(target, name, value=notset, raising=True)``
# (https://docs.pytest.org/en/stable/reference/reference.html#pytest.MonkeyPatch.setattr).
# Keyed by the callee's last two names, since the fixtures (``mocker``,
# ``monkeypatch``) are parameters the analysis cannot resolve.
PATCHERS: dict[tuple[str, str], str] = {
    ("patch", "object"): "new",
    ("monkeypatch", "setattr"): "value",
    ("MonkeyPatch", "setattr"): "value",
}


def patched_attribute(node: ast.Call) -> NamedWrite | None:
    """``patch.object(Digest, "client", value)`` (also as a decorator or a context
    manager) and ``monkeypatch.setattr(Digest, "client", value)``: the attribute set
    and its new value.  None for other calls, and for a patch given no new value (a
    mock object made by the library, which makes no request)."""
    func = node.func
    if not isinstance(func, ast.Attribute):
        return None
    receiver = func.value
    last = receiver.attr if isinstance(receiver, ast.Attribute) else (
        receiver.id if isinstance(receiver, ast.Name) else "")
    keyword = PATCHERS.get((last, func.attr))
    if keyword is None or any(isinstance(arg, ast.Starred) for arg in node.args) or (
            len(node.args) < 2):
        return None
    given = node.args[2] if len(node.args) > 2 else next(
        (item.value for item in node.keywords if item.arg == keyword), None)
    return None if given is None else NamedWrite(node.args[0], node.args[1], given)


def namespace_owner(node: ast.expr, is_vars: bool) -> ast.expr | None:
    """The object whose attributes ``node`` holds: ``holder`` of ``vars(holder)``
    (``is_vars``: the call's callee is the builtin) or of ``holder.__dict__``."""
    if isinstance(node, ast.Attribute) and node.attr == "__dict__":
        return node.value
    if isinstance(node, ast.Call) and is_vars and len(node.args) == 1 and not (
            node.keywords) and not isinstance(node.args[0], ast.Starred):
        return node.args[0]
    return None


def spelled_name(name: ast.expr) -> str | None:
    """The attribute name ``name`` writes out, or None where it is read at run time."""
    if isinstance(name, ast.Constant) and isinstance(name.value, str):
        return name.value
    return None
