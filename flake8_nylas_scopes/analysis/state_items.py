"""The application's state written or read by item.

Litestar's ``State`` is a mapping as well as a namespace: ``app.state["nylas"] =
client``, ``app.state.update({"nylas": client})`` and ``app.state.setdefault("nylas",
client)`` set what ``state.nylas`` reads in a handler, and ``state["nylas"]`` reads
what ``app.state.nylas = client`` set.  An item under a string key is therefore the
attribute's slot (``s:state.nylas``).  A store under a key the analysis cannot read
(``app.state[name] = ...``, ``app.state.update(settings)``) goes to one more slot that
every read of the state also takes (``s:state[*]``): what it may hold is what any
attribute may give.
"""

from __future__ import annotations

import ast
from typing import Final, NamedTuple

from .symbols import STATE

# The slot of every store under a key that cannot be read.
ANY_STATE_ITEM: Final = f"{STATE}state[*]"
_ATTRIBUTE_SLOTS: Final = f"{STATE}state."
# The mapping methods that store items (``MutableMapping``'s, as ``State`` has them).
STORING_METHODS: Final = frozenset({"update", "setdefault"})


class ItemStore(NamedTuple):
    """One item a storing call puts in the state: the slot, the expression given,
    and whether that expression is a mapping whose values are stored (``update(d)``,
    ``update(**d)``) rather than the value itself."""

    slot: str
    given: ast.expr
    mapping: bool


def state_item_slot(key: ast.expr) -> str:
    """The slot of the state's item under ``key``: the attribute's slot for a string
    that names an attribute, else ``ANY_STATE_ITEM``."""
    if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value.isidentifier():
        return f"{_ATTRIBUTE_SLOTS}{key.value}"
    return ANY_STATE_ITEM


def takes_any_item(key: str) -> bool:
    """Whether a read of the slot ``key`` also reads what stores under keys that
    cannot be read put in the state."""
    return key.startswith(_ATTRIBUTE_SLOTS)


def stored_items(call: ast.Call, method: str) -> list[ItemStore]:
    """What ``state.update(...)`` or ``state.setdefault(...)`` stores, item by item."""
    if method == "setdefault":
        if len(call.args) == 2 and not any(isinstance(a, ast.Starred) for a in call.args):
            return [ItemStore(state_item_slot(call.args[0]), call.args[1], False)]
        # ``setdefault(key)`` stores None; a spread or keyword form is not read.
        given = [*call.args, *(keyword.value for keyword in call.keywords)]
        return [ItemStore(ANY_STATE_ITEM, value, False) for value in given[1:]]
    found: list[ItemStore] = []
    for argument in call.args:
        if isinstance(argument, ast.Dict):
            for key, value in zip(argument.keys, argument.values):
                found.append(ItemStore(ANY_STATE_ITEM, value, True) if key is None
                             else ItemStore(state_item_slot(key), value, False))
        else:
            # A mapping or pairs the analysis reads as a whole: any key.
            found.append(ItemStore(ANY_STATE_ITEM, argument, True))
    for keyword in call.keywords:
        if keyword.arg is None:
            found.append(ItemStore(ANY_STATE_ITEM, keyword.value, True))
        else:
            found.append(ItemStore(f"{_ATTRIBUTE_SLOTS}{keyword.arg}", keyword.value, False))
    return found
