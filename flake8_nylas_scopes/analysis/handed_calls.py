"""A call handed to another one to make later, as the call it makes.

``executor.submit(nylas.auth.url_for_admin_consent, config)`` and
``functools.partial(client.authentication_url, CALLBACK, scopes=SCOPES)`` make an
authentication request as surely as calling the method directly: the scope
extractors read them as ``nylas.auth.url_for_admin_consent(config)``.  Where the
arguments cannot be read (spread from a name), there is no such call to read: the
method is then a value the request is made with, unresolved.  ``getattr`` with a
constant name reads the attribute it names, and so does ``operator.attrgetter`` with
a constant (dotted) name.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from .flow_calls import HAND_OVER_METHODS, HAND_OVERS, HandOver, hands_over


def handed_call(node: ast.Call, qualify: Callable[[ast.expr], str | None]) -> ast.Call | None:
    """The call a hand-over makes with the function it is given; None for another
    call, or where its arguments cannot be told."""
    over = _hand_over(node, qualify)
    if over is None:
        return None
    function: ast.expr | None = None
    args: list[ast.expr] = []
    if over.position >= 0:
        if len(node.args) <= over.position:
            if not over.keyword:
                return None
        else:
            function = node.args[over.position]
            # Arguments after the function that the hand-over keeps (a trigger)
            # are not the function's.
            args = [] if over.own >= 0 else list(node.args[over.position + 1:])
    keywords: list[ast.keyword] = []
    for keyword in node.keywords:
        if keyword.arg is not None and keyword.arg == over.keyword:
            function = keyword.value
        elif keyword.arg is not None and keyword.arg == over.args:
            if not isinstance(keyword.value, (ast.Tuple, ast.List)):
                return None
            args += keyword.value.elts
        elif over.own >= 0 and keyword.arg is not None and keyword.arg != over.kwargs:
            continue
        elif keyword.arg is not None and keyword.arg == over.kwargs:
            given = keyword.value
            if not isinstance(given, ast.Dict) or not all(
                    isinstance(key, ast.Constant) and isinstance(key.value, str)
                    for key in given.keys):
                return None
            keywords += [ast.keyword(str(key.value), value)  # type: ignore[union-attr]
                         for key, value in zip(given.keys, given.values)]
        else:
            keywords.append(keyword)
    if function is None or isinstance(function, ast.Starred) or any(
            isinstance(arg, ast.Starred) for arg in args) or any(
            keyword.arg is None for keyword in keywords):
        return None
    return ast.copy_location(ast.Call(function, args, keywords), node)


def hands_back_function(node: ast.Call, qualify: Callable[[ast.expr], str | None]) -> bool:
    """Whether the hand-over ``node`` gives back the function to call later
    (``functools.partial``), which may then be given more arguments."""
    over = _hand_over(node, qualify)
    return over is not None and over.result == "function"


def _hand_over(node: ast.Call, qualify: Callable[[ast.expr], str | None]) -> HandOver | None:
    over = _named_hand_over(node, qualify)
    return over if over is None or hands_over(over, node) else None


def _named_hand_over(node: ast.Call, qualify: Callable[[ast.expr], str | None]
                     ) -> HandOver | None:
    name = qualify(node.func) or ""
    if name in HAND_OVERS:
        return HAND_OVERS[name]
    if isinstance(node.func, ast.Attribute) and not name:
        # ``executor.submit(f, x)``, ``loop.run_in_executor(None, f, x)``
        return HAND_OVER_METHODS.get(node.func.attr)
    return None


def named_attribute(node: ast.Call, lookup: Callable[[str], ast.expr | None]
                    ) -> tuple[ast.expr, ast.Attribute | None] | None:
    """``getattr(nylas.auth, "url_for_oauth2")`` as the object it reads from and the
    attribute it reads, ``nylas.auth.url_for_oauth2`` (None where the name is chosen
    at run time); None for another call (or a ``getattr`` the module binds to
    something else)."""
    func = node.func
    if not (isinstance(func, ast.Name) and func.id == "getattr" and lookup("getattr") is None
            and 2 <= len(node.args) <= 3 and not node.keywords):
        return None
    owner, name = node.args[0], node.args[1]
    if isinstance(owner, ast.Starred) or isinstance(name, ast.Starred):
        return None
    if not (isinstance(name, ast.Constant) and isinstance(name.value, str)):
        return owner, None
    # Located by hand (see ``handed_call``): the span is the ``getattr`` call's.
    return owner, ast.copy_location(ast.Attribute(owner, name.value, ast.Load()), node)


def attrgetter_call(func: ast.expr, qualify: Callable[[ast.expr], str | None],
                    lookup: Callable[[str], ast.expr | None]) -> ast.Call | None:
    """The ``operator.attrgetter(...)`` call a callee is, written in place or held by
    a name bound to nothing else (``GET = operator.attrgetter("auth.url")``, then
    ``GET(nylas)``); None for another callee."""
    getter = lookup(func.id) if isinstance(func, ast.Name) else func
    if isinstance(getter, ast.Call) and qualify(getter.func) == "operator.attrgetter":
        return getter
    return None


def attrgetter_read(node: ast.Call, qualify: Callable[[ast.expr], str | None],
                    lookup: Callable[[str], ast.expr | None]
                    ) -> tuple[ast.expr, ast.Attribute] | None:
    """``operator.attrgetter("auth.url_for_admin_consent")(nylas)`` (the getter
    written in place or held by a name, see ``attrgetter_call``) as the object it
    reads from and the attributes it reads, ``nylas.auth.url_for_admin_consent``;
    None for another call, or a name that is not a constant dotted name."""
    if not (len(node.args) == 1 and not node.keywords
            and not isinstance(node.args[0], ast.Starred)
            and isinstance(node.func, (ast.Call, ast.Name))):
        return None
    getter = attrgetter_call(node.func, qualify, lookup)
    if getter is None or len(getter.args) != 1 or getter.keywords:
        return None
    name = getter.args[0]
    if not (isinstance(name, ast.Constant) and isinstance(name.value, str)):
        return None
    owner = node.args[0]
    read: ast.expr = owner
    for attribute in name.value.split("."):
        if not attribute.isidentifier():
            return None
        # Located by hand (see ``handed_call``): the span is the outer call's.
        read = ast.copy_location(ast.Attribute(read, attribute, ast.Load()), node)
    assert isinstance(read, ast.Attribute)
    return owner, read
