"""Flow records read back from their JSON are the records written: every field of a
call site (its flags, with and without keywords), its range, and the edges."""

from __future__ import annotations

import itertools

import pytest

from flake8_nylas_scopes.analysis.flow_facts import (
    CallSite,
    Edge,
    FlowFacts,
    Val,
    call_flags,
)
from flake8_nylas_scopes.spans import Span

PATH = "app/views.py"


def _calls() -> list[CallSite]:
    client = Val("ref", "nylas.Client")
    calls = []
    for number, (invokes, modelled, registers) in enumerate(
            itertools.product((False, True), repeat=3)):
        calls.append(CallSite(
            Val("attr", "send", client), "client.send", (client, None),
            (("to", Val("sym", "l:app.views.f.to")),) if number % 2 else (),
            Span(PATH, number + 1, 4, number + 1, 20),
            star=client if registers else None,
            flags=call_flags(invokes, modelled, registers)))
    return calls


def test_call_sites_and_edges_read_back_as_written() -> None:
    flow = FlowFacts(calls=_calls(), edges=[
        Edge("g:app.views.client", Val("call", "", Val("ref", "nylas.Client")))])
    read = FlowFacts.from_json(flow.to_json(PATH))
    assert list(read.calls) == list(flow.calls)
    assert list(read.edges) == list(flow.edges)
    assert sorted(call.flags for call in read.calls) == list(range(8))
    # A range of another file keeps its path.
    other = CallSite(None, "f", (), (), Span("app/other.py", 3, 0, 3, 1))
    assert list(FlowFacts.from_json(FlowFacts(calls=[other]).to_json(PATH)).calls) == [other]


def test_equal_ranges_of_a_module_are_one_span() -> None:
    calls = [CallSite(None, "f", (), (), Span(PATH, 2, 0, 2, 3)) for _ in range(2)]
    read = FlowFacts.from_json(FlowFacts(calls=calls).to_json(PATH))
    assert read.calls[0].span is read.calls[1].span
    assert read.calls[0].span == Span(PATH, 2, 0, 2, 3)


@pytest.mark.parametrize("keywords", [0, 7, "x", [["to"]]])
def test_damaged_keywords_are_refused(keywords: object) -> None:
    data = FlowFacts(calls=_calls()[:1]).to_json(PATH)
    data["calls"][0][3] = keywords
    with pytest.raises((ValueError, TypeError, IndexError)):
        FlowFacts.from_json(data)


def test_a_call_without_star_arguments_keeps_no_room_for_them() -> None:
    # One call in a hundred is given ``*args`` or ``**kwargs``: the others are
    # smaller records, and read back from JSON as they were made.
    import sys

    from flake8_nylas_scopes.analysis.flow_facts import StarredCallSite

    span = Span(PATH, 2, 0, 2, 9)
    plain = CallSite(None, "f", (), (), span)
    starred = CallSite(None, "f", (), (), span, star=Val("sym", "l:app.views.f.args"))
    assert type(plain) is CallSite and plain.star is None and plain.double_star is None
    assert isinstance(starred, StarredCallSite)
    assert sys.getsizeof(plain) < sys.getsizeof(starred)
    assert plain != CallSite(None, "f", (), (), span, double_star=Val("unknown", "x"))
    read_back = FlowFacts.from_json(FlowFacts(calls=[plain, starred]).to_json(PATH))
    assert list(read_back.calls) == [plain, starred]
    assert [type(call) for call in read_back.calls] == [CallSite, StarredCallSite]
