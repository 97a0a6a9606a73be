"""``nylas-scopes infer`` with uses the analysis cannot follow: the inferred set is then
only a lower bound, and the output says so in text and JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tool_runs import ROOT, json_field_names, nylas_scopes

from flake8_nylas_scopes.settings.config import Config, all_codes
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.judging.resolver import UnresolvedUse

AUTH = (
    "from nylas import APIClient\n"
    'URL = APIClient("id", "secret").authentication_url("https://a/cb", '
    'scopes=["email.read_only"])\n'
)
# The client handed to a module the analysis cannot see may be used in any way.
JOBS_ESCAPING = (
    "import third_party\n"
    "from nylas import APIClient\n"
    "\n"
    'client = APIClient("id", "secret", "tok")\n'
    "third_party.process(client)\n"
    "client.messages.all()\n"
)
JOBS_RESOLVED = (
    "from nylas import APIClient\n"
    "\n"
    'client = APIClient("id", "secret", "tok")\n'
    "client.messages.all()\n"
)
EVIDENCE = (
    "    jobs.py:{line} client.messages.all() -> GET /messages -> 'email.read_only' grants it "
    "(documented-desc, V2-1, V2-2)"
)


def make_project(root: Path, **files: str) -> Path:
    (root / "pyproject.toml").write_text("")  # one project for every module
    for name, text in files.items():
        (root / f"{name}.py").write_text(text)
    return root


def infer_json(root: Path) -> dict[str, Any]:
    result = nylas_scopes(root, "infer", "--format", "json", ".")
    assert result.returncode == 0, result.stderr
    [project] = json.loads(result.stdout)["projects"]
    assert isinstance(project, dict)
    return project


def engine_unresolved(root: Path) -> list[UnresolvedUse]:
    """The unresolved uses as the analysis reports them, whose words infer shows."""
    [project] = analyse([str(root)], Config(), all_codes, use_cache=False).states
    assert project.state is not None
    return list(project.state.unresolved)


def test_infer_text_says_the_minimal_set_is_unknown(tmp_path: Path) -> None:
    make_project(tmp_path, auth=AUTH, jobs=JOBS_ESCAPING)
    result = nylas_scopes(tmp_path, "infer", ".")
    assert (result.returncode, result.stderr) == (0, "")
    [use] = engine_unresolved(tmp_path)
    assert result.stdout.splitlines() == [
        "Minimal scopes: unknown (the analysis could not follow 1 use of Nylas values; "
        "at least: email.read_only)",
        "  email.read_only",
        EVIDENCE.format(line=6),
        "Could not follow:",
        f"  jobs.py:5 {use.reason}",  # the analysis's words, as they are
    ]


def test_infer_json_is_incomplete_with_the_unresolved_uses(tmp_path: Path) -> None:
    make_project(tmp_path, auth=AUTH, jobs=JOBS_ESCAPING)
    project = infer_json(tmp_path)
    assert project["complete"] is False
    assert project["scopes"] == ["email.read_only"]  # a lower bound
    assert [use["line"] for use in project["evidence"]["email.read_only"]] == [6]
    [use] = engine_unresolved(tmp_path)
    assert "third_party.process()" in use.reason
    assert project["unresolved"] == [
        {"path": "jobs.py", "line": 5, "column": 1, "reason": use.reason, "scopes": None}
    ]


def test_infer_resolved_project_keeps_the_plain_answer(tmp_path: Path) -> None:
    make_project(tmp_path, auth=AUTH, jobs=JOBS_RESOLVED)
    result = nylas_scopes(tmp_path, "infer", ".")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "Minimal scopes: email.read_only",
        "  email.read_only",
        EVIDENCE.format(line=4),
    ]
    project = infer_json(tmp_path)
    assert project["complete"] is True
    assert project["scopes"] == ["email.read_only"]
    assert project["unresolved"] == []


def test_infer_without_calls_keeps_the_plain_answer(tmp_path: Path) -> None:
    # A project that requests scopes and makes no call (a login service handing its
    # grants on): "none" comes with why its requests are left alone, so that it is
    # not read as advice to drop them.  The JSON stays as it was.
    make_project(tmp_path, auth=AUTH)
    result = nylas_scopes(tmp_path, "infer", ".")
    assert result.stdout == (
        "Minimal scopes: (none: no Nylas call needs one)\n"
        "  (no Nylas call of this project needs a scope; the scopes it requests are not "
        "reported unused, since other code given its grants may need them)\n")
    project = infer_json(tmp_path)
    assert (project["complete"], project["scopes"]) == (True, [])


def test_infer_unreadable_scope_request_is_incomplete(tmp_path: Path) -> None:
    auth = (
        "import settings_service\n"
        "from nylas import APIClient\n"
        'URL = APIClient("id", "secret").authentication_url(\n'
        '    "https://a/cb", scopes=settings_service.scopes())\n'
    )
    make_project(tmp_path, auth=auth, jobs=JOBS_RESOLVED)
    project = infer_json(tmp_path)
    assert project["complete"] is False
    [site] = project["unresolved"]
    assert (site["path"], site["line"], site["scopes"]) == ("auth.py", 3, None)
    assert site["reason"].startswith("cannot follow the scopes: ")
    text = nylas_scopes(tmp_path, "infer", ".").stdout.splitlines()
    # A request it cannot read is no use of a Nylas value: the headline says which.
    assert text[0] == (
        "Minimal scopes: unknown (the analysis could not read 1 scope request; "
        "at least: email.read_only)"
    )
    assert f"  auth.py:3 {site['reason']}" in text


def test_infer_headline_counts_unread_requests_apart_from_uses(tmp_path: Path) -> None:
    auth = (
        "import settings_service\n"
        "from nylas import APIClient\n"
        'URL = APIClient("id", "secret").authentication_url(\n'
        '    "https://a/cb", scopes=settings_service.scopes())\n'
    )
    make_project(tmp_path, auth=auth, jobs=JOBS_ESCAPING)
    lines = nylas_scopes(tmp_path, "infer", ".").stdout.splitlines()
    assert lines[0].startswith(
        "Minimal scopes: unknown (the analysis could not follow 1 use of Nylas values "
        "or read 1 scope request"
    )


def test_infer_unreadable_file_is_incomplete_and_exits_2(tmp_path: Path) -> None:
    make_project(tmp_path, auth=AUTH, jobs=JOBS_RESOLVED, broken="import nylas\ndef f(:\n")
    result = nylas_scopes(tmp_path, "infer", ".")
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Minimal scopes: unknown (the analysis could not follow 1 use of Nylas values; "
        "at least: email.read_only)"
    )
    assert lines[lines.index("Could not follow:") + 1].startswith("  broken.py:1 ")


def test_infer_unknown_without_any_inferred_scope(tmp_path: Path) -> None:
    jobs = (
        "import third_party\n"
        "from nylas import APIClient\n"
        'third_party.process(APIClient("id", "secret", "tok"))\n'
    )
    make_project(tmp_path, auth=AUTH, jobs=jobs)
    lines = nylas_scopes(tmp_path, "infer", ".").stdout.splitlines()
    assert lines[0] == (
        "Minimal scopes: unknown (the analysis could not follow 1 use of Nylas values)"
    )
    assert lines[1] == "Could not follow:"
    assert lines[2].startswith("  jobs.py:3 ")


def test_infer_documented_fields_are_the_emitted_fields(tmp_path: Path) -> None:
    # An API v3 call too, for the fields of each provider's set.
    make_project(tmp_path, auth=AUTH, jobs=JOBS_ESCAPING,
                 v3=("from nylas import Client\nnylas = Client('key')\n"
                     "nylas.messages.send('grant', request_body={})\n"))
    result = nylas_scopes(tmp_path, "infer", "--format", "json", ".")
    assert json.loads(result.stdout)["projects"][0]["providers"][0]["evidence"]
    page = (ROOT / "docs" / "json-output.md").read_text(encoding="utf-8")
    section = page.split("\n## `nylas-scopes infer`")[1].split("\n## ")[0]
    documented = set(re.findall(r"^- `([a-z_.<>\[\]]+)` ", section, re.MULTILINE))
    assert json_field_names(json.loads(result.stdout)) == documented


def _service(root: Path, name: str, scopes: str, call: str) -> None:
    (root / name / "src").mkdir(parents=True)
    (root / name / "pyproject.toml").write_text(f"[project]\nname = '{name}'\n")
    (root / name / "src" / "app.py").write_text(
        "from nylas import APIClient\n"
        "client = APIClient('id', 'secret', 'token')\n"
        f"url = client.authentication_url('https://a/cb', scopes=[{scopes!r}])\n"
        f"items = client.{call}()\n"
    )


def test_infer_over_a_monorepo_names_each_project(tmp_path: Path) -> None:
    _service(tmp_path, "mail", "email.read_only", "messages.all")
    _service(tmp_path, "calendar", "calendar", "events.all")
    text = nylas_scopes(tmp_path, "infer", ".")
    assert text.returncode == 0, text.stderr
    blocks = text.stdout.split("\n\n")
    assert [block.splitlines()[:2] for block in blocks] == [
        ["Project calendar:", "Minimal scopes: calendar.read_only"],
        ["Project mail:", "Minimal scopes: email.read_only"],
    ]
    data = json.loads(nylas_scopes(tmp_path, "infer", "--format", "json", ".").stdout)
    assert [(p["root"], p["scopes"]) for p in data["projects"]] == [
        ("calendar", ["calendar.read_only"]), ("mail", ["email.read_only"]),
    ]
    # One project: its block needs no name, as before.
    single = nylas_scopes(tmp_path, "infer", "mail")
    assert single.stdout.startswith("Minimal scopes: email.read_only\n")


def test_infer_json_is_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    # Sets of scopes iterate in an order that depends on PYTHONHASHSEED; the output
    # must not (CI diffs and snapshots compare it byte for byte).
    import os
    import shutil
    import subprocess
    import sys

    from flake8_nylas_scopes.project.cache import CACHE_DIRECTORY

    project = tmp_path / "app"
    shutil.copytree(ROOT / "fixtures" / "projects" / "v3_usage_app", project)
    outputs = set()
    for seed in ("0", "1", "7"):
        # Each run judges afresh: a result reused from the last run would hide it.
        shutil.rmtree(project / CACHE_DIRECTORY, ignore_errors=True)
        completed = subprocess.run(
            [sys.executable, "-m", "flake8_nylas_scopes", "infer", "--format", "json",
             str(project)],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed},
            check=False,
        )
        assert completed.returncode in (0, 1), completed.stderr
        outputs.add(completed.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["projects"][0]["providers"]


V2_REPLY = (
    "import requests\n"
    "\n"
    "\n"
    "def reply(token, message_id):\n"
    '    requests.post("https://api.nylas.com/send",\n'
    '                  json={"reply_to_message_id": message_id, "body": "ok"},\n'
    '                  headers={"Authorization": f"Bearer {token}"})\n'
)
V3_REQUEST = (
    "from nylas import Client\n"
    "\n"
    'nylas = Client("key")\n'
    'URL = nylas.auth.url_for_oauth2({"client_id": "id", "provider": "google",\n'
    '                                 "redirect_uri": "https://a/cb",\n'
    '                                 "scope": ["https://www.googleapis.com/auth/gmail.send"]})\n'
)


def test_a_v2_app_naming_a_reply_gets_no_v3_sections(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "auth.py").write_text(AUTH)
    (tmp_path / "mail.py").write_text(V2_REPLY)
    output = nylas_scopes(tmp_path, "infer", ".").stdout
    # ``email.read_only``, which no call needs, is kept beside ``email.send`` for
    # Gmail's threading, as check keeps it (no NYS303 on it).
    assert output.startswith("Minimal scopes: email.read_only, email.send\n"), output
    assert "API v3" not in output


def test_a_v3_request_keeps_the_reply_of_its_provider(tmp_path: Path) -> None:
    # The control: with a Google request, the reply is a use of Google's scopes.
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "auth.py").write_text(V3_REQUEST)
    (tmp_path / "mail.py").write_text(V2_REPLY)
    output = nylas_scopes(tmp_path, "infer", ".").stdout
    assert "Google (API v3) minimal scopes" in output
    assert "'reply_to_message_id' argument" in output
