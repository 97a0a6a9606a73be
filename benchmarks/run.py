"""Performance ratios of flake8-nylas-scopes.

``python benchmarks/run.py [--quick] [--repeats N]``

Every figure is a ratio of two timings taken in the same run on the same machine, so
the numbers mean the same on a laptop and in CI; the medians behind them are printed
for context only.  Each ratio has a target; the script exits 1 when one is missed.

* flake8 overhead: flake8 over the CPython standard library of this interpreter (a
  fixed subset with ``--quick``) with the plugin installed and enabled, divided by the
  same run without it (``flake8_runner.py`` filters the plugin out in the same
  environment).  ``--jobs 1``, runs interleaved, median of the repeats.  Separate runs
  are at the mercy of machine noise, so the same ratio is also derived from within each
  with-plugin run: its total time over its total less the time spent in the plugin.
* analysis / parse: the plugin's own work on each file of a generated Nylas-heavy
  project (what flake8 calls: the checker's ``run``, i.e. module name,
  ``module_facts`` and ``module_findings`` on the tree flake8 already parsed) divided
  by ``ast.parse`` of the same sources.
* growth: ``project.analyse`` over 2,000 generated modules divided by 200 modules,
  each measured in a fresh subprocess, the fastest of the repeats each; and the peak
  resident memory of the 2,000-module subprocess, interpreter included (Linux
  ``VmHWM`` from ``/proc/self/status``: the same high-water mark as
  ``getrusage().ru_maxrss``, except that ``ru_maxrss`` survives ``exec`` and so would
  report this script's own peak when it is larger; elsewhere ``ru_maxrss`` is the
  fallback).
"""

from __future__ import annotations

import argparse
import ast
import gc
import io
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import write_project  # noqa: E402

# A fixed slice of the standard library for --quick: common, pure-Python, varied.
QUICK_STDLIB = [
    "argparse.py", "ast.py", "collections", "csv.py", "dataclasses.py", "email",
    "http", "json", "logging", "pathlib.py", "textwrap.py", "urllib",
]
EXCLUDED_FROM_STDLIB = "site-packages,dist-packages"


@dataclass(frozen=True)
class Ratio:
    name: str
    value: float | None  # None: not measured
    target: float
    detail: str

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "not measured"
        return "ok" if self.value <= self.target else "MISSED"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.system()} {platform.release()}"
    )


def median_of(timings: Sequence[float]) -> float:
    return statistics.median(timings)


# -- flake8 with and without the plugin ------------------------------------------------


def stdlib_paths(quick: bool) -> list[str]:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    if quick:
        return [str(stdlib / name) for name in QUICK_STDLIB if (stdlib / name).exists()]
    return [str(stdlib)]


def _flake8_run(mode: str, paths: Sequence[str], cwd: str) -> tuple[float, float]:
    """Wall time of one flake8 run and, with the plugin, the plugin's share of it."""
    report = Path(cwd, "plugin-time.json")
    timing = ["--plugin-time", str(report)] if mode == "--with-plugin" else []
    command = [
        sys.executable, str(HERE / "flake8_runner.py"), mode, *timing,
        "--isolated", "--jobs", "1", "--exit-zero",
        f"--extend-exclude={EXCLUDED_FROM_STDLIB}", *paths,
    ]
    start = time.perf_counter()
    completed = subprocess.run(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise RuntimeError(f"flake8 {mode} failed: {completed.stderr.strip()}")
    share = 0.0
    if timing:
        measured = json.loads(report.read_text(encoding="utf-8"))
        share = measured["plugin"] / measured["total"]
    return elapsed, share


def check_runner(workdir: str) -> None:
    """The two modes must differ exactly in whether NYS findings appear."""
    sample = Path(workdir, "nylas_sample.py")
    sample.write_text(
        "from nylas import APIClient\n"
        "APIClient().authentication_url('https://a/cb', scopes=['calendar', 'calendar'])\n",
        encoding="utf-8",
    )
    outputs = {}
    for mode in ("--with-plugin", "--without-plugin"):
        completed = subprocess.run(
            [sys.executable, str(HERE / "flake8_runner.py"), mode, "--isolated",
             "--select", "NYS", str(sample)],
            capture_output=True, text=True, cwd=workdir,
        )
        outputs[mode] = completed.stdout
    if "NYS103" not in outputs["--with-plugin"] or outputs["--without-plugin"]:
        raise RuntimeError(f"flake8_runner does not switch the plugin: {outputs}")


def flake8_overhead(quick: bool, repeats: int, workdir: str) -> list[Ratio]:
    paths = stdlib_paths(quick)
    check_runner(workdir)
    with_plugin: list[float] = []
    without_plugin: list[float] = []
    shares: list[float] = []
    # A warm-up run fills the file system cache; then the modes alternate so that
    # drift in machine load hits both alike.
    _flake8_run("--without-plugin", paths, workdir)
    for _ in range(repeats):
        elapsed, share = _flake8_run("--with-plugin", paths, workdir)
        with_plugin.append(elapsed)
        shares.append(share)
        without_plugin.append(_flake8_run("--without-plugin", paths, workdir)[0])
    with_median, without_median = median_of(with_plugin), median_of(without_plugin)
    spread = (max(without_plugin) - min(without_plugin)) / without_median
    share = median_of(shares)
    corpus = "stdlib subset" if quick else "full stdlib"
    return [
        Ratio(
            f"flake8 with plugin / without ({corpus}, --jobs 1)",
            with_median / without_median,
            1.05,
            f"medians {with_median:.2f} s / {without_median:.2f} s over {repeats} runs "
            f"each; runs without the plugin spread over {spread:.0%} of their median",
        ),
        Ratio(
            f"same, from the plugin's share of each run ({corpus})",
            1 / (1 - share),
            1.05,
            f"the plugin's hooks took {share:.2%} of a with-plugin run (median)",
        ),
    ]


# -- plugin analysis against ast.parse ------------------------------------------------


def _best_of(function: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return median_of(timings)


def analysis_vs_parse(quick: bool, repeats: int, workdir: str) -> list[Ratio]:
    from flake8_nylas_scopes.analysis import module_facts, module_findings
    from flake8_nylas_scopes.checker import NylasScopesChecker
    from flake8_nylas_scopes.config import Config, default_code_filter
    from flake8_nylas_scopes.modules import module_name_for_path

    modules = 200 if quick else 1000
    paths = write_project(Path(workdir, f"parse{modules}"), modules, seed=1)
    sources = {path: Path(path).read_text(encoding="utf-8") for path in paths}
    lines = {path: io.StringIO(source, newline="").readlines() for path, source in sources.items()}
    trees = {path: ast.parse(source, filename=path) for path, source in sources.items()}
    names = {path: module_name_for_path(path) for path in paths}
    config = Config()

    def parse_all() -> None:
        for path, source in sources.items():
            ast.parse(source, filename=path)

    def checker_all() -> None:
        for path in paths:
            for _ in NylasScopesChecker(trees[path], path, lines[path]).run():
                pass

    def facts_and_findings() -> None:
        for path in paths:
            facts = module_facts(trees[path], path, lines[path], names[path])
            module_findings(facts, config, default_code_filter)

    parse = _best_of(parse_all, repeats)
    checker = _best_of(checker_all, repeats)
    core = _best_of(facts_and_findings, repeats)
    nylas_share = sum("nylas" in source.lower() for source in sources.values()) / len(sources)
    detail = f"{modules} modules, {nylas_share:.0%} mention Nylas; parse median {parse:.3f} s"
    return [
        Ratio("plugin run() / ast.parse (generated project)", checker / parse, 1.0,
              f"{detail}; run() {checker:.3f} s"),
        Ratio("module_facts+module_findings / ast.parse", core / parse, 1.0,
              f"{detail}; analysis {core:.3f} s"),
    ]


# -- growth: 200 against 2,000 modules -----------------------------------------------


def peak_rss_kib() -> int:
    """The peak resident set size of this process in KiB (see the module docstring)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # macOS reports bytes, Linux and the BSDs KiB.
    return peak // 1024 if sys.platform == "darwin" else peak


def _child_analyse(directory: str) -> None:
    """In a fresh process: time ``project.analyse`` and report the peak memory."""
    from flake8_nylas_scopes.config import Config, default_code_filter
    from flake8_nylas_scopes.project import analyse, discover

    paths = discover([directory])
    before = peak_rss_kib()
    start = time.perf_counter()
    result = analyse(paths, Config(), default_code_filter)
    elapsed = time.perf_counter() - start
    peak = peak_rss_kib()
    print(json.dumps({
        "seconds": elapsed, "maxrss_kib": peak, "maxrss_before_kib": before,
        "files": len(paths), "findings": len(result.findings), "errors": len(result.errors),
    }))


def _analyse_in_child(directory: str) -> dict[str, float]:
    completed = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child-analyse", directory],
        capture_output=True, text=True, check=True,
    )
    measured: dict[str, float] = json.loads(completed.stdout)
    if measured["errors"]:
        raise RuntimeError(f"analyse reported {measured['errors']} file errors in {directory}")
    return measured


def growth(repeats: int, workdir: str) -> list[Ratio]:
    small_dir = str(Path(workdir, "growth200"))
    large_dir = str(Path(workdir, "growth2000"))
    write_project(small_dir, 200, seed=2)
    write_project(large_dir, 2000, seed=2)
    small, large = [], []
    # Each run is a fresh process (a cold analysis, as in a commit hook); the runs
    # alternate.  The ratio is taken between the fastest runs: a run is only ever
    # slowed down by other work on the machine, never sped up, and the 200-module run
    # is short enough for one hiccup to move its median.
    for _ in range(repeats):
        small.append(_analyse_in_child(small_dir))
        large.append(_analyse_in_child(large_dir))
    small_times = [run["seconds"] for run in small]
    large_times = [run["seconds"] for run in large]
    peak_mib = max(run["maxrss_kib"] for run in large) / 1024
    base_mib = min(run["maxrss_before_kib"] for run in large) / 1024
    return [
        Ratio("analyse 2,000 modules / 200 modules (time)",
              min(large_times) / min(small_times), 10.5,
              f"fastest {min(large_times):.3f} s / {min(small_times):.3f} s of {repeats} "
              f"runs each; medians {median_of(large_times):.3f} s / "
              f"{median_of(small_times):.3f} s"),
        Ratio("peak memory, 2,000 modules (MiB, VmHWM)", peak_mib, 150.0,
              f"of which {base_mib:.0f} MiB before analyse (interpreter and imports)"),
    ]


# -- hooks for features still being built ----------------------------------------------


def warm_vs_cold_index() -> Ratio:
    """Warm (cached) / cold project index, target 0.2.

    To measure once the cache exists: analyse the 2,000-module project twice in fresh
    subprocesses with the same cache directory (the first run fills it) and divide.
    """
    return Ratio("warm / cold project index", None, 0.2,
                 "not measured yet: the project index cache is not built yet")


def fix_vs_check() -> Ratio:
    """``fix`` / ``check`` on a project where 1% of the scope lists are fixable, target 1.3.

    To measure once ``nylas-scopes fix`` exists: generate a project, make 1% of its
    scope lists redundant, time ``fix --diff`` (writes nothing) against ``check``.
    """
    return Ratio("fix / check (1% fixable)", None, 1.3,
                 "not measured yet: the fix command is not built yet")


# -- report -----------------------------------------------------------------------------


def report(ratios: Sequence[Ratio]) -> str:
    width = max(len(ratio.name) for ratio in ratios)
    lines = [f"{'ratio'.ljust(width)}  {'value':>7}  {'target':>7}  verdict"]
    for ratio in ratios:
        value = "-" if ratio.value is None else f"{ratio.value:.3f}"
        lines.append(
            f"{ratio.name.ljust(width)}  {value:>7}  {'<= ' + format(ratio.target, 'g'):>7}"
            f"  {ratio.verdict}"
        )
        lines.append(f"{''.ljust(width)}  {ratio.detail}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="a stdlib subset and fewer repeats (about two minutes)")
    parser.add_argument("--repeats", type=int, default=0,
                        help="runs per measurement (default 3 for flake8, 5 otherwise)")
    parser.add_argument("--only", choices=["flake8", "parse", "growth"], action="append",
                        help="run only these measurements (repeatable)")
    parser.add_argument("--child-analyse", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_analyse:
        _child_analyse(args.child_analyse)
        return 0
    only = set(args.only or ["flake8", "parse", "growth"])
    process_repeats = args.repeats or 3
    in_process_repeats = args.repeats or 5
    growth_repeats = args.repeats or 5
    print(f"machine: {machine()}")
    print(f"mode: {'quick' if args.quick else 'full'}", flush=True)
    ratios: list[Ratio] = []
    with tempfile.TemporaryDirectory(prefix="nylas-scopes-bench-") as workdir:
        if "parse" in only:
            ratios += analysis_vs_parse(args.quick, in_process_repeats, workdir)
        if "growth" in only:
            ratios += growth(growth_repeats, workdir)
        if "flake8" in only:
            ratios += flake8_overhead(args.quick, process_repeats, workdir)
    ratios += [warm_vs_cold_index(), fix_vs_check()]
    print(report(ratios))
    return 1 if any(ratio.verdict == "MISSED" for ratio in ratios) else 0


if __name__ == "__main__":
    sys.exit(main())
