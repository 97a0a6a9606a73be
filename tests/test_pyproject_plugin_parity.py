"""A project configured only in ``[tool.nylas-scopes]``: flake8 and ``nylas-scopes check``
read the same table and report the same findings.

flake8 itself never reads pyproject.toml; the plugin reads the table when flake8's
options set no ``nylas-*`` option.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from tool_runs import finding_lines, flake8, nylas_scopes

AUTH = textwrap.dedent(
    """\
    from nylas import APIClient

    client = APIClient("id", "secret")
    SEND = client.authentication_url("https://a/cb", scopes=["email.send"])
    READ = client.authentication_url(
        "https://a/cb",
        scopes=["email.read_only", "email.metadata", "email.modify", "contacts", "Calendar"],
    )
    """
)
VIEWS = textwrap.dedent(
    """\
    from app.auth import client
    from app.registry import mailer


    def inbox():
        return client.messages.all()


    def agenda():
        return mailer.calendars.all()
    """
)
# A client the analysis cannot see built: client-names says what it is.
REGISTRY = 'import importlib\n\nmailer = importlib.import_module("app.clients").build()\n'

TABLES = {
    "providers": 'providers = ["office365", "exchange"]\n',
    "granted-and-assumed": (
        'granted-scopes = ["email.drafts"]\nassume-used = ["contacts"]\n'
    ),
    "client-names": 'client-names = ["mailer"]\n',
    "select": 'select = ["NYS1", "NYS301", "NYS303"]\n',
    "ignore": 'ignore = ["NYS104", "NYS2"]\n',
    "per-file-ignores": '[tool.nylas-scopes.per-file-ignores]\n"app/auth.py" = ["NYS1"]\n',
    "exclude": 'exclude = ["legacy"]\n',
    # The usage rules then see legacy/ only: app/ holds no call that uses its scopes.
    "project-root": 'project-root = "legacy"\n',
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    for directory in ("app", "legacy"):
        (tmp_path / directory).mkdir()
        (tmp_path / directory / "__init__.py").write_text("")
        (tmp_path / directory / "auth.py").write_text(AUTH)
    (tmp_path / "app" / "views.py").write_text(VIEWS)
    (tmp_path / "app" / "registry.py").write_text(REGISTRY)
    return tmp_path


def write_table(project: Path, table: str) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "app"\n\n[tool.nylas-scopes]\n' + table
    )


def nys_lines(output: str) -> set[str]:
    return {line for line in finding_lines(output) if ": NYS" in line}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_flake8_and_check_report_the_same(project: Path, table: str) -> None:
    write_table(project, TABLES[table])
    from_flake8 = flake8(project, ".")
    from_check = nylas_scopes(project, "check", ".")
    assert from_check.stderr == "" and from_flake8.stderr == ""
    assert nys_lines(from_flake8.stdout) == finding_lines(from_check.stdout)


def test_the_tables_change_the_findings(project: Path) -> None:
    # Guard against a vacuous comparison: each table changes what flake8 reports.
    (project / "pyproject.toml").write_text('[project]\nname = "app"\n')
    plain = nys_lines(flake8(project, ".").stdout)
    for name, table in TABLES.items():
        write_table(project, table)
        assert nys_lines(flake8(project, ".").stdout) != plain, name


def test_providers_suppress_gmail_send_only_in_both(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "app"\n')
    assert "NYS202" in flake8(project, "app/auth.py").stdout
    write_table(project, TABLES["providers"])
    assert "NYS202" not in flake8(project, "app/auth.py").stdout
    assert "NYS202" not in nylas_scopes(project, "check", "app/auth.py").stdout


def test_flake8_nylas_options_win_over_the_table(project: Path) -> None:
    write_table(project, TABLES["providers"])
    (project / "setup.cfg").write_text("[flake8]\nnylas-providers = gmail\n")
    assert "NYS202" in flake8(project, "app/auth.py").stdout
    (project / "setup.cfg").write_text("[flake8]\nmax-line-length = 100\n")
    assert "NYS202" not in flake8(project, "app/auth.py").stdout
    # On flake8's command line too, and --isolated leaves every file out.
    assert "NYS202" in flake8(project, "--nylas-granted-scopes", "calendar",
                              "app/auth.py").stdout
    assert "NYS202" in flake8(project, "--isolated", "app/auth.py").stdout


def test_flake8_decides_what_it_shows(project: Path) -> None:
    # flake8 hides its default-off codes unless its own configuration selects them;
    # the table can hide codes from flake8, never show one.
    (project / "app" / "rooms.py").write_text(
        "from app.auth import client\n\n"
        'ROOMS = client.authentication_url("https://a/cb", scopes=["room_resources.read_only"])\n'
    )
    write_table(project, 'providers = ["office365"]\nextend-select = ["NYS206"]\n')
    assert "NYS206" in nylas_scopes(project, "check", ".").stdout
    assert "NYS206" not in flake8(project, ".").stdout
    (project / "setup.cfg").write_text("[flake8]\nextend-select = NYS206\n")
    from_flake8 = flake8(project, ".")
    assert "NYS206" in from_flake8.stdout
    assert nys_lines(from_flake8.stdout) == finding_lines(
        nylas_scopes(project, "check", ".").stdout
    )


def test_a_bad_table_is_a_clear_flake8_error(project: Path) -> None:
    write_table(project, 'assume-used = ["email.reed_only"]\n')
    result = flake8(project, "app/auth.py")
    assert result.returncode == 1
    assert (
        "flake8-nylas-scopes: pyproject.toml [tool.nylas-scopes] assume-used: unknown scope "
        "'email.reed_only'; did you mean 'email.read_only'?"
    ) in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
