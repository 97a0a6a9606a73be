"""Tests of part of a string that a provider's name may pass.

``grant.kind.startswith("goo")``, ``account["type"].endswith("soft")``, ``"mail" in
grant.kind``, ``re.match("g(oogle|mail)", grant.kind)`` and ``PATTERN.match(grant.kind)``
(with ``PATTERN = re.compile("goo")``) name no provider, but each
may well test the provider's name held in a field of another name: which providers
pass such a test the analysis does not follow.  Nor does it follow a pattern that is
not written as a literal (``re.match(settings.KIND, grant.kind)``, ``re.compile(KIND)``):
whatever it matches, it may be a provider's name.  Only a test of a field (an attribute,
an item, ``.get("key")``, perhaps lowered) is one, and only with a part of a
provider's name of a few letters at least: ``name.endswith("s")`` or ``"mail" in
features`` ask something else.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Collection, Mapping, Sequence

# Shorter parts match too many other words (``.endswith("s")``, ``"map" in
# request.args``): a part found anywhere in the string needs a letter more than one
# at its start or end.
_SHORTEST_END = 3
_SHORTEST_PART = 4
_PART_TESTS = frozenset({"startswith", "endswith"})
_PATTERN_TESTS = frozenset({"match", "search", "fullmatch"})
_SAME_VALUE = frozenset({"lower", "casefold", "strip", "upper"})
_LETTERS = re.compile(r"[A-Za-z]+")


# Patterns compiled by the module, by the name (or class attribute) holding them:
# the literal each binding compiles, None for one not written as a literal (see
# ``compiled_patterns``).
Patterns = Mapping[str, Sequence[str | None]]
NO_PATTERNS: Patterns = {}


def tests_part_of_a_name(node: ast.expr, words: Collection[str],
                         patterns: Patterns = NO_PATTERNS) -> bool:
    """Whether ``node`` tests a field's string by a part of one of ``words`` (the
    providers' names, lower-case): a prefix, a suffix, a part found in it, or a
    regular expression written as a literal that one of them matches, given to
    ``re.match`` or compiled into a name of ``patterns`` whose method is called."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
            node.func.attr in _PART_TESTS) and len(node.args) == 1 and not node.keywords:
        argument = node.args[0]
        parts = argument.elts if isinstance(argument, ast.Tuple) else [argument]
        side = str.startswith if node.func.attr == "startswith" else str.endswith
        return _field(node.func.value) and any(
            any(side(word, part) for word in words)
            for part in (_part(part, _SHORTEST_END) for part in parts) if part)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(
            node.ops[0], (ast.In, ast.NotIn)):
        part = _part(node.left, _SHORTEST_PART)
        return bool(part) and _field(node.comparators[0]) and any(
            part in word for word in words)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
            _called_pattern(node.func)) and len(node.args) >= 2 and _field(node.args[1]):
        pattern = node.args[0]
        if isinstance(pattern, ast.Constant):
            return isinstance(pattern.value, str) and _may_match(
                pattern.value, words, node.func.attr)
        return True  # a pattern held elsewhere may match any of them
    if patterns and isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
            node.func.attr in _PATTERN_TESTS) and len(node.args) == 1 and _field(node.args[0]):
        held = node.func.value
        name = held.id if isinstance(held, ast.Name) else (
            held.attr if isinstance(held, ast.Attribute) else "")
        return any(pattern is None or _may_match(pattern, words, node.func.attr)
                   for pattern in patterns.get(name, ()))
    return False


def _may_match(pattern: str, words: Collection[str], method: str) -> bool:
    """Whether a regular expression written as a literal may match one of ``words``
    (by ``method``, ``search`` or one anchored at the start of the string)."""
    # A pattern naming no part of a name matches others by chance (``\\d+``); one
    # matched at the start of the string is a prefix (``re.match("goo", kind)``),
    # which may be as short as a tested prefix.
    shortest = _SHORTEST_PART if method == "search" else _SHORTEST_END
    if not any(part.lower() in word for part in _LETTERS.findall(pattern)
               if len(part) >= shortest
               for word in words):
        return False
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error:
        return True  # Python would raise; what the author meant is not known
    return any(compiled.search(word) for word in words)


def compiled_patterns(tree: ast.Module, classes: bool = True,
                      ) -> dict[str, list[str | None]]:
    """The names the module's body (and its classes' bodies, with ``classes``) bind
    to a compiled regular expression (``PATTERN = re.compile(r"^google$")``), with
    each literal they are bound to, None for a pattern not written as one
    (``re.compile(KIND)``).  Only those statements are read, once: a name bound in a
    function is not a pattern the module holds."""
    found: dict[str, list[str | None]] = {}
    bodies = [tree.body]
    if classes:
        bodies += [node.body for node in tree.body if isinstance(node, ast.ClassDef)]
    for body in bodies:
        for statement in body:
            if not (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call)
                    and _called_compile(statement.value.func) and statement.value.args):
                continue
            pattern = statement.value.args[0]
            literal: str | None = None
            if isinstance(pattern, ast.Constant):
                if not isinstance(pattern.value, str):
                    continue  # bytes: never a provider's name
                literal = pattern.value
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(literal)
    return found


def pattern_tests(patterns: Patterns, words: Collection[str]) -> list[str]:
    """The methods of ``patterns`` (``PATTERN.match``) that may test a field's string
    by part of one of ``words``, as ``tests_part_of_a_name`` reads them: what another
    module importing the pattern may test the provider with."""
    return sorted(f"{name}.{method}" for name, held in patterns.items()
                  for method in _PATTERN_TESTS
                  if any(pattern is None or _may_match(pattern, words, method)
                         for pattern in held))


def _called_compile(func: ast.expr) -> bool:
    """``re.compile``."""
    return isinstance(func, ast.Attribute) and func.attr == "compile" and isinstance(
        func.value, ast.Name) and func.value.id == "re"


def may_test_part_of_a_name(text: str, words: Collection[str]) -> bool:
    """Whether a module's text may hold such a test: a string literal that is such a
    part (``"goo"``, ``'soft'``), or a regular expression's search or compilation."""
    return _has_part_literal(text, frozenset(words)) or (
        _PATTERN_CALL.search(text) is not None)


def _has_part_literal(text: str, words: frozenset[str]) -> bool:
    """Whether ``text`` holds a literal ``_literals(words)`` matches.  On ASCII text
    each quoted run of letters and digits is looked up among the parts, lowered: a
    part is such a run, so this finds what the pattern finds, where the pattern's
    hundred case-insensitive alternatives tried at every quote cost far more."""
    if not text.isascii():
        # Some letters a case-insensitive match takes are not what ``str.lower``
        # gives (the Kelvin sign for "k"): the pattern decides.
        return _literals(words).search(text) is not None
    parts = _parts(words)
    return any(found.group(2).lower() in parts for found in _QUOTED_RUN.finditer(text))


# A run of letters and digits between two quotes of one kind.  The closing quote is
# only looked at, not taken: it may open the next run (``'abc'goo'``).
_QUOTED_RUN = re.compile(r"([\"'])([A-Za-z0-9]+)(?=\1)")


_PATTERN_CALL = re.compile(r"\bre\.(?:match|search|fullmatch|compile)\(")


@functools.cache
def _parts(words: frozenset[str]) -> frozenset[str]:
    """The parts of ``words`` a test may take, as a string literal, lower case."""
    parts: set[str] = set()
    for word in words:
        parts.update(word[:end] for end in range(_SHORTEST_END, len(word) + 1))
        parts.update(word[start:] for start in range(len(word) - _SHORTEST_END + 1))
        parts.update(word[start:start + size] for size in range(_SHORTEST_PART, len(word) + 1)
                     for start in range(len(word) - size + 1))
    return frozenset(part.lower() for part in parts)


@functools.cache
def _literals(words: frozenset[str]) -> re.Pattern[str]:
    """A string literal written as a part of one of ``words`` that a test may take."""
    return re.compile(r"([\"'])(?i:" + "|".join(
        sorted(map(re.escape, _parts(words)), reverse=True)) + r")\1")


def _part(node: ast.expr, shortest: int) -> str:
    """The lower-cased text of a string literal of ``shortest`` letters at least; ""
    for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and (
            len(node.value) >= shortest):
        return node.value.lower()
    return ""


def _called_pattern(func: ast.expr) -> bool:
    """``re.match``, ``re.search``, ``re.fullmatch``."""
    return isinstance(func, ast.Attribute) and func.attr in _PATTERN_TESTS and isinstance(
        func.value, ast.Name) and func.value.id == "re"


def _field(node: ast.expr) -> bool:
    """An attribute, an item or ``.get("key")`` of another value (``grant.kind``,
    ``account["type"]``), perhaps in another case (``.lower()``); not an upper-case
    attribute, a setting the same for every grant."""
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
            node.func.attr in _SAME_VALUE) and not node.args and not node.keywords:
        node = node.func.value
    if isinstance(node, ast.Attribute):
        return not node.attr.isupper()
    if isinstance(node, ast.Subscript):
        return isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
        node.func.attr == "get") and bool(node.args) and isinstance(
        node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
