"""Clients and scope lists reached by a way other than their plain name: a framework
state written by item, a module re-exported under another name and written through
it, a spread dict changed by a nested function or through the frame's names, and a
collection or method held in a class body.  Each is followed, or left unresolved
(NYS304) with the findings about its scopes silent; never taken for unused."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_CALENDAR = "https://www.googleapis.com/auth/calendar"


def _findings(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\nversion = '0'\n")
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted((f.span.path.replace(str(tmp_path) + "/", ""), f.span.line, f.code)
                  for f in result.findings)


# -- a module re-exported under another name ----------------------------------------

_SCOPES_MODULE = 'SCOPES = ["https://www.googleapis.com/auth/gmail.readonly"]\n'
_LOGIN = '''from nylas import Client

from app.scopes import SCOPES


def login():
    return Client("key").auth.url_for_oauth2({
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": SCOPES,
    })


def calendar():
    return Client("key").events.list("grant", query_params={"calendar_id": "primary"})
'''
_APPEND = f'SCOPES.append("{_CALENDAR}")\n'


@pytest.mark.parametrize(("package", "writer"), [
    ("from . import scopes as sc\n", "import app\n\napp.sc." + _APPEND),
    ("from . import scopes as sc\n", "from app import sc\n\nsc." + _APPEND),
    ("import app.scopes as sc\n", "import app\n\napp.sc." + _APPEND),
], ids=["package-attribute", "imported-alias", "import-as"])
def test_a_list_changed_through_a_module_alias_is_not_read_as_written(
        tmp_path: Path, package: str, writer: str) -> None:
    # Before, the write was not joined to ``app.scopes.SCOPES``: Calendar was
    # reported missing (NYS301) and Gmail unused (NYS303).
    found = _findings(tmp_path, {
        "app/__init__.py": package, "app/scopes.py": _SCOPES_MODULE,
        "app/login.py": _LOGIN, "app/extra.py": writer})
    assert found == [("app/login.py", 7, "NYS304")], found


def test_a_module_alias_of_another_module_leaves_the_list_judged(tmp_path: Path) -> None:
    # Control: the alias names another module; the list the login reads is unchanged.
    found = _findings(tmp_path, {
        "app/__init__.py": "from . import other as sc\n", "app/scopes.py": _SCOPES_MODULE,
        "app/other.py": "SCOPES = []\n", "app/login.py": _LOGIN,
        "app/extra.py": "import app\n\napp.sc." + _APPEND})
    assert found == [("app/login.py", 14, "NYS301"), ("app/scopes.py", 1, "NYS303")], found


# -- Litestar's state written or read by item ---------------------------------------

# The handler lists events through the state; a test's fake is kept on the state by
# attribute.  Calendar is then needed when the real client is also kept there
# (``events.list`` asks no more than its read scope: NYS302), and unused (NYS303) only
# where the fake is all the state holds.
_LITESTAR = '''import os

import toolkit
from litestar import Litestar, get
from litestar.datastructures import State
from nylas import Client


class FakeEvents:
    def list(self, grant):
        return []


class FakeClient:
    def __init__(self):
        self.events = FakeEvents()


def start(app: Litestar, key):
    {store}


def fake(app: Litestar):
    {fake}


def login():
    return Client("key").auth.url_for_oauth2({{
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/calendar"],
    }})


@get("/inbox")
async def inbox(state: State) -> list:
    return {read}.events.list("grant")


def mail():
    return Client("key").messages.list("grant")
'''
_REAL = 'Client(os.environ["NYLAS_API_KEY"])'


def _litestar(tmp_path: Path, store: str, read: str = "state.nylas",
              fake: str = "app.state.nylas = FakeClient()") -> list[str]:
    text = _LITESTAR.format(store=store, read=read, fake=fake)
    # Where the Calendar scope is written (a store of two statements moves it).
    scope_line = text.splitlines().index('        "scope": ["https://www.googleapis.com/auth/gmail.readonly",') + 2
    found = _findings(tmp_path, {"main.py": text})
    return [code for path, line, code in found if (path, line) == ("main.py", scope_line)]


@pytest.mark.parametrize("store", [
    f'app.state["nylas"] = {_REAL}',
    f'app.state.update({{"nylas": {_REAL}}})',
    f'app.state.setdefault("nylas", {_REAL})',
    f'app.state[key] = {_REAL}',
], ids=["item", "update", "setdefault", "unread-key"])
@pytest.mark.parametrize("read", ["state.nylas", 'state["nylas"]'], ids=["attr", "item"])
def test_a_client_stored_in_the_litestar_state_by_item_joins_the_fake(
        tmp_path: Path, store: str, read: str) -> None:
    # Before, the handler's ``state.nylas`` held only the fake, and Calendar was
    # reported unused (NYS303).
    assert _litestar(tmp_path, store, read) == ["NYS302"]


def test_a_client_stored_by_attribute_is_read_by_item(tmp_path: Path) -> None:
    # A fake kept by item and the real client by attribute: ``state["nylas"]``
    # reads both.
    assert _litestar(tmp_path, f"app.state.nylas = {_REAL}", 'state["nylas"]',
                     'app.state["nylas"] = FakeClient()') == ["NYS302"]


@pytest.mark.parametrize("store", [
    f'app.state["other"] = {_REAL}',
    f'app.state.update({{"other": {_REAL}}})',
    "pass",
], ids=["other-key", "other-key-update", "nothing"])
@pytest.mark.parametrize("read", ["state.nylas", 'state["nylas"]'], ids=["attr", "item"])
def test_a_client_under_another_key_leaves_the_fake_alone(
        tmp_path: Path, store: str, read: str) -> None:
    # Control: the real client is kept under another name; the handler reads the
    # fake only.
    assert _litestar(tmp_path, store, read) == ["NYS303"]


# -- a spread dict changed through the frame's names ---------------------------------

_SPREAD = '''import inspect
import sys

from nylas import APIClient


def login():
    kw = {made}
    {change}
    return APIClient("id", "secret").authentication_url(**kw)


def events(token):
    return APIClient("id", "secret", token).events.where(limit=5)
'''
_MADE = {
    "display": '{"scopes": ["email.read_only"], "redirect_uri": "https://a.example/cb"}',
    "dict-call": 'dict(scopes=["email.read_only"], redirect_uri="https://a.example/cb")',
}


def _spread(tmp_path: Path, made: str, change: str) -> list[tuple[str, int, str]]:
    return _findings(tmp_path, {"app.py": _SPREAD.format(made=_MADE[made], change=change)})


@pytest.mark.parametrize("made", sorted(_MADE))
@pytest.mark.parametrize("change", [
    'sys._getframe().f_locals["kw"]["scopes"].append("calendar")',
    'inspect.currentframe().f_locals["kw"]["scopes"].append("calendar")',
    'locals()["kw"]["scopes"].append("calendar")',
    'vars()["kw"]["scopes"].append("calendar")',
    'exec("kw[\'scopes\'].append(\'calendar\')")',
    'def add():\n        locals()["kw"]["scopes"].append("calendar")\n\n    add()',
], ids=["getframe", "currentframe", "locals", "vars", "exec", "nested-locals"])
def test_a_spread_dict_changed_through_the_frame_is_unresolved(
        tmp_path: Path, made: str, change: str) -> None:
    # Before, the dict's literal was read: Calendar reported missing (NYS301) and
    # ``email.read_only`` unused (NYS303).
    found = _spread(tmp_path, made, change)
    request = 10 + change.count("\n")  # the line of ``authentication_url(**kw)``
    assert found == [("app.py", request, "NYS304")], found


@pytest.mark.parametrize("made", sorted(_MADE))
@pytest.mark.parametrize("change", [
    'def add():\n        nonlocal kw\n        kw["scopes"].append("calendar")\n\n    add()',
    'def add():\n        kw["scopes"].append("calendar")\n\n    add()',
    'kw["scopes"].append("calendar")',
], ids=["nonlocal", "closure", "in-place"])
def test_a_spread_dict_changed_by_name_is_unresolved(
        tmp_path: Path, made: str, change: str) -> None:
    # A nested function's change, as the function's own.
    found = _spread(tmp_path, made, change)
    assert [code for _, _, code in found] == ["NYS304"], found


@pytest.mark.parametrize("made", sorted(_MADE))
@pytest.mark.parametrize("change", ["print(vars(sys))", "pass"], ids=["vars-of-module", "none"])
def test_a_spread_dict_no_code_changes_is_read(tmp_path: Path, made: str, change: str) -> None:
    # Control: ``vars(sys)`` reads another object's names; the literal is what is sent.
    assert _spread(tmp_path, made, change) == [
        ("app.py", 8, "NYS303"), ("app.py", 14, "NYS301")]


# -- a method or collection held in a class body -------------------------------------

_AUTH = '''from nylas import Client


def login():
    return Client("k").auth.url_for_oauth2({
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/calendar"],
    })


def mail():
    return Client("k").messages.list("grant")
'''
_UNUSED_CALENDAR = ("app/auth.py", 8, "NYS303")
# ``raw`` is a client of this module.
_KNOWN_HOLDER = '''import os

from nylas import Client

raw = Client(os.environ["NYLAS_API_KEY"])


class Jobs:
    fetch = raw.events.list


class Mailbox:
    source = raw.events


def run(grant):
    return {use}
'''
# ``raw`` is an object the analysis cannot tell, in a module that never names Nylas.
_UNTOLD_HOLDER = '''from flask import current_app


def connect():
    return current_app.extensions["mail"]


raw = connect()


class Jobs:
    fetch = raw.{fetched}


class Mailbox:
    source = raw.{source}


def run(grant):
    return {use}
'''


def _held(tmp_path: Path, holder: str) -> list[tuple[str, int, str]]:
    return _findings(tmp_path, {"app/__init__.py": "", "app/auth.py": _AUTH,
                                "app/jobs.py": holder})


# ``raw.events.list("grant")`` made in place: no query parameters, so no
# ``calendar_id="primary"``, and the read-only scope serves it.
_IN_PLACE = [("app/auth.py", 8, "NYS302")]


@pytest.mark.parametrize(("use", "found"), [
    # The held method's arguments are not read: every case of the call stays possible.
    ('Jobs.fetch("grant")', []),
    # The collection's method called with its arguments written: as in place.
    ('Mailbox.source.list("grant")', _IN_PLACE),
    ('Jobs().fetch("grant")', []),
], ids=["class-method", "class-collection", "instance-method"])
def test_a_method_held_in_a_class_body_is_a_use_when_called(
        tmp_path: Path, use: str, found: list[tuple[str, int, str]]) -> None:
    # Before, ``Jobs.fetch("grant")`` given no value was not recorded as a call, and
    # Calendar was reported unused (NYS303).
    (tmp_path / "held").mkdir()
    (tmp_path / "in-place").mkdir()
    assert _held(tmp_path / "held", _KNOWN_HOLDER.format(use=use)) == found
    assert _held(tmp_path / "in-place", _KNOWN_HOLDER.format(
        use='raw.events.list("grant")')) == _IN_PLACE


def test_a_method_held_in_a_class_body_and_never_read_is_no_use(tmp_path: Path) -> None:
    # Control: a method of the app's own client that nothing calls, as one held by a
    # module-level name.
    assert _held(tmp_path, _KNOWN_HOLDER.format(use="None")) == [_UNUSED_CALENDAR]


@pytest.mark.parametrize("use", [
    'Jobs.fetch("grant")', "Jobs.fetch", "Jobs().fetch", 'Mailbox.source.list("grant")',
    "Mailbox.source", "None",
], ids=["called", "returned", "instance", "collection-called", "collection", "unread"])
def test_a_method_of_an_untold_object_held_in_a_class_body_is_unresolved(
        tmp_path: Path, use: str) -> None:
    # Before, the class body's binding was not looked at: Calendar was reported
    # unused (NYS303).
    found = _held(tmp_path, _UNTOLD_HOLDER.format(fetched="events.list", source="events",
                                                  use=use))
    assert [f for f in found if f[0] == "app/auth.py"] == [], found
    assert ("app/jobs.py", 12, "NYS304") in found and ("app/jobs.py", 16, "NYS304") in found


def test_an_untold_object_s_other_attribute_held_in_a_class_body_is_no_use(
        tmp_path: Path) -> None:
    # Control: attributes named as no collection of the SDK leave Calendar judged.
    found = _held(tmp_path, _UNTOLD_HOLDER.format(fetched="describe", source="label",
                                                  use='Jobs.fetch("grant")'))
    assert found == [_UNUSED_CALENDAR], found
