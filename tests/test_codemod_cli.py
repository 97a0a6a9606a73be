"""``nylas-scopes fix`` and the LibCST command end to end."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from codemod_support import LINT_FIXTURES, copy_tree, run_cli

from flake8_nylas_scopes import cli
from flake8_nylas_scopes.codes import CODES, FixSafety
from flake8_nylas_scopes.settings.config import DEFAULT_CONFIG, all_codes
from flake8_nylas_scopes.project.session import analyse, discover

SMALL_CASE = textwrap.dedent(
    """\
    from nylas import APIClient

    client = APIClient("client-id", "client-secret")
    url = client.authentication_url(
        "https://app.example.com/callback",
        scopes=[
            "email.modify",  # archive and label
            "email.read_only",
            "Calendar",
        ],
    )
    """
)

# A duplicate the fix cannot remove: it is the last item of its list.
UNFIXABLE = 'client.authentication_url("https://a/cb", scopes=["calendar"] + ["calendar"])\n'

SMALL_CASE_DIFF = """\
--- a/{path}
+++ b/{path}
@@ -5,7 +5,6 @@
     "https://app.example.com/callback",
     scopes=[
         "email.modify",  # archive and label
-        "email.read_only",
-        "Calendar",
+        "calendar",
     ],
 )
"""

WARNING = re.compile(r"^nylas-scopes: warning: (.+?):(\d+):(\d+): (NYS\d{3}) not fixed: ", re.M)


def snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*.py"))}


@pytest.fixture
def lint_copy(tmp_path: Path) -> Path:
    project = copy_tree(LINT_FIXTURES, tmp_path / "lint")
    (project / "small_case.py").write_text(SMALL_CASE)
    return project


def test_diff_shows_the_change_and_writes_nothing(
    lint_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(lint_copy.parent)
    before = snapshot(lint_copy)
    result = run_cli("fix", "--diff", "lint")
    assert result.code == 1
    assert SMALL_CASE_DIFF.format(path="lint/small_case.py") in result.stdout
    # One diff per changed file, with a/ and b/ paths.
    assert result.stdout.count("--- a/lint/") == result.stdout.count("+++ b/lint/") > 1
    assert snapshot(lint_copy) == before


def test_after_fixing_flake8_reports_only_findings_without_an_applicable_safe_fix(
    lint_copy: Path,
) -> None:
    result = run_cli("fix", str(lint_copy))
    assert result.code == 1, result.stderr
    skipped = {
        (os.path.normpath(path), int(line), int(col), code)
        for path, line, col, code in WARNING.findall(result.stderr)
    }
    # What cannot be fixed in place, each with its reason on stderr: a scope held in
    # a name, a "+" of strings, scopes inside a URL, the last item of a list; a v3
    # 'scope' str held by a name or joined from a list; the scopes of a hand-built v3
    # URL (concatenated, or space-joined in a query dict).
    assert sorted((Path(p).name, code) for p, _, _, code in skipped) == [
        ("extraction_forms.py", "NYS104"),
        ("extraction_forms.py", "NYS104"),
        ("extraction_forms.py", "NYS104"),
        ("extraction_forms.py", "NYS104"),
        ("nys403_redundant_provider_scope.py", "NYS403"),
        ("nys404_scope_string_not_list.py", "NYS404"),
        ("nys404_scope_string_not_list.py", "NYS404"),
        ("v3_hosted_urls.py", "NYS103"),
        ("v3_hosted_urls.py", "NYS403"),
        ("v3_hosted_urls.py", "NYS403"),
    ]
    flake8 = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "NYS", "--isolated", str(lint_copy)],
        capture_output=True, text=True, timeout=300,
    )
    reported = {
        (os.path.normpath(path), int(line), int(col), code)
        for path, line, col, code in re.findall(r"^(.+?):(\d+):(\d+): (NYS\d{3})", flake8.stdout,
                                                re.M)
    }
    assert reported, flake8.stderr
    analysis = analyse(discover([str(lint_copy)]), DEFAULT_CONFIG, all_codes)
    safe_fixable = {
        (os.path.normpath(f.span.path), f.span.line, f.span.col + 1, f.code)
        for f in analysis.findings
        if f.fix is not None and CODES[f.code].fix is FixSafety.SAFE
    }
    # A finding of a code with a safe fix may have no edit to offer (a config dict
    # reused after a URL builder rewrote it: the list is right, the sharing is not).
    without_fix = {
        (os.path.normpath(f.span.path), f.span.line, f.span.col + 1, f.code)
        for f in analysis.findings if f.fix is None
    }
    # Every safe fix the analysis still offers is one the fix command said it skipped,
    # and flake8 shows nothing else that has a safe fix.
    assert safe_fixable == skipped
    assert all(
        CODES[code].fix is not FixSafety.SAFE or (path, line, col, code) in skipped | without_fix
        for path, line, col, code in reported
    )


def test_a_clean_tree_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "clean.py").write_text('print("no scopes here")\n')
    result = run_cli("fix", str(tmp_path))
    assert (result.code, result.stdout, result.stderr) == (0, "", "")


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("fix", str(tmp_path / "nope.py"))
    assert result.code == 2
    missing = tmp_path / "nope.py"
    assert result.stderr == f"nylas-scopes: error: {missing}: no such file or directory\n"


def test_a_file_that_does_not_parse_is_an_error_but_others_are_fixed(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("from nylas import APIClient\ndef (:\n")
    good = tmp_path / "good.py"
    good.write_text(SMALL_CASE)
    result = run_cli("fix", str(tmp_path))
    assert result.code == 2
    assert "broken.py:2: syntax error" in result.stderr
    assert '"Calendar"' not in good.read_text()


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.run(["fix", "--frobnicate", "."])
    assert exit_info.value.code == 2
    assert "nylas-scopes: error: unrecognized arguments: --frobnicate" in capsys.readouterr().err


def test_select_and_ignore_choose_what_is_fixed(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text(SMALL_CASE)
    assert run_cli("fix", "--select", "NYS102", str(path)).code == 1
    assert '"calendar"' in path.read_text() and '"email.read_only"' in path.read_text()
    path.write_text(SMALL_CASE)
    assert run_cli("fix", "--ignore", "NYS102,NYS104", str(path)).code == 0
    assert path.read_text() == SMALL_CASE


def test_writing_keeps_the_mode_and_follows_symlinks(tmp_path: Path) -> None:
    real = tmp_path / "real.py"
    real.write_text(SMALL_CASE)
    real.chmod(0o751)
    link = tmp_path / "link.py"
    link.symlink_to(real)
    result = run_cli("fix", str(link))
    assert result.code == 1, result.stderr
    assert link.is_symlink()
    assert stat.S_IMODE(real.stat().st_mode) == 0o751
    assert '"Calendar"' not in real.read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_the_summary_names_the_fixed_findings(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text(SMALL_CASE)
    result = run_cli("fix", str(path))
    assert result.stdout == f"{path}: fixed 2 findings (NYS102, NYS104)\n"


@pytest.mark.parametrize("relative", [True, False])
def test_paths_are_shown_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: bool
) -> None:
    # As check shows findings: pre-commit names files from the repository root.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "auth.py").write_text(SMALL_CASE + UNFIXABLE)
    given = "app/auth.py" if relative else str(tmp_path / "app" / "auth.py")
    result = run_cli("fix", "--isolated", given)
    assert result.stdout == f"{given}: fixed 2 findings (NYS102, NYS104)\n"
    assert result.stderr.startswith(f"nylas-scopes: warning: {given}:11:66: NYS103 ")
    checked = run_cli("check", "--isolated", given)
    assert checked.stdout.startswith(f"{given}:11:66: NYS103 ")


def test_libcst_tool_runs_the_command(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text(SMALL_CASE)
    command = [
        sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "--hide-progress",
        "-x", "flake8_nylas_scopes.codemod.FixScopesCommand",
    ]
    diff = subprocess.run([*command, "-u", "3", str(path)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300)
    assert diff.returncode == 0, diff.stderr
    assert '-        "Calendar",' in diff.stdout and path.read_text() == SMALL_CASE
    run = subprocess.run([*command, str(path)], capture_output=True, text=True, cwd=tmp_path,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert "Transformed 1 files successfully" in run.stderr
    assert path.read_text() == SMALL_CASE.replace('        "email.read_only",\n', "").replace(
        "Calendar", "calendar"
    )


def test_libcst_tool_lists_the_options(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "libcst.tool", "codemod", "-x",
         "flake8_nylas_scopes.codemod.FixScopesCommand", "--help"],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )
    assert result.returncode == 0
    assert "Rewrite Nylas OAuth scope lists to their minimal form." in result.stdout
    for option in ("--unsafe-fixes", "--select", "--ignore"):
        assert option in result.stdout


@pytest.mark.parametrize(
    "module", ["flake8_nylas_scopes.checker", "flake8_nylas_scopes.cli"]
)
def test_the_plugin_and_the_check_command_do_not_import_libcst(module: str) -> None:
    code = f"import sys, {module}; print('libcst' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.strip() == "False", result.stderr


def test_only_files_with_something_to_fix_are_parsed_with_libcst(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import libcst

    for index in range(5):
        (tmp_path / f"clean_{index}.py").write_text(
            SMALL_CASE.replace('        "email.read_only",\n', "").replace("Calendar", "calendar")
        )
    (tmp_path / "needs_fix.py").write_text(SMALL_CASE)
    parsed: list[str] = []
    real_parse = libcst.parse_module

    def counting_parse(source: str, *args: object, **kwargs: object) -> libcst.Module:
        parsed.append(source)
        return real_parse(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(libcst, "parse_module", counting_parse)
    assert run_cli("fix", str(tmp_path)).code == 1
    assert parsed == [SMALL_CASE]


def _libcst_tool(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "--hide-progress",
        "-x", "flake8_nylas_scopes.codemod.FixScopesCommand", *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=300)


def test_libcst_tool_reads_the_project_configuration(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.nylas-scopes]\nignore = ["NYS104"]\nexclude = ["vendored"]\n'
    )
    (tmp_path / "vendored").mkdir()
    for path in (tmp_path / "app.py", tmp_path / "vendored" / "lib.py"):
        path.write_text(SMALL_CASE)
    run = _libcst_tool(tmp_path, "app.py", "vendored/lib.py")
    assert run.returncode == 0, run.stderr
    # NYS104 is ignored: the redundant item stays; the capitalised one is fixed.
    assert (tmp_path / "app.py").read_text() == SMALL_CASE.replace("Calendar", "calendar")
    # The excluded directory is not touched, as check does not look at it.
    assert (tmp_path / "vendored" / "lib.py").read_text() == SMALL_CASE
    # --isolated reads no file: both are fixed as by default.
    isolated = _libcst_tool(tmp_path, "--isolated", "vendored/lib.py")
    assert isolated.returncode == 0, isolated.stderr
    assert '"email.read_only"' not in (tmp_path / "vendored" / "lib.py").read_text()


def test_libcst_tool_keeps_a_scope_the_configuration_assumes_used(tmp_path: Path) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (tmp_path / "setup.cfg").write_text("[flake8]\nnylas-assume-used = calendar\n")
    source = textwrap.dedent(
        """\
        from nylas import APIClient

        client = APIClient("id", "secret", "token")
        url = client.authentication_url("https://a/cb", scopes=["email.read_only", "calendar"])
        inbox = client.messages.all()
        """
    )
    (app / "views.py").write_text(source)
    run = _libcst_tool(tmp_path, "--unsafe-fixes", "app/views.py")
    assert run.returncode == 0, run.stderr
    assert (app / "views.py").read_text() == source
    # Without the setting the unsafe fix drops the unused scope, as check reports.
    _libcst_tool(tmp_path, "--unsafe-fixes", "--isolated", "app/views.py")
    assert '"calendar"' not in (app / "views.py").read_text()


def test_libcst_tool_reports_a_bad_configuration_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.nylas-scopes]\nassume-used = ["contact"]\n')
    (tmp_path / "app.py").write_text(SMALL_CASE)
    run = _libcst_tool(tmp_path, "app.py")
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "nylas-scopes: error: " in run.stderr and "'contacts'" in run.stderr
    assert (tmp_path / "app.py").read_text() == SMALL_CASE


# LibCST drops a form feed that starts a statement's line (not the first of its
# block): written back, the file would lose text no fix asked to change.
FORM_FEED = SMALL_CASE + "if url:\n    pass\n\x0celse:\n    pass\n"


def test_a_file_libcst_cannot_write_back_as_it_is_is_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_bytes(FORM_FEED.encode())
    result = run_cli("fix", str(path))
    assert result.code == 2
    assert path.read_bytes() == FORM_FEED.encode()
    assert result.stderr == (
        f"nylas-scopes: error: {path}: LibCST would not write line 14 back as it is "
        "(a form feed at the start of a statement, say); the file is left unchanged\n"
    )
    diff = run_cli("fix", "--diff", str(path))
    assert (diff.code, diff.stdout) == (2, "")


def test_libcst_tool_leaves_a_file_it_cannot_write_back_as_it_is(tmp_path: Path) -> None:
    fixable = tmp_path / "app.py"
    fixable.write_bytes(FORM_FEED.encode())
    # Nothing to fix here, and still LibCST would drop the form feed when it writes.
    clean = tmp_path / "clean.py"
    clean.write_bytes(b"x = 1\n\x0cy = 2\n")
    run = _libcst_tool(tmp_path, "app.py", "clean.py")
    assert run.returncode == 0, run.stderr
    assert fixable.read_bytes() == FORM_FEED.encode()
    assert clean.read_bytes() == b"x = 1\n\x0cy = 2\n"
    assert "LibCST would not write line 14 back as it is" in run.stderr


def test_a_file_saved_while_it_is_being_fixed_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An editor saves the file after the fix read it and before it writes: writing
    # the fixed old text would throw that edit away.
    from flake8_nylas_scopes.fix.fixer import Fixer

    path = tmp_path / "app.py"
    path.write_text(SMALL_CASE)
    saved = SMALL_CASE + "# saved meanwhile\n"
    run = Fixer.run

    def run_then_save(self: Fixer, *args: object, **kwargs: object) -> object:
        outcome = run(self, *args, **kwargs)  # type: ignore[arg-type]
        path.write_text(saved)
        return outcome

    monkeypatch.setattr(Fixer, "run", run_then_save)
    result = run_cli("fix", str(path))
    assert result.code == 2
    assert result.stderr == (
        f"nylas-scopes: error: {path}: changed while it was being fixed; "
        "it is left as it is now\n"
    )
    assert path.read_text() == saved


def test_a_read_only_file_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The fix replaces a file by renaming a new one over it, which a writable
    # directory allows even for a file its owner made read-only; black and ruff
    # leave such a file alone.  (The tests run as root, who may write anything:
    # the permission check is made to answer as it would for its owner.)
    path = tmp_path / "app.py"
    path.write_text(SMALL_CASE)
    path.chmod(0o444)
    access = os.access

    def owner_access(target: object, mode: int, **kwargs: object) -> bool:
        if os.fspath(target) == str(path) and mode & os.W_OK:  # type: ignore[arg-type]
            return False
        return access(target, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", owner_access)
    result = run_cli("fix", str(path))
    assert result.code == 2
    assert result.stderr == f"nylas-scopes: error: {path}: cannot write (read-only file)\n"
    assert path.read_text() == SMALL_CASE


@pytest.mark.parametrize(
    "source",
    [
        SMALL_CASE.rstrip("\n"),  # no newline at the end
        SMALL_CASE.replace("# archive and label", "# archive\u2028and\x0clabel\x1c"),
        SMALL_CASE.replace("\n", "\r"),  # classic Mac OS: one line to diff and patch
    ],
    ids=["no-final-newline", "unicode-line-breaks", "cr-only"],
)
def test_the_diff_applies_with_git_as_the_fix_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    # ``fix --diff | git apply`` must give what ``fix`` writes: lines end at "\n" only
    # (as for patch and git), and a last line without one is marked as such.
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.chdir(tmp_path)
    Path("app.py").write_bytes(source.encode())
    diff = run_cli("fix", "--diff", "app.py")
    assert diff.code == 1, diff.stderr
    Path("app.diff").write_bytes(diff.stdout.encode())
    assert run_cli("fix", "app.py").code == 1
    fixed = Path("app.py").read_bytes()
    Path("app.py").write_bytes(source.encode())
    applied = subprocess.run(["git", "apply", "app.diff"], capture_output=True, timeout=60)
    assert applied.returncode == 0, applied.stderr
    assert Path("app.py").read_bytes() == fixed


def test_diff_warnings_count_lines_as_check_does(tmp_path: Path) -> None:
    # A form feed or U+2028 in a comment ends no line for Python, whatever
    # str.splitlines says; the warning of a diff names the line check names.
    path = tmp_path / "app.py"
    path.write_text(
        "# a\u2028b\x0cc\n"
        "from nylas import APIClient\n"
        'APIClient().authentication_url("x", scopes=[\n    "calendar",\n    "calendar",\n])\n'
        'APIClient().authentication_url("x", scopes=("email.read_only" ",email.modify"))\n'
    )
    checked = run_cli("check", "--isolated", "--select", "NYS104", str(path))
    assert checked.stdout.startswith(f"{path}:7:45: NYS104 ")
    diff = run_cli("fix", "--isolated", "--diff", str(path))
    assert WARNING.findall(diff.stderr) == [(str(path), "7", "45", "NYS104")]


def test_fix_keeps_to_noqa_after_a_form_feed(tmp_path: Path) -> None:
    # A form feed in a comment ends no line: the ``# noqa`` line is the third, and
    # the fix must leave it and fix the fourth.
    duplicate = 'APIClient().authentication_url("x", scopes=["calendar", "calendar"])'
    source = (
        "# a\x0cb\nfrom nylas import APIClient\n"
        f"{duplicate}  # noqa: NYS103\n{duplicate.replace('calendar', 'contacts')}\n"
    )
    path = tmp_path / "app.py"
    path.write_text(source)
    assert run_cli("fix", "--isolated", str(path)).code == 1
    assert path.read_text() == source.replace('["contacts", "contacts"]', '["contacts"]')


def test_libcst_tool_rejects_an_empty_config_name(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from flake8_nylas_scopes.codemod import FixScopesCommand

    parser = argparse.ArgumentParser(prog="codemod")
    FixScopesCommand.add_args(parser)
    with pytest.raises(SystemExit) as exit_info:
        parser.parse_args(["--config", ""])
    assert exit_info.value.code == 2
    assert "argument --config: an empty file name" in capsys.readouterr().err


def test_a_file_and_a_symlink_to_it_are_fixed_once(tmp_path: Path) -> None:
    # Both are modules of the project, with the same findings and the same fix: the
    # second write must not take the first for someone else's edit.
    real = tmp_path / "auth.py"
    real.write_text(SMALL_CASE)
    (tmp_path / "alias.py").symlink_to(real)
    result = run_cli("fix", "--isolated", str(tmp_path))
    assert (result.code, result.stderr) == (1, "")
    assert result.stdout == f"{tmp_path / 'alias.py'}: fixed 2 findings (NYS102, NYS104)\n"
    assert '"Calendar"' not in real.read_text()
    assert (tmp_path / "alias.py").is_symlink()


UNUSED_CALENDAR = textwrap.dedent(
    """\
    from nylas import APIClient

    client = APIClient("client-id", "client-secret")
    url = client.authentication_url("https://a/cb", scopes=["email.read_only", "calendar"])


    def inbox(token):
        return APIClient("client-id", "client-secret", token).messages.all()
    """
)


def test_fix_says_how_many_unsafe_fixes_it_left_alone(tmp_path: Path) -> None:
    # Removing an unused scope changes what the app is granted: not done without
    # --unsafe-fixes, but a run that changes nothing must say why.
    (tmp_path / "pyproject.toml").write_text("")
    path = tmp_path / "app.py"
    path.write_text(UNUSED_CALENDAR)
    result = run_cli("fix", str(path))
    assert (result.code, result.stdout) == (0, "")
    assert path.read_text() == UNUSED_CALENDAR
    assert result.stderr == (
        "nylas-scopes: 1 finding has an unsafe fix (NYS303), not applied: it changes "
        "what the app is granted; review it with --diff --unsafe-fixes, apply it "
        "with --unsafe-fixes\n"
    )


def test_fix_with_unsafe_fixes_applies_them_without_the_note(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    path = tmp_path / "app.py"
    path.write_text(UNUSED_CALENDAR)
    result = run_cli("fix", "--unsafe-fixes", str(path))
    assert (result.code, result.stderr) == (1, "")
    assert '"calendar"' not in path.read_text()


def test_a_silenced_unsafe_finding_is_not_counted(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    path = tmp_path / "app.py"
    path.write_text(UNUSED_CALENDAR.replace('"calendar"])', '"calendar"])  # noqa: NYS303'))
    result = run_cli("fix", str(path))
    assert (result.code, result.stdout, result.stderr) == (0, "", "")
