"""``self.SCOPES`` (or ``cls.SCOPES`` in a class method) in a method of the class
whose body binds it is the class's attribute, as ``Auth.SCOPES`` is, where no other
class of the project binds it too (a subclass binding its own list makes it one of
the lists, see test_subclass_scope_lists.py), no code writes an attribute
of that name and the class reads no attribute otherwise; elsewhere it stays
unresolved (NYS304)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

APP = '''
from typing import ClassVar

from nylas import Client

nylas = Client("key")


class Auth:
    SCOPES: ClassVar[list[str]] = ["Mail.Read", "Calendars.Read"]

    def url(self):
        return nylas.auth.url_for_oauth2({
            "client_id": "c", "redirect_uri": "https://a.example/cb",
            "provider": "microsoft", "scope": self.SCOPES})

    @classmethod
    def upgrade_url(cls):
        return nylas.auth.url_for_oauth2({
            "client_id": "c", "redirect_uri": "https://a.example/cb",
            "provider": "microsoft", "scope": cls.SCOPES})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''


def _codes(tmp_path: Path, app: str, more: str = "") -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(app)
    (tmp_path / "more.py").write_text(more)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.message) for f in result.findings)


def test_self_and_cls_read_the_class_attribute(tmp_path: Path) -> None:
    found = _codes(tmp_path, APP)
    assert found == [("NYS303", "NYS303 'Calendars.Read' is requested but no Nylas call in the "
                      "project needs it; remove it")], found


def test_a_plain_attribute_of_a_class_with_a_base_is_read(tmp_path: Path) -> None:
    app = APP.replace("class Auth:", "class Auth(object):").replace(
        "SCOPES: ClassVar[list[str]] =", "SCOPES =")
    assert [code for code, _ in _codes(tmp_path, app)] == ["NYS303"]


_SEND_SCOPES = "\n\nclass SendScopes:\n    SCOPES = ['Mail.Read', 'Mail.Send']\n"

UNREAD = {
    # (A subclass binding a list it reads: see test_subclass_scope_lists.py.)
    "a subclass binds it to a call": (APP, "from app import Auth\n\n\nclass Pro(Auth):\n"
                                      "    SCOPES = load_scopes()\n"),
    "code writes it": (APP, "def widen(auth):\n    auth.SCOPES = ['Mail.Send']\n"),
    "setattr writes it": (APP, "def widen(auth):\n    setattr(auth, 'SCOPES', [])\n"),
    "__init__ writes it": (APP.replace(
        "    def url(self):",
        "    def __init__(self, extra):\n        self.SCOPES = [*self.SCOPES, *extra]\n\n"
        "    def url(self):"), ""),
    "__getattr__": (APP.replace(
        "    def url(self):",
        "    def __getattr__(self, name):\n        return ['Mail.Send']\n\n    def url(self):"),
        ""),
    "a model's field": (APP.replace("class Auth:", "class Auth(BaseModel):").replace(
        "SCOPES: ClassVar[list[str]]", "SCOPES: list[str]").replace(
        "from nylas import", "from pydantic import BaseModel\nfrom nylas import"), ""),
    "a dataclass field": (APP.replace("class Auth:", "@dataclass\nclass Auth:").replace(
        'SCOPES: ClassVar[list[str]] = ["Mail.Read", "Calendars.Read"]',
        'SCOPES: tuple[str, ...] = ("Mail.Read", "Calendars.Read")').replace(
        "from nylas import", "from dataclasses import dataclass\nfrom nylas import"), ""),
    # Pro's order is Pro, SendScopes, Auth: Pro().url() reads SendScopes.SCOPES.
    "a class with no base comes before it": (
        APP + "\n\nclass SendScopes:\n    SCOPES = ['Mail.Read', 'Mail.Send']\n\n\n"
              "class Pro(SendScopes, Auth):\n    pass\n", ""),
    "a class with no base of another module comes before it": (
        APP, "import app\nimport mixins\n\n\nclass Pro(mixins.SendScopes, app.Auth):\n"
             "    pass\n\n\nclass SendScopes:\n    SCOPES = ['Mail.Send']\n"),
    # The class with no base is named under another name than its own.
    "a class with no base imported under another name comes before it": (
        APP + _SEND_SCOPES,
        "from app import Auth, SendScopes as Extra\n\n\nclass Pro(Extra, Auth):\n    pass\n"),
    "a class with no base bound to another name comes before it": (
        APP + _SEND_SCOPES + "\n\nExtra = SendScopes\n\n\nclass Pro(Extra, Auth):\n"
                             "    pass\n", ""),
}


@pytest.mark.parametrize("app, more", UNREAD.values(), ids=list(UNREAD))
def test_self_attribute_that_may_be_another_value_stays_unresolved(
        tmp_path: Path, app: str, more: str) -> None:
    found = _codes(tmp_path, app, more)
    assert [code for code, _ in found] == ["NYS304", "NYS304"], found


SAME_READING = {
    # Auth comes before its own base in every order: Defaults' list is never read.
    "a base of the class itself": (APP.replace("class Auth:", "class Defaults:\n"
                                               "    SCOPES = ['Mail.Send']\n\n\n"
                                               "class Auth(Defaults):"), ""),
    "a class with no base that no class names as a base": (
        APP, "class Other:\n    SCOPES = ['Mail.Send']\n"),
    # Named under another name, but by a class that does not derive from Auth.
    "a class with no base imported under another name by an unrelated class": (
        APP + _SEND_SCOPES,
        "from app import SendScopes as Extra\n\n\nclass Report(Extra):\n    pass\n"),
}


@pytest.mark.parametrize("app, more", SAME_READING.values(), ids=list(SAME_READING))
def test_another_class_with_no_base_leaves_the_reading_exact(
        tmp_path: Path, app: str, more: str) -> None:
    assert [code for code, _ in _codes(tmp_path, app, more)] == ["NYS303"]
