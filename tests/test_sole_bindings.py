"""Names that hold one kind of value wherever a module binds them."""

from __future__ import annotations

import ast

import pytest

from flake8_nylas_scopes.analysis.sole_bindings import sole_bindings


def _auth_kind(value: ast.expr) -> str:
    return value.attr if isinstance(value, ast.Attribute) and value.attr == "auth" else ""


def test_a_name_bound_only_to_the_kind_in_every_function_has_it() -> None:
    tree = ast.parse(
        "def a():\n    auth = nylas.auth\n    return auth.x()\n"
        "def b():\n    auth: Auth = client.auth\n    (other := nylas.auth)\n"
    )
    assert sole_bindings(tree, _auth_kind) == {"auth": "auth", "other": "auth"}


@pytest.mark.parametrize("other_binding", [
    "auth = make()",
    "def f(auth): pass",
    "for auth in items: pass",
    "with open(p) as auth: pass",
    "import auth",
    "from x import y as auth",
    "auth += 1",
    "del auth",
    "auth, b = nylas.auth, 1",
    "try:\n    pass\nexcept E as auth:\n    pass",
    "class auth: pass",
    "[auth for auth in items]",
    "lambda auth: auth",
    "match x:\n    case {**auth}: pass",
], ids=["assigned-else", "parameter", "loop", "with", "import", "import-as", "augmented",
        "deleted", "tuple", "except", "class", "comprehension", "lambda", "match-rest"])
def test_any_other_binding_leaves_the_name_unknown(other_binding: str) -> None:
    tree = ast.parse(f"auth = nylas.auth\n{other_binding}\n")
    assert sole_bindings(tree, _auth_kind) == {}
