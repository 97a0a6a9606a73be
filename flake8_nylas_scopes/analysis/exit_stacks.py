"""Names of a function that only ever hold a ``contextlib.ExitStack``.

``with ExitStack() as stack: nylas = stack.enter_context(nylas_client())`` gives
``nylas`` what ``with nylas_client() as nylas`` would: ``enter_context`` enters the
context manager and hands back what its ``__enter__`` returns.  That reading holds
only where the receiver is certainly an exit stack, so a name counts only when every
binding of it in the function (nested code included, which may rebind it through
``nonlocal``) makes one: ``with ExitStack() as stack`` or ``stack = ExitStack()``.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence

from .tree_walk import walk_nodes

# The classes, and the method of each that enters a context manager for the caller.
EXIT_STACK_CLASSES = frozenset({"contextlib.ExitStack", "contextlib.AsyncExitStack"})
ENTERING_METHODS = {"enter_context": False, "enter_async_context": True}

# Statements and patterns that bind a name other than through an ``ast.Name``.
_NAMED_BINDERS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.ExceptHandler,
                  ast.MatchAs, ast.MatchStar)


def exit_stack_names(body: Sequence[ast.stmt], makes_stack: Callable[[ast.expr], bool],
                     ) -> frozenset[str]:
    """The names every binding of which in ``body`` is an exit stack ``makes_stack``
    says is made there.  One walk of the body."""
    made: set[int] = set()
    bound: set[str] = set()
    other: set[str] = set()
    for statement in body:
        for node in walk_nodes(statement):
            if isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name):
                if makes_stack(node.context_expr):
                    made.add(id(node.optional_vars))
            elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                    node.targets[0], ast.Name) and makes_stack(node.value):
                made.add(id(node.targets[0]))
            elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                (bound if id(node) in made else other).add(node.id)
            elif isinstance(node, (ast.Global, ast.Nonlocal)):
                other.update(node.names)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                other.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
            elif isinstance(node, _NAMED_BINDERS) and node.name:
                other.add(node.name)
    return frozenset(bound - other)


def stack_call(node: ast.Call) -> tuple[ast.Name, ast.expr, bool] | None:
    """``stack.enter_context(cm)``: the receiver's name, the one argument and whether
    the method is the asynchronous one; None for any other shape."""
    func = node.func
    if not (isinstance(func, ast.Attribute) and func.attr in ENTERING_METHODS
            and isinstance(func.value, ast.Name) and len(node.args) == 1
            and not node.keywords and not isinstance(node.args[0], ast.Starred)):
        return None
    return func.value, node.args[0], ENTERING_METHODS[func.attr]
