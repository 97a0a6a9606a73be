"""Scope lists and Nylas URLs reached through one more step (other modules' constants,
settings, tiers, helpers) never make a claim the analysis cannot back: a value it
cannot follow silences NYS302/NYS303 and says so (NYS304)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

CALLS = '''
from nylas import APIClient


def inbox(token):
    api = APIClient("id", "secret", token)
    for message in api.messages.where(limit=5):
        print(message.subject)
'''


def _codes(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str, str]]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted(
        (Path(f.span.path).name, f.span.line, f.code, f.message) for f in result.findings
    )


def _auth(scopes: str, header: str = "") -> str:
    return f'''{header}
from nylas import APIClient

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://a.example/cb", scopes={scopes})
'''


def test_an_alternative_that_cannot_be_read_silences_unused(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "",
        "app/views.py": _auth("pick(plan)", '''
def pick(plan):
    if plan == "pro":
        return ["email.read_only", "contacts"]
    return load_from_db()
'''),
        "app/calls.py": CALLS,
    })
    assert {code for _, _, code, _ in found} == {"NYS304"}


def test_a_function_that_may_end_without_return_is_not_read(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "",
        "app/views.py": _auth("pick(plan)", '''
def pick(plan):
    if plan == "pro":
        return ["email.read_only", "contacts"]
'''),
        "app/calls.py": CALLS,
    })
    assert {code for _, _, code, _ in found} == {"NYS304"}


_PICK_BY_MATCH = '''
def pick(plan):
    match plan:
        case "pro":
            return ["email.read_only", "contacts"]
        case "basic" | "free":
            return ["email.read_only"]
        case _:
            raise ValueError(plan)
'''


@pytest.mark.parametrize("last_case", [
    "        case _:\n            raise ValueError(plan)\n",
    "        case other:\n            raise ValueError(other)\n",
    "        case (_ as other):\n            return [other]\n",
])
def test_a_match_with_a_case_taking_every_subject_is_read_case_by_case(
        tmp_path: Path, last_case: str) -> None:
    # Every case returns or raises and the last takes what the others leave: the
    # function gives one of the lists its cases return, each a request of its own.
    views = _PICK_BY_MATCH.replace("        case _:\n            raise ValueError(plan)\n",
                                   last_case)
    found = _codes(tmp_path, {"app/__init__.py": "", "app/calls.py": CALLS,
                              "app/views.py": _auth("pick(plan)", views)})
    codes = [(code, "contacts" in message) for _, _, code, message in found]
    if "return [other]" in last_case:
        # That case returns the plan itself, a list the analysis cannot read.
        assert {code for code, _ in codes} == {"NYS304"}
    else:
        assert codes == [("NYS303", True)]


@pytest.mark.parametrize("last_case", [
    # No case for the plans the others leave: the function may end returning None.
    "",
    # A guard may refuse the subject the last case would take.
    "        case _ if plan:\n            raise ValueError(plan)\n",
    # A value pattern takes only its value.
    "        case \"team\":\n            raise ValueError(plan)\n",
    # A case that takes everything but may end without returning.
    "        case _:\n            print(plan)\n",
])
def test_a_match_that_may_let_a_subject_through_is_not_read(
        tmp_path: Path, last_case: str) -> None:
    views = _PICK_BY_MATCH.replace("        case _:\n            raise ValueError(plan)\n",
                                   last_case)
    found = _codes(tmp_path, {"app/__init__.py": "", "app/calls.py": CALLS,
                              "app/views.py": _auth("pick(plan)", views)})
    assert {code for _, _, code, _ in found} == {"NYS304"}


_PICK_BY_TRY = '''
PLAN_SCOPES = {"pro": ["email.read_only", "contacts"], "basic": ["email.read_only"]}


def pick(plan):
    try:
%s
'''


@pytest.mark.parametrize("rest", [
    "        return PLAN_SCOPES[plan]\n    except KeyError:\n        return ['email.read_only']",
    "        return PLAN_SCOPES[plan]\n    except (KeyError, TypeError):\n        raise ValueError(plan)",
    "        check(plan)\n    except ValueError:\n        return ['email.read_only']\n"
    "    else:\n        return PLAN_SCOPES[plan]",
], ids=["handler-returns", "handler-raises", "else-returns"])
def test_a_try_whose_body_and_handlers_all_return_is_read(
        tmp_path: Path, rest: str) -> None:
    # Each way out of the ``try`` returns a list of PLAN_SCOPES or the fallback: the pro
    # plan's contacts is asked for and no call needs it.
    found = _codes(tmp_path, {"app/__init__.py": "", "app/calls.py": CALLS,
                              "app/views.py": _auth("pick(plan)", _PICK_BY_TRY % rest)})
    assert [(code, "contacts" in message) for _, _, code, message in found] == [
        ("NYS303", True)]


@pytest.mark.parametrize("rest", [
    # The handler lets the function end, returning None.
    "        return PLAN_SCOPES[plan]\n    except KeyError:\n        print(plan)",
    # The body may end without returning, and there is no ``else``.
    "        chosen = PLAN_SCOPES[plan]\n    except KeyError:\n        return ['email.read_only']",
    # One handler of two returns.
    "        return PLAN_SCOPES[plan]\n    except KeyError:\n        return ['email.read_only']\n"
    "    except TypeError:\n        pass",
], ids=["handler-ends", "body-ends", "one-handler-ends"])
def test_a_try_with_a_way_out_that_does_not_return_is_not_read(
        tmp_path: Path, rest: str) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/calls.py": CALLS,
                              "app/views.py": _auth("pick(plan)", _PICK_BY_TRY % rest)})
    assert {code for _, _, code, _ in found} == {"NYS304"}


_OVERLOADED = '''
from typing import overload


@overload
def pick(plan: int) -> list[str]: ...
@overload
def pick(plan: str) -> list[str]: ...
def pick(plan):
    return ["email.read_only", "contacts"]
'''


def test_overload_signatures_leave_the_function_that_runs(tmp_path: Path) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/calls.py": CALLS,
                              "app/views.py": _auth("pick(plan)", _OVERLOADED)})
    assert [(code, "contacts" in message) for _, _, code, message in found] == [("NYS303", True)]


def test_a_function_defined_twice_is_not_read(tmp_path: Path) -> None:
    twice = _OVERLOADED.replace("@overload\n", "")
    found = _codes(tmp_path, {"app/__init__.py": "", "app/calls.py": CALLS,
                              "app/views.py": _auth("pick(plan)", twice)})
    assert {code for _, _, code, _ in found} == {"NYS304"}


def test_an_unconditional_reassignment_is_not_an_alternative(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "",
        "app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only", "contacts"]
SCOPES = ["email.read_only"]
'''),
        "app/calls.py": CALLS,
    })
    assert {code for _, _, code, _ in found} == {"NYS304"}


def test_each_tier_is_judged_alone(tmp_path: Path) -> None:
    # email.modify is broader than needed next to nothing else, but the pro tier's
    # list is never merged with the basic one's.
    found = _codes(tmp_path, {
        "app/__init__.py": "",
        "app/views.py": _auth("SCOPES", '''
import os
SCOPES = ["email.read_only"]
if os.environ.get("PLAN") == "pro":
    SCOPES = ["email.read_only", "email.send"]
'''),
        "app/calls.py": CALLS + '''

def reply(token):
    api = APIClient("id", "secret", token)
    api.drafts.create(subject="hi").send()
''',
    })
    assert found == []


_TIERS_BY_MATCH = '''
import os
match os.environ.get("PLAN"):
    case "pro" | "team":
        SCOPES = ["email.read_only", "contacts"]
    case _:
        SCOPES = ["email.read_only"]
'''


def test_each_case_of_a_match_is_a_tier_judged_alone(tmp_path: Path) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/calls.py": CALLS,
                              "app/views.py": _auth("SCOPES", _TIERS_BY_MATCH)})
    assert [(line, code, "contacts" in message) for _, line, code, message in found] == [
        (5, "NYS303", True)]


@pytest.mark.parametrize("case", [
    # The pattern binds the name itself: what it holds is the matched value's.
    '    case {"scopes": SCOPES}:\n        pass\n',
    # A guard binds it on its way.
    '    case "free" if (SCOPES := load()):\n        pass\n',
])
def test_a_match_that_binds_the_name_otherwise_is_not_read(
        tmp_path: Path, case: str) -> None:
    views = _TIERS_BY_MATCH.replace("    case _:", case + "    case _:")
    found = _codes(tmp_path, {"app/__init__.py": "", "app/calls.py": CALLS,
                              "app/views.py": _auth("SCOPES", views)})
    assert {code for _, _, code, _ in found} == {"NYS304"}


def test_a_condition_that_binds_the_name_is_not_a_branch(tmp_path: Path) -> None:
    views = '''
SCOPES = ["email.read_only", "contacts"]
if not (SCOPES := load()):
    pass
else:
    SCOPES = ["email.read_only"]
'''
    found = _codes(tmp_path, {"app/__init__.py": "", "app/calls.py": CALLS,
                              "app/views.py": _auth("SCOPES", views)})
    assert {code for _, _, code, _ in found} == {"NYS304"}


def test_a_url_constant_that_cannot_be_read_stays_a_hole(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "",
        "app/constants.py": 'import os\nNYLAS_API = "https://api.nylas.com"\nPATH = os.environ["P"]\n',
        "app/views.py": _auth('["email.read_only"]'),
        "app/mail.py": '''
import requests
from . import constants as c


def send(token):
    return requests.post(f"{c.NYLAS_API}/{c.PATH}", json={})
''',
        "app/calls.py": CALLS,
    })
    assert [(name, code) for name, _, code, _ in found] == [("mail.py", "NYS304")]
    message = found[0][3]
    assert "POST /{...} " in message and "  " not in message


def test_a_url_from_constants_maps_to_its_route(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "",
        "app/constants.py": 'NYLAS_API = "https://api.nylas.com/"\nSEND_URI = "send"\n',
        "app/views.py": _auth('["email.read_only"]'),
        "app/mail.py": '''
import requests
from .constants import NYLAS_API, SEND_URI


def send(token):
    return requests.post(NYLAS_API + SEND_URI, json={})
''',
        "app/calls.py": CALLS,
    })
    assert [(name, code) for name, _, code, _ in found] == [("mail.py", "NYS301")]
    assert "(POST /send)" in found[0][3]


def test_settings_modules_that_differ_are_each_a_request(tmp_path: Path) -> None:
    # Development asks for contacts too: that request, and only it, gets NYS303.
    found = _codes(tmp_path, {
        "proj/__init__.py": "",
        "proj/settings/__init__.py": "",
        "proj/settings/dev.py": 'NYLAS_SCOPES = ["email.read_only", "contacts"]\n',
        "proj/settings/prod.py": 'NYLAS_SCOPES = ["email.read_only"]\n',
        "proj/views.py": _auth("settings.NYLAS_SCOPES", "from django.conf import settings"),
        "proj/calls.py": CALLS,
    })
    assert [(name, code) for name, _, code, _ in found] == [("dev.py", "NYS303")]


SCOPES_MODULE = 'SCOPES = ("email.read_only", "email.modify", "contacts.read_only")\n'
JOINED_URL = '''
from urllib.parse import urlencode

from .config import SCOPES


def authorize_url(redirect_uri):
    params = {"client_id": "id", "redirect_uri": redirect_uri, "response_type": "code",
              "scopes": ",".join(SCOPES)}
    return "https://api.nylas.com/oauth/authorize?" + urlencode(params)
'''


def test_a_list_from_another_module_joined_into_a_url_is_read(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/config.py": SCOPES_MODULE,
        "app/auth.py": JOINED_URL, "app/views.py": CALLS,
    })
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("config.py", 1, "NYS104"),  # email.read_only under email.modify
        ("config.py", 1, "NYS302"),  # email.modify: the calls only read
        ("config.py", 1, "NYS303"),  # contacts.read_only: no contact call
    ]


def test_a_string_from_another_module_is_not_joined_as_a_list(tmp_path: Path) -> None:
    # ",".join("email.read_only") is "e,m,a,i,l,...": not a list of scopes to judge.
    found = _codes(tmp_path, {
        "app/__init__.py": "",
        "app/config.py": 'SCOPES = "email.read_only,email.modify,contacts.read_only"\n',
        "app/auth.py": JOINED_URL, "app/views.py": CALLS,
    })
    assert [code for _, _, code, _ in found] == ["NYS304"]


def test_a_list_joined_through_its_module_is_read(tmp_path: Path) -> None:
    # ``",".join(config.SCOPES)`` with ``from app import config``: the same list as
    # ``",".join(SCOPES)`` with the name imported.
    url = JOINED_URL.replace("from .config import SCOPES", "from app import config")
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/config.py": SCOPES_MODULE,
        "app/auth.py": url.replace('",".join(SCOPES)', '",".join(config.SCOPES)'),
        "app/views.py": CALLS,
    })
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("config.py", 1, "NYS104"), ("config.py", 1, "NYS302"), ("config.py", 1, "NYS303"),
    ]


def test_a_list_joined_through_its_module_and_changed_there_is_not_judged(
        tmp_path: Path) -> None:
    url = JOINED_URL.replace("from .config import SCOPES", "from app import config")
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/config.py": SCOPES_MODULE.replace("(", "[").replace(
            ")", "]"),
        "app/auth.py": url.replace('",".join(SCOPES)', '",".join(config.SCOPES)'),
        "app/grow.py": 'from app import config\n\nconfig.SCOPES.append("contacts")\n',
        "app/views.py": CALLS,
    })
    assert [(name, code) for name, _, code, _ in found] == [("auth.py", "NYS304")]


def test_a_string_joined_through_its_module_is_not_read_as_a_list(tmp_path: Path) -> None:
    url = JOINED_URL.replace("from .config import SCOPES", "from app import config")
    found = _codes(tmp_path, {
        "app/__init__.py": "",
        "app/config.py": 'SCOPES = "email.read_only,email.modify,contacts.read_only"\n',
        "app/auth.py": url.replace('",".join(SCOPES)', '",".join(config.SCOPES)'),
        "app/views.py": CALLS,
    })
    assert [code for _, _, code, _ in found] == ["NYS304"]


def test_a_list_joined_from_an_object_is_not_read(tmp_path: Path) -> None:
    # ``user`` is a parameter: its ``scopes`` may be anything.
    url = JOINED_URL.replace("def authorize_url(redirect_uri):",
                             "def authorize_url(redirect_uri, user):")
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/config.py": SCOPES_MODULE,
        "app/auth.py": url.replace('",".join(SCOPES)', '",".join(user.scopes)'),
        "app/views.py": CALLS,
    })
    assert [code for _, _, code, _ in found] == ["NYS304"]


def test_a_list_made_only_of_another_modules_list_is_read(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/config.py": SCOPES_MODULE,
        "app/auth.py": _auth("[*SCOPES]", "from .config import SCOPES"), "app/views.py": CALLS,
    })
    assert [(name, code) for name, _, code, _ in found] == [
        ("config.py", "NYS104"), ("config.py", "NYS302"), ("config.py", "NYS303"),
    ]


FLASK_LOGIN = '''
from flask import current_app
from nylas import APIClient


def login_url():
    client = APIClient("id", "secret")
    return client.authentication_url("https://a.example/cb",
                                     scopes=current_app.config["NYLAS_SCOPES"])
'''


def test_flask_configuration_set_by_the_app_factory_is_read(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": (
            "from flask import Flask\n\n\ndef create_app():\n    app = Flask(__name__)\n"
            "    app.config.from_mapping(\n"
            "        NYLAS_SCOPES=['email.read_only', 'email.modify', 'contacts'])\n"
            "    return app\n"
        ),
        "app/auth.py": FLASK_LOGIN, "app/views.py": CALLS,
    })
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("__init__.py", 7, "NYS104"), ("__init__.py", 7, "NYS302"), ("__init__.py", 7, "NYS303"),
    ]


def test_each_flask_config_class_is_a_request_of_its_own(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "",
        "app/config.py": (
            "class ProductionConfig:\n    NYLAS_SCOPES = ['email.read_only']\n\n\n"
            "class DevelopmentConfig(ProductionConfig):\n"
            "    NYLAS_SCOPES = ['email.read_only', 'calendar']\n"
        ),
        "app/auth.py": FLASK_LOGIN, "app/views.py": CALLS,
    })
    # Only the development list asks for what no call needs.
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("config.py", 6, "NYS303"),
    ]


def test_a_configuration_the_project_never_writes_stays_unresolved(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "",
        # A class that is not a Flask config class, with a list of another API's scopes.
        "app/google_sync.py": (
            "class GoogleSync:\n"
            "    NYLAS_SCOPES = ['https://www.googleapis.com/auth/calendar']\n"
        ),
        "app/auth.py": FLASK_LOGIN, "app/views.py": CALLS,
    })
    assert [code for _, _, code, _ in found] == ["NYS304"]


def test_another_objects_config_is_not_flask_configuration(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": (
            "from flask import Flask\napp = Flask(__name__)\n"
            "app.config['NYLAS_SCOPES'] = ['email.read_only', 'calendar']\n"
        ),
        "app/auth.py": FLASK_LOGIN.replace('current_app.config["NYLAS_SCOPES"]',
                                           'self.config["NYLAS_SCOPES"]').replace(
            "def login_url():", "def login_url(self):"),
        "app/views.py": CALLS,
    })
    assert "NYS303" not in [code for _, _, code, _ in found]


HELPER = '''
import requests
from fastapi.encoders import jsonable_encoder

NYLAS_API = "https://api.nylas.com"


def connect(payload):
    return requests.post(f"{NYLAS_API}/connect/authorize", json=jsonable_encoder(payload))
'''
BODY = '''{
        "client_id": "id", "email_address": email, "provider": "gmail",
        "settings": {"service_account_json": key},
        "scopes": ["calendar", "email.metadata", "email.read_only"],
    }'''


def _messages(found: list[tuple[str, int, str, str]]) -> list[tuple[str, str]]:
    return sorted((code, message) for _, _, code, message in found)


def test_a_body_posted_by_a_helper_is_judged_as_if_posted_inline(tmp_path: Path) -> None:
    inline = _codes(tmp_path / "inline", {
        "app/__init__.py": "", "app/calls.py": CALLS,
        "app/views.py": HELPER.split("\n\n\ndef")[0] + f'''

def register(email, key):
    payload = {BODY}
    return requests.post(f"{{NYLAS_API}}/connect/authorize", json=payload)
''',
    })
    helped = _codes(tmp_path / "helped", {
        "app/__init__.py": "", "app/calls.py": CALLS, "app/nylas_http.py": HELPER,
        "app/views.py": f'''
from .nylas_http import connect


def sync_register(payload):
    return connect(payload)


def register(email, key):
    payload = {BODY}
    return sync_register(payload=payload)
''',
    })
    assert {"NYS201", "NYS205"} <= {code for code, _ in _messages(inline)}
    assert _messages(helped) == _messages(inline)
    assert {name for name, _, _, _ in helped} == {"views.py"}


def test_a_caller_passing_a_body_that_cannot_be_read_is_unresolved(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": CALLS, "app/nylas_http.py": HELPER,
        "app/views.py": f'''
from .nylas_http import connect


def register(email, key):
    payload = {BODY.replace('"email.metadata", ', "")}
    return connect(payload)


def register_from(row):
    return connect(row.body())
''',
    })
    assert [(name, line, code) for name, line, code, _ in found if code != "NYS205"] == [
        ("views.py", 15, "NYS304")]
    assert "the native-auth body passed to connect() cannot be read" in found[-1][3]


def test_a_body_changed_on_the_way_is_unresolved(tmp_path: Path) -> None:
    # The pass-through helper overwrites the scopes its callers chose.
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": CALLS, "app/nylas_http.py": HELPER,
        "app/views.py": f'''
from .nylas_http import connect


def sync_register(payload):
    payload["scopes"] = load_scopes()
    return connect(payload)


def register(email, key):
    payload = {BODY}
    return sync_register(payload)
''',
    })
    assert [(name, line, code) for name, line, code, _ in found] == [("views.py", 7, "NYS304")]


def test_a_host_built_at_run_time_after_the_scheme_may_be_nylas(tmp_path: Path) -> None:
    # HOST may be api.nylas.com: GET /contacts may need 'contacts', which is then
    # never called unused.
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": CALLS,
        "app/views.py": _auth('["email.read_only", "contacts"]'),
        "app/people.py": '''# Nylas contacts, through a proxy
import os
import requests

HOST = os.environ["HOST"]


def people():
    return requests.get(f"https://{HOST}/contacts").json()
''',
    })
    assert [(name, code) for name, _, code, _ in found] == [("people.py", "NYS304")]


CLIENT_MODULE = '''
import httpx

NYLAS_API = "https://api.nylas.com"


class Outbox:
    def __init__(self):
        self.http = httpx.AsyncClient(base_url=NYLAS_API)

    async def send(self, draft):
        return await {call}
'''


def test_a_relative_path_is_read_against_the_clients_base_url(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": CALLS,
        "app/views.py": _auth('["email.read_only", "email.send", "contacts"]'),
        "app/outbox.py": CLIENT_MODULE.format(call='self.http.post("/send", json=draft)'),
    })
    assert [(name, code) for name, _, code, _ in found] == [("views.py", "NYS303")]
    assert "'contacts'" in found[0][3]


def test_a_clients_method_handed_elsewhere_is_unresolved(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": CALLS,
        "app/views.py": _auth('["email.read_only", "email.send"]'),
        "app/outbox.py": CLIENT_MODULE.format(call='run(self.http.post, "/send", json=draft)'),
    })
    assert [(name, code) for name, _, code, _ in found] == [("outbox.py", "NYS304")]


@pytest.mark.parametrize("call", [
    'operator.methodcaller("post", "/send", json=draft)(self.http)',
    "transport.deliver(self.http, draft)",
    "self.queue.put(self.http)",
])
def test_a_client_handed_elsewhere_is_unresolved(tmp_path: Path, call: str) -> None:
    # Where the client goes, any request to its base URL may be sent: left out, the
    # scopes of those requests would look unused.
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": CALLS,
        "app/views.py": _auth('["email.read_only", "email.send"]'),
        "app/outbox.py": "import operator\nimport transport\n" + CLIENT_MODULE.format(call=call),
    })
    assert [(name, code) for name, _, code, _ in found] == [("outbox.py", "NYS304")]


def test_a_client_entered_or_read_through_its_attributes_is_not_handed_on(
    tmp_path: Path,
) -> None:
    # ``async with self.http:`` and ``self.http.headers`` send nothing: the request
    # read against the base URL still lets the unused scope be said.
    outbox = CLIENT_MODULE.format(call='self.http.post("/send", json=draft)') + """
    async def close(self):
        self.http.headers.clear()
        async with self.http:
            pass
"""
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": CALLS,
        "app/views.py": _auth('["email.read_only", "email.send", "contacts"]'),
        "app/outbox.py": outbox,
    })
    assert [(name, code) for name, _, code, _ in found] == [("views.py", "NYS303")]
    assert "'contacts'" in found[0][3]


SETTINGS_MODULE = '''# Nylas settings
from functools import lru_cache

import requests
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    api_uri: str = "{default}"


@lru_cache
def get_settings():
    return Settings()


def people():
    return requests.get(f"{{get_settings().api_uri}}/contacts").json()


def people_again():
    config = get_settings()
    return requests.get(config.api_uri + "/contacts").json()
'''


def test_a_settings_field_with_a_nylas_default_is_a_nylas_host(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": CALLS,
        "app/views.py": _auth('["email.read_only", "contacts.read_only"]'),
        "app/people.py": SETTINGS_MODULE.format(default="https://api.nylas.com"),
    })
    assert found == []


def test_a_settings_field_the_environment_may_set_is_not_another_host(
    tmp_path: Path
) -> None:
    # The default names another host, but the environment may name Nylas.
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": CALLS,
        "app/views.py": _auth('["email.read_only", "contacts"]'),
        "app/people.py": SETTINGS_MODULE.format(default="https://proxy.example.com"),
    })
    assert {code for _, _, code, _ in found} == {"NYS304"}


def test_findings_on_configuration_name_the_module_they_were_read_from(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    files = {
        "proj/__init__.py": "",
        "proj/settings.py": "NYLAS_SCOPES = ['email.read_only', 'contacts']\n",
        "proj/auth.py": _auth("settings.NYLAS_SCOPES", "from django.conf import settings"),
        "proj/views.py": CALLS,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    (unused,) = [f for f in result.findings if f.code == "NYS303"]
    assert unused.evidence == (
        "scopes read from django.conf.settings.NYLAS_SCOPES in proj.settings",
    )


# Django's split settings: ``production.py`` brings the names of ``base.py`` with a
# star import and overrides a few of them.
BASE_SETTINGS = 'NYLAS_SCOPES = ["email.read_only", "contacts"]\n'
USES_PRODUCTION = '''
import os

from django.conf import settings
from nylas import APIClient

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings.production")


def login():
    client = APIClient("id", "secret")
    return client.authentication_url("https://a.example/cb", scopes=settings.NYLAS_SCOPES)
'''


def _split_settings(
    tmp_path: Path, production: str, **more: str
) -> list[tuple[str, int, str, str]]:
    return _codes(tmp_path, {
        "app/__init__.py": "", "app/settings/__init__.py": "",
        "app/settings/base.py": BASE_SETTINGS,
        "app/settings/production.py": production,
        "app/views.py": USES_PRODUCTION, "app/calls.py": CALLS, **more,
    })


def test_a_setting_brought_by_a_star_import_is_read(tmp_path: Path) -> None:
    found = _split_settings(tmp_path, "from .base import *  # noqa\nDEBUG = False\n")
    assert [(name, code) for name, _, code, _ in found] == [("base.py", "NYS303")]
    assert "'contacts'" in found[0][3]


def test_a_name_imported_from_the_star_importing_module_is_read(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/settings/__init__.py": "",
        "app/settings/base.py": BASE_SETTINGS,
        "app/settings/production.py": "from .base import *  # noqa\n",
        "app/views.py": _auth("NYLAS_SCOPES", "from app.settings.production import NYLAS_SCOPES"),
        "app/calls.py": CALLS,
    })
    assert [(name, code) for name, _, code, _ in found] == [("base.py", "NYS303")]


def test_a_name_read_in_the_star_importing_module_itself_is_read(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/settings/__init__.py": "",
        "app/settings/base.py": BASE_SETTINGS,
        "app/views.py": _auth("NYLAS_SCOPES", "from app.settings.base import *  # noqa"),
        "app/calls.py": CALLS,
    })
    assert [(name, code) for name, _, code, _ in found] == [("base.py", "NYS303")]


def test_an_override_after_the_star_import_wins(tmp_path: Path) -> None:
    found = _split_settings(
        tmp_path, 'from .base import *  # noqa\nNYLAS_SCOPES = ["email.read_only"]\n')
    assert found == []


def test_a_binding_before_the_star_import_is_not_read(tmp_path: Path) -> None:
    # The star import may bind the name again: neither value is taken for it.
    found = _split_settings(
        tmp_path, 'NYLAS_SCOPES = ["email.read_only"]\nfrom .base import *  # noqa\n')
    assert {code for _, _, code, _ in found} == {"NYS304"}


def test_an_override_that_cannot_be_read_silences_the_rules(tmp_path: Path) -> None:
    found = _split_settings(
        tmp_path,
        'import os\nfrom .base import *  # noqa\nNYLAS_SCOPES = os.environ["SCOPES"].split()\n')
    assert {code for _, _, code, _ in found} == {"NYS304"}


def test_a_conditional_star_import_of_a_missing_module_silences_the_rules(
    tmp_path: Path,
) -> None:
    # ``local.py`` is not in the repository (each developer has their own): it may
    # set anything.
    production = ("from .base import *  # noqa\n"
                  "try:\n    from .local import *  # noqa\nexcept ImportError:\n    pass\n")
    found = _split_settings(tmp_path, production)
    assert {code for _, _, code, _ in found} == {"NYS304"}


def test_a_conditional_star_import_that_binds_the_name_silences_the_rules(
    tmp_path: Path,
) -> None:
    production = ("from .base import *  # noqa\n"
                  "try:\n    from .local import *  # noqa\nexcept ImportError:\n    pass\n")
    found = _split_settings(
        tmp_path, production,
        **{"app/settings/local.py": 'NYLAS_SCOPES = ["email.read_only"]\n'})
    assert {code for _, _, code, _ in found} == {"NYS304"}


def test_a_conditional_star_import_that_binds_other_names_is_passed(tmp_path: Path) -> None:
    production = ("from .base import *  # noqa\n"
                  "try:\n    from .local import *  # noqa\nexcept ImportError:\n    pass\n")
    found = _split_settings(tmp_path, production,
                            **{"app/settings/local.py": "DEBUG = True\n"})
    assert [(name, code) for name, _, code, _ in found] == [("base.py", "NYS303")]


def test_all_limits_what_a_star_import_brings(tmp_path: Path) -> None:
    more = {"app/settings/base.py": '__all__ = ["DEBUG"]\nDEBUG = True\n' + BASE_SETTINGS}
    found = _split_settings(tmp_path, "from .base import *  # noqa\n", **more)
    assert {code for _, _, code, _ in found} == {"NYS304"}
    readable = {"app/settings/base.py": '__all__ = ["NYLAS_SCOPES"]\n' + BASE_SETTINGS}
    found = _split_settings(tmp_path / "listed", "from .base import *  # noqa\n", **readable)
    assert [(name, code) for name, _, code, _ in found] == [("base.py", "NYS303")]
    unreadable = {"app/settings/base.py": "__all__ = names()\n" + BASE_SETTINGS}
    found = _split_settings(tmp_path / "opaque", "from .base import *  # noqa\n", **unreadable)
    assert {code for _, _, code, _ in found} == {"NYS304"}


def test_a_list_rebuilt_from_the_star_imported_one_is_not_its_own_items(
    tmp_path: Path,
) -> None:
    # Read as the name it rebinds, ``NYLAS_SCOPES`` in its own value spliced the new
    # list into itself: 'email.send' looked requested twice, and ``fix`` deleted it.
    for index, production in enumerate((
        'from .base import *  # noqa\nNYLAS_SCOPES = [*NYLAS_SCOPES, "email.send"]\n',
        'from .base import *  # noqa\nNYLAS_SCOPES = NYLAS_SCOPES + ["email.send"]\n',
        'from .base import *  # noqa\nNYLAS_SCOPES = sorted({*NYLAS_SCOPES, "email.send"})\n',
    )):
        found = _split_settings(tmp_path / str(index), production)
        assert {code for _, _, code, _ in found} == {"NYS304"}, production


def test_a_duplicate_in_an_override_after_the_star_import_is_reported(
    tmp_path: Path,
) -> None:
    found = _split_settings(tmp_path, (
        'from .base import *  # noqa\n'
        'NYLAS_SCOPES = ["email.read_only", "email.send", "email.send"]\n'))
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("production.py", 2, "NYS103"), ("production.py", 2, "NYS303")]


def test_a_star_import_from_outside_the_project_silences_the_rules(tmp_path: Path) -> None:
    found = _split_settings(tmp_path, "from .base import *  # noqa\nfrom vendor.conf import *\n")
    assert {code for _, _, code, _ in found} == {"NYS304"}


def test_a_list_changed_in_place_where_it_is_bound_is_not_read(tmp_path: Path) -> None:
    more = {"app/settings/base.py": BASE_SETTINGS,
            "app/settings/extra.py": (
                "from app.settings import base\nbase.NYLAS_SCOPES.append('email.send')\n")}
    found = _split_settings(tmp_path, "from .base import *  # noqa\n", **more)
    assert {code for _, _, code, _ in found} == {"NYS304"}

# A scope list that code elsewhere changes after its assignment: the granted set is
# not what the assignment says, so a call it seems not to grant is no NYS301.
AGENDA_CALLS = CALLS + '''

def agenda(token):
    return [event.title for event in APIClient("id", "secret", token).events.all()]
'''
CONFIG_LIST = 'SCOPES = ["email.read_only"]\n'
FROM_CONFIG = _auth("SCOPES", "from .config import SCOPES")
V3_CALLS = '''
import os

from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
G = "https://www.googleapis.com/auth/"
CONFIG = {"client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
          "scope": ["https://www.googleapis.com/auth/gmail.readonly"]}


def login():
    return nylas.auth.url_for_oauth2(CONFIG)


def digest(grant):
    return nylas.messages.list(grant).data, nylas.calendars.list(grant).data
'''
LOCAL_SET_LOGIN = '''
from nylas import APIClient

client = APIClient("id", "secret")


def login():
    scopes = {"email.read_only"}
    # changed here
    return client.authentication_url("https://a.example/cb", scopes=scopes)
'''
CHANGED_ELSEWHERE = {
    "rebound through global in a function": {
        "app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only"]


def enable_calendar():
    global SCOPES
    SCOPES = SCOPES + ["calendar.read_only"]
'''),
    },
    "slice-assigned in a function": {
        "app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only"]


def enable_calendar():
    SCOPES[:] = ["email.read_only", "calendar.read_only"]
'''),
    },
    "stored through another name in a function's dict whose list is appended to": {
        "app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only"]


def enable_calendar():
    holder = {}
    scopes = SCOPES
    holder["scopes"] = scopes
    holder["scopes"].append("calendar.read_only")
'''),
    },
    "extended in place through another name in a function": {
        "app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only"]


def enable_calendar():
    scopes = SCOPES
    print(scopes)
    scopes += ["calendar.read_only"]
'''),
    },
    "handed on through two more names in a function": {
        "app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only"]


def enable_calendar():
    scopes = SCOPES
    more = scopes
    add_calendar(more)
'''),
    },
    "appended to through another name a closure of the function reads": {
        "app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only"]


def enable_calendar():
    scopes = SCOPES

    def add():
        scopes.append("calendar.read_only")
    return add
'''),
    },
    "appended to through another name bound in a loop": {
        "app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only"]


def enable_calendar(extra):
    for scope in extra:
        scopes = SCOPES
        scopes.append(scope)
'''),
    },
    "appended to through another name in a function": {
        "app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only"]


def enable_calendar():
    scopes = SCOPES
    scopes.append("calendar.read_only")
'''),
    },
    "handed to a function of the module that appends to it": {
        "app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only"]


def enable_calendar(scopes):
    scopes.append("calendar.read_only")


enable_calendar(SCOPES)
'''),
    },
    "appended to by a module that imports it": {
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/plugins.py": '''
from .config import SCOPES


def enable_calendar():
    SCOPES.append("calendar.read_only")
''',
    },
    "appended to through another name by a module that imports it": {
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/plugins.py": '''
from .config import SCOPES


def enable_calendar():
    scopes = SCOPES
    scopes.append("calendar.read_only")
''',
    },
    "handed by a module that imports it to its function that appends to it": {
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/plugins.py": '''
from .config import SCOPES


def add(scopes, scope):
    scopes.append(scope)


add(SCOPES, "calendar.read_only")
''',
    },
    "the default of a parameter another module appends to": {
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/plugins.py": '''
from . import config


def enable_calendar(scopes=config.SCOPES):
    scopes.append("calendar.read_only")
''',
    },
    "rebound on its module by another module": {
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/plugins.py": '''
from . import config


def enable_calendar():
    config.SCOPES = config.SCOPES + ["calendar.read_only"]
''',
    },
    "extended in place by another module": {
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/plugins.py": 'from . import config\n\nconfig.SCOPES += ["calendar.read_only"]\n',
    },
    "extended by a settings module over the base settings": {
        "app/settings/__init__.py": "",
        "app/settings/base.py": 'NYLAS_SCOPES = ["email.read_only"]\n',
        "app/settings/prod.py": 'from .base import *\n\nNYLAS_SCOPES += ["calendar.read_only"]\n',
        "app/views.py": _auth("settings.NYLAS_SCOPES", "from django.conf import settings"),
    },
    "rebuilt from the base settings' list by a settings module": {
        "app/settings/__init__.py": "",
        "app/settings/base.py": 'NYLAS_SCOPES = ["email.read_only"]\n',
        "app/settings/prod.py": (
            'from .base import *\n\nNYLAS_SCOPES = NYLAS_SCOPES + ["calendar.read_only"]\n'),
        "app/views.py": _auth("settings.NYLAS_SCOPES", "from django.conf import settings"),
    },
    "spread into a new list by a settings module over the base settings": {
        "app/settings/__init__.py": "",
        "app/settings/base.py": 'NYLAS_SCOPES = ["email.read_only"]\n',
        "app/settings/prod.py": (
            'from .base import *\n\nNYLAS_SCOPES = [*NYLAS_SCOPES, "calendar.read_only"]\n'),
        "app/views.py": _auth("settings.NYLAS_SCOPES", "from django.conf import settings"),
    },
    "set on Django's settings at start-up": {
        "app/settings.py": 'NYLAS_SCOPES = ["email.read_only"]\n',
        "app/views.py": _auth("settings.NYLAS_SCOPES", "from django.conf import settings"),
        "app/apps.py": '''
from django.conf import settings


def ready():
    settings.NYLAS_SCOPES = settings.NYLAS_SCOPES + ["calendar.read_only"]
''',
    },
    "overridden by local settings the settings star-import at the end": {
        "app/settings.py": '''
NYLAS_SCOPES = ["email.read_only"]

try:
    from .local_settings import *
except ImportError:
    pass
''',
        "app/views.py": _auth("settings.NYLAS_SCOPES", "from django.conf import settings"),
    },
    "rebound by a star import after its assignment": {
        "app/defaults.py": 'SCOPES = ["email.read_only", "calendar.read_only"]\n',
        "app/config.py": CONFIG_LIST + "from .defaults import *\n",
        "app/views.py": FROM_CONFIG,
    },
    "a v3 config whose scope a function writes": {
        "app/calls.py": V3_CALLS + '''

def enable_calendar():
    CONFIG["scope"] = CONFIG["scope"] + [G + "calendar.readonly"]
''',
    },
    "a set given an item where it is bound": {
        "app/views.py": _auth("SCOPES", '''
SCOPES = {"email.read_only"}
SCOPES.add("calendar.read_only")
'''),
    },
    "a local set updated before the request": {
        "app/views.py": LOCAL_SET_LOGIN.replace(
            "    # changed here\n", '    scopes.update({"calendar.read_only"})\n'),
    },
    "an item written by position where the list is bound": {
        "app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only", "contacts.read_only"]
SCOPES[1] = "calendar.read_only"
'''),
    },
    "a slice written in the module another module imports it from": {
        "app/config.py": CONFIG_LIST + 'SCOPES[1:] = ["calendar.read_only"]\n',
        "app/views.py": FROM_CONFIG,
    },
    "a v3 config a function updates": {
        "app/calls.py": V3_CALLS + '''

def enable_calendar():
    CONFIG.update(scope=[G + "gmail.readonly", G + "calendar.readonly"])
''',
    },
    "handed to a function of another module called for what it does": {
        "app/features.py": 'def enable_calendar(scopes):\n    scopes.append("calendar.read_only")\n',
        "app/views.py": _auth("SCOPES", '''
from .features import enable_calendar

SCOPES = ["email.read_only"]


def setup():
    enable_calendar(SCOPES)
'''),
    },
    # A function of another module may change the very list and return it
    # (``config = with_calendar(CONFIG)``): keeping its result proves no copy.
    "handed to a function of another module whose result is kept": {
        "app/features.py": ('def with_calendar(scopes):\n'
                            '    scopes.append("calendar.read_only")\n    return scopes\n'),
        "app/views.py": _auth("SCOPES", '''
from .features import with_calendar

SCOPES = ["email.read_only"]
ASKED = with_calendar(SCOPES)
'''),
    },
    "a v3 config handed to a function outside the project": {
        "app/calls.py": V3_CALLS + '''

def setup():
    from company_auth import add_calendar_scopes

    add_calendar_scopes(config=CONFIG)
''',
    },
}


# The same list, or an auth config, changed through another module: code the reading
# of the assignment does not see gets the very object, and may append to it.
ENABLE_CALENDAR = '''
def enable_calendar(scopes):
    scopes.append("calendar.read_only")


def enable_google_calendar(config):
    config["scope"].append("https://www.googleapis.com/auth/calendar.readonly")
'''
V3_CONFIG = '''
G = "https://www.googleapis.com/auth/"
SCOPES = [G + "gmail.readonly"]
AUTH = {"client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": [G + "gmail.readonly"]}
'''
V3_FROM_CONFIG = V3_CALLS.replace(
    "nylas.auth.url_for_oauth2(CONFIG)",
    'nylas.auth.url_for_oauth2({"client_id": "c", "redirect_uri": "https://a.example/cb",'
    ' "provider": "google", "scope": SCOPES})',
).replace("from nylas import Client\n", "from nylas import Client\n\nfrom .config import SCOPES\n")
V3_FROM_AUTH = V3_FROM_CONFIG.replace('"scope": SCOPES', '"scope": AUTH["scope"]').replace(
    "import SCOPES", "import AUTH")
# A config merged from the parts every login shares, its own scope list written after.
V3_MERGED = V3_CALLS.replace(
    'CONFIG = {"client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",\n'
    '          "scope": ["https://www.googleapis.com/auth/gmail.readonly"]}',
    'BASE = {"client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google"}\n'
    'CONFIG = {**BASE, "scope": [G + "gmail.readonly"]}')
CHANGED_THROUGH_ANOTHER_MODULE = {
    "handed by an importing module to another module's function": {
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/features.py": ENABLE_CALENDAR,
        "app/plugins.py": (
            "from .config import SCOPES\nfrom .features import enable_calendar\n\n"
            "enable_calendar(SCOPES)\n"),
    },
    "handed by keyword, from the importing module that asks for it": {
        "app/config.py": CONFIG_LIST, "app/features.py": ENABLE_CALENDAR,
        "app/views.py": FROM_CONFIG + (
            "\n\nfrom .features import enable_calendar\n\nenable_calendar(scopes=SCOPES)\n"),
    },
    "handed as an attribute of its module to a method": {
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/plugins.py": (
            "from . import config\nfrom .registry import registry\n\n"
            "registry.enable_calendar(config.SCOPES)\n"),
    },
    "handed inside a list to an unknown function": {
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/plugins.py": (
            "from .config import SCOPES\nfrom tools import extend\n\nextend([SCOPES])\n"),
    },
    "held by another name in an importing module": {
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/plugins.py": (
            "from .config import SCOPES\n\nmore = SCOPES\nmore.append('calendar.read_only')\n"),
    },
    "handed by the defining module to another module's function": {
        "app/features.py": ENABLE_CALENDAR, "app/views.py": FROM_CONFIG,
        "app/config.py": (
            "from .features import enable_calendar\n\n" + CONFIG_LIST
            + "enable_calendar(SCOPES)\n"),
    },
    "handed to a function of the module that hands it on": {
        "app/views.py": _auth("SCOPES", '''
from .features import enable_calendar

SCOPES = ["email.read_only"]


def configure(scopes):
    enable_calendar(scopes)


configure(SCOPES)
'''),
        "app/features.py": ENABLE_CALENDAR,
    },
    "handed to a function of the module that extends it in place": {
        "app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only"]


def configure(scopes):
    scopes += ["calendar.read_only"]


configure(SCOPES)
'''),
    },
    "the default of a parameter an importing module's function appends to": {
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/plugins.py": (
            "from .config import SCOPES\n\n\ndef enable(scope, scopes=SCOPES):\n"
            "    scopes.append(scope)\n"),
    },
    "the default of a parameter its own module's method extends": {
        "app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only"]


class Plans:
    def enable(self, scope, *, scopes=SCOPES):
        scopes += [scope]
'''),
    },
    "a v3 list another module's function appends to": {
        "app/config.py": V3_CONFIG, "app/calls.py": V3_FROM_CONFIG,
        "app/features.py": ENABLE_CALENDAR,
        "app/plugins.py": (
            "from . import config\nfrom .features import enable_calendar\n\n"
            "enable_calendar(config.SCOPES)\n"),
    },
    "a v3 config another module's function changes": {
        "app/config.py": V3_CONFIG, "app/calls.py": V3_FROM_AUTH,
        "app/features.py": ENABLE_CALENDAR,
        "app/plugins.py": (
            "from .config import AUTH\nfrom .features import enable_google_calendar\n\n"
            "enable_google_calendar(AUTH)\n"),
    },
    "appended to by a module that imports it from the module that asks for it": {
        "app/views.py": _auth("SCOPES", CONFIG_LIST),
        "app/plugins.py": "from .views import SCOPES\n\nSCOPES.append('calendar.read_only')\n",
    },
    "a v3 config whose list another module appends to": {
        "app/config.py": V3_CONFIG, "app/calls.py": V3_FROM_AUTH,
        "app/plugins.py": (
            "from .config import AUTH, G\n\nAUTH['scope'].append(G + 'calendar.readonly')\n"),
    },
    "a merged v3 config whose list a module importing it appends to": {
        "app/calls.py": V3_MERGED,
        "app/plugins.py": (
            "from .calls import CONFIG, G\n\nCONFIG['scope'].append(G + 'calendar.readonly')\n"),
    },
}


@pytest.mark.parametrize(
    "files", CHANGED_THROUGH_ANOTHER_MODULE.values(), ids=list(CHANGED_THROUGH_ANOTHER_MODULE))
def test_a_scope_list_changed_through_another_module_grants_an_unknown_set(
    tmp_path: Path, files: dict[str, str]
) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS, **files})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS302" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}


def test_nys304_says_that_other_code_may_change_the_list(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS, "app/config.py": CONFIG_LIST,
        "app/features.py": ENABLE_CALENDAR, "app/views.py": FROM_CONFIG + (
            "\n\nfrom .features import enable_calendar\n\nenable_calendar(SCOPES)\n")})
    assert [(name, code, message) for name, _, code, message in found] == [(
        "views.py", "NYS304", "NYS304 cannot follow the scopes: scopes come from "
        "app.config.SCOPES, which other code may change; usage rules stay silent for "
        "the scopes it could touch")]


# Uses in other modules that only look at the list, or copy it: the list is still
# what its assignment says, and the calendar call is still missing its scope.
ONLY_LOOKED_AT_ELSEWHERE = [
    "print(len(SCOPES), sorted(SCOPES), list(SCOPES), tuple(SCOPES), set(SCOPES))\n",
    'print(" ".join(SCOPES), ",".join(SCOPES), f"asking for {SCOPES}")\n',
    "import logging\n\nlog = logging.getLogger(__name__)\nlog.info('asking for %s', SCOPES)\n",
    "if 'calendar' in SCOPES:\n    print('calendar')\nfor scope in SCOPES:\n    print(scope)\n",
    # A function of the importing module that only reads its parameter.
    "def show(scopes):\n    print(', '.join(scopes), len(scopes))\n\n\nshow(SCOPES)\n",
    # The default of a parameter a function only reads.
    "def show(scopes=SCOPES):\n    print(', '.join(scopes), len(scopes))\n",
]


@pytest.mark.parametrize("use", ONLY_LOOKED_AT_ELSEWHERE)
def test_a_scope_list_only_looked_at_elsewhere_still_misses_the_calendar(
    tmp_path: Path, use: str
) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS, "app/config.py": CONFIG_LIST,
        "app/views.py": FROM_CONFIG, "app/plugins.py": "from .config import SCOPES\n" + use})
    assert [code for _, _, code, _ in found] == ["NYS301"], use


def test_a_list_another_module_only_looks_at_still_misses_the_calendar_where_asked(
    tmp_path: Path
) -> None:
    # The control for the list another module changes in the module that asks for it.
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
        "app/views.py": _auth("SCOPES", CONFIG_LIST),
        "app/plugins.py": "from .views import SCOPES\n\nprint(len(SCOPES), list(SCOPES))\n"})
    assert [code for _, _, code, _ in found] == ["NYS301"]


def test_a_merged_v3_config_only_looked_at_elsewhere_still_misses_the_calendar(
    tmp_path: Path
) -> None:
    assert "BASE = " in V3_MERGED
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": V3_MERGED,
        "app/plugins.py": "from .calls import CONFIG\n\nprint(len(CONFIG['scope']))\n"})
    assert [code for _, _, code, _ in found] == ["NYS301"]


def test_a_v3_list_only_looked_at_elsewhere_still_misses_the_calendar(tmp_path: Path) -> None:
    looked_at = "print(sorted(SCOPES), len(AUTH['scope']), ' '.join(AUTH['scope']))\n"
    for name, calls in (("list", V3_FROM_CONFIG), ("config", V3_FROM_AUTH)):
        found = _codes(tmp_path / name, {
            "app/__init__.py": "", "app/config.py": V3_CONFIG, "app/calls.py": calls,
            "app/plugins.py": "from .config import AUTH, SCOPES\n" + looked_at})
        assert [code for _, _, code, _ in found] == ["NYS301"], name


SHOW_SCOPES = '''
def show_scopes(scopes, *, title=""):
    print(title, ", ".join(scopes), len(scopes))
    return sorted(scopes)


def pass_scopes_on(scopes):
    return enable(scopes)
'''
# Another module's function whose body does more than read the list.
CHANGED_BY_ANOTHER_MODULES_FUNCTION = {
    "handed on to a function of a third module": (
        "from .config import SCOPES\nfrom .show import pass_scopes_on\n\n"
        "pass_scopes_on(SCOPES)\n"),
    "a reading function bound again by another module": (
        "from . import show\nfrom .config import SCOPES\nfrom .show import show_scopes\n\n"
        "show.show_scopes = list.append\nshow_scopes(SCOPES)\n"),
    "given into its *args": (
        "from .config import SCOPES\nfrom .show import show_scopes\n\n"
        "show_scopes(SCOPES, 'title', SCOPES)\n"),
}


@pytest.mark.parametrize("plugin", CHANGED_BY_ANOTHER_MODULES_FUNCTION.values(),
                         ids=list(CHANGED_BY_ANOTHER_MODULES_FUNCTION))
def test_a_list_another_modules_function_may_change_grants_an_unknown_set(
    tmp_path: Path, plugin: str
) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS, "app/config.py": CONFIG_LIST,
        "app/views.py": FROM_CONFIG, "app/show.py": "from tools import enable\n" + SHOW_SCOPES,
        "app/plugins.py": plugin})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}


# Another module's function that only reads the parameter the list lands in, called
# by position, by keyword or through its module: the list is still what it says.
READ_BY_ANOTHER_MODULES_FUNCTION = [
    "from .config import SCOPES\nfrom .show import show_scopes\n\nshow_scopes(SCOPES)\n",
    "from . import config, show\n\nshow.show_scopes(config.SCOPES, title='asking for')\n",
    "from .config import SCOPES\nfrom .show import show_scopes\n\n"
    "show_scopes(title='asking for', scopes=SCOPES)\n",
]


@pytest.mark.parametrize("plugin", READ_BY_ANOTHER_MODULES_FUNCTION)
def test_a_list_another_modules_function_only_reads_still_misses_the_calendar(
    tmp_path: Path, plugin: str
) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS, "app/config.py": CONFIG_LIST,
        "app/views.py": FROM_CONFIG, "app/show.py": "from tools import enable\n" + SHOW_SCOPES,
        "app/plugins.py": plugin})
    assert [code for _, _, code, _ in found] == ["NYS301"], plugin


GET_SCOPES = CONFIG_LIST + "\n\ndef get_scopes():\n    return SCOPES\n"
APPEND_TO_RESULT = "get_scopes().append('calendar.read_only')\n"
V3_AUTH = V3_CALLS.replace('"scope": ["https://www.googleapis.com/auth/gmail.readonly"]}',
                           '"scope": [G + "gmail.readonly"]}')
# The list reached through what a function returns, a container holding it, or a
# shallow copy of the config holding it, then changed: the very object the request
# reads, so its assignment no longer says what is granted.
CHANGED_THROUGH_ANOTHER_VALUE = {
    "returned by a function and appended to by its module": {
        "app/views.py": _auth("SCOPES", GET_SCOPES + "\n" + APPEND_TO_RESULT),
    },
    "returned by a function and appended to through a local name": {
        "app/views.py": _auth("SCOPES", GET_SCOPES + (
            "\n\ndef setup():\n    scopes = get_scopes()\n"
            "    scopes.append('calendar.read_only')\n")),
    },
    "returned by another module's function and appended to": {
        "app/config.py": GET_SCOPES, "app/views.py": FROM_CONFIG,
        "app/plugins.py": "from .config import get_scopes\n\n" + APPEND_TO_RESULT,
    },
    "returned through the module and extended in place by a local name": {
        "app/config.py": GET_SCOPES, "app/views.py": FROM_CONFIG,
        "app/plugins.py": ("from . import config\n\n\ndef setup():\n"
                           "    scopes = config.get_scopes()\n"
                           "    scopes += ['calendar.read_only']\n"),
    },
    "returned through a package's re-export": {
        "app/scopes/__init__.py": "from .base import SCOPES, get_scopes\n",
        "app/scopes/base.py": GET_SCOPES,
        "app/views.py": _auth("SCOPES", "from .scopes import SCOPES"),
        "app/plugins.py": "from .scopes import get_scopes\n\n" + APPEND_TO_RESULT,
    },
    "returned by a function that returns another's result": {
        "app/config.py": GET_SCOPES + "\n\ndef scopes_for(plan):\n    return get_scopes()\n",
        "app/views.py": FROM_CONFIG,
        "app/plugins.py": ("from .config import scopes_for\n\n"
                           "scopes_for('pro').append('calendar.read_only')\n"),
    },
    "returned by a function handed to code outside the project": {
        "app/config.py": GET_SCOPES, "app/views.py": FROM_CONFIG,
        "app/plugins.py": "from tools import register\n\nfrom .config import get_scopes\n\n"
                          "register(get_scopes)\n",
    },
    "returned by a method of a class": {
        "app/config.py": ("class Config:\n    SCOPES = ['email.read_only']\n\n"
                          "    def scopes(self):\n        return self.SCOPES\n"),
        "app/views.py": _auth("Config.SCOPES", "from .config import Config"),
        "app/plugins.py": ("from .config import Config\n\n"
                           "Config().scopes().append('calendar.read_only')\n"),
    },
    "returned by a property": {
        "app/config.py": (CONFIG_LIST + "\n\nclass Settings:\n    @property\n"
                          "    def scopes(self):\n        return SCOPES\n"),
        "app/views.py": FROM_CONFIG,
        "app/plugins.py": ("from .config import Settings\n\n"
                           "Settings().scopes.append('calendar.read_only')\n"),
    },
    "yielded by a generator": {
        "app/views.py": _auth("SCOPES", CONFIG_LIST + (
            "\n\ndef lists():\n    yield SCOPES\n\n\nfor each in lists():\n"
            "    each.append('calendar.read_only')\n")),
    },
    "in a list display indexed and appended to": {
        "app/views.py": _auth("SCOPES", CONFIG_LIST + "[SCOPES][0].append('calendar.read_only')\n"),
    },
    "held by a dict whose item is appended to": {
        "app/views.py": _auth("SCOPES", CONFIG_LIST + (
            "HOLDER = {'scopes': SCOPES}\nHOLDER['scopes'].append('calendar.read_only')\n")),
    },
    "held by a function's dict whose item is extended": {
        "app/views.py": _auth("SCOPES", CONFIG_LIST + (
            "\n\ndef setup():\n    holder = dict(scopes=SCOPES)\n"
            "    holder['scopes'] += ['calendar.read_only']\n")),
    },
    "stored in an object's dict whose item is appended to": {
        "app/views.py": _auth("SCOPES", CONFIG_LIST + (
            "\n\nclass Setup:\n    def __init__(self):\n        self.options = {}\n"
            "        self.options['scopes'] = SCOPES\n"
            "        self.options['scopes'].append('calendar.read_only')\n")),
    },
    "held by a tuple unpacked into names": {
        "app/views.py": _auth("SCOPES", CONFIG_LIST + (
            "PAIR = (SCOPES, ['contacts'])\nfirst, second = PAIR\n"
            "first.append('calendar.read_only')\n")),
    },
    "held by a container an importing module builds": {
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/plugins.py": ("from .config import SCOPES\n\nHOLDER = {'scopes': SCOPES}\n"
                           "HOLDER['scopes'].append('calendar.read_only')\n"),
    },
    "held by a dataclass a registry keeps": {
        "app/views.py": _auth("SCOPES", "from .registry import Plan, registry\n" + CONFIG_LIST
                              + "registry.register(Plan(scopes=SCOPES))\n"),
        "app/registry.py": ("class Registry:\n    def register(self, plan):\n"
                            "        plan.scopes.append('calendar.read_only')\n\n\n"
                            "registry = Registry()\n"),
    },
    "a v3 config copied with dict() whose list is appended to": {
        "app/calls.py": V3_AUTH + (
            "\nCOPY = dict(CONFIG)\nCOPY['scope'].append(G + 'calendar.readonly')\n"),
    },
    "a v3 config copied with its copy method": {
        "app/calls.py": V3_AUTH + "\nCONFIG.copy()['scope'].append(G + 'calendar.readonly')\n",
    },
    "a v3 config copied with copy.copy in a function": {
        "app/calls.py": V3_AUTH + (
            "\n\ndef setup():\n    import copy\n\n    mine = copy.copy(CONFIG)\n"
            "    mine['scope'].append(G + 'calendar.readonly')\n"),
    },
    "a v3 config spread into a new dict": {
        "app/calls.py": V3_AUTH + "\n{**CONFIG}['scope'].extend([G + 'calendar.readonly'])\n",
    },
    "another module's v3 config copied and its list appended to": {
        "app/config.py": V3_CONFIG, "app/calls.py": V3_FROM_AUTH,
        "app/plugins.py": ("from .config import AUTH, G\n\nmine = dict(AUTH)\n"
                           "mine['scope'].append(G + 'calendar.readonly')\n"),
    },
}


@pytest.mark.parametrize("files", CHANGED_THROUGH_ANOTHER_VALUE.values(),
                         ids=list(CHANGED_THROUGH_ANOTHER_VALUE))
def test_a_list_changed_through_a_value_holding_it_grants_an_unknown_set(
    tmp_path: Path, files: dict[str, str]
) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS, **files})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}


# The controls: the same values only looked at, or truly copied before the change,
# and the calendar call still misses its scope.
READ_THROUGH_ANOTHER_VALUE = {
    "returned to the request": {"app/views.py": _auth("get_scopes()", GET_SCOPES)},
    "returned by another module's function to the request": {
        "app/config.py": GET_SCOPES, "app/views.py": _auth("get_scopes()", (
            "from .config import get_scopes"))},
    "returned and only looked at through a local name": {
        "app/config.py": GET_SCOPES, "app/views.py": FROM_CONFIG,
        "app/plugins.py": ("from . import config\n\n\ndef show():\n"
                           "    scopes = config.get_scopes()\n    print(', '.join(scopes))\n")},
    "returned, copied and the copy appended to": {
        "app/config.py": GET_SCOPES, "app/views.py": FROM_CONFIG,
        "app/plugins.py": ("from .config import get_scopes\n\n"
                           "list(get_scopes()).append('calendar.read_only')\n")},
    "held by a dict read by key in the request": {
        "app/views.py": _auth("HOLDER['scopes']", CONFIG_LIST + "HOLDER = {'scopes': SCOPES}\n")},
    "held by a function's dict given a new item": {
        "app/views.py": _auth("SCOPES", CONFIG_LIST + (
            "\n\ndef show():\n    holder = {}\n    holder['scopes'] = SCOPES\n"
            "    holder['state'] = 'x'\n    print(holder)\n"))},
    "stored through another name in a function's dict given a new item": {
        "app/views.py": _auth("SCOPES", CONFIG_LIST + (
            "\n\ndef show():\n    holder = {}\n    scopes = SCOPES\n"
            "    holder['scopes'] = scopes\n    print(holder)\n"))},
    "held through two more names in a function that only looks at them": {
        "app/views.py": _auth("SCOPES", CONFIG_LIST + (
            "\n\ndef show():\n    scopes = SCOPES\n    shown = scopes\n"
            "    if 'contacts' in shown:\n        print(len(scopes))\n"))},
    "stored in Flask's configuration": {
        "app/views.py": _auth("SCOPES", "from flask import Flask\n" + CONFIG_LIST + (
            "app = Flask(__name__)\napp.config['NYLAS_SCOPES'] = SCOPES\n"))},
    "looked at in every read-only way": {
        "app/views.py": _auth("SCOPES", CONFIG_LIST + (
            "for scope in SCOPES:\n    print(scope.upper())\nif 'calendar' in SCOPES:\n"
            "    print(f'{SCOPES}', '%s' % SCOPES, len(SCOPES), sorted(SCOPES))\n"))},
    "copied with sorted() and the copy appended to": {
        "app/views.py": _auth("SCOPES", CONFIG_LIST + (
            "MORE = sorted(SCOPES)\nMORE.append('calendar.read_only')\n"))},
    "another module's list copied in a function and the copy appended to": {
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/plugins.py": ("from .config import SCOPES\n\n\ndef more():\n"
                           "    scopes = list(SCOPES)\n    scopes.append('calendar.read_only')\n"
                           "    return scopes\n")},
    "a v3 config deep-copied and the copy's list appended to": {
        "app/calls.py": V3_AUTH + (
            "\nimport copy\n\nMINE = copy.deepcopy(CONFIG)\n"
            "MINE['scope'].append(G + 'calendar.readonly')\n")},
    "a v3 config merged into a new one": {
        "app/calls.py": V3_AUTH.replace("nylas.auth.url_for_oauth2(CONFIG)",
                                        "nylas.auth.url_for_oauth2({**CONFIG, 'state': 'x'})")},
}


@pytest.mark.parametrize("files", READ_THROUGH_ANOTHER_VALUE.values(),
                         ids=list(READ_THROUGH_ANOTHER_VALUE))
def test_a_list_only_looked_at_through_a_value_holding_it_still_misses_the_calendar(
    tmp_path: Path, files: dict[str, str]
) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS, **files})
    assert [code for _, _, code, _ in found] == ["NYS301"], files


@pytest.mark.parametrize("files", CHANGED_ELSEWHERE.values(), ids=list(CHANGED_ELSEWHERE))
def test_a_scope_list_changed_elsewhere_grants_an_unknown_set(
    tmp_path: Path, files: dict[str, str]
) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS, **files})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}


def test_a_scope_list_nothing_changes_still_misses_the_calendar(tmp_path: Path) -> None:
    controls = [
        {"app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
         "app/plugins.py": "from .config import SCOPES\n\nprint(len(SCOPES))\n"},
        # Held by another name in a function that only reads it.
        {"app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
         "app/plugins.py": "from .config import SCOPES\n\n\ndef show():\n"
                           "    scopes = SCOPES\n    print(len(scopes))\n"},
        {"app/settings.py": 'NYLAS_SCOPES = ["email.read_only"]\n',
         "app/views.py": _auth("settings.NYLAS_SCOPES", "from django.conf import settings")},
        {"app/calls.py": V3_CALLS + '\n\ndef show():\n    print(CONFIG["scope"])\n'},
        # Handed to a function of the module that only reads it, and copied.
        {"app/views.py": _auth("SCOPES", '''
SCOPES = ["email.read_only"]
ASKED = list(SCOPES)


def show(scopes):
    print(", ".join(scopes))


show(SCOPES)
''')},
        # A set or a list whose items are only read: still what its assignment says.
        {"app/views.py": _auth("SCOPES", 'SCOPES = {"email.read_only"}\nprint(len(SCOPES))\n')},
        {"app/views.py": LOCAL_SET_LOGIN},
        {"app/config.py": CONFIG_LIST + "print(SCOPES[0])\n", "app/views.py": FROM_CONFIG},
        # A star import before the assignment: the assignment has the last word.
        {"app/defaults.py": 'SCOPES = ["email.read_only", "calendar.read_only"]\n',
         "app/config.py": "from .defaults import *\n" + CONFIG_LIST,
         "app/views.py": FROM_CONFIG},
    ]
    for index, files in enumerate(controls):
        found = _codes(tmp_path / str(index),
                       {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS, **files})
        assert [code for _, _, code, _ in found] == ["NYS301"], files


def _local_list(change: str) -> str:
    wrapper = '''
def ask(scopes):
    return client.authentication_url("https://a.example/cb", scopes=scopes)
''' if "ask(" in change else ""
    return f'''
import logging

from nylas import APIClient

client = APIClient("id", "secret")
log = logging.getLogger(__name__)


def add_calendar(scopes):
    scopes.append("calendar.read_only")

{wrapper}
def login():
    scopes = ["email.read_only"]
{change}
'''


# A function's own list or dict that other code may change before the request reads
# it: handed to a function, held by another name or container, changed by index.
HANDED_OVER = {
    "handed to a function": "    add_calendar(scopes)\n"
                            "    return client.authentication_url('r', scopes=scopes)",
    "changed through another name": "    more = scopes\n    more.append('calendar.read_only')\n"
                                    "    return client.authentication_url('r', scopes=scopes)",
    "changed by index": "    scopes[0] = 'calendar'\n"
                        "    return client.authentication_url('r', scopes=scopes)",
    "a dict changed through another name": (
        "    config = {'scopes': scopes}\n"
        "    same = config\n    same['scopes'] = ['email.read_only', 'calendar']\n"
        "    return client.authentication_url('r', scopes=config['scopes'])"),
    "handed to a wrapper and changed": "    more = scopes\n    more.append('calendar')\n"
                                       "    return ask(scopes)",
}


@pytest.mark.parametrize("change", HANDED_OVER.values(), ids=list(HANDED_OVER))
def test_a_local_scope_list_handed_over_twice_grants_an_unknown_set(
    tmp_path: Path, change: str
) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
                              "app/views.py": _local_list(change)})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}


def test_a_local_scope_list_only_looked_at_is_still_read(tmp_path: Path) -> None:
    looked_at = [
        ("    print(scopes, len(scopes))\n    log.info('asking for %s', scopes)\n"
         "    if 'calendar' not in scopes:\n        log.warning(f'no calendar in {scopes}')\n"
         "    return client.authentication_url('r', scopes=scopes)", ["NYS301"]),
        ("    config = {'scopes': scopes}\n    config['state'] = 'x'\n"
         "    return client.authentication_url('r', scopes=config['scopes'])", ["NYS301"]),
        # Read through the wrapper's parameter, whose callers' lists are not said
        # to miss a scope.
        ("    return ask(scopes)", []),
    ]
    for index, (change, codes) in enumerate(looked_at):
        found = _codes(tmp_path / str(index), {
            "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
            "app/views.py": _local_list(change)})
        assert [code for _, _, code, _ in found] == codes, change


def test_getattr_of_a_setting_the_settings_module_defines_is_read(tmp_path: Path) -> None:
    auth = _auth('getattr(settings, "NYLAS_SCOPES", [])', "from django.conf import settings")
    found = _codes(tmp_path / "defined", {
        "app/__init__.py": "", "app/calls.py": CALLS, "app/views.py": auth,
        "app/settings.py": 'NYLAS_SCOPES = ["email.read_only", "contacts"]\n',
    })
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("settings.py", 1, "NYS303")]
    # Control: no settings module sets it, so the default may be what is sent.
    found = _codes(tmp_path / "default", {
        "app/__init__.py": "", "app/calls.py": CALLS, "app/views.py": auth,
        "app/settings.py": 'DEBUG = False\n',
    })
    assert {code for _, _, code, _ in found} == {"NYS304"}


UNION = '''
READ = {"email.read_only"}
MORE = {"email.read_only", "contacts"}
LISTED = ["email.read_only"]
'''


@pytest.mark.parametrize("scopes", ["sorted(READ | MORE)", "sorted(set(LISTED) | MORE)"])
def test_a_union_of_readable_sets_is_read_once_per_scope(tmp_path: Path, scopes: str) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": CALLS,
        "app/views.py": _auth(scopes, UNION),
    })
    # 'email.read_only' is in both sets but sent once: no NYS103.
    assert [(line, code) for _, line, code, _ in found] == [(3, "NYS303")]
    assert "'contacts'" in found[0][3]


def test_a_union_with_a_side_that_cannot_be_read_is_unresolved(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": CALLS,
        "app/views.py": _auth("sorted(READ | load_scopes())", UNION),
    })
    assert {code for _, _, code, _ in found} == {"NYS304"}


ENUM = '''
import enum


class Scope({bases}):
    READ = "email.read_only"
    CONTACTS = "contacts"
{extra}'''


@pytest.mark.parametrize("bases, scopes", [
    ("enum.Enum", "[Scope.READ.value, Scope.CONTACTS.value]"),
    ("str, enum.Enum", "[Scope.READ, Scope.CONTACTS]"),
])
def test_the_values_of_an_enum_of_the_module_are_read(
        tmp_path: Path, bases: str, scopes: str) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": CALLS,
        "app/views.py": _auth(scopes, ENUM.format(bases=bases, extra="")),
    })
    assert [(line, code) for _, line, code, _ in found] == [(7, "NYS303")]


@pytest.mark.parametrize("bases, scopes, extra", [
    # A plain Enum member is no str: the SDK cannot join it.
    ("enum.Enum", "[Scope.READ, Scope.CONTACTS]", ""),
    # Members made by a method of the class may hold anything.
    ("str, enum.Enum", "[Scope.READ, Scope.CONTACTS]",
     "\n    def __new__(cls, value):\n        return str.__new__(cls, value.upper())\n"),
])
def test_enum_members_whose_value_is_not_certain_are_unresolved(
        tmp_path: Path, bases: str, scopes: str, extra: str) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/calls.py": CALLS,
        "app/views.py": _auth(scopes, ENUM.format(bases=bases, extra=extra)),
    })
    assert {code for _, _, code, _ in found} == {"NYS304"}


def _reexported(tmp_path: Path, extra: dict[str, str]) -> list[tuple[str, int, str]]:
    """A package re-exports its scopes module's list; the views read it from the
    package.  The list has 'contacts' that no call needs."""
    files = {
        "app/__init__.py": "from .scopes import SCOPES\n",
        "app/scopes.py": 'SCOPES = ["email.read_only", "contacts"]\n',
        "app/views.py": _auth("SCOPES", "from . import SCOPES"),
        "app/calls.py": CALLS,
        **extra,
    }
    return [(name, line, code) for name, line, code, _ in _codes(tmp_path, files)]


def test_a_list_a_package_re_exports_is_read(tmp_path: Path) -> None:
    assert _reexported(tmp_path, {}) == [("scopes.py", 1, "NYS303")]


@pytest.mark.parametrize("mutation", [
    'from app import SCOPES\n\nSCOPES.append("calendar")\n',
    'from app.scopes import SCOPES\n\nSCOPES.append("calendar")\n',
])
def test_a_re_exported_list_changed_anywhere_is_unresolved(
        tmp_path: Path, mutation: str) -> None:
    assert _reexported(tmp_path, {"app/boot.py": mutation}) == [("views.py", 8, "NYS304")]


def test_a_name_the_package_binds_twice_is_unresolved(tmp_path: Path) -> None:
    found = _reexported(tmp_path, {
        "app/__init__.py": "import os\n\nfrom .scopes import SCOPES\n\n"
                           "if os.environ.get('LEGACY'):\n    from .legacy import SCOPES\n",
        "app/legacy.py": 'SCOPES = ["email.modify"]\n'})
    assert found == [("views.py", 8, "NYS304")]


_AGENDA = '''
from nylas import APIClient

from .config import SCOPES


def login():
    return APIClient("id", "secret").authentication_url("https://a.example/cb", scopes=SCOPES)


def agenda(token):
    return [event.title for event in APIClient("id", "secret", token).events.where(limit=5)]
'''


@pytest.mark.parametrize("config, boot", [
    # A module's namespace dict holds its globals: each of these adds the calendar.
    ('import os\n\nSCOPES = ["email.read_only"]\nif os.environ.get("CAL"):\n'
     '    globals()["SCOPES"] = ["calendar.read_only"]\n', ""),
    ('SCOPES = ["email.read_only"]\n\n\ndef configure(**values):\n'
     '    globals().update(values)\n', ""),
    ('SCOPES = ["email.read_only"]\n',
     'from . import config\n\nvars(config)["SCOPES"] = ["calendar.read_only"]\n'),
    ('SCOPES = ["email.read_only"]\n',
     'from . import config\n\nconfig.__dict__["SCOPES"].append("calendar.read_only")\n'),
    ('SCOPES = ["email.read_only"]\n',
     'import sys\n\nsys.modules["app.config"].SCOPES = ["calendar.read_only"]\n'),
    ('import sys\n\nSCOPES = ["email.read_only"]\n'
     'sys.modules[__name__].SCOPES += ["calendar.read_only"]\n', ""),
])
def test_a_list_changed_through_its_modules_namespace_is_not_read(
        tmp_path: Path, config: str, boot: str) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/config.py": config,
                              "app/boot.py": boot, "app/views.py": _AGENDA})
    assert [(name, code) for name, _, code, _ in found] == [("views.py", "NYS304")]


def test_another_global_written_through_the_namespace_leaves_the_list_read(
        tmp_path: Path) -> None:
    config = ('import os\nimport sys\n\nSCOPES = ["email.read_only"]\n'
              'if os.environ.get("DEBUG"):\n    globals()["LEVEL"] = 10\n'
              '    sys.modules[__name__].TIMEOUT = 5\n')
    found = _codes(tmp_path, {"app/__init__.py": "", "app/config.py": config,
                              "app/views.py": _AGENDA})
    # The calendar read is missing, and the mail scope unused.
    assert [(name, code) for name, _, code, _ in found] == [
        ("config.py", "NYS303"), ("views.py", "NYS301")]


_OWN_LIST = '''
from nylas import APIClient

SCOPES = ["email.read_only"]


def login():
    return APIClient("id", "secret").authentication_url("https://a.example/cb", scopes=SCOPES)


def agenda(token):
    return [event.title for event in APIClient("id", "secret", token).events.where(limit=5)]
'''


@pytest.mark.parametrize("boot", [
    'from . import views\n\nviews.SCOPES.append("calendar.read_only")\n',
    'from . import views\n\nviews.SCOPES = ["email.read_only", "calendar.read_only"]\n',
    'from .views import SCOPES\n\nSCOPES.append("calendar.read_only")\n',
    'from . import views\n\nvars(views)["SCOPES"] = ["calendar.read_only"]\n',
    'from . import views\n\nnamespace = vars(views)\nnamespace["SCOPES"] = ["contacts"]\n',
    'from . import views\n\nnamespace = views.__dict__\nnamespace.update(SCOPES=[])\n',
])
def test_a_list_read_in_its_own_module_and_changed_by_another_is_not_read(
        tmp_path: Path, boot: str) -> None:
    # The module reads its list from its one assignment; only the other module's
    # facts show the change, which may add the calendar scope the agenda needs.
    found = _codes(tmp_path, {"app/__init__.py": "", "app/views.py": _OWN_LIST,
                              "app/boot.py": boot})
    assert [(name, code) for name, _, code, _ in found] == [("views.py", "NYS304")]


def test_a_list_another_module_only_reads_stays_read_in_its_own(tmp_path: Path) -> None:
    boot = 'from . import views\n\nprint(views.SCOPES)\nvars(views)["TIMEOUT"] = 5\n'
    found = _codes(tmp_path, {"app/__init__.py": "", "app/views.py": _OWN_LIST,
                              "app/boot.py": boot})
    assert [(name, code) for name, _, code, _ in found] == [
        ("views.py", "NYS303"), ("views.py", "NYS301")]


_EXCHANGE = '''
import requests
from nylas import APIClient


def connect_exchange(email, password, host=None):
    data = {
        "client_id": "id",
        "name": email,
        "email_address": email,
        "provider": "exchange",
        "settings": {"username": email, "password": password},
        "scopes": "email.read_only,email.send,contacts",
    }
CHANGE
    return requests.post("https://api.nylas.com/connect/authorize", json=data)


def reply(token):
    api = APIClient("id", "secret", token)
    print([message.subject for message in api.messages.where(limit=5)])
    draft = api.drafts.create()
    draft.send()
'''


def test_a_native_auth_body_changed_after_it_is_made_is_unresolved(tmp_path: Path) -> None:
    # The body is changed in place (its settings, here) before it is posted: the
    # request cannot be read, and must say so rather than be left out of the project.
    change = '    if host:\n        data["settings"]["eas_server_host"] = host'
    found = _codes(tmp_path, {"app.py": _EXCHANGE.replace("CHANGE", change)})
    assert [(line, code) for _, line, code, _ in found] == [(17, "NYS304")]
    assert "the native-auth body cannot be read" in found[0][3]


def test_a_native_auth_body_left_as_made_is_read(tmp_path: Path) -> None:
    found = _codes(tmp_path, {"app.py": _EXCHANGE.replace("CHANGE", "")})
    assert [(line, code) for _, line, code, _ in found] == [(13, "NYS303")]  # the scopes string
    assert "'contacts'" in found[0][3]


_BY_PROVIDER = '''
from nylas import Client

nylas = Client("key")

SCOPES = {
    "google": [
        "https://www.googleapis.com/auth/gmail.readonly",
        "https://www.googleapis.com/auth/contacts.readonly",
    ],
    "microsoft": ["Mail.Read", "Contacts.Read"],
}


def login(provider):
    return nylas.auth.url_for_oauth2({
        "client_id": "cid",
        "redirect_uri": "https://a.example/cb",
        "provider": provider,
        "scope": SCOPES[provider],
    })


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''


def test_a_dict_of_scope_lists_indexed_at_run_time_is_each_of_its_lists(
    tmp_path: Path,
) -> None:
    # The request asks for one of the lists: each is judged as a request of its own.
    found = _codes(tmp_path, {"app.py": _BY_PROVIDER})
    assert [(line, code) for _, line, code, _ in found] == [(9, "NYS303"), (11, "NYS303")]
    assert "contacts.readonly" in found[0][3] and "'Contacts.Read'" in found[1][3]


def test_a_dict_of_scope_lists_changed_in_place_is_not_read(tmp_path: Path) -> None:
    changed = _BY_PROVIDER + '''

def allow_contact_writes():
    SCOPES["google"].append("https://www.googleapis.com/auth/contacts")
'''
    found = _codes(tmp_path, {"app.py": changed})
    assert [code for _, _, code, _ in found] == ["NYS304"]


def test_a_settings_dict_read_by_a_key_not_known_is_not_read_as_scopes(
    tmp_path: Path,
) -> None:
    # Its other lists are no scopes at all: the request stays unresolved.
    settings = _BY_PROVIDER.replace('"scope": SCOPES[provider]', '"scope": SETTINGS[provider]')
    settings += '\nSETTINGS = {"google": ["a.example.com"], "microsoft": ["b.example.com"]}\n'
    found = _codes(tmp_path, {"app.py": settings})
    assert [code for _, _, code, _ in found] == ["NYS304"]


_V3_CONFIG_MODULE = '''import os

AUTH_CONFIG = {
    "client_id": os.environ["NYLAS_CLIENT_ID"],
    "redirect_uri": "https://a.example/cb",
    "scope": [
        "https://www.googleapis.com/auth/calendar.events",
        "https://www.googleapis.com/auth/calendar.events.readonly",
    ],
}
'''
_V3_APP = '''from nylas import Client

{imports}

nylas = Client("key")


def login():
    return nylas.auth.url_for_oauth2({config})


def book(grant_id, body):
    nylas.events.create(grant_id, request_body=body, query_params={{"calendar_id": "team"}})
'''


@pytest.mark.parametrize("imports, config", [
    ("from nylas_conf import AUTH_CONFIG", "AUTH_CONFIG"),
    ("import nylas_conf", "nylas_conf.AUTH_CONFIG"),
    # Merged into a dict whose own entries set no 'scope': the scope is the other's.
    ("from nylas_conf import AUTH_CONFIG", '{**AUTH_CONFIG, "state": "s"}'),
    ("import nylas_conf", '{"state": "s", **nylas_conf.AUTH_CONFIG}'),
    ("from nylas_conf import AUTH_CONFIG", "dict(AUTH_CONFIG, state='s')"),
])
def test_a_v3_config_dict_of_another_module_is_read(
        tmp_path: Path, imports: str, config: str) -> None:
    found = _codes(tmp_path, {
        "nylas_conf.py": _V3_CONFIG_MODULE,
        "app.py": _V3_APP.format(imports=imports, config=config),
    })
    # Its list is judged as written there; what else the dict holds (whether it keeps
    # the grant's earlier scopes) is not read, so no usage finding is made on it, and
    # the request says why (NYS304).
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("app.py", 9, "NYS304"), ("nylas_conf.py", 8, "NYS403")]


@pytest.mark.parametrize("config", [
    # A 'scope' written before the merge may be replaced by the merged dict's.
    '{"scope": ["https://www.googleapis.com/auth/calendar.events"], **AUTH_CONFIG}',
    # Two dicts merged in: either may hold the 'scope' sent.
    "{**AUTH_CONFIG, **OTHER}",
    # A key read at run time may be 'scope'.
    "{**AUTH_CONFIG, key: 's'}",
    # A parameter's dict: what callers pass is not read here.
    "{**passed, 'state': 's'}",
])
def test_a_merged_config_whose_scope_cannot_be_told_is_unresolved(
        tmp_path: Path, config: str) -> None:
    app = _V3_APP.format(imports="from nylas_conf import AUTH_CONFIG, OTHER", config=config)
    app = app.replace("def login():", "def login(key, passed):")
    found = _codes(tmp_path, {
        "nylas_conf.py": _V3_CONFIG_MODULE + "OTHER = {'state': 's'}\n",
        "app.py": app,
    })
    assert [(name, code) for name, _, code, _ in found] == [("app.py", "NYS304")]
    assert "cannot" in found[0][3] and "grant holds" not in found[0][3]


def test_a_v3_config_another_module_builds_by_a_call_is_unresolved(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "nylas_conf.py": "import json\n\nAUTH_CONFIG = json.load(open('auth.json'))\n",
        "app.py": _V3_APP.format(imports="from nylas_conf import AUTH_CONFIG",
                                 config="AUTH_CONFIG"),
    })
    assert [(name, code) for name, _, code, _ in found] == [("app.py", "NYS304")]


APPEND_CALENDAR = "def add_calendar(scopes):\n    scopes.append('calendar.read_only')\n"
# A module's list reached through the module object or its namespace dict, which code
# may hand on, or change by a name the analysis cannot read: any of its names may
# change, so none is read from its assignment.
CHANGED_THROUGH_A_NAMESPACE = {
    "a module handed to a function outside the project": (
        "from . import config\nfrom tools import configure\n\nconfigure(config)\n"),
    "a module's name set by a name read at run time": (
        "from . import config\n\n\ndef override(name, value):\n"
        "    setattr(config, name, value)\n"),
    "a module's vars() handed to a function that appends to its list": (
        "from . import config\nfrom .features import apply\n\napply(vars(config))\n"),
    "a module's __dict__ handed to a function that appends to its list": (
        "from . import config\nfrom .features import apply\n\napply(config.__dict__)\n"),
    "a member read with getattr and appended to": (
        "from . import config\n\ngetattr(config, 'SCOPES').append('calendar.read_only')\n"),
    "a member read with getattr by a name read at run time and handed on": (
        "from . import config\nfrom .features import add_calendar\n\n\n"
        "def extend(name):\n    add_calendar(getattr(config, name))\n"),
    "a member read from vars() and handed to a function that appends": (
        "from . import config\nfrom .features import add_calendar\n\n"
        "add_calendar(vars(config)['SCOPES'])\n"),
    "set on a module named at run time": (
        "import sys\n\n\ndef override(name):\n"
        "    setattr(sys.modules[name], 'SCOPES', ['email.read_only', 'calendar.read_only'])\n"),
    "appended to on a module named at run time": (
        "import sys\n\n\ndef extend(name):\n"
        "    sys.modules[name].SCOPES.append('calendar.read_only')\n"),
    "appended to on a module imported by a name read at run time": (
        "import importlib\n\n\ndef extend(name):\n"
        "    importlib.import_module(name).SCOPES.append('calendar.read_only')\n"),
    "appended to through a name for a module named at run time": (
        "import importlib\n\n\ndef extend(name):\n"
        "    module = importlib.import_module(f'app.{name}')\n"
        "    module.SCOPES.append('calendar.read_only')\n"),
    "handed on from a module named at run time": (
        "import sys\n\nfrom .features import add_calendar\n\n\ndef extend(name):\n"
        "    add_calendar(sys.modules[name].SCOPES)\n"),
    "any name set on a module named at run time": (
        "import sys\n\n\ndef override(name, attribute, value):\n"
        "    module = sys.modules[name]\n    setattr(module, attribute, value)\n"),
    # Named by a constant, the module bound to a name is not tied back to its names:
    # before, these loaders' changes went unseen and the calendar read was missing.
    "any name set on a module looked up by a constant name": (
        "import os\nimport sys\n\n\ndef load():\n    module = sys.modules['app.config']\n"
        "    for key, value in os.environ.items():\n"
        "        setattr(module, key, value.split(','))\n"),
    "any name set on a module imported by a constant name": (
        "import importlib\nimport os\n\n\ndef load():\n"
        "    target = importlib.import_module('app.config')\n"
        "    for key, value in os.environ.items():\n        setattr(target, key, value.split())\n"),
}
NAMESPACE_FEATURES = APPEND_CALENDAR + (
    "\n\ndef apply(namespace):\n    namespace['SCOPES'].append('calendar.read_only')\n")


@pytest.mark.parametrize("plugin", CHANGED_THROUGH_A_NAMESPACE.values(),
                         ids=list(CHANGED_THROUGH_A_NAMESPACE))
def test_a_list_changed_through_its_modules_namespace_grants_an_unknown_set(
    tmp_path: Path, plugin: str
) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS, "app/config.py": CONFIG_LIST,
        "app/views.py": FROM_CONFIG, "app/features.py": NAMESPACE_FEATURES,
        "app/plugins.py": plugin})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}


# A statement that binds one other member of the module by its name leaves the list
# as its assignment says: pytest's ``monkeypatch`` in a test swaps the client.
ONE_OTHER_MEMBER_SET = {
    "setattr of another member": (
        "from . import config\n\nsetattr(config, 'client', None)\n"),
    "monkeypatch.setattr of another member": (
        "from . import config\n\n\ndef test_fake(monkeypatch):\n"
        "    monkeypatch.setattr(config, 'client', object())\n"),
    "monkeypatch.delattr of another member": (
        "from . import config\n\n\ndef test_gone(monkeypatch):\n"
        "    monkeypatch.delattr(config, 'client')\n"),
    "setattr of another member on a module looked up by a constant name": (
        "import sys\n\n\ndef load():\n    module = sys.modules['app.config']\n"
        "    setattr(module, 'client', None)\n"),
}


@pytest.mark.parametrize("plugin", ONE_OTHER_MEMBER_SET.values(),
                         ids=list(ONE_OTHER_MEMBER_SET))
def test_a_list_beside_a_member_set_by_name_is_read(tmp_path: Path, plugin: str) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS, "app/config.py": CONFIG_LIST,
        "app/views.py": FROM_CONFIG, "app/plugins.py": plugin})
    assert "NYS301" in {code for _, _, code, _ in found}
    assert "NYS304" not in {code for _, _, code, _ in found}


# The list itself set by its name, any member set by a name read at run time, a
# method of another object than pytest's fixture, or the call's result kept: the
# module's names may change, so none is read from its assignment.
MEMBER_SET_UNREAD = {
    "monkeypatch.setattr of the list": (
        "from . import config\n\n\ndef test_more(monkeypatch):\n"
        "    monkeypatch.setattr(config, 'SCOPES', ['calendar.read_only'])\n"),
    "monkeypatch.setattr by a name read at run time": (
        "from . import config\n\n\ndef test_more(monkeypatch, name):\n"
        "    monkeypatch.setattr(config, name, ['calendar.read_only'])\n"),
    "setattr of another object": (
        "from . import config\nfrom tools import patcher\n\n"
        "patcher.setattr(config, 'client', None)\n"),
    "setattr whose result is kept": (
        "from . import config\n\n\ndef test_fake(monkeypatch):\n"
        "    undo = monkeypatch.setattr(config, 'client', object())\n"),
}


@pytest.mark.parametrize("plugin", MEMBER_SET_UNREAD.values(), ids=list(MEMBER_SET_UNREAD))
def test_a_list_of_a_module_whose_members_may_change_grants_an_unknown_set(
        tmp_path: Path, plugin: str) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS, "app/config.py": CONFIG_LIST,
        "app/views.py": FROM_CONFIG, "app/plugins.py": plugin})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}


# The module's own globals, handed on or read by key and handed on.
CHANGED_THROUGH_GLOBALS = {
    "globals() handed to a function that appends to a list": (
        "from .features import apply\n\napply(globals())\n"),
    "a global read by key and handed to a function that appends to it": (
        "from .features import add_calendar\n\nadd_calendar(globals()['SCOPES'])\n"),
}


@pytest.mark.parametrize("change", CHANGED_THROUGH_GLOBALS.values(),
                         ids=list(CHANGED_THROUGH_GLOBALS))
def test_a_list_changed_through_the_modules_globals_grants_an_unknown_set(
    tmp_path: Path, change: str
) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
        "app/features.py": NAMESPACE_FEATURES,
        "app/views.py": _auth("SCOPES", CONFIG_LIST + change)})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}


# The controls: the module object and its namespace only looked at, or given to code
# that only reads it; the calendar call still misses its scope.
READ_THROUGH_A_NAMESPACE = {
    "a member read with getattr": (
        "from . import config\n\n"
        "print(len(getattr(config, 'SCOPES')), ' '.join(getattr(config, 'SCOPES', [])))\n"),
    "a member read from the module's namespace dict": (
        "from . import config\n\nprint(len(vars(config)['SCOPES']), config.__dict__['SCOPES'])\n"
        "print(vars(config).get('SCOPES'))\n"),
    "the module looked at": (
        "import importlib\n\nfrom . import config\n\n"
        "print(config, hasattr(config, 'SCOPES'), dir(config), isinstance(config, object))\n"
        "importlib.reload(config)\n"),
    "the module loaded into Flask's configuration": (
        "from flask import Flask\n\nfrom . import config\n\napp = Flask(__name__)\n"
        "app.config.from_object(config)\n"),
    "a member of another name on a module named at run time changed": (
        "import sys\n\n\ndef extend(name):\n"
        "    sys.modules[name].OTHER.append('calendar.read_only')\n"),
    "a module named at run time only read": (
        "import importlib\n\n\ndef show(name):\n"
        "    module = importlib.import_module(name)\n    print(len(module.SCOPES))\n"),
}


@pytest.mark.parametrize("plugin", READ_THROUGH_A_NAMESPACE.values(),
                         ids=list(READ_THROUGH_A_NAMESPACE))
def test_a_list_only_looked_at_through_its_modules_namespace_still_misses_the_calendar(
    tmp_path: Path, plugin: str
) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS, "app/config.py": CONFIG_LIST,
        "app/views.py": FROM_CONFIG, "app/plugins.py": plugin})
    assert [code for _, _, code, _ in found] == ["NYS301"], plugin


def test_the_modules_globals_only_looked_at_still_miss_the_calendar(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
        "app/views.py": _auth("SCOPES", CONFIG_LIST + (
            "print(globals()['SCOPES'], 'SCOPES' in globals(), len(globals()))\n"
            "print(', '.join(globals().get('SCOPES', [])))\n"))})
    assert [code for _, _, code, _ in found] == ["NYS301"]


FLASK_APP = ("from flask import Flask\n\napp = Flask(__name__)\n"
             "app.config['NYLAS_SCOPES'] = ['email.read_only']\n")
# Flask's configuration written where the analysis reads it, and changed elsewhere: the
# key no longer holds what that write says.
CHANGED_FLASK_CONFIGURATION = {
    "a key's list appended to": (
        "from . import app\n\napp.config['NYLAS_SCOPES'].append('calendar.read_only')\n"),
    "a key's list extended through current_app": (
        "from flask import current_app\n\n\ndef enable_calendar():\n"
        "    current_app.config['NYLAS_SCOPES'].extend(['calendar.read_only'])\n"),
    "a key's list extended in place": (
        "from . import app\n\napp.config['NYLAS_SCOPES'] += ['calendar.read_only']\n"),
    "a key's list read by get and appended to": (
        "from . import app\n\napp.config.get('NYLAS_SCOPES').append('calendar.read_only')\n"),
    "a key's list held by a local name and appended to": (
        "from flask import current_app\n\n\ndef enable_calendar():\n"
        "    scopes = current_app.config['NYLAS_SCOPES']\n"
        "    scopes.append('calendar.read_only')\n"),
    "a key set when missing": (
        "from . import app\n\n"
        "app.config.setdefault('NYLAS_SCOPES', []).append('calendar.read_only')\n"),
    "updated from a mapping the analysis cannot read": (
        "import json\n\nfrom . import app\n\napp.config.update(json.load(open('prod.json')))\n"),
    "loaded from a file": "from . import app\n\napp.config.from_pyfile('prod.cfg')\n",
    "loaded from an object outside the project": (
        "from . import app\n\napp.config.from_object('settings.Production')\n"),
    "loaded from an object named at run time": (
        "import os\n\nfrom . import app\n\napp.config.from_object(os.environ['SETTINGS'])\n"),
    "the configuration handed to other code": (
        "from extensions import init\n\nfrom . import app\n\ninit(app.config)\n"),
    "the configuration held by another name": (
        "from . import app\n\nconfig = app.config\nconfig['NYLAS_SCOPES'] += ['calendar']\n"),
}


@pytest.mark.parametrize("plugin", CHANGED_FLASK_CONFIGURATION.values(),
                         ids=list(CHANGED_FLASK_CONFIGURATION))
def test_flask_configuration_changed_elsewhere_grants_an_unknown_set(
    tmp_path: Path, plugin: str
) -> None:
    found = _codes(tmp_path, {"app/__init__.py": FLASK_APP, "app/agenda.py": AGENDA_CALLS,
                              "app/auth.py": FLASK_LOGIN, "app/plugins.py": plugin})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}


def test_a_list_stored_in_flask_configuration_changed_there_grants_an_unknown_set(
    tmp_path: Path
) -> None:
    # The key holds the very list the request reads by its own name.
    found = _codes(tmp_path, {
        "app/__init__.py": ("from flask import Flask\n\nfrom .config import SCOPES\n\n"
                            "app = Flask(__name__)\napp.config['NYLAS_SCOPES'] = SCOPES\n"),
        "app/config.py": CONFIG_LIST, "app/views.py": FROM_CONFIG,
        "app/agenda.py": AGENDA_CALLS,
        "app/plugins.py": CHANGED_FLASK_CONFIGURATION["a key's list extended through current_app"]})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}


# The controls: the key only read, other keys written, the configuration only looked
# at or loaded from a configuration class of the project.
READ_FLASK_CONFIGURATION = {
    "the key only read": (
        "from flask import current_app\n\n\ndef show():\n"
        "    scopes = current_app.config['NYLAS_SCOPES']\n"
        "    print(' '.join(scopes), len(current_app.config['NYLAS_SCOPES']))\n"
        "    for scope in current_app.config.get('NYLAS_SCOPES', []):\n        print(scope)\n"),
    "other keys written": (
        "from . import app\n\napp.config['SECRET_KEY'] = 'x'\napp.config.update(DEBUG=True)\n"
        "app.config.setdefault('TIMEOUT', 3)\nprint(app.config.get('DEBUG'), 'X' in app.config)\n"),
    "loaded from a configuration class of the project": (
        "from . import app\n\napp.config.from_object('app.settings.ProductionConfig')\n"),
}


@pytest.mark.parametrize("plugin", READ_FLASK_CONFIGURATION.values(),
                         ids=list(READ_FLASK_CONFIGURATION))
def test_flask_configuration_only_read_elsewhere_still_misses_the_calendar(
    tmp_path: Path, plugin: str
) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": FLASK_APP, "app/agenda.py": AGENDA_CALLS, "app/auth.py": FLASK_LOGIN,
        "app/settings.py": "class ProductionConfig:\n    NYLAS_SCOPES = ['email.read_only']\n",
        "app/plugins.py": plugin})
    assert [code for _, _, code, _ in found] == ["NYS301"], plugin


SCOPES_AND_DEFAULTS = CONFIG_LIST + "\n\ndef default_scopes():\n    return SCOPES\n"
# A list a star import brings (or what a function it brings returns), changed by the
# importing module: the very object the request reads from its own module.
CHANGED_THROUGH_A_STAR_IMPORT = {
    "appended to": "from .config import *\n\nSCOPES.append('calendar.read_only')\n",
    "handed to a function outside the project": (
        "from tools import enable\n\nfrom .config import *\n\nenable(SCOPES)\n"),
    "returned by a function it brings and appended to through a local name": (
        "from .config import *\n\n\ndef setup():\n    scopes = default_scopes()\n"
        "    scopes.append('calendar.read_only')\n"),
    "returned by a function it brings and appended to": (
        "from .config import *\n\ndefault_scopes().append('calendar.read_only')\n"),
    "brought through a module that star-imports it": (
        "from .everything import *\n\nSCOPES.append('calendar.read_only')\n"),
}


@pytest.mark.parametrize("plugin", CHANGED_THROUGH_A_STAR_IMPORT.values(),
                         ids=list(CHANGED_THROUGH_A_STAR_IMPORT))
def test_a_list_a_star_import_brings_changed_grants_an_unknown_set(
    tmp_path: Path, plugin: str
) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
        "app/config.py": SCOPES_AND_DEFAULTS, "app/everything.py": "from .config import *\n",
        "app/views.py": FROM_CONFIG, "app/plugins.py": plugin})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}


READ_THROUGH_A_STAR_IMPORT = [
    "from .config import *\n\nprint(len(SCOPES), ' '.join(default_scopes()))\n",
    "from .config import *\n\n\ndef setup():\n    scopes = list(SCOPES)\n"
    "    scopes.append('calendar.read_only')\n    return scopes\n",
    "from .config import *\n\n\ndef show():\n    scopes = default_scopes()\n"
    "    print(len(scopes))\n",
]


@pytest.mark.parametrize("plugin", READ_THROUGH_A_STAR_IMPORT)
def test_a_list_a_star_import_brings_only_read_still_misses_the_calendar(
    tmp_path: Path, plugin: str
) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
        "app/config.py": SCOPES_AND_DEFAULTS, "app/views.py": FROM_CONFIG,
        "app/plugins.py": plugin})
    assert [code for _, _, code, _ in found] == ["NYS301"], plugin


# A list another top-level package of the project returns, held by a local name of a
# function that changes it: the very list the request reads.
OTHER_PACKAGE = {"lib/__init__.py": "", "lib/scopes.py": GET_SCOPES,
                 "app/views.py": _auth("SCOPES", "from lib.scopes import SCOPES")}
CHANGED_THROUGH_ANOTHER_PACKAGES_RESULT = {
    "appended to": "    scopes = shared.get_scopes()\n    scopes.append('calendar.read_only')\n",
    "extended in place": "    scopes = shared.get_scopes()\n    scopes += ['calendar.read_only']\n",
    "item written": "    scopes = shared.get_scopes()\n    scopes[0] = 'calendar.read_only'\n",
    "handed to a function": "    scopes = shared.get_scopes()\n    enable(scopes)\n",
    "returned": "    scopes = shared.get_scopes()\n    return scopes\n",
    "held by another name": (
        "    scopes = shared.get_scopes()\n    more = scopes\n"
        "    more.append('calendar.read_only')\n"),
    "appended to in a loop, bound after": (
        "    for turn in range(2):\n        if turn:\n"
        "            scopes.append('calendar.read_only')\n"
        "        scopes = shared.get_scopes()\n"),
    "appended to by a closure": (
        "    scopes = shared.get_scopes()\n\n    def add():\n"
        "        scopes.append('calendar.read_only')\n\n    add()\n"),
}


@pytest.mark.parametrize("body", CHANGED_THROUGH_ANOTHER_PACKAGES_RESULT.values(),
                         ids=list(CHANGED_THROUGH_ANOTHER_PACKAGES_RESULT))
def test_a_list_another_package_returns_changed_through_a_local_name_grants_an_unknown_set(
    tmp_path: Path, body: str
) -> None:
    plugin = "from tools import enable\n\nimport lib.scopes as shared\n\n\ndef setup():\n" + body
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
                              **OTHER_PACKAGE, "app/plugins.py": plugin})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}


READ_THROUGH_ANOTHER_PACKAGES_RESULT = [
    "    scopes = shared.get_scopes()\n    print(len(scopes), ' '.join(scopes))\n"
    "    for scope in scopes:\n        print(scope)\n",
    # A closure that does not use the name: the walk of the function says it is read.
    "    scopes = shared.get_scopes()\n    key = lambda scope: scope.lower()\n"
    "    print(sorted(scopes, key=key))\n",
    "    scopes = list(shared.get_scopes())\n    scopes.append('calendar.read_only')\n",
]


@pytest.mark.parametrize("body", READ_THROUGH_ANOTHER_PACKAGES_RESULT)
def test_a_list_another_package_returns_only_read_through_a_local_name_is_still_read(
    tmp_path: Path, body: str
) -> None:
    plugin = "import lib.scopes as shared\n\n\ndef setup():\n" + body
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
                              **OTHER_PACKAGE, "app/plugins.py": plugin})
    assert [code for _, _, code, _ in found] == ["NYS301"], body


DJANGO_SETTINGS_FILES = {
    "app/settings.py": 'NYLAS_SCOPES = ["email.read_only"]\n',
    "app/views.py": _auth("settings.NYLAS_SCOPES", "from django.conf import settings")}
# Django's settings object stands for the settings modules: handed to code that may
# set any of its names, or given a name read at run time, none is read as written.
CHANGED_THROUGH_DJANGO_SETTINGS = {
    "a name set that is read at run time": (
        "from django.conf import settings\n\n\ndef override(name, value):\n"
        "    setattr(settings, name, value)\n"),
    "handed to code outside the project": (
        "from django.conf import settings\nfrom tools import tweak\n\ntweak(settings)\n"),
    "configured by a script": (
        "from django.conf import settings\n\n"
        "settings.configure(NYLAS_SCOPES=['email.read_only', 'calendar.read_only'])\n"),
}


@pytest.mark.parametrize("plugin", CHANGED_THROUGH_DJANGO_SETTINGS.values(),
                         ids=list(CHANGED_THROUGH_DJANGO_SETTINGS))
def test_django_settings_handed_on_grant_an_unknown_set(tmp_path: Path, plugin: str) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
                              **DJANGO_SETTINGS_FILES, "app/plugins.py": plugin})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}


def test_django_settings_only_looked_at_still_miss_the_calendar(tmp_path: Path) -> None:
    plugin = ("from django.conf import settings\n\n"
              "print(settings.DEBUG, getattr(settings, 'NYLAS_SCOPES', []), dir(settings))\n")
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
                              **DJANGO_SETTINGS_FILES, "app/plugins.py": plugin})
    assert [code for _, _, code, _ in found] == ["NYS301"]


_CHAINED = '''
import itertools

BASE = ["email.read_only"]
EXTRA = {extra}
ALL = list(itertools.chain(BASE, EXTRA))
'''


def test_lists_chained_in_another_module_are_read(tmp_path: Path) -> None:
    # ``itertools.chain`` reads its lists without changing them: BASE and EXTRA keep
    # their values, and ALL holds both.
    found = _codes(tmp_path, {
        "scopes.py": _CHAINED.format(extra='["email.send"]'),
        "auth.py": _auth("ALL", "from scopes import ALL"),
        "calls.py": CALLS,
    })
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("scopes.py", 5, "NYS303")], found


def test_a_chained_list_that_cannot_be_read_keeps_the_request_unresolved(
        tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "scopes.py": "import os\n" + _CHAINED.format(
            extra='os.environ["EXTRA_SCOPES"].split(",")'),
        "auth.py": _auth("ALL", "from scopes import ALL"),
        "calls.py": CALLS,
    })
    assert {code for _, _, code, _ in found} == {"NYS304"}, found


@pytest.mark.parametrize("kept", [
    'sorted(set(BASE + ["email.read_only"]))',
    'list(frozenset(BASE + ["email.read_only"]))',
    'list(dict.fromkeys(BASE + ["email.read_only"]))',
])
@pytest.mark.parametrize("imported", [False, True])
def test_a_scope_written_twice_into_a_set_is_requested_once(
        tmp_path: Path, kept: str, imported: bool) -> None:
    # The set drops the second "email.read_only": nothing to report, and no fix
    # removes either.
    files = {"calls.py": CALLS}
    if imported:
        files["base.py"] = 'BASE = ["email.read_only"]\n'
        files["auth.py"] = _auth(kept, "from base import BASE")
    else:
        files["auth.py"] = _auth(kept, 'BASE = ["email.read_only"]')
    assert _codes(tmp_path, files) == []


@pytest.mark.parametrize("imported", [False, True])
def test_a_scope_written_twice_into_a_list_is_requested_twice(
        tmp_path: Path, imported: bool) -> None:
    files = {"calls.py": CALLS}
    kept = 'sorted(BASE + ["email.read_only"])'
    if imported:
        files["base.py"] = 'BASE = ["email.read_only"]\n'
        files["auth.py"] = _auth(kept, "from base import BASE")
    else:
        files["auth.py"] = _auth(kept, 'BASE = ["email.read_only"]')
    assert [(name, code) for name, _, code, _ in _codes(tmp_path, files)] == [
        ("auth.py", "NYS103")]


@pytest.mark.parametrize("request_call", [
    'concurrent.futures.ThreadPoolExecutor().submit(\n'
    '    client.authentication_url, "https://a.example/cb", scopes={scopes}).result()',
    'functools.partial(client.authentication_url, "https://a.example/cb", scopes={scopes})()',
    'client.authentication_url("https://a.example/cb", scopes={scopes})',
], ids=["submitted", "partial", "direct"])
def test_an_authentication_request_handed_to_a_thread_is_judged(
        tmp_path: Path, request_call: str) -> None:
    # ``calendar`` is requested however the request is made, and no call needs it.
    auth = (
        "import concurrent.futures\nimport functools\n\nfrom nylas import APIClient\n\n"
        'client = APIClient("id", "secret")\n'
        f"URL = {request_call.format(scopes=repr(['email.read_only', 'calendar']))}\n"
    )
    found = _codes(tmp_path, {"auth.py": auth, "calls.py": CALLS})
    assert [(name, code) for name, _, code, _ in found] == [("auth.py", "NYS303")], found


_ADMIN_CONSENT = '''
import concurrent.futures
import os

from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "provider": "microsoft", "redirect_uri": "https://a.example/cb",
        "scope": ["offline_access", "Calendars.ReadWrite"],
    }})


def admin():
    return {consent}


def events(grant_id):
    return nylas.events.list(grant_id, query_params={{"calendar_id": "primary"}})
'''


@pytest.mark.parametrize("consent", [
    "nylas.auth.url_for_admin_consent({config})",
    "concurrent.futures.ThreadPoolExecutor().submit(\n"
    "        nylas.auth.url_for_admin_consent, {config}).result()",
], ids=["direct", "submitted"])
def test_an_admin_consent_handed_to_a_thread_still_grants_its_scopes(
        tmp_path: Path, consent: str) -> None:
    # The consent's scope is a string the analysis cannot split per scope: what the
    # grants hold is unknown, so Calendars.ReadWrite is not called broader than needed.
    config = ('{"client_id": "id", "redirect_uri": "https://a.example/cb", '
              '"credential_id": "c", "scope": "Place.Read.All offline_access"}')
    found = _codes(tmp_path, {"main.py": _ADMIN_CONSENT.format(
        consent=consent.format(config=config))})
    assert "NYS302" not in {code for _, _, code, _ in found}, found
    assert "NYS304" in {code for _, _, code, _ in found}, found


def _defaulting_wrapper(body: str) -> str:
    return f'''
from nylas import APIClient

client = APIClient("id", "secret")
DEFAULT = ["email.read_only", "calendar.read_only"]


def ask(scopes=None):
{body}
    return client.authentication_url("https://a.example/cb", scopes=scopes)


def login():
    return ask()


def narrow_login():
    return ask(["email.read_only"])
'''


# A wrapper that changes its parameter before the request: what its callers pass
# (``None``, a list without the calendar) is not what the request asks for.
CHANGED_PARAMETERS = {
    "extended in place": "    scopes.append('calendar.read_only')",
    "extended by a new list": "    scopes = scopes + ['calendar.read_only']",
    "or a default in a loop": "    for extra in (DEFAULT,):\n        scopes = scopes or extra",
    "or a default in a branch": "    if DEFAULT:\n        scopes = scopes or DEFAULT",
    "or a default read at run time": "    scopes = scopes or load_scopes()",
    "a default and more": "    scopes = scopes or DEFAULT\n    scopes = scopes + ['contacts']",
    "or a default, then extended": "    scopes = scopes or DEFAULT\n    scopes.append('contacts')",
    "replaced when not None": "    if scopes is not None:\n        scopes = DEFAULT",
    "or itself": "    scopes = scopes or scopes",
}


@pytest.mark.parametrize("body", CHANGED_PARAMETERS.values(), ids=list(CHANGED_PARAMETERS))
def test_a_wrapper_that_changes_its_scopes_parameter_is_not_read_from_its_callers(
    tmp_path: Path, body: str
) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
                              "app/views.py": _defaulting_wrapper(body)})
    codes = {code for _, _, code, _ in found}
    assert not codes & {"NYS107", "NYS301", "NYS302", "NYS303"}, found
    assert ("views.py", "NYS304") in {(name, code) for name, _, code, _ in found}


def test_a_wrapper_that_replaces_its_scopes_parameter_or_adds_to_it_is_not_read_from_callers(
    tmp_path: Path
) -> None:
    # Not read from its callers (NYS304 where the list is extended); the default it
    # may take instead is read, and the scope the wrapper adds itself, which no call
    # needs, is unused whatever the callers pass.
    body = ("    if scopes is None:\n        scopes = DEFAULT\n    else:\n"
            "        scopes = scopes + ['contacts']")
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
                              "app/views.py": _defaulting_wrapper(body)})
    assert [(name, line, code) for name, line, code, _ in found] == [
        ("views.py", 12, "NYS303"), ("views.py", 12, "NYS304")], found
    assert "'contacts'" in found[0][3]


def test_a_wrapper_that_only_reads_its_scopes_parameter_is_read_from_its_callers(
    tmp_path: Path
) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
                              "app/views.py": _defaulting_wrapper("    print(scopes)")})
    # ``ask()`` sends no scopes: the server default applies.
    assert [code for _, _, code, _ in found] == ["NYS107"], found


def _falling_back(body: str, signature: str = "scopes=None", default: str = "DEFAULT",
                  header: str = "") -> str:
    return f'''{header}
from nylas import APIClient

client = APIClient("id", "secret")
DEFAULT = ["email.read_only", "calendar.read_only", "contacts.read_only"]


def ask({signature}):
{body.replace("DEFAULT", default)}
    return client.authentication_url("https://a.example/cb", scopes=scopes)


def login():
    return ask()


def narrow_login():
    return ask(scopes=["email.read_only", "calendar"])
'''


# What a wrapper's body gives its parameter when the callers pass nothing.
FALLBACKS = {
    "or": "    scopes = scopes or DEFAULT",
    "if None": "    if scopes is None:\n        scopes = DEFAULT",
    "if not": "    if not scopes:\n        scopes = DEFAULT",
    "conditional": "    scopes = DEFAULT if scopes is None else scopes",
    "conditional kept": "    scopes = scopes if scopes is not None else DEFAULT",
}


@pytest.mark.parametrize(("body", "signature"), [
    *((body, "scopes=None") for body in FALLBACKS.values()),
    (FALLBACKS["if None"], "scopes: list[str] | None = None"),
    (FALLBACKS["or"], "*, scopes=None"),
], ids=[*FALLBACKS, "annotated", "keyword-only"])
def test_a_wrapper_s_fallback_is_what_callers_passing_nothing_request(
    tmp_path: Path, body: str, signature: str
) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
                              "app/views.py": _falling_back(body, signature)})
    # ``login()`` asks for DEFAULT, whose contacts no call needs; ``narrow_login``
    # asks for its own list, whose calendar is broader than the calls need.
    assert [(line, code) for _, line, code, _ in found[:1]] == [(5, "NYS303")], found
    assert [code for _, _, code, _ in found] == ["NYS303", "NYS302"], found
    assert "'contacts.read_only'" in found[0][3] and "'calendar'" in found[1][3], found


def test_a_wrapper_s_fallback_from_a_settings_module_is_read(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
        "app/settings.py": 'DEFAULT_SCOPES = ["email.read_only", "calendar.read_only",'
                           ' "contacts.read_only"]\n',
        "app/views.py": _falling_back(FALLBACKS["or"], default="settings.DEFAULT_SCOPES",
                                      header="from app import settings")})
    assert [(name, code) for name, _, code, _ in found] == [
        ("settings.py", "NYS303"), ("views.py", "NYS302")], found


# A caller of the wrapper passing another module's list, by each spelling.
_PASSED_FROM_SETTINGS = {
    "module attribute": ("from app import settings", "settings.SUPERVISOR_SCOPES"),
    "imported name": ("from app.settings import SUPERVISOR_SCOPES", "SUPERVISOR_SCOPES"),
}


def _supervisor_views(spelling: str) -> str:
    header, passed = _PASSED_FROM_SETTINGS[spelling]
    return _falling_back(FALLBACKS["or"], header=header) + f'''

def supervisor_login():
    return ask(scopes={passed})
'''


@pytest.mark.parametrize("spelling", _PASSED_FROM_SETTINGS)
def test_a_caller_passing_another_modules_list_to_a_wrapper_is_judged(
        tmp_path: Path, spelling: str) -> None:
    # ``email.read_only`` is already granted by ``email.modify`` in the list the
    # supervisor's request sends: judged where the list is written.  (Before, the
    # argument was left out, and that request was never judged.)
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
        "app/settings.py": 'SUPERVISOR_SCOPES = ["email.read_only", "email.modify"]\n',
        "app/views.py": _supervisor_views(spelling)})
    assert ("settings.py", 1, "NYS104") in {(name, line, code) for name, line, code, _ in found}
    assert "'email.read_only' is already granted by 'email.modify'" in " ".join(
        message for name, _, _, message in found if name == "settings.py"), found


@pytest.mark.parametrize("spelling", _PASSED_FROM_SETTINGS)
def test_a_caller_passing_another_modules_list_that_cannot_be_read_is_unresolved(
        tmp_path: Path, spelling: str) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
        "app/settings.py": 'import json\n\nSUPERVISOR_SCOPES = json.load(open("s.json"))\n',
        "app/views.py": _supervisor_views(spelling)})
    codes = {(name, code) for name, _, code, _ in found}
    assert ("views.py", "NYS304") in codes, found
    # Its scopes may be any: the usage rules claim nothing.
    assert not {code for _, code in codes} & {"NYS301", "NYS302", "NYS303"}, found


@pytest.mark.parametrize("copy", [
    "    scopes = list(scopes or DEFAULT)",
    "    scopes = sorted(scopes if scopes else DEFAULT)",
], ids=["list", "sorted"])
def test_a_wrapper_copying_a_callers_list_leaves_it_unchanged(
        tmp_path: Path, copy: str) -> None:
    # The wrapper's copy is bound back to its parameter's name: the caller's list is
    # only read, and its request is judged (not "which other code may change").
    views = _supervisor_views("module attribute").replace(
        FALLBACKS["or"], copy)
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
        "app/settings.py": 'SUPERVISOR_SCOPES = ["email.read_only", "email.modify"]\n',
        "app/views.py": views})
    codes = {(name, code) for name, _, code, _ in found}
    assert ("settings.py", "NYS104") in codes and "NYS304" not in {c for _, c in codes}, found


def test_a_wrapper_handing_on_a_callers_list_through_or_may_change_it(
        tmp_path: Path) -> None:
    # ``scopes or DEFAULT`` is the caller's list when it passes one: kept in a
    # module list, which any code may change later.
    views = _supervisor_views("module attribute").replace(
        FALLBACKS["or"], "    KEPT.append(scopes or DEFAULT)\n" + FALLBACKS["or"]).replace(
        "client = APIClient", "KEPT = []\nclient = APIClient")
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
        "app/settings.py": 'SUPERVISOR_SCOPES = ["email.read_only", "email.modify"]\n',
        "app/views.py": views})
    # (The wrapper's own DEFAULT is handed on too: unresolved as well.)
    assert {(name, code) for name, _, code, _ in found} == {("views.py", "NYS304")}, found
    assert any("app.settings.SUPERVISOR_SCOPES, which other code may change" in message
               for _, _, _, message in found), found


def test_a_caller_passing_another_modules_list_under_another_name_is_not_a_scope_list(
        tmp_path: Path) -> None:
    # ``roles=`` says nothing of scopes: what the wrapper sends is its fallback.
    views = _falling_back(FALLBACKS["or"], "scopes=None, roles=()",
                          header="from app import settings") + '''

def supervisor_login():
    return ask(roles=settings.SUPERVISOR_ROLES)
'''
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
        "app/settings.py": 'import json\n\nSUPERVISOR_ROLES = json.load(open("s.json"))\n',
        "app/views.py": views})
    assert [code for _, _, code, _ in found] == ["NYS303", "NYS302"], found


# The same fallbacks written in the request itself.
INLINE_FALLBACKS = {
    "or": "scopes or DEFAULT",
    "conditional": "DEFAULT if scopes is None else scopes",
    "conditional kept": "scopes if scopes else DEFAULT",
}


@pytest.mark.parametrize("inline", INLINE_FALLBACKS.values(), ids=list(INLINE_FALLBACKS))
def test_a_fallback_written_in_the_request_is_read_as_the_statement_form(
    tmp_path: Path, inline: str
) -> None:
    views = _falling_back("    pass").replace("scopes=scopes)", f"scopes={inline})")
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
                              "app/views.py": views})
    assert [code for _, _, code, _ in found] == ["NYS303", "NYS302"], found
    assert "'contacts.read_only'" in found[0][3] and "'calendar'" in found[1][3], found


@pytest.mark.parametrize(("body", "inline"), [
    ("    pass", "scopes or load_scopes()"),
    ("    pass", "scopes or scopes"),
    ("    pass", "scopes or DEFAULT + scopes"),
    ("    scopes.append('contacts')", "scopes or DEFAULT"),
    ("    scopes = scopes + ['contacts']", "scopes or DEFAULT"),
    ("    if DEFAULT:\n        scopes = DEFAULT", "scopes or DEFAULT"),
], ids=["read at run time", "itself", "naming it", "extended in place", "rebound",
        "rebound in a branch"])
def test_a_fallback_in_the_request_over_a_changed_or_unread_value_stays_unresolved(
    tmp_path: Path, body: str, inline: str
) -> None:
    views = _falling_back(body).replace("scopes=scopes)", f"scopes={inline})")
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
                              "app/views.py": views})
    codes = {code for _, _, code, _ in found}
    assert not codes & {"NYS301", "NYS302", "NYS303"}, found
    assert "NYS304" in codes, found


def test_a_v3_fallback_written_in_the_config_is_read(tmp_path: Path) -> None:
    views = V3_CALLS + '''
from app import settings


def ask(scopes=None):
    return nylas.auth.url_for_oauth2({"client_id": "c", "redirect_uri": "r",
                                      "provider": "google",
                                      "scope": scopes or settings.DEFAULT_SCOPES})


def default_login():
    return ask()
'''
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/views.py": views,
        "app/settings.py": 'DEFAULT_SCOPES = ["https://www.googleapis.com/auth/gmail.readonly",'
                           ' "https://www.googleapis.com/auth/contacts.readonly"]\n'})
    assert ("settings.py", "NYS303") in {(name, code) for name, _, code, _ in found}, found
    assert "NYS304" not in {code for _, _, code, _ in found}, found


def test_a_wrapper_s_own_default_other_than_none_is_what_callers_passing_nothing_request(
    tmp_path: Path
) -> None:
    # ``is None`` keeps an empty list: ``ask()`` sends no scopes.
    found = _codes(tmp_path, {"app/__init__.py": "", "app/agenda.py": AGENDA_CALLS,
                              "app/views.py": _falling_back(FALLBACKS["if None"], "scopes=()")})
    assert ("views.py", "NYS107") in {(name, code) for name, _, code, _ in found}, found
    assert "NYS303" not in {code for _, _, code, _ in found}, found


def test_a_v3_wrapper_s_fallback_is_what_callers_passing_nothing_request(
    tmp_path: Path
) -> None:
    wrapper = '''
import os

from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
G = "https://www.googleapis.com/auth/"
DEFAULT = [G + "gmail.readonly", G + "contacts.readonly"]


def ask(scopes=None):
    {fallback}
    return nylas.auth.url_for_oauth2({"client_id": "c", "redirect_uri": "https://a.example/cb",
                                      "provider": "google", "scope": scopes})


def login():
    return ask()


def send_login():
    return ask(["https://www.googleapis.com/auth/gmail.send"])


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''
    read = _codes(tmp_path / "read", {"app/__init__.py": "", "app/views.py": wrapper.replace(
        "{fallback}", "scopes = scopes or DEFAULT")})
    assert [(line, code) for _, line, code, _ in read] == [(8, "NYS303"), (22, "NYS303")], read
    assert "contacts" in read[0][3] and "gmail.send" in read[1][3], read
    changed = _codes(tmp_path / "changed", {"app/__init__.py": "", "app/views.py": wrapper.replace(
        "{fallback}", "scopes = (scopes or DEFAULT) + [G + 'calendar']")})
    assert [code for _, _, code, _ in changed] == ["NYS304"], changed


def test_a_v3_scope_list_stored_through_another_name_is_read(tmp_path: Path) -> None:
    # Both requests read: the calendar call is granted, the mail call is not.
    login = '''
def {name}():
    config = {{"client_id": "c", "redirect_uri": "https://a.example/cb",
              "provider": "microsoft"}}
{store}
    return nylas.auth.url_for_oauth2(config)
'''
    views = ('from nylas import Client\n\nnylas = Client("key")\n'
             'SCOPES = ["https://graph.microsoft.com/Calendars.Read"]\n'
             + login.format(name="login", store="    scopes = SCOPES\n    config['scope'] = scopes")
             + login.format(name="other_login", store="    config['scope'] = SCOPES")
             + "\n\ndef digest(grant):\n"
               "    return nylas.events.list(grant), nylas.messages.list(grant)\n")
    found = _codes(tmp_path, {"app/__init__.py": "", "app/views.py": views})
    assert [code for _, _, code, _ in found] == ["NYS301"], found
    # The control: the other name's list appended to after it is stored.
    changed = views.replace("config['scope'] = scopes",
                            "config['scope'] = scopes\n    scopes.append('x')")
    found = _codes(tmp_path / "changed", {"app/__init__.py": "", "app/views.py": changed})
    assert "NYS301" not in {code for _, _, code, _ in found}
    assert "NYS304" in {code for _, _, code, _ in found}
