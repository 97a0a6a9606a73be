"""Every front end rejects option values the analysis cannot use, naming the option and,
where the valid values are a known list, the closest one.

A misspelt scope in ``assume-used`` or ``granted-scopes`` would otherwise be ignored
without a word: the usage rules would then judge the project against the wrong set.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from tool_runs import flake8, nylas_scopes

AUTH = textwrap.dedent(
    """\
    from nylas import APIClient

    client = APIClient("id", "secret")
    client.authentication_url("https://a/cb", scopes=["email.modify", "email.read_only"])
    """
)

# (option without prefix, bad value, what the message says after the option's name)
BAD_VALUES = [
    ("assume-used", "email.reed_only",
     "unknown scope 'email.reed_only'; did you mean 'email.read_only'?"),
    ("granted-scopes", "calender",
     "unknown scope 'calender'; did you mean 'calendar'?"),
    ("providers", "gmial", "unknown provider 'gmial'; did you mean 'gmail'?"),
    ("client-names", "nylas-client",
     "'nylas-client' is not a Python name or a dotted name of one; "
     "did you mean 'nylas_client'?"),
    ("project-root", "nowhere", "'nowhere' is not a directory"),
]
IDS = [option for option, _, _ in BAD_VALUES]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "auth.py").write_text(AUTH)
    return tmp_path


@pytest.mark.parametrize("command", ["check", "fix", "infer"])
@pytest.mark.parametrize(("option", "value", "message"), BAD_VALUES, ids=IDS)
def test_command_line_flags(
    project: Path, command: str, option: str, value: str, message: str
) -> None:
    result = nylas_scopes(project, command, "--isolated", f"--{option}", value, ".")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"nylas-scopes: error: --{option}: {message}")
    assert result.stderr.count("\n") == 1
    assert (project / "auth.py").read_text() == AUTH


@pytest.mark.parametrize(("option", "value", "message"), BAD_VALUES, ids=IDS)
def test_pyproject_table(project: Path, option: str, value: str, message: str) -> None:
    (project / "pyproject.toml").write_text(f'[tool.nylas-scopes]\n{option} = {value!r}\n'
                                            if option == "project-root" else
                                            f'[tool.nylas-scopes]\n{option} = ["{value}"]\n')
    for command in ("check", "fix", "infer"):
        result = nylas_scopes(project, command, ".")
        assert (result.returncode, result.stdout) == (2, ""), command
        expected = f"pyproject.toml [tool.nylas-scopes] {option}: "
        if option == "project-root":
            # Relative to the file's directory, so the message shows where it looked.
            expected += f"'{project / value}' is not a directory"
        else:
            expected += message
        assert result.stderr.startswith(f"nylas-scopes: error: {expected}"), command


@pytest.mark.parametrize(("option", "value", "message"), BAD_VALUES, ids=IDS)
def test_flake8_section_read_by_the_command(
    project: Path, option: str, value: str, message: str
) -> None:
    (project / "setup.cfg").write_text(f"[flake8]\nnylas-{option} = {value}\n")
    result = nylas_scopes(project, "check", ".")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(
        f"nylas-scopes: error: setup.cfg [flake8] nylas-{option}: {message}"
    )


@pytest.mark.parametrize(("option", "value", "message"), BAD_VALUES, ids=IDS)
def test_flake8_plugin(project: Path, option: str, value: str, message: str) -> None:
    # flake8 reports a plugin's ExecutionError as a critical error and exits with 1.
    for args, config in (
        ([f"--nylas-{option}", value], ""),
        ([], f"nylas-{option} = {value}\n"),
    ):
        (project / "setup.cfg").write_text("[flake8]\n" + config)
        result = flake8(project, *args, "auth.py")
        assert result.returncode == 1
        assert f"flake8-nylas-scopes: --nylas-{option}: {message}" in result.stdout
        assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("name", ["app.nylas", "g.nylas", "nylas_client", "state.client"])
def test_dotted_client_names_are_accepted(project: Path, name: str) -> None:
    # The analysis matches ``app.nylas``-style names against framework state.
    result = nylas_scopes(project, "check", "--isolated", "--client-names", name, ".")
    assert result.returncode == 1, result.stderr


def test_scopes_are_taken_in_any_case(project: Path) -> None:
    # The usage rules compare them in lower case.
    result = nylas_scopes(project, "check", "--isolated", "--assume-used", "Email.Modify", ".")
    assert result.returncode == 1, result.stderr


@pytest.mark.parametrize("scope", [
    "https://www.googleapis.com/auth/gmail.readonly", "https://mail.google.com/",
    "Mail.Read", "https://graph.microsoft.com/Mail.Send", "offline_access",
])
def test_provider_scopes_of_api_v3_are_accepted(project: Path, scope: str) -> None:
    # A v3 app declares the scopes its tokens get from elsewhere in the provider's names.
    result = nylas_scopes(project, "check", "--isolated", "--granted-scopes", scope, ".")
    assert result.returncode == 1, result.stderr


def test_a_misspelt_provider_scope_gets_a_suggestion_and_no_list(project: Path) -> None:
    result = nylas_scopes(project, "check", "--isolated", "--assume-used", "Mail.Reed", ".")
    assert result.returncode == 2
    assert result.stderr == (
        "nylas-scopes: error: --assume-used: unknown scope 'Mail.Reed'; "
        "did you mean 'Mail.Read'?\n"
    )


@pytest.mark.parametrize(
    ("option", "value"), [("--select", "NYS999"), ("--ignore", "XYZ"), ("--extend-select", "E5")]
)
def test_fix_rejects_codes_as_check_does(project: Path, option: str, value: str) -> None:
    check = nylas_scopes(project, "check", "--isolated", option, value, ".")
    fix = nylas_scopes(project, "fix", "--isolated", option, value, ".")
    assert check.returncode == fix.returncode == 2
    message = f"argument {option}: {value!r} is not a rule code or a prefix of one"
    assert message in check.stderr
    assert message in fix.stderr
    assert (project / "auth.py").read_text() == AUTH


def test_close_codes_are_suggested(project: Path) -> None:
    result = nylas_scopes(project, "check", "--isolated", "--select", "NYS1040", ".")
    assert "did you mean 'NYS104'?" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--output", ""], "argument --output: an empty file name"),
        (["check", "--config", ""], "argument --config: an empty file name"),
        (["fix", "--config", "", "."], "argument --config: an empty file name"),
        (["infer", "--config", "", "."], "argument --config: an empty file name"),
        (["check", ""], "'': no such file or directory"),
    ],
)
def test_empty_file_names_are_errors(project: Path, args: list[str], message: str) -> None:
    # ``--output "$REPORT"`` with the variable unset must not quietly mean "stdout".
    result = nylas_scopes(project, *args)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1].endswith(f"error: {message}")
