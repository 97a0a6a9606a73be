"""A module's HTTP client made with a Nylas base URL, used by other modules: their
requests are not read where the client is made, so the client is an unresolved
request below its base wherever another module refers to it."""

from __future__ import annotations

import ast
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
        "scope": ["{G}calendar.events.readonly", "{G}gmail.readonly"],
    }})


def messages(grant_id):
    return nylas.messages.list(grant_id)
'''
HTTPX = '''import httpx

HTTP = httpx.Client(base_url="https://api.us.nylas.com/v3/grants/abc",
                    headers={"Authorization": "Bearer k"})


def threads():
    return HTTP.get("threads").json()
'''
TOOLBELT = '''from requests_toolbelt.sessions import BaseUrlSession

HTTP = BaseUrlSession("https://api.us.nylas.com/v3/grants/abc/")


def threads():
    return HTTP.get("threads").json()
'''
EVENTS = '''from app.http import HTTP


def events():
    return HTTP.get("events", params={"calendar_id": "work"}).json()
'''
EVENTS_THROUGH_MODULE = '''from app import http


def events():
    return http.HTTP.get("events", params={"calendar_id": "work"}).json()
'''
EVENTS_IMPORTED_IN_A_FUNCTION = '''def events():
    from app.http import HTTP as client
    return client.get("events", params={"calendar_id": "work"}).json()
'''
# ``app.main`` imports the client, ``app.jobs`` takes it from there.
EVENTS_THROUGH_ANOTHER_MODULE = '''from app.main import HTTP


def events():
    return HTTP.request("GET", "/events").json()
'''


def _found(tmp_path: Path, modules: dict[str, str]) -> list[tuple[str, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "auth.py").write_text(AUTH)
    for name, text in modules.items():
        (package / f"{name}.py").write_text(text)
    result = analyse([str(tmp_path)], make_config(),
                     lambda code: True, use_cache=False)
    return sorted((f.code, Path(f.span.path).name, f.message) for f in result.findings
                  if f.code in {"NYS301", "NYS302", "NYS303", "NYS304", "NYS405"})


@pytest.mark.parametrize("client", [HTTPX, TOOLBELT])
@pytest.mark.parametrize("events", [EVENTS, EVENTS_THROUGH_MODULE,
                                    EVENTS_IMPORTED_IN_A_FUNCTION])
def test_a_request_another_module_sends_with_the_client_is_read_exactly(
        tmp_path: Path, client: str, events: str) -> None:
    # Not "calendar.events.readonly is unused": the events are read.
    assert _found(tmp_path, {"http": client, "main": events}) == []


def test_a_client_imported_from_a_module_that_imports_it_is_read_exactly(
        tmp_path: Path) -> None:
    modules = {"http": HTTPX, "main": "from app.http import HTTP\n",
               "jobs": EVENTS_THROUGH_ANOTHER_MODULE}
    assert _found(tmp_path, modules) == []


def test_the_path_another_module_sends_is_the_one_read(tmp_path: Path) -> None:
    # The other module reads messages, not events: the calendar scope is unused.
    messages = EVENTS.replace('"events", params={"calendar_id": "work"}', '"messages"')
    found = _found(tmp_path, {"http": HTTPX, "main": messages})
    assert [(code, where) for code, where, _ in found] == [("NYS303", "auth.py")]
    assert "calendar.events.readonly" in found[0][2]


def test_a_path_with_parts_built_at_run_time_is_read_below_the_base(
        tmp_path: Path) -> None:
    client = HTTPX.replace("/v3/grants/abc", "").replace('"threads"', '"/v3/grants/g/threads"')
    events = '''from app.http import HTTP


def events(grant_id):
    return HTTP.get(f"/v3/grants/{grant_id}/events").json()
'''
    assert _found(tmp_path, {"http": client, "main": events}) == []


@pytest.mark.parametrize("client", [HTTPX, TOOLBELT])
@pytest.mark.parametrize("events", [
    # A path whose start is built at run time.
    '''from app.http import HTTP


def events(prefix):
    return HTTP.get(f"{prefix}/events").json()
''',
    # The module handed on.
    '''import app.http
from app.tasks import run


def events():
    return run(app.http)
''',
    # A path built at run time.
    '''from app.http import HTTP


def events(kind):
    return HTTP.get(kind).json()
''',
    # A method with no rule of its own, and the method as a value.
    '''from app.http import HTTP
from app.tasks import run


def events():
    with HTTP.stream("GET", "events") as response:
        return list(response.iter_lines())


def later():
    return run(HTTP.get, "events")
''',
    # Bound to another name.
    '''from app.http import HTTP

http = HTTP


def events():
    return http.get("events").json()
''',
])
def test_a_client_another_module_uses_otherwise_is_an_unresolved_request(
        tmp_path: Path, client: str, events: str) -> None:
    found = _found(tmp_path, {"http": client, "main": events, "tasks": "def run(*x): ...\n"})
    # Not "calendar.events.readonly is unused": the other module's request may need it.
    assert [code for code, _, _ in found] == ["NYS304"]
    assert found[0][1] == "http.py"
    assert "/v3/grants/abc/" in found[0][2]


def test_a_client_no_other_module_uses_sends_only_its_own_requests(tmp_path: Path) -> None:
    other = '''from app.http import threads


def inbox():
    return threads()
'''
    found = _found(tmp_path, {"http": HTTPX, "main": other})
    assert [(code, where) for code, where, _ in found] == [("NYS303", "auth.py")]
    assert "calendar.events.readonly" in found[0][2]


@pytest.mark.parametrize("call", [
    'HTTP.get(url="events", params={"calendar_id": "work"})',
    'HTTP.request(method="GET", url="events")',
])
def test_a_request_naming_its_url_by_keyword_is_read(tmp_path: Path, call: str) -> None:
    events = f"from app.http import HTTP\n\n\ndef events():\n    return {call}.json()\n"
    assert _found(tmp_path, {"http": HTTPX, "main": events}) == []


def test_a_request_with_spread_arguments_is_an_unresolved_request(tmp_path: Path) -> None:
    events = ("from app.http import HTTP\n\n\ndef events(options):\n"
              "    return HTTP.get(**options).json()\n")
    found = _found(tmp_path, {"http": HTTPX, "main": events})
    assert [(code, where) for code, where, _ in found] == [("NYS304", "http.py")]


def test_a_call_given_no_url_is_no_request_on_record() -> None:
    # ``Account.objects.get(pk=pk)`` of an ORM (hundreds in a large project) sends no
    # HTTP request: kept out of the module's records.
    from flake8_nylas_scopes.analysis.module import module_facts

    source = ("from app.models import Account\nfrom app.http import HTTP\n\n\n"
              "def load(pk):\n    return Account.objects.get(pk=pk)\n\n\n"
              "def events():\n    return HTTP.get('events')\n")
    facts = module_facts(ast.parse(source), "app/main.py", source.splitlines(keepends=True),
                         module_name="app.main", flow=True)
    assert facts.flow is not None
    assert [request.callee for request in facts.flow.imported_requests] == [
        "app.http.HTTP.get"]


@pytest.mark.parametrize("name", ["Api", "NylasApi", "HTTP"])
def test_a_client_named_as_a_class_is_is_read_exactly(tmp_path: Path, name: str) -> None:
    # A call of a capitalised name's method given only constants is recorded for what a
    # class attribute may hold (``Jobs.fetch("grant")``); for a shared client that call
    # is still a request its path places, not the method handed on.
    rename = {"http": HTTPX.replace("HTTP", name), "main": EVENTS.replace("HTTP", name)}
    assert _found(tmp_path, rename) == []


def test_a_capitalised_client_method_handed_on_may_send_any_request(tmp_path: Path) -> None:
    main = '''from app.http import Api


def events(run):
    return run(Api.get, "events")
'''
    found = _found(tmp_path, {"http": HTTPX.replace("HTTP", "Api"), "main": main})
    # Reported at the client, which may then send any request below its base.
    assert [(code, where) for code, where, _ in found] == [("NYS304", "http.py")]
