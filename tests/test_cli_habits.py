"""What ruff and flake8 users expect of a command line: ``check`` with no path, a
buffer on stdin, the same settings options on every command, the registry as JSON,
help without markup."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tool_runs import SMALL_APP_AUTH, finding_lines, flake8, nylas_scopes, write_small_app

from flake8_nylas_scopes.codes import CODES, IMPLEMENTED

AUTH = SMALL_APP_AUTH


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_small_app(tmp_path)


def codes(output: str) -> list[str]:
    return [line.split(": ")[1].split(" ")[0] for line in output.splitlines()]


def test_check_without_a_path_checks_the_current_directory(project: Path) -> None:
    named = nylas_scopes(project, "check", "--isolated", ".")
    bare = nylas_scopes(project, "check", "--isolated")
    assert bare == named
    assert named.returncode == 1 and named.stdout


def command(cwd: Path, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flake8_nylas_scopes", *args],
        cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120,
    )


def test_stdin_is_checked_under_its_filename_in_its_project(project: Path) -> None:
    # The buffer narrows the request to what views.py needs: the usage findings
    # (judged with views.py on disk) go away, as they do for flake8's buffer.
    buffer = AUTH.replace('"email.modify", "email.read_only", "contacts"', '"email.read_only"')
    result = command(project, "check", "--isolated", "--stdin-filename", "app/auth.py", "-",
                     stdin=buffer)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")

    on_disk = nylas_scopes(project, "check", "--isolated", "app/auth.py")
    assert sorted(codes(on_disk.stdout)) == ["NYS104", "NYS302", "NYS303"]
    unsaved = AUTH.replace('"contacts"', '"contacts", "contacts"')
    result = command(project, "check", "--isolated", "--stdin-filename", "app/auth.py", "-",
                     stdin=unsaved)
    assert result.returncode == 1
    assert all(line.startswith("app/auth.py:") for line in result.stdout.splitlines())
    assert "NYS103" in codes(result.stdout)
    editor = flake8(project, "--isolated", "--select", "NYS", "--stdin-display-name",
                    "app/auth.py", "-", stdin=unsaved)
    assert finding_lines(result.stdout) == finding_lines(editor.stdout)


def test_stdin_without_a_filename_is_called_stdin(project: Path) -> None:
    result = command(project, "check", "--isolated", "-", stdin=AUTH)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("stdin:5:")


def test_stdin_noqa_comes_from_the_buffer(project: Path) -> None:
    buffer = AUTH.replace(
        '"https://a/cb", scopes=["email.modify", "email.read_only", "contacts"]',
        '"https://a/cb", scopes=["email.modify", "email.read_only", "contacts"]  # noqa',
    )
    result = command(project, "check", "--isolated", "--stdin-filename", "app/auth.py", "-",
                     stdin=buffer)
    assert (result.returncode, result.stdout) == (0, "")


def test_stdin_filename_without_a_path_reads_stdin(project: Path) -> None:
    # As ruff takes it: an editor sends the buffer and names it, and nothing else.
    unsaved = AUTH.replace('"contacts"', '"contacts", "contacts"')
    result = command(project, "check", "--isolated", "--stdin-filename", "app/auth.py",
                     stdin=unsaved)
    piped = command(project, "check", "--isolated", "--stdin-filename", "app/auth.py", "-",
                    stdin=unsaved)
    assert (result.returncode, result.stdout) == (piped.returncode, piped.stdout)
    assert "NYS103" in codes(result.stdout)


def test_stdin_filename_with_paths_but_no_dash_is_a_usage_error(project: Path) -> None:
    # Checking the paths and ignoring the buffer would report on the saved file.
    result = command(project, "check", "--isolated", "--stdin-filename", "app/auth.py",
                     "app/auth.py", stdin=AUTH)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "nylas-scopes: error: --stdin-filename names the file read from stdin, "
        "but no path is '-'\n"
    )


@pytest.mark.parametrize("name", ["fix", "infer"])
def test_fix_and_infer_say_they_do_not_read_stdin(project: Path, name: str) -> None:
    result = command(project, name, "--isolated", "-", stdin=AUTH)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"nylas-scopes: error: -: {name} reads files, not stdin (only check reads stdin)\n"
    )


def test_stdin_named_after_a_directory_outside_any_project(tmp_path: Path) -> None:
    # A file with no project above it is a project of its own.  A buffer named after
    # a directory is such a file: the directory is not walked as its project (named
    # /tmp, it was walked for minutes).
    from flake8_nylas_scopes.project.roots import project_root

    folder = tmp_path / "folder"
    (folder / "deep").mkdir(parents=True)
    (folder / "deep" / "other.py").write_text(AUTH)
    if project_root(str(folder)) is not None:
        pytest.skip("a project marker above the temporary directory")
    result = command(tmp_path, "check", "--isolated", "--stdin-filename", str(folder), "-",
                     stdin=AUTH)
    assert result.returncode == 1, result.stderr
    assert all(line.startswith(f"{folder}:") for line in result.stdout.splitlines())
    assert not (folder / ".nylas-scopes-cache").exists()


def test_rules_as_json(tmp_path: Path) -> None:
    result = nylas_scopes(tmp_path, "rules", "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["version"] == 1
    rows = {row["code"]: row for row in data["rules"]}
    assert list(rows) == list(CODES)
    assert rows["NYS104"] == {
        "code": "NYS104",
        "slug": "redundant-scope",
        "summary": CODES["NYS104"].summary,
        "default": "on",
        "fix": "safe",
        "implemented": True,
        "doc": "docs/rules/NYS104.md",
        "url": "https://github.com/flake8-nylas-scopes/flake8-nylas-scopes/blob/main/"
        "docs/rules/NYS104.md",
    }
    assert rows["NYS203"]["default"] == "off"
    assert rows["NYS202"]["fix"] == "none"
    assert {code for code, row in rows.items() if row["implemented"]} == IMPLEMENTED
    for row in rows.values():
        assert (Path(__file__).parent.parent / row["doc"]).is_file()


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["fix", "--help"],
                                  ["infer", "--help"], ["rules", "--help"]])
def test_help_has_no_markup(tmp_path: Path, args: list[str]) -> None:
    result = nylas_scopes(tmp_path, *args)
    assert result.returncode == 0
    assert "usage: nylas-scopes" in result.stdout
    for markup in ("``", ":data:", ":class:", ":func:", "\\\\"):
        assert markup not in result.stdout, markup


def test_the_documented_rules_example_is_real_output(tmp_path: Path) -> None:
    page = (Path(__file__).parent.parent / "docs" / "json-output.md").read_text("utf-8")
    section = page.split("## `nylas-scopes rules`")[1]
    example = json.loads(section.split("```json\n")[1].split("```")[0])
    actual = json.loads(nylas_scopes(tmp_path, "rules", "--format", "json").stdout)
    rows = {row["code"]: row for row in actual["rules"]}
    assert example["version"] == actual["version"]
    for row in example["rules"]:
        assert row == rows[row["code"]]


def test_files_with_no_project_root_get_a_note(tmp_path: Path) -> None:
    # Without a marker file, each module is judged alone: the tool says why it has
    # little to say, and how to fix that.
    app = tmp_path / "loose"
    app.mkdir()
    (app / "auth.py").write_text(AUTH)
    (app / "views.py").write_text(
        "from auth import client\n\n\ndef send():\n    client.drafts.create().send()\n")
    (app / "helpers.py").write_text("import auth\n\n\ndef double(n):\n    return 2 * n\n")
    for command in ("check", "infer"):
        run = nylas_scopes(app, command, ".")
        assert "views.py: no project root above" in run.stderr, (command, run.stderr)
        assert "--project-root DIR" in run.stderr
        # What it imports from beside it is read with it; the other modules are not.
        assert "judged with the modules it imports only, without the Nylas calls of " \
            "the other modules beside it" in " ".join(run.stderr.split())
        # Files that import modules beside them are named; one that imports nothing
        # from beside it misses nothing when judged alone.
        assert "helpers.py" in run.stderr
        assert "auth.py," not in run.stderr and "auth.py:" not in run.stderr


def test_a_package_with_no_project_root_gets_a_note(tmp_path: Path) -> None:
    # ``from app.scopes import ...`` in ``app/views.py`` names a module of the same
    # package from the directory above it; judged alone, the scopes it returns are
    # unread, and the note says why.
    package = tmp_path / "loose" / "app"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "scopes.py").write_text(
        "def get_scopes():\n    return ['email.read_only']\n")
    (package / "views.py").write_text(
        "from nylas import APIClient\n\nfrom app.scopes import get_scopes\n\n"
        "client = APIClient('id', 'secret')\n\n\ndef login():\n"
        "    return client.authentication_url('https://x/cb', scopes=get_scopes())\n")
    # A module of the package importing only the standard library misses nothing.
    (package / "clock.py").write_text("import json\n\n\ndef now():\n    return json\n")
    run = nylas_scopes(package.parent, "check", ".")
    assert "views.py: no project root above" in run.stderr, run.stderr
    assert "clock.py" not in run.stderr and "scopes.py" not in run.stderr


def test_loose_files_without_nylas_get_no_note(tmp_path: Path) -> None:
    (tmp_path / "maths.py").write_text("def double(n):\n    return 2 * n\n")
    (tmp_path / "main.py").write_text("from maths import double\n\nprint(double(2))\n")
    assert nylas_scopes(tmp_path, "check", ".").stderr == ""


def test_files_in_a_project_get_no_note(project: Path) -> None:
    for command in ("check", "infer"):
        assert "no project root" not in nylas_scopes(project, command, ".").stderr
    assert "no project root" not in nylas_scopes(
        project, "check", "--project-root", str(project), ".").stderr
