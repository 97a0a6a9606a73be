"""The flake8 plugin: a thin adapter over the shared analysis."""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from . import __version__
from .codes import CODES, DEFAULT_OFF
from .config import Config, ConfigError, default_code_filter, make_config
from .project import ProjectSession

Report = tuple[int, int, str, type[Any]]


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


class NylasScopesChecker:
    name = "flake8-nylas-scopes"
    version = __version__

    config: ClassVar[Config] = Config()
    enabled_codes: ClassVar[frozenset[str]] = frozenset(
        code for code in CODES if default_code_filter(code)
    )
    exclude: ClassVar[tuple[str, ...]] = ()
    from_stdin: ClassVar[bool] = True
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

        try:
            cls.config = make_config(
                providers=options.nylas_providers,
                granted_scopes=options.nylas_granted_scopes,
                assume_used=options.nylas_assume_used,
                client_names=options.nylas_client_names,
                project_root=options.nylas_project_root,
            )
        except ConfigError as error:
            raise ExecutionError(f"flake8-nylas-scopes: {error}") from None
        cls.enabled_codes = _enabled_codes(options)
        cls.exclude = tuple(
            [*getattr(options, "exclude", []), *getattr(options, "extend_exclude", [])]
        )
        cls.from_stdin = "-" in getattr(options, "filenames", ["-"])
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
        key = (cls.config, cls.enabled_codes, cls.exclude, cls.from_stdin)
        session = cls._session
        if session is None or cls._session_key != key:
            # A session belongs to one configuration: settings changed in-process
            # (tests, editors embedding flake8) must not see another's results.
            session = cls._session = ProjectSession(
                self.config, self.enabled_codes.__contains__, self.exclude, self.from_stdin
            )
            cls._session_key = key
        for finding in session.findings_for(self.filename, "".join(self.lines)):
            yield finding.span.line, finding.span.col, finding.message, type(self)
