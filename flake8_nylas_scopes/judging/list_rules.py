"""Rules that need only the scope list itself: NYS101-108 and NYS201-206.

Pure functions from a :class:`ScopeSite` (plus configuration) to findings.  Each
scope item gets at most one of these findings, the most specific one that is
enabled, in the contract's order: 102, 101, 103, 201, 104, then the rest.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..analysis.facts import Generation, ItemForm, ScopeItem, ScopeSite, SiteKind, ValueState
from ..codes import CODES
from ..findings import Finding, Fix, FixAction
from ..nylas_api.v2 import scopes as cat
from ..nylas_api.v2.scopes import CATALOGUE
from ..places import PlaceMarks
from ..settings.config import CodeFilter, Config
from ..spans import Span
from .v3_list_rules import v3_list_findings


@dataclass(frozen=True)
class Entry:
    """One scope item and what it means once normalised.

    ``scopes`` are the normalised names it requests (several for a list item holding
    a comma-joined string); ``problem`` is set when the item is malformed.
    """

    item: ScopeItem
    scopes: tuple[str, ...]
    problem: str = ""
    replacement: tuple[str, ...] = ()

    @property
    def scope(self) -> str:
        return self.scopes[0] if len(self.scopes) == 1 else ""


def _normalise(text: str) -> str:
    return text.strip().lower()


def read_entry(item: ScopeItem) -> Entry:
    if item.form is ItemForm.LIST_ITEM and "," in item.text:
        parts = tuple(_normalise(part) for part in item.text.split(",") if part.strip())
        return Entry(item, parts, "holds several scopes", parts)
    scope = _normalise(item.text)
    if not scope:
        return Entry(item, (), "is empty", ())
    if scope != item.text and scope in cat.V2_SCOPES:
        problem = "has stray whitespace" if item.text.strip() != item.text else (
            "is not in lower case"
        )
        return Entry(item, (scope,), problem, (scope,))
    return Entry(item, (scope,))


@dataclass(frozen=True)
class Providers:
    """Which provider families the accounts of a request can belong to."""

    known: bool
    families: frozenset[cat.Provider]
    office365: bool

    def can_be_google(self) -> bool:
        return not self.known or cat.Provider.GOOGLE in self.families

    def is_possibly(self, family: cat.Provider) -> bool:
        # Microsoft, IMAP and Office 365 rules need the request or the configuration to
        # say so: a calendar-only app is not wrong by default.
        return self.known and family in self.families


def providers_for(site: ScopeSite, config: Config) -> Providers:
    names = (site.provider.lower(),) if site.provider else config.providers
    if not names:
        return Providers(False, frozenset(), False)
    other = cat.ProviderValue(cat.Provider.OTHER)
    values = [cat.PROVIDER_VALUES.get(name, other) for name in names]
    return Providers(
        True,
        frozenset(value.family for value in values),
        any(value.office365 for value in values),
    )


def suggest(scope: str) -> tuple[str, ...]:
    """Close vocabulary names for an unknown scope, best first."""
    return tuple(difflib.get_close_matches(scope, list(cat.V2_SCOPES), n=3, cutoff=0.8))


def _quoted(scopes: tuple[str, ...]) -> str:
    return ", ".join(repr(scope) for scope in scopes)


class _SiteJudge:
    """Judges the items of one v2 request."""

    def __init__(self, site: ScopeSite, config: Config, enabled: CodeFilter) -> None:
        self.site = site
        self.enabled = enabled
        self.providers = providers_for(site, config)
        self.entries = [read_entry(item) for item in site.value.items]
        self.requested = frozenset(
            scope for entry in self.entries for scope in entry.scopes if scope in cat.V2_SCOPES
        )
        # Rules that need a scope to be *absent* also need every item to be known: an
        # unknown name may be the scope the author meant.
        self.complete = site.value.complete and all(
            scope in cat.V2_SCOPES for entry in self.entries for scope in entry.scopes
        )

    def findings(self) -> Iterator[Finding]:
        seen: set[str] = set()
        for entry in self.entries:
            candidates = self._candidates(entry, seen)
            for code, make in candidates:
                if self.enabled(code):
                    yield make()
                    break
            seen.update(entry.scopes)

    def _candidates(
        self, entry: Entry, seen: set[str]
    ) -> list[tuple[str, Callable[[], Finding]]]:
        item = entry.item
        out: list[tuple[str, Callable[[], Finding]]] = []

        def add(code: str, fix: Fix | None = None, **fields: object) -> None:
            message = CODES[code].message(**fields)
            out.append((code, lambda: Finding(code, item.span, message, fix)))

        fix: Fix | None
        if entry.problem:
            if entry.replacement:
                shown = _quoted(entry.replacement)
                replacement = shown if len(entry.replacement) == 1 else f"{shown} as separate items"
                fix = Fix(FixAction.REPLACE, item.span, item.part, item.text, entry.replacement)
            else:
                replacement = "nothing (remove it)"
                fix = Fix(FixAction.REMOVE, item.span, item.part, item.text)
            add("NYS102", fix, item=item.text, problem=entry.problem, replacement=replacement)
            return out
        scope = entry.scope
        if scope not in cat.V2_SCOPES:
            close = suggest(scope)
            suggestion = f"; did you mean {close[0]!r}?" if close else ""
            fix = (
                Fix(FixAction.REPLACE, item.span, item.part, item.text, (close[0],))
                if len(close) == 1
                else None
            )
            add("NYS101", fix, scope=item.text, suggestion=suggestion)
            return out
        remove = Fix(FixAction.REMOVE, item.span, item.part, item.text)
        if scope in seen and not self.site.value.distinct:
            # A set (``set(BASE + [...])``) requests a scope written twice once.
            add("NYS103", remove, scope=scope)
        if scope == cat.V2_GOOGLE_METADATA_SCOPE and self.providers.can_be_google():
            conflicts = sorted(self.requested & cat.V2_GOOGLE_METADATA_CONFLICTS)
            if conflicts:
                add("NYS201", remove, other=conflicts[0])
        includer = self._includer(scope)
        if includer:
            add("NYS104", remove, scope=scope, by=includer)
        if scope == cat.V2_LEGACY_EMAIL_SCOPE:
            add("NYS106")
        info = cat.V2_SCOPES[scope]
        email_scopes = {
            s for s in self.requested if cat.V2_SCOPES[s].family is cat.ScopeFamily.EMAIL
        }
        if (
            scope == cat.V2_GMAIL_SEND_ONLY_SCOPE
            and self.complete
            and email_scopes == {scope}
            and self.providers.can_be_google()
        ):
            add("NYS202")
        if scope == cat.V2_MICROSOFT_METADATA_SCOPE and self.providers.is_possibly(
            cat.Provider.MICROSOFT
        ):
            add("NYS203", provider="Microsoft")
        if (
            info.family in cat.V2_IMAP_NEEDS_EMAIL_FAMILIES
            and self.complete
            and not email_scopes
            and self.providers.is_possibly(cat.Provider.IMAP)
        ):
            add("NYS204", scope=scope)
        if self.site.service_account and info.family not in cat.V2_SERVICE_ACCOUNT_FAMILIES:
            add("NYS205", remove, scope=scope)
        if scope in cat.V2_ADMIN_CONSENT_SCOPES and self.providers.office365:
            add("NYS206")
        return out

    def _includer(self, scope: str) -> str:
        """The broadest requested scope that certainly includes ``scope``, if any."""
        return CATALOGUE.redundant_in(scope, self.requested)


def _where_ignored(site: ScopeSite) -> str:
    if site.kind is SiteKind.FLASK_DANCE:
        return " (make_nylas_blueprint sends it)"
    return ""


Amend = Callable[[Finding, ScopeSite], Finding]


def requests_findings(
    sites: Iterable[ScopeSite], config: Config, enabled: CodeFilter, amend: Amend | None = None
) -> list[Finding]:
    """The list findings of several requests.

    A constant read by two requests yields the same finding twice: it is reported
    once.  An item several requests read names the requests a finding is about: the
    fix may suit only some of them.
    ``amend`` may complete a finding with what only the caller knows (a fix from the
    inferred scopes).
    """
    sites = list(sites)
    # The requests reading each item; alternatives of one request (tiers, settings
    # modules) share its span but are read apart.
    readers: dict[Span, list[ScopeSite]] = {}
    for site in sites:
        for span in {item.span for item in site.value.items}:
            readers.setdefault(span, []).append(site)
    requests: dict[Finding, list[ScopeSite]] = {}
    for site in sites:
        for finding in list_findings(site, config, enabled):
            if amend is not None:
                finding = amend(finding, site)
            if site.value.origin:
                finding = dataclasses.replace(finding, evidence=(
                    f"scopes read from {site.value.origin}", *finding.evidence))
            about = requests.setdefault(finding, [])
            if len(readers.get(finding.span, ())) > 1 and not site.span.contains(finding.span):
                about.append(site)
    named: list[Finding] = []
    for finding, reporting in requests.items():
        others = [site for site in readers.get(finding.span, ()) if reporting
                  and all(site is not known for known in reporting)]
        spans = [site.span for site in reporting]
        if others and finding.fix is not None:
            named.append(_not_for_every_request(finding, spans, [site.span for site in others]))
        else:
            named.append(_name_requests(finding, spans))
    return named


def _name_requests(finding: Finding, requests: Sequence[Span]) -> Finding:
    """The finding, saying which requests it is about when its item is written
    elsewhere (a constant): the fix of an item several requests read may suit only
    some of them."""
    if not requests:
        return finding
    places = PlaceMarks()
    where = places.marks(requests)
    noun = "request" if len(places.spans) == 1 else "requests"
    return dataclasses.replace(
        finding, template=f"{finding.template} (in the {noun} at {where})",
        places=tuple(places.spans),
    )


def _not_for_every_request(finding: Finding, requests: Sequence[Span],
                           others: Sequence[Span]) -> Finding:
    """A finding on an item that other requests read too, where they do not call
    for its fix: the fix would change their scopes as well, and ``fix`` refuses it
    (saying why), so the message says which requests share the item rather than
    advising the edit."""
    places = PlaceMarks()
    where = places.marks(requests)
    named = len(places.spans)
    # The advice follows the last "; " of every rule's message.
    fact = finding.template.rsplit("; ", 1)[0]
    elsewhere = [span for span in others if span not in requests]
    if not elsewhere:
        # ``BASE if admin else [*BASE, "email.modify"]``: values of the same request.
        template = (f"{fact} in one of the lists the request at {where} may send; another "
                    f"one it may send reads the same item and does not call for changing "
                    f"it: give each list items of its own to change it in one")
    else:
        noun = "request" if named == 1 else "requests"
        other_where = places.marks(elsewhere)
        other_noun, reads, does = ("request", "reads", "does") if len(
            places.spans) - named == 1 else ("requests", "read", "do")
        template = (f"{fact} in the {noun} at {where}; the {other_noun} at {other_where} "
                    f"{reads} the same list and {does} not call for changing it: give each "
                    f"request a list of its own to change it in one")
    return dataclasses.replace(finding, places=tuple(places.spans), template=template)


def list_findings(site: ScopeSite, config: Config, enabled: CodeFilter) -> Iterator[Finding]:
    """NYS1xx/NYS2xx findings of one v2 scope request, NYS4xx of a v3 one."""
    if site.generation is Generation.V3:
        yield from v3_list_findings(site, config, enabled)
        return
    if site.ignored_key:
        # The list is never sent, so nothing else about it matters.
        if enabled("NYS108"):
            span = site.ignored_span or site.span
            yield Finding("NYS108", span, CODES["NYS108"].message(where=_where_ignored(site)))
        return
    state = site.value.state
    if state is ValueState.MISSING:
        if enabled("NYS105"):
            default = _quoted(cat.V2_SDK_DEFAULT_SCOPES.scopes)
            yield Finding(
                "NYS105", site.span, CODES["NYS105"].message(default=f"the default {default}")
            )
        return
    if state is ValueState.EMPTY:
        if enabled("NYS107"):
            yield Finding("NYS107", site.value.span or site.span, CODES["NYS107"].message())
        return
    if state is ValueState.ITEMS:
        yield from _SiteJudge(site, config, enabled).findings()


def is_nylas_request(site: ScopeSite) -> bool:
    """Whether a site is certainly a Nylas scope request.

    An ``authentication_url`` call whose receiver the resolver could not show to be
    a client (see ``clients``) counts only when its scopes name at least one Nylas
    scope and no scope of another OAuth vocabulary (a sign-in scope such as
    ``openid``, or a provider's scope URI): the method name alone is not proof, and
    ``["openid", "email", "profile"]`` is another library's sign-in, whose ``email``
    no Nylas rule may narrow.  A helper's method called in a module
    that does not import the helper counts only once its receiver is shown to be
    the helper: a project class's method of that name may well take Nylas scopes.
    A getter of a request method that its module only holds counts once another
    module uses it (see ``exported_getters``).  A v3 request whose method name is a
    common word (``grants.update``) counts once its receiver is shown to be a client.
    """
    if site.confirmed:
        return True
    if site.helper_class or site.exported_as or site.generation is Generation.V3:
        # (A v3 request on a receiver not shown to be a client: its provider scopes
        # say nothing of whose request it is.)
        return False
    return names_nylas_scopes(
        [scope for item in site.value.items for scope in read_entry(item).scopes])


def names_nylas_scopes(named: Sequence[str]) -> bool:
    """Whether scopes named in one list are a Nylas request's: some Nylas v2 scope,
    and no sign-in scope of another OAuth library or provider scope URI."""
    return any(scope in cat.V2_SCOPES for scope in named) and not any(
        scope in cat.SIGN_IN_ONLY_SCOPES or "://" in scope for scope in named)


def with_inferred_scopes(finding: Finding, inferred: tuple[str, ...], site: ScopeSite,
                         config: Config) -> Finding:
    """NYS105 gets the inferred minimal set as the missing scopes value, unless that
    set is one NYS204 would reject; NYS106 replaces legacy ``email`` by the inferred
    email scopes."""
    if finding.code == "NYS105" and inferred:
        if _imap_calendar_without_mail(inferred, site, config):
            # The default's 'email' gives the account its events and contacts; which
            # email scope serves that best the calls do not tell.
            return finding
        fix = Fix(FixAction.SET_SCOPES, finding.span, 0, "", inferred)
        return dataclasses.replace(finding, fix=fix)
    email_scopes = tuple(
        scope for scope in inferred if cat.V2_SCOPES[scope].family is cat.ScopeFamily.EMAIL
    )
    for item in site.value.items:
        if item.span == finding.span and item.text.strip().lower() == cat.V2_LEGACY_EMAIL_SCOPE:
            if email_scopes:
                fix = Fix(FixAction.REPLACE, item.span, item.part, item.text, email_scopes)
                return dataclasses.replace(finding, fix=fix)
    return finding


def default_grant() -> tuple[str, ...]:
    """What a v2 request without scopes (or with the ignored ``scope`` key) grants."""
    return cat.V2_SDK_DEFAULT_SCOPES.scopes


def keeps_gmail_threading(
    scope: str, kept: Sequence[str], site: ScopeSite, config: Config,
    unread_items: bool = False, used: Callable[[str], bool] = lambda scope: False,
) -> bool:
    """Whether dropping ``scope`` would leave ``email.send`` the only email scope of a
    request a Gmail account can make: NYS202 asks for another email scope there, so
    NYS303 must not ask to remove this one.  With ``unread_items`` the list has items
    the analysis cannot read, any of which may be ``email.send``.  Where a call needs
    ``email.send`` (``used``), NYS301 asks to add it to a list that lacks it: judged
    beside it, so that NYS303 does not ask to drop what NYS202 would ask back."""
    if cat.V2_SCOPES[scope].family is not cat.ScopeFamily.EMAIL:
        return False
    if used(cat.V2_GMAIL_SEND_ONLY_SCOPE):
        kept = [*kept, cat.V2_GMAIL_SEND_ONLY_SCOPE]
    rest = {s for s in kept if s != scope and cat.V2_SCOPES[s].family is cat.ScopeFamily.EMAIL}
    send_only = rest == {cat.V2_GMAIL_SEND_ONLY_SCOPE} or (
        unread_items and rest <= {cat.V2_GMAIL_SEND_ONLY_SCOPE})
    return send_only and providers_for(site, config).can_be_google()


def sends_alone(scopes: Iterable[str]) -> bool:
    """Whether ``email.send`` is the only email scope of ``scopes`` (what NYS202 is
    about where the account can be Gmail)."""
    email = [scope for scope in scopes if scope in cat.V2_SCOPES
             and cat.V2_SCOPES[scope].family is cat.ScopeFamily.EMAIL]
    return email == [cat.V2_GMAIL_SEND_ONLY_SCOPE]


def keeps_imap_mail(
    scope: str, kept: Sequence[str], used: Sequence[str], site: ScopeSite, config: Config,
) -> bool:
    """Whether dropping ``scope`` may leave the calendar or contacts scopes of a request
    an IMAP account can make without an email scope: NYS204 asks for one there, so
    NYS303 must not ask to remove this one.  Only an email scope some call needs
    (``used``) surely stays; the other unused ones may be dropped with this one."""
    if cat.V2_SCOPES[scope].family is not cat.ScopeFamily.EMAIL:
        return False
    remaining = [s for s in kept if cat.V2_SCOPES[s].family is not cat.ScopeFamily.EMAIL]
    remaining += [s for s in used if s != scope]
    return _imap_calendar_without_mail(remaining, site, config)


def _imap_calendar_without_mail(scopes: Iterable[str], site: ScopeSite, config: Config
                                ) -> bool:
    """Whether ``scopes`` requested at ``site`` are what NYS204 is about: calendar or
    contacts scopes without an email scope, where the account can be IMAP."""
    families = {cat.V2_SCOPES[scope].family for scope in scopes}
    return (bool(families & cat.V2_IMAP_NEEDS_EMAIL_FAMILIES)
            and cat.ScopeFamily.EMAIL not in families
            and providers_for(site, config).is_possibly(cat.Provider.IMAP))


# NYS202's advice beside an NYS303 on the same ``email.send``.  Where no call in the
# project sends, asking to add a companion to a scope NYS303 asks to remove reads as a
# contradiction.  NYS202 stays: the list as written has the problem, and NYS303's fix is
# unsafe (code outside the project may send with the scope, and then the companion is
# wanted); its advice names both ways, removal first.
_SEND_ONLY = "NYS202"
_UNUSED = "NYS303"


def with_send_only_advice(findings: set[Finding]) -> set[Finding]:
    """``findings`` with each NYS202 whose ``email.send`` is reported unused saying so."""
    unused = {finding.span for finding in findings
              if finding.code == _UNUSED and finding.fix is not None
              and finding.fix.text.strip().lower() == cat.V2_GMAIL_SEND_ONLY_SCOPE}
    if not unused:
        return findings
    return {_send_only_advised(finding) if finding.code == _SEND_ONLY and finding.span in unused
            else finding for finding in findings}


def _send_only_advised(finding: Finding) -> Finding:
    head = finding.template.partition(";")[0]
    scope = cat.V2_GMAIL_SEND_ONLY_SCOPE
    return Finding(
        finding.code, finding.span,
        f"{head}; remove {scope!r}, which no Nylas call in the project needs ({_UNUSED}), "
        f"or, if code outside the project sends with it, add an email scope to read with "
        f"(e.g. 'email.read_only')",
        finding.fix, finding.evidence, finding.places)
