"""Running the analysis over files and directories, with clear errors for bad input."""

from __future__ import annotations

import ast
import io
import os
import stat
import tokenize
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from .analysis import module_facts, module_findings
from .config import CodeFilter, Config
from .facts import ModuleFacts
from .findings import Finding
from .modules import module_name_for_path

SKIPPED_DIRECTORIES = frozenset(
    {".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "__pycache__", "node_modules",
     ".mypy_cache", ".pytest_cache", ".nylas-scopes-cache", "build", "dist", ".eggs"}
)


class InputError(Exception):
    """A path the user named cannot be analysed (missing, not Python)."""


@dataclass(frozen=True)
class FileError:
    path: str
    message: str


@dataclass
class ProjectAnalysis:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    facts: dict[str, ModuleFacts] = field(default_factory=dict)


def discover(paths: Iterable[str], exclude: Sequence[str] = ()) -> list[str]:
    """Python files under ``paths``, sorted; a missing path is an :class:`InputError`."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found.extend(_walk(path, exclude))
        elif os.path.exists(path) or os.path.islink(path):
            found.append(os.path.normpath(path))
        else:
            raise InputError(f"{path}: no such file or directory")
    return sorted(dict.fromkeys(found))


def _walk(directory: str, exclude: Sequence[str]) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(
            d for d in dirs
            if d not in SKIPPED_DIRECTORIES and not d.endswith(".egg-info")
            and not _excluded(os.path.join(root, d), exclude)
        )
        for name in sorted(files):
            path = os.path.normpath(os.path.join(root, name))
            if name.endswith(".py") and not _excluded(path, exclude):
                yield path


def _excluded(path: str, patterns: Sequence[str]) -> bool:
    import fnmatch

    normalised = path.replace(os.sep, "/")
    return any(
        fnmatch.fnmatch(normalised, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern)
        for pattern in patterns
    )


def decode_source(data: bytes) -> str:
    """Decode Python source as the interpreter would (PEP 263 cookie, BOM, UTF-8)."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = data.decode(encoding)
    return text[1:] if text.startswith("\ufeff") else text


def read_source(path: str) -> str:
    try:
        # Opening a FIFO would wait for a writer forever; devices and directories are
        # not source files either.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise InputError(f"{path}: not a regular file")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    if b"\x00" in data:
        raise InputError(f"{path}: binary file, not Python source")
    try:
        return decode_source(data)
    except (SyntaxError, UnicodeDecodeError, LookupError) as error:
        raise InputError(f"{path}: cannot decode ({error})") from None


def facts_for_source(path: str, source: str) -> ModuleFacts:
    # Lines as Python and flake8 count them: str.splitlines also breaks at form feeds,
    # \x1c-\x1e, \x85 and \u2028, which would shift every later line.
    lines = io.StringIO(source, newline="").readlines()
    tree: ast.Module | None = None
    return module_facts(tree, path, lines, module_name_for_path(path))


def analyse(
    paths: Sequence[str],
    config: Config,
    enabled: CodeFilter,
    sources: Mapping[str, str] | None = None,
) -> ProjectAnalysis:
    """Analyse every file in ``paths``; ``sources`` overrides a file's text (stdin)."""
    result = ProjectAnalysis()
    for path in paths:
        try:
            source = sources[path] if sources and path in sources else read_source(path)
            facts = facts_for_source(path, source)
        except InputError as error:
            result.errors.append(FileError(path, str(error)))
            continue
        except SyntaxError as error:
            line = f":{error.lineno}" if error.lineno else ""
            result.errors.append(FileError(path, f"{path}{line}: syntax error: {error.msg}"))
            continue
        except (RecursionError, MemoryError) as error:
            # The parser gives up on expressions nested thousands deep.
            message = f"{path}: cannot parse (nested too deeply: {type(error).__name__})"
            result.errors.append(FileError(path, message))
            continue
        except ValueError as error:
            result.errors.append(FileError(path, f"{path}: cannot parse ({error})"))
            continue
        result.facts[path] = facts
    for facts in result.facts.values():
        result.findings.extend(module_findings(facts, config, enabled))
    result.findings.sort(key=lambda finding: finding.sort_key)
    return result
