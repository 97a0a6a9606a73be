"""The fix command on the bundled example app, end to end."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from flake8_nylas_scopes.project.cache import CACHE_DIRECTORY

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

EXPECTED_DIFF = '''\
--- a/mailapp/mailapp/config.py
+++ b/mailapp/mailapp/config.py
@@ -20,11 +20,8 @@
 # Scopes requested from every user at sign-in (see auth.login).
 NYLAS_SCOPES = [
     "email.modify",
-    "email.read_only",
-    "email.metadata",
     "email.send",
     "email.drafts",
     "calendar.read_only",
-    "calendar.read_only",
     "contacts",
 ]
'''


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_fix_diff_then_fix_leaves_only_findings_without_a_safe_fix(tmp_path: Path) -> None:
    # The API v2 app only: examples/v3app has fixes of its own (see test_v3_requests).
    app = tmp_path / "examples"
    shutil.copytree(EXAMPLES / "mailapp", app / "mailapp",
                    ignore=shutil.ignore_patterns(CACHE_DIRECTORY))
    before = (app / "mailapp" / "mailapp" / "config.py").read_text()

    diff = run(app, "flake8_nylas_scopes", "fix", "--diff", ".")
    assert diff.returncode == 1
    assert diff.stdout == EXPECTED_DIFF
    assert (app / "mailapp" / "mailapp" / "config.py").read_text() == before

    fixed = run(app, "flake8_nylas_scopes", "fix", ".")
    assert fixed.returncode == 1
    lint = run(app, "flake8", "--select", "NYS", ".")
    assert [line.split(": ")[1].split(" ")[0] for line in lint.stdout.splitlines()] == [
        "NYS105",  # no safe fix: the inferred list is an unsafe fix
        "NYS303",  # unused 'contacts': an unsafe fix
    ]
    assert run(app, "flake8_nylas_scopes", "fix", ".").returncode == 0
