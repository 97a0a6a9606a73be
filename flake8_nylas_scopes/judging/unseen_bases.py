"""Project classes whose base the analysis cannot read.

``class MailSync(acme_sync.BaseSync)`` with ``acme_sync`` a company's package installed
with pip: the base's methods run on every instance of ``MailSync`` and may call
``self.client.events.all()`` on the client ``MailSync.__init__`` stores, but the
analysis reads only the project's code.  So a Nylas value stored on such an instance
(or on the class) escapes to code the analysis cannot see: the resolver reports it
unresolved (NYS304) with every scope it could need, and the usage rules hold back.

A base is read when it resolves to a class the analysis knows (the project's, the
SDK's), and is known to leave the instance's attributes alone when it comes from the
standard library (``threading.Thread``, ``abc.ABC``, ``typing.Generic[T]``,
``enum.Enum``; builtins such as ``Exception`` are no value at all), from Nylas, or
from a library whose objects are known not to be Nylas clients (Django's ``View``,
see ``unseen_wrappers.KNOWN_OTHER_LIBRARIES``).  Any other base is unseen: a name
from a package outside the project, or a value the analysis cannot resolve (a
parameter, what an unread call returns).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import Literal

from .unseen_wrappers import KNOWN_OTHER_LIBRARIES

__all__ = ["BaseRoot", "unseen_base"]

# Libraries whose base classes declare typed fields and validate or serialise them,
# never calling a method of what an instance holds: typing_extensions' back-ports
# (``Protocol``, ``TypedDict``), pydantic's ``BaseModel``/``BaseSettings``
# (docs.pydantic.dev "Models": fields are validated and dumped as data), attrs.
_FIELD_LIBRARIES = frozenset({
    "typing_extensions", "pydantic", "pydantic_settings", "attr", "attrs",
})
_STANDARD_LIBRARY = frozenset(sys.stdlib_module_names) | {"builtins", "__future__"}
# Bindings followed from a name to what it is bound to, at most (``Base = make()``,
# ``make`` returning another name's value): past them the base is taken for unseen.
_MOST_HOPS = 4

# How a base expression ends, read from its innermost value: a dotted name reached
# through imports (``ref``), a symbol of the code (``sym``, a local or parameter),
# or anything else (``other``), with its name.
BaseRoot = tuple[Literal["ref", "sym", "other"], str]


def _known_library(dotted: str) -> bool:
    top = dotted.split(".", 1)[0]
    return (top == "nylas" or top in _STANDARD_LIBRARY or top in KNOWN_OTHER_LIBRARIES
            or top in _FIELD_LIBRARIES)


def unseen_base(
    base: object,
    reads_as_class: Callable[[object], bool],
    root_of: Callable[[object], BaseRoot],
    is_outside: Callable[[str], bool],
    bound: Callable[[BaseRoot], Iterable[object]],
) -> str | None:
    """How a class's base the analysis cannot read is written (its dotted name, or the
    name it is bound to), or None when it reads it or knows it leaves instances alone.

    ``base`` is the base's value as the caller keeps it; ``reads_as_class`` tells
    whether it resolves to a class the analysis knows; ``root_of`` gives the root of
    its chain (``acme.Base`` of ``acme.Base[T]`` or ``acme.make()``); ``is_outside``
    tells whether a dotted name is no name of the project's (nor Nylas');
    ``bound`` gives the values a project name or a symbol is bound to, each judged
    the same way (a base is unseen when any of them is)."""
    pending: list[tuple[object, int]] = [(base, 0)]
    seen: set[BaseRoot] = set()
    while pending:
        value, hops = pending.pop()
        if reads_as_class(value):
            continue
        root = root_of(value)
        kind, name = root
        if kind == "other":
            return ""  # no name to show: the message says the base cannot be resolved
        if kind == "ref" and _known_library(name):
            continue
        if kind == "ref" and is_outside(name):
            return name
        if root in seen:
            continue
        seen.add(root)
        values = list(bound(root))
        if not values or hops >= _MOST_HOPS:
            # A parameter, a name the project binds to nothing the analysis follows.
            return _shown(name)
        pending.extend((other, hops + 1) for other in values)
    return None


def _shown(name: str) -> str:
    """A symbol as the user wrote it: its last part (``base`` of ``p:app.f.base``)."""
    return name.rpartition(":")[2].rpartition(".")[2] or name
