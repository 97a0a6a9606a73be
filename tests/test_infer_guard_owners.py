"""``infer`` leaves a call under a provider guard out of another provider's minimal
list only where the call uses the grant of the object whose provider the guard
tests (``nylas.events.list(source.grant_id)`` under ``if source.provider ==
"microsoft":``); a call with another object's grant counts for every provider."""

from __future__ import annotations

import ast
from pathlib import Path

from flake8_nylas_scopes.analysis.guard_owners import owned_calls
from flake8_nylas_scopes.analysis.guard_owners import tested_object as object_tested
from flake8_nylas_scopes.analysis.provider_guards import provider_guards
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
# The request names Google's mail scope and a provider chosen at run time: both
# providers are shown, and what the calendar call needs is what changes.
_HEAD = f'''from nylas import Client

nylas = Client("key")


def connect(provider):
    return nylas.auth.url_for_oauth2({{"client_id": "x", "redirect_uri": "y",
                                      "provider": provider, "scope": ["{G}gmail.readonly"]}})


'''
# Google's scope for listing events, which only the guarded call needs.
_EVENTS = f"{G}calendar.events.readonly"


def _inferred(tmp_path: Path, body: str) -> dict[str, list[str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "a"\ndependencies = ["nylas"]\n')
    (tmp_path / "app.py").write_text(_HEAD + body)
    [state] = analyse([str(tmp_path)], make_config(), lambda code: True,
                      use_cache=False).states
    return {dialect: found.scopes for dialect, found in state.provider_inferences.items()}


_MIRROR = '''def mirror(source, target):
    if source.provider == "microsoft":
        nylas.events.list(target.grant_id)
'''


def test_a_call_with_another_objects_grant_counts_for_every_provider(tmp_path: Path) -> None:
    # ``target`` may be a Google grant though ``source`` is Microsoft's.
    inferred = _inferred(tmp_path, _MIRROR)
    assert _EVENTS in inferred["v3/google"]
    assert "Calendars.Read" in inferred["v3/microsoft"]


def test_a_call_with_the_tested_objects_grant_is_kept_to_its_provider(tmp_path: Path) -> None:
    # Control: the call uses the grant the guard tests, only ever Microsoft's.
    inferred = _inferred(tmp_path, _MIRROR.replace("target.grant_id", "source.grant_id"))
    assert _EVENTS not in inferred["v3/google"]
    assert "Calendars.Read" in inferred["v3/microsoft"]


def test_an_item_or_the_identifier_keyword_of_the_tested_object_is_its_grant(
        tmp_path: Path) -> None:
    # Control: ``source["grant_id"]`` and ``identifier=source.grant_id``, in an
    # ``elif`` and a ``match`` on the provider.
    body = '''def mirror(source, target):
    if source.provider == "google":
        pass
    elif source.provider == "microsoft":
        nylas.events.list(source["grant_id"])


def again(source):
    match source.provider:
        case "microsoft":
            nylas.events.list(identifier=source.grant_id)


def once_more(source):
    match source:
        case Account(provider="microsoft"):
            nylas.events.list(source.grant_id)
'''
    assert _EVENTS not in _inferred(tmp_path, body)["v3/google"]


def test_an_elif_or_a_case_using_another_objects_grant_counts_for_every_provider(
        tmp_path: Path) -> None:
    for body in ('''def mirror(source, target):
    if source.provider == "google":
        pass
    elif source.provider == "microsoft":
        nylas.events.list(target["grant_id"])
''', '''def mirror(source, target):
    match source.provider:
        case "microsoft":
            nylas.events.list(identifier=target.grant_id)
''', '''def mirror(source, target):
    match source:
        case Account(provider="microsoft"):
            nylas.events.list(target.grant_id)
'''):
        assert _EVENTS in _inferred(tmp_path, body)["v3/google"], body


def test_the_rest_of_a_block_left_for_a_provider_keeps_only_the_tested_grant(
        tmp_path: Path) -> None:
    body = '''def mirror(source, target):
    if source.provider == "google":
        return
    nylas.events.list({grant})
'''
    assert _EVENTS in _inferred(tmp_path, body.format(grant="target.grant_id"))["v3/google"]
    # Control: the tested object's grant.
    assert _EVENTS not in _inferred(
        tmp_path, body.format(grant="source.grant_id"))["v3/google"]


def test_the_tested_name_bound_again_under_the_guard_counts_for_every_provider(
        tmp_path: Path) -> None:
    body = '''def mirror(source, target):
    if source.provider == "microsoft":
        source = target
        nylas.events.list(source.grant_id)
'''
    assert _EVENTS in _inferred(tmp_path, body)["v3/google"]


def test_a_provider_held_in_a_name_counts_for_every_provider(tmp_path: Path) -> None:
    # ``provider`` says no object: the grant given beside it may be of any provider.
    body = '''def sync(provider, grant_id):
    if provider == "microsoft":
        nylas.events.list(grant_id)
'''
    assert _EVENTS in _inferred(tmp_path, body)["v3/google"]


def test_an_api_v2_client_built_from_the_tested_account_is_still_counted(
        tmp_path: Path) -> None:
    # API v2's scopes are the same for every provider: a guard keeps no v2 call out.
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "a"\ndependencies = ["nylas"]\n')
    (tmp_path / "app.py").write_text('''from nylas import APIClient


def login(client):
    return client.authentication_url("https://a/cb", scopes=["email.read_only"])


def sync(account, other):
    if account.provider == "gmail":
        client = APIClient("id", "secret", account.token)
        return client.events.all()
    return []
''')
    [state] = analyse([str(tmp_path)], make_config(), lambda code: True,
                      use_cache=False).states
    assert state.inference is not None
    assert "calendar.read_only" in state.inference.scopes


def test_the_tested_object_and_its_calls() -> None:
    test = ast.parse('a.b.provider.lower() == "google" and x.ready', mode="eval").body
    assert object_tested(test, {}) == "a.b"
    # Two objects' providers, or a name holding one, name no object.
    two = ast.parse('a.provider == b.provider', mode="eval").body
    assert object_tested(two, {}) == ""
    assert object_tested(ast.parse('provider == "google"', mode="eval").body, {}) == ""
    block = ast.parse('n.events.list(a.b.id)\nn.events.list(a.c)\nf = lambda: n.x.y(a.b)\n').body
    assert owned_calls(block, "a.b", ("google",)) == [(1, 0, ("google",))]


def test_a_name_holding_the_tested_objects_grant_keeps_the_call_to_its_provider(
        tmp_path: Path) -> None:
    # The grant is read into a name before the guard: the name is bound once, from
    # a parameter nothing stores to, so it holds the tested account's grant.
    body = '''def mirror(source):
    grant_id = source.grant_id
    if source.provider == "microsoft":
        nylas.events.list(grant_id)
'''
    inferred = _inferred(tmp_path, body)
    assert _EVENTS not in inferred["v3/google"]
    assert "Calendars.Read" in inferred["v3/microsoft"]
    # Control: the same name bound from another parameter still counts everywhere.
    other = body.replace("(source)", "(source, target)").replace(
        "= source.grant_id", "= target.grant_id")
    assert _EVENTS in _inferred(tmp_path, other)["v3/google"]


def _owned_lines(source: str) -> list[int]:
    """The lines of the calls ``provider_guards`` keeps to their guard's provider."""
    owned: list[tuple[int, int, tuple[str, ...]]] = []
    provider_guards(ast.parse(source), owned=owned)
    return [line for line, _, _ in owned]


_HELD = '''def mirror(source, other):
    grant_id = source.grant_id
    if source.provider == "microsoft":
        nylas.events.list(grant_id)
'''


def test_which_names_hold_the_tested_objects_grant() -> None:
    assert _owned_lines(_HELD) == [4]
    # ``source["grant_id"]`` and an annotated assignment hold it too.
    assert _owned_lines(_HELD.replace("= source.grant_id", ': str = source["grant_id"]')) == [4]
    # Controls: each of these may leave another grant in the name, or another
    # provider's account in ``source``; the call counts for every provider.
    for before, after in (
            # bound again
            ("    if source", "    grant_id = other.grant_id\n    if source"),
            # bound in a loop
            ("    grant_id = source.grant_id\n",
             "    for grant_id in (source.grant_id,):\n        pass\n"),
            # bound in a branch
            ("    grant_id = source.grant_id\n",
             "    if other:\n        grant_id = source.grant_id\n"),
            # the subject stored to
            ("    if source", "    source.grant_id = other\n    if source"),
            # the subject bound again
            ("    if source", "    source = other\n    if source"),
            # declared nonlocal in a nested function that binds it
            ("    if source", "    def reset():\n        nonlocal grant_id\n"
                                "        grant_id = other\n    if source"),
            # bound by a walrus, an augmented assignment or in a comprehension
            ("    if source", "    (grant_id := other)\n    if source"),
            ("    if source", "    grant_id += ''\n    if source"),
            ("    if source", "    [grant_id for grant_id in other]\n    if source"),
    ):
        assert _owned_lines(_HELD.replace(before, after, 1)) == [], after
    # The name bound after the guard (in a loop, the call may see the grant of a
    # previous account's round).
    after_guard = '''def mirror(accounts):
    for source in accounts:
        if source.provider == "microsoft":
            nylas.events.list(grant_id)
        grant_id = source.grant_id
'''
    assert _owned_lines(after_guard) == []
    # A dotted subject: another method may change ``self.account``.
    dotted_subject = '''class Sync:
    def mirror(self):
        grant_id = self.account.grant_id
        if self.account.provider == "microsoft":
            nylas.events.list(grant_id)
'''
    assert _owned_lines(dotted_subject) == []
    # A subject that is not a parameter (a module's global another call may rebind).
    assert _owned_lines(_HELD.replace("(source, other)", "(other)")) == []
