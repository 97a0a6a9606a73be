"""The cache's index of which files mention Nylas.

A project where no file mentions Nylas has nothing to analyse; on a warm run that is
known from the index without reading any file again.  The index must never hide an
edit: a changed file is read again, and a broken index is ignored.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from damaged_json import index_damages

from flake8_nylas_scopes.project import session as project
from flake8_nylas_scopes.project.cache import MENTIONS_INDEX, FactsCache
from flake8_nylas_scopes.settings.config import Config, default_code_filter
from flake8_nylas_scopes.project.session import analyse

REDUNDANT_REQUEST = (
    "from nylas import APIClient\n"
    "url = APIClient('id', 'secret').authentication_url(\n"
    "    'https://app.example/cb', scopes=['calendar', 'calendar.read_only'])\n"
)


@pytest.fixture
def plain_project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'plain'\n")
    package = tmp_path / "plain"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for index in range(5):
        (package / f"module_{index}.py").write_text(f"def f_{index}(x):\n    return x + {index}\n")
    return tmp_path


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = project.read_source

    def read_source(path: str) -> str:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(project, "read_source", read_source)
    return reads


def test_a_warm_run_without_nylas_reads_no_file(
    plain_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = _counting_reads(monkeypatch)
    assert analyse([str(plain_project)], Config(), default_code_filter).findings == []
    assert len(reads) == 6  # the first run reads every module once
    assert (Path(FactsCache(str(plain_project), "").entries) / MENTIONS_INDEX).is_file()
    reads.clear()
    assert analyse([str(plain_project)], Config(), default_code_filter).findings == []
    assert reads == []


def test_an_edit_that_brings_nylas_in_is_seen(plain_project: Path) -> None:
    assert analyse([str(plain_project)], Config(), default_code_filter).findings == []
    module = plain_project / "plain" / "module_3.py"
    module.write_text(module.read_text() + REDUNDANT_REQUEST)
    os.utime(module, ns=(1, 1))  # a different mtime, even on a coarse clock
    findings = analyse([str(plain_project)], Config(), default_code_filter).findings
    assert [(f.code, Path(f.span.path).name) for f in findings] == [("NYS104", "module_3.py")]


def test_an_edit_that_keeps_size_and_mtime_but_not_ctime_is_seen(
    plain_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    analyse([str(plain_project)], Config(), default_code_filter)
    module = plain_project / "plain" / "module_1.py"
    before = module.stat()
    # Same length, and the modification time put back: only the change time differs.
    text = module.read_text()
    prefix = "import nylas  # "
    module.write_text(prefix + text[len(prefix):])
    os.utime(module, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert module.stat().st_size == before.st_size
    reads = _counting_reads(monkeypatch)
    analyse([str(plain_project)], Config(), default_code_filter)
    assert str(module) in reads


@pytest.mark.parametrize("damage", index_damages("files"))
def test_a_broken_index_is_ignored(plain_project: Path, damage: Callable[[str], str]) -> None:
    analyse([str(plain_project)], Config(), default_code_filter)
    index = Path(FactsCache(str(plain_project), "").entries) / MENTIONS_INDEX
    index.write_text(damage(index.read_text()))
    module = plain_project / "plain" / "module_0.py"
    module.write_text(module.read_text() + REDUNDANT_REQUEST)
    findings = analyse([str(plain_project)], Config(), default_code_filter).findings
    assert [f.code for f in findings] == ["NYS104"]
