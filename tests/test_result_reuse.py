"""Reusing the last judged result of a project that has not changed.

``check`` and the flake8 plugin need only findings; when no file, setting or enabled
code changed since the last run, the stored findings are the answer.  Reuse must
never hide a change: each of these tests changes one input and checks the project is
judged again, with the findings the change brings.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from damaged_json import index_damages
from tool_runs import PACKAGE_AUTH, PACKAGE_USES, write_package_app

from flake8_nylas_scopes.judging import judge
from flake8_nylas_scopes.project import reuse
from flake8_nylas_scopes.project.cache import RESULT_INDEX, FactsCache
from flake8_nylas_scopes.settings.config import Config, default_code_filter
from flake8_nylas_scopes.findings import Finding, Fix, FixAction
from flake8_nylas_scopes.project.session import ProjectSession, analyse
from flake8_nylas_scopes.spans import Span

AUTH, USES = PACKAGE_AUTH, PACKAGE_USES


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # The files are written a moment ago; outside tests such a file is never reused
    # (see test_a_file_written_a_moment_ago_is_not_reused).
    monkeypatch.setattr(reuse, "_RACY_NS", 0)
    return write_package_app(tmp_path)


def _result_index(root: Path) -> Path:
    return Path(FactsCache(str(root), "").entries) / RESULT_INDEX


def _judgements(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the projects judged (rather than reused)."""
    judged: list[int] = []
    real = judge.judge_project

    def judge_project(*args: object, **kwargs: object) -> object:
        judged.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(judge, "judge_project", judge_project)
    return judged


def _check(root: Path, config: Config = Config(),
           enabled: Callable[[str], bool] = default_code_filter) -> list[Finding]:
    return analyse([str(root)], config, enabled, findings_only=True).findings


def _codes(findings: list[Finding]) -> list[tuple[str, str]]:
    return sorted((finding.code, Path(finding.span.path).name) for finding in findings)


def test_an_unchanged_project_reuses_its_findings(
    app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    judged = _judgements(monkeypatch)
    first = _check(app)
    assert _codes(first) == [("NYS303", "auth.py")]  # calendar: requested, never used
    assert (_result_index(app)).is_file()
    again = _check(app)
    assert judged == [1]
    assert again == first  # the fix and evidence too, not only the codes


def test_findings_with_fixes_and_evidence_survive_reuse(
    app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _check(app)
    assert any(finding.fix is not None for finding in first)
    judged = _judgements(monkeypatch)
    assert _check(app) == first
    assert judged == []


def test_an_edited_module_is_judged_again(app: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _check(app)
    judged = _judgements(monkeypatch)
    views = app / "app" / "views.py"
    views.write_text(USES + "\ndef calendars():\n    return client.calendars.all()\n")
    os.utime(views, ns=(1, 1))
    # Calendars are read now: 'calendar' is needed, if broader than needed.
    assert _codes(_check(app)) == [("NYS302", "auth.py")]
    assert judged == [1]


def test_an_edit_that_leaves_every_fact_unchanged_reuses_the_findings(
    app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _check(app)
    judged = _judgements(monkeypatch)
    views = app / "app" / "views.py"
    views.write_text(USES + "\n# a comment at the end moves nothing the analysis reads\n")
    os.utime(views, ns=(1, 1))
    assert _check(app) == first
    assert judged == []
    # Kept under the file's new size and times: the next run reuses it outright.
    stored = json.loads(_result_index(app).read_text())
    assert stored["files"][str(views)][:3] == [views.stat().st_size, 1, views.stat().st_ctime_ns]
    assert _check(app) == first and judged == []


def test_a_file_just_written_is_compared_by_its_facts_and_not_kept(
    app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _check(app)
    kept = _result_index(app).read_text()
    monkeypatch.setattr(reuse, "_RACY_NS", 10**18)
    judged = _judgements(monkeypatch)
    views = app / "app" / "views.py"
    views.write_text(USES + "\n\n")
    assert _check(app) == first
    assert judged == []
    # Its next edit could keep its size and times: nothing is stored under them.
    assert _result_index(app).read_text() == kept
    views.write_text(USES.replace("messages", "calendars"))
    fresh = analyse([str(app)], Config(), default_code_filter, use_cache=False,
                    findings_only=True).findings
    assert _check(app) == fresh != first
    assert judged == [1, 1]


def test_a_new_module_is_judged_again(app: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _check(app)
    judged = _judgements(monkeypatch)
    (app / "app" / "calendars.py").write_text(
        "from app.client import client\nevents = client.events.all()\n"
    )
    assert _codes(_check(app)) == [("NYS302", "auth.py")]
    assert judged == [1]


def test_a_removed_module_is_judged_again(app: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _check(app)
    judged = _judgements(monkeypatch)
    (app / "app" / "views.py").unlink()
    # No Nylas call is left to judge the request by: the usage rules stay silent.
    assert _codes(_check(app)) == []
    assert judged == [1]


def test_a_package_made_or_unmade_is_judged_with_its_new_module_names(app: Path) -> None:
    # Adding or removing ``__init__.py`` renames every module of its directory
    # (``app.client`` or ``client``) and leaves their files as they were: their
    # cached facts, which hold the old names, must not stand for them.
    def fresh() -> list[Finding]:
        return analyse([str(app)], Config(), default_code_filter, use_cache=False,
                       findings_only=True).findings

    # The scopes come from ``app.scopes``: a list other modules' constants are read
    # from under the module's own name only.
    (app / "app" / "scopes.py").write_text("SCOPES = ['calendar', 'email.read_only']\n")
    (app / "app" / "auth.py").write_text(PACKAGE_AUTH.replace(
        "scopes=['calendar', 'email.read_only']", "scopes=SCOPES").replace(
        "from app.client import client\n", "from app.scopes import SCOPES\n"))
    first = _check(app)
    assert _codes(first) == [("NYS303", "scopes.py")]
    (app / "app" / "__init__.py").unlink()
    unpackaged = fresh()
    assert unpackaged != first
    assert _check(app) == unpackaged
    (app / "app" / "__init__.py").write_text("")
    assert _check(app) == fresh() == first


def test_other_settings_or_codes_are_judged_again(
    app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _check(app)
    judged = _judgements(monkeypatch)
    assume = Config(assume_used=("calendar",))
    assert _codes(_check(app, assume)) == []
    assert _codes(_check(app, enabled=lambda code: code != "NYS303")) == []
    assert judged == [1, 1]
    assert _codes(_check(app)) == [("NYS303", "auth.py")]


def test_a_file_written_a_moment_ago_is_not_reused(
    app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its next edit, within the clock's resolution, could keep size and times.
    monkeypatch.setattr(reuse, "_RACY_NS", 10**18)
    _check(app)
    assert not _result_index(app).exists()
    judged = _judgements(monkeypatch)
    _check(app)
    assert judged == [1]


def test_full_analyses_and_editor_buffers_are_never_reused(
    app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _check(app)
    judged = _judgements(monkeypatch)
    # The fixer needs facts and resolved state, which a stored result does not have.
    full = analyse([str(app)], Config(), default_code_filter)
    assert full.facts and full.states[0].state is not None
    auth = str(app / "app" / "auth.py")
    buffer = AUTH.replace("'calendar', ", "")
    session = ProjectSession(Config(), default_code_filter, ())
    assert session.findings_for(auth, buffer) == []
    assert judged == [1, 1]


@pytest.mark.parametrize("damage", index_damages("result"))
def test_a_damaged_result_is_judged_again(
    app: Path, monkeypatch: pytest.MonkeyPatch, damage: Callable[[str], str]
) -> None:
    first = _check(app)
    stored = _result_index(app)
    stored.write_text(damage(stored.read_text()))
    judged = _judgements(monkeypatch)
    assert _check(app) == first
    assert judged == [1]


def test_the_flake8_session_reuses_and_sees_the_same_findings(
    app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    auth = app / "app" / "auth.py"
    first = ProjectSession(Config(), default_code_filter, (), from_stdin=False)
    found = first.findings_for(str(auth), auth.read_text())
    judged = _judgements(monkeypatch)
    second = ProjectSession(Config(), default_code_filter, (), from_stdin=False)
    assert found
    assert second.findings_for(str(auth), auth.read_text()) == found
    assert judged == []


def test_a_finding_reads_back_equal_with_its_fix_and_evidence() -> None:
    span = Span("app/auth.py", 4, 39, 4, 49)
    finding = Finding(
        "NYS106", span, "legacy 'email'",
        Fix(FixAction.REPLACE, span, 1, "email", ("email.read_only", "email.send")),
        ("views.py:3 client.messages.all() -> GET /messages", "GET /messages -> email.read_only"),
    )
    assert Finding.from_json(json.loads(json.dumps(finding.to_json()))) == finding
    bare = dataclasses.replace(finding, fix=None, evidence=())
    assert Finding.from_json(json.loads(json.dumps(bare.to_json()))) == bare


# A request that does not grant a call (NYS301 names where the scopes are requested)
# and a broader scope than the calls need (NYS302 evidence names the calls).
PLACES_AUTH = (
    "from nylas import APIClient\n"
    "url = APIClient('id', 'secret').authentication_url(\n"
    "    'https://app.example/cb', scopes=['email.modify', 'contacts.read_only'])\n"
)
PLACES_USES = (
    "from app.client import client\n\n"
    "def inbox():\n    return client.messages.all()\n\n"
    "def people():\n    return client.contacts.create(name='x').save()\n"
)


def _shown(findings: list[Finding]) -> list[tuple[str, str, list[str]]]:
    return [(finding.code, finding.message, finding.evidence_for()) for finding in findings]


def test_a_result_reused_from_another_directory_prints_what_a_fresh_run_prints(
    app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (app / "app" / "auth.py").write_text(PLACES_AUTH)
    (app / "app" / "views.py").write_text(PLACES_USES)
    monkeypatch.chdir(app / "app")
    stored = _check(app)
    assert {finding.code for finding in stored} >= {"NYS301", "NYS302"}
    # From the project's own directory the places are relative to it.
    missing = next(finding for finding in stored if finding.code == "NYS301")
    assert "requested at auth.py:2 " in missing.message
    assert missing.evidence_for() == [
        "views.py:7 client.contacts.create().save() -> POST /contacts"
    ]

    monkeypatch.chdir(app)
    judged = _judgements(monkeypatch)
    reused = _check(app)
    assert judged == []  # the stored result, not a new judgement
    fresh = analyse([str(app)], Config(), default_code_filter, use_cache=False,
                    findings_only=True).findings
    assert _shown(reused) == _shown(fresh)
    missing = next(finding for finding in reused if finding.code == "NYS301")
    assert "requested at app/auth.py:2 " in missing.message
    broader = next(finding for finding in reused if finding.code == "NYS302")
    assert broader.evidence_for() == ["app/views.py:4 client.messages.all() -> GET /messages"]


TURN_TAKER = """
import sys, time
from flake8_nylas_scopes.judging import judge
from flake8_nylas_scopes.project import reuse
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import Config, default_code_filter

reuse._RACY_NS = 0
real = judge.judge_project

def judge_project(*args, **kwargs):
    with open(sys.argv[2], "a") as log:
        log.write("judged\\n")
    time.sleep(1.0)  # long enough for the other process to arrive meanwhile
    return real(*args, **kwargs)

judge.judge_project = judge_project
findings = analyse([sys.argv[1]], Config(), default_code_filter, findings_only=True).findings
print(sorted(finding.code for finding in findings))
"""


def test_processes_that_start_together_judge_the_project_once(app: Path, tmp_path: Path) -> None:
    # As flake8's --jobs workers do: the second waits for the first's stored result.
    log = tmp_path / "judged.log"
    command = [sys.executable, "-c", TURN_TAKER, str(app), str(log)]
    workers = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [worker.communicate(timeout=120)[0] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0]
    assert outputs[0] == outputs[1] == "['NYS303']\n"
    assert log.read_text().splitlines() == ["judged"]
