"""Which values the held-chain walk is asked about, and what a walk cut at its limit
says.

A call whose callee resolves to nothing is walked through its module's bindings for
a bound SDK method it may hold (see ``held_chains``).  The walk is skipped where no
symbol the callee reaches is bound to a value naming an SDK member: it could give no
chain naming one.  A walk that stops at its limit leaves what it did not follow
unresolved, for any scope.

``app/auth.py`` asks for Google's ``gmail.readonly``, which only the held methods
below may need, and ``calendar``, which its own call needs.
"""

from __future__ import annotations

import random
from pathlib import Path

from fake_apps import held_findings

from flake8_nylas_scopes.analysis.flow_facts import HandedCall, Val
from flake8_nylas_scopes.judging.held_chains import (
    held_chains, may_give_a_name, naming_symbols,
)


def _findings(tmp_path: Path, modules: dict[str, str]) -> list[tuple[str, int, str]]:
    """Every module in one project: (module, line, message without the code)."""
    return sorted((Path(f.span.path).stem, f.span.line, f.message.split(";")[0])
                  for f in held_findings(tmp_path, modules))


def _aliases(count: int) -> str:
    """``raw.messages.list`` passed along ``count`` names, one after the other, then
    called through the last (line ``count + 3``)."""
    lines = ["def run(raw, grant):", "    f0 = raw.messages.list"]
    lines += [f"    f{index} = f{index - 1}" for index in range(1, count + 1)]
    lines.append(f"    f{count}(grant)")
    return "\n".join(lines) + "\n"


def test_a_method_held_past_the_walks_limit_stays_unresolved(tmp_path: Path) -> None:
    # Before, the walk stopped at its 256 steps with a name left over and nothing
    # read on it, which was dropped: the method was judged not held, and Gmail's read
    # scope, which only it may need, was reported unused (NYS303).
    found = _findings(tmp_path, {"m": _aliases(300)})
    assert not any(name == "auth" for name, _, _ in found)
    assert found == [("m", 303, "NYS304 cannot tell what f300 may hold: more values "
                      "than the analysis follows")]


def test_a_method_held_within_the_walks_limit_is_named(tmp_path: Path) -> None:
    # Control: a chain of names the walk follows to its end names the method it holds.
    found = _findings(tmp_path, {"m": _aliases(100)})
    assert found == [("m", 103, "NYS304 cannot tell whether raw.messages.list via f100() "
                      "is a Nylas call")]


def test_a_method_held_through_names_bound_in_turn_is_still_walked(
        tmp_path: Path) -> None:
    # The callee reaches the SDK's name only through two symbols, the first bound
    # after the second: the skip must not stop at the first symbol.
    found = _findings(tmp_path, {"m": """\
        def run(raw, grant, kind):
            pick = jobs[kind]
            jobs = {"list": raw.messages.list}
            return pick(grant)
    """})
    assert [(name, line) for name, line, _ in found] == [("m", 4)]
    assert "raw.messages.list" in found[0][2]


def test_a_callee_reaching_no_sdk_name_says_nothing(tmp_path: Path) -> None:
    # Control: a module binding an SDK member's name elsewhere (``raw.messages``,
    # called in place) does not make ``results.append`` a held method.
    found = _findings(tmp_path, {"m": """\
        def run(raw, grant):
            results = []
            for item in raw.messages.list(grant):
                results.append(item.subject)
            return results
    """})
    assert not any(name == "m" and "results.append" in message
                   for name, _, message in found)


# -- the skip against the walk: it may say yes where no chain names a use, never no
# where one does --------------------------------------------------------------------

_NAMES = frozenset({"messages", "send"})
_ATTRS = ["messages", "send", "append", "get", "values", "value", "id"]
_KINDS = ["attr", "attr", "attr", "sym", "sym", "item", "iter", "box", "part", "call",
          "handed", "unknown"]


def _value(rng: random.Random, symbols: list[str], depth: int) -> Val:
    kind = rng.choice(_KINDS) if depth else rng.choice(["sym", "unknown", "attr"])
    if kind == "sym":
        return Val("sym", rng.choice(symbols))
    if kind == "unknown" or (kind == "attr" and not depth):
        return Val("unknown") if kind == "unknown" else Val("attr", rng.choice(_ATTRS))
    inner = _value(rng, symbols, depth - 1)
    if kind == "attr":
        return Val("attr", rng.choice(_ATTRS), inner)
    if kind == "call":
        return Val("call", "", inner)
    if kind == "handed":
        return HandedCall("call", "", inner, _value(rng, symbols, depth - 1))
    return Val(kind, "0/2" if kind == "part" else "", inner)


def test_the_skip_never_drops_a_chain_the_walk_would_give() -> None:
    rng = random.Random(7)
    symbols = [f"l:m.f.s{index}" for index in range(6)]
    checked = skipped = 0
    for _ in range(3000):
        bindings: dict[str, list[Val]] = {}
        for symbol in rng.sample(symbols, rng.randint(0, len(symbols))):
            bindings[symbol] = [_value(rng, symbols, rng.randint(0, 4))
                                for _ in range(rng.randint(1, 2))]
        value = _value(rng, symbols, rng.randint(0, 4))
        held = held_chains(value, bindings, lambda call, attr: True)
        gives = any(name in _NAMES for root, attrs, *_ in held.chains
                    for name in (*attrs, *_root_names(root)))
        checked += 1
        if not may_give_a_name(value, _NAMES, naming_symbols(bindings, _NAMES)):
            skipped += 1
            assert not gives, (value, bindings)
    # The skip is asked of values on both sides, not vacuously.
    assert 0 < skipped < checked


def _root_names(root: Val) -> list[str]:
    """The attributes of a root's own chain (left so by a cut walk)."""
    names: list[str] = []
    link: Val | None = root
    while link is not None and link.kind == "attr":
        names.append(link.name)
        link = link.inner
    return names
