"""A module's ranges are written once, in one flat table of numbers, and records refer
to them by number; a call site's flags are one number.  What is read back is what was
written, for every module of the fixture projects and the examples; a damaged table
or number is refused, so the cache entry is rebuilt."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from flake8_nylas_scopes.analysis.facts import ModuleFacts
from flake8_nylas_scopes.analysis.flow_facts import (
    CallSite,
    FlowFacts,
    Read,
    Val,
    call_flags,
)
from flake8_nylas_scopes.project.reading import facts_for_source
from flake8_nylas_scopes.spans import Span

ROOT = Path(__file__).resolve().parent.parent
PATH = "app/views.py"


def _call(line: int, path: str = PATH, flags: int = call_flags()) -> CallSite:
    return CallSite(Val("sym", "l:app.views.f.send"), "send", (), (),
                    Span(path, line, 4, line, 12), flags=flags)


def test_a_range_of_the_module_is_written_once_and_referred_to_by_number() -> None:
    flow = FlowFacts(calls=[_call(2), _call(3), _call(2)],
                     reads=[Read(Val("sym", "g:app.views.x"), Span(PATH, 3, 4, 3, 12))])
    data = flow.to_json(PATH)
    assert data["spans"] == [2, 4, 2, 12, 3, 4, 3, 12]
    assert [call[4] for call in data["calls"]] == [0, 1, 0]
    assert data["reads"][0][1] == 1
    read = FlowFacts.from_json(json.loads(json.dumps(data)))
    assert list(read.calls) == list(flow.calls)
    assert list(read.reads) == list(flow.reads)
    # One span per range, shared by the records in it.
    assert read.calls[0].span is read.calls[2].span
    assert read.calls[1].span is read.reads[0].span


def test_a_range_of_another_file_keeps_its_path_and_takes_no_number() -> None:
    other = _call(5, path="app/other.py")
    data = FlowFacts(calls=[_call(2), other]).to_json(PATH)
    assert data["spans"] == [2, 4, 2, 12]
    assert data["calls"][1][4] == ["app/other.py", 5, 4, 5, 12]
    assert list(FlowFacts.from_json(data).calls)[1] == other


@pytest.mark.parametrize("flags", range(16))
def test_the_flags_of_a_call_site_are_one_number(flags: int) -> None:
    data = FlowFacts(calls=[_call(2, flags=flags)]).to_json(PATH)
    assert data["calls"][0][7] == flags
    assert FlowFacts.from_json(data).calls[0].flags == flags


def _damaged(change: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(
        FlowFacts(calls=[_call(2), _call(3)]).to_json(PATH)))
    change(data)
    return data


@pytest.mark.parametrize("data", [
    _damaged(lambda data: data["calls"][0].__setitem__(4, 2)),  # no such range
    _damaged(lambda data: data["calls"][0].__setitem__(4, -1)),
    _damaged(lambda data: data["calls"][0].__setitem__(4, "0")),
    _damaged(lambda data: data["spans"].pop()),  # not four numbers each
    _damaged(lambda data: data["spans"].__setitem__(0, "2")),
    _damaged(lambda data: data["spans"].__setitem__(0, 2.0)),
    _damaged(lambda data: data["spans"].__setitem__(0, True)),
    _damaged(lambda data: data.__setitem__("spans", {})),
    _damaged(lambda data: data.pop("spans")),  # written before ranges had a table
    _damaged(lambda data: data["calls"][0].__setitem__(7, 16)),  # no such flag
    _damaged(lambda data: data["calls"][0].__setitem__(7, -1)),
    _damaged(lambda data: data["calls"][0].__setitem__(7, True)),
])
def test_a_damaged_range_or_flag_is_refused(data: dict[str, Any]) -> None:
    # The cache rebuilds an entry on any of these errors (see FactsCache.load).
    with pytest.raises((ValueError, KeyError, TypeError, IndexError)):
        FlowFacts.from_json(data)


def _modules() -> list[Path]:
    found = [path for folder in (ROOT / "fixtures" / "projects", ROOT / "examples")
             for path in sorted(folder.rglob("*.py"))]
    assert len(found) > 300
    return found


def test_every_fixture_module_reads_back_as_extracted() -> None:
    compared = 0
    for path in _modules():
        try:
            facts = facts_for_source(str(path), path.read_text(encoding="utf-8"), flow=True)
        except (SyntaxError, ValueError, UnicodeDecodeError):
            continue  # a fixture of a broken file: no facts to compare
        text = json.dumps(facts.to_json(), separators=(",", ":"), check_circular=False)
        again = ModuleFacts.from_json(json.loads(text))
        # The records read back are equal to those extracted (some other containers
        # are read back as tuples, not lists) and written again the same.
        assert json.dumps(again.to_json(), separators=(",", ":")) == text, path
        if facts.flow is not None:
            assert again.flow == facts.flow, path
            compared += 1
    assert compared > 300
