"""A value some of whose sources the analysis cannot follow.

A parameter given a project object (a fake) by one caller and what an unread call
returns by another holds the fake and something unknown.  The union must keep the
unknown part: a Nylas-shaped call on it is unresolved (NYS304), silent on the scopes
it could touch, besides what the known part gives.  Reading the fake alone made the
call no Nylas call, and the scope it needs was reported unused (NYS303).
"""

from __future__ import annotations

from pathlib import Path

from fake_apps import (
    FAKE, REGISTRY_CLIENTS, Found, app_findings, unresolved_lines, unused_gmail,
)

MAIL = """\
from app.mailclients import make_client
from app.fakes import Fake
from app.auth import nylas


def timed(f, *args):
    return f(*args)


def unread(raw, grant):
    return raw.messages.list(grant)


def unread_timed(raw, grant):
    return timed(raw.messages.list, grant)


def real(grant):
    return unread({real}, grant), unread_timed({real}, grant)


def dry(grant):
    return unread({dry}, grant), unread_timed({dry}, grant)
"""

DIGEST = """\
from flask import current_app


def timed(f, *args):
    return f(*args)


class Digest:
    def __init__(self, client):
        self.client = client

    def unread(self, grant):
        return self.client.messages.list(grant)

    def unread_timed(self, grant):
        return timed(self.client.messages.list, grant)


def build():
    return Digest(current_app.extensions["mail"])
"""

DIGEST_TEST = """\
from app.digest import Digest
from app.fakes import Fake


def test_digest():
    assert Digest(Fake()).unread("g") == []
"""


# What the app's own callers give: a client picked from a registry the analysis
# cannot read (it resolves to nothing).
def _findings(tmp_path: Path, files: dict[str, str]) -> list[Found]:
    return app_findings(tmp_path, {"app/mailclients.py": REGISTRY_CLIENTS,
                                   "app/registry.py": "CLIENTS = {}\n",
                                   "app/fakes.py": FAKE, **files})


def _mail(tmp_path: Path, real: str, dry: str) -> list[Found]:
    return _findings(tmp_path, {"app/mail.py": MAIL.format(real=real, dry=dry)})


def test_fake_and_unfollowed_client_in_one_module_is_unresolved(tmp_path: Path) -> None:
    findings = _mail(tmp_path, real="make_client()", dry="Fake()")
    assert not unused_gmail(findings)
    # The call made in place (line 11) and the bound method handed to ``timed``
    # (line 15) are both possible Nylas calls.
    assert {("mail.py", 11), ("mail.py", 15)} <= unresolved_lines(findings)
    assert any("cannot tell whether raw.messages.list() is a Nylas call" in code
               for _, _, code in findings)


def test_only_the_unfollowed_client_is_unresolved_as_before(tmp_path: Path) -> None:
    findings = _mail(tmp_path, real="make_client()", dry="make_client()")
    assert not unused_gmail(findings)
    assert {("mail.py", 11), ("mail.py", 15)} <= unresolved_lines(findings)


def test_only_the_fake_is_no_nylas_call(tmp_path: Path) -> None:
    # Control: every caller gives the fake; the call is the fake's, as before.
    findings = _mail(tmp_path, real="Fake()", dry="Fake()")
    assert unused_gmail(findings)
    assert not {line for name, line in unresolved_lines(findings) if name == "mail.py"}


def test_only_the_client_is_exact(tmp_path: Path) -> None:
    # Control: every caller gives the Nylas client; the call needs Gmail's read scope.
    findings = _mail(tmp_path, real="nylas", dry="nylas")
    assert not unused_gmail(findings)
    assert not unresolved_lines(findings)


def test_client_and_fake_stay_exact(tmp_path: Path) -> None:
    # Control: both members are known; the client's call counts, nothing unresolved.
    findings = _mail(tmp_path, real="nylas", dry="Fake()")
    assert not unused_gmail(findings)
    assert not unresolved_lines(findings)


def test_fake_given_by_a_test_module_against_an_app_value(tmp_path: Path) -> None:
    findings = _findings(tmp_path, {"app/digest.py": DIGEST,
                                    "tests/test_digest.py": DIGEST_TEST})
    assert not unused_gmail(findings)
    # ``self.client.messages.list(grant)`` in place (line 13) and handed (line 16).
    assert {("digest.py", 13), ("digest.py", 16)} <= unresolved_lines(findings)


def test_fake_given_by_a_test_module_against_the_client(tmp_path: Path) -> None:
    # Control: the app builds its digest with the client: exact, nothing unresolved.
    findings = _findings(tmp_path, {
        "app/digest.py": DIGEST.replace('current_app.extensions["mail"]', "nylas").replace(
            "from flask import current_app", "from app.auth import nylas"),
        "tests/test_digest.py": DIGEST_TEST})
    assert not unused_gmail(findings)
    assert not unresolved_lines(findings)


def _claims(findings: list[Found]) -> set[tuple[str, int, str]]:
    return {finding for finding in findings if finding[2].startswith(("NYS302", "NYS303"))}


def test_a_second_caller_giving_a_fake_makes_no_claim_appear(tmp_path: Path) -> None:
    # The rewrite: a caller giving the unfollowed client, then also one giving a fake.
    # Adding a caller may only make the verdict more cautious.
    alone = _mail(tmp_path / "alone", real="make_client()", dry="make_client()")
    added = _mail(tmp_path / "added", real="make_client()", dry="Fake()")
    assert _claims(added) <= _claims(alone)


# The same union made by a name bound in two statements rather than by two callers:
# a local picked by a flag, a module global set under a test of the environment.
PICKED = """\
import os

from app.mailclients import make_client
from app.fakes import Fake
from app.auth import nylas

if os.environ.get("DRY"):
    CLIENT = {dry}
else:
    CLIENT = {real}


def unread(grant, dry):
    if dry:
        raw = {dry}
    else:
        raw = {real}
    return raw.messages.list(grant)


def unread_global(grant):
    return CLIENT.messages.list(grant)
"""


def _picked(tmp_path: Path, real: str, dry: str) -> list[Found]:
    return _findings(tmp_path, {"app/mail.py": PICKED.format(real=real, dry=dry)})


def test_a_name_bound_to_a_fake_or_an_unfollowed_client_is_unresolved(tmp_path: Path) -> None:
    findings = _picked(tmp_path, real="make_client()", dry="Fake()")
    assert not unused_gmail(findings)
    # The local's call (line 18) and the module global's (line 22).
    assert {("mail.py", 18), ("mail.py", 22)} <= unresolved_lines(findings)


def test_a_name_bound_to_fakes_only_is_no_nylas_call(tmp_path: Path) -> None:
    # Control: both statements bind the fake; the calls are the fake's, as before.
    findings = _picked(tmp_path, real="Fake()", dry="Fake()")
    assert unused_gmail(findings)
    assert not {line for name, line in unresolved_lines(findings) if name == "mail.py"}


def test_a_name_bound_to_the_client_or_a_fake_stays_exact(tmp_path: Path) -> None:
    # Control: both members are known; the client's calls count, nothing unresolved.
    findings = _picked(tmp_path, real="nylas", dry="Fake()")
    assert not unused_gmail(findings)
    assert not unresolved_lines(findings)


# The same union made by a condition's arms in one expression: a fake or what an
# unread registry gives, in a module that never mentions Nylas.
CHOSEN = """\
import os

from flask import current_app, g
from app.fakes import Fake


def make_client():
    return current_app.extensions["nylas"]


def unread(grant):
    raw = {first} if os.environ.get("DRY") else {second}
    return raw.messages.list(grant)


def unread_or(grant):
    raw = getattr(g, "client", None) or {first}
    return raw.messages.list(grant)
"""


def _chosen(tmp_path: Path, first: str, second: str) -> list[Found]:
    return _findings(tmp_path, {"app/chosen.py": CHOSEN.format(first=first, second=second)})


def test_an_if_expression_or_an_or_of_a_fake_and_an_unfollowed_client_is_unresolved(
        tmp_path: Path) -> None:
    findings = _chosen(tmp_path, first="Fake()", second="make_client()")
    assert not unused_gmail(findings)
    # The ``if``-expression's call (line 13) and the ``or``'s (line 18).
    assert {("chosen.py", 13), ("chosen.py", 18)} <= unresolved_lines(findings)


def test_an_if_expression_of_two_fakes_is_no_nylas_call(tmp_path: Path) -> None:
    # Control: both arms are the fake (and ``g.client`` is set to it by a module):
    # the calls are the fake's, as before.
    findings = _findings(tmp_path, {
        "app/chosen.py": CHOSEN.format(first="Fake()", second="Fake()"),
        "app/setup.py": "from flask import g\nfrom app.fakes import Fake\n\n\n"
                        "def before():\n    g.client = Fake()\n"})
    assert unused_gmail(findings)
    assert not {line for name, line in unresolved_lines(findings) if name == "chosen.py"}


def test_an_if_expression_of_the_client_and_a_fake_stays_exact(tmp_path: Path) -> None:
    # Control: an arm the analysis tells is the Nylas client: its call counts exactly.
    findings = _findings(tmp_path, {"app/chosen.py": CHOSEN.format(
        first="Fake()", second="nylas").replace(
            "import os\n", "import os\nfrom app.auth import nylas\n")})
    assert not unused_gmail(findings)
    # The ``if``-expression's call (line 14) is the client's; the ``or`` of the fake
    # and ``g.client``, which no module sets, stays unresolved (line 19).
    unresolved = {line for name, line in unresolved_lines(findings) if name == "chosen.py"}
    assert unresolved == {19}


def test_a_cast_of_an_unfollowed_value_to_the_fake_stays_the_fake(tmp_path: Path) -> None:
    # Control: a cast names one object two ways, it chooses nothing: the fake's call.
    findings = _findings(tmp_path, {"app/chosen.py": (
        "from typing import cast\n\nfrom flask import current_app\nfrom app.fakes import Fake\n"
        "\n\ndef unread(grant):\n"
        "    raw = cast(Fake, current_app.extensions['nylas'])\n"
        "    return raw.messages.list(grant)\n")})
    assert unused_gmail(findings)
    assert not {line for name, line in unresolved_lines(findings) if name == "chosen.py"}


# The same union made by what a function returns (two ``return`` statements, or a
# generator's two ``yield``s) and by an attribute two methods store.
RETURNED_OR_STORED = """\
import os

from app.mailclients import make_client
from app.fakes import Fake
from app.auth import nylas


def pick():
    if os.environ.get("DRY"):
        return {dry}
    return {real}


def every():
    yield {dry}
    yield {real}


def unread(grant):
    raw = pick()
    return raw.messages.list(grant), [one.messages.list(grant) for one in every()]


class Digest:
    def use_dry(self):
        self.client = {dry}

    def use_real(self):
        self.client = {real}

    def unread(self, grant):
        return self.client.messages.list(grant)
"""


def _returned_or_stored(tmp_path: Path, real: str, dry: str) -> list[Found]:
    return _findings(tmp_path, {"app/mail.py": RETURNED_OR_STORED.format(real=real, dry=dry)})


def test_a_result_or_attribute_of_a_fake_or_an_unfollowed_client_is_unresolved(
        tmp_path: Path) -> None:
    findings = _returned_or_stored(tmp_path, real="make_client()", dry="Fake()")
    assert not unused_gmail(findings)
    # The returned value's call (line 21, both forms) and the attribute's (line 32).
    assert {("mail.py", 21), ("mail.py", 32)} <= unresolved_lines(findings)
    assert sum(1 for name, line, code in findings if (name, line) == ("mail.py", 21)
               and code.startswith("NYS304")) == 2


def test_a_result_or_attribute_of_fakes_only_is_no_nylas_call(tmp_path: Path) -> None:
    # Control: every return and store gives the fake; the calls are the fake's.
    findings = _returned_or_stored(tmp_path, real="Fake()", dry="Fake()")
    assert unused_gmail(findings)
    assert not {line for name, line in unresolved_lines(findings) if name == "mail.py"}


def test_a_result_or_attribute_of_the_client_or_a_fake_stays_exact(tmp_path: Path) -> None:
    # Control: both members are known; the client's calls count, nothing unresolved.
    findings = _returned_or_stored(tmp_path, real="nylas", dry="Fake()")
    assert not unused_gmail(findings)
    assert not unresolved_lines(findings)


# The union made by ``setattr`` with the attribute's name written out: a store, as
# ``digest.client = ...`` is.
SET_BY_NAME = """\
from app.mailclients import make_client
from app.fakes import Fake


class Digest:
    def __init__(self):
        self.client = Fake()


def connect(digest):
    setattr(digest, "client", {given})


def unread(digest, grant):
    return digest.client.messages.list(grant)


def main(grant):
    digest = Digest()
    connect(digest)
    return unread(digest, grant)
"""


def test_an_attribute_set_by_name_to_an_unfollowed_client_is_unresolved(
        tmp_path: Path) -> None:
    findings = _findings(tmp_path, {"app/mail.py": SET_BY_NAME.format(given="make_client()")})
    assert not unused_gmail(findings)
    assert ("mail.py", 15) in unresolved_lines(findings)


def test_an_attribute_set_by_name_to_a_fake_is_no_nylas_call(tmp_path: Path) -> None:
    # Control: ``setattr`` gives the fake too; the call is the fake's, as before.
    findings = _findings(tmp_path, {"app/mail.py": SET_BY_NAME.format(given="Fake()")})
    assert unused_gmail(findings)
    assert not {line for name, line in unresolved_lines(findings) if name == "mail.py"}
