"""Which providers' grants make a test true: ``grant.provider == "google"``.

A test compares something named for a provider (``provider``, ``grant.provider``,
``grant["provider"]``, ``grant.get("provider")``, also lowered with ``.lower()``) with
provider names, written as literals or as names the module binds once to one: a
constant (``GOOGLE = "google"``) or a member of one of its classes
(``Provider.GOOGLE``, ``Provider.GOOGLE.value`` of ``class Provider(str, Enum)``).  A
name a function binds once to such a test (``is_google = grant.provider == "google"``)
stands for the test, and so does a call of a function or method of the module that
only returns one (``def is_google(grant): return grant.provider == "google"``, then
``if is_google(grant):`` or ``if self.is_google():``; a ``property`` read as
``self.is_google``).  ``==``, ``!=``, ``in``, ``not in`` are read, combined with
``not``, ``and`` and ``or`` as Python evaluates them.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator

from .ast_names import dotted

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


class ProviderTests:
    """Reads provider tests in one module, knowing the names it binds once."""

    def __init__(self, tree: ast.Module | None) -> None:
        """``tree`` None: a module that names no provider, whose own names and
        functions then test none (see ``assumed``)."""
        self._names = _bound_once(tree) if tree is not None else {}
        self._predicates: dict[str, Outcomes] = {}
        # What calls of another module's functions are taken to test, by the call's
        # text (``is_google``, ``grants.is_google``): see ``imported_predicate_guards``.
        self.assumed: dict[str, Outcomes] = {}
        self._properties: dict[str, Outcomes] = {}
        # Read before any is known, so that a predicate stands only for its own test.
        predicates, properties = _predicates(tree) if tree is not None else ({}, {})
        self._predicates = {name: self.outcomes(test, {}) for name, test in predicates.items()}
        self._properties = {name: self.outcomes(test, {}) for name, test in properties.items()}

    def outcomes(self, test: ast.expr, flags: dict[str, ast.expr]) -> Outcomes:
        """The providers for which ``test`` may be true and false; every provider
        both ways for a test that names none.  ``flags``: the names of the function
        bound once to a test."""
        if isinstance(test, ast.Name) and test.id in flags:
            return self.outcomes(flags[test.id], {})
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
        if isinstance(op, (ast.Eq, ast.NotEq)):
            for subject, value in ((left, right), (right, left)):
                if names_a_provider(subject) and self.provider_name(value):
                    named = frozenset({self.provider_name(value)})
        elif isinstance(op, (ast.In, ast.NotIn)) and names_a_provider(left) and isinstance(
                right, (ast.Tuple, ast.List, ast.Set)):
            names = [self.provider_name(element) for element in right.elts]
            if names and all(names):
                named = frozenset(names)
        if not named:
            return _UNTOLD
        others = PROVIDER_NAMES.difference(named)
        return (others, named) if isinstance(op, (ast.NotEq, ast.NotIn)) else (named, others)

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
        names = [self.provider_name(option.value) if isinstance(option, ast.MatchValue)
                 else "" for option in options]
        return tuple(sorted(set(names))) if names and all(names) else ()

    def provider_name(self, node: ast.expr) -> str:
        """The provider a literal or a name bound once to one gives; "" for others."""
        if isinstance(node, ast.Attribute) and node.attr == "value":
            node = node.value
        if isinstance(node, ast.Constant):
            value = node.value
        else:
            value = self._names.get(dotted(node) or "")
        return value if isinstance(value, str) and value in PROVIDER_NAMES else ""

    def flags(self, scope: ast.AST) -> dict[str, ast.expr]:
        """The names a function (or the module) binds once, to a provider test."""
        stores: Counter[str] = Counter()
        tests: dict[str, ast.expr] = {}
        for node in walk_scope(scope):
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                stores[node.id] += 1
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                    node.targets[0], ast.Name):
                if self.outcomes(node.value, {}) != _UNTOLD:
                    tests[node.targets[0].id] = node.value
        return {name: test for name, test in tests.items() if stores[name] == 1}


def names_a_provider(node: ast.expr) -> bool:
    """``provider``, ``grant.provider``, ``grant.data.provider``, ``grant["provider"]``,
    ``grant.get("provider")``, and ``.lower()`` of one."""
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


def _predicates(tree: ast.Module) -> tuple[dict[str, ast.expr], dict[str, ast.expr]]:
    """The module's functions and methods that only return an expression (after a
    docstring), by name, defined once in the module: plain ones (or static and class
    methods), then properties.  Whether the expression tests a provider is for the
    caller to read."""
    functions = [node for node in ast.walk(tree)
                 if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    counts = Counter(node.name for node in functions)
    plain: dict[str, ast.expr] = {}
    properties: dict[str, ast.expr] = {}
    for node in functions:
        if not isinstance(node, ast.FunctionDef) or counts[node.name] != 1:
            continue
        body = node.body[1:] if ast.get_docstring(node) is not None else node.body
        if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
            continue
        decorators = {dotted(decorator) for decorator in node.decorator_list}
        if decorators <= {"staticmethod", "classmethod"}:
            plain[node.name] = body[0].value
        elif decorators in ({"property"}, {"cached_property"}, {"functools.cached_property"}):
            properties[node.name] = body[0].value
    return plain, properties


def walk_scope(scope: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a function's (or the module's) own code: not those of the
    functions, lambdas and classes defined in it."""
    pending = list(ast.iter_child_nodes(scope))
    while pending:
        node = pending.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                                 ast.ClassDef)):
            pending.extend(ast.iter_child_nodes(node))


def _bound_once(tree: ast.Module) -> dict[str, str]:
    """Module constants and class attributes of the module bound once to a str, by
    their dotted name (``GOOGLE``, ``Provider.GOOGLE``)."""
    values: dict[str, str] = {}
    stores: Counter[str] = Counter()
    bodies: list[tuple[str, ast.Module | ast.ClassDef]] = [("", tree)]
    bodies += [(f"{node.name}.", node) for node in tree.body if isinstance(node, ast.ClassDef)]
    for owner, scope in bodies:
        for node in walk_scope(scope):
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                stores[owner + node.id] += 1
        for statement in scope.body:
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and (
                    isinstance(statement.targets[0], ast.Name)) and isinstance(
                    statement.value, ast.Constant) and isinstance(statement.value.value, str):
                values[owner + statement.targets[0].id] = statement.value.value
    # Bound again in a function (``global GOOGLE``), or an attribute of that name set
    # on anything: it may hold another value when the test runs.
    changed: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            changed.update(node.names)
        elif isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load):
            changed.add(node.attr)
    return {name: value for name, value in values.items()
            if stores[name] == 1 and name.rpartition(".")[2] not in changed}
