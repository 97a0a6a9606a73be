"""How a module reaches its own top-level functions and classes, and what it imports,
as the judge needs them to keep code to some providers across modules.

A guard often sits in one module and the provider's work in another::

    # app/sync.py
    from . import gmail
    from .gmail import create_label

    if grant.provider == "google":
        create_label(nylas, grant_id)
        gmail.archive(nylas, grant_id)

Which grants reach ``create_label`` is only known once every module that names it is
read: each module records, for each of its top-level functions and classes, how its
own code reaches it (``CallableReach``), and, where it tests providers, how it uses
each name it imports (``ImportReach``: the lines of its calls, the tables keyed by
providers that pick it).  The judge joins them (``judging/provider_reach.py``).  A
use that is not a call or such a pick is ``other``: the name may then run anywhere.
"""

from __future__ import annotations

import ast
import bisect
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(frozen=True)
class Reach:
    """How code reaches one name: calls (by line), picks by tables keyed by
    providers (the providers whose keys give it), picks by a key not tied to a
    provider (the line of the lookup), and whether it is used any other way."""

    calls: tuple[int, ...] = ()
    picked: tuple[tuple[str, ...], ...] = ()
    undecided: tuple[int, ...] = ()
    other: bool = False

    def to_json(self) -> list[Any]:
        return [list(self.calls), [list(names) for names in self.picked],
                list(self.undecided), self.other]

    @classmethod
    def from_json(cls, data: Any) -> Reach:
        calls, picked, undecided, other = data
        return cls(tuple(int(line) for line in calls),
                   tuple(tuple(str(name) for name in names) for names in picked),
                   tuple(int(line) for line in undecided), bool(other))


# A top-level function or class, defined once and undecorated: its name, its lines
# and how its own module reaches it.
CallableReach = tuple[str, int, int, Reach]
# A dotted name a module reaches through its imports (``app.gmail.create_label``,
# ``app.gmail`` for the module itself when it is used as a value) and how.
ImportReach = tuple[str, Reach]

# Names of the standard library: what a module uses of them is left to the flow
# records (a module of the project named like one, ``calendar``, is still followed:
# there any reference means a use that may run for any grant).
_LEFT_OUT = frozenset(sys.stdlib_module_names) | {"__future__"}
_NEWLINE = re.compile(r"\n")
_DEFINES = re.compile(r"(?:def|class)\s+$")
_CHAIN = re.compile(r"(?:\.[A-Za-z_]\w*)*")


def recorded(dotted: str) -> bool:
    """Whether the uses of an imported name are among a module's ``ImportReach``."""
    return dotted.partition(".")[0] not in _LEFT_OUT


def text_reaches(tree: ast.Module, text: str, imports: dict[str, str],
                 import_lines: set[int]) -> tuple[list[CallableReach], list[ImportReach]]:
    """``CallableReach`` and ``ImportReach`` of a module that tests no provider, read
    from its text (see ``_TextUses``; ``import_lines``: the lines of its import
    statements, which are no use of a name).  Cheaper than a walk of the tree, and it
    only errs towards ``other``.  An imported name's attribute chain is followed:
    ``gmail.create_label(`` reaches ``app.gmail.create_label``."""
    defined = Counter(node.name for node in tree.body
                      if isinstance(node, (*_FUNCTIONS, ast.ClassDef)))
    wanted = {node.name: node for node in tree.body
              if isinstance(node, (*_FUNCTIONS, ast.ClassDef)) and not node.decorator_list
              and defined[node.name] == 1 and not node.name.startswith("__")}
    chains = {local: dotted for local, dotted in imports.items() if recorded(dotted)}
    names = {**chains, **dict.fromkeys(wanted, "")}
    if not names:
        return [], []
    own, found = _TextUses(text).reaches(
        names, lambda name, line: line in import_lines if names[name] else (
            line == wanted[name].lineno))
    callables = [(name, node.lineno, node.end_lineno or node.lineno, own[name])
                 for name, node in wanted.items() if not own[name].other]
    imported = list(found.items())
    for local, dotted in chains.items():
        if local in wanted:
            # Bound by the module too: its uses may be of either.
            imported.append((dotted, Reach(other=True)))
    return callables, sorted(imported)


class _TextUses:
    """The occurrences of names in a module's text, as words: one is a call where
    ``(`` follows it (or ``.attr(``, a method of a class), any other a use of another
    kind, in strings and comments too; a definition (``def name``, ``class name``)
    is no use of the name it defines, and one of another function of that name is
    a use of another kind."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] = []

    def line(self, offset: int) -> int:
        if not self._starts:
            self._starts = [0, *(newline.end() for newline in _NEWLINE.finditer(self.text))]
        return bisect.bisect_right(self._starts, offset)

    def reaches(self, names: dict[str, str], skipped: Callable[[str, int], bool],
                ) -> tuple[dict[str, Reach], dict[str, Reach]]:
        """How the text reaches each of ``names`` mapped to "" (by the name itself),
        and each dotted name the others are mapped to, followed by the attributes
        written after it.  ``skipped``: where an occurrence is the name's definition
        or import."""
        text = self.text
        # By (whether the key is a dotted name, the key).
        calls: dict[tuple[bool, str], list[int]] = {}
        other: set[tuple[bool, str]] = set()
        pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, names)) + r")(?!\w)")
        for match in pattern.finditer(text):
            name = match.group(1)
            line = self.line(match.start())
            if skipped(name, line):
                continue
            key, end = (False, name), match.end()
            dotted = names[name]
            if dotted:
                chain = _CHAIN.match(text, end)
                key = (True, dotted + chain.group() if chain else dotted)
                end = chain.end() if chain else end
            if _DEFINES.search(text, max(0, match.start() - 6), match.start()):
                other.add(key)  # another function or class of that name
                continue
            after = text[end:end + 1]
            if after == "(" or (not dotted and after == "." and _method_called(text, end + 1)):
                calls.setdefault(key, []).append(line)
            else:
                other.add(key)
        keys = set(calls) | other | {(False, name) for name, dotted in names.items()
                                     if not dotted}
        found: tuple[dict[str, Reach], dict[str, Reach]] = ({}, {})
        for key in keys:
            found[key[0]][key[1]] = Reach(other=True) if key in other else Reach(
                calls=tuple(calls.get(key, ())))
        return found


def _method_called(text: str, start: int) -> bool:
    """Whether ``attr(`` follows at ``start``: ``Name.attr(...)``."""
    found = _NAME.match(text, start)
    return found is not None and text[found.end():found.end() + 1] == "("


_NAME = re.compile(r"[A-Za-z_]\w*")
