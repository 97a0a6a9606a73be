"""``ast.walk`` and ``ast.iter_child_nodes`` at a fraction of their cost per node.

``ast.iter_child_nodes`` goes through ``ast.iter_fields``, a generator that catches
an ``AttributeError`` for every field; ``ast.walk`` stacks that generator under its
own.  The readings of one module walk its tree many times over, and those two
generators cost more than half of each walk.  These read the fields directly and
give the same nodes in the same order: ``ast.walk``'s breadth first, children in
their declared order, values that are not nodes (identifiers, numbers, ``None`` in
a dict display's keys) left out.
"""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterator
from typing import TypeVar

_AST = ast.AST

# Fields that hold no node in any class that has them: identifiers, numbers and
# strings (``Attribute.attr``, ``keyword.arg``, ``ImportFrom.level``).  A walk reads
# each only to find it is no node: a third of the fields of an ``Attribute``.
_PLAIN_FIELDS = frozenset({
    "id", "attr", "arg", "module", "level", "is_async", "conversion", "kind",
    "type_comment", "asname", "tag", "lineno",
})
# Fields that hold only a context or an operator (``Attribute.ctx``, ``BinOp.op``,
# ``Compare.ops``).
MARK_FIELDS = frozenset({"ctx", "op", "ops"})


def node_fields(kind: type[ast.AST], marks: bool = True) -> tuple[str, ...]:
    """The fields of ``kind`` that may hold a node, in their declared order: less
    those that hold none (a ``name`` is an identifier everywhere but in
    ``TypeAlias``, where it is a ``Name``), and less the contexts' and operators'
    unless ``marks``."""
    return tuple(
        name for name in kind._fields
        if name not in _PLAIN_FIELDS
        and not (name == "name" and kind.__name__ != "TypeAlias")
        and (marks or name not in MARK_FIELDS)
    )


def all_node_kinds() -> list[type[ast.AST]]:
    """Every node class of ``ast`` (abstract ones included), found through the
    subclasses of ``ast.AST``: the classes of the running Python's grammar."""
    found: list[type[ast.AST]] = []
    pending: list[type[ast.AST]] = [ast.AST]
    while pending:
        kind = pending.pop()
        found.append(kind)
        pending.extend(kind.__subclasses__())
    return found


# The fields each walk reads, by node class; a class made outside ``ast`` is not in
# them and has all its fields read.
_FIELDS = {kind: node_fields(kind) for kind in all_node_kinds()}
_CODE_FIELDS = {kind: node_fields(kind, marks=False) for kind in _FIELDS}


def child_nodes(node: ast.AST) -> list[ast.AST]:
    """The nodes directly under ``node``, as ``ast.iter_child_nodes`` gives them."""
    children: list[ast.AST] = []
    append = children.append
    fields = _FIELDS.get(node.__class__)
    for name in node._fields if fields is None else fields:
        value = getattr(node, name, None)
        if value.__class__ is list:
            for item in value:
                if isinstance(item, _AST):
                    append(item)
        elif isinstance(value, _AST):
            append(value)
    return children


def _concrete(bases: tuple[type[ast.AST], ...]) -> frozenset[type[ast.AST]]:
    found: set[type[ast.AST]] = set()
    pending = list(bases)
    while pending:
        kind = pending.pop()
        found.add(kind)
        pending.extend(kind.__subclasses__())
    return frozenset(found)


# Contexts and operators (``Load``, ``Add``, ``Eq``, ``Not``): nodes without children
# or a place in the text, a third of a typical tree.
_MARKS = _concrete((ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop))


def code_children(node: ast.AST) -> list[ast.AST]:
    """``child_nodes`` without the contexts and operators, for walks that look only
    at the code's other nodes and where each of them stands."""
    children: list[ast.AST] = []
    append = children.append
    marks = _MARKS
    fields = _CODE_FIELDS.get(node.__class__)
    for name in node._fields if fields is None else fields:
        value = getattr(node, name, None)
        if value.__class__ is list:
            for item in value:
                if isinstance(item, _AST) and item.__class__ not in marks:
                    append(item)
        elif isinstance(value, _AST) and value.__class__ not in marks:
            append(value)
    return children


def walk_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """``node`` and every node under it, in ``ast.walk``'s order."""
    pending = deque([node])
    take, append = pending.popleft, pending.append
    table = _FIELDS
    while pending:
        node = take()
        fields = table.get(node.__class__)
        for name in node._fields if fields is None else fields:
            value = getattr(node, name, None)
            if value.__class__ is list:
                for item in value:
                    if isinstance(item, _AST):
                        append(item)
            elif isinstance(value, _AST):
                append(value)
        yield node


_Node = TypeVar("_Node", bound=ast.AST)


class TreeNodes:
    """Every node of one module's tree in ``ast.walk``'s order, listed the first time
    a reading of the whole tree asks, then shared by the module's other such readings
    (each walked the tree again before: a walk costs a twentieth of the module's
    facts).  Made for one module's reading and dropped with it; the tree must not be
    changed once a reading has asked (``spread_literals`` runs before any)."""

    __slots__ = ("_tree", "_all", "_kinds")

    def __init__(self, tree: ast.AST) -> None:
        self._tree = tree
        self._all: list[ast.AST] | None = None
        self._kinds: dict[type[ast.AST], list[ast.AST]] = {}

    def all(self) -> list[ast.AST]:
        """Every node, as ``walk_nodes`` gives them."""
        if self._all is None:
            self._all = list(walk_nodes(self._tree))
        return self._all

    def of(self, kind: type[_Node]) -> list[_Node]:
        """The nodes that are instances of ``kind``, in ``all``'s order."""
        found = self._kinds.get(kind)
        if found is None:
            found = self._kinds[kind] = [node for node in self.all() if isinstance(node, kind)]
        return found  # type: ignore[return-value]  # each an instance of ``kind``
