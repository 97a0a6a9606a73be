"""Which files reach Nylas through the modules they import.

A worker that does ``from web.auth import client`` and then
``client.events.list(grant)`` uses the grants the web service asked for without ever
spelling the word Nylas.  The look around a project (``neighbours``) must count such a
file as one that may use them, or the scopes only it needs look unused.  A file counts
when it mentions Nylas, or imports a module of the repository that counts, directly or
through other modules.

The imports are read from the text with a pattern, not parsed: the look reads every
file of a repository, and a parse of each would cost more than the whole analysis.  A
pattern may take a docstring's words for an import, which only makes a file count
that might not: the rules then stay silent, never wrong.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence

__all__ = ["imported_files", "imported_modules", "reaching_files"]

# ``from a.b import (c, d)``, ``from . import c``, ``import a.b as c, d``, at a line's
# start; after a ``;`` or ``:`` too (``if TYPE_CHECKING: from a import b``), which
# costs more to look for and is looked for only where the text has it.
_FROM = r"from[ \t]+(\.*)[ \t]*([\w.]*)[ \t]+import[ \t]*(\([^)]*\)|[^\n#;]*)"
_IMPORT = r"import[ \t]+([^\n#;]*)"
_AT_LINE_START = (re.compile(rf"^[ \t]*{_FROM}", re.MULTILINE),
                  re.compile(rf"^[ \t]*{_IMPORT}", re.MULTILINE))
_AFTER_A_SIGN = (re.compile(rf"[;:][ \t]*{_FROM}"), re.compile(rf"[;:][ \t]*{_IMPORT}"))
_SIGNS = (": from", ": import", ";from", "; from", ";import", "; import")
_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")
# Modules no repository defines (a repository's own ``json.py`` would shadow the
# standard library's for its own scripts only, and such a module is rare).
_STANDARD_LIBRARY = frozenset(sys.stdlib_module_names) | {"__future__"}


def imported_modules(text: str) -> tuple[str, ...]:
    """The modules ``text`` may import, as dotted names (relative ones keep their
    leading dots): ``from a import b`` gives ``a`` and ``a.b``, since ``b`` may be a
    submodule.  The standard library's are left out."""
    found: dict[str, None] = {}
    patterns = [_AT_LINE_START]
    if any(sign in text for sign in _SIGNS):
        patterns.append(_AFTER_A_SIGN)
    for from_import, plain_import in patterns:
        for match in from_import.finditer(text):
            dots, module, names = match.group(1), match.group(2), match.group(3)
            if not dots and not _NAME.fullmatch(module):
                continue
            base = dots + module
            found[base] = None
            for name in _imported_names(names.strip("()")):
                if "." not in name:
                    found[f"{base}.{name}" if module else f"{base}{name}"] = None
        for match in plain_import.finditer(text):
            for name in _imported_names(match.group(1)):
                found[name] = None
    return tuple(name for name in found
                 if name.startswith(".") or name.split(".", 1)[0] not in _STANDARD_LIBRARY)


def _imported_names(names: str) -> Iterable[str]:
    """The names of ``a as b, c`` (the names imported, not the aliases)."""
    for part in names.replace("\\\n", " ").split(","):
        words = part.split()
        if words and _NAME.fullmatch(words[0]):
            yield words[0]


def reaching_files(
    files: Mapping[str, tuple[bool, tuple[str, ...]]],
    group_of: Callable[[str], str | None],
) -> set[str]:
    """The files of ``files`` (each: whether it mentions Nylas, what it imports) that
    mention Nylas or import one of these files, directly or through others.

    An absolute import names the file whose path ends with its parts; where several
    do, one in the importing file's own project (``group_of``) is the one Python
    finds first, and otherwise any of them may be.  Only the imports that may name a
    file found to use Nylas are resolved: in most repositories those are few.
    """
    by_name: dict[str, list[str]] = {}
    for path in files:
        by_name.setdefault(_module_name(path), []).append(path)
    # The imports of the files that do not mention Nylas, by the last name they give.
    importers: dict[str, list[tuple[str, str]]] = {}
    for path, (mentions, imports) in files.items():
        if not mentions:
            for name in imports:
                last = name.rpartition(".")[2] or _package_name(path, len(name))
                importers.setdefault(last, []).append((path, name))
    modules: dict[str, tuple[str, ...]] = {}

    def parts_of(path: str) -> tuple[str, ...]:
        if path not in modules:
            modules[path] = _module_parts(path)
        return modules[path]

    reached = {path for path, (mentions, _) in files.items() if mentions}
    pending = list(reached)
    while pending:
        target = pending.pop()
        parts = parts_of(target)
        if not parts:
            continue
        for importer, name in importers.get(parts[-1], ()):
            if importer in reached:
                continue
            dots = len(name) - len(name.lstrip("."))
            wanted = tuple(part for part in name[dots:].split(".") if part)
            if dots:
                names_it = parts == _package_of(importer, dots) + wanted
            else:
                names_it = parts[-len(wanted):] == wanted and not any(
                    group_of(other) == group_of(importer) != group_of(target)
                    for other in by_name.get(wanted[-1], ())
                    if other != target and parts_of(other)[-len(wanted):] == wanted)
            if names_it:
                reached.add(importer)
                pending.append(importer)
    return reached


def imported_files(
    start: str, files: Sequence[str], imports_of: Callable[[str], tuple[str, ...]]
) -> list[str]:
    """The files of ``files`` that ``start`` imports, directly or through the files it
    imports (``imports_of`` gives what a file imports, as ``imported_modules`` does),
    ``start`` left out, sorted.

    A relative import names the file under the importer's package; an absolute one
    every file whose path ends with its parts, since which of them Python finds
    depends on how the program is run: counting one too many only makes the program
    read larger, never a call less.
    """
    by_name: dict[str, list[str]] = {}
    for path in files:
        by_name.setdefault(_module_name(path), []).append(path)
    start = os.path.abspath(start)
    reached = {start}
    pending = [start]
    while pending:
        importer = pending.pop()
        for name in imports_of(importer):
            dots = len(name) - len(name.lstrip("."))
            wanted = tuple(part for part in name[dots:].split(".") if part)
            if not wanted:
                continue  # ``from . import x`` names ``.x`` as well
            for target in by_name.get(wanted[-1], ()):
                parts = _module_parts(target)
                names_it = parts == _package_of(importer, dots) + wanted if dots else (
                    parts[-len(wanted):] == wanted)
                if names_it and target not in reached:
                    reached.add(target)
                    pending.append(target)
    return sorted(reached - {start})


def _module_name(path: str) -> str:
    """The last part of the name of the module a file is."""
    directory, file_name = os.path.split(path)
    stem = os.path.splitext(file_name)[0]
    return os.path.basename(directory) if stem == "__init__" else stem


def _package_name(path: str, dots: int) -> str:
    """The name of the package ``from ... import`` with ``dots`` leading dots names."""
    directory = os.path.dirname(path)
    for _ in range(dots - 1):
        directory = os.path.dirname(directory)
    return os.path.basename(directory)


def _package_of(path: str, dots: int) -> tuple[str, ...]:
    """The package a relative import with ``dots`` leading dots starts from."""
    base = _directory_parts(os.path.dirname(os.path.abspath(path)))
    return base[: len(base) - (dots - 1)]


def _module_parts(path: str) -> tuple[str, ...]:
    """The directories and name of the module a file is, ``__init__`` left out."""
    parts = _directory_parts(os.path.splitext(os.path.abspath(path))[0])
    return parts[:-1] if parts and parts[-1] == "__init__" else parts


def _directory_parts(directory: str) -> tuple[str, ...]:
    return tuple(part for part in directory.split(os.sep) if part)
