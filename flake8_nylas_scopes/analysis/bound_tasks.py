"""Celery's bound tasks of a task class of the project's own.

``@app.task(bind=True, base=NylasTask)`` (also ``@shared_task(...)``) makes the
function a task whose first parameter is the task object: an instance of ``base``
(Celery 5 user guide, "Tasks": "Bound tasks" and "Custom task classes").  What the
class gives there (``self.client`` from a property making the Nylas client) is then
read as the class's.  Without ``bind=True`` the first parameter is the caller's first
argument, and without ``base`` it is Celery's own ``Task``.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

# The decorators that make a task: ``shared_task`` by its qualified name, and a
# Celery application's ``task`` method on whatever name the app is bound to.
_TASK_FUNCTIONS = frozenset({"celery.shared_task", "celery.app.shared_task"})
_TASK_METHOD = "task"


def bound_task_base(decorator: ast.expr, callee_name: Callable[[ast.expr], str]
                    ) -> ast.expr | None:
    """The ``base`` class of a bound task's decorator; None for another decorator."""
    if not isinstance(decorator, ast.Call):
        return None
    func = decorator.func
    if not (isinstance(func, ast.Attribute) and func.attr == _TASK_METHOD
            or callee_name(func) in _TASK_FUNCTIONS):
        return None
    given = {keyword.arg: keyword.value for keyword in decorator.keywords}
    bind = given.get("bind")
    if not (isinstance(bind, ast.Constant) and bind.value is True):
        return None
    return given.get("base")
