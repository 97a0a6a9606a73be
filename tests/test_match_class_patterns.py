"""A ``case`` class pattern naming the SDK's client class, bound by ``as``.

``match obj: case Client() as c: c.messages.list(grant)`` runs the body only where
``obj`` is a ``Client``: ``c`` is read as one there, as an annotation ``c: Client``
is.  A name captured inside the pattern, a class of the project with the same name,
and a capture that takes any subject stay what the analysis cannot tell.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"

V3 = '''\
import nylas
{imports}
NYLAS = nylas.Client("key")


def login():
    return NYLAS.auth.url_for_oauth2({{"client_id": "x", "redirect_uri": "https://x/cb",
        "provider": "google", "scope": ["{g}gmail.readonly", "{g}calendar"]}})


def inbox(obj, grant):
    match obj:
        case {pattern}:
            return {name}.messages.list(grant)
    return None
'''

V2 = '''\
from nylas import APIClient


def login_url(uri):
    return APIClient("id", "secret").authentication_url(
        uri, scopes=["email.read_only", "calendar.read_only"])


def inbox(obj):
    match obj:
        case APIClient() as c:
            return list(c.messages.where(unread=True))
    return None
'''

FOLLOWED = {
    "imported class": ("Client() as c", "c"),
    "dotted class": ("nylas.Client() as c", "c"),
}

CAUTIOUS = {
    "a keyword capture": ("Client(api_key=k)", "k", "from nylas import Client\n"),
    "a class of the project": ("Client() as c", "c", "from models import Client\n"),
    "any subject": ("_ as c", "c", "from nylas import Client\n"),
}


# A class of the project with the SDK client's name and a ``messages`` attribute.
MODELS = """\
class Client:
    def __init__(self, api_key):
        self.api_key = api_key
        self.messages = []
"""


def _codes(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "models.py").write_text(MODELS)
    (tmp_path / "app.py").write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted(finding.code for finding in result.findings)


@pytest.mark.parametrize("case", FOLLOWED.values(), ids=list(FOLLOWED))
def test_the_case_body_reads_the_capture_as_a_client(tmp_path: Path,
                                                     case: tuple[str, str]) -> None:
    pattern, name = case
    text = V3.format(g=G, imports="from nylas import Client\n", pattern=pattern, name=name)
    # Only messages are read: the calendar scope is not needed.
    assert _codes(tmp_path, text) == ["NYS303"]


def test_a_version_2_client_class(tmp_path: Path) -> None:
    assert _codes(tmp_path, V2) == ["NYS303"]


@pytest.mark.parametrize("case", CAUTIOUS.values(), ids=list(CAUTIOUS))
def test_a_capture_the_pattern_does_not_type_stays_unresolved(
        tmp_path: Path, case: tuple[str, str, str]) -> None:
    pattern, name, imports = case
    codes = _codes(tmp_path, V3.format(g=G, imports=imports, pattern=pattern, name=name))
    assert "NYS304" in codes and "NYS303" not in codes and "NYS302" not in codes


# A function matching the client its callers pass.
MATCHED_CLIENT = '''\
from nylas import APIClient

client = APIClient("id", "secret")


def login_url(uri):
    return client.authentication_url(
        uri, scopes=["email.read_only", "contacts.read_only", "calendar.read_only"])


def attendees(obj):
    match obj:
        case {pattern}:
            return list(c.contacts.where())
        case _:
            return []


def page():
    return attendees(client), list(client.threads.where())
'''

# Patterns that only test the subject's class.
CLASS_TESTS = {
    "class as a name": "APIClient() as c",
}
# Patterns that read the subject's attributes or items.
SUBJECT_READS = {
    "a keyword": "APIClient(api_key=k) as c",
    "a positional": "APIClient(k) as c",
    "a mapping": "{'client': c}",
    "a sequence": "[c, *_]",
}


@pytest.mark.parametrize("pattern", CLASS_TESTS.values(), ids=list(CLASS_TESTS))
def test_a_known_client_matched_by_its_class_keeps_its_calls(
        tmp_path: Path, pattern: str) -> None:
    # The threads and contacts are read, through ``client`` and ``c``: only the
    # calendar is unused.  (Before, ``obj`` was lost to the match: NYS304.)
    assert _codes(tmp_path, MATCHED_CLIENT.format(pattern=pattern)) == ["NYS303"]


@pytest.mark.parametrize("pattern", SUBJECT_READS.values(), ids=list(SUBJECT_READS))
def test_a_known_client_matched_by_its_attributes_or_items_stays_unresolved(
        tmp_path: Path, pattern: str) -> None:
    codes = _codes(tmp_path, MATCHED_CLIENT.format(pattern=pattern))
    assert "NYS304" in codes and "NYS303" not in codes and "NYS302" not in codes, codes
