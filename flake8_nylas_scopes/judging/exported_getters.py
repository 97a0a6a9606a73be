"""Requests made through a getter another module imports.

``GET_AUTH = operator.attrgetter("auth.url_for_oauth2")`` in one module, ``from
.getters import GET_AUTH`` then ``GET_AUTH(nylas)(config)`` in another: the module
holding the getter records an unconfirmed, unresolved request (see
``ScopeSite.exported_as``), which is one only where another module uses the name,
as the request is where the getter is called in its own module.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..analysis.facts import ModuleFacts, ScopeSite
from .flow_names import referenced_names
from .site_rewrites import with_sites_read_again


def with_used_getters(modules: Mapping[str, ModuleFacts]) -> dict[str, ModuleFacts]:
    """The modules' facts with each request through a getter confirmed where
    another module refers to the name holding it."""
    waiting = {f"{facts.module}.{site.exported_as}"
               for facts in modules.values() for site in facts.sites if site.exported_as}
    if not waiting:
        return dict(modules)
    used: set[str] = set()
    for facts in modules.values():
        if facts.flow is not None:
            used.update(name for name in set(referenced_names(facts.flow)).intersection(waiting)
                        if not name.startswith(facts.module + "."))
    return {path: _confirmed(facts, used) for path, facts in modules.items()}


def _confirmed(facts: ModuleFacts, used: set[str]) -> ModuleFacts:
    def confirmed(site: ScopeSite) -> ScopeSite:
        if site.exported_as and f"{facts.module}.{site.exported_as}" in used:
            return dataclasses.replace(site, confirmed=True)
        return site

    return with_sites_read_again(facts, confirmed)
