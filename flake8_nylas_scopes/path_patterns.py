"""File patterns with flake8's semantics, for ``exclude`` and ``per-file-ignores``.

A pattern without a slash matches a file or directory name anywhere; a pattern with a
slash is made absolute against the directory it was written for and matched against
absolute paths.  ``fnmatch``'s ``*`` also matches slashes, as in flake8.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from .project import discover
from .walk import excluded


def normalize_pattern(pattern: str, parent: str) -> str:
    """``flake8.utils.normalize_path``: anchor a pattern holding a slash at ``parent``."""
    separators = os.sep + (os.altsep or "")
    if pattern == "." or any(separator in pattern for separator in separators):
        pattern = os.path.abspath(os.path.join(parent, pattern))
    return pattern.rstrip(separators)


def normalize_patterns(patterns: Iterable[str], parent: str) -> tuple[str, ...]:
    return tuple(normalize_pattern(pattern, parent) for pattern in patterns if pattern)


def matches(path: str, patterns: Sequence[str]) -> bool:
    """``flake8.utils.matches_filename``: the name first, then the absolute path."""
    return excluded(path, patterns)


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
    names every file); a missing argument raises :class:`~.project.InputError`.
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
