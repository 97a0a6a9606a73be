"""Which ``authentication_url`` calls are made on a Nylas client.

The method name alone is no proof: other OAuth libraries have an
``authentication_url`` too.  The analysis records each such call unconfirmed, with
the flow record of its receiver; whether the receiver holds an API v2 client is
decided here, once, by the resolver, which follows the value across modules (a
client made in this function, a parameter or a variable annotated with the class,
``self.client`` set in ``__init__``, a client imported from another module).  The
SDK helper's ``build_auth_url`` is confirmed the same way, where its receiver holds
an instance of the helper (``ROUTES = Routes(client)`` in another module); a helper
handed to code the analysis does not follow is a request whose scopes are unknown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from ..analysis.chosen_methods import CHOSEN_BY_NAME
from ..analysis.facts import Generation, ModuleFacts, ScopeSite, SiteKind
from ..analysis.flow_facts import FlowFacts, Val
from ..analysis.facts_values import ScopeValue, ValueState
from ..spans import Span
from .resolver import V3_SHARED_REQUESTS, FlowResolver, named_like_a_client
from .sdk_view import sdk_view
from .site_rewrites import with_sites_read_again

# The v2 client method that builds an authorization URL, as a use records it.
_AUTH_URL_USE = (sdk_view().auth_url_method,)


def awaits_client(site: ScopeSite) -> bool:
    """Whether a site is a request only if its receiver is a client, not yet shown:
    an ``authentication_url`` call, or a v3 JSON request whose method name is a common
    word (``grants.update``, ``connectors.create``) made on a receiver its module
    cannot show to be a client (``analysis.extract_v3``)."""
    if site.confirmed:
        return False
    return site.kind is SiteKind.SDK_HOSTED or (
        site.kind is SiteKind.V3_JSON and bool(site.receiver) and not site.exported_as)


def client_calls(modules: Iterable[ModuleFacts], resolver: FlowResolver) -> frozenset[Span]:
    """The spans of the ``authentication_url`` calls whose receiver holds a client,
    and of the helper's request methods whose receiver holds the helper."""
    helpers = resolver.sdk.auth_url_helper_methods
    return frozenset(
        use.span
        for facts in modules if facts.flow is not None
        for use in facts.flow.uses
        if (use.attrs == _AUTH_URL_USE and resolver.is_client(use.root)) or (
            use.attrs in V3_SHARED_REQUESTS and resolver.is_v3_client(use.root)) or (
            len(use.attrs) == 1 and use.attrs[0] in helpers
            and resolver.is_helper(use.root, helpers[use.attrs[0]]))
    )


def untold_receiver_calls(modules: Iterable[ModuleFacts], resolver: FlowResolver
                          ) -> frozenset[Span]:
    """The spans of the ``authentication_url`` calls whose receiver the analysis
    cannot tell (``def login(oauth): return oauth.authentication_url(url,
    scopes=cfg["scopes"])`` with the function called only by a framework, or from
    code the analysis does not follow): the receiver may be a client, so a request
    there whose scopes cannot be read may grant anything.  The SDK's method name is
    its own (the OAuth libraries name theirs ``authorization_url``), so such a
    receiver counts whatever its name; one named like a client counts also where
    it resolves to nothing else.  A receiver shown to be another object (a project
    class, another library's session made here) is not one of them."""
    return frozenset(
        use.span
        for facts in modules if facts.flow is not None
        for use in facts.flow.uses
        if use.attrs == _AUTH_URL_USE and (
            resolver.tells_nothing_of(use.root) or resolver.partly_untold(use.root)
            or (named_like_a_client(use.root) and not resolver.resolve(use.root)))
        and not _made_by_another_library(facts.flow, use.root, resolver)
    )


def _made_by_another_library(flow: FlowFacts, root: Val | None, resolver: FlowResolver
                             ) -> bool:
    """Whether a receiver is a name its module binds only to calls of another
    library (``other = OAuth2Session(cid)``): that library's object, which the
    resolver, following only the project's and Nylas's values, cannot tell."""
    if root is None or root.kind != "sym":
        return False
    bound = [edge.value for edge in flow.edges if edge.target == root.name]
    return bool(bound) and all(resolver.calls_another_library(value) for value in bound)


def with_confirmed_sites(
    modules: Mapping[str, ModuleFacts], resolver: FlowResolver
) -> dict[str, ModuleFacts]:
    """The modules' facts with each ``authentication_url`` request made on a client
    confirmed; a module with nothing to confirm keeps its facts as they are."""
    if not any(awaits_client(site) for facts in modules.values() for site in facts.sites):
        return dict(modules)
    confirmed = client_calls(modules.values(), resolver)
    return {path: _confirmed(facts, confirmed) for path, facts in modules.items()}


def _confirmed(facts: ModuleFacts, confirmed: frozenset[Span]) -> ModuleFacts:
    return with_sites_read_again(facts, lambda site: dataclasses.replace(site, confirmed=True)
                                 if awaits_client(site) and site.span in confirmed else site)


def lost_helper_requests(resolver: FlowResolver) -> list[ScopeSite]:
    """Where an instance of the SDK's helper reaches code the analysis does not
    follow (``register(ROUTES)``): that code may build the authentication URL with
    any scopes, an unresolved request (call this after the usage is resolved)."""
    methods = {helper: method for method, helper in
               resolver.sdk.auth_url_helper_methods.items()}
    return [
        ScopeSite(
            SiteKind.SDK_HOSTED, Generation.V2, span,
            ScopeValue(ValueState.UNRESOLVED, complete=False,
                       reason=f"{how}, which may request any scopes with it"),
            description=f"{methods[helper]}()", helper_class=helper,
        )
        for span, (helper, how) in sorted(resolver.lost_requests.items(),
                                          key=lambda item: item[0].to_json())
    ]


def chosen_logins(modules: Iterable[ModuleFacts], resolver: FlowResolver) -> list[ScopeSite]:
    """The requests a client's method chosen by a name that cannot be read may make
    (``getattr(client, name)(url, scopes=...)``, see ``chosen_methods``): unresolved,
    where the object is shown to reach ``getattr`` as a client (call this after the
    usage is resolved)."""
    spans = resolver.clients_to_getattr
    return [dataclasses.replace(site, confirmed=True)
            for facts in modules for site in facts.sites
            if site.description == CHOSEN_BY_NAME and site.span in spans]
