"""The list findings of one module alone, for front ends that judge a file by itself."""

from __future__ import annotations

from ..analysis.facts import ModuleFacts
from ..findings import Finding
from ..settings.config import CodeFilter, Config
from .list_rules import is_nylas_request, requests_findings


def module_findings(facts: ModuleFacts, config: Config, enabled: CodeFilter) -> list[Finding]:
    """The list-rule findings of one module's own scope requests."""
    sites = [site for site in facts.sites if is_nylas_request(site)]
    findings = requests_findings(sites, config, enabled)
    return sorted(findings, key=lambda finding: finding.sort_key)
