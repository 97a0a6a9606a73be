"""Ways of reaching a Nylas client that the analysis follows where every part is
known, and leaves unresolved (NYS304, the claims silent) where one part varies."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
JUDGED = frozenset({"NYS301", "NYS302", "NYS303", "NYS304", "NYS405"})
# What the login of every project below requests.
SCOPES = [f"{G}gmail.readonly", f"{G}calendar", f"{G}contacts.readonly"]


def _findings(tmp_path: Path, main: str, modules: dict[str, str] | None = None
              ) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "login.py").write_text(f'''import os
from nylas import Client


def login():
    nylas = Client(os.environ["NYLAS_API_KEY"])
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "provider": "google", "redirect_uri": "https://a.example/cb",
        "scope": {SCOPES!r},
    }})
''')
    (package / "main.py").write_text(main)
    for name, text in (modules or {}).items():
        (package / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.message.split("'")[1] if "'" in f.message else f.message)
                  for f in result.findings if f.code in JUDGED)


# What the usage rules say when the project lists events and nothing else: the
# calendar scope is broader than that, the others unused.
EVENTS_ONLY = [("NYS302", f"{G}calendar"), ("NYS303", f"{G}contacts.readonly"),
               ("NYS303", f"{G}gmail.readonly")]


def _unresolved(found: list[tuple[str, str]]) -> bool:
    """Only NYS304: no claim about the scopes is made."""
    return {code for code, _ in found} == {"NYS304"}


def test_the_plain_form_lists_events_only(tmp_path: Path) -> None:
    # The reference the forms below are read against.
    main = '''import os
from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])


def agenda(grant_id):
    return nylas.events.list(grant_id, query_params={"calendar_id": "work"})
'''
    assert _findings(tmp_path, main) == EVENTS_ONLY


# -- getattr with a constant name --------------------------------------------------------

GETATTR = '''import os
from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])


def agenda(grant_id, name="events"):
    return getattr(nylas, {name}).list(grant_id, query_params={{"calendar_id": "work"}})
'''


def test_getattr_with_a_constant_name_reads_that_attribute(tmp_path: Path) -> None:
    assert _findings(tmp_path, GETATTR.format(name='"events"')) == EVENTS_ONLY


def test_getattr_with_a_name_it_cannot_read_is_unresolved(tmp_path: Path) -> None:
    assert _unresolved(_findings(tmp_path, GETATTR.format(name="name")))


def test_getattr_on_a_v2_client_with_a_constant_name(tmp_path: Path) -> None:
    main = '''from nylas import APIClient

client = APIClient("id", "secret", "token")


def login():
    return client.authentication_url("https://a.example/cb",
                                     scopes=["email.read_only", "calendar"])


def inbox():
    return [thread.subject for thread in getattr(client, "threads").all()]
'''
    assert _findings(tmp_path, main) == [("NYS303", "calendar")]


# -- getattr with a name that runs over constants ----------------------------------------

LOOPED = '''import os
from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
{constants}


def agenda(grant_id{parameters}):
    found = {{}}
    for name in {names}:
        {body}
        found[name] = getattr(nylas, name).list(grant_id)
    return found
'''

# Listing calendars needs what listing events in another calendar than the primary
# does: the same verdicts.  (Arguments given to a call on a resource the analysis
# reads only through the flow are not read, so the list call needs no arguments.)
CALENDARS_ONLY = EVENTS_ONLY


def _looped(constants: str = "", names: str = '("calendars",)', body: str = "pass",
            parameters: str = "") -> str:
    return LOOPED.format(constants=constants, names=names, body=body, parameters=parameters)


def test_getattr_over_names_written_in_the_loop_reads_those(tmp_path: Path) -> None:
    assert _findings(tmp_path, _looped(names='("calendars", "calendars")')) == CALENDARS_ONLY


def test_getattr_over_a_tuple_constant_reads_its_names(tmp_path: Path) -> None:
    main = _looped(constants='RESOURCES = ("calendars", "contacts")', names="RESOURCES")
    # Listing contacts needs the contacts scope: only the others are judged.
    assert _findings(tmp_path, main) == [("NYS302", f"{G}calendar"),
                                         ("NYS303", f"{G}gmail.readonly")]


def test_getattr_in_a_comprehension_over_constants_reads_those(tmp_path: Path) -> None:
    main = '''import os
from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
RESOURCES = ("calendars",)


def agenda(grant_id):
    return {name: getattr(nylas, name).list(grant_id) for name in RESOURCES}
'''
    assert _findings(tmp_path, main) == CALENDARS_ONLY


@pytest.mark.parametrize("main", [
    # A list held by a name may be changed where the analysis does not look.
    _looped(constants='RESOURCES = ["calendars"]', names="RESOURCES"),
    # The loop's name is bound again inside it.
    _looped(body='name = name.rstrip("s") + "s"'),
    # The names come from the caller.
    _looped(names="names", parameters=", names"),
    # One of the names is not written as a constant.
    _looped(constants='MORE = "messages"', names='("calendars", MORE)'),
    # Another loop binds the name too.
    _looped(body='for name in ("messages",):\n            pass'),
])
def test_getattr_over_names_it_cannot_tell_stays_unresolved(tmp_path: Path, main: str) -> None:
    assert _unresolved(_findings(tmp_path, main))


# -- context managers that give back what they were given -------------------------------

CLOSING = '''import contextlib
import os
from contextlib import nullcontext

from nylas import Client
{imports}


def agenda(grant_id):
    with {manager} as nylas:
        return nylas.events.list(grant_id, query_params={{"calendar_id": "work"}})
'''


def test_closing_gives_the_client_it_was_given(tmp_path: Path) -> None:
    main = CLOSING.format(imports="", manager='contextlib.closing(Client(os.environ["KEY"]))')
    assert _findings(tmp_path, main) == EVENTS_ONLY


def test_nullcontext_gives_the_client_it_was_given(tmp_path: Path) -> None:
    main = CLOSING.format(imports='client = Client(os.environ["KEY"])',
                          manager="nullcontext(enter_result=client)")
    assert _findings(tmp_path, main) == EVENTS_ONLY


def test_closing_of_what_the_analysis_cannot_tell_stays_unresolved(tmp_path: Path) -> None:
    main = CLOSING.format(imports="from elsewhere import connect",
                          manager="contextlib.closing(connect())")
    assert _unresolved(_findings(tmp_path, main))


def test_a_context_manager_of_another_shape_loses_the_client(tmp_path: Path) -> None:
    # ``nullcontext`` takes one argument; given more, the client goes where the
    # analysis does not follow.
    main = CLOSING.format(imports='client = Client(os.environ["KEY"])',
                          manager="nullcontext(client, client)")
    assert _unresolved(_findings(tmp_path, main))


# -- context managers entered on an exit stack ----------------------------------------

STACKED = '''import os
from contextlib import AsyncExitStack, ExitStack, asynccontextmanager, contextmanager

from nylas import Client


@contextmanager
def nylas_client():
    yield Client(os.environ["NYLAS_API_KEY"])


@asynccontextmanager
async def async_nylas_client():
    yield Client(os.environ["NYLAS_API_KEY"])


{function}
'''
_AGENDA = "nylas.events.list(grant_id, query_params={'calendar_id': 'work'})"


@pytest.mark.parametrize("function", [
    ("def agenda(grant_id):\n"
     "    with ExitStack() as stack:\n"
     "        nylas = stack.enter_context(nylas_client())\n"
     f"        return {_AGENDA}"),
    ("def agenda(grant_id):\n"
     "    stack = ExitStack()\n"
     "    nylas = stack.enter_context(nylas_client())\n"
     f"    return {_AGENDA}"),
    ("async def agenda(grant_id):\n"
     "    async with AsyncExitStack() as stack:\n"
     "        nylas = await stack.enter_async_context(async_nylas_client())\n"
     f"        return {_AGENDA}"),
], ids=["with", "assigned", "async"])
def test_an_exit_stack_gives_what_its_context_manager_yields(
        tmp_path: Path, function: str) -> None:
    assert _findings(tmp_path, STACKED.format(function=function)) == EVENTS_ONLY


@pytest.mark.parametrize("function", [
    # A stack handed in may be any object with a method of that name.
    ("def agenda(grant_id, stack):\n"
     "    nylas = stack.enter_context(nylas_client())\n"
     f"    return {_AGENDA}"),
    # The name holds something else too.
    ("def agenda(grant_id, other):\n"
     "    with ExitStack() as stack:\n"
     "        if other:\n"
     "            stack = other\n"
     "        nylas = stack.enter_context(nylas_client())\n"
     f"        return {_AGENDA}"),
    # Rebound by a nested function.
    ("def agenda(grant_id, other):\n"
     "    stack = ExitStack()\n\n"
     "    def swap():\n"
     "        nonlocal stack\n"
     "        stack = other\n"
     "    swap()\n"
     "    nylas = stack.enter_context(nylas_client())\n"
     f"    return {_AGENDA}"),
], ids=["parameter", "rebound", "rebound-nonlocal"])
def test_an_enter_context_on_what_may_be_no_exit_stack_stays_unresolved(
        tmp_path: Path, function: str) -> None:
    assert _unresolved(_findings(tmp_path, STACKED.format(function=function)))


# -- a client and a grant returned together ----------------------------------------------

DEPS = '''import os

from nylas import Client


def clients():
    if os.environ.get("NYLAS_REGION") == "eu":
        return Client(os.environ["KEY"], "https://api.eu.nylas.com"), os.environ["GRANT"]
    return {returned}
'''
PAIR = '''import logging

from .deps import clients

cache = logging.getLogger("cache")


def agenda():
    nylas, grant_id = clients()
    cache.handle(grant_id)  # the grant's id goes to code the analysis does not see
    return nylas.events.list(grant_id, query_params={"calendar_id": "work"})
'''


def test_each_name_of_a_tuple_target_takes_its_own_element(tmp_path: Path) -> None:
    deps = DEPS.format(returned='Client(os.environ["KEY"]), os.environ["GRANT"]')
    assert _findings(tmp_path, PAIR, {"deps.py": deps}) == EVENTS_ONLY


def test_a_function_returning_tuples_of_another_length_stays_unresolved(
        tmp_path: Path) -> None:
    # A return of another length (or of something else than a tuple display) makes
    # any element possible in any name, the client in the grant's id too.
    deps = DEPS.format(returned='Client(os.environ["KEY"]), os.environ["GRANT"], None')
    assert _unresolved(_findings(tmp_path, PAIR, {"deps.py": deps}))


def test_a_tuple_target_of_what_a_generator_gives_stays_unresolved(tmp_path: Path) -> None:
    deps = '''import os

from nylas import Client


def clients():
    yield Client(os.environ["KEY"])
    return Client(os.environ["KEY"]), os.environ["GRANT"]
'''
    assert _unresolved(_findings(tmp_path, PAIR, {"deps.py": deps}))


# -- a client brought by a star import ---------------------------------------------------

CONNECTION = '''import os

from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
'''
STARRED = '''{imports}


def agenda(grant_id):
    return nylas.events.list(grant_id, query_params={{"calendar_id": "work"}})
'''


def test_a_name_a_star_import_brings_is_the_other_module_s(tmp_path: Path) -> None:
    main = STARRED.format(imports="from .deps import *")
    assert _findings(tmp_path, main, {"deps.py": CONNECTION}) == EVENTS_ONLY


def test_a_star_import_of_a_module_without_the_name_stays_unresolved(
        tmp_path: Path) -> None:
    main = STARRED.format(imports="from .deps import *")
    deps = CONNECTION.replace("nylas = ", "client = ")
    assert _unresolved(_findings(tmp_path, main, {"deps.py": deps}))


def test_a_name_two_star_imports_may_bring_stays_unresolved(tmp_path: Path) -> None:
    # Either module may bind it: the analysis does not pick one.
    main = STARRED.format(imports="from .deps import *\nfrom .other import *")
    found = _findings(tmp_path, main, {"deps.py": CONNECTION, "other.py": "TIMEOUT = 5\n"})
    assert _unresolved(found)


def test_a_name_a_chain_of_star_imports_brings_is_the_first_module_s(
        tmp_path: Path) -> None:
    # ``main`` star-imports ``deps``, which only star-imports ``connection``.
    main = STARRED.format(imports="from .deps import *")
    found = _findings(tmp_path, main, {"connection.py": CONNECTION,
                                       "deps.py": "from .connection import *\n"})
    assert found == EVENTS_ONLY


_CHAINS_THAT_STOP = {
    # (deps.py, what connection.py has beside the client)
    "bound again after the star import": (
        "from .connection import *\n\nnylas = make_client()\n", ""),
    "a star import that may not run": (
        "try:\n    from .connection import *\nexcept ImportError:\n    pass\n", ""),
    "left out of __all__": (
        "from .connection import *\n", '\n__all__ = ["TIMEOUT"]\nTIMEOUT = 5\n'),
}


@pytest.mark.parametrize(("deps", "more"), _CHAINS_THAT_STOP.values(),
                         ids=list(_CHAINS_THAT_STOP))
def test_a_chain_of_star_imports_that_may_not_bring_the_client_stays_unresolved(
        tmp_path: Path, deps: str, more: str) -> None:
    main = STARRED.format(imports="from .deps import *")
    found = _findings(tmp_path, main, {"connection.py": CONNECTION + more, "deps.py": deps})
    assert _unresolved(found)


# -- a dependency alias of another module -----------------------------------------------

ALIAS_DEPS = '''import os
from typing import Annotated{extra}

from fastapi import Depends
from nylas import Client


def get_nylas() -> Client:
    return Client(os.environ["NYLAS_API_KEY"])


{alias}
'''

ALIAS_USER = '''from .deps import NylasDep


def agenda(grant_id: str, nylas: NylasDep):
    return nylas.events.list(grant_id, query_params={"calendar_id": "work"})
'''


@pytest.mark.parametrize(("extra", "alias"), [
    ("", "NylasDep = Annotated[Client, Depends(get_nylas)]"),
    (", TypeAlias", "NylasDep: TypeAlias = Annotated[Client, Depends(get_nylas)]"),
    ("\nfrom typing_extensions import TypeAlias",
     'NylasDep: "TypeAlias" = Annotated[Client, Depends(get_nylas)]'),
], ids=["assigned", "annotated TypeAlias", "quoted annotation"])
def test_an_imported_dependency_alias_gives_what_the_dependency_returns(
        tmp_path: Path, extra: str, alias: str) -> None:
    deps = ALIAS_DEPS.format(extra=extra, alias=alias)
    found = _findings(tmp_path, ALIAS_USER, {"deps.py": deps})
    assert found == EVENTS_ONLY


def test_an_imported_alias_annotated_in_a_function_is_no_alias(tmp_path: Path) -> None:
    # Only a module's alias is the one another module imports; the parameter then
    # holds what the analysis cannot tell, and the call stays unresolved.
    alias = ("def aliases():\n"
             "    NylasDep: TypeAlias = Annotated[Client, Depends(get_nylas)]\n"
             "    return NylasDep\n\n\nNylasDep = aliases()")
    found = _findings(tmp_path, ALIAS_USER,
                      {"deps.py": ALIAS_DEPS.format(extra=", TypeAlias", alias=alias)})
    assert _unresolved(found)
