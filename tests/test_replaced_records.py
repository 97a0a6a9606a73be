"""A settings record copied with a change, then its scopes requested.

``PRO = dataclasses.replace(SETTINGS, scopes=[...])`` (or ``SETTINGS._replace(...)``
of a ``NamedTuple``) holds the list given for the field it changes and the original's
value of every other field.  Changes spread from a dict, a copy of a record the module
cannot read and a field the original does not say stay unresolved.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

AUTH = """\
import dataclasses
from typing import NamedTuple

from nylas import APIClient

import lib


@dataclasses.dataclass(frozen=True)
class Settings:
    scopes: list
    admin_scopes: list


class Plan(NamedTuple):
    name: str
    scopes: list


SETTINGS = Settings(scopes={base}, admin_scopes=["email.read_only", "contacts"])
BASIC = Plan("basic", ["email.read_only"])
{copy}


def login_url(uri):
    return APIClient("id", "secret").authentication_url(uri, scopes={read})


def inbox(client: APIClient):
    return [m.subject for m in client.messages.where(unread=True)]
"""

READ_EXACTLY = {
    "dataclasses.replace": ('PRO = dataclasses.replace(SETTINGS, scopes=["email.read_only", '
                            '"calendar"])', "PRO.scopes"),
    "NamedTuple._replace": ('PRO = BASIC._replace(scopes=["email.read_only", "calendar"])',
                            "PRO.scopes"),
    "a field the copy keeps": ('PRO = dataclasses.replace(SETTINGS, scopes=["email.read_only"])',
                               "PRO.admin_scopes"),
}

CAUTIOUS = {
    "changes spread from a dict": ("PRO = dataclasses.replace(SETTINGS, **lib.changes)",
                                   "PRO.scopes"),
    "a record of another module": ('PRO = dataclasses.replace(lib.SETTINGS, scopes=["calendar"])',
                                   "PRO.admin_scopes"),
    "a kept field the original does not say": (
        'PRO = dataclasses.replace(SETTINGS, admin_scopes=["email.read_only"])', "PRO.scopes"),
}


def _codes(tmp_path: Path, copy: str, read: str, base: str = '["email.read_only"]') -> list[str]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(AUTH.format(copy=copy, read=read, base=base))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted(finding.code for finding in result.findings)


@pytest.mark.parametrize("case", READ_EXACTLY.values(), ids=list(READ_EXACTLY))
def test_the_copy_holds_the_change_and_the_original_fields(
        tmp_path: Path, case: tuple[str, str]) -> None:
    copy, read = case
    # Only messages are read: ``calendar`` (the change) and ``contacts`` (kept from
    # the original) are each unused.
    assert _codes(tmp_path, copy, read) == ["NYS303"]


@pytest.mark.parametrize("case", CAUTIOUS.values(), ids=list(CAUTIOUS))
def test_a_copy_that_cannot_be_read_stays_unresolved(tmp_path: Path,
                                                     case: tuple[str, str]) -> None:
    copy, read = case
    codes = _codes(tmp_path, copy, read, base="lib.load_scopes()")
    assert "NYS304" in codes and "NYS303" not in codes and "NYS302" not in codes
