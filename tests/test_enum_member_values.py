"""A scope list whose items are another module's ``Enum`` members' values
(``Scope.READ.value``), named through the imported class or through an alias of
its module (``import app.scopes as sc``), is read as the strings the class body
writes; a ``.value`` of a class that is no ``Enum`` stays unread (NYS304), and an
unread list never says a scope is unused."""

from __future__ import annotations

from pathlib import Path

from fake_apps import Found, app_findings, unresolved_in

_GMAIL_SEND = "https://www.googleapis.com/auth/gmail.send"

_STR_ENUM = """\
from enum import Enum


class Scope(str, Enum):
    READ = "https://www.googleapis.com/auth/gmail.readonly"
    SEND = "https://www.googleapis.com/auth/gmail.send"
"""

# The send scope stands on line 6 of each ``app/scopes.py``.
_PLAIN_ENUM = _STR_ENUM.replace("(str, Enum)", "(Enum)")
_NO_ENUM = _STR_ENUM.replace("(str, Enum)", "")

_V3_AUTH = """\
from nylas import Client
{imports}

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
        "scope": [{read}, {send}]}})


def inbox(grant):
    return nylas.messages.list(grant)
"""

_ALIAS = {"imports": "import app.scopes as sc",
          "read": "sc.Scope.READ.value", "send": "sc.Scope.SEND.value"}
_IMPORTED = {"imports": "from app.scopes import Scope",
             "read": "Scope.READ.value", "send": "Scope.SEND.value"}


def _found(tmp_path: Path, scopes: str, auth: str) -> list[Found]:
    return app_findings(tmp_path, {"app/scopes.py": scopes, "app/auth.py": auth})


def _unused_send(found: list[Found]) -> list[tuple[str, int]]:
    return [(file, line) for file, line, code in found
            if code.startswith("NYS303") and _GMAIL_SEND in code]


def test_member_values_through_a_module_alias_are_read(tmp_path: Path) -> None:
    found = _found(tmp_path, _STR_ENUM, _V3_AUTH.format(**_ALIAS))
    # Reading inbox needs only the read scope: the send scope, written in the
    # class, is reported unused where it is written.
    assert _unused_send(found) == [("scopes.py", 6)]
    assert unresolved_in(found, "auth.py") == set()


def test_member_values_through_the_imported_class_are_read(tmp_path: Path) -> None:
    found = _found(tmp_path, _STR_ENUM, _V3_AUTH.format(**_IMPORTED))
    assert _unused_send(found) == [("scopes.py", 6)]
    assert unresolved_in(found, "auth.py") == set()


def test_values_of_an_enum_without_str_are_read(tmp_path: Path) -> None:
    # ``.value`` is the string written whether the class mixes in ``str`` or not.
    found = _found(tmp_path, _PLAIN_ENUM, _V3_AUTH.format(**_ALIAS))
    assert _unused_send(found) == [("scopes.py", 6)]


def test_value_of_a_class_that_is_no_enum_stays_unread(tmp_path: Path) -> None:
    # ``Scope.READ`` is a str there, which has no ``.value``: nothing is read, so
    # nothing is called unused.
    found = _found(tmp_path, _NO_ENUM, _V3_AUTH.format(**_ALIAS))
    assert _unused_send(found) == []
    assert unresolved_in(found, "auth.py") == {8}


def test_v2_member_values_through_a_module_alias_are_read(tmp_path: Path) -> None:
    scopes = _STR_ENUM.replace(
        '"https://www.googleapis.com/auth/gmail.readonly"', '"email.read_only"').replace(
        f'"{_GMAIL_SEND}"', '"email.send"')
    auth = """\
        from nylas import APIClient
        import app.scopes as sc

        client = APIClient("id", "secret")


        def login():
            return client.authentication_url(
                "https://a/cb", scopes=",".join([sc.Scope.READ.value, sc.Scope.SEND.value]))


        def inbox():
            return client.messages.all()
        """
    found = app_findings(tmp_path, {"app/scopes.py": scopes, "app/auth.py": auth},
                         "[project]\nname = 'app'\ndependencies = ['nylas<6']\n")
    assert [(file, line) for file, line, code in found
            if code.startswith("NYS303") and "'email.send'" in code] == [("scopes.py", 6)]
    assert unresolved_in(found, "auth.py") == set()
