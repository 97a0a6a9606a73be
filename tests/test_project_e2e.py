"""Project-wide analysis through the front ends: flake8 per file, stdin, infer, cache."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_nylas_scopes.project.cache import CACHE_DIRECTORY, MENTIONS_INDEX, WALK_INDEX, FactsCache
from flake8_nylas_scopes.project.facts_packs import PACK_SUFFIX
from flake8_nylas_scopes.settings.config import Config, default_code_filter
from flake8_nylas_scopes.project.session import analyse

PROJECTS = Path(__file__).resolve().parent.parent / "fixtures" / "projects"


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=cwd, input=stdin, capture_output=True, text=True,
        timeout=120,
    )


@pytest.fixture
def drafts_app(tmp_path: Path) -> Path:
    target = tmp_path / "drafts_app"
    shutil.copytree(PROJECTS / "drafts_app", target, ignore=shutil.ignore_patterns(CACHE_DIRECTORY))
    return target


def test_flake8_on_one_file_reports_findings_that_depend_on_other_files(drafts_app: Path) -> None:
    # The scopes are requested in nylas_setup.py from a constant in config.py; the
    # calls that need more are in replies.py.  flake8 sees only replies.py.
    result = run("flake8", "--select", "NYS", "drafts/replies.py", cwd=drafts_app)
    assert [line.split(" ")[:2] for line in result.stdout.splitlines()] == [
        ["drafts/replies.py:9:9:", "NYS301"],
        ["drafts/replies.py:15:5:", "NYS301"],
    ]
    assert "'email.send'" in result.stdout.splitlines()[0]
    assert "drafts/nylas_setup.py:9" in result.stdout.splitlines()[0]


def test_flake8_on_the_constant_module_reports_the_unused_scope(drafts_app: Path) -> None:
    result = run("flake8", "--select", "NYS", "drafts/config.py", cwd=drafts_app)
    assert result.stdout.splitlines() == [
        "drafts/config.py:3:5: NYS303 'contacts' is requested but no Nylas call in the "
        "project needs it; remove it"
    ]


def test_stdin_buffer_replaces_the_file_on_disk(drafts_app: Path) -> None:
    # The editor's unsaved buffer asks for email.send: the send is no longer missing,
    # though nothing on disk changed.
    config = drafts_app / "drafts" / "config.py"
    buffer = config.read_text().replace('"contacts",  # NYS303', '"email.send", "email.drafts",')
    result = run(
        "flake8", "--select", "NYS", "--stdin-display-name", "drafts/config.py", "-",
        cwd=drafts_app, stdin=buffer,
    )
    assert result.stdout == ""
    on_disk = run("flake8", "--select", "NYS", "drafts/replies.py", cwd=drafts_app)
    assert on_disk.stdout.count("NYS301") == 2


def test_stdin_and_disk_agree_when_the_buffer_is_saved(drafts_app: Path) -> None:
    source = (drafts_app / "drafts" / "replies.py").read_text()
    from_stdin = run(
        "flake8", "--select", "NYS", "--stdin-display-name", "drafts/replies.py", "-",
        cwd=drafts_app, stdin=source,
    )
    from_disk = run("flake8", "--select", "NYS", "drafts/replies.py", cwd=drafts_app)
    assert from_stdin.stdout == from_disk.stdout != ""


def test_infer_prints_the_minimal_set_with_evidence(drafts_app: Path) -> None:
    result = run("flake8_nylas_scopes", "infer", ".", cwd=drafts_app)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Minimal scopes: email.read_only, email.drafts, email.send"
    assert (
        "    drafts/replies.py:9 draft.send() -> POST /send -> 'email.send' grants it "
        "(documented-desc, V2-9, V2-10)"
    ) in lines


def test_infer_json(drafts_app: Path) -> None:
    result = run("flake8_nylas_scopes", "infer", "--format", "json", ".", cwd=drafts_app)
    data = json.loads(result.stdout)
    [project] = data["projects"]
    assert project["scopes"] == ["email.read_only", "email.drafts", "email.send"]
    assert project["evidence"]["email.drafts"] == [
        {
            "path": "drafts/replies.py",
            "line": 15,
            "call": "draft.save()",
            "operation": "Draft.save",
            "endpoint": "POST /drafts",
            "row": "V2-8",
        }
    ]
    assert project["unresolved"] == []


def _pack_lines(root: Path) -> list[str]:
    packs = Path(FactsCache(str(root), "").entries).glob("*" + PACK_SUFFIX)
    return [line for pack in packs for line in pack.read_text().splitlines()]


def test_warm_cache_gives_the_same_findings(drafts_app: Path) -> None:
    cold = analyse([str(drafts_app)], Config(), default_code_filter)
    entries = list(Path(FactsCache(str(drafts_app), "").entries).glob("*.json"))
    assert {entry.name for entry in entries} == {MENTIONS_INDEX, WALK_INDEX}
    for entry in entries:
        json.loads(entry.read_text())  # plain JSON
    # One entry per module, each of plain JSON parts (path, key, digest, facts).
    lines = _pack_lines(drafts_app)
    assert len(lines) == len(list(drafts_app.rglob("*.py")))
    for line in lines:
        path, key, digest, facts = line.split("\t")
        assert Path(json.loads(path)).is_file()
        assert json.loads(key)["path"] == json.loads(path)
        assert len(digest) == 32 and isinstance(json.loads(facts), dict)
    warm = analyse([str(drafts_app)], Config(), default_code_filter)
    assert warm.findings == cold.findings != []


def test_corrupt_and_truncated_cache_entries_are_rebuilt(drafts_app: Path) -> None:
    cold = analyse([str(drafts_app)], Config(), default_code_filter)
    entries = sorted(Path(FactsCache(str(drafts_app), "").entries).glob("*.json"))
    for index, entry in enumerate(entries):
        text = entry.read_text()
        entry.write_text(text[: len(text) // 2] if index % 2 else "[1, 2, 3]")
    # Every other module's entry damaged, and the last one cut short.
    (pack,) = Path(FactsCache(str(drafts_app), "").entries).glob("*" + PACK_SUFFIX)
    lines = pack.read_text().splitlines()
    damaged = [
        line if index % 2 else line.replace('"flow":', '"flow":7,"x":', 1)
        for index, line in enumerate(lines)
    ]
    pack.write_text("\n".join(damaged)[:-40])
    again = analyse([str(drafts_app)], Config(), default_code_filter)
    assert again.findings == cold.findings
    assert analyse([str(drafts_app)], Config(), default_code_filter).findings == cold.findings


def test_an_edited_file_invalidates_its_entry(drafts_app: Path) -> None:
    analyse([str(drafts_app)], Config(), default_code_filter)
    config = drafts_app / "drafts" / "config.py"
    config.write_text(config.read_text().replace('"contacts",  # NYS303', '"email.send",'))
    os.utime(config, ns=(1, 1))  # a different mtime, even on a coarse clock
    codes = [f.code for f in analyse([str(drafts_app)], Config(), default_code_filter).findings]
    assert codes == ["NYS301"]  # only the draft save is still missing a scope


def test_a_cache_directory_that_is_a_symlink_is_not_followed(drafts_app: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (drafts_app / CACHE_DIRECTORY).symlink_to(outside, target_is_directory=True)
    result = analyse([str(drafts_app)], Config(), default_code_filter)
    assert [f.code for f in result.findings].count("NYS301") == 2
    assert list(outside.iterdir()) == []


def test_concurrent_runs_share_the_cache_safely(drafts_app: Path) -> None:
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "flake8", "--select", "NYS", "--jobs", "2", "."],
            cwd=drafts_app, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(3)
    ]
    outputs = [process.communicate(timeout=120)[0] for process in processes]
    assert len(set(outputs)) == 1 and "NYS303" in outputs[0]
    entries = Path(FactsCache(str(drafts_app), "").entries)
    assert list(entries.glob("*.json"))
    for entry in entries.glob("*.json"):
        json.loads(entry.read_text())
    assert not list((drafts_app / CACHE_DIRECTORY).rglob(".tmp-*"))


def test_granted_and_assumed_scopes_from_setup_cfg(drafts_app: Path) -> None:
    setup_cfg = drafts_app / "setup.cfg"
    setup_cfg.write_text(
        setup_cfg.read_text()
        + "\n[flake8]\nnylas-granted-scopes = email.send, email.drafts\n"
        + "nylas-assume-used = contacts\n"
    )
    result = run("flake8", "--select", "NYS", ".", cwd=drafts_app)
    assert result.stdout == ""
    assert result.returncode == 0
