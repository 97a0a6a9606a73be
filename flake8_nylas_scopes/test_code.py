"""Which files of a project are its tests.

A project's tests exercise the app with mocks (``create_autospec(APIClient)``,
``client.messages.get.assert_called_once()``) and document the SDK's behaviour
(``authentication_url()`` with its default scopes).  None of that is a request the
app makes, so test files take no part in the usage rules: their scope requests do
not add to the granted set and their calls and escapes neither need nor silence a
scope.  Their own scope lists still get the list rules (NYS101-NYS206).

A test file is one pytest or unittest would collect by their usual patterns:
``test_*.py``, ``*_test.py``, ``tests.py``, ``conftest.py``, or any file under a
directory named ``tests``, ``test`` or ``testing``.
"""

from __future__ import annotations

import os

_TEST_DIRECTORIES = frozenset({"tests", "test", "testing"})
_TEST_NAMES = frozenset({"conftest.py", "tests.py"})


def is_test_file(path: str) -> bool:
    parts = os.path.normpath(path).replace("\\", "/").split("/")
    name = parts[-1]
    if name in _TEST_NAMES or name.startswith("test_") or name.endswith("_test.py"):
        return True
    return any(part in _TEST_DIRECTORIES for part in parts[:-1])
