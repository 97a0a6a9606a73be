"""Scope names the code compares with something: the app checks its grant itself.

An app may refuse a login that lacks a scope, whatever its Nylas calls need::

    token = nylas.auth.exchange_code_for_token({...})
    if "https://www.googleapis.com/auth/gmail.send" not in token.scope:
        raise PermissionError("send permission missing")

Dropping that scope from the request because no call sends would make every login
fail.  Such a test is a use of the scope that the analysis cannot judge, so this
records where a scope name is compared: an operand of ``in``, ``not in``, ``==``,
``!=`` or an ordering (``<=`` between sets), an argument or receiver of a set
comparison method (``issubset``, ``issuperset``, ``isdisjoint``, ``intersection``,
``difference``, ``symmetric_difference``), or an operand of ``-``, ``&`` or ``^``.
The name is a string literal there (also inside a list, tuple or set display, or
``set(...)`` of one), or a name bound to one or to a display (a module constant, a
function's own ``required = {...}``).  Only
exact scope names of a catalogue count, sign-in scopes aside (no rule calls them
unneeded); a name that is an ordinary word (API v2's ``calendar``, ``email``,
``contacts``) counts only compared with something whose name says scope
(``"calendar" in token.scopes``), so that ``kind == "calendar"`` is not taken for
one.  A request list or a docstring
compares nothing, and neither does ``|``, which builds a list.  Nor is a test of the
app's own list (``"calendar" in SCOPES``, ``settings.NYLAS_SCOPES``) a check of the
grant: taking the scope out of the list changes both alike.

A grant's scopes may be one string (API v3's token response joins them with spaces),
so ``"gmail.send" in token.scope`` tests a part of a scope's name: such a part (what
follows the last ``/`` of a URL scope) counts as the needle of ``in`` or ``not in``
against something whose name says scope.  Where a check decides whether code runs
(``if SEND in grant.scope:``, or the rest of a block after ``if SEND not in
grant.scope: raise ...``), that code is recorded as a guard of the name.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..nylas_api import API_VERSIONS
from .tree_walk import TreeNodes, walk_nodes

_COMPARISONS = (ast.In, ast.NotIn, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)
_SET_TESTS = frozenset({"issubset", "issuperset", "isdisjoint", "intersection",
                        "difference", "symmetric_difference"})
_SET_OPERATORS = (ast.Sub, ast.BitAnd, ast.BitXor)
# Builtins that hold the same strings as what they are given.
_SAME_ITEMS = frozenset({"set", "frozenset", "list", "tuple", "sorted"})

# The value a module-level name is bound to once (None when it is not).
Lookup = Callable[[str], "ast.expr | None"]
# The dotted name an expression refers to through imports (None when it names none).
Qualify = Callable[[ast.expr], "str | None"]


@functools.lru_cache(maxsize=1)
def _scope_names() -> frozenset[str]:
    """Every spelling of every scope of every catalogue, sign-in scopes aside."""
    names: set[str] = set()
    for api in API_VERSIONS.values():
        for provider in api.providers:
            catalogue = api.catalogue(provider)
            spellings = set(catalogue.scopes) | set(catalogue.spellings)
            names.update(name for name in spellings
                         if catalogue.canonical(name) not in catalogue.identity)
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def _scope_parts() -> frozenset[str]:
    """What follows the last ``/`` of each URL scope (Google's ``gmail.send``), as a
    test of a grant held as one string may name it."""
    return frozenset(name.rpartition("/")[2] for name in _scope_names() if "/" in name)


# A quoted word, URL or dotted name: how a scope name is written as a literal.
_QUOTED = re.compile(r"""["']([\w.:/]+)["']""")


def may_check_scopes(text: str) -> bool:
    """Whether a module may compare a scope name, before any walk: its text says
    scope (``token.scope``, ``consts.SEND_SCOPE``), or holds a scope name as a
    literal other than an ordinary word (one scan with a simple pattern, then a set
    lookup per quoted word).  An ordinary word (``"email"``, a common key) must be
    compared with something whose name says scope."""
    if "scope" in text.lower():
        return True
    names = _scope_names()
    return any(found.group(1) in names and not _ordinary_word(found.group(1))
               for found in _QUOTED.finditer(text))


@dataclass
class Checks:
    """What one module compares with something: scope names it spells, as (line,
    column, name), and other modules' constants, as (line, column, dotted name,
    whether it is compared with something whose name says scope), which the judge
    reads (``if consts.SEND_SCOPE not in token.scope:``); and the code that runs only
    where such a check holds, as (first line, last line, the name or the constant's
    dotted name)."""

    names: list[tuple[int, int, str]] = field(default_factory=list)
    references: list[tuple[int, int, str, bool]] = field(default_factory=list)
    guards: list[tuple[int, int, str]] = field(default_factory=list)
    reference_guards: list[tuple[int, int, str]] = field(default_factory=list)


def checked_scopes(tree: ast.Module, lookup: Lookup, module_level: Callable[[str], bool],
                   qualify: Qualify = lambda node: None, nodes: TreeNodes | None = None,
                   ) -> Checks:
    """Where the module compares a scope name with something.

    ``module_level`` says whether a name is bound or imported at the module's top: a
    test of such a list (``"calendar" in SCOPES``, ``settings.NYLAS_SCOPES``), or of a
    name the module binds to a list display (a function's own ``scopes = [...]``),
    asks about the app's own request list, which taking the scope out of changes too.
    """
    compared: list[tuple[list[ast.expr], bool]] = []
    # What names are bound to anywhere (a function's ``required = {...}``): a name
    # bound to several values may hold any of them.
    bound: dict[str, list[ast.expr]] = {}
    # (``nodes``: the tree's, when listed for other readings of it too.)
    for node in walk_nodes(tree) if nodes is None else nodes.all():
        compared.extend(_compared(node))
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(
                node.value, (ast.List, ast.Tuple, ast.Set, ast.Constant)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    bound.setdefault(target.id, []).append(node.value)
    displays = {name for name, values in bound.items()
                if any(not isinstance(value, ast.Constant) for value in values)}

    def own(name: str) -> bool:
        return name in displays or module_level(name)

    def values(name: str) -> list[ast.expr]:
        value = lookup(name)
        return [value] if value is not None else bound.get(name, [])

    found: dict[tuple[int, int, str], None] = {}
    references: dict[tuple[int, int, str, bool], None] = {}
    for sides, contains in compared:
        if all(_static(side, own) for side in sides):
            continue  # nothing read at run time: the app's own lists and literals
        for index, side in enumerate(sides):
            others = sides[:index] + sides[index + 1:]
            if all(_own_list(other, own) for other in others):
                continue
            says_scope = any(_says_scope(other) for other in others)
            # The needle of ``in`` against a grant that says scope may be part of a name.
            parts = contains and index == 0 and says_scope
            for name_node, name in _names(side, values, parts):
                if _ordinary_word(name) and not says_scope:
                    continue
                found[(name_node.lineno, name_node.col_offset, name)] = None
            reference = _imported(side, lookup, qualify)
            if reference:
                references[(side.lineno, side.col_offset, reference, says_scope)] = None
    checks = Checks(list(found), list(references))
    if found:
        checks.guards = _guarded_code(tree, nodes, [(line, column, name)
                                                    for line, column, name in found])
    if references:
        checks.reference_guards = _guarded_code(
            tree, nodes, [(line, column, name) for line, column, name, _ in references])
    return checks


def _guarded_code(tree: ast.Module, nodes: TreeNodes | None,
                  checked: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The code that runs only where one of the ``checked`` (line, column, name) holds
    (see ``_guards``), once each."""
    by_place: dict[tuple[int, int], list[str]] = {}
    for line, column, name in checked:
        by_place.setdefault((line, column), []).append(name)
    return list(dict.fromkeys(
        guard for node in (walk_nodes(tree) if nodes is None else nodes.all())
        for guard in _guards(node, by_place)))


# The statements after which a block's next statement does not run.
_EXITS = (ast.Raise, ast.Return, ast.Continue, ast.Break)


def _guards(node: ast.AST, by_place: dict[tuple[int, int], list[str]]
            ) -> Iterator[tuple[int, int, str]]:
    """The code ``node`` runs only where its grant holds a checked name: the body of
    ``if NAME in grant:`` (also one operand of ``and``), the ``else`` of ``if NAME not
    in grant:``, and the statements after such an ``if`` whose body leaves the block
    (``raise``, ``return``, ``continue``, ``break``)."""
    for block in _blocks(node):
        for index, statement in enumerate(block):
            if not isinstance(statement, ast.If):
                continue
            for name in _tested(statement.test, ast.In, by_place):
                yield _lines(statement.body, name)
            for name in _tested(statement.test, ast.NotIn, by_place):
                if statement.orelse:
                    yield _lines(statement.orelse, name)
                if isinstance(statement.body[-1], _EXITS) and index + 1 < len(block):
                    yield _lines(block[index + 1:], name)


def _blocks(node: ast.AST) -> Iterator[list[ast.stmt]]:
    """The statement lists ``node`` holds directly."""
    for name in ("body", "orelse", "finalbody"):
        block = getattr(node, name, None)
        if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
            yield block


def _tested(test: ast.expr, operator: type[ast.cmpop],
            by_place: dict[tuple[int, int], list[str]]) -> Iterator[str]:
    """The checked names ``test`` compares with ``operator`` as the needle: the test
    itself, or (for ``in``) one operand of ``and``, since each operand must hold."""
    if (isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And)
            and operator is ast.In):
        for value in test.values:
            yield from _tested(value, operator, by_place)
    elif (isinstance(test, ast.Compare) and len(test.ops) == 1
          and isinstance(test.ops[0], operator)):
        needle = test.left
        yield from by_place.get((needle.lineno, needle.col_offset), ())


def _lines(block: list[ast.stmt], name: str) -> tuple[int, int, str]:
    last = block[-1]
    return (block[0].lineno, last.end_lineno or last.lineno, name)


def _imported(node: ast.expr, lookup: Lookup, qualify: Qualify) -> str:
    """The dotted name of another module's constant an operand names (a name imported
    from it, or an attribute of it), as written; "" for anything else."""
    node = _unwrapped(node)
    if isinstance(node, ast.Name) and lookup(node.id) is not None:
        return ""
    if isinstance(node, (ast.Name, ast.Attribute)):
        return qualify(node) or ""
    return ""


def _own_list(node: ast.expr, module_level: Callable[[str], bool]) -> bool:
    """A constant of the app (a name of the module's top, an upper-case attribute),
    not a grant read at run time (``token.scope``, a parameter, a local)."""
    node = _unwrapped(node)
    if isinstance(node, ast.Name):
        return module_level(node.id)
    return isinstance(node, ast.Attribute) and node.attr.isupper()


def _static(node: ast.expr, own: Callable[[str], bool]) -> bool:
    """An own list, a literal, or a display of them."""
    node = _unwrapped(node)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_static(item, own) for item in node.elts)
    return isinstance(node, ast.Constant) or _own_list(node, own)


def _unwrapped(node: ast.expr) -> ast.expr:
    """``set(SCOPES)``, ``sorted(SCOPES)``: what they copy."""
    while (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
           and node.func.id in _SAME_ITEMS and len(node.args) == 1 and not node.keywords):
        node = node.args[0]
    return node


def _compared(node: ast.AST) -> Iterator[tuple[list[ast.expr], bool]]:
    """The operands each comparison of ``node`` sets against each other, and whether
    it is ``in`` or ``not in`` (the first operand the needle)."""
    if isinstance(node, ast.Compare):
        operands = [node.left, *node.comparators]
        for index, operator in enumerate(node.ops):
            if isinstance(operator, _COMPARISONS):
                yield operands[index:index + 2], isinstance(operator, (ast.In, ast.NotIn))
    elif isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in _SET_TESTS:
            yield [func.value, *node.args], False
    elif isinstance(node, ast.BinOp) and isinstance(node.op, _SET_OPERATORS):
        yield [node.left, node.right], False


def _names(node: ast.expr, values: Callable[[str], list[ast.expr]], parts: bool = False
           ) -> Iterator[tuple[ast.expr, str]]:
    """The scope names an operand spells: a literal, the items of a display, a name
    bound to either; with ``parts``, also the part of a URL scope's name after its
    last ``/`` (``"gmail.send"``).  A name is placed where the check reads it, a display's item
    where the display writes it: the judge leaves out the items of request lists
    (``set(SCOPES) - granted`` checks for nothing of its own)."""
    node = _unwrapped(node)
    operands: list[ast.expr] = [node]
    if isinstance(node, ast.Name):
        operands = [value for value in values(node.id)
                    if isinstance(value, (ast.List, ast.Tuple, ast.Set))] or operands
    items = [item for operand in operands for item in (
        operand.elts if isinstance(operand, (ast.List, ast.Tuple, ast.Set)) else [operand])]
    scopes = _scope_names() | _scope_parts() if parts else _scope_names()
    for item in items:
        held_values = values(item.id) if isinstance(item, ast.Name) else [item]
        for value in held_values:
            if (isinstance(value, ast.Constant) and isinstance(value.value, str)
                    and value.value in scopes):
                yield item, value.value


def _ordinary_word(name: str) -> bool:
    return name.isalpha()


def _says_scope(node: ast.expr) -> bool:
    """Whether an operand's names say scope (``token.scope``, ``granted_scopes``)."""
    return any(isinstance(part, ast.Name) and "scope" in part.id.lower()
               or isinstance(part, ast.Attribute) and "scope" in part.attr.lower()
               for part in walk_nodes(node))
