"""flake8 in parallel (``--jobs 2``) reports exactly what it reports serially.

With several jobs flake8 checks files in worker processes (forked, or re-initialised
where fork is not the default), so anything the plugin keeps between files, such as
the options it parsed, must reach every worker.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def flake8_output(root: Path, jobs: int, paths: list[str]) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select", "NYS",
         "--jobs", str(jobs), *paths],
        cwd=root, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == ""
    return result.stdout


def test_parallel_and_serial_output_are_identical(tmp_path: Path) -> None:
    # A copy under a project of its own: in the repository, the project around the
    # lint fixtures is the repository, whose tests and fixture projects (thousands of
    # modules that use Nylas) would be read for their uses by both runs.
    paths = ["fixtures/lint", "examples"]
    for path in paths:
        shutil.copytree(ROOT / path, tmp_path / path)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'lint-fixtures'\n")
    serial = flake8_output(tmp_path, 1, paths)
    parallel = flake8_output(tmp_path, 2, paths)
    assert parallel == serial
    # Every fixture with an expectation is in the output, so the comparison is not
    # between two empty strings.
    assert len(serial.splitlines()) > 30
    assert {line.split(":")[0] for line in serial.splitlines()} >= {
        f"fixtures/lint/{name}"
        for name in ("nys101_unknown_scope.py", "nys201_google_metadata_conflict.py")
    }
