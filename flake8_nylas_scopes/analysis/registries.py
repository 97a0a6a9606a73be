"""A table of classes keyed by an attribute each class binds to its provider, built
by a comprehension: ``{cls.provider: cls for cls in (GmailSync, GraphSync)}``.

Read as the dict it builds, ``{GmailSync.provider: GmailSync, GraphSync.provider:
GraphSync}``, whose keys name providers where each class binds that attribute once
(see ``ProviderTests.provider_name``), so that the rules for a table keyed by
providers (``HANDLERS = {"google": GmailSync, ...}``) apply to it as written.
"""

from __future__ import annotations

import ast
from collections.abc import Container


def plain_classes(tree: ast.Module) -> frozenset[str]:
    """The module's top-level classes with no decorator, which may give another
    object, or change the attribute a registry reads."""
    return frozenset(node.name for node in tree.body
                     if isinstance(node, ast.ClassDef) and not node.decorator_list)


def registry_dict(node: ast.expr, classes: Container[str]) -> ast.Dict | None:
    """The dict ``{x.attr: x for x in (A, B)}`` builds, for ``A`` and ``B`` of
    ``classes``: keys ``A.attr`` and ``B.attr``, values the very name nodes of the
    comprehension (the uses of the classes); None for any other expression."""
    if not (isinstance(node, ast.DictComp) and len(node.generators) == 1):
        return None
    loop = node.generators[0]
    if loop.ifs or loop.is_async or not isinstance(loop.target, ast.Name):
        return None
    held = loop.target.id
    key, value = node.key, node.value
    if not (isinstance(value, ast.Name) and value.id == held and isinstance(key, ast.Attribute)
            and isinstance(key.value, ast.Name) and key.value.id == held):
        return None
    if not isinstance(loop.iter, (ast.Tuple, ast.List, ast.Set)) or not loop.iter.elts:
        return None
    names = [element for element in loop.iter.elts
             if isinstance(element, ast.Name) and element.id in classes]
    if len(names) != len(loop.iter.elts):
        return None
    keys: list[ast.expr | None] = [
        ast.copy_location(ast.Attribute(value=ast.copy_location(
            ast.Name(id=name.id, ctx=ast.Load()), name), attr=key.attr, ctx=ast.Load()), name)
        for name in names]
    return ast.copy_location(ast.Dict(keys=keys, values=list(names)), node)
