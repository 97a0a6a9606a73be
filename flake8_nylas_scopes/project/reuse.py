"""Reusing a judged project when nothing it depends on has changed.

A commit hook, a CI job or a second flake8 process often checks a project none of
whose files changed since the last run, and judging it again gives the same
findings.  The last result is kept with a digest of everything it depends on: each
file's path, size, modification and change times, the settings, the enabled codes,
and (in the cache's own key) the analyser's version and code.  Any difference, and
the project is judged again, unless its facts did not change.

Judging is a function of the modules' facts, the files that could not be read, the
settings and the enabled codes, nothing else: so the result is kept with the digest
of each module's facts too.  When some files changed but their facts are the same
as before (a comment or blank lines added at the end, a file saved unchanged), the
last result is the answer; only the changed files are analysed again to tell.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..codes import CODES
from ..findings import Finding
from ..judging.results import FileError, ProjectResult
from ..settings.config import CodeFilter, Config
from .cache import FactsCache, FileMention

# A file written this recently may be written again within its clock's resolution
# without a new modification time (as for the walk index): its result is not kept.
_RACY_NS = 2_000_000_000


def comparable(
    files: Sequence[str],
    overrides: Mapping[str, str],
    seen: Mapping[str, FileMention],
    errors: Sequence[FileError],
) -> bool:
    """Whether a result judged from these files can stand for another: not when an
    editor buffer stands in for a file or a file could not be read."""
    return not overrides and not errors and len(seen) == len(files)


def settings_digest(config: Config, enabled: CodeFilter, neighbours: Sequence[str] = ()) -> str:
    """A digest of what a judgement depends on besides the project's files: the
    settings, the enabled codes, and the files around the project that mention Nylas."""
    settings = {
        "config": dataclasses.asdict(config),
        "enabled": sorted(code for code in CODES if enabled(code)),
        "neighbours": list(neighbours),
    }
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()


def inputs_digest(
    files: Sequence[str],
    overrides: Mapping[str, str],
    seen: Mapping[str, FileMention],
    errors: Sequence[FileError],
    config: Config,
    enabled: CodeFilter,
    neighbours: Sequence[str] = (),
) -> str:
    """A digest of what judging ``files`` depends on, or "" when the result must not
    be reused or kept: an editor buffer stands in for a file, a file could not be
    read, or a file changed too recently to be told apart from its next change."""
    if not comparable(files, overrides, seen, errors):
        return ""
    racy = time.time_ns() - _RACY_NS
    if any(mention.mtime_ns > racy or mention.ctime_ns > racy for mention in seen.values()):
        return ""
    digest = hashlib.sha256(settings_digest(config, enabled, neighbours).encode())
    for path in sorted(seen):
        mention = seen[path]
        line = f"{path}\0{mention.size}\0{mention.mtime_ns}\0{mention.ctime_ns}\n"
        digest.update(line.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def facts_key(settings: str, digests: Iterable[tuple[str, str]]) -> str:
    """A digest of what a judgement is made from: the settings and, for each file in
    order, its path and the digest of its facts."""
    digest = hashlib.sha256(settings.encode())
    for path, facts in digests:
        digest.update(f"{path}\0{facts}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


@dataclasses.dataclass(frozen=True)
class Stored:
    """The last judged result and what it was judged from."""

    inputs: str
    facts: str
    # Each file as it was then, ``[size, modification time, change time, digest of
    # its facts]``, as read: an entry is checked only when it is asked for, since an
    # unchanged project needs none of them.
    files: dict[str, Any]
    result: Any

    def digest_of(self, path: str, mention: FileMention) -> str:
        """The digest of a file's facts when it is as it was, else "" (also for a
        damaged entry: the file is then read again)."""
        entry = self.files.get(path)
        if not isinstance(entry, list) or len(entry) != 4:
            return ""
        size, mtime, ctime, digest = entry
        if (size, mtime, ctime) != (mention.size, mention.mtime_ns, mention.ctime_ns):
            return ""
        return digest if isinstance(digest, str) else ""


def read_stored(cache: FactsCache) -> Stored | None:
    """The stored result; None when there is none or its index is damaged."""
    data: Any = cache.load_result()
    try:
        files, inputs, facts = data["files"], data["inputs"], data["facts"]
        if not isinstance(files, dict) or not isinstance(inputs, str) or (
            not isinstance(facts, str)
        ):
            return None
        return Stored(inputs, facts, files, data["result"])
    except (KeyError, TypeError):
        return None


def store_result(
    cache: FactsCache,
    inputs: str,
    key: str,
    seen: Mapping[str, FileMention],
    digests: Mapping[str, str],
    result: ProjectResult,
) -> None:
    """Keep ``result`` with the stat ``inputs`` and facts ``key`` it was judged from."""
    cache.store_result({
        "inputs": inputs,
        "facts": key,
        "files": {
            path: [mention.size, mention.mtime_ns, mention.ctime_ns, digests[path]]
            for path, mention in seen.items() if digests.get(path)
        },
        "result": {
            "findings": [finding.to_json() for finding in result.findings],
            "errors": [[error.path, error.message] for error in result.errors],
            "files": sorted(result.files),
            "mentions_nylas": result.mentions_nylas,
        },
    })


def result_of(stored: Stored) -> ProjectResult | None:
    """The stored result as read back; None when it is damaged."""
    data = stored.result
    try:
        return ProjectResult(
            findings=[Finding.from_json(finding) for finding in data["findings"]],
            errors=[FileError(str(path), str(message)) for path, message in data["errors"]],
            files=frozenset(str(path) for path in data["files"]),
            mentions_nylas=data["mentions_nylas"] is True,
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
