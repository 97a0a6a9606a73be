"""The symbolic values of a project, each stored once as a numbered row.

The resolver interns every value it meets: values equal as dataclasses share one
row, so that what a value resolves to is remembered per row and looked up by an
integer.  A 2,000-module project has about two hundred thousand rows; their lookup
keys were a tenth of the peak memory of analysing it when each was a
``(kind, name, inner)`` tuple in one dictionary.  Rows are therefore found in one
dictionary per kind, by the part of the key that varies: most rows are a bare
symbol (found by its name, a string the facts hold anyway) or an unnamed operation
on another value (``call``, ``iter``, ``box``: found by the inner row's number);
only attributes need a ``(name, inner)`` pair.
"""

from __future__ import annotations

from typing import TypeAlias

# A row's number.
Node = int
NO_NODE: Node = -1

# The key of a row in its kind's dictionary (see the module docstring): keys of the
# three shapes never compare equal, so one dictionary holds them all.
_RowKey: TypeAlias = str | Node | tuple[str, Node]


class ValueNodes:
    """Rows ``(kind, name, inner)`` in three parallel lists, numbered from 0."""

    __slots__ = ("kinds", "names", "inners", "_by_kind")

    def __init__(self) -> None:
        self.kinds: list[str] = []
        self.names: list[str] = []
        self.inners: list[Node] = []
        self._by_kind: dict[str, dict[_RowKey, Node]] = {}

    def __len__(self) -> int:
        return len(self.kinds)

    def node(self, kind: str, name: str, inner: Node) -> Node:
        """The number of the row ``(kind, name, inner)``, added when it is new."""
        rows = self._by_kind.get(kind)
        if rows is None:
            rows = self._by_kind[kind] = {}
        key: _RowKey = name if inner == NO_NODE else (inner if not name else (name, inner))
        node = rows.get(key)
        if node is None:
            node = rows[key] = len(self.kinds)
            self.kinds.append(kind)
            self.names.append(name)
            self.inners.append(inner)
        return node
