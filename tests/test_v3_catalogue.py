"""Checks of the Nylas API v3 data on its own: provider catalogues and endpoint map.

The SDK side (methods, HTTP methods, paths, resource attributes, scope sites) is
checked against the published releases in ``test_v3_sdk_crosscheck.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from types import ModuleType

import pytest

from flake8_nylas_scopes.nylas_api.types import Certainty, Inclusion
from flake8_nylas_scopes.nylas_api.v3 import endpoints, google, microsoft, sdk, types
from flake8_nylas_scopes.nylas_api.v3.types import (
    GOOGLE,
    MICROSOFT,
    PROVIDERS,
    Access,
    GoogleTier,
    ProviderRequirement,
    ProviderScope,
    Requirement,
    ScopeFamily,
)

CATALOGUES: Mapping[str, ModuleType] = {GOOGLE: google, MICROSOFT: microsoft}

# A source key defined in a module docstring: a bullet that starts with ``KEY``.
SOURCE_KEY_RE = re.compile(
    r"^\s*\* ``([A-Z][A-Z0-9-]+)``:(.*?)(?=^\s*\*|^\s*$|\Z)", re.M | re.S
)
ROW_RE = re.compile(r"^V3-(\d+)$")
VERSION_RE = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:b(\d+))?$")


def version(text: str) -> tuple[int, int, int, int]:
    """``6.12.0`` -> comparable tuple; a beta sorts before its release."""
    match = VERSION_RE.match(text)
    assert match, text
    major, minor, patch, beta = match.groups()
    return int(major), int(minor), int(patch), int(beta) if beta else 1_000


def defined_sources(module: ModuleType) -> dict[str, str]:
    doc = module.__doc__ or ""
    return {match[1]: match[2] for match in SOURCE_KEY_RE.finditer(doc)}


def entries(provider: str) -> Iterable[ProviderScope]:
    scopes: Mapping[str, ProviderScope] = CATALOGUES[provider].SCOPES
    return scopes.values()


def inclusions(provider: str) -> tuple[Inclusion, ...]:
    edges: tuple[Inclusion, ...] = CATALOGUES[provider].INCLUSIONS
    return edges


def closure(edges: Iterable[Inclusion]) -> dict[str, set[str]]:
    direct: dict[str, set[str]] = {}
    for edge in edges:
        direct.setdefault(edge.broader, set()).add(edge.narrower)
    reach: dict[str, set[str]] = {}
    for start in direct:
        seen: set[str] = set()
        stack = list(direct[start])
        while stack:
            scope = stack.pop()
            if scope not in seen:
                seen.add(scope)
                stack.extend(direct.get(scope, ()))
        reach[start] = seen
    return reach


def certain_closure(provider: str) -> dict[str, set[str]]:
    return closure(edge for edge in inclusions(provider) if edge.certainty.is_certain)


# --- the catalogues ------------------------------------------------------------------


@pytest.mark.parametrize("provider", PROVIDERS)
def test_entries_are_keyed_by_name_and_belong_to_the_provider(provider: str) -> None:
    for name, entry in CATALOGUES[provider].SCOPES.items():
        assert entry.name == name
        assert entry.provider == provider
        assert entry.name in entry.spellings
        assert entry.description and entry.label


@pytest.mark.parametrize("provider", PROVIDERS)
def test_spellings_are_unique_and_map_back(provider: str) -> None:
    seen: dict[str, str] = {}
    for entry in entries(provider):
        for spelling in entry.spellings:
            assert spelling not in seen, (spelling, seen.get(spelling), entry.name)
            seen[spelling] = entry.name
            assert spelling == spelling.strip() and " " not in spelling and "," not in spelling
    assert seen == dict(CATALOGUES[provider].SPELLINGS)
    labels = [entry.label for entry in entries(provider)]
    assert len(labels) == len(set(labels))


def test_only_the_openid_names_are_shared_by_both_providers() -> None:
    shared = set(google.SPELLINGS) & set(microsoft.SPELLINGS)
    assert shared == {"openid", "email", "profile"}


def test_google_spellings() -> None:
    for entry in entries(GOOGLE):
        if entry.name in ("openid", "email", "profile"):
            assert entry.spellings == {entry.name}
            continue
        # Google takes the full URI only; the label is not a spelling.
        assert entry.spellings == {entry.name}
        assert entry.name.startswith((google.AUTH_PREFIX, google.FULL_MAIL)), entry.name
        assert entry.label not in google.SPELLINGS
    assert google.SPELLINGS["https://www.googleapis.com/auth/gmail.readonly"] == (
        "https://www.googleapis.com/auth/gmail.readonly"
    )
    assert google.FULL_MAIL == "https://mail.google.com/" and google.FULL_MAIL in google.SCOPES


def test_microsoft_spellings() -> None:
    for entry in entries(MICROSOFT):
        if entry.family is ScopeFamily.IDENTITY and entry.name != "User.Read":
            assert entry.spellings == {entry.name}, entry.name
        else:
            assert entry.spellings == {entry.name, microsoft.GRAPH_PREFIX + entry.name}
    assert microsoft.SPELLINGS["https://graph.microsoft.com/Mail.Read"] == "Mail.Read"
    assert microsoft.SPELLINGS["Mail.Read"] == "Mail.Read"


def test_google_tiers() -> None:
    for entry in entries(GOOGLE):
        assert entry.google_tier is not None, entry.name
        assert entry.admin_consent is None, entry.name
    # Google's restricted-scope list, complete for the scopes catalogued here.
    restricted = {
        "mail.google.com", "gmail.readonly", "gmail.metadata", "gmail.modify",
        "gmail.insert", "gmail.compose", "gmail.settings.basic", "gmail.settings.sharing",
    }
    assert google.RESTRICTED_SCOPES == {google.uri(label) for label in restricted}
    for name in google.RESTRICTED_SCOPES:
        assert google.SCOPES[name].tier_certainty is Certainty.DOCUMENTED, name
    assert google.SCOPES[google.uri("gmail.send")].google_tier is GoogleTier.SENSITIVE
    assert google.SCOPES[google.uri("gmail.labels")].google_tier is GoogleTier.NON_SENSITIVE


def test_microsoft_admin_consent() -> None:
    for entry in entries(MICROSOFT):
        assert entry.admin_consent is not None, entry.name
        assert entry.google_tier is None, entry.name
    assert "Place.Read.All" in microsoft.ADMIN_CONSENT_SCOPES
    assert microsoft.SCOPES["Place.Read.All"].tier_certainty is Certainty.DOCUMENTED
    assert not {"Mail.Read", "Mail.Send", "Calendars.ReadWrite"} & microsoft.ADMIN_CONSENT_SCOPES


def test_identity_scopes_are_flagged() -> None:
    expected = {
        GOOGLE: {"openid", "email", "profile", google.uri("userinfo.email"),
                 google.uri("userinfo.profile")},
        MICROSOFT: {"openid", "email", "profile", "offline_access", "User.Read"},
    }
    for provider, names in expected.items():
        assert CATALOGUES[provider].IDENTITY_SCOPES == names
        for entry in entries(provider):
            assert entry.identity == (entry.family is ScopeFamily.IDENTITY), entry.name


@pytest.mark.parametrize("provider", PROVIDERS)
def test_inclusions_name_catalogue_scopes(provider: str) -> None:
    scopes = CATALOGUES[provider].SCOPES
    pairs = set()
    for edge in inclusions(provider):
        assert edge.broader in scopes, edge
        assert edge.narrower in scopes, edge
        assert edge.broader != edge.narrower, edge
        assert (edge.broader, edge.narrower) not in pairs, edge
        pairs.add((edge.broader, edge.narrower))
        # Identity scopes stand apart: nothing includes them, they include nothing.
        assert not scopes[edge.broader].identity and not scopes[edge.narrower].identity, edge


@pytest.mark.parametrize("provider", PROVIDERS)
def test_inclusion_closure_is_acyclic(provider: str) -> None:
    for scope, reached in closure(inclusions(provider)).items():
        assert scope not in reached, f"{scope} includes itself through {sorted(reached)}"


@pytest.mark.parametrize("provider", PROVIDERS)
def test_non_inclusions_hold_even_over_uncertain_edges(provider: str) -> None:
    scopes = CATALOGUES[provider].SCOPES
    reach = closure(inclusions(provider))
    for fact in CATALOGUES[provider].NON_INCLUSIONS:
        assert fact.broader in scopes and fact.narrower in scopes, fact
        assert fact.narrower not in reach.get(fact.broader, set()), fact


def test_mail_readwrite_does_not_include_mail_send() -> None:
    reach = closure(microsoft.INCLUSIONS)
    assert "Mail.Send" not in reach["Mail.ReadWrite"]
    assert "Mail.Send" not in reach["Mail.ReadWrite.Shared"]
    assert any(
        (fact.broader, fact.narrower) == ("Mail.ReadWrite", "Mail.Send")
        for fact in microsoft.NON_INCLUSIONS
    )


def test_the_documented_inclusions() -> None:
    g = google.uri
    certain_g, certain_m = certain_closure(GOOGLE), certain_closure(MICROSOFT)
    assert g("gmail.readonly") in certain_g[g("gmail.modify")]
    assert {g("calendar.readonly"), g("calendar.events"), g("calendar.events.readonly")} <= (
        certain_g[g("calendar")]
    )
    assert g("calendar.events.readonly") in certain_g[g("calendar.events")]
    assert "Mail.Read" in certain_m["Mail.ReadWrite"]
    assert "Calendars.Read" in certain_m["Calendars.ReadWrite"]
    assert "Mail.Read.Shared" in certain_m["Mail.ReadWrite.Shared"]
    # Present but uncertain: scheduled send takes gmail.send only, contact reads take
    # the read-only scopes only, and no source says a .Shared permission covers the
    # user's own mailbox.
    possible_g, possible_m = closure(google.INCLUSIONS), closure(microsoft.INCLUSIONS)
    for broader, narrower in (
        ("gmail.compose", "gmail.send"),
        ("gmail.modify", "gmail.send"),
        ("contacts", "contacts.readonly"),
        # Nylas lists full mail access only for permanent deletes.
        ("mail.google.com", "gmail.modify"),
        ("mail.google.com", "gmail.compose"),
        ("mail.google.com", "gmail.readonly"),
    ):
        assert g(narrower) in possible_g[g(broader)]
        assert g(narrower) not in certain_g.get(g(broader), set())
    for broader, narrower in (
        ("Mail.Read.Shared", "Mail.Read"),
        ("Mail.ReadWrite.Shared", "Mail.ReadWrite"),
        ("Contacts.ReadWrite", "Contacts.Read"),
    ):
        assert narrower in possible_m[broader]
        assert narrower not in certain_m.get(broader, set())


def test_no_certain_edge_reaches_a_conflicting_scope() -> None:
    # gmail.metadata beside a broader scope is a conflict, not a redundancy.
    certain = certain_closure(GOOGLE)
    for conflict in google.CONFLICTS:
        assert conflict.scope in google.SCOPES
        assert conflict.with_any <= set(google.SCOPES)
        assert all(conflict.scope not in reached for reached in certain.values())


# --- sources -------------------------------------------------------------------------


def _requirements() -> Iterator[Requirement]:
    for endpoint in endpoints.ENDPOINTS.values():
        yield endpoint.requirement


def _provider_requirements(requirement: Requirement) -> Iterator[ProviderRequirement]:
    yield from requirement.providers.values()
    for condition in requirement.conditions:
        yield from condition.providers.values()


def _used_sources(module: ModuleType) -> set[str]:
    used: set[str] = set()
    if module is endpoints:
        for requirement in _requirements():
            used.update(requirement.sources)
            for needed in _provider_requirements(requirement):
                used.update(needed.sources)
        return used
    for entry in module.SCOPES.values():
        used.add(entry.source)
    for fact in (*module.INCLUSIONS, *module.NON_INCLUSIONS, *getattr(module, "CONFLICTS", ())):
        used.add(fact.source)
    return used


@pytest.mark.parametrize("module", [google, microsoft, endpoints, sdk], ids=lambda m: m.__name__)
def test_source_keys_are_defined_with_a_public_url(module: ModuleType) -> None:
    defined = defined_sources(module)
    assert defined, module.__name__
    for key, text in defined.items():
        assert "https://" in text, f"{module.__name__}: source {key} has no public URL"
    missing = _used_sources(module) - set(defined) if module is not sdk else set()
    assert not missing, f"{module.__name__}: source keys used but not defined: {missing}"
    # A source key named in a comment or note must be defined too.
    text = open(module.__file__ or "", encoding="utf-8").read()
    named = set(re.findall(r"\b((?:V3|G|MS|PY)-?[A-Z0-9]*(?:-[A-Z]+)*)\b", text))
    named = {key for key in named if key in _ALL_SOURCE_KEYS}
    assert named <= set(defined), f"{module.__name__}: {named - set(defined)}"


_ALL_SOURCE_KEYS = set().union(
    *(defined_sources(module) for module in (google, microsoft, endpoints, sdk))
)


@pytest.mark.parametrize(
    "module", [google, microsoft, endpoints, sdk, types], ids=lambda m: m.__name__
)
def test_sources_cite_no_local_paths(module: ModuleType) -> None:
    text = open(module.__file__ or "", encoding="utf-8").read()
    for marker in ("/work/", "shared/", ".md", "file://"):
        assert marker not in text, f"{module.__name__} cites {marker!r}"


# --- the endpoint map on its own -----------------------------------------------------

# Routes with no nylas-python 6.x method: reachable by raw HTTP only.
RAW_ONLY = {
    "GET /v3/grants/{identifier}/resources",
    "GET /v3/scheduling/availability",
}


def test_endpoint_keys_are_well_formed() -> None:
    for key, endpoint in endpoints.ENDPOINTS.items():
        assert endpoint.key == key
        assert endpoint.http_method in {"GET", "POST", "PUT", "PATCH", "DELETE"}, key
        assert endpoint.path.startswith("/v3/") and not endpoint.path.endswith("/"), key
        assert "//" not in endpoint.path, key


def test_requirement_rows_and_access() -> None:
    for key, endpoint in endpoints.ENDPOINTS.items():
        requirement = endpoint.requirement
        for row in requirement.rows:
            match = ROW_RE.match(row)
            assert match and 1 <= int(match[1]) <= 34, (key, row)
        assert requirement.sources, key
        if requirement.access in (Access.PROVIDER_SCOPES, Access.OTHER_GRANTS):
            assert set(requirement.providers) == set(PROVIDERS), key
        else:
            assert not requirement.providers and not requirement.conditions, key
        grant_path = endpoint.path.startswith("/v3/grants/{identifier}/")
        if requirement.access is Access.PROVIDER_SCOPES:
            assert grant_path, key
        if requirement.access is Access.GRANT_NO_SCOPE:
            assert endpoint.path.startswith("/v3/grants/"), key
        if requirement.access in (Access.APPLICATION, Access.OTHER_GRANTS):
            assert not grant_path, key


def test_grant_paths_that_need_no_provider_scope() -> None:
    # A "/v3/grants/{id}/..." path alone must not imply a mail or calendar scope.
    no_scope = {
        key for key, endpoint in endpoints.ENDPOINTS.items()
        if endpoint.requirement.access is Access.GRANT_NO_SCOPE
    }
    g = "/v3/grants/{identifier}"
    assert {
        f"GET {g}/messages/schedules",
        f"GET {g}/messages/schedules/{{schedule_id}}",
        f"DELETE {g}/messages/schedules/{{schedule_id}}",
        f"GET {g}/notetakers",
        f"POST {g}/notetakers",
        "GET /v3/grants/{grant_id}/rule-evaluations",
    } <= no_scope
    for key in ("GET /v3/grants/{grant_id}", "PATCH /v3/grants/{grant_id}"):
        assert endpoints.ENDPOINTS[key].requirement.access is Access.APPLICATION


def _all_provider_requirements() -> Iterator[tuple[str, str, ProviderRequirement]]:
    for key, endpoint in endpoints.ENDPOINTS.items():
        requirement = endpoint.requirement
        for provider, needed in requirement.providers.items():
            yield key, provider, needed
        for condition in requirement.conditions:
            assert condition.when and condition.note, key
            for provider, needed in condition.providers.items():
                yield key, provider, needed


def test_requirement_scopes_are_catalogue_scopes() -> None:
    for key, provider, needed in _all_provider_requirements():
        assert provider in PROVIDERS, (key, provider)
        scopes = CATALOGUES[provider].SCOPES
        if not needed.supported:
            assert not needed.alternatives, key
            continue
        assert needed.alternatives, (key, provider)
        sets = [alternative.scopes for alternative in needed.alternatives]
        assert len(sets) == len(set(sets)), (key, provider)
        for alternative in needed.alternatives:
            assert alternative.scopes, key
            unknown = alternative.scopes - set(scopes)
            assert not unknown, (key, provider, unknown)
            # Identity scopes are never what an endpoint needs.
            assert not any(scopes[name].identity for name in alternative.scopes), key
            if alternative.minimal:
                assert alternative.certainty is Certainty.DOCUMENTED, key
        assert sum(alternative.minimal for alternative in needed.alternatives) <= 1, key


def test_microsoft_send_needs_both_permissions() -> None:
    g = "/v3/grants/{identifier}"
    for key in (f"POST {g}/messages/send", f"POST {g}/drafts/{{draft_id}}"):
        alternatives = endpoints.ENDPOINTS[key].requirement.providers[MICROSOFT].alternatives
        assert all("Mail.Send" in alternative.scopes for alternative in alternatives), key
        assert all(len(alternative.scopes) == 2 for alternative in alternatives), key
    send = endpoints.ENDPOINTS[f"POST {g}/messages/send"].requirement
    (scheduled,) = send.conditions
    assert [clause.parameter for clause in scheduled.when] == ["send_at"]
    assert [a.scopes for a in scheduled.providers[GOOGLE].alternatives] == [
        {google.uri("gmail.send")}
    ]


def test_sdk_calls_reach_endpoints_and_every_endpoint_is_reached() -> None:
    reached: set[str] = set()
    for (resource, method), row in endpoints.SDK_METHODS.items():
        assert (row.resource, row.method) == (resource, method)
        assert resource in sdk.RESOURCES, resource
        assert version(row.since) >= version(sdk.RESOURCES[resource].since), (resource, method)
        assert row.calls, (resource, method)
        for call in row.calls:
            assert call.endpoint in endpoints.ENDPOINTS, (resource, method, call)
            assert version(call.since) >= version(row.since), (resource, method, call)
            if call.before is not None:
                assert version(call.before) > version(call.since), (resource, method, call)
            reached.add(call.endpoint)
        if row.url_only:
            assert [call.endpoint for call in row.calls] == ["GET /v3/connect/auth"]
    assert set(endpoints.ENDPOINTS) - reached == RAW_ONLY
    assert not RAW_ONLY & reached


def _matches(pattern: str, path: str) -> bool:
    want, have = pattern.split("/"), path.split("/")
    return len(want) == len(have) and all(
        w.startswith("{") or w == h for w, h in zip(want, have)
    )


def test_raw_routes_cover_every_endpoint_without_shadowing() -> None:
    keys = [route.endpoint for route in endpoints.RAW_ROUTES]
    assert sorted(keys) == sorted(endpoints.ENDPOINTS)
    for index, route in enumerate(endpoints.RAW_ROUTES):
        assert f"{route.method} {route.path}" == route.endpoint
        for earlier in endpoints.RAW_ROUTES[:index]:
            shadowed = earlier.method == route.method and _matches(earlier.path, route.path)
            assert not shadowed, f"{route.endpoint} is shadowed by {earlier.endpoint}"


def test_raw_requests_reach_the_sdk_rows() -> None:
    def first_match(method: str, path: str) -> str:
        for route in endpoints.RAW_ROUTES:
            if route.method == method and _matches(route.path, path):
                return route.endpoint
        return ""

    g = "/v3/grants/abc"
    assert first_match("POST", f"{g}/messages/send") == (
        "POST /v3/grants/{identifier}/messages/send"
    )
    assert first_match("GET", f"{g}/messages/schedules") == (
        "GET /v3/grants/{identifier}/messages/schedules"
    )
    assert first_match("GET", f"{g}/messages/m1") == (
        "GET /v3/grants/{identifier}/messages/{message_id}"
    )
    assert first_match("PUT", f"{g}/messages/clean") == "PUT /v3/grants/{identifier}/messages/clean"
    assert first_match("GET", f"{g}/contacts/groups") == (
        "GET /v3/grants/{identifier}/contacts/groups"
    )
    assert first_match("PATCH", "/v3/grants/abc") == "PATCH /v3/grants/{grant_id}"


def test_scope_sites_name_sdk_methods_and_endpoints() -> None:
    for site in (*sdk.SCOPE_SITES, *sdk.PRERELEASE_SCOPE_SITES):
        assert site.endpoint in endpoints.ENDPOINTS, site
        assert site.key == "scope", site
        if site.before is None:
            row = endpoints.SDK_METHODS[(site.resource, site.method)]
            assert site.endpoint in {call.endpoint for call in row.calls}, site
    by_method = {(site.resource, site.method): site for site in sdk.SCOPE_SITES}
    assert by_method[("auth", "url_for_admin_consent")].default_provider == MICROSOFT
    assert by_method[("connectors", "update")].provider_from.value == "first-argument"
    for method in ("url_for_oauth2", "url_for_oauth2_pkce", "url_for_admin_consent"):
        assert by_method[("auth", method)].serialisation.value == "url-space-joined"


def test_notification_triggers_name_catalogue_scopes_and_are_never_certain() -> None:
    # A trigger's name in the code is not a subscription: it may keep a scope, never
    # make one missing.
    assert {"message.created", "event.updated", "message.send_success"} <= (
        endpoints.TRIGGER_NAMES)
    assert endpoints.TRIGGER_MEMBERS["MESSAGE_SEND_SUCCESS"] == "message.send_success"
    for key, endpoint in endpoints.NOTIFICATIONS.items():
        assert key == endpoints.notification_key(endpoint.path), key
        requirement = endpoint.requirement
        assert not requirement.certainty.is_certain, key
        assert set(requirement.providers) == set(PROVIDERS), key
        for provider, needed in requirement.providers.items():
            assert needed.alternatives, (key, provider)
            for alternative in needed.alternatives:
                unknown = alternative.scopes - set(CATALOGUES[provider].SCOPES)
                assert not unknown, (key, provider, unknown)


def test_triggers_the_scope_pages_do_not_list_are_open_questions() -> None:
    # Tracking and message intelligence: triggers of the SDK whose scopes no source
    # states; reading replies and receipts may take a mail read scope.
    for trigger in ("thread.replied", "message.opened", "message.intelligence.order"):
        requirement = endpoints.NOTIFICATIONS[endpoints.notification_key(trigger)].requirement
        assert requirement.certainty is Certainty.UNKNOWN, trigger
        for needed in requirement.providers.values():
            assert all(alternative.certainty is Certainty.UNKNOWN
                       for alternative in needed.alternatives), trigger
    assert endpoints.TRIGGER_MEMBERS["THREAD_REPLIED"] == "thread.replied"


def test_named_arguments_are_open_questions() -> None:
    # What Nylas does for an argument (a reply reads the original message) takes a
    # scope its documents do not name: unknown alternatives, quiet both ways.
    assert "reply_to_message_id" in endpoints.ARGUMENT_NAMES
    for key, endpoint in endpoints.NAMED_ARGUMENTS.items():
        assert key == endpoints.argument_key(endpoint.path), key
        for provider, needed in endpoint.requirement.providers.items():
            assert needed.alternatives, (key, provider)
            for alternative in needed.alternatives:
                assert alternative.certainty is Certainty.UNKNOWN, (key, provider)
                assert not alternative.scopes - set(CATALOGUES[provider].SCOPES), key
