"""The CLI's code selection decides every code exactly as flake8's DecisionEngine does."""

from __future__ import annotations

import argparse
import itertools

from flake8.defaults import IGNORE
from flake8.style_guide import Decision, DecisionEngine

from flake8_nylas_scopes.cli import code_filter
from flake8_nylas_scopes.codes import CODES, DEFAULT_OFF
from flake8_nylas_scopes.settings.selection import Selection, parse_codes

CHOICES: list[tuple[str, ...] | None] = [
    None, (), ("NYS",), ("NYS1",), ("NYS104",), ("NYS2", "NYS203"), ("E", "W"), ("NYS20",),
]
EXTENSIONS: list[tuple[str, ...]] = [(), ("NYS",), ("NYS104",), ("NYS206",), ("NYS2",)]


def flake8_decides(selection: Selection) -> set[str]:
    options = argparse.Namespace(
        select=None if selection.select is None else list(selection.select),
        ignore=None if selection.ignore is None else list(selection.ignore),
        extend_select=list(selection.extend_select),
        extend_ignore=list(selection.extend_ignore),
        # What flake8 computes from the installed plugins: every entry point's prefix is
        # selected by default, and the plugin's extend_default_ignore adds its off codes.
        extended_default_select=["C90", "E", "F", "W", "NYS"],
        extended_default_ignore=sorted(DEFAULT_OFF),
    )
    engine = DecisionEngine(options)
    return {code for code in CODES if engine.decision_for(code) is Decision.Selected}


def test_every_combination_matches_flake8() -> None:
    combinations = 0
    for select, ignore, extend_select, extend_ignore in itertools.product(
        CHOICES, CHOICES, EXTENSIONS, EXTENSIONS
    ):
        selection = Selection(select, ignore, extend_select, extend_ignore)
        ours = {code for code in CODES if selection.enabled(code)}
        assert ours == flake8_decides(selection), selection
        combinations += 1
    assert combinations == len(CHOICES) ** 2 * len(EXTENSIONS) ** 2


def test_defaults_leave_the_opt_in_codes_off() -> None:
    enabled = {code for code in CODES if Selection().enabled(code)}
    assert enabled == set(CODES) - DEFAULT_OFF
    assert {"NYS203", "NYS206", "NYS304"} <= DEFAULT_OFF


def test_flake8_ignore_replaces_the_default_ignore_list() -> None:
    # A known flake8 behaviour the CLI reproduces when it reads a [flake8] section:
    # ``ignore = E501`` replaces the default ignore list, opt-in codes included.
    assert "E501" not in IGNORE
    assert Selection(ignore=("E501",)).enabled("NYS203")
    assert not Selection(extend_ignore=("E501",)).enabled("NYS203")


def test_code_filter_keeps_its_meaning() -> None:
    # cli.code_filter: empty select means "not given", ignore never turns codes on.
    assert not code_filter([], ["NYS104"], [])("NYS104")
    assert not code_filter([], ["NYS104"], [])("NYS203")
    assert code_filter([], [], ["NYS203"])("NYS203")
    assert code_filter(["NYS"], [], [])("NYS206")
    assert code_filter(["NYS1"], ["NYS104"], [])("NYS101")
    assert not code_filter(["NYS1"], [], [])("NYS201")
    assert code_filter(["NYS"], ["NYS1"], ["NYS104"])("NYS104")
    assert not code_filter([], [], [])("NYS999")


def test_parse_codes_splits_like_flake8() -> None:
    assert parse_codes("NYS104, NYS2\n  E501") == ("NYS104", "NYS2", "E501")
    assert parse_codes("  ") == ()
