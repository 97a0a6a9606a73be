"""A name an ``isinstance`` test or a ``case`` capture proves a client is read as one
only where the function reads it nowhere the proof does not hold.

The flow reading does not follow branches.  Migration code tests for API v2's client
and goes on with API v3's: read as v2's in the whole function, ``raw.messages.list``
lost the v3 request's use of Gmail's read scope, which was reported unused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

# A v3 request for Gmail's read scope and Google's calendar; the events listed on the
# primary calendar need ``calendar``, the v3 messages read in ``subjects`` need
# ``gmail.readonly``.  ``subjects`` is called with a client the analysis cannot name.
APP = '''\
import contextlib
import os

from nylas import APIClient, Client

nylas = Client(api_key=os.environ["KEY"])
GRANT = os.environ["GRANT"]


def login_url():
    return nylas.auth.url_for_oauth2({{
        "client_id": os.environ["CID"], "redirect_uri": "https://x/cb",
        "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/calendar"],
    }})


def agenda():
    return nylas.events.list(GRANT, query_params={{"calendar_id": "primary"}})


def subjects(raw):
{body}


def view(request):
    return subjects(request.app.state.nylas)
'''

# ``raw`` (or ``c``) is read where the proof does not hold, as API v3's client.
MIXED = {
    "if body, then v3": "    if isinstance(raw, APIClient):\n"
                        "        return [t.subject for t in raw.threads.where()]\n"
                        "    return [m.subject for m in raw.messages.list(GRANT).data]",
    "else branch": "    if isinstance(raw, APIClient):\n"
                   "        return [t.subject for t in raw.threads.where()]\n"
                   "    else:\n"
                   "        return [m.subject for m in raw.messages.list(GRANT).data]",
    "read before the assert": "    found = raw.messages.list(GRANT).data\n"
                              "    assert isinstance(raw, APIClient)\n"
                              "    return found",
    "bound after the assert": "    assert isinstance(raw, APIClient)\n"
                              "    raw = request_client()\n"
                              "    return raw.messages.list(GRANT).data",
    "in the guard's body": "    if not isinstance(raw, APIClient):\n"
                           "        return raw.messages.list(GRANT).data\n"
                           "    return raw.threads.where()",
    "case, then another capture": "    match raw:\n"
                                  "        case APIClient() as c:\n"
                                  "            return [t.subject for t in c.threads.where()]\n"
                                  "        case _ as c:\n"
                                  "            return [m.subject for m in c.messages.list(GRANT).data]",
    # A read in the test before the ``isinstance`` call runs before any proof.
    "read in the test first": "    if raw.messages.list(GRANT).data and isinstance(raw, APIClient):\n"
                              "        return raw.threads.where()\n"
                              "    return []",
    "read in the assert first": "    assert raw.messages.list(GRANT).data and isinstance(raw, APIClient)\n"
                                "    return raw.threads.where()",
    # An assert or a guard that is no statement of the function's own body: a line
    # after it may run without it.
    "assert in a branch": "    if os.environ.get('LEGACY'):\n"
                          "        assert isinstance(raw, APIClient)\n"
                          "        return raw.threads.where()\n"
                          "    return raw.messages.list(GRANT).data",
    "guard in a branch": "    if os.environ.get('LEGACY'):\n"
                         "        if not isinstance(raw, APIClient):\n"
                         "            raise TypeError(type(raw))\n"
                         "        return raw.threads.where()\n"
                         "    return raw.messages.list(GRANT).data",
    "assert caught": "    try:\n"
                     "        assert isinstance(raw, APIClient)\n"
                     "    except AssertionError:\n"
                     "        return raw.messages.list(GRANT).data\n"
                     "    return raw.threads.where()",
    "guard caught": "    try:\n"
                    "        if not isinstance(raw, APIClient):\n"
                    "            raise TypeError(type(raw))\n"
                    "    except TypeError:\n"
                    "        return raw.messages.list(GRANT).data\n"
                    "    return raw.threads.where()",
    "assert in a loop": "    for _ in range(len(GRANT) - 99):\n"
                        "        assert isinstance(raw, APIClient)\n"
                        "    return raw.messages.list(GRANT).data",
    "assert suppressed": "    with contextlib.suppress(AssertionError):\n"
                         "        assert isinstance(raw, APIClient)\n"
                         "    return raw.messages.list(GRANT).data",
}

# The proof holds at every read: the calls are read through v2's client, and the
# v3 mail scope no call needs is reported unused, as before.
PROVED = {
    "if body alone": "    if isinstance(raw, APIClient):\n"
                     "        return [t.subject for t in raw.threads.where()]\n"
                     "    return []",
    "guard printing the type": "    if not isinstance(raw, APIClient):\n"
                               "        raise TypeError(f'got {type(raw)}')\n"
                               "    return raw.threads.where()",
    "case alone": "    match raw:\n"
                  "        case APIClient() as c:\n"
                  "            return [t.subject for t in c.threads.where()]\n"
                  "        case _:\n"
                  "            return []",
    # Read in the test only after the proof, or in an ``if`` body nested in a branch.
    "read in the test after the proof": "    if isinstance(raw, APIClient) and raw.threads.where():\n"
                                        "        return [t.subject for t in raw.threads.where()]\n"
                                        "    return []",
    "if body in a branch": "    if os.environ.get('LEGACY'):\n"
                           "        if isinstance(raw, APIClient):\n"
                           "            return raw.threads.where()\n"
                           "    return []",
    "assert of the body, then a branch": "    assert isinstance(raw, APIClient)\n"
                                         "    if os.environ.get('LEGACY'):\n"
                                         "        return raw.threads.where()\n"
                                         "    return []",
}


def _codes(tmp_path: Path, body: str) -> list[str]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "app.py").write_text(APP.format(body=body))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted(f"{finding.code} {finding.message.split(chr(39))[1]}"
                  if finding.code != "NYS304" else finding.code
                  for finding in result.findings)


GMAIL = "NYS303 https://www.googleapis.com/auth/gmail.readonly"


@pytest.mark.parametrize("body", MIXED.values(), ids=list(MIXED))
def test_a_read_the_proof_does_not_cover_stays_unresolved(
        tmp_path: Path, body: str) -> None:
    codes = _codes(tmp_path, body)
    assert GMAIL not in codes and "NYS304" in codes, codes


@pytest.mark.parametrize("body", PROVED.values(), ids=list(PROVED))
def test_a_proof_covering_every_read_still_makes_a_client(
        tmp_path: Path, body: str) -> None:
    assert GMAIL in _codes(tmp_path, body)
