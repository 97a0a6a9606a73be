"""Writes and hand-overs that put a value the analysis cannot follow beside a fake.

An item stored into another object's dict, a module's namespace written through
``vars(module)`` or ``globals()``, a mapping's ``get`` handed out uncalled, an
application's state given a fake in one place and another library's object in
another, and awaitables joined by ``asyncio.gather``: each may hold the unknown
object, so a Nylas-shaped call on it is unresolved (NYS304), silent on the scopes
it could touch.  Reading the fake alone made the call no Nylas call, and the scope
it needs was reported unused (NYS303).  Where every part is known (fakes only, or
the client), the verdict is the one it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_apps import FAKE, OTHER_FAKE, Found, app_findings, unresolved_in, unused_gmail

# ``make_client`` comes from a library the analysis does not read.
HEAD = ("from vendorlib import make_client\nfrom app.fakes import Fake, OtherFake\n"
        "from app.auth import nylas\n")

# A registry object keeping its clients in an instance's dict, written from outside.
REGISTRY = HEAD + """
class Registry:
    def __init__(self):
        self.items = {{"dry": Fake()}}

    def lookup(self, key):
        return self.items[key]


REG = Registry()


def setup():
    REG.items["mail"] = {live}


def unread(grant):
    return {read}.messages.list(grant)
"""

# A module holding a fake, its namespace written by another module or by itself.
HOLDER = HEAD + """
client = Fake()


def connect():
    {own}
"""

MODULE_READ = HEAD + """import app.holder as holder


def setup():
    {store}


def unread(grant):
    return holder.client.messages.list(grant)
"""

# A mapping of bound methods handed out by its ``get``, called by its caller.
HANDED_GET = HEAD + """

def handlers(raw):
    {table}
    return table.get


def unread(raw, kind, grant):
    fn = handlers(raw)(kind)
    return fn(grant)


def run(grant):
    return unread({a}, "list", grant), unread({b}, "list", grant)
"""

# An application's state given an object in each of two places.
STARLETTE = HEAD + """import toolkit
from starlette.applications import Starlette
from starlette.requests import Request

app = Starlette()


def setup(testing):
    if testing:
        app.state.nylas = {a}
    else:
        app.state.nylas = {b}


async def unread(request: Request):
    return request.app.state.nylas.messages.list("grant")
"""

LITESTAR = HEAD + """import toolkit
from contextlib import asynccontextmanager

from litestar import Litestar, get
from litestar.datastructures import State


@asynccontextmanager
async def lifespan(app: Litestar):
    app.state.nylas = {a}
    app.state.nylas = {b}
    yield


@get("/inbox")
async def inbox(state: State) -> list:
    return state.nylas.messages.list("grant")
"""

# Awaitables joined by ``asyncio.gather``; each result read apart.
GATHERED = HEAD + """import asyncio


async def first():
    return {a}


async def second():
    return {b}


async def unread(grant):
    dry, live = await asyncio.gather(first(), second())
    return live.messages.list(grant)


async def unread_each(grant):
    for raw in await asyncio.gather(first(), second()):
        raw.messages.list(grant)
"""


def _findings(tmp_path: Path, mail: str, holder: str = "") -> list[Found]:
    return app_findings(tmp_path, {"app/fakes.py": FAKE + OTHER_FAKE,
                                   "app/holder.py": holder or HOLDER.format(own="pass"),
                                   "app/mail.py": mail})


def _line_of(text: str, marker: str) -> int:
    """The number of the first line of ``text`` holding ``marker``."""
    return next(number for number, line in enumerate(text.splitlines(), start=1)
                if marker in line)


def _unresolved_in_mail(findings: list[Found]) -> set[int]:
    return unresolved_in(findings, "mail.py")


_TABLE_DISPLAY = 'table = {"list": raw.messages.list}'
_TABLE_STORED = 'table = {}\n    table["list"] = raw.messages.list'

# (mail.py, holder.py, a line of mail.py that must be unresolved)
UNKNOWN_BESIDE_FAKE = {
    "registry-item": (REGISTRY.format(live="make_client()", read='REG.items["mail"]'), "",
                      ".messages.list("),
    "registry-method": (REGISTRY.format(live="make_client()", read='REG.lookup("mail")'),
                        "", ".messages.list("),
    "module-vars": (MODULE_READ.format(store='vars(holder)["client"] = make_client()'),
                    "", ".messages.list("),
    "own-globals": (MODULE_READ.format(store="holder.connect()"),
                    HOLDER.format(own='globals()["client"] = make_client()'), ".messages.list("),
    "handed-get-display": (HANDED_GET.format(table=_TABLE_DISPLAY, a="Fake()",
                                             b="make_client()"), "", "def handlers"),
    "handed-get-stored": (HANDED_GET.format(table=_TABLE_STORED, a="Fake()",
                                            b="make_client()"), "", "def handlers"),
    "starlette-state": (STARLETTE.format(a="Fake()", b="toolkit.make()"), "", ".messages.list("),
    "litestar-state": (LITESTAR.format(a="Fake()", b="toolkit.make()"), "", ".messages.list("),
    "gather": (GATHERED.format(a="Fake()", b="make_client()"), "", "live.messages"),
    "gather-loop": (GATHERED.format(a="Fake()", b="make_client()"), "", "raw.messages"),
}


@pytest.mark.parametrize(("mail", "holder", "line"), UNKNOWN_BESIDE_FAKE.values(),
                         ids=UNKNOWN_BESIDE_FAKE.keys())
def test_unknown_part_beside_a_fake_is_unresolved(
        tmp_path: Path, mail: str, holder: str, line: str) -> None:
    findings = _findings(tmp_path, mail, holder)
    assert not unused_gmail(findings)
    assert _line_of(mail, line) in _unresolved_in_mail(findings)


ONLY_FAKES = {
    "registry-item": (REGISTRY.format(live="OtherFake()", read='REG.items["mail"]'), ""),
    "registry-method": (REGISTRY.format(live="OtherFake()", read='REG.lookup("mail")'), ""),
    "module-vars": (MODULE_READ.format(store='vars(holder)["client"] = OtherFake()'), ""),
    "own-globals": (MODULE_READ.format(store="holder.connect()"),
                    HOLDER.format(own='globals()["client"] = OtherFake()')),
    "handed-get-display": (HANDED_GET.format(table=_TABLE_DISPLAY, a="Fake()",
                                             b="OtherFake()"), ""),
    "handed-get-stored": (HANDED_GET.format(table=_TABLE_STORED, a="Fake()",
                                            b="OtherFake()"), ""),
    "starlette-state": (STARLETTE.format(a="Fake()", b="OtherFake()"), ""),
    "litestar-state": (LITESTAR.format(a="Fake()", b="OtherFake()"), ""),
}


@pytest.mark.parametrize(("mail", "holder"), ONLY_FAKES.values(), ids=ONLY_FAKES.keys())
def test_only_fakes_stay_no_nylas_call(tmp_path: Path, mail: str, holder: str) -> None:
    # Control: every part is a project object; the call is the fakes', as before.
    findings = _findings(tmp_path, mail, holder)
    assert unused_gmail(findings)
    assert not _unresolved_in_mail(findings)


WITH_CLIENT = {
    "registry-item": (REGISTRY.format(live="nylas", read='REG.items["mail"]'), ""),
    "registry-method": (REGISTRY.format(live="nylas", read='REG.lookup("mail")'), ""),
    "module-vars": (MODULE_READ.format(store='vars(holder)["client"] = nylas'), ""),
    "own-globals": (MODULE_READ.format(store="holder.connect()"),
                    HOLDER.format(own='globals()["client"] = nylas')),
    "handed-get-display": (HANDED_GET.format(table=_TABLE_DISPLAY, a="Fake()",
                                             b="nylas"), ""),
    "handed-get-stored": (HANDED_GET.format(table=_TABLE_STORED, a="Fake()",
                                            b="nylas"), ""),
    "starlette-state": (STARLETTE.format(a="Fake()", b="nylas"), ""),
    "litestar-state": (LITESTAR.format(a="Fake()", b="nylas"), ""),
}


@pytest.mark.parametrize(("mail", "holder"), WITH_CLIENT.values(), ids=WITH_CLIENT.keys())
def test_the_client_beside_a_fake_is_counted(tmp_path: Path, mail: str, holder: str) -> None:
    # Control: the unknown part is the Nylas client; its call needs Gmail's read
    # scope and is told.  (Where the client is stored into a container from outside
    # its class or module, the store itself stays reported as before: the client
    # is handed to a place whose other readers are not all followed.)
    findings = _findings(tmp_path, mail, holder)
    assert not unused_gmail(findings)
    assert not any(name == "mail.py" and "cannot tell whether" in code
                   for name, _, code in findings)


def test_gathered_results_of_fakes_stay_no_nylas_call(tmp_path: Path) -> None:
    # ``asyncio.gather`` hands back a list of its awaitables' results, each followed:
    # every part is a project object, so the calls are the fakes', as for the other
    # fakes above (the unknown case is above too).
    findings = _findings(tmp_path, GATHERED.format(a="Fake()", b="OtherFake()"))
    assert unused_gmail(findings)


def test_the_client_gathered_beside_a_fake_is_counted(tmp_path: Path) -> None:
    findings = _findings(tmp_path, GATHERED.format(a="Fake()", b="nylas"))
    assert not unused_gmail(findings)
    assert not any(name == "mail.py" and "cannot tell whether" in code
                   for name, _, code in findings)
