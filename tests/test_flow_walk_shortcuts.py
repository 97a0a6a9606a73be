"""The flow pass skips work whose answer it already has or that would do nothing;
what it records is the same as a full walk's."""

from __future__ import annotations

import ast
import textwrap

from flake8_nylas_scopes.analysis import flow_extract
from flake8_nylas_scopes.project.reading import facts_for_source


def _flow(source: str):  # type: ignore[no-untyped-def]
    flow = facts_for_source("m.py", textwrap.dedent(source), flow=True).flow
    assert flow is not None
    return flow


def test_only_fields_that_look_at_nothing_are_skipped() -> None:
    # An attribute's owner, a keyword's value: walking a name there does nothing.
    assert flow_extract._roles(ast.Attribute)[1] == "value"
    assert flow_extract._roles(ast.keyword)[1] == "value"
    # A raised object escapes and a condition is read: never skipped.
    assert flow_extract._roles(ast.Raise)[1] == ""
    assert flow_extract._roles(ast.If)[1] == ""
    assert flow_extract._roles(ast.Compare)[1] == ""


def test_a_client_raised_or_formatted_through_an_attribute_is_still_seen() -> None:
    flow = _flow("""\
        from nylas import APIClient

        def check(token):
            client = APIClient("id", "secret", token)
            print(f"{client.account}")
            raise client.messages
    """)
    # The f-string reads ``client.account``; the raise lets ``client.messages`` escape.
    assert [read.span.line for read in flow.reads] == [5]
    assert any(sink.span.line == 6 for sink in flow.sinks)


def test_self_attribute_keys_differ_between_methods_and_comprehensions() -> None:
    flow = _flow("""\
        from nylas import APIClient

        class Box:
            def __init__(self, token):
                self.client = APIClient("id", "secret", token)

            def all(self):
                return [self.client.messages.all() for _ in range(2)]

        def plain(self):
            return self.client.messages.all()
    """)
    # ``self.client`` in a method, also inside its comprehension, is the class
    # attribute; in a plain function ``self`` is only a parameter.
    roots = sorted((use.span.line, use.root.kind if use.root else "") for use in flow.uses)
    assert (8, "sym") in roots and (11, "attr") in roots
    names = {use.span.line: use.root.name for use in flow.uses if use.root is not None}
    assert names[8].endswith("m.Box.client")
    assert names[11] == "client"


def test_a_proving_branch_still_narrows_an_attribute_s_owner() -> None:
    flow = _flow("""\
        from nylas import Client

        def run(raw):
            raw.messages.list("grant")
            assert isinstance(raw, Client)
            raw.messages.list("grant")
    """)
    kinds = sorted((use.span.line, use.root.kind) for use in flow.uses if use.root)
    # Before the test the parameter, after it an instance of the client class.
    assert kinds == [(4, "sym"), (6, "instance")]
