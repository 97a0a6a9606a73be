"""A scope list joined with ``+`` from another module's list, read through the module
(``settings.SCOPES + [...]``), is read as ``[*settings.SCOPES, ...]`` is: the project
index reads the other module's list; a name that module does not bind stays unread."""

from __future__ import annotations

from pathlib import Path

from fake_apps import V2_PYPROJECT, app_findings


SETTINGS = """\
EXTRA = ["email.send"]
SCOPES = ["email.read_only", "email.send"]
"""

AUTH = """\
from nylas import APIClient

from app import settings

api = APIClient("id", "secret")


def login_url():
    return api.authentication_url("https://a/cb", scopes={scopes})


def inbox():
    return api.messages.all()
"""


def _found(tmp_path: Path, scopes: str) -> list[tuple[str, int, str]]:
    auth = AUTH.format(scopes=scopes) + "\n\nconfig = object()\n"
    return app_findings(tmp_path, {"app/auth.py": auth,
                                   "app/settings.py": SETTINGS}, V2_PYPROJECT)


def _codes(found: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    return [(file, line, said.split(" ", 1)[0]) for file, line, said in found]


def test_a_module_list_added_after_a_literal_is_read(tmp_path: Path) -> None:
    found = _found(tmp_path, '["email.read_only"] + settings.EXTRA')
    # Only messages are read: the send scope the other module's list adds is unused.
    assert _codes(found) == [("settings.py", 1, "NYS303")]
    assert "'email.send'" in found[0][2]


def test_a_module_list_added_before_a_literal_is_read(tmp_path: Path) -> None:
    found = _found(tmp_path, 'settings.SCOPES + ["email.modify"]')
    assert _codes(found) == [("auth.py", 9, "NYS302"), ("settings.py", 2, "NYS104"),
                             ("settings.py", 2, "NYS303")]


def test_a_name_the_other_module_does_not_bind_stays_unread(tmp_path: Path) -> None:
    # Control: nothing is judged when part of the list cannot be read.
    found = _found(tmp_path, 'settings.MISSING + ["email.read_only"]')
    # (Each finding is its code, then its message, which starts with the code too.)
    assert [(file, line, said.split(" ", 1)[1]) for file, line, said in found] == [
        ("auth.py", 9, "NYS304 cannot read every item of the scopes: app.settings.MISSING;"
         " usage rules stay silent for the scopes it could touch")]


def test_an_object_attribute_added_stays_unread(tmp_path: Path) -> None:
    # Control: ``config`` is an object of the module, not a module; its attribute is
    # not another module's list.
    found = _found(tmp_path, 'config.SCOPES + ["email.read_only"]')
    assert _codes(found) == [("auth.py", 9, "NYS304")]
