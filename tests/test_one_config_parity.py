"""One project, one configuration: flake8 and the CLI read the same ``[flake8]`` section
and the same ``# noqa`` comments, and report the same findings."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from tool_runs import finding_lines, flake8, nylas_scopes

AUTH = textwrap.dedent(
    """\
    from nylas import APIClient

    client = APIClient("id", "secret")
    client.authentication_url(
        "https://a/cb",
        scopes=[
            "email.read_only",
            "email.metadata",
            "room_resources.read_only",
            "calendar.readonly",
        ],
    )
    client.authentication_url(
        "https://a/cb",
        scopes=[
            "email.read_only",  # noqa: NYS104
            "email.metadata",  # noqa:NYS2
            "email.modify",  # noqa
            "contacts.read_only", "contacts", "contacts",  # NOQA: NYS103,NYS999
        ],
        provider="office365",
    )
    client.authentication_url("https://a/cb", scopes="calendar,calendar.read_only")  # noqa: E501
    client.authentication_url("https://a/cb", scopes=[
        "calendar", "calendar.read_only"], provider="gmail")  # noqa: NYS104
    # A comment after a string that spans lines covers all of its lines.
    client.authentication_url("https://a/cb", scopes=\"\"\"email.modify,
    email.read_only\"\"\")  # noqa: NYS102
    client.authentication_url("https://a/cb", scopes=\"\"\"email.modify,
    email.read_only\"\"\")
    """
)
SKIPPED = "# flake8: noqa\n" + AUTH

CONFIGS = {
    "nothing": "",
    "providers": "nylas-providers = office365,gmail\n",
    "select-all": "select = NYS\n",
    "select-other-tools-only": "select = E,F,W\n",
    "ignore-replaces-defaults": "ignore = E501\nnylas-providers = office365\n",
    "extend-ignore": "extend-ignore = NYS2\nextend-select = NYS206\n",
    "select-and-ignore": "select = NYS1,NYS206\nignore = NYS104\nextend-select = NYS104\n",
    "per-file-ignores": (
        "per-file-ignores =\n    app/*.py: NYS201\n    app/auth.py: NYS1\n    *.py: NYS206\n"
        "nylas-providers = office365\nextend-select = NYS206\n"
    ),
    "exclude": "exclude = legacy,app/skipped.py\n",
    "extend-exclude": "extend-exclude = app\n",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    for directory in ("app", "legacy"):
        (tmp_path / directory).mkdir()
        (tmp_path / directory / "auth.py").write_text(AUTH)
    (tmp_path / "app" / "skipped.py").write_text(AUTH)
    (tmp_path / "app" / "noqa_file.py").write_text(SKIPPED)
    (tmp_path / "main.py").write_text(AUTH)
    return tmp_path


def nys_lines(output: str) -> set[str]:
    return {line for line in finding_lines(output) if line.split(": ", 1)[1].startswith("NYS")}


@pytest.mark.parametrize("config", sorted(CONFIGS))
def test_same_findings_from_one_config(project: Path, config: str) -> None:
    (project / "setup.cfg").write_text("[flake8]\n" + CONFIGS[config])
    expected = flake8(project, ".")
    actual = nylas_scopes(project, "check", ".")
    assert actual.stderr == ""
    assert finding_lines(actual.stdout) == nys_lines(expected.stdout)


@pytest.mark.parametrize("config", ["nothing", "per-file-ignores", "exclude"])
def test_same_findings_for_files_named_one_by_one(project: Path, config: str) -> None:
    # pre-commit names each changed file.
    (project / "setup.cfg").write_text("[flake8]\n" + CONFIGS[config])
    files = ["app/auth.py", "app/skipped.py", "legacy/auth.py", "main.py"]
    expected = flake8(project, *files)
    actual = nylas_scopes(project, "check", *files)
    assert finding_lines(actual.stdout) == nys_lines(expected.stdout)


def test_disable_noqa_matches_flake8(project: Path) -> None:
    (project / "setup.cfg").write_text("[flake8]\nselect = NYS\n")
    expected = flake8(project, "--disable-noqa", ".")
    actual = nylas_scopes(project, "check", "--disable-noqa", ".")
    assert finding_lines(actual.stdout) == nys_lines(expected.stdout)
    # Without noqa comments the suppressed findings come back.
    with_noqa = nylas_scopes(project, "check", ".").stdout.splitlines()
    assert len(actual.stdout.splitlines()) > len(with_noqa)


def test_the_configs_change_the_findings(project: Path) -> None:
    # Guard against a vacuous comparison: the configurations really differ in effect.
    outputs = set()
    for config in CONFIGS.values():
        (project / "setup.cfg").write_text("[flake8]\n" + config)
        outputs.add(frozenset(nylas_scopes(project, "check", ".").stdout.splitlines()))
    assert len(outputs) >= 8
