"""Directories that hold code which is not a repository's own: virtual environments,
installed packages (``site-packages``, eggs, ``node_modules``), a vendored copy of the
SDK (a directory named ``nylas``) and hidden directories.  The look around a project
(``neighbours``) and the files a project's exclusions leave out (``project_files``)
never go in, nor does a file in them that a front end is given by name.

The project's own walk keeps a package of the app named ``nylas`` (``app/nylas/``, a
wrapper of the SDK): it leaves out only the directories whose entries show them to
be someone else's (``holds_others_code_by_entries``)."""

from __future__ import annotations

import os
from collections.abc import Container

from ..nylas_api.package import SDK_PACKAGE, SDK_VERSION_MODULE

_NOT_OWN_CODE = frozenset({"site-packages", "dist-packages", "node_modules", SDK_PACKAGE})
_INSTALLED_SUFFIXES = (".egg", ".egg-info")
# The file at the top of every virtual environment (``python -m venv env``).
_VENV_MARKER = "pyvenv.cfg"


def holds_others_code(directory: str) -> bool:
    """Whether ``directory`` holds code that is not the repository's own."""
    name = os.path.basename(directory)
    return (name in _NOT_OWN_CODE or name.startswith(".") or name.endswith(_INSTALLED_SUFFIXES)
            or os.path.exists(os.path.join(directory, _VENV_MARKER)))


def holds_others_code_by_entries(directory: str, entries: Container[str]) -> bool:
    """Whether ``directory``, whose entries' names are ``entries``, is a virtual
    environment or a copy of the SDK: told by what it holds, not by its name alone."""
    return _VENV_MARKER in entries or (
        os.path.basename(directory) == SDK_PACKAGE and SDK_VERSION_MODULE in entries)


def under_others_code(root: str, path: str) -> bool:
    """Whether a directory between ``root`` and ``path`` holds code that is not the
    project's own (a virtual environment's ``bin/`` holds the scripts of every package
    installed in it)."""
    top = os.path.normpath(root)
    directory = os.path.dirname(os.path.normpath(path))
    while directory != top and directory.startswith(top):
        if holds_others_code(directory):
            return True
        directory = os.path.dirname(directory)
    return False
