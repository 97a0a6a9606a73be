"""``typing.cast(Client, raw)`` gives ``raw`` and says it is a client.

The value of a cast is its second argument, typed by its first as an annotation
types a name: ``c = cast(APIClient, raw)`` reads as ``c: APIClient = raw``.  The type
itself is not the value: taking it for one lost every call made through ``c``, and a
scope only those calls need was reported unused.  A cast to a type that names no
client (``Any``, ``dict``) leaves the value what the analysis cannot tell.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

# Threads are read through the cast value, events through the module's client: the
# request needs ``email.read_only`` for the threads and ``calendar.read_only`` for
# the events, so ``calendar`` is broader than needed and nothing else is claimed.
APP = '''\
import os
import typing
from typing import Any, Optional, cast

from nylas import APIClient

SCOPES = ["email.read_only", "calendar"]
client = APIClient(os.environ["ID"], os.environ["SECRET"], os.environ["TOKEN"])


def login_url():
    return client.authentication_url("https://app.example/cb", scopes=SCOPES)


def agenda():
    return [event.title for event in client.events.where(starts_after=0)]


def unread_subjects(raw):
{body}
'''

CAST_TO_CLIENT = {
    "typing.cast": "    c = typing.cast(APIClient, raw)\n"
                   "    return [t.subject for t in c.threads.where(unread=True)]",
    "imported cast": "    c = cast(APIClient, raw)\n"
                     "    return [t.subject for t in c.threads.where(unread=True)]",
    "cast in the call": "    return [t.subject for t in cast(APIClient, raw).threads.where()]",
    "quoted type": "    c = cast('APIClient', raw)\n"
                   "    return [t.subject for t in c.threads.where(unread=True)]",
    "keywords": "    c = cast(typ=APIClient, val=raw)\n"
                "    return [t.subject for t in c.threads.where(unread=True)]",
    "optional type": "    c = cast(Optional[APIClient], raw)\n"
                     "    return [t.subject for t in c.threads.where(unread=True)]",
}

CAST_TO_OTHER = {
    "Any": "    c = cast(Any, raw)\n"
           "    return [t.subject for t in c.threads.where(unread=True)]",
    "dict": "    c = typing.cast(dict, raw)\n"
            "    return [t.subject for t in c.threads.where(unread=True)]",
}


def _codes(root: Path, body: str) -> list[str]:
    root.mkdir(exist_ok=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (root / "app.py").write_text(APP.format(body=body))
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted(f"{finding.code} {finding.message.split(chr(39))[1]}"
                  if finding.code != "NYS304" else finding.code
                  for finding in result.findings)


@pytest.mark.parametrize("body", CAST_TO_CLIENT.values(), ids=list(CAST_TO_CLIENT))
def test_the_cast_value_is_read_as_a_client(tmp_path: Path, body: str) -> None:
    # ``email.read_only`` is needed by the threads read through the cast value, and
    # nothing is left unresolved.
    assert _codes(tmp_path, body) == ["NYS302 calendar"]


@pytest.mark.parametrize("body", CAST_TO_OTHER.values(), ids=list(CAST_TO_OTHER))
def test_a_cast_to_another_type_stays_unresolved(tmp_path: Path, body: str) -> None:
    codes = _codes(tmp_path, body)
    assert "NYS304" in codes and "NYS303 email.read_only" not in codes, codes


def test_a_cast_claims_what_the_annotation_claims(tmp_path: Path) -> None:
    annotated = ("    c: APIClient = raw\n"
                 "    return [t.subject for t in c.threads.where(unread=True)]")
    before = _codes(tmp_path / "annotated", annotated)
    after = _codes(tmp_path / "cast", CAST_TO_CLIENT["typing.cast"])
    assert before == after == ["NYS302 calendar"]
