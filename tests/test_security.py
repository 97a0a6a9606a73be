"""Analysed code is never imported or executed, and the package has no way to do so.

The project under analysis holds modules whose every top-level statement has an
effect (write a marker file, then exit): if any front end imported or ran them, the
marker would appear or the process would stop with their exit code.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_nylas_scopes.settings.config import Config, all_codes
from flake8_nylas_scopes.project.session import analyse, discover

PACKAGE = Path(__file__).resolve().parent.parent / "flake8_nylas_scopes"

SIDE_EFFECT = """\
import pathlib
pathlib.Path({marker!r}).write_text("executed {name}")
raise SystemExit(97)
"""

REQUEST = """\
from nylas import APIClient
CLIENT = APIClient("id", "secret")
CLIENT.authentication_url("https://a/cb", scopes=["calendar", "calendar"])
"""


@pytest.fixture
def hostile_project(tmp_path: Path) -> tuple[Path, Path]:
    """A package whose modules all act on import, and the marker they would write."""
    project = tmp_path / "project"
    marker = tmp_path / "marker"
    package = project / "hostile"
    package.mkdir(parents=True)
    for name in ("__init__", "settings", "views"):
        body = SIDE_EFFECT.format(marker=str(marker), name=name)
        if name == "views":
            # Relative and absolute imports of the other modules, for an analysis
            # that follows imports across files.
            body = "from . import settings\nimport hostile.settings\n" + body + REQUEST
        (package / f"{name}.py").write_text(body)
    (project / "setup.py").write_text(SIDE_EFFECT.format(marker=str(marker), name="setup"))
    (project / "conftest.py").write_text(SIDE_EFFECT.format(marker=str(marker), name="conftest"))
    return project, marker


def test_project_analyse_does_not_import(hostile_project: tuple[Path, Path]) -> None:
    project, marker = hostile_project
    modules_before = set(sys.modules)
    result = analyse(discover([str(project)]), Config(), all_codes)
    assert not marker.exists()
    new_modules = {name.split(".")[0] for name in set(sys.modules) - modules_before}
    assert new_modules.isdisjoint({"hostile", "settings", "views", "setup", "conftest"})
    assert [(Path(f.span.path).name, f.code) for f in result.findings] == [("views.py", "NYS103")]


def test_cli_does_not_import(hostile_project: tuple[Path, Path]) -> None:
    project, marker = hostile_project
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys; from flake8_nylas_scopes.cli import main; sys.exit(main())",
         "check", "."],
        cwd=project, capture_output=True, text=True, timeout=120,
    )
    assert not marker.exists()
    assert result.returncode == 1, result.stderr
    assert "NYS103" in result.stdout


def test_flake8_plugin_does_not_import(hostile_project: tuple[Path, Path]) -> None:
    project, marker = hostile_project
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select", "NYS", "."],
        cwd=project, capture_output=True, text=True, timeout=120,
    )
    assert not marker.exists()
    assert result.returncode == 1, result.stderr
    assert "NYS103" in result.stdout


# -- the package's own source -------------------------------------------------------------

FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "runpy"}
# Builtins that run or import code given as data.
FORBIDDEN_NAMES = {"eval", "exec", "execfile", "__import__"}
# The same reached as attributes (``builtins.eval``) and the importlib ways to load a
# module from a name or a path.
FORBIDDEN_ATTRIBUTES = FORBIDDEN_NAMES | {
    "import_module", "exec_module", "load_module", "spec_from_file_location",
    "run_path", "run_module",
}


def forbidden_uses(source: str, filename: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        where = f"{filename}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            found += [f"{where} import {alias.name}" for alias in node.names
                      if alias.name.split(".")[0] in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in FORBIDDEN_MODULES:
                found.append(f"{where} from {node.module} import")
            found += [f"{where} from {node.module} import {alias.name}"
                      for alias in node.names if alias.name in FORBIDDEN_ATTRIBUTES]
        elif isinstance(node, ast.Name) and node.id in FORBIDDEN_NAMES | FORBIDDEN_MODULES:
            found.append(f"{where} {node.id}")
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRIBUTES:
            found.append(f"{where} .{node.attr}")
    return found


def test_the_scan_finds_each_kind_of_use() -> None:
    sample = (
        "import pickle\nfrom shelve import open\nimport marshal as m\n"
        "eval('1')\nbuiltins.exec('x')\nimportlib.import_module('x')\n"
        "from importlib import import_module\n__import__('os')\n"
    )
    assert len(forbidden_uses(sample, "sample.py")) == 8
    # Parsing in "eval" mode is not evaluating anything.
    assert forbidden_uses("ast.parse(text, mode='eval')\n", "ok.py") == []


def test_the_package_never_loads_or_runs_code_given_as_data() -> None:
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 10
    found = [
        use for path in sources
        for use in forbidden_uses(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))
    ]
    assert found == []
