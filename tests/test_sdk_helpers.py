"""The helpers some nylas-python 5.x releases ship for sample servers
(``nylas.services.routes.Routes`` and ``nylas.services.tunnel.open_webhook_tunnel``):
given the client, they use none of its grant's scopes, and ``Routes.build_auth_url``
asks for the scopes it is given."""

from __future__ import annotations

from pathlib import Path

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

SERVER = '''
import os

from nylas import APIClient
from nylas.services.routes import Routes
from nylas.services.tunnel import open_webhook_tunnel

nylas = APIClient(os.environ["CLIENT_ID"], os.environ["CLIENT_SECRET"])
routes = Routes(nylas)
default_scopes = ["email.read_only", "calendar"]


def on_message(delta):
    print(delta)


open_webhook_tunnel(nylas, {"on_message": on_message})


def build_auth_url(body):
    return routes.build_auth_url(default_scopes, body["email_address"], body["success_url"])


def exchange(body):
    return routes.exchange_code_for_token(body["token"])


def read_emails(token):
    nylas.access_token = token
    return [thread.subject for thread in nylas.threads.where(limit=5)]
'''


def _codes(root: Path, text: str) -> set[tuple[int, str]]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (root / "server.py").write_text(text)
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    return {(finding.span.line, finding.code) for finding in result.findings}


def test_the_helpers_leave_the_usage_rules_to_judge_the_request(tmp_path: Path) -> None:
    # The calendar is never used: only the helpers' request shows it.
    assert _codes(tmp_path, SERVER) == {(10, "NYS303")}


def test_a_use_of_the_calendar_keeps_it(tmp_path: Path) -> None:
    uses_calendar = SERVER + (
        "\n\ndef book():\n    event = nylas.events.create()\n    event.save()\n")
    assert _codes(tmp_path, uses_calendar) == set()


def test_another_function_given_the_client_still_escapes(tmp_path: Path) -> None:
    # The control: a function the analysis knows nothing of may use any scope.
    escaping = SERVER.replace(
        "open_webhook_tunnel(nylas, {", "start_tunnel(nylas, {").replace(
        "from nylas.services.tunnel import open_webhook_tunnel",
        "from tunnels import start_tunnel")
    assert _codes(tmp_path, escaping) == {(17, "NYS304")}


def test_build_auth_url_of_another_library_is_no_request(tmp_path: Path) -> None:
    other = SERVER.replace("from nylas.services.routes import Routes\n",
                           "from oauth_helpers import Routes\n")
    # Not the SDK's helper: its ``build_auth_url`` asks no Nylas scopes, and the client
    # given to it escapes.
    codes = _codes(tmp_path, other)
    assert not any(code == "NYS303" for _, code in codes)
    assert (9, "NYS304") in codes
