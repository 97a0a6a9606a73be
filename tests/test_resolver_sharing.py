"""The resolver shares what values resolve to instead of giving each value a set.

A 2,000-module project resolves about a hundred thousand symbolic values, most of
them to nothing; a set per value was half of the peak memory of judging it.  These
tests hold the sharing, and check that it does not change what is resolved.
"""

from __future__ import annotations

from flake8_nylas_scopes.flow_facts import Val
from flake8_nylas_scopes.project import facts_for_source
from flake8_nylas_scopes.resolver import CLIENT_OBJ, FlowResolver

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
    resolver = _resolver()
    assert "l:mail.unrelated.parts" in resolver.edges
    assert all(held for held in resolver.values.values())


def test_equal_results_are_one_object() -> None:
    resolver = _resolver()
    resolver.resolve(Val("sym", "l:mail.other.doubled"))
    computed = [
        result for result in resolver._memo.values()
        if not any(result is held for held in resolver.values.values())
    ]
    empty = [result for result in computed if not result]
    assert len(empty) > 3
    assert len({id(result) for result in empty}) == 1
    distinct = {frozenset(result) for result in computed}
    assert len({id(result) for result in computed}) == len(distinct)
