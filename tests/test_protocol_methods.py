"""Methods of the project's own classes that Python runs without their names being
written: an instance's ``__call__`` (``messages_api()``), a descriptor's ``__get__``
(``contacts = ContactsField()`` read as ``Directory().contacts``) and ``__getattr__``
(an attribute no class of the family has).  What they return is what the code gets,
and the calls made on it count; before, the value was dropped and the scope its call
needs was reported unused."""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_apps import V2_CALENDAR_AUTH as AUTH, V2_PYPROJECT, app_findings

UNUSED_CALENDAR = "NYS303 'calendar' is requested"

SHAPES = {
    "__call__ returning a collection": """\
class EventsApi:
    def __call__(self):
        return client.{collection}


def week():
    return EventsApi()().all()
""",
    "__call__ given the client": """\
class EventsApi:
    def __call__(self, given):
        return given.{collection}


def week():
    return EventsApi()(client).all()
""",
    "a descriptor's __get__": """\
class EventsField:
    def __get__(self, obj, objtype=None):
        return client.{collection}


class Account:
    events = EventsField()


def week():
    return Account().events.all()
""",
    "__getattr__ for a name no class has": """\
class Apis:
    def __getattr__(self, name):
        return client.{collection}


def week():
    return Apis().agenda.all()
""",
}


def _said(root: Path, shape: str, collection: str) -> list[str]:
    agenda = "from app.auth import client\n\n\n" + shape.format(collection=collection)
    return [said for _, _, said in app_findings(
        root, {"app/auth.py": AUTH, "app/agenda.py": agenda}, V2_PYPROJECT)]


@pytest.mark.parametrize("shape", list(SHAPES))
def test_what_a_protocol_method_returns_is_followed(tmp_path: Path, shape: str) -> None:
    said = _said(tmp_path / "events", SHAPES[shape], "events")
    assert not any(UNUSED_CALENDAR in text or "NYS304" in text for text in said), said
    # Control: the same shape giving another collection leaves the calendar unused.
    assert any(UNUSED_CALENDAR in text
               for text in _said(tmp_path / "threads", SHAPES[shape], "threads"))
