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
from collections.abc import Callable, Container
from dataclasses import dataclass
from typing import Any

from .keyword_dicts import keyword_dict
from .provider_tests import PROVIDER_NAMES
from .registries import registry_dict


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(frozen=True, slots=True)
class Reach:
    """How code reaches one name: calls (by line), picks by tables keyed by
    providers (the providers whose keys give it), picks by a key not tied to a
    provider (the line of the lookup), and whether it is used any other way."""

    calls: tuple[int, ...] = ()
    picked: tuple[tuple[str, ...], ...] = ()
    undecided: tuple[int, ...] = ()
    other: bool = False
    # Of a table keyed by providers (``ProviderTable``): the lines where it is looked
    # up by a grant's provider (``HANDLERS[grant.provider]``); a lookup by another key
    # is among ``undecided``.
    lookups: tuple[int, ...] = ()

    def to_json(self) -> list[Any]:
        return [list(self.calls), [list(names) for names in self.picked],
                list(self.undecided), self.other, list(self.lookups)]

    @classmethod
    def from_json(cls, data: Any) -> Reach:
        calls, picked, undecided, other, lookups = data
        return cls.of(tuple(int(line) for line in calls),
                      tuple(tuple(str(name) for name in names) for names in picked),
                      tuple(int(line) for line in undecided), bool(other),
                      tuple(int(line) for line in lookups))

    @classmethod
    def of(cls, calls: tuple[int, ...] = (), picked: tuple[tuple[str, ...], ...] = (),
           undecided: tuple[int, ...] = (), other: bool = False,
           lookups: tuple[int, ...] = ()) -> Reach:
        """A reach, the most common ones (no use, a use of another kind) shared: every
        module has some, for each of its functions and imports."""
        if other:
            return OTHER_USE
        if not (calls or picked or undecided or lookups):
            return NO_USE
        return cls(calls, picked, undecided, other, lookups)


NO_USE = Reach()
OTHER_USE = Reach(other=True)


# A top-level function or class, defined once and undecorated: its name, its lines
# and how its own module reaches it.
CallableReach = tuple[str, int, int, Reach]
# A module-level dict keyed by providers, bound once, whose values are functions or
# classes (``HANDLERS = {"google": sync_google, "microsoft": sync_microsoft}``): its
# name, its lines, the dotted name of each value with the providers whose keys give
# it, and how its own module uses it.  Another module may look it up.
ProviderTable = tuple[str, int, int, tuple[tuple[str, tuple[str, ...]], ...], Reach]
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
# What comes before a call a test makes (``if``, ``elif not``, ``and``), and the call's
# one plain argument.  Not a name bound to a test (``google = is_google(grant)``):
# that would take every call of a factory for a test.
_TESTED_BEFORE = re.compile(r"\b(?:if|elif|while|and|or|not)\s+(?:not\s+)?$")
# The argument: a name or an attribute chain, perhaps an item or ``.get()`` of it by a
# literal key and lowered (``grant["kind"].lower()``), as a pattern imported from
# another module tests a field (``GOOGLE.match(grant["kind"])``).
ONE_ARGUMENT = (r"\(\s*[\w.]+(?:\[\s*[\"'][\w-]*[\"']\s*\]|\.get\(\s*[\"'][\w-]*[\"']\s*\))?"
                r"(?:\.(?:lower|casefold|strip|upper)\(\s*\))?\s*\)")
_ONE_ARGUMENT = re.compile(ONE_ARGUMENT)
# More would cost two readings of the module's guards each.
MOST_PREDICATES = 4
# Calls of imported functions a module's tests make: see ``_TextUses.tested``.
TestedCalls = dict[str, tuple[str, list[int]]]


def recorded(dotted: str) -> bool:
    """Whether the uses of an imported name are among a module's ``ImportReach``."""
    return dotted.partition(".")[0] not in _LEFT_OUT


def table_dict(statement: ast.stmt, classes: Container[str] = (),
               filled: ast.Dict | None = None) -> ast.Dict | None:
    """The dict ``NAME = {...}`` (or ``dict(...)`` of keywords, see ``keyword_dict``)
    binds at module level, or the one a comprehension over ``classes`` keyed by an
    attribute of each builds (see ``registry_dict``);
    ``filled``, when given: the one a decorator fills ``NAME = {}`` with (see
    ``registries.decorated_registries``)."""
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(
            statement.targets[0], ast.Name)):
        return None
    if filled is not None:
        return filled
    if isinstance(statement.value, ast.Dict):
        return statement.value
    return keyword_dict(statement.value) or registry_dict(statement.value, classes)


def table_entries(statement: ast.stmt, module: str, imports: dict[str, str],
                  own: set[str], provider_name: Callable[[ast.expr], str],
                  classes: Container[str] = (), filled: ast.Dict | None = None,
                  ) -> tuple[str, tuple[tuple[str, tuple[str, ...]], ...]] | None:
    """The name and entries of ``NAME = {"google": handler, ...}`` at module level
    (see ``ProviderTable``), each value a function or class of the module (``own``)
    or a name it imports (``gmail.sync`` too); None for any other statement.
    ``classes``: those a comprehension keyed by their attributes may make a table
    of, ``filled`` the dict a decorator fills (see ``table_dict``)."""
    table = table_dict(statement, classes, filled)
    if table is None:
        return None
    assert isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name)
    if not table.keys and filled is None:
        # A dict a registrar fills may hold only other modules' classes, which the
        # judge adds (see ``judging/spread_registries.py``).
        return None
    entries: dict[str, set[str]] = {}
    for key, value in zip(table.keys, table.values):
        provider = provider_name(key) if key is not None else ""
        dotted = _dotted_value(value, module, imports, own)
        if not (provider and dotted):
            return None
        entries.setdefault(dotted, set()).add(provider)
    return statement.targets[0].id, tuple(
        (dotted, tuple(sorted(providers))) for dotted, providers in sorted(entries.items()))


def _dotted_value(node: ast.expr, module: str, imports: dict[str, str],
                  own: set[str]) -> str:
    attributes: list[str] = []
    while isinstance(node, ast.Attribute):
        attributes.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ""
    if node.id in imports:
        base = imports[node.id]
    elif node.id in own and not attributes and module:
        base = f"{module}.{node.id}"
    else:
        return ""
    return ".".join([base, *reversed(attributes)])


def literal_provider(node: ast.expr) -> str:
    """The provider a literal names ("" for anything else)."""
    value = node.value if isinstance(node, ast.Constant) else None
    return value if isinstance(value, str) and value in PROVIDER_NAMES else ""


def text_reaches(tree: ast.Module, text: str, module: str, imports: dict[str, str],
                 import_lines: set[int],
                 ) -> tuple[list[CallableReach], list[ImportReach], list[ProviderTable],
                            TestedCalls]:
    """``CallableReach``, ``ImportReach`` and ``ProviderTable`` of a module that tests
    no provider, read from its text (see ``_TextUses``; ``import_lines``: the lines of
    its import statements, which are no use of a name).  Cheaper than a walk of the
    tree, and it only errs towards ``other``.  An imported name's attribute chain is
    followed: ``gmail.create_label(`` reaches ``app.gmail.create_label``.  A table's
    own module is not read to look it up (that takes the word ``provider``): any use
    of it there is ``other``.  Last, the calls of imported functions its tests make,
    a few at most."""
    top = [node for node in tree.body if isinstance(node, (*_FUNCTIONS, ast.ClassDef))]
    defined = Counter(node.name for node in top)
    wanted: dict[str, ast.stmt] = {
        node.name: node for node in top if not node.decorator_list
        and defined[node.name] == 1 and not node.name.startswith("__")}
    tables: dict[str, tuple[ast.stmt, tuple[tuple[str, tuple[str, ...]], ...]]] = {}
    defined_names = set(defined)
    for statement in tree.body:
        table = table_entries(statement, module, imports, defined_names, literal_provider)
        if table is not None and table[0] not in defined:
            # A second binding of the name is a use the text scan sees.
            tables[table[0]] = (statement, table[1])
    in_tables = {line for statement, _ in tables.values()
                 for line in range(statement.lineno, (statement.end_lineno or 0) + 1)}
    chains = {local: dotted for local, dotted in imports.items() if recorded(dotted)}
    names = {**chains, **dict.fromkeys(wanted, ""), **dict.fromkeys(tables, "")}
    if not names:
        return [], [], [], {}

    def skipped(name: str, line: int) -> bool:
        if name in tables:
            return line == tables[name][0].lineno
        if line in in_tables:
            return True  # a table's value: the judge follows the table
        return line in import_lines if names[name] else line == wanted[name].lineno

    uses = _TextUses(text)
    own, found = uses.reaches(names, skipped)
    callables = [(name, node.lineno, node.end_lineno or node.lineno, own[name])
                 for name, node in wanted.items() if not own[name].other]
    # The same dotted names recur in every module that imports them.
    imported = [(sys.intern(dotted), reach) for dotted, reach in found.items()]
    table_values = {value for _, entries in tables.values() for value, _ in entries}
    for local, dotted in chains.items():
        used = local in uses.seen or any(
            value == dotted or value.startswith(dotted + ".") for value in table_values)
        if local in wanted or local in tables or not used:
            # Bound by the module too: its uses may be of either.  Or imported and
            # not used: re-exported (``from .gmail import create_label`` in a
            # package's ``__init__``), for code that imports it from here.
            imported.append((dotted, OTHER_USE))
    provider_tables = [(name, statement.lineno, statement.end_lineno or statement.lineno,
                        entries, own[name]) for name, (statement, entries) in tables.items()]
    tested = dict(sorted(uses.tested.items())[:MOST_PREDICATES])
    imported.sort(key=lambda item: item[0])
    return callables, imported, provider_tables, tested


class _TextUses:
    """The occurrences of names in a module's text, as words: one is a call where
    ``(`` follows it (or ``.attr(``, a method of a class), any other a use of another
    kind, in strings and comments too; a definition (``def name``, ``class name``)
    is no use of the name it defines, and one of another function of that name is
    a use of another kind."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] = []
        # The calls of imported names on one plain argument that a test makes (``if
        # is_google(grant):``), by their text: the dotted name called and the lines.
        self.tested: dict[str, tuple[str, list[int]]] = {}
        # The names found outside their definitions and imports.
        self.seen: set[str] = set()

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
        # The names as one pattern, or, for many, every word looked up: the
        # alternation tries each name at every place of the text (minutes for a
        # module of thousands of functions), the words loop once per word.
        pattern = _WORD if len(names) > _MOST_NAMES_IN_ONE_PATTERN else re.compile(
            r"(?<![\w.])(" + "|".join(map(re.escape, names)) + r")(?!\w)")
        for match in pattern.finditer(text):
            name = match.group(1)
            if name not in names:
                continue
            line = self.line(match.start())
            if skipped(name, line):
                continue
            self.seen.add(name)
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
                if dotted and _TESTED_BEFORE.search(text, max(0, match.start() - 12),
                                                    match.start()) and _ONE_ARGUMENT.match(
                        text, end):
                    self.tested.setdefault(text[match.start():end], (key[1], []))[1].append(line)
            else:
                other.add(key)
        keys = set(calls) | other | {(False, name) for name, dotted in names.items()
                                     if not dotted}
        found: tuple[dict[str, Reach], dict[str, Reach]] = ({}, {})
        for key in keys:
            found[key[0]][key[1]] = OTHER_USE if key in other else Reach.of(
                tuple(calls.get(key, ())))
        return found


def _method_called(text: str, start: int) -> bool:
    """Whether ``attr(`` follows at ``start``: ``Name.attr(...)``."""
    found = _NAME.match(text, start)
    return found is not None and text[found.end():found.end() + 1] == "("


_NAME = re.compile(r"[A-Za-z_]\w*")
_MOST_NAMES_IN_ONE_PATTERN = 64
# A name written as a word of its own, not after a dot (an attribute of another).
_WORD = re.compile(r"(?<![\w.])([^\W\d]\w*)")
