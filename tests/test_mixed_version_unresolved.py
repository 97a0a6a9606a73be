"""A project that asks for scopes in both API versions (a v2 login beside a v3 one,
mid-migration): a call on a Nylas collection or resource that the endpoint map does
not hold keeps silent the scopes of that name in every version, since the receiver's
version is what the analysis read wrong or could not tell.  A call only one version's
SDK can make stays narrow."""

from __future__ import annotations

from pathlib import Path

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_V2_LOGIN = '''from nylas import APIClient

client = APIClient("id", "secret")


def login_url(uri):
    return client.authentication_url(uri, scopes=["email.read_only", "calendar"])


def events():
    return list(client.events.all())
'''
_V3_LOGIN = '''from nylas import Client

nylas = Client(api_key="key")
G = "https://www.googleapis.com/auth/"


def login_url(uri):
    return nylas.auth.url_for_oauth2({
        "client_id": "cid", "redirect_uri": uri, "provider": "google",
        "scope": [G + "gmail.readonly", G + "calendar"],
    })


def calendars(grant):
    return nylas.calendars.list(grant)
'''
# ``messages.list`` is the v3 SDK's; the annotation says v2, and no caller is seen.
_ANNOTATED_V2 = '''from nylas import APIClient


def subjects(raw: APIClient, grant):
    return [m.subject for m in raw.messages.list(grant).data]
'''
# ``messages.all`` is the v2 SDK's, called on the v3 client.
_V2_SHAPE_ON_V3 = '''from app.auth_v3 import nylas


def subjects():
    return [m.subject for m in nylas.messages.all()]
'''
# ``labels`` is a v2 collection only: the v3 SDK has no such resource.
_V2_ONLY_NAME = '''from app.auth_v2 import client


def names():
    return [label.display_name for label in client.labels.everything()]
'''
# Only v2 model objects have methods: this is no v3 call, whoever ``message`` is.
_V2_MODEL_METHOD = '''import nylas  # noqa: F401


def handle(message):
    message.mark_as_read()
'''

_GMAIL = "https://www.googleapis.com/auth/gmail.readonly"
_CALENDAR = "https://www.googleapis.com/auth/calendar"
# What the two logins alone are told: each unused mail scope, each broad calendar.
_BOTH_ALONE = {
    ("auth_v2.py", "NYS303", "email.read_only"),
    ("auth_v2.py", "NYS302", "calendar"),
    ("auth_v3.py", "NYS303", _GMAIL),
    ("auth_v3.py", "NYS302", _CALENDAR),
}


def _claims(root: Path, files: dict[str, str]) -> tuple[set[tuple[str, str, str]], int]:
    """The claims on requested scopes (module, code, scope), and how many NYS304."""
    for name, text in {"app/__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[project]\nname = "app"\nversion = "0"\ndependencies = ["nylas"]\n')
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    claims = {(Path(f.span.path).name, f.code, f.message.split("'")[1])
              for f in result.findings if f.code in {"NYS301", "NYS302", "NYS303"}}
    return claims, sum(f.code == "NYS304" for f in result.findings)


def _mixed(root: Path, mail: str) -> tuple[set[tuple[str, str, str]], int]:
    return _claims(root, {"app/auth_v2.py": _V2_LOGIN, "app/auth_v3.py": _V3_LOGIN,
                          "app/mail.py": mail})


def test_the_two_logins_alone_are_judged_each_in_its_own_version(tmp_path: Path) -> None:
    assert _mixed(tmp_path, "") == (_BOTH_ALONE, 0)


def test_a_v3_call_on_a_parameter_annotated_as_a_v2_client_silences_v3_mail_scopes(
        tmp_path: Path) -> None:
    claims, unresolved = _mixed(tmp_path, _ANNOTATED_V2)
    # Neither version's mail scope is claimed unused; the calendar claims stay.
    assert claims == _BOTH_ALONE - {("auth_v2.py", "NYS303", "email.read_only"),
                                    ("auth_v3.py", "NYS303", _GMAIL)}
    assert unresolved == 1


def test_a_v2_call_on_a_v3_client_silences_v2_mail_scopes(tmp_path: Path) -> None:
    claims, unresolved = _mixed(tmp_path, _V2_SHAPE_ON_V3)
    assert claims == _BOTH_ALONE - {("auth_v2.py", "NYS303", "email.read_only"),
                                    ("auth_v3.py", "NYS303", _GMAIL)}
    assert unresolved == 1


def test_a_v2_only_project_keeps_its_verdicts(tmp_path: Path) -> None:
    # Control: the same unmapped call in a project that asks only for v2 scopes.
    claims, unresolved = _claims(tmp_path, {"app/auth_v2.py": _V2_LOGIN,
                                            "app/mail.py": _ANNOTATED_V2})
    assert claims == {("auth_v2.py", "NYS302", "calendar")}
    assert unresolved == 1


def test_an_unmapped_call_on_a_collection_only_v2_has_keeps_v3_verdicts(
        tmp_path: Path) -> None:
    # Control: the v3 SDK has no ``labels``, so the call is v2's whatever ``client`` is.
    claims, unresolved = _mixed(tmp_path, _V2_ONLY_NAME)
    assert ("auth_v3.py", "NYS303", _GMAIL) in claims
    assert ("auth_v3.py", "NYS302", _CALENDAR) in claims
    assert unresolved == 1


def test_a_v2_model_method_on_an_unknown_receiver_keeps_v3_verdicts(tmp_path: Path) -> None:
    # Control: ``mark_as_read`` needs ``email.modify``, which nothing requests, so
    # ``email.read_only`` is still unneeded; v3 models have no methods.
    claims, unresolved = _mixed(tmp_path, _V2_MODEL_METHOD)
    assert claims == _BOTH_ALONE
    assert unresolved == 1


_BOUND = '''from nylas import APIClient


def subjects(raw: APIClient, grant):
    lister = raw.messages.{method}
    return [m.subject for m in lister(grant)]
'''


def test_a_v3_method_bound_from_a_v2_collection_is_unresolved(tmp_path: Path) -> None:
    # Before, ``raw.messages.list`` read this way was no method at all, and its call
    # went unseen: both mail scopes were claimed unused.
    claims, unresolved = _mixed(tmp_path, _BOUND.format(method="list"))
    assert claims == _BOTH_ALONE - {("auth_v2.py", "NYS303", "email.read_only"),
                                    ("auth_v3.py", "NYS303", _GMAIL)}
    assert unresolved == 1


def test_a_v2_method_bound_from_a_v2_collection_is_a_v2_request(tmp_path: Path) -> None:
    # Control: ``messages.all`` is mapped (GET /messages, ``email.read_only``); the v3
    # mail scope is still judged.
    claims, unresolved = _mixed(tmp_path, _BOUND.format(method="all"))
    assert claims == _BOTH_ALONE - {("auth_v2.py", "NYS303", "email.read_only")}
    assert unresolved == 0


# ``create`` with the grant given by position is API v3's resource method (a request);
# API v2's ``create(**attrs)`` takes keywords only and builds an unsaved model.
_V3_CREATE_ON_V2 = '''from typing import cast

from nylas import APIClient


def add(raw: APIClient, grant):
    return raw.events.create(grant, request_body={"title": "x"})


def add_cast(raw, grant):
    return cast(APIClient, raw).events.create(grant, request_body={"title": "x"})
'''
_V2_CREATE_ON_V2 = '''from nylas import APIClient


def add(raw: APIClient):
    event = raw.events.create(title="x", calendar_id="primary")
    event.save()
'''
# Neither calendar scope is claimed broader than needed: the create may be v3's
# POST /events, which needs more than reading calendars.
_EVENT_CLAIMS_SILENT = _BOTH_ALONE - {("auth_v2.py", "NYS302", "calendar"),
                                      ("auth_v3.py", "NYS302", _CALENDAR)}


def test_a_v3_create_on_a_v2_reading_silences_both_calendar_scopes(tmp_path: Path) -> None:
    # Before, the call was read as v2's model builder, which sends nothing: Google's
    # calendar scope was claimed broader than needed, though the create needs it.
    claims, unresolved = _mixed(tmp_path, _V3_CREATE_ON_V2)
    assert claims == _EVENT_CLAIMS_SILENT
    assert unresolved == 2


def test_a_v2_create_given_keywords_stays_v2s_model_builder(tmp_path: Path) -> None:
    # Control: keywords only, then ``save()`` (POST /events, v2's ``calendar``): the v3
    # calendar scope is still claimed broader than needed.
    claims, unresolved = _mixed(tmp_path, _V2_CREATE_ON_V2)
    assert claims == _BOTH_ALONE - {("auth_v2.py", "NYS302", "calendar")}
    assert unresolved == 0


# API v3's ``create`` given its keywords (``identifier``, ``request_body``) instead of
# by position, and a ``create`` bound first and called later as v3's is called.
_V3_KEYWORDS_CREATE_ON_V2 = '''from nylas import APIClient


def add(raw: APIClient, grant):
    return raw.events.create(identifier=grant, request_body={"title": "x"})


def add2(raw: APIClient, grant):
    maker = raw.events.create
    return maker(grant, request_body={"title": "x"})


def add3(raw: APIClient, grant):
    maker = raw.events.create
    return maker(identifier=grant, request_body={"title": "x"})
'''
# Control: a bound ``create`` called with a model's fields is v2's builder, whose
# ``save()`` needs v2's ``calendar``; nothing here may send v3's POST /events.
_V2_BOUND_CREATE = '''from nylas import APIClient


def add(raw: APIClient):
    maker = raw.events.create
    event = maker(title="x", calendar_id="primary")
    event.save()
'''


def test_a_v3_create_given_v3_keywords_or_bound_is_unresolved(tmp_path: Path) -> None:
    # Before, each of the three calls was read as v2's model builder, which sends
    # nothing: Google's calendar scope was claimed broader than needed.
    claims, unresolved = _mixed(tmp_path, _V3_KEYWORDS_CREATE_ON_V2)
    assert claims == _EVENT_CLAIMS_SILENT
    assert unresolved == 3


def test_a_v2_create_bound_and_given_fields_stays_v2s_model_builder(tmp_path: Path) -> None:
    claims, unresolved = _mixed(tmp_path, _V2_BOUND_CREATE)
    assert claims == _BOTH_ALONE - {("auth_v2.py", "NYS302", "calendar")}
    assert unresolved == 0


# A bound ``create`` of what is read as a v2 collection, handed to a call that is not
# known to call it with a model's fields: that code may call it as API v3's ``create``
# (``scheduler.run(raw.events.create, grant, request_body=...)``), and given keywords
# spread from a value, ``create(**params)`` may be given v3's keywords.
_V3_CREATE_HANDED_ON_V2 = '''from nylas import APIClient


def add(raw: APIClient, grant, scheduler):
    scheduler.run(raw.events.create, grant, request_body={"title": "x"})


def queue(raw: APIClient, jobs):
    jobs.append(raw.events.create)


def spread(raw: APIClient, params):
    return raw.events.create(**params)
'''
# Control: a bound ``create`` given a model's fields by ``functools.partial`` is v2's
# builder, whose ``save()`` needs v2's ``calendar``.
_V2_CREATE_THROUGH_PARTIAL = '''import functools

from nylas import APIClient


def add(raw: APIClient):
    make = functools.partial(raw.events.create, title="x")
    event = make()
    event.save()
'''


def test_a_v2_create_handed_on_or_given_spread_keywords_is_unresolved(
        tmp_path: Path) -> None:
    # Before, the two handed ``create`` were unresolved with v2's event scopes only
    # and the spread call was v2's builder: Google's calendar was claimed broader.
    claims, unresolved = _mixed(tmp_path, _V3_CREATE_HANDED_ON_V2)
    assert claims == _EVENT_CLAIMS_SILENT
    assert unresolved == 3


def test_a_v2_create_given_fields_through_partial_stays_v2s_model_builder(
        tmp_path: Path) -> None:
    claims, unresolved = _mixed(tmp_path, _V2_CREATE_THROUGH_PARTIAL)
    assert claims == _BOTH_ALONE - {("auth_v2.py", "NYS302", "calendar")}
    assert unresolved == 0


# API v2's collections have ``get(id)`` and no ``find``; API v3's resources have
# ``find(identifier, object_id)`` and no ``get``.  A ``find`` on a v2 reading may be
# v3's; a ``get`` cannot be v3's whatever it is given.
_V3_FIND_ON_V2 = '''from nylas import APIClient


def read(raw: APIClient, grant, message_id):
    return raw.messages.find(grant, message_id)
'''
_V2_GET_WITH_V3_KEYWORDS = '''from nylas import APIClient


def read(raw: APIClient, message_id):
    return raw.messages.get(message_id, query_params={"fields": "x"})
'''


def test_a_v3_find_on_a_v2_reading_silences_both_mail_scopes(tmp_path: Path) -> None:
    claims, unresolved = _mixed(tmp_path, _V3_FIND_ON_V2)
    assert claims == _BOTH_ALONE - {("auth_v2.py", "NYS303", "email.read_only"),
                                    ("auth_v3.py", "NYS303", _GMAIL)}
    assert unresolved == 1


def test_a_v2_get_given_v3_keywords_stays_v2s_request(tmp_path: Path) -> None:
    # Control: GET /messages/{id} needs v2's ``email.read_only``; v3 has no ``get``, so
    # Gmail's read scope is still claimed unused.
    claims, unresolved = _mixed(tmp_path, _V2_GET_WITH_V3_KEYWORDS)
    assert claims == _BOTH_ALONE - {("auth_v2.py", "NYS303", "email.read_only")}
    assert unresolved == 0
