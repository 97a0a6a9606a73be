"""Rules that need only a v3 scope request itself: NYS401-NYS404, and NYS103.

Pure functions from one API v3 :class:`ScopeSite` (plus configuration) to findings.
Each item gets at most one of them, the first enabled in the order 404, 401, 402,
103, 403: the contract's order of the 4xx codes, with a duplicate (NYS103) placed as
the v2 rules place it, after "unknown" and before "redundant".  A duplicate is the
same scope twice in any of its spellings (``Mail.Read`` and
``https://graph.microsoft.com/Mail.Read``).  A request for a provider without a
catalogue (IMAP, iCloud, Yahoo, EWS, Zoom, virtual calendars, Nylas) gets NYS401, and
NYS103 for a scope written twice the same way, only.  NYS405 (a restricted Google
scope that narrower ones could replace) needs the calls the grant serves: it belongs
with the usage rules and is not reported here.

Precision first: a finding here makes users delete or rewrite a scope, so a scope is
called unknown only where the provider's vocabulary is known to be complete (Google
accepts only full URIs and the OpenID names; every Gmail scope is catalogued;
Microsoft Graph names of the catalogued resources use a small set of words), and
redundant only on a certain inclusion of the catalogue.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..analysis.facts import ItemForm, ScopeItem, ScopeSite, SiteKind, ValueState
from ..codes import CODES
from ..findings import Finding, Fix, FixAction
from ..nylas_api import API_VERSIONS
from ..nylas_api.catalogue import Catalogue
from ..nylas_api.v2.scopes import V2_SCOPES
from ..nylas_api.v3 import google as google_scopes
from ..nylas_api.v3 import microsoft as microsoft_scopes
from ..nylas_api.v3.from_v2 import FROM_V2, IDENTITY_HOMONYMS
from ..nylas_api.v3.types import GOOGLE, MICROSOFT, PROVIDERS
from ..settings.config import CodeFilter, Config

from ..places import PlaceMarks
from ..spans import Span

_NAMES = {GOOGLE: "Google", MICROSOFT: "Microsoft"}
# Provider values of the configuration (``nylas-providers``, v2 spellings included)
# that name one catalogued v3 provider.
_CONFIGURED: dict[str, str] = {
    "google": GOOGLE, "gmail": GOOGLE,
    "microsoft": MICROSOFT, "office365": MICROSOFT, "outlook": MICROSOFT,
    "hotmail": MICROSOFT,
}


def configured_provider(name: str) -> str:
    """The catalogued v3 provider a ``providers`` setting names ("" for another)."""
    return _CONFIGURED.get(name.lower(), "")


# The Google API whose every scope the catalogue lists (G-GMAIL): an unknown URI in
# it is not a Google scope.
_COMPLETE_GOOGLE_FAMILIES = ("gmail.",)
# ``Resource.Permission[.Qualifier]``, as Microsoft Graph names its permissions.
_GRAPH_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$")
# Requests the app's every configured permission (``https://graph.microsoft.com/.default``).
_GRAPH_DEFAULT = ".default"


def _catalogue(provider: str) -> Catalogue:
    return API_VERSIONS["v3"].catalogue(provider)


def _graph_words() -> tuple[frozenset[str], frozenset[str]]:
    """The resources of the catalogued Graph permissions (``Mail``, ``Calendars``)
    and the words their permissions are made of (``Read``, ``ReadWrite``, ``Shared``),
    both folded to lower case."""
    resources: set[str] = set()
    words: set[str] = set()
    for name, entry in microsoft_scopes.SCOPES.items():
        if entry.identity or "." not in name:
            continue
        resource, *rest = name.split(".")
        resources.add(resource.lower())
        words.update(word.lower() for word in rest)
    return frozenset(resources), frozenset(words)


_GRAPH_RESOURCES, _GRAPH_PERMISSION_WORDS = _graph_words()


_Make = Callable[[], Finding]


@dataclass(frozen=True)
class _Item:
    item: ScopeItem
    text: str
    fixable: bool


class _SiteJudge:
    """Judges the items of one v3 request."""

    def __init__(
        self, site: ScopeSite, items: Sequence[_Item], config: Config, enabled: CodeFilter
    ) -> None:
        self.site = site
        self.items = items
        self.config = config
        self.enabled = enabled
        self.provider, self.mixed = self._provider()
        self.catalogue = _catalogue(self.provider) if self.provider in PROVIDERS else None
        # Canonical name -> the first item that requests it.
        self.requested: dict[str, str] = {}
        if self.catalogue is not None:
            for entry in items:
                canonical = self.catalogue.canonical(entry.text)
                if canonical is not None:
                    self.requested.setdefault(canonical, entry.text)

    def _provider(self) -> tuple[str, bool]:
        """The provider whose scopes the request holds: the one it names, else the one
        its scopes say (the majority when they disagree, which is reported)."""
        if self.site.provider:
            return self.site.provider, False
        votes = [side for entry in self.items if (side := _side(entry.text))]
        if not votes:
            return "", False
        google_votes = votes.count(GOOGLE)
        microsoft_votes = len(votes) - google_votes
        if google_votes == microsoft_votes:
            return votes[0], True
        winner = GOOGLE if google_votes > microsoft_votes else MICROSOFT
        return winner, google_votes > 0 and microsoft_votes > 0

    def findings(self) -> Iterator[Finding]:
        replaced: set[str] = set()
        seen: set[str] = set()
        for entry in self.items:
            for code, make in self._candidates(entry, replaced, seen):
                if self.enabled(code):
                    yield make()
                    break

    def _candidates(
        self, entry: _Item, replaced: set[str], seen: set[str]
    ) -> list[tuple[str, _Make]]:
        out: list[tuple[str, _Make]] = []
        item = entry.item

        def add(code: str, fix: Fix | None = None, **fields: object) -> None:
            message = CODES[code].message(**fields)
            out.append((code, lambda: Finding(code, item.span, message, fix)))

        text = entry.text
        if self._is_v2_name(text):
            fix, suggestion = self._v2_replacement(entry, replaced)
            add("NYS401", fix, scope=item.text, suggestion=suggestion)
            return out
        catalogue = self.catalogue
        canonical = catalogue.canonical(text) if catalogue is not None else None
        if catalogue is not None and canonical is None and not _is_identity(text):
            problem = self._unknown(text)
            if problem:
                add("NYS402", scope=item.text, problem=problem)
        # The same scope in any spelling; a scope the catalogue does not know (or a
        # provider without one) only when written the same way.
        key = canonical or text
        if key in seen and not self.site.value.distinct:
            remove = (
                Fix(FixAction.REMOVE, item.span, item.part, item.text) if entry.fixable else None
            )
            add("NYS103", remove, scope=key)
            return out
        seen.add(key)
        if catalogue is None or canonical is None or canonical in catalogue.identity:
            return out
        includer = catalogue.redundant_in(canonical, self.requested)
        if includer:
            fix = Fix(FixAction.REMOVE, item.span, item.part, item.text) if entry.fixable else None
            add("NYS403", fix, scope=item.text, by=self.requested[includer])
        return out

    # -- NYS401 -------------------------------------------------------------------------

    def _is_v2_name(self, text: str) -> bool:
        return is_v2_name(text)

    def _fix_provider(self) -> str:
        if self.provider in PROVIDERS:
            return self.provider
        if self.provider:
            return ""
        configured = {_CONFIGURED.get(name.lower(), "?") for name in self.config.providers}
        return next(iter(configured)) if len(configured) == 1 and "?" not in configured else ""

    def _v2_replacement(self, entry: _Item, replaced: set[str]) -> tuple[Fix | None, str]:
        text = entry.text
        provider = self._fix_provider()
        if not provider:
            if self.provider:
                return None, f" ({self.provider} takes its own scopes)"
            shown = [
                f"{_NAMES[p]} {_joined(FROM_V2[p][text].scopes)}"
                for p in PROVIDERS if text in FROM_V2[p]
            ]
            return None, f"; for {' or '.join(shown)}" if shown else ""
        row = FROM_V2[provider].get(text)
        if row is None:
            return None, ""
        # Scopes the request has, or an earlier replacement adds, are not written twice.
        new = tuple(
            scope for scope in row.scopes if scope not in self.requested and scope not in replaced
        )
        replaced.update(row.scopes)
        suggestion = f"; for {_NAMES[provider]} write {_joined(row.scopes)}"
        if not entry.fixable:
            return None, suggestion
        if not new:
            return Fix(FixAction.REMOVE, entry.item.span, entry.item.part, entry.item.text), (
                f"; the {_NAMES[provider]} scopes that replace it are requested already"
            )
        return Fix(FixAction.REPLACE, entry.item.span, entry.item.part, entry.item.text,
                   new), suggestion

    # -- NYS402 -------------------------------------------------------------------------

    def _unknown(self, text: str) -> str:
        """Why ``text`` is not a scope of the request's provider; "" when it may be one
        the catalogue does not list."""
        own = _NAMES[self.provider]
        side = _side(text)
        if side and side != self.provider:
            if self.mixed:
                return (f"is a {_NAMES[side]} scope, but the other scopes of this request "
                        f"are {own}'s")
            return f"is a {_NAMES[side]} scope in a {own} request"
        if self.provider == GOOGLE:
            return _unknown_google(text)
        return _unknown_microsoft(text)


def _identity_spellings() -> frozenset[str]:
    """Every way of writing a sign-in scope of either provider: the catalogues'
    spellings of their identity scopes, and Google's short labels of them
    (``userinfo.email``).  Nylas handles sign-in itself, and providers differ in
    which of these they take, so none is ever called unknown or another
    provider's."""
    spellings: set[str] = set()
    for provider in PROVIDERS:
        catalogue = _catalogue(provider)
        spellings.update(catalogue.identity)
        spellings.update(written for written, name in catalogue.spellings.items()
                         if name in catalogue.identity)
    spellings.update(entry.label for entry in google_scopes.SCOPES.values() if entry.identity)
    return frozenset(spellings)


_IDENTITY_SPELLINGS = _identity_spellings()


def _is_identity(text: str) -> bool:
    return text in _IDENTITY_SPELLINGS


def _side(text: str) -> str:
    """The provider a scope belongs to by its spelling alone; "" when it could be
    either's (the sign-in scopes) or neither's."""
    if _is_identity(text):
        return ""
    in_google = _catalogue(GOOGLE).canonical(text) is not None
    in_microsoft = _catalogue(MICROSOFT).canonical(text) is not None
    if in_google and not in_microsoft:
        return GOOGLE
    if in_microsoft and not in_google:
        return MICROSOFT
    if in_google:
        return ""
    if text.startswith(google_scopes.URI_PREFIXES):
        return GOOGLE
    if text.startswith(microsoft_scopes.GRAPH_PREFIX):
        return MICROSOFT
    return ""


def _unknown_google(text: str) -> str:
    labels = {entry.label: name for name, entry in google_scopes.SCOPES.items()}
    if text in labels:
        return f"is not how Google spells a scope; write {labels[text]!r}"
    if text.startswith(google_scopes.AUTH_PREFIX):
        label = text[len(google_scopes.AUTH_PREFIX):]
        if label.startswith(_COMPLETE_GOOGLE_FAMILIES):
            return "is not a Gmail scope" + _close(label, labels)
        return ""
    if "://" in text:
        return ""
    return "is not a Google scope: Google takes full scope URIs" + _close(text, labels)


def _unknown_microsoft(text: str) -> str:
    name = text
    if text.startswith(microsoft_scopes.GRAPH_PREFIX):
        name = text[len(microsoft_scopes.GRAPH_PREFIX):]
        if name == _GRAPH_DEFAULT:
            return ""
    elif "://" in text:
        # Another Microsoft resource (``https://outlook.office.com/IMAP.AccessAsUser.All``).
        return ""
    known = {scope: scope for scope in microsoft_scopes.SCOPES}
    if not _GRAPH_NAME.match(name):
        return "is not a Microsoft Graph permission name" + _close(name, known)
    resource, *words = name.lower().split(".")
    if resource in _GRAPH_RESOURCES:
        if all(word in _GRAPH_PERMISSION_WORDS for word in words):
            return ""
        return "is not a Microsoft Graph permission" + _close(name, known)
    if difflib.get_close_matches(resource, list(_GRAPH_RESOURCES), n=1, cutoff=0.85):
        return "is not a Microsoft Graph permission" + _close(name, known)
    return ""


def _close(text: str, names: dict[str, str]) -> str:
    close = difflib.get_close_matches(text, list(names), n=1, cutoff=0.8)
    return f"; did you mean {names[close[0]]!r}?" if close else ""


def _joined(scopes: Sequence[str]) -> str:
    return " + ".join(repr(scope) for scope in scopes)


# -- NYS404 ----------------------------------------------------------------------------

_EFFECT = {
    SiteKind.V3_AUTH_URL: " (the SDK joins it into the URL one character at a time)",
    SiteKind.V3_JSON: " (sent as one JSON string where the API takes a list)",
}


def _split(text: str) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[\s,]+", text) if part)


def _string_finding(site: ScopeSite) -> Finding:
    """NYS404 where the request is given the str.

    The fix wraps a literal written as the request's value.  A str a name holds (other
    code may read it as a str), one of another module, or a joined list is reported
    where the request takes it, with a fix the fix command skips with its reason.
    """
    items = sorted(site.value.items, key=lambda item: item.part)
    spans = {item.span for item in items}
    given = site.value.span or site.span
    if len(spans) == 1:
        span = items[0].span
        text = ",".join(item.text for item in items)
        scopes = _split(text)
        written_here = given == span and span.path == site.span.path
        target = span if written_here else (given if given.path == site.span.path else site.span)
    else:
        span = given
        text = ""
        scopes = tuple(item.text.strip() for item in items)
        target = given
    fix = Fix(FixAction.WRAP, target, 0, text, scopes) if scopes else None
    message = CODES["NYS404"].message(effect=_EFFECT[site.kind], advice="wrap it in a list")
    return Finding("NYS404", target, message, fix)


def _joined_finding(site: ScopeSite, joined_at: Span) -> Finding:
    """NYS404 where a module-level dict whose ``scope`` an earlier URL builder call
    joined in place is given again: the list the code shows is a str by then."""
    places = PlaceMarks()
    where = places.mark(joined_at)
    template = CODES["NYS404"].message(
        effect=(f" by the time this call runs: the call at {where} joined the list into "
                f"the same module-level dict in place, and this one splits it per "
                f"character"),
        advice="give each call a copy (dict(config)) or build the dict per request",
    )
    return Finding("NYS404", site.span, template, places=tuple(places.spans))


def names_one_scope(site: ScopeSite, item: ScopeItem) -> bool:
    """Whether an item of a v3 request is one scope, not a part of a str the SDK takes
    as it is (split per character by its URL builders, sent whole as JSON: NYS404).
    A hand-built ``/v3/connect/auth`` URL's space-joined ``scope`` is the wire format
    itself: each of its parts is a scope the request asks for."""
    return item.form is not ItemForm.STRING_PART or site.kind is SiteKind.V3_HOSTED_URL


def v3_list_findings(site: ScopeSite, config: Config, enabled: CodeFilter) -> Iterator[Finding]:
    """NYS401-NYS404 findings of one v3 scope request."""
    value = site.value
    if value.state is not ValueState.ITEMS or not value.items:
        return
    if site.joined_at is not None and enabled("NYS404"):
        yield _joined_finding(site, site.joined_at)
    is_string = not all(names_one_scope(site, item) for item in value.items)
    if is_string:
        if enabled("NYS404"):
            yield _string_finding(site)
            return
        # The scopes the str names, judged without fixes (the str is fixed first).
        items = [_Item(item, part, False)
                 for item in value.items for part in _split(item.text)]
    else:
        # Items of a hand-built URL get fixes too: the fix command edits a list the
        # URL is joined from, and says why it leaves the URL's own text alone.
        items = [_Item(item, item.text.strip(), True) for item in value.items]
    yield from _SiteJudge(site, items, config, enabled).findings()


def scope_provider(text: str) -> str:
    """The provider a scope belongs to by its spelling alone ("" when either's or
    neither's)."""
    return _side(text)


def is_v2_name(text: str) -> bool:
    """A Nylas v2 scope name that no provider spells the same way (NYS401's items)."""
    if text not in V2_SCOPES or text in IDENTITY_HOMONYMS:
        return False
    return all(_catalogue(p).canonical(text) is None for p in PROVIDERS)
