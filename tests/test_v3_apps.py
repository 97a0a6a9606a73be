"""API v3 apps written the way real projects are: the scope requests and calls
spread over modules that share one client."""

from __future__ import annotations

from pathlib import Path

from tests.fake_apps import Found, app_findings

G = "https://www.googleapis.com/auth/"

# ``app/nylas_client.py``: the client every module imports.
CLIENT = """\
import os

from nylas import Client

client = Client(os.environ["NYLAS_API_KEY"])
"""

# ``app/login.py``: the hosted login asks for Gmail's read scope (line 6).
LOGIN = f"""\
from app.nylas_client import client


def login_url():
    return client.auth.url_for_oauth2({{
        "client_id": "id", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": ["{G}gmail.readonly"]}})


def inbox(grant_id):
    return client.messages.list(grant_id).data
"""


def _found(tmp_path: Path, use: str) -> list[Found]:
    return app_findings(tmp_path, {"app/nylas_client.py": CLIENT, "app/login.py": LOGIN,
                                   "app/use.py": use})


def _codes(found: list[Found], code: str) -> list[tuple[str, int]]:
    return [(name, line) for name, line, text in found if text.startswith(code)]


def test_grant_update_on_imported_client_is_a_request(tmp_path: Path) -> None:
    # The grant is widened to Gmail's send scope by ``grants.update`` on the client
    # another module makes: the send is granted, and the v2 name in that request is
    # reported as in any v3 request.
    found = _found(tmp_path, f"""\
        from app.nylas_client import client


        def allow_sending(grant_id):
            client.grants.update(grant_id, {{"scope": ["{G}gmail.send", "email.send"]}})


        def send(grant_id, body):
            return client.messages.send(grant_id, body)
        """)
    assert _codes(found, "NYS301") == []
    assert _codes(found, "NYS401") == [("use.py", 5)]


def test_send_without_the_grant_update_is_still_missing(tmp_path: Path) -> None:
    # Control: without the update, the send lacks Gmail's send scope.
    found = _found(tmp_path, """\
        from app.nylas_client import client


        def send(grant_id, body):
            return client.messages.send(grant_id, body)
        """)
    assert _codes(found, "NYS301") == [("use.py", 5)]


def test_grant_update_alone_in_its_module_is_read(tmp_path: Path) -> None:
    # A module whose only request is the update, on the imported client, and that
    # names Nylas nowhere: its scopes count towards the grant.
    found = _found(tmp_path, f"""\
        from app.nylas_client import client


        def allow_sending(grant_id):
            client.grants.update(grant_id, {{"scope": ["{G}gmail.send"]}})


        def send(grant_id, body):
            return client.messages.send(grant_id, body)
        """)
    assert _codes(found, "NYS301") == []


def test_grants_update_of_another_object_is_no_request(tmp_path: Path) -> None:
    # Control: ``grants.update`` on a project object that is no client asks for
    # nothing, whatever its dict holds: the send still lacks Gmail's send scope and
    # the v2 name there is no v3 request's.
    found = _found(tmp_path, f"""\
        from app.nylas_client import client


        class Store:
            def __init__(self):
                self.grants = {{}}


        STORE = Store()


        def remember(grant_id):
            STORE.grants.update(grant_id, {{"scope": ["{G}gmail.send", "email.send"]}})


        def send(grant_id, body):
            return client.messages.send(grant_id, body)
        """)
    assert _codes(found, "NYS301") == [("use.py", 17)]
    assert _codes(found, "NYS401") == []
