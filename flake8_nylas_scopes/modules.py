"""Module names from file paths, for resolving relative imports."""

from __future__ import annotations

import os


def module_name_for_path(path: str) -> str:
    """The dotted module name of ``path``, climbing while ``__init__.py`` exists.

    ``app/views/inbox.py`` inside packages ``app`` and ``app.views`` is
    ``app.views.inbox``; a file outside any package is its bare stem.
    """
    if not path or path in {"-", "stdin"} or not path.endswith((".py", ".pyi")):
        return ""
    directory, filename = os.path.split(os.path.abspath(path))
    stem = os.path.splitext(filename)[0]
    parts = [] if stem == "__init__" else [stem]
    while os.path.isfile(os.path.join(directory, "__init__.py")):
        directory, package = os.path.split(directory)
        parts.insert(0, package)
        if not package:
            break
    return ".".join(parts)
