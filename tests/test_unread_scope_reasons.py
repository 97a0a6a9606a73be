"""NYS304 says where an unread scope list comes from and why it cannot be read: a list
another module reads from the environment or a file when the program runs, and an
attribute read through a name the analysis does not follow to an object."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_REQUEST = '''import os

from nylas import Client

from . import settings

nylas = Client(os.environ["NYLAS_API_KEY"])


def url():
    return nylas.auth.url_for_oauth2({
        "client_id": "id", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": settings.SCOPES})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''


def _findings(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    for name, text in files.items():
        (tmp_path / "app" / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((Path(f.span.path).name, f.span.line, f.code, f.message)
                  for f in result.findings)


@pytest.mark.parametrize("settings, source", [
    ('import os\n\nSCOPES = os.environ["NYLAS_SCOPES"].split(",")\n', "the environment"),
    ('from os import getenv\n\nSCOPES = getenv("NYLAS_SCOPES", "").split()\n',
     "the environment"),
    ('import os\n\nRAW = os.environ["NYLAS_SCOPES"]\nSCOPES = RAW.split(",")\n',
     "the environment"),
    ('import tomllib\n\nwith open("settings.toml", "rb") as fh:\n'
     '    SETTINGS = tomllib.load(fh)\n\nSCOPES = SETTINGS["nylas"]["scopes"]\n', "a file"),
    ('import json\nfrom pathlib import Path\n\n'
     'SCOPES = json.loads(Path("scopes.json").read_text())\n', "a file"),
    ('from omegaconf import OmegaConf\n\ncfg = OmegaConf.load("config.yaml")\n'
     'SCOPES = list(cfg.nylas.scopes)\n', "a file"),
], ids=["os.environ", "getenv", "through a name", "tomllib in a with block", "read_text",
        "OmegaConf.load"])
def test_a_list_read_when_the_program_runs_says_where_from(
        tmp_path: Path, settings: str, source: str) -> None:
    # Before, only "scopes come from app.settings.SCOPES".  The request stays
    # unresolved, and the usage rules silent.
    found = _findings(tmp_path, {"main.py": _REQUEST, "settings.py": settings})
    assert found == [(
        "main.py", 11, "NYS304",
        "NYS304 cannot follow the scopes: scopes come from app.settings.SCOPES, which is read "
        f"from {source} when the program runs; usage rules stay silent for the scopes it "
        "could touch")], found


@pytest.mark.parametrize("settings", [
    "from .plans import build\n\nSCOPES = build()\n",
    # Bound twice: not one value the module reads at run time.
    'import os\n\nSCOPES = os.environ["NYLAS_SCOPES"].split(",")\nSCOPES = load()\n',
    # Read in a function: not the module's name.
    'import os\n\n\ndef load():\n    SCOPES = os.environ["X"].split(",")\n    return SCOPES\n\n\n'
    'SCOPES = load()\n',
    # OmegaConf built from a dict in the code: no file read, though the analysis
    # does not follow it either.
    'from omegaconf import OmegaConf\n\ncfg = OmegaConf.create({"scopes": []})\n'
    'SCOPES = list(cfg.scopes)\n',
], ids=["another module's function", "bound twice", "read in a function",
        "OmegaConf.create"])
def test_a_list_not_known_to_be_read_at_run_time_keeps_its_reason(
        tmp_path: Path, settings: str) -> None:
    # Control: the reason stays as it was.
    found = _findings(tmp_path, {"main.py": _REQUEST, "settings.py": settings,
                                 "plans.py": "def build():\n    return []\n"})
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("main.py", 11, "NYS304")], found
    assert found[0][3] == ("NYS304 cannot follow the scopes: scopes come from app.settings.SCOPES; "
                           "usage rules stay silent for the scopes it could touch"), found


def test_a_readable_list_beside_one_read_at_run_time_is_judged(tmp_path: Path) -> None:
    # Control: the environment's list is another name; ``SCOPES`` is read as written
    # and its calendar scope is needed by no call.
    settings = ('import os\n\nEXTRA_SCOPES = os.environ["NYLAS_SCOPES"].split(",")\n'
                'SCOPES = ["https://www.googleapis.com/auth/gmail.readonly",\n'
                '          "https://www.googleapis.com/auth/calendar"]\n')
    found = _findings(tmp_path, {"main.py": _REQUEST, "settings.py": settings})
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("settings.py", 5, "NYS303")], found


_RECORD = '''from dataclasses import dataclass, field

from nylas import Client


def default_scopes():
    return ["https://www.googleapis.com/auth/gmail.readonly"]


@dataclass
class Settings:
    api_key: str = ""
    scopes: list[str] = field(default_factory=lambda: [
        "https://www.googleapis.com/auth/gmail.readonly",
        "https://www.googleapis.com/auth/calendar",
    ])


SETTINGS = Settings()


def url(nylas: Client):
    {binding}
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": {read}}})


def inbox(nylas: Client, grant_id):
    return nylas.messages.list(grant_id)
'''


@pytest.mark.parametrize("binding, read, reason", [
    ("settings = SETTINGS", "settings.scopes",
     "cannot read a scopes value from settings.scopes: settings is another name for "
     "SETTINGS, whose attributes the analysis does not follow through that name"),
    ("settings = make()", "settings.scopes",
     "cannot read a scopes value from settings.scopes: settings is what make() returns, "
     "and the analysis cannot read what it holds as 'scopes'"),
    ("pass", "nylas.config.scopes",
     "cannot read a scopes value from nylas.config.scopes: nylas.config is not an object "
     "whose attributes the analysis can read"),
], ids=["another name", "a call's result", "a parameter's attribute"])
def test_an_unread_attribute_is_named_as_written_with_why(
        tmp_path: Path, binding: str, read: str, reason: str) -> None:
    # Before, "cannot read a scopes value from attribute 'scopes'".
    module = _RECORD.format(binding=binding, read=read)
    found = _findings(tmp_path, {"auth.py": module})
    assert found == [(
        "auth.py", 24, "NYS304",
        f"NYS304 cannot follow the scopes: {reason}; usage rules stay silent for the scopes it "
        "could touch")], found


def test_the_record_read_by_its_own_name_is_judged(tmp_path: Path) -> None:
    # Control: ``SETTINGS.scopes`` is the factory's list; its calendar scope is
    # needed by no call.
    module = _RECORD.format(binding="pass", read="SETTINGS.scopes")
    found = _findings(tmp_path, {"auth.py": module})
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("auth.py", 15, "NYS303")], found


_GIVEN_BESIDE = '''from nylas import Client

nylas = Client("key")
SCOPES = ["https://www.googleapis.com/auth/calendar.events",
          "https://www.googleapis.com/auth/gmail.readonly"]


def url():
    {line}
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": SCOPES}})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''


@pytest.mark.parametrize("line, callee", [
    ('foo("x", scopes=SCOPES)', "foo()"),
    ("google.configure(SCOPES)", "google.configure()"),
    ("HANDLERS[0](SCOPES)", "the call at line 9"),
], ids=["an unknown function", "a method", "a callee with no name"])
def test_a_literal_list_also_given_to_another_call_names_that_call(
        tmp_path: Path, line: str, callee: str) -> None:
    # The list is readable: what keeps the request unresolved is the other call,
    # which may change it or be another library's sign-in.  The verdict stays.
    found = _findings(tmp_path, {"auth.py": _GIVEN_BESIDE.format(line=line)})
    assert found == [("auth.py", 10, "NYS304", (
        f"NYS304 cannot follow the scopes: SCOPES is also given to {callee}, which may "
        "change it or be another library's OAuth request; usage rules stay silent for "
        "the scopes it could touch"))]


def test_a_literal_list_changed_in_place_keeps_its_reason(tmp_path: Path) -> None:
    # Control: a list the module changes is given to no call; the reason is as before.
    found = _findings(tmp_path, {"auth.py": _GIVEN_BESIDE.format(line='SCOPES.append("x")')})
    assert [(code, message) for _, _, code, message in found] == [("NYS304", (
        "NYS304 cannot follow the scopes: cannot read a scopes value from name 'SCOPES'; "
        "usage rules stay silent for the scopes it could touch"))]


def test_a_function_s_own_list_of_that_name_keeps_its_reason(tmp_path: Path) -> None:
    # Control: the request reads a list of its function, bound twice there, not the
    # module's list that another function gives away.  (It holds what ``pick()``
    # returns, and is written again by position.)
    text = _GIVEN_BESIDE.format(line="SCOPES = [pick()]\n    SCOPES[0] = pick()")
    text += "\n\ndef setup():\n    foo(scopes=SCOPES)\n"
    found = _findings(tmp_path, {"auth.py": text})
    assert [(code, message) for _, _, code, message in found] == [("NYS304", (
        "NYS304 cannot follow the scopes: cannot read a scopes value from name 'SCOPES'; "
        "usage rules stay silent for the scopes it could touch"))]
