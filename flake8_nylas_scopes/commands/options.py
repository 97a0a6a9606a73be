"""The settings options of the commands that analyse code, defined once.

``check``, ``fix`` and ``infer`` read the same configuration file and take the same
options on top of it, so that one project's settings mean the same to each of them
(and to the flake8 plugin).  Values are checked as they are parsed: a bad one is a
usage error (exit 2) that names the option.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import replace

from ..project.reading import InputError
from ..project.workers import available_cpus
from ..settings.config import CodeFilter, code_problem, make_config
from ..settings.config_file import FileSettings, find_settings, load_settings
from ..settings.patterns import normalize_patterns
from ..settings.selection import Selection, parse_codes
from .check import CheckSettings

__all__ = [
    "add_selection_arguments",
    "add_settings_arguments",
    "code_filter",
    "codes_argument",
    "command_settings",
    "file_name_argument",
    "files_only",
]


def code_filter(
    select: Sequence[str], ignore: Sequence[str], extend_select: Sequence[str]
) -> CodeFilter:
    """flake8's selection semantics for our codes (an empty ``select`` means "not given").

    ``ignore`` adds to the codes that are off by default instead of replacing them.
    """
    return Selection(
        select=tuple(select) or None,
        extend_ignore=tuple(ignore),
        extend_select=tuple(extend_select),
    ).enabled


def codes_argument(value: str) -> tuple[str, ...]:
    """An argparse ``type``: rule codes or prefixes, comma- or space-separated."""
    codes = tuple(code.upper() for code in parse_codes(value))
    for code in codes:
        problem = code_problem(code)
        if problem:
            raise argparse.ArgumentTypeError(problem)
    return codes


def file_name_argument(value: str) -> str:
    """An argparse ``type``: a file name, never empty (``--output "$UNSET"`` would
    otherwise quietly mean "not given")."""
    if not value:
        raise argparse.ArgumentTypeError("an empty file name")
    return value


def _values(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    """``--select``, ``--ignore``, ``--extend-select``: which codes to report or fix."""
    parser.add_argument("--select", type=codes_argument, metavar="CODES",
                        help="codes or prefixes to use, replacing the default (every code "
                        "that is on by default)")
    parser.add_argument("--ignore", type=codes_argument, metavar="CODES",
                        help="codes or prefixes to leave out")
    parser.add_argument("--extend-select", type=codes_argument, metavar="CODES",
                        help="codes or prefixes to use in addition (e.g. the opt-in NYS203)")


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    """The configuration file and the analysis settings that can override it."""
    parser.add_argument("--providers", type=_values, metavar="NAMES",
                        help="providers the app's accounts can have (e.g. gmail,office365)")
    parser.add_argument("--granted-scopes", type=_values, metavar="SCOPES",
                        help="scopes granted to tokens obtained outside the code")
    parser.add_argument("--assume-used", type=_values, metavar="SCOPES",
                        help="scopes to treat as used by code the analysis cannot see")
    parser.add_argument("--client-names", type=_values, metavar="NAMES",
                        help="extra names that hold a Nylas client (e.g. nylas_client,app.nylas)")
    parser.add_argument("--project-root", metavar="DIR",
                        help="root of the project the usage rules look at")
    parser.add_argument("--exclude", type=_values, metavar="PATTERNS",
                        help="files or directories to skip, replacing the configured ones")
    parser.add_argument("--config", metavar="FILE", type=file_name_argument,
                        help="read settings from FILE (pyproject.toml or a file with [flake8])")
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")
    parser.add_argument("--jobs", "-j", type=jobs_argument, default="auto", metavar="N",
                        help="processes that read the modules not in the cache: a number, "
                        "or 'auto' for one per CPU (the default)")


def jobs_argument(value: str) -> int:
    """An argparse ``type``: a positive number of processes, or ``auto`` (one per CPU).

    argparse applies it to the default ``auto`` too, so the result is always a number.
    """
    if value.strip().lower() == "auto":
        return available_cpus()
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a number of processes or 'auto'") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: at least one process is needed")
    return jobs


def _file_settings(args: argparse.Namespace) -> FileSettings:
    if args.isolated:
        return FileSettings()
    if args.config:
        return load_settings(args.config)
    return find_settings()


def command_settings(args: argparse.Namespace) -> CheckSettings:
    """The file's settings with the command line's on top.

    Raises :class:`~..settings.config.ConfigError` for a bad value in either.  A command without
    the selection options (``infer``) keeps the file's selection.
    """
    file = _file_settings(args)
    selection = file.selection
    select = getattr(args, "select", None)
    ignore = getattr(args, "ignore", None)
    extend_select = getattr(args, "extend_select", None)
    if select is not None:
        selection = replace(selection, select=select)
    if ignore is not None:
        selection = replace(selection, ignore=None, extend_ignore=ignore)
    if extend_select is not None:
        selection = replace(selection, extend_select=(*selection.extend_select, *extend_select))

    def chosen(flag: tuple[str, ...] | None, configured: tuple[str, ...]) -> tuple[str, ...]:
        return configured if flag is None else flag

    config = make_config(
        providers=chosen(args.providers, file.config.providers),
        granted_scopes=chosen(args.granted_scopes, file.config.granted_scopes),
        assume_used=chosen(args.assume_used, file.config.assume_used),
        client_names=chosen(args.client_names, file.config.client_names),
        project_root=file.config.project_root if args.project_root is None else args.project_root,
        option_prefix="--",
    )
    exclude = (
        file.exclude if args.exclude is None else normalize_patterns(args.exclude, os.curdir)
    )
    return CheckSettings(
        selection=selection,
        config=config,
        per_file_ignores=file.per_file_ignores,
        exclude=exclude,
        disable_noqa=getattr(args, "disable_noqa", False),
        jobs=args.jobs,
    )


def files_only(paths: Sequence[str], command: str) -> Sequence[str]:
    """``paths``, none of them ``-`` unless a file has that name: ``-`` means stdin to
    ``check``, and ``fix`` and ``infer`` read files only."""
    if "-" in paths and not os.path.lexists("-"):
        raise InputError(f"-: {command} reads files, not stdin (only check reads stdin)")
    return paths
