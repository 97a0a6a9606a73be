"""A ``contextvars.ContextVar`` holding a client for the code a request or a task
runs: ``NYLAS: ContextVar[Client] = ContextVar("nylas")``, ``NYLAS.set(client)``,
then ``NYLAS.get()``.

Each variable made by a ``ContextVar(...)`` call is one slot, named by where the
call is (``s:contextvar.app.context.12.8``), and the variable is a container of what
the slot holds: its ``default``, and what a ``set`` through a name bound to that call
alone stores.  Its ``get`` gives that, in this module or in one that imports it;
handed on, it hands that on.  A ``set`` through any other name (an import, a
parameter) hands the value to code the analysis does not read.
"""

from __future__ import annotations

import ast
from typing import Final

from .symbols import STATE

CONTEXT_VAR_CLASSES: Final = frozenset({"contextvars.ContextVar"})
STORE_METHOD: Final = "set"
READ_METHOD: Final = "get"
DEFAULT_KEYWORD: Final = "default"


def context_var_slot(module: str, made: ast.Call) -> str:
    """The slot of the variable the call ``made`` makes in ``module``."""
    return f"{STATE}contextvar.{module}.{made.lineno}.{made.col_offset}"


def default_of(made: ast.Call) -> ast.expr | None:
    """The ``default=`` a variable is made with, if any."""
    return next((keyword.value for keyword in made.keywords
                 if keyword.arg == DEFAULT_KEYWORD), None)
