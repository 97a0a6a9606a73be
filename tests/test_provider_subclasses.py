"""A provider's handler class used as the base of another provider's handler: the
base's code runs for the grants that reach it or a subclass, each of its methods
for those reaching the classes that do not override it (or that call it through
``super()``).  Using a class as a base is not a use of it by every grant."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"

# Google's request grants contacts only; Microsoft's grants mail only.
_LOGINS = f'''import os
from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])


def google_login():
    return nylas.auth.url_for_oauth2({{"client_id": "c", "redirect_uri": "r",
                                      "provider": "google", "scope": ["{G}contacts.readonly"]}})


def microsoft_login():
    return nylas.auth.url_for_oauth2({{"client_id": "c", "redirect_uri": "r",
                                      "provider": "microsoft", "scope": ["Mail.Read"]}})

'''
_BASE = '''
class GmailHandler:
    def __init__(self, grant_id):
        self.grant_id = grant_id

    def labels(self):
        return nylas.contacts.list(self.grant_id)

'''
_OVERRIDING = '''
class OutlookHandler(GmailHandler):
    def labels(self):
        return nylas.messages.list(self.grant_id)

'''
_BY_TABLE = '''
HANDLERS = {"google": GmailHandler, "microsoft": OutlookHandler}


def work(grant):
    return HANDLERS[grant.provider](grant.id).labels()
'''
_BY_TEST = '''
def work(grant):
    if grant.provider == "google":
        return GmailHandler(grant.id).labels()
    return OutlookHandler(grant.id).labels()
'''
_CONTACTS_READ = "'Contacts.Read'"


def _findings(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((f.span.path.rsplit("/", 1)[-1], f.code, f.message) for f in result.findings
                  if f.code in {"NYS301", "NYS302", "NYS303", "NYS304"})


def _missing_contacts(found: list[tuple[str, str, str]]) -> bool:
    """Microsoft's request is missing the contacts' scope, and no scope is said to be
    unused or broader than needed.  (A handler handed on may add Google's request
    missing the messages' scope.)"""
    codes = {code for _, code, _ in found}
    return codes == {"NYS301"} and any(_CONTACTS_READ in message for *_, message in found)


@pytest.mark.parametrize("dispatch", [_BY_TABLE, _BY_TEST])
@pytest.mark.parametrize("base", ["GmailHandler", ""])
def test_an_overridden_method_of_a_base_runs_for_the_bases_grants_only(
        tmp_path: Path, dispatch: str, base: str) -> None:
    # With no base (control) the handlers are apart; as a base, Outlook's handler
    # overrides ``labels``: Microsoft's grants never list contacts.
    subclass = _OVERRIDING if base else _OVERRIDING.replace(
        "(GmailHandler):", ":\n    def __init__(self, grant_id):\n"
        "        self.grant_id = grant_id\n")
    app = _LOGINS + _BASE + subclass + dispatch
    assert _findings(tmp_path, {"app.py": app}) == []


@pytest.mark.parametrize("dispatch", [_BY_TABLE, _BY_TEST])
@pytest.mark.parametrize("reached", [
    # Called through ``super()``.
    _OVERRIDING.replace("        return nylas.messages.list(self.grant_id)",
                        "        super().labels()\n"
                        "        return nylas.messages.list(self.grant_id)"),
    # Not overridden at all.
    _OVERRIDING.replace("def labels(self):", "def mail(self):"),
    # Overridden, and read past it by ``super`` with arguments.
    _OVERRIDING.replace("        return nylas.messages.list(self.grant_id)",
                        "        getattr(super(OutlookHandler, self), 'labels')()\n"
                        "        return nylas.messages.list(self.grant_id)"),
    # Overridden, then the override deleted.
    _OVERRIDING + "\ndelattr(OutlookHandler, 'labels')\n",
    # Called by the base's name.
    _OVERRIDING.replace("        return nylas.messages.list(self.grant_id)",
                        "        GmailHandler.labels(self)\n"
                        "        return nylas.messages.list(self.grant_id)"),
    # A base that runs code as a subclass is made (which may register it anywhere).
    "    def __init_subclass__(cls, **kwargs):\n        super().__init_subclass__(**kwargs)\n"
    + _OVERRIDING,
    # Not overridden by a class between: its subclass reads the base's through super().
    _OVERRIDING.replace("class OutlookHandler(GmailHandler)", "class OutlookHandler(Middle)")
    .replace("def labels(self):", "def labels(self):\n        super().labels()", 1)
    .replace("\nclass", "\nclass Middle(GmailHandler):\n    pass\n\n\nclass", 1),
])
def test_a_base_method_a_subclass_runs_is_reached_by_its_grants(
        tmp_path: Path, dispatch: str, reached: str) -> None:
    found = _findings(tmp_path, {"app.py": _LOGINS + _BASE + reached + dispatch})
    assert _missing_contacts(found), found


@pytest.mark.parametrize("inherited", [
    # ``__init__`` only the base defines lists contacts.
    _BASE.replace("        self.grant_id = grant_id",
                  "        self.grant_id = grant_id\n        nylas.contacts.list(grant_id)"),
    # A method only the base defines, called on every handler.
    _BASE + "    def people(self):\n        return nylas.contacts.list(self.grant_id)\n",
])
def test_code_only_the_base_defines_is_reached_by_the_subclass_grants(
        tmp_path: Path, inherited: str) -> None:
    dispatch = _BY_TABLE.replace(".labels()", ".labels(), HANDLERS[grant.provider]"
                                 "(grant.id).people()") if "people" in inherited else _BY_TABLE
    found = _findings(tmp_path, {"app.py": _LOGINS + inherited + _OVERRIDING + dispatch})
    assert _missing_contacts(found), found


@pytest.mark.parametrize("every", [
    "\n\ndef every(grant):\n    return GmailHandler(grant.id).labels()\n",
    "\n\ndef every(grant):\n    return OutlookHandler(grant.id).labels()\n"
    "\n\ndef also(grant):\n    return super(OutlookHandler, OutlookHandler(grant.id)).labels()\n",
])
def test_a_base_also_used_for_every_grant_stays_reached_by_every_grant(
        tmp_path: Path, every: str) -> None:
    found = _findings(tmp_path, {"app.py": _LOGINS + _BASE + _OVERRIDING + _BY_TABLE + every})
    assert _missing_contacts(found), found


@pytest.mark.parametrize(("jobs", "missing"), [
    # ``jobs.py`` makes Outlook's handler for any grant: the base's ``__init__``,
    # which it does not override, may run for Microsoft's grants.
    ("from app import OutlookHandler\n\n\ndef job(grant_id):\n"
     "    return OutlookHandler(grant_id).labels()\n", True),
    ("import app\n\n\ndef job(grant_id):\n    return app.OutlookHandler(grant_id).labels()\n",
     True),
    # Control: another module naming neither class.
    ("def job(grant_id):\n    return grant_id\n", False),
])
@pytest.mark.parametrize("loads", [
    "nylas.contacts.list(grant_id)",
    # Kept to providers by the base's ``__init__`` only, itself kept by its subclass.
    "self._load()\n\n    def _load(self):\n        return nylas.contacts.list(self.grant_id)",
])
def test_a_subclass_another_module_uses_leaves_the_base_for_every_grant(
        tmp_path: Path, jobs: str, missing: bool, loads: str) -> None:
    base = _BASE.replace("        self.grant_id = grant_id",
                         "        self.grant_id = grant_id\n        " + loads)
    # Here Outlook's handler runs for Google's grants only.
    dispatch = ("\ndef work(grant):\n    if grant.provider == 'google':\n"
                "        return OutlookHandler(grant.id).labels()\n")
    found = _findings(tmp_path, {"app.py": _LOGINS + base + _OVERRIDING + dispatch,
                                 "jobs.py": jobs})
    assert {code for _, code, _ in found} == {"NYS301"}, found
    assert any(_CONTACTS_READ in message for *_, message in found) is missing, found


def test_a_base_of_another_module_stays_reached_by_every_grant(tmp_path: Path) -> None:
    # Not read across modules: the base's code is left to every provider's grants.
    found = _findings(tmp_path, {
        "base.py": _LOGINS + _BASE,
        "app.py": "from base import GmailHandler, nylas\n" + _OVERRIDING + _BY_TABLE})
    assert _missing_contacts(found), found
