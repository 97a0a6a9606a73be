"""Which endpoint a raw HTTP request reaches: the endpoint map's verdict on a request
the analysis recorded as the code makes it (``analysis/facts.py``: ``RawUse``).

The facts hold the method, the kind of host and the path; this module matches them to
the raw routes of the API version the path names (``nylas_api/http.py``), so a change
to the map takes effect on cached facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..analysis.facts import RawUse, UrlPart
from ..analysis.facts_values import url_fallback_text
from ..nylas_api import API_VERSIONS
from ..nylas_api.http import (
    ANY_METHOD,
    HTTP_METHODS,
    NYLAS_HOST,
    OTHER_HOST,
    SPELLED_HOST,
    UNKNOWN_HOST,
    UNREAD_HOST,
    UNREAD_PATH,
    URL_HOLE,
    V3_BASE_PATH,
    V3_GRANT_PATHS,
    is_v3_path,
    match_route,
    names_v3,
    nylas_v2_path,
    relative_v3_path,
    routes_a_template_names,
)
from ..nylas_api.types import Endpoint, RawRoute


@dataclass(frozen=True, slots=True)
class RawTarget:
    """What a raw request reaches: an endpoint key ("" when the analysis cannot name
    one), and whether the request may not go to Nylas at all (``maybe``: its host does
    not say Nylas, though its path is a Nylas route)."""

    endpoint: str
    maybe: bool = False
    # The method the target is reached with, when the request does not say it (a
    # spelt path may be sent with any): "" for the request's own.
    method: str = ""


class RawRoutes:
    """The raw routes of API v2 and v3, each request's verdict computed once."""

    def __init__(
        self,
        v2: tuple[RawRoute, ...],
        v3: tuple[RawRoute, ...],
        endpoints: Mapping[str, tuple[Endpoint, ...]],
    ) -> None:
        self._v2 = v2
        self._v3 = v3
        self._endpoints = endpoints
        self._found: dict[tuple[str, str, str], RawTarget | None] = {}

    @classmethod
    def of_registry(cls) -> RawRoutes:
        v2, v3 = API_VERSIONS["v2"].surface(), API_VERSIONS["v3"].surface()
        return cls(v2.raw_routes, v3.raw_routes, {**v2.endpoints, **v3.endpoints})

    def targets(self, use: RawUse) -> list[RawTarget]:
        """Every endpoint ``use`` may reach: one, or none, for a request the code
        makes; for a spelt path, each user-scoped route it names with any method."""
        if use.host == SPELLED_HOST:
            return self._spelled(use.path)
        found = self.target(use)
        return [found] if found is not None else []

    def _spelled(self, path: str) -> list[RawTarget]:
        if V3_BASE_PATH.match(path):
            return [RawTarget("")]  # any request at all
        routes = self._v3 if is_v3_path(path) else self._v2
        # A field of the template (``/messages/{action}``) may be a route's literal
        # segment (``send``) as well as an identifier: every route it may name.
        matched = [(verb, endpoint)
                   for verb in sorted(method.upper() for method in HTTP_METHODS)
                   for endpoint in routes_a_template_names(verb, path, URL_HOLE, routes)]
        if not any(endpoint for _, endpoint in matched):
            # ``/v3/grants/{id}/{resource}``: any request of a grant.  (An API v2 URL no
            # route matches is no call of the app's grants.)
            return [RawTarget("")] if path.startswith(V3_GRANT_PATHS) else []
        # Routes that take no grant scope (auth, webhooks) cannot make a scope needed.
        return [RawTarget(endpoint, maybe=True, method=verb) for verb, endpoint in matched
                if endpoint and any(found.user_scoped for found in self._endpoints[endpoint])]

    def target(self, use: RawUse) -> RawTarget | None:
        """What ``use`` reaches; None when it is no Nylas request after all (a path no
        route matches behind a host that does not say Nylas, or a request the code
        only names whose host does not say Nylas)."""
        key = (use.method, use.host, use.path)
        if key in self._found:
            found = self._found[key]
        else:
            found = self._found[key] = self._match(use)
        if found is not None and found.maybe and not use.sent:
            return None
        return found

    def _match(self, use: RawUse) -> RawTarget | None:
        method, path = use.method, use.path
        if use.is_mention:
            if path == URL_HOLE:
                # Triggers that cannot be read: any of them.
                return RawTarget("")
            # A trigger or an argument named in the code: its pseudo-endpoint.
            endpoint = f"{method} {path}"
            return RawTarget(endpoint) if endpoint in self._endpoints else None
        if use.host == NYLAS_HOST:
            if path == UNREAD_PATH:
                return RawTarget("")
            routes = self._v3 if is_v3_path(path) else self._v2
            return RawTarget(match_route(method, path, URL_HOLE, routes))
        if use.host == UNKNOWN_HOST:
            if use.names_v3:
                # ``f"{settings.API_URI}/v3/grants/{grant}/messages"``: apps take the v3
                # host from configuration, and the path says Nylas.
                endpoint = match_route(method, path, URL_HOLE, self._v3)
                return RawTarget(endpoint) if endpoint else _unnamed_v3(method, path)
            endpoint = match_route(method, path, URL_HOLE, self._v2)
            if endpoint:
                return RawTarget(endpoint, maybe=True)
            relative = relative_v3_path(path)
            if relative is not None:
                # ``f"{API_BASE}/grants/{grant}/messages"``: a base URL that may end
                # in /v3.  Left out, the scopes of the route would look unused.
                endpoint = match_route(method, relative, URL_HOLE, self._v3)
                return RawTarget(endpoint, maybe=True) if endpoint else _unnamed_v3(
                    method, relative)
            return None
        if use.host == OTHER_HOST:
            # A Nylas v3 route on a literal host that is not Nylas's (a proxy, a mock
            # server): it may be a Nylas call.
            endpoint = match_route(method, path, URL_HOLE, self._v3) if is_v3_path(path) else ""
            return RawTarget(endpoint, maybe=True) if endpoint else _unnamed_v3(method, path)
        return None


def is_unread(use: RawUse) -> bool:
    """Whether ``use`` is a request to a URL of which nothing can be read."""
    return use.host == UNREAD_HOST


def reaches_nylas_v2_over_http(uses: Iterable[RawUse],
                               strings: Iterable[tuple[UrlPart, ...]]) -> bool:
    """Whether a project sends raw HTTP requests to Nylas API v2: one to a URL that
    names a Nylas host and no v3 path, or a module string that names such a host
    (``API = "https://api.nylas.com"``), which requests the analysis cannot read may
    build their URLs from.  (A v3 path is spelt where the URL is built, and counts
    there: ``unsent_v3_uses``.)"""
    if any(use.host == NYLAS_HOST and use.sent and not is_v3_path(use.path)
           for use in uses):
        return True
    return any(nylas_v2_path(url_fallback_text(parts), URL_HOLE) is not None
               for parts in strings)


def _unnamed_v3(method: str, path: str) -> RawTarget | None:
    """A v3 path that matches no route because part of it, or the method, is chosen
    at run time (a wrapper's ``f"{base}/v3{path}"``, ``/v3/grants/{id}/{resource}``,
    ``session.request(method, url)``): a Nylas request whose endpoint the analysis
    cannot name.  Left out, its scopes would look unused."""
    if not names_v3(path):
        return None
    if URL_HOLE in path or method == ANY_METHOD:
        return RawTarget("")
    return None
