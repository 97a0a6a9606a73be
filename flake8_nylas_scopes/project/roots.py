"""Finding the project a file belongs to.

The usage rules need the whole project (auth in one module, calls in another), but
flake8 hands a plugin one file.  The project is the nearest directory above the file
holding ``pyproject.toml``, ``setup.cfg``, ``setup.py``, ``tox.ini`` or ``.git``.  A
file with no such directory above it is a project of its own (what lies beside it may
still use its grants: see ``neighbours.beside_lone_file``).
"""

from __future__ import annotations

import os

ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", "tox.ini", ".git")


def project_root(path: str) -> str | None:
    return nearest_holding(os.path.dirname(os.path.abspath(path)), ROOT_MARKERS)


def nearest_holding(directory: str, markers: tuple[str, ...]) -> str | None:
    """``directory`` or the nearest directory above it holding one of ``markers``."""
    while True:
        if any(os.path.exists(os.path.join(directory, marker)) for marker in markers):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent
