"""``nylas-scopes ... | head``: a reader that goes away early ends the run quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MODULES = 60
# Calls per module: the evidence of ``infer`` then runs to a few hundred kilobytes, far
# more than a pipe holds, so writing it must outlast a reader that stops early.
CALLS = ("messages.all()", "threads.all()", "calendars.all()", "events.all()") * 10


@pytest.fixture(scope="module")
def many_calls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("many_calls")
    (root / "pyproject.toml").write_text("")
    for number in range(MODULES):
        lines = ["from nylas import APIClient", 'client = APIClient("id", "secret", "tok")']
        lines += [f"client.{call}" for call in CALLS]
        lines.append(
            'client.authentication_url("https://a/cb", '
            'scopes=["email.modify", "email.read_only"])'
        )
        (root / f"module_{number:03}.py").write_text("\n".join(lines) + "\n")
    return root


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "flake8_nylas_scopes", *args]


def assert_quiet(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert "BrokenPipeError" not in stderr
    assert "Exception ignored" not in stderr


def test_cli_infer_into_a_reader_that_stops_early(many_calls: Path) -> None:
    process = subprocess.Popen(
        command("infer", "."), cwd=many_calls,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(20).startswith(b"Minimal scopes: ")
    process.stdout.close()  # as `head` does once it has its lines
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    assert process.wait(timeout=120) == 1
    assert_quiet(stderr)


def test_cli_infer_output_is_longer_than_a_pipe_holds(many_calls: Path) -> None:
    # What makes the test above break the pipe for certain: a Linux pipe holds 64 KiB
    # (a macOS one less).
    result = subprocess.run(
        command("infer", "."), cwd=many_calls, capture_output=True, timeout=120
    )
    assert result.returncode == 0
    assert len(result.stdout) > 4 * 64 * 1024


@pytest.mark.parametrize(
    "args",
    [
        ("infer", "."),
        ("infer", "--format", "json", "."),
        ("check", "--isolated", "."),
        ("rules",),
        ("explain", "NYS104"),
    ],
    ids=lambda args: "-".join(args),
)
def test_cli_output_into_a_closed_pipe(many_calls: Path, args: tuple[str, ...]) -> None:
    # The reading end is closed before the command starts: its first write fails.
    reading, writing = os.pipe()
    os.close(reading)
    try:
        result = subprocess.run(
            command(*args), cwd=many_calls, stdout=writing, stderr=subprocess.PIPE,
            timeout=120,
        )
    finally:
        os.close(writing)
    assert result.returncode == 1
    assert_quiet(result.stderr.decode("utf-8", "replace"))
