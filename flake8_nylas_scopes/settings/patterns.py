"""File patterns with flake8's semantics, for ``exclude`` and ``per-file-ignores``.

A pattern without a slash matches a file or directory name anywhere; a pattern with a
slash is made absolute against the directory it was written for and matched against
absolute paths.  ``fnmatch``'s ``*`` also matches slashes, as in flake8.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from collections.abc import Callable, Iterable, Sequence


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


def excluded(path: str, patterns: Sequence[str]) -> bool:
    """flake8's ``matches_filename``: the base name first, then the absolute path."""
    if not patterns:
        return False
    matches = _matcher(tuple(patterns))
    name = os.path.basename(path)
    if name not in {".", ".."} and matches(name):
        return True
    return matches(os.path.abspath(path))


@functools.lru_cache(maxsize=16)
def _matcher(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """``any(fnmatch.fnmatch(text, p) for p in patterns)`` as one compiled pattern:
    a project walk asks it for every file and directory."""
    joined = "|".join(f"(?:{fnmatch.translate(os.path.normcase(p))})" for p in patterns)
    compiled = re.compile(joined)
    return lambda text: compiled.match(os.path.normcase(text)) is not None
