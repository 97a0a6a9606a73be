"""A dataclass or attrs field whose default factory makes the client: the instance
attribute holds what the factory returns."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"

APP = f'''import os
import dataclasses
from dataclasses import dataclass, field

import attr
import attrs
import somelib
from nylas import Client

KEY = os.environ["NYLAS_KEY"]


def make_client():
    return Client(api_key=KEY)


def login():
    return Client(api_key=KEY).auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "r", "provider": "google",
        "scope": ["{G}gmail.readonly", "{G}contacts.readonly"]}})


@DECORATOR
class Service:
    nylas: Client = FIELD
INIT
    def inbox(self, grant):
        return self.nylas.messages.list(grant)
'''

READ = {
    "dataclass lambda": ("dataclass", "field(default_factory=lambda: Client(api_key=KEY))"),
    "dataclass function": ("dataclass", "field(default_factory=make_client)"),
    "qualified field": ("dataclasses.dataclass",
                        "dataclasses.field(default_factory=make_client)"),
    "attrs factory": ("attrs.define", "attrs.field(factory=lambda: Client(api_key=KEY))"),
    "attr.ib factory": ("attr.s", "attr.ib(factory=make_client)"),
    "attrs Factory default": ("attrs.define",
                              "attrs.field(default=attrs.Factory(make_client))"),
    "bare Factory": ("attrs.define", "attrs.Factory(lambda: Client(api_key=KEY))"),
}


def _findings(tmp_path: Path, decorator: str, made: str, init: str = ""
              ) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\n')
    (tmp_path / "app.py").write_text(APP.replace("DECORATOR", decorator).replace(
        "FIELD", made).replace("INIT", init))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((f.code, f.message) for f in result.findings)


@pytest.mark.parametrize(("decorator", "made"), READ.values(), ids=list(READ))
def test_a_field_made_by_a_factory_holds_what_it_returns(
        tmp_path: Path, decorator: str, made: str) -> None:
    # Before: NYS304 "a lambda returning Nylas objects is passed to field()" (or the
    # function), and the usage rules stayed silent; now the contacts scope, which no
    # call needs, is reported unused.
    found = _findings(tmp_path, decorator, made)
    assert [(code, f"'{G}contacts.readonly'" in message) for code, message in found] == [
        ("NYS303", True)], found


def test_a_factory_from_another_library_is_not_read(tmp_path: Path) -> None:
    # What ``somelib.make_client`` returns is not known; the annotation still says the
    # field holds a client, as before.
    found = _findings(tmp_path, "dataclass", "field(default_factory=somelib.make_client)")
    assert [(code, f"'{G}contacts.readonly'" in message) for code, message in found] == [
        ("NYS303", True)], found


@pytest.mark.parametrize("made", [
    "field(default_factory=lambda key=KEY: Client(api_key=key))",
    "attrs.Factory(lambda self: Client(api_key=KEY), takes_self=True)",
])
def test_a_factory_given_arguments_stays_unresolved(tmp_path: Path, made: str) -> None:
    found = _findings(tmp_path, "attrs.define", made)
    assert [code for code, _ in found] == ["NYS304"], found
    assert "lambda" in found[0][1]


def test_a_field_of_a_class_with_its_own_init_is_not_made_by_the_factory(
        tmp_path: Path) -> None:
    # A class's own ``__init__`` is kept by the decorator: the factory never runs, and
    # the lambda handed to ``field()`` stays unresolved.
    init = "\n    def __init__(self, nylas):\n        self.nylas = nylas\n"
    found = _findings(tmp_path, "dataclass",
                      "field(default_factory=lambda: Client(api_key=KEY))", init)
    assert [code for code, _ in found] == ["NYS304"], found


UNANNOTATED = f'''import attr
import somelib
from nylas import Client


def make_client():
    return Client(api_key="k")


def login():
    return make_client().auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "r", "provider": "google",
        "scope": ["{G}gmail.readonly", "{G}contacts.readonly"]}})


@attr.s
class Service:
    grant_id = attr.ib()
    nylas = FIELD

    def inbox(self):
        return self.nylas.messages.list(self.grant_id)


def run(grant_id):
    return Service(grant_id).inbox()
'''


def _unannotated(tmp_path: Path, made: str) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\n')
    (tmp_path / "app.py").write_text(UNANNOTATED.replace("FIELD", made))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((f.code, f.message) for f in result.findings)


@pytest.mark.parametrize("made", ["attr.ib(factory=make_client)",
                                  "attr.attrib(default=attr.Factory(make_client))"])
def test_an_unannotated_attrs_field_made_by_a_factory_holds_what_it_returns(
        tmp_path: Path, made: str) -> None:
    # ``@attr.s`` fields carry no annotation; before, the factory counted as handed
    # to attrs (NYS304) and the usage rules stayed silent.
    found = _unannotated(tmp_path, made)
    assert [(code, f"'{G}contacts.readonly'" in message) for code, message in found] == [
        ("NYS303", True)], found


def test_an_unannotated_attrs_field_from_another_librarys_factory_stays_unresolved(
        tmp_path: Path) -> None:
    # Nothing says what ``somelib.make`` returns, and no annotation says a client.
    found = _unannotated(tmp_path, "attr.ib(factory=somelib.make)")
    assert [code for code, _ in found] == ["NYS304"], found
    assert "self.nylas.messages.list()" in found[0][1]
