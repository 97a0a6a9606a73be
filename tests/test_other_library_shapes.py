"""A scope list that another OAuth library receives in some other shape than by name.

``settings.SCOPES`` goes to a Nylas request (``authentication_url``) and, copied,
joined, spread into keywords or kept in a Django setting, to Google's or Microsoft's
own sign-in: a scope no Nylas call needs may serve that library's calls, so none of
its items is called unused (NYS303) or broader than needed (NYS302).  The Nylas
request is still judged for what it lacks (NYS301).  Each control gives the list to no
other library (or to a setting no library reads): its unused scopes are reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_NYLAS = '''from nylas import APIClient
from app import settings

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://a.example/cb", scopes=settings.SCOPES)


def digest(token):
    api = APIClient("id", "secret", token)
    return [m.subject for m in api.messages.where(limit=5)]{more_calls}
'''
# ``calendar`` and ``contacts.read_only`` serve no Nylas call: reported, unless
# another library may use them.
_LIST = '["email.read_only", "calendar", "contacts.read_only"]'
_UNUSED = {("settings.py", 1, "NYS303")}
_OAUTH2 = "from requests_oauthlib import OAuth2Session\nfrom app.settings import SCOPES\n\n\n"

# The other library's sign-in, in app/google.py, by shape.
_GIVEN = {
    "local alias": "def g():\n    wanted = SCOPES\n    return OAuth2Session('id', scope=wanted)\n",
    "local copy": "def g():\n    wanted = list(SCOPES)\n    return OAuth2Session('id', scope=wanted)\n",
    "joined": "def g():\n    return OAuth2Session('id', scope=' '.join(SCOPES))\n",
    "enclosing function's copy": ("def g():\n    wanted = list(SCOPES)\n\n    def inner():\n"
                                  "        return OAuth2Session('id', scope=wanted)\n"
                                  "    return inner\n"),
    "grown": "def g():\n    return OAuth2Session('id', scope=SCOPES + ['openid'])\n",
    "spliced": "def g():\n    return OAuth2Session('id', scope=[*SCOPES, 'openid'])\n",
    "dict spread": "def g():\n    return OAuth2Session('id', **{'scope': SCOPES})\n",
    "spread local dict": ("def g():\n    kwargs = dict(scope=SCOPES)\n"
                          "    return OAuth2Session('id', **kwargs)\n"),
    "module dict spread": "KW = {'scope': SCOPES}\n\n\ndef g():\n    return OAuth2Session(**KW)\n",
    "authlib client_kwargs": ("def g(oauth):\n    oauth.register('google', "
                              "client_kwargs={'scope': ' '.join(SCOPES)})\n"),
    "msal first argument": ("def g(app):\n    return app.initiate_auth_code_flow("
                            "list(SCOPES), redirect_uri='x')\n"),
    # A local name the function binds from the list, under the list's own name.
    "local copy under the same name": ("from app import settings\n\n\ndef g():\n"
                                       "    SCOPES = list(settings.SCOPES)\n"
                                       "    return OAuth2Session('id', scope=SCOPES)\n"),
    # A parameter shadowing the list may be given it by a caller: not told apart.
    "parameter of the same name": ("def g(SCOPES=('openid',)):\n"
                                   "    return OAuth2Session('id', scope=SCOPES)\n"),
    # What a lambda called in place returns, and what a function of the module does.
    "called lambda": ("def g():\n    wanted = (lambda: list(SCOPES))()\n"
                      "    return OAuth2Session('id', scope=wanted)\n"),
    "function of the module": ("def login_scopes():\n    return list(SCOPES)\n\n\n"
                               "def g():\n    return OAuth2Session('id', scope=login_scopes())\n"),
    "method of a class": ("class Login:\n    def scopes(self):\n        return list(SCOPES)\n\n"
                          "    def g(self):\n"
                          "        return OAuth2Session('id', scope=self.scopes())\n"),
    # Libraries taking the scopes by position in other places than the first or
    # second: MSAL redeeming a code or a password, google-auth's own functions.
    "msal code redeemed": ("def g(app, code):\n    return app.acquire_token_by_"
                           "authorization_code(code, list(SCOPES), redirect_uri='x')\n"),
    "msal password": ("def g(app):\n    return app.acquire_token_by_username_password("
                      "'u', 'p', list(SCOPES))\n"),
    "google-auth with_scopes": "def g(creds):\n    return creds.with_scopes(list(SCOPES))\n",
    "google.auth.default": ("import google.auth\n\n\ndef g():\n"
                            "    return google.auth.default(list(SCOPES))\n"),
    "google.auth.load_credentials_from_file": (
        "from google.auth import load_credentials_from_file\n\n\ndef g():\n"
        "    return load_credentials_from_file('key.json', list(SCOPES))\n"),
    # A class attribute bound to the list, read through the instance, the class
    # itself or ``cls``: the class body reads the imported list.
    "class attribute bound to the list": (
        "class Google:\n    SCOPES = SCOPES\n\n    def session(self):\n"
        "        return OAuth2Session('id', scope=self.SCOPES)\n"),
    "class attribute copying the list": (
        "class Google:\n    SCOPES = list(SCOPES)\n\n    @classmethod\n"
        "    def session(cls):\n        return OAuth2Session('id', scope=cls.SCOPES)\n"),
    "class attribute of the settings module": (
        "from app import settings\n\n\nclass Google:\n    SCOPES = settings.SCOPES\n\n\n"
        "def session():\n    return OAuth2Session('id', scope=Google.SCOPES)\n"),
    # A dict of keywords a function of the module returns, or one key of a dict.
    "spread dict a function returns": ("def kw():\n    return {'scope': SCOPES}\n\n\n"
                                       "def g():\n    return OAuth2Session('id', **kw())\n"),
    "spread dict(...) a function returns": (
        "def kw():\n    return dict(scope=SCOPES)\n\n\n"
        "def g():\n    kwargs = kw()\n    return OAuth2Session('id', **kwargs)\n"),
    "spread key of a module dict": (
        "CONF = {'google': {'scope': SCOPES}}\n\n\n"
        "def g():\n    return OAuth2Session('id', **CONF['google'])\n"),
    # The settings module's list looked up by a constant name.
    "getattr of the settings module": (
        "from app import settings\n\n\ndef g():\n"
        "    return OAuth2Session('id', scope=getattr(settings, 'SCOPES'))\n"),
    "vars of the settings module": (
        "from app import settings\n\n\ndef g():\n"
        "    return OAuth2Session('id', scope=vars(settings)['SCOPES'])\n"),
    # Constructors taking the scopes by position: requests-oauthlib's fifth
    # parameter, google-auth's ``Credentials`` seventh.
    "requests-oauthlib by position": (
        "def g():\n    return OAuth2Session('id', None, None, None, list(SCOPES))\n"),
    "google-auth Credentials by position": (
        "from google.oauth2.credentials import Credentials\n\n\ndef g(token):\n"
        "    return Credentials(token, None, None, None, 'id', 's', list(SCOPES))\n"),
    # Google's authorization URL built by hand: joined, as an f-string, the query
    # encoded first, sent as a request's query, or on a host given elsewhere.
    "Google authorize URL joined": (
        "from urllib.parse import urlencode\n\n\ndef g():\n"
        "    return 'https://accounts.google.com/o/oauth2/auth?' + urlencode(\n"
        "        {'scope': ' '.join(SCOPES), 'client_id': 'id'})\n"),
    "Google authorize URL in an f-string": (
        "from urllib.parse import urlencode\n\n\ndef g():\n"
        "    query = urlencode({'scope': ' '.join(SCOPES)})\n"
        "    return f'https://accounts.google.com/o/oauth2/auth?{query}'\n"),
    "Google authorize URL with a query": (
        "import requests\n\nGOOGLE_AUTH_URL = 'https://accounts.google.com/o/oauth2/auth'\n"
        "\n\ndef g():\n"
        "    return requests.get(GOOGLE_AUTH_URL, params={'scope': ' '.join(SCOPES)})\n"),
    "authorize URL on a host given elsewhere": (
        "import requests\n\n\ndef g(base):\n    return requests.get(\n"
        "        base + '/o/oauth2/auth', params={'scope': ' '.join(SCOPES)})\n"),
    # A dict of keywords filled by key before it is spread or given whole, and a dict
    # of keywords under a key naming one (authlib's ``client_kwargs``) spread.
    "local dict filled by key": ("def g():\n    kwargs = {}\n    kwargs['scope'] = SCOPES\n"
                                 "    return OAuth2Session('id', **kwargs)\n"),
    "module dict filled by key": ("KW = {}\nKW['scope'] = ' '.join(SCOPES)\n\n\n"
                                  "def g(oauth):\n    oauth.register('google', client_kwargs=KW)\n"),
    "client_kwargs in a spread dict": (
        "def g(oauth):\n    oauth.register('google', **{'client_id': 'id', "
        "'client_kwargs': {'scope': ' '.join(SCOPES)}})\n"),
    "client_kwargs under a key of a module dict": (
        "CONF = {'google': {'client_kwargs': {'scope': ' '.join(SCOPES)}}}\n\n\n"
        "def g(oauth):\n    oauth.register('google', **CONF['google'])\n"),
    "client_kwargs of dict() spread": (
        "def g(oauth):\n    oauth.register('google', **dict(client_kwargs=dict(scope=SCOPES)))\n"),
}
# The same module text, the list going nowhere another library reads it.
_NOT_GIVEN = {
    "local alias": ("def g():\n    wanted = SCOPES\n    print(len(wanted))\n"
                    "    return OAuth2Session('id', scope='openid')\n"),
    "joined": "def g():\n    return OAuth2Session('id', state=' '.join(SCOPES))\n",
    "dict spread": "def g():\n    return OAuth2Session('id', **{'state': list(SCOPES)})\n",
    "msal first argument": "def g(app):\n    return app.remove_account(list(SCOPES))\n",
    # A local list of the function under the imported list's name: Google's own.
    "local list shadowing it": ("def g():\n    SCOPES = ['openid', 'email']\n"
                                "    return OAuth2Session('id', scope=SCOPES)\n"),
    "called lambda": ("def g():\n    wanted = (lambda: list(SCOPES))()\n    print(wanted)\n"
                      "    return OAuth2Session('id', scope='openid')\n"),
    # The function reads the list but returns another.
    "function of the module": ("def login_scopes():\n    print(SCOPES)\n    return ['openid']\n"
                               "\n\ndef g():\n    return OAuth2Session('id', scope=login_scopes())\n"),
    # Another object's ``default``, and MSAL's code given alone: no scopes there.
    "google.auth.default": "def g(registry):\n    return registry.default(list(SCOPES))\n",
    "msal code redeemed": ("def g(app):\n    return app.acquire_token_by_authorization_code("
                           "' '.join(SCOPES))\n"),
    "method of a class": ("class Login:\n    def scopes(self):\n        print(SCOPES)\n"
                          "        return ['openid']\n\n    def g(self):\n"
                          "        return OAuth2Session('id', scope=self.scopes())\n"),
    # A class attribute copying the list, only counted; another dict or key given.
    "class attribute only counted": (
        "class Google:\n    SCOPES = list(SCOPES)\n\n    def session(self):\n"
        "        print(len(self.SCOPES))\n        return OAuth2Session('id', scope='openid')\n"),
    "spread dict a function returns": (
        "def kw():\n    print(SCOPES)\n    return {'scope': ['openid']}\n\n\n"
        "def g():\n    return OAuth2Session('id', **kw())\n"),
    "spread key of a module dict": (
        "CONF = {'google': {'scope': ['openid']}, 'count': len(SCOPES)}\n\n\n"
        "def g():\n    return OAuth2Session('id', **CONF['google'])\n"),
    "getattr of the settings module": (
        "from app import settings\n\n\ndef g():\n"
        "    return OAuth2Session('id', scope=getattr(settings, 'LOGIN_SCOPES', 'openid'))\n"),
    # ``client_secret``'s place, not ``scopes``'s.
    "google-auth Credentials by position": (
        "from google.oauth2.credentials import Credentials\n\n\ndef g(token):\n"
        "    return Credentials(token, None, None, None, 'id', list(SCOPES))\n"),
    # A Google URL only logged, and a query naming the list under another key.
    "Google authorize URL joined": (
        "import logging\n\n\ndef g():\n"
        "    logging.info('https://accounts.google.com/o/oauth2/auth %d', len(SCOPES))\n"),
    "Google authorize URL with a query": (
        "import requests\n\nGOOGLE_AUTH_URL = 'https://accounts.google.com/o/oauth2/auth'\n"
        "\n\ndef g():\n"
        "    return requests.get(GOOGLE_AUTH_URL, params={'state': str(len(SCOPES))})\n"),
    # Filled by key and under a key of keywords, but not as scopes.
    "local dict filled by key": ("def g():\n    kwargs = {}\n    kwargs['state'] = len(SCOPES)\n"
                                 "    return OAuth2Session('id', **kwargs)\n"),
    "client_kwargs in a spread dict": (
        "def g(oauth):\n    oauth.register('google', **{'client_id': 'id', "
        "'client_kwargs': {'state': str(len(SCOPES))}})\n"),
    "local list shadowing it in a closure": (
        "def g():\n    SCOPES = ['openid']\n\n    def inner():\n"
        "        return OAuth2Session('id', scope=SCOPES)\n    return inner\n"),
}
# Django settings, written in the settings module after ``SCOPES``.
_SETTING = {
    "allauth": ('SOCIALACCOUNT_PROVIDERS = {"google": {"SCOPE": SCOPES, '
                '"AUTH_PARAMS": {"access_type": "online"}}}\n'),
    "allauth by key": 'SOCIALACCOUNT_PROVIDERS = {}\nSOCIALACCOUNT_PROVIDERS["google"] = '
                      '{"SCOPE": list(SCOPES)}\n',
    "python-social-auth": "SOCIAL_AUTH_GOOGLE_OAUTH2_SCOPE = list(SCOPES)\n",
    # Sent with python-social-auth's request, over its own ``scope``.
    "python-social-auth extra arguments": (
        "SOCIAL_AUTH_GOOGLE_OAUTH2_AUTH_EXTRA_ARGUMENTS = {'scope': ' '.join(SCOPES)}\n"),
    "allauth provider by name": ('GOOGLE = {"SCOPE": SCOPES}\n'
                                 'SOCIALACCOUNT_PROVIDERS = {"google": GOOGLE}\n'),
    # Authlib's Flask client reads ``GOOGLE_CLIENT_KWARGS`` from the app's config.
    "authlib configuration": "GOOGLE_CLIENT_KWARGS = {'scope': ' '.join(SCOPES)}\n",
}


def _findings(root: Path, google: str = "", settings_more: str = "", more_calls: str = "",
              scopes: str = _LIST, prefix: str = _OAUTH2,
              more: dict[str, str] | None = None) -> set[tuple[str, int, str]]:
    files = {"app/__init__.py": "", "app/nylas_auth.py": _NYLAS.format(more_calls=more_calls),
             "app/settings.py": f"SCOPES = {scopes}\n{settings_more}",
             **({"app/google.py": prefix + google} if google else {}), **(more or {})}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    (root / "pyproject.toml").write_text(
        '[project]\nname = "app"\nversion = "0"\ndependencies = ["nylas"]\n')
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    return {(Path(f.span.path).name, f.span.line, f.code) for f in result.findings}


@pytest.mark.parametrize("shape", list(_GIVEN))
def test_a_list_another_library_gets_in_another_shape_is_not_called_unneeded(
        tmp_path: Path, shape: str) -> None:
    found = _findings(tmp_path, google=_GIVEN[shape])
    # Before, both unused scopes were reported as for a list only Nylas reads.
    assert not {code for _, _, code in found} & {"NYS302", "NYS303"}, found


def test_the_list_alone_still_has_its_unused_scopes_reported(tmp_path: Path) -> None:
    assert _findings(tmp_path) == _UNUSED


@pytest.mark.parametrize("shape", list(_NOT_GIVEN))
def test_a_list_no_other_library_gets_still_has_its_unused_scopes_reported(
        tmp_path: Path, shape: str) -> None:
    assert _findings(tmp_path, google=_NOT_GIVEN[shape]) == _UNUSED


@pytest.mark.parametrize("setting", list(_SETTING))
def test_a_list_in_a_setting_another_library_reads_is_not_called_unneeded(
        tmp_path: Path, setting: str) -> None:
    found = _findings(tmp_path, settings_more=_SETTING[setting])
    assert not {code for _, _, code in found} & {"NYS302", "NYS303"}, found


def test_a_list_in_a_setting_no_library_reads_still_has_its_unused_scopes_reported(
        tmp_path: Path) -> None:
    found = _findings(tmp_path, settings_more="GOOGLE_LOGIN_SCOPE = list(SCOPES)\n")
    assert found == _UNUSED
    found = _findings(tmp_path / "extra", settings_more=(
        "GOOGLE_EXTRA_ARGUMENTS = {'scope': ' '.join(SCOPES)}\n"))
    assert found == _UNUSED


def test_the_nylas_request_is_still_judged_for_what_it_lacks(tmp_path: Path) -> None:
    more_calls = ", api.contacts.all()"
    # ``contacts.read_only`` is in the list: nothing lacks; drop it and it does.
    assert _findings(tmp_path / "all", google=_GIVEN["joined"], more_calls=more_calls) == set()
    found = _findings(tmp_path / "lacking", google=_GIVEN["joined"], more_calls=more_calls,
                      scopes='["email.read_only", "calendar"]')
    assert {(name, code) for name, _, code in found} == {("nylas_auth.py", "NYS301")}, found


# API v3: the config dict is the Nylas request's own, by keyword too; given to authlib
# as well (joined, under ``client_kwargs``), its items serve Google's sign-in.
_V3 = '''from nylas import Client

client = Client(api_key="key")
SCOPES = ["https://www.googleapis.com/auth/gmail.readonly",
          "https://www.googleapis.com/auth/contacts.readonly"]


def login():
    return client.auth.url_for_oauth2(config={{"client_id": "c", "redirect_uri": "r",
                                               "provider": "google", "scope": SCOPES}})


def inbox(grant_id):
    return client.messages.list(grant_id)
{more}'''
_AUTHLIB = '''

def google(oauth):
    oauth.register("google", client_kwargs={"scope": " ".join(SCOPES)})
'''


@pytest.mark.parametrize(("more", "expected"), [
    ("", {("main.py", 5, "NYS303")}), (_AUTHLIB, set())], ids=["alone", "authlib"])
def test_an_api_v3_config_given_by_keyword_is_a_nylas_request(
        tmp_path: Path, more: str, expected: set[tuple[str, int, str]]) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app/__init__.py").write_text("")
    (tmp_path / "app/main.py").write_text(_V3.format(more=more))
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert {(Path(f.span.path).name, f.span.line, f.code) for f in result.findings} == expected


# API v3's hosted authentication built by hand: a query sent to Nylas's host (or to
# API v3's path on another host, a proxy) is the Nylas request's own, judged; the same
# query sent to Google's authorization URL is Google's.
_V3_URL = """

def hosted_url():
    query = urlencode({"client_id": "c", "redirect_uri": "r", "provider": "google",
                       "response_type": "code", "scope": " ".join(SCOPES)})
    return f"https://URL?{query}"
"""


@pytest.mark.parametrize(("url", "expected"), [
    ("api.us.nylas.com/v3/connect/auth", {("main.py", 6, "NYS303")}),
    ("auth.example.com/v3/connect/auth", {("main.py", 6, "NYS303")}),
    ("accounts.google.com/o/oauth2/auth", set())], ids=["nylas", "proxy", "google"])
def test_a_query_sent_to_nylas_s_host_stays_the_nylas_request_s(
        tmp_path: Path, url: str, expected: set[tuple[str, int, str]]) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app/__init__.py").write_text("")
    (tmp_path / "app/main.py").write_text(
        "from urllib.parse import urlencode\n" + _V3.format(more=_V3_URL.replace("URL", url)))
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert {(Path(f.span.path).name, f.span.line, f.code) for f in result.findings} == expected


_NATIVE_AUTH = '''import os

import requests

API_SERVER = "https://api.nylas.com"
NATIVE_SCOPES = ("email.read_only", "calendar", "contacts.read_only")


def connect_account(name, email, settings):
    body = {
        "client_id": os.environ["NYLAS_CLIENT_ID"],
        "name": name,
        "email_address": email,
        "provider": "imap",
        "settings": settings,
        "scopes": NATIVE_SCOPES,
    }
    response = requests.METHOD(f"{API_SERVER}/connect/authorize", json=body, timeout=30)
    return response.json()["code"]
'''


@pytest.mark.parametrize("method", ["post", "request"])
def test_a_raw_native_auth_request_is_a_nylas_request(tmp_path: Path, method: str) -> None:
    # The dict a request to Nylas's ``/connect/authorize`` sends is that request's:
    # its scope key is no other library's sign-in, and its unused scopes are reported.
    native = _NATIVE_AUTH.replace("METHOD", method)
    if method == "request":
        native = native.replace('requests.request(f"', 'requests.request("POST", f"')
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "native.py").write_text(native)
    (tmp_path / "app" / "inbox.py").write_text(
        "from nylas import APIClient\n\n\ndef digest(token):\n"
        "    api = APIClient('id', 'secret', token)\n"
        "    return [m.subject for m in api.messages.where(limit=5)]\n")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "app"\nversion = "0"\ndependencies = ["nylas"]\n')
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    found = {(Path(f.span.path).name, f.span.line, f.code) for f in result.findings}
    assert found == {("native.py", 6, "NYS303")}, found


# Another module of the project holds what the other library gets: a function
# returning the list, a dict of keywords spread into the call, or a wrapper handing
# its parameter on.  Each control's module holds something else under that name.
_SCOPES_MODULE = ("from app.settings import SCOPES\n\n\ndef login_scopes():\n"
                  "    return list(SCOPES)\n\n\ndef other_scopes():\n    return ['openid']\n")
_KWARGS_MODULE = "from app.settings import SCOPES\n\nOAUTH_KWARGS = "
_WRAPPER_MODULE = "from requests_oauthlib import OAuth2Session\n\n\ndef google_session(scopes):\n"
_CALLER = ("from app.google import google_session\nfrom app.settings import SCOPES\n\n\n"
           "def sign_in():\n    return google_session(SCOPES)\n")
_OTHER_MODULE = {
    "function": lambda given: {"app/scopes.py": _SCOPES_MODULE, "app/google.py": (
        "from requests_oauthlib import OAuth2Session\nfrom app import scopes\n\n\n"
        f"def g():\n    return OAuth2Session('id', scope=scopes.{given}())\n")},
    # The module spreading the dict names no scope: its text still gets read.
    "spread dict": lambda given: {
        "app/oauth_conf.py": f"{_KWARGS_MODULE}{given}\n",
        "app/google.py": ("from requests_oauthlib import OAuth2Session\n"
                          "from app.oauth_conf import OAUTH_KWARGS\n\n\n"
                          "def g():\n    return OAuth2Session(**OAUTH_KWARGS)\n")},
    "wrapper by position": lambda given: {
        "app/cli.py": _CALLER, "app/google.py": _WRAPPER_MODULE + given},
    # A class of another module copying the list into its attribute, given through a
    # subclass's ``self`` (the module giving it names no list of its own).
    "class attribute": lambda given: {
        "app/providers.py": ("from app.settings import SCOPES\n\n\nclass Google:\n"
                             "    SCOPES = list(SCOPES)\n"),
        "app/google.py": ("from requests_oauthlib import OAuth2Session\n"
                          "from app.providers import Google\n\n\nclass Login(Google):\n"
                          f"    def g(self):\n{given}")},
}
_HANDED = {"function": "login_scopes", "spread dict": "{'client_id': 'id', 'scope': SCOPES}",
           "wrapper by position": "    return OAuth2Session('id', scope=scopes)\n",
           "class attribute": "        return OAuth2Session('id', scope=self.SCOPES)\n"}
_NOT_HANDED = {"function": "other_scopes",
               "spread dict": "{'client_id': 'id', 'scope': ['openid']}",
               "wrapper by position": ("    print(scopes)\n"
                                       "    return OAuth2Session('id', scope='openid')\n"),
               "class attribute": ("        print(len(self.SCOPES))\n"
                                   "        return OAuth2Session('id', scope='openid')\n")}


@pytest.mark.parametrize("shape", list(_OTHER_MODULE))
def test_a_list_another_module_hands_to_another_library_is_not_called_unneeded(
        tmp_path: Path, shape: str) -> None:
    found = _findings(tmp_path, more=_OTHER_MODULE[shape](_HANDED[shape]))
    # Before, ``calendar`` and ``contacts.read_only`` were reported unused (NYS303).
    assert not {code for _, _, code in found} & {"NYS302", "NYS303"}, found


@pytest.mark.parametrize("shape", list(_OTHER_MODULE))
def test_a_list_another_module_does_not_hand_over_still_has_its_unused_scopes_reported(
        tmp_path: Path, shape: str) -> None:
    assert _findings(tmp_path, more=_OTHER_MODULE[shape](_NOT_HANDED[shape])) == _UNUSED


# A dict of keywords in another module, spread into (or handed to) authlib's
# ``oauth.register``: the whole dict reaches that library, so every list it names does,
# whatever shape the dict is built in and whatever expression holds the list.
_AUTHLIB_USER = ("from authlib.integrations.flask_client import OAuth\n"
                 "from app.oauth_conf import GOOGLE\n\noauth = OAuth()\n")
_SPREAD = _AUTHLIB_USER + "oauth.register('google', **GOOGLE)\n"
_HANDED_DICT = _AUTHLIB_USER + "oauth.register('google', client_kwargs=GOOGLE)\n"
_BASE = "BASE = {'client_id': 'id'}\n"
_DICT_SHAPES = {
    "dict keywords": ("GOOGLE = dict(scope=SCOPES)\n", _SPREAD),
    "dict scopes keyword": ("GOOGLE = dict(scopes=SCOPES)\n", _SPREAD),
    "nested client_kwargs": ("GOOGLE = dict(client_kwargs={'scope': SCOPES})\n", _SPREAD),
    "dict of a display": ("GOOGLE = dict({'scope': SCOPES})\n", _SPREAD),
    "display spreading a base": (_BASE + "GOOGLE = {**BASE, 'scope': SCOPES}\n", _SPREAD),
    "dict of a base": (_BASE + "GOOGLE = dict(BASE, scope=SCOPES)\n", _SPREAD),
    "a base holding the list": ("BASE = dict(scope=SCOPES)\n"
                                "GOOGLE = {**BASE, 'client_id': 'id'}\n", _SPREAD),
    "joined under client_kwargs": (
        "GOOGLE = {'client_kwargs': {'scope': ' '.join(SCOPES)}}\n", _SPREAD),
    "f-string": ("GOOGLE = {'client_kwargs': {'scope': f\"openid {' '.join(SCOPES)}\"}}\n",
                 _SPREAD),
    "percent format": ("GOOGLE = {'scope': 'openid %s' % ','.join(SCOPES)}\n", _SPREAD),
    "generator joined": ("GOOGLE = {'scope': ' '.join(s for s in sorted(SCOPES))}\n",
                         _SPREAD),
    "handed as client_kwargs": ("GOOGLE = {'scope': ' '.join(SCOPES)}\n", _HANDED_DICT),
}
# Each control names the list nowhere the other library gets it.
_DICT_CONTROLS = {
    "another list under the key": ("GOOGLE = dict(scope=['openid'], prompt='consent')\n"
                                    "COUNT = len(SCOPES)\n", _SPREAD),
    "dict only logged": ("GOOGLE = dict(client_kwargs={'scope': ' '.join(SCOPES)})\n",
                         "import logging\nfrom app.oauth_conf import GOOGLE\n\n"
                         "logging.info('%d settings', len(GOOGLE))\n"),
}


def _dict_findings(root: Path, shape: tuple[str, str]) -> set[tuple[str, int, str]]:
    conf, user = shape
    return _findings(root, more={"app/oauth_conf.py": "from app.settings import SCOPES\n\n"
                                 + conf, "app/google.py": user})


@pytest.mark.parametrize("shape", list(_DICT_SHAPES))
def test_a_list_in_another_modules_dict_given_to_another_library_is_not_called_unneeded(
        tmp_path: Path, shape: str) -> None:
    found = _dict_findings(tmp_path, _DICT_SHAPES[shape])
    # Before, ``calendar`` and ``contacts.read_only`` were reported unused (NYS303).
    assert not {code for _, _, code in found} & {"NYS302", "NYS303"}, found


@pytest.mark.parametrize("shape", list(_DICT_CONTROLS))
def test_a_list_in_a_dict_no_other_library_gets_still_has_its_unused_scopes_reported(
        tmp_path: Path, shape: str) -> None:
    assert _dict_findings(tmp_path, _DICT_CONTROLS[shape]) == _UNUSED
