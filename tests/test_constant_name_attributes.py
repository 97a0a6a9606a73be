"""A class-held scope list changed through a constant-name ``getattr(x, "scopes")``,
``operator.attrgetter("scopes")(x)`` or ``setattr(x, "scopes", v)`` is changed as
through ``x.scopes``: the request reading the list stays unresolved (NYS304), never
reports a scope the change may add as unused.  Reads through them keep the exact
reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from tool_runs import analyse_package

PROVIDERS = '''G = "https://www.googleapis.com/auth/"


class Google:
    scopes = [G + "gmail.readonly", G + "contacts.readonly"]
'''

VIEWS = '''import os

from nylas import Client

from app.providers import Google

nylas = Client(os.environ["NYLAS_API_KEY"])


def login():
    return nylas.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": READ})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''

CALENDAR = '"https://www.googleapis.com/auth/calendar"'
SETUP_HEAD = "import operator\nfrom operator import attrgetter\n\nfrom app.providers import Google\n\n\n"


def _findings(root: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    result = analyse_package(root, files)
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


def _files(read: str, setup: str = "", own: str = "") -> dict[str, str]:
    files = {"app/providers.py": PROVIDERS + own,
             "app/views.py": VIEWS.replace("READ", read)}
    if setup:
        files["app/setup.py"] = SETUP_HEAD + setup
    return files


# Each changes the class's list (or binds the attribute again) through a name the
# code writes as a string constant.  None of them hands ``Google`` itself to code
# the analysis does not follow, except where the function takes it as an argument.
CHANGES = {
    "getattr on a parameter": f'def enable(p):\n    getattr(p, "scopes").append({CALENDAR})\n',
    "getattr with a default": (
        f'def enable(p):\n    getattr(p, "scopes", []).append({CALENDAR})\n'),
    "getattr on an instance": f'getattr(Google(), "scopes").append({CALENDAR})\n',
    "getattr of an instance in a local": (
        f'def enable():\n    g = Google()\n    getattr(g, "scopes").extend([{CALENDAR}])\n'),
    "getattr item store": f'def enable(p):\n    getattr(p, "scopes")[0] = {CALENDAR}\n',
    "getattr bound to a local": (
        f'def enable(p):\n    held = getattr(p, "scopes")\n    held += [{CALENDAR}]\n'),
    "getattr handed on": 'def enable(p):\n    register(getattr(p, "scopes"))\n',
    "getattr of the method": (
        f'def enable(p):\n    getattr(p.scopes, "append")({CALENDAR})\n'),
    "getattr of the method of a getattr": (
        f'def enable(p):\n    getattr(getattr(p, "scopes"), "append")({CALENDAR})\n'),
    "attrgetter": (
        f'def enable(p):\n    operator.attrgetter("scopes")(p).append({CALENDAR})\n'),
    "attrgetter imported": f'def enable(p):\n    attrgetter("scopes")(p).append({CALENDAR})\n',
    "attrgetter held by a name": (
        f'SCOPES_OF = attrgetter("scopes")\n\n\ndef enable(p):\n'
        f'    SCOPES_OF(p).append({CALENDAR})\n'),
    "attrgetter of the method": (
        f'def enable(p):\n    attrgetter("scopes.append")(p)({CALENDAR})\n'),
    "setattr on a parameter": f'def enable(p):\n    setattr(p, "scopes", [{CALENDAR}])\n',
    "setattr on the class": f'setattr(Google, "scopes", [{CALENDAR}])\n',
    "setattr in a lambda": f'HOOKS = [lambda p: setattr(p, "scopes", [{CALENDAR}])]\n',
    "setattr returned": f'def enable(p):\n    return setattr(p, "scopes", [{CALENDAR}])\n',
    "getattr on the class": f'getattr(Google, "scopes").append({CALENDAR})\n',
    "handed the class it changes": (
        f'def enable(p):\n    getattr(p, "scopes").append({CALENDAR})\n\n\nenable(Google)\n'),
}


@pytest.mark.parametrize("read", ["Google().scopes", "Google.scopes"])
@pytest.mark.parametrize("setup", CHANGES.values(), ids=list(CHANGES))
def test_a_change_through_a_constant_name_leaves_the_list_unresolved(
        tmp_path: Path, setup: str, read: str) -> None:
    found = _findings(tmp_path, _files(read, setup=setup))
    # Before, the list was read as written: contacts.readonly unused (NYS303).
    assert [code for _, _, code in found] == ["NYS304"], found
    assert found[0][:2] == ("views.py", 11), found


@pytest.mark.parametrize("change", [
    f'\n\ndef enable(p):\n    getattr(p, "scopes").append({CALENDAR})\n',
    f'\n\ngetattr(Google(), "scopes").append({CALENDAR})\n',
    f'\n\nimport operator\n\noperator.attrgetter("scopes")(Google()).append({CALENDAR})\n',
], ids=["getattr on a parameter", "getattr on an instance", "attrgetter on an instance"])
def test_a_change_in_the_module_of_the_class_leaves_the_list_unresolved(
        tmp_path: Path, change: str) -> None:
    found = _findings(tmp_path, _files("Google().scopes", own=change))
    assert [code for _, _, code in found] == ["NYS304"], found


# Controls: reads by a constant name, and changes of another attribute, keep the
# exact reading: contacts.readonly unused where the class writes it (line 5).
READS = {
    "printed": 'def show(p):\n    print(getattr(p, "scopes"))\n',
    "measured": 'def count():\n    return len(getattr(Google, "scopes"))\n',
    "tested": 'def has(p):\n    return "x" in getattr(p, "scopes")\n',
    "attrgetter printed": 'def show(p):\n    print(operator.attrgetter("scopes")(p))\n',
    "another attribute changed": 'def rename(p):\n    getattr(p, "name").append("x")\n',
    "another attribute set": 'def rename(p):\n    setattr(p, "name", "google")\n',
    "another attribute set in a lambda": 'HOOKS = [lambda p: setattr(p, "name", "google")]\n',
}


@pytest.mark.parametrize("setup", READS.values(), ids=list(READS))
def test_a_read_through_a_constant_name_keeps_the_exact_reading(
        tmp_path: Path, setup: str) -> None:
    found = _findings(tmp_path, _files("Google().scopes", setup=setup))
    assert found == [("providers.py", 5, "NYS303")], found


def test_a_dynamic_name_is_left_as_it_is(tmp_path: Path) -> None:
    # ``setattr(obj, key, value)`` over a dict's items, as a generic update loop
    # writes it, may name ``scopes``.  Taking every class-held list as changed
    # wherever a project has such a loop silences exact readings in most apps (a
    # serializer's ``getattr(obj, field)`` too), so the list is still read as
    # written: this documents today's verdict, not a proof that it is safe.
    setup = ("def update(obj, data):\n    for key, value in data.items():\n"
             "        setattr(obj, key, value)\n\n\n"
             "def serialize(obj, fields):\n    return {f: getattr(obj, f) for f in fields}\n")
    found = _findings(tmp_path, _files("Google().scopes", setup=setup))
    assert found == [("providers.py", 5, "NYS303")], found


SELF_APP = '''
from nylas import Client

nylas = Client("key")


class Auth:
    SCOPES = ["Mail.Read", "Calendars.Read"]

    def url(self):
        return nylas.auth.url_for_oauth2({
            "client_id": "c", "redirect_uri": "https://a.example/cb",
            "provider": "microsoft", "scope": self.SCOPES})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''


@pytest.mark.parametrize(("more", "codes"), [
    ("def widen(auth):\n    getattr(auth, 'SCOPES').append('Mail.Send')\n", ["NYS304"]),
    ("import operator\n\n\ndef widen(auth):\n"
     "    operator.attrgetter('SCOPES')(auth).append('Mail.Send')\n", ["NYS304"]),
    ("def widen(auth):\n    getattr(auth.SCOPES, 'append')('Mail.Send')\n", ["NYS304"]),
    ("def show(auth):\n    print(getattr(auth, 'SCOPES'))\n", ["NYS303"]),
], ids=["getattr", "attrgetter", "getattr of the method", "control: a read"])
def test_a_class_list_read_through_self_changed_by_a_constant_name(
        tmp_path: Path, more: str, codes: list[str]) -> None:
    found = _findings(tmp_path, {"app/auth.py": SELF_APP, "app/more.py": more})
    assert sorted({code for _, _, code in found}) == codes, found
