"""Run flake8 in this environment, with or without the flake8-nylas-scopes plugin.

``python benchmarks/flake8_runner.py --with-plugin|--without-plugin [--plugin-time FILE]
FLAKE8_ARGS...``

Both modes start the same interpreter, the same flake8 and the same other plugins; the
only difference is that ``--without-plugin`` drops our distribution from the plugins
flake8 finds, before anything is imported.  So the difference between the two is what
installing the plugin costs a user: importing it, registering its options and running
it on every file.  (A second virtual environment without the plugin would measure the
same thing but could differ in more than the plugin: another flake8 build, other file
system caches, another interpreter path.)

``--plugin-time FILE`` (with the plugin) writes to FILE, as JSON, the seconds this
process spent in the plugin (importing it, its option hooks and every ``run``) and in
the whole flake8 run.  That splits one run's time between the plugin and the rest, a
figure that machine noise cannot blur the way it blurs two separate runs.

In ``--without-plugin`` mode the runner checks that the plugin's package was never
imported and exits with status 3 if it was, so a broken filter cannot pass unnoticed.
"""

from __future__ import annotations

import configparser
import json
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any

from flake8.main import cli
from flake8.plugins import finder

DISTRIBUTION = "flake8-nylas-scopes"
PACKAGE = "flake8_nylas_scopes"


def _drop_our_plugin() -> None:
    original = finder.find_plugins

    def find_plugins(
        cfg: configparser.RawConfigParser, opts: finder.PluginOptions
    ) -> list[finder.Plugin]:
        return [plugin for plugin in original(cfg, opts) if plugin.package != DISTRIBUTION]

    finder.find_plugins = find_plugins


class PluginClock:
    """Accumulates the time spent in the plugin's hooks."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def install(self) -> None:
        start = time.perf_counter()
        # The import flake8 would do when it loads the plugin, done here so it is timed.
        from flake8_nylas_scopes.checker import NylasScopesChecker

        self.seconds += time.perf_counter() - start
        checker: Any = NylasScopesChecker
        run, add_options, parse_options = (
            checker.run, checker.add_options, checker.parse_options
        )
        clock = self

        def timed_run(plugin: Any) -> Iterator[Any]:
            begin = time.perf_counter()
            reports = list(run(plugin))
            clock.seconds += time.perf_counter() - begin
            return iter(reports)

        def timed_add_options(parser: Any) -> None:
            begin = time.perf_counter()
            try:
                add_options(parser)
            finally:
                clock.seconds += time.perf_counter() - begin

        def timed_parse_options(*args: Any) -> None:
            begin = time.perf_counter()
            try:
                parse_options(*args)
            finally:
                clock.seconds += time.perf_counter() - begin

        checker.run = timed_run
        checker.add_options = staticmethod(timed_add_options)
        checker.parse_options = staticmethod(timed_parse_options)


def main(argv: Sequence[str]) -> int:
    args = list(argv)
    if not args or args[0] not in {"--with-plugin", "--without-plugin"}:
        print("usage: flake8_runner.py --with-plugin|--without-plugin "
              "[--plugin-time FILE] [flake8 args]", file=sys.stderr)
        return 2
    without = args.pop(0) == "--without-plugin"
    report = ""
    if args[:1] == ["--plugin-time"] and len(args) > 1 and not without:
        report = args[1]
        del args[:2]
    start = time.perf_counter()
    clock = PluginClock()
    if without:
        _drop_our_plugin()
    elif report:
        clock.install()
    status: int = cli.main(args)
    if report:
        with open(report, "w", encoding="utf-8") as handle:
            json.dump({"plugin": clock.seconds, "total": time.perf_counter() - start}, handle)
    if without and PACKAGE in sys.modules:
        print(f"flake8_runner: {PACKAGE} was imported although it was filtered out",
              file=sys.stderr)
        return 3
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
