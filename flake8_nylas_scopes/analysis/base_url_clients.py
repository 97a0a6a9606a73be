"""HTTP clients made with a base URL, and how each joins a request's relative path to
that base.

Making such a client sends nothing; its requests go to the base joined with the path
each names.  Two joins exist among the libraries read here: httpx keeps the whole base
path and appends the relative path to it (``base_url="https://h/v3/grants/g"`` with
``"messages"`` or ``"/messages"`` is ``/v3/grants/g/messages``), while
requests_toolbelt's ``BaseUrlSession`` and aiohttp's ``ClientSession`` follow
``urllib.parse.urljoin``: a path that
starts with ``/`` replaces the base's whole path, and any other replaces the base's
last segment unless the base ends with ``/``.  Where a join depends on text built at
run time, the result is no guess: some path below the base, which names no route.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from ..nylas_api.http import HTTP_METHODS, URL_HOLE
from .facts_values import UrlPart


@dataclass(frozen=True)
class BaseUrlClient:
    """Where a client's constructor takes its base URL by position (-1: by keyword
    only), and whether its requests join the base as ``urljoin`` does."""

    position: int
    joins_like_urljoin: bool


BASE_URL_CLIENTS: dict[str, BaseUrlClient] = {
    "httpx.Client": BaseUrlClient(-1, False),
    "httpx.AsyncClient": BaseUrlClient(-1, False),
    "requests_toolbelt.BaseUrlSession": BaseUrlClient(0, True),
    "requests_toolbelt.sessions.BaseUrlSession": BaseUrlClient(0, True),
    # ``ClientSession(base_url=None, *, ...)`` joins with ``yarl.URL.join``, RFC
    # 3986's resolution as ``urljoin`` does (aiohttp 3.8 takes a bare origin only,
    # later releases also a path ending in ``/``).
    "aiohttp.ClientSession": BaseUrlClient(0, True),
    "aiohttp.client.ClientSession": BaseUrlClient(0, True),
}
# Words a module's text holds when it may make one of these clients: a module without
# any is spared looking for them.
BASE_URL_WORDS = ("base_url", "BaseUrlSession", "ClientSession")
# Methods of these clients that send a request to the path they are given.
SENDING_METHODS = HTTP_METHODS | {"request"}
# Methods of these clients that send no request (closing it, adding a transport).
QUIET_METHODS = frozenset({
    "close", "aclose", "mount", "__enter__", "__exit__", "__aenter__", "__aexit__",
})
# Members of these clients that hold data and send nothing when read.
DATA_MEMBERS = frozenset({
    "headers", "cookies", "params", "auth", "base_url", "timeout", "event_hooks",
    "is_closed", "trust_env",
})
# ``scheme://host`` at the start of a base URL's first piece, with no part built at
# run time in it.
_LITERAL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://[^/\x00]+", re.I)


@dataclass(frozen=True)
class ClientBase:
    """The base URL a client was made with, as pieces, and how it joins paths."""

    parts: tuple[UrlPart, ...]
    joins_like_urljoin: bool


def base_url_argument(call: ast.Call, client: BaseUrlClient) -> ast.expr | None:
    """The expression a client's constructor is given as its base URL, if any."""
    for keyword in call.keywords:
        if keyword.arg == "base_url":
            return keyword.value
    if client.position < 0:
        return None
    positional = call.args[: client.position + 1]
    if any(isinstance(argument, ast.Starred) for argument in positional):
        return None
    return positional[client.position] if len(positional) > client.position else None


def path_below(base: tuple[UrlPart, ...], path: tuple[UrlPart, ...]) -> tuple[UrlPart, ...]:
    """``path`` appended to ``base`` with one slash between them: how httpx joins a
    client's base URL and a request's path, and how the URL readers join the pieces
    of a URL built from parts."""
    return (*_strip_end(base), UrlPart("/"), *_strip_start(path))


def join_path(base: ClientBase, path: tuple[UrlPart, ...]) -> tuple[UrlPart, ...]:
    """The URL a request to the relative ``path`` goes to on a client made with
    ``base``."""
    if not base.joins_like_urljoin:
        return path_below(base.parts, path)
    host = _literal_host(base.parts)
    if path and path[0].text.startswith("/"):
        # The path replaces the base's: only the host is kept.
        joined = None if host is None else (UrlPart(host), *path)
    else:
        directory = _directory(base.parts, host)
        joined = None if directory is None else (*directory, *path)
    # The join depends on text built at run time: a request the analysis cannot name,
    # still shown to go where the base URL says.
    return joined if joined is not None else _below(base.parts)


def goes_below_base(path: str) -> bool:
    """Whether a spelled path goes below a client's base (not a URL of its own, nor
    one whose start is built at run time and may be one)."""
    return bool(path) and "://" not in path and not path.startswith(("//", URL_HOLE))


def any_path_below(base: ClientBase) -> tuple[UrlPart, ...]:
    """The URL of a request the client may send where the analysis cannot see: any
    path below its base (below its host, for a client whose paths may replace the
    base's; the base's host and path still say whether that is Nylas)."""
    return _below(base.parts)


def _below(parts: tuple[UrlPart, ...]) -> tuple[UrlPart, ...]:
    # Two segments built at run time: one alone would read as the identifier of a
    # route below the base (``/v3/grants`` and a hole is the route of one grant).
    return (*_strip_end(parts), UrlPart("/"), UrlPart(URL_HOLE), UrlPart("/"),
            UrlPart(URL_HOLE))


def _literal_host(parts: tuple[UrlPart, ...]) -> str | None:
    """``scheme://host`` of a base URL whose first piece spells it, else None."""
    if not parts or parts[0].reference:
        return None
    match = _LITERAL_HOST.match(parts[0].text)
    if match is None:
        return None
    if match.end() == len(parts[0].text) and len(parts) > 1 and (
            parts[1].reference or not parts[1].text.startswith("/")):
        return None  # the host may go on in the next piece
    return match.group(0)


def _directory(parts: tuple[UrlPart, ...], host: str | None) -> tuple[UrlPart, ...] | None:
    """The base URL up to and including its path's last ``/``, which ``urljoin``
    keeps under a relative path; None unless every piece after that ``/`` is read."""
    if host is not None and len(parts) == 1 and parts[0].text == host:
        return (UrlPart(host + "/"),)  # a bare host: the path goes below its root
    last = parts[-1] if parts else None
    if last is None or last.reference:
        return None
    start = len(host) if host is not None and len(parts) == 1 else 0
    cut = last.text.rfind("/", start)
    if cut < 0 or URL_HOLE in last.text[cut:]:
        return None
    return (*parts[:-1], UrlPart(last.text[: cut + 1]))


def _strip_end(parts: tuple[UrlPart, ...]) -> tuple[UrlPart, ...]:
    """A URL's parts without the slashes that end its written text."""
    if parts and not parts[-1].reference:
        return (*parts[:-1], UrlPart(parts[-1].text.rstrip("/")))
    return parts


def _strip_start(parts: tuple[UrlPart, ...]) -> tuple[UrlPart, ...]:
    """A URL's parts without the slashes that start its written text."""
    if parts and not parts[0].reference:
        return (UrlPart(parts[0].text.lstrip("/")), *parts[1:])
    return parts
