"""The ``nylas-scopes`` command: exit codes, output files, explain, rules, version."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tool_runs import ROOT, nylas_scopes

from flake8_nylas_scopes import __version__
from flake8_nylas_scopes.codes import CODES

AUTH = textwrap.dedent(
    """\
    from nylas import APIClient

    client = APIClient("id", "secret")
    client.authentication_url("https://a/cb", scopes=["email.modify", "email.read_only"])
    """
)
CLEAN = (
    "from nylas import APIClient\n"
    'APIClient().authentication_url("https://a/cb", scopes=["calendar"])\n'
)
FINDING = (
    "auth.py:4:67: NYS104 'email.read_only' is already granted by 'email.modify'; remove it\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "auth.py").write_text(AUTH)
    (tmp_path / "clean.py").write_text(CLEAN)
    return tmp_path


def check(cwd: Path, *args: str) -> tuple[int, str, str]:
    result = nylas_scopes(cwd, "check", "--isolated", *args)
    return result.returncode, result.stdout, result.stderr


def test_findings_exit_1_in_flake8_format(project: Path) -> None:
    assert check(project, ".") == (1, FINDING, "")


def test_clean_files_exit_0(project: Path) -> None:
    assert check(project, "clean.py") == (0, "", "")


def test_exit_zero_keeps_the_report(project: Path) -> None:
    assert check(project, "--exit-zero", ".") == (0, FINDING, "")


def test_a_missing_path_is_a_usage_error(project: Path) -> None:
    assert check(project, "nowhere.py") == (
        2, "", "nylas-scopes: error: nowhere.py: no such file or directory\n"
    )


def test_file_errors_exit_2_even_with_exit_zero(project: Path) -> None:
    (project / "broken.py").write_text("from nylas import APIClient\ndef f(:\n")
    code, out, err = check(project, "--exit-zero", ".")
    assert code == 2
    assert out == FINDING
    assert err == "nylas-scopes: error: broken.py:2: syntax error: invalid syntax\n"


def test_undecodable_file_is_a_file_error(project: Path) -> None:
    (project / "latin.py").write_bytes(b"# -*- coding: utf-8 -*-\nx = '\xff'\n")
    code, _, err = check(project, "latin.py")
    assert code == 2
    assert err.startswith("nylas-scopes: error: latin.py: cannot decode")


def test_bad_option_values_name_the_option(project: Path) -> None:
    code, _, err = check(project, "--providers", "gmial", ".")
    assert code == 2
    assert err.startswith("nylas-scopes: error: --providers: unknown provider 'gmial'")
    code, _, err = check(project, "--select", "E501", ".")
    assert code == 2
    assert "argument --select: 'E501' is not a rule code or a prefix of one" in err


@pytest.mark.parametrize("output_format", ["text", "json", "sarif"])
def test_output_file_gets_the_report(project: Path, output_format: str) -> None:
    expected = check(project, "--format", output_format, ".")[1]
    code, out, err = check(project, "--format", output_format, "--output", "report.out", ".")
    assert (code, out, err) == (1, "", "")
    assert (project / "report.out").read_text() == expected
    # Nothing but the report is left behind (the temporary file was renamed).
    assert sorted(os.listdir(project)) == ["auth.py", "clean.py", "report.out"]


def test_output_file_replaces_an_old_report(project: Path) -> None:
    (project / "report.txt").write_text("old\n")
    os.chmod(project / "report.txt", 0o640)
    check(project, "--output", "report.txt", ".")
    assert (project / "report.txt").read_text() == FINDING
    assert (project / "report.txt").stat().st_mode & 0o777 == 0o640


def test_unwritable_output_is_a_clear_error(project: Path) -> None:
    code, out, err = check(project, "--output", "missing-dir/report.txt", ".")
    assert (code, out) == (2, "")
    assert err.startswith("nylas-scopes: error: missing-dir/report.txt: cannot write")


@pytest.mark.parametrize("name", ["NYS104", "nys104", "redundant-scope"])
def test_explain_prints_the_rule_page(name: str, tmp_path: Path) -> None:
    result = nylas_scopes(tmp_path, "explain", name)
    assert result.returncode == 0
    assert result.stdout == (ROOT / "docs" / "rules" / "NYS104.md").read_text(encoding="utf-8")


def test_explain_unknown_code(tmp_path: Path) -> None:
    result = nylas_scopes(tmp_path, "explain", "NYS999")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "nylas-scopes: error: unknown rule code 'NYS999'; 'nylas-scopes rules' lists the codes\n"
    )


def test_rules_lists_every_code(tmp_path: Path) -> None:
    result = nylas_scopes(tmp_path, "rules")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "slug", "default", "fix"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert list(rows) == list(CODES)
    assert rows["NYS104"] == ["NYS104", "redundant-scope", "on", "safe"]
    assert rows["NYS203"] == ["NYS203", "microsoft-metadata-upgrade", "off", "none"]
    assert rows["NYS105"] == ["NYS105", "implicit-default-scopes", "on", "unsafe"]
    assert rows["NYS304"][:4] == ["NYS304", "unresolved-client", "off", "none"]


def test_version(tmp_path: Path) -> None:
    result = nylas_scopes(tmp_path, "--version")
    assert (result.returncode, result.stdout) == (0, f"nylas-scopes {__version__}\n")


def test_usage_error_exit_2(tmp_path: Path) -> None:
    # fix changes files, so it wants them named; check with no path checks ".".
    result = nylas_scopes(tmp_path, "fix")
    assert result.returncode == 2
    assert "error: the following arguments are required: PATH" in result.stderr


def test_infer_with_no_path_reads_the_current_directory(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # infer only reads, as check does: no path is the current directory.
    from flake8_nylas_scopes.cli import main

    monkeypatch.chdir(project)
    assert main(["infer", "--isolated", "."]) == 0
    named = capsys.readouterr()
    assert main(["infer", "--isolated"]) == 0
    assert capsys.readouterr() == named
    assert "Minimal scopes: " in named.out
    # Control: fix changes files, and still wants them named.
    with pytest.raises(SystemExit) as exit_:
        main(["fix", "--isolated"])
    assert exit_.value.code == 2
    assert "the following arguments are required: PATH" in capsys.readouterr().err


def test_real_process_exit_codes_and_no_traceback(project: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "flake8_nylas_scopes", *args],
            cwd=project, capture_output=True, text=True, timeout=60,
        )

    assert run("check", "--isolated", ".").returncode == 1
    assert run("check", "--isolated", "clean.py").returncode == 0
    missing = run("check", "--isolated", "nowhere")
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr


def test_an_internal_error_is_one_line_and_exit_2(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import flake8_nylas_scopes.cli as cli

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "run_check", broken)
    monkeypatch.chdir(project)
    monkeypatch.delenv("NYLAS_SCOPES_TRACEBACK", raising=False)
    assert cli.main(["check", "."]) == 2
    err = capsys.readouterr().err
    assert err.startswith("nylas-scopes: internal error: RuntimeError: boom (a bug in")
    assert "Traceback" not in err and len(err.splitlines()) == 1
    # Asked for, the traceback is shown.
    monkeypatch.setenv("NYLAS_SCOPES_TRACEBACK", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli.main(["check", "."])
