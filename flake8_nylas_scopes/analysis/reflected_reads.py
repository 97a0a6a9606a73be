"""Reads of a member by Python's own protocol, spelt as ``getattr``.

``client.__getattribute__("events")`` and ``object.__getattribute__(client,
"events")`` read ``client.events``, as ``getattr(client, "events")`` does, which every
reading of the analysis follows (a name it can read is the attribute; another is a
member it cannot tell).  In a tree of the module's own, such calls are rewritten as
``getattr`` calls at the same place, so that each reading follows them the same way.
"""

from __future__ import annotations

import ast

from .tree_walk import walk_nodes

_MEMBER_READER = "__getattribute__"


def may_read_by_protocol(text: str) -> bool:
    """Whether the text may call ``__getattribute__``."""
    return _MEMBER_READER in text


def spell_as_getattr(tree: ast.Module) -> None:
    """Rewrite each ``obj.__getattribute__(name)`` and ``object.__getattribute__(obj,
    name)`` of ``tree`` (the module's own) as ``getattr(obj, name)``."""
    for node in walk_nodes(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == _MEMBER_READER and not node.keywords):
            continue
        owner = node.func.value
        if isinstance(owner, ast.Name) and owner.id == "object":
            if len(node.args) != 2:
                continue
            read_from, name = node.args
        elif len(node.args) == 1:
            read_from, name = owner, node.args[0]
        else:
            continue
        node.func = ast.copy_location(ast.Name("getattr", ast.Load()), node.func)
        node.args = [read_from, name]
