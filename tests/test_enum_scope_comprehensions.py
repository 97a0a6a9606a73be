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
from enum import Enum, StrEnum

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
    ("[s.value for s in Scope]", "str, Enum", "\n\nScope = os.environ['SCOPE_CLASS']"),
], ids=["members-are-no-strings", "unread-member", "method", "private-name",
        "filtered", "names", "bound-again"])
def test_another_comprehension_over_an_enum_stays_unresolved(
        tmp_path: Path, scopes: str, bases: str, more: str) -> None:
    found = _codes(tmp_path, scopes, bases, more)
    assert any(code == "NYS304" for _, code in found), found
    assert [code for _, code in found if code in ("NYS302", "NYS303", "NYS405")] == [], found


@pytest.mark.parametrize(("scopes", "bases"), [
    ("list(Scope)", "str, Enum"),
    ("[*Scope]", "str, Enum"),
    ("tuple(Scope)", "str, Enum"),
    ("list(Scope)", "StrEnum"),
], ids=["list", "starred", "tuple", "str-enum"])
def test_a_string_enum_made_a_list_is_read(tmp_path: Path, scopes: str, bases: str) -> None:
    # Iterating a str class gives its members, each the string written: CALENDAR is
    # needed by no call.  Before, the request was unresolved.
    assert _codes(tmp_path, scopes, bases) == [(_CALENDAR_LINE, "NYS303")]


@pytest.mark.parametrize(("scopes", "bases", "more"), [
    ("list(Scope)", "Enum", ""),
    ("[*Scope]", "Enum", ""),
    ("list(Scope)", "str, Enum", '    EXTRA = os.environ["EXTRA_SCOPE"]'),
    ("tuple(Scope)", "str, Enum", "\n\nScope = os.environ['SCOPE_CLASS']"),
], ids=["list-of-a-plain-enum", "starred-plain-enum", "unread-member", "bound-again"])
def test_another_enum_made_a_list_stays_unresolved(
        tmp_path: Path, scopes: str, bases: str, more: str) -> None:
    # A plain Enum's members are no strings: not a list of scopes.
    found = _codes(tmp_path, scopes, bases, more)
    assert any(code == "NYS304" for _, code in found), found
    assert [code for _, code in found if code in ("NYS302", "NYS303", "NYS405")] == [], found


_SCOPES_MODULE = '''from enum import Enum


class Scope(str, Enum):
    MAIL = "https://www.googleapis.com/auth/gmail.readonly"
    CALENDAR = "https://www.googleapis.com/auth/calendar"


SCOPES = {scopes}
'''
_IMPORTING_APP = '''import os

from nylas import Client

from app.scopes import SCOPES

nylas = Client(os.environ["NYLAS_API_KEY"])


def login():
    return nylas.auth.url_for_oauth2({
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": SCOPES,
    })


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''


def _project_codes(tmp_path: Path, scopes: str, more: str = "") -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "scopes.py").write_text(_SCOPES_MODULE.format(scopes=scopes))
    (package / "main.py").write_text(_IMPORTING_APP + more)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


@pytest.mark.parametrize("scopes", ["[s.value for s in Scope]", "{s for s in Scope}"])
def test_a_module_constant_made_by_a_comprehension_is_read_where_it_is_imported(
        tmp_path: Path, scopes: str) -> None:
    # The constant is the enum's members, CALENDAR (line 6) among them, and no
    # call needs it; before, the importing module's request was unresolved.
    assert _project_codes(tmp_path, scopes) == [("scopes.py", 6, "NYS303")]


@pytest.mark.parametrize(("scopes", "more"), [
    ("[s.name for s in Scope]", ""),
    ("[s.value for s in Scope if s is not Scope.MAIL]", ""),
    ("[s.value for s in Scope]", "\nSCOPES.append(os.environ['EXTRA_SCOPE'])\n"),
], ids=["names", "filtered", "appended-to-by-the-importer"])
def test_a_module_constant_made_by_another_comprehension_stays_unresolved(
        tmp_path: Path, scopes: str, more: str) -> None:
    found = _project_codes(tmp_path, scopes, more)
    assert ("main.py", 11, "NYS304") in found, found
    assert [code for _, _, code in found if code in ("NYS302", "NYS303", "NYS405")] == [], found


_ENUM_MODULE = '''import os
from enum import Enum, StrEnum


class Scope({bases}):
    MAIL = "https://www.googleapis.com/auth/gmail.readonly"
    CALENDAR = "https://www.googleapis.com/auth/calendar"
{more}
'''
_ENUM_IMPORTER = '''import os

from nylas import Client

from app.scopes import Scope

nylas = Client(os.environ["NYLAS_API_KEY"])


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": {scopes},
    }})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''


def _imported_enum_codes(tmp_path: Path, scopes: str, bases: str = "str, Enum",
                         more: str = "") -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "scopes.py").write_text(_ENUM_MODULE.format(bases=bases, more=more))
    (package / "main.py").write_text(_ENUM_IMPORTER.format(scopes=scopes))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


@pytest.mark.parametrize(("scopes", "bases"), [
    ("[s.value for s in Scope]", "str, Enum"),
    ("{s for s in Scope}", "str, Enum"),
    ("[s for s in Scope]", "StrEnum"),
    ("[s.value for s in Scope]", "Enum"),
], ids=["values", "str-members-set", "str-enum-members", "values-of-a-plain-enum"])
def test_a_comprehension_over_an_imported_string_enum_is_read(
        tmp_path: Path, scopes: str, bases: str) -> None:
    # The members are the request: CALENDAR (line 7 of the enum's module) is needed by
    # no call.  Before, the importing module's request was unresolved.
    assert _imported_enum_codes(tmp_path, scopes, bases) == [("scopes.py", 7, "NYS303")]


@pytest.mark.parametrize(("scopes", "bases", "more"), [
    ("[s for s in Scope]", "Enum", ""),
    ("[s.value for s in Scope]", "str, Enum", '    EXTRA = os.environ["EXTRA_SCOPE"]'),
    ("[s.value for s in Scope]", "str, Enum", "    _ignore_ = ['OTHER']"),
    ("[s.value for s in Scope if s is not Scope.MAIL]", "str, Enum", ""),
    ("[s.name for s in Scope]", "str, Enum", ""),
    ("[s.value for s in Scope]", "str, Enum", "\n\nScope = os.environ['SCOPE_CLASS']"),
], ids=["members-are-no-strings", "unread-member", "private-name", "filtered", "names",
        "bound-again"])
def test_another_comprehension_over_an_imported_enum_stays_unresolved(
        tmp_path: Path, scopes: str, bases: str, more: str) -> None:
    found = _imported_enum_codes(tmp_path, scopes, bases, more)
    assert ("main.py", 11, "NYS304") in found, found
    assert [code for _, _, code in found if code in ("NYS302", "NYS303", "NYS405")] == [], found


_V2_ENUM_MODULE = '''from enum import Enum


class Scope(str, Enum):
    READ = "email.read_only"
    CALENDAR = "calendar"
'''
_V2_IMPORTER = '''import os

from nylas import APIClient

from app.scopes import Scope

nylas = APIClient(os.environ["NYLAS_ID"], os.environ["NYLAS_SECRET"])


def login():
    return nylas.authentication_url("https://a.example/cb", scopes={scopes})


def inbox():
    return nylas.messages.all()
'''


@pytest.mark.parametrize(("scopes", "expected"), [
    # CALENDAR (line 6) is needed by no call; before, line 11 was unresolved.
    ("[s.value for s in Scope]", [("scopes.py", 6, "NYS303")]),
    ("[s.value for s in Scope if s.value != 'calendar']", [("main.py", 11, "NYS304")]),
], ids=["read", "filtered"])
def test_a_v2_request_over_an_imported_enum(
        tmp_path: Path, scopes: str, expected: list[tuple[str, int, str]]) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "scopes.py").write_text(_V2_ENUM_MODULE)
    (package / "main.py").write_text(_V2_IMPORTER.format(scopes=scopes))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert sorted((Path(f.span.path).name, f.span.line, f.code)
                  for f in result.findings) == expected
