"""A scope list kept as a field default of a pydantic model of the project
(``scopes: list[str] = Field(default_factory=lambda: [...])``), read through a
module-level instance made without arguments (``settings = Settings()``), is read as
written, under the rules of a plain dataclass's.  A settings class (the environment
may set any field), a validator, a configuration, arguments or a change elsewhere
keep it unread (NYS304)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_CONFIG = '''
import os

from pydantic import BaseModel, Field, field_validator
from pydantic_settings import BaseSettings


class Settings({base}):
    scopes: list[str] = {default}
{more}

settings = Settings({arguments})
'''
_SCOPES = ('["https://www.googleapis.com/auth/gmail.readonly",'
           ' "https://www.googleapis.com/auth/calendar"]')
_APP = '''
import os

from nylas import Client

from config import settings

nylas = Client(os.environ["NYLAS_API_KEY"])


def login():
    return nylas.auth.url_for_oauth2({
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": settings.scopes,
    })


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''


def _codes(tmp_path: Path, base: str = "BaseModel",
           default: str = f"Field(default_factory=lambda: {_SCOPES})", more: str = "",
           arguments: str = "", elsewhere: str = "") -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "config.py").write_text(_CONFIG.format(
        base=base, default=default, more=more, arguments=arguments))
    (tmp_path / "main.py").write_text(_APP)
    if elsewhere:
        (tmp_path / "other.py").write_text(f"from config import settings\n{elsewhere}\n")
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.path.rsplit("/", 1)[-1], f.code) for f in result.findings)


@pytest.mark.parametrize("default", [
    f"Field(default_factory=lambda: {_SCOPES})", f"Field({_SCOPES})",
    f"Field(default={_SCOPES})", _SCOPES,
], ids=["default-factory", "field-positional", "field-default", "plain"])
def test_a_pydantic_model_field_default_is_read(tmp_path: Path, default: str) -> None:
    assert _codes(tmp_path, default=default) == [("config.py", "NYS303")]


@pytest.mark.parametrize(("base", "more", "arguments", "elsewhere"), [
    ("BaseSettings", "", "", ""),
    ("BaseModel", "\n    @field_validator('scopes')\n    @classmethod\n"
     "    def more(cls, value):\n        return value", "", ""),
    ("BaseModel", "    model_config = {'validate_default': True}", "", ""),
    ("BaseModel", "", "**os.environ", ""),
    ("BaseModel", "", "", "settings.scopes.append('https://www.googleapis.com/auth/contacts')"),
], ids=["settings-class", "validator", "configuration", "arguments", "changed-elsewhere"])
def test_a_pydantic_field_that_may_hold_more_stays_unresolved(
        tmp_path: Path, base: str, more: str, arguments: str, elsewhere: str) -> None:
    found = _codes(tmp_path, base=base, more=more, arguments=arguments, elsewhere=elsewhere)
    assert any(code == "NYS304" for _, code in found), found
    assert [code for _, code in found if code in ("NYS302", "NYS303", "NYS405")] == [], found
