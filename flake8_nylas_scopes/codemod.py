"""The fix as a LibCST codemod command, for ``python -m libcst.tool codemod``.

    python -m libcst.tool codemod --no-format -x \\
        flake8_nylas_scopes.codemod.FixScopesCommand PATH

(``-x`` takes the dotted path of the class; ``--no-format`` stops libcst.tool from
piping every changed file through black, which would rewrite far more than the scope
lists.)  LibCST runs a command on one file at a time, so a scope list is fixed here
only when it is written in the file being changed; ``nylas-scopes fix`` sees the
whole project at once.  The analysis, the choice of fixes and the edits are the same
as the command line's; this class only adapts them to LibCST's command interface.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import libcst as cst
from libcst.codemod import CodemodContext, SkipFile, VisitorBasedCodemodCommand

from .cli_settings import code_filter, codes_argument
from .config import make_config
from .fix_plan import FixPolicy
from .fixer import Fixer


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

    def __init__(
        self,
        context: CodemodContext,
        unsafe_fixes: bool = False,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
    ) -> None:
        super().__init__(context)
        self.fixer = Fixer(
            make_config(),
            code_filter(select or [], ignore or [], []),
            FixPolicy(unsafe=unsafe_fixes),
        )

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        path = self.context.filename or "<stdin>"
        result = self.fixer.run([path], modules={path: tree})
        for skipped in result.skipped:
            self.warn(skipped.describe())
        if result.errors:
            # Nothing is written for a file the analysis cannot read or whose fixed
            # text fails the checks; LibCST reports the reason.
            raise SkipFile("; ".join(result.errors))
        change = result.changes.get(path)
        return change.module if change is not None else tree
