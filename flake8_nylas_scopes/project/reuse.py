"""Reusing a judged project when nothing it depends on has changed.

A commit hook, a CI job or a second flake8 process often checks a project none of
whose files changed since the last run, and judging it again gives the same
findings.  The last result is kept with a digest of everything it depends on: each
file's path, size, modification and change times, the settings, the enabled codes,
and (in the cache's own key) the analyser's version and code.  Any difference, and
the project is judged again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from collections.abc import Mapping, Sequence
from typing import Any

from ..codes import CODES
from ..findings import Finding
from ..judging.results import FileError, ProjectResult
from ..settings.config import CodeFilter, Config
from .cache import FactsCache, FileMention

# A file written this recently may be written again within its clock's resolution
# without a new modification time (as for the walk index): its result is not kept.
_RACY_NS = 2_000_000_000


def inputs_digest(
    files: Sequence[str],
    overrides: Mapping[str, str],
    seen: Mapping[str, FileMention],
    errors: Sequence[FileError],
    config: Config,
    enabled: CodeFilter,
) -> str:
    """A digest of what judging ``files`` depends on, or "" when the result must not
    be reused: an editor buffer stands in for a file, a file could not be read, or a
    file changed too recently to be told apart from its next change."""
    if overrides or errors or len(seen) != len(files):
        return ""
    racy = time.time_ns() - _RACY_NS
    if any(mention.mtime_ns > racy or mention.ctime_ns > racy for mention in seen.values()):
        return ""
    digest = hashlib.sha256()
    settings = {
        "config": dataclasses.asdict(config),
        "enabled": sorted(code for code in CODES if enabled(code)),
    }
    digest.update(json.dumps(settings, sort_keys=True).encode())
    for path in sorted(seen):
        mention = seen[path]
        line = f"{path}\0{mention.size}\0{mention.mtime_ns}\0{mention.ctime_ns}\n"
        digest.update(line.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def store_result(cache: FactsCache, inputs: str, result: ProjectResult) -> None:
    cache.store_result(inputs, {
        "findings": [finding.to_json() for finding in result.findings],
        "errors": [[error.path, error.message] for error in result.errors],
        "files": sorted(result.files),
        "mentions_nylas": result.mentions_nylas,
    })


def read_result(cache: FactsCache, inputs: str) -> ProjectResult | None:
    """The stored result for ``inputs``; None when there is none or it is damaged."""
    data: Any = cache.load_result(inputs)
    if data is None:
        return None
    try:
        return ProjectResult(
            findings=[Finding.from_json(finding) for finding in data["findings"]],
            errors=[FileError(str(path), str(message)) for path, message in data["errors"]],
            files=frozenset(str(path) for path in data["files"]),
            mentions_nylas=data["mentions_nylas"] is True,
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
