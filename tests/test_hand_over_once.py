"""A function handed over inside another hand-over (``run_in_executor(None,
functools.partial(f, a))``) is one call of ``f``: one use, worded as the partial."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_AUTH = '''\
import asyncio
import functools
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from nylas import Client

nylas = Client(api_key="k")


def login_url():
    return nylas.auth.url_for_oauth2({
        "client_id": "id",
        "redirect_uri": "https://x/cb",
        "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly"],
    })


async def delete(grant, message_id, executor: ThreadPoolExecutor):
    loop = asyncio.get_running_loop()
'''
# The call is on line 23 of every app.
_LINE = 23


def _missing(tmp_path: Path, call: str) -> list[tuple[int, int, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(_AUTH + f"    {call}\n")
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    # Columns as the report shows them (from 1).
    return sorted((f.span.line, f.span.col + 1, f.message.split(" (")[0].removeprefix("NYS301 "))
                  for f in result.findings if f.code == "NYS301")


@pytest.mark.parametrize("call, column, via", [
    ("await loop.run_in_executor(None, functools.partial(nylas.messages.destroy, grant,"
     " message_id))", 38, "functools.partial()"),
    ("await asyncio.to_thread(functools.partial(nylas.messages.destroy, grant, message_id))",
     29, "functools.partial()"),
    ("executor.submit(partial(nylas.messages.destroy, grant, message_id))", 21, "partial()"),
    ("threading.Thread(target=partial(nylas.messages.destroy, grant, message_id)).start()",
     29, "partial()"),
])
def test_a_partial_handed_over_in_place_is_one_use(
        tmp_path: Path, call: str, column: int, via: str) -> None:
    # The hand-over runs the partial, which calls ``destroy(grant, message_id)``:
    # the partial's own record of that call stands, the hand-over's is the same call.
    assert _missing(tmp_path, call) == [
        (_LINE, column, f"nylas.messages.destroy via {via}")]


def test_a_hand_over_adding_arguments_to_the_partial_keeps_both_uses(tmp_path: Path) -> None:
    # Control: ``destroy(grant, message_id)`` is made of the partial's argument and
    # the hand-over's; neither record alone is the call, and both stay.
    call = ("await loop.run_in_executor(None, functools.partial(nylas.messages.destroy,"
            " grant), message_id)")
    assert _missing(tmp_path, call) == [
        (_LINE, 11, "functools.partial() via loop.run_in_executor()"),
        (_LINE, 38, "nylas.messages.destroy via functools.partial()"),
    ]


def test_a_partial_bound_to_a_name_is_still_used_where_it_is_handed(tmp_path: Path) -> None:
    # Control: the partial made on one line and handed over on the next are two lines
    # of the use, each reported where it is written.
    call = ("work = partial(nylas.messages.destroy, grant, message_id);"
            " executor.submit(work)")
    assert _missing(tmp_path, call) == [
        (_LINE, 12, "nylas.messages.destroy via partial()"),
        (_LINE, 64, "work via executor.submit()"),
    ]
