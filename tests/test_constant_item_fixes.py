"""Fixes of a scope written as a constant's whole value that a request in another
module reads as one item of its list (``CAL: Final = "..."``, ``{A, B, CAL}``)."""

from __future__ import annotations

from pathlib import Path

from codemod_support import run_cli

_SCOPES = '''from typing import Final

MAIL: Final = "{mail}"
CAL: Final = "{cal}"
'''

_SETTINGS = '''from app.scopes import CAL, MAIL

SCOPES = frozenset({MAIL, CAL})
'''

_VIEWS = '''from nylas import APIClient

from app.settings import SCOPES

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://x.example/cb", scopes=sorted(SCOPES))


def work():
{body}
'''


def _project(tmp_path: Path, cal: str, body: str) -> Path:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "scopes.py").write_text(_SCOPES.format(mail="email.read_only", cal=cal))
    (package / "settings.py").write_text(_SETTINGS)
    (package / "views.py").write_text(_VIEWS.format(body=body))
    return tmp_path


def test_an_unused_constant_of_a_set_is_not_called_the_last_scope(tmp_path: Path) -> None:
    project = _project(tmp_path, "calendar.read_only", "    return client.messages.all()")
    before = (project / "app" / "scopes.py").read_text()
    run = run_cli("fix", "--unsafe-fixes", str(project))
    assert "NYS303 not fixed: the item is the whole value of a name that a request " \
        "elsewhere reads; remove it where the name is used" in run.stderr
    assert "last scope left" not in run.stderr
    assert (project / "app" / "scopes.py").read_text() == before


def test_a_broad_constant_of_a_set_is_still_narrowed_in_place(tmp_path: Path) -> None:
    body = "    client.messages.all()\n    return client.calendars.all()"
    project = _project(tmp_path, "calendar", body)
    run_cli("fix", "--unsafe-fixes", str(project))
    assert 'CAL: Final = "calendar.read_only"' in (project / "app" / "scopes.py").read_text()
