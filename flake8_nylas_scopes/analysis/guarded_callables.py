"""Functions, methods and classes of a module that run only for some providers' grants.

The feature's work often sits in code the guarded branch reaches by a call::

    if grant.provider == "google":
        _create_label(grant_id)              # a private function
        self._google_labels(grant_id)        # a private method
        GmailLabels(nylas).create(grant_id)  # a class (its instances, its static methods)
        self.labels.create(grant_id)         # the methods of an instance held unguarded

or that a table keyed by the provider picks::

    HANDLERS = {"google": sync_google, "microsoft": sync_microsoft}
    HANDLERS[grant.provider](grant_id)
    getattr(self, f"_sync_{grant.provider}")(grant_id)

Such code then runs only for those providers' grants.  Any other use of its name in
the module (handed on, stored, called unguarded, a subclass) leaves it unguarded;
whether other modules name it is for the judge to tell.  A name built at run time
from something else that may pick a function named for a provider
(``getattr(self, "_sync_" + kind)``), a lookup of such a table by something else
(``HANDLERS[kind]``), any other use of the table (returned, handed on, iterated),
and a pair of a provider's name and the function (``("google", sync_google)``)
leave undecided which grants reach it: its calls are then said to be unresolved
rather than missing a scope.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import NamedTuple

from .ast_names import dotted, structure
from .guard_reaches import (
    CallableReach, ImportReach, ProviderTable, Reach, recorded, table_dict, table_entries,
)
from .keyword_dicts import keyword_dict
from .provider_guards import FunctionGuard, ProviderGuard
from .provider_tests import PROVIDER_NAMES, ProviderTests, names_a_provider
from .registries import DecoratedRegistry, decorated_registries, plain_classes, registry_dict
from .tree_walk import code_children, walk_nodes

# Code whose providers a value the analysis cannot tie to a provider decides: (its
# name, first line, last line, the line that picks it); or, reached only under tests
# of the provider the analysis cannot read, the line of such a test.
UndecidedGuard = tuple[str, int, int, int]
# Lines under a test of the provider that is not read: (first line, last line, the
# line of the test), as ``provider_guards.UnreadGuard``.
_Unread = tuple[int, int, int]


class _Unknown(NamedTuple):
    """Where code's providers cannot be told: the line that picks it, or the line of
    an unread test of the provider it runs under (``unread``)."""

    line: int
    unread: bool


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
# The classes of the nodes the module's walk looks at besides names, attributes and
# calls (see ``_Walk._take_rare``), and those ``_may_pair`` may take.
_WALK_RARE = frozenset({
    ast.Dict, ast.DictComp, ast.alias, ast.Global, ast.Nonlocal, ast.FunctionDef,
    ast.AsyncFunctionDef, ast.ClassDef, ast.arg, ast.AnnAssign, ast.Tuple, ast.List,
    ast.Assign})
# Decorators that leave a method where its class puts it: called by its name only.
_PLAIN_METHOD_DECORATORS = frozenset({"staticmethod", "classmethod"})
# A provider name as a word of a function's name (``_sync_google``, ``google_sync``).
_PROVIDER_WORD = re.compile(
    r"(?:^|_)(?:" + "|".join(re.escape(name.replace("-", "_")) for name in PROVIDER_NAMES)
    + r")(?:_|$)")


@dataclass
class _Target:
    """A function, method or class whose code may be kept to some providers."""

    key: str  # ``_label``, ``Sync._google_labels``, ``GmailLabels``
    name: str  # how the module's code names it
    node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
    # A method of a class whose instances the module only holds to call methods on:
    # its calls, known beforehand, and the class whose name other modules must not use.
    held_calls: list[int] | None = None
    owner: str = ""
    # A public function is kept to providers only through a table keyed by them:
    # called by its name, a task queue may run it for any grant.
    by_table_only: bool = False
    # A class of the module's subclasses, or a method of it: the subclasses whose
    # instances may run its code, whose reaches join its own (see ``_Family``).
    run_by: tuple[str, ...] = ()


@dataclass
class _Reaches:
    """How the module reaches one name: calls at lines, picks by providers' tables,
    picks by a name or key not tied to a provider (the line that picks it), and
    other uses."""

    calls: list[int] = field(default_factory=list)
    picked: list[frozenset[str]] = field(default_factory=list)
    undecided: list[int] = field(default_factory=list)
    other: bool = False


class _Walk:
    """The module's nodes, walked once: each node's parent, and the names, attributes
    and dicts the rules look up."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.parents: dict[int, ast.AST] = {}
        self.loads: dict[str, list[ast.Name]] = {}
        self.attributes: dict[str, list[ast.Attribute]] = {}
        self.stores: Counter[str] = Counter()
        self.rebound: set[str] = set()
        self.dicts: list[ast.Dict] = []
        # The dicts built of classes keyed by an attribute of each (``{cls.provider:
        # cls for cls in (...)}``, or filled by a decorator), by id.
        self.class_keyed: set[int] = set()
        # Dicts no lookup may read exactly: a class's (looked up through its
        # instances), and a ``dict(...)`` call that merges another mapping too or
        # calls a ``dict`` of the module's own.
        self.loose: set[int] = set()
        # What may store or hand on a value next to a provider's name (see
        # ``_pair_parts``): any other code may pick the value by it.
        self.pairs: list[ast.AST] = []
        # Module-level tables the judge follows across modules (see
        # ``_provider_tables``): their statements.
        self.recorded: set[int] = set()
        self.getattrs: list[ast.Call] = []
        self.functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
        self.classes: list[ast.ClassDef] = []
        # Dicts the module's decorators fill with the classes they decorate: looked
        # up as the dicts they end up holding.
        self.registries = {id(registry.binding): registry
                           for registry in decorated_registries(tree)}
        self.plain_classes = plain_classes(tree, {
            name for registry in self.registries.values() for name in registry.classes})
        annotations: list[ast.expr] = []
        keyword_dicts: list[ast.Dict] = []
        # ``ast.walk``'s order, each node's children listed once: for the walk and
        # for their parent.
        # Dispatched by class (the parser makes no subclasses of its nodes), and
        # contexts and operators left out: no rule looks at them or up from them.
        pending: deque[ast.AST] = deque([tree])
        parents = self.parents
        while pending:
            node = pending.popleft()
            for child in code_children(node):
                parents[id(child)] = node
                pending.append(child)
            kind = node.__class__
            if kind is ast.Name:
                assert isinstance(node, ast.Name)
                if node.ctx.__class__ is ast.Load:
                    self.loads.setdefault(node.id, []).append(node)
                else:
                    self.stores[node.id] += 1
            elif kind is ast.Attribute:
                assert isinstance(node, ast.Attribute)
                self.attributes.setdefault(node.attr, []).append(node)
            elif kind is ast.Call:
                assert isinstance(node, ast.Call)
                self._take_call(node, keyword_dicts)
                if _may_pair(node):
                    self.pairs.append(node)
            elif kind in _WALK_RARE:
                self._take_rare(node, annotations)
                if _may_pair(node):
                    self.pairs.append(node)
        self.annotations = {id(node) for annotation in annotations
                            for node in walk_nodes(annotation)}
        self.dicts += keyword_dicts
        if self.stores["dict"] or "dict" in self.rebound:
            # Not the builtin: what it builds of its keywords is anyone's guess.
            self.loose.update(id(built) for built in keyword_dicts)
        for registry in self.registries.values():
            self._add_registry(registry)

    def _take_call(self, node: ast.Call, keyword_dicts: list[ast.Dict]) -> None:
        if isinstance(node.func, ast.Name) and node.func.id == "getattr" and (
                len(node.args) >= 2) and not isinstance(node.args[1], ast.Constant):
            self.getattrs.append(node)
        elif (built := keyword_dict(node, complete=False)) is not None:
            # ``dict(google=GmailHandler, ...)``: looked up as the display it builds.
            keyword_dicts.append(built)
            if keyword_dict(node) is None:
                self.loose.add(id(built))
            if id(node) in self.parents:
                self.parents[id(built)] = self.parents[id(node)]

    def _take_rare(self, node: ast.AST, annotations: list[ast.expr]) -> None:
        """The nodes of the walk other than names, attributes and calls."""
        if isinstance(node, ast.Dict):
            self.dicts.append(node)
        elif isinstance(node, ast.DictComp) and (
                built := registry_dict(node, self.plain_classes)) is not None:
            # Looked up as the dict it builds: it stands where the comprehension is.
            self.dicts.append(built)
            self.class_keyed.add(id(built))
            if id(node) in self.parents:
                self.parents[id(built)] = self.parents[id(node)]
        elif isinstance(node, ast.alias) and (
                node.asname or node.name.partition(".")[0]) == "dict":
            self.stores["dict"] += 1
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            self.rebound.update(node.names)
        elif isinstance(node, _FUNCTIONS):
            self.functions.append(node)
            if node.returns is not None:
                annotations.append(node.returns)
        elif isinstance(node, ast.ClassDef):
            self.classes.append(node)
        elif isinstance(node, ast.arg) and node.annotation is not None:
            annotations.append(node.annotation)
        elif isinstance(node, ast.AnnAssign):
            annotations.append(node.annotation)

    def _add_registry(self, registry: DecoratedRegistry) -> None:
        """Take the dict a decorator fills as the dict it ends up holding, bound
        where the empty one is: its values the classes' uses, its decorator's store
        into it no lookup."""
        self.dicts.append(registry.table)
        self.class_keyed.add(id(registry.table))
        self.parents[id(registry.table)] = registry.binding
        for value in registry.table.values:
            assert isinstance(value, ast.Name)
            self.parents[id(value)] = registry.table
            self.loads.setdefault(value.id, []).append(value)
        stored_in = registry.store.id
        self.loads[stored_in] = [
            node for node in self.loads.get(stored_in, []) if node is not registry.store]


@dataclass
class GuardedCode:
    """What ``guarded_callables`` finds in one module."""

    # Kept to providers, or picked for grants the analysis cannot tell, by this
    # module's own code.
    function_guards: list[FunctionGuard] = field(default_factory=list)
    undecided_guards: list[UndecidedGuard] = field(default_factory=list)
    # Reached only under tests of the provider the analysis cannot read.
    unread_callables: list[UndecidedGuard] = field(default_factory=list)
    # How the module reaches its top-level functions and classes, and the names it
    # imports: for the judge, which joins them across modules (see ``guard_reaches``).
    callables: list[CallableReach] = field(default_factory=list)
    imported: list[ImportReach] = field(default_factory=list)
    tables: list[ProviderTable] = field(default_factory=list)
    # (a class, a subclass of it in the module) whose reach the class's guards
    # count: another module naming the subclass may run the class's code too.
    inherited: list[tuple[str, str]] = field(default_factory=list)


def guarded_callables(tree: ast.Module, guards: list[ProviderGuard],
                      tests: ProviderTests | None = None,
                      imports: dict[str, str] | None = None, module: str = "",
                      kept: Sequence[tuple[int, int]] = (),
                      unread: Sequence[_Unread] = (),
                      ) -> GuardedCode:
    """The module's functions, methods and classes reached only under guards or
    through tables keyed by the provider, with their providers; and those a name or
    key not tied to a provider may pick, with the line that picks them.  ``imports``:
    the module's imported names and the dotted names they stand for; ``module``: its
    dotted name; ``kept``: other lines the judge may keep to providers (those an
    imported provider test keeps, see ``imported_predicate_guards``); ``unread``: the
    lines under tests of the provider it cannot read (see ``unread_guards``), where
    which providers' grants reach the code called is unknown too."""
    walk = _Walk(tree)
    tests = tests or ProviderTests(tree)
    result = GuardedCode()
    imports = imports or {}
    tables = _provider_tables(walk, module, imports, tests)
    result.tables = [table for table, _ in tables]
    # The judge follows a table's values through the table, wherever it is looked up.
    in_tables = {id(value) for _, values in tables for value in values}
    targets = _targets(walk)
    if targets:
        _keep_own_code(result, walk, tree, guards, tests, targets, in_tables, unread)
    if imports:
        ranges = [*((first, last) for first, last, _ in guards), *kept, *(
            (first, last) for first, last, _ in unread), *(
            (first, last) for _, first, last, *_ in (
                *result.function_guards, *result.undecided_guards,
                *result.unread_callables))]
        result.imported = _import_reaches(walk, imports, tests, in_tables, ranges)
    return result


def _keep_own_code(result: GuardedCode, walk: _Walk, tree: ast.Module,
                   guards: list[ProviderGuard], tests: ProviderTests,
                   targets: list[_Target], in_tables: set[int],
                   unread: Sequence[_Unread]) -> None:
    """Set how the module reaches its own functions and classes, and those it keeps
    to providers or leaves undecided."""
    names = {target.name for target in targets}
    family = _Family.of(walk, targets)
    reaches = _references(walk, names, tests, family.base_uses)
    recorded_reaches = _references(
        walk, names, tests, in_tables | family.base_uses) if in_tables else reaches
    top = {id(statement) for statement in tree.body}
    # A class with subclasses here is left to this module: the judge does not join
    # what other modules do with its subclasses to its reach.
    result.callables = [
        (target.name, target.node.lineno, target.node.end_lineno or target.node.lineno,
         _reach(recorded_reaches[target.name]))
        for target in targets
        if id(target.node) in top and not recorded_reaches[target.name].other
        and target.name not in family.subclasses]
    targets += _held_methods(walk)
    targets += family.inherited_targets(targets, reaches)
    found: dict[str, FunctionGuard] = {}
    undecided: dict[str, UndecidedGuard] = {}
    untested: dict[str, UndecidedGuard] = {}
    # The calls that reach each target kept: code kept by a base's guard depends on
    # the base's subclasses as that guard does.
    kept_calls: list[tuple[str, int, int, list[int]]] = []
    # Code reached only from guarded code is guarded too: one more round each.
    for _ in range(len(targets)):
        known = [*guards, *((first, last, names) for _, first, last, names in found.values())]
        unknown = [*((first, last, _Unknown(line, False))
                     for _, first, last, line in undecided.values()),
                   *((first, last, _Unknown(line, True)) for first, last, line in unread),
                   *((first, last, _Unknown(line, True))
                     for _, first, last, line in untested.values())]
        added = False
        for target in targets:
            if target.key in found or target.key in undecided or target.key in untested:
                continue
            reached = reaches.get(target.name, _Reaches()) if target.held_calls is None else (
                _Reaches(calls=target.held_calls))
            if target.run_by:
                reached = _joined(reached, [reaches.get(name, _Reaches())
                                            for name in target.run_by])
            verdict = _verdict(target, reached, known, unknown)
            if verdict is None:
                continue
            first, last = target.node.lineno, target.node.end_lineno or target.node.lineno
            # Another module naming the class may make instances and call any method.
            name = target.owner or target.key
            if isinstance(verdict, _Unknown):
                into = untested if verdict.unread else undecided
                into[target.key] = (name, first, last, verdict.line)
            else:
                found[target.key] = (name, first, last, verdict)
            kept_calls.append((name, first, last, reached.calls))
            added = True
        if not added:
            break
    result.function_guards = sorted(found.values())
    result.undecided_guards = sorted(undecided.values())
    result.unread_callables = sorted(untested.values())
    if family.subclasses:
        result.inherited = _inherited_guards(family, kept_calls)


def _inherited_guards(family: _Family, kept: list[tuple[str, int, int, list[int]]],
                      ) -> list[tuple[str, str]]:
    """(a guard's name, a subclass) for each guard that counts the subclass's reach:
    a base's (named as the base), and one of code whose calls lie in code so kept
    (``self._load()`` in the base's ``__init__``), however far down."""
    depends: dict[int, set[str]] = {}
    for index, (name, *_) in enumerate(kept):
        if below := family.descendants(name):
            depends[index] = set(below)
    for _ in range(len(kept)):
        grown = False
        for index, (_, _, _, calls) in enumerate(kept):
            for other, counted in list(depends.items()):
                _, first, last, _ = kept[other]
                if other != index and not counted <= depends.get(index, set()) and any(
                        first <= line <= last for line in calls):
                    depends.setdefault(index, set()).update(counted)
                    grown = True
        if not grown:
            break
    return sorted({(kept[index][0], subclass)
                   for index, subclasses in depends.items() for subclass in subclasses})


def _joined(own: _Reaches, subclasses: Sequence[_Reaches]) -> _Reaches:
    """The reach of a class's code that its subclasses' instances may run too: its
    own and theirs.  A subclass the module never names may be made elsewhere, for
    any grant (registered by a metaclass, named by another module): any grant."""
    joined = _Reaches(list(own.calls), list(own.picked), list(own.undecided), own.other)
    for reach in subclasses:
        joined.calls += reach.calls
        joined.picked += reach.picked
        joined.undecided += reach.undecided
        joined.other = joined.other or reach.other or not (
            reach.calls or reach.picked or reach.undecided)
    return joined


def _reach(reaches: _Reaches, lookups: Iterable[int] = ()) -> Reach:
    return Reach.of(tuple(reaches.calls),
                    tuple(tuple(sorted(names)) for names in reaches.picked),
                    tuple(reaches.undecided), reaches.other, tuple(lookups))


def _import_reaches(walk: _Walk, imports: dict[str, str], tests: ProviderTests,
                    in_tables: set[int], kept: Sequence[tuple[int, int]],
                    ) -> list[ImportReach]:
    """How the module uses each name it reaches through an import, by dotted name:
    ``gmail.create_label(...)`` with ``from app import gmail`` reaches
    ``app.gmail.create_label`` (an attribute chain is followed as far as it goes, or
    to a lookup: ``handlers.TABLE[grant.provider]``).  A name the module also binds
    itself may hold anything: every use is ``other``.  The values of the module's
    tables (``in_tables``) are followed through the tables."""
    picked, called = _picked_by_tables(walk, tests)
    found: dict[str, _Reaches] = {}
    lookups: dict[str, list[int]] = {}
    for local, imported in imports.items():
        if not recorded(imported):
            continue
        rebound = walk.stores[local] > 0 or local in walk.rebound
        if not walk.loads.get(local):
            # Imported and not used: re-exported, for code that imports it from here.
            found.setdefault(imported, _Reaches()).other = True
        chains: list[tuple[ast.expr, str, ast.expr | None]] = []
        for load in walk.loads.get(local, ()):
            if id(load) in walk.annotations:
                continue
            node: ast.expr = load
            name = imported
            key = _lookup_key(node, walk.parents)
            while key is None and isinstance(
                    parent := walk.parents.get(id(node)), ast.Attribute) and parent.value is node:
                node, name = parent, f"{name}.{parent.attr}"
                key = _lookup_key(node, walk.parents)
            if id(node) not in in_tables:
                chains.append((node, name, key))
        held = {} if rebound else _held_instances(walk, chains, kept)
        for name, (made, calls) in held.items():
            # ``self.labels = Labels(nylas)``, then only ``self.labels.create(...)``:
            # the constructor runs where the instance is made, each method where it
            # is called (``app.labels.Labels.__init__``, ``app.labels.Labels.create``).
            found.setdefault(f"{name}.__init__", _Reaches()).calls.extend(made)
            for method, lines in calls.items():
                found.setdefault(f"{name}.{method}", _Reaches()).calls.extend(lines)
        for node, name, key in chains:
            if name in held:
                continue
            picks = None if rebound else _picked_members(node, walk.parents)
            if picks is not None:
                # ``getattr(providers, f"sync_{grant.provider}")``: the module's
                # function named for the grant's provider, for that provider only.
                for member, providers in picks:
                    found.setdefault(f"{name}.{member}", _Reaches()).picked.append(providers)
                continue
            reaches = found.setdefault(name, _Reaches())
            if rebound:
                reaches.other = True
            elif key is not None:
                if names_a_provider(key):
                    lookups.setdefault(name, []).append(key.lineno)
                else:
                    reaches.undecided.append(key.lineno)
            elif id(node) in picked or id(node) in called:
                reaches.calls += called.get(id(node), ())
                table_pick = picked.get(id(node))
                if isinstance(table_pick, int):
                    reaches.undecided.append(table_pick)
                elif table_pick is not None:
                    reaches.picked.append(table_pick)
            elif isinstance(call := walk.parents.get(id(node)), ast.Call) and call.func is node:
                branch = _conditional_branch(node, walk.parents, tests)
                if branch is not None:
                    reaches.picked.append(branch)  # as for the module's own code
                else:
                    reaches.calls.append(node.lineno)
            else:
                reaches.other = True
    return [(sys.intern(name), _reach(reaches, lookups.get(name, ())))
            for name, reaches in sorted(found.items())]


def _picked_members(node: ast.expr, parents: dict[int, ast.AST],
                    ) -> list[tuple[str, frozenset[str]]] | None:
    """The members ``getattr(node, <a name built from the grant's provider>)`` may
    give, each with the provider whose grants pick it (``sync_google`` for
    ``f"sync_{grant.provider}"``); None for any other use of ``node``."""
    call = parents.get(id(node))
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
            and call.func.id == "getattr" and 2 <= len(call.args) <= 3
            and call.args[0] is node and not call.keywords):
        return None
    built = _built_name(call.args[1])
    if built.part is None or not names_a_provider(built.part):
        return None
    picks = [(f"{built.prefix}{provider}{built.suffix}", frozenset({provider}))
             for provider in sorted(PROVIDER_NAMES)]
    return [(member, providers) for member, providers in picks if member.isidentifier()]


def _provider_tables(walk: _Walk, module: str, imports: dict[str, str],
                     tests: ProviderTests) -> list[tuple[ProviderTable, list[ast.expr]]]:
    """The module's tables keyed by providers (see ``ProviderTable``), bound once,
    with their value nodes."""
    own = {node.name for node in walk.tree.body
           if isinstance(node, (*_FUNCTIONS, ast.ClassDef))}
    tables: list[tuple[ProviderTable, list[ast.expr]]] = []
    for statement in walk.tree.body:
        registry = walk.registries.get(id(statement))
        filled = registry.table if registry is not None else None
        table = table_entries(statement, module, imports, own, tests.provider_name,
                              walk.plain_classes, filled)
        if table is None:
            continue
        name, entries = table
        if walk.stores[name] != 1 or name in walk.rebound or name in own or (
                isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call)
                and walk.stores["dict"]):
            continue
        built = table_dict(statement, walk.plain_classes, filled)
        assert isinstance(statement, ast.Assign) and built is not None
        reaches = _Reaches()
        lookups: list[int] = []
        looped = False
        for load in walk.loads.get(name, ()):
            key = _lookup_key(load, walk.parents)
            if key is None and _item_written(load, walk.parents) is not None:
                continue  # the value written is picked where it is written
            if key is None:
                reaches.other = True
                looped = looped or _loop_calling_each_value(load, walk.parents) is not None
            elif names_a_provider(key):
                lookups.append(key.lineno)
            else:
                reaches.undecided.append(key.lineno)
        walk.recorded.add(id(statement))
        # A loop here calling every value: its values' calls are read here, with
        # the picks of the lookups here; the judge leaves them to this module.
        tables.append(((name, statement.lineno, statement.end_lineno or statement.lineno,
                        entries, _reach(reaches, lookups)), [] if looped else built.values))
    return tables


def _verdict(target: _Target, reaches: _Reaches, known: list[ProviderGuard],
             unknown: list[tuple[int, int, _Unknown]]) -> tuple[str, ...] | _Unknown | None:
    """The providers whose grants reach the target; the line that picks it when a
    name or key not tied to a provider decides that (or of the test of the provider
    the analysis cannot read that it runs under); None when any grant may."""
    first, last = target.node.lineno, target.node.end_lineno or target.node.lineno
    # A call of itself runs only once it runs.
    calls = [line for line in reaches.calls if not first <= line <= last]
    if reaches.other or not (calls or reaches.picked or reaches.undecided):
        return None
    if target.by_table_only and not (reaches.picked or reaches.undecided):
        return None
    providers: set[str] = set()
    undecided_lines = [_Unknown(line, False) for line in reaches.undecided]
    for line in calls:
        around = _providers_at(known, line)
        if around is not None:
            providers.update(around)
            continue
        picked_by = [built for start, end, built in unknown if start <= line <= end]
        if not picked_by:
            return None
        undecided_lines.append(picked_by[0])
    if undecided_lines:
        return min(undecided_lines)
    for names in reaches.picked:
        providers.update(names)
    return tuple(sorted(providers))


def _providers_at(guards: list[ProviderGuard], line: int) -> frozenset[str] | None:
    """The providers whose grants reach ``line``: those every guard around it allows;
    None where no guard is."""
    around = [frozenset(names) for first, last, names in guards if first <= line <= last]
    return frozenset.intersection(*around) if around else None


def _targets(walk: _Walk) -> list[_Target]:
    """The module's private functions (module-level ``_...``, or defined in a
    function), its public module-level functions (for tables only), the private
    methods of its classes and its classes: each defined once, undecorated (a
    method may be a ``staticmethod`` or ``classmethod``, a class may be registered
    by a function of the module that gives it back as it is)."""
    local = {id(statement) for node in walk.functions for statement in node.body}
    top = {id(statement) for statement in walk.tree.body}
    counts = Counter(node.name for node in [*walk.functions, *walk.classes])
    targets: list[_Target] = []
    for node in [*walk.functions, *walk.classes]:
        if isinstance(node, _FUNCTIONS) and not node.decorator_list and counts[node.name] == 1:
            if id(node) in top and not node.name.startswith("__"):
                targets.append(_Target(node.name, node.name, node,
                                       by_table_only=not node.name.startswith("_")))
            elif id(node) in local:
                targets.append(_Target(node.name, node.name, node))
        elif isinstance(node, ast.ClassDef) and id(node) in top and counts[node.name] == 1:
            if node.name in walk.plain_classes:
                targets.append(_Target(node.name, node.name, node))
            targets.extend(_private_methods(node))
    return targets


def _private_methods(node: ast.ClassDef) -> Iterator[_Target]:
    defined = Counter(item.name for item in node.body if isinstance(item, _FUNCTIONS))
    for item in node.body:
        if isinstance(item, _FUNCTIONS) and item.name.startswith("_") and (
                not item.name.startswith("__")) and defined[item.name] == 1 and all(
                dotted(decorator) in _PLAIN_METHOD_DECORATORS
                for decorator in item.decorator_list):
            yield _Target(f"{node.name}.{item.name}", item.name, item)


# Reads of a class's bases or order of bases: code may reach a base's method past
# the subclass that overrides it, without naming the base or ``super``.
_BASE_READS = ("__bases__", "__base__", "__mro__", "mro", "__subclasses__")


@dataclass
class _Subclass:
    """A class of the module with a base of the module: what it binds in its body,
    the methods it reads through ``super().name``, and whether it may reach any
    method of its bases past its own (``super`` read any other way, several bases,
    whose order decides what ``super()`` gives)."""

    bound: frozenset[str]
    through_super: frozenset[str]
    loose: bool


@dataclass
class _Family:
    """The module's classes used as a base by another class of the module.

    Such a use (``class OutlookHandler(GmailHandler):``) makes no instance and runs
    none of the base's code: the base's code runs for the grants that reach the base
    or its subclasses, each of its methods for those reaching the classes that do
    not override it, or that read it through ``super()``."""

    subclasses: dict[str, list[str]] = field(default_factory=dict)
    classes: dict[str, _Subclass] = field(default_factory=dict)
    # The base's names in the subclasses' ``class`` lines.
    base_uses: frozenset[int] = frozenset()

    @classmethod
    def of(cls, walk: _Walk, targets: Sequence[_Target]) -> _Family:
        """The module's plain classes (``targets``) used as bases of one another; none
        when the module reads a class's bases, or where a base may run code as a
        subclass is made (``__init_subclass__``, a metaclass)."""
        family = cls()
        if not walk.classes or any(walk.attributes.get(name) for name in _BASE_READS):
            return family
        nodes: dict[str, ast.ClassDef] = {}
        for target in targets:
            if isinstance(target.node, ast.ClassDef) and not target.node.keywords and not (
                    walk.stores[target.name] or target.name in walk.rebound):
                nodes[target.name] = target.node
        uses: set[int] = set()
        for name, node in nodes.items():
            bases = [base for base in node.bases if isinstance(base, ast.Name)
                     and base.id in nodes and base.id != name and not _runs_on_subclassing(
                         nodes[base.id])]
            if not bases:
                continue
            uses.update(id(base) for base in bases)
            for base in bases:
                family.subclasses.setdefault(base.id, []).append(name)
            family.classes[name] = _subclass(node, walk)
        family.base_uses = frozenset(uses)
        return family

    def descendants(self, base: str) -> list[str]:
        """The module's classes with ``base`` among their bases, however far down."""
        found: list[str] = []
        pending = list(self.subclasses.get(base, ()))
        while pending:
            name = pending.pop()
            if name not in found and name != base:
                found.append(name)
                pending += self.subclasses.get(name, ())
        return sorted(found)

    def running(self, base: str, method: str, reaches: dict[str, _Reaches]) -> list[str]:
        """The subclasses whose instances may run ``base``'s ``method``: those below
        classes none of which binds ``method`` again, or below one that reads it
        through ``super()``, or may reach past its own (see ``_Subclass``), or that the
        module uses in a way not read (``delattr(OutlookHandler, "labels")``)."""
        found: list[str] = []
        pending = [(name, False) for name in self.subclasses.get(base, ())]
        seen: set[str] = set()
        while pending:
            name, hidden = pending.pop()
            if name in seen or name == base:
                continue
            seen.add(name)
            shape = self.classes[name]
            if shape.loose or reaches.get(name, _Reaches()).other:
                found += [name, *self.descendants(name)]
                continue
            hidden = hidden or (method in shape.bound and method not in shape.through_super)
            if not hidden:
                found.append(name)
            pending += [(sub, hidden) for sub in self.subclasses.get(name, ())]
        return sorted(set(found))

    def inherited_targets(self, targets: Sequence[_Target],
                          reaches: dict[str, _Reaches]) -> list[_Target]:
        """Give each base its subclasses' reaches, and make a target of each of its
        methods that some subclass's instances cannot run (it binds the name again),
        reached by the others only."""
        keys = {target.key for target in targets}
        added: list[_Target] = []
        for target in targets:
            node = target.node
            if not isinstance(node, ast.ClassDef) or target.name not in self.subclasses:
                continue
            target.run_by = tuple(self.descendants(target.name))
            defined = Counter(item.name for item in node.body if isinstance(item, _FUNCTIONS))
            for item in node.body:
                if not isinstance(item, _FUNCTIONS) or not all(
                        dotted(decorator) in _PLAIN_METHOD_DECORATORS
                        for decorator in item.decorator_list):
                    continue  # a decorator may hand the method to other code
                key = f"{target.name}.{item.name}"
                if defined[item.name] != 1 or key in keys:
                    continue
                running = tuple(self.running(target.name, item.name, reaches))
                if running != target.run_by:
                    added.append(_Target(key, target.name, item, owner=target.name,
                                         run_by=running))
        return added


def _runs_on_subclassing(base: ast.ClassDef) -> bool:
    """Whether making a subclass of ``base`` runs its code: ``__init_subclass__``."""
    return any(isinstance(item, _FUNCTIONS) and item.name == "__init_subclass__"
               for item in base.body)


def _subclass(node: ast.ClassDef, walk: _Walk) -> _Subclass:
    """What a subclass binds in its body, and how its code reads ``super``."""
    bound: set[str] = set()
    for statement in node.body:
        if isinstance(statement, (*_FUNCTIONS, ast.ClassDef)):
            bound.add(statement.name)
        elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [
                statement.target]
            bound.update(target.id for target in targets if isinstance(target, ast.Name))
    through_super: set[str] = set()
    loose = len(node.bases) > 1
    last = node.end_lineno or node.lineno
    for item in walk.loads.get("super", ()):
        if not node.lineno <= item.lineno <= last:
            continue
        call = walk.parents.get(id(item))
        read = walk.parents.get(id(call))
        if isinstance(call, ast.Call) and call.func is item and not call.args and (
                not call.keywords) and isinstance(read, ast.Attribute) and read.value is call:
            through_super.add(read.attr)
        else:
            loose = True  # ``super(Base, self)``, ``getattr(super(), name)``
    return _Subclass(frozenset(bound), frozenset(through_super), loose)


def _held_methods(walk: _Walk) -> list[_Target]:
    """The methods (but the special ones) of each undecorated class of the module whose
    name the module uses only to make an instance and hold it (``self.labels =
    GmailLabels(nylas)``, ``labels = GmailLabels(nylas)``), when what holds one is only
    used to call a method the class defines (``self.labels.create(grant_id)``): with the
    lines of those calls and of the class's own ``self.method(...)`` calls.  The
    instance is made for any grant, so its constructor is not among them."""
    classes = {node.name: node for node in walk.tree.body
               if isinstance(node, ast.ClassDef) and not node.decorator_list}
    holders: dict[str, list[ast.expr]] = {}
    failed: set[str] = set()
    for name in classes:
        for node in walk.loads.get(name, []):
            if id(node) in walk.annotations:
                continue
            holder = _holder(node, walk.parents)
            if holder is None:
                failed.add(name)
            else:
                holders.setdefault(name, []).append(holder)
    held: list[_Target] = []
    for name, targets in holders.items():
        methods = {item.name: item for item in classes[name].body
                   if isinstance(item, _FUNCTIONS) and not item.name.startswith("__")}
        calls = _held_uses(walk, targets, set(methods))
        if name in failed or calls is None:
            continue
        for item in walk_nodes(classes[name]):
            # ``self.method(...)`` in the class's own code.
            if isinstance(item, ast.Call) and isinstance(item.func, ast.Attribute) and (
                    isinstance(item.func.value, ast.Name)) and item.func.value.id == "self" and (
                    item.func.attr in methods):
                calls.setdefault(item.func.attr, []).append(item.lineno)
        held.extend(_Target(f"{name}.{method}", method, node, held_calls=calls.get(method, []),
                            owner=name)
                    for method, node in methods.items())
    return held


def _held_instances(walk: _Walk, chains: list[tuple[ast.expr, str, ast.expr | None]],
                    kept: Sequence[tuple[int, int]],
                    ) -> dict[str, tuple[list[int], dict[str, list[int]]]]:
    """By the dotted name an imported name's uses reach (``chains``: each use, its
    dotted name and the key it is looked up by), what the module only calls to make
    instances it holds, when it only calls methods on what holds them (see
    ``_held_methods``): the lines where it makes them, and by method the lines where
    it calls it.  Only where a method is called on lines that may be kept to
    providers (``kept``): elsewhere that tells the judge nothing more than the
    constructor's call does (``bp = Blueprint(...)``, then ``@bp.route(...)``)."""
    holders: dict[str, list[ast.expr]] = {}
    made: dict[str, list[int]] = {}
    failed: set[str] = set()
    for node, name, key in chains:
        holder = _holder(node, walk.parents) if key is None else None
        if holder is None:
            failed.add(name)
        else:
            holders.setdefault(name, []).append(holder)
            made.setdefault(name, []).append(node.lineno)
    found: dict[str, tuple[list[int], dict[str, list[int]]]] = {}
    for name, held in holders.items():
        calls = None if name in failed else _held_uses(walk, held)
        if calls is not None and any(first <= line <= last for lines in calls.values()
                                     for line in lines for first, last in kept):
            found[name] = (made[name], calls)
    return found


def _holder(node: ast.expr, parents: dict[int, ast.AST]) -> ast.expr | None:
    """What ``Class(...)`` is bound to: ``self.labels`` or a local name; None for any
    other use of the class's name."""
    call = parents.get(id(node))
    if not (isinstance(call, ast.Call) and call.func is node):
        return None
    assign = parents.get(id(call))
    if not (isinstance(assign, ast.Assign) and len(assign.targets) == 1):
        return None
    target = assign.targets[0]
    if isinstance(target, ast.Name) or (isinstance(target, ast.Attribute) and isinstance(
            target.value, ast.Name) and target.value.id == "self"):
        return target
    return None


def _held_uses(walk: _Walk, holders: list[ast.expr], methods: set[str] | None = None,
               ) -> dict[str, list[int]] | None:
    """By method, the lines where what the holders hold has it called; None when a
    holder is read any other way (handed on, stored, an attribute it lacks: one not
    among ``methods``, when they are known)."""
    uses: list[ast.Name | ast.Attribute] = []
    for holder in holders:
        if isinstance(holder, ast.Name):
            uses.extend(walk.loads.get(holder.id, []))
        elif isinstance(holder, ast.Attribute):
            uses.extend(node for node in walk.attributes.get(holder.attr, [])
                        if isinstance(node.ctx, ast.Load))
    calls: dict[str, list[int]] = {}
    for node in {id(node): node for node in uses}.values():
        method = walk.parents.get(id(node))
        call = walk.parents.get(id(method))
        if not (isinstance(method, ast.Attribute) and (
                methods is None or method.attr in methods) and isinstance(
                call, ast.Call) and call.func is method):
            return None
        calls.setdefault(method.attr, []).append(call.lineno)
    return calls


def _references(walk: _Walk, names: set[str], tests: ProviderTests | None,
                skipped: set[int] | frozenset[int] = frozenset()) -> dict[str, _Reaches]:
    """How the module's code reaches each of ``names``: by a name or an attribute of
    that name (``_label``, ``self._label``, ``Labels.create``); annotations and the
    nodes ``skipped`` aside."""
    parents = walk.parents
    picked, called = _picked_by_tables(walk, tests)
    reaches: dict[str, _Reaches] = {name: _Reaches() for name in names}
    settable = _settable_classes(walk)
    nodes: list[ast.Name | ast.Attribute] = []
    for name in names:
        nodes += walk.loads.get(name, [])
        nodes += walk.attributes.get(name, [])
    for node in nodes:
        name = node.id if isinstance(node, ast.Name) else node.attr
        if id(node) in walk.annotations or id(node) in skipped or _attribute_set_on(
                node, parents, settable):
            continue
        reaches[name].calls += called.get(id(node), ())
        if id(node) in picked:
            table_pick = picked[id(node)]
            if isinstance(table_pick, int):
                reaches[name].undecided.append(table_pick)
            else:
                reaches[name].picked.append(table_pick)
        elif id(node) in called:
            pass  # a value of a table a loop calls every value of
        elif _called(node, parents):
            branch = _conditional_branch(node, parents, tests) if tests is not None and (
                name.startswith("_") or name in walk.plain_classes) else None
            if branch is not None:
                # ``GmailAdapter(nylas) if grant.provider == "google" else ...``: made
                # for those providers' grants only, as a table's value is picked.
                reaches[name].picked.append(branch)
            else:
                reaches[name].calls.append(node.lineno)
        else:
            reaches[name].other = True
    # Only a name with a provider in it may be picked by a name built at run time.
    named_for_providers = [name for name in names if _PROVIDER_WORD.search(name)]
    for built, line in _names_built_at_run_time(walk) if named_for_providers else ():
        for name in named_for_providers:
            verdict = _pick_by_name(built, name)
            if isinstance(verdict, frozenset):
                reaches[name].picked.append(verdict)
            elif verdict:
                reaches[name].undecided.append(line)
    return reaches


def _settable_classes(walk: _Walk) -> frozenset[str]:
    """The module's plain classes whose attributes code may set without running any
    code of theirs: no decorator, no metaclass named.  (A base from elsewhere is
    trusted as it is where the class body binds the attribute.)"""
    return walk.plain_classes & {node.name for node in walk.tree.body
                                 if isinstance(node, ast.ClassDef) and not node.keywords}


def _attribute_set_on(node: ast.Name | ast.Attribute, parents: dict[int, ast.AST],
                      classes: frozenset[str]) -> bool:
    """Whether ``node`` names one of ``classes`` that an attribute is set on
    (``GmailHandler.provider = "google"``): that runs none of its code, nor hands the
    class to any, so it reaches none of its methods.  (A class with a decorator may
    be another object, one with a metaclass may run anything on ``__setattr__``.)"""
    parent = parents.get(id(node))
    return isinstance(node, ast.Name) and node.id in classes and isinstance(
        parent, ast.Attribute) and parent.value is node and isinstance(parent.ctx, ast.Store)


# Expressions climbed at most from a call to the branch of a conditional expression
# it is in: a factory's ``A(x) if test else B(x)``, not a deep expression's every call.
_MOST_CLIMBED = 8


def _conditional_branch(node: ast.expr, parents: dict[int, ast.AST],
                        tests: ProviderTests) -> frozenset[str] | None:
    """The providers whose grants take the branch of a conditional expression
    ``node`` is in, where its test reads the provider (``GmailAdapter(nylas) if
    grant.provider == "google" else GraphAdapter(nylas)``): guards go by lines, and
    both branches share one.  None when no such branch holds it, or its test is not
    read (its lines are unresolved then, see ``unread_guards``).  A lambda or a
    comprehension between them may run later, or for other values: none is climbed."""
    child: ast.AST = node
    for _ in range(_MOST_CLIMBED):
        parent = parents.get(id(child))
        if not isinstance(parent, ast.expr) or isinstance(
                parent, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            return None
        if isinstance(parent, ast.IfExp) and child is not parent.test:
            true, false = tests.outcomes(parent.test, _enclosing_flags(parent, parents, tests))
            if true != PROVIDER_NAMES or false != PROVIDER_NAMES:
                taken = true if child is parent.body else false
                return frozenset(taken)
        child = parent
    return None


def _enclosing_flags(node: ast.expr, parents: dict[int, ast.AST],
                     tests: ProviderTests) -> dict[str, ast.expr]:
    """The names the function (or the module) around ``node`` binds once to a
    provider test or to the provider (``kind = grant.provider`` before ``A(nylas) if
    kind == "google" else B(nylas)``); none inside a lambda, whose parameters may
    hide them, or in a class's body, whose names may."""
    scope: ast.AST | None = parents.get(id(node))
    while scope is not None and not isinstance(
            scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module, ast.Lambda, ast.ClassDef)):
        scope = parents.get(id(scope))
    if scope is None or isinstance(scope, (ast.Lambda, ast.ClassDef)):
        return {}
    return tests.scope_flags(scope)


def _called(node: ast.Name | ast.Attribute, parents: dict[int, ast.AST]) -> bool:
    """``name(...)``, ``self.name(...)``, ``Name.method(...)`` and
    ``Name(...).method(...)``: the name called, or a class's attribute called."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Call) and parent.func is node:
        return True
    if isinstance(node, ast.Name) and isinstance(parent, ast.Attribute):
        return isinstance(grand := parents.get(id(parent)), ast.Call) and grand.func is parent
    return False


class _TableUses(NamedTuple):
    """What the code does with a dict keyed by providers (see ``_table_uses``)."""

    lookups: list[ast.expr]  # the keys it is looked up by
    loops: list[int]  # the lines of loops calling each of its values
    writes: list[tuple[ast.expr, ast.expr]]  # items written: key, value


class _TablePicks(NamedTuple):
    """How the module's dicts keyed by providers, and its pairs of a provider's name
    and a value, give their values, by node: the providers whose keys give one, or
    the line that may pick it for grants the analysis cannot tell (``picked``); the
    lines of loops that call every value of its dict (``called``)."""

    picked: dict[int, frozenset[str] | int]
    called: dict[int, list[int]]


def _picked_by_tables(walk: _Walk, tests: ProviderTests | None) -> _TablePicks:
    """The values of dicts keyed by providers, by node: the providers whose keys give
    them where the code only looks the dict up by a grant's provider
    (``HANDLERS[grant.provider]``, ``HANDLERS.get(provider)``), and the lines where
    a loop calls each of them (``for handler in HANDLERS.values(): handler(grant_id)``);
    else the line of the dict, or of a lookup by something else (``HANDLERS[kind]``),
    which may pick any of them for any grant.  So too a value a tuple or list pairs
    with a provider's name (``("google", GmailHandler)``): which grants the code
    that reads the pair picks it for is not followed."""
    found = _TablePicks({}, {})
    if not walk.dicts and not walk.pairs:
        return found
    tests = tests or ProviderTests(walk.tree)
    picked = found.picked
    made = _settable_classes(walk)
    for table in walk.dicts:
        if not table.keys:
            continue
        keys = [tests.provider_name(key) if key is not None else "" for key in table.keys]
        if not all(keys):
            if all(key is not None and (tests.may_name_a_provider(key) or names_a_provider(
                    key)) for key in table.keys) or _may_key_by_provider(walk, table, keys):
                # Keyed by names another module binds (``{GOOGLE: GmailHandler}`` with
                # ``GOOGLE`` imported), bound at run time, or by an attribute named
                # for the provider that a class binds to one of those
                # (``{cls.provider: cls for cls in (GmailSync, GraphSync)}``), also
                # one set outside the class bodies: which provider's key gives each
                # value is not read.  Never every provider's: that would report the
                # other providers' requests missing a scope only one value needs.
                _undecided(picked, [node for value in table.values
                                    for node in _stored(value, made)], table.lineno)
            continue
        uses = _table_uses(walk, table, walk.parents.get(id(table)))
        if uses is None:
            # Returned, handed on, iterated, bound again, held by a class (looked up
            # through its instances, ``self.handlers[grant.provider]``): the code
            # that looks it up may give each value only for some providers' grants,
            # or not.  Never for every provider: that would report the other
            # providers' requests missing the scopes only one value needs.
            _undecided(picked, [node for value in table.values
                                for node in _stored(value, made)], table.lineno)
            continue
        lookups, loops, writes = uses
        values = [node for value in table.values for node in _stored(value, made)]
        for value in table.values if loops else ():
            if isinstance(value, (ast.Name, ast.Attribute)):
                found.called[id(value)] = loops
        if not lookups:
            continue  # looked up in other modules only: the judge follows it there
        unknown = [key.lineno for key in lookups if not names_a_provider(key)]
        by_value: dict[object, set[str]] = {}
        for key, written in zip(keys, table.values):
            for node in _stored(written, made):
                by_value.setdefault(structure(node), set()).add(key)
        for value in values:
            picked[id(value)] = min(unknown) if unknown else frozenset(
                by_value[structure(value)])
        for written_key, written in writes:
            # ``HANDLERS["microsoft"] = GmailHandler``: given for that key too.
            provider = tests.provider_name(written_key)
            for node in _stored(written, made):
                picked[id(node)] = min(unknown) if unknown else (
                    frozenset({provider}) if provider else written_key.lineno)
    for pair in walk.pairs:
        names, held = _pair_parts(pair)
        if any(tests.may_name_a_provider(name) for name in names):
            _undecided(picked, [node for value in held if not tests.may_name_a_provider(value)
                                for node in _stored(value, made)], getattr(pair, "lineno", 0))
    return found


def _may_key_by_provider(walk: _Walk, table: ast.Dict, keys: list[str]) -> bool:
    """Whether a dict of classes keyed by an attribute of each, some of whose keys
    the module does not show to be providers' names, may still be keyed by them:
    the attribute says provider, or some key is one.  An attribute set outside the
    class bodies (``GmailHandler.provider = "google"``) or set again anywhere is not
    read; the lookup may give each class only for some providers' grants."""
    return id(table) in walk.class_keyed and (any(keys) or any(
        key is not None and names_a_provider(key) for key in table.keys))


def _may_pair(node: ast.AST) -> bool:
    """Whether ``node`` may store or hand on a value next to a provider's name (see
    ``_pair_parts``): cheap, for the walk."""
    if isinstance(node, (ast.Tuple, ast.List)):
        return isinstance(node.ctx, ast.Load) and len(node.elts) >= 2
    if isinstance(node, ast.Call):
        return len(node.args) + len(node.keywords) >= 2 or any(
            keyword.arg in PROVIDER_NAMES for keyword in node.keywords)
    return isinstance(node, ast.Assign) and any(
        isinstance(target, ast.Subscript) for target in node.targets)


def _pair_parts(node: ast.AST) -> tuple[list[ast.expr], list[ast.expr]]:
    """What may name a provider, and the values stored or handed on next to it: a
    tuple's or list's elements (``("google", GmailHandler)``), a call's arguments
    and keywords (``register("google", GmailHandler)``, ``HANDLERS.update(
    google=GmailHandler)``), an item written (``HANDLERS["google"] = GmailHandler``)."""
    if isinstance(node, (ast.Tuple, ast.List)):
        return node.elts, node.elts
    if isinstance(node, ast.Call):
        named: list[ast.expr] = [ast.Constant(keyword.arg) for keyword in node.keywords
                                 if keyword.arg is not None]
        return [*node.args, *named], [*node.args, *(keyword.value for keyword in node.keywords)]
    if isinstance(node, ast.Assign):
        return [target.slice for target in node.targets
                if isinstance(target, ast.Subscript)], [node.value]
    return [], []


def _stored(value: ast.expr, made: AbstractSet[str] = frozenset(),
            ) -> Iterator[ast.Name | ast.Attribute]:
    """The functions and classes ``value`` holds without running anything: itself, the
    elements of a tuple or list it is (``(GmailHandler, "gmail")``), what a lambda it
    is names (``lambda grant_id: GmailHandler(grant_id)``), which runs only when it is
    called, and the class of an instance it makes of one of ``made``, the module's
    plain classes (``GmailSync()``): its methods run only when called on it.  (Its
    ``__init__`` runs for every grant, where the module is imported: no grant is
    known there to make a request with.)"""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and (
            value.func.id in made):
        yield value.func
    elif isinstance(value, (ast.Name, ast.Attribute)):
        yield value
    elif isinstance(value, (ast.Tuple, ast.List)):
        for element in value.elts:
            yield from _stored(element, made)
    elif isinstance(value, ast.Lambda):
        yield from (node for node in walk_nodes(value.body)
                    if isinstance(node, (ast.Name, ast.Attribute)))


def _table_uses(walk: _Walk, table: ast.Dict, parent: ast.AST | None) -> _TableUses | None:
    """The keys a dict keyed by providers is looked up by, the lines of the loops
    calling each of its values, and the items written into it, when the code does
    nothing else with it: bound once to a name (``HANDLERS = {...}``) that is only
    used so, or used so where it is written.  Nothing for a module-level table the
    module never reads, which other modules may look up; None for a dict used any
    other way."""
    if id(table) in walk.loose or (isinstance(parent, ast.Assign) and isinstance(
            walk.parents.get(id(parent)), ast.ClassDef)):
        return None
    uses: list[ast.expr] = [table]
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(
            target := parent.targets[0], ast.Name):
        if walk.stores[target.id] != 1 or target.id in walk.rebound:
            return None
        uses = list(walk.loads.get(target.id, []))
        if not uses and id(parent) not in walk.recorded:
            return None
    found = _TableUses([], [], [])
    for use in uses:
        key = _lookup_key(use, walk.parents)
        line = _loop_calling_each_value(use, walk.parents) if key is None else None
        written = _item_written(use, walk.parents) if key is None and line is None else None
        if key is not None:
            found.lookups.append(key)
        elif line is not None:
            found.loops.append(line)
        elif written is not None:
            found.writes.append(written)
        else:
            return None
    return found


def _item_written(node: ast.expr, parents: dict[int, ast.AST],
                  ) -> tuple[ast.expr, ast.expr] | None:
    """The key and the value of ``node[key] = value``; None for any other use."""
    item = parents.get(id(node))
    assign = parents.get(id(item))
    if isinstance(item, ast.Subscript) and item.value is node and isinstance(
            item.ctx, ast.Store) and isinstance(assign, ast.Assign) and assign.targets == [item]:
        return item.slice, assign.value
    return None


def _loop_calling_each_value(node: ast.expr, parents: dict[int, ast.AST]) -> int | None:
    """The line where ``for value in node.values():`` calls each value first thing
    (``value(grant_id)``, ``value(nylas).sync(grant_id)``): every value runs for
    whatever grant reaches that loop.  None for any other use of ``node``."""
    values = parents.get(id(node))
    call = parents.get(id(values))
    loop = parents.get(id(call))
    if not (isinstance(values, ast.Attribute) and values.attr == "values"
            and isinstance(call, ast.Call) and call.func is values
            and not call.args and not call.keywords
            and isinstance(loop, ast.For) and loop.iter is call
            and isinstance(loop.target, ast.Name)):
        return None
    first = loop.body[0]
    made = first.value if isinstance(first, ast.Expr) else None
    if isinstance(made, ast.Call) and isinstance(made.func, ast.Attribute) and isinstance(
            made.func.value, ast.Call):
        made = made.func.value  # ``value(nylas).sync(...)``: the value called first
    if isinstance(made, ast.Call) and isinstance(made.func, ast.Name) and (
            made.func.id == loop.target.id):
        return made.lineno
    return None


def _undecided(picked: dict[int, frozenset[str] | int], values: Iterable[ast.expr | None],
               line: int) -> None:
    """Leave which grants reach ``values`` to the code that picks them by ``line``,
    where nothing has read it already."""
    for value in values:
        if isinstance(value, (ast.Name, ast.Attribute)):
            picked.setdefault(id(value), line)


def _lookup_key(node: ast.expr, parents: dict[int, ast.AST]) -> ast.expr | None:
    """The key of ``table[key]`` or ``table.get(key[, default])``; None for any other
    use of the table."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return parent.slice if isinstance(parent.ctx, ast.Load) else None
    if isinstance(parent, ast.Attribute) and parent.attr == "get":
        call = parents.get(id(parent))
        if isinstance(call, ast.Call) and call.func is parent and (
                1 <= len(call.args) <= 2) and not call.keywords:
            return call.args[0]
    return None


@dataclass(frozen=True)
class _BuiltName:
    """A name built at run time: its text before and after the one part built."""

    prefix: str
    suffix: str
    part: ast.expr | None  # None when nothing of the name is known


def _names_built_at_run_time(walk: _Walk) -> Iterator[tuple[_BuiltName, int]]:
    """The names ``getattr(obj, <not a literal>)`` looks up, with their lines."""
    for node in walk.getattrs:
        yield _built_name(node.args[1]), node.lineno


def _built_name(node: ast.expr) -> _BuiltName:
    """``f"_sync_{provider}"``, ``"_sync_" + provider``: the known text around the
    one part that is not; the grant's provider itself (``grant.provider``) with no
    text around it; nothing known for other expressions."""
    if names_a_provider(node):
        return _BuiltName("", "", node)
    parts: list[ast.expr] = []
    if isinstance(node, ast.JoinedStr):
        parts = [value.value if isinstance(value, ast.FormattedValue) and (
            value.conversion == -1 and value.format_spec is None) else value
            for value in node.values]
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = _added(node)
    texts = [part.value if isinstance(part, ast.Constant) and isinstance(part.value, str)
             else None for part in parts]
    built = [index for index, text in enumerate(texts) if text is None]
    if len(built) != 1 or any(isinstance(part, ast.FormattedValue) for part in parts):
        return _BuiltName("", "", None)
    index = built[0]
    return _BuiltName("".join(str(text) for text in texts[:index]),
                      "".join(str(text) for text in texts[index + 1:]), parts[index])


def _added(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [*_added(node.left), *_added(node.right)]
    return [node]


def _pick_by_name(built: _BuiltName, name: str) -> frozenset[str] | bool:
    """Whether a name built at run time may be ``name``, a function named for a
    provider: the providers whose grants it is built for (its built part a grant's
    provider), True when it may be built for any, False when it is not that name or
    ``name`` names no provider."""
    if built.part is None:
        return _PROVIDER_WORD.search(name) is not None
    if not (name.startswith(built.prefix) and name.endswith(built.suffix)) or len(name) < (
            len(built.prefix) + len(built.suffix)):
        return False
    middle = name[len(built.prefix):len(name) - len(built.suffix)]
    if _PROVIDER_WORD.fullmatch(middle) is None:
        return False
    if names_a_provider(built.part):
        # Built from the grant's provider: only that provider's grants pick it.
        return frozenset({middle}) if middle in PROVIDER_NAMES else False
    return True
