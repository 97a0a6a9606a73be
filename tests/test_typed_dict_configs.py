"""A config made by calling a project ``TypedDict`` class with keywords is a dict
display: ``OAuthConfig(client_id="c", scope=[...])`` then
``nylas.auth.url_for_oauth2(CONFIG)`` requests the scopes it lists, whether the class
is defined in the module or imported from another."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flake8_nylas_scopes.analysis.facts import ModuleFacts
from flake8_nylas_scopes.analysis.module import module_facts
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
CLASS = '''class OAuthConfig({base}):
    client_id: str
    redirect_uri: str
    provider: str
    scope: list[str]
'''
MAIN = f'''import os

from nylas import Client
{{imports}}

nylas = Client(os.environ["NYLAS_API_KEY"])

CONFIG = OAuthConfig(client_id="c", redirect_uri="r", provider="google",
                     scope=["{G}gmail.readonly", "{G}calendar.readonly"])


def auth_url():
    return nylas.auth.url_for_oauth2(CONFIG)


def messages(grant_id):
    return nylas.messages.list(grant_id)
'''


def _found(tmp_path: Path, main: str, types: str = "") -> list[tuple[str, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "main.py").write_text(main)
    if types:
        (package / "types.py").write_text(types)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((Path(f.span.path).name, f.code, f.message) for f in result.findings
                  if f.code in {"NYS301", "NYS302", "NYS303", "NYS304", "NYS405"})


def _calendar_unused(found: list[tuple[str, str, str]]) -> bool:
    return [(name, code) for name, code, _ in found] == [("main.py", "NYS303")] and (
        "calendar.readonly" in found[0][2])


@pytest.mark.parametrize("module", ["typing", "typing_extensions"])
def test_a_typed_dict_of_the_module_called_with_keywords_is_a_dict(
        tmp_path: Path, module: str) -> None:
    main = MAIN.format(imports=f"from {module} import TypedDict\n\n\n"
                       + CLASS.format(base="TypedDict"))
    found = _found(tmp_path, main)
    assert _calendar_unused(found), found


def test_an_imported_typed_dict_called_with_keywords_is_a_dict(tmp_path: Path) -> None:
    types = "from typing_extensions import TypedDict\n\n\n" + CLASS.format(
        base="TypedDict, total=False")
    found = _found(tmp_path, MAIN.format(imports="from app.types import OAuthConfig"), types)
    assert _calendar_unused(found), found


def test_a_config_called_directly_on_an_imported_module_is_read(tmp_path: Path) -> None:
    types = "from typing import TypedDict\n\n\n" + CLASS.format(base="TypedDict")
    main = MAIN.format(imports="from app import types").replace(
        "CONFIG = OAuthConfig(", "CONFIG = types.OAuthConfig(")
    found = _found(tmp_path, main, types)
    assert _calendar_unused(found), found


@pytest.mark.parametrize("types", [
    # A plain class, a dataclass, and a TypedDict with a base of its own: what a call
    # makes is no dict the analysis can read.
    CLASS.format(base="object"),
    "import dataclasses\n\n\n@dataclasses.dataclass\n" + CLASS.format(base="object"),
    "from typing import TypedDict\n\n\nclass Base(TypedDict):\n    client_id: str\n\n\n"
    + CLASS.format(base="Base"),
])
def test_another_imported_class_keeps_the_config_unread(tmp_path: Path, types: str) -> None:
    found = _found(tmp_path, MAIN.format(imports="from app.types import OAuthConfig"), types)
    assert [(name, code) for name, code, _ in found] == [("main.py", "NYS304")], found


def test_a_typed_dict_given_a_positional_dict_stays_unread(tmp_path: Path) -> None:
    main = MAIN.format(imports="from typing import TypedDict\n\n\n"
                       + CLASS.format(base="TypedDict")).replace(
        'OAuthConfig(client_id="c", redirect_uri="r", provider="google",\n'
        '                     scope=', 'OAuthConfig({"scope": ').replace(
        'calendar.readonly"])', 'calendar.readonly"]})')
    assert 'OAuthConfig({"scope": ' in main and 'readonly"]})' in main
    found = _found(tmp_path, main)
    assert [(name, code) for name, code, _ in found] == [("main.py", "NYS304")], found


def test_the_reading_as_a_dict_survives_the_facts_cache() -> None:
    main = MAIN.format(imports="from app.types import OAuthConfig")
    facts = module_facts(None, "app/main.py", main.splitlines(True), "app.main")
    types = module_facts(None, "app/types.py", ["from typing import TypedDict\n\n\n",
                                                 CLASS.format(base="TypedDict")],
                         "app.types", flow=True)
    assert types.typed_dicts == ("OAuthConfig",)
    site = next(site for site in facts.sites if site.typed_dict)
    assert site.typed_dict == "app.types.OAuthConfig" and site.as_typed_dict is not None
    for read in (facts, types):
        stored = ModuleFacts.from_json(json.loads(json.dumps(read.to_json())))
        assert stored.to_json() == read.to_json()
        assert list(stored.typed_dicts) == list(read.typed_dicts)
        assert [(site.typed_dict, site.as_typed_dict) for site in stored.sites] == [
            (site.typed_dict, site.as_typed_dict) for site in read.sites]


NAMED_LIST = f'''import os
from typing import TypedDict

from nylas import Client

{CLASS.format(base="TypedDict")}

nylas = Client(os.environ["NYLAS_API_KEY"])
SCOPES = ["{G}gmail.readonly", "{G}calendar.readonly"]
CONFIG = OAuthConfig(client_id="c", redirect_uri="r", provider="google", scope=SCOPES)
{{other}}

def auth_url():
    return nylas.auth.url_for_oauth2(CONFIG)


def messages(grant_id):
    return nylas.messages.list(grant_id)
'''


def test_a_named_list_given_to_the_module_s_typed_dict_is_judged(tmp_path: Path) -> None:
    # Calling the class builds a dict, as ``dict(scope=SCOPES)`` does: the list is not
    # given to another library's OAuth request, so its unneeded scope is reported.
    found = _found(tmp_path, NAMED_LIST.format(other=""))
    assert _calendar_unused(found), found


@pytest.mark.parametrize("other", [
    # A plain class of the module, which may be another OAuth library's request.
    'class OAuthSession:\n    def __init__(self, scope):\n        self.scope = scope\n\n\n'
    'SESSION = OAuthSession(scope=SCOPES)\n',
    # Another library's OAuth session, called as the TypedDict is.
    'from authlib.integrations.requests_client import OAuth2Session\n\n'
    'SESSION = OAuth2Session(client_id="c", scope=SCOPES)\n',
])
def test_a_named_list_given_to_another_call_gets_no_unused_claim(
        tmp_path: Path, other: str) -> None:
    found = _found(tmp_path, NAMED_LIST.format(other=other))
    assert not [code for _, code, _ in found if code in {"NYS302", "NYS303"}], found
