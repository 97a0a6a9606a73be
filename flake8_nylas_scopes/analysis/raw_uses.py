"""A raw HTTP request as the code spells it: its method and URL read as a
``RawUse`` (a Nylas host or another, and the path), or nothing for a URL that goes
elsewhere.

Apart from the extractor, which records these, because the judge reads URLs too (a
template another module fills in): a run whose facts all come from the cache need
not load the extractor.
"""

from __future__ import annotations

import re

from ..nylas_api import API_VERSIONS
from ..nylas_api.http import (
    NYLAS_HOST,
    OTHER_HOST,
    UNKNOWN_HOST,
    UNREAD_HOST,
    UNREAD_PATH,
    URL_HOLE,
    names_v3,
    nylas_path,
    unknown_host_path,
)
from ..spans import Span
from .facts import RawUse

_V2 = API_VERSIONS["v2"].surface()
NATIVE_AUTH_PATH = _V2.authorize_paths["native"]
HOSTED_AUTH_PATH = _V2.authorize_paths["hosted"]
# The browser's request of API v3's hosted authentication: a scope request, not a call.
V3_HOSTED_AUTH_PATH = API_VERSIONS["v3"].surface().authorize_paths["hosted"]
URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_HOLE = URL_HOLE


def raw_use(verb: str, url: str, span: Span, text: str, sent: bool = True) -> RawUse | None:
    """The raw request ``verb url`` as the code makes it, when its URL says it goes, or
    may go, to Nylas: a Nylas host, a host built at run time or given elsewhere (a
    relative path), or another literal host with a path that names API v3.  None for
    an authorization URL (a scope request, not a call) and for other URLs.  Whether a
    route matches is the judge's question (``judging/raw_requests.py``)."""
    path = url.split("?")[0].rstrip("/")
    if path.endswith((NATIVE_AUTH_PATH, HOSTED_AUTH_PATH, V3_HOSTED_AUTH_PATH)):
        return None
    api_path = nylas_path(url, _HOLE)
    if api_path is not None:
        return RawUse(verb, NYLAS_HOST, api_path, span, text, sent)
    other_path = unknown_host_path(url, _HOLE)
    if other_path is not None:
        if not sent and not names_v3(other_path):
            # Not made here, and not sure to be a Nylas request whatever it matches:
            # ``@app.post("/events")``, every route of a web app.
            return None
        return RawUse(verb, UNKNOWN_HOST, other_path, span, text, sent)
    scheme = URL_SCHEME.match(url)
    if scheme is None:
        return None
    path = "/" + url[scheme.end():].split("?", 1)[0].partition("/")[2]
    if not names_v3(path):
        return None
    # ``https://proxy.example.com/v3/...``: a Nylas v3 path on another host.
    return RawUse(verb, OTHER_HOST, path, span, text, sent)


def sent_raw_use(verb: str, url: str, span: Span, text: str, sends_http: bool,
                 sent: bool = True) -> RawUse | None:
    """``raw_use``; or, for a URL with no host or path that can be read which an HTTP
    library sends (``requests.put(url)`` in a wrapper, ``requests.put(make_url(m))``),
    a request that may go anywhere: whether it may be a Nylas request is the judge's
    question, which looks at the project."""
    use = raw_use(verb, url, span, text, sent)
    if not sends_http or (use is not None and use.host != UNKNOWN_HOST):
        return use
    path = unknown_host_path(url, _HOLE)
    spelled = url.split("?", 1)[0] if path is None else path
    if spelled.replace(_HOLE, "").strip("/"):
        return use
    return RawUse(verb, UNREAD_HOST, UNREAD_PATH, span, text, sent)
