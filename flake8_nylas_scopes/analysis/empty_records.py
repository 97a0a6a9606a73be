"""Shared empty records for the facts of modules that hold nothing of a kind.

Most modules of a project have no scope sites, no guards, no raw requests: one empty
list or dict per field and module is a few MiB across two thousand modules, all of it
alive while the project is judged.  Facts are read-only once built, so every empty
field can be the same immutable object.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from types import MappingProxyType
from typing import Any

_NO_ENTRIES: Mapping[Any, Any] = MappingProxyType({})
# By dataclass: its fields typed ``Sequence`` or ``Mapping``.
_SHARED_FIELDS: dict[type, tuple[str, ...]] = {}
_SEQUENCES = (list, tuple)


def no_entries() -> Mapping[Any, Any]:
    """The shared empty mapping: the default of a facts field that maps."""
    return _NO_ENTRIES


def shed_empty(record: Any) -> None:
    """Give each empty list and dict of ``record`` (a dataclass of facts whose fields
    are typed ``Sequence`` or ``Mapping``) the shared empty record of its kind."""
    kind = type(record)
    names = _SHARED_FIELDS.get(kind)
    if names is None:
        # Annotations are text here (``from __future__ import annotations``).
        names = _SHARED_FIELDS[kind] = tuple(
            field.name for field in fields(record)
            if str(field.type).startswith(("Sequence[", "Mapping[")))
    for name in names:
        value = getattr(record, name)
        # An empty tuple too: before Python 3.11, ``tuple()`` of an empty generator
        # (a field read back through a comprehension) is a new object each time.
        if value.__class__ in _SEQUENCES and not value:
            setattr(record, name, ())
        elif value.__class__ is dict and not value:
            setattr(record, name, _NO_ENTRIES)
