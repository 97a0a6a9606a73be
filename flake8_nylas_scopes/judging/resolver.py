"""Resolve the symbolic value flow of every module of a project.

A may-analysis: a symbol holds everything any of its edges can bring (a client
assigned on one branch is a client).  Parameters of project functions receive what
their callers pass, across modules; attributes of instances what any assignment
stores, in the class and its relatives.  The extractor recorded every place a value
is used (a closed world); here each Nylas value found at such a place becomes a
request (a use, a bound method called or handed over, a query read) or, where the
place is not modelled, an unresolved use whose scopes are everything that value's
type could need, so that the usage rules stay silent rather than guess.
"""

from __future__ import annotations

from array import array
import contextlib
import dataclasses
import functools
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from itertools import repeat
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Literal, get_args
from sys import intern

from ..analysis.dispatch_functions import REGISTERS_ON, REGISTERS_UNTOLD
from ..analysis.facts import Generation, ModuleFacts
from ..analysis.flow_calls import (
    DATA_FUNCTIONS,
    DATA_METHODS,
    ELEMENT_METHODS,
    ELEMENTS_METHODS,
    PAIRS_METHODS,
    TEMPLATE_FUNCTIONS,
    TEMPLATE_METHODS,
)
from ..analysis.flow_facts import (
    ANY_MEMBER, UNREAD_MODULE, CallSite, Edge, Function, HandedCall, Read, Sink, Store, Use,
    Val,
)
from ..analysis.member_patterns import is_pattern, member_matches
from ..analysis.registry_writes import ITEM_WRITE
from ..analysis.subclass_bindings import RUN_TIME_NAMES
from ..analysis.symbols import (
    ATTRIBUTE,
    BARE_CLASS,
    BASES,
    CHOICE,
    ELEMENT,
    GLOBAL,
    LOCAL,
    NAMED_VARIABLES,
    PARAMETER,
    REGISTERED,
    RETURNED,
    STATE,
    qualified_name,
    rebinding_local,
    returned_element,
)
from ..nylas_api.types import Endpoint, Member
from ..nylas_api import API_VERSIONS, save_updates
from ..spans import Span
from ..analysis.class_order import linearize
from .django_models import (
    DATA, DEFAULT_MANAGERS, INSTANCES, MANAGER_ATTRIBUTE, ONE_INSTANCE, QUERY_METHODS,
    model_classes,
)
from .module_aliases import DeepNames, namespace_aliases
from .lost_uses import (
    attribute_may_request, call_may_request, is_made, lost_base, made, made_from,
    read_may_fetch,
)
from .request_proxies import app_object_proxy
from .request_slots import middleware_store, reads_request, slot
from .sdk_view import V3_PREFIX, SdkView, sdk_view
from .star_origins import StarOrigins
from .held_chains import (
    HeldChains, held_chains, may_give_a_name, naming_symbols, rebuilt_chain,
)
from .untold_attributes import untold_attribute_containers
from .unseen_bases import BaseRoot, unseen_base
from .client_origins import ClientLikeHolders
from .unseen_wrappers import unseen_package_root
from .untold_callees import bindings_by_symbol, may_be_untold
from .written_registries import registries_called, written_symbols
from .value_nodes import KIND_NAMES, NO_NODE, Node, ValueNodes


# An abstract object: (kind, name).  Kinds: client (name "" for API v2, "v3" for v3),
# coll (a collection attribute; for v3 a resource, ``"v3:<path>"``),
# model / models (one model object / a query or list of them, by model class),
# method (a bound Nylas method: "<owner kind>|<owner name>|<method>"), box (a
# container: its name is the element's "<kind>|<name>"), inst (an instance of a
# project class), super (``super()`` in a method of the class named), func, class,
# nylas_class, model_class (an SDK model class, by name), module, lost (what an
# attribute of that name read on an object the analysis cannot tell gives, and
# everything made from it: see ``_follow_unknown_objects``), helper_class / helper (an
# SDK helper class that builds the authentication URL, ``Routes``, and an instance of
# it, by qualified class name), http (an HTTP client with a base URL held where the
# symbol it is named by says, see ``HeldClient``: not a Nylas value, followed so that
# the requests sent with it are read where they are made), untold (what code the
# analysis does not follow may have put in a module-level container, by the
# container's dotted name: see ``_seed_untold_entries``).
ObjKind = Literal[
    "client", "coll", "model", "models", "method", "box", "inst", "super", "func",
    "class", "nylas_class", "model_class", "module", "unmapped", "lost",
    "helper_class", "helper", "http", "untold",
]
Obj = tuple[ObjKind, str]
CLIENT_OBJ: Obj = ("client", "")
# What a value may hold.  Results are shared, never changed in place: most values
# resolve to nothing or to one of a few sets, and a large project resolves a hundred
# thousand values, so each result would otherwise cost a set of its own.
Objs = AbstractSet[Obj]
_NOTHING: Objs = frozenset()
# Not in the memo of what objects reach (None there means "any scope").
_UNREACHED = frozenset({"<unreached>"})
_ONLY_CLIENT: Objs = frozenset({CLIENT_OBJ})
_V3_CLIENT: Obj = ("client", "v3")
# API v3 requests whose names other libraries use too (``grants.update``): their uses
# are recorded only to tell whether the receiver is a client (see ``clients``).
V3_SHARED_REQUESTS = API_VERSIONS["v3"].surface().shared_request_chains
# A module imported by a name the analysis cannot read: like the SDK's own machinery,
# what it holds may make any request.
_UNREAD: Objs = frozenset({("unmapped", UNREAD_MODULE)})

# Collection operations that return one model object, or several.
_ONE_MODEL_OPS = frozenset({"get", "first", "create", "__getitem__"})
_MANY_MODEL_OPS = frozenset({"where", "all", "search", "values"})

# Python's members of any object that give its other members by name.
_REFLECTIVE_MEMBERS = frozenset({"__dict__", "__getattribute__", "__getattr__"})
# Objects that are Nylas values: where one escapes, the usage rules must hold back.
_NYLAS_KINDS = frozenset({"client", "coll", "model", "models", "method", "box",
                          "nylas_class"})
# Nylas values an attribute read on an object the analysis cannot tell may hand on
# (``for d in box.outgoing``): model objects and what holds them.
_HELD_DATA_KINDS = frozenset({"model", "models", "box", "coll"})
# The project's own objects: what they hold, the analysis reads from the code.
_PROJECT_KINDS = frozenset({"func", "class", "inst"})
# What a base that the analysis reads resolves to: a class of the project's or the SDK's.
_READ_BASE_KINDS = frozenset({"class", "nylas_class", "helper_class", "model_class"})
# The places the fixpoint joins several statements' values in, where one known value
# must not hide an unknown one (see ``_find_partly_untold``; an instance's attribute
# is one too, where it holds no Nylas object: see ``_seeded_untold``).  Framework
# state (``app.state.nylas``) is one: a fake stored there in one place and another
# library's object in another are both what a handler may read.
_JOINED_PLACES = (PARAMETER, LOCAL, GLOBAL, RETURNED, CHOICE, STATE)
# The places a subclass may bind again, read joined with the base's: an instance's
# attribute and a method's result (see ``_untold_overrides``).
_OVERRIDDEN_PLACES = (ATTRIBUTE, RETURNED)
# Objects whose loss may hide a request: Nylas values, and what may hold them.
_LOSABLE_KINDS = _NYLAS_KINDS | {"inst", "func", "lost"}
# What a chain of attributes goes through to the Nylas object it uses, and how deep.
_HOLDERS = frozenset({"class", "inst", "module", "super"})
_MAX_HOLDER_DEPTH = 4
# Containers nested deeper than this are followed as this deep.
_MAX_BOX_DEPTH = 4
_MAX_ROUNDS = 50
# A value's parts are followed this many levels down (it bounds the resolver's
# recursion).  A deeper value (a container nested in containers this deep) stops the
# usage rules: what its cut-off part holds is not known.
_MAX_VALUE_DEPTH = 30
# The fixpoint gives up once its symbols hold this many objects per edge, and this
# many more: a project whose classes all flow into the same places (a framework's
# expression trees) grows hundreds of objects per symbol, costs minutes and gigabytes
# to solve, and none of it is a Nylas value.  Giving up is cautious (see
# ``converged``); the projects met so far hold one or two objects per edge.
_OBJECTS_PER_EDGE = 8
_OBJECTS_ALWAYS_ALLOWED = 20_000
# Edge lists up to this long are searched rather than given a set of their members.
_SHORT_EDGE_LIST = 8


@dataclass(frozen=True, slots=True)
class EndpointUse:
    endpoint: Endpoint
    span: Span
    call: str  # the SDK call as written, e.g. "client.messages.get"
    operation: str  # the SDK operation, e.g. "messages.get" or "Draft.send"
    # Not a call as written: a query read as data ("iterating messages").
    read: bool = False

    @property
    def shown(self) -> str:
        """The call for messages: ``client.messages.get()``, ``iterating messages``."""
        return self.call if self.read else f"{self.call}()"

    @property
    def requested(self) -> str:
        """The request for messages: the endpoint's key, or both of a model's
        ``save()``, which creates an object without an id and updates one with an id
        (``POST /labels or PUT /labels/{id}``): the model does not say which it is."""
        model, _, method = self.operation.rpartition(".")
        update = save_updates().get(model) if method == "save" and (
            self.endpoint.dialect == "v2") else None
        return f"{self.endpoint.key} or {update}" if update else self.endpoint.key


@dataclass(frozen=True, slots=True)
class NewSave(EndpointUse):
    """A model's ``save()`` on an object the code certainly made new there
    (``client.drafts.create(...).save()``, see ``new_saves``): the create alone."""

    @property
    def requested(self) -> str:
        return self.endpoint.key


@dataclass(frozen=True, slots=True)
class UnresolvedUse:
    span: Span
    reason: str
    # The scopes the unresolved code could exercise; None means any scope.
    scopes: frozenset[str] | None
    # Uses of one value the analysis lost track of, named alike, are reported once
    # per module, where it is first met.
    origin: str = ""
    # The bound methods of objects the analysis cannot tell this use stands for, as
    # their chains (``raw.messages.list`` held in a list), and whether it is met where
    # they are taken from their object (``jobs.append(raw.messages.list)``): a use
    # met again where they leave their function or are called from the container
    # says nothing more, and is left out where its module's taking uses cover it.
    held: frozenset[Val] = frozenset()
    taken: bool = False


_CALLED = "()"


def _written_members(use: Use) -> tuple[str, ...]:
    """The members a use's chain reads, and ``()`` for each call between them, as
    written, from the first the analysis sees (``box.connection().drafts.create()
    .send`` gives ``connection``, ``()``, ``drafts``, ``create``, ``()``, ``send``)."""
    found: list[str] = []
    value = use.root
    while value is not None and value.kind in ("attr", "call"):
        found.append(value.name if value.kind == "attr" else _CALLED)
        value = value.inner
    return (*found[::-1], *use.attrs)


def _listing(names: list[str], shown: int = 3, last: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``; beyond ``shown``, ``a, b and 3 more``
    (``last``: the word before the last name, ``or`` for alternatives)."""
    if len(names) > shown:
        return f"{', '.join(names[:shown - 1])} {last} {len(names) - shown + 1} more"
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {last} {names[-1]}"


def box(obj: Obj) -> Obj:
    kind, name = obj
    return ("box", f"{kind}|{name}")


# The attributes of stores that register on a generic function (see
# ``dispatch_functions``): no assignment writes them.
_REGISTRATIONS = frozenset({REGISTERS_ON, REGISTERS_UNTOLD})


# How many values ``_given_untold`` looks at for one container before it says the
# container may hold anything.
_MOST_UNTOLD_STEPS = 256


def _holds_callables(held: Objs) -> bool:
    """Whether a container holds classes or functions of the project."""
    return any(kind == "box" and name.startswith(("class|", "func|")) for kind, name in held)


def _never_changed(name: str) -> bool:
    """``FlowResolver.changed_registry`` until the judge tells it."""
    return False


_OBJ_KINDS: Mapping[str, ObjKind] = {kind: kind for kind in get_args(ObjKind)}


def unbox(obj: Obj) -> Obj:
    kind, _, name = obj[1].partition("|")
    return (_OBJ_KINDS[kind], name)


# Words in a parameter's name that say it holds a Nylas model object.
_MODEL_WORDS = ("message", "msg", "draft", "thread", "event", "contact", "calendar",
                "folder", "label", "file", "attachment", "nylas")


def _chain_use(chain: Val | None, span: Span, text: str, sdk: SdkView) -> Use | None:
    """``root.a.b``, called or handed over, as the use it would be: for telling
    whether it looks like a Nylas call."""
    attrs: list[str] = []
    value = chain
    while value is not None and value.kind == "attr":
        attrs.insert(0, value.name)
        value = value.inner
    top_resources = sdk.resources[""].children
    for index, attr in enumerate(attrs):
        if attr in sdk.collections or attr in sdk.model_method_scopes or (
            attr in top_resources and index + 1 < len(attrs)
        ) or index + 1 < len(attrs) and _reads_a_collection(attr, sdk):
            return Use(value if index == 0 else None, tuple(attrs[index:]), span, text)
    return None


def _reads_a_collection(attr: str, sdk: SdkView) -> bool:
    """Whether a member read by a name the analysis cannot read (``getattr(raw,
    name)``) may be one of the SDK's collections or top resources."""
    return is_pattern(attr) and any(
        member_matches(attr, name) for name in (*sdk.collections, *sdk.resources[""].children))


def _named_members(attrs: tuple[str, ...], sdk: SdkView) -> list[tuple[str, ...]]:
    """``attrs`` as the chains it may be written out: a member read by a name the
    analysis cannot read (``getattr(raw.messages, name)``, ``*`` after the
    collection) is each operation of that collection, and each method of that API v3
    resource, its pattern allows; read first (``getattr(raw, name).list(grant)``),
    each collection and top resource it allows.  Any other chain is itself."""
    if len(attrs) > 1 and is_pattern(attrs[0]):
        firsts = {*sdk.collections, *sdk.resources[""].children}
        return [chain for first in sorted(firsts) if member_matches(attrs[0], first)
                for chain in _named_members((first, *attrs[1:]), sdk)]
    if not attrs or not is_pattern(attrs[-1]):
        return [attrs]
    pattern, before = attrs[-1], attrs[:-1]
    names: set[str] = set()
    if len(before) == 1 and before[0] in sdk.collections:
        names.update(sdk.collections[before[0]].operations)
    path: str | None = ""
    for attr in before:
        path = sdk.resources[path].children.get(attr) if path is not None else None
    if path:
        names.update(sdk.resources[path].methods)
    return [(*before, name) for name in sorted(names) if member_matches(pattern, name)]


# The callees a module may hold a method in (see ``held_chains``): a name, an element
# of a container, an element a mapping's method gives, an attribute of an object.
_HOLDING_CALLEES = frozenset({"sym", "item", "iter", "part", "call", "attr"})
# The values handed to the project's code that may hold a method (a bare chain is
# looked at by itself).
_HOLDING_VALUES = frozenset({"sym", "item", "iter", "part", "box"})
# The methods by which a container keeps what it is given (lists, deques, sets,
# dicts, queues).
_STORING_METHODS = frozenset({
    "append", "appendleft", "extend", "extendleft", "insert", "add", "setdefault",
    "update", "put", "put_nowait",
})


# Names that say a value is a Nylas client.
_CLIENT_WORDS = ("nylas", "client")
# Words that say so only standing alone in the name of a parameter: API v2 apps call
# the client a framework hands them ``api`` (``def sync(api)``, ``mail_api``), but
# ``therapist`` is no client, and a local or an attribute bound to an object the
# analysis reads (``api = settings.remote``) is told by that object.
_CLIENT_PARAMETER_WORDS = frozenset({"api"})


def _named_like_a_client(value: Val | None) -> bool:
    """Whether the receiver of a call is named like a client anywhere along its
    chain (``client``, ``account.nylas``, ``self.api_client``)."""
    while value is not None:
        name = value.name.rsplit(".", 1)[-1].lower() if value.kind in ("sym", "attr") else ""
        if any(word in name for word in _CLIENT_WORDS):
            return True
        if value.kind == "sym" and value.name.startswith(PARAMETER) and (
                not _CLIENT_PARAMETER_WORDS.isdisjoint(name.split("_"))):
            return True
        value = value.inner
    return False


def named_like_a_client(value: Val | None) -> bool:
    """Whether a receiver is named like a client along its chain (see
    ``_named_like_a_client``)."""
    return _named_like_a_client(value)


def _reads_attribute(value: Val | None, attribute: str) -> bool:
    """Whether a value's chain reads ``attribute`` (``draft.api.drafts``: ``api``)."""
    while value is not None:
        if value.kind == "attr" and value.name == attribute:
            return True
        value = value.inner
    return False


def _calls_a_name(value: Val | None) -> bool:
    """Whether a value is what calling an imported name gives, or read from it
    (``make_client()``, ``make_client().api``): a package outside the project may
    make a client so (see ``unseen_package_root``)."""
    called = False
    while value is not None and value.kind in ("attr", "call", "item", "iter", "part"):
        called = called or value.kind == "call"
        value = value.inner
    return called and value is not None and value.kind == "ref"


def _may_name_a_client(value: Val | None) -> bool:
    """Whether a value may be a client by its own looks, told once every value is
    solved (see ``FlowResolver._names_a_client``)."""
    return _calls_a_name(value) or _named_like_a_client(value)


def _no_bindings(symbol: str) -> Iterable[Val]:
    """No binding of any symbol: a value is told by its own expression."""
    return ()


def _parameters_given_a_client_name(keys: tuple[str, ...], params: tuple[str, ...],
                                    call: CallSite) -> Iterator[tuple[str, Val]]:
    """The parameters a call gives a value that may be a client by its own looks
    (``use(make_client())``, ``use(self.client)``), with that value."""
    for key, argument in zip(keys, call.args):
        if argument is not None and _may_name_a_client(argument):
            yield key, argument
    for keyword, argument in call.kwargs:
        if keyword in params and _may_name_a_client(argument):
            yield keys[params.index(keyword)], argument


def _given_parameters(function: str, keys: tuple[str, ...], params: tuple[str, ...],
                      arguments: _Arguments, vararg: str, kwarg: str) -> Iterator[str]:
    """The parameters of ``function`` a call gives a value (``keys`` are those of
    ``params``, in order)."""
    for position, argument in enumerate(arguments.args):
        if argument != NO_NODE and position < len(keys):
            yield keys[position]
        elif argument != NO_NODE and vararg:
            yield f"{PARAMETER}{function}.{vararg}"
    for keyword, argument in arguments.kwargs:
        if keyword in params:
            yield f"{PARAMETER}{function}.{keyword}"
        elif kwarg:
            yield f"{PARAMETER}{function}.{kwarg}"
    if arguments.star != NO_NODE or arguments.double_star != NO_NODE:
        yield from keys


def _imported_as_nylas(value: Val | None) -> bool:
    """Whether a receiver is imported under a name or from a module that says Nylas
    (``from shared.nylas_setup import client``): a client made outside the project
    (a company package, a sibling of a monorepo), not another library's object."""
    while value is not None and value.kind in ("attr", "call", "item", "iter", "part"):
        value = value.inner
    return value is not None and value.kind == "ref" and "nylas" in value.name.lower()


def _is_parameter(value: Val | None) -> bool:
    """A parameter no project code fills whose name says it holds a Nylas model
    (``def on_message(message): message.save()``): a framework may pass one in.
    ``form.save()`` in a Django view is not taken for one."""
    if value is None or value.kind != "sym" or not value.name.startswith(PARAMETER):
        return False
    name = value.name.rsplit(".", 1)[-1].lower()
    return any(word in name for word in _MODEL_WORDS)


# Methods of lists, dicts, sets and queues: on a container they are followed.
_CONTAINER_METHODS = ELEMENT_METHODS | ELEMENTS_METHODS | PAIRS_METHODS | frozenset({
    "append", "add", "appendleft", "insert", "put", "put_nowait", "push", "extend",
    "extendleft", "update", "remove", "discard", "clear", "sort", "reverse", "index",
    "count", "__iter__",
})


# The name of a handed call's row: this mark, then the rows of what it is handed,
# separated by commas (or a lone symbol's key, see ``_handed_name``).  Every other
# call's row is named "".
_HANDED_MARK = "#"


def _split_method(name: str) -> tuple[str, str, str]:
    """A bound method's owner kind, owner name and method name (a container's
    owner name is its element's ``kind|name``)."""
    owner_kind, _, rest = name.partition("|")
    owner, _, operation = rest.rpartition("|")
    return owner_kind, owner, operation


def _both_generations(objs: Objs) -> bool:
    """Whether a value may be an object of each generation of the SDK."""
    v2 = v3 = False
    for kind, name in objs:
        if kind in ("client", "coll"):
            if name == "v3" or name.startswith(V3_PREFIX):
                v3 = True
            else:
                v2 = True
    return v2 and v3


def _innermost(obj: Obj) -> Obj:
    """What a container (of containers) holds, or the object itself."""
    for _ in range(_MAX_BOX_DEPTH):
        if obj[0] != "box":
            break
        obj = unbox(obj)
    return obj


def _box_depth(obj: Obj) -> int:
    depth = 0
    while obj[0] == "box":
        depth += 1
        obj = unbox(obj)
    return depth


# A symbolic value is interned by the resolver as the number of its row (see
# ``value_nodes``): values equal as dataclasses share one node, so memo lookups cost
# a list index rather than a walk down the value's nesting.


@dataclass(frozen=True, slots=True)
class _Arguments:
    """The interned arguments of a call site (which it keeps alive, see ``_interned``)."""

    call: CallSite
    args: tuple[Node, ...]
    kwargs: tuple[tuple[str, Node], ...]
    star: Node
    double_star: Node


class FlowResolver:
    def __init__(self, modules: Iterable[ModuleFacts], client_names: Iterable[str] = (),
                 changed_registry: Callable[[str], bool] = _never_changed) -> None:
        self.sdk = sdk_view()
        modules = list(modules)
        self.modules = [m for m in modules if m.flow is not None]
        # Whether the project asks for API v2 scopes: then an API v2 model's method
        # on an object the analysis cannot tell counts in any module (see
        # ``_model_method_anywhere``).
        self._asks_v2 = any(site.generation is Generation.V2
                            for module in modules for site in module.sites)
        # Where a name a module gets from a chain of star imports is bound.
        self._star_origins = StarOrigins(modules)
        self.module_names = {m.module for m in self.modules if m.module}
        # ``acme.web.login`` for the module ``login`` of a namespace package.
        self._aliases = namespace_aliases(self.modules)
        # ``a.b.c.d.e.pkg.conn``: more directories in front than the aliases hold.
        self._deep_names = DeepNames(self._aliases, self.modules)
        self._top_packages = {
            name.split(".", 1)[0] for name in (*self.module_names, *self._aliases)}
        self.functions: dict[str, tuple[str, ...]] = {}
        # ``*args`` and ``**kwargs`` of each function that has them.
        self._rest: dict[str, tuple[str, str]] = {}
        self._properties: set[str] = set()
        # The functions that return tuples of one length, and that length.
        self._tuple_sizes: dict[str, int] = {}
        self._param_keys: dict[str, tuple[str, ...]] = {}
        self.classes: set[str] = set()
        # Of each module read with ``getattr`` by a name that cannot be read: its
        # globals' symbols, and its functions and classes.
        self._module_members: dict[str, tuple[tuple[str, ...], Objs]] = {}
        self._nodes = ValueNodes()
        self._kinds, self._names, self._inners = (
            self._nodes.kinds, self._nodes.names, self._nodes.inners)
        # Values already interned, by identity, while one module's records are read:
        # its records share their values (see ``ValTable``), those of two modules
        # never do, so the table is emptied after each module.
        self._interned: dict[int, Node] = {}
        # The values ``_intern_shared`` put in that table while a module is judged,
        # kept alive until it is emptied: a value made for the time of one question
        # (``_lost_on_the_way`` builds the steps of a chain) would otherwise free its
        # identity for another value, which would then be read as the first.
        self._interned_alive: list[Val] = []
        # Whether ``resolve`` interns through that table: while the records of one
        # module are judged (see ``module_records``).
        self._sharing = False
        # The bindings of the module being judged, and its symbols bound to a model's
        # client (see ``_symbols_reading``), found once that module asks.
        self._module_edges: Sequence[Edge] = ()
        self._v3_shaped_calls: AbstractSet[Span] = frozenset()
        self._v3_create_calls: AbstractSet[Span] = frozenset()
        self._model_client_symbols: frozenset[str] | None = None
        # The SDK's collection and resource names (see ``_names_sdk_member``).
        self._sdk_member_names: frozenset[str] | None = None
        self._outside_symbols: frozenset[str] | None = None
        self._module_bindings: Mapping[str, list[Val]] | None = None
        # The names of which a chain's attributes must hold one for ``_chain_use``
        # to see a use (see ``_may_name_a_use``).
        self._chain_use_names: frozenset[str] | None = None
        # The symbols of the module being judged whose bindings may give an attribute
        # of one of those names (see ``naming_symbols``), found once that module asks.
        self._naming_symbols: frozenset[str] | None = None
        # What each symbol may hold, in the order the edges were added: most symbols
        # have one edge, kept as its node rather than a list of one.
        self.edges: dict[str, Node | list[Node]] = {}
        self._edge_members: dict[str, set[Node]] = {}
        # What each symbol holds: one shared frozen set per distinct content (a
        # hundred or so for 18,000 symbols in a large project), replaced by another
        # when the symbol gains an object.  A set of its own per symbol, grown in
        # place, was the largest part of the fixpoint's working memory.
        self._growing: dict[str, Objs] = {}
        self.values: Mapping[str, Objs] = self._growing
        # The interned callee of every call site, in the order of ``_call_sites``: the
        # calls are bound to parameters every round (a large project has ~100,000).
        # A column of numbers: an integer object per call site in a list was 3 MB of
        # a large project's fixpoint.
        self._callees = array("i")
        # Where each module's calls start in that column, by the identity of its
        # list of calls (kept alive here, so that the identity stands for it alone):
        # while a module is judged, each call's callee is its row already (see
        # ``module_records``), not interned again link by link.
        self._call_offsets: dict[int, tuple[Sequence[CallSite], int]] = {}
        self._call_arguments: dict[int, _Arguments] = {}
        # By call site (alive in the facts): the functions its arguments are bound to.
        self._bound: dict[int, set[str]] = {}
        # ``owner.attr = value`` stores as (owner, attr, value), followed into
        # instances every round.
        self._stores: list[tuple[Node, str, Node]] = []
        # What modules that never name Nylas are given by the rest of the project
        # (see ``_find_client_like_holders``): their functions and the symbols their
        # bindings fill; the parameters of those functions a call made in a module
        # that mentions Nylas fills; the indices in ``_stores`` of the stores such a
        # module makes; and the symbols of the quiet modules bound to (or parameters
        # given) what calling an imported name gives (``conn = make_client()``) or
        # a value named like a client (``raw = _local.client``), kept with that
        # value until it can be told whether it is another library's.
        self._nylas_paths = frozenset(m.path for m in self.modules if m.mentions_nylas)
        self._quiet_functions: set[str] = set()
        self._quiet_targets: list[str] = []
        self._given_by_nylas_calls: set[str] = set()
        self._nylas_module_stores: list[int] = []
        self._maybe_client_values: list[tuple[str, Val]] = []
        # ``Digest.send = other`` on a class of the project: the ``class.attribute``
        # names of the methods replaced (or added) on a class from outside its body,
        # whose calls run code the analysis does not tie to them (see
        # ``_replaced_method_call``).  Empty for almost every project.
        self._replaced_members: set[str] = set()
        # The generic functions whose ``register`` some module uses in a way the
        # analysis has no rule for: what they are called with may reach code it
        # cannot tell (see ``dispatch_functions``).
        self._untold_dispatch: set[str] = set()
        # Items written into a container through a name (see ``registry_writes``):
        # the writing module, the name, the value written and its node.
        writes: list[tuple[ModuleFacts, Val, Val, Node]] = []
        # The module-level containers (as the symbols of their own modules) that hold
        # a value written from elsewhere that the analysis cannot tell.
        self._untold_registries: set[str] = set()
        # Whether code the analysis does not follow may write into a module-level
        # container, by dotted name: told by the judge, which reads every module's
        # changes (see ``written_registries``).
        self.changed_registry = changed_registry
        # What Django middleware stores on the request (see ``request_slots``): the
        # attribute names, and where the stores are (followed, not lost).
        slots: set[str] = set()
        self._slot_stores: set[Span] = set()
        for module in self.modules:
            assert module.flow is not None
            nylas_code = module.mentions_nylas
            for function in module.flow.functions:
                self.functions[function.qualname] = function.params
                if not nylas_code:
                    self._quiet_functions.add(function.qualname)
                if function.is_property:
                    self._properties.add(function.qualname)
                if function.tuple_size:
                    self._tuple_sizes[function.qualname] = function.tuple_size
                if function.vararg or function.kwarg:
                    self._rest[function.qualname] = (function.vararg, function.kwarg)
            self.classes.update(module.flow.classes)
            for edge in module.flow.edges:
                self._add_edge(edge.target, self._intern_record(edge.value))
                if not nylas_code:
                    self._quiet_targets.append(edge.target)
                    if _may_name_a_client(edge.value):
                        self._maybe_client_values.append((edge.target, edge.value))
            calls = module.flow.calls
            self._call_offsets[id(calls)] = (calls, len(self._callees))
            self._callees.extend(self._intern_record(call.callee) for call in calls)
            for store in module.flow.stores:
                if store.attr == ITEM_WRITE:
                    writes.append((module, store.owner, store.value,
                                   self._intern_record(store.value)))
                elif middleware_store(store, module.flow.classes):
                    slots.add(store.attr)
                    self._slot_stores.add(store.span)
                    self._add_edge(slot(store.attr), self._intern_record(store.value))
                else:
                    if nylas_code:
                        self._nylas_module_stores.append(len(self._stores))
                    self._stores.append((self._intern_record(store.owner), store.attr,
                                         self._intern_record(store.value)))
            self._interned.clear()
        # The classes whose methods set attributes of their instances by names known
        # only at run time (``setattr(self, key, value)``): every attribute read on
        # them may be such a value (see ``_instance_attribute``).
        suffix = f".{RUN_TIME_NAMES}"
        self._run_time_attributes = frozenset(
            qualified_name(target)[:-len(suffix)] for target in self.edges
            if target.startswith(ATTRIBUTE) and target.endswith(suffix))
        self._request_slots = frozenset(slots)
        # The project classes each class derives from, directly; and which classes
        # derive from the SDK's client.
        self._bases: dict[str, set[str]] = {}
        # The same bases in the order the class statement writes them, and the method
        # resolution order they give each class.
        self._written_bases: dict[str, list[str]] = {}
        self._orders: dict[str, list[str]] = {}
        self._families: dict[str, list[str]] = {}
        self._storing: dict[str, list[str]] = {}
        self._methods_run: dict[tuple[str, str, bool], list[str]] = {}
        # Each class's direct subclasses, and the order ``_bases`` met the classes in.
        self._subclasses: dict[str, list[str]] | None = None
        self._class_order: dict[str, int] = {}
        # Project classes deriving from an SDK client, with the client's name.
        self._client_classes: dict[str, str] = {}
        # The classes naming one of Django's model classes as a base (those deriving
        # from them are found through ``ancestors``): see ``django_models``.
        self._django_models = model_classes(modules)
        # The classes that bind the manager's attribute themselves (``objects =
        # AccountQuerySet.as_manager()``), read before the fixpoint lets go of the
        # edges; a store from outside (``Account.objects = ...``) adds its class.
        manager = f".{MANAGER_ATTRIBUTE}"
        self._manager_binders: set[str] = {
            qualified_name(key)[:-len(manager)] for key, nodes in self.edges.items()
            if key.endswith(manager) and key.startswith(ATTRIBUTE)
            and not self._default_managers(nodes)
        } if self._django_models else set()
        # Project classes deriving from an SDK helper class (``Routes``), with it.
        self._helper_bases: dict[str, str] = {}
        self._client_names = frozenset(client_names)
        # The places that hold an HTTP client with a base URL (see ``HeldClient``).
        self._held_clients = frozenset(
            client.symbol for module in modules for client in module.held_clients)
        # Filled once the fixpoint is reached: what an escaping object could need.
        self._reached: dict[Obj, frozenset[str] | None] = {}
        # The same for the helpers (see ``helpers_reached``), once any is held.
        self._helpers: dict[Obj, frozenset[str] | None] = {}
        # The same for the HTTP clients with a base URL (see ``held_clients_reached``).
        self._held_reached: dict[Obj, frozenset[str] | None] = {}
        self._helper_held: bool | None = None
        # Where an instance of an SDK helper that requests scopes (``Routes``)
        # reaches code the analysis does not follow: the helper's class and how.
        # Such code may make the helper's request with any scopes.
        self.lost_requests: dict[Span, tuple[str, str]] = {}
        # Where a client reaches ``getattr()`` (see ``chosen_methods``).
        self.clients_to_getattr: set[Span] = set()
        self._holdings: dict[str, list[Objs]] | None = None
        # By method name: what the project's methods of that name return (after
        # solving), for calls on objects the analysis cannot tell.
        self._method_returns: dict[str, Objs] | None = None
        # By attribute name: what the project's properties return and its classes'
        # instances hold under that name (after solving).
        self._attribute_values: dict[str, Objs] | None = None
        # Both, as an object the analysis cannot tell may give them.
        self._unknown_values: dict[str, Objs] | None = None
        # What each lost object may be (see ``_lost_value``), by its name; the
        # methods of the project's classes, by class and by name.
        self._lost_values: dict[str, tuple[frozenset[Obj], bool]] = {}
        self._lost_computing: set[str] = set()
        self._class_methods: dict[str, list[str]] | None = None
        self._methods_named: dict[str, list[str]] = {}
        # What each node resolves to, by node; None: not resolved yet in this round.
        self._memo: list[Objs | None] = []
        self._results: dict[Objs, Objs] = {}
        # The module globals some edge gives a value (``edges`` while solving).
        self._globals: AbstractSet[str] = self.edges.keys()
        # Why the analysis stopped following values before the end, in words for a
        # message; "" while it has not (see ``converged``).
        self.gave_up = ""
        # The attribute names whose reading on an object the analysis cannot tell
        # makes a ``lost`` object (see ``_follow_unknown_objects``); empty while the
        # project's own values are solved.
        self._lost_names: frozenset[str] = frozenset()
        # The names that only ever hold another library's client (see
        # ``_foreign_clients``), known once the project's values are solved.
        self._foreign: frozenset[str] = frozenset()
        # The symbols that hold something and also what the analysis cannot follow
        # (see ``_find_partly_untold``), known once every value is solved.
        self._partly_untold: frozenset[str] = frozenset()
        # The symbols holding nothing the analysis can tell that may hold what is a
        # client where it is made (see ``_find_client_like_holders``), known once
        # every value is solved.
        self._client_like_holders: ClientLikeHolders | None = None
        # The protocol methods the project's classes define (most projects none): a
        # read or a call of an instance asks for them only then.
        self._protocols = frozenset(
            method for method in ("__call__", "__get__", "__getattr__")
            if any(function.endswith("." + method) for function in self.functions))
        self._join_item_writes(writes)
        self._solve()
        # The project classes whose base the analysis cannot read, with that base as
        # written: found from the bases' edges before the fixpoint lets go of them.
        self._unseen_bases = self._find_unseen_bases()
        # The attributes each class's instances (or the class) hold, for those of
        # the classes above: found once, when the first module asks.
        self._held_attributes: dict[str, list[str]] | None = None
        self._drop_fixpoint_state()

    def _join_item_writes(self, writes: Sequence[tuple[ModuleFacts, Val, Val, Node]]) -> None:
        """Join each item written into a container through a name (``SYNCS[key] =
        ContactSync`` with ``SYNCS`` imported) to every name that may hold the
        container, its own module's binding included.  A written value the analysis
        cannot tell (another library's class, what a call gives) leaves the
        container holding what it does not know."""
        bindings: dict[str, Mapping[str, list[Val]]] = {}
        ref_code, sym_code = KIND_NAMES.index("ref"), KIND_NAMES.index("sym")
        kinds, names = self._kinds, self._names

        def bound_names(symbol: str) -> Iterator[tuple[str, str]]:
            nodes = self.edges.get(symbol)
            if nodes is None:
                return
            for node in nodes if isinstance(nodes, list) else (nodes,):
                if kinds[node] in (ref_code, sym_code):
                    yield KIND_NAMES[kinds[node]], names[node]

        by_name = {module.module: module for module in self.modules}

        def module_bindings(module: ModuleFacts) -> Mapping[str, list[Val]]:
            table = bindings.get(module.path)
            if table is None:
                assert module.flow is not None
                table = bindings[module.path] = bindings_by_symbol(module.flow.edges)
            return table

        def holds_untold(symbol: str) -> bool:
            """Whether a module global's own bindings may put in it what the
            analysis cannot tell (``SYNCS = plugins.Registry()``)."""
            module = by_name.get(qualified_name(symbol).rpartition(".")[0])
            return module is None or may_be_untold(
                Val("sym", symbol), module_bindings(module), self._external_name, strict=True)

        for module, owner, value, node in writes:
            targets = written_symbols((owner.kind, owner.name), self._global_symbol,
                                      bound_names)
            for target in targets:
                self._add_edge(target, node)
            registries = [target for target in targets if target.startswith(GLOBAL)]
            if not targets or may_be_untold(value, module_bindings(module),
                                            self._external_name, strict=True):
                self._untold_registries.update(registries)
                if owner.kind == "ref":
                    self._untold_registries.add(f"{GLOBAL}{owner.name}")
            else:
                self._untold_registries.update(
                    target for target in registries if holds_untold(target))

    def _global_symbol(self, name: str) -> str | None:
        """The module global a dotted name is, through a namespace package's other
        names for its module; None for a name no module of the project binds."""
        parts = name.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            module = self._aliases.get(".".join(parts[:cut]))
            if module is not None:
                name = ".".join((module, *parts[cut:]))
                break
        else:
            name = self._deep_names.place(name) or name
        symbol = f"{GLOBAL}{name}"
        if symbol in self.edges or name.rpartition(".")[0] in self.module_names:
            # (A module's ``SYNCS = {}`` gives the name no value to hold.)
            return symbol
        return None

    # -- interning ---------------------------------------------------------------------

    def _node(self, kind: str, name: str, inner: Node) -> Node:
        return self._nodes.node(kind, name, inner)

    def _intern(self, value: Val | None) -> Node:
        if value is None:
            return NO_NODE
        if value.inner is None:
            # Most values are a bare symbol or name: their row is found as fast as the
            # value itself would be.
            return self._nodes.node(value.kind, value.name, NO_NODE)
        return self._intern_chain(value)

    def _intern_shared(self, value: Val | None) -> Node:
        """``_intern`` for a value of the module being read: records share values,
        whose chains are walked once."""
        if value is None or value.inner is None:
            return self._intern(value)
        node = self._interned.get(id(value))
        if node is None:
            # Link by link, as the records are gathered: a use's callee and its
            # receiver (``callee.inner``) are asked about in turn, and share links.
            # The value kept alive keeps every link of its chain alive with it.
            node = self._intern_links(value)
            self._interned_alive.append(value)
        return node

    def _intern_record(self, value: Val | None) -> Node:
        """``_intern_shared`` for a value one of the module's records holds, while the
        project's records are gathered: every link of its chain is a value of the
        module's facts too (alive while they are read), so each link is interned once
        and a chain stops at the first link interned before.  Walking each chain
        whole made as many rows looked up again as the chains held links."""
        if value is None or value.inner is None:
            return self._intern(value)
        node = self._interned.get(id(value))
        if node is not None:
            return node
        return self._intern_links(value)

    def _intern_links(self, value: Val) -> Node:
        """The row of a chain not interned yet, each of its links interned by
        identity in ``_interned`` (see ``_intern_record``): the same rows, added in
        the same order, as ``_intern_chain`` gives."""
        interned = self._interned
        chain: list[Val] = []
        link: Val | None = value
        node = NO_NODE
        while link is not None:
            known = interned.get(id(link))
            if known is not None:
                node = known
                break
            if type(link) is HandedCall:
                # What it is handed is interned by ``_intern_handed``, as
                # ``_intern_chain`` does; the links over it as any other.
                node = interned[id(link)] = self._intern_handed(link, interned)
                break
            chain.append(link)
            link = link.inner
        intern = self._nodes.node
        for link in reversed(chain):
            node = interned[id(link)] = intern(link.kind, link.name, node)
        return node

    def _intern_chain(self, value: Val) -> Node:
        # Walk the nesting without recursion: facts read from a cache may nest deeply.
        chain: list[Val] = []
        link: Val | None = value
        handed = False
        while link is not None:
            chain.append(link)
            handed = handed or type(link) is HandedCall
            link = link.inner
        if handed:
            return self._intern_handed(value)
        node = NO_NODE
        intern = self._nodes.node
        for link in reversed(chain):
            node = intern(link.kind, link.name, node)
        return node

    def _intern_handed(self, value: Val, done: dict[int, Node] | None = None) -> Node:
        """``_intern_chain`` of a value that holds handed calls, whose handed values
        are interned too (without recursion: they may be calls handed calls).  A
        handed call's row is named for the rows of what it is handed (see
        ``_handed_nodes``): equal calls share a row, as other values do.  ``done``:
        the rows of values interned before, by identity, when every value it names
        is alive (``_interned``): the values a module's handed calls are handed are
        often handed to its other calls too."""
        if done is None:
            done = {}
        pending: list[tuple[Val, bool]] = [(value, False)]
        intern = self._nodes.node
        while pending:
            link, ready = pending.pop()
            if id(link) in done:
                continue
            parts = link.handed_values if type(link) is HandedCall else ()
            if not ready:
                pending.append((link, True))
                pending.extend((part, False) for part in parts)
                if link.inner is not None:
                    pending.append((link.inner, False))
                continue
            inner = NO_NODE if link.inner is None else done[id(link.inner)]
            name = self._handed_name(parts, done) if parts else link.name
            done[id(link)] = intern(link.kind, name, inner)
        return done[id(value)]

    def _handed_name(self, parts: tuple[Val, ...], done: dict[int, Node]) -> str:
        """The name of the row of a call handed ``parts`` (interned in ``done``):
        a lone symbol's own key, which the facts hold already, else the mark and the
        rows' numbers.  (No symbol key starts with the mark.)"""
        if len(parts) == 1 and parts[0].kind == "sym" and parts[0].inner is None:
            return parts[0].name
        return _HANDED_MARK + ",".join(str(done[id(part)]) for part in parts)

    def _handed_nodes(self, name: str) -> list[Node]:
        """The rows of what a call is handed, from the name of its row."""
        if not name:
            return []
        if name.startswith(_HANDED_MARK):
            return [int(part) for part in name[len(_HANDED_MARK):].split(",")]
        return [self._node("sym", name, NO_NODE)]

    def _arguments(self, call: CallSite) -> _Arguments:
        """The interned arguments of a call: needed only when it calls project code."""
        known = self._call_arguments.get(id(call))
        if known is None:
            known = self._call_arguments[id(call)] = _Arguments(
                call,
                tuple(self._intern(argument) for argument in call.args),
                tuple((keyword, self._intern(argument)) for keyword, argument in call.kwargs),
                self._intern(call.star),
                self._intern(call.double_star),
            )
        return known

    def _add_edge(self, target: str, node: Node) -> bool:
        nodes = self.edges.get(target)
        if nodes is None:
            self.edges[target] = node
            return True
        if not isinstance(nodes, list):
            if nodes == node:
                return False
            self.edges[target] = [nodes, node]
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

    # -- classes -----------------------------------------------------------------------

    def _find_bases(self) -> bool:
        """Read each class's bases from its ``c:`` edges; True when something new."""
        changed = False
        for target, nodes in self.edges.items():
            if not target.startswith(BASES):
                continue
            name = qualified_name(target)
            written: list[str] = []
            for node in nodes if isinstance(nodes, list) else (nodes,):
                for kind, base in sorted(self._resolve_node(node, 0)):
                    if kind == "class" and base not in written:
                        written.append(base)
                    if kind == "class" and base not in self._bases.setdefault(name, set()):
                        self._bases[name].add(base)
                        changed = True
                    elif kind == "nylas_class" and name not in self._client_classes:
                        self._client_classes[name] = base
                        changed = True
                    elif kind == "helper_class" and name not in self._helper_bases:
                        self._helper_bases[name] = base
                        changed = True
            if written != self._written_bases.get(name, []):
                self._written_bases[name] = written
                changed = True
        # A subclass of a subclass of the client is a client too.
        grown = True
        while grown:
            grown = False
            for name, bases in self._bases.items():
                for derived in (self._client_classes, self._helper_bases):
                    if name in derived:
                        continue
                    for parent in sorted(bases):
                        if parent in derived:
                            derived[name] = derived[parent]
                            grown = changed = True
                            break
        return changed

    def _find_unseen_bases(self) -> dict[str, str]:
        """The classes with a base the analysis cannot read (see ``unseen_bases``)."""
        kinds, inners, names = self._kinds, self._inners, self._names
        attr_kinds = {KIND_NAMES.index(kind) for kind in ("attr", "call", "item")}

        item = KIND_NAMES.index("item")

        def reads_as_class(node: object) -> bool:
            assert isinstance(node, int)
            if any(kind in _READ_BASE_KINDS for kind, _ in self._resolve_node(node, 0)):
                return True
            # ``Repo[Message]``: a parametrised class is that class as a base (its
            # alias's ``__mro_entries__`` gives it), whatever the parameters.
            return kinds[node] == item and inners[node] != NO_NODE and any(
                kind in _READ_BASE_KINDS for kind, _ in self._resolve_node(inners[node], 0))

        def root_of(node: object) -> BaseRoot:
            assert isinstance(node, int)
            while node != NO_NODE and kinds[node] in attr_kinds:
                node = inners[node]
            if node == NO_NODE:
                return ("other", "")
            kind = KIND_NAMES[kinds[node]]
            if kind == "ref":
                return ("ref", names[node])
            return ("sym", names[node]) if kind == "sym" else ("other", "")

        def bound(root: BaseRoot) -> list[Node]:
            kind, name = root
            nodes = self.edges.get(f"{GLOBAL}{name}" if kind == "ref" else name, [])
            return nodes if isinstance(nodes, list) else [nodes]

        found: dict[str, str] = {}
        for target, nodes in self.edges.items():
            if not target.startswith(BASES):
                continue
            listed = nodes if isinstance(nodes, list) else [nodes]
            # A subscripted base is kept with its container beside it (``BASES`` of
            # ``BASES['repo']``, ``Repo`` of ``Repo[Message]``): the container of a
            # base read as a class is no base of its own.
            containers = {inners[node] for node in listed
                          if kinds[node] == item and reads_as_class(node)}
            for node in listed:
                if node in containers:
                    continue
                base = unseen_base(node, reads_as_class, root_of, self._external_name, bound)
                if base is not None:
                    found.setdefault(qualified_name(target), base)
                    break
        return found

    def unseen_base_escapes(self, classes: Iterable[str], functions: Sequence[Function],
                            path: str) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
        """The Nylas values stored on instances of the module's classes with a base
        the analysis cannot read: that base's methods may use them unseen.  Said at
        the class's first method (or the module's first line)."""
        endpoints: list[EndpointUse] = []
        unresolved: list[UnresolvedUse] = []
        for klass in classes:
            base = self._unseen_bases.get(klass)
            if base is None:
                continue
            span = next((function.span for function in functions
                         if function.span is not None
                         and function.qualname.startswith(f"{klass}.")),
                        Span(path, 1, 0, 1, 0))
            shown = klass.rpartition(".")[2]
            how = (f"stored on an instance of {shown}, whose base {base} the analysis "
                   "cannot read (its methods may use it)" if base else
                   f"stored on an instance of {shown}, one of whose bases the analysis "
                   "cannot resolve (its methods may use it)")
            held = self._attributes_held()
            for storing in self._storing_classes(klass):
                for attribute in held.get(storing, ()):
                    objs = self.values.get(f"{ATTRIBUTE}{storing}.{attribute}", _NOTHING)
                    found, lost = self._lost(objs, span, how, f"self.{attribute}")
                    endpoints += found
                    unresolved += lost
        return endpoints, unresolved

    def _attributes_held(self) -> dict[str, list[str]]:
        """The attributes the instances of each class that may share an instance
        with a class of an unseen base hold (see ``_storing_classes``)."""
        held = self._held_attributes
        if held is None:
            wanted = {storing for klass in self._unseen_bases
                      for storing in self._storing_classes(klass)}
            held = {}
            for key in self.values if wanted else ():
                if key.startswith(ATTRIBUTE):
                    klass, _, attribute = qualified_name(key).rpartition(".")
                    if klass in wanted:
                        held.setdefault(klass, []).append(attribute)
            self._held_attributes = held
        return held

    def ancestors(self, name: str) -> list[str]:
        """The class and the project classes it derives from, nearest first."""
        found = [name]
        index = 0
        while index < len(found) and len(found) < 50:
            for base in sorted(self._bases.get(found[index], ())):
                if base not in found:
                    found.append(base)
            index += 1
        return found

    def _family(self, name: str) -> list[str]:
        """The class, its ancestors and its descendants: ``self.x`` in any of them may
        be what another stored (a base's ``__init__`` sets what a subclass reads)."""
        family = self._families.get(name)
        if family is None:
            family = self.ancestors(name)
            descendants = self._descendants(name)
            if descendants:
                known = set(family)
                order = self._class_order
                family += sorted((other for other in descendants if other not in known),
                                 key=order.__getitem__)
            self._families[name] = family
        return family

    def _storing_classes(self, name: str) -> list[str]:
        """The classes whose methods may store on an instance that a method of ``name``
        reads: its family and what each descendant derives from besides.  A mixin's
        ``self.client`` is what another base of the class combining them stores
        (``class Service(CalendarMixin, NylasBase)``, ``NylasBase.__init__`` sets it)."""
        storing = self._storing.get(name)
        if storing is None:
            storing = list(self._family(name))
            known = set(storing)
            for descendant in sorted(self._descendants(name)):
                for other in self.ancestors(descendant):
                    if other not in known:
                        known.add(other)
                        storing.append(other)
            self._storing[name] = storing
        return storing

    def _descendants(self, name: str) -> set[str]:
        """The project classes deriving from a class, directly or not.  Found from
        each class's subclasses, built once: asking every class for its ancestors, for
        every family, took a framework's thousands of classes quadratic time."""
        if self._subclasses is None:
            subclasses: dict[str, list[str]] = {}
            for other, bases in self._bases.items():
                for base in bases:
                    subclasses.setdefault(base, []).append(other)
            self._subclasses = subclasses
            self._class_order = {other: index for index, other in enumerate(self._bases)}
        found: set[str] = set()
        pending = [name]
        while pending:
            for other in self._subclasses.get(pending.pop(), ()):
                if other not in found:
                    found.add(other)
                    pending.append(other)
        return found

    def method_order(self, name: str) -> list[str]:
        """The class and the project classes it derives from, in the order Python looks
        a method up (the nearest first where the bases give no order Python accepts)."""
        order = self._orders.get(name)
        if order is None:
            order = self._orders[name] = (
                linearize(name, self._written_bases) or self.ancestors(name))
        return order

    def _method(self, owner: str, name: str, skip_own: bool = False) -> str | None:
        for klass in self.method_order(owner)[1 if skip_own else 0:]:
            if f"{klass}.{name}" in self.functions:
                return f"{klass}.{name}"
        return None

    def _runs(self, owner: str, name: str, after_owner: bool = False) -> list[str]:
        """The methods ``self.name`` (``super().name`` with ``after_owner``) written in
        the class ``owner`` may run: the object may be of any class deriving from it,
        whose method resolution order may put an override or a mixin's method first."""
        key = (owner, name, after_owner)
        known = self._methods_run.get(key)
        if known is not None:
            return known
        methods: list[str] = []
        for klass in self._family(owner):
            order = self.method_order(klass)
            if owner not in order:
                continue
            start = order.index(owner) + 1 if after_owner else 0
            method = next((f"{other}.{name}" for other in order[start:]
                           if f"{other}.{name}" in self.functions), None)
            if method is not None and method not in methods:
                methods.append(method)
        # Asked again for every read of ``self.name`` in every round: a large class
        # family (a framework's base class) made this most of the fixpoint's time.
        self._methods_run[key] = methods
        return methods

    def _instance_attribute(self, owner: str, name: str) -> Objs:
        """``instance.name``: a method, or what the family's instances store there."""
        found = self._members_read(self._runs(owner, name))
        run_time = self._run_time_attributes
        for klass in self._storing_classes(owner):
            found |= self.values.get(f"{ATTRIBUTE}{klass}.{name}", _NOTHING)
            if klass in run_time:
                found |= self.values.get(f"{ATTRIBUTE}{klass}.{RUN_TIME_NAMES}", _NOTHING)
        if owner in self._client_classes:
            found |= self._attribute(("client", self._client_classes[owner]), name,
                                     subclassed=True)
        # A descriptor the class holds gives what its ``__get__`` returns (``contacts =
        # ContactsField()``, read as ``Directory().contacts``); an attribute no class
        # of the family has, what ``__getattr__`` returns.
        if "__get__" in self._protocols:
            for _, held in [obj for obj in found if obj[0] == "inst"]:
                found |= self._returned_by(held, "__get__")
        if not found and "__getattr__" in self._protocols:
            found |= self._returned_by(owner, "__getattr__")
        return self._shared(found)

    def _members_read(self, methods: Iterable[str]) -> set[Obj]:
        """What reading members that are ``methods`` gives: a method, or what a
        property returns (it is read without a call)."""
        found: set[Obj] = set()
        for function in methods:
            if function in self._properties:
                found |= self.values.get(f"{RETURNED}{function}", _NOTHING)
            else:
                found.add(("func", function))
        return found

    def _returned_by(self, owner: str, method: str) -> Objs:
        """What the ``method`` an instance of ``owner`` runs returns (none where its
        family defines none)."""
        found: Objs = _NOTHING
        for function in self._runs(owner, method):
            found = found | self.values.get(f"{RETURNED}{function}", _NOTHING)
        return found

    def _instance(self, name: str) -> Objs:
        if name in self._client_classes:
            return frozenset({("inst", name), ("client", self._client_classes[name])})
        if name in self._helper_bases and not self._overrides_helper(name):
            return frozenset({("inst", name), ("helper", self._helper_bases[name])})
        return frozenset({("inst", name)})

    def _bare_helper_class(self, obj: Obj) -> bool:
        """Whether ``obj`` is a class of the project that adds nothing to an SDK
        helper (``class AppRoutes(Routes): pass``, or a bare class of such a class):
        calling it runs the helper's own constructor, which holds the client it is
        given as ``Routes(client)`` does, for the helper's request alone."""
        kind, name = obj
        seen: set[str] = set()
        while kind == "class" and name not in seen:
            seen.add(name)
            bases = self.values.get(f"{BARE_CLASS}{name}", _NOTHING)
            if len(bases) != 1:
                return False
            ((kind, name),) = bases
        return kind == "helper_class"

    def _overrides_helper(self, name: str) -> bool:
        """Whether a project class deriving from an SDK helper (or a class between)
        defines a request method of the helper's itself: its calls are then its own,
        read where it is written, not the helper's with the helper's arguments."""
        helper = self._helper_bases[name]
        methods = [method for method, owner in self.sdk.auth_url_helper_methods.items()
                   if owner == helper]
        return any(f"{klass}.{method}" in self.functions
                   for klass in self.ancestors(name) for method in methods)

    # -- resolution --------------------------------------------------------------------

    def resolve(self, value: Val | None, depth: int = 0) -> Objs:
        node = self._intern_shared(value) if self._sharing else self._intern(value)
        return self._resolve_node(node, depth)

    @contextlib.contextmanager
    def module_records(self, edges: Sequence[Edge] = (),
                       v3_shaped_calls: AbstractSet[Span] = frozenset(),
                       v3_create_calls: AbstractSet[Span] = frozenset(),
                       calls: Sequence[CallSite] = ()) -> Iterator[None]:
        """Judge the records of one module: each value they share is interned once,
        not at every record that holds it.  Values are interned by identity
        meanwhile: those of its facts are alive while it is judged, and one made
        for a single question is kept alive until the end (``_interned_alive``), so
        that an identity never stands for two values.  ``edges`` are the module's
        bindings (the fixpoint's are let go by then), read where a use asks what a
        name was bound to; ``v3_shaped_calls`` its calls shaped as API v3's ``create`` (see
        ``FlowFacts.v3_shaped_calls``), and ``v3_create_calls`` those of them that
        no other library's ``create`` is shaped as.  ``calls`` are the module's call
        sites: those the fixpoint read have their callees' rows already."""
        self._sharing = True
        self._seed_callees(calls)
        self._module_edges = edges
        self._v3_shaped_calls = v3_shaped_calls
        self._v3_create_calls = v3_create_calls
        try:
            yield
        finally:
            self._sharing = False
            self._interned.clear()
            self._interned_alive.clear()
            self._module_edges, self._model_client_symbols = (), None
            self._v3_shaped_calls = self._v3_create_calls = frozenset()
            self._outside_symbols = self._module_bindings = None
            self._naming_symbols = None

    def _seed_callees(self, calls: Sequence[CallSite]) -> None:
        """Put the rows the fixpoint gave the callees of ``calls`` in the table of
        values interned by identity.  Sound: they are the same values, alive in the
        module's facts while it is judged, and a row is never changed once made, so
        interning them again would give the same rows.  Only the list of calls the
        gathering read (the same object, kept alive with its offset) is seeded."""
        known = self._call_offsets.get(id(calls))
        if known is None or known[0] is not calls:
            return
        offset = known[1]
        interned, callees = self._interned, self._callees
        for index, call in enumerate(calls, offset):
            callee = call.callee
            if callee is not None and callee.inner is not None:
                # (A bare name is found as fast as its row would be.)
                interned[id(callee)] = callees[index]

    def _resolve_node(self, node: Node, depth: int) -> Objs:
        if node == NO_NODE:
            return _NOTHING
        if depth > _MAX_VALUE_DEPTH:
            # What the value holds below is not read: it may hold a client.
            self._give_up(f"a value is nested more than {_MAX_VALUE_DEPTH} levels deep")
            return _NOTHING
        # Cleared at the start of each round of the fixpoint: a round that changes
        # nothing sees exactly what fresh resolution would, so the result is the same.
        memo = self._memo
        if node < len(memo):
            known = memo[node]
            if known is not None:
                return known
        else:
            memo.extend(repeat(None, len(self._names) - len(memo)))
        found = self._evaluate(node, depth)
        memo[node] = found
        return found

    def _shared(self, found: Objs) -> Objs:
        """One frozen set per distinct result (see ``Objs``)."""
        if not found:
            return _NOTHING
        frozen = frozenset(found)
        return self._results.setdefault(frozen, frozen)

    def _evaluate(self, node: Node, depth: int) -> Objs:
        kind = KIND_NAMES[self._kinds[node]]
        name = self._names[node]
        if kind == "client":
            return _ONLY_CLIENT
        if kind == "sym":
            if name.startswith(ATTRIBUTE):
                owner, _, attribute = qualified_name(name).rpartition(".")
                return self._instance_attribute(owner, attribute)
            # The symbol's own set, which grows during a round of the fixpoint.
            return self.values.get(name, _NOTHING)
        if kind == "ref":
            found_ref = self._resolve_ref(name)
            if not found_ref and self._lost_names and app_object_proxy(name):
                # ``current_user.outgoing``: an attribute of the app's object.
                return self._proxy_attribute(name, depth)
            return self._shared(found_ref)
        if kind == "self":
            return self._instance(name) if name else _NOTHING
        if kind == "super":
            return frozenset({("super", name)}) if name else _NOTHING
        if kind == "unknown":
            return _UNREAD if name == UNREAD_MODULE else _NOTHING
        inner_node = self._inners[node]
        inner = self._resolve_node(inner_node, depth + 1)
        found: set[Obj] = set()
        if kind == "attr":
            read = self._attribute_of(inner, name)
            if name in self._request_slots and self._reads_request(inner_node):
                # ``request.nylas`` in a view: what middleware stores there.
                read = self._shared({*read, *self.values.get(slot(name), _NOTHING)})
            if name in self._lost_names and all(obj[0] == "lost" for obj in inner) and (
                    not self._external_node(inner_node)):
                return self._shared({*read, ("lost", name)})
            return read
        elif kind == "call":
            found |= self._call(inner_node, inner, depth, name)
        elif kind in ("iter", "item"):
            for obj in inner:
                found |= self._elements(obj)
        elif kind == "part":
            found |= self._part(inner_node, inner, name, depth)
        elif kind == "box":
            # What is made from a ``lost`` object is the same ``lost`` object.
            found = {box(obj) for obj in inner
                     if _box_depth(obj) < _MAX_BOX_DEPTH and obj[0] != "lost"}
            found |= {obj for obj in inner
                      if _box_depth(obj) >= _MAX_BOX_DEPTH or obj[0] == "lost"}
        elif kind == "instance":
            for obj_kind, obj_name in inner:
                if obj_kind == "class":
                    found |= self._instance(obj_name)
                elif obj_kind == "nylas_class":
                    found.add(("client", obj_name))
                elif obj_kind == "helper_class":
                    found.add(("helper", obj_name))
                elif obj_kind == "model_class":
                    found.add(("model", obj_name))
                elif obj_kind in _NYLAS_KINDS:
                    # An imported type alias (``Annotated[APIClient, Depends(...)]``)
                    # holds what it annotates already.
                    found.add((obj_kind, obj_name))
        return self._shared(found)

    def _part(self, call: Node, returned: Objs, name: str, depth: int) -> Objs:
        """What one name of a tuple target takes from a call (``client, grant_id =
        connect()``): the element at its place when every function the call may run
        returns tuples of the target's length, else any element of what it returns."""
        index, _, size = name.partition("/")
        if KIND_NAMES[self._kinds[call]] == "call":
            callees = self._resolve_node(self._inners[call], depth + 1)
            if callees and all(kind == "func" and self._tuple_sizes.get(function) == int(size)
                               for kind, function in callees):
                found: set[Obj] = set()
                for _, function in callees:
                    found |= self.values.get(returned_element(function, int(index)), _NOTHING)
                return self._shared(found)
        found = set()
        for obj in returned:
            found |= self._elements(obj)
        return self._shared(found)

    def _elements(self, obj: Obj) -> set[Obj]:
        """What iterating or indexing ``obj`` gives."""
        kind, name = obj
        if kind == "models":
            return {("model", name)}
        if kind == "coll" and name in self.sdk.collections:
            return {("model", self.sdk.collections[name].model)}
        if kind == "box":
            return {unbox(obj)}
        if kind == "inst":
            return self._protocol_elements(name)
        if kind == "lost":
            return {obj}
        return set()

    def _proxy_attribute(self, name: str, depth: int) -> Objs:
        """``flask_login.current_user.outgoing``: the attributes after the proxy read
        on an object the analysis cannot tell."""
        parts = name.split(".")
        cut = next(cut for cut in range(1, len(parts) + 1)
                   if app_object_proxy(".".join(parts[:cut])))
        node = self._node("ref", ".".join(parts[:cut]), NO_NODE)
        for attribute in parts[cut:]:
            node = self._node("attr", attribute, node)
        return self._resolve_node(node, depth + 1) if cut < len(parts) else _NOTHING

    def _external_node(self, node: Node) -> bool:
        """``_external`` of an interned value."""
        kinds, inners, names = self._kinds, self._inners, self._names
        while node != NO_NODE and KIND_NAMES[kinds[node]] in ("attr", "call", "item", "iter"):
            if KIND_NAMES[kinds[node]] == "call" and names[node] and self._hands_project(
                    self._handed(names[node], 0)):
                return False
            node = inners[node]
        if node != NO_NODE and KIND_NAMES[kinds[node]] == "sym":
            return self._names[node] in self._foreign
        if node == NO_NODE or KIND_NAMES[kinds[node]] != "ref":
            return False
        name = self._names[node]
        # The object behind ``current_user`` is the app's.
        return self._external_name(name) and not app_object_proxy(name)

    def _protocol_elements(self, owner: str) -> set[Obj]:
        """What iterating or indexing an object of a class of the project gives: what
        its ``__iter__`` (``__aiter__``) yields or returns (an iterator object: what its
        ``__next__``/``__anext__`` returns), its own ``__next__``/``__anext__``, and its
        ``__getitem__`` (which ``for`` falls back on).  A pager class is iterated with
        ``for`` and never called by name."""
        found: set[Obj] = set()
        # ``async for`` runs ``__aiter__`` and ``__anext__`` the same way.
        for start, step in (("__iter__", "__next__"), ("__aiter__", "__anext__")):
            for kind, result in self._dunder_results(owner, start):
                if kind == "inst":
                    found |= self._dunder_results(result, step)
                else:
                    found |= self._elements((kind, result))
            found |= self._dunder_results(owner, step)
        found |= self._dunder_results(owner, "__getitem__")
        return found

    def _dunder_results(self, owner: str, name: str) -> set[Obj]:
        """What calling the method ``name`` of the class ``owner`` (or of a class
        derived from it that overrides it) returns."""
        found: set[Obj] = set()
        for kind, function in self._instance_attribute(owner, name):
            if kind == "func":
                found |= self.values.get(f"{RETURNED}{function}", _NOTHING)
        return found

    def _resolve_ref(self, name: str) -> Objs:
        """A dotted name reached through imports: a module member, then attributes."""
        found = self._resolve_exact(name)
        if found or "." not in name:
            return found
        # ``pkg.module.client.messages``: resolve the longest known prefix, then walk
        # the remaining attributes on what it holds.
        parts = name.split(".")
        for cut in range(len(parts), 0, -1):
            module = self._aliases.get(".".join(parts[:cut]))
            if module is not None:
                return self._resolve_ref(".".join((module, *parts[cut:])))
        placed = self._deep_names.place(name)
        if placed is not None:
            return self._resolve_ref(placed)
        for cut in range(len(parts) - 1, 0, -1):
            objs = self._resolve_exact(".".join(parts[:cut]))
            if objs:
                for attribute in parts[cut:]:
                    objs = self._attribute_of(objs, attribute)
                return objs
        return _NOTHING

    def _resolve_exact(self, name: str) -> Objs:
        client = self.sdk.client_classes.get(name)
        if client is not None:
            return {("nylas_class", client)}
        if name in self.sdk.auth_url_helper_classes:
            return {("helper_class", name)}
        if name in self.functions:
            return {("func", name)}
        if name in self.classes:
            return {("class", name)}
        if f"{GLOBAL}{name}" in self._globals:
            return self.values.get(f"{GLOBAL}{name}", _NOTHING)
        if name in self.module_names:
            return {("module", name)}
        for prefix in self.sdk.model_modules:
            if name.startswith(prefix) and name[len(prefix):] in self.sdk.models:
                return {("model_class", name[len(prefix):])}
        module, _, attribute = name.rpartition(".")
        hook = f"{module}.__getattr__"
        if module in self.module_names and hook in self.functions and (
                not attribute.startswith("__")):
            # A name the module does not bind is what its ``__getattr__`` returns
            # (``from .conn import outbox`` of a module that builds it on first use).
            return self.values.get(f"{RETURNED}{hook}", _NOTHING)
        if module in self.module_names:
            # ``b.client`` where ``b`` only star-imports ``a``, which binds it.
            origin = self._star_origins.origin(name)
            if origin is not None:
                return self._resolve_ref(origin)
        return _NOTHING

    def _attribute_of(self, objs: Objs, name: str) -> Objs:
        """``value.name`` for a value that may be any of ``objs``."""
        subclassed = self._subclassed_client(objs)
        found: set[Obj] = set()
        for obj in objs:
            found |= self._attribute(obj, name, subclassed)
        if len(found) > 1 and _both_generations(objs):
            found = self._known_to_one_generation(found)
        return self._shared(found)

    def _known_to_one_generation(self, found: set[Obj]) -> set[Obj]:
        """What an attribute of a value that may be either generation's client (a
        configured client name), or what it holds, gives: a name one generation knows
        is not a member a later release added to the other."""
        later = {obj for obj in found if obj[0] == "unmapped" or (
            obj[0] == "method" and self._later_method_scopes(obj[1]) is not None)}
        return found - later if later and len(later) < len(found) else found

    def _subclassed_client(self, objs: Objs) -> bool:
        """Whether a value may be an instance of a class of the project that derives
        from an SDK client."""
        return bool(self._client_classes) and any(
            kind == "inst" and owner in self._client_classes for kind, owner in objs)

    def _attribute(self, obj: Obj, name: str, subclassed: bool = False) -> Objs:
        """``obj.name``.  ``subclassed``: the value may be an instance of a subclass of
        the client, whose own members are read from the code."""
        kind, owner = obj
        if is_pattern(name):
            return self._any_member(obj, name)
        if kind == "client" and owner:
            found = self._resource_attribute("", name)
            if found or subclassed:
                return found
            return self._later_client_member(owner, name)
        if kind == "coll" and owner.startswith(V3_PREFIX):
            return self._resource_attribute(owner[len(V3_PREFIX):], name)
        collections, models = self.sdk.collections, self.sdk.models
        if kind == "client":
            if name in collections:
                return {("coll", name)}
            if name in self.sdk.client_methods:
                return {("method", f"client||{name}")}
            if name.startswith("_") and not name.startswith("__"):
                # The SDK's private request helpers (``_get_resource``): any endpoint.
                return {("unmapped", name)}
            return _NOTHING if subclassed else self._later_client_member(owner, name)
        if kind == "coll":
            if name in collections[owner].operations or name == "create" or (
                    self._v3_method_of(owner, name)):
                # (A v3 method read on a v2 collection, ``lister = raw.messages.list``
                # of ``raw: APIClient``, is bound as a method outside the map: the
                # receiver may be a v3 client, see ``_later_method_scopes``.)
                return {("method", f"coll|{owner}|{name}")}
            return _NOTHING
        if kind == "models":
            attribute = self.sdk.collection_of_model.get(owner)
            if attribute is not None and name in collections[attribute].operations:
                return {("method", f"models|{owner}|{name}")}
            return _NOTHING
        if kind == "model" and owner in models:
            model = models[owner]
            if name in model.children:
                return {("coll", model.children[name])}
            if name in model.members:
                return self._shared(_member_objects(model.members[name]))
            if name in model.methods or name in model.results:
                return {("method", f"model|{owner}|{name}")}
            if name == self.sdk.model_client_attribute:
                return {CLIENT_OBJ}  # ``draft.api``: the client that made it
            return _NOTHING  # a field: data
        if kind in ("inst", "class"):
            # ``Service.client``: a class attribute is what instances read too.
            found = self._instance_attribute(owner, name)
            if not found and name == MANAGER_ATTRIBUTE and self._django_model(owner) and (
                    not self._binds_manager(owner)):
                # ``Account.objects`` (or ``cls.objects`` in a classmethod, read as an
                # instance) with no manager of the project's own: Django's, whose
                # queries hold instances of the model.
                return frozenset({box(("inst", owner))})
            return found
        if kind == "super":
            methods = self._runs(owner, name, after_owner=True)
            if not methods and owner in self._client_classes:
                # ``super().messages`` in a subclass of the SDK's client that no class
                # of the project between them defines: the client's own member.
                return self._attribute(("client", self._client_classes[owner]), name,
                                       subclassed=True)
            return frozenset(self._members_read(methods))
        if kind == "module":
            return self._resolve_exact(f"{owner}.{name}")
        if kind == "unmapped":
            # ``client.http_client._execute``: what the SDK's own machinery reaches
            # can send any request.
            return {obj}
        if kind == "lost":
            # What is made from a ``lost`` object is lost too, one step further.
            return {("lost", made(owner))}
        if kind == "box":
            if name in ELEMENT_METHODS | ELEMENTS_METHODS | PAIRS_METHODS or (
                    name in QUERY_METHODS and self._django_query(owner)):
                return {("method", f"box|{owner}|{name}")}
        return _NOTHING

    def _reads_request(self, node: Node) -> bool:
        """Whether a node is a function's ``request`` parameter."""
        return KIND_NAMES[self._kinds[node]] == "sym" and reads_request(self._names[node])

    def _django_model(self, klass: str) -> bool:
        """Whether a class of the project derives from one of Django's models."""
        return bool(self._django_models) and any(
            ancestor in self._django_models for ancestor in self.ancestors(klass))

    def _default_managers(self, nodes: Node | list[Node]) -> bool:
        """Whether every value bound is Django's own manager made anew
        (``objects = models.Manager()``): the default manager, spelt out."""
        call, ref = KIND_NAMES.index("call"), KIND_NAMES.index("ref")
        kinds, names, inners = self._kinds, self._names, self._inners
        for node in nodes if isinstance(nodes, list) else (nodes,):
            if kinds[node] != call or kinds[inners[node]] != ref or (
                    names[inners[node]] not in DEFAULT_MANAGERS):
                return False
        return True

    def _binds_manager(self, klass: str) -> bool:
        """Whether a model or a project class it derives from binds the manager's
        attribute itself (``objects = AccountQuerySet.as_manager()``): a manager whose
        methods may be the project's (a ``get`` giving another object), which the
        analysis reads as it reads that binding, not as Django's."""
        return any(ancestor in self._manager_binders for ancestor in self.ancestors(klass))

    def _django_query(self, owner: str) -> bool:
        """Whether a container (by its element's ``kind|name``) holds instances of a
        Django model: a manager or query of them, whose query methods are read."""
        kind, _, name = owner.partition("|")
        return kind == "inst" and self._django_model(name)

    def _any_member(self, obj: Obj, pattern: str = ANY_MEMBER) -> Objs:
        """What ``getattr(conn, name)`` may give when ``name`` cannot be read: for a
        module of the project, any of its globals, functions and classes whose name
        ``pattern`` allows (see ``member_patterns``).  (A Nylas object read so
        escapes at the ``getattr`` call.)"""
        kind, owner = obj
        if kind != "module":
            return _NOTHING
        members = self._module_members.get(owner)
        if members is None:
            prefix = f"{owner}."

            def top_level(name: str) -> bool:
                return name.startswith(prefix) and "." not in name[len(prefix):]

            members = self._module_members[owner] = (
                tuple(key for key in self._globals
                      if key.startswith(GLOBAL) and top_level(key[len(GLOBAL):])),
                frozenset({*(("func", name) for name in self.functions if top_level(name)),
                           *(("class", name) for name in self.classes if top_level(name))}))
        keys, definitions = members
        if pattern != ANY_MEMBER and f"{owner}.__getattr__" not in self.functions:
            # (A module's ``__getattr__`` may give anything for any name.)
            start = len(owner) + 1
            keys = tuple(key for key in keys
                         if member_matches(pattern, key[len(GLOBAL) + start:]))
            definitions = frozenset(definition for definition in definitions
                                    if member_matches(pattern, definition[1][start:]))
        found: set[Obj] = set(definitions)
        for key in keys:
            found |= self.values.get(key, _NOTHING)
        return self._shared(found)

    def _resource_attribute(self, path: str, name: str) -> Objs:
        """An attribute of an API v3 client (path ``""``) or of one of its resources:
        a resource it holds, a method that requests, or its own HTTP client."""
        resource = self.sdk.resources[path]
        child = resource.children.get(name)
        if child is not None:
            return {("coll", V3_PREFIX + child)}
        if name in resource.methods:
            return {("method", f"coll|{V3_PREFIX}{path}|{name}")}
        if name == "http_client" or (name.startswith("_") and not name.startswith("__")):
            # The client's HTTP client and private helpers can send any request.
            return {("unmapped", name)}
        if path and not name.startswith("__"):
            # A resource holds no data: a public name the map lacks is a method a
            # later release added, which may send any of the resource's requests.
            return {("method", f"coll|{V3_PREFIX}{path}|{name}")}
        # Every public method that sends a request is mapped (checked against the SDK
        # sources); the client's others are weighed by ``_later_client_member``.
        return _NOTHING

    def _v3_method_of(self, attribute: str, name: str) -> bool:
        """Whether the API v3 resource named as the v2 collection ``attribute`` has a
        method ``name`` (``messages.list``)."""
        resource = self.sdk.resources.get(attribute)
        return resource is not None and name in resource.methods

    def _later_method_scopes(self, method: str) -> frozenset[str] | None:
        """For a bound method of an API v3 resource that the map does not know
        (``later = nylas.events.brand_new``), or of a v2 collection that only the v3
        resource of its name has (``lister = raw.messages.list``), what it may
        request: any scope of either.  None for any other method."""
        owner_kind, owner, operation = _split_method(method)
        if owner_kind != "coll":
            return None
        if not owner.startswith(V3_PREFIX):
            if operation in self.sdk.collections[owner].operations or operation == "create":
                return None
            return self.sdk.unmapped_call_scopes(owner)
        path = owner[len(V3_PREFIX):]
        if operation in self.sdk.resources[path].methods:
            return None
        return self.sdk.unmapped_call_scopes(path)

    def _handed_method_scopes(self, method: str) -> frozenset[str]:
        """What code that gets a bound method and calls it as it likes may request
        beyond the method's mapped requests: a method outside the map (see
        ``_later_method_scopes``), or a v2 collection's ``create``, which code given it
        (``scheduler.run(raw.events.create, grant, request_body=...)``) may call as API
        v3's ``create`` is called, if the receiver is v3's client after all."""
        later = self._later_method_scopes(method)
        if later is not None:
            return later
        owner_kind, owner, operation = _split_method(method)
        if owner_kind == "coll" and not owner.startswith(V3_PREFIX) and (
                operation == self.sdk.model_builder):
            return self.sdk.unmapped_call_scopes(owner)
        return frozenset()

    def _bound_v3_shaped_create(self, method: str, call: CallSite) -> UnresolvedUse | None:
        """A v2 collection's ``create`` bound and called later (``maker = raw.events.
        create``, then ``maker(grant, request_body=...)``) as API v3's is called: given
        an argument by position, spread, or a keyword only v3 takes.  Called with a
        model's fields (``maker(title="x")``) it stays v2's builder, which sends
        nothing."""
        owner_kind, owner, operation = _split_method(method)
        if owner_kind != "coll" or owner.startswith(V3_PREFIX) or (
                operation != self.sdk.model_builder):
            return None
        if not (call.args or call.star is not None or call.span in self._v3_shaped_calls):
            return None
        return self._v3_shaped_create(call.span, call.callee_text, owner)

    def _later_client_member(self, client: str, name: str) -> Objs:
        """A member of a client (``client`` names its generation) that the tables do
        not map.  The data the client holds (``api_key``) and the methods that build
        values send nothing; any other name may be a resource or a method a later
        release added, which may send any request.  (A special name such as
        ``__class__`` is Python's, not the SDK's; but the client's namespace,
        ``__dict__``, and its attribute getters hold or give every member.)"""
        if name in _REFLECTIVE_MEMBERS:
            return {("unmapped", name)}
        if name in self.sdk.client_data[client] or name.startswith("__"):
            return _NOTHING
        return {("unmapped", name)}

    def _call(self, callee: Node, callees: Objs, depth: int, handed: str) -> set[Obj]:
        found: set[Obj] = set()
        if callee != NO_NODE and self._nodes.kind(callee) == "ref" and "." in self._names[callee] \
                and not self._resolve_exact(self._names[callee]):
            # ``module.client.threads.where``: the extractor folds attributes of an
            # imported name into one dotted name; the last one is the method called.
            prefix, _, method = self._names[callee].rpartition(".")
            callee = self._node("attr", method, self._node("ref", prefix, NO_NODE))
            callees = self._resolve_node(callee, depth + 1)
        for kind, name in callees:
            if kind == "nylas_class":
                found.add(("client", name))
            elif kind == "helper_class":
                found.add(("helper", name))
            elif kind == "func":
                found |= self.values.get(f"{RETURNED}{name}", _NOTHING)
            elif kind in ("class", "inst"):
                # ``cls(...)`` in a classmethod: ``cls`` is read as an instance.
                found |= self._instance(name)
                if kind == "inst":
                    found |= self._instance_call_results(name)
            elif kind == "model_class":
                found.add(("model", name))
            elif kind == "method":
                found |= self._method_result(name)
            elif kind == "lost":
                # What is made from a lost object is lost too: a draft popped from a
                # list the analysis lost, what a method of the project returns.
                # (Calling the method ``.get`` gives what the project's ``get``
                # methods return: what the lost object ``get`` stands for.)
                found.add((kind, name))
        if not callees and handed:
            found |= self._given_back(handed, depth)
        return found

    def _handed(self, name: str, depth: int) -> Iterator[Objs]:
        """What each value a call is handed holds, from the name of the call's row."""
        for part in self._handed_nodes(name):
            yield self._resolve_node(part, depth + 1)

    def _given_back(self, handed: str, depth: int) -> set[Obj]:
        """What a call to code the analysis cannot read gives back of the project's
        objects it is handed.  Handed a class, a library gives instances of it
        (``get_object_or_404(Box, pk=pk)``, ``session.get(Box, id)``, a model field's
        related object) or a query of them (``get_list_or_404(Box)``), so the result
        is taken for both.  Handed an instance, it may give anything (``copy.copy``
        gives the same class, a query filtered by it another): the result stays one
        the analysis cannot tell, and is not the library's own (see
        ``_hands_project``), so that the project's methods called on it are lost."""
        found: set[Obj] = set()
        for objs in self._handed(handed, depth):
            for kind, name in objs:
                if kind == "class":
                    instances = self._instance(name)
                    found |= instances
                    found |= {box(obj) for obj in instances}
        return found

    def _hands_project(self, handed: Iterable[Objs]) -> bool:
        """Whether a call is handed a class of the project, an instance of one, a
        function, a container of them, or a value the analysis cannot tell (a
        parameter only a framework fills, a lost object): what it gives may be one
        of the project's objects, not only the library's.  (Attributes read on such
        a result are then lost objects, unresolved only where they may send a
        request; parsers known to give plain data are handed nothing, see
        ``PARSED_DATA``.)  One such value is enough: ``cache.get_or_set(contact,
        box)`` may give ``box`` back whatever else it is handed."""
        for objs in handed:
            if not objs:
                return True
            for obj in objs:
                if obj[0] == "box":
                    obj = unbox(obj)
                if obj[0] in ("class", "inst", "func", "lost"):
                    # (A function: the library may call it and give back what it
                    # returns, as ``cache.get_or_set("k", load_box)`` does.)
                    return True
        return False

    def _method_result(self, method: str) -> set[Obj]:
        """What calling a bound Nylas method (or a container's method) returns.  An
        API v3 method returns a response holding data only."""
        owner_kind, owner, operation = _split_method(method)
        if owner_kind == "box":
            element = unbox(("box", owner))
            if operation in ELEMENT_METHODS:
                return {element}
            if operation in ELEMENTS_METHODS:
                return {("box", owner)}
            if operation in QUERY_METHODS and self._django_query(owner):
                # (Only on a container of a Django model's instances does
                # ``_attribute`` bind these.)
                if operation in ONE_INSTANCE:
                    return {element}
                if operation in INSTANCES:
                    return {("box", owner)}
                if operation in DATA:
                    return set()
            return {box(box(element))}
        if owner_kind == "coll" and owner.startswith(V3_PREFIX):
            return set()
        if owner_kind == "coll":
            collection = self.sdk.collections[owner]
            if operation in collection.results:
                return _member_objects(collection.results[operation])
            model = collection.model
        elif owner_kind == "models":
            model = owner
            if operation == "first":
                return {("model", model)}
        elif owner_kind == "model":
            result = self.sdk.models[owner].results.get(operation)
            return _member_objects(result) if result is not None else set()
        else:
            return set()
        if operation in _ONE_MODEL_OPS:
            return {("model", model)}
        if operation in _MANY_MODEL_OPS:
            return {("models", model)}
        return set()

    def _solve(self) -> None:
        """Grow what each symbol holds until nothing changes, or until the rounds or
        the size run out (see ``converged``)."""
        budget = _OBJECTS_PER_EDGE * len(self.edges) + _OBJECTS_ALWAYS_ALLOWED
        for target in self.edges:
            if target.rsplit(".", 1)[-1] in self._client_names or (
                target.startswith(STATE) and qualified_name(target) in self._client_names
            ):
                # Configured client names hold a client of either generation.
                self._growing[target] = self._shared(
                    {*self._growing.get(target, _NOTHING), CLIENT_OBJ, _V3_CLIENT})
        for symbol in self._held_clients:
            # Named by the place that holds it: what reads that place gets it.
            self._growing[symbol] = self._shared(
                {*self._growing.get(symbol, _NOTHING), ("http", symbol)})
        converged = self._rounds(budget)
        self._foreign = self._foreign_clients()
        if converged:
            converged = self._seed_untold_entries(budget)
        if converged:
            self._follow_unknown_objects(budget)
        if self.converged:
            self._find_partly_untold()
            self._find_client_like_holders()

    def _find_partly_untold(self) -> None:
        """Once every value is solved: the symbols that hold something but may also
        hold what the analysis cannot follow.  A parameter is one when a caller gives
        it a value that resolves to nothing (``unread(Fake(), grant)`` in one place,
        ``unread(make_client(), grant)`` of an unread registry in another); what reads
        such a symbol (a local, an instance's attribute, a function's result) is one
        too.  A use of it is then judged as on an object the analysis cannot tell as
        well (see ``partly_untold``): a union with one known member must not hide the
        unknown ones.  Parameters, locals, module globals, what a function returns,
        what instances store and a condition's choices are seeded (a name bound ``raw =
        Fake()`` in one branch and ``raw = make_client()`` in another; ``return
        Fake()`` beside ``return make_client()``, or a generator's two ``yield``s;
        ``self.client`` stored so by two methods; ``Fake() if dry else make_client()``,
        ``getattr(g, "client", None) or Fake()``; the elements a display, a dict, a
        ``+`` of lists or a chain joins, ``for raw in [Fake(), make_client()]``); the
        extractor's other unions (a cast's or a framework state's two readings) are
        not, since they name one object two ways."""
        values = self.values
        candidates = [
            (target, nodes if isinstance(nodes, list) else [nodes])
            for target, nodes in self.edges.items()
            if values.get(target)]
        untold = {target for target, nodes in candidates
                  if self._seeded_untold(target) and any(
                      self._unfollowed_source(node) for node in nodes)
                  or self._given_nothing(target, nodes)}
        untold.update(self._untold_overrides())
        untold.update(self._escaped_parameters(candidates))
        # What middleware stores on the request: another library's middleware may
        # store there too.
        untold.update(slot(name) for name in self._request_slots if values.get(slot(name)))
        if not untold:
            return
        self._spread_to_readers(untold, untold, [
            (target, nodes) for target, nodes in candidates if target not in untold])
        self._partly_untold = frozenset(untold)

    def _spread_to_readers(self, found: set[str], among: Container[str],
                           rest: list[tuple[str, list[Node]]]) -> None:
        """Add to ``found`` each target of ``rest`` one of whose values reads a symbol
        ``among`` holds (see ``_carries_untold``), until none is added: ``among`` is
        ``found`` itself or a view of it."""
        grown = True
        while grown and rest:
            before = len(found)
            found.update(target for target, nodes in rest
                         if any(self._carries_untold(node, among) for node in nodes))
            grown = len(found) > before
            rest = [(target, nodes) for target, nodes in rest if target not in found]

    def _find_client_like_holders(self) -> None:
        """Once every value is solved: the symbols of modules that never name Nylas
        that hold nothing the analysis can tell (or may also hold such a value, see
        ``partly_untold``) and are given what may be a client where it is made (see
        ``client_origins``): by a call's argument, a store or an import from a
        module that mentions Nylas; what a package outside the project makes
        (``use(make_client())``); a value named like a client that is not another
        library's client (``raw = _local.client``, not ``mongo = MongoClient()``);
        and, through a few names and parameters, whatever reads those (``def
        use(c): keep = c``).  There, a Nylas-looking call on the value may be a
        Nylas call, as the same call made where the value comes from is."""
        if not self._quiet_targets and not self._quiet_functions:
            return  # every module names Nylas: any call there may be one already
        values, untold = self.values, self._partly_untold

        def holds_nothing(symbol: str) -> bool:
            return not values.get(symbol) or symbol in untold

        holders = ClientLikeHolders(
            self.module_names, (m.module for m in self.modules if m.mentions_nylas),
            holds_nothing)
        found = holders.found
        found.update(self._given_by_nylas_calls)
        for index in self._nylas_module_stores:
            owner, attribute, _ = self._stores[index]
            found.update(f"{ATTRIBUTE}{name}.{attribute}"
                         for kind, name in self._resolve_node(owner, 0)
                         if kind in ("inst", "class"))
        found.update(target for target, value in self._maybe_client_values
                     if self._names_a_client(value))
        quiet = {*self._quiet_targets, *(
            key for function in self._quiet_functions
            for key in self._parameter_keys(function))}
        self._spread_to_readers(found, holders, [
            (target, nodes if isinstance(nodes, list) else [nodes])
            for target in quiet if target not in found and holds_nothing(target)
            and (nodes := self.edges.get(target)) is not None])
        self._client_like_holders = holders

    def _names_a_client(self, value: Val) -> bool:
        """Whether a value bound or handed on, which a call made on in place may be a
        Nylas call for, is what a package outside the project gives (``make_client()``)
        or a value named like a client that is not another library's client."""
        if _calls_a_name(value) and unseen_package_root(
                value, _no_bindings, self._external_name) is not None:
            return True
        if not _named_like_a_client(value):
            return False
        root = value
        while root.inner is not None:
            root = root.inner
        return not (root.kind == "sym" and root.name in self._foreign)

    def _holds_a_client_like_value(self, root: Val | None) -> bool:
        """Whether a use's root, holding nothing the analysis can tell, was given what
        may be a client where it is made (see ``_find_client_like_holders``)."""
        given = self._client_like_holders
        if given is None or root is None:
            return False
        if root.kind == "ref":
            return self._global_symbol(root.name) in given
        if root.kind != "sym":
            return False
        if root.name.startswith(ATTRIBUTE):
            owner, _, attribute = qualified_name(root.name).rpartition(".")
            return self._stored_untold(owner, attribute, given)
        return root.name in given

    def _escaped_parameters(self, candidates: list[tuple[str, list[Node]]]) -> Iterator[str]:
        """The parameters of the functions a module-level container keeps
        (``HANDLERS = {"unread": unread}``): code that reads the container (a
        dispatch by a key from a request, another module, code the analysis does not
        see) may call them with anything, so a parameter a visible caller gives a
        fake (``unread(Fake(), grant)``) may also hold what the analysis cannot tell.
        A parameter given nothing is unresolved already and is left out."""
        kept = {inner[1] for target, held in self.values.items() if target.startswith(GLOBAL)
                for obj in held if obj[0] == "box" and (inner := _innermost(obj))[0] == "func"}
        kept.update(self._handed_functions())
        if not kept:
            return
        for target, _ in candidates:
            if target.startswith(PARAMETER) and (
                    qualified_name(target).rpartition(".")[0] in kept):
                yield target

    def _handed_functions(self) -> Iterator[str]:
        """The project functions given to another library's call whose fate is not
        modelled (``somelib.register(unread)``): the library may call them with
        anything."""
        for module in self.modules:
            assert module.flow is not None
            for call in module.flow.calls:
                if call.modelled or call.callee is None or not any(
                        argument is not None and argument.kind in ("ref", "sym")
                        for argument in call.passed) or not self._another_library_call(
                            call.callee):
                    continue
                for argument in call.passed:
                    if argument is not None and argument.kind in ("ref", "sym"):
                        yield from (name for kind, name in self.resolve(argument)
                                    if kind == "func")

    def _untold_overrides(self) -> Iterator[str]:
        """The instances' attributes and the functions' results that hold only what
        the analysis cannot follow (``client = make_client()`` in a subclass's body,
        of an unread registry; a subclass's ``def client(self): return
        make_client()``).  A read of ``self.client`` (or a call of ``self.client()``)
        in a method of the base joins every store (or every override) of the family
        (see ``_instance_attribute`` and ``_runs``): where the base's own is a
        project object (``client = Fake()``), the subclass's unknown one must not be
        hidden by it, as two stores of one class's attribute are not.  Such a symbol
        resolves to nothing itself, so it changes only what joins it with more."""
        values = self.values
        # Only a class with a project base or a project subclass has a family whose
        # other members' bindings could hide its own, and only attributes set by a
        # name read at run time are read with every other attribute of their class:
        # the attributes and results of any other class are left out, which keeps the
        # set, and what joins it, small.
        in_families = {name for name, found in self._bases.items() if found}.union(
            *self._bases.values())
        run_time = f".{RUN_TIME_NAMES}"
        for target, nodes in self.edges.items():
            if target.startswith(_OVERRIDDEN_PLACES) and not values.get(target) and (
                    target.endswith(run_time)
                    or qualified_name(target).rpartition(".")[0] in in_families) and any(
                    self._unfollowed_source(node)
                    for node in (nodes if isinstance(nodes, list) else [nodes])):
                yield target

    def _seeded_untold(self, target: str) -> bool:
        """Whether a binding the analysis cannot follow makes ``target`` partly
        untold: a name, or an instance's attribute holding no Nylas object
        (``self.client = client`` of a class no caller builds, then ``self.client =
        self.client.calendars.list(g)``).  An attribute holding one is judged as that
        object wherever it is read (see ``partly_untold``): a class's instances often
        hold the client under a name their constructor's parameter writes too, and
        following what they read from it would cost much and change nothing."""
        if target.startswith(_JOINED_PLACES):
            return True
        # A container of the project's objects (``self.items = {"dry": Fake()}``,
        # written again as ``self.items[key] = value``) holds no Nylas object either.
        return target.startswith(ATTRIBUTE) and all(
            _innermost(obj)[0] not in _NYLAS_KINDS for obj in self.values[target])

    def _given_nothing(self, target: str, nodes: list[Node]) -> bool:
        """Whether ``target`` is a parameter that no caller, default or annotation
        gives anything, which its own function binds again (``value = [c.name for c
        in value.calendars.list(g).data]``): what it holds comes from that binding
        alone, while the value a caller the analysis does not see gives it (read
        before the binding) is what the analysis cannot tell."""
        if not target.startswith(PARAMETER):
            return False
        kinds, names = self._kinds, self._names
        sym_code, local = KIND_NAMES.index("sym"), rebinding_local(target)
        return all(kinds[node] == sym_code and names[node] == local for node in nodes)

    def _unfollowed_source(self, node: Node) -> bool:
        """Whether a value a caller gives resolves to nothing the analysis can tell:
        what an unread call returns, an unbound parameter, another library's
        attribute.  (A literal gives no value at all; a name bound only to another
        library's client is that library's.)"""
        if self._resolve_node(node, 0):
            return False
        return not (KIND_NAMES[self._kinds[node]] == "sym" and self._names[node] in self._foreign)

    def _carries_untold(self, node: Node, untold: Container[str]) -> bool:
        """Whether a value reads (through attributes, calls, elements) a symbol of
        ``untold``, besides what it resolves to."""
        kinds, names, inners = self._kinds, self._names, self._inners
        for _ in range(_MAX_VALUE_DEPTH):
            if node == NO_NODE:
                return False
            kind, name = KIND_NAMES[kinds[node]], names[node]
            if kind == "sym":
                if name.startswith(ATTRIBUTE):
                    owner, _, attribute = qualified_name(name).rpartition(".")
                    return self._stored_untold(owner, attribute, untold)
                return name in untold
            if kind == "ref":
                return self._global_symbol(name) in untold
            if kind == "attr" and name in self._request_slots and slot(name) in untold and (
                    self._reads_request(inners[node])):
                return True
            if kind == "attr" and any(
                    (held == "inst" and self._stored_untold(owner, name, untold)) or (
                        held == "module" and f"{GLOBAL}{owner}.{name}" in untold)
                    for held, owner in self._resolve_node(inners[node], 0)):
                return True
            if kind == "call" and any(
                    held == "func" and f"{RETURNED}{function}" in untold
                    for held, function in self._resolve_node(inners[node], 0)):
                return True
            if kind == "item" and any(
                    held == "inst" and any(f"{RETURNED}{method}" in untold
                                           for method in self._runs(owner, "__getitem__"))
                    for held, owner in self._resolve_node(inners[node], 0)):
                return True  # ``registry["mail"]`` runs the class's ``__getitem__``
            if kind not in ("attr", "call", "item", "iter", "part", "box"):
                return False
            node = inners[node]
        return True  # (cut off: what the rest holds is not known)

    def _stored_untold(self, owner: str, name: str, untold: Container[str]) -> bool:
        """Whether ``instance.name`` of the class ``owner`` may hold what the analysis
        cannot follow: a store in its family (also one by a name known only at run
        time), or a property's result."""
        run_time = self._run_time_attributes
        return any(f"{ATTRIBUTE}{klass}.{name}" in untold or (
            klass in run_time and f"{ATTRIBUTE}{klass}.{RUN_TIME_NAMES}" in untold)
                   for klass in self._storing_classes(owner)) or any(
            f"{RETURNED}{function}" in untold for function in self._runs(owner, name)
            if function in self._properties)

    def partly_untold(self, value: Val | None) -> bool:
        """Whether ``value`` resolves to something, none of it a Nylas value, but may
        also be an object the analysis cannot tell (see ``_find_partly_untold``): a
        use of it is then judged as on such an object too, besides what its known
        members give."""
        if not self._partly_untold or value is None:
            return False
        node = self._intern_shared(value) if self._sharing else self._intern(value)
        objs = self._resolve_node(node, 0)
        # A value that may be a Nylas object is judged as that object: the unknown
        # part making the same call is the call its known part counts already.
        return bool(objs) and all(kind not in _NYLAS_KINDS for kind, _ in objs) and (
            self._carries_untold(node, self._partly_untold))

    def _seed_untold_entries(self, budget: int) -> bool:
        """Once the project's own values are solved: put in each module-level
        container of the project's classes or functions that code the analysis does
        not follow may fill an ``untold`` entry, which the fixpoint carries wherever
        an element goes (a parameter, a local name, a return value).  Calling it then
        hands its arguments to that code (see ``call_effects``), also far from the
        container.  False when the fixpoint then runs out."""
        holding = {symbol: held for symbol, held in self._growing.items()
                   if symbol.startswith((GLOBAL, ATTRIBUTE)) and _holds_callables(held)}
        untold = {symbol for symbol in holding
                  if symbol.startswith(GLOBAL) and self._registry_changed(symbol)}
        untold |= untold_attribute_containers(
            (symbol for symbol in holding if symbol.startswith(ATTRIBUTE)), self.modules,
            self.resolve, self._another_library_call)
        untold.update(symbol for symbol in holding
                      if symbol.startswith(ATTRIBUTE) and self._given_untold(symbol))
        for symbol in untold:
            # (Shown as the class's attribute, or the module's global.)
            entry = box(("untold", qualified_name(symbol)))
            self._growing[symbol] = self._shared({*holding[symbol], entry})
        return self._rounds(budget) if untold else True

    def _another_library_call(self, callee: Val) -> bool:
        """Whether a call runs another library's code, which may change what it is
        given (``somelib.fill(REGISTRY)``; not ``print`` nor ``json.dumps``)."""
        named = callee.name if callee.kind == "ref" else None
        return callee.kind in ("ref", "attr") and (named is None or (
            "." in named and named not in DATA_FUNCTIONS)) and self._external(callee)

    def _given_untold(self, symbol: str) -> bool:
        """Whether an attribute's container is given what the analysis cannot tell:
        another library's value, in its class (``self._items.update(somelib.load())``)
        or through a few names and parameters (``register(key, cls)`` called with
        ``somelib.Thing``)."""
        box_code, sym_code = KIND_NAMES.index("box"), KIND_NAMES.index("sym")
        kinds, inners, names = self._kinds, self._inners, self._names

        def bound(name: str) -> list[Node]:
            nodes = self.edges.get(name)
            return [] if nodes is None else nodes if isinstance(nodes, list) else [nodes]

        pending = [inners[node] for node in bound(symbol) if kinds[node] == box_code]
        seen: set[Node] = set()
        while pending and len(seen) < _MOST_UNTOLD_STEPS:
            node = pending.pop()
            if node in seen:
                continue
            seen.add(node)
            if kinds[node] == sym_code:
                pending += bound(names[node])
            elif self._external_node(node):
                return True
        # (A walk cut short has not seen every value: any of the rest may be one.)
        return bool(pending)

    @property
    def converged(self) -> bool:
        """Whether every value was followed to the end: False when the fixpoint ran
        out of rounds or size, or a value was cut off.  What was found is then a part
        of what the code does, true as far as it goes (its calls are made), but a call
        it did not reach may need any scope."""
        return not self.gave_up

    def _give_up(self, reason: str) -> None:
        self.gave_up = self.gave_up or reason

    def _rounds(self, budget: int) -> bool:
        """Rounds of the fixpoint until nothing changes (True), or until the rounds
        or the size run out (False)."""
        for _ in range(_MAX_ROUNDS):
            self._memo.clear()
            changed = self._find_bases()
            if changed:
                self._memo.clear()
                self._families.clear()
                self._storing.clear()
                self._orders.clear()
                self._methods_run.clear()
                self._subclasses = None
            # Resolving adds no edges: only binding parameters and following stores
            # does, after this loop.  A symbol that holds nothing gets no set at all.
            values = self._growing
            for target, nodes in self.edges.items():
                current = values.get(target, _NOTHING)
                for node in nodes if isinstance(nodes, list) else (nodes,):
                    found = self._resolve_node(node, 0)
                    if found and not found <= current:
                        current = values[target] = self._shared(current | found)
                        changed = True
            resolve_node = self._resolve_node
            for callee, call in zip(self._callees, self._call_sites()):
                # Most callees resolve to nothing (the SDK's and the standard
                # library's), which binds nothing: asked here, the call is skipped;
                # otherwise ``_bind_parameters`` reads the same result from the memo.
                if resolve_node(callee, 0):
                    changed |= self._bind_parameters(callee, call)
            for owner, attribute, stored in self._stores:
                for kind, name in self._resolve_node(owner, 0):
                    # ``Service.client = client`` at start-up: a class attribute is
                    # what its instances (``self.client``, ``cls.client``) read.
                    if kind in ("inst", "class"):
                        if attribute == RUN_TIME_NAMES:
                            # ``setattr(holder, name, value)``: every attribute read
                            # on the class's instances may be the value.
                            self._set_at_run_time(name)
                        if attribute not in _REGISTRATIONS:
                            changed |= self._add_edge(f"{ATTRIBUTE}{name}.{attribute}", stored)
                        if attribute == MANAGER_ATTRIBUTE and self._django_models:
                            self._manager_binders.add(name)
                        if kind == "class" and attribute not in _REGISTRATIONS and (
                                self._runs(name, attribute) or any(
                                    held == "func" for held, _ in self._resolve_node(
                                        stored, 0))):
                            self._replaced_members.add(f"{name}.{attribute}")
                    elif kind == "module":
                        # ``holder.client = make_client()`` from another module: the
                        # module's global holds it too, beside its own binding.
                        if attribute not in _REGISTRATIONS:
                            changed |= self._add_edge(f"{GLOBAL}{name}.{attribute}", stored)
                    elif kind != "func":
                        continue
                    elif attribute == REGISTERS_ON:
                        # ``@handle.register`` on a generic function of another module:
                        # its call runs what it holds (see ``dispatch_functions``).
                        changed |= self._add_edge(f"{REGISTERED}{name}", stored)
                    elif attribute == REGISTERS_UNTOLD:
                        self._untold_dispatch.add(name)
            if not changed:
                return True
            if sum(map(len, values.values())) > budget:
                self._give_up("too many of the project's objects flow into the same places")
                return False
        self._give_up(f"values still changed after {_MAX_ROUNDS} rounds of following them")
        return False

    def _set_at_run_time(self, klass: str) -> None:
        """Note that ``klass``'s instances are given attributes by names read at run
        time from outside the class (see ``_run_time_attributes``)."""
        if klass not in self._run_time_attributes:
            self._run_time_attributes = self._run_time_attributes | {klass}

    def _follow_unknown_objects(self, budget: int) -> None:
        """Once the project's own values are solved: follow what attributes of
        objects the analysis cannot tell may give.

        ``box.outgoing`` or ``box.pending_drafts`` on a row an ORM loaded may be what
        a class of the project holds or returns under that name.  The analysis does
        not guess which: such a read gives a ``lost`` object for the name, which the
        fixpoint carries on (into locals, containers, calls, parameters) like any
        other, and wherever it is used the usage rules stay silent for what the
        project keeps under that name.  Only names under which the project keeps
        Nylas values make one, and only on a receiver that holds none of the
        project's objects: its own objects are solved by then and stay as they are,
        so this second run of the fixpoint adds ``lost`` objects and nothing else."""
        names = frozenset(name for name, held in self._unknown_object_values().items()
                          if held)
        nodes = self._nodes
        attribute_code, ref_code = KIND_NAMES.index("attr"), KIND_NAMES.index("ref")
        # Read as an attribute, or in an imported name (``from flask_login import
        # current_user`` then ``current_user.outgoing``).
        if not names or not any(
                (code == attribute_code and name in names) or (
                    code == ref_code and not names.isdisjoint(name.split(".")))
                for code, name in zip(nodes.kinds, nodes.names)):
            return
        self._lost_names = names
        self._rounds(budget)
        # Built from the values before this run: what they hold may have grown.
        self._method_returns = self._attribute_values = self._unknown_values = None

    def _foreign_clients(self) -> frozenset[str]:
        """The locals and module globals every binding of which makes a client of
        another library: ``sms = Client(sid, token)`` with ``Client`` imported from
        ``twilio.rest`` (a class whose name says client, of a package that is neither
        the project's nor named for Nylas) is an instance of that class, not a Nylas
        client nor an object of the project, as the call itself is."""
        kinds, names, inners = self._kinds, self._names, self._inners
        call_code, ref_code = KIND_NAMES.index("call"), KIND_NAMES.index("ref")

        def makes_one(node: Node) -> bool:
            if kinds[node] != call_code:
                return False
            callee = inners[node]
            if callee == NO_NODE or kinds[callee] != ref_code:
                return False
            name = names[callee]
            # (``from shared.nylas_setup import Client`` may well make a Nylas one.)
            return name.rpartition(".")[2].endswith("Client") and (
                "nylas" not in name.lower()) and self._external_name(name)

        # One loop, a symbol of one edge (most of them) told apart by the kind of its
        # row first: a large project has eighty thousand symbols, few bound by calls.
        found = []
        for target, nodes in self.edges.items():
            if isinstance(nodes, list):
                if target.startswith((LOCAL, GLOBAL)) and all(makes_one(node) for node in nodes):
                    found.append(target)
            elif kinds[nodes] == call_code and target.startswith((LOCAL, GLOBAL)) and (
                    makes_one(nodes)):
                found.append(target)
        return frozenset(found)

    def _unknown_object_values(self) -> dict[str, Objs]:
        """By attribute name: what reading it on an object the analysis cannot tell
        may give, if that object is one of the project's.  What instances hold there
        counts as model objects and what holds them (a client or a bound method kept
        on an object is used through calls, which are judged where they are made);
        a method of that name counts with what it returns, once called."""
        if self._unknown_values is None:
            joined: dict[str, set[Obj]] = {}
            for name, held in self._values_of_attributes().items():
                joined.setdefault(name, set()).update(
                    obj for obj in held if obj[0] in _HELD_DATA_KINDS | {"lost"} and not (
                        obj[0] == "coll" and obj[1].startswith(V3_PREFIX)))
            for name, returned in self._returns_of_methods().items():
                joined.setdefault(name, set()).update(
                    obj for obj in returned if obj[0] in _LOSABLE_KINDS)
            self._unknown_values = {name: self._shared(objs) for name, objs in joined.items()}
        return self._unknown_values

    def _drop_fixpoint_state(self) -> None:
        """Let go of what only the rounds of the fixpoint read (the call sites and
        stores to follow, the bindings made), and share the symbols' final sets: the
        rules run with that freed."""
        # (The callees' rows are kept: the judging of each module reads them.)
        self._stores = []
        self._quiet_targets, self._nylas_module_stores, self._maybe_client_values = [], [], []
        self._given_by_nylas_calls, self._quiet_functions = set(), set()
        self._call_arguments, self._bound, self._edge_members = {}, {}, {}
        self._param_keys = {}
        self._globals = frozenset(target for target in self.edges if target.startswith(GLOBAL))
        self.edges = {}
        self.values, self._growing = self._growing, {}

    def _call_sites(self) -> Iterator[CallSite]:
        for module in self.modules:
            assert module.flow is not None
            yield from module.flow.calls

    def _parameter_keys(self, function: str) -> tuple[str, ...]:
        """The symbol keys of a function's parameters, made for the functions some
        call binds (a few of the project's)."""
        keys = self._param_keys.get(function)
        if keys is None:
            keys = self._param_keys[function] = tuple(
                f"{PARAMETER}{function}.{param}" for param in self.functions[function])
        return keys

    def _callables(self, kind: str, name: str) -> tuple[str, ...]:
        """The project functions a call of this object runs: a function; a class's
        ``__init__``; for an instance, its class's ``__call__`` too (``cls(...)`` in
        a classmethod reads ``cls`` as an instance, and makes one)."""
        if kind == "func":
            return (name,)
        if kind not in ("class", "inst"):
            return ()
        init = self._method(name, "__init__")
        made = (init,) if init is not None else ()
        if kind == "inst" and "__call__" in self._protocols:
            return (*made, *self._runs(name, "__call__"))
        return made

    def _instance_call_results(self, name: str) -> Objs:
        """What calling an instance of the class ``name`` gives by its ``__call__``
        (``messages_api()`` returning ``nylas.messages``)."""
        if "__call__" not in self._protocols:
            return _NOTHING
        return self._returned_by(name, "__call__")

    def _bind_parameters(self, callee: Node, call: CallSite) -> bool:
        changed = False
        # Edges are symbolic: a call bound to a function once stays bound, and only a
        # function its callee newly resolves to needs binding.
        # Made on first binding: most calls (the SDK's, the standard library's) never
        # bind, and an empty set per call site was a tenth of a large project's memory.
        bound = self._bound.get(id(call))
        for function in [function for kind, name in self._resolve_node(callee, 0)
                         for function in self._callables(kind, name)]:
            if bound is not None and function in bound:
                continue
            if bound is None:
                bound = self._bound[id(call)] = set()
            bound.add(function)
            params = self.functions[function]
            keys = self._parameter_keys(function)
            vararg, kwarg = self._rest.get(function, ("", ""))
            arguments = self._arguments(call)
            if function in self._quiet_functions:
                # (A function of a module that mentions Nylas judges a call on its
                # parameters as a possible Nylas call already.)
                if call.span.path in self._nylas_paths:
                    self._given_by_nylas_calls.update(_given_parameters(
                        function, keys, params, arguments, vararg, kwarg))
                else:
                    self._maybe_client_values.extend(
                        _parameters_given_a_client_name(keys, params, call))
            for position, argument in enumerate(arguments.args):
                if argument == NO_NODE:
                    continue
                if position < len(params):
                    changed |= self._add_edge(keys[position], argument)
                elif vararg:
                    changed |= self._add_edge(f"{PARAMETER}{function}.{vararg}",
                                              self._node("box", "", argument))
            for keyword, argument in arguments.kwargs:
                if keyword in params:
                    changed |= self._add_edge(f"{PARAMETER}{function}.{keyword}", argument)
                elif kwarg:
                    changed |= self._add_edge(f"{PARAMETER}{function}.{kwarg}",
                                              self._node("box", "", argument))
            # ``f(*items)`` and ``f(**options)``: any parameter may get any element.
            for spread, rest in ((arguments.star, vararg), (arguments.double_star, kwarg)):
                if spread == NO_NODE:
                    continue
                element = self._node("iter", "", spread)
                for key in keys:
                    changed |= self._add_edge(key, element)
                if rest:
                    changed |= self._add_edge(f"{PARAMETER}{function}.{rest}", spread)
        return changed

    # -- results ------------------------------------------------------------------------

    def is_client(self, value: Val | None) -> bool:
        return CLIENT_OBJ in self.resolve(value)

    def is_v3_client(self, value: Val | None) -> bool:
        return _V3_CLIENT in self.resolve(value)

    def is_helper(self, value: Val | None, helper_class: str) -> bool:
        """Whether a value may be an instance of the SDK helper class named
        (``Routes(client)``, made in this module or another)."""
        return ("helper", helper_class) in self.resolve(value)

    def interpret(
        self, use: Use, nylas_module: bool
    ) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
        """The endpoints a use calls, or why it cannot be told."""
        attrs = use.attrs
        if len(attrs) == 1 and attrs[0] in self.sdk.auth_url_helper_methods:
            # Recorded only to tell whether the receiver is the SDK's helper (see
            # ``clients``): the request it makes uses no grant, and the call is
            # followed as a call (a project method of that name gets its arguments).
            return [], []
        if attrs in V3_SHARED_REQUESTS:
            # Recorded only to tell whether the receiver is a client (see
            # ``clients``): the request is made with the API key, no grant's scope.
            return [], []
        objs = self.resolve(use.root)
        first = attrs[0]
        endpoints, unresolved = self._interpret_on(objs, attrs, use)
        # A receiver that may also be what the analysis cannot follow is judged as
        # one it cannot tell too, besides what its known members give.
        partly = self.partly_untold(use.root)
        unknown = not objs or partly or (not endpoints and not unresolved
                                         and self._lacks(objs, first))
        if unknown and self._unmapped_client_result(use.root):
            # ``client.nonexistent().messages.all()``: the call that gave the receiver
            # is reported, with every scope silent; this use says nothing more.
            pass
        elif any(_sends_anything(obj) for obj in objs) and not unresolved:
            # ``member = client.nonexistent`` then ``member.events.all()``: what a
            # member the map lacks holds may send any request.
            name = min(name for kind, name in objs if _sends_anything((kind, name)))
            unresolved.append(UnresolvedUse(
                use.span, f"{use.text}() uses {name}, which is not in the endpoint map",
                None))
        elif unknown and self._may_be_nylas(use, use.root, nylas_module):
            unresolved += self._untold_receiver(use)
        elif _UNREAD <= objs and not endpoints and not unresolved:
            # ``importlib.import_module(name).client.events.all()``: the module may be
            # the project's own that holds its client, so any member may be a Nylas
            # value, in any module (the call of such a member is told so too).
            unresolved += self._from_unread_module(use)
        elif unknown:
            unresolved += self._distinctive_chain(use) or self._unseen_wrapper(use)
        if not objs and first not in self._lost_names:
            # ``box.outbox()`` may also run a project method of that name.  (Where
            # the name makes a lost object, the resolver carries on what it returns.
            # A partly unknown receiver resolves to something, which this asks of
            # wholly unknown ones only: ``_unknown_receiver_result`` answers nothing
            # for it.)
            found, lost = self._unknown_receiver_result(use.root, first, use.span, use.text)
            endpoints += found
            unresolved += lost
        if any(kind == "lost" for kind, _ in objs) and self._lost_chain_may_request(
                use.root, attrs):
            unresolved += self._lost_objects(objs, use.span, f"used by {use.text}()")
        elif not objs and self._lost_names and not unresolved:
            unresolved += self._lost_on_the_way(use)
        return endpoints, unresolved

    def _lost_on_the_way(self, use: Use) -> list[UnresolvedUse]:
        """A chain on a receiver the analysis cannot tell that reads a lost name on
        the way (``request.user.account.client.events.all()``, with a property
        ``client`` of the project returning a client): what the project keeps under
        that name is used by the rest of the chain, as where the read is a name's."""
        attrs = use.attrs
        receiver = use.root
        for index, name in enumerate(attrs[:-1]):
            receiver = Val("attr", name, receiver)
            if name in self._lost_names and self._makes_lost(receiver.inner) and (
                    self._lost_chain_may_request(receiver, attrs[index + 1:])):
                return self._lost_objects(frozenset({("lost", name)}), use.span,
                                          f"used by {use.text}()")
        return []

    def _unmapped_client_result(self, root: Val | None) -> bool:
        """Whether ``root`` is what calling a member of a Nylas client that the
        endpoint map does not hold gives (``client.nonexistent()``): that call is
        unresolved already, with every scope silent."""
        if root is None or root.kind != "call" or root.inner is None or (
                root.inner.kind != "attr"):
            return False
        member = root.inner
        return any(kind == "unmapped" for kind, _ in self.resolve(member)) and any(
            kind == "client" for kind, _ in self.resolve(member.inner))

    def _interpret_on(self, objs: Objs, attrs: tuple[str, ...], use: Use, depth: int = 0
                      ) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
        """The requests ``attrs`` make on what a use's receiver may be."""
        endpoints: list[EndpointUse] = []
        unresolved: list[UnresolvedUse] = []
        first = attrs[0]
        collections, models, client_methods = (
            self.sdk.collections, self.sdk.models, self.sdk.client_methods)
        # A configured client name holds a client of either generation: a use the v2
        # client explains is not also a v3 call outside the map.
        either = CLIENT_OBJ in objs and _V3_CLIENT in objs
        for kind, name in objs:
            if kind == "client" and name:
                if not either:
                    self._resource_op("", attrs, use, endpoints, unresolved)
            elif kind == "coll" and name.startswith(V3_PREFIX):
                self._resource_op(name[len(V3_PREFIX):], attrs, use, endpoints, unresolved)
            elif kind == "client":
                if first in collections:
                    self._collection_op(first, attrs[1:], use, endpoints, unresolved)
                elif first in client_methods:
                    endpoints.append(self._endpoint(client_methods[first], use, first))
                elif first != self.sdk.auth_url_method:
                    unresolved.append(UnresolvedUse(
                        use.span, f"{use.text} is not in the endpoint map", None))
            elif kind == "coll":
                self._collection_op(name, attrs, use, endpoints, unresolved)
            elif kind == "models":
                attribute = self.sdk.collection_of_model.get(name)
                if attribute is not None and (
                    first in collections[attribute].operations or first == "__iter__"
                ):
                    self._collection_op(attribute, attrs, use, endpoints, unresolved)
            elif kind == "model" and name in models:
                model = models[name]
                if first in model.methods:
                    endpoints.append(
                        self._endpoint(model.methods[first], use, f"{name}.{first}")
                    )
                elif first in model.children:
                    self._collection_op(model.children[first], attrs[1:], use, endpoints,
                                        unresolved)
                elif len(attrs) == 1 and self._model_lacks(name, first) and not (
                        self._another_model_has(objs, first)):
                    # ``message.delete()``: another model's method, not this one's.
                    # (A longer chain starts at a field: ``message.files`` is data.)
                    unresolved.append(UnresolvedUse(
                        use.span, f"{use.text}() is not in the endpoint map",
                        self._unmapped_model_scopes(name)))
            elif kind == "box" and first not in _CONTAINER_METHODS and not (
                first in QUERY_METHODS and self._django_query(name)) and all(
                other[0] == "box" or other[0] not in _NYLAS_KINDS for other in objs
            ):
                # (A Django query's own methods send no Nylas request: what they give
                # is followed where it is used.)
                # ``pair.mark_as_read()`` on what the analysis holds only as a
                # container of Nylas objects: it cannot tell which object that is.
                # (Where the value may also be the object itself, as a tuple's
                # element read as both, the object's own method is the request.)
                scopes = self.reach((kind, name))
                if scopes is None or scopes:
                    unresolved.append(UnresolvedUse(
                        use.span, f"cannot tell what {use.text}() does with "
                        f"{describe((kind, name))}", scopes))
            elif kind in _HOLDERS and len(attrs) > 1:
                # ``deps.messages.list(gid)``, ``core.messages.list(gid)``: an object or
                # module of the project holds the resource the chain goes on from.
                held = self._attribute((kind, name), first)
                if held and depth < _MAX_HOLDER_DEPTH:
                    found, lost = self._interpret_on(held, attrs[1:], use, depth + 1)
                    endpoints += found
                    unresolved += lost
                elif held:
                    unresolved += self._too_deep(held, use)
        if either and not endpoints:
            # Neither reading found a request: a v3 one replaces what v2 could not map.
            v3_endpoints: list[EndpointUse] = []
            v3_unresolved: list[UnresolvedUse] = []
            self._resource_op("", attrs, use, v3_endpoints, v3_unresolved)
            if v3_endpoints:
                endpoints, unresolved = v3_endpoints, v3_unresolved
            else:
                unresolved += v3_unresolved
        return endpoints, unresolved

    def _too_deep(self, held: Objs, use: Use) -> list[UnresolvedUse]:
        """A chain that goes on through more holders than are followed: the rest of
        it may make any request that what the last one holds can make."""
        reached: set[str] | None = set()
        for obj in held:
            scopes = self.reach(obj)
            reached = None if scopes is None or reached is None else reached | scopes
        if reached is not None and not reached:
            return []  # nothing it holds is, or leads to, a Nylas object
        return [UnresolvedUse(
            use.span, f"cannot follow {use.text}() through more than {_MAX_HOLDER_DEPTH} "
            "objects holding one another", None if reached is None else frozenset(reached))]

    def _lacks(self, objs: Objs, name: str) -> bool:
        """Whether each object is a function, class or instance of the project on which
        the analysis sees no ``name``.  Such an object does not have it at run time
        either: the value is another one, made by a protocol the analysis does not
        model (a descriptor's ``__get__``, an instance's ``__call__``, a library's
        caching decorator over a method), and is as unknown as a value from nowhere."""
        return all(kind in _PROJECT_KINDS and not self._attribute((kind, owner), name)
                   for kind, owner in objs)

    def _may_be_nylas(self, use: Use, chain: Val | None, nylas_module: bool,
                      handed: bool = False, held_receiver: bool = False) -> bool:
        """Whether a Nylas-looking use of ``use.root``, an object the analysis cannot
        tell, may be a Nylas call.  In a module that mentions Nylas any may; elsewhere
        one whose operation other libraries' objects do not have (``raw.messages.where()``,
        ``raw.messages.list(grant)``), one on something named like a client, or one
        reached along ``chain`` through the attribute by which a model holds its client
        (``draft.api.drafts.create()`` on a draft a framework hands in), or a name this
        module binds to one (``api = draft.api``, ``self.api = draft.api``), not
        Django's ``user.messages.all()``.  ``handed``: the method is called where
        its arguments are not looked at, so a name it shares with other libraries'
        methods (``find``) may be the SDK's.  ``held_receiver``: the method is called
        in place on a receiver held elsewhere (``Box(raw.events).value.create(...)``),
        whose call the extractor reads as shaped as API v3's ``create`` only where it
        is given a keyword only that ``create`` takes."""
        root = use.root
        known = self.resolve(root) if is_pattern(use.attrs[0]) else _NOTHING
        if known and not self.partly_untold(root):
            # ``getattr(fake, name).list(grant)``: what a project object gives by any
            # name is its own member; a Nylas object read so escapes at ``getattr``.
            return False
        if known and any(self._attribute_of(known, attrs[0])
                         for attrs in _named_members(use.attrs, self.sdk)):
            # ``getattr(raw, name).list(grant)`` on a fake or an object the analysis
            # cannot tell: the fake has a member named as a collection of the client
            # it stands in for, and the unknown part may be that client.
            return True
        shaped = use.span in self._v3_shaped_calls
        # A collection read by a name the analysis cannot read (``getattr(raw,
        # name).list(grant)``) makes no chain only the SDK's objects have.
        if nylas_module or _named_like_a_client(root) or self._holds_a_client_like_value(
                root) or not is_pattern(use.attrs[0]) and any(self._sdk_operation(
                    attrs, handed or shaped,
                    handed or use.span in self._v3_create_calls or held_receiver and shaped)
                for attrs in _named_members(use.attrs, self.sdk)):
            return True
        if len(use.attrs) == 1 and self._model_method_anywhere(use.attrs[0], root):
            # ``draft.send()`` in ``app/outbox.py``, given a draft nothing tells.
            return True
        if len(use.attrs) == 1 and use.attrs[0] in self.sdk.distinctive_client_methods:
            # ``api.free_busy(...)`` in a module that never names Nylas, on a client
            # a framework hands in.
            return True
        held_as = self.sdk.model_client_attribute
        if not held_as:
            return False
        while chain is not None:
            if chain.kind == "attr" and chain.name == held_as:
                return True
            if chain.kind == "sym":
                return chain.name in self._symbols_reading(held_as)
            chain = chain.inner
        return False

    def _model_method_anywhere(self, name: str, root: Val | None) -> bool:
        """Whether ``root.<name>()``, ``root`` an object the analysis cannot tell, may
        be an API v2 model's method call in any module, one that never mentions Nylas
        too.  In a project that asks for API v2 scopes: a method no other library has
        (``mark_as_read``) on any such object, and one whose name other libraries'
        objects do not share as often (``send``, not Django's ``save``; see
        ``SHARED_MODEL_METHODS``) on a parameter named like a model (``def
        deliver(draft)``), as in a module that mentions Nylas.  A bare ``x.send()``
        stays another library's."""
        sdk = self.sdk
        if not self._asks_v2 or name not in sdk.model_method_scopes:
            return False
        return name in sdk.distinctive_model_methods or (
            name not in sdk.shared_model_methods and _is_parameter(root))

    def _sdk_operation(self, attrs: tuple[str, ...], v3_shaped: bool = False,
                       v3_create: bool = False) -> bool:
        """Whether ``attrs`` call an operation of a Nylas collection or resource that
        other libraries' objects are not known to have (``messages.where``,
        ``messages.list``, ``scheduler.bookings.confirm``): such a call may be a Nylas
        call whatever the module mentions.  A name that Django's managers or
        SQLAlchemy's queries share (``messages.all``, ``messages.filter``) is not."""
        if len(attrs) < 2:
            return False
        sdk = self.sdk
        first, operation = attrs[0], attrs[1]
        shared = sdk.shared_operations
        collection = sdk.collections.get(first)
        if collection is not None and operation in collection.operations and (
                operation not in shared):
            return True
        path = sdk.resources[""].children.get(first)
        for attr in attrs[1:]:
            if path is None:
                return False
            if attr in sdk.resources[path].methods:
                # ``raw.messages.find(grant_id, message_id)`` is shaped as the SDK's
                # call, not as pymongo's ``find(filter)`` (``v3_shaped``, see
                # ``FlowFacts.v3_shaped_calls``); so is ``raw.events.create(grant,
                # request_body=...)``, not Django's ``create(**fields)``
                # (``v3_create``).
                return attr not in shared or v3_shaped and (
                    attr != sdk.model_builder or v3_create)
            path = sdk.resources[path].children.get(attr)
        return False

    def _symbols_reading(self, attribute: str) -> frozenset[str]:
        """The symbols a binding of the module being judged gives a value read through
        ``attribute`` (``api = draft.api``, ``self.api = draft.api``): found in one
        pass over its bindings, the first time a use asks."""
        found = self._model_client_symbols
        if found is None:
            found = self._model_client_symbols = frozenset(
                edge.target for edge in self._module_edges
                if _reads_attribute(edge.value, attribute))
        return found

    def _from_unread_module(self, use: Use) -> list[UnresolvedUse]:
        """A Nylas-looking use of a member of a module imported by a name the analysis
        cannot read: said as a call of such a member is (see ``call_effects``), every
        scope silent, with the same words (a use also recorded as a call is one
        finding)."""
        return [UnresolvedUse(use.span, f"{use.text}() comes from a module imported by "
                              "a name the analysis cannot read", None)]

    def _untold_receiver(self, use: Use) -> list[UnresolvedUse]:
        """A Nylas-looking call on something the analysis cannot tell (see
        ``_unknown_receiver``), or on what a package outside the project gives (see
        ``_unseen_wrapper``): asked the same way of a call made in place and of a
        method held, handed or stored first (``coll = somelib.connect().events`` then
        ``coll.all()``), so that one call gets one verdict however it is written."""
        return self._unknown_receiver(use) or self._unseen_wrapper(use)

    def _unknown_receiver(self, use: Use) -> list[UnresolvedUse]:
        """A Nylas-looking call on something the analysis cannot tell: a client or a
        model the project got from code it does not see (a framework calling a
        function with it).  Collections are told by their names; model methods by
        names no other library uses, or on a parameter no project code fills."""
        if self._external(use.root) and not (
                _imported_as_nylas(use.root) or _named_like_a_client(use.root)):
            # ``request.files.get(...)``: another library's object.  (What the app
            # keeps on one under a client's name, ``apps.get_app_config("mail").nylas``,
            # may be its client.)
            return []
        scopes = self._named_chain_scopes(use)
        if not scopes:
            return []
        return [UnresolvedUse(use.span, f"cannot tell whether {use.text}() is a Nylas call",
                              scopes)]

    def _unseen_wrapper(self, use: Use) -> list[UnresolvedUse]:
        """A collection's method called on what a name imported from a package the
        project does not hold gives (``make_client().messages.all()``, see
        ``unseen_wrappers``): a possible Nylas call, not a counted one."""
        package = unseen_package_root(
            use.root, lambda symbol: self._bindings().get(symbol, ()), self._external_name)
        if package is None:
            return []
        scopes = self._named_chain_scopes(use)
        if not scopes:
            return []
        return [UnresolvedUse(
            use.span, f"cannot tell whether {use.text}() is a Nylas call: its receiver "
            f"comes from {package}, a package outside the project", scopes)]

    def _named_chain_scopes(self, use: Use) -> frozenset[str]:
        """The scopes the SDK members a use's chain may name could touch."""
        scopes: frozenset[str] = frozenset()
        for attrs in _named_members(use.attrs, self.sdk):
            scopes |= self._chain_scopes(use, attrs)
        return scopes

    def _chain_scopes(self, use: Use, attrs: tuple[str, ...]) -> frozenset[str]:
        """What ``attrs`` on an object the analysis cannot tell could request."""
        first = attrs[0]
        sdk = self.sdk
        scopes: frozenset[str] = frozenset()
        if first in sdk.collections and len(attrs) > 1 and (
            attrs[1] in sdk.collections[first].operations or attrs[1] in ("__iter__", "create")
        ):
            scopes = sdk.collection_scopes(first)
        elif len(attrs) == 1 and first in sdk.model_method_scopes and (
            first in sdk.distinctive_model_methods or _is_parameter(use.root)
        ):
            scopes = sdk.model_method_scopes[first]
        elif len(attrs) == 1 and first in sdk.client_method_scopes:
            # ``api.free_busy(...)`` on an API v2 client a framework hands in.
            scopes = sdk.client_method_scopes[first]
        # ``self.nylas.messages.send(...)`` on an API v3 client it cannot tell.
        return scopes | self._resource_guess(attrs)

    def _distinctive_chain(self, use: Use) -> list[UnresolvedUse]:
        """A chain only the SDK's objects are known to have, ending at this use
        (``box.connection().drafts.create(...).send()``), on an object the analysis
        cannot tell in a module that does not mention Nylas: a client the project got
        from code it does not see may be sending it, so the scopes of its collection
        stay silent."""
        chains = self.sdk.distinctive_chains
        if not chains or use.attrs[-1] not in {chain[-1] for chain in chains}:
            return []
        written = _written_members(use)
        for chain in chains:
            # The collection read as an attribute, each member after it called.
            pattern = (chain[0], *(part for name in chain[1:-1] for part in (name, _CALLED)),
                       chain[-1])
            if written[-len(pattern):] == pattern and not self._external(use.root):
                return [UnresolvedUse(
                    use.span, f"cannot tell whether {use.text}() is a Nylas call",
                    self.sdk.collection_scopes(chain[0]))]
        return []

    def _resource_guess(self, attrs: tuple[str, ...]) -> frozenset[str]:
        """What ``<unknown>.messages.send`` could request if the unknown object is an
        API v3 client: the resource's every scope, when a method of it is called."""
        resources = self.sdk.resources
        path = resources[""].children.get(attrs[0])
        for attr in attrs[1:]:
            if path is None:
                return frozenset()
            if attr in resources[path].methods:
                return self.sdk.resource_scopes(path)
            path = resources[path].children.get(attr)
        return frozenset()

    def _resource_op(
        self,
        path: str,
        attrs: tuple[str, ...],
        use: Use,
        endpoints: list[EndpointUse],
        unresolved: list[UnresolvedUse],
    ) -> None:
        """A use of an API v3 client or resource: down the resources it names to the
        method it calls."""
        resources = self.sdk.resources
        for attr in attrs:
            resource = resources[path]
            child = resource.children.get(attr)
            if child is not None:
                path = child
                continue
            if attr in resource.methods:
                for key in resource.methods[attr]:
                    endpoints.extend(self._endpoints(key, use.span, use.text,
                                                     f"{path}.{attr}"))
                return
            if attr == "http_client" or (attr.startswith("_") and not attr.startswith("__")):
                unresolved.append(UnresolvedUse(
                    use.span, f"{use.text} is not in the endpoint map", None))
            elif path:
                unresolved.append(UnresolvedUse(
                    use.span, f"{use.text} is not in the endpoint map",
                    self.sdk.unmapped_call_scopes(path)))
            return

    def _endpoints(self, key: str, span: Span, text: str, operation: str,
                   read: bool = False) -> list[EndpointUse]:
        """A request to one endpoint, in each dialect it is judged in."""
        operation = intern(operation)
        return [EndpointUse(endpoint, span, text, operation, read)
                for endpoint in self.sdk.endpoint(key)]

    def _external(self, value: Val | None) -> bool:
        """Whether a value is an attribute of something imported from another
        library than Nylas (``flask.request``): not a Nylas object."""
        while value is not None and value.kind in ("attr", "call", "item", "iter", "part"):
            if type(value) is HandedCall and self._hands_project(
                    self.resolve(part) for part in value.handed_values):
                # ``get_object_or_404(Box, pk=pk).outbox()``: the app's object.
                return False
            value = value.inner
        if value is not None and value.kind == "sym":
            return value.name in self._foreign  # ``sms = Client(sid, token)``
        if value is None or value.kind != "ref":
            return False
        return self._external_name(value.name)

    def tells_nothing_of(self, value: Val | None) -> bool:
        """Whether ``value`` is an object the analysis cannot tell: it resolves to
        nothing (or only to what unknown objects' attributes give, see
        ``_follow_unknown_objects``), as a parameter no project code fills or what an
        unknown call returns; not another library's object (``requests.Session()``,
        a name the module being judged binds only to such objects), nor one of the
        project's or a Nylas value."""
        if value is None or self._external(value) or any(
                kind != "lost" for kind, _ in self.resolve(value)):
            return False
        return value.kind != "sym" or value.name not in self._bound_outside()

    def calls_another_library(self, value: Val) -> bool:
        """Whether ``value`` calls something imported from a library other than Nylas
        (``OAuth2Session(cid)``): that library's object, whatever the resolver could
        not make of it."""
        callee = value.inner
        return value.kind == "call" and callee is not None and callee.kind == "ref" and (
            self._external_name(callee.name))

    def is_property(self, function: str) -> bool:
        """Whether the project's function of that qualified name is read as a
        property (``@property``, ``functools.cached_property``)."""
        return function in self._properties

    def _bound_outside(self) -> frozenset[str]:
        """The symbols every binding of which in the module being judged is another
        library's object (``session = requests.Session()``): found in one pass over
        its bindings, the first time a use asks."""
        found = self._outside_symbols
        if found is None:
            outside: dict[str, bool] = {}
            for edge in self._module_edges:
                outside[edge.target] = outside.get(edge.target, True) and self._external(
                    edge.value)
            found = self._outside_symbols = frozenset(
                target for target, only_outside in outside.items() if only_outside)
        return found

    def _external_name(self, name: str) -> bool:
        top = name.split(".", 1)[0]
        return top != "nylas" and top not in self._top_packages and not self._resolve_ref(
            name) and self._deep_names.place(name) is None

    def _collection_op(
        self,
        attribute: str,
        rest: tuple[str, ...],
        use: Use,
        endpoints: list[EndpointUse],
        unresolved: list[UnresolvedUse],
    ) -> None:
        collection = self.sdk.collections[attribute]
        operation = rest[0] if rest else "__get__"
        if operation == self.sdk.model_builder:
            if use.span in self._v3_shaped_calls:
                # ``raw.events.create(grant_id, request_body=...)`` on what is read as
                # a v2 client: v2's builder would raise, API v3's sends a request.
                unresolved.append(self._v3_shaped_create(use.span, use.text, attribute))
            return  # builds an unsaved model; the request happens on save/send
        key = collection.operations.get(operation)
        if key is None and not rest:
            return
        if key is None:
            unresolved.append(UnresolvedUse(
                use.span, f"{use.text} is not in the endpoint map",
                self.sdk.unmapped_call_scopes(attribute)))
            return
        endpoints.append(self._endpoint(key, use, f"{attribute}.{operation}"))

    def _v3_shaped_create(self, span: Span, text: str, attribute: str) -> UnresolvedUse:
        """A ``create`` of the v2 collection ``attribute`` called as API v3's resource
        method is called: it may be v3's request, any of the name's scopes."""
        return UnresolvedUse(
            span, f"{text}() is given an argument by position, keywords spread from a "
            f"value or a keyword of API v3's, which API v2's {self.sdk.model_builder}() "
            "does not take",
            self.sdk.unmapped_call_scopes(attribute))

    def _endpoint(self, key: str, use: Use, operation: str) -> EndpointUse:
        # The SDK's operations are few, and each is met at many calls: one string
        # each (a megabyte of a 2,000-module project's peak when built per call).
        return EndpointUse(self.sdk.endpoint(key)[0], use.span, use.text, intern(operation))

    def method_endpoints(self, method: str, span: Span, text: str) -> list[EndpointUse]:
        """The requests a bound Nylas method makes when it is called."""
        owner_kind, owner, operation = _split_method(method)
        sdk = self.sdk
        if owner_kind == "coll" and owner.startswith(V3_PREFIX):
            path = owner[len(V3_PREFIX):]
            return [use for key in sdk.resources[path].methods.get(operation, ())
                    for use in self._endpoints(key, span, text, f"{path}.{operation}")]
        key: str | None = None
        label = operation
        if owner_kind == "client":
            key = sdk.client_methods.get(operation)
        elif owner_kind in ("coll", "models"):
            attribute = owner if owner_kind == "coll" else sdk.collection_of_model.get(owner, "")
            if attribute:
                key = sdk.collections[attribute].operations.get(operation)
                label = f"{attribute}.{operation}"
        elif owner_kind == "model" and owner in sdk.models:
            key = sdk.models[owner].methods.get(operation)
            label = f"{owner}.{operation}"
        if key is None:
            return []
        return self._endpoints(key, span, text, label)

    def reach(self, obj: Obj) -> frozenset[str] | None:
        """Every scope an object could need once the analysis loses it; None: any.

        That is the union of what each object reachable from it needs by itself (a
        function reaches what it returns, an instance what its class's instances
        hold, a method what it returns, a container its element).  Objects that reach
        each other reach the same: one depth-first walk (Tarjan's strongly connected
        components) finds each object's answer once and remembers it.  Following
        every path instead is exponential where classes hold each other's instances
        (an SDK's own models do), and walking again from each object asked about is
        quadratic in a framework's thousands of classes."""
        return self._closure(obj, self._reached, self._reach_step)

    def helpers_reached(self, obj: Obj) -> frozenset[str]:
        """The classes of the SDK's scope-requesting helpers (``Routes``) that code
        getting ``obj`` could get to, along the paths ``reach`` follows (an instance
        of the project holding one in an attribute, a container of such instances):
        that code may build the helper's authentication URL with any scopes."""
        if self._helper_held is None:
            self._helper_held = any(_helper_class(held) for objs in self.values.values()
                                    for held in objs)
        if not self._helper_held:
            return frozenset()
        return self._closure(obj, self._helpers, self._helper_step) or frozenset()

    def held_clients_reached(self, obj: Obj) -> frozenset[str]:
        """The places of the HTTP clients with a base URL (see ``HeldClient``) that
        code getting ``obj`` could get to, along the paths ``reach`` follows (an
        instance of the project holding one in an attribute, a container of such
        instances): that code may send any request with them."""
        if not self._held_clients:
            return frozenset()
        return self._closure(obj, self._held_reached, self._held_client_step) or frozenset()

    def _held_client_step(self, obj: Obj) -> tuple[frozenset[str] | None, Iterable[Obj]]:
        """``_reach_step`` for ``held_clients_reached``: a held client is its place."""
        if obj[0] == "http":
            return frozenset({obj[1]}), ()
        if obj[0] == "method":
            return frozenset(), ()
        return frozenset(), self._reach_step(obj)[1]

    def _helper_step(self, obj: Obj) -> tuple[frozenset[str] | None, Iterable[Obj]]:
        """``_reach_step`` for ``helpers_reached``: a helper is itself, and what the
        other objects lead to is what they lead to there."""
        if obj[0] == "helper":
            return frozenset({obj[1]}), ()
        if obj[0] == "method":
            # (What a bound method returns: no step to a project's instance.)
            return frozenset(), ()
        return frozenset(), self._reach_step(obj)[1]

    def _closure(self, obj: Obj, memo: dict[Obj, frozenset[str] | None],
                 step: Callable[[Obj], tuple[frozenset[str] | None, Iterable[Obj]]]
                 ) -> frozenset[str] | None:
        """The union of what ``step`` says each object reachable from ``obj`` has by
        itself (None: anything), remembered in ``memo`` for each object met."""
        known = memo.get(obj, _UNREACHED)
        if known is not _UNREACHED:
            return known
        order: dict[Obj, int] = {}
        lowest: dict[Obj, int] = {}
        gathered: dict[Obj, set[str] | None] = {}
        component: list[Obj] = []
        walk: list[tuple[Obj, Iterator[Obj]]] = []

        def enter(node: Obj) -> None:
            order[node] = lowest[node] = len(order)
            component.append(node)
            own, further = step(node)
            gathered[node] = None if own is None else set(own)
            walk.append((node, iter(further)))

        def gather(node: Obj, more: AbstractSet[str] | None) -> None:
            mine = gathered[node]
            if mine is None:
                return
            if more is None:
                gathered[node] = None
            else:
                mine |= more

        enter(obj)
        while walk:
            node, successors = walk[-1]
            for successor in successors:
                done = memo.get(successor, _UNREACHED)
                if done is not _UNREACHED:
                    gather(node, done)
                elif successor not in order:
                    enter(successor)
                    break
                else:  # on the walk's stack: the same component
                    lowest[node] = min(lowest[node], order[successor])
            else:
                walk.pop()
                if lowest[node] == order[node]:
                    members: list[Obj] = []
                    union: set[str] | None = set()
                    while True:
                        member = component.pop()
                        members.append(member)
                        more = gathered[member]
                        union = None if union is None or more is None else union | more
                        if member == node:
                            break
                    result = None if union is None else frozenset(union)
                    for member in members:
                        memo[member] = result
                if walk:
                    parent = walk[-1][0]
                    lowest[parent] = min(lowest[parent], lowest[node])
                    done = memo.get(node, _UNREACHED)
                    if done is not _UNREACHED:
                        gather(parent, done)
        return memo[obj]

    def _held_by(self, klass: str) -> list[Objs]:
        """What the instances of one class hold in their attributes (after solving)."""
        if self._holdings is None:
            holdings: dict[str, list[Objs]] = {}
            for target, held in self.values.items():
                if target.startswith(ATTRIBUTE):
                    holdings.setdefault(qualified_name(target).rpartition(".")[0], []).append(held)
            self._holdings = holdings
        return self._holdings.get(klass, [])

    def _reach_step(self, obj: Obj) -> tuple[frozenset[str] | None, Iterable[Obj]]:
        """What one object needs by itself (None: any scope), and the objects
        code holding it can get to from it."""
        kind, name = obj
        sdk = self.sdk
        if kind in ("client", "nylas_class") or _sends_anything(obj):
            return None, ()
        if kind == "coll" and name.startswith(V3_PREFIX):
            return sdk.resource_scopes(name[len(V3_PREFIX):]), ()
        if kind == "coll":
            return sdk.collection_scopes(name), ()
        if kind == "models":
            attribute = sdk.collection_of_model.get(name)
            return (sdk.collection_scopes(attribute) if attribute
                    else sdk.model_scopes(name)), ()
        if kind == "model":
            return sdk.model_scopes(name), ()
        if kind == "method":
            owner_kind, owner, _operation = _split_method(name)
            if owner_kind == "box":
                return frozenset(), (unbox(("box", owner)),)
            own = sdk.endpoint_scopes(
                use.endpoint.key for use in self.method_endpoints(name, Span("", 0, 0, 0, 0), ""))
            own |= self._handed_method_scopes(name)
            # What it returns could be used further.
            return frozenset(own), self._method_result(name)
        if kind == "box":
            return frozenset(), (unbox(obj),)
        if kind == "func":
            # Code that gets a function can call it and use what it returns.
            return frozenset(), self.values.get(f"{RETURNED}{name}", ())
        if kind == "inst":
            # Code that gets an instance can read what it holds.
            return frozenset(), [inner for klass in self._family(name)
                                 for held in self._held_by(klass) for inner in held]
        if kind == "lost":
            return frozenset(), self._unknown_object_values().get(lost_base(name), _NOTHING)
        return frozenset(), ()

    def _lost(self, objs: Objs, span: Span, how: str, text: str) -> tuple[
            list[EndpointUse], list[UnresolvedUse]]:
        """Nylas values that reach a place the analysis does not follow: a bound
        method counts as called there; what else the value may hold is one
        unresolved use, whose scopes are all that any of it could need."""
        endpoints: list[EndpointUse] = []
        scopes: set[str] | None = set()
        held: list[str] = []
        lost: list[UnresolvedUse] = []
        for obj in sorted(objs):
            kind, name = obj
            reach: frozenset[str] | None
            if kind == "lost":
                lost += self._lost_track(name, span, how)
                continue
            if obj == CLIENT_OBJ and how == _TO_GETATTR:
                self.clients_to_getattr.add(span)
            helper = _helper_class(obj)
            if helper:
                self.lost_requests.setdefault(span, (
                    helper, f"{text or describe(obj)} is {how}"))
                continue
            for held_helper in sorted(self.helpers_reached(obj))[:1]:
                # ``deliver(self)`` where ``self.routes = Routes(client)``.
                self.lost_requests.setdefault(span, (held_helper, (
                    f"{text or describe(obj)}, which holds "
                    f"{describe(('helper', held_helper))}, is {how}")))
            if kind == "method" and not name.startswith("box|"):
                endpoints += self.method_endpoints(name, span, text)
                # What the method returns could be used further.
                results = [self.reach(result) for result in self._method_result(name)]
                reach = None if None in results else frozenset().union(
                    *(r for r in results if r is not None),
                    self._handed_method_scopes(name))
                if reach is None:
                    scopes = None
            elif kind in ("inst", "func") or kind in _NYLAS_KINDS or _sends_anything(obj):
                reach = self.reach(obj)
                if reach is None:
                    scopes = None
            else:
                continue
            if reach is None or reach:
                held.append(describe(obj))
                if scopes is not None and reach is not None:
                    scopes |= reach
        if not held:
            return endpoints, lost
        what = _listing(list(dict.fromkeys(held)))
        subject = f"{text} ({what})" if text else what
        return endpoints, [UnresolvedUse(
            span, f"{subject} is {how}", frozenset(scopes) if scopes is not None else None),
            *lost]

    def _lost_track(self, name: str, span: Span, how: str) -> list[UnresolvedUse]:
        """A ``lost`` object used: what the project keeps under its name may be
        anything the analysis does not follow."""
        name = lost_base(name)
        held = sorted(obj for obj in self._unknown_object_values().get(name, _NOTHING)
                      if obj[0] != "lost")
        scopes = self.reach(("lost", name))
        if not held or not (scopes is None or scopes):
            return []
        what = _listing(list(dict.fromkeys(describe(obj) for obj in held)))
        # What is unknown is the object; what ``.name`` gives on the project's own
        # objects is why its use matters.
        return [UnresolvedUse(
            span, f".{name} of an object the analysis cannot tell (on the project's own "
            f"objects it gives {what}) is {how}", scopes, origin=f"lost:{name}")]

    def _lost_objects(self, objs: Objs, span: Span, how: str) -> list[UnresolvedUse]:
        """The ``lost`` objects among ``objs`` (see ``_lost_track``)."""
        return [use for kind, name in objs if kind == "lost"
                for use in self._lost_track(name, span, how)]

    def _lost_reads(self, value: Val | None, objs: Objs, span: Span, how: str
                    ) -> list[UnresolvedUse]:
        """The ``lost`` objects among what ``value`` holds, where only reading it may
        make a request with them: it may be a query to fetch."""
        if not any(kind == "lost" for kind, _ in objs) or not self._lost_read_may_fetch(value):
            return []
        return self._lost_objects(objs, span, how)

    def _read_may_fetch(self, name: str) -> bool:
        return read_may_fetch(self._lost_value(name), V3_PREFIX)

    def _lost_call_may_request(self, callee: Val | None) -> bool:
        """Whether calling a lost object may send a request the analysis does not see
        at this call.  ``params.get(...)`` runs a method ``get`` of the project, if
        any: its body is judged where it is written, what it returns is the lost
        object carried on, and its arguments are lost at the call (see
        ``_may_run_project_method``).  ``draft.send()`` on a draft of a list the
        analysis lost is a request; ``page.lower()`` on what ``get`` returns is not."""
        if callee is not None and callee.kind == "attr":
            # (On an object the analysis cannot tell, ``inner`` holds no lost object:
            # the call runs the project's method.)
            value = self._value_of(callee.inner)
            return attribute_may_request(
                value, lambda obj: self._attribute(obj, callee.name),
                lambda given: not _may_request_when_called(given))
        return call_may_request(self._value_of(callee), _may_request_when_called)

    def _lost_callable_in_template(self, name: str) -> bool:
        """Whether a lost object may be a client, a resource or a bound method that a
        library's code can make requests with (see ``_callable_in_template``)."""
        objs, anything = self._lost_value(name)
        return anything or any(_callable_in_template(obj) for obj in objs)

    def _lost_chain_may_request(self, root: Val | None, attrs: tuple[str, ...]) -> bool:
        """Whether an attribute chain that reads like a Nylas call (``draft.send``,
        ``thread.messages.all``) on a lost object may send a request."""
        value = self._value_of(root)
        if len(attrs) == 1:
            return attribute_may_request(
                value, lambda obj: self._attribute(obj, attrs[0]),
                lambda given: not _may_request_when_called(given))
        return attribute_may_request(
            value, lambda obj: self._attribute(obj, attrs[0]),
            lambda given: given[0] in ("func", "class") or _is_container_method(given))

    def _lost_read_may_fetch(self, value: Val | None) -> bool:
        """Whether reading ``value`` (a lost object, or an expression made from one)
        may fetch: it may be a query or an API v2 collection."""
        return read_may_fetch(self._value_of(value), V3_PREFIX)

    def _value_of(self, value: Val | None) -> tuple[frozenset[Obj], bool]:
        """What the lost objects a value holds may be, after the steps its own
        expression takes from the name that holds them (``draft.subject.lower()``):
        the objects, and whether they may be anything."""
        steps: list[Val] = []
        root = value
        while root is not None and root.kind in ("attr", "call", "item", "iter"):
            steps.append(root)
            root = root.inner
        steps.reverse()
        start: list[Obj] = [obj for obj in self.resolve(root) if obj[0] == "lost"] if (
            root is not None) else []
        called_read = False
        if not start and steps:
            # ``params.get(...)``: the read makes the lost object; calling it gives
            # what the methods return, which the lost object stands for already.  So
            # does a read further on whose receiver holds no other object
            # (``box.find(pk).client`` of a ``box`` the analysis cannot tell).
            for index, step in enumerate(steps):
                if step.kind == "attr" and step.name in self._lost_names and (
                        index == 0 or self._makes_lost(step.inner)):
                    start, steps, called_read = (
                        [("lost", step.name)], steps[index + 1:], True)
                    break
        objs, anything = self._with_elements(start)
        for step in steps:
            if anything:
                break
            if called_read and step.kind == "call":
                called_read = False
                continue
            called_read = False
            given: set[Obj] = set()
            for obj in objs:
                if step.kind == "attr":
                    given |= self._attribute(obj, step.name)
                elif step.kind == "call":
                    given |= self._call_results(obj)
                else:
                    given |= self._elements(obj)
            objs, anything = self._with_elements(given)
        return objs, anything

    def _makes_lost(self, receiver: Val | None) -> bool:
        """Whether reading a lost name on ``receiver`` makes a lost object, as
        ``_evaluate`` has it: the receiver holds lost objects only, or nothing, and
        is not another library's."""
        return all(kind == "lost" for kind, _ in self.resolve(receiver)) and (
            not self._external(receiver))

    def _lost_value(self, name: str) -> tuple[frozenset[Obj], bool]:
        """What a lost object may be, once the project's values are solved, and
        whether it may be anything (see ``_with_elements``)."""
        known = self._lost_values.get(name)
        if known is not None:
            return known
        if name in self._lost_computing:
            return frozenset(), True  # held within itself: no answer but any
        self._lost_computing.add(name)
        try:
            if is_made(name):
                inner, anything = made_from(self._held_as(lost_base(name)), self._made_step)
                known = (inner, True) if anything else self._with_elements(inner)
            else:
                known = self._with_elements(self._held_as(name))
        finally:
            self._lost_computing.discard(name)
        self._lost_values[name] = known
        return known

    def _held_as(self, base: str) -> set[Obj]:
        """What the lost object ``base`` stands for: a method ``base`` of the project,
        what such a method returns, what the project's instances hold under that
        name (a property's result among it)."""
        held: set[Obj] = set(self._unknown_object_values().get(base, _NOTHING))
        held |= {("func", method) for method in self._methods_named_as(base)
                 if method not in self._properties}
        return held

    def _with_elements(self, objs: Iterable[Obj]) -> tuple[frozenset[Obj], bool]:
        """``objs``, what they hold as elements, and what the lost ones among them
        stand for (``^get``: anything made from what ``get`` stands for); True
        beside them where one may be anything (the SDK's machinery, a client)."""
        found: set[Obj] = set()
        expanded: set[str] = set()
        pending = list(objs)
        while pending:
            obj = pending.pop()
            if obj in found:
                continue
            kind, name = obj
            if kind == "lost":
                if name not in expanded:
                    expanded.add(name)
                    inner, anything = self._lost_value(name)
                    if anything:
                        return frozenset(found), True
                    pending += inner
                continue
            found.add(obj)
            if kind == "unmapped":
                return frozenset(found), True
            pending += self._elements(obj)
        return frozenset(found), False

    def _call_results(self, obj: Obj) -> Objs:
        """What calling ``obj`` gives (as ``_call`` has it)."""
        kind, name = obj
        if kind == "nylas_class":
            return frozenset({("client", name)})
        if kind == "func":
            return self.values.get(f"{RETURNED}{name}", _NOTHING)
        if kind == "class":
            return self._instance(name)
        if kind == "inst":
            return self._instance(name) | self._instance_call_results(name)
        if kind == "model_class":
            return frozenset({("model", name)})
        if kind == "method":
            return frozenset(self._method_result(name))
        if kind in ("lost", "unmapped"):
            return frozenset({("unmapped", name)})
        return _NOTHING

    def _made_step(self, obj: Obj) -> Iterable[Obj] | None:
        """One step of what code holding ``obj`` can get to; None where the object
        may lead to anything (a client, the SDK's machinery, a module)."""
        kind, name = obj
        if kind == "lost":
            return self._unknown_object_values().get(lost_base(name), _NOTHING)
        if kind in ("box", "models") or (kind == "coll" and not name.startswith(V3_PREFIX)):
            return self._elements(obj)
        if kind == "coll":
            resource = self.sdk.resource(name)
            return () if resource is None else [
                ("coll", V3_PREFIX + child) for child in resource.children.values()]
        if kind == "model":
            model = self.sdk.models.get(name)
            if model is None:
                return ()
            found: set[Obj] = {("coll", child) for child in model.children.values()}
            for member in (*model.members.values(), *model.results.values()):
                found |= _member_objects(member)
            return found
        if kind == "method":
            return self._method_result(name)
        if kind == "func":
            return self.values.get(f"{RETURNED}{name}", _NOTHING)
        if kind == "class":
            return self._instance(name)
        if kind == "model_class":
            return (("model", name),)
        if kind == "inst":
            family = self._family(name)
            return [*(inner for klass in family for held in self._held_by(klass)
                      for inner in held),
                    *(inner for klass in family for function in self._methods_of(klass)
                      for inner in self.values.get(f"{RETURNED}{function}", _NOTHING))]
        return None

    def _said_by_use(self, callee: Val | None) -> bool:
        """Whether the call of ``callee``, recorded as a use already, is reported by
        that use: a member of an API v2 client outside the map (``api.send_raw()``)
        is, with every scope silent, and once is enough."""
        if callee is None:
            return False
        if callee.kind == "attr":
            return CLIENT_OBJ in self.resolve(callee.inner)
        if callee.kind == "ref" and "." in callee.name:
            # ``client.send_raw()`` of ``from app.auth import client``: the extractor
            # folds the member into the imported name, so the receiver is the prefix.
            prefix = callee.name.rpartition(".")[0]
            return CLIENT_OBJ in self._resolve_node(self._node("ref", prefix, NO_NODE), 0)
        return False

    def _unmapped_model_method(self, call: CallSite) -> list[UnresolvedUse]:
        """``message.move_to_trash()``: a public method the endpoint map does not name,
        called on an API v2 model object (see ``_model_lacks``)."""
        callee = call.callee
        if callee is None or callee.kind != "attr" or callee.inner is None or (
                is_pattern(callee.name)):
            # (``getattr(thread, action)()`` is weighed as the escape it is.)
            return []
        scopes: set[str] = set()
        found = False
        receivers = self.resolve(callee.inner)
        if self._another_model_has(receivers, callee.name):
            return []
        for kind, owner in receivers:
            if kind == "model" and self._model_lacks(owner, callee.name):
                found = True
                scopes |= self._unmapped_model_scopes(owner)
        if not found:
            return []
        return [UnresolvedUse(call.span, f"{call.callee_text}() is not in the endpoint map",
                              frozenset(scopes))]

    def _another_model_has(self, objs: Objs, name: str) -> bool:
        """Whether one of the API v2 model objects a receiver may be has the method
        ``name`` in the map (``handle(obj)`` of a generic function given a message or
        an event, calling ``obj.mark_as_read()``): that call's request is counted for
        the model that has it, and on the others the SDK has no such method to send
        anything with."""
        models = self.sdk.models
        return any(kind == "model" and owner in models and (
            name in models[owner].methods or name in models[owner].children)
            for kind, owner in objs)

    def _model_lacks(self, model_name: str, name: str) -> bool:
        """Whether calling ``name`` on an API v2 model object calls a method the
        endpoint map does not know.  A model's fields are data, never called, and the
        SDK's methods that send nothing are listed; any other public name is a method
        of an SDK the map does not describe, which may send any request of the model
        and its collection."""
        sdk = self.sdk
        model = sdk.models.get(model_name)
        if model is None or name.startswith("_") or name in sdk.model_local_methods or (
                name == sdk.model_client_attribute):
            return False
        return not any(name in table for table in (
            model.methods, model.children, model.members, model.results))

    def _unmapped_model_scopes(self, model_name: str) -> frozenset[str]:
        """What a method of a model object that the map does not know may need: any
        scope of the model's requests and of its collection's."""
        scopes = set(self.sdk.model_scopes(model_name))
        attribute = self.sdk.collection_of_model.get(model_name)
        if attribute is not None:
            scopes |= self.sdk.collection_scopes(attribute)
        return frozenset(scopes)

    def _methods_named_as(self, name: str) -> list[str]:
        """The methods of the project's classes called ``name``, properties too."""
        self._methods_of("")
        return self._methods_named.get(name, [])

    def _methods_of(self, klass: str) -> list[str]:
        """The methods of one class of the project."""
        if self._class_methods is None:
            methods: dict[str, list[str]] = {}
            for function in self.functions:
                owner, _, method = function.rpartition(".")
                if owner in self.classes:
                    methods.setdefault(owner, []).append(function)
                    self._methods_named.setdefault(method, []).append(function)
            self._class_methods = methods
        return self._class_methods.get(klass, [])

    def call_effects(self, call: CallSite, nylas_module: bool = True
                     ) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
        """What a call does with Nylas values: requests it makes, values it loses."""
        endpoints: list[EndpointUse] = []
        unresolved: list[UnresolvedUse] = []
        callees = self.resolve(call.callee)
        # Most calls' callees resolve to nothing (``len(x)``, a method of an object
        # the analysis cannot tell): the tests over them are skipped, with the same
        # answers (``any`` and ``sorted`` of nothing).
        project = bool(callees) and any(self._callables(kind, name) for kind, name in callees)
        nylas_call = False
        for kind, name in callees:
            if kind == "method" and not name.startswith("box|"):
                nylas_call = True
                if call.invokes:
                    endpoints += self.method_endpoints(name, call.span, call.callee_text)
                    shaped = self._bound_v3_shaped_create(name, call)
                    if shaped is not None:
                        unresolved.append(shaped)
                    later = self._later_method_scopes(name)
                    if later is not None:
                        unresolved.append(UnresolvedUse(
                            call.span, f"{call.callee_text}() is not in the endpoint map",
                            later))
            elif kind == "unmapped":
                if not call.invokes and self._said_by_use(call.callee):
                    continue
                unresolved.append(UnresolvedUse(call.span, f"{call.callee_text}() " + (
                    "comes from a module imported by a name the analysis cannot read"
                    if name == UNREAD_MODULE else "is not in the endpoint map"), None))
            elif kind == "client" and call.callee is not None and call.callee.kind == "self":
                # ``cls(key)`` in a classmethod of the project's subclass of the SDK
                # client makes a client (what it gives is read as the class's
                # instance); the constructor sends nothing.  Neither SDK's client
                # has a ``__call__`` (nylas-python 5.14 ``client/client.py``, 6.x
                # ``client.py``), so calling ``self`` runs the subclass's own,
                # followed as its method.
                pass
            elif kind in ("client", "coll", "model", "models"):
                # Calling a Nylas object that is not a method: not modelled.
                found, lost = self._lost(frozenset({(kind, name)}), call.span,
                                         "called", call.callee_text)
                endpoints += found
                unresolved += lost
            elif kind == "lost" and call.invokes and self._lost_call_may_request(call.callee):
                unresolved += self._lost_track(name, call.span, f"called as {call.callee_text}()")
        if call.invokes:
            unresolved += self._unmapped_model_method(call)
        if self._replaced_members:
            # (Made whether or not the call is judged as a use of its chain: its
            # arguments are handed over either way.)
            unresolved += self._replaced_method_call(call)
        partly = self.partly_untold(call.callee)
        if (not callees or partly) and call.invokes:
            use = _chain_use(call.callee, call.span, call.callee_text, self.sdk)
            if use is not None and call.callee is not None:
                # Judged as the call made in place is, also where it is a hand-over's
                # (``functools.partial(raw.events.all)()``).
                unresolved += self._held_use(use, call.callee, nylas_module, False, False)
            elif use is None:
                unresolved += self._held_unknown_receiver(call, nylas_module)
        if project and call.invokes:
            unresolved += self._methods_handed_to_project(call, nylas_module)
        elif call.modelled and call.invokes and not nylas_call:
            unresolved += self._methods_stored_or_spread(call, nylas_module)
        if not callees:
            found, lost = self._unknown_method_result(call)
            endpoints += found
            unresolved += lost
        if call.registers and not project:
            found, lost = self._returned_to_library(call)
            endpoints += found
            unresolved += lost
        if self._untold_dispatch:
            found, lost = self._untold_implementations(call)
            endpoints += found
            unresolved += lost
        if project and not nylas_call and not call.modelled and call.invokes:
            found, lost = self._maybe_another_library(call)
            endpoints += found
            unresolved += lost
        registry_lost: list[UnresolvedUse] = []
        if project and not nylas_call and call.invokes:
            found, registry_lost = self._through_changed_registry(call)
            endpoints += found
            unresolved += registry_lost
        untold = sorted(name for kind, name in callees if kind == "untold") if callees else []
        if untold and call.invokes and not registry_lost:
            found, lost = self._passed_to_untold(call, untold[0])
            endpoints += found
            unresolved += lost
        if project or nylas_call or call.modelled:
            # Project code binds its parameters; a Nylas call sends its arguments to
            # Nylas; a modelled call's arguments are followed by other records.
            return endpoints, unresolved
        arguments = call.passed
        if not any(argument is not None for argument in arguments):
            # Handed nothing (``session.commit()``): the loop over what it is handed
            # below would add nothing, whatever the callee.
            return endpoints, unresolved
        callee = call.callee
        qualified = callee.name if callee is not None and callee.kind == "ref" else (
            call.callee_text)
        last = qualified.rsplit(".", 1)[-1]
        # A reader the project may bind again (``builtins.print = spy``) is no read.
        harmless = not call.redefined and (qualified in DATA_FUNCTIONS or (
            "." in qualified and last in DATA_METHODS and not self._may_run_project_method(call)
        ) or any(kind == "nylas_class" for kind, _ in callees) or (
            qualified in self.sdk.app_level_helpers) or (
            bool(callees) and all(self._bare_helper_class(obj) for obj in callees)))
        template = qualified in TEMPLATE_FUNCTIONS or (
            "." in qualified and last in TEMPLATE_METHODS
        )
        how = f"passed to {call.callee_text}()"
        if qualified == "setattr":
            # ``setattr(obj, name, value)`` changes ``obj``; only ``value`` goes on.
            arguments = arguments[2:]
        for argument in arguments:
            if argument is None:
                continue
            objs = self.resolve(argument)
            if objs and not harmless and self.partly_untold(argument):
                # ``run(raw.messages.list)`` with ``raw`` a fake or what the analysis
                # cannot follow: judged as on an unknown object too.
                use = _chain_use(argument, call.span, _describe_value(argument), self.sdk)
                if use is not None and self._may_be_nylas(use, argument, nylas_module):
                    unresolved += self._untold_receiver(use)
            if not objs:
                # ``send_all(box.outgoing)`` with ``box`` an object it cannot tell.
                found, lost = self._unknown_attribute(argument, call.span)
                endpoints += found
                unresolved += lost
            if not objs and not harmless:
                # ``run(client.calendars.all)`` with a client the analysis cannot tell.
                use = _chain_use(argument, call.span, _describe_value(argument), self.sdk)
                if use is not None and self._may_be_nylas(use, argument, nylas_module):
                    unresolved += self._untold_receiver(use)
                elif use is None and argument.kind in _HOLDING_VALUES and callee is not None:
                    # ``functools.reduce(lambda acc, f: f(grant), [raw.messages.list])``:
                    # a container of methods, whose elements the callee may call.  (A
                    # callee that is no value, such as ``None`` that ``filter(None,
                    # jobs)`` hands the elements to, calls nothing.)
                    unresolved += self._escaping_method(
                        argument, how, nylas_module, lambda root: call.span)
                continue
            callable_in_template = frozenset(
                obj for obj in objs if _callable_in_template(obj)
            ) if template else frozenset()
            if callable_in_template:
                found, lost = self._lost(callable_in_template, call.span, how,
                                         _describe_value(argument))
                endpoints += found
                unresolved += lost
                objs = objs - callable_in_template
            if harmless:
                named = _describe_value(argument) or "a Nylas query"
                endpoints += self._reads(objs, call.span,
                                         f"{named} read by {call.callee_text}()")
                # Jinja calls what a template is given; other sinks only read it.
                unresolved += self._lost_objects(objs, call.span, how) if template else (
                    self._lost_reads(argument, objs, call.span, how))
                continue
            found, lost = self._lost(objs, call.span, how, _describe_value(argument))
            endpoints += found
            unresolved += lost
        return endpoints, unresolved

    def _bindings(self) -> Mapping[str, list[Val]]:
        """What each symbol of the module being judged is bound to, found once."""
        bindings = self._module_bindings
        if bindings is None:
            bindings = self._module_bindings = bindings_by_symbol(self._module_edges)
        return bindings

    def _held_unknown_receiver(self, call: CallSite, nylas_module: bool
                               ) -> list[UnresolvedUse]:
        """A call of a value this module holds a method of an object the analysis
        cannot tell in: a name bound to it (``f = raw.messages.find``, then ``f(grant,
        message_id)``), an element of a container (``{"run": raw.messages.list}[
        "run"](grant)``, ``for job in jobs: job(grant)``) or an attribute of the
        project's object made from such an object (``Box(raw.messages).value.list(
        grant)``): as unresolved as the call made in place, and more, since the
        arguments a method's name shares with other libraries' are not looked at
        (``handed``)."""
        callee = call.callee
        if callee is None or callee.kind not in _HOLDING_CALLEES or not self._module_edges:
            return []
        # A method called in place on a held receiver (``coll = db.messages`` then
        # ``coll.find({"a": 1})``) shows its arguments, as the call made in place
        # does: only a method held whole is called where they are not looked at.
        held_receiver = callee.kind == "attr"
        return self._held_methods(callee, call.span, call.callee_text, nylas_module,
                                  handed=not held_receiver, held_receiver=held_receiver,
                                  one_use=True)

    def _held_methods(self, value: Val, span: Span, text: str, nylas_module: bool,
                      handed: bool, held_receiver: bool = False, one_use: bool = False,
                      taken: bool = False) -> list[UnresolvedUse]:
        """The Nylas-looking methods of objects the analysis cannot tell that
        ``value`` may hold (see ``held_chains``), each as unresolved as its call
        made in place (``handed`` and ``held_receiver``: see ``_may_be_nylas``), named
        with the way it is reached (``raw.messages.list via HANDLERS[kind]()``).
        ``one_use``: one use for a value called once, standing for every method it
        may hold; ``taken``: ``span`` is where the methods are taken from their
        object (see ``UnresolvedUse.held``)."""
        held = self._chains_naming_a_use(value)
        if held is None:
            return []
        found: list[UnresolvedUse] = []
        named: list[str] = []
        if held.cut:
            found.append(_past_the_walk(span, text))
        for root, attrs, _, shown in held.chains:
            # The chain's names first: most chains a call's callee holds name no
            # collection (``results.append``), and resolving their roots, the costly
            # test, would answer a question no use is asked for.
            if not attrs or not self._may_name_a_use(root, attrs):
                continue
            chain = rebuilt_chain(root, attrs)
            method = _chain_words(chain, shown, attrs)
            use = _chain_use(chain, span, f"{method} via {text}", self.sdk)
            if use is None or not self._of_an_untold_object(root, chain, nylas_module,
                                                            shown):
                continue
            told = self._held_use(use, chain, nylas_module, handed, held_receiver)
            lost = [dataclasses.replace(each, held=frozenset({chain}), taken=taken)
                    for each in told]
            if lost and method not in named:
                named.append(method)
            found += lost
        return [_one_use(found, named, text)] if one_use and found else found

    def _chains_naming_a_use(self, value: Val) -> HeldChains | None:
        """What ``value`` may hold (see ``held_chains``), or None where no chain it
        may hold can name a use (see ``_may_name_a_use``): no link of ``value`` nor
        of what the symbols it reads are bound to, however far, is an attribute of
        such a name, and every chain is made of those links.  Most calls whose
        callees resolve to nothing are told so without a walk."""
        names = self._use_names()
        bindings = self._bindings()
        naming = self._naming_symbols
        if naming is None:
            naming = self._naming_symbols = naming_symbols(bindings, names)
        if not may_give_a_name(value, names, naming):
            return None
        return held_chains(value, bindings, self._keeps_handed)

    def _use_names(self) -> frozenset[str]:
        """The names of which a chain's attributes must hold one for ``_chain_use``
        to see a use (a collection, a model's method, a resource)."""
        names = self._chain_use_names
        if names is None:
            sdk = self.sdk
            names = self._chain_use_names = frozenset(
                {*sdk.collections, *sdk.model_method_scopes, *sdk.resources[""].children})
        return names

    def _may_name_a_use(self, root: Val, attrs: tuple[str, ...]) -> bool:
        """Whether ``root`` with ``attrs`` read on it names an attribute for which
        ``_chain_use`` may see a use, without building the chain: its attributes are
        ``attrs`` and those of the root's own chain (one at most, but a walk cut
        short at its limit may leave a longer one)."""
        names = self._use_names()
        if not names.isdisjoint(attrs):
            return True
        link: Val | None = root
        while link is not None and link.kind == "attr":
            if link.name in names:
                return True
            link = link.inner
        return False

    def escaping_chains(self, functions: Sequence[Function], nylas_module: bool,
                        module_chains: Sequence[tuple[str, Span]] = ()
                        ) -> list[UnresolvedUse]:
        """A bound method of an object the analysis cannot tell that leaves the
        function holding it uncalled: returned (``return raw.messages.list``, also a
        list of such methods), kept on an instance or the module (``self.fetch =
        raw.messages.list``, ``global FETCH``, ``FETCH = raw.messages.list`` at module
        level: ``module_chains``) or on framework state.  Whoever gets it there (a
        caller in another module, code reading the attribute or importing the name)
        may call it where the call resolves to nothing, so it counts where it leaves,
        at the function's definition (the module-level binding), as its call made in
        place would, and more, since what
        it is called with is not looked at (``handed``).  A chain the module's own
        calls follow is judged there as well; its scopes stay silent either way."""
        edges = self._module_edges
        if not edges or not any(self._names_sdk_member(edge.value) for edge in edges
                                if edge.target.startswith(_ESCAPE_TARGETS)):
            return []  # the cheap test: no escaping value reads a collection's name
        defined = {function.qualname: function.span for function in functions
                   if function.span is not None}
        defined.update(module_chains)  # keyed by the global's symbol, prefix and all
        found: list[UnresolvedUse] = []
        for edge in edges:
            if edge.target.startswith(_ESCAPE_TARGETS):
                found += self._escaping_method(
                    edge.value, _escape_words(edge.target, _in_a_method(edge.value)),
                    nylas_module,
                    functools.partial(_defining_span, edge.target, defined=defined))
        return found

    def _names_sdk_member(self, value: Val | None, depth: int = 0) -> bool:
        """Whether a value, or a value it holds, reads an attribute named as a
        collection or resource of the SDK (a few links and bindings looked at)."""
        names = self._sdk_member_names
        if names is None:
            sdk = self.sdk
            names = self._sdk_member_names = frozenset(
                {*sdk.collections, *sdk.resources[""].children})
        seen = 0
        while value is not None and seen < _MAX_LINKS_LOOKED_AT:
            if value.kind == "attr" and value.name in names:
                return True
            if value.kind == "sym" and value.name.startswith((LOCAL, PARAMETER)):
                # ``return jobs`` of ``jobs = [raw.messages.list]``: what the local is
                # bound to (a local's own edge is no escape).
                return depth < _MAX_NAMES_LOOKED_THROUGH and any(
                    self._names_sdk_member(bound, depth + 1)
                    for bound in self._bindings().get(value.name, ()))
            value = value.inner
            seen += 1
        return False

    def _another_librarys(self, chain: Val) -> bool:
        """Whether a held chain reads an object of another library than Nylas from
        its root on (``MongoClient().db.messages.find`` held in ``coll``): the use
        made of it names only its part from the collection on, whose root says
        nothing of that, so the whole chain is asked here."""
        return self._external(chain) and not (
            _imported_as_nylas(chain) or _named_like_a_client(chain))

    def _keeps_handed(self, call: HandedCall, attribute: str) -> bool:
        """Whether the instance ``call`` makes of a project class may hold, as
        ``attribute``, what the call is handed: its class sets it from a parameter
        (``self.value = value``, a dataclass field), or the module being judged does
        not show what sets it (a class of another module, an inherited attribute)."""
        bindings = self._bindings()
        for kind, name in self.resolve(call.inner):
            if kind != "class" or name not in self.classes:
                continue
            bound = bindings.get(f"{ATTRIBUTE}{name}.{attribute}")
            own_parameter = f"{PARAMETER}{name}."
            if bound is None or any(value.kind == "sym" and value.name.startswith(
                    own_parameter) for value in bound):
                return True
        return False

    def _methods_handed_to_project(self, call: CallSite, nylas_module: bool
                                   ) -> list[UnresolvedUse]:
        """A bound method of an object the analysis cannot tell, given uncalled to a
        function or class of the project (``call(raw.messages.list, grant)`` with
        ``def call(f, *a): return f(*a)``, a dataclass holding it as a field, a
        timing wrapper), or held in a value so given (``map(lambda f: f(grant),
        [raw.messages.list])``, ``run_all(jobs)`` with ``jobs = [raw.messages.list]``):
        the project's code may call it through a parameter or a field that is not
        followed back to the object, so it counts as the call made in place would,
        and more, since what it is called with is not looked at (``handed``)."""
        found: list[UnresolvedUse] = []
        for value in call.passed:
            if value is None:
                continue
            if value.kind != "attr":
                if value.kind in _HOLDING_VALUES and self._module_edges:
                    found += self._held_methods(value, call.span, call.callee_text,
                                                nylas_module, handed=True)
                continue
            if self.resolve(value) and not self.partly_untold(value):
                continue
            # Named as handed over (``raw.messages.list via timed()``): the wrapper
            # alone says nothing of which method it may call.
            method = _describe_value(value)
            text = f"{method} via {call.callee_text}" if method else call.callee_text
            use = _chain_use(value, call.span, text, self.sdk)
            told = self._held_use(use, value, nylas_module, True, False) if use else []
            found += told
            if not told and self._names_a_collection(value.name) and self._may_hand_a_client(
                    value, nylas_module) and self._of_an_untold_object(
                        _chain_root(value), value, nylas_module):
                # ``paginate(raw.events)`` with ``def paginate(coll): coll.all()``: the
                # parameter is not followed back to the object, so the collection
                # counts as one leaving for code that may call any of its methods.
                found += self._escaping_collection(
                    value, call.span, f"{method or 'a collection'} (passed to "
                    f"{call.callee_text}())")
        return found

    def _methods_stored_or_spread(self, call: CallSite, nylas_module: bool
                                  ) -> list[UnresolvedUse]:
        """A bound method of an object the analysis cannot tell, put into a
        container (``jobs.append(raw.messages.list)``, ``jobs.extend([...])``) or
        spread from a name into a hand-over (``pool.submit(*args)`` with ``args =
        [raw.messages.list, grant]``): the container may go where its elements are
        called and the analysis does not follow them, so the method counts here as
        its call made in place would (``handed``: what it is called with is not
        looked at).  Only calls whose arguments' fate other records tell
        (``modelled``) are asked: the others' arguments are read as escaping."""
        if not self._module_edges:
            return []
        callee = call.callee
        # A bare chain handed to another call is that call's own record (a hand-over
        # is recorded as the call it leads to): only a container's method stores it.
        stores = callee is not None and callee.kind == "attr" and callee.name in (
            _STORING_METHODS)
        found: list[UnresolvedUse] = []
        for value in call.passed:
            if value is None:
                continue
            # A chain written in the container's method's call is taken from its
            # object here: the place the user must look at, which the chain's later
            # readings (where the container leaves or its elements are called) defer to.
            written = stores and value.kind in ("attr", "box")
            if value.kind in _HOLDING_VALUES or written:
                found += self._held_methods(value, call.span, call.callee_text,
                                            nylas_module, handed=True, taken=written)
        return found

    def _maybe_another_library(self, call: CallSite) -> tuple[
            list[EndpointUse], list[UnresolvedUse]]:
        """A call of the project's code that may run another library's callable
        instead, taken from the same table (see ``untold_callees``): what it is
        given goes there too."""
        if call.callee is None or call.callee.kind in ("ref", "attr") or not (
                self._module_edges):
            return [], []
        bindings = self._module_bindings
        if bindings is None:
            bindings = self._module_bindings = bindings_by_symbol(self._module_edges)
        if not may_be_untold(call.callee, bindings, self._external_name):
            return [], []
        how = f"passed to {call.callee_text}(), which may be another library's callable"
        return self._arguments_lost(call, how)

    def _replaced_method_call(self, call: CallSite) -> list[UnresolvedUse]:
        """A call of a method that code outside its class replaces on the class
        (``Digest.send = really_send``, then ``Digest().send(client)``): the function
        put there gets the instance as its first argument, which binding the call's
        arguments to its parameters does not say; what the call is given goes to
        code the analysis does not follow."""
        callee = call.callee
        if callee is None or callee.kind != "attr" or callee.inner is None:
            return []
        for kind, klass in self.resolve(callee.inner):
            if kind not in ("inst", "class"):
                continue
            replaced = next((f"{ancestor}.{callee.name}" for ancestor in self.ancestors(klass)
                             if f"{ancestor}.{callee.name}" in self._replaced_members), None)
            if replaced is not None:
                how = (f"passed to {call.callee_text}(), a method replaced at run time "
                       f"({replaced} = ...)")
                return self._arguments_lost(call, how)[1]
        return []

    def _arguments_lost(self, call: CallSite, how: str) -> tuple[
            list[EndpointUse], list[UnresolvedUse]]:
        """Every value ``call`` passes goes to code the analysis does not follow
        (``how`` says which): the Nylas values among them are lost there."""
        endpoints: list[EndpointUse] = []
        unresolved: list[UnresolvedUse] = []
        for argument in call.passed:
            if argument is not None:
                found, lost = self._lost(self.resolve(argument), call.span, how,
                                         _describe_value(argument))
                endpoints += found
                unresolved += lost
        return endpoints, unresolved

    def _through_changed_registry(self, call: CallSite) -> tuple[
            list[EndpointUse], list[UnresolvedUse]]:
        """A call of an element of a module-level container that code the analysis
        does not follow may write into (see ``written_registries``): what it is
        given may go to whatever was put there."""
        if call.callee is None or call.callee.kind == "ref" or not self._module_edges:
            return [], []  # (a name called is no element of a container)
        bindings = self._module_bindings
        if bindings is None:
            bindings = self._module_bindings = bindings_by_symbol(self._module_edges)
        changed = next((name for name in registries_called(call.callee, bindings)
                        if self._registry_changed(name)), None)
        if changed is None:
            return [], []
        shown = qualified_name(changed) if changed.startswith(GLOBAL) else changed
        how = (f"passed to {call.callee_text}(), taken from {shown}, which code the "
               "analysis does not follow may fill")
        return self._arguments_lost(call, how)

    def _passed_to_untold(self, call: CallSite, registry: str) -> tuple[
            list[EndpointUse], list[UnresolvedUse]]:
        """A call of what may be an element of a container code the analysis does
        not follow may fill, reached through a parameter, a local or a return value:
        what it is given may go to whatever was put there."""
        how = (f"passed to {call.callee_text}(), possibly an element of {registry}, "
               "which code the analysis does not follow may fill")
        return self._arguments_lost(call, how)

    def _registry_changed(self, name: str) -> bool:
        """Whether the container a module reads by ``name`` (its global's symbol, or
        a dotted name through imports) may hold what the analysis cannot tell."""
        dotted = qualified_name(name) if name.startswith(GLOBAL) else name
        return f"{GLOBAL}{dotted}" in self._untold_registries or self.changed_registry(dotted)

    def _untold_implementations(self, call: CallSite) -> tuple[
            list[EndpointUse], list[UnresolvedUse]]:
        """A generic function's call of what is registered on it, where some module
        registers on it in a way the analysis cannot read: its arguments go to code
        it cannot tell."""
        callee = call.callee
        if callee is None or callee.kind != "sym" or not callee.name.startswith(REGISTERED):
            return [], []
        generic = qualified_name(callee.name)
        if generic not in self._untold_dispatch:
            return [], []
        how = (f"passed to {generic.rpartition('.')[2]}(), on which an implementation "
               "the analysis cannot tell is registered")
        return self._arguments_lost(call, how)

    def _unknown_method_result(self, call: CallSite) -> tuple[
            list[EndpointUse], list[UnresolvedUse]]:
        """``box.outbox()`` on an object the analysis cannot tell (a row an ORM
        loaded, an object a framework passes in) may run the method of that name of
        any class of the project: what such a method returns goes to code that is
        followed no further, so the Nylas values among it are lost there."""
        callee = call.callee
        if callee is None or callee.kind != "attr":
            return [], []
        return self._unknown_receiver_result(callee.inner, callee.name, call.span,
                                             call.callee_text)

    def _unknown_receiver_result(self, receiver: Val | None, name: str, span: Span,
                                 text: str) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
        returned = self._returns_of_methods().get(name)
        if not returned or self._external(receiver) or self.resolve(receiver):
            return [], []
        found, lost = self._lost(returned, span, "returned to code the analysis does not follow",
                                 f"what {text}() returns")
        return found, _tracked(lost, name)

    def _may_run_project_method(self, call: CallSite) -> bool:
        """Whether ``notes.log(draft)`` may run a method of the project: the object is
        one the analysis cannot tell, and a class of the project has a method of that
        name (which then gets what the call passes, unseen).  Otherwise the name says
        a logging or string method, which only reads its arguments."""
        callee = call.callee
        return (callee is not None and callee.kind == "attr"
                and callee.name in self._returns_of_methods()
                and not self._external(callee) and not self.resolve(callee.inner))

    def _returns_of_methods(self) -> dict[str, Objs]:
        """What the methods of the project's classes return, joined by method name
        (built once, after solving); every method of the project has its name here."""
        if self._method_returns is None:
            joined: dict[str, set[Obj]] = {}
            for function in self.functions:
                owner, _, method = function.rpartition(".")
                if owner in self.classes:
                    joined.setdefault(method, set()).update(
                        self.values.get(f"{RETURNED}{function}", _NOTHING))
            self._method_returns = {
                name: self._shared(objs) for name, objs in joined.items()}
        return self._method_returns

    def _returned_to_library(self, call: CallSite) -> tuple[
            list[EndpointUse], list[UnresolvedUse]]:
        """A library that registers a function calls it: what it returns is data to
        the library, except a Nylas object that can make requests (a client, an API v3
        resource, a bound method), which the library hands to code the analysis does
        not see (a context processor's client is used by templates)."""
        live: set[Obj] = set()
        names: list[str] = []
        functions: list[str] = []
        for argument in call.args:
            for kind, name in self.resolve(argument) if argument is not None else ():
                if kind != "func":
                    continue
                returned = {obj for obj in self.values.get(f"{RETURNED}{name}", ())
                            if _callable_in_template(obj) or (
                                obj[0] == "lost" and self._lost_callable_in_template(obj[1]))}
                if returned:
                    live |= returned
                    names.append(f"{name.rsplit('.', 1)[-1]}()")
                    functions.append(name)
        if not live:
            return [], []
        endpoints, lost = self._lost(
            frozenset(live), call.span,
            f"returned by a function decorated with @{call.callee_text}, which the "
            "analysis does not follow", ", ".join(names))
        # One finding per function, at its first decorator, however many it has
        # (``@singleton`` over ``@provider``): each says the same of the same values.
        origin = "decorated:" + ",".join(sorted(functions))
        return endpoints, [use if use.origin else dataclasses.replace(use, origin=origin)
                           for use in lost]

    def _reads(self, objs: Objs, span: Span, text: str) -> list[EndpointUse]:
        """Reading a query or a collection as data fetches its objects."""
        found: list[EndpointUse] = []
        sdk = self.sdk
        for kind, name in objs:
            attribute = name if kind == "coll" and name in sdk.collections else (
                sdk.collection_of_model.get(name, "") if kind == "models" else "")
            if attribute:
                key = sdk.collections[attribute].operations.get("__iter__")
                if key is not None:
                    found += self._endpoints(key, span, text, f"{attribute}.__iter__",
                                             read=True)
        return found

    def read_effects(self, read: Read) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
        objs = self.resolve(read.value)
        endpoints: list[EndpointUse] = []
        if objs:
            # (Most reads hold nothing, which fetches nothing: their words are not made.)
            named = _describe_value(read.value)
            endpoints = self._reads(objs, read.span,
                                    f"reading {named}" if named else "reading a Nylas query")
        found, lost = self._unknown_attribute(read.value, read.span, read_only=True)
        return endpoints + found, lost + self._lost_reads(
            read.value, objs, read.span, "read where the analysis does not follow it")

    def _unknown_attribute(self, value: Val | None, span: Span, read_only: bool = False
                           ) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
        """``for d in box.outgoing`` on an object the analysis cannot tell: the
        attribute may be a property, or what instances of a class of the project hold
        under that name, and the Nylas values among it go where it does not follow."""
        if value is None or value.kind != "attr" or self._external(value):
            return [], []
        held = self._values_of_attributes().get(value.name)
        if not held or self.resolve(value.inner) or (
                read_only and not self._read_may_fetch(value.name)):
            # (Only read, a list of drafts fetches nothing: what is made of it, such
            # as a draft sent, is a use of the lost object the resolver carries on.)
            return [], []
        # Model objects, and what holds them: a client or a bound method kept on an
        # object is used through calls, which are judged where they are made.
        held = frozenset(obj for obj in held if obj[0] in _HELD_DATA_KINDS and not (
            obj[0] == "coll" and obj[1].startswith(V3_PREFIX)))
        if not held:
            return [], []
        found, lost = self._lost(held, span, "read where the analysis does not follow it",
                                 f"what {_describe_value(value) or value.name} holds")
        return found, _tracked(lost, value.name)

    def _values_of_attributes(self) -> dict[str, Objs]:
        """What the project's properties return and the instances of its classes
        hold, joined by attribute name (built once, after solving)."""
        if self._attribute_values is None:
            joined: dict[str, set[Obj]] = {}
            for function in self._properties:
                joined.setdefault(function.rpartition(".")[2], set()).update(
                    self.values.get(f"{RETURNED}{function}", _NOTHING))
            for target, held in self.values.items():
                if target.startswith(ATTRIBUTE) and held:
                    joined.setdefault(qualified_name(target).rpartition(".")[2],
                                      set()).update(held)
            self._attribute_values = {
                name: self._shared(objs) for name, objs in joined.items()}
        return self._attribute_values

    def sink_effects(self, sink: Sink, nylas_module: bool | None = None
                     ) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
        objs = self.resolve(sink.value)
        found, lost = self._lost(objs, sink.span, sink.what, _describe_value(sink.value))
        if not objs and nylas_module is not None:
            lost += self._escaping_method(sink.value, sink.what, nylas_module,
                                          lambda root: sink.span)
        return found, lost

    def store_effects(self, store: Store, nylas_module: bool | None = None
                      ) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
        """A store on an object that is not a project instance or class loses the
        value.  ``nylas_module``, where given: a bound method of an object the
        analysis cannot tell, stored on any object, may be called by code reading it
        (``H.fn = raw.messages.list``, then ``H.fn(grant)`` in another module)."""
        if store.attr in _REGISTRATIONS or store.span in self._slot_stores:
            # A registration, not a store: the implementation goes where the decorator
            # or the ``register`` call hands it, which is judged as that call.  (What
            # middleware stores on the request is read where views read it.)
            return [], []
        objs = self.resolve(store.value)
        owner = _describe_value(store.owner)
        escaped: list[UnresolvedUse] = []
        if not objs and nylas_module is not None:
            escaped = self._escaping_method(
                store.value, f"stored as {owner or 'an attribute'}.{store.attr}",
                nylas_module, lambda root: store.span, taken=store.value.kind == "attr")
        owners = self.resolve(store.owner)
        if any(kind in ("inst", "class", "module") for kind, _ in owners):
            # (A module of the project holds it as its global: ``settings.client =
            # Client(...)`` at start-up is read where ``settings.client`` is.)
            return [], escaped
        # ``app.ctx.nylas = client`` on a framework's object: no name to give it.
        owner = owner or "an object the analysis does not follow"
        found, lost = self._lost(objs, store.span, f"stored on {owner}",
                                 _describe_value(store.value))
        return found, lost + escaped

    def _escaping_method(self, value: Val, how: str, nylas_module: bool,
                         span_of: Callable[[Val], Span | None], taken: bool = False,
                         ) -> list[UnresolvedUse]:
        """A bound method of an object the analysis cannot tell that ``value`` may be
        or hold, leaving (``how``) for code that may call it unseen: counted at the
        place ``span_of`` gives for the chain's root (none: not counted; ``taken``:
        the place the method is taken from its object, see ``UnresolvedUse.held``)."""
        held = self._chains_naming_a_use(value)
        if held is None:
            return []
        found: list[UnresolvedUse] = []
        if held.cut:
            # What the walk left may be any value the module binds: counted where
            # ``value`` leaves, as unresolved as anything it could hold.
            span = span_of(value)
            text = _describe_value(value) or "a value"
            if span is not None:
                found.append(_past_the_walk(span, f"{text} ({how})"))
        for root, attrs, depth, shown in held.chains:
            span = span_of(root) if attrs and self._may_name_a_use(root, attrs) else None
            if span is None:
                continue
            chain = rebuilt_chain(root, attrs)
            text = _chain_words(chain, shown, attrs)
            # The chain's names before its root is resolved (see ``_held_methods``).
            if self._names_a_collection(attrs[-1]):
                # Only the collection itself: its elements (``[m for m in
                # user.messages]``) are what it gives, not a way to call its methods.
                if not depth and self._of_an_untold_object(root, chain, nylas_module,
                                                           shown):
                    # In a module that mentions Nylas, the call made in place on
                    # the name the code holds the chain in is told by that name
                    # only; elsewhere by the whole chain, as before.
                    found += self._escaping_collection(
                        chain, span, f"{text} ({how})", shown if nylas_module else None)
                continue
            use = _chain_use(chain, span, text, self.sdk)
            if use is None or not self._of_an_untold_object(root, chain, nylas_module,
                                                            shown):
                continue
            found += [dataclasses.replace(
                lost, reason=f"cannot tell whether {text} ({how}) is a Nylas call",
                held=frozenset({chain}), taken=taken)
                for lost in self._held_use(use, chain, nylas_module, True, False)]
        return found

    def _may_hand_a_client(self, chain: Val, nylas_module: bool) -> bool:
        """Whether a collection read from an object the analysis cannot tell, handed
        to the project's code that may call any of its methods, may be a Nylas
        client's: in a module that mentions Nylas, or on a root named like a client,
        imported under a Nylas name or given by a package outside the project, as a
        call made in place on it would be.  Elsewhere ``Box(user.messages)`` is a
        Django manager's, as ``user.messages.all()`` in place is."""
        root = _chain_root(chain)
        return nylas_module or _named_like_a_client(root) or _imported_as_nylas(root) or (
            self._from_unseen_package(chain))

    def _held_use(self, use: Use, chain: Val, nylas_module: bool, handed: bool,
                  held_receiver: bool) -> list[UnresolvedUse]:
        """What a method held, handed or stored away from its untold object may
        request, judged as the same call made in place is (``interpret``): where it
        may be a Nylas call, as one on an object the analysis cannot tell; elsewhere,
        as one on what a package outside the project gives."""
        if self._may_be_nylas(use, chain, nylas_module, handed=handed,
                              held_receiver=held_receiver):
            return self._untold_receiver(use)
        return self._unseen_wrapper(use)

    def _of_an_untold_object(self, root: Val, chain: Val, nylas_module: bool,
                             shown: Val | None = None) -> bool:
        """Whether ``chain``, read from ``root``, is an attribute of an object the
        analysis cannot tell: the costly test of a held or escaping chain, asked after
        its names.  A root that may also be such an object beside the project's (a
        parameter given a fake by one caller and what an unread call returns by
        another, see ``partly_untold``) is one too.  Outside a module that mentions
        Nylas, another library's object is not one (``coll = MongoClient().db.messages``);
        in such a module it is, as the same call made in place is (``raw =
        somelib.connect()``, then ``coll = raw.events`` and ``coll.all()``, may be a
        company's wrapper handing out the client): held or not, a call gets one
        verdict.  ``shown``, the chain as the code names it where the walk passed a
        name (see ``HeldChain``), is judged as its call made in place is: its root may
        be untold where the walk's root is a project object (``R = deps.client`` of a
        dataclass instance ``deps``, then ``coll = R.events``)."""
        return (self._tells_nothing_of_root(root) or shown is not None and (
            self._tells_nothing_of_root(_chain_root(shown)))) and (
            nylas_module or not self._another_librarys(chain)
            or self._from_unseen_package(chain))

    def _tells_nothing_of_root(self, root: Val) -> bool:
        """Whether a chain's root is an object the analysis cannot tell, wholly or in
        part (see ``partly_untold``)."""
        return all(kind == "lost" for kind, _ in self.resolve(root)) or self.partly_untold(
            root)

    def _from_unseen_package(self, value: Val) -> bool:
        """Whether ``value`` is read from what a package outside the project gives
        (see ``unseen_wrappers``), which may be a client a company package makes."""
        return unseen_package_root(value, lambda symbol: self._bindings().get(symbol, ()),
                                   self._external_name) is not None

    def _names_a_collection(self, name: str) -> bool:
        """Whether ``name`` is an SDK collection's or top resource's (``messages``)."""
        return name in self.sdk.collections or name in self.sdk.resources[""].children

    def _escaping_collection(self, chain: Val, span: Span, text: str,
                             shown: Val | None = None) -> list[UnresolvedUse]:
        """A collection or resource of an object the analysis cannot tell that leaves
        uncalled (``return raw.messages``, ``MESSAGES = raw.messages``): whoever gets
        it may call any of its methods unseen, so every scope it could request in
        either API version stays silent.  Not on another library's object
        (``request.files``), unless the app keeps a client there under a client's
        name (``_local.client.events`` of a ``threading.local()``).  ``shown``, where
        given: the chain as the code names it (see ``HeldChain``), told as the call
        made on that name in place is (``R.events`` of ``R = _local.db`` is not the
        library's object in a module that mentions Nylas)."""
        root = _chain_root(chain)
        if self._external(chain if shown is None else shown) and not (
                _imported_as_nylas(root) or _named_like_a_client(chain)
                or self._from_unseen_package(chain)):
            # (What a package outside the project gives may be a company's wrapper
            # handing out the client, as its call made in place is judged.)
            return []
        sdk, name = self.sdk, chain.name
        scopes = sdk.collection_scopes(name)
        path = sdk.resources[""].children.get(name)
        if path is not None:
            scopes |= sdk.resource_scopes(path)
        if not scopes:
            return []
        return [UnresolvedUse(span, f"cannot tell whether {text} is a Nylas collection",
                              scopes)]


# The places a value leaves the function holding it for code that may call it
# elsewhere: what a function returns (also one element of its tuples), an attribute
# of instances, a module's global, framework state.
_ESCAPE_TARGETS = (RETURNED, ELEMENT, ATTRIBUTE, GLOBAL, STATE)
# Links of one value looked at by the cheap test of ``escaping_chains``.
_MAX_LINKS_LOOKED_AT = 32
# Names bound to names followed by that test (``g = f`` of ``f = raw.messages.list``).
_MAX_NAMES_LOOKED_THROUGH = 4


def _defining_span(target: str, root: Val, defined: Mapping[str, Span]) -> Span | None:
    """Where a value bound to ``target`` leaves its function: the definition of the
    function returning it, else of the function whose parameter or local it is
    read from (``self.fetch = raw.messages.list`` in ``__init__(self, raw)``), else
    the module-level binding of a global (``FETCH = raw.messages.list``)."""
    if target.startswith(RETURNED):
        span = defined.get(target[len(RETURNED):])
        if span is not None:
            return span
    if target.startswith(ELEMENT):
        span = defined.get(target[len(ELEMENT):].rpartition("#")[0])
        if span is not None:
            return span
    if root.kind == "sym" and root.name.startswith((PARAMETER, LOCAL)):
        return defined.get(root.name[2:].rpartition(".")[0])
    if target.startswith((GLOBAL, ATTRIBUTE)):
        # Bound at module level or in a class body (see ``FlowFacts.module_chains``).
        return defined.get(target)
    return None


def _escape_words(target: str, in_a_method: bool = True) -> str:
    """How a value leaves its function, for a message (``returned by pick``).  An
    attribute is named as the code binds it: ``self.fetch`` in a method, ``Jobs.fetch``
    in the class body (``in_a_method`` false)."""
    if target.startswith((RETURNED, ELEMENT)):
        function = target[2:].partition("#")[0]
        return f"returned by {function.rsplit('.', 1)[-1]}"
    if target.startswith(ATTRIBUTE):
        owner, _, attr = qualified_name(target).rpartition(".")
        return f"stored as {'self' if in_a_method else owner.rsplit('.', 1)[-1]}.{attr}"
    return f"stored as {qualified_name(target)}"


def _in_a_method(value: Val) -> bool:
    """Whether a value bound to an attribute is one a function holds (its root a
    parameter, a local or ``self``), so that the binding is ``self.<name> = ...`` in a
    method; else it is read from module names, as a class body binds it."""
    root: Val | None = value
    while root is not None and root.inner is not None:
        root = root.inner
    return root is not None and (root.kind == "self" or root.kind == "sym" and (
        root.name.startswith((PARAMETER, LOCAL))))


def _past_the_walk(span: Span, text: str) -> UnresolvedUse:
    """A value whose walk of what it may hold stopped at its limit (see
    ``held_chains``): what was left unfollowed may be any method of an object the
    analysis cannot tell, so any scope stays unjudged."""
    return UnresolvedUse(span, f"cannot tell what {text} may hold: more values than the "
                         "analysis follows", None)


def _one_use(found: list[UnresolvedUse], named: list[str], text: str) -> UnresolvedUse:
    """The uses of the methods one value called once may hold, as one use at the call
    (``job(grant)`` in ``for job in jobs``), which leaves every scope they could touch
    unjudged: one call, one message."""
    if len(found) == 1:
        return found[0]
    scopes: frozenset[str] | None = frozenset()
    for use in found:
        scopes = None if scopes is None or use.scopes is None else scopes | use.scopes
    return UnresolvedUse(
        found[0].span,
        f"cannot tell whether {_listing(sorted(named), last='or')} via {text}() is a Nylas call",
        scopes,
        held=frozenset(chain for use in found for chain in use.held))


def _tracked(lost: list[UnresolvedUse], name: str) -> list[UnresolvedUse]:
    """Values lost at an attribute ``name`` of an object the analysis cannot tell,
    as the ``lost`` object of that name is (reported once with it)."""
    return [dataclasses.replace(use, origin=f"lost:{name}") for use in lost]


def _member_objects(member: Member) -> set[Obj]:
    """The objects a model's member or a method's result gives: model objects, or a
    list of them (a container the analysis follows, whose reading requests nothing)."""
    found: set[Obj] = {("model", name) for name in member.models}
    return {box(obj) for obj in found} if member.many else found


def _may_request_when_called(obj: Obj) -> bool:
    """Whether calling ``obj`` may send a request the analysis does not see: a bound
    Nylas method, the SDK's machinery, a lost object.  (A function or class of the
    project is judged where it is written; a container's own method gives elements.)"""
    return obj[0] in ("unmapped", "lost") or (obj[0] == "method" and not _is_container_method(obj))


def _is_container_method(obj: Obj) -> bool:
    return obj[0] == "method" and obj[1].startswith("box|")


def _callable_in_template(obj: Obj) -> bool:
    """Whether a template can make requests with ``obj`` by calling it or its methods:
    a client, an API v3 resource, a bound method.  Model objects and queries are data
    there (reading a query fetches it, which ``_reads`` counts).  A container (the
    context dict of ``TemplateResponse``) holds what the template is given."""
    for _ in range(_MAX_BOX_DEPTH + 1):
        if obj[0] != "box":
            break
        obj = unbox(obj)
    kind, name = obj
    return kind in ("client", "method") or (kind == "coll" and name.startswith(V3_PREFIX))


def _sends_anything(obj: Obj) -> bool:
    """Whether ``obj`` is a member of a Nylas client the tables do not map that can
    send any request (``client.http_client``, a private helper, a member a later
    release added): code that gets it may call any endpoint."""
    return obj[0] == "unmapped" and obj[1] != UNREAD_MODULE


def describe(obj: Obj) -> str:
    """An object in words for a message."""
    kind, name = obj
    if kind == "client":
        return "a Nylas client"
    if _sends_anything(obj):
        return f"the Nylas client's {name}"
    if kind == "nylas_class":
        return "the Nylas client class"
    if kind == "coll" and name.startswith(V3_PREFIX):
        return f"the Nylas {name[len(V3_PREFIX):]} resource"
    if kind == "coll":
        if "__get__" in sdk_view().collections[name].operations:
            return f"the Nylas {name} object"
        return f"the Nylas {name} collection"
    if kind == "models":
        return f"a query of Nylas {name} objects"
    if kind == "model":
        return f"a Nylas {name}"
    if kind == "method":
        owner_kind, owner, operation = _split_method(name)
        if owner_kind == "box":
            return describe(unbox(("box", owner)))
        return f"the bound method {operation}"
    if kind == "box":
        return f"a container of {describe(unbox(obj))}"
    if kind == "func":
        function = name.rsplit(".", 1)[-1]
        if function.startswith("<lambda"):
            return "a lambda returning Nylas objects"  # its name is made up, not written
        return f"a function returning Nylas objects, {function}()"
    if kind == "inst":
        return "an object holding Nylas objects"
    if kind == "lost":
        return f".{lost_base(name)} of an object the analysis cannot tell"
    if kind == "helper":
        return f"the Nylas SDK's {name.rpartition('.')[2]} helper"
    return "a Nylas object"


# How a value handed to ``getattr`` reaches it (as the flow's sinks say).
_TO_GETATTR = "passed to getattr()"


def _helper_class(obj: Obj) -> str:
    """The class of an SDK helper instance, held as it is or in containers; ""
    for another object."""
    for _ in range(_MAX_BOX_DEPTH + 1):
        if obj[0] != "box":
            break
        obj = unbox(obj)
    return obj[1] if obj[0] == "helper" else ""


def _chain_words(chain: Val, shown: Val | None, attrs: tuple[str, ...]) -> str:
    """A held chain as the code names it: its own names where its root has one, else
    the first name the walk read its attributes on (``conn.messages.list`` for ``conn
    = connect()``), else its attributes alone."""
    return _describe_value(chain) or _describe_value(shown) or ".".join(attrs)


def _describe_value(value: Val | None) -> str:
    """The name a value is held in, as the user wrote it; "" for other values (the
    message then describes what it holds)."""
    text = _named(value)
    return "" if text == "a value" else text


def _named(value: Val | None) -> str:
    if value is None:
        return "a value"
    if value.kind == "sym":
        key = value.name
        if key.startswith(ATTRIBUTE):
            return "self." + key.rsplit(".", 1)[-1]
        if key.startswith(NAMED_VARIABLES):
            return key.rsplit(".", 1)[-1]
        if key.startswith(STATE):
            return qualified_name(key)
        return "a value"
    if value.kind == "ref":
        name = value.name.rsplit(".", 1)[-1]
        return "a value" if name.startswith("<lambda") else name
    if value.kind == "attr" and value.inner is not None:
        inner = _named(value.inner)
        return f"{inner}.{value.name}" if inner != "a value" else "a value"
    if value.kind == "self":
        return "self"
    return "a value"


def _chain_root(value: Val) -> Val:
    """The value an attribute chain is read from (``raw`` of ``raw.events``)."""
    while value.kind == "attr" and value.inner is not None:
        value = value.inner
    return value
