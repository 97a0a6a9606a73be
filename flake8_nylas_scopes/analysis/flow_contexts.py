"""Every place an expression can appear in Python's syntax tree, and what the flow
pass makes of a value found there.

The flow pass is a closed world: a value that may come from Nylas is, at each place
it is used, either followed (``FLOW``, ``TARGET``), only looked at (``READ``,
``TYPE``, ``DISCARD``) or it escapes (``ESCAPE``).  This table is the one dispatch
over those places.  A node class or field missing from it is treated as an escape,
and ``tests/test_flow_contexts.py`` fails for every node class of the running
Python that is not listed, so a new syntax form is decided here, never skipped.
"""

from __future__ import annotations

import ast
import enum
from collections.abc import Mapping


class Role(enum.Enum):
    # The parent node's handler follows the value (an argument, an assigned value,
    # an attribute's owner, an element of a display, ...).
    FLOW = "flow"
    # An assignment target: the parent's handler binds it.
    TARGET = "target"
    # Only looked at: a condition, a comparison, a formatted value.  Reading a Nylas
    # query this way fetches it; nothing else is requested.
    READ = "read"
    # A type annotation: never evaluated as data by the app.
    TYPE = "type"
    # The value of an expression statement, thrown away.
    DISCARD = "discard"
    # Statements, definitions, handlers: the walk enters them.
    BODY = "body"
    # Identifiers, numbers, operators, contexts: never a value.
    PLAIN = "plain"
    # Not followed: the value escapes, and the usage rules stay silent for it.
    ESCAPE = "escape"


_F, _T, _R, _Y, _D, _B, _P, _E = (
    Role.FLOW, Role.TARGET, Role.READ, Role.TYPE, Role.DISCARD, Role.BODY, Role.PLAIN,
    Role.ESCAPE,
)

# By node class name, then field.  Classes of newer Pythons are listed too: the table
# is read against the classes the running ``ast`` has.
ROLES: Mapping[str, Mapping[str, Role]] = {
    # Modules and statements.
    "Module": {"body": _B, "type_ignores": _P},
    "Interactive": {"body": _B},
    "Expression": {"body": _R},
    "FunctionType": {"argtypes": _Y, "returns": _Y},
    "FunctionDef": {"name": _P, "args": _B, "body": _B, "decorator_list": _F, "returns": _Y,
                    "type_comment": _P, "type_params": _B},
    "AsyncFunctionDef": {"name": _P, "args": _B, "body": _B, "decorator_list": _F,
                         "returns": _Y, "type_comment": _P, "type_params": _B},
    "ClassDef": {"name": _P, "bases": _F, "keywords": _B, "body": _B, "decorator_list": _F,
                 "type_params": _B},
    "Return": {"value": _F},
    "Delete": {"targets": _T},
    "Assign": {"targets": _T, "value": _F, "type_comment": _P},
    "TypeAlias": {"name": _T, "type_params": _B, "value": _Y},
    "AugAssign": {"target": _T, "op": _P, "value": _F},
    "AnnAssign": {"target": _T, "annotation": _Y, "value": _F, "simple": _P},
    "For": {"target": _T, "iter": _F, "body": _B, "orelse": _B, "type_comment": _P},
    "AsyncFor": {"target": _T, "iter": _F, "body": _B, "orelse": _B, "type_comment": _P},
    "While": {"test": _R, "body": _B, "orelse": _B},
    "If": {"test": _R, "body": _B, "orelse": _B},
    "With": {"items": _B, "body": _B, "type_comment": _P},
    "AsyncWith": {"items": _B, "body": _B, "type_comment": _P},
    "withitem": {"context_expr": _F, "optional_vars": _T},
    "Match": {"subject": _E, "cases": _B},
    "match_case": {"pattern": _B, "guard": _R, "body": _B},
    "MatchValue": {"value": _R},
    "MatchSingleton": {"value": _P},
    "MatchSequence": {"patterns": _B},
    "MatchMapping": {"keys": _R, "patterns": _B, "rest": _P},
    "MatchClass": {"cls": _Y, "patterns": _B, "kwd_attrs": _P, "kwd_patterns": _B},
    "MatchStar": {"name": _P},
    "MatchAs": {"pattern": _B, "name": _P},
    "MatchOr": {"patterns": _B},
    # A raised object goes to whichever handler catches it (``except Exception as
    # err`` in another module, or the framework): an exception class of the project
    # holding a message carries it where no binding shows.
    "Raise": {"exc": _E, "cause": _E},
    "Try": {"body": _B, "handlers": _B, "orelse": _B, "finalbody": _B},
    "TryStar": {"body": _B, "handlers": _B, "orelse": _B, "finalbody": _B},
    "ExceptHandler": {"type": _Y, "name": _P, "body": _B},
    "Assert": {"test": _R, "msg": _R},
    "Import": {"names": _P},
    "ImportFrom": {"module": _P, "names": _P, "level": _P},
    "alias": {"name": _P, "asname": _P},
    "Global": {"names": _P},
    "Nonlocal": {"names": _P},
    "Expr": {"value": _D},
    "Pass": {},
    "Break": {},
    "Continue": {},
    # Expressions.
    "BoolOp": {"op": _P, "values": _F},
    "NamedExpr": {"target": _T, "value": _F},
    "BinOp": {"left": _F, "op": _P, "right": _F},
    "UnaryOp": {"op": _P, "operand": _R},
    "Lambda": {"args": _B, "body": _F},
    "IfExp": {"test": _R, "body": _F, "orelse": _F},
    "Dict": {"keys": _F, "values": _F},
    "Set": {"elts": _F},
    "ListComp": {"elt": _F, "generators": _B},
    "SetComp": {"elt": _F, "generators": _B},
    "DictComp": {"key": _F, "value": _F, "generators": _B},
    "GeneratorExp": {"elt": _F, "generators": _B},
    "comprehension": {"target": _T, "iter": _F, "ifs": _R, "is_async": _P},
    "Await": {"value": _F},
    "Yield": {"value": _F},
    "YieldFrom": {"value": _F},
    "Compare": {"left": _R, "ops": _P, "comparators": _R},
    "Call": {"func": _F, "args": _F, "keywords": _B},
    "keyword": {"arg": _P, "value": _F},
    "FormattedValue": {"value": _R, "conversion": _P, "format_spec": _R},
    "JoinedStr": {"values": _R},
    "Constant": {"value": _P, "kind": _P},
    "Attribute": {"value": _F, "attr": _P, "ctx": _P},
    "Subscript": {"value": _F, "slice": _R, "ctx": _P},
    "Starred": {"value": _F, "ctx": _P},
    "Name": {"id": _P, "ctx": _P},
    "List": {"elts": _F, "ctx": _P},
    "Tuple": {"elts": _F, "ctx": _P},
    "Slice": {"lower": _R, "upper": _R, "step": _R},
    # Function signatures: defaults are followed into the parameters they fill.
    "arguments": {"posonlyargs": _B, "args": _B, "vararg": _B, "kwonlyargs": _B,
                  "kw_defaults": _F, "kwarg": _B, "defaults": _F},
    "arg": {"arg": _P, "annotation": _Y, "type_comment": _P},
    # Type parameters (3.12+).
    "TypeVar": {"name": _P, "bound": _Y, "default_value": _Y},
    "ParamSpec": {"name": _P, "default_value": _Y},
    "TypeVarTuple": {"name": _P, "default_value": _Y},
    "TypeIgnore": {"lineno": _P, "tag": _P},
    # Kept by ``ast`` for old code that builds trees; the parser has not produced them
    # since Python 3.8 (the constants) and 3.9 (the slices).
    "Num": {"n": _P, "value": _P, "kind": _P},
    "Str": {"s": _P, "value": _P, "kind": _P},
    "Bytes": {"s": _P, "value": _P, "kind": _P},
    "NameConstant": {"value": _P, "kind": _P},
    "Ellipsis": {"value": _P, "kind": _P},
    "Index": {"value": _R},
    "ExtSlice": {"dims": _R},
    "Suite": {"body": _B},
}


def roles_of(kind: type[ast.AST]) -> tuple[tuple[str, Role], ...]:
    """The fields of a node class with their roles; an unlisted field escapes."""
    table = ROLES.get(kind.__name__, {})
    return tuple((name, table.get(name, Role.ESCAPE)) for name in kind._fields)


def unlisted_fields() -> list[str]:
    """``Class.field`` for every field of the running ``ast`` the table lacks."""
    missing: list[str] = []
    pending: list[type[ast.AST]] = [ast.AST]
    seen: set[type[ast.AST]] = set()
    while pending:
        kind = pending.pop()
        if kind in seen:
            continue
        seen.add(kind)
        pending.extend(kind.__subclasses__())
        if kind.__module__ != "ast" or not kind._fields:
            continue
        table = ROLES.get(kind.__name__)
        for name in kind._fields:
            if table is None or name not in table:
                missing.append(f"{kind.__name__}.{name}")
    return sorted(missing)
