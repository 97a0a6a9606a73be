"""Typed configuration shared by every front end."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .catalogue import PROVIDER_VALUES
from .codes import CODES, DEFAULT_OFF


class ConfigError(ValueError):
    """A configuration value the tool cannot use; the message names the option."""


@dataclass(frozen=True)
class Config:
    # Provider values the app's accounts can have (``gmail``, ``office365``, ``imap``,
    # or a family: ``google``, ``microsoft``); empty means any provider.
    providers: tuple[str, ...] = ()
    # Scopes granted to tokens obtained outside this code (usage rules count them).
    granted_scopes: tuple[str, ...] = ()
    # Scopes to treat as used even when no call in the code needs them.
    assume_used: tuple[str, ...] = ()
    # Extra names (``app.nylas``, ``nylas_client``) that hold a Nylas client.
    client_names: tuple[str, ...] = ()
    project_root: str = ""


DEFAULT_CONFIG = Config()


def _clean(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(value.strip() for value in values if value.strip())


def make_config(
    providers: Iterable[str] = (),
    granted_scopes: Iterable[str] = (),
    assume_used: Iterable[str] = (),
    client_names: Iterable[str] = (),
    project_root: str = "",
    option_prefix: str = "--nylas-",
) -> Config:
    """Build a :class:`Config`, rejecting values the tool cannot use."""
    cleaned_providers = tuple(value.lower() for value in _clean(providers))
    unknown = [value for value in cleaned_providers if value not in PROVIDER_VALUES]
    if unknown:
        known = ", ".join(sorted(PROVIDER_VALUES))
        raise ConfigError(
            f"{option_prefix}providers: unknown provider {unknown[0]!r} (known: {known})"
        )
    return Config(
        providers=cleaned_providers,
        granted_scopes=_clean(granted_scopes),
        assume_used=_clean(assume_used),
        client_names=_clean(client_names),
        project_root=project_root.strip(),
    )


CodeFilter = Callable[[str], bool]


def default_code_filter(code: str) -> bool:
    return code in CODES and code not in DEFAULT_OFF


def all_codes(code: str) -> bool:
    return code in CODES
