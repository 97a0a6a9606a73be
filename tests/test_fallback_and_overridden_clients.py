"""A value that may be a project object (a test's fake) or something the analysis
cannot follow, joined where one reading names several places: ``getattr``'s member
and its default, and what a subclass binds again beside its base (a class attribute,
a method's result).

Each module below never mentions Nylas; the app elsewhere asks for Gmail's read
scope, which only the call made on the unknown part may need.  The call is
unresolved (NYS304), so the scope is not reported unused (NYS303).  Where every
part is known (two fakes, or the client), the verdict is the one it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_apps import FAKE, OTHER_FAKE, Found, app_findings, unresolved_in, unused_gmail

# A client picked from a registry the analysis cannot read (it resolves to nothing).
CLIENTS = """\
from flask import current_app


def make_client():
    return current_app.extensions["nylas"]
"""

FAKES = FAKE + OTHER_FAKE + """

class Holder:
    client = OtherFake()
"""

HEAD = "from app.clients import make_client\nfrom app.fakes import Fake, Holder, OtherFake\n"

GETATTR_DEFAULT = HEAD + """
def unread(holder, grant):
    client = getattr(holder, "client", {default})
    return client.messages.list(grant)
"""

SUBCLASS_ATTRIBUTE = HEAD + """
class Digest:
    client = Fake()

    def unread(self, grant):
        return self.client.messages.list(grant)


class LiveDigest(Digest):
    client = {live}


def run(grant):
    return LiveDigest().unread(grant)
"""

SUBCLASS_METHOD = HEAD + """
class Digest:
    def client(self):
        return Fake()

    def unread(self, grant):
        return self.client().messages.list(grant)


class LiveDigest(Digest):
    def client(self):
        return {live}
"""


# A module holding a fake, and another module storing a value on it at start-up.
HOLDER = "from app.fakes import Fake\n\nclient = Fake()\n"

MODULE_STORE = HEAD + """import app.holder as holder


def setup():
    {store}


def unread(grant):
    return holder.client.messages.list(grant)
"""

# A module's dict of clients, changed at start-up by keywords.
DICT_UPDATE = HEAD + """
CLIENTS = {{"mail": Fake()}}


def setup():
    CLIENTS.update(mail={live})


def unread(grant):
    return CLIENTS["mail"].messages.list(grant)
"""

# A client a nested function binds through ``nonlocal`` (or a module's through
# ``global``), beside the fake its function binds first.
NONLOCAL = HEAD + """
def unread(grant):
    client = Fake()

    def connect():
        nonlocal client
        client = {live}

    connect()
    return client.messages.list(grant)
"""

GLOBAL = HEAD + """
client = Fake()


def connect():
    global client
    client = {live}


def unread(grant):
    return client.messages.list(grant)
"""

# A method binding the class attribute through the instance's class.
CLASS_OF_SELF = HEAD + """
class Digest:
    client = Fake()

    def connect(self):
        {owner}.client = {live}

    def unread(self, grant):
        return self.client.messages.list(grant)
"""

# An instance given attributes by names known only at run time.
RUN_TIME_NAMES = HEAD + """
class Digest:
    client = Fake()

    def __init__(self, **options):
        for key, value in options.items():
            setattr(self, key, {value})

    def unread(self, grant):
        return self.client.messages.list(grant)


def run(grant):
    return Digest(client=make_client()).unread(grant)
"""

# A registry of the project keeping its clients in an instance's dict, read by a
# method or by ``registry[key]``.
REGISTRY = HEAD + """
class Registry:
    def __init__(self):
        self.items = {{"dry": Fake()}}

    def __getitem__(self, key):
        return self.items[key]

    def lookup(self, key):
        return self.items[key]

    def register(self, key, value):
        self.items[key] = value


REG = Registry()


def setup():
    REG.register("mail", {live})


def unread(grant):
    return {read}.messages.list(grant)
"""


def _findings(tmp_path: Path, mail: str) -> list[Found]:
    return app_findings(tmp_path, {"app/clients.py": CLIENTS, "app/fakes.py": FAKES,
                                   "app/holder.py": HOLDER, "app/mail.py": mail})


def _unresolved_in_mail(findings: list[Found]) -> set[int]:
    return unresolved_in(findings, "mail.py")


@pytest.mark.parametrize(("template", "line", "text"), [
    (GETATTR_DEFAULT.format(default="Fake()"), 6, "client.messages.list()"),
    (SUBCLASS_ATTRIBUTE.format(live="make_client()"), 8, "self.client.messages.list()"),
    (SUBCLASS_METHOD.format(live="make_client()"), 9, "self.client().messages.list()"),
    (MODULE_STORE.format(store="holder.client = make_client()"), 11,
     "holder.client.messages.list()"),
    (MODULE_STORE.format(store='setattr(holder, "client", make_client())'), 11,
     "holder.client.messages.list()"),
    (DICT_UPDATE.format(live="make_client()"), 12, "CLIENTS['mail'].messages.list()"),
    (NONLOCAL.format(live="make_client()"), 12, "client.messages.list()"),
    (GLOBAL.format(live="make_client()"), 13, "client.messages.list()"),
    (CLASS_OF_SELF.format(owner="type(self)", live="make_client()"), 11,
     "self.client.messages.list()"),
    (CLASS_OF_SELF.format(owner="self.__class__", live="make_client()"), 11,
     "self.client.messages.list()"),
    (RUN_TIME_NAMES.format(value="value"), 12, "self.client.messages.list()"),
    (REGISTRY.format(live="make_client()", read='REG.lookup("mail")'), 26,
     "REG.lookup().messages.list()"),
    (REGISTRY.format(live="make_client()", read='REG["mail"]'), 26,
     "REG['mail'].messages.list()"),
], ids=["getattr-default", "subclass-attribute", "subclass-method", "module-store",
        "module-setattr", "dict-update-keyword", "nonlocal", "global", "type-of-self",
        "class-of-self", "setattr-by-run-time-name", "registry-method", "registry-item"])
def test_unknown_part_beside_a_fake_is_unresolved(
        tmp_path: Path, template: str, line: int, text: str) -> None:
    findings = _findings(tmp_path, template)
    assert not unused_gmail(findings)
    assert line in _unresolved_in_mail(findings)
    assert any(f"cannot tell whether {text} is a Nylas call" in code
               for _, _, code in findings)


@pytest.mark.parametrize("template", [
    GETATTR_DEFAULT.format(default="Fake()").replace("holder, grant", "grant").replace(
        "getattr(holder,", "getattr(Holder(),"),
    SUBCLASS_ATTRIBUTE.format(live="OtherFake()"),
    SUBCLASS_METHOD.format(live="OtherFake()"),
    MODULE_STORE.format(store="holder.client = OtherFake()"),
    DICT_UPDATE.format(live="OtherFake()"),
    NONLOCAL.format(live="OtherFake()"),
    GLOBAL.format(live="OtherFake()"),
    CLASS_OF_SELF.format(owner="type(self)", live="OtherFake()"),
    RUN_TIME_NAMES.format(value="OtherFake()"),
    REGISTRY.format(live="OtherFake()", read='REG.lookup("mail")'),
    REGISTRY.format(live="OtherFake()", read='REG["mail"]'),
], ids=["getattr-of-a-fake", "subclass-attribute", "subclass-method", "module-store",
        "dict-update-keyword", "nonlocal", "global", "type-of-self",
        "setattr-by-run-time-name", "registry-method", "registry-item"])
def test_only_fakes_stay_no_nylas_call(tmp_path: Path, template: str) -> None:
    # Control: every part is a project object; the call is the fakes', as before.
    findings = _findings(tmp_path, template)
    assert unused_gmail(findings)
    assert not _unresolved_in_mail(findings)


@pytest.mark.parametrize(("template", "line", "stores"), [
    (SUBCLASS_ATTRIBUTE.format(live="nylas").replace(
        HEAD, HEAD + "from app.auth import nylas\n"), 9, set()),
    (SUBCLASS_METHOD.format(live="nylas").replace(
        HEAD, HEAD + "from app.auth import nylas\n"), 10, set()),
    (MODULE_STORE.format(store="holder.client = nylas").replace(
        HEAD, HEAD + "from app.auth import nylas\n"), 12, set()),
], ids=["subclass-attribute", "subclass-method", "module-store"])
def test_the_client_beside_a_fake_is_exact(
        tmp_path: Path, template: str, line: int, stores: set[int]) -> None:
    # Control: the subclass (the module's store) holds the Nylas client; its call is
    # counted exactly.  (The store on the project's module is its global, followed
    # where it is read: no escape.)
    findings = _findings(tmp_path, template)
    assert not unused_gmail(findings)
    assert line not in _unresolved_in_mail(findings)
    assert _unresolved_in_mail(findings) == stores


# The base holds what the analysis cannot follow and a subclass the fake: the base's
# method reads the family's stores, the base's own among them.
BASE_UNKNOWN_ATTRIBUTE = HEAD + """
class Digest:
    client = make_client()

    def unread(self, grant):
        return self.client.messages.list(grant)


class FakeDigest(Digest):
    client = Fake()


def run(grant):
    return FakeDigest().unread(grant)
"""

BASE_UNKNOWN_METHOD = HEAD + """
class Digest:
    def client(self):
        return make_client()

    def unread(self, grant):
        return self.client().messages.list(grant)


class FakeDigest(Digest):
    def client(self):
        return Fake()
"""


@pytest.mark.parametrize("template", [BASE_UNKNOWN_ATTRIBUTE, BASE_UNKNOWN_METHOD],
                         ids=["attribute", "method"])
def test_a_base_binding_an_unknown_value_beside_a_fake_subclass_is_unresolved(
        tmp_path: Path, template: str) -> None:
    findings = _findings(tmp_path, template)
    assert not unused_gmail(findings)
    assert _unresolved_in_mail(findings)


def test_an_unrelated_class_binding_an_unknown_value_changes_nothing(tmp_path: Path) -> None:
    # Control: a class of no family; its attribute holding an unknown value is read on
    # its own (unresolved where read), and the fake's call stays the fake's.
    mail = HEAD + """
class Digest:
    client = Fake()

    def unread(self, grant):
        return self.client.messages.list(grant)


class Other:
    client = make_client()


def run(grant):
    return Digest().unread(grant)
"""
    findings = _findings(tmp_path, mail)
    assert unused_gmail(findings)
    assert not _unresolved_in_mail(findings)
