"""The modules a module imports where its value-flow records may not name them.

The judge counts a test's module as the app's where the app's code imports it (see
``judging.test_code``), from the names the flow records refer to.  Those name a
module-level ``from tests.helpers import seed`` (a binding of the module) and a
module used through its name, but not an import that binds a name nothing passes on:
``import tests.helpers`` (only ``tests`` is bound), an import inside a function or a
class body (``def main(): from tests.helpers import use_demo_scopes;
use_demo_scopes()``: a call with no argument is not recorded), and a module loaded by
its name (``importlib.import_module("tests.helpers")``).  Each such import runs the
imported module when the importing code runs, so it is recorded here.  So is a module
run by ``runpy``: ``runpy.run_module("tests.demo")`` runs it as an import does.  A
module loaded by a name the analysis cannot read may be any module: ``ANY_MODULE``;
so may a file run by its path (``runpy.run_path("tests/demo.py")``), whose module
name the analysis does not derive from a path.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator

from .namespaces import MODULE_LOADERS
from .tree_walk import TreeNodes, walk_nodes

# Stands for a module loaded by a name the analysis cannot read.
ANY_MODULE = "*"

# Text that an import the flow records may miss needs: a plain ``import`` statement, an
# indented one, or a loader by name.  Most modules have only ``from`` imports at
# module level, which the flow records name.
# Loaders that run a module named by a file's path or by an installed package's data,
# not by a dotted name in the code (``spec_from_file_location("demo",
# "tests/helpers.py")`` then ``exec_module``, an entry point's ``load()``): the module
# may be any, a test's among them.  By the dotted names of the functions
# (importlib.util, importlib.machinery, importlib.metadata and its backport,
# setuptools' pkg_resources, and Python 3.11's deprecated imp).
_PATH_LOADERS = frozenset({
    "importlib.util.spec_from_file_location", "importlib.machinery.SourceFileLoader",
    "importlib.machinery.SourcelessFileLoader", "importlib.metadata.entry_points",
    "importlib_metadata.entry_points", "pkg_resources.iter_entry_points",
    "pkg_resources.load_entry_point", "imp.load_source", "imp.load_compiled",
})
_PATH_LOADER_WORDS = tuple(sorted({name.rpartition(".")[2] for name in _PATH_LOADERS}))
_RUNNER_WORDS = ("run_module", "run_path")
_UNSEEN_IMPORT = re.compile("|".join([
    r"^[ \t]*import[ \t]", r"^[ \t]+from[ \t]", "import_module", "__import__",
    *_RUNNER_WORDS, *_PATH_LOADER_WORDS]), re.MULTILINE)
_LOADER_WORDS = ("import_module", "__import__", *_RUNNER_WORDS, *_PATH_LOADER_WORDS)

# ``runpy``'s runners, with the keyword naming what they run.  ``run_module`` takes a
# module's dotted name; ``run_path`` a file's (or a directory's) path.
_RUN_MODULE, _RUN_PATH = "runpy.run_module", "runpy.run_path"
_RUNNER_KEYWORDS = {_RUN_MODULE: "mod_name", _RUN_PATH: "path_name"}


def may_import_unseen(text: str) -> bool:
    """Whether the text may hold an import ``unseen_imports`` records."""
    return _UNSEEN_IMPORT.search(text) is not None


# A string spelling a dotted module name with a part named like a test's
# (``"site.test.urls"``, ``"app.test_send:main"``, ``"app.tests.handlers.Hook"``).
_TEST_MODULE_NAME = re.compile(
    r"""["']((?:[A-Za-z_]\w*\.)*(?:tests?|test_\w+|\w+_tests?|conftest)(?:\.[A-Za-z_]\w*)*)"""
    r"""(?::[A-Za-z_]\w*)?["']""")


def may_name_a_test_module(text: str) -> bool:
    """Whether the text may spell a test module's dotted name in a string."""
    return "test" in text and _TEST_MODULE_NAME.search(text) is not None


# Where a framework loads modules by the names strings give: Django's ``include``
# of a URL conf (``path("test/", include("site.test.urls"))``) and Celery's
# ``autodiscover_tasks([...])``, by the callee's last name; Celery's
# ``Celery(include=[...])`` and ``imports=``, by the keyword; and a settings module's
# upper-case names (``ROOT_URLCONF``, ``INSTALLED_APPS``, ``CELERY_IMPORTS``).
# Sources: docs.djangoproject.com (URL dispatcher, settings) and
# docs.celeryq.dev (application, configuration).
_LOADING_CALLS = frozenset({"include", "autodiscover_tasks"})
_LOADING_KEYWORDS = frozenset({"include", "imports"})


def named_test_modules(tree: ast.Module, nodes: TreeNodes | None = None) -> list[str]:
    """The dotted names with a part named like a test's (see ``_TEST_MODULE_NAME``)
    that strings give where a framework loads modules by name (see
    ``_LOADING_CALLS``), each once, in order.  Elsewhere such a string is no import
    (``importlib.util.find_spec("tests.helpers")`` runs nothing)."""
    given: list[ast.expr] = []
    for statement in tree.body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)) and any(
                isinstance(target, ast.Name) and target.id.isupper()
                for target in (statement.targets if isinstance(statement, ast.Assign)
                               else [statement.target])) and statement.value is not None:
            given.append(statement.value)
    for node in walk_nodes(tree) if nodes is None else nodes.of(ast.Call):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else (
            func.id if isinstance(func, ast.Name) else "")
        if name in _LOADING_CALLS:
            given.extend(node.args)
        given.extend(keyword.value for keyword in node.keywords
                     if keyword.arg in _LOADING_KEYWORDS)
    found: dict[str, None] = {}
    for value in given:
        for element in _strings(value):
            spelt = _TEST_MODULE_NAME.fullmatch(f'"{element}"')
            if spelt is not None and "." in spelt.group(1):
                found[spelt.group(1)] = None
    return list(found)


def _strings(value: ast.expr) -> list[str]:
    """The strings a value writes out: itself, or the elements of a display."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return [value.value]
    if isinstance(value, (ast.List, ast.Tuple, ast.Set)):
        return [element.value for element in value.elts
                if isinstance(element, ast.Constant) and isinstance(element.value, str)]
    return []


def unseen_imports(
    tree: ast.Module, text: str,
    absolute: Callable[[ast.ImportFrom], str | None],
    qualify: Callable[[ast.expr], str | None],
    nodes: TreeNodes | None = None,
) -> list[str]:
    """The dotted names of the modules (or of the members of modules) the module
    imports where its flow records may not name them, each once, in source order;
    ``ANY_MODULE`` for a module loaded by a name it cannot read.  ``absolute`` names
    the module of an ``ImportFrom``, ``qualify`` the callee of a call."""
    found: dict[str, None] = dict.fromkeys(
        named_test_modules(tree, nodes) if may_name_a_test_module(text) else ())
    for statement, nested in _run_statements(tree.body, nested=False):
        for name in _imported_names(statement, nested, absolute):
            found[name] = None
    if any(word in text for word in _LOADER_WORDS):
        # (``nodes``: the tree's, when listed for other readings of it too.)
        for node in walk_nodes(tree) if nodes is None else nodes.of(ast.Call):
            if not isinstance(node, ast.Call):
                continue
            if _is_loader(node, qualify):
                found[_loaded_module(node.args[0] if node.args else None)] = None
            elif (loader := qualify(node.func)) in _RUNNER_KEYWORDS:
                found[_run_module(node, loader)] = None
            elif loader in _PATH_LOADERS:
                found[ANY_MODULE] = None
    return list(found)


def _run_statements(body: list[ast.stmt], nested: bool,
                    ) -> Iterator[tuple[ast.stmt, bool]]:
    """Every statement of a body that may run, with whether it sits in a function or
    class body; the body of ``if TYPE_CHECKING:`` never runs and is left out."""
    for statement in body:
        yield statement, nested
        inner = nested or isinstance(
            statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        if isinstance(statement, ast.If) and _is_type_checking(statement.test):
            yield from _run_statements(statement.orelse, inner)
            continue
        for block in ("body", "orelse", "finalbody"):
            yield from _run_statements(getattr(statement, block, None) or [], inner)
        for handler in getattr(statement, "handlers", None) or []:
            yield from _run_statements(handler.body, inner)
        for case in getattr(statement, "cases", None) or []:
            yield from _run_statements(case.body, inner)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imported_names(statement: ast.stmt, nested: bool,
                    absolute: Callable[[ast.ImportFrom], str | None]) -> Iterator[str]:
    if isinstance(statement, ast.Import):
        for alias in statement.names:
            # At module level, ``import a.b as c`` binds ``c`` to the module: the flow
            # records name it.  ``import a.b`` binds only ``a``.
            if nested or not alias.asname:
                yield alias.name
    elif isinstance(statement, ast.ImportFrom) and nested:
        base = absolute(statement)
        if base is None:
            return
        for alias in statement.names:
            yield base if alias.name == "*" or not base else f"{base}.{alias.name}"


def _is_loader(node: ast.Call, qualify: Callable[[ast.expr], str | None]) -> bool:
    func = node.func
    if isinstance(func, ast.Name) and func.id == "__import__":
        return True
    return qualify(func) in MODULE_LOADERS


def _run_module(node: ast.Call, runner: str) -> str:
    """The module a ``runpy`` call runs, or ``ANY_MODULE``: a path, or a name the
    analysis cannot read."""
    if runner == _RUN_PATH:
        return ANY_MODULE
    spelt = node.args[0] if node.args else next(
        (keyword.value for keyword in node.keywords
         if keyword.arg == _RUNNER_KEYWORDS[runner]), None)
    return _loaded_module(spelt)


def _loaded_module(spelt: ast.expr | None) -> str:
    """The module a loader call names by ``spelt``, or ``ANY_MODULE`` (a name built at
    run time, or relative to a package given apart)."""
    if isinstance(spelt, ast.Constant) and isinstance(spelt.value, str) and all(
            part.isidentifier() for part in spelt.value.split(".")):
        return spelt.value
    return ANY_MODULE
