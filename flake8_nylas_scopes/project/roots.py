"""Finding the project a file belongs to.

The usage rules need the whole project (auth in one module, calls in another), but
flake8 hands a plugin one file.  The project is the nearest directory above the file
holding ``pyproject.toml``, ``setup.cfg``, ``setup.py``, ``tox.ini`` or ``.git``.
With none of them above it, it is the nearest holding a file that marks the top of an
app kept without packaging (``requirements.txt``, ``Pipfile``, Django's
``manage.py``).  A file with no such directory above it is a project of its own (what
lies beside it may still use its grants: see ``neighbours.beside_lone_file``).
"""

from __future__ import annotations

import os
from collections.abc import Callable

ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", "tox.ini", ".git")
# The top of an app kept without packaging files: a Flask app with its requirements, a
# Django site.  Copied without its ``.git`` (into a container, a CI workspace), such an
# app would otherwise be judged file by file, its requests apart from its calls.  Only
# where no project file is above: in a repository, a service's own requirements (for
# its container) would split it from the code beside it that uses the same grants.
# Not in a home directory or at the top of the file system either, where such a file
# is more likely a leftover (``pip freeze > requirements.txt``) than the top of one
# app, and everything below would become one project.
APP_MARKERS = ("requirements.txt", "Pipfile", "manage.py")


def project_root(path: str) -> str | None:
    directory = os.path.dirname(os.path.abspath(path))
    return nearest_holding(directory, ROOT_MARKERS) or _nearest(directory, _app_top)


def marks_project(directory: str) -> bool:
    """Whether ``directory``, with no project file above it, is the top of a project
    (see the module's docstring)."""
    return _holds(directory, ROOT_MARKERS) or _app_top(directory)


def nearest_holding(directory: str, markers: tuple[str, ...]) -> str | None:
    """``directory`` or the nearest directory above it holding one of ``markers``."""
    return _nearest(directory, lambda candidate: _holds(candidate, markers))


def _holds(directory: str, markers: tuple[str, ...]) -> bool:
    return any(os.path.exists(os.path.join(directory, marker)) for marker in markers)


def _app_top(directory: str) -> bool:
    file_system_top = os.path.dirname(directory) == directory
    return not file_system_top and directory != os.path.expanduser("~") and any(
        os.path.isfile(os.path.join(directory, marker)) for marker in APP_MARKERS)


def _nearest(directory: str, is_top: Callable[[str], bool]) -> str | None:
    while True:
        if is_top(directory):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent
