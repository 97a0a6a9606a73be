"""Nylas knowledge, one folder per API version (``v2/``, ``v3/``).

This module is the registry of the versions and imports none of their tables: a
front end that meets a project without Nylas never loads them.  A version's
catalogues are loaded the first time they are asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .catalogue import Catalogue


@dataclass(frozen=True)
class Api:
    """One API version: its folder and the module holding each provider's catalogue
    (``""``: one catalogue for every provider, as in v2)."""

    version: str
    catalogue_modules: Mapping[str, str]

    @property
    def providers(self) -> tuple[str, ...]:
        return tuple(sorted(self.catalogue_modules))

    def catalogue(self, provider: str = "") -> Catalogue:
        module = importlib.import_module(
            f"{__name__}.{self.version}.{self.catalogue_modules[provider]}"
        )
        found: Catalogue = module.CATALOGUE
        return found


API_VERSIONS: Mapping[str, Api] = {
    "v2": Api("v2", {"": "scopes"}),
    "v3": Api("v3", {"google": "google", "microsoft": "microsoft"}),
}
