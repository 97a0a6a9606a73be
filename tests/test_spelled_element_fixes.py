"""``fix`` removing a whole list element spelled by an expression of constants
(``GOOGLE + "gmail.readonly"``) from a list that a request in another module reads,
as it does where the request is in the list's own module."""

from __future__ import annotations

from pathlib import Path

import pytest
from codemod_support import run_cli

_GOOGLE = 'GOOGLE = "https://www.googleapis.com/auth/"\n'
_LIST = 'SCOPES = [{elements}]\n'
_REQUEST = '''from nylas import Client

{imports}
nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
        "scope": SCOPES}})


def people(grant):
    return nylas.contacts.list(grant)
{more}'''
_SPELLED = 'GOOGLE + "gmail.readonly", GOOGLE + "contacts.readonly"'
_KEPT = 'SCOPES = [GOOGLE + "contacts.readonly"]\n'


def _project(tmp_path: Path, elements: str, elsewhere: bool, more: str = "") -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "app"\nversion = "0"\ndependencies = ["nylas"]\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    listed = _GOOGLE + _LIST.format(elements=elements)
    if elsewhere:
        (package / "settings.py").write_text(listed)
        (package / "web.py").write_text(_REQUEST.format(
            imports="from app.settings import SCOPES\n", more=more))
    else:
        (package / "web.py").write_text(_REQUEST.format(imports=listed, more=more))
    return package / ("settings.py" if elsewhere else "web.py")


@pytest.mark.parametrize("elsewhere", [True, False], ids=["another-module", "same-module"])
def test_a_spelled_element_no_call_needs_is_removed(tmp_path: Path, elsewhere: bool) -> None:
    # Before, the list of another module was left with "the scopes are written as an
    # expression built with an operator; fix it by hand": the plan knew how an item
    # is written only for the requesting module's own lists.
    listed = _project(tmp_path, _SPELLED, elsewhere)
    run = run_cli("fix", "--unsafe-fixes", str(tmp_path))
    assert "not fixed" not in run.stderr
    assert _KEPT in listed.read_text()


def test_a_spelled_element_of_another_module_is_not_narrowed(tmp_path: Path) -> None:
    # Control: a narrower scope in its place would be an edit inside the expression,
    # refused as in the requesting module's own list.
    elements = 'GOOGLE + "gmail.modify", GOOGLE + "contacts.readonly"'
    mail = "\n\ndef inbox(grant):\n    return nylas.messages.list(grant)\n"
    listed = _project(tmp_path, elements, elsewhere=True, more=mail)
    before = listed.read_text()
    run = run_cli("fix", "--unsafe-fixes", str(tmp_path))
    assert "NYS302 not fixed: the scopes are written as an expression built with an " \
        "operator; fix it by hand" in run.stderr
    assert listed.read_text() == before
