"""aiohttp's application keeps app-wide objects by key: ``app["nylas"] = client`` at
start-up, ``request.app["nylas"]`` (or ``request.config_dict[...]``) in a handler, the
key a string or a ``web.AppKey("nylas", Client)`` object.

Each key is one framework-state slot for the whole project (``s:app['nylas']``),
whichever application object holds it, as ``app.state.nylas`` is.  A store under a
key the analysis cannot read goes to one more slot that every read also takes
(``s:app[*]``): what it may hold is what any key may give.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Final

from .symbols import STATE

# The application classes whose instances keep items, and the key class.
APPLICATION_CLASSES: Final = frozenset({"aiohttp.web.Application",
                                        "aiohttp.web_app.Application"})
KEY_CLASSES: Final = frozenset({"aiohttp.web.AppKey", "aiohttp.web_app.AppKey"})
# The slot of every store whose key cannot be read.
ANY_ITEM_SLOT: Final = f"{STATE}app[*]"
# The name an application is usually held in, and the attributes that give the
# running application (``request.app``, ``self.request.app`` in a class-based view)
# or the chain of its mappings (``request.config_dict``).
_APPLICATION_NAME: Final = "app"
_APPLICATION_ATTRIBUTES: Final = frozenset({"app", "config_dict"})


def item_slot(key: str) -> str:
    """The slot of the items stored under the string ``key``."""
    return f"{STATE}app[{key!r}]"


def names_an_application(holder: ast.expr) -> bool:
    """Whether ``holder`` is written as an application: ``app``, ``request.app``,
    ``self.request.app``, ``request.config_dict``."""
    if isinstance(holder, ast.Name):
        return holder.id == _APPLICATION_NAME
    if not (isinstance(holder, ast.Attribute) and holder.attr in _APPLICATION_ATTRIBUTES):
        return False
    owner = holder.value
    while isinstance(owner, ast.Attribute):
        owner = owner.value
    return isinstance(owner, ast.Name)


def imports_aiohttp(imports: Mapping[str, str]) -> bool:
    """Whether any of a module's imports is of aiohttp."""
    return any(name == "aiohttp" or name.startswith("aiohttp.") for name in imports.values())
