"""A table of provider classes run in a loop (``for cls in SYNCS.values():
cls(client).run()``) calls every class it holds; one holding another library's
callable hands the client to code the analysis cannot follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

CLASSES = '''import os

import plugins
from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
G = "https://www.googleapis.com/auth/"


def login():
    return nylas.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": [G + "gmail.readonly", G + "calendar.readonly", G + "contacts.readonly"]})


class MailSync:
    def __init__(self, client):
        self.client = client

    def run(self, grant_id):
        return self.client.messages.list(grant_id)


class CalendarSync:
    def __init__(self, client):
        self.client = client

    def run(self, grant_id):
        return self.client.calendars.list(grant_id)

'''

# Ways to run each class of a table of the module's own classes.
KNOWN = {
    "values": 'SYNCS = {"mail": MailSync, "calendar": CalendarSync}\n\n\n'
              'def sync_all(grant_id):\n    for cls in SYNCS.values():\n'
              '        cls(nylas).run(grant_id)\n',
    "items": 'SYNCS = {"mail": MailSync, "calendar": CalendarSync}\n\n\n'
             'def sync_all(grant_id):\n    for name, cls in SYNCS.items():\n'
             '        cls(nylas).run(grant_id)\n',
    "tuple": 'def sync_all(grant_id):\n    for cls in (MailSync, CalendarSync):\n'
             '        cls(nylas).run(grant_id)\n',
    "instances": 'def sync_all(grant_id):\n'
                 '    for sync in [MailSync(nylas), CalendarSync(nylas)]:\n'
                 '        sync.run(grant_id)\n',
    "lookup": 'SYNCS = {"mail": MailSync, "calendar": CalendarSync}\n\n\n'
              'def sync_one(grant_id, kind):\n    SYNCS[kind](nylas).run(grant_id)\n',
}


def _findings(tmp_path: Path, table: str) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "sync.py").write_text(CLASSES + table)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.message.partition("'")[2].partition("'")[0])
                  for f in result.findings)


@pytest.mark.parametrize("table", KNOWN.values(), ids=list(KNOWN))
def test_each_class_of_a_table_run_in_a_loop_is_called(tmp_path: Path, table: str) -> None:
    # Mail and calendar are each needed by one class only; contacts by none.
    assert _findings(tmp_path, table) == [
        ("NYS303", "https://www.googleapis.com/auth/contacts.readonly")]


# The same tables with another library's class among the project's.
WITH_ANOTHER_LIBRARY = {
    "values": KNOWN["values"].replace('"calendar": CalendarSync', '"x": plugins.Thing'),
    "tuple": KNOWN["tuple"].replace("CalendarSync)", "plugins.Thing)"),
    "lookup": KNOWN["lookup"].replace('"calendar": CalendarSync', '"x": plugins.Thing'),
    "get": KNOWN["lookup"].replace('"calendar": CalendarSync', '"x": plugins.Thing').replace(
        "SYNCS[kind]", "SYNCS.get(kind)"),
}


@pytest.mark.parametrize("table", WITH_ANOTHER_LIBRARY.values(), ids=list(WITH_ANOTHER_LIBRARY))
def test_a_table_holding_another_library_s_callable_hands_the_client_to_it(
        tmp_path: Path, table: str) -> None:
    # ``plugins.Thing(nylas)`` may send anything: contacts is not called unused.
    found = _findings(tmp_path, table)
    assert "NYS303" not in {code for code, _ in found}, found
    assert ("NYS304", "") in found, found


def test_a_table_too_large_to_walk_may_hold_another_library_s_callable() -> None:
    """The walk over a table's bindings is bounded; bindings it has not reached are
    not known to be the project's, so a table larger than the bound counts as one
    that may hold another library's callable.  A small table of the project's own
    classes does not."""
    from flake8_nylas_scopes.analysis.flow_facts import Val
    from flake8_nylas_scopes.judging.untold_callees import may_be_untold

    def table(size: int) -> tuple[Val, dict[str, list[Val]]]:
        bindings = {"app.SYNCS": [Val("sym", f"app.Sync{index}") for index in range(size)]}
        for index in range(size):
            bindings[f"app.Sync{index}"] = [Val("ref", f"app.Sync{index}")]
        return Val("sym", "app.SYNCS"), bindings

    def external(name: str) -> bool:
        return not name.startswith("app.")

    small_callee, small = table(3)
    large_callee, large = table(200)
    assert not may_be_untold(small_callee, small, external)
    assert may_be_untold(large_callee, large, external)
