"""Configuration files for the CLI: where they are found, what they mean, their errors."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from tool_runs import nylas_scopes

from flake8_nylas_scopes.settings.config_file import find_settings, parse_files_to_codes

AUTH = textwrap.dedent(
    """\
    from nylas import APIClient

    client = APIClient("id", "secret")
    client.authentication_url(
        "https://a/cb",
        scopes=["email.read_only", "email.metadata", "room_resources.read_only"],
    )
    """
)


def codes(output: str) -> list[str]:
    return [line.split(": ")[1].split(" ")[0] for line in output.splitlines()]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "auth.py").write_text(AUTH)
    return tmp_path


def write_pyproject(directory: Path, table: str) -> None:
    (directory / "pyproject.toml").write_text(
        '[project]\nname = "app"\n\n[tool.nylas-scopes]\n' + textwrap.dedent(table)
    )


def test_defaults_without_a_file(project: Path) -> None:
    # Provider unknown: the Google conflict; NYS206 is off by default.
    assert codes(nylas_scopes(project, "check", "app").stdout) == ["NYS201"]


def test_pyproject_table_from_a_subdirectory(project: Path) -> None:
    write_pyproject(project, 'providers = ["office365"]\nextend-select = ["NYS206"]\n')
    result = nylas_scopes(project / "app", "check", ".")
    assert codes(result.stdout) == ["NYS104", "NYS206"]


def test_the_walk_skips_a_pyproject_without_the_table(project: Path) -> None:
    write_pyproject(project, 'providers = ["office365"]\n')
    (project / "app" / "pyproject.toml").write_text('[project]\nname = "inner"\n')
    assert codes(nylas_scopes(project / "app", "check", ".").stdout) == ["NYS104"]


def test_the_walk_stops_at_the_repository_root(project: Path) -> None:
    # A table above the repository belongs to another project.
    outer = project.parent / f"{project.name}-outer"
    inner = outer / "repo"
    inner.mkdir(parents=True)
    (inner / ".git").mkdir()
    (inner / "auth.py").write_text(AUTH)
    write_pyproject(outer, 'providers = ["office365"]\n')
    assert codes(nylas_scopes(inner, "check", ".").stdout) == ["NYS201"]


def test_command_line_overrides_the_file(project: Path) -> None:
    write_pyproject(project, 'providers = ["office365"]\nselect = ["NYS104"]\n')
    assert codes(nylas_scopes(project, "check", "app").stdout) == ["NYS104"]
    result = nylas_scopes(project, "check", "--providers", "gmail", "--select", "NYS2", "app")
    assert codes(result.stdout) == ["NYS201"]
    # extend-select adds to the file's selection.
    result = nylas_scopes(project, "check", "--extend-select", "NYS206", "app")
    assert codes(result.stdout) == ["NYS104", "NYS206"]
    assert codes(nylas_scopes(project, "check", "--isolated", "app").stdout) == ["NYS201"]


def test_ignore_never_turns_on_opt_in_codes(project: Path) -> None:
    write_pyproject(project, 'providers = ["office365"]\nignore = ["NYS104"]\n')
    assert codes(nylas_scopes(project, "check", "app").stdout) == []


def test_per_file_ignores_longest_pattern_wins(project: Path) -> None:
    (project / "app" / "other.py").write_text(AUTH)
    write_pyproject(
        project,
        """\
        [tool.nylas-scopes.per-file-ignores]
        "*.py" = ["NYS201"]
        "app/auth.py" = ["NYS1"]
        """,
    )
    # auth.py matches both patterns; only the longer one applies, as in flake8.
    result = nylas_scopes(project, "check", "app")
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["app/auth.py"]
    assert codes(result.stdout) == ["NYS201"]


def test_exclude_skips_named_files_too(project: Path) -> None:
    (project / "app" / "generated").mkdir()
    (project / "app" / "generated" / "auth.py").write_text(AUTH)
    write_pyproject(project, 'exclude = ["generated", "app/auth.py"]\n')
    assert nylas_scopes(project, "check", "app").stdout == ""
    # pre-commit names every file: an excluded one stays excluded.
    assert nylas_scopes(project, "check", "app/auth.py").stdout == ""
    assert nylas_scopes(project, "check", "--exclude", "", "app").stdout != ""


def test_project_root_is_relative_to_the_file(project: Path) -> None:
    write_pyproject(project, 'project-root = "app"\n')
    previous = os.getcwd()
    os.chdir(project / "app")
    try:
        settings = find_settings()
    finally:
        os.chdir(previous)
    assert settings.config.project_root == str(project / "app")
    # Above the current directory the path is shown in full.
    assert settings.location == f"{project / 'pyproject.toml'} [tool.nylas-scopes]"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('providers = ["gmial"]\n',
         "pyproject.toml [tool.nylas-scopes] providers: unknown provider 'gmial'"),
        ('providrs = ["gmail"]\n', "pyproject.toml [tool.nylas-scopes] providrs: unknown key"),
        ('providers = "gmail"\n',
         "pyproject.toml [tool.nylas-scopes] providers: expected a list of strings, got a string"),
        ('select = ["NYS999"]\n',
         "pyproject.toml [tool.nylas-scopes] select: 'NYS999' is not a rule code"),
        ('ignore = ["nys104"]\n',
         "pyproject.toml [tool.nylas-scopes] ignore: 'nys104' is not a rule code"),
        ("project-root = 3\n",
         "pyproject.toml [tool.nylas-scopes] project-root: expected a string, got an integer"),
        ('per-file-ignores = ["tests/*"]\n',
         "pyproject.toml [tool.nylas-scopes] per-file-ignores: expected a table"),
        ('[tool.nylas-scopes.per-file-ignores]\n"tests/*" = "NYS"\n',
         "pyproject.toml [tool.nylas-scopes] per-file-ignores 'tests/*': expected a list"),
        ("providers = [\n", "pyproject.toml: invalid TOML"),
    ],
)
def test_bad_values_are_clear_errors(project: Path, table: str, message: str) -> None:
    write_pyproject(project, table)
    result = nylas_scopes(project, "check", "app")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"nylas-scopes: error: {message}")
    assert "Traceback" not in result.stderr


def test_the_table_must_be_a_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool]\n"nylas-scopes" = 1\n')
    result = nylas_scopes(project, "check", "app")
    assert (result.returncode, result.stderr) == (
        2, "nylas-scopes: error: pyproject.toml [tool.nylas-scopes]: expected a table\n"
    )


# --- the [flake8] section ------------------------------------------------------------


@pytest.mark.parametrize("name", ["setup.cfg", "tox.ini", ".flake8"])
def test_flake8_section_is_the_fallback(project: Path, name: str) -> None:
    (project / name).write_text(
        "[flake8]\nmax-line-length = 100\nextend-select = NYS206\n"
        "nylas-providers = office365\n"
    )
    assert codes(nylas_scopes(project / "app", "check", ".").stdout) == ["NYS104", "NYS206"]


def test_pyproject_table_wins_over_the_flake8_section(project: Path) -> None:
    (project / "setup.cfg").write_text("[flake8]\nnylas-providers = office365\n")
    write_pyproject(project, 'providers = ["gmail"]\n')
    assert codes(nylas_scopes(project, "check", "app").stdout) == ["NYS201"]


def test_flake8_option_names_with_underscores(project: Path) -> None:
    (project / "setup.cfg").write_text(
        "[flake8]\nextend_select = NYS206\nnylas_providers = office365\n"
    )
    assert codes(nylas_scopes(project, "check", "app").stdout) == ["NYS104", "NYS206"]


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ("nylas-providers = gmial\n",
         "setup.cfg [flake8] nylas-providers: unknown provider 'gmial'"),
        ("nylas-provider = gmail\n", "setup.cfg [flake8] nylas-provider: unknown option"),
        ("per-file-ignores = NYS104\n", "setup.cfg [flake8] per-file-ignores: expected"),
    ],
)
def test_flake8_section_errors(project: Path, section: str, message: str) -> None:
    (project / "setup.cfg").write_text("[flake8]\n" + section)
    result = nylas_scopes(project, "check", "app")
    assert result.returncode == 2
    assert result.stderr.startswith(f"nylas-scopes: error: {message}")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[flake8]\nnylas-providers = gmail\n[flake8]\nnylas-providers = office365\n",
         "setup.cfg:3: section [flake8] is written twice"),
        ("[flake8]\nnylas-providers = gmail\nnylas-providers = office365\n",
         "setup.cfg:3: option 'nylas-providers' is written twice in [flake8]"),
    ],
)
def test_a_flake8_file_written_twice_over_is_an_error(
    project: Path, text: str, message: str
) -> None:
    # flake8 stops with a traceback on such a file; taking the defaults instead (or
    # the next file up) would check with settings the user never wrote.
    (project / "setup.cfg").write_text(text)
    result = nylas_scopes(project, "check", "app")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"nylas-scopes: error: {message}\n"


def test_a_pyproject_with_a_byte_order_mark_is_named_as_such(project: Path) -> None:
    # Notepad writes one; tomllib (and pip) reject it with "Invalid statement".
    (project / "pyproject.toml").write_bytes(
        b"\xef\xbb\xbf[tool.nylas-scopes]\nselect = ['NYS104']\n"
    )
    result = nylas_scopes(project, "check", "app")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "nylas-scopes: error: pyproject.toml: invalid TOML (it starts with a byte order "
        "mark, which TOML does not allow; save it as UTF-8 without one)\n"
    )


def test_a_pyproject_nested_too_deeply_is_an_error(project: Path) -> None:
    # In any table: the whole file is parsed to find ours.
    (project / "pyproject.toml").write_text(
        "[tool.other]\nx = " + "[" * 100_000 + "]" * 100_000 + "\n"
    )
    result = nylas_scopes(project, "check", "app")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "nylas-scopes: error: pyproject.toml: cannot read the TOML (nested too deeply)\n"
    )


def test_config_option_names_the_file(project: Path) -> None:
    (project / "nylas.toml").write_text('[tool.nylas-scopes]\nproviders = ["office365"]\n')
    result = nylas_scopes(project, "check", "--config", "nylas.toml", "app")
    assert codes(result.stdout) == ["NYS104"]
    result = nylas_scopes(project, "check", "--config", "missing.toml", "app")
    assert (result.returncode, result.stderr) == (
        2, "nylas-scopes: error: missing.toml: no such configuration file\n"
    )
    result = nylas_scopes(project, "check", "--config", "app", "app")
    assert (result.returncode, result.stderr) == (
        2, "nylas-scopes: error: app: not a regular file\n"
    )


def test_per_file_ignores_grammar() -> None:
    assert parse_files_to_codes(
        "\n  tests/*, docs/*.py: NYS1, NYS201\n  setup.py:NYS\n"
    ) == [("tests/*", ["NYS1", "NYS201"]), ("docs/*.py", ["NYS1", "NYS201"]),
          ("setup.py", ["NYS"])]
    assert parse_files_to_codes("") == []
    with pytest.raises(ValueError, match="expected 'pattern: codes'"):
        parse_files_to_codes("NYS104")
