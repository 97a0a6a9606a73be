"""The app's own URL routes: strings that name where the app receives requests.

A web app may version its own API ``/v3`` too (``APIRouter(prefix="/v3")``,
``path("api/v3/", ...)``).  Such a string declares a route of the app; it is sent to
no one, so it is not a request to Nylas the analysis cannot follow.  Only literal
strings written in the declaring call count: a constant may also be handed to a
request elsewhere.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

# Callables of web frameworks, by the dotted name their import gives, whose string
# arguments are routes or route prefixes of the app.
_ROUTE_DECLARING_CALLABLES = frozenset({
    "fastapi.APIRouter", "fastapi.routing.APIRouter",
    "flask.Blueprint", "flask.blueprints.Blueprint",
    "django.urls.path", "django.urls.re_path", "django.conf.urls.url",
    "starlette.routing.Route", "starlette.routing.Mount", "starlette.routing.WebSocketRoute",
})
# Methods whose names only web frameworks use for mounting routes (FastAPI, Flask).
_ROUTE_DECLARING_METHODS = frozenset({
    "include_router", "register_blueprint", "add_url_rule", "add_api_route",
    "add_api_websocket_route",
})


def declares_routes(call: ast.Call, qualified: str | None) -> bool:
    func = call.func
    if qualified in _ROUTE_DECLARING_CALLABLES:
        return True
    return isinstance(func, ast.Attribute) and func.attr in _ROUTE_DECLARING_METHODS


def route_string_nodes(call: ast.Call) -> Iterator[ast.AST]:
    """Every node of the literal strings a route-declaring call is given."""
    for argument in (*call.args, *(keyword.value for keyword in call.keywords)):
        if _is_literal_string(argument):
            yield from ast.walk(argument)


def _is_literal_string(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_literal_string(node.left) or _is_literal_string(node.right)
    return False
