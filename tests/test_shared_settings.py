"""check, fix and infer read one configuration and take the same settings options,
defined once: what check reports is what fix changes and what infer counts."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from tool_runs import SMALL_APP_AUTH, nylas_scopes, write_small_app

from flake8_nylas_scopes import cli

AUTH = SMALL_APP_AUTH
FIXED_AUTH = AUTH.replace('"email.modify", "email.read_only", ', '"email.modify", ')


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_small_app(tmp_path)


def test_fix_reads_the_configuration_as_check_does(project: Path) -> None:
    (project / "legacy").mkdir()
    (project / "legacy" / "auth.py").write_text(AUTH)
    (project / "pyproject.toml").write_text('[tool.nylas-scopes]\nexclude = ["legacy"]\n')
    result = nylas_scopes(project, "fix", ".")
    assert result.returncode == 1, result.stderr
    assert (project / "app" / "auth.py").read_text() == FIXED_AUTH
    assert (project / "legacy" / "auth.py").read_text() == AUTH
    # --isolated leaves the file's exclude out; --exclude replaces it.
    assert nylas_scopes(project, "fix", "--exclude", "legacy,app", ".").returncode == 0
    assert nylas_scopes(project, "fix", "--isolated", ".").returncode == 1
    assert (project / "legacy" / "auth.py").read_text() == FIXED_AUTH


def test_fix_leaves_findings_per_file_ignores_hide(project: Path) -> None:
    (project / "setup.cfg").write_text("[flake8]\nper-file-ignores = app/auth.py: NYS104\n")
    assert "NYS104" not in nylas_scopes(project, "check", "app").stdout
    assert nylas_scopes(project, "fix", "app").returncode == 0
    assert (project / "app" / "auth.py").read_text() == AUTH
    (project / "alt.cfg").write_text("[flake8]\n")
    assert nylas_scopes(project, "fix", "--config", "alt.cfg", "app").returncode == 1


def test_infer_takes_the_settings_options(project: Path) -> None:
    # Left out, a module that uses Nylas still counts for its uses; one that only
    # gets the client from the app's code is not read, and the client escapes to it.
    (project / "app" / "jobs.py").write_text("def job(api):\n    api.calendars.all()\n")
    (project / "app" / "runner.py").write_text(
        "from app.auth import client\nfrom app.jobs import job\n\n\n"
        "def run():\n    job(client)\n"
    )
    everything = nylas_scopes(project, "infer", "--isolated", ".")
    assert "calendar.read_only" in everything.stdout
    without_jobs = nylas_scopes(project, "infer", "--isolated", "--exclude", "jobs.py", ".")
    assert without_jobs.returncode == 0, without_jobs.stderr
    assert "calendar.read_only" not in without_jobs.stdout
    assert "email.read_only" in without_jobs.stdout
    (project / "nylas.toml").write_text('[tool.nylas-scopes]\nexclude = ["jobs.py"]\n')
    from_config = nylas_scopes(project, "infer", "--config", "nylas.toml", ".")
    assert from_config.stdout == without_jobs.stdout


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli._parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


SHARED = ["--select", "--ignore", "--extend-select", "--providers", "--granted-scopes",
          "--assume-used", "--client-names", "--project-root", "--exclude", "--config",
          "--isolated"]


@pytest.mark.parametrize("name", ["check", "fix", "infer"])
def test_the_commands_share_the_settings_options(name: str) -> None:
    parser = subcommands()[name]
    options = {option: action for action in parser._actions for option in action.option_strings}
    wanted = SHARED if name != "infer" else SHARED[3:]
    check = {option: action for action in subcommands()["check"]._actions
             for option in action.option_strings}
    for option in wanted:
        assert option in options, option
        # One definition: the same type, help and metavar as check's.
        mine, theirs = options[option], check[option]
        assert (mine.type, mine.help, mine.metavar) == (theirs.type, theirs.help, theirs.metavar)


@pytest.mark.parametrize("name", ["check", "fix", "infer", "rules", "explain"])
def test_every_option_has_help(name: str) -> None:
    for action in subcommands()[name]._actions:
        assert action.help, action.option_strings or action.dest
