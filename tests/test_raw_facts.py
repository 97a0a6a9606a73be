"""Raw HTTP facts are neutral: a module's facts say which request the code makes
(method, host, path), never which endpoint it reaches; the judge asks the endpoint
map of the day, so cached facts follow a change of the map."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from flake8_nylas_scopes.analysis.facts import ModuleFacts, RawUse
from flake8_nylas_scopes.judging.judge import judge_project
from flake8_nylas_scopes.judging.raw_requests import RawRoutes, RawTarget
from flake8_nylas_scopes.nylas_api import API_VERSIONS
from flake8_nylas_scopes.nylas_api import http
from flake8_nylas_scopes.nylas_api.v3 import surface as v3_surface
from flake8_nylas_scopes.project.reading import facts_for_source
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config
from flake8_nylas_scopes.spans import Span

PACKAGE = Path(__file__).resolve().parent.parent / "flake8_nylas_scopes"

SOURCE = '''import os

import httpx
import requests

API = os.getenv("NYLAS_API_URI", "https://api.us.nylas.com")
SCOPES = ["https://www.googleapis.com/auth/gmail.readonly"]


def login():
    return f"{API}/v3/connect/auth?provider=google&scope={SCOPES[0]}"


def messages(base, grant_id):
    return requests.get(f"{base}/v3/grants/{grant_id}/messages").json()


def threads(token):
    return requests.get("https://api.nylas.com/threads", headers={"token": token})


def proxied(grant_id):
    return requests.get(f"https://proxy.example.com/v3/grants/{grant_id}/events")


async def calendars(http: httpx.AsyncClient, grant_id):
    return (await http.get(f"/v3/grants/{grant_id}/calendars")).json()


def on_event(event):
    if event["type"] == "message.created":
        return event
'''

MESSAGES = "GET /v3/grants/{identifier}/messages"
EVENTS = "GET /v3/grants/{identifier}/events"


def _endpoint_keys() -> set[str]:
    return {key for version in API_VERSIONS.values() for key in version.surface().endpoints}


def _facts() -> ModuleFacts:
    return facts_for_source("app.py", SOURCE, flow=True)


def _endpoints(facts: ModuleFacts) -> set[str]:
    """The endpoint keys the judge finds in ``facts`` read back as the cache keeps them."""
    stored = ModuleFacts.from_json(json.loads(json.dumps(facts.to_json())))
    result = judge_project({"app.py": stored}, [], make_config(), lambda code: True)
    assert result.state is not None
    return {use.endpoint.key for use in result.state.endpoint_uses}


def test_raw_facts_hold_what_the_code_says_and_no_endpoint() -> None:
    uses = _facts().raw_uses
    assert {(use.method, use.host, use.path.replace(http.URL_HOLE, "{...}"))
            for use in uses} == {
        ("GET", http.UNKNOWN_HOST, "/v3/grants/{...}/messages"),
        ("GET", http.NYLAS_HOST, "/threads"),
        ("GET", http.OTHER_HOST, "/v3/grants/{...}/events"),
        ("GET", http.UNKNOWN_HOST, "/v3/grants/{...}/calendars"),
        ("NOTIFY", http.NO_HOST, "message.created"),
    }
    # No field of a raw fact, nor the facts as cached, holds a key of the endpoint map.
    stored = json.dumps([use.to_json() for use in uses])
    assert not [key for key in _endpoint_keys() if json.dumps(key) in stored]
    assert {use.path for use in uses if use.names_v3} == {
        use.path for use in uses if use.path.startswith("/v3/")}


def test_cached_facts_follow_a_change_of_the_endpoint_map(
        monkeypatch: pytest.MonkeyPatch) -> None:
    facts = _facts()
    before = _endpoints(facts)
    assert {MESSAGES, "GET /threads", "NOTIFY message.created"} <= before
    assert EVENTS not in before  # the proxied request may not go to Nylas
    # The map of the day sends the messages route to another endpoint.
    surface = API_VERSIONS["v3"].surface()
    routes = tuple(dataclasses.replace(route, endpoint=EVENTS) if route.endpoint == MESSAGES
                   else route for route in surface.raw_routes)
    assert routes != surface.raw_routes
    monkeypatch.setattr(v3_surface, "SURFACE", dataclasses.replace(surface, raw_routes=routes))
    assert API_VERSIONS["v3"].surface().raw_routes == routes
    # The facts are the same; what the judge finds in them follows the map.
    assert _facts().to_json() == facts.to_json()
    found = _endpoints(facts)
    assert MESSAGES not in found and EVENTS in found


def test_a_request_the_map_no_longer_has_is_judged_outside_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(SOURCE)

    def unmapped() -> list[str]:
        result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
        return [f.message for f in result.findings
                if f.code == "NYS304" and "not in the endpoint map" in f.message]

    assert unmapped() == []
    surface = API_VERSIONS["v3"].surface()
    routes = tuple(route for route in surface.raw_routes if route.endpoint != MESSAGES)
    monkeypatch.setattr(v3_surface, "SURFACE", dataclasses.replace(surface, raw_routes=routes))
    assert [message for message in unmapped()
            if "GET /v3/grants/{...}/messages" in message]


def test_each_request_is_matched_once() -> None:
    calls: list[tuple[str, str]] = []
    v3 = API_VERSIONS["v3"].surface()

    class Counting(RawRoutes):
        def _match(self, use: RawUse) -> RawTarget | None:
            calls.append((use.method, use.path))
            return super()._match(use)

    routes = Counting((), v3.raw_routes, v3.endpoints)
    use = RawUse("GET", http.UNKNOWN_HOST, "/v3/grants/\x00/messages", Span("a.py", 1, 0, 1, 1),
                 "requests.get")
    for line in range(1, 50):
        assert routes.target(dataclasses.replace(use, span=Span("a.py", line, 0, line, 1))
                             ) == RawTarget(MESSAGES)
    assert len(calls) == 1
    # A request the code only names (a decorator) counts only when it surely goes to
    # Nylas; the match is still made once.
    other = dataclasses.replace(use, host=http.OTHER_HOST)
    assert routes.target(other) == RawTarget(MESSAGES, maybe=True)
    assert routes.target(dataclasses.replace(other, sent=False)) is None
    assert len(calls) == 2


@pytest.mark.parametrize("row", [
    # A row of the previous format: the endpoint key where the host now is.
    ["GET", "/messages", "GET /messages", ["a.py", 1, 0, 1, 5], "requests.get", False],
    ["GET", "nylas", "/messages", ["a.py", 1, 0, 1, 5], "requests.get"],
    ["GET", "elsewhere", "/messages", ["a.py", 1, 0, 1, 5], "requests.get", True],
    "GET /messages",
])
def test_a_damaged_raw_fact_is_refused(row: object) -> None:
    data = ModuleFacts("a.py").to_json()
    data["raw_uses"] = [row]
    with pytest.raises((ValueError, TypeError)):
        ModuleFacts.from_json(data)


def test_the_analysis_asks_no_route() -> None:
    # Matching a path to a route is the judge's (judging/raw_requests.py).
    for path in (PACKAGE / "analysis").glob("*.py"):
        assert "match_route" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("chooser, sends", [
    ("getattr(requests, verb)", True),
    ('getattr(requests, f"{verb}")', True),
    ('getattr(session, "re" + verb)', True),
    # A name no request method has, or the grant's provider: a handler, not a verb
    # (given what may not be a URL; one that may be makes any callable a request).
    ('getattr(handlers, f"sync_{verb}")', False),
    ("getattr(handlers, grant.provider)", False),
])
def test_a_method_getattr_reads_by_a_name_built_at_run_time_may_choose_a_request(
        chooser: str, sends: bool) -> None:
    source = ("import requests\n\nfrom .clients import nylas\n\n\n"
              "def work(session, handlers, grant, verb):\n"
              f"    {chooser}(nylas, grant.id)\n")
    facts = facts_for_source("app.py", source, flow=True)
    # The URL, a name imported, is read once the module it comes from is known.
    uses = [*facts.raw_uses, *facts.raw_templates]
    assert bool(uses) is sends, uses


NOT_URLS = '''import functools
import queue

import redis
from nylas import Client

nylas = Client("key")
cache = redis.Redis()
jobs = queue.Queue()


def unread(user, settings, grant_id, draft_id):
    cache.get(user.nylas_grant_id)
    cache.delete(settings.NYLAS_API_KEY)
    cache.get(nylasAccountId)
    jobs.put(functools.partial(nylas.drafts.send, grant_id, draft_id))
    jobs.put(nylas.messages.list)
'''


def test_an_identifier_or_a_client_member_named_for_nylas_is_no_url() -> None:
    # A key or a job handed to a cache or a queue (``get``, ``put``, ``delete``) is no
    # request to a Nylas host: the name says it holds an identifier, a credential or
    # a member of the client.
    assert not facts_for_source("app/cache.py", NOT_URLS).raw_uses
    # Control: a name that may hold a Nylas URL, the client's own URL among them,
    # handed to a method of a request's name may still be one.
    may_be_urls = NOT_URLS.replace("user.nylas_grant_id", "user.nylas_url").replace(
        "nylas.messages.list)", "nylas.api_uri)")
    uses = facts_for_source("app/cache.py", may_be_urls).raw_uses
    assert [(use.method, use.host, use.span.line) for use in uses] == [
        ("GET", http.NYLAS_HOST, 13), ("PUT", http.NYLAS_HOST, 17)]


def test_a_container_or_a_number_is_no_url() -> None:
    # ``jobs.put((send, grant))`` on a queue, ``cache.get(3)``: HTTP libraries take a
    # string (or bytes) for a URL and reject a tuple, a list, a dict or a number.
    containers = NOT_URLS + (
        "    jobs.put((nylas.drafts.send, grant_id))\n"
        "    jobs.put([nylas.api_uri, draft_id])\n"
        "    jobs.put({'url': nylas.api_uri})\n"
        "    cache.get(3)\n")
    assert not facts_for_source("app/cache.py", containers).raw_uses
    # Control: the same value alone may be the URL of a request.
    alone = NOT_URLS + "    jobs.put(nylas.api_uri)\n"
    uses = facts_for_source("app/cache.py", alone).raw_uses
    assert [(use.method, use.host, use.span.line) for use in uses] == [
        ("PUT", http.NYLAS_HOST, 18)]
