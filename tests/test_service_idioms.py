"""Service-layer idioms of real projects, each a small app with one analysis.

A registry a decorator fills, imported by another module and iterated with
``items()``, holds the classes the decorator stores, as ``REGISTRY[kind]`` does.
Messages grouped by a key into lists held in a dict (``defaultdict(list)``, or
``setdefault(key, [])``) are followed as what the dict's lists hold: a write through
them needs its scope, and reading them needs nothing more.
"""

from __future__ import annotations

from pathlib import Path

from tests.fake_apps import app_findings

PYPROJECT = "[project]\nname = 'app'\ndependencies = ['nylas>=5,<6']\n"

# The v2 login asks for ``email.modify`` only (line 7).
AUTH_MODIFY = """\
from nylas import APIClient

api = APIClient("id", "secret", "token")


def url():
    return api.authentication_url("https://a/cb", scopes=["email.modify"])
"""


def _findings(tmp_path: Path, mail: str) -> list[tuple[str, int, str]]:
    return app_findings(tmp_path, {"app/auth.py": AUTH_MODIFY, "app/mail.py": mail}, PYPROJECT)


def test_messages_grouped_in_a_defaultdict_of_lists_are_followed(tmp_path: Path) -> None:
    # Each group's messages are marked read: ``email.modify`` is needed, and nothing
    # is lost in the grouping.
    found = _findings(tmp_path, """\
        import collections

        from app.auth import api


        def mark_threads_read():
            groups = collections.defaultdict(list)
            for message in api.messages.all():
                groups[message.thread_id].append(message)
            for thread_id, messages in groups.items():
                for message in messages:
                    message.mark_as_read()
        """)
    assert found == []


def test_messages_grouped_with_setdefault_are_followed(tmp_path: Path) -> None:
    found = _findings(tmp_path, """\
        from app.auth import api


        def star_first_of_each_thread():
            groups = {}
            for message in api.messages.all():
                groups.setdefault(message.thread_id, []).append(message)
            for messages in groups.values():
                messages[0].star()
        """)
    assert found == []


def test_grouped_messages_only_read_leave_the_write_scope_broader(tmp_path: Path) -> None:
    # The groups are only counted: reading mail needs ``email.read_only``, so
    # ``email.modify`` is broader than the code needs, as without the grouping.
    found = _findings(tmp_path, """\
        from collections import defaultdict

        from app.auth import api


        def counts():
            groups = defaultdict(list)
            for message in api.messages.all():
                groups[message.thread_id].append(message)
            return {key: len(value) for key, value in groups.items()}
        """)
    assert found == [("auth.py", 7, "NYS302 NYS302 'email.modify' is broader than the code "
                      "needs; request 'email.read_only' instead")]


def test_a_dict_of_project_objects_is_not_taken_for_lists(tmp_path: Path) -> None:
    # ``batches[key]`` is a project object whose ``append`` stars the message: the
    # write stays visible (``email.modify`` is needed), however the call is read.
    found = _findings(tmp_path, """\
        from app.auth import api


        class Batch:
            def append(self, message):
                message.star()


        def star_all():
            batches = {"inbox": Batch()}
            for message in api.messages.all():
                batches["inbox"].append(message)
        """)
    assert [entry for entry in found if entry[2].startswith(("NYS302", "NYS303"))] == []


def test_a_grouping_dict_given_its_own_items_stays_unresolved(tmp_path: Path) -> None:
    # ``groups[key] = Batch()`` may put an object whose ``append`` stars the message
    # into the dict: the call is not read as a list's, and the star it may run keeps
    # ``email.modify`` needed.
    found = _findings(tmp_path, """\
        import collections

        from app.auth import api


        class Batch(list):
            def append(self, message):
                message.star()


        def star_all(special):
            groups = collections.defaultdict(list)
            groups[special] = Batch()
            for message in api.messages.all():
                groups[message.thread_id].append(message)
        """)
    assert found == []


def test_a_grouping_dict_handed_to_a_library_stays_unresolved(tmp_path: Path) -> None:
    # ``prefill(groups)`` may put any object into the dict, whose ``append`` may do
    # anything with the message: the analysis says it cannot follow, and stays silent.
    found = _findings(tmp_path, """\
        import collections

        from somelib import prefill

        from app.auth import api


        def group():
            groups = collections.defaultdict(list)
            prefill(groups)
            for message in api.messages.all():
                groups[message.thread_id].append(message)
            return len(groups)
        """)
    assert [entry for entry in found if entry[2].startswith(("NYS302", "NYS303"))] == []
    assert [line for name, line, code in found if code.startswith("NYS304")] == [12]


# A registry of sync classes filled by a decorator in its own module, iterated with
# ``items()`` by a module that imports it; the login asks for Gmail's read scope and
# the calendar (line 6), which no call needs.
REGISTRY_BASE = """\
REGISTRY = {}


def register(name):
    def deco(cls):
        REGISTRY[name] = cls
        return cls
    return deco
"""

REGISTERED_SYNCERS = """\
from app.base import register


@register("mail")
class MailSync:
    def __init__(self, client, grant):
        self.client = client
        self.grant = grant

    def run(self):
        return len(self.client.messages.list(self.grant).data)
"""

REGISTRY_RUNNER = """\
from nylas import Client

from app import syncers
from app.base import REGISTRY


def login():
    return Client("key").auth.url_for_oauth2({
        "client_id": "id", "redirect_uri": "https://a/cb", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/calendar"]})


def run_all(grant):
    client = Client("key")
    return {name: cls(client, grant).run() for name, cls in REGISTRY.items()}
"""


def _registry_app(tmp_path: Path, base: str) -> list[tuple[str, int, str]]:
    files = {"app/base.py": base, "app/syncers.py": REGISTERED_SYNCERS,
             "app/auth.py": REGISTRY_RUNNER}
    return app_findings(tmp_path, files, "[project]\nname = 'app'\n")


def test_an_imported_registry_iterated_by_items_is_followed(tmp_path: Path) -> None:
    # The classes ``REGISTRY.items()`` gives are those the decorator stores: the
    # client goes to ``MailSync``, whose read needs Gmail's read scope only.
    found = _registry_app(tmp_path, REGISTRY_BASE)
    assert found == [
        ("auth.py", 11, "NYS303 NYS303 'https://www.googleapis.com/auth/calendar' is "
         "requested but no Nylas call in the project needs it; remove it")]


def test_an_imported_registry_a_library_fills_stays_unresolved(tmp_path: Path) -> None:
    # ``plugins.load(REGISTRY)`` may put any class there: the client handed to
    # ``cls(...)`` may go anywhere, and no scope is called unused.
    found = _registry_app(tmp_path, "import plugins\n\n" + REGISTRY_BASE
                          + "\n\nplugins.load(REGISTRY)\n")
    assert found == [
        ("auth.py", 16, "NYS304 NYS304 client (a Nylas client) is passed to cls(), taken from "
         "app.base.REGISTRY, which code the analysis does not follow may fill; usage rules "
         "stay silent for the scopes it could touch")]


def test_grouped_messages_flattened_by_chain_from_iterable_are_followed(
        tmp_path: Path) -> None:
    found = _findings(tmp_path, """\
        import collections
        import itertools

        from app.auth import api


        def star_grouped():
            groups = collections.defaultdict(list)
            for message in api.messages.all():
                groups[message.thread_id].append(message)
            for message in itertools.chain.from_iterable(groups.values()):
                message.star()
        """)
    assert found == []


def test_messages_flattened_by_chain_from_iterable_and_only_read(tmp_path: Path) -> None:
    # The pages are only read: ``email.modify`` is broader than the code needs.
    found = _findings(tmp_path, """\
        from itertools import chain

        from app.auth import api


        def subjects():
            pages = [api.messages.where(offset=0), api.messages.where(offset=50)]
            return [message.subject for message in chain.from_iterable(pages)]
        """)
    assert found == [("auth.py", 7, "NYS302 NYS302 'email.modify' is broader than the code "
                      "needs; request 'email.read_only' instead")]
