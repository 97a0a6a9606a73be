"""Arguments spread from a literal written in the call, read as the arguments they
are: ``executor.submit(*[draft.save])`` is ``executor.submit(draft.save)``, and
``pool.submit(**{"fn": draft.save})`` is ``pool.submit(fn=draft.save)``.

The readings of a call look at its arguments one by one and leave a spread argument
(``*rest``, ``**options``) aside; a spread of a literal is no such unknown, and left
aside it hid the values handed on (a bound SDK method given to a pool, a client given
to a function).  Only rewrites that keep the call's meaning exactly are made: each
element keeps its position, so a reading of a path or a method by position stays
true.
"""

from __future__ import annotations

import ast
import re

from .tree_walk import walk_nodes

# ``(*[`` or ``, *(``: a spread in an argument list (a multiplication never follows
# an opening parenthesis or a comma); ``(**{`` or ``, **{``: a dict spread as
# keywords.  Only a module holding one is walked.
_SPREAD_LITERAL = re.compile(r"[(,]\s*(?:\*\s*[\[(]|\*\*\s*\{)")


def may_spread_literals(text: str) -> bool:
    """Whether ``text`` may give a call arguments spread from a literal."""
    return _SPREAD_LITERAL.search(text) is not None


def spread_literals(tree: ast.Module) -> None:
    """Write out, in place, each call's positional arguments spread from a list or
    tuple literal (``f(a, *[b, c])`` becomes ``f(a, b, c)``, also nested,
    ``*[*[b], c]``, and joined, ``*[b] + [c]``), and its keywords spread from a dict
    literal whose keys are written names (``f(**{"x": b})`` becomes ``f(x=b)``).  A spread of
    anything else, inside one too (``*[a, *rest]``), stays a spread."""
    # (A node's children are taken before it is given, as ``ast.walk`` takes them:
    # the arguments written out in its place are not walked.)
    for node in walk_nodes(tree):
        if not isinstance(node, ast.Call):
            continue
        if any(_literal_elements(arg) for arg in node.args):
            node.args = _written_out(node.args)
        if any(_literal_keywords(keyword, node) for keyword in node.keywords):
            node.keywords = [
                written for keyword in node.keywords
                for written in (_literal_keywords(keyword, node) or [keyword])
            ]


def _written_out(args: list[ast.expr]) -> list[ast.expr]:
    """``args`` with each spread of a literal replaced by its elements, those spread
    from a literal in turn."""
    out: list[ast.expr] = []
    for arg in args:
        elements = _literal_elements(arg)
        out += _written_out(elements) if elements else [arg]
    return out


def _literal_elements(arg: ast.expr) -> list[ast.expr] | None:
    """The elements of ``*[...]``, ``*(...)`` or ``*[...] + [...]`` (None for any
    other argument, and for an empty literal, which the call is given as nothing
    either way)."""
    if not isinstance(arg, ast.Starred):
        return None
    elements = _joined_elements(arg.value)
    return elements or None


def _joined_elements(value: ast.expr) -> list[ast.expr] | None:
    """The elements of a list or tuple literal, or of literals joined by ``+`` (a
    list's ``+`` takes only lists, a tuple's only tuples, so the joined value holds
    the elements in order)."""
    if isinstance(value, (ast.List, ast.Tuple)):
        return [*value.elts]
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        left = _joined_elements(value.left)
        right = _joined_elements(value.right)
        if left is not None and right is not None:
            return left + right
    return None


def _literal_keywords(keyword: ast.keyword, call: ast.Call) -> list[ast.keyword] | None:
    """The keywords ``**{"x": b}`` gives (``x=b``); None for any other keyword, and
    for a dict with a key that is no name or is given twice (the call would fail, or
    send a key no parameter is named by), and for one spreading another dict
    (``{"x": b, **rest}``, whose ``rest`` may replace ``b``)."""
    if keyword.arg is not None or not isinstance(keyword.value, ast.Dict):
        return None
    taken = {given.arg for given in call.keywords if given.arg is not None}
    written: list[ast.keyword] = []
    for key, value in zip(keyword.value.keys, keyword.value.values):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)
                and key.value.isidentifier() and key.value not in taken):
            return None
        taken.add(key.value)
        written.append(ast.copy_location(ast.keyword(key.value, value), key))
    return written or None
