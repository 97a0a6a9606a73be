"""A Nylas operation on an object the analysis cannot tell, in a module that does not
mention Nylas.

Such a module takes an unknown receiver for a possible Nylas object only where its
name says client, so that Django's ``conversation.messages.all()`` does not leave the
mail scopes of every Django project unjudged.  An operation other libraries' objects
are not known to have (API v2's ``where`` and ``search``, API v3's ``list``) may
still be a Nylas call: it is unresolved (NYS304) and its scopes stay silent, rather
than not looked at and its scope reported unused.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.nylas_api.shared_names import SHARED_OPERATIONS
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

AUTH_V2 = """\
from nylas import APIClient

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://x/cb", scopes=["email.read_only", "calendar"])


def events(token):
    return APIClient("id", "secret", token).events.where(limit=5)
"""

AUTH_V3 = """\
from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({
        "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/calendar"]})


def events(grant):
    return nylas.events.list(grant, query_params={"calendar_id": "primary"})
"""

# The dispatcher of the first example: a table of handlers called with a value from
# outside, so that no caller of the function tells what its parameter is.
JOBS = """\
from app import mail

HANDLERS = {"subjects": mail.subjects}


def run(name, client):
    return HANDLERS[name](client)
"""


def _codes(tmp_path: Path, mail_code: str, jobs: str = JOBS, auth: str = AUTH_V2,
           ) -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname = 'app'\ndependencies = ['nylas']\n")
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "auth.py").write_text(auth)
    (package / "mail.py").write_text(textwrap.dedent(mail_code))
    (package / "jobs.py").write_text(textwrap.dedent(jobs))
    result = analyse([str(tmp_path)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


# ``calendar`` is broader than ``events.where()`` needs, whatever the other module does with
# mail; ``email.read_only`` is the scope its call may need.
BROADER_CALENDAR = ("auth.py", 7, "NYS302")
UNUSED_MAIL = ("auth.py", 7, "NYS303")

_UNKNOWN_RECEIVERS = {
    "a parameter of a function called from a table": ("""\
        def subjects(raw):
            return [m.subject for m in raw.messages.where(limit=5)]
    """, JOBS, 2),
    "a function called only through functools.partial": ("""\
        import functools


        def subjects(raw, limit):
            return [m.subject for m in raw.messages.where(limit=limit)]


        FIVE = functools.partial(subjects, limit=5)
    """, JOBS.replace("mail.subjects", "mail.FIVE"), 5),
    "a task a decorator registers": ("""\
        from celery import shared_task


        @shared_task
        def subjects(raw):
            return [m.subject for m in raw.messages.where(limit=5)]
    """, "", 6),
    "a route a decorator registers, searching threads": ("""\
        from fastapi import APIRouter

        router = APIRouter()


        @router.get("/subjects")
        def subjects(raw):
            return [t.subject for t in raw.threads.search("invoice")]
    """, "", 8),
    "a lambda": ("""\
        subjects = lambda raw: [m.subject for m in raw.messages.where(limit=5)]
    """, JOBS, 1),
    "an instance attribute set from an unknown value": ("""\
        class Box:
            def __init__(self, raw):
                self.raw = raw

            def subjects(self):
                return [m.subject for m in self.raw.messages.where(limit=5)]
    """, """\
        from app.mail import Box


        def run(conn):
            return Box(conn).subjects()
    """, 6),
    "a value an unknown function returns": ("""\
        from app.jobs import registry


        def subjects():
            c = registry.get("mail")
            return [t.subject for t in c.threads.where(limit=5)]
    """, "registry = {}\n", 6),
}


@pytest.mark.parametrize(("mail_code", "jobs", "line"), _UNKNOWN_RECEIVERS.values(),
                         ids=_UNKNOWN_RECEIVERS.keys())
def test_an_sdk_operation_on_an_unknown_object_is_unresolved(
        tmp_path: Path, mail_code: str, jobs: str, line: int) -> None:
    assert _codes(tmp_path, mail_code, jobs) == [BROADER_CALENDAR, ("mail.py", line, "NYS304")]


def test_an_api_v3_operation_on_an_unknown_object_is_unresolved(tmp_path: Path) -> None:
    # Without it, Gmail's read scope would be reported unused: only that function reads mail.
    assert _codes(tmp_path, """\
        def subjects(raw, grant):
            return [m.subject for m in raw.messages.list(grant).data]
    """, auth=AUTH_V3) == [("mail.py", 2, "NYS304")]


_V3_FINDS = {
    "the grant and the id by position": "raw.messages.find(grant, message_id)",
    "by keywords": "raw.messages.find(identifier=grant, message_id=message_id)",
    "an attribute and a string": 'raw.messages.find(raw.grant_id, "m-1")',
    # The grant by position and the id by its keyword, and keywords spread from a
    # dict the analysis cannot read (a parameter) or one bound to API v3's keys.
    "the id by keyword": "raw.messages.find(grant, message_id=message_id)",
    "keywords spread from a parameter": "raw.messages.find(**message_id)",
    "keywords spread from a dict of v3's": (
        "raw.messages.find(**{'identifier': grant, 'message_id': message_id})"),
}


@pytest.mark.parametrize("call", _V3_FINDS.values(), ids=_V3_FINDS.keys())
def test_an_api_v3_find_shaped_as_the_sdks_on_an_unknown_object_is_unresolved(
        tmp_path: Path, call: str) -> None:
    # ``find`` is pymongo's too, but pymongo's takes a filter (a dict), not two ids.
    # Before, the call was not looked at and Gmail's read scope was reported unused.
    assert _codes(tmp_path, f"""\
        def subject(raw, grant, message_id):
            return {call}.data.subject
    """, auth=AUTH_V3) == [("mail.py", 2, "NYS304")]


def test_a_pymongo_find_on_an_unknown_object_stays_unlooked_at(tmp_path: Path) -> None:
    # Control: the same function given a filter (and a projection) is pymongo's.
    assert _codes(tmp_path, """\
        def subject(raw, grant, message_id):
            return raw.messages.find({"grant": grant, "_id": message_id}, ["subject"])
    """, auth=AUTH_V3) == [("auth.py", 9, "NYS303")]


@pytest.mark.parametrize("call", [
    'raw.messages.find(flt, projection={"subject": 1})',
    'raw.messages.find(**{"filter": flt, "projection": ["subject"]})',
    'raw.messages.find(**options)',
], ids=["a projection by keyword", "spread from a literal", "spread from a local dict"])
def test_a_pymongo_find_given_keywords_stays_unlooked_at(tmp_path: Path, call: str) -> None:
    # Controls: pymongo's keywords, named or spread from a dict whose keys are read
    # (written in the call, or bound to a name in the function), name no object's
    # id: the mail scope stays reported unused.
    assert _codes(tmp_path, f"""\
        def subject(raw, flt):
            options = {{"filter": flt, "limit": 1}}
            return {call}
    """, auth=AUTH_V3) == [("auth.py", 9, "NYS303")]


_CHANGED_AFTER_LITERAL = {
    "an item stored": 'options["message_id"] = message_id',
    "update": "options.update(message_id=message_id)",
    "setdefault": 'options.setdefault("message_id", message_id)',
    "setdefault read": 'found = options.setdefault("message_id", message_id)',
    "or-assigned": 'options |= {"message_id": message_id}',
    "handed to a function": "fill(options, message_id)",
    # (Lines after the first are indented as the template's, which is dedented.)
    "rebound in a branch": (
        "if message_id:\n                options = {'message_id': message_id}"),
    "stored through another name": (
        "same = options\n            same['message_id'] = message_id"),
    "stored by a nested function": (
        "def more():\n                options['message_id'] = message_id\n"
        "            more()"),
}


@pytest.mark.parametrize("change", _CHANGED_AFTER_LITERAL.values(),
                         ids=_CHANGED_AFTER_LITERAL.keys())
def test_a_find_given_keywords_of_a_dict_changed_after_its_literal_is_unresolved(
        tmp_path: Path, change: str) -> None:
    # The literal's keys are pymongo's, but the dict may hold API v3's keys when it
    # is spread: its keys are unread, so the find may be v3's (before: not looked
    # at, and Gmail's read scope reported unused).
    assert _codes(tmp_path, f"""\
        def fill(into, message_id):
            into["message_id"] = message_id


        def subject(raw, grant, flt, message_id):
            options = {{"filter": flt}}
            {change}
            return raw.messages.find(grant, **options)
    """, auth=AUTH_V3) == [("mail.py", 6 + change.count("\n") + 2, "NYS304")]


@pytest.mark.parametrize("use", [
    "print(len(flt))",
    "log(**options)",
], ids=["the dict not used", "the dict spread elsewhere"])
def test_a_find_given_keywords_of_an_unchanged_literal_stays_pymongos(
        tmp_path: Path, use: str) -> None:
    # Controls: the dict is only spread (each spread hands on a copy): its keys are
    # the literal's, pymongo's, and the mail scope stays reported unused.
    assert _codes(tmp_path, f"""\
        def subject(raw, grant, flt, message_id):
            options = {{"filter": flt}}
            {use}
            return raw.messages.find(grant, **options)
    """, auth=AUTH_V3) == [("auth.py", 9, "NYS303")]


def test_an_update_given_keywords_of_a_changed_literal_keeps_its_keys(
        tmp_path: Path) -> None:
    # ``update`` spread from a dict the analysis cannot read is left to the other
    # readings (Django's is far more common); a changed literal of API v3's keys
    # still counts as v3's, as before the change was seen.
    assert _codes(tmp_path, """\
        def move(raw, grant, event_id, body):
            options = {"identifier": grant, "event_id": event_id}
            options["request_body"] = body
            return raw.events.update(**options)
    """, auth=AUTH_V3) == [("auth.py", 9, "NYS303"), ("mail.py", 4, "NYS304")]


# The mail scope is needed by the module's own call; the calendar, which Google's
# ``POST /events`` needs, only by what ``mail.py`` may send.
AUTH_V3_MAIL = AUTH_V3.replace(
    'nylas.events.list(grant, query_params={"calendar_id": "primary"})',
    "nylas.messages.list(grant)")
UNUSED_CALENDAR = ("auth.py", 10, "NYS303")

_V3_CREATES = {
    "the grant by position": (
        'raw.events.create(grant, request_body=body, query_params={"calendar_id": cid})'),
    "the grant by position only": "raw.events.create(grant, body)",
    "keywords only API v3 takes": (
        'raw.events.create(identifier=grant, request_body=body)'),
}


@pytest.mark.parametrize("call", _V3_CREATES.values(), ids=_V3_CREATES.keys())
def test_an_api_v3_create_shaped_as_the_sdks_on_an_unknown_object_is_unresolved(
        tmp_path: Path, call: str) -> None:
    # ``create`` is Django's related managers' too, but theirs takes a model's fields
    # as keywords only.  Before, the call was not looked at and ``calendar`` was
    # reported unused.
    assert _codes(tmp_path, f"""\
        def hold(raw, grant, cid, body):
            return {call}
    """, auth=AUTH_V3_MAIL) == [("mail.py", 2, "NYS304")]


@pytest.mark.parametrize("call", [
    'conversation.events.create(title="x", start=1)',
    "conversation.events.create(**fields)",
])
def test_a_django_create_on_an_unknown_object_stays_unlooked_at(
        tmp_path: Path, call: str) -> None:
    # Control: fields as keywords, written out or spread, are a related manager's.
    assert _codes(tmp_path, f"""\
        def hold(conversation, fields):
            return {call}
    """, auth=AUTH_V3_MAIL) == [UNUSED_CALENDAR]


def test_an_api_v3_operation_a_known_client_makes_is_read(tmp_path: Path) -> None:
    # The control: the same function given the module's client is judged, not guessed.
    assert _codes(tmp_path, """\
        def subjects(raw, grant):
            return [m.subject for m in raw.messages.list(grant).data]
    """, """\
        from app.auth import nylas
        from app.mail import subjects


        def run(grant):
            return subjects(nylas, grant)
    """, auth=AUTH_V3) == []


_OTHER_LIBRARIES = {
    # Django REST framework: a serializer's getter on the model's related manager.
    "a Django related manager in a serializer": """\
        from rest_framework import serializers


        class ConversationSerializer(serializers.ModelSerializer):
            unread = serializers.SerializerMethodField()

            def get_unread(self, obj):
                return obj.messages.filter(read=False).count()

            def get_total(self, obj):
                return obj.messages.count()
    """,
    "a Django related manager in a view": """\
        def subjects(conversation):
            first = conversation.messages.first()
            latest = conversation.messages.get(pk=1)
            made = conversation.messages.create(body="x")
            conversation.messages.update(read=True)
            return [m.body for m in conversation.messages.all()], first, latest, made
    """,
    "SQLAlchemy's dynamic relationship": """\
        def subjects(user):
            return user.messages.filter_by(read=False).all(), [m for m in user.messages]
    """,
    "a pymongo collection": """\
        def subjects(db):
            return list(db.messages.find({"read": False})), db.events.find_one({})
    """,
    "Google's API client": """\
        def subjects(service):
            return service.users().messages().list(userId="me").execute()
    """,
    # pymongo's ``find(filter, projection)``, the two held in local names or written
    # out, and Django's ``update`` given a field named like API v3's keyword.
    "a pymongo collection given a filter and a projection": """\
        def subjects(db, user):
            query = {"user": user}
            fields = dict(subject=1)
            return db.messages.find(query, fields), db.messages.find(query, {"_id": 0})
    """,
    "a Django related manager updated by an identifier field": """\
        def rename(conversation, ident):
            conversation.messages.update(identifier=ident)
    """,
}


# The same dispatcher handing its handlers a record: nothing says a client.
RECORD_JOBS = JOBS.replace("client", "record")


@pytest.mark.parametrize("mail_code", _OTHER_LIBRARIES.values(), ids=_OTHER_LIBRARIES.keys())
def test_another_librarys_operation_stays_unlooked_at(tmp_path: Path, mail_code: str) -> None:
    assert _codes(tmp_path, mail_code, RECORD_JOBS) == [BROADER_CALENDAR, UNUSED_MAIL]


def test_an_operation_on_what_a_client_named_value_gives_is_cautious(tmp_path: Path) -> None:
    # ``HANDLERS[name](client)``: the handler's ``conversation`` is what a name that
    # says client holds, and ``client.messages.first()`` in place may be a Nylas call:
    # handed on, the call keeps the mail scope silent too (NYS304), never unused.
    found = _codes(tmp_path, _OTHER_LIBRARIES["a Django related manager in a view"])
    assert UNUSED_MAIL not in found
    assert ("mail.py", 2, "NYS304") in found


def test_the_shared_vocabulary_keeps_the_sdks_own_operations_out() -> None:
    assert {"all", "filter", "get", "create", "count", "first", "find"} <= SHARED_OPERATIONS
    assert not {"where", "search", "list", "destroy", "send", "send_rsvp"} & SHARED_OPERATIONS


# API v3's ``find`` reached otherwise than by a call made in place, where the shape of
# its arguments (two ids, not pymongo's filter) cannot be looked at: it may be the
# SDK's call as much as the call made in place is.
_V3_FINDS_REACHED_OTHERWISE = {
    "handed to an executor": "return pool.submit(raw.messages.find, grant, message_id).result()",
    "held in a name": "f = raw.messages.find\n    return f(grant, message_id)",
    "held in a name held in another": (
        "f = raw.messages.find\n    g = f\n    return g(grant, message_id)"),
    "bound by partial": "return functools.partial(raw.messages.find, grant, message_id)()",
    "bound by partial, handed to an executor": (
        "return pool.submit(functools.partial(raw.messages.find, grant, message_id))"),
    "run in a thread": "return asyncio.to_thread(raw.messages.find, grant, message_id)",
    "run in an executor": (
        "return loop.run_in_executor(None, raw.messages.find, grant, message_id)"),
    "looked up by name": 'return getattr(raw.messages, "find")(grant, message_id)',
    "called by name": (
        'return operator.methodcaller("find", grant, message_id)(raw.messages)'),
}
_HANDING_MODULE = """\
import asyncio
import functools
import operator
from concurrent.futures import ThreadPoolExecutor

pool = ThreadPoolExecutor()
loop = asyncio.new_event_loop()


def subject(raw, grant, message_id):
    {body}
"""


def _handing(body: str) -> str:
    return _HANDING_MODULE.format(body=body)


@pytest.mark.parametrize("body", _V3_FINDS_REACHED_OTHERWISE.values(),
                         ids=_V3_FINDS_REACHED_OTHERWISE.keys())
def test_an_api_v3_find_reached_otherwise_than_in_place_is_unresolved(
        tmp_path: Path, body: str) -> None:
    # Before, only the call made in place was taken for a possible Nylas call, and
    # Gmail's read scope was reported unused (NYS303 at auth.py:9).  The body starts
    # at line 11; the call is on its last line.
    line = 11 + body.count("\n")
    assert _codes(tmp_path, _handing(body), auth=AUTH_V3) == [("mail.py", line, "NYS304")]


def test_api_v3_list_held_in_a_name_is_unresolved(tmp_path: Path) -> None:
    # ``list`` is no other library's name, yet a call of it through a name was not
    # looked at either.
    assert _codes(tmp_path, _handing("f = raw.messages.list\n    return f(grant)"),
                  auth=AUTH_V3) == [("mail.py", 12, "NYS304")]


_FIND_CONTROLS = {
    # pymongo's ``find`` given a filter where it is made: read as today.
    "pymongo's find in place": 'return raw.messages.find({"a": 1})',
    # A string's ``find``, in place or handed away: no SDK object.
    "a string's find": 'return "abc".find("b")',
    "a string's find handed away": 'return pool.submit("abc".find, "b").result()',
    # Django's ``all`` handed away is no operation of API v3's.
    "Django's all handed away": "return pool.submit(raw.messages.all).result()",
}


@pytest.mark.parametrize("body", _FIND_CONTROLS.values(), ids=_FIND_CONTROLS.keys())
def test_another_librarys_find_stays_unlooked_at(tmp_path: Path, body: str) -> None:
    assert _codes(tmp_path, _handing(body), auth=AUTH_V3) == [("auth.py", 9, "NYS303")]


# A bound SDK method given uncalled to a function or class of the project, which calls
# it through a parameter or a field: the call made there is not followed back to the
# object the analysis cannot tell, so it counts where the method is handed over.
_WRAPPERS = '''\
import dataclasses
import time


def call(f, *args):
    return f(*args)


def timed(f, *args):
    start = time.monotonic()
    try:
        return f(*args)
    finally:
        print(time.monotonic() - start)


@dataclasses.dataclass
class Job:
    run: object
'''
_HANDED_TO_PROJECT = {
    "a forwarding function": "return call(raw.messages.list, grant)",
    "a timing wrapper": "return timed(raw.messages.list, grant)",
    "a dataclass field": "return Job(raw.messages.list).run(grant)",
    "a forwarding function, keyword": "return call(f=raw.messages.list)",
}


@pytest.mark.parametrize("body", _HANDED_TO_PROJECT.values(), ids=_HANDED_TO_PROJECT.keys())
def test_a_bound_sdk_method_handed_to_project_code_is_unresolved(
        tmp_path: Path, body: str) -> None:
    # Before, Gmail's read scope was reported unused (NYS303 at auth.py:9): the call
    # ``f(*args)`` in the wrapper resolved to nothing, and nothing else looked at it.
    module = _WRAPPERS + "\n\ndef unread(raw, grant):\n    " + body + "\n"
    line = module.count("\n")
    assert _codes(tmp_path, module, auth=AUTH_V3) == [("mail.py", line, "NYS304")]


def test_another_objects_method_handed_to_project_code_stays_unlooked_at(
        tmp_path: Path) -> None:
    # Controls: a string's method and Django's ``all`` handed to the same wrapper are
    # no Nylas operations; the mail scope stays reported unused.
    for index, body in enumerate(
            ('return call("a,b".split, ",")', "return call(raw.messages.all)")):
        module = _WRAPPERS + "\n\ndef unread(raw, grant):\n    " + body + "\n"
        root = tmp_path / str(index)
        root.mkdir()
        assert _codes(root, module, auth=AUTH_V3) == [
            ("auth.py", 9, "NYS303")], body


def _messages(tmp_path: Path, module: str) -> list[str]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "auth.py").write_text(AUTH_V3)
    (package / "mail.py").write_text(module)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return [f.message for f in result.findings if f.code == "NYS304"]


def test_a_handed_method_s_nys304_names_the_method_and_the_wrapper(tmp_path: Path) -> None:
    # Before, the message named the wrapper alone ("cannot tell whether timed() is a
    # Nylas call"), which says nothing of the Nylas method it may call.
    module = _WRAPPERS + (
        "\n\nclass Digest:\n    def __init__(self, client):\n        self.client = client\n"
        "\n    def unread(self, grant):\n"
        "        return timed(self.client.messages.list, grant)\n")
    [message] = _messages(tmp_path, module)
    assert message.startswith(
        "NYS304 cannot tell whether self.client.messages.list via timed() is a Nylas call")


def test_a_method_called_in_place_keeps_its_own_name(tmp_path: Path) -> None:
    # Control: the call made in place is named as written, with no wrapper.
    module = "def unread(raw, grant):\n    return raw.messages.list(grant)\n"
    [message] = _messages(tmp_path, module)
    assert message.startswith("NYS304 cannot tell whether raw.messages.list() is a Nylas call")


# A bound SDK method of an object the analysis cannot tell, held in a value before it
# is called: a dict, a list ``map`` calls through, a project object made from the
# object, a list it is appended to, a name spread into a hand-over.  The call the
# value leads to resolved to nothing, and nothing else looked at the chain it held.
_HOLDERS = '''\
import logging
import requests

logger = logging.getLogger(__name__)
session = requests.Session()


class Box:
    def __init__(self, value):
        self.value = value


class Fixed:
    def __init__(self, value):
        self.value = session
'''
_HELD = {
    "a dict dispatch": 'return {"run": raw.messages.list}["run"](grant)',
    "map over a list of methods": "return list(map(lambda f: f(grant), [raw.messages.list]))",
    "a project object holding the collection": "return Box(raw.messages).value.list(grant)",
    "appended, then returned": "jobs = []\n    jobs.append(raw.messages.list)\n    return jobs",
    "a loop over a list of methods": (
        "jobs = [raw.messages.list]\n    for job in jobs:\n        job(grant)"),
    "a name spread into a hand-over": (
        "args = [raw.messages.list, grant]\n    return pool.submit(*args)"),
}


def _held_module(body: str) -> str:
    return _handing(body) + "\n\n" + _HOLDERS


@pytest.mark.parametrize("body", _HELD.values(), ids=_HELD.keys())
def test_a_bound_sdk_method_held_in_a_value_is_unresolved(tmp_path: Path, body: str) -> None:
    # Before, Gmail's read scope was reported unused (NYS303 at auth.py:9).  The body
    # starts at line 11; the value holding the method is stored or called on its
    # last line (the append, the call of the loop's name).
    line = 11 + body.count("\n")
    if "append" in body:
        # Reported where it is taken from the object (the append, line 12) only: the
        # list leaving the function (its ``def`` at line 10) holds the same method.
        line = 12
    assert _codes(tmp_path, _held_module(body), auth=AUTH_V3) == [("mail.py", line, "NYS304")]


_HELD_CONTROLS = {
    # Bound methods of objects known to be no Nylas objects, or of a name other
    # libraries share, held the same ways: no verdict changes.
    "a dict of a logger's method": 'return {"run": logger.info}["run"]("x")',
    "a dict of requests' get": 'return {"x": session.get}["x"]("https://a")',
    "map over a logger's method": 'return list(map(lambda f: f("x"), [logger.info]))',
    "Django's all through a project object": "return Box(raw.messages).value.all()",
    "a project object keeping something else": "return Fixed(raw.messages).value.list(grant)",
    "a logger's method appended": "jobs = []\n    jobs.append(logger.info)\n    return jobs",
    "a string's method spread": 'args = ["a,b".split, ","]\n    return pool.submit(*args)',
    "Django's all spread": "args = [raw.messages.all]\n    return pool.submit(*args)",
}


@pytest.mark.parametrize("body", _HELD_CONTROLS.values(), ids=_HELD_CONTROLS.keys())
def test_another_objects_method_held_in_a_value_stays_unlooked_at(
        tmp_path: Path, body: str) -> None:
    assert _codes(tmp_path, _held_module(body), auth=AUTH_V3) == [("auth.py", 9, "NYS303")]
