"""Which providers' grants make a test true: ``grant.provider == "google"``.

A test compares something named for a provider (``provider``, ``grant.provider``,
``grant["provider"]``, ``grant.get("provider")``, ``getattr(grant, "provider")``, also
lowered with ``.lower()``) with provider names, written as literals or as names the
module binds once to one: a constant (``GOOGLE = "google"``) or a member of one of its
classes (``Provider.GOOGLE``, ``Provider.GOOGLE.value`` of ``class Provider(str,
Enum)``), or to a collection of them (``LABEL_PROVIDERS = {"google", "imap"}``).  A
name a function binds once to such a test (``is_google = grant.provider == "google"``)
stands for the test, and so does a call of a function or method of the module that
only returns one (``def is_google(grant): return grant.provider == "google"``, then
``if is_google(grant):`` or ``if self.is_google():``; a ``property`` read as
``self.is_google``).  A name a function binds once to the provider (``provider =
grant.provider``, ``p = grant.provider``) stands for it, in a test and in such a
function's body (``p = grant.provider`` then ``return p == "google"``).  ``==``,
``!=``, ``is``, ``is not``, ``in``, ``not in`` and ``.startswith()`` are read,
combined with ``not``, ``and`` and ``or`` as Python evaluates them.

A test that reads the provider in another way (``Provider(grant.provider) is
Provider.GOOGLE``, ``grant.provider in enabled_providers()``) is not read: which
providers take its branches is unknown (``mentions_a_provider``).  So is one that
compares something else with a provider's name or asks a question named for one
(``grant.kind == GOOGLE``, ``account.is_google``, ``is_gmail(grant)``): the value
may well be the provider (``hinted_parts``).
"""

from __future__ import annotations

import ast
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from ..nylas_api import earlier_provider_names
from .ast_names import dotted
from .partial_names import (
    NO_PATTERNS, Patterns, compiled_patterns, may_test_part_of_a_name, pattern_tests,
    tests_part_of_a_name,
)
from .tree_walk import TreeNodes, code_children, walk_nodes

# The ``Provider`` values of nylas-python 6.x (``nylas/models/auth.py``, 6.0 to 6.18).
PROVIDER_NAMES = frozenset({
    "google", "microsoft", "imap", "icloud", "yahoo", "ews", "zoom", "virtual-calendar",
    "nylas",
})

# The providers for which a test may be true, and those for which it may be false.
Outcomes = tuple[frozenset[str], frozenset[str]]
_UNTOLD: Outcomes = (PROVIDER_NAMES, PROVIDER_NAMES)

# Methods that give a provider name back in another spelling.
_SAME_NAME = frozenset({"lower", "casefold", "strip"})

# The words of a name that say a provider (``is_google``, ``uses_gmail``, ``GOOGLE``,
# ``isOutlook``): a test naming one may pick providers where the analysis cannot
# read it.  Not ``nylas``, which names the client in every module.
PROVIDER_WORDS = frozenset(
    name for name in PROVIDER_NAMES if name.isidentifier() and name != "nylas") | {
    "gmail", "outlook"}
_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+")
# A line of a test (``if``, ``elif``, ``while``, ``case``) or a decorator with a word
# of a provider's name in it, in a module's text: its tests are then worth reading.
_TEST_LINE_WITH_A_PROVIDER = re.compile(
    r"^[ \t]*(?:(?:if|elif|while|case)\b|@)[^\n]*?(?:(?<![A-Za-z])(?i:"
    + "|".join(sorted(PROVIDER_WORDS)) + r")|(?:"
    + "|".join(sorted(word.capitalize() for word in PROVIDER_WORDS)) + r"))(?![a-z])",
    re.MULTILINE)
# A comparison (``==``, ``!=``) and the text either side of it on its line, where a
# provider's name may be compared (``== GOOGLE``, ``!= Kind.GOOGLE``, ``"gmail" ==``):
# a test written over several lines, or held in a name.
_COMPARISON = re.compile(r"[=!]=")
_NEAR = 40
_PROVIDER_WORD = re.compile(
    r"(?<![A-Za-z])(?i:" + "|".join(sorted(PROVIDER_WORDS)) + r")(?![a-z])")

# A provider's name spelt as a constant (``GOOGLE``, ``KIND_GMAIL``), a member
# (``Provider.google``) or a name of its own (``google`` imported): each spelling
# found with ``str.find``, far faster than a pattern of alternatives, then read
# around.
_SPELLINGS = tuple(sorted({word.upper() for word in PROVIDER_WORDS} | set(PROVIDER_WORDS)))
_CONSTANT_REST = re.compile(r"[A-Z0-9_]*")
_NAME_BEFORE = re.compile(r"[\w.]*\s*$")
# How far around a name a comma or a colon is looked for (``, constants.GOOGLE``).
_AROUND = 80


def _pairs_a_spelt_provider(text: str) -> bool:
    """Whether a name spelt as a provider's is next to a comma or before a colon: a
    pair's element or a dict's key, which may name a provider the module does not
    bind (``(GOOGLE, GmailHandler)``, ``{Provider.google: GmailHandler}``; see
    ``ProviderTests.may_name_a_provider``)."""
    for spelling in _SPELLINGS:
        start = text.find(spelling)
        while start >= 0:
            if _paired_at(text, start, start + len(spelling), spelling.isupper()):
                return True
            start = text.find(spelling, start + 1)
    return False


def _paired_at(text: str, start: int, end: int, upper: bool) -> bool:
    """Whether the spelling at ``start:end`` is a name of its own (or a constant's
    word) with a comma before it or a comma or a colon after it."""
    before = text[start - 1:start] if start else ""
    if upper:
        if before.isalnum():
            return False  # a word of another name (``NEWS``)
        rest = _CONSTANT_REST.match(text, end)
        end = rest.end() if rest is not None else end
        if text[end:end + 1].islower():
            return False  # ``GOOGLEs``
    elif before.isalnum() or before == "_" or text[end:end + 1].isalnum() or (
            text[end:end + 1] == "_"):
        return False  # ``googleapis``, ``news``
    after = text[end:end + _AROUND].lstrip(" \t")
    if after[:1] in (",", ":") and after:
        return True
    lead = text[max(0, start - _AROUND):start]
    held = _NAME_BEFORE.search(lead)
    return held is not None and lead[:held.start()].rstrip(" \t\n").endswith(",")


def may_test_a_provider(text: str) -> bool:
    """Whether a module's text may test the provider: it says "provider", one of its
    tests or decorators names a provider (``if grant.kind == GOOGLE:``, ``if
    account.is_google:``, ``@only("google")``), it compares something with a
    provider's name, or pairs something with a name spelt as a provider's
    (``(GOOGLE, GmailHandler)``)."""
    if "provider" in text or _TEST_LINE_WITH_A_PROVIDER.search(text) is not None:
        return True
    if may_test_part_of_a_name(text, partial_words()):
        return True  # ``grant.kind.startswith("goo")``
    # Each comparison's own stretch of its line, not the whole text once per word.
    for found in _COMPARISON.finditer(text):
        start, end = found.start(), found.end()
        before = text[max(0, start - _NEAR):start].rpartition("\n")[2]
        after = text[end:end + _NEAR].partition("\n")[0]
        if _PROVIDER_WORD.search(before) or _PROVIDER_WORD.search(after):
            return True
    # A pair or a dict keyed by a provider's name another module binds
    # (``(GOOGLE, GmailHandler)``, ``{Provider.GOOGLE: GmailHandler}``).
    return _pairs_a_spelt_provider(text)


class ProviderTests:
    """Reads provider tests in one module, knowing the names it binds once."""

    def __init__(self, tree: ast.Module | None, nodes: TreeNodes | None = None) -> None:
        """``tree`` None: a module that names no provider, whose own names and
        functions then test none (see ``assumed``); ``nodes``: the tree's, when
        listed for other readings of it too."""
        walked = _walk_module(tree, nodes) if tree is not None else _ModuleWalk(
            [], set(), set(), [])
        self._names, self._collections, self._choices = (
            _bound_once(tree, walked) if tree is not None else ({}, {}, {}))
        # The module's functions, methods and classes as ``ast.walk`` meets them (None
        # without a tree): the scopes guards are read in, found by the same walk.
        self.scopes: list[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef] | None = (
            walked.scopes if tree is not None else None)
        # The regular expressions the module compiles, which a test may match a
        # field's string with (``PATTERN.match(grant.kind)``).
        self.patterns: Patterns = compiled_patterns(tree) if tree is not None else NO_PATTERNS
        self._predicates: dict[str, Outcomes] = {}
        # What calls of another module's functions are taken to test, by the call's
        # text (``is_google``, ``grants.is_google``): see ``imported_predicate_guards``.
        self.assumed: dict[str, Outcomes] = {}
        # What parts of a test are taken to test, by the part (see ``hinted_parts``).
        self.assumed_parts: dict[int, Outcomes] = {}
        self._properties: dict[str, Outcomes] = {}
        # The names whose tests are being read: a name bound once to a test that
        # reads that name again is read no further.
        self._expanding: set[str] = set()
        # ``flags`` by the scope's id (see ``scope_flags``).
        self._scope_flags: dict[int, dict[str, ast.expr]] = {}
        # The names the module imports, its module-level functions and those of them
        # that may test the provider without being read as such a test: set by the
        # module's reading (see ``asks_a_provider``).
        self.imported: frozenset[str] = frozenset()
        self.own_functions: frozenset[str] = frozenset()
        self.own_unread: frozenset[str] = frozenset()
        # Read before any is known, so that a predicate stands only for its own test.
        predicates, properties = _predicates(walked.functions)
        self._predicates = {name: self.outcomes(test, local)
                            for name, (test, local) in predicates.items()}
        self._properties = {name: self.outcomes(test, local)
                            for name, (test, local) in properties.items()}

    def outcomes(self, test: ast.expr, flags: dict[str, ast.expr]) -> Outcomes:
        """The providers for which ``test`` may be true and false; every provider
        both ways for a test that names none.  ``flags``: the names of the function
        bound once to a test or to the provider."""
        if self.assumed_parts and id(test) in self.assumed_parts:
            return self.assumed_parts[id(test)]
        if isinstance(test, ast.Name) and test.id in flags:
            if test.id in self._expanding:
                return _UNTOLD
            self._expanding.add(test.id)
            try:
                return self.outcomes(flags[test.id], flags)
            finally:
                self._expanding.discard(test.id)
        if isinstance(test, ast.Call) and not test.args[1:] and not test.keywords:
            called = test.func.id if isinstance(test.func, ast.Name) else (
                test.func.attr if isinstance(test.func, ast.Attribute) else "")
            if called in self._predicates:
                return self._predicates[called]
            if self.assumed and (text := dotted(test.func)) in self.assumed:
                return self.assumed[text]
        if isinstance(test, ast.Attribute) and test.attr in self._properties:
            return self._properties[test.attr]
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            true, false = self.outcomes(test.operand, flags)
            return false, true
        if isinstance(test, ast.Call):
            prefixed = self._prefix_outcomes(test, flags)
            if prefixed != _UNTOLD:
                return prefixed
        if isinstance(test, ast.BoolOp):
            parts = [self.outcomes(value, flags) for value in test.values]
            trues = [true for true, _ in parts]
            falses = [false for _, false in parts]
            if isinstance(test.op, ast.And):
                # True only when every part is; false when any part is.
                return frozenset.intersection(*trues), frozenset.union(*falses)
            return frozenset.union(*trues), frozenset.intersection(*falses)
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
            return _UNTOLD
        left, op, right = test.left, test.ops[0], test.comparators[0]
        named: frozenset[str] = frozenset()
        if isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)):
            for subject, value in ((left, right), (right, left)):
                if names_the_provider(subject, flags) and self.provider_name(value):
                    named = frozenset({self.provider_name(value)})
                elif names_the_provider(subject, flags) and dotted(value) in self._choices:
                    # ``grant.provider == WANTED``, WANTED bound to one provider or
                    # another: true only for those, false possibly for any.
                    choices = self._choices[dotted(value) or ""]
                    return ((PROVIDER_NAMES, choices) if isinstance(op, (ast.NotEq, ast.IsNot))
                            else (choices, PROVIDER_NAMES))
        elif isinstance(op, (ast.In, ast.NotIn)) and names_the_provider(left, flags):
            named = self._provider_names(right)
        if not named:
            return _UNTOLD
        others = PROVIDER_NAMES.difference(named)
        return (others, named) if isinstance(op, (ast.NotEq, ast.IsNot, ast.NotIn)) else (
            named, others)

    def _prefix_outcomes(self, test: ast.expr, flags: dict[str, ast.expr]) -> Outcomes:
        """``grant.provider.startswith("google")``: true for the providers whose name
        starts so (a tuple of prefixes: any of them)."""
        if not (isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute)
                and test.func.attr == "startswith" and len(test.args) == 1
                and not test.keywords and names_the_provider(test.func.value, flags)):
            return _UNTOLD
        argument = test.args[0]
        elements = argument.elts if isinstance(argument, ast.Tuple) else [argument]
        prefixes = [element.value for element in elements
                    if isinstance(element, ast.Constant) and isinstance(element.value, str)]
        if not prefixes or len(prefixes) != len(elements):
            return _UNTOLD
        true = frozenset(name for name in PROVIDER_NAMES
                         if any(name.startswith(prefix) for prefix in prefixes))
        return true, PROVIDER_NAMES.difference(true)

    def _provider_names(self, node: ast.expr) -> frozenset[str]:
        """The providers a display of names, or a module name bound once to a
        collection of them, holds; empty for anything else."""
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return _display_providers([self.provider_name(element) for element in node.elts],
                                      [_literal(element) for element in node.elts])
        held = self._collections.get(dotted(node) or "")
        return held if held is not None else frozenset()

    def asks_a_provider(self, node: ast.expr) -> bool:
        """Whether a call or an attribute a test reads is a question named for a
        provider (``account.is_google``, ``self.uses_gmail()``, ``is_google(grant)``)
        that the module cannot read.  A call of what the module imports is left to
        the judge, which reads the function called (see ``imported_predicate_guards``);
        a function of the module is such a question when ``unread_predicates`` says
        so; an upper-case attribute is a setting (``settings.GOOGLE_SYNC``)."""
        called = node.func if isinstance(node, ast.Call) else node
        if isinstance(called, ast.Name) and isinstance(node, ast.Call):
            if called.id in self.imported:
                return False
            if called.id in self.own_functions:
                return called.id in self.own_unread
            return says_a_provider(called.id)
        if not isinstance(called, ast.Attribute) or called.attr.isupper():
            return False
        root = called.value
        while isinstance(root, ast.Attribute):
            root = root.value
        if isinstance(node, ast.Call) and isinstance(root, ast.Name) and root.id in self.imported:
            return False
        return says_a_provider(called.attr)

    def module_predicates(self, tree: ast.Module,
                          ) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
        """The module-level functions that only return a provider test, with the
        providers for which it may be true and those for which it may be false:
        other modules may import them."""
        top = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
        return sorted((name, tuple(sorted(true)), tuple(sorted(false)))
                      for name, (true, false) in self._predicates.items()
                      if name in top and (true, false) != _UNTOLD)

    def pattern_providers(self, pattern: ast.pattern) -> tuple[str, ...]:
        """``case "google":``, ``case "google" | "microsoft":``, ``case
        Provider.GOOGLE:``; () for a case that may take another value (a capture, a
        wildcard, another literal)."""
        options = pattern.patterns if isinstance(pattern, ast.MatchOr) else [pattern]
        return tuple(sorted(self._values_providers(options)))

    def _values_providers(self, options: list[ast.pattern]) -> frozenset[str]:
        """The providers the values of an or-pattern name, an earlier name of one of
        them allowed beside it (``case "google" | "gmail":``, as ``in {"google",
        "gmail"}``); empty when an option is no such value."""
        if not all(isinstance(option, ast.MatchValue) for option in options):
            return frozenset()
        values = [option.value for option in options if isinstance(option, ast.MatchValue)]
        return _display_providers([self.provider_name(value) for value in values],
                                  [_literal(value) for value in values])

    def object_case_providers(self, pattern: ast.pattern) -> frozenset[str] | None:
        """For a ``match`` on an object (``match grant:``): the providers whose grants
        a case may take, by what its pattern asks of a ``provider`` attribute or key
        (``case Grant(provider="google"):``, ``case {"provider": "google" | "imap"}:``,
        also nested, ``case Event(grant=Grant(provider="google")):``); every provider
        for a pattern that asks nothing of one; None for one that asks in a way not
        read (``case Grant(provider=Provider.GOOGLE):`` with ``Provider`` imported)."""
        if isinstance(pattern, ast.MatchAs):
            return PROVIDER_NAMES if pattern.pattern is None else self.object_case_providers(
                pattern.pattern)
        if isinstance(pattern, ast.MatchOr):
            return _union([self.object_case_providers(option) for option in pattern.patterns])
        parts: list[tuple[bool, ast.pattern]] = []  # (names the provider, sub-pattern)
        if isinstance(pattern, ast.MatchClass):
            parts = [(attr.lower().endswith("provider"), sub)
                     for attr, sub in zip(pattern.kwd_attrs, pattern.kwd_patterns)]
            parts += [(False, sub) for sub in pattern.patterns]
        elif isinstance(pattern, ast.MatchMapping):
            parts = [(isinstance(key, ast.Constant) and key.value == "provider", sub)
                     for key, sub in zip(pattern.keys, pattern.patterns)]
        elif isinstance(pattern, ast.MatchSequence):
            parts = [(False, sub) for sub in pattern.patterns]
        reach = PROVIDER_NAMES
        for names_provider, sub in parts:
            part = (self._provider_pattern(sub) if names_provider
                    else self.object_case_providers(sub))
            if part is None:
                return None
            # Every part of a pattern has to match: each only narrows the case.
            reach = reach & part
        return reach

    def _provider_pattern(self, pattern: ast.pattern) -> frozenset[str] | None:
        """The providers a pattern matched against a provider's name lets through:
        every one for a capture, None for a value that is not read as a provider."""
        if isinstance(pattern, ast.MatchAs):
            return PROVIDER_NAMES if pattern.pattern is None else self._provider_pattern(
                pattern.pattern)
        if isinstance(pattern, ast.MatchOr):
            return self._values_providers(pattern.patterns) or _union(
                [self._provider_pattern(option) for option in pattern.patterns])
        if isinstance(pattern, ast.MatchValue) and (name := self.provider_name(pattern.value)):
            return frozenset({name})
        return None

    def provider_name(self, node: ast.expr) -> str:
        """The provider a literal or a name bound once to one gives; "" for others."""
        if isinstance(node, ast.Attribute) and node.attr == "value":
            node = node.value
        if isinstance(node, ast.Constant):
            value = node.value
        else:
            value = self._names.get(dotted(node) or "")
        return value if isinstance(value, str) and value in PROVIDER_NAMES else ""

    def may_name_a_provider(self, node: ast.expr) -> bool:
        """Whether ``node`` gives a provider's name, or may give one the module does
        not bind it to once: a name another module binds (``GOOGLE``, ``Provider.GOOGLE``,
        ``constants.MICROSOFT`` imported), one bound again or computed at run time,
        when it says a provider, and one bound several times to providers' names.  A
        name bound once to another string names none, and so does a class or function
        named for a provider."""
        if self.provider_name(node):
            return True
        if isinstance(node, ast.Attribute) and node.attr == "value":
            node = node.value
        if not isinstance(node, (ast.Name, ast.Attribute)):
            return False
        name = dotted(node) or ""
        if name in self._names:
            return False  # bound once to a string that is no provider's name
        if name in self._choices:
            return True
        # Spelt as a constant or a member of one (``GOOGLE``, ``Provider.google``), not
        # as a class or function named for a provider (``GmailHandler``).
        last = node.attr if isinstance(node, ast.Attribute) else node.id
        return says_a_provider(last) and (last.isupper() or last.lower() in PROVIDER_WORDS)

    def scope_flags(self, scope: ast.AST) -> dict[str, ast.expr]:
        """``flags`` of ``scope``, read once for the module's every question."""
        found = self._scope_flags.get(id(scope))
        if found is None:
            found = self._scope_flags[id(scope)] = self.flags(scope)
        return found

    def flags(self, scope: ast.AST, nodes: Iterable[ast.AST] | None = None,
              ) -> dict[str, ast.expr]:
        """The names a function (or the module) binds once, to a provider test or to
        the provider itself (``p = grant.provider``); ``nodes``: the scope's
        ``walk_scope``, when known."""
        stores: Counter[str] = Counter()
        tests: dict[str, ast.expr] = {}
        for node in walk_scope(scope) if nodes is None else nodes:
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                stores[node.id] += 1
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                    node.targets[0], ast.Name):
                if names_a_provider(node.value) or self.outcomes(node.value, {}) != _UNTOLD or (
                        hinted_parts(node.value, self.asks_a_provider, self.patterns)):
                    tests[node.targets[0].id] = node.value
        return {name: test for name, test in tests.items() if stores[name] == 1}


def _union(parts: list[frozenset[str] | None]) -> frozenset[str] | None:
    """The providers any of several alternatives lets through; None when one of them
    is not read."""
    known = [part for part in parts if part is not None]
    return frozenset().union(*known) if len(known) == len(parts) else None


def mentions_a_provider(test: ast.expr, flags: dict[str, ast.expr] | None = None) -> bool:
    """Whether a test reads something named for a provider anywhere in it (or a name
    of ``flags`` bound to the provider), other than to ask whether there is one (``if
    not provider:``, ``if provider is None:``): a grant always has a provider, so such
    a test does not pick providers."""
    flags = flags or {}
    while isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test = test.operand
    if names_the_provider(test, flags):
        return False
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(
            test.ops[0], (ast.Is, ast.IsNot)) and names_the_provider(test.left, flags) and (
            isinstance(test.comparators[0], ast.Constant)) and (
            test.comparators[0].value is None):
        return False
    return any(isinstance(node, ast.expr) and names_the_provider(node, flags)
               for node in walk_nodes(test))


def names_the_provider(node: ast.expr, flags: dict[str, ast.expr]) -> bool:
    """``names_a_provider``, or a name of ``flags`` bound to such a value (``p =
    grant.provider``), also lowered (``p.lower()``)."""
    if names_a_provider(node):
        return True
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
            node.func.attr in _SAME_NAME) and not node.args:
        node = node.func.value
    return isinstance(node, ast.Name) and node.id in flags and names_a_provider(flags[node.id])


def hinted_parts(test: ast.expr, asks: Callable[[ast.expr], bool],
                 patterns: Patterns = NO_PATTERNS) -> list[ast.expr]:
    """The parts of a test (under ``not``, ``and`` and ``or``) that may pick
    providers by a value not named for the provider: a comparison with a provider's
    name (``grant.kind == "google"``, ``kind is Kind.GOOGLE``, ``account.kind in
    GOOGLE_KINDS``, ``"google" in kinds``), or a question or a flag ``asks`` says is
    named for one (``account.is_google``, ``is_gmail(grant)``, a parameter
    ``google``)."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return hinted_parts(test.operand, asks, patterns)
    if isinstance(test, ast.BoolOp):
        return [part for value in test.values for part in hinted_parts(value, asks, patterns)]
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        left, right, op = test.left, test.comparators[0], test.ops[0]
        if isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)):
            hinted = provider_value(left) or provider_value(right)
        elif isinstance(op, (ast.In, ast.NotIn)):
            # Not ``GMAIL_SCOPE in granted``: a scope the grant may hold.
            hinted = _provider_literal(left) or provider_value(right) or isinstance(
                right, (ast.Tuple, ast.List, ast.Set)) and any(
                provider_value(element) for element in right.elts)
        else:
            hinted = False
        return [test] if hinted or tests_part_of_a_provider_name(test, patterns) else []
    if isinstance(test, (ast.Call, ast.Attribute, ast.Name)) and (
            asks(test) or tests_part_of_a_provider_name(test, patterns)):
        return [test]
    return []


def tests_part_of_a_provider_name(node: ast.expr, patterns: Patterns = NO_PATTERNS) -> bool:
    """Whether ``node`` tests a field's string by part of a provider's name
    (``grant.kind.startswith("goo")``, ``"mail" in grant.kind``, with one of the
    module's compiled ``patterns``: see ``partial_names``)."""
    return tests_part_of_a_name(node, partial_words(), patterns)


def exported_pattern_tests(tree: ast.Module) -> list[str]:
    """The methods of the patterns the module compiles at its top level that may test
    a field by part of a provider's name (``GOOGLE.match``, with ``GOOGLE =
    re.compile("goo")``): another module importing the pattern may test the provider
    with them."""
    return pattern_tests(compiled_patterns(tree, classes=False), partial_words())


@functools.cache
def partial_words() -> frozenset[str]:
    """The providers' names a part may be of (those ``says_a_provider`` knows: not
    ``virtual-calendar``, whose part ``calendar`` names a feature far more often),
    with their earlier ones."""
    return frozenset(PROVIDER_WORDS | set(earlier_provider_names()))


def provider_value(node: ast.expr) -> bool:
    """Whether ``node`` is a provider's name written as a literal or as a name that
    says it (``GOOGLE``, ``Kind.GOOGLE``, ``Kind.GOOGLE.value``)."""
    if isinstance(node, ast.Attribute) and node.attr == "value":
        node = node.value
    if isinstance(node, ast.Attribute):
        return says_a_provider(node.attr)
    if isinstance(node, ast.Name):
        return says_a_provider(node.id)
    return _provider_literal(node)


def _display_providers(names: list[str], texts: list[str]) -> frozenset[str]:
    """The providers a display of values holds (``names``: the provider each value
    names, "" for none; ``texts``: each value's string, "" for none), written inline
    or bound to a module name; empty unless each value names a provider or is an
    earlier name of a provider the display names too (``{"google", "gmail"}``): any
    other value may be one's."""
    named = frozenset(filter(None, names))
    return named if named and all(
        name or earlier_provider_names().get(text, "") in named
        for name, text in zip(names, texts)) else frozenset()


def _literal(node: ast.expr) -> str:
    """The string a literal holds ("" for anything else)."""
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def _provider_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and (
        node.value.lower() in PROVIDER_WORDS)


def says_a_provider(name: str) -> bool:
    """Whether a word of ``name`` is a provider's (``is_google``, ``GMAIL_KIND``)."""
    return any(word.lower() in PROVIDER_WORDS for word in _WORDS.findall(name))


def names_a_provider(node: ast.expr) -> bool:
    """``provider``, ``grant.provider``, ``grant.data.provider``, ``grant["provider"]``,
    ``grant.get("provider")``, ``getattr(grant, "provider")``, and ``.lower()`` of
    one."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
            node.func.id == "getattr") and len(node.args) in (2, 3) and not node.keywords:
        key = node.args[1]
        return isinstance(key, ast.Constant) and key.value == "provider"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in _SAME_NAME and not node.args:
            return names_a_provider(node.func.value)
        if node.func.attr == "get" and node.args and isinstance(node.args[0], ast.Constant):
            return node.args[0].value == "provider"
        return False
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return node.slice.value == "provider"
    name = dotted(node) or ""
    return name.rsplit(".", 1)[-1].lower().endswith("provider")


# What a function that only returns a test returns, with the names its body binds
# before (``p = grant.provider``), each once, as ``flags``.
_Returned = tuple[ast.expr, dict[str, ast.expr]]


class _ModuleWalk(NamedTuple):
    """What ``ProviderTests`` needs of the whole module, found in one walk of it."""

    # Every function and method, in the order ``ast.walk`` meets them.
    functions: list[ast.FunctionDef | ast.AsyncFunctionDef]
    # The names declared ``global`` and the attributes set on anything.
    changed: set[str]
    # The names an attribute is read of (``KINDS.add``).
    reached_into: set[str]
    # Every function, method and class, in the order ``ast.walk`` meets them: the
    # scopes guards are read in (see ``provider_guards.guard_scopes``).
    scopes: list[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef]


def _walk_module(tree: ast.Module, nodes: TreeNodes | None = None) -> _ModuleWalk:
    walked = _ModuleWalk([], set(), set(), [])
    # Dispatched by class, the commonest first: the parser makes no subclasses of
    # its nodes, and this runs over every node of the module.
    for node in walk_nodes(tree) if nodes is None else nodes.all():
        kind = node.__class__
        if kind is ast.Attribute:
            assert isinstance(node, ast.Attribute)
            if node.ctx.__class__ is not ast.Load:
                walked.changed.add(node.attr)
            elif node.value.__class__ is ast.Name:
                assert isinstance(node.value, ast.Name)
                walked.reached_into.add(node.value.id)
        elif kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
            assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            walked.functions.append(node)
            walked.scopes.append(node)
        elif kind is ast.ClassDef:
            assert isinstance(node, ast.ClassDef)
            walked.scopes.append(node)
        elif kind is ast.Global:
            assert isinstance(node, ast.Global)
            walked.changed.update(node.names)
    return walked


def _predicates(functions: list[ast.FunctionDef | ast.AsyncFunctionDef],
                ) -> tuple[dict[str, _Returned], dict[str, _Returned]]:
    """The module's functions and methods (all of ``functions``) that only bind
    names, each once, and then return an expression (after a docstring), by name,
    defined once in the module: plain ones (or static and class methods), then
    properties.  Whether the expression tests a provider is for the caller to
    read."""
    counts = Counter(node.name for node in functions)
    plain: dict[str, _Returned] = {}
    properties: dict[str, _Returned] = {}
    for node in functions:
        if not isinstance(node, ast.FunctionDef) or counts[node.name] != 1:
            continue
        body = node.body[1:] if ast.get_docstring(node) is not None else node.body
        returned = _returned(body, node.args)
        if returned is None:
            continue
        decorators = {dotted(decorator) for decorator in node.decorator_list}
        if decorators <= {"staticmethod", "classmethod"}:
            plain[node.name] = returned
        elif decorators in ({"property"}, {"cached_property"}, {"functools.cached_property"}):
            properties[node.name] = returned
    return plain, properties


def _returned(body: list[ast.stmt], arguments: ast.arguments) -> _Returned | None:
    """What a body of plain bindings of names, each bound once and none a parameter
    (``p = grant.provider``), then a ``return`` gives; None for any other body.  A
    name that says provider must be bound to the provider: ``provider = "google"``
    would read as a test of it."""
    if not body or not isinstance(body[-1], ast.Return) or body[-1].value is None:
        return None
    parameters = {argument.arg for argument in (
        *arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs,
        *filter(None, (arguments.vararg, arguments.kwarg)))}
    local: dict[str, ast.expr] = {}
    for statement in body[:-1]:
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name)):
            return None
        name = statement.targets[0].id
        if name in local or name in parameters or (
                names_a_provider(statement.targets[0])
                and not names_a_provider(statement.value)):
            return None
        local[name] = statement.value
    return body[-1].value, local


def walk_scope(scope: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a function's (or the module's) own code: not those of the
    functions, lambdas and classes defined in it, nor contexts and operators, which
    no reading of a scope looks at."""
    pending = code_children(scope)
    while pending:
        node = pending.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                                 ast.ClassDef)):
            pending.extend(code_children(node))


def _bound_once(tree: ast.Module, walked: _ModuleWalk,
                ) -> tuple[dict[str, str], dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Module constants and class attributes of the module bound once to a str, by
    their dotted name (``GOOGLE``, ``Provider.GOOGLE``); module constants bound once to
    a collection of provider names that no code changes (``LABEL_PROVIDERS =
    frozenset({"google", GOOGLE})``, with earlier names of those providers too:
    ``{"google", "gmail"}``); and module constants bound several times, each
    time to a provider name (``WANTED = "google"``, then ``WANTED = "microsoft"`` under
    an ``if``), with the names they may hold."""
    values: dict[str, str] = {}
    displays: dict[str, ast.expr] = {}
    stores: Counter[str] = Counter()
    # Every binding of a module name to a provider name, wherever in the module's code.
    choices: dict[str, set[str]] = {}
    chosen: Counter[str] = Counter()
    bodies: list[tuple[str, ast.Module | ast.ClassDef]] = [("", tree)]
    bodies += [(f"{node.name}.", node) for node in tree.body if isinstance(node, ast.ClassDef)]
    for owner, scope in bodies:
        for node in walk_scope(scope):
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                stores[owner + node.id] += 1
            if not owner and isinstance(node, ast.Assign) and len(node.targets) == 1 and (
                    isinstance(node.targets[0], ast.Name)) and isinstance(
                    node.value, ast.Constant) and node.value.value in PROVIDER_NAMES:
                chosen[node.targets[0].id] += 1
                choices.setdefault(node.targets[0].id, set()).add(str(node.value.value))
        for statement in scope.body:
            if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                    and isinstance(statement.targets[0], ast.Name)):
                continue
            name = owner + statement.targets[0].id
            if isinstance(statement.value, ast.Constant) and isinstance(
                    statement.value.value, str):
                values[name] = statement.value.value
            elif not owner:
                displays[name] = statement.value
    # Bound again in a function (``global GOOGLE``), or an attribute of that name set
    # on anything: it may hold another value when the test runs.  A collection whose
    # methods are called (``LABEL_PROVIDERS.add(...)``) may hold others too.
    changed, reached_into = walked.changed, walked.reached_into
    names = {name: value for name, value in values.items()
             if stores[name] == 1 and name.rpartition(".")[2] not in changed}
    collections: dict[str, frozenset[str]] = {}
    for name, value in displays.items():
        if stores[name] != 1 or name in changed or name in reached_into:
            continue
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and (
                value.func.id in ("frozenset", "set", "tuple")) and len(value.args) == 1 and (
                not value.keywords):
            value = value.args[0]
        if not isinstance(value, (ast.Tuple, ast.List, ast.Set)) or not value.elts:
            continue
        held = [element.value if isinstance(element, ast.Constant)
                else names.get(dotted(element) or "") for element in value.elts]
        texts = [item if isinstance(item, str) else "" for item in held]
        providers = _display_providers(
            [text if text in PROVIDER_NAMES else "" for text in texts], texts)
        if providers:
            collections[name] = providers
    several = {name: frozenset(held) for name, held in choices.items()
               if stores[name] == chosen[name] > 1 and name not in changed}
    return names, collections, several
