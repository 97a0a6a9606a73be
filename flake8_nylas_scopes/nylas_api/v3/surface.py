"""nylas-python 6.x as the value-flow analysis reads it (one :class:`SdkSurface`).

The client's resources (``sdk.RESOURCES``) with the methods of ``endpoints.SDK_METHODS``,
and every endpoint's requirement restated once per provider in the shape the usage
rules read (any-of options of all-of scope sets).  Sources are noted in those modules.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..types import ArgumentCase, ArgumentClause, Certainty
from ..types import Endpoint as UsageEndpoint
from ..types import Resource, ScopeOption, SdkSurface
from .endpoints import (
    ARGUMENT_NAMES,
    ENDPOINTS,
    NAMED_ARGUMENTS,
    NOTIFICATIONS,
    RAW_ROUTES,
    SDK_METHODS,
    TRIGGER_ENUM,
    TRIGGER_KEY,
    TRIGGER_MEMBERS,
    TRIGGER_NAMES,
)
from .sdk import (
    CLIENT_CLASSES,
    CLIENT_DATA,
    CREATE_KEYWORDS,
    HOSTED_AUTH_PATH,
    PRERELEASE_SCOPE_SITES,
    RESOURCES,
    SCOPE_SITES,
)
from .types import PROVIDERS, Access, Condition, Endpoint, ProviderRequirement, Serialisation


def _options(requirements: list[ProviderRequirement]) -> tuple[ScopeOption, ...]:
    options: dict[frozenset[str], ScopeOption] = {}
    for requirement in requirements:
        for alternative in requirement.alternatives:
            options.setdefault(alternative.scopes,
                               ScopeOption(alternative.scopes, alternative.certainty))
    return tuple(options.values())


def _for_provider(endpoint: Endpoint, provider: str, mention: bool = False
                  ) -> UsageEndpoint:
    """One provider's view of an endpoint.

    The options are the base requirement's and every condition's (``calendar_id=
    "primary"``): a call is missing a scope only when it is missing in each case, and
    ``variants`` keeps the cases apart: a narrower set must serve each of them, unless
    the call's arguments are read and choose one.
    """
    requirement = endpoint.requirement
    rows = ",".join(requirement.rows)
    dialect = f"v3/{provider}"
    if requirement.access in (Access.GRANT_NO_SCOPE, Access.APPLICATION):
        return UsageEndpoint(endpoint.key, (), False, requirement.certainty, rows,
                             endpoint.note, dialect)
    base = requirement.providers.get(provider)
    conditional = [condition.providers[provider] for condition in requirement.conditions
                   if provider in condition.providers]
    base_options = _options([base] if base is not None else [])
    certainty = base.certainty if base is not None else requirement.certainty
    if requirement.access is Access.OTHER_GRANTS:
        # The scopes are those of the grants the request names, which another flow may
        # have authorised: a use, never a reason to call a scope missing.
        certainty = Certainty.INFERRED
    cases = ([base] if base is not None else []) + conditional
    return UsageEndpoint(
        endpoint.key,
        _options(cases),
        True,
        certainty,
        rows,
        endpoint.note or requirement.note,
        dialect,
        (ArgumentCase((), base_options), *(
            _case(condition, provider) for condition in requirement.conditions
            if provider in condition.providers
        )) if conditional else (),
        mention,
    )


def _case(condition: Condition, provider: str) -> ArgumentCase:
    """A condition as one provider sees it.  Only conditions that name the provider
    become its cases: one about another provider (``calendar_id="primary"`` for
    Google) must not hide a later one that names this provider (Teams conferencing)."""
    when = tuple(ArgumentClause(clause.location.value, clause.parameter, clause.values)
                 for clause in condition.when)
    return ArgumentCase(when, _options([condition.providers[provider]]),
                        condition.certainty.is_certain)


def _resources() -> Mapping[str, Resource]:
    children: dict[str, dict[str, str]] = {"": {}}
    for path in RESOURCES:
        parent, _, attribute = path.rpartition(".")
        children.setdefault(parent, {})[attribute] = path
    methods: dict[str, dict[str, tuple[str, ...]]] = {}
    for (resource, name), method in SDK_METHODS.items():
        keys = () if method.url_only else tuple(dict.fromkeys(
            call.endpoint for call in method.calls))
        methods.setdefault(resource, {})[name] = keys
    # The client itself is the resource at the empty path.
    return {
        path: Resource(path, children.get(path, {}), methods.get(path, {}))
        for path in ("", *RESOURCES)
    }


SURFACE = SdkSurface(
    "v3",
    CLIENT_CLASSES,
    # Notification triggers and request arguments named in the code are not requests,
    # but what Nylas does for them takes the grant's scopes.
    {
        **{key: tuple(_for_provider(endpoint, provider) for provider in PROVIDERS)
           for key, endpoint in ENDPOINTS.items()},
        **{key: tuple(_for_provider(endpoint, provider, True) for provider in PROVIDERS)
           for key, endpoint in (*NOTIFICATIONS.items(), *NAMED_ARGUMENTS.items())},
    },
    resources=_resources(),
    raw_routes=RAW_ROUTES,
    triggers=TRIGGER_NAMES,
    trigger_enum=TRIGGER_ENUM,
    trigger_members=TRIGGER_MEMBERS,
    trigger_key=TRIGGER_KEY,
    named_arguments=ARGUMENT_NAMES,
    authorize_paths={"hosted": HOSTED_AUTH_PATH},
    client_data=CLIENT_DATA,
    create_keywords=CREATE_KEYWORDS,
    scope_dict_methods=frozenset(
        site.method for site in (*SCOPE_SITES, *PRERELEASE_SCOPE_SITES)),
    # The JSON requests but custom authentication, whose name no other library has.
    shared_request_chains=frozenset(
        (*site.resource.split("."), site.method)
        for site in (*SCOPE_SITES, *PRERELEASE_SCOPE_SITES)
        if site.serialisation is Serialisation.JSON_BODY and not site.creates_grant
        or site.resource == "auth.grants"),
    connector_requests=frozenset(
        f"{site.resource}.{site.method}()" for site in SCOPE_SITES
        if site.resource == "connectors"),
)
