"""Reading the modules of a project in worker processes (``--jobs``).

A run with workers must say exactly what a run without them says: the same findings,
the same errors in the same order, the same cache entries (a later run reuses them).
The workers are started only for many modules, so these tests lower that threshold.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tool_runs import nylas_scopes, project_fixtures

from flake8_nylas_scopes.project import reading, workers
from flake8_nylas_scopes.project.cache import CACHE_DIRECTORY
from flake8_nylas_scopes.project.session import analyse, discover
from flake8_nylas_scopes.project.workers import Work, facts_texts
from flake8_nylas_scopes.settings.config import Config, default_code_filter

# Forked workers see this process's monkeypatches; others start afresh.
forking = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="the test changes the workers' code in this process (fork start method)",
)

HELPER = "def fetch(client):\n    return client.messages.all()\n"
AUTH = (
    "from nylas import APIClient\n"
    "client = APIClient('id', 'secret')\n"
    "URL = client.authentication_url('https://x', scopes=['email.modify', 'calendar'])\n"
)


@pytest.fixture(autouse=True)
def few_modules_are_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "_CHUNK", 1)


def _project(root: Path, broken: bool = False) -> Path:
    """A project with many modules and a use spread over modules; ``broken`` adds a
    syntax error and an undecodable file (which keep the usage rules silent)."""
    package = root / "app"
    package.mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (package / "__init__.py").write_text("")
    (package / "auth.py").write_text(AUTH)
    for number in range(12):
        (package / f"helper_{number}.py").write_text(HELPER)
    (package / "views.py").write_text(
        "from app.auth import client\nfrom app.helper_3 import fetch\n\n"
        "def inbox():\n    return fetch(client)\n")
    if broken:
        (package / "broken.py").write_text("def f(:\n    pass\n")
        (package / "latin.py").write_bytes(b"# coding: ascii\nname = '\xe9'\n")
    return root


def _run(root: Path, jobs: int, cache: bool = True) -> str:
    paths = discover([str(root)])
    result = analyse(paths, Config(), default_code_filter, use_cache=cache, jobs=jobs)
    return json.dumps({
        "findings": [[f.code, f.span.path, f.span.line, f.span.col, f.message]
                     for f in result.findings],
        "errors": [[e.path, e.message] for e in result.errors],
    }, indent=1)


@pytest.mark.parametrize("broken", [False, True], ids=["readable", "broken"])
def test_workers_give_what_one_process_gives(tmp_path: Path, broken: bool) -> None:
    root = _project(tmp_path / "app", broken)
    alone = _run(root, jobs=1)
    shutil.rmtree(root / CACHE_DIRECTORY)
    shared = _run(root, jobs=3)
    assert shared == alone
    # Not an empty comparison: the project has findings, or both kinds of error.
    if broken:
        assert "syntax error" in alone and "cannot decode" in alone
    else:
        assert '"NYS303"' in alone


def test_entries_workers_stored_are_read_back_as_the_same_facts(tmp_path: Path) -> None:
    root = _project(tmp_path / "app")
    cold = _run(root, jobs=2)
    entries = sorted((root / CACHE_DIRECTORY).rglob("*"))
    assert entries
    warm = _run(root, jobs=2)
    assert warm == cold
    shutil.rmtree(root / CACHE_DIRECTORY)
    assert _run(root, jobs=1) == cold


def test_without_a_cache_workers_still_give_the_same(tmp_path: Path) -> None:
    root = _project(tmp_path / "app")
    assert _run(root, jobs=2, cache=False) == _run(root, jobs=1, cache=False)


@pytest.mark.parametrize("fixture", project_fixtures(), ids=lambda path: path.name)
def test_fixture_projects_read_by_workers(fixture: Path, tmp_path: Path) -> None:
    root = tmp_path / fixture.name
    shutil.copytree(fixture, root)
    assert _run(root, jobs=2, cache=False) == _run(root, jobs=1, cache=False)


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_workers_started_afresh_give_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    # macOS and Windows start workers with spawn: nothing of this process is copied,
    # the workers import what they need.
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} is not available on this platform")
    monkeypatch.setattr(workers, "_START_METHOD", method)
    root = _project(tmp_path / "app")
    assert _run(root, jobs=2, cache=False) == _run(root, jobs=1, cache=False)


def test_results_come_in_the_order_of_the_work(tmp_path: Path) -> None:
    works = []
    for number in range(20):
        path = tmp_path / f"m{number}.py"
        # Later modules are quicker to read: a pool finishing them first must not
        # reorder them.
        path.write_text("x = 1\n" * (2000 - 100 * number) + "import nylas\n")
        works.append(Work(str(path), f"m{number}"))
    paths = [read.path for read in facts_texts(works, jobs=4)]
    assert paths == [work.path for work in works]


def test_a_given_text_is_read_instead_of_the_file(tmp_path: Path) -> None:
    works = [Work(str(tmp_path / f"gone_{number}.py"), f"gone_{number}",
                  text="import nylas\nSCOPES = ['email.send']\n") for number in range(4)]
    reads = list(facts_texts(works, jobs=2))
    assert [read.error for read in reads] == [""] * 4
    assert all('"email.send"' in read.json for read in reads)


def test_a_missing_file_is_an_error_of_that_file(tmp_path: Path) -> None:
    works = [Work(str(tmp_path / f"gone_{number}.py"), f"gone_{number}") for number in range(4)]
    reads = list(facts_texts(works, jobs=2))
    assert [read.path for read in reads] == [work.path for work in works]
    assert all(read.error.startswith(read.path) and not read.json for read in reads)


@forking
def test_a_crash_in_a_worker_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path / "app")
    real = reading.facts_or_error

    def failing(path: str, source: str, module: str, *rest: frozenset[str]) -> object:
        if path.endswith("helper_7.py"):
            raise KeyError("a defect")
        return real(path, source, module, *rest)

    monkeypatch.setattr(reading, "facts_or_error", failing)
    with pytest.raises(workers.WorkerCrash) as raised:
        _run(root, jobs=2, cache=False)
    message = str(raised.value)
    assert message.startswith(str(root / "app" / "helper_7.py"))
    assert "KeyError: 'a defect'" in message


@forking
def test_modules_left_by_a_dead_worker_are_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path / "app")
    expected = _run(root, jobs=1, cache=False)
    parent = os.getpid()
    real = reading.facts_or_error

    def dying(path: str, source: str, module: str, *rest: frozenset[str]) -> object:
        if os.getpid() != parent and path.endswith("helper_5.py"):
            os._exit(9)  # as the kernel's out-of-memory killer would end it
        return real(path, source, module, *rest)

    monkeypatch.setattr(reading, "facts_or_error", dying)
    assert _run(root, jobs=2, cache=False) == expected


def test_the_command_line_takes_a_number_of_jobs(tmp_path: Path) -> None:
    root = _project(tmp_path / "app")
    one = nylas_scopes(root, "check", "--format", "json", "-j", "1", ".")
    shutil.rmtree(root / CACHE_DIRECTORY)
    auto = nylas_scopes(root, "check", "--format", "json", "--jobs", "auto", ".")
    assert (one.returncode, one.stdout) == (auto.returncode, auto.stdout)
    assert json.loads(one.stdout)["findings"]


@pytest.mark.parametrize("command", ["check", "infer", "fix"])
@pytest.mark.parametrize("value", ["0", "-1", "two", ""])
def test_a_bad_number_of_jobs_is_a_usage_error(tmp_path: Path, command: str, value: str) -> None:
    run = nylas_scopes(tmp_path, command, "--jobs", value, ".")
    assert run.returncode == 2
    assert "--jobs" in run.stderr and "Traceback" not in run.stderr


def test_python_dash_m_runs_the_command_once_per_process() -> None:
    # A worker started with ``spawn`` imports ``__main__`` again under another name.
    import runpy

    # Running the command here would end the test with SystemExit.
    ran = runpy.run_module("flake8_nylas_scopes.__main__", run_name="__mp_main__")
    assert ran["__name__"] == "__mp_main__" and callable(ran["main"])


def _flake8(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select", "NYS", *args],
        cwd=root, capture_output=True, text=True, timeout=300,
    )


def test_flake8_on_one_file_of_a_large_cold_project(tmp_path: Path) -> None:
    # One file: flake8 checks it in its own process, where the plugin may start
    # workers for the project's other modules (more than PARALLEL_FROM of them).
    root = _project(tmp_path / "app")
    for number in range(12, workers.PARALLEL_FROM + 10):
        (root / "app" / f"helper_{number}.py").write_text(HELPER)
    serial = _flake8(root, "--jobs", "1", "app/auth.py")
    shutil.rmtree(root / CACHE_DIRECTORY)
    auto = _flake8(root, "--jobs", "auto", "app/auth.py")
    assert (auto.returncode, auto.stdout, auto.stderr) == (
        serial.returncode, serial.stdout, serial.stderr)
    assert "NYS303" in serial.stdout


@pytest.mark.parametrize(("given", "jobs"), [("1", 1), ("3", 3), ("auto", None)])
def test_flake8_jobs_become_the_plugin_s(given: str, jobs: int | None) -> None:
    from flake8.main.options import JobsArgument

    from flake8_nylas_scopes.checker import _jobs

    assert _jobs(argparse.Namespace(jobs=JobsArgument(given))) == jobs
    assert _jobs(argparse.Namespace()) == 1


def test_a_process_running_other_threads_reads_alone(tmp_path: Path) -> None:
    # Forking beside other threads may deadlock the child: no workers then.
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        works = [Work(str(tmp_path / f"m{n}.py"), f"m{n}", text="import nylas\n")
                 for n in range(8)]
        reads = list(facts_texts(works, jobs=2))
    finally:
        stop.set()
        other.join()
    # Read here: the facts themselves, not JSON a worker handed back.
    assert all(read.facts is not None and not read.json for read in reads)
    # The control: without the thread, workers hand back JSON.
    assert all(read.json for read in facts_texts(works, jobs=2))
