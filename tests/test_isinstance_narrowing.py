"""An ``isinstance`` test naming the SDK's client class proves a name a client.

``assert isinstance(raw, APIClient)``, ``if isinstance(raw, APIClient):`` and the
guard ``if not isinstance(raw, APIClient): raise ...`` make ``raw`` hold a client, as
``raw: APIClient`` says.  A test of another class, one joined by ``or``, a negated
test whose body does not leave, and ``assert not isinstance(...)`` prove nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

# Threads are read through ``raw``, events through the module's client: the request
# needs ``email.read_only`` and ``calendar.read_only``; ``calendar`` is broader.
APP = '''\
import os

from nylas import APIClient

SCOPES = ["email.read_only", "calendar"]
client = APIClient(os.environ["ID"], os.environ["SECRET"], os.environ["TOKEN"])


def login_url():
    return client.authentication_url("https://app.example/cb", scopes=SCOPES)


def agenda():
    return [event.title for event in client.events.where(starts_after=0)]


def unread_subjects(raw, strict=True):
{body}
    return [t.subject for t in raw.threads.where(unread=True)]
'''

NARROWED = {
    "assert": "    assert isinstance(raw, APIClient)",
    "assert in a conjunction": "    assert strict and isinstance(raw, APIClient)",
    "class among several": "    assert isinstance(raw, (dict, APIClient))",
    "guard that raises": "    if not isinstance(raw, APIClient):\n"
                         "        raise TypeError(f'expected a client, got {type(raw)}')",
    "guard that returns": "    if not isinstance(raw, APIClient):\n        return []",
}

NOT_NARROWED = {
    "no test": "    pass",
    "another class": "    assert isinstance(raw, dict)",
    "or": "    assert strict or isinstance(raw, APIClient)",
    "negated assert": "    assert not isinstance(raw, APIClient)",
    "guard that goes on": "    if not isinstance(raw, APIClient):\n        print('odd client')",
    # The test holds in the body only: the read after the ``if`` is of what is not
    # an ``APIClient`` (tests/test_narrowed_reads.py reads a body alone).
    "read past an if body": "    if isinstance(raw, APIClient):\n"
                            "        return [t.subject for t in raw.threads.where(unread=True)]",
}


def _codes(tmp_path: Path, body: str) -> list[str]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "app.py").write_text(APP.format(body=body))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted(f"{finding.code} {finding.message.split(chr(39))[1]}"
                  if finding.code != "NYS304" else finding.code
                  for finding in result.findings)


@pytest.mark.parametrize("body", NARROWED.values(), ids=list(NARROWED))
def test_the_tested_name_is_read_as_a_client(tmp_path: Path, body: str) -> None:
    # ``email.read_only`` is needed by the threads read through ``raw``.
    assert _codes(tmp_path, body) == ["NYS302 calendar"]


@pytest.mark.parametrize("body", NOT_NARROWED.values(), ids=list(NOT_NARROWED))
def test_a_test_that_proves_nothing_leaves_the_call_unresolved(
        tmp_path: Path, body: str) -> None:
    codes = _codes(tmp_path, body)
    assert "NYS304" in codes and "NYS303 email.read_only" not in codes, codes
