"""Files the project's exclusions leave out of linting (flake8's ``exclude``, the
tool's own) still run with the grants it asks for: their uses count, and nothing is
reported on them.  Code that is not the project's own stays out."""

from __future__ import annotations

import time
from pathlib import Path

from flake8_nylas_scopes.project.session import ProjectSession, analyse
from flake8_nylas_scopes.settings.config import make_config

AUTH = '''from nylas import APIClient

client = APIClient("id", "secret")


def login():
    return client.authentication_url(
        "https://a.example/cb", scopes=["email.read_only", "contacts.read_only"])
'''

INBOX = '''from nylas import APIClient


def inbox(token):
    api = APIClient("id", "secret", token)
    return [message.subject for message in api.messages.where(limit=5)]
'''

EXPORT = '''from nylas import APIClient


def export(token):
    api = APIClient("id", "secret", token)
    return [item.{field} for item in api.{collection}.all()]
'''

CONTACTS = EXPORT.format(field="email", collection="contacts")
MESSAGES = EXPORT.format(field="subject", collection="messages")

UNUSED_CONTACTS = [("app/auth.py", 8, "NYS303")]


def _project(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    for name, text in {"app/__init__.py": "", "app/auth.py": AUTH, "app/inbox.py": INBOX,
                       **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def _codes(root: Path, exclude: tuple[str, ...] = ("scripts",)) -> list[tuple[str, int, str]]:
    result = analyse([str(root)], make_config(), lambda code: True, exclude=exclude,
                     use_cache=False)
    return sorted((Path(f.span.path).relative_to(root).as_posix(), f.span.line, f.code)
                  for f in result.findings)


def test_uses_in_a_left_out_folder_count(tmp_path: Path) -> None:
    root = _project(tmp_path / "uses", {"scripts/export.py": CONTACTS})
    assert _codes(root) == []
    # Control: what the left-out folder calls is no use of contacts.
    control = _project(tmp_path / "control", {"scripts/export.py": MESSAGES})
    assert _codes(control) == UNUSED_CONTACTS


def test_the_flake8_plugin_counts_uses_in_a_left_out_folder(tmp_path: Path) -> None:
    for name, export, expected in (("uses", CONTACTS, []), ("control", MESSAGES, ["NYS303"])):
        root = _project(tmp_path / name, {"scripts/export.py": export})
        session = ProjectSession(make_config(), lambda code: True, ("scripts",),
                                 from_stdin=False)
        auth = root / "app" / "auth.py"
        found = session.findings_for(str(auth), auth.read_text())
        assert [finding.code for finding in found] == expected, name


def test_nothing_is_reported_on_a_left_out_file(tmp_path: Path) -> None:
    own_request = CONTACTS + '''

def login_again():
    return APIClient("id", "secret").authentication_url(
        "https://a.example/cb", scopes=["email.read_only", "email.read_only", "contacts"])
'''
    root = _project(tmp_path, {"scripts/export.py": own_request})
    assert _codes(root) == []
    # Control: linted, the same file has its findings.
    assert [path for path, _, _ in _codes(root, ())] != []


def test_code_that_is_not_the_projects_own_stays_out(tmp_path: Path) -> None:
    for folder in ("scripts/nylas", "scripts/env/lib", "scripts/.cache",
                   "scripts/lib/site-packages"):
        root = _project(tmp_path / folder.replace("/", "-"), {f"{folder}/export.py": CONTACTS})
        (root / "scripts" / "env" / "pyvenv.cfg").parent.mkdir(parents=True, exist_ok=True)
        (root / "scripts" / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n")
        assert _codes(root) == UNUSED_CONTACTS, folder


def test_a_large_left_out_folder_without_nylas_is_not_read_for_facts(tmp_path: Path) -> None:
    plain = "import json\n\n\ndef load(path):\n    return json.loads(open(path).read())\n" * 40
    root = _project(tmp_path, {f"migrations/m{index}.py": plain for index in range(300)})
    started = time.perf_counter()
    result = analyse([str(root)], make_config(), lambda code: True, exclude=("migrations",),
                     use_cache=False)
    left_out_cost = time.perf_counter() - started
    assert not any("migrations" in path for state in result.states for path in state.files)
    started = time.perf_counter()
    linted = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    linted_cost = time.perf_counter() - started
    assert any("migrations" in path for state in linted.states for path in state.files)
    # Only read for a mention of Nylas: far cheaper than reading them as the
    # project's modules.
    assert left_out_cost * 2 < linted_cost, (left_out_cost, linted_cost)


# A script that calls through the app's client never says Nylas.
SCRIPT = '''from app.{module} import client


def export():
    return [contact.email for contact in client.contacts.all()]
'''


def test_a_left_out_script_using_the_app_s_client_counts(tmp_path: Path) -> None:
    root = _project(tmp_path / "direct", {"scripts/export.py": SCRIPT.format(module="auth")})
    assert _codes(root) == []
    # Through a module of the app that does not say Nylas either.
    root = _project(tmp_path / "two-hops", {
        "scripts/export.py": SCRIPT.format(module="shortcuts"),
        "app/shortcuts.py": "from .auth import client  # noqa: F401\n"})
    assert _codes(root) == []


def test_a_left_out_script_importing_no_nylas_module_changes_nothing(tmp_path: Path) -> None:
    # Django's ``user.contacts.all()``: the script imports nothing that uses Nylas.
    root = _project(tmp_path, {
        "scripts/export.py": SCRIPT.format(module="models").replace("import client",
                                                                    "import User as client"),
        "app/models.py": "class User:\n    contacts = None\n"})
    assert _codes(root) == UNUSED_CONTACTS


def test_the_flake8_plugin_counts_a_left_out_script_using_the_app_s_client(
    tmp_path: Path
) -> None:
    root = _project(tmp_path, {"scripts/export.py": SCRIPT.format(module="auth")})
    session = ProjectSession(make_config(), lambda code: True, ("scripts",), from_stdin=False)
    auth = root / "app" / "auth.py"
    assert session.findings_for(str(auth), auth.read_text()) == []


# An installed command or a cron job kept without an extension (``bin/export``),
# run by its first line: flake8 lints ``.py`` files only, but it runs with the
# project's grants.
SHEBANG = "#!/usr/bin/env python3\n"


def test_uses_in_a_script_without_an_extension_count(tmp_path: Path) -> None:
    root = _project(tmp_path / "uses", {"bin/export": SHEBANG + CONTACTS})
    assert _codes(root, exclude=()) == []
    # Control: the same file with no Python first line is no script, and a script
    # that calls something else is no use of contacts.
    plain = _project(tmp_path / "plain", {"bin/export": CONTACTS})
    assert _codes(plain, exclude=()) == UNUSED_CONTACTS
    other = _project(tmp_path / "other", {"bin/export": SHEBANG + MESSAGES})
    assert _codes(other, exclude=()) == UNUSED_CONTACTS


def test_the_flake8_plugin_counts_uses_in_a_script_without_an_extension(
    tmp_path: Path
) -> None:
    root = _project(tmp_path, {"bin/export": "#!/opt/venv/bin/python\n" + CONTACTS})
    session = ProjectSession(make_config(), lambda code: True, (), from_stdin=False)
    auth = root / "app" / "auth.py"
    assert session.findings_for(str(auth), auth.read_text()) == []


def test_nothing_is_reported_on_a_script_without_an_extension(tmp_path: Path) -> None:
    script = SHEBANG + AUTH.replace('"contacts.read_only"', '"contacts.read_only", "email"')
    root = _project(tmp_path, {"bin/login": script})
    assert all(path != "bin/login" for path, _, _ in _codes(root, exclude=()))


def test_the_scripts_of_a_virtual_environment_stay_out(tmp_path: Path) -> None:
    root = _project(tmp_path, {"env/bin/export": SHEBANG + CONTACTS, "env/pyvenv.cfg": ""})
    assert _codes(root, exclude=()) == UNUSED_CONTACTS
