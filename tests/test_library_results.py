"""What a library gives back when it is handed the project's classes or objects.

``get_object_or_404(Box, pk=pk)`` is a ``Box``: the project's methods called on it are
followed as the project's.  Handed an instance, a library may give anything (a copy,
a query of another model filtered by it): the analysis cannot tell, and says so
rather than take the result for the library's own object.  A library handed nothing
of the project's gives its own objects, as before.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

AUTH = """\
from nylas import APIClient


def login():
    return APIClient("id", "secret").authentication_url(
        "https://a/cb", scopes=["email.read_only", "email.send"])
"""

MODELS = """\
from django.db import models
from nylas import APIClient


class Box(models.Model):
    token = models.CharField(max_length=200)

    def client(self):
        return APIClient("id", "secret", self.token)

    def pending_drafts(self):
        return list(self.client().drafts.all())

    def inbox(self):
        return [m.subject for m in self.client().messages.all()]


class Note(models.Model):
    box = models.ForeignKey(Box, on_delete=models.CASCADE)
"""


def _codes(tmp_path: Path, views: str) -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(AUTH)
    (tmp_path / "models.py").write_text(MODELS)
    (tmp_path / "views.py").write_text(textwrap.dedent(views))
    result = analyse([str(tmp_path)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


UNUSED_SEND = [("auth.py", 6, "NYS303")]

# Handed the class, the library gives an instance of it (or a query of them).
_HANDED_THE_CLASS = {
    "django's get_object_or_404": """\
        from django.shortcuts import get_object_or_404
        from models import Box

        def flush(request, pk):
            for draft in get_object_or_404(Box, pk=pk).pending_drafts():
                draft.send()
    """,
    "django's get_list_or_404, iterated": """\
        from django.shortcuts import get_list_or_404
        from models import Box

        def flush(request):
            for box in get_list_or_404(Box, token="t"):
                for draft in box.pending_drafts():
                    draft.send()
    """,
    "a sqlalchemy session's get, kept in a local": """\
        from models import Box

        def flush(session, pk):
            box = session.get(Box, pk)
            for draft in box.pending_drafts():
                draft.send()
    """,
    "cattrs structuring a dict into the class": """\
        import cattrs
        from models import Box

        def flush(data):
            for draft in cattrs.structure(data, Box).pending_drafts():
                draft.send()
    """,
    "a foreign key to the class, on a row django gives": """\
        from django.shortcuts import get_object_or_404
        from models import Note

        def flush(request, pk):
            for draft in get_object_or_404(Note, pk=pk).box.pending_drafts():
                draft.send()
    """,
}


@pytest.mark.parametrize("views", _HANDED_THE_CLASS.values(), ids=_HANDED_THE_CLASS.keys())
def test_an_instance_of_the_class_handed_in_is_followed(tmp_path: Path, views: str) -> None:
    assert _codes(tmp_path, views) == []


# Handed an instance, a library may give another class's object (a query filtered
# by it): the result is the app's, and the analysis cannot tell which.  So is what
# the library's own members of its result give (a query's rows, a row's related
# rows), which the analysis does not follow.
_HANDED_AN_OBJECT = {
    "a query of the class, run by sqlalchemy's session": """\
        from sqlalchemy import select
        from flask_sqlalchemy import SQLAlchemy
        from models import Box

        db = SQLAlchemy()

        def flush():
            for box in db.session.scalars(select(Box).where(Box.token != "")):
                for draft in box.pending_drafts():
                    draft.send()
    """,
    "the first row of a sqlalchemy query": """\
        from flask_sqlalchemy import SQLAlchemy
        from models import Box

        db = SQLAlchemy()

        def flush(pk):
            for draft in db.session.query(Box).filter_by(id=pk).first().pending_drafts():
                draft.send()
    """,
    "a pydantic type adapter's validation": """\
        from pydantic import TypeAdapter
        from models import Box

        def flush(data):
            for draft in TypeAdapter(Box).validate_python(data).pending_drafts():
                draft.send()
    """,
    "a row's related rows, which the class does not declare": """\
        from django.shortcuts import get_object_or_404
        from models import Box

        def flush(request, pk):
            for draft in get_object_or_404(Box, pk=pk).note_set.first().pending_drafts():
                draft.send()
    """,
    "dataclasses.replace of an instance": """\
        import dataclasses
        from models import Box

        def flush(box: Box):
            for draft in dataclasses.replace(box, token="t").pending_drafts():
                draft.send()
    """,
    "a cache's get_or_set, given a row django gives": """\
        from django.core.cache import cache
        from django.shortcuts import get_object_or_404
        from models import Box

        def flush(request, pk):
            box = get_object_or_404(Box, pk=pk)
            for draft in cache.get_or_set(f"box:{pk}", box).pending_drafts():
                draft.send()
    """,
}


@pytest.mark.parametrize("views", _HANDED_AN_OBJECT.values(), ids=_HANDED_AN_OBJECT.keys())
def test_what_a_library_makes_of_an_object_is_unresolved(tmp_path: Path, views: str) -> None:
    found = _codes(tmp_path, views)
    assert UNUSED_SEND[0] not in found
    assert any(file == "views.py" and code == "NYS304" for file, _, code in found)


def test_a_library_handed_nothing_of_the_projects_gives_its_own_objects(
        tmp_path: Path) -> None:
    # (A dict has no ``pending_drafts``: the call is not the project's.)
    assert _codes(tmp_path, """\
        import json

        def flush(text):
            for draft in json.loads(text).pending_drafts():
                draft.send()
            return json.loads(text).get("x")
    """) == UNUSED_SEND


_READ_ONLY = {
    "a row django gives": """\
        from django.shortcuts import get_object_or_404
        from models import Box

        def show(request, pk):
            return get_object_or_404(Box, pk=pk).inbox()
    """,
    "the rows of a sqlalchemy query": """\
        from sqlalchemy import select

        from models import Box

        def show(session):
            return [box.inbox() for box in session.scalars(select(Box)).all()]
    """,
}


@pytest.mark.parametrize("views", _READ_ONLY.values(), ids=_READ_ONLY.keys())
def test_methods_of_the_class_handed_in_that_send_nothing_leave_the_scope_unused(
        tmp_path: Path, views: str) -> None:
    assert _codes(tmp_path, views) == UNUSED_SEND


# Handed a value the analysis cannot tell (a parameter only a framework fills), a
# library may give it back (a cache's ``get_or_set``, ``attrs.evolve``); handed a
# function of the project, it may call it and give back what it returns.  The
# project's methods called on the result may be the ones that send.
_HANDED_AN_UNKNOWN_VALUE = {
    "a cache's get_or_set": """\
        from django.core.cache import cache

        def flush(request, box):
            for draft in cache.get_or_set("k", box).pending_drafts():
                draft.send()
    """,
    "a cache's get_or_set, given a function that loads the row": """\
        from django.core.cache import cache
        from django.shortcuts import get_object_or_404
        from models import Box

        def load_box():
            return get_object_or_404(Box, pk=1)

        def flush(request):
            for draft in cache.get_or_set("k", load_box).pending_drafts():
                draft.send()
    """,
    "a cache's get_or_set, given a function for the key": """\
        from django.core.cache import cache

        def make_key():
            return "k"

        def flush(request, box):
            for draft in cache.get_or_set(make_key, box).pending_drafts():
                draft.send()
    """,
    "attrs.evolve": """\
        import attrs

        def flush(box):
            for draft in attrs.evolve(box, token="t").pending_drafts():
                draft.send()
    """,
}


@pytest.mark.parametrize("views", _HANDED_AN_UNKNOWN_VALUE.values(),
                         ids=_HANDED_AN_UNKNOWN_VALUE.keys())
def test_what_a_library_gives_back_of_an_unknown_value_is_unresolved(
        tmp_path: Path, views: str) -> None:
    found = _codes(tmp_path, views)
    assert UNUSED_SEND[0] not in found
    assert any(file == "views.py" and code == "NYS304" for file, _, code in found)


def test_a_method_of_the_unknown_value_given_back_that_sends_nothing_is_no_use(
        tmp_path: Path) -> None:
    assert _codes(tmp_path, """\
        from django.core.cache import cache

        def show(request, box):
            return cache.get_or_set("k", box).inbox()
    """) == UNUSED_SEND


def test_what_a_parser_gives_is_data_even_where_the_project_has_a_method_of_that_name(
        tmp_path: Path) -> None:
    (tmp_path / "store.py").write_text(textwrap.dedent("""\
        from nylas import APIClient

        class Store:
            def get(self, key):
                return APIClient("id", "secret", key)
    """))
    assert _codes(tmp_path, """\
        import json

        def flush(text):
            for draft in json.loads(text).pending_drafts():
                draft.send()
            print(json.loads(text).get("x").lower())
    """) == UNUSED_SEND


def test_what_a_library_gives_of_an_unknown_value_is_unresolved_only_where_it_may_send(
        tmp_path: Path) -> None:
    # ``get`` of the project returns a list of drafts: a string method read on what
    # it may give sends nothing.
    (tmp_path / "store.py").write_text(textwrap.dedent("""\
        from nylas import APIClient

        class Store:
            def get(self, key):
                return list(APIClient("id", "secret", key).drafts.all())
    """))
    assert _codes(tmp_path, """\
        import requests

        def fetch(url):
            return requests.get(url).json().get("id").lower()
    """) == UNUSED_SEND


# Handed a Nylas object beside a value the analysis cannot tell, a library may still
# give the latter back: ``get_or_set`` gives ``box`` whatever the key is.
_BESIDE_A_NYLAS_OBJECT = """\
    from django.core.cache import cache
    from nylas import APIClient

    def flush(request, box):
        contact = APIClient("id", "secret").contacts.get("c")
        for draft in cache.get_or_set(contact, box).{method}():
            draft.send()
"""


def test_what_a_library_gives_back_beside_a_nylas_object_is_unresolved(
        tmp_path: Path) -> None:
    found = _codes(tmp_path, _BESIDE_A_NYLAS_OBJECT.format(method="pending_drafts"))
    assert UNUSED_SEND[0] not in found
    assert ("views.py", 7, "NYS304") in found


def test_a_method_that_sends_nothing_on_what_is_given_back_beside_a_nylas_object(
        tmp_path: Path) -> None:
    # ``inbox`` only reads messages: the draft loop is over what it returns, a list of
    # subjects, and ``email.send`` stays unused.
    found = _codes(tmp_path, _BESIDE_A_NYLAS_OBJECT.format(method="inbox"))
    assert UNUSED_SEND[0] in found
    assert ("views.py", 7, "NYS304") not in found
