"""Every front end under one configuration: no door changes code another calls fine.

For each fixture project and the example app, one configuration (in turn written in
pyproject.toml, setup.cfg and .flake8) must give the same findings from flake8 and
from ``nylas-scopes check``, and ``fix --unsafe-fixes --diff`` may change only lines
that a finding ``check`` reports would fix: nothing at all when ``check`` is clean.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from tool_runs import FIXTURES, ROOT, finding_lines, flake8, nylas_scopes

from flake8_nylas_scopes.commands.check import CheckSettings, run_check
from flake8_nylas_scopes.settings.config_file import find_settings

PROJECTS = sorted(path for path in (FIXTURES / "projects").iterdir() if path.is_dir())
TARGETS = [*PROJECTS, ROOT / "examples" / "mailapp"]

# One configuration that changes what the rules say: two providers (Gmail rules and
# Microsoft rules both apply), an opt-in code, and a scope assumed used.
PYPROJECT = """\
[project]
name = "app"

[tool.nylas-scopes]
providers = ["gmail", "office365"]
extend-select = ["NYS203"]
assume-used = ["contacts"]
"""
FLAKE8 = """\
[flake8]
nylas-providers = gmail,office365
extend-select = NYS203
nylas-assume-used = contacts
"""
FORMS = {"pyproject.toml": PYPROJECT, "setup.cfg": FLAKE8, ".flake8": FLAKE8}
CONFIG_FILES = ("pyproject.toml", "setup.cfg", "tox.ini", ".flake8")
HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? ")


def configured_copy(target: Path, form: str, tmp_path: Path) -> Path:
    copy = tmp_path / target.name
    shutil.copytree(target, copy, ignore=shutil.ignore_patterns(
        "expected-*", "__pycache__", ".nylas-scopes-cache", *CONFIG_FILES
    ))
    (copy / ".git").mkdir()  # the repository root: no configuration is read above it
    (copy / form).write_text(FORMS[form])
    return copy


def nys_lines(output: str) -> set[str]:
    return {line for line in finding_lines(output) if ": NYS" in line}


def changed_lines(diff: str) -> dict[str, set[int]]:
    """The lines of each file, as it is, that the diff removes or replaces."""
    changed: dict[str, set[int]] = {}
    path = ""
    line = 0
    for text in diff.splitlines():
        if text.startswith("--- a/"):
            path = text[len("--- a/"):]
        elif text.startswith("+++ "):
            continue
        elif match := HUNK.match(text):
            line = int(match.group(1))
        elif text.startswith("-"):
            changed.setdefault(path, set()).add(line)
            line += 1
        elif text.startswith(" "):
            line += 1
        elif text.startswith("+"):
            # An added line with no removed one (an appended item) sits before ``line``.
            changed.setdefault(path, set()).add(max(line - 1, 1))
    return changed


def fixable_lines(copy: Path) -> dict[str, set[int]]:
    """The lines of each file that a finding check reports would change."""
    previous = os.getcwd()
    os.chdir(copy)
    try:
        file = find_settings()
        settings = CheckSettings(
            selection=file.selection, config=file.config,
            per_file_ignores=file.per_file_ignores, exclude=file.exclude,
        )
        result = run_check(["."], settings, with_fixes=True)
    finally:
        os.chdir(previous)
    lines: dict[str, set[int]] = {}
    for finding in result.findings:
        for span in (finding.span, finding.fix.span if finding.fix else None):
            if span is None:
                continue
            path = os.path.relpath(os.path.join(copy, span.path), copy)
            lines.setdefault(path, set()).update(range(span.line, span.end_line + 1))
    return lines


@pytest.mark.parametrize(
    "target", TARGETS, ids=lambda path: path.name
)
def test_one_configuration_behind_every_front_end(target: Path, tmp_path: Path) -> None:
    # Each project meets one of the three files; together they cover all three.
    form = sorted(FORMS)[TARGETS.index(target) % len(FORMS)]
    copy = configured_copy(target, form, tmp_path)

    linted = flake8(copy, ".")
    assert linted.returncode in (0, 1), linted.stderr
    checked = nylas_scopes(copy, "check", ".")
    assert checked.returncode in (0, 1), checked.stderr
    assert nys_lines(linted.stdout) == nys_lines(checked.stdout), form

    fixed = nylas_scopes(copy, "fix", "--unsafe-fixes", "--diff", ".")
    assert fixed.returncode in (0, 1), fixed.stderr
    if not checked.stdout:
        assert fixed.stdout == ""
        return
    allowed = fixable_lines(copy)
    for path, lines in changed_lines(fixed.stdout).items():
        assert lines <= allowed.get(path, set()), (path, sorted(lines), fixed.stdout)


def test_the_configuration_is_read_by_every_front_end(tmp_path: Path) -> None:
    # Not vacuous: the configuration changes what both front ends report.
    target = ROOT / "examples" / "mailapp"
    plain = tmp_path / "plain"
    shutil.copytree(target, plain, ignore=shutil.ignore_patterns(*CONFIG_FILES))
    (plain / ".git").mkdir()
    configured = configured_copy(target, "setup.cfg", tmp_path)
    assert nys_lines(nylas_scopes(plain, "check", ".").stdout) != nys_lines(
        nylas_scopes(configured, "check", ".").stdout
    )
    assert nys_lines(flake8(plain, ".").stdout) != nys_lines(flake8(configured, ".").stdout)
    # And the diff check has something to check there.
    diff = nylas_scopes(configured, "fix", "--unsafe-fixes", "--diff", ".").stdout
    assert changed_lines(diff)
    assert all(lines <= fixable_lines(configured).get(path, set())
               for path, lines in changed_lines(diff).items())
