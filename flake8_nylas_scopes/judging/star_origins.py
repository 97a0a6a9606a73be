"""Where a name a module gets from star imports is bound.

``from .a import *`` in ``b`` and ``from .b import *`` in ``c``: the client ``c``
reads as ``b.client`` is ``a``'s.  A module's own binding after its last star import
that may bring the name wins; a star import that may have not run (in an ``if`` or
``try``), or of a module outside the project or whose ``__all__`` cannot be read,
leaves the name where it is (the resolver then knows nothing of it, as before).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis.facts import ModuleFacts

# Star imports followed through at most this many modules.
_MAX_HOPS = 8


class StarOrigins:
    def __init__(self, modules: Iterable[ModuleFacts]) -> None:
        self._facts = {facts.module: facts for facts in modules if facts.module}

    def origin(self, qualified: str) -> str | None:
        """The qualified name ``module.name`` is bound as, when the module does not
        bind it itself after the star imports that may; None otherwise."""
        module, _, name = qualified.rpartition(".")
        current = module
        for _ in range(_MAX_HOPS):
            facts = self._facts.get(current)
            if facts is None or not facts.star_imports:
                return None if current == module else f"{current}.{name}"
            following = self._brought_from(facts, name)
            if following is None:
                return None if current == module else f"{current}.{name}"
            if not following:
                return None  # not brought here, nor known to be bound elsewhere
            current = following
        return None

    def _brought_from(self, facts: ModuleFacts, name: str) -> str | None:
        """The module whose star import gives ``facts``'s module ``name``; None when
        the module's own binding does (or may), "" when nothing does."""
        bound_at = facts.star_bound.get(name, 0)
        for star in reversed(facts.star_imports):
            if star.line < bound_at:
                return None  # the module's own binding comes after it
            exported = self._exports(star.module, name)
            if exported is False:
                continue
            if exported is None or star.conditional:
                return None
            return star.module
        return None if name in facts.star_bound else ""

    def _exports(self, module: str, name: str) -> bool | None:
        """Whether ``from module import *`` may bind ``name``; None when it cannot be
        told (a module outside the project, an ``__all__`` not read)."""
        facts = self._facts.get(module)
        if facts is None or not facts.exports_known:
            return None
        if facts.exports is not None:
            return name in facts.exports
        return not name.startswith("_")
