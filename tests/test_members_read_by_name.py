"""A method of an object the analysis cannot tell, read by a name it cannot read.

``getattr(raw.messages, name)(grant)`` in a module that never mentions Nylas may be
``raw.messages.list(grant)``: the collection is named, the operation is not.  The call
is as unresolved as any operation of that collection the name may be, and the
scopes it could touch stay silent.  Before, the unread name matched no operation,
the call went unseen and Gmail's read scope was reported unused (NYS303).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

GMAIL_READ = "https://www.googleapis.com/auth/gmail.readonly"

AUTH = f"""\
from nylas import Client

nylas = Client("key")


def login_url():
    return nylas.auth.url_for_oauth2({{
        "client_id": "x", "redirect_uri": "https://example.com/cb", "provider": "google",
        "scope": ["{GMAIL_READ}", "https://www.googleapis.com/auth/calendar"]}})


def events(grant):
    return nylas.events.list(grant, query_params={{"calendar_id": "primary"}})
"""

JOBS = """\
def run(raw, grant, name):
    return getattr(raw.{collection}, {name})(grant)


def held(raw, grant, name):
    fn = getattr(raw.{collection}, {name})
    return fn(grant)
"""


def _findings(tmp_path: Path, collection: str, name: str) -> list[tuple[int, str]]:
    files = {"pyproject.toml": "[project]\nname = 'app'\ndependencies = ['nylas>=6']\n",
             "app/__init__.py": "", "app/auth.py": AUTH,
             "app/jobs.py": JOBS.format(collection=collection, name=name)}
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    result = analyse([str(tmp_path)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted((f.span.line, f.code + " " + f.message) for f in result.findings)


def _unused_gmail(findings: list[tuple[int, str]]) -> bool:
    return any(code.startswith("NYS303") and GMAIL_READ in code for _, code in findings)


def test_an_unread_member_of_a_collection_is_unresolved(tmp_path: Path) -> None:
    findings = _findings(tmp_path, "messages", "name")
    assert not _unused_gmail(findings)
    unresolved = {line for line, code in findings if code.startswith("NYS304")}
    # The call made in place (line 2) and the call of the name holding it (line 7).
    assert unresolved == {2, 7}
    assert any("cannot tell whether getattr()() is a Nylas call" in code
               for _, code in findings)


def test_a_pattern_no_operation_matches_stays_unseen(tmp_path: Path) -> None:
    # Control: ``"sync_" + name`` names no operation of the collection: not looked at,
    # and the scope no call needs is reported unused, as before.
    findings = _findings(tmp_path, "messages", '"sync_" + name')
    assert _unused_gmail(findings)
    assert not [line for line, code in findings if code.startswith("NYS304")]


def test_an_unread_member_of_another_attribute_stays_unseen(tmp_path: Path) -> None:
    # Control: ``settings`` names no Nylas collection.
    findings = _findings(tmp_path, "settings", "name")
    assert _unused_gmail(findings)
    assert not [line for line, code in findings if code.startswith("NYS304")]
