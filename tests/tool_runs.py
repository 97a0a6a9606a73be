"""Running flake8 and the CLI the way users do, for tests that compare them."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fixture_expectations import options

from flake8_nylas_scopes.cli import main
from flake8_nylas_scopes.project.session import ProjectAnalysis, analyse
from flake8_nylas_scopes.settings.config import make_config

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def flake8(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """A real flake8 process with its default output format.

    The time limit only stops a hung process: flake8 over every fixture project takes
    about a minute of CPU, and a busy machine can stretch that past two."""
    return subprocess.run(
        [sys.executable, "-m", "flake8", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _working_directory(path: Path) -> Iterator[None]:
    previous = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def nylas_scopes(cwd: Path, *args: str) -> Run:
    """The CLI in this process (a subprocess per fixture would triple the test time)."""
    out, err = io.StringIO(), io.StringIO()
    with _working_directory(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse errors and --version
            code = int(exit_.code or 0)
    return Run(code, out.getvalue(), err.getvalue())


def check_json_findings(cwd: Path, *paths: str) -> tuple[set[tuple[str, int, str, str]], str]:
    """``check --select NYS`` of ``paths`` in ``cwd``: (path, line, code, the first
    quoted part of the message, else its first word) of each finding, and what the
    command wrote to stderr."""
    run = nylas_scopes(cwd, "check", "--format", "json", "--select", "NYS", *paths)
    found = set()
    for finding in json.loads(run.stdout)["findings"]:
        message = finding["message"]
        about = message.split("'")[1] if "'" in message else message.split(" ")[0]
        found.add((finding["path"], finding["line"], finding["code"], about))
    return found, run.stderr


def finding_lines(output: str) -> set[str]:
    """``path:line:col: message`` lines with the path normalised (``./a.py`` is ``a.py``)."""
    lines = set()
    for line in output.splitlines():
        path, _, rest = line.partition(":")
        lines.add(f"{os.path.normpath(path)}:{rest}")
    return lines


def lint_fixtures() -> list[Path]:
    return sorted((FIXTURES / "lint").glob("*.py"))


def project_fixtures() -> list[Path]:
    """The directory of fixture projects (``fixtures/codemod`` holds input/expected
    pairs for the fixer, not a project)."""
    projects = FIXTURES / "projects"
    return [projects] if projects.is_dir() else []


def fixture_options(path: Path) -> tuple[list[str], list[str]]:
    """The fixture header's options as (flake8 arguments, CLI arguments)."""
    parsed = options(path.read_text(encoding="utf-8"))
    flake8_args: list[str] = []
    cli_args: list[str] = []
    if parsed.get("select"):
        codes = ",".join(parsed["select"])
        flake8_args += ["--extend-select", codes]
        cli_args += ["--extend-select", codes]
    if parsed.get("providers"):
        providers = ",".join(parsed["providers"])
        flake8_args += ["--nylas-providers", providers]
        cli_args += ["--providers", providers]
    return flake8_args, cli_args


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def json_field_names(value: Any, prefix: str = "") -> set[str]:
    """Dotted names of every field of a JSON document, ``[]`` marking array elements;
    the keys of an ``evidence`` object are scopes, not fields, and show as ``<scope>``."""
    names = set()
    if isinstance(value, dict):
        for key, item in value.items():
            key = "<scope>" if prefix.endswith(".evidence") else key
            name = f"{prefix}.{key}" if prefix else key
            names.add(name)
            names |= json_field_names(item, name)
    elif isinstance(value, list):
        for item in value:
            names |= json_field_names(item, f"{prefix}[]")
    return names


# A two-module app with an overbroad, a redundant and an unused scope, shared by the
# tests of the command-line habits and of the settings every command reads.
SMALL_APP_AUTH = """\
from nylas import APIClient

client = APIClient("id", "secret")
URL = client.authentication_url(
    "https://a/cb", scopes=["email.modify", "email.read_only", "contacts"]
)
"""
SMALL_APP_VIEWS = """\
from app.auth import client


def inbox():
    return client.messages.all()
"""


def write_small_app(root: Path) -> Path:
    """The small app as a package ``app`` in a repository at ``root``."""
    (root / ".git").mkdir()
    (root / "app").mkdir()
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "auth.py").write_text(SMALL_APP_AUTH)
    (root / "app" / "views.py").write_text(SMALL_APP_VIEWS)
    return root


# A three-module package app (a shared client, an auth module, a view), for the tests
# of the cache and of reusing a judged result.
PACKAGE_CLIENT = "from nylas import APIClient\nclient = APIClient('id', 'secret', 'token')\n"
PACKAGE_AUTH = (
    "from nylas import APIClient\n"
    "from app.client import client\n"
    "url = APIClient('id', 'secret').authentication_url(\n"
    "    'https://app.example/cb', scopes=['calendar', 'email.read_only'])\n"
)
PACKAGE_USES = "from app.client import client\n\ndef inbox():\n    return client.messages.all()\n"


def write_package_app(root: Path) -> Path:
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    package = root / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "client.py").write_text(PACKAGE_CLIENT)
    (package / "auth.py").write_text(PACKAGE_AUTH)
    (package / "views.py").write_text(PACKAGE_USES)
    return root


def analyse_package(root: Path, files: dict[str, str]) -> ProjectAnalysis:
    """Analyse, without the cache, a project of ``files`` (relative paths to their
    text) inside the package ``app`` under ``root``, with every rule enabled."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    for name, text in {"app/__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return analyse([str(root)], make_config(), lambda code: True, use_cache=False)
