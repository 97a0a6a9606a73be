"""An item read by a constant key from a module's dict display, where the dict holds
a string at that key (``CONFIG["redirect_uri"]``), gives no part of the dict to the
code it is handed to: no code can change a string.  An item that is a list, or that
other code may write, still does."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_APP = '''import os
from lib import keep
from nylas import Client

nylas = Client(api_key="k")
READ = "https://www.googleapis.com/auth/gmail.readonly"
CAL = "https://www.googleapis.com/auth/calendar"
CONFIG = {CONFIG}


def login():
    return nylas.auth.url_for_oauth2({LOGIN})


def callback(code):
    return {CALLBACK}


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''
_SPREAD = '{**CONFIG, "provider": "google", "scope": [READ, CAL]}'
_EXCHANGE = ('nylas.auth.exchange_code_for_token({"redirect_uri": CONFIG["redirect_uri"], '
             '"code": code})')


def _codes(root: Path, config: str, login: str = _SPREAD, callback: str = _EXCHANGE,
           tail: str = "") -> list[tuple[int, str]]:
    text = _APP.replace("{CONFIG}", config).replace("{LOGIN}", login).replace(
        "{CALLBACK}", callback) + tail
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (root / "app.py").write_text(text)
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((f.span.line, f.code) for f in result.findings)


_CONFIG = '{"client_id": os.environ["CID"], "redirect_uri": "http://x/cb"}'


@pytest.mark.parametrize("callback", [_EXCHANGE, 'keep(CONFIG["redirect_uri"])'])
def test_a_string_item_handed_on_keeps_the_spread_dict_read(
        tmp_path: Path, callback: str) -> None:
    assert _codes(tmp_path, _CONFIG, callback=callback) == [(7, "NYS303")]


def test_a_list_item_handed_to_unknown_code_gives_the_list_away(tmp_path: Path) -> None:
    config = '{"client_id": "c", "redirect_uri": "http://x/cb", "scope": [READ, CAL]}'
    found = _codes(tmp_path, config, login='{**CONFIG, "provider": "google"}',
                   callback='keep(CONFIG["scope"])')
    assert (12, "NYS304") in found
    assert "NYS303" not in {code for _, code in found}


def test_a_string_item_written_elsewhere_is_not_known_to_be_a_string(
        tmp_path: Path) -> None:
    found = _codes(tmp_path, _CONFIG, callback='keep(CONFIG["redirect_uri"])',
                   tail='\n\ndef reset():\n    CONFIG["redirect_uri"] = [READ]\n')
    assert "NYS303" not in {code for _, code in found}


def test_a_string_key_a_later_spread_may_override_is_not_known(tmp_path: Path) -> None:
    config = '{"client_id": "c", "redirect_uri": "http://x/cb", **os.environ}'
    found = _codes(tmp_path, config, callback='keep(CONFIG["redirect_uri"])')
    assert "NYS303" not in {code for _, code in found}
