"""A dict of scope lists read by a key the analysis cannot tell (``SCOPES[provider]``,
``SCOPES.get(plan, DEFAULT)``) is one of its values (or the default), each judged as a
request of its own, where another module or Django's settings define the dict, as in
its own module.  Only a dict display of the project whose values are all lists (or,
in a dict named for scopes, lists imported from another module) and that nothing
changes: anything else stays unresolved (NYS304)."""

from __future__ import annotations

from pathlib import Path

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

GMAIL_READ = "https://www.googleapis.com/auth/gmail.readonly"
CALENDAR = "https://www.googleapis.com/auth/calendar"

_SCOPES = f'''SCOPES = {{
    "google": ["{GMAIL_READ}", "{CALENDAR}"],
    "microsoft": ["Mail.Read", "Calendars.ReadWrite"],
}}
'''
_V3_AUTH = '''from nylas import Client
from app.scopes import SCOPES

nylas = Client(api_key="k")


def login(provider: str):
    return nylas.auth.url_for_oauth2({
        "client_id": "c", "redirect_uri": "r", "provider": provider,
        "scope": SCOPES[provider],
    })


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''
_PLANS = '''PLAN_SCOPES = {
    "free": ["email.read_only"],
    "pro": ["email.read_only", "email.send", "calendar"],
}
DEFAULT_SCOPES = ["email.read_only", "contacts.read_only"]
'''


def _codes(root: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = analyse([str(root)], make_config(),
                     lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


def _unused_lines(found: list[tuple[str, int, str]]) -> set[tuple[str, int]]:
    return {(name, line) for name, line, code in found if code == "NYS303"}


def test_an_imported_dict_read_by_provider_is_each_of_its_lists(tmp_path: Path) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/scopes.py": _SCOPES,
                              "app/auth.py": _V3_AUTH})
    assert "NYS304" not in {code for _, _, code in found}
    # Calendar of each provider is unused; the read scopes are not.
    assert _unused_lines(found) == {("scopes.py", 2), ("scopes.py", 3)}


def test_an_imported_dict_written_elsewhere_stays_unresolved(tmp_path: Path) -> None:
    writer = 'from app.scopes import SCOPES\n\n\ndef enable():\n' \
             '    SCOPES["google"].append("https://www.googleapis.com/auth/contacts")\n'
    found = _codes(tmp_path, {"app/__init__.py": "", "app/scopes.py": _SCOPES,
                              "app/auth.py": _V3_AUTH, "app/writer.py": writer})
    assert ("auth.py", 8, "NYS304") in found
    assert not _unused_lines(found)


def test_an_imported_dict_with_a_value_not_read_stays_unresolved(tmp_path: Path) -> None:
    scopes = 'import os\n\nSCOPES = {"google": os.environ["SCOPES"].split(),\n' \
             '          "microsoft": ["Mail.Read", "Calendars.ReadWrite"]}\n'
    found = _codes(tmp_path, {"app/__init__.py": "", "app/scopes.py": scopes,
                              "app/auth.py": _V3_AUTH})
    assert ("auth.py", 8, "NYS304") in found
    assert not _unused_lines(found)


def test_a_dict_built_at_run_time_stays_unresolved(tmp_path: Path) -> None:
    scopes = 'import json\n\nSCOPES = json.loads(open("scopes.json").read())\n'
    found = _codes(tmp_path, {"app/__init__.py": "", "app/scopes.py": scopes,
                              "app/auth.py": _V3_AUTH})
    assert ("auth.py", 8, "NYS304") in found


def test_a_list_of_lists_read_by_index_stays_unresolved(tmp_path: Path) -> None:
    auth = '''from nylas import APIClient

SCOPE_SETS = [["email.read_only"], ["email.read_only", "calendar"]]
client = APIClient("id", "secret")


def auth(plan: int):
    return client.authentication_url("http://cb", scopes=SCOPE_SETS[plan])


def inbox():
    return client.messages.all()
'''
    found = _codes(tmp_path, {"auth.py": auth})
    assert ("auth.py", 8, "NYS304") in found
    assert not _unused_lines(found)


def test_django_settings_read_by_plan_is_each_of_its_lists(tmp_path: Path) -> None:
    views = '''from django.conf import settings
from nylas import APIClient

client = APIClient("id", "secret")


def auth(plan):
    return client.authentication_url("http://cb", scopes=settings.NYLAS_SCOPES[plan])


def inbox():
    return client.messages.all()
'''
    found = _codes(tmp_path, {
        "proj/__init__.py": "",
        "proj/settings.py": 'NYLAS_SCOPES = {"free": ["email.read_only"],\n'
                            '                "pro": ["email.read_only", "calendar"]}\n',
        "proj/views.py": views})
    assert "NYS304" not in {code for _, _, code in found}
    assert ("settings.py", 2, "NYS303") in found


def _get_app(call: str) -> str:
    return f'''from nylas import APIClient
from app.plans import PLAN_SCOPES, DEFAULT_SCOPES

client = APIClient("id", "secret")


def auth(plan):
    return client.authentication_url("http://cb", scopes={call})


def inbox():
    return client.messages.all()
'''


def test_get_with_a_default_is_each_value_or_the_default(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/plans.py": _PLANS,
        "app/views.py": _get_app("PLAN_SCOPES.get(plan, DEFAULT_SCOPES)")})
    assert "NYS304" not in {code for _, _, code in found}
    # email.send and calendar of "pro", contacts.read_only of the default.
    assert _unused_lines(found) == {("plans.py", 3), ("plans.py", 5)}


def test_get_on_a_dict_of_an_imported_module_is_each_value_or_the_default(
        tmp_path: Path) -> None:
    views = _get_app("plans.PLAN_SCOPES.get(plan, plans.DEFAULT_SCOPES)").replace(
        "from app.plans import", "from app import plans\nfrom app.plans import")
    found = _codes(tmp_path, {"app/__init__.py": "", "app/plans.py": _PLANS,
                              "app/views.py": views})
    assert "NYS304" not in {code for _, _, code in found}
    assert _unused_lines(found) == {("plans.py", 3), ("plans.py", 5)}


def test_get_on_an_imported_module_member_not_named_for_scopes_stays_unresolved(
        tmp_path: Path) -> None:
    # ``plans.registry`` may be any object, whose ``get`` may keep its default.
    plans = _PLANS + "registry = {}\n"
    views = _get_app("DEFAULT_SCOPES").replace(
        "def auth(plan):\n", "def auth(plan):\n    plans.registry.get(plan, DEFAULT_SCOPES)\n"
    ).replace("from app.plans import", "from app import plans\nfrom app.plans import")
    found = _codes(tmp_path, {"app/__init__.py": "", "app/plans.py": plans,
                              "app/views.py": views})
    assert ("views.py", 10, "NYS304") in found
    assert not _unused_lines(found)


def test_a_default_changed_through_the_result_of_get_stays_unresolved(
        tmp_path: Path) -> None:
    views = _get_app("DEFAULT_SCOPES").replace(
        "def auth(plan):\n",
        "def auth(plan):\n    chosen = PLAN_SCOPES.get(plan, DEFAULT_SCOPES)\n"
        "    chosen.append('calendar')\n")
    found = _codes(tmp_path, {"app/__init__.py": "", "app/plans.py": _PLANS,
                              "app/views.py": views})
    assert ("views.py", 10, "NYS304") in found
    assert not _unused_lines(found)


def test_a_default_given_to_another_objects_get_stays_unresolved(tmp_path: Path) -> None:
    views = _get_app("DEFAULT_SCOPES").replace(
        "def auth(plan):\n", "def auth(plan):\n    registry.get(plan, DEFAULT_SCOPES)\n"
    ).replace("from nylas import APIClient\n", "from nylas import APIClient\n"
              "from lib import registry\n")
    found = _codes(tmp_path, {"app/__init__.py": "", "app/plans.py": _PLANS,
                              "app/views.py": views})
    assert ("views.py", 10, "NYS304") in found


_LISTS = f'''GOOGLE_SCOPES = ["{GMAIL_READ}", "{CALENDAR}"]
MICROSOFT_SCOPES = ["Mail.Read", "Calendars.ReadWrite"]
'''


def _v3_auth_with_own_dict(dict_name: str) -> str:
    """The v3 request reading a dict of this module whose values are imported lists."""
    return _V3_AUTH.replace(
        "from app.scopes import SCOPES\n",
        "from app.lists import GOOGLE_SCOPES, MICROSOFT_SCOPES\n\n"
        f'{dict_name} = {{"google": GOOGLE_SCOPES, "microsoft": MICROSOFT_SCOPES}}\n',
    ).replace("SCOPES[provider]", f"{dict_name}[provider]")


def test_a_dict_of_imported_lists_read_by_provider_is_each_of_its_lists(
        tmp_path: Path) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/lists.py": _LISTS,
                              "app/auth.py": _v3_auth_with_own_dict("SCOPES_BY_PROVIDER")})
    assert "NYS304" not in {code for _, _, code in found}
    # Each list is a request of its own: the calendar scope of each is unused.
    assert _unused_lines(found) == {("lists.py", 1), ("lists.py", 2)}


def test_a_dict_of_imported_lists_not_named_for_scopes_stays_unresolved(
        tmp_path: Path) -> None:
    # Its values are not seen here, and its name does not say they are scope lists.
    found = _codes(tmp_path, {"app/__init__.py": "", "app/lists.py": _LISTS,
                              "app/auth.py": _v3_auth_with_own_dict("BY_PROVIDER")})
    assert ("auth.py", 10, "NYS304") in found
    assert not _unused_lines(found)


def test_a_dict_of_imported_lists_one_changed_elsewhere_stays_unresolved(
        tmp_path: Path) -> None:
    writer = 'from app.lists import GOOGLE_SCOPES\n\n\ndef enable():\n' \
             '    GOOGLE_SCOPES.append("https://www.googleapis.com/auth/contacts")\n'
    found = _codes(tmp_path, {"app/__init__.py": "", "app/lists.py": _LISTS,
                              "app/writer.py": writer,
                              "app/auth.py": _v3_auth_with_own_dict("SCOPES_BY_PROVIDER")})
    assert ("auth.py", 10, "NYS304") in found
    assert ("lists.py", 1) not in _unused_lines(found)


def _by_provider_app(scope: str, table: str = "") -> str:
    table = table or _SCOPES
    return f'''from nylas import Client

{table}
nylas = Client(api_key="k")


def login(provider: str, plan: str = ""):
    return nylas.auth.url_for_oauth2({{
        "client_id": "c", "redirect_uri": "r", "provider": provider,
        "scope": {scope},
    }})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''


def test_a_provider_dict_read_with_an_empty_default_is_each_of_its_lists(
        tmp_path: Path) -> None:
    # The default goes only to a provider neither key names (IMAP, say), whose grants
    # no rule judges; a Google or Microsoft grant gets its own list.  Calendar of each
    # provider is unused (lines 5 and 6), as for ``SCOPES[provider]``.
    for index, scope in enumerate(("SCOPES.get(provider, [])", "SCOPES.get(provider, ())",
                                   "SCOPES.get(provider)", "SCOPES[provider]")):
        (tmp_path / str(index)).mkdir()
        found = _codes(tmp_path / str(index), {"app.py": _by_provider_app(scope)})
        assert found == [("app.py", 4, "NYS303"), ("app.py", 5, "NYS303")], scope


def test_a_default_a_judged_provider_may_get_stays_unresolved(tmp_path: Path) -> None:
    # Controls: a dict lacking Microsoft's key (a Microsoft grant gets the connector's
    # defaults) and a key that is not the request's provider (a Google grant may get
    # the default) leave the grants untold: nothing is judged (NYS304 at the request).
    google_only = f'SCOPES = {{"google": ["{GMAIL_READ}", "{CALENDAR}"]}}\n'
    for index, (scope, table) in enumerate((
            ("SCOPES.get(provider, [])", google_only),
            ("SCOPES.get(plan, [])", ""))):
        (tmp_path / str(index)).mkdir()
        found = _codes(tmp_path / str(index), {"app.py": _by_provider_app(scope, table)})
        assert "NYS304" in {code for _, _, code in found}, scope
        assert not _unused_lines(found), scope


def _imported_get(scope: str, bound: str = "", imported: str = "from app.scopes import SCOPES",
                  ) -> str:
    return _V3_AUTH.replace("from app.scopes import SCOPES", imported).replace(
        '        "scope": SCOPES[provider],', f'        "scope": {scope},').replace(
        "    return nylas.auth.url_for_oauth2", f"{bound}    return nylas.auth.url_for_oauth2")


def test_another_modules_provider_dict_read_with_an_empty_default_is_each_of_its_lists(
        tmp_path: Path) -> None:
    # As ``SCOPES[provider]``: a Google or Microsoft grant gets its own list, and
    # Calendar of each provider is unused (lines 2 and 3 of scopes.py).
    for index, app in enumerate((
            _imported_get("SCOPES.get(provider, [])"),
            _imported_get("settings.SCOPES.get(provider)",
                          imported="from app import scopes as settings"),
            _imported_get("chosen", "    chosen = SCOPES.get(provider, [])\n"))):
        root = tmp_path / str(index)
        root.mkdir()
        found = _codes(root, {"app/__init__.py": "", "app/scopes.py": _SCOPES,
                              "app/auth.py": app})
        assert "NYS304" not in {code for _, _, code in found}, app
        assert _unused_lines(found) == {("scopes.py", 2), ("scopes.py", 3)}, app


def test_another_modules_provider_dict_read_with_get_stays_cautious(tmp_path: Path) -> None:
    # Controls: the dict written by another module, a dict lacking Microsoft's key (a
    # Microsoft grant gets the connector's defaults), a key that is not the request's
    # provider, a local name whose list is changed (the dict's own list), and a
    # provider bound again after the lookup.
    writer = 'from app.scopes import SCOPES\n\nSCOPES["google"].append("x")\n'
    google_only = f'SCOPES = {{\n    "google": ["{GMAIL_READ}", "{CALENDAR}"],\n}}\n'
    for index, (app, scopes, more) in enumerate((
            (_imported_get("SCOPES.get(provider, [])"), _SCOPES, {"app/writer.py": writer}),
            (_imported_get("SCOPES.get(provider, [])"), google_only, {}),
            (_imported_get("SCOPES.get(plan, [])").replace(
                "def login(provider: str)", "def login(provider: str, plan: str)"), _SCOPES, {}),
            (_imported_get("chosen", "    chosen = SCOPES.get(provider, [])\n"
                                     "    chosen.append('x')\n"), _SCOPES, {}),
            (_imported_get("chosen", "    chosen = SCOPES.get(provider, [])\n"
                                     "    provider = plan\n").replace(
                "def login(provider: str)", "def login(provider: str, plan: str)"),
             _SCOPES, {}))):
        root = tmp_path / str(index)
        root.mkdir()
        found = _codes(root, {"app/__init__.py": "", "app/scopes.py": scopes,
                              "app/auth.py": app, **more})
        assert "NYS304" in {code for _, _, code in found}, app
        assert not _unused_lines(found), app


def test_a_provider_dict_of_the_module_read_through_a_local_name(tmp_path: Path) -> None:
    app = _by_provider_app("chosen").replace(
        "    return nylas.auth.url_for_oauth2", "    chosen = SCOPES.get(provider, [])\n"
        "    return nylas.auth.url_for_oauth2")
    # Calendar of each provider is unused (lines 4 and 5), as for ``SCOPES[provider]``.
    assert _codes(tmp_path, {"app.py": app}) == [("app.py", 4, "NYS303"),
                                                  ("app.py", 5, "NYS303")]


def test_a_provider_dict_read_with_a_default_naming_scopes_is_each_of_its_lists(
        tmp_path: Path) -> None:
    # With a key for Google and for Microsoft, the default goes only to a provider
    # neither key names, whatever it names: its Google scope is no Google grant's and
    # is not judged as one.  Before, the default was judged as Google's request, and
    # its calendar reported unused too (line 14).
    default = f'SCOPES.get(provider, ["{CALENDAR}", "Mail.Read"])'
    found = _codes(tmp_path / "own", {"app.py": _by_provider_app(default)})
    assert found == [("app.py", 4, "NYS303"), ("app.py", 5, "NYS303")]
    found = _codes(tmp_path / "imported", {
        "app/__init__.py": "", "app/scopes.py": _SCOPES, "app/auth.py": _imported_get(default)})
    assert _unused_lines(found) == {("scopes.py", 2), ("scopes.py", 3)}
    assert "NYS304" not in {code for _, _, code in found}


def test_a_default_naming_scopes_a_judged_provider_may_get_is_read_as_before(
        tmp_path: Path) -> None:
    # Controls: a dict lacking Microsoft's key, and a key that is not the request's
    # provider, read as one of the dict's lists or the default, each judged.
    google_only = f'SCOPES = {{"google": ["{GMAIL_READ}", "{CALENDAR}"]}}\n'
    default = f'["{CALENDAR}"]'
    found = _codes(tmp_path / "google-only", {"app.py": _by_provider_app(
        f"SCOPES.get(provider, {default})", google_only)})
    assert found == [("app.py", 3, "NYS303"), ("app.py", 11, "NYS303")]
    found = _codes(tmp_path / "plan", {"app.py": _by_provider_app(
        f"SCOPES.get(plan, {default})")})
    assert ("app.py", 14, "NYS303") in found
