"""Scope requests the analysis cannot read are kept as unresolved requests, never
dropped: left out, the granted scopes would be judged without them and a call needing
a scope only they may ask for reported missing (NYS301).  Each case has a neighbour
whose request is shown not to be one, which keeps its NYS301."""

from __future__ import annotations

from pathlib import Path

from flake8_nylas_scopes.project.neighbours import _asks_for_scopes

from fake_apps import Found, app_findings

V2 = "[project]\nname = 'app'\ndependencies = ['nylas<6']\n"

# A login asking for read access only, and a call that sends mail (needs email.send).
ADMIN = """\
from nylas import APIClient


def admin_login():
    client = APIClient("id", "secret")
    return client.authentication_url("https://a/admin", scopes=["email.read_only"])
"""
MAIL = """\
from nylas import APIClient


def send(token):
    client = APIClient("id", "secret", token)
    draft = client.drafts.create()
    draft.send()
"""
STORE = """\
import json


def load_params():
    with open("params.json") as f:
        return json.load(f)
"""


def _v2_app(root: Path, files: dict[str, str]) -> list[Found]:
    return app_findings(root, {"app/auth.py": ADMIN, "app/mail.py": MAIL,
                               "app/store.py": STORE, **files}, V2)


def _missing(found: list[Found]) -> bool:
    return any(code.startswith("NYS301") for _, _, code in found)


def _unresolved(found: list[Found], name: str) -> bool:
    return any(file == name and code.startswith("NYS304") for file, _, code in found)


NYLAS_AUTHORIZE = 'AUTH_URL = "https://api.nylas.com/oauth/authorize"\n'
OTHER_AUTHORIZE = 'AUTH_URL = "https://accounts.example.com/oauth/authorize"\n'

REDIRECT_VIEW = """\
from urllib.parse import urlencode

from app import settings
from app.store import load_params


def login():
    return f"{settings.AUTH_URL}?{urlencode(load_params())}"
"""

REQUESTS_VIEW = """\
import requests

from app import settings
from app.store import load_params


def login():
    return requests.get(settings.AUTH_URL, params=load_params())
"""


def test_authorize_url_of_another_module_with_unread_query_is_a_request(
        tmp_path: Path) -> None:
    found = _v2_app(tmp_path, {"app/settings.py": NYLAS_AUTHORIZE,
                               "app/views.py": REDIRECT_VIEW})
    assert not _missing(found)
    assert _unresolved(found, "views.py")


def test_authorize_url_of_another_module_given_unread_params_is_a_request(
        tmp_path: Path) -> None:
    found = _v2_app(tmp_path, {"app/settings.py": NYLAS_AUTHORIZE,
                               "app/views.py": REQUESTS_VIEW})
    assert not _missing(found)
    assert _unresolved(found, "views.py")


def test_another_services_authorize_url_is_no_request(tmp_path: Path) -> None:
    found = _v2_app(tmp_path, {"app/settings.py": OTHER_AUTHORIZE,
                               "app/views.py": REDIRECT_VIEW})
    assert _missing(found)
    assert not _unresolved(found, "views.py")


def test_unread_query_on_a_url_of_another_module_does_not_ask_for_scopes(
        tmp_path: Path) -> None:
    # A worker's own API call: only the other module's constant could say whether
    # it is the authorization URL, so the repository look does not take it for one.
    text = ("import nylas\nfrom urllib.parse import urlencode\nfrom app import cfg\n"
            "# one session scoped to each job\n\n\ndef page(q):\n"
            "    return f'{cfg.API}?{urlencode(q)}'\n")
    path = tmp_path / "worker.py"
    path.write_text(text)
    assert not _asks_for_scopes(str(path), text)


UNTOLD_LOGIN = """\
import json

cfg = json.load(open("cfg.json"))


def login(oauth):
    return oauth.authentication_url("https://a/cb", scopes=cfg["scopes"])
"""

OWN_CLASS_LOGIN = """\
import json

cfg = json.load(open("cfg.json"))


class Portal:
    def authentication_url(self, redirect_uri, scopes):
        return redirect_uri + ",".join(scopes)


def login():
    oauth = Portal()
    return oauth.authentication_url("https://a/cb", scopes=cfg["scopes"])
"""


def test_login_on_a_receiver_that_cannot_be_told_is_an_unresolved_request(
        tmp_path: Path) -> None:
    found = _v2_app(tmp_path, {"app/login.py": UNTOLD_LOGIN})
    assert not _missing(found)
    assert _unresolved(found, "login.py")


def test_login_method_of_a_project_class_is_no_request(tmp_path: Path) -> None:
    found = _v2_app(tmp_path, {"app/login.py": OWN_CLASS_LOGIN})
    assert _missing(found)


CHOSEN_LOGIN = """\
import os

from nylas import APIClient

client = APIClient("id", "secret")


def login():
    return getattr(client, os.environ["METHOD"])("https://a/cb", scopes=os.environ["S"])
"""

CHOSEN_ON_PROJECT_OBJECT = """\
import os


class Steps:
    def start(self, url, scopes):
        return url


def login():
    return getattr(Steps(), os.environ["METHOD"])("https://a/cb", scopes=os.environ["S"])
"""

CHOSEN_SYNC = """\
import os

from nylas import APIClient

client = APIClient("id", "secret")


def sync():
    return getattr(client, f"sync_{os.environ['KIND']}")()
"""


def test_client_method_chosen_by_name_may_be_the_login(tmp_path: Path) -> None:
    found = _v2_app(tmp_path, {"app/login.py": CHOSEN_LOGIN})
    assert not _missing(found)
    assert any(file == "login.py" and "possibly authentication_url" in code
               for file, _, code in found)


def test_project_objects_method_chosen_by_name_is_no_login(tmp_path: Path) -> None:
    found = _v2_app(tmp_path, {"app/login.py": CHOSEN_ON_PROJECT_OBJECT})
    assert _missing(found)


def test_client_method_chosen_by_a_name_no_login_has_is_no_login(tmp_path: Path) -> None:
    found = _v2_app(tmp_path, {"app/login.py": CHOSEN_SYNC})
    assert _missing(found)


CHOSEN_ON_COLLECTION = """\
import os

from nylas import APIClient

client = APIClient("id", "secret")


def run():
    return getattr(client.messages, os.environ["OP"])()
"""


def test_method_chosen_by_name_on_a_collection_is_no_login(tmp_path: Path) -> None:
    # The collection escapes (NYS304 for its uses); no login is read into it.
    found = _v2_app(tmp_path, {"app/login.py": CHOSEN_ON_COLLECTION})
    assert _missing(found)
    assert not any("authentication_url" in code for file, _, code in found
                   if file == "login.py")
    assert _unresolved(found, "login.py")


CHOSEN_ON_MODEL = """\
import os

from nylas import APIClient

client = APIClient("id", "secret")


def apply(thread_id, action):
    thread = client.threads.get(thread_id)
    getattr(thread, action)()
"""


def test_method_chosen_by_name_on_a_model_is_no_login(tmp_path: Path) -> None:
    found = _v2_app(tmp_path, {"app/login.py": CHOSEN_ON_MODEL})
    assert _missing(found)
    assert not any("authentication_url" in code for file, _, code in found
                   if file == "login.py")
