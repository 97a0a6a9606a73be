"""The usage rules on API v3 (nylas-python 6.x): each provider's requests are judged
against the calls stated in that provider's scopes, and a client or grant the
analysis cannot follow keeps them silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.analysis.facts import ArgumentDict, CallArguments
from flake8_nylas_scopes.judging.argument_cases import ArgumentCases
from flake8_nylas_scopes.judging.resolver import EndpointUse
from flake8_nylas_scopes.judging.usage_rules import infer
from flake8_nylas_scopes.nylas_api import API_VERSIONS
from flake8_nylas_scopes.nylas_api.types import Endpoint
from flake8_nylas_scopes.nylas_api.v3.surface import SURFACE
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config
from flake8_nylas_scopes.spans import Span

G = "https://www.googleapis.com/auth/"
USAGE = frozenset({"NYS301", "NYS302", "NYS303", "NYS405"})


def _usage(tmp_path: Path, body: str, scopes: str, provider: str = '"google"',
           extra: str = "", modules: dict[str, str] | None = None
           ) -> list[tuple[int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name, text in (modules or {}).items():
        (package / name).write_text(text)
    provider_key = f'"provider": {provider}, ' if provider else ""
    (package / "main.py").write_text(f'''import os
from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
{extra}

def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", {provider_key}"redirect_uri": "https://a.example/cb",
        "scope": {scopes},
    }})


def work(grant_id, calendar_id):
{body}
''')
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings
                  if f.code in USAGE)


def _codes(found: list[tuple[int, str, str]]) -> list[str]:
    return [code for _, code, _ in found]


def test_a_restricted_scope_that_sending_does_not_need_is_nys405(tmp_path: Path) -> None:
    found = _usage(tmp_path, "    nylas.messages.send(grant_id, request_body={})",
                   f'["{G}gmail.modify"]')
    assert _codes(found) == ["NYS405"]
    assert "'https://www.googleapis.com/auth/gmail.send' (sensitive)" in found[0][2]


def test_reading_mail_keeps_a_restricted_scope(tmp_path: Path) -> None:
    # No Gmail scope outside the restricted tier reads messages.
    found = _usage(tmp_path, "    nylas.messages.list(grant_id)",
                   f'["{G}gmail.readonly"]')
    assert found == []


def test_an_unused_provider_scope_is_nys303(tmp_path: Path) -> None:
    found = _usage(tmp_path, "    nylas.calendars.list(grant_id)",
                   f'["openid", "{G}calendar.readonly", "{G}contacts.readonly"]')
    assert [(code, "contacts.readonly" in message) for _, code, message in found] == [
        ("NYS303", True)]


@pytest.mark.parametrize(("config", "expected"), [
    ('{**BASE, "scope": SCOPES}', ["NYS303"]),
    ('dict(BASE, scope=SCOPES)', ["NYS303"]),
    ('{"scope": SCOPES, **BASE}', ["NYS303"]),
    # Control: a dict merged in after the scope may replace it.
    ('{"scope": SCOPES, **settings.NYLAS_CONFIG}', []),
])
def test_a_scope_list_in_a_merged_config_is_judged(
        tmp_path: Path, config: str, expected: list[str]) -> None:
    extra = (f'BASE = {{"client_id": "id", "provider": "google", "redirect_uri": "https://a/cb"}}\n'
             f'SCOPES = ["{G}calendar.readonly", "{G}contacts.readonly"]\n\n\n'
             f'def merged_login():\n    return nylas.auth.url_for_oauth2({config})\n')
    found = _usage(tmp_path, "    nylas.calendars.list(grant_id)", f'["{G}calendar.readonly"]',
                   extra=extra)
    assert [(code, "contacts.readonly" in message) for _, code, message in found] == [
        (code, True) for code in expected]


@pytest.mark.parametrize("written", [
    'GOOGLE + "calendar.readonly", GOOGLE + "contacts.readonly"',
    'f"{GOOGLE}calendar.readonly", f"{GOOGLE}contacts.readonly"',
])
def test_scope_names_built_from_a_prefix_constant_are_read(
        tmp_path: Path, written: str) -> None:
    # The provider's long names are often written as a constant prefix and a suffix.
    found = _usage(tmp_path, "    nylas.calendars.list(grant_id)", f"[{written}]",
                   extra=f"GOOGLE = {G!r}")
    assert [(code, "contacts.readonly" in message) for _, code, message in found] == [
        ("NYS303", True)]


@pytest.mark.parametrize("written", [
    # A prefix known only at run time, or text a conversion or a format spec changes.
    'os.environ["GOOGLE"] + "contacts.readonly"',
    'f"{GOOGLE!r}contacts.readonly"',
    'f"{GOOGLE:>60}contacts.readonly"',
])
def test_a_scope_name_known_only_in_part_is_not_judged(tmp_path: Path, written: str) -> None:
    found = _usage(tmp_path, "    nylas.calendars.list(grant_id)",
                   f'["{G}calendar.readonly", {written}]', extra=f"GOOGLE = {G!r}")
    assert found == []


_TWO_REQUESTS = """import os
from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])


def google_login():
    return nylas.auth.url_for_oauth2({
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/contacts.readonly"THE_REST],
    })


def any_login():
    return nylas.auth.url_for_oauth2({"client_id": "id", "redirect_uri": "https://a.example/cb"})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
"""


def _said(tmp_path: Path, text: str) -> list[tuple[int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings
                  if f.code in USAGE | {"NYS304"})


def test_a_request_whose_grant_cannot_be_told_says_why_the_others_are_not_judged(
        tmp_path: Path) -> None:
    # Hosted auth with no provider and no scope: the connector's defaults, of either
    # provider.  The Google request's unused scope is then not claimed, and is said so.
    found = _said(tmp_path, _TWO_REQUESTS.replace("THE_REST", ""))
    assert [(line, code) for line, code, _ in found] == [(8, "NYS304")]
    assert "app.py:16 (no 'scope': the connector's default scopes apply)" in found[0][2]


def test_a_list_read_in_part_says_so(tmp_path: Path) -> None:
    text = _TWO_REQUESTS.replace("THE_REST", ', os.environ["EXTRA_SCOPE"]')
    text = text.replace('{"client_id": "id", "redirect_uri"', '{"client_id": "id", '
                        '"provider": "microsoft", "redirect_uri"')
    found = _said(tmp_path, text)
    # The read items are judged (contacts is unused whatever the environment adds);
    # NYS304 names the list that could not be read whole.
    assert [(line, code) for line, code, _ in found] == [(10, "NYS304"), (11, "NYS303")]
    assert "cannot read every item of the scopes" in found[0][2]


def test_without_the_request_of_unknown_grant_the_unused_scope_is_claimed(
        tmp_path: Path) -> None:
    text = _TWO_REQUESTS.replace("THE_REST", "").replace(
        '{"client_id": "id", "redirect_uri"', '{"client_id": "id", '
        '"provider": "microsoft", "redirect_uri"')
    assert [(line, code) for line, code, _ in _said(tmp_path, text)] == [(11, "NYS303")]


def test_a_missing_provider_scope_is_nys301(tmp_path: Path) -> None:
    found = _usage(tmp_path, "    nylas.events.create(grant_id, request_body={}, "
                   "query_params={'calendar_id': calendar_id})",
                   f'["{G}gmail.readonly"]')
    # gmail.readonly (the request, line 10) is unused; the create (line 17) lacks a scope.
    assert _codes(found) == ["NYS303", "NYS301"]


def test_microsoft_send_needs_both_permissions(tmp_path: Path) -> None:
    found = _usage(tmp_path, "    nylas.messages.send(grant_id, request_body={})",
                   '["Mail.Send"]', provider='"microsoft"')
    assert _codes(found) == ["NYS301"]
    assert "'Mail.ReadWrite' + 'Mail.Send'" in found[0][2]


_HOLDERS = {
    "dataclass": """
from dataclasses import dataclass

from nylas.resources.messages import Messages


@dataclass
class Deps:
    messages: Messages


deps = Deps(messages=nylas.messages)
""",
    "instance": """
class Deps:
    def __init__(self, messages):
        self.messages = messages


deps = Deps(nylas.messages)
""",
    "class": """
class Deps:
    messages = nylas.messages


deps = Deps
""",
    "module": "\nfrom app import holder as deps\n",
}


@pytest.mark.parametrize("holder", sorted(_HOLDERS))
def test_a_resource_the_project_holds_is_used_through_its_holder(
        tmp_path: Path, holder: str) -> None:
    # ``deps.messages.list(...)`` reads mail: only the send scope is unused (the read
    # was lost, so gmail.readonly was said unused too).
    modules = {"holder.py": "from app.main import nylas\nmessages = nylas.messages\n"}
    found = _usage(tmp_path, "    deps.messages.list(grant_id)",
                   f'["{G}gmail.readonly", "{G}gmail.send"]',
                   extra=_HOLDERS[holder], modules=modules)
    assert [(code, "gmail.send" in message) for _, code, message in found] == [
        ("NYS303", True)], found


def test_a_held_resource_s_call_that_lacks_a_scope_is_nys301(tmp_path: Path) -> None:
    found = _usage(tmp_path, "    deps.messages.send(grant_id, request_body={})",
                   f'["{G}gmail.readonly"]', extra=_HOLDERS["instance"])
    assert _codes(found) == ["NYS303", "NYS301"]


def test_a_holder_of_what_the_analysis_cannot_tell_keeps_the_claims_silent(
        tmp_path: Path) -> None:
    # What the attribute holds comes from a caller the project does not show.
    extra = _HOLDERS["instance"].replace("deps = Deps(nylas.messages)\n", "")
    found = _usage(tmp_path, "    Deps(calendar_id).messages.list(grant_id)",
                   f'["{G}gmail.readonly", "{G}gmail.send"]', extra=extra)
    assert found == []


@pytest.mark.parametrize(("extra", "call"), [
    # A module of the project's package ``app``, imported whole: ``app.sender`` is
    # that module, not state of a web app named ``app``.
    ("import app.sender\n", "app.sender.send(nylas, grant_id)"),
    # The control: a Flask app object named ``app`` holds the client as state.
    ("from flask import Flask\napp = Flask(__name__)\napp.nylas = nylas\n",
     "app.nylas.messages.send(grant_id, request_body={})"),
])
def test_a_module_of_a_package_named_app_is_followed(
        tmp_path: Path, extra: str, call: str) -> None:
    modules = {"sender.py": "def send(client, gid):\n"
                            "    client.messages.send(gid, request_body={})\n"}
    found = _usage(tmp_path, f"    {call}", f'["{G}gmail.send", "{G}contacts.readonly"]',
                   extra=extra, modules=modules)
    assert [(code, "contacts.readonly" in message) for _, code, message in found] == [
        ("NYS303", True)], found


def test_a_calendar_id_that_may_be_primary_keeps_the_full_calendar_scope(
        tmp_path: Path) -> None:
    # calendar_id="primary" needs Google's calendar scope; the id is not known here.
    found = _usage(tmp_path, "    nylas.events.list(grant_id, "
                   "query_params={'calendar_id': calendar_id})", f'["{G}calendar"]')
    assert found == []


FOLLOWED_LISTS = {
    "a local name": "    events = nylas.events\n    events.list(grant_id, query_params={q})",
    "an attribute of an object": (
        "    Agenda(nylas).day(grant_id)\n\n\nclass Agenda:\n"
        "    def __init__(self, client):\n        self.calendar = client.events\n\n"
        "    def day(self, grant_id):\n        return self.calendar.list(grant_id, {q})"),
    "a parameter": (
        "    day(nylas.events, grant_id)\n\n\n"
        "def day(resource, grant_id, calendar_id=None):\n"
        "    return resource.list(grant_id, query_params={q})"),
}


@pytest.mark.parametrize("body", FOLLOWED_LISTS.values(), ids=list(FOLLOWED_LISTS))
def test_the_arguments_of_a_call_reached_through_a_name_are_read(
        tmp_path: Path, body: str) -> None:
    # Another calendar than "primary": the full calendar scope is broader than needed.
    found = _usage(tmp_path, body.format(q="{'calendar_id': 'team'}"), f'["{G}calendar"]')
    assert [(code, "'{G}calendar' is broader".format(G=G) in message)
            for _, code, message in found] == [("NYS302", True)], found


@pytest.mark.parametrize("query", ["{'calendar_id': 'primary'}",
                                   "{'calendar_id': calendar_id}"])
@pytest.mark.parametrize("body", FOLLOWED_LISTS.values(), ids=list(FOLLOWED_LISTS))
def test_a_call_reached_through_a_name_that_may_read_primary_keeps_the_calendar_scope(
        tmp_path: Path, body: str, query: str) -> None:
    # The control: "primary", or an id the analysis cannot read, needs the full scope.
    body = body.replace("def day(self, grant_id)", "def day(self, grant_id, calendar_id=None)")
    assert _usage(tmp_path, body.format(q=query), f'["{G}calendar"]') == []


# A module that never names Nylas, calling the client another module made.
_CLIENTS = {"clients.py": "from app.main import nylas as api\n"}
_AGENDA = ("from app.clients import api\n\n\n"
           "def day(grant_id):\n"
           "    return api.events.list(grant_id, query_params={q})\n")


def test_the_arguments_of_a_call_in_a_module_not_naming_nylas_are_read(
        tmp_path: Path) -> None:
    found = _usage(tmp_path, "    pass", f'["{G}calendar"]',
                   modules={**_CLIENTS, "agenda.py": _AGENDA.format(q="{'calendar_id': 'team'}")})
    assert [(code, f"'{G}calendar' is broader" in message)
            for _, code, message in found] == [("NYS302", True)], found


@pytest.mark.parametrize("query", ["{'calendar_id': 'primary'}", "{'calendar_id': cid}"])
def test_a_call_in_a_module_not_naming_nylas_that_may_read_primary_keeps_calendar(
        tmp_path: Path, query: str) -> None:
    agenda = _AGENDA.format(q=query).replace("def day(grant_id)", "def day(grant_id, cid)")
    assert _usage(tmp_path, "    pass", f'["{G}calendar"]', modules={**_CLIENTS, "agenda.py": agenda}) == []


# Whether a Teams meeting made with the event needs OnlineMeetings.ReadWrite besides
# Calendars.ReadWrite is disputed (V3-24): the body may ask for one here.
_MEETING = ("    nylas.events.create(grant_id, request_body=calendar_id, "
            "query_params={'calendar_id': 'team'})")
_TEAMS_SCOPES = '["Calendars.ReadWrite", "OnlineMeetings.ReadWrite"]'


def test_a_scope_only_a_disputed_requirement_names_is_not_narrowed(tmp_path: Path) -> None:
    # OnlineMeetings.Read was offered in its place: no source names it for meetings.
    assert _usage(tmp_path, _MEETING, _TEAMS_SCOPES, provider='"microsoft"') == []


@pytest.mark.parametrize(("body", "expected"), [
    # The body says no conferencing: the disputed case is out.
    (_MEETING.replace("request_body=calendar_id", "request_body={'title': 'x'}"),
     [("NYS303", "OnlineMeetings.ReadWrite")]),
    # Only reads: each scope is broader than they need, or unused.
    ("    nylas.events.list(grant_id, query_params={'calendar_id': 'team'})",
     [("NYS302", "'Calendars.ReadWrite' is broader"), ("NYS303", "OnlineMeetings.ReadWrite")]),
])
def test_scopes_no_disputed_requirement_names_are_still_judged(
        tmp_path: Path, body: str, expected: list[tuple[str, str]]) -> None:
    found = _usage(tmp_path, body, _TEAMS_SCOPES, provider='"microsoft"')
    assert [(code, text) for _, code, message in found
            for want, text in expected if code == want and text in message] == expected


@pytest.mark.parametrize("body", [
    "    register(nylas)",  # the client goes to code the analysis does not see
    "    nylas.http_client._execute('GET', f'/v3/grants/{grant_id}/messages')",
    # A resource whose name the analysis cannot read.
    "    getattr(nylas, calendar_id).list(grant_id)",
    "    nylas.messages.brand_new_method(grant_id)",
])
def test_a_client_the_analysis_loses_silences_the_claims(tmp_path: Path, body: str) -> None:
    found = _usage(tmp_path, body + "\n    nylas.calendars.list(grant_id)",
                   f'["{G}calendar.readonly", "{G}gmail.modify"]',
                   extra="from elsewhere import register")
    assert not {"NYS302", "NYS303", "NYS405"} & set(_codes(found)), found


def test_an_unknown_receiver_of_a_resource_call_silences_the_claims(tmp_path: Path) -> None:
    body = "    service = make_service()\n    service.nylas.messages.send(grant_id, {})"
    found = _usage(tmp_path, body, f'["{G}gmail.send", "{G}calendar.readonly"]',
                   extra="from elsewhere import make_service")
    # The unknown object may be a client that sends: gmail.send stays.
    assert all("gmail.send" not in message for _, _, message in found), found


def test_a_request_without_scopes_leaves_the_grant_unknown(tmp_path: Path) -> None:
    # The connector's default scopes apply: nothing is missing on their strength.
    found = _usage(tmp_path, "    nylas.messages.send(grant_id, request_body={})",
                   "None")
    assert found == []


def test_a_request_of_an_unknown_provider_silences_every_provider(tmp_path: Path) -> None:
    found = _usage(tmp_path, "    nylas.calendars.list(grant_id)",
                   "SCOPES", provider="",
                   extra="from elsewhere import SCOPES")
    assert found == []


def test_providers_without_a_catalogue_are_not_judged(tmp_path: Path) -> None:
    found = _usage(tmp_path, "    nylas.calendars.list(grant_id)",
                   '["whatever"]', provider='"imap"')
    assert found == []


def test_every_v3_endpoint_is_stated_for_both_providers() -> None:
    surface = API_VERSIONS["v3"].surface()
    for key, endpoints in surface.endpoints.items():
        assert [endpoint.dialect for endpoint in endpoints] == ["v3/google", "v3/microsoft"]
        for endpoint in endpoints:
            catalogue = API_VERSIONS["v3"].catalogue(endpoint.dialect.split("/")[1])
            for option in endpoint.options:
                unknown = {s for s in option.scopes if catalogue.canonical(s) != s}
                assert not unknown, (key, endpoint.dialect, unknown)


def test_every_sdk_method_reaches_an_endpoint_of_the_map() -> None:
    surface = API_VERSIONS["v3"].surface()
    for path, resource in surface.resources.items():
        for child in resource.children.values():
            assert child in surface.resources
        for method, keys in resource.methods.items():
            assert all(key in surface.endpoints for key in keys), (path, method)


RAW_APP = '''import os
from urllib.parse import urlencode

import httpx
import requests

API = os.getenv("NYLAS_API_URI", "https://api.us.nylas.com")
SCOPES = [
    "https://www.googleapis.com/auth/gmail.readonly",
    "https://www.googleapis.com/auth/calendar.readonly",
]


def auth_url():
    query = urlencode({"client_id": "id", "provider": "google", "scope": " ".join(SCOPES)})
    return f"{API}/v3/connect/auth?{query}"


def messages(grant_id):
    return requests.get(f"{API}/v3/grants/{grant_id}/messages").json()


async def calendars(grant_id):
    async with httpx.AsyncClient(base_url=API) as http:
        return (await http.get(f"/v3/grants/{grant_id}/calendars")).json()
'''


def _raw(tmp_path: Path, text: str) -> list[tuple[int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings
                  if f.code in USAGE | {"NYS304"})


def test_raw_v3_requests_are_uses_of_the_endpoint_map(tmp_path: Path) -> None:
    assert _raw(tmp_path, RAW_APP) == []


def test_a_raw_v3_request_left_out_makes_its_scope_unused(tmp_path: Path) -> None:
    text = RAW_APP.replace("requests.get(f\"{API}/v3/grants/{grant_id}/messages\").json()",
                           "None")
    assert [(code, "gmail.readonly" in message) for _, code, message in _raw(tmp_path, text)
            ] == [("NYS303", True)]


_JOINED = " ".join(f"{G}{name}" for name in ("gmail.readonly", "calendar.readonly"))
_JOINED_QUERY = 'urlencode({"client_id": "id", "provider": "google", "scope": "THE_SCOPES"})'


@pytest.mark.parametrize("query", [
    # The wire format written out: one str of scopes joined by spaces, as the query
    # dict's value or in the URL itself.
    _JOINED_QUERY,
    '"client_id=id&provider=google&scope=THE_SCOPES"',
])
def test_a_hand_built_url_s_space_joined_scope_is_judged_scope_by_scope(
        tmp_path: Path, query: str) -> None:
    # Each part of the str is a scope the request asks for (the SDK's own str, split
    # per character, is not): the unused one is said, the ones the calls use are not.
    scopes = f"{_JOINED} {G}contacts.readonly"
    if query.startswith('"client_id'):
        scopes = scopes.replace(" ", "%20")
    text = RAW_APP.replace(
        'urlencode({"client_id": "id", "provider": "google", "scope": " ".join(SCOPES)})',
        query.replace("THE_SCOPES", scopes))
    found = _raw(tmp_path, text)
    assert [(code, message.split("'")[1]) for _, code, message in found] == [
        ("NYS303", f"{G}contacts.readonly")]


def test_a_hand_built_url_s_space_joined_scope_that_the_calls_need_is_kept(
        tmp_path: Path) -> None:
    text = RAW_APP.replace('" ".join(SCOPES)', f'"{_JOINED}"')
    assert _raw(tmp_path, text) == []
    # Without the calendar call, the calendar scope is unused: said, not left unknown.
    text = text.replace('(await http.get(f"/v3/grants/{grant_id}/calendars")).json()', "None")
    assert [code for _, code, _ in _raw(tmp_path, text)] == ["NYS303"]


def test_a_quoted_space_joined_scope_in_a_hand_built_url_is_read(tmp_path: Path) -> None:
    # calendar.readonly serves the calendars call; without it, it is unused.
    quoted = RAW_APP.replace(
        'query = urlencode({"client_id": "id", "provider": "google", "scope": " ".join(SCOPES)})\n'
        '    return f"{API}/v3/connect/auth?{query}"',
        'return f"{API}/v3/connect/auth?client_id=id&provider=google&scope='
        '{quote(\' \'.join(SCOPES))}"').replace(
        "from urllib.parse import urlencode", "from urllib.parse import quote, urlencode")
    assert "quote(" in quoted
    text = quoted.replace('(await http.get(f"/v3/grants/{grant_id}/calendars")).json()', "None")
    assert [(code, "calendar.readonly" in message) for _, code, message in _raw(tmp_path, text)
            ] == [("NYS303", True)]
    # Control: quoted inside urlencode's dict, the value is encoded twice: not read.
    twice = RAW_APP.replace('"scope": " ".join(SCOPES)', '"scope": quote(" ".join(SCOPES))'
                            ).replace("import urlencode", "import quote, urlencode")
    twice = twice.replace('(await http.get(f"/v3/grants/{grant_id}/calendars")).json()',
                          "None")
    assert {code for _, code, _ in _raw(tmp_path, twice)} == {"NYS304"}


def test_a_raw_v3_request_in_a_module_that_never_names_nylas_is_a_use(
        tmp_path: Path) -> None:
    # The mail calls live in a module of their own, whose host comes from the
    # environment under a name that does not say Nylas.
    text = RAW_APP.replace("requests.get(f\"{API}/v3/grants/{grant_id}/messages\").json()",
                           "None")
    (tmp_path / "mail_api.py").write_text(
        "import os\n\nimport requests\n\nBASE = os.environ['MAIL_API_BASE']\n\n\n"
        "def inbox(grant):\n"
        "    return requests.get(f'{BASE}/v3/grants/{grant}/messages').json()\n")
    assert _raw(tmp_path, text) == []


@pytest.mark.parametrize(("mail_api", "expected"), [
    # The base URL ends in /v3: the paths start at the grants.
    ('''def inbox(grant):
    return requests.get(f"{BASE}/grants/{grant}/messages").json()
''', {"NYS304"}),
    # A wrapper joins them to its base URL, which the analysis cannot read.
    ('''class Api:
    def call(self, method, path):
        return requests.request(method, urljoin(BASE, path)).json()


def inbox(grant):
    return Api().call("GET", f"grants/{grant}/messages")
''', {"NYS304"}),
    # Joined from segments.
    ('''def inbox(grant):
    return requests.get("/".join([BASE, "v3", "grants", grant, "messages"])).json()
''', set()),
])
def test_a_grant_path_in_a_module_that_never_names_nylas_keeps_its_scopes(
        tmp_path: Path, mail_api: str, expected: set[str]) -> None:
    # Left out, the request would make gmail.readonly look unused.
    text = RAW_APP.replace("requests.get(f\"{API}/v3/grants/{grant_id}/messages\").json()",
                           "None")
    (tmp_path / "mail_api.py").write_text(
        "import os\nfrom urllib.parse import urljoin\n\nimport requests\n\n"
        "BASE = os.environ['MAIL_API_BASE']\n\n\n" + mail_api)
    found = _raw(tmp_path, text)
    assert {code for _, code, _ in found} == expected, found


def test_a_path_of_another_api_is_no_grant_path(tmp_path: Path) -> None:
    text = RAW_APP.replace("requests.get(f\"{API}/v3/grants/{grant_id}/messages\").json()",
                           "None")
    (tmp_path / "mail_api.py").write_text(
        "import os\n\nimport requests\n\nBASE = os.environ['MAIL_API_BASE']\n\n\n"
        "def inbox(user, grant):\n"
        "    requests.get(f'{BASE}/users/{user}/grants/{grant}').json()\n"
        "    return requests.get(f'{BASE}/users/{user}/messages').json()\n")
    assert [(code, "gmail.readonly" in message) for _, code, message in _raw(tmp_path, text)
            ] == [("NYS303", True)]


_REREAD = '''def messages(grant_id):
    url = f"{API}/v3/grants/{grant_id}/messages/{grant_id}"
    found = requests.get(url).json()
    HANDLING
    return found
'''


def _reread(tmp_path: Path, handling: str) -> list[tuple[int, str, str]]:
    # The mail scope is gmail.modify, which reading a message alone does not need.
    text = RAW_APP.replace(_MESSAGES, _REREAD.replace("HANDLING", handling)).replace(
        "auth/gmail.readonly", "auth/gmail.modify").replace(
        "import requests\n", "import logging\n\nimport requests\n\nfrom retry import with_retry\n"
        "\nPENDING = {}\n")
    (tmp_path / "retry.py").write_text(
        "import requests\n\n\ndef with_retry(method, url):\n"
        "    return requests.request(method, url)\n")
    return _raw(tmp_path, text)


@pytest.mark.parametrize("handling", [
    # with_retry deletes the message: gmail.modify is not broader than needed.
    'with_retry("DELETE", url)',
    # Kept where other code may send it again.
    'PENDING[grant_id] = url',
    'found["url"] = url',
    'return found, url',
])
def test_a_url_a_request_reads_and_hands_on_may_be_sent_again(
        tmp_path: Path, handling: str) -> None:
    found = _reread(tmp_path, handling)
    assert {code for _, code, _ in found} == {"NYS304"}, found


def test_a_url_a_request_reads_and_logs_is_sent_once(tmp_path: Path) -> None:
    found = _reread(tmp_path, 'logging.getLogger(__name__).info("read %s", url)\n'
                              '    logging.info(f"read {url}")\n'
                              '    print(url)')
    assert [(code, "gmail.modify" in message) for _, code, message in found] == [
        ("NYS302", True)], found


_EVENTS_APP = '''import os
from urllib.parse import urlencode

import httpx
import requests

API = os.getenv("NYLAS_API_URI", "https://api.us.nylas.com")
SCOPES = ["https://www.googleapis.com/auth/THE_SCOPE"]
session = requests.Session()


def auth_url():
    query = urlencode({"client_id": "id", "provider": "google", "scope": " ".join(SCOPES)})
    return f"{API}/v3/connect/auth?{query}"


def agenda(grant_id, calendar_id):
    return THE_CALL.json()
'''


def _events(tmp_path: Path, scope: str, call: str) -> list[tuple[str, str]]:
    text = _EVENTS_APP.replace("THE_SCOPE", scope).replace("THE_CALL", call)
    return [(code, message.split("'")[1]) for _, code, message in _raw(tmp_path, text)]


@pytest.mark.parametrize("call", [
    'requests.post(f"{API}/v3/grants/{grant_id}/events?calendar_id=primary", json={})',
    'httpx.get(f"{API}/v3/grants/{grant_id}/events", params={"calendar_id": "primary"})',
])
def test_a_raw_request_for_the_primary_calendar_needs_the_calendar_scope(
        tmp_path: Path, call: str) -> None:
    # calendar_id=primary takes Google's full calendar scope, written in the URL or
    # in params as in an SDK call's query_params.
    assert sorted(_events(tmp_path, "calendar.events", call)) == [
        ("NYS301", f"{G}calendar"), ("NYS303", f"{G}calendar.events")]


def test_a_raw_request_for_another_calendar_does_not_need_it(tmp_path: Path) -> None:
    call = 'requests.get(f"{API}/v3/grants/{grant_id}/events?calendar_id=work")'
    assert _events(tmp_path, "calendar", call) == [("NYS302", f"{G}calendar")]


@pytest.mark.parametrize("call", [
    # The calendar chosen at run time.
    'requests.get(f"{API}/v3/grants/{grant_id}/events", params={"calendar_id": calendar_id})',
    'requests.get(f"{API}/v3/grants/{grant_id}/events?calendar_id={calendar_id}")',
    # A session's default query parameters may name it.
    'session.get(f"{API}/v3/grants/{grant_id}/events", params={"limit": 5})',
])
def test_a_raw_request_whose_calendar_cannot_be_read_keeps_every_case(
        tmp_path: Path, call: str) -> None:
    assert _events(tmp_path, "calendar", call) == []
    assert _events(tmp_path, "calendar.events", call) == []


def test_a_raw_v3_path_outside_the_map_silences_the_claims(tmp_path: Path) -> None:
    text = RAW_APP.replace("/v3/grants/{grant_id}/messages", "/v3/grants/{grant_id}/new-thing")
    found = _raw(tmp_path, text)
    assert [code for _, code, _ in found] == ["NYS304"]
    assert "is not in the endpoint map" in found[0][2]


_MESSAGES = '''def messages(grant_id):
    return requests.get(f"{API}/v3/grants/{grant_id}/messages").json()
'''


@pytest.mark.parametrize("wrapper", [
    # A wrapper that takes the path and the method from its callers.
    '''def nylas_request(method, path, **kwargs):
    return requests.request(method, f"{BASE}/v3{path}", **kwargs).json()


def messages(grant_id):
    return nylas_request("GET", f"/grants/{grant_id}/messages")
''',
    # The resource named by a parameter.
    '''def grant_get(grant_id, resource):
    return requests.get(f"{BASE}/v3/grants/{grant_id}/{resource}").json()


def messages(grant_id):
    return grant_get(grant_id, "messages")
''',
    # The method chosen at run time.
    '''def messages(grant_id, method="GET"):
    return requests.request(method, f"{BASE}/v3/grants/{grant_id}/messages").json()
''',
])
@pytest.mark.parametrize("base", ["API", "settings.NYLAS_BASE"])
def test_a_raw_v3_request_the_analysis_cannot_name_silences_the_claims(
        tmp_path: Path, wrapper: str, base: str) -> None:
    # Left out, the request would make gmail.readonly look unused.  The host may come
    # from configuration that does not name Nylas: the /v3 path does.
    text = RAW_APP.replace(_MESSAGES, wrapper.replace("{BASE}", "{" + base + "}"))
    text = text.replace("import requests\n", "import requests\n\nimport settings\n")
    (tmp_path / "settings.py").write_text('NYLAS_BASE = "https://gateway.internal"\n')
    found = _raw(tmp_path, text)
    # The caller's path relative to the wrapper's /v3 may be said unresolved too.
    assert {code for _, code, _ in found} == {"NYS304"}, found
    # A path with a part built at run time cannot be matched; one read whole is not
    # in the map.  A method chosen at run time is not shown as one.
    assert ("cannot be matched to an endpoint (part of its path is built at run time)"
            in found[0][2]) or "is not in the endpoint map" in found[0][2]
    assert "REQUEST" not in found[0][2]


@pytest.mark.parametrize("sender", [
    # A gateway that takes the whole path from its callers: its own URL is all holes.
    '''class Gateway:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def fetch(self, path, **params):
        return self.session.get(f"{self.base}{path}", params=params).json()


def messages(grant_id):
    return Gateway(API).fetch(f"/v3/grants/{grant_id}/messages", limit=5)
''',
    # A path template filled with str.format, which the request cannot read.
    '''MESSAGES = "/v3/grants/{grant}/messages"


def messages(grant_id):
    return requests.get(API + MESSAGES.format(grant=grant_id)).json()
''',
    # A v3 base URL given to an HTTP client the analysis does not know.
    '''def messages(grant_id):
    session = RestSession(base_url=f"{API}/v3/")
    return session.get(f"grants/{grant_id}/messages").json()
''',
    # Whole-URL templates whose first field is the host, filled where the analysis
    # cannot read them.
    '''from urls import MESSAGES_URL


def messages(grant_id):
    return requests.get(MESSAGES_URL.format(base=API, grant=grant_id)).json()
''',
    '''def messages(grant_id):
    url = "%(base)s/v3/grants/%(grant)s/messages" % {"base": API, "grant": grant_id}
    return requests.get(url).json()
''',
    '''MESSAGES = string.Template("$base/v3/grants/$grant/messages")


def messages(grant_id):
    return requests.get(MESSAGES.substitute(base=API, grant=grant_id)).json()
''',
])
def test_a_v3_path_no_request_is_seen_to_send_silences_its_scopes(
        tmp_path: Path, sender: str) -> None:
    text = RAW_APP.replace(_MESSAGES, sender).replace(
        "import requests\n", "import string\n\nimport requests\n"
        "from restkit import RestSession\n")
    (tmp_path / "urls.py").write_text(
        'MESSAGES_URL = "{base}/v3/grants/{grant}/messages"\n'
        'STATUS_URL = "{base}/status"\n')
    found = _raw(tmp_path, text)
    # Left out, the request would make gmail.readonly look unused.
    assert {code for _, code, _ in found} == {"NYS304"}, found


def test_a_url_template_that_names_no_v3_path_is_no_request(tmp_path: Path) -> None:
    # The host field of a template does not make every template a Nylas request.
    sender = '''from urls import STATUS_URL


def messages(grant_id):
    return requests.get(STATUS_URL.format(base=API)).json()
'''
    (tmp_path / "urls.py").write_text('STATUS_URL = "{base}/status"\n'
                                      'HEALTH = "$base/v2/health"\n')
    text = RAW_APP.replace(_MESSAGES, sender)
    assert [(code, "gmail.readonly" in message) for _, code, message in _raw(tmp_path, text)
            ] == [("NYS303", True)]


def test_a_template_from_configuration_filled_with_the_host_is_unresolved(
        tmp_path: Path) -> None:
    # The template is read from settings the analysis cannot see: it may spell any
    # Nylas route, so the call is a request it cannot follow (the control of the
    # template the project writes itself, above).
    sender = '''from django.conf import settings


def messages(grant_id):
    return requests.get(settings.MESSAGES_TEMPLATE.format(base=API)).json()
'''
    text = RAW_APP.replace(_MESSAGES, sender)
    assert [code for _, code, _ in _raw(tmp_path, text)] == ["NYS304"]


def test_a_v3_path_in_prose_is_no_request(tmp_path: Path) -> None:
    # A docstring sends nothing: the mail scope is still unused.
    sender = '''def messages(grant_id):
    """/v3/grants/{grant_id}/messages of the mail service, proxied."""
    return None
'''
    text = RAW_APP.replace(_MESSAGES, sender)
    assert [(code, "gmail.readonly" in message) for _, code, message in _raw(tmp_path, text)
            ] == [("NYS303", True)]


_NO_MESSAGES = '''def messages(grant_id):
    return None
'''


@pytest.mark.parametrize("routes", [
    'router = APIRouter(prefix="/v3")\n',
    'router = APIRouter()\napp = FastAPI()\napp.include_router(router, prefix="/v3")\n',
    'bp = Blueprint("v3", __name__, url_prefix="/v3")\n',
    'app = Flask(__name__)\napp.register_blueprint(bp, url_prefix=f"{PREFIX}/v3/grants")\n',
    'app = Flask(__name__)\napp.add_url_rule("/v3/grants/<grant>/messages", view_func=v)\n',
    'routes = [Mount("/v3/grants", routes=[])]\n',
])
def test_a_v3_path_the_app_serves_is_no_request(tmp_path: Path, routes: str) -> None:
    # The app's own API is versioned /v3 too: the mail scope is still unused.
    text = RAW_APP.replace(_MESSAGES, _NO_MESSAGES + "\n\n" + routes).replace(
        "import requests\n",
        "import requests\nfrom fastapi import APIRouter, FastAPI\n"
        "from flask import Blueprint, Flask\nfrom starlette.routing import Mount\n")
    assert [(code, "gmail.readonly" in message) for _, code, message in _raw(tmp_path, text)
            ] == [("NYS303", True)]


_RESOURCE = '''@ns.route("/grants/<grant_id>/drafts")
class Drafts(Resource):
    def get(self, grant_id):
        return []
'''


def test_a_grant_path_a_resource_class_is_routed_at_is_no_request(tmp_path: Path) -> None:
    # Flask-RESTX registers the class at the app's own path: the mail scope is
    # still unused, and nothing is left unresolved.
    text = RAW_APP.replace(_MESSAGES, _NO_MESSAGES + "\n\n" + _RESOURCE)
    assert [(code, "gmail.readonly" in message) for _, code, message in _raw(tmp_path, text)
            ] == [("NYS303", True)]


def test_a_grant_path_a_class_body_hands_on_still_silences(tmp_path: Path) -> None:
    resource = _RESOURCE.replace(
        "        return []", '''        return send("GET", "/grants/<grant_id>/drafts")''')
    text = RAW_APP.replace(_MESSAGES, _NO_MESSAGES + "\n\n" + resource)
    assert {code for _, code, _ in _raw(tmp_path, text)} == {"NYS304"}


@pytest.mark.parametrize("sender", [
    # A gateway of the app's own taking a base path: it may send it to Nylas.
    'gateway = Gateway(prefix="/v3/grants")\n',
    # A route method name on a receiver the code does not show to be a web app.
    'client.add_route(f"{API}/v3/grants/{grant}/messages")\n',
])
def test_a_v3_path_given_to_another_call_still_silences(tmp_path: Path, sender: str) -> None:
    text = RAW_APP.replace(_MESSAGES, _NO_MESSAGES + "\n\n" + sender)
    assert {code for _, code, _ in _raw(tmp_path, text)} == {"NYS304"}


_JOIN_IMPORTS = "import requests\nimport posixpath\nfrom yarl import URL\n"


@pytest.mark.parametrize(("joined", "expected"), [
    # Segments joined with str.join in a function whose result the request sends.
    ('''def grant_url(grant_id, *parts):
    return "/".join([API, "v3", "grants", grant_id, *parts])


def messages(grant_id):
    return requests.get(grant_url(grant_id, "messages")).json()
''', {"NYS304"}),
    ('''def messages(grant_id):
    return requests.get(posixpath.join(API, "v3/grants", grant_id, "messages")).json()
''', set()),
    # yarl's URL, as aiohttp takes it.
    ('''BASE = URL(API) / "v3"


def messages(grant_id):
    return requests.get(BASE / "grants" / grant_id / "messages").json()
''', set()),
])
def test_a_v3_url_joined_from_segments_is_a_request(
        tmp_path: Path, joined: str, expected: set[str]) -> None:
    # Left out, the request would make gmail.readonly look unused.
    text = RAW_APP.replace(_MESSAGES, joined).replace("import requests\n", _JOIN_IMPORTS)
    found = _raw(tmp_path, text)
    assert {code for _, code, _ in found} == expected, found


def test_a_url_joined_from_segments_is_read_as_the_route_it_names(tmp_path: Path) -> None:
    # Sending mail through a joined URL needs gmail.send, and a joined URL that names
    # no Nylas route leaves the mail scope unused.
    sender = '''def messages(grant_id):
    requests.get("/".join(["https://status.example.com", "v2", "health"]))
    return requests.post(posixpath.join(API, "v3", "grants", grant_id, "messages", "send"))
'''
    text = RAW_APP.replace(_MESSAGES, sender).replace("import requests\n", _JOIN_IMPORTS)
    found = [(code, message.split("'")[1]) for _, code, message in _raw(tmp_path, text)]
    assert sorted(found) == [
        ("NYS301", "https://www.googleapis.com/auth/gmail.send"),
        ("NYS303", "https://www.googleapis.com/auth/gmail.readonly"),
    ], found


def test_the_readme_shows_what_infer_says_on_the_v3_example(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "examples" / "v3app", tmp_path / "examples" / "v3app",
                    ignore=shutil.ignore_patterns(".nylas-scopes-cache", "__pycache__"))
    result = subprocess.run(
        [sys.executable, "-m", "flake8_nylas_scopes", "infer", "examples/v3app"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ nylas-scopes infer examples/v3app\n")[1].split("```")[0]
    assert result.returncode == 0, result.stderr
    assert result.stdout == block
    assert "Google security assessment: not required" in block
    assert "https://www.googleapis.com/auth/gmail.send  [sensitive]" in block


_THREAD_APP = """\
from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://a/cb", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.send"]})


def close(grant, thread, to):
    nylas.messages.send(grant, request_body={"to": [{"email": to}], "body": "closing"})
    nylas.threads.update(grant, thread, {"unread": False})
"""


def test_infer_names_what_the_uses_of_uncertain_need_likely_need(tmp_path: Path) -> None:
    # ``threads.update`` needs ``gmail.modify`` by the map's inference only: the minimal
    # set serves the send alone, and the headline says what else is likely needed.
    import json
    import subprocess
    import sys

    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(_THREAD_APP)
    run = subprocess.run(
        [sys.executable, "-m", "flake8_nylas_scopes", "infer", "."],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    headline, *rest = run.stdout.splitlines()
    assert headline == (f"Google (API v3) minimal scopes: {G}gmail.send; the uses of "
                        f"uncertain need below likely also need: {G}gmail.modify")
    assert ("  Google security assessment: not required for the minimal scopes; required "
            f"with the likely ones ('{G}gmail.modify' restricted)") in rest
    run = subprocess.run(
        [sys.executable, "-m", "flake8_nylas_scopes", "infer", "--format", "json", "."],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    [google] = json.loads(run.stdout)["projects"][0]["providers"]
    assert [entry["scope"] for entry in google["scopes"]] == [G + "gmail.send"]
    assert google["likely"] == [G + "gmail.modify"]


def test_infer_json_names_each_provider_with_tiers(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(
        "from nylas import Client\n"
        "nylas = Client('key')\n"
        "def inbox(grant):\n"
        "    return nylas.messages.list(grant)\n")
    result = subprocess.run(
        [sys.executable, "-m", "flake8_nylas_scopes", "infer", "--format", "json", "."],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    [project] = json.loads(result.stdout)["projects"]
    google, microsoft = project["providers"]
    assert google["provider"] == "google" and microsoft["provider"] == "microsoft"
    assert google["scopes"] == [{"scope": G + "gmail.readonly", "tier": "restricted"}]
    assert google["security_assessment"] == {
        "required": True, "because": [G + "gmail.readonly"],
        # No use of uncertain need: the likely scopes are the minimal ones.
        "likely_required": True, "likely_because": [G + "gmail.readonly"]}
    assert google["likely"] == [] and microsoft["likely"] == []
    assert microsoft["scopes"] == [{"scope": "Mail.Read", "tier": "user consent"}]
    assert "security_assessment" not in microsoft


def _findings(tmp_path: Path, text: str) -> list:  # type: ignore[type-arg]
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted(result.findings, key=lambda finding: finding.sort_key)


MIGRATING = '''from nylas import Client

nylas = Client("key")

SCOPES = ["email.modify", "calendar.read_only"]


def login():
    return nylas.auth.url_for_oauth2({"client_id": "id", "provider": "google",
                                      "redirect_uri": "https://a/cb", "scope": SCOPES})


def notify(grant):
    nylas.messages.send(grant, request_body={"subject": "x"})
'''


def test_the_migration_is_narrowed_to_what_the_v3_calls_need(tmp_path: Path) -> None:
    found = [f for f in _findings(tmp_path, MIGRATING) if f.code != "NYS304"]
    assert [f.code for f in found] == ["NYS401", "NYS401"]
    email, calendar = found
    # email.modify: the app only sends.
    assert email.fix is not None and email.fix.replacement == (G + "gmail.send",)
    assert "(what the calls need of it)" in email.message
    # calendar.read_only: no call reads calendars; the full replacement stays (dropping
    # it is for the usage rules to say once the list is migrated).
    assert calendar.fix is not None and calendar.fix.replacement == (G + "calendar.readonly",)
    # The list grants nothing until it is migrated: no call is "missing" a scope.
    assert not any(f.code == "NYS301" for f in found)


def test_the_migration_is_not_narrowed_when_a_use_is_unresolved(tmp_path: Path) -> None:
    text = MIGRATING.replace("def notify(grant):",
                             "import elsewhere\nelsewhere.keep(nylas)\n\n\ndef notify(grant):")
    email = [f for f in _findings(tmp_path, text) if f.code == "NYS401"][0]
    assert email.fix is not None and email.fix.replacement == (G + "gmail.modify",)


def test_include_grant_scopes_leaves_the_grant_unknown(tmp_path: Path) -> None:
    # The new grant keeps the scopes of the earlier one: nothing is missing or unused
    # on the strength of this list alone.
    found = _usage(tmp_path, "    nylas.messages.send(grant_id, request_body={})",
                   f'["{G}calendar.readonly"], "include_grant_scopes": True')
    assert found == []


def _all_codes(tmp_path: Path, modules: dict[str, str]) -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    for name, text in modules.items():
        (tmp_path / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.path.rpartition("/")[2], f.span.line, f.code)
                  for f in result.findings)


_ONE_LOGIN = '''import os
from nylas import Client
{imports}
nylas = Client(os.environ["NYLAS_API_KEY"])


def login():
    return nylas.auth.url_for_oauth2({config})


def read(grant_id, message_id):
    return nylas.messages.find(grant_id, message_id)
'''
_MICROSOFT = '{"client_id": "id", "provider": "microsoft", "scope": ["Mail.Read", "Mail.Send"]}'


@pytest.mark.parametrize("imports, config, settings", [
    ("from settings import AUTH\n", "AUTH", f"AUTH = {_MICROSOFT}\n"),
    ("import logging\n", _MICROSOFT.replace("}", ', "include_grant_scopes": True}'), ""),
], ids=["another-modules-config", "include-grant-scopes"])
def test_the_only_request_whose_grant_is_unknown_says_so(
    tmp_path: Path, imports: str, config: str, settings: str,
) -> None:
    # The usage rules are silent (the grant may hold more than the list): the request
    # itself is where NYS304 tells why, as no other request could name it.
    modules = {"app.py": _ONE_LOGIN.format(imports=imports, config=config)}
    if settings:
        modules["settings.py"] = settings
    assert _all_codes(tmp_path, modules) == [("app.py", 9, "NYS304")]


def test_the_only_request_whose_grant_is_read_is_judged(tmp_path: Path) -> None:
    text = _ONE_LOGIN.format(imports="import logging\n", config=_MICROSOFT)
    assert _all_codes(tmp_path, {"app.py": text}) == [("app.py", 9, "NYS303")]


def test_the_primary_calendar_read_literally_needs_the_full_scope(tmp_path: Path) -> None:
    found = _usage(tmp_path, "    nylas.events.list(grant_id, query_params={'calendar_id': "
                   "'primary'})", f'["{G}calendar.events.readonly"]')
    # The request (line 10) is of no use to the call, which lacks the scope (line 17).
    assert _codes(found) == ["NYS303", "NYS301"]
    found = found[1:]
    assert f"add '{G}calendar'" in found[0][2]


def test_another_literal_calendar_lets_the_full_scope_narrow(tmp_path: Path) -> None:
    body = ("    query = {'calendar_id': 'team@example.com', 'limit': 5}\n"
            "    nylas.events.list(grant_id, query_params=query)")
    found = _usage(tmp_path, body, f'["{G}calendar"]')
    assert _codes(found) == ["NYS302"]
    assert "calendar.events.readonly" in found[0][2]


@pytest.mark.parametrize("change", [
    "    query.update(calendar_id='primary')",
    "    query.update(preferences)",
    "    choose_calendar(query)",
    "    chosen = query\n    chosen['calendar_id'] = 'primary'",
    "    holder = {'query': query}\n    holder['query']['calendar_id'] = 'primary'",
    "    del query['calendar_id']\n    query[calendar_id] = 'primary'",
])
def test_a_query_dict_other_code_may_change_is_not_read_by_its_assignment(
        tmp_path: Path, change: str) -> None:
    # The dict the call gets is no longer the one its assignment shows: the id may
    # be "primary", so the full calendar scope is not called broader than needed.
    body = ("    preferences = {}\n"
            "    query = {'calendar_id': 'team@example.com'}\n"
            f"{change}\n"
            "    nylas.events.create(grant_id, request_body={}, query_params=query)")
    extra = "\ndef choose_calendar(query):\n    query['calendar_id'] = 'primary'\n"
    assert _usage(tmp_path, body, f'["{G}calendar"]', extra=extra) == []


def test_a_query_dict_only_read_besides_the_call_still_narrows(tmp_path: Path) -> None:
    body = ("    query = {'calendar_id': 'team@example.com'}\n"
            "    if query.get('calendar_id') and 'limit' not in query:\n"
            "        print(f'creating in {query}', len(query))\n"
            "    query['title_prefix'] = 'x'\n"
            "    nylas.events.create(grant_id, request_body={}, query_params=query)")
    found = _usage(tmp_path, body, f'["{G}calendar"]')
    assert _codes(found) == ["NYS302"]
    assert "calendar.events" in found[0][2]


@pytest.mark.parametrize("change", [
    "choose_calendar(QUERY)\n",
    "\ndef personal():\n    mine = QUERY\n    mine['calendar_id'] = 'primary'\n",
])
def test_a_module_query_dict_other_code_may_change_is_not_read_by_its_assignment(
        tmp_path: Path, change: str) -> None:
    extra = ("QUERY = {'calendar_id': 'team@example.com'}\n\n\n"
             "def choose_calendar(query):\n    query['calendar_id'] = 'primary'\n\n\n"
             + change)
    body = "    nylas.events.create(grant_id, request_body={}, query_params=QUERY)"
    assert _usage(tmp_path, body, f'["{G}calendar"]', extra=extra) == []


def test_a_module_query_dict_only_one_call_reads_still_narrows(tmp_path: Path) -> None:
    extra = "QUERY = {'calendar_id': 'team@example.com'}\nprint(QUERY)\n"
    body = "    nylas.events.create(grant_id, request_body={}, query_params=QUERY)"
    assert _codes(_usage(tmp_path, body, f'["{G}calendar"]', extra=extra)) == ["NYS302"]


def test_a_typed_query_dict_of_the_sdk_is_read(tmp_path: Path) -> None:
    body = ("    from nylas.models.events import ListEventQueryParams\n"
            "    nylas.events.list(grant_id, ListEventQueryParams(calendar_id='primary'))")
    found = _usage(tmp_path, body, f'["{G}calendar.events.readonly"]')
    assert _codes(found) == ["NYS303", "NYS301"]


def _send_endpoint() -> Endpoint:
    google, _ = API_VERSIONS["v3"].surface().endpoints[
        "POST /v3/grants/{identifier}/messages/send"]
    return google


def _body(*pairs: tuple[str, object], complete: bool = True) -> CallArguments:
    span = Span("app.py", 1, 0, 1, 1)
    return CallArguments(span, None, ArgumentDict(tuple(pairs), complete))  # type: ignore[arg-type]


def test_a_scheduled_send_is_judged_by_its_own_case() -> None:
    cases = ArgumentCases()
    send = _send_endpoint()
    scheduled = cases.decide(send, _body(("send_at", True), ("to", True)))
    assert [sorted(option.scopes) for option in scheduled.options] == [[G + "gmail.send"]]
    assert not scheduled.variants
    plain = cases.decide(send, _body(("to", True)))
    assert len(plain.options) == 3 and not plain.variants  # gmail.send, compose, modify
    # The same case chosen twice is one endpoint (uses are grouped by endpoint).
    assert cases.decide(send, _body(("to", True), ("subject", "Hi"))) is plain


def test_a_body_that_may_hold_more_keys_leaves_every_case_open() -> None:
    # ``{"to": [], **extra}``: send_at may be among the keys ``extra`` adds.
    send = _send_endpoint()
    assert ArgumentCases().decide(send, _body(("to", True), complete=False)) is send
    # An unread value of the key decides nothing either.
    assert ArgumentCases().decide(send, _body(("send_at", None))) is send
    # Nor a call whose arguments were not read (a bound method handed over).
    assert ArgumentCases().decide(send, None) is send


def _events_create(provider: str) -> Endpoint:
    google, microsoft = API_VERSIONS["v3"].surface().endpoints[
        "POST /v3/grants/{identifier}/events"]
    return google if provider == "google" else microsoft


def _query_and_body(query: tuple[tuple[str, object], ...],
                    body: tuple[tuple[str, object], ...]) -> CallArguments:
    return CallArguments(Span("app.py", 1, 0, 1, 1),
                         ArgumentDict(query, True),  # type: ignore[arg-type]
                         ArgumentDict(body, True))  # type: ignore[arg-type]


def test_a_condition_about_google_leaves_microsoft_its_own_case() -> None:
    # calendar_id="primary" is a Google condition: Teams conferencing still applies to
    # Microsoft (where OnlineMeetings.ReadWrite may be needed) on the same call.
    arguments = _query_and_body((("calendar_id", "primary"),),
                                (("conferencing", True), ("conferencing.autocreate", True)))
    decided = ArgumentCases().decide(_events_create("microsoft"), arguments)
    assert {"OnlineMeetings.ReadWrite"} <= {scope for option in decided.options
                                            for scope in option.scopes}
    # Control: Google takes its "primary" case.
    google = ArgumentCases().decide(_events_create("google"), arguments)
    assert [sorted(option.scopes) for option in google.options] == [[G + "calendar"]]


def test_a_dict_whose_value_cannot_be_read_holds_any_key() -> None:
    # ``{"conferencing": settings}``: autocreate may be among its keys.
    microsoft = _events_create("microsoft")
    unread = _query_and_body((("calendar_id", "team"),), (("conferencing", None),))
    assert ArgumentCases().decide(microsoft, unread) is microsoft
    # Control: a conferencing dict read without autocreate chooses the base case.
    read = _query_and_body((("calendar_id", "team"),),
                           (("conferencing", True), ("conferencing.provider", "Zoom")))
    assert not ArgumentCases().decide(microsoft, read).variants


def test_an_inferred_case_keeps_the_case_it_would_replace(tmp_path: Path) -> None:
    # That an RSVP with skip_nylas_email needs no send scope is inferred: gmail.send,
    # which the RSVP needs without it, is not called unused on that strength.
    # (A certain case still replaces the base one: a scheduled send takes gmail.send
    # only, see test_a_scheduled_send_read_from_the_code.)
    body = ("    nylas.events.send_rsvp(grant_id, 'event',\n"
            "                           {'status': 'yes', 'skip_nylas_email': True},\n"
            "                           {'calendar_id': 'team'})")
    found = _usage(tmp_path, body, f'["{G}calendar.events", "{G}gmail.send"]')
    assert found == []


def test_a_scheduled_send_read_from_the_code(tmp_path: Path) -> None:
    body = "    nylas.messages.send(grant_id, {'to': [], 'send_at': 1767225600})"
    found = _usage(tmp_path, body, f'["{G}gmail.modify"]')
    assert [(code, "'" + G + "gmail.send' (sensitive)" in message)
            for _, code, message in found] == [("NYS405", True)]


def test_a_configured_client_name_is_read_as_either_generation(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(
        "import nylas  # noqa: F401\n"
        "from elsewhere import make\n\n"
        "nylas_client = make()\n\n\n"
        "def inbox(grant):\n"
        "    nylas_client.messages.where(unread=True)\n"   # v2
        "    return nylas_client.events.list(grant)\n")    # v3
    config = make_config(client_names=["nylas_client"])
    result = analyse([str(tmp_path)], config, lambda code: True, use_cache=False)
    [state] = result.states
    assert state.state is not None
    keys = {(use.endpoint.dialect, use.endpoint.key) for use in state.state.endpoint_uses}
    assert ("v2", "GET /messages") in keys
    assert ("v3/google", "GET /v3/grants/{identifier}/events") in keys
    # The v2 call is not also reported as a v3 call outside the endpoint map.
    assert not [use for use in state.state.unresolved if "messages.where" in use.reason]


def test_infer_says_when_an_unread_argument_decided_the_scope(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(
        "from nylas import Client\n"
        "nylas = Client('key')\n"
        "def agenda(grant, calendar_id):\n"
        "    return nylas.events.list(grant, query_params={'calendar_id': calendar_id})\n")
    result = subprocess.run(
        [sys.executable, "-m", "flake8_nylas_scopes", "infer", "."],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert f"'{G}calendar' grants it (documented, V3-22; whatever calendar_id is)" in (
        result.stdout)
# A Scheduler configuration is booked from the browser (the Scheduling Page or
# Component): Nylas then reads and writes the organiser's calendar with the grant
# whose scopes are judged here, through requests no call of the app shows.
_CONFIGURATION = ("    nylas.scheduler.configurations.create(grant_id, request_body={"
                  "'participants': [], 'availability': {}, 'event_booking': {}})")
_SESSION = ("    nylas.scheduler.sessions.create("
            "request_body={'configuration_id': calendar_id})\n"
            "    nylas.messages.list(grant_id)")


@pytest.mark.parametrize("body", [_CONFIGURATION, _SESSION])
@pytest.mark.parametrize(("scopes", "provider"), [
    ('["Calendars.ReadWrite", "Mail.Read"]', '"microsoft"'),
    (f'["{G}calendar", "{G}gmail.readonly"]', '"google"'),
    (f'["{G}calendar.events", "{G}calendar.readonly", "{G}gmail.readonly"]', '"google"'),
])
def test_a_bookable_configuration_keeps_the_calendar_write_scope(
        tmp_path: Path, body: str, scopes: str, provider: str) -> None:
    found = _usage(tmp_path, body, scopes, provider=provider)
    for _, code, message in found:
        if code == "NYS302":
            # Google's calendar may give way to the two narrower scopes a booking
            # needs, never to read access alone.
            assert message.endswith(f"request '{G}calendar.events' + '{G}calendar.readonly'"
                                    " instead"), message
        else:
            # The configuration alone reads no mail.
            assert code == "NYS303" and ("Mail.Read" in message or "gmail" in message), found


def test_a_configuration_read_scope_alone_is_not_called_missing(tmp_path: Path) -> None:
    # Whether guests will book is the app's business: no NYS301 on its strength.
    found = _usage(tmp_path, _CONFIGURATION, '["Calendars.Read"]', provider='"microsoft"')
    assert found == []


def test_infer_asks_for_what_a_booking_needs() -> None:
    key = "POST /v3/grants/{identifier}/scheduling/configurations"
    uses = [EndpointUse(endpoint, Span("app.py", 1, 0, 1, 1), "create", "create")
            for endpoint in SURFACE.endpoints[key]]
    assert infer(uses, "v3/microsoft").scopes == ["Calendars.ReadWrite"]
    assert infer(uses, "v3/google").scopes == [G + "calendar"]


# Nylas sends a notification only to grants with its trigger's scopes; subscriptions
# are often made in the Dashboard, so the trigger's name in the code stands for one.
_HANDLER = ("    if calendar_id == 'message.created':\n"
            "        return None\n"
            "    nylas.calendars.list(grant_id)")
_SUBSCRIPTION = ("    nylas.webhooks.create(request_body={'trigger_types': "
                 "[WebhookTriggers.MESSAGE_CREATED], 'webhook_url': 'https://a/hook'})\n"
                 "    nylas.calendars.list(grant_id)")
_SUBSCRIBE_EXTRA = "from nylas.models.webhooks import WebhookTriggers"


_MATCH = ("    match calendar_id:\n"
          "        case {'type': 'message.created'}:\n"
          "            return None\n"
          "    nylas.calendars.list(grant_id)")


@pytest.mark.parametrize(("body", "extra"), [
    (_HANDLER, ""),
    (_MATCH, ""),
    (_SUBSCRIPTION, _SUBSCRIBE_EXTRA),
    (_SUBSCRIPTION.replace("WebhookTriggers.", "WT."), _SUBSCRIBE_EXTRA + " as WT"),
])
@pytest.mark.parametrize(("scopes", "provider"), [
    (f'["{G}calendar.readonly", "{G}gmail.readonly"]', '"google"'),
    ('["Calendars.Read", "Mail.Read"]', '"microsoft"'),
])
def test_a_notification_trigger_keeps_its_scopes(
        tmp_path: Path, body: str, extra: str, scopes: str, provider: str) -> None:
    assert _usage(tmp_path, body, scopes, provider=provider, extra=extra) == []


def test_without_the_trigger_the_mail_scope_is_unused(tmp_path: Path) -> None:
    found = _usage(tmp_path, "    nylas.calendars.list(grant_id)",
                   f'["{G}calendar.readonly", "{G}gmail.readonly"]')
    assert [(code, "gmail.readonly" in message) for _, code, message in found] == [
        ("NYS303", True)]


# Reply tracking: Nylas notices replies to a tracked message in the mail that arrives.
_TRACKED = ("    nylas.messages.send(grant_id, request_body={'tracking_options': "
            "{'thread_replies': True}})\n"
            "    nylas.webhooks.create(request_body={'trigger_types': "
            "[WebhookTriggers.THREAD_REPLIED], 'webhook_url': 'https://a/hook'})")


# A webhook handler need not say Nylas: its subscription was made in the Dashboard.
_PLAIN_HANDLER = """\
def incoming(event):
    if event["type"] == "message.created":
        return event["data"]["object"]["subject"]
    return None
"""


def test_a_trigger_in_a_module_that_never_says_nylas_keeps_its_scopes(
        tmp_path: Path) -> None:
    assert _usage(tmp_path, "    nylas.calendars.list(grant_id)",
                  f'["{G}calendar.readonly", "{G}gmail.readonly"]',
                  modules={"hooks.py": _PLAIN_HANDLER}) == []


def test_a_module_that_never_says_nylas_names_no_trigger_by_other_words(
        tmp_path: Path) -> None:
    found = _usage(tmp_path, "    nylas.calendars.list(grant_id)",
                   f'["{G}calendar.readonly", "{G}gmail.readonly"]',
                   modules={"hooks.py": _PLAIN_HANDLER.replace("message.created",
                                                               "message.posted")})
    assert [(code, "gmail.readonly" in message) for _, code, message in found] == [
        ("NYS303", True)]


@pytest.mark.parametrize("test", [
    'event["type"].startswith("message.")',
    'event["type"].split(".")[0] == "message"',
    '"message" == event["type"].partition(".")[0]',
])
@pytest.mark.parametrize("says_nylas", [True, False])
def test_a_handler_of_a_family_of_triggers_keeps_their_scopes(
        tmp_path: Path, test: str, says_nylas: bool) -> None:
    handler = _PLAIN_HANDLER.replace('event["type"] == "message.created"', test)
    if says_nylas:
        handler = "from app.main import nylas  # noqa: F401\n\n\n" + handler
    assert _usage(tmp_path, "    nylas.calendars.list(grant_id)",
                  f'["{G}calendar.readonly", "{G}gmail.readonly"]',
                  modules={"hooks.py": handler}) == []


@pytest.mark.parametrize("test", [
    'event["type"].startswith("messages.")',
    'event["type"].split(".")[1] == "message"',
    'event["type"] == "message"',
])
def test_other_words_name_no_family_of_triggers(tmp_path: Path, test: str) -> None:
    found = _usage(tmp_path, "    nylas.calendars.list(grant_id)",
                   f'["{G}calendar.readonly", "{G}gmail.readonly"]',
                   modules={"hooks.py": _PLAIN_HANDLER.replace(
                       'event["type"] == "message.created"', test)})
    assert [(code, "gmail.readonly" in message) for _, code, message in found] == [
        ("NYS303", True)]


def test_a_trigger_whose_scopes_no_source_states_keeps_the_mail_scopes(
        tmp_path: Path) -> None:
    assert _usage(tmp_path, _TRACKED, f'["{G}gmail.send", "{G}gmail.readonly"]',
                  extra=_SUBSCRIBE_EXTRA) == []


def test_without_the_tracking_trigger_the_read_scope_is_unused(tmp_path: Path) -> None:
    body = _TRACKED.replace("WebhookTriggers.THREAD_REPLIED", "'grant.expired'")
    found = _usage(tmp_path, body, f'["{G}gmail.send", "{G}gmail.readonly"]',
                   extra=_SUBSCRIBE_EXTRA)
    assert [(code, "gmail.readonly" in message) for _, code, message in found] == [
        ("NYS303", True)]


def test_a_trigger_never_makes_a_scope_missing(tmp_path: Path) -> None:
    # A name is not a subscription: nothing is called missing on its strength.
    assert _usage(tmp_path, _HANDLER, f'["{G}calendar.readonly"]') == []


def test_a_trigger_still_lets_a_broader_scope_be_narrowed(tmp_path: Path) -> None:
    found = _usage(tmp_path, _HANDLER, f'["{G}calendar.readonly", "{G}gmail.modify"]')
    assert [(code, message.endswith(f"request '{G}gmail.readonly' instead"))
            for _, code, message in found] == [("NYS302", True)]


@pytest.mark.parametrize("scope", ["calendar.freebusy", "calendar.events.freebusy"])
def test_google_free_busy_scopes_are_an_open_question_for_free_busy(
        tmp_path: Path, scope: str) -> None:
    # Nylas lists only the calendar read scopes; whether Google's free/busy scopes pass
    # its check is not known: neither unused nor missing.
    found = _usage(tmp_path, "    nylas.calendars.get_free_busy(grant_id, request_body={})",
                   f'["{G}{scope}"]')
    assert found == []


def test_a_free_busy_scope_without_free_busy_calls_is_unused(tmp_path: Path) -> None:
    found = _usage(tmp_path, "    nylas.calendars.list(grant_id)",
                   f'["{G}calendar.readonly", "{G}calendar.freebusy"]')
    assert [(code, "calendar.freebusy" in message) for _, code, message in found] == [
        ("NYS303", True)]


def test_a_relay_that_only_receives_notifications_is_not_judged(tmp_path: Path) -> None:
    # As a login service makes no call, a relay that only names triggers may hand its
    # grants to another service: its other scopes are not called unused.
    body = "    if calendar_id == 'message.created':\n        return grant_id"
    assert _usage(tmp_path, body, f'["{G}gmail.readonly", "{G}calendar.readonly"]') == []


_CREATE = ("    nylas.events.create(grant_id, request_body={}, "
           "query_params={'calendar_id': calendar_id})")


@pytest.mark.parametrize(("scopes", "provider"), [
    # Google's granular calendar scopes, newer than the catalogue.
    (f'["{G}calendar.events.owned"]', '"google"'),
    ('["Calendars.ReadBasic", "Calendars.ReadWrite.All"]', '"microsoft"'),
])
def test_a_scope_the_catalogue_does_not_list_may_grant_the_call(
        tmp_path: Path, scopes: str, provider: str) -> None:
    found = _usage(tmp_path, _CREATE, scopes, provider=provider)
    assert "NYS301" not in _codes(found), found


@pytest.mark.parametrize("scopes", [
    f'["openid", "{G}userinfo.email", "{G}gmail.readonly"]',
    # A misspelt scope (NYS402) grants nothing.
    f'["{G}gmail.redonly"]',
    # Another provider's scope (NYS402) grants nothing here.
    f'["Calendars.ReadWrite", "{G}gmail.readonly"]',
])
def test_known_or_wrong_scopes_still_leave_the_call_missing_one(
        tmp_path: Path, scopes: str) -> None:
    found = _usage(tmp_path, _CREATE, scopes)
    assert "NYS301" in _codes(found), found


# Nylas reads the message a reply answers, with a scope its documents do not name.
_REPLY_DICT = ("    nylas.messages.send(grant_id, request_body={"
               "'reply_to_message_id': calendar_id, 'body': 'ok'})")
_REPLY_TYPED = ("    nylas.messages.send(grant_id, request_body=SendMessageRequest("
                "reply_to_message_id=calendar_id, body='ok'))")
_REPLY_EXTRA = "from nylas.models.messages import SendMessageRequest"


@pytest.mark.parametrize(("body", "extra"), [(_REPLY_DICT, ""), (_REPLY_TYPED, _REPLY_EXTRA)])
@pytest.mark.parametrize("scopes", [
    f'["{G}gmail.modify"]',
    f'["{G}gmail.readonly", "{G}gmail.send"]',
])
def test_a_reply_keeps_the_mail_read_scopes(
        tmp_path: Path, body: str, extra: str, scopes: str) -> None:
    assert _usage(tmp_path, body, scopes, extra=extra) == []


_SEND_BUILT = "    nylas.messages.send(grant_id, request_body=build(calendar_id))"
_EXTRA_BUILD = "from .payloads import build"


@pytest.mark.parametrize("payload", [
    "def build(original):\n    return {'reply_to_message_id': original, 'body': 'ok'}\n",
    "def build(original):\n    return dict(reply_to_message_id=original, body='ok')\n",
])
def test_a_reply_built_in_a_module_that_never_says_nylas_keeps_the_read_scope(
        tmp_path: Path, payload: str) -> None:
    assert _usage(tmp_path, _SEND_BUILT, f'["{G}gmail.readonly", "{G}gmail.send"]',
                  extra=_EXTRA_BUILD, modules={"payloads.py": payload}) == []


def test_a_plain_send_built_in_a_module_that_never_says_nylas_needs_no_read_scope(
        tmp_path: Path) -> None:
    found = _usage(tmp_path, _SEND_BUILT, f'["{G}gmail.readonly", "{G}gmail.send"]',
                   extra=_EXTRA_BUILD, modules={
                       "payloads.py": "def build(to):\n    return {'to': to, 'body': 'ok'}\n"})
    assert [(code, "gmail.readonly" in message) for _, code, message in found] == [
        ("NYS303", True)]


def test_a_reply_never_makes_a_read_scope_missing(tmp_path: Path) -> None:
    assert _usage(tmp_path, _REPLY_DICT, f'["{G}gmail.send"]') == []


def test_code_that_only_names_a_reply_is_not_judged(tmp_path: Path) -> None:
    # The body is built here and sent elsewhere: no call to judge the scopes by.
    body = "    return {'reply_to_message_id': calendar_id, 'grant': grant_id}"
    assert _usage(tmp_path, body, f'["{G}gmail.modify", "{G}calendar.readonly"]') == []


def test_the_registry_prefixes_are_the_catalogues() -> None:
    from flake8_nylas_scopes.nylas_api import PROVIDER_SCOPE_PREFIXES
    from flake8_nylas_scopes.nylas_api.v3 import google, microsoft

    assert set(PROVIDER_SCOPE_PREFIXES) == {
        google.AUTH_PREFIX, google.FULL_MAIL, microsoft.GRAPH_PREFIX}


def test_a_provider_scope_list_is_read_whatever_its_name(tmp_path: Path) -> None:
    # ``GOOGLE`` does not say "scope"; its items do.
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "lists.py").write_text(
        f'GOOGLE = ["{G}gmail.send", "{G}contacts.readonly"]\n')
    (tmp_path / "app.py").write_text(
        "from nylas import Client\n"
        "from lists import GOOGLE\n"
        "nylas = Client('key')\n"
        "def login():\n"
        "    return nylas.auth.url_for_oauth2({'client_id': 'id', 'provider': 'google',\n"
        "                                      'redirect_uri': 'https://a/cb', 'scope': GOOGLE})\n"
        "def notify(grant):\n"
        "    nylas.messages.send(grant, request_body={'to': []})\n")
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    found = [(f.code, f.message) for f in result.findings if f.code in USAGE]
    assert [(code, "contacts.readonly" in message) for code, message in found] == [
        ("NYS303", True)]


def _microsoft_list_elsewhere(tmp_path: Path, items: str) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "lists.py").write_text(f"MICROSOFT = {items}\n")
    (tmp_path / "app.py").write_text(
        "from nylas import Client\n"
        "from lists import MICROSOFT\n"
        "nylas = Client('key')\n"
        "def login():\n"
        "    return nylas.auth.url_for_oauth2({'client_id': 'id', 'provider': 'microsoft',\n"
        "                                      'redirect_uri': 'https://a/cb',\n"
        "                                      'scope': MICROSOFT})\n"
        "def agenda(grant):\n"
        "    return nylas.events.list(grant).data\n")
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return [(f.code, f.message) for f in result.findings if f.code in USAGE | {"NYS304"}]


def test_a_microsoft_list_written_short_is_read_whatever_its_name(tmp_path: Path) -> None:
    # ``MICROSOFT`` does not say "scope", and Graph permissions are not URIs.
    found = _microsoft_list_elsewhere(
        tmp_path, '["Calendars.ReadWrite", "User.Read", "offline_access"]')
    assert [(code, "'Calendars.Read' instead" in message) for code, message in found] == [
        ("NYS302", True)]


def test_a_list_of_dotted_names_that_are_no_permissions_stays_unread(tmp_path: Path) -> None:
    # Shaped like Graph permissions, but none is one: not read as the scopes.
    found = _microsoft_list_elsewhere(tmp_path, '["Calendars.Readwrite", "Models.User"]')
    assert [code for code, _ in found] == ["NYS304"]


def _two_providers(tmp_path: Path, google: str, body: str) -> list[tuple[int, str, str]]:
    """A Google and a Microsoft request (no mail scope), and ``body`` in ``work``."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(f'''import enum

from nylas import Client

nylas = Client("key")


def login_google():
    return nylas.auth.url_for_oauth2({{"client_id": "id", "redirect_uri": "https://a/cb",
                                      "provider": "google", "scope": {google}}})


def login_microsoft():
    return nylas.auth.url_for_oauth2({{"client_id": "id", "redirect_uri": "https://a/cb",
                                      "provider": "microsoft", "scope": ["Calendars.Read"]}})


def work(grant_id, grant):
    nylas.calendars.list(grant_id)
{body}
''')
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings
                  if f.code == "NYS301")


_LABEL = "nylas.folders.create(grant_id, {'name': 'Follow up'})"


@pytest.mark.parametrize("body", [
    f"    if grant.provider == 'google':\n        {_LABEL}",
    f"    if 'google' == grant['provider']:\n        {_LABEL}",
    f"    if grant.data.provider in ('google', 'imap'):\n        {_LABEL}",
    # An earlier name of Google beside its own.
    f"    if grant.provider in {{'google', 'gmail'}}:\n        {_LABEL}",
    f"    if grant.provider not in ('gmail', 'google'):\n        return\n    {_LABEL}",
    f"    if grant.provider == 'microsoft':\n        pass\n    elif grant.provider == 'google':\n"
    f"        {_LABEL}",
    f"    match grant.provider:\n        case 'google':\n            {_LABEL}",
    f"    if grant.provider == 'microsoft':\n        pass\n    else:\n        {_LABEL}",
    f"    if grant.provider != 'google':\n        return\n    {_LABEL}",
    f"    if not grant.provider == 'google':\n        raise ValueError(grant)\n    {_LABEL}",
    f"    if grant.provider not in ('google', 'imap'):\n        return None\n    {_LABEL}",
    f"    for one in [grant]:\n        if one.provider != 'google':\n            continue\n"
    f"        {_LABEL}",
    f"    if grant.provider == 'google' and grant.ready:\n        {_LABEL}",
    f"    if grant.provider == 'microsoft' or grant.provider == 'ews':\n        pass\n"
    f"    else:\n        {_LABEL}",
    # Provider names the module binds once, and the grant's provider however read.
    f"    if grant.provider == GOOGLE:\n        {_LABEL}\n\n\nGOOGLE = 'google'",
    f"    if grant.provider == Provider.GOOGLE:\n        {_LABEL}\n\n\n"
    "class Provider(str, enum.Enum):\n    GOOGLE = 'google'\n    MICROSOFT = 'microsoft'",
    f"    if grant.provider == Provider.GOOGLE.value:\n        {_LABEL}\n\n\n"
    "class Provider(enum.Enum):\n    GOOGLE = 'google'",
    f"    if grant.provider.lower() == 'google':\n        {_LABEL}",
    f"    if grant.get('provider') == 'google':\n        {_LABEL}",
    f"    is_google = grant.provider == 'google'\n    if is_google:\n        {_LABEL}",
    f"    match grant.provider:\n        case 'microsoft' | 'ews':\n            pass\n"
    f"        case _:\n            {_LABEL}",
    # A function or method of the module that only returns a provider test.
    f"    if is_google(grant):\n        {_LABEL}\n\n\n"
    "def is_google(grant):\n    \"Gmail has labels.\"\n    return grant.provider == 'google'",
    f"    if not uses_graph(grant):\n        {_LABEL}\n\n\n"
    "def uses_graph(grant):\n    return grant.provider in ('microsoft', 'ews')",
    f"    if Grants.is_google(grant):\n        {_LABEL}\n\n\n"
    "class Grants:\n    @staticmethod\n    def is_google(grant):\n"
    "        return grant.provider == 'google'",
    f"    if Grant(grant).google:\n        {_LABEL}\n\n\n"
    "class Grant:\n    def __init__(self, grant):\n        self.provider = grant.provider\n\n"
    "    @property\n    def google(self):\n        return self.provider == 'google'",
    # The provider read with getattr, compared by identity or by its start, or looked
    # up in a collection of provider names the module binds once.
    f"    if getattr(grant, 'provider', None) == 'google':\n        {_LABEL}",
    f"    if grant.provider is Provider.GOOGLE:\n        {_LABEL}\n\n\n"
    "class Provider(str, enum.Enum):\n    GOOGLE = 'google'",
    f"    if grant.provider.startswith(('goo', 'ima')):\n        {_LABEL}",
    f"    if grant.provider in LABELS:\n        {_LABEL}\n\n\n"
    "LABELS = frozenset({'google', 'imap'})",
    f"    if grant.provider not in LABELS:\n        return\n    {_LABEL}\n\n\n"
    "LABELS = ('google',)",
    # A match on the grant itself, whose case asks for the provider.
    f"    match grant:\n        case Grant(provider='google', id=gid):\n            {_LABEL}",
    f"    match grant:\n        case {{'provider': 'google' | 'imap', **rest}}:\n"
    f"            {_LABEL}",
    f"    match grant:\n        case Event(grant=Grant(provider='google')) as found:\n"
    f"            {_LABEL}",
    # A conditional expression, its branch on lines of its own or beside a test and
    # another branch that call nothing.
    f"    made = (\n        {_LABEL}\n        if grant.provider == 'google'\n"
    f"        else None\n    )",
    f"    return {_LABEL} if grant.provider == 'google' else None",
    f"    return None if grant.provider != 'google' else {_LABEL}",
])
def test_a_call_kept_to_google_grants_misses_no_microsoft_scope(
        tmp_path: Path, body: str) -> None:
    assert _two_providers(tmp_path, f'["{G}gmail.labels", "{G}calendar.readonly"]', body) == []


@pytest.mark.parametrize("body", [
    f"    match grant.provider:\n        case 'google' | 'gmail':\n            {_LABEL}",
    f"    match grant.provider:\n        case 'gmail' | 'google' | 'imap':\n            {_LABEL}",
    f"    match grant:\n        case Grant(provider='gmail' | 'google'):\n            {_LABEL}",
])
def test_a_case_of_google_beside_its_earlier_name_is_read_exactly(
        tmp_path: Path, body: str) -> None:
    # Read as ``in {"google", "gmail"}`` is: no NYS301, and not unresolved either.
    assert _two_providers(tmp_path, f'["{G}gmail.labels", "{G}calendar.readonly"]', body) == []
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert [f.message for f in result.findings if f.code == "NYS304"] == []


@pytest.mark.parametrize(("google", "body", "missing"), [
    # Made for every grant: Microsoft's request misses the mail scope.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]', f"    {_LABEL}", "Mail.ReadWrite"),
    # Kept to Google grants: Google's own request still has to grant it.
    (f'["{G}calendar.readonly"]', f"    if grant.provider == 'google':\n        {_LABEL}",
     "gmail.labels"),
    # A test that names no provider keeps nothing out.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]', f"    if grant.ready:\n        {_LABEL}",
     "Mail.ReadWrite"),
    # A case of Google's names and Microsoft's is no Google case.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    match grant.provider:\n        case 'google' | 'gmail' | 'microsoft':\n"
     f"            {_LABEL}", "Mail.ReadWrite"),
    # Kept from Google grants, or after a branch for other grants that does not leave.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if grant.provider == 'google':\n        return\n    {_LABEL}", "Mail.ReadWrite"),
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if grant.provider != 'google':\n        {_LABEL}", "Mail.ReadWrite"),
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if grant.provider != 'google':\n        print(grant)\n    {_LABEL}",
     "Mail.ReadWrite"),
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if grant.provider == 'google':\n        pass\n    else:\n        {_LABEL}",
     "Mail.ReadWrite"),
    # Either part may be true: any grant can take the branch, or the else of an 'and'.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if grant.provider == 'google' or grant.ready:\n        {_LABEL}", "Mail.ReadWrite"),
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if grant.provider == 'microsoft' and grant.ready:\n        pass\n"
     f"    else:\n        {_LABEL}", "Mail.ReadWrite"),
    # A name bound to a provider more than once may hold either.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if grant.provider == WANTED:\n        {_LABEL}\n\n\nWANTED = 'google'\n"
     "if enum:\n    WANTED = 'microsoft'", "Mail.ReadWrite"),
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    is_google = grant.provider == 'google'\n    is_google = grant.ready\n"
     f"    if is_google:\n        {_LABEL}", "Mail.ReadWrite"),
    # A function defined twice: the second returns True.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if is_google(grant):\n        {_LABEL}\n\n\n"
     "def is_google(grant):\n    return grant.provider == 'google'\n\n\n"
     "if enum:\n    def is_google(grant):\n        return True", "Mail.ReadWrite"),
    # A question named for a provider that any grant passes when the other part holds,
    # and a setting named for one, the same for every grant.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if grant.is_google or grant.ready:\n        {_LABEL}", "Mail.ReadWrite"),
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if GOOGLE_SYNC:\n        {_LABEL}\n\n\nGOOGLE_SYNC = True", "Mail.ReadWrite"),
    # An earlier name of Microsoft beside its own.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if grant.provider in ('microsoft', 'outlook'):\n        {_LABEL}", "Mail.ReadWrite"),
    # A flag named for no provider.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    _label(grant_id, grant.provider == 'google')\n\n\n"
     f"def _label(grant_id, labels):\n    if labels:\n        {_LABEL}", "Mail.ReadWrite"),
    # A test for the other provider.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if is_google(grant):\n        {_LABEL}\n\n\n"
     "def is_google(grant):\n    return grant.provider != 'google'", "Mail.ReadWrite"),
    # A match on the grant: a case whose pattern asks nothing of the provider, or a
    # catch-all after one that asks (the grant may be of a class no case names).
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    match grant:\n        case Grant(kind='google', provider=name):\n"
     f"            {_LABEL}", "Mail.ReadWrite"),
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    match grant:\n        case Grant(provider='google'):\n            pass\n"
     f"        case _:\n            {_LABEL}", "Mail.ReadWrite"),
    # A conditional expression whose branch runs for other providers, or whose test
    # names none.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    return {_LABEL} if grant.provider != 'google' else None", "Mail.ReadWrite"),
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    made = (\n        {_LABEL}\n        if grant.ready\n        else None\n    )",
     "Mail.ReadWrite"),
    # The catch-all case takes the grants the earlier cases leave: Microsoft's here.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    match grant.provider:\n        case 'google':\n            pass\n"
     f"        case _:\n            {_LABEL}", "Mail.ReadWrite"),
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    match grant.provider:\n        case 'microsoft' if grant.ready:\n            pass\n"
     f"        case _:\n            {_LABEL}", "Mail.ReadWrite"),
    # A test of whether the grant has a provider at all picks none.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if not grant.provider:\n        raise ValueError(grant)\n    {_LABEL}",
     "Mail.ReadWrite"),
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if grant.provider is None:\n        return\n    {_LABEL}", "Mail.ReadWrite"),
    # A prefix that Microsoft's name has too.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if grant.provider.startswith(('goo', 'mic')):\n        {_LABEL}", "Mail.ReadWrite"),
    # A collection of names with an earlier name of Microsoft's beside Google's.
    (f'["{G}gmail.labels", "{G}calendar.readonly"]',
     f"    if grant.provider in LABELS:\n        {_LABEL}\n\n\n"
     "LABELS = frozenset({'google', 'gmail', 'microsoft'})", "Mail.ReadWrite"),
])
def test_a_call_for_every_provider_still_misses_scopes(
        tmp_path: Path, google: str, body: str, missing: str) -> None:
    found = _two_providers(tmp_path, google, body)
    assert len(found) == 1 and missing in found[0][2], found


def test_a_collection_of_names_with_an_earlier_name_is_read_exactly(tmp_path: Path) -> None:
    """An earlier name of Google beside its own, in a collection the module binds once,
    is read as the same display written inline: neither missing nor unresolved."""
    found = _two_providers_findings(
        tmp_path, f'["{G}gmail.labels", "{G}calendar.readonly"]',
        f"    if grant.provider in LABELS:\n        {_LABEL}\n\n\n"
        "LABELS = frozenset({'google', 'gmail'})")
    assert [code for _, code, _ in found if code in ("NYS301", "NYS304")] == [], found


_LABEL_FUNCTION = f"\n\ndef _create_label(grant_id):\n    {_LABEL}\n"


@pytest.mark.parametrize("body", [
    "    if grant.provider == 'google':\n        _create_label(grant_id)" + _LABEL_FUNCTION,
    # A function called only by such a function.
    "    if grant.provider != 'google':\n        return\n    _labels(grant_id)"
    "\n\n\ndef _labels(grant_id):\n    _create_label(grant_id)" + _LABEL_FUNCTION,
    # A function defined in the function that calls it.
    f"    def label():\n        {_LABEL}\n    if grant.provider == 'google':\n        label()",
])
def test_a_private_function_called_only_for_google_grants_misses_no_microsoft_scope(
        tmp_path: Path, body: str) -> None:
    assert _two_providers(tmp_path, f'["{G}gmail.labels", "{G}calendar.readonly"]', body) == []


@pytest.mark.parametrize("body", [
    # Also called for every grant.
    "    if grant.provider == 'google':\n        _create_label(grant_id)\n"
    "    _create_label(grant_id)" + _LABEL_FUNCTION,
    # Handed on: whoever gets it may call it for any grant.
    "    if grant.provider == 'google':\n        _create_label(grant_id)\n"
    "    return [_create_label]" + _LABEL_FUNCTION,
    # Not private: a queue may run it by name.
    "    if grant.provider == 'google':\n        create_label(grant_id)"
    + _LABEL_FUNCTION.replace("_create_label", "create_label"),
    # Defined in the function and handed back to its caller.
    f"    def label():\n        {_LABEL}\n    if grant.provider == 'google':\n        label()\n"
    "    return label",
    # Decorated: the decorator may register it.
    "    if grant.provider == 'google':\n        _create_label(grant_id)"
    + _LABEL_FUNCTION.replace("\ndef", "\n@task\ndef"),
])
def test_a_private_function_that_may_run_for_any_grant_still_misses_scopes(
        tmp_path: Path, body: str) -> None:
    found = _two_providers(tmp_path, f'["{G}gmail.labels", "{G}calendar.readonly"]', body)
    assert len(found) == 1 and "Mail.ReadWrite" in found[0][2], found


def test_a_guarded_private_function_another_module_imports_still_misses_scopes(tmp_path: Path) -> None:
    (tmp_path / "jobs.py").write_text(
        "from app import _create_label\n\n\ndef nightly(grant_id):\n"
        "    _create_label(grant_id)\n")
    body = "    if grant.provider == 'google':\n        _create_label(grant_id)" + _LABEL_FUNCTION
    found = _two_providers(tmp_path, f'["{G}gmail.labels", "{G}calendar.readonly"]', body)
    assert len(found) == 1 and "Mail.ReadWrite" in found[0][2], found


_GOOGLE_AND_LABELS = f'["{G}gmail.labels", "{G}calendar.readonly"]'
_SYNC_CLASS = f"""

class Sync:
    def __init__(self, grant):
        self.grant = grant

    def run(self, grant_id):
        if self.grant.provider == 'google':
            self._google_labels(grant_id)

    def _google_labels(self, grant_id):
        {_LABEL}
"""
_LABELS_CLASS = f"""

class GmailLabels:
    def __init__(self, client):
        self.client = client

    def create(self, grant_id):
        {_LABEL}
"""
_STATIC_CLASS = f"""

class Gmail:
    @staticmethod
    def create_label(grant_id):
        {_LABEL}

    @classmethod
    def label(cls, grant_id):
        cls.create_label(grant_id)
"""


@pytest.mark.parametrize("body", [
    # A private method called under a guard, its class used for every grant.
    "    Sync(grant).run(grant_id)" + _SYNC_CLASS,
    # A class the module uses only under guards: its instances, its static methods.
    "    if grant.provider == 'google':\n        GmailLabels(nylas).create(grant_id)"
    + _LABELS_CLASS,
    "    if grant.provider != 'google':\n        return\n    labels = GmailLabels(nylas)\n"
    "    labels.create(grant_id)" + _LABELS_CLASS,
    "    if grant.provider == 'google':\n        Gmail.create_label(grant_id)" + _STATIC_CLASS,
    "    if grant.provider == 'google':\n        Gmail.label(grant_id)" + _STATIC_CLASS,
    # A private function called only from such a method.
    "    Sync(grant).run(grant_id)" + _SYNC_CLASS.replace(_LABEL, "_create_label(grant_id)")
    + _LABEL_FUNCTION,
])
def test_a_method_or_class_reached_only_for_google_grants_misses_no_microsoft_scope(
        tmp_path: Path, body: str) -> None:
    assert _two_providers(tmp_path, _GOOGLE_AND_LABELS, body) == []


@pytest.mark.parametrize("body", [
    # Also called for every grant.
    "    Sync(grant).run(grant_id)\n    Sync(grant)._google_labels(grant_id)" + _SYNC_CLASS,
    "    if grant.provider == 'google':\n        GmailLabels(nylas).create(grant_id)\n"
    "    GmailLabels(nylas).create(grant_id)" + _LABELS_CLASS,
    "    if grant.provider == 'google':\n        Gmail.create_label(grant_id)\n"
    "    return Gmail" + _STATIC_CLASS,
    # A subclass is another way in, for any grant.
    "    if grant.provider == 'google':\n        GmailLabels(nylas).create(grant_id)\n"
    "    Labels(nylas).create(grant_id)" + _LABELS_CLASS + "\n\nclass Labels(GmailLabels):\n"
    "    pass\n",
    # Decorated: the decorator may register it.
    "    if grant.provider == 'google':\n        GmailLabels(nylas).create(grant_id)"
    + _LABELS_CLASS.replace("\nclass", "\n@register\nclass"),
    # Named only in its own body: whatever uses it may do so for any grant.
    "    pass" + _LABELS_CLASS + "\n    @classmethod\n    def make(cls):\n"
    "        return GmailLabels(nylas)\n",
])
def test_a_method_or_class_that_may_run_for_any_grant_still_misses_scopes(
        tmp_path: Path, body: str) -> None:
    found = _two_providers(tmp_path, _GOOGLE_AND_LABELS, body)
    assert len(found) == 1 and "Mail.ReadWrite" in found[0][2], found


def test_a_guarded_class_still_needs_its_own_providers_scopes(tmp_path: Path) -> None:
    body = ("    if grant.provider == 'google':\n        GmailLabels(nylas).create(grant_id)"
            + _LABELS_CLASS)
    found = _two_providers(tmp_path, f'["{G}calendar.readonly"]', body)
    assert len(found) == 1 and "gmail.labels" in found[0][2], found


@pytest.mark.parametrize("other", [
    "from app import GmailLabels\n\n\ndef nightly(api, grant_id):\n"
    "    GmailLabels(api).create(grant_id)\n",
    # The private method, called on an instance another module holds.
    "from app import Sync\n\n\ndef nightly(grant):\n"
    "    job = Sync(grant)\n    job._google_labels(grant.id)\n",
])
def test_a_guarded_class_or_method_another_module_reaches_still_misses_scopes(
        tmp_path: Path, other: str) -> None:
    (tmp_path / "jobs.py").write_text(other)
    body = ("    Sync(grant).run(grant_id)\n    if grant.provider == 'google':\n"
            "        GmailLabels(nylas).create(grant_id)" + _LABELS_CLASS + _SYNC_CLASS)
    found = _two_providers(tmp_path, _GOOGLE_AND_LABELS, body)
    assert len(found) == 1 and "Mail.ReadWrite" in found[0][2], found


def test_a_guarded_class_other_modules_use_another_way_stays_guarded(tmp_path: Path) -> None:
    # Another module runs the class's public method: the private one stays guarded.
    (tmp_path / "jobs.py").write_text(
        "from app import Sync\n\n\ndef nightly(grant):\n    Sync(grant).run(grant.id)\n")
    body = "    Sync(grant).run(grant_id)" + _SYNC_CLASS
    assert _two_providers(tmp_path, _GOOGLE_AND_LABELS, body) == []


_HOLDER = f"""

class Sync:
    def __init__(self, grant):
        self.grant = grant
        self.labels = GmailLabels(nylas)

    def run(self, grant_id):
        if self.grant.provider == 'google':
            self.labels.create(grant_id)
"""


@pytest.mark.parametrize("body", [
    # An instance made for every grant, its methods called only for Google's.
    "    Sync(grant).run(grant_id)" + _HOLDER + _LABELS_CLASS,
    "    labels = GmailLabels(nylas)\n    if grant.provider == 'google':\n"
    "        labels.create(grant_id)" + _LABELS_CLASS,
    # A method called only by such a method.
    "    Sync(grant).run(grant_id)" + _HOLDER + _LABELS_CLASS.replace(
        _LABEL, "self.add(grant_id)\n\n    def add(self, grant_id):\n        " + _LABEL),
])
def test_methods_of_an_instance_called_only_for_google_grants_miss_no_microsoft_scope(
        tmp_path: Path, body: str) -> None:
    assert _two_providers(tmp_path, _GOOGLE_AND_LABELS, body) == []


@pytest.mark.parametrize("body", [
    # Also called for every grant, or handed on.
    "    Sync(grant).run(grant_id)\n    Sync(grant).labels.create(grant_id)" + _HOLDER
    + _LABELS_CLASS,
    "    labels = GmailLabels(nylas)\n    if grant.provider == 'google':\n"
    "        labels.create(grant_id)\n    print(labels)" + _LABELS_CLASS,
    # The constructor runs for every grant, and so does what it calls.
    "    Sync(grant).run(grant_id)" + _HOLDER + _LABELS_CLASS.replace(
        "self.client = client", _LABEL),
    "    Sync(grant).run(grant_id)" + _HOLDER + _LABELS_CLASS.replace(
        "self.client = client", "self.create('g')"),
    # A subclass, or a method it does not define.
    "    Sync(grant).run(grant_id)" + _HOLDER.replace(".create(", ".make(") + _LABELS_CLASS
    + "\n\nclass Labels(GmailLabels):\n    make = GmailLabels.create\n",
])
def test_methods_of_an_instance_any_grant_may_reach_still_miss_scopes(
        tmp_path: Path, body: str) -> None:
    found = _two_providers(tmp_path, _GOOGLE_AND_LABELS, body)
    assert len(found) == 1 and "Mail.ReadWrite" in found[0][2], found


def test_methods_of_an_instance_another_module_makes_still_miss_scopes(tmp_path: Path) -> None:
    (tmp_path / "jobs.py").write_text(
        "from app import GmailLabels\n\n\ndef nightly(api, grant_id):\n"
        "    GmailLabels(api).create(grant_id)\n")
    found = _two_providers(tmp_path, _GOOGLE_AND_LABELS,
                           "    Sync(grant).run(grant_id)" + _HOLDER + _LABELS_CLASS)
    assert len(found) == 1 and "Mail.ReadWrite" in found[0][2], found


_HANDLERS = f"""

def sync_google(grant_id):
    {_LABEL}


def sync_microsoft(grant_id):
    nylas.calendars.list(grant_id)


HANDLERS = {{"google": sync_google, "microsoft": sync_microsoft}}
"""

# The same handlers in a table a class holds, looked up through an instance.
_CLASS_TABLE = _HANDLERS.replace(
    'HANDLERS = {{"google": sync_google, "microsoft": sync_microsoft}}'.replace("{{", "{")
    .replace("}}", "}"),
    'class Dispatcher:\n    handlers = {"google": sync_google, "microsoft": sync_microsoft}\n\n'
    '    def run(self, grant, grant_id):\n        self.handlers[grant.provider](grant_id)\n')


def test_a_handler_of_a_class_table_is_unresolved_not_missing(tmp_path: Path) -> None:
    assert "    handlers = {" in _CLASS_TABLE
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, "    Dispatcher().run(grant, grant_id)" + _CLASS_TABLE)
        if code in ("NYS301", "NYS304")]
    assert [code for code, _ in found] == ["NYS304"], found
    assert "cannot tell whether microsoft grants reach nylas.folders.create()" in found[0][1]


def test_a_handler_of_a_class_table_also_called_for_every_grant_still_misses_scopes(
        tmp_path: Path) -> None:
    found = _two_providers(tmp_path, _GOOGLE_AND_LABELS,
                           "    Dispatcher().run(grant, grant_id)\n    sync_google(grant_id)"
                           + _CLASS_TABLE)
    assert len(found) == 1 and "Mail.ReadWrite" in found[0][2], found


# Classes that each say their provider, in a table a comprehension builds of them.
_REGISTRY = f"""

class GmailSync:
    provider = "google"

    def __init__(self, client):
        self.client = client

    def sync(self, grant_id):
        self.client.folders.create(grant_id, {{'name': 'Follow up'}})


class GraphSync:
    provider = "microsoft"

    def __init__(self, client):
        self.client = client

    def sync(self, grant_id):
        self.client.calendars.list(grant_id)


SYNCS = {{cls.provider: cls for cls in (GmailSync, GraphSync)}}
"""
_LOOKED_UP = "    SYNCS[grant.provider](nylas).sync(grant_id)"


@pytest.mark.parametrize("body", [
    "    HANDLERS[grant.provider](grant_id)" + _HANDLERS,
    "    handler = HANDLERS.get(grant.provider)\n    if handler:\n        handler(grant_id)"
    + _HANDLERS,
    "    HANDLERS.get(grant.provider, print)(grant_id)" + _HANDLERS,
    # The table written where it is looked up, keyed by the module's names of providers.
    "    {GOOGLE: _labels, 'microsoft': print}[grant['provider']](grant_id)\n\n\n"
    f"GOOGLE = 'google'\n\n\ndef _labels(grant_id):\n    {_LABEL}\n",
    # A class picked by the table, and the private functions it calls.
    "    SYNCS[grant.provider](nylas).create(grant_id)\n\n\n"
    "SYNCS = {'google': GmailLabels, 'microsoft': Calendars}"
    + _LABELS_CLASS + "\n\nclass Calendars:\n    def create(self, grant_id):\n        pass\n",
    # Classes a comprehension keys by the provider each binds.
    _LOOKED_UP + _REGISTRY,
])
def test_a_handler_picked_by_the_grants_provider_misses_no_other_providers_scope(
        tmp_path: Path, body: str) -> None:
    assert _two_providers(tmp_path, _GOOGLE_AND_LABELS, body) == []


@pytest.mark.parametrize("body", [
    # Every handler run, whatever the provider.
    "    HANDLERS[grant.provider](grant_id)\n    for handler in HANDLERS.values():\n"
    "        handler(grant_id)" + _HANDLERS,
    # The same handler for Microsoft grants.
    "    HANDLERS[grant.provider](grant_id)"
    + _HANDLERS.replace('"microsoft": sync_microsoft', '"microsoft": sync_google'),
    # Also called by name for every grant.
    "    HANDLERS[grant.provider](grant_id)\n    sync_google(grant_id)" + _HANDLERS,
    # A public function called under a guard but in no table: a queue may run it.
    "    if grant.provider == 'google':\n        sync_google(grant_id)" + _HANDLERS,
    # A class of a comprehension's table also made for every grant, one decorated,
    # one whose provider is Microsoft.
    _LOOKED_UP + "\n    GmailSync(nylas).sync(grant_id)" + _REGISTRY,
    _LOOKED_UP + _REGISTRY.replace("\nclass GmailSync", "\n@total_ordering\nclass GmailSync"),
    _LOOKED_UP + _REGISTRY.replace('provider = "google"', 'provider = "microsoft"'),
])
def test_a_handler_any_grant_may_reach_still_misses_scopes(
        tmp_path: Path, body: str) -> None:
    found = _two_providers(tmp_path, _GOOGLE_AND_LABELS, body)
    assert len(found) == 1 and "Mail.ReadWrite" in found[0][2], found


def test_a_class_of_a_comprehension_s_table_whose_provider_code_sets_is_unresolved(
        tmp_path: Path) -> None:
    # Setting the attribute runs none of the class's code; which key the table gives
    # the class is no longer read, so neither provider's request is said to miss a scope.
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS,
        _LOOKED_UP + _REGISTRY + "\nGmailSync.provider = 'microsoft'\n")
        if code in ("NYS301", "NYS304")]
    assert [code for code, _ in found] == ["NYS304"], found
    assert "cannot tell whether microsoft grants reach self.client.folders.create()" in (
        found[0][1])


@pytest.mark.parametrize("body", [
    # The table handed on, or bound again: which grants the code that gets it, or
    # the binding a lookup sees, gives each handler to is not followed.
    "    HANDLERS[grant.provider](grant_id)\n    return HANDLERS" + _HANDLERS,
    "    HANDLERS[grant.provider](grant_id)" + _HANDLERS
    + "HANDLERS = {'google': sync_microsoft, 'microsoft': sync_google}\n",
])
def test_a_handler_of_a_table_handed_on_or_bound_again_is_unresolved_not_missing(
        tmp_path: Path, body: str) -> None:
    found = [(code, message) for _, code, message
             in _two_providers_findings(tmp_path, _GOOGLE_AND_LABELS, body)
             if code in USAGE | {"NYS304"}]
    # Not missing, and the scopes the handlers need are not unused either.
    assert [code for code, _ in found] == ["NYS304"], found
    assert "cannot tell whether microsoft grants reach nylas.folders.create()" in found[0][1]


@pytest.mark.parametrize("body", [
    "    HANDLERS[grant.kind](grant_id)" + _HANDLERS,
    "    kind = grant.provider\n    HANDLERS.get(kind)(grant_id)" + _HANDLERS,
    "    HANDLERS[grant.provider](grant_id)\n    HANDLERS[DEFAULT](grant_id)" + _HANDLERS,
])
def test_a_handler_looked_up_by_another_key_is_unresolved_not_missing(
        tmp_path: Path, body: str) -> None:
    found = [(line, code, message) for line, code, message
             in _two_providers_findings(tmp_path, _GOOGLE_AND_LABELS, body)
             if code in ("NYS301", "NYS304")]
    assert [code for _, code, _ in found] == ["NYS304"], found
    assert "cannot tell whether microsoft grants reach nylas.folders.create()" in found[0][2]


_REGISTER = """

SYNCS = {}


def register(provider):
    def add(cls):
        SYNCS[provider] = cls
        return cls
    return add
"""


@pytest.mark.parametrize("body", [
    # Looked up by something else than the grant's provider.
    _LOOKED_UP.replace("grant.provider", "grant.kind") + _REGISTRY,
    # Registered by a decorator naming the provider: which grants reach the
    # classes is not followed.
    _LOOKED_UP + _REGISTER + _REGISTRY.replace(
        "\nclass GmailSync", "\n@register('google')\nclass GmailSync").replace(
        "\nclass GraphSync", "\n@register('microsoft')\nclass GraphSync").replace(
        "SYNCS = {cls.provider: cls for cls in (GmailSync, GraphSync)}", ""),
])
def test_a_registered_class_looked_up_in_a_way_not_followed_is_unresolved_not_missing(
        tmp_path: Path, body: str) -> None:
    found = [(line, code, message) for line, code, message
             in _two_providers_findings(tmp_path, _GOOGLE_AND_LABELS, body)
             if code in ("NYS301", "NYS304")]
    assert [code for _, code, _ in found] == ["NYS304"], found
    assert ("cannot tell whether microsoft grants reach self.client.folders.create()"
            in found[0][2]), found


# The same classes, registered by a decorator that keys a dict by their provider.
_DECORATED = _REGISTRY.replace(
    "\nclass GmailSync", "\n@register\nclass GmailSync").replace(
    "\nclass GraphSync", "\n@register\nclass GraphSync").replace(
    "SYNCS = {cls.provider: cls for cls in (GmailSync, GraphSync)}", "") + """

SYNCS = {}


def register(cls):
    \"Keep the class under its provider.\"
    SYNCS[cls.provider] = cls
    return cls
"""


def test_classes_a_decorator_registers_by_their_provider_miss_no_other_providers_scope(
        tmp_path: Path) -> None:
    found = [(line, code) for line, code, _ in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, _LOOKED_UP + _DECORATED)
        if code in ("NYS301", "NYS304")]
    assert found == [], found


@pytest.mark.parametrize("body", [
    # Every class run, whatever the provider.
    _LOOKED_UP + "\n    for cls in SYNCS.values():\n        cls(nylas).sync(grant_id)"
    + _DECORATED,
    # The class says Microsoft.
    _LOOKED_UP + _DECORATED.replace('provider = "google"', 'provider = "microsoft"'),
    # Also made for every grant, or registered by hand under another key.
    _LOOKED_UP + "\n    GmailSync(nylas).sync(grant_id)" + _DECORATED,
    _LOOKED_UP + _DECORATED + "\nSYNCS['microsoft'] = GmailSync\n",
    # A decorator of the module that registers nothing, on a class of a comprehension's
    # table: it may give another object.
    _LOOKED_UP + _REGISTRY.replace("\nclass GmailSync", "\n@traced\nclass GmailSync")
    + "\n\ndef traced(cls):\n    print(cls)\n    return cls\n",
])
def test_classes_a_decorator_registers_any_grant_may_reach_still_miss_scopes(
        tmp_path: Path, body: str) -> None:
    found = _two_providers(tmp_path, _GOOGLE_AND_LABELS, body)
    assert len(found) == 1 and "Mail.ReadWrite" in found[0][2], found


@pytest.mark.parametrize("body", [
    # A second decorator may give another object; a decorator that does more than
    # register may change the class or register it elsewhere.
    _LOOKED_UP + _DECORATED.replace("@register\nclass GmailSync",
                                    "@register\n@total_ordering\nclass GmailSync"),
    _LOOKED_UP + _DECORATED.replace("    return cls", "    cls.ready = True\n    return cls"),
])
def test_classes_a_decorator_registers_in_a_way_not_followed_are_unresolved_not_missing(
        tmp_path: Path, body: str) -> None:
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, body) if code in ("NYS301", "NYS304")]
    assert [code for code, _ in found] == ["NYS304"], found
    assert ("cannot tell whether microsoft grants reach self.client.folders.create()"
            in found[0][1]), found


# The same classes, registered by their base as each is defined.
_SUBCLASSED = _REGISTRY.replace("\nclass GmailSync:", "\nclass GmailSync(Base):").replace(
    "\nclass GraphSync:", "\nclass GraphSync(Base):").replace(
    "SYNCS = {cls.provider: cls for cls in (GmailSync, GraphSync)}", "").replace(
    "    def __init__(self, client):\n        self.client = client\n\n", "").replace(
    "\n\nclass GmailSync", """

SYNCS = {}


class Base:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        SYNCS[cls.provider] = cls

    def __init__(self, client):
        self.client = client


class GmailSync""", 1)


def test_classes_their_base_registers_by_their_provider_miss_no_other_providers_scope(
        tmp_path: Path) -> None:
    """The dict ends up holding each subclass under the provider it binds: read as
    that table, as a decorator's is."""
    found = [(line, code) for line, code, _ in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, _LOOKED_UP + _SUBCLASSED)
        if code in ("NYS301", "NYS304")]
    assert found == [], found


@pytest.mark.parametrize("body", [
    # Every class run, whatever the provider.
    _LOOKED_UP + "\n    for cls in SYNCS.values():\n        cls(nylas).sync(grant_id)"
    + _SUBCLASSED,
    # The class says Microsoft.
    _LOOKED_UP + _SUBCLASSED.replace('provider = "google"', 'provider = "microsoft"'),
    # Also made for every grant, or registered by hand under another key.
    _LOOKED_UP + "\n    GmailSync(nylas).sync(grant_id)" + _SUBCLASSED,
    _LOOKED_UP + _SUBCLASSED + "\nSYNCS['microsoft'] = GmailSync\n",
])
def test_classes_their_base_registers_any_grant_may_reach_still_miss_scopes(
        tmp_path: Path, body: str) -> None:
    found = _two_providers(tmp_path, _GOOGLE_AND_LABELS, body)
    assert len(found) == 1 and "Mail.ReadWrite" in found[0][2], found


@pytest.mark.parametrize("body", [
    # A hook that does more than store the class may change it or store it elsewhere.
    _LOOKED_UP + _SUBCLASSED.replace(
        "        SYNCS[cls.provider] = cls", "        SYNCS[cls.provider] = cls\n"
        "        cls.ready = True"),
    # A subclass inheriting the attribute is stored under its parent's provider.
    _LOOKED_UP + _SUBCLASSED + "\n\nclass GmailBatch(GmailSync):\n    pass\n",
    # A decorated subclass: the decorator may give another object.
    _LOOKED_UP + _SUBCLASSED.replace("\nclass GmailSync(Base)",
                                     "\n@total_ordering\nclass GmailSync(Base)"),
    # A registry the base holds as its own attribute (called with the client, its
    # calls are not followed at all).
    _LOOKED_UP.replace("SYNCS[", "Base.registry[") + _SUBCLASSED.replace(
        "SYNCS[cls.provider] = cls", "Base.registry[cls.provider] = cls").replace(
        "class Base:\n", "class Base:\n    registry = {}\n\n"),
    _LOOKED_UP.replace("SYNCS[grant.provider]", "Base.for_grant(grant)") + _SUBCLASSED.replace(
        "SYNCS[cls.provider] = cls", "cls.registry[cls.provider] = cls").replace(
        "class Base:\n", "class Base:\n    registry = {}\n\n    @classmethod\n"
        "    def for_grant(cls, grant):\n        return cls.registry[grant.provider]\n\n"),
])
def test_classes_their_base_registers_in_a_way_not_followed_are_unresolved_not_missing(
        tmp_path: Path, body: str) -> None:
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, body) if code in ("NYS301", "NYS304")]
    assert found and {code for code, _ in found} == {"NYS304"}, found
    assert any("grants reach self.client.folders.create()" in message
               or "nylas (a Nylas client) is passed to Base.registry" in message
               for _, message in found), found


# The same classes, their base registering each under the provider its class
# statement names (``class GmailSync(Base, provider="google"):``).
_KEYWORDED = _SUBCLASSED.replace(
    "    def __init_subclass__(cls, **kwargs):\n        super().__init_subclass__(**kwargs)\n"
    "        SYNCS[cls.provider] = cls",
    "    def __init_subclass__(cls, provider, **kwargs):\n"
    "        super().__init_subclass__(**kwargs)\n        SYNCS[provider] = cls").replace(
    'class GmailSync(Base):\n    provider = "google"\n',
    'class GmailSync(Base, provider="google"):\n').replace(
    'class GraphSync(Base):\n    provider = "microsoft"\n',
    'class GraphSync(Base, provider="microsoft"):\n')


def test_classes_their_base_registers_by_a_keyword_naming_a_provider_are_unresolved(
        tmp_path: Path) -> None:
    assert 'GmailSync(Base, provider="google")' in _KEYWORDED
    assert "SYNCS[provider] = cls" in _KEYWORDED
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, _LOOKED_UP + _KEYWORDED)
        if code in ("NYS301", "NYS304")]
    assert [code for code, _ in found] == ["NYS304"], found
    assert ("cannot tell whether microsoft grants reach self.client.folders.create()"
            in found[0][1]), found


def test_classes_their_base_gets_a_keyword_naming_no_provider_still_miss_scopes(
        tmp_path: Path) -> None:
    body = _LOOKED_UP + _KEYWORDED.replace('provider="google"', 'provider="mail"').replace(
        'provider="microsoft"', 'provider="calendar"')
    found = _two_providers(tmp_path, _GOOGLE_AND_LABELS, body)
    assert len(found) == 1 and "Mail.ReadWrite" in found[0][2], found


# The same classes, their base's metaclass registering each class it makes.
_METACLASSED = _REGISTRY.replace("\nclass GmailSync:", "\nclass GmailSync(Base):").replace(
    "\nclass GraphSync:", "\nclass GraphSync(Base):").replace(
    "SYNCS = {cls.provider: cls for cls in (GmailSync, GraphSync)}", "").replace(
    "\n\nclass GmailSync", """

SYNCS = {}


class Registered(type):
    def __new__(mcs, name, bases, namespace):
        cls = super().__new__(mcs, name, bases, namespace)
        SYNCS[namespace.get("provider")] = cls
        return cls


class Base(metaclass=Registered):
    pass


class GmailSync""", 1)

# The same classes, registered by a method of a registry object.
_REGISTRY_OBJECT = _REGISTRY.replace(
    "\nclass GmailSync", "\n@syncs.register\nclass GmailSync").replace(
    "\nclass GraphSync", "\n@syncs.register\nclass GraphSync").replace(
    "SYNCS = {cls.provider: cls for cls in (GmailSync, GraphSync)}", "").replace(
    "\n\n@syncs.register\nclass GmailSync", """

class Registry:
    def __init__(self):
        self.items = {}

    def register(self, cls):
        self.items[cls.provider] = cls
        return cls

    def get(self, key):
        return self.items[key]


syncs = Registry()


@syncs.register
class GmailSync""", 1)


def _with_the_modules_client(body: str) -> str:
    """The classes calling with the module's client, not one they are handed (which
    a registry not followed would leave unresolved everywhere)."""
    return body.replace("self.client.", "nylas.").replace("(nylas).sync", "(None).sync")


@pytest.mark.parametrize("body", [
    _with_the_modules_client(_LOOKED_UP + _METACLASSED),
    _with_the_modules_client(_LOOKED_UP.replace(
        "SYNCS[grant.provider]", "syncs.get(grant.provider)") + _REGISTRY_OBJECT),
])
def test_classes_a_metaclass_or_a_registry_object_registers_are_unresolved_not_missing(
        tmp_path: Path, body: str) -> None:
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, body) if code in ("NYS301", "NYS304")]
    assert [code for code, _ in found] == ["NYS304"], found
    assert ("cannot tell whether microsoft grants reach nylas.folders.create()"
            in found[0][1]), found


@pytest.mark.parametrize("body", [
    # A metaclass, and a registry's method, that store nothing: each class is made
    # for every grant.
    _with_the_modules_client("    GmailSync(nylas).sync(grant_id)" + _METACLASSED.replace(
        '        SYNCS[namespace.get("provider")] = cls\n', "        cls.seen = True\n")),
    _with_the_modules_client("    GmailSync(nylas).sync(grant_id)" + _REGISTRY_OBJECT.replace(
        "        self.items[cls.provider] = cls\n", "        print(cls)\n")),
])
def test_classes_a_metaclass_or_a_registry_object_does_not_store_still_miss_scopes(
        tmp_path: Path, body: str) -> None:
    found = _two_providers(tmp_path, _GOOGLE_AND_LABELS, body)
    assert len(found) == 1 and "Mail.ReadWrite" in found[0][2], found


def test_classes_of_a_base_that_registers_nothing_still_miss_scopes(tmp_path: Path) -> None:
    body = "    GmailSync(nylas).sync(grant_id)" + _SUBCLASSED.replace(
        "SYNCS[cls.provider] = cls", "cls.seen = True")
    found = _two_providers(tmp_path, _GOOGLE_AND_LABELS, body)
    assert len(found) == 1 and "Mail.ReadWrite" in found[0][2], found


_BY_NAME = f"""

class Sync:
    def run(self, grant):
        getattr(self, NAME)(grant.id)

    def _sync_google(self, grant_id):
        {_LABEL}

    def _sync_microsoft(self, grant_id):
        nylas.calendars.list(grant_id)
"""


def _by_name(tmp_path: Path, name: str, google: str = _GOOGLE_AND_LABELS,
             extra: str = "") -> list[tuple[int, str, str]]:
    result = _two_providers_findings(
        tmp_path, google, "    Sync().run(grant)" + _BY_NAME.replace("NAME", name) + extra)
    return [(line, code, message) for line, code, message in result
            if code in ("NYS301", "NYS304")]


def _two_providers_findings(tmp_path: Path, google: str, body: str,
                            ) -> list[tuple[int, str, str]]:
    _two_providers(tmp_path, google, body)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings)


@pytest.mark.parametrize("name", [
    'f"_sync_{grant.provider}"', '"_sync_" + grant.provider',
    'f"_sync_{grant.provider.lower()}"',
])
def test_a_method_named_for_the_grants_provider_misses_no_other_providers_scope(
        tmp_path: Path, name: str) -> None:
    assert _by_name(tmp_path, name) == []


def test_a_method_named_for_the_grants_provider_still_needs_that_providers_scope(
        tmp_path: Path) -> None:
    found = _by_name(tmp_path, 'f"_sync_{grant.provider}"', f'["{G}calendar.readonly"]')
    assert [code for _, code, _ in found] == ["NYS301"] and "gmail.labels" in found[0][2]


@pytest.mark.parametrize("name", ['"_sync_" + grant.kind', "grant.handler"])
def test_a_method_a_name_built_at_run_time_may_pick_is_unresolved_not_missing(
        tmp_path: Path, name: str) -> None:
    found = _by_name(tmp_path, name)
    assert [code for _, code, _ in found] == ["NYS304"], found
    assert ("cannot tell whether microsoft grants reach nylas.folders.create()"
            in found[0][2]), found
    assert "line 24 picks the code to run by a name or key" in found[0][2], found


@pytest.mark.parametrize("body", [
    # Tests that read the provider in ways the analysis does not follow: which
    # providers' grants take the branch is unknown.
    f"    if Provider(grant.provider) is Provider.GOOGLE:\n        {_LABEL}\n\n\n"
    "class Provider(enum.Enum):\n    GOOGLE = 'google'",
    f"    if grant.provider in enabled_providers():\n        {_LABEL}\n\n\n"
    "def enabled_providers():\n    return {'google'}",
    f"    if not LABEL_SUPPORT.get(grant.provider):\n        return\n    {_LABEL}\n\n\n"
    "LABEL_SUPPORT = {'google': True}",
    f"    match grant.provider:\n        case str(name) if name in ('google',):\n"
    f"            {_LABEL}",
    f"    match grant:\n        case Grant(provider=other.GOOGLE):\n            {_LABEL}",
    # Guards go by lines: a branch sharing its line with a call that runs for every
    # provider cannot be told apart from it.
    f"    return {_LABEL} if grant.provider == 'google' else log(grant)",
    # A function named for a provider that does more than return a provider test.
    f"    if is_google(grant):\n        {_LABEL}\n\n\n"
    "def is_google(grant):\n    print(grant)\n    return grant.provider == 'google'",
    # Something not named for the provider compared with a provider's name, or a
    # question named for one: the value may well be the provider.
    f"    if grant.get('kind') == 'google':\n        {_LABEL}",
    f"    if grant.kind is Kind.GOOGLE:\n        {_LABEL}\n\n\n"
    "class Kind(enum.Enum):\n    GOOGLE = 'google'",
    f"    if not grant.is_google:\n        return\n    {_LABEL}",
    f"    if grant.is_google and grant.ready:\n        {_LABEL}",
    f"    gmail = grant.kind in ('gmail', 'google')\n    if gmail:\n        {_LABEL}",
    f"    match grant.kind:\n        case 'google':\n            {_LABEL}",
    # An earlier name of another provider than those named: its grants may hold it.
    f"    if grant.provider in {{'google', 'outlook'}}:\n        {_LABEL}",
    # A flag named for a provider that its callers pass: they may pass the
    # provider's test.
    f"    _label(grant_id, grant.provider == 'google')\n\n\n"
    f"def _label(grant_id, google):\n    if google:\n        {_LABEL}",
    f"    _label(grant_id, grant.provider == 'google')\n\n\n"
    f"def _label(grant_id, *, gmail=False):\n    if not gmail:\n        return\n    {_LABEL}",
])
def test_a_call_under_a_provider_test_that_cannot_be_read_is_unresolved_not_missing(
        tmp_path: Path, body: str) -> None:
    _two_providers(tmp_path, _GOOGLE_AND_LABELS, body)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    found = [(f.code, f.message) for f in result.findings if f.code in ("NYS301", "NYS304")]
    assert [code for code, _ in found] == ["NYS304"], found
    assert "cannot tell whether microsoft grants reach nylas.folders.create()" in found[0][1]
    assert "the test of the provider at line" in found[0][1]


@pytest.mark.parametrize("test", [
    "grant.kind.startswith('goo')", "grant['kind'].lower().endswith(('oogle', 'mail'))",
    "'oogle' in grant.get('kind')", "re.match(r'g(oogle|mail)', grant.kind)",
])
@pytest.mark.parametrize("where", ["inline", "own function", "other module"])
def test_a_test_of_part_of_a_providers_name_is_unresolved_not_missing(
        tmp_path: Path, test: str, where: str) -> None:
    """A field's string tested by part of a provider's name may be the provider's
    name: which providers pass is not followed."""
    if where == "other module":
        (tmp_path / "checks.py").write_text(f"import re\n\n\ndef check(grant):\n    return {test}\n")
        body = f"    from checks import check\n    if check(grant):\n        {_LABEL}"
    elif where == "own function":
        body = (f"    if check(grant):\n        {_LABEL}\n\n\n"
                f"import re\n\n\ndef check(grant):\n    return {test}")
    else:
        body = f"    import re\n    if {test}:\n        {_LABEL}"
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, body) if code in ("NYS301", "NYS304")]
    assert [code for code, _ in found] == ["NYS304"], found
    assert "cannot tell whether microsoft grants reach nylas.folders.create()" in found[0][1]


@pytest.mark.parametrize("test", [
    # No part of a provider's name, too short a part, or no field's string tested.
    "grant.subject.startswith('Re:')", "grant.kind.endswith('e')",
    "'mail' in features", "re.match(r'\\d+', grant.kind)",
    "grant.SETTINGS.startswith('goo')",
])
@pytest.mark.parametrize("where", ["inline", "other module"])
def test_a_test_of_a_string_naming_no_provider_still_misses_scopes(
        tmp_path: Path, test: str, where: str) -> None:
    if where == "other module":
        (tmp_path / "checks.py").write_text(
            f"import re\n\n\ndef check(grant, features=()):\n    return {test}\n")
        body = f"    from checks import check\n    if check(grant):\n        {_LABEL}"
    else:
        body = f"    import re\n    features = grant.features\n    if {test}:\n        {_LABEL}"
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, body) if code in ("NYS301", "NYS304")]
    assert [code for code, _ in found] == ["NYS301"], found
    assert "Mail.ReadWrite" in found[0][1]


_FACTORY = f"""    adapter_for(grant).label(grant_id)


class GmailLabels:
    def label(self, grant_id):
        {_LABEL}


class Graph:
    def label(self, grant_id):
        pass


def adapter_for(grant):
    return CHOICE
"""


@pytest.mark.parametrize("choice", [
    "GmailLabels() if grant.provider == 'google' else Graph()",
    "Graph() if grant.provider != 'google' else GmailLabels()",
    "(GmailLabels() if grant.provider == 'google' else None) or Graph()",
    "_made(GmailLabels()) if grant.provider == 'google' else Graph()\n\n\n"
    "def _made(labels):\n    return labels",
])
def test_a_class_made_in_a_one_line_conditional_on_the_provider_is_kept_to_it(
        tmp_path: Path, choice: str) -> None:
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, _FACTORY.replace("CHOICE", choice))
        if code in ("NYS301", "NYS304")]
    assert found == [], found


@pytest.mark.parametrize("choice, code", [
    # Made for every grant, beside the test or after it.
    ("GmailLabels() if grant.provider == 'microsoft' else GmailLabels()", "NYS301"),
    ("Graph() if grant.provider == 'google' else None or GmailLabels()", "NYS301"),
    ("GmailLabels() if grant.ready else Graph()", "NYS301"),
    # Handed on, not made: what it is handed to may make one for any grant.
    ("_made(GmailLabels) if grant.provider == 'google' else Graph()\n\n\n"
     "def _made(kind):\n    return kind()", "NYS301"),
    # A lambda made for Google's grants may be kept and called for any grant.
    ("(lambda: GmailLabels())() if grant.provider == 'google' else Graph()", "NYS304"),
    # A test that is not read leaves the choice unresolved.
    ("GmailLabels() if grant.kind == 'google' else Graph()", "NYS304"),
])
def test_a_class_made_for_other_grants_too_in_a_conditional_still_misses_scopes(
        tmp_path: Path, choice: str, code: str) -> None:
    found = [(found_code, message) for _, found_code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, _FACTORY.replace("CHOICE", choice))
        if found_code in ("NYS301", "NYS304")]
    assert [found_code for found_code, _ in found] == [code], found
    assert "nylas.folders.create()" in found[0][1]


@pytest.mark.parametrize("binding, test", [
    ("kind = grant.provider", "kind == 'google'"),
    ("kind = grant.provider.lower()", "kind != 'microsoft'"),
    ("is_google = grant.provider == 'google'", "is_google"),
])
def test_a_class_made_in_a_conditional_on_a_local_name_for_the_provider_is_kept_to_it(
        tmp_path: Path, binding: str, test: str) -> None:
    choice = f"_pick(grant)\n\n\ndef _pick(grant):\n    {binding}\n    " + (
        f"return GmailLabels() if {test} else Graph()")
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, _FACTORY.replace("CHOICE", choice))
        if code in ("NYS301", "NYS304")]
    assert found == [], found


@pytest.mark.parametrize("binding, test, code", [
    # Bound twice: which value the test reads is not followed.
    ("kind = grant.provider\n    kind = kind or 'google'", "kind == 'google'", "NYS304"),
    # Not the provider.
    ("kind = grant.kind", "kind == 'google'", "NYS304"),
    ("kind = grant.provider", "kind == 'microsoft'", "NYS301"),
    # A test not read as one of the provider.
    ("kind = grant.provider", "(lambda kind: kind == 'google')('google')", "NYS304"),
])
def test_a_class_made_in_a_conditional_on_a_local_name_not_for_its_provider_still_counts(
        tmp_path: Path, binding: str, test: str, code: str) -> None:
    choice = f"_pick(grant)\n\n\ndef _pick(grant):\n    {binding}\n    " + (
        f"return GmailLabels() if {test} else Graph()")
    found = [(found_code, message) for _, found_code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, _FACTORY.replace("CHOICE", choice))
        if found_code in ("NYS301", "NYS304")]
    assert [found_code for found_code, _ in found] == [code], found
    assert "nylas.folders.create()" in found[0][1]


@pytest.mark.parametrize("test, pattern", [
    ("PATTERN.match(grant.kind)", "re.compile('goo')"),
    ("PATTERN.fullmatch(grant['kind'].lower())", "re.compile(r'^google$')"),
    ("not PATTERN.search(grant.kind)", "re.compile(r'gmail|google', re.I)"),
    ("re.match('goo', grant.kind)", "None"),
])
def test_a_compiled_pattern_matching_part_of_a_providers_name_is_unresolved_not_missing(
        tmp_path: Path, test: str, pattern: str) -> None:
    """A field's string matched by a pattern the module compiles from a literal that
    a provider's name matches may be the provider's name."""
    body = f"    if {test}:\n        {_LABEL}\n\n\nimport re\n\nPATTERN = {pattern}\n"
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, body) if code in ("NYS301", "NYS304")]
    assert [code for code, _ in found] == ["NYS304"], found
    assert "cannot tell whether microsoft grants reach nylas.folders.create()" in found[0][1]


@pytest.mark.parametrize("test, pattern", [
    # A pattern no provider's name matches, a part too short to search for, or a
    # name that holds no compiled pattern of the module.
    ("PATTERN.match(grant.kind)", "re.compile(r'\\d+')"),
    ("PATTERN.search(grant.kind)", "re.compile('goo')"),
    ("OTHER.match(grant.kind)", "re.compile('goo')"),
])
def test_a_compiled_pattern_naming_no_provider_still_misses_scopes(
        tmp_path: Path, test: str, pattern: str) -> None:
    body = (f"    if {test}:\n        {_LABEL}\n\n\nimport re\n\nPATTERN = {pattern}\n"
            "OTHER = object()\n")
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, body) if code in ("NYS301", "NYS304")]
    assert [code for code, _ in found] == ["NYS301"], found
    assert "Mail.ReadWrite" in found[0][1]


@pytest.mark.parametrize("imports, test, patterns", [
    ("from patterns import PATTERN", "PATTERN.match(grant.kind)", "PATTERN = re.compile('goo')"),
    ("import patterns", "patterns.PATTERN.search(grant.kind)",
     "PATTERN = re.compile('gmail')"),
    ("from patterns import PATTERN", "PATTERN.match(grant['kind'].lower())",
     "PATTERN = re.compile('google')"),
    # A pattern not written as a literal may match any provider's name.
    ("from patterns import PATTERN", "PATTERN.match(grant.kind)",
     "from settings import KIND\nPATTERN = re.compile(KIND)"),
])
def test_a_pattern_compiled_in_another_module_matching_a_providers_name_is_unresolved(
        tmp_path: Path, imports: str, test: str, patterns: str) -> None:
    (tmp_path / "patterns.py").write_text(f"import re\n\n{patterns}\n")
    body = f"    {imports}\n    if {test}:\n        {_LABEL}"
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, body) if code in ("NYS301", "NYS304")]
    assert [code for code, _ in found] == ["NYS304"], found
    assert "cannot tell whether microsoft grants reach nylas.folders.create()" in found[0][1]


@pytest.mark.parametrize("body", [
    f"    if PATTERN.match(grant.kind):\n        {_LABEL}\n\n\n"
    "import re\nfrom settings import KIND\n\nPATTERN = re.compile(KIND)\n",
    f"    import re\n    from settings import KIND\n    if re.match(KIND, grant.kind):\n"
    f"        {_LABEL}",
])
def test_a_pattern_not_written_as_a_literal_is_unresolved_not_missing(
        tmp_path: Path, body: str) -> None:
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, body) if code in ("NYS301", "NYS304")]
    assert [code for code, _ in found] == ["NYS304"], found


@pytest.mark.parametrize("patterns", [
    # No provider's name matches it, or it is no compiled pattern.
    "PATTERN = re.compile(r'\\d+')", "PATTERN = object()",
    "PATTERN = re.compile(b'goo')",
])
def test_a_pattern_of_another_module_naming_no_provider_still_misses_scopes(
        tmp_path: Path, patterns: str) -> None:
    (tmp_path / "patterns.py").write_text(f"import re\n\n{patterns}\n")
    body = f"    from patterns import PATTERN\n    if PATTERN.match(grant.kind):\n        {_LABEL}"
    found = [(code, message) for _, code, message in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, body) if code in ("NYS301", "NYS304")]
    assert [code for code, _ in found] == ["NYS301"], found
    assert "Mail.ReadWrite" in found[0][1]


def test_a_module_testing_part_of_a_providers_name_has_its_tests_read() -> None:
    from flake8_nylas_scopes.analysis.provider_tests import may_test_a_provider

    assert may_test_a_provider("if grant.kind.startswith('goo'):\n    pass\n")
    assert may_test_a_provider("if re.search(PATTERN, grant.kind):\n    pass\n")
    assert may_test_a_provider("P = re.compile(r'^google$')\nif P.match(grant.kind):\n    pass\n")
    assert not may_test_a_provider("if message.subject.startswith('Re:'):\n    pass\n")


@pytest.mark.parametrize("body", [
    f"    if grant.provider in {{'google', 'gmail'}}:\n        {_LABEL}",
    f"    if grant.provider not in ('gmail', 'google'):\n        return\n    {_LABEL}",
])
def test_an_earlier_name_beside_the_providers_own_is_read_exactly(
        tmp_path: Path, body: str) -> None:
    found = [(line, code) for line, code, _ in _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, body) if code in ("NYS301", "NYS304")]
    assert found == [], found


def test_unread_provider_tests_survive_the_cache() -> None:
    from flake8_nylas_scopes.analysis.facts import ModuleFacts
    from flake8_nylas_scopes.analysis.module import module_facts

    source = ("from nylas import Client\n"
              "def work(grant):\n"
              "    if grant.provider in enabled():\n"
              "        pass\n"
              "    if grant.provider == 'google':\n"
              "        pass\n")
    facts = module_facts(None, "app.py", source.splitlines(keepends=True), flow=True)
    assert facts.unread_guards == [(4, 4, 3)]
    assert ModuleFacts.from_json(facts.to_json()).unread_guards == facts.unread_guards


@pytest.mark.parametrize("extra", [
    # Also called by its name, for any grant.
    "\n\ndef nightly(grant_id):\n    Sync()._sync_google(grant_id)\n",
])
def test_a_method_also_called_for_any_grant_still_misses_scopes(
        tmp_path: Path, extra: str) -> None:
    found = _by_name(tmp_path, '"_sync_" + grant.kind', extra=extra)
    assert [code for _, code, _ in found] == ["NYS301"] and "Mail.ReadWrite" in found[0][2]


def test_a_method_not_named_for_a_provider_is_not_picked_by_a_built_name(
        tmp_path: Path) -> None:
    found = _by_name(tmp_path, '"_sync_" + grant.kind').copy()
    renamed = _two_providers_findings(
        tmp_path, _GOOGLE_AND_LABELS, "    Sync().run(grant)" + _BY_NAME.replace(
            "NAME", '"_sync_" + grant.kind').replace("_sync_google", "_sync_labels"))
    assert [code for _, code, _ in found] == ["NYS304"]
    assert [code for _, code, _ in renamed if code in ("NYS301", "NYS304")] == ["NYS301"]


def test_provider_guards_survive_the_cache() -> None:
    from flake8_nylas_scopes.analysis.facts import ModuleFacts
    from flake8_nylas_scopes.analysis.module import module_facts

    source = ("from nylas import Client\n"
              "def work(grant):\n"
              "    if grant.provider == 'google':\n"
              "        pass\n"
              "    match grant.provider:\n"
              "        case 'microsoft' | 'ews':\n"
              "            pass\n"
              "        case other:\n"
              "            pass\n")
    source += ("    if grant.provider == 'google':\n"
               "        _label(grant)\n"
               "def _label(grant):\n"
               "    pass\n")
    facts = module_facts(None, "app.py", source.splitlines(keepends=True), flow=True)
    assert facts.provider_guards[:2] == [(4, 4, ("google",)), (7, 7, ("ews", "microsoft"))]
    assert facts.function_guards == [("_label", 12, 13, ("google",))]
    again = ModuleFacts.from_json(facts.to_json())
    assert again.provider_guards == facts.provider_guards
    assert again.function_guards == facts.function_guards


def test_code_a_built_name_picks_survives_the_cache() -> None:
    from flake8_nylas_scopes.analysis.facts import ModuleFacts
    from flake8_nylas_scopes.analysis.module import module_facts

    source = ("from nylas import Client\n"
              "class Sync:\n"
              "    def run(self, grant):\n"
              "        getattr(self, f'_sync_{grant.provider}')(grant)\n"
              "        getattr(self, '_mail_' + grant.kind)(grant)\n"
              "    def _sync_google(self, grant):\n"
              "        pass\n"
              "    def _mail_microsoft(self, grant):\n"
              "        pass\n")
    facts = module_facts(None, "app.py", source.splitlines(keepends=True), flow=True)
    assert facts.function_guards == [("Sync._sync_google", 6, 7, ("google",))]
    assert facts.undecided_guards == [("Sync._mail_microsoft", 8, 9, 5)]
    again = ModuleFacts.from_json(facts.to_json())
    assert again.function_guards == facts.function_guards
    assert again.undecided_guards == facts.undecided_guards


def test_a_request_whose_method_and_path_are_built_at_run_time_is_named_in_words(
        tmp_path: Path) -> None:
    wrapper = '''def nylas_request(method, path, **kwargs):
    return requests.request(method, f"{API}/v3{path}", **kwargs).json()


def messages(grant_id):
    return nylas_request("GET", f"/grants/{grant_id}/messages")
'''
    found = _raw(tmp_path, RAW_APP.replace(_MESSAGES, wrapper))
    messages = [message for _, code, message in found if code == "NYS304"]
    assert any(
        "a request to /v3{...} cannot be matched to an endpoint "
        "(part of its path is built at run time)" in message for message in messages
    ), messages


_WEBHOOK_APP = '''import os

from nylas import Client

nylas = Client("key")
{triggers}


def connect():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
        "scope": ["{G}gmail.readonly", "{G}calendar.events.readonly"]}})


def subscribe():
    nylas.webhooks.create(request_body={{"trigger_types": TRIGGERS,
                                         "webhook_url": "https://a/hook"}})


def agenda(grant_id):
    return nylas.events.list(grant_id, query_params={{"calendar_id": "team"}}).data
'''


def _webhook_findings(tmp_path: Path, triggers: str) -> list[tuple[int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\n')
    (tmp_path / "app.py").write_text(_WEBHOOK_APP.format(triggers=triggers, G=G))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings)


@pytest.mark.parametrize("triggers", [
    'TRIGGERS = os.environ["NYLAS_TRIGGERS"].split(",")',
    'TRIGGERS = ["event.updated"]\nTRIGGERS.extend(os.environ["MORE"].split(","))',
])
def test_a_webhook_whose_triggers_cannot_be_read_leaves_notification_scopes_used(
        tmp_path: Path, triggers: str) -> None:
    # message.created notifications need the mail read scope: it may be one of them.
    found = _webhook_findings(tmp_path, triggers)
    assert [code for _, code, _ in found] == ["NYS304"], found
    assert "cannot read the webhook triggers 'TRIGGERS'" in found[0][2]


@pytest.mark.parametrize("triggers", [
    'TRIGGERS = ["event.updated"]',
    'from nylas.models.webhooks import WebhookTriggers\nTRIGGERS = (WebhookTriggers.EVENT_UPDATED,)',
])
def test_a_webhook_whose_triggers_are_read_leaves_the_mail_scope_unused(
        tmp_path: Path, triggers: str) -> None:
    found = _webhook_findings(tmp_path, triggers)
    assert [(code, "gmail.readonly" in message) for _, code, message in found] == [
        ("NYS303", True)], found


@pytest.mark.parametrize("built, duplicates", [
    (f'sorted(set(BASE + ["{G}calendar"]))', 0),
    (f'sorted(BASE + ["{G}calendar"])', 1),
])
def test_a_v3_scope_written_twice_into_a_set_is_requested_once(
        tmp_path: Path, built: str, duplicates: int) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\n')
    (tmp_path / "main.py").write_text(f'''import os
from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
BASE = ["{G}calendar"]


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": {built},
    }})


def work(grant_id):
    return nylas.events.create(grant_id, request_body={{}},
                               query_params={{"calendar_id": "primary"}})
''')
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings].count("NYS103") == duplicates, result.findings


def _returned_config_project(tmp_path: Path, work: str) -> list[tuple[int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "scopes.py").write_text(
        f'SCOPES = {{"google": ["{G}gmail.modify"],\n'
        '          "microsoft": ["Mail.ReadWrite", "Mail.Send", "offline_access"]}\n')
    (tmp_path / "auth.py").write_text(
        "from nylas import Client\n"
        "from scopes import SCOPES\n"
        "nylas = Client('key')\n\n"
        "def oauth_config(provider):\n"
        "    return {'client_id': 'c', 'redirect_uri': 'r', 'provider': provider,\n"
        "            'scope': SCOPES[provider]}\n\n"
        "def login(provider):\n"
        "    return nylas.auth.url_for_oauth2(oauth_config(provider))\n\n"
        "def work(grant_id, message_id):\n"
        "    nylas.messages.update(grant_id, message_id, {'unread': False})\n"
        f"{work}\n")
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings
                  if f.code in USAGE or f.code == "NYS304")


def test_a_config_built_by_a_function_per_provider_is_judged(tmp_path: Path) -> None:
    # ``url_for_oauth2(oauth_config(provider))``: each provider's list is requested.
    found = _returned_config_project(tmp_path, "")
    assert [(line, code) for line, code, _ in found] == [(2, "NYS303")]
    assert "'Mail.Send'" in found[0][2]


def test_a_config_built_by_a_function_keeps_what_a_call_needs(tmp_path: Path) -> None:
    # Control: a send needs Mail.Send, and gmail.modify grants it on Google.
    found = _returned_config_project(
        tmp_path, "    nylas.messages.send(grant_id, {'to': []})")
    assert found == []


_CONF_MODULE = '''G = "https://www.googleapis.com/auth/"
SCOPES = {{"google": [G + "gmail.modify"],
          "microsoft": ["Mail.ReadWrite", "Mail.Send", "offline_access"]}}


def oauth_config(provider{parameters}):
    return {{"client_id": "c", "redirect_uri": "r", "provider": provider,
            "scope": {scope}{extra}}}
'''


def _other_modules_config_project(
        tmp_path: Path, call: str, work: str = "", conf: str = "", boot: str = "",
) -> list[tuple[str, int, str]]:
    """``url_for_oauth2(<call>)`` in ``auth.py``, with the config function in
    ``conf.py`` (which never names Nylas); the findings of the usage rules."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "conf.py").write_text(conf or _CONF_MODULE.format(
        parameters="", scope="SCOPES[provider]", extra=""))
    (tmp_path / "boot.py").write_text(boot)
    (tmp_path / "auth.py").write_text(
        "from nylas import Client\n"
        "import conf\n"
        "from conf import oauth_config\n"
        "nylas = Client('key')\n\n"
        "def login(provider):\n"
        f"    return nylas.auth.url_for_oauth2({call})\n\n"
        "def work(grant_id, message_id):\n"
        "    nylas.messages.update(grant_id, message_id, {'unread': False})\n"
        f"{work}\n")
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings
                  if f.code in USAGE or f.code == "NYS304")


@pytest.mark.parametrize("call", [
    "oauth_config(provider)", "conf.oauth_config(provider)", "config=oauth_config(provider)",
])
def test_a_config_another_module_builds_by_a_function_is_judged(
        tmp_path: Path, call: str) -> None:
    # Each provider's list is a request; nothing needs Mail.Send (conf.py line 3).
    found = _other_modules_config_project(tmp_path, call)
    assert found == [("conf.py", 3, "NYS303")]


def test_a_config_another_module_builds_keeps_what_a_call_needs(tmp_path: Path) -> None:
    # Control: a send needs Mail.Send, and gmail.modify grants it on Google.
    found = _other_modules_config_project(
        tmp_path, "oauth_config(provider)", "    nylas.messages.send(grant_id, {'to': []})")
    assert found == []


@pytest.mark.parametrize("conf, boot", [
    # The config copies its caller's scopes: what callers pass is not read there.
    (_CONF_MODULE.format(parameters=", scopes=()", scope="scopes", extra=""), ""),
    # The grant may keep the scopes it had.
    (_CONF_MODULE.format(parameters="", scope="SCOPES[provider]",
                         extra=', "include_grant_scopes": True'), ""),
    # Other code changes the list the config holds, through what the call returns.
    ("", "import conf\n\nconf.oauth_config('microsoft')['scope'].append('Mail.Read')\n"),
    ("", "from conf import oauth_config\n\n"
         "def extend():\n    cfg = oauth_config('google')\n    cfg['scope'] += ['x']\n"),
    # Other code binds the function again.
    ("", "import conf\n\nconf.oauth_config = lambda provider: {'scope': []}\n"),
])
def test_a_config_another_module_builds_that_cannot_be_told_is_unresolved(
        tmp_path: Path, conf: str, boot: str) -> None:
    found = _other_modules_config_project(tmp_path, "oauth_config(provider)", conf=conf,
                                          boot=boot)
    assert found == [("auth.py", 7, "NYS304")]


_GRAPH_SESSION = ("from requests_oauthlib import OAuth2Session\nfrom conf import oauth_config\n\n\n"
                  "def graph():\n    return OAuth2Session('id', scope=oauth_config('microsoft')"
                  "[{key!r}])\n")


def test_a_config_another_module_builds_also_given_to_another_library_stays_silent(
        tmp_path: Path) -> None:
    # Graph is called directly with the config's list: Mail.Send may serve it.
    found = _other_modules_config_project(
        tmp_path, "oauth_config(provider)", boot=_GRAPH_SESSION.format(key="scope"))
    assert found == []


def test_another_key_of_the_config_given_to_another_library_keeps_the_claim(
        tmp_path: Path) -> None:
    # Control: the library gets the redirect URI, not the scopes.
    found = _other_modules_config_project(
        tmp_path, "oauth_config(provider)", boot=_GRAPH_SESSION.format(key="redirect_uri"))
    assert found == [("conf.py", 3, "NYS303")]


_GRAPH_SESSION_HELD = ("from requests_oauthlib import OAuth2Session\nfrom conf import oauth_config\n"
                       "\n\ndef graph():\n    config = oauth_config('microsoft')\n"
                       "    return OAuth2Session('id', scope=config[{key!r}])\n")


@pytest.mark.parametrize(("key", "expected"), [
    ("scope", []), ("redirect_uri", [("conf.py", 3, "NYS303")])])
def test_a_config_held_in_a_local_name_and_given_to_another_library(
        tmp_path: Path, key: str, expected: list[tuple[str, int, str]]) -> None:
    # Held first in ``config``: its list may serve Graph as when given directly; the
    # redirect URI given instead keeps the claim.
    found = _other_modules_config_project(
        tmp_path, "oauth_config(provider)", boot=_GRAPH_SESSION_HELD.format(key=key))
    assert found == expected
