"""Every API version's scopes as one kind of object, read by the same algorithms."""

from __future__ import annotations

import subprocess
import sys

import pytest

from flake8_nylas_scopes.nylas_api import API_VERSIONS
from flake8_nylas_scopes.nylas_api.catalogue import Catalogue
from flake8_nylas_scopes.nylas_api.types import Certainty, Inclusion

CATALOGUES = [
    (api.version, provider) for api in API_VERSIONS.values() for provider in api.providers
]


@pytest.mark.parametrize(("version", "provider"), CATALOGUES)
def test_each_catalogue_is_consistent(version: str, provider: str) -> None:
    catalogue = API_VERSIONS[version].catalogue(provider)
    assert isinstance(catalogue, Catalogue)
    for edge in catalogue.edges:
        assert {edge.broader, edge.narrower} <= catalogue.scopes, edge
        # The certain order is part of the possible one, and nothing includes itself.
        if catalogue.includes(edge.broader, edge.narrower):
            assert catalogue.may_include(edge.broader, edge.narrower)
    for scope in catalogue.scopes:
        assert not catalogue.includes(scope, scope)
        assert catalogue.canonical(scope) == scope
        assert catalogue.redundant_in(scope, [scope]) == ""
    for spelling, name in catalogue.spellings.items():
        assert catalogue.canonical(spelling) == name


@pytest.mark.parametrize(
    ("version", "provider", "narrower", "broader"),
    [
        ("v2", "", "email.read_only", "email.modify"),
        ("v2", "", "calendar.read_only", "calendar"),
        ("v3", "google", "https://www.googleapis.com/auth/gmail.readonly",
         "https://www.googleapis.com/auth/gmail.modify"),
        ("v3", "microsoft", "Mail.Read", "Mail.ReadWrite"),
        ("v3", "microsoft", "Calendars.Read", "Calendars.ReadWrite"),
    ],
)
def test_one_redundancy_algorithm_over_every_catalogue(
    version: str, provider: str, narrower: str, broader: str
) -> None:
    catalogue = API_VERSIONS[version].catalogue(provider)
    assert catalogue.redundant_in(narrower, [narrower, broader]) == broader
    assert catalogue.redundant_in(broader, [narrower, broader]) == ""


def test_a_scope_that_grants_something_else_is_never_redundant() -> None:
    # Mail.ReadWrite does not let an app send: both are needed to send.
    microsoft = API_VERSIONS["v3"].catalogue("microsoft")
    assert microsoft.redundant_in("Mail.Send", ["Mail.Send", "Mail.ReadWrite"]) == ""
    assert microsoft.canonical("https://graph.microsoft.com/Mail.Read") == "Mail.Read"


def test_only_certain_edges_make_a_scope_redundant() -> None:
    catalogue = Catalogue("test", ["a", "b", "c"], [
        Inclusion("a", "b", Certainty.DOCUMENTED, "test"),
        Inclusion("b", "c", Certainty.INFERRED, "test"),
    ])
    assert catalogue.redundant_in("b", ["a", "b"]) == "a"
    assert catalogue.redundant_in("c", ["b", "c"]) == ""
    assert catalogue.may_include("b", "c") and catalogue.may_include("a", "c")
    assert not catalogue.includes("a", "c")  # the uncertain step breaks the chain


def test_the_registry_loads_no_table_until_asked() -> None:
    code = (
        "import sys, flake8_nylas_scopes.nylas_api as api; "
        "print(sorted(m for m in sys.modules if m.startswith('flake8_nylas_scopes.nylas_api.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
