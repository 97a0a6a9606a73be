"""The ``nylas-scopes`` command line.

Exit codes: 0 nothing to report, 1 findings, 2 a usage or input error.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence

from . import __version__
from .codes import CODES, DEFAULT_OFF
from .config import CodeFilter, ConfigError, make_config
from .project import InputError, analyse, discover

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def _codes(value: str) -> list[str]:
    return [code.strip().upper() for code in value.split(",") if code.strip()]


def code_filter(
    select: Sequence[str], ignore: Sequence[str], extend_select: Sequence[str]
) -> CodeFilter:
    """flake8's selection semantics for our codes.

    An explicit choice beats a default; between an explicit select and an explicit
    ignore the longer prefix wins; without any explicit choice a code is on unless it
    is off by default.
    """

    def longest(code: str, prefixes: Sequence[str]) -> int:
        return max((len(prefix) for prefix in prefixes if code.startswith(prefix)), default=-1)

    def enabled(code: str) -> bool:
        if code not in CODES:
            return False
        selected = longest(code, [*select, *extend_select])
        ignored = longest(code, ignore)
        if selected >= 0 and ignored >= 0:
            return selected > ignored
        if ignored >= 0:
            return False
        if selected >= 0:
            return True
        return not select and code not in DEFAULT_OFF

    return enabled


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="nylas-scopes", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="report scope findings")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--select", type=_codes, default=[])
    check.add_argument("--ignore", type=_codes, default=[])
    check.add_argument("--extend-select", type=_codes, default=[])
    check.add_argument("--providers", type=lambda v: v.split(","), default=[])
    check.add_argument("--exit-zero", action="store_true")
    return parser


def run(argv: Sequence[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        config = make_config(providers=args.providers, option_prefix="--")
        paths = discover(args.paths)
    except (ConfigError, InputError) as error:
        print(f"nylas-scopes: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    enabled = code_filter(args.select, args.ignore, args.extend_select)
    result = analyse(paths, config, enabled)
    for finding in result.findings:
        span = finding.span
        print(f"{span.path}:{span.line}:{span.col + 1}: {finding.message}")
    for file_error in result.errors:
        print(f"nylas-scopes: error: {file_error.message}", file=sys.stderr)
    if result.errors:
        return EXIT_ERROR
    if result.findings and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _tolerant_output() -> None:
    """Never fail on printing a path or a scope that the output encoding cannot show.

    A file name that is not valid in the file system encoding, or a scope written with
    characters a console's code page lacks, would otherwise end the run with a
    UnicodeEncodeError when its finding is printed.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_output()
    return run(list(sys.argv[1:] if argv is None else argv))
