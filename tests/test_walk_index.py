"""The project walk and its index of directory listings.

The walk must find what ``os.walk`` finds; the index may spare listing a directory
only while the directory's modification time says nothing was added or removed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from damaged_json import index_damages

from flake8_nylas_scopes.project import walk
from flake8_nylas_scopes.project.cache import WALK_INDEX, FactsCache
from flake8_nylas_scopes.project.project_files import project_files

AN_HOUR_AGO_NS = (1_700_000_000 * 10**9, 1_700_000_000 * 10**9)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "app"
    for directory in ("pkg", "pkg/sub", "pkg/build", "pkg/x.egg-info", "tests"):
        (root / directory).mkdir(parents=True)
    for file in ("main.py", "pkg/__init__.py", "pkg/sub/deep.py", "pkg/build/gen.py",
                 "pkg/x.egg-info/meta.py", "tests/test_main.py", "README.md", "pkg/notes.txt"):
        (root / file).write_text("x = 1\n")
    (root / "pkg" / "linked").symlink_to(root / "pkg" / "sub", target_is_directory=True)
    _age(root)
    return root


def _age(root: Path) -> None:
    """Modification times well in the past, as in a checkout nobody is editing."""
    for directory, _, _ in os.walk(root):
        os.utime(directory, ns=AN_HOUR_AGO_NS)


def _names(root: Path, paths: list[str]) -> list[str]:
    return sorted(Path(path).relative_to(root).as_posix() for path in paths)


def _counting_listings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    listed: list[str] = []
    real = walk._list

    def counting(directory: str, exclude: object) -> walk.Listing:
        listed.append(directory)
        return real(directory, exclude)  # type: ignore[arg-type]

    monkeypatch.setattr(walk, "_list", counting)
    return listed


def test_the_walk_finds_what_os_walk_finds(tree: Path) -> None:
    found = _names(tree, project_files(str(tree), ["tests"], None).linted)
    # build/ and *.egg-info are skipped, tests/ is excluded, a linked directory is
    # not followed, and only .py files count.
    assert found == ["main.py", "pkg/__init__.py", "pkg/sub/deep.py"]


def test_a_package_of_the_project_named_build_is_walked(tree: Path) -> None:
    # ``shop/build/notify.py`` is the project's own code; pkg/build/ (no
    # ``__init__.py``) stays skipped, as packaging tools' output.
    (tree / "shop" / "build").mkdir(parents=True)
    for file in ("shop/__init__.py", "shop/build/__init__.py", "shop/build/notify.py"):
        (tree / file).write_text("x = 1\n")
    found = _names(tree, project_files(str(tree), ["tests"], None).linted)
    assert found == ["main.py", "pkg/__init__.py", "pkg/sub/deep.py", "shop/__init__.py",
                     "shop/build/__init__.py", "shop/build/notify.py"]


def test_a_package_named_build_made_later_is_found(tree: Path) -> None:
    cache = FactsCache(str(tree), "")
    project_files(str(tree), [], cache)
    (tree / "pkg" / "build" / "__init__.py").write_text("")  # pkg/build's mtime moves
    assert "pkg/build/gen.py" in _names(tree, project_files(str(tree), [], cache).linted)


def test_an_unchanged_tree_is_not_listed_again(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = FactsCache(str(tree), "")
    first = project_files(str(tree), [], cache).linted
    _age(tree)  # the cache directory was just made inside the root
    project_files(str(tree), [], cache)
    listed = _counting_listings(monkeypatch)
    assert project_files(str(tree), [], cache).linted == first
    assert listed == []


def test_a_file_added_later_is_found(tree: Path) -> None:
    cache = FactsCache(str(tree), "")
    project_files(str(tree), [], cache)
    (tree / "pkg" / "sub" / "new.py").write_text("y = 2\n")  # the directory's mtime moves
    assert "pkg/sub/new.py" in _names(tree, project_files(str(tree), [], cache).linted)


def test_a_directory_changed_just_now_is_listed_again(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = FactsCache(str(tree), "")
    os.utime(tree / "pkg", None)  # now: within the clock's resolution of a later edit
    project_files(str(tree), [], cache)
    listed = _counting_listings(monkeypatch)
    project_files(str(tree), [], cache)
    assert str(tree / "pkg") in listed


def test_other_exclusions_leave_out_other_files_of_the_same_listings(tree: Path) -> None:
    cache = FactsCache(str(tree), "")
    assert "tests/test_main.py" in _names(tree, project_files(str(tree), [], cache).linted)
    found = project_files(str(tree), ["tests"], cache)
    assert "tests/test_main.py" not in _names(tree, found.linted)
    assert _names(tree, found.left_out) == ["tests/test_main.py"]


@pytest.mark.parametrize("damage", index_damages("directories"))
def test_a_broken_walk_index_is_ignored(tree: Path, damage: Callable[[str], str]) -> None:
    cache = FactsCache(str(tree), "")
    first = project_files(str(tree), [], cache).linted
    index = Path(FactsCache(str(tree), "").entries) / WALK_INDEX
    index.write_text(damage(index.read_text()))
    assert project_files(str(tree), [], cache).linted == first


def test_a_virtual_environment_of_any_name_is_not_walked(tree: Path) -> None:
    # ``python -m venv env`` puts the SDK's modules, and the scripts of every package
    # installed, inside the project: none of them is the app's code.
    for file in ("env/pyvenv.cfg", "env/bin/activate_this.py",
                 "env/lib/python3.11/site-packages/nylas/client.py",
                 "conda/lib/python3.11/site-packages/flask_nylas/auth.py"):
        (tree / file).parent.mkdir(parents=True, exist_ok=True)
        (tree / file).write_text("x = 1\n")
    found = project_files(str(tree), [], None)
    assert [path for path in found.linted + found.left_out
            if "env/" in path or "conda/" in path] == []


def test_a_directory_named_env_without_pyvenv_cfg_is_walked(tree: Path) -> None:
    (tree / "env").mkdir()
    (tree / "env" / "settings.py").write_text("x = 1\n")
    assert "env/settings.py" in _names(tree, project_files(str(tree), [], None).linted)


def test_a_copy_of_the_sdk_is_not_walked(tree: Path) -> None:
    for file in ("vendor/nylas/__init__.py", "vendor/nylas/_client_sdk_version.py",
                 "vendor/nylas/resources/messages.py"):
        (tree / file).parent.mkdir(parents=True, exist_ok=True)
        (tree / file).write_text("x = 1\n")
    found = project_files(str(tree), [], None)
    assert [path for path in found.linted + found.left_out if "vendor" in path] == []


def test_a_package_of_the_app_named_nylas_is_walked(tree: Path) -> None:
    # The app's own wrapper of the SDK, imported as ``pkg.nylas``, has no version
    # module of the SDK: its calls are the app's.
    for file in ("pkg/nylas/__init__.py", "pkg/nylas/client.py"):
        (tree / file).parent.mkdir(parents=True, exist_ok=True)
        (tree / file).write_text("x = 1\n")
    found = _names(tree, project_files(str(tree), [], None).linted)
    assert {"pkg/nylas/__init__.py", "pkg/nylas/client.py"} <= set(found)
