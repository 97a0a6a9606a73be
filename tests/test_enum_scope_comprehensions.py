"""A scope list written as a comprehension over a ``str`` ``Enum`` of the module
(``[s.value for s in Scope]``) is read as its members' strings, in order, where the
class body says every member for certain; any other class stays unread (NYS304)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_APP = '''
import os
from enum import Enum

from nylas import Client


class Scope({bases}):
    MAIL = "https://www.googleapis.com/auth/gmail.readonly"
    CALENDAR = "https://www.googleapis.com/auth/calendar"
{more}

nylas = Client(os.environ["NYLAS_API_KEY"])


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": {scopes},
    }})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''
_CALENDAR_LINE = 10


def _codes(tmp_path: Path, scopes: str, bases: str = "str, Enum",
           more: str = "") -> list[tuple[int, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "main.py").write_text(_APP.format(scopes=scopes, bases=bases, more=more))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code) for f in result.findings)


@pytest.mark.parametrize(("scopes", "bases"), [
    ("[s.value for s in Scope]", "str, Enum"),
    ("[s for s in Scope]", "str, Enum"),
    ("list(s.value for s in Scope)", "Enum"),
    ("{s.value for s in Scope}", "str, Enum"),
], ids=["values", "str-members", "generator", "set"])
def test_a_comprehension_over_a_string_enum_is_read(
        tmp_path: Path, scopes: str, bases: str) -> None:
    assert _codes(tmp_path, scopes, bases) == [(_CALENDAR_LINE, "NYS303")]


@pytest.mark.parametrize(("scopes", "bases", "more"), [
    ("[s for s in Scope]", "Enum", ""),
    ("[s.value for s in Scope]", "str, Enum", '    EXTRA = os.environ["EXTRA_SCOPE"]'),
    ("[s.value for s in Scope]", "str, Enum",
     "    @classmethod\n    def _missing_(cls, value):\n        return cls.MAIL"),
    ("[s.value for s in Scope]", "str, Enum", "    _ignore_ = ['OTHER']"),
    ("[s.value for s in Scope if s is not Scope.MAIL]", "str, Enum", ""),
    ("[s.name for s in Scope]", "str, Enum", ""),
], ids=["members-are-no-strings", "unread-member", "method", "private-name",
        "filtered", "names"])
def test_another_comprehension_over_an_enum_stays_unresolved(
        tmp_path: Path, scopes: str, bases: str, more: str) -> None:
    found = _codes(tmp_path, scopes, bases, more)
    assert any(code == "NYS304" for _, code in found), found
    assert [code for _, code in found if code in ("NYS302", "NYS303", "NYS405")] == [], found
