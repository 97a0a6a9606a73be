"""Record how values that may be Nylas clients flow through one module.

The records (edges, uses, calls, sinks; see ``flow_facts``) are symbolic: whether a
name holds a client is decided later by the project index, which sees every module.
Only chains that could be Nylas operations are recorded, which keeps the facts small
on code that has nothing to do with Nylas.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass

from .ast_names import dotted
from .fast_visit import FastVisitor
from .bindings import BodyBindings, Bindings
from .catalogue import NYLAS_CLIENT_CLASSES
from .endpoints_v2 import CLIENT_METHODS, COLLECTIONS, MODELS
from .flow_facts import (
    CLIENT,
    CallSite,
    Edge,
    FlowFacts,
    Function,
    ScopeArg,
    Sink,
    Use,
    Val,
    ValTable,
)
from .facts_values import ValueState
from .source import SourceMap
from .prefilter import names_a_scope_family
from .values import SCOPE_WORD, ValueReader

# Recorded too, so that the index can tell whether its receiver is a client.
AUTH_URL_METHOD = "authentication_url"

# Attribute names that can start a Nylas operation on a client or a model object.
NYLAS_ATTRIBUTES: frozenset[str] = frozenset(
    {*COLLECTIONS, *CLIENT_METHODS, AUTH_URL_METHOD}
    | {name for model in MODELS.values() for name in (*model.methods, *model.children)}
)


# Framework objects that hold app-wide or request-wide state by attribute.
_STATE_ROOTS = {"app": "app", "current_app": "app", "g": "g"}

_MAX_DEPTH = 40
_UNKNOWN = Val("unknown")  # not computed yet (None is a computed "no value")


@dataclass
class _Frame:
    qualname: str  # "" for the module, "func", "Class.method", "outer.inner"
    bindings: Bindings
    params: frozenset[str] = frozenset()
    class_name: str = ""  # the class whose method this is, for self.<attr>
    is_function: bool = False


def state_key(node: ast.expr) -> str:
    """A framework-state symbol for ``app.state.nylas``, ``g.nylas``, ``current_app.x``.

    Read from the node's shape rather than from its dotted spelling: every attribute
    of a module is asked, and spelling each one cost more than the rest of the pass.
    """
    if not isinstance(node, ast.Attribute):
        return ""
    owner = node.value
    if isinstance(owner, ast.Attribute):
        if owner.attr == "state" and _spellable(owner.value):
            return f"s:state.{node.attr}"
        inner = owner.value
        if owner.attr == "app" and isinstance(inner, ast.Name) and inner.id in _APP_HOLDERS:
            return f"s:app.{node.attr}"
        return ""
    if isinstance(owner, ast.Name):
        root = _STATE_ROOTS.get(owner.id)
        if root is not None:
            return f"s:{root}.{node.attr}"
    return ""


# ``request.app.x`` and ``self.app.x`` are the app's state too.
_APP_HOLDERS = frozenset({"request", "self"})


def _spellable(node: ast.expr) -> bool:
    """Whether :func:`dotted` spells ``node`` (names, attributes and calls down to a name)."""
    while True:
        if isinstance(node, ast.Attribute):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            return isinstance(node, ast.Name)


class FlowExtractor(FastVisitor):
    def __init__(
        self,
        source: SourceMap,
        module_name: str,
        imports: Mapping[str, str],
        module_bindings: Bindings,
        body_bindings: BodyBindings | None = None,
    ) -> None:
        self.body_bindings = body_bindings or BodyBindings()
        self.source = source
        self.module = module_name or "__main__"
        self.imports = imports
        self.facts = FlowFacts()
        self.frames: list[_Frame] = [_Frame("", module_bindings)]
        self.module_functions: set[str] = set()
        self.module_classes: set[str] = set()
        self._depth = 0
        self._values: dict[ast.expr, Val | None] = {}
        self._table = ValTable()
        self._val = self._table.get
        self.reader = ValueReader(source, self._bound_value, self._reference)

    def close(self) -> None:
        """Drop the value reader, which calls back into this object: the reference
        cycle would keep the module's syntax tree alive until the next garbage
        collection, and a project analysis pauses the collector."""
        del self.reader

    def _bound_value(self, name: str) -> ast.expr | None:
        """The single value a name is bound to, for reading scope literals."""
        for frame in reversed(self.frames):
            if frame.is_function and frame.bindings.binds(name):
                return frame.bindings.lookup(name)
        return self.frames[0].bindings.lookup(name)

    def _reference(self, node: ast.expr) -> str | None:
        value = self.value(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
        return value.name if value is not None and value.kind == "ref" else None

    # -- names ----------------------------------------------------------------------------

    def _qual(self, frame: _Frame, name: str) -> str:
        return f"{self.module}.{frame.qualname}.{name}" if frame.qualname else (
            f"{self.module}.{name}"
        )

    def name_value(self, name: str) -> Val | None:
        frames = self.frames
        innermost = frames[-1]
        if name in innermost.bindings.declared_global:
            return self._global_value(name)
        for frame in reversed(frames):
            if not frame.is_function:
                continue
            if name in frame.params:
                return self._val("sym", "p:" + self._qual(frame, name))
            if frame.bindings.binds(name):
                if name in frame.bindings.imported and name in self.imports:
                    return self._val("ref", self.imports[name])
                return self._val("sym", "l:" + self._qual(frame, name))
        return self._global_value(name)

    def _global_value(self, name: str) -> Val | None:
        module = self.frames[0].bindings
        if name in self.module_functions or name in self.module_classes:
            return self._val("ref", f"{self.module}.{name}")
        if name in module.imported and name in self.imports:
            return self._val("ref", self.imports[name])
        if module.binds(name):
            return self._val("sym", f"g:{self.module}.{name}")
        if name in self.imports:
            return self._val("ref", self.imports[name])
        return None

    def target_key(self, target: ast.expr) -> str:
        """The symbol an assignment target writes, or "" when it is not followed."""
        if isinstance(target, ast.Name):
            value = self.name_value(target.id)
            if value is not None and value.kind == "sym":
                return value.name
            return ""
        if isinstance(target, ast.Attribute):
            if (
                isinstance(target.value, ast.Name)
                and target.value.id == "self"
                and self.frames[-1].class_name
            ):
                return f"a:{self.module}.{self.frames[-1].class_name}.{target.attr}"
            return state_key(target)
        return ""

    # -- values ---------------------------------------------------------------------------

    def value(self, node: ast.expr | None) -> Val | None:
        if node.__class__ not in _VALUE_NODES:
            return None  # a literal, an operator: never a client (most arguments)
        # A call's arguments, its callee and the assignment around it each ask for the
        # same nodes; a node's value depends only on the scope it sits in.
        known = self._values.get(node, _UNKNOWN)
        if known is not _UNKNOWN:
            return known
        if self._depth >= _MAX_DEPTH:
            return None
        self._depth += 1
        try:
            found = self._value(node)
        finally:
            self._depth -= 1
        self._values[node] = found
        return found

    def _value(self, node: ast.expr) -> Val | None:
        if isinstance(node, ast.Name):
            return self.name_value(node.id)
        if isinstance(node, ast.Attribute):
            # For an attribute, target_key is ``self.<attr>`` or framework state.
            key = self.target_key(node)
            if key:
                return self._val("sym", key)
            inner = self.value(node.value)
            if inner is None:
                return None
            if inner.kind == "ref":
                return self._val("ref", f"{inner.name}.{node.attr}")
            return self._val("attr", node.attr, inner)
        if isinstance(node, ast.Call):
            if self._qualify(node.func) in NYLAS_CLIENT_CLASSES:
                return CLIENT
            callee = self.value(node.func)
            return self._val("call", "", callee) if callee is not None else None
        if isinstance(node, ast.Subscript):
            inner = self.value(node.value)
            return self._val("item", "", inner) if inner is not None else None
        if isinstance(node, ast.Await):
            return self.value(node.value)
        if isinstance(node, ast.NamedExpr):
            return self.value(node.value)
        if isinstance(node, ast.IfExp):
            return self.value(node.body) or self.value(node.orelse)
        if isinstance(node, ast.BoolOp):
            for operand in node.values:
                found = self.value(operand)
                if found is not None:
                    return found
        return None

    def _qualify(self, node: ast.expr) -> str | None:
        value = self.value(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
        return value.name if value is not None and value.kind == "ref" else None

    # -- records --------------------------------------------------------------------------

    def _edge(self, key: str, value: Val | None) -> None:
        if key and value is not None:
            self.facts.edges.append(Edge(self._table.symbol(key), value))

    def _assign(self, target: ast.expr, value: Val | None, node: ast.AST) -> None:
        if isinstance(target, (ast.Tuple, ast.List)):
            return
        key = self.target_key(target)
        if key:
            self._edge(key, value)
        elif value is not None and isinstance(target, (ast.Attribute, ast.Subscript)):
            what = "stored on an attribute" if isinstance(target, ast.Attribute) else (
                "stored in a container"
            )
            self.facts.sinks.append(Sink(value, what, self.source.span(node)))

    def _use(self, node: ast.expr, attrs: list[str], root: ast.expr, anchor: ast.AST) -> None:
        if not attrs or attrs[0] not in NYLAS_ATTRIBUTES:
            return
        root_value = self.value(root)
        if root_value is None and attrs[0] not in COLLECTIONS:
            return
        self.facts.uses.append(
            Use(root_value, tuple(attrs), self.source.span(anchor), dotted(node))
        )

    def _chain(self, node: ast.expr) -> tuple[list[str], ast.expr]:
        """Split ``root.a.b.c`` into ``[a, b, c]`` and the root, stopping at a symbol."""
        attrs: list[str] = []
        while isinstance(node, ast.Attribute):
            if self.target_key(node):  # ``self.<attr>`` or framework state
                break
            attrs.insert(0, node.attr)
            node = node.value
        return attrs, node

    # -- traversal ------------------------------------------------------------------------

    def run(self, tree: ast.Module) -> FlowFacts:
        for statement in tree.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.module_functions.add(statement.name)
            elif isinstance(statement, ast.ClassDef):
                self.module_classes.add(statement.name)
        for statement in tree.body:
            self.visit(statement)
        return self.facts

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        parent = self.frames[-1]
        is_method = parent.class_name != "" and not parent.is_function
        qualname = f"{parent.qualname}.{node.name}" if parent.qualname else node.name
        args = node.args
        every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        params = call_parameters(node, is_method)
        drop_first = len(params) < len(every)
        self.facts.functions.append(Function(f"{self.module}.{qualname}", tuple(params)))
        for decorator in node.decorator_list:
            self.visit(decorator)
        names = {arg.arg for arg in every}
        names |= {arg.arg for arg in (args.vararg, args.kwarg) if arg is not None}
        if drop_first:
            names.discard(every[0].arg)
        frame = _Frame(
            qualname,
            self.body_bindings.of(node),
            frozenset(names),
            parent.class_name if (is_method or parent.is_function) else "",
            True,
        )
        self.frames.append(frame)
        for arg in every:
            if arg.annotation is not None and arg.arg in names:
                if self._qualify(_unquote(arg.annotation)) in NYLAS_CLIENT_CLASSES:
                    self._edge("p:" + self._qual(frame, arg.arg), CLIENT)
        for statement in node.body:
            self.visit(statement)
        self.frames.pop()

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        parent = self.frames[-1]
        qualname = f"{parent.qualname}.{node.name}" if parent.qualname else node.name
        self.facts.classes.append(f"{self.module}.{qualname}")
        for decorator in node.decorator_list:
            self.visit(decorator)
        self.frames.append(_Frame(qualname, parent.bindings, class_name=qualname))
        for statement in node.body:
            self.visit(statement)
        self.frames.pop()

    def visit_Assign(self, node: ast.Assign) -> None:
        value = self.value(node.value)
        for target in node.targets:
            self._assign(target, value, node)
        self.visit(node.value)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self._assign(node.target, self.value(node.value), node)
            self.visit(node.value)

    def visit_Return(self, node: ast.Return) -> None:
        frame = self.frames[-1]
        if frame.is_function and node.value is not None:
            self._edge(f"r:{self.module}.{frame.qualname}", self.value(node.value))
            self.visit(node.value)

    def _visit_for(self, node: ast.For | ast.AsyncFor) -> None:
        iterable = self.value(node.iter)
        if iterable is not None and isinstance(node.target, ast.Name):
            self._edge(self.target_key(node.target), self._val("iter", "", iterable))
        attrs, root = self._chain(node.iter)
        if attrs:
            self._use(node.iter, [*attrs, "__iter__"], root, node.iter)
        self.generic_visit(node)

    visit_For = _visit_for
    visit_AsyncFor = _visit_for

    def visit_comprehension(self, node: ast.comprehension) -> None:
        attrs, root = self._chain(node.iter)
        if attrs:
            self._use(node.iter, [*attrs, "__iter__"], root, node.iter)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Attribute):
            attrs, root = self._chain(node.func)
            self._use(node.func, attrs, root, node)
        args = tuple(
            None if isinstance(arg, ast.Starred) else self.value(arg) for arg in node.args
        )
        kwargs = tuple(
            (keyword.arg, value)
            for keyword in node.keywords
            if keyword.arg is not None
            for value in [self.value(keyword.value)]
            if value is not None
        )
        self._scope_arguments(node)
        if any(arg is not None for arg in args) or kwargs:
            self.facts.calls.append(
                CallSite(
                    self.value(node.func), dotted(node.func), args, kwargs,
                    self.source.span(node),
                )
            )
        self.generic_visit(node)

    def _scope_arguments(self, node: ast.Call) -> None:
        """Scope lists passed to a call, for wrappers that forward them to the SDK."""
        arguments = [(i, "", arg) for i, arg in enumerate(node.args)]
        arguments += [(-1, kw.arg, kw.value) for kw in node.keywords if kw.arg is not None]
        callee: Val | None = None
        for position, keyword, argument in arguments:
            if not _may_hold_scopes(argument):
                continue
            target = self.reader.follow(argument) if isinstance(argument, ast.Name) else argument
            if target is None:
                continue  # read() would find nothing to read: a parameter, an import
            if isinstance(target, ast.Constant) and not names_a_scope_family(target.value):
                continue  # a plain string (most arguments): no item can be a scope
            value = self.reader.read(argument)
            if value.state is ValueState.ITEMS and any(
                SCOPE_WORD.match(item.text.strip().lower()) for item in value.items
            ):
                callee = callee or self.value(node.func)
                if callee is None:
                    return
                self.facts.scope_args.append(
                    ScopeArg(callee, position, keyword, value, self.source.span(argument))
                )

    def visit_Attribute(self, node: ast.Attribute) -> None:
        # Reading some attributes sends a request (``message.raw``, ``client.account``).
        if node.attr in _REQUESTING_PROPERTIES and isinstance(node.ctx, ast.Load):
            attrs, root = self._chain(node)
            if attrs and (attrs[-1] in _REQUESTING_PROPERTIES):
                self._use(node, attrs, root, node)
        self.generic_visit(node)

    def _container(self, elements: list[ast.expr], node: ast.AST) -> None:
        for element in elements:
            value = self.value(element)
            if value is not None:
                self.facts.sinks.append(
                    Sink(value, "stored in a container", self.source.span(element))
                )
        self.generic_visit(node)

    def visit_List(self, node: ast.List) -> None:
        self._container(node.elts, node)

    def visit_Tuple(self, node: ast.Tuple) -> None:
        if isinstance(node.ctx, ast.Load):
            self._container(node.elts, node)

    def visit_Set(self, node: ast.Set) -> None:
        self._container(node.elts, node)

    def visit_Dict(self, node: ast.Dict) -> None:
        self._container(list(node.values), node)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        # A lambda body runs later, somewhere else: a client it captures escapes.
        for child in ast.walk(node.body):
            if isinstance(child, ast.Name):
                value = self.value(child)
                if value is not None:
                    self.facts.sinks.append(
                        Sink(value, "captured by a lambda", self.source.span(child))
                    )


def call_parameters(
    node: ast.FunctionDef | ast.AsyncFunctionDef, is_method: bool
) -> list[str]:
    """The parameters a caller fills, in order: ``self``/``cls`` of a method dropped."""
    args = node.args
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    decorators = {dotted(d) for d in node.decorator_list}
    if is_method and "staticmethod" not in decorators and every:
        every = every[1:]
    return [arg.arg for arg in every]


def _may_hold_scopes(node: ast.expr) -> bool:
    # An attribute is never read as a list of items (``ValueReader`` follows names
    # only), so it is not worth reading here.
    return isinstance(node, (ast.List, ast.Tuple, ast.Set, ast.Name)) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


# The expressions ``FlowExtractor._value`` can give a value.
_VALUE_NODES: frozenset[type[ast.AST]] = frozenset(
    {ast.Name, ast.Attribute, ast.Call, ast.Subscript, ast.Await, ast.NamedExpr, ast.IfExp,
     ast.BoolOp}
)


def _unquote(annotation: ast.expr) -> ast.expr:
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            return ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return annotation
    return annotation


# Model properties and client attributes whose mere read sends a request
# (``message.raw``, ``client.account``); the endpoint map says which request.
_REQUESTING_PROPERTIES: frozenset[str] = frozenset({"raw", "account"})
