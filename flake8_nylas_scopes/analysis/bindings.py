"""Name bindings of one scope (a module or a function body), flow-insensitive.

The analysis follows a name only when it is bound exactly once in its scope by a plain
assignment; a name bound twice, in a loop target, by ``with ... as`` or as a parameter
is ambiguous and stays unresolved.  That keeps the analysis silent where it would
otherwise guess.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import cast

from .frame_names import may_read_names_by_text, reads_names_by_text
from .tree_walk import child_nodes, code_children, walk_nodes

_NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)

# The statement ``type X = ...`` of Python 3.12 and later; None before.
_TYPE_ALIAS: type[ast.stmt] | None = getattr(ast, "TypeAlias", None)


def _alias_name(statement: ast.stmt) -> ast.expr:
    name: ast.expr = getattr(statement, "name")
    return name


def all_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement of a body in source order, those of nested blocks, functions
    and classes included; expressions are not walked."""
    stack: list[ast.AST] = list(reversed(body))
    kinds = _STATEMENT_KINDS
    while stack:
        node = stack.pop()
        # Dispatched on the node's class, as ``statements_in_scope`` is: whether it
        # is a statement and which fields may hold a block, found once per class.
        kind = node.__class__
        known = kinds.get(kind)
        if known is None:
            known = kinds[kind] = (issubclass(kind, ast.stmt), block_fields(kind))
        if known[0]:
            yield cast(ast.stmt, node)
        for name in known[1]:
            block = getattr(node, name, None)
            if isinstance(block, list):
                stack.extend(reversed(block))


# A node's class to whether it is a statement and the fields that may hold a block
# (see ``block_fields``), filled as classes are met.
_STATEMENT_KINDS: dict[type[ast.AST], tuple[bool, tuple[str, ...]]] = {}


def statements_in_scope(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """The statements of a scope's body (and their handlers, ``with`` items and walrus
    targets in conditions and loops' iterables), not descending into nested scopes or
    into expressions.

    Bindings happen in statements; walking every expression node instead would cost
    more than parsing the module.  (It dispatches on each node's class, which the
    parser never subclasses: a chain of ``isinstance`` tests per statement cost more
    than the rest of the walk.)
    """
    stack: list[ast.AST] = list(reversed(body))
    blocks_of = _BLOCKS_OF
    while stack:
        node = stack.pop()
        yield node
        kind = node.__class__
        if kind in _NESTED_SCOPE_KINDS:
            continue  # the definition binds its name here; its body is another scope
        if kind is ast.If or kind is ast.While:
            # ``if (client := make()):`` binds in the enclosing scope.
            yield from _walrus_targets(getattr(node, "test"))
        elif kind is ast.For or kind is ast.AsyncFor:
            # So does ``for d in (drafts := list(api.drafts.all())):``.
            yield from _walrus_targets(getattr(node, "iter"))
        elif kind is ast.With or kind is ast.AsyncWith:
            yield from getattr(node, "items")
        names = blocks_of.get(kind)
        if names is None:
            names = blocks_of[kind] = block_fields(kind)
        children: list[ast.AST] = []
        for name in names:
            block = getattr(node, name, None)
            if isinstance(block, list):
                children.extend(block)
        stack.extend(reversed(children))


_NESTED_SCOPE_KINDS: frozenset[type[ast.AST]] = frozenset(_NESTED_SCOPES)
# The fields that may hold a block of statements (or handlers, or cases).
_BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")
# A node's class to those of its fields that ``_BLOCK_FIELDS`` names, filled as
# classes are met.
_BLOCKS_OF: dict[type[ast.AST], tuple[str, ...]] = {}


def block_fields(kind: type[ast.AST]) -> tuple[str, ...]:
    """The fields of ``kind`` that may hold a block: a name not among its fields may
    still be set on a node made by hand, so an unknown class keeps every name."""
    if kind.__module__ != "ast":
        return _BLOCK_FIELDS
    return tuple(name for name in _BLOCK_FIELDS if name in kind._fields)


def _walrus_targets(node: ast.AST) -> Iterator[ast.AST]:
    return (n for n in walk_nodes(node) if n.__class__ is ast.NamedExpr)


@dataclass
class Bindings:
    """What one scope binds.  ``values`` holds the single value of a once-bound name."""

    values: dict[str, ast.expr] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)
    # ``name["key"] = value`` writes into a dict held by ``name``.
    key_writes: dict[str, dict[str, list[ast.expr]]] = field(default_factory=dict)
    # Names whose dict is changed in a way the analysis cannot read (``.update``,
    # a computed key, ``del``): its keys are then not known to be complete.
    opaque_writes: set[str] = field(default_factory=set)
    declared_global: set[str] = field(default_factory=set)
    # Names bound by an import statement (and possibly by other statements too).
    imported: set[str] = field(default_factory=set)
    # Parameters annotated with a type, by the annotation expression.
    annotations: dict[str, ast.expr] = field(default_factory=dict)
    # Names whose list is changed in place (``append``, ``extend``): its one
    # assignment no longer says what it holds when it is read as scopes.
    mutated: set[str] = field(default_factory=set)

    def bind(self, name: str, value: ast.expr | None) -> None:
        if name in self.values or name in self.ambiguous or value is None:
            self.values.pop(name, None)
            self.ambiguous.add(name)
        else:
            self.values[name] = value

    def lookup(self, name: str) -> ast.expr | None:
        return self.values.get(name)

    def binds(self, name: str) -> bool:
        return name in self.values or name in self.ambiguous

    def changed_in_place(self, name: str) -> bool:
        """Whether the list or set ``name`` is bound to is changed after its one
        assignment, so that the assignment no longer says what it holds.

        A dict records its writes by key (``CONFIG["scope"] = ...``); a list or set
        written by position (``SCOPES[0] = ...``, ``del SCOPES[1:]``) or by ``update``
        keeps no such record, and its items are then unknown.
        """
        if name in self.mutated:
            return True
        value = self.values.get(name)
        return name in self.opaque_writes and value is not None and _holds_a_sequence(value)


def _holds_a_sequence(value: ast.expr) -> bool:
    if isinstance(value, _SEQUENCE_DISPLAYS):
        return True
    return (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
            and value.func.id in _SEQUENCE_BUILDERS)


DICT_MUTATORS = frozenset({"update", "setdefault", "pop", "popitem", "clear"})
# Methods that change a list or a set in place: one changed this way no longer holds
# what its one assignment says (``SCOPES.append("email.send")``, ``scopes.add(...)``
# behind a feature flag).  A set's ``update`` is a dict's too: see ``changed_in_place``.
LIST_MUTATORS = frozenset({"append", "extend", "insert", "remove", "clear", "pop", "sort",
                           "reverse", "add", "discard", "difference_update",
                           "intersection_update", "symmetric_difference_update"})
# The operators' own methods that change a list, set or dict in place, called by name
# (``settings.SCOPES.__iadd__(["calendar"])``, ``PROVIDER_SCOPES.__setitem__("google",
# [...])``): the same changes as ``+=`` and an item stored, written as calls.
IN_PLACE_DUNDERS = frozenset({"__iadd__", "__ior__", "__imul__", "__isub__", "__iand__",
                              "__ixor__", "__setitem__", "__delitem__"})
# Values that hold a list or a set, whose items no key names.
_SEQUENCE_DISPLAYS = (ast.List, ast.Set, ast.ListComp, ast.SetComp, ast.BinOp)
_SEQUENCE_BUILDERS = frozenset({"list", "set", "sorted"})


# Functions that only look at what they are given (builtins, a logger's methods):
# handing a value to them lets no other code keep or change it.
READING_CALLS = frozenset({"print", "len", "repr", "bool", "isinstance", "id", "hash",
                           "debug", "info", "warning", "error", "exception", "critical"})
# Builtins that make a new container of the items they are given.
_COPYING_CALLS = frozenset({"list", "tuple", "sorted"})
# Functions whose result is a new record holding the field values of the one they
# are given: ``copy.copy``, ``dataclasses.replace`` and Python 3.13's ``copy.replace``.
_RECORD_COPIES = frozenset({"copy", "replace"})
# Methods of a dict or list that read it without changing it.
_READING_METHODS = frozenset({"keys", "count", "index"})
# Methods of a dict or list that give its items (or a new container of them).
_ITEM_GIVING_METHODS = frozenset({"get", "values", "items", "copy"})
_HOLDERS = (ast.Assign, ast.AnnAssign, ast.NamedExpr)
_CLOSURES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def hand_overs(body: list[ast.stmt], name: str,
               reads: Callable[[ast.Call], bool] | None = None,
               shadowed: AbstractSet[str] = frozenset()) -> int:
    """How many places of a function body let other code hold or change the object
    ``name`` is bound to: an argument, another name or container holding it,
    ``return``, a method call that is not a read, any use in a nested function.

    The analysis reads a dict or list where one such place hands it over (to the
    Nylas call); any other may change it (``tweak(params)``, ``alias = params`` then
    ``alias["calendar_id"] = "primary"``), so more than one means its assignment no
    longer says what the Nylas call gets.  Comparisons, tests, iteration, formatting,
    key writes (which the bindings record) and reads by key only look at it, and so
    do the calls ``reads`` says only read their arguments.  ``shadowed``: the names
    of reading calls (``len``, ``info``) that the module binds itself (``def len(x):
    x.append(...)``), which are no reads there.
    """
    parents: dict[ast.AST, ast.AST] = {}
    count = 0
    stack: list[tuple[ast.AST, bool]] = [(statement, False) for statement in body]
    while stack:
        node, nested = stack.pop()
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load):
            if nested or (_passes_on(node, node, parents, shadowed) and not (
                    reads is not None and _read_by(node, parents, reads))):
                count += 1
        inner = nested or isinstance(node, _CLOSURES)
        # Contexts and operators are neither a name nor a place a name passes through.
        for child in code_children(node):
            parents[child] = node
            stack.append((child, inner))
    return count


def handed_over_names(body: list[ast.stmt],
                      reads: Callable[[ast.Call], bool] | None = None,
                      shadowed: AbstractSet[str] = frozenset()) -> set[str]:
    """The names for which :func:`hand_overs` finds a place, in one walk of the body:
    asked for many names of one function, this costs one walk instead of one each."""
    parents: dict[ast.AST, ast.AST] = {}
    found: set[str] = set()
    stack: list[tuple[ast.AST, bool]] = [(statement, False) for statement in body]
    while stack:
        node, nested = stack.pop()
        if isinstance(node, ast.Name) and node.id not in found and isinstance(
                node.ctx, ast.Load):
            if nested or (_passes_on(node, node, parents, shadowed) and not (
                    reads is not None and _read_by(node, parents, reads))):
                found.add(node.id)
        inner = nested or isinstance(node, _CLOSURES)
        # Contexts and operators are neither a name nor a place a name passes through.
        for child in code_children(node):
            parents[child] = node
            stack.append((child, inner))
    return found


def _passes_on(node: ast.expr, name: ast.Name, parents: dict[ast.AST, ast.AST],
               shadowed: AbstractSet[str]) -> bool:
    parent = parents.get(node)
    if isinstance(parent, ast.Subscript) and parent.value is node:
        if isinstance(parent.ctx, ast.Store) and node is name and isinstance(
                parent.slice, ast.Constant) and isinstance(parent.slice.value, str):
            return False  # ``params["k"] = v``: a key write, which the bindings record
        if isinstance(parent.ctx, (ast.Store, ast.Del)):
            # ``scopes[0] = s``, ``del params["k"]``, ``params["k"]["j"] = v``.
            return True
        return _passes_on(parent, name, parents, shadowed)
    if isinstance(parent, (ast.Compare, ast.FormattedValue)):
        return False
    if isinstance(parent, (ast.BoolOp, ast.IfExp)) and _bound_to_itself(parent, name, parents):
        return False
    if isinstance(parent, (ast.If, ast.While, ast.IfExp, ast.Assert)) and parent.test is node:
        return False
    if isinstance(parent, (ast.BoolOp, ast.IfExp)):
        # ``list(scopes or DEFAULT)``: the object may be the value of the whole, and
        # goes wherever that goes.
        return _passes_on(parent, name, parents, shadowed)
    if isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.Not):
        return False
    if isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)) and parent.iter is node:
        return False
    if isinstance(parent, ast.Call) and any(arg is node for arg in parent.args) and (
            _reading_call(parent.func, shadowed)):
        return False
    if isinstance(parent, ast.Call) and parent.args == [node] and not parent.keywords and (
            isinstance(parent.func, ast.Name) and parent.func.id in _COPYING_CALLS) and (
            _bound_to_itself(parent, name, parents)):
        # ``scopes = list(scopes or DEFAULT)``: a copy bound back to the name, whose
        # every later use is one of the name's own (and so looked at here too).
        return False
    if isinstance(parent, ast.Attribute) and parent.value is node:
        call = parents.get(parent)
        if not (isinstance(call, ast.Call) and call.func is parent):
            # ``"email.read_only" in plan.SCOPES`` of a loop over classes: the
            # attribute only looked at gives no code the object; any other use of it
            # (stored, changed, handed on, bound to a name) may.
            return not (node is name and isinstance(parent.ctx, ast.Load)
                        and _only_looked_at(parent, parents, shadowed))
        if parent.attr in _ITEM_GIVING_METHODS:
            # What they give holds the object's own items, which a change of it
            # (``CONFIG.get("scope").append(x)``), a loop over a view or a copy
            # (``for scopes in SCOPES.values(): scopes.append(x)``) or another name
            # holding that may change.  Tests and reads of what they give only look.
            above = parents.get(call)
            if isinstance(above, ast.Attribute) and above.value is call:
                return True
            if parent.attr == "get":
                # An item, as ``params["k"]`` is: handed on where that is
                # (``store(config.get("scopes"))`` keeps the list).
                return _passes_on(call, name, parents, shadowed)
            return isinstance(above, (ast.For, ast.AsyncFor, ast.comprehension)) and (
                above.iter is call) or isinstance(above, _HOLDERS) and above.value is call
        return parent.attr not in _READING_METHODS
    return True


def _only_looked_at(value: ast.expr, parents: dict[ast.AST, ast.AST],
                    shadowed: AbstractSet[str]) -> bool:
    """Whether ``value`` is only compared, tested, formatted or given to a builtin
    that only reads it (``len(plan.SCOPES)``), so that no code keeps or changes it."""
    parent = parents.get(value)
    if isinstance(parent, (ast.Compare, ast.FormattedValue)):
        return True
    if isinstance(parent, (ast.If, ast.While, ast.IfExp, ast.Assert)) and parent.test is value:
        return True
    if isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.Not):
        return True
    return isinstance(parent, ast.Call) and any(arg is value for arg in parent.args) and (
        _reading_call(parent.func, shadowed))


def _reading_call(func: ast.expr, shadowed: AbstractSet[str]) -> bool:
    """Whether calling ``func`` only reads its arguments: a builtin or a logger's
    method by name, unless the module binds that name itself."""
    name = _callee_name(func)
    return name in READING_CALLS and name not in shadowed


def _bound_to_itself(value: ast.expr, name: ast.Name, parents: dict[ast.AST, ast.AST]
                     ) -> bool:
    """``scopes = scopes or DEFAULT``, ``scopes = DEFAULT if scopes is None else
    scopes``: the object goes back to the name that held it, to no other place."""
    statement = parents.get(value)
    return isinstance(statement, ast.Assign) and statement.value is value and len(
        statement.targets) == 1 and isinstance(statement.targets[0], ast.Name) and (
            statement.targets[0].id == name.id)


def _read_by(node: ast.expr, parents: dict[ast.AST, ast.AST],
             reads: Callable[[ast.Call], bool]) -> bool:
    """Whether ``node`` is an argument, or held in a display that is one
    (``url_for_oauth2({"scope": scopes})``), of a call that only reads it; also what
    may be the value of an ``or`` or a conditional (``scopes=scopes or DEFAULT``) or
    of a builtin's copy (``scopes=list(scopes or DEFAULT)``): as a statement binding
    it back to the name before the call would be."""
    held: ast.AST = node
    parent = parents.get(node)
    call = parents.get(parent) if isinstance(parent, ast.Attribute) else None
    if isinstance(parent, ast.Attribute) and parent.attr == "get" and isinstance(
            call, ast.Call) and call.func is parent:
        # ``limit=params.get("limit")``: the item given, read where it is.
        held, parent = call, parents.get(call)
    while parent is not None:
        if isinstance(parent, ast.keyword):
            call = parents.get(parent)
            return isinstance(call, ast.Call) and reads(call) and not _record_copy(call)
        if isinstance(parent, ast.Call) and any(arg is held for arg in parent.args) and (
                reads(parent)):
            return not _record_copy(parent)
        if not _carries_to_its_value(parent, held):
            return False
        held, parent = parent, parents.get(parent)
    return False


def _record_copy(call: ast.Call) -> bool:
    """Whether ``call`` makes a shallow copy of a record (``copy.copy(settings)``,
    ``dataclasses.replace(settings, api_key=k)``): it leaves what it is given as it
    is, but the copy holds the very lists of its fields, which go wherever the copy
    goes (``def clone(r): return copy.copy(r)``, then ``configure(clone(SETTINGS))``)."""
    return _callee_name(call.func) in _RECORD_COPIES


def _carries_to_its_value(parent: ast.AST, node: ast.AST) -> bool:
    """Whether what ``parent`` makes holds ``node``, or its items, and nothing else
    of it: a display holding it (not as a dict's key), an ``or`` or a conditional it
    may be the value of, a copy by ``list``, ``tuple`` or ``sorted``."""
    if isinstance(parent, (ast.List, ast.Tuple, ast.Set)):
        return True
    if isinstance(parent, ast.Dict):
        return not any(key is node for key in parent.keys)
    if isinstance(parent, ast.BoolOp):
        return True
    if isinstance(parent, ast.IfExp):
        return parent.test is not node
    return isinstance(parent, ast.Call) and parent.args == [node] and not parent.keywords and (
        isinstance(parent.func, ast.Name) and parent.func.id in _COPYING_CALLS)


# Values of a dict or list: objects other code can change after the assignment.
_CONTAINER_DISPLAYS = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
_CONTAINER_CALLS = frozenset({"dict", "list", "set", "OrderedDict", "defaultdict"})


def is_container(value: ast.expr) -> bool:
    """Whether ``value`` makes a dict or list: what ``hand_overs`` is about."""
    if isinstance(value, _CONTAINER_DISPLAYS):
        return True
    if not isinstance(value, ast.Call):
        return False
    func = value.func
    name = func.id if isinstance(func, ast.Name) else (
        func.attr if isinstance(func, ast.Attribute) else "")
    # A request TypedDict of the SDK (``ListEventQueryParams(calendar_id=...)``) too.
    return name in _CONTAINER_CALLS or name.endswith(("Params", "Request", "Config"))


def _callee_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _bind_target(bindings: Bindings, target: ast.expr, value: ast.expr | None) -> None:
    if isinstance(target, ast.Name):
        bindings.bind(target.id, value)
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            _bind_target(bindings, element, None)
    elif isinstance(target, ast.Starred):
        _bind_target(bindings, target.value, None)
    elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
        key = target.slice
        name = target.value.id
        if isinstance(key, ast.Constant) and isinstance(key.value, str) and value is not None:
            bindings.key_writes.setdefault(name, {}).setdefault(key.value, []).append(value)
        else:
            bindings.opaque_writes.add(name)


def collect_bindings(
    body: list[ast.stmt], parameters: ast.arguments | None = None
) -> Bindings:
    bindings = _body_bindings(body)
    return with_parameters(bindings, parameters) if parameters is not None else bindings


def with_parameters(body: Bindings, parameters: ast.arguments) -> Bindings:
    """``body``'s bindings plus a function's parameters, as a new record.

    A parameter is bound on entry, so a body that binds it again leaves it ambiguous
    either way: adding the parameters after the body gives what adding them first
    would, and the body's bindings can be shared with a pass that leaves them out.
    """
    bindings = Bindings(
        dict(body.values), set(body.ambiguous), body.key_writes, body.opaque_writes,
        body.declared_global, body.imported, {}, body.mutated,
    )
    every = [*parameters.posonlyargs, *parameters.args, *parameters.kwonlyargs]
    every += [arg for arg in (parameters.vararg, parameters.kwarg) if arg is not None]
    for arg in every:
        bindings.bind(arg.arg, None)
        if arg.annotation is not None:
            bindings.annotations[arg.arg] = arg.annotation
    return bindings


class BodyBindings:
    """Each function body's own bindings, collected once for every pass over a module."""

    def __init__(self) -> None:
        self._found: dict[ast.AST, Bindings] = {}
        # The targets of each function's assignment expressions (see
        # ``note_assignment_expressions``).
        self._walrus: dict[ast.AST, list[ast.expr]] = {}
        # Whether a function of the module may reach its names by their text (see
        # ``frame_names``; set by ``note_assignment_expressions``).
        self._by_text = False

    def note_assignment_expressions(self, tree: ast.Module, text: str) -> None:
        """Find where each ``name := value`` binds, in one walk of a module whose text
        has one (most have none).  ``statements_in_scope`` finds those in conditions
        and loops' iterables; one in any other expression (``print(d := make())``, a
        comprehension's condition) binds in the function around it too."""
        if ":=" in text:
            self._walrus = assignment_expression_targets(tree)
        self._by_text = may_read_names_by_text(text)

    def has_assignment_expressions(self) -> bool:
        """Whether a function of the module binds a name with ``:=``."""
        return bool(self._walrus)

    def of(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> Bindings:
        found = self._found.get(function)
        if found is None:
            found = self._found[function] = _body_bindings(function.body)
            for target in self._walrus.get(function, ()):
                _bind_target(found, target, None)
            if self._by_text and reads_names_by_text(function):
                _changed_by_text(found, function.args)
        return found


def _changed_by_text(bindings: Bindings, parameters: ast.arguments) -> None:
    """Every name of a function that reaches its names by their text (``locals()``,
    a frame's ``f_locals``), parameters included, taken as changed in ways the
    analysis cannot read: no dict or list of it is what its assignment says."""
    every = [*parameters.posonlyargs, *parameters.args, *parameters.kwonlyargs]
    every += [arg for arg in (parameters.vararg, parameters.kwarg) if arg is not None]
    names = {*bindings.values, *bindings.ambiguous, *bindings.key_writes,
             *(arg.arg for arg in every)}
    bindings.opaque_writes.update(names)
    bindings.mutated.update(names)


def assignment_expression_targets(tree: ast.Module) -> dict[ast.AST, list[ast.expr]]:
    """The targets of the assignment expressions of each function, by function node.

    A comprehension's binds in the function around it (PEP 572), and one in a
    definition's decorators, defaults or annotations in the scope the definition is
    in.  One in a lambda, a class body or at module level is left out: its name
    stays unfollowed there.  Each node is visited once."""
    found: dict[ast.AST, list[ast.expr]] = {}
    stack: list[tuple[ast.AST, ast.AST]] = [(tree, tree)]
    while stack:
        node, scope = stack.pop()
        if isinstance(node, ast.NamedExpr) and isinstance(
                scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.setdefault(scope, []).append(node.target)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                             ast.ClassDef)) and node is not scope:
            body = node.body if isinstance(node.body, list) else [node.body]
            # The body is the definition's own scope; the rest is evaluated here.
            stack += [(child, node) for child in body]
            own = {id(child) for child in body}
            stack += [(child, scope) for child in child_nodes(node)
                      if id(child) not in own]
            continue
        stack += [(child, scope) for child in child_nodes(node)]
    return found


def _body_bindings(body: list[ast.stmt]) -> Bindings:
    bindings = Bindings()
    for node in statements_in_scope(body):
        if isinstance(node, ast.Assign):
            value = node.value if len(node.targets) == 1 else None
            for target in node.targets:
                _bind_target(bindings, target, value)
        elif isinstance(node, ast.AnnAssign):
            if node.value is not None:
                _bind_target(bindings, node.target, node.value)
        elif isinstance(node, ast.AugAssign):
            _bind_target(bindings, node.target, None)
        elif _TYPE_ALIAS is not None and isinstance(node, _TYPE_ALIAS):
            # ``type Nylas = Annotated[...]`` (Python 3.12) binds the alias's name.
            _bind_target(bindings, _alias_name(node), None)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            _bind_target(bindings, node.target, None)
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            _bind_target(bindings, node.optional_vars, None)
        elif isinstance(node, ast.NamedExpr):
            _bind_target(bindings, node.target, None)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bindings.bind(node.name, None)
        elif isinstance(node, ast.match_case):
            # ``case Client() as c:`` binds ``c`` in the function, as ``except ... as``.
            for name in _captured_names(node.pattern):
                bindings.bind(name, None)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                local = (alias.asname or alias.name).split(".")[0]
                bindings.bind(local, None)
                bindings.imported.add(local)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bindings.bind(node.name, None)
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                    bindings.opaque_writes.add(target.value.id)
                else:
                    _bind_target(bindings, target, None)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            bindings.declared_global.update(node.names)
        elif (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and isinstance(node.value.func.value, ast.Name)
        ):
            name = node.value.func.value.id
            if node.value.func.attr in DICT_MUTATORS:
                bindings.opaque_writes.add(name)
            if node.value.func.attr in LIST_MUTATORS:
                bindings.mutated.add(name)
            if node.value.func.attr in IN_PLACE_DUNDERS:
                # Which items it writes, or which key, is not read.
                bindings.mutated.add(name)
                bindings.opaque_writes.add(name)
    return bindings


def with_value(body: list[ast.stmt], name: str) -> ast.expr | None:
    """What ``with <expr> as name`` gives ``name`` when that ``with`` is the only
    statement of the scope that binds it; None otherwise."""
    found: list[ast.expr] = []
    for node in statements_in_scope(body):
        if isinstance(node, ast.withitem):
            target = node.optional_vars
            if isinstance(target, ast.Name) and target.id == name:
                found.append(node.context_expr)
            elif target is not None and _binds_directly(node, name):
                return None
        elif _binds_directly(node, name):
            return None
    return found[0] if len(found) == 1 else None


def loop_iterable(body: list[ast.stmt], name: str) -> ast.expr | None:
    """What ``for name in <expr>:`` runs ``name`` over when that loop is the only
    statement of the scope that binds it; None otherwise.  (An assignment expression
    outside a condition or a loop's iterable is not seen here: ask only where the
    module has none.)"""
    found: list[ast.expr] = []
    for node in statements_in_scope(body):
        if isinstance(node, (ast.For, ast.AsyncFor)) and isinstance(
                node.target, ast.Name) and node.target.id == name:
            found.append(node.iter)
        elif _stores(node, name):
            return None
    return found[0] if len(found) == 1 else None


def _stores(node: ast.AST, name: str) -> bool:
    """Whether ``node`` itself binds ``name``; reading it in a target
    (``out[name] = ...``) does not."""
    targets: list[ast.expr] = []
    if isinstance(node, (ast.Assign, ast.Delete)):
        targets = node.targets
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor,
                           ast.NamedExpr)):
        targets = [node.target]
    elif isinstance(node, ast.withitem):
        targets = [] if node.optional_vars is None else [node.optional_vars]
    else:
        return _binds_directly(node, name)
    return any(isinstance(found, ast.Name) and found.id == name
               and not isinstance(found.ctx, ast.Load)
               for target in targets for found in walk_nodes(target))


def _binds_directly(node: ast.AST, name: str) -> bool:
    """Whether ``node`` itself (not the statements inside it) binds ``name``."""
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor,
                           ast.NamedExpr)):
        targets = [node.target]
    elif isinstance(node, ast.withitem) and node.optional_vars is not None:
        targets = [node.optional_vars]
    elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name == name
    elif isinstance(node, ast.ExceptHandler):
        return node.name == name
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        return any((a.asname or a.name).split(".")[0] == name for a in node.names)
    elif isinstance(node, (ast.Global, ast.Nonlocal)):
        return name in node.names
    elif isinstance(node, ast.Delete):
        targets = node.targets
    return any(isinstance(n, ast.Name) and n.id == name for t in targets for n in walk_nodes(t))


_Path = tuple[tuple[int, int], ...]


class _NotBranches(Exception):
    """The name is bound in a way that is not one value per branch."""


def branch_values(body: list[ast.stmt], name: str) -> list[ast.expr] | None:
    """The values of a name assigned in exclusive branches of ``if``/``elif``/``else``
    (and perhaps first before them, as a default the branches override).

    Each is a value the name may hold after the ``if``: ``SCOPES = BASIC`` then
    ``if plan == "pro": SCOPES = PRO``.  None when the name is bound any other way
    (a loop, ``with``, an augmented assignment, a later unconditional assignment that
    makes an earlier one dead): the analysis then does not guess.
    """
    found: list[tuple[_Path, ast.expr]] = []
    try:
        _branch_walk(body, name, (), found)
    except _NotBranches:
        return None
    if len(found) < 2:
        return None
    for index, (first, _) in enumerate(found):
        for later, _ in found[index + 1:]:
            if not (_diverge(first, later) or (len(first) < len(later)
                                               and later[:len(first)] == first)):
                return None
    return [value for _, value in found]


def _diverge(a: _Path, b: _Path) -> bool:
    for (node_a, branch_a), (node_b, branch_b) in zip(a, b):
        if node_a != node_b:
            return False
        if branch_a != branch_b:
            return True
    return False


def _binds(node: ast.AST, name: str) -> bool:
    """Whether a statement binds ``name`` anywhere in it (not in nested scopes)."""
    for inner in statements_in_scope([node]) if isinstance(node, ast.stmt) else ():
        targets: list[ast.expr] = []
        if isinstance(inner, ast.Assign):
            targets = inner.targets
        elif isinstance(inner, (ast.AnnAssign, ast.AugAssign)):
            targets = [inner.target]
        elif _TYPE_ALIAS is not None and isinstance(inner, _TYPE_ALIAS):
            targets = [_alias_name(inner)]
        elif isinstance(inner, (ast.For, ast.AsyncFor)):
            targets = [inner.target]
        elif isinstance(inner, ast.withitem) and inner.optional_vars is not None:
            targets = [inner.optional_vars]
        elif isinstance(inner, ast.NamedExpr):
            targets = [inner.target]
        elif isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if inner.name == name:
                return True
        elif isinstance(inner, (ast.Import, ast.ImportFrom)):
            if any((a.asname or a.name).split(".")[0] == name for a in inner.names):
                return True
        elif isinstance(inner, (ast.Global, ast.Nonlocal, ast.Delete)):
            return True
        if any(isinstance(n, ast.Name) and n.id == name for t in targets for n in walk_nodes(t)):
            return True
    return False


def _branch_walk(
    body: list[ast.stmt], name: str, path: _Path, found: list[tuple[_Path, ast.expr]]
) -> None:
    for statement in body:
        if isinstance(statement, ast.Assign) and any(
            isinstance(n, ast.Name) and n.id == name
            for t in statement.targets for n in walk_nodes(t)
        ):
            target = statement.targets[0]
            if len(statement.targets) != 1 or not (
                isinstance(target, ast.Name) and target.id == name
            ):
                raise _NotBranches
            found.append((path, statement.value))
        elif isinstance(statement, ast.If):
            if _walrus_binds(statement.test, name):
                raise _NotBranches
            _branch_walk(statement.body, name, (*path, (id(statement), 0)), found)
            _branch_walk(statement.orelse, name, (*path, (id(statement), 1)), found)
        elif isinstance(statement, ast.Match):
            # One case runs at most, as one branch of an ``if``/``elif`` chain does.
            if _walrus_binds(statement.subject, name):
                raise _NotBranches
            for index, case in enumerate(statement.cases):
                if _captures(case.pattern, name) or (
                        case.guard is not None and _walrus_binds(case.guard, name)):
                    raise _NotBranches
                _branch_walk(case.body, name, (*path, (id(statement), index)), found)
        elif _binds(statement, name):
            raise _NotBranches


def _walrus_binds(test: ast.expr, name: str) -> bool:
    """Whether a condition binds ``name`` (``if (scopes := load()):``)."""
    return any(isinstance(node, ast.NamedExpr) and node.target.id == name
               for node in walk_nodes(test))


def _captured_names(pattern: ast.pattern) -> Iterator[str]:
    """The names a ``case`` pattern binds."""
    for node in walk_nodes(pattern):
        if isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            yield node.name
        elif isinstance(node, ast.MatchMapping) and node.rest:
            yield node.rest


def _captures(pattern: ast.pattern, name: str) -> bool:
    """Whether a ``case`` pattern binds ``name`` (``case {"scope": scope}:``)."""
    for node in walk_nodes(pattern):
        if isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name == name:
            return True
        if isinstance(node, ast.MatchMapping) and node.rest == name:
            return True
    return False
