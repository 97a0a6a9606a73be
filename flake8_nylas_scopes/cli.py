"""The ``nylas-scopes`` command line.

Exit codes: 0 nothing to report, 1 findings, 2 a usage or input error.  A reader
that closes the output early (``| head``) ends the run quietly with 1, Ctrl-C with
130.  ``--help``
shows :data:`DESCRIPTION`, not this docstring.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence

from . import __version__
from .codes import CODES, IMPLEMENTED, FixSafety
from .commands import fix as fix_command
from .commands import infer as infer_command
from .commands.check import run_check, say_rootless_note
from .commands.options import (
    add_selection_arguments,
    add_settings_arguments,
    code_filter,
    command_settings,
    file_name_argument,
)
from .project.atomic import write_text_atomically
from .project.reading import InputError, decode_source
from .reporters import REPORTERS
from .rule_docs import UnknownCode, rule_doc, rule_url
from .settings.config import ConfigError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# The reader of the output went away (``| head``): 1, as Python exits on EPIPE.
EXIT_BROKEN_PIPE = 1
# Ctrl-C: 128 + SIGINT, as a shell reports a command the signal ended.
EXIT_INTERRUPTED = 130

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "code_filter", "main", "run"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


# The top-level --help; the module docstring is reST for the API documentation.
DESCRIPTION = """\
Report the Nylas OAuth scopes an app requests that are malformed, redundant,
conflicting or broader than its Nylas calls need, and the scopes its calls miss.

Exit codes: 0 nothing to report, 1 findings (or files changed, for fix), 2 a usage
or input error.
"""

STDIN = "-"


def _add_check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or directories (default: the current directory, or "
                       "stdin with --stdin-filename); '-' reads one file from stdin")
    check.add_argument("--stdin-filename", metavar="PATH",
                       help="the path of the file read from stdin: findings are reported "
                       "under it, and the project it belongs to is analysed with it")
    check.add_argument("--format", choices=sorted(REPORTERS), default="text",
                       help="output format (default: text)")
    check.add_argument("--output", metavar="FILE", type=file_name_argument,
                       help="write the report to FILE (atomically) instead of stdout")
    add_selection_arguments(check)
    add_settings_arguments(check)
    check.add_argument("--disable-noqa", action="store_true",
                       help="report findings that '# noqa' comments hide")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when there are findings (errors still exit 2)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="nylas-scopes", description=DESCRIPTION,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_check_arguments(commands.add_parser(
        "check",
        help="report scope findings",
        description="Report the findings of the flake8 plugin, without flake8. "
        "Settings come from [tool.nylas-scopes] in pyproject.toml or the [flake8] "
        "section flake8 reads; options given here override them.",
    ))
    explain = commands.add_parser("explain", help="print the documentation of a rule",
                                  description="Print the documentation page of a rule.")
    explain.add_argument("code", metavar="CODE", help="a rule code (NYS104) or slug")
    rules = commands.add_parser("rules", help="list every rule code",
                                description="List every rule code with its slug, whether it "
                                "is on by default and how safe its fix is.")
    rules.add_argument("--format", choices=("text", "json"), default="text",
                       help="output format (default: text)")
    infer_command.add_arguments(commands.add_parser(
        "infer", help="print the minimal scope set the code needs, with evidence",
        description="Print the smallest set of scopes the project's Nylas calls need, "
        "with the call, endpoint and reason behind each scope. Settings come from the "
        "same configuration as check."))
    fix_command.add_arguments(commands.add_parser(
        "fix", help="rewrite scope lists to their minimal form",
        description="Apply the fixes of the findings check reports: the safe ones, and "
        "with --unsafe-fixes the unsafe ones too. Settings come from the same "
        "configuration as check."))
    return parser


def _error(message: str) -> int:
    print(f"nylas-scopes: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def _stdin_sources(args: argparse.Namespace) -> tuple[list[str], dict[str, str]]:
    """The paths to check, with ``-`` replaced by the name of the file read from stdin,
    and that file's text."""
    # No path: the current directory, or stdin when the buffer is named (as ruff).
    given = list(args.paths) or [STDIN if args.stdin_filename else os.curdir]
    if STDIN not in given:
        if args.stdin_filename:
            # Checking the named paths and ignoring the buffer an editor sends would
            # report on the saved file, or on a whole directory, as if on the buffer.
            raise InputError(
                "--stdin-filename names the file read from stdin, but no path is '-'"
            )
        return given, {}
    # As flake8 names it without --stdin-display-name.
    name = args.stdin_filename or "stdin"
    text = sys.stdin.buffer.read()
    paths = [name if path == STDIN else path for path in given]
    return list(dict.fromkeys(paths)), {name: decode_source(text)}


def _check(args: argparse.Namespace) -> int:
    try:
        settings = command_settings(args)
        paths, sources = _stdin_sources(args)
        # Outputs that carry fixes say what ``fix`` would do; text does not.
        result = run_check(paths, settings, sources, with_fixes=args.format != "text")
    except (ConfigError, InputError) as error:
        return _error(str(error))
    except (SyntaxError, UnicodeDecodeError, LookupError) as error:
        return _error(f"{args.stdin_filename or 'stdin'}: cannot decode ({error})")
    report = REPORTERS[args.format](result)
    if args.output:
        try:
            write_text_atomically(args.output, report)
        except OSError as error:
            return _error(f"{args.output}: cannot write ({error.strerror or error})")
    else:
        sys.stdout.write(report)
    for file_error in result.errors:
        print(f"nylas-scopes: error: {file_error.message}", file=sys.stderr)
    say_rootless_note(result.rootless)
    if result.errors:
        return EXIT_ERROR
    if result.findings and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _lookup_code(text: str) -> str | None:
    wanted = text.strip()
    if wanted.upper() in CODES:
        return wanted.upper()
    by_slug = {code.slug: code.code for code in CODES.values()}
    return by_slug.get(wanted.lower())


def _explain(args: argparse.Namespace) -> int:
    code = _lookup_code(args.code)
    if code is None:
        return _error(
            f"unknown rule code {args.code!r}; 'nylas-scopes rules' lists the codes"
        )
    try:
        page = rule_doc(code)
    except (UnknownCode, OSError) as error:  # a broken installation
        return _error(f"{code}: documentation not found ({error})")
    # Written outside the ``try``: a closed pipe (an OSError) is no missing page.
    sys.stdout.write(page)
    return EXIT_CLEAN


def rules_table() -> str:
    rows = [("code", "slug", "default", "fix", "")]
    for code in CODES.values():
        rows.append((
            code.code,
            code.slug,
            "on" if code.enabled_by_default else "off",
            code.fix.value if code.fix is not FixSafety.NONE else "none",
            "" if code.code in IMPLEMENTED else "reserved: not reported by this version",
        ))
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = []
    for row in rows:
        line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths))
        lines.append(f"{line}  {row[4]}".rstrip() + "\n")
    return "".join(lines)


def rules_json() -> str:
    rules = [
        {
            "code": code.code,
            "slug": code.slug,
            "summary": code.summary,
            "default": "on" if code.enabled_by_default else "off",
            "fix": code.fix.value,
            "implemented": code.code in IMPLEMENTED,
            "doc": f"docs/rules/{code.code}.md",
            "url": rule_url(code.code),
        }
        for code in CODES.values()
    ]
    return json.dumps({"version": 1, "rules": rules}, indent=2) + "\n"


def run(argv: Sequence[str]) -> int:
    args = _parser().parse_args(argv)
    if args.command in ("check", "fix", "infer"):
        try:
            # Relative paths, the configuration search and the reported paths start
            # here; a directory deleted under the shell fails each of them.
            os.getcwd()
        except OSError as error:
            return _error(f"the current directory cannot be used ({error.strerror or error})")
    if args.command == "check":
        return _check(args)
    if args.command == "explain":
        return _explain(args)
    if args.command == "infer":
        return infer_command.run(args)
    if args.command == "fix":
        return fix_command.run(args)
    sys.stdout.write(rules_json() if args.format == "json" else rules_table())
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


def _quiet_output() -> None:
    """Send what is left for a stream whose reader went away to the null device.

    Python flushes stdout and stderr once more on exit; with the reader gone that flush
    would fail again and print "Exception ignored ... BrokenPipeError" on stderr.  Both
    streams are tried: with ``2>&1 | head`` both go to the closed pipe.  A stream that
    still works is flushed and left alone, so nothing written to it is lost.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
            continue
        except OSError:
            pass
        try:
            descriptor = stream.fileno()
        except (AttributeError, OSError, ValueError):  # not a file: nothing to flush at exit
            continue
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, descriptor)
        finally:
            os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_output()
    try:
        code = run(list(sys.argv[1:] if argv is None else argv))
        # Flush here, so that a reader that went away early (``nylas-scopes infer . |
        # head``) is noticed inside this block and not when Python flushes at exit.
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader closed the pipe: stop quietly, as the Python documentation's note
        # on SIGPIPE recommends, instead of a traceback.  Python ignores SIGPIPE, so
        # the write fails with EPIPE; like Python itself on EPIPE, exit with 1.
        _quiet_output()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        # A traceback says nothing the user does not know; files being fixed are
        # replaced whole or not at all, so nothing is left half-written.
        print("nylas-scopes: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:
        # Bad input has its own messages; anything else is a bug of this tool, said
        # in one line a CI log keeps, with the traceback on request.
        if os.environ.get(_TRACEBACK_VARIABLE):
            raise
        print(f"nylas-scopes: internal error: {type(error).__name__}: {error} "
              f"(a bug in nylas-scopes {__version__}; set {_TRACEBACK_VARIABLE}=1 to see "
              "where, and please report it)", file=sys.stderr)
        return EXIT_ERROR
    return code


# Set to show the traceback of an internal error instead of its one-line message.
_TRACEBACK_VARIABLE = "NYLAS_SCOPES_TRACEBACK"


if __name__ == "__main__":
    sys.exit(main())
