"""The text scan that spares walking the bodies of functions that cannot test the
provider (see ``predicate_text``): each function below barely qualifies, by one thing
only, and must still be walked and found."""

from __future__ import annotations

import ast

import pytest

from flake8_nylas_scopes.analysis.predicate_text import may_read_a_provider
from flake8_nylas_scopes.analysis.provider_guards import unread_predicates
from flake8_nylas_scopes.analysis.provider_tests import ProviderTests


@pytest.mark.parametrize("source", [
    # A provider's name, written in a way the text does not hold.
    'def kind_of(grant):\n    return grant.kind == "goo" "gle"\n',
    'def kind_of(grant):\n    return grant.kind == ("goo"  # first part\n        "gle")\n',
    'def kind_of(grant):\n    return grant.kind == "goo"f"gle"\n',
    'def kind_of(grant):\n    return grant.kind == "\\x67oogle"\n',
    'def kind_of(grant):\n    return grant.kind == "goo\\\ngle"\n',
    'def kind_of(grant):\n    return grant.kind == \uff47oogle_kind\n',
    # A word of a name, after a lower-case letter.
    'def kind_of(grant):\n    return grant.kind == kinds.preferredEWS\n',
    # The provider read by item, or part of a name tested.
    'def kind_of(grant):\n    return grant["prov" "ider"]\n',
    'def kind_of(grant):\n    return "mail" in grant.kind\n',
    'def kind_of(grant):\n    return grant.kind.startswith("goo")\n',
    'import re\nPATTERN = re.compile("goo")\n\n\ndef kind_of(grant):\n'
    '    return PATTERN.fullmatch(grant.kind)\n',
    # A module name bound to a provider's name, the name alone in the function.
    'KINDS = ("google",)\n\n\ndef kind_of(grant):\n    return grant.kind in KINDS\n',
    # A decorator on the lines above the function is walked with it.
    '@cached(key="google")\ndef kind_of(grant):\n    return grant.kind\n',
    # Lines ended by a carriage return alone, as Python counts them.
    'x = 1\r\r@cached(key="google")\rdef kind_of(grant):\r    return grant.kind\r',
])
def test_a_function_whose_text_barely_may_test_is_walked(source: str) -> None:
    tree = ast.parse(source)
    walked = unread_predicates(tree, None)
    # The function, beside the methods of a pattern the module compiles (which
    # another module may test the provider with).
    assert [name for name in walked if "." not in name] == ["kind_of"]
    assert unread_predicates(tree, None, source) == walked
    tests = ProviderTests(tree)
    assert unread_predicates(tree, tests, source) == unread_predicates(tree, tests)


@pytest.mark.parametrize("text", [
    'def join(lines):\n    return "\\n".join(lines)\n',
    'def render(views):\n    return ", ".join(views.news)\n',
    'def work(grant):\n    """Sync the google labels."""\n    label(grant, "google")\n',
    'def label(grant):\n    return grant.kind == "imaplib"\n',
])
def test_text_that_cannot_test_the_provider_is_not_walked(text: str) -> None:
    assert not may_read_a_provider(text, frozenset())
    tree = ast.parse(text)
    assert unread_predicates(tree, None) == []
