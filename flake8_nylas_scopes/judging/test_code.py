"""Which files of a project are its tests.

A project's tests exercise the app with mocks (``create_autospec(APIClient)``,
``client.messages.get.assert_called_once()``) and document the SDK's behaviour
(``authentication_url()`` with its default scopes).  None of that is a request the
app makes, so test files take no part in the usage rules: their scope requests do
not add to the granted set and their calls and escapes neither need nor silence a
scope.  Their own scope lists still get the list rules (NYS101-NYS206).

A test file is one pytest or unittest would collect by their usual patterns: a
``conftest.py``, a module inside a package or directory of the project named
``tests`` or ``test``, or a ``test_*.py``, ``*_test.py`` or ``tests.py``
module that defines a test (a ``test*`` function or a ``Test*`` class) and that
the app's own code does not import.  So is a module that calls pytest's API or
``unittest.mock``'s patchers (``@pytest.fixture``, ``pytest.raises``, ``mock.patch``,
``mock.patch.object``) and that the app's own code does not import: the tests load it
(a fixtures module a conftest names in ``pytest_plugins``, a plugin registered under
``pytest11``, a ``testutils.py`` of fakes), and an app does not run code that needs
pytest.  One that only patches with ``unittest.mock`` (no pytest), outside the
tests' places and names, is not known for one: a test's helper, or code run by name
that patches in a mode of its own (a Lambda handler whose dry run patches
``nylas.messages.send``, which the tests import as they import a helper).  Its calls
neither count as needs nor may be taken for a test's: they are unresolved.  Making a
mock is not enough: a Celery tasks module the worker finds by name may fall back to
``MagicMock(spec=APIClient)`` in an offline mode, and its other calls are the app's.
Paths are read from the project root, so a project that itself lives under
``/srv/test/`` is not all tests; a Django command
``management/commands/test_email.py`` that defines no test is app code, and so is a
``settings/test_email.py`` whose ``test_email_settings()`` the app's views call.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from ..analysis.script_tests import named_like_a_test

_TEST_DIRECTORIES = frozenset({"tests", "test"})
# pytest, and ``unittest.mock.patch`` with its forms (``patch.object``, ``patch.dict``).
_PATCHER = "unittest.mock.patch"
_TEST_LIBRARIES = ("pytest", _PATCHER)


def is_test_library(name: str) -> bool:
    """Whether a dotted name (resolved through imports) is pytest's or one of
    ``unittest.mock``'s patchers."""
    if not name.startswith(_TEST_LIBRARIES):
        # Both tests below need the name to start with a library's: most names
        # (every callee of the project is asked about) are told apart here.
        return False
    return any(name == library or name.startswith(library + ".")
               for library in _TEST_LIBRARIES)


def is_patcher(name: str) -> bool:
    """Whether a dotted name (resolved through imports) is one of ``unittest.mock``'s
    patchers (``patch``, ``patch.object``, ``patch.dict``)."""
    return name == _PATCHER or name.startswith(_PATCHER + ".")


def is_test_by_name_only(relative_path: str) -> bool:
    """Whether a module's place says nothing of tests (no ``tests`` or ``test``
    directory, not a ``conftest.py``): only its name or its contents may."""
    parts = _parts(relative_path)
    return parts[-1] != "conftest.py" and not any(
        part in _TEST_DIRECTORIES for part in parts[:-1])


def _parts(relative_path: str) -> list[str]:
    """A path's parts, with either separator."""
    return os.path.normpath(relative_path).replace("\\", "/").split("/")


def is_test_module(relative_path: str, defined: Iterable[str] = (),
                   imported_by_app: bool = False, calls_test_library: bool = False) -> bool:
    """Whether a module is a test, by its path from the project root, the qualified
    names of the functions and classes it defines, whether the app's own code
    imports it (tests are run, not imported) and whether it calls pytest's or
    ``unittest.mock``'s API."""
    if not is_test_by_name_only(relative_path):
        return True
    if imported_by_app:
        return False
    if calls_test_library:
        return True
    if named_like_a_test(_parts(relative_path)[-1]):
        return any(
            leaf.startswith("test") or leaf.startswith("Test")
            for leaf in (qualname.rsplit(".", 1)[-1] for qualname in defined)
        )
    return False
