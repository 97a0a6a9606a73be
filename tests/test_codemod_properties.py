"""Properties of the fix over every lint fixture and example file.

* the output parses;
* fixing the output again changes nothing;
* after the fix, every safe fix the analysis still offers is one the fixer reported
  as skipped (with its reason);
* the output's ``ast`` equals the input's once every scope value is masked: the fix
  touches nothing but scope values.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
from codemod_support import EXAMPLES, LINT_FIXTURES, property_files

from flake8_nylas_scopes.analysis.module import module_facts

from flake8_nylas_scopes.judging.module_findings import module_findings
from flake8_nylas_scopes.settings.config import DEFAULT_CONFIG, default_code_filter
from flake8_nylas_scopes.fix.plan import FixPolicy
from flake8_nylas_scopes.fix.fixer import Fixer
from flake8_nylas_scopes.analysis.source import SourceMap

FILES = property_files()
POLICIES = [FixPolicy(unsafe=False), FixPolicy(unsafe=True)]


def _own_project(path: Path) -> str:
    """The project a corpus file belongs to: the lint fixtures' folder, or the
    example app; not this repository, whose every fixture project would be
    analysed again for each file."""
    return str(EXAMPLES / "mailapp" if EXAMPLES in path.parents else LINT_FIXTURES)


def fixed_text(path: Path, source: str, policy: FixPolicy) -> tuple[str, set[tuple[int, int, str]]]:
    config = dataclasses.replace(DEFAULT_CONFIG, project_root=_own_project(path))
    result = Fixer(config, default_code_filter, policy).run(
        [str(path)], sources={str(path): source}
    )
    assert not result.errors
    change = result.changes.get(str(path))
    skipped = {
        (f.span.line, f.span.col, f.code) for item in result.skipped for f in item.findings
    }
    return (change.text if change else source), skipped


def masked_dump(path: Path, source: str) -> str:
    """The module's ``ast`` with every scope value (and list holding a scope) masked."""
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    facts = module_facts(tree, str(path), lines)
    spans = set()
    # Scope values requested here, and constants other modules request.
    values = [site.value for site in facts.sites] + list(facts.constants.values())
    for value in values:
        if value.span is not None:
            spans.add(value.span)
        spans.update(item.span for item in value.items)
    keys = {(s.line, s.col, s.end_line, s.end_col) for s in spans}
    source_map = SourceMap(str(path), lines)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    masked: set[ast.AST] = set()
    for node in ast.walk(tree):
        if not hasattr(node, "lineno"):
            continue
        span = source_map.span(node)
        if (span.line, span.col, span.end_line, span.end_col) in keys:
            masked.add(node)
            parent = parents.get(node)
            if isinstance(parent, (ast.List, ast.Tuple, ast.Set)):
                masked.add(parent)

    class Mask(ast.NodeTransformer):
        def visit(self, node: ast.AST) -> ast.AST:
            if node in masked:
                return ast.Name(id="__SCOPES__", ctx=ast.Load())
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "authentication_url"
            ):
                # The scopes argument is a scope value, whether the fix added it or not.
                node.keywords = [kw for kw in node.keywords if kw.arg != "scopes"]
            return self.generic_visit(node)

    return ast.dump(Mask().visit(tree))


@pytest.mark.parametrize("policy", POLICIES, ids=["safe", "unsafe"])
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_fix_properties(path: Path, policy: FixPolicy) -> None:
    source = path.read_text()
    output, skipped = fixed_text(path, source, policy)

    ast.parse(output)

    again, _ = fixed_text(path, output, policy)
    assert again == output

    lines = output.splitlines(keepends=True)
    remaining = module_findings(module_facts(None, str(path), lines), DEFAULT_CONFIG,
                                default_code_filter)
    still_fixable = {
        (f.span.line, f.span.col, f.code)
        for f in remaining
        if f.fix is not None and policy.allows(f.code)
    }
    assert still_fixable <= skipped

    assert masked_dump(path, output) == masked_dump(path, source)


def test_the_corpus_has_files_that_change() -> None:
    changed = [
        path for path in FILES
        if fixed_text(path, path.read_text(), FixPolicy())[0] != path.read_text()
    ]
    assert len(changed) >= 7
