"""A value is judged by where it comes from, not by where it is used.

An object the analysis cannot tell, made in a module that mentions Nylas (or given by
a package outside the project, or named like a client), may be a Nylas client there:
``R.events.all()`` in that module keeps the calendar's scopes silent (NYS304).  The
same object handed whole to the project's code in a module that never names Nylas
(``use(R)`` with ``def use(c): c.events.all()``; a class keeping it; a store; a
global read elsewhere) must get the same caution, never a report that the calendar
scope is unused (NYS303).  A Django object handed the same way, which in place is
no Nylas call, still leaves the scope reported: the caution follows the value.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from fake_apps import V2_CALENDAR_AUTH as AUTH, V2_PYPROJECT, app_findings

# Where the object comes from: the top of ``app/worker.py``, binding ``R``.
ROOTS = {
    "a module named for Nylas": "from shared_infra.nylas import R\n",
    "a package outside the project": "from acme_mail import make_client\n\nR = make_client()\n",
    "another library, in a module that imports Nylas": (
        "import somelib\nfrom nylas import APIClient  # noqa: F401\n\nR = somelib.connect()\n"),
}

IN_PLACE = "R.events.all()\n"

# The object handed whole to ``app/helpers.py`` (which never names Nylas) another way.
SHAPES = {
    "handed to a function": "use(R)\n",
    "handed by keyword": "use(c=R)\n",
    "bound to a local first": "conn = R\nuse(conn)\n",
    "handed to a class": "Keeper(R).calendar()\n",
    "stored on an instance": "keeper = Keeper(None)\nkeeper.c = R\nkeeper.calendar()\n",
    "handed through a second helper": "relay(R)\n",
    "read by another module": "read_elsewhere()\n",
}

HELPERS = """\
def use(c):
    return c.events.all()


def relay(c):
    held = c
    return use(held)


class Keeper:
    def __init__(self, c):
        self.c = c

    def calendar(self):
        return self.c.events.all()
"""

READER = """\
from app.worker import R


def read_elsewhere():
    return R.events.all()
"""

WORKER_IMPORTS = "from app.helpers import Keeper, relay, use\n"


def _app(top: str, body: str, *extra: tuple[str, str]) -> dict[str, str]:
    """The app's files: ``app/reader.py`` only where the body reads it (its call on
    ``R`` is made whether or not the body calls it)."""
    imports = WORKER_IMPORTS
    files = {"app/auth.py": AUTH, "app/helpers.py": HELPERS, **dict(extra)}
    if "read_elsewhere" in body:
        imports += "from app.reader import read_elsewhere\n"
        files["app/reader.py"] = READER
    files["app/worker.py"] = top + imports + "\n\ndef work():\n" + textwrap.indent(
        body, "    ")
    return files


def _findings(root: Path, top: str, body: str) -> list[str]:
    return [said for _, _, said in app_findings(root, _app(top, body), V2_PYPROJECT)]


def _unused_calendar(found: list[str]) -> bool:
    return any("NYS303 'calendar'" in said for said in found)


def test_no_way_of_handing_the_object_on_is_less_cautious_than_the_call_in_place(
        tmp_path: Path) -> None:
    less_cautious = []
    for r, (root, top) in enumerate(ROOTS.items()):
        # The grid means something only where the call in place is cautious.
        assert not _unused_calendar(_findings(tmp_path / f"{r}", top, IN_PLACE)), root
        for s, (shape, body) in enumerate(SHAPES.items()):
            if _unused_calendar(_findings(tmp_path / f"{r}-{s}", top, body)):
                less_cautious.append(f"{shape}, from {root}")
    assert less_cautious == []


def test_the_helper_says_why_it_stays_silent(tmp_path: Path) -> None:
    found = _findings(tmp_path, ROOTS["a package outside the project"], SHAPES[
        "handed to a function"])
    assert "NYS304 NYS304 cannot tell whether c.events.all() is a Nylas call; usage rules stay " \
           "silent for the scopes it could touch" in found


# A project's Django model, handed the same ways from a module that never names
# Nylas: ``User.objects.get(...).events.all()`` in place is a related manager's call.
DJANGO_TOP = "from app.models import User\n\nR = User.objects.get(pk=1)\n"
MODELS = "from django.db import models\n\n\nclass User(models.Model):\n    pass\n"


@pytest.mark.parametrize("shape", [IN_PLACE, SHAPES["handed to a function"],
                                   SHAPES["handed to a class"],
                                   SHAPES["handed through a second helper"],
                                   SHAPES["read by another module"]])
def test_an_object_no_nylas_code_gives_is_judged_as_before(
        tmp_path: Path, shape: str) -> None:
    files = _app(DJANGO_TOP, shape, ("app/models.py", MODELS))
    found = app_findings(tmp_path, files, V2_PYPROJECT)
    assert _unused_calendar([said for _, _, said in found])
