"""Values judged by where they are made, not by where they are used.

A call on an object the analysis cannot tell may be a Nylas call in a module that
mentions Nylas (``R.events.all()`` after ``from shared_infra.nylas import R``), while
the same chain in a module that never names Nylas is usually another library's
(Django's ``user.events.all()``).  An object made in the first kind of module and
handed whole to the second (``use(R)`` with ``def use(c): return c.events.all()`` in
``helpers.py``) is still the object it was: the call on it is judged as the call made
where it comes from.  ``ClientLikeHolders`` answers, for a symbol of the project,
whether it may hold such a value.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable

from ..analysis.symbols import qualified_name

__all__ = ["ClientLikeHolders"]


class ClientLikeHolders(Container[str]):
    """The symbols that hold nothing the analysis can tell and may hold what is a
    client where it is made: every such symbol of a module that mentions Nylas (a
    global, an instance's attribute set there, what a function there returns), and
    the symbols of other modules given one (``found``: a parameter a call made in
    such a module fills, a name bound to what a package outside the project makes,
    and whatever reads those)."""

    def __init__(self, module_names: Iterable[str], nylas_modules: Iterable[str],
                 holds_nothing: Callable[[str], bool]) -> None:
        self.found: set[str] = set()
        self._module_names = frozenset(module_names)
        self._nylas_modules = frozenset(nylas_modules)
        self._holds_nothing = holds_nothing
        # By the qualified name a symbol's own name is read in (``app.helpers.use``
        # for its parameter ``c``): whether that is in a module mentioning Nylas.
        self._owners: dict[str, bool] = {}

    def __contains__(self, symbol: object) -> bool:
        if not isinstance(symbol, str):
            return False
        if symbol in self.found:
            return True
        return self.in_nylas_module(symbol) and self._holds_nothing(symbol)

    def in_nylas_module(self, symbol: str) -> bool:
        """Whether the module a symbol belongs to (the longest module name its
        qualified name starts with) mentions Nylas."""
        owner = qualified_name(symbol).rpartition(".")[0]
        known = self._owners.get(owner)
        if known is None:
            known = self._owners[owner] = self._module_of(owner) in self._nylas_modules
        return known

    def _module_of(self, owner: str) -> str:
        """The longest module name ``owner`` is or starts with ("" for none)."""
        parts = owner.split(".")
        for cut in range(len(parts), 0, -1):
            module = ".".join(parts[:cut])
            if module in self._module_names:
                return module
        return ""
