"""The dotted names a module of a namespace package is imported by.

A module is named from the ``__init__.py`` files above it, so a module of a package
without one (PEP 420: ``src/acme/web/login.py`` imported as ``acme.web.login``) gets a
shorter name than the imports of the project write (``login``).  An import the
resolver cannot place is taken for another library's, whose objects are not Nylas
ones: the calls made on a client imported that way would go unseen, and the scopes
they need would look unused.  So each module is also known by the names its
directories above may add, when no other module of the project can be meant by them.
Names longer than that are placed by reading the directories above the module, only
for a name that holds one of its longest aliases.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from ..analysis.facts import ModuleFacts

# Namespace directories above a module that an import may name.  ``src/acme/web``
# takes three; deeper chains of namespace packages are rare.
_LEVELS = 4


def namespace_aliases(modules: Iterable[ModuleFacts]) -> dict[str, str]:
    """Each dotted name an import may use for a module beside its own name: the
    names of the directories above its top package put in front (``acme.web.login``
    and ``web.login`` for ``login``), kept only where they mean one module."""
    named = [facts for facts in modules if facts.module and facts.path]
    own = {facts.module for facts in named}
    targets: dict[str, set[str]] = {}
    for facts in named:
        for alias in _longer_names(facts.path, facts.module):
            targets.setdefault(alias, set()).add(facts.module)
    return {alias: next(iter(found)) for alias, found in targets.items()
            if len(found) == 1 and alias not in own}


class DeepNames:
    """Places a dotted name that puts more directories in front of a module's name
    than its aliases do (``a.b.c.d.e.pkg.conn`` for ``pkg.conn``): by its longest
    alias inside it, and the directories above that, read from the module's path."""

    def __init__(self, aliases: dict[str, str], modules: Iterable[ModuleFacts]) -> None:
        paths = {facts.module: facts.path for facts in modules if facts.module and facts.path}
        # Each alias that spans ``_LEVELS`` directories, with the directory above it:
        # only these can be the tail of a longer name.
        self._deepest: dict[str, tuple[str, str]] = {}
        for alias, module in aliases.items():
            if alias.count(".") - module.count(".") == _LEVELS:
                self._deepest[alias] = (module, _above(paths[module], module, _LEVELS))
        # The first part of each of them: most names hold none, and are passed over
        # without a join.
        self._firsts = {alias.split(".", 1)[0] for alias in self._deepest}

    def place(self, name: str) -> str | None:
        """The name with the module's own dotted name for the directories it puts in
        front; None when it names no module of the project that way."""
        if not self._firsts:
            return None
        parts = name.split(".")
        for start in range(1, len(parts) - 1):
            if parts[start] not in self._firsts:
                continue
            for end in range(start + _LEVELS + 1, len(parts) + 1):
                found = self._deepest.get(".".join(parts[start:end]))
                if found is not None and _ends_with(found[1], parts[:start]):
                    return ".".join((found[0], *parts[end:]))
        return None


def _ends_with(directory: str, parts: list[str]) -> bool:
    """Whether the last directories of a path are the parts, in order."""
    for part in reversed(parts):
        directory, last = os.path.split(directory)
        if last != part:
            return False
    return True


def _above(path: str, module: str, levels: int) -> str:
    """The directory above the ``levels`` directories a module's aliases span."""
    directory = _package_root(path, module)
    for _ in range(levels):
        directory = os.path.dirname(directory)
    return directory


def _package_root(path: str, module: str) -> str:
    """The directory holding the module's top package (or the module itself)."""
    directory = os.path.dirname(os.path.abspath(path))
    # The directories the module's own name already spans: its packages.
    spanned = module.count(".") + (
        1 if os.path.splitext(os.path.basename(path))[0] == "__init__" else 0)
    for _ in range(spanned):
        directory = os.path.dirname(directory)
    return directory


def _longer_names(path: str, module: str) -> list[str]:
    directory = _package_root(path, module)
    names: list[str] = []
    prefix = module
    for _ in range(_LEVELS):
        directory, part = os.path.split(directory)
        if not part.isidentifier():
            break
        prefix = f"{part}.{prefix}"
        names.append(prefix)
    return names
