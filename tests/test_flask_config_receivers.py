"""Flask's configuration is changed through whatever object holds the application,
whatever its name: ``server = Flask(__name__)``, ``web = create_app()``, an
application imported from another module.  Only an object known to be no application
leaves the configuration's scope lists read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tool_runs import analyse_package

_WEB = '''from flask import Flask, current_app
from nylas import APIClient

server = Flask(__name__)
server.config["NYLAS_SCOPES"] = ["email.read_only", "contacts"]


def login():
    client = APIClient("id", "secret")
    return client.authentication_url(
        "https://a.example/cb", scopes=current_app.config["NYLAS_SCOPES"])


def inbox(token):
    api = APIClient("id", "secret", token)
    return [m.subject for m in api.messages.where(limit=5)], api.events.all()
'''
# The list asks for contacts, which no call needs, and misses calendar.
_CLAIMS = {("web.py", 5, "NYS303"), ("web.py", 16, "NYS301")}


def _codes(root: Path, files: dict[str, str]) -> set[tuple[str, int, str]]:
    result = analyse_package(root, files)
    assert result.errors == []
    return {(Path(f.span.path).name, f.span.line, f.code) for f in result.findings}


def _claims(found: set[tuple[str, int, str]]) -> set[tuple[str, int, str]]:
    return {entry for entry in found if entry[2] in {"NYS301", "NYS302", "NYS303"}}


def test_the_configuration_of_an_app_not_named_so_is_read(tmp_path: Path) -> None:
    assert _claims(_codes(tmp_path, {"app/web.py": _WEB})) == _CLAIMS


_CHANGES = {
    "update-from-a-mapping": "import os\n\nserver.config.update(os.environ)",
    "from-pyfile": 'server.config.from_pyfile("instance.cfg")',
    "from-a-module": 'server.config.from_object("settings")',
    "setdefault": 'server.config.setdefault("NYLAS_SCOPES", []).append("calendar")',
    "handed-on": "configure(server.config)",
    "another-name": 'config = server.config\nconfig["NYLAS_SCOPES"].append("calendar")',
    "in-a-function": "def load(overrides):\n    server.config.update(overrides)",
}


@pytest.mark.parametrize("change", _CHANGES.values(), ids=list(_CHANGES))
def test_a_change_through_an_app_not_named_so_leaves_the_list_unread(
    tmp_path: Path, change: str,
) -> None:
    found = _codes(tmp_path, {"app/web.py": f"{_WEB}\n\n{change}\n"})
    assert _claims(found) == set()
    assert ("web.py", 10, "NYS304") in found


_FACTORY = '''from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(NYLAS_SCOPES=["email.read_only", "contacts"])
    return app
'''
_LOGIN = _WEB.replace("server = Flask(__name__)\n", "").replace(
    'server.config["NYLAS_SCOPES"] = ["email.read_only", "contacts"]\n', "")


def test_an_app_a_factory_builds_is_read_when_nothing_changes_it(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/factory.py": _FACTORY, "app/web.py": _LOGIN,
        "app/wsgi.py": "from .factory import create_app\n\nweb = create_app()\n",
    })
    assert ("factory.py", 6, "NYS303") in found


@pytest.mark.parametrize("files", [
    {"app/wsgi.py": "from .factory import create_app\n\nweb = create_app()\n"
                    "web.config.update(load_overrides())\n"},
    {"app/wsgi.py": "from .factory import create_app\n\napplication = create_app()\n",
     "app/tweaks.py": "from .wsgi import application as web\n\nweb.config.from_object(PICKED)\n"},
], ids=["where-it-is-built", "in-a-module-importing-it"])
def test_an_app_a_factory_builds_changed_under_another_name(
    tmp_path: Path, files: dict[str, str],
) -> None:
    found = _codes(tmp_path, {"app/factory.py": _FACTORY, "app/web.py": _LOGIN, **files})
    assert _claims(found) == set()
    assert ("web.py", 8, "NYS304") in found


_SERVICE = '''

class Service:
    """Keeps its own settings."""


service = Service()
'''


@pytest.mark.parametrize("change", [
    "service.config.update(OVERRIDES)",
    "def load():\n    service.config.update(OVERRIDES)",
    # A module of the standard library is no application either.
    'import logging.config\n\n\nclass Logs:\n    def start(self):\n'
    '        logging.config.dictConfig({"version": 1})',
    # Nor is a key it sets a value of Flask's.
    'service.config["NYLAS_SCOPES"] = ["calendar"]',
], ids=["at-module-level", "in-a-function", "logging-config", "a-key-set"])
def test_the_config_of_an_object_known_to_be_no_app_changes_nothing(
    tmp_path: Path, change: str,
) -> None:
    found = _codes(tmp_path, {"app/web.py": f"{_WEB}{_SERVICE}{change}\n"})
    assert _claims(found) == _CLAIMS


@pytest.mark.parametrize("service", [
    # A base class may be Flask; a parameter may be any object.
    _SERVICE.replace("class Service:", "class Service(Base):") + "service.config.update(X)",
    _SERVICE + "def load(service):\n    service.config.update(OVERRIDES)",
], ids=["a-class-with-a-base", "a-parameter-of-the-same-name"])
def test_the_config_of_an_object_that_may_be_an_app_is_cautious(
    tmp_path: Path, service: str,
) -> None:
    found = _codes(tmp_path, {"app/web.py": f"{_WEB}{service}\n"})
    assert _claims(found) == set()


# Objects with a ``config`` that are no Flask application's, in files most Flask
# projects have: pytest's ``request.config`` in a conftest and Alembic's
# ``context.config`` in Flask-Migrate's ``migrations/env.py``.
_NO_APP_CONFIGS = {
    "pytest-request": (
        "tests/conftest.py",
        "import pytest\n\n\n@pytest.fixture\ndef live(request):\n"
        '    return request.config.getoption("--live")\n'),
    "pytest-hook": (
        "tests/conftest.py",
        "def pytest_collection_modifyitems(config, items):\n    for item in items:\n"
        '        item.config.getini("markers")\n'),
    "alembic": (
        "migrations/env.py",
        "from alembic import context\n\nconfig = context.config\n"
        'config.set_main_option("sqlalchemy.url", "sqlite://")\n'
        'context.config.set_main_option("script_location", "migrations")\n'),
}


@pytest.mark.parametrize("name", sorted(_NO_APP_CONFIGS))
def test_a_config_no_flask_app_has_changes_nothing(tmp_path: Path, name: str) -> None:
    path, text = _NO_APP_CONFIGS[name]
    found = _codes(tmp_path, {"app/web.py": _WEB, path: text})
    assert _claims(found) == _CLAIMS


@pytest.mark.parametrize("change", [
    # A method Flask's configuration has, on an object that may hold an application.
    "def tweak(request):\n    request.config.update(OVERRIDES)\n",
    # Another library's module-level object, not known to hold no application.
    "from toolkit import context\n\ncontext.config.update(OVERRIDES)\n",
])
def test_a_flask_method_on_an_unknown_config_stays_cautious(
        tmp_path: Path, change: str) -> None:
    found = _codes(tmp_path, {"app/web.py": _WEB, "app/other.py": change})
    assert _claims(found) == set()


_HOLDER = '''

class Settings:
    """A settings holder of the app's own, no Flask application."""

    def __init__(self):
        self.config = {{}}

{method}
'''


@pytest.mark.parametrize("method", [
    '    def load(self):\n        self.config["NYLAS_SCOPES"] = ["calendar"]',
    '    def load(self):\n        self.config.update(NYLAS_SCOPES=["calendar"])',
    '    @classmethod\n    def load(cls):\n        cls.config = dict(NYLAS_SCOPES=[])\n'
    '        cls.config["NYLAS_SCOPES"] = ["calendar"]',
    '    def load(self):\n        self.config["NYLAS_SCOPES"] = ["calendar"]\n'
    '        self.config["NYLAS_SCOPES"].append("contacts")',
], ids=["item", "update", "classmethod", "changed"])
def test_a_settings_holders_own_config_is_no_value_of_flasks(
    tmp_path: Path, method: str,
) -> None:
    # Its list is no request: only the application's list is judged.
    found = _codes(tmp_path, {"app/web.py": _WEB,
                              "app/settings.py": _HOLDER.format(method=method)})
    assert _claims(found) == _CLAIMS


@pytest.mark.parametrize("holder", [
    # A subclass of Flask's application is one.
    _HOLDER.format(method='    def load(self):\n        self.config["NYLAS_SCOPES"] = '
                   '["calendar"]').replace("class Settings:", "class Settings(Flask):"),
    # A static method's parameter may be the application.
    _HOLDER.format(method='    @staticmethod\n    def load(app):\n'
                   '        app.config["NYLAS_SCOPES"] = ["calendar"]'),
    # A class that sets no ``config`` of its own may be given the application's.
    _HOLDER.format(method='    def load(self):\n        self.config["NYLAS_SCOPES"] = '
                   '["calendar"]').replace("self.config = {}", "self.ready = True"),
    # ``self`` bound again in the method.
    _HOLDER.format(method='    def load(self, app):\n        self = app\n'
                   '        self.config["NYLAS_SCOPES"] = ["calendar"]'),
], ids=["flask-subclass", "staticmethod", "config-not-its-own", "self-rebound"])
def test_a_config_write_that_may_be_the_apps_is_one_of_its_values(
    tmp_path: Path, holder: str,
) -> None:
    # The application's list may be ["calendar"]: its "contacts" may be unneeded,
    # and so may "email.read_only", while "calendar" serves ``api.events.all()``.
    found = _codes(tmp_path, {"app/web.py": _WEB,
                              "app/settings.py": "from flask import Flask\n" + holder})
    assert ("web.py", 16, "NYS301") not in found, found


_READS = {
    "the application's own configuration": 'server.config["NYLAS_SCOPES"]',
    "its get": 'server.config.get("NYLAS_SCOPES")',
    "current_app's get, with a default": 'current_app.config.get("NYLAS_SCOPES", [])',
}


@pytest.mark.parametrize("read", _READS.values(), ids=list(_READS))
def test_the_configuration_read_through_the_application_is_read(
        tmp_path: Path, read: str) -> None:
    web = _WEB.replace('current_app.config["NYLAS_SCOPES"]', read)
    assert _claims(_codes(tmp_path, {"app/web.py": web})) == _CLAIMS


@pytest.mark.parametrize("read", _READS.values(), ids=list(_READS))
def test_the_configuration_read_so_and_changed_is_unresolved(
        tmp_path: Path, read: str) -> None:
    web = _WEB.replace('current_app.config["NYLAS_SCOPES"]', read) + (
        '\n\nserver.config["NYLAS_SCOPES"].append("calendar")\n')
    found = _codes(tmp_path, {"app/web.py": web})
    assert _claims(found) == set()
    assert ("web.py", 10, "NYS304") in found


@pytest.mark.parametrize("read", _READS.values(), ids=list(_READS))
def test_a_key_no_module_writes_is_unresolved(tmp_path: Path, read: str) -> None:
    # With no value written, ``get`` gives its default, which says nothing.
    web = _WEB.replace('current_app.config["NYLAS_SCOPES"]', read).replace(
        'server.config["NYLAS_SCOPES"] = ["email.read_only", "contacts"]\n', "")
    found = _codes(tmp_path, {"app/web.py": web})
    assert _claims(found) == set()
    assert ("web.py", 9, "NYS304") in found


def test_the_configuration_of_an_object_not_known_for_an_application_is_unread(
        tmp_path: Path) -> None:
    web = _WEB.replace("server = Flask(__name__)", "server = Settings()").replace(
        'current_app.config["NYLAS_SCOPES"]', 'server.config["NYLAS_SCOPES"]')
    found = _codes(tmp_path, {"app/web.py": web})
    assert _claims(found) == set()
    assert ("web.py", 10, "NYS304") in found


_ITEM_HANDED = "def connect():\n    return configure({\"key\": current_app.config[%s]})"


@pytest.mark.parametrize("key", ['"NYLAS_API_KEY"', '"NYLAS_CLIENT_ID"'])
def test_an_item_of_another_key_handed_on_leaves_the_list_read(
    tmp_path: Path, key: str,
) -> None:
    found = _codes(tmp_path, {"app/web.py": f"{_WEB}\n\n{_ITEM_HANDED % key}\n"})
    assert _claims(found) == _CLAIMS


@pytest.mark.parametrize("key", ['"NYLAS_SCOPES"', "KEY"],
                         ids=["the-list", "a-key-read-at-run-time"])
def test_an_item_that_may_be_the_list_handed_on_leaves_it_unread(
    tmp_path: Path, key: str,
) -> None:
    found = _codes(tmp_path, {"app/web.py": f"{_WEB}\n\n{_ITEM_HANDED % key}\n"})
    assert _claims(found) == set()
    assert ("web.py", 10, "NYS304") in found
