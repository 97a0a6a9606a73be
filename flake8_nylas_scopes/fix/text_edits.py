"""A finding's fix as an exact text edit, for reporters that carry fixes (SARIF).

Only edits whose result is certain are produced:

* removing an element of a list, tuple or set literal, with its comma (a line left
  blank goes with it);
* replacing such an element by one or more string literals;
* rewriting a plain one-token string literal whose comma-separated parts are the
  scopes (``"email.read_only,email.send"``).

Anything else (an item held in a constant, a string built with ``+`` or inside a URL,
a literal with escapes, an append or a new ``scopes`` argument) gets no edit: the
``fix`` command's codemod handles those with a full syntax tree.
"""

from __future__ import annotations

import ast
import copy
import io
import tokenize
from dataclasses import dataclass

from ..analysis.facts import Span
from ..analysis.ast_names import structure
from ..analysis.source import SourceMap
from ..findings import Fix, FixAction
from ..spans import source_lines


@dataclass(frozen=True)
class TextEdit:
    """Replace the text from (line, col) to (end_line, end_col) by ``text``.

    Lines are 1-based, columns 0-based character offsets, the end exclusive.
    """

    line: int
    col: int
    end_line: int
    end_col: int
    text: str


_Key = tuple[int, int, int, int]


def _key(span: Span) -> _Key:
    return (span.line, span.col, span.end_line, span.end_col)


class FixEditor:
    """Edits for the fixes of one file, computed from its source.

    Every edit is checked before it is returned: the edited source must parse to the
    tree the fix describes (the element gone, or the literal replaced), so an edit can
    never produce broken code or change anything else.
    """

    def __init__(self, path: str, source: str) -> None:
        self._source = source
        self._lines = source_lines(source)
        self._tree: ast.Module | None = None
        # Where each string literal is: its index and its parent's in ``ast.walk`` order.
        self._strings: dict[_Key, tuple[int, int]] = {}
        try:
            self._tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return
        positions = SourceMap(path, self._lines)
        nodes = list(ast.walk(self._tree))
        index = {id(node): number for number, node in enumerate(nodes)}
        for parent in nodes:
            for child in ast.iter_child_nodes(parent):
                if isinstance(child, ast.Constant) and isinstance(child.value, str):
                    key = _key(positions.span(child))
                    self._strings[key] = (index[id(child)], index[id(parent)])

    def edit(self, fix: Fix) -> TextEdit | None:
        if self._tree is None or fix.action not in {FixAction.REMOVE, FixAction.REPLACE}:
            return None
        found = self._strings.get(_key(fix.span))
        if found is None:
            return None
        expected = copy.deepcopy(self._tree)
        nodes = list(ast.walk(expected))
        node, parent = nodes[found[0]], nodes[found[1]]
        if not isinstance(node, ast.Constant):
            return None
        literal = self._literal(fix.span)
        if literal is None:
            return None
        edit = self._edit(fix, node, parent, literal)
        if edit is None or not self._gives(edit, expected):
            return None
        return edit

    def _edit(
        self, fix: Fix, node: ast.Constant, parent: ast.AST, literal: str
    ) -> TextEdit | None:
        """The edit, and ``node``/``parent`` changed to what the edit should produce."""
        if _is_string_part(fix, node):
            parts = str(node.value).split(",")
            parts[fix.part:fix.part + 1] = (
                [] if fix.action is FixAction.REMOVE else list(fix.replacement)
            )
            node.value = ",".join(parts)
            quoted = _quoted(node.value, literal)
            return None if quoted is None else self._replace(fix.span, quoted)
        if node.value != fix.text or not isinstance(parent, (ast.List, ast.Tuple, ast.Set)):
            return None
        position = next(
            (number for number, element in enumerate(parent.elts) if element is node), None
        )
        if position is None:
            return None
        if fix.action is FixAction.REPLACE:
            texts = [_quoted(scope, literal) for scope in fix.replacement]
            if not texts or any(text is None for text in texts):
                return None
            parent.elts[position:position + 1] = [
                ast.Constant(value=scope) for scope in fix.replacement
            ]
            return self._replace(fix.span, ", ".join(text for text in texts if text))
        if isinstance(parent, ast.Set) and len(parent.elts) == 1:
            return None  # ``{}`` would be a dict
        del parent.elts[position]
        return self._remove_element(fix.span, isinstance(parent, ast.Tuple))

    def _gives(self, edit: TextEdit, expected: ast.Module) -> bool:
        lines = list(self._lines)
        start = sum(len(line) for line in lines[:edit.line - 1]) + edit.col
        end = sum(len(line) for line in lines[:edit.end_line - 1]) + edit.end_col
        edited = self._source[:start] + edit.text + self._source[end:]
        try:
            tree = ast.parse(edited)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return False
        return structure(tree) == structure(expected)

    # -- source text ------------------------------------------------------------------

    def _text(self, line: int, col: int, end_line: int, end_col: int) -> str:
        if line == end_line:
            return self._lines[line - 1][col:end_col]
        parts = [self._lines[line - 1][col:]]
        parts.extend(self._lines[line:end_line - 1])
        parts.append(self._lines[end_line - 1][:end_col])
        return "".join(parts)

    def _literal(self, span: Span) -> str | None:
        """The literal's source when it is one plain string token without escapes."""
        if not 1 <= span.line <= span.end_line <= len(self._lines):
            return None
        text = self._text(span.line, span.col, span.end_line, span.end_col)
        try:
            tokens = [
                token
                for token in tokenize.generate_tokens(io.StringIO(text).readline)
                if token.type not in {tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER}
            ]
        except (tokenize.TokenError, SyntaxError):
            return None
        if len(tokens) != 1 or tokens[0].type != tokenize.STRING or "\\" in text:
            return None
        if text[:1] not in {"'", '"'} or text.startswith(("'''", '"""')):
            return None  # a prefix (r, u) or a triple-quoted string: leave it alone
        return text

    # -- edits ------------------------------------------------------------------------

    def _replace(self, span: Span, text: str) -> TextEdit:
        return TextEdit(span.line, span.col, span.end_line, span.end_col, text)

    def _remove_element(self, span: Span, keep_tuple_comma: bool) -> TextEdit:
        line, col, end_line, end_col = span.line, span.col, span.end_line, span.end_col
        last = self._lines[end_line - 1]
        after = _skip_blanks(last, end_col)
        if after < len(last) and last[after] == ",":
            # The element and its comma, and the blanks up to what follows on the line.
            end_col = _skip_blanks(last, after + 1)
            if end_col < len(last) and last[end_col] in ")]}" and line == end_line:
                # ``["a", "b",]`` becomes ``["a",]``, not ``["a", ]``.
                col = _skip_blanks_back(self._lines[line - 1], col)
        else:
            first = self._lines[line - 1]
            before = _skip_blanks_back(first, col)
            if before > 0 and first[before - 1] == ",":
                # The last element: take the comma before it, except in a tuple, where
                # ``("a", "b")`` must become ``("a",)`` and not the string ``("a")``.
                col = before if keep_tuple_comma else before - 1
        head = self._lines[line - 1][:col]
        tail = self._lines[end_line - 1][end_col:]
        if not head.strip() and not tail.strip() and end_line < len(self._lines):
            # Nothing else on the element's lines: drop the lines themselves.
            return TextEdit(line, 0, end_line + 1, 0, "")
        return TextEdit(line, col, end_line, end_col, "")


def _is_string_part(fix: Fix, node: ast.Constant) -> bool:
    """Whether the fix edits one comma-separated part of this string, not all of it.

    A string that holds ``?``, ``&`` or ``=`` is a URL or a query whose scopes are
    only one parameter; its parts are not the scopes.
    """
    value = str(node.value)
    if value == fix.text:
        return False  # the whole literal is the item: a list element
    parts = value.split(",")
    return (
        not any(character in value for character in "?&=")
        and 0 <= fix.part < len(parts)
        and parts[fix.part] == fix.text
    )


def _quoted(value: str, like: str) -> str | None:
    """``value`` as a literal with the quote character of ``like``; None if it needs escapes."""
    quote = like[0]
    if quote in value or "\\" in value or not value.isprintable():
        return None
    return f"{quote}{value}{quote}"


def _skip_blanks(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t":
        index += 1
    return index


def _skip_blanks_back(text: str, index: int) -> int:
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    return index
