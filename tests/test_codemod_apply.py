"""Applying fixes to a tree, with hand-made findings where the analysis does not (yet)
emit the action: APPEND and SET_SCOPES come from the usage rules."""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from flake8_nylas_scopes.analysis.facts import ItemForm, Span
from flake8_nylas_scopes.findings import Finding, Fix, FixAction
from flake8_nylas_scopes.fix.apply import apply_fixes
from flake8_nylas_scopes.fix.plan import PlannedFix

PATH = "app.py"


def span_of(source: str, text: str, occurrence: int = 0) -> Span:
    """The span of the ``occurrence``-th ``text`` in ``source`` (character columns)."""
    start = -1
    for _ in range(occurrence + 1):
        start = source.index(text, start + 1)
    end = start + len(text)
    line = source.count("\n", 0, start) + 1
    col = start - (source.rfind("\n", 0, start) + 1)
    end_line = source.count("\n", 0, end) + 1
    end_col = end - (source.rfind("\n", 0, end) + 1)
    return Span(PATH, line, col, end_line, end_col)


def planned(
    code: str,
    action: FixAction,
    span: Span,
    part: int = 0,
    text: str = "",
    replacement: tuple[str, ...] = (),
    form: ItemForm | None = None,
) -> PlannedFix:
    fix = Fix(action, span, part, text, replacement)
    return PlannedFix(fix, (Finding(code, span, f"{code} test", fix),), form)


def apply(source: str, *fixes: PlannedFix) -> tuple[str, list[str]]:
    result = apply_fixes(cst.parse_module(source), fixes)
    return result.module.code, [skipped.reason for skipped in result.skipped]


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


# -- APPEND ------------------------------------------------------------------------------


def test_append_to_a_one_line_list() -> None:
    source = 'url = c.authentication_url("cb", scopes=["email.read_only"])\n'
    fix = planned("NYS301", FixAction.APPEND, span_of(source, '["email.read_only"]'),
                  replacement=("email.send",))
    assert apply(source, fix) == (
        'url = c.authentication_url("cb", scopes=["email.read_only", "email.send"])\n', []
    )


def test_append_to_a_multi_line_list_keeps_comments_where_they_were() -> None:
    source = dedent(
        """
        SCOPES = [
            "email.read_only",  # the inbox
            # more to come
        ]
        """
    )
    fix = planned("NYS301", FixAction.APPEND, span_of(source, source[9:-1]),
                  replacement=("email.send", "calendar"))
    assert apply(source, fix)[0] == dedent(
        """
        SCOPES = [
            "email.read_only",  # the inbox
            "email.send",
            "calendar",
            # more to come
        ]
        """
    )


def test_append_to_a_multi_line_list_without_trailing_comma() -> None:
    source = 'SCOPES = [\n    "calendar"  # agenda\n]\n'
    fix = planned("NYS301", FixAction.APPEND, span_of(source, source[9:-1]),
                  replacement=("contacts",))
    assert apply(source, fix)[0] == 'SCOPES = [\n    "calendar",  # agenda\n    "contacts"\n]\n'


def test_append_to_a_one_element_tuple_drops_the_now_needless_comma() -> None:
    source = "SCOPES = ('calendar',)\n"
    fix = planned("NYS301", FixAction.APPEND, span_of(source, "('calendar',)"),
                  replacement=("contacts",))
    assert apply(source, fix)[0] == "SCOPES = ('calendar', 'contacts')\n"


def test_append_to_a_comma_joined_string() -> None:
    source = 'body = {"scopes": "calendar"}\n'
    fix = planned("NYS301", FixAction.APPEND, span_of(source, '"calendar"'),
                  replacement=("email.send",))
    assert apply(source, fix)[0] == 'body = {"scopes": "calendar,email.send"}\n'


def test_appends_to_one_list_compose_and_never_repeat_a_scope() -> None:
    source = 'SCOPES = ["calendar"]\n'
    span = span_of(source, '["calendar"]')
    first = planned("NYS301", FixAction.APPEND, span, replacement=("email.send", "calendar"))
    second = planned("NYS301", FixAction.APPEND, span, replacement=("contacts", "email.send"))
    assert apply(source, first, second)[0] == (
        'SCOPES = ["calendar", "email.send", "contacts"]\n'
    )


def test_append_and_remove_in_one_list_compose() -> None:
    source = 'SCOPES = ["email.modify", "email.read_only"]\n'
    append = planned("NYS301", FixAction.APPEND, span_of(source, source[9:-1]),
                     replacement=("calendar",))
    remove = planned("NYS104", FixAction.REMOVE, span_of(source, '"email.read_only"'),
                     text="email.read_only")
    assert apply(source, append, remove)[0] == 'SCOPES = ["email.modify", "calendar"]\n'


# -- SET_SCOPES --------------------------------------------------------------------------


def test_set_scopes_on_a_one_line_call() -> None:
    source = "url = client.authentication_url('https://app.example.com/cb')\n"
    call = "client.authentication_url('https://app.example.com/cb')"
    fix = planned("NYS105", FixAction.SET_SCOPES, span_of(source, call),
                  replacement=("email.read_only", "calendar"))
    assert apply(source, fix)[0] == (
        "url = client.authentication_url('https://app.example.com/cb', "
        "scopes=['email.read_only', 'calendar'])\n"
    )


def test_set_scopes_on_a_multi_line_call_goes_on_its_own_line() -> None:
    source = dedent(
        """
        def login():
            return client.authentication_url(
                redirect_uri="https://app.example.com/cb",
                state="csrf",  # from the session
            )
        """
    )
    call = source[source.index("client"):source.rindex(")") + 1]
    fix = planned("NYS105", FixAction.SET_SCOPES, span_of(source, call),
                  replacement=("email.read_only",))
    assert apply(source, fix)[0] == dedent(
        """
        def login():
            return client.authentication_url(
                redirect_uri="https://app.example.com/cb",
                state="csrf",  # from the session
                scopes=["email.read_only"],
            )
        """
    )


def test_set_scopes_on_a_call_without_arguments() -> None:
    source = "url = client.authentication_url()\n"
    fix = planned("NYS105", FixAction.SET_SCOPES, span_of(source, "client.authentication_url()"),
                  replacement=("calendar",))
    assert apply(source, fix)[0] == 'url = client.authentication_url(scopes=["calendar"])\n'


@pytest.mark.parametrize(
    ("call", "reason"),
    [
        ('c.authentication_url("cb", scopes=None)', "the call already passes scopes"),
        ('c.authentication_url("cb", **options)', "*args or **kwargs"),
        ('c.authentication_url("cb", "", "", ["calendar"])', "as a positional argument"),
    ],
)
def test_set_scopes_never_overrides_scopes_the_call_may_pass(call: str, reason: str) -> None:
    source = f"url = {call}\n"
    fix = planned("NYS105", FixAction.SET_SCOPES, span_of(source, call), replacement=("calendar",))
    code, skipped = apply(source, fix)
    assert code == source
    assert len(skipped) == 1 and reason in skipped[0]


def test_set_scopes_needs_a_call_at_the_span() -> None:
    source = 'body = {"client_id": "x"}\n'
    fix = planned("NYS105", FixAction.SET_SCOPES, span_of(source, '{"client_id": "x"}'),
                  replacement=("calendar",))
    assert apply(source, fix) == (source, ["no call found at this position"])


# -- REMOVE / REPLACE details ------------------------------------------------------------


def test_two_parts_of_one_string_are_removed_together() -> None:
    source = 'S = "contacts,calendar,contacts,calendar"\n'
    span = span_of(source, source[4:-1])
    fixes = [
        planned("NYS103", FixAction.REMOVE, span, part, text, form=ItemForm.STRING_PART)
        for part, text in ((2, "contacts"), (3, "calendar"))
    ]
    assert apply(source, *fixes)[0] == 'S = "contacts,calendar"\n'


def test_conflicting_fixes_of_one_item_are_both_skipped() -> None:
    source = 'S = ["Calendar", "contacts"]\n'
    span = span_of(source, '"Calendar"')
    remove = planned("NYS103", FixAction.REMOVE, span, text="Calendar")
    replace = planned("NYS102", FixAction.REPLACE, span, text="Calendar",
                      replacement=("calendar",))
    code, skipped = apply(source, remove, replace)
    assert code == source
    assert skipped == ["another fix changes the same item differently"] * 2


def test_a_whole_item_fix_and_a_part_fix_of_one_string_conflict() -> None:
    source = 'S = ["a,b", "calendar"]\n'
    span = span_of(source, '"a,b"')
    split = planned("NYS102", FixAction.REPLACE, span, text="a,b", replacement=("a", "b"),
                    form=ItemForm.LIST_ITEM)
    part = planned("NYS103", FixAction.REMOVE, span, 1, "b", form=ItemForm.STRING_PART)
    code, skipped = apply(source, split, part)
    assert code == source and len(skipped) == 2


def test_a_fix_pointing_nowhere_is_skipped_not_guessed() -> None:
    source = 'S = ["calendar", "contacts"]\n'
    off_by_one = Span(PATH, 1, 6, 1, 16)
    fix = planned("NYS104", FixAction.REMOVE, off_by_one, text="calendar")
    assert apply(source, fix) == (source, ["no string literal found at this position"])


def test_a_fix_for_other_text_than_the_source_holds_is_skipped() -> None:
    source = 'S = ["calendar", "contacts"]\n'
    fix = planned("NYS104", FixAction.REMOVE, span_of(source, '"calendar"'), text="contacts",
                  form=ItemForm.LIST_ITEM)
    assert apply(source, fix) == (source, ["the string here is not 'contacts'"])


def test_a_string_with_escapes_is_left_to_a_person() -> None:
    source = 'S = "contacts,\\x63ontacts"\n'
    fix = planned("NYS103", FixAction.REMOVE, span_of(source, source[4:-1]), 1, "contacts",
                  form=ItemForm.STRING_PART)
    code, skipped = apply(source, fix)
    assert code == source and "escapes" in skipped[0]


def test_the_last_item_of_a_list_is_never_removed() -> None:
    source = 'S = ["calendar"]\nT = {"contacts"}\n'
    fixes = [
        planned("NYS104", FixAction.REMOVE, span_of(source, '"calendar"'), text="calendar"),
        planned("NYS104", FixAction.REMOVE, span_of(source, '"contacts"'), text="contacts"),
    ]
    code, skipped = apply(source, *fixes)
    assert code == source and len(skipped) == 2


def test_a_parenthesised_item_is_found_and_removed() -> None:
    source = 'S = ["contacts", ("contacts")]\n'
    fix = planned("NYS103", FixAction.REMOVE, span_of(source, '"contacts"', 1), text="contacts")
    assert apply(source, fix)[0] == 'S = ["contacts"]\n'


def test_an_item_held_by_a_name_can_be_renamed_but_not_removed() -> None:
    source = 'READ = "Email.Read_Only"\nS = [READ, "calendar"]\n'
    span = span_of(source, '"Email.Read_Only"')
    replace = planned("NYS102", FixAction.REPLACE, span, text="Email.Read_Only",
                      replacement=("email.read_only",), form=ItemForm.LIST_ITEM)
    assert apply(source, replace)[0] == source.replace("Email.Read_Only", "email.read_only")
    remove = planned("NYS104", FixAction.REMOVE, span, text="Email.Read_Only",
                     form=ItemForm.LIST_ITEM)
    code, skipped = apply(source, remove)
    assert code == source and "value of a name" in skipped[0]


def test_a_split_item_on_its_own_line_becomes_one_line_per_scope() -> None:
    source = dedent(
        """
        S = [
            "calendar",
            "email.read_only,email.send",  # both at once
        ]
        """
    )
    span = span_of(source, '"email.read_only,email.send"')
    fix = planned("NYS102", FixAction.REPLACE, span, text="email.read_only,email.send",
                  replacement=("email.read_only", "email.send"), form=ItemForm.LIST_ITEM)
    assert apply(source, fix)[0] == dedent(
        """
        S = [
            "calendar",
            "email.read_only",
            "email.send",  # both at once
        ]
        """
    )


def test_only_the_edited_nodes_are_reported_to_the_guard() -> None:
    source = 'S = ("calendar", "calendar.read_only")\nT = ["x"]\n'
    fix = planned("NYS104", FixAction.REMOVE, span_of(source, '"calendar.read_only"'),
                  text="calendar.read_only")
    result = apply_fixes(cst.parse_module(source), [fix])
    # The tuple, as ``ast`` spans it (its parentheses included).
    assert result.edited == {(1, 4, 1, 38)}


# -- elements spelled by expressions -----------------------------------------------------

_SPELLED = dedent(
    """
    G = "https://www.googleapis.com/auth/"
    S = [
        "https://www.googleapis.com/auth/calendar",  # events
        G + "gmail.readonly",  # mail
        f"{G}contacts",
    ]
    """
)
_GMAIL = "https://www.googleapis.com/auth/gmail.readonly"


def _spelled_removal(element: str, text: str, exact: bool = True) -> PlannedFix:
    span = span_of(_SPELLED, element)
    fix = Fix(FixAction.REMOVE, span, 0, text)
    return PlannedFix(fix, (Finding("NYS303", span, "NYS303 test", fix),),
                      ItemForm.LIST_ITEM, exact=exact)


def test_a_whole_element_spelled_with_an_operator_is_removed_with_its_line() -> None:
    code, skipped = apply(_SPELLED, _spelled_removal('G + "gmail.readonly"', _GMAIL))
    assert skipped == []
    # The line goes with its comment; the other elements and comments stay.
    assert code == _SPELLED.replace('    G + "gmail.readonly",  # mail\n', "")
    # Applied again to its own output: no such element is left to point at.
    again, skipped = apply(code, _spelled_removal('G + "gmail.readonly"', _GMAIL))
    assert again == code and skipped


def test_a_whole_f_string_element_is_removed() -> None:
    removal = _spelled_removal('f"{G}contacts"', "https://www.googleapis.com/auth/contacts")
    code, skipped = apply(_SPELLED, removal)
    assert skipped == [] and code == _SPELLED.replace('    f"{G}contacts",\n', "")


def test_an_element_not_every_request_reads_as_that_scope_is_left() -> None:
    # Control: the plan could not say every request reads the element as this one
    # scope (alternatives, or a string split elsewhere): the element stays.
    code, skipped = apply(
        _SPELLED, _spelled_removal('G + "gmail.readonly"', _GMAIL, exact=False))
    assert code == _SPELLED
    assert skipped == ["the scopes are written as an expression built with an operator; "
                       "fix it by hand"]


def test_an_edit_inside_an_element_spelled_with_an_operator_is_refused() -> None:
    # Control: a narrower scope in its place would be an edit of the expression.
    span = span_of(_SPELLED, 'G + "gmail.readonly"')
    fix = Fix(FixAction.REPLACE, span, 0, _GMAIL,
              ("https://www.googleapis.com/auth/gmail.metadata",))
    narrower = PlannedFix(fix, (Finding("NYS302", span, "NYS302 test", fix),),
                          ItemForm.LIST_ITEM, exact=True)
    code, skipped = apply(_SPELLED, narrower)
    assert code == _SPELLED and "built with an operator" in skipped[0]


def test_a_name_bound_to_an_expression_is_removed_where_it_is_used_only() -> None:
    # Control: ``GMAIL = G + "gmail.readonly"`` is the whole value of a name; the
    # list naming it is where the user removes it.
    source = 'G = "https://www.googleapis.com/auth/"\nGMAIL = G + "gmail.readonly"\nS = [GMAIL]\n'
    span = span_of(source, 'G + "gmail.readonly"')
    fix = Fix(FixAction.REMOVE, span, 0, _GMAIL)
    removal = PlannedFix(fix, (Finding("NYS303", span, "NYS303 test", fix),),
                         ItemForm.LIST_ITEM, exact=True)
    code, skipped = apply(source, removal)
    assert code == source and "whole value of a name" in skipped[0]


def test_a_part_of_a_joined_string_bound_to_a_name_keeps_its_reason() -> None:
    # Control: a scope inside a URL bound to a name (the item is a part of the
    # string, not its whole value) is refused for how the string is written.
    source = 'URL = ("https://a/auth?scope=Mail.Read%20"\n       "Mail.ReadWrite")\n'
    span = span_of(source, '"https://a/auth?scope=Mail.Read%20"\n       "Mail.ReadWrite"')
    fix = Fix(FixAction.REMOVE, span, 0, "Mail.Read")
    removal = PlannedFix(fix, (Finding("NYS403", span, "NYS403 test", fix),),
                         ItemForm.STRING_PART)
    code, skipped = apply(source, removal)
    assert code == source
    assert skipped == ["the scopes are written as an implicitly concatenated string; "
                       "fix it by hand"]
