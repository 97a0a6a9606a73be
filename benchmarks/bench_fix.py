"""How much slower ``nylas-scopes fix`` is than ``nylas-scopes check`` on one project.

    python benchmarks/bench_fix.py [--modules 500] [--needs-fix 0.01] [--repeat 5]

Generates a package of N modules that all request Nylas scopes, a share of which
(1% by default) request a redundant scope, then times both commands as a user runs
them (a fresh process each, on a fresh copy for ``fix``) and prints the ratio of the
best times, in CPU time (user and system: on a shared machine, time spent waiting for
the processor is not counted) and in wall time.  The fix parses with LibCST only the
files that have something to fix, so the ratio should stay near 1 (target: at most
1.3).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENTRY = "import sys; from flake8_nylas_scopes.cli import main; sys.exit(main())"

MODULE = '''\
"""Inbox views, number {index}."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from nylas import APIClient

LOG = logging.getLogger(__name__)
SCOPES = [{scopes}]


@dataclass
class Thread{index}:
    subject: str
    unread: bool = False

    def label(self) -> str:
        return f"[new] {{self.subject}}" if self.unread else self.subject


class Inbox{index}:
    def __init__(self, client_id: str, client_secret: str) -> None:
        self.client = APIClient(client_id, client_secret)
        self.cache: dict[str, Thread{index}] = {{}}

    def login_url(self, state: str) -> str:
        return self.client.authentication_url(
            "https://app.example.com/callback/{index}",
            state=state,
            scopes=SCOPES,
        )

    def remember(self, key: str, subject: str) -> Thread{index}:
        thread = self.cache.get(key)
        if thread is None:
            thread = Thread{index}(subject, unread=True)
            self.cache[key] = thread
            LOG.debug("cached %s", key)
        return thread

    def unread(self) -> list[str]:
        return sorted(t.label() for t in self.cache.values() if t.unread)


def summarise(threads: list[Thread{index}]) -> dict[str, int]:
    counts = {{"unread": 0, "read": 0}}
    for thread in threads:
        counts["unread" if thread.unread else "read"] += 1
    return counts
'''

CLEAN = '"email.read_only", "email.send", "calendar"'
NEEDS_FIX = '"email.modify", "email.read_only", "calendar"'


def generate(root: Path, modules: int, needs_fix: float) -> int:
    package = root / "app"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    every = max(1, round(1 / needs_fix)) if needs_fix > 0 else 0
    fixable = 0
    for index in range(modules):
        broken = bool(every) and index % every == 0
        fixable += broken
        scopes = NEEDS_FIX if broken else CLEAN
        (package / f"inbox_{index}.py").write_text(MODULE.format(index=index, scopes=scopes))
    return fixable


def timed(command: list[str], expected: int) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != expected:
        raise SystemExit(
            f"{' '.join(command[3:])}: exit {result.returncode}, expected {expected}\n"
            f"{result.stderr}"
        )
    return elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--modules", type=int, default=500)
    parser.add_argument("--needs-fix", type=float, default=0.01, help="share of modules")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        source = Path(temporary) / "project"
        fixable = generate(source, args.modules, args.needs_fix)
        check_expected = 1 if fixable else 0
        checks, fixes = [], []
        for attempt in range(args.repeat):
            checks.append(
                timed([sys.executable, "-c", ENTRY, "check", str(source)], check_expected)
            )
            copy = Path(temporary) / f"fix-{attempt}"
            shutil.copytree(source, copy)
            fixes.append(timed([sys.executable, "-c", ENTRY, "fix", str(copy)], check_expected))
        check, fix = min(wall for wall, _ in checks), min(wall for wall, _ in fixes)
        check_cpu, fix_cpu = min(cpu for _, cpu in checks), min(cpu for _, cpu in fixes)
    print(f"modules: {args.modules}, needing a fix: {fixable}, best of {args.repeat}")
    print(f"wall: check {check:.3f}s  fix {fix:.3f}s  ratio {fix / check:.2f}")
    print(f"cpu: check {check_cpu:.3f}s  fix {fix_cpu:.3f}s  ratio {fix_cpu / check_cpu:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
