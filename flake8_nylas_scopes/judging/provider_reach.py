"""The lines of a project that run only for some providers' grants.

Each module says which of its branches test the provider (``provider_guards``), which
of its functions, methods and classes its own code reaches only from them
(``function_guards``), how its code reaches its top-level functions and classes and,
where it tests providers, how it uses what it imports (``guard_reaches``).  Here they
are joined: a function of ``app/gmail.py`` that ``app/sync.py`` calls only under ``if
grant.provider == "google":`` runs only for Google's grants, once every module that
may reach it is known to do so only that way.

Everything here only ever keeps a call from being reported missing a scope of another
provider's request (NYS301), or makes it unresolved (NYS304) where a name the analysis
cannot tie to a provider picks it, or a test of the provider it cannot read keeps it
(``if grant.provider in enabled():`` around ``archive(grant.id)``, ``archive`` of
another module): a module that names the code in a way not read here leaves it for
every provider.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..analysis.facts import ModuleFacts
from ..analysis.guard_reaches import NO_USE, Reach, recorded
from ..analysis.provider_tests import PROVIDER_NAMES, says_a_provider
from .flow_names import attribute_names, referenced_names
from .held_methods import ReadNames, held_method_reaches
from .reexports import UNFOLLOWED, defined_as
from .registered_classes import registered_elsewhere
from .spread_registries import RegisteredClass, spread_registry_entries

# By path: (first line, last line, the providers whose grants reach those lines).
Guards = dict[str, list[tuple[int, int, tuple[str, ...]]]]
# By path: (first line, last line, the line that picks that code, the path of that
# line when it is another module's); or, for code under a test of the provider the
# analysis cannot read, the line of that test.
Undecided = dict[str, list[tuple[int, int, int, str]]]


def provider_guards(modules: Mapping[str, ModuleFacts]) -> tuple[Guards, Undecided, Undecided]:
    """By path, the lines that run only for some providers' grants, those that a
    name or key not tied to a provider picks, for grants it cannot tell, and those
    that run only under a test of the provider it cannot read."""
    guards, undecided, unread, settled = _within_modules(modules)
    # A class another module's decorator or base may register under its provider.
    for path, registered in registered_elsewhere(modules).items():
        unread.setdefault(path, []).extend(registered)
    # Unless the registry it is in is read as the table it ends up holding.
    entries = spread_registry_entries(modules)
    kept = _across_modules(modules, guards, undecided, unread, settled, entries)
    for entry in entries:
        if entry.dotted in kept:
            unread[entry.path] = [lines for lines in unread.get(entry.path, ())
                                  if lines != (entry.first, entry.last, entry.line, "")]
    return guards, undecided, unread


def owned_guards(modules: Mapping[str, ModuleFacts], guards: Guards,
                 ) -> tuple[Guards, dict[str, list[tuple[int, int, tuple[str, ...]]]]]:
    """For ``infer``: ``guards`` without the branches testing the provider, by path,
    and the calls under those that use the grant of the object tested (see
    ``analysis.guard_owners``), which alone the branches keep to their providers.  A
    range that another guard shares is left out with them: its calls only count
    for more providers."""
    inferred: Guards = {}
    owned: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}
    for path, kept in guards.items():
        facts = modules[path]
        branches = set(facts.provider_guards)
        inferred[path] = [guard for guard in kept if guard not in branches]
        if facts.owned_guard_calls:
            owned[path] = list(facts.owned_guard_calls)
    return inferred, owned


def _within_modules(modules: Mapping[str, ModuleFacts],
                    ) -> tuple[Guards, Undecided, Undecided, set[str]]:
    """The guarded branches, and the functions, methods and classes a module reaches
    only from them, unless another module names them (it may call them for any
    grant); with the dotted names of those kept."""
    guarded = {f"{facts.module}.{name}" for facts in modules.values()
               for name, *_ in (*facts.function_guards, *facts.undecided_guards,
                                *facts.unread_callables)}
    # The guards that count a subclass's reach (a base's, see ``inherited_guards``)
    # hold only while no other module names the subclass: its instances may run the
    # code they keep.
    inherited = [(f"{facts.module}.{subclass}", f"{facts.module}.{name}")
                 for facts in modules.values() for name, subclass in facts.inherited_guards]
    subclasses = {subclass for subclass, _ in inherited}
    # A table keyed by providers that another module names may be looked up there by
    # anything: its values are judged with every lookup (see ``_across_modules``).
    tables = {f"{facts.module}.{name}": [value for value, _ in entries]
              for facts in modules.values() for name, _, _, entries, _ in facts.provider_tables}
    # A method (``Sync._google_labels``) is named by its attribute on whatever holds
    # an instance: any other module reading an attribute of its name may call it.
    module_names = {facts.module for facts in modules.values()}
    methods: dict[str, set[str]] = {}
    for name in guarded:
        owner, _, attribute = name.rpartition(".")
        if owner not in module_names:
            methods.setdefault(attribute, set()).add(name)
    named_elsewhere: set[str] = set()
    if guarded:
        for facts in modules.values():
            if facts.flow is None:
                continue
            for name in set(referenced_names(facts.flow)).intersection(tables):
                if not name.startswith(facts.module + "."):
                    named_elsewhere.update(tables[name])
            own = {f"{facts.module}.{name}"
                   for name, *_ in (*facts.function_guards, *facts.undecided_guards,
                                    *facts.unread_callables)}
            named_elsewhere.update(
                name for name in referenced_names(facts.flow)
                if name in guarded and name not in own
                or name in subclasses and name.rpartition(".")[0] != facts.module)
            for attribute in set(attribute_names(facts.flow)).intersection(methods):
                named_elsewhere.update(methods[attribute].difference(own))
        # Reached through a module imported whole (``sync._label(...)``), which the
        # flow records name only as the module.
        top_level = sorted({name for name in guarded if name.rpartition(".")[0] in module_names}
                           | subclasses)
        for facts in modules.values():
            for dotted, _ in facts.import_reaches or ():
                named_elsewhere.update(name for name in _reached(top_level, dotted)
                                       if name.rpartition(".")[0] != facts.module)
        named_elsewhere.update(name for subclass, name in inherited
                               if subclass in named_elsewhere)
    guards: Guards = {}
    undecided: Undecided = {}
    unread: Undecided = {}
    settled: set[str] = set()
    predicates = {f"{facts.module}.{name}": (frozenset(true), frozenset(false))
                  for facts in modules.values() for name, true, false in facts.provider_predicates}
    unread_predicates = {f"{facts.module}.{name}" for facts in modules.values()
                         for name in facts.unread_predicates}

    by_module = {facts.module: facts for facts in modules.values()}

    def defining(name: str) -> str:
        """A predicate another module imports from a package that re-exports it
        (``from app.util import is_google``) is the function it re-exports."""
        return name if name in predicates else defined_as(by_module, name)

    def unread_predicate(name: str) -> bool:
        """Whether a test calling ``name`` may test the provider in a way not read:
        a function that its module says is, or, not a function of a module of the
        project (a method of a class, another library's), one named for a
        provider."""
        owner, _, called = name.rpartition(".")
        if name == UNFOLLOWED:
            return True  # re-exported past the last re-export followed: may be one
        return name in unread_predicates or name not in predicates and (
            owner not in module_names and says_a_provider(called))

    for path, facts in modules.items():
        kept = [*facts.provider_guards, *_predicate_guards(facts, predicates, defining)]
        for name, first, last, providers in facts.function_guards:
            if f"{facts.module}.{name}" not in named_elsewhere:
                kept.append((first, last, providers))
                settled.add(f"{facts.module}.{name}")
        if kept:
            guards[path] = kept
        unknown = []
        for name, first, last, line in facts.undecided_guards:
            if f"{facts.module}.{name}" not in named_elsewhere:
                unknown.append((first, last, line, ""))
                settled.add(f"{facts.module}.{name}")
        if unknown:
            undecided[path] = unknown
        # A test calling a function read as a provider test is read, whatever its
        # name hints (``if is_google(grant):``).
        read = {(first, last) for first, last, name, *_ in facts.predicate_guards
                if defining(name) in predicates}
        untested = [(first, last, line, "") for first, last, line in facts.unread_guards
                    if (first, last) not in read]
        # A test calling another module's function that may test the provider in a
        # way not read (``p = provider_of(grant); return p == "google"``).
        untested += [(first, last, line, "")
                     for first, last, name, *_, line in facts.predicate_guards
                     if unread_predicate(defining(name))]
        for name, first, last, line in facts.unread_callables:
            if f"{facts.module}.{name}" not in named_elsewhere:
                untested.append((first, last, line, ""))
                settled.add(f"{facts.module}.{name}")
        if untested:
            unread[path] = untested
    return guards, undecided, unread, settled


def _predicate_guards(facts: ModuleFacts,
                      predicates: Mapping[str, tuple[frozenset[str], frozenset[str]]],
                      defining: Callable[[str], str],
                      ) -> Iterable[tuple[int, int, tuple[str, ...]]]:
    """The lines a module's tests keep to providers by calling another module's
    function that only returns a provider test (``if is_google(grant):``): reached by
    a provider that may make it return True where they run if it does, or False
    where they run if it does not."""
    for first, last, name, if_true, if_false, _ in facts.predicate_guards:
        outcomes = predicates.get(defining(name))
        if outcomes is None:
            continue  # not such a function: the test keeps nothing out
        true, false = outcomes
        providers = true.intersection(if_true) | false.intersection(if_false)
        if providers != PROVIDER_NAMES:
            yield first, last, tuple(sorted(providers))


@dataclass
class _Callable:
    """A module's top-level function or class, and every way the project reaches it."""

    path: str
    first: int
    last: int
    public: bool
    # (path, how the code of that path reaches it): its own module's first.
    reaches: list[tuple[str, Reach]] = field(default_factory=list)
    # A module that names it in a way not read here.
    unknown_use: bool = False
    # Of its reaches, those of one of its members (a class's method), by the
    # member's name (see ``held_methods``).
    members: list[tuple[str, str, Reach]] = field(default_factory=list)


def _across_modules(modules: Mapping[str, ModuleFacts], guards: Guards,
                    undecided: Undecided, unread: Undecided, settled: set[str],
                    entries: Sequence[RegisteredClass] = ()) -> set[str]:
    """Add the top-level functions and classes reached only under guards once every
    module's reaches are joined: another module's guarded calls and its tables keyed
    by providers count as the module's own do (see ``guarded_callables``), and so do
    the registries their registrars fill with other modules' classes (``entries``).
    Return the dotted names of those kept to some providers."""
    if not (guards or undecided or unread
            or any(facts.provider_tables for facts in modules.values())
            or any(reach.picked or reach.undecided for facts in modules.values()
                   for _, reach in facts.import_reaches or ())):
        # Nothing keeps any code to some providers (a member of another module that
        # ``getattr`` picks by the grant's provider is picked in an import reach), nor
        # leaves which grants reach it to a line that picks it (a class another
        # module pairs with a provider's name, ``("google", GmailHandler)``).
        return set()
    callables: dict[str, _Callable] = {}
    for path, facts in modules.items():
        for name, first, last, reach in facts.callable_reaches:
            dotted = f"{facts.module}.{name}"
            if dotted not in settled:
                callables[dotted] = _Callable(path, first, last, not name.startswith("_"),
                                              [(path, reach)])
    tables: dict[str, _Table] = {}
    for path, facts in modules.items():
        for name, line, _, table_entries, reach in facts.provider_tables:
            tables[f"{facts.module}.{name}"] = _Table(path, line, table_entries,
                                                      [(path, reach)])
    for entry in entries:
        table = tables.get(entry.table)
        if table is None or entry.dotted in settled:
            continue
        table.entries += ((entry.dotted, (entry.provider,)),)
        # Its own module names it nowhere but where it is defined.
        callables.setdefault(entry.dotted, _Callable(entry.path, entry.first, entry.last,
                                                     True, [(entry.path, NO_USE)]))
    if not callables:
        return set()
    names = sorted([*callables, *tables])
    # Modules named like the standard library's: what others import of them is left
    # to the flow records (see ``recorded``).
    unrecorded = any(not recorded(name) for name in names)
    for path, facts in modules.items():
        unknown: set[str] = set()
        for star in facts.star_imports:
            # Any name of that module may be bound here and used any way.
            unknown.update(_reached(names, star.module))
        for dotted, reach in facts.import_reaches or ():
            for name in _reached(names, dotted):
                if name in tables and name == dotted:
                    tables[name].reaches.append((path, reach))
                elif name in callables and (name == dotted or dotted.startswith(name + ".")):
                    callables[name].reaches.append((path, reach))
                    if name != dotted:
                        member = dotted[len(name) + 1:].partition(".")[0]
                        callables[name].members.append((path, member, reach))
                else:
                    # The module (or package) itself used as a value or called, or a
                    # table's attribute (``HANDLERS.values()``).
                    unknown.add(name)
        if facts.flow is not None and (facts.import_reaches is None or unrecorded):
            # The names whose uses the module does not record: its code may run them
            # for any grant.
            for dotted in set(referenced_names(facts.flow)):
                if facts.import_reaches is None or not recorded(dotted):
                    unknown.update(_reached(names, dotted))
        for name in unknown:
            found = callables.get(name) or tables[name]
            if found.path != path:  # its own code is read in full
                found.unknown_use = True
    for name, found in callables.items():
        # A module importing itself: its own code is read in full already.
        found.reaches[1:] = [(path, reach) for path, reach in found.reaches[1:]
                             if path != found.path]
        found.members = [member for member in found.members if member[0] != found.path]
    for table in tables.values():
        _pick_through(table, callables, names)
    pending = {name: found for name, found in callables.items() if not found.unknown_use}
    read = ReadNames()
    for name, found in list(pending.items()):
        # The methods of a class other modules hold instances of, each on its own.
        for method, (path, first, last, reaches) in held_method_reaches(
                name, found.path, found.reaches, found.members, modules, read).items():
            pending[method] = _Callable(path, first, last, True, reaches)
    # Code reached only from code kept to providers is kept too: one more round each.
    kept: set[str] = set()
    for _ in range(len(pending)):
        added = False
        for name, found in list(pending.items()):
            verdict = _verdict(found, guards, undecided, unread)
            if verdict is None:
                continue
            del pending[name]
            added = True
            if isinstance(verdict, _PickedAt):
                (unread if verdict.unread else undecided).setdefault(found.path, []).append(
                    (found.first, found.last, verdict.line,
                     "" if verdict.path == found.path else verdict.path))
            else:
                guards.setdefault(found.path, []).append((found.first, found.last, verdict))
                kept.add(name)
        if not added:
            break
    return kept


@dataclass
class _Table:
    """A table keyed by providers (``HANDLERS = {"google": sync_google}``), its values
    and every way the project reaches it."""

    path: str
    line: int
    entries: tuple[tuple[str, tuple[str, ...]], ...]
    reaches: list[tuple[str, Reach]] = field(default_factory=list)
    unknown_use: bool = False


def _pick_through(table: _Table, callables: dict[str, _Callable], names: list[str]) -> None:
    """Give each value of ``table`` the picks its lookups make: a lookup by a grant's
    provider picks it for the providers whose keys give it, one by anything else
    for grants the analysis cannot tell.  A table used any other way (called,
    iterated, handed on) may give any value only for some providers' grants, or for
    every grant: which grants reach its values is not known, and the table's line
    picks them."""
    known = not table.unknown_use and not any(
        reach.other or reach.calls or reach.picked for _, reach in table.reaches)
    for value, providers in table.entries:
        for name in _reached(names, value):
            found = callables.get(name)
            if found is None:
                continue
            if not known or name != value:
                found.reaches.append((table.path, Reach(undecided=(table.line,))))
                continue
            for path, reach in table.reaches:
                if reach.lookups or reach.undecided:
                    found.reaches.append((path, Reach(
                        picked=(providers,) * len(reach.lookups), undecided=reach.undecided)))


@dataclass(frozen=True, order=True)
class _PickedAt:
    """The line (in the module at ``path``) that picks code by a name or key not tied
    to a provider, or (``unread``) of a test of the provider the analysis cannot
    read that the code runs under."""

    line: int
    path: str
    unread: bool = False


def _reached(names: list[str], dotted: str) -> Iterable[str]:
    """The callables ``dotted`` may reach: the one it names (or an attribute of,
    ``Labels.create``), or each one under it when it names their module or package."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        prefix = ".".join(parts[:cut])
        index = bisect.bisect_left(names, prefix)
        if index < len(names) and names[index] == prefix:
            yield prefix
            return
    start = bisect.bisect_left(names, dotted + ".")
    end = bisect.bisect_left(names, dotted + "/")  # "/" sorts right after "."
    yield from names[start:end]


def _verdict(found: _Callable, guards: Guards, undecided: Undecided, unread: Undecided,
             ) -> tuple[str, ...] | _PickedAt | None:
    """The providers whose grants reach the callable; the line (and its path) that
    picks it when a name or key not tied to a provider decides that, or of a test of
    the provider the analysis cannot read that a call of it runs under; None when any
    grant may reach it, or when that is not known yet."""
    calls: list[tuple[str, int]] = []
    picked: list[tuple[str, ...]] = []
    picked_by: list[_PickedAt] = []
    external = False
    for path, reach in found.reaches:
        if reach.other:
            return None
        # A call of itself runs only once it runs.
        lines = [line for line in reach.calls
                 if not (path == found.path and found.first <= line <= found.last)]
        calls += [(path, line) for line in lines]
        picked += reach.picked
        picked_by += [_PickedAt(line, path) for line in reach.undecided]
        external = external or (path != found.path and bool(
            lines or reach.picked or reach.undecided))
    if not (calls or picked or picked_by):
        return None
    if found.public and not external and not (picked or picked_by):
        # Called by its name in its own module only: a queue may run it by that name
        # for any grant (see ``guarded_callables``).
        return None
    providers: set[str] = set()
    for path, line in calls:
        around = [frozenset(names) for first, last, names in guards.get(path, ())
                  if first <= line <= last]
        if around:
            providers.update(frozenset.intersection(*around))
            continue
        picking = [_PickedAt(picked_at, where or path) for first, last, picked_at, where
                   in undecided.get(path, ()) if first <= line <= last] or [
            _PickedAt(tested_at, where or path, True) for first, last, tested_at, where
            in unread.get(path, ()) if first <= line <= last]
        if not picking:
            return None
        picked_by.append(picking[0])
    if picked_by:
        return min(picked_by)
    for names in picked:
        providers.update(names)
    return tuple(sorted(providers))
