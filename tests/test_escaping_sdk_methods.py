"""A bound SDK method of an object the analysis cannot tell that leaves uncalled by a
route no other rule follows to its call: returned, stored on an attribute, handed in
a container to another library's function, read through ``vars``, ``__dict__`` or
``operator.attrgetter``, or called on a collection held in a name.

Each module below never mentions Nylas; the app elsewhere asks for Google's
``gmail.readonly``, which only the method reached so may need.  The method counts as
unresolved where it leaves (NYS304), so the scope is not reported unused (NYS303).
The same shapes on objects known to be another library's change nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_apps import AUTH_V3, held_findings

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config


def _findings(tmp_path: Path, modules: dict[str, str]) -> list[tuple[str, int, str]]:
    """Every module of the table in one project: one analysis for all of them."""
    return sorted((Path(f.span.path).stem, f.span.line, f.code)
                  for f in held_findings(tmp_path, modules))


def _modules(table: dict[str, tuple[str, str, int]]) -> dict[str, str]:
    """``m<i>.py`` for each shape, ``j<i>.py`` for its caller in another module
    (which imports ``app.mail``: written as ``app.m<i>`` here)."""
    modules: dict[str, str] = {}
    for index, (mail, jobs, _) in enumerate(table.values()):
        modules[f"m{index}"] = mail
        if jobs:
            modules[f"j{index}"] = jobs.replace("app.mail", f"app.m{index}")
    return modules


# (mail.py, jobs.py, the line of mail.py where the method leaves).
_RETURNED = {
    # Counted at the returning function's definition (line 1).
    "returned, called here": ("""\
        def pick(raw):
            return raw.messages.list


        def unread(raw, grant):
            return pick(raw)(grant)
    """, "", 1),
    "returned, called in another module": ("""\
        def pick(raw):
            return raw.messages.list
    """, """\
        from app.mail import pick


        def unread(raw, grant):
            return pick(raw)(grant)
    """, 1),
    "a list of methods returned": ("""\
        def jobs(raw):
            jobs = [raw.messages.list]
            return jobs
    """, """\
        from app.mail import jobs


        def run(raw, grant):
            for job in jobs(raw):
                job(grant)
    """, 1),
}
_STORED = {
    # A class attribute: counted at the store (line 6).
    "a class attribute": ("""\
        class H:
            fn = None


        def setup(raw):
            H.fn = raw.messages.list
    """, """\
        from app.mail import H


        def unread(grant):
            return H.fn(grant)
    """, 6),
    # An attribute of instances: counted at ``__init__``'s definition (line 2).
    "an instance attribute": ("""\
        class H:
            def __init__(self, raw):
                self.fetch = raw.messages.list
    """, """\
        from app.mail import H


        def unread(raw, grant):
            return H(raw).fetch(grant)
    """, 2),
}
# A module-level name any module may import: counted at its binding (line 9).
_CONNECT = """\
        from flask import current_app


        def connect():
            return current_app.extensions["nylas"]


        raw = connect()
"""
_MODULE_LEVEL = {
    "a module-level global, called in another module": (_CONNECT + """\
        FETCH = raw.messages.list
    """, """\
        from app.mail import FETCH


        def poll(grant):
            return FETCH(grant)
    """, 9),
    "a module-level global no module imports": (_CONNECT + """\
        JOBS = [raw.messages.list]
    """, "", 9),
}
# A collection or resource leaving uncalled: any of its methods may be called on it
# (line 1: the function's definition; line 9: the module-level binding).
_COLLECTIONS = {
    "a collection returned, its method called in another module": ("""\
        def mailbox(raw):
            return raw.messages
    """, """\
        from app.mail import mailbox


        def unread(raw, grant):
            return mailbox(raw).list(grant)
    """, 1),
    "a resource at module level": (_CONNECT + """\
        EVENTS = raw.events
    """, """\
        from app.mail import EVENTS


        def upcoming(grant):
            return EVENTS.list(grant, query_params={"calendar_id": "primary"})
    """, 9),
}
_HANDED_OR_READ = {
    # Handed in a list to a library function that calls its elements (line 5).
    "functools.reduce": ("""\
        import functools


        def unread(raw, grant):
            return functools.reduce(lambda acc, f: f(grant), [raw.messages.list], None)
    """, "", 5),
    # ``find`` (pymongo's name too) given the SDK's grant and id, reached through a
    # getter, ``vars`` or a collection held in a name.
    "operator.attrgetter": ("""\
        import operator


        def subject(raw, grant, message_id):
            return operator.attrgetter("messages.find")(raw)(grant, message_id)
    """, "", 5),
    "vars": ("""\
        def subject(raw, grant, message_id):
            return vars(raw)["messages"].find(grant, message_id)
    """, "", 2),
    "a collection held in a name": ("""\
        def subject(raw, grant, message_id):
            coll = raw.messages
            return coll.find(grant, message_id)
    """, "", 3),
}


_ESCAPES = {**_RETURNED, **_STORED, **_MODULE_LEVEL, **_COLLECTIONS, **_HANDED_OR_READ}


def test_an_escaping_sdk_method_is_unresolved_where_it_leaves(tmp_path: Path) -> None:
    # Before, none of these was looked at, and Gmail's read scope was reported unused
    # (NYS303 at auth.py:9).  Each shape, in a module of its own, is one NYS304 at the
    # line it leaves from; nothing else is said.
    expected = [(f"m{index}", line, "NYS304")
                for index, (_, _, line) in enumerate(_ESCAPES.values())]
    assert _findings(tmp_path, _modules(_ESCAPES)) == sorted(expected)


def test_a_collection_leaving_keeps_every_scope_it_could_touch_silent(tmp_path: Path) -> None:
    # ``raw.events`` may be called for any event operation: Google's ``calendar``,
    # which writing events needs, is not reported unused either.
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(AUTH_V3.replace(
        'nylas.events.list(grant, query_params={"calendar_id": "primary"})',
        "nylas.messages.list(grant)"))
    (tmp_path / "mail.py").write_text("def pick(raw):\n    return raw.events\n")
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    unused = [f.message for f in result.findings if f.code == "NYS303"]
    assert not any("auth/calendar'" in message for message in unused), unused
    [message] = [f.message for f in result.findings if f.code == "NYS304"]
    assert message.startswith(
        "NYS304 cannot tell whether raw.events (returned by pick) is a Nylas collection")


def test_the_message_says_how_the_method_leaves(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(AUTH_V3)
    (tmp_path / "mail.py").write_text("def pick(raw):\n    return raw.messages.list\n")
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    [message] = [f.message for f in result.findings if f.code == "NYS304"]
    assert message.startswith(
        "NYS304 cannot tell whether raw.messages.list (returned by pick) is a Nylas call")


_CONTROLS = {
    "requests' get returned": ("""\
        import requests

        session = requests.Session()


        def pick():
            return session.get
    """, ""),
    "Django's managers returned": ("""\
        def pick(user):
            return user.messages.all


        def jobs(user):
            jobs = [user.messages.filter]
            return jobs
    """, ""),
    "another library's collection-named attribute returned": ("""\
        from flask import request
        from pymongo import MongoClient

        MESSAGES = MongoClient().db.messages


        class Box:
            def __init__(self):
                self.messages = []

            def pick(self):
                return self.messages


        def uploads():
            return request.files
    """, ""),
    "a logger's method stored": ("""\
        import logging

        logger = logging.getLogger(__name__)


        class H:
            fn = None

            def __init__(self):
                self.log = logger.info


        def setup():
            H.fn = logger.info
    """, ""),
    "Django's all handed to reduce": ("""\
        import functools


        def run(user, x):
            return functools.reduce(lambda acc, f: f(x), [user.messages.all], None)
    """, ""),
    "pymongo's find given a filter": ("""\
        def subject(raw):
            coll = raw.messages
            return vars(raw)["messages"].find({"a": 1}), coll.find({"a": 1})
    """, ""),
    "another library's method or a fake's held at module level": ("""\
        import httpx
        from pymongo import MongoClient


        class FakeMessages:
            def list(self, grant):
                return []


        class Fake:
            messages = FakeMessages()


        GET = httpx.Client().get
        FIND = MongoClient().db.messages.find
        FETCH = Fake().messages.list
    """, """\
        from app.mail import FETCH, FIND


        def poll(grant):
            return FETCH(grant), FIND({"a": grant})
    """),
    "pymongo's collection held, given two ids": ("""\
        from pymongo import MongoClient

        db = MongoClient().db


        def subject(grant, message_id):
            coll = db.messages
            return coll.find(grant, message_id)


        def pick():
            return db.messages.find
    """, ""),
}


def test_another_librarys_method_leaving_changes_nothing(tmp_path: Path) -> None:
    controls = {name: (mail, jobs, 0) for name, (mail, jobs) in _CONTROLS.items()}
    assert _findings(tmp_path, _modules(controls)) == [("auth", 9, "NYS303")]
