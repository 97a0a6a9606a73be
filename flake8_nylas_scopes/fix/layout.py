"""Removing, splitting and appending items of a comma-separated sequence, keeping its
layout: order, comments, trailing comma, one item per line or all on one line.

A sequence (the elements of a list, tuple or set, or the arguments of a call) is
seen as items separated by *gaps*: ``gaps[i]`` is the whitespace before item ``i``
and ``gaps[-1]`` the whitespace before the closing bracket.  A gap that ends a line
(:class:`libcst.ParenthesizedWhitespace`) holds the trailing comment of the line it
ends, then whole comment lines, then the indentation of what follows.  Whose comment
is whose follows from that:

* a trailing comment belongs to the line it ends; it goes only when every item on
  that line goes;
* a comment on a line of its own is never removed;
* the indentation belongs to whatever follows the gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar, Union

import libcst as cst

Gap = cst.BaseParenthesizableWhitespace
Item = TypeVar("Item", bound=cst.CSTNode)
SequenceNode = Union[cst.List, cst.Tuple, cst.Set]

_NOTHING = cst.SimpleWhitespace("")
_SPACE = cst.SimpleWhitespace(" ")


@dataclass
class Layout(Generic[Item]):
    """Items with the whitespace around them; see the module docstring."""

    items: list[Item]
    gaps: list[Gap]  # len(items) + 1 entries
    comma_before: list[Gap]  # whitespace between each item and its comma
    trailing: bool  # a comma after the last item
    trailing_after: Gap  # whitespace right after that comma (before ``gaps[-1]``)
    # The gap before the first item that starts a line, kept for when every item goes
    # and new ones come: they go where the old ones were, not flush left.
    item_gap: Gap | None = None

    def __post_init__(self) -> None:
        if self.item_gap is None:
            self.item_gap = next((gap for gap in self.gaps[:len(self.items)]
                                  if isinstance(gap, cst.ParenthesizedWhitespace)), None)

    @property
    def multi_line(self) -> bool:
        return any(isinstance(gap, cst.ParenthesizedWhitespace) for gap in self.gaps)

    def remove(self, index: int) -> None:
        last = index == len(self.items) - 1
        merged = _merge(self.gaps[index], self.gaps[index + 1], last)
        self.gaps[index:index + 2] = [merged]
        del self.items[index]
        del self.comma_before[index]

    def split(self, index: int, replacement: Sequence[Item]) -> None:
        """Put several items where one was, each on its own line if it was."""
        fresh = _fresh_gap(self.gaps[index])
        self.items[index:index + 1] = list(replacement)
        self.gaps[index + 1:index + 1] = [fresh] * (len(replacement) - 1)
        self.comma_before[index:index] = [_NOTHING] * (len(replacement) - 1)

    def append(self, new_items: Sequence[Item]) -> None:
        if not new_items:
            return
        count = len(self.items)
        close = self.gaps[-1]
        if count == 0 and isinstance(close, cst.ParenthesizedWhitespace) \
                and isinstance(self.item_gap, cst.ParenthesizedWhitespace):
            # Every item went from a sequence of one item per line: the new ones take
            # the old items' indentation, the closing bracket keeps its own line.
            item = _fresh_gap(self.item_gap)
            opening = close.with_changes(indent=self.item_gap.indent,
                                         last_line=self.item_gap.last_line)
            self.gaps = [opening, *([item] * (len(new_items) - 1)), _fresh_gap(close)]
        elif count == 0:
            self.gaps = [self.gaps[0], *([_SPACE] * (len(new_items) - 1)), close]
        else:
            before_last = self.gaps[count - 1]
            between: Gap = _SPACE
            fresh: Gap = _SPACE
            if isinstance(before_last, cst.ParenthesizedWhitespace):
                # One item per line: the new ones too, at the same indentation.
                fresh = between = _fresh_gap(before_last)
                if isinstance(close, cst.ParenthesizedWhitespace):
                    # The old last line keeps its comment; comment lines before the
                    # closing bracket stay right before it.
                    between = fresh.with_changes(first_line=close.first_line)
                    close = close.with_changes(first_line=cst.TrailingWhitespace())
            self.gaps = [*self.gaps[:count], between, *([fresh] * (len(new_items) - 1)), close]
        self.items.extend(new_items)
        self.comma_before.extend([_NOTHING] * len(new_items))

    def commas(self) -> list[cst.Comma | cst.MaybeSentinel]:
        out: list[cst.Comma | cst.MaybeSentinel] = []
        last = len(self.items) - 1
        for index in range(len(self.items)):
            if index < last:
                out.append(cst.Comma(self.comma_before[index], self.gaps[index + 1]))
            elif self.trailing:
                out.append(cst.Comma(self.comma_before[index], self.trailing_after))
            else:
                out.append(cst.MaybeSentinel.DEFAULT)
        return out


def _has_comments(gap: Gap) -> bool:
    if not isinstance(gap, cst.ParenthesizedWhitespace):
        return False
    return gap.first_line.comment is not None or any(
        line.comment is not None for line in gap.empty_lines
    )


def _merge(before: Gap, after: Gap, last: bool) -> Gap:
    """The one gap left where an item and its neighbouring gap go."""
    starts_line = isinstance(before, cst.ParenthesizedWhitespace)
    ends_line = isinstance(after, cst.ParenthesizedWhitespace)
    if not starts_line and not ends_line:
        return after if last else before
    if not starts_line:
        # The item ended a line it shared: the line, and its comment, stay.
        return after
    if not ends_line:
        if last and not _has_comments(before):
            # ``["a",\n "b"]`` -> ``["a"]``: the bracket follows the item before.
            return after
        return before
    # The item had its line(s) to itself: its own trailing comment goes with it;
    # the previous line's comment and every comment line stay.
    assert isinstance(before, cst.ParenthesizedWhitespace)
    assert isinstance(after, cst.ParenthesizedWhitespace)
    return cst.ParenthesizedWhitespace(
        first_line=before.first_line,
        empty_lines=[*before.empty_lines, *after.empty_lines],
        indent=after.indent,
        last_line=after.last_line,
    )


def _fresh_gap(model: Gap) -> Gap:
    """A gap like ``model`` (a line break and the same indentation) with no comment."""
    if isinstance(model, cst.ParenthesizedWhitespace):
        return cst.ParenthesizedWhitespace(
            first_line=cst.TrailingWhitespace(),
            empty_lines=[],
            indent=model.indent,
            last_line=model.last_line,
        )
    return _SPACE


# -- lists, tuples and sets -----------------------------------------------------------


def sequence_layout(node: SequenceNode) -> Layout[cst.BaseElement]:
    items = list(node.elements)
    gaps: list[Gap] = [_opening(node)]
    comma_before: list[Gap] = []
    trailing = False
    trailing_after: Gap = _NOTHING
    for index, element in enumerate(items):
        comma = element.comma
        if isinstance(comma, cst.Comma):
            comma_before.append(comma.whitespace_before)
            if index < len(items) - 1:
                gaps.append(comma.whitespace_after)
            else:
                trailing, trailing_after = True, comma.whitespace_after
        else:
            comma_before.append(_NOTHING)
            if index < len(items) - 1:
                gaps.append(_SPACE)
    gaps.append(_closing(node))
    return Layout(items, gaps, comma_before, trailing, trailing_after)


def rebuild_sequence(node: SequenceNode, layout: Layout[cst.BaseElement]) -> SequenceNode:
    if isinstance(node, cst.Tuple) and len(layout.items) == 1:
        # ``("a",)``: without its comma a one-element tuple is not a tuple.
        layout.trailing = True
    elements = [
        item.with_changes(comma=comma) for item, comma in zip(layout.items, layout.commas())
    ]
    opening, closing = layout.gaps[0], layout.gaps[-1]
    if isinstance(node, cst.List):
        return node.with_changes(
            elements=elements,
            lbracket=node.lbracket.with_changes(whitespace_after=opening),
            rbracket=node.rbracket.with_changes(whitespace_before=closing),
        )
    if isinstance(node, cst.Set):
        return node.with_changes(
            elements=elements,
            lbrace=node.lbrace.with_changes(whitespace_after=opening),
            rbrace=node.rbrace.with_changes(whitespace_before=closing),
        )
    if not node.lpar:
        return node.with_changes(elements=elements)
    lpar = [*node.lpar[:-1], node.lpar[-1].with_changes(whitespace_after=opening)]
    rpar = [node.rpar[0].with_changes(whitespace_before=closing), *node.rpar[1:]]
    return node.with_changes(elements=elements, lpar=lpar, rpar=rpar)


def _opening(node: SequenceNode) -> Gap:
    if isinstance(node, cst.List):
        return node.lbracket.whitespace_after
    if isinstance(node, cst.Set):
        return node.lbrace.whitespace_after
    return node.lpar[-1].whitespace_after if node.lpar else _NOTHING


def _closing(node: SequenceNode) -> Gap:
    if isinstance(node, cst.List):
        return node.rbracket.whitespace_before
    if isinstance(node, cst.Set):
        return node.rbrace.whitespace_before
    return node.rpar[0].whitespace_before if node.rpar else _NOTHING


# -- call arguments -----------------------------------------------------------------------


def call_layout(node: cst.Call) -> Layout[cst.Arg]:
    """The arguments of a call; the gap before ``)`` is on the last argument."""
    items = list(node.args)
    gaps: list[Gap] = [node.whitespace_before_args]
    comma_before: list[Gap] = []
    trailing = False
    for index, arg in enumerate(items):
        comma = arg.comma
        last = index == len(items) - 1
        if isinstance(comma, cst.Comma):
            comma_before.append(comma.whitespace_before)
            if not last:
                gaps.append(comma.whitespace_after)
            else:
                trailing = True
                gaps.append(comma.whitespace_after)
        else:
            comma_before.append(_NOTHING)
            if not last:
                gaps.append(_SPACE)
            else:
                gaps.append(arg.whitespace_after_arg)
    if not items:
        gaps.append(_NOTHING)
    return Layout(items, gaps, comma_before, trailing, _NOTHING)


def rebuild_call(node: cst.Call, layout: Layout[cst.Arg]) -> cst.Call:
    args: list[cst.Arg] = []
    last = len(layout.items) - 1
    for index, (arg, comma) in enumerate(zip(layout.items, layout.commas())):
        if index == last and isinstance(comma, cst.Comma):
            comma = comma.with_changes(whitespace_after=layout.gaps[-1])
            args.append(arg.with_changes(comma=comma, whitespace_after_arg=_NOTHING))
        elif index == last:
            args.append(arg.with_changes(comma=comma, whitespace_after_arg=layout.gaps[-1]))
        else:
            args.append(arg.with_changes(comma=comma, whitespace_after_arg=_NOTHING))
    return node.with_changes(args=args, whitespace_before_args=layout.gaps[0])
