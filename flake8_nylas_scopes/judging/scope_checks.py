"""The app's own checks of its grant, as uses of the scopes they name.

A scope name the code compares with something (``if "email.send" not in granted:
raise ...``, recorded by ``analysis/checked_scopes.py``) may make the app refuse a
grant without it, whatever its Nylas calls need.  The analysis cannot tell what the
check guards, so it is an unresolved use of that scope: no claim that the scope, or
one that may include it, is unneeded (NYS302, NYS303, NYS405), and NYS304 says where.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..analysis.facts import ItemForm, ModuleFacts, ScopeSite, ScopeValue
from ..nylas_api import API_VERSIONS
from ..nylas_api.catalogue import Catalogue
from ..spans import Span
from .resolver import UnresolvedUse


def scope_check_uses(modules: Iterable[ModuleFacts], requests: Iterable[ScopeSite],
                     read: Callable[[str], list[ScopeValue]]) -> Iterator[UnresolvedUse]:
    """One unresolved use per scope name the modules compare with something, except
    the items of the ``requests``' lists: comparing the request list with the grant
    (``set(SCOPES) - set(token.scope)``) checks for no scope a list without it would
    still ask for.  ``read`` gives the values another module's constant may hold."""
    catalogues = [api.catalogue(provider) for api in API_VERSIONS.values()
                  for provider in api.providers]
    requested = {(item.span.path, item.span.line, item.span.col)
                 for site in requests for item in site.value.items}

    def use(span: Span, name: str) -> UnresolvedUse | None:
        # Each catalogue's name for it: a request is judged in its own dialect.
        scopes = frozenset(scope for catalogue in catalogues
                           for scope in checked_names(catalogue, name))
        return UnresolvedUse(span, _reason(name), scopes) if scopes else None

    for facts in modules:
        for line, column, name in facts.checked_scopes:
            if (facts.path, line, column) in requested:
                continue
            found = use(Span(facts.path, line, column, line, column + len(repr(name))), name)
            if found is not None:
                yield found
        for line, column, reference, says_scope in facts.checked_references:
            span = Span(facts.path, line, column, line, column)
            for value in read(reference):
                for item in value.items:
                    name = item.text.strip()
                    if item.form is ItemForm.LIST_ITEM and (
                            item.span.path, item.span.line, item.span.col) in requested:
                        continue  # an item of a request list: see above
                    if name.isalpha() and not says_scope:
                        continue  # an ordinary word compared with something else
                    found = use(span, name)
                    if found is not None:
                        yield found


def guards_read(facts: ModuleFacts, read: Callable[[str], list[ScopeValue]]
                ) -> list[tuple[int, int, str]]:
    """A module's code run only under a check of its grant (see
    ``ModuleFacts.scope_guards``), with each check of another module's constant
    (``if consts.SEND in grant.scope:``) read as the names ``read`` gives it."""
    guards = list(facts.scope_guards)
    for first, last, reference in facts.reference_guards:
        guards.extend((first, last, item.text.strip())
                      for value in read(reference) for item in value.items)
    return guards


def _reason(name: str) -> str:
    return (f"the code compares {name!r} with something, such as the granted scopes: "
            "whatever that check guards is no Nylas call the analysis can judge")


def checked_names(catalogue: Catalogue, name: str) -> frozenset[str]:
    """The scopes of ``catalogue`` a check of ``name`` may look for: the one it names,
    or, for a part of a name (``"gmail.send"`` tested in a grant held as one string),
    each scope whose spelling holds it, sign-in scopes aside."""
    canonical = catalogue.canonical(name)
    if canonical is not None:
        return frozenset({canonical})
    return frozenset(
        found for spelling in (*catalogue.scopes, *catalogue.spellings) if name in spelling
        and (found := catalogue.canonical(spelling)) is not None
        and found not in catalogue.identity)


def guarded_scopes(guards: Iterable[tuple[int, int, str]], line: int,
                   catalogue: Catalogue) -> list[frozenset[str]]:
    """For each check the code at ``line`` runs only under, the scopes it may hold
    (one of each set, in ``catalogue``), from ``ModuleFacts.scope_guards``."""
    held = (checked_names(catalogue, name) for first, last, name in guards
            if first <= line <= last)
    return [scopes for scopes in held if scopes]
