"""The order in which Python looks a method up in the classes of the project.

``self.handle(m)`` in a base class runs the first ``handle`` in the method resolution
order of the object's own class, which may be a mixin beside the base; ``super().x``
in a class runs the first ``x`` after that class in the same order.  Both follow the
C3 linearisation Python uses, over the project's classes only (a library base adds
no method the analysis could follow).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

# A class as an order holds it: its name, or its statement.
_Class = TypeVar("_Class")


def linearize(name: str, bases: Mapping[str, Sequence[str]]) -> list[str] | None:
    """The method resolution order of the class ``name`` (itself first), from each
    class's direct bases in the order they are written; None when there is none
    (inconsistent orders or a cycle, which Python would refuse)."""
    found: dict[str, list[str] | None] = {}
    return _linearize(name, bases, found, ())


def _linearize(name: str, bases: Mapping[str, Sequence[str]],
               found: dict[str, list[str] | None], path: tuple[str, ...]
               ) -> list[str] | None:
    if name in found:
        return found[name]
    if name in path or len(path) > 50:
        return None
    direct = list(bases.get(name, ()))
    sequences: list[list[str]] = []
    for base in direct:
        order = _linearize(base, bases, found, (*path, name))
        if order is None:
            found[name] = None
            return None
        sequences.append(list(order))
    sequences.append(direct)
    merged = c3_merge(sequences)
    found[name] = [name, *merged] if merged is not None else None
    return found[name]


def c3_merge(sequences: Sequence[Sequence[_Class]]) -> list[_Class] | None:
    """C3's merge of the bases' orders and the bases themselves; None where no order
    exists (Python refuses such a class).  Shared by the project's classes by name
    and by a module's class statements."""
    merged: list[_Class] = []
    pending = [list(sequence) for sequence in sequences if sequence]
    while pending:
        head = next((sequence[0] for sequence in pending
                     if not any(sequence[0] in other[1:] for other in pending)), None)
        if head is None:
            return None
        merged.append(head)
        pending = [rest for sequence in pending
                   if (rest := [item for item in sequence if item != head])]
    return merged
