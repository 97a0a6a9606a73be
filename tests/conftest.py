from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _keep_bytecode_for_the_tools_the_tests_start() -> None:
    """The tests start ``nylas-scopes`` and flake8 hundreds of times.  Where
    ``PYTHONDONTWRITEBYTECODE`` is set (some CI images and containers set it), each
    start would compile the whole package again, a fifth of a second every time.
    Their bytecode goes to a temporary folder instead, so the source tree stays as
    clean as the setting asks; this process's own modules are loaded already."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE") or os.environ.get("PYTHONPYCACHEPREFIX"):
        return
    prefix = tempfile.mkdtemp(prefix="nylas-scopes-test-bytecode-")
    atexit.register(shutil.rmtree, prefix, ignore_errors=True)
    del os.environ["PYTHONDONTWRITEBYTECODE"]
    os.environ["PYTHONPYCACHEPREFIX"] = prefix


_keep_bytecode_for_the_tools_the_tests_start()


def _tools_run_the_package_under_test() -> None:
    """The tools the tests start import the package this process imported, not
    whichever checkout the environment installed: the facts cache is keyed by the
    code's fingerprint, and a test that looks at the cache a tool wrote must agree
    with it on the code."""
    import flake8_nylas_scopes

    checkout = str(Path(flake8_nylas_scopes.__file__).resolve().parent.parent)
    paths = [path for path in os.environ.get("PYTHONPATH", "").split(os.pathsep) if path]
    os.environ["PYTHONPATH"] = os.pathsep.join([checkout, *paths])


_tools_run_the_package_under_test()


@pytest.fixture(scope="session")
def lint_fixtures_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of ``fixtures/lint`` at the same relative path, in a repository of its
    own, for tests that run the tools on the lint fixtures from the command line.

    In the checkout, such a run judges the whole repository as the fixtures' project:
    its hundreds of modules are read, and a selection the cache has not seen yet costs
    about ten seconds.  The findings are the same (the lint fixtures call nothing in
    the rest of the repository); only NYS304 messages, which name the requests they
    cannot read, would also list those of other folders."""
    root = tmp_path_factory.mktemp("lint-fixtures")
    (root / ".git").mkdir()
    shutil.copytree(ROOT / "fixtures" / "lint", root / "fixtures" / "lint",
                    ignore=shutil.ignore_patterns("*.snap", "__pycache__", ".nylas-scopes-cache"))
    return root
