"""Which modules of a project may call a reading function another module redefines.

A module's facts say which reading calls (``len``, ``print``, a logger's ``info``)
it binds at module level and which it may give a meaning of their own in every
module (see ``analysis.reader_meanings``).  A module reached by such a meaning is
read again with those calls taken to change what they are given: its own reading
cannot know what the rest of the project does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..analysis.facts import ModuleFacts


def foreign_readers(modules: Iterable[ModuleFacts]) -> dict[str, frozenset[str]]:
    """By module path, the reading calls that other modules may give a meaning of
    their own there: those any module redefines everywhere (``builtins.len = f``,
    a class defining ``info``), and those a star import brings from the project
    (``from app.util import *`` of a module defining ``len``).  Modules with none are
    left out: for almost every project, the result is empty."""
    facts = list(modules)
    everywhere = frozenset().union(*(module.redefined_readers for module in facts))
    starred = frozenset().union(*(module.star_readers for module in facts))
    if not everywhere and not starred:
        return {}
    by_name = {module.module: module for module in facts if module.module}
    found: dict[str, frozenset[str]] = {}
    for module in facts:
        names = set(everywhere)
        if starred and module.star_imports:
            names.update(_star_brought(module, by_name, starred))
        # Its own redefinitions were read with it already.
        names.difference_update(module.redefined_readers)
        if names:
            found[module.path] = frozenset(names)
    return found


def _star_brought(module: ModuleFacts, by_name: Mapping[str, ModuleFacts],
                  starred: frozenset[str]) -> set[str]:
    """The reading calls the star imports of ``module`` may bind, through the star
    imports of the modules they name in turn.  A star import of a module the project
    does not hold (a library's) brings none of the project's; one whose module is
    not known (a relative import above the top package) may bring any."""
    brought: set[str] = set()
    seen: set[str] = set()
    stack = [star.module for star in module.star_imports]
    while stack:
        name = stack.pop()
        if not name:
            return set(starred)
        if name in seen or name not in by_name:
            continue
        seen.add(name)
        source = by_name[name]
        brought.update(source.star_readers)
        stack.extend(star.module for star in source.star_imports)
    return brought
