"""A function kept by Litestar's ``Provide`` for the framework to call.

``Litestar(..., dependencies={"nylas": Provide(provide_nylas)})`` calls
``provide_nylas()`` per request and gives what it returns only to the parameters
named ``nylas`` of the handlers and of other providers.  Such a parameter is read as
any parameter no call of the project fills: through its annotation
(``nylas: Client``), else its calls are unresolved.  A bound SDK method kept so
(``Provide(client.messages.list)``) is called by the framework: it is a use.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

DEPS = """\
import os

from nylas import Client

SCOPES = [
    "https://www.googleapis.com/auth/gmail.readonly",
    "https://www.googleapis.com/auth/calendar.events.readonly",
]


def provide_nylas() -> Client:
    return Client(api_key=os.environ["NYLAS_API_KEY"])
"""

MAIN = """\
{provide_import}
from nylas import Client

from deps import SCOPES, provide_nylas
{extra}

def login(nylas: Client) -> str:
    return nylas.auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "https://app/cb", "provider": "google",
        "scope": SCOPES,
    }})


def inbox(grant_id: str, {parameter}) -> list:
    return {read}


dependencies = {{{dependencies}}}
"""

LITESTAR = "from litestar.di import Provide"
MAILER = """

class Mailer:
    def __init__(self, client):
        self.client = client

    def inbox(self, grant_id):
        return self.client.messages.list(grant_id).data


def provide_mailer(nylas):
    return Mailer(nylas)
"""
ANNOTATED = ("nylas: Client", "nylas.messages.list(grant_id).data")

# (import of Provide, the handler's parameter and what it reads, the dependencies):
# the handler reads mail only, so the calendar scope is unused.
FOLLOWED = {
    "provider function": (LITESTAR, ANNOTATED, '"nylas": Provide(provide_nylas)'),
    "provider's own options": (
        LITESTAR, ANNOTATED,
        '"nylas": Provide(provide_nylas, use_cache=True, sync_to_thread=False)'),
    "provider by keyword": (LITESTAR, ANNOTATED, '"nylas": Provide(dependency=provide_nylas)'),
    "starlite": ("from starlite import Provide", ANNOTATED, '"nylas": Provide(provide_nylas)'),
    "provider of a lambda": (LITESTAR, ANNOTATED, '"nylas": Provide(lambda: provide_nylas())'),
}

CAUTIOUS = {
    # The parameter says nothing of what it holds: its calls stay unresolved.
    "unannotated parameter": (
        LITESTAR, ("nylas", "nylas.messages.list(grant_id).data"),
        '"nylas": Provide(provide_nylas)'),
    # ``provide_mailer``'s own parameter is filled by the framework, unannotated.
    "provider of a provider": (
        LITESTAR, ("mailer: Mailer", "mailer.inbox(grant_id)", MAILER),
        '"nylas": Provide(provide_nylas), "mailer": Provide(provide_mailer)'),
    # Another library's ``Provide`` may do anything with the function.
    "another library's Provide": (
        "from lib.inject import Provide", ANNOTATED, '"nylas": Provide(provide_nylas)'),
}


def _codes(tmp_path: Path, provide_import: str, handler: tuple[str, ...],
           dependencies: str) -> list[str]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "deps.py").write_text(DEPS)
    parameter, read, *extra = handler
    (tmp_path / "main.py").write_text(MAIN.format(
        provide_import=provide_import, extra="".join(extra), parameter=parameter,
        read=read, dependencies=dependencies))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    # A claim by the scope it names; an unresolved use by its code alone.
    return sorted(finding.message.split(" is ")[0] if finding.code != "NYS304" else "NYS304"
                  for finding in result.findings)


@pytest.mark.parametrize("case", FOLLOWED.values(), ids=list(FOLLOWED))
def test_a_provided_client_reaches_the_annotated_parameters(
        tmp_path: Path, case: tuple[str, tuple[str, ...], str]) -> None:
    assert _codes(tmp_path, *case) == [
        "NYS303 'https://www.googleapis.com/auth/calendar.events.readonly'"]


@pytest.mark.parametrize("case", CAUTIOUS.values(), ids=list(CAUTIOUS))
def test_a_provided_value_the_analysis_cannot_follow_stays_unresolved(
        tmp_path: Path, case: tuple[str, tuple[str, ...], str]) -> None:
    codes = _codes(tmp_path, *case)
    assert "NYS304" in codes and not any(code.startswith("NYS303") for code in codes)


def test_a_provided_bound_sdk_method_is_a_call_of_it(tmp_path: Path) -> None:
    # The framework calls ``client.messages.list`` per request: the mail scope is
    # needed, and only the calendar scope is unused.
    handler = ("messages: list", "messages")
    dependencies = '"messages": Provide(Client("key").messages.list)'
    assert _codes(tmp_path, LITESTAR, handler, dependencies) == [
        "NYS303 'https://www.googleapis.com/auth/calendar.events.readonly'"]


# FastAPI's ``Depends(f)`` calls ``f`` per request too, and gives its result to the
# parameter it is the default of.
FASTAPI = """\
from typing import Annotated

from fastapi import Depends, Security
from nylas import Client

from deps import SCOPES, provide_nylas

client = Client("key")


def login(nylas: Client = Depends(provide_nylas)) -> str:
    return nylas.auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "https://app/cb", "provider": "google",
        "scope": SCOPES,
    }})


def inbox({parameter}) -> list:
    return {read}
"""


def _fastapi_codes(tmp_path: Path, parameter: str, read: str) -> list[str]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "deps.py").write_text(DEPS)
    (tmp_path / "main.py").write_text(FASTAPI.format(parameter=parameter, read=read))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted(finding.message.split(" is ")[0] if finding.code != "NYS304" else "NYS304"
                  for finding in result.findings)


@pytest.mark.parametrize("parameter", [
    "messages=Depends(client.messages.list)",
    "messages=Security(client.messages.list)",
    "messages: Annotated[list, Depends(client.messages.list)]",
])
def test_a_bound_sdk_method_as_a_dependency_is_a_call_of_it(
        tmp_path: Path, parameter: str) -> None:
    # FastAPI calls ``client.messages.list`` per request: the mail scope is needed.
    codes = _fastapi_codes(tmp_path, parameter, "messages")
    assert codes == ["NYS303 'https://www.googleapis.com/auth/calendar.events.readonly'"]


@pytest.mark.parametrize(("parameter", "read"), [
    # The provider's client reaches the parameter, which lists mail.
    ("nylas: Client = Depends(provide_nylas)", "nylas.messages.list('g').data"),
    # A parameter filled by a provider, read through a name: the mail read counts.
    ("nylas=Depends(provide_nylas)", "nylas.messages.list('g').data"),
], ids=["annotated", "unannotated"])
def test_a_provider_function_as_a_dependency_is_read_as_before(
        tmp_path: Path, parameter: str, read: str) -> None:
    assert _fastapi_codes(tmp_path, parameter, read) == [
        "NYS303 'https://www.googleapis.com/auth/calendar.events.readonly'"]


def test_a_dependency_calling_no_sdk_method_makes_no_use(tmp_path: Path) -> None:
    # Control: the framework's call of a function that reads no Nylas object needs
    # no scope; the calendar read elsewhere leaves only the mail scope unused.
    codes = _fastapi_codes(
        tmp_path, "messages=Depends(lambda: [])",
        "client.events.list('g', query_params={'calendar_id': 'work'}).data")
    assert codes == ["NYS303 'https://www.googleapis.com/auth/gmail.readonly'"]
