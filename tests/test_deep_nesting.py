"""Trees as deep as the parser accepts never make the analysis raise RecursionError.

The parser rejects more than 200 nested brackets, but it accepts ``+`` chains, ``elif``
chains, attribute and call chains and conditional expressions thousands of levels
deep: three times Python's default recursion limit.  A recursive visitor dies on them
(and in flake8 one such file used to abort the whole run), so the analysis walks trees
with explicit stacks.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

import pytest

from flake8_nylas_scopes.analysis import module_facts, module_findings
from flake8_nylas_scopes.config import Config, all_codes

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
def test_deepest_tree_the_parser_accepts_is_analysed(shape: Callable[[int], str]) -> None:
    depth, tree, source = deepest_parsable(shape)
    # Deeper than any recursion limit a recursive visitor could live with.
    assert depth >= 1500
    facts = module_facts(tree, "deep.py", source.splitlines(keepends=True))
    module_findings(facts, Config(), all_codes)


def test_a_deep_string_concatenation_is_still_read() -> None:
    source = HEADER + CALL.format("'calendar'" + " + ',calendar'" * 1999)
    facts = module_facts(ast.parse(source), "deep.py", source.splitlines(keepends=True))
    codes = [finding.code for finding in module_findings(facts, Config(), all_codes)]
    # "calendar,calendar,...": every later part repeats the first one.
    assert codes == ["NYS103"] * 1999


def test_every_site_of_a_deep_elif_chain_is_found() -> None:
    source = HEADER + SHAPES["elif chain"](1500)
    facts = module_facts(ast.parse(source), "deep.py", source.splitlines(keepends=True))
    assert len(facts.sites) == 1500
