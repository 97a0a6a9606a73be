"""Writes into a module-level dict or list that the value flow follows exactly, in
the container's own module or in another one::

    # plug.py
    from app import SYNCS, HANDLERS
    import app

    SYNCS["contacts"] = ContactSync       # an item stored
    app.SYNCS.update({"events": EventSync})
    SYNCS.setdefault("drafts", DraftSync)
    HANDLERS.append(ContactSync)
    HANDLERS += [EventSync]
    HANDLERS.extend([DraftSync])

The flow extractor records each of them against the container as its module names
it (a ``Store`` whose attribute is ``ITEM_WRITE``), and the project index joins the
value to what the container's own module binds it to, as a store in that module
is.  Any other change to such a container (handed to a function, ``update`` with
keywords or another mapping, ``setattr``, ``vars(app)[...]``, a nested item) has
no rule here: the module's facts keep it among the changes the analysis cannot
follow, and a call through that container is then unresolved.
"""

from __future__ import annotations

import ast

# The attribute of a ``Store`` that writes an item (or items) into its owner: the
# stored value is a container of what is written.
ITEM_WRITE = "[]="

# Methods whose one argument (the last for ``setdefault``) is stored as an item.
_ITEM_METHODS = {"append": 1, "setdefault": 2}
# Methods whose one argument's items are stored, read only when it is a display.
_DISPLAY_METHODS: dict[str, tuple[type[ast.expr], ...]] = {
    "update": (ast.Dict,), "extend": (ast.List, ast.Tuple)}


def told_write(statement: ast.stmt) -> ast.expr | None:
    """The container a statement writes items into in a way the flow follows
    exactly: a name or a module's attribute (``SYNCS``, ``app.SYNCS``); None for
    any other statement.  Whether the name is one the flow reads (a display of its
    module, or an import) is for the caller to tell."""
    container: ast.expr | None = None
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(
            statement.targets[0], ast.Subscript) and not isinstance(
            statement.targets[0].slice, ast.Slice):
        container = statement.targets[0].value
    elif isinstance(statement, ast.AugAssign) and isinstance(statement.op, ast.Add) and (
            isinstance(statement.value, (ast.List, ast.Tuple))) and not _starred(
            statement.value.elts):
        container = statement.target
    elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        container = _method_container(statement.value)
    if isinstance(container, ast.Name) or (
            isinstance(container, ast.Attribute) and isinstance(container.value, ast.Name)):
        return container
    return None


def _method_container(call: ast.Call) -> ast.expr | None:
    func = call.func
    if not isinstance(func, ast.Attribute) or call.keywords or _starred(call.args):
        return None
    if _ITEM_METHODS.get(func.attr) == len(call.args):
        return func.value
    display = _DISPLAY_METHODS.get(func.attr)
    if display is not None and len(call.args) == 1 and isinstance(call.args[0], display):
        argument = call.args[0]
        if isinstance(argument, ast.Dict) and None in argument.keys:
            return None  # ``{**other}``: another mapping's items
        if isinstance(argument, (ast.List, ast.Tuple)) and _starred(argument.elts):
            return None
        return func.value
    return None


def _starred(nodes: list[ast.expr]) -> bool:
    # A loop rather than ``any``: met for most ``append`` calls of a module.
    for node in nodes:
        if isinstance(node, ast.Starred):
            return True
    return False
