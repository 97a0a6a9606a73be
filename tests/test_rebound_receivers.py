"""A name bound again to what its own SDK-shaped call gives.

``def show(value): value = [c.name for c in value.calendars.list("g").data]``: the
call is made on the caller's value, read before the binding.  The analysis does not
follow the order of statements, so a read of ``value`` sees every binding; but the
caller's part, which nothing in the project gives, must stay an object the analysis
cannot tell.  Reading the binding alone (a project class's ``list`` result, where a
class of the project has such a method) made the call no Nylas call, and the scope it
needs was reported unused (NYS303).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

CALENDAR_READ = "https://www.googleapis.com/auth/calendar.readonly"

AUTH = f"""\
from nylas import Client

nylas = Client(api_key="k")


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "r", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly", "{CALENDAR_READ}"]}})


def inbox(grant):
    return nylas.messages.list(grant)
"""

# A class of the project with a ``list`` method: what such a call on an object the
# analysis cannot tell may give.
PAGES = """\
class Page:
    data = []


class Calendars:
    def list(self, grant_id):
        return Page()


class Fake:
    calendars = Calendars()
"""

UNUSED = f"NYS303 '{CALENDAR_READ}'"
UNRESOLVED = "NYS304 cannot tell whether {}.calendars.list() is a Nylas call"

# Each binds the receiver again after the SDK-shaped call made on it.
REBOUND = {
    "list-comprehension": """\
        def show(value):
            value = [c.name for c in value.calendars.list("g").data]
            return value
        """,
    "call-result": """\
        def show(value):
            value = value.calendars.list("g")
            return value
        """,
    "sorted": """\
        def show(value):
            value = sorted(value.calendars.list("g").data)
            return value
        """,
    "dict-comprehension": """\
        def show(value):
            value = {c.id: c for c in value.calendars.list("g").data}
            return value
        """,
    "for-loop": """\
        def show(value):
            for value in value.calendars.list("g").data:
                print(value.name)
        """,
    "for-loop-later": """\
        def show(value):
            page = value.calendars.list("g")
            for value in page.data:
                print(value.name)
        """,
    "with": """\
        def show(value):
            with value.calendars.list("g") as value:
                return value
        """,
    "walrus": """\
        def show(value):
            if (value := value.calendars.list("g")):
                return value
        """,
    "augmented": """\
        def show(value):
            value += value.calendars.list("g").data
            return value
        """,
    "project-object-later": """\
        from app.pages import Fake


        def show(value):
            value.calendars.list("g")
            value = Fake()
        """,
    "read-in-a-nested-function": """\
        def show(value):
            def page():
                return value.calendars.list("g")
            value = [c for c in page().data]
            return value
        """,
    "local-first-bound-to-an-unknown-object": """\
        import somelib


        def show():
            value = somelib.connect()
            value = [c.name for c in value.calendars.list("g").data]
            return value
        """,
    "module-global": """\
        import somelib

        value = somelib.connect()
        value = [c.name for c in value.calendars.list("g").data]
        """,
}

ATTRIBUTE = {
    "attribute-list-comprehension": """\
        class Holder:
            def __init__(self, client):
                self.client = client

            def show(self):
                self.client = [c.name for c in self.client.calendars.list("g").data]
        """,
    "attribute-call-result": """\
        class Holder:
            def __init__(self, client):
                self.client = client

            def show(self):
                self.client = self.client.calendars.list("g")
        """,
}


def _findings(tmp_path: Path, dev: str, pages: bool = True) -> list[str]:
    files = {"app/__init__.py": "", "app/auth.py": AUTH, "app/dev.py": dev}
    if pages:
        files["app/pages.py"] = PAGES
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname = 'app'\ndependencies = ['nylas>=6']\n")
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    result = analyse([str(tmp_path)], make_config(), lambda code: code not in DEFAULT_OFF
                     or code == "NYS304", use_cache=False)
    assert result.errors == []
    return sorted(f"{Path(f.span.path).name}:{f.span.line} {f.code} {f.message}"
                  for f in result.findings)


def _has(findings: list[str], text: str) -> bool:
    return any(text in finding for finding in findings)


@pytest.mark.parametrize("shape", [*REBOUND, *ATTRIBUTE])
def test_a_receiver_bound_again_after_its_call_keeps_the_call_unresolved(
        tmp_path: Path, shape: str) -> None:
    dev = {**REBOUND, **ATTRIBUTE}[shape]
    receiver = "self.client" if shape in ATTRIBUTE else "value"
    findings = _findings(tmp_path, dev)
    assert _has(findings, UNRESOLVED.format(receiver)), findings
    assert not _has(findings, UNUSED), findings


@pytest.mark.parametrize("shape", ["list-comprehension", "for-loop"])
def test_without_a_project_list_method_the_call_stays_unresolved(
        tmp_path: Path, shape: str) -> None:
    findings = _findings(tmp_path, REBOUND[shape], pages=False)
    assert _has(findings, UNRESOLVED.format("value")), findings
    assert not _has(findings, UNUSED), findings


# Controls: a receiver every caller gives a known object is judged as that object.
FAKE_GIVEN = {
    # The only caller gives the fake, and the binding gives the fake's page: the
    # call is the fake's, and the calendar scope is unused.
    "fake-call-result": """\
        from app.pages import Fake


        def show(value):
            value = value.calendars.list("g")
            return value


        def run():
            return show(Fake())
        """,
    "fake-attribute": """\
        from app.pages import Fake


        class Holder:
            def __init__(self, client):
                self.client = client

            def show(self):
                self.client = self.client.calendars.list("g")


        def run():
            return Holder(Fake()).show()
        """,
}


@pytest.mark.parametrize("shape", FAKE_GIVEN)
def test_a_receiver_given_a_fake_by_every_caller_stays_the_fake(
        tmp_path: Path, shape: str) -> None:
    findings = _findings(tmp_path, FAKE_GIVEN[shape])
    assert _has(findings, UNUSED), findings
    assert not _has(findings, "NYS304"), findings


CLIENT_GIVEN = {
    "client-caller": """\
        from app.auth import nylas


        def show(value):
            value = [c.name for c in value.calendars.list("g").data]
            return value


        def run():
            return show(nylas)
        """,
    "client-annotation": """\
        from nylas import Client


        def show(value: Client):
            value = [c.name for c in value.calendars.list("g").data]
            return value
        """,
    "client-local": """\
        from nylas import Client


        def show():
            value = Client(api_key="k")
            value = [c.name for c in value.calendars.list("g").data]
            return value
        """,
    "client-global": """\
        from nylas import Client

        value = Client(api_key="k")
        value = [c.name for c in value.calendars.list("g").data]
        """,
    "client-attribute": """\
        from app.auth import nylas


        class Holder:
            def __init__(self, client):
                self.client = client

            def show(self):
                self.client = [c.name for c in self.client.calendars.list("g").data]


        def run():
            return Holder(nylas).show()
        """,
}


@pytest.mark.parametrize("shape", CLIENT_GIVEN)
def test_a_nylas_client_bound_again_is_counted_exactly(tmp_path: Path, shape: str) -> None:
    # The client's call needs the calendar scope: neither unused nor unresolved.
    findings = _findings(tmp_path, CLIENT_GIVEN[shape])
    assert findings == [], findings
