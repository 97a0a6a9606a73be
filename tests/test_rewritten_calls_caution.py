"""Writing a call on an object the analysis cannot tell another way (the collection
held in a name, stored on an object, handed to a class of the project, the method
in a list) must not make its verdict less cautious: where the call made in place
keeps the scopes it could need silent (NYS304), no rewriting of it may report one
of them unused (NYS303)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from fake_apps import V2_CALENDAR_AUTH as AUTH, V2_PYPROJECT, app_findings


# Where the untold object comes from: imports, and the function's start binding R.
ROOTS = {
    "a Flask extension": ("from flask import current_app\n",
                          "def work():\n    R = current_app.extensions['nylas']\n"),
    "a package outside the project": ("import somelib\n",
                                      "def work():\n    R = somelib.connect()\n"),
    "an aiohttp application": ("", "def work(request):\n    R = request.app['nylas']\n"),
}

IN_PLACE = "R.events.all()\n"

# The same call written another way, and what it needs of the module.
SHAPES = {
    "held collection": "coll = R.events\ncoll.all()\n",
    "method in a list": "for job in [R.events.all]:\n    job()\n",
    "stored on an object": "box = Box()\nbox.coll = R.events\nbox.coll.all()\n",
    "stored by setattr": "box = Box()\nsetattr(box, 'coll', R.events)\nbox.coll.all()\n",
    "stored on a class": "Box.coll = R.events\nBox.coll.all()\n",
    "unpacked": "a, b = R.events, 1\na.all()\n",
    "dict of collections": "{'e': R.events}['e'].all()\n",
    "handed to a class": "Fetcher(R.events).go()\n",
}

TAIL = """

class Box:
    coll = None


class Fetcher:
    def __init__(self, coll):
        self.coll = coll

    def go(self):
        return self.coll.all()
"""


def _unused_calendar(root: Path, imports: str, start: str, body: str) -> bool:
    worker = imports + "\n\n" + start + textwrap.indent(body, "    ") + TAIL
    found = app_findings(root, {"app/auth.py": AUTH, "app/worker.py": worker}, V2_PYPROJECT)
    return any("NYS303 'calendar'" in said for _, _, said in found)


def test_no_rewriting_is_less_cautious_than_the_call_in_place(tmp_path: Path) -> None:
    less_cautious = []
    for r, (root, (imports, start)) in enumerate(ROOTS.items()):
        # The grid means something only where the call in place is cautious.
        assert not _unused_calendar(tmp_path / f"{r}", imports, start, IN_PLACE), root
        for s, (shape, body) in enumerate(SHAPES.items()):
            if _unused_calendar(tmp_path / f"{r}-{s}", imports, start, body):
                less_cautious.append(f"{shape} on {root}")
    assert less_cautious == []
