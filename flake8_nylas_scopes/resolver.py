"""Resolve the symbolic client flow of every module of a project.

A may-analysis: a symbol holds everything any of its edges can bring (a client
assigned on one branch is a client).  Parameters of project functions receive what
their callers pass, across modules.  Values that reach code the analysis cannot see
(a third-party call, a container, ``getattr``) are recorded as unresolved uses so
that the usage rules stay silent rather than guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from .catalogue import NYLAS_CLIENT_CLASSES
from .endpoint_types import Endpoint
from .endpoints_v2 import CLIENT_METHODS, COLLECTIONS, ENDPOINTS, MODELS
from .facts import ModuleFacts
from .flow_facts import CallSite, Use, Val
from .spans import Span


# An abstract object: (kind, name).  Kinds: client, coll (a collection attribute),
# model / models (one model object / a query or list of them, by model class),
# inst (an instance of a project class), func, class, nylas_class, module.
Obj = tuple[str, str]
CLIENT_OBJ: Obj = ("client", "")
# What a value may hold.  Results are shared, never changed in place: most values
# resolve to nothing or to one of a few sets, and a large project resolves a hundred
# thousand values, so each result would otherwise cost a set of its own.
Objs = AbstractSet[Obj]
_NOTHING: Objs = frozenset()
_ONLY_CLIENT: Objs = frozenset({CLIENT_OBJ})

# Collection operations that return one model object, or several.
_ONE_MODEL_OPS = frozenset({"get", "first", "create", "__getitem__"})
_MANY_MODEL_OPS = frozenset({"where", "all", "search", "values"})
# Model methods that return another model object without a request.
_MODEL_FACTORIES: Mapping[str, str] = {"create_reply": "Draft"}

# Calls that only look at a value: a client passed to them does not escape.
HARMLESS_CALLS = frozenset(
    {"print", "repr", "str", "isinstance", "issubclass", "id", "type", "len", "bool",
     "hash", "callable", "format"}
)
HARMLESS_METHODS = frozenset(
    {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}
)

_MAX_ROUNDS = 50
# Edge lists up to this long are searched rather than given a set of their members.
_SHORT_EDGE_LIST = 8


@dataclass(frozen=True, slots=True)
class EndpointUse:
    endpoint: Endpoint
    span: Span
    call: str  # the SDK call as written, e.g. "client.messages.get"
    operation: str  # the SDK operation, e.g. "messages.get" or "Draft.send"


@dataclass(frozen=True, slots=True)
class UnresolvedUse:
    span: Span
    reason: str
    # The scopes the unresolved code could exercise; None means any scope.
    scopes: frozenset[str] | None


def collection_scopes(attribute: str) -> frozenset[str]:
    collection = COLLECTIONS.get(attribute)
    if collection is None:
        return frozenset()
    return frozenset(
        scope
        for key in collection.operations.values()
        for option in ENDPOINTS[key].options
        for scope in option.scopes
    )


# A symbolic value interned by the resolver: the index of its (kind, name, inner) row.
# Values equal as dataclasses share one node, so memo lookups cost an integer hash
# rather than a walk down the value's nesting.
Node = int
NO_NODE: Node = -1


@dataclass(frozen=True, slots=True)
class _Arguments:
    """The interned arguments of a call site (which it keeps alive, see ``_interned``)."""

    call: CallSite
    args: tuple[Node, ...]
    kwargs: tuple[tuple[str, Node], ...]


class FlowResolver:
    def __init__(self, modules: Iterable[ModuleFacts], client_names: Iterable[str] = ()) -> None:
        self.modules = [m for m in modules if m.flow is not None]
        self.module_names = {m.module for m in self.modules if m.module}
        self.functions: dict[str, tuple[str, ...]] = {}
        self._param_keys: dict[str, tuple[str, ...]] = {}
        self.classes: set[str] = set()
        self._kinds: list[str] = []
        self._names: list[str] = []
        self._inners: list[Node] = []
        self._nodes: dict[tuple[str, str, Node], Node] = {}
        # Values already interned, by identity: the same fact objects are resolved
        # again and again.  ``_alive`` keeps each one alive, so no id is reused.
        self._interned: dict[int, Node] = {}
        self._alive: list[Val] = []
        # What each symbol may hold, in the order the edges were added.
        self.edges: dict[str, list[Node]] = {}
        self._edge_members: dict[str, set[Node]] = {}
        self.values: dict[str, set[Obj]] = {}
        # Every call site with its callee interned, bound to parameters every round.
        self._calls: list[tuple[Node, CallSite]] = []
        self._call_arguments: dict[int, _Arguments] = {}
        for module in self.modules:
            assert module.flow is not None
            for function in module.flow.functions:
                self.functions[function.qualname] = function.params
            self.classes.update(module.flow.classes)
            for edge in module.flow.edges:
                self._add_edge(edge.target, self._intern(edge.value))
            self._calls.extend((self._intern(call.callee), call) for call in module.flow.calls)
        for qualname, params in self.functions.items():
            self._param_keys[qualname] = tuple(f"p:{qualname}.{param}" for param in params)
        self._client_names = frozenset(client_names)
        self._memo: dict[Node, Objs] = {}
        self._results: dict[Objs, Objs] = {}
        self._solve()

    # -- interning ---------------------------------------------------------------------

    def _node(self, kind: str, name: str, inner: Node) -> Node:
        key = (kind, name, inner)
        node = self._nodes.get(key)
        if node is None:
            node = len(self._kinds)
            self._nodes[key] = node
            self._kinds.append(kind)
            self._names.append(name)
            self._inners.append(inner)
        return node

    def _intern(self, value: Val | None) -> Node:
        if value is None:
            return NO_NODE
        if value.inner is None:
            # Most values are a bare symbol or name: their row is found as fast as the
            # value itself would be.
            return self._node(value.kind, value.name, NO_NODE)
        node = self._interned.get(id(value))
        if node is None:
            node = self._intern_chain(value)
            self._interned[id(value)] = node
            self._alive.append(value)
        return node

    def _intern_chain(self, value: Val) -> Node:
        # Walk the nesting without recursion: facts read from a cache may nest deeply.
        chain: list[Val] = []
        link: Val | None = value
        while link is not None:
            chain.append(link)
            link = link.inner
        node = NO_NODE
        nodes = self._nodes
        for link in reversed(chain):
            # ``_node`` inlined for the common case of a row that exists already.
            found = nodes.get((link.kind, link.name, node))
            node = self._node(link.kind, link.name, node) if found is None else found
        return node

    def _arguments(self, call: CallSite) -> _Arguments:
        """The interned arguments of a call: needed only when it calls project code."""
        known = self._call_arguments.get(id(call))
        if known is None:
            known = self._call_arguments[id(call)] = _Arguments(
                call,
                tuple(self._intern(argument) for argument in call.args),
                tuple((keyword, self._intern(argument)) for keyword, argument in call.kwargs),
            )
        return known

    def _add_edge(self, target: str, node: Node) -> bool:
        nodes = self.edges.get(target)
        if nodes is None:
            self.edges[target] = [node]
            return True
        # Most symbols have one or two edges: a set beside each list would cost more
        # than the list itself.  A parameter with many callers gets one.
        members = self._edge_members.get(target)
        if members is None:
            if node in nodes:
                return False
            nodes.append(node)
            if len(nodes) > _SHORT_EDGE_LIST:
                self._edge_members[target] = set(nodes)
            return True
        if node in members:
            return False
        members.add(node)
        nodes.append(node)
        return True

    # -- resolution --------------------------------------------------------------------

    def resolve(self, value: Val | None, depth: int = 0) -> Objs:
        return self._resolve_node(self._intern(value), depth)

    def _resolve_node(self, node: Node, depth: int) -> Objs:
        if node == NO_NODE or depth > 30:
            return _NOTHING
        # Cleared at the start of each round of the fixpoint: a round that changes
        # nothing sees exactly what fresh resolution would, so the result is the same.
        memo = self._memo.get(node)
        if memo is not None:
            return memo
        found = self._evaluate(node, depth)
        self._memo[node] = found
        return found

    def _shared(self, found: Objs) -> Objs:
        """One frozen set per distinct result (see ``Objs``)."""
        if not found:
            return _NOTHING
        frozen = frozenset(found)
        return self._results.setdefault(frozen, frozen)

    def _evaluate(self, node: Node, depth: int) -> Objs:
        kind = self._kinds[node]
        name = self._names[node]
        if kind == "client":
            return _ONLY_CLIENT
        if kind == "sym":
            # The symbol's own set, which grows during a round of the fixpoint.
            held = self.values.get(name)
            if held is not None:
                return held
            if name.startswith("a:") and name not in self.edges:
                # ``self.client`` with no assignment may be a property: what it returns.
                return self.values.get("r:" + name[2:], _NOTHING)
            return _NOTHING
        if kind == "ref":
            return self._shared(self._resolve_ref(name))
        inner_node = self._inners[node]
        inner = self._resolve_node(inner_node, depth + 1)
        found: set[Obj] = set()
        if kind == "attr":
            for obj in inner:
                found |= self._attribute(obj, name)
        elif kind == "call":
            found |= self._call(inner_node, inner, depth)
        elif kind in ("iter", "item"):
            for obj_kind, obj_name in inner:
                if obj_kind == "models":
                    found.add(("model", obj_name))
                elif obj_kind == "coll":
                    found.add(("model", COLLECTIONS[obj_name].model))
        return self._shared(found)

    def _resolve_ref(self, name: str) -> Objs:
        """A dotted name reached through imports: a module member, then attributes."""
        found = self._resolve_exact(name)
        if found or "." not in name:
            return found
        # ``pkg.module.client.messages``: resolve the longest known prefix, then walk
        # the remaining attributes on what it holds.
        parts = name.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            objs = self._resolve_exact(".".join(parts[:cut]))
            if objs:
                for attribute in parts[cut:]:
                    objs = {o for obj in objs for o in self._attribute(obj, attribute)}
                return objs
        return _NOTHING

    def _resolve_exact(self, name: str) -> Objs:
        if name in NYLAS_CLIENT_CLASSES:
            return {("nylas_class", "")}
        if name in self.functions:
            return {("func", name)}
        if name in self.classes:
            return {("class", name)}
        if f"g:{name}" in self.edges:
            return self.values.get(f"g:{name}", _NOTHING)
        if name in self.module_names:
            return {("module", name)}
        return _NOTHING

    def _attribute(self, obj: Obj, name: str) -> Objs:
        kind, owner = obj
        if kind == "client" and name in COLLECTIONS:
            return {("coll", name)}
        if kind == "model" and owner in MODELS and name in MODELS[owner].children:
            return {("coll", MODELS[owner].children[name])}
        if kind == "inst":
            method = f"{owner}.{name}"
            if method in self.functions:
                return {("func", method)}
            return self.values.get(f"a:{owner}.{name}", _NOTHING)
        if kind == "module":
            return self._resolve_exact(f"{owner}.{name}")
        return _NOTHING

    def _call(self, callee: Node, callees: Objs, depth: int) -> set[Obj]:
        found: set[Obj] = set()
        if callee != NO_NODE and self._kinds[callee] == "ref" and "." in self._names[callee] \
                and not self._resolve_exact(self._names[callee]):
            # ``module.client.threads.where``: the extractor folds attributes of an
            # imported name into one dotted name; the last one is the method called.
            prefix, _, method = self._names[callee].rpartition(".")
            callee = self._node("attr", method, self._node("ref", prefix, NO_NODE))
        for kind, name in callees:
            if kind == "nylas_class":
                found.add(CLIENT_OBJ)
            elif kind == "func":
                found |= self.values.get(f"r:{name}", _NOTHING)
            elif kind == "class":
                found.add(("inst", name))
        if callee != NO_NODE and self._kinds[callee] == "attr":
            operation = self._names[callee]
            for kind, name in self._resolve_node(self._inners[callee], depth + 1):
                if kind == "coll":
                    model = COLLECTIONS[name].model
                    if operation in _ONE_MODEL_OPS:
                        found.add(("model", model))
                    elif operation in _MANY_MODEL_OPS:
                        found.add(("models", model))
                elif kind == "models":
                    found.add(("model" if operation == "first" else "models", name))
                elif kind == "model" and operation in _MODEL_FACTORIES:
                    found.add(("model", _MODEL_FACTORIES[operation]))
        return found

    def _solve(self) -> None:
        for target in self.edges:
            if target.rsplit(".", 1)[-1] in self._client_names or (
                target.startswith("s:") and target[2:] in self._client_names
            ):
                self.values.setdefault(target, set()).add(CLIENT_OBJ)
        for _ in range(_MAX_ROUNDS):
            self._memo.clear()
            changed = False
            # Resolving adds no edges: only binding parameters does, after this loop.
            # A symbol that holds nothing gets no set at all (most of them).
            values = self.values
            for target, nodes in self.edges.items():
                current = values.get(target)
                for node in nodes:
                    found = self._resolve_node(node, 0)
                    if not found:
                        continue
                    if current is None:
                        current = values[target] = set(found)
                        changed = True
                    elif not found <= current:
                        current |= found
                        changed = True
            for callee, call in self._calls:
                changed |= self._bind_parameters(callee, call)
            if not changed:
                return

    def _bind_parameters(self, callee: Node, call: CallSite) -> bool:
        changed = False
        for kind, name in self._resolve_node(callee, 0):
            if kind == "func":
                function = name
            elif kind == "class" and f"{name}.__init__" in self.functions:
                function = f"{name}.__init__"
            else:
                continue
            params = self.functions[function]
            keys = self._param_keys[function]
            arguments = self._arguments(call)
            for position, argument in enumerate(arguments.args):
                if argument != NO_NODE and position < len(params):
                    changed |= self._add_edge(keys[position], argument)
            for keyword, argument in arguments.kwargs:
                if keyword in params:
                    changed |= self._add_edge(f"p:{function}.{keyword}", argument)
        return changed

    # -- results ------------------------------------------------------------------------

    def is_client(self, value: Val | None) -> bool:
        return CLIENT_OBJ in self.resolve(value)

    def interpret(
        self, use: Use, nylas_module: bool
    ) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
        """The endpoints a use calls, or why it cannot be told."""
        endpoints: list[EndpointUse] = []
        unresolved: list[UnresolvedUse] = []
        objs = self.resolve(use.root)
        attrs = use.attrs
        first = attrs[0]
        for kind, name in objs:
            if kind == "client":
                if first in COLLECTIONS:
                    self._collection_op(first, attrs[1:], use, endpoints, unresolved)
                elif first in CLIENT_METHODS:
                    endpoints.append(self._endpoint(CLIENT_METHODS[first], use, first))
                elif first != "authentication_url":
                    unresolved.append(UnresolvedUse(
                        use.span, f"{use.text} is not in the endpoint map", None))
            elif kind == "coll":
                self._collection_op(name, attrs, use, endpoints, unresolved)
            elif kind == "model" and name in MODELS:
                model = MODELS[name]
                if first in model.methods:
                    endpoints.append(
                        self._endpoint(model.methods[first], use, f"{name}.{first}")
                    )
                elif first in model.children:
                    self._collection_op(model.children[first], attrs[1:], use, endpoints,
                                        unresolved)
        if not objs and nylas_module and first in COLLECTIONS and len(attrs) > 1 and (
            attrs[1] in COLLECTIONS[first].operations or attrs[1] in ("__iter__", "create")
        ):
            unresolved.append(UnresolvedUse(
                use.span,
                f"cannot tell whether {use.text} is a Nylas call",
                collection_scopes(first),
            ))
        return endpoints, unresolved

    def _collection_op(
        self,
        attribute: str,
        rest: tuple[str, ...],
        use: Use,
        endpoints: list[EndpointUse],
        unresolved: list[UnresolvedUse],
    ) -> None:
        collection = COLLECTIONS[attribute]
        operation = rest[0] if rest else "__get__"
        if operation == "create":
            return  # builds an unsaved model; the request happens on save/send
        key = collection.operations.get(operation)
        if key is None and not rest:
            return
        if key is None:
            unresolved.append(UnresolvedUse(
                use.span, f"{use.text} is not in the endpoint map",
                collection_scopes(attribute)))
            return
        endpoints.append(self._endpoint(key, use, f"{attribute}.{operation}"))

    @staticmethod
    def _endpoint(key: str, use: Use, operation: str) -> EndpointUse:
        return EndpointUse(ENDPOINTS[key], use.span, use.text, operation)

    def escapes(self, call: CallSite) -> list[UnresolvedUse]:
        """Clients handed to code the analysis cannot follow."""
        callees = self.resolve(call.callee)
        if any(kind in ("func", "class") for kind, _ in callees):
            return []
        if any(kind in ("client", "coll", "model", "models") for kind, _ in callees):
            return []  # an SDK call: arguments go to Nylas, not somewhere unseen
        last = call.callee_text.rsplit(".", 1)[-1]
        if call.callee_text in HARMLESS_CALLS or (
            "." in call.callee_text and last in HARMLESS_METHODS
        ):
            return []
        found: list[UnresolvedUse] = []
        arguments = [*call.args, *(value for _, value in call.kwargs)]
        for argument in arguments:
            found.extend(self._escaped(argument, call.span, f"passed to {call.callee_text}()"))
        return found

    def _escaped(self, value: Val | None, span: Span, how: str) -> list[UnresolvedUse]:
        found: list[UnresolvedUse] = []
        for kind, name in self.resolve(value):
            if kind == "client":
                found.append(UnresolvedUse(span, f"a Nylas client is {how}", None))
            elif kind == "coll":
                found.append(UnresolvedUse(
                    span, f"the {name} collection is {how}", collection_scopes(name)))
        return found

    def sink_escapes(self, value: Val, what: str, span: Span) -> list[UnresolvedUse]:
        return self._escaped(value, span, what)
