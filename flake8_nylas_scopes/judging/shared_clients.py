"""The requests other modules may send with a module's HTTP client.

``HTTP = httpx.Client(base_url="https://api.us.nylas.com/v3/grants/abc")`` in one
module is read there: each request its own code sends joins the base.  Another module
that imports it (``from app.http import HTTP``, ``http.HTTP``, the module itself
handed on) may send any request below that base, which its module's reading never
sees: left out, the scopes those requests need would look unused.  Such a client is
an unresolved request (any path below its base) wherever another module refers to
it, and where its own module never uses it (it is there for code elsewhere: a
script, a module outside the project); a client its module uses and no other module
names sends only what its own module shows.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..analysis.facts import ModuleFacts, RawTemplate
from ..analysis.member_patterns import is_pattern, member_matches
from .flow_names import referenced_names, refers_to_unread_module


def shared_client_requests(modules: Mapping[str, ModuleFacts]) -> dict[str, list[RawTemplate]]:
    """By module path, the requests of its shared clients that other modules refer
    to."""
    shared = {facts.module: facts for facts in modules.values()
              if facts.shared_clients and facts.module}
    if not shared:
        return {}
    found: dict[str, list[RawTemplate]] = {}
    # What each other module refers to, gathered once per module.
    others = [_references(facts) for facts in modules.values() if facts.flow is not None]
    for module, facts in shared.items():
        for client in facts.shared_clients:
            target = f"{module}.{client.name}".split(".")
            if not client.used_here or any(
                    owner != module and (unread or any(_may_name(name, target)
                                                       for name in names))
                    for owner, names, unread in others):
                found.setdefault(facts.path, []).append(client.request)
    return found


def _references(facts: ModuleFacts) -> tuple[str, list[list[str]], bool]:
    """A module's name, the dotted names it refers to (as segments), and whether it
    imports a module by a name the analysis cannot read (which may be any)."""
    assert facts.flow is not None
    names = {*referenced_names(facts.flow),
             # ``from app.http import *`` brings the client under the module's own name.
             *(star.module + ".*" for star in facts.star_imports)}
    return facts.module, [name.split(".") for name in names], refers_to_unread_module(
        facts.flow)


def _may_name(name: list[str], target: list[str]) -> bool:
    """Whether a dotted name may refer to the target: the target itself, something
    reached through it (``app.http.HTTP.get``), or a module or package holding it,
    which may hand it on (``app.http``); a member read by a name built at run time
    (``getattr(http, name)``) may be any member."""
    return all(part == wanted or (is_pattern(part) and member_matches(part, wanted))
               for part, wanted in zip(name, target))
