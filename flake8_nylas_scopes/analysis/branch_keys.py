"""The values a dict's key may hold when each branch of one ``if`` writes it:

    request = {"client_id": CLIENT_ID, "provider": provider}
    if provider == "microsoft":
        request["scope"] = MICROSOFT_SCOPES
    else:
        request["scope"] = GOOGLE_SCOPES
    return nylas.auth.url_for_oauth2(request)

is one of two requests, as ``"scope": A if cond else B`` is.  Read only where the
order of the statements says so without running anything: the dict is made and the
``if`` written in the same body as the call, one after the other, and each branch
writes the key once, in its own statements.  A branch that does not write the key
keeps what the dict was made with; with nothing there, the dict may lack the key and
the key is not read.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence


def branch_key_values(
    body: Sequence[ast.stmt], name: str, key: str, writes: Sequence[ast.expr],
    made_with: ast.expr | None, call: ast.expr,
) -> list[ast.expr] | None:
    """The values ``name[key]`` may hold at ``call``: one per branch of the ``if``
    (``if``/``elif``/``else``) that holds every one of ``writes``, and ``made_with``
    (the value the dict was made with) for a branch that writes nothing.  None when
    the writes are not so placed, or when a branch may leave the key unset."""
    made_at = _index_of_assignment(body, name)
    call_at = _index_holding(body, call)
    if made_at is None or call_at is None:
        return None
    for index in range(made_at + 1, call_at):
        statement = body[index]
        if not isinstance(statement, ast.If):
            continue
        found: list[ast.expr | None] = []
        if not _chain_values(statement, name, key, found):
            continue
        written = [value for value in found if value is not None]
        if len(written) != len(writes) or any(
                not any(value is write for write in writes) for value in written):
            return None  # a write outside the ``if``, or one of its branches writes twice
        if None in found:
            if made_with is None:
                return None  # the dict may lack the key
            return [*written, made_with]
        return written
    return None


def _chain_values(
    statement: ast.If, name: str, key: str, found: list[ast.expr | None],
) -> bool:
    """Each branch's write of ``name[key]`` (None for a branch that writes nothing)
    into ``found``; False when a branch writes it other than once in its own
    statements, or no branch writes it."""
    branches: list[list[ast.stmt]] = []
    current: ast.If | None = statement
    while current is not None:
        branches.append(current.body)
        orelse = current.orelse
        if len(orelse) == 1 and isinstance(orelse[0], ast.If):
            current = orelse[0]
        else:
            branches.append(orelse)  # the ``else``, empty when there is none
            current = None
    for branch in branches:
        writes = [value for statement in branch
                  if (value := _key_written(statement, name, key)) is not None]
        if len(writes) > 1:
            return False
        found.append(writes[0] if writes else None)
    return any(value is not None for value in found)


def _key_written(statement: ast.stmt, name: str, key: str) -> ast.expr | None:
    """The value of ``name[key] = value``; None for any other statement."""
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
        return None
    target = statement.targets[0]
    if (isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name)
            and target.value.id == name and isinstance(target.slice, ast.Constant)
            and target.slice.value == key):
        return statement.value
    return None


def _index_of_assignment(body: Sequence[ast.stmt], name: str) -> int | None:
    for index, statement in enumerate(body):
        targets: list[ast.expr] = []
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        if any(isinstance(target, ast.Name) and target.id == name for target in targets):
            return index
    return None


def _index_holding(body: Sequence[ast.stmt], node: ast.expr) -> int | None:
    """The statement of ``body`` that holds ``node``, by position."""
    where = (node.lineno, node.col_offset)
    for index, statement in enumerate(body):
        end = (statement.end_lineno or statement.lineno, statement.end_col_offset or 0)
        if (statement.lineno, statement.col_offset) <= where <= end:
            return index
    return None
