"""Ways a JSON index in the cache can be broken, for tests that it is ignored."""

from __future__ import annotations

import json
from collections.abc import Callable


def index_damages(table: str) -> list[Callable[[str], str]]:
    """Damages to an index whose entries are the object under the key ``table``:
    empty, truncated, not an object, nested deeper than the JSON parser recurses,
    the table of the wrong type, and an entry of the wrong shape under the right
    key."""

    def wrong_entries(index: str) -> str:
        data = json.loads(index)
        data[table] = {name: [1] for name in data[table]} or {"x": [1]}
        return json.dumps(data)

    return [
        lambda index: "",
        lambda index: index[: len(index) // 2],
        lambda index: "[1, 2]",
        lambda index: "[" * 100_000 + "]" * 100_000,
        lambda index: index.replace(f'"{table}":{{', f'"{table}":2,"x":{{'),
        wrong_entries,
    ]
