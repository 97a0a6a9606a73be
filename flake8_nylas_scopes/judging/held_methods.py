"""The methods of a class another module holds instances of, each reached on its own.

A module often makes an instance of another module's class for any grant and calls
its methods only for some providers::

    # app/sync.py
    from .labels import Labels

    class Syncer:
        def __init__(self, nylas):
            self.labels = Labels(nylas)          # app.labels.Labels.__init__

        def run(self, grant):
            if grant.provider == "google":
                self.labels.create(grant.id)     # app.labels.Labels.create

The module records where it makes the instances and where it calls each method, when
it does nothing else with them (see ``guarded_callables``).  The constructor then
runs for any grant, but ``create`` only where it is called: here each method is
given the reaches that may run it, so that it can be kept to providers on its own.

A method is given none when the analysis cannot be sure those are all: an instance
held where another module may read it (an attribute of that name read anywhere
else, a module-level name another module names or star-imports), a class with
bases (a base's code may call the method), a method its own class reads other than
to call it on ``self`` (``self.create`` handed on, a ``getattr(self, name)`` that
may read it), or a module without flow records.  Any other use of the class, in any
module, counts for every method.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from ..analysis.facts import ModuleFacts
from ..analysis.flow_facts import FlowFacts, Val
from ..analysis.guard_reaches import Reach
from ..analysis.member_patterns import is_pattern, member_matches
from ..analysis.symbols import ATTRIBUTE, BASES, GLOBAL, LOCAL, qualified_name
from .flow_names import referenced_names

# The member a held instance's constructor is recorded under.
_CONSTRUCTOR = "__init__"
# (path, first line, last line, the reaches that may run it).
MethodReaches = tuple[str, int, int, list[tuple[str, Reach]]]


class ReadNames:
    """The attributes and the dotted names each module's flow records read, worked
    out once a module is first asked about."""

    def __init__(self) -> None:
        self._attributes: dict[str, frozenset[str]] = {}
        self._references: dict[str, frozenset[str]] = {}

    def attributes(self, path: str, flow: FlowFacts) -> frozenset[str]:
        found = self._attributes.get(path)
        if found is None:
            found = self._attributes[path] = frozenset(_member_names(flow))
        return found

    def references(self, path: str, flow: FlowFacts) -> frozenset[str]:
        found = self._references.get(path)
        if found is None:
            found = self._references[path] = frozenset(referenced_names(flow))
        return found


def held_method_reaches(name: str, path: str, reaches: list[tuple[str, Reach]],
                        members: list[tuple[str, str, Reach]],
                        modules: Mapping[str, ModuleFacts],
                        read: ReadNames) -> dict[str, MethodReaches]:
    """By dotted name, each method of the class ``name`` (defined at ``path``) that
    held instances reach, with its lines and the reaches that may run it: every
    reach of the class (``reaches``, its own module's first) but where a module
    makes an instance only to hold it (``members``: the reaches of its members by
    the member's name, ``__init__`` for those), and its own ``self.method(...)``
    calls.  Empty when any of that cannot be told.  ``read``: what each module
    reads, shared by the classes of one project."""
    holders = sorted({where for where, member, _ in members if member == _CONSTRUCTOR})
    facts = modules[path]
    if not holders or facts.flow is None or not _held_only_there(name, holders, modules, read):
        return {}
    flow = facts.flow
    if any(edge.target == BASES + name for edge in flow.edges):
        return {}
    made = Counter((where, id(reach)) for where, member, reach in members
                   if member == _CONSTRUCTOR)
    common: list[tuple[str, Reach]] = []
    for where, reach in reaches:
        if made[where, id(reach)]:
            made[where, id(reach)] -= 1  # the instance's constructor only
        else:
            common.append((where, reach))
    found: dict[str, MethodReaches] = {}
    for function in flow.functions:
        owner, _, method = function.qualname.rpartition(".")
        if owner != name or method.startswith("__") or function.span is None:
            continue
        own = _own_calls(flow, f"{ATTRIBUTE}{name}.{method}", method)
        if own is None:
            continue
        found[function.qualname] = (path, function.span.line, function.span.end_line,
                                    [*common, *([(path, Reach.of(own))] if own else [])])
    return found


def _held_only_there(name: str, holders: list[str], modules: Mapping[str, ModuleFacts],
                     read: ReadNames) -> bool:
    """Whether what holds the instances of ``name`` in each of ``holders`` is read
    in that module alone: no other module (another holder included) reads an
    attribute of its name, names it as a module's global or star-imports its
    module."""
    for holder in holders:
        flow = modules[holder].flow
        if flow is None:
            return False
        targets = [edge.target for edge in flow.edges if _makes(edge.value, name)]
        if not targets or not all(target.startswith((ATTRIBUTE, GLOBAL, LOCAL))
                                  for target in targets):
            return False
        # A global is read as an attribute of its module too (``sync.labels``).
        attributes = {qualified_name(target).rpartition(".")[2] for target in targets
                      if not target.startswith(LOCAL)}
        globals_ = {qualified_name(target) for target in targets if target.startswith(GLOBAL)}
        module = modules[holder].module
        for path, facts in modules.items():
            if path == holder:
                continue
            if facts.flow is None:
                return False
            if attributes and attributes.intersection(read.attributes(path, facts.flow)):
                return False
            if globals_ and (globals_.intersection(read.references(path, facts.flow)) or any(
                    star.module == module for star in facts.star_imports)):
                return False
    return True


def _makes(value: Val, name: str) -> bool:
    """``name(...)``: an instance of the class ``name``."""
    inner = value.inner
    return value.kind == "call" and inner is not None and inner.kind == "ref" and (
        inner.name == name)


def _member_names(flow: FlowFacts) -> Iterator[str]:
    """The attributes a module reads on any value, wherever the value goes (handed
    to a call too), ``self.<attr>`` of its classes among them."""
    for use in flow.uses:
        yield from use.attrs
    for value, _ in _values(flow):
        if value.kind == "attr":
            yield value.name
        elif value.kind == "sym" and value.name.startswith(ATTRIBUTE):
            yield value.name.rpartition(".")[2]


def _own_calls(flow: FlowFacts, key: str, method: str) -> tuple[int, ...] | None:
    """The lines where the class's own code calls ``self.<method>(...)`` (``key``
    is that attribute's symbol); None when it reads it any other way, or reads a
    member by a name that may be it."""
    lines: list[int] = []
    for value, callee_line in _values(flow):
        if value.kind == "attr" and is_pattern(value.name) and member_matches(
                value.name, method):
            return None
        if value.name != key or value.kind != "sym":
            continue
        if not callee_line:
            return None
        lines.append(callee_line)
    if any(edge.target == key for edge in flow.edges):
        return None  # a method replaced on the instance
    return tuple(lines)


def _values(flow: FlowFacts) -> Iterator[tuple[Val, int]]:
    """Every value the module's flow records hold, each link of a chain on its own,
    with the line of the call when it is the one a call calls (0 otherwise)."""
    roots: list[tuple[Val | None, int]] = [(edge.value, 0) for edge in flow.edges]
    for call in flow.calls:
        roots.append((call.callee, call.span.line))
        roots += [(value, 0) for value in _call_arguments(call.args, call.kwargs)]
        roots += [(call.star, 0), (call.double_star, 0)]
    roots += [(use.root, 0) for use in flow.uses]
    roots += [(sink.value, 0) for sink in flow.sinks]
    roots += [(read.value, 0) for read in flow.reads]
    for store in flow.stores:
        roots += [(store.owner, 0), (store.value, 0)]
    for value, line in roots:
        while value is not None:
            yield value, line
            value, line = value.inner, 0


def _call_arguments(args: Iterable[Val | None],
                    kwargs: Iterable[tuple[str, Val]]) -> Iterator[Val | None]:
    yield from args
    yield from (value for _, value in kwargs)
