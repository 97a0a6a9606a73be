"""``self.client`` read in a mixin's method is what the other bases of each class
combining the mixin store there (``class Service(MailMixin, NylasBase)`` with
``NylasBase.__init__`` setting ``self.client``): every class an instance of the
mixin may also be an instance of is read, never only the mixin's own family."""

from __future__ import annotations

from pathlib import Path

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

MIXINS = '''
class MailMixin:
    def unread(self):
        return self.client.messages.list(self.grant_id).data
'''

SERVICE = '''
from nylas import Client

from mixins import MailMixin

nylas = Client("key")


class NylasBase:
    def __init__(self, client: Client, grant_id: str) -> None:
        self.client = client
        self.grant_id = grant_id


class Service(MailMixin, NylasBase):
    pass


def auth_url():
    return nylas.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/contacts.readonly"]})


def run(grant_id):
    return Service(nylas, grant_id).unread()
'''

UNUSED = ("NYS303 'https://www.googleapis.com/auth/contacts.readonly' is requested but no "
          "Nylas call in the project needs it; remove it")


def _found(tmp_path: Path, service: str, mixins: str = MIXINS) -> list[str]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "mixins.py").write_text(mixins)
    (tmp_path / "service.py").write_text(service)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted(f.message for f in result.findings)


def test_a_mixin_reads_what_another_base_of_the_combined_class_stores(
        tmp_path: Path) -> None:
    assert _found(tmp_path, SERVICE) == [UNUSED]


def test_a_mixin_call_that_needs_the_scope_counts(tmp_path: Path) -> None:
    mixins = MIXINS + ("\n    def people(self):\n"
                       "        return self.client.contacts.list(self.grant_id)\n")
    assert _found(tmp_path, SERVICE, mixins) == []


def test_a_mixin_no_class_combines_stays_unresolved(tmp_path: Path) -> None:
    service = SERVICE.replace("class Service(MailMixin, NylasBase):", "class Service(NylasBase):")
    service = service.replace("Service(nylas, grant_id).unread()",
                              "Service(nylas, grant_id).client.messages.list(grant_id)")
    found = _found(tmp_path, service)
    assert ("NYS304 cannot tell whether self.client.messages.list() is a Nylas call; usage "
            "rules stay silent for the scopes it could touch") in found, found
