"""Code run from a string in the module's own namespace (``eval``, ``exec``,
``timeit`` given ``globals()``, ``cProfile.runctx``) uses the names it reads as the
code would: a client it reads escapes there (NYS304), and the scopes it could need are
never reported unused.  Code that reads no client, or runs in a namespace of its own,
changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_apps import V2_CALENDAR_AUTH as AUTH, V2_PYPROJECT, app_findings

UNUSED_CALENDAR = "NYS303 'calendar' is requested"

AGENDA = """\
import cProfile
import timeit

from app.auth import client

SOURCE = "client.events.all()"


def week():
    return {run}
"""


def _said(root: Path, run: str) -> list[str]:
    return [said for _, _, said in app_findings(
        root, {"app/auth.py": AUTH, "app/agenda.py": AGENDA.format(run=run)}, V2_PYPROJECT)]


@pytest.mark.parametrize("run", [
    'eval("client.events.all()")',
    "exec(SOURCE)",
    'eval(compile("client.events.all()", "<q>", "eval"))',
    'eval("client.events.all()", globals())',
    'timeit.timeit("client.events.all()", number=1, globals=globals())',
    'cProfile.runctx("client.events.all()", globals(), locals())',
    'cProfile.run("client.events.all()")',
    # A text that cannot be read may read any name.
    'eval(f"client.{week.__name__}")',
])
def test_code_run_from_a_string_keeps_the_scopes_of_the_clients_it_reads(
        tmp_path: Path, run: str) -> None:
    said = _said(tmp_path, run)
    assert not any(UNUSED_CALENDAR in text for text in said)
    assert any("client (a Nylas client) is used by code run from a string" in text
               for text in said)


@pytest.mark.parametrize("run", [
    'eval("1 + 1")',
    'eval("client.events.all()", {"client": None})',
    # timeit runs in a namespace of its own unless given one.
    'timeit.timeit("client.events.all()", number=1)',
    'eval("client.events.all(")',
])
def test_code_that_reads_no_client_here_changes_nothing(tmp_path: Path, run: str) -> None:
    assert any(UNUSED_CALENDAR in text for text in _said(tmp_path, run))
