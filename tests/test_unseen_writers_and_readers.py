"""Readers and writers of Nylas values the analysis does not see where they are called.

- A method of an imported class replaced at run time (``logging.Logger.info = spy``):
  a call of that method on any receiver (``log.info(nylas)``) runs the project's code,
  so the value it is given counts as handed to unknown code (NYS304), and a scope list
  it is given may be changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_PYPROJECT = '[project]\nname = "app"\nversion = "0"\ndependencies = ["nylas"]\n'


def _findings(root: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    (root / "pyproject.toml").write_text(_PYPROJECT)
    (root / "app").mkdir()
    (root / "app" / "__init__.py").write_text("")
    for name, text in files.items():
        (root / "app" / name).write_text(text)
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


# --- A library method replaced at run time ---------------------------------------

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
_SPY = "def spy(self, msg, *args):\n    return None\n\n\n"
_LOGS_CLIENT = '''import logging
from app.clients import nylas

log = logging.getLogger(__name__)
log.{method}(nylas)
'''
_REPLACED = {
    "assigned on logging.Logger": ("import logging\n\n" + _SPY + "logging.Logger.info = spy\n",
                                   "info"),
    "set by setattr": ("import logging\n\n" + _SPY + 'setattr(logging.Logger, "info", spy)\n',
                       "info"),
    "assigned on an imported Logger": (
        "from logging import Logger\n\n" + _SPY + "Logger.debug = spy\n", "debug"),
    "a member every logging method goes through": (
        "import logging\n\n" + _SPY + "logging.Logger._log = spy\n", "warning"),
}


@pytest.mark.parametrize(("boot", "method"), _REPLACED.values(), ids=_REPLACED.keys())
def test_a_client_given_to_a_replaced_logger_method_is_unresolved(
        tmp_path: Path, boot: str, method: str) -> None:
    # The spy may list events with the client: calendar.readonly is not claimed
    # unused (before: NYS303 on it, ``log.info`` taken for a logger's read).
    found = _findings(tmp_path, {"clients.py": _CLIENTS, "boot.py": boot,
                                 "web.py": _LOGS_CLIENT.format(method=method)})
    assert found == [("web.py", 5, "NYS304")]


@pytest.mark.parametrize("boot", [
    "import logging\n\n" + _SPY.rstrip() + "\n",
    "import requests\n\n" + _SPY + "requests.Session.mount = spy\n",
], ids=["defined, never installed", "another library's untrusted method replaced"])
def test_a_logger_method_nothing_replaces_stays_a_read(tmp_path: Path, boot: str) -> None:
    # Control: the calendar scope no call needs stays unused (line 6 of AUTH's list).
    found = _findings(tmp_path, {"clients.py": _CLIENTS, "boot.py": boot,
                                 "web.py": _LOGS_CLIENT.format(method="info")})
    assert found == [("clients.py", 6, "NYS303")]


_SCOPES_CLIENTS = '''from nylas import Client

nylas = Client("key")
SCOPES = ["https://www.googleapis.com/auth/gmail.readonly"]


def login():
    return nylas.auth.url_for_oauth2({"provider": "google", "scope": SCOPES})


def agenda(grant):
    return nylas.events.list(grant)
'''
_GROWING_SPY = '''def spy(self, msg, *args):
    msg.append("https://www.googleapis.com/auth/calendar.readonly")


'''
_LOGS_SCOPES = '''import logging
from app.clients import SCOPES

log = logging.getLogger(__name__)
log.info(SCOPES)
'''


@pytest.mark.parametrize("install", [
    'setattr(logging.Logger, "info", spy)',
    "logging.Logger.info = spy",
])
def test_a_scope_list_given_to_a_replaced_logger_method_is_unresolved(
        tmp_path: Path, install: str) -> None:
    # The spy adds the calendar scope: before, the setattr was not seen, and the
    # list was reported missing it (NYS301 on the events call) with the Gmail scope
    # unused (NYS303).
    boot = "import logging\n\n" + _GROWING_SPY + install + "\n"
    found = _findings(tmp_path, {"clients.py": _SCOPES_CLIENTS, "boot.py": boot,
                                 "web.py": _LOGS_SCOPES})
    assert found == [("clients.py", 8, "NYS304")]


def test_a_scope_list_given_to_a_logger_stays_read(tmp_path: Path) -> None:
    # Control: no spy installed, the list is read as written.
    boot = "import logging\n\n" + _GROWING_SPY.rstrip() + "\n"
    found = _findings(tmp_path, {"clients.py": _SCOPES_CLIENTS, "boot.py": boot,
                                 "web.py": _LOGS_SCOPES})
    assert found == [("clients.py", 4, "NYS303"), ("clients.py", 12, "NYS301")]
