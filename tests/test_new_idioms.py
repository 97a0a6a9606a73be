"""Apps written in idioms real projects use beside their package: what the analysis
makes of each, on an app small enough to read in the test."""

from __future__ import annotations

import json
import os
from pathlib import Path

from fake_apps import AUTH_V3, analysed, write_app

GMAIL_SEND = "https://www.googleapis.com/auth/gmail.send"

# The login asks for Gmail's read scope, which the app's module uses, and for the send
# scope, which only the notebook beside the package may use.
LOGIN = AUTH_V3.replace("https://www.googleapis.com/auth/calendar", GMAIL_SEND)

INBOX = """\
from app.auth import nylas


def inbox(grant):
    return nylas.messages.list(grant)
"""


def _notebook(*cells: tuple[str, str]) -> str:
    """An nbformat 4 notebook of (cell type, source) cells, its sources as lists of
    lines the way Jupyter saves them."""
    return json.dumps({
        "cells": [{"cell_type": kind, "metadata": {}, "source": text.splitlines(True),
                   **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                  for kind, text in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def _send_unused(root: Path, files: dict[str, str]) -> bool:
    """Whether the app of ``files`` beside the login and the inbox gets the send scope
    reported unused."""
    write_app(root, {"app/__init__.py": "", "app/auth.py": LOGIN, "app/inbox.py": INBOX,
                     **files}, "[project]\nname = 'app'\n")
    return any(f.code == "NYS303" and GMAIL_SEND in f.message for f in analysed(root))


def test_a_notebook_that_sends_mail_keeps_the_send_scope(tmp_path: Path) -> None:
    notebook = _notebook(
        ("markdown", "# Send the weekly report by hand"),
        ("code", "%pip install nylas\n!ls\n"),
        ("code", "from app.auth import nylas\nnylas?\n"),
        ("code", 'nylas.messages.send("grant", {"to": [{"email": "a@example.com"}]})  # ok?\n'))
    assert not _send_unused(tmp_path, {"explore.ipynb": notebook})


def test_a_notebook_sends_through_a_module_of_the_app_it_imports(tmp_path: Path) -> None:
    # The notebook never names Nylas: it takes the client from the app's module.
    clients = "from app.auth import nylas\n\n\ndef mail_client():\n    return nylas\n"
    notebook = _notebook(("code", "from app.clients import mail_client\n"),
                         ("code", 'mail_client().messages.send("grant", {"to": []})\n'))
    assert not _send_unused(tmp_path, {"reports/weekly.ipynb": notebook,
                                       "app/clients.py": clients})


def test_a_cell_timed_with_a_cell_magic_is_read(tmp_path: Path) -> None:
    notebook = _notebook(("code", "%%bash\necho send it\n"), (
        "code", '%%time\nfrom app.auth import nylas\nnylas.messages.send("g", {})\n'))
    assert not _send_unused(tmp_path, {"explore.ipynb": notebook})


def test_a_call_timed_with_a_line_magic_is_read(tmp_path: Path) -> None:
    notebook = _notebook(("code", "from app.auth import nylas\n"), (
        "code", 'for grant in ["g"]:\n    %time nylas.messages.send(grant, {})\n'))
    assert not _send_unused(tmp_path, {"explore.ipynb": notebook})


def test_a_call_timed_with_options_is_read(tmp_path: Path) -> None:
    notebook = _notebook(("code", "from app.auth import nylas\n"), (
        "code", '%timeit -n 10 -r 3 nylas.messages.send("g", {})\n'))
    assert not _send_unused(tmp_path, {"explore.ipynb": notebook})


def test_a_cell_that_takes_a_commands_output_into_a_name_is_read(tmp_path: Path) -> None:
    # ``files = !ls`` is IPython, not Python: the rest of the cell sends all the same.
    notebook = _notebook(("code", 'from app.auth import nylas\nfiles = !ls\n'
                                  'nylas.messages.send("g", {"files": files})\n'))
    assert not _send_unused(tmp_path, {"explore.ipynb": notebook})


def test_a_magics_output_taken_into_a_name_runs_its_statement(tmp_path: Path) -> None:
    notebook = _notebook(("code", 'from app.auth import nylas\n'
                                  'timing = %timeit -o nylas.messages.send("g", {})\n'))
    assert not _send_unused(tmp_path, {"explore.ipynb": notebook})


def test_a_magic_that_runs_no_python_of_the_notebook_sends_nothing(tmp_path: Path) -> None:
    notebook = _notebook(("code", '%env SEND=nylas.messages.send("g", {})\n'
                                  '%matplotlib inline\nfrom app.auth import nylas\n'
                                  'nylas.messages.list("g")\n'))
    assert _send_unused(tmp_path, {"explore.ipynb": notebook})


def test_a_cell_python_cannot_read_keeps_the_scopes_and_says_why(tmp_path: Path) -> None:
    # Left out, the cell's send would go unseen and the send scope look unused.
    notebook = _notebook(("code", "from app.auth import nylas\n"), (
        "code", 'report["files"] = !ls\nnylas.messages.send("g", {})\n'))
    assert not _send_unused(tmp_path, {"explore.ipynb": notebook})
    said = [f.message for f in analysed(tmp_path)
            if f.code == "NYS304" and f.span.path.endswith("auth.py")]
    assert said and all(message.startswith(
        "NYS304 explore.ipynb, which is not linted: line 3 of its code cells: syntax error")
        for message in said), said


def test_what_a_script_left_out_does_unseen_is_said_at_the_request(tmp_path: Path) -> None:
    script = ("#!/usr/bin/env python\nfrom app.auth import nylas\n\n\n"
              "def run(name):\n    getattr(nylas.messages, name)('g', {})\n")
    assert not _send_unused(tmp_path, {"bin/run-report": script})
    said = [f.message for f in analysed(tmp_path)
            if f.code == "NYS304" and f.span.path.endswith("auth.py")]
    assert said and all(message.startswith(
        f"NYS304 {os.path.join('bin', 'run-report')}, line 6, which is not linted: ")
        for message in said), said


def test_a_notebook_that_only_reads_leaves_the_send_scope_unused(tmp_path: Path) -> None:
    notebook = _notebook(
        ("markdown", "Sending is done by the app, `nylas.messages.send`"),
        ("code", "%%bash\necho nylas.messages.send\n"),
        ("code", 'from app.auth import nylas\nnylas.messages.list("grant")\n'))
    assert _send_unused(tmp_path, {"explore.ipynb": notebook})


def test_a_notebook_named_as_a_module_of_the_app_is_not_that_module(tmp_path: Path) -> None:
    # ``app/auth.ipynb`` beside ``app/auth.py``: imports of ``app.auth`` still reach
    # the module, whose client the notebook sends with.
    notebook = _notebook(("code", 'from app.auth import nylas\nnylas.messages.send("g", {})\n'))
    assert not _send_unused(tmp_path, {"app/auth.ipynb": notebook})


def test_an_autosaved_copy_of_a_notebook_is_not_read(tmp_path: Path) -> None:
    # The copy Jupyter saved before the notebook stopped sending: not code that runs.
    sending = _notebook(("code", 'from app.auth import nylas\nnylas.messages.send("g", {})\n'))
    reading = _notebook(("code", 'from app.auth import nylas\nnylas.messages.list("g")\n'))
    assert _send_unused(tmp_path, {
        "explore.ipynb": reading, ".ipynb_checkpoints/explore-checkpoint.ipynb": sending})


def test_an_app_without_a_notebook_leaves_the_send_scope_unused(tmp_path: Path) -> None:
    assert _send_unused(tmp_path, {})


def test_nothing_is_reported_on_a_notebook(tmp_path: Path) -> None:
    # A notebook asks for more than it needs: flake8 does not lint it, so neither
    # does the analysis, whose findings every front end shares.
    notebook = _notebook(("code", LOGIN + 'nylas.messages.send("g", {"to": []})\n'))
    write_app(tmp_path, {"app/__init__.py": "", "app/auth.py": LOGIN,
                         "app/inbox.py": INBOX, "explore.ipynb": notebook},
              "[project]\nname = 'app'\n")
    assert [f for f in analysed(tmp_path) if f.span.path.endswith(".ipynb")] == []
