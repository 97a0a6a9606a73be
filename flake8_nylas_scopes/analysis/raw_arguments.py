"""The query parameters and body of a raw HTTP request, where the code writes them.

The endpoint map says where an argument changes the scopes a request needs
(``calendar_id=primary`` takes Google's full calendar scope).  An SDK call gives them
as ``query_params=`` and ``request_body=``; a raw request as its URL's query string,
``params=`` and ``json=``.  What cannot be read stays unknown (None), so that every
case of the endpoint stays possible.
"""

from __future__ import annotations

import ast
import urllib.parse
from collections.abc import Callable

from ..nylas_api.http import URL_HOLE
from ..spans import Span
from .facts import ArgumentDict, ArgumentValue, CallArguments

ReadDict = Callable[[ast.expr], "ArgumentDict | None"]
# An absent argument: a dict known to hold nothing.
_NOTHING = ArgumentDict((), True)


def raw_call_arguments(call: ast.Call, url: str, span: Span, read_dict: ReadDict,
                       on_module: bool) -> CallArguments:
    """What ``call`` (a request to ``url``, holes marked) sends as query and body.

    ``on_module`` says the request is a function of the HTTP library
    (``requests.get``), not a method of a session or client, whose default query
    parameters (``httpx.Client(params=...)``) may add keys the call does not show.
    """
    if any(keyword.arg is None for keyword in call.keywords):
        return CallArguments(span, None, None)  # ``**kwargs`` may hold either
    keywords = {keyword.arg: keyword.value for keyword in call.keywords}
    query = _merged(_url_query(url), _given(keywords.get("params"), read_dict))
    if query is not None and not on_module:
        query = ArgumentDict(query.values, complete=False)
    body_node = keywords.get("json")
    if body_node is not None:
        body = read_dict(body_node)
    else:
        # A form or a serialised body: its keys are not read.
        body = None if "data" in keywords or "content" in keywords else _NOTHING
    return CallArguments(span, query, body)


def _given(node: ast.expr | None, read_dict: ReadDict) -> ArgumentDict | None:
    return _NOTHING if node is None else read_dict(node)


def _url_query(url: str) -> ArgumentDict | None:
    """The literal query string of a URL: keys as written, values built at run time
    unknown; None when a key is built at run time (``?{query}``)."""
    if "?" not in url:
        return _NOTHING
    values: list[tuple[str, ArgumentValue]] = []
    for pair in url.split("?", 1)[1].split("#", 1)[0].split("&"):
        if not pair:
            continue
        key, _, value = pair.partition("=")
        if URL_HOLE in key:
            return None
        text = urllib.parse.unquote_plus(value)
        values.append((urllib.parse.unquote_plus(key), None if URL_HOLE in text else text))
    return ArgumentDict(tuple(values), True)


def _merged(first: ArgumentDict | None, second: ArgumentDict | None) -> ArgumentDict | None:
    if first is None or second is None:
        return None
    return ArgumentDict(first.values + second.values, first.complete and second.complete)
