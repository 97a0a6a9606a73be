"""Whether a test proving a name a client holds wherever the function reads the name.

The flow reading does not follow branches: a name an ``isinstance`` test (or a
``case Client() as c:`` capture) proves a client holds one in the whole function.
That is sound only where the function reads the name nowhere the proof does not
hold.  Read elsewhere, the name may be something else, and a call through it taken
for a call on the client: in migration code such as::

    def subjects(raw):
        if isinstance(raw, APIClient):
            return [t.subject for t in raw.threads.where()]
        return [m.subject for m in raw.messages.list(grant_id).data]

the last line is API v3's ``messages.list``, and reading it as API v2's lost the
use of the v3 request's mail scope.  A proof counts only where every binding of the
name comes before the test and every read lies where the test holds; a read that
only prints the name or asks its type (``raise TypeError(f"got {type(raw)}")``) makes
no call through it and may lie anywhere.  A read in the test itself counts only
after the ``isinstance`` call: ``raw.messages.list(g) and isinstance(raw, C)`` reads
``raw`` before it is proved anything.  An ``assert`` or a guard proves the name for
the lines after it only where it is a statement of the function's own body: in an
``if`` branch, a loop, a ``try`` or a ``with`` block, a line after it may run
without it (the other branch, no iteration, the ``except`` handler, a suppressed
error).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence

from .tree_walk import walk_nodes

# A position in the source, comparable: (line, column).
Position = tuple[int, int]

# Calls that read a value without calling anything on it that the SDK defines.
_READING_CALLS = frozenset({"type", "repr", "str", "print", "id", "len", "bool", "hash"})


def _start(node: ast.AST) -> Position:
    return (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))


def _end(node: ast.AST) -> Position:
    return (getattr(node, "end_lineno", 0) or 0, getattr(node, "end_col_offset", 0) or 0)


def _within(position: Position, nodes: list[ast.stmt] | list[ast.expr]) -> bool:
    return bool(nodes) and _start(nodes[0]) <= position <= _end(nodes[-1])


def _bindings(node: ast.AST, name: str) -> Iterator[Position]:
    """Where ``name`` is bound under ``node``, nested scopes included (a binding
    there is counted too: the reading here does not tell scopes apart)."""
    for child in walk_nodes(node):
        if isinstance(child, ast.Name) and child.id == name and not isinstance(
                child.ctx, ast.Load):
            yield _start(child)
        elif isinstance(child, (ast.Global, ast.Nonlocal)) and name in child.names:
            yield (1 << 30, 0)  # bound anywhere, at any time
        elif isinstance(child, ast.arg) and child.arg == name:
            yield _start(child)
        elif isinstance(child, (ast.MatchAs, ast.MatchStar)) and child.name == name:
            yield _start(child)
        elif isinstance(child, ast.MatchMapping) and child.rest == name:
            yield _start(child)
        elif isinstance(child, ast.ExceptHandler) and child.name == name:
            yield _start(child)
        elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and child.name == name:
            yield _start(child)
        elif isinstance(child, ast.alias) and (child.asname or child.name) == name:
            yield _start(child)


def _calling_reads(body: list[ast.stmt], name: str) -> Iterator[Position]:
    """Where ``name`` is read other than by printing it or asking its type."""
    harmless: set[int] = set()
    for statement in body:
        for child in walk_nodes(statement):
            if isinstance(child, ast.FormattedValue):
                harmless.add(id(child.value))
            elif isinstance(child, ast.Call) and isinstance(child.func, ast.Name) and (
                    child.func.id in _READING_CALLS or child.func.id == "isinstance"):
                harmless.update(id(argument) for argument in child.args)
    for statement in body:
        for child in walk_nodes(statement):
            if isinstance(child, ast.Name) and child.id == name and isinstance(
                    child.ctx, ast.Load) and id(child) not in harmless:
                yield _start(child)


def _bound_before(body: list[ast.stmt], name: str, test: ast.stmt) -> bool:
    start = _start(test)
    return all(position < start for statement in body
               for position in _bindings(statement, name))


def _after_proof(position: Position, test: ast.expr, proof: ast.expr) -> bool:
    """Whether a read at ``position`` inside the test expression comes after the
    ``isinstance`` call ``proof``: evaluated only once the proof held."""
    return _within(position, [test]) and position >= _end(proof)


def holds_after(body: list[ast.stmt], name: str, test: ast.Assert | ast.If,
                proof: ast.expr) -> bool:
    """``assert isinstance(name, C)`` or a guard that leaves when the test fails, a
    statement of the function's own body: the name is bound only before it and read
    only after the proof."""
    if not any(statement is test for statement in body):
        return False
    leaving = test.body if isinstance(test, ast.If) else []
    message = [test.msg] if isinstance(test, ast.Assert) and test.msg is not None else []
    return _bound_before(body, name, test) and all(
        (position >= _end(test.test) or _after_proof(position, test.test, proof))
        and not _within(position, leaving) and not _within(position, message)
        for position in _calling_reads(body, name))


def holds_in_body(body: list[ast.stmt], name: str, test: ast.If, proof: ast.expr) -> bool:
    """``if isinstance(name, C): ...``: the name is bound only before the ``if`` and
    read only in its test after the proof and in its body."""
    return _bound_before(body, name, test) and all(
        _after_proof(position, test.test, proof) or _within(position, test.body)
        for position in _calling_reads(body, name))


def bound_once(body: list[ast.stmt], name: str) -> bool:
    """``case Client() as c:``: the capture is the only binding of ``c``, so every read
    of ``c`` sees what it captured."""
    return sum(1 for statement in body for _ in _bindings(statement, name)) == 1


def rebound_in(nodes: Sequence[ast.AST], name: str) -> bool:
    """Whether ``name`` is bound anywhere under ``nodes`` (nested scopes counted,
    ``global``/``nonlocal`` too)."""
    return any(True for node in nodes for _ in _bindings(node, name))


def declared_shared(body: list[ast.stmt], name: str) -> bool:
    """Whether a ``global`` or ``nonlocal`` statement anywhere in the function (a
    nested function's included) names ``name``: code the branch calls may rebind it."""
    return any(isinstance(child, (ast.Global, ast.Nonlocal)) and name in child.names
               for statement in body for child in walk_nodes(statement))


def guard_leaves(test: ast.If) -> bool:
    """``if not <test>: ... raise/return``: past the ``if`` the test holds."""
    return isinstance(test.test, ast.UnaryOp) and isinstance(test.test.op, ast.Not) and (
        isinstance(test.body[-1], (ast.Raise, ast.Return)))


def isinstance_parts(test: ast.expr) -> list[ast.Call]:
    """The ``isinstance(<name>, <classes>)`` calls a test is, alone or joined by
    ``and`` (one joined by ``or`` proves nothing)."""
    parts = test.values if isinstance(test, ast.BoolOp) and isinstance(
        test.op, ast.And) else [test]
    return [part for part in parts
            if isinstance(part, ast.Call) and isinstance(part.func, ast.Name)
            and part.func.id == "isinstance" and len(part.args) == 2
            and not part.keywords and isinstance(part.args[0], ast.Name)]
