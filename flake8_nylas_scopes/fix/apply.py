"""Applying planned fixes to the LibCST tree of one module.

Each fix names a source span; the node written exactly there is found through
LibCST's position metadata (lines 1-based, columns 0-based characters, the same as a
:class:`Span`).  A fix whose node cannot be found, whose node does not hold what the
fix expects, or that collides with another fix of the same item is skipped with a
reason: this module never guesses where an edit belongs.

Several fixes of one list or one string are applied together, so that removing two
items of one list, or two parts of one string, composes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from ..analysis.facts import ItemForm, Span
from ..findings import FixAction
from .layout import (
    SequenceNode,
    call_layout,
    rebuild_call,
    rebuild_sequence,
    sequence_layout,
)
from .plan import PlannedFix, Skipped

SpanKey = tuple[int, int, int, int]
_SEQUENCES = (cst.List, cst.Tuple, cst.Set)
_NOT_PLAIN: dict[type[cst.CSTNode], str] = {
    cst.ConcatenatedString: "an implicitly concatenated string",
    cst.FormattedString: "an f-string",
    cst.BinaryOperation: "an expression built with an operator",
}
_DEFAULT_QUOTE = cst.SimpleString('""')


@dataclass
class ApplyResult:
    module: cst.Module
    applied: list[PlannedFix] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # Where the edited nodes are in the input, as ``ast`` reports them: the edit guard
    # allows changes inside these nodes only.
    edited: set[SpanKey] = field(default_factory=set)
    # Elements other than strings removed whole (``GOOGLE + "gmail.readonly"``): the
    # guard lets them go from the edited lists.
    removed: set[SpanKey] = field(default_factory=set)


@dataclass(frozen=True)
class _Op:
    """One primitive edit, resolved to a node of the tree."""

    kind: str
    planned: PlannedFix
    node: cst.CSTNode
    index: int = -1
    values: tuple[str, ...] = ()
    element: cst.CSTNode | None = None  # the string held by an edited list element

    def claims(self) -> list[tuple[tuple[object, ...], tuple[object, ...]]]:
        """The parts of the tree this edit changes, with what it does to each.

        Two edits that claim one part in different ways conflict.
        """
        if self.kind == "element_remove":
            return [(("node", id(self.element)), ("remove",))]
        if self.kind == "element_split":
            return [(("node", id(self.element)), ("split", self.values))]
        if self.kind == "string_whole":
            return [(("node", id(self.node)), ("replace", self.values))]
        if self.kind == "string_part":
            return [
                (("node", id(self.node)), ("parts",)),
                (("part", id(self.node), self.index), ("part", self.values)),
            ]
        if self.kind == "string_append":
            return [(("node", id(self.node)), ("parts",))]
        if self.kind == "call_set":
            return [(("call", id(self.node)), ("set", self.values))]
        if self.kind == "string_wrap":
            return [(("node", id(self.node)), ("wrap", self.values))]
        return []


@dataclass
class _SequenceEdit:
    removes: set[int] = field(default_factory=set)
    splits: dict[int, tuple[str, ...]] = field(default_factory=dict)
    appends: list[str] = field(default_factory=list)


@dataclass
class _StringEdit:
    whole: str | None = None
    parts: dict[int, tuple[str, ...]] = field(default_factory=dict)
    appends: list[str] = field(default_factory=list)


def apply_fixes(module: cst.Module, planned: Sequence[PlannedFix]) -> ApplyResult:
    """Apply ``planned`` (fixes of this one file) to ``module``."""
    wrapper = MetadataWrapper(module)
    tree = _Tree(wrapper.resolve(PositionProvider))
    result = ApplyResult(wrapper.module)
    ops: list[_Op] = []
    for item in planned:
        resolved = tree.resolve(item)
        if isinstance(resolved, str):
            result.skipped.append(Skipped(item.findings, item.fix.span, resolved))
        else:
            ops.append(resolved)
    ops = _drop_conflicts(ops, result.skipped)
    ops = _drop_emptying(ops, result.skipped, tree.added)
    if not ops:
        return result
    rewriter = _Rewriter()
    for op in ops:
        rewriter.add(op)
        result.edited.add(tree.ast_key(op.node))
        if op.kind == "element_remove" and op.element is not None and not isinstance(
                op.element, cst.SimpleString):
            result.removed.add(tree.ast_key(op.element))
    result.module = wrapper.module.visit(rewriter)
    seen: set[int] = set()
    for op in ops:
        if id(op.planned) not in seen:
            seen.add(id(op.planned))
            result.applied.append(op.planned)
    return result


class _Tree:
    """The nodes of one module that a fix can point at, by position."""

    def __init__(self, positions: Mapping[cst.CSTNode, CodeRange]) -> None:
        self._positions = positions
        self._at: dict[SpanKey, list[cst.CSTNode]] = {}
        self._element_of: dict[int, tuple[SequenceNode, int]] = {}
        # Strings bound whole to a name (``CAL: Final = "...calendar.readonly"``).
        self._bound: set[int] = set()
        # Strings bound to a name in a class's body (an ``Enum`` member's value): a
        # list made from the class (``[s.value for s in Scope]``) writes no element
        # for them, so only the class is where the user removes one.
        self._class_values: set[int] = set()
        # Strings and lists a statement adds to a list (``SCOPES.append("calendar")``,
        # ``SCOPES += ["contacts"]``): emptying one is an edit of that statement.
        self.added: set[int] = set()
        for node, code_range in positions.items():
            if isinstance(node, (cst.Assign, cst.AnnAssign)) and isinstance(
                    node.value, (cst.SimpleString, *_NOT_PLAIN)):
                self._bound.add(id(node.value))
            self.added.update(map(id, _added_values(node)))
            if isinstance(node, cst.ClassDef):
                self._class_values.update(map(id, _class_strings(node)))
            if isinstance(node, (cst.SimpleString, cst.Call, *_SEQUENCES, *_NOT_PLAIN)):
                self._at.setdefault(_key(code_range), []).append(node)
                if isinstance(node, cst.Tuple) and node.lpar:
                    # ``ast`` counts a tuple's own parentheses as part of it.
                    self._at.setdefault(self.ast_key(node), []).append(node)
            if isinstance(node, _SEQUENCES):
                for index, element in enumerate(node.elements):
                    if isinstance(element, cst.Element):
                        self._element_of[id(element.value)] = (node, index)

    def ast_key(self, node: cst.CSTNode) -> SpanKey:
        if isinstance(node, cst.Tuple) and node.lpar and node.rpar:
            start = self._positions[node.lpar[-1]].start
            end = self._positions[node.rpar[0]].end
            return (start.line, start.column, end.line, end.column)
        return _key(self._positions[node])

    def _nodes_at(self, span: Span) -> list[cst.CSTNode]:
        return self._at.get((span.line, span.col, span.end_line, span.end_col), [])

    def resolve(self, planned: PlannedFix) -> _Op | str:
        fix = planned.fix
        nodes = self._nodes_at(fix.span)
        if fix.action is FixAction.SET_SCOPES:
            calls = [node for node in nodes if isinstance(node, cst.Call)]
            return _set_scopes(planned, calls[0]) if calls else "no call found at this position"
        if fix.action is FixAction.APPEND:
            for node in nodes:
                if isinstance(node, _SEQUENCES):
                    return _append_to_sequence(planned, node)
            strings = [node for node in nodes if isinstance(node, cst.SimpleString)]
            if strings:
                return _append_to_string(planned, strings[0])
            return _not_found(nodes, "no list, tuple, set or string found at this position")
        strings = [node for node in nodes if isinstance(node, cst.SimpleString)]
        if fix.action is FixAction.WRAP:
            if not strings:
                return (
                    "the str is not written as the request's value (a name or another "
                    "module holds it, or it is joined from a list); fix it by hand"
                )
            return _wrap(planned, strings[0])
        if not strings:
            element = self._remove_spelled_element(planned, nodes)
            return element or _not_found(nodes, "no string literal found at this position")
        return self._edit_item(planned, strings[0])

    def _remove_spelled_element(self, planned: PlannedFix,
                                nodes: Sequence[cst.CSTNode]) -> _Op | str | None:
        """The removal of a whole element spelled by an expression whose value the
        analysis read exactly (``GOOGLE + "gmail.readonly"``, an f-string of
        constants): as safe as removing a string element, since nothing of the
        expression is kept.  An edit inside it (a narrower scope) stays refused."""
        if planned.fix.action is not FixAction.REMOVE or not planned.exact:
            return None
        for node in nodes:
            container = self._element_of.get(id(node))
            if not isinstance(node, tuple(_NOT_PLAIN)):
                continue
            if container is not None:
                sequence, index = container
                return _Op("element_remove", planned, sequence, index, element=node)
            if id(node) in self._bound:
                # ``GMAIL = GOOGLE + "gmail.send"`` listed as ``[..., GMAIL]``.
                return _NAME_VALUE
        return None

    def _edit_item(self, planned: PlannedFix, string: cst.SimpleString) -> _Op | str:
        fix = planned.fix
        container = self._element_of.get(id(string))
        form = planned.form
        whole = isinstance(string.evaluated_value, str) and string.evaluated_value == fix.text
        if form is None:
            if container is None and id(string) in self._class_values:
                # A member of an Enum (``StrEnum`` too) read as ``[s.value for s in
                # Scope]``: the class, not a list, holds it.
                return _CLASS_VALUE
            if fix.action is FixAction.REMOVE and whole and container is None \
                    and fix.part == 0 and id(string) in self._bound:
                # A name's whole value, which a request elsewhere reads: as one item of
                # a list naming it (``{A, B, CAL}``) or as its only scope.  Removing it
                # is no edit of this string, which would hold no scope at all.
                return _NAME_VALUE
            form = (
                ItemForm.LIST_ITEM
                if container is not None and whole and fix.part == 0
                else ItemForm.STRING_PART
            )
        if form is ItemForm.STRING_PART:
            return _edit_part(planned, string)
        if string.evaluated_value != fix.text:
            return f"the string here is not {fix.text!r}"
        if fix.action is FixAction.REPLACE and len(fix.replacement) == 1:
            unsafe = _unwritable(string, fix.replacement)
            if unsafe:
                return unsafe
            return _Op("string_whole", planned, string, values=fix.replacement)
        if fix.action is FixAction.REMOVE and whole and id(string) in self.added:
            return _ADDED_BY_STATEMENT
        if container is None and id(string) in self._class_values:
            return _CLASS_VALUE
        if container is None:
            return (
                "the item is not written as an element of a list, tuple or set "
                "(it is the value of a name); fix it where the list is written"
            )
        sequence, index = container
        if fix.action is FixAction.REMOVE:
            return _Op("element_remove", planned, sequence, index, element=string)
        if fix.action is FixAction.REPLACE and fix.replacement:
            unsafe = _unwritable(string, fix.replacement)
            if unsafe:
                return unsafe
            return _Op(
                "element_split", planned, sequence, index, fix.replacement, element=string
            )
        return "the fix gives no replacement"


def _key(code_range: CodeRange) -> SpanKey:
    return (
        code_range.start.line,
        code_range.start.column,
        code_range.end.line,
        code_range.end.column,
    )


def _not_found(nodes: Sequence[cst.CSTNode], default: str) -> str:
    for node in nodes:
        for kind, description in _NOT_PLAIN.items():
            if isinstance(node, kind):
                return f"the scopes are written as {description}; fix it by hand"
    return default


def _plain_parts(string: cst.SimpleString) -> list[str] | None:
    """The comma-separated parts of a string whose text is exactly its value."""
    value = string.evaluated_value
    if not isinstance(value, str) or value != string.raw_value:
        return None
    return value.split(",")


def _unwritable(template: cst.SimpleString, values: Sequence[str]) -> str:
    bad = ("\\", "\n", "\r", template.quote[0])
    for value in values:
        if any(character in value for character in bad):
            return f"cannot write {value!r} with the quotes used here"
    return ""


def _render(template: cst.SimpleString, value: str) -> cst.SimpleString:
    return cst.SimpleString(f"{template.prefix}{template.quote}{value}{template.quote}")


def _edit_part(planned: PlannedFix, string: cst.SimpleString) -> _Op | str:
    fix = planned.fix
    parts = _plain_parts(string)
    if parts is None:
        return "the string uses escapes or a prefix; fix it by hand"
    if planned.string_parts is not None and tuple(parts) != planned.string_parts:
        return "the string holds more than the scopes (a URL?); fix it by hand"
    if not 0 <= fix.part < len(parts) or parts[fix.part] != fix.text:
        return f"part {fix.part} of the string here is not {fix.text!r}"
    if fix.action is FixAction.REMOVE:
        return _Op("string_part", planned, string, fix.part, ())
    if not fix.replacement:
        return "the fix gives no replacement"
    unsafe = _unwritable(string, [",".join(fix.replacement)])
    return unsafe or _Op("string_part", planned, string, fix.part, fix.replacement)


def _append_to_string(planned: PlannedFix, string: cst.SimpleString) -> _Op | str:
    if _plain_parts(string) is None:
        return "the string uses escapes or a prefix; fix it by hand"
    replacement = planned.fix.replacement
    if not replacement:
        return "the fix gives no scopes to add"
    unsafe = _unwritable(string, replacement)
    return unsafe or _Op("string_append", planned, string, values=replacement)


def _template(nodes: Sequence[cst.CSTNode]) -> cst.SimpleString:
    """The first string literal among ``nodes``: new strings are written like it."""
    for node in nodes:
        if isinstance(node, cst.SimpleString) and _plain_parts(node) is not None:
            return node
    return _DEFAULT_QUOTE


def _append_to_sequence(planned: PlannedFix, sequence: SequenceNode) -> _Op | str:
    replacement = planned.fix.replacement
    if not replacement:
        return "the fix gives no scopes to add"
    values = [element.value for element in sequence.elements]
    unsafe = _unwritable(_template(values), replacement)
    return unsafe or _Op("sequence_append", planned, sequence, values=replacement)


def _set_scopes(planned: PlannedFix, call: cst.Call) -> _Op | str:
    replacement = planned.fix.replacement
    if not replacement:
        return "the fix gives no scopes to set"
    if any(arg.keyword is not None and arg.keyword.value == "scopes" for arg in call.args):
        return "the call already passes scopes"
    if any(arg.star for arg in call.args):
        return "the call passes *args or **kwargs, which may hold scopes"
    if sum(1 for arg in call.args if arg.keyword is None) > 3:
        return "the call already passes scopes as a positional argument"
    unsafe = _unwritable(_template([arg.value for arg in call.args]), replacement)
    return unsafe or _Op("call_set", planned, call, values=replacement)


def _wrap(planned: PlannedFix, string: cst.SimpleString) -> _Op | str:
    """A str that should be a list (a v3 ``scope``): the list of its scopes."""
    fix = planned.fix
    if string.evaluated_value != fix.text:
        return f"the string here is not {fix.text!r}"
    if not fix.replacement:
        return "the fix gives no scopes for the list"
    if string.evaluated_value != string.raw_value or string.prefix:
        return "the string uses escapes or a prefix; fix it by hand"
    unsafe = _unwritable(string, fix.replacement)
    return unsafe or _Op("string_wrap", planned, string, values=fix.replacement)


def _drop_conflicts(ops: list[_Op], skipped: list[Skipped]) -> list[_Op]:
    claimed: dict[tuple[object, ...], dict[tuple[object, ...], list[_Op]]] = {}
    for op in ops:
        for part, what in op.claims():
            claimed.setdefault(part, {}).setdefault(what, []).append(op)
    conflicting: set[int] = set()
    for uses in claimed.values():
        if len(uses) > 1:
            conflicting.update(id(op) for group in uses.values() for op in group)
    for op in ops:
        if id(op) in conflicting:
            skipped.append(
                Skipped(
                    op.planned.findings,
                    op.planned.fix.span,
                    "another fix changes the same item differently",
                )
            )
    return [op for op in ops if id(op) not in conflicting]


_NAME_VALUE = ("the item is the whole value of a name that a request elsewhere reads; "
               "remove it where the name is used")
# Removing the member from its class breaks a list that names it (``[Scope.CAL]``
# raises AttributeError on import): such a list is where it goes; the class only
# where a request takes every member (``list(Scope)``).
_CLASS_VALUE = (
    "the item is the value of an attribute of a class (an Enum member, say), not an "
    "element of a list; take it out of each list that names the member, or, where a "
    "request takes every member of the class, remove it by hand where the class "
    "defines it")
_ADDED_BY_STATEMENT = (
    "the scope is added by a statement the fix does not edit (an append, extend or "
    "+= of the list); remove that statement by hand")
# Methods whose argument is added to the list they are called on, whole or its items.
_ADDING_METHODS = frozenset({"append", "insert", "extend"})


def _class_strings(cls: cst.ClassDef) -> list[cst.SimpleString]:
    """The strings bound to names by statements of the body of ``cls`` itself."""
    if not isinstance(cls.body, cst.IndentedBlock):
        return []
    found: list[cst.SimpleString] = []
    for line in cls.body.body:
        if not isinstance(line, cst.SimpleStatementLine):
            continue
        for statement in line.body:
            if isinstance(statement, (cst.Assign, cst.AnnAssign)) and isinstance(
                    statement.value, cst.SimpleString):
                found.append(statement.value)
    return found


def _added_values(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The strings or lists ``node`` adds to another list, if it is such a statement
    or expression: the argument of ``append``, ``insert`` or ``extend``, the value of
    ``+=``, the right side of ``SCOPES = SCOPES + [...]``."""
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and (
            node.func.attr.value in _ADDING_METHODS and node.args):
        return [node.args[-1].value]
    if isinstance(node, cst.AugAssign) and isinstance(node.operator, cst.AddAssign):
        return [node.value]
    if isinstance(node, cst.Assign) and len(node.targets) == 1:
        target, value = node.targets[0].target, node.value
        if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Add) and (
                isinstance(target, cst.Name) and isinstance(value.left, cst.Name)
                and value.left.value == target.value):
            return [value.right]
    return []


def _drop_emptying(ops: list[_Op], skipped: list[Skipped],
                   added: AbstractSet[int] = frozenset()) -> list[_Op]:
    """Never leave a list or string with no scopes at all; nor edit a statement that
    adds scopes to a list down to adding none (``added``: see ``_Tree.added``)."""
    removals: dict[int, set[int]] = {}
    grows: set[int] = set()
    sizes: dict[int, int] = {}
    for op in ops:
        if op.kind == "element_remove" and isinstance(op.node, _SEQUENCES):
            removals.setdefault(id(op.node), set()).add(op.index)
            sizes[id(op.node)] = len(op.node.elements)
        elif op.kind == "string_part" and not op.values:
            assert isinstance(op.node, cst.SimpleString)
            removals.setdefault(id(op.node), set()).add(op.index)
            sizes[id(op.node)] = len(_plain_parts(op.node) or [])
        else:
            grows.add(id(op.node))
    emptied = {
        node for node, removed in removals.items()
        if len(removed) >= sizes[node] and node not in grows
    }
    kept: list[_Op] = []
    for op in ops:
        removing = op.kind == "element_remove" or (op.kind == "string_part" and not op.values)
        if removing and id(op.node) in emptied:
            skipped.append(
                Skipped(
                    op.planned.findings,
                    op.planned.fix.span,
                    _ADDED_BY_STATEMENT if id(op.node) in added else (
                        "it is the last scope left in this list or string; "
                        "removing it would leave it empty"),
                )
            )
        else:
            kept.append(op)
    return kept


class _Rewriter(cst.CSTTransformer):
    def __init__(self) -> None:
        super().__init__()
        self._sequences: dict[int, _SequenceEdit] = {}
        self._strings: dict[int, _StringEdit] = {}
        self._calls: dict[int, tuple[str, ...]] = {}
        self._wraps: dict[int, tuple[str, ...]] = {}

    def add(self, op: _Op) -> None:
        key = id(op.node)
        if op.kind in ("element_remove", "element_split", "sequence_append"):
            edit = self._sequences.setdefault(key, _SequenceEdit())
            if op.kind == "element_remove":
                edit.removes.add(op.index)
            elif op.kind == "element_split":
                edit.splits[op.index] = op.values
            else:
                edit.appends.extend(v for v in op.values if v not in edit.appends)
        elif op.kind in ("string_whole", "string_part", "string_append"):
            text_edit = self._strings.setdefault(key, _StringEdit())
            if op.kind == "string_whole":
                text_edit.whole = op.values[0]
            elif op.kind == "string_part":
                text_edit.parts[op.index] = op.values
            else:
                text_edit.appends.extend(v for v in op.values if v not in text_edit.appends)
        elif op.kind == "call_set":
            self._calls[key] = op.values
        elif op.kind == "string_wrap":
            self._wraps[key] = op.values

    def leave_SimpleString(
        self, original_node: cst.SimpleString, updated_node: cst.SimpleString
    ) -> cst.BaseExpression:
        wrapped = self._wraps.get(id(original_node))
        if wrapped is not None:
            template = cst.SimpleString(f"{updated_node.quote}{updated_node.quote}")
            last = len(wrapped) - 1
            return cst.List([
                cst.Element(
                    _render(template, scope),
                    comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
                    if index < last else cst.MaybeSentinel.DEFAULT,
                )
                for index, scope in enumerate(wrapped)
            ])
        edit = self._strings.get(id(original_node))
        if edit is None:
            return updated_node
        if edit.whole is not None:
            return _render(updated_node, edit.whole)
        parts: list[str] = []
        for index, part in enumerate(_plain_parts(updated_node) or []):
            parts.extend(edit.parts.get(index, (part,)))
        parts.extend(scope for scope in edit.appends if scope not in parts)
        return _render(updated_node, ",".join(parts))

    def _sequence(self, original: SequenceNode, updated: SequenceNode) -> SequenceNode:
        edit = self._sequences.get(id(original))
        if edit is None:
            return updated
        layout = sequence_layout(updated)
        for index in sorted({*edit.removes, *edit.splits}, reverse=True):
            if index in edit.removes:
                layout.remove(index)
            else:
                template = _template([updated.elements[index].value])
                layout.split(
                    index,
                    [cst.Element(_render(template, value)) for value in edit.splits[index]],
                )
        if edit.appends:
            values = [element.value for element in updated.elements]
            present = {
                value.evaluated_value for value in values if isinstance(value, cst.SimpleString)
            }
            template = _template(values)
            if isinstance(updated, cst.Tuple) and len(layout.items) == 1 and not layout.multi_line:
                # ``("a",)`` grows into ``("a", "b")``: the comma was only there to
                # make a one-element tuple.
                layout.trailing = False
            layout.append(
                [cst.Element(_render(template, v)) for v in edit.appends if v not in present]
            )
        return rebuild_sequence(updated, layout)

    def leave_List(self, original_node: cst.List, updated_node: cst.List) -> cst.BaseExpression:
        return self._sequence(original_node, updated_node)

    def leave_Tuple(
        self, original_node: cst.Tuple, updated_node: cst.Tuple
    ) -> cst.BaseExpression:
        return self._sequence(original_node, updated_node)

    def leave_Set(self, original_node: cst.Set, updated_node: cst.Set) -> cst.BaseExpression:
        return self._sequence(original_node, updated_node)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        scopes = self._calls.get(id(original_node))
        if scopes is None:
            return updated_node
        template = _template([arg.value for arg in updated_node.args])
        elements = [
            cst.Element(
                _render(template, scope),
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
                if index < len(scopes) - 1
                else cst.MaybeSentinel.DEFAULT,
            )
            for index, scope in enumerate(scopes)
        ]
        argument = cst.Arg(
            cst.List(elements),
            keyword=cst.Name("scopes"),
            equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
        )
        layout = call_layout(updated_node)
        layout.append([argument])
        return rebuild_call(updated_node, layout)
