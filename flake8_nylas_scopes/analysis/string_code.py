"""Code the module runs from a string, in its own namespace.

``eval("nylas.events.list(grant_id)")``, ``exec(SOURCE)``, ``timeit.timeit(stmt,
globals=globals())`` and ``cProfile.runctx(stmt, globals(), locals())`` run the text
with the caller's names: each name the text reads is used there as the code would
use it, which the analysis does not follow (it escapes).  A namespace given as a dict
of the module's own making (``exec(code, {"client": client})``) hands the values
it holds on as any call's argument does, and is not read here.  Sources: the Python
documentation of ``eval``/``exec`` (the current globals and locals when none are
given), ``timeit`` (``globals``) and ``profile``/``cProfile`` (``run`` in
``__main__``'s namespace, ``runctx`` in the ones given).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .tree_walk import walk_nodes

__all__ = ["STRING_CODE_WORDS", "names_read_by_string_code"]

# The runners, by dotted name: where their code argument is (position, keyword), and
# where their namespace is (position, keyword; None: the runner's own is the
# caller's, or ``__main__``'s, which a script's module is).
_RUNNERS: dict[str, tuple[tuple[int, str], tuple[int, str] | None]] = {
    "eval": ((0, "source"), (1, "globals")),
    "exec": ((0, "source"), (1, "globals")),
    "timeit.timeit": ((0, "stmt"), (-1, "globals")),
    "timeit.repeat": ((0, "stmt"), (-1, "globals")),
    "timeit.Timer": ((0, "stmt"), (-1, "globals")),
    "cProfile.run": ((0, "command"), None),
    "profile.run": ((0, "command"), None),
    "cProfile.runctx": ((0, "command"), (1, "globals")),
    "profile.runctx": ((0, "command"), (1, "globals")),
}
# Text a module needs for any of them.
STRING_CODE_WORDS = ("eval(", "exec(", "timeit", "run(", "runctx(")
# Calls that give the caller's own namespace.
_OWN_NAMESPACES = frozenset({"globals", "locals", "vars"})


def names_read_by_string_code(
    node: ast.Call, callee: str, text_of: Callable[[ast.expr], str | None],
) -> list[str] | None:
    """The names the code a call runs from a string reads in the caller's namespace;
    None when the call runs no such code (another call, a namespace of its own, a
    text that is no Python).  ``text_of`` gives the string a node holds (a constant,
    or a name bound once to one); None where it cannot be read, and then every name
    may be read: ``["*"]``."""
    runner = _RUNNERS.get(callee)
    if runner is None:
        return None
    (code_position, code_keyword), namespace = runner
    code = _argument(node, code_position, code_keyword)
    if code is None:
        return None
    if namespace is not None:
        given = _argument(node, *namespace)
        if callee.startswith("timeit") and given is None:
            return None  # timeit's own namespace: the caller's names are not seen
        if given is not None and not _own_namespace(given):
            return None
    text = text_of(code)
    if text is None:
        return ["*"]
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # fails when run: reads nothing
    return sorted({found.id for found in walk_nodes(tree)
                   if isinstance(found, ast.Name) and isinstance(found.ctx, ast.Load)})


def _argument(node: ast.Call, position: int, keyword: str) -> ast.expr | None:
    for given in node.keywords:
        if given.arg == keyword:
            return given.value
    if 0 <= position < len(node.args) and not isinstance(node.args[position], ast.Starred):
        return node.args[position]
    return None


def _own_namespace(node: ast.expr) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in _OWN_NAMESPACES and not node.args and not node.keywords)
