"""Values that reach a place the analysis reads only in part.

An object's attributes set by a name read at run time (``setattr(holder, name,
value)``, ``vars(holder)[name] = value``, ``holder.__dict__[name] = value``,
``self.__dict__.update(options)``) or replaced by a patch (``mock.patch.object(Digest,
"client", value)``, ``monkeypatch.setattr(...)``) may hold what the analysis cannot
tell beside the fake the class holds: a Nylas-shaped call on such an attribute is
unresolved (NYS304), silent on the scopes it could touch.  Reading the fake alone
made the call no Nylas call, and the scope it needs was reported unused (NYS303).
A function kept in a module-level table or handed to another library may be called
with anything by code the analysis does not see, and a generator's ``yield`` gives
what its ``send`` is given: their parameters and names hold an unknown value beside
the fake a visible caller gives.  Where every part is known (fakes only, or the
client), the verdict is the one it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_apps import FAKE, OTHER_FAKE, Found, app_findings, unused_gmail

# ``make_client`` comes from a library the analysis does not read.
HEAD = ("from vendorlib import make_client\nfrom app.fakes import Fake, OtherFake\n"
        "from app.auth import nylas\n")

# A class holding a fake, its instances' attributes set by names read at run time.
OWN_NAMESPACE = HEAD + """

class Digest:
    client = Fake()

    def __init__(self, key, value, options):
        {write}

    def run(self):
        return self.client.messages.list("g")


def build(key):
    return Digest(key, {live}, {{"client": {live}}})
"""

# A module-level instance holding a fake, written from outside its class.
HOLDER = HEAD + """

class Holder:
    client = Fake()


holder = Holder()


def setup(name):
    {write}


def run():
    return holder.client.messages.list("g")
"""

# A class attribute replaced while a patch is active.
PATCHED = HEAD + """from unittest import mock
from unittest.mock import patch


class Digest:
    client = Fake()

    def run(self):
        return self.client.messages.list("g")


{patch}
"""


def _findings(tmp_path: Path, mail: str) -> list[Found]:
    return app_findings(tmp_path, {"app/fakes.py": FAKE + OTHER_FAKE, "app/mail.py": mail})


def _line_of(text: str, marker: str) -> int:
    """The number of the first line of ``text`` holding ``marker``."""
    return next(number for number, line in enumerate(text.splitlines(), start=1)
                if marker in line)


def _unused_gmail(findings: list[Found]) -> bool:
    return unused_gmail(findings)


def _unresolved_calls(findings: list[tuple[str, int, str]]) -> set[int]:
    return {line for name, line, code in findings
            if name == "mail.py" and code.startswith("NYS304") and "cannot tell whether" in code}


def _app(shape: str, live: str) -> str:
    """The app of ``shape`` with ``live`` written where the other object is given."""
    template, write = NAMED_WRITES[shape]
    text = template.replace("{write}", write).replace("{patch}", write)
    return text.replace("{live}", live).replace("{{", "{").replace("}}", "}")


_PATCH_WITH = """def go():
    with mock.patch.object(Digest, "client", {live}):
        return Digest().run()"""
_PATCH_NEW = """def go():
    with patch.object(Digest, "client", new={live}):
        return Digest().run()"""
_PATCH_DECORATOR = """@patch.object(Digest, "client", {live})
def go():
    return Digest().run()"""
_MONKEYPATCH = """def go(monkeypatch):
    monkeypatch.setattr(Digest, "client", {live})
    return Digest().run()"""

# (template, the write): the object written stands where ``{live}`` is.
NAMED_WRITES = {
    "own-dict-update": (OWN_NAMESPACE, "self.__dict__.update(options)"),
    "own-vars-update": (OWN_NAMESPACE, "vars(self).update(options)"),
    "own-dict-key": (OWN_NAMESPACE, "self.__dict__[key] = value"),
    "own-vars-key": (OWN_NAMESPACE, "vars(self)[key] = value"),
    "holder-setattr": (HOLDER, "setattr(holder, name, {live})"),
    "holder-vars-key": (HOLDER, "vars(holder)[name] = {live}"),
    "holder-dict-key": (HOLDER, "holder.__dict__[name] = {live}"),
    "holder-dict-update": (HOLDER, "holder.__dict__.update({\"client\": {live}})"),
    "patch-object-with": (PATCHED, _PATCH_WITH),
    "patch-object-new": (PATCHED, _PATCH_NEW),
    "patch-object-decorator": (PATCHED, _PATCH_DECORATOR),
    "monkeypatch-setattr": (PATCHED, _MONKEYPATCH),
}


@pytest.mark.parametrize("shape", NAMED_WRITES)
def test_an_unknown_object_written_by_name_is_unresolved(tmp_path: Path, shape: str) -> None:
    mail = _app(shape, "make_client()")
    findings = _findings(tmp_path, mail)
    assert not _unused_gmail(findings)
    assert _line_of(mail, ".messages.list(") in _unresolved_calls(findings)


@pytest.mark.parametrize("shape", NAMED_WRITES)
def test_only_fakes_written_by_name_stay_no_nylas_call(tmp_path: Path, shape: str) -> None:
    # Control: the object written is another fake; the call is the fakes', as before.
    findings = _findings(tmp_path, _app(shape, "OtherFake()"))
    assert _unused_gmail(findings)
    assert not _unresolved_calls(findings)


@pytest.mark.parametrize("shape", NAMED_WRITES)
def test_the_client_written_by_name_is_counted(tmp_path: Path, shape: str) -> None:
    # Control: the object written is the Nylas client; its call needs Gmail's read
    # scope, and no scope is reported unused.
    findings = _findings(tmp_path, _app(shape, "nylas"))
    assert not _unused_gmail(findings)
    assert not _unresolved_calls(findings)


# A function a visible caller gives a fake, kept where code the analysis does not
# see may call it: a module-level table (dispatch by a key from a request), another
# library's registry.
KEPT_FUNCTION = HEAD + """import somelib


def unread(client, grant):
    return client.messages.list(grant)


{keep}


def main():
    return unread({caller}, "g")
"""

KEPT = {
    "dict-table": 'HANDLERS = {"unread": unread}',
    "list-table": "HANDLERS = [unread]",
    "handed-to-a-library": "somelib.register(unread)",
}


def _kept(keep: str, caller: str) -> str:
    return KEPT_FUNCTION.replace("{keep}", keep).replace("{caller}", caller)


@pytest.mark.parametrize("keep", KEPT.values(), ids=KEPT.keys())
def test_a_kept_function_given_a_fake_is_unresolved(tmp_path: Path, keep: str) -> None:
    mail = _kept(keep, "Fake()")
    findings = _findings(tmp_path, mail)
    assert not _unused_gmail(findings)
    assert _line_of(mail, ".messages.list(") in _unresolved_calls(findings)


@pytest.mark.parametrize("keep", [
    "pass",
    'def table():\n    return {"unread": unread}["unread"](Fake(), "g")',
], ids=["not-kept", "kept-in-a-local-table"])
def test_a_function_only_called_with_a_fake_stays_no_nylas_call(
        tmp_path: Path, keep: str) -> None:
    # Control: no module-level place keeps the function, nor is it handed to another
    # library; only fakes reach its parameter, as before.
    findings = _findings(tmp_path, _kept(keep, "Fake()"))
    assert _unused_gmail(findings)
    assert not _unresolved_calls(findings)


@pytest.mark.parametrize("keep", KEPT.values(), ids=KEPT.keys())
def test_a_kept_function_given_the_client_is_counted(tmp_path: Path, keep: str) -> None:
    # Control: the visible caller gives the Nylas client; its call needs Gmail's read
    # scope and is told.
    findings = _findings(tmp_path, _kept(keep, "nylas"))
    assert not _unused_gmail(findings)
    assert not _unresolved_calls(findings)


# A generator given its client by ``send``, with a fake as its default.
SENT = HEAD + """

def worker(client=Fake()):
    while True:
        client.messages.list("g")
        {receive}


def go():
    gen = worker({first})
    next(gen)
    gen.send(make_client())
"""


def test_a_value_sent_into_a_generator_is_unresolved(tmp_path: Path) -> None:
    mail = SENT.replace("{receive}", "client = yield").replace("{first}", "")
    findings = _findings(tmp_path, mail)
    assert not _unused_gmail(findings)
    assert _line_of(mail, ".messages.list(") in _unresolved_calls(findings)


def test_a_generator_not_taking_what_is_sent_keeps_its_verdict(tmp_path: Path) -> None:
    # Control: the generator ignores what ``send`` gives; its client is the fake.
    mail = SENT.replace("{receive}", "yield").replace("{first}", "")
    findings = _findings(tmp_path, mail)
    assert _unused_gmail(findings)
    assert not _unresolved_calls(findings)


def test_a_generator_given_the_client_is_counted(tmp_path: Path) -> None:
    # Control: the generator's first client is the Nylas client, its call told.
    mail = SENT.replace("{receive}", "yield").replace("{first}", "nylas")
    findings = _findings(tmp_path, mail)
    assert not _unused_gmail(findings)
    assert not _unresolved_calls(findings)
