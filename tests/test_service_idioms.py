"""Service-layer idioms of real projects, each a small app with one analysis.

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
