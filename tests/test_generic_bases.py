"""A class derived from a parametrised base (``class Inbox(Repo[Message])``) derives
from the base class itself: what the base's ``__init__`` stores on ``self`` is read
in the subclass's methods as it is for ``class Inbox(Repo)``."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

BASE = '''
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Repo(Generic[T]):
    def __init__(self, client: Any, grant_id: str) -> None:
        self.client = client
        self.grant_id = grant_id
'''

INBOX = '''
from nylas import Client
from nylas.models.messages import Message

from base import Repo

nylas = Client("key")


class Inbox(Repo[Message]):
    def all(self):
        return self.client.messages.list(self.grant_id).data


def auth_url():
    return nylas.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/contacts.readonly"]})


def run(grant_id):
    return Inbox(nylas, grant_id).all()
'''


def _codes(tmp_path: Path, inbox: str, base: str = BASE) -> list[str]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "base.py").write_text(base)
    (tmp_path / "inbox.py").write_text(inbox)
    result = analyse([str(tmp_path)], make_config(),
                     lambda code: True, use_cache=False)
    return sorted(f.message for f in result.findings)


UNUSED = ("NYS303 'https://www.googleapis.com/auth/contacts.readonly' is requested but no "
          "Nylas call in the project needs it; remove it")


@pytest.mark.parametrize("base", ["Repo[Message]", "Repo[Message, int]", "Repo"])
def test_a_parametrised_base_is_the_class_it_names(tmp_path: Path, base: str) -> None:
    found = _codes(tmp_path, INBOX.replace("Repo[Message]", base))
    assert found == [UNUSED], found


def test_a_call_the_subclass_makes_still_counts(tmp_path: Path) -> None:
    inbox = INBOX.replace(
        "return self.client.messages.list(self.grant_id).data",
        "return self.client.contacts.list(self.grant_id).data + "
        "self.client.messages.list(self.grant_id).data")
    assert _codes(tmp_path, inbox) == []


def test_a_parametrised_base_the_project_does_not_define_stays_unresolved(
        tmp_path: Path) -> None:
    inbox = INBOX.replace("from base import Repo", "from storelib import Repo")
    found = _codes(tmp_path, inbox)
    assert found and all(line.startswith("NYS304") for line in found), found


def test_a_base_taken_from_a_mapping_of_classes_is_still_read(tmp_path: Path) -> None:
    inbox = INBOX.replace("from base import Repo",
                          "from base import Repo\n\nBASES = {'repo': Repo}")
    inbox = inbox.replace("class Inbox(Repo[Message]):", "class Inbox(BASES['repo']):")
    assert _codes(tmp_path, inbox) == [UNUSED]
