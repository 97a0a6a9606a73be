"""``nylas-scopes fix``: rewrite scope lists to their minimal form.

Exit codes: 0 nothing to change, 1 files changed (or would change, with ``--diff``),
2 a usage, input or write error.  LibCST is imported only when the command runs, so
that ``nylas-scopes check`` does not pay for it.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..findings import Finding
from ..fix.plan import FixPolicy
from ..places import display_path, path_namer
from ..project.files import select_files
from ..project.reading import InputError
from ..project.source_file import SourceFileError, replace_unless_changed
from ..settings.config import ConfigError
from .check import PerFileSelection
from .options import (
    add_selection_arguments,
    add_settings_arguments,
    command_settings,
    files_only,
)

if TYPE_CHECKING:
    from ..fix.fixer import FixRun

EXIT_CLEAN, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to fix")
    parser.add_argument(
        "--diff", action="store_true", help="print a unified diff and change no file"
    )
    parser.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="also apply fixes that can change what the app is granted",
    )
    add_selection_arguments(parser)
    add_settings_arguments(parser)


def _error(message: str) -> None:
    print(f"nylas-scopes: error: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    try:
        # Settings first: a bad value is the same error with or without libcst.
        settings = command_settings(args)
        paths = select_files(files_only(args.paths, "fix"), settings.exclude)
    except (ConfigError, InputError) as error:
        _error(str(error))
        return EXIT_ERROR
    try:
        from ..fix.fixer import Fixer
    except ImportError:
        _error("the fix command needs libcst: pip install 'flake8-nylas-scopes[codemod]'")
        return EXIT_ERROR
    fixer = Fixer(
        settings.config,
        settings.selection.enabled,
        FixPolicy(unsafe=args.unsafe_fixes),
        exclude=settings.exclude,
        # A finding check does not report in its file (per-file-ignores) is not fixed.
        reported=PerFileSelection(settings),
        jobs=settings.jobs,
    )
    result = fixer.run(paths)
    # Files as they were named, as check shows them (pre-commit names them from the
    # repository root); the analysis keeps edits at absolute paths.
    name = path_namer(paths)
    # Lines as the files will be: unchanged with --diff, else fixed.
    for skipped in result.skipped_in_original() if args.diff else result.skipped:
        print(f"nylas-scopes: warning: {skipped.describe(name)}", file=sys.stderr)
    errors = list(result.errors)
    if args.diff:
        _print_diffs(result)
    else:
        errors.extend(_write(result, name))
    for message in errors:
        _error(message)
    if result.withheld and not args.unsafe_fixes:
        print(f"nylas-scopes: {_withheld_note(result.withheld)}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_CHANGED if result.changes else EXIT_CLEAN


def _withheld_note(withheld: Sequence[Finding]) -> str:
    """What ``fix`` left alone because its fixes are unsafe, and how to apply them."""
    count = len(withheld)
    codes = ", ".join(sorted({finding.code for finding in withheld}))
    if count == 1:
        said = "finding has an unsafe fix", "it changes", "it"
    else:
        said = "findings have unsafe fixes", "they change", "them"
    noun, changes, them = said
    return (f"{count} {noun} ({codes}), not applied: {changes} what the app is "
            f"granted; review {them} with --diff --unsafe-fixes, apply {them} with "
            "--unsafe-fixes")


def _display(path: str) -> str:
    """A diff header's path: as ``check`` shows it, without a leading slash."""
    return display_path(path).replace(os.sep, "/").lstrip("/")


def _patch_lines(text: str) -> list[str]:
    """``text`` in lines as patch and git split it: at "\\n" only.

    ``str.splitlines`` also splits at "\\r", form feeds, "\\u2028" and more; a diff
    whose lines end there does not apply to the file.
    """
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def _print_diffs(result: FixRun) -> None:
    for path, change in sorted(result.changes.items()):
        shown = _display(path)
        diff = difflib.unified_diff(
            _patch_lines(change.original.text),
            _patch_lines(change.text),
            fromfile=f"a/{shown}",
            tofile=f"b/{shown}",
        )
        for line in diff:
            if not line.endswith("\n"):
                # The last line of a file without a final newline, marked as diff marks it.
                line += "\n\\ No newline at end of file\n"
            sys.stdout.write(line)


def _write(result: FixRun, name: Callable[[str], str]) -> list[str]:
    errors: list[str] = []
    # A file named twice (a symlink and its target are two modules) is fixed alike
    # under both names: written once, or the second write would find it changed.
    written: dict[str, bytes] = {}
    for path, change in sorted(result.changes.items()):
        data = change.original.encode(change.text)
        real = os.path.realpath(path)
        if written.get(real) == data:
            continue
        try:
            replace_unless_changed(change.original, data)
            written[real] = data
        except SourceFileError as error:
            errors.append(str(error).replace(path, name(path), 1))
            continue
        codes = ", ".join(sorted({f.code for item in change.fixed for f in item.findings}))
        count = change.finding_count
        noun = "finding" if count == 1 else "findings"
        print(f"{name(path)}: fixed {count} {noun} ({codes})")
    return errors
