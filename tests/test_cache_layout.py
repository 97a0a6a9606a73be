"""What the cache keeps on disk over time.

Each build of the analyser writes into its own subdirectory of the project's cache,
named by its code fingerprint, since entries of another build are never valid for
it.  What other builds left unchanged for a week is removed when this build writes,
so upgrades do not make the cache grow without end; nothing outside the cache
directory is ever touched, links included.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from flake8_nylas_scopes.project import cache
from flake8_nylas_scopes.project.cache import (
    CACHE_DIRECTORY,
    FactsCache,
    code_fingerprint,
    package_fingerprint,
)
from flake8_nylas_scopes.settings.config import Config, default_code_filter
from flake8_nylas_scopes.project.session import analyse

NYLAS = (
    "from nylas import APIClient\n"
    "url = APIClient('id', 'secret').authentication_url(\n"
    "    'https://app.example/cb', scopes=['calendar', 'calendar'])\n"
)
EIGHT_DAYS = 8 * 24 * 3600


@pytest.fixture
def app(tmp_path: Path) -> Path:
    root = tmp_path / "app"
    root.mkdir()
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (root / "auth.py").write_text(NYLAS)
    return root


def _age(path: Path, seconds: float) -> None:
    past = time.time() - seconds
    os.utime(path, (past, past), follow_symlinks=False)


def _run(root: Path) -> None:
    assert [f.code for f in analyse([str(root)], Config(), default_code_filter).findings]


def test_entries_go_to_this_builds_subdirectory(app: Path) -> None:
    _run(app)
    cache = app / CACHE_DIRECTORY
    entries = Path(FactsCache(str(app), "").entries)
    assert entries.parent == cache and len(list(entries.glob("*.json"))) >= 2
    assert sorted(path.name for path in cache.iterdir()) == [".gitignore", entries.name]


def test_what_other_builds_left_for_a_week_is_removed(app: Path) -> None:
    cache = app / CACHE_DIRECTORY
    cache.mkdir()
    stale_build, recent_build = cache / "0123456789abcdef", cache / "fedcba9876543210"
    for build in (stale_build, recent_build):
        build.mkdir()
        (build / "entry.json").write_text("{}")
    flat = cache / ("ab" * 16 + ".json")  # an entry of the older, flat layout
    flat.write_text("{}")
    for path in (stale_build / "entry.json", stale_build, flat):
        _age(path, EIGHT_DAYS)
    _run(app)
    assert not stale_build.exists() and not flat.exists()
    assert (recent_build / "entry.json").exists()  # another build in use: kept


def test_links_in_the_cache_are_never_followed(app: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.json").write_text("{}")
    cache = app / CACHE_DIRECTORY
    cache.mkdir()
    for name in ("0123456789abcdef", "old.json"):
        link = cache / name
        link.symlink_to(outside, target_is_directory=True)
        _age(link, EIGHT_DAYS)
    _run(app)
    assert (outside / "keep.json").read_text() == "{}"
    assert sorted(path.name for path in outside.iterdir()) == ["keep.json"]


def test_this_builds_subdirectory_as_a_link_is_not_used(app: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    cache = app / CACHE_DIRECTORY
    cache.mkdir()
    Path(FactsCache(str(app), "").entries).symlink_to(outside, target_is_directory=True)
    _run(app)
    _run(app)
    assert list(outside.iterdir()) == []


def test_each_interpreter_has_its_own_entries(
    app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another Python parses differently (what is a syntax error, where nodes start):
    # neither facts nor results carry over between interpreters.
    _run(app)
    ours = Path(FactsCache(str(app), "").entries)
    code_fingerprint.cache_clear()
    monkeypatch.setattr(sys.implementation, "cache_tag", "cpython-399")
    try:
        other = Path(FactsCache(str(app), "").entries)
        assert other != ours
        _run(app)
        assert other.is_dir() and ours.is_dir()
    finally:
        code_fingerprint.cache_clear()


def test_the_code_fingerprint_covers_every_sub_package(tmp_path: Path) -> None:
    package = tmp_path / "flake8_nylas_scopes"
    shutil.copytree(Path(cache.__file__).resolve().parent.parent, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    before = package_fingerprint(str(package))
    assert package_fingerprint(str(package)) == before
    for module in sorted(package.rglob("*.py")):
        text = module.read_text(encoding="utf-8")
        module.write_text(text + "\n", encoding="utf-8")
        assert package_fingerprint(str(package)) != before, module
        module.write_text(text, encoding="utf-8")
        os.utime(module, ns=(0, 0))
        before = package_fingerprint(str(package))


def test_an_index_that_is_not_a_file_is_not_waited_on(app: Path) -> None:
    # Opening a FIFO for reading waits for a writer forever: an index replaced by one
    # (junk in the cache) must cost a rebuild, not the run.
    import subprocess

    _run(app)
    entries = Path(FactsCache(str(app), "").entries)
    for name in (cache.MENTIONS_INDEX, cache.WALK_INDEX, cache.RESULT_INDEX):
        (entries / name).unlink(missing_ok=True)
        os.mkfifo(entries / name)
    script = (
        "import sys\n"
        "from flake8_nylas_scopes.settings.config import Config, default_code_filter\n"
        "from flake8_nylas_scopes.project.session import analyse\n"
        "result = analyse([sys.argv[1]], Config(), default_code_filter, findings_only=True)\n"
        "print(sorted(finding.code for finding in result.findings))\n"
    )
    run = subprocess.run([sys.executable, "-c", script, str(app)], capture_output=True,
                         text=True, timeout=60)
    assert (run.returncode, run.stdout, run.stderr) == (0, "['NYS103']\n", "")
