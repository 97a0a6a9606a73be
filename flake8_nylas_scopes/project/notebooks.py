"""Jupyter notebooks (``.ipynb``) as Python text: their code cells, one after another.

A notebook in the project (``explore.ipynb`` beside the package) runs with the grants
the project asks for: a message it sends needs the send scope as much as the app's
own modules do.  flake8 does not lint notebooks, so a notebook is read like a file
the exclusions leave out: its uses count, nothing is reported on it.  The file is
JSON and is only parsed as JSON, never run.

IPython syntax that is not Python (``%pip install nylas``, ``!ls``, ``obj?``) becomes
an empty line, so that the lines of the cells keep their numbers within the text; a
magic that runs the Python after it (``%time client.messages.list(grant)``, a cell
under ``%%time``) keeps that Python, and the output of a shell command or a magic
taken into a name (``files = !ls``) becomes ``None``.  A cell in another language
(``%%bash``, ``%%html``) becomes empty lines.  A cell that is still not Python is kept
as it is: the notebook's text then cannot be parsed, and the analysis says that its
Nylas calls are unknown, where leaving the cell out would drop its calls unsaid.

The magics are IPython's, as its reference lists them:
https://ipython.readthedocs.io/en/stable/interactive/magics.html
"""

from __future__ import annotations

import json
import re
from typing import Any

NOTEBOOK_SUFFIX = ".ipynb"
# What a notebook's module name ends with (``app.explore-ipynb``): not an identifier.
NOTEBOOK_MODULE_SUFFIX = "-ipynb"

# A help request after a name (``nylas.messages.send?``, ``client??``); a statement
# whose comment ends with a question mark stays a statement.
_HELP_REQUEST = re.compile(r"[\w.]+\?\??")
# Magics that run the Python statement after their options, each with its options
# that take a value (``%timeit -n 10 -r 3 stmt``), which are skipped with it.
_STATEMENT_MAGICS: dict[str, frozenset[str]] = {
    "time": frozenset(),
    "timeit": frozenset({"-n", "-r", "-p"}),
    "prun": frozenset({"-l", "-s", "-T", "-D"}),
}
# Cell magics whose cell is Python: run by the kernel (timed, profiled, its output
# captured), or by a Python process that may import the app.  Any other cell magic's
# cell is another language (``%%bash``, ``%%html``, ``%%sql``, ``%%writefile``).
_PYTHON_CELL_MAGICS = frozenset({*_STATEMENT_MAGICS, "capture", "python", "python3"})
# A magic's name and what follows it, after its ``%`` or ``%%``.
_MAGIC = re.compile(r"%%?(\w+)(.*)")
# The output of a shell command or of a magic taken into names (``files = !ls``,
# ``result = %timeit -o stmt``): the targets, and the command after its sign.
_CAPTURED_OUTPUT = re.compile(r"(\s*)([\w.,\[\]\s]*[\w\]])\s*=\s*([!%])(.*)")


class NotebookError(ValueError):
    """The text is not a notebook of the nbformat 4 shape."""


def is_notebook_name(name: str) -> bool:
    """Whether a file's name is a Jupyter notebook's."""
    return name.endswith(NOTEBOOK_SUFFIX)


def notebook_source(text: str) -> str:
    """The Python text of the code cells of the notebook ``text`` (nbformat 4: a
    ``cells`` list whose code cells hold their ``source`` as a list of lines or one
    string)."""
    try:
        document: Any = json.loads(text)
    except ValueError as error:
        raise NotebookError(f"not a notebook ({error})") from None
    cells = document.get("cells") if isinstance(document, dict) else None
    if not isinstance(cells, list):
        raise NotebookError("not a notebook (no list of cells)")
    lines: list[str] = []
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        text_of_cell = "".join(source) if isinstance(source, list) else str(source)
        lines.extend(_cell_lines(text_of_cell.splitlines()))
        lines.append("")
    return "\n".join(lines) + "\n"


def _cell_lines(cell: list[str]) -> list[str]:
    """The Python lines of one code cell, as many as it has."""
    first = next((index for index, line in enumerate(cell) if line.strip()), None)
    magic = _MAGIC.fullmatch(cell[first].strip()) if first is not None else None
    if first is None or magic is None or not cell[first].lstrip().startswith("%%"):
        return [_python_line(line) for line in cell]
    if magic.group(1) not in _PYTHON_CELL_MAGICS:
        # Another language's cell: no Python of the notebook's runs in it.
        return ["" for _ in cell]
    # The Python under a cell magic, and the statement on its own line where it runs
    # one (``%%timeit -n 10 setup()`` runs ``setup()`` first).
    head = _statement_of(magic.group(1), magic.group(2)) or ""
    return [*cell[:first], head, *(_python_line(line) for line in cell[first + 1:])]


def _python_line(line: str) -> str:
    stripped = line.strip()
    indent = line[:len(line) - len(line.lstrip())]
    if stripped.startswith(("!", "?")) or _HELP_REQUEST.fullmatch(stripped):
        return ""
    if stripped.startswith("%"):
        statement = _magic_statement(stripped)
        return indent + statement if statement else ""
    captured = _CAPTURED_OUTPUT.fullmatch(line)
    if captured is None:
        return line
    indent, targets, sign, command = captured.groups()
    # The names hold the command's output, not a value of the notebook's code; a
    # magic that runs a statement runs it as well, on the same line.
    statement = _magic_statement("%" + command.strip()) if sign == "%" else None
    return f"{indent}{targets} = None" + (f"; {statement}" if statement else "")


def _magic_statement(text: str) -> str | None:
    """The statement the magic written as ``text`` (``%timeit -n 10 f()``) runs."""
    magic = _MAGIC.fullmatch(text)
    return _statement_of(magic.group(1), magic.group(2)) if magic else None


def _statement_of(name: str, arguments: str) -> str | None:
    """The statement a magic runs (``%timeit -n 10 f()`` runs ``f()``), None for a
    magic that runs none of the notebook's Python."""
    options = _STATEMENT_MAGICS.get(name)
    if options is None:
        return None
    words = arguments.strip()
    while words.startswith("-"):
        option, _, words = words.partition(" ")
        if option in options:
            _, _, words = words.lstrip().partition(" ")
        words = words.lstrip()
    return words
