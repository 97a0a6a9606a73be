"""``fix`` on lists it changes or cannot change: a list whose every item goes and new
ones come keeps the layout of the old ones; a list naming members of a scope Enum is
where an unused member goes."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tool_runs import nylas_scopes

# Both requested scopes are unused; creating an event on "primary" needs Google's
# full calendar scope, which neither grants.  The list is reached through a table of
# lists per provider, so the removals and the addition are one edit of the list.
TABLE_APP = """\
from nylas import Client

GOOGLE_SCOPES = [
    "https://www.googleapis.com/auth/calendar.events",
    "https://www.googleapis.com/auth/contacts.readonly",
]
MICROSOFT_SCOPES = ["Calendars.ReadWrite", "offline_access"]
BY_PROVIDER = {"google": GOOGLE_SCOPES, "microsoft": MICROSOFT_SCOPES}
nylas = Client("key")


def login(provider):
    return nylas.auth.url_for_oauth2(
        {"client_id": "c", "redirect_uri": "r", "provider": provider,
         "scope": BY_PROVIDER[provider]}
    )


def add_event(grant):
    nylas.events.create(grant, request_body={}, query_params={"calendar_id": "primary"})
"""


def _diff(tmp_path: Path, source: str) -> str:
    (tmp_path / "app.py").write_text(source)
    run = nylas_scopes(tmp_path, "fix", "--isolated", "--diff", "--unsafe-fixes", ".")
    assert run.returncode == 1, run.stderr
    return run.stdout


def test_a_list_emptied_and_refilled_keeps_the_indentation_of_its_items(
        tmp_path: Path) -> None:
    diff = _diff(tmp_path, TABLE_APP)
    assert textwrap.dedent("""\
         GOOGLE_SCOPES = [
        -    "https://www.googleapis.com/auth/calendar.events",
        -    "https://www.googleapis.com/auth/contacts.readonly",
        +    "https://www.googleapis.com/auth/calendar",
         ]
        """) in diff


def test_a_list_on_one_line_emptied_and_refilled_stays_on_one_line(tmp_path: Path) -> None:
    source = TABLE_APP.replace(
        '[\n    "https://www.googleapis.com/auth/calendar.events",\n'
        '    "https://www.googleapis.com/auth/contacts.readonly",\n]',
        '["https://www.googleapis.com/auth/calendar.events", '
        '"https://www.googleapis.com/auth/contacts.readonly"]',
    )
    assert "GOOGLE_SCOPES = [\n" not in source
    diff = _diff(tmp_path, source)
    assert '+GOOGLE_SCOPES = ["https://www.googleapis.com/auth/calendar"]\n' in diff


def test_a_list_that_keeps_an_item_appends_at_its_indentation(tmp_path: Path) -> None:
    # Control: the contacts scope is used and stays, the new one follows it.
    diff = _diff(tmp_path, TABLE_APP + (
        "\n\ndef people(grant):\n    return nylas.contacts.list(grant)\n"))
    assert textwrap.dedent("""\
         GOOGLE_SCOPES = [
        -    "https://www.googleapis.com/auth/calendar.events",
             "https://www.googleapis.com/auth/contacts.readonly",
        +    "https://www.googleapis.com/auth/calendar",
         ]
        """) in diff


# A list naming members of a scope Enum: the unused member is reported where the class
# defines it, but deleting it there would break the list (AttributeError on import).
ENUM_APP = """\
from enum import StrEnum

from nylas import Client

nylas = Client("key")


class GoogleScope(StrEnum):
    READ = "https://www.googleapis.com/auth/gmail.readonly"
    CAL = "https://www.googleapis.com/auth/calendar.readonly"


def login():
    return nylas.auth.url_for_oauth2(
        {"client_id": "c", "redirect_uri": "r", "scope": SCOPES}
    )


def unread(grant):
    return nylas.messages.list(grant).data
"""


def _enum_fix(tmp_path: Path, scopes: str) -> str:
    (tmp_path / "app.py").write_text(ENUM_APP + f"\n\nSCOPES = {scopes}\n")
    run = nylas_scopes(tmp_path, "fix", "--isolated", "--diff", "--unsafe-fixes", ".")
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""
    return run.stderr


def test_an_unused_member_a_list_names_is_said_to_go_from_the_list(tmp_path: Path) -> None:
    stderr = _enum_fix(tmp_path, "[GoogleScope.READ, GoogleScope.CAL]")
    assert stderr == (
        "nylas-scopes: warning: app.py:10:11: NYS303 not fixed: the item is the value of"
        " an attribute of a class (an Enum member, say), not an element of a list; take it"
        " out of each list that names the member, or, where a request takes every member"
        " of the class, remove it by hand where the class defines it\n")


def test_an_unused_member_of_a_whole_enum_is_still_said_to_go_from_the_class(
        tmp_path: Path) -> None:
    # Control: the request takes every member; the class is where the scope goes.
    stderr = _enum_fix(tmp_path, "list(GoogleScope)")
    assert "app.py:10:11: NYS303 not fixed" in stderr
    assert stderr.endswith("remove it by hand where the class defines it\n")
