"""A scope list written as one string that the code splits (``"a b".split()``,
``"a,b".split(",")``) is the list Python makes; a string the analysis cannot read, or
a split it does not model, stays unresolved (NYS304)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config
from tool_runs import nylas_scopes

CALLS = '''
from nylas import APIClient


def inbox(token):
    api = APIClient("id", "secret", token)
    for message in api.messages.where(limit=5):
        print(message.subject)
'''

V3_APP = '''
from nylas import Client

nylas = Client("key")
SCOPES = {scopes}


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": SCOPES,
    }})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''


def _codes(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted(
        (Path(f.span.path).name, f.span.line, f.code, f.message) for f in result.findings
    )


def _auth(scopes: str, header: str = "") -> str:
    return f'''{header}
from nylas import APIClient

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://a.example/cb", scopes={scopes})
'''


SPLITS = {
    "whitespace": '"""email.read_only\n    email.send""".split()',
    "commas": '"email.read_only,email.send".split(",")',
    "joined again": '",".join("email.read_only email.send".split())',
}


@pytest.mark.parametrize("split", SPLITS.values(), ids=list(SPLITS))
def test_a_split_string_is_read_as_its_scopes(tmp_path: Path, split: str) -> None:
    found = _codes(tmp_path, {"auth.py": _auth("SCOPES", f"SCOPES = {split}"),
                              "calls.py": CALLS})
    assert [(name, code) for name, _, code, _ in found] == [("auth.py", "NYS303")], found
    assert "'email.send' is requested but no Nylas call" in found[0][3]


def test_a_split_string_of_another_module_is_read(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "scopes.py": 'SCOPES = "email.read_only email.send".split()\n',
        "auth.py": _auth("SCOPES", "from scopes import SCOPES"),
        "calls.py": CALLS,
    })
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("scopes.py", 1, "NYS303")], found


def test_a_split_string_of_provider_scopes_is_read(tmp_path: Path) -> None:
    google = "https://www.googleapis.com/auth/"
    found = _codes(tmp_path, {"app.py": V3_APP.format(
        scopes=f'"{google}gmail.readonly {google}calendar".split()')})
    assert [(code, message.split("'")[1]) for _, _, code, message in found] == [
        ("NYS303", f"{google}calendar")], found


def test_an_element_holding_a_comma_is_one_item_holding_several(tmp_path: Path) -> None:
    # The SDK joins the list with commas: the element names two scopes.
    found = _codes(tmp_path, {
        "auth.py": _auth('"email.read_only,email.send calendar".split()'),
        "calls.py": CALLS,
    })
    assert [code for _, _, code, _ in found] == ["NYS102", "NYS303"], found


UNREAD = {
    "a string from the environment": (
        'os.environ.get("SCOPES", "email.read_only email.send").split()'),
    "a limit on the splits": '"email.read_only email.send".split(" ", 1)',
    "another separator": '"email.read_only;email.send".split(";")',
}


@pytest.mark.parametrize("split", UNREAD.values(), ids=list(UNREAD))
def test_a_split_that_cannot_be_read_stays_unresolved(tmp_path: Path, split: str) -> None:
    found = _codes(tmp_path, {"auth.py": _auth("SCOPES", f"import os\nSCOPES = {split}"),
                              "calls.py": CALLS})
    assert [code for _, _, code, _ in found] == ["NYS304"], found


def test_a_split_list_changed_later_stays_unresolved(tmp_path: Path) -> None:
    header = 'SCOPES = "email.read_only email.send".split()\nSCOPES.append("calendar")'
    found = _codes(tmp_path, {"auth.py": _auth("SCOPES", header), "calls.py": CALLS})
    assert [code for _, _, code, _ in found] == ["NYS304"], found


def test_a_fix_edits_a_split_string_only_where_it_holds_one_scope(tmp_path: Path) -> None:
    # Several scopes share the string: removing one is left to be done by hand.  A
    # string of one scope is replaced whole.
    auth = _auth('"email.read_only email.send".split()') + (
        '\n\ndef upgrade():\n    return client.authentication_url(\n'
        '        "https://a.example/cb", scopes="email.modify".split())\n')
    _codes(tmp_path, {"auth.py": auth, "calls.py": CALLS})
    run = nylas_scopes(tmp_path, "fix", "--unsafe-fixes", ".")
    assert run.returncode == 1, run.stderr
    assert (tmp_path / "auth.py").read_text() == auth.replace(
        '"email.modify".split()', '"email.read_only".split()')
    assert "NYS303 not fixed" in run.stderr


ACROSS = {
    "module attribute, commas": ("import conf", "conf.SCOPES.split(',')",
                                 '"email.read_only,email.send"'),
    "imported name, whitespace": ("from conf import SCOPES", "SCOPES.split()",
                                  '"email.read_only email.send"'),
    "module attribute, spaces": ("import conf", "conf.SCOPES.split(' ')",
                                 '"email.read_only email.send"'),
}


@pytest.mark.parametrize("header, split, string", ACROSS.values(), ids=list(ACROSS))
def test_a_split_of_another_modules_string_is_read(
        tmp_path: Path, header: str, split: str, string: str) -> None:
    found = _codes(tmp_path, {
        "conf.py": f"SCOPES = {string}\n",
        "auth.py": _auth(split, header),
        "calls.py": CALLS,
    })
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("conf.py", 1, "NYS303")], found
    assert "'email.send' is requested but no Nylas call" in found[0][3]


def test_a_split_of_django_settings_is_read(tmp_path: Path) -> None:
    (tmp_path / "proj").mkdir()
    found = _codes(tmp_path, {
        "proj/__init__.py": "",
        "proj/settings.py": 'NYLAS_SCOPES = "email.read_only email.send"\n',
        "proj/auth.py": _auth("settings.NYLAS_SCOPES.split()",
                              "from django.conf import settings"),
        "proj/calls.py": CALLS,
    })
    assert [(name, code) for name, _, code, _ in found] == [("settings.py", "NYS303")], found


def test_a_split_of_another_modules_provider_scopes_is_read(tmp_path: Path) -> None:
    google = "https://www.googleapis.com/auth/"
    found = _codes(tmp_path, {
        "conf.py": f'GOOGLE_SCOPES = "{google}gmail.readonly {google}calendar"\n',
        "app.py": "from conf import GOOGLE_SCOPES\n" + V3_APP.format(
            scopes='GOOGLE_SCOPES.split(" ")'),
    })
    assert [(name, code, message.split("'")[1:2]) for name, _, code, message in found] == [
        ("conf.py", "NYS303", [f"{google}calendar"])], found


UNREAD_ACROSS = {
    "built at run time": 'import os\nSCOPES = os.environ["S"] + ",email.send"\n',
    "bound twice": 'SCOPES = "email.read_only"\nSCOPES = "email.read_only,email.send"\n',
    "a list": 'SCOPES = ["email.read_only", "email.send"]\n',
}


@pytest.mark.parametrize("conf", UNREAD_ACROSS.values(), ids=list(UNREAD_ACROSS))
def test_a_split_of_another_modules_unread_string_stays_unresolved(
        tmp_path: Path, conf: str) -> None:
    auth = _auth("conf.SCOPES.split(',')", "import conf")
    found = _codes(tmp_path, {"conf.py": conf, "auth.py": auth, "calls.py": CALLS})
    assert [(name, code) for name, _, code, _ in found] == [("auth.py", "NYS304")], found
    assert "conf.SCOPES" in found[0][3]


def test_a_fix_edits_another_modules_split_string_only_where_it_holds_one_scope(
        tmp_path: Path) -> None:
    # ``email.send`` shares its string with another scope: left to be done by hand,
    # never edited as a comma-separated part.  ``email.modify`` alone is replaced.
    conf = 'SCOPES = "email.read_only,email.send"\nWIDE = "email.modify"\n'
    auth = _auth("conf.SCOPES.split(',')", "import conf") + (
        '\n\ndef upgrade():\n    return client.authentication_url(\n'
        '        "https://a.example/cb", scopes=conf.WIDE.split())\n')
    _codes(tmp_path, {"conf.py": conf, "auth.py": auth, "calls.py": CALLS})
    run = nylas_scopes(tmp_path, "fix", "--unsafe-fixes", ".")
    assert run.returncode == 1, run.stderr
    assert (tmp_path / "conf.py").read_text() == conf.replace(
        '"email.modify"', '"email.read_only"')
    assert "NYS303 not fixed" in run.stderr
