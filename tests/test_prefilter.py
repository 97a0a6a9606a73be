"""The text pre-filter that lets modules without Nylas skip extraction entirely.

A false negative here silently hides every finding of a module, so each way the
extractor can recognise a request must pass the filter.
"""

from __future__ import annotations

import pytest

from flake8_nylas_scopes.analysis import module_facts, module_findings
from flake8_nylas_scopes.config import Config, all_codes
from flake8_nylas_scopes.extract import mentions_nylas


@pytest.mark.parametrize(
    "source",
    [
        "from nylas import APIClient",
        "import NYLAS_compat",
        "x.Authentication_URL('cb')",
        "requests.post(BASE + '/connect/authorize', json=body)",
        "URL = 'https://api.example.com/OAuth/Authorize?scopes=calendar'",
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
