"""Directories that hold code which is not a repository's own: virtual environments,
installed packages (``site-packages``, eggs), a vendored copy of the SDK (a directory
named ``nylas``) and hidden directories.  The look around a project (``neighbours``)
and the files a project's exclusions leave out (``project_files``) never go in."""

from __future__ import annotations

import os

_NOT_OWN_CODE = frozenset({"site-packages", "dist-packages", "nylas"})
_INSTALLED_SUFFIXES = (".egg", ".egg-info")


def holds_others_code(directory: str) -> bool:
    """Whether ``directory`` holds code that is not the repository's own."""
    name = os.path.basename(directory)
    return (name in _NOT_OWN_CODE or name.startswith(".") or name.endswith(_INSTALLED_SUFFIXES)
            or os.path.exists(os.path.join(directory, "pyvenv.cfg")))
