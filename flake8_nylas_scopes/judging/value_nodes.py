"""The symbolic values of a project, each stored once as a numbered row.

The resolver interns every value it meets: values equal as dataclasses share one
row, so that what a value resolves to is remembered per row and looked up by an
integer.  A 2,000-module project has about two hundred thousand rows; their lookup
keys were a tenth of the peak memory of analysing it when each was a
``(kind, name, inner)`` tuple in one dictionary.  Rows are therefore found without
a tuple per row: a bare symbol by its kind and name (a string the facts hold
anyway), any other row by its kind, its name and then the inner row's number.  The
rows themselves are columns: a byte per kind, an integer per inner row.
"""

from __future__ import annotations

from array import array
from typing import get_args

from ..analysis.flow_facts import ValKind

# A row's number.
Node = int
NO_NODE: Node = -1

# The kinds of rows (those of ``Val``), by their code in ``ValueNodes.kinds``.
KIND_NAMES: tuple[str, ...] = get_args(ValKind)
_KIND_CODES = {kind: code for code, kind in enumerate(KIND_NAMES)}


class ValueNodes:
    """Rows ``(kind, name, inner)`` in three columns, numbered from 0."""

    __slots__ = ("kinds", "names", "inners", "_bare", "_chained")

    def __init__(self) -> None:
        self.kinds = bytearray()
        self.names: list[str] = []
        self.inners = array("i")
        # Rows without an inner row, by kind and name.
        self._bare: dict[str, dict[str, Node]] = {}
        # Other rows, by kind, name and inner row: most kinds have one name (""),
        # and few distinct attribute names recur over many inner rows.  A name met
        # over one inner row only (most attribute names; the symbol naming what a
        # call is handed, one per call) keeps that row's number instead of a
        # dictionary of one entry, which would cost ten times as much.
        self._chained: dict[str, dict[str, Node | dict[Node, Node]]] = {}

    def __len__(self) -> int:
        return len(self.names)

    def kind(self, node: Node) -> str:
        return KIND_NAMES[self.kinds[node]]

    def node(self, kind: str, name: str, inner: Node) -> Node:
        """The number of the row ``(kind, name, inner)``, added when it is new."""
        if inner == NO_NODE:
            bare = self._bare.get(kind)
            if bare is None:
                bare = self._bare[kind] = {}
            node = bare.get(name)
            if node is None:
                node = bare[name] = self._add(kind, name, inner)
            return node
        by_name = self._chained.get(kind)
        if by_name is None:
            by_name = self._chained[kind] = {}
        rows = by_name.get(name)
        if rows is None:
            node = by_name[name] = self._add(kind, name, inner)
            return node
        if isinstance(rows, int):
            if self.inners[rows] == inner:
                return rows
            node = self._add(kind, name, inner)
            by_name[name] = {self.inners[rows]: rows, inner: node}
            return node
        node = rows.get(inner)
        if node is None:
            node = rows[inner] = self._add(kind, name, inner)
        return node

    def _add(self, kind: str, name: str, inner: Node) -> Node:
        node = len(self.names)
        self.kinds.append(_KIND_CODES[kind])
        self.names.append(name)
        self.inners.append(inner)
        return node
