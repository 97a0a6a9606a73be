"""Nylas API v3 scope requests: extraction, the v2/v3 split, the data behind NYS401."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from tool_runs import ROOT, nylas_scopes

from flake8_nylas_scopes.analysis.facts import (
    Generation,
    ModuleFacts,
    ScopeSite,
    SiteKind,
    ValueState,
)
from flake8_nylas_scopes.analysis.module import module_facts
from flake8_nylas_scopes.judging.list_rules import list_findings
from flake8_nylas_scopes.nylas_api import API_VERSIONS
from flake8_nylas_scopes.nylas_api.v2.scopes import V2_SCOPES
from flake8_nylas_scopes.nylas_api.v3.from_v2 import FROM_V2
from flake8_nylas_scopes.project.cache import CACHE_DIRECTORY
from flake8_nylas_scopes.settings.config import make_config

SOURCE = '''\
from nylas import Client as C
from nylas.models.auth import URLForAuthenticationConfig
from urllib.parse import urlencode
from nylas import APIClient

c = C("key")
c.auth.url_for_oauth2(URLForAuthenticationConfig(client_id="x", scope=["Mail.Read"]))
body = {"provider": "google"}
body["scope"] = "https://www.googleapis.com/auth/calendar"
c.auth.custom_authentication(request_body=body)
c.connectors.update("microsoft", dict(scope=["Mail.Read"]))
c.grants.update("id", {"scope": ["email.read_only"]})
url = f"{BASE}/v3/connect/auth?{urlencode({'scope': ' '.join(['openid', 'Mail.Read'])})}"
APIClient("id", "secret").authentication_url("https://cb", scopes=["email.read_only"])
'''


def facts_of(source: str) -> ModuleFacts:
    return module_facts(None, "app.py", source.splitlines(keepends=True))


def test_every_v3_site_shape_is_read_with_its_provider_and_kind() -> None:
    sites = facts_of(SOURCE).sites
    seen = [
        (site.span.line, site.kind, site.generation, site.provider,
         tuple(item.text for item in site.value.items))
        for site in sites
    ]
    v3 = Generation.V3
    assert seen == [
        (7, SiteKind.V3_AUTH_URL, v3, "", ("Mail.Read",)),
        (10, SiteKind.V3_JSON, v3, "google", ("https://www.googleapis.com/auth/calendar",)),
        (11, SiteKind.V3_JSON, v3, "microsoft", ("Mail.Read",)),
        (12, SiteKind.V3_JSON, v3, "", ("email.read_only",)),
        (13, SiteKind.V3_HOSTED_URL, v3, "", ("openid", "Mail.Read")),
        (14, SiteKind.SDK_HOSTED, Generation.V2, "", ("email.read_only",)),
    ]
    assert ModuleFacts.from_json(facts_of(SOURCE).to_json()).sites == sites


def test_each_generation_gets_only_its_own_rules() -> None:
    config = make_config()
    codes = {
        site.generation: {f.code for f in list_findings(site, config, lambda code: True)}
        for site in facts_of(SOURCE).sites if site.span.line in (12, 14)
    }
    # The same v2 name: NYS401 in the v3 request, nothing in the v2 one.
    assert codes == {Generation.V3: {"NYS401"}, Generation.V2: set()}


def test_the_admin_consent_url_defaults_to_microsoft_unless_the_config_says() -> None:
    source = (
        "from nylas import Client\n"
        "n = Client('k')\n"
        "n.auth.url_for_admin_consent({'credential_id': 'c', 'scope': ['Mail.Read']})\n"
        "n.auth.url_for_admin_consent({'provider': 'google', 'scope': ['openid']})\n"
        "n.auth.url_for_admin_consent({**base, 'scope': ['Mail.Read']})\n"
    )
    assert [site.provider for site in facts_of(source).sites] == ["microsoft", "google", ""]


def test_v2_replacements_are_v2_names_mapped_to_catalogued_scopes() -> None:
    for provider, table in FROM_V2.items():
        catalogue = API_VERSIONS["v3"].catalogue(provider)
        for v2_scope, row in table.items():
            assert v2_scope in V2_SCOPES and v2_scope == row.v2_scope
            assert row.scopes and row.source
            for scope in row.scopes:
                assert catalogue.canonical(scope) == scope, (provider, scope)
    assert "email" not in FROM_V2["google"] and "email" not in FROM_V2["microsoft"]


def test_the_readme_shows_what_check_says_on_the_v3_example(tmp_path: Path) -> None:
    app = tmp_path / "examples" / "v3app"
    shutil.copytree(ROOT / "examples" / "v3app", app,
                    ignore=shutil.ignore_patterns(CACHE_DIRECTORY))
    result = nylas_scopes(tmp_path, "check", "examples/v3app")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ nylas-scopes check examples/v3app\n")[1].split("```")[0]
    assert result.returncode == 1
    assert result.stdout == block


def sites_of(source: str) -> list[ScopeSite]:
    return facts_of("from nylas import Client\nn = Client('k')\n" + source).sites


def test_a_grant_request_without_scope_is_recorded_with_its_granted_set_unknown() -> None:
    sites = sites_of(
        "n.auth.url_for_oauth2({'client_id': 'c', 'redirect_uri': 'r'})\n"
        "n.auth.custom_authentication({'provider': 'google', 'settings': {}})\n"
        "n.auth.url_for_oauth2(config)\n"
        "n.auth.url_for_oauth2({**base, 'client_id': 'c'})\n"
        # Not a scope request: a grant's settings only, a connector's credentials.
        "n.grants.update('id', {'settings': {}})\n"
        "n.connectors.update('google', {'settings': {}})\n"
    )
    seen = [(site.span.line, site.value.state, bool(site.granted_unknown)) for site in sites]
    assert seen == [
        (3, ValueState.MISSING, True),
        (4, ValueState.MISSING, True),
        (5, ValueState.UNRESOLVED, True),
        (6, ValueState.UNRESOLVED, True),
    ]
    config = make_config()
    assert not [f for site in sites for f in list_findings(site, config, lambda code: True)]


def test_a_grant_update_whose_body_cannot_be_read_is_an_unresolved_request() -> None:
    sites = sites_of(
        "def widen(grant_id, request_body):\n"
        "    n.grants.update(grant_id, request_body)\n"
        "n.grants.update('id', body_from_elsewhere())\n"
        "n.connectors.update('google', dict(**defaults))\n"
        # Read in full: the settings only, no scope request.
        "n.grants.update('id', {'settings': {}})\n"
    )
    seen = [(site.span.line, site.value.state, site.description) for site in sites]
    assert seen == [
        (4, ValueState.UNRESOLVED, "grants.update()"),
        (5, ValueState.UNRESOLVED, "grants.update()"),
        (6, ValueState.UNRESOLVED, "connectors.update()"),
    ]


GRANT_WIDENED_IN_A_WRAPPER = """\
from nylas import Client

client = Client("key")


def login():
    return client.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "r", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly"],
    })


def widen(grant_id, request_body):
    client.grants.update(grant_id, {BODY})


def send(grant_id):
    client.messages.send(grant_id, request_body={"to": [{"email": "a@b.c"}]})
"""


def test_a_grant_update_the_analysis_cannot_read_keeps_missing_scopes_silent(
        tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\n')
    app = tmp_path / "app.py"
    app.write_text(GRANT_WIDENED_IN_A_WRAPPER.replace("{BODY}", "request_body"))
    result = nylas_scopes(tmp_path, "check", "--extend-select", "NYS304", ".")
    assert "NYS301" not in result.stdout
    assert ("app.py:14:5: NYS304 cannot follow the scopes: cannot read the request_body "
            "of grants.update()") in result.stdout
    # Control: an update of the settings alone grants nothing, so the send still
    # misses a scope.
    app.write_text(GRANT_WIDENED_IN_A_WRAPPER.replace("{BODY}", '{"settings": {}}'))
    result = nylas_scopes(tmp_path, "check", "--extend-select", "NYS304", ".")
    assert "app.py:18:5: NYS301 client.messages.send()" in result.stdout
    assert "NYS304" not in result.stdout


def test_include_grant_scopes_makes_the_granted_set_unknown_unless_false() -> None:
    sites = sites_of(
        "n.auth.url_for_oauth2({'scope': ['Mail.Read'], 'include_grant_scopes': True})\n"
        "n.auth.url_for_oauth2({'scope': ['Mail.Read'], 'include_grant_scopes': flag})\n"
        "n.auth.url_for_oauth2({'scope': ['Mail.Read'], 'include_grant_scopes': False})\n"
        "n.auth.url_for_oauth2({'scope': ['Mail.Read']})\n"
        "n.grants.update('id', {'scope': ['Mail.Read'], 'include_grant_scopes': True})\n"
    )
    assert [bool(site.granted_unknown) for site in sites] == [True, True, False, False, False]
    assert all(site.value.state is ValueState.ITEMS for site in sites)


def test_new_site_fields_survive_the_cache() -> None:
    sites = sites_of(
        "C = {'client_id': 'c', 'scope': ['Mail.Read']}\n"
        "n.auth.url_for_oauth2(C)\n"
        "n.auth.url_for_oauth2_pkce(C)\n"
        "n.auth.url_for_oauth2({'client_id': 'c'})\n"
    )
    assert sites[1].joined_at == sites[0].span
    assert sites[2].granted_unknown
    assert [ScopeSite.from_json(site.to_json()) for site in sites] == sites


def test_a_dict_is_joined_in_place_only_by_the_builders_that_write_it() -> None:
    sites = sites_of(
        "A = {'client_id': 'c', 'scope': ['Mail.Read']}\n"
        "n.auth.url_for_admin_consent(A)\n"
        "n.auth.url_for_admin_consent(A)\n"
        "n.auth.url_for_oauth2(dict(A))\n"
        "n.auth.url_for_oauth2({**A})\n"
        "def f():\n"
        "    B = {'client_id': 'c', 'scope': ['Mail.Read']}\n"
        "    n.auth.url_for_oauth2(B)\n"
        "    n.auth.url_for_oauth2(B)\n"
    )
    assert [site.joined_at for site in sites] == [None] * 6


def test_the_v5_beta_authentication_is_not_read_as_a_6x_request() -> None:
    source = (
        "from nylas import APIClient\n"
        "api = APIClient('id', 'secret')\n"
        "api.authentication.grants.update('g', {'scope': ['calendar']})\n"
        "auth = api.authentication\n"
        "auth.grants.update('g', {'scope': ['calendar']})\n"
        "nylas_auth = api.authentication\n"
        "nylas_auth.grants.update('g', {'scope': ['calendar']})\n"
        "api.authentication.hosted_authentication(provider='google', redirect_uri='r',\n"
        "                                         scope=['calendar'])\n"
    )
    assert not facts_of(source).sites


def test_v3_duplicates_come_after_unknown_and_before_redundant() -> None:
    [site] = sites_of(
        "n.connectors.update('microsoft', {'scope': [\n"
        "    'Mail.ReadWrite', 'Mail.Read', 'Mail.Read', 'Mail.Wrte', 'Mail.Wrte',\n"
        "    'https://graph.microsoft.com/Mail.ReadWrite']})\n"
    )
    config = make_config()

    def codes(enabled: Callable[[str], bool]) -> list[tuple[int, str]]:
        return [(f.span.col, f.code) for f in list_findings(site, config, enabled)]

    assert [code for _, code in codes(lambda code: True)] == [
        "NYS403", "NYS103", "NYS402", "NYS402", "NYS103"]
    # With NYS402 off, the repeated unknown name is still a duplicate.
    assert [code for _, code in codes(lambda code: code != "NYS402")] == [
        "NYS403", "NYS103", "NYS103", "NYS103"]


def test_prose_that_mentions_the_hosted_auth_url_is_not_a_request() -> None:
    source = (
        '"""See /v3/connect/auth?client_id=x&scope=openid openid."""\n'
        "import logging\n"
        "logging.info('open /v3/connect/auth?scope=Mail.Read Mail.Read')\n"
        "url = 'https://api.us.nylas.com/v3/connect/auth?scope=openid%20openid'\n"
    )
    assert [site.span.line for site in facts_of(source).sites] == [4]


def test_custom_authentication_posted_by_hand_is_a_v3_json_request() -> None:
    source = (
        "import requests\n"
        "requests.post(f'{BASE}/v3/connect/custom', json={'provider': 'google',\n"
        "              'settings': {}, 'scope': ['openid']})\n"
        "requests.post(BASE + '/v3/connect/custom', json={'provider': 'google'})\n"
        "requests.get(BASE + '/v3/connect/custom', params={'scope': ['openid']})\n"
        "requests.post(BASE + '/v3/connect/customers', json={'scope': ['openid']})\n"
    )
    seen = [(site.span.line, site.kind, site.provider, site.value.state,
             bool(site.granted_unknown)) for site in facts_of(source).sites]
    assert seen == [
        (2, SiteKind.V3_JSON, "google", ValueState.ITEMS, False),
        (4, SiteKind.V3_JSON, "google", ValueState.MISSING, True),
    ]


def test_a_merged_config_is_read_where_later_keys_win() -> None:
    sites = sites_of(
        "BASE = {'client_id': 'c', 'redirect_uri': 'r'}\n"
        "WITH = {'client_id': 'c', 'scope': ['Mail.Send']}\n"
        "n.auth.url_for_oauth2({**BASE, 'scope': ['Mail.Read']})\n"
        "n.auth.url_for_oauth2(dict(BASE, scope=['Mail.Read']))\n"
        "n.auth.url_for_oauth2({'scope': ['Mail.Read'], **BASE})\n"
        "n.auth.url_for_oauth2({**other, 'scope': ['Mail.Read']})\n"
        # What a later dict holds wins; an unread one may hold a 'scope' of its own.
        "n.auth.url_for_oauth2({'scope': ['Mail.Read'], **WITH})\n"
        "n.auth.url_for_oauth2({'scope': ['Mail.Read'], **other})\n"
        "n.auth.url_for_oauth2(dict(BASE, scope=['Mail.Read'], **other))\n"
        "n.auth.url_for_oauth2({'scope': ['Mail.Read'], key: 'v'})\n"
    )
    seen = [(site.value.state, tuple(item.text for item in site.value.items),
             site.provider, bool(site.granted_unknown)) for site in sites]
    read, unread = ValueState.ITEMS, ValueState.UNRESOLVED
    assert seen == [
        (read, ("Mail.Read",), "", False),
        (read, ("Mail.Read",), "", False),
        (read, ("Mail.Read",), "", False),
        # The unread dict may hold 'include_grant_scopes'.
        (read, ("Mail.Read",), "", True),
        (read, ("Mail.Send",), "", False),
        (unread, (), "", True),
        (unread, (), "", True),
        (unread, (), "", True),
    ]


def test_a_config_a_function_of_the_module_returns_is_read_in_its_own_scope() -> None:
    sites = sites_of(
        "SCOPES = {'google': ['https://www.googleapis.com/auth/gmail.readonly'],\n"
        "          'microsoft': ['Mail.Read', 'offline_access']}\n"
        "def oauth_config(provider):\n"
        "    return {'client_id': 'c', 'redirect_uri': 'r', 'provider': provider,\n"
        "            'scope': SCOPES[provider]}\n"
        "def per_provider(provider):\n"
        "    if provider == 'google':\n"
        "        return {'provider': 'google', 'scope': ['Mail.Send']}\n"
        "    return {'provider': 'microsoft', 'scope': ['Mail.Read']}\n"
        "def login(provider):\n"
        "    return n.auth.url_for_oauth2(oauth_config(provider))\n"
        "def login_by_keyword():\n"
        "    return n.auth.url_for_oauth2(config=per_provider('google'))\n"
    )
    seen = [(site.span.line, site.value.state, site.provider,
             [tuple(item.text for item in option.items) for option in site.value.alternatives])
            for site in sites]
    assert seen == [
        (13, ValueState.UNRESOLVED, "",
         [("https://www.googleapis.com/auth/gmail.readonly",), ("Mail.Read", "offline_access")]),
        # Several returns are several requests; their providers differ.
        (15, ValueState.UNRESOLVED, "", [("Mail.Send",), ("Mail.Read",)]),
    ]
    assert not any(site.granted_unknown for site in sites)


def test_a_returned_config_that_the_caller_fills_or_changes_stays_unread() -> None:
    sites = sites_of(
        "def config_with(scopes, **extra):\n"
        "    return {'client_id': 'c', 'scope': scopes, **extra}\n"
        "def config():\n"
        "    return {'client_id': 'c', 'scope': ['Mail.Read']}\n"
        # The parameter holds the caller's list, which the request does not name.
        "def login(scopes):\n"
        "    return n.auth.url_for_oauth2(config_with(scopes))\n"
        # A later key may replace the scope.
        "n.auth.url_for_oauth2(config_with(['Mail.Read'], scope=['Mail.Send']))\n"
        # Bound to a name first and changed, or handed to other code, before the
        # request; or reached through a second name.
        "def login_later():\n"
        "    made = config()\n"
        "    made['scope'] = ['Mail.Send']\n"
        "    return n.auth.url_for_oauth2(made)\n"
        "def login_handed():\n"
        "    made = config()\n"
        "    tweak(made)\n"
        "    return n.auth.url_for_oauth2(made)\n"
        "def login_aliased():\n"
        "    made = config()\n"
        "    alias = made\n"
        "    made['scope'].append('Mail.Send')\n"
        "    return n.auth.url_for_oauth2(alias)\n"
    )
    assert [(site.span.line, site.value.state) for site in sites] == [
        (8, ValueState.UNRESOLVED), (9, ValueState.UNRESOLVED), (13, ValueState.UNRESOLVED),
        (17, ValueState.UNRESOLVED), (22, ValueState.UNRESOLVED)]
    # Control: the config written as the argument, or bound to a name only the
    # request is given, is read.
    sites = sites_of(
        "def config():\n"
        "    return {'client_id': 'c', 'scope': ['Mail.Read']}\n"
        "n.auth.url_for_oauth2(config())\n"
        "def login():\n"
        "    made = config()\n"
        "    print(made)\n"
        "    return n.auth.url_for_oauth2(made)\n")
    assert [(site.value.state, [item.text for item in site.value.items])
            for site in sites] == [(ValueState.ITEMS, ["Mail.Read"])] * 2
