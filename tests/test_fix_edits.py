"""Safe fixes as exact text edits: right where they can be, absent where they cannot."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest
from tool_runs import lint_fixtures

from flake8_nylas_scopes.analysis.module import module_facts

from flake8_nylas_scopes.judging.module_findings import module_findings
from flake8_nylas_scopes.codes import CODES, FixSafety
from flake8_nylas_scopes.settings.config import Config, all_codes
from flake8_nylas_scopes.findings import Finding
from flake8_nylas_scopes.fix.text_edits import FixEditor, TextEdit

HEADER = 'from nylas import APIClient\nclient = APIClient("id", "secret")\n'
CALL = 'client.authentication_url("https://a/cb", scopes='


def findings(source: str, path: str = "app.py") -> list[Finding]:
    facts = module_facts(None, path, source.splitlines(keepends=True))
    return module_findings(facts, Config(), all_codes)


def apply(source: str, edit: TextEdit) -> str:
    lines = source.splitlines(keepends=True)
    start = sum(len(line) for line in lines[:edit.line - 1]) + edit.col
    end = sum(len(line) for line in lines[:edit.end_line - 1]) + edit.end_col
    return source[:start] + edit.text + source[end:]


def fixed(body: str, code: str) -> str | None:
    """The source after the edit of the only ``code`` finding; None without an edit."""
    source = HEADER + textwrap.dedent(body)
    (finding,) = [finding for finding in findings(source) if finding.code == code]
    assert finding.fix is not None
    edit = FixEditor("app.py", source).edit(finding.fix)
    return None if edit is None else apply(source, edit)[len(HEADER):]


def test_element_on_its_own_line_goes_with_its_line() -> None:
    body = """\
        client.authentication_url(
            "https://a/cb",
            scopes=[
                "email.read_only",
                "email.modify",
            ],
        )
        """
    assert fixed(body, "NYS104") == textwrap.dedent("""\
        client.authentication_url(
            "https://a/cb",
            scopes=[
                "email.modify",
            ],
        )
        """)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('["email.read_only", "email.modify"]', '["email.modify"]'),
        ('["email.modify", "email.read_only"]', '["email.modify"]'),
        ('["email.modify", "email.read_only",]', '["email.modify",]'),
        ('("email.modify", "email.read_only")', '("email.modify",)'),
        ('{"email.modify", "email.read_only"}', '{"email.modify"}'),
        ("['email.modify',   'email.read_only' ]", "['email.modify' ]"),
    ],
)
def test_element_on_a_shared_line(value: str, expected: str) -> None:
    assert fixed(f"{CALL}{value})\n", "NYS104") == f"{CALL}{expected})\n"


def test_comment_after_a_removed_element_stays() -> None:
    body = """\
        client.authentication_url(
            "https://a/cb",
            scopes=[
                "email.read_only",  # kept for the reports page
                "email.modify",
            ],
        )
        """
    result = fixed(body, "NYS104")
    assert result is not None
    assert '"email.read_only"' not in result
    assert "# kept for the reports page" in result
    ast.parse(result)


def test_a_bare_string_is_rewritten_whole() -> None:
    body = f'{CALL}"email.modify,email.read_only")\n'
    assert fixed(body, "NYS104") == f'{CALL}"email.modify")\n'


def test_a_part_with_whitespace_is_replaced_inside_the_string() -> None:
    body = "client.authentication_url('https://a/cb', scopes='email.read_only, email.send')\n"
    assert fixed(body, "NYS102") == (
        "client.authentication_url('https://a/cb', scopes='email.read_only,email.send')\n"
    )


def test_an_item_holding_several_scopes_becomes_several_items() -> None:
    body = 'client.authentication_url("https://a/cb", scopes=["email.read_only,email.send"])\n'
    assert fixed(body, "NYS102") == (
        'client.authentication_url("https://a/cb", scopes=["email.read_only", "email.send"])\n'
    )


def test_an_empty_item_is_removed() -> None:
    body = f'{CALL}["calendar", ""])\n'
    assert fixed(body, "NYS102") == f'{CALL}["calendar"])\n'


def test_leading_comma_layout_is_handled_or_refused() -> None:
    body = """\
        client.authentication_url(
            "https://a/cb",
            scopes=[
                "email.modify"
                , "email.read_only"
            ],
        )
        """
    result = fixed(body, "NYS104")
    assert result is not None
    assert ast.dump(ast.parse(result)) == ast.dump(
        ast.parse(textwrap.dedent(body).replace(', "email.read_only"', ""))
    )


@pytest.mark.parametrize(
    "body",
    [
        # The item is written in a constant, not in the list.
        'READ = "email.read_only"\n'
        'client.authentication_url("https://a/cb", scopes=(READ, "email.modify"))\n',
        # A string built with + has no single literal to rewrite.
        'client.authentication_url("https://a/cb", scopes="email.modify," + "email.read_only")\n',
        # Implicitly concatenated literals.
        f'{CALL}["email.modify", "email." "read_only"])\n',
        # An escape in the literal.
        f'{CALL}["email.modify", "email\\x2eread_only"])\n',
        # A raw string prefix.
        'client.authentication_url("https://a/cb", scopes=["email.modify", r"email.read_only"])\n',
    ],
)
def test_no_edit_where_it_cannot_be_exact(body: str) -> None:
    assert fixed(body, "NYS104") is None


def test_no_edit_inside_a_url() -> None:
    source = HEADER + (
        'url = "https://api.nylas.com/oauth/authorize?client_id=x&response_type=code'
        '&scopes=email.modify,email.read_only"\n'
    )
    (finding,) = [f for f in findings(source) if f.code == "NYS104"]
    assert finding.fix is not None
    assert FixEditor("app.py", source).edit(finding.fix) is None


def test_no_edit_when_removal_would_turn_a_set_into_a_dict() -> None:
    source = HEADER + 'client.authentication_url("https://a/cb", scopes={""})\n'
    (finding,) = [f for f in findings(source) if f.code == "NYS102"]
    assert finding.fix is not None
    assert FixEditor("app.py", source).edit(finding.fix) is None


@pytest.mark.parametrize("fixture", lint_fixtures(), ids=lambda path: path.name)
def test_every_fixture_edit_removes_its_finding(fixture: Path) -> None:
    source = fixture.read_text(encoding="utf-8")
    before = findings(source, str(fixture))
    editor = FixEditor(str(fixture), source)
    for finding in before:
        if finding.fix is None or CODES[finding.code].fix is not FixSafety.SAFE:
            continue
        edit = editor.edit(finding.fix)
        if edit is None:
            continue
        after = findings(apply(source, edit), str(fixture))
        assert finding not in after
        assert sum(f.code == finding.code for f in after) == (
            sum(f.code == finding.code for f in before) - 1
        )


def test_most_safe_fixes_of_the_fixtures_have_an_edit() -> None:
    total = with_edit = 0
    for fixture in lint_fixtures():
        source = fixture.read_text(encoding="utf-8")
        editor = FixEditor(str(fixture), source)
        for finding in findings(source, str(fixture)):
            if finding.fix is not None and CODES[finding.code].fix is FixSafety.SAFE:
                total += 1
                with_edit += editor.edit(finding.fix) is not None
    assert total > 15
    assert with_edit / total > 0.7
