"""Module-level dicts and lists of callables that other code writes into.

::

    # app.py
    SYNCS = {"mail": MailSync}

    def sync_one(kind, grant_id):
        return SYNCS[kind](nylas).run(grant_id)

    # plug.py
    from app import SYNCS
    SYNCS["contacts"] = ContactSync

A write the value flow reads (``analysis.registry_writes``) is joined to the
registry's own binding, as a store in its module is: ``SYNCS`` holds ``MailSync``
and ``ContactSync``.  Any other write (the dict handed to a plugin loader, ``update``
with keywords, ``setattr``, ``vars(app)[...]``, a value the analysis cannot tell)
leaves the registry holding what the analysis does not know, so a call of an
element of it hands what it is given to code that is not followed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from ..analysis.facts import ModuleFacts
from ..analysis.flow_facts import Val
from ..analysis.symbols import GLOBAL, LOCAL
from .references import ConstantIndex

# Values that take an element of their inner value.
_ELEMENT_KINDS = frozenset({"iter", "item"})
# Values that hold what their inner value holds.
_THROUGH_KINDS = frozenset({"box", "part"})
# A container's methods that give one of its elements, or its elements.
_ELEMENT_METHODS = frozenset({"values", "items", "get", "pop", "setdefault", "copy"})
# Those of a dict only: the views of its elements.
_VIEW_METHODS = frozenset({"values", "items"})
# Names followed from one written container or one callee, at most: a chain of
# names bound to one another is short in practice.
_MOST_STEPS = 32


def written_symbols(owner: tuple[str, str], global_symbol: Callable[[str], str | None],
                    bound_names: Callable[[str], Iterable[tuple[str, str]]]) -> list[str]:
    """The symbols a write into ``owner`` (a ``ref`` or ``sym`` value, as its kind and
    name) may change: the name written through and every name it may hold the object
    of (an import of it, ``registry = SYNCS``).  ``global_symbol`` gives the module
    global a dotted name is (None for one of no module of the project);
    ``bound_names`` the ``ref`` and ``sym`` values a symbol is bound to."""
    found: list[str] = []
    pending = [owner]
    seen: set[str] = set()
    while pending and len(seen) < _MOST_STEPS:
        kind, name = pending.pop()
        symbol = global_symbol(name) if kind == "ref" else name
        if symbol is None or symbol in seen or not symbol.startswith((GLOBAL, LOCAL)):
            continue
        seen.add(symbol)
        found.append(symbol)
        pending.extend(bound_names(symbol))
    return found


def registries_called(callee: Val, bindings: Mapping[str, list[Val]]) -> Iterator[str]:
    """The module-level containers (as the symbol or dotted name the module reads
    them by) an element of which ``callee`` may be, or what calling such an element
    gives: ``SYNCS[kind]``, ``cls`` of ``for cls in SYNCS.values()``,
    ``SYNCS.get(kind)(nylas).run``.  Only the module's own bindings are walked."""
    pending: list[tuple[Val, bool]] = [(callee, False)]
    seen: set[tuple[int, bool]] = set()
    while pending and len(seen) < _MOST_STEPS:
        value, element = pending.pop()
        if (id(value), element) in seen:
            continue
        seen.add((id(value), element))
        kind, inner = value.kind, value.inner
        if kind == "ref":
            if element:
                yield value.name
        elif kind == "sym":
            if element and value.name.startswith(GLOBAL):
                yield value.name
            pending.extend((bound, element) for bound in bindings.get(value.name, ()))
        elif inner is None:
            continue
        elif kind in _ELEMENT_KINDS:
            pending.append((inner, True))
        elif kind in _THROUGH_KINDS:
            pending.append((inner, element))
        elif kind == "call" and inner.kind == "attr" and inner.name in _ELEMENT_METHODS and (
                inner.inner is not None):
            pending.append((inner.inner, True))
        elif kind == "call" and inner.kind == "ref" and (
                inner.name.rpartition(".")[2] in _VIEW_METHODS):
            # ``SYNCS.items()`` of an imported ``SYNCS`` is one dotted name,
            # ``app.SYNCS.items``, which is no field of a record ``app.SYNCS``: the
            # container is ``app.SYNCS``.  (A ``get`` or ``pop`` so named may be a
            # registry object's own method, whose container another rule reads.)
            pending.append((Val("ref", inner.name.rpartition(".")[0]), True))
        elif kind in ("call", "attr"):
            # A method of what calling an element gives (``SYNCS[kind]().run``).
            pending.append((inner, element))


def changed_registries(modules: Iterable[ModuleFacts],
                       settings_modules: Iterable[str] = ()) -> Callable[[str], bool]:
    """Whether code the analysis does not follow may write into a module-level
    container, by its dotted name: any change the modules make to it (see
    ``ConstantIndex.changed_elsewhere``) but the writes the value flow joins and the
    hand-overs of its items only (``ModuleFacts.told_changes``).  The index of those
    changes is built the first time a call through a container asks."""
    modules = list(modules)
    settings = list(settings_modules)
    index: ConstantIndex | None = None
    answers: dict[str, bool] = {}

    def changed(name: str) -> bool:
        nonlocal index
        answer = answers.get(name)
        if answer is None:
            if index is None:
                mutated: set[str] = set()
                given_away: set[str] = set()
                for facts in modules:
                    told = frozenset(facts.told_changes)
                    mutated.update(name for name in facts.mutated if name not in told)
                    given_away.update(name for name in facts.given_away if name not in told)
                index = ConstantIndex(modules, frozenset(mutated), settings,
                                      frozenset(given_away))
            answer = answers[name] = index.changed_elsewhere(name)
        return answer

    return changed
