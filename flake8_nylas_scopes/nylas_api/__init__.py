"""Nylas knowledge, one folder per API version (``v2/``, ``v3/``).

This module is the registry of the versions and imports none of their tables: a
front end that meets a project without Nylas never loads them.  A version's
catalogues are loaded the first time they are asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .types import SdkSurface


@dataclass(frozen=True)
class Api:
    """One API version and how to load each provider's catalogue (``""``: one
    catalogue for every provider, as in v2)."""

    version: str
    catalogues: Mapping[str, Callable[[], Catalogue]]
    # The SDK as the value-flow analysis reads it: client classes, what their
    # attributes and methods request.
    load_surface: Callable[[], SdkSurface]
    # The values a request's ``provider`` (or the ``nylas-providers`` option) takes.
    load_provider_values: Callable[[], frozenset[str]]

    @property
    def providers(self) -> tuple[str, ...]:
        return tuple(sorted(self.catalogues))

    def catalogue(self, provider: str = "") -> Catalogue:
        return self.catalogues[provider]()

    def surface(self) -> SdkSurface:
        return self.load_surface()

    def provider_values(self) -> frozenset[str]:
        return self.load_provider_values()


def _v2() -> Catalogue:
    from .v2.scopes import CATALOGUE

    return CATALOGUE


def _v3_google() -> Catalogue:
    from .v3.google import CATALOGUE

    return CATALOGUE


def _v3_microsoft() -> Catalogue:
    from .v3.microsoft import CATALOGUE

    return CATALOGUE


def _v2_surface() -> SdkSurface:
    from .v2.sdk import SURFACE

    return SURFACE


def _v3_surface() -> SdkSurface:
    from .v3.surface import SURFACE

    return SURFACE


def _v2_providers() -> frozenset[str]:
    from .v2.scopes import PROVIDER_VALUES

    return frozenset(PROVIDER_VALUES)


def _v3_providers() -> frozenset[str]:
    from .v3.sdk import PROVIDER_VALUES

    return frozenset(PROVIDER_VALUES)


API_VERSIONS: Mapping[str, Api] = {
    "v2": Api("v2", {"": _v2}, _v2_surface, _v2_providers),
    "v3": Api("v3", {"google": _v3_google, "microsoft": _v3_microsoft}, _v3_surface,
              _v3_providers),
}


@cache
def save_updates() -> Mapping[str, str]:
    """API v2 models whose ``save()`` creates an object without an id and updates one
    with an id, each with its update endpoint (``v2.endpoints.SAVE_UPDATES``)."""
    from .v2.endpoints import SAVE_UPDATES

    return SAVE_UPDATES


@cache
def client_class_names() -> frozenset[str]:
    """The qualified names of every API version's client class (each surface's
    ``client_classes``), loaded when first asked for."""
    return frozenset(
        name for api in API_VERSIONS.values() for name in api.surface().client_classes)


def earlier_provider_names() -> Mapping[str, str]:
    """API v2's provider values that name exactly one v3 provider, by value
    (``v3/sdk.py``)."""
    from .v3.sdk import EARLIER_PROVIDER_NAMES

    return EARLIER_PROVIDER_NAMES


# How every provider scope URI of API v3 starts (the prefixes of the Google and
# Microsoft catalogues, ``v3/google.py`` and ``v3/microsoft.py``; a test keeps them
# equal): enough to tell a list of provider scopes without loading a catalogue.
PROVIDER_SCOPE_PREFIXES: tuple[str, ...] = (
    "https://www.googleapis.com/auth/", "https://mail.google.com/",
    "https://graph.microsoft.com/",
)


def dialect_catalogue(dialect: str) -> Catalogue:
    """The catalogue of a dialect: ``"v2"``, ``"v3/google"``, ``"v3/microsoft"``."""
    version, _, provider = dialect.partition("/")
    return API_VERSIONS[version].catalogue(provider)
