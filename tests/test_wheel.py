"""An installed wheel can explain every rule: the pages are package data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tool_runs import ROOT

from flake8_nylas_scopes.codes import CODES


def test_wheel_ships_every_rule_page_and_explain_works_from_it(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir",
         str(tmp_path / "dist"), str(ROOT)],
        check=True, capture_output=True, text=True, timeout=300,
    )
    (wheel,) = (tmp_path / "dist").glob("flake8_nylas_scopes-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for code in CODES:
            name = f"flake8_nylas_scopes/rule_docs/{code}.md"
            assert name in names
            assert archive.read(name) == (ROOT / "docs" / "rules" / f"{code}.md").read_bytes()
        archive.extractall(tmp_path / "site")
    # Run the unpacked wheel (not the source tree) in a clean interpreter.
    result = subprocess.run(
        [sys.executable, "-I", "-c",
         "import sys; sys.path.insert(0, sys.argv[1]); import flake8_nylas_scopes; "
         "assert flake8_nylas_scopes.__file__.startswith(sys.argv[1]), 'not the wheel'; "
         "from flake8_nylas_scopes.cli import main; sys.exit(main(['explain', 'NYS201']))",
         str(tmp_path / "site")],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (ROOT / "docs" / "rules" / "NYS201.md").read_text(encoding="utf-8")
