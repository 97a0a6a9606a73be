"""The client-flow pass computes each expression's symbolic value once.

A value is built from the values of the names it reads, and each name's from its own
assignment: recomputing them at every use made chains of reassignments
(``v1 = v0.messages.where()``, ``v2 = v1...``) exponential, minutes for one short file.
"""

from __future__ import annotations

import ast

import pytest

from flake8_nylas_scopes.analysis import flow_extract
from flake8_nylas_scopes.analysis.facts_values import ValueState
from flake8_nylas_scopes.project.reading import facts_for_source


def _chained_module(links: int) -> str:
    lines = ["from nylas import APIClient", "v0 = APIClient()"]
    lines += [f"v{i} = v{i - 1}.messages.where(v{i - 1}, key=v{i - 1})" for i in range(1, links)]
    lines.append(f"for m in v{links - 1}:\n    m.save()")
    chain = "".join(".where()" for _ in range(links))
    lines.append(f"w = v0.threads{chain}.first().messages.all()")
    return "\n".join(lines) + "\n"


def test_each_expression_is_valued_at_most_once(monkeypatch: pytest.MonkeyPatch) -> None:
    source = _chained_module(40)
    nodes = sum(1 for _ in ast.walk(ast.parse(source)))
    calls = 0
    real = flow_extract.FlowExtractor._value

    def counted(self: flow_extract.FlowExtractor, node: ast.expr) -> object:
        nonlocal calls
        calls += 1
        if calls > nodes:
            raise AssertionError(f"more values computed than the module has nodes ({nodes})")
        return real(self, node)

    monkeypatch.setattr(flow_extract.FlowExtractor, "_value", counted)
    facts = facts_for_source("chained.py", source, flow=True)
    assert facts.flow is not None and facts.flow.uses


WRAPPED = '''\
from nylas import APIClient

client = APIClient("id", "secret")
SCOPES = "Calendar.read_only, email.send"
LABEL = "connect your mailbox"


def start(scopes, label=""):
    return client.authentication_url("https://app.example/cb", scopes=scopes)


start(SCOPES)
start(scopes="contacts")
start(LABEL, label="https://app.example/help")
start("https://app.example/cb", label=LABEL)
'''


def test_plain_strings_passed_to_calls_are_not_read_as_scopes() -> None:
    # Only arguments whose text names a scope family are read as scopes values
    # (a wrapper may forward them to the SDK); other strings are skipped unread.
    flow = facts_for_source("wrapped.py", WRAPPED, flow=True).flow
    assert flow is not None
    recorded = [
        (argument.position, argument.keyword, [item.text.strip() for item in argument.value.items])
        for argument in flow.scope_args
    ]
    # ``scopes=scopes`` in ``start``: a value named for scopes the analysis cannot
    # read is recorded unread, so that a wrapper it reaches says so.
    assert recorded == [
        (-1, "scopes", []),
        (0, "", ["Calendar.read_only", "email.send"]),
        (-1, "scopes", ["contacts"]),
    ]
    assert [argument.value.state for argument in flow.scope_args][0] is (
        ValueState.UNRESOLVED)


HANDED_OVER = '''\
from nylas import APIClient


def connect(token):
    scopes = ["email.read_only"]
    extra = scopes
    return APIClient("id", "secret", token).authentication_url(
        "https://app.example/cb", scopes=scopes)
'''


def test_a_body_s_hand_overs_of_a_name_are_counted_once_per_module(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Both passes ask whether ``scopes`` is handed over more than once: one walk of
    # the body answers both.
    from flake8_nylas_scopes.analysis import bindings, extract

    asked: list[str] = []

    def counted(body: list[ast.stmt], name: str, *rest: object) -> int:
        asked.append(name)
        return bindings.hand_overs(body, name, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(extract, "hand_overs", counted)
    monkeypatch.setattr(flow_extract, "hand_overs", counted)
    facts = facts_for_source("connect.py", HANDED_OVER, flow=True)
    assert asked.count("scopes") == 1
    # Handed over twice (``extra = scopes`` and the request): not read as the list.
    assert [site.value.state.value for site in facts.sites] == ["unresolved"]


NESTED_STATEMENTS = '''\
import os
if os.environ:
    A = 1
else:
    try:
        B = 2
    except KeyError:
        C = 3
    finally:
        D = 4
match A:
    case 1:
        E = 5
def f():
    F = 6
    with open("x") as g:
        G = 7
class K:
    H = 8
    def m(self):
        I = 9
'''


def test_every_statement_is_found_with_whether_a_definition_holds_it() -> None:
    # The statements the changes of a module's lists are looked for in: those of
    # every block (handlers and cases too), each once, with those of a function or
    # a class marked.
    from flake8_nylas_scopes.analysis.extract import _statements_with_depth

    tree = ast.parse(NESTED_STATEMENTS)
    found = [(statement.lineno, nested) for statement, nested in _statements_with_depth(tree.body)]
    assert sorted(found) == [
        (1, False), (2, False), (3, False), (5, False), (6, False), (8, False),
        (10, False), (11, False), (13, False), (14, False), (15, True), (16, True),
        (17, True), (18, False), (19, True), (20, True), (21, True),
    ]


def test_every_statement_of_a_module_is_found_once() -> None:
    # The statements the module's imports are read from (also those of a function,
    # a handler or a case), each once, in the order of the source where no block
    # follows another.
    from flake8_nylas_scopes.analysis.bindings import all_statements

    tree = ast.parse(NESTED_STATEMENTS)
    lines = [statement.lineno for statement in all_statements(tree.body)]
    assert sorted(lines) == [1, 2, 3, 5, 6, 8, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21]
    assert len(set(lines)) == len(lines)


def test_a_module_that_names_exec_only_as_a_method_runs_no_code_in_its_names() -> None:
    from flake8_nylas_scopes.analysis.own_namespace import may_write_own_namespace

    assert not may_write_own_namespace("cursor.execute(query)\nscore = evaluate(model)\n")
    assert may_write_own_namespace("run = exec\n")
    assert may_write_own_namespace("handlers = [eval]\n")
    assert not may_write_own_namespace("SCOPES = ['email.read_only']\n")
