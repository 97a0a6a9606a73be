"""Finding the project a file belongs to.

The usage rules need the whole project (auth in one module, calls in another), but
flake8 hands a plugin one file.  The project is the nearest directory above the file
holding ``pyproject.toml``, ``setup.cfg``, ``setup.py``, ``tox.ini`` or ``.git``.  A
file with no such directory above it is a project of its own.
"""

from __future__ import annotations

import os

ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", "tox.ini", ".git")


def project_root(path: str) -> str | None:
    directory = os.path.dirname(os.path.abspath(path))
    while True:
        if any(os.path.exists(os.path.join(directory, marker)) for marker in ROOT_MARKERS):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent
