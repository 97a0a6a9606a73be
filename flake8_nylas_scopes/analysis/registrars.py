"""Registering decorators and bases that other modules' classes may use.

A registry of provider classes is often spread over modules::

    # app/registry.py
    REGISTRY = {}

    def register(cls):
        REGISTRY[cls.provider] = cls
        return cls

    # app/gmail.py
    from app.registry import register

    @register
    class GmailSync:
        provider = "google"

and so is one a base fills in ``__init_subclass__`` (``class GmailSync(Base):`` with
``Base`` imported).  One module cannot tell whether a decorator or base it imports
stores its classes under an attribute: each module says which of its functions and
classes do (``registrars``), and which of its classes an imported decorator or base
may register (``class_links``), for the judge to join.  Only the top-level
statements are read, and the functions' bodies only when the text holds a store of
that shape.

The registrars read exactly (one storing the class in a module-level dict and giving
it back, a base storing each subclass there: see ``registries``) say which dict they
fill (``filled_registries``), and each linked class the providers it binds to
attributes in its own body, when its module names it nowhere else: the judge can
then read the dict as the table it ends up holding, as for one module.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Callable

from .provider_tests import PROVIDER_NAMES
from .registries import decorated_registries, storing_functions, subclass_registrars
from .tree_walk import walk_nodes

# (class name, first line of its body, last line, the line of the decorator or class
# that may register it, the dotted names of its decorators, those of its bases, the
# attributes its body binds once to a provider's name, each followed by that name:
# ``("provider", "google")``): a top-level class a decorator or base of another
# module may register.  The attributes only of a class its module names nowhere else.
ClassLink = tuple[str, int, int, int, tuple[str, ...], tuple[str, ...], tuple[str, ...]]
# (the registrar, the module-level dict it fills, the attribute it stores classes by).
FilledRegistry = tuple[str, str, str]

# ``SYNCS[cls.provider] = cls``: a store by an attribute of what is stored.
_STORE_BY_ATTRIBUTE = re.compile(r"\[\s*\w+\.\w+\s*\]\s*=\s*\w+")


def registrars(tree: ast.Module, text: str) -> list[str]:
    """The module's top-level functions that may store a class by an attribute of it
    (see ``registries.storing_functions``) and its classes that register their
    subclasses so in ``__init_subclass__`` (or derive from one of the module's that
    does): other modules' classes decorated with, or deriving from, one of them may
    be given for some providers' grants only."""
    if _STORE_BY_ATTRIBUTE.search(text) is None:
        return []
    found = set(storing_functions(tree))
    if "__init_subclass__" in text:
        found.update(subclass_registrars(tree))
    return sorted(found)


def filled_registries(tree: ast.Module, text: str) -> list[FilledRegistry]:
    """The module's registrars read exactly (see ``registries.decorated_registries``)
    and the dict each fills: ``register`` fills ``SYNCS`` by ``provider``."""
    if _STORE_BY_ATTRIBUTE.search(text) is None:
        return []
    return sorted((registry.registrar, registry.store.id, registry.attribute)
                  for registry in decorated_registries(tree))


def class_links(tree: ast.Module, module: str,
                qualify: Callable[[ast.expr], str | None], text: str = "") -> list[ClassLink]:
    """The module's top-level classes with a decorator or base it imports (``qualify``
    gives the dotted name an expression refers to through imports), or a base of the
    module that has one: an imported registrar may register them.  Which of those
    names are registrars (``dataclasses.dataclass`` is none) is the judge's to say:
    a package of the project may be named like a module of the standard library.
    ``text``: the module's text, where a class binding a provider must be named
    only once (see ``ClassLink``)."""
    found: list[ClassLink] = []
    linked: set[str] = set()
    # Names the module binds by assigning them (``enlist = register``): a decorator
    # named so is the module's own name, which the judge follows to what it holds.
    assigned = {target.id for node in tree.body if isinstance(node, ast.Assign)
                for target in node.targets if isinstance(target, ast.Name)}

    def decorator_name(decorator: ast.expr) -> str | None:
        called = _called(decorator)
        if isinstance(called, ast.Name) and called.id in assigned:
            return f"{module}.{called.id}"
        return qualify(called)

    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or not node.body:
            continue
        decorators = tuple(name for name in map(decorator_name, node.decorator_list) if name)
        bases = tuple(
            f"{module}.{base.id}" if isinstance(base, ast.Name) and base.id in linked
            else qualify(base) or "" for base in node.bases)
        bases = tuple(base for base in bases if base)
        if not (decorators or bases):
            continue
        linked.add(node.name)
        line = node.decorator_list[0].lineno if node.decorator_list else node.lineno
        last = node.body[-1]
        found.append((node.name, node.body[0].lineno, last.end_lineno or last.lineno, line,
                      decorators, bases, _providers_bound(node)))
    binding = {link[0] for link in found if link[6]}
    if binding:
        # One reading of the text for all of them: a class named again (called,
        # subclassed, listed, re-bound) may be used in a way the judge does not see.
        named = Counter(match.group() for match in re.finditer(
            r"\b(?:" + "|".join(sorted(binding)) + r")\b", text))
        found = [link if named[link[0]] == 1 else (*link[:6], ()) for link in found]
    return found


def _providers_bound(node: ast.ClassDef) -> tuple[str, ...]:
    """The attributes ``node``'s body binds once, to a provider's name given as a
    literal (``provider = "google"``), each followed by that name."""
    literal: dict[str, str] = {}
    for statement in node.body:
        value = statement.value if isinstance(statement, (ast.Assign, ast.AnnAssign)) else None
        targets = statement.targets if isinstance(statement, ast.Assign) else (
            [statement.target] if isinstance(statement, ast.AnnAssign) else [])
        if isinstance(value, ast.Constant) and value.value in PROVIDER_NAMES and len(
                targets) == 1 and isinstance(targets[0], ast.Name):
            literal[targets[0].id] = str(value.value)
    if not literal:
        return ()  # most classes: nothing to count
    stores: Counter[str] = Counter()
    for statement in node.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            stores[statement.name] += 1
            continue
        for inner in walk_nodes(statement):
            if isinstance(inner, ast.Name) and not isinstance(inner.ctx, ast.Load):
                stores[inner.id] += 1
    return tuple(part for name, provider in sorted(literal.items()) if stores[name] == 1
                 for part in (name, provider))


def _called(decorator: ast.expr) -> ast.expr:
    """What a decorator names: ``register`` of ``@register`` and of ``@register()``."""
    return decorator.func if isinstance(decorator, ast.Call) else decorator
