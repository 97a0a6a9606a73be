"""The quick forms of the text tests that decide which modules are walked: each must
let through every text the full pattern lets through (a module not walked is a
reading lost), on the spellings where a quick form could differ."""

from __future__ import annotations

import pytest

from flake8_nylas_scopes.analysis import foreign_scopes, partial_names
from flake8_nylas_scopes.analysis.provider_tests import partial_words
from flake8_nylas_scopes.project import reading

GIVE_TEXTS = [
    "SCOPES = ['a']", "x = 1", "OAuth2Session(client_id)", "oauth2session(c)",
    "f(**OPTIONS)", "f(**kwargs)", "f(**kw)", "f(**kwds)", "f(**KWARGS)", "f(**kwargsx)",
    "f(**_x)", "f(** y)", "client_kwargs = conf", "client_KWARGS =\tCONF", "x_kwargs == 1",
    "DEFAULT = 2", "creds.with_scopes(x)",
    # Letters a case-insensitive match takes that ``str.lower`` does not give.
    "\u017fcope = 1", "f(**\u212aw)", "\uff33cope", "caf\u00e9 = 1",
]


@pytest.mark.parametrize("text", GIVE_TEXTS)
def test_may_give_scopes_agrees_with_its_pattern(text: str) -> None:
    assert foreign_scopes.may_give_scopes(text) is (
        foreign_scopes._MAY_GIVE.search(text) is not None)


def test_may_give_scopes_controls() -> None:
    # The pattern's verdicts themselves, read from its alternatives.
    assert foreign_scopes.may_give_scopes("f(**OPTIONS)")
    assert not foreign_scopes.may_give_scopes("f(**kwargs)")
    assert foreign_scopes.may_give_scopes("\u017fcope = 1")  # the long s is an s
    assert not foreign_scopes.may_give_scopes("x = 1")


PART_TEXTS = [
    "'goo'", "\"GMAIL\"", "'gmail\"", "'go'", "'abc'goo'", "\"x'goo'", "'outlooks'",
    "'365'", "kind = \"Ews\"", "'\u212aoo'", "'o\u212a'", "'ook'", "no quotes at all",
    "'caf\u00e9' == 'goo'",
]


@pytest.mark.parametrize("text", PART_TEXTS)
def test_part_literal_agrees_with_its_pattern(text: str) -> None:
    words = frozenset(partial_words())
    assert partial_names._has_part_literal(text, words) is (
        partial_names._literals(words).search(text) is not None)


def test_part_literal_controls() -> None:
    words = frozenset(partial_words())
    # Overlapping runs: the second quoted run is the part.
    assert partial_names._has_part_literal("'abc'goo'", words)
    # Quotes of two kinds close no literal.
    assert not partial_names._has_part_literal("'gmail\"", words)


@pytest.mark.parametrize("text", [
    "from x import *", "from x import\\\n *", "nonlocal x", "nonlocals = 1",
    "reimport *", "import os\nx = a * b", "unimport  *",
])
def test_scope_rule_words_agree_with_their_pattern(text: str) -> None:
    assert reading._may_break_scope_rules(text) is (
        reading._SCOPE_RULE_WORDS.search(text) is not None)
