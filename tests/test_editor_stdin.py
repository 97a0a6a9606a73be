"""Editors lint unsaved buffers through stdin: same findings as for the saved file.

VS Code's flake8 extension and python-lsp-server run
``flake8 --stdin-display-name PATH -`` with the buffer on stdin.  The fixtures are
linted from a copy (``lint_fixtures_copy``), under the same relative paths.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tool_runs import ROOT, fixture_options, flake8, lint_fixtures, relative


@pytest.mark.parametrize("fixture", lint_fixtures(), ids=lambda path: path.name)
def test_stdin_matches_the_saved_file(fixture: Path, lint_fixtures_copy: Path) -> None:
    options, _ = fixture_options(fixture)
    path = relative(fixture)
    saved = flake8(lint_fixtures_copy, "--isolated", "--select", "NYS", *options, path)
    buffer = flake8(
        lint_fixtures_copy,
        "--isolated", "--select", "NYS", *options, "--stdin-display-name", path, "-",
        stdin=fixture.read_text(encoding="utf-8"),
    )
    assert buffer.stderr == ""
    assert buffer.stdout.splitlines() == saved.stdout.splitlines()
    assert buffer.returncode == saved.returncode


def test_stdin_findings_are_not_vacuous(lint_fixtures_copy: Path) -> None:
    fixture = ROOT / "fixtures" / "lint" / "nys104_redundant_scope.py"
    result = flake8(
        lint_fixtures_copy,
        "--isolated", "--select", "NYS", "--stdin-display-name", relative(fixture), "-",
        stdin=fixture.read_text(encoding="utf-8"),
    )
    assert result.stdout.count(": NYS104 ") == 5
    assert all(line.startswith("fixtures/lint/nys104_redundant_scope.py:")
               for line in result.stdout.splitlines())
