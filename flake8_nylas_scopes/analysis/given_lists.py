"""Where a module gives a list or dict to code that may change it.

A module-level scope list (or an auth config dict) is read from its one assignment,
so every place that may change it must be seen.  Another module gets the very same
object through an import (``from config import SCOPES``, ``config.SCOPES``) and may
give it to a function whose body the reading does not follow, which may append to it
(``enable_mail(SCOPES)``).  The extractor asks here where a module gives such a value
away, and then reads the list as unknown.

Calls known only to look at what they are given give nothing away: builtins that
read or copy (``len``, ``sorted``, ``list``), ``" ".join``, ``print``, a logger's
methods, and the OAuth requests that take the scopes (Nylas's own, and those of the
OAuth libraries).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Union

from .ast_names import dotted
from .fast_visit import FastVisitor
from .bindings import (
    DICT_MUTATORS,
    IN_PLACE_DUNDERS,
    LIST_MUTATORS,
    READING_CALLS,
    hand_overs,
    is_container,
)
from .flask_config import (
    CONFIG_SETTERS, FLASK_CONFIG_METHODS, config_key, is_app_config, names_scopes,
    settings_read,
)
from .list_fates import FORWARDS, UNKNOWN_DEPTH, Fate, Slot, follow
from .namespaces import member_key, namespace_owner
from .star_names import CONSTANT_NAME
from .tree_walk import walk_nodes

# The dotted name an expression refers to through imports (None when it names none).
Qualify = Callable[[ast.expr], "str | None"]

# Builtins that only look at what they are given, or copy its items.
_READING_BUILTINS = frozenset({
    "print", "len", "repr", "str", "bool", "isinstance", "id", "hash", "format",
    "sorted", "list", "tuple", "set", "frozenset", "dict", "any", "all", "min", "max",
    "enumerate", "zip", "reversed", "iter", "hasattr", "dir", "callable", "type",
})
# Functions of the standard library that read what they are given, or copy it.
_READING_FUNCTIONS = frozenset({
    "json.dumps", "copy.copy", "copy.deepcopy", "urllib.parse.urlencode",
    "itertools.chain", "itertools.chain.from_iterable", "itertools.islice",
    "urllib.parse.quote", "urllib.parse.quote_plus", "pprint.pformat", "pprint.pprint",
    # A record's copy with some fields changed, as ``copy.copy`` makes one.
    "dataclasses.replace",
    # Runs the module's code again: its names are bound to what their assignments say.
    "importlib.reload",
})
# Methods that copy the upper-case names of the module or object they are given into
# a configuration: Flask's ``app.config.from_object(config)``, Celery's
# ``celery.config_from_object(config)``.
_CONFIG_LOADERS = frozenset({"from_object", "config_from_object"})
# A string's methods that read their arguments: ``" ".join(SCOPES)``.
_STRING_METHODS = frozenset({"join", "format"})
# A logger's methods (``log.info("asking for %s", SCOPES)``), on a receiver whose
# name says it is one (``logging``, ``logger``, ``self.log``, ``current_app.logger``).
_LOGGER_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception",
                             "critical", "log"})
# Libraries whose calls take scopes and only read them: the Nylas SDK's request types
# (``URLForAuthenticationConfig(scope=SCOPES)``), the OAuth libraries
# (``Flow.from_client_secrets_file("client.json", scopes=SCOPES)``) and the HTTP
# libraries, which send what they are given (``requests.get(url, params=PARAMS)``).
_READING_LIBRARIES = ("nylas", "google_auth_oauthlib", "google.oauth2", "google.auth",
                      "requests_oauthlib", "oauthlib", "authlib", "msal", "requests",
                      "httpx", "aiohttp", "urllib.request")
# The request methods of an HTTP client named for one (``session.post(url,
# json=PAYLOAD)``, ``self.http.get(...)``), which send what they are given.
_REQUEST_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options",
                              "request"})
_HTTP_CLIENT_WORDS = ("session", "http")
# Methods of a configuration that take one key's value out, or set it when missing.
_CONFIG_ITEM_METHODS = frozenset({"get", "setdefault", "pop"})


# Every name by which a call is taken to only read what it is given.
_READING_NAMES = _READING_BUILTINS | _LOGGER_METHODS | READING_CALLS
# Every reading call's name: what a module may shadow, where it is not yet known which.
ALL_READING_NAMES = frozenset(_READING_NAMES)
READING_BUILTINS = _READING_BUILTINS
LOGGER_METHODS = _LOGGER_METHODS


def shadowed_reading_calls(module: ast.Module, binds: Callable[[str], bool]) -> frozenset[str]:
    """The names of reading calls (``len``, ``print``, a logger's ``info``) that the
    module gives a meaning of its own: binds itself (``def len(x): x.append(...)``,
    an import, an assignment) or defines as a method of one of its classes (``def
    info(self, scopes): scopes.append(...)``).  A call by such a name may change what
    it is given."""
    found = {name for name in _READING_NAMES if binds(name)}
    for statement in module.body:
        if isinstance(statement, ast.ClassDef):
            found.update(member.name for member in statement.body if isinstance(
                member, (ast.FunctionDef, ast.AsyncFunctionDef)) and member.name in _READING_NAMES)
    return frozenset(found)


def only_reads(call: ast.Call, qualify: Qualify, auth_methods: frozenset[str]) -> bool:
    """Whether ``call`` only looks at the arguments it is given: no code the reading
    of a list's assignment does not see gets to keep or change them.  ``auth_methods``:
    the names of the Nylas SDK's methods that take the scopes of a request."""
    func = call.func
    if isinstance(func, ast.Name) and func.id in _READING_BUILTINS:
        return True
    if isinstance(func, ast.Attribute) and func.attr in auth_methods:
        return True
    if isinstance(func, ast.Attribute) and func.attr in _STRING_METHODS and isinstance(
            func.value, ast.Constant) and isinstance(func.value.value, str):
        return True
    receiver = (dotted(func.value) or "").lower() if isinstance(func, ast.Attribute) else ""
    if isinstance(func, ast.Attribute) and func.attr in _LOGGER_METHODS and "log" in receiver:
        return True
    if isinstance(func, ast.Attribute) and func.attr in _REQUEST_METHODS and any(
            word in receiver for word in _HTTP_CLIENT_WORDS):
        return True
    if isinstance(func, ast.Attribute) and func.attr in _CONFIG_LOADERS:
        return True
    name = qualify(func) or ""
    return name in _READING_FUNCTIONS or reads_only_library(name)


def reads_only_library(name: str) -> bool:
    """Whether the dotted ``name`` is of a library whose calls only read what they
    are given (see ``_READING_LIBRARIES``)."""
    return any(name.startswith(library + ".") for library in _READING_LIBRARIES)


Function = Union[ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda]
_LOOPS = (ast.For, ast.AsyncFor, ast.While)
# Builtins that give or change a namespace or one of its members (``vars(config)``,
# ``getattr(config, name)``): the calls ``_GivenFinder._namespace_call`` looks at.
_NAMESPACE_BUILTINS = frozenset({"vars", "globals", "getattr", "setattr", "delattr"})
# Members that, read by a constant name and called, change their owner in place:
# a list's or dict's changing methods and the operators' own (``__iadd__``).
_OWN_CHANGES = LIST_MUTATORS | DICT_MUTATORS | IN_PLACE_DUNDERS
# The attribute a call reads by a constant name (see ``given_away``).
AttributeRead = Callable[[ast.Call], "ast.Attribute | None"]
# The values that may be a module object named at run time.
_MODULE_VALUES = (ast.Subscript, ast.Call)
Def = Union[ast.FunctionDef, ast.AsyncFunctionDef]
# Whether a name is known to hold no Flask application where it is read, in the body
# of a function (None: at module level or in a class body), and whether the module's
# bindings are the ones in force there (module level, or a module-level function).
NotAnApp = Callable[[ast.expr, "Def | None", bool], bool]
# Scopes that may bind a name of their own, for which the module's binding is not the
# one in force.
_OWN_NAMES = (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


@dataclass
class GivenLists:
    """What :func:`given_away` finds in one walk of a module."""

    # The watched values given to code that may change them, each with the call it
    # is given to and where among its arguments (see ``Slot``); the call is None for
    # a value another name takes (``scopes = SCOPES``), which any code may then
    # change, or one that goes where no rule follows it (``return SCOPES``).
    given: list[tuple[ast.expr, ast.Call | None, Slot]] = field(default_factory=list)
    # The watched values only whose items (the lists an auth config holds) go to
    # code that may change them (``dict(CONFIG)["scope"].append(...)``).
    parts: list[ast.expr] = field(default_factory=list)
    # The watched values made the default of a parameter (``def add(scope,
    # scopes=SCOPES)``), each with the function and the parameter: every call that
    # leaves the parameter out gives the function that very object.
    defaults: list[tuple[ast.expr, Function, str]] = field(default_factory=list)
    # Of the values another name takes, those a plain local name of a function takes
    # (``scopes = SCOPES`` in its body), with the function and the name.
    local_names: list[tuple[ast.expr, Def, str]] = field(default_factory=list)
    # The watched values a container a function's local name holds keeps, or whose
    # items it keeps (``config = {"scope": SCOPES}``, ``config = dict(CONFIG)``,
    # ``params["scope"] = SCOPES``), with the function, the name and whether only
    # items: whatever changes that container's items may change the value.
    local_holders: list[tuple[ast.expr, Def, str, bool]] = field(default_factory=list)
    # The same for a container a module-level name holds (``CONFIG = {**BASE,
    # "scope": SCOPES}``): the value is changed wherever that name's is.
    held: list[tuple[ast.expr, str, bool]] = field(default_factory=list)
    # The watched values a top-level class body binds as they are to one of its
    # names (``class Google: scopes = SCOPES``), with the class and the name: the
    # class attribute is the very object, changed wherever the attribute may be.
    class_held: list[tuple[ast.expr, str, str]] = field(default_factory=list)
    # The watched values a module-level function returns, with its name and whether
    # only their items: changed wherever code may change what the function returns.
    returned: list[tuple[ast.expr, str, bool]] = field(default_factory=list)
    # The module's functions whose results (or the functions themselves) go where
    # no rule follows them (``get_scopes().append(...)``, ``register(get_scopes)``).
    escaped: set[str] = field(default_factory=set)
    # The objects whose namespace goes to code that may bind or change any of its
    # names (``apply(vars(config))``, ``configure(globals())``): the object, or the
    # ``globals()`` call for the module's own.
    namespaces: list[ast.expr] = field(default_factory=list)
    # The calls that load Flask's configuration from an object
    # (``app.config.from_object(...)``): which object, the extractor reads.
    config_loads: list[ast.Call] = field(default_factory=list)
    # The names bound to a module object named at run time (``module =
    # sys.modules[name]``), in any scope of the module.
    module_names: set[str] = field(default_factory=set)


def given_away(
    tree: ast.AST, watched: Callable[[ast.expr], bool],
    reads: Callable[[ast.Call], bool], depth: Callable[[ast.expr], int],
    known: Callable[[ast.Name], bool], functions: frozenset[str],
    results: Callable[[ast.expr], bool], names: frozenset[str],
    foreign: Callable[[ast.Call], bool] = lambda call: False,
    unnamed: Callable[[ast.expr], bool] = lambda node: False,
    not_an_app: NotAnApp = lambda receiver, function, top: False,
    gives_back: Callable[[ast.Call], bool] = lambda call: False,
    immutable_item: Callable[[ast.Subscript], bool] = lambda item: False,
    closed_class: Callable[[ast.ClassDef], bool] = lambda cls: False,
    attribute_read: AttributeRead | None = None,
    field_read: Callable[[ast.Attribute], bool] = lambda node: False,
) -> GivenLists:
    """Where ``tree`` gives the watched values to code that may change them.  One
    pass of a ``FastVisitor``: this runs on every module of a project that uses
    Nylas.  ``depth``: how many levels of a watched value can change (see
    ``list_fates``); ``known``: whether a watched name is known to be a list or dict
    (the module's own), rather than any name an import binds; ``functions``: the
    module's functions, whose results are followed where they are called.  A call
    of a watched name (an imported function) is followed too: the root of an entry
    may be that call, when ``results`` says the function called may be one of the
    project's (not the standard library's).  ``names``: every name ``watched`` may
    say yes to.  ``foreign``: whether a call's function (or class) is another
    module's, whose result a function's local name takes: its uses are followed in
    this walk (see ``_GivenFinder._kept_result``), sparing a walk of the function.
    ``unnamed``: whether a value is a module object named at run time, any of whose
    names a use of its namespace may change.  ``not_an_app``: whether the object of
    ``X.config`` is known to be no Flask application (see ``NotAnApp``); any other
    may be one.  ``gives_back``: whether a ``get`` call with a default is a dict's
    (``SCOPES.get(plan, DEFAULT)``), whose value may be the default itself.
    ``immutable_item``: whether an item read by a constant key holds a value no code
    can change (a dict display's string), which gives no part of the dict away.
    ``closed_class``: whether a class only code of the project gets when it is
    made (see ``Extractor._closed_class``): one deriving from a watched class takes
    nothing from it that the project's code does not show.  ``attribute_read``: the
    attribute a call reads by a constant name (``operator.attrgetter("scopes")(p)``
    reads ``p.scopes``), None for any other call; None where no call can be one.
    ``field_read``: whether an attribute read is of a field of a record instance the
    module makes (``config.api_key`` of ``config = Config(...)``), whose value holds
    no other part of the instance."""
    finder = _GivenFinder(watched, reads, depth, known, functions, results, names)
    finder.foreign, finder.unnamed, finder.not_an_app = foreign, unnamed, not_an_app
    finder.gives_back, finder.immutable_item = gives_back, immutable_item
    finder.closed_class = closed_class
    finder.attribute_read = attribute_read
    finder.field_read = field_read
    finder.visit(tree)
    return finder.found


def followed_attribute(node: ast.Attribute) -> bool:
    """Whether every use of an attribute is followed (``config.SCOPES``,
    ``self.NYLAS_AUTH``), rather than its hand-overs to calls only: a name that says
    scopes or a constant's, the names read as scopes across modules."""
    return "scope" in node.attr.lower() or bool(CONSTANT_NAME.match(node.attr))


class _GivenFinder(FastVisitor):
    def __init__(self, watched: Callable[[ast.expr], bool],
                 reads: Callable[[ast.Call], bool], depth: Callable[[ast.expr], int],
                 known: Callable[[ast.Name], bool], functions: frozenset[str],
                 results: Callable[[ast.expr], bool], names: frozenset[str]) -> None:
        self.watched, self.reads, self.depth, self.known = watched, reads, depth, known
        self.functions, self.results = functions, results
        # Names any use of which may matter: a cheap test first, for every name.
        self.names = functions | names
        # The module-level function whose own body holds the node visited.
        self.top_function: Def | None = None
        self.found = GivenLists()
        # The function whose body holds the node visited (None at module or class
        # level, or in a lambda), for what another name of that function takes.
        self.function: Def | None = None
        self.module_level = True
        # The nodes above the one visited, the nearest last: where a use goes.
        self.ancestors: list[ast.AST] = []
        self.foreign: Callable[[ast.Call], bool] = lambda call: False
        # Whether a value is a module object named at run time (see ``namespaces``).
        self.unnamed: Callable[[ast.expr], bool] = lambda node: False
        # The function's local names that hold what another module's function
        # returns, each with those calls (see ``_kept_result``), and whether the
        # function defines closures or declares names global, which may use the names
        # where this walk does not follow them.
        self.kept_results: dict[str, list[ast.Call]] = {}
        # The function's local names that are another name for a watched list or
        # dict of this module (``scopes = SCOPES``), each with the watched uses they
        # took: their own uses are followed in this walk as the watched name's are.
        self.kept_aliases: dict[str, list[ast.Name]] = {}
        self.closures = False
        self.not_an_app: NotAnApp = lambda receiver, function, top: False
        # Whether a ``get`` call is a dict's, which gives back its default as it is.
        self.gives_back: Callable[[ast.Call], bool] = lambda call: False
        # Whether an item read holds a value no code can change (a string).
        self.immutable_item: Callable[[ast.Subscript], bool] = lambda item: False
        # How many definitions (functions, classes, lambdas) hold the node visited.
        self.definitions = 0
        self.closed_class: Callable[[ast.ClassDef], bool] = lambda cls: False
        # The attribute a call reads by a constant name other than ``getattr``'s
        # (``operator.attrgetter("scopes")(provider)``); None where the module
        # makes no such call.
        self.attribute_read: AttributeRead | None = None
        self.field_read: Callable[[ast.Attribute], bool] = lambda node: False

    def generic_visit(self, node: ast.AST) -> None:
        # ``FastVisitor.generic_visit``, keeping the nodes above the one visited.  Its
        # loop is repeated here, not called: a call would take two frames per level
        # of nesting, and a file nested some hundreds deep (which ``ast`` reads)
        # would meet the recursion limit.
        ancestors = self.ancestors
        ancestors.append(node)
        dispatch = self._dispatch
        fields = self._fields_of.get(node.__class__)
        for name in node._fields if fields is None else fields:
            value = getattr(node, name, None)
            if value.__class__ is list:
                for child in value:
                    handler = dispatch.get(child.__class__)
                    if handler is not None:
                        handler(self, child)
            else:
                handler = dispatch.get(value.__class__)
                if handler is not None:
                    handler(self, value)
        ancestors.pop()

    def visit_Name(self, node: ast.Name) -> None:
        name = node.id
        if self.kept_results and name in self.kept_results and (
                node.ctx.__class__ is ast.Load):
            fate = follow(node, self.ancestors, UNKNOWN_DEPTH, self.reads, False, False)
            if fate.kind != "kept":
                self._results_given(name, fate.part)
        if self.kept_aliases and name in self.kept_aliases and (
                node.ctx.__class__ is ast.Load):
            self._alias_use(node, self.kept_aliases[name])
        if name in self.names and node.ctx.__class__ is ast.Load:
            if name in self.functions:
                self._function_use(node)
            elif self.watched(node):
                self._follow(node, self.known(node))

    def _function_use(self, node: ast.Name) -> None:
        fate = follow(node, self.ancestors, UNKNOWN_DEPTH, self.reads, False)
        if fate.kind == "called":
            self._follow_result()
        elif fate.kind != "kept":
            self.found.escaped.add(node.id)

    def _follow_result(self) -> None:
        # ``get_scopes().append(...)``: the call's result goes where the call does.
        call = self.ancestors[-1]
        assert isinstance(call, ast.Call)
        if not self.results(call.func):
            return
        self.ancestors.pop()
        try:
            self._take(call, follow(call, self.ancestors, UNKNOWN_DEPTH, self.reads, False))
        finally:
            self.ancestors.append(call)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.ctx.__class__ is ast.Load:
            parent = self.ancestors[-1] if self.ancestors else None
            if node.attr == "__dict__" and (self.watched(node.value) or self._unnamed(
                    node.value)):
                self._namespace(node, node.value)
            elif node.attr == "config" and self._app_config_use(node):
                self._app_config(node)
            if isinstance(parent, ast.Call) and parent.func is node:
                # ``config.get_scopes()``: what another module's function returns,
                # named through an import (its first name is one).
                head = node.value
                while isinstance(head, ast.Attribute):
                    head = head.value
                if isinstance(head, ast.Name) and head.id in self.names and (
                        self.watched(node)):
                    self._follow_result()
            elif followed_attribute(node) and self.watched(node):
                # A field of a record instance the module makes holds the field's
                # value itself, no namespace: a method of it the reading does not
                # know (``config.scopes.__iadd__([...])``) may change it.
                self._follow(node, self.field_read(node))
        self.generic_visit(node)

    def _follow(self, node: ast.Name | ast.Attribute, known: bool) -> None:
        parent = self.ancestors[-1] if self.ancestors else None
        if isinstance(parent, ast.Subscript) and parent.value is node and (
                parent.ctx.__class__ is ast.Load) and self.immutable_item(parent):
            return  # ``CONFIG["redirect_uri"]``: a string, which no code can change
        if isinstance(parent, ast.ClassDef) and any(base is node for base in parent.bases) and (
                self.closed_class(parent)):
            return  # a subclass whose own code the walk follows
        if isinstance(parent, ast.Attribute) and parent.value is node and (
                parent.ctx.__class__ is ast.Load) and self.field_read(parent):
            # ``config.api_key`` of ``config = Config(...)``: a field's value, no part of
            # the instance; a field that may hold scopes is followed as a use of its own.
            return
        fate = follow(node, self.ancestors, self.depth(node), self.reads, known,
                      gives_back=self.gives_back)
        if fate.kind == "called":
            self._follow_result()
            return
        self._take(node, fate)

    def _take(self, node: ast.expr, fate: Fate) -> None:
        found = self.found
        if fate.kind == "returned" and self.top_function is not None and (
                self.function is self.top_function):
            found.returned.append((node, self.top_function.name, fate.part))
        elif fate.kind in ("given", "returned", "called"):
            if fate.part:
                found.parts.append(node)
            else:
                found.given.append((node, fate.call, fate.slot))
        elif fate.kind == "bound":
            self._bound(node, fate)

    def _bound(self, node: ast.expr, fate: Fate) -> None:
        found = self.found
        if fate.loop_names:
            # A loop in a function over the items: they change where the function
            # changes or hands on a name the loop binds (``changes_items``).  Names
            # bound at module or class level, any code may reach.
            for name in fate.loop_names:
                if self.function is None:
                    self._take(node, Fate("given", fate.part))
                    break
                found.local_holders.append((node, self.function, name, fate.part))
            return
        if self.module_level:
            if fate.alias:
                found.given.append((node, None, None))
            else:
                found.held.append((node, fate.name, fate.part))
        elif self.function is None:
            # A class body's name is an attribute any code may reach: the project
            # index follows it as such where the class is a top-level one.
            cls = self._class_binding(fate)
            if cls is not None:
                found.class_held.append((node, cls.name, fate.name))
            elif fate.part:
                found.parts.append(node)
            else:
                found.given.append((node, None, None))
        elif fate.alias and self._kept_result(node, fate.name):
            pass
        elif fate.alias and self._kept_alias(node, fate.name):
            pass
        elif fate.alias:
            # ``scopes = SCOPES``: another name for the same object.
            found.given.append((node, None, None))
            found.local_names.append((node, self.function, fate.name))
        else:
            found.local_holders.append((node, self.function, fate.name, fate.part))

    def _class_binding(self, fate: Fate) -> ast.ClassDef | None:
        """The top-level class whose body binds the very object to one name by a
        statement of its own (``scopes = SCOPES``, ``scopes = A if pro else B``):
        None for any other binding (in a nested class, an unpacking, a walrus)."""
        ancestors = self.ancestors
        if not (fate.alias and fate.name and not fate.stored and len(ancestors) >= 3
                and isinstance(ancestors[0], ast.Module)):
            return None
        cls, statement = ancestors[1], ancestors[2]
        if not (isinstance(cls, ast.ClassDef) and isinstance(statement, (
                ast.Assign, ast.AnnAssign))):
            return None
        targets = statement.targets if isinstance(statement, ast.Assign) else [
            statement.target]
        if len(targets) != 1 or not isinstance(targets[0], ast.Name) or (
                targets[0].id != fate.name):
            return None
        # Only a choice between values (``A if pro else B``, ``A or B``) between the
        # statement and the use: each may be the very object the name binds.
        return cls if all(isinstance(above, FORWARDS) for above in ancestors[3:]) else None

    # -- Flask's configuration -----------------------------------------------------

    def visit_Subscript(self, node: ast.Subscript) -> None:
        value = node.value
        if isinstance(value, ast.Attribute) and value.attr == "config":
            self._config_item(node)
        self.generic_visit(node)

    def _config_item(self, node: ast.Subscript) -> None:
        """``X.config["NYLAS_SCOPES"]``: the list the key holds, followed as a module's
        list is; written other than by the one item store the extractor reads as the
        key's value, it may be anything.  A key that cannot be read of an
        application's configuration may be that one.  The configuration of an object
        known to be no application (a settings holder's ``self.config``) is not
        Flask's."""
        key = config_key(node)
        if (key and not names_scopes(key)) or not self._app_config_use(node.value):
            return
        if node.ctx.__class__ is ast.Load:
            # A list of strings: one level that can change.
            fate = follow(node, self.ancestors, 1, self.reads, True)
            if fate.kind == "kept":
                return
            if key:
                self._take(node, fate)
            else:
                self.found.namespaces.append(node.value)
            return
        parent = self.ancestors[-1] if self.ancestors else None
        if key and isinstance(parent, ast.Assign) and len(parent.targets) == 1:
            return  # the key's value, read where it is written
        if key:
            self.found.given.append((node, None, None))
        else:
            self.found.namespaces.append(node.value)

    def _items_followed(self, node: ast.expr) -> bool:
        """Whether an item of ``node`` given to a call is followed by itself, not as a
        part of the whole: an application's configuration, whose items
        ``_config_item`` follows by key (``Client(api_key=current_app.config["KEY"])``
        gives away the one key, which holds no scopes)."""
        return isinstance(node, ast.Attribute) and node.attr == "config" and (
            self._app_config_use(node))

    def _app_config_use(self, node: ast.expr) -> bool:
        """Whether ``node`` may be an application's configuration (see
        ``is_app_config``), asking ``not_an_app`` with the function whose body holds
        it and whether the module's bindings are the ones in force there: not in a
        nested definition, a class body or a lambda.  In a comprehension, which may
        bind the name itself, ``not_an_app`` is not asked."""
        function = self.function
        top = self.definitions == 0 or (self.definitions == 1 and function is not None)
        if any(isinstance(above, _OWN_NAMES) for above in self.ancestors):
            return is_app_config(node)
        return is_app_config(node, lambda receiver: self.not_an_app(receiver, function, top))

    def _app_config(self, node: ast.Attribute) -> None:
        """A use of an application's whole configuration: reading it, setting keys
        the extractor reads, and loading it from an object are followed; any other
        use may set any key."""
        ancestors = self.ancestors
        parent = ancestors[-1] if ancestors else None
        if isinstance(parent, ast.Subscript) and parent.value is node:
            return  # an item: see ``_config_item``
        call = ancestors[-2] if len(ancestors) >= 2 else None
        if isinstance(parent, ast.Attribute) and isinstance(call, ast.Call) and (
                call.func is parent):
            method = parent.attr
            if method not in FLASK_CONFIG_METHODS and not method.startswith("__"):
                return  # no Flask configuration has that method: not an application's
            if method in CONFIG_SETTERS and settings_read(call):
                return
            if method == "from_object":
                self.found.config_loads.append(call)
                return
            if method in _CONFIG_ITEM_METHODS:
                key = config_key(call)
                if key and not names_scopes(key):
                    return
                if key and method == "get":
                    item = ast.copy_location(
                        ast.Subscript(node, ast.Constant(key), ast.Load()), call)
                    fate = follow(call, ancestors[:-2], 1, self.reads, True)
                    if fate.kind != "kept":
                        self._take(item, fate)
                    return
            if method in DICT_MUTATORS or method in _CONFIG_ITEM_METHODS:
                self.found.namespaces.append(node)
                return
        if follow(node, ancestors, UNKNOWN_DEPTH, self.reads, True).kind != "kept":
            self.found.namespaces.append(node)

    # -- namespaces: the dicts of a module's names ------------------------------------

    def _namespace(self, node: ast.expr, owner: ast.expr) -> None:
        """A use of the namespace of ``owner`` (``vars(config)``, ``globals()``):
        an item read by a constant key is that member, followed as one; any other
        use that is not a read lets code bind or change any of its names.  (Item
        stores by a constant key are changes the extractor records.)"""
        ancestors = self.ancestors
        parent = ancestors[-1] if ancestors else None
        if isinstance(parent, ast.Subscript) and parent.value is node:
            if parent.ctx.__class__ is not ast.Load:
                if not member_key(parent):
                    self.found.namespaces.append(owner)
                return
            self._member(parent, owner, member_key(parent), 1)
            return
        above = ancestors[-2] if len(ancestors) >= 2 else None
        if isinstance(parent, ast.Attribute) and parent.attr == "get" and isinstance(
                above, ast.Call) and above.func is parent:
            self._member(above, owner, member_key(above), 2)
            return
        if follow(node, ancestors, UNKNOWN_DEPTH, self.reads, True).kind != "kept":
            self.found.namespaces.append(owner)

    def _member(self, use: ast.expr, owner: ast.expr, key: str, up: int) -> None:
        """``use`` reads the member ``key`` of ``owner`` (``vars(config)["SCOPES"]``,
        ``getattr(config, "SCOPES")``), the ``up``-th of the nodes above the one
        visited (0: that node): it goes where a use of ``config.SCOPES`` would.
        With no key it can read, any member."""
        if not key:
            if follow(use, self.ancestors[:len(self.ancestors) - up], UNKNOWN_DEPTH,
                      self.reads, False).kind != "kept":
                self.found.namespaces.append(owner)
            return
        # ``globals()["SCOPES"]`` is the module's name; any other owner's member is
        # its attribute (``getattr(Google(), "scopes")`` is ``Google().scopes``).
        member: ast.Name | ast.Attribute = ast.Name(key, ast.Load()) if (
            namespace_owner(owner) is owner) else ast.Attribute(owner, key, ast.Load())
        self._member_use(use, ast.copy_location(member, use), up)

    def _member_use(self, use: ast.expr, member: ast.Name | ast.Attribute, up: int) -> None:
        """``use`` reads ``member``, the ``up``-th of the nodes above the one visited:
        the member goes where the use takes it.  A method of the owner that changes
        it in place, read by name (``getattr(provider.scopes, "append")(x)``), is a
        change of the owner: given to code the reading does not follow."""
        ancestors = self.ancestors[:len(self.ancestors) - up]
        fate = follow(use, ancestors, UNKNOWN_DEPTH, self.reads, False)
        if fate.kind == "kept":
            return
        if isinstance(member, ast.Attribute) and member.attr in _OWN_CHANGES:
            owner = self._read_by_name(member.value)
            if self.watched(owner):
                self._take(owner, Fate("given"))
        if self.watched(member):
            self._take(member, Fate("given") if fate.kind == "called" else fate)

    # -- results of another module's functions held by a local name -------------------

    def _kept_result(self, node: ast.expr, name: str) -> bool:
        """``scopes = other.get_scopes()`` (or ``provider = GoogleProvider()``) in a
        function: whether the uses of the name are followed in this walk, as they
        come, rather than by a walk of the function (which every local name of
        another module's result would cost).  Not in a loop, where a use written
        before may run after."""
        if not (isinstance(node, ast.Call) and self.foreign(node)) or self._in_a_loop():
            return False
        self.kept_results.setdefault(name, []).append(node)
        return True

    def _in_a_loop(self) -> bool:
        """Whether the node being walked is in a loop of the function, where a use
        written before a binding may run after it."""
        for ancestor in reversed(self.ancestors):
            if ancestor is self.function:
                return False
            if isinstance(ancestor, _LOOPS):
                return True
        return False

    def _kept_alias(self, node: ast.expr, name: str) -> bool:
        """``scopes = SCOPES`` in a function, with ``SCOPES`` a list or dict of this
        module: whether the uses of ``scopes`` are followed in this walk, as they
        come, each taking the object where a use of ``SCOPES`` would (``config[
        "scope"] = scopes`` stores it in a container the function holds).  Not in a
        loop, where a use written before may run after; not for an imported name,
        which may be a module whose attributes are followed on their own."""
        if not (isinstance(node, ast.Name) and self.known(node)) or self._in_a_loop():
            return False
        originals = self.kept_aliases.setdefault(name, [])
        if node not in originals:  # ``scopes = scopes or DEFAULT`` takes it again
            originals.append(node)
        return True

    def _alias_use(self, use: ast.Name, originals: list[ast.Name]) -> None:
        """A use of a local name holding watched values: each goes where the use
        takes it.  Changes by the local name (``scopes.append(x)``) are not ones
        the extractor records of the module's name, so they give the object away."""
        for original in tuple(originals):
            fate = follow(use, self.ancestors, self.depth(original), self.reads,
                          recorded=False, gives_back=self.gives_back)
            if fate.kind == "called":
                fate = Fate("given")
            self._take(original, fate)

    def _results_given(self, name: str, part: bool = False) -> None:
        """A use of a local name holding such results that no rule follows: the
        results (``part``: only their items, as ``for scope in scopes`` takes them)
        go to code that may change them."""
        if part:
            self.found.parts.extend(self.kept_results[name])
        else:
            self.found.given.extend((call, None, None) for call in self.kept_results.pop(name))

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        target = node.target
        if self.kept_results and isinstance(target, ast.Name) and (
                target.id in self.kept_results):
            self._results_given(target.id)  # ``scopes += [...]`` extends it in place
        if self.kept_aliases and isinstance(target, ast.Name) and (
                target.id in self.kept_aliases):
            self.found.given.extend(
                (original, None, None) for original in self.kept_aliases.pop(target.id))
        self.generic_visit(node)

    def visit_Global(self, node: ast.Global | ast.Nonlocal) -> None:
        self.closures = True

    visit_Nonlocal = visit_Global

    def _end_kept_results(self, function: Def) -> None:
        """At the end of ``function``: when a closure or a ``global`` may use its
        names out of this walk's order, its kept results are taken as any other
        local name's (``GivenLists.local_names``), which a walk of the function
        decides."""
        if self.closures:
            for name, calls in self.kept_results.items():
                self.found.given.extend((call, None, None) for call in calls)
                self.found.local_names.extend((call, function, name) for call in calls)
            for name, originals in self.kept_aliases.items():
                self.found.given.extend((original, None, None) for original in originals)
                self.found.local_names.extend(
                    (original, function, name) for original in originals)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in _NAMESPACE_BUILTINS:
            self._namespace_call(node)
        elif self.attribute_read is not None and func.__class__ in (ast.Call, ast.Name):
            self._attribute_getter(node)
        # A watched value that only some uses are followed for (an attribute
        # ``qualify`` names, such as ``config.api_settings``): given to a call.
        watched = self.watched
        given: list[tuple[ast.expr, ast.Call | None, Slot]] = []
        for position, argument in enumerate(node.args):
            if isinstance(argument, ast.Starred):
                # ``f(*SCOPES)`` gives the items, strings no code can change.
                continue
            given.extend((value, node, position if direct else None)
                         for value, direct in _held(argument, watched, self._items_followed))
        for keyword in node.keywords:
            given.extend((value, node, keyword.arg if direct and keyword.arg else None)
                         for value, direct in _held(keyword.value, watched,
                                                    self._items_followed))
        if given and not self.reads(node):
            self.found.given.extend(given)
        self.generic_visit(node)

    def _namespace_call(self, node: ast.Call) -> None:
        """``vars(X)``, ``globals()``, ``getattr(X, ...)``, ``setattr(X, ...)``."""
        owner = namespace_owner(node)
        name = node.func.id if isinstance(node.func, ast.Name) else ""
        if owner is not None and (owner is node or self.watched(owner) or self._unnamed(
                owner)):
            self._namespace(node, owner)
        elif name == "getattr" and len(node.args) >= 2 and (
                self.watched(node.args[0]) or self._names_followed(node)
                or member_key(node) in _OWN_CHANGES):
            # ``getattr(provider, "scopes")`` is ``provider.scopes``, whatever object
            # ``provider`` is: followed as a use of that attribute would be.
            self._member(node, node.args[0], member_key(node), 0)
        elif name in ("setattr", "delattr") and len(node.args) >= 2 and (
                self._unnamed(node.args[0]) and not member_key(node)):
            # ``setattr(sys.modules[name], attribute, value)``: any name of any module.
            self.found.namespaces.append(node.args[0])
        elif name in ("setattr", "delattr") and self._names_followed(node) and not (
                self.ancestors and self.ancestors[-1].__class__ is ast.Expr):
            # ``lambda p: setattr(p, "scopes", [...])``, ``return setattr(...)``: a
            # binding of the attribute no statement of the extractor's records (it
            # reads ``setattr`` as a statement only), so the attribute may be anything.
            attribute = ast.Attribute(node.args[0], member_key(node), ast.Load())
            self._take(ast.copy_location(attribute, node), Fate("given"))

    def _names_followed(self, node: ast.Call) -> bool:
        """Whether ``getattr(owner, "name")`` (or ``setattr``) names by a constant an
        attribute whose every use is followed (see ``followed_attribute``): one that
        may hold scopes."""
        key = member_key(node)
        if not key or isinstance(node.args[0], ast.Starred):
            return False
        attribute = ast.Attribute(node.args[0], key, ast.Load())
        return followed_attribute(attribute) and self.watched(attribute)

    def _read_by_name(self, node: ast.expr) -> ast.expr:
        """``node``, or the attribute it reads when it is a call reading one by a
        constant name (``getattr(provider, "scopes")`` is ``provider.scopes``)."""
        if not isinstance(node, ast.Call):
            return node
        read: ast.expr | None = None
        if isinstance(node.func, ast.Name) and node.func.id == "getattr" and (
                len(node.args) >= 2 and member_key(node)):
            read = ast.Attribute(node.args[0], member_key(node), ast.Load())
        elif self.attribute_read is not None:
            read = self.attribute_read(node)
        return ast.copy_location(read, node) if read is not None else node

    def _attribute_getter(self, node: ast.Call) -> None:
        """``operator.attrgetter("scopes")(provider)`` reads ``provider.scopes``: a
        use followed as one of that attribute (the last of a dotted name) would be."""
        read = self.attribute_read(node) if self.attribute_read is not None else None
        if read is None:
            return
        if (followed_attribute(read) and self.watched(read)) or read.attr in _OWN_CHANGES:
            self._member_use(node, read, 0)

    def _unnamed(self, node: ast.expr) -> bool:
        """A module object named at run time, or a name bound to one."""
        return self.unnamed(node) or (
            isinstance(node, ast.Name) and node.id in self.found.module_names)

    def _another_name(self, node: ast.Assign | ast.AnnAssign | ast.NamedExpr) -> None:
        value = node.value
        if isinstance(value, _MODULE_VALUES) and self.unnamed(value):
            self.found.module_names.update(
                target.id for target in _targets(node) if isinstance(target, ast.Name))
        if isinstance(value, ast.Attribute) and not followed_attribute(value) and (
                self.watched(value)) and any(
                    not isinstance(target, ast.Subscript) for target in _targets(node)):
            # ``settings = config.api_settings``: another name for the same object.
            self.found.given.append((value, None, None))
        self.generic_visit(node)

    visit_Assign = visit_AnnAssign = visit_NamedExpr = _another_name

    def _function(self, node: Function | ast.ClassDef) -> None:
        if not isinstance(node, ast.ClassDef):
            self._defaults(node)
        outer, outer_level, outer_top = self.function, self.module_level, self.top_function
        self.function = node if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else (
            None)
        if self.module_level and self.function is not None and not (
                self.function.decorator_list):
            # What a decorator's wrapper returns, the analysis does not see.
            self.top_function = self.function
        elif not isinstance(node, ast.ClassDef) or not self.module_level:
            self.top_function = None
        self.module_level = False
        self.definitions += 1
        self.closures = True  # the outer function's: it defines one
        outer_kept, outer_aliases, outer_closures = (
            self.kept_results, self.kept_aliases, self.closures)
        self.kept_results, self.kept_aliases, self.closures = {}, {}, False
        self.generic_visit(node)
        if (self.kept_results or self.kept_aliases) and self.function is not None:
            self._end_kept_results(self.function)
        self.kept_results, self.kept_aliases, self.closures = (
            outer_kept, outer_aliases, outer_closures)
        self.function, self.module_level, self.top_function = (
            outer, outer_level, outer_top)
        self.definitions -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = visit_ClassDef = _function

    def _defaults(self, node: Function) -> None:
        arguments = node.args
        if not (arguments.defaults or arguments.kw_defaults):
            return
        positional = [*arguments.posonlyargs, *arguments.args]
        pairs = [*zip(positional[len(positional) - len(arguments.defaults):],
                      arguments.defaults),
                 *zip(arguments.kwonlyargs, arguments.kw_defaults)]
        self.found.defaults.extend(
            (default, node, parameter.arg) for parameter, default in pairs
            if default is not None and self.watched(default))


def _targets(node: ast.Assign | ast.AnnAssign | ast.NamedExpr) -> list[ast.expr]:
    return node.targets if isinstance(node, ast.Assign) else [node.target]


def _held(node: ast.expr, watched: Callable[[ast.expr], bool],
          items_followed: Callable[[ast.expr], bool]) -> Iterator[tuple[ast.expr, bool]]:
    """The watched values an argument gives its callee: itself, or the values a
    display or a choice holds (``[SCOPES]``, ``{"scope": SCOPES}``, ``A if x else B``);
    each with whether it is the argument itself.  An item of a watched dict or list
    (``CONFIG["scope"]``) gives away the whole, whose part it is, unless the items of
    that whole are followed by themselves (``items_followed``)."""
    stack: list[tuple[ast.expr, bool]] = [(node, True)]
    while stack:
        value, direct = stack.pop()
        whole = value
        while isinstance(whole, ast.Subscript):
            whole = whole.value
        if whole is not value and items_followed(whole):
            continue
        if watched(whole):
            if isinstance(whole, ast.Attribute) and not followed_attribute(whole):
                yield whole, direct and whole is value
        elif isinstance(value, (ast.List, ast.Tuple, ast.Set)):
            stack.extend((element, False) for element in value.elts
                         if not isinstance(element, ast.Starred))
        elif isinstance(value, ast.Dict):
            stack.extend((item, False) for item in value.values)
        elif isinstance(value, ast.IfExp):
            stack.extend([(value.body, direct), (value.orelse, direct)])
        elif isinstance(value, ast.BoolOp):
            stack.extend((item, direct) for item in value.values)
        elif isinstance(value, ast.NamedExpr):
            stack.append((value.value, direct))


def mutable_levels(value: ast.expr, values: Mapping[str, ast.expr], hops: int = 0) -> int:
    """How many levels of the object ``value`` makes can change (see ``list_fates``):
    0 for a string, 1 for a list of strings, 2 for a config dict holding a list.
    ``values``: the module's names bound once; a value not known counts any depth."""
    if hops > _MAX_HOPS:
        return UNKNOWN_DEPTH
    if isinstance(value, (ast.Constant, ast.JoinedStr)):
        return 0
    if isinstance(value, ast.Name):
        bound = values.get(value.id)
        return UNKNOWN_DEPTH if bound is None else mutable_levels(bound, values, hops + 1)
    if isinstance(value, (ast.BinOp, ast.IfExp)):
        sides = (value.left, value.right) if isinstance(value, ast.BinOp) else (
            value.body, value.orelse)
        return max(mutable_levels(side, values, hops + 1) for side in sides)
    items: list[int] = []
    if isinstance(value, (ast.List, ast.Set, ast.Tuple)):
        items = [_item_levels(element, values, hops) for element in value.elts]
    elif isinstance(value, ast.Dict):
        items = [_item_levels(item, values, hops) if key is not None else
                 max(mutable_levels(item, values, hops + 1) - 1, 0)
                 for key, item in zip(value.keys, value.values)]
    else:
        return UNKNOWN_DEPTH  # a call, an attribute, a comprehension
    inner = max(items, default=0)
    if isinstance(value, ast.Tuple):
        return inner + 1 if inner else 0  # a tuple of strings cannot change
    return inner + 1


def _item_levels(element: ast.expr, values: Mapping[str, ast.expr], hops: int) -> int:
    if isinstance(element, ast.Starred):
        return max(mutable_levels(element.value, values, hops + 1) - 1, 0)
    return mutable_levels(element, values, hops + 1)


# Module names followed through at most this many bindings.
_MAX_HOPS = 8
# Values a module-level name may hold a watched list in (``CONFIG = {**BASE,
# "scope": SCOPES}``, ``PAIR = (SCOPES, OTHER)``, ``AUTH2 = copy.copy(AUTH)``): every
# use of such a name is followed.
_HOLDING_VALUES = (ast.Tuple, ast.BinOp, ast.IfExp, ast.BoolOp, ast.Subscript)


def may_hold_lists(value: ast.expr) -> bool:
    """Whether a module-level name bound to ``value`` may hold a list or dict."""
    if is_container(value) or isinstance(value, _HOLDING_VALUES):
        return True
    # ``copy.copy(AUTH)``, and a record's copy (``dataclasses.replace(SETTINGS, ...)``,
    # ``TEAM._replace(...)``), which holds the original's field values.
    return isinstance(value, ast.Call) and (dotted(value.func) or "").endswith(
        ("copy", "replace"))


def changes_items(function: Def, name: str, reads: Callable[[ast.Call], bool],
                  depth: int = 0, shadowed: AbstractSet[str] = frozenset()) -> bool:
    """Whether ``function`` may change what the container its local ``name`` holds
    holds: hands it (or an item) over, calls a method of an item, extends an item
    in place (``config["scope"] += [...]``), binds the name again, or gives its items
    to names that may change them (``for scopes in pair: scopes.append(x)``, ``max(
    pair)``).  Storing a new item changes only the container.  ``shadowed``: the
    names of reading calls the module binds itself (see ``hand_overs``)."""
    if depth > _MAX_ITEM_HOPS or hand_overs(function.body, name, reads, shadowed) > 0:
        return True
    stores = 0
    for node in walk_nodes(function):
        if isinstance(node, ast.AugAssign) and _rooted_at(node.target, name):
            return True
        if isinstance(node, ast.Name) and node.id == name and not isinstance(
                node.ctx, ast.Load):
            stores += 1
        if isinstance(node, ast.Call) and _item_pick(node, name):
            return True
        if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)) and _iterates(
                node.iter, name) and _items_taken(function, node.target, reads, depth,
                                                  shadowed):
            return True
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and (
                node.value is not None and _shallow_copy(node.value, name)) and (
                _copy_changed(function, node, reads, depth, shadowed)):
            return True
        if _copy_handed_on(node, name, reads):
            return True
    # Bound again (or deleted), the name may hold containers the reading of this
    # binding does not see: its items are followed no further.
    return stores > 1


# Containers inside containers followed through loops at most this deep.
_MAX_ITEM_HOPS = 3
# Calls whose result is one item of what they are given (``max(pair).append(x)``),
# or an iterator over its items (``next(iter(pair))``).
_ITEM_PICKS = frozenset({"min", "max", "next", "iter", "random.choice"})


def _item_pick(call: ast.Call, name: str) -> bool:
    return (dotted(call.func) or "") in _ITEM_PICKS and any(
        isinstance(argument, ast.Name) and argument.id == name for argument in call.args)


# Calls whose result is a new container of the items they are given: a shallow
# copy, which holds the very lists ``pair`` holds (``rest = list(pair)``).
_SHALLOW_COPIES = frozenset({"list", "tuple", "set", "frozenset", "sorted", "reversed",
                             "copy", "copy.copy"})


def _shallow_copy(value: ast.expr, name: str) -> bool:
    """Whether ``value`` is a new container of the items of ``name``: ``list(pair)``,
    ``tuple(pair)``, ``copy.copy(pair)``, ``pair.copy()``, ``pair[:]``, ``[*pair]``."""
    if isinstance(value, ast.Call):
        func = value.func
        if isinstance(func, ast.Attribute) and func.attr == "copy" and (
                isinstance(func.value, ast.Name) and func.value.id == name):
            return True
        return (dotted(func) or "") in _SHALLOW_COPIES and any(
            isinstance(argument, ast.Name) and argument.id == name for argument in value.args)
    if isinstance(value, ast.Subscript):
        return isinstance(value.slice, ast.Slice) and isinstance(value.value, ast.Name) and (
            value.value.id == name)
    if isinstance(value, (ast.List, ast.Tuple, ast.Set)):
        return any(isinstance(element, ast.Starred) and isinstance(element.value, ast.Name)
                   and element.value.id == name for element in value.elts)
    return False


# Statements and expressions that send their value out of the function.
_SENDING = (ast.Return, ast.Yield, ast.YieldFrom)


def _copy_handed_on(node: ast.AST, name: str, reads: Callable[[ast.Call], bool]) -> bool:
    """Whether ``node`` sends a shallow copy of ``name`` out of the function: returns
    or yields it (``return list(plans)``, ``return plans[:]``), or gives it to a call
    that may keep it (``configure(tuple(plans))``).  The copy holds the very items of
    the container: records and lists its caller's code may then change."""
    if isinstance(node, _SENDING):
        return node.value is not None and _copy_of(node.value, name)
    if isinstance(node, ast.Call) and not reads(node):
        return any(_copy_of(argument, name) for argument in (
            *node.args, *(keyword.value for keyword in node.keywords)))
    return False


def _copy_of(value: ast.expr, name: str) -> bool:
    """``_shallow_copy`` through copies of copies (``sorted(list(plans))``)."""
    for _ in range(_MAX_ITEM_HOPS):
        if _shallow_copy(value, name):
            return True
        if not (isinstance(value, ast.Call) and len(value.args) == 1 and (
                dotted(value.func) or "") in _SHALLOW_COPIES):
            return False
        value = value.args[0]
    return False


def _copy_changed(function: Def, binding: ast.Assign | ast.AnnAssign | ast.NamedExpr,
                  reads: Callable[[ast.Call], bool], depth: int,
                  shadowed: AbstractSet[str]) -> bool:
    """Whether the names a shallow copy of a holder is bound to may change the lists
    it shares with the holder (``rest = list(pair)``, then ``for s in rest:
    s.append(x)``).  A copy stored anywhere but a plain name (an attribute, an item,
    an unpacking) goes where this reading does not follow."""
    targets = binding.targets if isinstance(binding, ast.Assign) else [binding.target]
    for target in targets:
        if not isinstance(target, ast.Name) or changes_items(
                function, target.id, reads, depth + 1, shadowed):
            return True
    return False


def _iterates(source: ast.expr, name: str) -> bool:
    """Whether a loop over ``source`` takes the items of ``name``: the name itself, a
    shallow copy of it (``pair[:]``, ``[*pair]``), or an argument of a call that
    gives them on (``enumerate(pair)``, ``zip(pair, other)``, ``reversed(pair)``)."""
    if isinstance(source, ast.Name):
        return source.id == name
    if _shallow_copy(source, name):
        return True
    return isinstance(source, ast.Call) and any(
        isinstance(argument, ast.Name) and argument.id == name
        for argument in (*source.args, *(keyword.value for keyword in source.keywords)))


def _items_taken(function: Def, target: ast.expr, reads: Callable[[ast.Call], bool],
                 depth: int, shadowed: AbstractSet[str]) -> bool:
    """Whether a loop target holding items of a container may change them: a target
    storing into an object, or a name the function changes or hands on."""
    names: list[str] = []
    for node in walk_nodes(target):
        if isinstance(node, (ast.Attribute, ast.Subscript, ast.Starred)):
            return True
        if isinstance(node, ast.Name):
            names.append(node.id)
    return any(changes_items(function, loop_name, reads, depth + 1, shadowed)
               for loop_name in names)


def _rooted_at(target: ast.expr, name: str) -> bool:
    while isinstance(target, ast.Subscript):
        target = target.value
    return isinstance(target, ast.Name) and target.id == name
