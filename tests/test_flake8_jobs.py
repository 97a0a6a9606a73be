"""flake8 in parallel (``--jobs 2``) reports exactly what it reports serially.

With several jobs flake8 checks files in worker processes (forked, or re-initialised
where fork is not the default), so anything the plugin keeps between files, such as
the options it parsed, must reach every worker.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def flake8_output(jobs: int, paths: list[str]) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select", "NYS",
         "--jobs", str(jobs), *paths],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == ""
    return result.stdout


def test_parallel_and_serial_output_are_identical() -> None:
    paths = [path for path in ("fixtures/lint", "examples") if (ROOT / path).is_dir()]
    serial = flake8_output(1, paths)
    parallel = flake8_output(2, paths)
    assert parallel == serial
    # Every fixture with an expectation is in the output, so the comparison is not
    # between two empty strings.
    assert len(serial.splitlines()) > 30
    assert {line.split(":")[0] for line in serial.splitlines()} >= {
        f"fixtures/lint/{name}"
        for name in ("nys101_unknown_scope.py", "nys201_google_metadata_conflict.py")
    }
