"""The analysis over real code (benchmarks/corpus.py): no crash, no false positive.

The standard library is checked complete.  The site-packages of the test environment
(pip, setuptools, mypy, libcst, hypothesis, pygments, ...) hold as much code again,
which would double the time, so a fixed fifth of it is checked: the sample is chosen by
a hash of each file's path, the same on every machine with the same packages
(``python benchmarks/corpus.py`` checks all of it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import corpus  # noqa: E402

SITE_PACKAGES_SHARE = 0.2


def test_standard_library_and_site_packages_sample() -> None:
    stdlib = corpus.stdlib_files()
    site = corpus.site_packages_files(SITE_PACKAGES_SHARE)
    # The corpus was found: CPython's standard library has well over a thousand modules.
    assert len(stdlib) > 1000
    assert not any("site-packages" in path for path in stdlib)
    summary = corpus.run(stdlib + site, jobs=min(2, os.cpu_count() or 1))
    assert summary.crashes == []
    assert summary.false_positives == []
    # The only refusals are the clean errors the CLI gives for bad source (the test
    # data of lib2to3 and the tokenizer tests).
    for message in summary.refused:
        assert ": syntax error: " in message or ": cannot decode (" in message, message


def test_sample_is_deterministic() -> None:
    assert corpus.site_packages_files(0.2) == corpus.site_packages_files(0.2)
    everything = corpus.site_packages_files(1.0)
    assert set(corpus.site_packages_files(0.2)) <= set(everything)


def test_false_positives_and_refusals_are_told_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Not importing nylas, yet a scope list of Nylas names on an authentication_url
    # call: the corpus counts any finding here as a false positive.
    (tmp_path / "lookalike.py").write_text(
        "portal.authentication_url('cb', scopes=['calendar', 'calendar'])\n"
    )
    (tmp_path / "broken.py").write_text("def f(:\n")
    (tmp_path / "uses.py").write_text(
        "from nylas import APIClient\n"
        "APIClient().authentication_url('cb', scopes=['calendar', 'calendar'])\n"
    )
    assert corpus.main([str(tmp_path), "--jobs", "1"]) == 1
    out = capsys.readouterr().out
    assert f"FALSE POSITIVE: {tmp_path / 'lookalike.py'}:1: NYS103" in out
    assert f"refused: {tmp_path / 'broken.py'}:1: syntax error" in out
    assert "uses.py" not in out


def test_a_crash_is_reported_with_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(corpus, "extract_module", explode)
    (tmp_path / "plain.py").write_text("x = 1\n")
    summary = corpus.run([str(tmp_path / "plain.py")])
    assert len(summary.crashes) == 1
    assert summary.crashes[0].startswith(f"{tmp_path / 'plain.py'}: RuntimeError: boom (at ")
