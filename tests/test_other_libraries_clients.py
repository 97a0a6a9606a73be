"""A client another library's class makes (``Client(sid, token)`` from
``twilio.rest``) is that library's, even held in a name: its ``messages.create``
is no Nylas call the analysis cannot tell."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
AUTH = f'''from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": ["{G}gmail.readonly", "{G}gmail.send"],
    }})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''
UNUSED_SEND = [("auth.py", 9, "NYS303")]
NYLAS_USE = """

def unread(grant_id):
    from auth import nylas

    return nylas.messages.list(grant_id, query_params={"unread": True})
"""


def _codes(tmp_path: Path, notify: str) -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(AUTH)
    # Beside the other library's client, the module uses Nylas's.
    (tmp_path / "notify.py").write_text(textwrap.dedent(notify) + NYLAS_USE)
    result = analyse([str(tmp_path)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


_OTHER_CLIENTS = {
    "a local": """\
        from twilio.rest import Client


        def text(sid, token, to):
            sms = Client(sid, token)
            sms.messages.create(to=to, body="New mail")
            return [m.sid for m in sms.messages.list()]
    """,
    "a module global": """\
        import os

        import twilio.rest

        SMS = twilio.rest.Client(os.environ["SID"], os.environ["TOKEN"])


        def text(to):
            SMS.messages.create(to=to, body="New mail")
    """,
    "a local bound twice, each time to one": """\
        from twilio.rest import Client


        def text(sid, token, backup_sid, to, failed):
            sms = Client(sid, token)
            if failed:
                sms = Client(backup_sid, token)
            sms.messages.create(to=to, body="New mail")
    """,
}


@pytest.mark.parametrize("notify", _OTHER_CLIENTS.values(), ids=_OTHER_CLIENTS.keys())
def test_another_librarys_client_held_in_a_name_makes_no_nylas_call(
        tmp_path: Path, notify: str) -> None:
    assert _codes(tmp_path, notify) == UNUSED_SEND


_MAY_BE_NYLAS = {
    "a class of a package named for Nylas": """\
        from shared.nylas_setup import Client


        def send(grant_id):
            client = Client()
            client.messages.send(grant_id, request_body={})
    """,
    "a name also bound otherwise": """\
        from twilio.rest import Client
        from shared.clients import make_client


        def send(grant_id, sid, token, fake):
            client = Client(sid, token)
            if fake:
                client = make_client()
            client.messages.send(grant_id, request_body={})
    """,
    "a factory function": """\
        from shared.clients import make_client


        def send(grant_id):
            client = make_client()
            client.messages.send(grant_id, request_body={})
    """,
}


@pytest.mark.parametrize("notify", _MAY_BE_NYLAS.values(), ids=_MAY_BE_NYLAS.keys())
def test_a_client_that_may_be_nylas_stays_unresolved(tmp_path: Path, notify: str) -> None:
    assert [code for _, _, code in _codes(tmp_path, notify)] == ["NYS304"]
