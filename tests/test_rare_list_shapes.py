"""Rare shapes through which a scope list reaches code that may change it, or a
request names another list than the one it seems to: each is read as what Python
does, or left unresolved (NYS304) with the usage rules silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config


def _findings(root: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    (root / "pyproject.toml").write_text(
        '[project]\nname = "app"\nversion = "0"\ndependencies = ["nylas"]\n')
    (root / "app").mkdir()
    (root / "app" / "__init__.py").write_text("")
    for name, text in files.items():
        (root / "app" / name).write_text(text)
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


# -- a local name holding scope lists, then a loop over it ---------------------------

_SCOPES = 'SCOPES = ["email.read_only"]\nEXTRA_SCOPES = ["contacts.read_only"]\n'
_LOOPING = '''from nylas import APIClient

from app.scopes import EXTRA_SCOPES, SCOPES

client = APIClient("id", "secret")


def widen():
{body}


def login(uri):
    return client.authentication_url(uri, scopes=SCOPES)


def work():
    client.threads.where(limit=5)
    client.events.where(limit=5)
'''


@pytest.mark.parametrize("body", [
    '    pair = (SCOPES, EXTRA_SCOPES)\n    for scopes in pair:\n        scopes.append("calendar")',
    '    pair = [SCOPES, EXTRA_SCOPES]\n    for scopes in pair:\n        scopes.append("calendar")',
    '    pair = (SCOPES, EXTRA_SCOPES)\n    for _, scopes in enumerate(pair):\n'
    '        scopes += ["calendar"]',
    '    pair = (SCOPES, EXTRA_SCOPES)\n    [scopes.append("calendar") for scopes in pair]',
    '    pair = (SCOPES, EXTRA_SCOPES)\n    max(pair).append("calendar")',
    # Bound again: what the name holds is no longer what the first binding says.
    '    pair = (SCOPES, EXTRA_SCOPES)\n    pair = list(pair)\n    print(pair)',
    # The inline form, read so before.
    '    for scopes in (SCOPES, EXTRA_SCOPES):\n        scopes.append("calendar")',
])
def test_lists_a_loop_over_a_local_holder_changes_are_unresolved(
        tmp_path: Path, body: str) -> None:
    found = _findings(tmp_path, {"scopes.py": _SCOPES, "auth.py": _LOOPING.format(body=body)})
    # The request reading SCOPES, not a missing calendar scope at events.where().
    assert found == [("auth.py", 13 + body.count("\n"), "NYS304")]


def test_a_loop_over_a_local_holder_that_only_reads_keeps_the_lists(tmp_path: Path) -> None:
    body = '    pair = (SCOPES, EXTRA_SCOPES)\n    for scopes in pair:\n        print(len(scopes))'
    found = _findings(tmp_path, {"scopes.py": _SCOPES, "auth.py": _LOOPING.format(body=body)})
    # SCOPES holds only email.read_only: events.where() needs a calendar scope.
    assert found == [("auth.py", 20, "NYS301")]

