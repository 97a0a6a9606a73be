"""A count of the value rows the judging looks up (``ValueNodes.node``), for the tests
that pin how often a value is interned."""

from __future__ import annotations

import pytest

from flake8_nylas_scopes.judging.value_nodes import ValueNodes


def counting_node_lookups(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """From now on, the number of rows looked up, in the list's one item."""
    looked_up = [0]
    node = ValueNodes.node

    def counted(self: ValueNodes, kind: str, name: str, inner: int) -> int:
        looked_up[0] += 1
        return node(self, kind, name, inner)

    monkeypatch.setattr(ValueNodes, "node", counted)
    return looked_up
