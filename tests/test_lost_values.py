"""Values that reach a Nylas request or call by a way the analysis may not follow: the
scopes a dict literal names before a ``**spread`` that may replace them, a client stored
on a module by name, a context variable, a client or config set up in another module.
Each either is read exactly or is unresolved (NYS304) with the usage rules silent;
never judged as if the value were not there."""

from __future__ import annotations

from pathlib import Path

from fake_apps import Found, app_findings, unresolved_in

V2_PYPROJECT = "[project]\nname = 'app'\ndependencies = ['nylas<6']\n"

# An API v2 app that posts its native-auth body with the scopes written before a
# spread of the settings' dict, then reads the calendar and sends a draft.
NATIVE_AUTH = """\
import requests
from nylas import APIClient
from app.settings import BASE

client = APIClient("id", "secret")


def login():
    return requests.post("https://api.nylas.com/connect/authorize",
                         json={BODY})


def events():
    return client.events.all()


def send():
    draft = client.drafts.create()
    draft.send()
"""

BASE = """\
BASE = {"client_id": "id", "name": "A", "email_address": "a@b.c", "provider": "gmail",
        "settings": {}}
"""

# Another module gives the settings' dict its own scopes, which the spread copies
# over the ones the body names first.
EXTRA = """\
from app.settings import BASE

BASE["scopes"] = "calendar.read_only,email.send"
"""


def native_app(root: Path, body: str) -> list[Found]:
    return app_findings(root, {
        "app/auth.py": NATIVE_AUTH.replace("{BODY}", body),
        "app/settings.py": BASE,
        "app/extra.py": EXTRA,
    }, V2_PYPROJECT)


def test_scopes_before_a_spread_that_may_replace_them_are_unresolved(tmp_path: Path) -> None:
    found = native_app(tmp_path, '{"scopes": "calendar", **BASE}')
    # The request sends whatever ``BASE["scopes"]`` holds when the spread copies it:
    # neither the send is missing nor the calendar broader than needed.
    assert [code for _, _, code in found if code[:6] in ("NYS301", "NYS302", "NYS303")] == []
    assert unresolved_in(found, "auth.py") == {10}


def test_scopes_after_a_spread_are_the_ones_sent(tmp_path: Path) -> None:
    # Written after the spread, the body's own key wins: it is read and judged.
    found = native_app(tmp_path, '{**BASE, "scopes": "calendar"}')
    codes = [(line, code[:6]) for name, line, code in found if name == "auth.py"]
    assert (10, "NYS302") in codes
    assert (19, "NYS301") in codes


def test_unresolved_body_says_a_spread_may_replace_its_scopes(tmp_path: Path) -> None:
    found = native_app(tmp_path, '{"scopes": "calendar", **BASE}')
    assert any(line == 10 and "a spread written after the body's 'scopes' may replace them"
               in code for _, line, code in found)


# The same, as the parameters of a hand-built /oauth/authorize URL and as the dict
# spread into ``authentication_url``.
HOSTED = """\
from urllib.parse import urlencode
from nylas import APIClient
from app.settings import BASE

client = APIClient("id", "secret")


def login():
    return "https://api.nylas.com/oauth/authorize?" + urlencode({BODY})


def events():
    return client.events.all()


def send():
    draft = client.drafts.create()
    draft.send()
"""

SDK_HOSTED = """\
from nylas import APIClient
from app.settings import BASE

client = APIClient("id", "secret")


def login():
    options = {BODY}
    return client.authentication_url(**options)


def events():
    return client.events.all()


def send():
    draft = client.drafts.create()
    draft.send()
"""

HOSTED_BASE = """\
BASE = {"client_id": "id", "response_type": "code", "redirect_uri": "https://a/cb"}
"""


def hosted_app(root: Path, module: str, body: str) -> list[Found]:
    return app_findings(root, {
        "app/auth.py": module.replace("{BODY}", body),
        "app/settings.py": HOSTED_BASE,
        "app/extra.py": EXTRA,
    }, V2_PYPROJECT)


def usage_codes(found: list[Found]) -> list[tuple[int, str]]:
    return sorted((line, code[:6]) for name, line, code in found
                  if name == "auth.py" and code[:6] in ("NYS301", "NYS302", "NYS303"))


def test_url_parameters_before_a_spread_are_unresolved(tmp_path: Path) -> None:
    found = hosted_app(tmp_path, HOSTED, '{"scopes": "calendar", **BASE}')
    assert usage_codes(found) == []
    assert unresolved_in(found, "auth.py") == {9}


def test_url_parameters_after_a_spread_are_read(tmp_path: Path) -> None:
    found = hosted_app(tmp_path, HOSTED, '{**BASE, "scopes": "calendar"}')
    assert usage_codes(found) == [(9, "NYS302"), (18, "NYS301")]


def test_keywords_spread_from_a_dict_whose_scopes_a_spread_may_replace(tmp_path: Path
                                                                       ) -> None:
    found = hosted_app(tmp_path, SDK_HOSTED, '{"scopes": ["calendar"], **BASE}')
    assert usage_codes(found) == []
    assert unresolved_in(found, "auth.py") == {9}


def test_keywords_spread_from_a_dict_with_scopes_last(tmp_path: Path) -> None:
    found = hosted_app(tmp_path, SDK_HOSTED, '{**BASE, "scopes": ["calendar"]}')
    assert usage_codes(found) == [(8, "NYS302"), (18, "NYS301")]
