"""Records and lists a module-level container holds, changed through the container.

``PLANS = [BASIC]`` holds the very record ``BASIC``: code of another module handed
``PLANS``, or a shallow copy of it (``list(PLANS)``, or ``clone(PLANS)`` of a project
function returning ``list(plans)``), gets ``BASIC`` and may change ``BASIC.scopes``.
A copy of a list of strings shares nothing that can change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

# 'calendar' (line 12) is asked for at line 19, 'contacts' (line 14) at line 23; the
# app only lists threads.
PLANS = """\
import dataclasses

from nylas import APIClient


@dataclasses.dataclass
class Plan:
    name: str
    scopes: list


BASIC = Plan("basic", ["email.read_only", "calendar"])
PLANS = [BASIC]
SCOPES = ["email.read_only", "contacts"]
PAIR = (SCOPES,)


def login_url(uri):
    return APIClient("id", "secret").authentication_url(uri, scopes=BASIC.scopes)


def wide_url(uri):
    return APIClient("id", "secret").authentication_url(uri, scopes=SCOPES)


def inbox(client: APIClient):
    return [thread.subject for thread in client.threads.where(limit=5)]
"""

CLONES = {
    "list": "def clone(plans):\n    return list(plans)\n",
    "tuple": "def clone(plans):\n    return tuple(plans)\n",
    "unpacked": "def clone(plans):\n    return [*plans]\n",
    "sliced": "def clone(plans):\n    return plans[:]\n",
    "copied twice": "def clone(plans):\n    return sorted(list(plans), key=str)\n",
}


def _findings(root: Path, setup: str, tools: str = "", plans: str = PLANS,
              ) -> list[tuple[int, str]]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    package = root / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "plans.py").write_text(plans)
    (package / "setup.py").write_text(setup)
    if tools:
        (package / "tools.py").write_text(tools)
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((f.span.line, f.code) for f in result.findings
                  if f.span.path.endswith("plans.py"))


def _cautious_at(findings: list[tuple[int, str]], line: int) -> bool:
    return (line, "NYS304") in findings and not any(
        code in ("NYS302", "NYS303") for _, code in findings)


HANDED_ON = {
    "the container": "import billing\nfrom app.plans import PLANS\n\nbilling.configure(PLANS)\n",
    "through the module": (
        "import billing\nfrom app import plans\n\nbilling.configure(plans.PLANS)\n"),
    "an item changed": (
        "from app.plans import PLANS\n\n\ndef widen():\n    PLANS[0].scopes.append('x')\n"),
}


@pytest.mark.parametrize("setup", HANDED_ON.values(), ids=list(HANDED_ON))
def test_a_container_another_module_hands_on_takes_its_records_along(
        tmp_path: Path, setup: str) -> None:
    # Before, only the module holding ``PLANS`` followed it to ``BASIC``: 'calendar'
    # was claimed unused though ``configure`` gets the very record.
    assert _cautious_at(_findings(tmp_path, setup), 19)


def test_a_list_held_by_a_tuple_another_module_changes_is_not_read(tmp_path: Path) -> None:
    setup = "from app.plans import PAIR\n\n\ndef widen():\n    PAIR[0].append('calendar')\n"
    assert (23, "NYS304") in _findings(tmp_path, setup)


@pytest.mark.parametrize("case", list(enumerate(CLONES.values())), ids=list(CLONES))
def test_a_project_function_copying_the_container_shares_its_records(
        tmp_path: Path, case: tuple[int, str]) -> None:
    # In the calling module or in another (every other case): the copy holds
    # ``BASIC`` itself.
    at, clone = case
    if at % 2:
        setup = "import billing\nfrom app.plans import PLANS\nfrom app.tools import clone\n\n" \
                "billing.configure(clone(PLANS))\n"
        assert _cautious_at(_findings(tmp_path, setup, clone), 19)
    else:
        setup = f"import billing\nfrom app.plans import PLANS\n\n\n{clone}\n\n" \
                "billing.configure(clone(PLANS))\n"
        assert _cautious_at(_findings(tmp_path, setup), 19)


def test_a_copy_of_a_list_of_strings_stays_a_read(tmp_path: Path) -> None:
    # Control: the copy's strings cannot change; 'contacts' (line 14) stays unused,
    # wherever the copying function is.
    unused = [(12, "NYS303"), (14, "NYS303")]
    here = "import billing\nfrom app.plans import SCOPES\n\n\n" + CLONES["list"].replace(
        "plans", "scopes") + "\n\nbilling.configure(clone(SCOPES))\n"
    assert _findings(tmp_path / "here", here) == unused
    there = "import billing\nfrom app.plans import SCOPES\nfrom app.tools import clone\n\n" \
            "billing.configure(clone(SCOPES))\n"
    assert _findings(tmp_path / "there", there, CLONES["list"].replace(
        "plans", "scopes")) == unused


def test_a_container_only_looked_at_keeps_its_records_read(tmp_path: Path) -> None:
    # Control: ``len(PLANS)`` gives nothing on.
    setup = "from app.plans import PLANS\n\nprint(len(PLANS))\n"
    assert _findings(tmp_path, setup) == [(12, "NYS303"), (14, "NYS303")]


def test_a_copy_made_in_the_container_s_own_module_shares_its_records(
        tmp_path: Path) -> None:
    own = f"{PLANS}\n\n{CLONES['list']}\n\nconfigure(clone(PLANS))\n"
    assert _cautious_at(_findings(tmp_path, "", plans=own), 19)
