"""A scope list sent in a query to a URL whose host the module does not write.

``app/settings.SCOPES`` is API v3 Google's list of a Nylas request
(``url_for_oauth2``), and also the query of a hand-built authorization URL in
``app/google.py``.  A written Google host makes the URL another service's: the list
may serve that service's calls, so no scope of it is called unused (NYS303).  Where
the host is not written in the module (an imported constant, a module's attribute, a
parameter, ``os.environ``, an f-string of such), the URL is not provably Nylas's: the
project's constant is read where it can be (Google's: silent; Nylas's: judged), and
otherwise the list stays silent and NYS304 names the request.  The controls, a Nylas
host or a Nylas authorization path, leave the list judged: ``calendar`` serves no call.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_SETTINGS = '''import os

GOOGLE_AUTH_URL = "https://accounts.google.com/o/oauth2/v2/auth"
NYLAS_AUTH_URL = "https://api.us.nylas.com/v3/connect/auth"
RUN_TIME_AUTH_URL = os.environ["AUTH_URL"]
SCOPES = [
    "https://www.googleapis.com/auth/gmail.readonly",
    "https://www.googleapis.com/auth/calendar",
]
'''
_WEB = '''from nylas import Client

from app.settings import SCOPES

nylas = Client(api_key="key")


def login():
    return nylas.auth.url_for_oauth2({"client_id": "c", "redirect_uri": "r",
                                      "provider": "google", "scope": SCOPES})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''
_GOOGLE = '''import os
from urllib.parse import urlencode

import requests

from app import settings
from app.settings import GOOGLE_AUTH_URL, NYLAS_AUTH_URL, SCOPES


def sign_in(url):
    return {url}
'''
# Where the calendar scope, which no Nylas call needs, is written; where the query is.
_UNUSED = ("settings.py", 8, "NYS303")
_SENT_AT = ("google.py", 11, "NYS304")
_QUERY = "{'scope': ' '.join(SCOPES)}"


def _findings(root: Path, url: str) -> set[tuple[str, int, str]]:
    files = {"app/__init__.py": "", "app/settings.py": _SETTINGS, "app/web.py": _WEB,
             "app/google.py": _GOOGLE.format(url=url)}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    (root / "pyproject.toml").write_text(
        '[project]\nname = "app"\nversion = "0"\ndependencies = ["nylas"]\n')
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    return {(Path(f.span.path).name, f.span.line, f.code) for f in result.findings}


@pytest.mark.parametrize("url", [
    f"GOOGLE_AUTH_URL + '?' + urlencode({_QUERY})",
    f'f"{{settings.GOOGLE_AUTH_URL}}?{{urlencode({_QUERY})}}"',
    f"requests.get(settings.GOOGLE_AUTH_URL, params={_QUERY})",
], ids=["imported", "module attribute in an f-string", "request query"])
def test_a_google_url_read_from_another_module_is_another_service_s(
        tmp_path: Path, url: str) -> None:
    # Before, the list was judged as if only Nylas received it: NYS303 on calendar.
    assert _findings(tmp_path, url) == set()


@pytest.mark.parametrize("url", [
    f"os.environ['AUTH_URL'] + '?' + urlencode({_QUERY})",
    f"requests.get(url, params={_QUERY})",
    f'f"{{settings.RUN_TIME_AUTH_URL}}?{{urlencode({_QUERY})}}"',
    f"'%s?%s' % (GOOGLE_AUTH_URL, urlencode({_QUERY}))",
], ids=["environment", "parameter", "constant read at run time", "formatted"])
def test_a_url_whose_host_is_not_read_keeps_the_list_silent_and_says_so(
        tmp_path: Path, url: str) -> None:
    # Before: NYS303 on calendar, and nothing said of the query.
    assert _findings(tmp_path, url) == {_SENT_AT}


def test_the_reason_names_the_request_and_the_constant(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    files = {"app/__init__.py": "", "app/settings.py": _SETTINGS, "app/web.py": _WEB,
             "app/google.py": _GOOGLE.format(
                 url=f"requests.get(settings.RUN_TIME_AUTH_URL, params={_QUERY})")}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    [finding] = result.findings
    assert finding.code == "NYS304"
    assert ("app.settings.SCOPES is sent as the scope of requests.get("
            "settings.RUN_TIME_AUTH_URL, ...), whose host the analysis cannot read (it "
            "starts with app.settings.RUN_TIME_AUTH_URL)") in finding.message


@pytest.mark.parametrize("url", [
    f"NYLAS_AUTH_URL + '?' + urlencode({_QUERY})",
    f"requests.get(settings.NYLAS_AUTH_URL, params={_QUERY})",
    f"'https://api.us.nylas.com/v3/connect/auth?' + urlencode({_QUERY})",
    f"requests.get(url + '/v3/connect/auth', params={_QUERY})",
], ids=["imported nylas host", "module attribute", "written", "nylas path"])
def test_a_nylas_url_leaves_the_list_judged(tmp_path: Path, url: str) -> None:
    assert _findings(tmp_path, url) == {_UNUSED}


def test_a_written_google_host_stays_another_service_s(tmp_path: Path) -> None:
    url = f"'https://accounts.google.com/o/oauth2/v2/auth?' + urlencode({_QUERY})"
    assert _findings(tmp_path, url) == set()
    # The query not under a scope key: the list stays judged.
    assert _findings(tmp_path / "state", "requests.get(url, params={'state': len(SCOPES)})"
                     ) == {_UNUSED}
