"""Files flake8 is given that the project's own walk skips.

flake8 may be given files in directories the walk leaves out (``build``, ``venv``);
each joins the project on its own, which costs a whole project build.  A file that
cannot hold a finding of its own skips that build; one that can gets it.  A file in
someone else's code (a virtual environment, a copy of the SDK) never joins: it gets no
findings, and its calls change none of the app's.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flake8_nylas_scopes.settings.config import Config, default_code_filter
from flake8_nylas_scopes.findings import Finding
from flake8_nylas_scopes.project.session import ProjectSession, analyse

CLIENT = "from nylas import APIClient\nclient = APIClient('id', 'secret', 'token')\n"
AUTH = (
    "from app.client import client\n\n\n"
    "def connect(scopes):\n"
    "    return client.authentication_url('https://app.example/cb', scopes=scopes)\n"
)
VIEWS = "from app.client import client\n\ndef inbox():\n    return client.messages.all()\n"
PLAIN = "def add(a, b):\n    return a + b\n"
WRAPPER_CALL = (
    "from app.auth import connect\n\nurl = connect(['email.read_only', 'email.read_only'])\n"
)
HANDS_OFF = "from app.client import client\nimport worker\n\nworker.run(client)\n"


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose findings needed a project build."""
    built: list[str] = []
    real = ProjectSession._build

    def counted(self: ProjectSession, root: str, overrides: object, current: str) -> object:
        built.append(os.path.basename(current))
        return real(self, root, overrides, current)  # type: ignore[arg-type]

    monkeypatch.setattr(ProjectSession, "_build", counted)
    return built


def _project(root: Path, files: dict[str, str]) -> Path:
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def _codes(session: ProjectSession, path: Path) -> list[str]:
    found: list[Finding] = session.findings_for(str(path), path.read_text())
    return [finding.code for finding in found]


def test_without_nylas_anywhere_an_outside_file_costs_no_build(
    tmp_path: Path, builds: list[str]
) -> None:
    root = _project(tmp_path, {"plain/__init__.py": "", "plain/calc.py": PLAIN,
                               "build/plain.py": PLAIN, "build/auth.py": CLIENT + AUTH})
    session = ProjectSession(Config(), default_code_filter, (), from_stdin=False)
    assert _codes(session, root / "plain" / "calc.py") == []
    assert _codes(session, root / "build" / "plain.py") == []
    assert builds == ["calc.py"]
    _codes(session, root / "build" / "auth.py")  # mentions Nylas: joins the project
    assert builds == ["calc.py", "auth.py"]


@pytest.fixture
def app(tmp_path: Path) -> Path:
    return _project(tmp_path, {
        "app/__init__.py": "", "app/client.py": CLIENT, "app/auth.py": AUTH,
        "app/views.py": VIEWS, "build/plain.py": PLAIN, "build/calls.py": WRAPPER_CALL,
        "build/hands_off.py": HANDS_OFF,
    })


def test_an_outside_file_that_cannot_hold_a_finding_costs_no_build(
    app: Path, builds: list[str]
) -> None:
    session = ProjectSession(Config(), default_code_filter, (), from_stdin=False)
    _codes(session, app / "app" / "views.py")
    assert _codes(session, app / "build" / "plain.py") == []
    # NYS304 is off by default: a client handed to unseen code reports nothing.
    assert _codes(session, app / "build" / "hands_off.py") == []
    assert builds == ["views.py"]


def test_scopes_passed_to_a_wrapper_from_an_outside_file_are_judged(
    app: Path, builds: list[str]
) -> None:
    session = ProjectSession(Config(), default_code_filter, (), from_stdin=False)
    _codes(session, app / "app" / "views.py")
    assert "NYS103" in _codes(session, app / "build" / "calls.py")
    assert builds == ["views.py", "calls.py"]


def test_unresolved_uses_in_an_outside_file_are_judged_when_enabled(
    app: Path, builds: list[str]
) -> None:
    session = ProjectSession(Config(), lambda code: True, (), from_stdin=False)
    _codes(session, app / "app" / "views.py")
    assert "NYS304" in _codes(session, app / "build" / "hands_off.py")
    assert builds == ["views.py", "hands_off.py"]


# A copy of the SDK in a virtual environment, and a library installed beside it that
# asks for scopes of its own: ``flake8 .`` goes into both.
VENV_SDK = (
    "import requests\n\n\nclass APIClient:\n    def send_raw(self, mime):\n"
    "        return requests.post('https://api.nylas.com/send', data=mime)\n"
)
VENV_LIBRARY = (
    "from nylas import APIClient\n\n\ndef login_url(uri):\n"
    "    return APIClient('id', 's').authentication_url(uri, scopes=['email', 'email.read_only'])\n"
)
VIEWS_WITH_SCOPES = (
    "from app.client import client\n\n"
    "def login():\n"
    "    return client.authentication_url('https://a.example/cb', scopes=['email.read_only'])\n\n"
    "def inbox():\n    return client.messages.all()\n"
)


@pytest.fixture
def app_with_venv(tmp_path: Path) -> Path:
    return _project(tmp_path, {
        "app/__init__.py": "", "app/client.py": CLIENT, "app/views.py": VIEWS_WITH_SCOPES,
        "env/pyvenv.cfg": "home = /usr/bin\n",
        "env/lib/python3.11/site-packages/nylas/client/client.py": VENV_SDK,
        "env/lib/python3.11/site-packages/flask_nylas/__init__.py": VENV_LIBRARY,
        ".venv/lib/python3.11/site-packages/nylas/client/client.py": VENV_SDK,
    })


def test_a_file_of_a_virtual_environment_gets_no_findings(app_with_venv: Path) -> None:
    session = ProjectSession(Config(), default_code_filter, (), from_stdin=False)
    packages = app_with_venv / "env" / "lib" / "python3.11" / "site-packages"
    # Asked first, it neither gets findings nor joins the project.
    assert _codes(session, packages / "flask_nylas" / "__init__.py") == []
    assert _codes(session, packages / "nylas" / "client" / "client.py") == []
    hidden = app_with_venv / ".venv" / "lib" / "python3.11" / "site-packages"
    assert _codes(session, hidden / "nylas" / "client" / "client.py") == []
    # The SDK's own ``POST /send`` is not a call of the app's that needs email.send.
    assert _codes(session, app_with_venv / "app" / "views.py") == []


def test_a_file_of_a_virtual_environment_named_to_check_gets_no_findings(
    app_with_venv: Path,
) -> None:
    packages = app_with_venv / "env" / "lib" / "python3.11" / "site-packages"
    named = [str(packages / "flask_nylas" / "__init__.py"),
             str(packages / "nylas" / "client" / "client.py")]
    result = analyse(named + [str(app_with_venv)], Config(), default_code_filter,
                     use_cache=False)
    assert result.findings == []


def test_a_misused_scope_list_of_the_app_is_still_reported_beside_a_virtual_environment(
    app_with_venv: Path,
) -> None:
    (app_with_venv / "app" / "views.py").write_text(
        VIEWS_WITH_SCOPES.replace("['email.read_only']", "['email', 'email.read_only']"))
    session = ProjectSession(Config(), default_code_filter, (), from_stdin=False)
    assert "NYS104" in _codes(session, app_with_venv / "app" / "views.py")
    result = analyse([str(app_with_venv)], Config(), default_code_filter, use_cache=False)
    assert "NYS104" in [finding.code for finding in result.findings]


def test_a_script_in_a_hidden_directory_the_walk_reads_keeps_its_findings(
    app_with_venv: Path,
) -> None:
    # ``.github/scripts/`` is walked as the project's code: not someone else's.
    script = app_with_venv / ".github" / "scripts" / "login.py"
    script.parent.mkdir(parents=True)
    script.write_text(CLIENT + "url = client.authentication_url('https://a/cb', "
                      "scopes=['email', 'email.read_only'])\n")
    session = ProjectSession(Config(), default_code_filter, (), from_stdin=False)
    assert "NYS104" in _codes(session, script)
