"""The flake8 plugin: a thin adapter over the shared analysis."""

from __future__ import annotations

import argparse
import ast
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from . import __version__
from .codes import CODES, DEFAULT_OFF
from .project.session import ProjectSession
from .settings.config import Config, ConfigError, default_code_filter, make_config

if TYPE_CHECKING:
    from .settings.config_file import FileSettings
    from .findings import Finding

Report = tuple[int, int, str, type[Any]]

# The plugin's flake8 options, as attributes of flake8's options.
_NYLAS_OPTIONS = (
    "nylas_providers",
    "nylas_granted_scopes",
    "nylas_assume_used",
    "nylas_client_names",
    "nylas_project_root",
)


def _enabled_codes(options: argparse.Namespace) -> frozenset[str]:
    """Which codes flake8 will show, so that precedence picks the shown one.

    Each scope item gets at most one finding, the most specific *enabled* one; a
    finding flake8 would hide must not hide a less specific one that it would show.
    """
    try:
        from flake8.style_guide import Decision, DecisionEngine

        engine = DecisionEngine(options)
        return frozenset(
            code for code in CODES if engine.decision_for(code) is Decision.Selected
        )
    except Exception:  # pragma: no cover - flake8 internals changed; fall back to defaults
        return frozenset(code for code in CODES if default_code_filter(code))


def _isolated(options: argparse.Namespace) -> bool:
    """Whether flake8 runs with ``--isolated``.

    flake8 parses ``--isolated`` (with ``--config``) in a first stage and leaves it out
    of the options plugins get, so it is read again from the command line when the
    program is flake8.
    """
    if getattr(options, "isolated", False):
        return True
    program = os.path.normpath(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    if os.path.basename(program) != "flake8" and not program.endswith(
        os.path.join("flake8", "__main__.py")
    ):
        return False
    try:
        from flake8.main.options import stage1_arg_parser

        first, _ = stage1_arg_parser().parse_known_args(sys.argv[1:])
        return bool(first.isolated)
    except Exception:  # pragma: no cover - flake8 internals changed; read the table
        return False


def _table_settings(options: argparse.Namespace) -> FileSettings | None:
    """``[tool.nylas-scopes]`` of pyproject.toml, when flake8's options (its
    configuration file or command line) set none of the plugin's own, so that a project
    configured for ``nylas-scopes check`` gets the same findings from flake8.  flake8
    never reads pyproject.toml; ``--isolated`` leaves it out as it leaves out every file.
    """
    if any(getattr(options, name, None) for name in _NYLAS_OPTIONS):
        return None
    if _isolated(options):
        return None
    from .settings.config_file import find_pyproject_settings

    return find_pyproject_settings()


def _jobs(options: argparse.Namespace) -> int | None:
    """flake8's ``--jobs`` as a number of processes (None: ``auto``, one per CPU)."""
    jobs = getattr(options, "jobs", None)
    if jobs is None:
        return 1
    if getattr(jobs, "is_auto", False):
        return None
    number = getattr(jobs, "n_jobs", 1)
    return number if isinstance(number, int) and number > 0 else 1


class _TableFilter:
    """What the table's ``select``, ``ignore``, ``per-file-ignores`` and ``exclude``
    hide, on top of what flake8 decides.

    flake8 still decides what it shows: the table can hide a code, never show one
    flake8 would not (an opt-in code needs selecting in flake8's configuration too).
    """

    def __init__(self, table: FileSettings, arguments: Sequence[str]) -> None:
        from .commands.check import CheckSettings, PerFileSelection
        from .settings.selection import PLUGIN_PREFIX, Selection

        chosen = table.selection
        # Only what narrows: every code is selected unless the table's select leaves it
        # out, and nothing is ignored by default (flake8 keeps its own default-off list).
        self.selection = Selection(
            select=chosen.select if chosen.select is not None else (PLUGIN_PREFIX,),
            ignore=(),
            extend_select=chosen.extend_select,
            extend_ignore=(*(chosen.ignore or ()), *chosen.extend_ignore),
        )
        self.exclude = table.exclude
        self.arguments = tuple(arguments)
        self.reported: Callable[[Finding], bool] = PerFileSelection(
            CheckSettings(selection=self.selection, per_file_ignores=table.per_file_ignores)
        )

    def skips(self, filename: str) -> bool:
        from .project.files import left_out

        return left_out(filename, self.arguments, self.exclude)


class NylasScopesChecker:
    name = "flake8-nylas-scopes"
    version = __version__

    config: ClassVar[Config] = Config()
    enabled_codes: ClassVar[frozenset[str]] = frozenset(
        code for code in CODES if default_code_filter(code)
    )
    exclude: ClassVar[tuple[str, ...]] = ()
    from_stdin: ClassVar[bool] = True
    # flake8's --jobs: how many processes may read a project's uncached modules (None:
    # one per CPU).  Within flake8's own workers the plugin reads them alone.
    jobs: ClassVar[int | None] = 1
    table_filter: ClassVar[_TableFilter | None] = None
    _session: ClassVar[ProjectSession | None] = None
    _session_key: ClassVar[object] = None

    def __init__(self, tree: ast.Module, filename: str, lines: Sequence[str]) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines

    @staticmethod
    def add_options(parser: Any) -> None:
        parser.extend_default_ignore(sorted(DEFAULT_OFF))
        common = {"parse_from_config": True, "comma_separated_list": True, "default": []}
        parser.add_option(
            "--nylas-providers",
            help="Providers the app's accounts can have (e.g. gmail,office365,imap or "
            "google,microsoft); provider rules NYS201-206 use it. (Default: any)",
            **common,
        )
        parser.add_option(
            "--nylas-granted-scopes",
            help="Scopes granted to tokens obtained outside this code. (Default: none)",
            **common,
        )
        parser.add_option(
            "--nylas-assume-used",
            help="Scopes to treat as used by code the analysis cannot see. (Default: none)",
            **common,
        )
        parser.add_option(
            "--nylas-client-names",
            help="Extra names that hold a Nylas client. (Default: none)",
            **common,
        )
        parser.add_option(
            "--nylas-project-root",
            parse_from_config=True,
            default="",
            help="Root of the project the usage rules look at. (Default: found from "
            "pyproject.toml, setup.cfg or .git)",
        )

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        from flake8.exceptions import ExecutionError

        # flake8 checks "." when it is given no file.
        arguments = getattr(options, "filenames", None) or ["."]
        try:
            table = _table_settings(options)
            if table is None:
                cls.config = make_config(
                    providers=options.nylas_providers,
                    granted_scopes=options.nylas_granted_scopes,
                    assume_used=options.nylas_assume_used,
                    client_names=options.nylas_client_names,
                    project_root=options.nylas_project_root,
                )
            else:
                cls.config = table.config
        except ConfigError as error:
            raise ExecutionError(f"flake8-nylas-scopes: {error}") from None
        enabled = _enabled_codes(options)
        cls.table_filter = None if table is None else _TableFilter(table, arguments)
        if cls.table_filter is not None:
            narrowing = cls.table_filter.selection
            enabled = frozenset(code for code in enabled if narrowing.enabled(code))
        cls.enabled_codes = enabled
        cls.exclude = tuple([
            *getattr(options, "exclude", []),
            *getattr(options, "extend_exclude", []),
            *(table.exclude if table is not None else ()),
        ])
        cls.from_stdin = "-" in getattr(options, "filenames", ["-"])
        cls.jobs = _jobs(options)
        cls._session = None

    def run(self) -> Iterator[Report]:
        # flake8 wraps exceptions raised while building a plugin but not those raised
        # while iterating its results; wrap them so a crash names the plugin and file.
        try:
            reports = list(self._reports())
        except Exception as error:
            from flake8.exceptions import PluginExecutionFailed

            raise PluginExecutionFailed(
                filename=self.filename, plugin_name=f"{self.name}[NYS]", exception=error
            ) from error
        yield from reports

    def _reports(self) -> Iterator[Report]:
        cls = type(self)
        if not cls.enabled_codes:
            # flake8 runs every installed plugin whatever ``--select`` says and drops
            # the codes it does not show afterwards; with every NYS code left out
            # (``--select E,F``, ``--extend-ignore NYS``) the project is not analysed.
            return
        table = cls.table_filter
        if table is not None and table.skips(self.filename):
            return
        key = (cls.config, cls.enabled_codes, cls.exclude, cls.from_stdin, cls.jobs)
        session = cls._session
        if session is None or cls._session_key != key:
            # A session belongs to one configuration: settings changed in-process
            # (tests, editors embedding flake8) must not see another's results.
            session = cls._session = ProjectSession(
                self.config, self.enabled_codes.__contains__, self.exclude, self.from_stdin,
                self.jobs,
            )
            cls._session_key = key
        for finding in session.findings_for(self.filename, "".join(self.lines)):
            if table is None or table.reported(finding):
                yield finding.span.line, finding.span.col, finding.message, type(self)
