"""A last check before a fixed file is written: did the edit change only scope values?

The original and the fixed source are parsed with ``ast`` and compared node by node.
Inside an edited node (a scope list, a scope string, an auth call given ``scopes=``)
only scope strings may differ; everything else must be identical.  A fix that would
turn a one-element tuple into a plain value, empty a set into a dict, or touch any
other code is refused, whatever caused it.

The comparison of trees cannot see text that LibCST itself does not keep: a form
feed at the start of a statement's line is dropped when LibCST writes the module
back, whatever the edit.  So the text LibCST writes for the unedited tree must be the
file's text, line for line (:func:`first_unkept_line`).
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Callable, Collection

from ..analysis.ast_names import structure
from ..analysis.source import SourceMap
from ..spans import source_lines

SpanKey = tuple[int, int, int, int]


def unexpected_change(
    before: str, after: str, path: str, edited: Collection[SpanKey],
    removed: Collection[SpanKey] = (),
) -> str | None:
    """Why ``after`` is not an acceptable fix of ``before``, or None when it is.

    ``removed`` are elements other than strings that a fix removes whole (a scope
    spelled ``GOOGLE + "gmail.readonly"``): they may go, and nothing else of theirs
    may change."""
    try:
        fixed = ast.parse(after, filename=path)
    except (SyntaxError, ValueError) as error:
        return f"the fixed source would not parse ({error})"
    original = ast.parse(before, filename=path)
    return _Comparison(SourceMap(path, source_lines(before)), edited, removed).compare(
        original, fixed
    )


def first_unkept_line(original: str, rendered: str) -> int | None:
    """The first line (1-based) where ``rendered``, LibCST's text of the parsed but
    unedited ``original``, differs from it; None when it is the same text."""
    if rendered == original:
        return None
    # Lines as Python ends them, as the messages count them.
    pairs = itertools.zip_longest(source_lines(original), source_lines(rendered))
    for number, (before, after) in enumerate(pairs, start=1):
        if before != after:
            return number
    return None  # pragma: no cover - the texts differ, so some line does


def unkept_text_problem(original: str, rendered: str) -> str | None:
    """Why the file cannot be written through LibCST without losing text, or None."""
    line = first_unkept_line(original, rendered)
    if line is None:
        return None
    return (
        f"LibCST would not write line {line} back as it is (a form feed at the start "
        "of a statement, say)"
    )


def _is_str(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


class _Comparison:
    def __init__(self, source: SourceMap, edited: Collection[SpanKey],
                 removed: Collection[SpanKey] = ()) -> None:
        self._source = source
        self._edited = set(edited)
        self._removed = set(removed)

    def _key(self, node: ast.AST) -> SpanKey | None:
        if not hasattr(node, "lineno"):
            return None
        span = self._source.span(node)
        return (span.line, span.col, span.end_line, span.end_col)

    def _is_edited(self, node: ast.AST) -> bool:
        return self._key(node) in self._edited

    def _removed_whole(self, node: ast.AST) -> bool:
        return bool(self._removed) and self._key(node) in self._removed

    def compare(self, old: ast.AST, new: ast.AST) -> str | None:
        if _is_str(old) and isinstance(new, ast.List) and self._is_edited(old):
            # A v3 ``scope`` str wrapped in a list of its scopes.
            if new.elts and all(_is_str(element) for element in new.elts):
                return None
            return f"{_where(old)}: a scope string would become a list of other things"
        if type(old) is not type(new):
            return f"{_where(old)}: {type(old).__name__} would become {type(new).__name__}"
        if self._is_edited(old):
            return _compare_edited(old, new, self._removed_whole)
        for name, old_value in ast.iter_fields(old):
            problem = self._compare_values(old, old_value, getattr(new, name, None))
            if problem:
                return problem
        return None

    def _compare_values(self, parent: ast.AST, old: object, new: object) -> str | None:
        if isinstance(old, ast.AST) and isinstance(new, ast.AST):
            return self.compare(old, new)
        if isinstance(old, list) and isinstance(new, list):
            if len(old) != len(new):
                return f"{_where(parent)}: a {type(parent).__name__} would change shape"
            for old_item, new_item in zip(old, new):
                problem = self._compare_values(parent, old_item, new_item)
                if problem:
                    return problem
            return None
        if old != new or type(old) is not type(new):
            return f"{_where(parent)}: {type(parent).__name__} would change"
        return None


def _compare_edited(old: ast.AST, new: ast.AST,
                    removed_whole: Callable[[ast.AST], bool]) -> str | None:
    where = _where(old)
    if isinstance(old, ast.Constant):
        return None if _is_str(new) else f"{where}: a scope string would stop being a string"
    if isinstance(old, (ast.List, ast.Tuple, ast.Set)):
        assert isinstance(new, (ast.List, ast.Tuple, ast.Set))
        # Scope strings may go, come or change; anything else in the list stays as is.
        kept_old = [structure(element) for element in old.elts
                    if not _is_str(element) and not removed_whole(element)]
        kept_new = [structure(element) for element in new.elts if not _is_str(element)]
        if kept_old != kept_new:
            return f"{where}: an element that is not a scope string would change"
        if not new.elts:
            return f"{where}: the scopes would be left empty"
        return None
    if isinstance(old, ast.Call):
        assert isinstance(new, ast.Call)
        if structure(old.func) != structure(new.func) or [structure(a) for a in old.args] != [
            structure(a) for a in new.args
        ]:
            return f"{where}: the call would change beyond its scopes"
        old_keywords = [structure(keyword) for keyword in old.keywords]
        added = [keyword for keyword in new.keywords if structure(keyword) not in old_keywords]
        if [structure(k) for k in new.keywords if k not in added] != old_keywords or not (
            len(added) == 1
            and added[0].arg == "scopes"
            and isinstance(added[0].value, ast.List)
            and all(_is_str(element) for element in added[0].value.elts)
        ):
            return f"{where}: the call would change beyond adding scopes=[...]"
        return None
    return f"{where}: a {type(old).__name__} is not a scope value"


def _where(node: ast.AST) -> str:
    return f"line {getattr(node, 'lineno', '?')}"
