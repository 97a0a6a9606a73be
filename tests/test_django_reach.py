"""Django idioms the analysis follows: a model's default manager, and the scope lists
of a settings class the environment fills.

A Django model's ``objects`` gives instances of the model (``Account.objects.get()``,
``.filter().first()``, ``.get_or_create()[0]``, iterating a query), so a call through
a client one of them makes is read exactly.  Only a class whose bases reach Django's
model class, and that binds no manager of its own, is read so: another class's
``objects`` stays something the analysis cannot tell, and the calls through it stay
unresolved (NYS304) with the usage findings silent.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

# A login asking for mail, calendar and contacts; the views below list messages
# only, so calendar and contacts are unused once every call is followed.
_AUTH = """\
from nylas import APIClient


def login(redirect):
    return APIClient("id", "secret").authentication_url(
        redirect, scopes=["email.read_only", "calendar", "contacts.read_only"])
"""

_MODELS = """\
from django.db import models
from nylas import APIClient


class Timestamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Account(Timestamped):
    access_token = models.CharField(max_length=200)

    def nylas_client(self):
        return APIClient("id", "secret", self.access_token)

    @property
    def client(self):
        return APIClient("id", "secret", self.access_token)


class Registry:
    objects = None

    def nylas_client(self):
        return APIClient("id", "secret", "token")
"""

_UNUSED = [("auth.py", 6, "NYS303"), ("auth.py", 6, "NYS303")]


def _codes(tmp_path: Path, views: str, models: str = _MODELS) -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(_AUTH)
    (tmp_path / "models.py").write_text(models)
    (tmp_path / "views.py").write_text(textwrap.dedent(views))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings
                  if f.code.startswith("NYS3"))


_THROUGH_A_MODEL = {
    "get": """\
        from models import Account


        def inbox(request, pk):
            account = Account.objects.get(pk=pk)
            return account.nylas_client().messages.all()
    """,
    "filter-first": """\
        from models import Account


        def inbox(request, pk):
            account = Account.objects.filter(pk=pk).first()
            return account.client.messages.all()
    """,
    "get-or-create-item": """\
        from models import Account


        def inbox(request, pk):
            account = Account.objects.get_or_create(pk=pk)[0]
            return account.client.messages.all()
    """,
    "get-or-create-unpacked": """\
        from models import Account


        def inbox(request, pk):
            account, _created = Account.objects.get_or_create(pk=pk)
            return account.client.messages.all()
    """,
    "iterated-query": """\
        from models import Account


        def sync(request):
            for account in Account.objects.filter(active=True).order_by("pk"):
                account.client.messages.all()
    """,
    "in-a-chain": """\
        from models import Account


        def inbox(request, pk):
            return Account.objects.get(pk=pk).client.messages.all()
    """,
    "get-object-or-404": """\
        from django.shortcuts import get_object_or_404

        from models import Account


        def inbox(request, pk):
            return get_object_or_404(Account, pk=pk).client.messages.all()
    """,
    "query-data-beside": """\
        from models import Account


        def inbox(request, pk):
            if not Account.objects.filter(pk=pk).exists():
                return None
            Account.objects.filter(pk=pk).update(seen=True)
            return Account.objects.get(pk=pk).client.messages.all()
    """,
}


@pytest.mark.parametrize("views", _THROUGH_A_MODEL.values(), ids=_THROUGH_A_MODEL.keys())
def test_a_call_through_a_django_model_instance_is_followed(tmp_path: Path, views: str) -> None:
    assert _codes(tmp_path, views) == _UNUSED


def test_a_model_instance_calling_another_endpoint_keeps_its_scope(tmp_path: Path) -> None:
    # The events call needs calendar (read-only): calendar is broader than needed,
    # contacts unused, and nothing is unresolved.
    assert _codes(tmp_path, """\
        from models import Account


        def inbox(request, pk):
            Account.objects.get(pk=pk).client.messages.all()
            return Account.objects.get(pk=pk).client.events.all()
    """) == [("auth.py", 6, "NYS302"), ("auth.py", 6, "NYS303")]


_STILL_UNTOLD = {
    "not-a-model": """\
        from models import Registry


        def inbox(request, pk):
            record = Registry.objects.get(pk=pk)
            return record.nylas_client().messages.all()
    """,
    "a-manager-method-the-project-does-not-define": """\
        from models import Account


        def inbox(request, pk):
            account = Account.objects.active().first()
            return account.client.messages.all()
    """,
    "an-instance-method-of-an-unknown-object": """\
        def inbox(request, pk, box):
            account = box.objects.get(pk=pk)
            return account.client.messages.all()
    """,
}


@pytest.mark.parametrize("views", _STILL_UNTOLD.values(), ids=_STILL_UNTOLD.keys())
def test_objects_of_a_class_that_is_no_django_model_stays_unresolved(
        tmp_path: Path, views: str) -> None:
    found = _codes(tmp_path, views)
    assert [code for _, _, code in found] == ["NYS304"], found


def test_a_model_with_a_manager_of_its_own_is_read_through_that_manager(
        tmp_path: Path) -> None:
    # ``objects`` bound to the project's manager: its ``get`` is the project's,
    # whose result is read from its code (here another model's instance).
    models = _MODELS + textwrap.dedent("""\


        class Fake(models.Model):
            def nylas_client(self):
                return None


        class FakeManager(models.Manager):
            def get(self, **fields):
                return Fake()


        class Managed(models.Model):
            objects = FakeManager()

            def nylas_client(self):
                return APIClient("id", "secret", "token")
    """)
    found = _codes(tmp_path, """\
        from models import Managed


        def inbox(request, pk):
            Managed.objects.get(pk=pk).nylas_client().events.all()
            return Managed.objects.first().nylas_client().messages.all()
    """, models)
    # ``first`` is not the project's: unknown, so nothing is called unused.
    assert "NYS303" not in [code for _, _, code in found], found


# -- settings classes the environment fills ------------------------------------------

_SETTINGS = """\
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    scopes: list[str] = ["email.read_only", "calendar"]


settings = Settings()
"""


def _settings_findings(tmp_path: Path, settings: str, login: str) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "config.py").write_text(settings)
    (tmp_path / "app.py").write_text(textwrap.dedent("""\
        from nylas import APIClient

        import config


        def login(redirect):
            return APIClient("id", "secret").authentication_url(redirect, scopes={login})


        def inbox():
            return APIClient("id", "secret", "token").messages.all()
    """).format(login=login))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((f.code, f.message) for f in result.findings if f.code.startswith("NYS3"))


@pytest.mark.parametrize("login", ["config.settings.scopes", "config.Settings().scopes"])
def test_a_scope_list_of_a_settings_class_says_the_environment_may_set_it(
        tmp_path: Path, login: str) -> None:
    found = _settings_findings(tmp_path, _SETTINGS, login)
    assert [code for code, _ in found] == ["NYS304"], found
    message = found[0][1]
    assert "a field of config.Settings, which the environment (or a .env file) may set" \
        in message, message
    assert "--granted-scopes" in message and "--assume-used" in message, message
    assert "other code may" not in message, message


def test_a_plain_class_of_the_same_shape_gets_no_environment_reason(tmp_path: Path) -> None:
    settings = _SETTINGS.replace("from pydantic_settings import BaseSettings",
                                 "from toolkit import Base").replace("(BaseSettings)", "(Base)")
    found = _settings_findings(tmp_path, settings, "config.Settings().scopes")
    # Still unresolved (its base may do anything), for the reason it had.
    assert [code for code, _ in found] == ["NYS304"], found
    assert "environment" not in found[0][1] and "other code may" in found[0][1], found


# -- what middleware stores on the request --------------------------------------------

_MIDDLEWARE = """\
import os

import nylas


class NylasMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.nylas = {stored}
        return self.get_response(request)
"""

_MIXIN_MIDDLEWARE = """\
import os

import nylas
from django.utils.deprecation import MiddlewareMixin


class NylasMiddleware(MiddlewareMixin):
    def process_request(self, request):
        request.nylas = {stored}
"""

_CLIENT = 'nylas.APIClient("id", "secret", os.environ["NYLAS_TOKEN"])'

_FAKE = """\
class FakeMessages:
    def all(self):
        return []


class FakeNylas:
    def __init__(self):
        self.messages = FakeMessages()
"""

_VIEWS = """\
from django.http import JsonResponse


def inbox(request):
    return JsonResponse({"count": len(request.nylas.messages.all())})
"""


def _middleware_codes(tmp_path: Path, middleware: str, views: str = _VIEWS,
                      extra: str = "") -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(_AUTH)
    (tmp_path / "middleware.py").write_text(extra + middleware)
    (tmp_path / "views.py").write_text(views)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings
                  if f.code.startswith("NYS3"))


@pytest.mark.parametrize("middleware", [_MIDDLEWARE, _MIXIN_MIDDLEWARE],
                         ids=["callable", "process-request"])
def test_a_client_middleware_stores_on_the_request_is_followed_into_views(
        tmp_path: Path, middleware: str) -> None:
    assert _middleware_codes(tmp_path, middleware.format(stored=_CLIENT)) == _UNUSED


def test_a_call_a_view_makes_through_the_stored_client_keeps_its_scope(
        tmp_path: Path) -> None:
    views = _VIEWS + "\n\ndef agenda(request):\n    return request.nylas.events.all()\n"
    assert _middleware_codes(tmp_path, _MIDDLEWARE.format(stored=_CLIENT), views) == [
        ("auth.py", 6, "NYS302"), ("auth.py", 6, "NYS303")]


def test_a_fake_a_middleware_stores_does_not_make_the_view_call_no_nylas_call(
        tmp_path: Path) -> None:
    # Another library's middleware may store the client under the same name.
    found = _middleware_codes(tmp_path, _MIDDLEWARE.format(stored="FakeNylas()"),
                              extra=_FAKE)
    assert found == [("views.py", 5, "NYS304")], found


@pytest.mark.parametrize("views", [
    # A parameter of another name is not Django's request as far as the slot goes.
    "def inbox(req):\n    return req.nylas.messages.all()\n",
    # A class-based view's own request is not followed.
    "class Inbox:\n    def get(self, request):\n        return self.request.nylas.messages.all()\n",
], ids=["other-parameter-name", "class-based-view"])
def test_a_read_of_the_request_the_slot_does_not_follow_stays_unresolved(
        tmp_path: Path, views: str) -> None:
    found = _middleware_codes(tmp_path, _MIDDLEWARE.format(stored=_CLIENT), views)
    assert [line for name, line, code in found if name == "views.py" and code == "NYS304"]
    assert not {"NYS302", "NYS303"} & {code for _, _, code in found}, found


def test_a_store_outside_a_middleware_method_still_escapes(tmp_path: Path) -> None:
    middleware = _MIDDLEWARE.format(stored=_CLIENT).replace("def __call__", "def attach")
    found = _middleware_codes(tmp_path, middleware)
    assert ("middleware.py", 11, "NYS304") in found and "NYS303" not in [
        code for _, _, code in found], found


# -- a chain reading the project's client on the way ----------------------------------

@pytest.mark.parametrize("chain", [
    "request.user.account.client.events.all()",
    "request.user.account.nylas_client().events.all()",
    "box.find(pk).client.events.all()",
    "box.find(pk).nylas_client().events.all()",
])
def test_a_chain_through_the_projects_client_on_an_untold_object_is_unresolved(
        tmp_path: Path, chain: str) -> None:
    # ``request.user.account`` (a related model the analysis cannot tell) may be an
    # ``Account``, whose ``client`` the chain then uses: calendar may be needed.
    found = _codes(tmp_path, f"def agenda(request, pk, box):\n    return {chain}\n")
    assert found == [("views.py", 2, "NYS304")], found


def test_a_chain_reading_only_fields_on_an_untold_object_keeps_the_findings(
        tmp_path: Path) -> None:
    assert _codes(tmp_path, """\
        from models import Account


        def agenda(request, pk):
            Account.objects.get(pk=pk).client.messages.all()
            return request.user.account.email.lower()
    """) == _UNUSED
