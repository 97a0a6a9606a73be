"""Code that runs only for some providers' grants.

A multi-provider app often keeps a feature to one provider::

    if grant.provider == "google":
        nylas.folders.create(grant_id, {"name": "Follow up", "background_color": "#fad165"})

The call is never made with a Microsoft grant, so the Microsoft request does not miss
the scope it needs.  A guard is read from an ``if`` (or ``elif``) with a provider test
(see ``provider_tests``), and from the cases of a ``match`` on a provider; it covers
the lines of the branch, of its ``else``, and of the rest of the block after a branch
that always leaves it (``if grant.provider != "google": return``).  It only ever stops
a call from being reported missing a scope for the other providers: a misread guard
costs a finding, never a claim that a scope is not needed.
"""

from __future__ import annotations

import ast

from .provider_tests import PROVIDER_NAMES, ProviderTests, names_a_provider, walk_scope

# (first line, last line, the providers whose grants reach those lines)
ProviderGuard = tuple[int, int, tuple[str, ...]]
# A module's private function that it calls only under guards: (its name, then its
# lines and the providers whose grants reach them, as in a ProviderGuard).
FunctionGuard = tuple[str, int, int, tuple[str, ...]]

# Statements after which the rest of their block does not run.
_LEAVES = (ast.Return, ast.Raise, ast.Continue, ast.Break)
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def provider_guards(tree: ast.Module) -> list[ProviderGuard]:
    """The branches of the module that run only for the grants of some providers."""
    tests = ProviderTests(tree)
    guards: list[ProviderGuard] = []
    scopes: list[ast.AST] = [tree, *(node for node in ast.walk(tree)
                                     if isinstance(node, _SCOPES))]
    for scope in scopes:
        flags = tests.flags(scope)
        for node in (scope, *walk_scope(scope)):
            if isinstance(node, ast.If):
                branches = _branch_providers(tests, node.test, flags)
                if branches is not None:
                    for body, providers in zip((node.body, node.orelse), branches):
                        if body:
                            guards.append(_lines(body, providers))
            elif isinstance(node, ast.Match) and names_a_provider(node.subject):
                guards.extend(_case_guards(tests, node))
            if node is not scope and isinstance(node, _SCOPES):
                continue  # its blocks are read as a scope of their own
            for field in ("body", "orelse", "finalbody"):
                block = getattr(node, field, None)
                if isinstance(block, list):
                    guards.extend(_after_leaving_branches(tests, block, flags))
    return sorted(set(guards))


def _case_guards(tests: ProviderTests, match: ast.Match) -> list[ProviderGuard]:
    """A case for some providers runs only for them; a catch-all case (``case _:``)
    only for the providers no earlier case takes for certain."""
    guards: list[ProviderGuard] = []
    taken: set[str] = set()
    for case in match.cases:
        providers = tests.pattern_providers(case.pattern)
        if providers and case.guard is None:
            taken.update(providers)
        elif case.guard is None and isinstance(case.pattern, ast.MatchAs) and (
                case.pattern.pattern is None) and taken:
            providers = tuple(sorted(PROVIDER_NAMES.difference(taken)))
        else:
            continue
        if case.body:
            guards.append(_lines(case.body, providers))
    return guards


def _after_leaving_branches(tests: ProviderTests, block: list[ast.stmt],
                            flags: dict[str, ast.expr]) -> list[ProviderGuard]:
    """The rest of a block after ``if <provider test>: return`` runs only for the
    providers the test leaves out (and after an ``else`` that leaves, for those it
    takes)."""
    guards: list[ProviderGuard] = []
    for index, statement in enumerate(block[:-1]):
        if not isinstance(statement, ast.If):
            continue
        branches = _branch_providers(tests, statement.test, flags)
        if branches is None:
            continue
        rest = block[index + 1:]
        for body, other in ((statement.body, branches[1]), (statement.orelse, branches[0])):
            if body and isinstance(body[-1], _LEAVES):
                guards.append(_lines(rest, other))
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


def guarded_private_functions(tree: ast.Module, guards: list[ProviderGuard]) -> list[FunctionGuard]:
    """The module's private functions (``def _create_label(grant_id)``, undecorated,
    or defined in a function) that it only ever calls under a guard, with the
    providers of those calls.

    The feature's work often sits in a function the guarded branch calls::

        if grant.provider == "google":
            _create_label(grant_id)

    That function's calls then run only for those providers' grants.  Any other use of
    its name in the module (handed on, stored, called unguarded) leaves it unguarded;
    whether other modules import it is for the judge to tell.
    """
    candidates = _private_functions(tree)
    if not candidates:
        return []
    calls: dict[str, list[int]] = {name: [] for name in candidates}
    other_uses: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
                node.func.id in calls):
            calls[node.func.id].append(node.lineno)
    called = {id(node.func) for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in calls and id(node) not in called:
            other_uses.add(node.id)
        elif isinstance(node, ast.Attribute) and node.attr in calls:
            other_uses.add(node.attr)
    found: dict[str, FunctionGuard] = {}
    # A function called only by a guarded one is guarded too: one more round each.
    for _ in range(len(candidates)):
        known = [*guards, *((first, last, names) for _, first, last, names in found.values())]
        added = False
        for name, function in candidates.items():
            if name in found or name in other_uses or not calls[name]:
                continue
            reached = [_providers_at(known, line) for line in calls[name]]
            if any(providers is None for providers in reached):
                continue
            names = tuple(sorted(set().union(*(p for p in reached if p is not None))))
            found[name] = (name, function.lineno, function.end_lineno or function.lineno,
                           names)
            added = True
        if not added:
            break
    return list(found.values())


def _private_functions(tree: ast.Module) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    """The functions no other module can call: module-level ones named ``_...``, and
    those defined in a function's body; each defined once in the module and
    undecorated."""
    local = {id(statement) for node in ast.walk(tree)
             if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
             for statement in node.body}
    functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
    defined: set[str] = set()
    for statement in ast.walk(tree):
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if statement.name in defined:
                functions.pop(statement.name, None)
                continue
            defined.add(statement.name)
            private = statement in tree.body and statement.name.startswith("_") and (
                not statement.name.startswith("__"))
            if (private or id(statement) in local) and not isinstance(
                    statement, ast.ClassDef) and not statement.decorator_list:
                functions[statement.name] = statement
    return functions


def _providers_at(guards: list[ProviderGuard], line: int) -> frozenset[str] | None:
    """The providers whose grants reach ``line``: those every guard around it allows;
    None where no guard is."""
    around = [frozenset(names) for first, last, names in guards if first <= line <= last]
    return frozenset.intersection(*around) if around else None
