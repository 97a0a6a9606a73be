"""A settings record a module function makes on every call (``def load_config():
return Config(api_key=os.environ[...])``), read through the call in other modules
(``config = load_config()``, then ``" ".join(config.scopes)`` in a hand-built
``/v3/connect/auth`` URL): its scopes field holds the class's default, unless the
function, the class, or code given the record may put something else there."""

from __future__ import annotations

from pathlib import Path

import pytest

from tool_runs import analyse_package

G = "https://www.googleapis.com/auth/"

CONFIG = f'''import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    client_id: str
    api_key: str
    api_uri: str = "https://api.us.nylas.com"
    scopes: tuple[str, ...] = (
        "{G}gmail.readonly",
        "{G}calendar",
    )


def load_config() -> Config:
    return Config(client_id=os.environ["NYLAS_CLIENT_ID"], api_key=os.environ["NYLAS_API_KEY"])
'''
# The line of the calendar scope in CONFIG.
CALENDAR_LINE = 12

AUTH = '''from urllib.parse import urlencode

from .config import load_config


def auth_url(state):
    config = load_config()
    params = {
        "client_id": config.client_id,
        "response_type": "code",
        "provider": "google",
        "scope": " ".join(config.scopes),
        "state": state,
    }
    return f"{config.api_uri}/v3/connect/auth?{urlencode(params)}"
'''
# The line of the query parameters AUTH builds its URL from.
URL_LINE = 8

CLIENT = '''import requests


class NylasClient:
    def __init__(self, config):
        self.api_uri = config.api_uri
        self.headers = {"Authorization": f"Bearer {config.api_key}"}

    def messages(self, grant_id):
        url = f"{self.api_uri}/v3/grants/{grant_id}/messages"
        return requests.get(url, headers=self.headers).json()
'''

MAIN = '''from .client import NylasClient
from .config import load_config


def inbox(grant_id):
    return NylasClient(load_config()).messages(grant_id)
'''


def _codes(root: Path, files: dict[str, str]) -> set[tuple[str, int, str]]:
    result = analyse_package(root, files)
    return {(Path(f.span.path).name, f.span.line, f.code) for f in result.findings}


def _project(**changed: str) -> dict[str, str]:
    files = {"app/config.py": CONFIG, "app/auth.py": AUTH, "app/client.py": CLIENT,
             "app/main.py": MAIN}
    files.update({f"app/{name}.py": text for name, text in changed.items()})
    return files


UNUSED_CALENDAR = {("config.py", CALENDAR_LINE, "NYS303")}
UNRESOLVED = {("auth.py", URL_LINE, "NYS304")}


def test_a_record_a_function_makes_holds_its_default_scopes(tmp_path: Path) -> None:
    assert f'"{G}calendar",' in CONFIG.splitlines()[CALENDAR_LINE - 1]
    # The record is also given to a class whose constructor reads other fields.
    assert _codes(tmp_path, _project()) == UNUSED_CALENDAR


def test_a_list_a_factory_makes_for_each_record_is_read(tmp_path: Path) -> None:
    config = CONFIG.replace("from dataclasses import dataclass",
                            "from dataclasses import dataclass, field").replace(
        "scopes: tuple[str, ...] = (", "scopes: list[str] = field(default_factory=lambda: [")
    config = config.replace('calendar",\n    )', 'calendar",\n    ])')
    assert _codes(tmp_path, _project(config=config)) == UNUSED_CALENDAR


CLASS_CONTROLS = {
    # The constructor keeps the record, or its scopes, or calls a method of it.
    "keeps the record": CLIENT.replace("self.api_uri = config.api_uri",
                                       "self.config = config\n        self.api_uri = 'x'"),
    "reads its scopes": CLIENT.replace("self.api_uri = config.api_uri",
                                       "self.scopes = config.scopes\n        self.api_uri = 'x'"),
    "calls a method": CLIENT.replace("self.api_uri = config.api_uri",
                                     "self.api_uri = config.resolve('api_uri')"),
    "a nested function": CLIENT.replace("self.api_uri = config.api_uri",
                                        "self.api_uri = (lambda: config.api_uri)()"),
    # A base's constructor may take the record too.
    "a base class": CLIENT.replace("class NylasClient:", "class NylasClient(Base):").replace(
        "import requests", "import requests\nfrom somelib import Base"),
}


@pytest.mark.parametrize("client", CLASS_CONTROLS.values(), ids=list(CLASS_CONTROLS))
def test_a_record_given_to_a_class_that_may_change_it_stays_unresolved(
        tmp_path: Path, client: str) -> None:
    assert client != CLIENT
    assert _codes(tmp_path, _project(client=client)) == UNRESOLVED


RECORD_CONTROLS = {
    # The function gives the field a value, caches one record for every caller, or
    # makes a record that may be anything.
    "given scopes": ('api_key=os.environ["NYLAS_API_KEY"])',
                     'api_key=os.environ["NYLAS_API_KEY"], scopes=(os.environ["S"],))'),
    "cached": ("def load_config", "@functools.cache\ndef load_config"),
    "a post-init hook": ("\n\n\ndef load_config",
                         "\n\n    def __post_init__(self):\n        pass\n\n\ndef load_config"),
    # A method of the class may change what a field holds once it is read.
    "a method": ("\n\n\ndef load_config",
                 "\n\n    def widen(self):\n        pass\n\n\ndef load_config"),
    # A list default every instance shares (a NamedTuple's).
    "shared list": ("@dataclass(frozen=True)\nclass Config:",
                    "class Config(NamedTuple):"),
}


@pytest.mark.parametrize("old, new", RECORD_CONTROLS.values(), ids=list(RECORD_CONTROLS))
def test_a_record_that_may_hold_other_scopes_stays_unresolved(
        tmp_path: Path, old: str, new: str) -> None:
    assert old in CONFIG
    config = CONFIG.replace(old, new).replace("import os", "import functools\nimport os")
    if "NamedTuple" in new:
        config = config.replace("from dataclasses import dataclass",
                                "from typing import NamedTuple").replace(
            "scopes: tuple[str, ...] = (", "scopes: list[str] = [").replace(
            'calendar",\n    )', 'calendar",\n    ]')
    assert _codes(tmp_path, _project(config=config)) == UNRESOLVED


def test_a_record_changed_where_it_is_read_stays_unresolved(tmp_path: Path) -> None:
    auth = AUTH.replace("    config = load_config()\n",
                        "    config = load_config()\n"
                        "    object.__setattr__(config, 'scopes', ('x',))\n")
    assert _codes(tmp_path, _project(auth=auth)) == {("auth.py", URL_LINE + 1, "NYS304")}
