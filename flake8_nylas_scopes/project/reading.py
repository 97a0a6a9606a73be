"""Reading one module: its text from disk as the interpreter would decode it, and its
facts, or the message that says why they cannot be had.

Both the run that judges a project and the worker processes that read its modules
(``workers``) come here, so neither imports the other for it.
"""

from __future__ import annotations

import io
import os
import re
import stat
import symtable
import sys
import tokenize
from typing import TYPE_CHECKING

from .modules import module_name_for_path
from .notebooks import NotebookError, is_notebook_name, notebook_source

if TYPE_CHECKING:
    from ..analysis.facts import ModuleFacts


class InputError(Exception):
    """A path the user named cannot be analysed (missing, not Python)."""


def decode_source(data: bytes) -> str:
    """Decode Python source as the interpreter would (PEP 263 cookie, BOM, UTF-8)."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = data.decode(encoding)
    return text[1:] if text.startswith("\ufeff") else text


def read_source(path: str) -> str:
    try:
        # Opening a FIFO would wait for a writer forever; devices and directories are
        # not source files either.
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            _list_directory(path)  # the walk's only directories are those it could not list
        if not stat.S_ISREG(mode):
            raise InputError(f"{path}: not a regular file")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    if b"\x00" in data:
        raise InputError(f"{path}: binary file, not Python source")
    try:
        text = decode_source(data)
    except (SyntaxError, UnicodeDecodeError, LookupError) as error:
        raise InputError(f"{path}: cannot decode ({error})") from None
    if not is_notebook_name(path):
        return text
    try:
        return notebook_source(text)
    except NotebookError as error:
        raise InputError(f"{path}: {error}") from None


def _list_directory(path: str) -> None:
    """Raise the :class:`InputError` that says why ``path`` cannot be listed."""
    try:
        with os.scandir(path):
            pass
    except OSError as error:
        reason = error.strerror or error
        raise InputError(f"{path}: cannot list the directory ({reason})") from None


def facts_for_source(
    path: str, source: str, flow: bool = False, packages: dict[str, str] | None = None
) -> ModuleFacts:
    """The facts of one module's text; a ``SyntaxError`` and the like propagate."""
    return _module_facts(path, source, module_name_for_path(path, packages), flow)


def _module_facts(path: str, source: str, module: str, flow: bool,
                  foreign_readers: frozenset[str] = frozenset()) -> ModuleFacts:
    from ..analysis.module import module_facts

    # Lines as Python and flake8 count them: str.splitlines also breaks at form feeds,
    # \x1c-\x1e, \x85 and \u2028, which would shift every later line.
    lines = io.StringIO(source, newline="").readlines()
    if _may_break_scope_rules(source):
        # ``ast.parse`` accepts ``from x import *`` in a function and ``nonlocal`` at
        # module level, which Python refuses to compile: the module never runs.  Its
        # table of scopes says so, without running or compiling any code.
        symtable.symtable(source, path, "exec")
    return module_facts(None, path, lines, module, flow=flow,
                        foreign_readers=foreign_readers)


# What the table of scopes checks that the parser does not, as text: a star import
# (at module level too, the common case, which the check then passes) and ``nonlocal``.
_SCOPE_RULE_WORDS = re.compile(r"\bimport[\s\\]*\*|\bnonlocal\b")
# The star import's part without the word boundary: a pattern that starts with a
# literal is searched for that literal first, which the boundary prevents.
_STAR_IMPORT = re.compile(r"import[\s\\]*\*")


def _may_break_scope_rules(source: str) -> bool:
    """Whether ``_SCOPE_RULE_WORDS`` matches: tested first without the boundaries
    (a match of the whole needs a match of its parts), ten times faster on the
    modules without a star import or ``nonlocal``, nearly all of them."""
    if "nonlocal" not in source and _STAR_IMPORT.search(source) is None:
        return False
    return _SCOPE_RULE_WORDS.search(source) is not None


def facts_or_error(path: str, source: str, module: str,
                   foreign_readers: frozenset[str] = frozenset()) -> ModuleFacts | str:
    """The facts of a module of a project that uses Nylas, or the message that says
    why its text cannot be analysed (``foreign_readers``: see ``module_facts``)."""
    try:
        return _module_facts(path, source, module, True, foreign_readers)
    except SyntaxError as error:
        if error.lineno and is_notebook_name(path):
            # A notebook's lines are those of its code cells, one after another: no
            # editor shows that number as the file's line.
            return (f"{path}: line {error.lineno} of its code cells: "
                    f"{_syntax_message(error)}")
        line = f":{error.lineno}" if error.lineno else ""
        return f"{path}{line}: {_syntax_message(error)}"
    except (RecursionError, MemoryError) as error:
        # The parser gives up on expressions nested thousands deep.
        return f"{path}: cannot parse (nested too deeply: {type(error).__name__})"
    except ValueError as error:
        return f"{path}: cannot parse ({error})"


# Type parameters and the ``type`` statement: Python 3.12 syntax, which an older
# interpreter running the tool calls invalid in a file that is fine; a type
# parameter's default (``def first[T = str]()``) is Python 3.13's.
_TYPE_PARAMETER_SYNTAX = re.compile(
    r"\s*(type\s+\w+\s*[\[=]|(async\s+)?def\s+\w+\s*\[|class\s+\w+\s*\[)")
_TYPE_PARAMETER_DEFAULT = re.compile(r"\s*((async\s+)?def|class|type)\s+\w+\s*\[[^\]]*=")


def _syntax_message(error: SyntaxError) -> str:
    message = f"syntax error: {error.msg}"
    line = error.text or ""
    newer = (3, 13) if _TYPE_PARAMETER_DEFAULT.match(line) else (
        (3, 12) if _TYPE_PARAMETER_SYNTAX.match(line) else None)
    if newer is not None and sys.version_info < newer:
        running = f"{sys.version_info.major}.{sys.version_info.minor}"
        message += (f" (Python {newer[0]}.{newer[1]} syntax; the tool runs on Python"
                    f" {running})")
    return message
