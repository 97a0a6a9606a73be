"""Which case of an endpoint's requirement a call's arguments choose.

The v3 endpoint map says where an argument changes the scopes a request needs
(``calendar_id="primary"`` needs Google's full calendar scope).  Where the call's
query parameters and body are literal enough to tell, the use is judged by the one
case that applies; otherwise every case stays possible (see ``Endpoint.variants``).
"""

from __future__ import annotations

import dataclasses

from ..analysis.facts import ArgumentDict, ArgumentValue, CallArguments
from ..nylas_api.types import ArgumentCase, ArgumentClause, Endpoint, ScopeOption


class ArgumentCases:
    """Decides the cases of the uses of one project; a decided endpoint is shared by
    every use that chose the same case."""

    def __init__(self) -> None:
        self._decided: dict[tuple[int, ...], Endpoint] = {}

    def decide(self, endpoint: Endpoint, arguments: CallArguments | None) -> Endpoint:
        if not endpoint.variants or arguments is None:
            return endpoint
        base, *conditions = endpoint.variants
        chosen, index = base, 0
        # Cases whose clauses hold but which the sources only suggest, or which the
        # arguments may choose (a clause cannot be read, none fails): the case they
        # would replace (a later one, or the base) stays possible beside them.  A case
        # a clause rules out (``skip_nylas_email`` absent from a body read whole) is
        # dropped even where another argument cannot be read.
        maybe: list[int] = []
        for number, case in enumerate(conditions, 1):
            verdict = _holds(case, arguments)
            if verdict and case.certain:
                chosen, index = case, number
                break
            if verdict is not False:
                maybe.append(number)
        if len(maybe) == len(conditions):
            return endpoint  # no case is ruled out nor chosen: every case stays possible
        key = (id(endpoint), index, *maybe)
        decided = self._decided.get(key)
        if decided is None:
            possible = (chosen, *(endpoint.variants[number] for number in maybe))
            options: dict[frozenset[str], ScopeOption] = {}
            for case in possible:
                for option in case.options:
                    options.setdefault(option.scopes, option)
            decided = self._decided[key] = dataclasses.replace(
                endpoint, options=tuple(options.values()),
                variants=possible if maybe else (),
                chosen_by=chosen.when if not maybe else ())
        return decided


def chosen_text(endpoint: Endpoint) -> str:
    """``calendar_id="primary"`` for a use whose arguments chose that condition; ""
    for the base case or where every case stays possible."""
    return ", ".join(
        clause.parameter if clause.values is None
        else f"{clause.parameter}={clause.values[0]!r}" if len(clause.values) == 1
        else f"{clause.parameter} in {clause.values!r}"
        for clause in endpoint.chosen_by
    )


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
    """Whether the argument holds the value: True when one of its places does (one
    element of a list of participants), None when a place or a dict or list above it
    cannot be read and none holds it, False when every place is read and none does."""
    found = {"query": arguments.query, "body": arguments.body}.get(clause.location)
    if found is None:
        # Not read, or not in the call at all (the configuration a session names).
        return None
    values = [value for key, value in found.values if key == clause.parameter]
    if any(_matches(clause, value) for value in values):
        return True
    if None in values or _unread_above(clause.parameter, found):
        return None
    if not values:
        # Absent from a dict whose every key is known: the argument is not given.
        return False if found.complete else None
    return False


def _matches(clause: ArgumentClause, value: ArgumentValue) -> bool:
    if value is None:
        return False
    if clause.values is None:
        return bool(value)
    return isinstance(value, str) and value in clause.values


def _unread_above(parameter: str, found: ArgumentDict) -> bool:
    """Whether a dict or list holding ``parameter`` (``participants``,
    ``participants[]`` for an element, ``participants[].booking``) cannot be read:
    it may hold the argument with any value."""
    above = set()
    for index, char in enumerate(parameter):
        if char in ".[":
            above.add(parameter[:index])
        if char == "]":
            above.add(parameter[:index + 1])
    above.discard(parameter)
    return any(key in above and value is None for key, value in found.values)
