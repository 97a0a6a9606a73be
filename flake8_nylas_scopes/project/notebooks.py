"""Jupyter notebooks (``.ipynb``) as Python text: their code cells, one after another.

A notebook in the project (``explore.ipynb`` beside the package) runs with the grants
the project asks for: a message it sends needs the send scope as much as the app's
own modules do.  flake8 does not lint notebooks, so a notebook is read like a file
the exclusions leave out: its uses count, nothing is reported on it.  The file is
JSON and is only parsed as JSON, never run.

IPython syntax that is not Python (``%pip install nylas``, ``!ls``, ``obj?``, the
``%%time`` that starts a cell) becomes an empty line, and so does every line of a cell
that is still not Python (``%%bash``), so that the lines of the cells keep their
numbers within the text.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any

NOTEBOOK_SUFFIX = ".ipynb"
# What a notebook's module name ends with (``app.explore-ipynb``): not an identifier.
NOTEBOOK_MODULE_SUFFIX = "-ipynb"

# Line magics, shell escapes and help requests: how IPython lines that are not Python
# start (``%time``, ``!pip``, ``?obj``, ``??obj``).
_IPYTHON_LINE_STARTS = ("%", "!", "?")
# A help request after a name (``nylas.messages.send?``, ``client??``); a statement
# whose comment ends with a question mark stays a statement.
_HELP_REQUEST = re.compile(r"[\w.]+\?\??")


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
        cell_lines = [_python_line(line) for line in text_of_cell.splitlines()]
        if not _parses("\n".join(cell_lines)):
            # Another language's cell (``%%bash``, ``%%html``) or one Python cannot
            # read: its uses stay out, the other cells' are read.  (A cell magic
            # such as ``%%time`` runs the Python below it, which is kept.)
            cell_lines = ["" for _ in cell_lines]
        lines.extend(cell_lines)
        lines.append("")
    return "\n".join(lines) + "\n"


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def _python_line(line: str) -> str:
    stripped = line.strip()
    if stripped.startswith(_IPYTHON_LINE_STARTS) or _HELP_REQUEST.fullmatch(stripped):
        return ""
    return line
