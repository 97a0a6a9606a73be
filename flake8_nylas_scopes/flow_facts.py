"""Symbolic values and flow records: how Nylas clients move through a module.

The extractor describes what each interesting expression holds *symbolically*
(a client, a name bound elsewhere, the result of calling something); the project
index resolves the symbols across modules.  Everything is JSON-serialisable so that
module facts can be cached.

Symbol keys:

* ``g:<module>.<name>``: a module global;
* ``l:<module>.<function>.<name>``: a local of a function (every binding adds an edge);
* ``p:<module>.<function>.<name>``: a parameter;
* ``r:<module>.<function>``: what a function returns;
* ``a:<module>.<class>.<attr>``: an instance attribute (``self.<attr>``);
* ``s:<path>``: framework state (``app.state.nylas``, ``g.nylas``, ``current_app.nylas``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .facts_values import ScopeValue
from .spans import Span


@dataclass(frozen=True, slots=True)
class Val:
    """A symbolic value.

    ``kind`` is one of ``client``, ``sym`` (``name`` is a symbol key), ``ref`` (``name``
    is a dotted name reached through imports), ``attr`` (attribute ``name`` of
    ``inner``), ``call`` (the result of calling ``inner``), ``iter`` (an element of
    iterating ``inner``) or ``item`` (``inner[...]``).
    """

    kind: str
    name: str = ""
    inner: Val | None = None

    def to_json(self) -> Any:
        if self.inner is None:
            return [self.kind, self.name]
        return [self.kind, self.name, self.inner.to_json()]


CLIENT = Val("client")


def sym(key: str) -> Val:
    return Val("sym", key)


class ValTable:
    """One value per ``(kind, name, inner)`` among the records of one module.

    The same names and chains recur all over a module: sharing one value, and its
    symbol string, among the records keeps a large project's facts in memory once,
    whether they were just extracted or read back from the cache.  ``inner`` comes
    from the same table and is kept alive by the value stored, so its identity stands
    for it.
    """

    __slots__ = ("_values", "_texts")

    def __init__(self) -> None:
        self._values: dict[tuple[str, str, int], Val] = {}
        self._texts: dict[str, str] = {}

    def get(self, kind: str, name: str = "", inner: Val | None = None) -> Val:
        key = (kind, name, id(inner))
        found = self._values.get(key)
        if found is None:
            found = self._values[key] = Val(kind, name, inner)
        return found

    def symbol(self, key: str) -> str:
        """The table's copy of a symbol key."""
        return self.get("sym", key).name

    def text(self, text: str) -> str:
        """The table's copy of other text read back: paths, attribute names, calls."""
        return self._texts.setdefault(text, text)

    def read(self, data: Any) -> Val:
        """A value from its JSON form."""
        inner = self.read(data[2]) if len(data) > 2 else None
        return self.get(str(data[0]), str(data[1]), inner)

    def read_optional(self, data: Any) -> Val | None:
        return self.read(data) if data is not None else None


@dataclass(frozen=True, slots=True)
class Edge:
    """``target`` may hold ``value``."""

    target: str
    value: Val

    def to_json(self) -> Any:
        return [self.target, self.value.to_json()]

    @classmethod
    def from_json(cls, data: Any, table: ValTable) -> Edge:
        return cls(table.symbol(str(data[0])), table.read(data[1]))


@dataclass(frozen=True, slots=True)
class Use:
    """An attribute chain that may be a Nylas operation: ``root.attrs[0].attrs[1]...``.

    ``root`` is None when the chain starts at something the extractor cannot describe
    (it then only matters if it looks like a Nylas collection access).  ``text`` is the
    chain as written, for messages.
    """

    root: Val | None
    attrs: tuple[str, ...]
    span: Span
    text: str

    def to_json(self) -> Any:
        return [
            self.root.to_json() if self.root else None,
            list(self.attrs),
            self.span.to_json(),
            self.text,
        ]

    @classmethod
    def from_json(cls, data: Any, table: ValTable) -> Use:
        return cls(table.read_optional(data[0]), tuple(table.text(str(a)) for a in data[1]),
                   Span.from_json(data[2], table.text), table.text(str(data[3])))


@dataclass(frozen=True, slots=True)
class CallSite:
    """A call passing symbolic values: to a project function (parameter edges) or to
    something else (the values escape)."""

    callee: Val | None
    callee_text: str
    args: tuple[Val | None, ...]
    kwargs: tuple[tuple[str, Val], ...]
    span: Span

    def to_json(self) -> Any:
        return [
            self.callee.to_json() if self.callee else None,
            self.callee_text,
            [arg.to_json() if arg else None for arg in self.args],
            [[name, value.to_json()] for name, value in self.kwargs],
            self.span.to_json(),
        ]

    @classmethod
    def from_json(cls, data: Any, table: ValTable) -> CallSite:
        return cls(
            table.read_optional(data[0]),
            table.text(str(data[1])),
            tuple(table.read_optional(arg) for arg in data[2]),
            tuple((table.text(str(name)), table.read(value)) for name, value in data[3]),
            Span.from_json(data[4], table.text),
        )


@dataclass(frozen=True, slots=True)
class Sink:
    """A value stored where the analysis cannot follow it (a container, ``getattr``)."""

    value: Val
    what: str
    span: Span

    def to_json(self) -> Any:
        return [self.value.to_json(), self.what, self.span.to_json()]

    @classmethod
    def from_json(cls, data: Any, table: ValTable) -> Sink:
        return cls(table.read(data[0]), str(data[1]), Span.from_json(data[2], table.text))


@dataclass(frozen=True, slots=True)
class Function:
    """A function or method: its parameters in order (``self``/``cls`` dropped)."""

    qualname: str
    params: tuple[str, ...]

    def to_json(self) -> Any:
        return [self.qualname, list(self.params)]

    @classmethod
    def from_json(cls, data: Any) -> Function:
        return cls(str(data[0]), tuple(str(p) for p in data[1]))


@dataclass(frozen=True, slots=True)
class ScopeArg:
    """A scopes value passed to a call: a wrapper around ``authentication_url`` may
    receive its scopes this way.  ``position`` is -1 for a keyword argument."""

    callee: Val
    position: int
    keyword: str
    value: ScopeValue
    span: Span

    def to_json(self) -> Any:
        return [self.callee.to_json(), self.position, self.keyword, self.value.to_json(),
                self.span.to_json()]

    @classmethod
    def from_json(cls, data: Any, table: ValTable) -> ScopeArg:
        return cls(table.read(data[0]), int(data[1]), str(data[2]),
                   ScopeValue.from_json(data[3]), Span.from_json(data[4], table.text))


@dataclass
class FlowFacts:
    functions: list[Function] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    uses: list[Use] = field(default_factory=list)
    calls: list[CallSite] = field(default_factory=list)
    sinks: list[Sink] = field(default_factory=list)
    scope_args: list[ScopeArg] = field(default_factory=list)

    def to_json(self) -> Any:
        return {
            "functions": [f.to_json() for f in self.functions],
            "classes": list(self.classes),
            "edges": [e.to_json() for e in self.edges],
            "uses": [u.to_json() for u in self.uses],
            "calls": [c.to_json() for c in self.calls],
            "sinks": [s.to_json() for s in self.sinks],
            "scope_args": [a.to_json() for a in self.scope_args],
        }

    @classmethod
    def from_json(cls, data: Any) -> FlowFacts:
        table = ValTable()
        return cls(
            [Function.from_json(f) for f in data["functions"]],
            [str(c) for c in data["classes"]],
            [Edge.from_json(e, table) for e in data["edges"]],
            [Use.from_json(u, table) for u in data["uses"]],
            [CallSite.from_json(c, table) for c in data["calls"]],
            [Sink.from_json(s, table) for s in data["sinks"]],
            [ScopeArg.from_json(a, table) for a in data["scope_args"]],
        )
