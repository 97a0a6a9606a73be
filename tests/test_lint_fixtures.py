"""Each lint fixture's findings are exactly the ones its comments expect."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_expectations import expectations, fixture_files, options

from flake8_nylas_scopes.analysis.module import module_facts

from flake8_nylas_scopes.judging.module_findings import module_findings
from flake8_nylas_scopes.codes import DEFAULT_OFF, IMPLEMENTED
from flake8_nylas_scopes.settings.config import make_config

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lint"


def run_fixture(path: Path) -> list[tuple[int, str, int]]:
    source = path.read_text(encoding="utf-8")
    opts = options(source)
    selected = set(opts.get("select", []))
    config = make_config(providers=opts.get("providers", []))

    def enabled(code: str) -> bool:
        return code not in DEFAULT_OFF or code in selected

    lines = source.splitlines(keepends=True)
    facts = module_facts(None, str(path), lines)
    return [
        (finding.span.line, finding.code, finding.span.col + 1)
        for finding in module_findings(facts, config, enabled)
    ]


@pytest.mark.parametrize("path", fixture_files(FIXTURES), ids=lambda path: path.name)
def test_fixture_findings_match_comments(path: Path) -> None:
    actual = run_fixture(path)
    expected = expectations(path.read_text(encoding="utf-8"))
    # Compare columns only where the fixture states one.
    actual_cmp = sorted(
        (line, code, col if any(e.line == line and e.code == code and e.col for e in expected)
         else None)
        for line, code, col in actual
    )
    expected_cmp = sorted((e.line, e.code, e.col) for e in expected)
    assert actual_cmp == expected_cmp


def test_every_implemented_code_has_a_fixture_line() -> None:
    every_fixture = [*fixture_files(FIXTURES), *sorted((FIXTURES.parent / "projects").rglob("*.py"))]
    covered = {
        expected.code
        for path in every_fixture
        for expected in expectations(path.read_text(encoding="utf-8"))
    }
    assert IMPLEMENTED - covered == set()
