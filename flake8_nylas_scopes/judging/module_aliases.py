"""The dotted names a module of a namespace package is imported by.

A module is named from the ``__init__.py`` files above it, so a module of a package
without one (PEP 420: ``src/acme/web/login.py`` imported as ``acme.web.login``) gets a
shorter name than the imports of the project write (``login``).  An import the
resolver cannot place is taken for another library's, whose objects are not Nylas
ones: the calls made on a client imported that way would go unseen, and the scopes
they need would look unused.  So each module is also known by the names its
directories above may add, when no other module of the project can be meant by them.
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


def _longer_names(path: str, module: str) -> list[str]:
    directory = os.path.dirname(os.path.abspath(path))
    # The directories the module's own name already spans: its packages.
    spanned = module.count(".") + (
        1 if os.path.splitext(os.path.basename(path))[0] == "__init__" else 0)
    for _ in range(spanned):
        directory = os.path.dirname(directory)
    names: list[str] = []
    prefix = module
    for _ in range(_LEVELS):
        directory, part = os.path.split(directory)
        if not part.isidentifier():
            break
        prefix = f"{part}.{prefix}"
        names.append(prefix)
    return names
