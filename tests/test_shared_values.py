"""Facts and the resolver share equal values instead of copying them.

A 2,000-module project has about three hundred thousand symbolic values in its
facts, and its resolver evaluates about a hundred thousand, most of them to nothing.
A copy of each (and a set per result) was most of the peak memory of analysing it.
These tests hold the sharing, and check that it changes nothing else.
"""

from __future__ import annotations

import json

import pytest

from flake8_nylas_scopes.analysis.flow_facts import FlowFacts, Val
from flake8_nylas_scopes.project.reading import facts_for_source
from flake8_nylas_scopes.judging.resolver import CLIENT_OBJ, FlowResolver

MODULE = '''\
from nylas import APIClient
import requests

client = APIClient("id", "secret", "token")


def unrelated(n):
    total = len(str(n))
    parts = requests.get("https://example.com").json()
    more = parts.get("items")
    return total, more


def other(n):
    doubled = str(n) * 2
    return doubled.upper()


def send_all(api):
    for thread in api.threads.where(unread=True):
        thread.mark_as_read()
    return api.messages.first()


send_all(client)
first = send_all(client)
inbox = client.messages
'''


def _resolver() -> FlowResolver:
    return FlowResolver([facts_for_source("mail.py", MODULE, flow=True)])


def test_what_is_resolved_is_unchanged() -> None:
    resolver = _resolver()
    assert resolver.values["p:mail.send_all.api"] == {CLIENT_OBJ}
    assert resolver.values["r:mail.send_all"] == {("model", "Message")}
    assert resolver.values["g:mail.first"] == {("model", "Message")}
    assert resolver.values["g:mail.inbox"] == {("coll", "messages")}
    assert resolver.resolve(Val("sym", "l:mail.unrelated.parts")) == set()


def test_symbols_holding_nothing_get_no_set() -> None:
    facts = facts_for_source("mail.py", MODULE, flow=True)
    assert facts.flow is not None
    assert any(edge.target == "l:mail.unrelated.parts" for edge in facts.flow.edges)
    resolver = FlowResolver([facts])
    assert "l:mail.unrelated.parts" not in resolver.values
    assert all(held for held in resolver.values.values())


def test_equal_results_are_one_object() -> None:
    resolver = _resolver()
    resolver.resolve(Val("sym", "l:mail.other.doubled"))
    computed = [
        result for result in resolver._memo
        if result is not None and not any(result is held for held in resolver.values.values())
    ]
    empty = [result for result in computed if not result]
    assert len(empty) > 3
    assert len({id(result) for result in empty}) == 1
    distinct = {frozenset(result) for result in computed}
    assert len({id(result) for result in computed}) == len(distinct)


def _values_of(flow: FlowFacts) -> list[Val]:
    found = [edge.value for edge in flow.edges]
    found += [use.root for use in flow.uses if use.root is not None]
    for call in flow.calls:
        found += [arg for arg in call.args if arg is not None]
        found += [value for _, value in call.kwargs]
    nested = []
    for value in found:
        link: Val | None = value
        while link is not None:
            nested.append(link)
            link = link.inner
    return nested


def _assert_shared(flow: FlowFacts) -> None:
    values = _values_of(flow)
    api = [value for value in values if value == Val("sym", "p:mail.send_all.api")]
    assert len(api) >= 3
    assert all(value is api[0] for value in api)
    paths = {id(use.span.path) for use in flow.uses}
    assert len(paths) == 1


def test_extracted_facts_share_equal_values() -> None:
    flow = facts_for_source("mail.py", MODULE, flow=True).flow
    assert flow is not None
    _assert_shared(flow)


def test_facts_read_back_share_equal_values_and_equal_the_extracted_ones() -> None:
    flow = facts_for_source("mail.py", MODULE, flow=True).flow
    assert flow is not None
    read_back = FlowFacts.from_json(flow.to_json())
    assert read_back == flow
    _assert_shared(read_back)


def _damaged_flows() -> list[object]:
    flow = facts_for_source("mail.py", MODULE, flow=True).flow
    assert flow is not None
    good = flow.to_json()
    rows = good["values"]
    assert any(row[2] != -1 for row in rows)  # some value nests another
    nested = next(i for i, row in enumerate(rows) if row[2] != -1)
    damaged = []
    for change in (
        lambda data: data["edges"][0].__setitem__(1, len(rows)),  # no such row
        lambda data: data["edges"][0].__setitem__(1, -2),
        lambda data: data["edges"][0].__setitem__(1, "0"),
        lambda data: data["values"][nested].__setitem__(2, nested),  # refers to itself
        lambda data: data["values"][0].__setitem__(0, 7),  # a kind that is no string
        lambda data: data["values"].__setitem__(0, ["sym"]),  # a short row
        lambda data: data.__setitem__("values", 3),
    ):
        data = json.loads(json.dumps(good))
        change(data)
        damaged.append(data)
    return damaged


@pytest.mark.parametrize("data", _damaged_flows())
def test_damaged_value_rows_are_refused(data: object) -> None:
    # The cache rebuilds an entry on any of these errors (see FactsCache.load).
    with pytest.raises((ValueError, TypeError, KeyError, IndexError)):
        FlowFacts.from_json(data)


def test_a_parameter_reference_reads_back_as_written() -> None:
    from flake8_nylas_scopes.analysis.facts_values import ParameterKind, ParameterReference

    for kind in ParameterKind:
        reference = ParameterReference(kind, "app.auth.Login.url", 2, "scopes")
        assert ParameterReference.parse(reference.text()) == reference
    # Other references are not parameters: constants, settings, malformed text.
    for other in ("app.settings.SCOPES", "django.conf.settings.NYLAS['SCOPES']",
                  "param:app.f#x#scopes", "param:app.f#1", ""):
        assert ParameterReference.parse(other) is None


@pytest.mark.parametrize("invokes", [True, False])
@pytest.mark.parametrize("modelled", [True, False])
@pytest.mark.parametrize("registers", [True, False])
def test_a_call_site_keeps_its_three_flags_in_one_number(
        invokes: bool, modelled: bool, registers: bool) -> None:
    from flake8_nylas_scopes.analysis.flow_facts import CallSite, call_flags
    from flake8_nylas_scopes.spans import Span

    call = CallSite(Val("sym", "l:mail.f.send"), "send", (), (), Span("mail.py", 1, 0, 1, 4),
                    flags=call_flags(invokes, modelled, registers))
    assert (call.invokes, call.modelled, call.registers) == (invokes, modelled, registers)
    read_back = FlowFacts.from_json(json.loads(json.dumps(FlowFacts(calls=[call]).to_json())))
    assert list(read_back.calls) == [call]
    assert (read_back.calls[0].invokes, read_back.calls[0].modelled,
            read_back.calls[0].registers) == (invokes, modelled, registers)



def test_a_value_made_while_judging_is_not_read_as_one_let_go() -> None:
    # While a module is judged, values are interned by their identity.  One made for
    # a single question and let go (as ``_lost_on_the_way`` makes the steps of a
    # chain) must not hand its row to a value made next, which CPython places at the
    # address just freed.
    resolver = _resolver()
    client = Val("sym", "g:mail.client")
    with resolver.module_records():
        first = Val("attr", "messages", client)
        assert resolver.resolve(first) == {("coll", "messages")}
        del first
        second = Val("attr", "threads", client)
        assert resolver.resolve(second) == {("coll", "threads")}
