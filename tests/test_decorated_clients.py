"""A client returned by a function another library's decorators register (the
``injector`` idiom: ``@singleton @provider def client(self) -> APIClient``) goes to
code the analysis does not follow: one NYS304 per function, saying so."""

from __future__ import annotations

from pathlib import Path

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_MODULE = '''from injector import Module, provider, singleton
from nylas import APIClient


class NylasModule(Module):
    @singleton
    @provider
    def client(self) -> APIClient:
        return APIClient("id", "secret", "token")
{more}

def login(client: APIClient):
    return client.authentication_url("https://a/cb", scopes=["email.read_only", "calendar"])


def inbox(client: APIClient):
    return client.messages.where(limit=5)
'''


def _unresolved(root: Path, more: str = "") -> list[tuple[int, str]]:
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (root / "app.py").write_text(_MODULE.format(more=more))
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    # The usage rules stay silent: ``calendar`` is not reported unused.
    assert {f.code for f in result.findings} == {"NYS304"}
    return sorted((f.span.line, f.message) for f in result.findings)


def test_a_client_made_under_two_decorators_is_one_finding_saying_what_to_do(
        tmp_path: Path) -> None:
    # Before: one finding per decorator, "client() (a Nylas client) is returned to
    # singleton" and "... to provider".  Now one, at the first decorator.
    assert _unresolved(tmp_path) == [(6, (
        "NYS304 client() (a Nylas client) is returned by a function decorated with "
        "@singleton, which the analysis does not follow; usage rules stay silent for "
        "the scopes it could touch"))]


def test_two_decorated_functions_are_a_finding_each(tmp_path: Path) -> None:
    # Control: another function of the module under the same decorators is its own
    # finding, at its own first decorator.
    more = '''
    @singleton
    @provider
    def backup(self) -> APIClient:
        return APIClient("id", "secret", "other")
'''
    assert [line for line, _ in _unresolved(tmp_path, more)] == [6, 11]
