"""The hooks of .pre-commit-hooks.yaml, as a user's repository would run them.

``pre-commit try-repo`` installs the hook repository at its HEAD into a fresh virtual
environment (with pip, from the package index) and runs the hook on the consumer's
files.  The hook repository is a snapshot of this working tree committed into a
temporary git repository, so the test sees uncommitted changes and works the same from
a fresh clone.

The fix hook's environment also gets libcst, from the hook's
``additional_dependencies``: one test builds it with ``try-repo`` as pre-commit does for
a user, the others run the hook's entry the way pre-commit does (entry, args, then the
file names, from the repository root) with this environment's ``nylas-scopes``, which is
quicker and shows the exact output.  pre-commit runs pip with the environment it was
given, so the two hook environments share the pip cache of the user running the tests
(``PIP_CACHE_DIR``, or pip's default), which is left as it is.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from tool_runs import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

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
    cwd: Path, hooks: Path, environment: dict[str, str], *args: str,
    hook_id: str = "nylas-scopes",
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), hook_id, *args],
        cwd=cwd, env=environment, capture_output=True, text=True, timeout=600,
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


def hooks() -> dict[str, dict[str, Any]]:
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in manifest}


def test_fix_hook_declares_the_codemod_dependencies() -> None:
    # pre-commit installs the repository without extras; the fix command needs libcst.
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    codemod = pyproject["project"]["optional-dependencies"]["codemod"]
    assert hooks()["nylas-scopes-fix"]["additional_dependencies"] == codemod
    assert "additional_dependencies" not in hooks()["nylas-scopes"]


def run_hook(hook_id: str, repository: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """The hook as pre-commit runs it: its entry, its args, then the file names."""
    hook = hooks()[hook_id]
    program, *arguments = shlex.split(hook["entry"])
    # The console script of this environment, where pre-commit would use the hook's.
    executable = Path(sys.executable).parent / program
    assert executable.is_file(), executable
    return subprocess.run(
        [str(executable), *arguments, *hook.get("args", []), *files],
        cwd=repository, capture_output=True, text=True, timeout=120,
    )


def test_fix_hook_fixes_the_files_and_names_them_as_given(
    tmp_path: Path, environment: dict[str, str]
) -> None:
    unfixable = BAD + (
        'other = client.authentication_url("https://a/cb", scopes=["calendar"] + ["calendar"])\n'
    )
    repository = consumer(tmp_path / "app", environment,
                          {"bad.py": BAD, "good.py": GOOD, "other.py": unfixable})
    fixed = run_hook("nylas-scopes-fix", repository, "bad.py", "good.py", "other.py")
    assert fixed.returncode == 1, fixed.stderr
    # Relative to the repository root, where pre-commit runs hooks, as check prints.
    assert fixed.stdout.splitlines() == [
        "bad.py: fixed 1 finding (NYS104)", "other.py: fixed 1 finding (NYS104)",
    ]
    assert fixed.stderr == (
        "nylas-scopes: warning: other.py:5:74: NYS103 not fixed: it is the last scope left "
        "in this list or string; removing it would leave it empty\n"
    )
    assert (repository / "bad.py").read_text() == GOOD
    assert (repository / "good.py").read_text() == GOOD
    again = run_hook("nylas-scopes-fix", repository, "bad.py", "good.py")
    assert (again.returncode, again.stdout) == (0, "")
    checked = run_hook("nylas-scopes", repository, "bad.py", "good.py")
    assert (checked.returncode, checked.stdout) == (0, "")


def test_fix_hook_through_pre_commit_fixes_files_and_a_second_run_passes(
    tmp_path: Path, hook_repository: Path, environment: dict[str, str]
) -> None:
    # pre-commit builds the hook's own environment, libcst from its
    # additional_dependencies included, and runs it from the repository root.
    repository = consumer(tmp_path / "app", environment,
                          {"bad.py": BAD, "good.py": GOOD, "readme.txt": BAD})
    (repository / "app").mkdir()
    (repository / "app" / "auth.py").write_text(BAD)
    git(repository, "add", "-A")
    good_before = (repository / "good.py").read_bytes()

    failing = try_repo(repository, hook_repository, environment, "--all-files",
                       hook_id="nylas-scopes-fix")
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "nylas-scopes fix" in failing.stdout and "Failed" in failing.stdout
    assert "- exit code: 1" in failing.stdout
    assert "- files were modified by this hook" in failing.stdout
    hook_output = failing.stdout.split("- files were modified by this hook")[1]
    # The files as pre-commit named them: relative to the repository root.
    assert hook_output.split() == (
        "app/auth.py: fixed 1 finding (NYS104) bad.py: fixed 1 finding (NYS104)".split()
    )
    assert str(tmp_path) not in hook_output
    assert (repository / "bad.py").read_text() == GOOD
    assert (repository / "app" / "auth.py").read_text() == GOOD
    assert (repository / "good.py").read_bytes() == good_before
    assert (repository / "readme.txt").read_text() == BAD  # not a Python file

    # The user stages the fixed files and commits again.
    git(repository, "add", "-A")
    passing = try_repo(repository, hook_repository, environment, "--all-files",
                       hook_id="nylas-scopes-fix")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
    assert (repository / "bad.py").read_text() == GOOD
