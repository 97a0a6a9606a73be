"""A client member the endpoint map lacks (``client.nonexistent()``) is one NYS304,
which silences every scope: what its result is used for afterwards adds no second
finding.  A receiver that is not such a result keeps its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_V2 = '''from nylas import APIClient

client = APIClient("id", "secret")


def login(redirect):
    return client.authentication_url(redirect, scopes=["email.read_only", "calendar"])


def work(grant_id):
    client.messages.all()
{body}
'''
_V3 = '''from nylas import Client

client = Client("key")
G = "https://www.googleapis.com/auth/"


def login():
    return client.auth.url_for_oauth2({"client_id": "c", "redirect_uri": "r",
                                       "provider": "google",
                                       "scope": [G + "gmail.readonly", G + "calendar"]})


def work(grant_id):
    client.messages.list(grant_id)
{body}
'''


def _findings(tmp_path: Path, text: str) -> list[tuple[int, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app.py").write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.span.line, f.code, f.message) for f in result.findings
                  if f.code in {"NYS301", "NYS302", "NYS303", "NYS304"})


@pytest.mark.parametrize("app, body", [
    (_V2, "    client.nonexistent().events.all()"),
    (_V2, "    client.nonexistent(grant_id).events.all()"),
    (_V3, "    client.nonexistent().events.list(grant_id)"),
], ids=["v2", "v2-with-arguments", "v3"])
def test_a_result_of_an_unmapped_client_member_is_reported_once(
        tmp_path: Path, app: str, body: str) -> None:
    found = _findings(tmp_path, app.replace("{body}", body))
    # The one finding names the member; the calendar scope is not called unused.
    assert [(code, "nonexistent() is not in the endpoint map" in message)
            for _, code, message in found] == [("NYS304", True)], found


def test_a_use_of_an_unmapped_member_held_in_a_name_silences_every_scope(
        tmp_path: Path) -> None:
    # The member may be a resource a later release added: its calls may need any
    # scope, the calendar's too.
    found = _findings(tmp_path, _V2.replace(
        "{body}", "    member = client.nonexistent\n    member.events.all()"))
    assert [(code, "uses nonexistent, which is not in the endpoint map" in message)
            for _, code, message in found] == [("NYS304", True)], found


def test_a_use_of_a_mapped_member_held_in_a_name_is_judged(tmp_path: Path) -> None:
    found = _findings(tmp_path, _V2.replace(
        "{body}", "    member = client.events\n    member.all()"))
    # Listing events needs calendar.read_only only.
    assert [(code, "'calendar' is broader" in message)
            for _, code, message in found] == [("NYS302", True)], found


def test_a_receiver_of_another_origin_keeps_its_own_finding(tmp_path: Path) -> None:
    # A collection's method the map lacks silences that collection's scopes only:
    # what its result is used for is said on its own.
    found = _findings(tmp_path, _V2.replace(
        "{body}", "    client.messages.nonexistent().events.all()"))
    assert any(code == "NYS304" and "cannot tell whether" in message
               for _, code, message in found), found


_V2_MODEL = '''from nylas import APIClient

client = APIClient("id", "secret")


def login(redirect):
    return client.authentication_url(redirect, scopes=["email.modify", "calendar"])


def work(message_id):
    message = client.messages.get(message_id)
{body}
'''


def test_a_model_method_the_map_lacks_silences_the_model_scopes(tmp_path: Path) -> None:
    # ``move_to_trash`` is no method of nylas-python 4.x or 5.x: it may be a later
    # release's, and may modify the message, so email.modify is not called broader
    # than needed.  A Message method needs no calendar scope: that one stays unused.
    found = _findings(tmp_path, _V2_MODEL.replace("{body}", "    message.move_to_trash()"))
    assert [message.split(" is ")[0] for _, _, message in found] == [
        "NYS303 'calendar'", "NYS304 message.move_to_trash()"], found


@pytest.mark.parametrize("body", [
    "    message.get('subject')",
    "    message.as_json()",
    "    message.subject.lower()",
    "    message.create_reply()",
], ids=["dict-method", "local-method", "field", "result"])
def test_model_methods_that_send_nothing_leave_the_scopes_judged(
        tmp_path: Path, body: str) -> None:
    found = _findings(tmp_path, _V2_MODEL.replace("{body}", body))
    assert [message.split(" is ")[0] for _, _, message in found] == [
        "NYS302 'email.modify'", "NYS303 'calendar'"], found


@pytest.mark.parametrize("app, body", [
    (_V2, "    client.send_raw(grant_id)"),
    (_V3, "    client.send_raw(grant_id)"),
], ids=["v2", "v3"])
def test_a_call_of_an_unmapped_client_member_is_reported_once(
        tmp_path: Path, app: str, body: str) -> None:
    # nylas-python has no ``send_raw`` on either client (only ``Draft.send_raw``).
    found = _findings(tmp_path, app.replace("{body}", body))
    assert [(code, "send_raw" in message) for _, code, message in found] == [
        ("NYS304", True)], found


def test_another_model_s_method_called_on_a_model_silences_its_scopes(
        tmp_path: Path) -> None:
    # ``delete`` is a method of drafts, not of messages (5.x has no DELETE /messages).
    found = _findings(tmp_path, _V2_MODEL.replace("{body}", "    message.delete()"))
    assert [message.split(" is ")[0] for _, _, message in found] == [
        "NYS303 'calendar'", "NYS304 message.delete()"], found


def test_a_field_named_like_a_collection_leaves_the_scopes_judged(tmp_path: Path) -> None:
    # ``Message.files`` and ``Message.events`` are lists of the message's data.
    found = _findings(tmp_path, _V2_MODEL.replace(
        "{body}", "    for f in message.files:\n        print(f)\n    message.events.append(1)"))
    assert [message.split(" is ")[0] for _, _, message in found] == [
        "NYS302 'email.modify'", "NYS303 'calendar'"], found


@pytest.mark.parametrize("body, unresolved", [
    # ``mark_as_read`` is a method of messages: on an event the SDK has none to send.
    ("    either.mark_as_read()", False),
    # Neither a message nor an event has ``move_to_trash``.
    ("    either.move_to_trash()", True),
], ids=["one-model-has-it", "neither-has-it"])
def test_a_receiver_that_may_be_one_of_several_models_is_judged_by_their_methods(
        tmp_path: Path, body: str, unresolved: bool) -> None:
    text = _V2_MODEL.replace("{body}", "    either = message if message_id else "
                             "client.events.get(message_id)\n" + body)
    found = _findings(tmp_path, text)
    assert any(code == "NYS304" for _, code, _ in found) is unresolved, found
    # Not vacuous: the calendar is read (events.get), so nothing calls it unused.
    assert not any(code == "NYS303" for _, code, _ in found), found
