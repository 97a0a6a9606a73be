"""Positional arguments spread from a list or tuple written in the call are read as
the arguments they are: ``executor.submit(*[draft.save])`` hands the bound method on
as ``executor.submit(draft.save)`` does."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from flake8_nylas_scopes.analysis.module import module_facts
from flake8_nylas_scopes.analysis.spread_literals import may_spread_literals, spread_literals
from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

APP = """\
from nylas import APIClient

URL = APIClient("id", "secret").authentication_url(
    "https://app.example.com/cb", scopes=["email.read_only", "email.drafts"])


def save(token, subject, executor):
    client = APIClient("id", "secret", token)
    draft = client.drafts.create(subject=subject)
    executor.submit({given})


def subjects(token):
    return [t.subject for t in APIClient("id", "secret", token).threads.where(limit=5)]
"""

UNUSED_DRAFTS = ("app.py", 4, "NYS303")


def _codes(tmp_path: Path, given: str, app: str = "") -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "app.py").write_text(app or APP.format(given=given))
    result = analyse([str(tmp_path)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


@pytest.mark.parametrize("given", [
    "draft.save", "*[draft.save]", "*(draft.save,)", "*[draft.save, *()]",
])
def test_a_bound_method_spread_from_a_literal_is_handed_on(
        tmp_path: Path, given: str) -> None:
    # Before, ``*[draft.save]`` was left aside and ``email.drafts`` reported unused.
    assert _codes(tmp_path, given) == []


def test_a_literal_spread_of_no_sdk_method_leaves_the_scope_judged(tmp_path: Path) -> None:
    # Control: the list holds the draft's subject, which sends nothing.
    assert _codes(tmp_path, "print, *[draft.subject]") == [UNUSED_DRAFTS]


def test_spread_literals_writes_the_elements_out_in_place() -> None:
    tree = ast.parse("f(a, *[b, *rest], *(c,), *d)\n")
    spread_literals(tree)
    assert ast.unparse(tree) == "f(a, b, *rest, c, *d)"


def test_only_a_spread_in_an_argument_list_is_looked_for() -> None:
    assert may_spread_literals("f(*[a])") and may_spread_literals("f(x, *(a,))")
    assert not may_spread_literals("x = 2 * (a + b)\nf(*args)\n")


def test_a_tree_given_to_the_reading_is_left_as_it_is() -> None:
    # flake8's tree, which other plugins read too: the module is parsed again to be
    # changed.
    text = textwrap.dedent(APP.format(given="*[draft.save]"))
    tree = ast.parse(text)
    before = ast.dump(tree)
    facts = module_facts(tree, "app.py", text.splitlines(keepends=True), "app", flow=True)
    assert ast.dump(tree) == before
    assert facts.flow is not None


@pytest.mark.parametrize("given", [
    "executor.submit(*[draft.save] + [])",
    "executor.submit(*[*[draft.save]])",
    "executor.submit(*(draft.save,) + ())",
    "threading.Thread(**{'target': draft.save}).start()",
], ids=["joined", "nested", "joined tuples", "keywords"])
def test_a_bound_method_spread_from_a_joined_nested_or_dict_literal_is_handed_on(
        tmp_path: Path, given: str) -> None:
    # Before, each spread was left aside (only a list or tuple written whole was
    # read), the save went unseen and ``email.drafts`` was reported unused (NYS303).
    app = "import threading\n" + APP.replace("executor.submit({given})", "{given}")
    assert _codes(tmp_path, "", app.format(given=given)) == []


def test_a_dict_literal_spread_of_no_sdk_method_leaves_the_scope_judged(
        tmp_path: Path) -> None:
    # Control: the thread is given the draft's subject, which sends nothing; the
    # drafts scope is still unused (line 5, below the added import).
    app = "import threading\n" + APP.replace("executor.submit({given})", "{given}")
    given = "threading.Thread(**{'args': (draft.subject,)}).start()"
    assert _codes(tmp_path, "", app.format(given=given)) == [("app.py", 5, "NYS303")]


def test_spread_literals_writes_joined_nested_and_keyword_literals_out() -> None:
    tree = ast.parse("f(*[a] + [b], *[*(c,), d], **{'e': g}, h=1)\n")
    spread_literals(tree)
    assert ast.unparse(tree) == "f(a, b, c, d, e=g, h=1)"


@pytest.mark.parametrize("kept", [
    "f(*[a] + rest)", "f(**{'a-b': x})", "f(**{'y': x}, y=1)", "f(**{'x': 1, 'x': 2})",
    "f(**{'x': a, **rest})", "f(**{key: x})", "f(**{})",
])
def test_a_spread_not_written_out_exactly_stays_a_spread(kept: str) -> None:
    # A name joined in (its length unknown), a key no parameter can be named by, a
    # key given twice, another dict spread after a key (it may replace the key's
    # value), and a key read at run time: the call is left as written.
    tree = ast.parse(kept)
    spread_literals(tree)
    assert ast.unparse(tree) == ast.unparse(ast.parse(kept))


def test_a_dict_spread_in_an_argument_list_is_looked_for() -> None:
    assert may_spread_literals("f(**{'a': b})") and may_spread_literals("f(x, ** {'a': b})")
    assert not may_spread_literals("d = {**base, 'a': b}\nf(**options)\n")
