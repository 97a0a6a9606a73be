"""The fix as a LibCST codemod command, for ``python -m libcst.tool codemod``.

    python -m libcst.tool codemod --no-format -x \\
        flake8_nylas_scopes.codemod.FixScopesCommand PATH

(``-x`` takes the dotted path of the class; ``--no-format`` stops libcst.tool from
piping every changed file through black, which would rewrite far more than the scope
lists.)  LibCST runs a command on one file at a time, so a scope list is fixed here
only when it is written in the file being changed; ``nylas-scopes fix`` sees the
whole project at once.  The analysis, the choice of fixes and the edits are the same
as the command line's, and so are the settings: the configuration file found from the
current directory (or ``--config``; ``--isolated`` reads none), its ``exclude`` and
``per-file-ignores``, with ``--select``/``--ignore`` on top.  This class only adapts
them to LibCST's command interface.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

import libcst as cst
from libcst.codemod import CodemodContext, SkipFile, VisitorBasedCodemodCommand

from .commands.check import PerFileSelection
from .commands.options import codes_argument, command_settings, file_name_argument
from .fix.fixer import Fixer, with_final_newline
from .fix.guard import unkept_text_problem
from .fix.plan import FixPolicy
from .project.files import left_out
from .settings.config import ConfigError


class FixScopesCommand(VisitorBasedCodemodCommand):
    DESCRIPTION: str = "Rewrite Nylas OAuth scope lists to their minimal form."

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument(
            "--unsafe-fixes",
            dest="unsafe_fixes",
            action="store_true",
            help="Also apply fixes that can change what the app is granted.",
        )
        arg_parser.add_argument(
            "--select", dest="select", type=codes_argument, default=[], help="Codes to fix."
        )
        arg_parser.add_argument(
            "--ignore", dest="ignore", type=codes_argument, default=[], help="Codes not to fix."
        )
        arg_parser.add_argument(
            "--config", dest="config", default=None, type=file_name_argument,
            help="Read settings from this file (pyproject.toml or a file with [flake8]).",
        )
        arg_parser.add_argument(
            "--isolated", dest="isolated", action="store_true",
            help="Ignore configuration files.",
        )

    def __init__(
        self,
        context: CodemodContext,
        unsafe_fixes: bool = False,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
        config: str | None = None,
        isolated: bool = False,
    ) -> None:
        super().__init__(context)
        options = argparse.Namespace(
            config=config, isolated=isolated,
            # An empty list from LibCST's parser means "not given": the file decides.
            select=tuple(select) if select else None,
            ignore=tuple(ignore) if ignore else None,
            extend_select=None, providers=None, granted_scopes=None, assume_used=None,
            client_names=None, project_root=None, exclude=None,
            # LibCST shares the files among its own processes (its --jobs).
            jobs=1,
        )
        try:
            settings = command_settings(options)
        except ConfigError as error:
            # LibCST would show a traceback for any exception raised here.
            print(f"nylas-scopes: error: {error}", file=sys.stderr)
            raise SystemExit(2) from None
        self.exclude = settings.exclude
        self.fixer = Fixer(
            settings.config,
            settings.selection.enabled,
            FixPolicy(unsafe=unsafe_fixes),
            exclude=settings.exclude,
            reported=PerFileSelection(settings),
        )

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        path = self.context.filename or "<stdin>"
        # LibCST walks the directories it is given itself: a file below an excluded
        # directory is left out, as check leaves it out when it walks.
        if left_out(path, [os.curdir], self.exclude):
            raise SkipFile("excluded by the configuration")
        tree = _as_on_disk(path, tree)
        result = self.fixer.run([path], modules={path: tree})
        for skipped in result.skipped:
            self.warn(skipped.describe())
        if result.errors:
            # Nothing is written for a file the analysis cannot read or whose fixed
            # text fails the checks; LibCST reports the reason.
            raise SkipFile("; ".join(result.errors))
        change = result.changes.get(path)
        return change.module if change is not None else tree


def _as_on_disk(path: str, tree: cst.Module) -> cst.Module:
    """``tree`` as LibCST must write it to leave the file at ``path`` as it is.

    LibCST writes a file whenever its text of the tree differs from the file's bytes.
    It drops the final newline of a file with classic Mac OS line endings (``\\r``),
    which is put back, and a form feed at the start of a statement, which cannot be:
    such a file is skipped, whether or not it has anything to fix.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return tree  # not a file (stdin): there is nothing on disk to lose
    text = data.decode(tree.encoding, errors="replace")
    tree = with_final_newline(tree, text)
    if tree.bytes != data:
        lost = unkept_text_problem(text, tree.code) or (
            "LibCST would not write the file back byte for byte"
        )
        raise SkipFile(f"{lost}; the file is left unchanged")
    return tree
