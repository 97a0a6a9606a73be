"""Record how values that may come from Nylas flow through one module.

The records (edges, uses, calls, reads, stores, sinks; see ``flow_facts``) are
symbolic: whether a name holds a client, a query or a message is decided later by
the project index, which sees every module.

The pass is a closed world.  It walks every node, and each expression that has a
symbolic value is, where it appears, either followed (an edge, a call, a use), only
read, or recorded as escaping: ``flow_contexts.ROLES`` decides which, for every field
of every node class, and a form it has no rule for escapes.  Whether an escaping
value matters is again the index's business: most values are not Nylas values.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence, Set as AbstractSet
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..nylas_api import API_VERSIONS, client_class_names
from ..nylas_api.http import ANY_METHOD, URL_HOLE
from ..nylas_api.package import SDK_PACKAGE
from ..nylas_api.shared_names import SHARED_OPERATIONS
from ..spans import Span
from .app_items import (
    ANY_ITEM_SLOT,
    APPLICATION_CLASSES,
    KEY_CLASSES,
    imports_aiohttp,
    item_slot,
    names_an_application,
)
from .ast_names import dotted, keyword_value
from .litestar_state import imports_litestar, names_litestar_state
from .state_items import (
    ANY_STATE_ITEM,
    STORING_METHODS as STATE_STORING_METHODS,
    state_item_slot,
    stored_items,
    takes_any_item,
)
from .field_factories import field_factory, unannotated_field
from .command_contexts import (
    OBJECT_KEYWORD,
    OBJECT_SLOT,
    PASS_OBJECT_DECORATORS,
    ensures_object,
    imports_click,
    names_context_object,
)
from .base_url_clients import SENDING_METHODS
from .bindings import BodyBindings, Bindings, hand_overs, is_container, loop_iterable
from .bound_tasks import bound_task_base
from .context_vars import (
    CONTEXT_VAR_CLASSES,
    READ_METHOD,
    STORE_METHOD,
    context_var_slot,
    default_of,
)
from .dispatch_functions import (
    DISPATCHERS,
    REGISTERS_ON,
    REGISTERS_UNTOLD,
    names_register,
    registered_by_call,
    registered_on,
    registration_target,
)
from .empty_records import shed_empty
from .facts_values import ScopeValue, ValueState
from .exit_stacks import EXIT_STACK_CLASSES, exit_stack_names, stack_call
from .flow_calls import (
    ADDERS,
    BUILTINS,
    EXTENDERS,
    FILE_OPENERS,
    GIVEN_BACK,
    HAND_OVER_METHODS,
    HAND_OVERS,
    hands_over,
    HOOKS_HANDING_ON_RESULTS,
    PARSED_DATA,
    GATHERING,
    PASS_THROUGH,
    TYPE_CASTS,
    HandOver,
    Shape,
)
from .flow_contexts import Role, roles_of
from .factory_configs import configuration_path
from .flask_config import names_scopes
from .narrowed_names import (
    bound_once,
    declared_shared,
    guard_leaves,
    holds_after,
    holds_in_body,
    isinstance_parts,
    rebound_in,
)
from .flow_facts import (
    CallSite,
    Edge,
    FlowFacts,
    Function,
    ImportedRequest,
    NAMED_CALLEES,
    SPREAD,
    PlainArguments,
    Read,
    ScopeArg,
    Sink,
    Store,
    UNREAD_MODULE,
    Use,
    call_flags,
    Val,
    ValTable,
)
from .grouped_items import GROUP_ADDERS, GROUP_EXTENDERS, grouping_dict, only_grouped
from .handed_calls import attrgetter_call, attrgetter_read
from .loop_names import comprehension_loops, names_run_over
from .member_patterns import member_pattern
from .named_writes import PATCHERS, namespace_owner, patched_attribute, spelled_name
from .prefilter import names_a_scope_family
from .registry_writes import ITEM_WRITE
from .replaced_methods import ANY_RECEIVER
from .source import SourceMap
from .spread_dicts import only_spread
from .subclass_bindings import RUN_TIME_NAMES
from .symbols import (
    ATTRIBUTE,
    BARE_CLASS,
    BASES,
    CHOICE,
    GLOBAL,
    LOCAL,
    PARAMETER,
    REGISTERED,
    RETURNED,
    STATE,
    TEMPORARY,
    rebinding_local,
    returned_element,
)
from .string_code import names_read_by_string_code
from .tree_walk import child_nodes, walk_nodes
from .values import ValueReader, names_a_scope

# The v2 SDK, whose collections and model methods start the chains recorded as uses.
# A client of either generation is recorded as the call of its class (or an instance
# of it, from an annotation): which classes are clients, the resolver knows.
_V2 = API_VERSIONS["v2"].surface()
# Recorded too, so that the index can tell whether its receiver is a client.
AUTH_URL_METHOD = _V2.auth_url_method
# The SDK helper's methods that build the same URL (``Routes(client).build_auth_url``):
# recorded with their receiver, which the index tells to be the helper or not.
AUTH_URL_HELPER_METHODS = frozenset(
    method.rpartition(".")[2] for method in _V2.auth_url_helpers)
_REQUEST_METHODS = frozenset({AUTH_URL_METHOD, *AUTH_URL_HELPER_METHODS})
# API v3 requests sent as JSON whose names are common words (``grants.update``):
# recorded too, so that the index can tell whether the receiver is a client, which
# decides whether the request is Nylas's.
V3_REQUEST_CHAINS = API_VERSIONS["v3"].surface().shared_request_chains
# Their last names (``update``).
_V3_REQUEST_METHODS = frozenset(chain[-1] for chain in V3_REQUEST_CHAINS)
# A v2 collection's model builder, which takes keywords only (see ``v3_shaped_calls``).
MODEL_BUILDER = _V2.model_builder
# Keywords only API v3's ``create`` takes (``request_body=``), from the v3 surface.
_V3_CREATE_KEYWORDS = API_VERSIONS["v3"].surface().create_keywords
# API v3 resource methods whose names other libraries' collections share (pymongo's
# ``find``, Django's ``update``): a call of one shaped as the SDK's is recorded, so
# that the resolver can take it for a possible Nylas call on an unknown object.
_V3_SHARED_METHODS = frozenset(
    {method for resource in API_VERSIONS["v3"].surface().resources.values()
     for method in resource.methods} & SHARED_OPERATIONS) - {MODEL_BUILDER}
# API v2's model builder, which API v3's ``create(grant, request_body=...)`` shares.
_BUILDER = frozenset({MODEL_BUILDER})
# The keywords of API v3's ``find`` besides the object's id (``message_id=``).
_V3_IDENTIFIER, _V3_QUERY = "identifier", "query_params"
# The lookup pymongo's collections share with API v3's resources.
_V3_FIND = "find"
# What API v3 methods are given by position: the grant and the object's ids, as names
# or strings.  pymongo's ``find`` takes a filter and a projection (dicts or lists).
_PLAIN_ARGUMENTS = (ast.Name, ast.Attribute, ast.Subscript, ast.JoinedStr)
COLLECTIONS = _V2.collections
# The names of v2's collections and v3's top resources (``messages``, ``events``):
# a module-level name bound to a chain reading one is recorded (``module_chains``).
_SDK_MEMBERS = frozenset(
    {*COLLECTIONS, *API_VERSIONS["v3"].surface().resources[""].children})
# Links of a bound value looked at for such a name.
_MAX_MEMBER_LINKS = 32
CLIENT_METHODS = _V2.client_methods
MODELS = _V2.models

# Attribute names that can start a Nylas operation on a client or a model object.
NYLAS_ATTRIBUTES: frozenset[str] = frozenset(
    {*COLLECTIONS, *CLIENT_METHODS, AUTH_URL_METHOD}
    | {name for model in MODELS.values() for name in (*model.methods, *model.children)}
)


# The words of the paths of Nylas's routes (``events``, ``grants``, ``v3``): a request
# on a receiver only the resolver can tell is kept only where its path spells one,
# not for every ``cache.get("key")`` of a project.
_ROUTE_WORDS = frozenset(
    segment for version in ("v2", "v3") for route in API_VERSIONS[version].surface().raw_routes
    for segment in route.path.split("/") if segment and "{" not in segment)

# Framework objects that hold app-wide or request-wide state by attribute.
_STATE_ROOTS = {"app": "app", "current_app": "app", "g": "g"}

_MAX_DEPTH = 40
# Functions that import a module named by a string and give it back.
_MODULE_IMPORTERS = frozenset({"importlib.import_module", "__import__"})
_UNKNOWN = Val("unknown")  # not computed yet (None is a computed "no value")

# FastAPI's dependency markers: the parameter receives what the function returns.
_DEPENDENCY_MARKERS = frozenset({"Depends", "Security"})
# Typing wrappers whose arguments are the types a value may have.
# The SDK's package, whose classes a function's return annotation may name.
_SDK_PACKAGE = "nylas."
_TYPE_WRAPPERS = frozenset({"Optional", "Union", "Annotated", "Final", "ClassVar"})


@dataclass(frozen=True)
class _GenericCall:
    """What a generic function (``@singledispatch``) passes to each implementation
    registered on it, where it is defined, and where what they return goes."""

    args: tuple[Val | None, ...]
    kwargs: tuple[tuple[str, Val], ...]
    star: Val | None
    double_star: Val | None
    span: Span
    returned: str  # the generic function's result: what an implementation returns


@dataclass
class _Frame:
    qualname: str  # "" for the module, "func", "Class.method", "outer.inner"
    bindings: Bindings
    params: frozenset[str] = frozenset()
    class_name: str = ""  # the class whose method this is, for self.<attr>
    is_function: bool = False
    self_name: str = ""  # the first parameter of a method: ``self`` or ``cls``
    is_class: bool = False
    # A function's statements, for what its names hand over (``hand_overs``).
    body: list[ast.stmt] | None = None
    # The length of the tuples each of its ``return`` statements gives (see
    # ``Function.tuple_size``).
    tuple_size: int = 0
    # A comprehension's targets by the iterable each runs over (see ``loop_names``).
    loops: dict[str, ast.expr] = field(default_factory=dict)
    # The names that only ever hold an exit stack (see ``exit_stacks``), found once.
    exit_stacks: frozenset[str] | None = None
    # A list, set or dict comprehension's frame: it runs where it is written, so a
    # name it does not bind reads what the name holds there (see ``_narrowed_value``).
    runs_at_once: bool = False
    # What each name an ``isinstance`` test proves a client holds in the branch
    # being walked (see ``visit_If``).
    narrowed: dict[str, Val] = field(default_factory=dict)
    # Parameters annotated with Litestar's ``State``: the application's state object.
    state_params: frozenset[str] = frozenset()
    # A comprehension's or lambda's frame, made once and pushed wherever its node is
    # read (see ``_scope_frame``): the frames under it may differ from one reading
    # to the next.  Every other frame is pushed once, on the same frames.
    reused: bool = False

    def __post_init__(self) -> None:
        # What each name read in this frame stands for.  A frame always sits on the
        # same frames (a function's, a class's, or a comprehension's own, made once),
        # so the answer never changes while the frame is walked; names are read over
        # and over.
        self.names: dict[str, Val | None] = {}
        # The one value each name read here as a scopes value is bound to (see
        # ``_scope_value``).
        self.scope_values: dict[str, ast.expr | None] = {}


def state_key(node: ast.expr) -> str:
    """A framework-state symbol for ``app.state.nylas``, ``app.ctx.nylas``, ``g.nylas``,
    ``current_app.x``.

    Read from the node's shape rather than from its dotted spelling: every attribute
    of a module is asked, and spelling each one cost more than the rest of the pass.
    """
    if not isinstance(node, ast.Attribute):
        return ""
    return state_key_of(node.value, node.attr)


def state_key_of(owner: ast.expr, attr: str) -> str:
    """The framework-state symbol for attribute ``attr`` of the object ``owner``
    spells (``request.app.state`` and ``http``), or ""."""
    if isinstance(owner, ast.Attribute):
        if owner.attr == "state" and _spellable(owner.value):
            return f"{STATE}state.{attr}"
        if owner.attr == "ctx" and _sanic_owner(owner.value):
            return f"{STATE}ctx.{attr}"
        if owner.attr == "registry" and _pyramid_owner(owner.value):
            return f"{STATE}registry.{attr}"
        inner = owner.value
        if owner.attr == "app" and isinstance(inner, ast.Name) and inner.id in _APP_HOLDERS:
            return f"{STATE}app.{attr}"
        return ""
    if isinstance(owner, ast.Name):
        root = _STATE_ROOTS.get(owner.id)
        if root is not None:
            return f"{STATE}{root}.{attr}"
    return ""


# The standard library's top modules: ``os.getcwd()`` holds no method of the project.
_STANDARD_LIBRARY = frozenset(sys.stdlib_module_names)
# ``request.app.x`` and ``self.app.x`` are the app's state too.
_APP_HOLDERS = frozenset({"request", "self"})
# The objects whose ``ctx`` is Sanic's context namespace, one slot for the whole
# project as Starlette's ``state`` is: the application, a blueprint, a request
# (``request.ctx``) and the application a request or a view holds (``request.app``).
# ``ctx`` is a common attribute name: another object's is a plain attribute.
_SANIC_OWNERS = frozenset({"app", "request", "bp", "blueprint"})


def _sanic_owner(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return node.id in _SANIC_OWNERS
    return isinstance(node, ast.Attribute) and node.attr == "app" and _spellable(node.value)


# The objects whose ``registry`` is Pyramid's application registry, one for the whole
# application: the configurator (``config.registry.nylas = client`` at start-up) and
# a request, a view's own or one a class-based view keeps (``self.request.registry``).
# ``registry`` is a common attribute name: another object's is a plain attribute.
_PYRAMID_OWNERS = frozenset({"config", "request"})


def _pyramid_owner(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return node.id in _PYRAMID_OWNERS
    return isinstance(node, ast.Attribute) and node.attr == "request" and _spellable(node.value)


def _may_name_held_value(func: ast.expr, callee: Val) -> bool:
    """Whether a call's callee read through imports (``callee``, a ``ref``) may be an
    attribute a class body binds to a bound SDK method or a collection (``class Jobs:
    fetch = raw.messages.list``, then ``Jobs.fetch("grant")``), not only a function:
    written as an attribute (``Jobs.fetch``, ``Mailbox.source.where``) of a name
    spelled as a class is (see ``_spelled_as_class``), not of the standard library.  Such
    a call is recorded even when nothing it is given is a value, so that the project
    index reads what the attribute holds.  (A library's module-level objects,
    ``request.get_json()``, ``models.CharField(...)``, are left out: a record per
    such call would be memory spent on calls that hold no method of the project.)"""
    if not isinstance(func, ast.Attribute):
        return False
    parts = callee.name.split(".")
    return parts[0] not in _STANDARD_LIBRARY and any(
        _spelled_as_class(part) for part in parts[:-1])


def _spelled_as_class(name: str) -> bool:
    """``Jobs``, ``MailBox``: a capital first letter, not a constant's capitals
    (``HTTP = httpx.Client(base_url=...)`` is a module's object, whose requests the
    raw-HTTP reading reads from their own arguments)."""
    return name[:1].isupper() and not name.isupper()


def _spellable(node: ast.expr) -> bool:
    """Whether :func:`dotted` spells ``node`` (names, attributes and calls down to a name)."""
    while True:
        if isinstance(node, ast.Attribute):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            return isinstance(node, ast.Name)


_READ = Role.READ
_ESCAPE = Role.ESCAPE
# Per node class, the fields the walk enters, each with its role and whether a node
# there is looked at (read, or escaping) before it is walked; and the one field,
# if it enters only one and looks at nothing there (``Attribute.value``,
# ``keyword.value``, ``Return.value``): where that field holds a leaf or nothing,
# walking the node does nothing, and is skipped (two thirds of a module's
# attributes, ``client.messages``).  A list there is walked as any other.
_RoleEntry = tuple[tuple[tuple[str, Role, bool], ...], str]
_ROLE_CACHE: dict[type[ast.AST], _RoleEntry] = {}


def _roles(kind: type[ast.AST]) -> _RoleEntry:
    found = _ROLE_CACHE.get(kind)
    if found is None:
        roles = tuple(
            (name, role, role is _READ or role is _ESCAPE)
            for name, role in roles_of(kind) if role is not Role.PLAIN
        )
        single = roles[0][0] if len(roles) == 1 and not roles[0][2] else ""
        found = _ROLE_CACHE[kind] = (roles, single)
    return found


# Nodes that hold nothing to walk into.
_LEAF_CLASSES: frozenset[type] = frozenset({ast.Name, ast.Constant})


def _reads_sdk_member(value: Val | None) -> bool:
    """Whether a value reads an attribute named as an SDK collection or resource
    (``raw.messages.list``, ``[raw.events]``), looking at a few links only."""
    for _ in range(_MAX_MEMBER_LINKS):
        if value is None:
            return False
        if value.kind == "attr" and value.name in _SDK_MEMBERS:
            return True
        value = value.inner
    return False


def _all_node_classes() -> frozenset[type]:
    found: set[type] = set()
    pending: list[type] = [ast.AST]
    while pending:
        kind = pending.pop()
        if kind not in found:
            found.add(kind)
            pending.extend(kind.__subclasses__())
    return frozenset(found)


_NODE_CLASSES = _all_node_classes()
# Every node class, by whether it is a leaf (see ``_LEAF_CLASSES``).
_CHILD_KINDS: dict[type, bool] = {kind: kind in _LEAF_CLASSES for kind in _NODE_CLASSES}


# What a single field may hold for its node's walk to do nothing: a name or a
# constant (leaves, not looked at there), or no node at all.
_NOTHING_TO_WALK: frozenset[type] = frozenset({ast.Name, ast.Constant, type(None)})


@dataclass(slots=True)
class _Records:
    """The records the walk adds to as it goes, handed over as ``FlowFacts``."""

    functions: list[Function] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    uses: list[Use] = field(default_factory=list)
    calls: list[CallSite] = field(default_factory=list)
    sinks: list[Sink] = field(default_factory=list)
    scope_args: list[ScopeArg] = field(default_factory=list)
    reads: list[Read] = field(default_factory=list)
    stores: list[Store] = field(default_factory=list)
    imported_requests: list[ImportedRequest] = field(default_factory=list)
    plain_arguments: list[PlainArguments] = field(default_factory=list)
    v3_shaped_calls: list[Span] = field(default_factory=list)
    v3_create_calls: list[Span] = field(default_factory=list)
    module_chains: list[tuple[str, Span]] = field(default_factory=list)

    def facts(self) -> FlowFacts:
        found = FlowFacts(self.functions, self.classes, self.edges, self.uses, self.calls,
                          self.sinks, self.scope_args, self.reads, self.stores,
                          self.imported_requests, self.plain_arguments,
                          self.v3_shaped_calls, self.v3_create_calls, self.module_chains)
        shed_empty(found)
        return found


class FlowExtractor:
    def __init__(
        self,
        source: SourceMap,
        module_name: str,
        imports: Mapping[str, str],
        module_bindings: Bindings,
        body_bindings: BodyBindings | None = None,
        star_imported: Mapping[str, str] | None = None,
        handed_over_twice: dict[tuple[int, str], bool] | None = None,
        redefined_readers: frozenset[str] = frozenset(),
        shadowed_readers: Callable[[], AbstractSet[str]] = frozenset,
    ) -> None:
        self.body_bindings = body_bindings or BodyBindings()
        # The reading calls (``print``, ``len``, ``logging.info``) that code of the
        # project may bind again for this module (``builtins.print = spy``), and those
        # the module's own reading of its lists takes to be no reads (asked only
        # where a list's hand-overs are counted, and then the same as that reading's:
        # their counts share ``handed_over_twice``).
        self._redefined_readers = redefined_readers
        self._shadowed_readers = shadowed_readers
        self.source = source
        self.module = module_name or "__main__"
        self.imports = imports
        # Whether the module may run code from a string (see ``string_code``): set
        # from the module's text by who reads it whole (``module_facts``).
        self.runs_string_code = True
        # Whether ``request.app["nylas"]`` reads aiohttp's application (see ``app_items``).
        self._aiohttp = imports_aiohttp(imports)
        # Whether ``ctx.obj`` reads click's context object (see ``command_contexts``).
        self._click = imports_click(imports)
        # Whether a parameter annotated ``State`` may be Litestar's (see ``litestar_state``).
        self._litestar = imports_litestar(imports)
        # ``from .deps import *``: the qualified name of each name it must bring.
        self.star_imported = star_imported or {}
        self.facts = _Records()
        # The callees and slots of the ``PlainArguments`` recorded (by the callee's
        # identity: the table shares its values).
        self._plain_seen: set[tuple[int, tuple[tuple[int, str, str], ...]]] = set()
        self.frames: list[_Frame] = [_Frame("", module_bindings)]
        self.module_functions: set[str] = set()
        self.module_classes: set[str] = set()
        self._depth = 0
        self._values: dict[ast.AST, Val | None] = {}
        # Expressions met deeper than ``_MAX_DEPTH``, each read once the expression
        # around it is (see ``value``), and the symbol that stands for each meanwhile.
        self._deferred: dict[ast.AST, str] = {}
        self._reading_deferred = False
        self._table = ValTable()
        self._val = self._table.get
        self._temporaries = 0
        # The parameters bound again in their function, by the local that holds what
        # the function binds them to (see ``_rebinding_key``).
        self._rebound: set[str] = set()
        # How many proving branches are being walked (see ``_narrowing``).
        self._narrowings = 0
        # The frame of each comprehension and lambda, made once: its value is asked
        # for before the walk reaches it.
        self._scopes: dict[ast.AST, _Frame] = {}
        # The iterable of the one loop that binds a name in a function's body, by body
        # and name (see ``_loop_names``).
        self._loop_iterables: dict[tuple[int, str], ast.expr | None] = {}
        # Asked several times per call (its value, its record, hand-overs).
        self._callee_names: dict[ast.expr, str] = {}
        # ``target_key`` of each attribute, with the frame it was found in.
        self._attribute_keys: dict[ast.expr, tuple[_Frame, str]] = {}
        # The generic functions (``@singledispatch``) by the frame that binds them and
        # their name: the call that hands their arguments to an implementation.
        self._generics: dict[tuple[str, str], _GenericCall] = {}
        # Whether a function's list is handed over at more than one place, by body
        # and name: shared with the module's other extractor, which asks the same.
        self._handed = handed_over_twice if handed_over_twice is not None else {}
        # The ``authentication_url`` (and helper request method) attributes called:
        # any other is the method used as a value, recorded too (see
        # ``visit_Attribute``).
        self._auth_url_callees: set[ast.expr] = set()
        # The ``<generic>.register`` attributes of the registrations read (see
        # ``dispatch_functions``): any other use of one is recorded as untold.
        self._registrations: set[ast.expr] = set()
        # The calls that make a dataclass or attrs field from a factory the class's
        # attribute is bound to (see ``_fields``).
        self._field_calls: set[ast.expr] = set()
        self.reader = ValueReader(source, self._scope_value, self._reference)

    def close(self) -> None:
        """Drop the value reader, which calls back into this object: the reference
        cycle would keep the module's syntax tree alive until the next garbage
        collection, and a project analysis pauses the collector."""
        del self.reader

    def _bound_value(self, name: str, as_scopes: bool = False) -> ast.expr | None:
        """The single value a name is bound to.  Read ``as_scopes``, a list changed
        in place holds more than its assignment says: none."""
        bindings = self.frames[0].bindings
        body = None
        for frame in reversed(self.frames):
            if frame.is_function and frame.bindings.binds(name):
                bindings, body = frame.bindings, frame.body
                break
        if as_scopes and bindings.changed_in_place(name):
            return None
        value = bindings.lookup(name)
        if as_scopes and value is not None and body is not None and is_container(value) and (
                self._shared(body, name)):
            # A function's list that other code may change (``extra = scopes``).
            return None
        return value

    def _shared(self, body: list[ast.stmt], name: str) -> bool:
        key = (id(body), name)
        shared = self._handed.get(key)
        if shared is None:
            shared = self._handed[key] = hand_overs(
                body, name, None, self._shadowed_readers()) > 1
        return shared

    def _scope_value(self, name: str) -> ast.expr | None:
        # Asked for every name a call is given (see ``_scope_arguments``), often the
        # same few names of a function: the answer depends only on the frames the
        # name is read in, the same while a frame pushed once is on top.
        frame = self.frames[-1]
        if frame.reused:
            return self._bound_value(name, as_scopes=True)
        known = frame.scope_values
        if name in known:
            return known[name]
        found = known[name] = self._bound_value(name, as_scopes=True)
        return found

    def _reference(self, node: ast.expr) -> str | None:
        value = self.value(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
        return value.name if value is not None and value.kind == "ref" else None

    # -- names ----------------------------------------------------------------------------

    def _qual(self, frame: _Frame, name: str) -> str:
        return f"{self.module}.{frame.qualname}.{name}" if frame.qualname else (
            f"{self.module}.{name}"
        )

    def name_value(self, name: str) -> Val | None:
        if self._narrowings:
            narrowed = self._narrowed_value(name)
            if narrowed is not None:
                return narrowed
        return self._plain_name_value(name)

    def _plain_name_value(self, name: str) -> Val | None:
        """What a name stands for wherever the function reads it (and what an
        assignment to it writes)."""
        known = self.frames[-1].names
        found = known.get(name, _UNKNOWN)
        if found is _UNKNOWN:
            found = known[name] = self._name_value(name)
        return found

    def _name_value(self, name: str) -> Val | None:
        frames = self.frames
        innermost = frames[-1]
        if name in innermost.bindings.declared_global:
            if not (innermost.is_function and name in _nonlocal_names(innermost.body)):
                return self._global_value(name)
            # ``nonlocal client`` then ``client = make_client()``: the name of the
            # function it is written in, which reads and writes go to.
            frames = frames[:-1]
        for frame in reversed(frames):
            if not frame.is_function:
                continue
            if name == frame.self_name:
                return self._val("self", f"{self.module}.{frame.class_name}")
            if name in frame.params:
                return self._val("sym", PARAMETER + self._qual(frame, name))
            if frame.bindings.binds(name):
                if name in frame.bindings.imported and name in self.imports:
                    return self._val("ref", self.imports[name])
                return self._val("sym", LOCAL + self._qual(frame, name))
        return self._global_value(name)

    def _global_value(self, name: str) -> Val | None:
        module = self.frames[0].bindings
        if name in self.module_functions or name in self.module_classes:
            return self._val("ref", f"{self.module}.{name}")
        if name in module.imported and name in self.imports:
            return self._val("ref", self.imports[name])
        if module.binds(name):
            return self._val("sym", f"{GLOBAL}{self.module}.{name}")
        if name in self.imports:
            return self._val("ref", self.imports[name])
        if name in self.star_imported:
            return self._val("ref", self.star_imported[name])
        return None

    def _self_owner(self, node: ast.expr) -> bool:
        frame = self.frames[-1]
        return (
            isinstance(node, ast.Name)
            and frame.class_name != ""
            and node.id == self._self_name()
        )

    def _class_of_self(self, node: ast.expr) -> bool:
        """Whether ``node`` is the class of the method's instance: ``type(self)`` or
        ``self.__class__``."""
        if isinstance(node, ast.Attribute):
            return node.attr == "__class__" and self._self_owner(node.value)
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
            node.func.id == "type") and len(node.args) == 1 and not node.keywords and (
            self._self_owner(node.args[0])) and self.name_value("type") is None

    def _self_name(self) -> str:
        for frame in reversed(self.frames):
            if frame.self_name:
                return frame.self_name
            if frame.is_class:
                return ""
        return ""

    def target_key(self, target: ast.expr) -> str:
        """The symbol an assignment target writes, or "" when it is not followed."""
        if isinstance(target, ast.Name):
            frame = self.frames[-1]
            if frame.is_class:
                # A class attribute: what ``self.<name>`` reads.
                return f"{ATTRIBUTE}{self.module}.{frame.class_name}.{target.id}"
            value = self._plain_name_value(target.id)
            if value is not None and value.kind == "sym":
                return self._rebinding_key(value.name)
            return ""
        if target.__class__ is ast.Attribute:
            assert isinstance(target, ast.Attribute)
            frame = self.frames[-1]
            if self._narrowings or frame.reused:
                return self._attribute_key(target)
            # Asked twice or more of most attributes (splitting a call's chain, then
            # reading its value).  The answer depends on the frames the node is read
            # in and, through ``type``, on the names a proving branch narrows: kept
            # with the frame it was found in (pushed once, on the same frames),
            # outside proving branches only.
            known = self._attribute_keys.get(target)
            if known is not None and known[0] is frame:
                return known[1]
            key = self._attribute_key(target)
            self._attribute_keys[target] = (frame, key)
            return key
        return ""

    def _attribute_key(self, target: ast.Attribute) -> str:
        """``target_key`` of an attribute."""
        if self._self_owner(target.value) or self._class_of_self(target.value):
            # ``type(self).client = ...`` binds the class attribute that
            # ``self.client`` reads, as a store on the instance does.
            return f"{ATTRIBUTE}{self.module}.{self.frames[-1].class_name}.{target.attr}"
        if self._imported_module_root(target):
            return ""  # ``import app.messages``: ``app.messages`` is the module
        if self._click and names_context_object(target):
            return OBJECT_SLOT
        return state_key(target)

    def _rebinding_key(self, symbol: str) -> str:
        """The symbol a write of a name holding ``symbol`` goes to.  A parameter bound
        again in its own function (``value = [c.name for c in value.calendars.list(g)
        .data]``, a loop's or a ``with``'s target, an ``isinstance`` test) is written
        through a local of the same qualified name, which the parameter holds: a read
        of the name still sees every binding (the analysis does not follow the order
        of statements), and the resolver tells what callers give the parameter from
        what its own function binds it to.  Where no caller gives it anything, the
        parameter still holds what the analysis cannot tell (see
        ``FlowResolver._find_partly_untold``), which a binding in the body must not
        hide: the call read before the binding is made on the caller's value."""
        if not symbol.startswith(PARAMETER):
            return symbol
        local = rebinding_local(symbol)
        if local not in self._rebound:
            self._rebound.add(local)
            self._edge(symbol, self._val("sym", local))
        return local

    def _aliased_state_key(self, node: ast.Attribute) -> str:
        """The framework-state symbol ``state.http`` reads where ``state`` is a
        function's name bound once to a state object (``state = request.app.state``):
        the same slot as ``request.app.state.http``, read or written (``st.http =
        client`` in a lifespan).  A name bound more than once, to anything else, or a
        parameter is not followed (``analysis.extract`` reads the held clients written
        so with the same limits)."""
        return self._aliased_state_key_of(node.value, node.attr)

    def _aliased_state_key_of(self, owner: ast.expr, attr: str) -> str:
        """``_aliased_state_key`` of attribute ``attr`` of the object ``owner`` spells."""
        if not isinstance(owner, ast.Name):
            return ""
        if self._litestar and self._is_state_parameter(owner.id):
            return f"{STATE}state.{attr}"
        bound = self._function_binding(owner.id)
        return state_key_of(bound, attr) if bound is not None else ""

    def _state_object(self, holder: ast.expr) -> bool:
        """Whether ``holder`` is the application's state object (``app.state``,
        ``request.app.state``, a parameter annotated with Litestar's ``State``, a name
        bound once to one), whose items are its attributes (see ``state_items``)."""
        key = state_key_of(holder, "_") or self._aliased_state_key_of(holder, "_")
        return takes_any_item(key)

    def _state_parameters(self, every: Sequence[ast.arg]) -> frozenset[str]:
        """The parameters annotated with Litestar's ``State``: Litestar hands the
        application's state to them, the object ``app.state`` names."""
        return frozenset(
            arg.arg for arg in every
            if arg.annotation is not None and names_litestar_state(arg.annotation, self.imports)
        )

    def _is_state_parameter(self, name: str) -> bool:
        """Whether ``name`` read here is a parameter annotated with Litestar's
        ``State`` (of this function or one it is nested in, not bound again here)."""
        for frame in reversed(self.frames):
            if not frame.is_function:
                continue
            if name in frame.params:
                return name in frame.state_params and not frame.bindings.binds(name)
            if name == frame.self_name or frame.bindings.binds(name):
                return False
        return False

    def _function_binding(self, name: str) -> ast.expr | None:
        """The one value a function binds ``name`` to where a read of the name in
        this scope sees it; None for a parameter, an import, a name bound more than
        once or declared global, or one the module binds."""
        frame = self._binding_frame(name)
        return frame.bindings.lookup(name) if frame is not None else None

    def _binding_frame(self, name: str) -> _Frame | None:
        """The function whose one binding of ``name`` a read of it in this scope
        sees (see ``_function_binding``); None where there is no such binding."""
        frames = self.frames
        if name in frames[-1].bindings.declared_global:
            return None
        for frame in reversed(frames):
            if not frame.is_function:
                continue
            if name == frame.self_name or name in frame.params or name in frame.loops:
                return None
            if frame.bindings.binds(name):
                return None if name in frame.bindings.imported else frame
        return None

    def _spread_dict(self, name: str) -> ast.expr | None:
        """The one value a function binds ``name`` to, where a spread of it
        (``find(**kw)``) still gives what that value says: not a dict the function
        changes or hands on after its literal (``kw["message_id"] = m``, ``fill(kw)``),
        whose keys are then unread (None)."""
        frame = self._binding_frame(name)
        value = frame.bindings.lookup(name) if frame is not None else None
        if frame is None or value is None or frame.body is None:
            return None
        return value if only_spread(frame.body, name) else None

    def _imported_module_root(self, node: ast.Attribute) -> bool:
        """Whether an attribute chain starts at a name that ``import <name>`` binds
        (a package of the project named ``app``, not a framework's app object)."""
        root: ast.expr = node
        while isinstance(root, ast.Attribute):
            root = root.value
        return isinstance(root, ast.Name) and self.imports.get(root.id) == root.id

    # -- values ---------------------------------------------------------------------------

    def _text(self, node: ast.AST) -> str:
        """The expression as written, one string for equal texts of the module: a
        module calls the same few functions again and again."""
        return self._table.text(_text(node))

    def value(self, node: ast.AST | None) -> Val | None:
        if node is None or node.__class__ not in _VALUE_NODES:
            return None  # a literal, an operator: never a client (most arguments)
        # A call's arguments, its callee and the assignment around it each ask for the
        # same nodes; a node's value depends only on the scope it sits in.
        known = self._values.get(node, _UNKNOWN)
        if known is not _UNKNOWN:
            return known
        if self._depth >= _MAX_DEPTH:
            return self._defer(node)
        if node.__class__ is ast.Name:
            # A third of the values asked for: a name reads no other node, so the
            # depth kept for nested expressions (and the deferred ones read at depth
            # 0, none pending when a name is asked) need not be counted for it.
            assert isinstance(node, ast.Name)
            found = self.name_value(node.id) if node.ctx.__class__ is ast.Load else None
            self._values[node] = found
            return found
        self._depth += 1
        try:
            found = self._value(node)
        finally:
            self._depth -= 1
        self._values[node] = found
        if self._depth == 0 and self._deferred and not self._reading_deferred:
            self._read_deferred()
        return found

    def _defer(self, node: ast.AST) -> Val:
        """A symbol standing for an expression nested too deeply to read now: the
        expression is read on its own once the one around it is, and the symbol gets
        its value.  (Cutting it off would lose a client held or passed in it.)"""
        key = self._deferred.get(node)
        if key is None:
            self._temporaries += 1
            key = self._deferred[node] = self._table.symbol(
                f"{TEMPORARY}{self.module}.{self._temporaries}")
        return self._val("sym", key)

    def _read_deferred(self) -> None:
        """Read each deferred expression from depth 0, one after another (reading one
        may defer more): as deep a tree as the parser accepts costs no deeper stack."""
        self._reading_deferred = True
        try:
            while self._deferred:
                node, key = next(iter(self._deferred.items()))
                del self._deferred[node]
                found = self.value(node)
                if found is not None:
                    self.facts.edges.append(Edge(key, found))
        finally:
            self._reading_deferred = False

    def _value(self, node: ast.AST) -> Val | None:
        if isinstance(node, ast.Yield):
            # ``client = yield``: what the generator's ``send`` (``asend``) is given,
            # by a caller the analysis does not bind: a parameter no one gives.
            frame = self.frames[-1]
            return self._val("sym", f"{PARAMETER}{self.module}.{frame.qualname}.{SENT}") if (
                frame.is_function) else None
        if isinstance(node, ast.Name):
            if not isinstance(node.ctx, ast.Load):
                return None
            return self.name_value(node.id)
        if isinstance(node, ast.Attribute):
            # For an attribute, target_key is ``self.<attr>`` or framework state.
            key = self.target_key(node) or self._aliased_state_key(node)
            if key.startswith(STATE):
                # ``app.nylas`` is the app's state, unless ``app`` is itself a client
                # (a variable named ``app``): read both.
                inner = self.value(node.value)
                plain = self._val("attr", node.attr, inner) if inner is not None and (
                    inner.kind != "ref") else None
                # A store under a key not read may have set any attribute.
                anything = self._val("sym", ANY_STATE_ITEM) if takes_any_item(key) else None
                return self._temporary([self._val("sym", key), anything, plain], node)
            if key:
                return self._val("sym", key)
            inner = self.value(node.value)
            if inner is None:
                return None
            if inner.kind == "ref":
                return self._val("ref", f"{inner.name}.{node.attr}")
            return self._val("attr", node.attr, inner)
        if isinstance(node, ast.Call):
            return self._call_value(node)
        if isinstance(node, ast.Subscript):
            reflected = self._member_by_key(node.value, node.slice)
            if reflected is not None:
                return reflected
            inner = self.value(node.value)
            if self._state_object(node.value):
                state_slot = state_item_slot(node.slice)
                if state_slot != ANY_STATE_ITEM:
                    # ``state["nylas"]`` is ``state.nylas``; the object may also be a
                    # plain mapping of the module's own: read both.
                    plain = self._val("item", "", inner) if inner is not None else None
                    return self._temporary([self._val("sym", state_slot),
                                            self._val("sym", ANY_STATE_ITEM), plain], node)
            slot = self._application_item(node.value, node.slice) if self._aiohttp else ""
            if slot and slot != ANY_ITEM_SLOT:
                # What any store under this key (or under a key not read) put there;
                # ``app`` may also be a plain mapping of this module: read both.
                plain = self._val("item", "", inner) if inner is not None and (
                    inner.kind != "ref") else None
                return self._temporary([self._val("sym", slot),
                                        self._val("sym", ANY_ITEM_SLOT), plain], node)
            if isinstance(node.slice, ast.Slice):
                return inner  # a slice holds the same elements
            return self._val("item", "", inner) if inner is not None else None
        if isinstance(node, (ast.Await, ast.NamedExpr)):
            return self.value(node.value)
        if isinstance(node, ast.IfExp):
            return self._choice([node.body, node.orelse], node)
        if isinstance(node, ast.BoolOp):
            return self._choice(node.values, node)
        if isinstance(node, ast.BinOp):
            # ``+`` and ``*`` join or repeat sequences: the result holds the operands'
            # elements, any of which a reader may get alone (a choice).  Other
            # operators make numbers and strings.
            if isinstance(node.op, (ast.Add, ast.Mult)):
                return self._choice([node.left, node.right], node)
            return None
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            if isinstance(node, (ast.List, ast.Tuple)) and not isinstance(node.ctx, ast.Load):
                return None  # an assignment target
            return self._box(self._elements(node.elts, node))
        if isinstance(node, ast.Dict):
            parts: list[Val | None] = [self.value(v) for v in node.values]
            parts += [self.value(k) for k in node.keys if k is not None]
            # ``{**other}`` copies another mapping's values.
            parts += [self._iter(self.value(v)) for k, v in zip(node.keys, node.values)
                      if k is None]
            return self._box(self._temporary(parts, node, prefix=CHOICE))
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            with self._scope(node):
                return self._box(self.value(node.elt))
        if isinstance(node, ast.DictComp):
            with self._scope(node):
                return self._box(self._temporary([self.value(node.key),
                                                  self.value(node.value)], node,
                                                 prefix=CHOICE))
        if isinstance(node, ast.Lambda):
            return self._val("ref", f"{self.module}.{self._scope_frame(node).qualname}")
        return None

    def _union(self, nodes: Sequence[ast.expr], anchor: ast.AST) -> Val | None:
        return self._temporary([self.value(n) for n in nodes], anchor)

    def _choice(self, nodes: Sequence[ast.expr], anchor: ast.AST) -> Val | None:
        """What a condition chooses among ``nodes``: like ``_union``, under a symbol of
        its own kind, since each arm may be the whole value (the resolver keeps an arm
        it cannot follow where another arm is known)."""
        return self._temporary([self.value(n) for n in nodes], anchor, prefix=CHOICE)

    def _temporary(self, parts: Sequence[Val | None], anchor: ast.AST,
                   prefix: str = TEMPORARY) -> Val | None:
        """One value for several: itself when only one is there, else a symbol of its
        own with an edge from each."""
        present = [part for part in parts if part is not None]
        if not present:
            return None
        if len(present) == 1:
            return present[0]
        self._temporaries += 1
        key = self._table.symbol(f"{prefix}{self.module}.{self._temporaries}")
        for part in present:
            self.facts.edges.append(Edge(key, part))
        return self._val("sym", key)

    def _elements(self, elements: Sequence[ast.expr], anchor: ast.AST) -> Val | None:
        """What a display's elements join: a choice, since a reader (a loop, a
        subscript) may get any one of them alone."""
        parts = [
            self._iter(self.value(e.value)) if isinstance(e, ast.Starred) else self.value(e)
            for e in elements
        ]
        return self._temporary(parts, anchor, prefix=CHOICE)

    def _box(self, inner: Val | None) -> Val | None:
        return self._val("box", "", inner) if inner is not None else None

    def _iter(self, inner: Val | None) -> Val | None:
        return self._val("iter", "", inner) if inner is not None else None

    def _call_of(self, inner: Val | None) -> Val | None:
        return self._val("call", "", inner) if inner is not None else None

    def callee_name(self, func: ast.expr) -> str:
        """The dotted name a call's callee is known by: a builtin's own name when the
        module does not bind it, else the name its import gives; "" for others."""
        known = self._callee_names.get(func)
        if known is None:
            known = self._callee_names[func] = self._callee_name(func)
        return known

    def _callee_name(self, func: ast.expr) -> str:
        if isinstance(func, ast.Name):
            value = self.name_value(func.id)
            if value is None:
                return func.id
            return value.name if value.kind == "ref" else ""
        value = self.value(func) if isinstance(func, ast.Attribute) else None
        return value.name if value is not None and value.kind == "ref" else ""

    def _hand_over(self, node: ast.Call) -> HandOver | None:
        over = self._named_hand_over(node)
        return over if over is None or hands_over(over, node) else None

    def _named_hand_over(self, node: ast.Call) -> HandOver | None:
        name = self.callee_name(node.func)
        if name in HAND_OVERS:
            return HAND_OVERS[name]
        if isinstance(node.func, ast.Attribute) and not name:
            return HAND_OVER_METHODS.get(node.func.attr)
        if name and isinstance(node.func, ast.Attribute):
            # ``concurrency.run_in_threadpool`` reached through a module of a library.
            return HAND_OVER_METHODS.get(node.func.attr) if "." in name and (
                name.rsplit(".", 1)[-1] in ("run_in_threadpool", "to_thread", "run_sync")
            ) else None
        return None

    def _call_value(self, node: ast.Call) -> Val | None:
        name = self.callee_name(node.func)
        if isinstance(node.func, ast.Name) and node.func.id == "super" and name == "super":
            frame_class = self._class_of_method()
            return self._val("super", f"{self.module}.{frame_class}") if frame_class else None
        builtin = BUILTINS.get(name)
        if builtin is not None:
            return self._builtin_value(node, builtin.shape)
        if name in GATHERING:
            # A list of the results: a reader of one (``drafts, threads = ...``,
            # ``results[0]``) gets any of them, a starred argument's elements too.
            return self._box(self._elements(node.args, node))
        if name in PASS_THROUGH:
            return self._union(node.args, node)
        if name in TYPE_CASTS:
            return self._cast(node)
        if name in GIVEN_BACK:
            given = _given_back(node, GIVEN_BACK[name])
            return self.value(given) if given is not None else None
        entering = self._stack_entered(node)
        if entering is not None:
            # ``stack.enter_context(cm)`` gives what ``with cm as x`` binds.
            return self._entered(self.value(entering[0]), entering[1], node)
        if name in _MODULE_IMPORTERS:
            return self._imported_module(node, name)
        if self._click and ensures_object(node):
            return self._val("sym", OBJECT_SLOT)
        if name in CONTEXT_VAR_CLASSES:
            # The variable holds what is stored in it: handed on, it hands that on.
            return self._box(self._val("sym", context_var_slot(self.module, node)))
        if isinstance(node.func, ast.Attribute) and node.func.attr == READ_METHOD:
            made = self._context_var(node.func.value)
            if made is not None:
                # ``NYLAS.get()``: what a ``set`` stored, or a default.
                return self._temporary([
                    self._val("sym", context_var_slot(self.module, made)),
                    *(self.value(given) for given in node.args[:1])], node)
        if name == "getattr":
            # ``getattr(auth, "client")`` is ``auth.client`` (or its default); a Nylas
            # value it is called on still escapes there (the call is not modelled).
            return self._named_attribute(node)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "get" and (
                len(node.args) == 1 and not node.keywords):
            # ``sys.modules.get("app.conn")``, ``vars(conn).get("client")``
            reflected = self._member_by_key(node.func.value, node.args[0])
            if reflected is not None:
                return reflected
        getter = self._attrgetter(node)
        if getter is not None:
            return self._attrgetter_value(getter, node.args[0], node)
        if isinstance(node.func, ast.Call) and self.callee_name(
                node.func.func) == "operator.methodcaller" and len(node.args) == 1:
            return self._methodcaller_value(node.func, node.args[0], node)
        over = self._hand_over(node)
        if over is not None:
            function = self._handed_function(node, over)
            target = self.value(function)
            if over.result == "function":
                return target
            if over.result == "future":
                return self._box(self._call_of(target))
            return self._call_of(target) if over.result == "call" else None
        callee = self.value(node.func)
        if callee is None:
            return None
        if name in PARSED_DATA or name in FILE_OPENERS:
            return self._val("call", "", callee)
        return self._table.handed_call(callee, self._handed_values(node))

    def _handed_values(self, node: ast.Call) -> list[Val]:
        """What a call is handed that the flow follows (see ``HandedCall``)."""
        parts = [
            self._iter(self.value(given.value)) if isinstance(given, ast.Starred)
            else self.value(given) for given in node.args
        ] + [self.value(keyword.value) for keyword in node.keywords]
        return [part for part in parts if part is not None]

    def _member_by_key(self, holder: ast.expr, key: ast.expr) -> Val | None:
        """A member read through a namespace by its name: ``vars(conn)["client"]`` and
        ``conn.__dict__["client"]`` are ``conn.client``, ``globals()["client"]`` the
        module's global, ``sys.modules["app.conn"]`` the module ``app.conn``.  None
        for any other item (or a key that cannot be read)."""
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)
                and key.value.replace(".", "_").isidentifier()):
            if isinstance(key, ast.Name) and key.id == "__name__" and self._is_sys_modules(
                    holder):
                return self._val("ref", self.module)
            return None
        name = key.value
        if self._is_sys_modules(holder):
            return self._val("ref", name)
        if "." in name:
            return None
        if isinstance(holder, ast.Attribute) and holder.attr == "__dict__":
            return self.value(ast.copy_location(
                ast.Attribute(holder.value, name, ast.Load()), holder))
        if isinstance(holder, ast.Call) and isinstance(holder.func, ast.Name) and not (
                holder.keywords):
            if holder.func.id == "vars" and len(holder.args) == 1 and self.name_value(
                    "vars") is None:
                return self.value(ast.copy_location(
                    ast.Attribute(holder.args[0], name, ast.Load()), holder))
            if holder.func.id == "globals" and not holder.args and self.name_value(
                    "globals") is None:
                return self._global_value(name)
        return None

    def _is_sys_modules(self, node: ast.expr) -> bool:
        found = self.value(node) if isinstance(node, ast.Attribute) else None
        return found is not None and found.kind == "ref" and found.name == "sys.modules"

    def _named_attribute(self, node: ast.Call) -> Val | None:
        args = node.args
        if len(args) < 2 or node.keywords:
            return None
        if not _names_its_attribute(node):
            # Any member of a module whose name cannot be read is as unknown as it; of
            # a module of the project, any of its members.
            owner = self.value(args[0])
            if owner is None or owner == self._val("unknown", UNREAD_MODULE):
                return owner
            names = self._loop_names(node)
            if names is not None:
                # ``for name in ("messages", "events"): getattr(nylas, name)``; each
                # attribute, or the default, may be the value alone (a choice).
                return self._choice([*(ast.copy_location(
                    ast.Attribute(args[0], name, ast.Load()), node) for name in names),
                    *args[2:3]], node)
            return self._val("attr", member_pattern(args[1]), owner)
        name = args[1]
        assert isinstance(name, ast.Constant) and isinstance(name.value, str)
        read = ast.copy_location(ast.Attribute(args[0], name.value, ast.Load()), node)
        # The member or the default: either may be the whole value, so an arm the
        # analysis cannot follow is kept beside a known default (a test's fake).
        return self._choice([read, *args[2:3]], node)

    def _loop_names(self, node: ast.Call) -> tuple[str, ...] | None:
        """The attributes ``getattr(obj, name[, default])`` may read where ``name`` is
        the target of the one loop binding it in its scope, over identifiers (see
        ``loop_names``); None for any other ``getattr``."""
        args = node.args
        if not 2 <= len(args) <= 3 or node.keywords or any(
                isinstance(arg, ast.Starred) for arg in args):
            return None
        name = args[1]
        # ``:=`` may bind the name where ``loop_iterable`` does not look.
        if not isinstance(name, ast.Name) or self.body_bindings.has_assignment_expressions():
            return None
        for frame in reversed(self.frames):
            if frame.is_class or name.id in frame.params or (
                    name.id in frame.bindings.declared_global):
                return None
            if name.id in frame.loops:
                iterable: ast.expr | None = frame.loops[name.id]
            elif not frame.bindings.binds(name.id):
                continue
            elif frame.body is not None:
                # A function's loop; one of the module may be rebound by any function
                # that declares its name global.
                key = (id(frame.body), name.id)
                if key not in self._loop_iterables:
                    self._loop_iterables[key] = loop_iterable(frame.body, name.id)
                iterable = self._loop_iterables[key]
            else:
                return None
            return None if iterable is None else names_run_over(
                iterable, lambda held: self._bound_value(held, as_scopes=True))
        return None

    def _attrgetter_value(self, getter: ast.Call, target: ast.expr,
                          anchor: ast.AST) -> Val | None:
        """``operator.attrgetter("client")(conn)`` is ``conn.client`` (a dotted name
        reads each attribute in turn)."""
        if len(getter.args) != 1 or getter.keywords or not (
                isinstance(getter.args[0], ast.Constant)
                and isinstance(getter.args[0].value, str)):
            return None
        read = target
        for attribute in getter.args[0].value.split("."):
            if not attribute.isidentifier():
                return None
            read = ast.copy_location(ast.Attribute(read, attribute, ast.Load()), anchor)
        return self.value(read)

    def _methodcaller_value(self, caller: ast.Call, target: ast.expr,
                            anchor: ast.AST) -> Val | None:
        """What ``operator.methodcaller("pending", ...)(box)`` gives is what
        ``box.pending(...)`` returns.  (The call itself stays a call of the
        ``methodcaller``: what it is given escapes there.)"""
        if not caller.args or not (isinstance(caller.args[0], ast.Constant)
                                   and isinstance(caller.args[0].value, str)
                                   and caller.args[0].value.isidentifier()):
            return None
        method = self.value(ast.copy_location(
            ast.Attribute(target, caller.args[0].value, ast.Load()), anchor))
        return self._val("call", "", method) if method is not None else None

    def _imported_module(self, node: ast.Call, name: str) -> Val | None:
        """The module ``importlib.import_module("app.auth")`` gives, read as ``import
        app.auth`` binds it, so that its ``.client`` is the module's client.  A module
        whose name cannot be read may be any module of the project, and what it holds
        anything (see ``UNREAD_MODULE``)."""
        spelt = self._module_text(node.args[0]) if node.args else None
        if not spelt or spelt.startswith(".") or not all(
                part.isidentifier() for part in spelt.split(".")):
            return self._val("unknown", UNREAD_MODULE)
        if name == "__import__" and not (len(node.args) > 3 or any(
                keyword.arg == "fromlist" for keyword in node.keywords)):
            # ``__import__("app.auth")`` gives the top package, as ``import app.auth``
            # binds ``app``; with a ``fromlist`` it gives the module itself.
            spelt = spelt.split(".", 1)[0]
        return self._val("ref", spelt)

    def _module_text(self, node: ast.expr) -> str | None:
        """A module name written as a string, or as a module constant bound once to
        one (``PLUGIN = "app.auth"``)."""
        if isinstance(node, ast.Name) and self.name_value(node.id) == self._val(
                "sym", f"{GLOBAL}{self.module}.{node.id}"):
            module = self.frames[0].bindings
            if node.id not in module.mutated and node.id not in module.declared_global:
                node = module.values.get(node.id, node)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        return None

    def _class_of_method(self) -> str:
        for frame in reversed(self.frames):
            if frame.self_name:
                return frame.class_name
        return ""

    def _builtin_value(self, node: ast.Call, shape: Shape) -> Val | None:
        args = node.args
        if shape is Shape.MAPPED:
            function = self.value(args[0]) if args else None
            return self._box(self._call_of(function))
        if shape is Shape.FILTERED:
            return self._box(self._iter(self.value(args[1]))) if len(args) > 1 else None
        if shape is Shape.SAME:
            return self.value(args[0]) if args else None
        each = [
            self._iter(self.value(a.value)) if isinstance(a, ast.Starred)
            else self.value(a) for a in args
        ]
        # What these join (the arguments' elements, a default) are choices: a reader
        # may get any one of them alone.
        if shape is Shape.CHAINED:
            parts = [self._iter(v) for v in each]
            parts += [self.value(k.value) for k in node.keywords]
            return self._box(self._temporary(parts, node, prefix=CHOICE))
        if shape is Shape.FLATTENED:
            parts = [self._iter(self._iter(v)) for v in each[:1]]
            parts += [self._iter(v) for v in each[1:]]
            parts += [self._iter(self.value(k.value)) for k in node.keywords if k.arg == "start"]
            return self._box(self._temporary(parts, node, prefix=CHOICE))
        if shape is Shape.MAPPING:
            # Built from pairs, a mapping holds what the pairs hold (its keys and
            # values); from keywords, their values.
            parts = [self._iter(self._iter(v)) for v in each] + [self._iter(v) for v in each]
            parts += [self.value(k.value) for k in node.keywords]
            return self._box(self._temporary(parts, node, prefix=CHOICE))
        if shape is Shape.ELEMENT:
            if len(each) == 1:
                return self._iter(each[0])
            if self.callee_name(node.func) == "next":
                # ``next(it, default)``: an element of ``it``, or the default.
                return self._temporary([self._iter(each[0]), *each[1:]], node, prefix=CHOICE)
            return self._temporary(each, node, prefix=CHOICE)  # max(a, b)
        first = each[0] if each else None
        if shape is Shape.ELEMENTS:
            return self._box(self._iter(first))
        if shape is Shape.PAIRS:
            return self._box(self._box(self._iter(first)))
        # ZIPPED: tuples holding elements of any argument (their places are not told
        # apart, so each may be any argument's element).
        return self._box(self._box(self._temporary([self._iter(v) for v in each], node,
                                                   prefix=CHOICE)))

    def _handed_function(self, node: ast.Call, over: HandOver) -> ast.expr | None:
        if 0 <= over.position < len(node.args):
            found = node.args[over.position]
            return None if isinstance(found, ast.Starred) else found
        for keyword in node.keywords:
            if keyword.arg is not None and keyword.arg == over.keyword:
                return keyword.value
        return None

    # -- records --------------------------------------------------------------------------

    def _edge(self, key: str, value: Val | None) -> None:
        if key and value is not None:
            self.facts.edges.append(Edge(self._table.symbol(key), value))

    def _string_code(self, node: ast.Call) -> None:
        """``eval("nylas.events.list(g)")`` and its kin (see ``string_code``): each name
        the text reads escapes there; every name the code here binds, where the text
        cannot be read."""
        callee = self.callee_name(node.func)
        read = names_read_by_string_code(node, callee, self._string_held)
        if not read:
            return
        if read == ["*"]:
            read = sorted({*self.imports, *(
                name for frame in self.frames if not frame.is_class
                for name in (*frame.bindings.values, *frame.params))})
        what = f"used by code run from a string ({callee.rsplit('.', 1)[-1]}())"
        for name in read:
            self._sink(self.value(ast.copy_location(ast.Name(name, ast.Load()), node)),
                       what, node)

    def _string_held(self, node: ast.expr) -> str | None:
        """The text a node holds: a string written there, or a name bound once to one
        (also as the source ``compile`` is given)."""
        if isinstance(node, ast.Call) and self.callee_name(node.func) == "compile" and (
                node.args):
            node = node.args[0]
        if isinstance(node, ast.Name):
            bound = self._bound_value(node.id)
            node = bound if bound is not None else node
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        return None

    def _sink(self, value: Val | None, what: str, node: ast.AST) -> None:
        if value is not None:
            self.facts.sinks.append(Sink(value, what, self.source.span(node)))

    def _read(self, node: ast.AST) -> None:
        value = self.value(node)
        if value is not None:
            self.facts.reads.append(Read(value, self.source.span(node)))

    def _bind(self, target: ast.expr, value: Val | None, node: ast.AST,
              pairwise: ast.expr | None = None) -> None:
        """Bind an assignment target to ``value``; ``pairwise`` is the assigned
        expression when it is a display that tuple targets take apart element-wise."""
        if value is None and not isinstance(target, (ast.Tuple, ast.List)):
            return
        if isinstance(target, ast.Starred):
            self._bind(target.value, self._box(value), node)
            return
        if isinstance(target, (ast.Tuple, ast.List)):
            if (
                isinstance(pairwise, (ast.Tuple, ast.List))
                and len(pairwise.elts) == len(target.elts)
                and not any(isinstance(e, ast.Starred) for e in (*pairwise.elts, *target.elts))
            ):
                for element, assigned in zip(target.elts, pairwise.elts):
                    self._bind(element, self.value(assigned), node, assigned)
                return
            if isinstance(pairwise, ast.Await):
                pairwise = pairwise.value
            size = len(target.elts)
            if isinstance(pairwise, ast.Call) and value is not None and value.kind == "call" \
                    and size > 1 and not any(isinstance(e, ast.Starred) for e in target.elts):
                # ``client, grant_id = connect()``: each name takes its own element when
                # the function returns tuples of this length (the resolver decides).
                for index, element in enumerate(target.elts):
                    self._bind(element, self._val("part", f"{index}/{size}", value), node)
                return
            for element in target.elts:
                self._bind(element, self._iter(value), node)
            return
        key = self.target_key(target)
        if not key and isinstance(target, ast.Attribute):
            # ``st.http = ...`` with ``st = app.state``: the state, as read through it.
            key = self._aliased_state_key(target)
        if key:
            self._edge(key, value)
            if (key.startswith(GLOBAL) and not self.frames[-1].qualname or (
                    self.frames[-1].is_class and key.startswith(ATTRIBUTE))) and (
                    _reads_sdk_member(value)):
                # Bound at module level or in a class body (``class Jobs: fetch =
                # raw.messages.list``): where whoever reads it gets it.
                self.facts.module_chains.append(
                    (self._table.symbol(key), self.source.span(node)))
            return
        assert value is not None
        if isinstance(target, ast.Attribute):
            if names_context_object(target):
                # A module that does not import click may still set a context's object.
                self._edge(OBJECT_SLOT, value)
            owner = self.value(target.value)
            if owner is not None:
                self.facts.stores.append(
                    Store(owner, target.attr, value, self.source.span(node)))
            else:
                self._sink(value, f"stored on {_text(target.value)}", node)
        elif isinstance(target, ast.Subscript):
            if self._state_object(target.value):
                # ``app.state["nylas"] = client``: the slot ``state.nylas`` reads.
                self._edge(state_item_slot(target.slice), value)
            slot = self._application_item(target.value, target.slice)
            if slot:
                self._edge(slot, value)
                if self._aiohttp and not self._owned(target.value):
                    # Read back where the application's items are read; a mapping
                    # this module made (``app = {}``) holds it as well.
                    return
            self._namespace_write(target.value, target.slice, value, node)
            self._store_item(target.value, value, node)
        else:
            self._sink(value, f"assigned to {_text(target)}", node)

    def _namespace_write(self, container: ast.expr, key: ast.expr, value: Val | None,
                         node: ast.AST) -> None:
        """``vars(holder)["client"] = value`` binds ``holder.client`` and
        ``globals()["client"] = value`` the module's ``client``, as an assignment to
        that name does: what reads it may get the value.  (The value is still stored
        into the namespace, which stays a place the analysis does not follow.)"""
        if value is None:
            return
        owner = self._namespace_owner(container)
        if owner is not None:
            # (A key read at run time may name any attribute: see ``named_writes``.)
            self._store_by_name(owner, spelled_name(key), value, node)
            return
        if not isinstance(container, ast.Call) or container.keywords or not (
                isinstance(key, ast.Constant) and isinstance(key.value, str)):
            return
        name = self.callee_name(container.func)
        if name == "globals" and not container.args:
            bound = self._global_value(key.value)
            if bound is not None and bound.kind == "sym" and bound.name.startswith(GLOBAL):
                self._edge(bound.name, value)

    def _namespace_owner(self, container: ast.expr) -> ast.expr | None:
        """``holder`` of ``vars(holder)`` or ``holder.__dict__``."""
        return namespace_owner(container, isinstance(container, ast.Call) and (
            self.callee_name(container.func) == "vars"))

    def _store_by_name(self, owner: ast.expr, name: str | None, value: Val | None,
                       node: ast.AST) -> None:
        """``owner.name = value``, or, where ``name`` is None (read at run time), a
        store under every attribute of ``owner``: of the class of ``self``, or of
        what the resolver finds ``owner`` to be (see ``named_writes``)."""
        if name is not None:
            self._bind(ast.copy_location(ast.Attribute(owner, name, ast.Store()), node),
                       value, node)
        elif value is None:
            return
        elif self._self_owner(owner):
            self._edge(f"{ATTRIBUTE}{self.module}.{self.frames[-1].class_name}."
                       f"{RUN_TIME_NAMES}", value)
        else:
            held = self.value(owner)
            if held is not None:
                self.facts.stores.append(
                    Store(held, RUN_TIME_NAMES, value, self.source.span(node)))

    def _update_namespace(self, owner: ast.expr, node: ast.Call) -> None:
        """``vars(holder).update(options)``, ``holder.__dict__.update(client=...)``:
        each keyword sets the attribute it names, a mapping's items any attribute."""
        for given in node.args:
            found = self.value(given) if not isinstance(given, ast.Starred) else None
            if found is not None:
                self._store_by_name(owner, None, self._val("item", "", found), node)
        for keyword in node.keywords:
            found = self.value(keyword.value)
            if keyword.arg is not None:
                self._store_by_name(owner, keyword.arg, found, node)
            elif found is not None:
                self._store_by_name(owner, None, self._val("item", "", found), node)

    def _store_item(self, container: ast.expr, value: Val | None, node: ast.AST) -> None:
        """``container[key] = value`` (and ``container.append(value)``)."""
        if ensures_object(container):
            self._edge(OBJECT_SLOT, self._box(value))
            if self._click:
                return
        key = self.target_key(container) if self._owned(container) else ""
        if key:
            self._edge(key, self._box(value))
        else:
            self._sink(value, f"stored in {_text(container)}", node)
            self._write_elsewhere(container, value, node)

    def _added(self, node: ast.Call, method: str) -> Val | None:
        """What a container's storing method adds: its last argument (the elements of
        it for an extender), and for a dict's ``update`` its keywords' values too
        (``CLIENTS.update(mail=make_client())``, ``update(**more)``)."""
        parts: list[Val | None] = []
        if node.args:
            added = self.value(node.args[-1])
            parts.append(self._iter(added) if method in EXTENDERS else added)
        if method == "update":
            parts += [self.value(keyword.value) if keyword.arg is not None
                      else self._iter(self.value(keyword.value)) for keyword in node.keywords]
        return self._temporary(parts, node)

    def _grouped_into(self, func: ast.Attribute) -> ast.Name | None:
        """The function's dict whose lists ``func`` (``groups[key].append``) adds to,
        where every item of the dict is such a list (see ``grouped_items``)."""
        owner = grouping_dict(func, self._bound_value, self.callee_name)
        if owner is None:
            return None
        body = next((frame.body for frame in reversed(self.frames)
                     if frame.is_function and frame.bindings.binds(owner.id)), None)
        if body is None or not only_grouped(body, owner.id, self.callee_name):
            return None
        return owner

    def _write_elsewhere(self, container: ast.expr, value: Val | None, node: ast.AST) -> None:
        """``SYNCS[key] = value`` (``SYNCS.append(value)``, ``app.SYNCS.update(...)``)
        into a container this module does not make: recorded against the name it
        holds (an import, another module's attribute, a name bound to one), which
        the project index joins to the container's own module's binding (see
        ``registry_writes``).  What else may happen to the value stays a sink."""
        if value is None or not isinstance(container, (ast.Name, ast.Attribute)):
            return
        # (The target of ``HANDLERS += [...]`` is no name read.)
        owner = self.name_value(container.id) if isinstance(container, ast.Name) else (
            self.value(container))
        stored = self._box(value)
        if owner is not None and stored is not None and (owner.kind == "ref" or (
                owner.kind == "sym" and owner.name.startswith((GLOBAL, LOCAL)))):
            self.facts.stores.append(
                Store(owner, ITEM_WRITE, stored, self.source.span(node)))
        elif stored is not None and isinstance(container, ast.Attribute):
            # ``REG.items["mail"] = value`` into another object's container: stored as
            # the container holding the value, as ``self.items[key] = value`` in its
            # class is, so what reads ``REG.items`` (or ``self.items``) may get it.
            holder = self.value(container.value)
            if holder is not None:
                self.facts.stores.append(
                    Store(holder, container.attr, stored, self.source.span(node)))

    def _context_var(self, holder: ast.expr) -> ast.Call | None:
        """The ``ContextVar(...)`` call the name ``holder`` is bound to, alone."""
        if not isinstance(holder, ast.Name):
            return None
        value = self.name_value(holder.id)
        if value is None or value.kind != "sym":
            return None  # a parameter, an import: a variable made elsewhere
        made = self._bound_value(holder.id)
        if isinstance(made, ast.Call) and self.callee_name(made.func) in CONTEXT_VAR_CLASSES:
            return made
        return None

    def _may_be_application(self, holder: ast.expr) -> bool:
        """Whether ``holder`` may be aiohttp's application: written as one
        (``app``, ``request.app``) or a name bound to a new one."""
        if names_an_application(holder):
            return True
        bound = self._bound_value(holder.id) if isinstance(holder, ast.Name) else None
        return isinstance(bound, ast.Call) and self.callee_name(
            bound.func) in APPLICATION_CLASSES

    def _application_item(self, holder: ast.expr, key: ast.expr) -> str:
        """The slot of ``holder[key]`` when ``holder`` may be aiohttp's application
        (``ANY_ITEM_SLOT`` for a key the analysis cannot read), else ""."""
        if not self._may_be_application(holder):
            return ""
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return item_slot(key.value)
        if not isinstance(key, ast.Name):
            return ANY_ITEM_SLOT
        value = self.value(key)
        if value is not None and value.kind == "sym" and value.name.startswith(GLOBAL):
            # ``NYLAS = web.AppKey("nylas", Client)``, bound once in this module.
            made = self.frames[0].bindings.lookup(key.id)
            if isinstance(made, ast.Call) and made.args and self.callee_name(
                    made.func) in KEY_CLASSES:
                name = made.args[0]
                if isinstance(name, ast.Constant) and isinstance(name.value, str):
                    return item_slot(name.value)
        return ANY_ITEM_SLOT

    def _owned(self, container: ast.expr) -> bool:
        """Whether a container is the project's own: an attribute of ``self`` or state,
        or a name bound once to a display or comprehension (not an object a library
        made, whose contents the analysis could not see taken out again)."""
        if isinstance(container, ast.Attribute):
            # ``self.items``, not ``self.__dict__`` (which stores attributes by name).
            return bool(self.target_key(container)) and not container.attr.startswith("__")
        if not isinstance(container, ast.Name):
            return False
        bound = self._bound_value(container.id)
        if bound is None:
            return False
        if isinstance(bound, (ast.List, ast.Dict, ast.Set, ast.Tuple, ast.ListComp,
                              ast.DictComp, ast.SetComp)):
            return True
        return isinstance(bound, ast.Call) and self.callee_name(bound.func) in BUILTINS

    def _use(self, node: ast.expr, attrs: list[str], root: ast.expr, anchor: ast.AST) -> bool:
        if isinstance(root, ast.Call) and attrs:
            # ``getattr(client, "events").all()`` is ``client.events.all()``.
            read = self._read_by_name(root, self.callee_name(root.func))
            if read is not None:
                named: list[str] = []
                reached: ast.expr = read
                while isinstance(reached, ast.Attribute):
                    named.insert(0, reached.attr)
                    reached = reached.value
                # (Written out as the chain it reads, from the object read from.)
                node = reached
                for attr in [*named, *attrs]:
                    node = ast.copy_location(ast.Attribute(node, attr, ast.Load()), root)
                attrs, root = [*named, *attrs], reached
        if attrs and attrs[0] not in NYLAS_ATTRIBUTES:
            # ``account.client.messages.where()``: the call starts at the collection;
            # what comes before it is the root (a client, or something unknown).
            # So does a request made on a client held by an attribute
            # (``ext.app_client.authentication_url(...)``): the index tells whether its
            # receiver is a client, which decides whether the request is Nylas's.
            for index, attr in enumerate(attrs[1:], 1):
                if (attr in COLLECTIONS or (
                        attr in _REQUEST_METHODS and index == len(attrs) - 1)) and (
                        isinstance(node, ast.Attribute)):
                    owner: ast.expr = node
                    for _ in range(len(attrs) - index):
                        assert isinstance(owner, ast.Attribute)
                        owner = owner.value
                    return self._use(node, attrs[index:], owner, anchor)
            return False
        if not attrs:
            return False
        root_value = self.value(root)
        if root_value is None and attrs[0] not in COLLECTIONS:
            return False
        self.facts.uses.append(
            Use(root_value, self._table.names(attrs), self.source.span(anchor),
                self._text(node))
        )
        return True

    def _v3_request_use(self, func: ast.Attribute, attrs: list[str], node: ast.Call) -> None:
        """Record ``<receiver>.grants.update(...)`` (see ``V3_REQUEST_CHAINS``)."""
        for chain in V3_REQUEST_CHAINS:
            if tuple(attrs[-len(chain):]) != chain:
                continue
            owner: ast.expr = func
            for _ in chain:
                assert isinstance(owner, ast.Attribute)
                owner = owner.value
            root_value = self.value(owner)
            if root_value is not None:
                self.facts.uses.append(Use(root_value, self._table.names(list(chain)),
                                           self.source.span(node), self._text(func)))
            return

    def _chain(self, node: ast.expr) -> tuple[list[str], ast.expr]:
        """Split ``root.a.b.c`` into ``[a, b, c]`` and the root, stopping at a symbol."""
        attrs: list[str] = []
        while isinstance(node, ast.Attribute):
            if self.target_key(node):  # ``self.<attr>`` or framework state
                break
            attrs.insert(0, node.attr)
            node = node.value
        return attrs, node

    # -- the walk -------------------------------------------------------------------------

    def run(self, tree: ast.Module) -> FlowFacts:
        for statement in tree.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.module_functions.add(statement.name)
            elif isinstance(statement, ast.ClassDef):
                self.module_classes.add(statement.name)
        for statement in tree.body:
            self.walk(statement)
        return self.facts.facts()

    def walk(self, node: ast.AST) -> None:
        handler = _HANDLERS.get(node.__class__)
        if handler is not None and handler(self, node):
            return  # the handler walked the children itself (a new scope)
        self._children(node)

    def _children(self, node: ast.AST, entry: _RoleEntry | None = None) -> None:
        # The hottest loop of the pass: plain class checks, no isinstance, one table
        # lookup per child for what it is (see ``_CHILD_KINDS``).
        cache = _ROLE_CACHE
        roles = (entry or cache.get(node.__class__) or _roles(node.__class__))[0]
        handlers = _HANDLERS
        kinds = _CHILD_KINDS
        for name, role, looked in roles:
            field = getattr(node, name, None)
            if field is None:
                continue
            for child in field if field.__class__ is list else (field,):
                kind = child.__class__
                leaf = kinds.get(kind)
                if leaf is None:
                    continue  # an identifier or a number in a list field
                if looked:
                    if role is _READ:
                        self._read(child)
                    else:
                        self._sink(self.value(child), _escape_words(node), child)
                if leaf:
                    continue
                handler = handlers.get(kind)
                if handler is None or not handler(self, child):
                    inner = cache.get(kind) or _roles(kind)
                    single = inner[1]
                    if single and getattr(child, single, None).__class__ in _NOTHING_TO_WALK:
                        continue  # ``client.messages``: walking it would do nothing
                    self._children(child, inner)

    # Handlers return True when they walked the node's children themselves.

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        parent = self.frames[-1]
        is_method = parent.is_class
        qualname = f"{parent.qualname}.{node.name}" if parent.qualname else node.name
        args = node.args
        every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        params = call_parameters(node, is_method)
        drop_first = len(params) < len(every)
        tuple_size = _returned_tuple_size(node)
        self._function(f"{self.module}.{qualname}", params, node,
                       any(_is_property(d) for d in node.decorator_list), tuple_size)
        for decorator in node.decorator_list:
            target = registration_target(decorator)
            if target is not None:
                self._registrations.add(target)
        self._decorate(node, self._val("ref", f"{self.module}.{qualname}"))
        self._bind_local_definition(node.name, f"{self.module}.{qualname}")
        names = {arg.arg for arg in every}
        names |= {arg.arg for arg in (args.vararg, args.kwarg) if arg is not None}
        self_name = ""
        if drop_first:
            self_name = every[0].arg
            names.discard(self_name)
        frame = _Frame(
            qualname,
            self.body_bindings.of(node),
            frozenset(names),
            parent.class_name if (is_method or parent.is_function) else "",
            True,
            self_name,
            body=node.body,
            tuple_size=tuple_size,
            state_params=self._state_parameters(every) if self._litestar else frozenset(),
        )
        self._register_implementation(node, parent, f"{self.module}.{qualname}")
        if any(self.callee_name(d) in DISPATCHERS for d in node.decorator_list):
            generic = self._generics[(parent.qualname, node.name)] = self._generic_call(
                node, frame)
            self._run_registered_elsewhere(generic, f"{self.module}.{qualname}", frame)
        # Defaults and annotations are evaluated where the function is defined.
        self._parameters(args, frame)
        self._returns_sdk_class(node, qualname)
        self._passed_object(node, every, frame)
        self._bound_task(node, every, frame)
        self._walk_defaults(args)
        self._walk_annotations(node)
        self.frames.append(frame)
        self._walk_function_body(node.body)
        self.frames.pop()
        return True

    def _generic_call(self, node: ast.FunctionDef | ast.AsyncFunctionDef,
                      frame: _Frame) -> _GenericCall:
        """The call a generic function makes of each implementation registered on
        it: its own parameters, passed on as they came."""
        args = node.args
        positional = [*args.posonlyargs, *args.args]
        if frame.self_name:
            positional = positional[1:]

        def parameter(arg: ast.arg | None) -> Val | None:
            return None if arg is None else self._val(
                "sym", PARAMETER + self._qual(frame, arg.arg))

        return _GenericCall(
            tuple(parameter(arg) for arg in positional),
            tuple((arg.arg, self._val("sym", PARAMETER + self._qual(frame, arg.arg)))
                  for arg in args.kwonlyargs),
            parameter(args.vararg), parameter(args.kwarg), self.source.span(node),
            f"{RETURNED}{self.module}.{frame.qualname}")

    def _run_registered_elsewhere(self, generic: _GenericCall, full: str,
                                  frame: _Frame) -> None:
        """A generic function runs what other modules register on it (see
        ``dispatch_functions``).  They register functions of their own, not methods:
        a ``singledispatchmethod`` passes them the instance first."""
        args = generic.args
        if frame.self_name:
            args = (self._val("self", f"{self.module}.{frame.class_name}"), *args)
        registered = self._val("sym", REGISTERED + full)
        self.facts.calls.append(CallSite(
            registered, f"{full.rpartition('.')[2]}.register", args, generic.kwargs,
            generic.span, generic.star, generic.double_star, flags=call_flags(modelled=True)))
        self._edge(generic.returned, self._call_of(registered))

    def _register_implementation(self, node: ast.FunctionDef | ast.AsyncFunctionDef,
                                 parent: _Frame, full: str) -> None:
        """``@handle.register`` on a function: ``handle(x)`` may run it (see
        ``dispatch_functions``)."""
        for decorator in node.decorator_list:
            generic = registered_on(decorator)
            if generic is not None:
                self._dispatch_to(generic, parent, self._val("ref", full), decorator)

    def _dispatch_to(self, generic: ast.expr, frame: _Frame, implementation: Val | None,
                     node: ast.AST) -> None:
        name = generic.id if isinstance(generic, ast.Name) else ""
        call = self._generics.get((frame.qualname, name)) if name else None
        if call is None and name and not frame.is_class and not frame.bindings.binds(name):
            call = self._generics.get(("", name))
        if call is not None:
            self.facts.calls.append(CallSite(
                implementation, f"{name}.register", call.args, call.kwargs, call.span,
                call.star, call.double_star, flags=call_flags(modelled=True)))
            self._edge(call.returned, self._call_of(implementation))
            return
        owner = self.value(generic)
        if owner is None or implementation is None:
            return
        if frame.is_class:
            # A function of another class's body: the analysis reads it as a method
            # of that class, whose first parameter is its own instance, where the
            # generic function gives it its own instance or its first argument.
            # What the generic function is called with goes to code the analysis
            # cannot follow.
            self.facts.stores.append(
                Store(owner, REGISTERS_UNTOLD, owner, self.source.span(node)))
            return
        # A generic function this module does not define: the project index tells
        # which, and joins the implementation to the call it makes.
        self.facts.stores.append(
            Store(owner, REGISTERS_ON, implementation, self.source.span(node)))

    def _passed_object(self, node: ast.FunctionDef | ast.AsyncFunctionDef,
                       every: list[ast.arg], frame: _Frame) -> None:
        """``@click.pass_obj``: the first parameter receives the context's object."""
        if every and every[0].arg in frame.params and any(
                self.callee_name(decorator) in PASS_OBJECT_DECORATORS
                for decorator in node.decorator_list):
            self._edge(PARAMETER + self._qual(frame, every[0].arg),
                       self._val("sym", OBJECT_SLOT))

    def _bound_task(self, node: ast.FunctionDef | ast.AsyncFunctionDef,
                    every: list[ast.arg], frame: _Frame) -> None:
        """``@app.task(bind=True, base=NylasTask)``: the first parameter receives the
        task object, an instance of ``base`` (see ``bound_tasks``)."""
        if not every or every[0].arg not in frame.params:
            return
        for decorator in node.decorator_list:
            base = bound_task_base(decorator, self.callee_name)
            kind = self.value(base) if isinstance(base, (ast.Name, ast.Attribute)) else None
            if kind is not None and kind.kind == "ref":
                self._edge(PARAMETER + self._qual(frame, every[0].arg),
                           self._val("instance", "", kind))

    def _bind_local_definition(self, name: str, full: str) -> None:
        """A function or class defined in a function is called by its local name
        (``def flag(item): ...`` then ``flag(thread)``), as a module's are by theirs."""
        if self.frames[-1].is_function:
            self._edge(self.target_key(ast.Name(id=name, ctx=ast.Store())),
                       self._val("ref", full))

    def _function(self, qualname: str, params: Sequence[str],
                  node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda,
                  is_property: bool = False, tuple_size: int = 0) -> None:
        args = node.args
        self.facts.functions.append(Function(
            qualname, self._table.names(params),
            args.vararg.arg if args.vararg else "", args.kwarg.arg if args.kwarg else "",
            self.source.span(node), is_property, tuple_size,
        ))

    def _walk_defaults(self, args: ast.arguments) -> None:
        """Defaults are evaluated where the function is defined."""
        for child in (*args.defaults, *(d for d in args.kw_defaults if d is not None)):
            self.walk(child)

    def _walk_annotations(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        args = node.args
        for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg):
            if arg is not None and arg.annotation is not None:
                self.walk(arg.annotation)
        if node.returns is not None:
            self.walk(node.returns)
        for parameter in getattr(node, "type_params", ()):
            self.walk(parameter)

    def _parameters(self, args: ast.arguments, frame: _Frame) -> None:
        """Edges into parameters from their defaults and type annotations."""
        positional = [*args.posonlyargs, *args.args]
        defaults: list[tuple[ast.arg, ast.expr | None]] = list(
            zip(positional[len(positional) - len(args.defaults):], args.defaults)
        )
        defaults += list(zip(args.kwonlyargs, args.kw_defaults))
        for arg, default in defaults:
            if arg.arg in frame.params and default is not None:
                self._edge(PARAMETER + self._qual(frame, arg.arg), self._default_value(default))
        for arg in (*positional, *args.kwonlyargs):
            if arg.annotation is not None and arg.arg in frame.params:
                key = PARAMETER + self._qual(frame, arg.arg)
                for value in self._annotated(arg.annotation):
                    self._edge(key, value)

    def _returns_sdk_class(self, node: ast.FunctionDef | ast.AsyncFunctionDef,
                           qualname: str) -> None:
        """``def nylas_client() -> Client: return apps.get_app_config("app").nylas``:
        the function gives an instance of the Nylas class its return annotation
        names, whatever else its body is read to return.  Only the SDK's own classes
        count: a project class named there may be stood in for by a subclass the
        annotation does not show."""
        if node.returns is None:
            return
        for value in self._annotated(node.returns):
            kind = value.inner
            if kind is not None and kind.name.startswith(_SDK_PACKAGE):
                self._edge(f"{RETURNED}{self.module}.{qualname}", value)

    def _default_value(self, default: ast.expr) -> Val | None:
        if isinstance(default, ast.Call) and default.args and _marker(default.func):
            return self._dependency(default.args[0], default)
        return self.value(default)

    def _dependency(self, function: ast.expr, anchor: ast.AST) -> Val | None:
        """``client = Depends(get_client)``: what the dependency returns, or what it
        yields when it is a generator."""
        result = self._call_of(self.value(function))
        return self._temporary([result, self._iter(result)], anchor)

    def _cast(self, node: ast.Call) -> Val | None:
        """``typing.cast(Client, raw)``: ``raw``, and an instance of each class the type
        names, as ``c: Client = raw`` says.  A call spelled otherwise (a spread, a
        missing argument) is what all its arguments may be, as before."""
        given = {keyword.arg: keyword.value for keyword in node.keywords}
        args = [arg for arg in node.args if not isinstance(arg, ast.Starred)]
        if len(args) != len(node.args) or None in given:
            return self._union([*node.args, *given.values()], node)
        kind = args[0] if args else given.get("typ")
        value = args[1] if len(args) > 1 else given.get("val")
        if kind is None or value is None:
            return self._union([*node.args, *given.values()], node)
        return self._temporary([self.value(value), *self._annotated(kind)], node)

    def _annotated(self, annotation: ast.expr, depth: int = 0) -> Iterator[Val]:
        """The values a type annotation says a name holds: an instance of each class."""
        for part in _type_parts(_unquote(annotation)):
            if isinstance(part, ast.Call) and part.args and _marker(part.func):
                dependency = self._dependency(part.args[0], part)
                if dependency is not None:
                    yield dependency
                continue
            if isinstance(part, ast.Name) and depth < 3:
                alias = self._bound_value(part.id)
                if isinstance(alias, (ast.Subscript, ast.BinOp)):
                    # ``NylasDep = Annotated[APIClient, Depends(get_client)]``.
                    yield from self._annotated(alias, depth + 1)
                    continue
            kind = self.value(part) if isinstance(part, (ast.Name, ast.Attribute)) else None
            if kind is not None and kind.kind == "ref":
                yield self._val("instance", "", kind)

    def _decorate(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
                  defined: Val) -> None:
        """A decorator is called with what it decorates (``@with_client def view(client)``
        may call ``view`` with a client).

        A decorator the project does not define registers the function with a
        framework (a route, a task, a signal): the framework calls it and renders or
        serialises what it returns, so the function does not escape there.  What it
        returns reaches the framework all the same (``registers``): a client returned
        by a template context processor is used by templates.
        """
        function = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        for decorator in node.decorator_list:
            self.walk(decorator)
            self.facts.calls.append(CallSite(
                self.value(decorator), self._text(decorator), (defined,), (),
                self.source.span(decorator), flags=call_flags(
                    modelled=True, registers=function and not _keeps_function(decorator)),
            ))

    def visit_ClassDef(self, node: ast.ClassDef) -> bool:
        parent = self.frames[-1]
        qualname = f"{parent.qualname}.{node.name}" if parent.qualname else node.name
        full = f"{self.module}.{qualname}"
        self.facts.classes.append(full)
        self._decorate(node, self._val("ref", full))
        self._bind_local_definition(node.name, full)
        for base in node.bases:
            self.walk(base)
            self._edge(f"{BASES}{full}", self.value(base))
            if isinstance(base, ast.Subscript):
                # ``Repo[Message]`` derives from ``Repo``; ``BASES["repo"]`` from what
                # the mapping holds: both are read, only a class counts as a base.
                self._edge(f"{BASES}{full}", self.value(_generic_origin(base)))
        if _adds_nothing(node):
            self._edge(f"{BARE_CLASS}{full}", self.value(node.bases[0]))
        for keyword in node.keywords:
            self._read(keyword.value)
            self.walk(keyword.value)
        for parameter in getattr(node, "type_params", ()):
            self.walk(parameter)
        frame = _Frame(qualname, parent.bindings, class_name=qualname, is_class=True)
        self.frames.append(frame)
        self._fields(node, full)
        for statement in node.body:
            self.walk(statement)
        self.frames.pop()
        return True

    def _fields(self, node: ast.ClassDef, full: str) -> None:
        """Annotated class fields: typed attributes, and the ``__init__`` parameters of
        a dataclass, attrs class, NamedTuple or pydantic model (any class with
        annotated fields and no ``__init__`` of its own)."""
        fields: list[str] = []
        has_init = any(isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
            statement.name == "__init__") for statement in node.body)
        for statement in node.body:
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and (
                    isinstance(statement.targets[0], ast.Name)) and unannotated_field(
                        statement.value, self.callee_name):
                # ``client = attr.ib(factory=make_client)``: attrs' field without an
                # annotation, a parameter of the generated ``__init__`` as one with.
                name = statement.targets[0].id
                fields.append(name)
                value: ast.expr | None = statement.value
            elif isinstance(statement, ast.AnnAssign) and isinstance(
                    statement.target, ast.Name):
                name = statement.target.id
                if _is_class_var(statement.annotation):
                    continue
                fields.append(name)
                for annotated in self._annotated(statement.annotation):
                    self._edge(f"{ATTRIBUTE}{full}.{name}", annotated)
                value = statement.value
            else:
                continue
            factory = None if has_init or value is None else field_factory(
                value, self.callee_name)
            if factory is not None:
                # The generated ``__init__`` stores what the factory returns; the
                # field maker only keeps the factory for it.
                made, calls = factory
                self._field_calls.update(calls)
                called = self.value(made)
                if called is not None:
                    self._edge(f"{ATTRIBUTE}{full}.{name}", self._val("call", "", called))
        if fields and not has_init:
            self.facts.functions.append(Function(f"{full}.__init__", self._table.names(fields)))
            for name in fields:
                parameter = self._val("sym", f"{PARAMETER}{full}.__init__.{name}")
                self._edge(f"{ATTRIBUTE}{full}.{name}", parameter)

    def _scope_frame(self, node: ast.AST) -> _Frame:
        """The frame of a comprehension or lambda: its targets or parameters are its
        own names."""
        frame = self._scopes.get(node)
        if frame is None:
            parent = self.frames[-1]
            label = f"<{type(node).__name__.lower()}{getattr(node, 'lineno', 0)}" \
                    f"_{getattr(node, 'col_offset', 0)}>"
            qualname = f"{parent.qualname}.{label}" if parent.qualname else label
            bindings = Bindings()
            names: set[str] = set()
            if isinstance(node, ast.Lambda):
                args = node.args
                every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
                every += [a for a in (args.vararg, args.kwarg) if a is not None]
                names = {arg.arg for arg in every}
            else:
                assert isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp,
                                         ast.DictComp))
                for generator in node.generators:
                    for target in walk_nodes(generator.target):
                        if isinstance(target, ast.Name):
                            bindings.bind(target.id, None)
            # A class body's names are not visible inside: no ``self`` there.
            frame = _Frame(qualname, bindings, frozenset(names),
                           "" if parent.is_class else parent.class_name, True, "",
                           reused=True)
            if not isinstance(node, ast.Lambda):
                frame.loops = comprehension_loops(node.generators)
                # A generator runs later, when it is iterated: not at once.
                frame.runs_at_once = not isinstance(node, ast.GeneratorExp)
            self._scopes[node] = frame
        return frame

    @contextmanager
    def _scope(self, node: ast.AST) -> Iterator[None]:
        """Inside a comprehension or lambda: its own names are in scope."""
        self.frames.append(self._scope_frame(node))
        try:
            yield
        finally:
            self.frames.pop()

    def visit_Lambda(self, node: ast.Lambda) -> bool:
        frame = self._scope_frame(node)
        args = node.args
        self._function(f"{self.module}.{frame.qualname}",
                       [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)], node)
        self._walk_defaults(args)
        self._parameters(args, frame)
        with self._scope(node):
            # The body runs whenever the lambda is called: what it does counts where
            # it is written, and what it gives back is the lambda's result.
            self._edge(f"{RETURNED}{self.module}.{frame.qualname}", self.value(node.body))
            self.walk(node.body)
        return True

    def _visit_comprehension(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp
                             | ast.DictComp) -> bool:
        generators = node.generators
        # The first iterable is evaluated in the enclosing scope.
        first = generators[0].iter
        self._read(first)
        self.walk(first)
        with self._scope(node):
            for index, generator in enumerate(generators):
                if index:
                    self._read(generator.iter)
                    self.walk(generator.iter)
                self._bind(generator.target, self._iter(self.value(generator.iter)),
                           generator.iter)
                self.walk(generator.target)
                for condition in generator.ifs:
                    self._read(condition)
                    self.walk(condition)
            if isinstance(node, ast.DictComp):
                self.walk(node.key)
                self.walk(node.value)
            else:
                self.walk(node.elt)
        return True

    def visit_Assign(self, node: ast.Assign) -> bool:
        value = self.value(node.value)
        for target in node.targets:
            self._bind(target, value, node, node.value)
        for target in node.targets:
            self._alias(target, node.value)
        comment = _TYPE_COMMENT.search(self.source.line(node.end_lineno or node.lineno))
        if comment is not None and len(node.targets) == 1:
            # ``client = make()  # type: APIClient``: the comment is an annotation.
            try:
                annotation = ast.parse(comment.group(1), mode="eval").body
            except SyntaxError:
                return False
            key = self.target_key(node.targets[0])
            for annotated in self._annotated(annotation):
                self._edge(key, annotated)
        return False

    def visit_Match(self, node: ast.Match) -> bool:
        """A capture of the whole subject: ``case Client() as c:`` proves ``c`` an
        instance of the class on that branch, as an annotation says it; ``case _ as
        c:`` and ``case c:`` bind the subject.  A name captured inside a pattern
        (``case Client(api_key=k):``) is not read.

        Where every pattern only tests the subject's class (``case Client() as c:``,
        ``case _:``), the subject is looked at, as ``isinstance(obj, Client)`` looks
        at it; a pattern reading its attributes or items (``case Client(api_key=k)``,
        a mapping or a sequence) hands it to matching the analysis does not follow."""
        for case in node.cases:
            pattern = case.pattern
            if not (isinstance(pattern, ast.MatchAs) and pattern.name):
                continue
            key = self.target_key(ast.Name(id=pattern.name, ctx=ast.Store()))
            if pattern.pattern is None:
                self._edge(key, self.value(node.subject))
            elif isinstance(pattern.pattern, ast.MatchClass):
                if not self._captured_once(pattern.name):
                    # Bound elsewhere too (``case _ as c:``), ``c`` is not always the
                    # class's instance: it holds the subject, as any capture does.
                    self._edge(key, self.value(node.subject))
                    continue
                kind = self.value(pattern.pattern.cls)
                if kind is not None and kind.kind == "ref":
                    self._edge(key, self._val("instance", "", kind))
        if not all(_tests_class_only(case.pattern) for case in node.cases):
            return False
        subject = node.subject
        self._read(subject)
        if subject.__class__ not in _LEAF_CLASSES:
            self.walk(subject)
        for case in node.cases:
            self.walk(case)
        return True

    def visit_Assert(self, node: ast.Assert) -> bool:
        """``assert isinstance(raw, Client)``: past it ``raw`` is a ``Client``, as an
        annotation says."""
        self._narrow(node.test, lambda name, body, proof: holds_after(body, name, node, proof))
        return False

    def _captured_once(self, name: str) -> bool:
        frame = self.frames[-1]
        return not frame.is_function or (
            name not in frame.params and name != frame.self_name
            and bound_once(frame.body or [], name))

    def visit_If(self, node: ast.If) -> bool:
        """``if isinstance(raw, Client):`` proves ``raw`` a ``Client`` in the body, and
        ``if not isinstance(raw, Client): raise ...`` (a body that ends by raising or
        returning) in the rest of the function.  Where the proof covers every read of
        the name, the name holds a ``Client`` besides what else it is given; and while
        the branch a test proves is walked, a name it proves an SDK client reads as
        that client alone (see ``_proved_clients``)."""
        test = node.test
        negated = False
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            negated = True
            if guard_leaves(node):
                self._narrow(test.operand,
                             lambda name, body, proof: holds_after(body, name, node, proof))
            proved = self._proved_clients(test.operand, [test, *node.orelse])
        else:
            self._narrow(test, lambda name, body, proof: holds_in_body(body, name, node, proof))
            proved = self._proved_clients(test, [test, *node.body])
        if not proved:
            return False
        self._read(test)
        self.walk(test)
        with self._narrowing({} if negated else proved):
            for statement in node.body:
                self.walk(statement)
        with self._narrowing(proved if negated else {}):
            for statement in node.orelse:
                self.walk(statement)
        return True

    def _walk_function_body(self, body: list[ast.stmt]) -> None:
        """A function's statements; past ``assert isinstance(raw, Client)`` or a guard
        that leaves unless it holds, the rest of the body reads ``raw`` as the client
        (a guard in a nested block proves nothing past that block: not followed)."""
        with ExitStack() as narrowings:
            for index, statement in enumerate(body):
                self.walk(statement)
                if statement.__class__ is ast.Assign or statement.__class__ is ast.AnnAssign:
                    # ``messages = []`` in the function's own body: the lines after
                    # it read what the function bound, not what a caller gave.
                    assigned = statement.targets if isinstance(statement, ast.Assign) else (
                        [statement.target] if statement.value is not None else [])
                    rebound = self._rebound_parameters(assigned, body[index + 1:])
                    if rebound:
                        narrowings.enter_context(self._narrowing(rebound))
                    continue
                if statement.__class__ is ast.Assert:
                    assert isinstance(statement, ast.Assert)
                    proved = self._proved_clients(
                        statement.test, [statement.test, *body[index + 1:]])
                elif statement.__class__ is ast.If and guard_leaves(statement):
                    assert isinstance(statement, ast.If)
                    assert isinstance(statement.test, ast.UnaryOp)
                    proved = self._proved_clients(
                        statement.test.operand,
                        [statement.test, *statement.orelse, *body[index + 1:]])
                else:
                    continue
                if proved:
                    narrowings.enter_context(self._narrowing(proved))

    def _proved_clients(self, test: ast.expr, region: Sequence[ast.AST]) -> dict[str, Val]:
        """What each name an ``isinstance`` test proves an SDK client holds where the
        test holds (``region``: the test and the code it guards): an instance of each
        class the test names, when every one is a client class of the SDK.  A name the
        region may bind again, one ``global`` or ``nonlocal`` anywhere in the function,
        one of an enclosing scope and a class that is not the SDK's (a dict may hold a
        client) give nothing: the reading stays as it is."""
        frame = self.frames[-1]
        if not frame.is_function or frame.body is None:
            return {}
        proved: dict[str, Val] = {}
        tested: set[str] = set()
        for part in isinstance_parts(test):
            name = part.args[0]
            assert isinstance(name, ast.Name)
            if name.id in tested:
                proved.pop(name.id, None)  # tested twice: left alone
                continue
            tested.add(name.id)
            held = self._client_instances(part.args[1])
            if held is not None and self.callee_name(part.func) == "isinstance" and (
                    self._narrowable(frame, name.id, region)):
                proved[name.id] = held
        return proved

    def _client_instances(self, kinds: ast.expr) -> Val | None:
        """An instance of each class ``kinds`` names, if each is an SDK client class."""
        instances: list[Val | None] = []
        for kind in kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]:
            value = self.value(kind) if isinstance(kind, (ast.Name, ast.Attribute)) else None
            # (The package's name first: the SDK's tables load only for a class of it.)
            if value is None or value.kind != "ref" or value.name.partition(".")[0] != (
                    SDK_PACKAGE) or value.name not in client_class_names():
                return None
            instances.append(self._val("instance", "", value))
        return self._temporary(instances, kinds)

    def _narrowable(self, frame: _Frame, name: str, region: Sequence[ast.AST]) -> bool:
        bindings = frame.bindings
        local = name in frame.params or (
            bindings.binds(name) and name not in bindings.imported)
        return local and name != frame.self_name and name not in bindings.declared_global \
            and not rebound_in(region, name) and not declared_shared(frame.body or [], name)

    @contextmanager
    def _narrowing(self, proved: dict[str, Val]) -> Iterator[None]:
        """While the branch a test proves is walked, its names read as ``proved``."""
        if not proved:
            yield
            return
        frame = self.frames[-1]
        saved = frame.narrowed
        frame.narrowed = {**saved, **proved}
        self._narrowings += 1
        try:
            yield
        finally:
            frame.narrowed = saved
            self._narrowings -= 1

    def _narrowed_value(self, name: str) -> Val | None:
        """What a proving branch says ``name`` holds here: in the function's own
        frame, or in a comprehension there that does not bind the name.  A lambda, a
        generator or a nested function may run later, when the name may hold another
        value: it reads the name as outside."""
        for frame in reversed(self.frames):
            if frame.runs_at_once and not frame.bindings.binds(name):
                continue
            return frame.narrowed.get(name) if frame.narrowed else None
        return None

    def _narrow(self, test: ast.expr,
                holds: Callable[[str, list[ast.stmt], ast.expr], bool]) -> None:
        """An instance of each class an ``isinstance`` test (alone, or one of several
        joined by ``and``) proves a name of the function to hold, where the proof
        ``holds`` wherever the function reads the name (see ``narrowed_names``)."""
        frame = self.frames[-1]
        if not frame.is_function or frame.body is None:
            return
        for part in isinstance_parts(test):
            name = part.args[0]
            assert isinstance(name, ast.Name)
            if self.callee_name(part.func) != "isinstance" or not holds(
                    name.id, frame.body, part):
                continue
            key = self.target_key(ast.Name(id=name.id, ctx=ast.Store()))
            kinds = part.args[1]
            for kind in kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]:
                for value in self._annotated(kind):
                    self._edge(key, value)

    def visit_Import(self, node: ast.Import | ast.ImportFrom) -> bool:
        """A module-level import binds a global of the module: ``from .conn import
        outbox`` in a package's ``__init__`` is what ``from pkg import outbox`` gets."""
        if len(self.frames) > 1:
            return False
        for alias in node.names:
            local = alias.asname or alias.name
            if alias.name != "*" and (alias.asname or isinstance(node, ast.ImportFrom)) \
                    and local in self.imports:
                self._edge(f"{GLOBAL}{self.module}.{local}", self._val("ref", self.imports[local]))
        return False

    def _alias(self, target: ast.expr, value: ast.expr) -> None:
        """``Nylas = Annotated[APIClient, Depends(get_client)]`` (or ``Nylas: TypeAlias =
        ...``) outside a function: another module that imports the alias to annotate a
        parameter gets what the alias says."""
        if self.frames[-1].is_function or not _is_type_alias(value):
            return
        key = self.target_key(target) if isinstance(target, ast.Name) else ""
        for annotated in self._annotated(value):
            self._edge(key, annotated)

    def visit_TypeAlias(self, node: Any) -> bool:
        """``type Nylas = Annotated[APIClient, Depends(get_client)]`` (Python 3.12): the
        alias holds what it annotates, as an assigned one does."""
        if isinstance(node.name, ast.Name):
            key = self.target_key(node.name)
            for annotated in self._annotated(node.value):
                self._edge(key, annotated)
        return False

    def visit_AnnAssign(self, node: ast.AnnAssign) -> bool:
        if self.frames[-1].is_class:
            return False  # a field: read with the class (see ``_fields``)
        if node.value is not None:
            self._bind(node.target, self.value(node.value), node, node.value)
            self._alias(node.target, node.value)
        if self.frames[-1].is_function and isinstance(node.target, ast.Name):
            key = self.target_key(node.target)
            for value in self._annotated(node.annotation):
                self._edge(key, value)
        return False

    def visit_AugAssign(self, node: ast.AugAssign) -> bool:
        value = self.value(node.value)
        if value is not None and isinstance(node.op, (ast.Add, ast.BitOr)):
            # ``items += more`` and ``seen |= more`` add elements.
            if isinstance(node.target, ast.Subscript):
                self._store_item(node.target.value, self._iter(value), node)
            else:
                self._bind(node.target, value, node)
                if isinstance(node.op, ast.Add) and not self.target_key(node.target):
                    # ``HANDLERS += [...]`` with ``HANDLERS`` imported extends that
                    # list: no name of this module holds it.
                    self._write_elsewhere(node.target, self._iter(value), node)
        elif value is not None:
            self._read(node.value)
        return False

    def visit_NamedExpr(self, node: ast.NamedExpr) -> bool:
        self._bind(node.target, self.value(node.value), node, node.value)
        return False

    def visit_Return(self, node: ast.Return) -> bool:
        frame = self.frames[-1]
        if node.value is not None:
            if frame.is_function:
                function = f"{self.module}.{frame.qualname}"
                self._edge(f"{RETURNED}{function}", self.value(node.value))
                if frame.tuple_size and isinstance(node.value, ast.Tuple):
                    for index, element in enumerate(node.value.elts):
                        self._edge(returned_element(function, index), self.value(element))
                hook = frame.qualname.rsplit(".", 1)[-1]
                if frame.self_name and hook in HOOKS_HANDING_ON_RESULTS:
                    self._sink(self.value(node.value), f"returned by {hook}(), which the "
                               "framework hands to serializers, forms and templates", node)
            else:
                self._sink(self.value(node.value), "returned outside a function", node)
        return False

    def _generator_result(self, node: ast.Yield | ast.YieldFrom) -> bool:
        """A generator function returns an iterable of what it yields; a
        ``@contextmanager`` one gives it to ``with ... as``."""
        frame = self.frames[-1]
        value = self.value(node.value)
        if isinstance(node, ast.YieldFrom):
            value = self._iter(value)
        if frame.is_function:
            self._edge(f"{RETURNED}{self.module}.{frame.qualname}", self._box(value))
        else:
            self._sink(value, "yielded outside a function", node)
        return False

    def _visit_for(self, node: ast.For | ast.AsyncFor) -> bool:
        self._bind(node.target, self._iter(self.value(node.iter)), node)
        attrs, root = self._chain(node.iter)
        if attrs:
            self._use(node.iter, [*attrs, "__iter__"], root, node.iter)
        self._read(node.iter)
        return False

    def _visit_with(self, node: ast.With | ast.AsyncWith) -> bool:
        for item in node.items:
            if item.optional_vars is None:
                continue
            managed = self.value(item.context_expr)
            # ``with APIClient(...) as c`` gives the object itself (its ``__enter__``
            # returns self); a ``@contextmanager`` function gives what it yields; a
            # class of the project gives what its ``__enter__`` returns.
            self._bind(item.optional_vars, self._entered(
                managed, isinstance(node, ast.AsyncWith), item), node)
        rebound = self._rebound_parameters(
            [item.optional_vars for item in node.items if item.optional_vars is not None],
            node.body)
        if not rebound:
            return False
        for item in node.items:
            self.walk(item)
        with self._narrowing(rebound):
            for statement in node.body:
                self.walk(statement)
        return True

    def _rebound_parameters(self, targets: Sequence[ast.expr],
                            region: Sequence[ast.AST]) -> dict[str, Val]:
        """The parameters of the function that ``targets`` bind again, each read in
        ``region`` (code that runs only right after the binding) as what its own
        function binds it to, without what callers give it: ``with open(path) as
        messages: messages.write(...)`` writes to a file, not to the collection a
        caller hands over.  A name ``region`` may bind again, or one declared
        ``global`` or ``nonlocal`` (code called there may rebind it), keeps its
        reading."""
        frame = self.frames[-1]
        if not frame.is_function or frame.body is None:
            return {}
        rebound: dict[str, Val] = {}
        for target in targets:
            if not isinstance(target, ast.Name) or target.id not in frame.params:
                continue
            if self._narrowable(frame, target.id, region):
                rebound[target.id] = self._val("sym", rebinding_local(
                    PARAMETER + self._qual(frame, target.id)))
        return rebound

    def _entered(self, managed: Val | None, asynchronous: bool, anchor: ast.AST) -> Val | None:
        """What entering the context manager ``managed`` gives."""
        enter = "__aenter__" if asynchronous else "__enter__"
        entered = (self._call_of(self._val("attr", enter, managed))
                   if managed is not None else None)
        return self._temporary([managed, self._iter(managed), entered], anchor)

    def _stack_entered(self, node: ast.Call) -> tuple[ast.expr, bool] | None:
        """``stack.enter_context(cm)`` on a name of this function that only ever holds
        an exit stack: the context manager entered and whether asynchronously."""
        call = stack_call(node)
        frame = self.frames[-1]
        if call is None or not frame.is_function or frame.body is None:
            return None
        receiver, managed, asynchronous = call
        if frame.exit_stacks is None:
            frame.exit_stacks = exit_stack_names(frame.body, self._makes_exit_stack)
        if receiver.id not in frame.exit_stacks or receiver.id in frame.params:
            return None
        return managed, asynchronous

    def _makes_exit_stack(self, node: ast.expr) -> bool:
        return isinstance(node, ast.Call) and not node.args and not node.keywords and (
            self.callee_name(node.func) in EXIT_STACK_CLASSES)

    def visit_BinOp(self, node: ast.BinOp) -> bool:
        if not isinstance(node.op, (ast.Add, ast.Mult)):
            # ``"%s" % message``: formatting reads the value.
            self._read(node.left)
            self._read(node.right)
        return False

    def visit_Call(self, node: ast.Call) -> bool:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in SENDING_METHODS:
            self._imported_request(node, func)
        if self.runs_string_code:
            self._string_code(node)
        used = False
        if isinstance(func, ast.Attribute):
            attrs, root = self._chain(func)
            used = self._use(func, attrs, root, node)
            if not used and func.attr in _V3_REQUEST_METHODS and (node.args or any(
                    keyword.arg == "request_body" for keyword in node.keywords)):
                # (Shaped as the SDK's call, with a body: not Django's
                # ``user.grants.update(active=False)``.)
                self._v3_request_use(func, attrs, node)
            if func.attr in _REQUEST_METHODS:
                self._auth_url_callees.add(func)
            if func.attr in AUTH_URL_HELPER_METHODS:
                self._helper_use(func, node)
        builder = used and isinstance(func, ast.Attribute) and func.attr == MODEL_BUILDER
        if builder and (node.args or _spreads_keywords(node)) or (
                builder or not used) and _v3_create_keyword(node):
            # Not API v2's ``create(**attrs)``, if the receiver is read as v2's:
            # ``create(grant, ...)`` or ``create(identifier=grant, ...)``, also of a
            # bound ``create`` called later (``maker(request_body=...)``); and
            # ``create(**params)``, whose keywords may be v3's.
            self.facts.v3_shaped_calls.append(self.source.span(node))
            if builder and (node.args or _v3_create_keyword(node)):
                # ``raw.events.create(grant, request_body=...)``: no other library's.
                self.facts.v3_create_calls.append(self.source.span(node))
        if (used and isinstance(func, ast.Attribute) and func.attr in _V3_SHARED_METHODS
                or self._held_shared_method(func)) and (
                _v3_lookup_shape(node, self._function_binding, self._spread_dict)):
            # ``raw.messages.find(grant_id, message_id)``: not pymongo's ``find(filter)``;
            # nor ``coll.find(grant_id, message_id)`` of ``coll = raw.messages``,
            # ``vars(raw)["messages"].find(...)`` or ``attrgetter("messages.find")(raw)``.
            self.facts.v3_shaped_calls.append(self.source.span(node))
        elif _hands_shared_method(node) or isinstance(func, ast.Call) and (
                _names_shared_method(func)):
            # ``pool.submit(raw.messages.find, grant, message_id)``, ``partial(...)``,
            # ``getattr(raw.messages, "find")(...)``: the method is reached otherwise
            # than in place, where the shape test does not look, so it may be API v3's.
            self.facts.v3_shaped_calls.append(self.source.span(node))
        if _hands_v3_create(node) or isinstance(func, ast.Call) and (
                _names_shared_method(func, _BUILDER)) and (
                node.args or _v3_create_keyword(node)):
            # ``functools.partial(raw.events.create, grant, request_body=...)``,
            # ``getattr(raw.events, "create")(grant, ...)``: a ``create`` reached
            # otherwise than in place and given a grant by position or API v3's
            # keywords may be API v3's as well; given a model's fields
            # (``partial(raw.events.create, title="x")``), or nothing, it is still
            # API v2's builder.
            span = self.source.span(node)
            self.facts.v3_shaped_calls.append(span)
            self.facts.v3_create_calls.append(span)
        self._scope_arguments(node)
        registered = registered_by_call(node) if isinstance(func, ast.Attribute) and (
            func.attr == "register") else None
        if registered is not None:
            self._registrations.add(func)
            # ``handle.register(Event, on_event)``: ``handle(x)`` may run ``on_event``.
            self._dispatch_to(registered[0], self.frames[-1], self.value(registered[1]), node)
        for keyword in node.keywords:
            if keyword.arg == OBJECT_KEYWORD:
                # ``cli(obj=...)``, ``runner.invoke(cli, obj=...)``: a command's object.
                self._edge(OBJECT_SLOT, self.value(keyword.value))
        name = self.callee_name(func)
        span = self.source.span(node)
        if self._redefined_readers and (self._calls_redefined_reader(name) or (
                isinstance(func, ast.Attribute)
                and ANY_RECEIVER + func.attr in self._redefined_readers)):
            # ``print(nylas)`` where ``builtins.print = spy``: code the analysis does
            # not tie to the call gets the arguments, as an unknown function's would;
            # so does ``log.info(nylas)`` where ``logging.Logger.info = spy``.
            self._call_site(node, span, not used, redefined=True)
            return False
        if name in CONTEXT_VAR_CLASSES:
            # Its ``default`` is one more value the variable holds.
            default = default_of(node)
            if default is not None:
                self._edge(context_var_slot(self.module, node), self.value(default))
            return False
        if isinstance(func, ast.Attribute) and func.attr == STORE_METHOD and len(
                node.args) == 1 and not node.keywords:
            made = self._context_var(func.value)
            if made is not None:
                self._edge(context_var_slot(self.module, made), self.value(node.args[0]))
                self._call_site(node, span, not used, modelled=True)
                return False
        if node in self._field_calls:
            # ``field(default_factory=make)``: see ``_fields``.
            self._call_site(node, span, not used, modelled=True)
            return False
        if _marker(func):
            # ``Depends(get_client)``: the parameter it fills gets what the function
            # gives (see ``_dependency``).  The framework calls the function per
            # request, with keywords of its own: a bound SDK method given so
            # (``Depends(client.messages.list)``) is a call of it.
            self._call_site(node, span, not used, modelled=True)
            if node.args and not isinstance(node.args[0], ast.Starred):
                self._synthetic(node.args[0], self.value(node.args[0]), [], span,
                                f"{_text(func)}()")
            return False
        builtin = BUILTINS.get(name)
        if builtin is not None:
            self._builtin_call(node, builtin.key, builtin.shape, span)
            return False
        if name in PASS_THROUGH or name in TYPE_CASTS or (name in GIVEN_BACK and _given_back(
                node, GIVEN_BACK[name]) is not None) or self._stack_entered(node) is not None:
            return False  # the value passes on; the call's context decides
        over = self._hand_over(node)
        if over is not None:
            self._hand_over_call(node, over, span)
            # A project method of the same name still receives its arguments.
            if isinstance(func, ast.Attribute) and not name:
                self._call_site(node, span, not used, modelled=True)
            return False
        if isinstance(func, ast.Attribute) and func.attr in _STORING_METHODS and (
                self._may_be_application(func.value)):
            # ``app.update(...)``, ``app.setdefault(key, value)``: stores under keys
            # not read one by one.  The call is still handled as any other below.
            for given in (*node.args, *(keyword.value for keyword in node.keywords)):
                found = self.value(given)
                self._edge(ANY_ITEM_SLOT, found)
                self._edge(ANY_ITEM_SLOT, self._iter(found))
        if isinstance(func, ast.Attribute) and func.attr in STATE_STORING_METHODS and (
                self._state_object(func.value)):
            # ``app.state.update({"nylas": client})``: stores item by item (the call
            # is still handled as any other below).
            for item in stored_items(node, func.attr):
                found = self.value(item.given)
                self._edge(item.slot, self._val("item", "", found) if (
                    item.mapping and found is not None) else found)
        grouped = self._grouped_into(func) if isinstance(func, ast.Attribute) and (
            func.attr in GROUP_ADDERS or func.attr in GROUP_EXTENDERS) and node.args else None
        if grouped is not None:
            # ``groups[key].append(message)``: the message goes into one of the lists
            # the dict holds (see ``grouped_items``).
            assert isinstance(func, ast.Attribute)
            self.value(func.value)
            self._store_item(grouped, self._box(self._added(node, func.attr)), node)
            self._call_site(node, span, not used, modelled=True)
            return False
        container = func.value if isinstance(func, ast.Attribute) and (
            func.attr in _STORING_METHODS) and (node.args or (
                func.attr == "update" and node.keywords)) else None
        if container is not None and not self._owned(container):
            # Another module's list or dict (the call is still handled below).
            assert isinstance(func, ast.Attribute)
            self._write_elsewhere(container, self._added(node, func.attr), node)
        if container is not None and self._owned(container):
            assert isinstance(func, ast.Attribute)
            self._store_item(container, self._added(node, func.attr), node)
            self._call_site(node, span, not used, modelled=True)
            return False
        if isinstance(func, ast.Attribute) and func.attr == "sort" and node.keywords:
            self._keyed(node, "key", func.value, span)
        if name == "setattr" and _sets_named_attribute(node):
            # ``setattr(digest, "client", make_client())`` stores as ``digest.client =
            # make_client()`` does: what reads the attribute may get it.  (The value
            # is still handed to ``setattr`` below.)
            stored = node.args[1]
            assert isinstance(stored, ast.Constant) and isinstance(stored.value, str)
            self._bind(ast.copy_location(
                ast.Attribute(node.args[0], stored.value, ast.Store()), node),
                self.value(node.args[2]), node)
        elif name == "setattr" and _sets_some_attribute(node):
            # ``for key, value in options.items(): setattr(self, key, value)``: any
            # attribute of the object may hold the value (read with each one).
            self._store_by_name(node.args[0], None, self.value(node.args[2]), node)
        patched = patched_attribute(node) if isinstance(func, ast.Attribute) and (
            func.attr in _PATCHING_METHODS) else None
        if patched is not None:
            # ``mock.patch.object(Digest, "client", make_client())``: while active,
            # what reads the attribute gets the new value, as after ``setattr``.
            self._store_by_name(patched.owner, spelled_name(patched.name),
                                self.value(patched.value), node)
        if isinstance(func, ast.Attribute) and func.attr == "update":
            owner = self._namespace_owner(func.value)
            if owner is not None:
                self._update_namespace(owner, node)
        read = self._read_by_name(node, name)
        if read is not None and read.attr == AUTH_URL_METHOD:
            # ``getattr(client, "authentication_url")``: the method as a value, a request
            # the scope extractor records at the call, which counts where its receiver
            # is a client.
            attrs, root = self._chain(read)
            self._use(read, attrs, root, read)
        elif read is not None and read.attr in AUTH_URL_HELPER_METHODS:
            self._helper_use(read, read)
        called = self._method_called(node)
        # ``getattr(nylas, "messages")`` reads ``nylas.messages`` (see ``_call_value``)
        # and ``operator.attrgetter("outgoing")(box)`` only ``box.outgoing``, which
        # their values follow: the object does not escape.  With a name the analysis
        # cannot read, it does.
        self._call_site(called or node, span, not used, modelled=(name == "getattr" and (
            _names_its_attribute(node) or self._loop_names(node) is not None)
        ) or self._reads_attributes(node))
        return False

    def _imported_request(self, node: ast.Call, func: ast.Attribute) -> None:
        """``HTTP.get("events")``, ``http.HTTP.request("GET", "events")`` on a name
        another module of the project may bind to an HTTP client with a base URL, or
        ``self.http.get("events")`` on a receiver the resolver may find to hold one
        (see ``HeldClient``): its path, for the project index to join to that base."""
        if not node.args and all(keyword.arg not in ("url", None) for keyword in node.keywords):
            # An HTTP client's request needs its URL: ``Account.objects.get(pk=pk)``
            # sends none (a large project has hundreds of such calls).
            return
        name = self.callee_name(func)
        if name and (name.count(".") < 2 or name.partition(".")[0] in sys.stdlib_module_names):
            return  # ``requests.get``, ``os.environ.get``: no module's own client
        arguments = [argument for argument in node.args
                     if not isinstance(argument, ast.Starred)]
        method = func.attr.upper()
        if func.attr == "request":
            spelled = _string(keyword_value(node, "method") or (
                arguments.pop(0) if arguments else None))
            method = spelled.upper() if spelled else ANY_METHOD
        path = _spelled_path(keyword_value(node, "url") or (
            arguments[0] if arguments else None))
        if not name and (path is None or (URL_HOLE not in path and _ROUTE_WORDS.isdisjoint(
                path.partition("?")[0].split("/")))):
            # A receiver no import names (``self.http``, ``api.client``): only the
            # resolver can tell whether it holds a client with a base URL, which then
            # sends a request below its base with any path the analysis cannot read.
            # A path with a part built at run time (``f"{resource}"``) is kept: it
            # may name any route.
            return
        self.facts.imported_requests.append(ImportedRequest(
            self._table.text(name), method, path or "", self.source.span(node)))

    def _read_by_name(self, node: ast.Call, name: str) -> ast.Attribute | None:
        """The attribute ``getattr(obj, "name")`` or ``operator.attrgetter("a.b")(obj)``
        reads, located at the call; None for another call."""
        if name == "getattr" and _names_its_attribute(node):
            attribute = node.args[1]
            assert isinstance(attribute, ast.Constant) and isinstance(attribute.value, str)
            return ast.copy_location(ast.Attribute(node.args[0], attribute.value, ast.Load()),
                                     node)
        found = attrgetter_read(node, self.callee_name, self._bound_value)
        return found[1] if found is not None else None

    def _held_shared_method(self, func: ast.expr) -> bool:
        """Whether a callee is a method API v3 shares with other libraries, on a
        receiver held in a name or an item (``coll.find``, ``vars(raw)["messages"].
        find``) or read by ``operator.attrgetter("messages.find")(raw)``: no use is
        recorded for it, yet its receiver may be the SDK's collection."""
        if isinstance(func, ast.Attribute):
            return func.attr in _V3_SHARED_METHODS and isinstance(
                func.value, (ast.Name, ast.Subscript))
        if not isinstance(func, ast.Call):
            return False
        read = attrgetter_read(func, self.callee_name, self._bound_value)
        return read is not None and read[1].attr in _V3_SHARED_METHODS

    def _attrgetter(self, node: ast.Call) -> ast.Call | None:
        """The ``operator.attrgetter(...)`` a call with one argument calls, written in
        place or held by a name bound to nothing else."""
        if len(node.args) != 1 or not isinstance(node.func, (ast.Call, ast.Name)):
            return None
        return attrgetter_call(node.func, self.callee_name, self._bound_value)

    def _reads_attributes(self, node: ast.Call) -> bool:
        return self._attrgetter(node) is not None and self.value(node) is not None

    def _method_called(self, node: ast.Call) -> ast.Call | None:
        """``operator.methodcaller("pending", limit)(box)`` as the call it makes,
        ``box.pending(limit)``: the method gets the arguments, not the caller.  The
        caller may be held by a name bound to nothing else (``SEND =
        operator.methodcaller("send")``, then ``SEND(draft)``), as a getter may."""
        caller: ast.expr | None = node.func
        if isinstance(caller, ast.Name):
            caller = self._bound_value(caller.id)
        if not (isinstance(caller, ast.Call) and len(node.args) == 1 and not node.keywords
                and not isinstance(node.args[0], ast.Starred) and caller.args
                and self.callee_name(caller.func) == "operator.methodcaller"):
            return None
        name = caller.args[0]
        if not (isinstance(name, ast.Constant) and isinstance(name.value, str)
                and name.value.isidentifier()):
            return None
        method = ast.copy_location(ast.Attribute(node.args[0], name.value, ast.Load()), node)
        return ast.copy_location(
            ast.Call(method, caller.args[1:], caller.keywords), node)

    def _calls_redefined_reader(self, name: str | None) -> bool:
        """Whether a call's callee, by its qualified name, is a builtin or a function
        of ``logging`` that the project may bind again (``print``, ``logging.info``).
        A name the module binds itself qualifies otherwise, and is followed."""
        if not name:
            return False
        module, _, last = name.rpartition(".")
        return last in self._redefined_readers and module in ("", "logging", "builtins")

    def _call_site(self, node: ast.Call, span: Span, invokes: bool,
                   modelled: bool = False, redefined: bool = False) -> None:
        args: list[Val | None] = []
        star: list[Val | None] = []
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                star.append(self.value(arg.value))
                args.append(None)
            else:
                args.append(self.value(arg))
        double_star: list[Val | None] = []
        kwargs: list[tuple[str, Val]] = []
        plain_keywords: list[ast.keyword] = []
        for keyword in node.keywords:
            value = self.value(keyword.value)
            if keyword.arg is None:
                double_star.append(value)
            elif value is not None:
                kwargs.append((keyword.arg, value))
            if value is None:
                plain_keywords.append(keyword)
        callee = self.value(node.func)
        if callee is not None and callee.kind in NAMED_CALLEES and (
                plain_keywords or None in args):
            self._plain_arguments(node, callee, args, plain_keywords)
        star_value = self._temporary(star, node) if star else None
        double_value = self._temporary(double_star, node) if double_star else None
        worth = bool(kwargs) or star_value is not None or double_value is not None
        if not worth:
            for passed in args:
                if passed is not None:
                    worth = True
                    break
        if not worth and (callee is None or not invokes or (
                callee.kind == "ref" and not _may_name_held_value(node.func, callee))):
            return  # nothing passed, and nothing but a named function called
        self.facts.calls.append(CallSite(
            callee, self._text(node.func), self._table.arguments(args), tuple(kwargs), span,
            star_value, double_value, call_flags(invokes, modelled, redefined=redefined),
        ))

    def _plain_arguments(self, node: ast.Call, callee: Val, args: list[Val | None],
                         keywords: list[ast.keyword]) -> None:
        """The arguments of a call by name the flow does not follow (see
        ``PlainArguments``), once per callee and slots in the module."""
        slots = [(position, SPREAD, "") if isinstance(given, ast.Starred) else (
            position, "", configuration_path(given))
            for position, (given, value) in enumerate(zip(node.args, args)) if value is None]
        slots += [(-1, keyword.arg or SPREAD, configuration_path(keyword.value))
                  for keyword in keywords]
        key = (id(callee), tuple(slots))
        if slots and key not in self._plain_seen:
            self._plain_seen.add(key)
            self.facts.plain_arguments.append(PlainArguments(callee, tuple(slots)))

    def _builtin_call(self, node: ast.Call, key: str, shape: Shape, span: Span) -> None:
        """A modelled builtin: it iterates its arguments (reading a query fetches it)
        and may call a function with each element."""
        args = node.args
        if shape in (Shape.MAPPED, Shape.FILTERED):
            if args and not (shape is Shape.FILTERED and _is_none(args[0])):
                # (``filter(None, drafts)`` calls no function: it keeps the elements
                # that are true.)
                elements = [self._iter(self.value(a)) for a in args[1:]]
                function = self.value(args[0])
                if function is not None or any(elements):
                    self._synthetic(args[0], function, elements, span,
                                    self._text(node.func))
            for arg in args[1:]:
                self._read(arg)
        else:
            for arg in args:
                self._read(arg.value if isinstance(arg, ast.Starred) else arg)
            for keyword in node.keywords:
                if keyword.arg != key:
                    self._read(keyword.value)
        if key and args:
            self._keyed(node, key, args[0], span)

    def _keyed(self, node: ast.Call, key: str, iterable: ast.expr, span: Span) -> None:
        for keyword in node.keywords:
            if keyword.arg == key:
                self._synthetic(keyword.value, self.value(keyword.value),
                                [self._iter(self.value(iterable))], span,
                                self._text(node.func))

    def _synthetic(self, function_node: ast.expr, function: Val | None,
                   args: list[Val | None], span: Span, via: str,
                   kwargs: tuple[tuple[str, Val], ...] = (), star: Val | None = None,
                   double_star: Val | None = None) -> None:
        """The call a builtin or a hand-over makes of a function it was given."""
        self.facts.calls.append(CallSite(
            function, self._table.text(f"{_text(function_node)} via {via}"), tuple(args),
            kwargs, span, star, double_star,
        ))

    def _hand_over_call(self, node: ast.Call, over: HandOver, span: Span) -> None:
        function_node = self._handed_function(node, over)
        rest: list[Val | None] = []
        star: list[Val | None] = []
        if over.own >= 0:
            # The hand-over's own arguments (a trigger) are not handed on; a Nylas
            # value among them goes where the analysis does not follow.
            for arg in node.args[over.position + 1:]:
                self._own_argument(node, arg)
        elif over.position >= 0:
            for arg in node.args[over.position + 1:]:
                if isinstance(arg, ast.Starred):
                    star.append(self.value(arg.value))
                else:
                    rest.append(self.value(arg))
        kwargs: list[tuple[str, Val]] = []
        double_star: list[Val | None] = []
        for keyword in node.keywords:
            if keyword.arg == over.keyword and over.keyword:
                continue
            if keyword.arg and keyword.arg == over.args:
                if isinstance(keyword.value, (ast.Tuple, ast.List)):
                    rest += [self.value(e) for e in keyword.value.elts]
                else:
                    star.append(self.value(keyword.value))
                continue
            if keyword.arg and keyword.arg == over.kwargs:
                double_star.append(self.value(keyword.value))
                continue
            if over.own >= 0 and keyword.arg is not None:
                self._own_argument(node, keyword.value)
                continue
            value = self.value(keyword.value)
            if keyword.arg is None:
                double_star.append(value)
            elif value is not None:
                kwargs.append((keyword.arg, value))
        if over.position > 0:
            # ``loop.run_in_executor(executor, f, x)``: the arguments before the function.
            for arg in node.args[:over.position]:
                self._read(arg)
        if function_node is None:
            # The function is not where the hand-over takes it: what goes along escapes.
            for value in (*rest, *star, *double_star, *(v for _, v in kwargs)):
                self._sink(value, f"passed to {_text(node.func)}()", node)
            return
        if not (rest or star or kwargs or double_star) and self._hands_back_handed(
                function_node):
            # ``run_in_executor(None, partial(f, a))`` calls ``f(a)``, which the
            # partial already records with its arguments: one call, one use.
            return
        self._synthetic(
            function_node, self.value(function_node), rest, span, self._text(node.func),
            tuple(kwargs), self._temporary(star, node), self._temporary(double_star, node),
        )

    def _hands_back_handed(self, node: ast.expr) -> bool:
        """Whether ``node`` is a hand-over written in place that gives back the
        function it records a call of (``functools.partial(f, a)``)."""
        if not isinstance(node, ast.Call):
            return False
        over = self._hand_over(node)
        return over is not None and over.result == "function" and (
            self._handed_function(node, over) is not None)

    def _own_argument(self, node: ast.Call, arg: ast.expr) -> None:
        given = arg.value if isinstance(arg, ast.Starred) else arg
        self._sink(self.value(given), f"passed to {_text(node.func)}()", given)

    def _scope_arguments(self, node: ast.Call) -> None:
        """Scope lists passed to a call, for wrappers that forward them to the SDK."""
        if not node.args and not node.keywords:
            return
        arguments = [(i, "", arg) for i, arg in enumerate(node.args)
                     if arg.__class__ in _SCOPE_HOLDERS]
        arguments += [(-1, kw.arg, kw.value) for kw in node.keywords
                      if kw.arg is not None and kw.value.__class__ in _SCOPE_HOLDERS]
        callee: Val | None = None
        for position, keyword, argument in arguments:
            if not _may_hold_scopes(argument):
                continue
            target = self.reader.follow(argument) if isinstance(argument, ast.Name) else argument
            if target is None and not names_scopes(argument.id if isinstance(
                    argument, ast.Name) else ""):
                continue  # read() would find nothing to read: a parameter, an import
            if isinstance(target, ast.Constant) and not names_a_scope_family(target.value):
                continue  # a plain string (most arguments): no item can be a scope
            value = self.reader.read(argument)
            if value.state is ValueState.ITEMS and any(
                names_a_scope(item.text.strip()) for item in value.items
            ) or _read_elsewhere(value) or _unread_scope_list(value, argument, keyword):
                callee = callee or self.value(node.func)
                if callee is None:
                    return
                self.facts.scope_args.append(
                    ScopeArg(callee, position, keyword, value, self.source.span(argument))
                )

    def visit_Attribute(self, node: ast.Attribute) -> bool:
        # Reading some attributes sends a request (``message.raw``, ``client.account``).
        if node.attr in _REQUESTING_PROPERTIES and isinstance(node.ctx, ast.Load):
            attrs, root = self._chain(node)
            if attrs and (attrs[-1] in _REQUESTING_PROPERTIES):
                self._use(node, attrs, root, node)
        elif node.attr == AUTH_URL_METHOD and isinstance(node.ctx, ast.Load) and (
                node not in self._auth_url_callees):
            # ``method = client.authentication_url``: a request the scope extractor
            # records at the attribute, which counts where its receiver is a client.
            attrs, root = self._chain(node)
            if attrs and attrs[-1] == AUTH_URL_METHOD:
                self._use(node, attrs, root, node)
        elif node.attr in AUTH_URL_HELPER_METHODS and isinstance(node.ctx, ast.Load) and (
                node not in self._auth_url_callees):
            # ``build = ROUTES.build_auth_url``: likewise, where the receiver is the
            # SDK's helper.
            self._helper_use(node, node)
        elif node.attr == "register" and isinstance(node.ctx, ast.Load) and (
                node not in self._registrations) and names_register(node):
            self._untold_registration(node)
        return False

    def _untold_registration(self, node: ast.Attribute) -> None:
        """``register = handle.register``, ``handle.register(Event)(on_event)``: if
        ``handle`` is a generic function of the project, it may run implementations
        the analysis cannot tell (see ``dispatch_functions``)."""
        owner = self.value(node.value)
        if owner is not None:
            self.facts.stores.append(
                Store(owner, REGISTERS_UNTOLD, owner, self.source.span(node)))

    def _helper_use(self, method: ast.Attribute, anchor: ast.AST) -> None:
        """The helper's request method read or called on a receiver (any name can
        hold a ``Routes`` made in another module): recorded at ``anchor``, where the
        scope extractor records the request, for the index to tell whether the
        receiver is the helper.  The call itself is followed as any other call."""
        receiver = self.value(method.value)
        if receiver is not None:
            self.facts.uses.append(Use(
                receiver, self._table.names((method.attr,)), self.source.span(anchor),
                self._text(method)))


_HANDLERS: Mapping[type[ast.AST], Callable[[FlowExtractor, Any], bool]] = {
        ast.FunctionDef: FlowExtractor._visit_function,
        ast.AsyncFunctionDef: FlowExtractor._visit_function,
        ast.ClassDef: FlowExtractor.visit_ClassDef,
        ast.Lambda: FlowExtractor.visit_Lambda,
        ast.ListComp: FlowExtractor._visit_comprehension,
        ast.SetComp: FlowExtractor._visit_comprehension,
        ast.GeneratorExp: FlowExtractor._visit_comprehension,
        ast.DictComp: FlowExtractor._visit_comprehension,
        ast.Assign: FlowExtractor.visit_Assign,
        ast.Match: FlowExtractor.visit_Match,
        ast.Assert: FlowExtractor.visit_Assert,
        ast.If: FlowExtractor.visit_If,
        ast.Import: FlowExtractor.visit_Import,
        ast.ImportFrom: FlowExtractor.visit_Import,
        ast.AnnAssign: FlowExtractor.visit_AnnAssign,
        # Python 3.12 and later.
        **({ast.TypeAlias: FlowExtractor.visit_TypeAlias} if hasattr(ast, "TypeAlias") else {}),
        ast.AugAssign: FlowExtractor.visit_AugAssign,
        ast.NamedExpr: FlowExtractor.visit_NamedExpr,
        ast.Return: FlowExtractor.visit_Return,
        ast.Yield: FlowExtractor._generator_result,
        ast.YieldFrom: FlowExtractor._generator_result,
        ast.For: FlowExtractor._visit_for,
        ast.AsyncFor: FlowExtractor._visit_for,
        ast.With: FlowExtractor._visit_with,
        ast.AsyncWith: FlowExtractor._visit_with,
        ast.BinOp: FlowExtractor.visit_BinOp,
        ast.Call: FlowExtractor.visit_Call,
        ast.Attribute: FlowExtractor.visit_Attribute,
}


def _spreads_keywords(node: ast.Call) -> bool:
    """Whether a call is given keywords the code does not name (``f(**params)``)."""
    return any(keyword.arg is None for keyword in node.keywords)


def _hands_shared_method(node: ast.Call, names: frozenset[str] = _V3_SHARED_METHODS) -> bool:
    """Whether a call is given, uncalled, a bound method whose name API v3 shares with
    other libraries (``raw.messages.find``; of ``names``)."""
    # (Asked of every call: plain loops, no lists built.)
    for arg in node.args:
        given = arg.value if isinstance(arg, ast.Starred) else arg
        if isinstance(given, ast.Attribute) and given.attr in names:
            return True
    for keyword in node.keywords:
        given = keyword.value
        if isinstance(given, ast.Attribute) and given.attr in names:
            return True
    return False


def _hands_v3_create(node: ast.Call) -> bool:
    """Whether a call is given, uncalled, a bound ``create`` followed by what API v3's
    ``create`` takes: an argument by position (the grant) or one of its keywords."""
    for index, argument in enumerate(node.args):
        if isinstance(argument, ast.Attribute) and argument.attr in _BUILDER:
            return len(node.args) > index + 1 or _v3_create_keyword(node)
    return False


def _names_shared_method(node: ast.Call, names: frozenset[str] = _V3_SHARED_METHODS) -> bool:
    """Whether a call that gives what is then called is given the name of a method API
    v3 shares with other libraries (``getattr(raw.messages, "find")``,
    ``operator.methodcaller("find", grant, message_id)``)."""
    return any(isinstance(arg, ast.Constant) and arg.value in names for arg in node.args)


def _v3_lookup_shape(node: ast.Call, bound: Callable[[str], ast.expr | None],
                     spread: Callable[[str], ast.expr | None]) -> bool:
    """Whether a call is given what API v3's ``find`` and ``update`` take: the grant
    and an object's id by position (two or more names, attributes, items or strings),
    or ``identifier=`` beside an object's id or ``query_params=``.  Other libraries'
    methods of those names take a filter, a projection or fields (dicts, lists,
    keywords of a model's fields), also held in a local name (``query = {...}``):
    ``bound`` gives the one value the function binds a name to, ``spread`` the one
    a spread of the name gives (see ``_keywords_named``)."""
    plain = all(_plain_argument(arg, bound) for arg in node.args)
    if len(node.args) >= 2 and plain:
        return True
    named = _keywords_named(node, spread)
    if named is None:
        # ``find(**params)`` of a dict the analysis cannot read (changed after its
        # literal too): its keys may be API v3's.  (Django's ``update(**fields)`` is
        # far more common than v3's ``update`` so given: it is left to what the
        # other readings say, and to its literal's keys, as before the change was
        # seen.)
        if isinstance(node.func, ast.Attribute) and node.func.attr == _V3_FIND:
            return True
        named = _keywords_named(node, bound)
        if named is None:
            return False
    object_id = any(name == _V3_QUERY or name.endswith("_id") for name in named)
    # ``find(grant, message_id=...)``: the grant by position, the object's id by its
    # keyword, which no other library's ``find`` or ``update`` taking a first
    # argument has.
    return object_id and (_V3_IDENTIFIER in named or bool(node.args) and plain)


def _keywords_named(node: ast.Call, spread: Callable[[str], ast.expr | None],
                    ) -> set[str] | None:
    """The keywords a call is given by name, with the keys of a dict it spreads that
    the function binds to a dict literal (``params = {"identifier": grant, ...}``,
    then ``find(**params)``) and does not change after it (``spread`` gives only
    such a literal); None where it spreads one whose keys are not read."""
    named: set[str] = set()
    for keyword in node.keywords:
        if keyword.arg is not None:
            named.add(keyword.arg)
            continue
        given = spread(keyword.value.id) if isinstance(keyword.value, ast.Name) else None
        if not isinstance(given, ast.Dict) or not all(
                isinstance(key, ast.Constant) and isinstance(key.value, str)
                for key in given.keys):
            return None
        named |= {key.value for key in given.keys
                  if isinstance(key, ast.Constant) and isinstance(key.value, str)}
    return named


def _plain_argument(node: ast.expr, bound: Callable[[str], ast.expr | None]) -> bool:
    if isinstance(node, ast.Name):
        value = bound(node.id)
        return value is None or _plain_argument(value, lambda name: None)
    return isinstance(node, _PLAIN_ARGUMENTS) or isinstance(node, ast.Constant) and (
        isinstance(node.value, str))


def _v3_create_keyword(node: ast.Call) -> bool:
    """Whether a call is given a keyword only API v3's ``create`` takes."""
    for keyword in node.keywords:  # (asked of most calls: a loop, no generator)
        if keyword.arg in _V3_CREATE_KEYWORDS:
            return True
    return False


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


# The method names of the patchers ``patched_attribute`` reads (``PATCHERS``): a call
# of any other method patches nothing, and is not asked.
_PATCHING_METHODS: frozenset[str] = frozenset(method for _, method in PATCHERS)

# Methods that put a value into the container they are called on.
_STORING_METHODS: frozenset[str] = ADDERS | EXTENDERS

# The classes of the arguments ``_may_hold_scopes`` may accept.
_SCOPE_HOLDERS: frozenset[type[ast.AST]] = frozenset(
    {ast.List, ast.Tuple, ast.Set, ast.Name, ast.Constant, ast.Attribute})


def _may_hold_scopes(node: ast.expr) -> bool:
    # An attribute is read only where it names scopes (``settings.SUPERVISOR_SCOPES``,
    # read in where another module defines it).
    return isinstance(node, (ast.List, ast.Tuple, ast.Set, ast.Name)) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    ) or (isinstance(node, ast.Attribute) and names_scopes(node.attr))


def _read_elsewhere(value: ScopeValue) -> bool:
    """Whether a value named for scopes is another module's list, or made of one
    (``SUPERVISOR_SCOPES`` imported, ``settings.SUPERVISOR_SCOPES``): read in by the
    project index where the wrapper it is passed to makes its request, rather than
    left out of the requests judged."""
    return bool(value.reference) or bool(value.splices)


def _unread_scope_list(value: ScopeValue, argument: ast.expr, keyword: str) -> bool:
    """Whether a value named for scopes, or passed under a name that says scopes, is
    one the analysis cannot read (``SUP_SCOPES`` the module changes or hands on):
    recorded all the same, so that a wrapper it reaches makes an unresolved request
    for that caller rather than none."""
    if value.state is not ValueState.UNRESOLVED:
        return False
    named = argument.id if isinstance(argument, ast.Name) else (
        argument.attr if isinstance(argument, ast.Attribute) else "")
    return names_scopes(named) or names_scopes(keyword)


# The expressions ``FlowExtractor._value`` can give a value.
_VALUE_NODES: frozenset[type[ast.AST]] = frozenset(
    {ast.Name, ast.Attribute, ast.Call, ast.Subscript, ast.Await, ast.NamedExpr, ast.IfExp,
     ast.BoolOp, ast.BinOp, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.ListComp,
     ast.SetComp, ast.GeneratorExp, ast.DictComp, ast.Lambda, ast.Yield}
)


def _unquote(annotation: ast.expr) -> ast.expr:
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            return ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return annotation
    return annotation


def _is_type_alias(value: ast.expr) -> bool:
    """``Annotated[...]``, ``Optional[...]`` or ``X | None`` assigned to a name."""
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.BitOr):
        return True
    return isinstance(value, ast.Subscript) and _head_name(value) in _TYPE_WRAPPERS


def _head_name(subscript: ast.Subscript) -> str:
    """``Optional`` of ``Optional[X]`` and of ``typing.Optional[X]``."""
    head = subscript.value
    if isinstance(head, ast.Attribute):
        return head.attr
    return head.id if isinstance(head, ast.Name) else ""


def _type_parts(annotation: ast.expr) -> Iterator[ast.expr]:
    """The types a value annotated ``annotation`` may have: ``Optional[X]``,
    ``X | None``, ``Union[X, Y]`` and ``Annotated[X, ...]`` taken apart."""
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        yield from _type_parts(annotation.left)
        yield from _type_parts(annotation.right)
        return
    if isinstance(annotation, ast.Subscript):
        if _head_name(annotation) in _TYPE_WRAPPERS:
            inner = annotation.slice
            parts = inner.elts if isinstance(inner, ast.Tuple) else [inner]
            for part in parts:
                yield from _type_parts(_unquote(part))
            return
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        unquoted = _unquote(annotation)
        if unquoted is not annotation:
            yield from _type_parts(unquoted)
        return
    yield annotation


# Decorators that make a method read as an attribute.
_PROPERTIES = frozenset({"property", "cached_property"})


def _generic_origin(base: ast.expr) -> ast.expr:
    """The class a parametrised base names: ``class Inbox(Repo[Message])`` derives
    from ``Repo`` (a generic alias gives its origin class to the class statement)."""
    while isinstance(base, ast.Subscript):
        base = base.value
    return base


def _adds_nothing(node: ast.ClassDef) -> bool:
    """Whether a class statement adds nothing to its one base: no decorator, keyword
    (a metaclass) or statement in its body but a docstring or ``pass``."""
    return len(node.bases) == 1 and not node.keywords and not node.decorator_list and all(
        isinstance(statement, ast.Pass) or (
            isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str))
        for statement in node.body)


def _is_property(decorator: ast.expr) -> bool:
    name = decorator.attr if isinstance(decorator, ast.Attribute) else (
        decorator.id if isinstance(decorator, ast.Name) else "")
    return name in _PROPERTIES


# Decorators that give the function back to the project's own callers (a cache, a
# retry loop, a method kind): what it returns goes only where the project sends it.
_KEEPS_FUNCTION = frozenset({
    "property", "cached_property", "reify", "staticmethod", "classmethod",
    "abstractmethod", "cache", "lru_cache", "cached", "ttl_cache", "alru_cache", "wraps",
    "contextmanager", "asynccontextmanager", "overload", "override", "final", "deprecated",
    "retry",
    # Streamlit's caches hand what the function returns back to the script's callers.
    "cache_resource", "cache_data",
    # asgiref's and Django Channels' thread adapters (asgiref 3.x ``sync_to_async``,
    # ``async_to_sync``; ``channels.db.database_sync_to_async``): the caller awaits
    # (or gets) what the function returns.
    "sync_to_async", "async_to_sync", "database_sync_to_async",
})


def _keeps_function(decorator: ast.expr) -> bool:
    called = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = called.attr if isinstance(called, ast.Attribute) else (
        called.id if isinstance(called, ast.Name) else "")
    return name in _KEEPS_FUNCTION


def _returned_tuple_size(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """The length of the tuple display every ``return`` of a function gives (a bare
    ``return`` gives None, which no tuple target takes); 0 when they differ, when one
    gives something else or when it is a generator."""
    sizes: set[int] = set()
    pending: list[ast.AST] = list(node.body)
    while pending:
        current = pending.pop()
        if isinstance(current, (ast.Yield, ast.YieldFrom)):
            return 0
        if isinstance(current, ast.Return) and current.value is not None:
            value = current.value
            if not isinstance(value, ast.Tuple) or any(
                    isinstance(element, ast.Starred) for element in value.elts):
                return 0
            sizes.add(len(value.elts))
        if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                ast.Lambda)):
            continue  # a nested scope's returns are its own
        pending.extend(child_nodes(current))
    return sizes.pop() if len(sizes) == 1 else 0


def _given_back(node: ast.Call, parameter: str) -> ast.expr | None:
    """The one argument of a call such as ``closing(client)`` (or
    ``nullcontext(enter_result=client)``); None for any other shape."""
    if len(node.args) + len(node.keywords) != 1:
        return None
    if node.args:
        return None if isinstance(node.args[0], ast.Starred) else node.args[0]
    keyword = node.keywords[0]
    return keyword.value if keyword.arg == parameter else None


def _nonlocal_names(body: Sequence[ast.stmt] | None) -> frozenset[str]:
    """The names a function's own statements declare ``nonlocal`` (``Bindings`` keeps
    them with the ``global`` ones); not those of the functions and classes it
    defines."""
    found: set[str] = set()
    pending: list[ast.AST] = list(body or ())
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Nonlocal):
            found.update(node.names)
        elif not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                   ast.Lambda, ast.expr)):
            pending.extend(child_nodes(node))
    return frozenset(found)


# The name of what a generator's ``yield`` evaluates to, as a parameter of the
# generator function (not a name Python code can bind).
SENT = "(sent)"


def _sets_named_attribute(node: ast.Call) -> bool:
    """Whether ``setattr(obj, "name", value)`` names the attribute it sets."""
    args = node.args
    return _sets_some_attribute(node) and isinstance(
        args[1], ast.Constant) and isinstance(args[1].value, str)


def _sets_some_attribute(node: ast.Call) -> bool:
    """Whether ``setattr(obj, name, value)`` is written with its three arguments."""
    return len(node.args) == 3 and not node.keywords and not any(
        isinstance(arg, ast.Starred) for arg in node.args)


def _names_its_attribute(node: ast.Call) -> bool:
    """Whether ``getattr(obj, "name"[, default])`` names the attribute it reads."""
    args = node.args
    return 2 <= len(args) <= 3 and not node.keywords and not any(
        isinstance(arg, ast.Starred) for arg in args) and isinstance(
        args[1], ast.Constant) and isinstance(args[1].value, str)


def _marker(func: ast.expr) -> bool:
    name = func.attr if isinstance(func, ast.Attribute) else (
        func.id if isinstance(func, ast.Name) else "")
    return name in _DEPENDENCY_MARKERS


def _is_class_var(annotation: ast.expr) -> bool:
    head = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    name = head.attr if isinstance(head, ast.Attribute) else (
        head.id if isinstance(head, ast.Name) else "")
    return name == "ClassVar"


def _text(node: ast.AST) -> str:
    """The expression as written, short enough for a message."""
    spelled = dotted(node) if isinstance(node, ast.expr) else ""
    if not spelled or _GETTER_CALLED in spelled:
        # A getter called (``operator.attrgetter("messages.find")(raw)``) reads the
        # attributes its argument names, which the dotted spelling leaves out.
        try:
            spelled = ast.unparse(node)
        except (ValueError, TypeError, AttributeError, RecursionError):
            spelled = type(node).__name__
    return spelled if len(spelled) <= 60 else spelled[:57] + "..."


# The dotted spelling of ``attrgetter("a.b")(x)``, whose arguments say what it reads.
_GETTER_CALLED = "attrgetter()("


def _tests_class_only(pattern: ast.pattern) -> bool:
    """Whether a ``case`` pattern only tests what class the subject is, or whether it
    is None, and at most captures it whole (``Client() as c``, ``_``, ``c``,
    ``Client() | None``): it reads no attribute or item of the subject."""
    if isinstance(pattern, ast.MatchAs):
        return pattern.pattern is None or _tests_class_only(pattern.pattern)
    if isinstance(pattern, ast.MatchClass):
        return not pattern.patterns and not pattern.kwd_patterns
    if isinstance(pattern, ast.MatchOr):
        return all(_tests_class_only(one) for one in pattern.patterns)
    return isinstance(pattern, ast.MatchSingleton)


def _escape_words(parent: ast.AST) -> str:
    """Where a value went that the table of roles does not follow."""
    if isinstance(parent, ast.Match):
        return "matched by a match statement"
    if isinstance(parent, ast.Raise):
        return "raised (the handler that catches it is not followed)"
    return f"used where the analysis does not follow it ({_text(parent)})"


# A type comment after an assignment (PEP 484); ``ignore`` is not a type.
_TYPE_COMMENT = re.compile(r"#\s*type:\s*(?!ignore\b)([^#]+?)\s*(?:#.*)?$")

# Model properties and client attributes whose mere read sends a request
# (``message.raw``, ``client.account``); the endpoint map says which request.
_REQUESTING_PROPERTIES: frozenset[str] = frozenset({"raw", "account"})


def _string(node: ast.expr | None) -> str | None:
    """The text of a string written in place."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _spelled_path(node: ast.expr | None) -> str | None:
    """The path a string or an f-string spells, each part built at run time a hole
    (``f"/v3/grants/{gid}/events"``)."""
    if not isinstance(node, ast.JoinedStr):
        return _string(node)
    pieces: list[str] = []
    for value in node.values:
        text = _string(value)
        pieces.append(text if text is not None else URL_HOLE)
    return "".join(pieces)


def _is_none(node: ast.expr) -> bool:
    """Whether ``node`` is the constant ``None``."""
    return isinstance(node, ast.Constant) and node.value is None
