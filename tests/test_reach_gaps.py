"""Code the analysis reads beyond the obvious: the modules a lone file imports, calls
through a wrapper from an installed package, and an auth dict kept in another module.

Each case has a control: the neighbouring sound case keeps its verdict.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tool_runs import check_json_findings, nylas_scopes

from flake8_nylas_scopes.project.roots import project_root
from flake8_nylas_scopes.project.session import ProjectSession
from flake8_nylas_scopes.settings.config import make_config


def _found(cwd: Path, *paths: str) -> set[tuple[str, int, str, str]]:
    """(path, line, code, the first quoted word of the message) of each finding."""
    found, stderr = check_json_findings(cwd, *paths)
    assert "Traceback" not in stderr, stderr
    return found


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


# --- a lone file and the modules it imports ------------------------------------------

def _lone(tmp_path: Path, files: dict[str, str]) -> Path:
    app = tmp_path / "app"
    app.mkdir()
    if project_root(str(app / "app.py")) is not None:
        pytest.skip("a project marker above the temporary directory")
    return _write(app, files)


LONE_REQUEST = (
    "from nylas import APIClient\n"
    "{import_line}\n"
    "SCOPES = ['email.read_only', 'calendar.read_only']\n"
    "\n"
    "\n"
    "class Sync({base}):\n"
    "    def __init__(self, token):\n"
    "        self.client = APIClient('id', 'secret', token)\n"
    "\n"
    "    def events(self):\n"
    "        return self.client.events.all()\n"
    "\n"
    "\n"
    "def login():\n"
    "    client = APIClient('id', 'secret')\n"
    "    return client.authentication_url('https://a/cb', scopes=SCOPES)\n"
    "\n"
    "\n"
    "def main():\n"
    "    Sync('token').run()\n"
)
# Names no Nylas: the mail it lists is read through the client its subclass sets.
HELPERS = "class Base:\n    def run(self):\n        return self.client.messages.all()\n"


@pytest.mark.parametrize(("import_line", "base"), [
    ("from helpers import Base", "Base"),
    ("from .helpers import Base", "Base"),
    ("import helpers", "helpers.Base"),
    ("from lib import helpers", "helpers.Base"),
])
def test_a_module_a_lone_file_imports_is_read_with_it(
    tmp_path: Path, import_line: str, base: str
) -> None:
    helpers = "lib/helpers.py" if import_line.startswith("from lib") else "helpers.py"
    app = _lone(tmp_path, {
        "app.py": LONE_REQUEST.format(import_line=import_line, base=base),
        helpers: HELPERS,
    })
    # The mail read in the base class needs email.read_only: nothing is unused.
    assert _found(app, "app.py") == set()
    # flake8 asks for the file alone, the same way.
    session = ProjectSession(make_config(), lambda code: True, (), from_stdin=False)
    text = (app / "app.py").read_text()
    assert session.findings_for(str(app / "app.py"), text) == []
    run = nylas_scopes(app, "infer", "app.py")
    assert "client.messages.all() -> GET /messages" in run.stdout


def test_a_module_a_lone_file_does_not_import_is_not_read(tmp_path: Path) -> None:
    # Control: the same base class in a module nothing imports runs for no one; the
    # class extends a base of its own, whose calls are all known.
    app = _lone(tmp_path, {
        "app.py": LONE_REQUEST.format(import_line="", base="object"),
        "helpers.py": HELPERS,
    })
    assert _found(app, "app.py") == {("app.py", 3, "NYS303", "email.read_only")}


def test_an_imported_module_without_nylas_calls_keeps_the_verdict(tmp_path: Path) -> None:
    # Control: reading the modules it imports silences nothing by itself.
    app = _lone(tmp_path, {
        "app.py": LONE_REQUEST.format(import_line="from helpers import Base", base="Base"),
        "helpers.py": "class Base:\n    def run(self):\n        return self.client_id\n",
    })
    assert _found(app, "app.py") == {("app.py", 3, "NYS303", "email.read_only")}


# --- a wrapper from a package the project does not hold ------------------------------

WRAPPED_AUTH = (
    "from nylas import APIClient\n\n"
    "SCOPES = ['email.read_only', 'calendar.read_only', 'contacts.read_only']\n\n\n"
    "def login():\n"
    "    return APIClient('id', 'secret').authentication_url('https://a/cb', scopes=SCOPES)\n\n\n"
    "def week(token):\n"
    "    return APIClient('id', 'secret', token).events.all()\n"
)


def _wrapped(tmp_path: Path, jobs: str) -> set[tuple[str, int, str, str]]:
    _write(tmp_path, {"pyproject.toml": "[project]\nname = 'mail'\n",
                      "auth.py": WRAPPED_AUTH, "jobs.py": jobs})
    return {found for found in _found(tmp_path, "--extend-select", "NYS304", ".")
            if found[2] != "NYS304" or found[0] == "jobs.py"}


@pytest.mark.parametrize("jobs", [
    "from acme_mail import make_client\n\n\ndef unread():\n"
    "    return make_client().messages.all()\n",
    "from acme_mail import make_client\n\n\ndef unread():\n"
    "    box = make_client()\n    return box.messages.all()\n",
    "import acme_mail\n\n\ndef unread():\n"
    "    return acme_mail.make_client().messages.all()\n",
    "from acme_mail.factory import Mailer\n\nMAILER = Mailer()\n\n\ndef unread():\n"
    "    return MAILER.api.messages.where(unread=True)\n",
])
def test_a_collection_read_through_an_unseen_package_s_wrapper_may_need_its_scope(
    tmp_path: Path, jobs: str
) -> None:
    found = _wrapped(tmp_path, jobs)
    # The mail may be read through Nylas: email.read_only is not called unused.
    assert {(path, code, about) for path, _, code, about in found} == {
        ("auth.py", "NYS303", "contacts.read_only"), ("jobs.py", "NYS304", "cannot")}


@pytest.mark.parametrize("jobs", [
    # Django's related managers and querysets, a project model, a framework's proxy.
    "from django.contrib.auth.models import User\n\n\ndef unread(pk):\n"
    "    return User.objects.get(pk=pk).messages.all()\n",
    "def unread(request):\n    return request.user.calendars.all()\n",
    "def unread(user):\n    return user.messages.all()\n",
    "from flask_login import current_user\n\n\ndef unread():\n"
    "    return current_user.messages.all()\n",
    "from models import Thread\n\n\ndef unread():\n"
    "    return Thread.objects.filter(unread=True).first().messages.all()\n",
    "from email import message_from_string\n\n\ndef unread(text):\n"
    "    return message_from_string(text).messages.all()\n",
])
def test_other_libraries_collections_keep_their_verdict(tmp_path: Path, jobs: str) -> None:
    (tmp_path / "models.py").write_text("class Thread:\n    objects = None\n")
    found = _wrapped(tmp_path, jobs)
    assert {(path, code, about) for path, _, code, about in found} == {
        ("auth.py", "NYS303", "email.read_only"), ("auth.py", "NYS303", "contacts.read_only")}


def test_an_unseen_package_s_collection_returned_uncalled_is_unresolved(
    tmp_path: Path,
) -> None:
    # Whoever gets the collection may call any of its methods unseen: it leaves as
    # ``return raw.messages`` of an untold parameter does, and as unresolved as
    # ``make_client().messages.all()`` in place (above).
    found = _wrapped(tmp_path, "from acme_mail import make_client\n\n\ndef unread():\n"
                               "    return make_client().messages\n")
    assert {(path, code, about) for path, _, code, about in found} == {
        ("auth.py", "NYS303", "contacts.read_only"), ("jobs.py", "NYS304", "cannot")}


# --- an auth dict kept in another module ---------------------------------------------

SETTINGS = (
    "AUTH = {\n"
    "    'redirect_uri': 'https://a/cb',\n"
    "    'scopes': ['email.read_only', 'email.read_only', 'calendar'],\n"
    "}\n"
)
SPREAD_VIEWS = (
    "from nylas import APIClient\n\n"
    "{import_line}\n\n\n"
    "def login():\n"
    "    return APIClient('id', 'secret').authentication_url(**{name})\n\n\n"
    "def week(token):\n"
    "    return APIClient('id', 'secret', token).events.all()\n"
)


def _spread(tmp_path: Path, settings: str, import_line: str, name: str,
            **more: str) -> set[tuple[str, int, str, str]]:
    _write(tmp_path, {"pyproject.toml": "[project]\nname = 'mail'\n", "settings.py": settings,
                      "views.py": SPREAD_VIEWS.format(import_line=import_line, name=name),
                      **more})
    return _found(tmp_path, "--extend-select", "NYS304", ".")


@pytest.mark.parametrize(("import_line", "name"), [
    ("import settings", "settings.AUTH"),
    ("from settings import AUTH", "AUTH"),
])
def test_a_dict_of_another_module_spread_into_the_request_is_read(
    tmp_path: Path, import_line: str, name: str
) -> None:
    # The list is judged where it is written: a duplicate, a scope nothing needs, and
    # one broader than the calendar reads need.
    assert _spread(tmp_path, SETTINGS, import_line, name) == {
        ("settings.py", 3, "NYS303", "email.read_only"),
        ("settings.py", 3, "NYS103", "email.read_only"),
        ("settings.py", 3, "NYS302", "calendar"),
    }
    run = nylas_scopes(tmp_path, "fix", "--unsafe-fixes", ".")
    assert "Traceback" not in run.stderr
    # ``fix`` rewrites the list where it is written.
    assert (tmp_path / "settings.py").read_text() == SETTINGS.replace(
        "['email.read_only', 'email.read_only', 'calendar']", "['calendar.read_only']")


def test_the_same_request_with_its_list_read_in_place_agrees(tmp_path: Path) -> None:
    # Control: the explicit reading of the key gives the same verdicts.
    views = SPREAD_VIEWS.format(import_line="import settings", name="settings.AUTH").replace(
        "(**settings.AUTH)", "(settings.AUTH['redirect_uri'], scopes=settings.AUTH['scopes'])")
    _write(tmp_path, {"pyproject.toml": "[project]\nname = 'mail'\n", "settings.py": SETTINGS,
                      "views.py": views})
    assert {(code, about) for _, _, code, about in _found(tmp_path)} == {
        ("NYS303", "email.read_only"), ("NYS103", "email.read_only"), ("NYS302", "calendar")}


@pytest.mark.parametrize(("settings", "more"), [
    # Changed in its own module, by another module, or holding no list at all.
    (SETTINGS + "AUTH['scopes'] = ['contacts']\n", {}),
    (SETTINGS, {"boot.py": "from settings import AUTH\n\nAUTH.update(scopes=['contacts'])\n"}),
    ("AUTH = {'redirect_uri': 'https://a/cb'}\n", {}),
])
def test_a_dict_changed_elsewhere_stays_unresolved(
    tmp_path: Path, settings: str, more: dict[str, str]
) -> None:
    found = _spread(tmp_path, settings, "import settings", "settings.AUTH", **more)
    assert {(path, code) for path, _, code, _ in found} == {("views.py", "NYS304")}


def test_a_parameter_spread_into_the_request_stays_unresolved(tmp_path: Path) -> None:
    views = SPREAD_VIEWS.format(import_line="", name="cfg").replace("def login()",
                                                                    "def login(cfg)")
    _write(tmp_path, {"pyproject.toml": "[project]\nname = 'mail'\n", "views.py": views})
    found = _found(tmp_path, "--extend-select", "NYS304", ".")
    assert {(code, about) for _, _, code, about in found} == {("NYS304", "cannot")}
