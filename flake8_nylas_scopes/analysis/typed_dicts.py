"""A module's ``TypedDict`` classes, whose calls with keywords build plain dicts.

``class OAuthConfig(TypedDict): ...`` then ``OAuthConfig(client_id="c", scope=[...])``
is ``dict(client_id="c", scope=[...])`` at run time: the class adds only annotations.
A class with another base (a second ``TypedDict`` of the project), a decorator or a
keyword other than ``total`` may be something else, and is not one here.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping

TYPED_DICT_BASES = frozenset({"typing.TypedDict", "typing_extensions.TypedDict"})
# The word a module's text holds when it may define one: others are spared the look.
TYPED_DICT_WORD = "TypedDict"


def typed_dict_classes(
    classes: Mapping[str, ast.ClassDef], qualify: Callable[[ast.expr], str | None]
) -> tuple[str, ...]:
    """The names of the module-level classes (each bound once) whose only base is
    ``TypedDict``, in the order written."""
    return tuple(
        name for name, cls in classes.items()
        if len(cls.bases) == 1 and qualify(cls.bases[0]) in TYPED_DICT_BASES
        and not cls.decorator_list and all(keyword.arg == "total" for keyword in cls.keywords)
    )


def made_with_keywords(call: ast.Call) -> bool:
    """Whether a call passes keywords only (``**other`` included), as a dict display
    lists its keys."""
    return not call.args
