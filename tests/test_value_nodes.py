"""Rows of symbolic values: equal rows share one number, however many rows sit over
the same inner row (looked through one by one, or by a dictionary past a few)."""

from __future__ import annotations

from flake8_nylas_scopes.judging.value_nodes import NO_NODE, ValueNodes


def test_rows_over_one_inner_row_keep_their_numbers_past_a_crowd() -> None:
    nodes = ValueNodes()
    client = nodes.node("sym", "g:app.client", NO_NODE)
    other = nodes.node("sym", "g:app.other", NO_NODE)
    attributes = {name: nodes.node("attr", name, client)
                  for name in (f"field_{number}" for number in range(40))}
    called = nodes.node("call", "", client)
    # Added once the rows over ``client`` are found by a dictionary.
    late = nodes.node("attr", "late", client)
    assert len(set(attributes.values()) | {called, late}) == 42
    assert {name: nodes.node("attr", name, client) for name in attributes} == attributes
    assert nodes.node("call", "", client) == called
    assert nodes.node("attr", "late", client) == late
    # The same name over another row, and another kind of the same name, are rows
    # of their own.
    assert nodes.node("attr", "field_3", other) not in attributes.values()
    assert nodes.node("item", "field_3", client) not in attributes.values()
    assert len(nodes) == 2 + 40 + 2 + 2
    assert (nodes.kind(late), nodes.names[late], nodes.inners[late]) == ("attr", "late", client)


def test_rows_over_rows_over_rows_are_found_again() -> None:
    nodes = ValueNodes()
    row = nodes.node("ref", "nylas.APIClient", NO_NODE)
    chain = [row]
    for depth in range(100):
        row = nodes.node("call" if depth % 2 else "attr", "" if depth % 2 else "x", row)
        chain.append(row)
    again = nodes.node("ref", "nylas.APIClient", NO_NODE)
    for depth in range(100):
        again = nodes.node("call" if depth % 2 else "attr", "" if depth % 2 else "x", again)
        assert again == chain[depth + 1]
    assert len(nodes) == 101
