"""The app's own URL routes: strings that name where the app receives requests.

A web app may version its own API ``/v3`` too (``APIRouter(prefix="/v3")``,
``path("api/v3/", ...)``), or serve paths shaped like Nylas's
(``app.add_route("/grants/{id}/people", handler)``).  Such a string declares a route
of the app; it is sent to no one, so it is not a request to Nylas the analysis cannot
follow.  Only strings written in the declaring call count, or held by a name the
caller follows to one (``extract.py`` decides which names): a module constant may also
be handed to a request elsewhere.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping

# Callables of web frameworks, by the dotted name their import gives, whose string
# arguments are routes or route prefixes of the app.
_ROUTE_DECLARING_CALLABLES = frozenset({
    "fastapi.APIRouter", "fastapi.routing.APIRouter",
    "flask.Blueprint", "flask.blueprints.Blueprint",
    "django.urls.path", "django.urls.re_path", "django.conf.urls.url",
    "starlette.routing.Route", "starlette.routing.Mount", "starlette.routing.WebSocketRoute",
    # aiohttp's route definitions (``web.get("/path", handler)``), not its client.
    "aiohttp.web.get", "aiohttp.web.post", "aiohttp.web.put", "aiohttp.web.patch",
    "aiohttp.web.delete", "aiohttp.web.head", "aiohttp.web.route", "aiohttp.web.view",
    "aiohttp.web.static",
    "tornado.web.url", "tornado.web.URLSpec", "tornado.routing.URLSpec",
})
# Responses that send the browser elsewhere: the server requests nothing there (a
# redirect to the hosted authentication page is read as a scope request apart).
_REDIRECTING_CALLABLES = frozenset({
    "flask.redirect", "flask.helpers.redirect", "werkzeug.utils.redirect",
    "quart.redirect",
    "django.shortcuts.redirect", "django.http.HttpResponseRedirect",
    "django.http.HttpResponsePermanentRedirect",
    "starlette.responses.RedirectResponse", "fastapi.responses.RedirectResponse",
    "aiohttp.web.HTTPFound", "aiohttp.web.HTTPSeeOther",
    "aiohttp.web.HTTPTemporaryRedirect",
    # A Tornado handler's ``self.redirect(url)`` (named by the framework class the
    # handler derives from; see ``extract.py``).
    "tornado.web.RequestHandler.redirect",
})
# Methods whose names only web frameworks use for mounting routes (FastAPI, Flask).
_ROUTE_DECLARING_METHODS = frozenset({
    "include_router", "register_blueprint", "add_url_rule", "add_api_route",
    "add_api_websocket_route",
})
# Methods of an app or router that register a route, with the frameworks (top-level
# packages) that define them.  Other code may use these names too (a client wrapper's
# ``add_route``), so they count only in a module that imports such a framework.
_FRAMEWORK_ROUTE_METHODS: Mapping[str, frozenset[str]] = {
    "add_route": frozenset({"starlette", "fastapi", "falcon", "sanic", "aiohttp", "pyramid"}),
    "add_websocket_route": frozenset({"starlette", "fastapi", "sanic"}),
    "mount": frozenset({"starlette", "fastapi"}),
    "add_sink": frozenset({"falcon"}),
    "add_static_route": frozenset({"falcon"}),
    "add_get": frozenset({"aiohttp"}),
    "add_post": frozenset({"aiohttp"}),
    "add_put": frozenset({"aiohttp"}),
    "add_patch": frozenset({"aiohttp"}),
    "add_delete": frozenset({"aiohttp"}),
    "add_head": frozenset({"aiohttp"}),
    "add_view": frozenset({"aiohttp"}),
    "add_static": frozenset({"aiohttp"}),
    "add_resource": frozenset({"aiohttp", "flask_restful", "flask_restx"}),
    "add_namespace": frozenset({"flask_restx"}),
    # Django REST framework's routers (``router.register(r"grants/...", ViewSet)``).
    "register": frozenset({"rest_framework"}),
    # Bottle's ``app.route(path, method, callback)`` called without decorating.
    "route": frozenset({"bottle"}),
}
# Tornado's applications take their routes as a table: ``Application([(r"/x", H)])``
# and ``app.add_handlers(host_pattern, [(r"/x", H)])``.
_HANDLER_TABLE_CALLABLES = frozenset({
    "tornado.web.Application", "tornado.routing.RuleRouter",
    "tornado.routing.ReversibleRuleRouter",
})
_HANDLER_TABLE_METHODS: Mapping[str, frozenset[str]] = {
    "add_handlers": frozenset({"tornado"}),
}

# Frameworks whose apps and routers register a view with a decorator named for the
# HTTP method (``@app.get("/grants/<gid>/messages")``, aiohttp's ``@routes.post``).
_VERB_DECORATOR_FRAMEWORKS = frozenset({
    "flask", "quart", "apiflask", "fastapi", "sanic", "aiohttp", "litestar", "bottle",
    "ninja", "blacksheep", "robyn",
})


def is_route_callable(qualified: str | None) -> bool:
    """Whether a callable, by its dotted name, makes a route of the app
    (``aiohttp.web.get``), however its name reads."""
    return qualified in _ROUTE_DECLARING_CALLABLES


def is_route_decorator(call: ast.Call, frameworks: Collection[str]) -> bool:
    """Whether a decorator call named for an HTTP method registers a view of the app:
    in a module that imports a framework that does so, with a route path as its first
    argument.  A client library may declare an outbound request with a decorator
    too; its path would not be known to be the app's."""
    if _VERB_DECORATOR_FRAMEWORKS.isdisjoint(frameworks):
        return False
    path = call.args[0] if call.args else next(
        (keyword.value for keyword in call.keywords if keyword.arg in ("path", "rule")), None)
    return path is not None and _is_literal_string(path) and is_route_path(path)


def route_arguments(call: ast.Call, qualified: str | None, frameworks: Collection[str]
                    ) -> Iterator[ast.expr]:
    """The arguments of ``call`` that are routes of the app, when it declares some,
    or where it sends the browser: literal strings, and names that may hold one (for
    the caller to follow).

    ``frameworks`` are the top-level packages the module imports.
    """
    func = call.func
    method = func.attr if isinstance(func, ast.Attribute) else None
    if (qualified in _ROUTE_DECLARING_CALLABLES or qualified in _REDIRECTING_CALLABLES
            or method in _ROUTE_DECLARING_METHODS):
        yield from _string_or_name_arguments(call, paths_only=False)
    elif method is not None and not _FRAMEWORK_ROUTE_METHODS.get(
            method, frozenset()).isdisjoint(frameworks):
        yield from _string_or_name_arguments(call, paths_only=True)


def handler_tables(call: ast.Call, qualified: str | None, frameworks: Collection[str]
                   ) -> Iterator[ast.expr]:
    """The arguments of ``call`` that may be tables of routes: literal lists and
    names (for the caller to follow)."""
    func = call.func
    method = func.attr if isinstance(func, ast.Attribute) else None
    if qualified in _HANDLER_TABLE_CALLABLES or (
            method is not None and not _HANDLER_TABLE_METHODS.get(
                method, frozenset()).isdisjoint(frameworks)):
        yield from (argument for argument in _arguments(call)
                    if isinstance(argument, (ast.List, ast.Tuple, ast.Name)))


def handler_table_routes(table: ast.expr) -> Iterator[ast.expr]:
    """The patterns of a literal table of ``(pattern, handler, ...)`` rules."""
    if not isinstance(table, (ast.List, ast.Tuple)):
        return
    for rule in table.elts:
        if isinstance(rule, ast.Tuple) and len(rule.elts) >= 2 and is_route_path(rule.elts[0]):
            yield rule.elts[0]


def is_route_path(node: ast.expr) -> bool:
    """A literal string that reads as a path on the app's own host: not a URL naming
    a host, nor one that starts with a value built at run time (the host may be
    there)."""
    first = _first_piece(node)
    if not isinstance(first, ast.Constant) or not isinstance(first.value, str):
        return False
    head = first.value.lstrip("^").lower()
    return not head.startswith(("http:", "https:", "//"))


def _string_or_name_arguments(call: ast.Call, paths_only: bool) -> Iterator[ast.expr]:
    for argument in _arguments(call):
        if isinstance(argument, ast.Name):
            yield argument
        elif _is_literal_string(argument) and (not paths_only or is_route_path(argument)):
            yield argument


def _arguments(call: ast.Call) -> Iterator[ast.expr]:
    yield from call.args
    yield from (keyword.value for keyword in call.keywords)


def _first_piece(node: ast.expr) -> ast.expr | None:
    while isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        node = node.left
    if isinstance(node, ast.JoinedStr):
        return node.values[0] if node.values else None
    return node


def _is_literal_string(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_literal_string(node.left) or _is_literal_string(node.right)
    return False
