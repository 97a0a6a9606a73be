"""What a name of a module stands for when the module only imports it from another
module of the project: a package's re-export (``from .predicates import is_google``
in ``app/util/__init__.py``, imported by others as ``from app.util import
is_google``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..analysis.facts import ModuleFacts
from ..analysis.symbols import GLOBAL

# Re-exports followed at most: a chain longer than this is not seen in practice.
_MOST_STEPS = 8
# What ``defined_as`` gives for a name re-exported more times than are followed: no
# name of the project, so nothing read exactly is taken for it.
UNFOLLOWED = "<re-exported too many times>"


def imported_as(by_module: Mapping[str, ModuleFacts], reference: str) -> str | None:
    """What ``module.name`` is bound to by its module's one binding of it, when that
    binding is an import (or assignment) of a name of another module of the project;
    None for any other reference."""
    imported = _sole_reference(by_module, reference)
    if imported is None:
        return None
    owner = imported.rpartition(".")[0]
    return imported if owner in by_module and owner != reference.rpartition(".")[0] else None


def module_bound_to(by_module: Mapping[str, ModuleFacts], reference: str) -> str | None:
    """The module of the project ``module.name`` is bound to by its module's one
    binding of it (``from . import scopes as sc`` in ``app/__init__.py``: ``app.sc``
    is ``app.scopes``); None for a name bound otherwise or more than once."""
    imported = _sole_reference(by_module, reference)
    return imported if imported in by_module else None


def _sole_reference(by_module: Mapping[str, ModuleFacts], reference: str) -> str | None:
    """The name of another module that ``module.name``'s one binding in its module
    refers to (an import, or an assignment of such a name); None for a name bound
    otherwise or more than once."""
    module, _, name = reference.rpartition(".")
    facts = by_module.get(module)
    if facts is None or facts.flow is None or not name.isidentifier():
        return None
    target = f"{GLOBAL}{reference}"
    values = [edge.value for edge in facts.flow.edges if edge.target == target]
    if len(values) != 1 or values[0].kind != "ref":
        return None
    return values[0].name


def defined_as(by_module: Mapping[str, ModuleFacts], reference: str) -> str:
    """The name ``reference`` stands for once every re-export on the way is
    followed: itself when its module binds it some other way; ``UNFOLLOWED`` when
    the re-exports go on past the last one followed."""
    for _ in range(_MOST_STEPS):
        imported = imported_as(by_module, reference)
        if imported is None:
            return reference
        reference = imported
    return reference if imported_as(by_module, reference) is None else UNFOLLOWED


def definitions(modules: Mapping[str, ModuleFacts]) -> Callable[[str], str]:
    """``defined_as`` over the project's modules (given by path), each name looked up
    once: the registry readings ask it of the same decorators and bases many times."""
    by_module = {facts.module: facts for facts in modules.values()}
    resolved: dict[str, str] = {}

    def meant(name: str) -> str:
        """What ``name`` stands for once re-exports are followed."""
        if name not in resolved:
            resolved[name] = defined_as(by_module, name)
        return resolved[name]

    return meant
