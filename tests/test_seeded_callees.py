"""While a module's records are judged, each call's callee is the row the fixpoint
gave it when the project's records were gathered: it is not looked up again link by
link.  The row is the one a fresh walk of the callee finds, the judgement of every
call is unchanged, and a list of calls the gathering did not read (a copy) is not
taken for the one it read."""

from __future__ import annotations

import pytest

from flake8_nylas_scopes.judging.resolver import FlowResolver
from flake8_nylas_scopes.project.reading import facts_for_source

from node_lookups import counting_node_lookups

MODULE = """
import logging

from nylas import APIClient

client = APIClient("id", "secret", "token")


def unread(api):
    api.threads.where(unread=True).all()
    client.messages.get("id")
    log = logging.getLogger("mail")
    log.handlers.clear()
    box = Box()
    box.held.items.append(api)
    return api.drafts.create().send()


class Box:
    def __init__(self):
        self.held = Box()


unread(client)
"""


def _resolver() -> tuple[FlowResolver, list]:  # type: ignore[type-arg]
    facts = facts_for_source("mail.py", MODULE, flow=True)
    assert facts.flow is not None
    return FlowResolver([facts]), list(facts.flow.calls)


def test_a_gathered_callee_is_not_looked_up_again(monkeypatch: pytest.MonkeyPatch) -> None:
    resolver, _ = _resolver()
    calls = resolver.modules[0].flow.calls  # type: ignore[union-attr]
    chained = [call for call in calls if call.callee is not None
               and call.callee.inner is not None]
    assert len(chained) >= 3
    looked_up = counting_node_lookups(monkeypatch)
    with resolver.module_records(calls=calls):
        for call in chained:
            resolver.resolve(call.callee)
    assert looked_up[0] == 0


def test_a_copied_list_of_calls_is_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    # Control: the seeding holds for the very list the gathering read, no other.
    resolver, copied = _resolver()
    chained = [call for call in copied if call.callee is not None
               and call.callee.inner is not None]
    looked_up = counting_node_lookups(monkeypatch)
    with resolver.module_records(calls=copied):
        for call in chained:
            resolver.resolve(call.callee)
    assert looked_up[0] >= len(chained)


def test_seeded_rows_and_judgements_are_those_of_a_fresh_walk() -> None:
    seeded, _ = _resolver()
    fresh, _ = _resolver()
    calls = seeded.modules[0].flow.calls  # type: ignore[union-attr]
    fresh_calls = fresh.modules[0].flow.calls  # type: ignore[union-attr]
    with seeded.module_records(calls=calls):
        seeded_rows = [seeded._intern_shared(call.callee) for call in calls]
        seeded_effects = [seeded.call_effects(call) for call in calls]
        seeded_objects = [seeded.resolve(call.callee) for call in calls]
    with fresh.module_records():
        fresh_rows = [fresh._intern_shared(call.callee) for call in fresh_calls]
        fresh_effects = [fresh.call_effects(call) for call in fresh_calls]
        fresh_objects = [fresh.resolve(call.callee) for call in fresh_calls]
    assert seeded_rows == fresh_rows
    assert seeded_effects == fresh_effects
    assert seeded_objects == fresh_objects
    # There is something to compare: the seeded callees still resolve to the bound
    # methods of the client, and the ``send`` call is still a request.
    assert any(kind == "method" for objs in seeded_objects for kind, _ in objs)
    assert sum(len(found) for found, _ in seeded_effects) >= 1
