"""A module-level dict or list of classes that another module writes into: the
classes written there are called through it, as those its own module puts there
are; a write the analysis cannot follow leaves the calls through it unresolved."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"

APP = f'''from nylas import Client

nylas = Client(api_key="k")


class MailSync:
    def __init__(self, client):
        self.client = client

    def run(self, grant_id):
        return self.client.messages.list(grant_id)


SYNCS = {{"mail": MailSync}}
HANDLERS = [MailSync]


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "r", "provider": "google",
        "scope": ["{G}gmail.readonly", "{G}contacts.readonly"]}})


def sync_all(grant_id):
    for cls in SYNCS.values():
        cls(nylas).run(grant_id)


def sync_one(kind, grant_id):
    return SYNCS[kind](nylas).run(grant_id)


def run_handlers(grant_id):
    for cls in HANDLERS:
        cls(nylas).run(grant_id)
'''

CONTACTS = '''

class ContactSync:
    def __init__(self, c):
        self.c = c

    def run(self, grant_id):
        return self.c.contacts.list(grant_id)
'''

# ContactSync made nowhere in the project: what its ``c`` holds is not known, and
# ``contacts.list`` is an operation only the SDK's objects are known to have.
DEAD_CLASS_CALL = ("NYS304 cannot tell whether self.c.contacts.list() is a Nylas call; "
                   "usage rules stay silent for the scopes it could touch")


def _dead_class_call(plug: str) -> tuple[str, str, int]:
    """The finding for ContactSync's call, at its line of ``plug.py``."""
    line = next(number for number, text in
                enumerate(plug.format(classes=CONTACTS).splitlines(), 1)
                if "contacts.list" in text)
    return ("NYS304", DEAD_CLASS_CALL, line)


# Writes the value flow follows: each puts ``ContactSync`` in a registry of ``app``.
EXACT = {
    "item": "from app import SYNCS\n{classes}\nSYNCS['contacts'] = ContactSync\n",
    "module attribute": "import app\n{classes}\napp.SYNCS['contacts'] = ContactSync\n",
    "module alias": "import app as a\n{classes}\na.SYNCS['contacts'] = ContactSync\n",
    "name alias": "from app import SYNCS as S\n{classes}\nS['contacts'] = ContactSync\n",
    "update": "from app import SYNCS\n{classes}\nSYNCS.update({{'contacts': ContactSync}})\n",
    "setdefault": "from app import SYNCS\n{classes}\nSYNCS.setdefault('contacts', ContactSync)\n",
    "in a function": "from app import SYNCS\n{classes}\n\ndef setup():\n"
                     "    SYNCS['contacts'] = ContactSync\n",
    "append": "from app import HANDLERS\n{classes}\nHANDLERS.append(ContactSync)\n",
    "extend": "from app import HANDLERS\n{classes}\nHANDLERS.extend([ContactSync])\n",
    "augmented": "from app import HANDLERS\n{classes}\nHANDLERS += [ContactSync]\n",
    "module augmented": "import app\n{classes}\napp.HANDLERS += (ContactSync,)\n",
}

# Writes it does not follow: what the registry then holds is not known.
UNTOLD = {
    "update with keywords":
        "from app import SYNCS\n{classes}\nSYNCS.update(contacts=ContactSync)\n",
    "handed to a loader": "from app import SYNCS\nimport plugins\n\nplugins.load_into(SYNCS)\n",
    "handed to a function of the project":
        "from app import SYNCS\n{classes}\n\ndef fill(registry):\n"
        "    registry['contacts'] = ContactSync\n\n\nfill(SYNCS)\n",
    "another library's class": "from app import SYNCS\nimport somelib\n\n"
                               "SYNCS['x'] = somelib.Thing\n",
    "what a call gives": "from app import SYNCS\nimport somelib\n\nSYNCS['x'] = somelib.make()\n",
    "setattr": "import app\n{classes}\nsetattr(app, 'SYNCS', {{'contacts': ContactSync}})\n",
    "vars": "import app\n{classes}\nvars(app)['SYNCS']['contacts'] = ContactSync\n",
    "a nested item": "from app import SYNCS\n{classes}\nSYNCS['x']['contacts'] = ContactSync\n",
    "insert": "from app import HANDLERS\n{classes}\nHANDLERS.insert(0, ContactSync)\n",
}


def _findings(tmp_path: Path, plug: str, app: str = APP) -> list[tuple[str, str, int]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(app)
    (tmp_path / "plug.py").write_text(plug.format(classes=CONTACTS))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.message, f.span.line) for f in result.findings)


@pytest.mark.parametrize("plug", EXACT.values(), ids=list(EXACT))
def test_a_class_another_module_writes_into_a_registry_is_called(
        tmp_path: Path, plug: str) -> None:
    # Contacts is needed by ContactSync alone, run only through the registry.
    assert _findings(tmp_path, plug) == []


@pytest.mark.parametrize("plug", UNTOLD.values(), ids=list(UNTOLD))
def test_a_registry_written_in_a_way_not_followed_is_unresolved_where_called(
        tmp_path: Path, plug: str) -> None:
    found = _findings(tmp_path, plug)
    assert not [finding for finding in found if finding[0] == "NYS303"], found
    unresolved = [message for code, message, _ in found
                  if code == "NYS304" and message != DEAD_CLASS_CALL]
    assert unresolved, found
    assert all("may fill" in message and ("app.SYNCS" in message or "app.HANDLERS" in message)
               for message in unresolved), unresolved


def test_a_registry_its_own_module_hands_to_a_loader_is_unresolved(tmp_path: Path) -> None:
    app = APP + "\n\nimport plugins\n\nplugins.load_into(SYNCS)\n"
    found = _findings(tmp_path, "{classes}", app)
    assert {code for code, _, _ in found} == {"NYS304"}, found


def test_a_registry_nothing_else_writes_stays_exact(tmp_path: Path) -> None:
    # ContactSync is never put in a registry, nor made anywhere: what ``self.c`` holds
    # is not known, so its contacts call is unresolved (were the registry read as
    # reaching it, ``c`` would be the client and nothing would be reported), and
    # reading the registry from another module changes nothing.
    assert _findings(tmp_path, "{classes}") == [_dead_class_call("{classes}")]
    reading = ("from app import SYNCS, HANDLERS\n{classes}\n"
               "print(len(SYNCS), SYNCS.get('mail'), HANDLERS[0])\n")
    assert _findings(tmp_path, reading) == [_dead_class_call(reading)]


def test_a_class_written_into_a_registry_that_needs_no_scope_keeps_it_unused(
        tmp_path: Path) -> None:
    # The class written in only reads messages: contacts stays unused.
    plug = ("from app import SYNCS\n{classes}\nSYNCS['contacts'] = ContactSync\n").replace(
        "{classes}", CONTACTS.replace("contacts.list", "messages.list"))
    found = _findings(tmp_path, plug)
    assert [code for code, _, _ in found] == ["NYS303"], found
    assert "contacts.readonly" in found[0][1]


def test_an_empty_registry_filled_from_another_module_holds_what_it_is_given(
        tmp_path: Path) -> None:
    app = APP.replace('SYNCS = {"mail": MailSync}', "SYNCS = {}")
    plug = ("from app import SYNCS, MailSync\n{classes}\nSYNCS['contacts'] = ContactSync\n"
            "SYNCS['mail'] = MailSync\n")
    assert _findings(tmp_path, plug, app) == []


def test_a_library_s_registry_filled_by_the_project_may_hold_more(tmp_path: Path) -> None:
    # ``plugins.Registry()`` may hold entries of its own: what a call through it is
    # given may go there, whoever writes the project's classes in.
    app = APP.replace('SYNCS = {"mail": MailSync}',
                      'import plugins\n\nSYNCS = plugins.Registry()\nSYNCS["mail"] = MailSync')
    found = _findings(tmp_path, "from app import SYNCS\n{classes}\n"
                      "SYNCS['contacts'] = ContactSync\n", app)
    assert {code for code, _, _ in found} == {"NYS304"}, found


# An element of the registry called away from it: through a parameter, a return value
# and a local name, and from a loop over it.
HANDED_ON = {
    "parameter": "def run_it(cls, grant_id):\n    return cls(nylas).run(grant_id)\n\n\n"
                 "def sync_via(kind, grant_id):\n    return run_it(SYNCS[kind], grant_id)\n",
    "loop": "def run_it(cls, grant_id):\n    return cls(nylas).run(grant_id)\n\n\n"
            "def sync_each(grant_id):\n    for cls in SYNCS.values():\n"
            "        run_it(cls, grant_id)\n",
    "returned": "def pick(kind):\n    return SYNCS[kind]\n\n\n"
                "def sync_picked(kind, grant_id):\n    chosen = pick(kind)\n"
                "    return chosen(nylas).run(grant_id)\n",
}


def _handed_on_app(use: str) -> str:
    # The registry's only calls are the ones handed on.
    head = APP.split("\n\ndef sync_all")[0]
    assert "SYNCS[kind](" not in head and "for cls in" not in head
    return f"{head}\n\n{use}"


@pytest.mark.parametrize("use", HANDED_ON.values(), ids=list(HANDED_ON))
def test_an_element_of_a_registry_filled_by_a_loader_is_unresolved_where_called(
        tmp_path: Path, use: str) -> None:
    # Before, the call in ``run_it`` was read as calling MailSync alone, and the
    # scope only the loaded classes may need was reported unused.
    found = _findings(tmp_path, UNTOLD["handed to a loader"], _handed_on_app(use))
    assert not [finding for finding in found if finding[0] == "NYS303"], found
    unresolved = [message for code, message, _ in found if code == "NYS304"]
    assert unresolved and all("app.SYNCS" in message and "may fill" in message
                              for message in unresolved), found


@pytest.mark.parametrize("use", HANDED_ON.values(), ids=list(HANDED_ON))
def test_an_element_of_a_registry_nothing_else_fills_stays_exact_where_called(
        tmp_path: Path, use: str) -> None:
    # ContactSync is made nowhere: its call is unresolved, not read as the client's.
    found = _findings(tmp_path, "{classes}", _handed_on_app(use))
    assert found == [_dead_class_call("{classes}")], found
    # A class another module writes in is called there too.
    assert _findings(tmp_path, EXACT["item"], _handed_on_app(use)) == []
