"""A member of a Nylas client that the SDK tables do not know (a resource a later
release added) may send any request: calling it is unresolved, and the usage rules
stay silent.  The data the client holds (``api_key``) sends nothing."""

from __future__ import annotations

from pathlib import Path

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
JUDGED = frozenset({"NYS301", "NYS302", "NYS303", "NYS304", "NYS405"})


def _findings(tmp_path: Path, main: str, client_names: tuple[str, ...] = ()
              ) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "main.py").write_text(main)
    config = make_config(client_names=client_names)
    result = analyse([str(tmp_path)], config, lambda code: True, use_cache=False)
    return sorted((f.code, f.message) for f in result.findings if f.code in JUDGED)


def _v3(body: str, before: str = "") -> str:
    return f'''import os
from nylas import Client
{before}
nylas = Client(os.environ["NYLAS_API_KEY"])


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": ["{G}gmail.readonly", "{G}calendar"],
    }})


def work(grant_id):
    nylas.messages.list(grant_id)
{body}
'''


def _v2(body: str) -> str:
    return f'''from nylas import APIClient

client = APIClient("id", "secret", "token")


def login():
    return client.authentication_url("https://a.example/cb",
                                     scopes=["email.read_only", "calendar"])


def work():
    client.threads.all()
{body}
'''


def _unused(found: list[tuple[str, str]]) -> list[str]:
    return [message.split("'")[1] for code, message in found if code == "NYS303"]


def test_a_call_through_an_unknown_v3_client_attribute_is_unresolved(tmp_path: Path) -> None:
    found = _findings(tmp_path, _v3("    nylas.brand_new.list(grant_id)"))
    assert [code for code, _ in found] == ["NYS304"]
    assert "nylas.brand_new.list()" in found[0][1]


def test_an_unknown_v3_client_attribute_held_in_a_name_is_unresolved(tmp_path: Path) -> None:
    found = _findings(tmp_path, _v3("    later = nylas.brand_new\n    later.sync(grant_id)"))
    assert [code for code, _ in found] == ["NYS304"]


def test_an_unknown_method_of_a_resource_held_in_a_name_may_need_its_scopes(
        tmp_path: Path) -> None:
    # A method a later release added to the events resource may need the calendar
    # scope; it cannot need the contacts scope, which stays unused.
    found = _findings(tmp_path, _v3("    later = nylas.events.brand_new\n    later(grant_id)")
                      .replace('calendar"]', 'calendar", "' + G + 'contacts.readonly"]'))
    assert _unused(found) == [f"{G}contacts.readonly"]
    assert any(code == "NYS304" and "later()" in message for code, message in found)


def test_the_v3_client_s_own_data_sends_nothing(tmp_path: Path) -> None:
    # The control: reading (and using) what the client holds leaves the claims made.
    body = "    print(nylas.api_key, nylas.api_uri)\n    nylas.api_key.strip()"
    assert _unused(_findings(tmp_path, _v3(body))) == [f"{G}calendar"]


def test_a_subclass_s_own_attributes_are_not_taken_for_the_sdk_s(tmp_path: Path) -> None:
    before = '''import logging


class Mail(Client):
    def __init__(self, key):
        super().__init__(api_key=key)
        self.log = logging.getLogger("mail")

    def recent(self, grant_id):
        self.log.info("listing")
        return self.messages.list(grant_id)


mail = Mail("key")
'''
    found = _findings(tmp_path, _v3("    mail.log.info('x')\n    mail.recent(grant_id)", before))
    assert _unused(found) == [f"{G}calendar"]


def test_a_call_through_an_unknown_v2_client_attribute_is_unresolved(tmp_path: Path) -> None:
    found = _findings(tmp_path, _v2("    client.brand_new.all()"))
    assert [code for code, _ in found] == ["NYS304"]
    assert "client.brand_new.all()" in found[0][1]


def test_the_v2_client_s_session_can_send_anything(tmp_path: Path) -> None:
    # 4.x sets the bearer token on the session.
    found = _findings(tmp_path, _v2('    client.session.get("https://api.nylas.com/events")'))
    assert [code for code, _ in found] == ["NYS304"]


def test_the_v2_client_s_own_data_sends_nothing(tmp_path: Path) -> None:
    body = "    print(client.api_server, client.client_id)\n    client.is_opensource_api()"
    assert _unused(_findings(tmp_path, _v2(body))) == ["calendar"]


CONFIGURED = f'''from elsewhere import make

nylas = make()


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": ["{G}gmail.readonly", "{G}calendar"],
    }})


def work(grant_id):
    nylas.messages.list(grant_id)
    grants = nylas.grants
    grants.find(grant_id)
BODY
'''


def test_a_name_one_generation_knows_is_no_later_member_of_the_other(
        tmp_path: Path) -> None:
    # A configured client name may hold a client of either generation: ``auth`` and
    # ``grants`` are v3 resources, not members a later v2 release added.
    found = _findings(tmp_path, CONFIGURED.replace("BODY", ""), client_names=("nylas",))
    assert _unused(found) == [f"{G}calendar"]


def test_a_name_neither_generation_knows_is_unresolved_on_a_configured_client(
        tmp_path: Path) -> None:
    found = _findings(tmp_path, CONFIGURED.replace("BODY", "    nylas.brand_new.go(grant_id)"),
                      client_names=("nylas",))
    assert [code for code, _ in found] == ["NYS304"]
