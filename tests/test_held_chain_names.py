"""The names test run before a held chain's root is resolved: it may say yes where
no use is seen, never no where ``_chain_use`` sees one.

A chain's names are the attributes read after its root and those of the root's own
chain: one at most where the walk ends by itself, more where it is cut short at its
limit (``raw.messages.list`` left as a root, ``("x",)`` read on it).
"""

from __future__ import annotations

import itertools

from flake8_nylas_scopes.analysis.flow_facts import Val
from flake8_nylas_scopes.judging.held_chains import rebuilt_chain
from flake8_nylas_scopes.judging.resolver import FlowResolver, _chain_use
from flake8_nylas_scopes.spans import Span

_SPAN = Span("m.py", 1, 0, 1, 1)


def _names(resolver: FlowResolver) -> list[str]:
    """A few names of each kind ``_chain_use`` reads, and names no SDK has."""
    sdk = resolver.sdk
    return [*sorted(sdk.collections)[:3], *sorted(sdk.model_method_scopes)[:3],
            *sorted(sdk.resources[""].children)[:3], "append", "all", "value"]


def _roots(names: list[str]) -> list[Val]:
    raw = Val("sym", "p:m.f.raw")
    roots: list[Val] = [raw, Val("call", "", raw)]
    for first, second in itertools.product(names, repeat=2):
        # An attribute left as a root: alone, and with its chain (a cut walk).
        roots += [Val("attr", first), Val("attr", second, Val("attr", first, raw))]
    return roots


def test_no_chain_seen_as_a_use_is_skipped() -> None:
    resolver = FlowResolver([])
    names = _names(resolver)
    attr_tuples = [(), *((name,) for name in names),
                   *itertools.product(names[-3:], names)]
    for root, attrs in itertools.product(_roots(names), attr_tuples):
        use = _chain_use(rebuilt_chain(root, attrs), _SPAN, "", resolver.sdk)
        if use is not None:
            assert resolver._may_name_a_use(root, attrs), (root, attrs)


def test_the_root_chain_left_by_a_cut_walk_is_read() -> None:
    # ``raw.messages.list`` left unfollowed at the limit, ``x`` read on it: the
    # collection is in the root's chain, not in what was read after it.
    resolver = FlowResolver([])
    collection = sorted(resolver.sdk.collections)[0]
    root = Val("attr", "list", Val("attr", collection, Val("sym", "p:m.f.raw")))
    assert resolver._may_name_a_use(root, ("x",))
    assert _chain_use(rebuilt_chain(root, ("x",)), _SPAN, "", resolver.sdk) is not None


def test_a_chain_naming_no_sdk_member_is_skipped() -> None:
    # The control: ``results.append`` held through a local names nothing of the SDK.
    resolver = FlowResolver([])
    root = Val("sym", "l:m.f.results")
    assert not resolver._may_name_a_use(root, ("append",))
    assert _chain_use(rebuilt_chain(root, ("append",)), _SPAN, "", resolver.sdk) is None
