"""Registries of provider classes spread over modules, read as the tables they end
up holding.

::

    # app/registry.py
    SYNCS = {}

    def register(cls):
        SYNCS[cls.provider] = cls
        return cls

    # app/gmail.py
    from app.registry import register

    @register
    class GmailSync:
        provider = "google"

Once every module is read, ``SYNCS`` holds ``{"google": GmailSync}``: its module's
table keyed by providers (``analysis.guard_reaches.ProviderTable``, which a registrar
of the module fills) gets the entry, so that a lookup by the grant's provider picks
``GmailSync`` for Google's grants only, as when the class is in the registry's module.

A class is an entry only where nothing else may put it in the dict, or under another
key: its one decorator is the registrar as imported (or, with no decorator, one of its bases is
the registering base and no other base registers), it binds the registrar's attribute
once in its own body to a provider's name, its module names it nowhere else (see
``analysis.registrars.ClassLink``), no class of the project derives from it, and
neither the registrar nor the dict is in a module's ``__all__`` (an API for code
outside the project, which may register or look up anything).  Any other class a
registrar may register stays unresolved for the other providers (see
``registered_classes``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..analysis.facts import ModuleFacts
from .registered_classes import registering_names
from .reexports import definitions


@dataclass(frozen=True)
class RegisteredClass:
    """A class of the project a registrar of another module stores in ``table`` (the
    dict's dotted name) under ``provider``, with its body's lines."""

    dotted: str
    path: str
    first: int
    last: int
    line: int  # of the decorator or class that registers it
    table: str
    provider: str


def spread_registry_entries(modules: Mapping[str, ModuleFacts]) -> list[RegisteredClass]:
    """The classes that registrars read exactly store in their dicts, by another
    module's (the registrar's own module's classes are read there)."""
    filled = {f"{facts.module}.{registrar}": (f"{facts.module}.{stored_in}", attribute)
              for facts in modules.values()
              for registrar, stored_in, attribute in facts.filled_registries}
    if not filled:
        return []
    meant = definitions(modules)

    public = _exported(modules, filled, meant)
    registering = registering_names(modules, meant)
    derived = {meant(base) for facts in modules.values()
               for *_, bases, _ in facts.class_links for base in bases}
    found: list[RegisteredClass] = []
    for path, facts in modules.items():
        for name, first, last, line, decorators, bases, bound in facts.class_links:
            dotted = f"{facts.module}.{name}"
            if any(name.startswith(facts.module + ".") for name in decorators):
                continue  # a name of its own module holding the registrar
            registrar = _registrar(decorators, bases, registering, filled, meant)
            if registrar is None or registrar in public or dotted in derived:
                continue
            table, attribute = filled[registrar]
            if table in public or registrar.rpartition(".")[0] == facts.module:
                continue
            providers = dict(zip(bound[::2], bound[1::2]))
            if attribute in providers:
                found.append(RegisteredClass(dotted, path, first, last, line, table,
                                             providers[attribute]))
    return found


def _registrar(decorators: tuple[str, ...], bases: tuple[str, ...], registering: set[str],
               filled: Mapping[str, tuple[str, str]],
               meant: Callable[[str], str]) -> str | None:
    """The one registrar read exactly that registers a class, when no other may."""
    decorated = [meant(name) for name in decorators]
    derived = [meant(name) for name in bases]
    registrars = [name for name in (*decorated, *derived) if name in registering]
    if decorated and decorated != registrars:
        return None  # a decorator that may give another object, or store it too
    if len(registrars) != 1 or registrars[0] not in filled:
        return None
    return registrars[0]


def _exported(modules: Mapping[str, ModuleFacts], filled: Mapping[str, tuple[str, str]],
              meant: Callable[[str], str]) -> set[str]:
    """The registrars and dicts a module's ``__all__`` names: code outside the
    project may use them."""
    names = {*filled, *(table for table, _ in filled.values())}
    short = {name.rpartition(".")[2] for name in names}
    return {meant(f"{facts.module}.{exported}") for facts in modules.values()
            for exported in facts.exports or () if exported in short} & names
