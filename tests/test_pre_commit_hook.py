"""The check hook under the real pre-commit, as a user's repository would run it.

``pre-commit try-repo`` installs the hook repository at its HEAD into a fresh virtual
environment (with pip, from the package index) and runs the hook on the consumer's
files.  The hook repository is a snapshot of this working tree committed into a
temporary git repository, so the test sees uncommitted changes and works the same from
a fresh clone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tool_runs import ROOT

BAD = textwrap.dedent(
    """\
    from nylas import APIClient

    client = APIClient("id", "secret")
    url = client.authentication_url("https://a/cb", scopes=["email.modify", "email.read_only"])
    """
)
GOOD = textwrap.dedent(
    """\
    from nylas import APIClient

    client = APIClient("id", "secret")
    url = client.authentication_url("https://a/cb", scopes=["email.modify"])
    """
)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True, timeout=60
    ).stdout


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    env = dict(os.environ)
    env.update({
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.com",
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
        "PRE_COMMIT_COLOR": "never",
    })
    return env


@pytest.fixture(scope="module")
def hook_repository(
    tmp_path_factory: pytest.TempPathFactory, environment: dict[str, str]
) -> Path:
    """This working tree's files (tracked and new, not ignored), committed afresh."""
    snapshot = tmp_path_factory.mktemp("hook-repository")
    listed = git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    subprocess.run(["git", "init", "-q"], cwd=snapshot, check=True, env=environment)
    subprocess.run(["git", "add", "-A"], cwd=snapshot, check=True, env=environment)
    subprocess.run(["git", "commit", "-q", "-m", "snapshot"], cwd=snapshot, check=True,
                   env=environment)
    return snapshot


def consumer(root: Path, environment: dict[str, str], files: dict[str, str]) -> Path:
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, env=environment)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=environment)
    return root


def try_repo(
    cwd: Path, hooks: Path, environment: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "nylas-scopes", *args],
        cwd=cwd, env=environment, capture_output=True, text=True, timeout=300,
    )


def test_check_hook_fails_on_findings_and_passes_clean_files(
    tmp_path: Path, hook_repository: Path, environment: dict[str, str]
) -> None:
    repository = consumer(tmp_path / "app", environment, {"bad.py": BAD, "good.py": GOOD})

    failing = try_repo(repository, hook_repository, environment, "--all-files")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "nylas-scopes check" in failing.stdout
    assert "Failed" in failing.stdout
    assert "- exit code: 1" in failing.stdout
    assert (
        "bad.py:4:73: NYS104 'email.read_only' is already granted by 'email.modify'; remove it"
        in failing.stdout
    )
    assert "good.py" not in failing.stdout.split("- exit code: 1")[1]

    passing = try_repo(repository, hook_repository, environment, "--files", "good.py")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
