"""Calls that fake HTTP for tests: a route a mock answers, not a request sent.

``respx.post(url)``, ``responses.add(responses.DELETE, url)``, ``m.get(url)`` inside
``with requests_mock.Mocker() as m`` name a URL the code under test may request; the
call itself sends nothing.  A development fake of Nylas kept beside the app (a
``fake_nylas.py`` that registers Nylas paths with respx) would otherwise read as the
app calling every endpoint it fakes.  Sources: the documentation of respx,
responses, requests-mock, aioresponses, httpretty and pytest-httpx.
"""

from __future__ import annotations

# Top-level packages whose every call is about mocking HTTP.
_MOCK_LIBRARIES = frozenset({
    "respx", "responses", "requests_mock", "aioresponses", "httpretty", "pytest_httpx",
})
# Names the libraries' pytest plugins give their fixtures.
MOCK_FIXTURES = frozenset({"respx_mock", "requests_mock", "httpx_mock"})
# Methods of a mock that register a route: the HTTP methods, and these.
_REGISTERING = frozenset({
    "add", "add_callback", "upsert", "replace", "route", "register_uri", "add_response",
    "add_callback_response", "head", "options", "request",
})


def is_http_mock(qualified: str | None) -> bool:
    """Whether a dotted name (through imports) is a mocking library's."""
    return bool(qualified) and str(qualified).split(".", 1)[0] in _MOCK_LIBRARIES


def registers_a_route(method: str, http_methods: frozenset[str]) -> bool:
    """Whether a mock's method of that name registers a faked route."""
    return method in http_methods or method in _REGISTERING
