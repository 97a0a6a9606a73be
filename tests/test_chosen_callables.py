"""A callable chosen at run time (``COMMANDS[args.command](...)``) given an instance
of a plain class of the module sends no request: the instance is no URL.  Where the
first argument may be text, the unresolved request says what sends it."""

from __future__ import annotations

from pathlib import Path

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_APP = '''import argparse

from nylas import Client


class NylasGateway{bases}:{hook}
    def __init__(self):
        self.nylas = Client("k")

    def inbox(self, grant_id):
        return self.nylas.messages.list(grant_id)


def list_inbox(gateway, args):
    return gateway.inbox(args.grant)


COMMANDS = {{"inbox": list_inbox}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command")
    parser.add_argument("grant")
    args = parser.parse_args()
    return COMMANDS[args.command](NylasGateway(), args)


def login():
    return Client("k").auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "https://x.example/cb", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/calendar.readonly"],
    }})
'''

_TEXT_HOOK = '''
    def __str__(self):
        return "gateway"
'''


def _findings(tmp_path: Path, hook: str = "", bases: str = "") -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(_APP.format(hook=hook, bases=bases))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.message) for f in result.findings)


def test_a_plain_instance_handed_to_a_chosen_handler_is_no_request(tmp_path: Path) -> None:
    assert [code for code, _ in _findings(tmp_path)] == ["NYS303"]


def test_an_instance_that_may_make_text_is_still_a_request(tmp_path: Path) -> None:
    found = _findings(tmp_path, hook=_TEXT_HOOK)
    assert [code for code, _ in found] == ["NYS304"]
    assert found[0][1] == (
        "NYS304 a request to /{...} sent by COMMANDS[args.command](...) cannot be matched "
        "to an endpoint (its path is built at run time); usage rules stay silent for the "
        "scopes it could touch")


def test_an_instance_of_a_class_with_a_base_is_still_a_request(tmp_path: Path) -> None:
    # ``str`` or a base of another module may make the instance text.
    assert [code for code, _ in _findings(tmp_path, bases="(Base)")] == ["NYS304"]
