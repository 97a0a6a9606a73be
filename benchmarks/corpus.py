"""Run the analysis over real code: no crash anywhere, no finding where Nylas is not used.

``python benchmarks/corpus.py [--site-packages-share F] [--jobs N] [PATH ...]``

Without paths the corpus is every ``.py`` file of this interpreter's standard library
(complete, its own ``site-packages`` left out) and of this environment's
site-packages; ``--site-packages-share`` keeps a deterministic fraction of the latter
(a file is in when a hash of its path inside site-packages falls below the share, so
the same packages give the same sample on every machine).

Each file goes through the path ``nylas-scopes check`` takes (read, decode, parse,
``module_facts`` with its pre-filter, ``module_findings`` with every code enabled)
and then, because the pre-filter skips nearly all of this code, through the extractor
directly.  Outcomes:

* a file the tool refuses cleanly (a syntax error in a test data file, an unknown
  coding cookie) is counted, not failed: that is the defined behaviour;
* any other exception is a crash;
* any finding in a file that does not import ``nylas`` is a false positive.

Exits 1 on a crash or a false positive, listing each as ``path:line``.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import io
import os
import sys
import sysconfig
import time
import traceback
import zlib
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from flake8_nylas_scopes.analysis.module import module_facts

from flake8_nylas_scopes.judging.module_findings import module_findings
from flake8_nylas_scopes.settings.config import Config, all_codes
from flake8_nylas_scopes.analysis.extract import extract_module
from flake8_nylas_scopes.judging.judge import judge_project
from flake8_nylas_scopes.project.modules import module_name_for_path
from flake8_nylas_scopes.project.session import InputError, read_source

SKIPPED_DIRECTORIES = {"site-packages", "dist-packages", "__pycache__"}


@dataclass
class Outcome:
    """What happened to one file."""

    path: str
    refused: str = ""  # the clean error message, when the tool refuses the file
    crash: str = ""  # the exception, with the innermost frame of the package
    false_positives: list[str] = field(default_factory=list)
    lines: int = 0


@dataclass
class Summary:
    files: int = 0
    lines: int = 0
    refused: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.files += 1
        self.lines += outcome.lines
        if outcome.refused:
            self.refused.append(outcome.refused)
        if outcome.crash:
            self.crashes.append(f"{outcome.path}: {outcome.crash}")
        self.false_positives.extend(outcome.false_positives)

    @property
    def ok(self) -> bool:
        return not self.crashes and not self.false_positives


def stdlib_files() -> list[str]:
    return sorted(python_files(sysconfig.get_paths()["stdlib"]))


def site_packages_dirs() -> list[str]:
    paths = sysconfig.get_paths()
    return sorted({paths["purelib"], paths["platlib"]})


def site_packages_files(share: float = 1.0) -> list[str]:
    files: list[str] = []
    for directory in site_packages_dirs():
        for path in python_files(directory):
            if share >= 1.0 or _hash_share(os.path.relpath(path, directory)) < share:
                files.append(path)
    return sorted(files)


def _hash_share(relative: str) -> float:
    digest = hashlib.sha256(relative.replace(os.sep, "/").encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def python_files(directory: str) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRECTORIES)
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(root, name)


def imports_nylas(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            if any(alias.name.split(".")[0] == "nylas" for alias in node.names):
                return True
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] == "nylas":
                return True
    return False


def check_file(path: str) -> Outcome:
    outcome = Outcome(path)
    try:
        source = read_source(path)
    except InputError as error:
        outcome.refused = str(error)
        return outcome
    outcome.lines = source.count("\n")
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as error:
        outcome.refused = f"{path}:{error.lineno}: syntax error: {error.msg}"
        return outcome
    except (RecursionError, MemoryError, ValueError) as error:
        outcome.refused = f"{path}: cannot parse ({type(error).__name__})"
        return outcome
    try:
        lines = io.StringIO(source, newline="").readlines()
        name = module_name_for_path(path)
        config = Config()
        findings = module_findings(module_facts(tree, path, lines, name), config, all_codes)
        forced = module_findings(extract_module(tree, path, lines, name), config, all_codes)
        # The client-flow records and the project judge, as for a project using Nylas,
        # on a fixed third of the files (by name) to keep the run within CI's budget.
        if zlib.crc32(path.encode("utf-8", "surrogateescape")) % 3 == 0:
            flow_facts = module_facts(tree, path, lines, name, flow=True)
            findings += judge_project({path: flow_facts}, [], config, all_codes).findings
    except Exception as error:  # any exception at all is what this script looks for
        frame = traceback.extract_tb(error.__traceback__)[-1]
        outcome.crash = f"{type(error).__name__}: {error} (at {frame.filename}:{frame.lineno})"
        return outcome
    if not imports_nylas(tree):
        for finding in sorted(set(findings) | set(forced), key=lambda f: f.sort_key):
            span = finding.span
            outcome.false_positives.append(f"{span.path}:{span.line}: {finding.message}")
    return outcome


def run(paths: Iterable[str], jobs: int = 1) -> Summary:
    summary = Summary()
    files = list(paths)
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            for outcome in pool.map(check_file, files, chunksize=16):
                summary.add(outcome)
    else:
        for path in files:
            summary.add(check_file(path))
    return summary


def report(summary: Summary, seconds: float) -> str:
    lines = [
        f"{summary.files} files, {summary.lines} lines in {seconds:.1f} s: "
        f"{len(summary.crashes)} crashes, {len(summary.false_positives)} false positives, "
        f"{len(summary.refused)} refused cleanly",
    ]
    lines += [f"  refused: {message}" for message in summary.refused]
    lines += [f"  CRASH: {message}" for message in summary.crashes]
    lines += [f"  FALSE POSITIVE: {message}" for message in summary.false_positives]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="files or directories (default: see above)")
    parser.add_argument("--site-packages-share", type=float, default=1.0,
                        help="fraction of site-packages files to include (default: all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    if args.paths:
        files = sorted(
            path for given in args.paths
            for path in (python_files(given) if os.path.isdir(given) else [given])
        )
    else:
        files = stdlib_files() + site_packages_files(args.site_packages_share)
    start = time.perf_counter()
    summary = run(files, args.jobs)
    print(report(summary, time.perf_counter() - start))
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
