"""A function that reaches its own names by their text, where no read of a name shows.

``locals()["kw"]["scopes"].append(x)``, ``sys._getframe().f_locals["kw"]``,
``inspect.currentframe().f_locals``, ``vars()["kw"]`` and ``exec(...)`` or
``eval(...)`` may change what any name of the function holds: its dict, its list.
Such a function's names are then not what their assignments say.  A nested
function's ``locals()`` holds the names it takes from the function around it, so
the whole body, nested functions included, is looked at.
"""

from __future__ import annotations

import ast

from .tree_walk import walk_nodes

# Calls that give the calling frame's names (``vars`` and ``locals`` given nothing) or
# run text in it.
_NAMESPACE_CALLS = frozenset({"locals", "vars", "eval", "exec"})
# The attribute of a frame object that holds its names.
_FRAME_NAMES = "f_locals"
# What a module's text holds where one of its functions may do so: most hold none,
# and are not walked again.
_WORDS = ("locals(", "vars(", "eval(", "exec(", _FRAME_NAMES)


def may_read_names_by_text(text: str) -> bool:
    """Whether a module's text may hold a function that reaches names by text."""
    return any(word in text for word in _WORDS)


def reads_names_by_text(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether ``function``'s body (nested functions included) reaches its frame's
    names by their text."""
    for statement in function.body:
        for node in walk_nodes(statement):
            if isinstance(node, ast.Attribute) and node.attr == _FRAME_NAMES:
                return True
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
                    node.func.id in _NAMESPACE_CALLS) and (
                    node.func.id in ("eval", "exec") or not (node.args or node.keywords)):
                return True
    return False
