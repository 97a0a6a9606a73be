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
    return app_findings(tmp_path, {"app/auth.py": "", "app/nylas_client.py": CLIENT,
                                   "app/login.py": LOGIN, "app/use.py": use})


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


# ``app/setup.py``: the Google connector is made by the app with its scopes (lines 8-9),
# and the logins send none, so the connector's scopes are what a Google grant holds.
CONNECTOR = f"""\
from app.nylas_client import client


def create_connector():
    return client.connectors.create({{
        "provider": "google",
        "settings": {{"client_id": "id", "client_secret": "secret"}},
        "scope": ["openid", "{G}calendar.events",
                  "{G}contacts"]}})
"""


def _pkce_login(provider: str) -> str:
    return f"""\
        from app.nylas_client import client


        def login():
            return client.auth.url_for_oauth2_pkce({{
                "client_id": "id", "redirect_uri": "https://a.example/cb",
                {provider}"access_type": "offline"}})


        def book(grant_id, body):
            return client.events.create(grant_id, body, {{"calendar_id": "team"}})


        def inbox(grant_id):
            return client.messages.list(grant_id)
        """


def _connector_app(tmp_path: Path, provider: str) -> list[Found]:
    return app_findings(tmp_path, {"app/auth.py": "", "app/nylas_client.py": CLIENT,
                                   "app/setup.py": CONNECTOR, "app/login.py": _pkce_login(provider)})


def test_login_without_scope_gets_the_connector_scopes_the_app_sets(tmp_path: Path) -> None:
    # The login takes the Google connector's defaults, which the app sets itself:
    # the contacts scope serves no call and the inbox read lacks Gmail's read scope.
    found = _connector_app(tmp_path, '"provider": "google", ')
    assert _codes(found, "NYS303") == [("setup.py", 9)]
    assert _codes(found, "NYS301") == [("login.py", 15)]
    assert _codes(found, "NYS304") == []


def test_login_of_unnamed_provider_keeps_the_grant_unknown(tmp_path: Path) -> None:
    # Control: a login that names no provider may be any connector's (the user picks
    # one), so what it grants stays unknown and the usage rules stay silent.
    found = _connector_app(tmp_path, "")
    assert _codes(found, "NYS303") == []
    assert _codes(found, "NYS301") == []
    assert _codes(found, "NYS304") != []


# A resource handed to a helper that calls it with the grant alone: the SDK's default
# query parameters (``source`` is ``address_book``), as the call made in place.
HANDED_CONTACTS = """\
from app.nylas_client import client


def emails(source, grant_id):
    return [contact.emails for contact in source.list(grant_id{query}).data]


def run(grant_id):
    return emails(client.contacts, grant_id)
"""


def test_a_handed_resource_called_without_query_parameters_gets_their_defaults(
        tmp_path: Path) -> None:
    found = _found(tmp_path, HANDED_CONTACTS.format(query=""))
    [missing] = [text for name, line, text in found if text.startswith("NYS301")]
    assert "source.list() (GET /v3/grants/{identifier}/contacts) needs " \
           f"'{G}contacts.readonly'" in missing
    assert "whatever" not in missing


def test_a_handed_resource_called_with_an_unread_source_keeps_every_case(
        tmp_path: Path) -> None:
    # ``source`` unread: any of the three sources' scopes may be the one needed, and
    # none of them is requested: the call is missing one whatever it is.
    query = ', query_params={"source": SOURCE}'
    found = _found(tmp_path, "SOURCE = __import__('os').environ['SOURCE']\n" +
                   HANDED_CONTACTS.format(query=query))
    [missing] = [text for name, line, text in found if text.startswith("NYS301")]
    assert "(whatever source is)" in missing
