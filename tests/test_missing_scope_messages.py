"""NYS301's message and fix name only the scopes the request lacks, and a call the app
makes only where its own check of the grant holds the scope is not reported missing."""

from __future__ import annotations

from pathlib import Path

from flake8_nylas_scopes.findings import Finding
from tests.fake_apps import analysed, write_app

GOOGLE = "https://www.googleapis.com/auth/"
SEND = GOOGLE + "gmail.send"
PYPROJECT = "[project]\nname = 'app'\ndependencies = ['nylas>=6']\n"

LOGIN = """\
from nylas import Client

client = Client("key")


def login():
    return client.auth.url_for_oauth2({{
        "client_id": "x", "redirect_uri": "https://example.com/cb",
        "provider": "{provider}", "scope": {scopes!r}}})
"""


def _missing(root: Path, provider: str, scopes: list[str], body: str) -> list[Finding]:
    """The NYS301 findings of an app whose login asks ``provider`` for ``scopes`` and
    whose ``app/main.py`` is ``body`` (``client`` the login's client)."""
    write_app(root, {
        "app/__init__.py": "",
        "app/auth.py": LOGIN.format(provider=provider, scopes=scopes),
        "app/main.py": "from app.auth import client\n\n\n" + body,
    }, PYPROJECT)
    return [finding for finding in analysed(root) if finding.code == "NYS301"]


RSVP = """\
def answer(grant_id, event_id):
    return client.events.send_rsvp(grant_id, event_id, request_body={"status": "yes"},
                                   query_params={"calendar_id": "primary"})
"""

SEND_MAIL = """\
def send(grant_id, body):
    return client.messages.send(grant_id, request_body=body)
"""


def test_google_suggestion_leaves_out_the_scope_requested(tmp_path: Path) -> None:
    # The call needs calendar + gmail.send; the login has calendar: add gmail.send.
    [found] = _missing(tmp_path, "google", [GOOGLE + "calendar"], RSVP)
    assert found.message.endswith(f"; add {SEND!r}")
    assert found.fix is not None and found.fix.replacement == (SEND,)


def test_google_suggestion_names_both_scopes_when_neither_is_requested(
        tmp_path: Path) -> None:
    [found] = _missing(tmp_path, "google", [GOOGLE + "gmail.readonly"], RSVP)
    assert found.message.endswith(f"; add {GOOGLE + 'calendar'!r} + {SEND!r}")
    assert found.fix is not None and found.fix.replacement == (GOOGLE + "calendar", SEND)


def test_microsoft_suggestion_adds_only_mail_send(tmp_path: Path) -> None:
    # Mail.ReadWrite + Mail.Send serves the call, and the login has Mail.ReadWrite: the
    # option needing Mail.ReadWrite.Shared as well is not the one suggested.
    [found] = _missing(tmp_path, "microsoft", ["Mail.ReadWrite"], SEND_MAIL)
    assert found.message.endswith("; add 'Mail.Send'")
    assert found.fix is not None and found.fix.replacement == ("Mail.Send",)


def test_microsoft_suggestion_without_either_scope(tmp_path: Path) -> None:
    [found] = _missing(tmp_path, "microsoft", ["Calendars.Read"], SEND_MAIL)
    assert found.message.endswith("; add 'Mail.ReadWrite' + 'Mail.Send'")


def _all(root: Path, scopes: list[str], body: str) -> list[tuple[int, str]]:
    """(line, message with its code) of each finding of a Google app (one analysis)."""
    write_app(root, {
        "app/__init__.py": "",
        "app/auth.py": LOGIN.format(provider="google", scopes=scopes),
        "app/main.py": "from app.auth import client\n\n\n" + body,
    }, PYPROJECT)
    return sorted((finding.span.line, finding.message) for finding in analysed(root))


GRANT_CHECK = f"""\
SEND = "{SEND}"


def send(grant_id, body):
    grant = client.grants.find(grant_id).data
    if {{test}}:
        client.messages.send(grant_id, request_body=body)
    return client.messages.list(grant_id)
"""


def test_call_under_a_check_of_the_grants_scope_is_not_missing(tmp_path: Path) -> None:
    # The app sends only where the grant holds gmail.send: it expects grants without.
    assert _missing(tmp_path, "google", [GOOGLE + "gmail.readonly"],
                    GRANT_CHECK.format(test="SEND in grant.scope")) == []


def test_call_under_a_check_of_another_scope_is_still_missing(tmp_path: Path) -> None:
    body = GRANT_CHECK.format(test=f'"{GOOGLE}gmail.readonly" in grant.scope')
    [found] = _missing(tmp_path, "google", [GOOGLE + "gmail.readonly"], body)
    assert (found.span.line, found.message.endswith(f"add {SEND!r}")) == (10, True)


def test_else_of_a_negated_check_guards_the_call(tmp_path: Path) -> None:
    body = GRANT_CHECK.format(test="SEND not in grant.scope").replace(
        "        client.messages.send", "        pass\n    else:\n        client.messages.send")
    assert _missing(tmp_path, "google", [GOOGLE + "gmail.readonly"], body) == []
    body = GRANT_CHECK.format(test="SEND not in grant.scope")
    assert [found.span.line for found in _missing(
        tmp_path / "negated", "google", [GOOGLE + "gmail.readonly"], body)] == [10]


TOKEN_CHECK = """\
def callback(code, body):
    token = client.auth.exchange_code_for_token({{
        "client_id": "x", "redirect_uri": "https://example.com/cb", "code": code}})
{check}
    client.messages.send(token.grant_id, request_body=body)
"""


def test_part_of_a_scope_tested_in_the_token_guards_the_call(tmp_path: Path) -> None:
    # ``token.scope`` is one string of scopes: the app tests a part of the name.
    check = '    if "gmail.send" not in token.scope:\n        raise PermissionError("send")'
    assert _missing(tmp_path, "google", [GOOGLE + "gmail.readonly"],
                    TOKEN_CHECK.format(check=check)) == []


def test_part_shared_by_several_scopes_guards_nothing_they_do_not_all_serve(
        tmp_path: Path) -> None:
    # "calendar" is part of calendar.readonly too, which cannot create events.
    body = """\
def book(grant_id, token, body):
    if "calendar" in token.scope:
        client.events.create(grant_id, request_body=body,
                             query_params={"calendar_id": "work"})
"""
    assert [found.span.line for found in _missing(
        tmp_path, "google", [GOOGLE + "gmail.readonly"], body)] == [6]


def _listing_after(check: str) -> str:
    """``TOKEN_CHECK`` listing the messages instead of sending, after ``check``."""
    return TOKEN_CHECK.format(check=check).replace(
        "    client.messages.send(token.grant_id, request_body=body)",
        "    return client.messages.list(token.grant_id)")


def test_part_of_a_scope_tested_keeps_it_from_unused(tmp_path: Path) -> None:
    # The app refuses logins without gmail.send: the scope is used, though no call
    # sends (the check is unresolved, NYS304, never NYS303).
    check = '    if "gmail.send" not in token.scope:\n        raise PermissionError("send")'
    found = _all(tmp_path, [GOOGLE + "gmail.readonly", SEND], _listing_after(check))
    assert [line for line, message in found if message.startswith("NYS304")] == [7]
    assert not any(message.startswith("NYS303") for _, message in found)


def test_a_gmail_send_request_no_check_tests_is_unused(tmp_path: Path) -> None:
    check = '    if "gmail.readonly" not in token.scope:\n        raise PermissionError("read")'
    found = _all(tmp_path, [GOOGLE + "gmail.readonly", SEND], _listing_after(check))
    assert [message for _, message in found if message.startswith("NYS303")] == [
        f"NYS303 {SEND!r} is requested but no Nylas call in the project needs it; remove it"]


def test_call_in_the_else_of_a_check_is_still_missing(tmp_path: Path) -> None:
    body = GRANT_CHECK.format(test="SEND in grant.scope").replace(
        "        client.messages.send", "        pass\n    else:\n        client.messages.send")
    assert [found.span.line for found in _missing(
        tmp_path, "google", [GOOGLE + "gmail.readonly"], body)] == [12]


V2_APP = """\
from nylas import APIClient

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://example.com/cb", scopes=["email.read_only"])


def send(granted, to):
    {check}
    draft = client.drafts.create()
    draft.to = [{{"email": to}}]
    draft.send()
    return [message.subject for message in client.messages.all()]
"""


def _v2_missing(root: Path, check: str) -> list[tuple[int, str]]:
    write_app(root, {"app/__init__.py": "", "app/main.py": V2_APP.format(check=check)},
              "[project]\nname = 'app'\ndependencies = ['nylas<6']\n")
    return [(found.span.line, found.message) for found in analysed(root)
            if found.code == "NYS301"]


def test_api_v2_call_after_a_check_that_refuses_the_grant_is_not_missing(
        tmp_path: Path) -> None:
    assert _v2_missing(tmp_path, 'if "email.send" not in granted: raise ValueError') == []


def test_api_v2_call_after_a_check_that_goes_on_is_still_missing(tmp_path: Path) -> None:
    # The check only logs: the call runs whatever the grant holds.
    found = _v2_missing(tmp_path, 'if "email.send" not in granted: print("no send")')
    assert [(line, message.endswith("add 'email.send'")) for line, message in found] == [
        (14, True)]


RSVP_UNREAD_CALENDAR = """\
class Rsvp:
    def __init__(self, cal):
        self.cal = cal

    def answer(self, grant_id, event_id, body):
        return client.events.send_rsvp(grant_id, event_id, request_body={body},
                                       query_params={{"calendar_id": self.cal}})
"""


def test_rsvp_to_an_unread_calendar_needs_the_send_scope(tmp_path: Path) -> None:
    # The body is read whole and has no skip_nylas_email: whatever the calendar, the
    # RSVP is mailed, which needs a send scope the login lacks.
    body = RSVP_UNREAD_CALENDAR.format(body='{"status": "yes"}')
    [found] = _missing(tmp_path, "google", [GOOGLE + "calendar"], body)
    assert found.span.line == 9
    assert "(whatever calendar_id is)" in found.message
    assert found.message.endswith(f"; add {SEND!r}")


def test_rsvp_that_skips_the_mail_or_whose_body_is_unread_is_not_missing(
        tmp_path: Path) -> None:
    skipped = RSVP_UNREAD_CALENDAR.format(body='{"status": "yes", "skip_nylas_email": True}')
    unread = RSVP_UNREAD_CALENDAR.format(body="body")
    assert _missing(tmp_path / "skipped", "google", [GOOGLE + "calendar"], skipped) == []
    assert _missing(tmp_path / "unread", "google", [GOOGLE + "calendar"], unread) == []


def _with_scopes_module(root: Path, test: str, scope: str) -> list[Finding]:
    """``_missing`` of ``GRANT_CHECK`` whose constant lives in ``app/scopes.py``."""
    (root / "app").mkdir(parents=True)
    (root / "app" / "scopes.py").write_text(f'SEND = "{scope}"\n', encoding="utf-8")
    body = GRANT_CHECK.format(test=test).replace(f'SEND = "{SEND}"\n', "")
    return _missing(root, "google", [GOOGLE + "gmail.readonly"],
                    body.replace("def send(", "from app import scopes\nfrom app.scopes import "
                                 "SEND\n\n\ndef send(", 1))


def test_check_of_another_modules_constant_guards_the_call(tmp_path: Path) -> None:
    # ``SEND`` imported, or read as ``scopes.SEND``: the same check as the literal.
    assert _with_scopes_module(tmp_path / "name", "SEND in grant.scope", SEND) == []
    assert _with_scopes_module(tmp_path / "attr", "scopes.SEND in grant.scope", SEND) == []


def test_check_of_another_modules_constant_naming_another_scope_guards_nothing(
        tmp_path: Path) -> None:
    [found] = _with_scopes_module(tmp_path, "SEND in grant.scope", GOOGLE + "gmail.readonly")
    assert found.message.endswith(f"add {SEND!r}")


def test_api_v2_call_after_a_check_of_another_modules_constant_is_not_missing(
        tmp_path: Path) -> None:
    def missing(root: Path, constant: str) -> list[tuple[int, str]]:
        (root / "app").mkdir(parents=True)
        (root / "app" / "scopes.py").write_text(f'SEND = "{constant}"\n', encoding="utf-8")
        check = "if SEND not in granted: raise ValueError"
        write_app(root, {"app/__init__.py": "", "app/main.py": "from app.scopes import SEND\n"
                         + V2_APP.format(check=check)},
                  "[project]\nname = 'app'\ndependencies = ['nylas<6']\n")
        return [(found.span.line, found.message) for found in analysed(root)
                if found.code == "NYS301"]

    assert missing(tmp_path / "send", "email.send") == []
    # The same check of a constant naming another scope leaves the call missing.
    assert [line for line, _ in missing(tmp_path / "read", "email.read_only")] == [15]
