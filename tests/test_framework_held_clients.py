"""A Nylas client kept on an object a web framework or a command-line toolkit
provides, then read back where the requests are made.  The calls through it are
followed exactly when every store to that place in the project is known; a store of
something the analysis cannot tell, or a place nothing stores to, keeps the calls
unresolved (NYS304) and the findings about their scopes silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

# A login asking for Gmail and Calendar; the handler at ``_CALL_LINE`` lists messages,
# so Calendar is unused (NYS303) once that call is followed.
_APP = '''
import os

import toolkit
from nylas import Client

{setup}


def login():
    return Client("key").auth.url_for_oauth2({{
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/calendar"],
    }})


{handler}
'''


def _codes(tmp_path: Path, setup: str, handler: str) -> list[tuple[int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "main.py").write_text(_APP.format(setup=setup.strip(), handler=handler.strip()))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings)


def _exact(found: list[tuple[int, str, str]]) -> None:
    """Calendar is reported unused, and nothing is left unresolved."""
    codes = [code for _, code, _ in found]
    assert "NYS304" not in codes, found
    assert [message for _, code, message in found if code == "NYS303"] == [
        "NYS303 'https://www.googleapis.com/auth/calendar' is requested but no Nylas call in the"
        " project needs it; remove it"], found


def _unresolved(found: list[tuple[int, str, str]]) -> None:
    """The call through the kept client is unresolved; nothing is called unused."""
    codes = [code for _, code, _ in found]
    assert "NYS304" in codes, found
    assert [code for code in codes if code in ("NYS302", "NYS303", "NYS405")] == [], found


_SANIC_HANDLER = '''
async def inbox(request):
    return request.app.ctx.nylas.messages.list("grant")
'''


@pytest.mark.parametrize("setup", [
    'app.ctx.nylas = Client(os.environ["NYLAS_API_KEY"])',
    'async def connect(app, loop):\n    app.ctx.nylas = Client(os.environ["NYLAS_API_KEY"])',
], ids=["module-level", "listener"])
def test_a_client_kept_on_sanic_ctx_is_followed(tmp_path: Path, setup: str) -> None:
    _exact(_codes(tmp_path, "from sanic import Sanic\napp = Sanic('a')\n" + setup,
                  _SANIC_HANDLER))


@pytest.mark.parametrize("setup", [
    "",
    "app.ctx.nylas = toolkit.make()",
    "async def attach(request):\n    request.ctx.nylas = toolkit.make()",
    "app.ctx = toolkit.make()",
], ids=["nothing-stored", "unknown-store", "unknown-request-ctx", "unknown-ctx"])
def test_sanic_ctx_with_an_unknown_store_stays_unresolved(tmp_path: Path, setup: str) -> None:
    _unresolved(_codes(tmp_path, "from sanic import Sanic\napp = Sanic('a')\n" + setup,
                       _SANIC_HANDLER))
