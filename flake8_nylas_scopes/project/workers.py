"""Reading many modules' facts in worker processes: a cold run of a large project.

Extracting one module's facts is pure: its text and its module name in, facts out.
A project seen for the first time (a CI job without a cache, a fresh clone) spends
most of its time there, so the modules are shared out among processes.  Each worker
hands back the facts as the JSON the cache stores anyway; the parent rebuilds them
from it, as a run with a filled cache does, and judges the project alone (judging
needs every module's facts at once).

Few modules are read in the calling process: starting workers costs more than it
saves there.  The order of the results is the order of the work, so that a run gives
the same findings, errors and cache entries with any number of workers.
"""

from __future__ import annotations

import json
import os
import signal
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import reading

if TYPE_CHECKING:
    from ..analysis.facts import ModuleFacts

__all__ = ["FactsText", "PARALLEL_FROM", "Work", "available_cpus", "facts_texts"]

# Below this many modules to extract, workers are not worth starting (each costs a
# process start, and under ``spawn`` an import of the package).
PARALLEL_FROM = 64

# Modules per message to a worker: enough to make the hand-over cheap, few enough
# that the workers finish together.
_CHUNK = 8

# How workers start: the platform's default (fork on Linux, spawn on macOS and
# Windows); tests try the others.
_START_METHOD: str | None = None


@dataclass(frozen=True)
class Work:
    """One module to read: its path, its module name, and its text when the caller has
    it already (an editor's buffer, or a file the first look at the project read);
    ``foreign_readers``: see ``module_facts``."""

    path: str
    module: str
    text: str | None = None
    foreign_readers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class FactsText:
    """What reading one module gave: its facts (read in this process), the JSON of its
    facts (read by a worker), or the message of the error that kept it from being
    read; exactly one of them is set."""

    path: str
    facts: ModuleFacts | None = None
    json: str = ""
    error: str = ""


class WorkerCrash(RuntimeError):
    """The analysis failed on a module in a worker: a defect of this tool, named with
    the file it met it in."""


def available_cpus() -> int:
    """The CPUs this process may run on (a container's or ``taskset``'s limit)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def facts_text(work: Work, as_json: bool = False) -> FactsText:
    """Read and analyse one module; errors of the input become the message the run
    reports for the file.  ``as_json`` hands the facts back as JSON (from a worker)."""
    text = work.text
    if text is None:
        try:
            text = reading.read_source(work.path)
        except reading.InputError as error:
            return FactsText(work.path, error=str(error))
    facts = reading.facts_or_error(work.path, text, work.module, work.foreign_readers)
    if isinstance(facts, str):
        return FactsText(work.path, error=facts)
    if not as_json:
        return FactsText(work.path, facts=facts)
    # Facts are trees of lists and dicts: no cycle to look for in them.
    return FactsText(work.path, json=json.dumps(
        facts.to_json(), separators=(",", ":"), check_circular=False))


def _facts_text_in_worker(work: Work) -> FactsText:
    try:
        return facts_text(work, as_json=True)
    except Exception:
        # Sent back as text: the parent names the file, and the traceback shows where.
        raise WorkerCrash(f"{work.path}:\n{traceback.format_exc()}") from None


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the run, and workers
    # that stopped too would each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _may_start_workers(workers: int, modules: int) -> bool:
    """Whether ``workers`` processes are worth starting for ``modules``, and may be."""
    if workers < 2 or modules < PARALLEL_FROM:
        return False
    # Imported here: most runs read few modules, and the command line is imported
    # before anything else is checked (a deleted working directory breaks imports of
    # ``multiprocessing`` on some Pythons).
    import multiprocessing
    import threading

    # A daemonic process (flake8's workers) may not start others; a process running
    # other threads (an editor's language server hosting flake8) may deadlock a
    # forked child on a lock one of them held.
    return not multiprocessing.current_process().daemon and threading.active_count() == 1


def facts_texts(works: Sequence[Work], jobs: int) -> Iterator[FactsText]:
    """The facts of each of ``works``, in their order, read by up to ``jobs`` processes.

    Fewer than ``PARALLEL_FROM`` modules, one job, a process that may not start
    others (a daemonic worker, as flake8's are) or one running other threads read
    them here, one by one.  If the workers cannot be started, or die, the modules
    left are read here.
    """
    workers = min(jobs, -(-len(works) // _CHUNK))
    if not _may_start_workers(workers, len(works)):
        yield from (facts_text(work) for work in works)
        return
    import concurrent.futures
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    try:
        pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=workers, initializer=_ignore_interrupts,
            mp_context=multiprocessing.get_context(_START_METHOD))
    except (OSError, ValueError, NotImplementedError):
        pool = None  # no processes here (a sandbox, a platform without semaphores)
    if pool is not None:
        try:
            for result in pool.map(_facts_text_in_worker, works, chunksize=_CHUNK):
                yield result
                done += 1
        except BrokenProcessPool:
            pass  # a worker was killed (out of memory, a signal): go on without them
        finally:
            # Work not started is dropped, so that Ctrl-C or an error ends the run now.
            pool.shutdown(wait=True, cancel_futures=True)
    yield from (facts_text(work) for work in works[done:])
