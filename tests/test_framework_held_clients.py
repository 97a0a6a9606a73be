"""A Nylas client kept on an object a web framework or a command-line toolkit
provides, then read back where the requests are made.  The calls through it are
followed exactly when every store to that place in the project is known; a store of
something the analysis cannot tell, or a place nothing stores to, keeps the calls
unresolved (NYS304) and the findings about their scopes silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

# A login asking for Gmail and Calendar; the handler at ``_CALL_LINE`` lists messages,
# so Calendar is unused (NYS303) once that call is followed.
_APP = '''
import os

import toolkit
from nylas import Client

{setup}


def login():
    return Client("key").auth.url_for_oauth2({{
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/calendar"],
    }})


{handler}
'''


def _codes(tmp_path: Path, setup: str, handler: str) -> list[tuple[int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "main.py").write_text(_APP.format(setup=setup.strip(), handler=handler.strip()))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings)


def _exact(found: list[tuple[int, str, str]]) -> None:
    """Calendar is reported unused, and nothing is left unresolved."""
    codes = [code for _, code, _ in found]
    assert "NYS304" not in codes, found
    assert [message for _, code, message in found if code == "NYS303"] == [
        "NYS303 'https://www.googleapis.com/auth/calendar' is requested but no Nylas call in the"
        " project needs it; remove it"], found


def _unresolved(found: list[tuple[int, str, str]]) -> None:
    """The call through the kept client is unresolved; nothing is called unused."""
    codes = [code for _, code, _ in found]
    assert "NYS304" in codes, found
    assert [code for code in codes if code in ("NYS302", "NYS303", "NYS405")] == [], found


_SANIC_HANDLER = '''
async def inbox(request):
    return request.app.ctx.nylas.messages.list("grant")
'''


@pytest.mark.parametrize("setup", [
    'app.ctx.nylas = Client(os.environ["NYLAS_API_KEY"])',
    'async def connect(app, loop):\n    app.ctx.nylas = Client(os.environ["NYLAS_API_KEY"])',
], ids=["module-level", "listener"])
def test_a_client_kept_on_sanic_ctx_is_followed(tmp_path: Path, setup: str) -> None:
    _exact(_codes(tmp_path, "from sanic import Sanic\napp = Sanic('a')\n" + setup,
                  _SANIC_HANDLER))


@pytest.mark.parametrize("setup", [
    "",
    "app.ctx.nylas = toolkit.make()",
    "async def attach(request):\n    request.ctx.nylas = toolkit.make()",
    "app.ctx = toolkit.make()",
], ids=["nothing-stored", "unknown-store", "unknown-request-ctx", "unknown-ctx"])
def test_sanic_ctx_with_an_unknown_store_stays_unresolved(tmp_path: Path, setup: str) -> None:
    _unresolved(_codes(tmp_path, "from sanic import Sanic\napp = Sanic('a')\n" + setup,
                       _SANIC_HANDLER))


_AIOHTTP_HANDLER = '''
async def inbox(request):
    return request.{holder}[{key}].messages.list("grant")


def make_app():
    application = web.Application()
    {store}
    return application
'''


def _aiohttp(tmp_path: Path, store: str, key: str = '"nylas"', holder: str = "app",
             keys: str = "") -> list[tuple[int, str, str]]:
    return _codes(tmp_path, "from aiohttp import web\nfrom keys import IMPORTED\n" + keys,
                  _AIOHTTP_HANDLER.format(holder=holder, key=key, store=store))


@pytest.mark.parametrize(("store", "key", "holder", "keys"), [
    ('application["nylas"] = Client(os.environ["NYLAS_API_KEY"])', '"nylas"', "app", ""),
    ('application["nylas"] = Client(os.environ["NYLAS_API_KEY"])', '"nylas"', "config_dict",
     ""),
    ("application[NYLAS] = Client(os.environ['NYLAS_API_KEY'])", "NYLAS", "app",
     'NYLAS = web.AppKey("nylas", Client)'),
    ("application.cleanup_ctx.append(connect)", '"nylas"', "app",
     "async def connect(app):\n    app['nylas'] = Client(os.environ['NYLAS_API_KEY'])\n"
     "    yield"),
], ids=["string-key", "config-dict", "app-key", "cleanup-context"])
def test_a_client_kept_in_the_aiohttp_application_is_followed(
        tmp_path: Path, store: str, key: str, holder: str, keys: str) -> None:
    _exact(_aiohttp(tmp_path, store, key, holder, keys))


@pytest.mark.parametrize(("store", "key"), [
    ("pass", '"nylas"'),
    ('application["nylas"] = toolkit.make()', '"nylas"'),
    ("application[toolkit.name()] = toolkit.make()", '"nylas"'),
    ("application[IMPORTED] = toolkit.make()", '"nylas"'),
    ("application.update(nylas=toolkit.make())", '"nylas"'),
    ('application.setdefault("nylas", toolkit.make())', '"nylas"'),
    ('application["nylas"] = Client(os.environ["NYLAS_API_KEY"])', "IMPORTED"),
    ('application["nylas"] = Client(os.environ["NYLAS_API_KEY"])', "toolkit.name()"),
], ids=["nothing-stored", "unknown-store", "unknown-under-unread-key",
        "unknown-under-imported-key", "unknown-update", "unknown-setdefault",
        "read-by-imported-key", "read-by-unread-key"])
def test_the_aiohttp_application_with_an_unknown_item_stays_unresolved(
        tmp_path: Path, store: str, key: str) -> None:
    _unresolved(_aiohttp(tmp_path, store, key))


def test_an_aiohttp_client_stored_in_one_module_is_read_in_another(tmp_path: Path) -> None:
    (tmp_path / "views.py").write_text(
        "from aiohttp import web\n\n\nasync def inbox(request: web.Request):\n"
        "    return request.app['nylas'].messages.list('grant')\n")
    _exact(_codes(tmp_path, "from aiohttp import web\n",
                  "def make_app():\n    app = web.Application()\n"
                  "    app['nylas'] = Client(os.environ['NYLAS_API_KEY'])\n    return app\n"))


_PYRAMID_CONFIG = '''
from pyramid.config import Configurator


def main(global_config, **settings):
    config = Configurator(settings=settings)
    {store}
    return config.make_wsgi_app()
'''
_PYRAMID_VIEW = '''
def inbox(request):
    return request.registry.nylas.messages.list("grant")
'''
_PYRAMID_CLASS_VIEW = '''
class Inbox:
    def __init__(self, request):
        self.request = request

    def __call__(self):
        return self.request.registry.nylas.messages.list("grant")
'''


@pytest.mark.parametrize(("store", "view"), [
    ('config.registry.nylas = Client(os.environ["NYLAS_API_KEY"])', _PYRAMID_VIEW),
    ('config.registry.nylas = Client(os.environ["NYLAS_API_KEY"])', _PYRAMID_CLASS_VIEW),
    ('registry = config.registry\n    registry.nylas = Client(os.environ["NYLAS_API_KEY"])',
     _PYRAMID_VIEW),
    ("pass", _PYRAMID_VIEW + '\n\ndef connect(request):\n'
     '    request.registry.nylas = Client(os.environ["NYLAS_API_KEY"])'),
], ids=["function-view", "class-view", "registry-in-a-name", "stored-from-a-request"])
def test_a_client_kept_on_the_pyramid_registry_is_followed(
        tmp_path: Path, store: str, view: str) -> None:
    _exact(_codes(tmp_path, _PYRAMID_CONFIG.format(store=store), view))


@pytest.mark.parametrize(("store", "view"), [
    ("pass", _PYRAMID_VIEW),
    ("config.registry.nylas = toolkit.make()", _PYRAMID_VIEW),
    ("config.registry.nylas = toolkit.make()", _PYRAMID_CLASS_VIEW),
    # Only the configurator's and a request's registry are Pyramid's: a store on
    # another object's leaves the slot the view reads empty.
    ('toolkit.holder.registry.nylas = Client(os.environ["NYLAS_API_KEY"])', _PYRAMID_VIEW),
    ("pass", _PYRAMID_VIEW + "\n\ndef connect(request):\n    request.registry.nylas = toolkit.make()"),
], ids=["nothing-stored", "unknown-store", "unknown-store-class-view",
        "other-objects-registry", "unknown-store-from-a-request"])
def test_the_pyramid_registry_with_an_unknown_client_stays_unresolved(
        tmp_path: Path, store: str, view: str) -> None:
    _unresolved(_codes(tmp_path, _PYRAMID_CONFIG.format(store=store), view))


_CLICK_GROUP = '''
import click


@click.group()
@click.pass_context
def cli(ctx):
    {store}
'''
_PASS_OBJ = '''
@cli.command()
@click.pass_obj
def inbox(nylas):
    return nylas.messages.list("grant")
'''
_PASS_CONTEXT = '''
@cli.command()
@click.pass_context
def inbox(ctx):
    return ctx.obj{item}.messages.list("grant")
'''


@pytest.mark.parametrize(("store", "command"), [
    ('ctx.obj = Client(os.environ["NYLAS_API_KEY"])', _PASS_OBJ),
    ('ctx.obj = Client(os.environ["NYLAS_API_KEY"])', _PASS_CONTEXT.format(item="")),
    ('ctx.ensure_object(dict)["nylas"] = Client(os.environ["NYLAS_API_KEY"])',
     _PASS_CONTEXT.format(item='["nylas"]')),
    ('ctx.ensure_object(dict)["nylas"] = Client(os.environ["NYLAS_API_KEY"])',
     _PASS_OBJ.replace("nylas.messages", 'nylas["nylas"].messages')),
], ids=["pass-obj", "context-obj", "ensured-dict", "ensured-dict-pass-obj"])
def test_a_client_kept_on_the_click_context_is_followed(
        tmp_path: Path, store: str, command: str) -> None:
    _exact(_codes(tmp_path, _CLICK_GROUP.format(store=store), command))


@pytest.mark.parametrize(("store", "command"), [
    ("pass", _PASS_OBJ),
    ("ctx.obj = toolkit.make()", _PASS_OBJ),
    ('ctx.ensure_object(dict)["nylas"] = toolkit.make()',
     _PASS_CONTEXT.format(item='["nylas"]')),
    ("pass", _PASS_CONTEXT.format(item="") + "\n\ncli(obj=toolkit.make())"),
], ids=["nothing-stored", "unknown-object", "unknown-item", "unknown-given-to-the-group"])
def test_the_click_context_with_an_unknown_object_stays_unresolved(
        tmp_path: Path, store: str, command: str) -> None:
    _unresolved(_codes(tmp_path, _CLICK_GROUP.format(store=store), command))


_CONTEXT_VAR_READ = '''
def inbox():
    return NYLAS.get().messages.list("grant")
'''


@pytest.mark.parametrize("setup", [
    'from contextvars import ContextVar\n\nNYLAS: ContextVar[Client] = ContextVar("nylas")\n\n\n'
    'def connect():\n    NYLAS.set(Client(os.environ["NYLAS_API_KEY"]))',
    'import contextvars\n\nNYLAS = contextvars.ContextVar("nylas", default=Client("key"))',
], ids=["set", "default"])
def test_a_client_kept_in_a_context_variable_is_followed(tmp_path: Path, setup: str) -> None:
    _exact(_codes(tmp_path, setup, _CONTEXT_VAR_READ))


@pytest.mark.parametrize("setup", [
    'from contextvars import ContextVar\n\nNYLAS = ContextVar("nylas")',
    'from contextvars import ContextVar\n\nNYLAS = ContextVar("nylas")\nNYLAS.set(toolkit.make())',
    'from contextvars import ContextVar\n\nNYLAS = ContextVar("nylas", default=toolkit.make())',
    "from toolkit import NYLAS\n\nNYLAS.set(Client('key'))",
], ids=["nothing-stored", "unknown-store", "unknown-default", "imported-variable"])
def test_a_context_variable_with_an_unknown_value_stays_unresolved(
        tmp_path: Path, setup: str) -> None:
    _unresolved(_codes(tmp_path, setup, _CONTEXT_VAR_READ))


def test_a_context_variable_is_read_in_a_module_that_imports_it(tmp_path: Path) -> None:
    (tmp_path / "views.py").write_text(
        "from main import NYLAS\n\n\ndef inbox():\n"
        "    return NYLAS.get().messages.list('grant')\n")
    _exact(_codes(tmp_path, 'from contextvars import ContextVar\n\nNYLAS = ContextVar("nylas")\n'
                  'NYLAS.set(Client("key"))', ""))


def test_a_context_variable_handed_on_hands_on_its_client(tmp_path: Path) -> None:
    found = _codes(tmp_path, 'from contextvars import ContextVar\n\n'
                   'NYLAS = ContextVar("nylas", default=Client("key"))\ntoolkit.use(NYLAS)',
                   _CONTEXT_VAR_READ)
    _unresolved(found)


def test_a_ctx_attribute_of_a_project_object_stays_a_plain_attribute(tmp_path: Path) -> None:
    # ``self.ctx`` is no Sanic context: the client stored on it is what the object
    # held there gives, read back through another name.
    found = _codes(tmp_path, "", '''
class Holder:
    def __init__(self):
        self.nylas = None


class Service:
    def __init__(self):
        self.ctx = Holder()
        self.ctx.nylas = Client("key")

    def run(self):
        holder = self.ctx
        return holder.nylas.calendars.list("grant")
''')
    assert [code for _, code, _ in found] == ["NYS303", "NYS302"], found


def test_a_mapping_the_module_made_keeps_its_items_in_an_aiohttp_module(
        tmp_path: Path) -> None:
    found = _codes(tmp_path, "from aiohttp import web", '''
def run():
    app = {}
    app["nylas"] = Client("key")
    for client in app.values():
        client.calendars.list("grant")
''')
    assert [code for _, code, _ in found] == ["NYS303", "NYS302"], found


# Litestar hands a handler's parameter annotated ``State`` the application's state,
# the object a lifespan writes as ``app.state.nylas``.
_LITESTAR_LIFESPAN = '''
from contextlib import asynccontextmanager

from litestar import Litestar, get
{state_import}


@asynccontextmanager
async def lifespan(app: Litestar):
    app.state.nylas = {client}
    yield
'''
_LITESTAR_HANDLER = '''
@get("/inbox")
async def inbox(state: {annotation}) -> list:
    {body}return state.nylas.messages.list("grant")
'''
_LITESTAR_STATE = "from litestar.datastructures import State"
_CLIENT = 'Client(os.environ["NYLAS_API_KEY"])'


@pytest.mark.parametrize(("state_import", "annotation"), [
    (_LITESTAR_STATE, "State"),
    (_LITESTAR_STATE.replace("State", "ImmutableState"), "ImmutableState"),
    ("from litestar import datastructures", "datastructures.State"),
    (_LITESTAR_STATE, '"State"'),
], ids=["state", "immutable-state", "module-attribute", "quoted"])
def test_a_client_kept_on_the_litestar_state_is_followed(
        tmp_path: Path, state_import: str, annotation: str) -> None:
    setup = _LITESTAR_LIFESPAN.format(state_import=state_import, client=_CLIENT)
    _exact(_codes(tmp_path, setup, _LITESTAR_HANDLER.format(annotation=annotation, body="")))


@pytest.mark.parametrize(("state_import", "client", "annotation", "body"), [
    # An unknown object stored on the state keeps the read unresolved.
    (_LITESTAR_STATE, "toolkit.make()", "State", ""),
    # Another library's ``State`` is no Litestar state: a plain parameter.
    ("from toolkit import State", _CLIENT, "State", ""),
    # Nothing says what an unannotated parameter named ``state`` holds.
    (_LITESTAR_STATE, _CLIENT, "object", ""),
    # The parameter bound again in the handler no longer holds the state.
    (_LITESTAR_STATE, _CLIENT, "State", "state = toolkit.other()\n    "),
], ids=["unknown-store", "other-state-class", "not-annotated-state", "rebound"])
def test_the_litestar_state_stays_unresolved_where_it_may_hold_another_object(
        tmp_path: Path, state_import: str, client: str, annotation: str, body: str) -> None:
    setup = _LITESTAR_LIFESPAN.format(state_import=state_import, client=client)
    _unresolved(_codes(tmp_path, setup, _LITESTAR_HANDLER.format(annotation=annotation, body=body)))
