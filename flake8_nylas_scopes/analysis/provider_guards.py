"""Code that runs only for some providers' grants.

A multi-provider app often keeps a feature to one provider::

    if grant.provider == "google":
        nylas.folders.create(grant_id, {"name": "Follow up", "background_color": "#fad165"})

The call is never made with a Microsoft grant, so the Microsoft request does not miss
the scope it needs.  A guard is read from an ``if`` (or ``elif``) with a provider test
(see ``provider_tests``), from the cases of a ``match`` on a provider, and from those
of a ``match`` on an object whose pattern asks for its provider (``case
Grant(provider="google"):``); it covers
the lines of the branch, of its ``else``, and of the rest of the block after a branch
that always leaves it (``if grant.provider != "google": return``).  A branch of a
conditional expression (``labels if grant.provider == "google" else []``) is one too,
where nothing else that may call anything starts on its lines.  It only ever stops
a call from being reported missing a scope for the other providers: a misread guard
costs a finding, never a claim that a scope is not needed.

A test that reads the provider in a way ``provider_tests`` does not follow
(``Provider(grant.provider) is Provider.GOOGLE``, ``grant.provider in
enabled_providers()``) may keep its branches to some providers or not: which
providers' grants reach them is unknown (``unread_guards``), so a call there is not
reported missing another provider's scope either, but unresolved.  So may a test of a
value not named for the provider that a provider's name is compared with
(``grant.kind == GOOGLE``), a question named for a provider (``account.is_google``),
and a decorator naming one (``@only("google")``), which may wrap the function's body
in such a test.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from .bindings import all_statements
from .guard_owners import OwnedCall, matched_object, owned_calls, tested_object
from .guard_reaches import MOST_PREDICATES, ONE_ARGUMENT, TestedCalls, recorded
from ..spans import source_lines
from .partial_names import Patterns, compiled_patterns
from .predicate_text import may_read_a_provider
from .registries import (
    decorated_registries, storing_functions, storing_methods, subclass_registered,
)
from .provider_tests import (
    PROVIDER_NAMES, Outcomes, ProviderTests, hinted_parts, mentions_a_provider,
    exported_pattern_tests, names_a_provider, names_the_provider, provider_value,
    says_a_provider, tests_part_of_a_provider_name, walk_scope,
)
from .tree_walk import walk_nodes

# (first line, last line, the providers whose grants reach those lines)
ProviderGuard = tuple[int, int, tuple[str, ...]]
# A function, method or class of a module that it reaches only under guards (see
# ``guarded_callables``): (its name, then its lines and the providers whose grants
# reach them, as in a ProviderGuard).
FunctionGuard = tuple[str, int, int, tuple[str, ...]]
# Lines under a test of the provider that is not read: (first line, last line, the line
# of the test).
UnreadGuard = tuple[int, int, int]

# Lines kept to providers by a test that calls a function of another module (``if
# is_google(grant):`` with ``from .grants import is_google``): (first line, last line,
# the function's dotted name, the providers that reach them if it returned True for
# every grant, and those if it returned False, the line of the call).  The judge
# reads the function.
PredicateGuard = tuple[int, int, str, tuple[str, ...], tuple[str, ...], int]

# ``if is_google(grant):``, ``elif not grants.is_google(grant):``, ``and
# is_google(grant)``, as ``guard_reaches`` finds them in the text of other modules.
_CALL_IN_TEST = re.compile(
    r"\b(?:if|elif|while|and|or|not)\s+(?:not\s+)?([A-Za-z_][\w.]*)" + ONE_ARGUMENT)

# A name a test reads as a whole (``if google:``, ``and not google``), not an
# attribute, call, item or keyword argument of it.
_NAME_IN_TEST = re.compile(
    r"\b(?:if|elif|while|and|or|not)\s+(?:not\s+)?([A-Za-z_]\w*)\b(?!\s*[.(\[=])")
# ``google = is_google(grant)``: the call's result held in a name, which a test may
# then read (``if google:``).
_CALL_HELD = re.compile(
    r"^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_][\w.]*)\(\s*[\w.]+\s*\)[ \t]*(?:#.*)?$",
    re.MULTILINE)

# Statements after which the rest of their block does not run.
_LEAVES = (ast.Return, ast.Raise, ast.Continue, ast.Break)
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _guard_node_classes() -> frozenset[type[ast.AST]]:
    """The node classes the readings of guards look at: a test (``if``, a
    conditional expression, ``match``), a definition, or a block of statements (a
    field ``body``, ``orelse`` or ``finalbody``).  Any other node (a name, a call, an
    assignment: most of them) is passed over on its class alone."""
    found: set[type[ast.AST]] = {ast.Match}
    pending: list[type[ast.AST]] = [ast.AST]
    while pending:
        kind = pending.pop()
        pending.extend(kind.__subclasses__())
        if {"body", "orelse", "finalbody"}.intersection(kind._fields):
            found.add(kind)
    return frozenset(found)


_GUARD_NODES = _guard_node_classes()


def guard_scopes(tree: ast.Module, tests: ProviderTests | None = None) -> list[ast.AST]:
    """The module's body and each of its functions and classes: the scopes whose
    blocks the guards are read in, one walk of the module for every reading (the
    walk that made ``tests`` of ``tree``, when given)."""
    walked = tests.scopes if tests is not None else None
    if walked is None:
        return [tree, *(node for node in walk_nodes(tree) if isinstance(node, _SCOPES))]
    return [tree, *walked]


def scope_nodes(scopes: list[ast.AST]) -> list[list[ast.AST]]:
    """``walk_scope`` of each of ``scopes``, walked once for the flags, the guards and
    the unread guards, which each read every node of every scope."""
    return [list(walk_scope(scope)) for scope in scopes]


def scope_flags(tests: ProviderTests, scopes: list[ast.AST],
                nodes_of_scopes: list[list[ast.AST]] | None = None,
                ) -> list[dict[str, ast.expr]]:
    """``tests.flags`` of each of ``scopes``, for ``provider_guards`` and
    ``unread_guards`` to share: each is a walk of the scope, and neither changes what
    ``tests`` assumes (``nodes_of_scopes``: their ``scope_nodes``, when known)."""
    if nodes_of_scopes is None:
        return [tests.flags(scope) for scope in scopes]
    return [tests.flags(scope, nodes) for scope, nodes in zip(scopes, nodes_of_scopes)]


def provider_guards(tree: ast.Module, tests: ProviderTests | None = None,
                    scopes: list[ast.AST] | None = None,
                    flags_of_scopes: list[dict[str, ast.expr]] | None = None,
                    nodes_of_scopes: list[list[ast.AST]] | None = None,
                    owned: list[OwnedCall] | None = None,
                    ) -> list[ProviderGuard]:
    """The branches of the module that run only for the grants of some providers
    (those of ``scopes`` alone, the module's body or its functions and classes, when
    given, with their ``scope_flags`` and ``scope_nodes`` when known).  ``owned``,
    when given, gets the calls under them that use the grant of the object the test
    reads (see ``guard_owners``)."""
    tests = tests or ProviderTests(tree)
    guards: list[ProviderGuard] = []
    scopes = guard_scopes(tree) if scopes is None else scopes

    def keep(guard: ProviderGuard, parts: list[ast.stmt] | list[ast.expr], subject: str,
             scope: ast.AST) -> None:
        guards.append(guard)
        if owned is not None and subject:
            owned.extend(owned_calls(parts, subject, guard[2], scope))

    for index, scope in enumerate(scopes):
        flags = tests.flags(scope) if flags_of_scopes is None else flags_of_scopes[index]
        known = None if nodes_of_scopes is None else nodes_of_scopes[index]
        lines = _ScopeLines(scope, known)
        for node in (scope, *(walk_scope(scope) if known is None else known)):
            if node.__class__ not in _GUARD_NODES:
                continue
            if isinstance(node, ast.If):
                branches = _branch_providers(tests, node.test, flags)
                if branches is not None:
                    subject = tested_object(node.test, flags)
                    for body, providers in zip((node.body, node.orelse), branches):
                        if body:
                            keep(_lines(body, providers), body, subject, scope)
            elif isinstance(node, ast.IfExp):
                branches = _branch_providers(tests, node.test, flags)
                if branches is not None:
                    subject = tested_object(node.test, flags)
                    for part, providers in zip((node.body, node.orelse), branches):
                        if not _inert(part) and lines.alone(part, node):
                            keep((part.lineno, part.end_lineno or part.lineno, providers),
                                 [part], subject, scope)
            elif isinstance(node, ast.Match):
                by_provider = names_the_provider(node.subject, flags)
                subject = (tested_object(node.subject, flags) if by_provider
                           else matched_object(node.subject))
                for guard, body in (_case_guards(tests, node) if by_provider
                                    else _object_case_guards(tests, node)):
                    keep(guard, body, subject, scope)
            if node is not scope and isinstance(node, _SCOPES):
                continue  # its blocks are read as a scope of their own
            for field in ("body", "orelse", "finalbody"):
                block = getattr(node, field, None)
                if isinstance(block, list):
                    for guard, rest, test in _after_leaving_branches(tests, block, flags):
                        keep(guard, rest, tested_object(test, flags), scope)
    if owned is not None:
        owned[:] = sorted(set(owned))
    return sorted(set(guards))


def unread_guards(tree: ast.Module, tests: ProviderTests | None = None,
                  scopes: list[ast.AST] | None = None,
                  flags_of_scopes: list[dict[str, ast.expr]] | None = None,
                  nodes_of_scopes: list[list[ast.AST]] | None = None,
                  ) -> list[UnreadGuard]:
    """The branches of the module under a test that reads the provider but that
    ``provider_tests`` cannot tell, or that may read it by a value not named for it
    (``grant.kind == GOOGLE``, ``account.is_google``: see ``hinted_parts``), and the
    rest of a block after such a branch that leaves it; and the cases of a ``match``
    on the provider it cannot tell, or on a value its cases compare with providers'
    names (``scopes`` and ``flags_of_scopes`` as for ``provider_guards``)."""
    tests = tests or ProviderTests(tree)
    found: list[UnreadGuard] = []
    # A class a decorator of the module may register under its provider, in a dict
    # not read as the table it ends up holding, or that its base registers in
    # ``__init_subclass__`` (see ``registries``): which grants reach it is unknown.
    storing = storing_functions(tree)
    # ``@services.register``: a method of the module's classes that stores so (looked
    # for only where a top-level class has such a decorator).
    methods = storing_methods(tree) if any(
        isinstance(node, ast.ClassDef) and any(map(_called_method, node.decorator_list))
        for node in tree.body) else frozenset()
    subclasses = subclass_registered(tree)
    # Those of a dict read as the table it ends up holding are judged by its lookups.
    registered = {name for registry in decorated_registries(tree)
                  for name in registry.classes} if storing or subclasses else set()
    subclasses = subclasses.difference(registered)
    scopes = guard_scopes(tree) if scopes is None else scopes
    for index, scope in enumerate(scopes):
        flags = tests.flags(scope) if flags_of_scopes is None else flags_of_scopes[index]
        nodes = list(walk_scope(scope)) if nodes_of_scopes is None else nodes_of_scopes[index]
        lines = _ScopeLines(scope, nodes)
        passed = _provider_parameters(scope, nodes)

        def asks(node: ast.expr) -> bool:
            return tests.asks_a_provider(node) or (
                isinstance(node, ast.Name) and node.id in passed)

        def unread(test: ast.expr) -> tuple[bool, bool]:
            if isinstance(test, ast.Name) and test.id in flags:
                test = flags[test.id]
            if _branch_providers(tests, test, flags) is not None:
                return False, False
            if mentions_a_provider(test, flags):
                return True, True
            return _hinted_sides(tests, test, flags, asks)

        for node in (scope, *nodes):
            if node.__class__ not in _GUARD_NODES:
                continue
            if node is not scope and isinstance(
                    node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                found.extend(_decorated_for_a_provider(tests, node))
                if isinstance(node, ast.ClassDef) and node.name in subclasses:
                    found.append(_unread_lines(node.body, node.lineno))
                elif isinstance(node, ast.ClassDef) and node.name not in registered:
                    found.extend(_unread_lines(node.body, decorator.lineno)
                                 for decorator in node.decorator_list[:1]
                                 if any(_called_name(one) in storing
                                        or _called_method(one) in methods
                                        for one in node.decorator_list))
            if isinstance(node, ast.If):
                sides = unread(node.test)
                found.extend(_unread_lines(body, node.lineno)
                             for body, side in zip((node.body, node.orelse), sides)
                             if body and side)
            elif isinstance(node, ast.Match) and names_the_provider(node.subject, flags):
                found.extend(_unread_cases(tests, node))
            elif isinstance(node, ast.Match) and any(
                    tests.pattern_providers(case.pattern) for case in node.cases):
                # ``match account.kind:`` with ``case "google":``: the value may be
                # the provider.
                found.extend(_unread_lines(case.body, node.lineno)
                             for case in node.cases if case.body)
            elif isinstance(node, ast.Match):
                found.extend(_unread_object_cases(tests, node))
            elif isinstance(node, ast.IfExp):
                # A branch under a test not read, or sharing its lines with what runs
                # for other providers (``a if grant.provider == "google" else b(x)``:
                # guards go by lines).
                if _branch_providers(tests, node.test, flags) is not None:
                    found.extend(
                        (part.lineno, part.end_lineno or part.lineno, node.lineno)
                        for part in (node.body, node.orelse)
                        if not _inert(part) and not lines.alone(part, node))
                else:
                    found.extend(
                        (part.lineno, part.end_lineno or part.lineno, node.lineno)
                        for part, side in zip((node.body, node.orelse), unread(node.test))
                        if side and not _inert(part))
            if node is not scope and isinstance(node, _SCOPES):
                continue
            for field in ("body", "orelse", "finalbody"):
                block = getattr(node, field, None)
                if not isinstance(block, list):
                    continue
                for index, statement in enumerate(block[:-1]):
                    if not isinstance(statement, ast.If):
                        continue
                    # The rest runs where the branch that leaves is not taken.
                    taken, not_taken = unread(statement.test)
                    if any(body and isinstance(body[-1], _LEAVES) and side for body, side in (
                            (statement.body, not_taken), (statement.orelse, taken))):
                        found.append(_unread_lines(block[index + 1:], statement.lineno))
    return sorted(set(found))


# More parts of one test than this are not tried one assumption at a time.
_MOST_HINTED_PARTS = 3


def _provider_parameters(scope: ast.AST, nodes: list[ast.AST]) -> frozenset[str]:
    """The parameters of a function named for a provider that its code never binds
    again (``def work(grant_id, google: bool):``): flags its callers set, perhaps to
    a test of the provider (``work(grant.id, grant.provider == "google")``), which
    the analysis does not follow into the function.  Not an upper-case one, a
    setting the same for every grant."""
    if not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return frozenset()
    arguments = scope.args
    named = {argument.arg for argument in (
        *arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)
        if says_a_provider(argument.arg) and not argument.arg.isupper()}
    if not named:
        return frozenset()
    bound = {node.id for node in nodes
             if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load)}
    return frozenset(named - bound)


def _hinted_sides(tests: ProviderTests, test: ast.expr, flags: dict[str, ast.expr],
                  asks: Callable[[ast.expr], bool]) -> tuple[bool, bool]:
    """Whether the parts of ``test`` that may read the provider by another value (see
    ``hinted_parts``) may keep its branch, and its ``else``, to some providers.  Each
    part is taken to be true for every grant and false for every grant, one
    combination at a time: as for a function of another module (see
    ``imported_predicate_guards``), a side no combination narrows runs for every
    provider whatever the parts test (``account.is_google or grant.ready``)."""
    parts = hinted_parts(test, asks, tests.patterns)
    if not parts:
        return False, False
    if len(parts) > _MOST_HINTED_PARTS:
        return True, True
    every: tuple[Outcomes, Outcomes] = ((PROVIDER_NAMES, frozenset()),
                                        (frozenset(), PROVIDER_NAMES))
    body = orelse = False
    for assumed in itertools.product(every, repeat=len(parts)):
        tests.assumed_parts = {id(part): outcome for part, outcome in zip(parts, assumed)}
        true, false = tests.outcomes(test, flags)
        body, orelse = body or true != PROVIDER_NAMES, orelse or false != PROVIDER_NAMES
    tests.assumed_parts = {}
    return body, orelse


def _decorated_for_a_provider(tests: ProviderTests,
                              function: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
                              ) -> list[UnreadGuard]:
    """The body of a function whose decorator names a provider (``@only("google")``,
    ``@for_provider(Provider.GOOGLE)``, ``@google_only``): the wrapper it gives may
    run the body only for some providers' grants, or not.  So too a class's
    (``@register("google") class GmailSync:``): a registry the decorator fills may
    give the class only for some providers' grants, or not; and a class that names one
    in a keyword of its statement (``class GmailSync(Base, provider="google"):``),
    which its base's ``__init_subclass__`` or metaclass gets and may register it by."""
    if isinstance(function, ast.ClassDef):
        for keyword in function.keywords:
            if keyword.arg != "metaclass" and provider_value(keyword.value):
                return [_unread_lines(function.body, keyword.value.lineno)]
    for decorator in function.decorator_list:
        arguments = [*decorator.args, *(keyword.value for keyword in decorator.keywords)] if (
            isinstance(decorator, ast.Call)) else []
        named = decorator.func if isinstance(decorator, ast.Call) else decorator
        if any(provider_value(argument) for argument in arguments) or (
                isinstance(named, ast.Name) and says_a_provider(named.id)) or (
                tests.asks_a_provider(named)):
            return [_unread_lines(function.body, decorator.lineno)]
    return []


def _called_name(decorator: ast.expr) -> str:
    """The name a decorator is, or calls (``@register``, ``@register(...)``)."""
    named = decorator.func if isinstance(decorator, ast.Call) else decorator
    return named.id if isinstance(named, ast.Name) else ""


def _called_method(decorator: ast.expr) -> str:
    """The method a decorator is, or calls, on an object (``@services.register``)."""
    named = decorator.func if isinstance(decorator, ast.Call) else decorator
    return named.attr if isinstance(named, ast.Attribute) else ""


def _unread_cases(tests: ProviderTests, match: ast.Match) -> list[UnreadGuard]:
    """The cases of a ``match`` on the provider that neither name providers nor catch
    every provider no earlier case takes (``case str(name) if name in enabled:``)."""
    found: list[UnreadGuard] = []
    for case in match.cases:
        if tests.pattern_providers(case.pattern) or case.guard is None and (
                isinstance(case.pattern, ast.MatchAs) and case.pattern.pattern is None):
            continue
        if case.body:
            found.append(_unread_lines(case.body, match.lineno))
    return found


def _unread_lines(body: list[ast.stmt], test_line: int) -> UnreadGuard:
    last = body[-1]
    return (body[0].lineno, last.end_lineno or last.lineno, test_line)


def _case_guards(tests: ProviderTests, match: ast.Match,
                 ) -> list[tuple[ProviderGuard, list[ast.stmt]]]:
    """A case for some providers runs only for them; a catch-all case (``case _:``)
    only for the providers no earlier case takes for certain."""
    guards: list[tuple[ProviderGuard, list[ast.stmt]]] = []
    taken: set[str] = set()
    for case in match.cases:
        providers = tests.pattern_providers(case.pattern)
        if providers:
            # A guard (``case "google" if beta:``) only narrows the case further.
            if case.guard is None:
                taken.update(providers)
        elif case.guard is None and isinstance(case.pattern, ast.MatchAs) and (
                case.pattern.pattern is None) and taken:
            providers = tuple(sorted(PROVIDER_NAMES.difference(taken)))
        else:
            continue
        if case.body:
            guards.append((_lines(case.body, providers), case.body))
    return guards


def _object_case_guards(tests: ProviderTests, match: ast.Match,
                        ) -> list[tuple[ProviderGuard, list[ast.stmt]]]:
    """The cases of a ``match`` on an object whose patterns ask for some providers
    (``case Grant(provider="google"):``) run only for them.  A later catch-all case
    stays for every provider: the object may be of a class no earlier case names."""
    guards: list[tuple[ProviderGuard, list[ast.stmt]]] = []
    for case in match.cases:
        providers = tests.object_case_providers(case.pattern)
        if case.body and providers and providers != PROVIDER_NAMES:
            guards.append((_lines(case.body, tuple(sorted(providers))), case.body))
    return guards


def _unread_object_cases(tests: ProviderTests, match: ast.Match) -> list[UnreadGuard]:
    """The cases of a ``match`` on an object whose patterns ask for a provider in a way
    not read (``case Grant(provider=Provider.GOOGLE):``, ``Provider`` imported)."""
    return [_unread_lines(case.body, match.lineno) for case in match.cases
            if case.body and tests.object_case_providers(case.pattern) is None]


# What may sit on the lines of a branch of a conditional expression besides the
# branch: the expressions and statements that only pass its value on, and names and
# literals, which send no request.
_PASSING_ON = (ast.IfExp, ast.Return, ast.Assign, ast.AnnAssign, ast.Expr, ast.Await,
               ast.Tuple, ast.List, ast.keyword, ast.Starred, ast.Name, ast.Constant)
# An expression made only of these calls nothing and iterates nothing: the test and
# the other branch of ``labels if grant.provider == "google" else []`` on one line.
_INERT = (ast.Name, ast.Constant, ast.Attribute, ast.Compare, ast.BoolOp, ast.UnaryOp,
          ast.Tuple, ast.List, ast.Set, ast.Dict, ast.expr_context, ast.cmpop, ast.boolop,
          ast.unaryop)


def _inert(expression: ast.expr) -> bool:
    return all(isinstance(node, _INERT) for node in walk_nodes(expression))


class _ScopeLines:
    """The nodes of one scope by the line they start on, read on first use: a call is
    kept to providers by the line it starts on, so a branch of a conditional
    expression is a guard only where nothing else starts on its lines."""

    def __init__(self, scope: ast.AST, nodes: list[ast.AST] | None = None) -> None:
        """``nodes``: the scope's ``walk_scope``, when known."""
        self._scope = scope
        self._nodes = nodes
        self._starting: dict[int, list[ast.AST]] | None = None

    def alone(self, part: ast.expr, choice: ast.IfExp) -> bool:
        """Whether only ``part``, what it holds, what passes its value on, and a test
        and other branch of ``choice`` that call nothing start on its lines
        (``nylas.calendars.list(grant_id)`` on a line of its own, or before ``if
        grant.provider == "microsoft" else []``)."""
        if self._starting is None:
            self._starting = {}
            nodes = walk_scope(self._scope) if self._nodes is None else self._nodes
            for node in nodes:
                line = getattr(node, "lineno", None)
                if isinstance(line, int):
                    self._starting.setdefault(line, []).append(node)
        inside = set(map(id, walk_nodes(part)))
        for other in (choice.test, choice.body, choice.orelse):
            if other is not part and _inert(other):
                inside.update(map(id, walk_nodes(other)))
        last = part.end_lineno or part.lineno
        return all(id(node) in inside or isinstance(node, _PASSING_ON)
                   for line in range(part.lineno, last + 1)
                   for node in self._starting.get(line, ()))


def _after_leaving_branches(tests: ProviderTests, block: list[ast.stmt],
                            flags: dict[str, ast.expr],
                            ) -> list[tuple[ProviderGuard, list[ast.stmt], ast.expr]]:
    """The rest of a block after ``if <provider test>: return`` runs only for the
    providers the test leaves out (and after an ``else`` that leaves, for those it
    takes); with that rest and the test."""
    guards: list[tuple[ProviderGuard, list[ast.stmt], ast.expr]] = []
    for index, statement in enumerate(block[:-1]):
        if not isinstance(statement, ast.If):
            continue
        branches = _branch_providers(tests, statement.test, flags)
        if branches is None:
            continue
        rest = block[index + 1:]
        for body, other in ((statement.body, branches[1]), (statement.orelse, branches[0])):
            if body and isinstance(body[-1], _LEAVES):
                guards.append((_lines(rest, other), rest, statement.test))
    return guards


def _branch_providers(tests: ProviderTests, test: ast.expr, flags: dict[str, ast.expr],
                      ) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The providers whose grants may take an ``if``'s branch and those that may take
    its ``else``; None for a test that names no provider."""
    body, orelse = tests.outcomes(test, flags)
    if body == PROVIDER_NAMES and orelse == PROVIDER_NAMES:
        return None
    return tuple(sorted(body)), tuple(sorted(orelse))


def _lines(body: list[ast.stmt], providers: tuple[str, ...]) -> ProviderGuard:
    last = body[-1]
    return (body[0].lineno, last.end_lineno or last.lineno, providers)


def imported_predicate_calls(text: str, imports: dict[str, str]) -> TestedCalls:
    """The calls of imported functions on one plain argument that the module's text
    tests (``if is_google(grant):``, or ``google = is_google(grant)`` then ``if
    google:``), by the call's text, with the dotted name it calls and the lines of the
    calls; a few at most, read from the text.  The standard library's are left out."""
    found: dict[str, tuple[str, list[int]]] = {}
    for match in _CALL_IN_TEST.finditer(text):
        _add_call(found, text, match.group(1), match.start(1), imports)
    found = _with_held_calls(found, text, imports)
    return dict(sorted(found.items())[:MOST_PREDICATES])


def held_predicate_calls(text: str, imports: dict[str, str],
                         calls: TestedCalls) -> TestedCalls:
    """``calls`` (read elsewhere, see ``guard_reaches``) and the calls of imported
    functions whose result a name holds that a test reads (``google =
    is_google(grant)`` then ``if google:``), a few at most."""
    return dict(sorted(_with_held_calls(calls, text, imports).items())[:MOST_PREDICATES])


def _with_held_calls(calls: TestedCalls, text: str, imports: dict[str, str]) -> TestedCalls:
    """``calls`` and the calls held in a name that a test reads: only those, for every
    other call of a function held in a name would cost two readings of the guards."""
    found = {called: (name, list(lines)) for called, (name, lines) in calls.items()}
    tested: set[str] | None = None
    for match in _CALL_HELD.finditer(text):
        if tested is None:
            # The names tests read, found once: a search per held call took minutes
            # in a module of ten thousand functions that each hold a call's result.
            tested = {read.group(1) for read in _NAME_IN_TEST.finditer(text)}
        if match.group(1) in tested:
            _add_call(found, text, match.group(2), match.start(2), imports)
    return found


def _add_call(found: TestedCalls, text: str, called: str, start: int,
              imports: dict[str, str]) -> None:
    """Record the call of ``called`` at ``start`` when it names an imported function
    of the project (the standard library's are left out)."""
    local, _, rest = called.partition(".")
    if local not in imports or not recorded(imports[local]):
        return
    line = text.count("\n", 0, start) + 1
    dotted_name = imports[local] + ("." + rest if rest else "")
    lines = found.setdefault(called, (dotted_name, []))[1]
    if line not in lines:
        lines.append(line)


def imported_predicate_guards(tree: ast.Module, tests: ProviderTests,
                              guards: list[ProviderGuard],
                              calls: TestedCalls,
                              ) -> list[PredicateGuard]:
    """The lines a test that calls one of ``calls`` keeps to some providers, once the
    function is known (see ``PredicateGuard``).  A test is read as Python evaluates
    it, one provider at a time, so knowing what it gives when the function returns
    True for every grant and when it returns False gives it for any function: a
    provider reaches the lines if it may make the function return a value for which
    the lines run.  ``guards``: the module's guards without any assumption.  Only
    the functions and classes (and the module's body) around the calls are read
    again."""
    every = tuple(sorted(PROVIDER_NAMES))
    plain = _by_lines(guards)
    found: list[PredicateGuard] = []
    statements = [node for node in all_statements(tree.body) if isinstance(node, _SCOPES)]
    for called, (name, lines) in calls.items():
        scopes: list[ast.AST] = [tree, *(
            node for node in statements if any(
                node.lineno <= line <= (node.end_lineno or node.lineno) for line in lines))]
        runs = []
        always: tuple[Outcomes, Outcomes] = (
            (PROVIDER_NAMES, frozenset()), (frozenset(), PROVIDER_NAMES))
        for outcome in always:
            tests.assumed = {called: outcome}
            runs.append(_by_lines(provider_guards(tree, tests, scopes)))
        tests.assumed = {}
        if_true, if_false = runs
        for range_ in sorted(set(if_true) | set(if_false)):
            before = plain.get(range_, every)
            after = (if_true.get(range_, every), if_false.get(range_, every))
            if after != (before, before):
                # The test is the last call before the lines (an ``if``'s, or the
                # binding of the name it reads).
                line = max((line for line in lines if line <= range_[0]), default=lines[0])
                found.append((*range_, name, *after, line))
    return found


def _by_lines(guards: list[ProviderGuard]) -> dict[tuple[int, int], tuple[str, ...]]:
    """The providers each range of lines is kept to (every guard of it at once)."""
    kept: dict[tuple[int, int], frozenset[str]] = {}
    for first, last, providers in guards:
        kept[first, last] = kept.get((first, last), PROVIDER_NAMES).intersection(providers)
    return {lines: tuple(sorted(providers)) for lines, providers in kept.items()}


def know_the_module(tests: ProviderTests, tree: ast.Module, imported: Iterable[str],
                    text: str | None = None) -> list[str]:
    """Tell ``tests`` the names the module imports and its module-level functions,
    and which of them may test the provider without being read as such a test (see
    ``ProviderTests.asks_a_provider``); those are returned, for other modules.
    ``text``, the module's, spares reading the functions whose text cannot test."""
    unread = unread_predicates(tree, tests, text)
    tests.imported = frozenset(imported)
    tests.own_functions = frozenset(
        statement.name for statement in _module_level(tree.body)
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)))
    tests.own_unread = frozenset(unread)
    return unread


def unread_predicates(tree: ast.Module, tests: ProviderTests | None,
                      text: str | None = None) -> list[str]:
    """The module-level functions, each bound once, that another module's test may
    call to test the provider (``if is_google(grant):``) but that are not read as
    one (with ``tests``, in a module that reads the provider): named for a
    provider, or reading the provider or a provider's name anywhere in their body
    (``return provider_of(grant) == "google"``, ``return grant.provider ==
    settings.GOOGLE``, ``wanted = "google"`` then ``return grant.kind == wanted``),
    or a module name bound to one (``return grant.kind in KINDS``); and the methods
    of a pattern the module compiles that a provider's name may match
    (``GOOGLE.match``, with ``GOOGLE = re.compile("goo")``).  Which providers such a
    test picks is unknown.  With the module's ``text``, only the bodies of functions
    whose text may hold such a reading are walked (see ``predicate_text``)."""
    bound: Counter[str] = Counter()
    functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    for statement in _module_level(tree.body):
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(statement)
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound[statement.name] += 1
        elif isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [
                statement.target]
            bound.update(node.id for target in targets for node in walk_nodes(target)
                         if isinstance(node, ast.Name))
        elif isinstance(statement, (ast.Import, ast.ImportFrom)):
            bound.update((alias.asname or alias.name).partition(".")[0]
                         for alias in statement.names)
    exact = {name for name, *_ in tests.module_predicates(tree)} if tests else set()
    holding = _names_holding_a_provider(tree) if functions else frozenset()
    patterns = (tests.patterns if tests else compiled_patterns(tree)) if functions else {}
    texts = _FunctionTexts(text, holding) if text is not None and functions else None
    found = []
    for function in functions:
        if bound[function.name] != 1 or function.name in exact:
            continue
        if says_a_provider(function.name) or (
                (texts is None or texts.may_test(function))
                and _may_test(function, holding, patterns)):
            found.append(function.name)
    found.extend(exported_pattern_tests(tree))
    return sorted(found)


class _FunctionTexts:
    """The text of each function of a module, for ``may_read_a_provider``."""

    def __init__(self, text: str, holding: frozenset[str]) -> None:
        self._holding = holding
        self._text = text
        self._lines: list[str] | None = None

    def may_test(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        if self._lines is None:
            # Lines as the parser numbers them (``str.splitlines`` breaks at more).
            self._lines = source_lines(self._text)
        # A walk of the function reads its decorators too, on the lines above it.
        first = min((decorator.lineno for decorator in function.decorator_list),
                    default=function.lineno)
        last = function.end_lineno or len(self._lines)
        return may_read_a_provider("".join(self._lines[first - 1:last]), self._holding)


def _names_holding_a_provider(tree: ast.Module) -> frozenset[str]:
    """The module-level names bound to a value that names a provider (``KINDS =
    ("google",)``, ``MAIL = {"google": True}``): a function reading one may test
    the provider by it."""
    found: set[str] = set()
    for statement in _module_level(tree.body):
        if not isinstance(statement, (ast.Assign, ast.AnnAssign)) or statement.value is None:
            continue
        if any(isinstance(node, ast.expr) and _reads_a_provider(node)
               for node in walk_nodes(statement.value)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [
                statement.target]
            found.update(node.id for target in targets for node in walk_nodes(target)
                         if isinstance(node, ast.Name))
    return frozenset(found)


def _may_test(function: ast.FunctionDef | ast.AsyncFunctionDef,
              holding: frozenset[str], patterns: Patterns) -> bool:
    """Whether a function reads the provider or a provider's name (itself or through
    a module name ``holding`` one) and returns a value: one that returns none
    (``def work(grant): ...``) tests nothing."""
    reads = returns = False
    for node in walk_nodes(function):
        if isinstance(node, ast.Return) and node.value is not None and not (
                isinstance(node.value, ast.Constant) and node.value.value is None):
            returns = True
        elif isinstance(node, ast.expr) and not reads:
            reads = _reads_a_provider(node) or (
                isinstance(node, ast.Name) and node.id in holding) or (
                tests_part_of_a_provider_name(node, patterns))
        if reads and returns:
            return True
    return False


def _reads_a_provider(node: ast.expr) -> bool:
    """The provider read (``grant.provider``), or a provider's name (``"google"``,
    ``GOOGLE``) named."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value in PROVIDER_NAMES and (
            node.value != "nylas")
    if isinstance(node, ast.Name):
        return says_a_provider(node.id) or names_a_provider(node)
    if isinstance(node, ast.Attribute):
        return says_a_provider(node.attr) or names_a_provider(node)
    return names_a_provider(node)


def _module_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements of the module's own code, those of its ``if``, ``try`` and
    ``with`` blocks too, not of its functions and classes."""
    stack: list[ast.AST] = list(reversed(body))
    while stack:
        statement = stack.pop()
        if isinstance(statement, ast.stmt):
            yield statement
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for name in ("body", "orelse", "finalbody", "handlers", "cases"):
            block = getattr(statement, name, None)
            if isinstance(block, list):
                stack.extend(reversed(block))
