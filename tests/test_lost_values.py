"""Values that reach a Nylas request or call by a way the analysis may not follow: the
scopes a dict literal names before a ``**spread`` that may replace them, a client stored
on a module by name, a context variable, a client or config set up in another module.
Each either is read exactly or is unresolved (NYS304) with the usage rules silent;
never judged as if the value were not there."""

from __future__ import annotations

from pathlib import Path

from fake_apps import FAKE, Found, V2_PYPROJECT, app_findings, unresolved_in, unused_gmail


# An API v2 app that posts its native-auth body with the scopes written before a
# spread of the settings' dict, then reads the calendar and sends a draft.
NATIVE_AUTH = """\
import requests
from nylas import APIClient
from app.settings import BASE

client = APIClient("id", "secret")


def login():
    return requests.post("https://api.nylas.com/connect/authorize",
                         json={BODY})


def events():
    return client.events.all()


def send():
    draft = client.drafts.create()
    draft.send()
"""

BASE = """\
BASE = {"client_id": "id", "name": "A", "email_address": "a@b.c", "provider": "gmail",
        "settings": {}}
"""

# Another module gives the settings' dict its own scopes, which the spread copies
# over the ones the body names first.
EXTRA = """\
from app.settings import BASE

BASE["scopes"] = "calendar.read_only,email.send"
"""


def native_app(root: Path, body: str) -> list[Found]:
    return app_findings(root, {
        "app/auth.py": NATIVE_AUTH.replace("{BODY}", body),
        "app/settings.py": BASE,
        "app/extra.py": EXTRA,
    }, V2_PYPROJECT)


def test_scopes_before_a_spread_that_may_replace_them_are_unresolved(tmp_path: Path) -> None:
    found = native_app(tmp_path, '{"scopes": "calendar", **BASE}')
    # The request sends whatever ``BASE["scopes"]`` holds when the spread copies it:
    # neither the send is missing nor the calendar broader than needed.
    assert [code for _, _, code in found if code[:6] in ("NYS301", "NYS302", "NYS303")] == []
    assert unresolved_in(found, "auth.py") == {10}


def test_scopes_after_a_spread_are_the_ones_sent(tmp_path: Path) -> None:
    # Written after the spread, the body's own key wins: it is read and judged.
    found = native_app(tmp_path, '{**BASE, "scopes": "calendar"}')
    codes = [(line, code[:6]) for name, line, code in found if name == "auth.py"]
    assert (10, "NYS302") in codes
    assert (19, "NYS301") in codes


def test_unresolved_body_says_a_spread_may_replace_its_scopes(tmp_path: Path) -> None:
    found = native_app(tmp_path, '{"scopes": "calendar", **BASE}')
    assert any(line == 10 and "a spread written after the body's 'scopes' may replace them"
               in code for _, line, code in found)


# The same, as the parameters of a hand-built /oauth/authorize URL and as the dict
# spread into ``authentication_url``.
HOSTED = """\
from urllib.parse import urlencode
from nylas import APIClient
from app.settings import BASE

client = APIClient("id", "secret")


def login():
    return "https://api.nylas.com/oauth/authorize?" + urlencode({BODY})


def events():
    return client.events.all()


def send():
    draft = client.drafts.create()
    draft.send()
"""

SDK_HOSTED = """\
from nylas import APIClient
from app.settings import BASE

client = APIClient("id", "secret")


def login():
    options = {BODY}
    return client.authentication_url(**options)


def events():
    return client.events.all()


def send():
    draft = client.drafts.create()
    draft.send()
"""

HOSTED_BASE = """\
BASE = {"client_id": "id", "response_type": "code", "redirect_uri": "https://a/cb"}
"""


def hosted_app(root: Path, module: str, body: str) -> list[Found]:
    return app_findings(root, {
        "app/auth.py": module.replace("{BODY}", body),
        "app/settings.py": HOSTED_BASE,
        "app/extra.py": EXTRA,
    }, V2_PYPROJECT)


def usage_codes(found: list[Found]) -> list[tuple[int, str]]:
    return sorted((line, code[:6]) for name, line, code in found
                  if name == "auth.py" and code[:6] in ("NYS301", "NYS302", "NYS303"))


def test_url_parameters_before_a_spread_are_unresolved(tmp_path: Path) -> None:
    found = hosted_app(tmp_path, HOSTED, '{"scopes": "calendar", **BASE}')
    assert usage_codes(found) == []
    assert unresolved_in(found, "auth.py") == {9}


def test_url_parameters_after_a_spread_are_read(tmp_path: Path) -> None:
    found = hosted_app(tmp_path, HOSTED, '{**BASE, "scopes": "calendar"}')
    assert usage_codes(found) == [(9, "NYS302"), (18, "NYS301")]


def test_keywords_spread_from_a_dict_whose_scopes_a_spread_may_replace(
        tmp_path: Path) -> None:
    found = hosted_app(tmp_path, SDK_HOSTED, '{"scopes": ["calendar"], **BASE}')
    assert usage_codes(found) == []
    assert unresolved_in(found, "auth.py") == {9}


def test_keywords_spread_from_a_dict_with_scopes_last(tmp_path: Path) -> None:
    found = hosted_app(tmp_path, SDK_HOSTED, '{**BASE, "scopes": ["calendar"]}')
    assert usage_codes(found) == [(8, "NYS302"), (18, "NYS301")]


# --- a client kept where the analysis cannot follow it -------------------------------
# The app's login (``AUTH``) asks for Gmail's read scope; only the calls below may
# need it.  Where they go through a way the analysis cannot follow, it says so
# (NYS304) and keeps the scope; where they go through a fake only, it is unused.

INBOX_OF_REGISTRY = """\
from app import registry


def inbox(grant):
    return registry.client.messages.list(grant)
"""


def test_client_set_on_a_module_by_name_keeps_the_scope(tmp_path: Path) -> None:
    found = app_findings(tmp_path, {
        "app/registry.py": "client = None\n",
        "app/boot.py": (
            "from nylas import Client\nfrom app import registry\n\n\n"
            "def boot(name):\n    setattr(registry, name, Client('key'))\n"),
        "app/mail.py": INBOX_OF_REGISTRY,
    })
    assert not unused_gmail(found)
    assert unresolved_in(found, "boot.py") == {6}


def test_module_dict_written_by_key_keeps_the_scope(tmp_path: Path) -> None:
    found = app_findings(tmp_path, {
        "app/registry.py": "client = None\n",
        "app/boot.py": (
            "from nylas import Client\nimport app.registry\n\n\n"
            "def boot():\n    app.registry.__dict__['client'] = Client('key')\n"),
        "app/mail.py": INBOX_OF_REGISTRY,
    })
    assert not unused_gmail(found)
    assert unresolved_in(found, "boot.py") == {6}


def test_module_attribute_set_to_a_fake_only_leaves_the_scope_unused(
        tmp_path: Path) -> None:
    found = app_findings(tmp_path, {
        "app/fakes.py": FAKE,
        "app/registry.py": "client = None\n",
        "app/boot.py": (
            "from app.fakes import Fake\nfrom app import registry\n\n\n"
            "def boot():\n    registry.client = Fake()\n"),
        "app/mail.py": INBOX_OF_REGISTRY,
    })
    assert unused_gmail(found)


CONTEXT_VARIABLE = """\
from contextvars import ContextVar

current_client = ContextVar("current_client")
"""

INBOX_OF_CONTEXT = """\
from app.ctx import current_client


def inbox(grant):
    client = current_client.get()
    return client.messages.list(grant)
"""


def test_client_set_in_a_context_variable_by_middleware_keeps_the_scope(
        tmp_path: Path) -> None:
    found = app_findings(tmp_path, {
        "app/ctx.py": CONTEXT_VARIABLE,
        "app/middleware.py": (
            "from nylas import Client\nfrom app.ctx import current_client\n\n\n"
            "async def middleware(request, call_next):\n"
            "    token = current_client.set(Client('key'))\n"
            "    try:\n        return await call_next(request)\n"
            "    finally:\n        current_client.reset(token)\n"),
        "app/mail.py": INBOX_OF_CONTEXT,
    })
    assert not unused_gmail(found)
    assert unresolved_in(found, "middleware.py") == {6}
    assert unresolved_in(found, "mail.py") == {6}


def test_client_chosen_in_a_loop_then_used_after_it_is_counted(tmp_path: Path) -> None:
    found = app_findings(tmp_path, {
        "app/fakes.py": FAKE,
        "app/mail.py": """\
            from nylas import Client
            from app.fakes import Fake


            def inbox(grant, regions):
                client = Fake()
                for region in regions:
                    if region:
                        with open(region) as key:
                            client = Client(key.read())
                return client.messages.list(grant)
            """,
    })
    assert not unused_gmail(found)
    assert unresolved_in(found, "mail.py") == set()


def test_fake_chosen_in_a_loop_leaves_the_scope_unused(tmp_path: Path) -> None:
    found = app_findings(tmp_path, {
        "app/fakes.py": FAKE,
        "app/mail.py": """\
            from app.fakes import Fake


            def inbox(grant, regions):
                client = None
                for region in regions:
                    client = Fake()
                return client.messages.list(grant)
            """,
    })
    assert unused_gmail(found)


def test_clients_made_concurrently_are_counted(tmp_path: Path) -> None:
    found = app_findings(tmp_path, {
        "app/fakes.py": FAKE,
        "app/makers.py": """\
            from nylas import Client
            from app.fakes import Fake


            async def make_mail():
                return Client("key")


            async def make_calendar():
                return Fake()
            """,
        "app/mail.py": """\
            import asyncio
            from app.makers import make_calendar, make_mail


            async def inbox(grant):
                calendar, mail = await asyncio.gather(make_calendar(), make_mail())
                return mail.messages.list(grant)
            """,
    })
    assert not unused_gmail(found)


def test_graphql_resolver_reading_the_client_from_its_context_keeps_the_scope(
        tmp_path: Path) -> None:
    found = app_findings(tmp_path, {
        "app/schema.py": """\
            import graphene


            class Query(graphene.ObjectType):
                count = graphene.Int(grant=graphene.String())

                def resolve_count(root, info, grant):
                    return len(info.context["nylas"].messages.list(grant).data)


            schema = graphene.Schema(query=Query)
            """,
        "app/views.py": """\
            from nylas import Client
            from app.schema import schema


            def graphql_view(query):
                return schema.execute(query, context_value={"nylas": Client("key")})
            """,
    })
    assert not unused_gmail(found)
    assert unresolved_in(found, "schema.py") == {8}


# --- a v3 login whose config stands elsewhere, and a login that cannot be read ---------

GMAIL = "https://www.googleapis.com/auth/gmail.readonly"
CALENDAR = "https://www.googleapis.com/auth/calendar"

CONFIG_LOGIN = """\
from nylas import Client
from app import config

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2(config.OAUTH)


def events(grant):
    return nylas.events.list(grant, query_params={"calendar_id": "primary"})
"""


def test_config_of_another_module_keeps_its_scopes_unjudged(tmp_path: Path) -> None:
    # Its other keys (``include_grant_scopes``) are not read across modules: the grant
    # may hold more than the list, so nothing is called unused.
    found = app_findings(tmp_path, {
        "app/auth.py": CONFIG_LOGIN,
        "app/config.py": (
            f'OAUTH = {{"client_id": "x", "redirect_uri": "https://a/cb", '
            f'"provider": "google", "scope": ["{GMAIL}", "{CALENDAR}"]}}\n'),
    })
    assert not unused_gmail(found)
    assert unresolved_in(found, "auth.py") == {8}


UNREADABLE_LOGIN = """\
import os
from nylas import Client

nylas = Client("key")


def admin_login():
    return nylas.auth.url_for_oauth2({
        "client_id": "x", "redirect_uri": "https://a/cb", "provider": "google",
        "scope": os.environ["ADMIN_SCOPES"].split()})
"""


def test_unreadable_login_beside_a_readable_one_keeps_the_scope(tmp_path: Path) -> None:
    # What the admin login asks for cannot be read: the app's other login may ask for
    # Gmail's read scope for a call only the admin's grant makes.  The NYS304 names
    # the request it cannot read.
    found = app_findings(tmp_path, {"app/admin.py": UNREADABLE_LOGIN})
    assert not unused_gmail(found)
    assert [(line, code.split(" ", 1)[1]) for name, line, code in found
            if name == "admin.py"] == [
        (8, "NYS304 cannot follow the scopes: cannot read a scopes value from "
            "\"os.environ['ADMIN_SCOPES'].split()\"; usage rules stay silent for the "
            "scopes it could touch")]


def test_readable_login_alone_is_judged(tmp_path: Path) -> None:
    assert unused_gmail(app_findings(tmp_path, {}))


# --- a hand-built /oauth/authorize URL whose parameters cannot be read ----------------

SECOND_LOGIN = """\
import requests
from urllib.parse import urlencode
from nylas import APIClient

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://a/cb", scopes=["calendar.read_only"])


def sender_login(params):
    return {URL}


def events():
    return client.events.all()


def send():
    draft = client.drafts.create()
    draft.send()
"""


def second_login(root: Path, url: str) -> list[Found]:
    return app_findings(root, {"app/auth.py": SECOND_LOGIN.replace("{URL}", url)},
                        V2_PYPROJECT)


def test_url_parameters_that_cannot_be_read_are_unresolved(tmp_path: Path) -> None:
    # The sender's login may ask for the send scope: the send is not reported missing.
    found = second_login(
        tmp_path, '"https://api.nylas.com/oauth/authorize?" + urlencode(params)')
    assert usage_codes(found) == []
    assert [code.split(" ", 1)[1] for name, line, code in found if line == 13] == [
        "NYS304 cannot follow the scopes: the /oauth/authorize parameters cannot be read; "
        "usage rules stay silent for the scopes it could touch"]


def test_url_query_that_cannot_be_read_is_unresolved(tmp_path: Path) -> None:
    found = second_login(tmp_path, 'f"https://api.nylas.com/oauth/authorize?{params}"')
    assert usage_codes(found) == []
    assert unresolved_in(found, "auth.py") == {13}


def test_url_request_parameters_that_cannot_be_read_are_unresolved(tmp_path: Path) -> None:
    found = second_login(tmp_path, 'requests.get("https://api.nylas.com/oauth/authorize", '
                                   'params=params).url')
    assert usage_codes(found) == []
    assert unresolved_in(found, "auth.py") == {13}


def test_url_parameters_written_out_are_judged(tmp_path: Path) -> None:
    found = second_login(tmp_path, (
        '"https://api.nylas.com/oauth/authorize?" + urlencode({"client_id": "id", '
        '"response_type": "code", "redirect_uri": "https://a/cb", "scopes": "calendar"})'))
    # The sender's login asks for the calendar only: the send is missing from both.
    assert usage_codes(found) == [(13, "NYS302"), (22, "NYS301")]
    assert unresolved_in(found, "auth.py") == set()


# The same for API v3's ``/v3/connect/auth``: the app's login asks for the calendar,
# another builds its URL from a query the analysis cannot read, and the inbox is read.

CALENDAR_LOGIN = f"""\
from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "x", "redirect_uri": "https://a/cb", "provider": "google",
        "scope": ["{CALENDAR}"]}})


def events(grant):
    return nylas.events.list(grant, query_params={{"calendar_id": "primary"}})


def inbox(grant):
    return nylas.messages.list(grant)
"""

OTHER_LOGIN = """\
import requests
from urllib.parse import urlencode


def admin_login(config):
    return {URL}
"""


def v3_second_login(root: Path, url: str) -> list[Found]:
    return app_findings(root, {"app/auth.py": CALENDAR_LOGIN,
                               "app/other.py": OTHER_LOGIN.replace("{URL}", url)})


def test_v3_url_query_that_cannot_be_read_is_unresolved(tmp_path: Path) -> None:
    found = v3_second_login(
        tmp_path, 'f"https://api.us.nylas.com/v3/connect/auth?{urlencode(config)}"')
    assert [code for _, _, code in found if code.startswith("NYS301")] == []
    assert unresolved_in(found, "other.py") == {6}


def test_v3_url_whole_query_hole_is_unresolved(tmp_path: Path) -> None:
    found = v3_second_login(tmp_path, 'f"https://api.us.nylas.com/v3/connect/auth?{config}"')
    assert [code for _, _, code in found if code.startswith("NYS301")] == []
    assert unresolved_in(found, "other.py") == {6}


def test_v3_url_query_written_out_is_read(tmp_path: Path) -> None:
    found = v3_second_login(tmp_path, (
        'f"https://api.us.nylas.com/v3/connect/auth?{urlencode({\'client_id\': \'x\', '
        '\'redirect_uri\': \'r\', \'response_type\': \'code\', \'provider\': \'google\', '
        f'\'scope\': \'{CALENDAR}\'}})}}"'))
    # Both logins ask for the calendar alone: the inbox needs Gmail's read scope.
    assert [(name, line) for name, line, code in found if code.startswith("NYS301")] == [
        ("auth.py", 17)]
    assert unresolved_in(found, "other.py") == set()


def test_url_naming_its_scopes_beside_unread_parameters_is_judged(tmp_path: Path) -> None:
    # The query's own ``scopes`` are the request's: more parameters added from a dict
    # the analysis cannot read (a state, a login hint) are not another request.
    found = second_login(tmp_path, (
        'f"https://api.nylas.com/oauth/authorize?client_id=id&response_type=code'
        '&scopes=calendar&{urlencode(params)}"'))
    assert usage_codes(found) == [(13, "NYS302"), (22, "NYS301")]
    assert unresolved_in(found, "auth.py") == set()
