"""A Nylas value handed to a call taken to only read its arguments (``print``,
``len``, ``str``, ``logging.info``) that another module binds again
(``builtins.print = spy``): the call runs code the analysis does not tie to it, so
the value counts as handed to unknown code (NYS304), with the scopes it could touch
silent; where nothing binds the reader again, the call stays a read."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_CLIENTS = '''from nylas import Client

nylas = Client("key")
AUTH = {"provider": "google", "scope": [
    "https://www.googleapis.com/auth/gmail.readonly",
    "https://www.googleapis.com/auth/calendar.readonly",
]}


def login():
    return nylas.auth.url_for_oauth2(AUTH)


def inbox(grant):
    return nylas.messages.list(grant)
'''
_SPY = "def spy(*args, **kwargs):\n    return None\n\n\n"


def _findings(root: Path, boot: str, web: str) -> list[tuple[str, int, str]]:
    (root / "pyproject.toml").write_text(
        '[project]\nname = "app"\nversion = "0"\ndependencies = ["nylas"]\n')
    (root / "app").mkdir()
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "clients.py").write_text(_CLIENTS)
    (root / "app" / "boot.py").write_text(boot)
    (root / "app" / "web.py").write_text(web)
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


_READS = [
    ("import builtins\n\n" + _SPY + "builtins.print = spy\n", "print(nylas)\n"),
    ("import builtins\n\n" + _SPY + 'setattr(builtins, "len", spy)\n', "len(nylas)\n"),
    ("import builtins\n\n" + _SPY + "builtins.str = spy\n", "str(nylas)\n"),
    ("import logging\n\n" + _SPY + "logging.info = spy\n",
     "import logging\n\nlogging.info(nylas)\n"),
]


@pytest.mark.parametrize(("boot", "call"), _READS, ids=["print", "len", "str", "logging"])
def test_a_nylas_value_given_to_a_redefined_reader_is_unresolved(
        tmp_path: Path, boot: str, call: str) -> None:
    # The spy may list events with the client: calendar.readonly is not claimed
    # unused (before: NYS303 on it, the call taken for a read).
    web = "from app.clients import nylas\n" + call
    found = _findings(tmp_path, boot, web)
    assert found == [("web.py", web.count("\n"), "NYS304")]


@pytest.mark.parametrize(("boot", "call"), _READS, ids=["print", "len", "str", "logging"])
def test_a_reader_no_module_binds_again_stays_a_read(
        tmp_path: Path, boot: str, call: str) -> None:
    # Control: the same call with the spy defined but never installed.
    web = "from app.clients import nylas\n" + call
    found = _findings(tmp_path, boot.rsplit("\n\n\n", 1)[0] + "\n", web)
    # The calendar scope no call needs: unused (line 6 of AUTH's list).
    assert found == [("clients.py", 6, "NYS303")]
