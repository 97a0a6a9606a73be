"""A settings record copied with a change, then its scopes requested.

``PRO = dataclasses.replace(SETTINGS, scopes=[...])`` (or ``SETTINGS._replace(...)``
of a ``NamedTuple``) holds the list given for the field it changes and the original's
value of every other field.  Changes spread from a dict, a copy of a record the module
cannot read and a field the original does not say stay unresolved.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

AUTH = """\
import dataclasses
from typing import NamedTuple

from nylas import APIClient

import lib


@dataclasses.dataclass(frozen=True)
class Settings:
    scopes: list
    admin_scopes: list


class Plan(NamedTuple):
    name: str
    scopes: list


SETTINGS = Settings(scopes={base}, admin_scopes=["email.read_only", "contacts"])
BASIC = Plan("basic", ["email.read_only"])
{copy}


def login_url(uri):
    return APIClient("id", "secret").authentication_url(uri, scopes={read})


def inbox(client: APIClient):
    return [m.subject for m in client.messages.where(unread=True)]
"""

READ_EXACTLY = {
    "dataclasses.replace": ('PRO = dataclasses.replace(SETTINGS, scopes=["email.read_only", '
                            '"calendar"])', "PRO.scopes"),
    "NamedTuple._replace": ('PRO = BASIC._replace(scopes=["email.read_only", "calendar"])',
                            "PRO.scopes"),
    "a field the copy keeps": ('PRO = dataclasses.replace(SETTINGS, scopes=["email.read_only"])',
                               "PRO.admin_scopes"),
}

CAUTIOUS = {
    "changes spread from a dict": ("PRO = dataclasses.replace(SETTINGS, **lib.changes)",
                                   "PRO.scopes"),
    "a record of another module": ('PRO = dataclasses.replace(lib.SETTINGS, scopes=["calendar"])',
                                   "PRO.admin_scopes"),
    "a kept field the original does not say": (
        'PRO = dataclasses.replace(SETTINGS, admin_scopes=["email.read_only"])', "PRO.scopes"),
}


def _codes(tmp_path: Path, copy: str, read: str, base: str = '["email.read_only"]') -> list[str]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(AUTH.format(copy=copy, read=read, base=base))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted(finding.code for finding in result.findings)


@pytest.mark.parametrize("case", READ_EXACTLY.values(), ids=list(READ_EXACTLY))
def test_the_copy_holds_the_change_and_the_original_fields(
        tmp_path: Path, case: tuple[str, str]) -> None:
    copy, read = case
    # Only messages are read: ``calendar`` (the change) and ``contacts`` (kept from
    # the original) are each unused.
    assert _codes(tmp_path, copy, read) == ["NYS303"]


@pytest.mark.parametrize("case", CAUTIOUS.values(), ids=list(CAUTIOUS))
def test_a_copy_that_cannot_be_read_stays_unresolved(tmp_path: Path,
                                                     case: tuple[str, str]) -> None:
    copy, read = case
    codes = _codes(tmp_path, copy, read, base="lib.load_scopes()")
    assert "NYS304" in codes and "NYS303" not in codes and "NYS302" not in codes


# The copy keeps the original's ``admin_scopes``: one list, which code given either
# record whole may change (``contacts`` is then not known to be unused).
SHARED_AND_GIVEN = {
    "the original given in its module": (
        'PRO = dataclasses.replace(SETTINGS, scopes=["email.read_only"])\n'
        "lib.configure(SETTINGS)", "PRO.admin_scopes"),
    "the copy given, the original read": (
        'PRO = dataclasses.replace(SETTINGS, scopes=["email.read_only"])\n'
        "lib.configure(PRO)", "SETTINGS.admin_scopes"),
    "a copy of a NamedTuple given": (
        'TEAM = Plan("team", ["email.read_only", "contacts"])\n'
        'PRO = TEAM._replace(name="pro")\nlib.configure(PRO)', "TEAM.scopes"),
}


@pytest.mark.parametrize("case", SHARED_AND_GIVEN.values(), ids=list(SHARED_AND_GIVEN))
def test_a_list_a_copy_shares_with_a_record_given_away_stays_unresolved(
        tmp_path: Path, case: tuple[str, str]) -> None:
    copy, read = case
    codes = _codes(tmp_path, copy, read)
    assert "NYS304" in codes and "NYS303" not in codes


def test_a_record_given_away_in_another_module_leaves_the_shared_list_unresolved(
        tmp_path: Path) -> None:
    (tmp_path / "setup.py").write_text("import lib\n\nfrom auth import SETTINGS\n\n"
                                       "lib.configure(SETTINGS)\n")
    copy = 'PRO = dataclasses.replace(SETTINGS, scopes=["email.read_only"])'
    codes = _codes(tmp_path, copy, "PRO.admin_scopes")
    assert "NYS304" in codes and "NYS303" not in codes


def test_a_copy_with_its_own_list_stays_read_when_the_original_is_given(
        tmp_path: Path) -> None:
    # Control: the copy's ``admin_scopes`` is the list the change gives, not the
    # original's, so handing the original on leaves it read: ``contacts`` unused.
    copy = ('PRO = dataclasses.replace(SETTINGS, admin_scopes=["email.read_only", '
            '"contacts"])\nlib.configure(SETTINGS)')
    assert _codes(tmp_path, copy, "PRO.admin_scopes") == ["NYS303"]
    # Nor is a shared list changed where no record is given whole.
    shared = 'PRO = dataclasses.replace(SETTINGS, scopes=["email.read_only"])\nlib.show(1)'
    (tmp_path / "read").mkdir()
    assert _codes(tmp_path / "read", shared, "SETTINGS.admin_scopes") == ["NYS303"]


# A copy made where it is handed on, or one whose changes are spread from a dict:
# it holds the original's lists all the same.
COPY_GIVEN = {
    "a copy handed on where it is made": (
        'lib.configure(dataclasses.replace(SETTINGS, scopes=["email.read_only"]))',
        "SETTINGS.admin_scopes"),
    "a NamedTuple copy handed on in a function": (
        'TEAM = Plan("team", ["email.read_only", "contacts"])\n\n\n'
        'def setup():\n    lib.configure(TEAM._replace(name="pro"))', "TEAM.scopes"),
    "changes spread from a dict, the copy handed on": (
        "PRO = dataclasses.replace(SETTINGS, **lib.changes)\nlib.configure(PRO)",
        "SETTINGS.admin_scopes"),
}


@pytest.mark.parametrize("case", COPY_GIVEN.values(), ids=list(COPY_GIVEN))
def test_a_copy_handed_on_takes_the_original_s_lists_along(
        tmp_path: Path, case: tuple[str, str]) -> None:
    copy, read = case
    codes = _codes(tmp_path, copy, read)
    assert "NYS304" in codes and "NYS303" not in codes


def test_another_module_s_copy_handed_on_takes_the_lists_along(tmp_path: Path) -> None:
    (tmp_path / "setup.py").write_text(
        "import dataclasses\n\nimport lib\n\nfrom auth import SETTINGS\n\n"
        'lib.configure(dataclasses.replace(SETTINGS, scopes=["calendar"]))\n')
    codes = _codes(tmp_path, "", "SETTINGS.admin_scopes")
    assert "NYS304" in codes and "NYS303" not in codes


def test_a_deep_copy_handed_on_leaves_the_lists_read(tmp_path: Path) -> None:
    # Control: ``copy.deepcopy`` makes new lists; ``contacts`` stays unused.
    copy = "import copy\nlib.configure(copy.deepcopy(SETTINGS))"
    assert _codes(tmp_path, copy, "SETTINGS.admin_scopes") == ["NYS303"]


# ``copy.copy`` of another module's record makes a new record holding the same field
# values, its lists among them, as ``dataclasses.replace`` does; of a list, a new list
# of its strings.
SHALLOW_COPY_GIVEN = {
    "copy.copy of a dataclass": ("import copy\n\nimport lib\n\nfrom auth import SETTINGS\n\n"
                                 "lib.configure(copy.copy(SETTINGS))\n", "",
                                 "SETTINGS.admin_scopes"),
    "list() of a NamedTuple": ("import lib\n\nfrom auth import TEAM\n\n"
                               "lib.configure(list(TEAM))\n",
                               'TEAM = Plan("team", ["email.read_only", "contacts"])',
                               "TEAM.scopes"),
}


@pytest.mark.parametrize("case", SHALLOW_COPY_GIVEN.values(), ids=list(SHALLOW_COPY_GIVEN))
def test_another_module_s_shallow_copy_of_a_record_handed_on_takes_the_lists_along(
        tmp_path: Path, case: tuple[str, str, str]) -> None:
    # Before, the copy counted as a new container of strings: ``contacts`` was
    # claimed unused though ``configure`` may add to the shared list.
    setup, copy, read = case
    (tmp_path / "setup.py").write_text(setup)
    codes = _codes(tmp_path, copy, read)
    assert "NYS304" in codes and "NYS303" not in codes


LIST_COPY_GIVEN = {
    "copy.copy of a list": "import copy\n\nimport lib\n\nfrom auth import SCOPES\n\n"
                           "lib.configure(copy.copy(SCOPES))\n",
    "list() of a list": "import lib\n\nfrom auth import SCOPES\n\nlib.configure(list(SCOPES))\n",
    "copy.deepcopy of a list": "import copy\n\nimport lib\n\nfrom auth import SCOPES\n\n"
                                    "lib.configure(copy.deepcopy(SCOPES))\n",
}


@pytest.mark.parametrize("setup", LIST_COPY_GIVEN.values(), ids=list(LIST_COPY_GIVEN))
def test_another_module_s_list_copied_and_handed_on_stays_read(
        tmp_path: Path, setup: str) -> None:
    # Control: a new list of the same strings; ``contacts`` is still unused.
    (tmp_path / "setup.py").write_text(setup)
    assert _codes(tmp_path, 'SCOPES = ["email.read_only", "contacts"]', "SCOPES") == ["NYS303"]


def test_another_module_s_deep_copy_of_a_record_handed_on_stays_read(tmp_path: Path) -> None:
    # Control: ``copy.deepcopy`` makes new lists; ``contacts`` stays unused.
    (tmp_path / "setup.py").write_text("import copy\n\nimport lib\n\nfrom auth import SETTINGS\n\n"
                                       "lib.configure(copy.deepcopy(SETTINGS))\n")
    assert _codes(tmp_path, "", "SETTINGS.admin_scopes") == ["NYS303"]


# A record copied by a function of the project (``def clone(r): return copy.copy(r)``)
# or by pydantic's copy methods: the copy holds the original's lists all the same.
COPIED_ELSEWHERE = {
    "copy.copy in a function of the module": (
        "import copy\n\n\ndef clone(record):\n    return copy.copy(record)\n\n\n"
        "lib.configure(clone(SETTINGS))", {}),
    "dataclasses.replace in a function of the module": (
        "def staging(record):\n    return dataclasses.replace(record)\n\n\n"
        "lib.configure(staging(SETTINGS))", {}),
    "copy.copy in a function of another module": (
        "", {"setup.py": "import copy\n\nimport lib\nfrom auth import SETTINGS\n\n\n"
                         "def clone(record):\n    return copy.copy(record)\n\n\n"
                         "lib.configure(clone(SETTINGS))\n"}),
    "model_copy of another module's record": (
        "", {"setup.py": "import lib\nfrom auth import SETTINGS\n\n"
                         'lib.configure(SETTINGS.model_copy(update={"name": "pro"}))\n'}),
    "__copy__ of another module's record": (
        "", {"setup.py": "import lib\nimport auth\n\nlib.configure(auth.SETTINGS.__copy__())\n"}),
}


@pytest.mark.parametrize("case", COPIED_ELSEWHERE.values(), ids=list(COPIED_ELSEWHERE))
def test_a_record_copied_by_a_function_or_a_method_takes_the_lists_along(
        tmp_path: Path, case: tuple[str, dict[str, str]]) -> None:
    # Before, the function counted as only reading its parameter, and the method as a
    # read of another module's namespace: ``contacts`` was claimed unused though
    # ``configure`` gets the very list.
    copy, others = case
    for name, text in others.items():
        (tmp_path / name).write_text(text)
    codes = _codes(tmp_path, copy, "SETTINGS.admin_scopes")
    assert "NYS304" in codes and "NYS303" not in codes


@pytest.mark.parametrize("copy", [
    "import copy\n\n\ndef clone(record):\n    return copy.deepcopy(record)\n\n\n"
    "lib.configure(clone(SETTINGS))",
    "def widened(scopes):\n    return list(scopes)\n\n\n"
    "lib.configure(widened(SETTINGS.admin_scopes))",
], ids=["a deep copy in a function", "a list of strings copied in a function"])
def test_a_function_making_new_lists_leaves_the_record_read(tmp_path: Path, copy: str) -> None:
    # Control: ``copy.deepcopy`` makes new lists, ``list(scopes)`` a new list of
    # strings; ``contacts`` stays unused.
    assert _codes(tmp_path, copy, "SETTINGS.admin_scopes") == ["NYS303"]
