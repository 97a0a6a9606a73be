"""The CLI reports exactly what the flake8 plugin reports, finding for finding.

Both run over every lint fixture (with the fixture's own options) and every fixture
project directory, once with the default selection and once with ``--select NYS``
(which also turns on the rules that are off by default).  The comparison is on the
complete ``path:line:col: CODE message`` lines.

The lint fixtures are checked from a copy of their folder, a project of their own
(``lint_fixtures_copy``): in the repository, every run would also analyse the
repository's hundreds of modules.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tool_runs import (
    finding_lines,
    fixture_options,
    flake8,
    lint_fixtures,
    nylas_scopes,
    project_fixtures,
    relative,
)

SELECTIONS = {"default": [], "select-all": ["--select", "NYS"]}


def nys_lines(output: str) -> set[str]:
    """flake8's NYS findings (with its default selection it reports pycodestyle too)."""
    return {line for line in finding_lines(output) if line.split(": ", 1)[1].startswith("NYS")}


def targets() -> list[Path]:
    return [*lint_fixtures(), *project_fixtures()]


@pytest.mark.parametrize("selection", sorted(SELECTIONS))
@pytest.mark.parametrize("target", targets(), ids=lambda path: relative(path))
def test_same_findings(target: Path, selection: str, lint_fixtures_copy: Path) -> None:
    chosen = SELECTIONS[selection]
    if target.is_dir():
        # A fixture project is read with its own configuration, as a user runs both tools.
        cwd, flake8_options, cli_options, paths = target, [], [], ["."]
    else:
        flake8_options, cli_options = fixture_options(target)
        flake8_options, cli_options = ["--isolated", *flake8_options], ["--isolated", *cli_options]
        cwd, paths = lint_fixtures_copy, [relative(target)]
    expected = flake8(cwd, *chosen, *flake8_options, *paths)
    actual = nylas_scopes(cwd, "check", *chosen, *cli_options, *paths)
    assert expected.stderr == ""
    assert actual.stderr == ""
    assert finding_lines(actual.stdout) == nys_lines(expected.stdout)
    assert actual.returncode == (1 if nys_lines(expected.stdout) else 0)


def test_the_comparison_covers_findings(lint_fixtures_copy: Path) -> None:
    # Guard against a vacuous comparison: the fixtures produce many findings.
    paths = [relative(path) for path in lint_fixtures()]
    result = nylas_scopes(lint_fixtures_copy, "check", "--isolated", "--select", "NYS", *paths)
    codes = {line.split(": ")[1].split(" ")[0] for line in result.stdout.splitlines()}
    assert len(result.stdout.splitlines()) > 50
    assert {"NYS101", "NYS104", "NYS108", "NYS203", "NYS206"} <= codes
