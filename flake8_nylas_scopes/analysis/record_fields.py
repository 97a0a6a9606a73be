"""The fields of a record class, read from the class's own body.

``class Cfg(NamedTuple): scopes: list`` (or a ``@dataclass``, or an attrs class
with annotated fields) then ``CFG = Cfg(scopes=["email.read_only"])``: the instance's
``scopes`` holds the list the call gives.  Only where nothing else can decide what
a field holds: a class with a base (other than ``NamedTuple``), a method that sets
fields when an instance is made or later (``__post_init__``, ``__init__``,
``__attrs_post_init__``, ``__setattr__``), a field that converts, takes no
argument or is keyword-only, is not read.
"""

from __future__ import annotations

import ast

from .ast_names import dotted
from .tree_walk import walk_nodes

# Decorators that make a class's annotated names its fields (by their last part:
# ``dataclasses.dataclass``, ``attr.s``, ``attrs.define``).
_RECORD_DECORATORS = frozenset({"dataclass", "define", "frozen", "mutable"})
# ``@attr.s`` makes annotated names fields only with ``auto_attribs=True``.
_ATTRS_CLASSIC = frozenset({"s", "attrs"})
# Methods that may set what an instance's fields hold.
_FIELD_SETTERS = frozenset({
    "__init__", "__post_init__", "__new__", "__setattr__", "__getattr__",
    "__getattribute__", "__init_subclass__", "__attrs_post_init__", "__attrs_pre_init__",
})
# What a field's default may be: a value, or a field specifier with no keyword
# that changes what the argument becomes or whether there is one.
_SPECIFIERS = frozenset({"field", "ib", "attrib"})
_PLAIN_SPECIFIER_KEYWORDS = frozenset({"default", "default_factory", "factory", "repr",
                                       "compare", "hash", "eq", "order", "metadata"})
# Calls a default may be that give a plain value: a setting read from the environment
# (``client_id: str = os.environ.get("NYLAS_CLIENT_ID", "")``).  With constant
# arguments they return a string or that constant, never a field specifier that could
# change what ``__init__`` takes; any other call may be a function returning one.
_VALUE_CALLS = frozenset({"os.environ.get", "os.getenv"})
# Annotations that make a name no plain field.
_NOT_PLAIN = frozenset({"ClassVar", "InitVar", "KW_ONLY"})


def record_fields(cls: ast.ClassDef) -> list[str] | None:
    """The fields of a record class in the order its ``__init__`` takes them; None
    for a class whose fields the body does not decide alone."""
    if cls.keywords or not _is_record(cls):
        return None
    fields: list[str] = []
    for statement in cls.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                statement.name in _FIELD_SETTERS):
            return None
        if not isinstance(statement, ast.AnnAssign):
            continue
        if not isinstance(statement.target, ast.Name) or any(
                (dotted(node) or "").rpartition(".")[2] in _NOT_PLAIN
                for node in walk_nodes(statement.annotation) if isinstance(node, ast.expr)):
            return None
        default = statement.value
        if isinstance(default, ast.Call) and not (
                _plain_specifier(default) or _plain_value_call(default)):
            return None
        if statement.target.id.startswith("_"):
            return None  # attrs takes it without the underscore
        fields.append(statement.target.id)
    return fields


def given_fields(call: ast.Call, fields: list[str]) -> dict[str, ast.expr] | None:
    """What the call making an instance gives each field it names; None when it
    cannot be told (an argument spread from a list or dict, one too many)."""
    if len(call.args) > len(fields) or any(
            isinstance(arg, ast.Starred) for arg in call.args):
        return None
    given = dict(zip(fields, call.args))
    for keyword in call.keywords:
        if keyword.arg is None or keyword.arg not in fields or keyword.arg in given:
            return None
        given[keyword.arg] = keyword.value
    return given


def _is_record(cls: ast.ClassDef) -> bool:
    """A ``NamedTuple``, or a class every decorator of which makes it a record (one
    that is not may put anything in its place)."""
    bases = [(dotted(base) or "") for base in cls.bases]
    if bases:
        return bases in (["NamedTuple"], ["typing.NamedTuple"]) and not cls.decorator_list
    return bool(cls.decorator_list) and all(
        _makes_record(decorator) for decorator in cls.decorator_list)


def _makes_record(decorator: ast.expr) -> bool:
    call = decorator if isinstance(decorator, ast.Call) else None
    name = (dotted(call.func if call is not None else decorator) or "").rpartition(".")[2]
    if name in _RECORD_DECORATORS:
        return True
    return name in _ATTRS_CLASSIC and call is not None and any(
        keyword.arg == "auto_attribs" and isinstance(keyword.value, ast.Constant)
        and keyword.value.value is True for keyword in call.keywords)


def _plain_specifier(call: ast.Call) -> bool:
    return (dotted(call.func) or "").rpartition(".")[2] in _SPECIFIERS and not call.args and all(
        keyword.arg in _PLAIN_SPECIFIER_KEYWORDS for keyword in call.keywords)


def _plain_value_call(call: ast.Call) -> bool:
    return dotted(call.func) in _VALUE_CALLS and not call.keywords and all(
        isinstance(arg, ast.Constant) for arg in call.args)
