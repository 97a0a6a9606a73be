"""Other code of the same repository, which may use the grants a project requests.

A web service asks users for scopes and stores their tokens; a worker beside it, a
project of its own in the same repository, makes calls with them.  Judged alone, the
web service's scopes that only the worker uses must not be called unused.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tool_runs import check_json_findings, nylas_scopes

from flake8_nylas_scopes.project import reuse
from flake8_nylas_scopes.project.cache import CACHE_DIRECTORY
from flake8_nylas_scopes.project.import_reach import imported_modules
from flake8_nylas_scopes.project.roots import project_root
from flake8_nylas_scopes.project.session import ProjectSession
from flake8_nylas_scopes.settings.config import make_config

AUTH = (
    "from nylas import APIClient\n\n"
    "client = APIClient('id', 'secret')\n"
    "URL = client.authentication_url('https://a/cb', scopes=['email.read_only', 'email.send'])\n"
)
VIEWS = "from web.auth import client\n\n\ndef inbox():\n    return client.messages.all()\n"
# Uses the tokens the web service stored: no request of its own.
WORKER = (
    "from nylas import APIClient\n\n\n"
    "def send(token):\n"
    "    draft = APIClient('id', 'secret', token).drafts.create()\n"
    "    draft.send()\n"
)


@pytest.fixture(autouse=True)
def _reuse_fresh_files(monkeypatch: pytest.MonkeyPatch) -> None:
    # The files are written a moment ago; outside tests such files are never reused.
    monkeypatch.setattr(reuse, "_RACY_NS", 0)


def _repository(root: Path, worker: str | None = WORKER, git: bool = True) -> Path:
    if git:
        (root / ".git").mkdir(parents=True)
    web = root / "services" / "web"
    (web / "web").mkdir(parents=True)
    (web / "pyproject.toml").write_text("[project]\nname = 'web'\n")
    (web / "web" / "__init__.py").write_text("")
    (web / "web" / "auth.py").write_text(AUTH)
    (web / "web" / "views.py").write_text(VIEWS)
    if worker is not None:
        tasks = root / "services" / "worker" / "worker"
        tasks.mkdir(parents=True)
        (tasks.parent / "pyproject.toml").write_text("[project]\nname = 'worker'\n")
        (tasks / "tasks.py").write_text(worker)
    return web


def _codes(project: Path, *args: str) -> list[tuple[str, str]]:
    run = nylas_scopes(project, "check", "--format", "json", "--select", "NYS", *args, ".")
    assert "Traceback" not in run.stderr
    return [(f["code"], f["message"]) for f in json.loads(run.stdout)["findings"]]


def test_a_scope_another_project_of_the_repository_may_use_is_not_called_unused(
    tmp_path: Path,
) -> None:
    web = _repository(tmp_path)
    codes = _codes(web)
    assert not [code for code, _ in codes if code in ("NYS302", "NYS303")]
    (why,) = {message for code, message in codes if code == "NYS304"}
    assert "services/worker/worker/tasks.py outside the project" in why
    assert "set project-root to the repository" in why


def test_without_other_code_the_unused_scope_is_reported(tmp_path: Path) -> None:
    web = _repository(tmp_path, worker=None)
    assert [code for code, _ in _codes(web) if code == "NYS303"] == ["NYS303"]


def test_a_repository_of_apps_with_their_own_requests_judges_each_alone(
    tmp_path: Path,
) -> None:
    # Another app that asks for its own scopes (an example, a second service with its
    # own sign-in) says nothing about this one's grants.
    web = _repository(tmp_path, worker=WORKER + "SCOPES = ['email.send']\n")
    assert [code for code, _ in _codes(web) if code == "NYS303"] == ["NYS303"]


@pytest.mark.parametrize("words", [
    "from sqlalchemy.orm import scoped_session\n",
    "import pytest\n\n\n@pytest.fixture(scope='session')\ndef token():\n    return 't'\n",
])
def test_a_worker_that_only_says_the_word_scope_may_use_the_grants(
    tmp_path: Path, words: str
) -> None:
    # A database session or a test fixture named with the word is no request of the
    # worker's own: it still makes calls with the web service's grants.
    web = _repository(tmp_path, worker=words + WORKER)
    codes = _codes(web)
    assert not [code for code, _ in codes if code in ("NYS302", "NYS303")]
    assert any("services/worker/worker/tasks.py outside the project" in message
               for code, message in codes if code == "NYS304")


def test_a_worker_that_signs_users_in_itself_is_another_app(tmp_path: Path) -> None:
    own = WORKER + (
        "\n\ndef sign_in():\n"
        "    client = APIClient('id', 'secret')\n"
        "    return client.authentication_url('https://w/cb', scopes=['email.send'])\n"
    )
    web = _repository(tmp_path, worker=own)
    assert [code for code, _ in _codes(web) if code == "NYS303"] == ["NYS303"]


def test_without_a_repository_around_the_project_nothing_is_looked_at(tmp_path: Path) -> None:
    web = _repository(tmp_path, git=False)
    assert [code for code, _ in _codes(web) if code == "NYS303"] == ["NYS303"]


# Workers that never say Nylas: they call through the web service's client.
SILENT_WORKER = "from web.auth import client\n\n\ndef drafts():\n    return client.drafts.all()\n"
# A worker that imports only the web service's module that makes no call.
UNRELATED_WORKER = "from web.models import User\n\n\ndef names():\n    return [User()]\n"


@pytest.mark.parametrize("files", [
    {"tasks.py": SILENT_WORKER},
    # Two hops: the worker's own module brings the client.
    {"tasks.py": "from .shared import client\n\n\ndef drafts():\n"
                 "    return client.drafts.all()\n",
     "shared.py": "from web.auth import client  # noqa: F401\n"},
    # Two hops through a module of the web service that does not say Nylas either.
    {"tasks.py": "from web import jobs\n\n\ndef run():\n    return jobs.drafts()\n"},
])
def test_a_worker_that_reaches_the_client_through_imports_may_use_the_grants(
    tmp_path: Path, files: dict[str, str]
) -> None:
    web = _repository(tmp_path, worker=None)
    (web / "web" / "models.py").write_text("class User:\n    pass\n")
    (web / "web" / "jobs.py").write_text(SILENT_WORKER.replace("web.auth", ".auth"))
    tasks = tmp_path / "services" / "worker" / "worker"
    tasks.mkdir(parents=True)
    (tasks.parent / "pyproject.toml").write_text("[project]\nname = 'worker'\n")
    (tasks / "__init__.py").write_text("")
    for name, text in files.items():
        (tasks / name).write_text(text)
    codes = _codes(web)
    assert not [code for code, _ in codes if code in ("NYS302", "NYS303")]
    assert any("services/worker/worker/" in message
               for code, message in codes if code == "NYS304")


def test_a_worker_importing_only_modules_without_nylas_changes_nothing(tmp_path: Path) -> None:
    web = _repository(tmp_path, worker=None)
    (web / "web" / "models.py").write_text("class User:\n    pass\n")
    tasks = tmp_path / "services" / "worker" / "worker"
    tasks.mkdir(parents=True)
    (tasks.parent / "pyproject.toml").write_text("[project]\nname = 'worker'\n")
    (tasks / "tasks.py").write_text(UNRELATED_WORKER)
    assert [code for code, _ in _codes(web) if code == "NYS303"] == ["NYS303"]


def test_a_worker_s_own_module_of_the_same_name_is_the_one_it_imports(tmp_path: Path) -> None:
    # ``from web.auth import ...`` in a project with a ``web/auth.py`` of its own finds
    # that one first, not the web service's.
    web = _repository(tmp_path, worker=None)
    own = tmp_path / "services" / "worker" / "web"
    own.mkdir(parents=True)
    (own.parent / "pyproject.toml").write_text("[project]\nname = 'worker'\n")
    (own / "__init__.py").write_text("")
    (own / "auth.py").write_text("client = object()\n")
    (own.parent / "tasks.py").write_text(SILENT_WORKER.replace("drafts.all()", "pk"))
    assert [code for code, _ in _codes(web) if code == "NYS303"] == ["NYS303"]


def test_a_configured_project_root_is_the_whole_world(tmp_path: Path) -> None:
    web = _repository(tmp_path)
    codes = _codes(web, "--project-root", ".")
    assert [code for code, _ in codes if code == "NYS303"] == ["NYS303"]


@pytest.mark.parametrize("where", [
    "vendor/nylas/client.py",
    ".venv/lib/python3.11/site-packages/nylas_helpers/tasks.py",
    "env/lib/python3.12/site-packages/mailer/tasks.py",
])
def test_code_that_is_not_the_repository_s_own_is_left_out(tmp_path: Path, where: str) -> None:
    web = _repository(tmp_path, worker=None)
    (tmp_path / where).parent.mkdir(parents=True)
    (tmp_path / where).write_text(WORKER)
    assert [code for code, _ in _codes(web) if code == "NYS303"] == ["NYS303"]


def test_a_stored_result_is_not_reused_once_the_worker_appears(tmp_path: Path) -> None:
    web = _repository(tmp_path, worker=None)
    assert [code for code, _ in _codes(web) if code == "NYS303"] == ["NYS303"]
    assert [code for code, _ in _codes(web) if code == "NYS303"] == ["NYS303"]  # reused
    tasks = tmp_path / "services" / "worker" / "tasks.py"
    tasks.parent.mkdir(parents=True)
    tasks.write_text(WORKER)
    assert not [code for code, _ in _codes(web) if code == "NYS303"]
    # And back: the worker stops making calls (its text changes, not its name).
    time.sleep(0.01)
    tasks.write_text("def send(token):\n    return token\n")
    os.utime(tasks, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert [code for code, _ in _codes(web) if code == "NYS303"] == ["NYS303"]


def test_flake8_sees_the_same_repository(tmp_path: Path) -> None:
    web = _repository(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select", "NYS", "web/auth.py"],
        cwd=web, capture_output=True, text=True, timeout=120,
    )
    assert run.stderr == ""
    assert "NYS303" not in run.stdout and "services/worker/worker/tasks.py" in run.stdout


def test_a_home_directory_kept_in_git_is_not_walked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ``~/.git`` (dotfiles): the home directory holds tools and environments.
    web = _repository(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert [code for code, _ in _codes(web) if code == "NYS303"] == ["NYS303"]


def _loose_app(root: Path, beside: str | None) -> Path:
    """A small app kept with no project file or repository above it: the request in
    one module, other calls in the module ``beside`` it (none: the request alone)."""
    app = root / "app"
    app.mkdir()
    if project_root(str(app / "auth.py")) is not None:
        pytest.skip("a project marker above the temporary directory")
    (app / "auth.py").write_text(LOOSE_AUTH)
    if beside is not None:
        (app / "calendars.py").write_text(beside)
    return app


LOOSE_AUTH = (
    "from nylas import Client\n\n"
    "nylas = Client('key')\n\n\n"
    "def url():\n"
    "    return nylas.auth.url_for_oauth2({\n"
    "        'client_id': 'id', 'redirect_uri': 'https://a/cb', 'provider': 'google',\n"
    "        'scope': ['https://www.googleapis.com/auth/gmail.readonly',\n"
    "                  'https://www.googleapis.com/auth/calendar.readonly'],\n"
    "    })\n\n\n"
    "def inbox(grant_id):\n"
    "    return nylas.messages.list(grant_id)\n"
)
LOOSE_CALENDARS = (
    "from auth import nylas\n\n\n"
    "def calendars(grant_id):\n"
    "    return nylas.calendars.list(grant_id)\n"
)


@pytest.mark.parametrize("front_end", ["nylas-scopes", "flake8"])
def test_the_modules_beside_a_file_with_no_project_may_use_its_grants(
    tmp_path: Path, front_end: str
) -> None:
    # Each such file is judged alone: the calls beside the request are not its own,
    # but they may be what its scopes are for.
    app = _loose_app(tmp_path, LOOSE_CALENDARS)
    if front_end == "flake8":
        run = subprocess.run(
            [sys.executable, "-m", "flake8", "--isolated", "--select", "NYS", "auth.py"],
            cwd=app, capture_output=True, text=True, timeout=120,
        )
        assert run.stderr == ""
        lines = run.stdout.splitlines()
    else:
        lines = [f"{code} {message}" for code, message in _codes(app)]
    assert not [line for line in lines if "NYS303" in line or "NYS302" in line]
    assert any("NYS304" in line and "calendars.py beside this file" in line for line in lines)


def test_a_file_with_no_project_and_nothing_beside_it_is_judged_alone(tmp_path: Path) -> None:
    app = _loose_app(tmp_path, None)
    assert [code for code, _ in _codes(app) if code == "NYS303"] == ["NYS303"]


def test_a_script_beside_it_with_a_request_of_its_own_is_another_app(tmp_path: Path) -> None:
    # A folder of example scripts, each signing users in for itself.
    app = _loose_app(tmp_path, LOOSE_AUTH)
    codes = [code for code, _ in _codes(app)]
    assert codes.count("NYS303") == 2 and "NYS304" not in codes


@pytest.mark.parametrize("marker", ["requirements.txt", "Pipfile", "manage.py"])
def test_an_app_kept_with_its_requirements_is_one_project(tmp_path: Path, marker: str) -> None:
    # Copied without its ``.git`` (a container, a CI workspace), an app still has the
    # file that says where it starts: its modules are judged together, and the
    # calendar the module beside the request reads needs its scope.
    app = _loose_app(tmp_path, LOOSE_CALENDARS)
    (app / marker).write_text("")
    assert project_root(str(app / "auth.py")) == str(app)
    assert _codes(app) == []


def test_a_service_s_own_requirements_do_not_split_a_project(tmp_path: Path) -> None:
    # Under a project file, ``requirements.txt`` is a service's container's: the
    # worker's sending is still a use of the scopes the project asks for.
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'mail'\n")
    (tmp_path / "auth.py").write_text(AUTH.replace("'email.send'", "'email.send', 'contacts'"))
    (tmp_path / "worker").mkdir()
    (tmp_path / "worker" / "requirements.txt").write_text("nylas<6\n")
    (tmp_path / "worker" / "tasks.py").write_text(WORKER)
    assert project_root(str(tmp_path / "worker" / "tasks.py")) == str(tmp_path)
    # Judged as one project, the rules speak (a worker apart would silence them).
    codes = _codes(tmp_path)
    assert [(code, "'contacts'" in message) for code, message in codes] == [("NYS303", True)]


def test_requirements_in_a_home_directory_make_no_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Control: ``~/requirements.txt`` is a leftover of ``pip freeze``, not the top of
    # an app; the file is judged alone, its neighbours keeping the rules silent.
    app = _loose_app(tmp_path, LOOSE_CALENDARS)
    (app / "requirements.txt").write_text("nylas\n")
    monkeypatch.setenv("HOME", str(app))
    assert project_root(str(app / "auth.py")) is None
    codes = [code for code, _ in _codes(app)]
    assert "NYS303" not in codes and "NYS304" in codes


# --- layouts kept under fixtures/layouts, copied to a temporary directory -----------
# A repository or a loose app needs what the fixture harness cannot give in place: a
# ``.git`` of its own at the top, or nothing at all above it.

LAYOUTS = Path(__file__).resolve().parent.parent / "fixtures" / "layouts"
PORTAL_AUTH = "services/portal/portal/auth.py"
ROTA_AUTH = "services/calendar_sync/calendar_sync/auth.py"


def _layout(name: str, parent: Path) -> Path:
    root = parent / name
    shutil.copytree(LAYOUTS / name, root, ignore=shutil.ignore_patterns(CACHE_DIRECTORY))
    return root


def _found(cwd: Path, *paths: str) -> set[tuple[str, int, str, str]]:
    """(path, line, code, the scope or the files named) of each finding."""
    found, stderr = check_json_findings(cwd, *paths)
    assert stderr == "" or "note:" in stderr, stderr
    return found


def _monorepo(tmp_path: Path, worker: str) -> Path:
    """Two services with their own sign-in, and a worker that sends the replies the
    portal's customers schedule with the tokens the portal stored.  The worker is kept
    without a project file: in this repository it would otherwise be a neighbour of
    every fixture project."""
    root = _layout("monorepo", tmp_path)
    (root / ".git").mkdir()
    if worker == "none":
        shutil.rmtree(root / "services" / "worker")
    elif worker == "project":
        (root / "services" / "worker" / "pyproject.toml").write_text(
            '[project]\nname = "worker"\nversion = "0"\n')
    return root


@pytest.mark.parametrize("worker", ["project", "folder"])
def test_a_worker_of_the_repository_keeps_every_service_from_unused_claims(
    tmp_path: Path, worker: str
) -> None:
    root = _monorepo(tmp_path, worker)
    jobs = "services/worker/worker/jobs.py"
    assert _found(root, "services/portal", "services/calendar_sync") == {
        (PORTAL_AUTH, 14, "NYS304", jobs), (ROTA_AUTH, 12, "NYS304", jobs)}


def test_without_the_worker_each_service_is_judged_by_its_own_calls(tmp_path: Path) -> None:
    root = _monorepo(tmp_path, "none")
    # The portal reads the address book, but the rota's grants are the rota's own.
    assert _found(root, "services/portal", "services/calendar_sync") == {
        (PORTAL_AUTH, 8, "NYS303", "email.send"),
        (ROTA_AUTH, 6, "NYS303", "contacts.read_only")}


def _lone_app(tmp_path: Path, *left_out: str) -> Path:
    app = _layout("lone_app", tmp_path)
    if project_root(str(app / "inbox.py")) is not None:
        pytest.skip("a project marker above the temporary directory")
    for name in left_out:
        (app / name).unlink()
    return app


def test_a_module_that_imports_a_lone_file_may_use_its_grants(tmp_path: Path) -> None:
    # weekly_report.py sends mail through the client it imports from inbox.py, and
    # never names Nylas itself.
    app = _lone_app(tmp_path)
    assert _found(app, "inbox.py") == {("inbox.py", 12, "NYS304", "weekly_report.py")}
    session = ProjectSession(make_config(), lambda code: True, (), from_stdin=False)
    inbox = app / "inbox.py"
    assert [finding.code for finding in session.findings_for(
        str(inbox), inbox.read_text())] == ["NYS304"]


def test_a_module_beside_a_lone_file_that_does_not_import_it_changes_nothing(
    tmp_path: Path,
) -> None:
    app = _lone_app(tmp_path, "weekly_report.py")
    (app / "export.py").write_text(
        "import csv\n\n\ndef rows(path):\n    with open(path) as handle:\n"
        "        return list(csv.reader(handle))\n")
    assert _found(app, "inbox.py") == {("inbox.py", 8, "NYS303", "email.send")}


def test_a_module_beside_that_imports_the_client_may_use_its_grants(tmp_path: Path) -> None:
    app = _loose_app(tmp_path, "import auth\n\n\ndef first(grant_id):\n"
                               "    return auth.inbox(grant_id)\n")
    codes = _codes(app)
    assert not [code for code, _ in codes if code in ("NYS302", "NYS303")]
    assert any("calendars.py beside this file" in message
               for code, message in codes if code == "NYS304")


def test_a_module_beside_that_imports_nothing_of_the_app_changes_nothing(tmp_path: Path) -> None:
    app = _loose_app(tmp_path, "import helpers\n\n\ndef first(grant_id):\n"
                               "    return helpers.pick(grant_id)\n")
    (app / "helpers.py").write_text("def pick(value):\n    return value\n")
    assert [code for code, _ in _codes(app) if code == "NYS303"] == ["NYS303"]


@pytest.mark.parametrize(("text", "modules"), [
    ("from web.auth import client as api, get\n", ("web.auth", "web.auth.client", "web.auth.get")),
    ("from . import (\n    auth,\n    jobs as j,\n)\n", (".", ".auth", ".jobs")),
    ("from ..shared import x\nimport os, web.auth as a\n", ("..shared", "..shared.x", "web.auth")),
    ("if TYPE_CHECKING: from web import auth\n", ("web", "web.auth")),
    ("import json\nfrom typing import Any\n", ()),
])
def test_the_modules_a_file_imports_are_read_from_its_text(
    text: str, modules: tuple[str, ...]
) -> None:
    assert imported_modules(text) == modules


def _service(root: Path, name: str, modules: dict[str, str]) -> None:
    package = root / "services" / name
    (package / name).mkdir(parents=True)
    (package / "pyproject.toml").write_text(f"[project]\nname = '{name}'\n")
    for module, text in modules.items():
        (package / name / module).write_text(text)


# A module of a service that uses Nylas and says "scope" without asking for any.
_SAYS_SCOPE = (
    "from nylas import APIClient\n\n\n"
    "def send(token):\n"
    "    # The token's scope is the one the web service asked for.\n"
    "    APIClient('id', 'secret', token).drafts.create().send()\n"
)


@pytest.mark.parametrize("asking", [None, "auth.py", "zz_views.py"])
def test_a_project_asks_for_scopes_when_any_of_its_files_does(
        tmp_path: Path, asking: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    # Which file of a service asks for scopes, first read or last, does not change
    # whether the service is another app; a service whose sign-in module asks is
    # told from that module alone.
    from flake8_nylas_scopes.project import neighbours

    _repository(tmp_path, worker=None)
    modules = {"auth.py": _SAYS_SCOPE, "jobs.py": _SAYS_SCOPE, "zz_views.py": _SAYS_SCOPE}
    if asking is not None:
        modules[asking] = AUTH
    _service(tmp_path, "mailer", modules)
    read: list[str] = []
    asks = neighbours._asks_for_scopes
    monkeypatch.setattr(neighbours, "_asks_for_scopes",
                        lambda path, text: read.append(Path(path).name) or asks(path, text))
    monkeypatch.setattr(neighbours, "_KINDS_SEEN", {})
    web = tmp_path / "services" / "web"
    look = neighbours.look_around(str(web), None, [], True)
    mailer = sorted(f"services/mailer/mailer/{module}" for module in modules)
    assert look.outside == ([] if asking else mailer)
    assert read == {None: ["auth.py", "jobs.py", "zz_views.py"], "auth.py": ["auth.py"],
                    "zz_views.py": ["auth.py", "jobs.py", "zz_views.py"]}[asking]


def test_projects_checked_together_without_git_are_one_repository(tmp_path: Path) -> None:
    # ``check .`` at the top of a checkout without ``.git`` (a container's build
    # context, a downloaded archive): the worker beside the web service is seen.
    _repository(tmp_path, git=False)
    run = nylas_scopes(tmp_path, "check", "--format", "json", "--select", "NYS", ".")
    codes = [(f["code"], f["message"]) for f in json.loads(run.stdout)["findings"]]
    assert not [code for code, _ in codes if code in ("NYS302", "NYS303")]
    # (Named from the directory the two projects share.)
    assert any(message.startswith("worker/worker/tasks.py outside the project")
               for code, message in codes if code == "NYS304")


def test_a_workspace_file_above_the_project_marks_the_repository(tmp_path: Path) -> None:
    web = _repository(tmp_path, git=False)
    (tmp_path / "pyproject.toml").write_text(
        "[tool.uv.workspace]\nmembers = ['services/*']\n")
    assert [code for code, _ in _codes(web) if code in ("NYS302", "NYS303")] == []


def test_a_project_checked_alone_without_git_or_workspace_is_judged_alone(
        tmp_path: Path) -> None:
    # Nothing says the worker beside it is of the same repository.
    web = _repository(tmp_path, git=False)
    run = nylas_scopes(tmp_path, "check", "--format", "json", "--select", "NYS",
                       str(web))
    assert [f["code"] for f in json.loads(run.stdout)["findings"]
            if f["code"] == "NYS303"] == ["NYS303"]


def test_the_directory_projects_checked_together_share() -> None:
    from flake8_nylas_scopes.project.session import _shared_directory

    assert _shared_directory([os.path.join(os.sep, "a", "web"),
                              os.path.join(os.sep, "a", "worker")]) == os.path.join(os.sep, "a")
    assert _shared_directory([os.path.join(os.sep, "a", "web")]) is None
    # Roots that share no directory (two drives; here a relative one): none, no error.
    assert _shared_directory([os.path.join(os.sep, "a", "web"), "worker"]) is None
