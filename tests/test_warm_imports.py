"""What a run whose facts all come from the cache loads of the analyser.

Such a run judges the facts it reads back and never reads a syntax tree: the
extractor's modules (a fifth of a second to import) stay unloaded.  A module whose
facts are not in the cache still gets them extracted.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from flake8_nylas_scopes.project.session import analyse, discover
from flake8_nylas_scopes.settings.config import Config, default_code_filter

_MODULE = (
    "from nylas import APIClient\n"
    "client = APIClient('id', 'secret')\n"
    "url = client.authentication_url('https://app.example/cb', scopes=['email'])\n"
    "def inbox():\n"
    "    return client.threads.where(in_='inbox').all()\n"
)
_RUN = """
import sys
from pathlib import Path
from flake8_nylas_scopes.project.session import analyse, discover
from flake8_nylas_scopes.settings.config import Config, default_code_filter

root = sys.argv[1]
extractors = ("analysis.extract", "analysis.flow_extract", "analysis.extract_v3")

def loaded():
    return any(name.endswith(extractors) for name in sys.modules)

result = analyse(discover([root]), Config(), default_code_filter, use_cache=True, jobs=1)
print(len(result.findings), loaded())
Path(root, "later.py").write_text("from nylas import APIClient\\nAPIClient('i', 's')\\n")
result = analyse(discover([root]), Config(), default_code_filter, use_cache=True, jobs=1)
print(len(result.findings), loaded())
"""


def test_a_run_from_the_cache_loads_no_extractor(tmp_path: Path) -> None:
    root = tmp_path / "app"
    root.mkdir()
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (root / "auth.py").write_text(_MODULE)
    past = time.time() - 60  # files younger than two seconds are never reused
    os.utime(root / "auth.py", (past, past))
    cold = analyse(discover([str(root)]), Config(), default_code_filter, use_cache=True, jobs=1)
    run = subprocess.run([sys.executable, "-c", _RUN, str(root)], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    warm, after_new_module = run.stdout.splitlines()
    assert warm == f"{len(cold.findings)} False"
    # The new module's facts are extracted: the extractor is loaded for it.
    assert after_new_module.endswith(" True")
