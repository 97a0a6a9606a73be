"""Readings that made findings out of code that is no Nylas use, each with a control.

A name a function binds again to something else (``with open(path) as messages``)
no longer holds what a caller gave it; a redirect sends the browser elsewhere and
requests nothing from Nylas.  Reading either as a Nylas use made NYS304 noise and
silenced the usage rules of the whole project.  The controls keep the neighbouring
readings: a use that may still see the Nylas value stays one.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

READ = "https://www.googleapis.com/auth/gmail.readonly"
SEND = "https://www.googleapis.com/auth/gmail.send"
CALENDAR = "https://www.googleapis.com/auth/calendar"

AUTH = f"""\
from nylas import Client

nylas = Client(api_key="k")


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "r", "provider": "google",
        "scope": ["{READ}", "{SEND}"]}})
"""


def _findings(tmp_path: Path, files: dict[str, str], auth: str = AUTH) -> list[str]:
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname = 'app'\ndependencies = ['nylas']\n")
    for name, text in {"app/__init__.py": "", "app/auth.py": auth, **files}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    result = analyse([str(tmp_path)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted(f"{Path(f.span.path).name}:{f.span.line} {f.code} {f.message}"
                  for f in result.findings)


def _codes(findings: list[str], code: str) -> list[str]:
    return [finding for finding in findings if f" {code} " in finding]


# -- a parameter bound again ------------------------------------------------------------

SYNC_CALLER = """\
from app.auth import nylas
from app.sync import sync


def main(grant):
    sync(nylas.messages, grant, "/tmp/out.txt")
    nylas.messages.send(grant, request_body={"to": [], "body": "hi"})
"""

WITH_FILE = """\
def sync(messages, grant, path):
    for message in messages.list(grant).data:
        print(message.subject)
    with open(path, "w") as messages:
        messages.write("done")
"""

ASSIGNED_LIST = """\
def sync(messages, grant, path):
    for message in messages.list(grant).data:
        print(message.subject)
    messages = []
    messages.append(path)
    return messages
"""


def test_a_parameter_bound_again_by_with_open_is_no_nylas_value(tmp_path: Path) -> None:
    findings = _findings(tmp_path, {"app/main.py": SYNC_CALLER, "app/sync.py": WITH_FILE})
    # Both scopes are used (the read before the binding, the send), none unresolved.
    assert findings == [], findings


def test_a_parameter_bound_again_to_a_list_is_no_nylas_value(tmp_path: Path) -> None:
    findings = _findings(tmp_path, {"app/main.py": SYNC_CALLER, "app/sync.py": ASSIGNED_LIST})
    assert findings == [], findings


# Controls: where the caller's value may still be read, the use stays one.
BOUND_IN_A_BRANCH = """\
def sync(messages, grant, path):
    for message in messages.list(grant).data:
        print(message.subject)
    if path:
        messages = []
    messages.append(path)
"""

USED_BEFORE_THE_WITH_IN_A_LOOP = """\
def sync(messages, grant, path):
    for message in messages.list(grant).data:
        print(message.subject)
    for _ in range(2):
        messages.write("start")
        with open(path, "w") as messages:
            messages.write("done")
"""


def test_a_parameter_bound_again_in_a_branch_keeps_its_reading(tmp_path: Path) -> None:
    findings = _findings(tmp_path, {"app/main.py": SYNC_CALLER,
                                    "app/sync.py": BOUND_IN_A_BRANCH})
    assert [f for f in _codes(findings, "NYS304") if "messages.append()" in f], findings
    assert not _codes(findings, "NYS303"), findings


def test_a_read_a_loop_may_make_before_the_binding_keeps_its_reading(
        tmp_path: Path) -> None:
    # The first pass reads the caller's value; inside the ``with`` the file only.
    findings = _findings(tmp_path, {"app/main.py": SYNC_CALLER,
                                    "app/sync.py": USED_BEFORE_THE_WITH_IN_A_LOOP})
    assert [f for f in _codes(findings, "NYS304") if "sync.py:5 " in f], findings
    assert not [f for f in findings if "sync.py:7 " in f], findings
    assert not _codes(findings, "NYS303"), findings


REBOUND_TO_A_MEMBER = """\
from app.auth import nylas


def main(grant):
    mail(nylas, grant)
    print(nylas.messages.list(grant).data)


def mail(client, grant):
    client = client.messages
    client.send(grant, request_body={"to": [], "body": "hi"})
"""


def test_a_parameter_bound_again_to_its_own_member_still_counts(tmp_path: Path) -> None:
    findings = _findings(tmp_path, {"app/main.py": REBOUND_TO_A_MEMBER})
    # The send is made through the rebound name: its scope is used.
    assert findings == [], findings


# -- redirects -----------------------------------------------------------------------

INBOX = """\
from app.auth import nylas


def inbox(grant):
    return [m.subject for m in nylas.messages.list(grant).data]
"""

TORNADO_HANDLER = """\
import tornado.web


class Base(tornado.web.RequestHandler):
    pass


class SendPage(Base):
    def get(self):
        self.redirect("/v3/grants/me/messages/send")
"""

# A handler whose own class defines ``redirect``: the project's code, which may send.
OWN_REDIRECT = """\
import requests
import tornado.web


class SendPage(tornado.web.RequestHandler):
    def redirect(self, url):
        requests.post("https://api.us.nylas.com" + url, json={})

    def get(self):
        self.redirect("/v3/grants/me/messages/send")
"""


def test_a_tornado_redirect_requests_nothing_from_nylas(tmp_path: Path) -> None:
    findings = _findings(tmp_path, {"app/inbox.py": INBOX, "app/pages.py": TORNADO_HANDLER})
    assert not _codes(findings, "NYS304"), findings
    # Nothing sends mail, as the analysis now sees: the send scope is unused.
    assert [f for f in _codes(findings, "NYS303") if SEND in f], findings


def test_a_redirect_method_of_the_project_keeps_its_request(tmp_path: Path) -> None:
    findings = _findings(tmp_path, {"app/inbox.py": INBOX, "app/pages.py": OWN_REDIRECT})
    assert not _codes(findings, "NYS303"), findings


# -- asyncio.gather --------------------------------------------------------------------

V2_AUTH = """\
from nylas import APIClient


def login_url(uri):
    return APIClient("id", "secret").authentication_url(
        uri, scopes=["email.read_only", "email.send"])
"""

GATHERED = """\
import asyncio

from nylas import APIClient


async def fetch_drafts(client):
    return list(client.drafts.all())


async def flush(token):
    client = APIClient("id", "secret", token)
    drafts, threads = await asyncio.gather(
        fetch_drafts(client), asyncio.to_thread(client.threads.all))
    for draft in drafts:
        {use}
    for thread in threads:
        print(thread.subject)
"""


def test_what_asyncio_gather_gives_back_is_followed(tmp_path: Path) -> None:
    # Each name unpacked gets one awaited result: the drafts, which are sent.
    findings = _findings(tmp_path, {"app/flush.py": GATHERED.format(use="draft.send()")},
                         auth=V2_AUTH)
    assert not _codes(findings, "NYS303"), findings


def test_gathered_results_only_read_need_no_more(tmp_path: Path) -> None:
    findings = _findings(tmp_path, {
        "app/flush.py": GATHERED.format(use="print(draft.subject)")}, auth=V2_AUTH)
    assert [f for f in _codes(findings, "NYS303") if "'email.send'" in f], findings


# -- Django managers -------------------------------------------------------------------

MODELS = """\
from django.db import models


class AccountQuerySet(models.QuerySet):
    def get(self, *args, **kwargs):
        return Mailbox()


class Mailbox:
    def flush(self, client):
        for draft in client.drafts.all():
            draft.send()


class Account(models.Model):
    token = models.CharField(max_length=100)
    {manager}

    def flush(self, client):
        for thread in client.threads.all():
            print(thread.subject)
"""

VIEWS = """\
from nylas import APIClient

from app.models import Account


def flush(request, pk):
    Account.objects.get(pk=pk).flush(APIClient("id", "secret", request.user.token))
"""

# A dry run hands the mailbox a fake: the only other caller of ``Mailbox.flush``.
DRY_RUN = """\
from app.models import Mailbox


class FakeDrafts:
    def all(self):
        return []


class FakeClient:
    drafts = FakeDrafts()


def dry_run():
    Mailbox().flush(FakeClient())
"""


def _django_findings(tmp_path: Path, manager: str) -> list[str]:
    return _findings(tmp_path, {"app/models.py": MODELS.format(manager=manager),
                                "app/views.py": VIEWS, "app/dry.py": DRY_RUN},
                     auth=V2_AUTH)


def test_a_custom_manager_is_not_read_as_djangos(tmp_path: Path) -> None:
    # ``get`` is the query set's own: it gives a ``Mailbox``, which sends the drafts
    # with the real client.  What the manager gives is not followed: unresolved.
    findings = _django_findings(tmp_path, "objects = AccountQuerySet.as_manager()")
    assert not _codes(findings, "NYS303"), findings
    assert [f for f in _codes(findings, "NYS304") if "views.py:7 " in f], findings


def test_the_default_manager_still_gives_the_model(tmp_path: Path) -> None:
    # Django's own manager: ``get`` gives an ``Account``, whose ``flush`` only reads;
    # the mailbox is only ever given the fake, so nothing sends.
    findings = _django_findings(tmp_path, "")
    assert [f for f in _codes(findings, "NYS303") if "'email.send'" in f], findings
    assert not _codes(findings, "NYS304"), findings


def test_djangos_manager_spelt_out_still_gives_the_model(tmp_path: Path) -> None:
    findings = _django_findings(tmp_path, "objects = models.Manager()")
    assert [f for f in _codes(findings, "NYS303") if "'email.send'" in f], findings
    assert not _codes(findings, "NYS304"), findings


# -- methods replaced at run time ------------------------------------------------------

# A fake the dry run hands to the replacing function: its only other caller.
FAKES = """\
class FakeDrafts:
    def all(self):
        return []


class FakeClient:
    drafts = FakeDrafts()
"""

LOGGER_REPLACED = """\
import logging

from nylas import APIClient

from app.fakes import FakeClient

log = logging.getLogger(__name__)


def flush_drafts(client, *args):
    for draft in client.drafts.all():
        draft.send()


{replacement}


def report(token):
    client = APIClient("id", "secret", token)
    print([t.subject for t in client.threads.all()])
    log.info(client)


def dry_run():
    flush_drafts(FakeClient())
"""

CLASS_METHOD_REPLACED = """\
from nylas import APIClient

from app.fakes import FakeClient


class Digest:
    def send(self, client):
        print(client)


def really_send(self, client):
    for draft in client.drafts.all():
        draft.send()


{replacement}


def run(token):
    client = APIClient("id", "secret", token)
    print([t.subject for t in client.threads.all()])
    Digest().send(client)


def dry_run():
    really_send(None, FakeClient())
"""


def _replaced(tmp_path: Path, module: str, replacement: str) -> list[str]:
    return _findings(tmp_path, {"app/fakes.py": FAKES,
                                "app/jobs.py": module.format(replacement=replacement)},
                     auth=V2_AUTH)


def test_a_method_replaced_on_a_logger_instance_is_unknown_code(tmp_path: Path) -> None:
    # ``log.info(client)`` runs ``flush_drafts``, which sends the client's drafts.
    findings = _replaced(tmp_path, LOGGER_REPLACED, "log.info = flush_drafts")
    assert not _codes(findings, "NYS303"), findings
    assert [f for f in _codes(findings, "NYS304") if "log.info()" in f], findings


def test_a_flag_set_on_a_logger_replaces_nothing(tmp_path: Path) -> None:
    # ``log.info(client)`` only logs; nothing sends with the real client.
    findings = _replaced(tmp_path, LOGGER_REPLACED, "log.disabled = True")
    assert [f for f in _codes(findings, "NYS303") if "'email.send'" in f], findings
    assert not _codes(findings, "NYS304"), findings


def test_a_method_replaced_on_a_class_of_the_module_is_unknown_code(
        tmp_path: Path) -> None:
    # ``Digest().send(client)`` runs ``really_send(<digest>, client)``.
    findings = _replaced(tmp_path, CLASS_METHOD_REPLACED, "Digest.send = really_send")
    assert not _codes(findings, "NYS303"), findings
    assert [f for f in _codes(findings, "NYS304") if "Digest().send()" in f], findings


def test_a_class_attribute_set_to_data_replaces_no_method(tmp_path: Path) -> None:
    findings = _replaced(tmp_path, CLASS_METHOD_REPLACED, "Digest.title = 'Weekly'")
    assert [f for f in _codes(findings, "NYS303") if "'email.send'" in f], findings
    assert not _codes(findings, "NYS304"), findings
