"""Whether an ``authentication_url`` call is made on a Nylas client is decided once.

The analysis records every such call unconfirmed; the resolver decides whether its
receiver holds an API v2 client, for a project (the judge) and for a module judged
alone (``module_findings``) alike.  A call without ``scopes`` shows the verdict: on
a client it requests the SDK's default scopes (NYS105); on anything else it is no
request at all.
"""

from __future__ import annotations

import ast
import textwrap

import pytest

from flake8_nylas_scopes.analysis.extract import extract_module
from flake8_nylas_scopes.analysis.facts import ModuleFacts, SiteKind
from flake8_nylas_scopes.analysis.module import module_facts
from flake8_nylas_scopes.judging.judge import judge_project
from flake8_nylas_scopes.judging.module_findings import module_findings
from flake8_nylas_scopes.settings.config import Config, all_codes

ON_A_CLIENT = {
    "constructor call": """
        from nylas import APIClient
        url = APIClient("id", "secret").authentication_url("https://app/cb")
    """,
    "class imported under an alias": """
        from nylas import APIClient as Nylas
        url = Nylas("id", "secret").authentication_url("https://app/cb")
    """,
    "nylas.APIClient": """
        import nylas
        url = nylas.APIClient("id", "secret").authentication_url("https://app/cb")
    """,
    "nylas.APIClient through a module alias": """
        import nylas as ny
        url = ny.APIClient("id", "secret").authentication_url("https://app/cb")
    """,
    "nylas.client.APIClient": """
        from nylas.client import APIClient
        url = APIClient("id", "secret").authentication_url("https://app/cb")
    """,
    "nylas.client.APIClient spelled out": """
        import nylas.client
        url = nylas.client.APIClient("id", "secret").authentication_url("https://app/cb")
    """,
    "local name bound to a client": """
        from nylas import APIClient

        def login():
            api = APIClient("id", "secret")
            return api.authentication_url("https://app/cb")
    """,
    "module name bound to a client": """
        from nylas import APIClient

        api = APIClient("id", "secret")

        def login():
            return api.authentication_url("https://app/cb")
    """,
    "parameter annotated with the class": """
        from nylas import APIClient

        def login(api: APIClient):
            return api.authentication_url("https://app/cb")
    """,
    "parameter with a string annotation": """
        from nylas import APIClient

        def login(api: "APIClient"):
            return api.authentication_url("https://app/cb")
    """,
    "string annotation of a class imported for type checking": """
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from nylas.client import APIClient

        def login(api: "APIClient"):
            return api.authentication_url("https://app/cb")
    """,
    "dotted string annotation": """
        import nylas

        def login(api: "nylas.APIClient"):
            return api.authentication_url("https://app/cb")
    """,
    "self.client assigned in __init__": """
        from nylas import APIClient

        class Auth:
            def __init__(self):
                self.client = APIClient("id", "secret")

            def url(self):
                return self.client.authentication_url("https://app/cb")
    """,
    "self.client from an annotated __init__ parameter": """
        from nylas import APIClient

        class Auth:
            def __init__(self, client: "APIClient"):
                self.client = client

            def url(self):
                return self.client.authentication_url("https://app/cb")
    """,
}

NOT_ON_A_CLIENT = {
    "another library's object": """
        from requests_oauthlib import OAuth2Session
        import nylas
        url = OAuth2Session("id").authentication_url("https://app/cb")
    """,
    "parameter nothing fills": """
        import nylas

        def login(api):
            return api.authentication_url("https://app/cb")
    """,
    "lambda parameter that shadows a client": """
        from nylas import APIClient

        api = APIClient("id", "secret")
        login = lambda api: api.authentication_url("https://app/cb")
    """,
    "comprehension variable that shadows a client": """
        from nylas import APIClient

        api = APIClient("id", "secret")
        urls = [api.authentication_url("https://app/cb") for api in ("a", "b")]
    """,
    "first parameter of a static method": """
        from nylas import APIClient

        class Auth:
            def __init__(self):
                self.client = APIClient("id", "secret")

            @staticmethod
            def url(self):
                return self.client.authentication_url("https://app/cb")
    """,
    "API v3 client": """
        from nylas import Client
        url = Client("key").authentication_url("https://app/cb")
    """,
}


def _facts(source: str, path: str = "app/auth.py", module: str = "app.auth") -> ModuleFacts:
    text = textwrap.dedent(source)
    return module_facts(None, path, text.splitlines(keepends=True), module, flow=True)


def _judged_codes(*modules: ModuleFacts) -> list[str]:
    result = judge_project({facts.path: facts for facts in modules}, [], Config(), all_codes)
    return [finding.code for finding in result.findings if finding.code == "NYS105"]


def _alone_codes(facts: ModuleFacts) -> list[str]:
    return [f.code for f in module_findings(facts, Config(), all_codes) if f.code == "NYS105"]


@pytest.mark.parametrize("source", ON_A_CLIENT.values(), ids=ON_A_CLIENT.keys())
def test_the_resolver_confirms_a_call_on_a_client(source: str) -> None:
    facts = _facts(source)
    assert _judged_codes(facts) == ["NYS105"]
    assert _alone_codes(facts) == ["NYS105"]


@pytest.mark.parametrize("source", NOT_ON_A_CLIENT.values(), ids=NOT_ON_A_CLIENT.keys())
def test_a_call_on_anything_else_is_no_request(source: str) -> None:
    facts = _facts(source)
    assert _judged_codes(facts) == []
    assert _alone_codes(facts) == []


@pytest.mark.parametrize(
    "source", [*ON_A_CLIENT.values(), *NOT_ON_A_CLIENT.values()],
    ids=[*ON_A_CLIENT.keys(), *NOT_ON_A_CLIENT.keys()],
)
def test_the_analysis_holds_no_client_decision(source: str) -> None:
    sites = [site for site in _facts(source).sites if site.kind is SiteKind.SDK_HOSTED]
    assert sites
    assert not any(site.confirmed for site in sites)


CLIENTS = """
    from nylas import APIClient

    nylas_api = APIClient("id", "secret")
"""
LOGIN = """
    from app.clients import nylas_api

    def login():
        return nylas_api.authentication_url("https://app/cb")
"""


def test_a_client_from_another_module_is_confirmed_by_the_project() -> None:
    clients = _facts(CLIENTS, "app/clients.py", "app.clients")
    login = _facts(LOGIN)
    assert _judged_codes(clients, login) == ["NYS105"]
    # A module judged alone cannot see where the client comes from.
    assert _alone_codes(login) == []


def test_the_judged_facts_carry_the_verdict() -> None:
    """The fix plan judges each request again by itself, from the judged facts."""
    clients = _facts(CLIENTS, "app/clients.py", "app.clients")
    login = _facts(LOGIN)
    result = judge_project({"app/clients.py": clients, "app/auth.py": login}, [], Config(),
                           all_codes)
    assert [site.confirmed for site in result.facts["app/auth.py"].sites] == [True]
    assert [site.confirmed for site in login.sites] == [False]


def test_without_flow_records_a_call_counts_only_by_its_scopes() -> None:
    """The extractor run alone records no receiver to resolve: a call counts as a
    request only when its scopes name a Nylas scope."""
    source = textwrap.dedent("""
        from nylas import APIClient
        api = APIClient("id", "secret")
        default = api.authentication_url("https://app/cb")
        named = api.authentication_url("https://app/cb", scopes=["calendar", "calendar"])
    """)
    facts = extract_module(ast.parse(source), "app/auth.py", source.splitlines(keepends=True),
                           "app.auth")
    assert facts.flow is None
    codes = [finding.code for finding in module_findings(facts, Config(), all_codes)]
    assert codes == ["NYS103"]
