"""The names a module's flow records refer to, through every place a record holds a
value: a call's callee and each value it passes, uses, sinks, reads, stores."""

from __future__ import annotations

from flake8_nylas_scopes.analysis.flow_facts import (
    UNREAD_MODULE,
    CallSite,
    Edge,
    FlowFacts,
    Read,
    Sink,
    Store,
    Use,
    Val,
)
from flake8_nylas_scopes.judging.flow_names import referenced_names, refers_to_unread_module
from flake8_nylas_scopes.spans import Span

SPAN = Span("app.py", 1, 0, 1, 5)


def _ref(name: str) -> Val:
    return Val("ref", name)


def test_every_value_a_call_passes_is_read() -> None:
    call = CallSite(Val("attr", "send", _ref("acme.mail")), "mail.send",
                    (_ref("acme.positional"),), (("to", _ref("acme.keyword")),), SPAN,
                    star=Val("attr", "items", _ref("acme.star")),
                    double_star=_ref("acme.double_star"))
    names = referenced_names(FlowFacts(calls=[call]))
    assert sorted(names) == ["acme.double_star", "acme.keyword", "acme.mail",
                             "acme.positional", "acme.star"]


def test_each_record_kind_is_read_and_each_shared_link_once() -> None:
    shared = _ref("acme.client")
    flow = FlowFacts(
        edges=[Edge("g:app.c", Val("attr", "messages", shared))],
        uses=[Use(_ref("acme.use"), ("list",), SPAN, "use.list")],
        calls=[CallSite(shared, "client", (), (), SPAN)],
        sinks=[Sink(_ref("acme.sink"), "matched", SPAN)],
        reads=[Read(_ref("acme.read"), SPAN)],
        stores=[Store(_ref("acme.owner"), "attr", _ref("acme.stored"), SPAN)],
    )
    assert sorted(referenced_names(flow)) == [
        "acme.client", "acme.owner", "acme.read", "acme.sink", "acme.stored", "acme.use"]


def test_a_module_imported_by_a_name_that_cannot_be_read() -> None:
    unread = CallSite(None, "f", (), (("m", Val("unknown", UNREAD_MODULE)),), SPAN)
    assert refers_to_unread_module(FlowFacts(calls=[unread]))
    # Control: another unknown value is no such module.
    other = CallSite(None, "f", (), (("m", Val("unknown", "other")),), SPAN)
    assert not refers_to_unread_module(FlowFacts(calls=[other]))
