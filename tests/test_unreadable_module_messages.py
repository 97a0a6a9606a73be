"""A module of the project that cannot be read is a NYS304 at that file, and its
message says why without the file's path: the finding already stands at the file,
and the project is read through absolute paths, which would otherwise put the
machine's directories in every front end's text (and a SARIF alert's text would
differ between two checkouts of the same commit)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flake8_nylas_scopes.cli import main
from flake8_nylas_scopes.judging.judge import _unreadable_reason
from flake8_nylas_scopes.judging.results import FileError

CLIENT = "from nylas import APIClient\n\nnylas = APIClient('id', 'secret', 'token')\n"
AUTH = (
    "from app.client import nylas\n\n"
    "SCOPES = ['email.read_only', 'contacts.read_only']\n\n\n"
    "def login(redirect):\n"
    "    return nylas.authentication_url(redirect, scopes=SCOPES)\n"
)
INBOX = "from app.client import nylas\n\n\ndef inbox():\n    return nylas.messages.all()\n"
TAIL = "; its Nylas calls are unknown; usage rules stay silent for the scopes it could touch"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "proj"
    (root / "app").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "p"\n', encoding="utf-8")
    (root / "app" / "__init__.py").write_text("", encoding="utf-8")
    (root / "app" / "client.py").write_text(CLIENT, encoding="utf-8")
    (root / "app" / "auth.py").write_text(AUTH, encoding="utf-8")
    (root / "app" / "inbox.py").write_text(INBOX, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["check", "--extend-select", "NYS304", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_syntax_error_is_said_by_line_without_the_path(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "app" / "broken.py").write_text("import os\ndef f(:\n", encoding="utf-8")
    status, out, err = _check(capsys, ".")
    assert status == 2
    assert out.splitlines() == [
        f"app/broken.py:1:1: NYS304 line 2: syntax error: invalid syntax{TAIL}"]
    # The error on stderr still names the file, as every error does.
    assert err == "nylas-scopes: error: app/broken.py:2: syntax error: invalid syntax\n"


def test_an_undecodable_file_is_said_without_the_path_in_every_format(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "app" / "latin.py").write_bytes(b"NAME = 'caf\xe9'\n")
    for output in ("text", "json", "sarif"):
        status, out, _ = _check(capsys, "--format", output, ".")
        assert status == 2
        assert str(project) not in out.replace("file://" + str(project) + "/", ""), output
    status, out, _ = _check(capsys, "--format", "json", ".")
    [finding] = json.loads(out)["findings"]
    assert (finding["path"], finding["code"]) == ("app/latin.py", "NYS304")
    assert finding["message"].startswith("cannot decode (")
    assert finding["message"].endswith(TAIL)
    main(["infer", "."])
    assert str(project) not in capsys.readouterr().out


def test_control_the_unreadable_module_still_keeps_the_usage_rules_silent(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Readable, the project has 'contacts.read_only' unused; with a module that cannot
    # be read it stays silent, as before: only the message changed.
    status, out, _ = _check(capsys, ".")
    assert (status, out) == (1, "app/auth.py:3:30: NYS303 'contacts.read_only' is requested"
                                " but no Nylas call in the project needs it; remove it\n")
    (project / "app" / "broken.py").write_text("def f(:\n", encoding="utf-8")
    status, out, _ = _check(capsys, ".")
    assert status == 2
    assert "NYS303" not in out


@pytest.mark.parametrize(("error", "reason"), [
    (FileError("/r/a.py", "/r/a.py:7: syntax error: invalid syntax"),
     "line 7: syntax error: invalid syntax"),
    (FileError("/r/a.py", "/r/a.py: cannot read (Permission denied)"),
     "cannot read (Permission denied)"),
    (FileError("/r/a.py", "/r/a.py: binary file, not Python source"),
     "binary file, not Python source"),
    # A message that does not start with the path is kept whole.
    (FileError("/r/a.py", "stdin: cannot decode (x)"), "stdin: cannot decode (x)"),
])
def test_unreadable_reason(error: FileError, reason: str) -> None:
    assert _unreadable_reason(error) == reason
