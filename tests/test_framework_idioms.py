"""Web-framework apps written the way real projects are: a Flask extension object
whose property makes the client, Django views and model methods, application
factories.  Each test is one small app and one analysis."""

from __future__ import annotations

from pathlib import Path

from fake_apps import Found, analysed, write_app

_V2_PYPROJECT = "[project]\nname = 'app'\ndependencies = ['flask', 'nylas>=5,<6']\n"

# A Flask extension whose property makes the application's client.
_EXTENSION = """\
from flask import current_app
from nylas import APIClient


class Nylas:
    def init_app(self, app):
        app.extensions["nylas"] = self

    @property
    def app_client(self):
        cfg = current_app.config
        return APIClient(cfg["NYLAS_CLIENT_ID"], cfg["NYLAS_CLIENT_SECRET"])

    def client_for(self, token):
        cfg = current_app.config
        return APIClient(cfg["NYLAS_CLIENT_ID"], cfg["NYLAS_CLIENT_SECRET"], token)


nylas = Nylas()
"""

_INBOX = """\
from app.ext import nylas


def inbox(token):
    return [t.subject for t in nylas.client_for(token).threads.where(limit=5)]
"""

# Another request, for the contacts only.
_CONTACTS_LOGIN = """\
from nylas import APIClient


def contacts_login():
    return APIClient("id", "secret").authentication_url(
        "https://a.example/cb", scopes=["contacts.read_only"])
"""


def _found(root: Path, files: dict[str, str]) -> list[Found]:
    write_app(root, {"app/__init__.py": "", "app/ext.py": _EXTENSION, "app/inbox.py": _INBOX,
                     **files}, _V2_PYPROJECT)
    return sorted((Path(f.span.path).name, f.span.line, f.code + " " + f.message)
                  for f in analysed(root))


# A single sign-on object of the project's own, whose ``authentication_url`` is no
# Nylas request.
_PROJECT_SSO = """\
class _Google:
    def authentication_url(self, scopes):
        return "https://accounts.example/auth?" + "+".join(scopes)


class _Provider:
    google = _Google()


provider = _Provider()
"""


def test_request_on_an_extension_property_with_unread_scopes_is_a_request(
        tmp_path: Path) -> None:
    """``nylas.app_client.authentication_url(scopes=current_app.config[...])``: the
    property makes a client, so this is a Nylas request whose scopes cannot be read.
    It may grant the mail the inbox reads: the contacts-only request elsewhere does
    not make the inbox's call missing a scope, and the request is named unresolved."""
    login = """\
    from flask import current_app

    from app.ext import nylas


    def login():
        return nylas.app_client.authentication_url(
            "https://a.example/cb", scopes=current_app.config["NYLAS_SCOPES"])
    """
    found = _found(tmp_path, {"app/login.py": login, "app/contacts.py": _CONTACTS_LOGIN})
    assert [f for f in found if f[2].startswith("NYS301")] == []
    assert ("login.py", 7, "NYS304") in {(name, line, code[:6]) for name, line, code in found}


def test_request_on_an_extension_property_with_a_literal_keeps_its_findings(
        tmp_path: Path) -> None:
    """The same request with its scopes written out is judged as before: the inbox
    only reads, so ``email.modify`` is broader than needed, and a call the union of
    the requests does not grant is still missing its scope."""
    login = """\
    from app.ext import nylas


    def login():
        return nylas.app_client.authentication_url(
            "https://a.example/cb", scopes=["email.modify"])
    """
    send = """\
    from app.ext import nylas


    def notify(token):
        draft = nylas.client_for(token).drafts.create(to=[{"email": "a@b.example"}])
        draft.send()
    """
    found = _found(tmp_path, {"app/login.py": login, "app/contacts.py": _CONTACTS_LOGIN,
                              "app/send.py": send})
    codes = {(name, line, code[:6]) for name, line, code in found}
    assert ("login.py", 6, "NYS302") in codes
    assert ("send.py", 6, "NYS301") in codes
    assert not any(code == "NYS304" for _, _, code in codes)


def test_authentication_url_of_another_library_stays_no_request(tmp_path: Path) -> None:
    """An ``authentication_url`` of an object that holds no Nylas client, with scopes
    that name no Nylas scope, is another library's sign-in: the contacts-only
    request alone is judged, and the inbox's call is missing its mail scope."""
    login = """\
    from app.sso import provider


    def login():
        return provider.google.authentication_url(scopes=["openid", "profile"])
    """
    found = _found(tmp_path, {"app/login.py": login, "app/sso.py": _PROJECT_SSO,
                              "app/contacts.py": _CONTACTS_LOGIN})
    codes = {(name, line, code[:6]) for name, line, code in found}
    assert ("inbox.py", 5, "NYS301") in codes
    assert not any(name == "login.py" for name, _, _ in codes)


# A Django view module asking for Gmail's modify scope and reading threads through
# the factory of ``app/clients.py``.
_DJANGO_VIEWS = """\
from app.clients import nylas_client


def login():
    return nylas_client().auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.modify"],
    })


def inbox(grant):
    return nylas_client().threads.list(grant).data
"""
_GMAIL_MODIFY = "https://www.googleapis.com/auth/gmail.modify"


def _factory_findings(root: Path, clients: str) -> set[tuple[str, int, str]]:
    write_app(root, {"app/__init__.py": "", "app/clients.py": clients,
                     "app/views.py": _DJANGO_VIEWS})
    return {(Path(f.span.path).name, f.span.line, f.code) for f in analysed(root)}


def test_factory_annotated_as_the_client_gives_a_client(tmp_path: Path) -> None:
    """``def nylas_client() -> Client: return apps.get_app_config("app").nylas``: the
    body reads an attribute Django's registry gives, the annotation says it is the
    SDK's client.  The threads are only read, so Gmail's modify scope is broader
    than needed, and nothing is left unresolved."""
    clients = """\
    from django.apps import apps
    from nylas import Client


    def nylas_client() -> Client:
        return apps.get_app_config("app").nylas
    """
    found = _factory_findings(tmp_path, clients)
    assert found == {("views.py", 7, "NYS302")}


def test_factory_without_the_annotation_stays_unresolved(tmp_path: Path) -> None:
    """The same factory without its annotation cannot be told to give a client: its
    calls are unresolved and the scope is not called broader than needed."""
    clients = """\
    from django.apps import apps


    def nylas_client():
        return apps.get_app_config("app").nylas
    """
    found = _factory_findings(tmp_path, clients)
    assert ("views.py", 12, "NYS304") in found
    assert not any(code == "NYS302" for _, _, code in found)


def test_factory_annotated_as_a_project_subclass_stays_unresolved(tmp_path: Path) -> None:
    """Annotated with the project's own subclass of the client, the factory may give
    an instance of a further subclass the annotation does not show: unresolved."""
    clients = """\
    from django.apps import apps
    from nylas import Client


    class AppClient(Client):
        pass


    def nylas_client() -> AppClient:
        return apps.get_app_config("app").nylas
    """
    found = _factory_findings(tmp_path, clients)
    assert ("views.py", 12, "NYS304") in found
    assert not any(code == "NYS302" for _, _, code in found)


# A Flask extension that keeps the client, and a login asking for Gmail's read and
# send scopes; ``app/views.py`` reads mail through a Werkzeug proxy of the client.
_PROXY_EXTENSION = """\
from flask import current_app
from nylas import Client
from werkzeug.local import LocalProxy


class NylasExt:
    def init_app(self, app):
        self.client = Client(app.config["NYLAS_API_KEY"])
        app.extensions["nylas"] = self


nylas_ext = NylasExt()
nylas = LocalProxy({proxied})
"""
_PROXY_LOGIN = """\
from app.ext import nylas_ext


def login():
    return nylas_ext.client.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": ["https://www.googleapis.com/auth/gmail.readonly",
                  "https://www.googleapis.com/auth/gmail.send"]})
"""
_PROXY_VIEWS = """\
from app.ext import nylas


def inbox(grant):
    return nylas.messages.list(grant).data
"""


def _proxy_findings(root: Path, proxied: str) -> set[tuple[str, int, str]]:
    write_app(root, {"app/__init__.py": "", "app/login.py": _PROXY_LOGIN,
                     "app/ext.py": _PROXY_EXTENSION.format(proxied=proxied),
                     "app/views.py": _PROXY_VIEWS})
    return {(Path(f.span.path).name, f.span.line, f.code) for f in analysed(root)}


def test_werkzeug_proxy_of_a_function_is_what_it_returns(tmp_path: Path) -> None:
    """``nylas = LocalProxy(lambda: current_app.extensions["nylas"].client)``: every
    use of the proxy is one of the client the function returns, so the inbox only
    reads mail and Gmail's send scope is unused."""
    found = _proxy_findings(tmp_path, 'lambda: current_app.extensions["nylas"].client')
    assert found == {("login.py", 8, "NYS303")}


def test_werkzeug_proxy_of_an_attribute_stays_unresolved(tmp_path: Path) -> None:
    """``LocalProxy(get_ext, name="client")`` gives the ``client`` attribute of what
    the function returns, which is not read: the proxy's calls stay unresolved and
    the send scope is not called unused."""
    found = _proxy_findings(tmp_path, 'lambda: current_app.extensions["nylas"], name="client"')
    assert ("views.py", 5, "NYS304") in found
    assert not any(code == "NYS303" for _, _, code in found)


def test_request_on_a_receiver_the_analysis_cannot_tell_is_unresolved(tmp_path: Path) -> None:
    """``def login(nylas_client): return nylas_client.authentication_url(url,
    scopes=current_app.config["NYLAS_SCOPES"])``, called only by the framework: the
    receiver may be a client and the scopes cannot be read, so the request may grant
    the mail the inbox reads.  It is named unresolved, and the contacts-only request
    does not make the inbox's call missing a scope."""
    login = """\
    from flask import current_app


    def login(nylas_client):
        return nylas_client.authentication_url(
            "https://a.example/cb", scopes=current_app.config["NYLAS_SCOPES"])
    """
    found = _found(tmp_path, {"app/login.py": login, "app/contacts.py": _CONTACTS_LOGIN})
    codes = {(name, line, code[:6]) for name, line, code in found}
    assert not any(code == "NYS301" for _, _, code in codes)
    assert ("login.py", 5, "NYS304") in codes


def test_unread_scopes_on_another_object_stay_no_request(tmp_path: Path) -> None:
    """The same unread scopes given to the ``authentication_url`` of a project object
    that holds no client (a sign-in helper of its own) are no Nylas request: the
    inbox's call is still missing its mail scope."""
    login = """\
    from flask import current_app

    from app.sso import provider


    def login():
        return provider.google.authentication_url(current_app.config["GOOGLE_SCOPES"])
    """
    found = _found(tmp_path, {"app/login.py": login, "app/sso.py": _PROJECT_SSO,
                              "app/contacts.py": _CONTACTS_LOGIN})
    codes = {(name, line, code[:6]) for name, line, code in found}
    assert ("inbox.py", 5, "NYS301") in codes
    assert not any(name == "login.py" for name, _, _ in codes)
