"""The containers kept on instances of the project's classes that code the analysis
does not follow may fill.

``REGISTRY = Registry()`` with ``self._items = {}`` in ``Registry.__init__``, and
``REGISTRY.get(kind)(nylas)`` returning ``self._items[kind]``: the classes called are
those the project puts in ``_items``, unless other code may put more there.  That is
so where the container is given a value the analysis cannot tell
(``REGISTRY._items.update(somelib.load())``, also in the class itself), where a module
writes into it from outside the class (item writes through an instance are not
joined to the attribute), and where the instance or the container is handed to
another library's code (``somelib.fill(REGISTRY)``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set as AbstractSet

from ..analysis.facts import ModuleFacts
from ..analysis.flow_facts import Val
from ..analysis.registry_writes import ITEM_WRITE
from ..analysis.symbols import qualified_name

Objs = AbstractSet[tuple[str, str]]


def untold_attribute_containers(
    holding: Iterable[str],
    modules: Iterable[ModuleFacts],
    resolve: Callable[[Val], Objs],
    another_library: Callable[[Val], bool],
) -> set[str]:
    """Of the attribute symbols in ``holding`` (those whose containers hold classes
    or functions of the project), the ones code not followed may fill.
    ``another_library``: whether a called value is another library's callable."""
    by_class: dict[str, list[str]] = {}
    for symbol in holding:
        owner, _, _ = qualified_name(symbol).rpartition(".")
        by_class.setdefault(owner, []).append(symbol)
    found: set[str] = set()
    if not by_class:
        return found

    def reached(owner: Val, attribute: str | None) -> None:
        """The containers of the instances ``owner`` may be: all of them, or the
        one named ``attribute``."""
        for kind, name in resolve(owner):
            if kind == "inst":
                found.update(symbol for symbol in by_class.get(name, ())
                             if attribute is None or symbol.endswith(f".{attribute}"))

    for module in modules:
        assert module.flow is not None
        for store in module.flow.stores:
            if store.attr == ITEM_WRITE:
                parent = _parent(store.owner)
                if parent is not None:
                    reached(*parent)
        for call in module.flow.calls:
            if call.callee is None or not another_library(call.callee):
                continue
            for argument in call.passed:
                if argument is None or argument.kind not in ("ref", "sym", "attr"):
                    continue
                reached(argument, None)
                parent = _parent(argument)
                if parent is not None:
                    reached(*parent)
    return found


def _parent(value: Val) -> tuple[Val, str] | None:
    """The object and attribute name of ``obj.attribute`` (a dotted name through
    imports, or an attribute read)."""
    if value.kind == "attr" and value.inner is not None:
        return value.inner, value.name
    if value.kind == "ref" and "." in value.name:
        owner, _, attribute = value.name.rpartition(".")
        return Val("ref", owner), attribute
    return None
