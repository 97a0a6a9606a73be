"""Facts of modules that hold nothing of a kind share one empty record of that kind.

A large project's modules mostly have no scope sites, guards or raw requests; one
empty list per field and module was a few MiB of its peak memory.  Facts are read
back from the cache as often as they are built, so both ways must share.
"""

from __future__ import annotations

import ast
import json
from dataclasses import fields

from flake8_nylas_scopes.analysis.facts import ModuleFacts
from flake8_nylas_scopes.analysis.flow_facts import FlowFacts
from flake8_nylas_scopes.analysis.module import module_facts

PLAIN = "def add(a, b):\n    return a + b\n"
NYLAS = (
    "from nylas import APIClient\n"
    "client = APIClient('id', 'secret')\n"
    "url = client.authentication_url('https://app/cb', scopes=['email.read_only'])\n"
)


def _facts(source: str, path: str) -> ModuleFacts:
    return module_facts(ast.parse(source), path, source.splitlines(True), "app.m", flow=True)


def _read_back(facts: ModuleFacts) -> ModuleFacts:
    return ModuleFacts.from_json(json.loads(json.dumps(facts.to_json())))


def _empty_fields(record: ModuleFacts | FlowFacts) -> dict[str, object]:
    values = {field.name: getattr(record, field.name) for field in fields(record)}
    return {name: value for name, value in values.items()
            if isinstance(value, (list, tuple, dict)) and not value}


def _shared(one: ModuleFacts | FlowFacts, other: ModuleFacts | FlowFacts) -> None:
    empty_one, empty_other = _empty_fields(one), _empty_fields(other)
    assert empty_one, "the record has empty fields to share"
    for name in empty_one.keys() & empty_other.keys():
        assert empty_one[name] is empty_other[name], name


def test_modules_built_with_nothing_of_a_kind_share_its_empty_record() -> None:
    one, other = _facts(PLAIN, "a.py"), _facts(PLAIN + "x = 1\n", "b.py")
    _shared(one, other)
    assert one.flow is not None and other.flow is not None
    _shared(one.flow, other.flow)


def test_facts_read_back_share_the_empty_records_of_built_ones() -> None:
    built = _facts(PLAIN, "a.py")
    read = _read_back(_facts(NYLAS, "b.py"))
    _shared(built, read)
    assert built.flow is not None and read.flow is not None
    _shared(built.flow, read.flow)


def test_fields_that_hold_something_keep_it() -> None:
    facts = _facts(NYLAS, "b.py")
    assert len(facts.sites) == 1
    assert _read_back(facts).sites == facts.sites
    assert facts.flow is not None and facts.flow.uses
    assert FlowFacts.from_json(json.loads(json.dumps(facts.flow.to_json("b.py")))).uses


def test_a_shared_empty_record_cannot_be_changed_through_one_module() -> None:
    facts = _facts(PLAIN, "a.py")
    assert isinstance(facts.sites, tuple)
    try:
        facts.param_defaults["x"] = None  # type: ignore[index]
    except TypeError:
        pass
    else:
        raise AssertionError("the shared empty mapping took an entry")
    assert not _facts(PLAIN, "c.py").param_defaults
