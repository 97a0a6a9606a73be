"""Input/expected pairs under fixtures/codemod, compared byte for byte.

Each pair runs through ``nylas-scopes fix`` and through the LibCST command; both must
give the expected file.  A first line ``# fix-options: --unsafe-fixes`` passes options
(``--unsafe-fixes``, ``--select`` and ``--ignore`` reach both).
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

import libcst as cst
import pytest
from codemod_support import Case, codemod_cases, run_cli
from libcst.codemod import CodemodContext

from flake8_nylas_scopes.codemod import FixScopesCommand
from flake8_nylas_scopes.codes import CODES, IMPLEMENTED, FixSafety

CASES = codemod_cases()
# The codes the registry says ``fix`` can fix.  Reserved codes are left out: this
# version never reports them, so no fixture can show their fix.
FIXABLE = sorted(code for code in IMPLEMENTED if CODES[code].fix is not FixSafety.NONE)


def test_every_input_has_an_expected_file() -> None:
    assert CASES
    for case in CASES:
        assert case.expected.is_file(), case.name


def reported(case: Case, source: Path, code: str, tmp_path: Path) -> int:
    """How many ``code`` findings ``check`` reports on ``source`` with the case's options."""
    target = tmp_path / f"{case.name}.py"
    shutil.copyfile(source, target)
    options = [option for option in case.options() if option not in ("--unsafe-fixes", "--diff")]
    result = run_cli("check", "--isolated", *options, str(target))
    assert result.code in (0, 1), result.stderr
    return result.stdout.count(f": {code} ")


@pytest.mark.parametrize("code", FIXABLE)
def test_every_fixable_code_has_a_fixture_that_fixes_it(code: str, tmp_path: Path) -> None:
    # A registry that calls a rule fixable must be backed by a fix that works: a pair
    # named after the code whose input has the finding and whose expected file has
    # fewer of them.
    cases = [case for case in CASES if case.name.startswith(f"{code.lower()}_")]
    assert cases, f"add fixtures/codemod/{code.lower()}_<what>.input.py and .expected.py"
    proofs = [
        case for case in cases
        if reported(case, case.expected, code, tmp_path)
        < reported(case, case.input, code, tmp_path)
    ]
    assert proofs, f"no {code} fixture removes a {code} finding"
    unsafe = CODES[code].fix is FixSafety.UNSAFE
    assert any(("--unsafe-fixes" in case.options()) is unsafe for case in proofs)


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


def codemod_options(case: Case) -> dict[str, Any]:
    """The case's options as the LibCST command takes them."""
    parser = argparse.ArgumentParser()
    FixScopesCommand.add_args(parser)
    return vars(parser.parse_args(case.options()))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_libcst_command_gives_the_expected_file(case: Case, tmp_path: Path) -> None:
    # A copy on its own, as the fix command gets it: in the repository the file would
    # be judged with every other file of this project (the usage rules).
    target = tmp_path / f"{case.name}.py"
    shutil.copyfile(case.input, target)
    command = FixScopesCommand(CodemodContext(filename=str(target)), **codemod_options(case))
    # As libcst.tool does: it parses the bytes itself (coding cookie, BOM) and writes
    # the module's ``.bytes``.
    module = command.transform_module(cst.parse_module(target.read_bytes()))
    assert module.bytes == case.expected.read_bytes()
