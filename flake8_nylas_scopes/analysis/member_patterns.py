"""The members a ``getattr`` whose name is built at run time may read.

``getattr(providers, f"sync_{grant.provider}")`` reads a member whose name starts
with ``sync_``: never the module's client ``nylas``, whatever the provider.  The
name is kept as a pattern, the known text around one ``*`` (``sync_*``); a name of
which nothing is known is ``*``, any member.
"""

from __future__ import annotations

import ast

from .flow_facts import ANY_MEMBER


def member_pattern(node: ast.expr) -> str:
    """``f"sync_{kind}"``, ``"sync_" + kind`` as ``sync_*``; ``*`` for any other name
    (more than one part built, a format spec, a call)."""
    if isinstance(node, ast.JoinedStr):
        parts: list[ast.expr] = [
            value.value if isinstance(value, ast.FormattedValue) and (
                value.conversion == -1 and value.format_spec is None) else value
            for value in node.values]
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = _added(node)
    else:
        return ANY_MEMBER
    texts = [part.value if isinstance(part, ast.Constant) and isinstance(part.value, str)
             else None for part in parts]
    built = [index for index, text in enumerate(texts) if text is None]
    if len(built) != 1 or any(isinstance(part, ast.FormattedValue) for part in parts):
        return ANY_MEMBER
    index = built[0]
    known = ("".join(str(text) for text in texts[:index]),
             "".join(str(text) for text in texts[index + 1:]))
    if ANY_MEMBER in known[0] or ANY_MEMBER in known[1]:
        return ANY_MEMBER
    return f"{known[0]}{ANY_MEMBER}{known[1]}"


def is_pattern(name: str) -> bool:
    """Whether an attribute's name is a pattern of names rather than one name."""
    return ANY_MEMBER in name


def member_matches(pattern: str, name: str) -> bool:
    """Whether a member called ``name`` may be what ``pattern`` reads (the built part
    not empty)."""
    prefix, _, suffix = pattern.partition(ANY_MEMBER)
    return len(name) > len(prefix) + len(suffix) and name.startswith(prefix) and (
        name.endswith(suffix))


def _added(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [*_added(node.left), *_added(node.right)]
    return [node]
