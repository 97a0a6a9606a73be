"""Small apps in the idioms real projects use, each with the only right answer.

Every project here requests exactly the scopes its code needs, so any NYS301, NYS302
or NYS303 is false: a false NYS302/NYS303 would make the user delete a scope the app
needs.  The analysis may follow the idiom or lose it (NYS304); it may not guess.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.settings.config import make_config
from flake8_nylas_scopes.project.session import analyse


def _auth(scopes: str) -> str:
    return (
        "from nylas import APIClient\n\n\n"
        "def login_url(uri):\n"
        f"    return APIClient('id', 'secret').authentication_url(uri, scopes={scopes})\n"
    )


# A read the analysis follows, so that the project has resolved calls to judge.
INBOX = """\
from nylas import APIClient


def inbox(client: APIClient):
    return [m.subject for m in client.messages.where(unread=True)]
"""

# A raw write whose URL is built from the Nylas host with each idiom in turn.
RAW_MARK_READ = """\
import posixpath

import requests

API = "https://api.nylas.com"


def make_url(*pieces):
    return "/".join(pieces)


def mark_read(message_id):
    requests.put({url}, json={{"unread": False}})
"""

# A class that pages through the messages; ``for`` runs its ``__iter__``.
PAGER = """\
from nylas import APIClient


class MessagePager:
    def __init__(self, client, page=50):
        self.client = client
        self.page = page

    def __iter__(self):
        offset = 0
        while True:
            batch = list(self.client.messages.where(offset=offset, limit=self.page))
            if not batch:
                break
            yield from batch
            offset += self.page


def star_all(token):
    for message in MessagePager(APIClient("id", "secret", token)):
        message.starred = True
        message.save()
"""

# ``self.handle(m)`` in the base runs the mixin's ``handle`` on a ``Starrer``.
MIXIN_WORKERS = """\
from nylas import APIClient


class Worker:
    def __init__(self, token):
        self.client = APIClient("id", "secret", token)

    def run(self):
        for message in self.client.messages.where(limit=5):
            self.handle(message)

    def handle(self, item):
        print(item.subject)


class StarMixin:
    def handle(self, item):
        item.starred = True
        item.save()


class Starrer(StarMixin, Worker):
    pass


def main(token):
    Starrer(token).run()
"""

# An exception class of the project carries the message to a handler that catches
# ``Exception`` in another module, which stars it.
FLAG_CHECKS = """\
class NeedsFlag(Exception):
    def __init__(self, item):
        super().__init__("flag")
        self.item = item


def check(message):
    if message.unread:
        raise NeedsFlag(message)
"""
FLAG_SWEEP = """\
from nylas import APIClient

from checks import check


def sweep(token):
    for message in APIClient("id", "secret", token).messages.where(limit=3):
        try:
            check(message)
        except Exception as err:
            err.item.starred = True
            err.item.save()
"""

# A closure over a counter, called by its local name with each thread.
NESTED_FUNCTION = """\
from nylas import APIClient


def star_unread(token):
    starred = 0

    def star(item):
        nonlocal starred
        item.starred = True
        item.save()
        starred += 1

    for thread in APIClient("id", "secret", token).threads.where(unread=True):
        star(thread)
    return starred
"""

KEYWORD_REQUEST = """\
import requests

API = "https://api.nylas.com"


def mark_read(message_id):
    requests.request(method="PUT", url=f"{API}/messages/{message_id}", json={"unread": False})
"""

# Requests built as objects and sent later: httpx, and urllib's POST (it has data).
REQUEST_OBJECTS = """\
import json
import urllib.request

import httpx

API = "https://api.nylas.com"


def mark_read(message_id):
    request = httpx.Request("PUT", f"{API}/messages/{message_id}", json={"unread": False})
    httpx.Client().send(request)


def add_contact(name):
    body = json.dumps({"given_name": name}).encode()
    urllib.request.urlopen(urllib.request.Request(f"{API}/contacts", data=body, method="POST"))
"""

# The URL is built by a function from the path it is given; the request does not
# show the host.
URL_BUILDER = """\
import requests

API = "https://api.nylas.com"


def api_url(path):
    return API + path


def mark_read(message_id):
    requests.put(api_url(f"/messages/{message_id}"), json={"unread": False})
"""

# A timing decorator built with functools.wraps around a function that returns the
# events it reads.
WRAPS_DECORATOR = """\
import functools
import time

from nylas import APIClient


def timed(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        started = time.monotonic()
        try:
            return fn(*args, **kwargs)
        finally:
            print(fn.__name__, time.monotonic() - started)
    return wrapper


@timed
def upcoming(token):
    return list(APIClient("id", "secret", token).events.where(starts_after=0))


def titles(token):
    return [event.title for event in upcoming(token)]
"""

# Django REST framework hands what get_object returns to the serializer's update,
# which saves it: a parameter nothing in the project fills.
EVENT_SERIALIZER = """\
from rest_framework import serializers


class EventSerializer(serializers.Serializer):
    title = serializers.CharField()

    def update(self, instance, validated_data):
        instance.title = validated_data["title"]
        instance.save()
        return instance
"""
EVENT_DETAIL_VIEW = """\
from nylas import APIClient
from rest_framework import generics

from serializers import EventSerializer


class EventDetail(generics.RetrieveUpdateAPIView):
    serializer_class = EventSerializer

    def get_object(self):
        client = APIClient("id", "secret", self.request.user.profile.token)
        return client.events.get(self.kwargs["pk"])
"""

# ``async for`` runs the class's ``__aiter__`` (an async generator) or its
# ``__anext__``.
ASYNC_PAGER = """\
import asyncio

from nylas import APIClient


class AsyncPager:
    def __init__(self, client):
        self.client = client

    async def __aiter__(self):
        batch = await asyncio.to_thread(lambda: list(self.client.messages.where(limit=50)))
        for item in batch:
            yield item


class AsyncCursor:
    def __init__(self, client):
        self.pending = list(client.threads.where(limit=5))

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.pending:
            raise StopAsyncIteration
        return self.pending.pop()


async def star_messages(token):
    async for message in AsyncPager(APIClient("id", "secret", token)):
        message.starred = True
        message.save()


async def read_threads(token):
    async for thread in AsyncCursor(APIClient("id", "secret", token)):
        thread.unread = False
        thread.save()
"""

ALIASED_REQUEST = """\
import requests

API = "https://api.nylas.com"


def mark_read(message_id):
    send = requests.put
    send(f"{API}/messages/{message_id}", json={"unread": False})
"""

PICKED_REQUEST = """\
import requests

API = "https://api.nylas.com"
SEND = {"read": requests.get, "write": requests.put}


def mark_read(message_id, operation="write"):
    SEND[operation](f"{API}/messages/{message_id}", json={"unread": False})
"""

APPS: dict[str, dict[str, str]] = {
    "client in a variable named app": {
        "auth.py": _auth("['email.read_only', 'calendar.read_only']"),
        "inbox.py": INBOX,
        "cal.py": """\
            from nylas import APIClient


            def calendars(token):
                app = APIClient("id", "secret", token)
                return [c.name for c in app.calendars.all()]
        """,
    },
    "client of unseen origin in a module that never says Nylas": {
        "auth.py": _auth("['email.read_only', 'calendar.read_only']"),
        "inbox.py": INBOX,
        "routes.py": """\
            def calendars(client):
                return client.calendars.all()
        """,
    },
    "subclass override called from the base class": {
        "auth.py": _auth("['email.modify']"),
        "base.py": """\
            from nylas import APIClient

            client = APIClient("id", "secret", "token")


            class Rule:
                def run(self):
                    for message in client.messages.where(unread=True):
                        self.handle(message)

                def handle(self, message):
                    print(message.subject)
        """,
        "rules.py": """\
            from base import Rule


            class MarkRead(Rule):
                def handle(self, message):
                    message.mark_as_read()
        """,
    },
    "client two attributes away from an unknown root": {
        "auth.py": _auth("['email.read_only']"),
        "views.py": """\
            def inbox(account):
                return [m.subject for m in account.client.messages.where()]
        """,
    },
    "bound method of an unknown client handed to a thread": {
        "auth.py": _auth("['email.read_only', 'calendar.read_only']"),
        "inbox.py": INBOX,
        "cal.py": """\
            import asyncio


            async def calendars(client):
                return await asyncio.to_thread(client.calendars.all)
        """,
    },
    "client handed to the function atexit runs": {
        "auth.py": _auth("['email.read_only', 'email.send']"),
        "inbox.py": INBOX,
        "outbox.py": """\
            import atexit

            from nylas import APIClient


            def flush(client):
                for draft in client.drafts.all():
                    draft.send()


            def install(token):
                atexit.register(flush, APIClient("id", "secret", token))
        """,
    },
    "method caller held by a name, then called on each draft": {
        "auth.py": _auth("['email.read_only', 'email.send']"),
        "inbox.py": INBOX,
        "outbox.py": """\
            import operator

            from nylas import APIClient

            SEND = operator.methodcaller("send")


            def flush(token):
                for draft in APIClient("id", "secret", token).drafts.all():
                    SEND(draft)
        """,
    },
    "classmethod constructor and a property building the client": {
        "auth.py": _auth("['email.read_only', 'calendar.read_only']"),
        "inbox.py": INBOX,
        "settings.py": """\
            from nylas import APIClient


            class Settings:
                def __init__(self, token):
                    self.token = token

                @classmethod
                def from_env(cls):
                    return cls("token")

                @property
                def client(self):
                    return APIClient("id", "secret", self.token)
        """,
        "service.py": """\
            from settings import Settings


            def names():
                return [c.name for c in Settings.from_env().client.calendars.all()]
        """,
    },
    "raw PUT to a regional host": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "raw.py": """\
            import requests


            def mark_read(token, message_id):
                requests.put(f"https://ireland.api.nylas.com/messages/{message_id}",
                             json={"unread": False}, headers={"Authorization": token})
        """,
    },
    "raw PUT through a client with a base URL": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "raw.py": """\
            import httpx

            http = httpx.Client(base_url="https://api.nylas.com")


            def mark_read(message_id):
                http.put(f"/messages/{message_id}", json={"unread": False})
        """,
    },
    "raw PUT to a path a helper is given": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "raw.py": """\
            import requests


            def nylas_put(path, body):
                return requests.put("https://api.nylas.com" + path, json=body)


            def mark_read(message_id):
                nylas_put(f"/messages/{message_id}", {"unread": False})
        """,
    },
    "raw PUT to a URL joined with '/'": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "raw.py": RAW_MARK_READ.format(url='"/".join([API, "messages", message_id])'),
    },
    "raw PUT to a URL built with % formatting": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "raw.py": RAW_MARK_READ.format(url='"%s/messages/%s" % (API, message_id)'),
    },
    "raw PUT to a URL built with str.format": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "raw.py": RAW_MARK_READ.format(url='"{}/messages/{}".format(API, message_id)'),
    },
    "raw PUT to a URL built with posixpath.join": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "raw.py": RAW_MARK_READ.format(url='posixpath.join(API, "messages", message_id)'),
    },
    "raw PUT to a URL a function of the app builds from the Nylas host": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "raw.py": RAW_MARK_READ.format(url='make_url(API, "messages", message_id)'),
    },
    "pager class whose __iter__ yields the messages": {
        "auth.py": _auth("['email.modify']"),
        "pager.py": PAGER,
    },
    "iterator class whose __next__ gives the events": {
        "auth.py": _auth("['calendar']"),
        "cursor.py": """\
            from nylas import APIClient


            class Cursor:
                def __init__(self, client):
                    self.pending = list(client.events.where(limit=10))

                def __iter__(self):
                    return self

                def __next__(self):
                    if not self.pending:
                        raise StopIteration
                    return self.pending.pop()


            def rename_all(token):
                for event in Cursor(APIClient("id", "secret", token)):
                    event.title = event.title.strip()
                    event.save()
        """,
    },
    "address book class indexed with __getitem__": {
        "auth.py": _auth("['contacts']"),
        "book.py": """\
            from nylas import APIClient


            class Book:
                def __init__(self, client):
                    self._all = list(client.contacts.all())

                def __getitem__(self, index):
                    return self._all[index]


            def rename_first(token):
                first = Book(APIClient("id", "secret", token))[0]
                first.given_name = "Ada"
                first.save()
        """,
    },
    "mixin's method run by the base class": {
        "auth.py": _auth("['email.modify']"),
        "workers.py": MIXIN_WORKERS,
    },
    "cooperative super() reaching a sibling class": {
        "auth.py": _auth("['email.modify']"),
        "steps.py": """\
            from nylas import APIClient


            class Step:
                def process(self, item):
                    return item


            class Audit(Step):
                def process(self, item):
                    print(item.id)
                    return super().process(item)


            class Persist(Step):
                def process(self, item):
                    item.starred = True
                    item.save()
                    return super().process(item)


            class Pipeline(Audit, Persist):
                pass


            def star(token):
                pipeline = Pipeline()
                for message in APIClient("id", "secret", token).messages.where(limit=3):
                    pipeline.process(message)
        """,
    },
    "exception of the project carrying a message to a broad handler": {
        "auth.py": _auth("['email.modify']"),
        "checks.py": FLAG_CHECKS,
        "sweep.py": FLAG_SWEEP,
    },
    "function defined inside the function that uses it": {
        "auth.py": _auth("['email.modify']"),
        "sweep.py": NESTED_FUNCTION,
    },
    "class defined inside the function that uses it": {
        "auth.py": _auth("['calendar']"),
        "mover.py": """\
            from nylas import APIClient


            def move_all(token, start):
                class Mover:
                    def __init__(self, client):
                        self.client = client

                    def move(self, event_id):
                        event = self.client.events.get(event_id)
                        event.when = {"start_time": start, "end_time": start + 1800}
                        event.save()

                mover = Mover(APIClient("id", "secret", token))
                mover.move("e1")
        """,
    },
    "raw PUT through request() with the method by keyword": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "raw.py": KEYWORD_REQUEST,
    },
    "raw PUT built as a request object and sent": {
        "auth.py": _auth("['email.modify', 'contacts']"),
        "inbox.py": INBOX,
        "raw.py": REQUEST_OBJECTS,
    },
    "raw PUT to a URL a function builds from the path it is given": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "raw.py": URL_BUILDER,
    },
    "function returning events under a functools.wraps decorator": {
        "auth.py": _auth("['calendar.read_only']"),
        "timed.py": WRAPS_DECORATOR,
    },
    "REST framework view whose get_object gives an event to its serializer": {
        "auth.py": _auth("['calendar']"),
        "serializers.py": EVENT_SERIALIZER,
        "views.py": EVENT_DETAIL_VIEW,
    },
    "async pager class iterated with async for": {
        "auth.py": _auth("['email.modify']"),
        "pager.py": ASYNC_PAGER,
    },
    "raw PUT through a request method bound to a name": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "raw.py": ALIASED_REQUEST,
    },
    "raw PUT through getattr(requests, verb)": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "raw.py": """\
            import requests

            API = "https://api.nylas.com"


            def mark_read(message_id, verb="put"):
                getattr(requests, verb)(f"{API}/messages/{message_id}", json={"unread": False})
        """,
    },
    "raw PUT through a request method picked from a dict": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "raw.py": PICKED_REQUEST,
    },
    "handler registry called with a client imported from another module": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "nylas_client.py": """\
            from nylas import APIClient

            nylas = APIClient("id", "secret", "token")
        """,
        "hooks.py": """\
            from nylas_client import nylas

            HANDLERS = {}


            def handles(kind):
                def register(handler):
                    HANDLERS[kind] = handler
                    return handler
                return register


            @handles("thread.replied")
            def star_thread(api, delta):
                api.threads.get(delta["id"]).star()


            def dispatch(delta):
                HANDLERS[delta["type"]](nylas, delta)
        """,
    },
    "client injected by a decorator of the project": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "deco.py": """\
            import functools

            from nylas import APIClient


            def with_nylas(view):
                @functools.wraps(view)
                def wrapper(token, *args, **kwargs):
                    return view(APIClient("id", "secret", token), *args, **kwargs)
                return wrapper


            @with_nylas
            def archive(client, message_id):
                client.messages.get(message_id).update_folder("archive")
        """,
    },
    "client typed by a comment": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "jobs.py": """\
            from typing import TYPE_CHECKING

            import registry

            if TYPE_CHECKING:
                from nylas import APIClient


            def archive(token, message_id):
                client = registry.lookup(token)  # type: APIClient
                client.messages.get(message_id).update_folder("archive")
        """,
    },
    "FastAPI dependency through an Annotated alias": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "api.py": """\
            from typing import Annotated

            from fastapi import Depends
            from nylas import APIClient


            def get_client(token: str) -> APIClient:
                return APIClient("id", "secret", token)


            Nylas = Annotated[APIClient, Depends(get_client)]


            def archive(message_id: str, client: Nylas):
                client.messages.get(message_id).update_folder("archive")
        """,
    },
    "session class whose __enter__ gives the client": {
        "auth.py": _auth("['email.modify']"),
        "session.py": """\
            from nylas import APIClient


            class Session:
                def __init__(self, token):
                    self.token = token

                def __enter__(self):
                    return APIClient("id", "secret", self.token)

                def __exit__(self, *exc):
                    return False
        """,
        "ops.py": """\
            from session import Session


            def tidy(token):
                with Session(token) as session:
                    for thread in session.threads.where(unread=True):
                        thread.mark_as_read()
        """,
    },
    "async session class whose __aenter__ gives the client": {
        "auth.py": _auth("['email.modify']"),
        "session.py": """\
            from nylas import APIClient


            class Session:
                def __init__(self, token):
                    self.token = token

                async def __aenter__(self):
                    return APIClient("id", "secret", self.token)

                async def __aexit__(self, *exc):
                    return False
        """,
        "ops.py": """\
            from session import Session


            async def tidy(token):
                async with Session(token) as session:
                    for thread in session.threads.where(unread=True):
                        thread.mark_as_read()
        """,
    },
    "messages kept in a mapping built from pairs": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "triage.py": """\
            from nylas import APIClient


            def mark(token, ids):
                client = APIClient("id", "secret", token)
                by_id = dict(zip(ids, [client.messages.get(i) for i in ids]))
                for message in by_id.values():
                    message.mark_as_read()
        """,
    },
    "scope list extended behind a feature flag": {
        "auth.py": """\
            import os

            from nylas import APIClient

            SCOPES = ["email.read_only"]
            if os.environ.get("ENABLE_SEND"):
                SCOPES.append("email.send")


            def login_url(uri):
                return APIClient("id", "secret").authentication_url(uri, scopes=SCOPES)
        """,
        "inbox.py": INBOX,
        "send.py": """\
            from nylas import APIClient


            def send(token, to):
                APIClient("id", "secret", token).drafts.create(to=[{"email": to}]).send()
        """,
    },
    "FastAPI dependency through an Annotated alias of another module": {
        "auth.py": _auth("['email.modify']"),
        "inbox.py": INBOX,
        "deps.py": """\
            from typing import Annotated

            from fastapi import Depends, Header
            from nylas import APIClient


            def get_client(authorization: str = Header(...)) -> APIClient:
                return APIClient("id", "secret", authorization)


            Nylas = Annotated[APIClient, Depends(get_client)]
        """,
        "routes.py": """\
            import asyncio

            from deps import Nylas


            async def archive(message_id: str, nylas: Nylas) -> None:
                message = await asyncio.to_thread(nylas.messages.get, message_id)
                message.update_folder("archive")
        """,
    },
}


def _project(root: Path, files: dict[str, str]) -> Path:
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    for name, text in files.items():
        (root / name).write_text(textwrap.dedent(text))
    return root


@pytest.mark.parametrize("files", APPS.values(), ids=list(APPS))
def test_no_false_usage_finding(tmp_path: Path, files: dict[str, str]) -> None:
    result = analyse([str(_project(tmp_path, files))], make_config(),
                     lambda code: code not in DEFAULT_OFF, use_cache=False)
    assert result.errors == []
    assert [f for f in result.findings if f.code in ("NYS301", "NYS302", "NYS303")] == []


@pytest.mark.parametrize("name", [
    "client handed to the function atexit runs",
    "method caller held by a name, then called on each draft",
])
def test_a_followed_hand_over_keeps_the_unused_scope_finding(tmp_path: Path, name: str) -> None:
    # Control: what the function given the client does, or the method a caller
    # calls, is read, so a scope nothing needs is still reported.
    files = dict(APPS[name])
    files["auth.py"] = _auth("['email.read_only', 'email.send', 'contacts.read_only']")
    result = analyse([str(_project(tmp_path, files))], make_config(), lambda code: True,
                     use_cache=False)
    assert [f.code for f in result.findings] == ["NYS303"]


def test_setattr_on_a_message_is_not_an_escape(tmp_path: Path) -> None:
    # Setting a field on a message changes nothing at Nylas: the read-only app still
    # asks for more than it needs.
    root = _project(tmp_path, {
        "auth.py": _auth("['email.modify']"),
        "edit.py": """\
            from nylas import APIClient


            def annotate(token, message_id, field, value):
                message = APIClient("id", "secret", token).messages.get(message_id)
                setattr(message, field, value)
                return message.subject
        """,
    })
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS302"]


# Idioms the analysis follows to the end: the write is seen as a request, and nothing
# is left unresolved (silence alone would also avoid a false finding).
FOLLOWED = {
    "client in a variable named app": "calendar.read_only",
    "subclass override called from the base class": "email.modify",
    "classmethod constructor and a property building the client": "calendar.read_only",
    "client injected by a decorator of the project": "email.modify",
    "handler registry called with a client imported from another module": "email.modify",
    "client typed by a comment": "email.modify",
    "FastAPI dependency through an Annotated alias": "email.modify",
    "FastAPI dependency through an Annotated alias of another module": "email.modify",
    "messages kept in a mapping built from pairs": "email.modify",
    "session class whose __enter__ gives the client": "email.modify",
    "raw PUT to a URL joined with '/'": "email.modify",
    "raw PUT through a request method bound to a name": "email.modify",
    "async pager class iterated with async for": "email.modify",
    "function returning events under a functools.wraps decorator": "calendar.read_only",
    "raw PUT built as a request object and sent": "email.modify",
    "raw PUT through request() with the method by keyword": "email.modify",
    "function defined inside the function that uses it": "email.modify",
    "class defined inside the function that uses it": "calendar",
    "mixin's method run by the base class": "email.modify",
    "cooperative super() reaching a sibling class": "email.modify",
    "pager class whose __iter__ yields the messages": "email.modify",
    "iterator class whose __next__ gives the events": "calendar",
    "address book class indexed with __getitem__": "contacts",
    "raw PUT to a URL built with % formatting": "email.modify",
    "raw PUT to a URL built with str.format": "email.modify",
    "raw PUT to a URL built with posixpath.join": "email.modify",
    "async session class whose __aenter__ gives the client": "email.modify",
    "client handed to the function atexit runs": "email.send",
    "method caller held by a name, then called on each draft": "email.send",
}


@pytest.mark.parametrize("name", FOLLOWED)
def test_idiom_is_followed(tmp_path: Path, name: str) -> None:
    result = analyse([str(_project(tmp_path, APPS[name]))], make_config(),
                     lambda code: True, use_cache=False)
    [project] = result.states
    assert project.state is not None and list(project.state.unresolved) == []
    assert project.inference is not None and FOLLOWED[name] in project.inference.scopes


@pytest.mark.skipif(sys.version_info < (3, 12), reason="the type statement is Python 3.12 syntax")
def test_a_type_statement_alias_of_another_module_is_followed(tmp_path: Path) -> None:
    files = dict(APPS["FastAPI dependency through an Annotated alias of another module"])
    files["deps.py"] = files["deps.py"].replace(
        "Nylas = Annotated[", "type Nylas = Annotated["
    )
    assert "type Nylas" in files["deps.py"]
    result = analyse([str(_project(tmp_path, files))], make_config(),
                     lambda code: True, use_cache=False)
    [project] = result.states
    assert project.state is not None and list(project.state.unresolved) == []
    assert project.inference is not None and "email.modify" in project.inference.scopes


# A ``src/`` layout whose packages have no ``__init__.py`` (PEP 420 namespace
# packages): modules import each other by the full dotted name.
NAMESPACE_LOGIN = """\
from nylas import APIClient

client = APIClient("id", "secret")
SCOPES = ["email.modify"]


def login_url(uri):
    return client.authentication_url(uri, scopes=SCOPES)


def inbox():
    return [m.subject for m in client.messages.where(unread=True)]
"""


def _namespace_app(root: Path, archive: str) -> list[str]:
    (root / "pyproject.toml").write_text("[project]\nname = 'acme'\n")
    for name, text in {"src/acme/web/login.py": NAMESPACE_LOGIN,
                       "src/acme/mail/archive.py": archive}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text))
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return [f.code for f in result.findings]


def test_a_client_imported_from_a_namespace_package_is_followed(tmp_path: Path) -> None:
    # Taken for another library's object, the client's write went unseen and
    # 'email.modify' was called broader than the reads need.
    codes = _namespace_app(tmp_path, """\
        from acme.web.login import client


        def archive(message_id):
            client.messages.get(message_id).update_folder("archive")
    """)
    assert codes == []


def test_a_namespace_package_that_only_reads_keeps_the_finding(tmp_path: Path) -> None:
    codes = _namespace_app(tmp_path, """\
        from acme.web.login import client


        def subject(message_id):
            return client.messages.get(message_id).subject
    """)
    assert codes == ["NYS302"]


# A package whose directories above are namespace packages many levels deep.
DEEP_CONN = """\
from nylas import APIClient

client = APIClient("id", "secret")
SCOPES = ["email.read_only", "calendar.read_only"]


def login_url(uri):
    return client.authentication_url(uri, scopes=SCOPES)


def agenda():
    return [event.title for event in client.events.all()]
"""


def _deep_namespace_app(root: Path, package: str, read: str) -> list[tuple[str, str]]:
    (root / "pyproject.toml").write_text("[project]\nname = 'acme'\n")
    files = {f"src/{package.replace('.', '/')}/__init__.py": "",
             f"src/{package.replace('.', '/')}/conn.py": DEEP_CONN,
             "src/web/inbox.py": f"""\
                 from {package}.conn import client


                 def inbox():
                     box = client
                     return [item.id for item in box.{read}.all()]
             """}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text))
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return [(f.code, f.message.split("'")[1]) for f in result.findings]


@pytest.mark.parametrize("package", ["a.b.c.d.pkg", "a.b.c.d.e.pkg", "a.b.c.d.e.f.g.pkg"])
def test_a_client_of_a_package_deep_in_namespace_directories_is_followed(
        tmp_path: Path, package: str) -> None:
    # Five directories and more above the package: the import was taken for another
    # library's, the thread read went unseen and 'email.read_only' was called unused.
    assert _deep_namespace_app(tmp_path, package, "threads") == []


@pytest.mark.parametrize("package", ["a.b.c.d.pkg", "a.b.c.d.e.pkg"])
def test_a_deep_namespace_package_that_only_reads_events_keeps_the_finding(
        tmp_path: Path, package: str) -> None:
    assert _deep_namespace_app(tmp_path, package, "events") == [
        ("NYS303", "email.read_only")]


def test_a_name_whose_directories_above_differ_is_not_the_deep_package(
        tmp_path: Path) -> None:
    # ``z.b.c.d.e.pkg`` ends like the project's package, but no directory ``z`` holds
    # it: another library's module, whose client is none of the project's.
    root = tmp_path
    _deep_namespace_app(root, "a.b.c.d.e.pkg", "threads")
    inbox = root / "src/web/inbox.py"
    inbox.write_text(inbox.read_text().replace("from a.b.", "from z.b."))
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [(f.code, f.message.split("'")[1]) for f in result.findings] == [
        ("NYS303", "email.read_only")]


@pytest.mark.parametrize("url", [
    '"/".join([API, "messages", message_id])',
    '"%s/messages/%s" % (API, message_id)',
    '"{}/messages/{}".format(API, message_id)',
    'posixpath.join(API, "messages", message_id)',
])
def test_a_raw_read_through_a_built_url_keeps_the_broader_finding(
    tmp_path: Path, url: str
) -> None:
    # The same URLs read a message: email.modify is still more than the app needs.
    read = RAW_MARK_READ.format(url=url).replace(
        f'requests.put({url}, json={{"unread": False}})', f"return requests.get({url})")
    assert "requests.get(" in read
    root = _project(tmp_path, {"auth.py": _auth("['email.modify']"), "inbox.py": INBOX,
                               "raw.py": read})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS302"]
    [project] = result.states
    assert project.state is not None and list(project.state.unresolved) == []


def test_a_pager_class_only_read_keeps_the_broader_finding(tmp_path: Path) -> None:
    # The same pager with messages only read: email.modify is more than it needs.
    pager = PAGER.replace("message.starred = True\n        message.save()",
                          "print(message.subject)")
    assert "save()" not in pager
    root = _project(tmp_path, {"auth.py": _auth("['email.modify']"), "pager.py": pager})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS302"]
    [project] = result.states
    assert project.state is not None and list(project.state.unresolved) == []


def test_a_mixin_no_class_mixes_in_keeps_the_broader_finding(tmp_path: Path) -> None:
    # The worker class used derives from the base alone: the mixin's write never runs
    # on it, and the base's own handle only reads.
    workers = MIXIN_WORKERS.replace("class Starrer(StarMixin, Worker):",
                                    "class Starrer(Worker):")
    assert "(StarMixin, " not in workers
    root = _project(tmp_path, {"auth.py": _auth("['email.modify']"), "workers.py": workers})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS302"]
    [project] = result.states
    assert project.state is not None and list(project.state.unresolved) == []


def test_an_exception_carrying_data_only_keeps_the_broader_finding(tmp_path: Path) -> None:
    # The exception carries the message's id, a string: nothing Nylas is raised, and
    # the sweep only reads.
    checks = FLAG_CHECKS.replace("raise NeedsFlag(message)", "raise NeedsFlag(message.id)")
    sweep = FLAG_SWEEP.replace("err.item.starred = True\n            err.item.save()",
                               "print(err.item)")
    assert "save()" not in sweep
    root = _project(tmp_path, {"auth.py": _auth("['email.modify']"), "checks.py": checks,
                               "sweep.py": sweep})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS302"]


def test_an_inner_function_that_only_reads_keeps_the_broader_finding(
    tmp_path: Path
) -> None:
    inner = NESTED_FUNCTION.replace("item.starred = True\n        item.save()",
                                   "print(item.subject)")
    assert "save()" not in inner
    root = _project(tmp_path, {"auth.py": _auth("['email.modify']"), "sweep.py": inner})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS302"]
    [project] = result.states
    assert project.state is not None and list(project.state.unresolved) == []


def test_a_raw_get_through_request_by_keyword_keeps_the_broader_finding(
    tmp_path: Path
) -> None:
    read = KEYWORD_REQUEST.replace('method="PUT"', 'method="GET"')
    assert 'method="GET"' in read
    root = _project(tmp_path, {"auth.py": _auth("['email.modify']"), "raw.py": read})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS302"]
    [project] = result.states
    assert project.state is not None and list(project.state.unresolved) == []


def test_a_urllib_get_keeps_the_broader_and_unused_findings(tmp_path: Path) -> None:
    # urllib.request.urlopen(url) and Request(url) without data are GETs: the app only
    # reads mail and contacts.
    raw = REQUEST_OBJECTS.replace(
        'httpx.Request("PUT", f"{API}/messages/{message_id}", json={"unread": False})',
        'httpx.Request("GET", f"{API}/messages/{message_id}")',
    ).replace('data=body, method="POST"', "")
    assert '"PUT"' not in raw and "data=" not in raw
    root = _project(tmp_path, {"auth.py": _auth("['email.modify', 'contacts']"),
                               "raw.py": raw})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert sorted(f.code for f in result.findings) == ["NYS302", "NYS302"]
    [project] = result.states
    assert project.state is not None and list(project.state.unresolved) == []


def test_a_url_builder_given_a_path_no_route_has_keeps_the_finding(tmp_path: Path) -> None:
    raw = URL_BUILDER.replace('f"/messages/{message_id}"', '"/status"')
    assert "/messages" not in raw
    root = _project(tmp_path, {"auth.py": _auth("['email.modify']"), "inbox.py": INBOX,
                               "raw.py": raw})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS302"]


def test_a_wraps_decorator_does_not_hide_a_broader_scope(tmp_path: Path) -> None:
    # The same reads with the full calendar scope: it is more than the code needs.
    root = _project(tmp_path, {"auth.py": _auth("['calendar']"), "timed.py": WRAPS_DECORATOR})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS302"]


def test_a_view_hook_returning_data_keeps_the_broader_finding(tmp_path: Path) -> None:
    # get_object gives the serializer the event's fields only: nothing Nylas leaves.
    view = EVENT_DETAIL_VIEW.replace(
        'return client.events.get(self.kwargs["pk"])',
        'event = client.events.get(self.kwargs["pk"])\n'
        '        return {"id": event.id, "title": event.title}')
    assert "return {" in view
    root = _project(tmp_path, {"auth.py": _auth("['calendar']"),
                               "serializers.py": EVENT_SERIALIZER, "views.py": view})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS302"]


_ASYNC_WRITES = {
    "__aiter__": ("message.starred = True\n        message.save()", "print(message)"),
    "__anext__": ("thread.unread = False\n        thread.save()", "print(thread)"),
}


@pytest.mark.parametrize("protocol", _ASYNC_WRITES)
def test_each_async_protocol_alone_is_followed(tmp_path: Path, protocol: str) -> None:
    pager = ASYNC_PAGER
    for other, (write, read) in _ASYNC_WRITES.items():
        if other != protocol:
            pager = pager.replace(write, read)
    assert pager.count("save()") == 1
    root = _project(tmp_path, {"auth.py": _auth("['email.modify']"), "pager.py": pager})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.findings == []
    [project] = result.states
    assert project.inference is not None and project.inference.scopes == ["email.modify"]


def test_an_async_pager_only_read_keeps_the_broader_finding(tmp_path: Path) -> None:
    pager = ASYNC_PAGER
    for write, read in _ASYNC_WRITES.values():
        pager = pager.replace(write, read)
    assert "save()" not in pager
    root = _project(tmp_path, {"auth.py": _auth("['email.modify']"), "pager.py": pager})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS302"]


def test_a_get_bound_to_a_name_keeps_the_broader_finding(tmp_path: Path) -> None:
    raw = ALIASED_REQUEST.replace("send = requests.put", "send = requests.get").replace(
        ', json={"unread": False}', "")
    assert "requests.get" in raw and "json=" not in raw
    root = _project(tmp_path, {"auth.py": _auth("['email.modify']"), "raw.py": raw})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS302"]
    [project] = result.states
    assert project.state is not None and list(project.state.unresolved) == []


def test_a_picked_request_to_another_host_keeps_the_broader_finding(tmp_path: Path) -> None:
    raw = PICKED_REQUEST.replace('f"{API}/messages/{message_id}"',
                                 '"https://hooks.example.com/notify"')
    assert "{API}" not in raw
    root = _project(tmp_path, {"auth.py": _auth("['email.modify']"), "inbox.py": INBOX,
                               "raw.py": raw})
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert [f.code for f in result.findings] == ["NYS302"]
