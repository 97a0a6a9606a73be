"""The attribute chains a value may hold, through the names and containers of the
module being judged.

A bound method of an object the analysis cannot tell resolves to nothing, and so
does every value holding it: ``{"run": raw.messages.list}["run"](grant)``, ``for job
in jobs: job(grant)`` over ``jobs = [raw.messages.list]``, ``pool.submit(*args)``
with ``args = [raw.messages.list, grant]``, ``Box(raw.messages).value.list(grant)``
of a class keeping what it is given.  The resolver's objects say nothing of such a
value; the chain it was made of does, and says whether it may be a Nylas call.

Only the module's own bindings are walked, from a value the resolver found nothing
in: the walk costs nothing where a call resolves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Set
from typing import NamedTuple

from ..analysis.flow_facts import HandedCall, Val

# Values that are an element of their inner value (``box`` is a container of its
# inner value's; ``part`` one of the values a call gives, followed as the call is):
# a container's element is followed as the container is (the elements of a list of
# bound methods are what code given the list may call).
_ELEMENT_KINDS = frozenset({"iter", "item"})
# A mapping's or a sequence's methods that give its own elements.
_ELEMENT_METHODS = frozenset({"values", "items", "copy", "get", "pop"})
# Of those, the methods whose call gives one element: taken uncalled (``return
# table.get``), the bound method hands out what the container holds to whoever calls
# it, as the container held whole does.
_ELEMENT_GETTERS = frozenset({"get", "pop", "__getitem__"})
# The links ``held_chains`` follows to their inner value, at least where the
# attributes pending allow (see ``may_give_a_name``).
_FOLLOWED_KINDS = frozenset({"attr", "box", "part", *_ELEMENT_KINDS})
# Values walked from one callee or argument, at most: the tables of callables a
# module builds are small, and what is left past the limit is judged unfollowed.
_MAX_STEPS = 256

# Whether the instance a call of a project class makes may hold what the call is
# handed under the attribute named (``self.value = value`` in its ``__init__``).
KeepsHanded = Callable[[HandedCall, str], bool]


class HeldChains(NamedTuple):
    """What a walk found (see ``held_chains``), and whether it stopped at its limit
    (``cut``): then what it left is judged as it stands, and any other value the
    module binds may be held too."""

    chains: list[HeldChain]
    cut: bool


class HeldChain(NamedTuple):
    """One chain a walk found: its ``root``, the ``attrs`` read on it, how many
    elements deep the value walked from is (``depth``), and the chain as the code
    names it where the walk last passed a name with attributes pending (``shown``:
    ``conn.messages.list`` for ``conn = connect()``, whose root is a call), for
    messages; None where no name was passed."""

    root: Val
    attrs: tuple[str, ...]
    depth: int
    shown: Val | None = None


def held_chains(value: Val, bindings: Mapping[str, list[Val]], keeps_handed: KeepsHanded,
                ) -> HeldChains:
    """What ``value`` may be, as a root the walk cannot follow further, the
    attributes read on it after (``(p:raw, ("messages", "list"))`` for
    ``raw.messages.list`` held in a dict, a list or a name) and how many elements
    deep ``value`` is in what the chain gives (0: the chain's value itself; 1 for
    ``[m for m in raw.messages]``, whose elements are the collection's, not it)."""
    # Each pending link carries how many elements deep the value walked from is in
    # what its chain gives (``depth``: elements met before any attribute), and how
    # many elements the attributes pending are read on (``owed``: one for
    # ``jobs[0].list``), which a container met later owes to itself, not to its
    # elements (``jobs.append`` of ``jobs = [raw.messages.list]`` reads no attribute
    # of the method).  An element owed that no container pays is part of the way to
    # the root (``R.events`` of ``R = app.extensions["nylas"]`` is the collection
    # itself, read on an element of the root's attribute), not an element of what the
    # chain gives.  Held whole (``run_all(jobs)``), a container stands for its
    # elements.
    pending: list[tuple[Val, tuple[str, ...], int, int, Val | None]] = [
        (value, (), 0, 0, None)]
    seen: set[tuple[int, tuple[str, ...], int, int]] = set()
    found: list[HeldChain] = []
    while pending and len(seen) < _MAX_STEPS:
        link, attrs, depth, owed, shown = pending.pop()
        if (id(link), attrs, depth, owed) in seen:
            continue
        seen.add((id(link), attrs, depth, owed))
        kind, inner = link.kind, link.inner
        if kind == "attr" and inner is not None and not attrs and (
                link.name in _ELEMENT_GETTERS) and inner.kind != "attr":
            # ``table.get`` held (not ``raw.messages.get``, a method of the chain).
            pending.append((inner, attrs, depth, owed, shown))
        elif kind == "attr" and inner is not None:
            pending.append((inner, (link.name, *attrs), depth, owed, shown))
        elif kind == "sym" and link.name in bindings:
            # The first name the code reads the attributes on, kept for the message:
            # the values it is bound to may be calls or containers, which name nothing.
            named = shown if shown is not None or not attrs else rebuilt_chain(link, attrs)
            pending.extend((bound, attrs, depth, owed, named)
                           for bound in bindings[link.name])
        elif kind in _ELEMENT_KINDS and inner is not None:
            pending.append((inner, attrs, depth, owed + 1, shown) if attrs else (
                inner, attrs, depth + 1, owed, shown))
        elif kind == "box" and inner is not None and (owed or not attrs):
            pending.append((inner, attrs, depth, owed - 1, shown) if owed else (
                inner, attrs, max(depth - 1, 0), owed, shown))
        elif kind == "part" and inner is not None:
            pending.append((inner, attrs, depth, owed, shown))
        elif kind == "call" and inner is not None and inner.kind == "attr" and (
                inner.name in _ELEMENT_METHODS) and inner.inner is not None and (
                inner.inner.kind != "attr"):
            # ``JOBS.get("run")``, ``JOBS.values()``: the container's elements.  (Not
            # on an attribute chain: ``raw.messages.get(id)`` is no element of
            # ``raw.messages``.)
            pending.append((inner.inner, attrs, depth, owed + 1, shown) if attrs else (
                inner.inner, attrs, depth + 1, owed, shown))
        elif type(link) is HandedCall and len(attrs) > 1 and keeps_handed(link, attrs[0]):
            # ``Box(raw.messages).value.list``: the instance's attribute may be what
            # it was handed.  (A method held whole, ``Box(raw.messages.list).value``,
            # is counted where it is handed to the project's class.)
            pending.extend((handed, attrs[1:], depth, owed, shown)
                           for handed in link.handed_values)
        else:
            found.append(HeldChain(link, attrs, depth, shown))
    # Past the limit, what is left is judged as it stands, unfollowed: a chain given
    # up on must still be looked at, never dropped.
    found.extend(HeldChain(link, attrs, depth, shown)
                 for link, attrs, depth, _, shown in pending)
    return HeldChains(found, bool(pending))


def naming_symbols(bindings: Mapping[str, list[Val]], names: Set[str]) -> frozenset[str]:
    """The symbols of ``bindings`` whose values read an attribute named in ``names``,
    in their own chains or through the symbols they read, however far: the only
    symbols through which a walk of ``held_chains`` may give such an attribute.
    One pass over the bindings, then what reads a naming symbol, in turn."""
    naming: set[str] = set()
    readers: dict[str, set[str]] = {}
    for symbol, values in bindings.items():
        read: set[str] = set()
        if _reads_a_name(values, names, read):
            naming.add(symbol)
        for each in read:
            readers.setdefault(each, set()).add(symbol)
    pending = list(naming)
    while pending:
        for reader in readers.get(pending.pop(), ()):
            if reader not in naming:
                naming.add(reader)
                pending.append(reader)
    return frozenset(naming)


def may_give_a_name(value: Val, names: Set[str], naming: Set[str]) -> bool:
    """Whether a walk of ``held_chains`` from ``value`` may give an attribute named
    in ``names``: ``value`` reads one itself, or a symbol of ``naming`` (see
    ``naming_symbols``).  Every attribute a walk gives is a link of ``value`` or of
    a value a symbol it reaches is bound to, so where this says no, no chain the
    walk could give names one."""
    # Most values are one chain of links to a symbol (``results.append``): read
    # in place; a call, which may branch, is read by the general walk.
    link: Val | None = value
    while link is not None:
        kind = link.kind
        if kind == "sym":
            return link.name in naming
        if kind == "attr" and link.name in names:
            return True
        if kind not in _FOLLOWED_KINDS:
            break
        link = link.inner
    if link is None or link.kind != "call":
        return False
    read: set[str] = set()
    return _reads_a_name((link,), names, read) or not naming.isdisjoint(read)


def _reads_a_name(values: Iterable[Val], names: Set[str], read: set[str]) -> bool:
    """Whether a walk of ``held_chains`` from any of ``values`` may meet an attribute
    named in ``names`` before it reaches a symbol, adding to ``read`` the symbols it
    may reach.  It follows every link ``held_chains`` may follow but the symbols,
    whatever the attributes pending (a superset of the walk's).  Values are made of
    earlier values only, so it ends; each is looked at once, as the values of one
    module share their links."""
    pending = list(values)
    seen: set[int] = set()
    while pending:
        value = pending.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        kind, inner = value.kind, value.inner
        if kind == "attr" and value.name in names:
            return True
        if kind == "sym":
            read.add(value.name)
        elif kind in _FOLLOWED_KINDS and inner is not None:
            pending.append(inner)
        elif kind == "call":
            # As ``held_chains`` reads a call: a container's elements, or what the
            # project's instance was handed; not the callee (``raw.messages.list()``
            # gives a result, not the method).
            if inner is not None and inner.kind == "attr" and (
                    inner.name in _ELEMENT_METHODS) and inner.inner is not None and (
                    inner.inner.kind != "attr"):
                pending.append(inner.inner)
            if type(value) is HandedCall:
                pending.extend(value.handed_values)
    return False


def rebuilt_chain(root: Val, attrs: tuple[str, ...]) -> Val:
    """``root`` with ``attrs`` read on it, as a value (for telling whether it looks
    like a Nylas call; never resolved, since the resolver knows only the values the
    module's records hold)."""
    chain = root
    for name in attrs:
        chain = Val("attr", name, chain)
    return chain
