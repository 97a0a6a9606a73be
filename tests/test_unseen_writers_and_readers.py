"""Readers and writers of Nylas values the analysis does not see where they are called.

- A method of an imported class replaced at run time (``logging.Logger.info = spy``):
  a call of that method on any receiver (``log.info(nylas)``) runs the project's code,
  so the value it is given counts as handed to unknown code (NYS304), and a scope list
  it is given may be changed.
- A list or dict of another module changed by an operator's method called by name
  (``settings.SCOPES.__iadd__([...])``, ``PROVIDER_SCOPES.__setitem__("google", [...])``):
  the list is changed, so a request reading it is unresolved (NYS304), with no
  "missing" or "unused" finding from its written items.
- An API v2 model's method on an object the analysis cannot tell, in a module that
  never mentions Nylas, in a project that asks for API v2 scopes: a possible Nylas
  call (NYS304), its scopes silent, where its name is no other library's
  (``item.mark_as_read()``), or where it is called on a parameter named like a model
  and is not a name other libraries' objects share as often (``def deliver(draft):
  draft.send()``, not Django's ``event.save()``; a bare ``x.send()`` stays quiet).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.findings import Finding
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_PYPROJECT = '[project]\nname = "app"\nversion = "0"\ndependencies = ["nylas"]\n'


def _findings(root: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    (root / "pyproject.toml").write_text(_PYPROJECT)
    (root / "app").mkdir()
    (root / "app" / "__init__.py").write_text("")
    for name, text in files.items():
        (root / "app" / name).write_text(text)
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


# --- A library method replaced at run time ---------------------------------------

_CLIENTS = '''from nylas import Client

nylas = Client("key")
AUTH = {"provider": "google", "scope": [
    "https://www.googleapis.com/auth/gmail.readonly",
    "https://www.googleapis.com/auth/calendar.readonly",
]}


def login():
    return nylas.auth.url_for_oauth2(AUTH)


def inbox(grant):
    return nylas.messages.list(grant)
'''
_SPY = "def spy(self, msg, *args):\n    return None\n\n\n"
_LOGS_CLIENT = '''import logging
from app.clients import nylas

log = logging.getLogger(__name__)
log.{method}(nylas)
'''
_REPLACED = {
    "assigned on logging.Logger": ("import logging\n\n" + _SPY + "logging.Logger.info = spy\n",
                                   "info"),
    "set by setattr": ("import logging\n\n" + _SPY + 'setattr(logging.Logger, "info", spy)\n',
                       "info"),
    "assigned on an imported Logger": (
        "from logging import Logger\n\n" + _SPY + "Logger.debug = spy\n", "debug"),
    "a member every logging method goes through": (
        "import logging\n\n" + _SPY + "logging.Logger._log = spy\n", "warning"),
}


@pytest.mark.parametrize(("boot", "method"), _REPLACED.values(), ids=_REPLACED.keys())
def test_a_client_given_to_a_replaced_logger_method_is_unresolved(
        tmp_path: Path, boot: str, method: str) -> None:
    # The spy may list events with the client: calendar.readonly is not claimed
    # unused (before: NYS303 on it, ``log.info`` taken for a logger's read).
    found = _findings(tmp_path, {"clients.py": _CLIENTS, "boot.py": boot,
                                 "web.py": _LOGS_CLIENT.format(method=method)})
    assert found == [("web.py", 5, "NYS304")]


@pytest.mark.parametrize("boot", [
    "import logging\n\n" + _SPY.rstrip() + "\n",
    "import requests\n\n" + _SPY + "requests.Session.mount = spy\n",
    "import logging\n\nlogging.root.handlers = []\n",
    "from flask import current_app\n\ncurrent_app.debug = True\n",
], ids=["defined, never installed", "another library's untrusted method replaced",
        "an attribute of logging's root logger set", "an object's attribute named debug"])
def test_a_logger_method_nothing_replaces_stays_a_read(tmp_path: Path, boot: str) -> None:
    # Control: the calendar scope no call needs stays unused (line 6 of AUTH's list).
    found = _findings(tmp_path, {"clients.py": _CLIENTS, "boot.py": boot,
                                 "web.py": _LOGS_CLIENT.format(method="info")})
    assert found == [("clients.py", 6, "NYS303")]


_SCOPES_CLIENTS = '''from nylas import Client

nylas = Client("key")
SCOPES = ["https://www.googleapis.com/auth/gmail.readonly"]


def login():
    return nylas.auth.url_for_oauth2({"provider": "google", "scope": SCOPES})


def agenda(grant):
    return nylas.events.list(grant)
'''
_GROWING_SPY = '''def spy(self, msg, *args):
    msg.append("https://www.googleapis.com/auth/calendar.readonly")


'''
_LOGS_SCOPES = '''import logging
from app.clients import SCOPES

log = logging.getLogger(__name__)
log.info(SCOPES)
'''


@pytest.mark.parametrize("install", [
    'setattr(logging.Logger, "info", spy)',
    "logging.Logger.info = spy",
])
def test_a_scope_list_given_to_a_replaced_logger_method_is_unresolved(
        tmp_path: Path, install: str) -> None:
    # The spy adds the calendar scope: before, the setattr was not seen, and the
    # list was reported missing it (NYS301 on the events call) with the Gmail scope
    # unused (NYS303).
    boot = "import logging\n\n" + _GROWING_SPY + install + "\n"
    found = _findings(tmp_path, {"clients.py": _SCOPES_CLIENTS, "boot.py": boot,
                                 "web.py": _LOGS_SCOPES})
    assert found == [("clients.py", 8, "NYS304")]


def test_a_scope_list_given_to_a_logger_stays_read(tmp_path: Path) -> None:
    # Control: no spy installed, the list is read as written.
    boot = "import logging\n\n" + _GROWING_SPY.rstrip() + "\n"
    found = _findings(tmp_path, {"clients.py": _SCOPES_CLIENTS, "boot.py": boot,
                                 "web.py": _LOGS_SCOPES})
    assert found == [("clients.py", 4, "NYS303"), ("clients.py", 12, "NYS301")]


# --- A list changed in another module by an operator's method called by name ------

_SETTINGS = '''NYLAS_SCOPES = ["email.read_only", "email.send"]
PROVIDER_SCOPES = {"google": ["email.read_only"]}
'''
_AUTH = '''from nylas import APIClient
import settings

client = APIClient("id", "secret")


def login_url():
    return client.authentication_url("https://x/cb", scopes=settings.{read})


def inbox():
    return client.messages.all()


def agenda():
    return client.events.all()
'''


def _settings_findings(root: Path, write: str, read: str) -> list[tuple[str, int, str]]:
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (root / "settings.py").write_text(_SETTINGS)
    (root / "auth.py").write_text(_AUTH.format(read=read))
    (root / "boot.py").write_text(
        "import settings\nfrom settings import NYLAS_SCOPES, PROVIDER_SCOPES\n\n\n"
        f"def boot():\n    {write}\n")
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


_LIST_CHANGES = {
    "__iadd__ through the module": 'settings.NYLAS_SCOPES.__iadd__(["calendar"])',
    "__iadd__ of an imported name": 'NYLAS_SCOPES.__iadd__(["calendar"])',
    "__iadd__ kept": 'added = settings.NYLAS_SCOPES.__iadd__(["calendar"])',
    "__setitem__ of a list": 'settings.NYLAS_SCOPES.__setitem__(1, "calendar")',
    "__setitem__ of a dict": (
        'settings.PROVIDER_SCOPES.__setitem__("google", ["email.read_only", "calendar"])'),
    "__setitem__ of an imported dict": (
        'PROVIDER_SCOPES.__setitem__("google", ["email.read_only", "calendar"])'),
    "__ior__ of a dict": 'settings.PROVIDER_SCOPES.__ior__({"google": ["calendar"]})',
}
# Seen already: a changing method read and called later, the class's method called
# with the list.
_LIST_CHANGES_SEEN = {
    "extend.__call__": 'NYLAS_SCOPES.extend.__call__(["calendar"])',
    "type(...).append": 'type(NYLAS_SCOPES).append(NYLAS_SCOPES, "calendar")',
    "list.append": 'list.append(settings.NYLAS_SCOPES, "calendar")',
}


@pytest.mark.parametrize("write", [*_LIST_CHANGES.values(), *_LIST_CHANGES_SEEN.values()],
                         ids=[*_LIST_CHANGES, *_LIST_CHANGES_SEEN])
def test_a_list_another_module_changes_by_an_operator_method_is_unresolved(
        tmp_path: Path, write: str) -> None:
    # Before, the operator's method was read as a namespace's member: ``calendar``
    # was reported missing for ``events.all()`` (NYS301) and ``email.send`` unused
    # (NYS303).
    read = "PROVIDER_SCOPES['google']" if "PROVIDER" in write else "NYLAS_SCOPES"
    found = _settings_findings(tmp_path, write, read)
    assert found == [("auth.py", 8, "NYS304")]


def test_a_registry_another_module_fills_by_setitem_is_unresolved_where_called(
        tmp_path: Path) -> None:
    # A class stored by ``__setitem__`` is a write the flow does not follow: the calls
    # through the registry are unresolved, and the contacts scope is not unused.
    from test_registry_writes import DEAD_CLASS_CALL, _findings as registry_findings

    found = registry_findings(tmp_path, "from app import SYNCS\n{classes}\n"
                                        "SYNCS.__setitem__('contacts', ContactSync)\n")
    assert not [finding for finding in found if finding[0] == "NYS303"], found
    assert [message for code, message, _ in found
            if code == "NYS304" and message != DEAD_CLASS_CALL], found


@pytest.mark.parametrize("write", [
    "print(settings.NYLAS_SCOPES.__len__())",
    'print(settings.NYLAS_SCOPES.__contains__("calendar"))',
    'print(settings.PROVIDER_SCOPES.__getitem__("google"))',
])
def test_a_list_another_module_only_looks_at_stays_read(tmp_path: Path, write: str) -> None:
    # Controls: the operators' methods that only read leave the list as written.
    # ``calendar`` is missing for the events call, ``email.send`` unused.
    found = _settings_findings(tmp_path, write, "NYLAS_SCOPES")
    assert found == [("auth.py", 16, "NYS301"), ("settings.py", 1, "NYS303")]


# --- An API v2 model method on an unknown object, in a module without Nylas -------

_AUTH_V2 = '''from nylas import APIClient

client = APIClient("id", "secret")


def login():
    return client.authentication_url(
        "https://x/cb", scopes=["email.read_only", "email.send", "contacts.read_only"])


def inbox():
    return client.messages.all()
'''


def _v2_findings(root: Path, outbox: str, auth: str = _AUTH_V2,
                 **more: str) -> list[tuple[str, int, str]]:
    return _findings(root, {"auth.py": auth, "outbox.py": outbox, **more})


@pytest.mark.parametrize(("outbox", "unused"), [
    ("def deliver(draft):\n    draft.send()\n", "contacts.read_only"),
    ("def deliver(outgoing_draft):\n    outgoing_draft.send()\n", "contacts.read_only"),
    ("def portrait(item):\n    item.get_picture()\n", "email.send"),
], ids=["send on a draft", "send on a draft's name", "a distinctive method"])
def test_a_v2_model_method_on_an_unknown_object_is_unresolved(
        tmp_path: Path, outbox: str, unused: str) -> None:
    # Before, the call was not looked at and its scope (email.send; contacts for
    # get_picture) reported unused with the other one.  Now only the scope no
    # call may need is (one NYS303 at the request, for ``unused``).
    found = _v2_findings(tmp_path, outbox)
    assert found == [("auth.py", 8, "NYS303"), ("outbox.py", 2, "NYS304")]
    [message] = [f.message for f in _messages(tmp_path) if f.code == "NYS303"]
    assert repr(unused) in message


def _messages(root: Path) -> list[Finding]:
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    return list(result.findings)


def test_a_send_on_a_draft_a_caller_creates_is_judged(tmp_path: Path) -> None:
    # Control: the caller hands in the SDK's draft: the send is read as the model's,
    # and only the contacts scope is unused.
    compose = ("from app.auth import client\nfrom app.outbox import deliver\n\n\n"
               "def compose():\n    deliver(client.drafts.create())\n")
    found = _v2_findings(tmp_path, "def deliver(draft):\n    draft.send()\n",
                         **{"compose.py": compose})
    assert found == [("auth.py", 8, "NYS303")]


@pytest.mark.parametrize("outbox", [
    # A bare ``send`` on an object named like none of the SDK's models (a socket, a
    # signal, Django's mail handed in).
    "def deliver(item):\n    item.send()\n",
    # Django's model and form saved: a name other libraries share as often.
    "def persist(event):\n    event.save()\n",
    "def persist(instance):\n    instance.save()\n    instance.delete()\n",
    # Django's mail made here of constants: another library's object, not an
    # unknown one.
    "from django.core.mail import EmailMessage\n\n\n"
    "def notify():\n    EmailMessage('s', 'b').send()\n",
], ids=["send on an unnamed object", "save on a model-named parameter", "save and delete",
        "django's EmailMessage"])
def test_another_librarys_method_on_an_unknown_object_stays_unlooked_at(
        tmp_path: Path, outbox: str) -> None:
    # Controls: email.send and the contacts scope stay reported unused.
    found = _v2_findings(tmp_path, outbox)
    assert found == [("auth.py", 8, "NYS303"), ("auth.py", 8, "NYS303")]


def test_a_send_in_a_project_asking_for_api_v3_scopes_stays_unlooked_at(
        tmp_path: Path) -> None:
    # Control: API v2 model methods are no calls of an API v3 project: its unused
    # scope stays reported, and no NYS304 is added.
    auth = '''from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({"provider": "google", "scope": [
        "https://www.googleapis.com/auth/gmail.readonly",
        "https://www.googleapis.com/auth/gmail.send"]})


def inbox(grant):
    return nylas.messages.list(grant)
'''
    found = _v2_findings(tmp_path, "def deliver(item):\n    item.send()\n", auth)
    assert found == [("auth.py", 9, "NYS303")]
