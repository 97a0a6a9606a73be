"""Which files a front end checks, as flake8 picks them from its arguments."""

from __future__ import annotations

import os
from collections.abc import Sequence

from ..settings.patterns import matches
from .session import discover


def _excluded_below(argument: str, path: str, exclude: Sequence[str]) -> bool:
    """Whether ``path`` (found under ``argument``) or a directory between them is excluded."""
    relative = os.path.relpath(path, argument)
    current = argument
    for part in relative.split(os.sep):
        current = os.path.join(current, part)
        if matches(current, exclude):
            return True
    return False


def left_out(path: str, arguments: Sequence[str], exclude: Sequence[str]) -> bool:
    """Whether :func:`select_files` would leave out ``path``, a file found under one of
    ``arguments`` (flake8's file arguments, when the plugin asks)."""
    if not exclude:
        return False
    target = os.path.abspath(path)
    for argument in arguments:
        root = os.path.abspath(argument)
        if target == root:
            return matches(argument, exclude)
        if target.startswith(root.rstrip(os.sep) + os.sep):
            return matches(argument, exclude) or _excluded_below(root, target, exclude)
    return matches(path, exclude)


def select_files(arguments: Sequence[str], exclude: Sequence[str] = ()) -> list[str]:
    """The Python files to check, as flake8 picks them.

    An argument that matches ``exclude`` is skipped even when named explicitly (pre-commit
    names every file); a missing argument raises :class:`~.session.InputError`.
    """
    # Name-only patterns let the directory walk prune early; the exact check follows.
    pruning = [pattern for pattern in exclude if os.sep not in pattern]
    found: list[str] = []
    for argument in arguments:
        if matches(argument, exclude):
            continue
        for path in discover([argument], pruning):
            if os.path.isdir(argument) and _excluded_below(argument, path, exclude):
                continue
            found.append(path)
    return sorted(dict.fromkeys(found))
