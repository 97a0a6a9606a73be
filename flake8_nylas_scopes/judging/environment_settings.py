"""Scope lists held by a settings class the environment fills (pydantic-settings).

``class Settings(BaseSettings): scopes: list[str] = ["email.read_only"]`` gives its
default only where no environment variable (or ``.env`` file) of that name is set:
the list the program requests is chosen when it runs.  The request stays unresolved
(NYS304); its reason says where the value may come from, and how to tell the tool
what the deployed app requests, rather than that other code may change it.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..analysis.facts import ModuleFacts
from ..analysis.symbols import GLOBAL

# The base classes whose fields are read from the environment when an instance is
# made (source: pydantic-settings' documentation, "Settings Management"; pydantic
# 1.x kept ``BaseSettings`` in ``pydantic`` itself).
SETTINGS_BASES = frozenset({
    "pydantic_settings.BaseSettings",
    "pydantic_settings.main.BaseSettings",
    "pydantic.BaseSettings",
    "pydantic.env_settings.BaseSettings",
})

# How many project classes deep a settings class's bases are followed.
_MOST_BASES = 8

# How the user tells the tool the scopes the deployed app requests.
HOW_TO_TELL = ("pass the scopes the deployed app requests with --granted-scopes "
               "(granted-scopes in [tool.nylas-scopes]) or those its calls need with "
               "--assume-used")


def environment_class(by_module: Mapping[str, ModuleFacts], reference: str) -> str:
    """The settings class (dotted name) whose field ``reference`` reads:
    ``config.Settings().scopes``, ``config.Settings.scopes``, or ``config.settings.
    scopes`` with ``settings = Settings()`` at module level; "" for anything else."""
    holder = reference.rpartition(".")[0]
    if holder.endswith("()"):
        holder = holder[:-2]
    if _is_settings_class(by_module, holder, 0):
        return holder
    module = holder.rpartition(".")[0]
    facts = by_module.get(module)
    if facts is None or facts.flow is None:
        return ""
    bound = [edge.value for edge in facts.flow.edges if edge.target == GLOBAL + holder]
    # Only a name bound once, to an instance of such a class, is read as one.
    if len(bound) != 1:
        return ""
    value = bound[0]
    if value.kind != "call" or value.inner is None or value.inner.kind != "ref":
        return ""
    made = value.inner.name
    return made if _is_settings_class(by_module, made, 0) else ""


def _is_settings_class(by_module: Mapping[str, ModuleFacts], name: str, depth: int) -> bool:
    """Whether the project's class ``name`` derives from a settings base."""
    if depth > _MOST_BASES:
        return False
    facts = by_module.get(name.rpartition(".")[0])
    if facts is None:
        return False
    for klass, bases, _, _ in facts.class_bases:
        if klass == name:
            return any(base in SETTINGS_BASES or _is_settings_class(by_module, base, depth + 1)
                       for base in bases)
    return False
