"""Collect scope-request facts from one module's ``ast`` tree.

The extractor finds where the code asks an end user for Nylas scopes:

* ``APIClient(...).authentication_url(...)`` (nylas-python 4.6 to 5.x);
* a JSON body POSTed to ``/connect/authorize`` (native auth has no SDK helper);
* ``/oauth/authorize`` URLs or params built by hand;
* Flask-Dance's ``make_nylas_blueprint``.

It records facts only; the rules judge them.  The code under analysis is never
imported or run.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import os
import re
import string
import sys
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar, cast

from ..nylas_api import API_VERSIONS
from ..nylas_api.http import (
    ANY_METHOD,
    ARGUMENT,
    HTTP_METHODS,
    NO_HOST,
    NOTIFY,
    NYLAS_HOST,
    SPELLED_HOST,
    UNREAD_PATH,
    URL_HOLE,
    is_v3_path,
    nylas_path,
    relative_v3_path,
    spells_grants,
    spells_v3,
    nylas_v2_path,
    unknown_host_path,
)
from .ast_names import dotted, keyword_value
from .base_url_clients import (
    BASE_URL_CLIENTS,
    BASE_URL_WORDS,
    QUIET_METHODS,
    SENDING_METHODS,
    ClientBase,
    any_path_below,
    base_url_argument,
    join_path,
    path_below,
)
from .enum_members import bound_again, enum_member_names, enum_member_value, is_enum_class
from .record_fields import given_fields, record_fields
from .bindings import (
    all_statements,
    block_fields,
    statements_in_scope,
    with_value,
    DICT_MUTATORS,
    IN_PLACE_DUNDERS,
    LIST_MUTATORS,
    BodyBindings,
    Bindings,
    branch_values,
    collect_bindings,
    hand_overs,
    handed_over_names,
    is_container,
    with_parameters,
)
from .grown_lists import (
    BodyMentions,
    bound_without_names,
    grown_key_lists,
    grown_lists,
    module_lists,
)
from .facts import (
    ANY_KEY,
    ENUM_MEMBERS,
    ENUM_VALUES,
    ITEMS,
    any_attribute,
    through_instance,
    any_member,
    any_module_member,
    ANY_MODULE,
    BodyArg,
    CallArguments,
    Generation,
    GivenTo,
    HeldClient,
    ReadParameters,
    RawTemplate,
    RawUse,
    SharedClient,
    UrlPart,
    ItemForm,
    ModuleFacts,
    ScopeItem,
    ScopeSite,
    ScopeValue,
    SiteKind,
    ValueState,
)
from .extract_v3 import V3Requests, grant_object_attribute, sdk_reads_arguments
from .instance_attributes import instance_attributes
from .defaulted_parameters import Copy, Fallback, inline_fallback, parameter_fallback
from .factory_configs import loaded_parameter
from .facts_values import ParameterKind, ParameterReference, Splice, url_fallback_text
from .fast_visit import FastVisitor
from .field_reads import reads_fields_only
from .http_mocks import MOCK_FIXTURES, is_http_mock, registers_a_route
from .flask_config import (
    APP_CLASSES,
    APP_CONFIG,
    FLASK_CONFIG,
    NO_APP_PACKAGES,
    flask_config_values,
    flask_reference,
    owns_its_config,
)
from .flow_extract import call_parameters, state_key, state_key_of
from .handed_calls import (
    attrgetter_call, attrgetter_read, handed_call, hands_back_function, named_attribute,
)
from .reader_meanings import may_redefine_readers, redefined_readers, star_readers
from .given_lists import (
    ALL_READING_NAMES,
    GivenLists,
    changes_items,
    given_away,
    may_hold_lists,
    reads_only_library,
    mutable_levels,
    only_reads,
    shadowed_reading_calls,
)
from .list_fates import UNKNOWN_DEPTH, Slot
from .shared_texts import shared_texts
from .flow_facts import ANY_MEMBER
from .chosen_methods import CHOSEN_BY_NAME, may_choose_auth_url
from .member_patterns import member_matches, member_pattern
from .namespaces import constant_module, member_written, namespace_owner, unnamed_module
from .path_joins import joined_segments
from .typed_dicts import TYPED_DICT_WORD, typed_dict_classes
from .provider_tests import names_a_provider
from .registry_writes import told_write
from .raw_arguments import raw_call_arguments
from .raw_uses import (
    HOSTED_AUTH_PATH,
    NATIVE_AUTH_PATH,
    URL_SCHEME,
    V3_HOSTED_AUTH_PATH,
    raw_use,
    sent_raw_use,
)
from .sole_bindings import sole_bindings
from .source import SourceMap
from .symbols import ATTRIBUTE, RETURNED
from .own_namespace import (hands_code_runner_on, may_write_own_namespace,
                            own_namespace_writes,
                            runs_code_in_own_namespace)
from .star_names import (
    AFTER_EVERY_LINE, CONSTANT_NAME, bound_names, exports, names_unbound, star_imports, upper_names,
)
from ..spans import Span
from .subclass_bindings import declared_only
from .tree_walk import TreeNodes, child_nodes, walk_nodes
from .values import ValueReader, names_a_scope, one_of
from .web_routes import (
    handler_table_routes,
    handler_tables,
    is_route_callable,
    is_route_decorator,
    is_route_path,
    route_arguments,
)

FLASK_DANCE_BLUEPRINTS = frozenset({"flask_dance.contrib.nylas.make_nylas_blueprint"})
URLENCODE_FUNCTIONS = frozenset({"urllib.parse.urlencode", "urllib.urlencode"})
JSON_DUMPS_FUNCTIONS = frozenset({"json.dumps"})
# Calls that turn a dict into the body sent as it is: its keys stay those of the dict.
BODY_ENCODERS = JSON_DUMPS_FUNCTIONS | {"fastapi.encoders.jsonable_encoder"}
URLJOIN_FUNCTIONS = frozenset({"urllib.parse.urljoin", "urlparse.urljoin"})
# URL objects made from a URL and a query dict (``httpx.URL(url, params={...})``).
URL_BUILDERS = frozenset({"httpx.URL"})


@dataclass(frozen=True)
class _RequestShape:
    """Where a request object's constructor takes its URL, method and data by
    position (-1: by keyword only)."""

    url_position: int
    method_position: int
    data_position: int = -1


# Request objects built to be sent later (``client.send(req)``, ``urlopen(req)``), and
# ``urlopen`` given a URL: the request is read where it is built.
REQUEST_OBJECTS: dict[str, _RequestShape] = {
    "httpx.Request": _RequestShape(1, 0),
    "requests.Request": _RequestShape(1, 0),
    "requests.models.Request": _RequestShape(1, 0),
    "urllib.request.Request": _RequestShape(0, 5, 1),
    "urllib.request.urlopen": _RequestShape(0, -1, 1),
}
_REQUEST_OBJECT_NAMES = frozenset(name.rsplit(".", 1)[1] for name in REQUEST_OBJECTS)
# Reading a setting from the environment, with a default: ``os.getenv(name, default)``.
ENV_READERS = frozenset({"os.getenv", "os.environ.get", "os.environ.setdefault"})
_V2 = API_VERSIONS["v2"].surface()
_V3 = API_VERSIONS["v3"].surface()
# Names in the code that stand for what Nylas does with a grant's scopes.
TRIGGER_ENUM = _V3.trigger_enum
TRIGGER_MEMBERS = _V3.trigger_members
TRIGGER_NAMES = _V3.triggers


def _first_dotted_part(node: ast.expr) -> bool:
    """``text.split(".")[0]`` or ``text.partition(".")[0]``: the first part of a
    dotted name."""
    if not (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant)
            and node.slice.value == 0 and isinstance(node.value, ast.Call)):
        return False
    call = node.value
    return isinstance(call.func, ast.Attribute) and call.func.attr in ("split", "partition") and (
        bool(call.args) and isinstance(call.args[0], ast.Constant) and call.args[0].value == ".")


def _trigger_families() -> dict[str, tuple[str, ...]]:
    """By each start of a trigger's name that ends a part of it (``"message."``,
    ``"message.created."``), the triggers it starts: a handler testing the start
    (``event["type"].startswith("message.")``) handles each of them."""
    families: dict[str, list[str]] = {}
    for trigger in sorted(TRIGGER_NAMES):
        parts = trigger.split(".")
        for cut in range(1, len(parts)):
            families.setdefault(".".join(parts[:cut]) + ".", []).append(trigger)
    return {start: tuple(triggers) for start, triggers in families.items()}


TRIGGER_FAMILIES = _trigger_families()
TRIGGER_KEY = _V3.trigger_key
ARGUMENT_NAMES = _V3.named_arguments
# The segments a Nylas path can start with: a constant holding one may be part of a
# Nylas URL built in another module (``v3`` for every API v3 path).
URL_SEGMENTS = frozenset(
    {route.path.strip("/").split("/")[0] for route in _V2.raw_routes} | {"oauth", "connect", "v3"}
) - {"", "{id}"}
_MAX_URL_CONSTANT = 300
# A hierarchy of classes deeper than this is not followed.
_MAX_CLASS_DEPTH = 16
# How many copies of a copy (``dataclasses.replace`` of a replaced instance) are read.
_COPY_DEPTH = 8
# What stands in for a host given by configuration that names Nylas.
NYLAS_HOST_MARK = "nylas-host"

AUTH_URL_METHOD = _V2.auth_url_method
AUTH_URL_SCOPES_POSITION = _V2.auth_url_positions["scopes"]
AUTH_URL_PROVIDER_POSITION = _V2.auth_url_positions["provider"]
# ``Routes(client).build_auth_url(scopes, ...)``: method name -> (class, position of
# the scopes).
AUTH_URL_HELPER_METHODS = {
    method.rpartition(".")[2]: (method.rpartition(".")[0], position)
    for method, position in _V2.auth_url_helpers.items()
}
# API v2's methods that take the scopes of a request: they only read them.
_AUTH_METHODS = frozenset({AUTH_URL_METHOD, *AUTH_URL_HELPER_METHODS})

# Keys that together mark a dict as a Nylas native-auth body even when the URL it is
# sent to cannot be shown to be a Nylas host.
NATIVE_BODY_KEYS = frozenset({"client_id", "name", "email_address", "provider", "settings"})
HOSTED_PARAM_KEYS = frozenset({"client_id", "redirect_uri", "response_type"})

_HOLE = URL_HOLE
_Read = TypeVar("_Read")
# ``import *`` in a module's text (missing one only leaves a name unread).
_STAR_IMPORT = re.compile(r"import[\s\\]*\*")
# An augmented assignment's operator (``+=``, ``<<=``): a module without one in its
# text extends no name in place.  ``<=``, ``>=``, ``==`` and ``!=`` compare.
_AUGMENTED_OPERATOR = re.compile(r"[-+*/%&|^@]=|<<=|>>=")
# HTTP libraries whose module functions send a request (``requests.get(url)``).
_HTTP_LIBRARIES = frozenset({"requests", "httpx"})
# The sessions and clients of HTTP libraries, whose request methods send a request.
HTTP_SESSIONS = frozenset({
    "requests.Session", "requests.session", "requests.sessions.Session", "httpx.Client",
    "httpx.AsyncClient", "aiohttp.ClientSession", *BASE_URL_CLIENTS,
})
# The methods of a client with a base URL whose requests are read where they are
# called, and those that send none.
_CLIENT_REQUESTS = SENDING_METHODS | QUIET_METHODS
# Calls that only read a URL they are given (print it, log it, measure it).
_READING_CALLEES = frozenset({
    "print", "len", "str", "repr", "debug", "info", "warning", "warn", "error",
    "exception", "critical", "log",
})
# A template's first field: ``{base}``, ``%(base)s``, ``%s``, ``$base``, ``${base}``.
_LEADING_FIELD = re.compile(r"^(?:\{[^{}/]*\}|%\(\w+\)s|%s|\$\{\w+\}|\$\w+)")


@dataclass
class _ClassInfo:
    # ``self.<attr> = httpx.AsyncClient(base_url=...)``: the pieces of the base URL.
    http_bases: dict[str, ClientBase] = field(default_factory=dict)
    # ``self.<attr> = requests.Session()``: the attributes that hold a session.
    http_sessions: frozenset[str] = frozenset()
    # Every ``self.<attr>`` the class assigns.
    assigned: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _DictView:
    """The string keys of a dict literal (plus later ``d["key"] = v`` writes)."""

    node: ast.Dict
    values: dict[str, ast.expr]
    keys: dict[str, ast.expr]
    complete: bool


@dataclass(frozen=True)
class _V2Method:
    """An API v2 request method: where its scopes and provider are passed, what the
    request is called, and whether it is the SDK helper's (see
    ``Extractor._v2_request_method``)."""

    scopes_position: int
    provider_position: int | None
    description: str
    helper: bool
    # The helper's class, where this module does not import it: the receiver may
    # still hold one made elsewhere, which only the judge can tell.
    helper_class: str = ""


class Extractor(FastVisitor):
    def __init__(self, path: str, lines: Sequence[str], module_name: str = "",
                 foreign_readers: frozenset[str] = frozenset()) -> None:
        self.source = SourceMap(path, lines)
        self._lines = lines
        # The reading calls other modules of the project may give a meaning of their
        # own here (see ``reader_meanings``), and those this module may in every module.
        self._foreign_readers = foreign_readers
        self._redefined: list[str] | None = None
        # What the walk adds to as it goes: the facts' own lists, typed for adding.
        self.sites: list[ScopeSite] = []
        self.raw_uses: list[RawUse] = []
        self.param_defaults: dict[str, ScopeValue] = {}
        self.mutated: list[str] = []
        self.raw_templates: list[RawTemplate] = []
        self.body_args: list[BodyArg] = []
        self.call_arguments: list[CallArguments] = []
        self.given_away: list[str] = []
        self.given_to: list[GivenTo] = []
        self.class_lists: list[tuple[str, str]] = []
        # The references ``mutated`` and ``given_away`` note for statements the
        # value flow follows exactly (see ``registry_writes``) or hand on only items
        # of the object, and for any other change.
        self._told_changes: set[str] = set()
        self._untold_changes: set[str] = set()
        self._noting_told = False
        self.config_loads: list[str] = []
        self.shared_clients: list[SharedClient] = []
        self.held_clients: list[HeldClient] = []
        # The names the module reads, in a module that may make a client with a base
        # URL: whether it uses its own clients.
        self._loaded_names: set[str] = set()
        # What is given away recurs across modules (``flask.jsonify()``): one copy.
        self._shared = shared_texts()
        self.facts = ModuleFacts(
            path, mentions_nylas=True, sites=self.sites, raw_uses=self.raw_uses,
            param_defaults=self.param_defaults, mutated=self.mutated,
            raw_templates=self.raw_templates, body_args=self.body_args,
            call_arguments=self.call_arguments, given_away=self.given_away,
            given_to=self.given_to, class_lists=self.class_lists,
            config_loads=self.config_loads,
            shared_clients=self.shared_clients, held_clients=self.held_clients)
        self._module_name = module_name
        self._imports: dict[str, str] = {}
        # The lines of the module's import statements.
        self.import_lines: set[int] = set()
        self._scopes: list[Bindings] = []
        self._classes: list[_ClassInfo] = []
        self._consumed: set[int] = set()
        self._qual: list[tuple[str, str]] = []
        self._functions: list[tuple[ast.FunctionDef | ast.AsyncFunctionDef, list[str]]] = []
        self._bindings_of: dict[ast.AST, Bindings] = {}
        # Shared with the client-flow pass over the same tree.
        self.body_bindings = BodyBindings()
        # The statements of each scope in ``_scopes``, for names assigned per branch.
        self._bodies: list[list[ast.stmt]] = []
        self._module_functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        # This module's functions whose results code may change (see ``given_lists``).
        self._escaped_results: set[str] = set()
        # Names a star import may bring: another module's objects, as if imported.
        self._star_brought: frozenset[str] = frozenset()
        # Names bound to a module object named at run time (``module =
        # sys.modules[name]``), and the attributes changed on a name, by name.
        self._module_aliases: set[str] = set()
        self._unnamed_changes: list[tuple[str, str]] = []
        # Per function, the names it may change or hand over (``_changes_parameter``).
        self._handed_over: dict[ast.AST, set[str]] = {}
        # The module's text, joined once: walks for rare nodes are spared the modules
        # whose text cannot hold them (here ``yield`` and ``await``, see
        # ``function_returns``, and augmented assignments; see ``prepare`` for others).
        self._text = text = "".join(lines)
        self._may_pause = "yield" in text or "await" in text
        self._augments = _AUGMENTED_OPERATOR.search(text) is not None
        # What each function returns (see ``function_returns``), asked for by many
        # readings of the same function.
        self._function_returns: dict[ast.AST, list[ast.expr] | None] = {}
        # Flask configuration keys that name scopes, with each value written for them.
        self._flask_config: dict[str, list[ast.expr]] = {}
        self._module_classes: dict[str, ast.ClassDef] = {}
        # Whether each ``Enum`` class's name is bound again, by name (``_enum_bound_again``).
        self._enums_bound_again: dict[str, bool] = {}
        # The module as ``prepare`` read it.
        self._prepared: ast.Module | None = None
        # The prepared tree's nodes, shared by the readings of the whole of it (an
        # empty module's until ``prepare``).
        self.nodes = TreeNodes(ast.Module([], []))
        # A callable chosen at run time (``SEND[op]``) spelt as a ``request`` method
        # of it, by that method: what the code calls, for messages.
        self._chosen_callees: dict[int, ast.expr] = {}
        self._text_hooks: bool | None = None
        self._reading: set[ast.AST] = set()
        # The names whose lists the module changes, found when a trigger list is read.
        self._changed_lists: set[str] | None = None
        self._tree: ast.Module | None = None
        # The first call each of the module's own names is given to that may change
        # what it holds (``foo(scopes=SCOPES)``), for the reason a request reading the
        # name is unresolved.
        self._given_calls: dict[str, ast.Call] = {}
        self.reader = ValueReader(
            self.source, self.lookup, self.value_reference, self._branch_values,
            self._returns, self._key_value, self._enum_member_value, self._rewritten,
            self._enum_members, self._grown_lists, self._why_unread,
        )
        # Where each name is named in a body, for lists grown behind flags.
        self._mentions: dict[int, BodyMentions] = {}
        # The statements that change or bind again each name, with whether each sits
        # in a function or a class; and the references of this module's names noted
        # as changed for other reasons than their growth at the top of the module.
        self._changes: dict[str, list[tuple[ast.stmt, bool]]] = {}
        self._changed_otherwise: set[str] = set()
        self._decorators: set[ast.expr] = set()
        # The callees of the calls seen: an HTTP client's method not among them escapes.
        self._called: set[ast.expr] = set()
        # The functions handed to a call that the scope extractors read as the call it
        # makes (``executor.submit(nylas.auth.url_for_admin_consent, config)``).
        self._read_as_called: set[ast.expr] = set()
        # The objects an attribute is read from, and the names bound to a client's
        # object whose methods make a grant (``auth = nylas.auth``): used any other
        # way, such an object is handed where its requests cannot be seen.
        self._receivers: set[ast.expr] = set()
        # ``operator.attrgetter("auth.url_for_oauth2")`` calls, and those read where
        # they are called on an object (see ``_unread_getters``).
        self._request_getters: list[tuple[ast.Call, str]] = []
        self._getters_read: set[ast.expr] = set()
        # Whether the module may make an HTTP client with a base URL (its text says
        # ``base_url``), and the clients entered by ``with`` (which sends nothing).
        self._base_url_clients = False
        self._entered: set[ast.expr] = set()
        self._grant_object_names: set[str] = set()
        # By name, the client's object every binding of it gives (see
        # ``_held_grant_object``); found when first asked for.
        self._grant_object_holders: dict[str, str] | None = None
        # The names of reading calls the module binds itself (``shadowed_readers``).
        self._shadowed: frozenset[str] | None = None
        # The module-level classes with no base class, by the ``id`` of each of their
        # methods, and whether each is a settings holder (see ``_plain_instance``):
        # found when first asked for.
        self._method_classes: dict[int, ast.ClassDef] | None = None
        self._holders: dict[str, bool] = {}
        self._v3 = V3Requests(self)
        # Strings that spell an API v3 path, and the strings read as a request's URL
        # (or as a piece of a longer URL string): a path no request is seen to send
        # goes where the analysis cannot follow it.
        self._v3_strings: list[tuple[ast.expr, str]] = []
        # Likewise the URLs on a Nylas API v2 host with a path.
        self._v2_strings: list[tuple[ast.expr, str]] = []
        self._url_reads: set[int] = set()
        # Strings a name hands to a function besides a request that reads them: the
        # function may send them too, with any method.
        self._handed_on: set[int] = set()
        # The names a request reads a v3 URL through, and the loads of names that only
        # read a string (a piece of a longer URL, an argument to ``print``).
        self._url_names: set[str] = set()
        self._quiet_names: set[int] = set()
        self._docstrings: set[int] = set()
        # The app's own routes (``APIRouter(prefix="/v3")``): they send nothing.
        self._route_strings: set[int] = set()
        # Names ``with`` binds to an HTTP mock (``with respx.mock() as router``).
        self._http_mocks: set[str] = set()
        self._imported_packages: frozenset[str] = frozenset()
        self._decorating = 0
        # Whether a function's dict or list is handed over at more than one place, by
        # the function body and name; the module's flow records ask the same (see
        # ``FlowExtractor``), and get these answers.
        self.handed_over_twice: dict[tuple[int, str], bool] = {}

    def close(self) -> None:
        """Drop the value reader, which calls back into this object: the reference
        cycle would keep the module's syntax tree alive until the next garbage
        collection, and a project analysis pauses the collector."""
        del self.reader
        del self._v3

    # -- environment ---------------------------------------------------------------

    def lookup(self, name: str) -> ast.expr | None:
        """The one value a name holds when read as scopes: none for a list changed
        in place, whose assignment no longer says what it holds, nor for a function's
        dict or list that other code may change (see ``hand_overs``)."""
        bindings = self._binding_scope(name)
        if bindings is None or bindings.changed_in_place(name):
            return None
        value = bindings.lookup(name)
        if value is not None and is_container(value) and self._shared_in_function(
                name, bindings):
            return None
        return value

    def _why_unread(self, name: str) -> str | None:
        """Why a request cannot read the module's own ``name``, where it is given to a
        call that may change it or be another library's OAuth request (the list itself
        is readable); None for a name of a function, or one given nowhere."""
        call = self._given_calls.get(name)
        if call is None or not self._scopes or self._binding_scope(name) is not self._scopes[0]:
            return None
        callee = dotted(call.func)
        given_to = f"{callee}()" if callee else f"the call at line {call.lineno}"
        return (f"{name} is also given to {given_to}, which may change it or be another "
                "library's OAuth request")

    def _shared_in_function(self, name: str, bindings: Bindings,
                            in_module: bool = False) -> bool:
        """Whether a function body binding ``name`` hands its object over at more than
        one place.  A module's own names are left to ``_note_change`` unless
        ``in_module``: a scope constant is read by many functions, and what they do to
        it is looked for there."""
        for index, scope in enumerate(self._scopes):
            if scope is bindings:
                if index == 0 and not in_module:
                    return False
                body = self._bodies[index]
                key = (id(body), name)
                shared = self.handed_over_twice.get(key)
                if shared is None:
                    shared = self.handed_over_twice[key] = hand_overs(
                        body, name, None, self._shadowed_readers()) > 1
                return shared
        return False

    def argument_handed_over(self, name: str) -> bool:
        """Whether the dict a call's ``query_params`` or ``request_body`` names may be
        changed by other code before the call: handed over at more than one place of
        its function, or of its module (any use in a function counts there).  Reading
        it as unknown only keeps every case of the call possible."""
        bindings = self._binding_scope(name)
        value = bindings.lookup(name) if bindings is not None else None
        return bindings is not None and value is not None and is_container(value) and (
            self._shared_in_function(name, bindings, in_module=True))

    def _binding_scope(self, name: str) -> Bindings | None:
        for bindings in reversed(self._scopes):
            if name in bindings.declared_global:
                return self._scopes[0] if self._scopes else None
            if bindings.binds(name):
                return bindings
        return None

    def _branch_values(self, name: str) -> list[ast.expr] | None:
        """The values of a name assigned once per branch of an ``if`` (tiers)."""
        for bindings, body in zip(reversed(self._scopes), reversed(self._bodies)):
            if name in bindings.declared_global:
                return None
            if bindings.binds(name):
                if bindings.changed_in_place(name) or name in bindings.imported:
                    return None
                return branch_values(body, name)
        return None

    def _grown_lists(self, node: ast.Name) -> list[ast.expr] | None:
        """The lists a function's local name may hold where ``node`` reads it, when
        the function adds to it behind flags (see ``grown_lists``)."""
        mentions = self._local_mentions(node)
        return None if mentions is None else grown_lists(mentions, node)

    def grown_key_lists(self, node: ast.Name, key: str) -> tuple[ast.Dict, list[ast.expr]] | None:
        """A function's local dict whose list at ``key`` it adds to behind flags
        before ``node`` reads the dict: the dict display and the lists the item may
        be (see ``grown_key_lists``)."""
        mentions = self._local_mentions(node)
        return None if mentions is None else grown_key_lists(mentions, node, key)

    def _local_mentions(self, node: ast.Name) -> BodyMentions | None:
        """Where each name is named in the body of the function that reads ``node``,
        when ``node`` names one of that function's own locals; None for a module's
        own name (other code may read it at any time) and for a closure's read (it
        may come after any change)."""
        if len(self._scopes) < 2:
            return None
        bindings, body = self._scopes[-1], self._bodies[-1]
        if node.id in bindings.declared_global or not bindings.binds(node.id):
            return None
        mentions = self._mentions.get(id(body))
        if mentions is None:
            mentions = self._mentions[id(body)] = BodyMentions(body)
        return mentions

    def _returns(self, call: ast.Call) -> list[ScopeValue] | None:
        """What a function of this module may return, each value read as scopes in
        the function's own scope; None when it is not such a function or may end
        without a return."""
        return self.read_returns(call, self.reader.read)

    def read_returns(self, call: ast.Call, read: Callable[[ast.expr], _Read]
                     ) -> list[_Read] | None:
        """``read`` of each value the function of this module ``call`` calls may
        return, in the function's own scope (its names, its body); None when it is
        not such a function, is being read already, or may end without a return."""
        func = call.func
        if not isinstance(func, ast.Name) or self._binding_scope(func.id) not in (
            None, self._scopes[0] if self._scopes else None
        ):
            return None
        function = self._module_functions.get(func.id)
        if function is None or function in self._reading:
            return None
        returns = self._returns_of(function)
        if returns is None:
            return None
        saved_scopes, saved_bodies = self._scopes, self._bodies
        self._scopes = [saved_scopes[0], self._function_bindings(function)]
        self._bodies = [saved_bodies[0], function.body]
        self._reading.add(function)
        try:
            return [read(value) for value in returns]
        finally:
            self._reading.discard(function)
            self._scopes, self._bodies = saved_scopes, saved_bodies

    def _enum_member_value(self, node: ast.Attribute) -> ast.expr | None:
        """The string an ``Enum`` member of a class of this module holds:
        ``Scope.READ.value``, or ``Scope.READ`` itself where the class mixes in
        ``str`` (the member is that string)."""
        member = node.value if node.attr == "value" else node
        if not (isinstance(member, ast.Attribute) and isinstance(member.value, ast.Name)):
            return None
        name = member.value.id
        cls = self._module_classes.get(name)
        if cls is None or self._binding_scope(name) not in (None, self._scopes[0]):
            return None
        return enum_member_value(cls, member.attr, wants_value=member is not node)

    def _enum_members(self, node: ast.expr) -> list[str] | None:
        """The members of the ``Enum`` class of this module ``node`` names, when every
        one is a string written in its body."""
        if not isinstance(node, ast.Name):
            return None
        cls = self._module_classes.get(node.id)
        if cls is None or self._binding_scope(node.id) not in (None, self._scopes[0]):
            return None
        names = enum_member_names(cls)
        return None if names is None or self._enum_bound_again(cls) else names

    def _enum_bound_again(self, cls: ast.ClassDef) -> bool:
        """Whether the module binds an ``Enum`` class's name again (asked once per
        class, and only of a class whose members are all known)."""
        known = self._enums_bound_again.get(cls.name)
        if known is None:
            known = self._enums_bound_again[cls.name] = (
                self._prepared is None or bound_again(self.nodes, cls))
        return known

    def _key_value(self, base: ast.expr, key: str) -> ast.expr | None:
        """``cfg["scopes"]`` for a dict this module builds and fills by key."""
        view = self._dict_view(base)
        if view is None or not view.complete:
            return None
        return view.values.get(key)

    def _rewritten(self, base: ast.expr, key: str | None) -> bool:
        """Whether the dict ``base`` names is written after its assignment at ``key``
        (any key when None), or in a way whose key cannot be read: an item store
        (``SCOPES["google"] = [...]``, also with ``+=``), ``update``, ``del``, a
        change in a function (see ``_note_change``)."""
        if not isinstance(base, ast.Name):
            return False
        bindings = self._binding_scope(base.id)
        if bindings is None:
            return False
        name = base.id
        if name in bindings.opaque_writes or name in bindings.mutated:
            return True
        writes = bindings.key_writes.get(name, {})
        return bool(writes) if key is None else key in writes

    def qualify(self, node: ast.expr) -> str | None:
        """The dotted name an expression refers to through imports, if any."""
        if isinstance(node, ast.Name):
            if self.lookup(node.id) is not None:
                return None
            imported = self._imports.get(node.id)
            if imported is None and self._from_star_import(node.id):
                # Bound by none of this module's statements: a constant a star import
                # brings, read by the index as this module's (it follows the import).
                return f"{self._module_name}.{node.id}"
            return imported
        if isinstance(node, ast.Attribute):
            base = self.qualify(node.value)
            return f"{base}.{node.attr}" if base else None
        return None

    def value_reference(self, node: ast.expr) -> str | None:
        """Where a scopes value the reader cannot read here is defined: what
        :meth:`qualify` says, and ``Config.SCOPES`` of a class this module defines
        (read, like another module's constant, by the project index, which knows
        whether any code changes it), also read as ``self.SCOPES`` in its methods."""
        own = self._own_class_attribute(node)
        if own is not None:
            return own
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and self._module_name
            and self._binding_scope(node.value.id) is self.module_bindings
            and (node.value.id in self._module_classes
                 or self._instance_made(node.value.id) is not None)
        ):
            return f"{self._module_name}.{node.value.id}.{node.attr}"
        made_by = self._made_bare(node.value) if isinstance(node, ast.Attribute) else None
        if made_by is not None:
            # ``Settings().SCOPES`` (or ``cfg.SCOPES`` after ``cfg = Settings()``): kept
            # as ``Settings().SCOPES`` by the class's module when an instance made so
            # reads what the class body binds.
            assert isinstance(node, ast.Attribute)
            func = made_by.func
            made = f"{self._module_name}.{func.id}" if (
                isinstance(func, ast.Name) and self._module_name
                and func.id in self._module_classes
                and self._binding_scope(func.id) is self.module_bindings
            ) else self.qualify(func)
            return f"{made}().{node.attr}" if made else None
        if self._flask_app_config(node):
            return APP_CONFIG
        if isinstance(node, ast.Name) and self._star_shadowed(node.id):
            # ``from .scopes import SCOPES`` then ``from .legacy import *``: the star
            # import may bind the name again, which the index reads as this module's.
            return f"{self._module_name}.{node.id}"
        return self.qualify(node)

    def _star_shadowed(self, name: str) -> bool:
        """Whether the module's name ``name``, last bound by an import of another
        module's name, may be bound again by a star import after it (see
        ``ConstantIndex.lookup``): only constant names are followed through one."""
        stars = self.facts.star_imports
        return bool(stars) and bool(self._module_name) and name in self._imports and (
            CONSTANT_NAME.match(name) is not None) and self.lookup(name) is None and any(
                star.line > self.facts.upper_names.get(name, 0) for star in stars)

    def _own_class_attribute(self, node: ast.expr) -> str | None:
        """``self.SCOPES`` (or ``cls.SCOPES`` in a class method) in a method of a
        module-level class whose body binds ``SCOPES`` where an instance reads that
        binding: no decorator or metaclass that may make fields, no hook that reads
        attributes otherwise, and with a base only an attribute no base may read as
        a field of its instances (a plain or ``ClassVar`` assignment).  Whether a
        subclass or other code binds it again is the project index's to say."""
        if not (isinstance(node, ast.Attribute) and self._module_name
                and len(self._qual) == 2 and self._functions
                and self._qual[0][1] == "class" and self._qual[1][1] == "function"):
            return None
        cls = self._module_classes.get(self._qual[0][0])
        method, _ = self._functions[-1]
        if cls is None or not any(statement is method for statement in cls.body):
            return None
        positional = [*method.args.posonlyargs, *method.args.args]
        decorators = {dotted(decorator) for decorator in method.decorator_list}
        receiver = self._class_receiver(node.value, "classmethod" in decorators)
        if not positional or positional[0].arg != receiver or (
                decorators - _SELF_TAKING_DECORATORS) or (
                self.body_bindings.of(method).binds(receiver)):
            return None
        if cls.decorator_list or cls.keywords or is_enum_class(cls) or any(
                isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
                and statement.name in _ATTRIBUTE_HOOKS for statement in cls.body):
            return None
        if node.attr not in _class_values(cls, field_defaults=False) and not (
                not cls.bases and node.attr in declared_only(cls)):
            # (A class with no base only annotating the name: its subclasses bind
            # it, and the project index reads their lists.)
            return None
        if cls.bases and any(
                isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                and statement.target.id == node.attr and not _is_class_var(statement.annotation)
                for statement in cls.body):
            return None  # a field of a model or record class its base may make
        return through_instance(f"{self._module_name}.{cls.name}.{node.attr}")

    def _class_receiver(self, node: ast.expr, in_classmethod: bool) -> str:
        """The name ``self.SCOPES`` reads the attribute through: ``self`` (or
        ``cls``), and ``self`` of ``type(self).SCOPES`` in a method taking an
        instance, where ``type`` is the builtin; "" for another expression."""
        if isinstance(node, ast.Name):
            return node.id
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "type" and len(node.args) == 1 and not node.keywords
                and isinstance(node.args[0], ast.Name) and not in_classmethod
                and self._is_builtin("type")
                and not any(self.body_bindings.of(function).binds("type")
                            for function, _ in self._functions)):
            return node.args[0].id
        return ""

    def _made_bare(self, node: ast.expr) -> ast.Call | None:
        """``Settings()``, a class (or other callable) named and called without
        arguments, written here or held by a name bound once to it."""
        if isinstance(node, ast.Name):
            bound = self.lookup(node.id)
            node = bound if bound is not None else node
        if (isinstance(node, ast.Call) and not node.args and not node.keywords
                and isinstance(node.func, (ast.Name, ast.Attribute))):
            return node
        return None

    def _flask_app_config(self, node: ast.expr) -> bool:
        """Whether ``node`` is the configuration of a Flask (or Quart) application a
        name of this module is bound to once (``server = Flask(__name__)`` then
        ``server.config``): the one configuration ``current_app.config`` reads."""
        if not (isinstance(node, ast.Attribute) and node.attr == "config"
                and isinstance(node.value, ast.Name)):
            return False
        made = self.lookup(node.value.id)
        return isinstance(made, ast.Call) and self.qualify(made.func) in APP_CLASSES

    def _instance_made(self, name: str, depth: int = 0) -> ast.ClassDef | None:
        """The class of this module that a module-level name is bound to an instance
        of, where what the instance's attributes hold is read from the class body: a
        record class (a dataclass, a ``NamedTuple``, an attrs class) made without
        arguments (``settings = Settings()``) holds its fields' defaults, made with
        them (``CFG = Cfg(scopes=[...])``) what the arguments give; an instance of a
        plain class (see ``_plain_class``) reads the class's attributes."""
        made = self.module_bindings.values.get(name)
        copied = self._copied_record(made)
        if copied is not None:
            return self._copied_class(copied, depth)
        if not (isinstance(made, ast.Call) and isinstance(made.func, ast.Name)):
            return None
        cls = self._module_classes.get(made.func.id)
        if cls is None:
            return None
        if not made.args and not made.keywords:
            return cls if self._holds_defaults(cls) else None
        return cls if record_fields(cls) is not None else None

    def _record_instance(self, name: str) -> bool:
        cls = self._instance_made(name)
        return cls is not None and record_fields(cls) is not None

    def _reads_a_field(self, node: ast.Attribute) -> bool:
        """``config.api_key`` where the module binds ``config`` once to an instance of
        its record class (``config = Config(...)``, a dataclass, attrs class or
        ``NamedTuple`` whose body alone decides its fields) and ``api_key`` is one of
        those fields: a read of the field's value.  A method of the class is no field,
        so ``config.widen()`` still hands the instance on, and ``TEAM._replace(...)``
        is followed as a copy holding the same field values."""
        if not isinstance(node.value, ast.Name):
            return False
        cls = self._instance_made(node.value.id)
        fields = record_fields(cls) if cls is not None else None
        return fields is not None and node.attr in fields

    def _copied_record(self, made: ast.expr | None) -> tuple[str, list[ast.keyword]] | None:
        """``dataclasses.replace(SETTINGS, scopes=[...])`` or ``SETTINGS._replace(
        scopes=[...])`` as the name of the instance copied and the fields it changes;
        None for another value, or changes spread from a dict."""
        if not isinstance(made, ast.Call) or any(
                keyword.arg is None for keyword in made.keywords):
            return None
        func = made.func
        if isinstance(func, ast.Attribute) and func.attr == "_replace" and (
                isinstance(func.value, ast.Name) and not made.args):
            return func.value.id, made.keywords
        if self.qualify(func) == "dataclasses.replace" and len(made.args) == 1 and (
                isinstance(made.args[0], ast.Name)):
            return made.args[0].id, made.keywords
        return None

    def _copied_class(self, copied: tuple[str, list[ast.keyword]], depth: int
                      ) -> ast.ClassDef | None:
        """The record class of a copy (see ``_copied_record``): the original's, where
        the original can be read, every changed name is one of its fields and the
        class does not define the copying itself."""
        original, changes = copied
        if depth > _COPY_DEPTH or original not in self.module_bindings.values:
            return None
        cls = self._instance_made(original, depth + 1)
        fields = record_fields(cls) if cls is not None else None
        if cls is None or fields is None or any(
                isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
                and statement.name == "_replace" for statement in cls.body):
            return None
        return cls if all(change.arg in fields for change in changes) else None

    def _holds_defaults(self, cls: ast.ClassDef) -> bool:
        """Whether an instance made without arguments holds what the class body
        binds.  An attrs class or a ``NamedTuple`` whose body alone decides its fields
        (no converter, no hook that sets them) holds its defaults too."""
        return (_plain_dataclass(cls) or self._plain_model(cls)
                or record_fields(cls) is not None or _plain_class(cls))

    def _plain_model(self, cls: ast.ClassDef) -> bool:
        """A pydantic model whose only base is ``BaseModel`` and whose body holds
        fields alone: no validator or other method, no configuration, no nested
        class.  An instance made without arguments holds the fields' defaults, which
        pydantic does not validate.  (A ``BaseSettings`` class is none: the
        environment may set any field.)"""
        if len(cls.bases) != 1 or cls.keywords or cls.decorator_list or (
                self.qualify(cls.bases[0]) not in _MODEL_BASES):
            return False
        return not any(
            isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            or (isinstance(statement, (ast.Assign, ast.AnnAssign)) and any(
                isinstance(target, ast.Name) and target.id in _MODEL_SETTINGS
                for target in (statement.targets if isinstance(statement, ast.Assign)
                               else [statement.target])))
            for statement in cls.body)

    def _field_values(self, name: str, cls: ast.ClassDef) -> dict[str, ast.expr]:
        """What the fields of the instance ``name`` is bound to hold where they may
        hold scopes: their defaults, then what the call that made it gives them."""
        made = self.module_bindings.values.get(name)
        copied = self._copied_record(made)
        if copied is not None:
            # A copy holds the original's fields but those it changes.
            found = self._field_values(copied[0], cls)
            given: dict[str, ast.expr] | None = {
                str(change.arg): change.value for change in copied[1]}
        else:
            found = _class_values(cls, field_defaults=not _plain_class(cls))
            if not isinstance(made, ast.Call) or not (made.args or made.keywords):
                return found
            given = given_fields(made, record_fields(cls) or [])
        if given is None:
            return {}
        for attribute, node in given.items():
            if may_hold_class_scopes(attribute) and isinstance(node, _SCOPE_VALUE_NODES):
                found[attribute] = node
            else:
                found.pop(attribute, None)
        return found

    def star_imported(self) -> dict[str, str]:
        """The qualified name of each name a star import must bring (read and bound
        nowhere in the module), when the module has one star import only, which always
        runs, of a module it can name: then every such name comes from there."""
        stars = self.facts.star_imports
        if len(stars) != 1 or stars[0].conditional or not stars[0].module:
            return {}
        return {name: f"{stars[0].module}.{name}" for name in self._star_brought}

    def _is_builtin(self, name: str) -> bool:
        """Whether ``name`` in the module's scope is the builtin of that name: nothing
        binds or imports it, and no star import may bring it."""
        return not self.facts.star_imports and not self.module_bindings.binds(name)

    def _from_star_import(self, name: str) -> bool:
        return bool(
            self.facts.star_imports and self._module_name and CONSTANT_NAME.match(name)
            and name not in self.facts.upper_names and self._binding_scope(name) is None
        )

    def _collect_imports(self, tree: ast.Module) -> None:
        seen: dict[str, set[str]] = {}
        for node in all_statements(tree.body):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                self.import_lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        seen.setdefault(alias.asname, set()).add(alias.name)
                    else:
                        top = alias.name.split(".")[0]
                        seen.setdefault(top, set()).add(top)
            elif isinstance(node, ast.ImportFrom):
                base = self.absolute_module(node)
                if base is None:
                    continue
                for alias in node.names:
                    if alias.name != "*":
                        qualified = f"{base}.{alias.name}" if base else alias.name
                        seen.setdefault(alias.asname or alias.name, set()).add(qualified)
        # A local name imported from two places is ambiguous: follow neither.
        self._imports = {name: next(iter(targets)) for name, targets in seen.items()
                         if len(targets) == 1}
        self._imported_packages = frozenset(
            target.split(".", 1)[0] for targets in seen.values() for target in targets)

    def _note_namespace_writes(self, tree: ast.Module) -> None:
        """Names bound through the module's own namespace (``globals()["SCOPES"] =
        [...]``, see ``own_namespace``) are bound as by an assignment: a star import
        of the module brings them, and an import of the same name no longer says
        what it holds.  Where any name may be so bound, a star import of the module
        brings names that cannot be known, and its imported constants are unread."""
        writes = own_namespace_writes(tree, AFTER_EVERY_LINE, self.qualify)
        for name, line in writes.names.items():
            self._imports.pop(name, None)
            for table in (self.facts.upper_names, self.facts.star_bound):
                if table is self.facts.star_bound and not self.facts.star_imports:
                    continue
                if table is self.facts.upper_names and not CONSTANT_NAME.match(name):
                    continue
                assert isinstance(table, dict)
                table[name] = max(table.get(name, 0), line)
        if writes.any_name:
            self.facts.exports_known = False
            for name in [name for name in self._imports if CONSTANT_NAME.match(name)]:
                del self._imports[name]

    def absolute_module(self, node: ast.ImportFrom) -> str | None:
        """The dotted name of the module a ``from`` import names; None when a relative
        import leaves the project."""
        if not node.level:
            return node.module or ""
        package = self._module_name.split(".")
        # ``from . import x`` in pkg.mod refers to pkg; each extra dot goes up one.
        # A package's ``__init__`` is named for the package itself, which one dot
        # already refers to.
        level = node.level - 1 if self._is_package() else node.level
        if len(package) < level:
            return None
        base = package[: len(package) - level]
        if node.module:
            base.append(node.module)
        return ".".join(base)

    def _is_package(self) -> bool:
        stem = os.path.splitext(os.path.basename(self.source.path))[0]
        return stem == "__init__"

    # -- traversal ------------------------------------------------------------------

    def prepare(self, tree: ast.Module) -> None:
        """Read the imports and module bindings without looking for scope requests."""
        self._prepared = tree
        self.nodes = TreeNodes(tree)
        self._collect_imports(tree)
        # Each walk is spared the modules whose text cannot hold what it looks for:
        # most modules have no star import, ``global`` statement or ``__all__``.
        text = self._text
        self._base_url_clients = any(word in text for word in BASE_URL_WORDS)
        self.body_bindings.note_assignment_expressions(tree, text)
        if _STAR_IMPORT.search(text):
            self.facts.star_imports = star_imports(tree, self.absolute_module)
            if self.facts.star_imports:
                self._star_brought = names_unbound(tree)
                self.facts.star_bound = bound_names(tree, "global" in text)
        self.facts.upper_names = upper_names(tree, "global" in text)
        if "__all__" in text:
            self.facts.exports, self.facts.exports_known = exports(tree)
        bindings = collect_bindings(tree.body)
        self._scopes.append(bindings)
        self._bodies.append(tree.body)
        if may_write_own_namespace(text):
            self._note_namespace_writes(tree)
        defined: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        for statement in tree.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and not (
                    _is_overload(statement)):
                defined.setdefault(statement.name, []).append(statement)
        self._module_functions = {
            name: functions[0] for name, functions in defined.items()
            if len(functions) == 1 and name not in bindings.values
        }
        classes: dict[str, list[ast.ClassDef]] = {}
        for statement in tree.body:
            if isinstance(statement, ast.ClassDef):
                classes.setdefault(statement.name, []).append(statement)
        self._module_classes = {
            name: found[0] for name, found in classes.items()
            if len(found) == 1 and name not in bindings.values and name not in defined
        }
        if any(TYPED_DICT_WORD in line for line in self._lines):
            self.facts.typed_dicts = typed_dict_classes(self._module_classes, self.qualify)
        if any("config" in line or "Config" in line for line in self._lines):
            # A walk of the whole tree, spared the modules that cannot write Flask's
            # configuration (most of them).
            flask_config_values(tree, self._flask_config, self._not_an_app, self.nodes)
        # ``SCOPES.append(...)`` in a function changes the module's list too, and
        # ``settings.SCOPES.append(...)`` another module's.
        for statement, nested in _statements_with_depth(tree.body):
            if statement.__class__ not in _CHANGING_STATEMENTS:
                # Neither test below nor ``_changed_values`` reads another kind of
                # statement (both read an expression statement, one of them): most
                # statements of a module are passed over on one set lookup.
                continue
            settings_module = _django_settings_module(statement)
            if settings_module:
                self.facts.django_settings = settings_module
            elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and (
                    isinstance(statement.value.func, ast.Attribute)) and (
                    self.qualify(statement.value.func) == _DJANGO_SETTINGS_CONFIGURE):
                # ``settings.configure(NYLAS_SCOPES=[...])`` sets any of the settings.
                self._note_given_away(statement.value.func.value, bindings)
            changes = list(_changed_values(statement, nested))
            if changes:
                # (Most changes bind an attribute again, which writes no item;
                # ``app.HANDLERS += [...]`` binds the list it extends.)
                self._noting_told = (isinstance(statement, ast.AugAssign) or any(
                    how in _ITEM_CHANGES for _, how in changes)) and (
                    self._told_write(statement, bindings))
                for changed, how in changes:
                    if isinstance(changed, ast.Name):
                        self._changes.setdefault(changed.id, []).append((statement, nested))
                    self._note_change(changed, nested, how, bindings)
                self._noting_told = False
        found = self._lists_given_away(tree, bindings)
        for value, call, slot in found.given:
            callee = self._other_module_function(call, bindings) if slot is not None and (
                not self._own_container(value, bindings)
                or self._own_scope_list(value, bindings)) else None
            if call is not None and callee:
                # Whether that function changes it, only its module's facts say; so
                # for the lists a container given there holds.
                references = [*self._given_references(value, bindings), *(
                    reference for held, holder, _ in found.held
                    if isinstance(value, ast.Name) and holder == value.id
                    for reference in self._given_references(held, bindings))]
                self.given_to.append(GivenTo(
                    tuple(references), callee, slot if isinstance(slot, int) else -1,
                    slot if isinstance(slot, str) else ""))
            else:
                if call is not None and isinstance(value, ast.Name) and (
                        value.id not in bindings.imported):
                    self._given_calls.setdefault(value.id, call)
                self._note_given_away(value, bindings)
        for value, class_name, attribute in found.class_held:
            if self._closed_class(class_name):
                # ``class Google: scopes = SCOPES``: the class attribute is the list
                # itself, changed wherever the project index sees the attribute be.
                holder = f"{self._module_name}.{class_name}.{attribute}"
                self.class_lists.extend((holder, reference) for reference in (
                    self._given_references(value, bindings)))
            else:
                self._note_given_away(value, bindings)
        for value in found.parts:
            self._note_parts_given_away(value, bindings)
        for owner in found.namespaces:
            self._note_change(owner, True, "namespace", bindings)
        for load in found.config_loads:
            self._note_config_load(load, bindings, tree)
        self._note_held_given_away(found, bindings)
        if "scope" in text.lower() or found.config_loads:
            # (An application factory hands its callers' configuration classes to
            # ``from_object``, which only reads them.)
            self.facts.read_parameters = self._read_parameters()
        elif "def __init__" in text:
            # A class given a settings record (``NylasClient(load_config())``).
            self.facts.read_parameters = self._read_parameters(functions=False)
        lowered = text.lower()
        if "config" in lowered or "settings" in lowered:
            # ``NylasClient(load_config())`` whose ``__init__`` keeps ``config.api_uri``.
            self.facts.field_read_parameters = self._field_read_parameters()
        star_line = max((star.line for star in self.facts.star_imports), default=0)
        # ``from .local_settings import *`` at the end of Django's settings may bind
        # any name written before it again.
        for name, value in list(bindings.values.items()):
            if value.lineno < star_line:
                bindings.mutated.add(name)
                bindings.opaque_writes.add(name)
                self._note_mutated(f"{self._module_name}.{name}")

    def _grown_constants(self) -> dict[str, ScopeValue]:
        """The module's scope lists grown at its top (``NYLAS_SCOPES.append(...)``
        under ``if os.environ.get(...)``), read as the lists they may be once the
        module has run, which is when other modules read them (see
        ``module_lists``): where every change of the name is such an addition
        before any other statement that names it, none in a function, and nothing
        else hands the list on.  Those noted as changed for other modules only
        because of these additions are then not."""
        bindings = self.module_bindings
        candidates = [
            name for name, changes in self._changes.items()
            if "scope" in name.lower() and not any(nested for _, nested in changes)
            and name not in bindings.opaque_writes and name not in bindings.key_writes
            and name not in bindings.imported and name not in bindings.declared_global
            and name not in self._star_brought]
        if not candidates or self.facts.star_imports:
            return {}
        body = self._bodies[0]
        mentions = self._mentions.get(id(body))
        if mentions is None:
            mentions = self._mentions[id(body)] = BodyMentions(body)
        bound_otherwise = bound_without_names(body)
        grown: dict[str, ScopeValue] = {}
        for name in candidates:
            found = module_lists(mentions, name) if name not in bound_otherwise else None
            if found is None:
                continue
            lists, end = found
            if any((mentions.statement_at(statement) or end) >= end
                   for statement, _ in self._changes[name]):
                continue  # changed again after it is handed on, or in a loop
            value = one_of([self.reader.read(option) for option in lists])
            if not _kept_as_scopes(name, value):
                continue
            grown[name] = value
            reference = f"{self._module_name}.{name}"
            if reference not in self._changed_otherwise and reference in self.mutated:
                self.mutated.remove(reference)
        return grown

    def _note_config_load(self, call: ast.Call, bindings: Bindings, tree: ast.Module) -> None:
        """``app.config.from_object(...)``: the object it names, for the judge, which
        knows whether it is a configuration class of the project (whose keys are
        read); any key when the object cannot be named.  A parameter of the factory
        that loads it is read as its default and what its callers pass."""
        argument = call.args[0] if len(call.args) == 1 and not call.keywords else None
        loaded = [self._loaded_name(argument, bindings)]
        parameter = loaded_parameter(tree, call, argument.id, self.body_bindings) if (
            isinstance(argument, ast.Name)) else None
        if parameter is not None:
            default = parameter.default
            loaded = [self._loaded_name(default, bindings), ParameterReference(
                ParameterKind.CONFIG, f"{self._module_name or '__main__'}.{parameter.function}",
                parameter.position, argument.id if isinstance(argument, ast.Name) else "",
            ).text()] if default is not None else [""]
        if all(loaded):
            self.config_loads.extend(
                name for name in loaded
                if name not in self.facts.config_loads and name not in self.config_loads)
        else:
            self._note_mutated(any_member(FLASK_CONFIG))

    def _loaded_name(self, argument: ast.expr | None, bindings: Bindings) -> str:
        """The dotted name of the object ``from_object`` is given (a string path, a
        class of this module, an import); "" when it cannot be named."""
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            return argument.value.replace(":", ".")
        if isinstance(argument, ast.Name) and argument.id in self._module_classes and (
                argument.id not in bindings.imported):
            return f"{self._module_name}.{argument.id}"
        if argument is not None:
            return self.qualify(argument) or ""
        return ""

    def _told_write(self, statement: ast.stmt, bindings: Bindings) -> bool:
        """Whether a statement writes items into a module-level container in a way
        the value flow joins to the container's bindings (see ``registry_writes``):
        through an import of it, another module's attribute, or a name its own
        module binds (whether those bindings say what it holds, the project index
        tells)."""
        container = told_write(statement)
        if isinstance(container, ast.Attribute):
            return self.qualify(container) is not None
        if not isinstance(container, ast.Name):
            return False
        name = container.id
        if name in bindings.imported:
            return name in self._imports
        return bindings.binds(name)

    def _note_mutated(self, reference: str, growth: bool = False) -> None:
        (self._told_changes if self._noting_told else self._untold_changes).add(reference)
        # Each once: whether another module's list is changed is all the judge asks,
        # and a module may change one in hundreds of statements.
        if not growth:
            self._changed_otherwise.add(reference)
        if reference not in self.facts.mutated:
            self.mutated.append(reference)

    def _attribute_getter_reads(self) -> Callable[[ast.Call], ast.Attribute | None] | None:
        """What ``operator.attrgetter("scopes")(provider)`` reads (``provider.scopes``),
        for the finder of given lists; None in a module that never names
        ``attrgetter`` (most), sparing it a test of every call."""
        if not any("attrgetter" in line for line in self._lines):
            return None

        def read(node: ast.Call) -> ast.Attribute | None:
            found = attrgetter_read(node, self.qualify, self.lookup)
            return found[1] if found is not None else None
        return read

    def _lists_given_away(self, tree: ast.Module, bindings: Bindings) -> GivenLists:
        """The lists and dicts this module gives to code that may change them: its own
        and those it imports (``from config import SCOPES``, ``config.SCOPES``), which
        are the defining module's objects.  Every use of one is followed (see
        ``list_fates``): another name holding it (``extra = SCOPES``), a ``return``,
        a container that code then changes, or a call the analysis cannot show only
        reads it (``enable(SCOPES)`` of another module, a method, a function of this
        module that appends to its parameter) gives it away: code the reading of the
        one assignment does not see may change it.  ``given`` comes with the call
        and where among its arguments."""
        values = bindings.values
        star = self._star_brought
        # The module's classes: one handed to other code takes along what its body
        # binds, which ``Google().scopes`` reads (``enable(Google)``, ``enable(
        # Google())``).
        classes = frozenset(self._own_classes(bindings))
        # The module's instances of its record classes (``settings = Settings()`` of a
        # dataclass), whose fields hold lists: handed to other code
        # (``configure(settings)``), they take those lists along.  (An instance of a
        # plain class takes the class's own attributes, followed with the class.)
        instances = frozenset(name for name in values if self._record_instance(name)
                              ) if self._module_classes else frozenset()

        def watched(node: ast.expr) -> bool:
            if isinstance(node, ast.Name):
                value = values.get(node.id)
                return (value is not None and may_hold_lists(value)) or (
                    node.id in bindings.imported and node.id in self._imports) or (
                        node.id in star) or node.id in classes or node.id in instances
            if isinstance(node, ast.Attribute):
                return may_hold_class_scopes(node.attr) or self.qualify(node) is not None
            return False

        def depth(node: ast.expr) -> int:
            if isinstance(node, ast.Name) and node.id not in bindings.imported and (
                    node.id not in star):
                return mutable_levels(node, values)
            return UNKNOWN_DEPTH

        found = given_away(tree, watched, self._only_reads, depth,
                           lambda node: node.id not in bindings.imported and (
                               node.id not in star) and node.id not in classes,
                           frozenset(self._module_functions),
                           lambda func: bool(self._function_of(func, bindings)),
                           frozenset(name for name, value in values.items()
                                     if may_hold_lists(value)) | frozenset(
                               name for name in bindings.imported if name in self._imports)
                           | star | classes | instances, self._another_modules,
                           lambda node: unnamed_module(node, self.qualify), self._not_an_app,
                           lambda call: self._scope_dict_get(call, bindings),
                           lambda item: _immutable_item(item, bindings),
                           lambda cls: self._module_classes.get(cls.name) is cls and (
                               self._closed_class(cls.name)),
                           self._attribute_getter_reads(), self._reads_a_field)
        self._module_aliases = found.module_names
        for holder, attribute in self._unnamed_changes:
            if holder in found.module_names:
                self._note_mutated(any_module_member(attribute))
        self._escaped_results = found.escaped
        # A function's own local name that takes a list and only reads it
        # (``scopes = Config.NYLAS_SCOPES`` then ``", ".join(scopes)``) gives no other
        # code the object.  A name it declares ``global`` or ``nonlocal`` is another
        # scope's, which other code may reach.
        # What a function of this module that returns no watched value returns is no
        # one's list: where it goes does not matter.
        returning = {function for _, function, _ in found.returned}
        unwatched = {id(value) for value, _, _ in found.given if isinstance(value, ast.Call)
                     and self._own_function(value.func, bindings) not in ("", *returning)}
        read_aliases = unwatched | {
            id(value) for value, function, name in found.local_names
            if id(value) not in unwatched
            and name not in self.body_bindings.of(function).declared_global
            and not self._changes_parameter(function, name)}
        given: list[tuple[ast.expr, ast.Call | None, Slot]] = [
            (value, call, slot) for value, call, slot in found.given
            if (call is None and id(value) not in read_aliases) or (
                call is not None and id(value) not in unwatched
                and (slot is None or not self._keeps_argument(call, slot)))]
        # A function of the module that leaves the argument as it is but returns or
        # hands on a shallow copy of it (``def clone(plans): return list(plans)``)
        # gives its items on: records and lists, where the value may hold some.  The
        # project index follows the items to what the value holds (a list of strings
        # holds nothing that can change).
        for value, call, slot in found.given:
            if call is not None and slot is not None and id(value) not in unwatched and (
                    depth(value) > 1 and self._keeps_argument(call, slot)
                    and not self._keeps_argument(call, slot, items=False)):
                self._note_items_given_away(value, bindings)
        given.extend(
            (value, None, None) for value, function, parameter in found.defaults
            if isinstance(function, ast.Lambda) or self._changes_parameter(function, parameter))
        for value, function, name, part in found.local_holders:
            # ``config = dict(CONFIG)`` then ``config["scope"].append(...)``: the
            # container a local name holds shares the value, or its items.
            if name in self.body_bindings.of(function).declared_global or changes_items(
                    function, name, self._only_reads, shadowed=self._shadowed_readers()):
                if part:
                    found.parts.append(value)
                else:
                    given.append((value, None, None))
        found.given = given
        return found

    def _note_items_given_away(self, node: ast.expr, bindings: Bindings) -> None:
        """A value only whose items go on, to code that may change them: noted by
        reference (``pkg.plans.PLANS[*]``), for this module's values too, so that the
        project index reads them as it reads another module's (see
        ``ModuleFacts.held_lists``)."""
        for reference in self._given_references(node, bindings):
            if reference + ITEMS not in self.facts.given_away:
                self.given_away.append(self._shared.text(reference + ITEMS))

    def _closed_class(self, name: str, depth: int = 0) -> bool:
        """Whether only code of the project gets the class of the module ``name``
        when it is made: no decorator, no metaclass or class keyword, and bases only
        plain classes of the module (a library's base, decorator or metaclass may
        change what the class body binds, where the analysis does not look)."""
        cls = self._module_classes.get(name)
        if cls is None or cls.keywords or cls.decorator_list or depth > _MAX_CLASS_DEPTH:
            return False
        return all(
            isinstance(base, ast.Name) and (
                (base.id == "object" and self._is_builtin("object"))
                or (base.id != name and self._closed_class(base.id, depth + 1)))
            for base in cls.bases)

    def _scope_dict_get(self, call: ast.Call, bindings: Bindings) -> bool:
        """Whether ``call`` (``X.get(key, default)``) is the ``get`` of a dict of
        scope lists, which gives back its default as it is: a dict display this
        module binds once, or a name it imports that says it holds scopes (read as
        scopes only where the project index shows it to be such a dict), also
        reached through an imported module (``settings.PLAN_SCOPES``)."""
        receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
        if isinstance(receiver, ast.Attribute) and isinstance(receiver.value, ast.Name):
            module = receiver.value.id
            return "scope" in receiver.attr.lower() and module in bindings.imported and (
                module in self._imports)
        if not isinstance(receiver, ast.Name):
            return False
        if receiver.id in bindings.imported:
            return "scope" in receiver.id.lower() and receiver.id in self._imports
        return isinstance(bindings.values.get(receiver.id), ast.Dict)

    def _note_held_given_away(self, found: GivenLists, bindings: Bindings) -> None:
        """A module-level container holding a watched value (``CONFIG = {**BASE,
        "scope": SCOPES}``) that code may change, or a function returning one whose
        results code may change (``get_scopes().append(...)``): so may it change the
        value.  Until no more is found, for a container held by another, a function
        returning another's result.  What the functions left return is recorded for
        the modules that call them (``ModuleFacts.returned``)."""
        escaped = self._escaped_results
        pending = [(value, holder, part, False) for value, holder, part in found.held] + [
            (value, function, part, True) for value, function, part in found.returned]
        while True:
            reached = [entry for entry in pending
                       if (escaped if entry[3] else bindings.mutated).__contains__(entry[1])]
            if not reached:
                break
            pending = [entry for entry in pending if entry not in reached]
            for value, _, part, _ in reached:
                if part:
                    self._note_parts_given_away(value, bindings)
                else:
                    self._note_given_away(value, bindings)
        returned: dict[str, list[str]] = {}
        held: list[tuple[str, str]] = []
        for value, function, part, is_function in pending:
            if not is_function:
                # Another module may change this container's items, or hand it on:
                # the project index follows that to what it holds.
                held.extend((function, reference + ITEMS if part else reference)
                            for reference in self._given_references(value, bindings))
            else:
                kept = returned.setdefault(function, [])
                kept.extend(reference for reference in self._given_references(value, bindings)
                            if reference not in kept)
        self.facts.returned = {name: found for name, found in returned.items() if found}
        self.facts.held_lists = list(dict.fromkeys(held))

    def _not_an_app(self, receiver: ast.expr, function: ast.FunctionDef | ast.AsyncFunctionDef
                    | None, top: bool) -> bool:
        """Whether ``receiver`` (of ``receiver.config``) is known to be no Flask
        application, where ``function``'s body reads it (``top``: the module's
        bindings are the ones in force there): a module of the standard library
        (``logging.config``) or of a library that holds no application
        (``flask_config.NO_APP_PACKAGES``); or, where ``top``, a name the module binds once to an
        instance of a class it defines with no base class, which is of that very
        class and so no application.  Anything else may be one (see
        ``flask_config.is_app_config``)."""
        head = receiver
        while isinstance(head, ast.Attribute):
            head = head.value
        if head is receiver and isinstance(head, ast.Name) and self._plain_instance(
                function, head.id):
            return True
        if not isinstance(head, ast.Name) or self._bound_in(function, head.id):
            return False
        name = head.id
        module = self.module_bindings
        if name in module.imported:
            qualified = self.qualify(receiver) or ""
            return qualified.partition(".")[0] in NO_APP_PACKAGES
        value = module.values.get(name)
        if not top or head is not receiver or name in module.declared_global or not (
                isinstance(value, ast.Call) and isinstance(value.func, ast.Name)):
            return False
        cls = self._module_classes.get(value.func.id)
        return cls is not None and not cls.bases and not cls.keywords and (
            value.func.id not in module.imported)

    def _plain_instance(self, function: ast.FunctionDef | ast.AsyncFunctionDef | None,
                        name: str) -> bool:
        """Whether ``name`` is, in the body of ``function``, the instance (``self``) or
        the class (``cls`` of a ``classmethod``) a method of a module-level class with
        no base class is called with: of that very class, and so no application.  A
        method with another decorator (a ``staticmethod``'s first parameter may be
        anything), or that binds the name again, does not tell.  Only a class that
        gives its ``config`` a dict of its own counts: a holder may keep an
        application's configuration (``self.config = app.config``)."""
        if function is None:
            return False
        if self._method_classes is None:
            self._method_classes = {
                id(statement): cls for cls in self._module_classes.values()
                if not cls.bases and not cls.keywords
                for statement in cls.body
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))}
        cls = self._method_classes.get(id(function))
        if cls is None or len(function.decorator_list) > 1 or any(
                not (isinstance(decorator, ast.Name) and decorator.id == "classmethod"
                     and self.lookup("classmethod") is None)
                for decorator in function.decorator_list):
            return False
        positional = [*function.args.posonlyargs, *function.args.args]
        if not positional or positional[0].arg != name:
            return False
        own = self.body_bindings.of(function)
        if own.binds(name) or name in own.declared_global:
            return False
        holder = self._holders.get(cls.name)
        if holder is None:
            holder = self._holders[cls.name] = owns_its_config(cls)
        return holder

    def _bound_in(self, function: ast.FunctionDef | ast.AsyncFunctionDef | None,
                  name: str) -> bool:
        """Whether ``function`` binds ``name`` itself: a parameter or a local."""
        if function is None:
            return False
        arguments = function.args
        if name in {arg.arg for arg in (
                *arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs,
                arguments.vararg, arguments.kwarg) if arg is not None}:
            return True
        own = self.body_bindings.of(function)
        return own.binds(name) or name in own.declared_global

    @staticmethod
    def _own_container(node: ast.expr, bindings: Bindings) -> bool:
        """Whether ``node`` names a dict or list this module binds."""
        value = bindings.values.get(node.id) if isinstance(node, ast.Name) else None
        return value is not None and is_container(value)

    def _own_scope_list(self, node: ast.expr, bindings: Bindings) -> bool:
        """Whether ``node`` names a list of this module written whole as scope names
        (``SUP_SCOPES = ["email.read_only", ...]``): given to another module's
        function, it is changed only where that function may change the parameter it
        lands in, which that module's facts say (``GivenTo``); so a wrapper that
        sends it to a request leaves it as written.  Kept to lists of strings, which
        hold no other object code may change, and read as scopes only through the
        items the index finds changed (``changed_lists``)."""
        if not isinstance(node, ast.Name) or node.id in self._star_brought:
            return False
        value = bindings.values.get(node.id)
        if not isinstance(value, (ast.List, ast.Tuple, ast.Set)) or not value.elts:
            return False
        texts = [item.value for item in value.elts
                 if isinstance(item, ast.Constant) and isinstance(item.value, str)]
        return len(texts) == len(value.elts) and any(names_a_scope(text) for text in texts)

    def _other_module_function(self, call: ast.Call | None, bindings: Bindings) -> str:
        """The dotted name of the function ``call`` runs when this module imports it
        (``enable_mail(...)``, ``features.enable_mail(...)``); "" otherwise."""
        func = call.func if call is not None else None
        if isinstance(func, ast.Name) and func.id in bindings.imported:
            return self._imports.get(func.id, "")
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and (
                func.value.id in bindings.imported):
            return self.qualify(func) or ""
        return ""

    def _given_references(self, node: ast.expr, bindings: Bindings) -> list[str]:
        """The entries of ``given_away`` for a value given to code that may change it;
        for what a call returns, the function's name and ``()``."""
        references: list[str] = []
        flask = flask_reference(node)
        if flask:
            references.append(flask)
        if flask and not isinstance(node, ast.Attribute):
            # An item of a configuration: the key is all the index reads.
            pass
        elif isinstance(node, ast.Call):
            function = self._result_of(node, bindings)
            if function:
                references.append(function + "()")
        elif isinstance(node, ast.Attribute) and self._unnamed(node.value):
            references.append(any_module_member(node.attr))
        elif isinstance(node, ast.Attribute):
            references.append(self.qualify(node) or "")
            if may_hold_class_scopes(node.attr):
                # ``enable(self.SCOPES)``: of which class, the analysis cannot tell
                # (see ``_note_change``).
                references.append(any_attribute(node.attr))
        elif isinstance(node, ast.Name) and node.id in bindings.imported:
            references.append(self._imports.get(node.id, ""))
        elif isinstance(node, ast.Name):
            references.append(f"{self._module_name}.{node.id}")
        return [reference for reference in references if reference]

    def _unnamed(self, node: ast.expr) -> bool:
        """A module object named at run time, or a name bound to one."""
        return unnamed_module(node, self.qualify) or (
            isinstance(node, ast.Name) and node.id in self._module_aliases)

    def _another_modules(self, call: ast.Call) -> bool:
        """Whether ``call`` runs a function or class of another module (of the
        project or not), or a class of this one: what it returns, a local name
        holds, is followed as that name is used, in the walk that finds given lists,
        as where the call is written in its place (``provider = GoogleProvider()``
        then ``provider.scopes`` reads as ``GoogleProvider().scopes``)."""
        bindings = self.module_bindings
        return bool(self._function_of(call.func, bindings)) and not self._own_function(
            call.func, bindings)

    def _own_classes(self, bindings: Bindings) -> set[str]:
        """The names of the module's top-level classes that may hold scopes for
        ``Google().scopes`` to read, and that the module binds to nothing else: a
        class whose body binds a name that may hold them (an attribute, a
        property), or that derives from such a class of the module."""
        holders: set[str] = set()
        for name, cls in self._module_classes.items():
            if name in bindings.imported or name in self._star_brought:
                continue
            inherits = any(isinstance(base, ast.Name) and base.id in holders
                           for base in cls.bases)
            if inherits or any(may_hold_class_scopes(bound) for statement in cls.body
                               for bound in _class_statement_names(statement)):
                holders.add(name)
        return holders

    def _own_function(self, func: ast.expr, bindings: Bindings) -> str:
        """The name of this module's function ``func`` names; "" for another."""
        if isinstance(func, ast.Name) and func.id in self._module_functions and (
                func.id not in bindings.imported):
            return func.id
        return ""

    def _result_of(self, call: ast.Call, bindings: Bindings) -> str:
        return self._function_of(call.func, bindings)

    def _function_of(self, func: ast.expr, bindings: Bindings) -> str:
        """The dotted name of the function of the project ``func`` names: this
        module's (whose results the module then cannot say are unchanged) or
        another's; "" for the standard library's and those only read."""
        own = self._own_function(func, bindings)
        if own:
            return f"{self._module_name}.{own}"
        if isinstance(func, ast.Name) and func.id in self._module_classes and (
                func.id not in bindings.imported):
            # What the module's class makes: ``Google()`` handed on takes its
            # attributes along.
            return f"{self._module_name}.{func.id}"
        name = (self._imports.get(func.id, "") if isinstance(func, ast.Name) else
                self.qualify(func) or "")
        if isinstance(func, ast.Name) and func.id in self._star_brought:
            # Read by the index as this module's name, which it follows to the
            # modules the star imports name.
            name = f"{self._module_name}.{func.id}"
        top = name.partition(".")[0]
        if not name or top in sys.stdlib_module_names or reads_only_library(name):
            return ""
        return name

    def _note_given_away(self, node: ast.expr, bindings: Bindings) -> None:
        """A list or dict given to code that may change it: this module's own is
        not read from its assignment here, and no module's is where it imports it."""
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
                node.func.id in self._module_functions and node.func.id not in bindings.imported):
            # What a function of this module returns: what it returns is changed.
            self._escaped_results.add(node.func.id)
            return
        if isinstance(node, ast.Name) and node.id not in bindings.imported:
            bindings.mutated.add(node.id)
            bindings.opaque_writes.add(node.id)
        noted = self._told_changes if self._noting_told else self._untold_changes
        for reference in self._given_references(node, bindings):
            noted.add(reference)
            if reference not in self.facts.given_away:
                self.given_away.append(self._shared.text(reference))

    def _note_parts_given_away(self, node: ast.expr, bindings: Bindings) -> None:
        """A list or dict only whose items go to code that may change them
        (``dict(CONFIG)["scope"].append(...)``): this module's own is not read here,
        and another module's is not read by key (``config.AUTH["scope"]``), its list
        of strings still read whole."""
        if isinstance(node, ast.Call) and not self._own_function(node.func, bindings):
            # Items of what another module's function returns: the index follows them
            # to the values it returns.
            for reference in self._given_references(node, bindings):
                if reference + ITEMS not in self.facts.given_away:
                    self.given_away.append(self._shared.text(reference + ITEMS))
            return
        star = isinstance(node, ast.Name) and node.id in self._star_brought
        if not (isinstance(node, ast.Name) and node.id in bindings.imported) and not star:
            # Known whole, or any attribute's; still holding what it held (see
            # ``told_changes``).
            told, self._noting_told = self._noting_told, True
            self._note_given_away(node, bindings)
            self._noting_told = told
            return
        assert isinstance(node, ast.Name)
        reference = f"{self._module_name}.{node.id}" if star else (
            self._imports.get(node.id, ""))
        if reference and reference + ITEMS not in self.facts.given_away:
            self.given_away.append(self._shared.text(reference + ITEMS))

    def _read_parameters(self, functions: bool = True) -> dict[str, ReadParameters]:
        """The parameters each function (with ``functions``) and each class of the
        module only reads, for the modules that give it their lists (see
        ``GivenTo``)."""
        found: dict[str, ReadParameters] = {}
        for name, function in self._module_functions.items() if functions else ():
            if function.decorator_list:
                continue  # a decorator may give the arguments to any code
            read = self._parameters_read(function, 0)
            if read is not None:
                found[name] = read
        for name, init in self._parameter_takers():
            # ``NylasClient(config)``: the arguments go to ``__init__``.
            if name in self._module_classes:
                read = self._parameters_read(init, 1)
                if read is not None:
                    found[name] = read
        return found

    def _field_read_parameters(self) -> dict[str, ReadParameters]:
        """The parameters each function and plain class of the module reads only
        through fields that cannot hold scopes (see ``reads_fields_only``), where
        ``read_parameters`` does not count them as only read."""
        found: dict[str, ReadParameters] = {}
        for name, function in self._parameter_takers():
            read = _parameters_kept(
                function, 0 if name in self._module_functions else 1,
                functools.partial(self._changed_through_fields_only, function))
            if read is not None:
                found[name] = read
        return found

    def _changed_through_fields_only(
            self, function: ast.FunctionDef | ast.AsyncFunctionDef, parameter: str) -> bool:
        """Whether ``function`` counts as changing ``parameter`` but reads it only
        through fields that cannot hold scopes (see ``reads_fields_only``)."""
        return self._changes_parameter(function, parameter) and reads_fields_only(
            function, parameter, may_hold_class_scopes)

    def _parameter_takers(self) -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
        """The undecorated functions of the module, and the ``__init__`` of each
        class whose arguments go to it alone: no base, decorator or metaclass, nor
        ``__new__``."""
        found = [(name, function) for name, function in self._module_functions.items()
                 if not function.decorator_list]
        for name, cls in self._module_classes.items():
            init = _method(cls, "__init__")
            if cls.bases or cls.keywords or cls.decorator_list or init is None or (
                    init.decorator_list or any(
                        isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
                        and statement.name == "__new__" for statement in cls.body)):
                continue
            found.append((name, init))
        return found

    def _parameters_read(self, function: ast.FunctionDef | ast.AsyncFunctionDef,
                         skipped: int) -> ReadParameters | None:
        """The parameters of ``function`` past the first ``skipped`` (``self``) that
        it only reads, as a caller's arguments land in them; None for none."""
        read = _parameters_kept(function, skipped, lambda parameter: not (
            self._changes_parameter(function, parameter)))
        if read is None:
            return None
        shared = tuple(name for name in dict.fromkeys((*read.positional, *read.keywords))
                       if name and self._shares_items(function, name))
        return dataclasses.replace(read, shared=shared) if shared else read

    def _shares_items(self, function: ast.FunctionDef | ast.AsyncFunctionDef,
                      parameter: str) -> bool:
        """Whether ``function``, which only reads ``parameter``, may let other code
        change the items it holds: a shallow copy of it returned or handed on
        (``return list(plans)``), a loop handing its items on (see ``changes_items``)."""
        return changes_items(function, parameter, self._only_reads,
                             shadowed=self._shadowed_readers())

    def _only_reads(self, call: ast.Call) -> bool:
        func = call.func
        name = func.id if isinstance(func, ast.Name) else (
            func.attr if isinstance(func, ast.Attribute) else "")
        if name in self._shadowed_readers():
            return False  # ``len`` or ``logger.info`` of the module's own making
        return only_reads(call, self.qualify, _AUTH_METHODS) or sdk_reads_arguments(
            call, self._held_grant_object)

    def shadowed_readers(self) -> frozenset[str]:
        """The reading calls the module's reading of its lists takes to be no reads
        (see ``_shadowed_readers``)."""
        return self._shadowed_readers()

    def _shadowed_readers(self) -> frozenset[str]:
        """The names of reading calls the module gives a meaning of its own (see
        ``shadowed_reading_calls``): found the first time a reading asks."""
        if self._shadowed is None:
            tree = self._prepared or self._tree
            if tree is None or not self._scopes:
                # Not prepared yet (asked again later): until the module's own names
                # are known, none of the reading calls counts as only reading.
                return ALL_READING_NAMES
            self._shadowed = shadowed_reading_calls(
                tree, self.module_bindings.binds).union(
                    self._foreign_readers, self.redefined_readers())
        return self._shadowed

    def redefined_readers(self) -> list[str]:
        """The reading calls whose meaning the module may change in every module (see
        ``reader_meanings.redefined_readers``), found once, after ``prepare``."""
        if self._redefined is None:
            tree = self._prepared or self._tree
            if tree is None or not may_redefine_readers(self._text):
                self._redefined = []
            else:
                nodes = self.nodes if tree is self._prepared else TreeNodes(tree)
                self._redefined = redefined_readers(nodes, self._text, self.qualify)
        return self._redefined

    def star_readers(self) -> list[str]:
        """The reading calls the module binds at module level (after ``prepare``)."""
        return star_readers(self.module_bindings.binds)

    def _held_grant_object(self, name: str) -> str:
        """The client's object (``auth``) that every binding of ``name`` in the module
        gives it (``auth = nylas.auth``), "" when it may hold anything else: found
        with one walk of the module, the first time a request is made on a name."""
        if self._tree is None:
            return ""
        if self._grant_object_holders is None:
            self._grant_object_holders = sole_bindings(
                self._tree, lambda value: grant_object_attribute(self._v3, value))
        return self._grant_object_holders.get(name, "")

    def _keeps_argument(self, call: ast.Call, slot: int | str, items: bool = True) -> bool:
        """Whether the function of this module ``call`` runs leaves the argument in
        ``slot`` as it is: its body only reads that parameter.  Without ``items``,
        whether it also keeps the items the argument holds to itself (see
        ``_shares_items``)."""
        if not isinstance(call.func, ast.Name) or self._binding_scope(call.func.id) not in (
                None, self.module_bindings):
            return False
        function = self._module_functions.get(call.func.id)
        if function is None or function.decorator_list:
            # A decorator may give the arguments to any code.
            return False
        arguments = function.args
        if isinstance(slot, int):
            positional = [*arguments.posonlyargs, *arguments.args]
            if slot >= len(positional):
                return False  # into ``*args``
            parameter = positional[slot].arg
        elif slot in {arg.arg for arg in (*arguments.args, *arguments.kwonlyargs)}:
            parameter = slot
        else:
            return False  # into ``**kwargs``
        if not items:
            return not self._shares_items(function, parameter)
        return not self._changes_parameter(function, parameter)

    def _changes_parameter(self, function: ast.FunctionDef | ast.AsyncFunctionDef,
                           parameter: str) -> bool:
        own = self.body_bindings.of(function)
        if own.changed_in_place(parameter) or parameter in own.opaque_writes or (
                parameter in own.key_writes):
            return True
        handed = self._handed_over.get(function)
        if handed is None:
            # One walk for every name of the function asked about.
            handed = self._handed_over[function] = handed_over_names(
                function.body, self._only_reads, self._shadowed_readers())
            if self._augments:
                handed |= _augmented_names(function)
        return parameter in handed

    def _note_change(self, node: ast.expr, nested: bool, how: str,
                     bindings: Bindings) -> None:
        """A list or dict changed after its assignment, or a name bound again, so
        that the assignment no longer says what it holds when read as scopes.
        ``how``: "call" (``SCOPES.append(x)``), "item" (``CONFIG["scope"] = x``),
        "augment" (``SCOPES += x``), "extend" (``SCOPES = SCOPES + x``), "global"
        (``global SCOPES`` in a function, or ``globals()["SCOPES"] = x``), "rebind"
        (``config.SCOPES = x``) or "namespace" (``settings.__dict__.update(...)``: any
        attribute of the object, or with ``globals()`` any global, may change)."""
        if how == "namespace":
            if self._unnamed(node):
                # ``vars(sys.modules[name])`` handed on: any name of any module.
                self._note_mutated(any_module_member(ANY_MODULE))
                return
            if isinstance(node, ast.Call):
                for name in list(bindings.values):
                    self._note_change(ast.Name(name, ast.Load()), True, "global", bindings)
                return
            self._note_given_away(node, bindings)
            # A module's constants too, which the reading of another module names by
            # the module (``config.SCOPES``), not by the object given away.
            for holder in self._given_references(node, bindings):
                self._note_mutated(any_member(holder))
            return
        if how == "global":
            # Written through ``globals()`` even at the top of the module, the name's
            # one assignment no longer says what it holds.
            nested = True
        if isinstance(node, ast.Attribute):
            # ``config.SCOPES += [...]``, ``settings.SCOPES = ...``: another module's.
            reference = self.qualify(node) or self._module_member(node)
            if reference:
                self._note_mutated(reference)
            elif unnamed_module(node.value, self.qualify):
                # ``sys.modules[name].SCOPES.append(...)``: that of any module.
                self._note_mutated(any_module_member(node.attr))
            elif isinstance(node.value, ast.Name):
                # ``module.SCOPES.append(...)``: of any module too when ``module``
                # names one named at run time, which the finder of given lists says.
                self._unnamed_changes.append((node.value.id, node.attr))
            if may_hold_class_scopes(node.attr):
                # ``self.SCOPES.append(...)``, ``cls.SCOPES = ...``, an instance's
                # ``settings.SCOPES += ...``: the object may be a class whose
                # attribute is read as scopes, or one of its instances, which share
                # the class's list.  Which class, the analysis cannot tell.
                self._note_mutated(any_attribute(node.attr))
            return
        if not isinstance(node, ast.Name):
            return
        name = node.id
        if how == "extend":
            # Read where it is bound, the name would stand for its own new list; read
            # from another module, for a list only the star import's value says.  (In
            # a function the name read is a parameter, bound twice and not read, or a
            # global the function cannot read before binding it: not looked for.)
            bindings.mutated.add(name)
            self._note_mutated(f"{self._module_name}.{name}", growth=not nested)
            return
        imported = self._imports.get(name) if name in bindings.imported else None
        if imported and how != "global":
            # ``from .config import SCOPES`` then ``SCOPES.append(...)``: the same list.
            self._note_mutated(imported)
        elif name in self._star_brought and how != "global":
            # The list a star import brings, by this module's name for it.
            self._note_mutated(f"{self._module_name}.{name}")
        if nested:
            # A function's ``global SCOPES``, ``SCOPES[:] = ...`` or
            # ``CONFIG["scope"] = ...`` changes the module's value (or a local one of
            # the same name: then this is only more cautious than needed).
            bindings.mutated.add(name)
            bindings.opaque_writes.add(name)
        elif how == "call":
            bindings.mutated.add(name)
        if nested or how == "augment":
            # Read from another module, the constant is not what its assignment says
            # either (``NYLAS_SCOPES += [...]`` in a settings module over the base),
            # unless it is only grown at the top of the module (``_grown_constants``).
            self._note_mutated(f"{self._module_name}.{name}", growth=not nested)

    def _module_member(self, node: ast.Attribute) -> str | None:
        """The dotted name of an attribute of a module object named by a string
        (``sys.modules["app.config"].SCOPES``, ``sys.modules.get(...)``,
        ``importlib.import_module(...)``, ``__import__("app.config").config``, and
        ``sys.modules[__name__]`` for this module's own)."""
        holder = node.value
        if isinstance(holder, ast.Subscript) and isinstance(holder.slice, ast.Name) and (
                holder.slice.id == "__name__") and self.qualify(holder.value) == "sys.modules":
            return f"{self._module_name}.{node.attr}"
        module = constant_module(holder, self.qualify)
        return f"{module}.{node.attr}" if module else None

    def extract(self, tree: ast.Module) -> ModuleFacts:
        self._tree = tree
        self.prepare(tree)
        # Found here, at the top of the stack: asked first from deep inside the walk
        # of a deeply nested module, the walk of the whole tree could exceed Python's
        # recursion limit.
        self.redefined_readers()
        self._grant_object_names = {
            name for name, value in self.module_bindings.values.items()
            if self._v3.is_request_object(value)}
        self.generic_visit(tree)
        self.shared_clients[:] = [
            dataclasses.replace(client, used_here=client.name in self._loaded_names)
            for client in self.shared_clients]
        self._unread_getters()
        self._unsent_v3_paths()
        self.facts.constants = self.scope_constants()
        self.facts.strings = self.url_strings()
        self.facts.told_changes = self.told_changes()
        return self.facts

    def told_changes(self) -> list[str]:
        """The references of ``mutated`` and ``given_away`` only changed by writes
        the value flow joins, or whose items only are handed on (see
        ``ModuleFacts.told_changes``)."""
        return sorted(self._told_changes - self._untold_changes)

    @property
    def imports(self) -> dict[str, str]:
        return self._imports

    @property
    def module_bindings(self) -> Bindings:
        return self._scopes[0]

    def scope_constants(self) -> dict[str, ScopeValue]:
        """Module constants other modules may import as a scopes value.

        Only names that look like scope lists are kept (the name mentions scopes, or
        an item is a scope name), so that the cached facts stay small.
        """
        constants: dict[str, ScopeValue] = {}
        for name, node in self.module_bindings.values.items():
            if not isinstance(node, _SCOPE_VALUE_NODES):
                continue
            value = self.reader.read(ast.Name(id=name, ctx=ast.Load()))
            if _kept_as_scopes(name, value):
                constants[name] = dataclasses.replace(value, span=self.source.span(node)) if (
                    value.state is ValueState.EMPTY) else value
        constants.update(self._grown_constants())
        constants.update(self._class_scope_constants())
        constants.update(self._enum_constants())
        for name, node in self.module_bindings.values.items():
            # ``NYLAS = {"SCOPES": [...]}``: read as ``settings.NYLAS["SCOPES"]``; and
            # ``SCOPES = {"google": [...]}``, a dict of scope lists, by every key: read
            # as ``scopes.SCOPES["google"]``, and known to be the lists another
            # module's change of ``SCOPES`` changes (see ``judge._changed_own_lists``).
            # A list of a dict named otherwise counts when it names scopes.
            if isinstance(node, ast.Dict):
                named_lists = "scope" in name.lower()
                if named_lists or self.reader.holds_scope_lists(node):
                    # (``PLANS = {"free": ["email.read_only"], ...}``: lists of
                    # scopes whatever the dict's name.)
                    # ``scopes.SCOPES[provider]`` in another module: any of the values.
                    any_value = self.reader.read(ast.Subscript(
                        value=ast.Name(id=name, ctx=ast.Load()),
                        slice=ast.Name(id="_", ctx=ast.Load()), ctx=ast.Load()))
                    if any_value.alternatives or any_value.state is ValueState.ITEMS:
                        constants[name + ANY_KEY] = any_value
                for key, item in zip(node.keys, node.values):
                    if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                        continue
                    named = f"{name}[{key.value!r}]"
                    lists = named_lists or isinstance(item, (ast.List, ast.Tuple, ast.Set))
                    if lists or "scope" in key.value.lower():
                        subscript = ast.Subscript(
                            value=ast.Name(id=name, ctx=ast.Load()), slice=key, ctx=ast.Load())
                        value = self.reader.read(subscript)
                        if lists and _kept_as_scopes(named, value) or (
                                "scope" in key.value.lower()):
                            constants[named] = value
        for config_key, values in self._flask_config.items():
            # ``app.config["NYLAS_SCOPES"] = [...]``, read as ``current_app.config[...]``;
            # written in several places (a config class per deployment), each is a
            # request the app can make.
            read = [self.reader.read(value) for value in values]
            constants[f"{FLASK_CONFIG}[{config_key!r}]"] = read[0] if len(read) == 1 else (
                ScopeValue(
                    ValueState.UNRESOLVED, complete=False, alternatives=tuple(read),
                    reason=f"Flask's {config_key} is set in {len(read)} places",
                )
            )
        for name, function in self._module_functions.items():
            # ``def get_scopes(): ...`` imported and called by another module.
            if "scope" in name.lower():
                value = self.reader.read(ast.Call(
                    func=ast.Name(id=name, ctx=ast.Load()), args=[], keywords=[]))
                if value.state is not ValueState.UNRESOLVED or value.alternatives:
                    constants[f"{name}()"] = value
        # ``def oauth_config(uri): return {..., "scope": SCOPES}``, passed by another
        # module as a v3 request's config.
        constants.update(self._v3.returned_config_scopes())
        return constants

    def _enum_constants(self) -> dict[str, ScopeValue]:
        """The strings iterating an ``Enum`` class of this module gives, read as
        another module iterates it (``[s.value for s in Scope]``, kept as
        ``Scope[values]``; ``[s for s in Scope]``, as ``Scope[members]``), for a class
        whose every member is a string written in its body and one of which names a
        scope (or whose name says scopes)."""
        constants: dict[str, ScopeValue] = {}
        for class_name, cls in self._module_classes.items():
            if self._binding_scope(class_name) not in (None, self.module_bindings) or (
                    enum_member_names(cls) is None) or self._enum_bound_again(cls):
                continue
            for suffix, wants_value in ((ENUM_VALUES, True), (ENUM_MEMBERS, False)):
                value = self.reader.read(_iterated_enum(cls, wants_value))
                if value.state is ValueState.ITEMS and value.complete and _kept_as_scopes(
                        class_name, value):
                    constants[class_name + suffix] = value
        return constants

    def _enum_member_constants(self, class_name: str, cls: ast.ClassDef,
                               attribute: str) -> Iterator[tuple[str, ScopeValue]]:
        """An ``Enum`` member as another module reads it: ``Scope.READ.value`` is the
        string written in the class, and ``Scope.READ`` is that string too where the
        class mixes in ``str``; neither where anything makes members otherwise."""
        for key, wants_value in ((f"{class_name}.{attribute}", False),
                                 (f"{class_name}.{attribute}.value", True)):
            member = enum_member_value(cls, attribute, wants_value=wants_value)
            if member is None:
                continue
            value = self.reader.read(member)
            if _kept_as_scopes(attribute, value):
                yield key, value

    def _class_scope_constants(self) -> dict[str, ScopeValue]:
        """``class Config: NYLAS_SCOPES = [...]``, read as ``Config.NYLAS_SCOPES``.

        Kept, under ``Config.NYLAS_SCOPES``, for an attribute the class body binds
        once, whose value reads no name the class body binds (the value is then read
        in the module's scope, as Python reads it) and whose name may hold scopes.
        """
        constants: dict[str, ScopeValue] = {}
        for class_name, cls in self._module_classes.items():
            for attribute, node in _class_values(cls, field_defaults=False).items():
                if is_enum_class(cls):
                    constants.update(self._enum_member_constants(class_name, cls, attribute))
                    continue
                value = self.reader.read(node)
                if _kept_as_scopes(attribute, value) or _names_scopes_elsewhere(
                        attribute, node, value):
                    constants[f"{class_name}.{attribute}"] = value
                    if _plain_class(cls):
                        # ``Settings().SCOPES``, read by another module too: the
                        # class's attribute.
                        constants[f"{class_name}().{attribute}"] = value
        # Each class's plain values, read once however many attributes it binds.
        class_values: dict[str, dict[str, ast.expr]] = {}

        def plain_value(cls: ast.ClassDef, attribute: str) -> ast.expr | None:
            values = class_values.get(cls.name)
            if values is None:
                values = class_values[cls.name] = _class_values(cls, field_defaults=False)
            return values.get(attribute)

        for (class_name, attribute), nodes in instance_attributes(
                self._module_classes, may_hold_class_scopes, plain_value,
                self._is_builtin).items():
            # ``Google().scopes`` where ``Google`` inherits ``scopes`` from a class of
            # the module, or a property returns it: each list it may read.
            key = f"{class_name}().{attribute}"
            value = one_of([self.reader.read(node) for node in nodes])
            if key not in constants and (_kept_as_scopes(attribute, value) or (
                    len(nodes) == 1 and _names_scopes_elsewhere(attribute, nodes[0], value))):
                constants[key] = value
        fields: set[str] = set()
        for name in self.module_bindings.values:
            # ``settings = Settings()`` of a dataclass: ``settings.scopes`` holds the
            # field's default; of a plain class, the class's attribute.
            made = self._instance_made(name)
            for attribute, node in self._field_values(name, made).items() if (
                made is not None
            ) else ():
                value = self.reader.read(node)
                if _kept_as_scopes(attribute, value):
                    constants[f"{name}.{attribute}"] = value
                    fields.add(attribute)
        self._note_shared_fields(fields)
        fresh: list[str] = []
        for name, function in self._module_functions.items():
            # ``def load_config(): return Config(api_key=os.environ[...])``: each call
            # makes a new record whose scopes field holds its default.
            defaults, methodless = self._returned_record_defaults(function)
            for attribute, node in defaults.items():
                value = self.reader.read(node)
                if _kept_as_scopes(attribute, value):
                    constants[f"{name}().{attribute}"] = value
                    if methodless and name not in fresh:
                        fresh.append(name)
        self.facts.fresh_records = tuple(fresh)
        return constants

    def _note_shared_fields(self, fields: set[str]) -> None:
        """``PRO = dataclasses.replace(SETTINGS, api_key=...)`` (also ``_replace``,
        ``copy.copy``): the copy's ``scopes`` is the very list ``SETTINGS.scopes``
        holds, where the copy does not name that field.  Code changing either
        record's list, or given either record whole (``configure(SETTINGS)``, in any
        module), changes the other's: each is noted as holding the other
        (``ModuleFacts.class_lists``).  ``fields``: the scope fields read off the
        module's record instances."""
        for name, made in self.module_bindings.values.items() if fields else ():
            copied = self._record_copy(made)
            if copied is None:
                continue
            original, changed = copied
            for attribute in sorted(fields - changed):
                copy = f"{self._module_name}.{name}.{attribute}"
                kept = f"{self._module_name}.{original}.{attribute}"
                for pair in ((copy, kept), (kept, copy)):
                    if pair not in self.class_lists:
                        self.class_lists.append(pair)

    def _record_copy(self, made: ast.expr | None) -> tuple[str, set[str]] | None:
        """The name a shallow copy copies and the fields its keywords name
        (``dataclasses.replace(SETTINGS, scopes=...)``, ``TEAM._replace(...)``,
        ``copy.copy(SETTINGS)``); changes spread from a dict name none."""
        if not isinstance(made, ast.Call):
            return None
        changed = {keyword.arg for keyword in made.keywords if keyword.arg}
        func = made.func
        if isinstance(func, ast.Attribute) and func.attr == "_replace" and (
                isinstance(func.value, ast.Name)):
            return func.value.id, changed
        if self.qualify(func) in ("dataclasses.replace", "copy.copy") and made.args and (
                isinstance(made.args[0], ast.Name)):
            return made.args[0].id, changed
        return None

    def _returned_record_defaults(
            self, function: ast.FunctionDef | ast.AsyncFunctionDef
    ) -> tuple[dict[str, ast.expr], bool]:
        """The defaults of the scope fields of the record a module function makes
        afresh on every call (each ``return`` a call of one record class of the
        module, as ``_instance_made`` reads it), where no call gives them: the
        arguments are read in the function's scope, which the module's cannot read.
        Each default is one no other instance shares (see ``_own_per_instance``).
        Nothing for a decorated function (a cache shares one instance among its
        callers, any other decorator may give back anything), a generator, or a
        function that binds the class's name itself.  With it, whether the class
        has no method: then reading a field of an instance hands on no way to
        change another field."""
        nothing: tuple[dict[str, ast.expr], bool] = ({}, False)
        if not isinstance(function, ast.FunctionDef) or function.decorator_list or (
                not self._module_classes):
            # Without a class of the module, no return can make one of its records.
            return nothing
        returns: list[ast.expr | None] = []
        for node in walk_nodes(function):
            kind = node.__class__  # the parser makes no subclasses
            if kind is ast.Yield or kind is ast.YieldFrom:
                return nothing
            if kind is ast.Return:
                returns.append(getattr(node, "value"))
        calls = [value for value in returns
                 if isinstance(value, ast.Call) and isinstance(value.func, ast.Name)]
        names = {call.func.id for call in calls if isinstance(call.func, ast.Name)}
        if not returns or len(calls) != len(returns) or len(names) != 1:
            return nothing
        class_name = names.pop()
        cls = self._module_classes.get(class_name)
        if cls is None or self.body_bindings.of(function).binds(class_name) or (
                self._binding_scope(class_name) not in (None, self.module_bindings)):
            return nothing
        fields = record_fields(cls)
        if fields is None and not (
                all(not call.args and not call.keywords for call in calls)
                and self._holds_defaults(cls)):
            return nothing
        for call in calls:
            given = given_fields(call, fields or [])
            if given is None or any(may_hold_class_scopes(field) for field in given):
                return nothing
        written = collect_bindings(cls.body).values
        methodless = not any(isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
                             for statement in cls.body)
        return {attribute: node for attribute, node in _class_values(
            cls, field_defaults=not _plain_class(cls)).items()
            if _own_per_instance(written.get(attribute), node)}, methodless

    def url_strings(self) -> dict[str, tuple[UrlPart, ...]]:
        """Module constants other modules may build a Nylas URL from: a host that
        names Nylas, or a path whose segments are those of a Nylas route."""
        strings: dict[str, tuple[UrlPart, ...]] = {}
        for name, node in self.module_bindings.values.items():
            if not isinstance(node, (ast.Constant, ast.JoinedStr, ast.BinOp, ast.Call)):
                continue
            if isinstance(node, ast.Constant) and not isinstance(node.value, str):
                continue
            parts = self._url_parts(ast.Name(id=name, ctx=ast.Load()))
            if parts is None:
                continue
            if _may_be_nylas_url(url_fallback_text(parts)):
                strings[name] = parts
        for name, node in self.module_bindings.values.items():
            # ``settings = Settings()``: ``settings.api_uri`` read by other modules.
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                cls = self._module_classes.get(node.func.id)
                for field_name in _annotated_fields(cls) if cls is not None else ():
                    attribute = ast.Attribute(value=ast.Name(id=name, ctx=ast.Load()),
                                              attr=field_name, ctx=ast.Load())
                    found = self._field_default(attribute, 0)
                    if found is not None:
                        strings[f"{name}.{field_name}"] = found
        # ``def message_url(mid): return f"{API}/messages/{mid}"`` (or a method of a
        # class), whose URL another module's request sends.
        functions = [(f"{name}()", function)
                     for name, function in self._module_functions.items()]
        functions.extend(
            (f"{cls_name}.{method.name}()", method)
            for cls_name, cls in self._module_classes.items() for method in cls.body
            if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef))
            and _method(cls, method.name) is method)
        for name, function in functions:
            parts = self._function_url(function)
            if parts is not None and _may_be_nylas_url(url_fallback_text(parts)):
                strings[name] = parts
        return strings

    def _visit_decorators(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
                          ) -> None:
        for decorator in node.decorator_list:
            # ``@app.post("/events")`` and Flask-RESTX's ``@ns.route("/grants/<gid>")``
            # on a resource class register a route; they send no request.
            self._decorators.add(decorator)
            self._decorating += 1
            self.visit(decorator)
            self._decorating -= 1

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._visit_decorators(node)
        is_method = bool(self._qual) and self._qual[-1][1] == "class"
        self._qual.append((node.name, "function"))
        self._functions.append((node, call_parameters(node, is_method)))
        self._scopes.append(self._function_bindings(node))
        self._bodies.append(node.body)
        if self._base_url_clients:
            self._returned_clients(node)
        for statement in node.body:
            self.visit(statement)
        self._bodies.pop()
        self._scopes.pop()
        self._functions.pop()
        self._qual.pop()

    def _returned_clients(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        """``return httpx.Client(base_url=...)`` in a function, a property or a
        ``cached_property``: a client its callers (or readers) hold."""
        symbol = f"{RETURNED}{self._module_name}.{'.'.join(name for name, _ in self._qual)}"
        for statement in statements_in_scope(node.body):
            if isinstance(statement, ast.Return) and statement.value is not None:
                self._held_client(symbol, statement.value)

    def _function_bindings(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> Bindings:
        """A function's bindings, parameters included; a method's are read twice (for the
        class's HTTP clients, then for the method itself) but collected once."""
        found = self._bindings_of.get(node)
        if found is None:
            found = self._bindings_of[node] = with_parameters(
                self.body_bindings.of(node), node.args
            )
        return found

    def _is_parameter(self, node: ast.expr) -> bool:
        """Whether ``node`` names a parameter of the enclosing function."""
        if not isinstance(node, ast.Name) or not self._functions:
            return False
        _, params = self._functions[-1]
        return node.id in params and self._binding_scope(node.id) is self._scopes[-1]

    def _parameter_reference(self, node: ast.expr) -> ScopeValue | None:
        """A scopes value that is a parameter of the enclosing function (a wrapper).

        The project index reads it from the callers' arguments and the default.
        """
        if not self._functions:
            return None
        fallback: Fallback | None = None
        inline = inline_fallback(node, self._functions[-1][0]) if isinstance(
            node, (ast.BoolOp, ast.IfExp, ast.Call)) else None
        if inline is not None:
            # ``scopes=scopes or DEFAULT``, ``scopes=list(scopes)`` in the request: as
            # the statement form.
            node, fallback = inline
        if not isinstance(node, ast.Name):
            return None
        function, params = self._functions[-1]
        if node.id not in params or self._binding_scope(node.id) is not self._scopes[-1]:
            return None
        own = self.body_bindings.of(function)
        if node.id in own.mutated or node.id in own.opaque_writes:
            # ``scopes.append(...)``: the callers' arguments are not what is sent.
            return None
        if own.binds(node.id):
            if inline is not None:
                return None  # bound again in the body: the parameter is not what is read
            # ``scopes = scopes or DEFAULT`` before the request: what the callers pass,
            # or DEFAULT; any other change leaves the request unresolved.
            bound = own.lookup(node.id)
            fallback = parameter_fallback(function, node.id, bound) if bound else None
            if fallback is None or node.lineno <= (fallback.statement.end_lineno or 0):
                return None
        qualname = ".".join(name for name, _ in self._qual)
        module = self._module_name or "__main__"
        reference = ParameterReference(
            ParameterKind.SCOPES, f"{module}.{qualname}", params.index(node.id), node.id
        ).text()
        copied = ScopeValue(ValueState.UNRESOLVED)
        if fallback is not None and fallback.copy is not None:
            # ``scopes = [*(scopes or DEFAULT), "openid"]``: what the callers pass (or
            # the fallback) spliced in among the list's own items.
            found = self._copy_items(fallback.copy, fallback.assigned, reference)
            if found is None:
                return None
            copied = found
        default = _parameter_default(function, node.id)
        if fallback is not None and fallback.value is None and isinstance(
                default, ast.Constant) and default.value is None:
            # ``list(scopes)`` of a None default raises: callers passing nothing send no
            # request, rather than one without scopes.
            default = None
        if default is not None:
            if fallback is not None and fallback.value is not None and _takes_fallback(
                    default, fallback.any_false):
                default = fallback.value
            self.param_defaults[reference] = self.reader.read(default)
        return dataclasses.replace(
            copied, complete=False, reference=reference,
            reason=f"scopes come from the callers of {qualname}()",
        )

    def _copy_items(self, copy: Copy, written: ast.expr, reference: str) -> ScopeValue | None:
        """The value a copy of the parameter makes, the parameter standing as a splice
        of ``reference`` among the copy's own items; None where one of them cannot be
        read as one scope (a call, a name bound at run time)."""
        items: tuple[ScopeItem, ...] = ()
        if copy.added:
            added = self.reader.read(ast.copy_location(
                ast.List(elts=list(copy.added), ctx=ast.Load()), written))
            if added.state is not ValueState.ITEMS or not added.complete or (
                    added.splices or added.alternatives or len(added.items) != len(copy.added)
                    or any(item.form is not ItemForm.LIST_ITEM for item in added.items)):
                return None
            items = added.items
        return ScopeValue(ValueState.UNRESOLVED, items, splices=(Splice(copy.at, reference),),
                          rest_complete=True, span=self.source.span(written))

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        info = _ClassInfo()
        self._classes.append(info)
        made: list[tuple[str, ast.expr, ClientBase]] = []
        info.http_bases, info.http_sessions, info.assigned = self._http_attributes(node, made)
        self._qual.append((node.name, "class"))
        if self._base_url_clients:
            self._held_attribute_clients(node, info, made)
        self._visit_decorators(node)
        for child in child_nodes(node):
            if child not in node.decorator_list:
                self.visit(child)
        self._qual.pop()
        self._classes.pop()

    def _http_attributes(
        self, node: ast.ClassDef, made_clients: list[tuple[str, ast.expr, ClientBase]]
    ) -> tuple[dict[str, ClientBase], frozenset[str], frozenset[str]]:
        """``self.<attr>`` names assigned once in the class, an HTTP client with a base
        URL, each base read in the method that makes the client; those assigned
        once, an HTTP library's session or client; and every name assigned.  Each
        assignment of such a client (once or not) is added to ``made_clients``."""
        assigned: dict[str, list[ClientBase | None]] = {}
        sessions: dict[str, list[bool]] = {}
        for method in node.body:
            if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            self._scopes.append(self._function_bindings(method))
            self._bodies.append(method.body)
            for statement in all_statements(method.body):
                targets = statement.targets if isinstance(statement, ast.Assign) else (
                    [statement.target] if isinstance(statement, (ast.AnnAssign, ast.AugAssign))
                    else [])
                for target in targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and isinstance(target.value, ast.Name)
                        and target.value.id == "self"
                    ):
                        value = getattr(statement, "value", None)
                        made = value if (
                            isinstance(statement, ast.Assign) and len(targets) == 1
                            and isinstance(value, ast.expr)) else None
                        base = self._client_base(made) if made is not None else None
                        assigned.setdefault(target.attr, []).append(base)
                        if base is not None and made is not None:
                            made_clients.append((target.attr, made, base))
                        sessions.setdefault(target.attr, []).append(
                            made is not None and self._is_session(made))
            self._bodies.pop()
            self._scopes.pop()
        return ({name: bases[0] for name, bases in assigned.items()
                 if len(bases) == 1 and bases[0] is not None},
                frozenset(name for name, made in sessions.items() if made == [True]),
                frozenset(assigned))

    def _held_attribute_clients(self, node: ast.ClassDef, info: _ClassInfo,
                                made: list[tuple[str, ast.expr, ClientBase]]) -> None:
        """The HTTP clients with a base URL the class's instances hold: assigned to
        ``self.<attr>`` in a method (``made``, read by ``_http_attributes``), or to a
        name in the class body (a class attribute, a dataclass field's default),
        which instances read too.  An attribute assigned once is read where the
        class's own methods use it; one they never read is there for code elsewhere,
        which the project index looks for."""
        owner = f"{ATTRIBUTE}{self._module_name}.{'.'.join(name for name, _ in self._qual)}"
        read = _attributes_read(node) if made else frozenset()
        for attribute, client, base in made:
            self._add_held_client(f"{owner}.{attribute}", client, base,
                                  attribute in info.http_bases and attribute in read)
        for statement in node.body:
            if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value:
                targets = statement.targets if isinstance(statement, ast.Assign) else [
                    statement.target]
                if len(targets) == 1 and isinstance(targets[0], ast.Name):
                    self._held_client(f"{owner}.{targets[0].id}",
                                      _field_default(statement.value))

    def _held_client(self, symbol: str, made: ast.expr) -> None:
        """``made``, where it makes an HTTP client with a base URL the analysis reads,
        as one held in the place ``symbol`` names (see ``HeldClient``)."""
        base = self._client_base(made)
        if base is not None:
            self._add_held_client(symbol, made, base, False)

    def _add_held_client(self, symbol: str, made: ast.expr, base: ClientBase,
                         read_where_made: bool) -> None:
        self.held_clients.append(HeldClient(
            symbol, base.parts, base.joins_like_urljoin, self.source.span(made),
            read_where_made))

    def _is_session(self, node: ast.expr) -> bool:
        return isinstance(node, ast.Call) and self.qualify(node.func) in HTTP_SESSIONS

    def _client_base(self, node: ast.expr) -> ClientBase | None:
        """The base URL of ``httpx.AsyncClient(base_url=...)`` or
        ``BaseUrlSession(...)``, when it is given."""
        if not isinstance(node, ast.Call):
            return None
        client = BASE_URL_CLIENTS.get(self.qualify(node.func) or "")
        base = base_url_argument(node, client) if client is not None else None
        parts = self._url_parts(base) if base is not None else None
        if client is None or parts is None:
            return None
        return ClientBase(parts, client.joins_like_urljoin)

    def _receiver_base(self, receiver: ast.expr) -> ClientBase | None:
        """The base URL of the HTTP client a request is sent with: a name bound once
        to one (by ``=`` or ``with ... as``), or ``self.<attr>`` of this class."""
        if isinstance(receiver, ast.Name):
            return self._read_where_made(receiver, self._client_base)
        attribute = self._self_attribute(receiver)
        return self._classes[-1].http_bases.get(attribute) if attribute else None

    def _sends_http(self, func: ast.expr) -> bool:
        """Whether a request method belongs to an HTTP library: a function of
        requests or httpx (``requests.put``), or a method of a session or client that
        one of them or aiohttp makes (``requests.Session()`` made in the call, bound
        once to a name, by ``=`` or ``with ... as``, or to ``self.<attr>``); or of a
        parameter, or a ``self.<attr>`` the class never assigns, whose name says it is
        one (``session``, ``http``): its callers fill it."""
        if not isinstance(func, ast.Attribute):
            return False
        receiver = func.value
        if self.qualify(receiver) in _HTTP_LIBRARIES or self._is_session(receiver):
            return True
        if isinstance(receiver, ast.Name):
            if self._is_parameter(receiver):
                return _names_http_session(receiver.id)
            return bool(self._read_where_made(receiver, self._is_session))
        attribute = self._self_attribute(receiver)
        if not attribute:
            return False
        info = self._classes[-1]
        return attribute in info.http_sessions or (
            _names_http_session(attribute) and attribute not in info.assigned)

    def _self_attribute(self, node: ast.expr) -> str:
        """The attribute ``self.<attr>`` names in a method of a class; "" otherwise."""
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id == "self" and self._classes):
            return node.attr
        return ""

    def _read_where_made(self, name: ast.Name, read: Callable[[ast.expr], _Read]) -> _Read | None:
        """``read`` of the one value a name is bound to (by ``=`` or ``with ... as``),
        read in the scope that binds it: a module's client in the module's scope."""
        bindings = self._binding_scope(name.id)
        if bindings is None:
            return None
        depth = next(at for at, scope in enumerate(self._scopes) if scope is bindings)
        made = bindings.lookup(name.id) or with_value(self._bodies[depth], name.id)
        if made is None:
            return None
        saved_scopes, saved_bodies = self._scopes, self._bodies
        self._scopes, self._bodies = saved_scopes[:depth + 1], saved_bodies[:depth + 1]
        try:
            return read(made)
        finally:
            self._scopes, self._bodies = saved_scopes, saved_bodies

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        v3_site = self._v3.call(node)
        if v3_site is not None:
            self._add(v3_site)
        handed = handed_call(node, self.qualify)
        if handed is not None:
            self._handed_request(handed, node)
        getter_read = attrgetter_read(node, self.qualify, self.lookup)
        if getter_read is not None:
            getter = attrgetter_call(node.func, self.qualify, self.lookup)
            if getter is not None:
                self._getters_read.add(getter)
        elif self.qualify(func) == "operator.attrgetter":
            self._request_getters.extend(
                (node, argument.value) for argument in node.args
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str))
        named = named_attribute(node, self.lookup) or getter_read
        if named is not None:
            self._receivers.add(named[0])
        if named is not None and named[1] is not None:
            # ``getattr(nylas.auth, "url_for_oauth2")``,
            # ``operator.attrgetter("auth.url_for_oauth2")(nylas)``: the method as a
            # value; ``getattr(nylas, "auth")`` handed on: the object, as
            # ``visit_Attribute`` reads ``nylas.auth``.
            self._unread_request(named[1], called=False)
            if node not in self._receivers and self._v3.is_request_object(named[1]):
                self._add(self._v3.unread_object(node, named[1]))
        elif named is not None:
            # ``getattr(nylas.auth, f"url_for_{kind}")``: any of its methods.
            site = self._v3.unread_method_of(named[0], node)
            if site is not None:
                self._add(site)
            elif may_choose_auth_url(node):
                # ``getattr(client, name)(url, scopes=...)``: see ``chosen_methods``.
                self._add(ScopeSite(
                    SiteKind.SDK_HOSTED, Generation.V2, self.source.span(node),
                    ScopeValue(ValueState.UNRESOLVED, complete=False,
                               reason=f"{CHOSEN_BY_NAME}: its scopes cannot be read"),
                    description=CHOSEN_BY_NAME, receiver=dotted(named[0]),
                    # A request only where the judge shows the receiver is a client.
                    confirmed=False,
                ))
        v2_method = self._v2_request_method(func)
        if v2_method is not None:
            assert isinstance(func, ast.Attribute)
            self._authentication_url(node, func.value, v2_method)
        elif self.qualify(func) in FLASK_DANCE_BLUEPRINTS:
            self._flask_dance(node)
        elif _is_str_format(node) or joined_segments(node, self.qualify) is not None:
            self._url_expression(node)
        else:
            self._http_call(node)
        self._own_routes(node)
        self._hand_on_names(node)
        self._body_arguments(node)
        self._called.add(func)
        self.generic_visit(node)

    def _unread_getters(self) -> None:
        """A getter of a method that makes a grant, held by a module-level name, that
        the module never calls on an object where it can be read (``GET_AUTH =
        operator.attrgetter("auth.url_for_oauth2")`` for other modules to import):
        a module that calls it makes the request, unresolved, as one that calls it
        in place does (the judge confirms it where another module uses the name)."""
        if not self._request_getters:
            return
        held = {id(value): name for name, value in self.module_bindings.values.items()}
        for getter, path in self._request_getters:
            name = held.get(id(getter), "")
            if getter in self._getters_read or not name:
                # Read where it is called, or not held where other modules may take
                # it from: the calls the module makes show the requests.
                continue
            site = self._v3.unread_getter(getter, path.rpartition(".")[2])
            if site is not None:
                self._add(dataclasses.replace(site, confirmed=False, exported_as=name))

    def _handed_request(self, handed: ast.Call, over: ast.Call) -> None:
        """An authentication request a hand-over makes (``executor.submit(
        nylas.auth.url_for_admin_consent, config)``): a request all the same."""
        v3_site = self._v3.call(handed)
        if v3_site is not None:
            self._add(v3_site)
        func = handed.func
        if v3_site is not None:
            self._read_as_called.add(func)
        v2_method = self._v2_request_method(func)
        if v2_method is None or (hands_back_function(over, self.qualify) and _argument(
                handed, "scopes", v2_method.scopes_position) is None):
            # ``functools.partial(client.authentication_url, CALLBACK)``: the scopes
            # may come with the later call, which the analysis does not read; the
            # method is a value (see ``_unread_request``).
            return
        assert isinstance(func, ast.Attribute)
        # Located at the method, where the flow records its use (``clients``).
        located = ast.copy_location(ast.Call(func, handed.args, handed.keywords), func)
        self._authentication_url(located, func.value, v2_method)
        self._read_as_called.add(func)

    def _v2_request_method(self, func: ast.expr) -> _V2Method | None:
        """Where the scopes and the provider are passed to an API v2 request method,
        and what the request is called: ``client.authentication_url``, or the SDK
        helper's ``Routes(client).build_auth_url`` (its name is common: in a module
        that imports the helper it is taken for the helper's; elsewhere it counts
        once the judge shows its receiver is one).  None for another callee."""
        if not isinstance(func, ast.Attribute):
            return None
        if func.attr == AUTH_URL_METHOD:
            return _V2Method(AUTH_URL_SCOPES_POSITION, AUTH_URL_PROVIDER_POSITION,
                             f"{AUTH_URL_METHOD}()", helper=False)
        helper, position = AUTH_URL_HELPER_METHODS.get(func.attr, ("", 0))
        if not helper:
            return None
        if self._sdk_helper_imported(helper):
            return _V2Method(position, None, f"{func.attr}()", helper=True)
        # ``ROUTES.build_auth_url(...)`` with ``ROUTES`` from another module: a request
        # only where the judge shows the receiver is the helper.
        return _V2Method(position, None, f"{func.attr}()", helper=False,
                         helper_class=helper)

    def _unread_request(self, node: ast.Attribute, called: bool) -> None:
        """A scope-request method the analysis sees used but cannot read the call of
        (``handlers = {"google": nylas.auth.url_for_oauth2}``, ``method =
        client.authentication_url``): a request all the same, unresolved."""
        v3_site = self._v3.unread_request(node, called)
        if v3_site is not None:
            self._add(v3_site)
            return
        v2_method = self._v2_request_method(node)
        if v2_method is not None and not called and isinstance(node.ctx, ast.Load):
            # ``authentication_url`` is unconfirmed, as a call is: the flow records the
            # reference for the judge.  The helper's method has no scopes here to show
            # it is Nylas's: in a module that imports the helper, it is taken for it.
            self._add(ScopeSite(
                SiteKind.SDK_HOSTED, Generation.V2, self.source.span(node),
                ScopeValue(ValueState.UNRESOLVED, complete=False,
                           reason=f"{node.attr} is used as a value: its scopes "
                                  "cannot be read"),
                description=v2_method.description, confirmed=v2_method.helper,
                receiver=dotted(node.value), helper_class=v2_method.helper_class,
            ))

    def visit_Assign(self, node: ast.Assign) -> None:
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and (
                self._v3.is_request_object(node.value)):
            # ``auth = nylas.auth``: the name is followed where it is used.
            self._receivers.add(node.value)
            self._grant_object_names.add(node.targets[0].id)
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            self._client_made(node.targets[0], node.value)
        elif self._base_url_clients and len(node.targets) == 1:
            # ``app.state.http = httpx.AsyncClient(base_url=...)`` at start-up.
            key = self._state_slot(node.targets[0])
            if key:
                self._held_client(key, node.value)
        self.generic_visit(node)

    def _state_slot(self, target: ast.expr) -> str:
        """The framework-state symbol an assignment target writes: ``app.state.http``,
        or ``st.http`` where ``st`` is a function's name bound once, by ``=``, to a
        state object (``st = app.state``), as the value flow reads it; ""."""
        key = state_key(target)
        if key or not isinstance(target, ast.Attribute) or not isinstance(
                target.value, ast.Name):
            return key
        name = target.value.id
        bindings = self._binding_scope(name)
        if bindings is None or bindings is self.module_bindings or name in bindings.imported:
            return ""
        bound = bindings.lookup(name)
        return state_key_of(bound, target.attr) if bound is not None else ""

    def _client_made(self, name: ast.Name, made: ast.expr) -> None:
        """``http = httpx.Client(base_url=...)`` in a function: making the client sends
        nothing, so its base URL is read here, as the base of the client's requests,
        not as a request of its own.  Only for a function's name bound once, whose
        every use the analysis reads (a request joins the base, anything else hands
        the client on).  A module's client bound once is read the same way, and kept
        as one other modules may import and use (``shared_clients``)."""
        if not (self._base_url_clients and isinstance(made, ast.Call)
                and self.qualify(made.func) in BASE_URL_CLIENTS
                and self._binding_scope(name.id) is self._scopes[-1]):
            return
        base = self._receiver_base(name)
        if len(self._scopes) == 1 and base is not None:
            # A module's client: other modules may import it and send any request
            # below its base, which the project index counts where they refer to it.
            self.shared_clients.append(SharedClient(
                name.id, base.parts, base.joins_like_urljoin, self.source.span(made)))

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self._receivers.add(node.value)
        if node not in self._read_as_called:
            self._unread_request(node, called=node in self._called)
        if node not in self._receivers and isinstance(node.ctx, ast.Load) and (
                self._v3.is_request_object(node)):
            self._add(self._v3.unread_object(node, node))
        elif node.attr.startswith("__") and isinstance(node.value, ast.Attribute) and (
                self._v3.is_request_object(node.value)):
            # ``nylas.auth.__getattribute__(name)``, ``vars(...)``'s ``__dict__``: any
            # of its methods, by a name the analysis does not read.
            self._add(self._v3.unread_object(node, node.value))
        if node.attr in TRIGGER_MEMBERS and any(
                (name or "").endswith(TRIGGER_ENUM)
                for name in (dotted(node.value), self.qualify(node.value))):
            # ``WebhookTriggers.MESSAGE_CREATED`` (under any import alias): the SDK's
            # name for the trigger.
            self._notification(node, TRIGGER_MEMBERS[node.attr])
        if node.attr in HTTP_METHODS and node not in self._called and isinstance(
            node.ctx, ast.Load
        ):
            base = self._receiver_base(node.value)
            if base is not None:
                # ``run(http.post, "/send")``: a request to the client's base URL the
                # analysis cannot see made, unresolved rather than left out.
                self._unseen_request(node, node.attr.upper(), base)
        elif self._base_url_clients and node in self._called and (
                node.attr not in _CLIENT_REQUESTS):
            base = self._receiver_base(node.value)
            if base is not None:
                # ``http.stream("GET", "/messages")``, ``http.send(request)``: a method
                # with no rule of its own may send any request to the base URL.
                self._unseen_request(node, ANY_METHOD, base)
        if self._base_url_clients and isinstance(node.value, ast.Name):
            self._http_client_handed_on(node)
        self.generic_visit(node)

    def _http_client_handed_on(self, node: ast.Name | ast.Attribute) -> None:
        """An HTTP client with a base URL used other than through one of its
        attributes: handed to code the analysis does not read (``library.call(http)``,
        ``operator.methodcaller("post", "/send")(http)``), returned or stored, it may
        send any request to that base; left out, the scopes those requests need would
        look unused.  Entering it with ``with`` sends nothing."""
        if node in self._receivers or node in self._entered or not isinstance(
                node.ctx, ast.Load):
            return
        base = self._receiver_base(node)
        if base is not None:
            self._unseen_request(node, ANY_METHOD, base)

    def _unseen_request(self, node: ast.Name | ast.Attribute, verb: str,
                        base: ClientBase) -> None:
        """A request an HTTP client may send where the analysis cannot see: to any
        path below its base URL."""
        self._raw_parts(node, verb, any_path_below(base), dotted(node))

    def visit_Name(self, node: ast.Name) -> None:
        if self._base_url_clients:
            self._http_client_handed_on(node)
            if isinstance(node.ctx, ast.Load):
                self._loaded_names.add(node.id)
        if node.id in self._grant_object_names and node not in self._receivers and (
                isinstance(node.ctx, ast.Load)):
            # Bound more than once (``a = nylas.auth`` then ``a = None`` in a branch),
            # the name may hold it still.
            bound = self.lookup(node.id)
            if bound is None or (isinstance(bound, ast.Attribute)
                                 and self._v3.is_request_object(bound)):
                self._add(self._v3.unread_object(node, bound))
        if (node.id in self._url_names and isinstance(node.ctx, ast.Load)
                and id(node) not in self._url_reads and id(node) not in self._quiet_names):
            # ``self.url = url``, ``return url`` after ``requests.get(url)``: the URL
            # goes where another request may send it, with any method.
            target = self.reader.follow(node)
            if target is not None and target is not node:
                self._handed_on.add(id(target))

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        self._url_expression(node)
        self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        self._url_expression(node)
        self.generic_visit(node)

    def visit_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Constant):
            # A docstring (or a string statement) is prose, not a URL in use.
            self._docstrings.add(id(node.value))
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            self._url_expression(node)
            self._named_string(node, node.value)

    def visit_Compare(self, node: ast.Compare) -> None:
        self._family_test(node)
        self.generic_visit(node)

    def visit_keyword(self, node: ast.keyword) -> None:
        if node.arg in ARGUMENT_NAMES:
            # ``SendMessageRequest(reply_to_message_id=...)``.
            self._argument(node.value, node.arg)
        elif node.arg == TRIGGER_KEY:
            self._triggers(node.value)
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        for key, value in zip(node.keys, node.values):
            if isinstance(key, ast.Constant) and key.value == TRIGGER_KEY:
                self._triggers(value)
        self.generic_visit(node)

    def _triggers(self, node: ast.expr) -> None:
        """The triggers a webhook subscribes to.  Each one written out is a name the
        module visits anyway; a list that cannot be read whole (read from settings,
        built at run time) may subscribe to any, which needs its scopes."""
        target = self.reader.follow(node) or self._trigger_list(node) or node
        if isinstance(target, (ast.List, ast.Tuple, ast.Set)) and all(
                self._names_a_trigger(element) for element in target.elts):
            return
        self._notification(node, URL_HOLE, f"the webhook triggers {_trigger_text(node)}")

    def _trigger_list(self, node: ast.expr) -> ast.expr | None:
        """The display a name bound once holds though it is handed to calls (as
        ``webhooks.create`` is given it): a list of triggers no code of the module
        changes by a method or ``+=`` (what other code could add it would write as a
        name the module visits, or read from elsewhere)."""
        if not isinstance(node, ast.Name):
            return None
        bindings = self._binding_scope(node.id)
        if bindings is None:
            return None
        if self._changed_lists is None:
            tree = self._tree
            self._changed_lists = _changed_lists(tree) if tree is not None else set()
        if node.id in self._changed_lists:
            return None
        return bindings.lookup(node.id)

    def _names_a_trigger(self, node: ast.expr) -> bool:
        """A trigger written out: a str (one with no row in the table needs no
        scope), or a member of the SDK's enum of them."""
        node = self.reader.follow(node) or node
        if isinstance(node, ast.Constant):
            return isinstance(node.value, str)
        return isinstance(node, ast.Attribute) and any(
            (name or "").endswith(TRIGGER_ENUM)
            for name in (dotted(node.value), self.qualify(node.value)))

    def _argument(self, node: ast.expr, name: str) -> None:
        """A request argument named in the code that makes Nylas do more than the call
        shows (a reply: Nylas reads the original message)."""
        self.raw_uses.append(RawUse(
            ARGUMENT, NO_HOST, name, self.source.span(node), f"{name!r} argument"))

    def named_uses(self, tree: ast.Module) -> None:
        """The notification triggers and request arguments a module names without
        saying Nylas: a webhook handler that dispatches on ``event["type"] ==
        "message.created"`` needs no import of the SDK (its subscription is often made
        in the Dashboard), nor does a function building a reply's request body."""
        for node in walk_nodes(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                self._named_string(node, node.value)
            elif isinstance(node, ast.keyword) and node.arg in ARGUMENT_NAMES:
                self._argument(node.value, node.arg)
            elif isinstance(node, ast.Compare):
                self._family_test(node)

    def _family_test(self, node: ast.Compare) -> None:
        """``event["type"].split(".")[0] == "message"``: the first part of a trigger's
        name tested against a family's, which names each trigger of the family as
        ``startswith("message.")`` does."""
        if len(node.ops) != 1 or not isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            return
        left, right = node.left, node.comparators[0]
        for word, other in ((left, right), (right, left)):
            if isinstance(word, ast.Constant) and isinstance(word.value, str) and (
                    f"{word.value}." in TRIGGER_FAMILIES) and _first_dotted_part(other):
                self._named_string(word, f"{word.value}.")

    def _named_string(self, node: ast.Constant, text: str) -> None:
        """A string naming a notification trigger, the start of a family of them (a
        handler testing ``event["type"].startswith("message.")`` handles each), or a
        request argument."""
        if text in TRIGGER_NAMES:
            self._notification(node, text)
        elif text in ARGUMENT_NAMES:
            self._argument(node, text)
        elif text in TRIGGER_FAMILIES:
            for trigger in TRIGGER_FAMILIES[text]:
                self._notification(node, trigger, f"{trigger!r} notifications ({text!r}...)")

    def _notification(self, node: ast.expr, trigger: str, text: str = "") -> None:
        """A notification trigger named in the code (a handler dispatching on it, a
        subscription): Nylas sends it only where the grant has the trigger's scopes,
        so it counts as a use of them, as a request would.  ``URL_HOLE`` stands for
        triggers that cannot be read."""
        self.raw_uses.append(RawUse(
            NOTIFY, NO_HOST, trigger, self.source.span(node),
            text or f"{trigger!r} notifications"))

    # -- sites ------------------------------------------------------------------------

    def _add(self, site: ScopeSite) -> None:
        self.sites.append(site)

    def _sdk_helper_imported(self, helper: str) -> bool:
        """Whether this module imports the SDK helper class ``helper`` (or its
        module): its method names are common, and only then is a call of one taken
        for the helper's."""
        return bool(helper) and any(
            imported in (helper, helper.rpartition(".")[0])
            for imported in self._imports.values()
        )

    def _authentication_url(self, node: ast.Call, receiver: ast.expr, method: _V2Method
                            ) -> None:
        scopes = _argument(node, "scopes", method.scopes_position)
        provider_node = _argument(node, "provider", method.provider_position) if (
            method.provider_position is not None) else None
        has_star_kwargs = any(keyword.arg is None for keyword in node.keywords)
        has_star_args = any(isinstance(arg, ast.Starred) for arg in node.args)
        spread = self._spread_keywords(node) if scopes is None and not has_star_args else None
        if spread is not None:
            # ``authentication_url(**cfg)`` with ``cfg`` a dict this module fills by key.
            scopes = spread.values.get("scopes")
            provider_node = provider_node or spread.values.get("provider")
            has_star_kwargs = scopes is None and not spread.complete
            overridden = scopes is None and "scopes" in spread.keys
        else:
            overridden = False
        elsewhere = self._scopes_of_other_modules_dict(node) if (
            scopes is None and spread is None and not has_star_args) else None
        if scopes is not None:
            value = self._parameter_reference(scopes) or self.reader.read(scopes)
        elif elsewhere is not None:
            # ``authentication_url(**settings.AUTH)``: its ``scopes`` is a constant of
            # that module, which the project index reads (or finds changed).
            value = elsewhere
        elif overridden:
            value = ScopeValue(
                ValueState.UNRESOLVED, complete=False,
                reason="a spread written after the dict's 'scopes' may replace them")
        elif has_star_kwargs or has_star_args:
            value = ScopeValue(
                ValueState.UNRESOLVED, complete=False, reason="scopes may come from *args/**kwargs"
            )
        else:
            value = ScopeValue(ValueState.MISSING)
        provider = self.reader.read_string(provider_node) if provider_node is not None else ""
        self._add(
            ScopeSite(
                SiteKind.SDK_HOSTED,
                Generation.V2,
                self.source.span(node),
                value,
                provider=provider or "",
                description=method.description,
                # Whether the receiver is a client, the judge asks the resolver: the
                # value may come from another module.  The helper's receiver is no
                # client: its request counts when its scopes name Nylas scopes, or
                # cannot be read (then it is unresolved, and only keeps claims back).
                confirmed=method.helper and value.state is ValueState.UNRESOLVED,
                receiver=dotted(receiver), helper_class=method.helper_class,
            )
        )

    def _scopes_of_other_modules_dict(self, node: ast.Call) -> ScopeValue | None:
        """The ``scopes`` of the one dict a call spreads as keywords when the dict is a
        name of another module (``**settings.AUTH``, ``AUTH`` imported), as a
        reference for the project index; None for any other spread.  A key the dict
        lacks, or a dict changed elsewhere, the index leaves unresolved."""
        spread = [keyword.value for keyword in node.keywords if keyword.arg is None]
        if len(spread) != 1 or not isinstance(spread[0], (ast.Name, ast.Attribute)):
            return None
        argument = spread[0]
        # Located by hand: ``ast.fix_missing_locations`` leaves a reference cycle per
        # call, and the analysis runs with the cyclic collector paused.
        key = ast.copy_location(ast.Constant("scopes"), argument)
        keyed = ast.copy_location(
            ast.Subscript(value=argument, slice=key, ctx=ast.Load()), argument)
        value = self.reader.read(keyed)
        return value if value.reference else None

    def _spread_keywords(self, node: ast.Call) -> _DictView | None:
        """The one ``**cfg`` of a call, when ``cfg`` is a dict this module builds."""
        spread = [keyword.value for keyword in node.keywords if keyword.arg is None]
        if len(spread) != 1:
            return None
        return self._dict_view(spread[0])

    def _flask_dance(self, node: ast.Call) -> None:
        scope = keyword_value(node, "scope")
        ignored = self.source.span(scope) if scope is not None else None
        self._add(
            ScopeSite(
                SiteKind.FLASK_DANCE,
                Generation.V2,
                self.source.span(node),
                ScopeValue(ValueState.UNRESOLVED, complete=False, reason="singular scope"),
                ignored_key=True,
                ignored_span=ignored,
                description="make_nylas_blueprint()",
            )
        )

    def _http_call(self, node: ast.Call) -> None:
        func = node.func
        method = func.attr if isinstance(func, ast.Attribute) else ""
        if isinstance(func, ast.Attribute) and registers_a_route(method, HTTP_METHODS) and (
                self._mocks_http(func.value)):
            # ``respx.post(url)``, ``router.get(url)``: a route a mock answers.  Its
            # URL strings are sent to no one either.
            for argument in (*node.args, *(keyword.value for keyword in node.keywords)):
                self._route_strings.update(id(part) for part in walk_nodes(argument))
            return
        if method in HTTP_METHODS and (
                is_route_callable(self.qualify(func))
                or (node in self._decorators
                    and is_route_decorator(node, self._imported_packages))):
            # ``@app.get("/grants/<gid>/messages")``, ``web.get(path, handler)``: a
            # view of the app's own, no request.
            return
        if method != "request" and method not in HTTP_METHODS:
            if self.qualify(func) in URL_BUILDERS:
                self._url_object(node)
            if method in _REQUEST_OBJECT_NAMES or (
                    isinstance(func, ast.Name) and func.id in self._imports):
                self._request_object(node)
            request = self._request_method_called(node)
            if request is not None:
                self._http_call(request)
            return  # most calls: not a request method's name
        args = [arg for arg in node.args if not isinstance(arg, ast.Starred)]
        http_method = method
        chosen_at_run_time = False
        method_node = keyword_value(node, "method") if method == "request" else None
        if method == "request" and (args or method_node is not None):
            # ``request("PUT", url)``, or ``request(method="PUT", url=url)``.
            if method_node is None:
                method_node, args = args[0], args[1:]
            named = self.reader.read_string(method_node)
            http_method = (named or "").lower()
            # ``session.request(method, url)`` in a wrapper: the method is a variable.
            chosen_at_run_time = named is None
        if http_method not in HTTP_METHODS and not chosen_at_run_time:
            return
        url_node = keyword_value(node, "url") or (args[0] if args else None)
        if url_node is None or isinstance(url_node, _NOT_URLS) or (
                isinstance(url_node, ast.Constant)
                and not isinstance(url_node.value, (str, bytes))):
            # ``jobs.put((send, grant, body))``, ``cache.get(3)``: a container or a
            # number is no URL an HTTP library sends to (each rejects it).
            return
        self._raw_request(node, http_method, chosen_at_run_time, url_node)

    def _mocks_http(self, receiver: ast.expr) -> bool:
        """Whether a call's receiver is an HTTP mocking library (``respx``,
        ``responses``), a mock one made (``router = respx.mock(...)``, ``with
        requests_mock.Mocker() as m``) or a pytest fixture of one (``respx_mock``)."""
        if is_http_mock(self.qualify(receiver)):
            return True
        if not isinstance(receiver, ast.Name):
            return False
        if receiver.id in self._http_mocks or receiver.id in MOCK_FIXTURES:
            return True
        made = self.reader.follow(receiver)
        return isinstance(made, ast.Call) and is_http_mock(self.qualify(made.func))

    def visit_With(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            made = item.context_expr
            self._entered.add(made)
            if isinstance(item.optional_vars, ast.Name) and isinstance(made, ast.Call) and (
                    is_http_mock(self.qualify(made.func))):
                self._http_mocks.add(item.optional_vars.id)
            if isinstance(item.optional_vars, ast.Name):
                self._client_made(item.optional_vars, made)
        self.generic_visit(node)

    visit_AsyncWith = visit_With

    def _request_method_called(self, node: ast.Call) -> ast.Call | None:
        """The request a call makes through a request method it does not name:
        ``put = requests.put`` then ``put(url)``, or ``getattr(requests, verb)(url)``
        and ``SEND[op](url)`` (the method chosen at run time), spelt as the call it
        stands for."""
        func = node.func
        if isinstance(func, ast.Name):
            target = self.reader.follow(func)
            if isinstance(target, ast.Attribute) and (
                    target.attr in HTTP_METHODS or target.attr == "request"):
                return ast.copy_location(
                    ast.Call(func=target, args=node.args, keywords=node.keywords), node)
            return None
        if (isinstance(func, ast.Call) and isinstance(func.func, ast.Name)
                and func.func.id == "getattr" and len(func.args) >= 2
                and _may_name_a_request_method(func.args[1])):
            chooser = ast.Attribute(value=func.args[0], attr="request", ctx=ast.Load())
            return ast.copy_location(ast.Call(
                func=ast.copy_location(chooser, func), args=[func.args[1], *node.args],
                keywords=node.keywords), node)
        if isinstance(func, (ast.Subscript, ast.Call)) and node.args and self._may_be_url(
                node.args[0]):
            # ``SEND[op](url)``, ``pick(op)(url)``: a callable chosen at run time, given
            # what may be a URL; only a URL that may reach Nylas makes it a request.
            chooser = ast.Attribute(value=func, attr="request", ctx=ast.Load())
            self._chosen_callees[id(chooser)] = func
            unknown = ast.copy_location(ast.Constant(value=None), func)
            return ast.copy_location(ast.Call(
                func=ast.copy_location(chooser, func), args=[unknown, *node.args],
                keywords=node.keywords), node)
        return None

    def _names_text_hooks(self) -> bool:
        """Whether the module names a method by which an object may be or make text
        (``__new__``, ``__str__``, ...), in a class body or set on a class later:
        read once, the first time a call chosen at run time asks."""
        if self._text_hooks is None:
            self._text_hooks = any(hook in self._text for hook in _TEXT_HOOKS)
        return self._text_hooks

    def _callee_text(self, func: ast.expr) -> str:
        """What a request's call names, for messages: ``requests.get``, or the
        callable chosen at run time as written (``COMMANDS[args.command]``)."""
        chosen = self._chosen_callees.get(id(func))
        if chosen is None:
            return dotted(func)
        text = ast.unparse(chosen)
        return text if len(text) <= _MAX_CALLEE_TEXT else f"{text[:_MAX_CALLEE_TEXT]}..."

    def _may_be_url(self, node: ast.expr) -> bool:
        """Whether the first argument of a callable chosen at run time may be a URL:
        text, or a name that says so (``url``, ``endpoint``), not the client a handler
        registry is called with (``HANDLERS[kind](nylas, event)``, ``nylas`` imported
        from the module that makes it)."""
        followed = self.reader.follow(node) if isinstance(node, ast.Name) else node
        if followed is None or isinstance(followed, (ast.Name, ast.Attribute)):
            named = node.id if isinstance(node, ast.Name) else (
                node.attr if isinstance(node, ast.Attribute) else "")
            return any(word in named.lower() for word in _URL_WORDS)
        if isinstance(followed, ast.Call):
            # ``APIClient(...)``, ``Client(...)``, an instance of a plain class of the
            # module (``NylasGateway()``): an object; ``urljoin(...)``, a format:
            # maybe text.
            return self.qualify(followed.func) not in _CLIENT_CLASSES and not (
                isinstance(followed.func, ast.Name) and not self._names_text_hooks()
                and _never_text(self._module_classes.get(followed.func.id)))
        return not isinstance(followed, (ast.Dict, ast.List, ast.Tuple, ast.Set, ast.Lambda))

    def _request_object(self, node: ast.Call) -> None:
        """``httpx.Request("PUT", url)``, ``requests.Request(...)`` or
        ``urllib.request.Request(url, data, method=...)`` made to be sent
        (``client.send(req)``, ``urlopen(req)``), and ``urlopen(url, data)``: the
        request they stand for, read where it is built."""
        shape = REQUEST_OBJECTS.get(self.qualify(node.func) or "")
        if shape is None:
            return
        positional = [arg for arg in node.args if not isinstance(arg, ast.Starred)]
        if len(positional) < len(node.args):
            return
        url_node = _argument(node, "url", shape.url_position)
        if url_node is None or self._is_request_object(url_node):
            return  # ``urlopen(req)``: read where ``req`` is built
        method_node = (_argument(node, "method", shape.method_position)
                       if shape.method_position >= 0 else keyword_value(node, "method"))
        if method_node is not None:
            named = self.reader.read_string(method_node)
            http_method, chosen_at_run_time = (named or "").lower(), named is None
        elif shape.data_position >= 0:
            # urllib sends a POST when it is given data, a GET when not.
            data = _argument(node, "data", shape.data_position)
            if data is None or (isinstance(data, ast.Constant) and data.value is None):
                http_method, chosen_at_run_time = "get", False
            elif isinstance(data, ast.Name):
                http_method, chosen_at_run_time = "", True  # may hold None
            else:
                http_method, chosen_at_run_time = "post", False
        else:
            return  # a request object whose method is set later
        if http_method in HTTP_METHODS or chosen_at_run_time:
            self._raw_request(node, http_method, chosen_at_run_time, url_node)

    def _url_object(self, node: ast.Call) -> None:
        """``httpx.URL(AUTH_URL, params={...})``: a URL with its query given as a dict,
        which sends nothing; a hosted authentication URL is a scope request."""
        url_node = _argument(node, "url", 0)
        params = keyword_value(node, "params")
        if url_node is None or params is None:
            return
        # Read as a URL only where its text spells the authentication's path: reading
        # another URL would take it for one a request sends.
        written = self.reader.follow(url_node)
        if written is None:
            # ``httpx.URL(AUTH_URL, params=...)`` with ``AUTH_URL`` from another module:
            # a request only if the URL reads so across modules (see ``ScopeSite.url``).
            reference = self.qualify(url_node)
            if reference:
                self._v3.hosted_params(node, V3_HOSTED_AUTH_PATH, params,
                                       url=(UrlPart(_HOLE, reference),))
            return
        if not any(isinstance(piece, ast.Constant) and isinstance(piece.value, str)
                   and V3_HOSTED_AUTH_PATH in piece.value for piece in walk_nodes(written)):
            return
        parts = self._url_parts(url_node)
        if parts is None:
            return
        self._v3.hosted_params(node, url_fallback_text(parts).split("?")[0], params)

    def _path_handed_to_builder(self, node: ast.Call, url_node: ast.expr, verb: str) -> bool:
        """``requests.put(api_url(f"/messages/{mid}"))``: a function builds the URL from
        the path it is given, on a host the analysis does not see there; the path may
        be a Nylas route, as on a client whose base URL is not known.  Whether it
        recorded such a path."""
        made = self.reader.follow(url_node)
        if not isinstance(made, ast.Call):
            return False
        recorded = False
        for argument in (*made.args, *(keyword.value for keyword in made.keywords)):
            if isinstance(argument, ast.Starred):
                continue
            text = self._url_text(argument)
            if text is not None and text.startswith("/"):
                use = raw_use(verb, text, self.source.span(node), dotted(node.func))
                if use is not None:
                    self.raw_uses.append(use)
                    recorded = True
        return recorded

    def _returned_url(self, node: ast.expr) -> tuple[UrlPart, ...] | None:
        """The URL a function of the project returns, where a request sends what it
        makes (``requests.put(message_url(mid))``, ``urls.message(mid)`` on an object
        of a class): read here for this module's function, and named for the project
        index (``strings``) for another module's."""
        made = self.reader.follow(node)
        if not isinstance(made, ast.Call):
            return None
        func = made.func
        if isinstance(func, ast.Name):
            function = self._module_function(func)
            if function is not None:
                return self._function_url(function)
            imported = self.qualify(func) if func.id in self._imports else None
            return (UrlPart(_HOLE, f"{imported}()"),) if imported else None
        if not isinstance(func, ast.Attribute):
            return None
        instance = self.reader.follow(func.value)
        if not (isinstance(instance, ast.Call) and isinstance(instance.func, ast.Name)):
            return None
        cls = self._module_classes.get(instance.func.id)
        if cls is not None and self._binding_scope(instance.func.id) in (
                None, self._scopes[0]):
            method = _method(cls, func.attr)
            return self._function_url(method) if method is not None else None
        imported = self.qualify(instance.func) if instance.func.id in self._imports else None
        return (UrlPart(_HOLE, f"{imported}.{func.attr}()"),) if imported else None

    def _module_function(
        self, func: ast.Name
    ) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        """The function of this module a name calls (not one a local name hides)."""
        if self._binding_scope(func.id) not in (None, self._scopes[0]):
            return None
        return self._module_functions.get(func.id)

    def _function_url(
        self, function: ast.FunctionDef | ast.AsyncFunctionDef
    ) -> tuple[UrlPart, ...] | None:
        """The URL a function returns, read in its own scope (its parameters are
        holes); None unless every ``return`` spells the same URL."""
        returns = self._returns_of(function)
        if returns is None or function in self._reading:
            return None
        saved = self._scopes, self._bodies, set(self._url_reads), set(self._url_names)
        self._scopes = [saved[0][0], self._function_bindings(function)]
        self._bodies = [saved[1][0], function.body]
        self._reading.add(function)
        try:
            read = {self._read_url_parts(value, 1) for value in returns}
        finally:
            self._reading.discard(function)
            # Reading the function is not a request reading its strings: a v3 path it
            # spells stays one that may be sent where the analysis cannot see.
            self._scopes, self._bodies, self._url_reads, self._url_names = saved
        return read.pop() if len(read) == 1 else None

    def _returns_of(
        self, function: ast.FunctionDef | ast.AsyncFunctionDef
    ) -> list[ast.expr] | None:
        """``function_returns`` of ``function``, found once per function."""
        if function in self._function_returns:
            return self._function_returns[function]
        found = self._function_returns[function] = function_returns(
            function, self._may_pause)
        return found

    def _is_request_object(self, node: ast.expr) -> bool:
        made = self.reader.follow(node)
        return isinstance(made, ast.Call) and (
            self.qualify(made.func) or "") in REQUEST_OBJECTS

    def _raw_request(self, node: ast.Call, http_method: str, chosen_at_run_time: bool,
                     url_node: ast.expr) -> None:
        func = node.func
        parts = self._url_parts(url_node)
        verb = http_method.upper() if not chosen_at_run_time else ANY_METHOD
        if parts is not None and isinstance(func, ast.Attribute) and not _is_absolute(parts):
            base = self._receiver_base(func.value)
            if base is not None and _is_relative(parts):
                # ``http.get("/messages")`` on ``httpx.Client(base_url=NYLAS_API)``.
                parts = join_path(base, parts)
            elif base is not None:
                # ``http.get(f"{grant}/messages")``: a path below the base, or a whole
                # URL of its own, as the text built at run time says.
                self._unseen_request(func, verb, base)
        sends_http = node not in self._decorators and self._sends_http(func)
        if parts is None:
            if self._names_nylas_host(url_node):
                # ``"https://api.nylas.com" + path``: a Nylas request to a path the
                # analysis cannot read.
                self.raw_uses.append(RawUse(
                    verb, NYLAS_HOST, UNREAD_PATH, self.source.span(node),
                    self._callee_text(func)))
                return
            if self._path_handed_to_builder(node, url_node, verb):
                return
            parts = self._returned_url(url_node)
            if parts is None:
                unread = sent_raw_use(verb, _HOLE, self.source.span(node),
                                      self._callee_text(func), sends_http)
                if unread is not None:
                    self.raw_uses.append(unread)
                return
        url = url_fallback_text(parts)
        path = url.split("?")[0].rstrip("/")
        body = keyword_value(node, "json") or keyword_value(node, "data")
        params = keyword_value(node, "params")
        self._v3.raw_request(node, path, verb, body)
        if params is not None:
            # ``requests.Request("GET", AUTH_URL, params={...})``: the hosted
            # authentication's query.
            self._v3.hosted_params(node, path, params)
        if _may_be_v3(path):
            # ``?calendar_id=primary``, ``params={...}``, ``json={...}``: the case of
            # the endpoint they choose (matched to the request by its span).
            on_module = isinstance(func, ast.Attribute) and self.qualify(func.value) in (
                _HTTP_LIBRARIES)
            self.call_arguments.append(raw_call_arguments(
                node, url, self.source.span(node), self._v3.argument_dict, on_module))
        if path.endswith(NATIVE_AUTH_PATH):
            if body is not None and http_method == "post":
                self._native_auth(node, body, nylas_host=_names_nylas(url))
            return
        if path.endswith(HOSTED_AUTH_PATH):
            if params is not None and _names_nylas(url):
                self._hosted_params(params, node)
            return
        if any(part.reference for part in parts):
            if node in self._decorators:
                return
            # Other modules' constants: the project index reads them.
            if body is not None and http_method == "post":
                self._native_auth(node, body, nylas_host=True, url=parts)
            if params is not None:
                self._hosted_params(params, node, url=parts)
            self.raw_templates.append(RawTemplate(
                verb, parts, self.source.span(node), dotted(func), sends_http))
            return
        # ``@app.post("/events")`` registers a route; it sends no request.
        use = sent_raw_use(verb, url, self.source.span(node), dotted(func), sends_http,
                           sent=node not in self._decorators)
        if use is not None:
            self.raw_uses.append(use)

    def _raw_parts(
        self, node: ast.expr, verb: str, parts: tuple[UrlPart, ...], text: str
    ) -> None:
        """A raw request to a URL made of ``parts``, read now or across modules."""
        if any(part.reference for part in parts):
            self.raw_templates.append(
                RawTemplate(verb, parts, self.source.span(node), text))
            return
        use = raw_use(verb, url_fallback_text(parts), self.source.span(node), text, sent=False)
        if use is not None:
            self.raw_uses.append(use)

    def _native_auth(
        self, call: ast.Call, body: ast.expr, nylas_host: bool, url: tuple[UrlPart, ...] = ()
    ) -> None:
        unencoded = self._unencoded(body)
        if unencoded is None:
            return
        body = unencoded
        view = self._dict_view(body)
        if view is None:
            if not nylas_host:
                return
            if self._is_parameter(body):
                # A helper posts a body its callers build: the project index reads
                # each caller's argument (``body_args``) as a request; until then, and
                # when a caller's cannot be read, NYS304 says so.
                qualname = ".".join(name for name, _ in self._qual)
                reference = self._passed_parameter(body)
                reason = f"the native-auth body comes from the callers of {qualname}()"
            else:
                # A body built where it cannot be read (changed after it was made, made
                # by a call, ...) still asks for scopes: the request is unresolved, never
                # left out, or the rules would judge the project without it.
                reference = ""
                reason = "the native-auth body cannot be read"
            self._add(ScopeSite(
                SiteKind.NATIVE, Generation.V2, self.source.span(call),
                ScopeValue(ValueState.UNRESOLVED, complete=False, reference=reference,
                           reason=reason),
                description="native auth (/connect/authorize)",
                url=url, url_path=NATIVE_AUTH_PATH if url else "",
            ))
            return
        if not nylas_host and len(NATIVE_BODY_KEYS & view.keys.keys()) < 2:
            return
        site = self._native_site(call, view)
        self._add(dataclasses.replace(site, url=url, url_path=NATIVE_AUTH_PATH if url else ""))

    def _unencoded(self, body: ast.expr) -> ast.expr | None:
        """The dict a body is made from: ``jsonable_encoder(payload)`` is ``payload``."""
        target = self.reader.follow(body)
        if isinstance(target, ast.Call) and self.qualify(target.func) in BODY_ENCODERS:
            return target.args[0] if target.args else None
        return body

    def _native_site(self, call: ast.Call, view: _DictView) -> ScopeSite:
        """The request a native-auth body makes when ``call`` posts it."""
        provider_node = view.values.get("provider")
        provider = self.reader.read_string(provider_node) if provider_node is not None else None
        scopes = view.values.get("scopes")
        if scopes is not None:
            value = self.reader.read(scopes)
        elif view.complete and "scope" not in view.keys:
            value = ScopeValue(ValueState.MISSING)
        elif "scopes" in view.keys:
            value = ScopeValue(
                ValueState.UNRESOLVED, complete=False,
                reason="a spread written after the body's 'scopes' may replace them")
        else:
            value = ScopeValue(
                ValueState.UNRESOLVED, complete=False, reason="the body's scopes are not known"
            )
        return ScopeSite(
            SiteKind.NATIVE,
            Generation.V2,
            self.source.span(view.node) if scopes is None else self.source.span(call),
            value,
            provider=provider or "",
            service_account=self._is_service_account(view),
            description="native auth (/connect/authorize)",
        )

    def _passed_parameter(self, node: ast.expr) -> str:
        """``body:module.function#position#name`` for a parameter of the enclosing
        function that holds what its callers passed (never rebound nor written by
        key in the function); "" otherwise."""
        if not isinstance(node, ast.Name) or not self._is_parameter(node):
            return ""
        function, params = self._functions[-1]
        own = self.body_bindings.of(function)
        if own.binds(node.id) or node.id in own.key_writes or node.id in own.opaque_writes:
            return ""
        qualname = ".".join(name for name, _ in self._qual)
        return ParameterReference(
            ParameterKind.BODY, f"{self._module_name or '__main__'}.{qualname}",
            params.index(node.id), node.id,
        ).text()

    def _body_arguments(self, node: ast.Call) -> None:
        """Native-auth bodies passed to a call, and parameters passed on unchanged, for
        a helper that posts what it is given (see ``BodyArg``)."""
        if any(isinstance(arg, ast.Starred) for arg in node.args):
            return
        arguments = [(index, "", arg) for index, arg in enumerate(node.args)]
        arguments += [(-1, kw.arg, kw.value) for kw in node.keywords if kw.arg is not None]
        span: Span | None = None
        for position, keyword, argument in arguments:
            if not isinstance(argument, (ast.Name, ast.Dict, ast.Call)):
                continue
            found: BodyArg | None = None
            view = self._dict_view(argument)
            if view is not None and (
                {"scopes", "scope"} & view.keys.keys() or NATIVE_BODY_KEYS & view.keys.keys()
            ):
                span = span or self.source.span(node)
                found = BodyArg(span, position, keyword, site=self._native_site(node, view))
            elif view is None:
                reference = self._passed_parameter(argument)
                if reference:
                    span = span or self.source.span(node)
                    found = BodyArg(span, position, keyword, reference=reference)
            if found is not None:
                self.body_args.append(found)

    def _is_service_account(self, view: _DictView) -> bool:
        if _is_true(view.values.get("service_account")):
            return True
        settings = view.values.get("settings")
        settings_view = self._dict_view(settings) if settings is not None else None
        if settings_view is None:
            return False
        return _is_true(settings_view.values.get("service_account")) or (
            "service_account_json" in settings_view.keys
        )

    def _hosted_params(
        self, params: ast.expr, anchor: ast.expr, url: tuple[UrlPart, ...] = (),
        named: bool = False,
    ) -> None:
        """The request a dict of ``/oauth/authorize`` parameters makes; ``named`` when
        the URL's own query names its scopes (parameters that cannot be read beside
        them are then not taken for another request)."""
        view = self._dict_view(params)
        if view is None:
            if not named:
                self._unread_hosted_query(anchor, url)
            return
        scopes = view.values.get("scopes")
        provider_node = view.values.get("provider")
        provider = self.reader.read_string(provider_node) if provider_node is not None else None
        span = self.source.span(view.node)
        if scopes is not None:
            site = ScopeSite(
                SiteKind.HOSTED_URL, Generation.V2, span, self._hosted_scopes(scopes),
                provider=provider or "", description="/oauth/authorize parameters",
            )
        elif "scopes" in view.keys:
            # Named, but a spread written after it may replace it: the request is
            # made with scopes that cannot be read, never left out.
            site = ScopeSite(
                SiteKind.HOSTED_URL, Generation.V2, span, ScopeValue(
                    ValueState.UNRESOLVED, complete=False,
                    reason="a spread written after the 'scopes' parameter may replace it"),
                provider=provider or "", description="/oauth/authorize parameters",
            )
        elif "scope" in view.keys:
            site = ScopeSite(
                SiteKind.HOSTED_URL, Generation.V2, span,
                ScopeValue(ValueState.UNRESOLVED, complete=False, reason="singular scope"),
                provider=provider or "", ignored_key=True,
                ignored_span=self.source.span(view.keys["scope"]),
                description="/oauth/authorize parameters",
            )
        elif view.complete and HOSTED_PARAM_KEYS <= view.keys.keys():
            site = ScopeSite(
                SiteKind.HOSTED_URL, Generation.V2, span, ScopeValue(ValueState.MISSING),
                provider=provider or "", description="/oauth/authorize parameters",
            )
        else:
            if not named and not view.complete:
                # ``{**BASE, "state": s}``: what it spreads may hold the scopes.
                self._unread_hosted_query(anchor, url)
            return
        if url:
            site = dataclasses.replace(site, url=url, url_path=HOSTED_AUTH_PATH)
        self._add(site)

    def _dict_view(self, node: ast.expr) -> _DictView | None:
        target = self.reader.follow(node)
        if not isinstance(target, ast.Dict):
            if isinstance(target, ast.Call) and isinstance(target.func, ast.Name) and (
                target.func.id == "dict" and not target.args
            ):
                return self._dict_call_view(target)
            return None
        values: dict[str, ast.expr] = {}
        keys: dict[str, ast.expr] = {}
        complete = True
        for key, value in zip(target.keys, target.values):
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                values[key.value] = value
                keys[key.value] = key
            else:
                complete = False
                if key is None:
                    # ``{"scopes": s, **base}``: the spread copies its own items over
                    # the keys written before it, so their values are no longer known
                    # (the keys stay: the dict still has them, whatever they hold).
                    values.clear()
        if isinstance(node, ast.Name):
            bindings = self._binding_scope(node.id)
            if bindings is not None:
                if node.id in bindings.opaque_writes:
                    complete = False
                for key_name, writes in bindings.key_writes.get(node.id, {}).items():
                    if len(writes) == 1 and key_name not in values:
                        values[key_name] = writes[0]
                        keys[key_name] = writes[0]
                    else:
                        values.pop(key_name, None)
                        keys[key_name] = writes[0]
                        complete = False
        return _DictView(target, values, keys, complete)

    def _dict_call_view(self, call: ast.Call) -> _DictView:
        values = {kw.arg: kw.value for kw in call.keywords if kw.arg is not None}
        complete = all(kw.arg is not None for kw in call.keywords)
        node = ast.Dict(keys=[], values=[])
        ast.copy_location(node, call)
        return _DictView(node, values, dict(values), complete)

    # -- hand-built hosted-auth URLs ----------------------------------------------------

    def _url_expression(self, node: ast.expr) -> None:
        if id(node) in self._consumed:
            return
        pieces = list(self._url_leaves(node))
        text = "".join(
            piece.value if _is_str_constant(piece) else _HOLE  # type: ignore[attr-defined]
            for piece in pieces
        )
        if _may_be_v3(text) and not self._decorating and id(node) not in self._docstrings:
            self._v3_strings.append((node, text))
        elif _names_a_v2_resource(text) and not self._decorating and (
                id(node) not in self._docstrings):
            self._v2_strings.append((node, text))
        if "?" not in text:
            return
        holes = [piece for piece in pieces if not _is_str_constant(piece)]
        v3_sites = list(self._v3.hosted_url(node, text, holes))
        if v3_sites:
            self.sites.extend(v3_sites)
            return
        if HOSTED_AUTH_PATH in text.split("?", 1)[0]:
            if not (_names_nylas(text) or any(_names_nylas(self._url_text(h) or "")
                                              for h in holes)):
                return
            self._query_sites(node, text, holes)
            return
        # ``f"{c.API_BASE}/{c.AUTH_URI}?{query}"``: the path may be /oauth/authorize once
        # the other module's constants are read.
        url: list[UrlPart] = []
        for piece in pieces:
            if _is_str_constant(piece):
                literal = piece.value  # type: ignore[attr-defined]
                if "?" in literal:
                    url.append(UrlPart(literal.split("?", 1)[0]))
                    break
                url.append(UrlPart(literal))
            else:
                url.extend(self._url_parts(piece) or (UrlPart(_HOLE),))
        if any(part.reference for part in url):
            self._query_sites(node, text, holes, tuple(url))
            # The same URL read as API v3's (``f"{config.API}/connect/auth?{q}"``): the
            # judge keeps whichever request the constants say it is.
            self.sites.extend(self._v3.hosted_url(node, text, holes, tuple(url)))

    def _own_routes(self, node: ast.Call) -> None:
        """The strings a call of the app's web framework declares as its own routes
        (``app.add_route("/grants/{id}/people", h)``), written in the call or held
        by a local name that nothing else reads: they send nothing."""
        qualified = self._route_callee(node)
        for argument in route_arguments(node, qualified, self._imported_packages):
            route = self._only_read_here(argument) if isinstance(argument, ast.Name) else (
                argument)
            if route is not None and (route is argument or is_route_path(route)):
                self._route_strings.update(id(part) for part in walk_nodes(route))
        for table in handler_tables(node, qualified, self._imported_packages):
            rules = self._only_read_here(table) if isinstance(table, ast.Name) else table
            for pattern in handler_table_routes(rules) if rules is not None else ():
                self._route_strings.update(id(part) for part in walk_nodes(pattern))

    def _route_callee(self, node: ast.Call) -> str | None:
        """What a call names through imports; ``super().__init__(...)`` in a class
        derived from an imported one names that class (a Tornado ``Application``
        subclass hands its route table on so)."""
        func = node.func
        if (isinstance(func, ast.Attribute) and func.attr == "__init__"
                and isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Name)
                and func.value.func.id == "super" and len(self._qual) >= 2
                and self._qual[-2][1] == "class"):
            cls = self._module_classes.get(self._qual[-2][0])
            bases = [self.qualify(base) for base in cls.bases] if cls is not None else []
            return bases[0] if len(bases) == 1 else None
        if (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                and func.value.id == "self" and len(self._qual) >= 2
                and self._qual[-1][1] == "function" and self._qual[-2][1] == "class"):
            # ``self.redirect(url)`` in a Tornado ``RequestHandler``: the method of the
            # framework class the handler derives from, by that class's name.
            framework = self._framework_base(self._qual[-2][0], func.attr)
            if framework is not None:
                return f"{framework}.{func.attr}"
        return self.qualify(func)

    def _framework_base(self, class_name: str, method: str) -> str | None:
        """The one imported class that the module's class ``class_name`` derives
        from, through the module's own classes, when none of them binds ``method``
        (a method of the project's may do anything)."""
        for _ in range(_MAX_CLASS_DEPTH):
            cls = self._module_classes.get(class_name)
            if cls is None or len(cls.bases) != 1 or _class_binds(cls, method):
                return None
            base = cls.bases[0]
            if isinstance(base, ast.Name) and base.id in self._module_classes:
                class_name = base.id
                continue
            return self.qualify(base)
        return None

    def _only_read_here(self, name: ast.Name) -> ast.expr | None:
        """The value a function's local name is bound to once, when ``name`` is its
        only read: a module's names may be imported and sent elsewhere, and a name
        read twice may be sent by the other reader."""
        depth = len(self._scopes) - 1
        if depth < 1 or not self._scopes[depth].binds(name.id):
            return None
        value = self.lookup(name.id)
        reads = sum(1 for node in walk_nodes(ast.Module(body=self._bodies[depth], type_ignores=[]))
                    if isinstance(node, ast.Name) and node.id == name.id
                    and isinstance(node.ctx, ast.Load))
        return value if reads == 1 else None

    def _unsent_v3_paths(self) -> None:
        """API v3 paths spelt in strings that no request of the module is seen to send
        (``self._get(f"/v3/grants/{grant}/events")`` into a wrapper whose URL is
        ``f"{self.base}{path}"``; a v3 base URL given to an HTTP client the analysis
        does not know): requests that may go to Nylas.  Left out, their scopes would
        look unused."""
        for node, text in self._v3_strings:
            if id(node) in self._route_strings:
                continue
            if id(node) not in self._url_reads or id(node) in self._handed_on:
                self.raw_uses.extend(unsent_v3_uses(text, self.source.span(node)))
        # ``URLS["thread"].format(id=tid)`` sent by ``requests``, a URL given to an HTTP
        # library the analysis does not know: which request, it cannot tell.
        exported = self._exported_urls() if self._v2_strings else set()
        for node, text in self._v2_strings:
            if id(node) in self._route_strings or id(node) in exported:
                continue
            if id(node) not in self._url_reads or id(node) in self._handed_on:
                path = nylas_v2_path(text, _HOLE)
                if path is not None:
                    self.raw_uses.append(RawUse(
                        ANY_METHOD, SPELLED_HOST, path.rstrip("/"), self.source.span(node),
                        "a Nylas URL sent where the analysis cannot see", False))

    def _exported_urls(self) -> set[int]:
        """The strings read as URLs where the analysis follows them: by other modules
        through the project index (see ``url_strings``: the whole value of a module
        constant, what a function or method of the module returns), and by a function
        of this module that gets one as an argument (``_send(f"{API}/messages/{mid}",
        body)``), whose request is judged there."""
        found = {id(node) for node in self.module_bindings.values.values()}
        functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = list(
            self._module_functions.values())
        functions.extend(method for cls in self._module_classes.values() for method in cls.body
                         if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)))
        for function in functions:
            found.update(id(value) for value in self._returns_of(function) or ())
        for node in walk_nodes(self._tree) if self._tree is not None else ():
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
                    node.func.id in self._module_functions):
                found.update(id(value) for value in (
                    *node.args, *(keyword.value for keyword in node.keywords)))
        return found

    def _hand_on_names(self, call: ast.Call) -> None:
        """``with_retry("DELETE", url)`` where ``requests.get(url)`` reads the same
        string: the function may send it with another method, which no request of
        this module shows."""
        func = call.func
        callee = func.attr if isinstance(func, ast.Attribute) else dotted(func)
        if callee in _READING_CALLEES:
            self._quiet_names.update(id(arg) for arg in call.args)
            self._quiet_names.update(id(keyword.value) for keyword in call.keywords)
            return
        for value in (*call.args, *(keyword.value for keyword in call.keywords)):
            if isinstance(value, ast.Starred):
                value = value.value
            if (isinstance(value, ast.Name) and id(value) not in self._url_reads
                    and id(value) not in self._quiet_names):
                target = self.reader.follow(value)
                if target is not None and target is not value:
                    self._handed_on.add(id(target))

    def _url_leaves(self, node: ast.expr, consume: bool = True, depth: int = 0
                    ) -> Iterator[ast.expr]:
        """The literal pieces and the holes of a string built by ``+``, an f-string,
        ``%`` or ``str.format``, through names bound to such strings in this module.

        The containers are marked consumed so that their parts are not read again as
        URLs of their own (a named constant is read where it is written too).
        """
        if consume:
            self._consumed.add(id(node))
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            yield from self._url_leaves(node.left, consume, depth)
            yield from self._url_leaves(node.right, consume, depth)
        elif isinstance(node, ast.JoinedStr):
            for value in node.values:
                if isinstance(value, ast.FormattedValue):
                    yield from self._url_leaves(value.value, False, depth)
                else:
                    if consume:
                        self._consumed.add(id(value))
                    yield value
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            yield from self._percent_leaves(node, consume)
        elif isinstance(node, ast.Call) and _is_str_format(node):
            yield from self._format_leaves(node, consume)
        elif (segments := joined_segments(node, self.qualify)) is not None:
            yield from self._segment_leaves(node, segments, consume, depth)
        elif isinstance(node, ast.Name) and depth < 4:
            self._quiet_names.add(id(node))
            target = self.reader.follow(node)
            if target is not None and target is not node and (
                    _is_url_text(target) or joined_segments(target, self.qualify) is not None):
                # Judged as a piece of the longer string, where that one is used.
                self._url_reads.add(id(target))
                yield from self._url_leaves(target, False, depth + 1)
            else:
                yield node
        else:
            yield node

    def _segment_leaves(self, node: ast.expr, segments: list[ast.expr], consume: bool,
                        depth: int) -> Iterator[ast.expr]:
        """``"/".join([base, "v3", grant])``: the segments with "/" between them (the
        slashes a literal segment carries at a join are the join's own)."""
        inner = node.left if isinstance(node, ast.BinOp) else None
        while consume and isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Div):
            # ``base / "grants" / grant``: its shorter chains are no URLs of their own.
            self._consumed.add(id(inner))
            inner = inner.left
        last = len(segments) - 1
        for index, segment in enumerate(segments):
            if index:
                yield _literal("/", node)
            if _is_str_constant(segment):
                if consume:
                    self._consumed.add(id(segment))
                text = segment.value  # type: ignore[attr-defined]
                text = text.lstrip("/") if index else text
                yield _literal(text.rstrip("/") if index < last else text, segment)
            elif isinstance(segment, ast.Starred):
                yield segment  # segments built at run time
            else:
                yield from self._url_leaves(segment, False, depth)

    def _percent_leaves(self, node: ast.BinOp, consume: bool) -> Iterator[ast.expr]:
        """``"%s?%s" % (base, query)``: only ``%s`` specifiers are read."""
        template = node.left
        values = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
        if not _is_str_constant(template):
            yield node
            return
        pieces = template.value.split("%s")  # type: ignore[attr-defined]
        if any("%" in piece for piece in pieces) or len(pieces) != len(values) + 1 or any(
            isinstance(value, ast.Starred) for value in values
        ):
            yield node
            return
        if consume:
            self._consumed.add(id(template))
        for index, piece in enumerate(pieces):
            yield _literal(piece, template)
            if index < len(values):
                yield from self._url_leaves(values[index], False)

    def _format_leaves(self, node: ast.Call, consume: bool) -> Iterator[ast.expr]:
        """``"{}?{}".format(base, query)``: plain fields by position or keyword."""
        template = node.func.value  # type: ignore[attr-defined]
        keywords = {kw.arg: kw.value for kw in node.keywords if kw.arg is not None}
        try:
            fields = list(string.Formatter().parse(template.value))
        except ValueError:
            yield node
            return
        if consume:
            self._consumed.add(id(template))
        automatic = 0
        for literal, name, spec, conversion in fields:
            yield _literal(literal, template)
            if name is None:
                continue
            value: ast.expr | None = None
            if spec or conversion:
                value = None
            elif name == "":
                value = node.args[automatic] if automatic < len(node.args) else None
                automatic += 1
            elif name.isdigit():
                value = node.args[int(name)] if int(name) < len(node.args) else None
            else:
                value = keywords.get(name)
            if value is None or isinstance(value, ast.Starred):
                yield _literal(None, template)
            else:
                yield from self._url_leaves(value, False)

    def _hosted_scopes(self, scopes: ast.expr) -> ScopeValue:
        """The ``scopes`` of /oauth/authorize parameters built by hand.  A parameter of
        the function building them (``def auth_url(email, scopes=DEFAULT)``) is what
        its callers pass, or its default, as for ``authentication_url(scopes=scopes)``;
        only where the value is written inside that function, so that a module-level
        dict naming a global of the same name is not taken for it."""
        function = self._functions[-1][0] if self._functions else None
        inside = function is not None and (
            function.lineno <= scopes.lineno <= (function.end_lineno or function.lineno))
        return (self._parameter_reference(scopes) if inside else None) or self.reader.read(
            scopes)

    def _query_sites(
        self, node: ast.expr, text: str, holes: list[ast.expr], url: tuple[UrlPart, ...] = ()
    ) -> None:
        query = text.split("?", 1)[1]
        span = self.source.span(node)
        hole_iter = iter(holes)
        # Holes before the query string are consumed in order so that the ones inside
        # it line up with their parameters.
        for _ in range(text.split("?", 1)[0].count(_HOLE)):
            next(hole_iter, None)
        named = any(pair.partition("=")[0] in {"scopes", "scope"}
                    for pair in query.split("&"))
        for pair in query.split("&"):
            key, _, raw = pair.partition("=")
            key_holes = [next(hole_iter, None) for _ in range(pair.count(_HOLE))]
            if key == _HOLE and key_holes and key_holes[0] is not None and not raw:
                self._urlencoded_hole(key_holes[0], node, url, named)
                continue
            if key not in {"scopes", "scope"}:
                continue
            if key == "scope":
                self._add(
                    ScopeSite(
                        SiteKind.HOSTED_URL, Generation.V2, span,
                        ScopeValue(ValueState.UNRESOLVED, complete=False, reason="singular scope"),
                        ignored_key=True, ignored_span=span, description="/oauth/authorize URL",
                        url=url, url_path=HOSTED_AUTH_PATH if url else "",
                    )
                )
                continue
            if _HOLE not in raw:
                value = urllib.parse.unquote_plus(raw)
                items = tuple(
                    ScopeItem(part, span, ItemForm.STRING_PART, index)
                    for index, part in enumerate(value.split(","))
                )
                scope_value = ScopeValue(ValueState.ITEMS, items, True, span=span)
            elif raw == _HOLE and key_holes and key_holes[0] is not None:
                scope_value = self._hosted_scopes(key_holes[0])
            else:
                scope_value = ScopeValue(
                    ValueState.UNRESOLVED, complete=False, reason="scopes built at run time"
                )
            self._add(
                ScopeSite(
                    SiteKind.HOSTED_URL, Generation.V2, span, scope_value,
                    description="/oauth/authorize URL",
                    url=url, url_path=HOSTED_AUTH_PATH if url else "",
                )
            )

    def _urlencoded_hole(
        self, hole: ast.expr, anchor: ast.expr, url: tuple[UrlPart, ...] = (),
        named: bool = False,
    ) -> None:
        """The parameters a whole-pair hole of a hosted-auth query adds; ``named``
        when the query's own text names its scopes."""
        target = self.reader.follow(hole)
        if (
            isinstance(target, ast.Call)
            and target.args
            and (
                self.qualify(target.func) in URLENCODE_FUNCTIONS
                or (isinstance(target.func, ast.Name) and target.func.id == "urlencode")
            )
        ):
            self._hosted_params(target.args[0], anchor, url, named)
        elif not named:
            # ``f"https://api.nylas.com/oauth/authorize?{query}"`` with a query built
            # where it cannot be read: the request still asks for scopes.
            self._unread_hosted_query(anchor, url)

    def _unread_hosted_query(self, anchor: ast.expr, url: tuple[UrlPart, ...] = ()) -> None:
        """A request to Nylas' ``/oauth/authorize`` whose parameters cannot be read:
        unresolved, never left out, or the rules would judge the project's granted
        scopes without it (a call needing what only it asks for reported missing).
        ``url``: the URL's parts where other modules' constants must say it is that
        path (``f"{settings.AUTH_URL}?{query}"``); a URL that reads as something else
        is no request (see ``ScopeSite.url``)."""
        self._add(ScopeSite(
            SiteKind.HOSTED_URL, Generation.V2, self.source.span(anchor),
            ScopeValue(ValueState.UNRESOLVED, complete=False,
                       reason="the /oauth/authorize parameters cannot be read"),
            description="/oauth/authorize parameters",
            url=url, url_path=HOSTED_AUTH_PATH if url else "",
        ))

    def _url_text(self, node: ast.expr) -> str | None:
        """The text of a URL expression; parts that cannot be read become holes."""
        parts = self._url_parts(node)
        return url_fallback_text(parts) if parts is not None else None

    def _url_parts(self, node: ast.expr, depth: int = 0) -> tuple[UrlPart, ...] | None:
        """The pieces of a URL expression: literal text, holes for parts built at run
        time, and references to other modules' constants (read by the project index)."""
        parts = self._read_url_parts(node, depth)
        text = url_fallback_text(parts) if parts is not None else ""
        if parts is not None and (_may_be_v3(text) or _names_a_v2_resource(text)):
            # The request reads the v3 path (or v2 URL) the string spells (a part it
            # cannot read, ``PATH.format(...)``, is a hole that loses it).
            self._url_reads.add(id(node))
            target = self.reader.follow(node)
            if target is not None:
                self._url_reads.add(id(target))
                if isinstance(node, ast.Name) and target is not node:
                    self._url_names.add(node.id)
        return parts

    def _read_url_parts(self, node: ast.expr, depth: int) -> tuple[UrlPart, ...] | None:
        if depth > 8:
            return None
        target = self.reader.follow(node)
        if target is None:
            if self._reads_client_member(node):
                return None
            reference = self.qualify(node) if isinstance(node, ast.Name) else None
            # A name bound elsewhere: its spelling may still say it is a Nylas URL.
            return (UrlPart(_hole_for(dotted(node)), reference or ""),)
        if isinstance(target, ast.Constant) and isinstance(target.value, str):
            return (UrlPart(target.value),)
        if isinstance(target, ast.JoinedStr):
            parts: list[UrlPart] = []
            for value in target.values:
                if isinstance(value, ast.FormattedValue):
                    parts.extend(self._url_parts(value.value, depth + 1) or (UrlPart(_HOLE),))
                elif isinstance(value, ast.Constant) and isinstance(value.value, str):
                    parts.append(UrlPart(value.value))
            return tuple(parts)
        segments = joined_segments(target, self.qualify)
        if segments is not None:
            return self._segment_parts(segments, depth)
        if isinstance(target, ast.BinOp) and isinstance(target.op, ast.Add):
            left = self._url_parts(target.left, depth + 1) or (UrlPart(_HOLE),)
            right = self._url_parts(target.right, depth + 1) or (UrlPart(_HOLE),)
            return left + right
        if isinstance(target, ast.Call):
            function = self.qualify(target.func)
            if function in URLJOIN_FUNCTIONS and len(target.args) == 2:
                base = self._url_parts(target.args[0], depth + 1) or (UrlPart(_HOLE),)
                path = self._url_parts(target.args[1], depth + 1) or (UrlPart(_HOLE),)
                return path_below(base, path)
            if function in ENV_READERS:
                return self._env_parts(target, depth)
            if _is_str_format(target):
                return self._template_parts(target, depth)
            return None
        if isinstance(target, ast.BinOp) and isinstance(target.op, ast.Mod):
            return self._template_parts(target, depth)
        if isinstance(target, ast.Attribute):
            default = self._field_default(target, depth)
            if default is not None:
                return default
        if isinstance(target, (ast.Attribute, ast.Name)):
            if self._reads_client_member(target):
                return None
            return (UrlPart(_hole_for(dotted(target)), self.qualify(target) or ""),)
        return None

    def _reads_client_member(self, node: ast.expr) -> bool:
        """Whether an attribute chain reads a member of a Nylas client the module makes
        that is no URL (``nylas.drafts.send`` with ``nylas = Client(...)``, handed to
        ``queue.put``): an SDK object.  What a client holds under a name that says URL
        (``nylas.api_uri``) may still be one."""
        if not isinstance(node, ast.Attribute) or _may_name_a_url(node.attr):
            return False
        root = node.value
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name):
            return False
        made = self.reader.follow(root)
        return isinstance(made, ast.Call) and self.qualify(made.func) in _CLIENT_CLASSES

    def _names_nylas_host(self, url: ast.expr) -> bool:
        """Whether an unreadable URL is built from a string, or a name of this module
        bound to one, that names a Nylas host (``make_url(API, "messages", mid)``).

        Not a template written as a constant of the project filled with the host
        (``STATUS_URL.format(base=API)``, ``STATUS_URL`` imported or bound in this
        module): where it spells a ``/v3`` path, that spelling is a request the
        analysis cannot follow already; where it spells none, it is no request."""
        if isinstance(url, ast.Call) and isinstance(url.func, ast.Attribute) and (
                url.func.attr == "format"):
            template = url.func.value
            if isinstance(template, ast.Name) and (
                    template.id in self._imports
                    or _is_str_constant(self.reader.follow(template) or template)):
                return False
        for piece in walk_nodes(url):
            if isinstance(piece, ast.Constant):
                texts = [piece.value] if isinstance(piece.value, str) else []
            elif isinstance(piece, (ast.Name, ast.Attribute)):
                parts = self._url_parts(piece)
                texts = [url_fallback_text(parts)] if parts is not None else []
            else:
                continue
            if any(nylas_v2_path(text, _HOLE) is not None for text in texts):
                return True
        return False

    def _template_parts(self, node: ast.expr, depth: int) -> tuple[UrlPart, ...] | None:
        """``"%s/threads/%s" % (API, tid)`` and ``"{}/contacts".format(API)``: the
        template's text with each value read in its place."""
        leaves = list(self._url_leaves(node, False))
        if any(leaf is node for leaf in leaves):
            return None  # a template these readers do not take apart
        parts: list[UrlPart] = []
        for leaf in leaves:
            if _is_str_constant(leaf):
                parts.append(UrlPart(leaf.value))  # type: ignore[attr-defined]
            elif isinstance(leaf, ast.Constant):
                parts.append(UrlPart(_HOLE))  # a field the template does not fill
            else:
                parts.extend(self._url_parts(leaf, depth + 1) or (UrlPart(_HOLE),))
        return tuple(parts)

    def _segment_parts(self, segments: list[ast.expr], depth: int) -> tuple[UrlPart, ...]:
        """The pieces of a URL joined from path segments, "/" between them."""
        parts: tuple[UrlPart, ...] = ()
        for index, segment in enumerate(segments):
            read = None if isinstance(segment, ast.Starred) else self._url_parts(
                segment, depth + 1)
            read = read or (UrlPart(_HOLE),)
            parts = path_below(parts, read) if index else read
        return parts

    def _field_default(self, node: ast.Attribute, depth: int) -> tuple[UrlPart, ...] | None:
        """``settings.api_uri`` with ``settings = Settings()`` (or a function of this
        module returning it) and ``api_uri: str = "https://api.nylas.com"`` a field of
        that class: a pydantic ``BaseSettings`` field, which the environment may
        override, is a Nylas host when its default is one; a field of another class
        made without arguments holds its default."""
        if not isinstance(node.value, (ast.Name, ast.Call)) or depth > 4:
            return None
        made = self.reader.follow(node.value)
        if isinstance(made, ast.Call) and isinstance(made.func, ast.Name) and (
            made.func.id in self._module_functions
        ):
            returned = self._returns_of(self._module_functions[made.func.id])
            made = returned[0] if returned is not None and len(returned) == 1 else None
        if not isinstance(made, ast.Call) or not isinstance(made.func, ast.Name):
            return None
        cls = self._module_classes.get(made.func.id)
        if cls is None:
            return None
        default = next((
            statement.value for statement in cls.body
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
            and statement.target.id == node.attr and statement.value is not None
        ), None)
        if not (isinstance(default, ast.Constant) and isinstance(default.value, str)):
            return None
        if any((dotted(base) or "").endswith("BaseSettings") for base in cls.bases):
            if nylas_v2_path(default.value, _HOLE) == "/":
                return (UrlPart(_HOLE + NYLAS_HOST_MARK),)
            return None
        if made.args or made.keywords:
            return None
        return (UrlPart(default.value),)

    def _env_parts(self, call: ast.Call, depth: int) -> tuple[UrlPart, ...] | None:
        """``os.getenv("NYLAS_API_URI", "https://api.nylas.com")``: a host given by
        configuration, a Nylas host when its default or its variable names one."""
        names = [self.reader.read_string(arg) or "" for arg in call.args[:1]]
        default = call.args[1] if len(call.args) > 1 else keyword_value(call, "default")
        default_text = ""
        if default is not None:
            parts = self._url_parts(default, depth + 1)
            default_text = url_fallback_text(parts) if parts is not None else ""
        if nylas_v2_path(default_text, _HOLE) == "/" or any(_names_nylas(n) for n in names):
            return (UrlPart(_HOLE + NYLAS_HOST_MARK),)
        return None


def _may_be_nylas_url(text: str) -> bool:
    """Whether a string another module may read as a URL could be part of a Nylas
    one: a host that names Nylas, a path whose segments are those of a Nylas route.
    An absolute URL of another host counts too: a request to it is none."""
    return len(text) <= _MAX_URL_CONSTANT and (
        _names_nylas(text) or text.startswith(("https://", "http://")) or any(
            segment.strip(_HOLE) in URL_SEGMENTS for segment in text.split("/")))


def _field_default(value: ast.expr) -> ast.expr:
    """What a class body's value gives instances: the default a dataclass or attrs
    field makes (``field(default_factory=lambda: httpx.Client(...))``,
    ``attrs.field(factory=...)``, ``field(default=...)``), else the value itself."""
    if not isinstance(value, ast.Call):
        return value
    for keyword in value.keywords:
        if keyword.arg in ("default_factory", "factory") and isinstance(
                keyword.value, ast.Lambda):
            return keyword.value.body
        if keyword.arg == "default":
            return keyword.value
    return value


def _names_http_session(name: str) -> bool:
    """Whether a name says it holds an HTTP session or client (``session``,
    ``http_client``, ``_http``)."""
    lowered = name.lower()
    return "session" in lowered or "http" in lowered


def _class_binds(cls: ast.ClassDef, name: str) -> bool:
    """Whether a class body defines or assigns ``name`` (``redirect = other``)."""
    for statement in cls.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if statement.name == name:
                return True
        elif isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [
                statement.target]
            if any(isinstance(target, ast.Name) and target.id == name for target in targets):
                return True
    return False


def _method(cls: ast.ClassDef, name: str) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The method a class body defines once under ``name``."""
    found = [statement for statement in cls.body
             if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
             and statement.name == name]
    return found[0] if len(found) == 1 else None


def unsent_v3_uses(url: str, span: Span) -> list[RawUse]:
    """The request a string that spells an API v3 path may stand for, when no request
    is seen to send it: which routes it names, with which method, is the judge's
    question (``judging/raw_requests.py``)."""
    # ``"{base}/v3/grants/{grant}/messages"`` filled elsewhere (``str.format``, ``%``,
    # ``string.Template``): the field the string starts with is the host.
    url = _LEADING_FIELD.sub(_HOLE, url, count=1)
    path = nylas_path(url, _HOLE)
    if path is None:
        path = unknown_host_path(url, _HOLE)
    if path is None or not is_v3_path(path):
        # ``f"grants/{grant}/messages"`` handed to a wrapper whose base URL ends in /v3.
        relative = relative_v3_path(url.split("?", 1)[0] if path is None else path)
        path = relative or path
    if path is None:
        return []
    path = path.rstrip("/") or "/"
    if not is_v3_path(path) or path.endswith(V3_HOSTED_AUTH_PATH):
        return []  # the browser's authentication page is a scope request, no call
    return [RawUse(ANY_METHOD, SPELLED_HOST, path, span,
                   "a /v3 path sent where the analysis cannot see", False)]


# Decorators that leave what a function returns as it is.
_TRANSPARENT_DECORATORS = frozenset({
    "functools.cache", "functools.lru_cache", "cache", "lru_cache", "staticmethod",
})


def function_returns(function: ast.FunctionDef | ast.AsyncFunctionDef,
                     may_pause: bool = True) -> list[ast.expr] | None:
    """The values a function returns, when it always ends in a ``return`` with a
    value (or a ``raise``) and is no generator; None otherwise.  ``may_pause``
    False says the module's text holds no ``yield`` or ``await``: no walk looks for
    one then."""
    for decorator in function.decorator_list:
        called = decorator.func if isinstance(decorator, ast.Call) else decorator
        if dotted(called) not in _TRANSPARENT_DECORATORS:
            return None
    values: list[ast.expr] = []
    for node in statements_in_scope(function.body):
        if isinstance(node, ast.Return):
            if node.value is None:
                return None
            values.append(node.value)
    # The walk for a ``yield`` last: most functions fail the cheaper tests first.
    if not values or not _always_returns(function.body):
        return None
    for node in walk_nodes(function) if may_pause else ():
        if isinstance(node, (ast.Yield, ast.YieldFrom, ast.Await)):
            return None
    return values


def _always_returns(body: list[ast.stmt]) -> bool:
    if not body:
        return False
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise)):
        return True
    if isinstance(last, ast.If):
        return _always_returns(last.body) and _always_returns(last.orelse)
    if isinstance(last, ast.Try):
        # ``try: return PLANS[plan]`` / ``except KeyError: return DEFAULT``: the body
        # (or its ``else``) and every handler return, or the ``finally`` does; an
        # exception no handler takes leaves by raising.
        return _always_returns(last.finalbody) or (
            (_always_returns(last.body) or _always_returns(last.orelse))
            and all(_always_returns(handler.body) for handler in last.handlers))
    if isinstance(last, ast.Match):
        # ``match provider: case "google": return GOOGLE ... case _: raise``: a match
        # leaves no way past it only when some case takes every subject.
        return any(_takes_every_subject(case) for case in last.cases) and all(
            _always_returns(case.body) for case in last.cases)
    return False


def _takes_every_subject(case: ast.match_case) -> bool:
    """``case _:`` or ``case other:`` without a guard: no subject falls through."""
    pattern = case.pattern
    while isinstance(pattern, ast.MatchAs) and pattern.pattern is not None:
        pattern = pattern.pattern  # ``case (_ as other):``
    return case.guard is None and isinstance(pattern, ast.MatchAs) and pattern.pattern is None


# Django's call that sets the settings without a settings module.
_DJANGO_SETTINGS_CONFIGURE = "django.conf.settings.configure"


def _django_settings_module(statement: ast.stmt) -> str:
    """``os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")``: the module."""
    if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
        return ""
    call = statement.value
    if dotted(call.func) not in ENV_READERS or len(call.args) != 2:
        return ""
    name, value = call.args
    if (
        isinstance(name, ast.Constant) and name.value == "DJANGO_SETTINGS_MODULE"
        and isinstance(value, ast.Constant) and isinstance(value.value, str)
    ):
        return value.value
    return ""


def _annotated_fields(cls: ast.ClassDef) -> list[str]:
    return [statement.target.id for statement in cls.body
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
            and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str)]


def _is_absolute(parts: tuple[UrlPart, ...]) -> bool:
    """Whether a URL's text starts with its scheme or host (``"https://..."``)."""
    first = parts[0] if parts else None
    return first is not None and not first.reference and (
        URL_SCHEME.match(first.text) is not None or first.text.startswith("//"))


def _is_relative(parts: tuple[UrlPart, ...]) -> bool:
    """Whether a URL's text is a path with no host (``"/messages"``, ``f"messages/{id}"``)."""
    first = parts[0] if parts else None
    return first is not None and not first.reference and bool(first.text) and (
        not first.text.startswith(_HOLE) and "://" not in first.text
        and not first.text.startswith("//")
    )


def _hole_for(spelled: str) -> str:
    """What stands for a part built elsewhere: a hole, with the name when it names
    Nylas (so that ``settings.NYLAS_API_SERVER`` reads as a Nylas host), unless the
    name says it holds an identifier or a credential (``user.nylas_grant_id``,
    ``NYLAS_API_KEY``), which is no host: ``cache.get(user.nylas_grant_id)`` is
    no request."""
    named = _names_nylas(spelled) and not _names_an_identifier(spelled)
    return _HOLE + (spelled if named else "")


# The last word of a name that holds an identifier or a credential, not a URL.
_IDENTIFIER_WORDS = frozenset({"id", "ids", "token", "key", "secret"})
_WORD_BREAK = re.compile(r"[_.]+|(?<=[a-z0-9])(?=[A-Z])")


def _names_an_identifier(spelled: str) -> bool:
    """Whether a dotted name's last word says it holds an identifier or a
    credential (``nylas_grant_id``, ``NYLAS_CLIENT_SECRET``, ``nylasAccountId``)."""
    words = [word for word in _WORD_BREAK.split(spelled) if word]
    return bool(words) and words[-1].lower() in _IDENTIFIER_WORDS


def _may_name_a_url(name: str) -> bool:
    """Whether a name says it may hold a URL (``api_uri``, ``SEND_ENDPOINT``)."""
    lowered = name.lower()
    return any(word in lowered for word in _URL_WORDS)


# Methods that may set what an instance's fields hold when it is made or later.
_INSTANCE_HOOKS = frozenset({
    "__init__", "__post_init__", "__new__", "__setattr__", "__getattr__",
    "__getattribute__", "__init_subclass__",
})
# pydantic's model base, and the names of a model's configuration.
_MODEL_BASES = frozenset({"pydantic.BaseModel", "pydantic.main.BaseModel"})
_MODEL_SETTINGS = frozenset({"model_config", "Config"})
# ``field(default_factory=list)``: an empty list for each instance.
_EMPTY_FACTORIES = frozenset({"list", "tuple", "set", "frozenset"})


def _plain_dataclass(cls: ast.ClassDef) -> bool:
    """A ``@dataclass`` with no base class and no method that may change what its
    fields hold when an instance is made (``__post_init__``) or later: an instance
    made without arguments holds the fields' defaults."""
    if cls.bases or cls.keywords:
        return False
    decorated = any(
        (dotted(decorator.func if isinstance(decorator, ast.Call) else decorator) or ""
         ).rpartition(".")[2] == "dataclass"
        for decorator in cls.decorator_list
    )
    return decorated and not any(
        isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
        and statement.name in _INSTANCE_HOOKS
        for statement in cls.body
    )


def _attributes_read(cls: ast.ClassDef) -> frozenset[str]:
    """The attributes the class's body reads (``self.http.get(...)``, ``return
    self.http``), by name whatever the object: a client held under a name the
    class never reads is for code elsewhere."""
    return frozenset(node.attr for node in walk_nodes(cls)
                     if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load))


def _never_text(cls: ast.ClassDef | None) -> bool:
    """Whether an instance of ``cls`` can be no URL, in a module that never names a
    method making an object's text (``_TEXT_HOOKS``, see ``_may_be_url``): no base
    (``str``), metaclass or decorator, so ``str(gateway)``, which requests takes for
    the URL, is object's ``<app.NylasGateway object at ...>``."""
    return cls is not None and not (cls.bases or cls.keywords or cls.decorator_list)


# Methods whose first parameter is the instance (or, for ``classmethod``, the class).
_SELF_TAKING_DECORATORS = frozenset({
    "classmethod", "property", "functools.cached_property", "cached_property",
})
# Methods that make an instance read its attributes other than from its class.
_ATTRIBUTE_HOOKS = frozenset({"__getattr__", "__getattribute__"})


def _is_class_var(annotation: ast.expr) -> bool:
    """``ClassVar[...]`` (or ``typing.ClassVar``, bare or subscripted)."""
    named = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    return dotted(named).rsplit(".", 1)[-1] == "ClassVar"


def _plain_class(cls: ast.ClassDef) -> bool:
    """A class with no base, metaclass or decorator, and no method that gives an
    instance attributes of its own when it is made or read (``__init__``,
    ``__getattr__``): an instance reads the attributes the class body binds, unless
    code sets one on it, which the project index sees as a change of the attribute."""
    return not (cls.bases or cls.keywords or cls.decorator_list) and not any(
        isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
        and statement.name in _INSTANCE_HOOKS
        for statement in cls.body
    )


def _parameters_kept(function: ast.FunctionDef | ast.AsyncFunctionDef, skipped: int,
                     kept: Callable[[str], bool]) -> ReadParameters | None:
    """The parameters of ``function`` past the first ``skipped`` (``self``) that
    ``kept`` says yes to, by where a caller's positional and keyword arguments land
    in them; None for none."""
    arguments = function.args
    every_positional = [*arguments.posonlyargs, *arguments.args]
    positional, skipped_args = every_positional[skipped:], every_positional[:skipped]
    chosen = {arg.arg for arg in (*positional, *arguments.kwonlyargs) if kept(arg.arg)}
    if not chosen:
        return None
    return ReadParameters(
        tuple(arg.arg if arg.arg in chosen else "" for arg in positional),
        tuple(arg.arg for arg in (*arguments.args, *arguments.kwonlyargs)
              if arg not in skipped_args and arg.arg in chosen))


def _own_per_instance(written: ast.expr | None, value: ast.expr) -> bool:
    """Whether each instance holds a value of its own that no other instance's code
    can change: a tuple or a string, or a list display a factory makes afresh for
    each instance (``field(default_factory=lambda: [...])``).  A list default of a
    ``NamedTuple`` or an attrs class, a plain class's attribute and a factory giving
    back a module's list are shared by every instance."""
    if isinstance(value, (ast.Tuple, ast.Constant)):
        return True
    return isinstance(written, ast.Call) and isinstance(value, (ast.List, ast.Set)) and any(
        keyword.arg in ("default_factory", "factory") for keyword in written.keywords)


def _class_values(cls: ast.ClassDef, field_defaults: bool) -> dict[str, ast.expr]:
    """The values a class body binds once to names that may hold scopes, from
    expressions that read no other name of the class body (so that they read as in
    the module's scope).  With ``field_defaults``, a dataclass field's default as an
    instance gets it: ``field(default=...)`` and a ``default_factory`` lambda's
    value or empty type."""
    own = collect_bindings(cls.body)
    found: dict[str, ast.expr] = {}
    for attribute, node in own.values.items():
        if not may_hold_class_scopes(attribute):
            continue
        if field_defaults and isinstance(node, ast.Call):
            default = _field_default_value(node)
            if default is None:
                continue
            node = default
        if not isinstance(node, _CLASS_VALUE_NODES):
            continue
        if any(isinstance(inner, ast.Name) and own.binds(inner.id)
               for inner in walk_nodes(node)):
            continue
        found[attribute] = node
    return found


def _field_default_value(call: ast.Call) -> ast.expr | None:
    """What ``field(default=X)`` or ``field(default_factory=lambda: X)`` (or
    ``default_factory=list``) gives an instance, and pydantic's ``Field(X)`` too;
    None for another call."""
    maker = (dotted(call.func) or "").rpartition(".")[2]
    if maker == "Field" and len(call.args) == 1 and not any(
            keyword.arg in ("default", "default_factory") for keyword in call.keywords):
        default = call.args[0]
        # ``Field(...)``: a required field, with no default.
        return None if isinstance(default, ast.Constant) and default.value is ... else default
    if maker not in ("field", "Field") or call.args:
        return None
    for keyword in call.keywords:
        if keyword.arg == "default":
            return keyword.value
        # attrs spells ``default_factory`` as ``factory``.
        if keyword.arg in ("default_factory", "factory"):
            factory = keyword.value
            if isinstance(factory, ast.Lambda) and not (
                factory.args.args or factory.args.posonlyargs or factory.args.kwonlyargs
                or factory.args.vararg or factory.args.kwarg
            ):
                return factory.body
            if isinstance(factory, ast.Name) and factory.id in _EMPTY_FACTORIES:
                return ast.List(elts=[], ctx=ast.Load())
            return None
    return None


# The SDK's client classes, of every API version.
_CLIENT_CLASSES = _V2.client_classes | API_VERSIONS["v3"].surface().client_classes
# Methods by which a class's instance may be or make text (or a URL object).
_TEXT_HOOKS = frozenset({"__new__", "__str__", "__repr__", "__format__", "__fspath__"})
# A callable chosen at run time longer than this is cut in messages.
_MAX_CALLEE_TEXT = 60
# Words in a name that may hold a URL (``url``, ``base_uri``, ``SEND_ENDPOINT``).
_URL_WORDS = ("url", "uri", "endpoint", "path", "host", "base", "link", "route", "server")


# Dict methods that give the item of a key, which a method called on it may change.
_ITEM_GETTERS = frozenset({"setdefault", "get", "pop"})

# The expressions a constant or class attribute read as scopes may be bound to.
# Expressions whose value is a container: never a URL.
_NOT_URLS = (ast.Tuple, ast.List, ast.Set, ast.Dict, ast.ListComp, ast.SetComp,
             ast.DictComp, ast.GeneratorExp)
_SCOPE_VALUE_NODES = (ast.List, ast.Tuple, ast.Set, ast.Constant, ast.BinOp, ast.Call,
                      ast.ListComp, ast.SetComp)
# A class body may bind a module's list as it is (``scopes = SCOPES``): the very
# object, which the module's facts follow as the class's (``ModuleFacts.class_lists``).
_CLASS_VALUE_NODES = (*_SCOPE_VALUE_NODES, ast.Name, ast.Attribute)


def _iterated_enum(cls: ast.ClassDef, wants_value: bool) -> ast.ListComp:
    """``[s.value for s in Scope]`` (or ``[s for s in Scope]``), written where the
    class is."""
    member: ast.expr = ast.Name(id="s", ctx=ast.Load())
    if wants_value:
        member = ast.Attribute(value=member, attr="value", ctx=ast.Load())
    loop = ast.comprehension(target=ast.Name(id="s", ctx=ast.Store()),
                             iter=ast.Name(id=cls.name, ctx=ast.Load()), ifs=[], is_async=0)
    made = ast.ListComp(elt=member, generators=[loop])
    for node in walk_nodes(made):
        ast.copy_location(node, cls)
    return made


def _kept_as_scopes(name: str, value: ScopeValue) -> bool:
    """Whether a module constant or class attribute read as ``value`` is kept for
    other modules: its name says scopes, or its items name one (``GOOGLE =
    ["https://www.googleapis.com/auth/gmail.send"]``: provider scopes tell a list
    whatever its name).  Only these are kept, so that the cached facts stay small."""
    named = "scope" in name.lower()
    if value.state is ValueState.ITEMS:
        # A string of scopes split on whitespace by its readers names them word by word.
        return named or any(names_a_scope(word) for item in value.items
                            for word in item.text.split())
    return named and (value.state is ValueState.EMPTY
                      or bool(value.alternatives or value.splices))


def _class_statement_names(statement: ast.stmt) -> Iterator[str]:
    """The names a statement of a class body binds: a definition's, or the plain
    names its targets bind."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
        yield statement.name
    elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
        targets = statement.targets if isinstance(statement, ast.Assign) else [
            statement.target]
        yield from (target.id for target in targets if isinstance(target, ast.Name))


def _names_scopes_elsewhere(attribute: str, node: ast.expr, value: ScopeValue) -> bool:
    """Whether a class attribute named for scopes is bound to another module's name
    as it is (``scopes = GOOGLE_SCOPES`` imported, ``scopes = settings.GOOGLE``):
    kept as that reference, which the project index reads."""
    return "scope" in attribute.lower() and isinstance(node, (ast.Name, ast.Attribute)) and (
        value.state is ValueState.UNRESOLVED and bool(value.reference))


def may_hold_class_scopes(attribute: str) -> bool:
    """Whether a class attribute of this name is read as scopes when it holds them
    (see ``Extractor._class_scope_constants``): a name that says scopes, or a
    constant's upper-case name (``GOOGLE = [...]`` of provider scopes)."""
    return "scope" in attribute.lower() or bool(CONSTANT_NAME.match(attribute))


def _statements_with_depth(body: list[ast.stmt]) -> Iterator[tuple[ast.stmt, bool]]:
    """Every statement of a module, nested ones included, each with whether it sits
    in a function (or a class) rather than in the module's own body.  (Dispatched on
    each node's class, which the parser never subclasses: whether it is a statement,
    a definition, and which of its fields may hold a block, found once per class.)"""
    stack: list[tuple[ast.AST, bool]] = [(node, False) for node in reversed(body)]
    kinds = _DEPTH_KINDS
    while stack:
        node, nested = stack.pop()
        kind = node.__class__
        known = kinds.get(kind)
        if known is None:
            known = kinds[kind] = (issubclass(kind, ast.stmt), issubclass(kind, _DEFINITIONS),
                                   block_fields(kind))
        statement, definition, fields = known
        if statement:
            yield cast(ast.stmt, node), nested
        inner = nested or definition
        for name in fields:
            block = getattr(node, name, None)
            if isinstance(block, list):
                stack.extend((child, inner) for child in reversed(block))


_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
# A node's class to whether it is a statement, whether a definition, and the fields
# that may hold a block (see ``block_fields``), filled as classes are met.
_DEPTH_KINDS: dict[type[ast.AST], tuple[bool, bool, tuple[str, ...]]] = {}
# The methods whose call as a statement changes the object it is called on.
_CHANGING_METHODS = LIST_MUTATORS | DICT_MUTATORS | IN_PLACE_DUNDERS
# The statements ``_changed_values`` reads, by class (the parser makes no subclasses).
_CHANGING_STATEMENTS: frozenset[type[ast.AST]] = frozenset({
    ast.Global, ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Delete})
# How ``_changed_values`` says a statement changes a container's items.
_ITEM_CHANGES = frozenset({"item", "call", "augment"})


def _changed_values(
    statement: ast.stmt, nested: bool = False
) -> Iterator[tuple[ast.expr, str]]:
    """The values a statement changes or binds again, each with how (see
    ``Extractor._note_change``); ``nested``: the statement sits in a function or a
    class."""
    if statement.__class__ not in _CHANGING_STATEMENTS:
        # Only these kinds are read below (``hands_code_runner_on`` too reads only an
        # assignment or an expression): the others, most statements, change nothing.
        return
    if isinstance(statement, ast.Global):
        for name in statement.names:
            yield ast.Name(name, ast.Load()), "global"
        return
    if isinstance(statement, ast.Expr):
        call = statement.value
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr in _CHANGING_METHODS):
            # (Also ``SCOPES.__iadd__(x)``, the operator's method called by name.)
            yield _namespace_member(call.func.value) or (_container(call.func.value), "call")
        elif isinstance(call, ast.Call) and (written := member_written(call)) is not None:
            # ``setattr(Config, "SCOPES", [...])`` binds the attribute again, and
            # ``monkeypatch.setattr(views, "client", fake)`` too.
            yield ast.Attribute(written[0], written[1], ast.Store()), "rebind"
        elif (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
              and call.func.attr in ("__setattr__", "__delattr__") and len(call.args) >= 2
              and isinstance(call.args[1], ast.Constant)
              and isinstance(call.args[1].value, str)):
            # ``object.__setattr__(settings, "scopes", [...])`` past a frozen dataclass.
            yield ast.Attribute(call.args[0], call.args[1].value, ast.Store()), "rebind"
        elif (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
              and call.func.attr in ("__setattr__", "__delattr__") and call.args
              and isinstance(call.args[0], ast.Constant)
              and isinstance(call.args[0].value, str)):
            # ``settings.__setattr__("SCOPES", [...])``: the bound method, as ``setattr``.
            yield ast.Attribute(call.func.value, call.args[0].value, ast.Store()), "rebind"
        elif runs_code_in_own_namespace(call) or hands_code_runner_on(statement):
            # ``exec("SCOPES.append('calendar')")``: the code runs in the caller's
            # globals, as with ``exec(code, globals())``, and may bind any of them;
            # so may ``exec`` handed on (``pool.submit(exec, code)``).
            yield _OWN_GLOBALS, "namespace"
        return
    if hands_code_runner_on(statement):
        # ``run = exec``, then ``run("SCOPES.append('calendar')")``.
        yield _OWN_GLOBALS, "namespace"
    value = getattr(statement, "value", None)
    if isinstance(statement, (ast.Assign, ast.AnnAssign)) and isinstance(
            value, ast.expr) and namespace_owner(value) is not None:
        # ``namespace = vars(config)``: whatever the name is then given to may write
        # any attribute of the object (or, for ``globals()``, any global).
        yield namespace_owner(value) or value, "namespace"
    targets: list[ast.expr] = []
    if isinstance(statement, (ast.Assign, ast.Delete)):
        targets = statement.targets
    elif isinstance(statement, (ast.AugAssign, ast.AnnAssign)):
        targets = [statement.target]
    for target in targets:
        member = _namespace_member(target) if isinstance(target, ast.Subscript) else None
        if member is not None:
            yield member
        elif isinstance(target, ast.Subscript):
            yield _container(target), "item"
        elif isinstance(target, ast.Attribute):
            yield target, "rebind"
        elif isinstance(target, ast.Name) and isinstance(statement, ast.AugAssign):
            # ``SCOPES += [...]`` extends a list in place, and binds the name again.
            yield target, "augment"
        elif not nested and isinstance(target, ast.Name) and _reads_name(
                getattr(statement, "value", None), target.id):
            # ``SCOPES = [*SCOPES, "email.send"]``: a new list made from the value the
            # name held before (a star import's), which this one binding does not say.
            yield target, "extend"


# Stands for the module's own namespace, ``globals()``, where a statement writes it
# through another spelling.
_OWN_GLOBALS = ast.Call(ast.Name("globals", ast.Load()), [], [])


def _own_namespace(node: ast.expr) -> ast.expr | None:
    """The namespace whose names ``node`` holds, as ``namespace_owner`` says, and
    ``vars()`` or ``locals()`` given nothing: the module's own names at its top
    level.  (In a function they are its own names, which a write there does not
    bind; read as the module's, a write there may only leave more lists unread.)"""
    owner = namespace_owner(node)
    if owner is None and isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
            node.func.id in ("vars", "locals") and not node.args and not node.keywords):
        return _OWN_GLOBALS
    if _is_own_module_object(owner):
        # ``sys.modules[__name__].__dict__``: the module's own names, as ``globals()``.
        return _OWN_GLOBALS
    return owner


def _is_own_module_object(node: ast.expr | None) -> bool:
    """``sys.modules[__name__]``, as written (another ``modules`` read so may only
    leave more lists unread)."""
    return (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Name)
            and node.slice.id == "__name__" and isinstance(node.value, ast.Attribute)
            and node.value.attr == "modules")


def _namespace_member(node: ast.expr) -> tuple[ast.expr, str] | None:
    """What a change through an object's namespace dict changes, and how (see
    ``Extractor._note_change``): ``settings.__dict__["SCOPES"]``, ``vars(config)[...]``
    and ``globals()[...]`` hold the attribute or global of that name, and a change
    by a key that cannot be read (``settings.__dict__.update(...)``) may change any
    of them ("namespace": the object itself, or ``globals()``).  None for any other
    value."""
    key: ast.expr | None = None
    owner = _own_namespace(node)
    while owner is None:
        if isinstance(node, ast.Subscript):
            key, node = node.slice, node.value
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in _ITEM_GETTERS and node.args):
            # ``settings.__dict__.setdefault("SCOPES", []).append(...)``
            key, node = node.args[0], node.func.value
        else:
            return None
        owner = _own_namespace(node)
    name = key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else ""
    if not name.isidentifier():
        return owner, "namespace"
    if isinstance(owner, ast.Call):  # ``globals()["SCOPES"]``: the module's own name
        return ast.Name(name, ast.Load()), "global"
    return ast.Attribute(owner, name, ast.Load()), "rebind"


def _reads_name(value: ast.expr | None, name: str) -> bool:
    return value is not None and any(
        isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load)
        for node in walk_nodes(value)
    )


def _changed_lists(tree: ast.Module) -> set[str]:
    """The names a module calls a method on (``TRIGGERS.append(...)``), adds to with
    ``+=`` or declares ``global``."""
    found: set[str] = set()
    for node in walk_nodes(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(
                node.func.value, ast.Name):
            found.add(node.func.value.id)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            found.add(node.target.id)
        elif isinstance(node, ast.Global):
            found.update(node.names)
    return found


def _trigger_text(node: ast.expr) -> str:
    """A webhook's trigger list as the code writes it, shortened for a message."""
    try:
        text = " ".join(ast.unparse(node).split())
    except (ValueError, TypeError, AttributeError, RecursionError):
        return "a list"
    return repr(text if len(text) <= 50 else text[:47] + "...")


def _augmented_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The names ``function`` extends in place (``scopes += [...]``)."""
    return {node.target.id for node in walk_nodes(function)
            if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name)}


def _container(node: ast.expr) -> ast.expr:
    """The value whose item an item store or a method call changes."""
    while isinstance(node, ast.Subscript):
        node = node.value
    return node


def _takes_fallback(default: ast.expr, any_false: bool) -> bool:
    """Whether a parameter's own default is replaced by the body's fallback: None, or
    an empty literal where every false value is."""
    if isinstance(default, ast.Constant):
        return default.value is None or (any_false and default.value in ("", b""))
    empty = isinstance(default, (ast.List, ast.Tuple, ast.Set, ast.Dict)) and not (
        default.keys if isinstance(default, ast.Dict) else default.elts)
    return any_false and empty


def _parameter_default(
    function: ast.FunctionDef | ast.AsyncFunctionDef, name: str
) -> ast.expr | None:
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    offset = len(positional) - len(args.defaults)
    for index, arg in enumerate(positional):
        if arg.arg == name and index >= offset:
            return args.defaults[index - offset]
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        if arg.arg == name:
            return default
    return None


def _names_nylas(text: str) -> bool:
    return "nylas" in text.lower()


def _names_a_v2_resource(text: str) -> bool:
    """Whether a string is a URL on a Nylas host with a path past the host that is
    not API v3's (``"https://api.nylas.com/threads/{id}"``)."""
    path = nylas_v2_path(text, _HOLE)
    return path is not None and path.strip("/") != ""


def _may_be_v3(text: str) -> bool:
    """Whether a string may hold an API v3 path, from the root or relative to it."""
    return spells_v3(text) or spells_grants(text)


def _is_str_format(node: ast.Call) -> bool:
    """``"...".format(...)`` with a literal template."""
    return (
        isinstance(node.func, ast.Attribute) and node.func.attr == "format"
        and _is_str_constant(node.func.value)
    )


def _is_url_text(node: ast.expr) -> bool:
    """A string this module builds from literals (``BASE + "/oauth/authorize"``) that
    holds no query of its own: read where it is used, as part of the URL there."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and "?" not in node.value
    if isinstance(node, ast.JoinedStr):
        return all(
            isinstance(value, ast.FormattedValue) or "?" not in str(getattr(value, "value", ""))
            for value in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal_string_free_of_query(node)
    return False


def _literal_string_free_of_query(node: ast.BinOp) -> bool:
    return not any(
        isinstance(part, ast.Constant) and isinstance(part.value, str) and "?" in part.value
        for part in walk_nodes(node)
    )


def _literal(value: str | None, anchor: ast.expr) -> ast.expr:
    """A piece of a format template, placed where the template is (a hole for None)."""
    return ast.copy_location(ast.Constant(value=value), anchor)


def _is_str_constant(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_true(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _argument(node: ast.Call, name: str, position: int) -> ast.expr | None:
    value = keyword_value(node, name)
    if value is not None:
        return value
    positional = node.args
    if any(isinstance(arg, ast.Starred) for arg in positional[: position + 1]):
        return None
    return positional[position] if len(positional) > position else None


def extract_module(
    tree: ast.Module, path: str, lines: Sequence[str], module_name: str = ""
) -> ModuleFacts:
    """The scope-request facts of one parsed module."""
    return Extractor(path, lines, module_name).extract(tree)


__all__ = ["Extractor", "extract_module"]


def _is_overload(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A ``typing.overload`` signature: only the last definition runs."""
    return any(dotted(decorator).rsplit(".", 1)[-1] == "overload"
               for decorator in function.decorator_list)


def _may_name_a_request_method(node: ast.expr) -> bool:
    """Whether the name ``getattr`` reads may be a request method (``verb``,
    ``method.lower()``): not one built around text no method has
    (``f"sync_{kind}"``), nor the grant's provider (``getattr(handlers,
    grant.provider)`` picks a handler, not a verb)."""
    pattern = member_pattern(node)
    if pattern == ANY_MEMBER:
        return not names_a_provider(node)
    return any(member_matches(pattern, name) for name in (*HTTP_METHODS, "request"))


def _immutable_item(item: ast.Subscript, bindings: Bindings) -> bool:
    """Whether ``item`` (``CONFIG["redirect_uri"]``) reads, by a constant key, a value
    no code can change from a dict display the module binds once: a string or a
    number written at that key after every spread (``{**BASE, "key": ...}``) and
    written nowhere else (no item store at the key, no ``update``).  Handing it to a
    call gives no part of the dict away."""
    name, key = item.value, item.slice
    if not (isinstance(name, ast.Name) and isinstance(key, ast.Constant)
            and isinstance(key.value, str)) or name.id in bindings.imported:
        return False
    value = bindings.values.get(name.id)
    if not isinstance(value, ast.Dict) or name.id in bindings.opaque_writes or (
            key.value in bindings.key_writes.get(name.id, {})):
        return False
    at = [index for index, written in enumerate(value.keys)
          if isinstance(written, ast.Constant) and written.value == key.value]
    if len(at) != 1 or any(written is None for written in value.keys[at[0]:]):
        return False
    return mutable_levels(value.values[at[0]], bindings.values) == 0
