"""An ``isinstance`` test naming an SDK client class proves the name a client in the
branch it guards, and only there.

Migration code tests for one API version's client and then for the other's.  Each
branch's reads of the name are read through the class its test proves; a read outside
every proving branch sees what the name holds otherwise (here a parameter whose caller
passes what the analysis cannot name: unresolved).

The project asks API v2 for ``email.read_only`` and API v3 (Google) for Gmail's read
scope and Google's calendar.  Placed, v2's ``threads.where`` needs ``email.read_only``
and v3's ``messages.list`` needs ``gmail.readonly``; nothing needs the calendar, which
is reported unused only when every call through ``raw`` is placed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

APP = '''\
import os

from nylas import APIClient, Client

nylas = Client(api_key=os.environ["KEY"])
legacy = APIClient(os.environ["ID"], os.environ["SECRET"])


def login_url_v2():
    return legacy.authentication_url("https://x/cb", scopes=["email.read_only"])


def login_url_v3():
    return nylas.auth.url_for_oauth2({{
        "client_id": os.environ["CID"], "redirect_uri": "https://x/cb",
        "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/calendar"],
    }})


def subjects(raw, grant_id):
{body}


def view(request):
    return subjects(request.app.state.nylas, request.args["grant"])
'''

V3 = "[m.subject for m in raw.messages.list(grant_id).data]"
V2 = "[t.subject for t in raw.threads.where(limit=5)]"

# Every call through ``raw`` lies in a branch proving its class.
PLACED = {
    "v3 then v2": "    if isinstance(raw, Client):\n"
                  f"        return {V3}\n"
                  "    elif isinstance(raw, APIClient):\n"
                  f"        return {V2}\n"
                  "    raise TypeError(type(raw))",
    "v2 then v3": "    if isinstance(raw, APIClient):\n"
                  f"        return {V2}\n"
                  "    elif isinstance(raw, Client):\n"
                  f"        return {V3}\n"
                  "    raise TypeError(f'not a client: {raw!r}')",
    "guard, then use": "    if isinstance(raw, APIClient):\n"
                       f"        return {V2}\n"
                       "    if not isinstance(raw, Client):\n"
                       "        raise TypeError(type(raw))\n"
                       f"    found = {V3}\n"
                       "    return found",
    "assert, then use": "    if isinstance(raw, APIClient):\n"
                        f"        return {V2}\n"
                        "    assert isinstance(raw, Client)\n"
                        f"    return {V3}",
    "negated test, else branch": "    if not isinstance(raw, Client):\n"
                                 "        print('legacy')\n"
                                 "    else:\n"
                                 f"        return {V3}\n"
                                 "    if isinstance(raw, APIClient) and grant_id:\n"
                                 f"        return {V2}\n"
                                 "    return []",
    "renamed in one branch": "    if isinstance(raw, Client):\n"
                             "        c = raw\n"
                             "        return [m.subject for m in c.messages.list(grant_id).data]\n"
                             "    elif isinstance(raw, APIClient):\n"
                             f"        return {V2}\n"
                             "    return []",
}

# A call through ``raw`` the branches do not cover: it stays unresolved, and nothing
# is said unused or broader (the unplaced call may list events, or read mail).
ESCAPING = {
    "else uses raw otherwise": "    if isinstance(raw, Client):\n"
                               f"        return {V3}\n"
                               "    elif isinstance(raw, APIClient):\n"
                               f"        return {V2}\n"
                               "    else:\n"
                               "        return raw.events.list(grant_id).data",
    "read after the if": "    if isinstance(raw, APIClient):\n"
                         f"        return {V2}\n"
                         f"    return {V3}",
    "body rebinds the name": "    if isinstance(raw, Client):\n"
                             "        raw = raw.with_retries()\n"
                             f"        return {V3}\n"
                             "    elif isinstance(raw, APIClient):\n"
                             f"        return {V2}\n"
                             "    return []",
    "walrus in the test": "    if isinstance(raw, Client) and (raw := getattr(raw, 'inner', raw)):\n"
                          f"        return {V3}\n"
                          "    elif isinstance(raw, APIClient):\n"
                          f"        return {V2}\n"
                          "    return []",
    "or-joined test": "    if isinstance(raw, Client) or grant_id:\n"
                      f"        return {V3}\n"
                      "    elif isinstance(raw, APIClient):\n"
                      f"        return {V2}\n"
                      "    return []",
    "tuple with another class": "    if isinstance(raw, (Client, dict)):\n"
                                f"        return {V3}\n"
                                "    elif isinstance(raw, APIClient):\n"
                                f"        return {V2}\n"
                                "    return []",
    "lambda in the body": "    if isinstance(raw, Client):\n"
                          "        fetch = lambda: raw.messages.list(grant_id).data\n"
                          "        return [m.subject for m in fetch()]\n"
                          "    elif isinstance(raw, APIClient):\n"
                          f"        return {V2}\n"
                          "    return []",
    "generator in the body": "    if isinstance(raw, Client):\n"
                             "        pages = (raw.messages.list(g).data for g in [grant_id])\n"
                             "        return [m.subject for page in pages for m in page]\n"
                             "    elif isinstance(raw, APIClient):\n"
                             f"        return {V2}\n"
                             "    return []",
    "nested function in the body": "    if isinstance(raw, Client):\n"
                                   "        def fetch():\n"
                                   "            return raw.messages.list(grant_id).data\n"
                                   "        return [m.subject for m in fetch()]\n"
                                   "    elif isinstance(raw, APIClient):\n"
                                   f"        return {V2}\n"
                                   "    return []",
    "guard that goes on": "    if isinstance(raw, APIClient):\n"
                          f"        return {V2}\n"
                          "    if not isinstance(raw, Client):\n"
                          "        print('odd client')\n"
                          f"    return {V3}",
    "guard inside a block": "    if isinstance(raw, APIClient):\n"
                            f"        return {V2}\n"
                            "    if grant_id:\n"
                            "        if not isinstance(raw, Client):\n"
                            "            raise TypeError(type(raw))\n"
                            f"    return {V3}",
    "rebound after the guard": "    if isinstance(raw, APIClient):\n"
                               f"        return {V2}\n"
                               "    if not isinstance(raw, Client):\n"
                               "        raise TypeError(type(raw))\n"
                               "    raw = raw.with_retries()\n"
                               f"    return {V3}",
    "rebound by a nested function": "    def swap():\n"
                                    "        nonlocal raw\n"
                                    "        raw = raw.inner\n"
                                    "    if isinstance(raw, Client):\n"
                                    "        swap()\n"
                                    f"        return {V3}\n"
                                    "    elif isinstance(raw, APIClient):\n"
                                    f"        return {V2}\n"
                                    "    return []",
}

CALENDAR = "NYS303 https://www.googleapis.com/auth/calendar"


def _codes(tmp_path: Path, body: str) -> list[str]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "app.py").write_text(APP.format(body=body))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted(f"{finding.code} {finding.message.split(chr(39))[1]}"
                  if finding.code != "NYS304" else finding.code
                  for finding in result.findings)


@pytest.mark.parametrize("body", PLACED.values(), ids=list(PLACED))
def test_each_branch_reads_the_class_its_test_proves(tmp_path: Path, body: str) -> None:
    assert _codes(tmp_path, body) == [CALENDAR]


@pytest.mark.parametrize("body", ESCAPING.values(), ids=list(ESCAPING))
def test_a_read_outside_the_proving_branches_stays_unresolved(
        tmp_path: Path, body: str) -> None:
    codes = _codes(tmp_path, body)
    assert "NYS304" in codes and not any(
        code.startswith(("NYS302", "NYS303")) for code in codes), codes
