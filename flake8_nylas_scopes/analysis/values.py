"""Reading a scopes value from the expression that builds it, without running it.

Understood shapes: list/tuple/set literals; a bare comma-joined string (the wire
format); lists holding comma-joined strings; ``",".join([...])``; a constant string
split on whitespace, commas or spaces (``"a b".split()``), also another module's;
``+`` of literals;
``|`` of sets (``set(A) | set(B)``); starred splices; names bound once in the
enclosing scopes (module constants included); ``getattr(settings, "NAME", default)``
read as ``settings.NAME``; a member's value of an ``Enum`` class of the module.
Anything else is unresolved, and an unresolved value produces no list findings.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..nylas_api import API_VERSIONS, PROVIDER_SCOPE_PREFIXES
from .facts import (
    ANY_KEY, ENUM_MEMBERS, ENUM_VALUES, ItemForm, ScopeItem, ScopeValue, Splice, ValueState,
    shown_reference,
)
from .flask_config import APP_CONFIG, config_get_key
from .prefilter import SCOPE_FAMILIES
from .source import SourceMap

# What a Nylas v2 scope name looks like, to tell scope lists from other string lists.
SCOPE_WORD = re.compile(rf"^({'|'.join(SCOPE_FAMILIES)})(\.[a-z_]+)?$")


# The shape of a Microsoft Graph permission (``Mail.Read``, ``Calendars.ReadWrite.Shared``).
_GRAPH_PERMISSION = re.compile(r"^[A-Z][A-Za-z]*(\.[A-Z][A-Za-z]*)+$")


def names_a_scope(text: str) -> bool:
    """Whether a string is a scope of a version whatever the list's name: a v2 scope,
    a provider scope URI, or a Microsoft Graph permission written short
    (``MICROSOFT = ["Mail.Read", ...]``), which the API accepts."""
    if SCOPE_WORD.match(text.lower()) or text.startswith(PROVIDER_SCOPE_PREFIXES):
        return True
    return bool(_GRAPH_PERMISSION.match(text)) and (
        API_VERSIONS["v3"].catalogue("microsoft").canonical(text) is not None)


# Names are followed through at most this many assignments; deeper chains are
# unusual in real code and a bound keeps pathological input cheap.
_MAX_DEPTH = 8

Lookup = Callable[[str], "ast.expr | None"]
Qualify = Callable[[ast.expr], "str | None"]
# The values a name assigned in exclusive branches may hold (``if``/``elif`` tiers).
Branches = Callable[[str], "list[ast.expr] | None"]
# What a call to a function of this module may return, each read as scopes.
Returns = Callable[[ast.Call], "list[ScopeValue] | None"]
# The lists a name bound once and then added to behind flags may hold where it is
# read (see ``grown_lists``), each a list display; None when not such a list.
Grown = Callable[[ast.Name], "list[ast.expr] | None"]
# The value of ``name["key"]`` for a dict this module builds and fills.
KeyValue = Callable[[ast.expr, str], "ast.expr | None"]
# The value an attribute certainly holds (an ``Enum`` member's ``.value``), or None.
MemberValue = Callable[[ast.Attribute], "ast.expr | None"]
# The members of the ``Enum`` class a name stands for, in order, when all are known.
Members = Callable[[ast.expr], "list[str] | None"]
# Why a name's one assignment no longer says what it holds, where the module knows
# more than that (the call the name is also given to), or None.
UnreadName = Callable[[str], "str | None"]
# Whether code writes the dict a name holds after its assignment: at the key given
# (``SCOPES["google"] = [...]``, ``SCOPES["google"] += [...]``), or at any key when
# the key is None or the write's cannot be read (``SCOPES.update(...)``).
Rewritten = Callable[[ast.expr, "str | None"], bool]

# Builtins that make a list of the same scopes from a list: ``list(SCOPES)``,
# ``sorted(set(SCOPES))``.  A string given to them is split into characters: not read.
_SAME_ITEMS = frozenset({"list", "tuple", "set", "frozenset", "sorted"})
# The standard library's copiers: the same items as what they are given.
_COPIERS = frozenset({"copy.copy", "copy.deepcopy"})
# At most this many values are read for one scopes expression.
_MAX_ALTERNATIVES = 16


@dataclass(frozen=True)
class _Parts:
    """Intermediate result: items read so far and whether anything was missed."""

    items: tuple[ScopeItem, ...]
    complete: bool
    is_string: bool = False
    # Constants of other modules read in where they stand among the items.
    splices: tuple[Splice, ...] = ()
    # The first part that could not be read, as written (see ``ScopeValue.unread``).
    unread: str = ""


def _unresolved(reason: str, reference: str = "") -> ScopeValue:
    return ScopeValue(ValueState.UNRESOLVED, complete=False, reason=reason, reference=reference)


class ValueReader:
    def __init__(
        self, source: SourceMap, lookup: Lookup, qualify: Qualify,
        branches: Branches | None = None, returns: Returns | None = None,
        key_value: KeyValue | None = None, member_value: MemberValue | None = None,
        rewritten: Rewritten | None = None, members: Members | None = None,
        grown: Grown | None = None, unread_name: UnreadName | None = None,
    ) -> None:
        self._source = source
        self._lookup = lookup
        self._qualify = qualify
        self._branches = branches
        self._returns = returns
        self._key_value = key_value
        self._member_value = member_value
        self._rewritten = rewritten
        self._members = members
        self._grown = grown
        self._unread_name = unread_name

    def read(self, node: ast.expr, depth: int = 0) -> ScopeValue:
        """Resolve ``node`` as a v2 scopes value (the SDK's ``scopes`` argument).

        A value that may be one of several (``A if pro else B``, a name assigned in
        each branch of an ``if``, a function with several returns) is read as
        alternatives, each a request of its own.
        """
        target = self._follow(node)
        if isinstance(target, ast.Call) and depth < 4:
            attribute = self._getattr_attribute(target)
            if attribute is not None:
                return self.read(attribute, depth + 1)
        if target is None:
            # ``scopes.append("calendar")`` or ``scopes = scopes + [...]`` behind a
            # flag: each list it may be; else a name bound in each branch of an ``if``.
            options = self._grown(node) if (
                self._grown is not None and isinstance(node, ast.Name) and depth < 4
            ) else None
            if not options and self._branches is not None and isinstance(
                    node, ast.Name) and depth < 4:
                options = self._branches(node.id)
            if options:
                return self._either([self.read(option, depth + 1) for option in options])
            return self._reference_or_unresolved(node)
        if isinstance(target, ast.IfExp) and depth < 4:
            return self._either([self.read(target.body, depth + 1),
                                 self.read(target.orelse, depth + 1)])
        chosen = self._conditional_part(target, 0) if depth < 4 else None
        if chosen is not None:
            # ``BASE + (CALENDAR if FEATURE else [])`` is ``BASE + CALENDAR`` or
            # ``BASE + []``, as ``A if pro else B`` is one of two requests.
            return self._either([self.read(option, depth + 1) for option in chosen])
        keyed = self._keyed_alternatives(target) if depth < 4 else None
        if keyed:
            # ``key = "GOOGLE_SCOPES" if google else "MICROSOFT_SCOPES"`` then
            # ``config[key]``: as ``config["GOOGLE_SCOPES"] if google else ...``.
            return self._either([self.read(option, depth + 1) for option in keyed])
        if isinstance(target, ast.Subscript) and _whole_slice(target.slice) and depth < 4:
            # ``SCOPES[:]``: a copy of every item, as ``list(SCOPES)`` is.
            return self.read(target.value, depth + 1)
        copied = self._copied(target) if isinstance(target, ast.Call) else None
        if copied is not None and depth < 4:
            # ``SCOPES.copy()``, ``copy.copy(SCOPES)``: the same items.
            return self.read(copied, depth + 1)
        if isinstance(target, ast.Subscript):
            inner = self._subscript(target)
            if inner is not None and depth < 4:
                return self.read(inner, depth + 1)
            options = self._indexed_values(target)
            if options and depth < 4:
                # ``SCOPES[provider]``: one of the dict's values, each a request.
                return self._either([self.read(option, depth + 1) for option in options])
            reference = self._subscript_reference(target)
            if reference:
                return _unresolved(f"scopes come from {reference}", reference)
        if isinstance(target, ast.Call) and depth < 4:
            looked_up = self._get_with_default(target, depth)
            if looked_up is not None:
                return looked_up
        if isinstance(target, ast.Call):
            key = config_get_key(target, self._qualify)
            if key:
                reference = f"{APP_CONFIG}[{key!r}]"
                return _unresolved(f"scopes come from {reference}", reference)
        if isinstance(target, ast.Call) and (_same_items(target) or _from_keys(target)) and (
                depth < 4):
            inner_value = self.read(self._enum_list(target.args[0]) or target.args[0], depth + 1)
            if inner_value.state is not ValueState.ITEMS or all(
                item.form is ItemForm.LIST_ITEM for item in inner_value.items
            ):
                return inner_value.as_set() if _keeps_once(target) else inner_value
            return _unresolved(f"cannot read a scopes value from {_describe(target)}")
        if isinstance(target, ast.Call) and self._returns is not None and depth < 4:
            returned = self._returns(target)
            if returned is not None:
                return self._either(returned)
        if _is_empty_literal(target):
            # Point at the argument as written at the call, not at a constant's value.
            return ScopeValue(ValueState.EMPTY, span=self._source.span(node))
        parts = self._sequence_or_string(target, 0)
        if parts is None:
            return self._reference_or_unresolved(target)
        if not parts.items and not parts.splices:
            return _unresolved("no element of the scopes value could be read")
        if parts.splices:
            return ScopeValue(
                ValueState.ITEMS if parts.items else ValueState.UNRESOLVED, parts.items,
                False, span=self._source.span(target), splices=parts.splices,
                rest_complete=parts.complete,
                reason="" if parts.items else "the scopes come from other modules",
                unread=parts.unread,
            )
        return ScopeValue(
            ValueState.ITEMS, parts.items, parts.complete,
            span=self._source.span(self._joined_list(target) or target), unread=parts.unread,
        )

    def _joined_list(self, node: ast.expr) -> ast.expr | None:
        """The list display ``",".join(SCOPES)`` joins, where this module writes it:
        the value's place, as for ``scopes=SCOPES``, so that a fix adding a scope
        edits the list (a join call is no place to add one)."""
        if not (isinstance(node, ast.Call) and _is_comma_join(node)):
            return None
        inner = self._follow(node.args[0])
        return inner if isinstance(inner, (ast.List, ast.Tuple, ast.Set)) else None

    def _conditional_part(self, node: ast.expr, depth: int) -> tuple[ast.expr, ast.expr] | None:
        """A list built with ``+`` or starred splices one part of which is a
        conditional expression (``BASE + (CAL if X else [])``, ``[*BASE, *(CAL if X
        else [])]``), written out once with each of its branches; None for any other
        value."""
        target = self._follow(node) if depth else node
        if target is None or depth > _MAX_DEPTH:
            return None
        if isinstance(target, ast.IfExp):
            return (target.body, target.orelse) if depth else None
        if isinstance(target, ast.BinOp) and isinstance(target.op, ast.Add):
            for side in ("left", "right"):
                inner = self._conditional_part(getattr(target, side), depth + 1)
                if inner is not None:
                    return (_with(target, side, inner[0]), _with(target, side, inner[1]))
            return None
        if isinstance(target, (ast.List, ast.Tuple, ast.Set)):
            for index, element in enumerate(target.elts):
                inner = self._conditional_part(element.value, depth + 1) if isinstance(
                    element, ast.Starred) else None
                if inner is not None:
                    return (_with_element(target, index, inner[0]),
                            _with_element(target, index, inner[1]))
        return None

    def _getattr_attribute(self, call: ast.Call) -> ast.Attribute | None:
        """``getattr(settings, "NYLAS_SCOPES", [])`` as ``settings.NYLAS_SCOPES``: the
        same value wherever the attribute is set.  Where it is not, the value is the
        default, which is not read: the attribute's value the index cannot find is
        unresolved."""
        func = call.func
        if not (isinstance(func, ast.Name) and func.id == "getattr" and 2 <= len(call.args) <= 3
                and not call.keywords and self._lookup("getattr") is None
                and self._qualify(func) is None):
            return None
        name = call.args[1]
        if any(isinstance(arg, ast.Starred) for arg in call.args) or not (
                isinstance(name, ast.Constant) and isinstance(name.value, str)
                and name.value.isidentifier()):
            return None
        return ast.copy_location(
            ast.Attribute(value=call.args[0], attr=name.value, ctx=ast.Load()), call)

    @staticmethod
    def _either(options: list[ScopeValue]) -> ScopeValue:
        return one_of(options)

    def _keyed_alternatives(self, node: ast.expr) -> list[ast.expr] | None:
        """``X[key]`` with ``key`` a once-bound name holding a conditional expression
        of string constants: ``X["A"]``, ``X["B"]``, one per string; None for any
        other value."""
        if not (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Name)):
            return None
        chosen = self._follow(node.slice)
        if not isinstance(chosen, ast.IfExp):
            return None
        keys = _string_choices(chosen)
        return None if keys is None else [
            ast.copy_location(ast.Subscript(node.value, key, ast.Load()), node) for key in keys]

    def _copied(self, node: ast.Call) -> ast.expr | None:
        """What a call copies: ``x.copy()`` (a list's, set's or tuple's own), and
        ``copy.copy(x)`` or ``copy.deepcopy(x)``; None for another call."""
        if node.keywords:
            return None
        if isinstance(node.func, ast.Attribute) and node.func.attr == "copy" and (
                not node.args):
            return node.func.value
        if len(node.args) == 1 and not isinstance(node.args[0], ast.Starred) and (
                self._qualify(node.func) in _COPIERS):
            return node.args[0]
        return None

    def _subscript(self, node: ast.Subscript) -> ast.expr | None:
        """``CONFIG["scopes"]`` for a dict this module builds."""
        key = node.slice
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            return None
        if self._key_value is not None:
            found = self._key_value(node.value, key.value)
            if found is not None:
                return found
        if self._rewritten is not None and self._rewritten(node.value, key.value):
            # The literal no longer says what the key holds.
            return None
        base = self._follow(node.value)
        if isinstance(base, ast.Dict):
            at = [index for index, k in enumerate(base.keys)
                  if isinstance(k, ast.Constant) and k.value == key.value]
            # ``{**BASE, "scope": [...]}``: a key written after every spread wins over
            # whatever the spread dicts hold.
            if len(at) == 1 and all(k is not None for k in base.keys[at[0]:]):
                return base.values[at[0]]
        return None

    def _indexed_values(self, node: ast.Subscript) -> list[ast.expr]:
        """Every value of a dict of scope lists this module builds once and never
        changes, indexed by a key that is not read (``SCOPES[provider]``): the value is
        one of them (or the lookup fails).

        Only a dict whose values are all written as lists, tuples or sets, and that
        holds scopes: its name says so, or each of its lists holds only strings and
        names a scope (``PLANS = {"free": ["email.read_only"], ...}``).  A settings
        dict read by a key not known (``SETTINGS[name]``) holds other lists too, which
        are no scopes at all.
        """
        if isinstance(node.slice, ast.Slice):
            return []
        if self._rewritten is not None and self._rewritten(node.value, None):
            return []  # a value written since, or a key added, is one more option
        base = self._follow(node.value)
        if not isinstance(base, ast.Dict) or not base.keys or any(
                key is None for key in base.keys):
            return []
        values = list(base.values)
        written = [isinstance(self._follow(value), (ast.List, ast.Tuple, ast.Set))
                   for value in values]
        if not all(is_written or self._other_module_list(value)
                   for is_written, value in zip(written, values)):
            return []
        named = "scope" in _name_of(node.value).lower()
        if not named and not (all(written) and self.holds_scope_lists(base)):
            return []
        return values

    def _other_module_list(self, value: ast.expr) -> bool:
        """Whether a dict's value names another module's binding (``GOOGLE_SCOPES``
        imported, ``scopes.GOOGLE``): read where it is bound, as the same name given
        at the request is.  Its items are not seen here, so only a dict whose own name
        says it holds scopes is read with such values."""
        if not isinstance(value, (ast.Name, ast.Attribute)):
            return False
        followed = self._follow(value)
        return (followed is None or isinstance(followed, ast.Attribute)) and bool(
            self._qualify(value))

    def holds_scope_lists(self, node: ast.Dict) -> bool:
        """Whether every value of a dict display is a list, tuple or set of strings
        written whole (``["email.read_only", GMAIL]``) that names a scope of some API
        version, an empty one aside, and one does: a dict of scope lists whatever its
        name (``PLANS``).  A list of other strings (``{"free": ["basic"]}``), or one
        holding anything not read as a string, is no scope list."""
        named = False
        for value in node.values:
            held = self._follow(value)
            if not isinstance(held, (ast.List, ast.Tuple, ast.Set)):
                return False
            texts = [self._folded(target, 0) if target is not None else None
                     for target in map(self._follow, held.elts)]
            if any(text is None for text in texts):
                return False
            if texts and not any(names_a_scope(text) for text in texts if text is not None):
                return False
            named = named or bool(texts)
        return named

    def _get_with_default(self, call: ast.Call, depth: int) -> ScopeValue | None:
        """``SCOPES.get(provider, DEFAULT)`` of a dict of scope lists read by a key
        that is not read: one of the dict's values, or the default (None when no
        default is given: read as a ``None`` written there, a request with no scope
        list).  ``SCOPES.get("google", DEFAULT)``: the value at that key of a dict
        this module writes whole, or the default where it has no such key.  None where
        the dict's values are not known (then the call is read as any other)."""
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr == "get"
                and len(call.args) in (1, 2) and not call.keywords
                and not any(isinstance(arg, ast.Starred) for arg in call.args)):
            return None
        key = call.args[0]
        default = call.args[1] if len(call.args) == 2 else ast.copy_location(
            ast.Constant(None), call)
        lookup = ast.copy_location(
            ast.Subscript(value=func.value, slice=key, ctx=ast.Load()), call)
        if isinstance(key, ast.Constant):
            return self._get_by_constant(lookup, default, depth)
        value = self.read(lookup, depth + 1)
        if not (value.alternatives or value.reference or value.state is ValueState.ITEMS):
            return None
        return self._either([value, self.read(default, depth + 1)])

    def _get_by_constant(self, lookup: ast.Subscript, default: ast.expr,
                         depth: int) -> ScopeValue | None:
        """``SCOPES.get("google", DEFAULT)``: what the dict display this module binds
        (and never writes again) holds at the key, or the default where the display,
        which names every key it has, has none there."""
        key = lookup.slice
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            return None
        if self._rewritten is not None and self._rewritten(lookup.value, None):
            return None
        base = self._follow(lookup.value)
        if not isinstance(base, ast.Dict) or any(written is None for written in base.keys):
            return None
        at = [value for written, value in zip(base.keys, base.values)
              if isinstance(written, ast.Constant) and written.value == key.value]
        if any(not isinstance(written, ast.Constant) for written in base.keys):
            return None
        if len(at) > 1:
            return None
        return self.read(at[0] if at else default, depth + 1)

    def dict_keys(self, node: ast.expr) -> frozenset[str] | None:
        """The keys of the dict display ``node`` names, where each is a string
        constant and no code writes the dict again (so a key it lacks stays
        lacking); None otherwise."""
        if self._rewritten is not None and self._rewritten(node, None):
            return None
        base = self._follow(node)
        if not isinstance(base, ast.Dict):
            return None
        keys = [key.value for key in base.keys
                if isinstance(key, ast.Constant) and isinstance(key.value, str)]
        return frozenset(keys) if len(keys) == len(base.keys) else None

    def _subscript_reference(self, node: ast.Subscript) -> str:
        """``settings.NYLAS["SCOPES"]`` with ``settings`` from another module; and
        ``scopes.SCOPES[provider]``, with a key that is not read: any of its values,
        read by the project index."""
        key = node.slice
        base = self._qualify(node.value)
        if not base:
            return ""
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return f"{base}[{key.value!r}]"
        if isinstance(key, (ast.Constant, ast.Slice)):
            return ""
        # Any dict of another module: the index reads only one it keeps as scope
        # lists, by its name or its lists (``scopes.PLANS[plan]``).
        return base + ANY_KEY

    def read_string(self, node: ast.expr) -> str | None:
        """A string constant, following names; None when not a known string."""
        target = self._follow(node)
        if isinstance(target, ast.Constant) and isinstance(target.value, str):
            return target.value
        return None

    def follow(self, node: ast.expr) -> ast.expr | None:
        return self._follow(node)

    def _reference_or_unresolved(self, node: ast.expr) -> ScopeValue:
        if isinstance(node, ast.Call):
            # ``get_scopes()`` imported from another module: what it returns.
            function = self._qualify(node.func)
            reference = f"{function}()" if function else ""
        else:
            reference = self._qualify(node) or ""
        if reference:
            return _unresolved(f"scopes come from {shown_reference(reference)}", reference)
        if isinstance(node, ast.Attribute):
            return _unresolved(self._unread_attribute(node))
        why = self._unread_name(node.id) if (
            self._unread_name is not None and isinstance(node, ast.Name)) else None
        return _unresolved(why or f"cannot read a scopes value from {_describe(node)}")

    def _unread_attribute(self, node: ast.Attribute) -> str:
        """NYS304's reason for ``settings.scopes`` the reader cannot read: the
        attribute as written, and what the object it is read from is, so far as the
        module tells (another name for an object, what a call made, or nothing)."""
        written = _dotted(node)
        if written is None:
            return f"cannot read a scopes value from attribute {node.attr!r}"
        said = f"cannot read a scopes value from {written}"
        base = node.value
        if not isinstance(base, ast.Name):
            return (f"{said}: {_dotted(base)} is not an object whose attributes the "
                    "analysis can read")
        bound = self._lookup(base.id)
        if isinstance(bound, (ast.Name, ast.Attribute)) and _dotted(bound) is not None:
            return (f"{said}: {base.id} is another name for {_dotted(bound)}, whose "
                    "attributes the analysis does not follow through that name")
        if isinstance(bound, ast.Call) and _dotted(bound.func) is not None:
            return (f"{said}: {base.id} is what {_dotted(bound.func)}() returns, and the "
                    f"analysis cannot read what it holds as {node.attr!r}")
        return (f"{said}: {base.id} is not bound here to an object whose attributes the "
                "analysis can read")

    def _follow(self, node: ast.expr, depth: int = 0) -> ast.expr | None:
        """Follow once-bound names (and ``Enum`` members) to the expression they hold."""
        while isinstance(node, (ast.Name, ast.Attribute)):
            if depth >= _MAX_DEPTH:
                return None
            if isinstance(node, ast.Attribute):
                member = self._member_value(node) if self._member_value else None
                if member is None:
                    return node
                node = member
            else:
                bound = self._lookup(node.id)
                if bound is None:
                    return None
                node = bound
            depth += 1
        return node

    def _sequence_or_string(self, node: ast.expr, depth: int) -> _Parts | None:
        if depth > _MAX_DEPTH:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return _Parts(self._string_parts(node.value, node), True, is_string=True)
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return self._elements(node.elts, depth)
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            members = self._enum_members(node)
            if members is not None:
                return self._elements(members, depth)
            loop = _enum_loop(node)
            splice = self._enum_reference(*loop) if loop is not None else None
            return _Parts((), True, splices=(splice,)) if splice is not None else None
        if isinstance(node, ast.Call) and _is_comma_join(node):
            inner = self._follow(node.args[0])
            if inner is None or isinstance(inner, ast.Attribute):
                # ``",".join(SCOPES)`` with ``SCOPES`` from another module, or
                # ``",".join(settings.SCOPES)`` through that module: its items are read
                # in where it is defined (a string there is refused).
                reference = self._qualify(node.args[0])
                return _Parts((), True, splices=(Splice(0, reference),)) if reference else None
            parts = self._sequence_or_string(inner, depth + 1)
            if parts is None or parts.is_string:
                return None
            return parts
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self._concatenation(node, depth)
        if isinstance(node, ast.Call) and _split_separator(node) is not None:
            return self._split(node, depth)
        if isinstance(node, ast.Call) and self._is_chain(node):
            # ``itertools.chain(BASE, EXTRA)``: the lists one after the other, as
            # ``BASE + EXTRA`` is.
            joined = node.args[0]
            for more in node.args[1:]:
                joined = ast.copy_location(ast.BinOp(left=joined, op=ast.Add(), right=more), node)
            if isinstance(joined, ast.BinOp):
                return self._concatenation(joined, depth)
            inner = self._follow(joined)
            parts = self._sequence_or_string(inner, depth + 1) if inner is not None else None
            return None if parts is None or parts.is_string else parts
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return self._union(node, depth)
        if isinstance(node, ast.Call) and _same_items(node) and isinstance(
                node.func, ast.Name) and node.func.id in {"set", "frozenset"}:
            # ``set(A)`` as a side of ``|``.
            inner = self._follow(node.args[0])
            parts = self._sequence_or_string(inner, depth + 1) if inner is not None else None
            return None if parts is None or parts.is_string else parts
        return None

    def _split(self, node: ast.Call, depth: int) -> _Parts | None:
        """``"email.read_only email.send".split()`` (or ``.split(",")``) of a str made
        only of constants: the list Python makes, each element an item.  The items
        share the string's span, so a fix that must edit one of several leaves it to
        be done by hand; an element holding a comma is one item holding several, as
        in a list literal."""
        assert isinstance(node.func, ast.Attribute)
        split = _split_separator(node)
        written = self._follow(node.func.value)
        text = self._folded(written, depth + 1) if written is not None else None
        if text is None and (written is None or isinstance(written, ast.Attribute)):
            # ``conf.SCOPES.split(",")``, or an imported ``SCOPES``: the string another
            # module's constant holds, split by the project index as Python splits it.
            reference = self._qualify(node.func.value)
            return _Parts((), True, splices=(Splice(0, reference, split=split),)) if (
                reference) else None
        if written is None or text is None:
            return None
        span = self._source.span(written)
        separator = split or None
        return _Parts(tuple(ScopeItem(part, span, ItemForm.LIST_ITEM, index)
                            for index, part in enumerate(text.split(separator))), True)

    def _enum_members(
            self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp) -> list[ast.expr] | None:
        """``[s.value for s in Scope]`` (or ``[s for s in Scope]``) over an ``Enum``
        class of this module: each member written out, ``Scope.READ.value``, to be
        read as such.  None for any other comprehension."""
        loop = _enum_loop(node)
        if loop is None:
            return None
        enum, wants_value = loop
        members = self._member_attributes(enum)
        if members is None:
            return None
        return [ast.copy_location(ast.Attribute(value=member, attr="value", ctx=ast.Load()),
                                  node) for member in members] if wants_value else members

    def _member_attributes(self, enum: ast.expr) -> list[ast.expr] | None:
        """``Scope.READ``, ``Scope.SEND``, ...: every member of the ``Enum`` class of
        this module ``enum`` names, in order; None when they are not all known."""
        names = self._members(enum) if self._members is not None else None
        if names is None:
            return None
        return [ast.copy_location(ast.Attribute(value=enum, attr=name, ctx=ast.Load()), enum)
                for name in names]

    def _enum_list(self, node: ast.expr) -> ast.List | None:
        """``[Scope.READ, Scope.SEND]``: what iterating the ``Enum`` class of this
        module ``node`` names gives (``list(Scope)``, ``[*Scope]``), each member, read
        as a string only where the class is a ``str``; None for any other value."""
        members = self._member_attributes(node) if isinstance(node, ast.Name) else None
        if members is None:
            return None
        return ast.copy_location(ast.List(elts=members, ctx=ast.Load()), node)

    def _enum_reference(self, node: ast.expr, wants_value: bool) -> Splice | None:
        """The strings iterating an ``Enum`` class of another module gives
        (``from app.scopes import Scope``, then ``[s.value for s in Scope]``): read by
        the project index where the class is written, which keeps them only for a
        class whose every member is a string written in its body (each member's
        ``.value``, or each member itself for a ``str`` class).  None for a name this
        module binds or one not imported, and for a reader told no ``Enum`` classes
        (whose references may name a class of this module)."""
        if self._members is None or not isinstance(node, (ast.Name, ast.Attribute)) or (
                isinstance(node, ast.Name) and self._lookup(node.id) is not None):
            return None
        reference = self._qualify(node)
        if not reference:
            return None
        return Splice(0, reference + (ENUM_VALUES if wants_value else ENUM_MEMBERS))

    def _is_chain(self, node: ast.Call) -> bool:
        return bool(node.args) and not node.keywords and not any(
            isinstance(arg, ast.Starred) for arg in node.args
        ) and self._qualify(node.func) == "itertools.chain"

    def _union(self, node: ast.BinOp, depth: int) -> _Parts | None:
        """``READ | MORE`` of two sets this module writes: each scope once, where it is
        first written.  A side read elsewhere or not read at all leaves it unread: the
        scopes the other side repeats are not known."""
        sides = []
        for side in (node.left, node.right):
            followed = self._follow(side)
            if not isinstance(followed, (ast.Set, ast.Call, ast.BinOp)):
                return None
            parts = self._sequence_or_string(followed, depth + 1)
            if parts is None or parts.is_string or parts.splices or not parts.complete:
                return None
            sides.append(parts)
        seen: set[str] = set()
        items: list[ScopeItem] = []
        for item in (*sides[0].items, *sides[1].items):
            if item.text not in seen:
                seen.add(item.text)
                items.append(item)
        return _Parts(tuple(items), True)

    def _concatenation(self, node: ast.BinOp, depth: int) -> _Parts | None:
        text = _literal_string(node)
        if text is None:
            # ``"email." + KIND`` with ``KIND`` bound once to a str: one string too, as
            # it is when written as an item of a list.
            text = self._folded(node, depth)
        if text is not None:
            # "email.send," + "email.read_only": one string, written where the
            # expression is.
            return _Parts(self._string_parts(text, node), True, is_string=True)
        left = self._follow(node.left)
        right = self._follow(node.right)
        left_parts = self._sequence_or_string(left, depth + 1) if left is not None else None
        right_parts = self._sequence_or_string(right, depth + 1) if right is not None else None
        if (left_parts and left_parts.is_string) or (right_parts and right_parts.is_string):
            return None
        # ``settings.SCOPES + [...]`` with ``settings`` an imported module: another
        # module's list, read by the project index, as ``[*settings.SCOPES]`` is.
        references = [
            self._qualify(side) if followed is None or (
                parts is None and isinstance(followed, ast.Attribute)) else None
            for side, followed, parts in ((node.left, left, left_parts),
                                          (node.right, right, right_parts))
        ]
        if left_parts is None and right_parts is None and not any(references):
            return None
        items: tuple[ScopeItem, ...] = ()
        splices: tuple[Splice, ...] = ()
        complete = True
        unread = ""
        for side, parts, reference in zip((node.left, node.right), (left_parts, right_parts),
                                          references):
            if reference:
                splices += (Splice(len(items), reference),)
            elif parts is None:
                complete = False
                unread = unread or self._source.text(side)
            else:
                splices += tuple(splice._replace(at=len(items) + splice.at)
                                 for splice in parts.splices)
                items += parts.items
                complete = complete and parts.complete
                unread = unread or parts.unread
        return _Parts(items, complete, splices=splices, unread=unread)

    def _elements(self, elements: list[ast.expr], depth: int) -> _Parts:
        items: list[ScopeItem] = []
        splices: list[Splice] = []
        complete = True
        unread = ""
        for element in elements:
            if isinstance(element, ast.Starred):
                inner = self._enum_list(element.value) or self._follow(element.value)
                if isinstance(inner, ast.Subscript):
                    # ``*BASE["scope"]``, read as ``BASE["scope"]`` alone is: the list
                    # a dict this module builds holds under the key, unless changed.
                    keyed = self._subscript(inner)
                    inner = self._follow(keyed) if keyed is not None else inner
                parts = self._sequence_or_string(inner, depth + 1) if inner is not None else None
                reference = self._qualify(element.value) if inner is None or (
                    # ``*settings.SCOPES`` with ``settings`` an imported module.
                    parts is None and isinstance(inner, ast.Attribute)
                ) else None
                if reference:
                    splices.append(Splice(len(items), reference))
                elif parts is None or parts.is_string:
                    complete = False
                    unread = unread or self._source.text(element)
                else:
                    splices.extend(splice._replace(at=len(items) + splice.at)
                                   for splice in parts.splices)
                    items.extend(parts.items)
                    complete = complete and parts.complete
                    unread = unread or parts.unread
                continue
            target = self._follow(element)
            text = self._folded(target, depth) if target is not None else None
            if target is not None and text is not None:
                items.append(ScopeItem(text, self._source.span(target), ItemForm.LIST_ITEM))
                continue
            # ``consts.SCOPE_SEND`` or an imported ``SCOPE_SEND``: the string another
            # module's constant holds, read by the project index.
            reference = self._qualify(element) if target is None or isinstance(
                target, ast.Attribute) else None
            if reference:
                splices.append(Splice(len(items), reference, one_item=True))
            else:
                complete = False
                unread = unread or self._source.text(element)
        return _Parts(tuple(items), complete, splices=tuple(splices), unread=unread)

    def _folded(self, node: ast.expr, depth: int) -> str | None:
        """A str made only of str constants: a literal, or one built from literals and
        names bound once to them (``GOOGLE + "gmail.send"``, ``f"{GRAPH}Mail.Read"``,
        a common way to write a provider's long scope names).  None for anything
        else: a str known only in part is no scope name."""
        if depth > _MAX_DEPTH:
            return None
        if isinstance(node, ast.Constant):
            return node.value if isinstance(node.value, str) else None
        pieces: list[ast.expr] = []
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            pieces = [node.left, node.right]
        elif isinstance(node, ast.JoinedStr):
            for value in node.values:
                if isinstance(value, ast.FormattedValue):
                    # ``!r`` and a format spec change the text: not followed.
                    if value.conversion != -1 or value.format_spec is not None:
                        return None
                    pieces.append(value.value)
                else:
                    pieces.append(value)
        else:
            return None
        texts: list[str] = []
        for piece in pieces:
            target = self._follow(piece)
            text = self._folded(target, depth + 1) if target is not None else None
            if text is None:
                return None
            texts.append(text)
        return "".join(texts)

    def _string_parts(self, text: str, node: ast.expr) -> tuple[ScopeItem, ...]:
        span = self._source.span(node)
        return tuple(
            ScopeItem(part, span, ItemForm.STRING_PART, index)
            for index, part in enumerate(text.split(","))
        )


def _enum_loop(node: ast.ListComp | ast.SetComp | ast.GeneratorExp) -> tuple[ast.expr, bool] | None:
    """What ``[s.value for s in Scope]`` (or ``[s for s in Scope]``) iterates, and
    whether it keeps each member's ``.value``; None for any other comprehension (a
    filter, another element, more loops)."""
    if len(node.generators) != 1:
        return None
    loop = node.generators[0]
    if loop.ifs or loop.is_async or not isinstance(loop.target, ast.Name):
        return None
    element = node.elt
    wants_value = isinstance(element, ast.Attribute) and element.attr == "value"
    if isinstance(element, ast.Attribute) and wants_value:
        element = element.value
    if not (isinstance(element, ast.Name) and element.id == loop.target.id):
        return None
    return loop.iter, wants_value


def _with(node: ast.BinOp, side: str, value: ast.expr) -> ast.BinOp:
    """``node`` with ``value`` for its ``side`` operand, where ``node`` is written."""
    left, right = (value, node.right) if side == "left" else (node.left, value)
    return ast.copy_location(ast.BinOp(left=left, op=node.op, right=right), node)


def _with_element(node: ast.List | ast.Tuple | ast.Set, index: int,
                  value: ast.expr) -> ast.expr:
    """The display ``node`` with ``*value`` for its element ``index``."""
    elements = list(node.elts)
    elements[index] = ast.copy_location(ast.Starred(value=value, ctx=ast.Load()),
                                        elements[index])
    made: ast.expr = ast.Set(elts=elements) if isinstance(node, ast.Set) else type(node)(
        elts=elements, ctx=ast.Load())
    return ast.copy_location(made, node)


def _whole_slice(key: ast.expr) -> bool:
    """Whether a subscript's key is ``:`` alone, which copies every item."""
    return isinstance(key, ast.Slice) and key.lower is None and key.upper is None and (
        key.step is None)


def _is_empty_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return node.value is None or node.value == "" or node.value is False
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return not node.elts
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        # list(), tuple(), set() with no arguments.
        return node.func.id in {"list", "tuple", "set"} and not node.args and not node.keywords
    return False


def _same_items(node: ast.Call) -> bool:
    """``list(x)``, ``tuple(x)``, ``set(x)``, ``sorted(x)``: the elements of ``x``."""
    return (
        isinstance(node.func, ast.Name) and node.func.id in _SAME_ITEMS
        and len(node.args) == 1 and not isinstance(node.args[0], ast.Starred)
        and all(keyword.arg in {"key", "reverse"} for keyword in node.keywords)
    )


def one_of(options: list[ScopeValue]) -> ScopeValue:
    """A value that is one of ``options``, each a request of its own."""
    flat = [alt for option in options for alt in (option.alternatives or (option,))]
    if len(flat) == 1:
        return flat[0]
    if len(flat) > _MAX_ALTERNATIVES:
        return _unresolved(f"the scopes may take more than {_MAX_ALTERNATIVES} values")
    return ScopeValue(ValueState.UNRESOLVED, complete=False, alternatives=tuple(flat),
                      reason=f"the scopes are one of {len(flat)} values")


def _from_keys(node: ast.Call) -> bool:
    """``dict.fromkeys(x)``: the elements of ``x``, each once, in order."""
    func = node.func
    return (isinstance(func, ast.Attribute) and func.attr == "fromkeys"
            and isinstance(func.value, ast.Name) and func.value.id == "dict"
            and len(node.args) == 1 and not isinstance(node.args[0], ast.Starred)
            and not node.keywords)


def _keeps_once(node: ast.Call) -> bool:
    """Whether a call of ``_same_items`` or ``_from_keys`` drops repeated elements."""
    return _from_keys(node) or (
        isinstance(node.func, ast.Name) and node.func.id in {"set", "frozenset"})


def _split_separator(node: ast.Call) -> str | None:
    """The separator of ``text.split()`` ("" for whitespace), ``text.split(",")`` or
    ``text.split(" ")``; None for any other call (a limit, another separator)."""
    func = node.func
    if not (isinstance(func, ast.Attribute) and func.attr == "split" and not node.keywords):
        return None
    if not node.args:
        return ""
    separator = node.args[0]
    if len(node.args) == 1 and isinstance(separator, ast.Constant) and separator.value in (
            ",", " "):
        return str(separator.value)
    return None


def _is_comma_join(node: ast.Call) -> bool:
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "join"
        and isinstance(func.value, ast.Constant)
        and func.value.value == ","
        and len(node.args) == 1
        and not node.keywords
    )


def _literal_string(node: ast.expr) -> str | None:
    """The value of ``"a" + "b" + ...`` made only of string literals.

    Such a chain can be thousands deep, so it is walked with a stack.
    """
    parts: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Constant) and isinstance(current.value, str):
            parts.append(current.value)
        elif isinstance(current, ast.BinOp) and isinstance(current.op, ast.Add):
            stack.append(current.right)
            stack.append(current.left)
        else:
            return None
    return "".join(parts)


def _name_of(node: ast.expr) -> str:
    """The name a value is read by: ``SCOPES`` of ``SCOPES`` or ``config.SCOPES``."""
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def _dotted(node: ast.expr) -> str | None:
    """``settings.scopes`` as written, for a chain of names of up to five parts and
    50 characters; None for anything else."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute) and len(parts) < 5:
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    text = ".".join([node.id, *reversed(parts)])
    return text if len(text) <= 50 else None


def _describe(node: ast.expr) -> str:
    """The expression as the user wrote it, shortened: messages quote source text,
    never the names of syntax-tree classes."""
    if isinstance(node, ast.Name):
        return f"name {node.id!r}"
    if isinstance(node, ast.Attribute):
        return f"attribute {node.attr!r}"
    try:
        text = ast.unparse(node)
    except (ValueError, TypeError, AttributeError, RecursionError):
        return "an expression"
    text = " ".join(text.split())
    return repr(text if len(text) <= 50 else text[:47] + "...")


def _string_choices(node: ast.expr, depth: int = 0) -> list[ast.Constant] | None:
    """The string constants a conditional expression of them may give (``"A" if x
    else "B" if y else "C"``); None where any branch is something else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    if not isinstance(node, ast.IfExp) or depth > _MAX_DEPTH:
        return None
    body, orelse = _string_choices(node.body, depth + 1), _string_choices(node.orelse, depth + 1)
    return None if body is None or orelse is None else [*body, *orelse]
