"""The v2 SDK's ``Routes`` helper made in one module and used in another.

``ROUTES = Routes(client)`` in a setup module, ``ROUTES.build_auth_url(scopes, ...)``
in a view that does not import ``Routes``: the request is the helper's all the same.
The method's name is common, so it counts only where the resolver shows the
receiver holds an instance of the helper; a project class's method of that name is
no request.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.judging.list_rules import is_nylas_request
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_SETUP = '''
from nylas import APIClient
from nylas.services.routes import Routes

client = APIClient("id", "secret")
ROUTES = Routes(client)


def make_routes():
    return Routes(client)


class Service:
    def __init__(self):
        self.routes = Routes(client)


class Portal:
    def build_auth_url(self, scopes, email, success_url):
        return success_url


PORTAL = Portal()
'''
# A second, plain request, and the calls the app makes: messages and events read.
_OTHER = '''
from .setup import client


def connect(email):
    return client.authentication_url("https://a.example/cb", scopes=["email.read_only"],
                                     login_hint=email)


def read():
    return client.messages.all(), client.events.all()
'''
_LOGIN = '''
from . import setup
from .setup import PORTAL, ROUTES, Service, make_routes

SCOPES = ["email.read_only", "calendar"]


def login(email):
{body}
'''


def _findings(tmp_path: Path, body: str, setup: str = "") -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "setup.py").write_text(_SETUP + setup)
    (package / "other.py").write_text(_OTHER)
    (package / "login.py").write_text(_LOGIN.format(body=body))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


@pytest.mark.parametrize("body", [
    '    return ROUTES.build_auth_url(SCOPES, email, "https://a.example/cb")',
    '    return setup.ROUTES.build_auth_url(SCOPES, email, "https://a.example/cb")',
    '    return make_routes().build_auth_url(SCOPES, email, "https://a.example/cb")',
    '    return Service().routes.build_auth_url(SCOPES, email, "https://a.example/cb")',
    '    routes = ROUTES\n    return routes.build_auth_url(SCOPES, email, "https://a.example/cb")',
    # (A name given to ``partial`` may be changed by it: a list as written.)
    "    import functools\n    return functools.partial(ROUTES.build_auth_url, ["
    '"email.read_only", "calendar"])(email, "https://a.example/cb")',
], ids=["imported", "module-attribute", "returned", "held-by-instance", "local-name",
        "partial-with-scopes"])
def test_a_routes_call_in_another_module_is_read(tmp_path: Path, body: str) -> None:
    # Read as the same call in the module that makes the helper is: "calendar" is
    # broader than the events read need, and the plain request's lack of a calendar
    # scope is made up for by this one.
    found = _findings(tmp_path, body)
    assert [(name, code) for name, _, code in found] == [("login.py", "NYS302")], found


@pytest.mark.parametrize("body", [
    "    build = ROUTES.build_auth_url\n    return build",
    '    return getattr(ROUTES, "build_auth_url")',
    '    return {"a": setup.ROUTES.build_auth_url}',
    '    return ROUTES.build_auth_url(load(), email, "https://a.example/cb")',
    "    import functools\n    return functools.partial(ROUTES.build_auth_url)",
    "    from flask_login import register\n    return register(ROUTES.build_auth_url)",
], ids=["name", "getattr", "dict", "unread-scopes", "partial", "handed"])
def test_a_routes_method_of_another_module_used_as_a_value_is_unresolved(
        tmp_path: Path, body: str) -> None:
    found = _findings(tmp_path, body)
    assert [(name, code) for name, _, code in found] == [("login.py", "NYS304")], found


@pytest.mark.parametrize("body", [
    '    return PORTAL.build_auth_url(SCOPES, email, "https://a.example/cb")',
    "    build = PORTAL.build_auth_url\n    return build",
    '    return email.build_auth_url(SCOPES, email, "https://a.example/cb")',
    "    import functools\n    return functools.partial(PORTAL.build_auth_url, SCOPES)",
], ids=["project-object", "project-method-as-value", "unknown-object", "project-partial"])
def test_a_method_of_that_name_on_another_object_is_no_request(
        tmp_path: Path, body: str) -> None:
    # The plain request alone is judged: it lacks the events' calendar scope.
    assert _findings(tmp_path, body) == [("other.py", 11, "NYS301")]


@pytest.mark.parametrize("body", [
    "    return register(ROUTES)",
    "    return register([setup.ROUTES])",
    "    return register(routes=make_routes())",
    "    return register(Service())",
    "    return register([Service()])",
    "    return register(make_routes)",
], ids=["object", "in-a-list", "returned-object", "held-by-a-project-object",
        "held-by-a-project-object-in-a-list", "returned-by-a-function"])
def test_a_routes_object_handed_to_code_not_followed_is_an_unresolved_request(
        tmp_path: Path, body: str) -> None:
    # ``register`` (another library's) may build the URL with any scopes.
    found = _findings(tmp_path, "    from flask_login import register\n" + body)
    assert [(name, code) for name, _, code in found] == [("login.py", "NYS304")], found


@pytest.mark.parametrize("body", [
    "    return print(ROUTES), str(ROUTES)",
    "    return register(PORTAL)",
    "    return print(Service()), str([Service()])",
], ids=["only-read", "project-object", "project-object-holding-one-only-read"])
def test_a_routes_object_only_read_makes_no_request(tmp_path: Path, body: str) -> None:
    found = _findings(tmp_path, "    from flask_login import register\n" + body)
    assert found == [("other.py", 11, "NYS301")], found


_SUBCLASS = """

class AppRoutes(Routes):
    pass


class OwnRoutes(Routes):
    def build_auth_url(self, email):
        return super().build_auth_url(["email.read_only"], email, "https://a.example/cb")
"""


def _login_requests(tmp_path: Path, body: str) -> list[str]:
    """The texts of the scope lists of the requests login.py makes, as judged.
    (A client given to a subclass of ``Routes`` with a method of its own escapes,
    which keeps the usage rules silent: the requests themselves show what was read.)"""
    _findings(tmp_path, body, _SUBCLASS)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return [
        " ".join(item.text for item in site.value.items) or site.value.state.name
        for path, facts in result.facts.items() if path.endswith("login.py")
        for site in facts.sites if is_nylas_request(site)
    ]


def test_a_subclass_of_routes_that_keeps_its_method_is_the_helper(tmp_path: Path) -> None:
    body = ('    return setup.AppRoutes(setup.client).build_auth_url(SCOPES, email, '
            '"https://a.example/cb")')
    assert _login_requests(tmp_path, body) == ["email.read_only calendar"]


def test_a_subclass_of_routes_with_its_own_method_makes_its_own_request(
        tmp_path: Path) -> None:
    # ``build_auth_url(email)`` is the subclass's: its one argument is no scope list.
    # The request is the one its body makes, read where it is written.
    body = "    return setup.OwnRoutes(setup.client).build_auth_url(email)"
    assert _login_requests(tmp_path, body) == []


_BARE_SUBCLASSES = _SUBCLASS + '''

class Deeper(AppRoutes):
    """Documented, and nothing more."""


class Extra(Routes):
    def fetch(self):
        return run(self.api)


class Mixed(Routes, dict):
    pass
'''


@pytest.mark.parametrize("made", ["setup.AppRoutes(setup.client)", "setup.Deeper(setup.client)"])
def test_a_client_given_to_a_subclass_that_adds_nothing_is_the_helpers(
        tmp_path: Path, made: str) -> None:
    # As ``Routes(client)``: the client is the helper's, and the request is read as in
    # the module that makes it (see test_a_routes_call_in_another_module_is_read).
    body = f'    return {made}.build_auth_url(SCOPES, email, "https://a.example/cb")'
    found = _findings(tmp_path, body, _BARE_SUBCLASSES)
    assert [(name, code) for name, _, code in found] == [("login.py", "NYS302")], found


@pytest.mark.parametrize("made", ["setup.Extra(setup.client)", "setup.Mixed(setup.client)"])
def test_a_client_given_to_a_subclass_that_adds_to_the_helper_escapes(
        tmp_path: Path, made: str) -> None:
    # Its own methods (or another base's) may do anything with the client the
    # helper's constructor keeps.
    body = f'    return {made}.build_auth_url(SCOPES, email, "https://a.example/cb")'
    found = _findings(tmp_path, body, _BARE_SUBCLASSES)
    assert [(name, code) for name, _, code in found] == [("login.py", "NYS304")], found
