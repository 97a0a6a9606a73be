"""Which dialect a scope request is judged in, and what a v3 request grants.

A dialect is whose scope names a request holds: ``"v2"`` (Nylas's own scopes) or
``"v3/<provider>"`` (Google's or Microsoft's).  The usage rules judge each dialect's
requests against the calls whose endpoints are stated in that dialect.
"""

from __future__ import annotations

import dataclasses

from collections.abc import Sequence

from ..analysis.facts import CONNECTOR_DEFAULTS, Generation, ScopeSite, ValueState
from ..nylas_api import API_VERSIONS
from ..nylas_api.catalogue import Catalogue
from .v3_list_rules import is_v2_name, names_one_scope, scope_provider

V2 = "v2"
# A v3 request whose provider cannot be told: it may be either catalogued provider's.
V3_UNKNOWN = "v3/"
_CATALOGUED = ("google", "microsoft")
# For reading whether a request's value can be read at all.
_NO_CATALOGUE = Catalogue("none", (), ())


def site_dialect(site: ScopeSite) -> str:
    """The dialect of a request; ``V3_UNKNOWN`` when its provider cannot be told, ""
    for a provider without a catalogue (IMAP, iCloud, ...), which no rule judges."""
    if site.generation is Generation.V2:
        return V2
    provider = site.provider.lower()
    if provider:
        return f"v3/{provider}" if provider in _CATALOGUED else ""
    if v3_granted(site, _NO_CATALOGUE) is None:
        return V3_UNKNOWN
    votes = {side for item in site.value.items if (side := scope_provider(item.text.strip()))}
    if len(votes) > 1:
        return V3_UNKNOWN
    # A list none of whose scopes is a catalogued provider's grants none of them.
    return f"v3/{votes.pop()}" if votes else ""


def v3_granted(site: ScopeSite, catalogue: Catalogue) -> frozenset[str] | None:
    """The canonical scopes a v3 request asks for; None when the grant is unknown: no
    ``scope`` (the connector's defaults apply), a value that cannot be read, or a str
    the SDK sends as it is (split per character by the URL builders; a hand-built
    URL's space-joined ``scope`` is read part by part)."""
    value = site.value
    if site.granted_unknown:
        # ``include_grant_scopes``, or a request that takes the connector's defaults.
        return None
    if value.state is not ValueState.ITEMS or not value.complete or not all(
            names_one_scope(site, item) for item in value.items):
        return None
    found = {catalogue.canonical(item.text.strip()) for item in value.items}
    return frozenset(scope for scope in found if scope is not None)


# The requests that set a connector's default scopes (``connectors.create()``).
_CONNECTOR_REQUESTS = API_VERSIONS["v3"].surface().connector_requests


def with_connectors_scopes(sites: Sequence[ScopeSite], unresolved: Sequence[ScopeSite]
                           ) -> list[ScopeSite]:
    """The requests as the usage rules judge them: a login that sends no ``scope``
    gets its provider's connector defaults (V3-SCOPES), so where the project itself
    sets that connector's scopes (``connectors.create({"provider": "google", ...,
    "scope": SCOPES})``), the login grants what those requests name and is left out
    of the union they are in (the reference's B.9: a resolved connector scope may
    stand for the grant).  A login whose provider is not named, or whose connector
    the project does not set, still leaves the grant unknown; so does a connector
    request whose scopes cannot be read (``unresolved``)."""
    set_here = {site.provider.lower() for site in (*sites, *unresolved)
                if site.description in _CONNECTOR_REQUESTS and site.provider}
    if not set_here:
        return list(sites)
    return [site for site in sites if not (
        site.granted_unknown == CONNECTOR_DEFAULTS and site.provider.lower() in set_here)]


def awaits_migration(site: ScopeSite) -> bool:
    """Whether a v3 request still holds Nylas v2 names (NYS401): what it will grant
    once migrated is not known, so no call is missing a scope on its strength."""
    return site.generation is Generation.V3 and any(
        is_v2_name(item.text.strip()) for item in site.value.items)


def judged_alternative(site: ScopeSite, several: bool) -> ScopeSite:
    """One of the values a request may send, as it is judged.  Where the request names
    a catalogued provider and may send one of ``several`` lists, a list whose every
    scope that tells a provider is the other provider's is that provider's branch
    (``scopes_for(provider)`` picking Google's or Microsoft's list by a ``match`` or
    an ``if`` on its argument, which the analysis does not narrow): the provider the
    request names does not say whose it is, so it is judged by its scopes, not as the
    other provider's scopes in this one's request.  A list that mixes both providers'
    scopes keeps the provider the request names."""
    provider = site.provider.lower()
    if not several or site.generation is not Generation.V3 or provider not in _CATALOGUED:
        return site
    votes = {side for item in site.value.items if (side := scope_provider(item.text.strip()))}
    if votes and provider not in votes:
        return dataclasses.replace(site, provider="")
    return site
