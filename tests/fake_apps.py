"""Small apps for tests of a project object (a test's fake) or an object the analysis
cannot tell, beside the Nylas client: the login module asking for Gmail's read scope,
the fakes, and the analysis of the app with NYS304 on."""

from __future__ import annotations

import textwrap
from pathlib import Path

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.findings import Finding
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

GMAIL_READ = "https://www.googleapis.com/auth/gmail.readonly"

# ``app/auth.py``: the login asks for Gmail's read scope (line 9), which only the
# calls a test writes may need, and for the calendar, which its own call needs.
AUTH = f"""\
from nylas import Client

nylas = Client("key")


def login_url():
    return nylas.auth.url_for_oauth2({{
        "client_id": "x", "redirect_uri": "https://example.com/cb", "provider": "google",
        "scope": ["{GMAIL_READ}", "https://www.googleapis.com/auth/calendar"]}})


def events(grant):
    return nylas.events.list(grant, query_params={{"calendar_id": "primary"}})
"""

# The same login, written as the apps of the held-method tests write it (the lines of
# its findings are the same: the scope stands on line 9).
AUTH_V3 = """\
from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({
        "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/calendar"]})


def events(grant):
    return nylas.events.list(grant, query_params={"calendar_id": "primary"})
"""

# ``app/fakes.py``: a fake with the client's ``messages.list``.
FAKE = """\
class FakeMessages:
    def list(self, grant):
        return []


class Fake:
    messages = FakeMessages()
"""

# A second fake class, for apps where every part is a (different) project object.
OTHER_FAKE = """

class OtherFake:
    messages = FakeMessages()
"""

# A client picked from a registry the analysis cannot read (it resolves to nothing).
REGISTRY_CLIENTS = """\
import os


def make_client():
    from app import registry
    return registry.CLIENTS[os.environ["KIND"]]
"""

PYPROJECT = "[project]\nname = 'app'\ndependencies = ['nylas>=6']\n"

# (file name, line, code and message)
Found = tuple[str, int, str]


def write_app(root: Path, files: dict[str, str], pyproject: str = PYPROJECT) -> None:
    """``files`` (relative path to text, dedented) and ``pyproject.toml`` under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(pyproject)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))


def analysed(root: Path) -> list[Finding]:
    """The findings of the app at ``root``, NYS304 on; the analysis must fail nowhere."""
    result = analyse([str(root)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return result.findings


def app_findings(root: Path, files: dict[str, str], pyproject: str = PYPROJECT) -> list[Found]:
    """The sorted findings of an app of ``files`` beside ``app/__init__.py`` (empty) and
    ``app/auth.py`` (``AUTH``), unless ``files`` gives them."""
    write_app(root, {"app/__init__.py": "", "app/auth.py": AUTH, **files}, pyproject)
    return sorted((Path(f.span.path).name, f.span.line, f.code + " " + f.message)
                  for f in analysed(root))


def held_findings(root: Path, modules: dict[str, str]) -> list[Finding]:
    """The findings of an app of ``app/<name>.py`` for each of ``modules`` beside
    ``app/auth.py`` (``AUTH_V3``), whose ``pyproject.toml`` names no dependency."""
    files = {f"app/{name}.py": text for name, text in modules.items()}
    write_app(root, {"app/__init__.py": "", "app/auth.py": AUTH_V3, **files},
              "[project]\nname = 'app'\n")
    return analysed(root)


def unused_gmail(found: list[Found]) -> bool:
    """Whether Gmail's read scope is reported unused (NYS303)."""
    return any(code.startswith("NYS303") and GMAIL_READ in code for _, _, code in found)


def unresolved_in(found: list[Found], name: str) -> set[int]:
    """The lines of file ``name`` with an NYS304 finding."""
    return {line for file, line, code in found if file == name and code.startswith("NYS304")}


def unresolved_lines(found: list[Found]) -> set[tuple[str, int]]:
    """(file name, line) of every NYS304 finding."""
    return {(file, line) for file, line, code in found if code.startswith("NYS304")}


# An API v2 app's ``pyproject.toml``: the SDK's 5.x line.
V2_PYPROJECT = "[project]\nname = 'app'\ndependencies = ['nylas<6']\n"

# ``app/auth.py`` of an API v2 app asking for the mail and the calendar: ``calendar``
# (line 3) is needed only if an events call is made.
V2_CALENDAR_AUTH = """\
from nylas import APIClient

SCOPES = ["email.read_only", "calendar"]
client = APIClient("id", "secret", "token")


def login():
    return client.authentication_url("https://x/cb", scopes=SCOPES)


def inbox():
    return client.messages.all()
"""
