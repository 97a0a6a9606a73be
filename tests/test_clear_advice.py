"""Findings that read together: a scope reported unused beside the broader scope the
calls need, a Gmail companion that is not asked for beside a scope to remove, one
report of one unread call, and a query dict given by position in a module that does
not name Nylas.  Each app is small and written inline."""

from __future__ import annotations

from pathlib import Path

from fake_apps import analysed, write_app

V2_PYPROJECT = "[project]\nname = 'app'\ndependencies = ['nylas<6']\n"

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
