"""Apps written in framework idioms as their authors write them: what the analysis
says of each, and of the neighbouring case whose verdict must stay."""

from __future__ import annotations

from pathlib import Path

from fake_apps import Found, app_findings, unresolved_in, unused_gmail

GMAIL_READ = "https://www.googleapis.com/auth/gmail.readonly"

# An admin login asking for the calendar only, and a call reading mail.
MAIL = """\
from nylas import Client

client = Client("k")


def admin():
    return client.auth.url_for_oauth2({
        "client_id": "x", "redirect_uri": "https://a/cb",
        "scope": ["https://www.googleapis.com/auth/calendar.readonly"]})


def inbox(grant):
    return client.messages.list(grant)
"""

CONFIG = f"""\
CLIENT_ID = "id"
SCOPES = ["{GMAIL_READ}"]
API = "{{api}}"
"""

# A Tornado handler sending the user to the hosted login on a base URL another
# module holds.
LOGIN = """\
from urllib.parse import urlencode

import tornado.web

from app import config


class Login(tornado.web.RequestHandler):
    def get(self):
        query = urlencode({"client_id": config.CLIENT_ID, "redirect_uri": "https://e/cb",
                           "response_type": "code", "provider": "google",
                           "scope": " ".join(config.SCOPES)})
        self.redirect(f"{config.API}/connect/auth?{query}")
"""


def _missing_read(found: list[Found]) -> bool:
    return any(code.startswith("NYS301") and GMAIL_READ in code for _, _, code in found)


def test_v3_hosted_login_on_a_base_url_of_another_module_is_read(tmp_path: Path) -> None:
    found = app_findings(tmp_path, {
        "app/auth.py": MAIL, "app/server.py": LOGIN,
        "app/config.py": CONFIG.format(api="https://api.us.nylas.com/v3")})
    assert not _missing_read(found), found


def test_v3_login_path_on_another_hosts_base_url_is_no_request(tmp_path: Path) -> None:
    found = app_findings(tmp_path, {
        "app/auth.py": MAIL, "app/server.py": LOGIN,
        "app/config.py": CONFIG.format(api="https://login.example.com/v3")})
    assert _missing_read(found), found


CONSUMER = """\
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
{extra}
from app.auth import nylas


class Agenda(AsyncJsonWebsocketConsumer):
    @{decorator}
    def client(self):
        return nylas

    async def receive_json(self, content, **kwargs):
        client = await self.client()
        events = client.events.list(content["grant"], query_params={{"calendar_id": "p"}})
        await self.send_json({{"n": len(events.data)}})
"""


def test_client_from_a_channels_thread_adapter_is_followed(tmp_path: Path) -> None:
    # The consumer awaits what the method returns: its calls count, and Gmail's
    # read scope, which none needs, is unused.
    found = app_findings(tmp_path, {"app/consumers.py": CONSUMER.format(
        extra="", decorator="database_sync_to_async")})
    assert unused_gmail(found), found
    assert not unresolved_in(found, "consumers.py"), found


def test_client_returned_to_a_library_decorator_still_escapes(tmp_path: Path) -> None:
    found = app_findings(tmp_path, {"app/consumers.py": CONSUMER.format(
        extra="from somelib import hook\n", decorator="hook")})
    assert not unused_gmail(found), found
    assert unresolved_in(found, "consumers.py"), found
