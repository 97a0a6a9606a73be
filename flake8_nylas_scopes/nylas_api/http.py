"""Raw HTTP calls to the Nylas API, matched to an API version's routes.

Hosts: ``api.nylas.com`` and the regional v2 hosts, ``api.us.nylas.com`` and
``api.eu.nylas.com`` for v3 (``nylas_api/v2/endpoints.py``, ``nylas_api/v3/endpoints.py``
note the sources).  Paths of API v3 start with ``/v3/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from collections.abc import Iterable

from ..spans import Span
from .types import RawRoute

HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete"})
# The methods of raw uses that are names in the code, not requests: a notification
# trigger (Nylas sends it only to grants with the trigger's scopes), and a request
# argument that makes Nylas do more than the call shows.
NOTIFY = "NOTIFY"
ARGUMENT = "ARGUMENT"
# Where a URL's text holds a part built at run time.
URL_HOLE = "\x00"
# Nylas hosts: api.nylas.com and the regional ones (ireland-api.nylas.com,
# api.us.nylas.com, ...).  A path built at run time follows the host as a hole (``\x00``).
_NYLAS_HOST = re.compile(
    r"^(?:https?://)?(?:[a-z0-9-]+[.-])?api(?:\.[a-z0-9-]+)?\.nylas\.com(?=/|$|\x00)", re.I
)

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


@dataclass(frozen=True, slots=True)
class RawUse:
    """``method path`` sent to the Nylas API; ``endpoint`` is "" when no route matches
    (a key of the v2 or the v3 endpoint map: v3 paths start with ``/v3/``)."""

    method: str
    path: str
    endpoint: str
    span: Span
    text: str
    # The host is built at run time and does not name Nylas, but the path is a
    # Nylas route: it may be a Nylas call (``f"{client.api_server}/messages/{id}"``,
    # an ``httpx.Client(base_url=...)``).
    maybe: bool = False

    @property
    def is_mention(self) -> bool:
        return self.method in (NOTIFY, ARGUMENT)

    def to_json(self) -> Any:
        return [self.method, self.path, self.endpoint, self.span.to_json(), self.text,
                self.maybe]

    @classmethod
    def from_json(cls, data: Any) -> RawUse:
        return cls(str(data[0]), str(data[1]), str(data[2]), Span.from_json(data[3]),
                   str(data[4]), bool(data[5]))


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


def is_v3_path(path: str) -> bool:
    return path == "/v3" or path.startswith("/v3/")


def nylas_v2_path(url: str, hole: str) -> str | None:
    """The API path of a URL on a Nylas host that is not an API v3 path, or None."""
    path = nylas_path(url, hole)
    return None if path is None or is_v3_path(path) else path


def match_route(method: str, path: str, hole: str, routes: Iterable[RawRoute]) -> str:
    """The endpoint key of ``method path`` among ``routes`` (in matching order); ""
    when none matches."""
    segments = [segment for segment in path.strip("/").split("/")]
    for route in routes:
        if route.method != method:
            continue
        pattern = route.path.strip("/").split("/")
        if len(pattern) != len(segments):
            continue
        if all(
            p == s or (p.startswith("{") and s and "/" not in s)
            for p, s in zip(pattern, segments)
        ) and not any(hole in s and not p.startswith("{") for p, s in zip(pattern, segments)):
            return route.endpoint
    return ""


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
