"""Multi-module fixture projects: findings across files, and the inferred scope set."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from fixture_expectations import expectations, options

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.settings.config import make_config
from flake8_nylas_scopes.project.session import analyse

# One worker runs this file: its module-scoped analyses are made once (see setup.cfg).
pytestmark = pytest.mark.xdist_group("project-fixtures")

PROJECTS = Path(__file__).resolve().parent.parent / "fixtures" / "projects"
PROJECT_DIRS = sorted(path for path in PROJECTS.iterdir() if path.is_dir())


def project_options(project: Path) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for path in sorted(project.rglob("*.py")):
        for key, values in options(path.read_text(encoding="utf-8")).items():
            merged.setdefault(key, []).extend(values)
    return merged


def analyse_project(project: Path, sources: dict[str, str] | None = None,
                    use_cache: bool = False):
    """The project analysed with the options its files' headers give; ``sources``
    (absolute path -> text) stands in for what is on disk."""
    opts = project_options(project)
    selected = set(opts.get("select", []))
    config = make_config(
        providers=opts.get("providers", []), client_names=opts.get("client-names", [])
    )
    return analyse(
        [str(project)],
        config,
        lambda code: code not in DEFAULT_OFF or code in selected,
        sources=sources,
        use_cache=use_cache,
    )


# The project analysed once for every test here (they only read the result).
run_project = cache(analyse_project)


@pytest.mark.parametrize("project", PROJECT_DIRS, ids=lambda path: path.name)
def test_project_findings_match_comments(project: Path) -> None:
    result = run_project(project)
    assert result.errors == []
    actual = sorted(
        (Path(f.span.path).resolve().relative_to(project).as_posix(), f.span.line, f.code)
        for f in result.findings
    )
    expected = sorted(
        (path.relative_to(project).as_posix(), e.line, e.code)
        for path in project.rglob("*.py")
        for e in expectations(path.read_text(encoding="utf-8"))
    )
    assert actual == expected


@pytest.mark.parametrize("project", PROJECT_DIRS, ids=lambda path: path.name)
def test_project_inferred_scopes(project: Path) -> None:
    expected = (project / "expected-infer.txt").read_text(encoding="utf-8").split()
    [state] = run_project(project).states
    assert state.inference is not None
    assert sorted(state.inference.scopes) == sorted(expected)


# The codes that call a requested scope unneeded, and the scope each one names first.
_UNNEEDED_CLAIMS = ("NYS302", "NYS303", "NYS405")
_NAMED_SCOPE = re.compile(r"'([^']+)'")


@pytest.mark.parametrize("project", PROJECT_DIRS, ids=lambda path: path.name)
def test_no_scope_called_unneeded_is_one_infer_says_is_needed(project: Path) -> None:
    # ``check`` and ``infer`` answer the same question from two sides: a scope the
    # minimal set holds cannot be broader than needed, unused or avoidable.
    result = run_project(project)
    needed: set[str] = set()
    for state in result.states:
        needed.update(state.inference.scopes if state.inference else ())
        for inference in state.provider_inferences.values():
            needed.update(inference.scopes)
    claimed = {
        match.group(1)
        for finding in result.findings if finding.code in _UNNEEDED_CLAIMS
        if (match := _NAMED_SCOPE.match(finding.message))
    }
    assert claimed & needed == set()
