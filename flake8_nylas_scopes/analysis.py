"""Facts to findings: the one analysis every front end runs."""

from __future__ import annotations

import ast
from collections.abc import Sequence

from .config import CodeFilter, Config
from .extract import extract_module, mentions_nylas
from .facts import ModuleFacts
from .findings import Finding
from .list_rules import is_nylas_request, list_findings


def module_facts(
    tree: ast.Module | None, path: str, lines: Sequence[str], module_name: str = ""
) -> ModuleFacts:
    """Facts of one module; a module that cannot concern Nylas costs one text scan."""
    if not mentions_nylas("".join(lines)):
        return ModuleFacts(path, mentions_nylas=False)
    if tree is None:
        tree = ast.parse("".join(lines), filename=path)
    return extract_module(tree, path, lines, module_name)


def module_findings(facts: ModuleFacts, config: Config, enabled: CodeFilter) -> list[Finding]:
    findings: list[Finding] = []
    for site in facts.sites:
        if is_nylas_request(site):
            findings.extend(list_findings(site, config, enabled))
    # A constant used by two requests yields the same finding twice: report it once.
    return sorted(set(findings), key=lambda finding: finding.sort_key)
