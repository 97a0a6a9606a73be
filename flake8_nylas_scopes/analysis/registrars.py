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
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from .registries import storing_functions, subclass_registrars

# (class name, first line of its body, last line, the line of the decorator or class
# that may register it, the dotted names of its decorators, those of its bases): a
# top-level class a decorator or base of another module may register.
ClassLink = tuple[str, int, int, int, tuple[str, ...], tuple[str, ...]]

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


def class_links(tree: ast.Module, module: str,
                qualify: Callable[[ast.expr], str | None]) -> list[ClassLink]:
    """The module's top-level classes with a decorator or base it imports (``qualify``
    gives the dotted name an expression refers to through imports), or a base of the
    module that has one: an imported registrar may register them.  Which of those
    names are registrars (``dataclasses.dataclass`` is none) is the judge's to say:
    a package of the project may be named like a module of the standard library."""
    found: list[ClassLink] = []
    linked: set[str] = set()
    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or not node.body:
            continue
        decorators = tuple(name for name in map(qualify, map(_called, node.decorator_list))
                           if name)
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
                      decorators, bases))
    return found


def _called(decorator: ast.expr) -> ast.expr:
    """What a decorator names: ``register`` of ``@register`` and of ``@register()``."""
    return decorator.func if isinstance(decorator, ast.Call) else decorator
