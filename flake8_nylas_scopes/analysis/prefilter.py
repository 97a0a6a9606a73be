"""Cheap text tests that tell which files need no analysis at all.

Every flake8 process and every ``check`` runs them over files that, in most
projects, have nothing to do with Nylas; they are kept apart from the analysis so
that such runs never import it.
"""

from __future__ import annotations

import unicodedata

# A module that contains none of these cannot request Nylas scopes in a form the
# extractor understands.  A case-folded substring search is several times faster
# than a case-insensitive regex on large files.
_RELEVANT_WORDS = (
    "nylas", "connect/authorize", "oauth/authorize", "authentication_url",
    # The v2 SDK helper's method, called on a ``Routes`` another module made.
    "build_auth_url",
    # API v3: the SDK's auth methods and the paths of hand-built requests, which a
    # module using a client imported under another name may name alone.
    "url_for_oauth2", "url_for_admin_consent", "custom_authentication", "v3/connect/",
    # The JSON requests whose names are common words, on a client imported from
    # another module (``client.grants.update(grant, {"scope": [...]})``).
    "grants.update", "connectors.create", "connectors.update",
    # Raw API v3 requests to a host read from configuration name only their path:
    # ``requests.get(f"{API_BASE}/v3/grants/{grant}/messages")``.
    "v3/grants", "v3/scheduling", "v3/calendars",
    # The same, relative to a base URL ending in /v3 (``f"{base}/grants/{grant}/..."``),
    # or joined from segments (``"/".join([base, "v3", "grants", grant])``).
    "grants/", '"v3"', "'v3'",
)

# The HTTP libraries whose requests the analysis reads.
_HTTP_LIBRARY_WORDS = ("requests", "httpx", "aiohttp")


def sends_http_requests(source: str) -> bool:
    """Whether ``source`` may send requests with an HTTP library the analysis reads."""
    return any(word in source for word in _HTTP_LIBRARY_WORDS)


# A query built by hand, whose URL may be an authorization URL another module holds
# (``f"{settings.AUTH_URL}?{urlencode(params)}"``).
_QUERY_WORDS = ("urlencode", "?{")


def may_build_a_query(source: str) -> bool:
    """Whether ``source`` may build a URL's query string by hand."""
    return any(word in source for word in _QUERY_WORDS)


# Every Nylas v2 scope starts with the name of its family.
SCOPE_FAMILIES = ("email", "calendar", "contacts", "room_resources")


def mentions_nylas(source: str) -> bool:
    """Whether ``source`` may concern Nylas; False means extraction can be skipped.

    The parser NFKC-normalises identifiers (``ｎｙｌａｓ`` and ``nylaſ`` both import
    ``nylas``), so a non-ASCII source is normalised the same way first.
    """
    if not source.isascii():
        source = unicodedata.normalize("NFKC", source)
    folded = source.casefold()
    return any(word in folded for word in _RELEVANT_WORDS)


def names_a_scope_family(text: object) -> bool:
    """Whether a text could hold a scope: every scope starts with its family."""
    if not isinstance(text, str):
        return False
    lowered = text.lower()
    return any(family in lowered for family in SCOPE_FAMILIES)
