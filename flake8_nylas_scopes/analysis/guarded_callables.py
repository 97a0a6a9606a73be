"""Functions, methods and classes of a module that run only for some providers' grants.

The feature's work often sits in code the guarded branch reaches by a call::

    if grant.provider == "google":
        _create_label(grant_id)              # a private function
        self._google_labels(grant_id)        # a private method
        GmailLabels(nylas).create(grant_id)  # a class (its instances, its static methods)

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

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
# Decorators that leave a method where its class puts it: called by its name only.
_PLAIN_METHOD_DECORATORS = frozenset({"staticmethod", "classmethod"})


@dataclass
class _Target:
    """A function, method or class whose code may be kept to some providers."""

    key: str  # ``_label``, ``Sync._google_labels``, ``GmailLabels``
    name: str  # how the module's code names it
    node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


@dataclass
class _Reaches:
    """How the module reaches one name: calls at lines, and other uses."""

    calls: list[int] = field(default_factory=list)
    other: bool = False


def guarded_callables(tree: ast.Module, guards: list[ProviderGuard]) -> list[FunctionGuard]:
    """The module's functions, methods and classes reached only under guards, with
    their providers."""
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
    if reaches.other or not calls:
        return None
    providers: set[str] = set()
    for line in calls:
        around = _providers_at(known, line)
        if around is None:
            return None
        providers.update(around)
    return tuple(sorted(providers))


def _providers_at(guards: list[ProviderGuard], line: int) -> frozenset[str] | None:
    """The providers whose grants reach ``line``: those every guard around it allows;
    None where no guard is."""
    around = [frozenset(names) for first, last, names in guards if first <= line <= last]
    return frozenset.intersection(*around) if around else None


def _targets(tree: ast.Module) -> list[_Target]:
    """The module's private functions (module-level ``_...``, or defined in a
    function), the private methods of its classes and its classes: each defined once,
    undecorated (a method may be a ``staticmethod`` or ``classmethod``)."""
    local = {id(statement) for node in ast.walk(tree) if isinstance(node, _FUNCTIONS)
             for statement in node.body}
    counts = Counter(node.name for node in ast.walk(tree)
                     if isinstance(node, (*_FUNCTIONS, ast.ClassDef)))
    targets: list[_Target] = []
    for node in ast.walk(tree):
        if isinstance(node, _FUNCTIONS) and not node.decorator_list and counts[node.name] == 1:
            if node in tree.body and node.name.startswith("_") and (
                    not node.name.startswith("__")):
                targets.append(_Target(node.name, node.name, node))
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
        if _called(node, parents):
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
