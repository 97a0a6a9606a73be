"""``x.drafts.create(...).send()`` on an object the analysis cannot tell, in a module
that does not mention Nylas: only the SDK's objects are known to have that chain, so
it may be a Nylas call and the scopes it could need stay silent.  Chains of one
generic name stay quiet."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

AUTH = '''from nylas import APIClient

client = APIClient("id", "secret", "token")


def login():
    return client.authentication_url(
        "https://app/callback", scopes=["email.read_only", "email.send"])


def inbox():
    return client.messages.all()
'''


def _found(tmp_path: Path, other: str) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "auth.py").write_text(AUTH)
    (package / "outbox.py").write_text(other)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.message) for f in result.findings
                  if f.code in {"NYS301", "NYS302", "NYS303", "NYS304", "NYS405"})


@pytest.mark.parametrize("other", [
    '''def flush(box):
    box.connection().drafts.create(to=[{"email": "a@b.c"}]).send()
''',
    # An attribute a framework sets.
    '''class Outbox:
    def flush(self):
        self.connection.drafts.create(to=[{"email": "a@b.c"}], subject="s").send()
''',
])
def test_a_new_draft_sent_at_once_may_be_a_nylas_call(tmp_path: Path, other: str) -> None:
    found = _found(tmp_path, other)
    # Not "email.send is unused": the chain may send the draft.
    assert [code for code, _ in found] == ["NYS304"]
    assert "drafts.create().send()" in found[0][1]


@pytest.mark.parametrize("other", [
    # Django's messages, a manager, a bare ``send``.
    '''def view(request, obj, x):
    request.messages.get(1).delete()
    obj.events.all()
    x.send()
''',
    # A manager's ``create`` alone, and what it makes saved.
    '''def view(user, obj):
    user.drafts.create(subject="s")
    obj.drafts.create(subject="s").save()
''',
    # Google's API client calls its collections.
    '''def view(service):
    service.users().drafts().create(userId="me", body={}).send()
''',
])
def test_generic_chains_stay_quiet(tmp_path: Path, other: str) -> None:
    found = _found(tmp_path, other)
    assert [code for code, _ in found] == ["NYS303"]
    assert "email.send" in found[0][1]
