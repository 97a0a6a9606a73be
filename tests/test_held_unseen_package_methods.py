"""A method held away from what a package outside the project gives (``coll =
somelib.connect().events`` then ``coll.all()``, or ``[raw.events.all]`` called in a
loop) is judged as the same call made in place is: that package may be a company's
wrapper handing out the Nylas client, so the scopes the call could touch stay silent.
A well-known library's object (pymongo's) keeps its verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_apps import app_findings

V2_PYPROJECT = "[project]\nname = 'app'\ndependencies = ['nylas<6']\n"

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
