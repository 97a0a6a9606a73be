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
* ``s:<path>``: framework state (``app.state.nylas``, ``g.nylas``, ``current_app.nylas``);
* ``c:<module>.<class>``: the bases of a class (each edge one base);
* ``t:<module>.<line>.<col>.<n>``: the elements of one container display or the
  operands of one ``or``/``+``, gathered under a name of their own.

The extractor follows a closed world: every place a symbolic value is used is either
modelled by one of these records or recorded as a :class:`Sink` (the value escapes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from sys import intern
from typing import Any, Literal, get_args

from ..spans import Span
from .empty_records import shed_empty
from .facts_values import ScopeValue
from .shared_texts import shared_texts


# What a symbolic value is (see :class:`Val`).
ValKind = Literal[
    "client", "sym", "ref", "attr", "call", "iter", "item", "box", "self", "super",
    "instance", "unknown", "part",
]
_VAL_KINDS: dict[str, ValKind] = {kind: kind for kind in get_args(ValKind)}


@dataclass(frozen=True, slots=True)
class Val:
    """A symbolic value.

    ``kind`` is one of ``client``, ``sym`` (``name`` is a symbol key), ``ref`` (``name``
    is a dotted name reached through imports), ``attr`` (attribute ``name`` of
    ``inner``), ``call`` (the result of calling ``inner``; see :class:`HandedCall`
    for one handed values), ``iter`` (an element of iterating ``inner``),
    ``item`` (``inner[...]``), ``box`` (a container whose
    elements are what ``inner`` holds), ``self`` (the instance in a method of class
    ``name``), ``super`` (``super()`` in a method of class ``name``), ``instance``
    (an instance of the class ``inner`` names, from a type annotation), ``part`` (the
    element ``index`` of the ``size`` a tuple target takes from the call ``inner``,
    ``name`` being ``"index/size"``) or ``unknown``.
    """

    kind: ValKind
    name: str = ""
    inner: Val | None = None


@dataclass(frozen=True, slots=True)
class HandedCall(Val):
    """The result of calling ``inner`` (``kind`` is ``call``) where the call is handed
    values the flow follows: ``handed``, one value or a tuple of several.

    A library the analysis cannot read may give back what it was handed
    (``get_object_or_404(Box, pk=pk)`` is an instance of ``Box``), so the resolver
    reads them where the callee is not the project's.  They are kept on the value
    itself, resolved only where that question is asked: a symbol of its own with an
    edge from each, for every call with arguments, grew the fixpoint's working sets
    by a tenth on a large project, though few such calls reach a library.
    """

    handed: Val | tuple[Val, ...] = ()

    @property
    def handed_values(self) -> tuple[Val, ...]:
        handed = self.handed
        return handed if isinstance(handed, tuple) else (handed,)


CLIENT = Val("client")
# The name of the ``unknown`` value a module imported by a name the analysis cannot
# read holds (``importlib.import_module(name)``): any module of the project, so any
# of its members may be a Nylas value.
UNREAD_MODULE = "module imported by name"
# The attribute a ``getattr`` whose name cannot be read gives: any member.
ANY_MEMBER = "*"


def slot_setters(cls: type, *names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """The setters of the slots ``names`` of a frozen dataclass ``cls``.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``:
    a value read back from the cache costs twice what setting its slots directly
    does, and a large project's cache holds hundreds of thousands of them.  Only
    the readers of this module's own JSON build values this way.
    """
    return tuple(getattr(cls, name).__set__ for name in names)


_SET_KIND, _SET_NAME, _SET_INNER = slot_setters(Val, "kind", "name", "inner")
_SPAN_SETTERS = slot_setters(Span, "path", "line", "col", "end_line", "end_col")
new_object = object.__new__


class ValTable:
    """One value per ``(kind, name, inner)`` among the records extracted from one
    module (``ValReader`` does the same for records read back from the cache).

    The same names and chains recur all over a module: sharing one value, and its
    symbol string, among the records keeps a large project's facts in memory once.
    The names of references to other modules (``flask.request``, ``nylas.APIClient``)
    recur across modules too, and are interned (2 MiB of a 2,000-module project); a
    module's own symbols are not, which would only grow the interpreter's table.
    ``inner`` comes from the same table and is kept alive by the value stored, so its
    identity stands for it.
    """

    __slots__ = ("_values", "_handed", "_shared", "_arguments")

    def __init__(self) -> None:
        self._values: dict[tuple[str, str, int], Val] = {}
        self._handed: dict[tuple[str, tuple[int, ...], int], Val] = {}
        self._shared = shared_texts()
        # Calls handed the same values (``log(user)`` again and again) share one tuple
        # of arguments, found by the identities of the table's values.
        self._arguments: dict[tuple[int, ...], tuple[Val | None, ...]] = {}

    def get(self, kind: ValKind, name: str = "", inner: Val | None = None) -> Val:
        key = (kind, name, id(inner))
        found = self._values.get(key)
        if found is None:
            # Slots set directly, as the cache's reader does (see ``slot_setters``): a
            # frozen dataclass's own ``__init__`` costs twice as much, once per value
            # of a module, on a cold run.
            found = self._values[key] = new_object(Val)
            _SET_KIND(found, kind)
            _SET_NAME(found, intern(name) if kind == "ref" else name)
            _SET_INNER(found, inner)
        return found

    def handed_call(self, callee: Val, handed: Sequence[Val]) -> Val:
        """The result of calling ``callee`` handed ``handed`` (see ``HandedCall``); a
        plain call's when it is handed nothing."""
        if not handed:
            return self.get("call", "", callee)
        key = ("call", tuple(map(id, handed)), id(callee))
        found = self._handed.get(key)
        if found is None:
            # The table's values stay alive in it, so their identities stand for them.
            found = self._handed[key] = HandedCall(
                "call", "", callee, handed[0] if len(handed) == 1 else tuple(handed))
        return found

    def symbol(self, key: str) -> str:
        """The table's copy of a symbol key."""
        return self.get("sym", key).name

    def text(self, text: str) -> str:
        """The shared copy of a text (a call or attribute chain as written), the same
        in every module of a project (see ``shared_texts``)."""
        return self._shared.text(text)

    def names(self, names: Sequence[str]) -> tuple[str, ...]:
        """The shared copy of a tuple of names (attributes, parameters)."""
        return self._shared.names(tuple(names))

    def arguments(self, values: Sequence[Val | None]) -> tuple[Val | None, ...]:
        """One tuple for the same values of this table handed to several calls."""
        key = tuple(map(id, values))
        found = self._arguments.get(key)
        if found is None:
            found = self._arguments[key] = tuple(values)
        return found


# In JSON, a module's values are rows ``[kind, name, inner]`` of one list, each value
# written once; records and inner values refer to rows by index (-1 for none).
# Reading a row builds one value, where a nested form read every record's values
# again: reading them was most of the cost of loading cached facts.
NO_VALUE = -1


class ValWriter:
    """Numbers the values of one module's records as they are written, and their
    spans."""

    __slots__ = ("rows", "_index", "path", "spans", "_spans")

    def __init__(self, path: str = "") -> None:
        # The path of the module's own spans, which are written without it: most of
        # a module's records are places in the module itself.
        self.path = path
        self.rows: list[list[Any]] = []
        # By identity: the records share their values (see ``ValTable``), which stay
        # alive while they are written.
        self._index: dict[int, int] = {}
        # The module's own ranges, each written once as four numbers of one flat list
        # and referred to by its number: a list of four per record was a third of the
        # lists a large project's cache is read back into.
        self.spans: list[int] = []
        self._spans: dict[tuple[int, int, int, int], int] = {}

    def index(self, value: Val | None) -> int:
        if value is None:
            return NO_VALUE
        known = self._index.get(id(value))
        if known is None:
            inner = self.index(value.inner)
            if isinstance(value, HandedCall):
                # The name of a handed call is always empty: its row holds the rows
                # of what it is handed there instead.
                handed = [self.index(part) for part in value.handed_values]
                known = self._index[id(value)] = len(self.rows)
                self.rows.append([value.kind, handed, inner])
                return known
            known = self._index[id(value)] = len(self.rows)
            self.rows.append([value.kind, value.name, inner])
        return known

    def span(self, span: Span) -> Any:
        """The number of a range of the module in ``spans``; a span of another file
        as ``Span.to_json`` writes it."""
        if span.path != self.path:
            return span.to_json()
        key = (span.line, span.col, span.end_line, span.end_col)
        known = self._spans.get(key)
        if known is None:
            known = self._spans[key] = len(self._spans)
            self.spans.extend(key)
        return known


class ValReader:
    """The values of one module read back from their rows; a damaged row or index is
    a ``ValueError``, so the cache entry is rebuilt."""

    __slots__ = ("_values", "_texts", "_path", "_spans", "_shared", "_arguments")

    def __init__(self, rows: Any, path: str = "", spans: Any = ()) -> None:
        self._path = path
        # As ``ValTable`` shares them: texts and names across the project, arguments
        # within the module (by their rows).
        self._shared = shared_texts()
        self._arguments: dict[tuple[Any, ...], tuple[Val | None, ...]] = {}
        # The module's own ranges, numbered as ``ValWriter.span`` wrote them: one
        # span per range, as ``SourceMap`` made them.
        self._spans = self._read_spans(spans, path)
        # One loop with local names: a large project has tens of thousands of rows.
        self._texts: dict[str, str] = {}
        share = self._texts.setdefault
        values: list[Val] = []
        append = values.append
        kinds = _VAL_KINDS
        new, set_kind, set_name, set_inner = object.__new__, _SET_KIND, _SET_NAME, _SET_INNER
        # ``row`` counts the values read so far: an inner value is an earlier row.
        for row, (written, name, inner) in enumerate(rows):
            kind = kinds.get(written) if type(written) is str else None
            if kind is None:
                raise ValueError("a value row holds no known kind")
            if type(name) is str:
                value = new(Val)
                set_name(value, intern(name) if kind == "ref" else share(name, name))
            elif type(name) is list and name and kind == "call":
                # Made by its constructor: Python 3.10 gives a slotted dataclass's
                # subclass slots of its own for the base's fields, which the base's
                # setters would not fill.
                handed = tuple(self._earlier(values, index) for index in name)
                append(HandedCall(kind, "", self._earlier(values, inner),
                                  handed[0] if len(handed) == 1 else handed))
                continue
            else:
                raise ValueError("a value row holds no name")
            set_kind(value, kind)
            if inner == NO_VALUE:
                set_inner(value, None)
            elif type(inner) is int and 0 <= inner < row:
                set_inner(value, values[inner])
            else:
                raise ValueError(f"no value row {inner!r}")
            append(value)
        self._values = values

    @staticmethod
    def _earlier(values: list[Val], index: Any) -> Val:
        if type(index) is int and 0 <= index < len(values):
            return values[index]
        raise ValueError(f"no value row {index!r}")

    def value(self, index: Any) -> Val:
        # Checked inline: a large project's records refer to values a million times.
        values = self._values
        if type(index) is int and 0 <= index < len(values):
            return values[index]
        raise ValueError(f"no value row {index!r}")

    def optional(self, index: Any) -> Val | None:
        if index == NO_VALUE:
            return None
        values = self._values
        if type(index) is int and 0 <= index < len(values):
            return values[index]
        raise ValueError(f"no value row {index!r}")

    def text(self, text: str) -> str:
        """One string for equal texts: paths, symbols, attribute names, calls."""
        return self._texts.setdefault(text, text)

    def shared_text(self, text: str) -> str:
        """The project's copy of a text that recurs across modules (see ``ValTable``)."""
        return self._shared.text(text)

    def names(self, names: Any) -> tuple[str, ...]:
        """The project's copy of a tuple of names (attributes, parameters)."""
        return self._shared.names(tuple(str(name) for name in names))

    def arguments(self, indexes: Any) -> tuple[Val | None, ...]:
        """``optionals`` of a call site's arguments, one tuple for equal rows."""
        key = tuple(indexes)
        found = self._arguments.get(key)
        if found is None:
            found = self._arguments[key] = self.optionals(key)
        return found

    def optionals(self, indexes: Any) -> tuple[Val | None, ...]:
        """``optional`` of each of ``indexes``, in one call: a call site's arguments."""
        values = self._values
        count = len(values)
        found: list[Val | None] = []
        for index in indexes:
            if index == NO_VALUE:
                found.append(None)
            elif type(index) is int and 0 <= index < count:
                found.append(values[index])
            else:
                raise ValueError(f"no value row {index!r}")
        return tuple(found)

    @staticmethod
    def _read_spans(flat: Any, path: str) -> list[Span]:
        if type(flat) is not list or len(flat) % 4 or not set(map(type, flat)) <= {int}:
            raise ValueError("a module's ranges are not four numbers each")
        spans: list[Span] = []
        append = spans.append
        set_path, set_line, set_col, set_end_line, set_end_col = _SPAN_SETTERS
        numbers = iter(flat)
        for line, col, end_line, end_col in zip(numbers, numbers, numbers, numbers):
            # Its slots set directly (see ``slot_setters``): a large project's cache
            # holds a hundred and fifty thousand ranges.
            span = new_object(Span)
            set_path(span, path)
            set_line(span, line)
            set_col(span, col)
            set_end_line(span, end_line)
            set_end_col(span, end_col)
            append(span)
        return spans

    def edges(self, rows: Any) -> list[Edge]:
        """The edges of ``Edge.to_json``'s rows, in one loop: a large project's cache
        holds a hundred thousand."""
        edges: list[Edge] = []
        append = edges.append
        share, values = self._texts.setdefault, self._values
        count = len(values)
        for target, index in rows:
            if type(target) is not str or type(index) is not int or not 0 <= index < count:
                raise ValueError(f"no edge {target!r} to value row {index!r}")
            # Its slots set directly (see ``slot_setters``).
            edge = new_object(Edge)
            _SET_TARGET(edge, share(target, target))
            _SET_VALUE(edge, values[index])
            append(edge)
        return edges

    def span(self, data: Any) -> Span:
        """A span as :meth:`ValWriter.span` wrote it."""
        if type(data) is int:
            spans = self._spans
            if 0 <= data < len(spans):
                return spans[data]
            raise ValueError(f"no range {data!r}")
        return Span.from_json(data, self.text)


@dataclass(frozen=True, slots=True)
class Edge:
    """``target`` may hold ``value``."""

    target: str
    value: Val

    def to_json(self, values: ValWriter) -> Any:
        return [self.target, values.index(self.value)]

    @classmethod
    def from_json(cls, data: Any, values: ValReader) -> Edge:
        # Its slots set directly (see ``slot_setters``): a hundred thousand edges.
        edge = new_object(cls)
        _SET_TARGET(edge, values.text(str(data[0])))
        _SET_VALUE(edge, values.value(data[1]))
        return edge


_SET_TARGET, _SET_VALUE = slot_setters(Edge, "target", "value")


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

    def to_json(self, values: ValWriter) -> Any:
        return [values.index(self.root), list(self.attrs), values.span(self.span), self.text]

    @classmethod
    def from_json(cls, data: Any, values: ValReader) -> Use:
        return cls(values.optional(data[0]), values.names(data[1]),
                   values.span(data[2]), values.shared_text(str(data[3])))


# The flags of a :class:`CallSite`.
INVOKES, MODELLED, REGISTERS, REDEFINED = 1, 2, 4, 8
_ALL_FLAGS = INVOKES | MODELLED | REGISTERS | REDEFINED


@dataclass(frozen=True, slots=True)
class ImportedRequest:
    """A call of a request method on a name another module binds (``HTTP.get(
    "events")`` with ``HTTP`` imported): the callee as a dotted name through imports,
    the request's method in upper case, and its path where one string spells it (""
    otherwise).  Whether the callee is an HTTP client made with a base URL, only the
    project index knows (see ``ModuleFacts.shared_clients``).  A callee of "" is a
    receiver no import names (``self.http.get("events")``), kept only where the path
    spells a word of a Nylas route: the call site at ``span`` tells the resolver's
    reading of it (see ``ModuleFacts.held_clients``)."""

    callee: str
    method: str
    path: str
    span: Span

    def to_json(self, values: ValWriter) -> Any:
        return [self.callee, self.method, self.path, values.span(self.span)]

    @classmethod
    def from_json(cls, data: Any, values: ValReader) -> ImportedRequest:
        return cls(values.text(str(data[0])), str(data[1]), str(data[2]),
                   values.span(data[3]))


@dataclass(frozen=True, slots=True, init=False)
class CallSite:
    """A call passing symbolic values, or calling one: to a project function
    (parameter edges), a bound Nylas method (a request), a known data sink, or
    something else (the values escape).

    ``star`` and ``double_star`` are the values of ``*args`` and ``**kwargs``
    arguments.  ``invokes`` is False when the callee is an attribute chain whose call
    is recorded as a :class:`Use` already.  A call handed over (``executor.submit(f,
    x)``) is recorded as the call ``f(x)`` it leads to, with ``callee_text`` naming
    the hand-over.

    A call given ``*args`` or ``**kwargs`` is a :class:`StarredCallSite`, which
    keeps those two values; any other has none and no slots for them: one call in
    a hundred has one, and two slots fewer make each record a sixth smaller (16 of
    96 bytes for the hundred thousand call sites of a large project).
    """

    callee: Val | None
    callee_text: str
    args: tuple[Val | None, ...]
    kwargs: tuple[tuple[str, Val], ...]
    span: Span
    # ``INVOKES``, ``MODELLED``, ``REGISTERS`` and ``REDEFINED`` (see ``call_flags``):
    # one number instead of four fields, for the hundred thousand call sites of a
    # large project.
    flags: int

    def __new__(
        cls, callee: Val | None, callee_text: str, args: tuple[Val | None, ...],
        kwargs: tuple[tuple[str, Val], ...], span: Span, star: Val | None = None,
        double_star: Val | None = None, flags: int = INVOKES,
    ) -> CallSite:
        starred = star is not None or double_star is not None
        call = new_object(StarredCallSite if starred else CallSite)
        # Through the instance's own class: Python 3.10 gives a slotted dataclass's
        # subclass slots of its own for the base's fields.
        set_slot = object.__setattr__
        set_slot(call, "callee", callee)
        set_slot(call, "callee_text", callee_text)
        set_slot(call, "args", args)
        set_slot(call, "kwargs", kwargs)
        set_slot(call, "span", span)
        set_slot(call, "flags", flags)
        if starred:
            set_slot(call, "star", star)
            set_slot(call, "double_star", double_star)
        return call

    @property
    def star(self) -> Val | None:
        """The value of a ``*args`` argument (see :class:`StarredCallSite`)."""
        return None

    @property
    def double_star(self) -> Val | None:
        """The value of a ``**kwargs`` argument (see :class:`StarredCallSite`)."""
        return None

    @property
    def invokes(self) -> bool:
        """False when the callee is an attribute chain whose call is recorded as a
        :class:`Use` already."""
        return bool(self.flags & INVOKES)

    @property
    def modelled(self) -> bool:
        """The arguments' fate is recorded elsewhere (a builtin that iterates them, a
        hand-over): unless the callee is project code, they do not escape here."""
        return bool(self.flags & MODELLED)

    @property
    def registers(self) -> bool:
        """A decorator that may hand the function it decorates to a library (a route,
        a template context processor): the library calls it and gets what it returns."""
        return bool(self.flags & REGISTERS)

    @property
    def redefined(self) -> bool:
        """A call by the name of a function taken to only read its arguments
        (``print``, ``len``, ``logging.info``) that code of the project may bind again
        (``builtins.print = spy``): what it runs, the analysis cannot tell."""
        return bool(self.flags & REDEFINED)

    @property
    def passed(self) -> tuple[Val | None, ...]:
        """Every value the call passes: positional, keyword, ``*args`` and
        ``**kwargs`` (None where there is none)."""
        return (*self.args, *(value for _, value in self.kwargs), self.star,
                self.double_star)

    def to_json(self, values: ValWriter) -> Any:
        return [
            values.index(self.callee),
            self.callee_text,
            [values.index(arg) for arg in self.args],
            [[name, values.index(value)] for name, value in self.kwargs],
            values.span(self.span),
            values.index(self.star),
            values.index(self.double_star),
            # One number for the four flags, as the call site keeps them.
            self.flags,
        ]

    @classmethod
    def from_json(cls, data: Any, values: ValReader) -> CallSite:
        optional, text = values.optional, values.text
        callee = optional(data[0])
        callee_text = values.shared_text(str(data[1]))
        args = data[2]
        args = () if args == [] else values.arguments(args)
        # Most calls pass no keyword: no generator for them.
        kwargs = data[3]
        kwargs = () if kwargs == [] else tuple(
            (text(str(name)), values.value(value)) for name, value in kwargs)
        span = values.span(data[4])
        flags = data[7]
        if type(flags) is not int or not 0 <= flags <= _ALL_FLAGS:
            raise ValueError(f"no call flags {flags!r}")
        # Most calls spread nothing: two lookups spared for them.
        star, double_star = data[5], data[6]
        if star != NO_VALUE or double_star != NO_VALUE:
            return StarredCallSite(callee, callee_text, args, kwargs, span, optional(star),
                                   optional(double_star), flags)
        # Its slots set directly (see ``slot_setters``): a large project's cache holds
        # a hundred thousand call sites.
        (set_callee, set_callee_text, set_args, set_kwargs, set_span,
         set_flags) = _CALL_SITE_SETTERS
        call = new_object(CallSite)
        set_callee(call, callee)
        set_callee_text(call, callee_text)
        set_args(call, args)
        set_kwargs(call, kwargs)
        set_span(call, span)
        set_flags(call, flags)
        return call


@dataclass(frozen=True, slots=True, init=False)
class StarredCallSite(CallSite):
    """A :class:`CallSite` given ``*args`` or ``**kwargs``: made by ``CallSite``
    itself when it is given either."""

    star: Val | None
    double_star: Val | None


def call_flags(invokes: bool = True, modelled: bool = False, registers: bool = False,
               redefined: bool = False) -> int:
    """The ``flags`` of a :class:`CallSite`."""
    return invokes * INVOKES | modelled * MODELLED | registers * REGISTERS | (
        redefined * REDEFINED)


# In the order of the fields, which ``CallSite.from_json`` unpacks them in.
_CALL_SITE_SETTERS = slot_setters(CallSite, *(item.name for item in fields(CallSite)))


@dataclass(frozen=True, slots=True)
class Sink:
    """A value used where the analysis does not follow it: it escapes.  ``what`` says
    where it went, in words for the user (``"matched by a match statement"``)."""

    value: Val
    what: str
    span: Span

    def to_json(self, values: ValWriter) -> Any:
        return [values.index(self.value), self.what, values.span(self.span)]

    @classmethod
    def from_json(cls, data: Any, values: ValReader) -> Sink:
        return cls(values.value(data[0]), str(data[1]), values.span(data[2]))


@dataclass(frozen=True, slots=True)
class Read:
    """A value only looked at (a condition, a comparison, an f-string, iterated): no
    request beyond reading it, which for a Nylas query is fetching it."""

    value: Val
    span: Span

    def to_json(self, values: ValWriter) -> Any:
        return [values.index(self.value), values.span(self.span)]

    @classmethod
    def from_json(cls, data: Any, values: ValReader) -> Read:
        return cls(values.value(data[0]), values.span(data[1]))


@dataclass(frozen=True, slots=True)
class Store:
    """``owner.attr = value`` on an object other than ``self``: the project index
    follows it when ``owner`` is an instance of a project class, else it escapes."""

    owner: Val
    attr: str
    value: Val
    span: Span

    def to_json(self, values: ValWriter) -> Any:
        return [values.index(self.owner), self.attr, values.index(self.value),
                values.span(self.span)]

    @classmethod
    def from_json(cls, data: Any, values: ValReader) -> Store:
        return cls(values.value(data[0]), values.text(str(data[1])), values.value(data[2]),
                   values.span(data[3]))


@dataclass(frozen=True, slots=True)
class Function:
    """A function or method: its parameters in order (``self``/``cls`` dropped)."""

    qualname: str
    params: tuple[str, ...]
    # ``*args`` and ``**kwargs``: they receive the arguments no parameter takes.
    vararg: str = ""
    kwarg: str = ""
    # Where it is defined.
    span: Span | None = None
    # Decorated ``@property``: reading the attribute runs it.
    is_property: bool = False
    # The length of the tuple display each of its ``return`` statements gives, when
    # they all give one of the same length and it is no generator (0 otherwise): its
    # elements are returned one by one too (``symbols.returned_element``).
    tuple_size: int = 0

    def to_json(self, values: ValWriter) -> Any:
        return [self.qualname, list(self.params), self.vararg, self.kwarg,
                values.span(self.span) if self.span is not None else None, self.is_property,
                self.tuple_size]

    @classmethod
    def from_json(cls, data: Any, values: ValReader) -> Function:
        return cls(str(data[0]), values.names(data[1]), str(data[2]), str(data[3]),
                   values.span(data[4]) if data[4] is not None else None, bool(data[5]),
                   int(data[6]))


@dataclass(frozen=True, slots=True)
class ScopeArg:
    """A scopes value passed to a call: a wrapper around ``authentication_url`` may
    receive its scopes this way.  ``position`` is -1 for a keyword argument."""

    callee: Val
    position: int
    keyword: str
    value: ScopeValue
    span: Span

    def to_json(self, values: ValWriter) -> Any:
        return [values.index(self.callee), self.position, self.keyword, self.value.to_json(),
                values.span(self.span)]

    @classmethod
    def from_json(cls, data: Any, values: ValReader) -> ScopeArg:
        return cls(values.value(data[0]), int(data[1]), str(data[2]),
                   ScopeValue.from_json(data[3]), values.span(data[4]))


# The kinds of callee named through imports or the module's own names, as a function
# is called: those whose arguments ``PlainArguments`` keeps.
NAMED_CALLEES = frozenset({"ref", "sym"})
# The keyword of a ``PlainArguments`` slot spread from ``*args`` or ``**kwargs``.
SPREAD = "*"


@dataclass(frozen=True, slots=True)
class PlainArguments:
    """Calls of a function by name (``create_app("app.config.TestConfig")``,
    ``create_app(os.environ["APP_CONFIG"])``) handed, in some of their arguments,
    values the flow does not follow, which no :class:`CallSite` shows: ``slots`` are
    those arguments, each ``(position, "", path)`` or ``(-1, keyword, path)`` (the
    keyword ``SPREAD`` for ``*args`` or ``**kwargs``, which may fill any), where
    ``path`` is the dotted name a string constant spells when it ends as a Flask
    configuration class's name does ("" for any other value).  One record per callee
    and slots in a module, however many calls share them."""

    callee: Val
    slots: tuple[tuple[int, str, str], ...]

    def to_json(self, values: ValWriter) -> Any:
        return [values.index(self.callee), [list(slot) for slot in self.slots]]

    @classmethod
    def from_json(cls, data: Any, values: ValReader) -> PlainArguments:
        return cls(values.value(data[0]), tuple(
            (int(position), str(keyword), str(path)) for position, keyword, path in data[1]))


@dataclass(slots=True)
class FlowFacts:
    functions: Sequence[Function] = ()
    classes: Sequence[str] = ()
    edges: Sequence[Edge] = ()
    uses: Sequence[Use] = ()
    calls: Sequence[CallSite] = ()
    sinks: Sequence[Sink] = ()
    scope_args: Sequence[ScopeArg] = ()
    reads: Sequence[Read] = ()
    stores: Sequence[Store] = ()
    imported_requests: Sequence[ImportedRequest] = ()
    plain_arguments: Sequence[PlainArguments] = ()
    # The calls shaped as API v3's ``create``: a Nylas chain's ``create`` given an
    # argument by position or a keyword only v3 takes (``raw.events.create(grant_id,
    # request_body={...})``, ``create(identifier=grant)``), and any other call given
    # such a keyword (a bound ``create`` called later, ``maker(request_body=...)``).
    # API v2's collections' ``create`` takes a model's fields as keywords only;
    # whether the receiver is one, the resolver says.
    v3_shaped_calls: Sequence[Span] = ()
    # Of those, the chains' ``create`` calls given an argument by position or a
    # keyword only API v3 takes: no other library's ``create`` is called so (Django's
    # related managers take fields as keywords, ``create(**fields)`` too), so on an
    # object the analysis cannot tell they may be Nylas calls.
    v3_create_calls: Sequence[Span] = ()
    # The module-level names bound to a value reading an SDK collection's or
    # resource's name (``FETCH = raw.messages.list``), each with where it is bound:
    # any module may read such a name, so a method of an object the analysis cannot
    # tell held there leaves for code that may call it unseen, counted there.
    module_chains: Sequence[tuple[str, Span]] = ()
    # (line, column) of the API v2 models' ``save()`` calls on an object certainly
    # new there (see ``new_saves``): their request is the create, not the update.
    new_saves: Sequence[tuple[int, int]] = ()

    def to_json(self, path: str = "") -> Any:
        """``path``: the module's, whose spans are written without it."""
        values = ValWriter(path)
        records = {
            "functions": [f.to_json(values) for f in self.functions],
            "classes": list(self.classes),
            "edges": [e.to_json(values) for e in self.edges],
            "uses": [u.to_json(values) for u in self.uses],
            "calls": [c.to_json(values) for c in self.calls],
            "sinks": [s.to_json(values) for s in self.sinks],
            "scope_args": [a.to_json(values) for a in self.scope_args],
            "reads": [r.to_json(values) for r in self.reads],
            "stores": [s.to_json(values) for s in self.stores],
            "imported_requests": [r.to_json(values) for r in self.imported_requests],
            "plain_arguments": [a.to_json(values) for a in self.plain_arguments],
            "v3_shaped_calls": [values.span(span) for span in self.v3_shaped_calls],
            "v3_create_calls": [values.span(span) for span in self.v3_create_calls],
            "module_chains": [[name, values.span(span)] for name, span in self.module_chains],
            "new_saves": [list(place) for place in self.new_saves],
        }
        return {"values": values.rows, "span_path": path, "spans": values.spans, **records}

    @classmethod
    def from_json(cls, data: Any) -> FlowFacts:
        path = data["span_path"]
        if not isinstance(path, str):
            raise ValueError("a flow record's path is no string")
        values = ValReader(data["values"], path, data["spans"])
        facts = cls(
            [Function.from_json(f, values) for f in data["functions"]],
            [str(c) for c in data["classes"]],
            values.edges(data["edges"]),
            [Use.from_json(u, values) for u in data["uses"]],
            [CallSite.from_json(c, values) for c in data["calls"]],
            [Sink.from_json(s, values) for s in data["sinks"]],
            [ScopeArg.from_json(a, values) for a in data["scope_args"]],
            [Read.from_json(r, values) for r in data["reads"]],
            [Store.from_json(s, values) for s in data["stores"]],
            [ImportedRequest.from_json(r, values)
             for r in data.get("imported_requests", ())],
            [PlainArguments.from_json(a, values) for a in data.get("plain_arguments", ())],
            [values.span(span) for span in data.get("v3_shaped_calls", ())],
            [values.span(span) for span in data.get("v3_create_calls", ())],
            [(values.text(str(name)), values.span(span))
             for name, span in data.get("module_chains", ())],
            [(int(line), int(column)) for line, column in data.get("new_saves", ())],
        )
        shed_empty(facts)
        return facts
