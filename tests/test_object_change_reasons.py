"""NYS304 says why a list kept on an object a module makes cannot be followed.

``DIRECTORY = Settings(scopes=[...])`` read as ``"scope": DIRECTORY.scopes`` is not
followed where code changes ``scopes`` on a record it is given, or binds or hands on
``DIRECTORY`` itself: the reason names that code.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

SETTINGS = """\
from dataclasses import dataclass, field


@dataclass
class Settings:
    scopes: list[str] = field(default_factory=list)


DIRECTORY = Settings(scopes=["https://www.googleapis.com/auth/gmail.readonly",
                             "https://www.googleapis.com/auth/calendar"])
"""

AUTH = """\
from nylas import Client

from app.settings import DIRECTORY

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({"client_id": "c", "redirect_uri": "https://x/cb",
                                      "provider": "google", "scope": DIRECTORY.scopes})


def inbox(grant_id):
    return nylas.messages.list(grant_id).data
"""

SHOWN = "scopes come from app.settings.DIRECTORY.scopes"


def _findings(root: Path, plans: str) -> list[tuple[str, int, str, str]]:
    files = {"app/__init__.py": "", "app/settings.py": SETTINGS, "app/auth.py": AUTH,
             "app/plans.py": plans}
    (root / "pyproject.toml").parent.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    result = analyse([str(root)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    return sorted((Path(f.span.path).name, f.span.line, f.code, f.message)
                  for f in result.findings)


def test_a_function_changing_the_attribute_of_a_parameter_is_named(tmp_path: Path) -> None:
    # widen() is never called, but may be given DIRECTORY: the request (line 9) is
    # unresolved, and the reason names widen().
    found = _findings(tmp_path, "def widen(record):\n    record.scopes.append('x')\n")
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("auth.py", 9, "NYS304")]
    assert f"{SHOWN}, which app.plans.widen() may change through an object it is given" in (
        found[0][3])


def test_a_method_changing_the_attribute_of_a_parameter_is_named(tmp_path: Path) -> None:
    found = _findings(tmp_path, "class Plan:\n    def widen(self, record):\n"
                                "        record.scopes.extend(['x'])\n")
    assert "which app.plans.Plan.widen() may change" in found[0][3]


def test_a_change_no_call_shows_names_the_module(tmp_path: Path) -> None:
    # ``+=`` leaves no call to read the function from: the module is named.
    found = _findings(tmp_path, "def widen(record):\n    record.scopes += ['x']\n")
    assert "which code in app.plans may change through an object it is given" in found[0][3]


def test_the_object_handed_on_is_named(tmp_path: Path) -> None:
    found = _findings(tmp_path, "from lib import configure\n\nfrom app.settings import "
                                "DIRECTORY\n\nconfigure(DIRECTORY)\n")
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("auth.py", 9, "NYS304")]
    assert (f"{SHOWN}, and other code may bind app.settings.DIRECTORY again or hand it "
            "to code that may change it") in found[0][3]


def test_a_change_of_another_attribute_keeps_the_list_judged(tmp_path: Path) -> None:
    # Control: widen() changes ``labels``, not ``scopes``: 'calendar' (line 10 of
    # settings.py) is not needed by the mail listing.
    found = _findings(tmp_path, "def widen(record):\n    record.labels.append('x')\n")
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("settings.py", 10, "NYS303")]
