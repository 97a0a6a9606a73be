"""Which uses of a value the analysis lost track of may send a request.

What an attribute gives on an object the analysis cannot tell (``box.outgoing``,
``params.get(...)`` where a class of the project has a method ``get``) is a ``lost``
object: it may be any of the values the project keeps under that name, or anything
made from them (an element, an attribute, what a method returns).  The resolver
carries it on like any other value (see ``lost_base``); where it is used, the use is
unresolved only when what it may be could send a request there.  Reading a list
of drafts, a draft's subject or a string a dict gives sends nothing; iterating a
query, calling ``send`` on a draft or using a client may.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

# (kind, name), as the resolver's objects are.
Obj = TypeVar("Obj", bound=tuple[str, str])

# Objects whose reading (a condition, an f-string, iterating) fetches from Nylas.
_FETCHED_WHEN_READ = frozenset({"models", "coll"})


def made_from(start: Iterable[Obj], successors: Callable[[Obj], Iterable[Obj] | None]
              ) -> tuple[frozenset[Obj], bool]:
    """The objects reachable from ``start``, and whether one of them may be anything
    (``successors`` gave None for it: a client, the SDK's own machinery)."""
    found: set[Obj] = set()
    pending = list(start)
    while pending:
        obj = pending.pop()
        if obj in found:
            continue
        found.add(obj)
        more = successors(obj)
        if more is None:
            return frozenset(found), True
        pending.extend(more)
    return frozenset(found), False


def read_may_fetch(made: tuple[frozenset[Obj], bool], v3_prefix: str) -> bool:
    """Whether reading something made from these objects may fetch: a query or an
    API v2 collection (an API v3 resource holds no data to fetch)."""
    objs, anything = made
    return anything or any(
        kind in _FETCHED_WHEN_READ and not name.startswith(v3_prefix) for kind, name in objs)


def attribute_may_request(made: tuple[frozenset[Obj], bool],
                          attribute: Callable[[Obj], Iterable[Obj]],
                          inert: Callable[[Obj], bool]) -> bool:
    """Whether an attribute of something made from these objects may be used to send
    a request: on one of them it gives an object that is not ``inert`` (a method of
    the project, a container's own method, whose results are among the objects
    already)."""
    objs, anything = made
    return anything or any(not inert(given) for obj in objs for given in attribute(obj))


def call_may_request(made: tuple[frozenset[Obj], bool],
                     callable_request: Callable[[Obj], bool]) -> bool:
    """Whether calling something made from these objects may send a request: one of
    them is a bound Nylas method or the like."""
    objs, anything = made
    return anything or any(callable_request(obj) for obj in objs)


# A lost object is named for the attribute it was read as (``get``): what the project
# keeps under that name, its elements too.  ``^get`` stands for anything made from
# them (an attribute read, a method called): two objects per name, so that values
# lost across a large project stay few.  A use judges the steps its own expression
# takes (``draft.subject``) on the values themselves.
_MADE = "^"


def lost_base(name: str) -> str:
    """The attribute a lost object was read as."""
    return name[len(_MADE):] if name.startswith(_MADE) else name


def is_made(name: str) -> bool:
    """Whether a lost object stands for anything made from the values."""
    return name.startswith(_MADE)


def made(name: str) -> str:
    """The lost object that stands for anything made from ``name``'s values."""
    return _MADE + lost_base(name)
