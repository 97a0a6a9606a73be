"""A module named like a test is not always one: a smoke script run by hand
(``scripts/test_send.py`` calling ``test_send`` from its ``__main__`` block, or a
console script's ``main()``), and a test package a framework loads by its dotted name
(Django's ``include("site.test.urls")``), may be the app's.  Their calls keep the
scopes they could need from being called unused (NYS304 says why); a real test module
beside them still takes no part in the usage rules."""

from __future__ import annotations

from pathlib import Path

from fake_apps import V2_PYPROJECT, app_findings

V2_LOGIN = """\
from nylas import APIClient


def get_client(token=None):
    return APIClient("id", "secret", token)


URL = get_client().authentication_url("https://x/cb", scopes=["email.read_only", "email.send"])


def inbox(token):
    return list(get_client(token).messages.all())
"""

SEND_TEST = """\
import sys

from app.auth import get_client


def test_send(token, to):
    draft = get_client(token).drafts.create(to=[{{"email": to}}], subject="test")
    draft.send()
{tail}"""

SEND_UNUSED = "NYS303 'email.send' is requested but no Nylas call in the project needs it"


def _said(root: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    return [(file, line, said.split(" ", 1)[1])
            for file, line, said in app_findings(root, {"app/auth.py": V2_LOGIN, **files},
                                                 V2_PYPROJECT)]


def test_a_script_running_its_own_test_function_is_not_taken_for_a_test(
        tmp_path: Path) -> None:
    tail = '\n\nif __name__ == "__main__":\n    test_send(sys.argv[1], sys.argv[2])\n'
    said = _said(tmp_path, {"scripts/test_send.py": SEND_TEST.format(tail=tail)})
    assert not any(SEND_UNUSED in text for _, _, text in said)
    assert ("test_send.py", 8, "NYS304 draft.send() is in a module named like a test whose "
            "own code calls its tests (a script's main()): it may be the app's; usage rules "
            "stay silent for the scopes it could touch") in said


def test_a_console_scripts_main_calling_its_test_function_is_not_a_test(
        tmp_path: Path) -> None:
    tail = "\n\ndef main():\n    test_send(sys.argv[1], sys.argv[2])\n"
    said = _said(tmp_path, {"app/test_send.py": SEND_TEST.format(tail=tail)})
    assert not any(SEND_UNUSED in text for _, _, text in said)


def test_a_test_module_run_by_unittest_main_stays_a_test(tmp_path: Path) -> None:
    tail = '\n\nif __name__ == "__main__":\n    import unittest\n    unittest.main()\n'
    said = _said(tmp_path, {"app/test_send.py": SEND_TEST.format(tail=tail)})
    assert [(file, line) for file, line, text in said if SEND_UNUSED in text] == [
        ("auth.py", 8)]


DJANGO_URLS = """\
from django.urls import include, path


def home(request):
    return None


urlpatterns = [path("", home){more}]
"""

TEST_VIEWS = """\
from app.auth import get_client


def send_test_email(request, token):
    get_client(token).drafts.create(to=[{"email": request.POST["to"]}]).send()
"""


def test_a_test_package_a_url_conf_includes_by_name_may_run_in_the_app(
        tmp_path: Path) -> None:
    more = ', path("test/", include("app.test.urls"))'
    said = _said(tmp_path, {"app/urls.py": DJANGO_URLS.format(more=more),
                            "app/test/__init__.py": "", "app/test/urls.py": TEST_VIEWS})
    assert not any(SEND_UNUSED in text for _, _, text in said)
    assert any(file == "urls.py" and line == 5 and "in a test's module that the app's code "
               "imports" in text for file, line, text in said)


def test_a_test_package_nothing_names_stays_a_test(tmp_path: Path) -> None:
    said = _said(tmp_path, {"app/urls.py": DJANGO_URLS.format(more=""),
                            "app/test/__init__.py": "", "app/test/urls.py": TEST_VIEWS})
    assert [(file, line) for file, line, text in said if SEND_UNUSED in text] == [
        ("auth.py", 8)]


def test_a_test_package_celery_includes_by_name_may_run_in_the_app(tmp_path: Path) -> None:
    worker = 'from celery import Celery\n\napp = Celery("app", include=["app.test.urls"])\n'
    said = _said(tmp_path, {"app/worker.py": worker,
                            "app/test/__init__.py": "", "app/test/urls.py": TEST_VIEWS})
    assert not any(SEND_UNUSED in text for _, _, text in said)


def test_a_string_naming_a_test_module_elsewhere_is_no_import(tmp_path: Path) -> None:
    # Finding a module's spec runs nothing.
    finder = ("import importlib.util\n\n\ndef main():\n"
              "    return importlib.util.find_spec('app.test.urls')\n")
    said = _said(tmp_path, {"app/plugins.py": finder,
                            "app/test/__init__.py": "", "app/test/urls.py": TEST_VIEWS})
    assert [(file, line) for file, line, text in said if SEND_UNUSED in text] == [
        ("auth.py", 8)]
