"""A scope the user says unseen code uses (``assume-used``) keeps the scopes that may
grant it from being reported unused or broader than needed: removing one of them
could take the assumed scope away."""

from __future__ import annotations

from pathlib import Path

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_V2 = '''from nylas import APIClient

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://x.example/cb", scopes={scopes})


def work():
    return client.calendars.all()
'''

_V3 = '''from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "https://x.example/cb", "provider": "google",
        "scope": {scopes},
    }})


def work(gid):
    return nylas.calendars.list(gid)
'''

_GOOGLE = "https://www.googleapis.com/auth/"


def _findings(tmp_path: Path, template: str, scopes: str, assumed: str
              ) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(template.format(scopes=scopes))
    result = analyse([str(tmp_path)], make_config(assume_used=[assumed]),
                     lambda code: True, use_cache=False)
    return sorted((f.code, f.fix.text if f.fix else "") for f in result.findings)


def test_a_scope_including_an_assumed_one_is_not_unused(tmp_path: Path) -> None:
    assert ("NYS303", "email.modify") not in _findings(
        tmp_path, _V2, '["email.modify", "calendar.read_only"]', "email.read_only")


def test_an_assumed_scope_and_its_includer_are_not_both_removed(tmp_path: Path) -> None:
    # NYS104 removes the assumed scope (its includer grants it): the includer stays.
    found = _findings(tmp_path, _V2, '["email.modify", "email.read_only", "calendar.read_only"]',
                      "email.read_only")
    assert ("NYS104", "email.read_only") in found
    assert ("NYS303", "email.modify") not in found


def test_a_v3_scope_including_an_assumed_one_is_not_unused(tmp_path: Path) -> None:
    found = _findings(tmp_path, _V3, f'["{_GOOGLE}gmail.modify", "{_GOOGLE}calendar"]',
                      f"{_GOOGLE}gmail.readonly")
    assert not [code for code, text in found if text.endswith("gmail.modify")]


def test_a_scope_unrelated_to_the_assumed_one_is_still_unused(tmp_path: Path) -> None:
    assert ("NYS303", "email.modify") in _findings(
        tmp_path, _V2, '["email.modify", "calendar.read_only"]', "contacts.read_only")
