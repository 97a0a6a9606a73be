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
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial

from .bindings import Bindings, collect_bindings
from .facts import (
    Generation,
    ItemForm,
    ModuleFacts,
    ScopeItem,
    ScopeSite,
    ScopeValue,
    SiteKind,
    Span,
    ValueState,
)
from .source import SourceMap
from .values import ValueReader

NYLAS_CLIENT_CLASSES = frozenset(
    {"nylas.APIClient", "nylas.client.APIClient", "nylas.client.client.APIClient"}
)
FLASK_DANCE_BLUEPRINTS = frozenset({"flask_dance.contrib.nylas.make_nylas_blueprint"})
URLENCODE_FUNCTIONS = frozenset({"urllib.parse.urlencode", "urllib.urlencode"})
JSON_DUMPS_FUNCTIONS = frozenset({"json.dumps"})
URLJOIN_FUNCTIONS = frozenset({"urllib.parse.urljoin", "urlparse.urljoin"})

# ``authentication_url(redirect_uri, login_hint, state, scopes, provider, ...)``
AUTH_URL_METHOD = "authentication_url"
AUTH_URL_SCOPES_POSITION = 3
AUTH_URL_PROVIDER_POSITION = 4

NATIVE_AUTH_PATH = "/connect/authorize"
HOSTED_AUTH_PATH = "/oauth/authorize"
# Keys that together mark a dict as a Nylas native-auth body even when the URL it is
# sent to cannot be shown to be a Nylas host.
NATIVE_BODY_KEYS = frozenset({"client_id", "name", "email_address", "provider", "settings"})
HOSTED_PARAM_KEYS = frozenset({"client_id", "redirect_uri", "response_type"})

# A cheap pre-filter: a module that contains none of these (in any case) cannot
# request Nylas scopes in a form this extractor understands.
_RELEVANT_WORDS = ("nylas", "connect/authorize", "oauth/authorize", "authentication_url")

_HOLE = "\x00"


def mentions_nylas(source: str) -> bool:
    """Whether ``source`` may concern Nylas; False means extraction can be skipped.

    flake8 calls this on every file it checks, so it must cost next to nothing: a
    case-folded copy searched for plain substrings is several times faster than a
    case-insensitive regular expression.  The parser NFKC-normalises identifiers
    (``ｎｙｌａｓ`` and ``nylaſ`` both import ``nylas``), so a non-ASCII source is
    normalised the same way first.
    """
    if not source.isascii():
        source = unicodedata.normalize("NFKC", source)
    folded = source.casefold()
    return any(word in folded for word in _RELEVANT_WORDS)


class _LazyBindings:
    """The bindings of one scope, collected the first time a lookup needs them.

    Most scopes hold no scope request, and lookups happen only around requests, so
    most bindings are never collected: on a Nylas-heavy module that halves the work.
    """

    def __init__(self, body: list[ast.stmt], parameters: ast.arguments | None = None) -> None:
        self._body = body
        self._parameters = parameters
        self._bindings: Bindings | None = None

    def get(self) -> Bindings:
        if self._bindings is None:
            self._bindings = collect_bindings(self._body, self._parameters)
        return self._bindings


@dataclass
class _ClassInfo:
    node: ast.ClassDef
    # The scope and class stacks where the class is defined; its client attributes are
    # computed lazily in that context.
    scopes: list[_LazyBindings] = field(default_factory=list)
    classes: list[_ClassInfo] = field(default_factory=list)
    client_attributes: set[str] | None = None


# Statement fields that hold nested statements (or handlers and cases, which do).
_BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


def _push_children(stack: list[ast.AST | Callable[[], object]], node: ast.AST) -> None:
    """Push the child nodes of ``node`` so that they pop in ``iter_child_nodes`` order.

    Expression contexts (``Load``, ``Store``) are left out: nothing looks at them,
    and they are a third of all nodes.  A hand-written loop: this is the hottest code
    of the analysis, about four times faster than ``ast.iter_child_nodes``.
    """
    for name in reversed(node._fields):
        value = getattr(node, name, None)
        if type(value) is list:
            for child in reversed(value):
                if isinstance(child, ast.AST):
                    stack.append(child)
        elif isinstance(value, ast.AST) and not isinstance(value, ast.expr_context):
            stack.append(value)


def _all_statements(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """Every statement of a module at any depth, without visiting expressions."""
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        yield node
        for name in _BLOCK_FIELDS:
            block = getattr(node, name, None)
            if isinstance(block, list):
                stack.extend(block)


@dataclass(frozen=True)
class _DictView:
    """The string keys of a dict literal (plus later ``d["key"] = v`` writes)."""

    node: ast.Dict
    values: dict[str, ast.expr]
    keys: dict[str, ast.expr]
    complete: bool


class Extractor:
    def __init__(self, path: str, lines: Sequence[str], module_name: str = "") -> None:
        self.source = SourceMap(path, lines)
        self.facts = ModuleFacts(path, mentions_nylas=True)
        self._module_name = module_name
        self._imports: dict[str, str] = {}
        self._scopes: list[_LazyBindings] = []
        self._classes: list[_ClassInfo] = []
        # One lazy scope per function, shared by the class pre-pass and the traversal.
        self._function_scopes: dict[int, _LazyBindings] = {}
        self._consumed: set[int] = set()
        self.reader = ValueReader(self.source, self.lookup, self.qualify)

    # -- environment ---------------------------------------------------------------

    def lookup(self, name: str) -> ast.expr | None:
        bindings = self._binding_scope(name)
        return bindings.lookup(name) if bindings is not None else None

    def _binding_scope(self, name: str) -> Bindings | None:
        for scope in reversed(self._scopes):
            bindings = scope.get()
            if name in bindings.declared_global:
                return self._scopes[0].get()
            if bindings.binds(name):
                return bindings
        return None

    def qualify(self, node: ast.expr) -> str | None:
        """The dotted name an expression refers to through imports, if any."""
        name = self._imported_name(node)
        if name is None:
            return None
        root = node
        while isinstance(root, ast.Attribute):
            root = root.value
        # A local binding of the imported name shadows the import.
        return name if isinstance(root, ast.Name) and self.lookup(root.id) is None else None

    def _imported_name(self, node: ast.expr) -> str | None:
        """The dotted name ``node`` spells through the imports, shadowing not checked."""
        attributes: list[str] = []
        while isinstance(node, ast.Attribute):
            attributes.append(node.attr)
            node = node.value
        base = self._imports.get(node.id) if isinstance(node, ast.Name) else None
        if not base:
            return None
        return ".".join([base, *reversed(attributes)])

    def _refers_to(self, node: ast.expr, names: frozenset[str]) -> bool:
        """``qualify(node) in names``, without a lookup for names that cannot match."""
        return self._imported_name(node) in names and self.qualify(node) in names

    def _collect_imports(self, tree: ast.Module) -> None:
        seen: dict[str, set[str]] = {}
        for node in _all_statements(tree.body):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        seen.setdefault(alias.asname, set()).add(alias.name)
                    else:
                        top = alias.name.split(".")[0]
                        seen.setdefault(top, set()).add(top)
            elif isinstance(node, ast.ImportFrom):
                base = self._absolute_module(node)
                if base is None:
                    continue
                for alias in node.names:
                    if alias.name != "*":
                        qualified = f"{base}.{alias.name}" if base else alias.name
                        seen.setdefault(alias.asname or alias.name, set()).add(qualified)
        # A local name imported from two places is ambiguous: follow neither.
        self._imports = {name: next(iter(targets)) for name, targets in seen.items()
                         if len(targets) == 1}

    def _absolute_module(self, node: ast.ImportFrom) -> str | None:
        if not node.level:
            return node.module or ""
        package = self._module_name.split(".")
        # ``from . import x`` in pkg.mod refers to pkg; each extra dot goes up one.
        if len(package) < node.level:
            return None
        base = package[: len(package) - node.level]
        if node.module:
            base.append(node.module)
        return ".".join(base)

    def is_client(self, node: ast.expr, depth: int = 0) -> bool:
        """True when ``node`` certainly holds a v2 ``APIClient`` in this module."""
        if depth > 8:
            return False
        if isinstance(node, ast.Call):
            return self.qualify(node.func) in NYLAS_CLIENT_CLASSES
        if isinstance(node, ast.Name):
            bindings = self._binding_scope(node.id)
            if bindings is not None:
                annotation = bindings.annotations.get(node.id)
                if annotation is not None and self._is_client_annotation(annotation):
                    return True
            bound = self.lookup(node.id)
            return bound is not None and self.is_client(bound, depth + 1)
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
            and self._classes
        ):
            return node.attr in self._class_client_attributes(self._classes[-1])
        return False

    def _is_client_annotation(self, annotation: ast.expr) -> bool:
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            try:
                annotation = ast.parse(annotation.value, mode="eval").body
            except SyntaxError:
                return False
        return self.qualify(annotation) in NYLAS_CLIENT_CLASSES

    # -- traversal ------------------------------------------------------------------

    def extract(self, tree: ast.Module) -> ModuleFacts:
        self._collect_imports(tree)
        self._scopes.append(_LazyBindings(tree.body))
        self._walk(tree)
        return self.facts

    def _walk(self, root: ast.AST) -> None:
        """Visit every node in ``ast.NodeVisitor.generic_visit`` order, without recursion.

        The parser accepts trees thousands of levels deep (``"a" + "b" + ...``, an
        ``elif`` chain), far beyond Python's recursion limit, so the pending nodes and
        the actions due after a subtree (leaving a function's scope or a class) are
        kept on a stack.
        """
        stack: list[ast.AST | Callable[[], object]] = [root]
        while stack:
            item = stack.pop()
            if not isinstance(item, ast.AST):
                item()
                continue
            node = item
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                # Decorators run in the enclosing scope; only the body is the function's.
                scope = self._function_scope(node)
                stack.append(self._scopes.pop)
                stack.extend(reversed(node.body))
                stack.append(partial(self._scopes.append, scope))
                stack.extend(reversed(node.decorator_list))
                continue
            if isinstance(node, ast.ClassDef):
                self._enter_class(node)
                stack.append(self._classes.pop)
            elif isinstance(node, ast.Call):
                self._call(node)
            elif isinstance(node, (ast.JoinedStr, ast.BinOp)):
                self._url_expression(node)
            elif isinstance(node, ast.Constant):
                if isinstance(node.value, str):
                    self._url_expression(node)
                continue
            _push_children(stack, node)

    def _function_scope(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> _LazyBindings:
        scope = self._function_scopes.get(id(node))
        if scope is None:
            scope = self._function_scopes[id(node)] = _LazyBindings(node.body, node.args)
        return scope

    def _enter_class(self, node: ast.ClassDef) -> None:
        info = _ClassInfo(node, list(self._scopes))
        self._classes.append(info)
        info.classes = list(self._classes)

    def _class_client_attributes(self, info: _ClassInfo) -> set[str]:
        """The class's client attributes, computed on first use where the class is."""
        if info.client_attributes is None:
            saved = self._scopes, self._classes
            self._scopes, self._classes = list(info.scopes), list(info.classes)
            # While they are computed, ``self.<attr>`` is not yet known to be a client.
            info.client_attributes = set()
            try:
                info.client_attributes = self._client_attributes(info.node)
            finally:
                self._scopes, self._classes = saved
        return info.client_attributes

    def _client_attributes(self, node: ast.ClassDef) -> set[str]:
        """``self.<attr>`` names assigned a client in any method of the class."""
        found: set[str] = set()
        for method in node.body:
            if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            self._scopes.append(self._function_scope(method))
            for statement in _all_statements(method.body):
                if not isinstance(statement, ast.Assign):
                    continue
                for target in statement.targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and isinstance(target.value, ast.Name)
                        and target.value.id == "self"
                        and self.is_client(statement.value)
                    ):
                        found.add(target.attr)
            self._scopes.pop()
        return found

    def _call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == AUTH_URL_METHOD:
            self._authentication_url(node, func.value)
        elif self._refers_to(func, FLASK_DANCE_BLUEPRINTS):
            self._flask_dance(node)
        else:
            self._http_call(node)

    # -- sites ------------------------------------------------------------------------

    def _add(self, site: ScopeSite) -> None:
        self.facts.sites.append(site)

    def _authentication_url(self, node: ast.Call, receiver: ast.expr) -> None:
        scopes = _argument(node, "scopes", AUTH_URL_SCOPES_POSITION)
        provider_node = _argument(node, "provider", AUTH_URL_PROVIDER_POSITION)
        has_star_kwargs = any(keyword.arg is None for keyword in node.keywords)
        has_star_args = any(isinstance(arg, ast.Starred) for arg in node.args)
        if scopes is not None:
            value = self.reader.read(scopes)
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
                description="authentication_url()",
                confirmed=self.is_client(receiver),
                receiver=_dotted(receiver),
            )
        )

    def _flask_dance(self, node: ast.Call) -> None:
        scope = _keyword(node, "scope")
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
        url_nodes = [arg for arg in node.args[:2] if not isinstance(arg, ast.Starred)]
        url_keyword = _keyword(node, "url")
        if url_keyword is not None:
            url_nodes.append(url_keyword)
        body = _keyword(node, "json") or _keyword(node, "data")
        params = _keyword(node, "params")
        if body is None and params is None:
            return
        for url_node in url_nodes:
            url = self._url_text(url_node)
            if url is None:
                continue
            path = url.split("?")[0].rstrip("/")
            if body is not None and method in {"post", "request"} and path.endswith(
                NATIVE_AUTH_PATH
            ):
                self._native_auth(node, body, nylas_host=_names_nylas(url))
                return
            if params is not None and path.endswith(HOSTED_AUTH_PATH) and _names_nylas(url):
                self._hosted_params(params, node)
                return

    def _native_auth(self, call: ast.Call, body: ast.expr, nylas_host: bool) -> None:
        target = self.reader.follow(body)
        if isinstance(target, ast.Call) and self.qualify(target.func) in JSON_DUMPS_FUNCTIONS:
            if not target.args:
                return
            body = target.args[0]
        view = self._dict_view(body)
        if view is None:
            return
        if not nylas_host and len(NATIVE_BODY_KEYS & view.keys.keys()) < 2:
            return
        provider_node = view.values.get("provider")
        provider = self.reader.read_string(provider_node) if provider_node is not None else None
        scopes = view.values.get("scopes")
        if scopes is not None:
            value = self.reader.read(scopes)
        elif view.complete and "scope" not in view.keys:
            value = ScopeValue(ValueState.MISSING)
        else:
            value = ScopeValue(
                ValueState.UNRESOLVED, complete=False, reason="the body's scopes are not known"
            )
        self._add(
            ScopeSite(
                SiteKind.NATIVE,
                Generation.V2,
                self.source.span(view.node) if scopes is None else self.source.span(call),
                value,
                provider=provider or "",
                service_account=self._is_service_account(view),
                description="native auth (/connect/authorize)",
            )
        )

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

    def _hosted_params(self, params: ast.expr, anchor: ast.expr) -> None:
        view = self._dict_view(params)
        if view is None:
            return
        scopes = view.values.get("scopes")
        provider_node = view.values.get("provider")
        provider = self.reader.read_string(provider_node) if provider_node is not None else None
        span = self.source.span(view.node)
        if scopes is not None:
            site = ScopeSite(
                SiteKind.HOSTED_URL, Generation.V2, span, self.reader.read(scopes),
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
            return
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
        pieces = self._url_leaves(node)
        text = "".join(
            piece.value if isinstance(piece, ast.Constant) and isinstance(piece.value, str)
            else _HOLE
            for piece in pieces
        )
        if HOSTED_AUTH_PATH not in text or "?" not in text:
            return
        holes = [piece for piece in pieces if not _is_str_constant(piece)]
        if not (_names_nylas(text) or any(_names_nylas(self._url_text(h) or "") for h in holes)):
            return
        self._query_sites(node, text, holes)

    def _url_leaves(self, node: ast.expr) -> list[ast.expr]:
        """The literal pieces and the holes of a string built by ``+`` or an f-string.

        The containers are marked consumed so that their parts are not read again as
        URLs of their own.  A ``+`` chain can be thousands deep: no recursion.
        """
        leaves: list[ast.expr] = []
        stack = [node]
        while stack:
            current = stack.pop()
            self._consumed.add(id(current))
            if isinstance(current, ast.BinOp) and isinstance(current.op, ast.Add):
                stack.append(current.right)
                stack.append(current.left)
            elif isinstance(current, ast.JoinedStr):
                for value in current.values:
                    if isinstance(value, ast.FormattedValue):
                        leaves.append(value.value)
                    else:
                        self._consumed.add(id(value))
                        leaves.append(value)
            else:
                leaves.append(current)
        return leaves

    def _query_sites(self, node: ast.expr, text: str, holes: list[ast.expr]) -> None:
        query = text.split("?", 1)[1]
        span = self.source.span(node)
        hole_iter = iter(holes)
        # Holes before the query string are consumed in order so that the ones inside
        # it line up with their parameters.
        for _ in range(text.split("?", 1)[0].count(_HOLE)):
            next(hole_iter, None)
        for pair in query.split("&"):
            key, _, raw = pair.partition("=")
            key_holes = [next(hole_iter, None) for _ in range(pair.count(_HOLE))]
            if key == _HOLE and key_holes and key_holes[0] is not None and not raw:
                self._urlencoded_hole(key_holes[0], node)
                continue
            if key not in {"scopes", "scope"}:
                continue
            if key == "scope":
                self._add(
                    ScopeSite(
                        SiteKind.HOSTED_URL, Generation.V2, span,
                        ScopeValue(ValueState.UNRESOLVED, complete=False, reason="singular scope"),
                        ignored_key=True, ignored_span=span, description="/oauth/authorize URL",
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
                scope_value = self.reader.read(key_holes[0])
            else:
                scope_value = ScopeValue(
                    ValueState.UNRESOLVED, complete=False, reason="scopes built at run time"
                )
            self._add(
                ScopeSite(
                    SiteKind.HOSTED_URL, Generation.V2, span, scope_value,
                    description="/oauth/authorize URL",
                )
            )

    def _urlencoded_hole(self, hole: ast.expr, anchor: ast.expr) -> None:
        target = self.reader.follow(hole)
        if (
            isinstance(target, ast.Call)
            and target.args
            and (
                self.qualify(target.func) in URLENCODE_FUNCTIONS
                or (isinstance(target.func, ast.Name) and target.func.id == "urlencode")
            )
        ):
            self._hosted_params(target.args[0], anchor)

    def _url_text(self, node: ast.expr, depth: int = 0) -> str | None:
        """The text of a URL expression; parts that cannot be read become holes."""
        if depth > 8:
            return None
        target = self.reader.follow(node)
        if target is None:
            # A name bound elsewhere: its spelling may still say it is a Nylas URL.
            return _HOLE + (_dotted(node) if _names_nylas(_dotted(node)) else "")
        if isinstance(target, ast.Constant) and isinstance(target.value, str):
            return target.value
        if isinstance(target, ast.JoinedStr):
            parts = []
            for value in target.values:
                if isinstance(value, ast.FormattedValue):
                    parts.append(self._url_text(value.value, depth + 1) or _HOLE)
                elif isinstance(value, ast.Constant) and isinstance(value.value, str):
                    parts.append(value.value)
            return "".join(parts)
        if isinstance(target, ast.BinOp) and isinstance(target.op, ast.Add):
            left = self._url_text(target.left, depth + 1)
            right = self._url_text(target.right, depth + 1)
            return (left or _HOLE) + (right or _HOLE)
        if isinstance(target, ast.Call) and self.qualify(target.func) in URLJOIN_FUNCTIONS:
            if len(target.args) == 2:
                base = self._url_text(target.args[0], depth + 1) or _HOLE
                path = self._url_text(target.args[1], depth + 1) or _HOLE
                return base.rstrip("/") + "/" + path.lstrip("/")
        if isinstance(target, (ast.Attribute, ast.Name)):
            dotted = _dotted(target)
            return _HOLE + (dotted if _names_nylas(dotted) else "")
        return None


def _names_nylas(text: str) -> bool:
    return "nylas" in text.lower()


def _is_str_constant(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_true(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _keyword(node: ast.Call, name: str) -> ast.expr | None:
    for keyword in node.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def _argument(node: ast.Call, name: str, position: int) -> ast.expr | None:
    value = _keyword(node, name)
    if value is not None:
        return value
    positional = node.args
    if any(isinstance(arg, ast.Starred) for arg in positional[: position + 1]):
        return None
    return positional[position] if len(positional) > position else None


def _dotted(node: ast.expr) -> str:
    """``a.b().c`` for a chain of names, attributes and calls; "" for anything else."""
    suffixes: list[str] = []
    while True:
        if isinstance(node, ast.Attribute):
            suffixes.append("." + node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            suffixes.append("()")
            node = node.func
        elif isinstance(node, ast.Name):
            return node.id + "".join(reversed(suffixes))
        else:
            return ""


def extract_module(
    tree: ast.Module, path: str, lines: Sequence[str], module_name: str = ""
) -> ModuleFacts:
    return Extractor(path, lines, module_name).extract(tree)


__all__ = ["Extractor", "extract_module", "mentions_nylas", "Span"]
