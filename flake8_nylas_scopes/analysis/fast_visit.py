"""``ast.NodeVisitor``'s protocol at a fraction of its cost per node.

``NodeVisitor.visit`` builds a method name and looks it up for every node, and its
``generic_visit`` goes through ``ast.iter_fields``, a generator.  On a module that uses
Nylas the extractors visit every node, so that overhead alone cost more than parsing
the module.  Here each visitor class gets a table from node type to handler once, and
nodes that cannot hold anything of interest (names, constants, operators, contexts)
are not entered unless the class handles them.  The order of visits is the same as
``NodeVisitor``'s: depth first, fields in their declared order.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any, ClassVar

from .tree_walk import all_node_kinds, node_fields

_Handler = Callable[[Any, Any], None]

_ALL_NODE_TYPES = all_node_kinds()

# Contexts and operators: fields that hold only these are read by a visitor only
# when it handles one of them.
_MARK_BASES = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)

# Nodes without children that can matter: entering them only costs time.
_LEAF_TYPES: frozenset[type[ast.AST]] = frozenset(
    kind
    for kind in _ALL_NODE_TYPES
    if issubclass(kind, (*_MARK_BASES, ast.Name, ast.Constant, ast.alias, ast.type_ignore))
)


class FastVisitor:
    """Subclasses define ``visit_<NodeType>`` methods as with ``ast.NodeVisitor``."""

    _dispatch: ClassVar[dict[type, _Handler]] = {}
    # For each node class, the fields ``generic_visit`` reads: those that may hold a
    # node, less the contexts' and operators' in a visitor that handles none of
    # them (see ``node_fields``).
    _fields_of: ClassVar[dict[type, tuple[str, ...]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dispatch: dict[type, _Handler] = {}
        for kind in _ALL_NODE_TYPES:
            handler = getattr(cls, f"visit_{kind.__name__}", None)
            if handler is not None:
                dispatch[kind] = handler
            elif kind not in _LEAF_TYPES and kind._fields:
                dispatch[kind] = cls.generic_visit
        cls._dispatch = dispatch
        marks = any(issubclass(kind, _MARK_BASES) for kind in dispatch)
        cls._fields_of = {kind: node_fields(kind, marks) for kind in _ALL_NODE_TYPES}

    def visit(self, node: ast.AST) -> None:
        handler = self._dispatch.get(node.__class__)
        if handler is not None:
            handler(self, node)

    def generic_visit(self, node: ast.AST) -> None:
        dispatch = self._dispatch
        # A class not in the table (one made outside ``ast``) has all its fields read.
        fields = self._fields_of.get(node.__class__)
        for name in node._fields if fields is None else fields:
            value = getattr(node, name, None)
            if value.__class__ is list:
                for child in value:
                    handler = dispatch.get(child.__class__)
                    if handler is not None:
                        handler(self, child)
            else:
                handler = dispatch.get(value.__class__)
                if handler is not None:
                    handler(self, value)
