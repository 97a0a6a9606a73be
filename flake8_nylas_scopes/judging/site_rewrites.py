"""A module's facts with some of its requests read again by the judge.

Several readings only the whole project can settle change requests after each module
was read alone: a request on an object the resolver shows to be a client is
confirmed, one through a getter another module imports is confirmed, one whose
config is a call of another module's ``TypedDict`` class is read as a dict display.
Each gives a new request for the ones it changes; a module none of whose requests
change keeps its facts as they are.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ..analysis.facts import ModuleFacts, ScopeSite


def with_sites_read_again(facts: ModuleFacts,
                          read_again: Callable[[ScopeSite], ScopeSite]) -> ModuleFacts:
    """``facts`` with each request as ``read_again`` gives it (the same object where
    it changes nothing)."""
    sites = [read_again(site) for site in facts.sites]
    if all(new is old for new, old in zip(sites, facts.sites)):
        return facts
    return dataclasses.replace(facts, sites=sites)
