"""A call of code the analysis does not follow loses only what it is handed.

``db.commit()`` on an object the analysis cannot tell is handed nothing: it loses no
Nylas value, and a scope no call needs stays reported.  ``db.store(client.threads)``
hands a Nylas collection to that code, which may read it: its scopes stay silent.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

APP = """\
from nylas import APIClient

client = APIClient("id", "secret", "token")
URL = client.authentication_url("https://n.example/cb",
                                scopes=["email.read_only", "calendar.read_only"])


def upcoming():
    return client.events.where(limit=5)


def save(db):
    db.commit()
{extra}"""


def _codes(root: Path, extra: str) -> list[tuple[int, str]]:
    root.mkdir(parents=True)
    (root / "app.py").write_text(textwrap.dedent(APP.format(extra=extra)))
    result = analyse([str(root)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted((f.span.line, f.code) for f in result.findings)


def test_a_call_handed_nothing_loses_no_value(tmp_path: Path) -> None:
    # Only the events are read: no call needs 'email.read_only' (line 5).
    assert _codes(tmp_path / "nothing", "") == [(5, "NYS303")]


def test_a_call_handed_a_nylas_collection_leaves_its_scopes_silent(tmp_path: Path) -> None:
    # Control: the collection handed on (line 14) may be read there.
    codes = _codes(tmp_path / "handed", "    db.store(client.threads)\n")
    assert (14, "NYS304") in codes
    assert not any(code in ("NYS302", "NYS303") for _, code in codes)
