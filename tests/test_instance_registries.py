"""A registry object of a project class (``REGISTRY = Registry()`` keeping classes in
``self._items``): what ``REGISTRY.get(kind)`` gives is called with the client, and
other code the analysis does not follow may have put more in the container."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

AUTH = '''from nylas import APIClient


def login_url(uri):
    return APIClient("id", "secret").authentication_url(
        uri, scopes=["email.read_only", "calendar.read_only"])
'''

REGISTRY = '''import somelib


class Registry:
    def __init__(self):
        self._items = {}

    def register(self, key, cls):
        self._items[key] = cls

    def get(self, key):
        return self._items[key]


REGISTRY = Registry()
'''

SYNCS = '''from registry import REGISTRY


class EventSync:
    def __init__(self, client):
        self.client = client

    def run(self, grant):
        return [event.title for event in self.client.events.all()]


REGISTRY.register("events", EventSync)
'''

MAIN = '''from nylas import APIClient
from registry import REGISTRY

nylas = APIClient("id", "secret")


def sync(kind, grant):
    return REGISTRY.get(kind)(nylas).run(grant)
'''

# Ways other code may put in the registry what the analysis cannot tell.
UNTOLD = {
    "update with a library's value": "REGISTRY._items.update(somelib.load())",
    "instance handed to a library": "somelib.fill(REGISTRY)",
    "container handed to a library": "somelib.fill(REGISTRY._items)",
    "item written from outside": "REGISTRY._items['x'] = somelib.Thing",
    "a library's class registered": "REGISTRY.register('x', somelib.Thing)",
}


def _findings(tmp_path: Path, plugins: str, registry: str = REGISTRY
              ) -> list[tuple[str, str]]:
    files = {"pyproject.toml": '[project]\nname = "app"\n', "auth.py": AUTH,
             "registry.py": registry, "syncs.py": SYNCS, "main.py": MAIN,
             "plugins.py": f"import somelib\nfrom registry import REGISTRY\n\n{plugins}\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((f.code, f.message) for f in result.findings)


@pytest.mark.parametrize("plugins", UNTOLD.values(), ids=list(UNTOLD))
def test_a_registry_object_other_code_may_fill_is_unresolved_where_called(
        tmp_path: Path, plugins: str) -> None:
    # Before, the call was read as running EventSync alone, and 'email.read_only',
    # which a class put there by the library may need, was reported unused.
    found = _findings(tmp_path, plugins)
    assert [code for code, _ in found] == ["NYS304"], found
    assert "registry.Registry._items" in found[0][1] and "may fill" in found[0][1]


def test_a_registry_object_its_class_fills_from_a_library_is_unresolved(
        tmp_path: Path) -> None:
    registry = REGISTRY.replace("self._items = {}",
                                "self._items = {}\n        self._items.update(somelib.load())")
    assert [code for code, _ in _findings(tmp_path, "", registry)] == ["NYS304"]


def test_a_registry_object_only_the_project_fills_stays_exact(tmp_path: Path) -> None:
    # Only EventSync, which reads events, is registered: the mail scope stays unused.
    # Reading the registry in a library's data call hands nothing on.
    for plugins in ("", "print(REGISTRY, len(REGISTRY._items))"):
        found = _findings(tmp_path, plugins)
        assert [(code, "'email.read_only'" in message) for code, message in found] == [
            ("NYS303", True)], found
