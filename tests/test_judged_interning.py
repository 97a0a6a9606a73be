"""While a module's records are judged, their values are interned link by link by
identity, as they are while the project's records are gathered: a call's callee and
then its receiver are asked about in turn, and the receiver's rows are not looked up
again.  The rows are those a whole walk of each value finds, handed calls included;
and a call whose callee resolves to nothing still binds nothing, while one that
resolves to a function of the project binds its parameters."""

from __future__ import annotations

import pytest

from flake8_nylas_scopes.analysis.flow_facts import HandedCall, Val
from flake8_nylas_scopes.analysis.symbols import PARAMETER
from flake8_nylas_scopes.judging.resolver import FlowResolver
from flake8_nylas_scopes.judging.test_code import is_patcher, is_test_library
from flake8_nylas_scopes.project.reading import facts_for_source

from node_lookups import counting_node_lookups

MODULE = """
from nylas import APIClient
from django.shortcuts import get_object_or_404

client = APIClient("id", "secret", "token")


def unread(box_id):
    box = get_object_or_404(Box, pk=box_id)
    other = get_object_or_404(Box, pk=box_id, owner=box)
    client.threads.where(unread=True).all()
    return box, other


def send(api, draft):
    api.drafts.create(**draft).send()


send(client, {"subject": "Hi"})
print(len("plain"))
"""


def _resolver() -> tuple[FlowResolver, list[Val]]:
    facts = facts_for_source("mail.py", MODULE, flow=True)
    assert facts.flow is not None
    values = [v for v in (*(edge.value for edge in facts.flow.edges),
                          *(call.callee for call in facts.flow.calls)) if v is not None]
    return FlowResolver([facts]), values


def test_a_receiver_asked_after_its_call_is_not_looked_up_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    resolver, values = _resolver()
    chain = next(v for v in values if v.kind == "attr" and v.name == "all")
    assert chain.inner is not None and chain.inner.inner is not None
    looked_up = counting_node_lookups(monkeypatch)
    with resolver.module_records():
        resolver.resolve(chain)
        walked = looked_up[0]
        resolver.resolve(chain.inner)
        resolver.resolve(chain.inner.inner)
    assert walked >= 3
    # ``client.threads.where(...)`` and ``client.threads`` are links of the chain
    # interned first: no row is looked up for them.
    assert looked_up[0] == walked


def test_a_chain_asked_again_outside_a_module_is_walked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The control: outside ``module_records`` nothing is remembered by identity.
    resolver, values = _resolver()
    chain = next(v for v in values if v.kind == "attr" and v.name == "all")
    assert chain.inner is not None
    looked_up = counting_node_lookups(monkeypatch)
    resolver.resolve(chain)
    walked = looked_up[0]
    resolver.resolve(chain.inner)
    assert looked_up[0] > walked


def test_values_judged_link_by_link_are_the_rows_a_whole_walk_finds() -> None:
    resolver, values = _resolver()
    assert any(type(v) is HandedCall for v in values)
    rows = len(resolver._nodes)
    with resolver.module_records():
        shared = [resolver._intern_shared(value) for value in values]
    # Each value walked whole, its handed values too, outside the module's table.
    assert shared == [resolver._intern_chain(value) for value in values]
    assert len(resolver._nodes) == rows


def test_a_value_made_for_one_question_keeps_its_links_alive() -> None:
    resolver, _ = _resolver()
    with resolver.module_records():
        first = resolver._intern_shared(Val("attr", "threads", Val("ref", "mail.client")))
        # Made and dropped again: its links' addresses must stay taken meanwhile.
        second = resolver._intern_shared(Val("attr", "messages", Val("ref", "mail.client")))
    assert first != second
    assert resolver._nodes.names[first] == "threads"
    assert resolver._nodes.names[second] == "messages"


def test_a_call_of_a_project_function_binds_its_parameters() -> None:
    resolver, _ = _resolver()
    # ``send(client, ...)`` binds ``api``; ``print(len(...))`` binds nothing.
    held = resolver.values.get(f"{PARAMETER}mail.send.api", frozenset())
    assert any(kind == "client" for kind, _ in held), held
    assert not any(key.startswith(PARAMETER) and ".print." in key for key in resolver.values)


def test_test_libraries_are_told_by_their_whole_names() -> None:
    assert is_test_library("pytest") and is_test_library("pytest.raises")
    assert is_test_library("unittest.mock.patch.object")
    assert not is_test_library("pytestify.run") and not is_test_library("os.path.join")
    assert not is_test_library("unittest.mock.patcher")
    assert is_patcher("unittest.mock.patch.dict") and not is_patcher("pytest.fixture")
