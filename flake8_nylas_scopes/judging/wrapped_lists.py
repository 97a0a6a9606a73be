"""Scope lists the project gives to its own functions under ``scopes=``.

``foreign_scopes`` marks every constant given as scopes to a call that is not a Nylas
request: another OAuth library may use the list, so no item of it is called unneeded.
A call of a project wrapper whose parameter the judge reads as a Nylas request's scopes
(``ask(scopes=settings.SUPERVISOR_SCOPES)`` with ``def ask(scopes=None): return
client.authentication_url(uri, scopes=scopes)``: each caller's argument is a request of
its own) is no such call: the list is that request's, judged as a list written there.
A call of a project function the analysis reads neither as a Nylas request nor as
another library's keeps the list silent, and says so where the list is given when
that silences a claim.  So does a list sent as the scope of a query to a URL whose
host the analysis cannot read (``unseen_host_scopes``): it may be another service's
sign-in.  Where the URL starts with a constant the project index reads, its text says
whose it is: another service's keeps the list silent without a word, Nylas's leaves it
judged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import AbstractSet
from dataclasses import dataclass, field

from ..analysis.facts import ModuleFacts, any_attribute
from ..analysis.facts_values import ScopeValue, UrlPart
from ..analysis.foreign_scopes import UrlOwner, url_owner
from ..analysis.flow_facts import ScopeArg, Val
from ..nylas_api.http import URL_HOLE
from ..spans import Span

# What the resolver says a value may hold: (kind, name) pairs.
Objs = AbstractSet[tuple[str, str]]
# Where an argument is written: (path, line, column).
Place = tuple[str, int, int]
# Kinds of object the resolver gives a callable of the project.
_PROJECT_CALLABLES = frozenset({"func", "class"})


@dataclass(frozen=True, slots=True)
class UnreadGive:
    """A list with Nylas scope names given under ``scopes=`` to a project function
    the analysis does not read as a Nylas request."""

    span: Span
    name: str
    callee: str
    # For a list sent in a query to a URL whose host is not read: the constant the
    # URL starts with ("" when none); None for a list given to a function.
    url_start: str | None = None


@dataclass(slots=True)
class GivenLists:
    """Where the lists ``foreign_scopes`` marks are given, read against the project's
    wrappers: ``requested`` are the places where a list goes to a wrapper's request
    (and only there); ``unread`` the gives to project functions read neither way."""

    requested: set[Place] = field(default_factory=set)
    unread: list[UnreadGive] = field(default_factory=list)
    # Per module (by path), the lists it gives a wrapper that hands its parameter on
    # to another library's request in any other way than under a scope keyword
    # (``google_session(LOGIN_SCOPES)``), and the items written in such an argument.
    handed_on: dict[str, list[str]] = field(default_factory=dict)
    handed_items: set[Span] = field(default_factory=set)
    # Per module (by path), the lists it sends in a query to a URL not provably
    # Nylas's (see ``read_unseen_hosts``).
    sent_elsewhere: dict[str, list[str]] = field(default_factory=dict)

    def silenced(self, facts: ModuleFacts) -> list[str]:
        """The module's lists given somewhere other than a wrapper's request."""
        return [*(name for name, line, column, _ in facts.foreign_scopes
                  if (facts.path, line, column) not in self.requested),
                *self.handed_on.get(facts.path, ()),
                *self.sent_elsewhere.get(facts.path, ())]


def read_given_lists(
    modules: Iterable[ModuleFacts], every_module: Iterable[ModuleFacts],
    resolve: Callable[[Val], Objs], wrapped: Mapping[Span, AbstractSet[str]],
) -> GivenLists:
    """``modules`` are the app's, whose gives are read; ``every_module`` those whose
    flow recorded the scopes passed to calls; ``wrapped`` the arguments the judge made
    requests of, each with the wrappers (by dotted function name) that took it."""
    arguments = _scope_arguments(every_module)
    # Wrappers that also give what they are passed to another library's request.
    handing_on = {name for facts in every_module for name in facts.scopes_handed_on}
    given = GivenLists()
    modules = list(modules)
    _note_handed_on(modules, resolve, handing_on, given)
    for facts in modules:
        for name, line, column, callee in facts.foreign_scopes:
            place = (facts.path, line, column)
            argument = arguments.get(place)
            if argument is None:
                continue  # not recorded as scopes passed (``list(SCOPES)``): still silent
            targets = resolve(argument.callee)
            takers = wrapped.get(argument.span, frozenset())
            if any(target in handing_on for _, target in targets):
                continue  # silent, as where it goes to the other library itself
            if targets and all(kind == "func" and target in takers for kind, target in targets):
                given.requested.add(place)
            elif any(kind in _PROJECT_CALLABLES for kind, _ in targets):
                given.unread.append(UnreadGive(argument.span, name, callee))
    return given


def read_unseen_hosts(modules: Iterable[ModuleFacts],
                      url_text: Callable[[tuple[UrlPart, ...]], str],
                      given: GivenLists) -> None:
    """The lists the modules send as the scope of a query to a URL whose host they do
    not write (``unseen_host_scopes``), read with the constant the URL starts with
    where ``url_text`` (the project index's) can read it: a URL of another service
    keeps the list silent, as one written so does; a URL of Nylas's leaves it judged;
    any other keeps it silent and is said where the list is sent."""
    for facts in modules:
        for name, line, column, shown, start, url in facts.unseen_host_scopes:
            read = url
            if start and url.startswith(URL_HOLE):
                read = url_text((UrlPart(URL_HOLE, start), UrlPart(url[len(URL_HOLE):])))
            owner = url_owner(read)
            if owner is UrlOwner.NYLAS:
                continue
            given.sent_elsewhere.setdefault(facts.path, []).append(name)
            if owner is UrlOwner.UNSEEN:
                given.unread.append(UnreadGive(
                    Span(facts.path, line, column, line, column), name, shown, start))


def _note_handed_on(modules: Iterable[ModuleFacts], resolve: Callable[[Val], Objs],
                    handing_on: AbstractSet[str], given: GivenLists) -> None:
    """The scopes values the modules pass a wrapper that hands its parameter on to
    another library's request (``functions_handing_on``), by position or under any
    keyword: every list such a value names, and every item written in it."""
    if not handing_on:
        return
    for facts in modules:
        for argument in facts.flow.scope_args if facts.flow is not None else ():
            if not any(target in handing_on for _, target in resolve(argument.callee)):
                continue
            references = given.handed_on.setdefault(facts.path, [])
            for value in _parts(argument.value):
                given.handed_items.update(item.span for item in value.items)
                references.extend(reference for reference in (
                    value.reference, *(splice.reference for splice in value.splices))
                    if reference and reference not in references)


def _parts(value: ScopeValue) -> Iterator[ScopeValue]:
    """``value`` and the values it may be (``A if pro else B``)."""
    pending = [value]
    while pending:
        one = pending.pop()
        yield one
        pending.extend(one.alternatives)


def _scope_arguments(modules: Iterable[ModuleFacts]) -> dict[Place, ScopeArg]:
    return {(argument.span.path, argument.span.line, argument.span.col): argument
            for facts in modules if facts.flow is not None
            for argument in facts.flow.scope_args}


def unread_reason(give: UnreadGive) -> str:
    # An attribute of an object the analysis cannot name (``any_attribute``).
    unnamed = give.name.startswith(any_attribute(""))
    name = f"the {give.name[len(any_attribute('')):]} of an object" if unnamed else give.name
    if give.url_start is not None:
        start = f" (it starts with {give.url_start})" if give.url_start else ""
        return (f"{name} is sent as the scope of {give.callee}, whose host the analysis "
                f"cannot read{start}: it may be another service's sign-in, so no scope "
                "of it is called unneeded")
    return (f"{name} is given to {give.callee}(), which the analysis does not read "
            "as a Nylas request or another OAuth library's, so no scope of it is called "
            "unneeded")
