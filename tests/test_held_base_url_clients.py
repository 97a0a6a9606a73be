"""An HTTP client made with a Nylas base URL and held on an object (an instance's
attribute, a class attribute, a property, framework state): the requests code
elsewhere sends with it are read against its base, and where they cannot be placed
they are unresolved requests below it, never left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
AUTH = f'''from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "r", "provider": "google",
        "scope": ["{G}calendar", "{G}gmail.readonly"],
    }})


def messages(grant_id):
    return nylas.messages.list(grant_id)
'''
HTTP = '''import httpx


class NylasHttp:
    def __init__(self, grant_id):
        self.http = httpx.Client(base_url=f"https://api.us.nylas.com/v3/grants/{grant_id}",
                                 headers={"Authorization": "Bearer k"})

    def threads(self):
        return self.http.get("threads").json()
'''
TOOLBELT = '''from requests_toolbelt.sessions import BaseUrlSession


class NylasHttp:
    def __init__(self, grant_id):
        self.http = BaseUrlSession(f"https://api.us.nylas.com/v3/grants/{grant_id}/")
'''
EVENTS = '''from app.http import NylasHttp


def events(grant_id):
    return NylasHttp(grant_id).http.get("events", params={"calendar_id": "work"}).json()
'''
SUBCLASS = '''from app.http import NylasHttp


class Calendar(NylasHttp):
    def events(self):
        return self.http.get("events").json()
'''
DATACLASS = '''import dataclasses

import httpx


@dataclasses.dataclass
class Api:
    http: httpx.Client = httpx.Client(base_url="https://api.us.nylas.com/v3/grants/abc")
'''
CACHED_PROPERTY = '''import functools

import httpx


class Api:
    @functools.cached_property
    def http(self):
        return httpx.Client(base_url="https://api.us.nylas.com/v3/grants/abc")
'''
USES_API = '''from app.http import Api


def events():
    return Api().http.get("events").json()
'''
ASYNC_WITH = '''import httpx


class Api:
    def __init__(self):
        self._client = httpx.AsyncClient(base_url="https://api.us.nylas.com/v3/grants/abc")

    async def events(self):
        async with self._client as c:
            return (await c.get("events")).json()
'''
OPENED_LATER = '''import httpx


class Api:
    def __init__(self):
        self.http = None

    def open(self):
        self.http = httpx.Client(base_url="https://api.us.nylas.com/v3/grants/abc")

    def events(self):
        return self.http.get("events").json()
'''
LIFESPAN = '''import contextlib

import httpx
from fastapi import FastAPI


@contextlib.asynccontextmanager
async def lifespan(app):
    app.state.http = httpx.AsyncClient(base_url="https://api.us.nylas.com/v3/grants/abc")
    yield


app = FastAPI(lifespan=lifespan)
'''
ROUTES = '''from fastapi import Request


async def events(request: Request):
    return (await request.app.state.http.get("events")).json()
'''


def _found(tmp_path: Path, modules: dict[str, str]) -> list[tuple[str, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "auth.py").write_text(AUTH)
    for name, text in modules.items():
        (package / f"{name}.py").write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, Path(f.span.path).name, f.message) for f in result.findings
                  if f.code in {"NYS301", "NYS302", "NYS303", "NYS304", "NYS405"})


def _calendar_unused(found: list[tuple[str, str, str]]) -> bool:
    return [(code, where) for code, where, _ in found] == [("NYS303", "auth.py")] and (
        f"{G}calendar'" in found[0][2])


@pytest.mark.parametrize("modules", [
    pytest.param({"http": HTTP, "main": EVENTS}, id="instance-attribute"),
    pytest.param({"http": HTTP, "main": SUBCLASS}, id="subclass"),
    pytest.param({"http": TOOLBELT, "main": EVENTS}, id="joined-like-urljoin"),
    pytest.param({"http": DATACLASS, "main": USES_API}, id="dataclass-field"),
    pytest.param({"http": DATACLASS.replace(
        "= httpx.Client(base_url=\"https://api.us.nylas.com/v3/grants/abc\")",
        "= dataclasses.field(\n        default_factory=lambda: httpx.Client("
        "base_url=\"https://api.us.nylas.com/v3/grants/abc\"))"),
        "main": USES_API}, id="dataclass-default-factory"),
    pytest.param({"http": CACHED_PROPERTY, "main": USES_API}, id="cached-property"),
    pytest.param({"http": ASYNC_WITH}, id="entered-with-async-with"),
    pytest.param({"http": OPENED_LATER}, id="assigned-twice"),
    pytest.param({"http": LIFESPAN, "routes": ROUTES}, id="framework-state"),
])
def test_a_request_sent_with_a_held_client_is_read_exactly(
        tmp_path: Path, modules: dict[str, str]) -> None:
    # Not "calendar is unused": the events are read below the client's base.
    assert _found(tmp_path, modules) == []


@pytest.mark.parametrize("modules", [
    pytest.param({"http": HTTP, "main": EVENTS.replace(
        '"events", params={"calendar_id": "work"}', '"messages"')}, id="instance-attribute"),
    pytest.param({"http": HTTP, "main": SUBCLASS.replace('"events"', '"messages"')},
                 id="subclass"),
    pytest.param({"http": LIFESPAN, "routes": ROUTES.replace('"events"', '"messages"')},
                 id="framework-state"),
])
def test_the_path_sent_with_a_held_client_is_the_one_read(
        tmp_path: Path, modules: dict[str, str]) -> None:
    # Messages, not events: the calendar scope is unused still.
    assert _calendar_unused(_found(tmp_path, modules))


@pytest.mark.parametrize("main", [
    # A path built at run time.
    EVENTS.replace('"events", params={"calendar_id": "work"}', "path"),
    # A method with no rule of its own.
    EVENTS.replace('.get("events", params={"calendar_id": "work"})',
                   '.stream("GET", "events")'),
    # A path that spells no word of a Nylas route, read as such nowhere.
    EVENTS.replace('"events", params={"calendar_id": "work"}', '"calendario"'),
    # Handed to a library.
    EVENTS.replace('return NylasHttp(grant_id).http.get("events", params={"calendar_id": '
                   '"work"}).json()', 'return run(NylasHttp(grant_id).http)').replace(
        "\n\n\n", "\nfrom library import run\n\n\n", 1),
])
def test_a_held_client_used_otherwise_is_an_unresolved_request(
        tmp_path: Path, main: str) -> None:
    main = main.replace("def events(grant_id):", "def events(grant_id, path=None):")
    found = _found(tmp_path, {"http": HTTP, "main": main})
    assert [(code, where) for code, where, _ in found] == [("NYS304", "main.py")]
    assert "/v3/grants/{...}/{...}" in found[0][2]


@pytest.mark.parametrize("modules", [
    # A client with no base URL.
    pytest.param({"http": HTTP.replace(
        'base_url=f"https://api.us.nylas.com/v3/grants/{grant_id}",\n', "\n"),
        "main": EVENTS}, id="no-base-url"),
    # A client of another host.
    pytest.param({"http": HTTP.replace("api.us.nylas.com/v3/grants/", "example.com/"),
                  "main": EVENTS}, id="another-host"),
    # An attribute of the same name that holds no client.
    pytest.param({"http": '''class NylasHttp:
    def __init__(self, grant_id):
        self.http = {"grant": grant_id}
''', "main": EVENTS}, id="not-a-client"),
    # The client only read, by a builtin that sends nothing.
    pytest.param({"http": HTTP, "main": EVENTS.replace(
        'return NylasHttp(grant_id).http.get("events", params={"calendar_id": "work"}).json()',
        'return isinstance(NylasHttp(grant_id).http, dict)')}, id="only-read"),
    # Another class's ``http``, of the same name.
    pytest.param({"http": HTTP, "main": '''import httpx


class Other:
    def __init__(self):
        self.http = httpx.Client()

    def events(self):
        return self.http.get("events").json()
'''}, id="another-class"),
])
def test_a_request_on_no_held_nylas_client_stays_quiet(
        tmp_path: Path, modules: dict[str, str]) -> None:
    assert _calendar_unused(_found(tmp_path, modules))


def test_the_client_s_own_requests_are_read_once(tmp_path: Path) -> None:
    # ``self.http.get("threads")`` in the class that makes the client: read by its
    # module, not a second time (the calendar scope stays unused).
    found = _found(tmp_path, {"http": HTTP})
    assert _calendar_unused(found)


@pytest.mark.parametrize("http", [
    pytest.param(DATACLASS, id="dataclass-field"),
    pytest.param(CACHED_PROPERTY, id="cached-property"),
    pytest.param(LIFESPAN, id="framework-state"),
])
def test_a_held_client_no_code_reaches_is_an_unresolved_request(
        tmp_path: Path, http: str) -> None:
    # Made for code elsewhere: any request below its base.
    found = _found(tmp_path, {"http": http})
    assert [(code, where) for code, where, _ in found] == [("NYS304", "http.py")]
    assert "/v3/grants/abc/{...}/{...}" in found[0][2]


def test_an_instance_s_client_its_class_never_reads_is_an_unresolved_request(
        tmp_path: Path) -> None:
    # ``self.http = httpx.Client(base_url=...)`` and nothing reads ``http``: the
    # client is there for code elsewhere, which may send any request below its base.
    unread = HTTP.split("\n\n    def threads")[0] + "\n"
    found = _found(tmp_path, {"http": unread})
    assert [(code, where) for code, where, _ in found] == [("NYS304", "http.py")]
    assert "/v3/grants/{...}/{...}/{...}" in found[0][2]


@pytest.mark.parametrize("use", ["run(self.http)", "self.http.get(path).json()"])
def test_a_held_client_its_class_uses_otherwise_is_one_unresolved_request(
        tmp_path: Path, use: str) -> None:
    # Read by the class's own module: not a second time.
    http = HTTP.replace('return self.http.get("threads").json()', f"return {use}")
    http = http.replace("def threads(self):", "def threads(self, path):")
    http = http.replace("import httpx\n", "import httpx\nfrom library import run\n")
    found = _found(tmp_path, {"http": http})
    assert [(code, where) for code, where, _ in found] == [("NYS304", "http.py")]


@pytest.mark.parametrize("use, where", [
    # Bound to a name, then called with a path the analysis does not follow there.
    ('get = NylasHttp(grant_id).http.get\n    return get("events")', "http.py"),
    # Handed to a library that calls it.
    ('return retry(NylasHttp(grant_id).http.get, "events")', "main.py"),
])
def test_a_held_client_s_method_taken_as_a_value_is_an_unresolved_request(
        tmp_path: Path, use: str, where: str) -> None:
    main = ("from app.http import NylasHttp\nfrom library import retry\n\n\n"
            f"def events(grant_id):\n    {use}\n")
    found = _found(tmp_path, {"http": HTTP, "main": main})
    assert [(code, file) for code, file, _ in found] == [("NYS304", where)]


def test_a_held_client_s_data_read_as_a_value_sends_nothing(tmp_path: Path) -> None:
    main = ("from app.http import NylasHttp\n\n\n"
            "def token(grant_id):\n    headers = NylasHttp(grant_id).http.headers\n"
            "    return headers\n")
    assert _calendar_unused(_found(tmp_path, {"http": HTTP, "main": main}))


@pytest.mark.parametrize("use", [
    # The instance holding the client handed to a library, which may send with it.
    "from library import run\n\n\ndef events(grant_id):\n    return run(NylasHttp(grant_id))\n",
    # In a container handed on.
    "from library import run\n\n\ndef events(grant_id):\n"
    "    return run([NylasHttp(grant_id)])\n",
    # Kept where the analysis does not follow it.
    "from flask import session\n\n\ndef events(grant_id):\n"
    "    session['api'] = NylasHttp(grant_id)\n",
])
def test_an_object_holding_a_held_client_given_away_is_an_unresolved_request(
        tmp_path: Path, use: str) -> None:
    found = _found(tmp_path, {"http": HTTP, "main": "from app.http import NylasHttp\n" + use})
    # Not "calendar is unused": the library may send any request below the base.
    assert [(code, where) for code, where, _ in found] == [("NYS304", "main.py")]
    assert "/v3/grants/{...}/{...}" in found[0][2]


def test_an_object_holding_a_held_client_only_printed_sends_nothing(tmp_path: Path) -> None:
    main = ("from app.http import NylasHttp\n\n\n"
            "def show(grant_id):\n    print(NylasHttp(grant_id))\n")
    assert _calendar_unused(_found(tmp_path, {"http": HTTP, "main": main}))


# A route that reaches the state's client directly, beside one that reads ``events``
# with it through a name.
ALIASED_ROUTES = '''from fastapi import Request


async def messages(request: Request):
    return (await request.app.state.http.get("messages")).json()


async def events(request: Request):
    {bind}
    return (await {owner}.http.get("events")).json()
'''
SANIC = '''import httpx
from sanic import Sanic

app = Sanic("app")


@app.before_server_start
async def setup(app):
    app.ctx.http = httpx.AsyncClient(base_url="https://api.us.nylas.com/v3/grants/abc")


@app.get("/messages")
async def messages(request):
    return (await request.app.ctx.http.get("messages")).json()


@app.get("/events")
async def events(request):
    {bind}
    return (await {owner}.http.get("events")).json()
'''


@pytest.mark.parametrize("modules", [
    pytest.param({"http": LIFESPAN, "routes": ALIASED_ROUTES.format(
        bind="state = request.app.state", owner="state")}, id="app-state"),
    pytest.param({"http": LIFESPAN, "routes": ALIASED_ROUTES.format(
        bind="st = request.state", owner="st")}, id="request-state"),
    pytest.param({"http": SANIC.format(bind="ctx = request.app.ctx", owner="ctx")},
                 id="sanic-app-ctx"),
    pytest.param({"http": SANIC.format(bind="ctx = request.ctx", owner="ctx")},
                 id="sanic-request-ctx"),
])
def test_framework_state_read_through_a_name_is_read_as_the_state(
        tmp_path: Path, modules: dict[str, str]) -> None:
    # ``state.http.get("events")`` is ``request.app.state.http.get("events")``.
    assert _found(tmp_path, modules) == []


@pytest.mark.parametrize("modules", [
    pytest.param({"http": LIFESPAN, "routes": ALIASED_ROUTES.format(
        bind="state = load_state()", owner="state").replace(
        "from fastapi import Request\n", "from fastapi import Request\n"
        "from app.store import load_state\n")}, id="bound-to-a-call"),
    pytest.param({"http": LIFESPAN, "routes": ALIASED_ROUTES.format(
        bind="state = request.app.state\n    state = request.app.other", owner="state")},
                 id="bound-twice"),
    pytest.param({"http": LIFESPAN, "routes": ALIASED_ROUTES.format(
        bind="pass", owner="state").replace(
        "events(request: Request)", "events(request: Request, state)")}, id="parameter"),
    pytest.param({"http": SANIC.format(bind="ctx = request.app.config", owner="ctx")},
                 id="another-object"),
])
def test_a_name_not_bound_once_to_framework_state_is_not_read_as_it(
        tmp_path: Path, modules: dict[str, str]) -> None:
    # Only the messages are read: the events request is on an object not known.
    assert _calendar_unused(_found(tmp_path, modules))


# ``api.http`` on objects the analysis cannot tell, beside a use it reads exactly.
UNTYPED = '''import requests

from app.http import NylasHttp
from app.other import Other, load


def messages(grant_id):
    return NylasHttp(grant_id).http.get("messages").json()


def events({receiver}):
    {bind}
    return {owner}.{attribute}.{method}("events").json()
'''
OTHER = '''import httpx


class Other:
    def __init__(self):
        self.http = httpx.Client(base_url="https://example.com")


def load():
    return None
'''


def _untyped(tmp_path: Path, receiver: str = "api", bind: str = "pass", owner: str = "api",
             attribute: str = "http", method: str = "get") -> list[tuple[str, str, str]]:
    main = UNTYPED.format(receiver=receiver, bind=bind, owner=owner, attribute=attribute,
                          method=method)
    return _found(tmp_path, {"http": HTTP, "other": OTHER, "main": main})


@pytest.mark.parametrize("receiver, bind, owner, method", [
    pytest.param("api", "pass", "api", "get", id="untyped-parameter"),
    pytest.param("api", "pass", "api", "post", id="another-sending-method"),
    # What a call the analysis cannot follow returns.
    pytest.param("grant_id", "pass", "load()", "get", id="unknown-call-result"),
    pytest.param("grant_id", "api = load()", "api", "get", id="name-of-unknown-call-result"),
])
def test_a_held_client_s_attribute_on_an_unknown_object_is_an_unresolved_request(
        tmp_path: Path, receiver: str, bind: str, owner: str, method: str) -> None:
    found = _untyped(tmp_path, receiver=receiver, bind=bind, owner=owner, method=method)
    # Not "calendar is unused": the object may be a ``NylasHttp``.  Nor a request
    # read as sent with its client: the object may be another.
    assert [(code, where) for code, where, _ in found] == [("NYS304", "main.py")]
    message = found[0][2]
    assert f"cannot tell whether {method.upper()} /v3/grants/{{...}}/events goes to Nylas" in (
        message)
    assert f"{owner}.http.{method}() is called on an object the analysis cannot tell" in (
        message)


@pytest.mark.parametrize("path", ["path", 'f"{path}"', 'url=path'])
def test_a_path_built_at_run_time_on_an_unknown_holder_may_be_any_request(
        tmp_path: Path, path: str) -> None:
    found = _found(tmp_path, {"http": HTTP, "main": UNTYPED.format(
        receiver="api, path", bind="pass", owner="api", attribute="http", method="get",
    ).replace('("events")', f"({path})")})
    assert [(code, where) for code, where, _ in found] == [("NYS304", "main.py")]
    assert "/v3/grants/{...}/{...}/{...} is not in the endpoint map" in found[0][2]


def test_an_unknown_holder_s_request_leaves_other_scopes_judged(tmp_path: Path) -> None:
    # A request that may be ``GET messages`` holds back the judgement of the
    # messages scopes only: the calendar scope is unused still.
    found = _found(tmp_path, {"http": HTTP, "main": UNTYPED.format(
        receiver="api", bind="pass", owner="api", attribute="http", method="get",
    ).replace('("events")', '("messages")')})
    assert [(code, where) for code, where, _ in found] == [
        ("NYS303", "auth.py"), ("NYS304", "main.py")]
    assert f"{G}calendar'" in found[0][2]


@pytest.mark.parametrize("receiver, bind, owner, attribute", [
    # Objects the analysis knows to be something else.
    pytest.param("grant_id", "pass", "requests.Session()", "http", id="library-object"),
    pytest.param("grant_id", "api = requests.Session()", "api", "http",
                 id="name-of-library-object"),
    pytest.param("grant_id", "pass", "Other()", "http", id="project-object"),
    pytest.param("grant_id", "api = Other()", "api", "http", id="name-of-project-object"),
    # An attribute under which no class holds a Nylas client.
    pytest.param("api", "pass", "api", "session", id="another-attribute"),
])
def test_a_request_on_an_object_known_not_to_hold_the_client_stays_quiet(
        tmp_path: Path, receiver: str, bind: str, owner: str, attribute: str) -> None:
    found = _untyped(tmp_path, receiver=receiver, bind=bind, owner=owner,
                     attribute=attribute)
    assert _calendar_unused(found)


def test_a_parameter_annotated_with_the_holding_class_is_read_exactly(tmp_path: Path) -> None:
    found = _untyped(tmp_path, receiver="api: NylasHttp")
    assert found == []


def test_a_path_spelling_no_nylas_route_on_an_unknown_holder_stays_quiet(
        tmp_path: Path) -> None:
    # ``request.session.get("user_id")``: no Nylas route, whichever object it is.
    found = _found(tmp_path, {"http": HTTP, "main": UNTYPED.format(
        receiver="api", bind="pass", owner="api", attribute="http", method="get",
    ).replace('("events")', '("user_id")')})
    assert _calendar_unused(found)


@pytest.mark.parametrize("use", [
    pytest.param('with api.http.stream("GET", "events") as response:\n'
                 '        return response.read()', id="stream"),
    pytest.param('return api.http.send(request)', id="send"),
    pytest.param('request = api.http.build_request("GET", "events")\n'
                 '    return api.http.send(request).json()', id="build-request-then-send"),
])
def test_another_method_of_a_held_client_on_an_unknown_object_may_be_any_request(
        tmp_path: Path, use: str) -> None:
    main = f"def events(api, request):\n    {use}\n"
    found = _found(tmp_path, {"http": HTTP, "main": main})
    # Not "calendar is unused": the object may be a ``NylasHttp``, whose client may
    # send any request below its base with these.
    assert {(code, where) for code, where, _ in found} == {("NYS304", "main.py")}
    assert all("/v3/grants/{...}/{...}/{...} is not in the endpoint map" in message
               for _, _, message in found)


@pytest.mark.parametrize("use", [
    pytest.param("api.http.close()", id="close"),
    pytest.param("return await api.http.aclose()", id="aclose"),
    pytest.param("return api.http.headers", id="data-member"),
    pytest.param('return api.http.headers.get("Authorization")', id="data-member-method"),
    pytest.param('api.http.info("events")', id="logging-method"),
])
def test_a_held_client_s_method_that_sends_nothing_on_an_unknown_object_stays_quiet(
        tmp_path: Path, use: str) -> None:
    main = f"async def events(api):\n    {use}\n"
    assert _calendar_unused(_found(tmp_path, {"http": HTTP, "main": main}))


# The lifespan writes the state's client through a name.
LIFESPAN_THROUGH_A_NAME = LIFESPAN.replace(
    "    app.state.http = ", "    {bind}\n    {owner}.http = ")


@pytest.mark.parametrize("bind, owner", [
    pytest.param("st = app.state", "st", id="app-state"),
    pytest.param("ctx = app.state", "ctx", id="another-name"),
])
def test_framework_state_written_through_a_name_holds_the_client(
        tmp_path: Path, bind: str, owner: str) -> None:
    lifespan = LIFESPAN_THROUGH_A_NAME.format(bind=bind, owner=owner)
    # The route's events are read below the client's base: no scope unused, and no
    # request to the base where the client is made.
    assert _found(tmp_path, {"http": lifespan, "routes": ROUTES}) == []


def test_a_client_written_to_state_through_a_name_and_unused_leaves_scopes_judged(
        tmp_path: Path) -> None:
    # Only messages are read with the state's client: calendar is unused.
    lifespan = LIFESPAN_THROUGH_A_NAME.format(bind="st = app.state", owner="st")
    routes = ROUTES.replace('"events"', '"messages"')
    assert _calendar_unused(_found(tmp_path, {"http": lifespan, "routes": routes}))


@pytest.mark.parametrize("lifespan", [
    pytest.param(LIFESPAN_THROUGH_A_NAME.format(
        bind="st = app.state\n    st = app.extra", owner="st"), id="bound-twice"),
    pytest.param(LIFESPAN_THROUGH_A_NAME.format(bind="pass", owner="st").replace(
        "lifespan(app)", "lifespan(app, st=None)"), id="parameter"),
    pytest.param(LIFESPAN_THROUGH_A_NAME.format(bind="st = app.config", owner="st"),
                 id="another-object"),
])
def test_a_name_not_bound_once_to_framework_state_is_not_written_as_it(
        tmp_path: Path, lifespan: str) -> None:
    # The client is not known to be the state's: the route's request is not read as
    # sent with it, and making it stays a request the analysis cannot place, which
    # keeps every scope from being called unused.
    found = _found(tmp_path, {"http": lifespan, "routes": ROUTES})
    assert [(code, where) for code, where, _ in found] == [("NYS304", "http.py")]
