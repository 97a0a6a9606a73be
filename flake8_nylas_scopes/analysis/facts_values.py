"""Scope values as read from the code: items, and whether the value is complete."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

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

    def to_json(self) -> dict[str, Any]:
        return {
            "span": self.span.to_json() if self.span else None,
            "state": self.state.value,
            "items": [item.to_json() for item in self.items],
            "complete": self.complete,
            "reference": self.reference,
            "reason": self.reason,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScopeValue:
        return cls(
            ValueState(data["state"]),
            tuple(ScopeItem.from_json(item) for item in data["items"]),
            bool(data["complete"]),
            str(data["reference"]),
            str(data["reason"]),
            Span.from_json(data["span"]) if data["span"] is not None else None,
        )
