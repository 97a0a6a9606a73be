"""Which codes are reported: flake8's select/ignore semantics for our codes.

flake8 decides per code from four lists: ``select`` and ``ignore`` (which replace the
defaults when given) and ``extend-select`` and ``extend-ignore`` (which add to them).
Our default selection is every ``NYS`` code, our default ignore list the codes that
are off by default.  An explicit choice beats a default, and when a code is chosen
both ways with the same standing, the longer prefix wins.  This module reproduces
``flake8.style_guide.DecisionEngine`` for our codes, so that the CLI and the plugin
agree on what a configuration selects.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from ..codes import CODES, DEFAULT_OFF

# The prefix of the plugin's flake8 entry point: flake8 selects it by default.
PLUGIN_PREFIX = "NYS"


def parse_codes(value: str) -> tuple[str, ...]:
    """Codes from a comma- or whitespace-separated string, as flake8 splits them."""
    return tuple(value.replace(",", " ").split())


class _Choice(enum.Enum):
    EXPLICIT = "explicit"
    IMPLICIT = "implicit"
    NONE = "none"


def _longest_first(prefixes: Iterable[str]) -> tuple[str, ...]:
    # flake8 sorts in reverse, which puts a longer prefix before its own shorter ones.
    return tuple(sorted(prefixes, reverse=True))


@dataclass(frozen=True)
class Selection:
    """The four flake8 lists; ``None`` means the option was not given."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()

    def extended_ignore(self, codes: Sequence[str]) -> Selection:
        """This selection with ``codes`` added to ``extend-ignore`` (per-file-ignores)."""
        return replace(self, extend_ignore=(*self.extend_ignore, *codes))

    def enabled(self, code: str) -> bool:
        return code in self._enabled_codes

    @cached_property
    def _enabled_codes(self) -> frozenset[str]:
        # Decided once per selection: the analysis asks for every candidate finding.
        return frozenset(code for code in CODES if self._decide(code))

    def _decide(self, code: str) -> bool:
        selected_explicitly = _longest_first([*(self.select or ()), *self.extend_select])
        ignored_explicitly = _longest_first([*(self.ignore or ()), *self.extend_ignore])
        default_select = (PLUGIN_PREFIX,) if self.select is None else self.select
        default_ignore = tuple(DEFAULT_OFF) if self.ignore is None else self.ignore
        selected = _longest_first([*default_select, *self.extend_select])
        ignored = _longest_first([*default_ignore, *self.extend_ignore])

        def choice(explicit: tuple[str, ...], any_: tuple[str, ...]) -> _Choice:
            if code.startswith(explicit):
                return _Choice.EXPLICIT
            if code.startswith(any_):
                return _Choice.IMPLICIT
            return _Choice.NONE

        chosen = choice(selected_explicitly, selected)
        dropped = choice(ignored_explicitly, ignored)
        if dropped is _Choice.NONE:
            return chosen is not _Choice.NONE
        if chosen is _Choice.NONE:
            return False
        if chosen is _Choice.EXPLICIT and dropped is _Choice.IMPLICIT:
            return True
        if chosen is _Choice.IMPLICIT and dropped is _Choice.EXPLICIT:
            return False
        # Chosen both ways with the same standing: the longer prefix wins.
        select = next(prefix for prefix in selected if code.startswith(prefix))
        ignore = next(prefix for prefix in ignored if code.startswith(prefix))
        return len(select) > len(ignore)
