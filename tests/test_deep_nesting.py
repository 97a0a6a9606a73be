"""Trees as deep as the parser accepts never make the analysis raise RecursionError.

The parser rejects more than 200 nested brackets, but it accepts ``+`` chains, ``elif``
chains, attribute and call chains and conditional expressions thousands of levels
deep: three times Python's default recursion limit.  The analysis either reads such a
file or reports it as a file it cannot analyse, by name; it never raises, and in a
project such a file counts as code whose Nylas calls are unknown.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

import pytest

from pathlib import Path

from flake8_nylas_scopes.settings.config import Config, all_codes
from flake8_nylas_scopes.project.session import analyse

HEADER = "from nylas import APIClient\n"
CALL = "APIClient().authentication_url('https://a/cb', scopes={})\n"

SHAPES: dict[str, Callable[[int], str]] = {
    "string concatenation": lambda n: CALL.format(" + ".join(["'calendar,'"] * n)),
    "list concatenation": lambda n: CALL.format(" + ".join(["['calendar']"] * n)),
    "hosted url concatenation": lambda n: (
        "URL = 'https://api.nylas.com/oauth/authorize?scopes=' + "
        + " + ".join(["part"] * n) + "\n"
    ),
    "attribute chain": lambda n: "x = nylas" + ".a" * n + ".authentication_url('cb')\n",
    "call chain": lambda n: "x = APIClient" + "()" * n + ".authentication_url('cb')\n",
    "subscript chain": lambda n: "x = SCOPES" + "[0]" * n + "\n",
    "unary chain": lambda n: "x = " + "-" * n + "1\n",
    "conditional chain": lambda n: CALL.format("['calendar'] if a else " * n + "None"),
    "elif chain": lambda n: "if x == 0:\n    pass\n" + "".join(
        f"elif x == {i}:\n    " + CALL.format("['email.send']") for i in range(n)
    ),
}


def deepest_parsable(shape: Callable[[int], str]) -> tuple[int, ast.Module, str]:
    """The tree of ``shape`` at the largest tried depth the parser accepts."""
    for depth in (5000, 2900, 2500, 2000, 1500):
        source = HEADER + shape(depth)
        try:
            return depth, ast.parse(source), source
        except (RecursionError, MemoryError, SyntaxError):
            continue
    raise AssertionError("the parser rejects even 1,500 levels")


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_deepest_tree_the_parser_accepts_is_analysed_or_named(
    shape: Callable[[int], str], tmp_path: Path
) -> None:
    depth, _, source = deepest_parsable(shape)
    # Deeper than any recursion limit a recursive visitor could live with.
    assert depth >= 1500
    path = tmp_path / "deep.py"
    path.write_text(source)
    result = analyse([str(path)], Config(), all_codes, use_cache=False)
    assert [error.message for error in result.errors] in (
        [],
        [f"{path}: cannot parse (nested too deeply: RecursionError)"],
    )


def test_a_deep_file_silences_unused_scope_findings(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = deep\n")
    (tmp_path / "auth.py").write_text(
        HEADER + CALL.format("['calendar.read_only', 'contacts']")
        + "def agenda(client: APIClient):\n    return client.events.all()\n"
    )
    deep = "x = nylas" + ".a" * 2500 + ".contacts.all()\n"
    (tmp_path / "deep.py").write_text(deep)
    result = analyse([str(tmp_path / "auth.py")], Config(), all_codes, use_cache=False)
    # The deep file's calls are unknown: 'contacts' must not be called unused.
    assert "NYS303" not in {finding.code for finding in result.findings}


def test_fix_names_a_file_too_deep_for_libcst_and_leaves_it(tmp_path: Path) -> None:
    # ``ast`` reads 900 nested unary minuses, so the analysis finds the duplicate;
    # LibCST, which walks its trees recursively, cannot copy that tree to edit it.
    from codemod_support import run_cli

    source = HEADER + "x = " + "-" * 900 + "1\n" + CALL.format("['calendar', 'calendar']")
    path = tmp_path / "deep.py"
    path.write_text(source)
    result = run_cli("fix", str(path))
    assert result.code == 2
    assert result.stderr == (
        f"nylas-scopes: error: {path}: nested too deeply for LibCST to edit "
        "(RecursionError); the file is left unchanged\n"
    )
    assert path.read_text() == source
