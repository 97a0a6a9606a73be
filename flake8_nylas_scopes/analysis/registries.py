"""A table of classes keyed by an attribute each class binds to its provider, built
by a comprehension: ``{cls.provider: cls for cls in (GmailSync, GraphSync)}``, or
filled by a decorator or a base's ``__init_subclass__`` of the module.

Read as the dict it builds, ``{GmailSync.provider: GmailSync, GraphSync.provider:
GraphSync}``, whose keys name providers where each class binds that attribute once
(see ``ProviderTests.provider_name``), so that the rules for a table keyed by
providers (``HANDLERS = {"google": GmailSync, ...}``) apply to it as written.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field

from .ast_names import dotted
from .tree_walk import walk_nodes


def plain_classes(tree: ast.Module, registered: Container[str] = ()) -> frozenset[str]:
    """The module's top-level classes with no decorator, which may give another
    object, or change the attribute a registry reads; or only a registering function
    of the module (``registered``, see ``registering_functions``), which gives the
    class back as it is."""
    return frozenset(node.name for node in tree.body
                     if isinstance(node, ast.ClassDef) and (not node.decorator_list or (
                         node.name in registered)))


def registry_dict(node: ast.expr, classes: Container[str]) -> ast.Dict | None:
    """The dict ``{x.attr: x for x in (A, B)}`` builds, for ``A`` and ``B`` of
    ``classes``: keys ``A.attr`` and ``B.attr``, values the very name nodes of the
    comprehension (the uses of the classes); None for any other expression."""
    if not (isinstance(node, ast.DictComp) and len(node.generators) == 1):
        return None
    loop = node.generators[0]
    if loop.ifs or loop.is_async or not isinstance(loop.target, ast.Name):
        return None
    held = loop.target.id
    key, value = node.key, node.value
    if not (isinstance(value, ast.Name) and value.id == held and isinstance(key, ast.Attribute)
            and isinstance(key.value, ast.Name) and key.value.id == held):
        return None
    if not isinstance(loop.iter, (ast.Tuple, ast.List, ast.Set)) or not loop.iter.elts:
        return None
    names = [element for element in loop.iter.elts
             if isinstance(element, ast.Name) and element.id in classes]
    if len(names) != len(loop.iter.elts):
        return None
    keys: list[ast.expr | None] = [
        ast.copy_location(ast.Attribute(value=ast.copy_location(
            ast.Name(id=name.id, ctx=ast.Load()), name), attr=key.attr, ctx=ast.Load()), name)
        for name in names]
    return ast.copy_location(ast.Dict(keys=keys, values=list(names)), node)


@dataclass
class DecoratedRegistry:
    """A module-level dict a decorator of the module fills with the classes it
    decorates, keyed by an attribute of each::

        SYNCS = {}

        def register(cls):
            SYNCS[cls.provider] = cls
            return cls

        @register
        class GmailSync:
            provider = "google"

    read as the dict it ends up holding, ``{GmailSync.provider: GmailSync}`` (``table``,
    whose values are names made for it, each standing for its class), once every
    class is defined."""

    binding: ast.Assign  # ``SYNCS = {}``
    table: ast.Dict
    store: ast.Name  # ``SYNCS`` in the decorator's store, no lookup of it
    # The function or base that fills it, and the attribute it stores classes by.
    registrar: str
    attribute: str
    classes: list[str] = field(default_factory=list)

    def add(self, cls: ast.ClassDef, attribute: str) -> None:
        """``cls`` stored under its ``attribute``: ``GmailSync.provider: GmailSync``."""
        made = ast.copy_location(ast.Name(id=cls.name, ctx=ast.Load()), cls)
        self.table.keys.append(ast.copy_location(
            ast.Attribute(value=made, attr=attribute, ctx=ast.Load()), cls))
        self.table.values.append(ast.copy_location(ast.Name(id=cls.name, ctx=ast.Load()), cls))
        self.classes.append(cls.name)


def registering_functions(tree: ast.Module) -> dict[str, tuple[str, str, ast.Name]]:
    """The module-level functions that only store their one parameter in a module
    name by an attribute of it and give it back (``SYNCS[cls.provider] = cls``, then
    ``return cls``), by name: the name stored in, the attribute, and that name's node
    in the store.  A function defined more than once, decorated, or doing anything
    else is none of them."""
    defined = Counter(node.name for node in tree.body
                      if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))
    found: dict[str, tuple[str, str, ast.Name]] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or node.decorator_list or (
                defined[node.name] != 1):
            continue
        arguments = node.args
        if arguments.posonlyargs or arguments.vararg or arguments.kwonlyargs or (
                arguments.kwarg) or arguments.defaults or len(arguments.args) != 1:
            continue
        held = arguments.args[0].arg
        body = node.body[1:] if ast.get_docstring(node) is not None else node.body
        if len(body) != 2:
            continue
        store, give = body
        if not (isinstance(give, ast.Return) and isinstance(give.value, ast.Name)
                and give.value.id == held and isinstance(store, ast.Assign)
                and len(store.targets) == 1 and isinstance(store.value, ast.Name)
                and store.value.id == held):
            continue
        target = store.targets[0]
        if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and (
                isinstance(target.slice, ast.Attribute)) and isinstance(
                target.slice.value, ast.Name) and target.slice.value.id == held:
            found[node.name] = (target.value.id, target.slice.attr, target.value)
    return found


def decorated_registries(tree: ast.Module) -> list[DecoratedRegistry]:
    """The module's dicts its registering functions (see ``registering_functions``)
    fill, bound once at module level to ``{}`` (or ``dict()``), with the top-level
    classes each function alone decorates; and those a class of the module fills so
    with each of its subclasses in ``__init_subclass__`` (see ``_registering_bases``),
    with the module's subclasses, when each binds the attribute itself.  A dict may
    hold none of the module's classes: other modules' classes may use its registrar
    (see ``registrars.filled_registries``).  Whether the dict is only looked up, and
    whether each class binds the attribute once, is for the caller to tell."""
    functions = registering_functions(tree)
    subclassed = _registering_bases(tree)
    if not (functions or subclassed):
        return []
    bindings: dict[str, ast.Assign] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(
                statement.targets[0], ast.Name) and _empty_dict(statement.value):
            bindings[statement.targets[0].id] = statement
    found: dict[str, DecoratedRegistry] = {}
    for name, (stored_in, attribute, store) in functions.items():
        binding = bindings.get(stored_in)
        if binding is None or stored_in in found:
            # Two functions filling one dict: read by neither.
            found.pop(stored_in, None)
            continue
        registry = DecoratedRegistry(binding, ast.copy_location(ast.Dict(keys=[], values=[]),
                                                                binding.value), store,
                                     name, attribute)
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and [dotted(one) for one in node.decorator_list] == [
                    name]:
                registry.add(node, attribute)
        found[stored_in] = registry
    for base, (stored_in, attribute, store) in subclassed.items():
        binding = bindings.get(stored_in)
        if binding is None or stored_in in found:
            found.pop(stored_in, None)
            continue
        subclasses = _subclasses_binding(tree, base, attribute)
        if subclasses is None:
            continue
        registry = DecoratedRegistry(binding, ast.copy_location(ast.Dict(keys=[], values=[]),
                                                                binding.value), store,
                                     base, attribute)
        for node in subclasses:
            registry.add(node, attribute)
        found[stored_in] = registry
    return list(found.values())


def _registering_bases(tree: ast.Module) -> dict[str, tuple[str, str, ast.Name]]:
    """The module's top-level classes whose ``__init_subclass__`` only stores each
    subclass in a module name by an attribute of it (``SYNCS[cls.provider] = cls``),
    after calling the next one (``super().__init_subclass__(**kwargs)``), by name:
    the name stored in, the attribute, and that name's node in the store."""
    found: dict[str, tuple[str, str, ast.Name]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        hooks = [item for item in node.body if isinstance(item, (
            ast.FunctionDef, ast.AsyncFunctionDef)) and item.name == "__init_subclass__"]
        if len(hooks) != 1 or not isinstance(hooks[0], ast.FunctionDef) or (
                hooks[0].decorator_list) or not hooks[0].args.args:
            continue
        hook = hooks[0]
        held = hook.args.args[0].arg
        body = hook.body[1:] if ast.get_docstring(hook) is not None else hook.body
        stores = [statement for statement in body if not _calls_the_next_hook(statement)]
        if len(stores) != 1 or not _stores_by_its_attribute(stores[0], {held}):
            continue
        store = stores[0]
        assert isinstance(store, ast.Assign)
        target = store.targets[0]
        if len(store.targets) == 1 and isinstance(target, ast.Subscript) and isinstance(
                target.value, ast.Name) and isinstance(target.slice, ast.Attribute):
            found[node.name] = (target.value.id, target.slice.attr, target.value)
    return found


def _calls_the_next_hook(statement: ast.stmt) -> bool:
    """``super().__init_subclass__(**kwargs)``, which stores nothing of this class's."""
    call = statement.value if isinstance(statement, ast.Expr) else None
    return isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and (
        call.func.attr == "__init_subclass__") and isinstance(call.func.value, ast.Call) and (
        isinstance(call.func.value.func, ast.Name)) and call.func.value.func.id == "super" and (
        not call.func.value.args) and not call.args


def _subclasses_binding(tree: ast.Module, base: str,
                        attribute: str) -> list[ast.ClassDef] | None:
    """The module's top-level classes deriving from ``base`` (through its classes),
    each stored by ``attribute``; None unless every one is undecorated and binds
    ``attribute`` in its own body (one inheriting it is stored under its parent's
    value, which the table would not read)."""
    deriving = {base}
    found: list[ast.ClassDef] = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or not any(
                isinstance(one, ast.Name) and one.id in deriving for one in node.bases):
            continue
        deriving.add(node.name)
        binds = any(isinstance(item, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == attribute for target in item.targets)
            for item in node.body)
        if node.decorator_list or not binds:
            return None
        found.append(node)
    return found


def _empty_dict(node: ast.expr) -> bool:
    return isinstance(node, ast.Dict) and not node.keys or (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        and node.func.id == "dict" and not node.args and not node.keywords)


def storing_functions(tree: ast.Module) -> frozenset[str]:
    """The module-level functions that store a parameter of theirs (or of a function
    they define) in a dict keyed by an attribute of it (``SYNCS[cls.provider] =
    cls``) anywhere in their code: decorators that may register a class under its
    provider, read exactly or not (see ``registering_functions``)."""
    return _storing(tree.body)


def storing_methods(tree: ast.Module) -> frozenset[str]:
    """The names of the methods of the module's top-level classes that store so
    (``self._items[cls.provider] = cls``): ``@services.register``, with ``services``
    an instance of such a class, may register a class under its provider."""
    return _storing([item for node in tree.body if isinstance(node, ast.ClassDef)
                     for item in node.body])


def _storing(statements: list[ast.stmt]) -> frozenset[str]:
    """The functions among ``statements`` that store a parameter by its attribute."""
    found = set()
    for node in statements:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        # One walk for both: the parameters of the function and those it defines, and
        # the assignments of a name, which may store one of them.
        parameters: set[str] = set()
        stores: list[ast.Assign] = []
        for inner in walk_nodes(node):
            if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)):
                parameters.update(argument.arg for argument in (
                    *inner.args.posonlyargs, *inner.args.args, *inner.args.kwonlyargs))
            elif isinstance(inner, ast.Assign) and isinstance(inner.value, ast.Name):
                stores.append(inner)
        if any(_stores_by_its_attribute(store, parameters) for store in stores):
            found.add(node.name)
    return frozenset(found)


def _stores_by_its_attribute(node: ast.AST, parameters: set[str]) -> bool:
    """``X[p.attr] = p`` for a parameter ``p``."""
    if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Name)
            and node.value.id in parameters):
        return False
    held = node.value.id
    return any(isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Attribute)
               and isinstance(target.slice.value, ast.Name) and target.slice.value.id == held
               for target in node.targets)


# Bases that make a class a metaclass.
_METACLASS_BASES = frozenset({"type", "ABCMeta", "abc.ABCMeta"})


def _is_storing_metaclass(node: ast.ClassDef, metaclasses: set[str]) -> bool:
    """A metaclass (deriving from ``type``, or from one of the module's) whose
    ``__new__`` or ``__init__`` stores a name in an item of something
    (``SERVICES[key] = cls``): it may register each class it makes, by any key."""
    if not any(dotted(base) in _METACLASS_BASES or dotted(base) in metaclasses
               for base in node.bases):
        return False
    return any(
        isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
        and item.name in ("__new__", "__init__")
        and any(isinstance(inner, ast.Assign) and isinstance(inner.value, ast.Name)
                and any(isinstance(target, ast.Subscript) for target in inner.targets)
                for inner in walk_nodes(item))
        for item in node.body)


def subclass_registered(tree: ast.Module) -> frozenset[str]:
    """The module's top-level classes whose class (or an ancestor of the module's)
    registers each subclass in ``__init_subclass__`` by an attribute of it
    (``SYNCS[cls.provider] = cls``): which grants a lookup of that dict gives them is
    not read."""
    return _subclass_registration(tree)[1]


def subclass_registrars(tree: ast.Module) -> frozenset[str]:
    """The module's top-level classes that register each subclass so (see
    ``subclass_registered``), themselves or through a base of the module's."""
    return _subclass_registration(tree)[0]


def _subclass_registration(tree: ast.Module) -> tuple[frozenset[str], frozenset[str]]:
    """The module's classes that register their subclasses, and those registered.

    So too a class made by a metaclass of the module that stores what it makes
    (``SERVICES[namespace["provider"]] = cls`` in its ``__new__`` or ``__init__``),
    and the classes deriving from it: the metaclass registers each of them."""
    registering: set[str] = set()
    found: set[str] = set()
    storing_metaclasses: set[str] = set()
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        if any(isinstance(base, ast.Name) and base.id in registering for base in node.bases) or (
                any(keyword.arg == "metaclass" and isinstance(keyword.value, ast.Name)
                    and keyword.value.id in storing_metaclasses
                    for keyword in node.keywords)):
            found.add(node.name)
            registering.add(node.name)
        if _is_storing_metaclass(node, storing_metaclasses):
            storing_metaclasses.add(node.name)
        for item in node.body:
            if isinstance(item, ast.FunctionDef) and item.name == "__init_subclass__" and (
                    item.args.args) and any(
                    _stores_by_its_attribute(inner, {item.args.args[0].arg})
                    for inner in walk_nodes(item)):
                registering.add(node.name)
    return frozenset(registering), frozenset(found)
