"""The project's classes and their bases, for ``self.SCOPES`` read in a base's method.

A method of ``ProviderAuth`` reading ``self.SCOPES`` reads, on an instance of a
subclass that binds ``SCOPES`` again, the subclass's list.  Where every class that
may provide the attribute can be named (the class itself and each class of the
project deriving from it, through bases named in any module), the request is one
of their lists.  Where some class may provide it in a way the analysis does not
follow (a decorator, a metaclass, ``__init_subclass__``, a base outside the
project, a base it cannot name, a class made by calling ``type``), the reason is
given instead, and the request stays unresolved.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping

from ..analysis.facts import ModuleFacts
from ..analysis.subclass_bindings import MADE_CLASS, UNNAMED_BASE
from .reexports import UNFOLLOWED, defined_as

# Bases that give a class no attribute and no hook: ``class Auth(object):``,
# ``class Auth(ABC):`` (``ABCMeta`` only checks abstract methods).
_PLAIN_BASES = frozenset({"builtins.object", "abc.ABC"})


# What the name of a class made by calling ``type`` holds.
MADE_AT = MADE_CLASS.partition("{")[0]


class _Derives(enum.Enum):
    """Whether a class derives from a given one."""

    YES = "yes"
    NO = "no"
    # Through a base the analysis cannot name, or a project name that is no class
    # it knows.
    MAYBE = "maybe"


class ClassTree:
    """The classes of the project's modules, each with its bases' dotted names (once
    re-exports are followed) and whether something other than its body may give it
    attributes (``ModuleFacts.class_bases``)."""

    def __init__(self, by_module: Mapping[str, ModuleFacts]) -> None:
        self._by_module = by_module
        self._bases: dict[str, tuple[tuple[str, ...], bool]] = {}
        # The names each class only annotates.
        self._declared: dict[str, tuple[str, ...]] = {}
        # Classes with no base, by the attributes their bodies bind.
        self._base_free: dict[str, set[str]] = {}
        for facts in by_module.values():
            for name, bases, shaped, declared in facts.class_bases:
                # A class defined twice under one name (in an ``if`` and its
                # ``else``) may be either: both its definitions' bases count.
                before, was_shaped = self._bases.get(name, ((), False))
                self._bases[name] = (
                    tuple(dict.fromkeys((*before, *bases))), shaped or was_shaped)
                if declared:
                    self._declared[name] = declared
            for name, attribute in facts.base_free_bindings:
                self._base_free.setdefault(attribute, set()).add(name)
        self._meant: dict[str, str] = {}

    def providers(self, holder: str, attribute: str,
                  bound: Collection[str]) -> list[str] | str:
        """``holder`` (unless it only annotates ``attribute``: its own instances
        have none) and the classes of the project deriving from it that bind
        ``attribute`` (``bound``: the classes with a base that do), each a class
        whose list ``self.<attribute>`` may read in a method of ``holder``; or why
        some other class may provide it."""
        if holder not in self._bases:
            return f"the classes of the module of {holder} are not read"
        unsure = self._ancestors_unsure(holder)
        if unsure:
            return unsure
        derives: dict[str, _Derives] = {holder: _Derives.YES}
        found = [] if attribute in self._declared.get(holder, ()) else [holder]
        for name in sorted(self._bases):
            if name == holder:
                continue
            state = self._derives(name, holder, derives)
            bases, shaped = self._bases[name]
            if state is _Derives.NO:
                continue
            if state is _Derives.MAYBE:
                if shaped or name in bound:
                    return (f"{name} may derive from it through a base the analysis "
                            f"cannot name")
                continue
            if shaped and MADE_AT in name:
                return f"{name} is a class made by calling type, which may set {attribute}"
            if shaped:
                return (f"subclass {name} has a decorator, metaclass, "
                        f"__init_subclass__ or method setting attributes by names "
                        f"known at run time that may set {attribute}")
            for base in bases:
                if not self._plain_base(base, holder, attribute, derives):
                    return (f"subclass {name} also derives from "
                            f"{base or 'a base the analysis cannot name'}, which may "
                            f"provide {attribute}")
            if name in bound:
                found.append(name)
        return found or f"no class deriving from {holder} binds {attribute}"

    def related(self, one: str, other: str) -> bool:
        """Whether the classes ``one`` and ``other`` may be the same class, or one may
        derive from the other (a class the analysis cannot place counts)."""
        if one == other or one not in self._bases or other not in self._bases:
            return True
        return (self._derives(one, other, {other: _Derives.YES}) is not _Derives.NO
                or self._derives(other, one, {one: _Derives.YES}) is not _Derives.NO)

    def _ancestors_unsure(self, holder: str) -> str:
        """Why something above ``holder`` may set attributes on its subclasses (a
        decorator, a metaclass, ``__init_subclass__``, a base outside the project);
        "" when nothing may."""
        pending = [holder]
        seen: set[str] = set()
        while pending:
            name = pending.pop()
            if name in seen:
                continue
            seen.add(name)
            bases, shaped = self._bases[name]
            if shaped:
                return (f"{name} has a decorator, metaclass, __init_subclass__ or "
                        "method setting attributes by names known at run time "
                        "that may set it on subclasses")
            for base in map(self._meaning, bases):
                if base in _PLAIN_BASES:
                    continue
                if base not in self._bases:
                    return (f"{holder} derives from "
                            f"{base or 'a base the analysis cannot name'}, which may set "
                            "it on subclasses")
                pending.append(base)
        return ""

    def _plain_base(self, base: str, holder: str, attribute: str,
                    derives: dict[str, _Derives]) -> bool:
        """Whether a base of a class deriving from ``holder`` gives it ``attribute``
        only through ``holder`` or a class deriving from it: one of those, a plain
        base (``object``), or a class of the project with no base, no hook and no
        binding of the attribute (a mixin of other methods)."""
        meant = self._meaning(base)
        if meant in _PLAIN_BASES or meant == holder:
            return True
        if meant not in self._bases:
            return False
        if self._derives(meant, holder, derives) is _Derives.YES:
            return True
        bases, shaped = self._bases[meant]
        return not bases and not shaped and meant not in self._base_free.get(attribute, ())

    def _derives(self, name: str, holder: str, derives: dict[str, _Derives]) -> _Derives:
        """Whether the class ``name`` derives from ``holder``, by its chain of bases."""
        known = derives.get(name)
        if known is not None:
            return known
        # A cycle of names (not a class tree Python makes) stays unsure.
        derives[name] = _Derives.MAYBE
        state = _Derives.NO
        for base in map(self._meaning, self._bases[name][0]):
            if base in self._bases:
                one = self._derives(base, holder, derives)
            elif base in (UNNAMED_BASE, UNFOLLOWED) or self._in_project(base):
                one = _Derives.MAYBE
            else:
                one = _Derives.NO
            if one is _Derives.YES:
                state = one
                break
            if one is _Derives.MAYBE:
                state = one
        derives[name] = state
        return state

    def _meaning(self, base: str) -> str:
        """What a base's dotted name stands for once re-exports are followed."""
        if not base:
            return base
        meant = self._meant.get(base)
        if meant is None:
            meant = self._meant[base] = defined_as(self._by_module, base)
        return meant

    def _in_project(self, name: str) -> bool:
        """Whether ``name`` is a name some module of the project binds (a class made
        another way than by a class statement, or an alias)."""
        module = name
        while "." in module:
            module = module.rpartition(".")[0]
            if module in self._by_module:
                return True
        return False
