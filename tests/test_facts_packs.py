"""The facts cache keeps many modules' entries in a few pack files.

Each run adds a pack with the entries it made; packs that pile up are joined by a
run that read every module's entry, and what they held for older texts goes.  None
of this may change a finding.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flake8_nylas_scopes.project import facts_packs
from flake8_nylas_scopes.project.cache import FactsCache
from flake8_nylas_scopes.project.facts_packs import PACK_SUFFIX, FactsPacks
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import Config, default_code_filter
from tool_runs import write_package_app



@pytest.fixture
def app(tmp_path: Path) -> Path:
    return write_package_app(tmp_path)


def _packs(root: Path) -> list[Path]:
    return sorted(Path(FactsCache(str(root), "").entries).glob("*" + PACK_SUFFIX))


def _lines(root: Path) -> list[str]:
    return [line for pack in _packs(root) for line in pack.read_text().splitlines()]


def _findings(root: Path) -> list[object]:
    return list(analyse([str(root)], Config(), default_code_filter).findings)


def _edit(path: Path, number: int) -> None:
    path.write_text(path.read_text() + f"\nedited_{number} = {number}\n")
    os.utime(path, ns=(number + 1, number + 1))


def test_a_cold_run_writes_one_pack_with_an_entry_per_module(app: Path) -> None:
    _findings(app)
    assert len(_packs(app)) == 1
    assert len(_lines(app)) == len(list(app.rglob("*.py")))


def test_packs_that_pile_up_are_joined_and_findings_stay(app: Path) -> None:
    first = _findings(app)
    views = app / "app" / "views.py"
    for number in range(3):
        _edit(views, number)
        assert _findings(app) == first
    # Each run after an edit added a pack with the edited module's entry.
    assert len(_packs(app)) == 4
    _edit(views, 9)
    assert _findings(app) == first
    # That run read every module's entry: one pack holds each module's current one.
    assert len(_packs(app)) == 1
    assert len(_lines(app)) == len(list(app.rglob("*.py")))
    assert _findings(app) == first


def test_packs_are_merged_keeping_every_entry_when_not_all_were_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(facts_packs, "_MAX_PACKS_UNMERGED", 2)
    written: list[str] = []

    def write(path: str, text: str) -> None:
        Path(path).write_text(text)
        written.append(path)

    for number, name in enumerate(('"a"', '"b"')):
        packs = FactsPacks(str(tmp_path), write)
        assert packs.get(name) is None
        packs.add(name, f"entry {number}")
        packs.flush(complete=False)
    later = FactsPacks(str(tmp_path), write)
    assert later.get('"a"') == "entry 0"
    later.add('"c"', "entry 2")
    later.flush(complete=False)
    # Two packs read: merged with the new entry into one, nothing dropped.
    (pack,) = tmp_path.glob("*" + PACK_SUFFIX)
    assert sorted(pack.read_text().splitlines()) == [
        '"a"\tentry 0', '"b"\tentry 1', '"c"\tentry 2']


def test_a_newer_pack_wins_and_a_damaged_line_is_only_a_missing_entry(tmp_path: Path) -> None:
    def write(path: str, text: str) -> None:
        Path(path).write_text(text)

    old = tmp_path / f"facts-1{PACK_SUFFIX}"
    new = tmp_path / f"facts-2{PACK_SUFFIX}"
    old.write_text('"a"\told\n"b"\tkept\n')
    new.write_text('"a"\tnew\nno tab here\n')
    os.utime(old, ns=(1, 1))
    os.utime(new, ns=(2, 2))
    packs = FactsPacks(str(tmp_path), write)
    assert packs.get('"a"') == "new"
    assert packs.get('"b"') == "kept"
    assert packs.get("no tab here") is None


def test_an_entry_nested_too_deep_to_parse_is_only_a_missing_entry(app: Path) -> None:
    # Its key still matches: only parsing the facts fails, with RecursionError.
    first = _findings(app)
    (pack,) = _packs(app)
    lines = pack.read_text().splitlines()
    name, key, digest, _ = lines[0].split("\t", 3)
    lines[0] = "\t".join([name, key, digest, "[" * 100_000 + "]" * 100_000])
    pack.write_text("\n".join(lines) + "\n")
    assert _findings(app) == first


def test_a_pack_is_not_held_in_memory_while_its_entries_are_read(tmp_path: Path) -> None:
    # A warm run reads every module's entry while the facts of the others are
    # built: only the entry asked for is in memory, never its whole pack.
    import tracemalloc

    entries = {f'"m{number}"': "x" * 20_000 for number in range(100)}
    (tmp_path / f"facts-1{PACK_SUFFIX}").write_text(
        "".join(f"{name}\t{entry}\n" for name, entry in entries.items()))
    packs = FactsPacks(str(tmp_path), lambda path, text: None)
    tracemalloc.start()
    try:
        first = packs.get('"m0"')
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert first == entries['"m0"']
    # 2 MB of entries in the pack; one entry of 20 kB and the places held.
    assert held < 200_000
    assert all(packs.get(name) == entry for name, entry in entries.items() if name != '"m0"')


def test_a_pack_replaced_while_it_is_read_gives_the_entries_it_held(tmp_path: Path) -> None:
    pack = tmp_path / f"facts-1{PACK_SUFFIX}"
    pack.write_text('"a"\tfirst a\n"b"\tfirst b\n')
    packs = FactsPacks(str(tmp_path), lambda path, text: None)
    assert packs.get('"a"') == "first a"
    # Another run joins the packs into a new one and removes this one.
    (tmp_path / f"facts-2{PACK_SUFFIX}").write_text('"b"\tsecond b\n')
    pack.unlink()
    assert packs.get('"b"') == "first b"
    assert packs.get('"c"') is None


def test_packs_are_closed_before_a_join_removes_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows removes no file a process holds open: a pack holding an entry no
    # module asked for (its module is gone) must be closed when the join removes it.
    for number in range(facts_packs._MAX_PACKS):
        pack = tmp_path / f"facts-{number}{PACK_SUFFIX}"
        pack.write_text(f'"kept{number}"\tentry\n"gone{number}"\told\n')
        os.utime(pack, ns=(number + 1, number + 1))
    written: list[str] = []
    packs = FactsPacks(str(tmp_path), lambda path, text: written.append(text))
    for number in range(facts_packs._MAX_PACKS):
        assert packs.get(f'"kept{number}"') == "entry"
        packs.used(f'"kept{number}"', "entry")
    handles = [pack.handle for pack in packs._open]
    assert len(handles) == facts_packs._MAX_PACKS
    removed: list[str] = []

    def unlink(path: str) -> None:
        assert all(handle.closed for handle in handles), "a pack is removed while open"
        removed.append(path)
        os.remove(path)

    monkeypatch.setattr(facts_packs.os, "unlink", unlink)
    packs.flush(complete=True)
    assert len(removed) == facts_packs._MAX_PACKS
    assert len(written) == 1 and "gone" not in written[0]
