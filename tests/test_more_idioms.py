"""Small apps in idioms real projects use (a client handed in by a framework, a
client's own factory on a project subclass, ...), each judged as its author would run
the tool on it: a scope the code may need is never called unused, and what the
analysis cannot follow is said."""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_apps import Found, V2_PYPROJECT, app_findings


# ``app/auth.py``: an API v2 login asking for mail reading (line 9) and calendar
# reading (line 9), and a mail read that needs the first.
V2_AUTH = """\
from nylas import APIClient

client = APIClient("id", "secret")


def login():
    return client.authentication_url(
        "https://example.com/cb",
        scopes=["email.read_only", "calendar.read_only"])


def inbox():
    return client.messages.all()
"""


def _unused(found: list[Found], scope: str) -> bool:
    return any(code.startswith("NYS303") and repr(scope) in code for _, _, code in found)


def _v2_app(tmp_path: Path, module: str) -> list[Found]:
    return app_findings(tmp_path, {"app/auth.py": V2_AUTH, "app/jobs.py": module},
                        V2_PYPROJECT)


def test_free_busy_on_a_client_handed_in_keeps_the_calendar_scope(tmp_path: Path) -> None:
    # ``api`` is filled by code the analysis does not see: its ``free_busy`` may be the
    # API v2 client's, which reads calendars, so the calendar scope is not unused.
    found = _v2_app(tmp_path, """\
        def busy(api):
            return api.free_busy(["a@example.com"], 0, 60)
        """)
    assert not _unused(found, "calendar.read_only")
    assert ("jobs.py", 2, "NYS304 NYS304 cannot tell whether api.free_busy() is a Nylas call; "
            "usage rules stay silent for the scopes it could touch") in found


def test_availability_on_a_client_handed_in_keeps_the_calendar_scope(tmp_path: Path) -> None:
    found = _v2_app(tmp_path, """\
        def slots(nylas_api):
            return nylas_api.consecutive_availability(["a@example.com"], 30, 15, 0, 60)
        """)
    assert not _unused(found, "calendar.read_only")
    assert {line for name, line, code in found
            if name == "jobs.py" and code.startswith("NYS304")} == {2}


def test_a_client_method_that_needs_no_scope_stays_silent(tmp_path: Path) -> None:
    # Control: ``revoke_token`` touches no grant scope, so it leaves the calendar scope
    # nothing reads unused, and is no use the analysis cannot follow.
    found = _v2_app(tmp_path, """\
        def logout(api):
            return api.revoke_token()
        """)
    assert _unused(found, "calendar.read_only")
    assert not any(name == "jobs.py" for name, _, _ in found)


def test_availability_in_a_nylas_module_keeps_the_calendar_scope(tmp_path: Path) -> None:
    # ``availability`` is a common name, but in a module that mentions Nylas the
    # object handed in may be the client.
    found = _v2_app(tmp_path, """\
        from nylas import APIClient


        def slots(api: "APIClient | None", other):
            return other.availability(["a@example.com"], 30, 15, 0, 60)
        """)
    assert not _unused(found, "calendar.read_only")


def test_availability_of_another_object_elsewhere_is_not_a_nylas_call(tmp_path: Path) -> None:
    # Control: a room's ``availability()`` in a module that never mentions Nylas is
    # another library's method, as Django's ``messages.all()`` is.
    found = _v2_app(tmp_path, """\
        def free_rooms(room):
            return room.availability(0, 60)
        """)
    assert _unused(found, "calendar.read_only")


# ``app/nylas_client.py``: the project's subclass of the API v3 client, made by a
# factory classmethod; ``app/auth.py`` asks for mail reading and the contacts.
SUBCLASS = """\
import os

from nylas import Client


class AppClient(Client):
    @classmethod
    def from_env(cls) -> "AppClient":
        return cls(os.environ["NYLAS_API_KEY"])
"""

SUBCLASS_AUTH = """\
from app.nylas_client import AppClient


def login():
    return AppClient.from_env().auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://example.com/cb", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/contacts.readonly"]})
"""


def test_a_client_subclass_made_by_its_classmethod_is_followed(tmp_path: Path) -> None:
    # ``cls(key)`` makes a client and sends nothing: the contacts scope no call needs
    # is reported, and nothing is said to be out of reach.
    found = app_findings(tmp_path, {
        "app/nylas_client.py": SUBCLASS, "app/auth.py": SUBCLASS_AUTH,
        "app/inbox.py": """\
            from app.nylas_client import AppClient


            def inbox(grant):
                return AppClient.from_env().messages.list(grant)
            """})
    assert [code.split(" ", 1)[0] for _, _, code in found] == ["NYS303"]
    assert _unused(found, "https://www.googleapis.com/auth/contacts.readonly")


def test_a_client_subclass_from_its_classmethod_keeps_its_calls(tmp_path: Path) -> None:
    # Control: the client ``cls(key)`` makes is the one whose contacts are listed, so
    # the contacts scope is needed.
    found = app_findings(tmp_path, {
        "app/nylas_client.py": SUBCLASS, "app/auth.py": SUBCLASS_AUTH,
        "app/inbox.py": """\
            from app.nylas_client import AppClient


            def people(grant):
                return AppClient.from_env().contacts.list(grant)


            def inbox(grant):
                return AppClient.from_env().messages.list(grant)
            """})
    assert found == []


def test_calling_a_client_object_stays_unresolved(tmp_path: Path) -> None:
    # Control: calling a client itself (not its class) is nothing the SDK has; it
    # stays out of reach, and keeps the contacts scope from being called unused.
    found = app_findings(tmp_path, {
        "app/nylas_client.py": SUBCLASS, "app/auth.py": SUBCLASS_AUTH,
        "app/inbox.py": """\
            from app.nylas_client import AppClient


            def inbox(grant):
                client = AppClient.from_env()
                client(grant)
                return client.messages.list(grant)
            """})
    assert not _unused(found, "https://www.googleapis.com/auth/contacts.readonly")
    assert ("inbox.py", 6) in {(name, line) for name, line, code in found
                               if code.startswith("NYS304")}


# A method of the subclass reaching the client's collection through ``super()``.
SUPER_SUBCLASS = SUBCLASS + """

    def people(self, grant):
        return super().contacts.list(grant)

    @property
    def mail(self):
        return super().messages
"""


@pytest.mark.parametrize("calls", [
    # The contacts through a method of the subclass, the mail directly.
    ("AppClient.from_env().people(grant)", "AppClient.from_env().messages.list(grant)"),
    # The mail through a property of the subclass, the contacts directly.
    ("AppClient.from_env().contacts.list(grant)", "AppClient.from_env().mail.list(grant)"),
], ids=["method", "property"])
def test_a_client_subclass_reaching_its_collections_through_super_keeps_their_scopes(
        tmp_path: Path, calls: tuple[str, str]) -> None:
    people, inbox = calls
    found = app_findings(tmp_path, {
        "app/nylas_client.py": SUPER_SUBCLASS, "app/auth.py": SUBCLASS_AUTH,
        "app/inbox.py": f"""\
            from app.nylas_client import AppClient


            def people(grant):
                return {people}


            def inbox(grant):
                return {inbox}
            """})
    assert found == []


def test_a_project_base_defining_the_member_super_reaches_is_read(tmp_path: Path) -> None:
    # Control: ``super().contacts`` reaches the project's own property, which lists
    # messages: the contacts scope is unused.
    between = SUBCLASS.replace("class AppClient(Client):", """class Base(Client):
    @property
    def contacts(self):
        return self.messages


class AppClient(Base):""")
    found = app_findings(tmp_path, {
        "app/nylas_client.py": SUPER_SUBCLASS.replace(SUBCLASS, between),
        "app/auth.py": SUBCLASS_AUTH,
        "app/inbox.py": """\
            from app.nylas_client import AppClient


            def people(grant):
                return AppClient.from_env().people(grant)
            """})
    assert _unused(found, "https://www.googleapis.com/auth/contacts.readonly")


# ``app/scopes.py``: each provider's list, picked by a ``match`` on the provider.
BY_PROVIDER = """\
G = "https://www.googleapis.com/auth/"


def scopes_for(provider):
    match provider:
        case "google":
            return [G + "gmail.readonly"]
        case "microsoft":
            return ["Mail.Read"{more}]
    return []
"""

LOGIN_BY_PROVIDER = """\
from nylas import Client

from app.scopes import scopes_for

client = Client("key")


def login():
    return client.auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "https://example.com/cb",
        "provider": "{provider}", "scope": scopes_for("{provider}")}})


def inbox(grant):
    return client.messages.list(grant)
"""


def _by_provider(tmp_path: Path, provider: str, more: str = "") -> list[Found]:
    return app_findings(tmp_path, {
        "app/scopes.py": BY_PROVIDER.format(more=more),
        "app/auth.py": LOGIN_BY_PROVIDER.format(provider=provider)})


def test_another_providers_list_of_a_picking_function_is_not_called_wrong(
        tmp_path: Path) -> None:
    # ``scopes_for("google")`` gives Google's list only; Microsoft's, in the other
    # branch, is no Microsoft scope in a Google request.
    found = _by_provider(tmp_path, "google")
    assert not any(code.startswith("NYS402") for _, _, code in found)


def test_another_providers_list_is_not_called_wrong_for_microsoft(tmp_path: Path) -> None:
    found = _by_provider(tmp_path, "microsoft")
    assert not any(code.startswith("NYS402") for _, _, code in found)


def test_a_scope_of_the_other_provider_beside_its_own_is_still_reported(
        tmp_path: Path) -> None:
    # Control: Microsoft's branch holds a Google scope too; for the Google request
    # nothing says which list is whose, and the Microsoft names stay another
    # provider's scopes in it.
    found = _by_provider(tmp_path, "google", more=', G + "calendar.readonly"')
    assert ("scopes.py", 9, "NYS402 NYS402 'Mail.Read' is a Microsoft scope, but the other "
            "scopes of this request are Google's") in found or (
        "scopes.py", 9, "NYS402 NYS402 'Mail.Read' is a Microsoft scope in a Google request"
    ) in found


def test_a_single_list_with_the_other_providers_scope_is_still_reported(
        tmp_path: Path) -> None:
    # Control: one list, no branch: Microsoft's scope in a Google request is wrong.
    found = app_findings(tmp_path, {"app/auth.py": """\
        from nylas import Client

        client = Client("key")


        def login():
            return client.auth.url_for_oauth2({
                "client_id": "c", "redirect_uri": "https://example.com/cb",
                "provider": "google", "scope": ["Mail.Read"]})
        """})
    assert ("auth.py", 9, "NYS402 NYS402 'Mail.Read' is a Microsoft scope in a Google request"
            ) in found


# ``app/base.py``: a Celery task class whose instances make the API v3 client.
TASK_BASE = """\
from celery import Task
from nylas import Client


class NylasTask(Task):
    _client = None

    @property
    def client(self):
        if self._client is None:
            self._client = Client("key")
        return self._client
"""

TASKS_AUTH = """\
from nylas import Client


def login():
    return Client("key").auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://example.com/cb", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/contacts.readonly"]})
"""


def _tasks(tmp_path: Path, decorator: str) -> list[Found]:
    return app_findings(tmp_path, {
        "app/base.py": TASK_BASE, "app/auth.py": TASKS_AUTH,
        "app/tasks.py": f"""\
            from celery import Celery, shared_task

            from app.base import NylasTask

            celery_app = Celery("app")


            @{decorator}
            def sync_contacts(self, grant):
                return len(self.client.contacts.list(grant).data)
            """})


def test_a_bound_celery_task_of_a_custom_class_reads_its_client(tmp_path: Path) -> None:
    # ``bind=True`` hands the task object, an instance of ``base``, as ``self``: its
    # client lists the contacts, and Gmail's read scope is needed by nothing.
    found = _tasks(tmp_path, "celery_app.task(bind=True, base=NylasTask)")
    assert [(name, code.split(" ", 1)[0]) for name, _, code in found] == [
        ("auth.py", "NYS303")]
    assert _unused(found, "https://www.googleapis.com/auth/gmail.readonly")


def test_a_bound_shared_task_of_a_custom_class_reads_its_client(tmp_path: Path) -> None:
    found = _tasks(tmp_path, "shared_task(base=NylasTask, bind=True)")
    assert [(name, code.split(" ", 1)[0]) for name, _, code in found] == [
        ("auth.py", "NYS303")]


def test_a_task_not_bound_keeps_its_first_parameter_untold(tmp_path: Path) -> None:
    # Control: without ``bind=True`` the first parameter is the caller's first
    # argument, not the task: its ``client`` stays out of reach, and no scope is
    # called unused.
    found = _tasks(tmp_path, "celery_app.task(base=NylasTask)")
    assert not _unused(found, "https://www.googleapis.com/auth/gmail.readonly")
    assert ("tasks.py", 10) in {(name, line) for name, line, code in found
                                if code.startswith("NYS304")}


def test_a_collection_read_on_a_parameter_named_api_keeps_its_scope(tmp_path: Path) -> None:
    # ``api`` is what API v2 apps call their client as often as ``client``: a
    # framework may hand ``sync`` the client, so the mail it reads keeps its scope,
    # even in a module that never names Nylas.
    found = app_findings(tmp_path, {
        "app/auth.py": V2_AUTH.replace("client.messages.all()", "client.events.all()"),
        "app/jobs.py": """\
            def sync(mail_api):
                return [m.subject for m in mail_api.threads.all()]
            """}, V2_PYPROJECT)
    assert not _unused(found, "email.read_only")


def test_a_parameter_named_api_in_a_word_is_another_librarys(tmp_path: Path) -> None:
    # Control: ``therapist.events.all()`` (Django's related manager) is no client's;
    # the calendar scope nothing reads stays unused.
    found = app_findings(tmp_path, {
        "app/auth.py": V2_AUTH, "app/jobs.py": """\
            def sessions(therapist):
                return list(therapist.events.all())
            """}, V2_PYPROJECT)
    assert _unused(found, "calendar.read_only")


def _spliced_item(tmp_path: Path, more: str = "") -> list[Found]:
    return app_findings(tmp_path, {"app/auth.py": f"""\
        from nylas import Client

        G = "https://www.googleapis.com/auth/"
        BASE = {{"scope": [G + "gmail.readonly", G + "contacts.readonly"]}}
        {more}
        client = Client("key")


        def login():
            return client.auth.url_for_oauth2({{
                "client_id": "c", "redirect_uri": "https://example.com/cb",
                "provider": "google", "scope": [*BASE["scope"], G + "gmail.send"]}})


        def inbox(grant):
            client.messages.send(grant, {{"to": [{{"email": "a@example.com"}}]}})
            return client.messages.list(grant)
        """})


def test_a_list_spliced_from_a_key_of_a_module_dict_is_read(tmp_path: Path) -> None:
    # ``*BASE["scope"]`` is read as ``BASE["scope"]`` alone is: the contacts scope
    # no call needs is reported where the dict writes it, and nothing is unread.
    found = _spliced_item(tmp_path)
    assert [(line, code.split(" ", 1)[0]) for _, line, code in found] == [(4, "NYS303")]
    assert _unused(found, "https://www.googleapis.com/auth/contacts.readonly")


def test_a_spliced_key_the_module_changes_stays_unread(tmp_path: Path) -> None:
    # Control: the list under the key is changed in place, so the literal no longer
    # says what it holds: unread, and no scope is called unused.
    found = _spliced_item(tmp_path, 'BASE["scope"] = BASE["scope"] + [G + "calendar"]')
    assert not any(code.startswith("NYS303") for _, _, code in found)
    assert any(code.startswith("NYS304") for _, _, code in found)
