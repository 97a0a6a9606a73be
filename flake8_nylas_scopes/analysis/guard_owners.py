"""The calls under a provider guard that use the grant of the object it tests.

A guard says which providers' grants reach its lines, but only of the object whose
provider it tests::

    def mirror(source, target):
        if source.provider == "microsoft":
            nylas.events.list(target.grant_id)

``target`` may be a Google grant: the call is not kept to Microsoft's grants.  What
``infer`` leaves out of a provider's minimal list must be a call that runs only for
other providers' grants, so it leaves out only the calls whose grant is provably the
tested object's: the same name, or an attribute or item of it
(``nylas.events.list(source.grant_id)``), while that name is not bound again under
the guard; or a local name the function binds once, before the guard, to such an
attribute or item of a parameter it never stores to (``grant_id =
source.grant_id``, see ``held_grants``).  Any other call under the guard counts for
every provider.  ``check``
reads every guard as before: there a guard only keeps a call from being reported
missing another provider's scope.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence

from .ast_names import dotted, keyword_value
from .provider_tests import names_a_provider, walk_scope
from .tree_walk import walk_nodes

# (line, column of a call, the providers whose grants reach it): a call that uses the
# grant of the object its guard tests, by where it starts, as the judge's uses are.
OwnedCall = tuple[int, int, tuple[str, ...]]

# Calls of these on the provider only spell it otherwise (``.lower()``).
_SAME_NAME = frozenset({"lower", "casefold", "strip", "upper"})
_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def tested_object(test: ast.expr, flags: dict[str, ast.expr]) -> str:
    """The dotted name of the one object whose provider ``test`` reads (``account``
    of ``account.provider == "google"``, also ``account["provider"]``,
    ``account.get("provider")`` and ``getattr(account, "provider")``); "" where it
    reads a name holding a provider (``provider == "google"``, a name of ``flags``:
    what object it came from may have been bound again since), or several
    objects' providers."""
    owners: set[str] = set()
    for node in walk_nodes(test):
        if isinstance(node, ast.Name) and node.id in flags:
            return ""
        if isinstance(node, ast.expr) and names_a_provider(node):
            owner = _provider_owner(node)
            if owner is not None:
                owners.add(owner)
    return owners.pop() if len(owners) == 1 else ""


def matched_object(subject: ast.expr) -> str:
    """The object a ``match`` on an object (``case Grant(provider="google"):``) tests:
    a name or an attribute of one; "" for anything else."""
    name = dotted(subject)
    return "" if "(" in name else name


def _provider_owner(node: ast.expr) -> str | None:
    """The object whose provider ``node`` reads ("" for a name holding a provider);
    None for a spelling of a provider read inside it (``.lower()``)."""
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name):  # getattr(grant, "provider")
            return _object_name(node.args[0])
        if isinstance(node.func, ast.Attribute) and node.func.attr in _SAME_NAME:
            return None
        if isinstance(node.func, ast.Attribute):  # grant.get("provider")
            return _object_name(node.func.value)
        return ""
    if isinstance(node, (ast.Attribute, ast.Subscript)):
        return _object_name(node.value)
    return ""


def _object_name(node: ast.expr) -> str:
    name = dotted(node)
    return "" if "(" in name else name


def owned_calls(parts: Sequence[ast.stmt] | Sequence[ast.expr], subject: str,
                providers: tuple[str, ...], scope: ast.AST | None = None,
                ) -> list[OwnedCall]:
    """The calls in ``parts`` (a guarded block, or a branch of a conditional
    expression) whose grant, the first argument or ``identifier=``, is ``subject`` or
    an attribute or item of it, or a name ``scope`` (the function the guard is in)
    binds to one (``held_grants``); none where the block binds ``subject``'s name
    again.  Calls in functions and lambdas defined there are left out: they may run
    later, with the name bound to another object."""
    root = subject.partition(".")[0]
    nodes = list(_own_nodes(parts))
    if any(_binds(node, root) for node in nodes):
        return []
    calls = [node for node in nodes
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)]
    grants = [_grant_argument(call) for call in calls]
    # Only a guard handing a plain name as the grant needs the function read again.
    named = {grant.id for grant in grants if isinstance(grant, ast.Name) and grant.id != root}
    held = (held_grants(scope, subject, parts[0].lineno, named)
            if named and scope is not None else frozenset())
    return [(call.lineno, call.col_offset, providers) for call, grant in zip(calls, grants)
            if _of_subject(grant, subject)
            or (isinstance(grant, ast.Name) and grant.id in held)]


def held_grants(scope: ast.AST, subject: str, guarded_from: int,
                names: set[str]) -> frozenset[str]:
    """Those of ``names`` that hold an attribute or item of ``subject`` wherever the
    guarded lines (from line ``guarded_from``) of function ``scope`` run::

        def mirror(source):
            grant_id = source.grant_id
            if source.provider == "microsoft":
                nylas.events.list(grant_id)

    Only where nothing can make them differ: ``subject`` is a parameter (not a dotted
    name: another object's attribute may change) that no code of the function binds
    again or stores into; each name is bound only once in the function, nested code
    included, by an assignment among the function's own statements that ends before
    the guarded lines (so it ran before them, once), never declared ``global`` or
    ``nonlocal``."""
    if "." in subject or not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return frozenset()
    parameters = scope.args.posonlyargs + scope.args.args + scope.args.kwonlyargs
    if subject not in {parameter.arg for parameter in parameters}:
        return frozenset()
    bindings: dict[str, int] = {}
    for node in _nodes_inside(scope):
        if _binds(node, subject) or _declares(node, subject):
            return frozenset()
        for name in names:
            if _declares(node, name):
                bindings[name] = 2
            elif _binds(node, name) or (isinstance(node, ast.arg) and node.arg == name):
                bindings[name] = bindings.get(name, 0) + 1
    return frozenset(
        name for name in names if bindings.get(name) == 1
        and any(_assigns_subject_part(statement, name, subject)
                and (statement.end_lineno or statement.lineno) < guarded_from
                for statement in scope.body))


def _nodes_inside(scope: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.AST]:
    """Every node of the function's body and of the code nested in it (its own
    parameters, decorators and annotations left out)."""
    for statement in scope.body:
        yield from walk_nodes(statement)


def _declares(node: ast.AST, name: str) -> bool:
    """Whether ``node`` declares ``name`` global or nonlocal, or binds it otherwise
    than by a name's store (an exception's name, a capture of a ``match`` case)."""
    if isinstance(node, (ast.Global, ast.Nonlocal)):
        return name in node.names
    if isinstance(node, ast.ExceptHandler):
        return node.name == name
    if isinstance(node, (ast.MatchAs, ast.MatchStar)):
        return node.name == name
    if isinstance(node, ast.MatchMapping):
        return node.rest == name
    return False


def _assigns_subject_part(statement: ast.stmt, name: str, subject: str) -> bool:
    """Whether ``statement`` is ``name = subject.attr`` or ``name = subject[key]``
    (also annotated)."""
    if isinstance(statement, ast.Assign):
        if len(statement.targets) != 1:
            return False
        target, value = statement.targets[0], statement.value
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        target, value = statement.target, statement.value
    else:
        return False
    return (isinstance(target, ast.Name) and target.id == name
            and _of_subject(value, subject) and dotted(value) != subject)


def _own_nodes(parts: Sequence[ast.stmt] | Sequence[ast.expr]) -> Iterator[ast.AST]:
    for part in parts:
        yield part
        if not isinstance(part, _NESTED):
            yield from walk_scope(part)


def _binds(node: ast.AST, root: str) -> bool:
    """Whether ``node`` binds ``root`` or changes something reached through it."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name == root
    if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript)) and not isinstance(
            node.ctx, ast.Load):
        return _root_name(node) == root
    return isinstance(node, ast.alias) and (node.asname or node.name).partition(".")[0] == root


def _root_name(node: ast.expr) -> str:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _grant_argument(call: ast.Call) -> ast.expr | None:
    if call.args and not isinstance(call.args[0], ast.Starred):
        return call.args[0]
    return keyword_value(call, "identifier")


def _of_subject(node: ast.expr | None, subject: str) -> bool:
    """Whether ``node`` is ``subject`` or an attribute or a constant item of it
    (``account.grant_id``, ``account["grant_id"]``)."""
    while isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        node = node.value
    if node is None:
        return False
    name = dotted(node)
    return "(" not in name and (name == subject or name.startswith(subject + "."))
