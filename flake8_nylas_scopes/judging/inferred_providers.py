"""Which API v3 providers `infer` describes: those the app asks grants of."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..settings.config import Config
from .resolver import EndpointUse
from .usage_rules import ProjectState
from .v3_list_rules import configured_provider
from .v3_requests import V2, V3_UNKNOWN


def inferred_dialects(found: Iterable[str], requested: set[str],
                      uses: Sequence[EndpointUse], state: ProjectState,
                      config: Config) -> list[str]:
    """The dialects of ``found`` (those the calls are stated in) whose minimal scopes
    are worth showing.  Every call is stated for every provider, so without this a
    Google-only app was also told what Microsoft would need.

    A provider is shown where the configuration or a request names it, where some
    call runs only for its grants (``if grant.provider == "microsoft":``), and every
    provider where no request says whose grants the app gets (no request at all: the
    grants come from the connector's defaults; a provider chosen at run time).
    """
    found = set(found)
    asked = _asked_dialects(requested, config)
    if asked is None:
        return sorted(found)
    shown = {dialect for dialect in found
             if dialect in asked or _kept_for(dialect, found, uses, state)}
    # Nothing asked for is stated by the calls: better all than an empty answer.
    return sorted(shown or found)


def _asked_dialects(requested: set[str], config: Config) -> set[str] | None:
    """The v3 dialects the app's requests or configuration name; None when they do
    not tell (then every provider may hold the app's grants)."""
    configured = {f"v3/{provider}" for name in config.providers
                  if (provider := configured_provider(name))}
    named = {dialect for dialect in requested if dialect not in (V2, "", V3_UNKNOWN)}
    if configured:
        return configured | named
    if V3_UNKNOWN in requested or not named:
        return None
    return named


def _kept_for(dialect: str, found: set[str], uses: Sequence[EndpointUse],
              state: ProjectState) -> bool:
    """Whether a call runs for ``dialect``'s grants and not for every other
    provider's: code written for that provider says the app serves it."""
    others = found - {dialect}
    return any(state.reaches(use, dialect)
               and not all(state.reaches(use, other) for other in others)
               for use in uses if use.endpoint.dialect == dialect)
