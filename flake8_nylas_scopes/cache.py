"""A JSON cache of module facts, inside the project's own cache directory.

One file per module, keyed by the module's path; an entry is valid only for the same
size, modification time, tool version and analysis settings.  Writes go to a temporary
file that is then renamed, so concurrent runs (``flake8 --jobs``) never see half a
file; a corrupt or foreign entry is ignored and rebuilt.  Never pickle: the cache is
plain JSON and is never executed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from typing import Any

from . import __version__
from .facts import ModuleFacts

CACHE_DIRECTORY = ".nylas-scopes-cache"
_FORMAT = 1


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the analyser's own modules: facts from other code are stale.

    The version alone is not enough for a development install, whose code changes
    under one version number.
    """
    package = os.path.dirname(os.path.abspath(__file__))
    digest = hashlib.sha256(__version__.encode())
    for name in sorted(os.listdir(package)):
        if name.endswith(".py"):
            stat = os.stat(os.path.join(package, name))
            digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


class FactsCache:
    def __init__(self, root: str, settings: str) -> None:
        self.root = os.path.realpath(root)
        self.directory = os.path.join(self.root, CACHE_DIRECTORY)
        self.settings = settings
        self._usable: bool | None = None

    def _ready(self) -> bool:
        """Whether the cache directory exists (or can be made) inside the project."""
        if self._usable is None:
            self._usable = self._prepare()
        return self._usable

    def _prepare(self) -> bool:
        try:
            if os.path.islink(self.directory):
                return False  # never follow a link out of the project
            os.makedirs(self.directory, exist_ok=True)
            if os.path.realpath(self.directory) != self.directory:
                return False
            ignore = os.path.join(self.directory, ".gitignore")
            if not os.path.exists(ignore):
                self._write(ignore, "*\n")
            return os.access(self.directory, os.W_OK)
        except OSError:
            return False

    def _entry_path(self, path: str) -> str:
        digest = hashlib.sha256(os.path.realpath(path).encode("utf-8", "surrogateescape"))
        return os.path.join(self.directory, digest.hexdigest()[:32] + ".json")

    def _key(self, path: str, stat: os.stat_result, flow: bool) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "version": __version__,
            "code": code_fingerprint(),
            "settings": self.settings,
            "path": os.path.realpath(path),
            "size": stat.st_size,
            "mtime": stat.st_mtime_ns,
            "flow": flow,
        }

    def load(self, path: str, stat: os.stat_result, flow: bool) -> ModuleFacts | None:
        if not os.path.isdir(self.directory) or os.path.islink(self.directory):
            return None
        try:
            with open(self._entry_path(path), encoding="utf-8") as handle:
                data = json.load(handle)
            if not isinstance(data, dict) or data.get("key") != self._key(path, stat, flow):
                return None
            return ModuleFacts.from_json(data["facts"])
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None  # missing, truncated or corrupt: rebuild it

    def store(self, path: str, stat: os.stat_result, flow: bool, facts: ModuleFacts) -> None:
        if not self._ready():
            return
        data = {"key": self._key(path, stat, flow), "facts": facts.to_json()}
        try:
            self._write(self._entry_path(path), json.dumps(data, separators=(",", ":")))
        except (OSError, ValueError):
            pass  # a cache that cannot be written only costs time

    def _write(self, target: str, text: str) -> None:
        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, target)
        except BaseException:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            raise
