"""The attributes a class with a base binds in its body (``class Pro(Auth): SCOPES =
[...]``): a method of ``Auth`` reading ``self.SCOPES`` may run on such a subclass's
instance, and then reads the subclass's value.  Recorded for every class of the
module with a base, whatever that base is, so that the project index reads
``self.SCOPES`` as its class's attribute only where no class of the project may
bind it again.  Only statements are walked, never expressions: one pass, linear in
the module's statements.

Each class is also recorded with its bases as the module's imports name them
(``ClassBindings.bases``), so that the project index can name every class of the
project deriving from the one whose method reads ``self.SCOPES``, and a class made
by calling ``type`` (whose bases and attributes are not read) is recorded as one
that may derive from any class and bind anything.
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Callable
from typing import NamedTuple

from .tree_walk import TreeNodes, child_nodes, walk_nodes

# A class is named by its module and the classes and functions it is written in.
_SCOPE_STATEMENTS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
# Methods through which a class may give its subclasses or instances attributes its
# body does not bind.
_SHAPING_HOOKS = frozenset({"__init_subclass__", "__getattr__", "__getattribute__"})
# Functions that make a class from arguments: ``type(name, bases, namespace)``.
_CLASS_MAKERS = frozenset({"type", "types.new_class"})
# What a base the module cannot name is recorded as.
UNNAMED_BASE = ""
# The attribute recorded for a class whose methods set attributes of its instances by
# names known only at run time (``setattr(self, key, value)`` in a loop,
# ``self.__dict__.update(options)``): it may bind any attribute.
RUN_TIME_NAMES = "*"
# What a module's text holds where one of its methods may do so.
_RUN_TIME_SETTERS = ("setattr(", "__setattr__", "__dict__", "vars(")
# The name a class made by calling ``type`` is recorded under, by its line.
MADE_CLASS = "<made at line {line}>"
# A class's dotted name, its bases' dotted names (``UNNAMED_BASE`` for one the
# module cannot name), whether a decorator, a metaclass or a hook of its body may
# give it or its subclasses attributes its body does not bind, and the names that
# may hold scopes its body only annotates (``SCOPES: list[str]``).
ClassBases = tuple[str, tuple[str, ...], bool, tuple[str, ...]]


class ClassBindings(NamedTuple):
    """What the classes of a module bind that a method of another class may read
    through ``self`` (see ``ModuleFacts.subclass_bindings``)."""

    # (the class's dotted name, the attribute) for its classes with a base.
    with_base: list[tuple[str, str]]
    # The same for its classes with no base (a mixin of scopes).
    base_free: list[tuple[str, str]]
    # (the last part of the name of a base, the dotted name of the class naming it)
    # for each base of its classes.
    base_names: list[tuple[str, str]]
    # Every class of the module, with its bases (see ``ClassBases``).
    bases: list[ClassBases]


def subclass_bindings(
    tree: ast.Module, module: str, may_hold_scopes: Callable[[str], bool],
    qualify: Callable[[ast.expr], str | None] = lambda node: None, text: str = "",
    nodes: TreeNodes | None = None,
) -> ClassBindings:
    """(the class's dotted name, the attribute) for each attribute that may hold
    scopes bound in the body of a class, split by whether the class has a base, and
    the names of the classes' bases: a class with no base reaches another class's
    method only through a subclass, which names it as a base (``class Pro(SendScopes,
    Flow):``, or a class of such a list)."""
    with_base: set[tuple[str, str]] = set()
    base_free: set[tuple[str, str]] = set()
    named: set[tuple[str, str]] = set()
    top_level = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    bases: list[ClassBases] = []
    may_set_at_run_time = any(setter in text for setter in _RUN_TIME_SETTERS)
    stack: list[tuple[ast.AST, str]] = [(statement, module) for statement in tree.body]
    while stack:
        node, where = stack.pop()
        if isinstance(node, ast.ClassDef):
            name = f"{where}.{node.name}"
            bound = {(name, attribute) for attribute in _bound(node)
                     if may_hold_scopes(attribute)}
            run_time = may_set_at_run_time and sets_attributes_at_run_time(node)
            if run_time:
                bound.add((name, RUN_TIME_NAMES))
            (with_base if node.bases or node.keywords else base_free).update(bound)
            named.update((base, name) for base in map(_last_name, node.bases) if base)
            bases.append((name, tuple(_base_name(base, module, top_level, qualify)
                                      for base in node.bases), run_time or _shaped(node),
                          tuple(sorted(filter(may_hold_scopes, declared_only(node))))))
            stack.extend((child, name) for child in node.body)
            continue
        inner = f"{where}.{node.name}" if isinstance(node, _SCOPE_STATEMENTS) else where
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            for child in getattr(node, block, None) or ():
                stack.append((child, inner))
    if "type(" in text or "new_class" in text:
        bases.extend(_made_classes(tree, module, top_level, qualify, nodes))
    return ClassBindings(sorted(with_base), sorted(base_free), sorted(named), sorted(bases))


def _base_name(base: ast.expr, module: str, top_level: set[str],
               qualify: Callable[[ast.expr], str | None]) -> str:
    """The dotted name of the class a base names: a top-level class of the module,
    what the module's imports make of it, or a builtin (``object``);
    ``UNNAMED_BASE`` for a base written another way."""
    if isinstance(base, ast.Name) and base.id in top_level:
        return f"{module}.{base.id}"
    qualified = qualify(base)
    if qualified:
        return qualified
    if isinstance(base, ast.Name) and base.id in vars(builtins):
        return f"builtins.{base.id}"
    return UNNAMED_BASE


def _made_classes(tree: ast.Module, module: str, top_level: set[str],
                  qualify: Callable[[ast.expr], str | None],
                  nodes: TreeNodes | None = None) -> list[ClassBases]:
    """The classes made by calling ``type`` with three arguments (or
    ``types.new_class``): the namespace they are given may bind anything, so each is
    recorded as shaped, with the bases its tuple names (one unnamed base where the
    bases are not a tuple written there)."""
    made: list[ClassBases] = []
    # (``nodes``: the tree's, when listed for other readings of it too.)
    for node in walk_nodes(tree) if nodes is None else nodes.of(ast.Call):
        if not (isinstance(node, ast.Call) and len(node.args) >= 2):
            continue
        func = node.func
        called = func.id if isinstance(func, ast.Name) else (
            f"{func.value.id}.{func.attr}" if isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name) else "")
        if called not in _CLASS_MAKERS and called.rpartition(".")[2] != "new_class":
            continue
        if called == "type" and len(node.args) != 3:
            continue
        written = node.args[1]
        bases = tuple(_base_name(base, module, top_level, qualify)
                      for base in written.elts) if isinstance(written, ast.Tuple) else (
            UNNAMED_BASE,)
        made.append((f"{module}.{MADE_CLASS.format(line=node.lineno)}", bases, True, ()))
    return made


def declared_only(cls: ast.ClassDef) -> set[str]:
    """The names a class body annotates without a value (``SCOPES: list[str]``) and
    binds no other way: its instances have no such attribute unless a subclass
    binds it."""
    annotated = {statement.target.id for statement in cls.body
                 if isinstance(statement, ast.AnnAssign) and statement.value is None
                 and isinstance(statement.target, ast.Name)}
    if not annotated:
        return annotated
    valued = [statement for statement in cls.body if not (
        isinstance(statement, ast.AnnAssign) and statement.value is None)]
    return annotated - _bound_in(valued)


def sets_attributes_at_run_time(cls: ast.ClassDef) -> bool:
    """Whether a method of the class sets attributes of the object it is given first
    by names known only at run time: ``setattr(self, key, value)`` (also
    ``object.__setattr__(self, key, value)`` and ``super().__setattr__(key, value)``)
    with ``key`` not written as a string, ``self.__dict__.update(...)``,
    ``vars(self).update(...)`` or ``self.__dict__[key] = value``.  Its instances may
    then hold any attribute, a scope list the class body never binds among them
    (``Flow(SCOPES=[...])``)."""
    for method in cls.body:
        if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        positional = [*method.args.posonlyargs, *method.args.args]
        if positional and any(_sets_by_run_time_name(node, positional[0].arg)
                              for node in walk_nodes(method)):
            return True
    return False


def may_set_attributes_at_run_time(text: str) -> bool:
    """A cheap test of a module's text: whether any of its code may set attributes
    by names known only at run time (see ``_RUN_TIME_SETTERS``)."""
    return any(setter in text for setter in _RUN_TIME_SETTERS)


def run_time_setters(tree: ast.Module, module: str) -> list[str]:
    """The dotted names of the module's functions (methods too) that set attributes
    of an object they hold, other than their own instance, by names known only at
    run time: ``def configure(obj, **options): setattr(obj, key, value)`` (also
    ``obj.__dict__.update(options)``, ``vars(obj)[key] = value`` and
    ``object.__setattr__(obj, key, value)``).  Whatever object is given to them, an
    instance of a class reading ``self.SCOPES`` or the class itself, may then hold a
    scope list no class body binds.  A method's own ``self`` is the class's matter
    (see ``sets_attributes_at_run_time``)."""
    found: list[str] = []
    stack: list[tuple[ast.AST, str, bool]] = [(node, module, False) for node in tree.body]
    while stack:
        node, where, in_class = stack.pop()
        if isinstance(node, ast.ClassDef):
            stack.extend((child, f"{where}.{node.name}", True) for child in node.body)
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name = f"{where}.{node.name}"
            if _sets_others_by_run_time_name(node, _own_instance(node) if in_class else ""):
                found.append(name)
            stack.extend((child, name, False) for child in node.body)
            continue
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            for child in getattr(node, block, None) or ():
                stack.append((child, where, in_class))
    return sorted(found)


def _own_instance(method: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    """The name a method's own instance (or class) is bound to: its first positional
    parameter, unless it is a static method."""
    if any(isinstance(decorator, ast.Name) and decorator.id == "staticmethod"
           for decorator in method.decorator_list):
        return ""
    positional = [*method.args.posonlyargs, *method.args.args]
    return positional[0].arg if positional else ""


def _sets_others_by_run_time_name(function: ast.FunctionDef | ast.AsyncFunctionDef,
                                  own: str) -> bool:
    """Whether ``function``'s body (its nested functions are looked at on their own)
    sets an attribute of a name other than ``own`` by a run-time name."""
    pending: list[ast.AST] = list(function.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        receiver = _run_time_receiver(node)
        if receiver and receiver != own:
            return True
        pending.extend(child_nodes(node))
    return False


def _run_time_receiver(node: ast.AST) -> str:
    """The name whose attribute ``node`` sets by a run-time name ("" for none): the
    shapes ``_sets_by_run_time_name`` looks for, with any name as the receiver
    (``super().__setattr__`` sets the method's own instance's)."""
    owner: ast.expr | None = None
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id == "setattr" and len(node.args) >= 2:
            owner = node.args[0]
        elif isinstance(func, ast.Attribute) and func.attr in ("update", "setdefault"):
            owner = _dict_owner(func.value)
        elif isinstance(func, ast.Attribute) and func.attr == "__setattr__":
            owner = node.args[0] if len(node.args) == 3 else func.value
    elif isinstance(node, (ast.Assign, ast.AugAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        owner = next((_dict_owner(target.value) for target in targets
                      if isinstance(target, ast.Subscript) and _dict_owner(target.value)),
                     None)
    if isinstance(owner, ast.Name) and _sets_by_run_time_name(node, owner.id) and not (
            _constant_names(node)):
        return owner.id
    return ""


def _constant_names(node: ast.AST) -> bool:
    """Whether a write to an instance's namespace names its attributes by constants
    (``obj.__dict__["timeout"] = 5``, ``vars(obj).update({"timeout": 5})``,
    ``vars(obj).update(timeout=5)``): no attribute but those."""
    if isinstance(node, (ast.Assign, ast.AugAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return all(isinstance(target, ast.Subscript) and _a_string(target.slice)
                   for target in targets)
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("update", "setdefault")):
        return False
    if node.func.attr == "setdefault":
        return bool(node.args) and _a_string(node.args[0])
    return all(keyword.arg is not None for keyword in node.keywords) and all(
        isinstance(argument, ast.Dict) and all(
            key is not None and _a_string(key) for key in argument.keys)
        for argument in node.args)


def _a_string(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _dict_owner(node: ast.expr) -> ast.expr | None:
    """``obj`` of ``obj.__dict__`` or ``vars(obj)``; None for anything else."""
    if isinstance(node, ast.Attribute) and node.attr == "__dict__":
        return node.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
            node.func.id == "vars") and len(node.args) == 1:
        return node.args[0]
    return None


def _sets_by_run_time_name(node: ast.AST, receiver: str) -> bool:
    """Whether ``node`` sets an attribute of ``receiver`` by a run-time name."""
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id == "setattr" and len(node.args) >= 2:
            return _names(node.args[0], receiver) and not (
                isinstance(node.args[1], ast.Constant))
        if isinstance(func, ast.Attribute) and func.attr in ("update", "setdefault"):
            return _instance_dict(func.value, receiver)
        if isinstance(func, ast.Attribute) and func.attr == "__setattr__":
            return _sets_own_attribute(node, func.value, receiver)
        return False
    if isinstance(node, (ast.Assign, ast.AugAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(isinstance(target, ast.Subscript)
                   and _instance_dict(target.value, receiver) for target in targets)
    return False


def _sets_own_attribute(call: ast.Call, owner: ast.expr, receiver: str) -> bool:
    """``object.__setattr__(self, key, value)`` (a frozen dataclass's ``__init__``),
    ``super().__setattr__(key, value)`` or ``self.__setattr__(key, value)``, with
    ``key`` not written as a string."""
    if len(call.args) == 3:
        return _names(call.args[0], receiver) and not isinstance(call.args[1], ast.Constant)
    bound = _names(owner, receiver) or (
        isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name)
        and owner.func.id == "super")
    return bound and len(call.args) == 2 and not isinstance(call.args[0], ast.Constant)


def _instance_dict(node: ast.expr, receiver: str) -> bool:
    """``self.__dict__`` or ``vars(self)``."""
    owner = _dict_owner(node)
    return owner is not None and _names(owner, receiver)


def _names(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _shaped(cls: ast.ClassDef) -> bool:
    """Whether a decorator, a keyword (a metaclass) or a hook of its body may give the
    class or its subclasses attributes its body does not bind."""
    return bool(cls.decorator_list or cls.keywords) or any(
        isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
        and statement.name in _SHAPING_HOOKS and not _only_registers(statement)
        for statement in cls.body)


def _only_registers(hook: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether a hook is an ``__init_subclass__`` that only stores the subclass in a
    container by key and calls the base's hook (``REGISTRY[cls.name] = cls`` beside
    ``super().__init_subclass__(**kwargs)``): it binds no attribute of the subclass.
    Any other statement (a call, an attribute set, a loop) may give it attributes
    its body does not bind."""
    return hook.name == "__init_subclass__" and all(
        _registers(statement) for statement in hook.body)


def _registers(statement: ast.stmt) -> bool:
    """A statement of ``_only_registers``: a docstring, the base's hook called, an
    item stored into a container the hook names (no call in the statement), or an
    ``if`` without a call holding only such statements."""
    if isinstance(statement, ast.Expr):
        return isinstance(statement.value, ast.Constant) or _calls_base_hook(statement.value)
    if isinstance(statement, ast.Assign):
        return all(isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name)
                   for target in statement.targets) and not _calls_or_binds(statement)
    if isinstance(statement, ast.If):
        return not _calls_or_binds(statement.test) and all(
            map(_registers, [*statement.body, *statement.orelse]))
    return isinstance(statement, ast.Pass)


def _calls_base_hook(node: ast.expr) -> bool:
    """``super().__init_subclass__(...)`` given nothing that calls or binds."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
        node.func.attr == "__init_subclass__") and isinstance(node.func.value, ast.Call) and (
        isinstance(node.func.value.func, ast.Name)) and node.func.value.func.id == "super" and (
        not node.func.value.args) and not any(
            _calls_or_binds(given) for given in (*node.args, *node.keywords))


def _calls_or_binds(node: ast.AST) -> bool:
    """Whether ``node`` holds a call, a walrus or a lambda (which may set attributes)."""
    return any(isinstance(inner, (ast.Call, ast.NamedExpr, ast.Lambda))
               for inner in walk_nodes(node))


def _last_name(base: ast.expr) -> str:
    """The name a base is written with, without its module (``mixins.SendScopes``:
    ``SendScopes``); "" for a base written another way, which names no class the
    judge can tell."""
    if isinstance(base, ast.Name):
        return base.id
    return base.attr if isinstance(base, ast.Attribute) else ""


def _bound(cls: ast.ClassDef) -> set[str]:
    """The names a class body binds: by assignment (also unpacking a tuple, a loop's
    or a ``with``'s target), definition or import."""
    return _bound_in(cls.body)


def _bound_in(statements: list[ast.stmt]) -> set[str]:
    """The names ``statements`` of a class body bind (see ``_bound``)."""
    names: set[str] = set()
    for statement in statements:
        if isinstance(statement, _SCOPE_STATEMENTS):
            names.add(statement.name)
            continue
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).partition(".")[0]
                         for alias in statement.names)
            continue
        names.update(node.id for node in walk_nodes(statement)
                     if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store))
    return names
