"""The text pre-filter that lets modules without Nylas skip extraction entirely.

A false negative here silently hides every finding of a module, so each way the
extractor can recognise a request must pass the filter.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tool_runs import flake8

from flake8_nylas_scopes.analysis.module import module_facts

from flake8_nylas_scopes.judging.module_findings import module_findings
from flake8_nylas_scopes.settings.config import Config, all_codes
from flake8_nylas_scopes.analysis.prefilter import mentions_nylas


@pytest.mark.parametrize(
    "source",
    [
        "from nylas import APIClient",
        "import NYLAS_compat",
        "x.Authentication_URL('cb')",
        "requests.post(BASE + '/connect/authorize', json=body)",
        "URL = 'https://api.example.com/OAuth/Authorize?scopes=calendar'",
        # A raw API v3 request to a host from configuration.
        "requests.get(f'{API_BASE}/v3/grants/{grant}/messages')",
        "http.post('/v3/scheduling/bookings', json=booking)",
        "requests.post(f'{BASE}/V3/calendars/availability', json=body)",
        # Relative to a base URL that ends in /v3, or joined from segments.
        "api.call('GET', f'grants/{grant_id}/messages')",
        "requests.get('/'.join([BASE, 'v3', 'grants', grant_id]))",
        'session.get(URL(BASE) / "v3" / "grants" / grant_id)',
        # The parser folds these spellings to ``nylas`` (NFKC), so the filter must too.
        "from \uff4e\uff59\uff4c\uff41\uff53 import APIClient",
        "import nyla\u017f",
    ],
)
def test_relevant_sources_pass(source: str) -> None:
    assert mentions_nylas(source)


@pytest.mark.parametrize(
    "source",
    ["", "import os\nprint('hello')\n", "def authenticate(url): ...", "# nyla s", "caf\u00e9 = 1"],
)
def test_unrelated_sources_are_skipped(source: str) -> None:
    assert not mentions_nylas(source)


def test_fullwidth_identifiers_are_still_analysed() -> None:
    # Every identifier in full-width letters: Python reads this as plain
    # ``from nylas import APIClient`` and ``.authentication_url(...)``.
    fullwidth = "".join(chr(ord(c) + 0xFEE0) if c.isalpha() else c for c in "nylas")
    method = "".join(
        chr(ord(c) + 0xFEE0) if c.isalpha() else c for c in "authentication_url"
    )
    source = (
        f"from {fullwidth} import APIClient\n"
        f"APIClient().{method}('https://a/cb', scopes=['calendar', 'calendar'])\n"
    )
    facts = module_facts(None, "wide.py", source.splitlines(keepends=True))
    codes = [finding.code for finding in module_findings(facts, Config(), all_codes)]
    assert codes == ["NYS103"]


ANALYSIS_MODULES = ("flake8_nylas_scopes.judging.judge", "flake8_nylas_scopes.analysis.extract",
                    "flake8_nylas_scopes.analysis.flow_extract", "flake8_nylas_scopes.judging.resolver")


def _imports_of_a_flake8_run(project: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The modules a flake8 run over ``project`` imports (``-X importtime``)."""
    monkeypatch.setenv("PYTHONPROFILEIMPORTTIME", "1")
    completed = flake8(project, "--jobs", "1", "--select", "NYS", ".")
    assert completed.returncode in (0, 1), completed.stderr[-2000:]
    assert "flake8_nylas_scopes.project.session" in completed.stderr  # the plugin was loaded
    return completed.stderr


def test_a_project_without_nylas_never_imports_the_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # flake8 loads the plugin in every run of every project: one without Nylas
    # should pay for the pre-filter, not for extraction, the resolver and the rules.
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'plain'\n")
    (tmp_path / "calc.py").write_text("def add(a, b):\n    return a + b\n")
    imported = _imports_of_a_flake8_run(tmp_path, monkeypatch)
    assert not [name for name in ANALYSIS_MODULES if name in imported]


def test_a_project_with_nylas_imports_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(
        "from nylas import APIClient\n"
        "url = APIClient('id', 'secret').authentication_url('https://a/cb', scopes=['email'])\n"
    )
    imported = _imports_of_a_flake8_run(tmp_path, monkeypatch)
    assert [name for name in ANALYSIS_MODULES if name in imported] == list(ANALYSIS_MODULES)
