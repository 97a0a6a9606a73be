"""Every source key the Nylas data uses is defined in docs/sources.md, and every
comment there cites a public address or a file of this repository."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from tool_runs import ROOT

NYLAS_API = ROOT / "flake8_nylas_scopes" / "nylas_api"
PAGE = ROOT / "docs" / "sources.md"
# How source keys and endpoint rows are spelled.
KEY = re.compile(
    r"^(V[23]-[A-Z0-9]+(?:-[A-Z0-9]+)*|PY[0-9]?(?:-[A-Za-z0-9]+)?|JS[0-9]|"
    r"NODE-[A-Za-z0-9]+|COMP|JAVA[0-9]|G-[A-Z]+|MS-[A-Z]+)$"
)
DEFINED = re.compile(r"^\| ([A-Za-z0-9-]+) \|", re.MULTILINE)


def defined() -> set[str]:
    return set(DEFINED.findall(PAGE.read_text(encoding="utf-8"))) - {"key"}


def used(path: Path) -> set[str]:
    """Keys in the module's string constants (a ``source``, ``row`` or ``sources``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.update(part for part in re.split(r"[,\s]+", node.value) if KEY.match(part))
    return found


MODULES = sorted(NYLAS_API.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(NYLAS_API)))
def test_every_source_key_is_defined(path: Path) -> None:
    missing = used(path) - defined()
    assert not missing, f"define {sorted(missing)} in docs/sources.md"


def test_the_data_uses_source_keys() -> None:
    # Not vacuous: the v2 and v3 maps name their rows and sources.
    keys = set().union(*(used(path) for path in MODULES))
    assert {"V2-1", "V2-AS", "V3-4", "V3-OAS", "G-GMAIL", "MS-GRAPH", "PY6"} <= keys


def test_every_source_has_an_address() -> None:
    page = PAGE.read_text(encoding="utf-8")
    documents = page[page.index("## Documents and code"):page.index("## Endpoint rows")]
    rows = [line for line in documents.splitlines() if DEFINED.match(line)][1:]
    assert len(rows) > 20
    for row in rows:
        assert "https://" in row.rsplit("|", 2)[-2], row


def test_comments_cite_nothing_outside_the_repository() -> None:
    for path in sorted((ROOT / "flake8_nylas_scopes").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for outside in ("shared/reference", "nylas-endpoint-scopes.md", "nylas-sdk-surface.md",
                        "nylas-v3-sdk.md", "/work/"):
            assert outside not in text, (path, outside)
