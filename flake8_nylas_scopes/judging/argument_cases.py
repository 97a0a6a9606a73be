"""Which case of an endpoint's requirement a call's arguments choose.

The v3 endpoint map says where an argument changes the scopes a request needs
(``calendar_id="primary"`` needs Google's full calendar scope).  Where the call's
query parameters and body are literal enough to tell, the use is judged by the one
case that applies; otherwise every case stays possible (see ``Endpoint.variants``).
"""

from __future__ import annotations

import dataclasses

from ..analysis.facts import ArgumentDict, CallArguments
from ..nylas_api.types import ArgumentCase, ArgumentClause, Endpoint


class ArgumentCases:
    """Decides the cases of the uses of one project; a decided endpoint is shared by
    every use that chose the same case."""

    def __init__(self) -> None:
        self._decided: dict[tuple[int, int], Endpoint] = {}

    def decide(self, endpoint: Endpoint, arguments: CallArguments | None) -> Endpoint:
        if not endpoint.variants or arguments is None:
            return endpoint
        base, *conditions = endpoint.variants
        chosen, index = base, 0
        for number, case in enumerate(conditions, 1):
            verdict = _holds(case, arguments)
            if verdict is None:
                return endpoint  # cannot tell whether this case applies
            if verdict:
                chosen, index = case, number
                break
        key = (id(endpoint), index)
        decided = self._decided.get(key)
        if decided is None:
            decided = self._decided[key] = dataclasses.replace(
                endpoint, options=chosen.options, variants=())
        return decided


def _holds(case: ArgumentCase, arguments: CallArguments) -> bool | None:
    """Whether every clause holds: None when one cannot be told and none fails."""
    unknown = False
    for clause in case.when:
        verdict = _clause_holds(clause, arguments)
        if verdict is False:
            return False
        unknown = unknown or verdict is None
    return None if unknown else True


def _clause_holds(clause: ArgumentClause, arguments: CallArguments) -> bool | None:
    found: ArgumentDict | None = arguments.query if clause.location == "query" else (
        arguments.body)
    if found is None:
        return None
    values = dict(found.values)
    if clause.parameter not in values:
        # Absent from a dict whose every key is known: the argument is not given.
        return False if found.complete else None
    value = values[clause.parameter]
    if value is None:
        return None
    if clause.values is None:
        return bool(value)
    return isinstance(value, str) and value in clause.values
