"""Reading a scopes value from the expression that builds it, without running it.

Understood shapes: list/tuple/set literals; a bare comma-joined string (the wire
format); lists holding comma-joined strings; ``",".join([...])``; ``+`` of literals;
starred splices; names bound once in the enclosing scopes (module constants
included).  Anything else is unresolved, and an unresolved value produces no list
findings.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass

from .facts import ItemForm, ScopeItem, ScopeValue, ValueState
from .prefilter import SCOPE_FAMILIES
from .source import SourceMap

# What a Nylas v2 scope name looks like, to tell scope lists from other string lists.
SCOPE_WORD = re.compile(rf"^({'|'.join(SCOPE_FAMILIES)})(\.[a-z_]+)?$")


# Names are followed through at most this many assignments; deeper chains are
# unusual in real code and a bound keeps pathological input cheap.
_MAX_DEPTH = 8

Lookup = Callable[[str], "ast.expr | None"]
Qualify = Callable[[ast.expr], "str | None"]


@dataclass(frozen=True)
class _Parts:
    """Intermediate result: items read so far and whether anything was missed."""

    items: tuple[ScopeItem, ...]
    complete: bool
    is_string: bool = False


def _unresolved(reason: str, reference: str = "") -> ScopeValue:
    return ScopeValue(ValueState.UNRESOLVED, complete=False, reason=reason, reference=reference)


class ValueReader:
    def __init__(self, source: SourceMap, lookup: Lookup, qualify: Qualify) -> None:
        self._source = source
        self._lookup = lookup
        self._qualify = qualify

    def read(self, node: ast.expr) -> ScopeValue:
        """Resolve ``node`` as a v2 scopes value (the SDK's ``scopes`` argument)."""
        target = self._follow(node)
        if target is None:
            return self._reference_or_unresolved(node)
        if _is_empty_literal(target):
            # Point at the argument as written at the call, not at a constant's value.
            return ScopeValue(ValueState.EMPTY, span=self._source.span(node))
        parts = self._sequence_or_string(target, 0)
        if parts is None:
            return self._reference_or_unresolved(target)
        if not parts.items:
            return _unresolved("no element of the scopes value could be read")
        return ScopeValue(
            ValueState.ITEMS, parts.items, parts.complete, span=self._source.span(target)
        )

    def read_string(self, node: ast.expr) -> str | None:
        """A string constant, following names; None when not a known string."""
        target = self._follow(node)
        if isinstance(target, ast.Constant) and isinstance(target.value, str):
            return target.value
        return None

    def follow(self, node: ast.expr) -> ast.expr | None:
        return self._follow(node)

    def _reference_or_unresolved(self, node: ast.expr) -> ScopeValue:
        reference = self._qualify(node) or ""
        if reference:
            return _unresolved(f"scopes come from {reference}", reference)
        return _unresolved(f"cannot read a scopes value from {_describe(node)}")

    def _follow(self, node: ast.expr, depth: int = 0) -> ast.expr | None:
        """Follow once-bound names to the expression they hold."""
        while isinstance(node, ast.Name):
            if depth >= _MAX_DEPTH:
                return None
            bound = self._lookup(node.id)
            if bound is None:
                return None
            node = bound
            depth += 1
        return node

    def _sequence_or_string(self, node: ast.expr, depth: int) -> _Parts | None:
        if depth > _MAX_DEPTH:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return _Parts(self._string_parts(node.value, node), True, is_string=True)
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return self._elements(node.elts, depth)
        if isinstance(node, ast.Call) and _is_comma_join(node):
            inner = self._follow(node.args[0])
            if inner is None:
                return None
            parts = self._sequence_or_string(inner, depth + 1)
            if parts is None or parts.is_string:
                return None
            return parts
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self._concatenation(node, depth)
        return None

    def _concatenation(self, node: ast.BinOp, depth: int) -> _Parts | None:
        text = _literal_string(node)
        if text is not None:
            # "email.send," + "email.read_only": one string, written where the
            # expression is.
            return _Parts(self._string_parts(text, node), True, is_string=True)
        left = self._follow(node.left)
        right = self._follow(node.right)
        left_parts = self._sequence_or_string(left, depth + 1) if left is not None else None
        right_parts = self._sequence_or_string(right, depth + 1) if right is not None else None
        if (left_parts and left_parts.is_string) or (right_parts and right_parts.is_string):
            return None
        if left_parts is None and right_parts is None:
            return None
        items: tuple[ScopeItem, ...] = ()
        complete = True
        for parts in (left_parts, right_parts):
            if parts is None:
                complete = False
            else:
                items += parts.items
                complete = complete and parts.complete
        return _Parts(items, complete)

    def _elements(self, elements: list[ast.expr], depth: int) -> _Parts:
        items: list[ScopeItem] = []
        complete = True
        for element in elements:
            if isinstance(element, ast.Starred):
                inner = self._follow(element.value)
                parts = self._sequence_or_string(inner, depth + 1) if inner is not None else None
                if parts is None or parts.is_string:
                    complete = False
                else:
                    items.extend(parts.items)
                    complete = complete and parts.complete
                continue
            target = self._follow(element)
            if isinstance(target, ast.Constant) and isinstance(target.value, str):
                items.append(
                    ScopeItem(target.value, self._source.span(target), ItemForm.LIST_ITEM)
                )
            else:
                complete = False
        return _Parts(tuple(items), complete)

    def _string_parts(self, text: str, node: ast.expr) -> tuple[ScopeItem, ...]:
        span = self._source.span(node)
        return tuple(
            ScopeItem(part, span, ItemForm.STRING_PART, index)
            for index, part in enumerate(text.split(","))
        )


def _is_empty_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return node.value is None or node.value == "" or node.value is False
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return not node.elts
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        # list(), tuple(), set() with no arguments.
        return node.func.id in {"list", "tuple", "set"} and not node.args and not node.keywords
    return False


def _is_comma_join(node: ast.Call) -> bool:
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "join"
        and isinstance(func.value, ast.Constant)
        and func.value.value == ","
        and len(node.args) == 1
        and not node.keywords
    )


def _literal_string(node: ast.expr) -> str | None:
    """The value of ``"a" + "b" + ...`` made only of string literals.

    Such a chain can be thousands deep, so it is walked with a stack.
    """
    parts: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Constant) and isinstance(current.value, str):
            parts.append(current.value)
        elif isinstance(current, ast.BinOp) and isinstance(current.op, ast.Add):
            stack.append(current.right)
            stack.append(current.left)
        else:
            return None
    return "".join(parts)


def _describe(node: ast.expr) -> str:
    """The expression as the user wrote it, shortened: messages quote source text,
    never the names of syntax-tree classes."""
    if isinstance(node, ast.Name):
        return f"name {node.id!r}"
    if isinstance(node, ast.Attribute):
        return f"attribute {node.attr!r}"
    try:
        text = ast.unparse(node)
    except (ValueError, TypeError, AttributeError, RecursionError):
        return "an expression"
    text = " ".join(text.split())
    return repr(text if len(text) <= 50 else text[:47] + "...")
