"""Findings: what the rules report, and the edit that would fix each one."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from .places import PathNamer, display_path, render
from .spans import Span


class FixAction(enum.Enum):
    REMOVE = "remove"  # drop the scope item
    REPLACE = "replace"  # replace the item by ``replacement`` (one or more scopes)
    # Append ``replacement`` to the scope list written at ``span`` (``part`` unused).
    APPEND = "append"
    # Give the auth call at ``span`` a scopes value holding ``replacement``.
    SET_SCOPES = "set_scopes"
    # Turn the string literal at ``span`` (whose value is ``text``) into a list of
    # ``replacement`` (a v3 ``scope`` given as a str).
    WRAP = "wrap"


@dataclass(frozen=True)
class Fix:
    """An edit of one scope item, as the codemod will apply it.

    Whether it is safe to apply unasked comes from the finding's code (the registry's
    ``fix`` column), not from here.

    ``span`` and ``part`` identify the item (``part`` is its index among the
    comma-separated parts of a bare string); ``text`` is the item as written.
    """

    action: FixAction
    span: Span
    part: int
    text: str
    replacement: tuple[str, ...] = ()

    def to_json(self) -> list[Any]:
        return [self.action.value, self.span.to_json(), self.part, self.text,
                list(self.replacement)]

    @classmethod
    def from_json(cls, data: list[Any]) -> Fix:
        action, span, part, text, replacement = data
        return cls(FixAction(action), Span.from_json(span), int(part), str(text),
                   tuple(str(scope) for scope in replacement))


@dataclass(frozen=True)
class Finding:
    """``template`` is the message, ``evidence`` the trail from call site to endpoint
    to scope, one step per entry; both may mark ``places`` (see :mod:`.places`), which
    are shown as paths only when the finding is written out."""

    code: str
    span: Span
    template: str
    fix: Fix | None = None
    evidence: tuple[str, ...] = ()
    places: tuple[Span, ...] = ()

    @property
    def message(self) -> str:
        """The message with its places relative to the current directory."""
        return render(self.template, self.places)

    def evidence_for(self, name: PathNamer = display_path) -> list[str]:
        return [render(step, self.places, name) for step in self.evidence]

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.span.path, self.span.line, self.span.col, self.code, self.template)

    def to_json(self) -> list[Any]:
        return [self.code, self.span.to_json(), self.template,
                self.fix.to_json() if self.fix is not None else None, list(self.evidence),
                [place.to_json() for place in self.places]]

    @classmethod
    def from_json(cls, data: list[Any]) -> Finding:
        code, span, template, fix, evidence, places = data
        return cls(str(code), Span.from_json(span), str(template),
                   Fix.from_json(fix) if fix is not None else None,
                   tuple(str(step) for step in evidence),
                   tuple(Span.from_json(place) for place in places))
