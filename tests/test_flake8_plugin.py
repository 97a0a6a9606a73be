"""The plugin through a real flake8 process: registration, options, noqa, output."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tool_runs import flake8

from flake8_nylas_scopes import __version__

AUTH = textwrap.dedent(
    """\
    from nylas import APIClient

    client = APIClient("id", "secret")
    client.authentication_url(
        "https://app.example.com/callback",
        scopes=[
            "email.modify",
            "email.read_only",
            "email.metadata",
            "room_resources.read_only",
        ],
    )
    """
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "setup.cfg").write_text("[flake8]\nselect = NYS\n")
    (tmp_path / "auth.py").write_text(AUTH)
    return tmp_path


def test_version_lists_the_plugin(tmp_path: Path) -> None:
    result = flake8(tmp_path, "--version")
    assert f"flake8-nylas-scopes: {__version__}" in result.stdout


def test_output_lines_are_exact(project: Path) -> None:
    result = flake8(project, "auth.py")
    assert result.stdout.splitlines() == [
        "auth.py:8:9: NYS104 'email.read_only' is already granted by 'email.modify'; remove it",
        "auth.py:9:9: NYS201 'email.metadata' with 'email.modify' makes Google accounts fail "
        "to sync; remove 'email.metadata'",
    ]
    assert result.returncode == 1


def test_noqa_silences_only_the_named_code(project: Path) -> None:
    source = AUTH.replace('"email.read_only",', '"email.read_only",  # noqa: NYS104')
    source = source.replace('"email.metadata",', '"email.metadata",  # noqa: NYS999')
    (project / "auth.py").write_text(source)
    result = flake8(project, "auth.py")
    assert [line.split(" ")[1] for line in result.stdout.splitlines()] == ["NYS201"]


def test_options_from_setup_cfg_take_effect(project: Path) -> None:
    # Microsoft-only accounts: no Google conflict, so metadata is plainly redundant,
    # and the opt-in admin-consent rule fires when selected.
    (project / "setup.cfg").write_text(
        "[flake8]\nselect = NYS\nextend-select = NYS206\nnylas-providers = office365\n"
    )
    result = flake8(project, "auth.py")
    assert [line.split(": ")[1].split(" ")[0] for line in result.stdout.splitlines()] == [
        "NYS104",
        "NYS104",
        "NYS206",
    ]


def test_default_off_codes_need_selecting(project: Path) -> None:
    (project / "setup.cfg").write_text("[flake8]\nnylas-providers = office365\n")
    assert "NYS206" not in flake8(project, "auth.py").stdout
    assert "NYS206" in flake8(project, "--extend-select", "NYS206", "auth.py").stdout
    # flake8 treats an explicit select of the prefix as selecting every code in it.
    assert "NYS206" in flake8(project, "--select", "NYS", "auth.py").stdout


def test_precedence_falls_back_to_the_next_enabled_code(project: Path) -> None:
    # With NYS201 ignored, the metadata item still gets its next finding (NYS104).
    result = flake8(project, "--extend-ignore", "NYS201", "auth.py")
    codes = [line.split(": ")[1].split(" ")[0] for line in result.stdout.splitlines()]
    assert codes == ["NYS104", "NYS104"]


@pytest.mark.parametrize("leave_out", [["--select", "E,F"], ["--extend-ignore", "NYS"]])
def test_no_analysis_when_every_code_is_left_out(project: Path, leave_out: list[str]) -> None:
    # flake8 runs every installed plugin whatever the selection says; the analysis
    # (which writes its cache at the project root) must not run for codes not shown.
    result = flake8(project, *leave_out, "auth.py")
    assert (result.returncode, result.stdout) == (0, "")
    assert not (project / ".nylas-scopes-cache").exists()
    # One NYS code left in is enough to analyse the project (the metadata item falls
    # back to NYS104 with NYS201 not shown).
    result = flake8(project, *leave_out, "--extend-select", "NYS104", "auth.py")
    assert [line.split(" ")[1] for line in result.stdout.splitlines()] == ["NYS104", "NYS104"]
    assert (project / ".nylas-scopes-cache").is_dir()


def test_bad_option_value_is_a_clear_error(project: Path) -> None:
    result = flake8(project, "--nylas-providers", "gmial", "auth.py")
    assert result.returncode == 1
    assert "flake8-nylas-scopes: --nylas-providers: unknown provider 'gmial'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_stdin_with_display_name(project: Path) -> None:
    result = flake8(project, "--stdin-display-name", "auth.py", "-", stdin=AUTH)
    assert result.stdout.splitlines()[0].startswith("auth.py:8:9: NYS104")


def test_syntax_error_is_reported_by_flake8_not_a_crash(project: Path) -> None:
    (project / "broken.py").write_text("from nylas import APIClient\ndef f(:\n")
    result = flake8(project, "--select", "NYS,E999", "broken.py")
    assert "E999" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_crash_names_the_plugin_and_the_file(project: Path, tmp_path: Path) -> None:
    # Make the analysis raise by shadowing a module the plugin imports lazily.
    boom = tmp_path / "boom"
    boom.mkdir()
    (boom / "sitecustomize.py").write_text(
        "import flake8_nylas_scopes.project.session as p\n"
        "def explode(*args, **kwargs):\n    raise RuntimeError('boom')\n"
        "p.analyse_project = explode\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "auth.py"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(boom), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        'auth.py: "flake8-nylas-scopes[NYS]" failed during execution due to '
        "RuntimeError('boom')"
    )
    assert "Traceback" not in result.stdout + result.stderr
