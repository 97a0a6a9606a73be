"""A Nylas value written into a dict the analysis does not follow (a Django view's
template context, ``context["events"] = nylas.events.where(...)``) is one NYS304 at
the write, not one for the item stored and one for the dict holding it; a value lost
only one way is still reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_VIEW = '''import os

from django.views.generic import TemplateView
from nylas import APIClient

nylas = APIClient(os.environ["NYLAS_ID"], os.environ["NYLAS_SECRET"], os.environ["TOKEN"])


def login():
    return nylas.authentication_url("https://a.example/cb", scopes=["email.read_only", "calendar"])


class EventsView(TemplateView):
    template_name = "events.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        {write}
        return context


def inbox():
    return nylas.messages.all()
'''
_WRITE_LINE = 18


def _findings(tmp_path: Path, write: str) -> list[tuple[int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "views.py").write_text(_VIEW.format(write=write))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings)


@pytest.mark.parametrize("write", [
    'context["events"] = nylas.events.where(calendar_id="primary")',
    'context["events"] += [nylas.events.where(calendar_id="primary")]',
    'context["events"] = nylas.events',
], ids=["query", "added-to", "collection"])
def test_a_value_stored_in_a_context_is_one_unresolved_use(tmp_path: Path, write: str) -> None:
    # Before, a second NYS304 said "a container of ... is stored on context".  The
    # calendar scope stays unjudged: the events may be read in the template.
    found = _findings(tmp_path, write)
    assert [(line, code) for line, code, _ in found] == [(_WRITE_LINE, "NYS304")], found
    assert "stored in context" in found[0][2], found


def test_a_value_stored_on_an_attribute_is_still_unresolved(tmp_path: Path) -> None:
    # Only the store on an object the analysis does not follow loses it: kept.
    found = _findings(tmp_path, 'context.events = nylas.events.where(calendar_id="primary")')
    assert [(line, code) for line, code, _ in found] == [(_WRITE_LINE, "NYS304")], found
    assert "stored on context" in found[0][2], found


_REGISTRY_APP = '''import os

from nylas import APIClient

from app.registry import HANDLERS

nylas = APIClient(os.environ["NYLAS_ID"], os.environ["NYLAS_SECRET"], os.environ["TOKEN"])


def login():
    return nylas.authentication_url("https://a.example/cb", scopes=["email.read_only", "calendar"])


HANDLERS += [nylas.events]


def inbox():
    return nylas.messages.all()
'''


def test_a_list_of_another_module_added_to_is_one_unresolved_use(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "registry.py").write_text("HANDLERS = []\n")
    (tmp_path / "app" / "views.py").write_text(_REGISTRY_APP)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    found = sorted((f.span.line, f.code) for f in result.findings)
    assert found == [(14, "NYS304")], found


_QUEUE_APP = '''import os
import queue

from nylas import APIClient

nylas = APIClient(os.environ["NYLAS_ID"], os.environ["NYLAS_SECRET"], os.environ["TOKEN"])
WORK = queue.Queue()


def login():
    return nylas.authentication_url("https://a.example/cb", scopes={scopes})


def inbox():
    for message in nylas.messages.where(limit=5):
        {put}
'''
_PUT_LINE = 16


def _queue_findings(tmp_path: Path, put: str, scopes: str) -> list[tuple[int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "views.py").write_text(_QUEUE_APP.format(put=put, scopes=scopes))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings)


@pytest.mark.parametrize("put", ["WORK.put(message)", "WORK.put_nowait(message)"])
def test_a_value_put_in_a_queue_is_one_unresolved_use(tmp_path: Path, put: str) -> None:
    # The call loses its argument and writes into ``WORK``: before, a second NYS304
    # said "a container of a Nylas Message is stored on WORK" on the same line.
    found = _queue_findings(tmp_path, put, '["email.read_only", "email.modify"]')
    lost = [(line, message) for line, code, message in found if code == "NYS304"]
    assert len(lost) == 1 and lost[0][0] == _PUT_LINE, found
    assert "is passed to WORK.put" in lost[0][1], found
    # The consumer may change the message: ``email.modify`` is not called unused.
    assert not [f for f in found if f[1] in ("NYS302", "NYS303")], found


def test_a_value_put_in_a_queue_keeps_modify_unjudged_with_a_lone_modify(
        tmp_path: Path) -> None:
    # Control: with the message lost, asking for ``email.modify`` alone is neither
    # broader than needed nor unused.
    found = _queue_findings(tmp_path, "WORK.put(message)", '["email.modify"]')
    assert [code for _, code, _ in found] == ["NYS304"], found
