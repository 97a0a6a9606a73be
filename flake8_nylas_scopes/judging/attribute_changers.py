"""Where the project changes an attribute on objects it is given, for NYS304's reason.

``def widen(record): record.scopes.append("contacts")`` may change the ``scopes`` of
any record handed to it, so a list read as ``DIRECTORY.scopes`` is not followed.
The reason names the function, so that the user knows what to look at.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis.facts import ModuleFacts, any_attribute
from ..analysis.flow_facts import FlowFacts
from ..analysis.symbols import PARAMETER, kind_of, qualified_name


def attribute_changer(modules: Iterable[ModuleFacts], attribute: str) -> str:
    """Who may change ``attribute`` on an object it is given: ``app.plans.widen()``
    where a function's parameter shows it, ``code in app.plans`` where only the
    module's facts do (``record.scopes += [...]``, ``setattr(record, "scopes",
    ...)``), ``code of the project`` where no module's own facts do (a list handed to a
    function that changes it)."""
    key = any_attribute(attribute)
    for facts in sorted(modules, key=lambda one: one.module):
        if key not in facts.mutated and key not in facts.given_away:
            continue
        function = _changing_function(facts.flow, attribute) if facts.flow else None
        return f"{function}()" if function else f"code in {facts.module}"
    return "code of the project"


def _changing_function(flow: FlowFacts, attribute: str) -> str | None:
    """The first function calling a method of ``attribute`` of one of its parameters
    (``record.scopes.append(...)``), by its qualified name."""
    for call in flow.calls:
        method = call.callee
        holder = method.inner if method is not None and method.kind == "attr" else None
        owner = holder.inner if holder is not None and holder.kind == "attr" else None
        if holder is None or holder.name != attribute or owner is None or (
                owner.kind != "sym" or kind_of(owner.name) != "parameter"):
            continue
        assert owner.name.startswith(PARAMETER)
        return qualified_name(owner.name).rpartition(".")[0]
    return None
