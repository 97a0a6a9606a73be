"""Containers and sums that join a project object with one the analysis cannot tell.

A list, tuple, set or dict display holding a fake and what an unread call returns,
or a ``+`` of two lists, gives each element to whatever reads it (a loop's name, a
subscript).  The join must keep the unknown element: a Nylas-shaped call on what it
gives is unresolved (NYS304), silent on the scopes it could touch.  Reading the fake
alone made the call no Nylas call, and the scope it needs was reported unused
(NYS303).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_apps import FAKE, REGISTRY_CLIENTS, Found, app_findings, unused_gmail

HEADER = """\
import itertools

from app.mailclients import make_client
from app.fakes import Fake
from app.auth import nylas


"""

# Each shape gives ``{a}`` and ``{b}`` to one call, marked ``# here``.
SHAPES = {
    "list": """\
def unread(grant):
    for raw in [{a}, {b}]:
        raw.messages.list(grant)  # here
""",
    "tuple": """\
def unread(grant):
    for raw in ({a}, {b}):
        raw.messages.list(grant)  # here
""",
    "set": """\
def unread(grant):
    for raw in {{{a}, {b}}}:
        raw.messages.list(grant)  # here
""",
    "dict subscript": """\
def unread(grant, mode):
    return {{"dry": {a}, "live": {b}}}[mode].messages.list(grant)  # here
""",
    "dict get": """\
def unread(grant, mode):
    clients = {{"dry": {a}, "live": {b}}}
    return clients.get(mode).messages.list(grant)  # here
""",
    "dict values": """\
CLIENTS = {{"dry": {a}, "live": {b}}}


def unread(grant):
    for raw in CLIENTS.values():
        raw.messages.list(grant)  # here
""",
    "sum of displays": """\
def unread(grant):
    for raw in [{a}] + [{b}]:
        raw.messages.list(grant)  # here
""",
    "starred": """\
def unread(grant):
    fakes = [{a}]
    for raw in [*fakes, {b}]:
        raw.messages.list(grant)  # here
""",
    "sum of names": """\
def unread(grant):
    first = [{a}]
    second = [{b}]
    for raw in first + second:
        raw.messages.list(grant)  # here
""",
    "chained": """\
def unread(grant):
    for raw in itertools.chain([{a}], [{b}]):
        raw.messages.list(grant)  # here
""",
    "next or default": """\
def unread(grant):
    return next(iter([{a}]), {b}).messages.list(grant)  # here
""",
    "dict of keywords": """\
def unread(grant, mode):
    clients = dict(dry={a}, live={b})
    return clients[mode].messages.list(grant)  # here
""",
    # (A zip's tuples are not told apart by place: each name may be either element.)
    "zipped": """\
def unread(grant):
    for raw, other in zip([{a}], [{b}]):
        raw.messages.list(grant)  # here
""",
    "indexed": """\
def unread(grant, i):
    return [{a}, {b}][i].messages.list(grant)  # here
""",
}


def _findings(tmp_path: Path, files: dict[str, str]) -> list[Found]:
    return app_findings(tmp_path, {"app/mailclients.py": REGISTRY_CLIENTS,
                                   "app/registry.py": "CLIENTS = {}\n",
                                   "app/fakes.py": FAKE, **files})


def _shape(tmp_path: Path, shape: str, a: str, b: str) -> tuple[
        list[Found], int]:
    """The findings of an app whose ``app/joined.py`` holds ``shape``, and the line of
    its marked call."""
    text = HEADER + SHAPES[shape].format(a=a, b=b)
    line = next(number for number, row in enumerate(text.splitlines(), 1)
                if row.endswith("# here"))
    return _findings(tmp_path, {"app/joined.py": text}), line


def _unresolved(findings: list[Found], line: int) -> bool:
    return any(code.startswith("NYS304") for name, at, code in findings
               if (name, at) == ("joined.py", line))


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_fake_joined_with_an_unfollowed_client_is_unresolved(
        tmp_path: Path, shape: str) -> None:
    findings, line = _shape(tmp_path, shape, "Fake()", "make_client()")
    assert not unused_gmail(findings)
    assert _unresolved(findings, line)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_unfollowed_client_first_is_unresolved_too(tmp_path: Path, shape: str) -> None:
    findings, line = _shape(tmp_path, shape, "make_client()", "Fake()")
    assert not unused_gmail(findings)
    assert _unresolved(findings, line)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_fakes_joined_together_are_no_nylas_call(tmp_path: Path, shape: str) -> None:
    # Control: every element is the project's fake; the call is the fake's, as before.
    findings, line = _shape(tmp_path, shape, "Fake()", "Fake()")
    assert unused_gmail(findings)
    assert not _unresolved(findings, line)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_clients_joined_together_count(tmp_path: Path, shape: str) -> None:
    # Control: every element is the Nylas client; its call needs Gmail's read scope.
    findings, line = _shape(tmp_path, shape, "nylas", "nylas")
    assert not unused_gmail(findings)
    assert not _unresolved(findings, line)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_client_joined_with_a_fake_stays_exact(tmp_path: Path, shape: str) -> None:
    # Control: both elements are known; the client's call counts, nothing unresolved.
    findings, line = _shape(tmp_path, shape, "Fake()", "nylas")
    assert not unused_gmail(findings)
    assert not _unresolved(findings, line)


# A collection read by a name the analysis cannot read, then an operation called on
# it: on an object the analysis cannot tell, it may be any collection of the client.
BY_NAME = """\
from app.mailclients import make_client
from app.fakes import Fake


def unread(grant, name):
    for raw in [{a}, {b}]:
        getattr(raw, {name}).list(grant)  # here
"""


def _by_name(tmp_path: Path, a: str, b: str, name: str = "name",
             header: str = "") -> tuple[list[Found], int]:
    text = header + BY_NAME.format(a=a, b=b, name=name)
    line = next(number for number, row in enumerate(text.splitlines(), 1)
                if row.endswith("# here"))
    return _findings(tmp_path, {"app/joined.py": text}), line


def test_a_member_by_name_of_a_fake_or_an_unfollowed_client_is_unresolved(
        tmp_path: Path) -> None:
    # The module never mentions the SDK; the fake has the client's ``messages``.
    findings, line = _by_name(tmp_path, "Fake()", "make_client()")
    assert not unused_gmail(findings)
    assert _unresolved(findings, line)


def test_a_member_by_name_of_an_unfollowed_client_in_a_nylas_module_is_unresolved(
        tmp_path: Path) -> None:
    findings, line = _by_name(tmp_path, "make_client()", "make_client()",
                              header="from app.auth import nylas\n")
    assert not unused_gmail(findings)
    assert _unresolved(findings, line)


def test_a_member_by_name_of_fakes_only_is_no_nylas_call(tmp_path: Path) -> None:
    # Control: what a fake gives by any name is its own member.
    findings, line = _by_name(tmp_path, "Fake()", "Fake()",
                              header="from app.auth import nylas\n")
    assert unused_gmail(findings)
    assert not _unresolved(findings, line)


def test_a_member_by_name_of_the_client_stays_silent(tmp_path: Path) -> None:
    # Control: the client read by an unread name escapes at ``getattr`` (as before),
    # and its scopes stay silent.
    findings, line = _by_name(tmp_path, "nylas", "nylas",
                              header="from app.auth import nylas\n")
    assert not unused_gmail(findings)
    assert any(code.startswith("NYS304") and "passed to getattr()" in code
               for name, at, code in findings if name == "joined.py")


def test_a_member_by_a_name_no_collection_has_is_no_nylas_call(tmp_path: Path) -> None:
    # Control: ``cache_*`` names no collection of the client.
    findings, line = _by_name(tmp_path, "Fake()", "make_client()", name='"cache_" + name',
                              header="from app.auth import nylas\n")
    assert unused_gmail(findings)
    assert not _unresolved(findings, line)


# A cast names one object: of an unknown value to the fake, it reads the fake (see
# ``test_partly_untold_values``).  A cast to a class the project writes to type the
# real client (a Protocol, an abstract base) makes no object the analysis can follow.
TYPED = """\
from abc import ABC, abstractmethod
from typing import Any, Protocol, cast

from app.mailclients import make_client


class Messages(Protocol):
    def list(self, grant: str) -> Any: ...


class MailClient(Protocol):
    @property
    def messages(self) -> Messages: ...


class MailBase(ABC):
    @property
    @abstractmethod
    def messages(self) -> Messages: ...


def unread(grant):
    raw = cast({kind}, make_client())
    return raw.messages.list(grant)  # here
"""


@pytest.mark.parametrize("kind", ["MailClient", "MailBase"])
def test_a_cast_of_an_unfollowed_client_to_a_typing_class_is_unresolved(
        tmp_path: Path, kind: str) -> None:
    text = TYPED.format(kind=kind)
    line = next(number for number, row in enumerate(text.splitlines(), 1)
                if row.endswith("# here"))
    findings = _findings(tmp_path, {"app/joined.py": text})
    assert not unused_gmail(findings)
    assert _unresolved(findings, line)


# ``getattr`` with a default joins the attribute and the default: either may be the
# value alone.
DEFAULTED = """\
from flask import current_app
from app.fakes import Fake
from app.auth import nylas


class Holder:
    client = {held}


def unread(grant):
    raw = getattr({owner}, "nylas_client", Fake())
    return raw.messages.list(grant)  # here
"""


def _defaulted(tmp_path: Path, owner: str, held: str) -> tuple[
        list[Found], int]:
    text = DEFAULTED.format(owner=owner, held=held).replace(
        '"nylas_client"', '"client"' if owner == "Holder" else '"nylas_client"')
    line = next(number for number, row in enumerate(text.splitlines(), 1)
                if row.endswith("# here"))
    return _findings(tmp_path, {"app/joined.py": text}), line


def test_an_unfollowed_attribute_defaulting_to_a_fake_is_unresolved(tmp_path: Path) -> None:
    findings, line = _defaulted(tmp_path, "current_app", "None")
    assert not unused_gmail(findings)
    assert _unresolved(findings, line)


def test_a_fake_attribute_defaulting_to_a_fake_is_no_nylas_call(tmp_path: Path) -> None:
    # Control: the class's attribute is the fake too.
    findings, line = _defaulted(tmp_path, "Holder", "Fake()")
    assert unused_gmail(findings)
    assert not _unresolved(findings, line)


def test_a_client_attribute_defaulting_to_a_fake_counts(tmp_path: Path) -> None:
    # Control: the class's attribute is the Nylas client: its call counts exactly.
    findings, line = _defaulted(tmp_path, "Holder", "nylas")
    assert not unused_gmail(findings)
    assert not _unresolved(findings, line)
