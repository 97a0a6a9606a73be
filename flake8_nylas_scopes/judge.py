"""Judge a whole project: resolve sites and client flow, then run every rule."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from .catalogue import V2_LEGACY_EMAIL_SCOPE, V2_SCOPES, ScopeFamily
from .config import CodeFilter, Config
from .endpoints_v2 import ENDPOINTS
from .facts import ModuleFacts, ScopeSite, ScopeValue, SiteKind, ValueState
from .findings import Finding, Fix, FixAction
from .flow_extract import AUTH_URL_METHOD
from .list_rules import is_nylas_request, list_findings
from .results import FileError, ProjectResult
from .resolver import EndpointUse, FlowResolver, UnresolvedUse
from .spans import Span
from .test_code import is_test_file
from .usage_rules import Inference, ProjectState, infer, usage_findings

# Scopes given to a wrapper function's parameter (see extract._parameter_reference).
PARAM_PREFIX = "param:"


def _constant(by_module: Mapping[str, ModuleFacts], reference: str) -> ScopeValue | None:
    """The scopes value of ``pkg.module.NAME`` when a project module defines it."""
    module_name, _, name = reference.rpartition(".")
    facts = by_module.get(module_name)
    return facts.constants.get(name) if facts is not None else None


def _callers_scopes(
    modules: Mapping[str, ModuleFacts], by_module: Mapping[str, ModuleFacts],
    resolver: FlowResolver, site: ScopeSite, defaults: Mapping[str, ScopeValue],
) -> list[ScopeSite]:
    """The requests a wrapper makes: one per caller passing scopes, plus its default."""
    function, position, name = site.value.reference[len(PARAM_PREFIX):].split("#")
    found: list[ScopeSite] = []
    for facts in modules.values():
        for argument in facts.flow.scope_args if facts.flow else ():
            if ("func", function) not in resolver.resolve(argument.callee):
                continue
            if argument.position != int(position) and argument.keyword != name:
                continue
            value = argument.value
            if value.state is ValueState.UNRESOLVED and value.reference:
                value = _constant(by_module, value.reference) or value
            found.append(dataclasses.replace(site, value=value))
    default = defaults.get(site.value.reference)
    if default is not None:
        found.append(dataclasses.replace(site, value=default))
    return found


def _resolve_sites(
    modules: Mapping[str, ModuleFacts], resolver: FlowResolver
) -> tuple[list[ScopeSite], list[ScopeSite], bool]:
    confirmed: set[Span] = set()
    for facts in modules.values():
        if facts.flow is None:
            continue
        for use in facts.flow.uses:
            if use.attrs == (AUTH_URL_METHOD,) and resolver.is_client(use.root):
                confirmed.add(use.span)
    by_module = {facts.module: facts for facts in modules.values() if facts.module}
    sites: list[ScopeSite] = []
    unresolved: list[ScopeSite] = []
    # True when some request's scopes come from callers the analysis may not all see.
    partial = False
    for facts in modules.values():
        for site in facts.sites:
            if site.value.reference.startswith(PARAM_PREFIX):
                from_callers = _callers_scopes(
                    modules, by_module, resolver, site, facts.param_defaults
                )
                if from_callers:
                    sites.extend(from_callers)
                    partial = True
                    continue
            if site.kind is SiteKind.SDK_HOSTED and not site.confirmed and site.span in confirmed:
                site = dataclasses.replace(site, confirmed=True)
            if site.value.state is ValueState.UNRESOLVED and site.value.reference:
                value = _constant(by_module, site.value.reference)
                if value is not None:
                    site = dataclasses.replace(site, value=value)
            if not is_nylas_request(site):
                continue
            if site.value.state is ValueState.UNRESOLVED and not site.ignored_key:
                unresolved.append(site)
            else:
                sites.append(site)
    return sites, unresolved, partial


def _usage(
    modules: Mapping[str, ModuleFacts], resolver: FlowResolver
) -> tuple[list[EndpointUse], list[UnresolvedUse]]:
    endpoints: list[EndpointUse] = []
    unresolved: list[UnresolvedUse] = []
    for facts in modules.values():
        for raw in facts.raw_uses:
            if raw.endpoint:
                endpoints.append(
                    EndpointUse(ENDPOINTS[raw.endpoint], raw.span, raw.text,
                                f"{raw.method} {raw.path}")
                )
            else:
                unresolved.append(UnresolvedUse(
                    raw.span, f"{raw.method} {raw.path} is not in the endpoint map", None))
        flow = facts.flow
        if flow is None:
            continue
        nylas_module = facts.mentions_nylas or any(
            resolver.is_client(use.root) for use in flow.uses
        )
        for use in flow.uses:
            found, lost = resolver.interpret(use, nylas_module)
            endpoints.extend(found)
            unresolved.extend(lost)
        for effects in (
            *(resolver.call_effects(call) for call in flow.calls),
            *(resolver.sink_effects(sink) for sink in flow.sinks),
            *(resolver.store_effects(store) for store in flow.stores),
        ):
            endpoints.extend(effects[0])
            unresolved.extend(effects[1])
        for read in flow.reads:
            endpoints.extend(resolver.read_effects(read))
    # A request found twice (a loop's iterable is a use and a read) counts once.
    unique: dict[tuple[Span, str], EndpointUse] = {}
    for request in endpoints:
        # The call as written (a use) before the same request seen as a read.
        unique.setdefault((request.span, request.endpoint.key), request)
    return list(unique.values()), list(dict.fromkeys(unresolved))


def judge_project(
    modules: Mapping[str, ModuleFacts],
    errors: list[FileError],
    config: Config,
    enabled: CodeFilter,
) -> ProjectResult:
    result = ProjectResult(
        errors=list(errors), facts=dict(modules),
        files=frozenset(modules).union(error.path for error in errors),
    )
    result.mentions_nylas = any(facts.mentions_nylas for facts in modules.values())
    if not result.mentions_nylas:
        return result
    resolver = FlowResolver(modules.values(), config.client_names)
    every_site, unresolved_sites, partial = _resolve_sites(modules, resolver)
    # Tests take no part in the usage rules (see ``test_code``).
    sites = [site for site in every_site if not is_test_file(site.span.path)]
    unresolved_sites = [site for site in unresolved_sites
                        if not is_test_file(site.span.path)]
    endpoint_uses, unresolved = _usage(
        {path: facts for path, facts in modules.items() if not is_test_file(path)}, resolver
    )
    for error in (error for error in errors if not is_test_file(error.path)):
        # A module that cannot be read may use the client in any way.
        unresolved.append(UnresolvedUse(
            Span(error.path, 1, 0, 1, 0), f"{error.message}; its Nylas calls are unknown", None
        ))
    state = ProjectState(sites, endpoint_uses, unresolved, unresolved_sites, partial)
    result.state = state
    result.inference = infer(endpoint_uses)
    findings: set[Finding] = set()
    for site in every_site:
        findings.update(_with_inferred_scopes(f, result.inference, state, site)
                        for f in list_findings(site, config, enabled))
    findings.update(usage_findings(state, config, enabled))
    result.findings = sorted(findings, key=lambda finding: finding.sort_key)
    return result


def _with_inferred_scopes(
    finding: Finding, inference: Inference, state: ProjectState, site: ScopeSite
) -> Finding:
    """Give NYS105 and NYS106 their fixes from the inferred minimal set.

    NYS105 gets the whole set as the missing scopes value; NYS106 replaces legacy
    ``email`` by the inferred email scopes.  Only when every use is resolved: an
    unseen call may need more.
    """
    if state.unresolved or finding.code not in ("NYS105", "NYS106"):
        return finding
    if finding.code == "NYS105" and inference.scopes:
        fix = Fix(FixAction.SET_SCOPES, finding.span, 0, "", tuple(inference.scopes))
        return dataclasses.replace(finding, fix=fix)
    email_scopes = tuple(
        scope for scope in inference.scopes
        if V2_SCOPES[scope].family is ScopeFamily.EMAIL
    )
    for item in site.value.items:
        if item.span == finding.span and item.text.strip().lower() == V2_LEGACY_EMAIL_SCOPE:
            if email_scopes:
                fix = Fix(FixAction.REPLACE, item.span, item.part, item.text, email_scopes)
                return dataclasses.replace(finding, fix=fix)
    return finding
