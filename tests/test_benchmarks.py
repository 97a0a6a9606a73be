"""The benchmark tools keep working: the generator, the flake8 runner, the child probe.

No timing is asserted here (benchmarks/run.py reports ratios for people to read);
these tests only make sure that what the benchmarks measure is what they claim.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import generate  # noqa: E402
import run  # noqa: E402

from flake8_nylas_scopes.settings.config import Config, default_code_filter  # noqa: E402
from flake8_nylas_scopes.project.session import analyse  # noqa: E402


def test_generated_project_is_valid_deterministic_and_nylas_heavy(tmp_path: Path) -> None:
    sources = generate.generate_sources(60, seed=3)
    assert sources == generate.generate_sources(60, seed=3)
    assert len(sources) == 60
    for path, source in sources.items():
        ast.parse(source, filename=path)
    mentioning = sum("nylas" in source.lower() for source in sources.values())
    assert mentioning / len(sources) > 0.6
    paths = generate.write_project(tmp_path, 60, seed=3)
    result = analyse(paths, Config(), default_code_filter)
    assert result.errors == []
    # Some requests are redundant on purpose, so the rules have work to do.
    assert result.findings


def test_runner_switches_exactly_our_plugin(tmp_path: Path) -> None:
    # Raises when the plugin is missing with it or present without it.
    run.check_runner(str(tmp_path))


def test_runner_reports_the_plugins_share(tmp_path: Path) -> None:
    (tmp_path / "plain.py").write_text("x = 1\n")
    report = tmp_path / "share.json"
    subprocess.run(
        [sys.executable, str(BENCHMARKS / "flake8_runner.py"), "--with-plugin",
         "--plugin-time", str(report), "--isolated", "plain.py"],
        cwd=tmp_path, check=True, capture_output=True, timeout=120,
    )
    measured = json.loads(report.read_text())
    assert 0 < measured["plugin"] < measured["total"]


def test_child_probe_reports_time_and_memory(tmp_path: Path) -> None:
    generate.write_project(tmp_path, 30, seed=4)
    measured = run._analyse_in_child(str(tmp_path))
    assert measured["files"] == 30
    assert measured["seconds"] > 0
    assert measured["maxrss_kib"] >= measured["maxrss_before_kib"] > 0


def test_the_floor_walk_visits_every_node(tmp_path: Path) -> None:
    # The floor figure means "a traversal of every node": count what it reaches.
    tree = ast.parse(generate_one_module(tmp_path))
    visited: list[ast.AST] = []
    original = run._bare_walk

    def counting(node: ast.AST) -> None:
        visited.append(node)
        original(node)

    run._bare_walk = counting  # the recursion goes through the module's name
    try:
        run._bare_walk(tree)
    finally:
        run._bare_walk = original
    assert len(visited) == sum(1 for _ in ast.walk(tree))


def test_context_figures_have_no_verdict() -> None:
    context = run.Ratio("floor", 0.5, float("inf"), "")
    assert context.verdict == "context"
    assert "-" in run.report([context]).splitlines()[1]
    assert run.Ratio("target", 1.5, 1.0, "").verdict == "MISSED"


def generate_one_module(tmp_path: Path) -> str:
    paths = generate.write_project(tmp_path, 5, seed=4)
    return max((Path(path).read_text(encoding="utf-8") for path in paths), key=len)
