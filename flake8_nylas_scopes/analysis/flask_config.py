"""Flask's configuration: where a module sets the keys that name scopes, and how
code may change them.

``app.config["NYLAS_SCOPES"]`` is read where a module writes it (an item store,
``update``/``from_mapping`` by keyword, a ``...Config`` class loaded with
``from_object``).  The configuration is one dict the whole application shares, so any
other write of a key (``app.config["NYLAS_SCOPES"].append(...)``, ``+=``,
``setdefault``) or of the whole (``update(overrides)``, ``from_pyfile``, handing
``app.config`` to other code) may change what a request reads there.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Container
from typing import Optional, Union

from .tree_walk import TreeNodes, child_nodes, walk_nodes

# The name under which a module's Flask configuration values are kept among its
# constants (the brackets keep it apart from any Python name).
FLASK_CONFIG = "flask.config"
# ``app.config.update(...)`` and ``app.config.from_mapping(...)`` set keys by keyword
# or from a dict.
CONFIG_SETTERS = frozenset({"update", "from_mapping"})
# Every method of Flask's (and Quart's) configuration, a dict subclass: flask/config.py
# of Flask 2.x and 3.x, ``class Config(dict)``.  ``X.config.getoption(...)`` (pytest's
# ``request.config``) or ``X.config.set_main_option(...)`` (Alembic's
# ``context.config``) calls a method no Flask configuration has: ``X`` holds no
# Flask application.
FLASK_CONFIG_METHODS = frozenset({
    "from_envvar", "from_prefixed_env", "from_pyfile", "from_object", "from_file",
    "from_mapping", "get_namespace",
    "clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault",
    "update", "values",
})
# Top-level packages whose objects are no Flask application: the standard library
# (``logging.config``), and Alembic, whose ``context.config`` every Flask-Migrate
# project's ``migrations/env.py`` changes (``config.set_main_option(...)``).
NO_APP_PACKAGES = frozenset(sys.stdlib_module_names) | {"alembic"}
# The end of the name of a configuration class, whose upper-case attributes are read
# as the keys it sets.
CONFIG_CLASS_SUFFIX = "Config"
# The application classes of Flask and Quart, as imports name them, and the one name
# every read of the application's configuration is given: what ``current_app``
# reads, the keys every module writes (the project index looks them up).
APP_CLASSES = frozenset({"flask.Flask", "flask.app.Flask", "quart.Quart", "quart.app.Quart"})
APP_CONFIG = "flask.current_app.config"


Def = Union[ast.FunctionDef, ast.AsyncFunctionDef]
# Whether the object of ``X.config`` is known to be no Flask application where the
# body of a function reads it (None: at module level or in a class body), and whether
# the module's bindings are the ones in force there (see ``Extractor._not_an_app``).
NotAnAppWhere = Callable[[ast.expr, Optional[Def], bool], bool]
# Scopes that may bind a name of their own, for which neither the module's binding
# nor the function's is the one in force.
_OWN_NAMES = (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def owns_its_config(cls: ast.ClassDef) -> bool:
    """Whether the class gives the ``config`` attribute of its instances (or its own)
    a new dict wherever it sets it (``self.config = {}``, ``dict(...)``), and sets it
    somewhere: a settings holder's dict, not an application's configuration kept."""
    given = False
    for node in walk_nodes(cls):
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets, value = [node.target], node.value
        for target in targets:
            for part in walk_nodes(target):
                if isinstance(part, ast.Attribute) and part.attr == "config" and not (
                        isinstance(part.ctx, ast.Load)):
                    if part is not target or not _new_dict(value):
                        return False
                    given = True
    return given


def _new_dict(value: ast.expr | None) -> bool:
    """A dict display, comprehension or ``dict(...)`` call: a new dict (``dict(x)``
    copies ``x``)."""
    return isinstance(value, (ast.Dict, ast.DictComp)) or (
        isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
        and value.func.id == "dict")


def _top(function: Def | None, definitions: int) -> bool:
    """Whether the module's bindings are the ones in force in the body of ``function``,
    ``definitions`` definitions deep: at module level, or in a module-level function."""
    return definitions == 0 or (definitions == 1 and function is not None)


def _anything_may_be_one(receiver: ast.expr, function: Def | None, top: bool) -> bool:
    return False


def flask_config_values(tree: ast.Module, found: dict[str, list[ast.expr]],
                        not_an_app: NotAnAppWhere = _anything_may_be_one,
                        nodes: TreeNodes | None = None) -> None:
    """The values a module writes for Flask configuration keys that name scopes:
    ``X.config["KEY"] = value``, ``X.config.update(KEY=value)``, ``from_mapping``, and
    the attributes of a ``...Config`` class (loaded with ``config.from_object``).
    A write to the ``config`` of an object ``not_an_app`` says is no application (a
    settings holder's ``self.config``) is no value of Flask's."""
    written: list[tuple[ast.expr | None, str, ast.expr]] = []

    def keep(receiver: ast.expr | None, key: object, value: ast.expr) -> None:
        if isinstance(key, str) and "scope" in key.lower():
            written.append((receiver, key, value))

    # (``nodes``: the tree's, when listed for other readings of it too.)
    for node in walk_nodes(tree) if nodes is None else nodes.all():
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if (
                isinstance(target, ast.Subscript)
                and isinstance(target.value, ast.Attribute)
                and target.value.attr == "config"
                and isinstance(target.slice, ast.Constant)
            ):
                keep(target.value.value, target.slice.value, node.value)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in CONFIG_SETTERS
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr == "config"
        ):
            receiver = node.func.value.value
            for keyword in node.keywords:
                keep(receiver, keyword.arg, keyword.value)
            for argument in node.args[:1]:
                if isinstance(argument, ast.Dict):
                    for key, value in zip(argument.keys, argument.values):
                        if isinstance(key, ast.Constant):
                            keep(receiver, key.value, value)
        elif isinstance(node, ast.ClassDef) and node.name.endswith(CONFIG_CLASS_SUFFIX):
            for statement in node.body:
                if (
                    isinstance(statement, ast.Assign)
                    and len(statement.targets) == 1
                    and isinstance(statement.targets[0], ast.Name)
                    and statement.targets[0].id.isupper()
                ):
                    keep(None, statement.targets[0].id, statement.value)
    if not written:
        return
    # Where each write's object is read, asked of ``not_an_app`` only when some write
    # names scopes (few modules): a second walk.
    places = _places(tree, {id(holder) for holder, _, _ in written if holder is not None})
    for holder, name, written_value in written:
        if holder is not None:
            function, definitions, own_names = places[id(holder)]
            if not own_names and not_an_app(holder, function, _top(function, definitions)):
                continue
        found.setdefault(name, []).append(written_value)


def _places(tree: ast.Module, wanted: set[int]) -> dict[int, tuple[Def | None, int, bool]]:
    """For each node of ``tree`` in ``wanted`` (by ``id``): the function whose body
    holds it (None at module level, in a class body or a lambda), how many
    definitions it is in, and whether a lambda or comprehension may bind its names
    (as ``given_lists`` tells them)."""
    places: dict[int, tuple[Def | None, int, bool]] = {}
    todo: list[tuple[ast.AST, Def | None, int, bool]] = [(tree, None, 0, False)]
    while todo:
        node, function, definitions, own_names = todo.pop()
        if id(node) in wanted:
            places[id(node)] = (function, definitions, own_names)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            function = node if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else (
                None)
            definitions += 1
            own_names = own_names or isinstance(node, ast.Lambda)
        elif isinstance(node, _OWN_NAMES):
            own_names = True
        for child in child_nodes(node):
            todo.append((child, function, definitions, own_names))
    return places


# Whether the object of ``X.config`` is known to be no Flask (or Quart) application:
# see ``Extractor.not_an_app``.
NotAnApp = Callable[[ast.expr], bool]


def _may_be_anything(receiver: ast.expr) -> bool:
    return False


def is_app_config(node: ast.expr, not_an_app: NotAnApp = _may_be_anything) -> bool:
    """Whether ``node`` may be a Flask application's configuration: ``X.config`` for
    any ``X`` not known to be something else.  What ``X`` is bound to decides, not
    its name: ``server = Flask(__name__)``, ``application = create_app()``, an
    application imported from another module or given as a parameter, and
    ``current_app`` all hold one, and an object the analysis cannot tell may too."""
    return isinstance(node, ast.Attribute) and node.attr == "config" and not (
        not_an_app(node.value))


def config_key(node: ast.Subscript | ast.Call) -> str:
    """The key an item of a configuration names (``config["NYLAS_SCOPES"]``,
    ``config.get("NYLAS_SCOPES")``); "" when it cannot be read."""
    key = node.slice if isinstance(node, ast.Subscript) else (
        node.args[0] if node.args else None)
    return key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else ""


def names_scopes(name: str) -> bool:
    """Whether a name says it holds scopes: a configuration key read as scopes (see
    ``flask_config_values``), or a constant or attribute passed as a scope list
    (``SUPERVISOR_SCOPES``, ``settings.scope_list``)."""
    return "scope" in name.lower()


def names_configuration_class(name: str, modules: Container[str]) -> bool:
    """Whether a dotted name is a ``...Config`` class of one of the project's
    ``modules`` (not a module itself): one whose upper-case attributes are read as
    the configuration's keys when ``from_object`` loads it."""
    module, _, class_name = name.rpartition(".")
    return module in modules and name not in modules and class_name.endswith(
        CONFIG_CLASS_SUFFIX)


def settings_read(call: ast.Call) -> bool:
    """Whether ``flask_config_values`` reads every key ``config.update(...)`` or
    ``config.from_mapping(...)`` sets: keywords and a dict display, every key
    written out."""
    if any(keyword.arg is None for keyword in call.keywords) or len(call.args) > 1:
        return False
    return all(isinstance(argument, ast.Dict) and all(
        isinstance(key, ast.Constant) and isinstance(key.value, str) for key in argument.keys)
        for argument in call.args)


def flask_reference(node: ast.expr) -> str:
    """What the project index calls a configuration or one of its keys: ``FLASK_CONFIG``
    for what may be an application's configuration (any ``X.config``: the finder of
    given lists has left out those it knows are not), ``flask.config['KEY']`` for an
    item of any configuration by a constant key; "" for any other node."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and (
            node.value.attr == "config"):
        key = config_key(node)
        return f"{FLASK_CONFIG}[{key!r}]" if key else ""
    return FLASK_CONFIG if is_app_config(node) else ""


def config_get_key(call: ast.Call, qualify: Callable[[ast.expr], str | None]) -> str:
    """``current_app.config.get("NYLAS_SCOPES")`` (a default beside it or not): the
    key its application configuration is read by, which gives what the item does
    wherever the key is set; "" for any other call."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr == "get" and 1 <= len(call.args) <= 2
            and not call.keywords and qualify(func.value) == APP_CONFIG):
        return ""
    return config_key(call)
