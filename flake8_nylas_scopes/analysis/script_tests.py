"""Modules named like tests that are scripts.

pytest collects ``test_*.py`` and ``*_test.py`` by name, and the judge takes such a
module for a test when it defines a ``test*`` function (see ``judging.test_code``).
A smoke script written by hand is named so too (``scripts/test_send.py``, run as
``python scripts/test_send.py TOKEN ADDRESS``, or installed as a console script whose
``main()`` calls ``test_send``): its own code calls its test functions, which pytest
never needs, since it calls each test itself.  Such a module may be the app's.
"""

from __future__ import annotations

import ast

from .tree_walk import walk_nodes

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def named_like_a_test(file_name: str) -> bool:
    """Whether pytest's or unittest's usual patterns collect a module by its name."""
    return file_name.startswith("test_") or file_name.endswith("_test.py") or (
        file_name == "tests.py")


def runs_own_tests(tree: ast.Module) -> bool:
    """Whether code of the module that is no test (a function not named ``test*``, the
    ``if __name__ == "__main__":`` block) calls one of its top-level test functions."""
    tests = {statement.name for statement in tree.body
             if isinstance(statement, _FUNCTIONS) and statement.name.startswith("test")}
    if not tests:
        return False
    for statement in tree.body:
        if isinstance(statement, _FUNCTIONS) and statement.name.startswith("test"):
            continue
        if not isinstance(statement, (*_FUNCTIONS, ast.If)):
            continue
        for node in walk_nodes(statement):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
                    node.func.id in tests):
                return True
    return False
