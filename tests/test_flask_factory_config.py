"""Flask's configuration loaded in an application factory from its parameter
(``def create_app(config_class=Config): app.config.from_object(config_class)``) is
read as the default and what every caller passes, where each of them is a
configuration class of the project; anything else leaves every key unresolved."""

from __future__ import annotations

from pathlib import Path

import pytest

from tool_runs import analyse_package

_CONFIG = '''import os


class Config:
    NYLAS_CLIENT_ID = os.environ.get("NYLAS_CLIENT_ID")
    NYLAS_SCOPES = ["email.read_only", "contacts"]


class TestConfig(Config):
    TESTING = True
'''
_FACTORY = '''from flask import Flask

from app.config import Config


def create_app(config_class=Config):
    app = Flask(__name__)
    app.config.from_object(config_class)
    return app
'''
_AUTH = '''from flask import current_app
from nylas import APIClient


def login():
    client = APIClient("id", "secret")
    return client.authentication_url(
        "https://a.example/cb", scopes=current_app.config["NYLAS_SCOPES"])


def inbox(token):
    api = APIClient("id", "secret", token)
    return [m.subject for m in api.messages.where(limit=5)]
'''
# Only messages are read: the list's contacts (config.py, line 6) is unused.
_UNUSED = {("config.py", 6, "NYS303")}
# What cannot be read is said at the request (auth.py, line 7).
_UNREAD = {("auth.py", 7, "NYS304")}


def _codes(root: Path, caller: str, factory: str = _FACTORY) -> set[tuple[str, int, str]]:
    result = analyse_package(root, {
        "app/__init__.py": "", "app/config.py": _CONFIG, "app/factory.py": factory,
        "app/auth.py": _AUTH,
        "wsgi.py": "from app.factory import create_app\n\napp = create_app()\n",
        "tests/conftest.py": caller,
    })
    assert result.errors == []
    return {(Path(f.span.path).name, f.span.line, f.code) for f in result.findings
            if f.code in {"NYS301", "NYS302", "NYS303", "NYS304"}}


_IMPORTS = "import os\n\nfrom app import config\nfrom app.config import TestConfig\n" \
           "from app.factory import create_app\n\n"

_READ = {
    "the-default": "app = create_app()\n",
    "an-imported-class": "app = create_app(TestConfig)\n",
    "by-keyword": "app = create_app(config_class=TestConfig)\n",
    "through-its-module": "app = create_app(config.TestConfig)\n",
    "a-string-path": 'app = create_app("app.config.TestConfig")\n',
    "a-string-path-by-keyword": 'app = create_app(config_class="app.config:TestConfig")\n',
}


@pytest.mark.parametrize("call", _READ.values(), ids=list(_READ))
def test_a_factory_loading_configuration_classes_is_read(tmp_path: Path, call: str) -> None:
    assert _codes(tmp_path, _IMPORTS + call) == _UNUSED


_UNREAD_CALLERS = {
    "a-call-result": "app = create_app(load_config())\n",
    "a-parameter": "def make(cfg):\n    return create_app(cfg)\n",
    "the-environment": 'app = create_app(os.environ["APP_CONFIG"])\n',
    "a-module-path": 'app = create_app("settings")\n',
    "an-instance": "app = create_app(TestConfig())\n",
    "spread": "app = create_app(*ARGS)\n",
    "spread-by-keyword": "app = create_app(**OPTIONS)\n",
    "handed-on": "run(create_app)\n",
    "held-and-handed-on": "factory = create_app\nrun(factory)\n",
    "returned": "def factory():\n    return create_app\n",
}


@pytest.mark.parametrize("call", _UNREAD_CALLERS.values(), ids=list(_UNREAD_CALLERS))
def test_a_caller_passing_anything_else_keeps_every_key_unresolved(
    tmp_path: Path, call: str,
) -> None:
    assert _codes(tmp_path, _IMPORTS + call) == _UNREAD


_UNREAD_FACTORIES = {
    "rebound": ("    app.config.from_object(config_class)",
                "    config_class = pick()\n    app.config.from_object(config_class)"),
    "no-default": ("config_class=Config", "config_class"),
    "keyword-only": ("config_class=Config", "*, config_class=Config"),
    "a-default-of-another-library": ("config_class=Config", "config_class=somelib.Settings"),
    "in-a-nested-function": (
        "    app.config.from_object(config_class)",
        "    def load(config_class):\n        app.config.from_object(config_class)\n"
        "    load(Config)"),
    "decorated": ("def create_app", "@register\ndef create_app"),
}


@pytest.mark.parametrize("change", _UNREAD_FACTORIES.values(), ids=list(_UNREAD_FACTORIES))
def test_a_factory_not_of_the_plain_shape_keeps_every_key_unresolved(
    tmp_path: Path, change: tuple[str, str],
) -> None:
    factory = _FACTORY.replace(*change)
    assert factory != _FACTORY
    assert _codes(tmp_path, _IMPORTS + "app = create_app(TestConfig)\n", factory) == _UNREAD


# ---------------------------------------------- a configuration class's list changed

_WEB = '''from flask import Flask, current_app
from nylas import APIClient

from app.settings import Config

server = Flask(__name__)
server.config.from_object(Config)


def login():
    client = APIClient("id", "secret")
    return client.authentication_url(
        "https://a.example/cb", scopes=current_app.config["NYLAS_SCOPES"])


def inbox(token):
    api = APIClient("id", "secret", token)
    return [m.subject for m in api.messages.where(limit=5)]
'''
_SETTINGS = '''class Config:
    NYLAS_SCOPES = ["email.read_only", "contacts"]


class TestConfig(Config):
    TESTING = True
'''
_WIDEN = 'def widen(c):\n    c.NYLAS_SCOPES.append("calendar")\n'


def _changed_codes(root: Path, files: dict[str, str]) -> set[tuple[str, int, str]]:
    result = analyse_package(root, {"app/__init__.py": "", "app/settings.py": _SETTINGS,
                                    "app/web.py": _WEB, **files})
    assert result.errors == []
    return {(Path(f.span.path).name, f.span.line, f.code) for f in result.findings
            if f.code in {"NYS301", "NYS302", "NYS303", "NYS304"}}


_CLASS_CHANGES = {
    "in-its-own-module": {
        "app/settings.py": f'{_SETTINGS}\n\nConfig.NYLAS_SCOPES.append("calendar")\n'},
    "handed-to-a-function": {
        "app/more.py": f"from app.settings import Config\n\n\n{_WIDEN}\n\nwiden(Config)\n"},
    "a-subclass-handed-on": {"app/more.py": "from app.settings import TestConfig\n\n"
                                            "somelib.widen(TestConfig)\n"},
    "through-a-module-importing-it": {
        "app/more.py": 'from app.web import Config\n\nConfig.NYLAS_SCOPES.append("calendar")\n'},
}


@pytest.mark.parametrize("files", _CLASS_CHANGES.values(), ids=list(_CLASS_CHANGES))
def test_a_configuration_class_whose_list_may_change_leaves_the_key_unresolved(
    tmp_path: Path, files: dict[str, str],
) -> None:
    assert _changed_codes(tmp_path, files) == {("web.py", 12, "NYS304")}


@pytest.mark.parametrize("more", [
    "from app.settings import Config\n\nprint(Config.NYLAS_SCOPES, sorted(Config.NYLAS_SCOPES))\n",
    'from app.settings import Config\n\nConfig.OTHER_SCOPES.append("x")\n',
], ids=["only-read", "another-attribute-changed"])
def test_a_configuration_class_only_read_keeps_its_list_judged(
    tmp_path: Path, more: str,
) -> None:
    # The list asks for contacts, which no call needs (settings.py, line 2).
    assert _changed_codes(tmp_path, {"app/more.py": more}) == {("settings.py", 2, "NYS303")}


# ---------------------------------------------- a key chosen by a conditional expression

_CHOSEN = '''from flask import current_app
from nylas import APIClient


def login(provider):
    client = APIClient("id", "secret")
    {choice}
    return client.authentication_url("https://a.example/cb", scopes={asked})


def inbox(token):
    api = APIClient("id", "secret", token)
    return [m.subject for m in api.messages.where(limit=5)]
'''
_PROVIDER_SETTINGS = '''class Config:
    GOOGLE_SCOPES = ["email.read_only", "contacts"]
    MICROSOFT_SCOPES = ["email.read_only"]
'''
_WRITTEN_OUT = ('pass', 'current_app.config["GOOGLE_SCOPES"] if provider == "google" '
                'else current_app.config["MICROSOFT_SCOPES"]')


def _chosen_codes(root: Path, choice: str, asked: str = "current_app.config[key]",
                  ) -> set[tuple[str, int, str]]:
    result = analyse_package(root, {
        "app/__init__.py": "", "app/settings.py": _PROVIDER_SETTINGS,
        "app/auth.py": _CHOSEN.format(choice=choice, asked=asked)})
    assert result.errors == []
    return {(Path(f.span.path).name, f.span.line, f.code) for f in result.findings
            if f.code in {"NYS301", "NYS302", "NYS303", "NYS304"}}


def test_a_key_chosen_by_a_conditional_is_read_as_each_key(tmp_path: Path) -> None:
    chosen = _chosen_codes(
        tmp_path / "chosen",
        'key = "GOOGLE_SCOPES" if provider == "google" else "MICROSOFT_SCOPES"')
    # Google's list asks for contacts, which no call needs (settings.py, line 2), as
    # where the two items are written out.
    assert chosen == {("settings.py", 2, "NYS303")}
    assert chosen == _chosen_codes(tmp_path / "written-out", *_WRITTEN_OUT)


@pytest.mark.parametrize("choice", [
    'key = "GOOGLE_SCOPES" if provider == "google" else pick()',
    'key = f"{provider.upper()}_SCOPES"',
    'key = "GOOGLE_SCOPES" if provider == "google" else "MICROSOFT_SCOPES"\n'
    '    if provider == "imap":\n        key = "IMAP_SCOPES"',
], ids=["a-branch-read-at-run-time", "a-string-built-at-run-time", "bound-again"])
def test_a_key_not_chosen_among_constants_stays_unresolved(
    tmp_path: Path, choice: str,
) -> None:
    found = _chosen_codes(tmp_path, choice)
    assert {code for _, _, code in found} == {"NYS304"}
