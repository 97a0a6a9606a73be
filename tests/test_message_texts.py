"""What the messages say: the request a call makes, the name a held method is read
through, where an attribute holding one is bound, and what ``infer`` and ``check``
agree on.  Each app is small and written inline; the codes and their meaning are the
rules' own, only the words and places are looked at here.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from fake_apps import AUTH_V3
from tool_runs import nylas_scopes

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.findings import Finding
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config


def _project(tmp_path: Path, modules: dict[str, str]) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name, text in modules.items():
        (package / f"{name}.py").write_text(textwrap.dedent(text))


def _findings(tmp_path: Path, modules: dict[str, str]) -> list[Finding]:
    _project(tmp_path, modules)
    result = analyse([str(tmp_path)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted(result.findings, key=lambda finding: finding.sort_key)


def _said(tmp_path: Path, modules: dict[str, str]) -> list[tuple[str, int, str, str]]:
    """(module, line, code, message after its code, up to its first ";")."""
    return [(Path(f.span.path).stem, f.span.line, f.code,
             f.message.removeprefix(f"{f.code} ").split(";")[0])
            for f in _findings(tmp_path, modules)]


# --- a held bound method of an object the analysis cannot tell -------------------

# A project function whose result the analysis cannot tell is no Nylas object.
THINGS = """\
def make():
    return object()
"""


def test_a_method_of_a_local_bound_to_a_call_is_named_through_the_local(
        tmp_path: Path) -> None:
    found = _said(tmp_path, {"auth": AUTH_V3, "things": THINGS, "jobs": """\
        from app.things import make


        def collect():
            conn = make()
            jobs = []
            jobs.append(conn.messages.list)
            return jobs
        """})
    assert found == [("jobs", 7, "NYS304", "cannot tell whether conn.messages.list via "
                      "jobs.append() is a Nylas call")]


def test_a_method_of_a_parameter_is_named_as_before(tmp_path: Path) -> None:
    # Control: a root that is a name itself was always named.
    found = _said(tmp_path, {"auth": AUTH_V3, "jobs": """\
        def collect(conn):
            jobs = []
            jobs.append(conn.messages.list)
            return jobs
        """})
    assert found == [("jobs", 3, "NYS304", "cannot tell whether conn.messages.list via "
                      "jobs.append() is a Nylas call")]


def test_a_class_body_binding_is_named_by_its_class(tmp_path: Path) -> None:
    found = _said(tmp_path, {"auth": AUTH_V3, "things": THINGS, "jobs": """\
        from app.things import make

        raw = make()


        class Jobs:
            fetch = raw.messages.list
        """})
    assert found == [("jobs", 7, "NYS304", "cannot tell whether raw.messages.list "
                      "(stored as Jobs.fetch) is a Nylas call")]


def test_a_binding_in_a_method_is_still_named_through_self(tmp_path: Path) -> None:
    # Control: ``self.fetch = ...`` in a method keeps its words.
    found = _said(tmp_path, {"auth": AUTH_V3, "jobs": """\
        class Jobs:
            def __init__(self, conn):
                self.fetch = conn.messages.list
        """})
    assert found == [("jobs", 2, "NYS304", "cannot tell whether conn.messages.list "
                      "(stored as self.fetch) is a Nylas call")]


# --- the request a model's save() makes --------------------------------------------

SAVER = """\
from nylas import APIClient

client = APIClient("id", "secret")


def connect_url(uri):
    return client.authentication_url(uri, scopes=["calendar.read_only"])


def rename(token, label_id):
    client.access_token = token
    label = client.labels.get(label_id)
    label.display_name = "Done"
    label.save()


def mark(token, message_id):
    client.access_token = token
    message = client.messages.get(message_id)
    message.unread = False
    message.save()
"""


def test_a_saved_label_may_be_an_update(tmp_path: Path) -> None:
    # NylasAPIObject.save updates an object with an id (PUT) and creates one without
    # (POST); a label read from the API has one, so POST alone misleads.
    found = {line: message for _, line, code, message in _said(tmp_path, {"app": SAVER})
             if code == "NYS301"}
    assert found[14].startswith(
        "label.save() (POST /labels or PUT /labels/{id}) needs 'email.folders_and_labels'")
    # Control: a message has no create endpoint; its save is the update alone.
    assert found[21].startswith("message.save() (PUT /messages/{id}) needs ")


def test_infer_names_both_requests_of_a_save(tmp_path: Path) -> None:
    _project(tmp_path, {"app": SAVER})
    run = nylas_scopes(tmp_path, "infer", "--isolated", ".")
    assert run.returncode == 0, run.stderr
    # ``email.modify``, which the message's save needs, grants the label's requests too.
    assert ("app/app.py:14 label.save() -> POST /labels or PUT /labels/{id} -> "
            "'email.modify' grants it") in run.stdout
    assert "app/app.py:12 client.labels.get() -> GET /labels/{id} -> " in run.stdout


# --- infer and check agree on the email scope Gmail needs beside email.send ----------

SENDER = """\
from nylas import APIClient

client = APIClient("id", "secret")


def connect_url(uri):
    return client.authentication_url(uri, scopes=["email.read_only", "email.send"]{provider})


def notify(token, to):
    client.access_token = token
    draft = client.drafts.create(to=[{{"email": to}}], subject="Hi")
    draft.send()
"""


def _check_and_infer(tmp_path: Path, provider: str) -> tuple[list[str], list[str]]:
    """The scopes NYS303 asks to drop, and the scopes ``infer`` names."""
    _project(tmp_path, {"app": SENDER.format(provider=provider)})
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    [project] = result.states
    assert project.inference is not None
    dropped = [f.message.split("'")[1] for f in result.findings if f.code == "NYS303"]
    return dropped, project.inference.scopes


def test_infer_keeps_the_email_scope_check_keeps_for_gmail(tmp_path: Path) -> None:
    dropped, inferred = _check_and_infer(tmp_path, "")
    # Check keeps ``email.read_only``: dropping it leaves a send-only list (NYS202).
    assert dropped == []
    assert inferred == ["email.read_only", "email.send"]
    run = nylas_scopes(tmp_path, "infer", "--isolated", ".")
    assert run.stdout.startswith(
        "Minimal scopes: email.read_only, email.send\n  email.read_only\n    kept beside "
        "'email.send': a request a Gmail account can make needs another email scope for "
        "threading (NYS202)\n"), run.stdout


def test_where_no_account_is_gmail_infer_and_check_drop_it_alike(tmp_path: Path) -> None:
    # Control: a Microsoft-only request has no threading to keep: both drop it.
    dropped, inferred = _check_and_infer(tmp_path, ', provider="exchange"')
    assert dropped == ["email.read_only"]
    assert inferred == ["email.send"]


# --- NYS301's fix through a comma-joined list ----------------------------------------

JOINED = """\
from nylas import APIClient

SCOPES = ["email.read_only"]
client = APIClient("id", "secret")


def connect_url(uri):
    return client.authentication_url(uri, scopes={given})


def notify(token, to):
    client.access_token = token
    for message in client.messages.all():
        print(message.subject)
    draft = client.drafts.create(to=[{{"email": to}}], subject="Hi")
    draft.send()
"""


def _fixed(tmp_path: Path, given: str) -> tuple[str, str]:
    """What ``fix --unsafe-fixes`` leaves of the list and says on stderr."""
    _project(tmp_path, {"app": JOINED.format(given=given)})
    run = nylas_scopes(tmp_path, "fix", "--isolated", "--unsafe-fixes", ".")
    lines = (tmp_path / "app" / "app.py").read_text().splitlines()
    return lines[2], run.stderr


def test_a_missing_scope_is_added_to_the_list_a_comma_join_reads(tmp_path: Path) -> None:
    line, stderr = _fixed(tmp_path, '",".join(SCOPES)')
    assert (line, stderr) == ('SCOPES = ["email.read_only", "email.send"]', "")
    after = nylas_scopes(tmp_path, "check", "--isolated", ".")
    assert "NYS301" not in after.stdout, after.stdout


def test_the_list_given_by_name_is_fixed_alike(tmp_path: Path) -> None:
    # Control: the list given by its name, fixed as before.
    assert _fixed(tmp_path, "SCOPES") == ('SCOPES = ["email.read_only", "email.send"]', "")


def test_a_joined_sum_is_still_left_to_the_user(tmp_path: Path) -> None:
    # Control: ``SCOPES + EXTRA`` joined is no one list to add to: still refused.
    line, stderr = _fixed(tmp_path, '",".join(SCOPES + [])')
    assert line == 'SCOPES = ["email.read_only"]'
    assert "NYS301 not fixed" in stderr


# --- a scope list read only in part names the item it cannot read ---------------

PART_READ = """\
import os

from nylas import Client
from app import settings

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly", {rest}]}})


def inbox(grant):
    return nylas.messages.list(grant)
"""

SETTINGS = """\
import os

BASE = ["https://www.googleapis.com/auth/calendar", os.environ["MORE_SCOPES"]]
FULL = ["https://www.googleapis.com/auth/calendar"]
"""

_PART_READ_TAIL = "; usage rules stay silent for the scopes it could touch"


def _part_read(tmp_path: Path, rest: str) -> list[tuple[str, int, str, str]]:
    return [said for said in _said(tmp_path, {"auth": PART_READ.format(rest=rest),
                                              "settings": SETTINGS})
            if said[2] == "NYS304"]


def test_a_list_read_in_part_names_the_item_it_cannot_read(tmp_path: Path) -> None:
    rest = 'os.environ["EXTRA_SCOPE"]'
    found = _findings(tmp_path, {"auth": PART_READ.format(rest=rest), "settings": SETTINGS})
    assert [(f.span.line, f.span.col, f.message) for f in found if f.code == "NYS304"] == [
        (12, 17, 'NYS304 cannot read every item of the scopes: os.environ["EXTRA_SCOPE"]'
         + _PART_READ_TAIL)]


def test_a_long_unread_item_is_shortened(tmp_path: Path) -> None:
    rest = "scopes_from_a_service_far_away(tenant_identifier, region_code)"
    # Its first 47 characters, then "...": 50 in all, as other messages quote code.
    assert _part_read(tmp_path, rest) == [
        ("auth", 12, "NYS304", "cannot read every item of the scopes: "
         "scopes_from_a_service_far_away(tenant_identifie...")]


def test_an_item_unread_in_a_list_of_another_module_names_that_list(tmp_path: Path) -> None:
    assert _part_read(tmp_path, "*settings.BASE") == [
        ("auth", 12, "NYS304", 'cannot read every item of the scopes: '
         'os.environ["MORE_SCOPES"] (in app.settings.BASE)')]


def test_a_list_read_whole_with_another_modules_list_says_nothing(tmp_path: Path) -> None:
    # Control: every item is read, through the other module's list too.
    assert _part_read(tmp_path, "*settings.FULL") == []


# --- a save of an API v2 model the code made new names the create alone ----------

NEW_SAVER = """\
from nylas import APIClient

client = APIClient("id", "secret")


def connect_url(uri):
    return client.authentication_url(uri, scopes=["calendar.read_only"])


def add(token):
    client.access_token = token
    contact = client.contacts.create(email_addresses=[])
    contact.given_name = "Ada"
    contact.save()


def draft(token):
    client.access_token = token
    client.drafts.create(subject="Hi").save()


def with_id(token, contact_id):
    client.access_token = token
    contact = client.contacts.create()
    contact.id = contact_id
    contact.save()


def given_id(token, contact_id):
    client.access_token = token
    contact = client.contacts.create(id=contact_id)
    contact.save()


def twice(token):
    client.access_token = token
    contact = client.contacts.create()
    contact.save()
    contact.given_name = "Bo"
    contact.save()
"""

_BOTH = "(POST /contacts or PUT /contacts/{id}) needs 'contacts'"


def _saves(tmp_path: Path) -> dict[int, str]:
    return {line: message.split(" but ")[0]
            for _, line, code, message in _said(tmp_path, {"app": NEW_SAVER})
            if code == "NYS301"}


def test_a_save_of_a_model_just_created_names_the_create(tmp_path: Path) -> None:
    # NylasAPIObject.save POSTs a model without an id; create() gives none unless told.
    found = _saves(tmp_path)
    assert found[14] == "contact.save() (POST /contacts) needs 'contacts'"
    assert found[19] == "client.drafts.create().save() (POST /drafts) needs 'email.drafts'"
    # The first save gives the object its id: the second may be the update.
    assert found[38] == "contact.save() (POST /contacts) needs 'contacts'"


def test_a_save_after_an_id_is_given_names_both_requests(tmp_path: Path) -> None:
    # Control: an id assigned, given to create(), or set by an earlier save.
    found = _saves(tmp_path)
    assert found[26] == f"contact.save() {_BOTH}"
    assert found[32] == f"contact.save() {_BOTH}"
    assert found[40] == f"contact.save() {_BOTH}"


# --- an attribute the project keeps a client under, read on an untold object -----

HOLDER = """\
from nylas import APIClient


class Account:
    token = ""

    @property
    def nylas(self):
        return APIClient("id", "secret", self.token)


def connect_url(uri):
    return APIClient("id", "secret").authentication_url(uri, scopes=["email.read_only"])
"""


def test_a_property_read_on_an_untold_object_says_what_is_unknown(tmp_path: Path) -> None:
    found = _findings(tmp_path, {"models": HOLDER, "views": """\
        def inbox(request):
            account = request.user.account
            for message in account.nylas.messages.all():
                print(message.subject)
        """})
    assert [(Path(f.span.path).name, f.span.line, f.message) for f in found] == [
        ("views.py", 3, "NYS304 .nylas of an object the analysis cannot tell (on the "
         "project's own objects it gives a Nylas client) is used by "
         "account.nylas.messages.all(); usage rules stay silent for the scopes it could "
         "touch")]


def test_the_property_read_on_an_object_of_the_project_is_judged(tmp_path: Path) -> None:
    # Control: the object is told, so is its client: the read scope serves the call.
    found = _findings(tmp_path, {"models": HOLDER, "views": """\
        from app.models import Account


        def inbox():
            for message in Account().nylas.messages.all():
                print(message.subject)
        """})
    assert [f.code for f in found if f.code.startswith("NYS3")] == []
