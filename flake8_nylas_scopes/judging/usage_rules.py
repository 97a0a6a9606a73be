"""Rules that compare requested scopes with the Nylas calls: NYS301-304, and inference.

Pure functions of the resolved project.  NYS301 (missing) needs only a call and the
granted scopes.  NYS302 (overbroad) and NYS303 (unused) claim that nothing needs
more, so they speak only when every use that could touch the scope is resolved;
NYS304 (off by default) says where the analysis lost track.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
import dataclasses
from dataclasses import dataclass, field
from itertools import combinations, product

from ..analysis.facts import Generation, ScopeItem, ScopeSite, SiteKind, ValueState
from ..codes import CODES
from ..findings import Finding, Fix, FixAction
from ..nylas_api import dialect_catalogue
from ..nylas_api.catalogue import Catalogue
from ..nylas_api.types import Certainty, Endpoint, ScopeOption
from ..places import PlaceMarks, display_path
from ..settings.config import CodeFilter, Config
from ..spans import Span
from .argument_cases import chosen_text
from .list_rules import (
    default_grant, keeps_gmail_threading, keeps_imap_mail, list_findings, read_entry,
    sends_alone,
)
from .resolver import EndpointUse, UnresolvedUse
from .scope_checks import guarded_scopes
from .v3_list_rules import names_one_scope
from .v3_requests import V2, V3_UNKNOWN, awaits_migration, site_dialect, v3_granted

# The list findings that remove an item when the safe fixes run: usage rules judge
# the list as it will be after them.
_REMOVED_BY_SAFE_FIXES = frozenset({"NYS103", "NYS104", "NYS201", "NYS403"})
# Google's tier that makes an app pass a yearly security assessment.
_RESTRICTED = "restricted"


def _all_codes(code: str) -> bool:
    return True


def may_grant(catalogue: Catalogue, granted: Iterable[str], scope: str) -> bool:
    return any(catalogue.may_include(have, scope) for have in granted)


def certainly_grants(catalogue: Catalogue, granted: Iterable[str], scope: str,
                     doubted: frozenset[str] = frozenset()) -> bool:
    """Whether ``granted`` certainly holds ``scope``: itself, or a scope certainly
    including it that is not one of ``doubted`` (see ``doubted_alone``)."""
    return any(have == scope or (have not in doubted and catalogue.includes(have, scope))
               for have in granted)


def doubted_alone(endpoint: Endpoint) -> frozenset[str]:
    """The scopes the endpoint table says it does not know to serve the call alone
    (``email.read_only`` for ``GET /folders``, though it includes ``email.metadata``,
    which does).  The table speaks of this call, the order of scopes in general: no
    inclusion makes such a scope certain to serve it."""
    return frozenset(scope for option in endpoint.options
                     if len(option.scopes) == 1 and option.certainty is Certainty.UNKNOWN
                     for scope in option.scopes)


def may_satisfy(catalogue: Catalogue, granted: frozenset[str], endpoint: Endpoint) -> bool:
    """Whether ``granted`` could make the endpoint work, on any evidence."""
    return any(all(may_grant(catalogue, granted, s) for s in option.scopes)
               for option in endpoint.options)


def certain_options(endpoint: Endpoint) -> list[ScopeOption]:
    return [option for option in endpoint.options if option.certainty.is_certain]


def _rank(catalogue: Catalogue, option: ScopeOption) -> tuple[int, int, list[str]]:
    ranks = [catalogue.rank.get(scope, 5) for scope in option.scopes]
    return (sum(ranks), len(option.scopes), sorted(option.scopes))


def narrowest_first(catalogue: Catalogue, options: Sequence[ScopeOption]
                    ) -> list[ScopeOption]:
    """The options, those no other option is certainly inside of first, then by rank.

    The one order of "narrower" that NYS302 judges a scope by: scopes certainly
    included in it that serve the call are narrower, even two of them against one
    broad scope (calendar.readonly + calendar.events inside calendar), whatever
    their ranks add up to.  ``infer`` and NYS301's suggestion pick from this order,
    so that they never propose what NYS302 would call broader than needed.
    """
    def broader(option: ScopeOption) -> bool:
        return any(
            other.scopes != option.scopes
            and all(certainly_grants(catalogue, option.scopes, s) for s in other.scopes)
            for other in options)

    return sorted(options, key=lambda option: (broader(option), _rank(catalogue, option)))


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
    # Scopes beside ``scopes`` that the options the endpoint map infers for those
    # calls name (``threads.update``: ``gmail.modify``), each call served by its
    # narrowest such option unless ``scopes`` or an earlier one may serve it: what
    # the app likely needs too, which no claim of the usage rules rests on.
    likely: list[str] = field(default_factory=list)
    # Scopes no call needs that a request keeps for another reason, with the reason
    # (the email scope Gmail needs beside ``email.send``: see ``gmail_companions``).
    kept: dict[str, str] = field(default_factory=dict)


def infer(uses: Sequence[EndpointUse], dialect: str = V2) -> Inference:
    """Pick, among the alternatives of each call, the smallest set under inclusion.

    Calls with a single certain way to succeed are served first; the others reuse a
    scope already chosen when one certainly works, else take their lowest-ranked
    certain option (read-only before write).  Chosen scopes certainly included by
    another chosen scope are dropped.
    """
    result = Inference()
    catalogue = dialect_catalogue(dialect)
    uses = [use for use in uses if use.endpoint.dialect == dialect]
    # Thousands of calls reach a few dozen endpoints: read each endpoint once.
    ranked = _RankedOptions(catalogue)
    needing = [use for use in uses if ranked.needs_a_scope(use.endpoint)]
    result.uncertain = [
        use for use in uses
        if use.endpoint.user_scoped and not ranked.needs_a_scope(use.endpoint)
    ]
    needing.sort(key=lambda use: (len(ranked.options(use.endpoint)), use.span.path,
                                  use.span.line))
    chosen: list[str] = []
    served_by = [_serve(use.endpoint, chosen, ranked) for use in needing]
    minimal = _minimal(catalogue, chosen)
    # A scope chosen for one call may be dropped inside a broader one chosen for
    # another, which the table doubts for the first call (``email.metadata`` for
    # ``GET /folders`` inside ``email.read_only`` for ``GET /messages``): serve such
    # calls again with a scope that stays.  ``chosen`` only grows, so this ends.
    while unserved := _unserved(catalogue, minimal, needing):
        for number in unserved:
            served_by[number] = _serve_beside(needing[number].endpoint, minimal, chosen, ranked)
        grown = _minimal(catalogue, chosen)
        if grown == minimal:
            break  # no option of the call's serves it beside the others: as it is
        minimal = grown
    result.scopes = in_rank_order(catalogue, minimal)
    result.likely = _likely(catalogue, result.scopes, result.uncertain)
    grantors = {
        scope: [s for s in minimal if s == scope or catalogue.includes(s, scope)][:1]
        for option in set(served_by) for scope in option.scopes
    }
    for use, option in zip(needing, served_by):
        # Two scopes of one option may be granted by the same chosen scope (an
        # option of ``send-rsvp`` needs two that ``calendar`` includes): the call is
        # its evidence once.  Sorted, for output that repeats.
        for grantor in sorted({g for scope in option.scopes for g in grantors[scope]}):
            result.evidence.setdefault(grantor, []).append(use)
    # In the order of the scopes, not of the sets they were found through.
    result.evidence = {scope: result.evidence[scope] for scope in result.scopes
                       if scope in result.evidence}
    return result


# Why ``infer`` lists an email scope no call needs beside ``email.send`` (NYS202).
_GMAIL_COMPANION = ("kept beside 'email.send': a request a Gmail account can make needs "
                    "another email scope for threading (NYS202)")


def with_gmail_companions(inference: Inference, state: ProjectState, config: Config
                          ) -> Inference:
    """``inference`` with the email scopes the API v2 requests keep beside
    ``email.send`` for Gmail's threading, where ``email.send`` is the only email scope
    the calls need: NYS303 does not ask to drop them (``keeps_gmail_threading``), so
    the set ``infer`` names must hold them too, or a request narrowed to it would get
    NYS202 on the next run."""
    catalogue = dialect_catalogue(V2)
    if not sends_alone(inference.scopes):
        return inference
    kept: dict[str, str] = {}
    for site in state.sites:
        if site_dialect(site) != V2 or site.value.state is not ValueState.ITEMS or (
                site.kind is SiteKind.FLASK_DANCE):
            continue
        scopes = [scope for scope, *_ in _kept_items(site, config, catalogue)]
        for scope in scopes:
            if scope not in inference.scopes and keeps_gmail_threading(
                    scope, scopes, site, config, _partly_read(site),
                    lambda needed: needed in inference.scopes):
                kept[scope] = _GMAIL_COMPANION
    if not kept:
        return inference
    every = [*inference.scopes, *kept]
    return dataclasses.replace(
        inference, kept=kept,
        scopes=in_rank_order(catalogue, every))


def in_rank_order(catalogue: Catalogue, scopes: Iterable[str]) -> list[str]:
    """Scopes by family, then read-only before write, as ``infer`` lists them."""
    return sorted(scopes, key=lambda s: (s.split(".")[0], catalogue.rank.get(s, 5), s))


def _likely(catalogue: Catalogue, scopes: Sequence[str], uncertain: Sequence[EndpointUse]
            ) -> list[str]:
    """The scopes besides ``scopes`` that the calls of uncertain need likely need (see
    ``Inference.likely``)."""
    held = list(scopes)
    added: list[str] = []

    def served(scope: str) -> bool:
        return any(catalogue.may_include(have, scope) for have in held)

    for use in sorted(uncertain, key=lambda use: (use.span.path, use.span.line)):
        options = narrowest_first(catalogue, list(use.endpoint.options))
        if not options or any(all(served(scope) for scope in option.scopes)
                              for option in options):
            continue
        for scope in sorted(options[0].scopes):
            if not served(scope):
                held.append(scope)
                added.append(scope)
    return _minimal(catalogue, added)


def _unserved(catalogue: Catalogue, scopes: Sequence[str], uses: Sequence[EndpointUse]
              ) -> list[int]:
    """The positions of the uses ``scopes`` do not certainly serve (each endpoint
    judged once: thousands of calls reach a few dozen endpoints)."""
    served: dict[int, bool] = {}
    unserved = []
    for number, use in enumerate(uses):
        known = served.get(id(use.endpoint))
        if known is None:
            known = served[id(use.endpoint)] = _certainly_served(catalogue, scopes, use.endpoint)
        if not known:
            unserved.append(number)
    return unserved


def _minimal(catalogue: Catalogue, chosen: Sequence[str]) -> list[str]:
    """The chosen scopes no other chosen scope certainly includes."""
    return [scope for scope in chosen
            if not any(other != scope and catalogue.includes(other, scope) for other in chosen)]


class _RankedOptions:
    """Per endpoint: whether it needs a scope, and its certain options best first.

    Keyed by identity: the endpoints outlive the judging of the uses that hold them.
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
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
            options = self._options[id(endpoint)] = narrowest_first(
                self.catalogue, every_case_options(self.catalogue, endpoint))
        return options


def undecided_arguments(endpoint: Endpoint) -> list[str]:
    """The arguments the call's reading left undecided that change what it needs
    (``calendar_id`` where it may be "primary"): the options chosen for it serve
    whatever they are."""
    return sorted({clause.parameter for case in endpoint.variants for clause in case.when})


def _whatever(endpoint: Endpoint) -> str:
    """`` (whatever calendar_id is)`` where the options listed serve each case of
    arguments the analysis could not read; "" elsewhere."""
    undecided = undecided_arguments(endpoint)
    if undecided:
        return f" (whatever {', '.join(undecided)} is)"
    # A condition the call's arguments chose: the need differs from what the endpoint
    # asks for elsewhere (creating an event in Google's "primary" calendar needs the
    # full calendar scope), which the reader would otherwise not see.
    chosen = chosen_text(endpoint)
    return f" (with {chosen})" if chosen else ""


def every_case_options(catalogue: Catalogue, endpoint: Endpoint) -> list[ScopeOption]:
    """The certain options that serve the call whatever its arguments: where an
    argument changes the need (``calendar_id="primary"``) and the analysis does not
    read it, the inferred set must work in each case."""
    options = certain_options(endpoint)
    if not endpoint.variants:
        return options
    serving = [option for option in options
               if _certainly_served(catalogue, sorted(option.scopes), endpoint)]
    if serving:
        return serving
    # No single option serves every case: one certain option of each case together.
    merged: set[str] = set()
    for case in endpoint.variants:
        certain = [option for option in case.options if option.certainty.is_certain]
        if certain:
            merged |= narrowest_first(catalogue, certain)[0].scopes
    return [ScopeOption(frozenset(merged), endpoint.requirement)] if merged else options


def _serve(endpoint: Endpoint, chosen: list[str], ranked: _RankedOptions) -> ScopeOption:
    """The option serving a call to ``endpoint``; add its scopes ``chosen`` lacks."""
    # ``chosen`` only grows, so its length says what it holds.  A call seen with the
    # same length left it unchanged (else the length would differ now): same answer.
    key = (id(endpoint), len(chosen))
    option = ranked.served.get(key)
    if option is not None:
        return option
    option = ranked.served[key] = _serve_beside(endpoint, chosen, chosen, ranked)
    return option


def _serve_beside(endpoint: Endpoint, held: Sequence[str], chosen: list[str],
                  ranked: _RankedOptions) -> ScopeOption:
    """The option serving a call to ``endpoint`` beside the scopes ``held``: one they
    already certainly serve it through, else the best one they do not hold inside a
    scope the table doubts for the call (which would drop it again); add its scopes
    ``chosen`` lacks."""
    options = ranked.options(endpoint)
    catalogue = ranked.catalogue
    doubted = doubted_alone(endpoint)
    working = [o for o in options
               if all(certainly_grants(catalogue, held, s, doubted) for s in o.scopes)]
    kept = [o for o in options if not all(certainly_grants(catalogue, held, s) for s in o.scopes)]
    option = (working or kept or options)[0]
    for scope in sorted(option.scopes):
        if not certainly_grants(catalogue, chosen, scope):
            chosen.append(scope)
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
    # By path: branches that run only for some providers' grants (first line, last
    # line, providers).  A call there misses no scope of another provider's request.
    provider_guards: Mapping[str, Sequence[tuple[int, int, tuple[str, ...]]]] = field(
        default_factory=dict)
    # By path: code that a name or key not tied to a provider picks (first line, last
    # line, the line that picks it and the path of that line when it is in another
    # module), so that which providers' grants reach it is unknown.
    undecided_guards: Mapping[str, Sequence[tuple[int, int, int, str]]] = field(
        default_factory=dict)
    # By path: branches under a test of the provider the analysis cannot tell (first
    # line, last line, the line of the test).
    unread_guards: Mapping[str, Sequence[tuple[int, int, int, str]]] = field(
        default_factory=dict)

    # For the inference of each provider's scopes: the guards above but those of a
    # branch testing the provider (``ModuleFacts.provider_guards``), which keep only
    # the calls using the tested object's grant, by path: (line, column of the call,
    # providers).  ``mirror(source, target)`` testing ``source.provider`` may call
    # with ``target``'s grant, of any provider.
    inferred_guards: Mapping[str, Sequence[tuple[int, int, tuple[str, ...]]]] = field(
        default_factory=dict)
    owned_calls: Mapping[str, Sequence[tuple[int, int, tuple[str, ...]]]] = field(
        default_factory=dict)
    # By path: code the app runs only where its own check finds a scope in the grant
    # (first line, last line, the name checked; ``ModuleFacts.scope_guards``).
    scope_guards: Mapping[str, Sequence[tuple[int, int, str]]] = field(default_factory=dict)

    def reaches(self, use: EndpointUse, dialect: str) -> bool:
        """Whether the grants of ``dialect``'s provider may make the call ``use``:
        not when it runs only for other providers' grants, whatever grant it uses.
        The answer of the usage rules (which guards keep from NYS301 only) and of
        which providers ``infer`` shows."""
        return dialect == V2 or not _kept_from(self.provider_guards, use.span, dialect)

    def needs_for(self, use: EndpointUse, dialect: str) -> bool:
        """Whether ``use`` counts for the minimal list of ``dialect``'s provider:
        unless it runs only for other providers' grants and uses the grant the guard
        keeping it tests (or is kept by code it is in, a function reached only under
        guards)."""
        if dialect == V2 or not _kept_from(self.provider_guards, use.span, dialect):
            return True
        provider = dialect.rpartition("/")[2]
        span = use.span
        return not (_kept_from(self.inferred_guards, span, dialect) or any(
            (line, column) == (span.line, span.col) and provider not in providers
            for line, column, providers in self.owned_calls.get(span.path, ())))


@dataclass(frozen=True)
class _DialectState:
    """One dialect's share of the project: its requests and the calls judged by its
    scopes (v2, or one provider of v3).  Unresolved uses are shared: a value the
    analysis lost may need scopes of any dialect, and their names never collide."""

    dialect: str
    catalogue: Catalogue
    sites: Sequence[ScopeSite]
    endpoint_uses: Sequence[EndpointUse]
    unresolved: Sequence[UnresolvedUse]
    # A request of this dialect (or of an unknown v3 provider) that cannot be read.
    unreadable: bool
    partial_grant: bool


def _dialects(state: ProjectState, configured: bool = False) -> Iterator[_DialectState]:
    """Each dialect with requests (v2 also when granted scopes are configured)."""
    by_dialect: dict[str, list[ScopeSite]] = {V2: []} if configured else {}
    unreadable: set[str] = set()
    for site in state.sites:
        dialect = site_dialect(site)
        if dialect == V3_UNKNOWN:
            unreadable.add(dialect)
        elif dialect:
            by_dialect.setdefault(dialect, []).append(site)
    unreadable.update(site_dialect(site) or V3_UNKNOWN for site in state.unresolved_sites)
    for dialect in sorted({*by_dialect, *(d for d in unreadable if d != V3_UNKNOWN)}):
        yield _DialectState(
            dialect,
            dialect_catalogue(dialect),
            by_dialect.get(dialect, []),
            [use for use in state.endpoint_uses if use.endpoint.dialect == dialect],
            state.unresolved,
            _left_unknown(dialect, unreadable),
            state.partial_grant or any(awaits_migration(site)
                                       for site in by_dialect.get(dialect, [])),
        )


def _left_unknown(dialect: str, unreadable: set[str]) -> bool:
    """Whether requests that cannot be read (by dialect, ``V3_UNKNOWN`` for a v3
    request of an unknown provider) leave what ``dialect`` grants unknown."""
    return dialect in unreadable or (dialect != V2 and V3_UNKNOWN in unreadable)


def granted_scopes(state: ProjectState, config: Config, dialect: str = V2
                   ) -> frozenset[str] | None:
    """The union of what every auth site of a dialect requests; None when a site
    cannot be read."""
    for found in _dialects(state, bool(config.granted_scopes)):
        if found.dialect == dialect:
            return _granted(found, config)
    return None if state.unresolved_sites else _granted(
        _DialectState(dialect, dialect_catalogue(dialect), [], [], state.unresolved, False,
                      state.partial_grant), config)


def _granted(state: _DialectState, config: Config) -> frozenset[str] | None:
    if state.unreadable:
        return None
    catalogue = state.catalogue
    if state.dialect != V2:
        configured = (catalogue.canonical(scope.strip()) for scope in config.granted_scopes)
        granted = {scope for scope in configured if scope is not None}
        for site in state.sites:
            requested = v3_granted(site, catalogue)
            if requested is None:
                return None
            granted |= requested
        return frozenset(granted)
    granted = {scope.strip().lower() for scope in config.granted_scopes}
    for site in state.sites:
        value = site.value
        if site.ignored_key or value.state in (ValueState.MISSING, ValueState.EMPTY):
            granted.update(default_grant())
        elif value.state is ValueState.ITEMS:
            if not value.complete:
                return None
            granted.update(
                scope for item in value.items for scope in read_entry(item).scopes
                if scope in catalogue.scopes
            )
        else:
            return None
    return frozenset(granted)


def usage_findings(state: ProjectState, config: Config, enabled: CodeFilter) -> Iterator[Finding]:
    if enabled("NYS304"):
        yield from _unresolved_findings(state)
    judged_v3 = False
    for dialect in _dialects(state, bool(config.granted_scopes)):
        judged_v3 = judged_v3 or dialect.dialect != V2
        granted, whole = _read_grant(dialect, config)
        if granted is None:
            if enabled("NYS304"):
                yield from _untold_grants(dialect, state, config)
            continue
        if not (dialect.sites or (dialect.dialect == V2 and config.granted_scopes)):
            continue
        # The scopes the NYS301 findings ask to add: an unused scope one of them
        # includes is told as replaced by it, not merely dropped.
        added: set[str] = set()
        if enabled("NYS301") and whole and not dialect.partial_grant and not _lists_unlisted(
                dialect, config):
            yield from _missing(dialect, granted, state, enabled("NYS304"), added)
        yield from _overbroad_or_unused(dialect, config, enabled, frozenset(added))
    if enabled("NYS304") and not judged_v3:
        # Only requests of a provider that cannot be told: no dialect names them.
        yield from _untold_alone(site for site in state.sites
                                 if site_dialect(site) == V3_UNKNOWN)


def _read_grant(state: _DialectState, config: Config) -> tuple[frozenset[str] | None, bool]:
    """What the dialect's requests grant, and whether that is all they grant.

    A list with items the analysis cannot read (``[EXTRA, "calendar"]``, ``EXTRA``
    from outside the project) grants what its read items say and maybe more: no call
    is missing a scope on its strength, but whether an item it names serves a call
    does not depend on the others (see ``_UnneededClaims.of``).  None when a request
    cannot be read at all.
    """
    granted = _granted(state, config)
    if granted is not None or not any(_partly_read(site) for site in state.sites):
        return granted, True
    read = dataclasses.replace(state, sites=[
        dataclasses.replace(site, value=dataclasses.replace(site.value, complete=True))
        if _partly_read(site) else site
        for site in state.sites
    ])
    return _granted(read, config), False


def _partly_read(site: ScopeSite) -> bool:
    """A list of items some of which the analysis cannot read."""
    return site.value.state is ValueState.ITEMS and not site.value.complete


def _lists_unlisted(state: _DialectState, config: Config) -> bool:
    """Whether a v3 request of the dialect names a scope the catalogue does not list
    and no list rule calls wrong (a provider scope newer than the catalogue, such as
    Google's ``calendar.events.owned``): what it grants is not known, so no call is
    missing a scope on the request's strength."""
    catalogue = state.catalogue
    for site in state.sites:
        if site.generation is not Generation.V3 or site.value.state is not ValueState.ITEMS:
            continue
        flagged = {finding.span for finding in list_findings(site, config, _all_codes)
                   if finding.code in _WRONG_V3_ITEMS}
        for item in site.value.items:
            if not names_one_scope(site, item) or item.span in flagged:
                continue
            if catalogue.canonical(item.text.strip()) is None:
                return True
    return False


# List findings that say an item of a v3 request is not a scope of its provider.
_WRONG_V3_ITEMS = frozenset({"NYS401", "NYS402", "NYS404"})


def _unresolved_findings(state: ProjectState) -> Iterator[Finding]:
    for use in state.unresolved:
        yield Finding("NYS304", use.span, CODES["NYS304"].message(what=use.reason))
    for site in state.sites:
        if _partly_read(site):
            # Its read items are judged; what the others grant is not known.
            unread = site.value.unread
            yield Finding("NYS304", site.value.span or site.span, CODES["NYS304"].message(
                what="cannot read every item of the scopes" + (f": {unread}" if unread else "")))
    for site in state.unresolved_sites:
        reason = site.value.reason or "the scopes value cannot be read"
        yield Finding(
            "NYS304", site.span, CODES["NYS304"].message(what=f"cannot follow the scopes: {reason}")
        )


def _untold_grants(dialect: _DialectState, state: ProjectState, config: Config
                   ) -> Iterator[Finding]:
    """NYS304 for a dialect whose grants cannot be told, which keeps its usage rules
    silent: at a request whose list cannot be read in full, and at each request that
    could be judged, naming the requests that leave the grants unknown.  (A request
    whose scopes cannot be read at all has its own NYS304.)"""
    candidates = list(dialect.sites)
    if dialect.dialect != V2:
        candidates += [site for site in state.sites if site_dialect(site) == V3_UNKNOWN]
    judged: list[ScopeSite] = []
    untold: list[tuple[ScopeSite, str]] = []
    for site in candidates:
        by_itself = _DialectState(dialect.dialect, dialect.catalogue, [site], [], [], False, False)
        if site_dialect(site) == V3_UNKNOWN or _read_grant(by_itself, config)[0] is None:
            untold.append((site, _why_untold(site)))
        else:
            # A list read in part has its own NYS304 (``_unresolved_findings``).
            judged.append(site)
    if not untold:
        return
    if not judged:
        yield from _untold_alone(site for site, _ in untold)
        return
    for site in judged:
        places = PlaceMarks()
        named = "; ".join(f"the request at {places.mark(other.span)} ({why})"
                          for other, why in untold)
        what = f"cannot tell what the grants hold: {named}"
        yield Finding("NYS304", site.span, CODES["NYS304"].message(what=what),
                      places=tuple(places.spans))


def _untold_alone(sites: Iterable[ScopeSite]) -> Iterator[Finding]:
    """NYS304 at each request whose scopes are read in full but whose grant cannot be
    told (``include_grant_scopes``, a config of another module, no provider the
    scopes tell), when no request could be judged to name it at: nothing else would
    say why the usage rules are silent.  (A request read only in part, or not at
    all, has its own NYS304; one taking the connector's defaults names no scopes.)"""
    for site in sites:
        if site.value.state is ValueState.ITEMS and site.value.complete:
            yield Finding("NYS304", site.span, CODES["NYS304"].message(
                what=f"cannot tell what the grant holds: {_why_untold(site)}"))


def _why_untold(site: ScopeSite) -> str:
    if site.granted_unknown:
        return site.granted_unknown
    if site.generation is Generation.V3 and site.value.state is ValueState.ITEMS and not all(
            names_one_scope(site, item) for item in site.value.items):
        return "its 'scope' is a str"
    if site.generation is Generation.V3 and not site.provider:
        return "it names no provider, and its scopes do not tell which"
    return "its scopes cannot be read"


def _kept_from(guards: Mapping[str, Sequence[tuple[int, int, tuple[str, ...]]]],
               span: Span, dialect: str) -> bool:
    """Whether the call at ``span`` runs only for other providers' grants than the
    dialect's (``if grant.provider == "google":`` around it, judging Microsoft's)."""
    provider = dialect.rpartition("/")[2]
    return any(first <= span.line <= last and provider not in providers
               for first, last, providers in guards.get(span.path, ()))


def _picked_at_run_time(undecided: Mapping[str, Sequence[tuple[int, int, int, str]]],
                        span: Span) -> str | None:
    """Where the line that picks the code at ``span`` for grants the analysis cannot
    tell is (``getattr(self, "_sync_" + kind)``, ``HANDLERS[kind]``): ``line 12``, or
    ``line 12 of app/jobs.py`` in another module; None for other code."""
    for first, last, line, path in undecided.get(span.path, ()):
        if first <= span.line <= last:
            return f"line {line} of {display_path(path)}" if path else f"line {line}"
    return None


def _undecided_reach(project: ProjectState, span: Span) -> str:
    """Why the analysis cannot tell which providers' grants reach the code at ``span``
    (a name or key not tied to a provider picks it, or a test of the provider it cannot
    read keeps it); "" when it can."""
    picked_at = _picked_at_run_time(project.undecided_guards, span)
    if picked_at is not None:
        return (f"{picked_at} picks the code to run by a name or key the analysis cannot "
                f"tie to a provider")
    tested_at = _picked_at_run_time(project.unread_guards, span)
    if tested_at is not None:
        return f"the test of the provider at {tested_at} cannot be read"
    return ""


def _missing(state: _DialectState, granted: frozenset[str], project: ProjectState,
             report_undecided: bool, added: set[str]) -> Iterator[Finding]:
    """NYS301 at each call no requested scope serves; ``added`` gathers the scopes
    their messages ask to add."""
    site_spans = [site.span for site in state.sites]
    lists = [site for site in state.sites if site.value.state is ValueState.ITEMS]
    catalogue = state.catalogue

    # By endpoint: one HTTP operation may appear with the cases its arguments chose.
    satisfied: dict[Endpoint, bool] = {}
    for use in state.endpoint_uses:
        endpoint = use.endpoint
        if endpoint not in satisfied:
            satisfied[endpoint] = not needs_a_scope(endpoint) or may_satisfy(
                catalogue, granted, endpoint
            )
        if satisfied[endpoint] or not project.reaches(use, state.dialect):
            continue
        if _checked_first(project, use, granted, catalogue):
            continue
        undecided = _undecided_reach(project, use.span)
        if undecided and state.dialect != V2:
            # Whether this provider's grants reach the call depends on what the
            # analysis cannot tie to a provider: no claim that a scope is missing.
            if report_undecided:
                provider = state.dialect.rpartition("/")[2]
                yield Finding("NYS304", use.span, CODES["NYS304"].message(
                    what=f"cannot tell whether {provider} grants reach {use.shown} "
                         f"({use.requested}), which needs a scope the {provider} request "
                         f"does not grant: {undecided}"))
            continue
        # What ``infer`` would choose for the call: where an argument the analysis
        # cannot read may change the need (``calendar_id`` may be "primary"), only the
        # options serving every case are listed, and the one added serves each.
        ordered = narrowest_first(catalogue, every_case_options(catalogue, endpoint))
        to_add = _to_add(catalogue, granted, ordered)
        suggestion = " + ".join(repr(scope) for scope in to_add)
        needed = " or ".join(" + ".join(repr(s) for s in sorted(option.scopes))
                             for option in ordered) + _whatever(endpoint)
        places = PlaceMarks()
        where = places.marks(site_spans) or "configuration"
        trail = f"{places.mark(use.span)} {use.shown} -> {use.requested}"
        fix = None
        if len(lists) == 1 and lists[0].value.span is not None:
            fix = Fix(FixAction.APPEND, lists[0].value.span, 0, "", to_add)
        added.update(to_add)
        yield Finding(
            "NYS301",
            use.span,
            CODES["NYS301"].message(
                call=f"{use.shown} ({use.requested})",
                needed=needed,
                where=f"the scopes requested at {where} do not grant it",
                suggestion=suggestion,
            ),
            fix,
            evidence=(trail,),
            places=tuple(places.spans),
        )


def _checked_first(project: ProjectState, use: EndpointUse, granted: frozenset[str],
                   catalogue: Catalogue) -> bool:
    """Whether the app makes the call only where its own checks find scopes in the
    grant that serve it, whichever scope each check's name may stand for
    (``if SEND in grant.scope: client.messages.send(...)``): the app expects grants
    without them, so nothing is missing."""
    guards = project.scope_guards.get(use.span.path)
    if not guards:
        return False
    held = guarded_scopes(guards, use.span.line, catalogue)
    return bool(held) and all(may_satisfy(catalogue, granted | frozenset(picked), use.endpoint)
                              for picked in product(*held))


def _to_add(catalogue: Catalogue, granted: frozenset[str], ordered: Sequence[ScopeOption]
            ) -> tuple[str, ...]:
    """The scopes NYS301 asks to add, sorted: those of an option (in ``ordered``,
    narrowest first) that the request does not certainly hold already.  The first
    option is taken unless another lacks fewer of its scopes (the request holds
    ``Mail.ReadWrite``: add ``Mail.Send``, not ``Mail.ReadWrite.Shared`` + ``Mail.Send``),
    so that the suggestion never repeats a scope the request has, nor asks for more
    than a sibling option would."""
    lacking = [frozenset(scope for scope in option.scopes
                         if not certainly_grants(catalogue, granted, scope))
               for option in ordered]
    chosen = next(lack for lack in lacking if not any(other < lack for other in lacking))
    return tuple(sorted(chosen))


def _kept_items(site: ScopeSite, config: Config, catalogue: Catalogue
                ) -> list[tuple[str, Span, int, str]]:
    """The known scopes of a list that survive the safe fixes, with where each is
    (canonical names; identity scopes, which no call needs, are left out)."""
    removed = {
        (finding.span, finding.fix.part)
        for finding in list_findings(site, config, _all_codes)
        if finding.code in _REMOVED_BY_SAFE_FIXES and finding.fix is not None
    }
    kept: list[tuple[str, Span, int, str]] = []
    for item in site.value.items:
        if (item.span, item.part) in removed:
            continue
        scope = item_scope(site, item, catalogue)
        if scope is not None:
            kept.append((scope, item.span, item.part, item.text))
    return kept


def item_scope(site: ScopeSite, item: ScopeItem, catalogue: Catalogue) -> str | None:
    """The one known scope an item of ``site`` names, canonical, in the catalogue of
    the request's dialect; None for anything else (identity scopes, which no call
    needs, included)."""
    if site.generation is Generation.V3:
        if not names_one_scope(site, item):
            return None
        scope = catalogue.canonical(item.text.strip())
        return scope if scope is not None and scope not in catalogue.identity else None
    entry = read_entry(item)
    return entry.scope if len(entry.scopes) == 1 and entry.scope in catalogue.scopes else None


def _overbroad_or_unused(
    state: _DialectState, config: Config, enabled: CodeFilter, added: frozenset[str] = frozenset()
) -> Iterator[Finding]:
    claims = _UnneededClaims(state, config, enabled, added)
    for site in state.sites:
        yield from claims.of(site)


class _UnneededClaims:
    """The claims that a requested scope is not needed (NYS302, NYS303, NYS405) in one
    dialect: what the dialect's calls use, gathered once, and each request judged
    against it."""

    def __init__(self, state: _DialectState, config: Config, enabled: CodeFilter,
                 added: frozenset[str] = frozenset()) -> None:
        self.state, self.config, self.enabled = state, config, enabled
        self.added = added
        self.catalogue = catalogue = state.catalogue
        user_uses = [use for use in state.endpoint_uses if use.endpoint.user_scoped]
        # A login service that only exchanges codes for tokens and hands them elsewhere
        # makes no call with them: there is nothing to judge the scopes by.  Nor does a
        # relay that only receives notifications, or code that only names a request
        # argument: the grants may serve another service.
        self.silent = all(use.endpoint.mention for use in user_uses) or any(
            use.scopes is None for use in state.unresolved)
        self.touched = frozenset(
            scope for use in state.unresolved if use.scopes is not None
            for scope in use.scopes
        )
        assumed = {scope.strip().lower() for scope in config.assume_used}
        if state.dialect != V2:
            assumed = {canonical for scope in config.assume_used
                       if (canonical := catalogue.canonical(scope.strip())) is not None}
        self.assumed = frozenset(assumed)
        # Thousands of calls reach a few dozen endpoints: judge each endpoint once.
        self.by_endpoint: dict[Endpoint, list[EndpointUse]] = {}
        for use in user_uses:
            self.by_endpoint.setdefault(use.endpoint, []).append(use)
        # Sites request the same few scopes over and over: find what each scope serves
        # once.
        self.served: dict[str, tuple[list[Endpoint], list[EndpointUse]]] = {}

    def _serving(self, scope: str) -> tuple[list[Endpoint], list[EndpointUse]]:
        """The endpoints ``scope`` may serve, and the calls of the dialect that reach them."""
        if scope not in self.served:
            serving_endpoints = [endpoint for endpoint in self.by_endpoint
                                 if _serves(self.catalogue, scope, endpoint)]
            self.served[scope] = (serving_endpoints, [
                use for endpoint in serving_endpoints
                for use in self.by_endpoint[endpoint]])
        return self.served[scope]

    def _unused_message(self, scope: str) -> str:
        """NYS303's message; where a scope NYS301 asks to add includes ``scope``, the
        two findings read as one replacement rather than as a contradiction ("the
        calendar is missing", "calendar.readonly is not needed")."""
        includers = sorted(other for other in self.added
                           if other != scope and self.catalogue.includes(other, scope))
        if not includers:
            return CODES["NYS303"].message(scope=scope)
        names = " + ".join(repr(other) for other in includers)
        return (f"NYS303 {scope!r} is requested but no Nylas call in the project needs it "
                f"once {names}, which the calls need, {'is' if len(includers) == 1 else 'are'}"
                f" added; replace it with {names}")

    def of(self, site: ScopeSite) -> Iterator[Finding]:
        """The claims on the items of one request."""
        if self.silent or site.value.state is not ValueState.ITEMS or (
                site.kind is SiteKind.FLASK_DANCE):
            return
        state, config, enabled, catalogue = self.state, self.config, self.enabled, self.catalogue
        kept = _kept_items(site, config, catalogue)
        kept_scopes = [scope for scope, *_ in kept]
        for scope, span, part, text in kept:
            # A scope that may grant one an unresolved use touches, or one the user
            # says unseen code uses, may be what grants it: removing or narrowing it
            # could take that away (``email.modify`` with ``email.read_only`` assumed).
            if any(catalogue.may_include(scope, t) for t in self.touched | self.assumed):
                continue
            serving, used_by = self._serving(scope)
            remove = Fix(FixAction.REMOVE, span, part, text)
            if not used_by:
                if state.dialect == V2 and (
                    keeps_gmail_threading(scope, kept_scopes, site, config, _partly_read(site),
                                          lambda s: bool(self._serving(s)[1]))
                    or keeps_imap_mail(scope, kept_scopes, [
                        s for s in kept_scopes if self._serving(s)[1]], site, config)
                ):
                    continue
                if enabled("NYS303"):
                    yield Finding("NYS303", span, self._unused_message(scope), remove,
                                  evidence=_origin(site))
                continue
            if _partly_read(site):
                # An item the analysis cannot read may serve these calls as well: this
                # one may be no narrower scope's place, only unneeded.
                continue
            others = [s for s in kept_scopes if s != scope]
            uses = serving
            if all(_certainly_served(catalogue, others, endpoint) for endpoint in uses):
                # The other requested scopes make every use work without this one:
                # it serves only alternatives nobody vouches for (Teams meetings may
                # need OnlineMeetings.ReadWrite), so no narrower scope is needed in
                # its place, and one named here would be a guess.
                continue
            narrower = _narrower(catalogue, scope, uses, others)
            code = "NYS302"
            tiers = catalogue.tiers
            if tiers.get(scope) == _RESTRICTED and not _unrestricted(tiers, narrower):
                # Scopes outside Google's restricted tier that serve every use spare the
                # app its security assessment, even where they are not inside ``scope``.
                lighter = _lighter(catalogue, uses, others)
                narrower = lighter or narrower
            if narrower and tiers.get(scope) == _RESTRICTED and _unrestricted(tiers, narrower):
                code = "NYS405"
            if not narrower or not enabled(code):
                continue
            names = " + ".join(repr(s) for s in narrower)
            if code == "NYS405":
                tier_names = " + ".join(tiers.get(s, "unclassified") for s in narrower)
                message = CODES[code].message(scope=scope, instead=f"{names} ({tier_names})")
            else:
                message = CODES[code].message(scope=scope, narrower=names)
            places = PlaceMarks()
            yield Finding(
                code,
                span,
                message,
                Fix(FixAction.REPLACE, span, part, text, narrower),
                evidence=_origin(site) + _evidence(used_by, places),
                places=tuple(places.spans),
            )


def unneeded_claims_alone(
    state: ProjectState, config: Config, enabled: CodeFilter
) -> dict[int, set[Finding]]:
    """By request (``id`` of each of ``state.sites``): the claims that a scope is not
    needed which the request makes when it is the project's only request, as
    ``usage_findings`` makes them for ``state`` with that request alone.

    What the calls of a dialect use is gathered once, not once per request: a project
    with hundreds of requests sharing constants would otherwise go through every call
    hundreds of times.
    """
    # As ``_dialects`` sees the unreadable requests, which stay when one request is
    # taken alone.
    unreadable = {site_dialect(site) or V3_UNKNOWN for site in state.unresolved_sites}
    uses: dict[str, list[EndpointUse]] = {}
    for use in state.endpoint_uses:
        uses.setdefault(use.endpoint.dialect, []).append(use)
    prepared: dict[str, _UnneededClaims] = {}
    claims: dict[int, set[Finding]] = {}
    for site in state.sites:
        found = claims[id(site)] = set()
        dialect = site_dialect(site)
        if not dialect or dialect == V3_UNKNOWN:
            continue  # no dialect judges its items
        alone = _DialectState(
            dialect, dialect_catalogue(dialect), [site], uses.get(dialect, []),
            state.unresolved,
            _left_unknown(dialect, unreadable),
            state.partial_grant or awaits_migration(site),
        )
        if _read_grant(alone, config)[0] is None:
            continue
        judge = prepared.get(dialect)
        if judge is None:
            judge = prepared[dialect] = _UnneededClaims(alone, config, enabled)
        found.update(judge.of(site))
    return claims


def _origin(site: ScopeSite) -> tuple[str, ...]:
    """The configuration the request's scopes were read from, when the code names it
    only indirectly (Django's settings, Flask's configuration)."""
    return (f"scopes read from {site.value.origin}",) if site.value.origin else ()


_EVIDENCE_SHOWN = 5


def _evidence(uses: Sequence[EndpointUse], places: PlaceMarks) -> tuple[str, ...]:
    """The first calls behind a finding, and how many more there are."""
    shown = tuple(
        f"{places.mark(use.span)} {use.shown} -> {use.requested}"
        for use in uses[:_EVIDENCE_SHOWN]
    )
    rest = len(uses) - _EVIDENCE_SHOWN
    more = f"... and {rest} more call{'' if rest == 1 else 's'}"
    return shown + ((more,) if rest > 0 else ())


def _serves(catalogue: Catalogue, scope: str, endpoint: Endpoint) -> bool:
    """Whether ``scope`` could take part in making the endpoint work."""
    return any(
        any(catalogue.may_include(scope, needed) for needed in option.scopes)
        for option in endpoint.options
    )


def _narrower(catalogue: Catalogue, scope: str, uses: Sequence[Endpoint],
              others: Sequence[str]) -> tuple[str, ...]:
    """The fewest, lowest-ranked scopes certainly inside ``scope`` that serve every use.

    Each use must succeed through a *certain* option made of the candidates and the
    other requested scopes; otherwise the scope is not reported as overbroad.
    """
    candidates = sorted(
        catalogue.certainly_included(scope),
        key=lambda s: (catalogue.rank.get(s, 5), s),
    )
    for size in (1, 2):
        for combo in combinations(candidates, size):
            pool = [*combo, *others]
            if all(_certainly_served(catalogue, pool, endpoint) for endpoint in uses):
                if any(catalogue.includes(a, b) for a in combo for b in combo if a != b):
                    continue
                return tuple(sorted(combo))
    return ()


def _unrestricted(tiers: Mapping[str, str], scopes: Sequence[str]) -> bool:
    return bool(scopes) and all(tiers.get(s, _RESTRICTED) != _RESTRICTED for s in scopes)


def _lighter(catalogue: Catalogue, uses: Sequence[Endpoint], others: Sequence[str]
             ) -> tuple[str, ...]:
    """The fewest, lowest-ranked scopes outside the restricted tier (with the other
    requested scopes) that certainly serve every use; () when none do."""
    tiers = catalogue.tiers
    candidates = sorted(
        (s for s in catalogue.scopes if s not in catalogue.identity
         and tiers.get(s, _RESTRICTED) != _RESTRICTED),
        key=lambda s: (catalogue.rank.get(s, 5), s),
    )
    for size in (1, 2):
        for combo in combinations(candidates, size):
            pool = [*combo, *others]
            if all(_certainly_served(catalogue, pool, endpoint) for endpoint in uses):
                return tuple(sorted(combo))
    return ()


def _certainly_served(catalogue: Catalogue, pool: Sequence[str], endpoint: Endpoint) -> bool:
    """Whether ``pool`` certainly makes the endpoint work, in each case its arguments
    may make."""
    cases = tuple(case.options for case in endpoint.variants) or (endpoint.options,)
    doubted = doubted_alone(endpoint)
    return all(
        any(all(certainly_grants(catalogue, pool, s, doubted) for s in option.scopes)
            for option in case if option.certainty.is_certain)
        for case in cases
    )
