"""Nylas API v3 scope requests: extraction, the v2/v3 split, the data behind NYS401."""

from __future__ import annotations

import shutil
from pathlib import Path

from tool_runs import ROOT, nylas_scopes

from flake8_nylas_scopes.analysis.facts import Generation, ModuleFacts, SiteKind
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
