"""Bad input through both front ends: a clear one-line message, a defined exit code.

``nylas-scopes check`` exits 2 on unusable input, prints ``nylas-scopes: error:
<path>: <reason>`` on stderr and no traceback.  Through flake8, the plugin never fails:
what flake8 cannot read or parse it reports itself (E902, E999) and the run goes on.
Neither writes anything.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flake8_nylas_scopes.analysis.module import module_facts

from flake8_nylas_scopes.judging.module_findings import module_findings
from flake8_nylas_scopes.checker import NylasScopesChecker
from flake8_nylas_scopes.cli import main
from flake8_nylas_scopes.settings.config import Config, all_codes
from flake8_nylas_scopes.project.session import analyse

# The console script without relying on the venv's bin directory.
CLI = "import sys; from flake8_nylas_scopes.cli import main; sys.exit(main())"
DUPLICATE = "APIClient().authentication_url('https://a/cb', scopes=['calendar', 'calendar'])\n"
NYLAS = "from nylas import APIClient\n"


def tree_snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every entry under ``root`` with its size and modification time."""
    snapshot = {}
    for directory, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(directory, name)
            info = path.lstat()
            snapshot[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns)
    return snapshot


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``nylas-scopes`` in this process (an escaping exception fails the test)."""
    before = tree_snapshot(Path.cwd())
    try:
        status = main(list(args))
    except SystemExit as exit_:  # argparse exits on usage errors
        status = int(exit_.code or 0)
    captured = capsys.readouterr()
    assert tree_snapshot(Path.cwd()) == before, "the command wrote something"
    return status, captured.out, captured.err


# flake8 with only its own checks (E902, E999) and this plugin: pycodestyle would
# make the big-file test slow, and pyflakes raises RecursionError on deep trees that
# the parser accepts, which would hide whether this plugin copes with them.
ONLY_OUR_PLUGIN = (
    "import sys\n"
    "from flake8.main import cli\n"
    "from flake8.plugins import finder\n"
    "find = finder.find_plugins\n"
    "finder.find_plugins = lambda cfg, opts: [\n"
    "    p for p in find(cfg, opts) if p.package in {'flake8', 'flake8-nylas-scopes'}]\n"
    "sys.exit(cli.main(sys.argv[1:]))\n"
)


def flake8(
    cwd: Path, *args: str, isolated: bool = True, only_ours: bool = False
) -> subprocess.CompletedProcess[str]:
    before = tree_snapshot(cwd)
    options = ["--isolated", "--select", "NYS,E9"] if isolated else []
    command = ["-c", ONLY_OUR_PLUGIN] if only_ours else ["-m", "flake8"]
    result = subprocess.run(
        [sys.executable, *command, *options, *args],
        cwd=cwd, capture_output=True, text=True, timeout=120,
    )
    assert tree_snapshot(cwd) == before, "flake8 wrote something"
    return result


def assert_one_clean_error(err: str, expected: str) -> None:
    assert err.splitlines() == [f"nylas-scopes: error: {expected}"]


def assert_flake8_handled(result: subprocess.CompletedProcess[str]) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "failed during execution" not in output
    assert result.returncode in (0, 1)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- syntax errors and encodings ----------------------------------------------------------


def test_syntax_error(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "broken.py").write_text(NYLAS + "def f(:\n", encoding="utf-8")
    status, out, err = run_cli(capsys, "check", "broken.py")
    assert (status, out) == (2, "")
    assert_one_clean_error(err, "broken.py:2: syntax error: invalid syntax")
    result = flake8(workdir, "broken.py")
    assert_flake8_handled(result)
    assert result.stdout.startswith("broken.py:2:")
    assert " E999 SyntaxError" in result.stdout


@pytest.mark.parametrize(("body", "message"), [
    ("def f():\n    from os.path import *\n", "3: syntax error: import * only allowed at "
                                                 "module level"),
    ("nonlocal x\n", "2: syntax error: nonlocal declaration not allowed at module level"),
])
def test_code_the_parser_accepts_but_python_cannot_compile(
        workdir: Path, capsys: pytest.CaptureFixture[str], body: str, message: str) -> None:
    # ast.parse reads both; Python refuses them, so the module never runs.  (flake8's
    # pyflakes says F406 for the first itself: the plugin adds nothing.)
    (workdir / "scoped.py").write_text(NYLAS + body, encoding="utf-8")
    status, out, err = run_cli(capsys, "check", "scoped.py")
    assert (status, out) == (2, "")
    assert_one_clean_error(err, f"scoped.py:{message}")


def test_star_import_and_nonlocal_where_python_allows_them_are_read(
        workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Control: a star import at module level and ``nonlocal`` in a nested function.
    source = (NYLAS + "from os.path import *\n\n\ndef counter():\n    total = 0\n\n"
              "    def bump():\n        nonlocal total\n        total += 1\n    return bump\n")
    (workdir / "fine.py").write_text(source, encoding="utf-8")
    status, out, err = run_cli(capsys, "check", "fine.py")
    assert (status, out, err) == (0, "", "")


def test_latin1_with_coding_cookie_is_analysed(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = "APIClient().authentication_url('caf\xe9', scopes=['calendar', 'calendar'])\n"
    source = "# -*- coding: latin-1 -*-\n" + NYLAS + line
    (workdir / "latin.py").write_bytes(source.encode("latin-1"))
    # Columns count characters: the accented letter is one.
    column = line.index("'calendar'", line.index("'calendar'") + 1) + 1
    expected = f"latin.py:3:{column}: NYS103 'calendar' is requested twice; remove this one"
    status, out, err = run_cli(capsys, "check", "latin.py")
    assert (status, out.splitlines(), err) == (1, [expected], "")
    result = flake8(workdir, "latin.py")
    assert_flake8_handled(result)
    assert result.stdout.splitlines() == [expected]


def test_unusual_line_breaks_keep_lines_and_columns(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Python ends lines only at \n, \r\n and \r; str.splitlines also splits at form
    # feeds, \x1c, \x85, \u2028 and more, which once shifted the CLI's lines.
    request = 'APIClient().authentication_url("\xe9\xe9\xe9", scopes=["calendar", "calendar"])'
    source = (
        NYLAS + "\x0c\n" + "# a\u2028b\x1cc\x85d\x0be\n" + "x = 1\r" + request + "\r\n"
    )
    (workdir / "breaks.py").write_text(source, encoding="utf-8", newline="")
    column = request.index('"calendar"', request.index('"calendar"') + 1) + 1
    expected = [f"breaks.py:5:{column}: NYS103 'calendar' is requested twice; remove this one"]
    status, out, err = run_cli(capsys, "check", "breaks.py")
    assert (status, out.splitlines(), err) == (1, expected, "")
    result = flake8(workdir, "breaks.py")
    assert_flake8_handled(result)
    assert result.stdout.splitlines() == expected


def test_noqa_after_unusual_line_breaks(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A form feed or U+2028 inside a line ends no line for Python or flake8: the
    # ``# noqa`` below it must hide the finding of its own line, not the next one's.
    source = (
        NYLAS + "# a\x0cb\u2028c\n"
        + DUPLICATE.replace("\n", "  # noqa: NYS103\n")
        + DUPLICATE.replace("calendar", "contacts")
    )
    (workdir / "noqa.py").write_text(source, encoding="utf-8")
    column = DUPLICATE.replace("calendar", "contacts").rindex("'contacts'") + 1
    expected = [f"noqa.py:4:{column}: NYS103 'contacts' is requested twice; remove this one"]
    status, out, err = run_cli(capsys, "check", "noqa.py")
    assert (status, out.splitlines(), err) == (1, expected, "")
    result = flake8(workdir, "noqa.py")
    assert_flake8_handled(result)
    assert result.stdout.splitlines() == expected


def test_invalid_utf8_without_cookie(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "bytes.py").write_bytes((NYLAS + "NAME = 'caf\xe9'\n" + DUPLICATE).encode("latin-1"))
    status, out, err = run_cli(capsys, "check", "bytes.py")
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith("nylas-scopes: error: bytes.py: cannot decode (")
    # flake8 decodes what it cannot read as UTF-8 as latin-1 and goes on; the plugin
    # analyses what flake8 hands it.
    assert_flake8_handled(flake8(workdir, "bytes.py"))


def test_binary_file(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "blob.py").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) + b"nylas")
    status, out, err = run_cli(capsys, "check", "blob.py")
    assert (status, out) == (2, "")
    assert_one_clean_error(err, "blob.py: binary file, not Python source")
    if sys.version_info < (3, 11):
        # Python 3.10's compile() raises ValueError on a null byte, and flake8 itself
        # (building the tree before any plugin runs) does not catch it: nothing a
        # plugin can change.  The CLI's clean error above is checked everywhere.
        return
    result = flake8(workdir, "blob.py")
    assert_flake8_handled(result)
    assert " E902 " in result.stdout or " E999 " in result.stdout


def test_empty_file(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "empty.py").write_bytes(b"")
    assert run_cli(capsys, "check", "empty.py") == (0, "", "")
    result = flake8(workdir, "empty.py")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_output_the_console_cannot_encode(tmp_path: Path) -> None:
    # A file name that is not valid UTF-8 and a scope with non-ASCII letters, printed
    # to an ASCII console: escaped, never a UnicodeEncodeError.  (flake8 itself fails
    # to print such a file name, so only the CLI is checked.)
    name = os.fsencode(tmp_path) + b"/caf\xe9.py"
    with open(name, "wb") as handle:
        handle.write((NYLAS + DUPLICATE).encode())
    (tmp_path / "scopes.py").write_text(
        NYLAS + DUPLICATE.replace("'calendar', 'calendar'", "'\xe9mail.send'"), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-c", CLI, "check", "."],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "ascii:strict"},
    )
    assert (result.returncode, result.stderr) == (1, "")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("caf\\udce9.py:2:") and " NYS103 " in lines[0]
    assert lines[1].startswith("scopes.py:2:") and "\\xe9mail.send" in lines[1]


@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "--output"])
def test_reports_on_a_file_name_that_is_not_utf8(tmp_path: Path, to_file: bool) -> None:
    # The name reaches the reports as surrogate escapes.  JSON and SARIF stay valid
    # UTF-8 documents that give the name back (a JSON \\u escape, a URI of its bytes),
    # whatever the console's error handler; the text report keeps the name's bytes.
    with open(os.fsencode(tmp_path) + b"/caf\xe9.py", "wb") as handle:
        handle.write((NYLAS + DUPLICATE).encode())
    outputs = {}
    for format_ in ("text", "json", "sarif"):
        output = ["--output", f"report.{format_}"] if to_file else []
        result = subprocess.run(
            [sys.executable, "-c", CLI, "check", "--format", format_, *output, "."],
            cwd=tmp_path, capture_output=True, timeout=60,
            env={**os.environ, "PYTHONIOENCODING": "utf-8:surrogateescape"},
        )
        assert (result.returncode, result.stderr) == (1, b""), result.stderr.decode()
        outputs[format_] = (
            (tmp_path / f"report.{format_}").read_bytes() if to_file else result.stdout
        )
    assert outputs["text"].startswith(b"caf\xe9.py:2:")
    name = os.fsdecode(b"caf\xe9.py")
    report = json.loads(outputs["json"].decode("utf-8"))
    assert [finding["path"] for finding in report["findings"]] == [name]
    log = json.loads(outputs["sarif"].decode("utf-8"))
    (result,) = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "caf%E9.py"


# -- size and depth -------------------------------------------------------------------


def fifty_thousand_lines() -> str:
    block = (
        "def view_{n}(request):\n"
        "    client = APIClient(request.token)\n"
        "    messages = client.messages.where(in_='inbox', limit={n})\n"
        "    return [message.subject for message in messages]\n"
        "\n"
    )
    parts = [NYLAS]
    for n in range(10_000):
        parts.append(block.format(n=n))
    parts.append(DUPLICATE)
    return "".join(parts)


def test_fifty_thousand_line_file(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = fifty_thousand_lines()
    assert source.count("\n") > 50_000
    (workdir / "big.py").write_text(source, encoding="utf-8")
    last = source.count("\n")
    expected = f"big.py:{last}:68: NYS103 'calendar' is requested twice; remove this one"
    # The list rules only: the file's many calls also need scopes the list lacks
    # (NYS301), which is beside the point here.  Speed is measured in benchmarks/.
    tree = ast.parse(source)
    status, out, err = run_cli(capsys, "check", "--select", "NYS1", "big.py")
    assert (status, out.splitlines(), err) == (1, [expected], "")
    checker = NylasScopesChecker(tree, "big.py", source.splitlines(keepends=True))
    reports = [report for report in checker.run() if report[2].startswith("NYS1")]
    assert [(line, col + 1) for line, col, _, _ in reports] == [(last, 68)]


def test_one_long_line_of_many_items_with_accents() -> None:
    # Columns count characters, not bytes, on a non-ASCII line of many items.
    items = ", ".join(["'calendar'"] * 8000)
    source = NYLAS + f"APIClient().authentication_url('\xe9', scopes=[{items}])\n"
    facts = module_facts(ast.parse(source), "long.py", source.splitlines(keepends=True))
    findings = module_findings(facts, Config(), all_codes)
    assert len(findings) == 7999
    last = source.splitlines()[-1]
    assert findings[-1].span.col == last.rindex("'calendar'")


def test_five_thousand_nested_parentheses(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "parens.py").write_text(NYLAS + "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n")
    status, out, err = run_cli(capsys, "check", "parens.py")
    assert (status, out) == (2, "")
    assert_one_clean_error(err, "parens.py:2: syntax error: too many nested parentheses")
    result = flake8(workdir, "parens.py")
    assert_flake8_handled(result)
    assert " E999 " in result.stdout


def test_scope_list_nested_a_thousand_deep(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    value = "[" * 1000 + "'calendar'" + "]" * 1000
    (workdir / "nested.py").write_text(NYLAS + DUPLICATE.replace("['calendar', 'calendar']", value))
    status, out, err = run_cli(capsys, "check", "nested.py")
    assert (status, out) == (2, "")
    assert_one_clean_error(err, "nested.py:2: syntax error: too many nested parentheses")
    assert_flake8_handled(flake8(workdir, "nested.py"))


def test_deep_expression_the_parser_accepts(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 2,000 levels of ``+``: the parser builds the tree, deeper than the analysis's
    # recursion reaches; the file is named as one it cannot analyse, never a crash.
    value = "'calendar'" + " + ',calendar'" * 1999
    (workdir / "chain.py").write_text(NYLAS + DUPLICATE.replace("['calendar', 'calendar']", value))
    status, out, err = run_cli(capsys, "check", "chain.py")
    assert (status, out) == (2, "")
    assert_one_clean_error(err, "chain.py: cannot parse (nested too deeply: RecursionError)")
    result = flake8(workdir, "chain.py", only_ours=True)
    assert_flake8_handled(result)
    assert result.stdout == ""
    # With pyflakes present, flake8 fails on this file in pyflakes, not in this plugin.
    assert "nylas" not in flake8(workdir, "chain.py").stdout


def test_deep_expression_the_parser_rejects(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Beyond what the parser builds (RecursionError inside ``compile``).  flake8 itself
    # crashes on this file before any plugin runs, so only the CLI is checked here.
    value = "'calendar'" + " + ',calendar'" * 20_000
    (workdir / "deeper.py").write_text(NYLAS + DUPLICATE.replace("['calendar', 'calendar']", value))
    status, out, err = run_cli(capsys, "check", "deeper.py")
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith("nylas-scopes: error: deeper.py: cannot parse (nested too deeply")


# -- files that cannot be read ----------------------------------------------------------
# The tests run as root, for whom chmod 000 does not stop a read, so unreadable files
# are made of things that are not regular files: a FIFO (opening it would block
# forever), a dangling symbolic link and a directory named like a module.


def test_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.py")
    result = subprocess.run(
        [sys.executable, "-c", CLI, "check", "pipe.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == ["nylas-scopes: error: pipe.py: not a regular file"]


def test_dangling_symlink(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "gone.py").symlink_to(workdir / "nowhere.py")
    status, out, err = run_cli(capsys, "check", "gone.py")
    assert (status, out) == (2, "")
    assert_one_clean_error(err, "gone.py: cannot read (No such file or directory)")
    result = flake8(workdir, "--select", "NYS,E9", "gone.py")
    assert_flake8_handled(result)
    assert " E902 " in result.stdout


def test_dangling_symlink_inside_a_directory(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "pkg").mkdir()
    (workdir / "pkg" / "ok.py").write_text(NYLAS + DUPLICATE)
    (workdir / "pkg" / "gone.py").symlink_to(workdir / "nowhere.py")
    status, out, err = run_cli(capsys, "check", "pkg")
    # The readable file is still analysed; the unreadable one is an error.
    assert status == 2
    assert out.startswith("pkg/ok.py:2:")
    assert_one_clean_error(err, "pkg/gone.py: cannot read (No such file or directory)")


def test_fifo_named_like_a_module(workdir: Path) -> None:
    # Tests run as root, which reads any regular file: a FIFO stands for a file that
    # cannot be read (opening it would wait for a writer forever).
    os.mkfifo(workdir / "views.py")
    result = analyse(["views.py"], Config(), all_codes)
    assert [(e.path, e.message) for e in result.errors] == [
        ("views.py", "views.py: not a regular file")
    ]


def test_directory_that_cannot_be_listed(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its modules may call Nylas: skipping it without a word (as os.walk does) would
    # let the usage rules call 'calendar' unused.  (Root lists any directory: the
    # listing is made to fail as it does for other users.)
    (workdir / ".git").mkdir()
    (workdir / "app.py").write_text(NYLAS + DUPLICATE)
    (workdir / "private").mkdir()
    (workdir / "private" / "calendar.py").write_text("client.events.all()\n")
    scandir = os.scandir

    def refuse(path: object = ".") -> object:
        if os.path.basename(os.fspath(path)) == "private":  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore
        return scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refuse)
    for named in (".", "private"):
        # Not run_cli: the project (its .git) gets a cache.
        status = main(["check", "--isolated", named])
        out, err = capsys.readouterr()
        assert status == 2
        assert "NYS303" not in out
        assert err.splitlines() == [
            "nylas-scopes: error: private: cannot list the directory (Permission denied)"
        ]


def test_missing_path(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_cli(capsys, "check", "missing.py")
    assert (status, out) == (2, "")
    assert_one_clean_error(err, "missing.py: no such file or directory")
    result = flake8(workdir, "--select", "NYS,E9", "missing.py")
    assert_flake8_handled(result)
    assert " E902 " in result.stdout


@pytest.mark.parametrize("command", [["check"], ["fix", "/"], ["infer", "/"]])
def test_current_directory_removed(tmp_path: Path, command: list[str]) -> None:
    # A shell left in a directory that was deleted (a branch switch, a temporary
    # directory cleaned up): every relative path is meaningless.
    script = (
        "import os, sys\n"
        f"os.chdir({str(tmp_path / 'gone')!r}); os.rmdir(os.getcwd())\n"
        "from flake8_nylas_scopes.cli import main\n"
        f"sys.exit(main({command!r}))\n"
    )
    (tmp_path / "gone").mkdir()
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "nylas-scopes: error: the current directory cannot be used "
        "(No such file or directory)\n"
    )


# -- bad option values --------------------------------------------------------------------


def test_bad_option_value_cli(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "app.py").write_text(NYLAS + DUPLICATE)
    status, out, err = run_cli(capsys, "check", "--providers", "gmial", "app.py")
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith(
        "nylas-scopes: error: --providers: unknown provider 'gmial'; did you mean 'gmail'? "
        "(known: "
    )


def test_unknown_command_cli(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_cli(capsys, "chek", "app.py")
    assert (status, out) == (2, "")
    # argparse's convention: the usage line, then the one-line error.
    assert err.splitlines()[-1].startswith("nylas-scopes: error: argument COMMAND: invalid choice")
    assert "Traceback" not in err


@pytest.mark.parametrize("where", ["command line", "setup.cfg"])
def test_bad_option_value_flake8(workdir: Path, where: str) -> None:
    (workdir / "app.py").write_text(NYLAS + DUPLICATE)
    if where == "setup.cfg":
        (workdir / "setup.cfg").write_text("[flake8]\nnylas-providers = gmail, gmial\n")
        result = flake8(workdir, "app.py", isolated=False)
    else:
        result = flake8(workdir, "--nylas-providers", "gmial", "app.py")
    assert result.returncode == 1
    assert result.stdout.strip().splitlines()[0].startswith(
        "There was a critical error during execution of Flake8:"
    )
    assert "flake8-nylas-scopes: --nylas-providers: unknown provider 'gmial'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def _newer_syntax(line: str, newer: tuple[int, int]) -> object:
    """A case of ``line``, run only where Python older than ``newer`` rejects it."""
    version = f"{newer[0]}.{newer[1]}"
    return pytest.param(line, version, marks=pytest.mark.skipif(
        sys.version_info >= newer, reason=f"Python {version} reads this syntax"))


@pytest.mark.parametrize(("line", "version"), [
    _newer_syntax("type GrantId = str", (3, 12)),
    _newer_syntax("class Repo[T]:\n    pass", (3, 12)),
    _newer_syntax("def first[T](items: list[T]) -> T:\n    return items[0]", (3, 12)),
    # A type parameter's default (PEP 696).
    _newer_syntax("def first[T = str](items: list[T]) -> T:\n    return items[0]", (3, 13)),
    _newer_syntax("class Repo[T = int]:\n    pass", (3, 13)),
])
def test_newer_syntax_says_which_python_reads_it(
    workdir: Path, capsys: pytest.CaptureFixture[str], line: str, version: str
) -> None:
    # The parser's own words differ between Python versions ("invalid syntax" on
    # 3.10, "expected '('" on 3.11 for the same line): the message quotes them.
    with pytest.raises(SyntaxError) as parsed:
        compile(line, "repo.py", "exec")
    error = parsed.value.msg
    (workdir / "repo.py").write_text(NYLAS + line + "\n", encoding="utf-8")
    status, out, err = run_cli(capsys, "check", "repo.py")
    assert (status, out) == (2, "")
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert_one_clean_error(err, f"repo.py:2: syntax error: {error} (Python {version} syntax;"
                                f" the tool runs on Python {running})")


def test_ctrl_c_ends_quietly(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from flake8_nylas_scopes import cli

    def interrupted(argv: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run", interrupted)
    assert main(["check", "."]) == 130
    assert capsys.readouterr() == ("", "nylas-scopes: interrupted\n")
