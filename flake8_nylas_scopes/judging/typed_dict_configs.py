"""Configs made by calling another module's ``TypedDict`` class.

``from app.types import OAuthConfig`` then ``nylas.auth.url_for_oauth2(OAuthConfig(
client_id="c", scope=[...]))``: the module making the request cannot tell whether the
class builds a dict, so it records the request unread with the reading of the call as
a dict display beside it (``ScopeSite.as_typed_dict``).  The module defining the class
says whether it is a ``TypedDict`` (``ModuleFacts.typed_dicts``); only then does that
reading hold.  A module judged alone keeps the request unread.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..analysis.facts import ModuleFacts, ScopeSite
from .site_rewrites import with_sites_read_again


def with_typed_dict_configs(modules: Mapping[str, ModuleFacts]) -> dict[str, ModuleFacts]:
    """The modules' facts with each request whose config is a call of a project
    ``TypedDict`` read as a dict display."""
    if not any(site.as_typed_dict is not None for facts in modules.values()
               for site in facts.sites):
        return dict(modules)
    classes = {f"{facts.module}.{name}" for facts in modules.values()
               for name in facts.typed_dicts}
    return {path: _read(facts, classes) for path, facts in modules.items()}


def _read(facts: ModuleFacts, classes: set[str]) -> ModuleFacts:
    def as_dict(site: ScopeSite) -> ScopeSite:
        if site.as_typed_dict is not None and site.typed_dict in classes:
            return site.as_typed_dict
        return site

    return with_sites_read_again(facts, as_dict)
