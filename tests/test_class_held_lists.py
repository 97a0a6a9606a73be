"""A module's scope list bound as it is in a provider class's body (``class Google:
scopes = SCOPES``, also ``scopes = settings.GOOGLE_SCOPES``) is read as that list
through the class and its instances, while no code may change the list or the
class attribute; otherwise the request stays unresolved (NYS304)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tool_runs import analyse_package

HEADER = '''
from nylas import APIClient

client = APIClient("id", "secret")


def inbox(token):
    return [m.subject for m in APIClient("id", "secret", token).messages.all()]

'''

HELD = '''
SCOPES = ["email.read_only", "contacts"]


class Google:
    scopes = SCOPES
'''

LOGIN = '''

def login():
    return client.authentication_url("https://a.example/cb", scopes=Google().scopes)
'''

SETTINGS = 'GOOGLE_SCOPES = ["email.read_only", "contacts"]\n'


def _findings(root: Path, files: dict[str, str]) -> list[tuple[str, int, str, str]]:
    result = analyse_package(root, files)
    return sorted((Path(f.span.path).name, f.span.line, f.code, f.message)
                  for f in result.findings)


def _codes(found: list[tuple[str, int, str, str]]) -> set[str]:
    return {code for _, _, code, _ in found}


@pytest.mark.parametrize("read", ["Google().scopes", "Google.scopes"])
def test_a_module_list_held_by_a_class_is_read_as_that_list(tmp_path: Path, read: str) -> None:
    views = HEADER + HELD + LOGIN.replace("Google().scopes", read)
    found = _findings(tmp_path, {"app/views.py": views})
    # The unused scope is reported where the list writes it.
    assert [(name, at, code) for name, at, code, _ in found] == [
        ("views.py", 11, "NYS303")], found
    assert "'contacts'" in found[0][3], found


@pytest.mark.parametrize("held", [
    "from app.settings import GOOGLE_SCOPES\n\n\nclass Google:\n    scopes = GOOGLE_SCOPES\n",
    "from app import settings\n\n\nclass Google:\n    scopes = settings.GOOGLE_SCOPES\n",
], ids=["imported-name", "module-attribute"])
def test_another_module_s_list_held_by_a_class_is_read_from_there(
        tmp_path: Path, held: str) -> None:
    found = _findings(tmp_path, {"app/settings.py": SETTINGS,
                                 "app/views.py": HEADER + held + LOGIN})
    assert [(name, at, code) for name, at, code, _ in found] == [
        ("settings.py", 1, "NYS303")], found


def test_a_list_held_by_a_class_and_read_by_name_too_is_judged_for_both(
        tmp_path: Path) -> None:
    views = HEADER + HELD + LOGIN + '''

def login_again():
    return client.authentication_url("https://a.example/cb", scopes=SCOPES)
'''
    found = _findings(tmp_path, {"app/views.py": views})
    assert [(name, code) for name, _, code, _ in found] == [("views.py", "NYS303")], found


UNRESOLVED = {
    "the list changed after": ({}, HELD + '\n\ndef widen():\n    SCOPES.append("calendar")\n'),
    "the list handed to other code": ({}, HELD + "\n\nenable(SCOPES)\n"),
    "the class attribute changed": (
        {"app/other.py": 'from app.views import Google\n\nGoogle.scopes.append("calendar")\n'},
        HELD),
    "the attribute changed on any instance": (
        {"app/other.py": 'def widen(provider):\n    provider.scopes.append("calendar")\n'},
        HELD),
    "the attribute handed to other code": (
        {"app/other.py": "def widen(provider):\n    enable(provider.scopes)\n"}, HELD),
    "a method changing self.scopes": ({}, HELD + (
        '\n    def widen(self):\n        self.scopes.append("calendar")\n')),
    "the class handed to other code": (
        {"app/other.py": "from app.views import Google\n\nenable(Google)\n"}, HELD),
    "a class decorator": ({}, HELD.replace("class Google", "@register\nclass Google")),
    "a base from a library": ({}, "import library\n" + HELD.replace(
        "class Google:", "class Google(library.Provider):")),
    "a metaclass": ({}, HELD.replace("class Google:", "class Google(metaclass=Meta):")),
}


@pytest.mark.parametrize(("more", "classes"), UNRESOLVED.values(), ids=list(UNRESOLVED))
def test_a_held_list_that_code_may_change_stays_unresolved(
        tmp_path: Path, more: dict[str, str], classes: str) -> None:
    found = _findings(tmp_path, {**more, "app/views.py": HEADER + classes + LOGIN})
    assert not _codes(found) & {"NYS301", "NYS302", "NYS303"}, found
    assert "NYS304" in _codes(found), found


def test_another_module_s_held_list_changed_there_stays_unresolved(tmp_path: Path) -> None:
    held = "from app.settings import GOOGLE_SCOPES\n\n\nclass Google:\n    scopes = GOOGLE_SCOPES\n"
    found = _findings(tmp_path, {
        "app/settings.py": SETTINGS + '\n\ndef widen():\n    GOOGLE_SCOPES.append("calendar")\n',
        "app/views.py": HEADER + held + LOGIN})
    assert not _codes(found) & {"NYS301", "NYS302", "NYS303"}, found
    assert "NYS304" in _codes(found), found


# API v3: a provider class's own list, and a function of another module that gives
# back an attribute of its parameter (or the parameter itself) to a caller.
G = "https://www.googleapis.com/auth/"
PROVIDER = f'class Google:\n    scopes = ["{G}gmail.readonly"]\n'
V3_VIEWS = '''import os

from nylas import Client

from app.providers import Google

nylas = Client(os.environ["NYLAS_API_KEY"])


def login():
    return nylas.auth.url_for_oauth2({"client_id": "c", "redirect_uri": "https://a.example/cb",
                                      "provider": "google", "scope": Google.scopes})


def events(grant_id):
    return nylas.events.list(grant_id, query_params={"calendar_id": "primary"})
'''
_ATTRIBUTE_OF = "def scopes_of(p):\n    return p.scopes\n"
_CALENDAR = f'"{G}calendar"'
RESULT_CHANGED = {
    "the attribute returned": (
        _ATTRIBUTE_OF, f"scopes_of(Google).append({_CALENDAR})\n"),
    "the attribute returned through a local": (
        "def scopes_of(p):\n    held = p.scopes\n    return held\n",
        f"scopes_of(Google).append({_CALENDAR})\n"),
    "an instance's attribute returned, the result held": (
        _ATTRIBUTE_OF,
        f"def setup():\n    held = scopes_of(Google())\n    held += [{_CALENDAR}]\n"),
    "the parameter returned": (
        "def scopes_of(p):\n    return p\n", f"scopes_of(Google).scopes.append({_CALENDAR})\n"),
    "the list returned as it was given": (
        "def scopes_of(p):\n    return p\n", f"scopes_of(Google.scopes).append({_CALENDAR})\n"),
}


def _v3_findings(root: Path, util: str, setup: str) -> list[tuple[str, int, str, str]]:
    files = {"app/providers.py": PROVIDER, "app/util.py": util, "app/views.py": V3_VIEWS}
    if setup:
        files["app/setup.py"] = ("from app.providers import Google\n"
                                 "from app.util import scopes_of\n\n" + setup)
    return _findings(root, files)


@pytest.mark.parametrize(("util", "setup"), RESULT_CHANGED.values(), ids=list(RESULT_CHANGED))
def test_a_class_list_a_function_gives_back_to_code_that_changes_it_stays_unresolved(
        tmp_path: Path, util: str, setup: str) -> None:
    # The calendar scope the setup adds is what the events call needs: neither it
    # missing nor the mail scope unused may be said.
    found = _v3_findings(tmp_path, util, setup)
    assert [(name, code) for name, _, code, _ in found] == [("views.py", "NYS304")], found


def test_a_class_list_no_code_changes_is_read_exactly(tmp_path: Path) -> None:
    found = _v3_findings(tmp_path, _ATTRIBUTE_OF, "")
    # Read as written: the events call lacks the calendar scope, no call reads mail.
    assert [(name, code) for name, _, code, _ in found] == [
        ("providers.py", "NYS303"), ("views.py", "NYS301")], found
    assert f"{G}calendar" in found[1][3], found


def test_a_class_list_a_function_of_its_module_gives_back_only_to_be_read_stays_exact(
        tmp_path: Path) -> None:
    providers = PROVIDER + "\n\n" + _ATTRIBUTE_OF + "\n\nprint(scopes_of(Google()))\n"
    found = _findings(tmp_path, {"app/providers.py": providers, "app/views.py": V3_VIEWS})
    assert [(name, code) for name, _, code, _ in found] == [
        ("providers.py", "NYS303"), ("views.py", "NYS301")], found
