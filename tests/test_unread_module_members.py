"""A member of a module imported by a name the analysis cannot read
(``importlib.import_module(name).client``) may be the project's own client: a
Nylas-looking call on it keeps the scopes it could touch silent (NYS304)."""

from __future__ import annotations

from pathlib import Path

from fake_apps import V2_CALENDAR_AUTH as AUTH, V2_PYPROJECT, app_findings


WORKER = """\
import importlib


def work(name):
    raw = {loaded}
    {body}
"""


def _codes(tmp_path: Path, loaded: str, body: str) -> set[tuple[str, str]]:
    found = app_findings(tmp_path, {
        "app/auth.py": AUTH,
        "app/worker.py": WORKER.format(loaded=loaded, body=body)}, V2_PYPROJECT)
    return {(file, said.split(" ", 1)[0]) for file, _, said in found}


def test_a_collection_of_a_module_imported_by_an_unread_name_is_judged(
        tmp_path: Path) -> None:
    assert _codes(tmp_path, "importlib.import_module(name).client",
                  "raw.events.all()") == {("worker.py", "NYS304")}


def test_a_module_imported_by_its_written_name_is_followed(tmp_path: Path) -> None:
    # Control: ``app.auth`` is read, and its client's events call counted: the
    # calendar scope is needed, for reading only.
    assert _codes(tmp_path, "importlib.import_module('app.auth').client",
                  "raw.events.all()") == {("auth.py", "NYS302")}
