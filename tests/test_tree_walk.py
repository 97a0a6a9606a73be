"""The cheaper tree walks give the nodes ``ast``'s own walks give, in the same order.

Every reading that keeps the first or last of several findings, or builds a dict in
the order it meets nodes, depends on that order; and the guards read from scopes
walked once must be those read from scopes walked for each reading.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

from flake8_nylas_scopes.analysis.bindings import hand_overs, handed_over_names
from flake8_nylas_scopes.analysis.provider_guards import (
    guard_scopes, provider_guards, scope_flags, scope_nodes, unread_guards,
)
from flake8_nylas_scopes.analysis.provider_tests import ProviderTests, walk_scope
from flake8_nylas_scopes.analysis.fast_visit import FastVisitor
from flake8_nylas_scopes.analysis import tree_walk
from flake8_nylas_scopes.analysis.module import module_facts
from flake8_nylas_scopes.analysis.new_saves import new_saves
from flake8_nylas_scopes.analysis.source import SourceMap
from flake8_nylas_scopes.analysis.tree_walk import (
    TreeNodes, child_nodes, code_children, node_fields, walk_nodes,
)

# Fields holding lists with non-nodes (``None`` among a dict display's keys, names of
# ``global``), optional fields left empty, nested scopes and ``match``.
ODD_FIELDS = '''\
import os, sys as system
from . import sibling
GOOGLE = "google"


def merged(extra, *args, key=None, **kwargs):
    global COUNTER
    merged = {**extra, "a": 1, **kwargs}
    lam = lambda x, /, y=2: x + y
    try:
        pass
    except (ValueError, TypeError) as error:
        raise RuntimeError() from error
    finally:
        del merged["a"]
    return [v for k, v in merged.items() if k if v], f"{key!r:>10}"


class Sync:
    provider: str = "google"

    def run(self, grant):
        if grant.provider == GOOGLE:
            return 1
        match grant.provider:
            case "microsoft" | "imap":
                return 2
            case {"kind": kind, **rest}:
                return kind
            case [first, *_]:
                return first
        return 3 if grant.provider == "icloud" else 4
'''


def test_walk_nodes_gives_ast_walks_nodes_in_its_order() -> None:
    tree = ast.parse(ODD_FIELDS)
    assert [id(node) for node in walk_nodes(tree)] == [id(node) for node in ast.walk(tree)]


def test_child_nodes_gives_iter_child_nodes_of_every_node() -> None:
    for node in ast.walk(ast.parse(ODD_FIELDS)):
        assert list(map(id, child_nodes(node))) == list(map(id, ast.iter_child_nodes(node)))


def test_dict_display_keys_left_out_are_no_children() -> None:
    # ``{**extra}`` has ``None`` among its keys: control, it is not a node.
    display = ast.parse("{**extra, 'a': 1}", mode="eval").body
    assert [type(node).__name__ for node in child_nodes(display)] == [
        "Constant", "Name", "Constant"]


def test_scopes_of_the_provider_tests_walk_are_those_of_a_walk_of_their_own() -> None:
    tree = ast.parse(ODD_FIELDS)
    tests = ProviderTests(tree)
    assert guard_scopes(tree, tests) == guard_scopes(tree)
    # A ``ProviderTests`` made without a tree knows no scopes: the module is walked.
    assert guard_scopes(tree, ProviderTests(None)) == guard_scopes(tree)


def test_guards_read_from_scopes_walked_once_are_those_read_walking_each_time() -> None:
    tree = ast.parse(ODD_FIELDS)
    tests = ProviderTests(tree)
    scopes = guard_scopes(tree, tests)
    nodes = scope_nodes(scopes)
    assert nodes == [list(walk_scope(scope)) for scope in scopes]
    flags = scope_flags(tests, scopes, nodes)
    assert flags == scope_flags(tests, scopes)
    shared = provider_guards(tree, tests, scopes, flags, nodes)
    assert shared  # control: the module has guards to read
    assert shared == provider_guards(tree, tests, scopes, flags)
    assert unread_guards(tree, tests, scopes, flags, nodes) == unread_guards(
        tree, tests, scopes, flags)


def test_code_children_leave_out_only_contexts_and_operators() -> None:
    marks = (ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop)
    for node in ast.walk(ast.parse(ODD_FIELDS)):
        assert list(map(id, code_children(node))) == [
            id(child) for child in ast.iter_child_nodes(node) if not isinstance(child, marks)]


def test_scope_walks_keep_every_node_but_contexts_and_operators() -> None:
    tree = ast.parse(ODD_FIELDS)
    method = next(node for node in ast.walk(tree)
                  if isinstance(node, ast.FunctionDef) and node.name == "run")
    walked = list(walk_scope(method))
    assert not any(isinstance(node, (ast.expr_context, ast.cmpop)) for node in walked)
    # Control: the names, the comparisons and the ``match`` are all there.
    assert sum(isinstance(node, ast.Compare) for node in walked) == 2
    assert any(isinstance(node, ast.Match) for node in walked)
    assert {node.id for node in walked if isinstance(node, ast.Name)} >= {"grant", "GOOGLE"}


HANDED = """\
def work(params, scopes, seen):
    extra = scopes
    if not params and params is None:
        pass
    seen["k"] = 1
    tweak(params)
    send(params)
    return -len(seen) + 1
"""


def test_hand_overs_counted_without_contexts_and_operators() -> None:
    body = ast.parse(HANDED).body[0].body  # type: ignore[attr-defined]
    # Tests, comparisons and ``not`` only look at ``params``: two calls hand it over.
    assert hand_overs(body, "params") == 2
    assert hand_overs(body, "scopes") == 1
    # ``seen``: a key write and a length, no hand-over (control for the unary minus).
    assert hand_overs(body, "seen") == 0
    handed = handed_over_names(body)
    assert {"params", "scopes"} <= handed and "seen" not in handed


class _Every(FastVisitor):
    """Handles every node a ``FastVisitor`` would otherwise not enter (names,
    constants, contexts, operators, aliases), so it meets every node of the tree."""

    def __init__(self) -> None:
        self.met: list[int] = []

    def generic_visit(self, node: ast.AST) -> None:
        self.met.append(id(node))
        super().generic_visit(node)

    visit_Name = visit_Constant = visit_alias = visit_arg = generic_visit

    def _leaf(self, node: ast.AST) -> None:
        self.met.append(id(node))

    visit_Pass = visit_Break = visit_Continue = _leaf
    visit_Load = visit_Store = visit_Del = _leaf
    visit_Eq = visit_NotEq = visit_Is = visit_IsNot = visit_In = visit_NotIn = _leaf
    visit_Add = visit_Mult = visit_Not = visit_USub = visit_And = visit_Or = _leaf


class _Plain(FastVisitor):
    """Handles no context or operator: its walk may skip the fields that hold one."""

    def __init__(self) -> None:
        self.met: list[int] = []

    def generic_visit(self, node: ast.AST) -> None:
        self.met.append(id(node))
        super().generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        self.met.append(id(node))


class _Recorder(ast.NodeVisitor):
    def __init__(self) -> None:
        self.met: list[ast.AST] = []

    def visit(self, node: ast.AST) -> None:
        self.met.append(node)
        super().visit(node)


def test_fast_visits_meet_node_visitors_nodes_in_its_order() -> None:
    tree = ast.parse(ODD_FIELDS)
    recorder = _Recorder()
    recorder.visit(tree)
    every = _Every()
    every.visit(tree)
    assert every.met == [id(node) for node in recorder.met]
    # A visitor handling no context or operator still meets every other node it
    # enters, in the same order, though it reads fewer fields.
    plain = _Plain()
    plain.visit(tree)
    marks = (ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop)
    assert plain.met == [id(node) for node in recorder.met if not isinstance(
        node, (*marks, ast.Constant, ast.alias, ast.Pass))]
    assert "ctx" in _Every._fields_of[ast.Attribute]
    assert _Plain._fields_of[ast.Attribute] == ("value",)  # control: one field read


def test_fields_read_are_those_that_may_hold_a_node() -> None:
    assert node_fields(ast.keyword) == ("value",)
    assert node_fields(ast.Compare) == ("left", "ops", "comparators")
    assert node_fields(ast.Compare, marks=False) == ("left", "comparators")
    assert "name" not in node_fields(ast.FunctionDef)
    if hasattr(ast, "TypeAlias"):
        # Python 3.12: ``type Scopes = list[str]`` holds its name as a ``Name``.
        assert "name" in node_fields(ast.TypeAlias)


def test_nodes_of_classes_made_outside_ast_have_every_field_read() -> None:
    class Wrapper(ast.expr):
        _fields = ("attr", "inner")

    inner = ast.Name("scopes", ast.Load())
    wrapper = Wrapper()
    wrapper.attr, wrapper.inner = ast.Name("hidden", ast.Load()), inner
    assert child_nodes(wrapper) == [wrapper.attr, inner]
    assert list(walk_nodes(wrapper))[1:3] == [wrapper.attr, inner]
    seen = _Every()
    seen.generic_visit(wrapper)
    assert id(wrapper.attr) in seen.met and id(inner) in seen.met


# A module that every reading of the whole tree given the module's listed nodes
# reads: a provider test, a module loaded by name, a model made and saved, a class
# made by ``type``, a checked scope, Flask's configuration, an ``Enum`` class and a
# builtin written.
WHOLE_TREE_READINGS = '''\
import builtins
import importlib
from enum import Enum

from flask import Flask
from nylas import Client

app = Flask(__name__)
app.config["NYLAS_SCOPES"] = ["https://www.googleapis.com/auth/calendar"]
nylas = Client("key")
builtins.len = lambda value: 0


class Kind(Enum):
    MAIL = "https://www.googleapis.com/auth/gmail.readonly"


Made = type("Made", (object,), {"scopes": [Kind.MAIL.value]})


def is_google(grant):
    return grant.provider == "google"


def plugin(name):
    return importlib.import_module(name)


def record(Model, grant):
    item = Model.objects.create(name="x")
    item.save()
    if "calendar" in app.config["NYLAS_SCOPES"] and is_google(grant):
        return nylas.events.list(grant, query_params={"calendar_id": "primary"})
    return Kind.MAIL.value
'''


def test_tree_nodes_lists_ast_walks_nodes_once() -> None:
    tree = ast.parse(ODD_FIELDS)
    nodes = TreeNodes(tree)
    assert nodes.all() == list(ast.walk(tree))
    assert nodes.all() is nodes.all()
    assert nodes.of(ast.Call) == [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    assert nodes.of(ast.Call) is nodes.of(ast.Call)


def test_a_modules_readings_of_the_whole_tree_walk_it_once(monkeypatch) -> None:
    # Each reading that needs every node of the module (or every call) takes them
    # from one listing: walks that start at the module's root are counted.
    tree = ast.parse(WHOLE_TREE_READINGS)
    roots: list[ast.AST] = []
    real_walk, real_walk_nodes = ast.walk, tree_walk.walk_nodes

    def counted_walk(node: ast.AST) -> Iterator[ast.AST]:
        if node is tree:
            roots.append(node)
        return real_walk(node)

    def counted_walk_nodes(node: ast.AST) -> Iterator[ast.AST]:
        if node is tree:
            roots.append(node)
        return real_walk_nodes(node)

    monkeypatch.setattr(ast, "walk", counted_walk)
    for module in list(sys.modules.values()):
        if module is not None and module.__name__.startswith(
                "flake8_nylas_scopes.analysis.") and hasattr(module, "walk_nodes"):
            monkeypatch.setattr(module, "walk_nodes", counted_walk_nodes)
    lines = WHOLE_TREE_READINGS.splitlines(keepends=True)
    facts = module_facts(tree, "app.py", lines, "app", flow=True)
    assert facts.flow.new_saves  # the readings ran
    assert facts.unseen_imports and facts.provider_predicates
    assert len(roots) == 1


def test_readings_given_the_listed_nodes_find_what_they_find_walking() -> None:
    tree = ast.parse(WHOLE_TREE_READINGS)
    nodes = TreeNodes(tree)
    source = SourceMap("app.py", WHOLE_TREE_READINGS.splitlines(keepends=True))
    assert new_saves(tree, source, nodes) == new_saves(tree, source) != []
    alone, shared = ProviderTests(tree), ProviderTests(tree, nodes)
    assert alone.scopes == shared.scopes and alone.scopes
    assert alone.module_predicates(tree) == shared.module_predicates(tree) != []


def test_no_reading_walks_with_asts_own_generators() -> None:
    # ``walk_nodes`` and ``child_nodes`` give the same nodes in the same order at a
    # third of the cost: every reading of a module's facts uses them.
    analysis = Path(tree_walk.__file__).parent
    slow = [f"{path.name}:{number}" for path in sorted(analysis.glob("*.py"))
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if "ast.walk(" in line or "ast.iter_child_nodes(" in line]
    assert slow == []
