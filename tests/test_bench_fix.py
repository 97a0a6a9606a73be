"""The fix benchmark runs (a tiny project, one round): it is a script users run."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT


def test_the_benchmark_reports_a_ratio() -> None:
    script = ROOT / "benchmarks" / "bench_fix.py"
    result = subprocess.run(
        [sys.executable, str(script), "--modules", "20", "--needs-fix", "0.1", "--repeat", "1"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "needing a fix: 2" in result.stdout
    assert re.search(r"^wall: check \S+s  fix \S+s  ratio \d+\.\d\d$", result.stdout, re.M)
    assert re.search(r"^cpu: check \S+s  fix \S+s  ratio \d+\.\d\d$", result.stdout, re.M)
