"""Raw HTTP requests whose URL a function of the project builds (``requests.put(
message_url(mid))``) reach the route that function returns, in this module or another;
a URL nothing can be read of, in a project that sends raw requests to Nylas, may be a
Nylas request and silences the claims that a scope is not needed (NYS304)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

AUTH = '''
from nylas import APIClient


def login_url(client: APIClient, redirect):
    return client.authentication_url(redirect, scopes=["email.modify"])
'''

LISTER = '''
import requests


def list_messages(token):
    return requests.get("https://api.nylas.com/messages").json()
'''

URLS = '''
API = "https://api.nylas.com"


def message_url(message_id):
    return f"{API}/messages/{message_id}"


class Urls:
    def message(self, message_id):
        return f"{API}/messages/{message_id}"
'''


def _codes(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


def _views(method: str, url: str, imports: str = "from links import message_url, Urls") -> str:
    return f'''
import requests

{imports}


def touch(mid):
    return requests.{method}({url}, json={{"unread": False}})
'''


BROADER = [("auth.py", 6, "NYS302")]


def test_a_url_another_modules_function_returns_is_read(tmp_path: Path) -> None:
    # The module of the request says nothing of Nylas: its URL is built elsewhere.
    files = {"auth.py": AUTH, "lister.py": LISTER, "links.py": URLS}
    assert _codes(tmp_path / "put", {
        **files, "views.py": _views("put", "message_url(mid)")}) == []
    # Control: the URL is read, not given up on: a GET of one message needs no more
    # than 'email.read_only'.
    assert _codes(tmp_path / "get", {
        **files, "views.py": _views("get", "message_url(mid)")}) == BROADER


def test_a_url_a_method_of_another_modules_class_returns_is_read(tmp_path: Path) -> None:
    files = {"auth.py": AUTH, "lister.py": LISTER, "links.py": URLS}
    assert _codes(tmp_path / "put", {
        **files, "views.py": _views("put", "Urls().message(mid)")}) == []
    assert _codes(tmp_path / "get", {
        **files, "views.py": _views("get", "Urls().message(mid)")}) == BROADER


def test_a_url_a_function_of_the_same_module_returns_is_read(tmp_path: Path) -> None:
    files = {"auth.py": AUTH, "lister.py": LISTER}
    same = URLS.replace("\nAPI", "\nimport requests\n\nAPI")
    assert _codes(tmp_path / "put", {
        **files, "links.py": same + _views("put", "message_url(mid)", "")}) == []
    assert _codes(tmp_path / "get", {
        **files, "links.py": same + _views("get", "message_url(mid)", "")}) == BROADER


WRAPPER = '''
import requests

API = "https://api.nylas.com"


def _send(url, body):
    return requests.put(url, json=body)


def mark_read(mid):
    return _send(f"{API}/messages/{mid}", {"unread": False})
'''


def test_a_url_that_cannot_be_read_may_be_a_nylas_request(tmp_path: Path) -> None:
    found = _codes(tmp_path, {"auth.py": AUTH, "lister.py": LISTER, "wrapper.py": WRAPPER})
    assert found == [("wrapper.py", 8, "NYS304")]


def test_an_unread_url_is_no_nylas_request_where_none_is_sent_raw(tmp_path: Path) -> None:
    # Control: the app talks to Nylas through the SDK only; a request to a URL the
    # analysis cannot read goes to another service.
    calls = '''
import requests
from nylas import APIClient


def ping(url):
    return requests.get(url)


def count(client: APIClient):
    return len(client.messages.all())
'''
    assert _codes(tmp_path, {"auth.py": AUTH, "calls.py": calls}) == BROADER


def test_a_dicts_get_is_no_request(tmp_path: Path) -> None:
    # Control: ``get`` of something no HTTP library made sends nothing.
    calls = LISTER + '''

def pick(options, key):
    return options.get(key)
'''
    assert _codes(tmp_path, {"auth.py": AUTH, "calls.py": calls}) == BROADER


V3_AUTH = '''
import nylas

client = nylas.Client("key")


def login_url():
    return client.auth.url_for_oauth2({
        "client_id": "x", "redirect_uri": "y", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.modify"]})
'''

V3_LINKS = '''
API = "https://api.us.nylas.com"


def message_url(grant_id, message_id):
    return f"{API}/v3/grants/{grant_id}/messages/{message_id}"
'''

V3_VIEWS = '''
import requests

from links import message_url


def touch(gid, mid):
    return requests.put(message_url(gid, mid), json={"unread": False})


def inbox(gid):
    return requests.get(f"https://api.us.nylas.com/v3/grants/{gid}/messages").json()
'''


def test_a_v3_url_another_modules_function_returns_is_read(tmp_path: Path) -> None:
    found = _codes(tmp_path / "put", {
        "auth.py": V3_AUTH, "links.py": V3_LINKS, "views.py": V3_VIEWS})
    assert [code for _, _, code in found if code != "NYS304"] == []


SESSION_WRAPPER = '''
import requests

API = "https://api.nylas.com"
SESSION = requests.Session()


def _send(session, url, body):
    return session.put(url, json=body)


def mark_read(mid):
    return _send(SESSION, f"{API}/messages/{mid}", {"unread": False})
'''


def test_a_session_parameter_sending_a_url_that_cannot_be_read_may_reach_nylas(
        tmp_path: Path) -> None:
    found = _codes(tmp_path, {"auth.py": AUTH, "lister.py": LISTER,
                              "wrapper.py": SESSION_WRAPPER})
    assert found == [("wrapper.py", 9, "NYS304")]


def test_flasks_session_is_no_http_session(tmp_path: Path) -> None:
    # Control: ``session.get(key)`` reads the user's session, it sends nothing.
    calls = LISTER + '''
from flask import session


def token(key):
    return session.get(key)
'''
    assert _codes(tmp_path, {"auth.py": AUTH, "calls.py": calls}) == BROADER


SDK_LISTER = '''
from nylas import APIClient


def list_messages(token):
    return [m.subject for m in APIClient("id", "secret", token).messages.all()]
'''


@pytest.mark.parametrize("request_code", [
    # A template kept in a dict, filled where it is sent.
    'URLS = {"thread": "https://api.nylas.com/threads/{id}"}\n\n\n'
    'def archive(tid):\n'
    '    requests.put(URLS["thread"].format(id=tid), json={"unread": False})\n',
    # HTTP clients the analysis does not know the methods of.
    'import niche_http\n\n\n'
    'def archive(tid):\n'
    '    niche_http.send("PUT", f"https://api.nylas.com/threads/{tid}", {"unread": False})\n',
    'from tornado.httpclient import AsyncHTTPClient\n\n\n'
    'async def archive(tid):\n'
    '    await AsyncHTTPClient().fetch(f"https://api.nylas.com/threads/{tid}", method="PUT")\n',
    'import httpx\n\n\n'
    'def archive(tid):\n'
    '    with httpx.Client() as http:\n'
    '        http.send(http.build_request("PUT", f"https://api.nylas.com/threads/{tid}"))\n',
])
def test_a_nylas_url_sent_where_the_analysis_cannot_see_silences_the_broader_claim(
        tmp_path: Path, request_code: str) -> None:
    # The app reads through the SDK: no raw request it sends leaves URLs unread.
    found = _codes(tmp_path, {"auth.py": AUTH, "lister.py": SDK_LISTER,
                              "archive.py": "import requests\n" + request_code})
    assert found and {(name, code) for name, _, code in found} == {("archive.py", "NYS304")}


def test_a_nylas_url_a_known_request_reads_keeps_the_broader_claim(tmp_path: Path) -> None:
    found = _codes(tmp_path, {"auth.py": AUTH, "lister.py": SDK_LISTER, "archive.py": (
        "import requests\n\n\ndef peek(tid):\n"
        '    return requests.get(f"https://api.nylas.com/threads/{tid}").json()\n')})
    assert found == BROADER


TEMPLATE_AUTH = '''
from nylas import Client

URL = Client("key").auth.url_for_oauth2({
    "client_id": "c", "redirect_uri": "r", "provider": "google",
    "scope": ["https://www.googleapis.com/auth/gmail.readonly",
              "https://www.googleapis.com/auth/gmail.send"],
})


def inbox(grant_id):
    return Client("key").messages.list(grant_id).data
'''

TEMPLATE_SENDER = '''
import requests

TEMPLATE = "https://api.us.nylas.com/v3/grants/{{grant}}/{path}"


def call(grant, body):
    return requests.post(TEMPLATE.format(grant=grant, action="send"), json=body)
'''


def test_a_field_of_a_url_template_may_name_a_literal_segment(tmp_path: Path) -> None:
    # ``{action}`` is filled with "send": POST /messages/send needs gmail.send.
    sender = TEMPLATE_SENDER.format(path="messages/{action}")
    found = _codes(tmp_path, {"auth.py": TEMPLATE_AUTH, "sender.py": sender})
    assert found and {code for _, _, code in found} == {"NYS304"}, found


def test_a_url_template_of_literal_segments_names_only_its_routes(tmp_path: Path) -> None:
    # Control: /threads is only read; nothing sends mail.
    sender = TEMPLATE_SENDER.format(path="threads")
    found = _codes(tmp_path, {"auth.py": TEMPLATE_AUTH, "sender.py": sender})
    assert ("auth.py", 7, "NYS303") in found, found
