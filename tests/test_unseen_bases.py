"""A Nylas value stored on an instance of a class whose base the analysis cannot read
(a class of an installed package outside the project) may be used by that base's
methods: the scopes it could need are never called unused."""

from __future__ import annotations

from pathlib import Path

from fake_apps import Found, V2_PYPROJECT, app_findings, unresolved_in, unused_gmail


# API v2 login asking for mail and calendar reads; only the mail read is made below.
V2_AUTH = """\
from nylas import APIClient


def login_url():
    client = APIClient("id", "secret")
    return client.authentication_url(
        "https://a/cb", scopes="email.read_only,calendar.read_only")
"""


def _sync(header: str, bases: str, extra: str = "") -> str:
    return f"""\
{header}
from nylas import APIClient


class MailSync({bases}):
    def __init__(self, token):
        self.client = APIClient("id", "secret", token)

    def inbox(self):
        return self.client.messages.all()
{extra}"""


def _findings(root: Path, files: dict[str, str]) -> list[Found]:
    return app_findings(root, {"app/auth.py": V2_AUTH, **files}, V2_PYPROJECT)


def _calendar_unused(found: list[Found]) -> bool:
    return any("NYS303 'calendar.read_only'" in code for _, _, code in found)


def test_client_stored_under_a_package_base_escapes(tmp_path: Path) -> None:
    found = _findings(tmp_path, {"app/sync.py": _sync("import acme_sync",
                                                      "acme_sync.BaseSync")})
    assert not _calendar_unused(found)
    assert unresolved_in(found, "sync.py") == {6}
    message = next(code for file, _, code in found if file == "sync.py")
    assert "MailSync" in message and "acme_sync.BaseSync" in message


def test_client_stored_under_an_imported_package_base_escapes(tmp_path: Path) -> None:
    found = _findings(tmp_path, {"app/sync.py": _sync(
        "from acme_sync import BaseSync", "BaseSync")})
    assert not _calendar_unused(found)
    assert unresolved_in(found, "sync.py") == {6}


def test_client_stored_under_a_parameter_base_escapes(tmp_path: Path) -> None:
    # A class built on whatever base a function is given: the base is unknown.
    text = _sync("", "object").replace("class MailSync(object):", "def build(base):\n"
                                       "  class MailSync(base):")
    text = text.replace("\n    ", "\n      ") + "  return MailSync\n"
    found = _findings(tmp_path, {"app/sync.py": text})
    assert not _calendar_unused(found)


def test_a_base_the_analysis_cannot_resolve_is_said_so(tmp_path: Path) -> None:
    # A base made by a call of the project's own that the analysis cannot read
    # through has no name to show: the message says the base cannot be resolved.
    text = _sync("import random\n\nMIXINS = [object]\n", "random.choice(MIXINS)[0]")
    found = _findings(tmp_path, {"app/sync.py": text})
    assert not _calendar_unused(found)
    [message] = [code for file, _, code in found if file == "sync.py"]
    assert "one of whose bases the analysis cannot resolve" in message, message


def test_a_parametrised_project_base_is_read(tmp_path: Path) -> None:
    # Control: ``Repo[Message]`` is the project's class ``Repo`` as a base.
    found = _findings(tmp_path, {
        "app/base.py": ("from typing import Generic, TypeVar\n\nT = TypeVar('T')\n\n\n"
                        "class Repo(Generic[T]):\n    pass\n"),
        "app/sync.py": _sync("from app.base import Repo", "Repo[int]")})
    assert _calendar_unused(found)
    assert unresolved_in(found, "sync.py") == set()


def test_client_stored_by_a_subclass_in_another_module_escapes(tmp_path: Path) -> None:
    found = _findings(tmp_path, {
        "app/base.py": "import acme_sync\n\n\nclass Base(acme_sync.BaseSync):\n"
                       "    def ping(self):\n        return 1\n",
        "app/sync.py": _sync("from app.base import Base", "Base"),
    })
    assert not _calendar_unused(found)
    assert unresolved_in(found, "base.py") == {5}


def test_client_stored_by_a_project_mixin_escapes(tmp_path: Path) -> None:
    # The mixin stores the client on an instance the package's base also works on.
    found = _findings(tmp_path, {
        "app/mixins.py": "from nylas import APIClient\n\n\nclass ClientMixin:\n"
                         "    def connect(self, token):\n"
                         "        self.client = APIClient('id', 'secret', token)\n"
                         "        return self.client.messages.all()\n",
        "app/sync.py": "import acme_sync\nfrom app.mixins import ClientMixin\n\n\n"
                       "class MailSync(ClientMixin, acme_sync.BaseSync):\n"
                       "    def run(self, token):\n        return self.connect(token)\n",
    })
    assert not _calendar_unused(found)


def test_client_handed_to_the_package_base_escapes(tmp_path: Path) -> None:
    # ``super().__init__(client)`` hands the client to the base's unseen code: a call
    # the analysis cannot follow, which it already takes for an escape.
    text = _sync("import acme_sync", "acme_sync.BaseSync").replace(
        '        self.client = APIClient("id", "secret", token)',
        '        super().__init__(APIClient("id", "secret", token))')
    found = _findings(tmp_path, {"app/sync.py": text})
    assert not _calendar_unused(found)


# Controls: a base the analysis reads, or knows to leave instances alone.

def test_project_base_is_read(tmp_path: Path) -> None:
    found = _findings(tmp_path, {
        "app/base.py": "class BaseSync:\n    def ping(self):\n        return 1\n",
        "app/sync.py": _sync("from app.base import BaseSync", "BaseSync")})
    assert _calendar_unused(found)
    assert unresolved_in(found, "sync.py") == set()


def test_no_base_is_read(tmp_path: Path) -> None:
    found = _findings(tmp_path, {"app/sync.py": _sync("", "object")})
    assert _calendar_unused(found)


def test_standard_library_bases_are_known(tmp_path: Path) -> None:
    found = _findings(tmp_path, {"app/sync.py": _sync(
        "import abc\nimport threading\nfrom typing import Generic, TypeVar\n"
        "T = TypeVar('T')",
        "threading.Thread, abc.ABC, Generic[T], Exception")})
    assert _calendar_unused(found)
    assert unresolved_in(found, "sync.py") == set()


def test_enum_base_is_known(tmp_path: Path) -> None:
    found = _findings(tmp_path, {"app/sync.py": _sync("import enum", "enum.Enum")})
    assert _calendar_unused(found)


def test_known_framework_base_is_known(tmp_path: Path) -> None:
    found = _findings(tmp_path, {"app/sync.py": _sync(
        "from django.views import View", "View")})
    assert _calendar_unused(found)
    assert unresolved_in(found, "sync.py") == set()


def test_package_base_holding_no_nylas_value_changes_nothing(tmp_path: Path) -> None:
    found = _findings(tmp_path, {
        "app/sync.py": _sync("from nylas import APIClient as _C", "object"),
        "app/jobs.py": "import acme_sync\n\n\nclass Job(acme_sync.BaseJob):\n"
                       "    def __init__(self, name):\n        self.name = name\n",
    })
    assert _calendar_unused(found)
    assert unresolved_in(found, "jobs.py") == set()


def test_overbroad_scope_stays_silent_under_a_package_base(tmp_path: Path) -> None:
    found = _findings(tmp_path, {
        "app/auth.py": V2_AUTH.replace("email.read_only,", "email.modify,"),
        "app/sync.py": _sync("import acme_sync", "acme_sync.BaseSync")})
    assert not any(code.startswith("NYS30") and "NYS304" not in code
                   for _, _, code in found)


def test_overbroad_scope_without_a_package_base(tmp_path: Path) -> None:
    found = _findings(tmp_path, {
        "app/auth.py": V2_AUTH.replace("email.read_only,", "email.modify,"),
        "app/sync.py": _sync("", "object")})
    assert any("NYS302 'email.modify'" in code for _, _, code in found)


def test_v3_client_stored_under_a_package_base_escapes(tmp_path: Path) -> None:
    sync = """\
import acme_sync
from nylas import Client


class CalendarSync(acme_sync.BaseSync):
    def __init__(self):
        self.nylas = Client("key")

    def calendars(self, grant):
        return self.nylas.calendars.list(grant)
"""
    found = app_findings(tmp_path, {"app/sync.py": sync})
    assert not unused_gmail(found)
    assert unresolved_in(found, "sync.py") == {6}


def test_v3_client_stored_without_a_package_base(tmp_path: Path) -> None:
    sync = """\
from nylas import Client


class CalendarSync:
    def __init__(self):
        self.nylas = Client("key")

    def calendars(self, grant):
        return self.nylas.calendars.list(grant)
"""
    found = app_findings(tmp_path, {"app/sync.py": sync})
    assert unused_gmail(found)


# An item written into another module's dict through a parameter given that module.

_FAKE_REGISTRY = """\
class FakeEvents:
    def all(self):
        return []


class Fake:
    events = FakeEvents()


ITEMS = {"mail": Fake()}
"""

_CLIENT = """\
from nylas import APIClient


def make_client():
    return APIClient("id", "secret", "token")
"""

_JOBS = """\
from app.client import make_client
from app.registry import ITEMS


def run():
    return ITEMS["mail"].events.all()


def inbox():
    return make_client().messages.all()
"""


def _registry_app(root: Path, setup: str) -> list[Found]:
    return _findings(root, {"app/registry.py": _FAKE_REGISTRY, "app/client.py": _CLIENT,
                            "app/jobs.py": _JOBS, "app/setup.py": setup})


def test_client_written_through_a_module_parameter_is_read(tmp_path: Path) -> None:
    found = _registry_app(tmp_path, """\
from app import registry
from app.client import make_client


def setup(reg):
    reg.ITEMS["mail"] = make_client()


setup(registry)
""")
    assert not _calendar_unused(found)


def test_client_registered_through_a_helper_is_read(tmp_path: Path) -> None:
    registry = _FAKE_REGISTRY + "\n\ndef register(name, value):\n    ITEMS[name] = value\n"
    found = _findings(tmp_path, {
        "app/registry.py": registry, "app/client.py": _CLIENT, "app/jobs.py": _JOBS,
        "app/setup.py": "from app.client import make_client\n"
                        "from app.registry import register\n\n"
                        "register('mail', make_client())\n"})
    assert not _calendar_unused(found)


def test_fake_registry_filled_in_its_own_module(tmp_path: Path) -> None:
    # Control: only the fake is ever in the registry; its ``events.all()`` is no request.
    found = _registry_app(tmp_path, "")
    assert _calendar_unused(found)


def test_store_through_a_parameter_into_a_local_dict(tmp_path: Path) -> None:
    # Control: an item written through a parameter given a function's own dict does
    # not make the registry's items unknown.
    found = _registry_app(tmp_path, """\
from app.registry import Fake


def fill(items):
    items["mail"] = Fake()
    return items["mail"].events.all()


def main():
    return fill({})
""")
    assert _calendar_unused(found)
