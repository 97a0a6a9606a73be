"""Which API v3 providers ``infer`` describes: those the app asks grants of, every
provider where nothing says whose grants the app gets."""

from __future__ import annotations

import json
from pathlib import Path

from tool_runs import nylas_scopes

_CALLS = '''\
from nylas import Client

nylas = Client(api_key="key")


def inbox(grant_id):
    return nylas.messages.list(grant_id, query_params={"limit": 10})
'''

_GOOGLE_LOGIN = '''

def login():
    return nylas.auth.url_for_oauth2({
        "client_id": "id", "redirect_uri": "https://example.com/cb",
        "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly"],
    })
'''


def _providers(root: Path, source: str, *options: str) -> list[str]:
    (root / "pyproject.toml").write_text("")
    (root / "app.py").write_text(source)
    result = nylas_scopes(root, "infer", "--format", "json", *options, ".")
    assert result.returncode == 0, result.stderr
    [project] = json.loads(result.stdout)["projects"]
    return [provider["provider"] for provider in project["providers"]]


def test_a_google_only_app_is_told_google_s_scopes_only(tmp_path: Path) -> None:
    # Its one request names Google: what Microsoft would need is no answer to it.
    assert _providers(tmp_path, _CALLS + _GOOGLE_LOGIN) == ["google"]


def test_an_app_asking_no_scopes_is_told_every_provider_s(tmp_path: Path) -> None:
    # Control: with no request the grants come from the connectors' defaults, of
    # any provider.
    assert _providers(tmp_path, _CALLS) == ["google", "microsoft"]


def test_a_provider_chosen_at_run_time_keeps_every_provider(tmp_path: Path) -> None:
    # Control: ``"provider": provider`` and the connector's default scopes say no
    # provider.  (A list of Google scopes would say Google, whatever the argument.)
    source = _CALLS + _GOOGLE_LOGIN.replace('"google"', "provider").replace(
        "def login()", "def login(provider)").replace(
        '"scope": ["https://www.googleapis.com/auth/gmail.readonly"],', "")
    assert _providers(tmp_path, source) == ["google", "microsoft"]


def test_code_kept_to_another_provider_s_grants_shows_it(tmp_path: Path) -> None:
    # Control: a call only Microsoft grants reach says the app serves Microsoft too,
    # whatever its one request names.
    source = _CALLS + _GOOGLE_LOGIN + '''

def outlook_folders(grant):
    if grant.provider == "microsoft":
        return nylas.folders.list(grant.id)
    return []
'''
    assert _providers(tmp_path, source) == ["google", "microsoft"]


def test_the_providers_setting_names_the_providers_shown(tmp_path: Path) -> None:
    assert _providers(tmp_path, _CALLS, "--providers", "microsoft") == ["microsoft"]
    # Control: a setting naming both, beside a Google request, shows both.
    assert _providers(tmp_path, _CALLS + _GOOGLE_LOGIN,
                      "--providers", "google,microsoft") == ["google", "microsoft"]


def test_an_unreadable_google_request_still_names_google(tmp_path: Path) -> None:
    # The list cannot be read, but the request says whose grants it makes.
    source = _CALLS + _GOOGLE_LOGIN.replace(
        '["https://www.googleapis.com/auth/gmail.readonly"]', "load_scopes()")
    assert _providers(tmp_path, source) == ["google"]
