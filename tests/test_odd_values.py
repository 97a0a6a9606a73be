"""Scope values of odd shapes never crash the analysis and never produce guesses."""

from __future__ import annotations

import ast

import pytest

from flake8_nylas_scopes.analysis.module import module_facts

from flake8_nylas_scopes.judging.module_findings import module_findings
from flake8_nylas_scopes.settings.config import Config, all_codes

ODD_VALUES = [
    "42",
    "None",
    "[1, 2, 3]",
    "[None, 'email.send']",
    "[['email.send'], 'email.read_only']",
    "[*OTHER, 'email.send']",
    "[*'email.send']",
    "get_scopes()",
    "{'email.send': True}",
    "lambda: ['email.send']",
    "f'email.{kind}'",
    "b'email.send'",
    "'email.send' if debug else 'email.read_only'",
    "SCOPES[0]",
    "','.join(x for x in ['email.send'])",
    "','.join()",
    "','.join(1, 2)",
    "'email.send' + 1",
    "[] + 'email.send'",
    "('email.send',) * 2",
    "[...]",
    "{**extra}",
    "set()",
    "list('email.send')",
    "await scopes()",
    "(yield)",
    "SELF_REFERENCE",
]

TEMPLATE = """\
from nylas import APIClient
SELF_REFERENCE = SELF_REFERENCE
client = APIClient()
async def f(debug, kind, extra):
    client.authentication_url("https://a/cb", scopes={value})
    client.authentication_url("https://a/cb", "", "", {value}, {value})
"""


@pytest.mark.parametrize("value", ODD_VALUES)
def test_odd_value_does_not_crash(value: str) -> None:
    source = TEMPLATE.format(value=value)
    lines = source.splitlines(keepends=True)
    facts = module_facts(ast.parse(source), "odd.py", lines)
    findings = module_findings(facts, Config(), all_codes)
    # Nothing in these values is a readable list of known scopes, so the only
    # possible findings are about the shape: none of the set-level rules may guess.
    assert {finding.code for finding in findings} <= {"NYS101", "NYS102", "NYS107"}


def test_recursive_constant_chain_is_bounded() -> None:
    source = "from nylas import APIClient\nA = B\nB = A\nAPIClient().authentication_url('x', scopes=A)\n"
    facts = module_facts(ast.parse(source), "loop.py", source.splitlines(keepends=True))
    assert module_findings(facts, Config(), all_codes) == []
