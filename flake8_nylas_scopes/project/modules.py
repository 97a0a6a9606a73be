"""Module names from file paths, for resolving relative imports."""

from __future__ import annotations

import os

from .notebooks import NOTEBOOK_MODULE_SUFFIX, is_notebook_name
from .walk import is_unlinted_name


def module_name_for_path(path: str, packages: dict[str, str] | None = None) -> str:
    """The dotted module name of ``path``, climbing while ``__init__.py`` exists.

    ``app/views/inbox.py`` inside packages ``app`` and ``app.views`` is
    ``app.views.inbox``; a file outside any package is its bare stem.  ``packages``
    remembers each directory's package name across the calls of one project walk,
    where thousands of files share a few directories.
    """
    if not path or path in {"-", "stdin"} or not path.endswith((".py", ".pyi")) and (
            not is_unlinted_name(os.path.basename(path))):
        return ""
    directory, filename = os.path.split(os.path.abspath(path))
    stem = os.path.splitext(filename)[0]
    if is_notebook_name(filename):
        # No import reaches a notebook: a name no import can spell keeps
        # ``app/auth.ipynb`` from standing for the module ``app/auth.py``.
        stem += NOTEBOOK_MODULE_SUFFIX
    if packages is None:
        packages = {}
    package = packages.get(directory)
    if package is None:
        package = packages[directory] = _package_name(directory)
    if stem == "__init__":
        return package
    return f"{package}.{stem}" if package else stem


def _package_name(directory: str) -> str:
    """The dotted package ``directory`` is, or "" when it is not a package."""
    parts: list[str] = []
    while os.path.isfile(os.path.join(directory, "__init__.py")):
        directory, package = os.path.split(directory)
        parts.insert(0, package)
        if not package:
            break
    return ".".join(parts)
