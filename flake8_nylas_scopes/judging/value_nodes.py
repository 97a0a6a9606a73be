"""The symbolic values of a project, each stored once as a numbered row.

The resolver interns every value it meets: values equal as dataclasses share one
row, so that what a value resolves to is remembered per row and looked up by an
integer.  A 2,000-module project has about two hundred and forty thousand rows;
their lookup keys were a tenth of the peak memory of analysing it when each was a
``(kind, name, inner)`` tuple in one dictionary.  Rows are therefore found without
a tuple per row: a bare symbol by its kind and name (a string the facts hold
anyway), any other row among the rows over the same inner row.  The rows
themselves are columns: a byte per kind, an integer per inner row.
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

# How many rows over one inner row are looked through one by one: past that, they
# are found by a dictionary (a client's or a module's attributes, read hundreds of
# times under different names).
_CROWDED = 8


class ValueNodes:
    """Rows ``(kind, name, inner)`` in three columns, numbered from 0."""

    __slots__ = ("kinds", "names", "inners", "_bare", "_first_over", "_next_over",
                 "_crowded")

    def __init__(self) -> None:
        self.kinds = bytearray()
        self.names: list[str] = []
        self.inners = array("i")
        # Rows without an inner row, by kind and name.
        self._bare: dict[str, dict[str, Node]] = {}
        # The other rows as lists, one per inner row: the last row added over each
        # row, and for each row the one added over the same inner row before it.
        # Most rows have one row or none over them: two integers a row instead of an
        # entry in a dictionary and an integer object for its number, which were a
        # tenth of the peak memory of a large project.
        self._first_over = array("i")
        self._next_over = array("i")
        # The rows over a row that has many, by kind code and name.
        self._crowded: dict[Node, dict[tuple[int, str], Node]] = {}

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
        code = _KIND_CODES[kind]
        crowded = self._crowded.get(inner)
        if crowded is not None:
            node = crowded.get((code, name))
            if node is None:
                node = crowded[(code, name)] = self._add(kind, name, inner)
            return node
        kinds, names, next_over = self.kinds, self.names, self._next_over
        row = self._first_over[inner]
        seen = 0
        while row != NO_NODE:
            if kinds[row] == code and names[row] == name:
                return row
            row = next_over[row]
            seen += 1
        node = self._add(kind, name, inner)
        if seen >= _CROWDED:
            self._crowd(inner)
        return node

    def _add(self, kind: str, name: str, inner: Node) -> Node:
        node = len(self.names)
        self.kinds.append(_KIND_CODES[kind])
        self.names.append(name)
        self.inners.append(inner)
        self._first_over.append(NO_NODE)
        if inner == NO_NODE:
            self._next_over.append(NO_NODE)
        else:
            self._next_over.append(self._first_over[inner])
            self._first_over[inner] = node
        return node

    def _crowd(self, inner: Node) -> None:
        """Find the rows over ``inner`` by a dictionary from now on."""
        crowded: dict[tuple[int, str], Node] = {}
        row = self._first_over[inner]
        while row != NO_NODE:
            crowded[(self.kinds[row], self.names[row])] = row
            row = self._next_over[row]
        self._crowded[inner] = crowded
