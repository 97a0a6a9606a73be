"""Items grouped by a key into lists a function's dict holds::

    groups = collections.defaultdict(list)
    for message in client.messages.all():
        groups[message.thread_id].append(message)      # or:
    groups = {}
    for message in client.messages.all():
        groups.setdefault(message.thread_id, []).append(message)

``groups[key].append(message)`` puts the message into one of the dict's lists: the
dict holds lists that hold messages, and what reads ``groups.items()`` (or
``groups[key]``) gets them back.  Read so only where every item of the dict is such a
list: the dict is a local bound once to ``defaultdict`` of a list, set or deque (or,
for ``setdefault``, to an empty dict), each ``setdefault`` gives an empty list,
and the function neither stores an item of its own (``groups[key] = batch``), nor
changes the dict otherwise (``update``, ``|=``), nor hands it to another function,
which might put an object there whose ``append`` does anything.  Elsewhere the call
stays what it was: a value handed to a method the analysis does not know.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .tree_walk import walk_nodes

# The containers a ``defaultdict`` may make for a missing key, by the dotted name the
# callee is known by (Python's own types; ``add`` and ``append`` only store).
_GROUP_FACTORIES = frozenset({"list", "set", "collections.deque"})
# The methods of those containers that put their last argument in (``insert`` too),
# or each element of it.
GROUP_ADDERS = frozenset({"append", "add", "appendleft", "insert"})
GROUP_EXTENDERS = frozenset({"extend", "extendleft"})
# A call that only reads the dict's size, where the dict is handed to it.
_READERS = frozenset({"len"})

CalleeName = Callable[[ast.expr], str]


def grouping_dict(func: ast.Attribute, bound: Callable[[str], ast.expr | None],
                  callee_name: CalleeName) -> ast.Name | None:
    """The dict of ``func`` (``groups[key].append`` or ``groups.setdefault(key,
    []).append``) whose items are all lists, given the single value each name is
    bound to (``bound``): None where the shape or the dict's making differs."""
    inner = func.value
    if isinstance(inner, ast.Subscript) and isinstance(inner.value, ast.Name):
        made = bound(inner.value.id)
        return inner.value if _makes_groups(made, callee_name) else None
    if not (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute)
            and inner.func.attr == "setdefault" and isinstance(inner.func.value, ast.Name)):
        return None
    if not _empty_group(inner):
        return None
    made = bound(inner.func.value.id)
    empty_dict = isinstance(made, ast.Dict) and not made.keys or isinstance(
        made, ast.Call) and callee_name(made.func) == "dict" and not made.args and (
            not made.keywords)
    return inner.func.value if empty_dict or _makes_groups(made, callee_name) else None


def only_grouped(body: list[ast.stmt], name: str, callee_name: CalleeName) -> bool:
    """Whether ``body`` (the function binding ``name``) changes the dict ``name`` only
    by grouping into it: no item stored or deleted, no ``update``, ``|=`` or other
    ``setdefault``, and no call given the dict itself (but ``len``)."""
    for statement in body:
        for node in walk_nodes(statement):
            if isinstance(node, ast.Subscript) and _is(node.value, name) and not (
                    isinstance(node.ctx, ast.Load)):
                return False
            if isinstance(node, ast.AugAssign) and _is(node.target, name):
                return False
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Attribute) and _is(func.value, name) and (
                    func.attr in ("update", "__setitem__", "__ior__") or (
                        func.attr == "setdefault" and not _empty_group(node))):
                return False
            given = (*node.args, *(keyword.value for keyword in node.keywords))
            if any(_is(value.value if isinstance(value, ast.Starred) else value, name)
                   for value in given) and callee_name(func) not in _READERS:
                return False
    return True


def _makes_groups(made: ast.expr | None, callee_name: CalleeName) -> bool:
    """``defaultdict(list)`` (``set``, ``deque``), and nothing more."""
    return isinstance(made, ast.Call) and callee_name(made.func) == (
        "collections.defaultdict") and len(made.args) == 1 and not made.keywords and (
            callee_name(made.args[0]) in _GROUP_FACTORIES)


def _empty_group(call: ast.Call) -> bool:
    """``setdefault(key, [])``: an empty list display as the default."""
    if len(call.args) != 2 or call.keywords:
        return False
    default = call.args[1]
    return isinstance(default, ast.List) and not default.elts


def _is(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name
