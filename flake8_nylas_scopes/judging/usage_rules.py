"""Rules that compare requested scopes with the Nylas calls: NYS301-304, and inference.

Pure functions of the resolved project.  NYS301 (missing) needs only a call and the
granted scopes.  NYS302 (overbroad) and NYS303 (unused) claim that nothing needs
more, so they speak only when every use that could touch the scope is resolved;
NYS304 (off by default) says where the analysis lost track.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from ..analysis.facts import ScopeSite, SiteKind, ValueState
from ..codes import CODES
from ..findings import Finding, Fix, FixAction
from ..nylas_api.types import Endpoint, ScopeOption
from ..nylas_api.v2 import scopes as cat
from ..nylas_api.v2.scopes import CATALOGUE
from ..places import PlaceMarks
from ..settings.config import CodeFilter, Config
from ..spans import Span
from .list_rules import list_findings, providers_for, read_entry
from .resolver import EndpointUse, UnresolvedUse

# The list findings that remove an item when the safe fixes run: usage rules judge
# the list as it will be after them.
_REMOVED_BY_SAFE_FIXES = frozenset({"NYS103", "NYS104", "NYS201"})


def _all_codes(code: str) -> bool:
    return True


def may_grant(granted: Iterable[str], scope: str) -> bool:
    return any(CATALOGUE.may_include(have, scope) for have in granted)


def certainly_grants(granted: Iterable[str], scope: str) -> bool:
    return any(have == scope or CATALOGUE.includes(have, scope) for have in granted)


def may_satisfy(granted: frozenset[str], endpoint: Endpoint) -> bool:
    """Whether ``granted`` could make the endpoint work, on any evidence."""
    return any(all(may_grant(granted, s) for s in option.scopes) for option in endpoint.options)


def certain_options(endpoint: Endpoint) -> list[ScopeOption]:
    return [option for option in endpoint.options if option.certainty.is_certain]


def _rank(option: ScopeOption) -> tuple[int, int, list[str]]:
    ranks = [CATALOGUE.rank.get(scope, 5) for scope in option.scopes]
    return (sum(ranks), len(option.scopes), sorted(option.scopes))


def needs_a_scope(endpoint: Endpoint) -> bool:
    """Only certain requirements can make a call 'missing' a scope."""
    return endpoint.user_scoped and endpoint.requirement.is_certain and bool(
        certain_options(endpoint)
    )


@dataclass
class Inference:
    """The minimal scope set the calls need, with the evidence for each scope."""

    scopes: list[str] = field(default_factory=list)
    evidence: dict[str, list[EndpointUse]] = field(default_factory=dict)
    # Calls whose need is uncertain: no scope is inferred from them alone.
    uncertain: list[EndpointUse] = field(default_factory=list)


def infer(uses: Sequence[EndpointUse]) -> Inference:
    """Pick, among the alternatives of each call, the smallest set under inclusion.

    Calls with a single certain way to succeed are served first; the others reuse a
    scope already chosen when one certainly works, else take their lowest-ranked
    certain option (read-only before write).  Chosen scopes certainly included by
    another chosen scope are dropped.
    """
    result = Inference()
    # Thousands of calls reach a few dozen endpoints: read each endpoint once.
    ranked = _RankedOptions()
    needing = [use for use in uses if ranked.needs_a_scope(use.endpoint)]
    result.uncertain = [
        use for use in uses
        if use.endpoint.user_scoped and not ranked.needs_a_scope(use.endpoint)
    ]
    needing.sort(key=lambda use: (len(ranked.options(use.endpoint)), use.span.path,
                                  use.span.line))
    chosen: list[str] = []
    served_by = [_serve(use.endpoint, chosen, ranked) for use in needing]
    minimal = [
        scope for scope in chosen
        if not any(other != scope and CATALOGUE.includes(other, scope) for other in chosen)
    ]
    result.scopes = sorted(
        minimal, key=lambda s: (s.split(".")[0], CATALOGUE.rank.get(s, 5), s)
    )
    grantors = {
        scope: [s for s in minimal if s == scope or CATALOGUE.includes(s, scope)][:1]
        for option in set(served_by) for scope in option.scopes
    }
    for use, option in zip(needing, served_by):
        for scope in option.scopes:
            for grantor in grantors[scope]:
                result.evidence.setdefault(grantor, []).append(use)
    return result


class _RankedOptions:
    """Per endpoint: whether it needs a scope, and its certain options best first.

    Keyed by identity: the endpoints outlive the judging of the uses that hold them.
    """

    def __init__(self) -> None:
        self._needs: dict[int, bool] = {}
        self._options: dict[int, list[ScopeOption]] = {}
        # (endpoint, how many scopes were chosen) -> the option that served it then.
        self.served: dict[tuple[int, int], ScopeOption] = {}

    def needs_a_scope(self, endpoint: Endpoint) -> bool:
        needs = self._needs.get(id(endpoint))
        if needs is None:
            needs = self._needs[id(endpoint)] = needs_a_scope(endpoint)
        return needs

    def options(self, endpoint: Endpoint) -> list[ScopeOption]:
        options = self._options.get(id(endpoint))
        if options is None:
            options = self._options[id(endpoint)] = sorted(certain_options(endpoint), key=_rank)
        return options


def _serve(endpoint: Endpoint, chosen: list[str], ranked: _RankedOptions) -> ScopeOption:
    """The option serving a call to ``endpoint``; add its scopes ``chosen`` lacks."""
    # ``chosen`` only grows, so its length says what it holds.  A call seen with the
    # same length left it unchanged (else the length would differ now): same answer.
    key = (id(endpoint), len(chosen))
    option = ranked.served.get(key)
    if option is not None:
        return option
    options = ranked.options(endpoint)
    working = [o for o in options if all(certainly_grants(chosen, s) for s in o.scopes)]
    option = working[0] if working else options[0]
    for scope in sorted(option.scopes):
        if not certainly_grants(chosen, scope):
            chosen.append(scope)
    ranked.served[key] = option
    return option


@dataclass(frozen=True)
class ProjectState:
    """Everything the usage rules look at, resolved across the project."""

    sites: Sequence[ScopeSite]
    endpoint_uses: Sequence[EndpointUse]
    unresolved: Sequence[UnresolvedUse]
    unresolved_sites: Sequence[ScopeSite]
    # Some request's scopes come from a wrapper's callers, which may not all be seen:
    # the granted set may be larger than the analysis knows, so nothing is "missing".
    partial_grant: bool = False


def granted_scopes(state: ProjectState, config: Config) -> frozenset[str] | None:
    """The union of what every auth site requests; None when a site cannot be read."""
    if state.unresolved_sites:
        return None
    granted: set[str] = {scope.strip().lower() for scope in config.granted_scopes}
    for site in state.sites:
        value = site.value
        if site.ignored_key or value.state in (ValueState.MISSING, ValueState.EMPTY):
            granted.update(cat.V2_SDK_DEFAULT_SCOPES.scopes)
        elif value.state is ValueState.ITEMS:
            if not value.complete:
                return None
            granted.update(
                scope for item in value.items for scope in read_entry(item).scopes
                if scope in cat.V2_SCOPES
            )
        else:
            return None
    return frozenset(granted)


def usage_findings(state: ProjectState, config: Config, enabled: CodeFilter) -> Iterator[Finding]:
    granted = granted_scopes(state, config)
    if enabled("NYS304"):
        yield from _unresolved_findings(state)
    if granted is None or not (state.sites or config.granted_scopes):
        return
    if enabled("NYS301") and not state.partial_grant:
        yield from _missing(state, granted)
    yield from _overbroad_or_unused(state, config, enabled)


def _unresolved_findings(state: ProjectState) -> Iterator[Finding]:
    for use in state.unresolved:
        yield Finding("NYS304", use.span, CODES["NYS304"].message(what=use.reason))
    for site in state.unresolved_sites:
        reason = site.value.reason or "the scopes value cannot be read"
        yield Finding(
            "NYS304", site.span, CODES["NYS304"].message(what=f"cannot follow the scopes: {reason}")
        )


def _missing(state: ProjectState, granted: frozenset[str]) -> Iterator[Finding]:
    site_spans = [site.span for site in state.sites]
    lists = [site for site in state.sites if site.value.state is ValueState.ITEMS]
    satisfied: dict[str, bool] = {}
    for use in state.endpoint_uses:
        endpoint = use.endpoint
        if endpoint.key not in satisfied:
            satisfied[endpoint.key] = not needs_a_scope(endpoint) or may_satisfy(
                granted, endpoint
            )
        if satisfied[endpoint.key]:
            continue
        best = sorted(certain_options(endpoint), key=_rank)[0]
        suggestion = " + ".join(repr(scope) for scope in sorted(best.scopes))
        needed = " or ".join(
            " + ".join(repr(s) for s in sorted(option.scopes))
            for option in sorted(certain_options(endpoint), key=_rank)
        )
        places = PlaceMarks()
        where = places.marks(site_spans) or "configuration"
        trail = f"{places.mark(use.span)} {use.shown} -> {endpoint.key}"
        fix = None
        if len(lists) == 1 and lists[0].value.span is not None:
            fix = Fix(FixAction.APPEND, lists[0].value.span, 0, "", tuple(sorted(best.scopes)))
        yield Finding(
            "NYS301",
            use.span,
            CODES["NYS301"].message(
                call=f"{use.shown} ({endpoint.key})",
                needed=needed,
                where=f"the scopes requested at {where} do not grant it",
                suggestion=suggestion,
            ),
            fix,
            evidence=(trail,),
            places=tuple(places.spans),
        )


def _kept_items(site: ScopeSite, config: Config) -> list[tuple[str, Span, int, str]]:
    """The known scopes of a list that survive the safe fixes, with where each is."""
    removed = {
        (finding.span, finding.fix.part)
        for finding in list_findings(site, config, _all_codes)
        if finding.code in _REMOVED_BY_SAFE_FIXES and finding.fix is not None
    }
    kept: list[tuple[str, Span, int, str]] = []
    for item in site.value.items:
        entry = read_entry(item)
        if (item.span, item.part) in removed or len(entry.scopes) != 1:
            continue
        if entry.scope in cat.V2_SCOPES:
            kept.append((entry.scope, item.span, item.part, item.text))
    return kept


def _overbroad_or_unused(
    state: ProjectState, config: Config, enabled: CodeFilter
) -> Iterator[Finding]:
    user_uses = [use for use in state.endpoint_uses if use.endpoint.user_scoped]
    # A login service that only exchanges codes for tokens and hands them elsewhere
    # makes no call with them: there is nothing to judge the scopes by.
    if not user_uses:
        return
    if any(use.scopes is None for use in state.unresolved):
        return
    touched = frozenset(
        scope for use in state.unresolved if use.scopes is not None for scope in use.scopes
    )
    assumed = {scope.strip().lower() for scope in config.assume_used}
    # Thousands of calls reach a few dozen endpoints: judge each endpoint once.
    by_endpoint: dict[str, list[EndpointUse]] = {}
    for use in user_uses:
        by_endpoint.setdefault(use.endpoint.key, []).append(use)
    endpoints = {key: uses[0].endpoint for key, uses in by_endpoint.items()}
    # Sites request the same few scopes over and over: find what each scope serves once.
    served: dict[str, tuple[list[str], list[EndpointUse]]] = {}
    for site in state.sites:
        if site.value.state is not ValueState.ITEMS or site.kind is SiteKind.FLASK_DANCE:
            continue
        kept = _kept_items(site, config)
        kept_scopes = [scope for scope, *_ in kept]
        for scope, span, part, text in kept:
            if scope in assumed or any(CATALOGUE.may_include(scope, t) for t in touched):
                continue
            if scope not in served:
                keys = [key for key, endpoint in endpoints.items() if _serves(scope, endpoint)]
                served[scope] = (keys, [use for key in keys for use in by_endpoint[key]])
            serving, used_by = served[scope]
            remove = Fix(FixAction.REMOVE, span, part, text)
            if not used_by:
                if _keeps_gmail_threading(scope, kept_scopes, site, config):
                    continue
                if enabled("NYS303"):
                    yield Finding("NYS303", span, CODES["NYS303"].message(scope=scope), remove,
                                  evidence=_origin(site))
                continue
            others = [s for s in kept_scopes if s != scope]
            narrower = _narrower(scope, [endpoints[key] for key in serving], others)
            if narrower and enabled("NYS302"):
                places = PlaceMarks()
                yield Finding(
                    "NYS302",
                    span,
                    CODES["NYS302"].message(
                        scope=scope, narrower=" + ".join(repr(s) for s in narrower)
                    ),
                    Fix(FixAction.REPLACE, span, part, text, narrower),
                    evidence=_origin(site) + _evidence(used_by, places),
                    places=tuple(places.spans),
                )


def _origin(site: ScopeSite) -> tuple[str, ...]:
    """The configuration the request's scopes were read from, when the code names it
    only indirectly (Django's settings, Flask's configuration)."""
    return (f"scopes read from {site.value.origin}",) if site.value.origin else ()


def _keeps_gmail_threading(
    scope: str, kept: Sequence[str], site: ScopeSite, config: Config
) -> bool:
    """Whether dropping ``scope`` would leave ``email.send`` the only email scope of a
    request a Gmail account can make: NYS202 asks for another email scope there, so
    NYS303 must not ask to remove this one."""
    if cat.V2_SCOPES[scope].family is not cat.ScopeFamily.EMAIL:
        return False
    rest = {s for s in kept if s != scope and cat.V2_SCOPES[s].family is cat.ScopeFamily.EMAIL}
    return rest == {cat.V2_GMAIL_SEND_ONLY_SCOPE} and providers_for(site, config).can_be_google()


_EVIDENCE_SHOWN = 5


def _evidence(uses: Sequence[EndpointUse], places: PlaceMarks) -> tuple[str, ...]:
    """The first calls behind a finding, and how many more there are."""
    shown = tuple(
        f"{places.mark(use.span)} {use.shown} -> {use.endpoint.key}"
        for use in uses[:_EVIDENCE_SHOWN]
    )
    rest = len(uses) - _EVIDENCE_SHOWN
    more = f"... and {rest} more call{'' if rest == 1 else 's'}"
    return shown + ((more,) if rest > 0 else ())


def _serves(scope: str, endpoint: Endpoint) -> bool:
    """Whether ``scope`` could take part in making the endpoint work."""
    return any(
        any(CATALOGUE.may_include(scope, needed) for needed in option.scopes)
        for option in endpoint.options
    )


def _narrower(scope: str, uses: Sequence[Endpoint], others: Sequence[str]) -> tuple[str, ...]:
    """The fewest, lowest-ranked scopes certainly inside ``scope`` that serve every use.

    Each use must succeed through a *certain* option made of the candidates and the
    other requested scopes; otherwise the scope is not reported as overbroad.
    """
    candidates = sorted(
        CATALOGUE.certainly_included(scope),
        key=lambda s: (CATALOGUE.rank.get(s, 5), s),
    )
    for size in (1, 2):
        for combo in combinations(candidates, size):
            pool = [*combo, *others]
            if all(_certainly_served(pool, endpoint) for endpoint in uses):
                if any(CATALOGUE.includes(a, b) for a in combo for b in combo if a != b):
                    continue
                return tuple(sorted(combo))
    return ()


def _certainly_served(pool: Sequence[str], endpoint: Endpoint) -> bool:
    return any(
        all(certainly_grants(pool, s) for s in option.scopes)
        for option in certain_options(endpoint)
    )
