"""Performance ratios of flake8-nylas-scopes.

``python benchmarks/run.py [--quick] [--repeats N]``

Every figure is a ratio of two timings taken in the same run on the same machine, so
the numbers mean the same on a laptop and in CI; the medians behind them are printed
for context only.  Each ratio has a target; the script exits 1 when one is missed.

* flake8 overhead: flake8 over the CPython standard library of this interpreter (a
  fixed subset with ``--quick``) with the plugin installed and enabled, divided by the
  same run without it (``flake8_runner.py`` filters the plugin out in the same
  environment).  ``--jobs 1``, runs interleaved, median of the repeats, in CPU time
  (user and system) and in wall time.  Separate runs are at the mercy of machine
  noise, so the same ratio is also derived from within each with-plugin run: its
  total time over its total less the time spent in the plugin.
* analysis / parse: the plugin's work over every file of a generated Nylas-heavy
  project, as flake8 calls it (the checker's ``run`` on the tree flake8 already
  parsed; the first call builds the project index), divided by ``ast.parse`` of the
  same sources; with the facts cache empty, filled, and filled but one module edited
  (a comment added, which leaves its facts as they were, or a line of code added at
  its top, which moves every place in it).
* project index: ``project.analyse`` in fresh processes, cold against ``ast.parse``,
  and warm against cold three ways (facts read back; ``check`` on the unchanged
  project, which reuses its last result; ``check`` after one module was edited, by a
  comment and by a line of code).
* fix / check: ``bench_fix.py`` on a 500-module project where 1% needs a fix.
* growth: ``project.analyse`` over 2,000 generated modules divided by 200 modules,
  each measured in a fresh subprocess, median of the repeats; and the peak
  resident memory of the 2,000-module subprocess, interpreter included (Linux
  ``VmHWM`` from ``/proc/self/status``: the same high-water mark as
  ``getrusage().ru_maxrss``, except that ``ru_maxrss`` survives ``exec`` and so would
  report this script's own peak when it is larger; elsewhere ``ru_maxrss`` is the
  fallback).
"""

from __future__ import annotations

import argparse
import ast
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
        if self.target == float("inf"):
            return "context"
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


def _flake8_run(
    mode: str, paths: Sequence[str], cwd: str, jobs: int = 1
) -> tuple[float, float, float]:
    """Wall time and CPU time (user and system, every worker's) of one flake8 run and,
    with the plugin at ``--jobs 1``, the plugin's share of its wall time."""
    report = Path(cwd, "plugin-time.json")
    timing = ["--plugin-time", str(report)] if mode == "--with-plugin" and jobs == 1 else []
    command = [
        sys.executable, str(HERE / "flake8_runner.py"), mode, *timing,
        "--isolated", "--jobs", str(jobs), "--exit-zero",
        f"--extend-exclude={EXCLUDED_FROM_STDLIB}", *paths,
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if completed.returncode != 0:
        raise RuntimeError(f"flake8 {mode} failed: {completed.stderr.strip()}")
    share = 0.0
    if timing:
        measured = json.loads(report.read_text(encoding="utf-8"))
        share = measured["plugin"] / measured["total"]
    return elapsed, cpu, share


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
    with_cpu: list[float] = []
    without_cpu: list[float] = []
    shares: list[float] = []
    # Warm-up runs fill the file system cache and the plugin's; then the modes
    # alternate so that drift in machine load hits both alike.
    _flake8_run("--without-plugin", paths, workdir)
    _flake8_run("--with-plugin", paths, workdir)
    for _ in range(repeats):
        elapsed, cpu, share = _flake8_run("--with-plugin", paths, workdir)
        with_plugin.append(elapsed)
        with_cpu.append(cpu)
        shares.append(share)
        elapsed, cpu, _ = _flake8_run("--without-plugin", paths, workdir)
        without_plugin.append(elapsed)
        without_cpu.append(cpu)
    with_median, without_median = median_of(with_plugin), median_of(without_plugin)
    spread = (max(without_plugin) - min(without_plugin)) / without_median
    share = median_of(shares)
    corpus = "stdlib subset" if quick else "full stdlib"
    return [
        Ratio(
            f"flake8 with plugin / without ({corpus}, --jobs 1, CPU time)",
            median_of(with_cpu) / median_of(without_cpu),
            1.05,
            f"medians {median_of(with_cpu):.2f} s / {median_of(without_cpu):.2f} s of "
            "user and system time; less sensitive to other load than wall time",
        ),
        Ratio(
            f"flake8 with plugin / without ({corpus}, --jobs 1, wall time)",
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


def analysis_vs_parse(quick: bool, repeats: int, workdir: str) -> list[Ratio]:
    """As flake8 runs the plugin over a project: parse a file, run the plugin on its
    tree, drop the tree; over every file of a generated Nylas-heavy project.

    The plugin's first call in a process builds the project index (every module's
    facts, then the usage rules), later calls look their file up; each pass starts a
    new process-wide session, so every pass pays for that build, as one flake8 run
    does.  Measured with the facts cache empty (a first run, CI), filled with nothing
    changed since (a second run: the last result is reused), and filled with one
    module edited before each pass (a commit hook or an editor after a save): by a
    comment at its end (its facts unchanged) or by a line of code at its top.  The
    denominator is a plain pass that only parses, run just before each measured pass:
    parse times taken beside the plugin would include collections of the plugin's
    objects and flatter it.  The ratio is that of the sums, median over the repeats.
    A last figure is the per-module facts alone (both passes over the tree, no
    index), which is what grows with the size of a file.
    """
    import shutil

    from flake8_nylas_scopes.analysis.module import module_facts
    from flake8_nylas_scopes.project.cache import CACHE_DIRECTORY
    from flake8_nylas_scopes.checker import NylasScopesChecker
    from flake8_nylas_scopes.project.modules import module_name_for_path

    modules = 200 if quick else 1000
    root = Path(workdir, f"parse{modules}")
    paths = write_project(root, modules, seed=1)
    sources = {path: Path(path).read_text(encoding="utf-8") for path in paths}
    lines = {
        path: io.StringIO(source, newline="").readlines() for path, source in sources.items()
    }
    NylasScopesChecker.from_stdin = False  # as flake8 sets it when given paths

    def plugin(path: str, tree: ast.Module) -> None:
        for _ in NylasScopesChecker(tree, path, lines[path]).run():
            pass

    def facts(path: str, tree: ast.Module) -> None:
        module_facts(tree, path, lines[path], module_name_for_path(path), flow=True)

    def timed_pass(analysis: Callable[[str, ast.Module], None], cold: bool) -> float:
        if cold:
            shutil.rmtree(root / CACHE_DIRECTORY, ignore_errors=True)
        analysis_total = 0.0
        for path in paths:
            tree = ast.parse(sources[path], filename=path)
            start = time.perf_counter()
            analysis(path, tree)
            analysis_total += time.perf_counter() - start
        return analysis_total

    def parse_pass() -> float:
        start = time.perf_counter()
        for path in paths:
            ast.parse(sources[path], filename=path)
        return time.perf_counter() - start

    edits = iter(range(1_000_000))

    def edit_one_module(code: bool) -> None:
        """A comment added at the end (the module's facts stay the same), or with
        ``code`` a line added at the top (every place in it moves: its facts change)."""
        number = next(edits)
        path = paths[(number * 7) % len(paths)]
        if code:
            sources[path] = f"import os as _edited_{number}\n" + sources[path]
        else:
            sources[path] += f"\n# edited {number}\n"
        Path(path).write_text(sources[path], encoding="utf-8")
        lines[path] = io.StringIO(sources[path], newline="").readlines()

    def one_pass(
        analysis: Callable[[str, ast.Module], None], cold: bool, edit: str = ""
    ) -> tuple[float, float]:
        NylasScopesChecker._session = None  # freed before either pass
        if edit:
            edit_one_module(edit == "code")
        parse_total = parse_pass()
        return parse_total, timed_pass(analysis, cold)

    nylas_share = sum("nylas" in source.lower() for source in sources.values()) / len(sources)
    detail = f"{modules} modules, {nylas_share:.0%} mention Nylas"
    ratios = []
    time.sleep(2.5)  # files younger than two seconds are never reused (clock resolution)
    for name, analysis, cold, edit in (
        ("plugin / ast.parse, empty cache (project index built)", plugin, True, ""),
        ("plugin / ast.parse, filled cache, nothing changed", plugin, False, ""),
        ("plugin / ast.parse, filled cache, one module edited", plugin, False, "comment"),
        ("plugin / ast.parse, filled cache, one module's code edited", plugin, False, "code"),
        ("per-module facts (both passes) / ast.parse", facts, False, ""),
    ):
        one_pass(analysis, cold)  # warm-up (and, for the filled cache, the fill)
        passes = [one_pass(analysis, cold, edit) for _ in range(repeats)]
        ratio = median_of([spent / parse for parse, spent in passes])
        parse_median = median_of([parse for parse, _ in passes])
        spent_median = median_of([spent for _, spent in passes])
        ratios.append(Ratio(name, ratio, 1.0,
                            f"{detail}; medians {spent_median:.3f} s / {parse_median:.3f} s"))
    NylasScopesChecker._session = None
    return ratios


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


def _child_analyse(
    directory: str, cached: bool = False, findings_only: bool = False, jobs: int = 1
) -> None:
    """In a fresh process: time ``project.analyse`` and report the peak memory.

    Without ``cached`` the facts cache is not used (a cold run every time); with it,
    the cache under the project root is read and filled.  ``findings_only`` asks
    for findings only, as ``check`` and the flake8 plugin do, which lets an unchanged
    project reuse its last result.
    """
    from flake8_nylas_scopes.settings.config import Config, default_code_filter
    from flake8_nylas_scopes.project.session import analyse, discover

    paths = discover([directory])
    before = peak_rss_kib()
    start = time.perf_counter()
    result = analyse(paths, Config(), default_code_filter, use_cache=cached,
                     findings_only=findings_only, jobs=jobs)
    elapsed = time.perf_counter() - start
    peak = peak_rss_kib()
    print(json.dumps({
        "seconds": elapsed, "maxrss_kib": peak, "maxrss_before_kib": before,
        "files": len(paths), "findings": len(result.findings), "errors": len(result.errors),
    }))


def _analyse_in_child(
    directory: str, cached: bool = False, findings_only: bool = False, jobs: int = 1
) -> dict[str, float]:
    flag = ["--cached"] if cached else []
    flag += ["--findings-only"] if findings_only else []
    flag += ["--jobs", str(jobs)]
    completed = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child-analyse", directory, *flag],
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
    # alternate.  Medians, not the fastest runs: on a shared machine a short run can
    # fall into a quiet moment that a ten times longer run never gets, so a ratio of
    # minimums overstates the growth.
    for _ in range(repeats):
        small.append(_analyse_in_child(small_dir))
        large.append(_analyse_in_child(large_dir))
    small_times = [run["seconds"] for run in small]
    large_times = [run["seconds"] for run in large]
    peak_mib = max(run["maxrss_kib"] for run in large) / 1024
    base_mib = min(run["maxrss_before_kib"] for run in large) / 1024
    return [
        Ratio("analyse 2,000 modules / 200 modules (time)",
              median_of(large_times) / median_of(small_times), 10.5,
              f"medians {median_of(large_times):.3f} s / {median_of(small_times):.3f} s "
              f"of {repeats} runs each; the 200-module runs spread over "
              f"{(max(small_times) - min(small_times)) / median_of(small_times):.0%} "
              "of their median"),
        Ratio("peak memory, 2,000 modules (MiB, VmHWM)", peak_mib, 150.0,
              f"of which {base_mib:.0f} MiB before analyse (interpreter and imports)"),
    ]


# -- the floor under the per-module work ------------------------------------------------


def _bare_walk(node: ast.AST) -> None:
    """Visit every node and do nothing: the least any analysis of every node costs."""
    for name in node._fields:
        child = getattr(node, name, None)
        if isinstance(child, list):
            for item in child:
                if isinstance(item, ast.AST):
                    _bare_walk(item)
        elif isinstance(child, ast.AST):
            _bare_walk(child)


def traversal_floor(workdir: str, modules: int = 2000) -> list[Ratio]:
    """What visiting every node costs against parsing, beside this tool's facts.

    The cold target (``check`` <= 2.0 x parse) leaves one parse for everything after
    parsing.  These figures say how much of that a traversal alone takes: a
    ``NodeVisitor`` that does nothing, a hand-written recursive walk that does nothing,
    and this tool's two passes (scope requests and value flow), all with the garbage
    collector paused as the analysis pauses it.  No targets: context for the others.
    """
    import gc

    from flake8_nylas_scopes.analysis.extract import Extractor
    from flake8_nylas_scopes.analysis.flow_extract import FlowExtractor

    directory = os.path.join(workdir, f"floor-{modules}")
    paths = write_project(directory, modules)
    sources = [Path(path).read_text(encoding="utf-8") for path in paths]

    def timed(work: Callable[[], object]) -> float:
        start = time.process_time()
        work()
        return time.process_time() - start

    def facts() -> None:
        for path, source, tree in zip(paths, sources, trees):
            extractor = Extractor(path, source.splitlines(True), "bench")
            extractor.extract(tree)
            flow = FlowExtractor(extractor.source, "bench", extractor.imports,
                                 extractor.module_bindings, extractor.body_bindings)
            flow.run(tree)
            flow.close()
            extractor.close()

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        parse = timed(lambda: [ast.parse(source) for source in sources])
        trees = [ast.parse(source) for source in sources]
        visitor = timed(lambda: [ast.NodeVisitor().visit(tree) for tree in trees])
        walk = timed(lambda: [_bare_walk(tree) for tree in trees])
        both_passes = timed(facts)
    finally:
        if was_enabled:
            gc.enable()
    nodes = sum(1 for tree in trees for _ in ast.walk(tree))
    context = f"CPU time, {modules} modules, {nodes:,} nodes, parse {parse:.2f} s"
    unbounded = float("inf")
    return [
        Ratio("floor: ast.NodeVisitor doing nothing / ast.parse", visitor / parse, unbounded,
              context),
        Ratio("floor: recursive walk doing nothing / ast.parse", walk / parse, unbounded,
              context),
        Ratio("per-module facts (both passes) / ast.parse", both_passes / parse, unbounded,
              context),
    ]


# -- hooks for features still being built ----------------------------------------------


def index_cost(workdir: str, modules: int = 2000) -> list[Ratio]:
    """Cold index build / ast.parse of the same files (target 2.0), and warm / cold
    (target 0.2), each in fresh processes; the first cached run fills the cache.

    Four warm runs: the project index alone (every module's facts read back, the
    project judged again); ``check`` on the unchanged project (its last result
    reused); ``check`` after a comment was added to one module (that module analysed
    again; its facts are unchanged, so the last result stands); and ``check`` after
    a line of code was added to one module (its facts changed: every module's facts
    read back and the project judged again), which is what a commit hook usually
    meets.
    """
    import shutil

    from flake8_nylas_scopes.project.cache import CACHE_DIRECTORY
    from flake8_nylas_scopes.project.workers import available_cpus

    directory = os.path.join(workdir, f"index-{modules}")
    paths = write_project(directory, modules)
    sources = [Path(path).read_text(encoding="utf-8") for path in paths]
    time.sleep(2.5)  # files younger than two seconds are never reused (clock resolution)
    # Parse passes and cold runs alternate, medians of three: one of each was at the
    # mercy of a quiet or a busy moment of a shared machine.
    parses, colds = [], []
    for _ in range(3):
        shutil.rmtree(os.path.join(directory, CACHE_DIRECTORY), ignore_errors=True)
        start = time.perf_counter()
        for source in sources:
            ast.parse(source)
        parses.append(time.perf_counter() - start)
        colds.append(_analyse_in_child(directory, cached=True)["seconds"])
    parse_seconds, cold = median_of(parses), median_of(colds)
    # The same cold run with its modules shared among one process per CPU (what
    # ``check`` does by default); on one CPU there is nothing to compare.
    cpus = available_cpus()
    shared_colds = []
    for _ in range(3 if cpus > 1 else 0):
        shutil.rmtree(os.path.join(directory, CACHE_DIRECTORY), ignore_errors=True)
        shared_colds.append(_analyse_in_child(directory, cached=True, jobs=cpus)["seconds"])
    warm = min(_analyse_in_child(directory, cached=True)["seconds"] for _ in range(3))
    _analyse_in_child(directory, cached=True, findings_only=True)  # stores the result
    unchanged = min(
        _analyse_in_child(directory, cached=True, findings_only=True)["seconds"]
        for _ in range(3)
    )
    edited_times = []
    for edit in range(3):
        with open(paths[edit * 7], "a", encoding="utf-8") as handle:
            handle.write(f"\n# edited {edit}\n")
        edited_times.append(
            _analyse_in_child(directory, cached=True, findings_only=True)["seconds"]
        )
    edited = min(edited_times)
    # A line added at the top moves every place in the module: its facts change, and
    # the project is judged again.
    code_times = []
    for edit in range(3):
        path = Path(paths[edit * 7 + 1])
        path.write_text(f"import os as _edited_{edit}\n" + path.read_text(encoding="utf-8"),
                        encoding="utf-8")
        code_times.append(
            _analyse_in_child(directory, cached=True, findings_only=True)["seconds"]
        )
    code_edited = min(code_times)
    shared = [
        Ratio(f"cold project index with {cpus} worker processes / ast.parse ({modules} "
              "modules)", median_of(shared_colds) / parse_seconds, 2.0,
              f"{median_of(shared_colds):.2f} s / {parse_seconds:.2f} s (one process: "
              f"{cold:.2f} s)"),
    ] if shared_colds else []
    return [
        Ratio(f"cold project index / ast.parse ({modules} modules)", cold / parse_seconds,
              2.0, f"{cold:.2f} s / {parse_seconds:.2f} s"),
        *shared,
        Ratio("warm / cold project index (facts read back, project judged)", warm / cold,
              0.2, f"{warm:.2f} s / {cold:.2f} s"),
        Ratio("warm / cold, check on the unchanged project (result reused)",
              unchanged / cold, 0.2, f"{unchanged:.2f} s / {cold:.2f} s"),
        Ratio("warm / cold, check after one module was edited (a comment)", edited / cold,
              0.2, f"{edited:.2f} s / {cold:.2f} s"),
        Ratio("warm / cold, check after one module's code was edited", code_edited / cold,
              0.2, f"{code_edited:.2f} s / {cold:.2f} s"),
    ]


def jobs_cost(repeats: int, workdir: str, modules: int = 500) -> list[Ratio]:
    """The plugin's CPU time at ``flake8 --jobs 2`` over its CPU time at ``--jobs 1``,
    cold (no cache), on a generated project: every worker needs the whole project's
    judgement, and it should be made once, not once per worker."""
    import shutil

    from flake8_nylas_scopes.project.cache import CACHE_DIRECTORY

    root = Path(workdir, "jobs")
    write_project(root, modules)
    # As a checkout's files are: not written a moment ago (such files are never
    # reused, since their next change could keep the same modification time).
    time.sleep(2.5)
    plugin_cpu: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(repeats):
        for jobs in (1, 2):
            shutil.rmtree(root / CACHE_DIRECTORY, ignore_errors=True)
            _, with_cpu, _ = _flake8_run("--with-plugin", ["."], str(root), jobs)
            _, without_cpu, _ = _flake8_run("--without-plugin", ["."], str(root), jobs)
            plugin_cpu[jobs].append(max(with_cpu - without_cpu, 1e-9))
    one, two = median_of(plugin_cpu[1]), median_of(plugin_cpu[2])
    return [Ratio(
        f"plugin CPU at --jobs 2 / at --jobs 1 ({modules} generated modules, cold)",
        two / one, 1.25,
        f"plugin CPU {one:.2f} s at -j 1, {two:.2f} s at -j 2 (median of {repeats})",
    )]


def fix_vs_check() -> Ratio:
    """``fix`` / ``check`` on a 500-module project where 1% needs a fix, target 1.3
    (``bench_fix.py``, each command in a fresh process, best of five)."""
    completed = subprocess.run(
        [sys.executable, str(Path(__file__).resolve().parent / "bench_fix.py")],
        capture_output=True, text=True, check=True,
    )
    *_, wall, cpu = completed.stdout.strip().splitlines()  # "cpu: check 1.7s  fix ... 1.05"
    ratio = float(cpu.rsplit(" ", 1)[1])
    return Ratio("fix / check (1% fixable, 500 modules, CPU time)", ratio, 1.3,
                 f"{cpu}; {wall}")


# -- report -----------------------------------------------------------------------------


def target_text(target: float) -> str:
    return "-" if target == float("inf") else "<= " + format(target, "g")


def report(ratios: Sequence[Ratio]) -> str:
    width = max(len(ratio.name) for ratio in ratios)
    lines = [f"{'ratio'.ljust(width)}  {'value':>7}  {'target':>7}  verdict"]
    for ratio in ratios:
        value = "-" if ratio.value is None else f"{ratio.value:.3f}"
        lines.append(
            f"{ratio.name.ljust(width)}  {value:>7}  {target_text(ratio.target):>7}"
            f"  {ratio.verdict}"
        )
        lines.append(f"{''.ljust(width)}  {ratio.detail}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="a stdlib subset and fewer repeats (about two minutes)")
    parser.add_argument("--repeats", type=int, default=0,
                        help="runs per measurement (default 3 for flake8, 7 for growth, "
                        "5 for in-process timings)")
    parser.add_argument("--only", choices=["flake8", "parse", "growth", "index", "fix", "jobs",
                                           "floor"],
                        action="append",
                        help="run only these measurements (repeatable)")
    parser.add_argument("--child-analyse", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--cached", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--findings-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_analyse:
        _child_analyse(args.child_analyse, args.cached, args.findings_only, args.jobs)
        return 0
    only = set(args.only or ["flake8", "parse", "growth", "index", "fix", "jobs", "floor"])
    process_repeats = args.repeats or 3
    in_process_repeats = args.repeats or 5
    growth_repeats = args.repeats or 7
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
        if "index" in only:
            ratios += index_cost(workdir, 500 if args.quick else 2000)
        if "fix" in only:
            ratios.append(fix_vs_check())
        if "jobs" in only:
            ratios += jobs_cost(process_repeats, workdir)
        if "floor" in only:
            ratios += traversal_floor(workdir, 500 if args.quick else 2000)
    print(report(ratios))
    return 1 if any(ratio.verdict == "MISSED" for ratio in ratios) else 0


if __name__ == "__main__":
    sys.exit(main())
