"""The values of a module's records are interned link by link, each link once: a
chain that shares links with another one already interned stops at the first of
them.  The rows are those a whole walk of each chain finds, for every module of the
fixture projects and the examples, handed calls included."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.analysis.facts import ModuleFacts
from flake8_nylas_scopes.judging.resolver import FlowResolver
from flake8_nylas_scopes.judging.value_nodes import ValueNodes
from flake8_nylas_scopes.project.reading import facts_for_source

ROOT = Path(__file__).resolve().parent.parent

MODULE = """
from nylas import APIClient

client = APIClient("id", "secret", "token")


def unread():
    return client.threads.where(unread=True).all()


def first():
    return client.threads.where(unread=True).first()


def count():
    return client.threads.where(unread=True).count()
"""


def _rows_looked_up(monkeypatch: pytest.MonkeyPatch, facts: list[ModuleFacts]) -> int:
    looked_up = 0
    node = ValueNodes.node

    def counted(self: ValueNodes, kind: str, name: str, inner: int) -> int:
        nonlocal looked_up
        looked_up += 1
        return node(self, kind, name, inner)

    monkeypatch.setattr(ValueNodes, "node", counted)
    FlowResolver(facts)
    return looked_up


def test_links_shared_by_several_chains_are_looked_up_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    facts = facts_for_source("mail.py", MODULE, flow=True)
    resolver = FlowResolver([facts])
    # ``client.threads.where(unread=True)`` and what lies under it is in all three
    # chains: each row is looked up about once (a whole walk of every chain looked
    # up three rows for each).
    rows = len(resolver._nodes)
    looked_up = _rows_looked_up(monkeypatch, [facts])
    assert looked_up <= rows + 2, (looked_up, rows)


def _modules() -> list[ModuleFacts]:
    found = []
    for folder in (ROOT / "fixtures" / "projects", ROOT / "examples"):
        for path in sorted(folder.rglob("*.py")):
            try:
                found.append(facts_for_source(
                    str(path), path.read_text(encoding="utf-8"), flow=True))
            except (SyntaxError, ValueError, UnicodeDecodeError):
                continue  # a fixture of a broken file
    return found


def test_every_fixture_record_is_interned_as_a_whole_walk_interns_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    modules = [facts for facts in _modules() if facts.flow is not None and facts.flow.calls]
    assert len(modules) > 100
    linked = [FlowResolver([facts]) for facts in modules]
    # Each record's value walked whole, every time, as it was interned before.
    # (``_intern_shared`` interns link by link too, as the module's records are judged.)
    monkeypatch.setattr(FlowResolver, "_intern_record", FlowResolver._intern)
    walked = [FlowResolver([facts]) for facts in modules]
    for facts, one, other in zip(modules, linked, walked):
        # The same rows, numbered in the same order, and the same values solved.
        assert (bytes(one._nodes.kinds), one._nodes.names, list(one._nodes.inners)) == (
            bytes(other._nodes.kinds), other._nodes.names, list(other._nodes.inners)
        ), facts.path
        assert dict(one.values) == dict(other.values), facts.path
