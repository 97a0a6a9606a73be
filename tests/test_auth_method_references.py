"""An SDK method that makes a scope request, used other than by a plain call.

``method = nylas.auth.url_for_oauth2``, ``{"google": nylas.auth.url_for_oauth2}``,
``_call(nylas.auth.url_for_admin_consent, config)``: the request is made all the
same, with arguments the analysis does not see.  It is an unresolved request (NYS304
where the method is used), never one that does not exist.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config


def _codes(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted(
        (Path(f.span.path).name, f.span.line, f.code, f.message) for f in result.findings
    )


_V3_APP = '''
import dataclasses
import functools
import os

from nylas import Client

nylas = Client(os.environ["NYLAS_API_KEY"])
CONFIG = {{"client_id": "id", "redirect_uri": "https://a.example/cb",
          "credential_id": "c", "scope": "Place.Read.All offline_access"}}
ARGS = [CONFIG]


def _call(f, /, *a, **k):
    return f(*a, **k)


@dataclasses.dataclass
class Box:
    value: object


def login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "id", "provider": "microsoft", "redirect_uri": "https://a.example/cb",
        "scope": ["offline_access", "Calendars.ReadWrite"],
    }})


def admin(provider):
{consent}


def events(grant_id):
    return nylas.events.list(grant_id, query_params={{"calendar_id": "primary"}})
'''
# The lines of ``admin``'s statements in ``_V3_APP``.
_CONSENT_LINES = (31, 32, 33, 34)


@pytest.mark.parametrize("consent", [
    "    return _call(nylas.auth.url_for_admin_consent, CONFIG)",
    '    return getattr(nylas.auth, "url_for_admin_consent")(CONFIG)',
    '    return getattr(nylas.auth, f"url_for_{provider}")(CONFIG)',
    "    method = nylas.auth.url_for_admin_consent\n    return method(CONFIG)",
    "    handlers = {'microsoft': nylas.auth.url_for_admin_consent}\n"
    "    return handlers[provider](CONFIG)",
    "    return functools.partial(nylas.auth.url_for_admin_consent, *ARGS)()",
    "    return nylas.auth.url_for_admin_consent(*ARGS)",
    "    return Box(nylas.auth).value.url_for_admin_consent(CONFIG)",
    "    return _call(lambda auth: auth.url_for_admin_consent(CONFIG), nylas.auth)",
    "    auth = nylas.auth\n    return _call(lambda a: a.url_for_admin_consent(CONFIG), auth)",
    '    return nylas.auth.__getattribute__("url_for_admin_consent")(CONFIG)',
    "    a = nylas.auth\n    if not provider:\n        a = None\n    return _call(print, a)",
    '    import operator\n'
    '    return operator.attrgetter("auth.url_for_admin_consent")(nylas)(CONFIG)',
    '    return _call(print, getattr(nylas, "auth"))',
    '    import operator\n    return _call(print, operator.attrgetter("auth")(nylas))',
    "    auth = nylas.auth\n    if provider:\n        auth = provider.auth\n"
    "    return auth.url_for_admin_consent(CONFIG)",
], ids=["helper", "getattr", "getattr-chosen", "name", "dict", "partial-spread", "spread", "box",
        "object-handed", "object-held-handed", "dunder", "object-held-twice", "attrgetter",
        "object-by-getattr-handed", "object-by-attrgetter-handed", "auth-held-or-other"])
def test_an_admin_consent_made_through_the_method_as_a_value_is_unresolved(
        tmp_path: Path, consent: str) -> None:
    # The consent may grant Calendars.ReadWrite's tenant-wide use: what the grants
    # hold is unknown, so the scope is not called broader than needed.
    found = _codes(tmp_path, {"main.py": _V3_APP.format(consent=consent)})
    assert [code for _, _, code, _ in found if code == "NYS302"] == [], found
    assert {("main.py", line, "NYS304") for line in _CONSENT_LINES} & {
        (name, line, code) for name, line, code, _ in found}, found


@pytest.mark.parametrize("consent", [
    "    return nylas.auth.url_for_admin_consent(CONFIG)",
    "    auth = nylas.auth\n    return auth.url_for_admin_consent({**CONFIG})",
    '    return getattr(nylas, "auth").url_for_admin_consent(CONFIG)',
    # The module's dict given as it is: the name holds the client's auth wherever
    # it is bound, so the call only reads it, as ``nylas.auth``'s does.
    "    auth = nylas.auth\n    return auth.url_for_admin_consent(CONFIG)",
    "    client = Client('key')\n    auth = client.auth\n"
    "    return auth.url_for_admin_consent(CONFIG)",
], ids=["direct", "auth-held", "auth-by-getattr", "auth-held-config",
        "auth-held-of-a-local-client"])
def test_a_direct_admin_consent_is_still_read(tmp_path: Path, consent: str) -> None:
    # Read exactly: its scope is a str the SDK splits per character.
    found = _codes(tmp_path, {"main.py": _V3_APP.format(consent=consent)})
    codes = {code for _, _, code, _ in found}
    assert "NYS404" in codes and "NYS302" not in codes, found


@pytest.mark.parametrize("consent", [
    "    return _call(len, CONFIG)",
    # ``auth`` alone is a common word: another object's is no Nylas request.
    "    auth = provider.auth\n    return _call(len, provider.auth), _call(len, auth)",
    '    import operator\n    return _call(len, operator.attrgetter("auth")(provider))',
    '    return _call(len, getattr(provider, "auth"))',
], ids=["none", "other-auth", "other-auth-by-attrgetter", "other-auth-by-getattr"])
def test_without_the_admin_consent_the_broad_scope_is_reported(
        tmp_path: Path, consent: str) -> None:
    found = _codes(tmp_path, {"main.py": _V3_APP.format(consent=consent)})
    assert [code for _, _, code, _ in found] == ["NYS302"], found


_PORTAL = """

class Portal:
    def url_for_admin_consent(self, config):
        return config["redirect_uri"]

    def again(self, config):
        return self.url_for_admin_consent(config)


portal = Portal()
"""


def test_a_method_of_the_same_name_on_the_apps_own_object_is_no_request(
        tmp_path: Path) -> None:
    consent = (
        "    handlers = {'microsoft': portal.url_for_admin_consent}\n"
        "    return (handlers[provider](CONFIG), portal.url_for_admin_consent(CONFIG),\n"
        "            getattr(portal, provider)(CONFIG))"
    )
    found = _codes(tmp_path, {"main.py": _V3_APP.format(consent=consent) + _PORTAL})
    assert [code for _, _, code, _ in found] == ["NYS302"], found


_V2_CALLS = '''
from nylas import APIClient


def inbox(token):
    api = APIClient("id", "secret", token)
    for message in api.messages.where(limit=5):
        print(message.subject)
'''
_V2_AUTH = '''
import functools

from nylas import APIClient
from requests_oauthlib import OAuth2Session

client = APIClient("id", "secret")
other = OAuth2Session("id")
SCOPES = ["email.read_only", "calendar"]
{request}
'''


@pytest.mark.parametrize("request_line", [
    'METHOD = client.authentication_url\nURL = METHOD("https://a.example/cb", scopes=SCOPES)',
    'URLS = {"a": client.authentication_url}\nURL = URLS["a"]("https://a.example/cb", '
    "scopes=SCOPES)",
    'URL = functools.partial(client.authentication_url, *["https://a.example/cb"])('
    "scopes=SCOPES)",
    'URL = getattr(client, "authentication_url")("https://a.example/cb", scopes=SCOPES)',
    'import operator\nURL = operator.attrgetter("authentication_url")(client)('
    '"https://a.example/cb", scopes=SCOPES)',
    # The scopes come with the later call, which the analysis does not read.
    'URL = functools.partial(client.authentication_url, "https://a.example/cb")('
    "scopes=SCOPES)",
], ids=["name", "dict", "partial-spread", "getattr", "attrgetter", "partial-scopes-later"])
def test_a_v2_authentication_url_used_as_a_value_is_unresolved(
        tmp_path: Path, request_line: str) -> None:
    found = _codes(tmp_path, {"auth.py": _V2_AUTH.format(request=request_line),
                              "calls.py": _V2_CALLS})
    assert [(name, code) for name, _, code, _ in found] == [("auth.py", "NYS304")], found


@pytest.mark.parametrize("request_line", [
    'URL = client.authentication_url("https://a.example/cb", scopes=SCOPES)',
    # Another library's method of the same name: the client's request is still read.
    'URL = client.authentication_url("https://a.example/cb", scopes=SCOPES)\n'
    "METHOD = other.authentication_url",
    'URL = client.authentication_url("https://a.example/cb", scopes=SCOPES)\n'
    'METHOD = getattr(other, "authentication_url")',
    'URL = functools.partial(client.authentication_url, "https://a.example/cb", '
    'scopes=["email.read_only", "calendar"])()',
], ids=["direct", "other-library", "other-library-getattr", "partial-with-scopes"])
def test_a_v2_authentication_url_called_on_the_client_is_read(
        tmp_path: Path, request_line: str) -> None:
    found = _codes(tmp_path, {"auth.py": _V2_AUTH.format(request=request_line),
                              "calls.py": _V2_CALLS})
    assert [(name, code) for name, _, code, _ in found] == [("auth.py", "NYS303")], found


_SIGN_IN = '''
from authlib_wrapper import OAuthProvider

provider = OAuthProvider("x")


def login_url(redirect):
    return provider.authentication_url(redirect, scopes={scopes})
'''
_V2_LOGIN = '''
from nylas import APIClient

client = APIClient("id", "secret")


def connect_url(redirect):
    return client.authentication_url(redirect, scopes=["email.read_only", "calendar"])
'''


@pytest.mark.parametrize("scopes", [
    '["openid", "email", "profile"]',
    '["email", "offline_access"]',
    '["email", "https://www.googleapis.com/auth/calendar"]',
], ids=["openid", "offline-access", "scope-uri"])
def test_another_librarys_sign_in_scopes_are_no_nylas_request(
        tmp_path: Path, scopes: str) -> None:
    # ``email`` is a Nylas v2 scope too, but beside ``openid`` or a scope URI on a
    # receiver that is not shown to be a client, the list is another library's:
    # narrowing its ``email`` to ``email.read_only`` would break that sign-in.
    found = _codes(tmp_path, {"sso.py": _SIGN_IN.format(scopes=scopes),
                              "auth.py": _V2_LOGIN, "calls.py": _V2_CALLS})
    assert [(name, code) for name, _, code, _ in found] == [("auth.py", "NYS303")], found


@pytest.mark.parametrize(("scopes", "codes"), [
    # A Nylas scope misspelt beside another: still a request on an unknown receiver.
    ('["email.read_only", "calender"]', ["NYS101"]),
    # Nothing but Nylas names: read as before (only mail is read, by calls.py).
    ('["email"]', ["NYS106", "NYS302"]),
], ids=["misspelt", "legacy-email"])
def test_an_unknown_receivers_nylas_scopes_are_still_judged(
        tmp_path: Path, scopes: str, codes: list[str]) -> None:
    found = _codes(tmp_path, {"sso.py": _SIGN_IN.format(scopes=scopes),
                              "auth.py": _V2_LOGIN, "calls.py": _V2_CALLS})
    assert sorted(code for name, _, code, _ in found if name == "sso.py") == codes, found


def test_sign_in_scopes_on_the_client_are_still_reported(tmp_path: Path) -> None:
    found = _codes(tmp_path, {"auth.py": _V2_LOGIN.replace(
        '"calendar"]', '"calendar", "openid"]'), "calls.py": _V2_CALLS})
    assert [(name, code) for name, _, code, _ in found] == [
        ("auth.py", "NYS101"), ("auth.py", "NYS303")], found


_V2_ROUTES = '''
import functools

from nylas import APIClient
from nylas.services.routes import Routes

from app_settings import load_scopes

client = APIClient("id", "secret")
SCOPES = ["email.read_only", "calendar"]


def _call(f, /, *a, **k):
    return f(*a, **k)


{request}
'''


@pytest.mark.parametrize("request_line", [
    'BUILD = Routes(client).build_auth_url\nURL = BUILD(SCOPES, "a@b.c", "https://a.example/cb")',
    'ROUTES = Routes(client)\nURLS = {"a": ROUTES.build_auth_url}\n'
    'URL = URLS["a"](SCOPES, "a@b.c", "https://a.example/cb")',
    'URL = _call(Routes(client).build_auth_url, SCOPES, "a@b.c", "https://a.example/cb")',
    'URL = functools.partial(Routes(client).build_auth_url)(SCOPES, "a@b.c", '
    '"https://a.example/cb")',
    # Called plainly, with scopes the analysis cannot read.
    'URL = Routes(client).build_auth_url(load_scopes(), "a@b.c", "https://a.example/cb")',
], ids=["name", "dict", "helper", "partial-scopes-later", "unread-scopes"])
def test_the_v2_routes_helper_used_as_a_value_is_unresolved(
        tmp_path: Path, request_line: str) -> None:
    # The request's scopes are unknown: "calendar" may serve no call, but no claim
    # on another request's scopes can stand either.
    found = _codes(tmp_path, {
        "auth.py": _V2_ROUTES.format(request=request_line), "calls.py": _V2_CALLS,
        "other.py": _V2_AUTH.format(request='URL = client.authentication_url('
                                    '"https://a.example/cb", scopes=["contacts"])')})
    assert [(name, code) for name, _, code, _ in found] == [("auth.py", "NYS304")], found


@pytest.mark.parametrize("request_line", [
    'URL = Routes(client).build_auth_url(SCOPES, "a@b.c", "https://a.example/cb")',
    'URL = functools.partial(Routes(client).build_auth_url, ["email.read_only", '
    '"calendar"])("a@b.c", "https://a.example/cb")',
], ids=["direct", "partial-with-scopes"])
def test_the_v2_routes_helper_called_with_its_scopes_is_read(
        tmp_path: Path, request_line: str) -> None:
    found = _codes(tmp_path, {
        "auth.py": _V2_ROUTES.format(request=request_line), "calls.py": _V2_CALLS,
        "other.py": _V2_AUTH.format(request='URL = client.authentication_url('
                                    '"https://a.example/cb", scopes=["contacts"])')})
    assert [(name, code) for name, _, code, _ in found] == [
        ("auth.py", "NYS303"), ("other.py", "NYS303")], found


# The login asks for no calendar scope: only the admin consent can grant the
# events call's, so a consent the analysis loses must not leave a missing scope.
_V3_NO_CALENDAR = _V3_APP.replace('"scope": ["offline_access", "Calendars.ReadWrite"]',
                                  '"scope": ["offline_access"]')
_GETTER = '\nimport operator\nGET = operator.attrgetter("auth.url_for_admin_consent")\n'


@pytest.mark.parametrize("consent", [
    "    return GET(nylas)(CONFIG)",
    "    return _call(GET(nylas), CONFIG)",
    '    get = operator.attrgetter("auth.url_for_admin_consent")\n    return get(nylas)(CONFIG)',
], ids=["module-getter", "module-getter-handed", "local-getter"])
def test_an_admin_consent_through_a_stored_attrgetter_is_an_unresolved_request(
        tmp_path: Path, consent: str) -> None:
    found = _codes(tmp_path, {"main.py": _V3_NO_CALENDAR.format(consent=consent) + _GETTER})
    assert [code for _, _, code, _ in found] == ["NYS304"], found
    assert found[0][1] in _CONSENT_LINES, found


@pytest.mark.parametrize("consent", [
    "    from getters import GET\n    return GET(nylas)(CONFIG)",
    "    import getters\n    return _call(getters.GET(nylas), CONFIG)",
], ids=["imported-getter", "imported-module-getter"])
def test_an_admin_consent_through_a_getter_of_another_module_is_an_unresolved_request(
        tmp_path: Path, consent: str) -> None:
    found = _codes(tmp_path, {"main.py": _V3_NO_CALENDAR.format(consent=consent),
                              "getters.py": _GETTER})
    assert [code for _, _, code, _ in found] == ["NYS304", "NYS304"], found
    assert found[0][:2] == ("getters.py", 3), found


def test_a_getter_of_another_module_no_module_uses_leaves_the_missing_scope(
        tmp_path: Path) -> None:
    consent = "    import getters\n    return getters.OTHER"
    found = _codes(tmp_path, {"main.py": _V3_NO_CALENDAR.format(consent=consent),
                              "getters.py": _GETTER + "OTHER = 1\n"})
    assert [code for _, _, code, _ in found] == ["NYS301"], found


@pytest.mark.parametrize("consent", [
    "    return len(CONFIG)",
    # Bound to something else too: what ``get`` reads is not known to be a request.
    '    get = operator.attrgetter("auth.url_for_admin_consent")\n'
    "    if provider:\n        get = len\n    return _call(len, get(provider))",
], ids=["never-called", "getter-bound-twice"])
def test_without_a_stored_getters_consent_the_missing_scope_is_reported(
        tmp_path: Path, consent: str) -> None:
    found = _codes(tmp_path, {"main.py": _V3_NO_CALENDAR.format(consent=consent) + _GETTER})
    assert [code for _, _, code, _ in found] == ["NYS301"], found
