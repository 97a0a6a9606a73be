"""What an object the analysis cannot tell gives is unresolved only where its use
may send a request: reading a value a project method returns, or a draft's subject,
sends none; sending a draft, iterating a query or handing a bound method on may."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

AUTH = """\
from nylas import APIClient

URL = APIClient("id", "secret").authentication_url(
    "https://app.example.com/cb", scopes=["email.read_only", "email.send"])
"""

# ``get`` and ``list`` are names other libraries use too (a dict, a settings
# object); ``outgoing`` holds drafts, ``draft`` one draft.
MODELS = """\
from nylas import APIClient


class Box:
    def __init__(self, token):
        self.client = APIClient("id", "secret", token)
        self.outgoing = []
        self.draft = self.client.drafts.get("d")

    def queue(self):
        self.outgoing.append(self.client.drafts.create())

    def get(self):
        return list(self.client.drafts.all())

    def list(self):
        return self.client.drafts.where(limit=5)

    def first(self):
        return self.client.threads.first()

    @property
    def api(self):
        return self.client
"""


def _codes(tmp_path: Path, jobs: str) -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(AUTH)
    (tmp_path / "models.py").write_text(MODELS)
    (tmp_path / "jobs.py").write_text(textwrap.dedent(jobs))
    result = analyse([str(tmp_path)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


UNUSED_SEND = [("auth.py", 4, "NYS303")]

_ONLY_READ = {
    "a parameter's get, formatted and compared": """\
        def handle(params, settings: dict):
            page = params.get("page")
            label = f"{params.get('label')}"
            if settings.get("mode") == "fast":
                return page, label
    """,
    "a method name other types have, its result's string methods": """\
        def handle(name, row):
            return name.list(), row.get("id", "").lower().split(",")
    """,
    "a copy of what a parameter holds": """\
        def handle(data):
            copied = dict(data)
            return copied.get("a")
    """,
    "a read-only loop over what current_user holds": """\
        from flask_login import current_user


        def show():
            for draft in current_user.outgoing:
                print(draft.subject, draft.subject.lower())
    """,
    "a read-only loop over what a project method returns": """\
        def show(box):
            for draft in box.get():
                print(f"{draft.subject}")
            return [draft.snippet for draft in box.outgoing]
    """,
}


@pytest.mark.parametrize("jobs", _ONLY_READ.values(), ids=_ONLY_READ.keys())
def test_reading_what_an_unknown_object_gives_sends_nothing(tmp_path: Path, jobs: str) -> None:
    assert _codes(tmp_path, jobs) == UNUSED_SEND


_MAY_REQUEST = {
    "a draft popped from a list the analysis lost": ("""\
        def flush(box):
            drafts = box.outgoing
            draft = drafts.pop()
            draft.send()
    """, 4),
    "a draft held on an object the analysis cannot tell": ("""\
        def flush(box):
            box.draft.send()
    """, 2),
    "a bound method handed to an executor": ("""\
        from concurrent.futures import ThreadPoolExecutor


        def flush(boxes):
            with ThreadPoolExecutor() as pool:
                for box in boxes:
                    for draft in box.outgoing:
                        pool.submit(draft.send)
    """, 8),
    "a query a method returns, iterated": ("""\
        def show(params):
            for draft in params.list():
                print(draft)
    """, 2),
    "a child collection of a thread, read": ("""\
        def show(box):
            thread = box.first()
            print(thread.subject, thread.messages)
    """, 3),
    "the client a property returns": ("""\
        def flush(box):
            for draft in box.api.drafts.all():
                draft.send()
    """, 2),
    "the client a method returns, handed to Flask's templates": ("""\
        from flask import Flask

        app = Flask(__name__)


        @app.context_processor
        def inject(box):
            return {"api": box.api}
    """, 6),
    "what get returns, passed to another library": ("""\
        import requests


        def post(params):
            requests.post("https://example.com", json=params.get("body"))
    """, 5),
}


@pytest.mark.parametrize(("jobs", "line"), _MAY_REQUEST.values(), ids=_MAY_REQUEST.keys())
def test_a_use_that_may_send_a_request_stays_unresolved(
        tmp_path: Path, jobs: str, line: int) -> None:
    assert _codes(tmp_path, jobs) == [("jobs.py", line, "NYS304")]
