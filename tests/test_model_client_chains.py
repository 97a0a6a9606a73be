"""A call through the client a model object holds (``draft.api``).

Every nylas-python 4.x/5.x model holds the client that made it as ``api``.  On a
draft the analysis knows, that is a client, read exactly; on one it lost track of,
what may be a client.  On a model it cannot tell, in a module that does not mention
Nylas (whose unknown receivers are taken for Nylas objects only where they are named
like a client, so that Django's ``user.messages.all()`` is no Nylas call), a chain
through ``api`` is one on a client too: it may send a request, and is unresolved
rather than not looked at.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

AUTH_V2 = """\
from nylas import APIClient

client = APIClient("id", "secret")


def login(redirect):
    return client.authentication_url(redirect, scopes=["email.read_only", "email.send"])


def inbox():
    return client.messages.all()
"""

AUTH_V3 = """\
from nylas import Client

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({
        "client_id": "id", "redirect_uri": "https://a/cb",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/gmail.send"]})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
"""


def _codes(tmp_path: Path, outbox: str, auth: str = AUTH_V2, models: str = ""
           ) -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(auth)
    if models:
        (tmp_path / "models.py").write_text(models)
    (tmp_path / "outbox.py").write_text(textwrap.dedent(outbox))
    result = analyse([str(tmp_path)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


UNUSED_SEND = [("auth.py", 7, "NYS303")]

_THROUGH_A_MODELS_CLIENT = {
    "drafts an unknown object gives, sent through their client": ("""\
        def flush(box):
            for draft in box.pending_drafts():
                draft.api.drafts.create().send()
    """, 3),
    "the client read with getattr": ("""\
        def flush(box):
            for draft in box.pending_drafts():
                getattr(draft, "api").drafts.create().send()
    """, 3),
    "the client kept in a local first": ("""\
        def flush(box):
            for draft in box.pending_drafts():
                api = draft.api
                api.drafts.create().send()
    """, 4),
    "a collection's method handed to an executor": ("""\
        from concurrent.futures import ThreadPoolExecutor


        def flush(box):
            with ThreadPoolExecutor() as pool:
                for draft in box.pending_drafts():
                    pool.submit(draft.api.outbox.send, draft)
    """, 7),
    "the client kept on an instance": ("""\
        class Flusher:
            def __init__(self, draft):
                self.api = draft.api

            def flush(self):
                self.api.drafts.create().send()
    """, 6),
    "a collection's method handed to a function passed in": ("""\
        def flush(box, later):
            for draft in box.pending_drafts():
                later(draft.api.drafts.all)
    """, 3),
}


@pytest.mark.parametrize(("outbox", "line"), _THROUGH_A_MODELS_CLIENT.values(),
                         ids=_THROUGH_A_MODELS_CLIENT.keys())
def test_a_call_through_the_client_a_model_holds_is_unresolved(
        tmp_path: Path, outbox: str, line: int) -> None:
    assert _codes(tmp_path, outbox) == [("outbox.py", line, "NYS304")]


def test_an_api_v3_call_through_an_api_attribute_is_unresolved(tmp_path: Path) -> None:
    assert _codes(tmp_path, """\
        def flush(box, grant_id):
            box.api.messages.send(grant_id, request_body={"to": []})
    """, AUTH_V3) == [("outbox.py", 2, "NYS304")]


_NO_REQUEST = {
    # Django's related manager: no client in sight.
    "a related manager's rows": """\
        def show(user):
            return [message.body for message in user.messages.all()]
    """,
    # The client's data and an unused collection send nothing.
    "the client's data": """\
        def show(draft):
            print(draft.api.api_server, draft.api.drafts)
    """,
    # A local named like the attribute but bound to something else.
    "a local named api bound to another object": """\
        def show(settings):
            api = settings.remote
            return api.events.all()
    """,
    "an instance's api bound to another object": """\
        class Calendar:
            def __init__(self, settings):
                self.api = settings.remote

            def show(self):
                return self.api.events.all()
    """,
}


@pytest.mark.parametrize("outbox", _NO_REQUEST.values(), ids=_NO_REQUEST.keys())
def test_a_chain_that_sends_nothing_stays_quiet(tmp_path: Path, outbox: str) -> None:
    assert _codes(tmp_path, outbox) == UNUSED_SEND


def test_a_known_clients_send_is_read_exactly(tmp_path: Path) -> None:
    assert _codes(tmp_path, """\
        from auth import client


        def flush():
            client.drafts.create().send()
    """) == []


# A draft the analysis knows holds the client that made it.
_KNOWN_DRAFT = """\
    from auth import client


    def flush():
        draft = client.drafts.get("d")
        {use}
"""


def test_the_client_a_known_draft_holds_is_read_as_a_client(tmp_path: Path) -> None:
    assert _codes(tmp_path, _KNOWN_DRAFT.format(use="draft.api.drafts.create().send()")) == []


def test_the_data_of_the_client_a_known_draft_holds_sends_nothing(tmp_path: Path) -> None:
    assert _codes(tmp_path, _KNOWN_DRAFT.format(use="print(draft.api.api_server)")
                  ) == UNUSED_SEND


# ``pending_drafts`` of the project returns drafts: on an object the analysis cannot
# tell, what it gives may be them (a lost object), and their client may send.
MODELS = """\
from nylas import APIClient


class Box:
    def __init__(self, token):
        self.token = token

    def pending_drafts(self):
        return list(APIClient("id", "secret", self.token).drafts.all())
"""

_LOST_DRAFTS = """\
    def flush(box):
        for draft in box.pending_drafts():
            {use}
"""


def test_the_client_of_drafts_the_analysis_lost_may_send(tmp_path: Path) -> None:
    found = _codes(tmp_path, _LOST_DRAFTS.format(use="draft.api.drafts.create().send()"),
                   models=MODELS)
    assert found == [("outbox.py", 3, "NYS304")]


def test_the_data_of_the_client_of_drafts_the_analysis_lost_sends_nothing(
        tmp_path: Path) -> None:
    assert _codes(tmp_path, _LOST_DRAFTS.format(use="print(draft.api.api_server)"),
                  models=MODELS) == UNUSED_SEND
