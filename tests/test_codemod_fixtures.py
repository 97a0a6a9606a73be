"""Input/expected pairs under fixtures/codemod, compared byte for byte.

Each pair runs through ``nylas-scopes fix`` and through the LibCST command; both must
give the expected file.  A first line ``# fix-options: --unsafe-fixes`` passes options.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import libcst as cst
import pytest
from codemod_support import Case, codemod_cases, run_cli
from libcst.codemod import CodemodContext

from flake8_nylas_scopes.codemod import FixScopesCommand

CASES = codemod_cases()


def test_every_input_has_an_expected_file() -> None:
    assert CASES
    for case in CASES:
        assert case.expected.is_file(), case.name


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_fix_command_gives_the_expected_file(case: Case, tmp_path: Path) -> None:
    target = tmp_path / f"{case.name}.py"
    shutil.copyfile(case.input, target)
    result = run_cli("fix", *case.options(), str(target))
    expected = case.expected.read_bytes()
    assert target.read_bytes() == expected, result.stderr
    changed = expected != case.input.read_bytes()
    assert result.code == (1 if changed else 0), result.stderr


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_fixing_the_expected_file_changes_nothing(case: Case, tmp_path: Path) -> None:
    target = tmp_path / f"{case.name}.py"
    shutil.copyfile(case.expected, target)
    result = run_cli("fix", *case.options(), str(target))
    assert result.code == 0, result.stderr
    assert target.read_bytes() == case.expected.read_bytes()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_libcst_command_gives_the_expected_file(case: Case) -> None:
    unsafe = "--unsafe-fixes" in case.options()
    command = FixScopesCommand(CodemodContext(filename=str(case.input)), unsafe_fixes=unsafe)
    # As libcst.tool does: it parses the bytes itself (coding cookie, BOM) and writes
    # the module's ``.bytes``.
    module = command.transform_module(cst.parse_module(case.input.read_bytes()))
    assert module.bytes == case.expected.read_bytes()
