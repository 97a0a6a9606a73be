"""Findings that read together: a scope reported unused beside the broader scope the
calls need, a Gmail companion that is not asked for beside a scope to remove, one
report of one unread call, and a query dict given by position in a module that does
not name Nylas.  Each app is small and written inline."""

from __future__ import annotations

from pathlib import Path

from fake_apps import V2_PYPROJECT, analysed, write_app


V2_LOGIN = """\
from nylas import APIClient

client = APIClient("id", "secret", "token")


def login():
    return client.authentication_url("https://a/cb", scopes={scopes})


def read():
    return list(client.messages.all())
"""


def _said(root: Path) -> list[tuple[str, int, str]]:
    """(file name, line, message) of every finding, NYS304 on, sorted."""
    return sorted((Path(f.span.path).name, f.span.line, f.message) for f in analysed(root))


# --- one report of a call of a member the API v2 client does not have ---------------

def test_an_unmapped_client_member_of_an_imported_client_is_reported_once(
        tmp_path: Path) -> None:
    # nylas-python 5.14.1's APIClient has no ``send_raw`` (only ``Draft.send_raw``):
    # the call stays unresolved, once, and the email scopes stay unjudged.
    write_app(tmp_path, {"app/__init__.py": "", "app/auth.py": V2_LOGIN.format(
        scopes='["email.send", "email.read_only"]'), "app/jobs.py": """\
        from app.auth import client


        def send(mime):
            return client.send_raw(mime)
        """}, V2_PYPROJECT)
    assert _said(tmp_path) == [
        ("jobs.py", 5, "NYS304 client.send_raw is not in the endpoint map; "
         "usage rules stay silent for the scopes it could touch")]


def test_an_unmapped_member_of_a_client_parameter_stays_one_report(tmp_path: Path) -> None:
    # Control: a receiver read as a name was reported once before, and still is.
    write_app(tmp_path, {"app/__init__.py": "", "app/auth.py": V2_LOGIN.format(
        scopes='["email.send", "email.read_only"]'), "app/jobs.py": """\
        from app.auth import client


        def send(mime, api=client):
            api.send_raw(mime)
        """}, V2_PYPROJECT)
    assert _said(tmp_path) == [
        ("jobs.py", 5, "NYS304 api.send_raw is not in the endpoint map; "
         "usage rules stay silent for the scopes it could touch")]


# --- an unused scope beside the broader scope the calls need --------------------------

CALENDAR = "https://www.googleapis.com/auth/calendar"

V3_LOGIN = """\
from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
        "scope": [{scopes}]}})


def events(grant):
    return nylas.events.list(grant, query_params={{"calendar_id": "primary"}})
"""


def test_an_unused_scope_the_missing_one_includes_is_told_as_replaced(tmp_path: Path) -> None:
    # The primary calendar's events need the full calendar scope (V3-22), which
    # includes the read-only one: dropping it alone would read as a contradiction.
    write_app(tmp_path, {"app/__init__.py": "", "app/auth.py": V3_LOGIN.format(
        scopes=f'"{CALENDAR}.readonly"')})
    said = [message for _, _, message in _said(tmp_path)]
    assert said[0] == (
        f"NYS303 '{CALENDAR}.readonly' is requested but no Nylas call in the project needs "
        f"it once '{CALENDAR}', which the calls need, is added; replace it with '{CALENDAR}'")
    assert said[1].startswith(f"NYS301 nylas.events.list() (GET /v3/grants/{{identifier}}/"
                              f"events) needs '{CALENDAR}' (with calendar_id='primary')")
    assert len(said) == 2


def test_an_unused_scope_of_another_family_is_still_to_remove(tmp_path: Path) -> None:
    # Control: the missing calendar scope does not include the contacts scope, which
    # is simply unused.
    contacts = "https://www.googleapis.com/auth/contacts.readonly"
    write_app(tmp_path, {"app/__init__.py": "", "app/auth.py": V3_LOGIN.format(
        scopes=f'"{contacts}"')})
    said = [message for _, _, message in _said(tmp_path)]
    assert said[0] == (f"NYS303 '{contacts}' is requested but no Nylas call in the project "
                       f"needs it; remove it")
    assert said[1].startswith("NYS301 nylas.events.list()")
    assert len(said) == 2


def test_an_unused_v2_scope_the_missing_one_includes_is_told_as_replaced(
        tmp_path: Path) -> None:
    # ``event.save()`` of a new event posts it (POST /events): the read-only calendar
    # scope does not serve it, the calendar scope that includes it does.
    write_app(tmp_path, {"app/__init__.py": "", "app/auth.py": """\
        from nylas import APIClient

        client = APIClient("id", "secret", "token")


        def login():
            return client.authentication_url("https://a/cb", scopes=["calendar.read_only"])


        def make_event():
            event = client.events.create()
            event.title = "x"
            event.save()
        """}, V2_PYPROJECT)
    assert [message.split(" but ")[0] + " | " + message.split("; ")[-1]
            for _, _, message in _said(tmp_path)] == [
        "NYS303 'calendar.read_only' is requested | replace it with 'calendar'",
        "NYS301 event.save() (POST /events) needs 'calendar' | add 'calendar'"]


# --- NYS202 beside an NYS303 on the same email.send -----------------------------------

SEND_ONLY_LOGIN = """\
from nylas import APIClient

client = APIClient("id", "secret", "token")


def login():
    return client.authentication_url("https://a/cb", scopes=["calendar", "email.send"])


def events():
    event = client.events.create()
    event.title = "x"
    event.save()
"""


def test_send_only_advice_names_the_removal_where_nothing_sends(tmp_path: Path) -> None:
    write_app(tmp_path, {"app/__init__.py": "", "app/auth.py": SEND_ONLY_LOGIN},
              V2_PYPROJECT)
    assert [(line, message) for _, line, message in _said(tmp_path)] == [
        (7, "NYS202 'email.send' as the only email scope breaks threading on Gmail accounts; "
            "remove 'email.send', which no Nylas call in the project needs (NYS303), or, if "
            "code outside the project sends with it, add an email scope to read with "
            "(e.g. 'email.read_only')"),
        (7, "NYS303 'email.send' is requested but no Nylas call in the project needs it; "
            "remove it")]


def test_send_only_advice_asks_for_a_companion_where_the_app_sends(tmp_path: Path) -> None:
    # Control: a draft the app sends needs email.send; NYS202 keeps its advice.
    write_app(tmp_path, {"app/__init__.py": "", "app/auth.py": SEND_ONLY_LOGIN + """

def send():
    draft = client.drafts.create()
    draft.subject = "Hi"
    draft.send()
"""}, V2_PYPROJECT)
    assert [(line, message) for _, line, message in _said(tmp_path)] == [
        (7, "NYS202 'email.send' as the only email scope breaks threading on Gmail accounts; "
            "add the email scope the app reads with (e.g. 'email.read_only')")]


# --- a query dict given by position in a module that does not name Nylas --------------

READONLY_LOGIN = f"""\
from nylas import Client

client = Client("key")


def login():
    return client.auth.url_for_oauth2({{
        "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
        "scope": ["{CALENDAR}.readonly"]}})
"""


def _jobs(calendar: str) -> str:
    return f"""\
        import asyncio

        from app.auth import client


        def events(grant):
            return client.events.list(grant, {{"calendar_id": "{calendar}"}})


        async def later(grant):
            return await asyncio.to_thread(
                client.events.list, grant, {{"calendar_id": "{calendar}"}})
        """


def test_a_query_dict_given_by_position_is_read_without_naming_nylas(tmp_path: Path) -> None:
    # The primary calendar's events need the full calendar scope (V3-22).
    write_app(tmp_path, {"app/__init__.py": "", "app/auth.py": READONLY_LOGIN,
                         "app/jobs.py": _jobs("primary")})
    missing = [(file, line, message.split(" (GET")[0]) for file, line, message
               in _said(tmp_path) if message.startswith("NYS301")]
    assert missing == [("jobs.py", 7, "NYS301 client.events.list()"),
                       ("jobs.py", 11, "NYS301 client.events.list via asyncio.to_thread()")]


def test_a_query_dict_of_another_calendar_given_by_position_keeps_the_read_scope(
        tmp_path: Path) -> None:
    # Control: another calendar's events need the read-only scope, which is asked.
    write_app(tmp_path, {"app/__init__.py": "", "app/auth.py": READONLY_LOGIN,
                         "app/jobs.py": _jobs("team")})
    assert _said(tmp_path) == []
