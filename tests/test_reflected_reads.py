"""``obj.__getattribute__("name")`` reads ``obj.name``, as ``getattr(obj, "name")``
does: a collection read so is followed, on a client of the module or one imported
from another, and a name the analysis cannot read leaves the call unresolved."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from fake_apps import V2_CALENDAR_AUTH as AUTH, V2_PYPROJECT, app_findings
from flake8_nylas_scopes.analysis.reflected_reads import spell_as_getattr

UNUSED_CALENDAR = "NYS303 'calendar' is requested"


def _said(root: Path, agenda: str) -> list[str]:
    return [said for _, _, said in app_findings(
        root, {"app/auth.py": AUTH, "app/agenda.py": agenda}, V2_PYPROJECT)]


@pytest.mark.parametrize("read", [
    'client.__getattribute__("events")',
    'object.__getattribute__(client, "events")',
    'getattr(client, "events")',
])
def test_a_collection_read_by_the_protocol_is_followed(tmp_path: Path, read: str) -> None:
    agenda = f"from app.auth import client\n\n\ndef week():\n    return {read}.all()\n"
    assert not any(UNUSED_CALENDAR in said for said in _said(tmp_path, agenda))


def test_another_collection_read_so_leaves_the_calendar_unused(tmp_path: Path) -> None:
    agenda = ('from app.auth import client\n\n\ndef week():\n'
              '    return client.__getattribute__("threads").all()\n')
    assert any(UNUSED_CALENDAR in said for said in _said(tmp_path, agenda))


def test_a_name_read_at_run_time_is_unresolved(tmp_path: Path) -> None:
    agenda = ('from app.auth import client\n\n\ndef week(name):\n'
              '    return client.__getattribute__(name).all()\n')
    said = _said(tmp_path, agenda)
    assert not any(UNUSED_CALENDAR in text for text in said)
    assert any(text.startswith("NYS304") for text in said)


def test_the_rewriting_keeps_places_and_leaves_other_calls() -> None:
    tree = ast.parse("a.__getattribute__('x')\nobject.__getattribute__(b, 'y')\n"
                     "c.__getattribute__('x', 'y')\nd.__getattribute__(name='x')\n")
    spell_as_getattr(tree)
    assert [ast.unparse(statement) for statement in tree.body] == [
        "getattr(a, 'x')", "getattr(b, 'y')", "c.__getattribute__('x', 'y')",
        "d.__getattribute__(name='x')"]
    first = tree.body[0]
    assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Call)
    assert (first.value.func.lineno, first.value.func.col_offset) == (1, 0)
