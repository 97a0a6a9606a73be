"""A method held away from what a package outside the project gives (``coll =
somelib.connect().events`` then ``coll.all()``, or ``[raw.events.all]`` called in a
loop) is judged as the same call made in place is: that package may be a company's
wrapper handing out the Nylas client, so the scopes the call could touch stay silent.
A well-known library's object (pymongo's) keeps its verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_apps import V2_PYPROJECT, app_findings


# ``calendar`` (line 4) is needed only if an events call is made.
AUTH = """\
from nylas import APIClient
{imports}

SCOPES = ["email.read_only", "calendar"]
client = APIClient("id", "secret", "token")


def login():
    return client.authentication_url("https://x/cb", scopes=SCOPES)


def inbox():
    {body}
    return client.messages.all()
"""

WORKER = """\
import pymongo
import somelib


def work():
    {body}
"""

_HELD = {
    "a collection held in a name": "raw = somelib.connect()\n    coll = raw.events\n"
                                   "    coll.all()",
    "a method held in a list": "raw = somelib.connect()\n    jobs = [raw.events.all]\n"
                               "    for job in jobs:\n        job()",
    "a collection read from the call": "coll = somelib.connect().events\n    coll.all()",
}


def _codes(tmp_path: Path, auth_body: str = "pass", worker_body: str = "pass"
           ) -> set[tuple[str, str]]:
    auth = AUTH.format(imports="import pymongo\nimport somelib", body=auth_body)
    found = app_findings(tmp_path, {"app/auth.py": auth,
                                    "app/worker.py": WORKER.format(body=worker_body)},
                         V2_PYPROJECT)
    return {(file, said.split(" ", 1)[0]) for file, _, said in found}


@pytest.mark.parametrize("body", _HELD.values(), ids=_HELD.keys())
def test_held_in_a_module_that_does_not_name_nylas(tmp_path: Path, body: str) -> None:
    assert _codes(tmp_path, worker_body=body) == {("worker.py", "NYS304")}


@pytest.mark.parametrize("body", _HELD.values(), ids=_HELD.keys())
def test_held_in_the_module_that_makes_the_client(tmp_path: Path, body: str) -> None:
    assert _codes(tmp_path, auth_body=body) == {("auth.py", "NYS304")}


def test_the_call_made_in_place_has_the_same_verdict(tmp_path: Path) -> None:
    # The reference the held shapes above are measured against.
    assert _codes(tmp_path, worker_body="somelib.connect().events.all()") == {
        ("worker.py", "NYS304")}


def test_a_well_known_librarys_collection_held_keeps_the_verdict(tmp_path: Path) -> None:
    # Control: pymongo gives no Nylas client, held or called in place; the calendar
    # scope is still unused.
    held = _codes(tmp_path / "held", worker_body="coll = pymongo.MongoClient().db.events\n"
                                                 "    coll.all()")
    in_place = _codes(tmp_path / "in_place",
                      worker_body="pymongo.MongoClient().db.events.all()")
    assert held == in_place == {("auth.py", "NYS303")}


# --- a collection handed to a function of the project, a method to a hand-over -----

FLASK_WORKER = """\
from flask import current_app


def sync():
    client = current_app.extensions["nylas"]
    {body}


def fetch_all(coll):
    return coll.all()
"""


def _flask_codes(tmp_path: Path, body: str) -> set[tuple[str, str]]:
    auth = AUTH.format(imports="", body="pass")
    found = app_findings(tmp_path, {"app/auth.py": auth,
                                    "app/worker.py": FLASK_WORKER.format(body=body)},
                         V2_PYPROJECT)
    return {(file, said.split(" ", 1)[0]) for file, _, said in found}


def test_a_collection_handed_to_a_project_function_is_judged(tmp_path: Path) -> None:
    # ``fetch_all`` calls any method of what it is given: the client's events may
    # be read there, as ``client.events.all()`` in place would be.
    assert _flask_codes(tmp_path, "fetch_all(client.events)") == {("worker.py", "NYS304")}


def test_the_collection_called_in_place_has_the_same_verdict(tmp_path: Path) -> None:
    assert _flask_codes(tmp_path, "client.events.all()") == {("worker.py", "NYS304")}


def test_a_collection_of_the_known_client_handed_on_is_followed(tmp_path: Path) -> None:
    # Control: the app's own client, handed the same way, is followed to the call,
    # which only reads events: ``calendar`` is broader than it needs.
    found = app_findings(tmp_path, {
        "app/auth.py": AUTH.format(imports="", body="fetch_all(client.events)")
        + "\n\ndef fetch_all(coll):\n    return coll.all()\n"}, V2_PYPROJECT)
    assert [(file, line, said.split(" ", 1)[0]) for file, line, said in found] == [
        ("auth.py", 4, "NYS302")]
    assert "request 'calendar.read_only' instead" in found[0][2]


def test_a_partial_of_an_unseen_packages_method_is_judged(tmp_path: Path) -> None:
    # ``functools.partial(raw.events.all)()`` calls ``raw.events.all()``.
    body = ("raw = somelib.connect()\n    import functools\n"
            "    functools.partial(raw.events.all)()")
    assert _codes(tmp_path, worker_body=body) == {("worker.py", "NYS304")}


# --- a collection stored on an object's attribute, read back and called -------------

def test_a_flask_extensions_collection_stored_on_an_object_is_judged(tmp_path: Path) -> None:
    # The client is an element of ``extensions``; its ``events`` is the collection
    # itself, not one of its elements: stored on ``box``, it may be called anywhere.
    body = ("box = Box()\n    box.coll = client.events\n    box.coll.all()\n\n\n"
            "class Box:\n    coll = None")
    assert _flask_codes(tmp_path, body) == {("worker.py", "NYS304")}


def test_an_element_of_an_extensions_collection_stored_is_not_the_collection(
        tmp_path: Path) -> None:
    # Control: what iterating the collection gives is a model, not the collection;
    # stored and read back, it calls no method of the collection.
    body = ("box = Box()\n    for each in client.events:\n        box.coll = each\n"
            "    box.coll.all()\n\n\nclass Box:\n    coll = None")
    found = app_findings(tmp_path, {
        "app/auth.py": AUTH.format(imports="", body="pass"),
        "app/worker.py": FLASK_WORKER.format(body=body)}, V2_PYPROJECT)
    # Iterating the collection reads it (unresolved), but no collection leaves.
    assert {(file, said.split(" ", 1)[0]) for file, _, said in found} == {
        ("worker.py", "NYS304")}
    assert not any("box.coll" in said for _, _, said in found)


def test_an_unseen_packages_collection_stored_on_an_object_is_judged(tmp_path: Path) -> None:
    body = "raw = somelib.connect()\n    box = Box()\n    box.coll = raw.events\n    box.coll.all()"
    worker = WORKER.format(body=body) + "\n\nclass Box:\n    coll = None\n"
    found = app_findings(tmp_path, {"app/auth.py": AUTH.format(imports="", body="pass"),
                                    "app/worker.py": worker}, V2_PYPROJECT)
    assert {(file, said.split(" ", 1)[0]) for file, _, said in found} == {
        ("worker.py", "NYS304")}


def test_a_well_known_librarys_collection_stored_keeps_the_verdict(tmp_path: Path) -> None:
    # Control: pymongo's collection stored the same way is no Nylas one.
    body = ("box = Box()\n    box.coll = pymongo.MongoClient().db.events\n"
            "    box.coll.all()")
    worker = WORKER.format(body=body) + "\n\nclass Box:\n    coll = None\n"
    found = app_findings(tmp_path, {"app/auth.py": AUTH.format(imports="", body="pass"),
                                    "app/worker.py": worker}, V2_PYPROJECT)
    assert {(file, said.split(" ", 1)[0]) for file, _, said in found} == {
        ("auth.py", "NYS303")}


THREAD_WORKER = """\
{head}import threading

_local = threading.local()


def work():
    raw = _local.{name}
    {body}


class Box:
    coll = None
"""


def _thread_codes(tmp_path: Path, body: str, nylas_module: bool, name: str = "client"
                  ) -> set[tuple[str, str]]:
    head = "import nylas  # noqa\n" if nylas_module else ""
    found = app_findings(tmp_path, {
        "app/auth.py": AUTH.format(imports="", body="pass"),
        "app/worker.py": THREAD_WORKER.format(head=head, body=body, name=name)},
        V2_PYPROJECT)
    return {(file, said.split(" ", 1)[0]) for file, _, said in found}


_STORED = "box = Box()\n    box.coll = raw.events\n    box.coll.all()"


def test_a_thread_locals_collection_stored_in_a_nylas_module_is_judged(tmp_path: Path) -> None:
    # In a module that mentions Nylas, ``raw.events.all()`` in place is unresolved;
    # stored on ``box`` first, the collection keeps that verdict.
    assert _thread_codes(tmp_path / "in_place", "raw.events.all()", True) == {
        ("worker.py", "NYS304")}
    assert _thread_codes(tmp_path / "stored", _STORED, True) == {("worker.py", "NYS304")}


def test_a_thread_locals_client_stored_elsewhere_is_judged(tmp_path: Path) -> None:
    # In a module that never names Nylas, what the app keeps on the thread-local
    # under a client's name may be its client: its collection stored is unresolved.
    assert _thread_codes(tmp_path, _STORED, False) == {("worker.py", "NYS304")}


def test_a_thread_locals_other_value_stored_elsewhere_keeps_the_verdict(
        tmp_path: Path) -> None:
    # Control: in a module that never names Nylas, the standard library's object
    # under another name is no client, in place or stored.
    assert _thread_codes(tmp_path / "in_place", "raw.events.all()", False, "db") == {
        ("auth.py", "NYS303")}
    assert _thread_codes(tmp_path / "stored", _STORED, False, "db") == {
        ("auth.py", "NYS303")}


DEPS_WORKER = """\
import dataclasses
{head}

@dataclasses.dataclass
class Deps:
    client: object


def work(deps: Deps):
    raw = deps.client
    {body}
"""


def _deps_codes(tmp_path: Path, body: str, head: str) -> set[tuple[str, str]]:
    found = app_findings(tmp_path, {
        "app/auth.py": AUTH.format(imports="", body="pass"),
        "app/worker.py": DEPS_WORKER.format(head=head, body=body)}, V2_PYPROJECT)
    return {(file, said.split(" ", 1)[0]) for file, _, said in found}


def test_a_dataclass_fields_collection_held_is_judged(tmp_path: Path) -> None:
    # ``deps`` is the project's own dataclass, but what its ``client`` field holds
    # is untold: the held collection is judged as ``raw.events.all()`` in place.
    head = "import nylas  # noqa\n"
    assert _deps_codes(tmp_path / "in_place", "raw.events.all()", head) == {
        ("worker.py", "NYS304")}
    assert _deps_codes(tmp_path / "held", "coll = raw.events\n    coll.all()", head) == {
        ("worker.py", "NYS304")}


def test_a_dataclass_given_the_known_client_is_followed(tmp_path: Path) -> None:
    # Control: a field filled with the app's own client is followed to the call,
    # which only reads events.
    head = "from app.auth import client\n"
    body = "coll = raw.events\n    coll.all()\n\n\ndef main():\n    work(Deps(client))"
    codes = _deps_codes(tmp_path, body, head)
    assert ("worker.py", "NYS304") not in codes
    assert ("auth.py", "NYS303") not in codes
