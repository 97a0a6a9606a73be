"""What a call is handed, kept on the call's value (``HandedCall``).

A library the analysis cannot read may give back what it was handed
(``get_object_or_404(Box, pk=pk)`` is an instance of ``Box``), so a call's value
keeps the values it is handed, and the resolver reads them only where the callee is
not the project's.  These tests hold how that record is made, written, read back and
interned, and that it costs no symbol of its own.
"""

from __future__ import annotations

import json

import pytest

from flake8_nylas_scopes.analysis.flow_facts import FlowFacts, HandedCall, Val, ValTable
from flake8_nylas_scopes.analysis.symbols import TEMPORARY
from flake8_nylas_scopes.judging.resolver import FlowResolver
from flake8_nylas_scopes.judging.value_nodes import NO_NODE, ValueNodes
from flake8_nylas_scopes.project.reading import facts_for_source

MODULE = '''\
from django.shortcuts import get_object_or_404

from .models import Box


def view(request, pk):
    box = get_object_or_404(Box, pk=pk)
    again = get_object_or_404(Box, pk=pk)
    plain = get_object_or_404()
    return box, again, plain
'''


def _flow() -> FlowFacts:
    flow = facts_for_source("app/views.py", MODULE, flow=True).flow
    assert flow is not None
    return flow


def _assigned(flow: FlowFacts, name: str) -> Val:
    [value] = [edge.value for edge in flow.edges if edge.target == f"l:views.view.{name}"]
    return value


def test_a_call_keeps_what_it_is_handed_and_makes_no_symbol() -> None:
    flow = _flow()
    box = _assigned(flow, "box")
    assert isinstance(box, HandedCall)
    assert box.kind == "call" and box.name == ""
    assert [part.name for part in box.handed_values] == ["models.Box", "p:views.view.pk"]
    # (The tuple the function returns gathers its elements in a symbol of its own.)
    assert not any(edge.target.startswith(TEMPORARY) and edge.value in box.handed_values
                   for edge in flow.edges)


def test_equal_calls_share_one_value_and_a_call_handed_nothing_is_plain() -> None:
    flow = _flow()
    assert _assigned(flow, "again") is _assigned(flow, "box")
    plain = _assigned(flow, "plain")
    assert type(plain) is Val and plain.kind == "call"
    assert plain != _assigned(flow, "box")


def test_handed_calls_read_back_as_written() -> None:
    flow = _flow()
    read_back = FlowFacts.from_json(json.loads(json.dumps(flow.to_json())))
    assert read_back == flow
    assert _assigned(read_back, "again") is _assigned(read_back, "box")
    assert isinstance(_assigned(read_back, "box"), HandedCall)


def _damaged() -> list[object]:
    good = _flow().to_json()
    handed_row = next(i for i, row in enumerate(good["values"]) if isinstance(row[1], list))
    damaged = []
    for change in (
        lambda rows: rows[handed_row].__setitem__(1, [handed_row]),  # itself
        lambda rows: rows[handed_row].__setitem__(1, [len(rows)]),  # no such row
        lambda rows: rows[handed_row].__setitem__(1, ["0"]),
        lambda rows: rows[handed_row].__setitem__(1, []),  # handed nothing
        lambda rows: rows[handed_row].__setitem__(0, "attr"),  # only calls are handed
    ):
        data = json.loads(json.dumps(good))
        change(data["values"])
        damaged.append(data)
    return damaged


@pytest.mark.parametrize("data", _damaged())
def test_damaged_handed_rows_are_refused(data: object) -> None:
    with pytest.raises(ValueError):
        FlowFacts.from_json(data)


def test_deeply_nested_handed_calls_are_interned_without_recursion() -> None:
    table = ValTable()
    value = table.get("sym", "p:app.f.x")
    for depth in range(5000):
        local = table.get("sym", f"l:a.{depth}")
        value = table.handed_call(table.get("ref", "lib.wrap"), [value, local])
    resolver = FlowResolver([])
    assert resolver.resolve(value) == set()


def test_a_name_over_one_inner_row_and_then_another_gives_two_rows() -> None:
    nodes = ValueNodes()
    base = nodes.node("sym", "l:app.f.a", NO_NODE)
    other = nodes.node("sym", "l:app.f.b", NO_NODE)
    first = nodes.node("attr", "outbox", base)
    assert nodes.node("attr", "outbox", base) == first
    second = nodes.node("attr", "outbox", other)
    assert second != first
    assert nodes.node("attr", "outbox", base) == first
    assert nodes.node("attr", "outbox", other) == second
    assert (nodes.kind(second), nodes.names[second], nodes.inners[second]) == (
        "attr", "outbox", other)
    assert len(nodes) == 4


def test_symbols_holding_equal_objects_share_one_set() -> None:
    source = '''\
from nylas import APIClient

client = APIClient("id", "secret", "token")
first = client
second = client


def use(api):
    return api


use(client)
'''
    resolver = FlowResolver([facts_for_source("mail.py", source, flow=True)])
    held = [resolver.values[key] for key in ("g:mail.first", "g:mail.second", "p:mail.use.api")]
    assert all(isinstance(objs, frozenset) for objs in held)
    assert held[0] is held[1] is held[2]
