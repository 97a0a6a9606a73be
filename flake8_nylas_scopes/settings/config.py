"""Typed configuration shared by every front end."""

from __future__ import annotations

import difflib
import keyword
import os
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from ..codes import CODES, DEFAULT_OFF
from ..nylas_api import API_VERSIONS
from ..nylas_api.catalogue import Catalogue


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


def closest(value: str, known: Collection[str]) -> str:
    """``"; did you mean 'x'?"`` for the known value closest to a misspelt one, or ``""``."""
    matches = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean {matches[0]!r}?" if matches else ""


def code_problem(code: str) -> str:
    """Why ``code`` cannot be selected or ignored, or ``""`` when it is a code or prefix."""
    if any(known.startswith(code) for known in CODES):
        return ""
    message = f"{code!r} is not a rule code or a prefix of one"
    suggestion = (
        f"; did you mean {code.upper()!r}?"
        if any(known.startswith(code.upper()) for known in CODES)
        else closest(code, CODES)
    )
    return message + (suggestion or " (e.g. NYS104)")


def _unknown(kind: str, value: str, known: Collection[str], listed_up_to: int = 20) -> str:
    """The closest known value, and the known ones when they are few enough to read."""
    suggestion = closest(value, known)
    if len(known) > listed_up_to:
        return f"unknown {kind} {value!r}{suggestion}"
    return f"unknown {kind} {value!r}{suggestion} (known: {', '.join(sorted(known))})"


def _catalogues() -> list[Catalogue]:
    """Every API version's catalogues (loaded only when a scope option is given)."""
    return [api.catalogue(provider) for api in API_VERSIONS.values()
            for provider in api.providers]


def _known_scope(value: str) -> bool:
    """A scope of any API version, in any accepted spelling.  v2 names are compared in
    lower case, as the usage rules compare them; provider scopes as written."""
    return value.lower() in API_VERSIONS["v2"].catalogue().scopes or any(
        catalogue.canonical(value) is not None for catalogue in _catalogues()
    )


def _every_scope() -> frozenset[str]:
    return frozenset().union(*(catalogue.scopes for catalogue in _catalogues()))


def _is_dotted_name(value: str) -> bool:
    return all(part.isidentifier() and not keyword.iskeyword(part) for part in value.split("."))


def _dotted_name_problem(value: str) -> str:
    message = f"{value!r} is not a Python name or a dotted name of one"
    # The usual slip is a character Python names cannot hold (``nylas-client``).
    repaired = ".".join(
        "".join(char if (char.isalnum() or char == "_") else "_" for char in part)
        for part in value.split(".")
    )
    if repaired != value and _is_dotted_name(repaired):
        message += f"; did you mean {repaired!r}?"
    return message + " (e.g. nylas_client, app.nylas)"


def make_config(
    providers: Iterable[str] = (),
    granted_scopes: Iterable[str] = (),
    assume_used: Iterable[str] = (),
    client_names: Iterable[str] = (),
    project_root: str = "",
    option_prefix: str = "--nylas-",
) -> Config:
    """Build a :class:`Config`, rejecting values the tool cannot use.

    Each error names the option (``option_prefix`` plus its name) and, where the valid
    values are a known list, the closest one: a misspelt scope or provider would
    otherwise change the findings without a word.
    """

    def fail(option: str, problem: str) -> ConfigError:
        return ConfigError(f"{option_prefix}{option}: {problem}")

    cleaned_providers = tuple(value.lower() for value in _clean(providers))
    known_providers = frozenset[str]().union(
        *(api.provider_values() for api in API_VERSIONS.values()))
    for value in cleaned_providers:
        if value not in known_providers:
            raise fail("providers", _unknown("provider", value, known_providers))
    scopes = {"granted-scopes": _clean(granted_scopes), "assume-used": _clean(assume_used)}
    for option, values in scopes.items():
        for value in values:
            if not _known_scope(value):
                raise fail(option, _unknown("scope", value, _every_scope()))
    names = _clean(client_names)
    for name in names:
        if not _is_dotted_name(name):
            raise fail("client-names", _dotted_name_problem(name))
    root = project_root.strip()
    if root and not os.path.isdir(root):
        raise fail("project-root", f"{root!r} is not a directory")
    return Config(
        providers=cleaned_providers,
        granted_scopes=scopes["granted-scopes"],
        assume_used=scopes["assume-used"],
        client_names=names,
        project_root=root,
    )


CodeFilter = Callable[[str], bool]


def default_code_filter(code: str) -> bool:
    return code in CODES and code not in DEFAULT_OFF


def all_codes(code: str) -> bool:
    return code in CODES
