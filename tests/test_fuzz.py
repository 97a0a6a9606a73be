"""Fuzzing: generated programs and mutated fixtures never make the analysis raise.

Two sources of input:

* hypothesmith generates programs from Python's grammar (``from_grammar``) and from
  libcst's node types (``from_node``).  They rarely mention Nylas, so besides the real
  entry point (``module_facts``, whose pre-filter skips them) the extractor is also run
  on them directly.
* The lint fixtures, mutated: tokens deleted (often a syntax error, which must come
  back as a clean file error from ``project.analyse``), scope list items wrapped in
  random layers of lists, tuples, calls, starred splices, parentheses and
  concatenations, and provider values replaced by arbitrary ones.

Every mutant goes through the CLI's path (``project.analyse``) and, when it parses,
the flake8 plugin's ``run``, with every code enabled.  Findings must point inside the
file, since fixes edit what they point at.

The examples are derandomized: each run of the suite tests the same examples, so CI
never fails on a new random draw and a failure reproduces on any machine.  (A seed
database would do the same only where its directory is kept; CI starts from a clean
clone.)  Set ``NYLAS_SCOPES_FUZZ=explore`` to draw fresh, ten times as many examples.
"""

from __future__ import annotations

import dataclasses
import tempfile

import ast
import io
import os
import tokenize
import warnings
from collections.abc import Callable
from pathlib import Path

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flake8_nylas_scopes.analysis.module import module_facts

from flake8_nylas_scopes.judging.module_findings import module_findings
from flake8_nylas_scopes.nylas_api.v2.scopes import PROVIDER_VALUES
from flake8_nylas_scopes.checker import NylasScopesChecker
from flake8_nylas_scopes.codes import CODES
from flake8_nylas_scopes.settings.config import Config, ConfigError, all_codes, make_config
from flake8_nylas_scopes.analysis.extract import extract_module
from flake8_nylas_scopes.judging.judge import judge_project
from flake8_nylas_scopes.findings import Finding
from flake8_nylas_scopes.project.session import analyse

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lint"
SOURCES = {path.name: path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.py"))}

EXPLORE = os.environ.get("NYLAS_SCOPES_FUZZ") == "explore"


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples * (10 if EXPLORE else 1),
        deadline=None,
        derandomize=not EXPLORE,
        database=None,
        # hypothesmith's node strategy discards most programs it draws on Python 3.12
        # and later (its own filtering, not this module's).
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.filter_too_much],
    )


# -- checking one program ---------------------------------------------------------------


def source_lines(source: str) -> list[str]:
    """Lines as flake8 and the CLI split them (only at \\n, \\r\\n and \\r)."""
    return io.StringIO(source, newline="").readlines()


def parse_quietly(source: str) -> ast.Module:
    with warnings.catch_warnings():
        # Generated code is full of ``1()`` and the like; the parser warns about them.
        warnings.simplefilter("ignore", SyntaxWarning)
        return ast.parse(source)


def assert_points_inside(findings: list[Finding], lines: list[str]) -> None:
    for finding in findings:
        span = finding.span
        assert 1 <= span.line <= span.end_line <= max(len(lines), 1), finding
        assert 0 <= span.col <= len(lines[span.line - 1]) if lines else True, finding


ISOLATED_ROOT = tempfile.mkdtemp(prefix="nylas-fuzz-")


def check_both_front_ends(source: str, config: Config) -> None:
    """The CLI's analysis and the flake8 plugin on ``source``: no exception escapes."""
    path = "mutant.py"
    # The buffer is a project of its own (an empty root), not part of this repository.
    config = dataclasses.replace(config, project_root=ISOLATED_ROOT)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        result = analyse([path], config, all_codes, sources={path: source}, use_cache=False)
    lines = source_lines(source)
    for error in result.errors:
        # One clean line naming the file, as the CLI prints it.
        assert error.path == path
        assert error.message.startswith(f"{path}:") and "\n" not in error.message
    assert_points_inside(result.findings, lines)
    try:
        tree = parse_quietly(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        # flake8 reports the file itself (E999) and never calls the plugin.
        assert result.errors
        return
    assert not result.errors

    class Checker(NylasScopesChecker):
        pass

    Checker.config = config
    Checker.enabled_codes = frozenset(CODES)
    reports = list(Checker(tree, path, lines).run())
    assert len(reports) == len(result.findings)


# -- hypothesmith -------------------------------------------------------------------------


def analyse_generated(source: str) -> None:
    try:
        tree = parse_quietly(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return  # hypothesmith occasionally emits what only its grammar accepts
    lines = source_lines(source)
    facts = module_facts(tree, "generated.py", lines)
    module_findings(facts, Config(), all_codes)
    # The pre-filter skips almost all of these: run the extractor on them anyway.
    forced = extract_module(tree, "generated.py", lines, "package.generated")
    assert_points_inside(module_findings(forced, Config(), all_codes), lines)
    # The client-flow records and the project judge, as for a project using Nylas.
    flow = module_facts(tree, "generated.py", lines, "package.generated", flow=True)
    judged = judge_project({"generated.py": flow}, [], Config(), all_codes)
    assert_points_inside(judged.findings, lines)


@fuzz_settings(100)
@given(source=hypothesmith.from_grammar())
def test_programs_from_the_grammar(source: str) -> None:
    analyse_generated(source)


@fuzz_settings(20)
@given(source=hypothesmith.from_node())
def test_programs_from_syntax_nodes(source: str) -> None:
    analyse_generated(source)


# -- mutated fixtures ---------------------------------------------------------------------

Edit = tuple[int, int, int, str]  # line (1-based), start col, end col (characters), text


def apply_edits(source: str, edits: list[Edit]) -> str:
    lines = source_lines(source)
    # From the end backwards, so earlier offsets stay valid.
    for line, start, end, text in sorted(edits, reverse=True):
        current = lines[line - 1]
        lines[line - 1] = current[:start] + text + current[end:]
    return "".join(lines)


def char_col(line: str, byte_col: int) -> int:
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", "replace"))


def single_line_span(lines: list[str], node: ast.expr) -> tuple[int, int, int] | None:
    if node.end_lineno != node.lineno or node.end_col_offset is None:
        return None
    text = lines[node.lineno - 1]
    return node.lineno, char_col(text, node.col_offset), char_col(text, node.end_col_offset)


def scope_items(source: str) -> list[tuple[int, int, int]]:
    """Spans of the string elements of every list, tuple and set literal."""
    lines = source_lines(source)
    spans = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            for element in node.elts:
                if isinstance(element, ast.Constant) and isinstance(element.value, str):
                    span = single_line_span(lines, element)
                    if span is not None:
                        spans.append(span)
    return sorted(set(spans))


def provider_values(source: str) -> list[tuple[int, int, int]]:
    """Spans of ``provider=`` arguments and ``"provider"`` dict values."""
    lines = source_lines(source)
    values: list[ast.expr] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.keyword) and node.arg == "provider":
            values.append(node.value)
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value == "provider":
                    values.append(value)
    spans = [single_line_span(lines, value) for value in values]
    return sorted({span for span in spans if span is not None})


WRAPPERS: dict[str, Callable[[str], str]] = {
    "list": lambda item: f"[{item}]",
    "tuple": lambda item: f"({item},)",
    "parentheses": lambda item: f"({item})",
    "call": lambda item: f"scopes_for({item})",
    "starred": lambda item: f"*{item}",
    "plus list": lambda item: f"{item} + ['email.send']",
    "plus string": lambda item: f"'email.' + {item}",
    "twice": lambda item: f"{item} + {item}",
    "join": lambda item: f"','.join([{item}])",
    "set": lambda item: f"{{{item}}}",
    "conditional": lambda item: f"({item} if FLAG else None)",
}

PROVIDER_TEXTS = sorted(PROVIDER_VALUES) + ["GMAIL", " gmail ", "", "gmail,office365", "nylas"]
PROVIDER_EXPRESSIONS = st.one_of(
    st.sampled_from(PROVIDER_TEXTS).map(repr),
    st.text(max_size=12).map(repr),
    st.sampled_from(["None", "42", "PROVIDER", "f'{kind}'", "provider_for(email)", "b'gmail'"]),
)

CONFIG_PROVIDERS = st.lists(st.sampled_from(sorted(PROVIDER_VALUES)), max_size=3)

FIXTURE_NAMES = st.sampled_from(sorted(SOURCES))


@fuzz_settings(200)
@given(name=FIXTURE_NAMES, data=st.data())
def test_deleted_tokens(name: str, data: st.DataObject) -> None:
    source = SOURCES[name]
    tokens = [
        token for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type not in (tokenize.ENDMARKER, tokenize.DEDENT) and token.string
        and token.start[0] == token.end[0]
    ]
    chosen = data.draw(st.lists(st.sampled_from(tokens), min_size=1, max_size=3, unique=True))
    edits = [(token.start[0], token.start[1], token.end[1], "") for token in chosen]
    check_both_front_ends(apply_edits(source, edits), Config())


@fuzz_settings(300)
@given(name=FIXTURE_NAMES, data=st.data(), providers=CONFIG_PROVIDERS)
def test_wrapped_scope_items(name: str, data: st.DataObject, providers: list[str]) -> None:
    source = SOURCES[name]
    items = scope_items(source)
    if not items:
        return
    chosen = data.draw(st.lists(st.sampled_from(items), min_size=1, max_size=4, unique=True))
    edits = []
    for line, start, end in chosen:
        text = source_lines(source)[line - 1][start:end]
        for wrapper in data.draw(st.lists(st.sampled_from(sorted(WRAPPERS)), min_size=1,
                                          max_size=4)):
            text = WRAPPERS[wrapper](text)
        edits.append((line, start, end, text))
    check_both_front_ends(apply_edits(source, edits), make_config(providers=providers))


@fuzz_settings(100)
@given(name=FIXTURE_NAMES, data=st.data(), providers=CONFIG_PROVIDERS)
def test_random_provider_values(name: str, data: st.DataObject, providers: list[str]) -> None:
    source = SOURCES[name]
    spans = provider_values(source)
    if not spans:
        return
    edits = [(line, start, end, data.draw(PROVIDER_EXPRESSIONS)) for line, start, end in spans]
    check_both_front_ends(apply_edits(source, edits), make_config(providers=providers))


@fuzz_settings(200)
@given(values=st.lists(st.text(max_size=10), max_size=4))
def test_configured_providers_are_accepted_or_rejected_cleanly(values: list[str]) -> None:
    try:
        config = make_config(providers=values)
    except ConfigError as error:
        assert str(error).startswith("--nylas-providers: unknown provider ")
        assert "\n" not in str(error)
    else:
        assert set(config.providers) <= set(PROVIDER_VALUES)


def test_mutation_sites_exist() -> None:
    # The mutation tests are only as good as the places they can mutate.
    assert sum(len(scope_items(source)) for source in SOURCES.values()) > 50
    assert sum(len(provider_values(source)) for source in SOURCES.values()) > 10


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_unmutated_fixtures_pass_the_same_checks(name: str) -> None:
    check_both_front_ends(SOURCES[name], Config())
