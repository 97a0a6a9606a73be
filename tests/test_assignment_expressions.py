"""A name an assignment expression binds (``print(drafts := list(...))``) is a local
of the function around it, wherever the expression stands, as Python has it."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from flake8_nylas_scopes.analysis.bindings import assignment_expression_targets
from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

AUTH = """\
from nylas import APIClient

URL = APIClient("id", "secret").authentication_url(
    "https://app.example.com/cb", scopes=["email.read_only", "email.send"])
"""

OUTBOX = """\
from nylas import APIClient


def flush(token):
    client = APIClient("id", "secret", token)
    {binding}
    for draft in drafts:
        {action}
"""

_BINDINGS = {
    "an assignment's value": "kept = (drafts := list(client.drafts.all()))",
    "a call's argument": "print(drafts := list(client.drafts.all()))",
    "an assertion": "assert (drafts := list(client.drafts.all()))",
    "a comprehension's condition": (
        "kept = [d for x in client.drafts.all() if (drafts := [x])]"),
}


def _codes(tmp_path: Path, outbox: str) -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(AUTH)
    (tmp_path / "outbox.py").write_text(outbox)
    result = analyse([str(tmp_path)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


@pytest.mark.parametrize("binding", _BINDINGS.values(), ids=_BINDINGS.keys())
def test_the_drafts_an_assignment_expression_binds_are_followed(
        tmp_path: Path, binding: str) -> None:
    outbox = OUTBOX.format(binding=binding, action="draft.send()")
    assert _codes(tmp_path, outbox) == []


@pytest.mark.parametrize("binding", _BINDINGS.values(), ids=_BINDINGS.keys())
def test_drafts_an_assignment_expression_binds_and_only_reads_leave_send_unused(
        tmp_path: Path, binding: str) -> None:
    outbox = OUTBOX.format(binding=binding, action="print(draft.subject)")
    assert _codes(tmp_path, outbox) == [("auth.py", 4, "NYS303")]


def test_each_binds_in_the_scope_python_gives_it() -> None:
    tree = ast.parse(textwrap.dedent("""\
        @register(a := 1)
        def outer(x=(b := 2)):
            print(c := 3)
            [y for z in w if (y := z)]
            keep = lambda: (q := 4)

            def inner():
                return (r := 5)


        class Kept:
            (k := 6)
    """))
    found = {getattr(scope, "name", ""): sorted(target.id for target in targets
                                                 if isinstance(target, ast.Name))
             for scope, targets in assignment_expression_targets(tree).items()}
    # ``a`` and ``b`` bind at module level, ``q`` in the lambda, ``k`` in the class.
    assert found == {"outer": ["c", "y"], "inner": ["r"]}
