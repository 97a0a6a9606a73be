"""The cheaper tree walks give the nodes ``ast``'s own walks give, in the same order.

Every reading that keeps the first or last of several findings, or builds a dict in
the order it meets nodes, depends on that order; and the guards read from scopes
walked once must be those read from scopes walked for each reading.
"""

from __future__ import annotations

import ast

from flake8_nylas_scopes.analysis.provider_guards import (
    guard_scopes, provider_guards, scope_flags, scope_nodes, unread_guards,
)
from flake8_nylas_scopes.analysis.provider_tests import ProviderTests, walk_scope
from flake8_nylas_scopes.analysis.tree_walk import child_nodes, walk_nodes

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
