"""A function's list grown behind flags: the lists it may be where a request reads it.

```
scopes = ["email.read_only", "email.send"]
if settings.CALENDAR_ENABLED:
    scopes.append("calendar")
return client.authentication_url(cb, scopes=scopes)
```

holds one of two lists at the request: without and with ``calendar``.  Read so where
the name is bound once in the function's body, before the request and outside any
block, to a list display or a copy of a list (``list(BASE)``, ``BASE.copy()``,
``BASE[:]``, ``[*BASE]``); and every other statement before the request that names it
only adds to it (``append``, ``extend``, ``+=``, ``scopes = scopes + [...]``), at the
top of the body or in ``if`` statements (not loops, ``try``, ``with`` or nested
definitions), with items that do not name the list.  The statement of the request
names the list once, there.  Anything else (another name for the list, a call it is
handed to, a change of another kind) leaves the name unread: the caller stays
unresolved.

Each possible list is written out as a list display of the items as written, so that
its items keep their places in the source.  Finding the statements that name the list
costs one walk of the body, shared by every name read in it.
"""

from __future__ import annotations

import ast
import bisect
from collections.abc import Iterator

from .tree_walk import walk_nodes

# At most this many lists are read for one name; more is not read.
_MAX_LISTS = 16
# Methods that add the items of their argument, or the argument itself.
_EXTENDS = "extend"
_APPENDS = "append"
# A list so far: the items written, each an expression (a ``Starred`` for the items
# of another list).
_Items = tuple[ast.expr, ...]


class _NotRead(Exception):
    """The list is used in a way that is not read."""


class BodyMentions:
    """Where each name is named in one body of statements: the indices of its
    top-level statements that name it, found with one walk."""

    def __init__(self, body: list[ast.stmt]) -> None:
        self.body = body
        self.starts = [(statement.lineno, statement.col_offset) for statement in body]
        self.by_name: dict[str, list[int]] = {}
        for index, statement in enumerate(body):
            for node in walk_nodes(statement):
                if isinstance(node, ast.Name):
                    found = self.by_name.setdefault(node.id, [])
                    if not found or found[-1] != index:
                        found.append(index)

    def statement_at(self, node: ast.expr | ast.stmt) -> int | None:
        """The index of the top-level statement that holds ``node``."""
        line = getattr(node, "lineno", None)
        if line is None:
            return None
        at = bisect.bisect_right(self.starts, (line, node.col_offset)) - 1
        if at < 0:
            return None
        statement = self.body[at]
        end = (statement.end_lineno or statement.lineno, statement.end_col_offset or 0)
        return at if (line, node.col_offset) <= end else None


def grown_lists(mentions: BodyMentions, read: ast.Name) -> list[ast.expr] | None:
    """The list displays ``read`` (a use of a name bound in ``mentions``'s body) may
    hold, one per way through the ``if`` statements that add to it; None where the
    name is not such a list or more than a few lists are possible."""
    name = read.id
    before = _named_before(mentions, read)
    if not before:
        return None
    bound = mentions.body[before[0]]
    start = _start(bound, name)
    if start is None:
        return None
    lists: list[_Items] = [start]
    try:
        for index in before[1:]:
            lists = _after(mentions.body[index], name, lists)
    except _NotRead:
        return None
    if len(lists) < 2 and lists == [start]:
        return None  # nothing added: the name is not bound once for another reason
    return [ast.copy_location(ast.List(elts=list(items), ctx=ast.Load()), bound)
            for items in lists]


def _named_before(mentions: BodyMentions, read: ast.Name) -> list[int] | None:
    """The indices of the statements before the one that holds ``read`` which name
    its name; None where that statement names it more than once, or reads it in code
    that may run later (``lambda: url(scopes=scopes)``)."""
    name = read.id
    request = mentions.statement_at(read)
    indices = mentions.by_name.get(name, [])
    if request is None or request not in indices:
        return None
    statement = mentions.body[request]
    if _names(statement, name) != 1 or _deferred(statement, name):
        return None
    return indices[:indices.index(request)]


def grown_key_lists(
    mentions: BodyMentions, read: ast.Name, key: str,
) -> tuple[ast.Dict, list[ast.expr]] | None:
    """A function's dict whose list at ``key`` is added to behind flags before the
    request that reads ``read`` (``config = {..., "scope": [READ]}``, then ``if
    flags.calendar: config["scope"].append(CAL)``): the dict display and the lists
    the item may be there, under the same conditions as :func:`grown_lists`, every
    statement before the request that names the dict adding to that item.  None
    where the dict is not such a dict."""
    name = read.id
    before = _named_before(mentions, read)
    if before is None or len(before) < 2:
        return None
    bound = mentions.body[before[0]]
    display = _dict_bound(bound, name)
    start = _key_start(display, key) if display is not None else None
    if display is None or start is None:
        return None
    lists: list[_Items] = [start]
    try:
        for index in before[1:]:
            lists = _after(mentions.body[index], name, lists, key)
    except _NotRead:
        return None
    return display, [ast.copy_location(ast.List(elts=list(items), ctx=ast.Load()), bound)
                     for items in lists]


def _dict_bound(statement: ast.stmt, name: str) -> ast.Dict | None:
    """The dict display ``statement`` binds ``name`` to, when it names no other
    dict (no ``**`` spread) and not the name itself."""
    value = _bound_value(statement, name)
    if not isinstance(value, ast.Dict) or any(key is None for key in value.keys):
        return None
    return value


def _key_start(display: ast.Dict, key: str) -> _Items | None:
    """The items of the list the display holds at ``key``, written there once."""
    at = [value for written, value in zip(display.keys, display.values)
          if isinstance(written, ast.Constant) and written.value == key]
    if len(at) != 1:
        return None
    if isinstance(at[0], ast.List):
        return tuple(at[0].elts)
    copied = _copied(at[0])
    return None if copied is None else (_starred(copied),)


def module_lists(mentions: BodyMentions, name: str) -> tuple[list[ast.expr], int] | None:
    """The lists a module's list may hold once the module's body has run, where other
    modules read it: bound by the first top-level statement that names it, then
    added to (at the top of the module or in its ``if`` statements) by each statement
    that names it up to the first that does something else with it.  With the list
    displays, the index of that first other statement (the length of the body when
    there is none): the caller knows which statements change the list, and reads the
    lists only where every change comes before it.  None where the name is bound
    again after that statement, or is not such a list."""
    indices = mentions.by_name.get(name, [])
    if len(indices) < 2:
        return None
    bound = mentions.body[indices[0]]
    start = _start(bound, name)
    if start is None:
        return None
    lists: list[_Items] = [start]
    end = len(mentions.body)
    for at, index in enumerate(indices[1:], 1):
        try:
            lists = _after(mentions.body[index], name, lists)
        except _NotRead:
            end = index
            if any(_stores(mentions.body[later], name) for later in indices[at:]):
                return None
            break
    if lists == [start]:
        return None
    return [ast.copy_location(ast.List(elts=list(items), ctx=ast.Load()), bound)
            for items in lists], end


def _stores(statement: ast.stmt, name: str) -> bool:
    """Whether the statement binds or deletes ``name`` anywhere in it (a function's
    own local of that name too: counted, to keep the reading simple)."""
    return any(not isinstance(node.ctx, ast.Load) for node in _name_nodes(statement, name))


def bound_without_names(body: list[ast.stmt]) -> set[str]:
    """The names statements of ``body`` bind other than as a name node (a ``def``, a
    ``class``, an import, ``except ... as``, a ``match`` capture, ``global``): a list
    of one of these names is not only what its assignments say.  One walk."""
    found: set[str] = set()
    for statement in body:
        for node in walk_nodes(statement):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                found.add(node.name)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                found.update((alias.asname or alias.name).split(".")[0]
                             for alias in node.names)
            elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)):
                if node.name:
                    found.add(node.name)
            elif isinstance(node, ast.MatchMapping) and node.rest:
                found.add(node.rest)
            elif isinstance(node, (ast.Global, ast.Nonlocal)):
                found.update(node.names)
    return found


def _bound_value(statement: ast.stmt, name: str) -> ast.expr | None:
    """The value ``statement`` binds ``name`` to, when it is a plain (or annotated)
    assignment of that name alone whose value does not name it."""
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target, value = statement.targets[0], statement.value
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        target, value = statement.target, statement.value
    else:
        return None
    if not (isinstance(target, ast.Name) and target.id == name) or _names(value, name):
        return None
    return value


def _start(statement: ast.stmt, name: str) -> _Items | None:
    """The items of the list ``statement`` binds ``name`` to: a display, or a copy of
    another list; None for any other statement."""
    value = _bound_value(statement, name)
    if value is None:
        return None
    if isinstance(value, ast.List):
        return tuple(value.elts)
    copied = _copied(value)
    return None if copied is None else (_starred(copied),)


def _copied(value: ast.expr) -> ast.expr | None:
    """``X`` of ``list(X)``, ``X.copy()``, ``X[:]``: a new list of its items."""
    if isinstance(value, ast.Call) and not value.keywords:
        func = value.func
        if isinstance(func, ast.Name) and func.id == "list" and len(value.args) == 1 and (
                not isinstance(value.args[0], ast.Starred)):
            return value.args[0]
        if isinstance(func, ast.Attribute) and func.attr == "copy" and not value.args:
            return func.value
    if isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Slice) and (
            value.slice.lower is None and value.slice.upper is None
            and value.slice.step is None):
        return value.value
    return None


def _after(statement: ast.stmt, name: str, lists: list[_Items],
           key: str | None = None) -> list[_Items]:
    """The lists after ``statement``, a statement that names the list (``name``, or
    the item ``name[key]`` of a dict when ``key`` is given)."""
    if isinstance(statement, ast.If):
        if not _only_tested(statement.test, name):
            raise _NotRead
        found = _through(statement.body, name, lists, key) + _through(
            statement.orelse, name, lists, key)
        unique = list({tuple(id(item) for item in items): items for items in found}.values())
        if len(unique) > _MAX_LISTS:
            raise _NotRead
        return unique
    added = _added(statement, name, key)
    return [items + added for items in lists]


def _through(body: list[ast.stmt], name: str, lists: list[_Items],
             key: str | None = None) -> list[_Items]:
    for statement in body:
        if _names(statement, name):
            lists = _after(statement, name, lists, key)
    return lists


def _added(statement: ast.stmt, name: str, key: str | None = None) -> _Items:
    """The items a statement adds to the list: ``scopes.append(x)``,
    ``scopes.extend(xs)``, ``scopes += xs``, ``scopes = scopes + xs`` (and the same
    of ``config["scope"]`` when ``key`` is given)."""
    added: ast.expr | None = None
    one = False
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        call = statement.value
        func = call.func
        if isinstance(func, ast.Attribute) and _is_list(func.value, name, key) and (
                func.attr in (_APPENDS, _EXTENDS)
                and len(call.args) == 1 and not call.keywords
                and not isinstance(call.args[0], ast.Starred)):
            added, one = call.args[0], func.attr == _APPENDS
    elif isinstance(statement, ast.AugAssign) and isinstance(statement.op, ast.Add) and (
            _is_list(statement.target, name, key)):
        added = statement.value
    elif isinstance(statement, ast.Assign) and len(statement.targets) == 1 and (
            _is_list(statement.targets[0], name, key)):
        value = statement.value
        if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add) and (
                _is_list(value.left, name, key)):
            added = value.right
    if added is None or _names(added, name):
        raise _NotRead
    if one:
        return (added,)
    if isinstance(added, (ast.List, ast.Tuple)):
        return tuple(added.elts)
    return (_starred(added),)


def _is_list(node: ast.expr, name: str, key: str | None) -> bool:
    """Whether ``node`` is the list followed: ``name``, or ``name[key]``."""
    if key is not None:
        if not (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant)
                and node.slice.value == key):
            return False
        node = node.value
    return isinstance(node, ast.Name) and node.id == name


def _starred(node: ast.expr) -> ast.expr:
    return ast.copy_location(ast.Starred(value=node, ctx=ast.Load()), node)


def _name_nodes(node: ast.AST, name: str) -> Iterator[ast.Name]:
    for inner in walk_nodes(node):
        if isinstance(inner, ast.Name) and inner.id == name:
            yield inner


def _names(node: ast.AST, name: str) -> int:
    """How many times ``node`` names ``name``."""
    return sum(1 for _ in _name_nodes(node, name))


# Code that runs after the statement that holds it, if at all.
_DEFERRED = (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
             ast.GeneratorExp)


def _deferred(statement: ast.stmt, name: str) -> bool:
    """Whether the statement of the request reads the list in code that may run
    later (``lambda: url(scopes=scopes)``), after changes this reading does not see."""
    return any(isinstance(node, _DEFERRED) and _names(node, name)
               for node in walk_nodes(statement))


def _only_tested(test: ast.expr, name: str) -> bool:
    """Whether an ``if`` test names the list only to ask whether it holds an item
    (``if "calendar" not in scopes:``), where no code gets it."""
    named = _names(test, name)
    if not named:
        return True
    tested = sum(
        1 for node in walk_nodes(test) if isinstance(node, ast.Compare)
        and all(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops)
        for side in node.comparators if isinstance(side, ast.Name) and side.id == name)
    return tested == named
