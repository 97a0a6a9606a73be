"""Functions, methods and classes of a module that run only for some providers' grants.

The feature's work often sits in code the guarded branch reaches by a call::

    if grant.provider == "google":
        _create_label(grant_id)              # a private function
        self._google_labels(grant_id)        # a private method
        GmailLabels(nylas).create(grant_id)  # a class (its instances, its static methods)

or that a table keyed by the provider picks::

    HANDLERS = {"google": sync_google, "microsoft": sync_microsoft}
    HANDLERS[grant.provider](grant_id)

Such code then runs only for those providers' grants.  Any other use of its name in
the module (handed on, stored, called unguarded, a subclass) leaves it unguarded;
whether other modules name it is for the judge to tell.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from .ast_names import dotted
from .provider_guards import FunctionGuard, ProviderGuard
from .provider_tests import ProviderTests, names_a_provider

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
# Decorators that leave a method where its class puts it: called by its name only.
_PLAIN_METHOD_DECORATORS = frozenset({"staticmethod", "classmethod"})


@dataclass
class _Target:
    """A function, method or class whose code may be kept to some providers."""

    key: str  # ``_label``, ``Sync._google_labels``, ``GmailLabels``
    name: str  # how the module's code names it
    node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
    # A public function is kept to providers only through a table keyed by them:
    # called by its name, a task queue may run it for any grant.
    by_table_only: bool = False


@dataclass
class _Reaches:
    """How the module reaches one name: calls at lines, picks by providers' tables
    and other uses."""

    calls: list[int] = field(default_factory=list)
    picked: list[frozenset[str]] = field(default_factory=list)
    other: bool = False


def guarded_callables(tree: ast.Module, guards: list[ProviderGuard]) -> list[FunctionGuard]:
    """The module's functions, methods and classes reached only under guards or
    through tables keyed by the provider, with their providers."""
    targets = _targets(tree)
    if not targets:
        return []
    reaches = _references(tree, {target.name for target in targets})
    found: dict[str, FunctionGuard] = {}
    # Code reached only from guarded code is guarded too: one more round each.
    for _ in range(len(targets)):
        known = [*guards, *((first, last, names) for _, first, last, names in found.values())]
        added = False
        for target in targets:
            if target.key in found:
                continue
            verdict = _verdict(target, reaches.get(target.name, _Reaches()), known)
            if verdict is None:
                continue
            first, last = target.node.lineno, target.node.end_lineno or target.node.lineno
            found[target.key] = (target.key, first, last, verdict)
            added = True
        if not added:
            break
    return sorted(found.values())


def _verdict(target: _Target, reaches: _Reaches, known: list[ProviderGuard],
             ) -> tuple[str, ...] | None:
    """The providers whose grants reach the target; None when any grant may."""
    first, last = target.node.lineno, target.node.end_lineno or target.node.lineno
    # A call of itself runs only once it runs.
    calls = [line for line in reaches.calls if not first <= line <= last]
    if reaches.other or not (calls or reaches.picked):
        return None
    if target.by_table_only and not reaches.picked:
        return None
    providers: set[str] = set()
    for line in calls:
        around = _providers_at(known, line)
        if around is None:
            return None
        providers.update(around)
    for names in reaches.picked:
        providers.update(names)
    return tuple(sorted(providers))


def _providers_at(guards: list[ProviderGuard], line: int) -> frozenset[str] | None:
    """The providers whose grants reach ``line``: those every guard around it allows;
    None where no guard is."""
    around = [frozenset(names) for first, last, names in guards if first <= line <= last]
    return frozenset.intersection(*around) if around else None


def _targets(tree: ast.Module) -> list[_Target]:
    """The module's private functions (module-level ``_...``, or defined in a
    function), its public module-level functions (for tables only), the private
    methods of its classes and its classes: each defined once, undecorated (a
    method may be a ``staticmethod`` or ``classmethod``)."""
    local = {id(statement) for node in ast.walk(tree) if isinstance(node, _FUNCTIONS)
             for statement in node.body}
    counts = Counter(node.name for node in ast.walk(tree)
                     if isinstance(node, (*_FUNCTIONS, ast.ClassDef)))
    targets: list[_Target] = []
    for node in ast.walk(tree):
        if isinstance(node, _FUNCTIONS) and not node.decorator_list and counts[node.name] == 1:
            if node in tree.body and not node.name.startswith("__"):
                targets.append(_Target(node.name, node.name, node,
                                       by_table_only=not node.name.startswith("_")))
            elif id(node) in local:
                targets.append(_Target(node.name, node.name, node))
        elif isinstance(node, ast.ClassDef) and node in tree.body and counts[node.name] == 1:
            if not node.decorator_list:
                targets.append(_Target(node.name, node.name, node))
            targets.extend(_private_methods(node))
    return targets


def _private_methods(node: ast.ClassDef) -> Iterator[_Target]:
    defined = Counter(item.name for item in node.body if isinstance(item, _FUNCTIONS))
    for item in node.body:
        if isinstance(item, _FUNCTIONS) and item.name.startswith("_") and (
                not item.name.startswith("__")) and defined[item.name] == 1 and all(
                dotted(decorator) in _PLAIN_METHOD_DECORATORS
                for decorator in item.decorator_list):
            yield _Target(f"{node.name}.{item.name}", item.name, item)


def _references(tree: ast.Module, names: set[str]) -> dict[str, _Reaches]:
    """How the module's code reaches each of ``names``: by a name or an attribute of
    that name (``_label``, ``self._label``, ``Labels.create``); annotations aside."""
    parents = {id(child): parent for parent in ast.walk(tree)
               for child in ast.iter_child_nodes(parent)}
    annotations = {id(node) for annotation in _annotations(tree)
                   for node in ast.walk(annotation)}
    picked = _picked_by_tables(tree, parents)
    reaches: dict[str, _Reaches] = {name: _Reaches() for name in names}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            name = node.id
        elif isinstance(node, ast.Attribute):
            name = node.attr
        else:
            continue
        if name not in reaches or id(node) in annotations:
            continue
        if id(node) in picked:
            reaches[name].picked.append(picked[id(node)])
        elif _called(node, parents):
            reaches[name].calls.append(node.lineno)
        else:
            reaches[name].other = True
    return reaches


def _called(node: ast.Name | ast.Attribute, parents: dict[int, ast.AST]) -> bool:
    """``name(...)``, ``self.name(...)``, ``Name.method(...)`` and
    ``Name(...).method(...)``: the name called, or a class's attribute called."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Call) and parent.func is node:
        return True
    if isinstance(node, ast.Name) and isinstance(parent, ast.Attribute):
        return isinstance(grand := parents.get(id(parent)), ast.Call) and grand.func is parent
    return False


def _annotations(tree: ast.Module) -> Iterator[ast.expr]:
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None:
            yield node.annotation
        elif isinstance(node, _FUNCTIONS) and node.returns is not None:
            yield node.returns
        elif isinstance(node, ast.AnnAssign):
            yield node.annotation


def _picked_by_tables(tree: ast.Module, parents: dict[int, ast.AST],
                      ) -> dict[int, frozenset[str]]:
    """The values of dicts keyed by providers that the code only looks up by a
    grant's provider (``HANDLERS[grant.provider]``, ``HANDLERS.get(provider)``), by
    node, with the providers whose keys give them."""
    tests = ProviderTests(tree)
    stores = Counter(node.id for node in ast.walk(tree)
                     if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load))
    rebound = {name for node in ast.walk(tree) if isinstance(node, (ast.Global, ast.Nonlocal))
               for name in node.names}
    loads: dict[str, list[ast.Name]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            loads.setdefault(node.id, []).append(node)
    picked: dict[int, frozenset[str]] = {}
    for table in ast.walk(tree):
        if not isinstance(table, ast.Dict) or not table.keys:
            continue
        keys = [tests.provider_name(key) if key is not None else "" for key in table.keys]
        if not all(keys):
            continue
        parent = parents.get(id(table))
        if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(
                target := parent.targets[0], ast.Name):
            uses = loads.get(target.id, [])
            looked_up = stores[target.id] == 1 and target.id not in rebound and bool(uses) and (
                all(_looked_up_by_provider(load, parents) for load in uses))
        else:
            looked_up = _looked_up_by_provider(table, parents)
        if not looked_up:
            continue
        by_value: dict[str, set[str]] = {}
        for key, value in zip(keys, table.values):
            by_value.setdefault(ast.dump(value), set()).add(key)
        for value in table.values:
            if isinstance(value, (ast.Name, ast.Attribute)):
                picked[id(value)] = frozenset(by_value[ast.dump(value)])
    return picked


def _looked_up_by_provider(node: ast.expr, parents: dict[int, ast.AST]) -> bool:
    """``table[grant.provider]`` or ``table.get(grant.provider[, default])``."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return isinstance(parent.ctx, ast.Load) and names_a_provider(parent.slice)
    if isinstance(parent, ast.Attribute) and parent.attr == "get":
        call = parents.get(id(parent))
        return isinstance(call, ast.Call) and call.func is parent and (
            1 <= len(call.args) <= 2) and not call.keywords and names_a_provider(call.args[0])
    return False
