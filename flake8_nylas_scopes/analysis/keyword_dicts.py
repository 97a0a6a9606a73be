"""Dicts written as ``dict(...)`` calls with keywords, read as the displays they build.

``dict(google=GmailHandler, microsoft=OutlookHandler)`` is the table
``{"google": GmailHandler, "microsoft": OutlookHandler}``: the rules that read a dict
keyed by providers read it the same way, its values the very nodes of the call.
"""

from __future__ import annotations

import ast


def keyword_dict(node: ast.expr, complete: bool = True) -> ast.Dict | None:
    """The dict ``dict(a=x, b=y)`` builds, keys as string literals placed where the
    keywords are; None for any other expression.  A call that also merges another
    mapping (``dict(base, a=x)``, ``dict(**base, a=x)``), whose keys are not all
    written here, gives the dict of its written keywords only when ``complete`` is
    False."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "dict"):
        return None
    written = [keyword for keyword in node.keywords if keyword.arg is not None]
    if not written or (complete and (node.args or len(written) != len(node.keywords))):
        return None
    keys: list[ast.expr | None] = [
        ast.copy_location(ast.Constant(keyword.arg), keyword.value) for keyword in written]
    return ast.copy_location(
        ast.Dict(keys=keys, values=[keyword.value for keyword in written]), node)
