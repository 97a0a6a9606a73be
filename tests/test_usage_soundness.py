"""Usage rules never tell a user to drop a scope the code needs, and tests of an
app never change the findings on the app's own code."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.settings.config import make_config
from flake8_nylas_scopes.findings import Finding
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.judging.resolver import describe
from flake8_nylas_scopes.judging.test_code import is_test_library, is_test_module

AUTH = """\
from nylas import APIClient

URL = APIClient("id", "secret").authentication_url("https://app.example.com/cb", scopes={scopes})
"""


def _write(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


def _findings(root: Path, providers: tuple[str, ...] = (), every: bool = False) -> list[Finding]:
    result = analyse([str(root)], make_config(providers=list(providers)),
                     (lambda code: True) if every else (lambda code: code not in DEFAULT_OFF),
                     use_cache=False)
    assert result.errors == []
    return result.findings


def _codes(findings: list[Finding]) -> list[tuple[str, int, str]]:
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in findings)


TRIAGE = """\
from nylas import APIClient


def mark_all_read(token, ids):
    client = APIClient("id", "secret", token)
    selected = [client.messages.get(i) for i in ids]
    for message in selected:
        message.mark_as_read()
"""


def test_a_write_through_a_comprehension_is_seen(tmp_path: Path) -> None:
    root = _write(tmp_path, {"auth.py": AUTH.format(scopes='["email.modify"]'),
                             "triage.py": TRIAGE})
    assert _findings(root, every=True) == []
    [state] = analyse([str(root)], make_config(), lambda code: True, use_cache=False).states
    assert state.inference is not None and state.inference.scopes == ["email.modify"]


def test_only_reading_through_a_comprehension_keeps_the_finding(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.modify"]'),
        "triage.py": TRIAGE.replace("message.mark_as_read()", "print(message.subject)"),
    })
    assert _codes(_findings(root)) == [("auth.py", 3, "NYS302")]


SEND_ONLY = """\
from nylas import APIClient


def send(token, draft_id):
    APIClient("id", "secret", token).drafts.get(draft_id).send()
"""


def test_no_unused_finding_that_would_leave_gmail_send_only(tmp_path: Path) -> None:
    # 'email.drafts' serves the read of the draft; 'email.read_only' serves nothing,
    # but without it 'email.send' and 'email.drafts' remain, which is fine for Gmail.
    # With only 'email.send' and 'email.read_only', dropping the read scope would
    # leave send-only, which NYS202 warns about: NYS303 must not ask for it.
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.send", "email.read_only"]'),
        "mail.py": SEND_ONLY.replace(".drafts.get(draft_id)", ".drafts.create()"),
    })
    assert _codes(_findings(root)) == []
    # Where the accounts cannot be Google, the read scope is plainly unused.
    assert _codes(_findings(root, providers=("office365",))) == [("auth.py", 3, "NYS303")]


CALENDAR_READ = """\
from nylas import APIClient


def agenda(token):
    return [event.title for event in APIClient("id", "secret", token).events.all()]
"""


def test_no_unused_finding_that_would_leave_imap_calendar_without_mail(tmp_path: Path) -> None:
    # IMAP accounts build events from mail: NYS204 asks for an email scope beside
    # 'calendar.read_only', so NYS303 must not ask to drop the only one.
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["calendar.read_only", "email.read_only"]'),
        "agenda.py": CALENDAR_READ,
    })
    assert _codes(_findings(root, providers=("imap",))) == []
    # Two unused email scopes: dropping both would leave none, so neither is claimed.
    root = _write(tmp_path / "two", {
        "auth.py": AUTH.format(scopes='["calendar.read_only", "email.read_only", "email.send"]'),
        "agenda.py": CALENDAR_READ,
    })
    assert _codes(_findings(root, providers=("imap", "gmail"))) == []


def test_unused_mail_scope_is_reported_where_imap_does_not_need_it(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["calendar.read_only", "email.read_only"]'),
        "agenda.py": CALENDAR_READ,
    })
    # No IMAP accounts: the mail scope serves nothing.
    assert _codes(_findings(root, providers=("gmail",))) == [("auth.py", 3, "NYS303")]
    # A used email scope stays, so the unused one can go.
    root = _write(tmp_path / "send", {
        "auth.py": AUTH.format(scopes='["calendar.read_only", "email.read_only", "email.send"]'),
        "agenda.py": CALENDAR_READ + SEND_ONLY.replace("from nylas import APIClient\n", "")
        .replace(".drafts.get(draft_id)", ".drafts.create()"),
    })
    assert _codes(_findings(root, providers=("imap",))) == [("auth.py", 3, "NYS303")]


def _default_scopes_fix(root: Path) -> tuple[str, ...] | None:
    [finding] = [f for f in _findings(root) if f.code == "NYS105"]
    return finding.fix.replacement if finding.fix is not None else None


def test_no_default_scopes_fix_that_leaves_imap_calendar_without_mail(tmp_path: Path) -> None:
    # The default grants 'email' beside 'calendar'; the calls need only the calendar,
    # but an IMAP account builds its events from mail (NYS204).
    login = ('from nylas import APIClient\n\n'
             'URL = APIClient("id", "secret").authentication_url('
             '"https://app.example.com/cb", provider="yahoo")\n')
    root = _write(tmp_path / "yahoo", {"auth.py": login, "agenda.py": CALENDAR_READ})
    assert _default_scopes_fix(root) is None
    # Where the accounts cannot be IMAP, the inferred scopes are the fix.  (Beside the
    # first app, not inside it: a project inside another is in its repository.)
    root = _write(tmp_path / "gmail", {"auth.py": login.replace("yahoo", "gmail"),
                                       "agenda.py": CALENDAR_READ})
    assert _default_scopes_fix(root) == ("calendar.read_only",)


SEARCH = """\
from nylas import APIClient


def find(token, text):
    return [m.subject for m in APIClient("id", "secret", token).messages.search(text)]
"""


def test_no_default_scopes_fix_that_leaves_a_call_of_uncertain_need_unserved(
        tmp_path: Path) -> None:
    # ``messages.search`` surely needs a mail scope, but the endpoint map only infers
    # which: the minimal set of the certain calls (the calendar) would fail it, so the
    # fix holds the scope the search likely needs too.
    login = ('from nylas import APIClient\n\n'
             'URL = APIClient("id", "secret").authentication_url('
             '"https://app.example.com/cb", provider="gmail")\n')
    search = ("from nylas import APIClient\n\n\ndef find(token, text):\n"
              "    APIClient('id', 'secret', token).messages.search(text)\n")
    root = _write(tmp_path, {"auth.py": login, "agenda.py": CALENDAR_READ,
                             "search.py": search})
    assert _default_scopes_fix(root) == ("calendar.read_only", "email.read_only")


MOCKED_TEST = """\
from unittest import mock

from nylas import APIClient

import triage


def test_default_scopes_are_everything():
    url = APIClient("id", "secret").authentication_url("https://localhost/cb")
    assert "scopes=email,calendar,contacts" in url


def test_mark_all_read():
    client = mock.create_autospec(APIClient)
    client.messages.get.return_value.mark_as_read.side_effect = None
    triage.helper(client)
    client.messages.get.assert_called_once()
    client.messages.get.return_value.mark_as_read.assert_called_once()
    client.drafts.create().send()
"""


def test_tests_of_the_app_do_not_change_its_findings(tmp_path: Path) -> None:
    app = {
        "auth.py": AUTH.format(scopes='["email.modify"]'),
        "triage.py": TRIAGE.replace("message.mark_as_read()", "print(message.subject)")
        + "\n\ndef helper(client: APIClient):\n    return client.messages.get('x').subject\n",
    }
    without = _codes(_findings(_write(tmp_path / "a", app)))
    assert without == [("auth.py", 3, "NYS302")]
    for name in ("tests/test_triage.py", "test_triage.py", "triage_test.py", "conftest.py"):
        root = _write(tmp_path / name.replace("/", "_"), {**app, name: MOCKED_TEST})
        findings = _findings(root)
        # The test's own request gets its list finding; the app's findings stay.
        assert [f for f in _codes(findings) if f[0] != Path(name).name] == without, name
        assert {f.code for f in findings if Path(f.span.path).name == Path(name).name} == {
            "NYS105"}


def test_test_file_patterns() -> None:
    for path in ("tests/helpers.py", "pkg/tests/helpers.py", "test/x.py", "conftest.py"):
        assert is_test_module(path), path
    for path in ("test_x.py", "x_test.py", "app/tests.py"):
        assert is_test_module(path, ["app.test_x.test_sends"]), path
        assert is_test_module(path, ["app.test_x.TestInbox"]), path
        assert not is_test_module(path, ["app.test_x.Command.handle"]), path
    for path in ("app/views.py", "contest.py", "latest.py", "attestation/x.py",
                 "app/testimonials.py", "app/testing/smoke.py"):
        assert not is_test_module(path, ["app.x.test_it"]), path


def test_a_module_that_calls_a_test_library_is_a_test_unless_the_app_imports_it() -> None:
    assert is_test_module("app/testing/fixtures.py", calls_test_library=True)
    assert not is_test_module("app/testing/fixtures.py", calls_test_library=True,
                              imported_by_app=True)
    for name in ("pytest", "pytest.fixture", "unittest.mock.patch.object"):
        assert is_test_library(name), name
    for name in ("pytester", "unittest.TestCase", "mock.patch", "app.pytest_tools",
                 "unittest.mock.MagicMock", "unittest.mock.create_autospec",
                 "unittest.mock.patcher"):
        assert not is_test_library(name), name


# A task module the worker finds by name (no module of the app imports it), with an
# offline mode that stands a mock in for the client.
OFFLINE_TASKS = """\
import os
from unittest.mock import MagicMock

from nylas import APIClient


def _client(token):
    if os.environ.get("NYLAS_OFFLINE"):
        return MagicMock()
    return APIClient("id", "secret", token)


def sync_events(token):
    return [event.title for event in _client(token).events.where(starts_after=0)]
"""


def test_a_module_that_only_makes_a_mock_is_app_code(tmp_path: Path) -> None:
    root = _write(tmp_path, {"auth.py": AUTH.format(scopes='["email.read_only"]'),
                             "views.py": INBOX_VIEW, "tasks.py": OFFLINE_TASKS})
    assert _codes(_findings(root)) == [("tasks.py", 14, "NYS301")]
    # Control: a module that patches what it calls is a test's.
    patched = OFFLINE_TASKS.replace("from unittest.mock import MagicMock",
                                    "from unittest.mock import MagicMock, patch").replace(
        "        return MagicMock()", '        with patch.object(APIClient, "_get_resources"):\n'
                                     "            return MagicMock()")
    root = _write(tmp_path / "patched", {"auth.py": AUTH.format(scopes='["email.read_only"]'),
                                         "views.py": INBOX_VIEW, "tasks.py": patched})
    assert _codes(_findings(root)) == []


# A handler the platform runs by name (no module imports it), whose dry run patches
# the client's send with ``unittest.mock``; otherwise it sends for real.
DRY_RUN_HANDLER = """\
import os
from unittest import mock

from nylas import APIClient


def _send(token):
    APIClient("id", "secret", token).drafts.create(to=[{"email": "a@b.c"}]).send()


def handler(event, context):
    if os.environ.get("DRY_RUN"):
        with mock.patch.object(APIClient, "_post_resource"):
            return _send(event["token"])
    return _send(event["token"])
"""


def _dry_run(root: Path, handler: str = "handler.py", tests_import_it: bool = False,
             every: bool = False) -> list[tuple[str, int, str]]:
    files = {"auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
             "views.py": INBOX_VIEW, handler: DRY_RUN_HANDLER}
    if tests_import_it:
        files["tests/test_handler.py"] = ("from handler import handler\n\n\n"
                                          "def test_dry_run():\n    handler({}, None)\n")
    return _codes(_findings(_write(root, files), every=every))


def test_a_module_that_patches_may_be_the_apps_run_by_name(tmp_path: Path) -> None:
    # Its send may be the app's: 'email.send' is not called unused, also when the
    # handler's tests import it.
    assert _dry_run(tmp_path / "a") == []
    assert _dry_run(tmp_path / "b", tests_import_it=True) == []
    # Said at the send, and where the client class is handed to the patcher.
    assert _dry_run(tmp_path / "c", every=True) == [
        ("handler.py", 8, "NYS304"), ("handler.py", 13, "NYS304")]


def test_a_module_that_patches_among_the_tests_is_theirs(tmp_path: Path) -> None:
    # Control: placed with the tests, it is a test's helper and its send needs nothing.
    assert _dry_run(tmp_path, handler="tests/helpers.py") == [("auth.py", 3, "NYS303")]


# Fixtures the package ships for its own tests and for projects that use it; the
# conftest loads them by name, so no import of the app reaches them.
SHIPPED_FIXTURES = """\
from unittest.mock import patch

import pytest
from nylas import APIClient


@pytest.fixture
def seeded_account():
    with patch("nylas.APIClient") as client_class:
        client = APIClient("id", "secret", "token")
        client.events.create(title="seed").save()
        yield client_class
"""


def _shipped_fixtures(root: Path, fixtures: str, view_imports_them: bool = False,
                      ) -> list[tuple[str, int, str]]:
    return _codes(_findings(_write(root, {
        "auth.py": AUTH.format(scopes='["email.read_only"]'),
        "views.py": ("from testing.fixtures import seeded_account\n"
                     if view_imports_them else "") + INBOX_VIEW,
        "testing/__init__.py": "",
        "testing/fixtures.py": fixtures,
        "tests/conftest.py": 'pytest_plugins = ["testing.fixtures"]\n',
    })))


def test_fixtures_loaded_through_pytest_plugins_need_no_scope(tmp_path: Path) -> None:
    assert _shipped_fixtures(tmp_path, SHIPPED_FIXTURES) == []


def test_the_same_calls_without_pytest_are_app_code(tmp_path: Path) -> None:
    # A context manager that seeds an account: the event it writes needs 'calendar'
    # of the same grants.
    script = SHIPPED_FIXTURES.replace("import pytest", "import contextlib").replace(
        "@pytest.fixture", "@contextlib.contextmanager")
    assert _shipped_fixtures(tmp_path, script) == [("fixtures.py", 11, "NYS301")]


def test_fixtures_the_app_imports_are_app_code(tmp_path: Path) -> None:
    assert _shipped_fixtures(tmp_path, SHIPPED_FIXTURES, view_imports_them=True) == [
        ("fixtures.py", 11, "NYS301")]


# Fakes for the tests, beside the app rather than in ``tests/``: the contact is
# written with the client's request method patched out.
TESTUTILS = """\
from unittest import mock

from nylas import APIClient


def fake_account(token):
    with mock.patch.object(APIClient, "_post_resource"):
        client = APIClient("id", "secret", token)
        client.contacts.create().save()
        return client
"""


def _testutils(root: Path, testutils: str, view_imports_it: bool = False,
               ) -> list[tuple[str, int, str]]:
    return _codes(_findings(_write(root, {
        "auth.py": AUTH.format(scopes='["email.read_only"]'),
        "views.py": ("from testutils import fake_account\n"
                     if view_imports_it else "") + INBOX_VIEW,
        "testutils.py": testutils,
        "tests/test_views.py": "from testutils import fake_account\n\n\n"
                               "def test_inbox():\n    fake_account('t')\n",
    })))


def test_fakes_that_patch_the_client_need_no_scope(tmp_path: Path) -> None:
    assert _testutils(tmp_path, TESTUTILS) == []


def test_fakes_the_app_imports_are_app_code(tmp_path: Path) -> None:
    assert _testutils(tmp_path, TESTUTILS, view_imports_it=True) == [
        ("testutils.py", 9, "NYS301")]


def test_the_same_calls_without_mock_are_app_code(tmp_path: Path) -> None:
    script = TESTUTILS.replace("from unittest import mock", "import contextlib").replace(
        'mock.patch.object(APIClient, "_post_resource")', "contextlib.nullcontext()")
    assert _testutils(tmp_path, script) == [("testutils.py", 9, "NYS301")]


def test_a_project_under_a_test_directory_is_not_all_tests(tmp_path: Path) -> None:
    app = {"auth.py": AUTH.format(scopes='["email.modify"]'),
           "triage.py": TRIAGE.replace("message.mark_as_read()", "print(message.subject)")}
    root = _write(tmp_path / "test" / "project", app)
    assert _codes(_findings(root)) == [("auth.py", 3, "NYS302")]


def test_a_command_named_like_a_test_is_app_code(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.send"]'),
        "management/commands/test_email.py": """\
            from nylas import APIClient


            class Command:
                def handle(self, token):
                    APIClient("id", "secret", token).drafts.create(to=[]).send()
        """,
    })
    # Seen as app code, the send is what the scope is for: no NYS303.
    assert _codes(_findings(root, providers=("office365",))) == []


TEST_EMAIL = """\
from nylas import APIClient


def test_email_settings(token):
    APIClient("id", "secret", token).drafts.create(to=[]).send()
"""


def _send_test_email(root: Path, imported: bool) -> list[tuple[str, int, str]]:
    return _codes(_findings(_write(root, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "test_email.py": TEST_EMAIL,
        "views.py": ("from test_email import test_email_settings\n" if imported else "")
        + INBOX_VIEW,
    }), providers=("office365",)))


INBOX_VIEW = """\
from nylas import APIClient


def inbox(token):
    return [m.subject for m in APIClient("id", "secret", token).messages.where(unread=True)]
"""


def test_a_module_named_like_a_test_that_the_app_imports_is_app_code(
        tmp_path: Path) -> None:
    # The settings page's "send a test email" button calls ``test_email_settings()``.
    assert _send_test_email(tmp_path, imported=True) == []


def test_a_module_named_like_a_test_that_nothing_imports_is_a_test(tmp_path: Path) -> None:
    assert _send_test_email(tmp_path, imported=False) == [("auth.py", 3, "NYS303")]


# The settings page's "send a test email" button, written the ways views reach a module.
CALLS_TEST_EMAIL = {
    "lazy import in the view": """\
        from nylas import APIClient


        def send_test(token):
            from test_email import test_email_settings
            test_email_settings(token)
    """,
    "module imported, function called through it": """\
        import test_email


        def send_test(token):
            test_email.test_email_settings(token)
    """,
}


@pytest.mark.parametrize("view", CALLS_TEST_EMAIL.values(), ids=list(CALLS_TEST_EMAIL))
def test_a_module_named_like_a_test_that_the_app_calls_is_app_code(
        tmp_path: Path, view: str) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "test_email.py": TEST_EMAIL,
        "views.py": INBOX_VIEW,
        "settings_page.py": view,
    })
    assert _codes(_findings(root, providers=("office365",))) == []


def test_a_module_named_like_a_test_that_only_tests_call_is_a_test(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "test_email.py": TEST_EMAIL,
        "views.py": INBOX_VIEW,
        "tests/test_settings_page.py": CALLS_TEST_EMAIL["lazy import in the view"],
    })
    assert _codes(_findings(root, providers=("office365",))) == [("auth.py", 3, "NYS303")]


def test_the_account_is_not_called_a_collection() -> None:
    assert describe(("coll", "account")) == "the Nylas account object"
    assert describe(("coll", "messages")) == "the Nylas messages collection"


def test_a_lost_value_is_named_as_written(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only"]'),
        "mail.py": """\
            import lib
            from nylas import APIClient


            def who(token):
                client = APIClient("id", "secret", token)
                inbox = client.messages
                lib.keep(inbox)
                lib.keep([client.threads.first()])
        """,
    })
    messages = sorted(f.message for f in _findings(root, every=True) if f.code == "NYS304")
    assert messages == [
        "NYS304 a container of a Nylas Thread is passed to lib.keep(); usage rules stay"
        " silent for the scopes it could touch",
        "NYS304 inbox (the Nylas messages collection) is passed to lib.keep(); usage"
        " rules stay silent for the scopes it could touch",
    ]


# The contacts are read and written through an object the analysis sees only as an
# instance (or a method) of the project: what gives the attribute at run time is a
# protocol it does not model.
CONTACT_AUTH = AUTH.format(scopes='["email.read_only", "contacts"]')
READER = """\
from nylas import APIClient


def subjects(token):
    return [m.subject for m in APIClient("id", "secret", token).messages.all()]
"""
HIDDEN_RECEIVERS = {
    "a descriptor's __get__": """\
        from nylas import APIClient


        class NylasAttribute:
            def __get__(self, obj, owner):
                return APIClient("id", "secret", obj.token)


        class Service:
            nylas = NylasAttribute()

            def __init__(self, token):
                self.token = token

            def rename(self, name):
                contact = self.nylas.contacts.create()
                contact.given_name = name
                contact.save()
    """,
    "a method under a library's caching decorator": """\
        from nylas import APIClient
        from pyramid.decorator import reify


        class Service:
            def __init__(self, token):
                self.token = token

            @reify
            def nylas(self):
                return APIClient("id", "secret", self.token)

            def rename(self, name):
                contact = self.nylas.contacts.create()
                contact.given_name = name
                contact.save()
    """,
    "an instance's __call__": """\
        from nylas import APIClient


        class Factory:
            def __call__(self, token):
                return APIClient("id", "secret", token)


        make = Factory()


        def rename(token, name):
            for contact in make(token).contacts.where(limit=5):
                contact.given_name = name
                contact.save()
    """,
}


# Of those, the protocols the analysis models: what the method returns is the value.
MODELLED_PROTOCOLS = frozenset({"a descriptor's __get__", "an instance's __call__"})


@pytest.mark.parametrize("text", HIDDEN_RECEIVERS.values(), ids=list(HIDDEN_RECEIVERS))
def test_an_attribute_a_project_object_does_not_have_is_not_its_own(
    tmp_path: Path, text: str
) -> None:
    root = _write(tmp_path, {"auth.py": CONTACT_AUTH, "reader.py": READER,
                             "service.py": text})
    assert _codes(_findings(root)) == []
    unresolved = [f.message for f in _findings(root, every=True) if f.code == "NYS304"]
    if text in {HIDDEN_RECEIVERS[name] for name in MODELLED_PROTOCOLS}:
        # The client ``__get__`` or ``__call__`` returns makes the contacts calls.
        assert unresolved == []
    else:
        assert unresolved and all("contacts" in message for message in unresolved)


def test_a_project_object_that_has_the_attribute_is_still_followed(tmp_path: Path) -> None:
    # The same service with a plain property: the contacts write is seen, and a
    # request that does not use contacts still gets its finding.
    service = textwrap.dedent(HIDDEN_RECEIVERS["a method under a library's caching decorator"])
    service = service.replace("from pyramid.decorator import reify\n", "").replace(
        "@reify", "@property")
    root = _write(tmp_path, {"auth.py": CONTACT_AUTH, "reader.py": READER,
                             "service.py": service})
    assert _findings(root, every=True) == []
    root = _write(tmp_path / "unused", {
        "auth.py": CONTACT_AUTH, "reader.py": READER,
        "service.py": service.replace("contact.save()", "print(contact.given_name)").replace(
            "contact = self.nylas.contacts.create()", "contact = self.nylas.account"),
    })
    assert _codes(_findings(root)) == [("auth.py", 3, "NYS303")]


def test_a_lambda_and_a_framework_object_are_named_in_words(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only"]'),
        "mail.py": """\
            import lib
            from nylas import APIClient


            def setup(app, token):
                app.registry.nylas = APIClient("id", "secret", token)


            def run(tokens):
                lib.pool.map(lambda token: APIClient("id", "secret", token), tokens)
        """,
    })
    messages = sorted(f.message for f in _findings(root, every=True) if f.code == "NYS304")
    assert messages == [
        "NYS304 a Nylas client is stored on an object the analysis does not follow; usage"
        " rules stay silent for the scopes it could touch",
        "NYS304 a lambda returning Nylas objects is passed to lib.pool.map(); usage rules"
        " stay silent for the scopes it could touch",
    ]


def _inbox(root: Path, context: str) -> list[tuple[str, int, str]]:
    _write(root, {"app.py": f"""\
        from flask import render_template
        from nylas import Client

        nylas = Client("key")
        SCOPES = [
            "https://www.googleapis.com/auth/calendar.readonly",
            "https://www.googleapis.com/auth/gmail.readonly",
        ]


        def login():
            return nylas.auth.url_for_oauth2({{
                "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
                "scope": SCOPES,
            }})


        def home(grant_id):
            calendars = nylas.calendars.list(grant_id).data
            return render_template("home.html", grant_id=grant_id, {context})
        """})
    return _codes(_findings(root))


def test_a_template_given_something_it_can_call_may_make_requests(tmp_path: Path) -> None:
    # Jinja calls methods: ``{% for m in messages.list(grant_id).data %}``.
    for name, context in [("resource", "messages=nylas.messages"),
                          ("client", "nylas=nylas"),
                          ("method", "list_messages=nylas.messages.list"),
                          ("context dict", "**{'messages': nylas.messages}")]:
        assert _inbox(tmp_path / name, context) == [], name


def test_a_template_given_data_reads_no_more(tmp_path: Path) -> None:
    # The calendars are data: the mail scope is still unused.
    assert _inbox(tmp_path, "calendars=calendars") == [("app.py", 7, "NYS303")]


# A client made outside the project (an installed company package, a sibling package
# of a monorepo), imported by a module that drafts with it.
OUTSIDE_CLIENT_LOGIN = '''
from nylas import Client

nylas = Client("key")
SCOPES = [
    "https://www.googleapis.com/auth/gmail.readonly",
    "https://www.googleapis.com/auth/gmail.compose",
]


def login():
    return nylas.auth.url_for_oauth2({"client_id": "c", "provider": "google",
                                      "redirect_uri": "https://a/cb", "scope": SCOPES})


def inbox(grant):
    return nylas.messages.list(grant)
'''


def _drafting_with(root: Path, imported: str) -> list[str]:
    _write(root, {"login.py": OUTSIDE_CLIENT_LOGIN, "compose.py": f'''
{imported}


def compose(grant):
    return client.drafts.create(grant, request_body={{"subject": "hi"}})
'''})
    return [code for _, _, code in _codes(_findings(root, every=True))]


def test_a_client_imported_from_outside_under_a_nylas_name_is_unresolved(
    tmp_path: Path,
) -> None:
    # Taken for another library's object, its drafts went unseen and 'gmail.compose'
    # was called unused.
    for index, imported in enumerate((
        "from shared.nylas_setup import client",
        "from shared.setup import nylas_client as client",
    )):
        codes = _drafting_with(tmp_path / str(index), imported)
        assert "NYS303" not in codes and "NYS304" in codes, imported


def test_another_librarys_object_imported_from_outside_is_not_taken_for_nylas(
    tmp_path: Path,
) -> None:
    assert _drafting_with(tmp_path, "from shared.setup import client") == ["NYS303"]


LABELS_AUTH = AUTH.format(scopes='["email.modify"]')


def _relabel_module(receiver: str, write: str) -> dict[str, str]:
    # A module whose text never says Nylas: the client comes from ``auth``, and its
    # own read reaches it.
    return {"auth.py": LABELS_AUTH + "\nclient = APIClient('id', 'secret', 'token')\n",
            "jobs.py": f'''\
from auth import client


def relabel({receiver.split(".")[0].split("[")[0]}, thread_id):
    print(list(client.messages.where(limit=1)))
    {receiver}{write}
'''}


@pytest.mark.parametrize("receiver", ['ctx.obj["api"]', "mailer.api"])
def test_a_module_that_reaches_nylas_takes_an_unknown_receiver_for_a_client(
    tmp_path: Path, receiver: str
) -> None:
    # The label write on a client a framework hands over went unseen, and
    # 'email.modify' was called broader than needed.
    files = _relabel_module(receiver, '.threads.get(thread_id).update_labels(["done"])')
    codes = [code for _, _, code in _codes(_findings(_write(tmp_path, files), every=True))]
    assert "NYS302" not in codes and "NYS304" in codes


def test_a_call_that_does_not_look_like_nylas_keeps_the_broader_claim(
    tmp_path: Path
) -> None:
    files = _relabel_module("mailer.api", '.tickets.get(thread_id).close("done")')
    root = _write(tmp_path, files)
    assert [code for _, _, code in _codes(_findings(root, every=True))] == ["NYS302"]


# One list for Nylas and for the app's own Google OAuth flow: no Nylas call reads the
# calendar, but the app's Google calls may.
SHARED_GOOGLE_SCOPES = '''
GOOGLE_SCOPES = [
    "https://www.googleapis.com/auth/gmail.readonly",
    "https://www.googleapis.com/auth/calendar.readonly",
]
'''
NYLAS_LOGIN = '''
from nylas import Client
from nylas.models.auth import URLForAuthenticationConfig

from scopes import GOOGLE_SCOPES

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2(URLForAuthenticationConfig(
        client_id="c", redirect_uri="https://a/cb", provider="google", scope=GOOGLE_SCOPES))


def inbox(grant):
    return nylas.messages.list(grant)
'''


def _with_google_module(root: Path, google: str) -> list[str]:
    _write(root, {"scopes.py": SHARED_GOOGLE_SCOPES, "login.py": NYLAS_LOGIN,
                  "google_api.py": "from scopes import GOOGLE_SCOPES\n" + google})
    return [code for _, _, code in _codes(_findings(root))]


@pytest.mark.parametrize("google", [
    'flow = Flow.from_client_secrets_file("client.json", scopes=GOOGLE_SCOPES)\n',
    'flow = InstalledAppFlow.from_client_secrets_file("client.json", GOOGLE_SCOPES)\n',
    'oauth = OAuth2Session("id", scope=list(GOOGLE_SCOPES))\n',
])
def test_a_list_another_oauth_request_reads_gets_no_unused_claim(
    tmp_path: Path, google: str
) -> None:
    assert _with_google_module(tmp_path, google) == []


@pytest.mark.parametrize("google", [
    'print(", ".join(GOOGLE_SCOPES))\n',
    'log.info("scopes: %s", GOOGLE_SCOPES)\n',
])
def test_a_list_only_shown_elsewhere_keeps_the_unused_claim(tmp_path: Path, google: str) -> None:
    assert _with_google_module(tmp_path, google) == ["NYS303"]


def _shared_with_templates(root: Path, decorator: str, returned: str) -> list[tuple[str, int, str]]:
    _write(root, {"app.py": f"""\
        import functools

        from flask import Flask, render_template
        from nylas import Client

        app = Flask(__name__)
        nylas = Client("key")
        SCOPES = [
            "https://www.googleapis.com/auth/calendar.readonly",
            "https://www.googleapis.com/auth/gmail.readonly",
        ]


        def login():
            return nylas.auth.url_for_oauth2({{
                "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
                "scope": SCOPES,
            }})


        {decorator}
        def shared():
            return {returned}


        def home(grant_id):
            messages = shared_client().messages.list(grant_id).data
            return render_template("home.html", grant_id=grant_id, messages=messages)


        @functools.cache
        def shared_client():
            return nylas
        """})
    return _codes(_findings(root))


def test_a_client_returned_to_a_library_that_registers_the_function_may_make_requests(
        tmp_path: Path) -> None:
    # Flask gives what a context processor returns to every template, and Jinja calls
    # methods: ``{% for c in nylas.calendars.list(grant_id).data %}``.
    for name, returned in [("client", '{"nylas": nylas}'),
                           ("resource", '{"calendars": nylas.calendars}'),
                           ("method", "dict(list_calendars=nylas.calendars.list)")]:
        assert _shared_with_templates(
            tmp_path / name, "@app.context_processor", returned) == [], name


def test_data_returned_to_a_library_and_a_cached_client_read_no_more(tmp_path: Path) -> None:
    # The context processor gives templates data, and the cached client goes only
    # where the project sends it: the calendar scope is still unused.
    assert _shared_with_templates(
        tmp_path, "@app.context_processor", '{"year": 2026}') == [("app.py", 9, "NYS303")]


STREAMLIT_PAGE = """\
import streamlit as st
from nylas import Client

SCOPES = [
    "https://www.googleapis.com/auth/calendar.readonly",
    "https://www.googleapis.com/auth/gmail.readonly",
]


{decorator}
def get_client():
    return Client(st.secrets["NYLAS_API_KEY"])


if "grant_id" not in st.session_state:
    st.link_button("Connect", get_client().auth.url_for_oauth2({{
        "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
        "scope": SCOPES,
    }}))
else:
    st.write(get_client().messages.list(st.session_state["grant_id"]).data)
"""


def test_a_client_cached_by_streamlit_goes_only_to_the_scripts_callers(
        tmp_path: Path) -> None:
    for decorator in ("@st.cache_resource", "@st.cache_resource(ttl=3600)"):
        root = _write(tmp_path / decorator[-1], {
            "Home.py": STREAMLIT_PAGE.format(decorator=decorator)})
        assert _codes(_findings(root)) == [("Home.py", 5, "NYS303")], decorator


def test_a_client_returned_to_another_streamlit_decorator_may_make_requests(
        tmp_path: Path) -> None:
    # Control: a decorator that registers the function hands what it returns on.
    root = _write(tmp_path, {"Home.py": STREAMLIT_PAGE.format(decorator="@st.fragment")})
    assert _codes(_findings(root)) == []


CONN = """\
from nylas import Client

client = Client("key")
outbox = client.messages
"""

# The module builds its Nylas objects on first use (PEP 562).
LAZY_CONN = """\
from nylas import Client

client = Client("key")


def __getattr__(name):
    if name == "outbox":
        return client.messages
    raise AttributeError(name)
"""


def _mail_package(root: Path, call: str, reexported: bool = False, conn: str = CONN
                  ) -> list[tuple[str, int, str]]:
    notify = f"""\
        def notify(grant, to):
            outbox.{call}
    """
    _write(root, {
        "acme/__init__.py": "",
        "acme/mail/conn.py": conn,
        "acme/mail/__init__.py": "from .conn import outbox\n\n\n" + (
            "" if reexported else textwrap.dedent(notify)),
        "acme/notify.py": "from .mail import outbox\n\n\n" + textwrap.dedent(notify),
        "acme/web.py": """\
            from .NOTIFIER import notify
            from .mail.conn import client

            SCOPES = [
                "https://www.googleapis.com/auth/gmail.readonly",
                "https://www.googleapis.com/auth/gmail.send",
            ]


            def login():
                return client.auth.url_for_oauth2({
                    "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
                    "scope": SCOPES,
                })


            def inbox(grant):
                notify(grant, "me@example.com")
                return client.messages.list(grant).data
        """.replace("NOTIFIER", "notify" if reexported else "mail"),
    })
    return _codes(_findings(root, every=True))


SEND = 'send(grant, request_body={"to": [{"email": to}], "body": "hi"})'


def test_a_relative_import_in_a_package_init_names_a_module_of_that_package(
        tmp_path: Path) -> None:
    # ``from .conn import outbox`` in ``acme/mail/__init__.py`` is ``acme.mail.conn``:
    # the send is followed to the end, and nothing is left unresolved.
    assert _mail_package(tmp_path, SEND) == []


def test_a_package_init_that_only_reads_leaves_the_send_scope_unused(tmp_path: Path) -> None:
    assert _mail_package(tmp_path, "list(grant)") == [("web.py", 6, "NYS303")]


def test_a_name_a_package_imports_is_what_importers_of_the_package_get(
        tmp_path: Path) -> None:
    # ``from .mail import outbox`` gets what ``acme/mail/__init__.py`` imported.
    assert _mail_package(tmp_path, SEND, reexported=True) == []


def test_a_reexported_resource_that_only_reads_leaves_the_send_scope_unused(
        tmp_path: Path) -> None:
    assert _mail_package(tmp_path, "list(grant)", reexported=True) == [("web.py", 6, "NYS303")]


def test_a_name_a_module_getattr_gives_is_what_it_returns(tmp_path: Path) -> None:
    assert _mail_package(tmp_path, SEND, reexported=True, conn=LAZY_CONN) == []


def test_a_resource_a_module_getattr_gives_that_only_reads_leaves_the_send_scope_unused(
        tmp_path: Path) -> None:
    assert _mail_package(tmp_path, "list(grant)", reexported=True, conn=LAZY_CONN) == [
        ("web.py", 6, "NYS303")]


SERVICE = """\
    class Service:
        client = None

        @classmethod
        def agenda(cls):
            return list(cls.client.events.where(calendar_id="c"))
"""
JOBS = """\
    from service import Service


    def inbox():
        return list(Service.client.messages.where(unread=True))
"""


@pytest.mark.parametrize("owner", ["Service", "service.Service"])
def test_a_client_stored_on_a_project_class_at_start_up_is_followed(
    tmp_path: Path, owner: str
) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(
            scopes='["email.read_only", "calendar.read_only", "contacts.read_only"]'),
        "service.py": SERVICE, "jobs.py": JOBS,
        "main.py": f"""\
            import service
            from nylas import APIClient
            from service import Service


            def start(token):
                {owner}.client = APIClient("id", "secret", token)
        """,
    })
    # The calls through the class attribute need mail and calendar; contacts is unused.
    assert _codes(_findings(root, every=True)) == [("auth.py", 3, "NYS303")]


def test_a_client_stored_on_a_class_of_a_library_escapes(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "contacts.read_only"]'),
        "main.py": """\
            from nylas import APIClient
            from vendor import Registry


            def start(token):
                Registry.client = APIClient("id", "secret", token)
        """,
    })
    codes = _codes(_findings(root, every=True))
    assert ("main.py", 6, "NYS304") in codes and not [c for c in codes if c[2] == "NYS303"]


def _dynamic_package(root: Path, lookup: str, call: str, use: str = "api.messages.",
                     conn: str = CONN) -> list[tuple[str, int, str]]:
    """A worker that reaches the client through ``lookup`` in a module that never
    says Nylas: the send it makes needs the send scope the web module requests."""
    _write(root, {
        "acme/__init__.py": "",
        "acme/conn.py": conn,
        "acme/web.py": """\
            from .conn import client

            SCOPES = [
                "https://www.googleapis.com/auth/gmail.readonly",
                "https://www.googleapis.com/auth/gmail.send",
            ]


            def login():
                return client.auth.url_for_oauth2({
                    "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
                    "scope": SCOPES,
                })


            def inbox(grant):
                return client.messages.list(grant).data
        """,
        "acme/worker.py": f"""\
            import importlib
            import operator
            import os
            import sys

            from acme import conn
            from acme.conn import client as linked

            WORKER_MODULE = "acme.conn"


            def notify(grant, to):
                api = {lookup}
                {use}{call}
        """,
    })
    return _codes(_findings(root, every=True))


_NAMED_LOOKUPS = [
    'importlib.import_module("acme.conn").client',
    "importlib.import_module(WORKER_MODULE).client",
    'getattr(importlib.import_module("acme.conn"), "client")',
    '__import__("acme.conn").conn.client',
    'getattr(conn, "client")',
    # Reads through a namespace, by a name written as a string.
    'vars(conn)["client"]',
    'conn.__dict__.get("client")',
    'sys.modules["acme.conn"].client',
    'sys.modules.get("acme.conn").client',
    'operator.attrgetter("client")(conn)',
    'globals()["linked"]',
]


@pytest.mark.parametrize("lookup", _NAMED_LOOKUPS)
def test_a_client_reached_through_a_module_named_by_a_string_is_followed(
        tmp_path: Path, lookup: str) -> None:
    assert _dynamic_package(tmp_path, lookup, SEND) == []


@pytest.mark.parametrize("lookup", _NAMED_LOOKUPS)
def test_a_module_named_by_a_string_that_only_reads_leaves_the_send_scope_unused(
        tmp_path: Path, lookup: str) -> None:
    assert _dynamic_package(tmp_path, lookup, "list(grant)") == [("web.py", 5, "NYS303")]


@pytest.mark.parametrize("lookup", [
    'importlib.import_module(os.environ["WORKER_MODULE"]).client',
    'getattr(importlib.import_module(os.environ["WORKER_MODULE"]), os.environ["NAME"])',
])
def test_a_client_of_a_module_whose_name_cannot_be_read_may_make_any_request(
        tmp_path: Path, lookup: str) -> None:
    assert _dynamic_package(tmp_path, lookup, "list(grant)") == [("worker.py", 14, "NYS304")]


def test_a_module_whose_name_cannot_be_read_and_is_only_imported_changes_nothing(
        tmp_path: Path) -> None:
    # ``import_module(name)`` for its side effects (signal handlers, plugins) hands
    # nothing of the module on.
    lookup = 'importlib.import_module(os.environ["WORKER_MODULE"])'
    assert _dynamic_package(tmp_path, lookup, "print(grant, to)", use="") == [
        ("web.py", 5, "NYS303")]


# Only the client of this module has ``messages``.
PLAIN_CONN = """\
from nylas import Client

client = Client("key")
TIMEOUT = 30


def make():
    return client
"""


@pytest.mark.parametrize("call, expected", [
    (SEND, []),
    ("list(grant)", [("web.py", 5, "NYS303")]),
])
def test_a_member_of_a_module_read_by_a_name_that_cannot_be_read_may_be_any(
        tmp_path: Path, call: str, expected: list[tuple[str, int, str]]) -> None:
    assert _dynamic_package(tmp_path, 'getattr(conn, os.environ["MEMBER"])', call,
                            conn=PLAIN_CONN) == expected


@pytest.mark.parametrize("lookup, conn, expected", [
    # The name may be the client's: followed as before.
    ('getattr(conn, "cli" + os.environ["MEMBER"])', PLAIN_CONN, []),
    ('getattr(conn, f"{os.environ[\'MEMBER\']}ent")', PLAIN_CONN, []),
    # Only ``TIMEOUT`` has a name that starts so, which holds no Nylas object; but the
    # analysis keeps no record of what a name bound to a literal holds, and
    # ``messages.send`` is an operation only the SDK is known to have: unresolved.
    ('getattr(conn, f"TIME{os.environ[\'MEMBER\']}")', PLAIN_CONN, [("worker.py", 14, "NYS304")]),
    # A module's ``__getattr__`` may give anything for any name.
    ('getattr(conn, f"TIME{os.environ[\'MEMBER\']}")',
     PLAIN_CONN + "\n\ndef __getattr__(name):\n    return client\n", []),
])
def test_a_member_of_a_module_read_by_a_name_built_around_text_is_one_named_so(
        tmp_path: Path, lookup: str, conn: str, expected: list[tuple[str, int, str]]) -> None:
    assert _dynamic_package(tmp_path, lookup, SEND, conn=conn) == expected


# Objects a v2 model hands out from its own data, without a request: a message's
# folder and labels, a thread's folders and labels, a delta's object, the contact a
# signature extraction parses.  Saving one is a request of its own class.
_HANDED_OUT = {
    "message folder": ('["email.read_only", "email.folders_and_labels"]', """\
        for message in client.messages.where(unread=True):
            folder = message.folder
            folder.display_name = folder.display_name.title()
            folder.save()
    """),
    "message folder saved in one chain": (
        '["email.read_only", "email.folders_and_labels"]', """\
        client.messages.get(message_id).folder.save()
    """),
    "thread labels": ('["email.read_only", "email.folders_and_labels"]', """\
        for thread in client.threads.where(unread=True):
            for label in thread.labels:
                label.save()
    """),
    "thread folders indexed": ('["email.read_only", "email.folders_and_labels"]', """\
        client.threads.get(message_id).folders[0].save()
    """),
    "delta object": ('["email.modify"]', """\
        for delta in client.deltas.since(message_id).deltas:
            delta.attributes.mark_as_read()
    """),
    "contact parsed from a signature": ('["email.read_only", "contacts"]', """\
        for signature in client.neural.extract_signature([message_id], parse_contacts=True):
            signature.contacts.to_contact_object().save()
    """),
}


def _handed_out_app(tmp_path: Path, scopes: str, body: str) -> Path:
    uses = ("from nylas import APIClient\n\n\n"
            "def run(token, message_id):\n"
            "    client = APIClient('id', 'secret', token)\n"
            + textwrap.indent(textwrap.dedent(body), "    "))
    return _write(tmp_path, {
        "auth.py": AUTH.format(scopes=scopes),
        "inbox.py": """\
            from nylas import APIClient


            def inbox(token):
                return [m.subject for m in APIClient("id", "secret", token).messages.all()]
        """,
        "uses.py": uses,
    })


@pytest.mark.parametrize("scopes, body", _HANDED_OUT.values(), ids=list(_HANDED_OUT))
def test_an_object_a_model_hands_out_makes_its_own_requests(
        tmp_path: Path, scopes: str, body: str) -> None:
    assert _findings(_handed_out_app(tmp_path, scopes, body)) == []


def test_reading_the_labels_of_a_thread_needs_no_label_scope(tmp_path: Path) -> None:
    # The labels come with the thread: reading their names requests nothing, so the
    # label scope stays unused.
    root = _handed_out_app(tmp_path, '["email.read_only", "email.folders_and_labels"]', """\
        for thread in client.threads.where(unread=True):
            print([label.display_name for label in thread.labels], thread.folders[0].id)
    """)
    assert _codes(_findings(root)) == [("auth.py", 3, "NYS303")]


_LIBRARY_HELD = """\
    from django.apps import apps
    from flask import request
    from nylas import APIClient


    def run(token):
        {call}
        return [m.subject for m in APIClient("id", "secret", token).messages.all()]
"""


def test_a_client_kept_on_a_librarys_object_under_a_client_name_may_be_called(
        tmp_path: Path) -> None:
    # ``AppConfig.ready`` stored the client; Django hands the config back.
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.modify"]'),
        "apps.py": """\
            from django.apps import AppConfig
            from nylas import APIClient


            class MailConfig(AppConfig):
                name = "mail"

                def ready(self):
                    self.nylas = APIClient("id", "secret")
        """,
        "uses.py": _LIBRARY_HELD.format(
            call='apps.get_app_config("mail").nylas.threads.get("t").mark_as_read()'),
    })
    found = _codes(_findings(root, every=True))
    assert found and set(found) == {("uses.py", 7, "NYS304")}, found


def test_a_collection_named_attribute_of_a_librarys_object_is_not_a_nylas_call(
        tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.modify"]'),
        "uses.py": _LIBRARY_HELD.format(call='request.files.get("upload").save("/tmp/x")'),
    })
    assert _codes(_findings(root)) == [("auth.py", 3, "NYS302")]


_ROW_MODEL = """\
    from nylas import APIClient


    class Mailbox:
        token = ""

        def {method}(self):
            return APIClient("id", "secret", self.token).drafts.where(limit=50)
"""


@pytest.mark.parametrize("method", ["pending_drafts", "outbox"])
def test_what_a_method_returns_to_an_object_the_analysis_cannot_tell_is_lost(
        tmp_path: Path, method: str) -> None:
    # The mailboxes come from an ORM query: ``box.pending_drafts()`` runs the
    # project's method, and the drafts it returns are sent where the analysis does
    # not follow them.  (``outbox`` is also a collection of the v2 client.)
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "models.py": _ROW_MODEL.format(method=method),
        "jobs.py": f"""\
            def flush(boxes):
                for box in boxes:
                    for draft in box.{method}():
                        draft.send()
        """,
    })
    found = _codes(_findings(root, every=True))
    assert found == [("jobs.py", 3, "NYS304")], found


def test_what_a_method_returns_to_an_instance_it_can_tell_is_followed(
        tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "models.py": _ROW_MODEL.format(method="pending_drafts"),
        "jobs.py": """\
            from models import Mailbox


            def subjects():
                return [draft.subject for draft in Mailbox().pending_drafts()]
        """,
    })
    assert _codes(_findings(root)) == [("auth.py", 3, "NYS303")]


_SUMMED = """\
    from nylas import APIClient


    def run(token):
        api = APIClient("id", "secret", token)
        drafts = sum([list(api.drafts.all()), list(api.drafts.where(unread=True))], [])
        for draft in drafts:
            {action}
        return sum(len(draft.subject) for draft in api.drafts.all())
"""


def test_lists_joined_with_sum_hold_their_elements(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "outbox.py": _SUMMED.format(action="draft.send()"),
    })
    assert _findings(root, every=True) == []


def test_lists_joined_with_sum_and_only_read_keep_the_finding(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "outbox.py": _SUMMED.format(action="print(draft.subject)"),
    })
    assert _codes(_findings(root)) == [("auth.py", 3, "NYS303")]


_LOGGED = """\
    from nylas import APIClient


    def flush(token, outbox):
        for draft in APIClient("id", "secret", token).drafts.all():
            outbox.log(draft)
"""


def test_a_logging_name_may_be_a_project_method_that_uses_what_it_gets(
        tmp_path: Path) -> None:
    # ``outbox`` is an ``Outbox`` a framework passes in: its ``log`` sends the draft.
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "audit.py": """\
            class Outbox:
                def log(self, item):
                    print("sending", item.subject)
                    item.send()
        """,
        "jobs.py": _LOGGED,
    })
    assert _codes(_findings(root, every=True)) == [("jobs.py", 6, "NYS304")]


def test_a_logging_name_no_project_method_has_only_reads(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "audit.py": """\
            class Outbox:
                def record(self, item):
                    item.send()
        """,
        "jobs.py": _LOGGED,
    })
    assert _codes(_findings(root)) == [("auth.py", 3, "NYS303")]


_PRETTY_PRINTED = """\
    import pprint

    from nylas import APIClient

    printer = pprint.PrettyPrinter(indent=4)


    def show(token):
        for draft in APIClient("id", "secret", token).drafts.all():
            printer.pprint(draft)
            print(printer.pformat(draft))
"""


def test_a_pretty_printers_methods_only_read_what_they_get(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "jobs.py": _PRETTY_PRINTED,
    })
    assert _codes(_findings(root)) == [("auth.py", 3, "NYS303")]


def test_a_pretty_printing_name_may_be_a_project_method_that_uses_what_it_gets(
        tmp_path: Path) -> None:
    # ``printer`` may be an ``Outbox`` whose ``pprint`` sends the draft.
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "audit.py": """\
            class Outbox:
                def pprint(self, item):
                    item.send()
        """,
        "jobs.py": _LOGGED.replace("outbox.log(draft)", "outbox.pprint(draft)"),
    })
    assert _codes(_findings(root, every=True)) == [("jobs.py", 6, "NYS304")]


# A class of the project whose ``__enter__`` gives a client: any object the analysis
# cannot tell that is entered in a ``with`` may be one of its instances.
_SESSION = """\
    from nylas import APIClient


    class Session:
        def __init__(self, token):
            self.token = token

        def __enter__(self):
            return APIClient("id", "secret", self.token)

        def __exit__(self, *exc):
            return None


    def inbox(token):
        with Session(token) as nylas:
            return [m.subject for m in nylas.messages.all()]
"""


@pytest.mark.parametrize("opener", [
    "codecs.open(name, 'r', 'utf8')", "io.open(name)", "gzip.open(name)",
    "zipfile.ZipFile(name)", "tarfile.open(name)"])
def test_a_file_the_standard_library_opens_is_no_project_object(
        tmp_path: Path, opener: str) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "session.py": _SESSION,
        "files.py": f"""\
            import codecs, gzip, io, tarfile, zipfile


            def read_file(name):
                with {opener} as f:
                    return f.read()
        """,
    })
    assert _codes(_findings(root, every=True)) == [("auth.py", 3, "NYS303")]


def test_what_another_library_opens_may_be_a_project_object(tmp_path: Path) -> None:
    # ``store.open(name)`` may give back what it is handed, or call the project.
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "session.py": _SESSION,
        "files.py": """\
            import store


            def read_file(name):
                with store.open(name) as f:
                    return f.read()
        """,
    })
    assert ("files.py", 6, "NYS304") in _codes(_findings(root, every=True))
    assert "NYS303" not in {f.code for f in _findings(root)}


_HELD_ON_ROWS = """\
    from nylas import APIClient


    class Mailbox:
        token = ""

        @property
        def pending(self):
            return APIClient("id", "secret", self.token).drafts.where(limit=50)

        def load(self):
            self.outgoing = list(APIClient("id", "secret", self.token).drafts.all())
"""


@pytest.mark.parametrize(("attribute", "line"), [("pending", 3), ("outgoing", 4)])
def test_what_an_object_the_analysis_cannot_tell_holds_is_lost_where_read(
        tmp_path: Path, attribute: str, line: int) -> None:
    # A property, or what ``load`` keeps on the instance, read on a row an ORM gave.
    # Iterating the property's query fetches it (line 3); iterating the list ``load``
    # keeps fetches nothing, and the draft sent from it is the use (line 4).
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "models.py": _HELD_ON_ROWS,
        "jobs.py": f"""\
            def flush(boxes):
                for box in boxes:
                    for draft in box.{attribute}:
                        draft.send()
        """,
    })
    assert _codes(_findings(root, every=True)) == [("jobs.py", line, "NYS304")]


def test_what_an_instance_it_can_tell_holds_is_followed(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "models.py": _HELD_ON_ROWS,
        "jobs.py": """\
            from models import Mailbox


            def subjects():
                box = Mailbox()
                box.load()
                return [draft.subject for draft in box.outgoing]
        """,
    })
    assert _codes(_findings(root)) == [("auth.py", 3, "NYS303")]


_BOX = """\
    from nylas import APIClient


    class Box:
        def __init__(self, token):
            self.client = APIClient("id", "secret", token)
            self.outgoing = []

        def pending_drafts(self):
            return list(self.client.drafts.all())

        def queue(self):
            self.outgoing.append(self.client.drafts.create())
"""


def _box_app(tmp_path: Path, jobs: str, extra: dict[str, str] | None = None) -> Path:
    return _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "models.py": _BOX,
        "jobs.py": jobs,
        **(extra or {}),
    })


_UNKNOWN_BOXES = {
    "attribute held in a name": """\
        from db import load_boxes


        def flush():
            for box in load_boxes():
                items = box.outgoing
                for draft in items:
                    draft.send()
    """,
    "bound method kept, then called": """\
        from db import load_boxes


        def flush():
            fetch = [box.pending_drafts for box in load_boxes()]
            for get in fetch:
                for draft in get():
                    draft.send()
    """,
    "operator.methodcaller": """\
        import operator
        from db import load_boxes


        def flush():
            for box in load_boxes():
                for draft in operator.methodcaller("pending_drafts")(box):
                    draft.send()
    """,
    "flask_login's current_user": """\
        from flask_login import current_user


        def flush():
            for draft in current_user.pending_drafts():
                draft.send()
    """,
    "an attribute of current_user held in a name": """\
        from flask_login import current_user


        def flush():
            items = current_user.outgoing
            for draft in items:
                draft.send()
    """,
    "what flask.g holds": """\
        from flask import g


        def flush():
            for draft in g.box.pending_drafts():
                draft.send()
    """,
    "the user a Django view gets": """\
        def flush(request):
            for draft in request.user.pending_drafts():
                draft.send()
    """,
}


@pytest.mark.parametrize("jobs", _UNKNOWN_BOXES.values(), ids=_UNKNOWN_BOXES.keys())
def test_what_an_unknown_object_gives_stays_lost_however_it_is_reached(
        tmp_path: Path, jobs: str) -> None:
    # The box may be a ``Box``: its drafts are sent where the analysis does not
    # follow them, so ``email.send`` is not unused.
    found = _codes(_findings(_box_app(tmp_path, jobs), every=True))
    assert [code for _, _, code in found] == ["NYS304"], found
    assert found[0][0] == "jobs.py"


_FOLLOWED_OR_FOREIGN = {
    "an attribute of a known instance held in a name": """\
        from models import Box


        def subjects():
            box = Box("t")
            box.queue()
            items = box.outgoing
            return [draft.subject for draft in items]
    """,
    "a bound method of a known instance kept, then called": """\
        from models import Box


        def subjects():
            fetch = [Box("t").pending_drafts]
            return [draft.subject for get in fetch for draft in get()]
    """,
    "operator.methodcaller on a known instance": """\
        import operator
        from models import Box


        def subjects():
            return [d.subject for d in operator.methodcaller("pending_drafts")(Box("t"))]
    """,
    "operator.attrgetter on a known instance": """\
        import operator
        from models import Box


        def subjects():
            return [d.subject for d in operator.attrgetter("outgoing")(Box("t"))]
    """,
    "a name no project class has, on an unknown object": """\
        from db import load_boxes


        def flush():
            for box in load_boxes():
                items = box.archived
                for draft in items:
                    draft.send()
                for draft in box.archived_drafts():
                    draft.send()
    """,
    "the standard library and the framework's own request": """\
        import os
        from flask import request


        def settings():
            return os.environ.get("OUTGOING", "").split(","), request.args.get("outgoing")
    """,
}


@pytest.mark.parametrize("jobs", _FOLLOWED_OR_FOREIGN.values(), ids=_FOLLOWED_OR_FOREIGN.keys())
def test_what_a_known_or_foreign_object_gives_keeps_the_finding(
        tmp_path: Path, jobs: str) -> None:
    # ``get`` and ``outgoing`` name the project's Nylas values too: an object of
    # the standard library or of the framework is still not one of the project's.
    methods = _BOX + """\

        def get(self):
            return self.outgoing
"""
    root = _box_app(tmp_path, jobs, {"models.py": methods})
    assert _codes(_findings(root)) == [("auth.py", 3, "NYS303")]


_CALLED_BY_NAME = """\
    import operator

    from nylas import APIClient


    def flush(token):
        for draft in APIClient("id", "secret", token).drafts.all():
            operator.methodcaller("{method}")(draft)
"""


def test_a_method_called_through_methodcaller_is_a_request(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "outbox.py": _CALLED_BY_NAME.format(method="send"),
    })
    assert _findings(root, every=True) == []


def test_a_data_method_called_through_methodcaller_needs_no_scope(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "outbox.py": _CALLED_BY_NAME.format(method="as_json"),
    })
    assert _codes(_findings(root)) == [("auth.py", 3, "NYS303")]


_WALRUS_LOOP = """\
    from nylas import APIClient


    def flush(token):
        api = APIClient("id", "secret", token)
        for draft in (drafts := list(api.drafts.all())):
            {action}
        return len(drafts)
"""


def test_a_name_a_loop_binds_in_its_iterable_is_followed(tmp_path: Path) -> None:
    # The drafts are only read: ``drafts`` holds them, and the analysis follows it.
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "outbox.py": _WALRUS_LOOP.format(action="print(draft.subject)"),
    })
    assert _codes(_findings(root, every=True)) == [("auth.py", 3, "NYS303")]


def test_a_name_a_loop_binds_in_its_iterable_keeps_its_uses(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "auth.py": AUTH.format(scopes='["email.read_only", "email.send"]'),
        "outbox.py": _WALRUS_LOOP.format(action="draft.send()"),
    })
    assert _findings(root, every=True) == []


_DICT_READS = {
    # A dict's items() is no list of drafts a ``Box`` keeps as ``outgoing``: lists
    # cannot be called.
    "a dict method named like held drafts": """\
        import json


        def handle(body):
            params = json.loads(body)
            for key, outgoing in params.outgoing():
                print(key, outgoing)
    """,
    "a method of that name on a parameter": """\
        def handle(payload):
            return [row for row in payload.outgoing()]
    """,
}


@pytest.mark.parametrize("jobs", _DICT_READS.values(), ids=_DICT_READS.keys())
def test_calling_what_the_project_keeps_only_as_data_loses_nothing(
        tmp_path: Path, jobs: str) -> None:
    # ``Box`` keeps drafts under ``outgoing`` but has no method of that name: a call
    # ``x.outgoing()`` cannot be one of its values, so nothing is unresolved, and
    # ``email.send``, which no call needs here, stays unused.
    found = _codes(_findings(_box_app(tmp_path, jobs), every=True))
    assert found == [("auth.py", 3, "NYS303")], found


def test_calling_a_method_the_project_has_by_that_name_stays_lost(tmp_path: Path) -> None:
    # The control: ``pending_drafts`` is a method of ``Box``; called on an object the
    # analysis cannot tell, what it returns is lost, and email.send is not unused.
    jobs = """\
        def handle(payload):
            for draft in payload.pending_drafts():
                draft.send()
    """
    found = _codes(_findings(_box_app(tmp_path, jobs), every=True))
    assert [code for _, _, code in found] == ["NYS304"], found


def test_infer_says_what_a_call_of_uncertain_need_likely_needs(tmp_path: Path) -> None:
    login = ('from nylas import APIClient\n\n'
             'URL = APIClient("id", "secret").authentication_url('
             '"https://app.example.com/cb", scopes=["calendar"])\n')

    def inferred(root: Path) -> tuple[list[str], list[str]]:
        [state] = analyse([str(root)], make_config(), lambda code: True,
                          use_cache=False).states
        assert state.inference is not None
        return state.inference.scopes, state.inference.likely

    # The search's results are not read (which would need a mail scope certainly).
    search = ("from nylas import APIClient\n\n\ndef find(token, text):\n"
              "    APIClient('id', 'secret', token).messages.search(text)\n")
    root = _write(tmp_path / "search", {"auth.py": login, "agenda.py": CALENDAR_READ,
                                        "search.py": search})
    assert inferred(root) == (["calendar.read_only"], ["email.read_only"])
    # A mail scope the certain calls need serves the search too: nothing more.
    root = _write(tmp_path / "inbox", {"auth.py": login, "agenda.py": CALENDAR_READ,
                                       "search.py": search, "inbox.py": SEARCH})
    assert inferred(root) == (["calendar.read_only", "email.read_only"], [])
