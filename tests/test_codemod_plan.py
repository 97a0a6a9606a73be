"""Choosing fixes (safety, noqa, shared items) and the last check before writing."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from codemod_support import run_cli

from flake8_nylas_scopes.fix import apply as fix_apply
from flake8_nylas_scopes.settings.config import DEFAULT_CONFIG, default_code_filter
from flake8_nylas_scopes.fix.guard import unexpected_change
from flake8_nylas_scopes.analysis.facts import Span
from flake8_nylas_scopes.findings import Finding, Fix, FixAction
from flake8_nylas_scopes.fix.plan import FixPolicy, plan_fixes
from flake8_nylas_scopes.settings.noqa import NoqaLines, noqa_suppresses

SPAN = Span("app.py", 3, 4, 3, 14)


def finding(code: str) -> Finding:
    return Finding(code, SPAN, code, Fix(FixAction.REMOVE, SPAN, 0, "calendar"))


@pytest.mark.parametrize(
    ("code", "unsafe", "planned"),
    [
        ("NYS104", False, True),  # safe
        ("NYS101", False, False),  # unsafe, not asked for
        ("NYS101", True, True),
        ("NYS107", True, False),  # the registry says no fix, whatever the finding carries
        ("NYS999", True, False),  # not a code at all
    ],
)
def test_safety_comes_from_the_registry(code: str, unsafe: bool, planned: bool) -> None:
    plan = plan_fixes(
        [finding(code)], {}, DEFAULT_CONFIG, default_code_filter, FixPolicy(unsafe), lambda _: None
    )
    assert (not plan.empty) is planned


def test_a_finding_flake8_would_not_show_is_not_fixed() -> None:
    lines = ["", "", 'S = ["calendar", "calendar"]  # noqa: NYS103\n']
    plan = plan_fixes(
        [finding("NYS103")], {}, DEFAULT_CONFIG, default_code_filter, FixPolicy(),
        lambda _: NoqaLines(lines),
    )
    assert plan.empty and not plan.skipped


@pytest.mark.parametrize(
    ("line", "code", "suppressed"),
    [
        ("x  # noqa", "NYS104", True),
        ("x  # NOQA", "NYS104", True),
        ("x  # noqa: NYS104", "NYS104", True),
        ("x  # noqa:NYS104", "NYS104", True),
        ("x  # noqa: NYS1", "NYS104", True),
        ("x  # noqa: E501, NYS104", "NYS104", True),
        ("x  # noqa: E501 NYS104", "NYS104", True),
        ("x  # noqa: NYS103", "NYS104", False),
        ("x  # noqa: NYS2", "NYS104", False),
        ("x  # noqa : NYS103", "NYS104", True),  # flake8 reads this as a bare noqa
        ("x  # no qa", "NYS104", False),
    ],
)
def test_noqa_reads_like_flake8(line: str, code: str, suppressed: bool) -> None:
    assert noqa_suppresses(line, code) is suppressed


def test_noqa_after_a_multi_line_string_covers_all_its_lines() -> None:
    lines = ['S = """calendar,\n', 'calendar"""  # noqa: NYS103\n', "T = 1\n"]
    noqa = NoqaLines(lines)
    assert noqa.suppresses(1, "NYS103") and noqa.suppresses(2, "NYS103")
    assert not noqa.suppresses(3, "NYS103")


def test_a_file_marked_flake8_noqa_is_not_fixed(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    source = (
        "# flake8: noqa\nfrom nylas import APIClient\n"
        'APIClient().authentication_url("cb", scopes=["calendar", "calendar"])\n'
    )
    path.write_text(source)
    assert run_cli("fix", str(path)).code == 0
    assert path.read_text() == source


# -- the edit guard ----------------------------------------------------------------------


def test_the_guard_accepts_a_change_of_scope_strings_inside_the_edited_list() -> None:
    before = 'x = 1\nS = ["a", "b"]\n'
    after = 'x = 1\nS = ["a", "c", "d"]\n'
    assert unexpected_change(before, after, "m.py", {(2, 4, 2, 14)}) is None


@pytest.mark.parametrize(
    ("after", "problem"),
    [
        ('x = 2\nS = ["a"]\n', "Constant would change"),
        ('x = 1\nS = "a"\n', "List would become Constant"),
        ('x = 1\nS = ["a", b]\n', "not a scope string"),
        ("x = 1\nS = []\n", "left empty"),
        ('x = 1\nS = ["a"\n', "would not parse"),
    ],
)
def test_the_guard_refuses_anything_else(after: str, problem: str) -> None:
    before = 'x = 1\nS = ["a", "b"]\n'
    found = unexpected_change(before, after, "m.py", {(2, 4, 2, 14)})
    assert found is not None and problem in found


def test_the_guard_lets_only_the_elements_removed_whole_go() -> None:
    before = 'S = ["a", G + "b", G + "c"]\n'
    listed, other = (1, 10, 1, 17), (1, 19, 1, 26)
    after = 'S = ["a", G + "c"]\n'
    assert unexpected_change(before, after, "m.py", {(1, 4, 1, 27)}, {listed}) is None
    # Control: an element the fix did not say it removes, or one changed rather than
    # removed, is refused as before.
    for removed, fixed in (({other}, after), ({listed}, 'S = ["a", G + "d"]\n')):
        found = unexpected_change(before, fixed, "m.py", {(1, 4, 1, 27)}, removed)
        assert found is not None and "not a scope string" in found


def test_the_guard_checks_an_added_scopes_keyword() -> None:
    before = 'u = f("cb", state=s)\n'
    call = (1, 4, 1, 20)
    good = 'u = f("cb", state=s, scopes=["calendar"])\n'
    assert unexpected_change(before, good, "m.py", {call}) is None
    for bad in ('u = f("cb", state=t, scopes=["calendar"])\n', 'u = f("cb", state=s, x=[1])\n'):
        found = unexpected_change(before, bad, "m.py", {call})
        assert found is not None and "beyond" in found


def test_a_fix_the_guard_refuses_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "app.py"
    source = (
        "from nylas import APIClient\n"
        'APIClient().authentication_url("cb", scopes=("calendar", "calendar"))\n'
    )
    path.write_text(source)

    def broken(node: cst.BaseExpression, layout: object) -> cst.BaseExpression:
        return cst.SimpleString('"calendar"')  # a tuple turned into a string

    monkeypatch.setattr(fix_apply, "rebuild_sequence", broken)
    result = run_cli("fix", str(path))
    assert result.code == 2
    assert "Tuple would become Constant" in result.stderr
    assert "the file is left unchanged" in result.stderr
    assert path.read_text() == source


def test_a_narrower_scope_already_written_is_kept_where_it_is(tmp_path: Path) -> None:
    # 'email.modify' is overbroad (only reads) and makes 'email.read_only' redundant:
    # both fixes together leave 'email.read_only', and the written one (with its
    # comment) is the one kept.
    path = tmp_path / "app.py"
    path.write_text(
        "from nylas import APIClient\n"
        "SCOPES = [\n"
        '    "email.read_only",  # the inbox page\n'
        '    "email.modify",\n'
        "]\n"
        'APIClient().authentication_url("cb", scopes=SCOPES)\n'
        "APIClient(access_token='t').threads.all()\n"
    )
    result = run_cli("fix", "--unsafe-fixes", "--isolated", str(path))
    assert "fixed 2 findings (NYS104, NYS302)" in result.stdout, result.stderr
    assert path.read_text().splitlines()[1:4] == [
        "SCOPES = [",
        '    "email.read_only",  # the inbox page',
        "]",
    ]


def test_an_item_other_requests_read_is_replaced_not_removed(tmp_path: Path) -> None:
    # Control: 'email.modify' is also read by a request that holds no 'email.read_only',
    # so removing it there would leave that request without its narrower scope.
    path = tmp_path / "app.py"
    path.write_text(
        "from nylas import APIClient\n"
        'BASE = ["email.modify"]\n'
        'APIClient().authentication_url("cb", scopes=BASE + ["email.read_only"])\n'
        'APIClient().authentication_url("cb", scopes=BASE)\n'
        "APIClient(access_token='t').threads.all()\n"
    )
    run_cli("fix", "--unsafe-fixes", "--isolated", str(path))
    assert path.read_text().splitlines()[1] == 'BASE = ["email.read_only"]'


# An item both malformed (NYS102, stray whitespace) and not needed (NYS303): the two
# edits claim the same item, and neither was ever applied.
SPACED_UNUSED = (
    "from nylas import APIClient\n"
    "SCOPES = {scopes}\n"
    'APIClient().authentication_url("cb", scopes=SCOPES)\n'
    "APIClient(access_token='t').threads.all()\n"
)


@pytest.mark.parametrize(("scopes", "after"), [
    ('"email.read_only, contacts.read_only"', 'SCOPES = "email.read_only"'),
    ('["email.read_only", " contacts.read_only"]', 'SCOPES = ["email.read_only"]'),
])
def test_an_unneeded_item_written_with_stray_whitespace_is_removed(
        tmp_path: Path, scopes: str, after: str) -> None:
    path = tmp_path / "app.py"
    path.write_text(SPACED_UNUSED.format(scopes=scopes))
    result = run_cli("fix", "--unsafe-fixes", "--isolated", str(path))
    assert "fixed 2 findings (NYS102, NYS303)" in result.stdout, result.stderr
    assert "another fix" not in result.stderr
    assert path.read_text().splitlines()[1] == after


def test_without_unsafe_fixes_the_unneeded_item_is_only_respelled(tmp_path: Path) -> None:
    # Control: the removal is not asked for, so the respelling alone is applied.
    path = tmp_path / "app.py"
    path.write_text(SPACED_UNUSED.format(scopes='"email.read_only, contacts.read_only"'))
    result = run_cli("fix", "--isolated", str(path))
    assert "fixed 1 finding (NYS102)" in result.stdout, result.stderr
    assert path.read_text().splitlines()[1] == 'SCOPES = "email.read_only,contacts.read_only"'


def test_a_removal_takes_in_a_respelling_into_one_scope_only() -> None:
    # Control: an item respelled into two scopes names one the removal is not about.
    def planned(replacement: tuple[str, ...]) -> list[tuple[FixAction, tuple[str, ...]]]:
        respell = Finding("NYS102", SPAN, "NYS102",
                          Fix(FixAction.REPLACE, SPAN, 0, " calendar", replacement))
        remove = Finding("NYS303", SPAN, "NYS303", Fix(FixAction.REMOVE, SPAN, 0, " calendar"))
        plan = plan_fixes([respell, remove], {}, DEFAULT_CONFIG, default_code_filter,
                          FixPolicy(unsafe=True), lambda _: None)
        return [(item.fix.action, tuple(sorted(f.code for f in item.findings)))
                for item in plan.by_path["app.py"]]

    assert planned(("calendar",)) == [(FixAction.REMOVE, ("NYS102", "NYS303"))]
    assert planned(("calendar", "contacts")) == [(FixAction.REPLACE, ("NYS102",)),
                                                 (FixAction.REMOVE, ("NYS303",))]
