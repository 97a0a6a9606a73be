"""Raw HTTP calls to the Nylas API: reading their URLs, and matching them to an API
version's routes.

Reading a URL (its host, its path) is syntax, which the analysis uses to record a
request as the code makes it; matching its path to a route is the endpoint map's
verdict, which only the judge asks for (``judging/raw_requests.py``).

Hosts: ``api.nylas.com`` and the regional v2 hosts, ``api.us.nylas.com`` and
``api.eu.nylas.com`` for v3 (``nylas_api/v2/endpoints.py``, ``nylas_api/v3/endpoints.py``
note the sources).  Paths of API v3 start with ``/v3/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .types import RawRoute

HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete"})
# The methods of raw uses that are names in the code, not requests: a notification
# trigger (Nylas sends it only to grants with the trigger's scopes), and a request
# argument that makes Nylas do more than the call shows.
NOTIFY = "NOTIFY"
ARGUMENT = "ARGUMENT"
# The method of ``session.request(method, url)`` where ``method`` is read at run time.
ANY_METHOD = "REQUEST"
# Where a raw request goes, as its URL says: a host that names Nylas, a host built at
# run time or given elsewhere (a base URL, configuration), or a literal host that is
# not Nylas's (a proxy, a mock server).  Names in the code (``NOTIFY``, ``ARGUMENT``)
# go nowhere: ``NO_HOST``.
NYLAS_HOST = "nylas"
UNKNOWN_HOST = "unknown"
OTHER_HOST = "other"
NO_HOST = ""
# A string that spells an API v3 path which no request of its module is seen to send
# (a path handed to a wrapper, a base URL given to an HTTP client the analysis does
# not know): any request to any route it names may be made with it.
SPELLED_HOST = "spelled"
# A request an HTTP library sends to a URL of which nothing can be read (a parameter,
# what a function the analysis cannot read returns): it may go anywhere, Nylas too.
UNREAD_HOST = "unread"
HOSTS = frozenset({NYLAS_HOST, UNKNOWN_HOST, OTHER_HOST, NO_HOST, SPELLED_HOST, UNREAD_HOST})
# The path of a request to a Nylas host whose path the analysis cannot read
# (``"https://api.nylas.com" + path``); shown as ``/{...}``.
UNREAD_PATH = ""
# Where a URL's text holds a part built at run time.
URL_HOLE = "\x00"
# Nylas hosts: api.nylas.com and the regional ones (ireland-api.nylas.com,
# api.us.nylas.com, ...).  A path built at run time follows the host as a hole (``\x00``).
_NYLAS_HOST = re.compile(
    r"^(?:https?://)?(?:[a-z0-9-]+[.-])?api(?:\.[a-z0-9-]+)?\.nylas\.com(?=/|$|\x00)", re.I
)

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def nylas_path(url: str, hole: str) -> str | None:
    """The API path of a URL on a Nylas host, or None.

    ``hole`` marks parts built at run time; a hole standing for the host counts when
    its spelling names Nylas (``settings.NYLAS_API_SERVER``).
    """
    url = url.split("?", 1)[0].split("#", 1)[0]
    match = _NYLAS_HOST.match(url)
    if match:
        path = url[match.end():]
    elif url.startswith(hole) and "nylas" in url.split("/", 1)[0].lower():
        path = "/" + url.split("/", 1)[1] if "/" in url else ""
    else:
        return None
    return path or "/"


# Every path of API v3 starts so; the grants' own resources under the second.
V3_PATH = "/v3"
V3_GRANT_PATHS = "/v3/grants/"
# A v3 path that may be the base of relative requests: the API root, or one grant.
V3_BASE_PATH = re.compile(r"^/v3(?:/grants(?:/[^/]+)?)?$")


def is_v3_path(path: str) -> bool:
    return path == V3_PATH or path.startswith(V3_PATH + "/")


def spells_v3(text: str) -> bool:
    """Whether a string may hold an API v3 path (a cheap test before reading it)."""
    return V3_PATH in text.lower()


# The grants' resources, written relative to a base URL that holds the /v3
# (``f"{base}/grants/{grant}/messages"`` with ``base`` ending in ``/v3``).
_GRANTS_SEGMENT = "grants/"


def spells_grants(text: str) -> bool:
    """Whether a string may hold a v3 grant path relative to the API root (a cheap
    test before reading it)."""
    return _GRANTS_SEGMENT in text.lower()


def relative_v3_path(path: str) -> str | None:
    """The v3 path a path relative to the API root stands for (``/grants/{...}/messages``
    is ``/v3/grants/{...}/messages`` on a base URL ending in ``/v3``), or None."""
    relative = path.lstrip("/")
    if not relative.startswith(_GRANTS_SEGMENT):
        return None
    return f"{V3_PATH}/{relative}"


def names_v3(path: str) -> bool:
    """Whether a path names API v3 by its first segment, read or built at run time
    (``/v3/...``, ``f"/v3{path}"``)."""
    return is_v3_path(path) or path.startswith(V3_PATH + URL_HOLE)


def nylas_v2_path(url: str, hole: str) -> str | None:
    """The API path of a URL on a Nylas host that is not an API v3 path, or None."""
    path = nylas_path(url, hole)
    return None if path is None or is_v3_path(path) else path


def match_route(method: str, path: str, hole: str, routes: Iterable[RawRoute]) -> str:
    """The endpoint key of ``method path`` among ``routes`` (in matching order); ""
    when none matches."""
    segments = path.strip("/").split("/")
    for route, pattern in _routes_shaped_like(method, segments, routes):
        if all(
            p == s or (p.startswith("{") and s and "/" not in s)
            for p, s in zip(pattern, segments)
        ) and not any(hole in s and not p.startswith("{") for p, s in zip(pattern, segments)):
            return route.endpoint
    return ""


def _routes_shaped_like(method: str, segments: list[str], routes: Iterable[RawRoute]
                        ) -> Iterator[tuple[RawRoute, list[str]]]:
    """The routes of ``method`` with as many segments as ``segments``, each with its
    segments, in matching order."""
    for route in routes:
        if route.method == method:
            pattern = route.path.strip("/").split("/")
            if len(pattern) == len(segments):
                yield route, pattern


def routes_a_template_names(method: str, path: str, hole: str, routes: Iterable[RawRoute]
                            ) -> list[str]:
    """The endpoint keys of every route among ``routes`` that ``method path`` may be,
    where ``path`` is a template filled elsewhere: a field (``{action}``) or a part
    built at run time may be any one segment, a literal one of a route
    (``/messages/send``) as well as an identifier."""
    segments = path.strip("/").split("/")
    found: list[str] = []
    for route, pattern in _routes_shaped_like(method, segments, routes):
        if all(p == s or (s and "/" not in s and (
                p.startswith("{") or s.startswith("{") or hole in s))
               for p, s in zip(pattern, segments)) and route.endpoint not in found:
            found.append(route.endpoint)
    return found


def unknown_host_path(url: str, hole: str) -> str | None:
    """The path of a URL whose host is built at run time or given elsewhere (a base
    URL): ``{...}/messages/{...}`` or ``/messages/{...}``; None for a literal host."""
    url = url.split("?", 1)[0].split("#", 1)[0]
    if url.startswith("/"):
        return url
    if url.startswith(hole) and "/" in url:
        return "/" + url.split("/", 1)[1]
    # ``f"https://{host}/messages"``: a scheme, then a host built at run time.
    scheme = _SCHEME.match(url)
    if scheme:
        host, _, path = url[scheme.end():].partition("/")
        if hole in host:
            return "/" + path
    return None
