"""Classes that a decorator or base of another module may register by an attribute.

``@register`` on a class of ``app/gmail.py``, with ``register`` imported from
``app/registry.py`` where it stores each class it decorates in a dict by
``cls.provider``, or ``class GmailSync(Base):`` with ``Base`` imported and storing
each subclass so in ``__init_subclass__``: a lookup of that dict by the grant's
provider may give the class only for some providers' grants, which the analysis
does not follow across modules.  The class's calls are then unresolved for the
providers whose requests do not grant them (NYS304), neither reported missing a
scope (NYS301) nor taken for every provider's.  A decorator or base that stores
nothing (``dataclasses.dataclass``, a project decorator that only wraps) keeps
nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..analysis.facts import ModuleFacts
from .reexports import UNFOLLOWED, definitions

# By path: (first line, last line, the line of the decorator or class, "").
Registered = dict[str, list[tuple[int, int, int, str]]]


def registered_elsewhere(modules: Mapping[str, ModuleFacts]) -> Registered:
    """By path, the bodies of the classes a registrar of another module (see
    ``analysis.registrars``) may register: decorated by one, or deriving from one,
    through any chain of bases of the project."""
    if not any(facts.registrars for facts in modules.values()):
        return {}
    meant = definitions(modules)

    registering = registering_names(modules, meant)
    found: Registered = {}
    for path, facts in modules.items():
        for _, first, last, line, decorators, bases, _ in facts.class_links:
            if any(_may_register(meant(name), registering) for name in (*decorators, *bases)):
                found.setdefault(path, []).append((first, last, line, ""))
    return found


def registering_names(modules: Mapping[str, ModuleFacts],
                      meant: Callable[[str], str]) -> set[str]:
    """The dotted names of the registrars of the project, and of the classes that
    derive from a registering base (``meant``: what a name stands for once
    re-exports are followed)."""
    registering = {f"{facts.module}.{name}" for facts in modules.values()
                   for name in facts.registrars}
    links = [(f"{facts.module}.{link[0]}", link[5]) for facts in modules.values()
             for link in facts.class_links]
    # A class deriving from one that registers its subclasses registers its own:
    # one more class of a chain each round.
    for _ in range(len(links)):
        added = [dotted for dotted, bases in links if dotted not in registering
                 and any(_may_register(meant(base), registering) for base in bases)]
        if not added:
            break
        registering.update(added)
    return registering


def _may_register(meant: str, registering: set[str]) -> bool:
    """Whether a decorator or base standing for ``meant`` may register a class: a
    registrar, or a name re-exported past the last re-export followed, which may be
    one."""
    return meant in registering or meant == UNFOLLOWED
