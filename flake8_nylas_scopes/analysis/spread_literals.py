"""Positional arguments spread from a list or tuple written in the call, read as the
arguments they are: ``executor.submit(*[draft.save])`` is ``executor.submit(draft.save)``.

The readings of a call look at its arguments one by one and leave a spread argument
(``*rest``) aside; a spread of a literal is no such unknown, and left aside it hid the
values handed on (a bound SDK method given to a pool, a client given to a function).
"""

from __future__ import annotations

import ast
import re

# ``(*[`` or ``, *(``: a spread in an argument list (a multiplication never follows
# an opening parenthesis or a comma).  Only a module holding one is walked.
_SPREAD_LITERAL = re.compile(r"[(,]\s*\*\s*[\[(]")


def may_spread_literals(text: str) -> bool:
    """Whether ``text`` may give a call arguments spread from a literal."""
    return _SPREAD_LITERAL.search(text) is not None


def spread_literals(tree: ast.Module) -> None:
    """Write out, in place, each call's positional arguments spread from a list or
    tuple literal (``f(a, *[b, c])`` becomes ``f(a, b, c)``); the elements keep their
    own positions, and a spread inside one (``*[a, *rest]``) stays a spread."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and any(_literal_elements(arg) for arg in node.args):
            node.args = [
                element for arg in node.args
                for element in (_literal_elements(arg) or [arg])
            ]


def _literal_elements(arg: ast.expr) -> list[ast.expr] | None:
    """The elements of ``*[...]`` or ``*(...)`` (None for any other argument, and for
    an empty literal, which the call is given as nothing either way)."""
    if isinstance(arg, ast.Starred) and isinstance(arg.value, (ast.List, ast.Tuple)):
        return arg.value.elts or None
    return None
