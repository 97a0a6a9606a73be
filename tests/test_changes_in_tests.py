"""A change the project's tests make to the app's modules lasts for a test only.

``mock.patch.object(mail, "client_for")`` hands the module ``mail`` to a patcher, and
``mail.SCOPES.append(...)`` in a test grows the list while that test runs: neither is
a change of what the app requests.  A module that patches but may be the app's own
(outside the tests' places and names, see ``test_code``) still counts as a change.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

MAIL = """\
import os

from nylas import APIClient

SCOPES = ["email.read_only", "calendar"]


def client_for(token):
    return APIClient(os.environ["NYLAS_ID"], os.environ["NYLAS_SECRET"], token)


def connect_url(token):
    return client_for(token).authentication_url("https://n.example/cb", scopes=list(SCOPES))


def subjects(token):
    return [thread.subject for thread in client_for(token).threads.where(limit=5)]
"""

PATCHING_TEST = """\
from unittest import mock

from notify import mail


def test_connect_url():
    with mock.patch.object(mail, "client_for") as client_for:
        client_for.return_value.authentication_url.return_value = "u"
        assert mail.connect_url("t") == "u"
"""

GROWING_TEST = """\
from notify import mail


def test_more_scopes():
    mail.SCOPES.append("contacts")
    assert "contacts" in mail.SCOPES
"""

# Only patching, outside the tests' places and names: a mode of the app run by name.
PATCHING_SCRIPT = """\
from unittest import mock

from notify import mail


def dry_connect():
    with mock.patch.object(mail, "client_for"):
        return mail.connect_url("t")
"""


def _codes(root: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'notify'\n")
    for name, text in {"notify/__init__.py": "", "notify/mail.py": MAIL, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    result = analyse([str(root)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


# 'calendar' (line 5) is asked for, and the app only lists threads.
UNUSED_CALENDAR = [("mail.py", 5, "NYS303")]


def test_a_module_patched_by_a_test_keeps_its_lists_judged(tmp_path: Path) -> None:
    assert _codes(tmp_path / "alone", {}) == UNUSED_CALENDAR
    assert _codes(tmp_path / "patched", {"tests/test_mail.py": PATCHING_TEST}) == (
        UNUSED_CALENDAR)


def test_a_list_grown_by_a_test_keeps_its_items_judged(tmp_path: Path) -> None:
    assert _codes(tmp_path, {"tests/test_mail.py": GROWING_TEST}) == UNUSED_CALENDAR


def test_the_same_changes_in_app_code_leave_the_request_unresolved(tmp_path: Path) -> None:
    # Control: a module that patches but may be the app's, and one that grows the list
    # (named like a test but imported by the app), still change what it requests.
    for name, files in (
        ("script", {"notify/dry_run.py": PATCHING_SCRIPT}),
        ("imported", {"notify/test_scopes.py": GROWING_TEST,
                      "notify/views.py": "from notify import test_scopes\n"}),
    ):
        codes = _codes(tmp_path / name, files)
        assert ("mail.py", 13, "NYS304") in codes, name
        assert not any(code in ("NYS302", "NYS303") for _, _, code in codes), name


# A test's module (by its place) with a function that narrows the app's list, and a
# dev server of the app that imports and runs it.
DEMO_HELPER = """\
from notify import mail


def use_demo_scopes():
    mail.SCOPES[:] = ["email.read_only"]


def seed(client):
    return client.events.where(limit=1)
"""

DEV_SERVER = """\
from tests.helpers import seed, use_demo_scopes
from notify import mail


def main():
    use_demo_scopes()
    seed(mail.client_for("t"))
    return mail.connect_url("t")
"""


def test_a_test_module_the_app_imports_changes_the_app_s_list(tmp_path: Path) -> None:
    # tests/helpers.py runs in the dev server: its slice assignment changes SCOPES
    # (line 13 reads it), and its events call may be the app's, so 'calendar' is
    # not reported unused.
    codes = _codes(tmp_path, {"tests/__init__.py": "", "tests/helpers.py": DEMO_HELPER,
                              "notify/devserver.py": DEV_SERVER})
    assert ("mail.py", 13, "NYS304") in codes
    assert ("helpers.py", 9, "NYS304") in codes
    assert not any(code in ("NYS302", "NYS303") for _, _, code in codes)


def test_the_same_test_module_no_app_code_imports_keeps_the_list_judged(
        tmp_path: Path) -> None:
    # Control: only the tests import the helper; its change and call are theirs.
    codes = _codes(tmp_path, {"tests/__init__.py": "", "tests/helpers.py": DEMO_HELPER,
                              "tests/test_mail.py": "from tests.helpers import seed\n"})
    assert codes == UNUSED_CALENDAR


# The dev server's other ways of running the helper: each import runs tests/helpers.py
# in the app, wherever it sits, so its change and its call count as above.
LAZY_DEV_SERVERS = {
    "in a function": """\
        import sys


        def main():
            if "--sandbox" in sys.argv:
                from tests.helpers import use_demo_scopes
                use_demo_scopes()
        """,
    "in a function, relative": """\
        def main():
            from ..tests import helpers
        """,
    "as a name in a function": """\
        def main():
            import tests.helpers as h
        """,
    "in a class body": """\
        class Sandbox:
            from tests.helpers import use_demo_scopes
        """,
    "plain, at module level": "import tests.helpers\n",
    "star, at module level": "from tests.helpers import *\n",
    "loaded by a written name": """\
        import importlib


        def main():
            importlib.import_module("tests.helpers").use_demo_scopes()
        """,
    "loaded by __import__": """\
        def main():
            __import__("tests.helpers")
        """,
}


def test_a_test_module_the_app_imports_anywhere_changes_the_app_s_list(
        tmp_path: Path) -> None:
    for name, server in LAZY_DEV_SERVERS.items():
        codes = _codes(tmp_path / name.replace(" ", "_"), {
            "tests/__init__.py": "", "tests/helpers.py": DEMO_HELPER,
            "notify/devserver.py": server})
        assert ("mail.py", 13, "NYS304") in codes, name
        assert ("helpers.py", 9, "NYS304") in codes, name
        assert not any(code in ("NYS302", "NYS303") for _, _, code in codes), name


def test_a_module_loaded_by_a_name_built_at_run_time_may_be_any_test(
        tmp_path: Path) -> None:
    # Any test's module may be the one loaded: its change of the list counts.  (Its
    # calls stay the tests': counting every test's mocked call would silence the
    # scopes of every project that loads a plugin by name.)
    codes = _codes(tmp_path, {
        "tests/__init__.py": "", "tests/helpers.py": DEMO_HELPER,
        "notify/plugins.py": "import importlib, os\n\n\ndef load():\n"
                             "    return importlib.import_module(os.environ['PLUGIN'])\n"})
    assert ("mail.py", 13, "NYS304") in codes
    assert not any(code in ("NYS302", "NYS303") for _, _, code in codes)


# The app's code running a module named by a file's path or by an installed package's
# entry point: the module may be any, a test's among them.
PATH_LOADERS = {
    "by a file's path": """\
        import importlib.util


        def main(path="tests/helpers.py"):
            spec = importlib.util.spec_from_file_location("demo", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        """,
    "by a source loader": """\
        from importlib.machinery import SourceFileLoader


        def main():
            SourceFileLoader("demo", "tests/helpers.py").load_module()
        """,
    "by an entry point": """\
        from importlib.metadata import entry_points


        def main():
            for point in entry_points(group="notify.plugins"):
                point.load()()
        """,
    "by setuptools' entry point": """\
        import pkg_resources


        def main():
            for point in pkg_resources.iter_entry_points("notify.plugins"):
                point.load()()
        """,
}


def test_a_module_loaded_by_path_or_entry_point_may_be_any_test(tmp_path: Path) -> None:
    # Before, the loader went unseen: 'calendar', which the helper takes out, was
    # reported unused as if the list never changed.
    for name, loader in PATH_LOADERS.items():
        codes = _codes(tmp_path / name.replace(" ", "_").replace("'", ""), {
            "tests/__init__.py": "", "tests/helpers.py": DEMO_HELPER,
            "notify/plugins.py": loader})
        assert ("mail.py", 13, "NYS304") in codes, name
        assert not any(code in ("NYS302", "NYS303") for _, _, code in codes), name


LOADER = ("import importlib, os\n\n\ndef load():\n"
          "    return importlib.import_module(os.environ['PLUGIN'])\n")


def test_a_loader_by_name_in_a_project_without_tests_keeps_the_list_judged(
        tmp_path: Path) -> None:
    # No module is a test: the loaded module may be any of the app's, none of which
    # changes the list, so 'calendar' is still unused.  (The search for tests the
    # app runs is skipped here; its answer would be the same.)
    assert _codes(tmp_path / "no_tests", {"notify/plugins.py": LOADER}) == UNUSED_CALENDAR
    # Control: the same loader beside a test's module that grows the list.
    codes = _codes(tmp_path / "with_tests", {
        "tests/__init__.py": "", "tests/helpers.py": DEMO_HELPER,
        "notify/plugins.py": LOADER})
    assert ("mail.py", 13, "NYS304") in codes
    assert not any(code in ("NYS302", "NYS303") for _, _, code in codes)


# The dev server runs the helper with ``runpy``: as an import by a written name, the
# module it names runs in the app; a path or a computed name may be any test's module.
RUNPY_BY_NAME = {
    "run_module": """\
        import runpy


        def main():
            runpy.run_module("tests.helpers")
        """,
    "run_module by keyword, aliased": """\
        import runpy as r


        def main():
            r.run_module(mod_name="tests.helpers", run_name="__main__")
        """,
    "run_module imported": """\
        from runpy import run_module


        def main():
            run_module("tests.helpers")
        """,
}
RUNPY_ANY = {
    "run_path": """\
        import runpy


        def main():
            runpy.run_path("tests/helpers.py")
        """,
    "run_module by a computed name": """\
        import os
        from runpy import run_module


        def main():
            run_module(os.environ["DEMO"])
        """,
}


def test_a_test_module_run_by_runpy_changes_the_app_s_list(tmp_path: Path) -> None:
    for name, server in {**RUNPY_BY_NAME, **RUNPY_ANY}.items():
        codes = _codes(tmp_path / name.replace(" ", "_"), {
            "tests/__init__.py": "", "tests/helpers.py": DEMO_HELPER,
            "notify/devserver.py": server})
        assert ("mail.py", 13, "NYS304") in codes, name
        # A module run by its written name is the app's, calls too; one that may be
        # any test's changes the list, but its calls stay the tests'.
        assert (("helpers.py", 9, "NYS304") in codes) == (name in RUNPY_BY_NAME), name
        assert not any(code in ("NYS302", "NYS303") for _, _, code in codes), name


def test_runpy_running_no_test_module_or_run_by_a_test_keeps_the_list_judged(
        tmp_path: Path) -> None:
    # Controls: the app runs a module of its own by name, and a test runs the helper.
    for name, files in (
        ("app module", {"notify/devserver.py": RUNPY_BY_NAME["run_module"].replace(
            "tests.helpers", "notify.tools")}),
        ("run by a test", {"tests/test_dev.py": RUNPY_ANY["run_path"].replace(
            "def main", "def test_main")}),
    ):
        codes = _codes(tmp_path / name.replace(" ", "_"), {
            "tests/__init__.py": "", "tests/helpers.py": DEMO_HELPER, **files})
        assert codes == UNUSED_CALENDAR, name


def test_imports_that_never_run_in_the_app_keep_the_list_judged(tmp_path: Path) -> None:
    # Controls: an import for the type checker only, a lazy import in a test, and a
    # loader in a test, leave the helper the tests'.
    for name, files in (
        ("type checking", {"notify/devserver.py": (
            "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
            "    import tests.helpers\n")}),
        ("lazy in a test", {"tests/test_mail.py": (
            "def test_demo():\n    from tests.helpers import use_demo_scopes\n"
            "    use_demo_scopes()\n")}),
        ("loader in a test", {"tests/test_mail.py": (
            "import importlib, os\n\n\ndef test_any():\n"
            "    importlib.import_module(os.environ['X'])\n")}),
        ("path loader in a test", {"tests/test_mail.py": textwrap.dedent(
            PATH_LOADERS["by a file's path"]).replace("def main", "def test_demo")}),
        # Finding a module's spec does not run it.
        ("spec found in the app", {"notify/plugins.py": (
            "import importlib.util\n\n\ndef main():\n"
            "    return importlib.util.find_spec('tests.helpers')\n")}),
    ):
        codes = _codes(tmp_path / name.replace(" ", "_"), {
            "tests/__init__.py": "", "tests/helpers.py": DEMO_HELPER, **files})
        assert codes == UNUSED_CALENDAR, name


# The app imports the tests' package; its __init__.py re-exports from a module that
# narrows the list and seeds events.
REEXPORTING_PACKAGE = "from .helpers import seed, use_demo_scopes\n"

REEXPORT_DEV_SERVER = DEV_SERVER.replace("from tests.helpers import", "from tests import")

# The app imports a helper that imports demo data: the data module changes the list
# when it is imported and seeds events.
RUNNING_HELPER = """\
from tests.demo_data import seed


def run(client):
    return seed(client)
"""

DEMO_DATA = """\
from notify import mail

mail.SCOPES.append("contacts")


def seed(client):
    return client.events.where(limit=1)
"""

HELPER_DEV_SERVER = """\
from tests.helpers import run
from notify import mail


def main():
    run(mail.client_for("t"))
    return mail.connect_url("t")
"""


def test_a_test_module_imported_through_a_re_exporting_package_is_the_app_s(
        tmp_path: Path) -> None:
    # tests/__init__.py runs in the dev server, and so does tests/helpers.py, which it
    # imports: the change of SCOPES (read on line 13) and the events call (line 9)
    # count, so 'calendar' is not reported unused.
    codes = _codes(tmp_path, {"tests/__init__.py": REEXPORTING_PACKAGE,
                              "tests/helpers.py": DEMO_HELPER,
                              "notify/devserver.py": REEXPORT_DEV_SERVER})
    assert ("mail.py", 13, "NYS304") in codes
    assert ("helpers.py", 9, "NYS304") in codes
    assert not any(code in ("NYS302", "NYS303") for _, _, code in codes)


def test_a_test_module_a_test_module_of_the_app_imports_is_the_app_s(
        tmp_path: Path) -> None:
    # tests/demo_data.py is imported by tests/helpers.py, which the dev server imports.
    codes = _codes(tmp_path, {"tests/__init__.py": "", "tests/helpers.py": RUNNING_HELPER,
                              "tests/demo_data.py": DEMO_DATA,
                              "notify/devserver.py": HELPER_DEV_SERVER})
    assert ("mail.py", 13, "NYS304") in codes
    assert ("demo_data.py", 7, "NYS304") in codes
    assert not any(code in ("NYS302", "NYS303") for _, _, code in codes)


def test_test_modules_only_the_tests_import_keep_the_list_judged(tmp_path: Path) -> None:
    # Control: the same chain started by a test, not by the app.
    test = HELPER_DEV_SERVER.replace("def main", "def test_main")
    assert _codes(tmp_path / "chain", {
        "tests/__init__.py": "", "tests/helpers.py": RUNNING_HELPER,
        "tests/demo_data.py": DEMO_DATA, "tests/test_dev.py": test}) == UNUSED_CALENDAR
    assert _codes(tmp_path / "package", {
        "tests/__init__.py": REEXPORTING_PACKAGE, "tests/helpers.py": DEMO_HELPER,
        "tests/test_dev.py": REEXPORT_DEV_SERVER.replace("def main", "def test_main")},
    ) == UNUSED_CALENDAR
