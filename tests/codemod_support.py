"""Helpers shared by the codemod tests."""

from __future__ import annotations

import io
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT

from flake8_nylas_scopes import cli

CODEMOD_FIXTURES = ROOT / "fixtures" / "codemod"
LINT_FIXTURES = ROOT / "fixtures" / "lint"
EXAMPLES = ROOT / "examples"
OPTIONS = re.compile(rb"^# fix-options:(.*)$", re.M)


@dataclass(frozen=True)
class Case:
    name: str
    input: Path
    expected: Path

    def options(self) -> list[str]:
        first = self.input.read_bytes().split(b"\n", 1)[0]
        match = OPTIONS.match(first)
        return match.group(1).decode().split() if match else []


def codemod_cases() -> list[Case]:
    cases = []
    for path in sorted(CODEMOD_FIXTURES.glob("*.input.py")):
        name = path.name[: -len(".input.py")]
        cases.append(Case(name, path, CODEMOD_FIXTURES / f"{name}.expected.py"))
    return cases


def property_files() -> list[Path]:
    """Every lint fixture and example file: the corpus the property tests run over."""
    files = sorted(LINT_FIXTURES.glob("*.py"))
    if EXAMPLES.is_dir():
        files += sorted(EXAMPLES.rglob("*.py"))
    return files


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def run_cli(*argv: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.run(list(argv))
    return Run(code, out.getvalue(), err.getvalue())


def copy_tree(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target
