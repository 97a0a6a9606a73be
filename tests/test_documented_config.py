"""The flake8 configuration the documentation recommends keeps the documented defaults.

flake8 selects by prefix: ``extend-select = NYS`` or ``select = NYS`` explicitly
selects every NYS code, the opt-in NYS203, NYS206 and NYS304 included.  Each ``ini``
snippet of the README and the pre-commit page goes through flake8's own option parsing
(with this plugin loaded), and the NYS codes flake8 then shows must be exactly the
registry's default-on codes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tool_runs import ROOT

from flake8_nylas_scopes.codes import CODES

PAGES = ["README.md", "docs/pre-commit.md"]
DEFAULT_ON = sorted(code for code, entry in CODES.items() if entry.enabled_by_default)

# flake8's argument and configuration parsing, then its decision for each code: what a
# real run would show.  A subprocess, because the plugin keeps its options on the class.
DECIDE = """\
import json, sys
from flake8.options.parse_args import parse_args
from flake8.style_guide import Decision, DecisionEngine
from flake8_nylas_scopes.codes import CODES
_, options = parse_args(["x.py"])
engine = DecisionEngine(options)
print(json.dumps(sorted(c for c in CODES if engine.decision_for(c) is Decision.Selected)))
"""


def ini_snippets() -> list[tuple[str, str]]:
    snippets = []
    for page in PAGES:
        text = (ROOT / page).read_text(encoding="utf-8")
        for number, block in enumerate(re.findall(r"```ini\n(.*?)```", text, re.DOTALL)):
            snippets.append((f"{page}#{number}", block))
    return snippets


SNIPPETS = ini_snippets()


def flake8_selects(directory: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", DECIDE], cwd=directory, capture_output=True, text=True,
        timeout=60, check=True,
    )
    selected: list[str] = json.loads(result.stdout)
    return selected


def test_every_page_has_a_snippet() -> None:
    assert {name.split("#")[0] for name, _ in SNIPPETS} == set(PAGES)


@pytest.mark.parametrize(("name", "snippet"), SNIPPETS, ids=[name for name, _ in SNIPPETS])
def test_snippet_selects_exactly_the_default_codes(
    name: str, snippet: str, tmp_path: Path
) -> None:
    (tmp_path / "setup.cfg").write_text(snippet)
    assert flake8_selects(tmp_path) == DEFAULT_ON


def test_the_comparison_can_tell_the_difference(tmp_path: Path) -> None:
    # The pitfall the snippets avoid: the bare prefix turns the opt-in codes on.
    (tmp_path / "setup.cfg").write_text("[flake8]\nextend-select = NYS\n")
    assert set(flake8_selects(tmp_path)) == set(CODES)
    (tmp_path / "setup.cfg").write_text("[flake8]\n")
    assert flake8_selects(tmp_path) == DEFAULT_ON
