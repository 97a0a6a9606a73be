"""Scope values as read from the code: items, and whether the value is complete."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from ..spans import Span


class ItemForm(enum.Enum):
    # One element of a list/tuple/set (or of the list given to ",".join).
    LIST_ITEM = "list_item"
    # One comma-separated part of a bare string, the documented wire format.
    STRING_PART = "string_part"


@dataclass(frozen=True, slots=True)
class ScopeItem:
    """One scope as written: ``text`` is the raw text, ``span`` where it is written.

    For a bare string ``"a,b"`` each part is its own item sharing the string's span;
    ``part`` is its index among the string's comma-separated parts.
    """

    text: str
    span: Span
    form: ItemForm
    part: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"t": self.text, "s": self.span.to_json(), "f": self.form.value, "p": self.part}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScopeItem:
        return cls(
            str(data["t"]), Span.from_json(data["s"]), ItemForm(data["f"]), int(data["p"])
        )


class Splice(NamedTuple):
    """Another module's constant read into a value's items at ``at`` (by the project
    index): a list spliced in (``[*BASE, "x"]``, ``BASE + [...]``), or with
    ``one_item`` a string standing as one item (``[consts.SCOPE_SEND, "calendar"]``),
    or with ``split`` a string split on that separator ("" for whitespace:
    ``conf.SCOPES.split(",")``, ``conf.SCOPES.split()``)."""

    at: int
    reference: str
    one_item: bool = False
    split: str | None = None


class ValueState(enum.Enum):
    ITEMS = "items"  # the value resolved to items (complete or not)
    MISSING = "missing"  # no scopes argument: the SDK default applies
    EMPTY = "empty"  # None, "", [] or (): no scopes parameter is sent
    UNRESOLVED = "unresolved"  # the analysis cannot tell what the value is


@dataclass(frozen=True, slots=True)
class ScopeValue:
    """What a scopes argument resolves to.

    ``complete`` is False when some element could not be resolved (a call, a name
    from elsewhere): rules that need to know a scope is *absent* then stay silent.
    ``reference`` names a constant defined in another module (``pkg.settings.SCOPES``)
    that the project index resolves; ``reason`` says why a value is unresolved.
    """

    state: ValueState
    items: tuple[ScopeItem, ...] = ()
    complete: bool = True
    reference: str = ""
    reason: str = ""
    # Where the value is written (for an empty value, the finding points here).
    span: Span | None = None
    # The value is one of these, each a request the app can make (a tiered
    # ``if``/``elif``, ``A if pro else B``, a function with several returns).  The
    # value itself is then UNRESOLVED: a reader that does not expand it stays silent.
    alternatives: tuple[ScopeValue, ...] = ()
    # Constants of other modules read into ``items``, in the order written: lists
    # spliced in (``[*BASE, "x"]``, ``BASE + [...]`` with ``BASE`` imported) and strings
    # standing as one item (``[consts.SCOPE_SEND]``).  ``complete`` is then False;
    # ``rest_complete`` says whether the value is complete but for them.
    splices: tuple[Splice, ...] = ()
    rest_complete: bool = True
    # Where the project index read the value from, when that is configuration the
    # code names indirectly (``django.conf.settings.NYLAS_SCOPES in proj.settings``).
    # Set while judging a project, never cached.
    origin: str = ""
    # Built as a set (``set(BASE + [...])``, ``dict.fromkeys(...)``): a scope written
    # twice among its items is requested once (no NYS103), also once other modules'
    # lists are read in.
    distinct: bool = False
    # The first item of the module's own that cannot be read, as written and
    # shortened (``os.environ["EXTRA_SCOPE"]``), where ``complete`` is False for it:
    # what NYS304 names.
    unread: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "span": self.span.to_json() if self.span else None,
            "state": self.state.value,
            "items": [item.to_json() for item in self.items],
            "complete": self.complete,
            "reference": self.reference,
            "reason": self.reason,
        }
        if self.alternatives:
            data["alternatives"] = [value.to_json() for value in self.alternatives]
        if self.splices:
            data["splices"] = [_splice_json(splice) for splice in self.splices]
            data["rest_complete"] = self.rest_complete
        if self.distinct:
            data["distinct"] = True
        if self.unread:
            data["unread"] = self.unread
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScopeValue:
        return cls(
            ValueState(data["state"]),
            tuple(ScopeItem.from_json(item) for item in data["items"]),
            bool(data["complete"]),
            str(data["reference"]),
            str(data["reason"]),
            Span.from_json(data["span"]) if data["span"] is not None else None,
            tuple(cls.from_json(value) for value in data.get("alternatives", ())),
            tuple(_splice_from_json(splice) for splice in data.get("splices", ())),
            bool(data.get("rest_complete", True)),
            distinct=bool(data.get("distinct", False)),
            unread=str(data.get("unread", "")),
        )

    def as_set(self) -> ScopeValue:
        """The value kept in a set: its items are still each written where they are
        (a fix removes a scope everywhere it is written), but none is a second
        request of a scope."""
        return replace(self, distinct=True, alternatives=tuple(
            value.as_set() for value in self.alternatives))


def _splice_json(splice: Splice) -> list[Any]:
    """``[at, reference]``, with ``1`` after it for one item, or ``0`` and the
    separator for a split string."""
    at, reference, one_item, split = splice
    if split is not None:
        return [at, reference, 0, split]
    return [at, reference, 1] if one_item else [at, reference]


def _splice_from_json(data: list[Any]) -> Splice:
    split = str(data[3]) if len(data) > 3 else None
    return Splice(int(data[0]), str(data[1]), len(data) > 2 and bool(data[2]), split)


@dataclass(frozen=True, slots=True)
class UrlPart:
    """One piece of a URL or path built from strings: literal ``text``, or the value
    of a module constant named by ``reference`` (``pkg.constants.SEND_URI``), read
    across modules by the project index.  For a reference, ``text`` is what stands in
    when the constant cannot be read: a hole, followed by the name when it names
    Nylas (``settings.NYLAS_API_SERVER``)."""

    text: str
    reference: str = ""

    def to_json(self) -> Any:
        return [self.text, self.reference] if self.reference else self.text

    @classmethod
    def from_json(cls, data: Any) -> UrlPart:
        if isinstance(data, list):
            return cls(str(data[0]), str(data[1]))
        return cls(str(data))


def url_fallback_text(parts: tuple[UrlPart, ...]) -> str:
    """The text of a URL with every reference left as its stand-in."""
    return "".join(part.text for part in parts)


class ParameterKind(enum.Enum):
    """What a function's parameter stands for when a value comes from its callers."""

    SCOPES = "param"  # the scopes a wrapper passes on to the SDK
    BODY = "body"  # a native-auth body a helper posts
    # The object an application factory loads Flask's configuration from
    # (``def create_app(config_class=Config): app.config.from_object(config_class)``).
    CONFIG = "config"


@dataclass(frozen=True)
class ParameterReference:
    """A parameter of a project function (``pkg.module.Class.method``), by position and
    name, whose value the project index reads from the function's callers.

    Kept in facts as text (:meth:`text`), read back with :meth:`parse`: both ends of
    the encoding live here.
    """

    kind: ParameterKind
    function: str
    position: int
    name: str

    def text(self) -> str:
        return f"{self.kind.value}:{self.function}#{self.position}#{self.name}"

    @classmethod
    def parse(cls, text: str) -> ParameterReference | None:
        """The reference ``text`` encodes; None for any other reference."""
        kind_text, colon, rest = text.partition(":")
        kinds = {kind.value: kind for kind in ParameterKind}
        parts = rest.split("#")
        if not colon or kind_text not in kinds or len(parts) != 3 or not parts[1].isdigit():
            return None
        return cls(kinds[kind_text], parts[0], int(parts[1]), parts[2])
