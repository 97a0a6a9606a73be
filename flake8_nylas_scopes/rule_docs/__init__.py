"""The rule documentation pages, shipped inside the package for ``nylas-scopes explain``.

``docs/rules/NYSxxx.md`` in the repository holds the same files (a test keeps the two
copies identical): the repository copy is what the SARIF ``helpUri`` and the README
link to, the packaged copy is what an installed wheel can print.
"""

from __future__ import annotations

import re
from importlib import resources

from ..codes import CODES

DOCS_URL = "https://github.com/flake8-nylas-scopes/flake8-nylas-scopes/blob/main/docs/rules"

SECTIONS = (
    "What it does",
    "Why is this bad?",
    "Example",
    "Use instead",
    "Fix safety",
    "Options",
)


class UnknownCode(KeyError):
    """A code that is not in the registry."""


def rule_doc(code: str) -> str:
    """The Markdown page of ``code``."""
    if code not in CODES:
        raise UnknownCode(code)
    return resources.files(__name__).joinpath(f"{code}.md").read_text(encoding="utf-8")


def rule_url(code: str) -> str:
    return f"{DOCS_URL}/{code}.md"


def section(page: str, heading: str) -> str:
    """The text under ``## heading`` up to the next heading, stripped."""
    match = re.search(
        rf"^## {re.escape(heading)}[ \t]*\n(.*?)(?=^## |\Z)", page, re.MULTILINE | re.DOTALL
    )
    return match.group(1).strip() if match else ""
