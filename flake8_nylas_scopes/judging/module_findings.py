"""The list findings of one module alone, for front ends that judge a file by itself."""

from __future__ import annotations

from ..analysis.facts import ModuleFacts
from ..findings import Finding
from ..settings.config import CodeFilter, Config
from .clients import awaits_client, with_confirmed_sites
from .list_rules import is_nylas_request, requests_findings
from .resolver import FlowResolver


def module_findings(facts: ModuleFacts, config: Config, enabled: CodeFilter) -> list[Finding]:
    """The list-rule findings of one module's own scope requests.

    An ``authentication_url`` request is confirmed as the judge of a project
    confirms it, by the resolver, here over this module alone (a client imported
    from another module is not seen).  Facts without flow records (the extractor run
    by itself) leave it as it is: unconfirmed, it counts only when its scopes name a
    Nylas scope, as for any receiver the resolver cannot show to be a client.
    """
    if facts.flow is not None and any(awaits_client(site) for site in facts.sites):
        resolver = FlowResolver([facts], config.client_names)
        facts = with_confirmed_sites({facts.path: facts}, resolver)[facts.path]
    sites = [site for site in facts.sites if is_nylas_request(site)]
    findings = requests_findings(sites, config, enabled)
    return sorted(findings, key=lambda finding: finding.sort_key)
