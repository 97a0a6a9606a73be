"""The app's own web routes are no requests to Nylas, even where their paths read like
API v3 paths (``/grants/{id}/messages``); a request the app sends still is one."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
USAGE = frozenset({"NYS301", "NYS302", "NYS303", "NYS304", "NYS405"})

# Requests mail and calendar reads; only the calendars are read through the SDK, so
# the mail scope is unused unless the web module sends a request for mail.
_AUTH = f'''import os

from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
API = os.getenv("NYLAS_API_URI", "https://api.us.nylas.com")


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": ["{G}gmail.readonly", "{G}calendar.readonly"],
    }})


def calendars(grant_id):
    return nylas.calendars.list(grant_id).data
'''


def _findings(tmp_path: Path, web: str) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "auth.py").write_text(_AUTH)
    (tmp_path / "web.py").write_text(web)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.message) for f in result.findings if f.code in USAGE)


def _mail_unused(found: list[tuple[str, str]]) -> bool:
    return [(code, "gmail.readonly" in message) for code, message in found] == [
        ("NYS303", True)]


_HANDLER = '''

async def handler(request):
    return None
'''


@pytest.mark.parametrize("web", [
    # Starlette and Falcon register a route with ``add_route``.
    "from starlette.applications import Starlette\n" + _HANDLER
    + 'app = Starlette()\napp.add_route("/grants/{id}/people", handler)\n',
    "import falcon\n" + _HANDLER
    + 'app = falcon.App()\napp.add_route("/v3/grants/{grant_id}/events", handler)\n',
    # aiohttp's router methods and route definitions.
    "from aiohttp import web\n" + _HANDLER
    + 'def setup(app):\n    app.router.add_get("/grants/{grant_id}/events", handler)\n',
    "from aiohttp import web\n" + _HANDLER
    + 'def setup(app):\n    app.add_routes([web.get("/v3/grants/{g}/messages", handler)])\n',
    # Tornado's URL specs and route tables, written out or held by a local name.
    "import tornado.web\nfrom tornado.web import url\n" + _HANDLER
    + 'app = tornado.web.Application([url(r"/grants/(.*)/messages", handler),\n'
      '                               (r"/grants/(.*)/drafts", handler)])\n',
    "import tornado.web\n" + _HANDLER + '''
class App(tornado.web.Application):
    def __init__(self):
        handlers = [(r"/v3/grants/([^/]+)/events", handler)]
        super().__init__(handlers, debug=True)
''',
    # Django REST framework's router.
    "from rest_framework import routers\nrouter = routers.DefaultRouter()\n"
    'router.register(r"grants/(?P<gid>[^/.]+)/messages", object, basename="m")\n',
    # A redirect sends the browser to the app's own page.
    "from flask import redirect\n"
    'def done(gid):\n    return redirect(f"/v3/grants/{gid}/messages")\n',
    "from starlette.responses import RedirectResponse\n"
    'def done(gid):\n    return RedirectResponse(url=f"/grants/{gid}/messages")\n',
    # A local name that only the registration reads.
    "from starlette.applications import Starlette\n" + _HANDLER + '''
def build():
    app = Starlette()
    people = "/grants/{id}/messages"
    app.add_route(people, handler)
    return app
''',
])
def test_a_route_the_app_registers_is_no_request(tmp_path: Path, web: str) -> None:
    assert _mail_unused(_findings(tmp_path, web))


@pytest.mark.parametrize("web", [
    'from flask import Flask\napp = Flask(__name__)\n\n\n'
    '@app.get("/v3/grants/<gid>/messages")\ndef messages(gid):\n    return {}\n',
    'from fastapi import APIRouter\nrouter = APIRouter()\n\n\n'
    '@router.post("/v3/grants/{gid}/messages/send")\ndef send(gid: str):\n    return {}\n',
    'from aiohttp import web\nroutes = web.RouteTableDef()\n\n\n'
    '@routes.get("/v3/grants/{gid}/threads")\nasync def threads(request):\n    return None\n',
])
def test_a_view_registered_by_an_http_method_decorator_is_no_use(
        tmp_path: Path, web: str) -> None:
    # Taken for a request, the view's path made the mail scope look used.
    assert _mail_unused(_findings(tmp_path, web))


@pytest.mark.parametrize("web", [
    # A full URL is sent somewhere, whatever method receives it.
    "from starlette.applications import Starlette\nfrom auth import API\n" + _HANDLER
    + 'app = Starlette()\napp.add_route(f"{API}/v3/grants/{app}/messages", handler)\n',
    # The local name is read twice: the other reader may send it.
    "from starlette.applications import Starlette\nfrom relay import send\n" + _HANDLER + '''
def build():
    app = Starlette()
    people = "/grants/{id}/messages"
    app.add_route(people, handler)
    send(people)
    return app
''',
    # A module constant may be imported and sent by another module.
    "from starlette.applications import Starlette\n" + _HANDLER
    + 'PEOPLE = "/grants/{id}/messages"\napp = Starlette()\napp.add_route(PEOPLE, handler)\n',
    # ``add_get`` in a module that imports no framework defining it: a batch builder
    # may send what it is given.
    "from starlette.applications import Starlette\n"
    'def batch(b):\n    b.add_get("/grants/{g}/messages")\n',
    # A path handed to a function the analysis does not know as a redirect.
    "from flask import Flask\nfrom relay import forward\n"
    'def done(gid):\n    return forward(f"/v3/grants/{gid}/messages")\n',
    # ``register`` in a module without Django REST framework.
    "from flask import Flask\n"
    'def hooks(registry):\n    registry.register("/grants/{g}/messages")\n',
])
def test_a_path_the_app_may_send_still_silences(tmp_path: Path, web: str) -> None:
    assert {code for code, _ in _findings(tmp_path, web)} == {"NYS304"}


@pytest.mark.parametrize("web", [
    # The app's own routes beside the requests it sends to Nylas.
    "import requests\nfrom fastapi import APIRouter\nfrom auth import API\n"
    "router = APIRouter()\n\n\n"
    '@router.get("/grants/{gid}/inbox")\ndef inbox(gid: str):\n'
    '    return requests.get(f"{API}/v3/grants/{gid}/messages").json()\n',
    "import httpx\nfrom starlette.applications import Starlette\nfrom auth import API\n"
    + _HANDLER + 'app = Starlette()\napp.add_route("/grants/{id}/people", handler)\n\n\n'
    'async def inbox(gid):\n    async with httpx.AsyncClient() as http:\n'
    '        return await http.get(f"{API}/v3/grants/{gid}/messages")\n',
    "import requests\nfrom flask import Flask\nfrom auth import API\napp = Flask(__name__)\n"
    "session = requests.Session()\n\n\n"
    'def messages_url(gid):\n    return f"{API}/v3/grants/{gid}/messages"\n\n\n'
    '@app.get("/grants/<gid>/messages")\ndef inbox(gid):\n'
    '    return session.request("GET", messages_url(gid)).json()\n',
    # A decorator named for a method, in a module that imports no web framework: a
    # client library may declare an outbound request so.
    "import uplink\n\n\nclass Api(uplink.Consumer):\n"
    '    @uplink.get("/v3/grants/{gid}/messages")\n    def messages(self, gid):\n'
    "        pass\n",
])
def test_a_request_beside_the_routes_is_still_a_use(tmp_path: Path, web: str) -> None:
    found = _findings(tmp_path, web)
    assert not any("gmail.readonly" in message for _, message in found), found
