"""Snapshots of what a user reads: each fixture's findings, fixes and warnings.

Every lint fixture ``fixtures/lint/<name>.py`` has ``fixtures/lint/<name>.snap``
beside it, and every fixture project ``fixtures/projects/<name>/`` has
``fixtures/projects/<name>/expected-output.snap`` inside it.  A snapshot holds the
output of ``nylas-scopes check`` (each finding with how safe its fix is and its
evidence, from the JSON report), ``nylas-scopes fix --diff`` and ``nylas-scopes fix
--diff --unsafe-fixes``, with their warnings and exit codes, run on a fresh copy of
the fixture from the copy's root, so the paths shown are relative and the same from
wherever the tests run.  docs/snapshots.md describes the format.

A snapshot that differs from the output fails its test with a diff.  When the change
is intended, ``NYLAS_SCOPES_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py``
rewrites the snapshots (the tests then pass and warn about each file they rewrote);
read the rewritten files before committing them.

The other tests here check properties of the same outputs that hold whatever the
snapshots say: exit codes, the diffs agreeing with the fixes check offers and with
what ``fix`` writes, and no temporary directory or Python internals in any message.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fixture_expectations import options
from tool_runs import ROOT, Run, nylas_scopes

from flake8_nylas_scopes.project.cache import CACHE_DIRECTORY

# One worker runs this file: its module-scoped analyses are made once (see setup.cfg).
pytestmark = pytest.mark.xdist_group("snapshots")

LINT = ROOT / "fixtures" / "lint"
PROJECTS = ROOT / "fixtures" / "projects"
SNAPSHOT_SUFFIX = ".snap"
PROJECT_SNAPSHOT = "expected-output.snap"
UPDATE_VARIABLE = "NYLAS_SCOPES_UPDATE_SNAPSHOTS"


class SnapshotUpdated(UserWarning):
    """A snapshot was written instead of compared."""


def updating() -> bool:
    return os.environ.get(UPDATE_VARIABLE, "") not in ("", "0")


@dataclass(frozen=True)
class Case:
    """A fixture, the snapshot of its output and the options its header sets."""

    source: Path
    snapshot: Path
    arguments: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.source.relative_to(ROOT).as_posix()

    @property
    def is_project(self) -> bool:
        return self.source.is_dir()

    @property
    def target(self) -> str:
        """The path given to the commands, from the root of the copy."""
        return "." if self.is_project else self.source.name


def lint_case(path: Path) -> Case:
    parsed = options(path.read_text(encoding="utf-8"))
    # A lint fixture is read on its own, without configuration files, as the lint
    # fixture tests read it.
    arguments = ["--isolated"]
    if parsed.get("select"):
        arguments += ["--extend-select", ",".join(parsed["select"])]
    if parsed.get("providers"):
        arguments += ["--providers", ",".join(parsed["providers"])]
    return Case(path, path.with_suffix(SNAPSHOT_SUFFIX), tuple(arguments))


def project_case(directory: Path) -> Case:
    # A project is read with its own configuration files, as a user runs the tool.
    parsed: dict[str, list[str]] = {}
    for path in sorted(directory.rglob("*.py")):
        for key, values in options(path.read_text(encoding="utf-8")).items():
            parsed.setdefault(key, []).extend(values)
    arguments: list[str] = []
    if parsed.get("select"):
        arguments += ["--extend-select", ",".join(sorted(set(parsed["select"])))]
    if parsed.get("client-names"):
        arguments += ["--client-names", ",".join(sorted(set(parsed["client-names"])))]
    return Case(directory, directory / PROJECT_SNAPSHOT, tuple(arguments))


CASES = [
    *(lint_case(path) for path in sorted(LINT.glob("*.py"))),
    *(project_case(path) for path in sorted(PROJECTS.iterdir()) if path.is_dir()),
]


def case_id(case: Case) -> str:
    return case.name


def copy_fixture(case: Case, parent: Path) -> Path:
    """A copy of the fixture, its root named after it; returns that root."""
    root = parent / case.source.stem
    if case.is_project:
        shutil.copytree(
            case.source, root, ignore=shutil.ignore_patterns(CACHE_DIRECTORY, "*" + SNAPSHOT_SUFFIX)
        )
    else:
        root.mkdir()
        shutil.copy2(case.source, root / case.source.name)
        # The file is a project of its own, whatever lies above the temporary directory.
        (root / ".git").mkdir()
    return root


# --- running the commands ------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    arguments: tuple[str, ...]
    run: Run

    @property
    def shown(self) -> str:
        return " ".join(["nylas-scopes", *self.arguments])


@dataclass(frozen=True)
class Finding:
    """One finding of the JSON report, with the fields the tests read."""

    position: str  # path:line:col: CODE, as the text output and the warnings begin
    message: str
    fix: str | None  # "safe", "unsafe", or None for no fix
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Outputs:
    """Every run of one fixture, all from the root of one copy of it."""

    case: Case
    root: Path
    check: Command
    findings: tuple[Finding, ...]
    fix: Command
    unsafe_fix: Command


def run_command(root: Path, *arguments: str) -> Command:
    return Command(arguments, nylas_scopes(root, *arguments))


def report_findings(report: Any) -> tuple[Finding, ...]:
    return tuple(
        Finding(
            f"{item['path']}:{item['line']}:{item['column']}: {item['code']}",
            item["message"],
            item["fix"]["safety"] if item["fix"]["available"] else None,
            tuple(item["evidence"]),
        )
        for item in report["findings"]
    )


def run_fixture(case: Case, parent: Path) -> Outputs:
    root = copy_fixture(case, parent)
    extra = (*case.arguments, case.target)
    check = run_command(root, "check", *extra)
    report = json.loads(nylas_scopes(root, "check", "--format", "json", *extra).stdout)
    fix = run_command(root, "fix", "--diff", *extra)
    unsafe_fix = run_command(root, "fix", "--diff", "--unsafe-fixes", *extra)
    return Outputs(case, root, check, report_findings(report), fix, unsafe_fix)


Runs = Callable[[Case], Outputs]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    """The runs of a fixture, made once for all the tests of this module."""
    made: dict[Case, Outputs] = {}

    def outputs(case: Case) -> Outputs:
        if case not in made:
            made[case] = run_fixture(case, tmp_path_factory.mktemp("copy"))
        return made[case]

    return outputs


# --- rendering -----------------------------------------------------------------------


def render_command(command: Command, notes: Sequence[Sequence[str]] = ()) -> list[str]:
    lines = [f"$ {command.shown}"]
    for number, line in enumerate(command.run.stdout.splitlines()):
        lines.append(line)
        lines.extend(notes[number] if notes else ())
    if command.run.stderr:
        lines.append("[stderr]")
        lines.extend(command.run.stderr.splitlines())
    lines.append(f"[exit {command.run.returncode}]")
    return lines


def finding_notes(finding: Finding) -> list[str]:
    notes = [f"    fix: {finding.fix}"] if finding.fix else []
    return notes + [f"    evidence: {step}" for step in finding.evidence]


def render(outputs: Outputs) -> str:
    check_lines = outputs.check.run.stdout.splitlines()
    # The notes go under the findings they belong to: check prints them in the order
    # of the JSON report (a test below checks it).
    assert len(check_lines) == len(outputs.findings)
    lines = [
        f"# The output of nylas-scopes on a copy of {outputs.case.name}, run from the "
        "copy's root.",
        f"# {UPDATE_VARIABLE}=1 python -m pytest tests/test_snapshots.py rewrites this file.",
        "",
        *render_command(outputs.check, [finding_notes(f) for f in outputs.findings]),
        "",
        *render_command(outputs.fix),
        "",
    ]
    if outputs.unsafe_fix.run == outputs.fix.run:
        lines += [f"$ {outputs.unsafe_fix.shown}", "(the same output as without --unsafe-fixes)"]
    else:
        lines += render_command(outputs.unsafe_fix)
    return "\n".join(lines) + "\n"


# --- the snapshots -------------------------------------------------------------------


def compare_with_snapshot(snapshot: Path, actual: str, shown: str) -> None:
    stored = snapshot.read_text(encoding="utf-8") if snapshot.is_file() else None
    if stored == actual:
        return
    if updating():
        snapshot.write_text(actual, encoding="utf-8", newline="\n")
        warnings.warn(SnapshotUpdated(f"{shown}: snapshot written"), stacklevel=2)
        return
    if stored is None:
        pytest.fail(
            f"{shown} does not exist; {UPDATE_VARIABLE}=1 writes it (read it before "
            "committing it)",
            pytrace=False,
        )
    diff = "".join(difflib.unified_diff(
        stored.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"{shown} (stored)",
        tofile=f"{shown} (current output)",
    ))
    pytest.fail(
        f"the output differs from {shown}:\n{diff}\n"
        f"If the new output is right, {UPDATE_VARIABLE}=1 rewrites the snapshot.",
        pytrace=False,
    )


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_output_matches_snapshot(case: Case, runs: Runs) -> None:
    shown = case.snapshot.relative_to(ROOT).as_posix()
    compare_with_snapshot(case.snapshot, render(runs(case)), shown)


def test_every_snapshot_belongs_to_a_fixture() -> None:
    stored = {
        *LINT.rglob("*" + SNAPSHOT_SUFFIX),
        *PROJECTS.rglob("*" + SNAPSHOT_SUFFIX),
    }
    assert stored - {case.snapshot for case in CASES} == set()


def test_the_snapshots_hold_every_kind_of_output() -> None:
    # Guard against snapshots of nothing: fixes, warnings and evidence all show up.
    texts = [case.snapshot.read_text(encoding="utf-8") for case in CASES]
    joined = "\n".join(texts)
    assert joined.count("    fix: safe") > 20
    assert "    fix: unsafe" in joined
    assert "    evidence: " in joined
    assert "[stderr]" in joined and ": not fixed: " not in joined and " not fixed: " in joined
    assert sum("\n+++ b/" in text for text in texts) > 15
    assert sum("(the same output as without --unsafe-fixes)" not in t for t in texts) > 5


def test_an_outdated_snapshot_fails_with_a_diff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(UPDATE_VARIABLE, raising=False)
    snapshot = tmp_path / "case.snap"
    snapshot.write_text("a\nb\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception) as failed:
        compare_with_snapshot(snapshot, "a\nc\n", "case.snap")
    assert "-b\n+c\n" in str(failed.value)
    assert UPDATE_VARIABLE in str(failed.value)
    assert snapshot.read_text(encoding="utf-8") == "a\nb\n"
    with pytest.raises(pytest.fail.Exception, match="does not exist"):
        compare_with_snapshot(tmp_path / "missing.snap", "a\n", "missing.snap")


def test_the_update_variable_rewrites_and_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(UPDATE_VARIABLE, "1")
    snapshot = tmp_path / "case.snap"
    with pytest.warns(SnapshotUpdated, match="case.snap: snapshot written"):
        compare_with_snapshot(snapshot, "new\n", "case.snap")
    assert snapshot.read_text(encoding="utf-8") == "new\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compare_with_snapshot(snapshot, "new\n", "case.snap")  # unchanged: no warning


# --- properties of the same outputs --------------------------------------------------

# Known defects, each shown by the cases named.  The markers are strict: once the
# defect is gone the test passes, and the marker has to go.
KNOWN: dict[str, dict[str, pytest.MarkDecorator]] = {}


def cases_for(test: str) -> list[Any]:
    known = KNOWN.get(test, {})
    return [
        pytest.param(case, id=case_id(case), marks=[known[case.name]] if case.name in known else [])
        for case in CASES
    ]


def test_the_known_defects_name_existing_cases() -> None:
    names = {case.name for case in CASES}
    assert {name for known in KNOWN.values() for name in known} <= names


def message_lines(outputs: Outputs) -> list[str]:
    """What the commands say, diffs left out."""
    return [
        *outputs.check.run.stdout.splitlines(),
        *outputs.check.run.stderr.splitlines(),
        *outputs.fix.run.stderr.splitlines(),
        *outputs.unsafe_fix.run.stderr.splitlines(),
        *(step for finding in outputs.findings for step in finding.evidence),
    ]


def named_paths(outputs: Outputs) -> list[str]:
    """Every path the output names: of findings, warnings, evidence and diff headers."""
    paths = [line.split(":")[0] for line in outputs.check.run.stdout.splitlines()]
    paths += [finding.position.split(":")[0] for finding in outputs.findings]
    paths += [
        match.group(1) for finding in outputs.findings for step in finding.evidence
        # A step is a call ("path:line call -> endpoint") or a count of the calls left out.
        if (match := re.match(r"(\S+):\d+ ", step))
    ]
    for command in (outputs.fix, outputs.unsafe_fix):
        paths += [match.group(1).split(":")[0] for match in map(WARNING.match,
                  command.run.stderr.splitlines()) if match]
        paths += [line[6:] for line in command.run.stdout.splitlines()
                  if line.startswith(("--- a/", "+++ b/"))]
    return paths


def message_problems(line: str) -> list[str]:
    problems = []
    if re.search(r"\b(ast\.\w+|Attribute|Subscript|JoinedStr|BinOp|Starred|NoneType|None)\b",
                 line) or re.search(r"<\w[\w.]* (object )?at 0x|\bcst\.", line):
        problems.append("Python internals")
    if re.search(r"(^|[\s(])\(\)|\)\(\)", line):
        problems.append("a call without a name, or shown with two pairs of parentheses")
    if re.search(r"\b1 (more )?(calls|scopes|findings|files)\b", line):
        problems.append("a plural after 1")
    # NYS102 names the empty item it is about; nothing else should quote an empty name.
    if "''" in line.replace("NYS102 '' is empty", ""):
        problems.append("an empty name")
    return problems


@pytest.mark.parametrize("case", cases_for("test_messages_read_well"))
def test_messages_read_well(case: Case, runs: Runs) -> None:
    outputs = runs(case)
    for line in message_lines(outputs):
        # No temporary directory: paths are named from the root of the copy.
        assert outputs.root.parent.name not in line, line
        assert message_problems(line) == [], line
    for path in named_paths(outputs):
        assert path and not os.path.isabs(path) and ".." not in Path(path).parts, path
        assert (outputs.root / path).is_file(), path


def test_the_message_checks_find_what_they_look_for() -> None:
    assert message_problems("a.py:1:1: NYS304 x is passed to pool.submit()(); usage") != []
    assert message_problems("a.py:1:1: NYS301 <ast.Call object at 0x7f> needs it") != []
    assert message_problems("a.py:1:1: NYS304 Attribute is passed to f()") != []
    assert message_problems("a.py:1:1: NYS301 () (GET /messages) needs 'email.read_only'") != []
    assert message_problems("a.py:1:1: NYS304 '' is passed to f()") != []
    assert message_problems("... and 1 more calls") != []
    assert message_problems("... and 2 more calls") == []
    assert message_problems("a.py:1:1: NYS102 '' is empty; write nothing (remove it)") == []
    assert message_problems("a.py:1:1: NYS301 msg.send() (POST /send) needs 'email.send'") == []


UNSAFE_NOTE = re.compile(r"^nylas-scopes: \d+ findings? ha(s an|ve) unsafe fix(es)? \(NYS")
WARNING = re.compile(r"^nylas-scopes: warning: (\S+:\d+:\d+: NYS\d{3}) not fixed: \S")


def warned(command: Command) -> set[str]:
    """``path:line:col: CODE`` of the findings a fix run says it did not fix."""
    matches = map(WARNING.match, command.run.stderr.splitlines())
    return {match.group(1) for match in matches if match}


@pytest.mark.parametrize("case", cases_for("test_fix_warnings_name_findings_check_reports"))
def test_fix_warnings_name_findings_check_reports(case: Case, runs: Runs) -> None:
    outputs = runs(case)
    reported = {finding.position for finding in outputs.findings}
    for command in (outputs.fix, outputs.unsafe_fix):
        for line in command.run.stderr.splitlines():
            assert WARNING.match(line) or (
                command is outputs.fix and UNSAFE_NOTE.match(line)), line
        assert warned(command) <= reported, command.shown
    # The note counts the findings check offers an unsafe fix for.
    unsafe = [finding for finding in outputs.findings if finding.fix == "unsafe"]
    notes = [line for line in outputs.fix.run.stderr.splitlines() if UNSAFE_NOTE.match(line)]
    assert [int(line.split()[1]) for line in notes] == ([len(unsafe)] if unsafe else [])


def fixable(outputs: Outputs, unsafe: bool) -> set[str]:
    """``path:line:col: CODE`` of the findings whose fix the mode applies."""
    wanted = {"safe", "unsafe"} if unsafe else {"safe"}
    return {finding.position for finding in outputs.findings if finding.fix in wanted}


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_check_agrees_with_its_json_report(case: Case, runs: Runs) -> None:
    outputs = runs(case)
    assert outputs.check.run.stderr == ""
    assert outputs.check.run.returncode == (1 if outputs.findings else 0)
    assert outputs.check.run.stdout.splitlines() == [
        f"{finding.position} {finding.message}" for finding in outputs.findings
    ]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_the_diffs_come_from_the_fixes_check_offers(case: Case, runs: Runs) -> None:
    outputs = runs(case)
    for command, unsafe in ((outputs.fix, False), (outputs.unsafe_fix, True)):
        diff = command.run.stdout
        assert command.run.returncode == (1 if diff else 0), command.shown
        offered = fixable(outputs, unsafe)
        # A change needs a finding with a fix of that safety; such a finding changes
        # the file unless a warning says why not.
        if diff:
            assert offered, command.shown
        # A fix check offers is one this run applies: it never warns that it left one
        # (a refused fix is not offered, the reason says where to fix it by hand).
        assert offered & warned(command) == set(), command.shown
        if offered:
            assert diff, command.shown
        # An offered fix of an item edits the file the item is in (not always its
        # line: two fixes of one list may settle as one edit, NYS102 + NYS103).
        edited = {path for path, _ in edited_lines(diff)}
        for position in offered:
            if position.rsplit(" ", 1)[1] in ITEM_FIXES:
                assert position.split(":")[0] in edited, (position, command.shown)
    if fixable(outputs, True) == fixable(outputs, False):
        # The same edits; --unsafe-fixes may still warn about an unsafe fix it refuses
        # (and that check therefore does not offer).
        safe_run, unsafe_run = outputs.fix.run, outputs.unsafe_fix.run
        assert (unsafe_run.returncode, unsafe_run.stdout) == (safe_run.returncode, safe_run.stdout)


# Rules whose fix edits the scope item the finding points at (the others add to a
# list, insert a scopes argument or wrap a string, where the request is).
ITEM_FIXES = frozenset({"NYS101", "NYS102", "NYS103", "NYS104", "NYS106", "NYS201",
                        "NYS205", "NYS302", "NYS303", "NYS401", "NYS403", "NYS405"})
HUNK = re.compile(r"^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@")


def edited_lines(diff: str) -> set[tuple[str, int]]:
    """``(path, line)`` of each line of the files before the fix that a diff changes."""
    edited: set[tuple[str, int]] = set()
    path, line = "", 0
    for text in diff.splitlines():
        if text.startswith("--- a/"):
            path = text[len("--- a/"):]
        elif text.startswith("+++ "):
            continue
        elif match := HUNK.match(text):
            line = int(match.group(1))
        elif text.startswith("-"):
            edited.add((path, line))
            line += 1
        elif text.startswith(" "):
            line += 1
    return edited


def test_edited_lines_reads_a_diff() -> None:
    diff = ("--- a/app/auth.py\n+++ b/app/auth.py\n@@ -3,4 +3,3 @@\n a\n-b\n+c\n d\n"
            "-e\n--- a/x.py\n+++ b/x.py\n@@ -10 +10 @@\n-f\n+g\n")
    assert edited_lines(diff) == {("app/auth.py", 4), ("app/auth.py", 6), ("x.py", 10)}


def diff_of_tree(before: Path, after: Path) -> str:
    """The unified diff ``fix --diff`` prints, computed from two copies of a tree."""
    lines: list[str] = []
    for path in sorted(after.rglob("*.py")):
        name = path.relative_to(after).as_posix()
        old = (before / name).read_text(encoding="utf-8").splitlines(keepends=True)
        new = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines += difflib.unified_diff(old, new, fromfile=f"a/{name}", tofile=f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_the_diff_is_what_fix_writes(case: Case, unsafe: bool, runs: Runs, tmp_path: Path) -> None:
    outputs = runs(case)
    shown = outputs.unsafe_fix if unsafe else outputs.fix
    root = copy_fixture(case, tmp_path)
    mode = ("--unsafe-fixes",) if unsafe else ()
    written = nylas_scopes(root, "fix", *mode, *case.arguments, case.target)
    assert written.returncode == shown.run.returncode
    # The same warnings, each naming its line in the file as written (with --diff, in
    # the file as it is): a finding fix leaves is reported there by check.
    assert len(written.stderr.splitlines()) == len(shown.run.stderr.splitlines())
    after = nylas_scopes(root, "check", *case.arguments, case.target).stdout
    # Besides the warnings, at most one line: how many unsafe fixes were left alone,
    # the same with --diff as when writing, and never with --unsafe-fixes.
    notes = [line for line in written.stderr.splitlines() if not WARNING.match(line)]
    assert notes == [line for line in shown.run.stderr.splitlines() if not WARNING.match(line)]
    assert len(notes) <= 1 and all(UNSAFE_NOTE.match(line) for line in notes)
    assert not (unsafe and notes)
    for line in written.stderr.splitlines():
        match = WARNING.match(line)
        if not match:
            continue
        position, code = match.group(1).rsplit(": ", 1)
        assert f"{position}: {code} " in after, (line, after)
    assert diff_of_tree(outputs.root, root) == shown.run.stdout
    changed = [line[len("+++ b/"):] for line in shown.run.stdout.splitlines()
               if line.startswith("+++ b/")]
    assert [line.split(": fixed ")[0] for line in written.stdout.splitlines()] == changed
    # Fixing again changes nothing more.
    again = nylas_scopes(root, "fix", "--diff", *mode, *case.arguments, case.target)
    assert (again.returncode, again.stdout) == (0, "")
