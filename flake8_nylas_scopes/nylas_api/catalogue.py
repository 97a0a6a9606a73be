"""A scope catalogue: one vocabulary and the order among its scopes.

Every API version (and, for v3, every provider) describes its scopes as a
:class:`Catalogue`, so the rules that only need the order are one algorithm over any
of them: the redundant-scope rule of v2 (NYS104) and of v3 (NYS403) both ask
:meth:`Catalogue.redundant_in`.  The order has two strengths: what the sources
certainly say (``includes``: only this may make a rule claim a scope is not needed)
and what they do not rule out (``may_include``: used where a wrong "yes" is the safe
side).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from .types import Inclusion


def _closure(edges: Iterable[Inclusion]) -> Mapping[str, frozenset[str]]:
    """Each scope mapped to every scope it includes, transitively, not itself."""
    direct: dict[str, set[str]] = {}
    for edge in edges:
        direct.setdefault(edge.broader, set()).add(edge.narrower)
    closure: dict[str, frozenset[str]] = {}
    for scope in direct:
        seen: set[str] = set()
        stack = list(direct[scope])
        while stack:
            narrower = stack.pop()
            if narrower not in seen:
                seen.add(narrower)
                stack.extend(direct.get(narrower, ()))
        closure[scope] = frozenset(seen)
    return closure


class Catalogue:
    """``scopes``: every scope by its canonical name; ``spellings``: every accepted way
    of writing one, mapped to that name; ``rank``: how much a scope lets an app do
    (lower first, when several scopes would serve; without one given, a scope ranks by
    how many scopes it may include); ``identity``: sign-in scopes a rule must
    never call unused; ``tiers``: what requesting a scope costs the app (Google's
    verification tiers), where the provider has them."""

    def __init__(
        self,
        name: str,
        scopes: Iterable[str],
        edges: Iterable[Inclusion],
        spellings: Mapping[str, str] | None = None,
        rank: Mapping[str, int] | None = None,
        identity: Iterable[str] = (),
        tiers: Mapping[str, str] | None = None,
    ) -> None:
        self.name = name
        self.scopes = frozenset(scopes)
        self.edges = tuple(edges)
        self.spellings: Mapping[str, str] = dict(spellings or {})
        self.identity = frozenset(identity)
        self.tiers: Mapping[str, str] = dict(tiers or {})
        self._certain = _closure(edge for edge in self.edges if edge.certainty.is_certain)
        self._possible = _closure(self.edges)
        self.rank: Mapping[str, int] = dict(rank) if rank is not None else {
            scope: 1 + len(self._possible.get(scope, ())) for scope in self.scopes
        }

    def __repr__(self) -> str:
        return f"Catalogue({self.name!r}, {len(self.scopes)} scopes)"

    def canonical(self, written: str) -> str | None:
        """The scope ``written`` names, or None when it is none of this catalogue's."""
        if written in self.scopes:
            return written
        return self.spellings.get(written)

    def includes(self, broader: str, narrower: str) -> bool:
        """The sources certainly say ``broader`` grants all of ``narrower``."""
        return narrower in self._certain.get(broader, frozenset())

    def may_include(self, broader: str, narrower: str) -> bool:
        """The sources do not rule out that ``broader`` grants all of ``narrower``."""
        return broader == narrower or narrower in self._possible.get(broader, frozenset())

    def certainly_included(self, broader: str) -> frozenset[str]:
        """Every scope ``broader`` certainly includes (not itself)."""
        return self._certain.get(broader, frozenset())

    def redundant_in(self, scope: str, requested: Iterable[str]) -> str:
        """The broadest other requested scope that certainly includes ``scope``; ""
        when none does (the scope is needed as far as the order can tell)."""
        includers = [s for s in requested if s != scope and self.includes(s, scope)]
        if not includers:
            return ""
        maximal = [s for s in includers if not any(self.includes(o, s) for o in includers)]
        return sorted(maximal)[0]
