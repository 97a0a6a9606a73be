"""A scope list with items the analysis cannot read (``[EXTRA, "calendar"]``, ``EXTRA``
from outside the project): what its read items say is judged, never more.

An item no call needs is unneeded whatever the other items are (NYS303).  Whether a
read item could give way to a narrower one (NYS302), or a call misses a scope
(NYS301), depends on what the unread items grant: those stay silent, and NYS304 says
which list could not be read whole.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

CALLS = {
    "read": "    return [m.subject for m in nylas.messages.where(limit=3)]\n",
    "send": "    draft = nylas.drafts.create()\n    draft.send()\n",
    "star": "    for thread in nylas.threads.where(unread=True):\n        thread.star()\n",
    "book": "    event = nylas.events.create()\n    event.save()\n",
}


def _app(items: list[str], calls: list[str], unread: bool) -> str:
    listed = ", ".join([*(["EXTRA"] if unread else []), *(repr(item) for item in items)])
    body = "".join(CALLS[call] for call in calls) or "    pass\n"
    return (
        "from nylas import APIClient\n"
        "from vendor_settings import EXTRA\n\n"
        'nylas = APIClient("id", "secret")\n\n\n'
        "def login():\n"
        f'    return nylas.authentication_url("https://a/cb", scopes=[{listed}])\n\n\n'
        "def work(token):\n"
        "    nylas.access_token = token\n"
        f"{body}"
    )


def _claims(root: Path, text: str) -> set[tuple[str, str]]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (root / "app.py").write_text(text)
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    return {(finding.code, finding.message.split("'")[1] if "'" in finding.message else "")
            for finding in result.findings}


def test_an_unneeded_item_of_a_partly_read_list_is_reported(tmp_path: Path) -> None:
    claims = _claims(tmp_path, _app(["calendar", "email.modify"], ["read"], unread=True))
    assert ("NYS303", "calendar") in claims
    # email.modify serves the read; whether email.read_only should take its place
    # depends on what EXTRA grants.
    assert not any(code == "NYS302" for code, _ in claims)
    assert ("NYS304", "") in claims


def test_the_same_list_read_whole_gets_every_claim(tmp_path: Path) -> None:
    claims = _claims(tmp_path, _app(["calendar", "email.modify"], ["read"], unread=False))
    assert {("NYS303", "calendar"), ("NYS302", "email.modify")} <= claims
    assert not any(code == "NYS304" for code, _ in claims)


def test_no_call_is_missing_a_scope_an_unread_item_may_grant(tmp_path: Path) -> None:
    claims = _claims(tmp_path, _app(["calendar"], ["read"], unread=True))
    assert not any(code == "NYS301" for code, _ in claims)
    # The control: read whole, the read needs a scope the list lacks.
    assert any(code == "NYS301" for code, _ in _claims(
        tmp_path / "whole", _app(["calendar"], ["read"], unread=False)))


def test_the_read_scope_that_may_keep_gmail_threading_stays(tmp_path: Path) -> None:
    # EXTRA may be email.send: without email.read_only, Gmail threading breaks.
    claims = _claims(tmp_path, _app(["email.read_only"], ["send"], unread=True))
    assert not any(code == "NYS303" for code, _ in claims)


LISTS = [["calendar"], ["email.modify", "calendar"], ["email.read_only", "email.send"],
         ["contacts", "email.modify", "email.send"], ["calendar.read_only", "email.read_only"]]
CALL_SETS = [[], ["read"], ["send"], ["star", "book"], ["read", "send", "book"]]


@pytest.mark.parametrize(("items", "calls"), list(itertools.product(LISTS, CALL_SETS)))
def test_an_unread_item_only_makes_the_verdict_more_cautious(
        tmp_path: Path, items: list[str], calls: list[str]) -> None:
    # The same list with an item the analysis cannot read: it may claim less than
    # the list read whole, never something new.
    whole = _claims(tmp_path / "whole", _app(items, calls, unread=False))
    partly = _claims(tmp_path / "partly", _app(items, calls, unread=True))
    assert partly - {("NYS304", "")} <= whole, (partly, whole)


G = "https://www.googleapis.com/auth/"


def test_a_partly_read_v3_list_is_judged_by_its_read_items(tmp_path: Path) -> None:
    text = (
        "from nylas import Client\n"
        "from vendor_settings import BASE_SCOPES\n\n"
        'nylas = Client("key")\n\n\n'
        "def login():\n"
        '    return nylas.auth.url_for_oauth2({"client_id": "id", "provider": "google",\n'
        '        "redirect_uri": "https://a/cb",\n'
        f'        "scope": [*BASE_SCOPES, "{G}calendar", "{G}gmail.modify"]}})\n\n\n'
        "def inbox(grant_id):\n"
        "    return nylas.messages.list(grant_id)\n"
    )
    claims = _claims(tmp_path, text)
    assert ("NYS303", f"{G}calendar") in claims
    assert not any(code in ("NYS301", "NYS302", "NYS405") for code, _ in claims), claims


def _package(root: Path, consts: str, item: str, imports: str, more: str = "") -> set[tuple[str, str]]:
    """A request listing ``item`` (a constant of ``app/consts.py``) beside
    ``email.modify``, in an app that reads mail; ``more`` is another module."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = root / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "consts.py").write_text(consts)
    if more:
        (package / "boot.py").write_text(more)
    (package / "auth.py").write_text(
        "from nylas import APIClient\n"
        f"{imports}\n\n"
        'nylas = APIClient("id", "secret")\n\n\n'
        "def login():\n"
        f'    return nylas.authentication_url("https://a/cb", scopes=[{item}, "email.modify"])\n'
        "\n\ndef work(token):\n"
        "    nylas.access_token = token\n"
        f"{CALLS['read']}"
    )
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    return {(finding.code, finding.message.split("'")[1] if "'" in finding.message else "")
            for finding in result.findings}


CONSTS = 'SCOPE_CONTACTS = "contacts.read_only"\n'


@pytest.mark.parametrize(("item", "imports"), [
    ("consts.SCOPE_CONTACTS", "from . import consts"),
    ("consts.SCOPE_CONTACTS", "from app import consts"),
    ("SCOPE_CONTACTS", "from .consts import SCOPE_CONTACTS"),
    ("app.consts.SCOPE_CONTACTS", "import app.consts"),
])
def test_an_item_naming_another_module_s_string_constant_is_read(
    tmp_path: Path, item: str, imports: str
) -> None:
    claims = _package(tmp_path, CONSTS, item, imports)
    # Read whole: the unused contacts scope, and the read needing less than modify.
    assert {("NYS303", "contacts.read_only"), ("NYS302", "email.modify")} <= claims
    assert not any(code == "NYS304" for code, _ in claims)


@pytest.mark.parametrize(("consts", "more"), [
    # Bound twice, or changed from another module: what it holds is not known.
    (CONSTS + 'SCOPE_CONTACTS = "contacts"\n', ""),
    (CONSTS, "from app import consts\n\n\ndef boot():\n    consts.SCOPE_CONTACTS = 'email.send'\n"),
    (CONSTS + "\n\ndef boot():\n    global SCOPE_CONTACTS\n    SCOPE_CONTACTS = 'email.send'\n", ""),
    # A list or a comma-joined string is no single scope.
    ('SCOPE_CONTACTS = ["contacts.read_only"]\n', ""),
    ('SCOPE_CONTACTS = "contacts.read_only,email.send"\n', ""),
])
def test_an_item_naming_a_constant_that_may_change_stays_unread(
    tmp_path: Path, consts: str, more: str
) -> None:
    claims = _package(tmp_path, consts, "consts.SCOPE_CONTACTS", "from . import consts", more)
    assert ("NYS304", "") in claims
    assert not any(code == "NYS302" for code, _ in claims)


ENUM = 'import enum\n\n\nclass Scope({bases}):\n    CONTACTS = "contacts.read_only"\n'


def test_an_item_naming_a_member_of_another_module_s_enum_is_read_only_if_a_str(
    tmp_path: Path
) -> None:
    member = "consts.Scope.CONTACTS"
    claims = _package(tmp_path / "str", ENUM.format(bases="str, enum.Enum"), member,
                      "from . import consts")
    assert ("NYS303", "contacts.read_only") in claims
    assert not any(code == "NYS304" for code, _ in claims)
    # A plain Enum member is no str: the SDK cannot join it.
    claims = _package(tmp_path / "plain", ENUM.format(bases="enum.Enum"), member,
                      "from . import consts")
    assert ("NYS304", "") in claims and not any(code == "NYS303" for code, _ in claims)
