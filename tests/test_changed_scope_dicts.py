"""A dict of scope lists (``SCOPES = {"google": [...], "microsoft": [...]}``) is read
from its assignment only while no code changes it: a change in its own module or in
one that imports it, through any key, leaves its lists unresolved (NYS304) and the
list rules silent about them."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

GMAIL_READ = "https://www.googleapis.com/auth/gmail.readonly"
GMAIL_SEND = "https://www.googleapis.com/auth/gmail.send"

# Requests Gmail's and Outlook's read scopes, and one call needs a send scope too.
_SCOPES = f'''from nylas import Client

nylas = Client("key")

SCOPES = {{"google": ["{GMAIL_READ}"], "microsoft": ["Mail.Read"]}}


def google_login():
    return nylas.auth.url_for_oauth2({{
        "client_id": "cid", "redirect_uri": "https://a.example/cb",
        "provider": "google", "scope": SCOPES["google"],
    }})


def login(provider):
    return nylas.auth.url_for_oauth2({{
        "client_id": "cid", "redirect_uri": "https://a.example/cb",
        "provider": provider, "scope": SCOPES[provider],
    }})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''
_CALLS = '''from .scopes import nylas


def send(grant_id):
    nylas.messages.send(grant_id, request_body={"to": [], "body": "hi"})
'''


def _codes(root: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


def _app(root: Path, boot: str = "", scopes_tail: str = "") -> list[tuple[str, int, str]]:
    files = {"app/__init__.py": "", "app/scopes.py": _SCOPES + scopes_tail,
             "app/calls.py": _CALLS}
    if boot:
        files["app/boot.py"] = boot
    return _codes(root, files)


def _list_rule_codes(found: list[tuple[str, int, str]]) -> set[str]:
    return {code for _, _, code in found} & {"NYS301", "NYS302", "NYS303", "NYS405"}


def test_the_unchanged_dict_is_read_and_its_missing_scope_reported(tmp_path: Path) -> None:
    found = _app(tmp_path)
    assert ("calls.py", 5, "NYS301") in found
    assert "NYS304" not in {code for _, _, code in found}


def test_a_dict_only_read_by_an_importer_is_still_read(tmp_path: Path) -> None:
    found = _app(tmp_path, boot='from .scopes import SCOPES\n\nprint(SCOPES["google"])\n')
    assert ("calls.py", 5, "NYS301") in found


_IMPORTERS_CHANGES = {
    "append": f'SCOPES["google"].append("{GMAIL_SEND}")',
    "augmented": f'SCOPES["google"] += ["{GMAIL_SEND}"]',
    "item-store": f'SCOPES["google"] = ["{GMAIL_READ}", "{GMAIL_SEND}"]',
    "new-key": 'SCOPES["imap"] = []',
    "update": f'SCOPES.update(google=["{GMAIL_READ}", "{GMAIL_SEND}"])',
    "setdefault": f'SCOPES.setdefault("google", []).append("{GMAIL_SEND}")',
    "run-time-key": f'import os\nSCOPES[os.environ["PROVIDER"]].append("{GMAIL_SEND}")',
    "values-loop": f'for scopes in SCOPES.values():\n    scopes.append("{GMAIL_SEND}")',
    "items-loop": f'for _, scopes in SCOPES.items():\n    scopes.append("{GMAIL_SEND}")',
    "local-name": (
        f'def enable():\n    google = SCOPES["google"]\n    google.append("{GMAIL_SEND}")'),
    "in-function": f'def enable():\n    SCOPES["google"] += ["{GMAIL_SEND}"]',
}


@pytest.mark.parametrize("change", _IMPORTERS_CHANGES.values(), ids=list(_IMPORTERS_CHANGES))
def test_a_dict_an_importer_changes_is_not_read(tmp_path: Path, change: str) -> None:
    found = _app(tmp_path, boot=f"from .scopes import SCOPES\n\n{change}\n")
    assert _list_rule_codes(found) == set()
    assert ("scopes.py", 9, "NYS304") in found and ("scopes.py", 16, "NYS304") in found


@pytest.mark.parametrize("change", [
    'scopes.SCOPES["microsoft"].extend(["Mail.Send"])',
    f'scopes.SCOPES["google"] += ["{GMAIL_SEND}"]',
])
def test_a_dict_changed_through_its_module_is_not_read(tmp_path: Path, change: str) -> None:
    found = _app(tmp_path, boot=f"from . import scopes\n\n{change}\n")
    assert _list_rule_codes(found) == set()
    assert ("scopes.py", 16, "NYS304") in found


_OWN_CHANGES = {
    "augmented": f'SCOPES["google"] += ["{GMAIL_SEND}"]',
    "item-store": f'SCOPES["google"] = ["{GMAIL_READ}", "{GMAIL_SEND}"]',
    "values-loop": f'for _scopes in SCOPES.values():\n    _scopes.append("{GMAIL_SEND}")',
    "items-loop": f'for _, _scopes in SCOPES.items():\n    _scopes.append("{GMAIL_SEND}")',
}


@pytest.mark.parametrize("change", _OWN_CHANGES.values(), ids=list(_OWN_CHANGES))
def test_a_dict_its_own_module_changes_is_not_read(tmp_path: Path, change: str) -> None:
    found = _app(tmp_path, scopes_tail=f"\n\n{change}\n")
    assert _list_rule_codes(found) == set()
    assert ("scopes.py", 9, "NYS304") in found and ("scopes.py", 16, "NYS304") in found


def test_a_key_added_in_its_own_module_leaves_the_other_keys_read(tmp_path: Path) -> None:
    # ``SCOPES["google"]`` still holds the list written for it; ``SCOPES[provider]``
    # may now be the new list too, which the analysis does not try to add.
    found = _app(tmp_path, scopes_tail='\n\nSCOPES["imap"] = []\n')
    assert ("scopes.py", 16, "NYS304") in found
    assert ("scopes.py", 9, "NYS304") not in found


_PROVIDER_LISTS = f'SCOPES = {{"google": ["{GMAIL_READ}"], "microsoft": ["Mail.Read"]}}\n'
_READER = '''from nylas import Client

from .scopes import SCOPES

nylas = Client("key")


def google_login():
    return nylas.auth.url_for_oauth2({
        "client_id": "cid", "redirect_uri": "https://a.example/cb",
        "provider": "google", "scope": SCOPES["google"],
    })


def send(grant_id):
    nylas.messages.send(grant_id, request_body={"to": [], "body": "hi"})
'''


def test_another_modules_dict_read_by_a_constant_key(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "",
        "app/scopes.py": _PROVIDER_LISTS,
        "app/auth.py": _READER,
    })
    # Read there: nothing sends as Gmail's send scope allows.
    assert ("auth.py", 16, "NYS301") in found


def test_another_modules_dict_read_by_a_constant_key_and_changed(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "",
        "app/scopes.py": _PROVIDER_LISTS,
        "app/auth.py": _READER,
        "app/boot.py": f'from .scopes import SCOPES\n\nSCOPES["google"].append("{GMAIL_SEND}")\n',
    })
    assert _list_rule_codes(found) == set()
    assert ("auth.py", 9, "NYS304") in found


def test_a_dict_named_otherwise_an_importer_changes_is_not_read(tmp_path: Path) -> None:
    # Its lists name scopes: they are the dict's scope lists whatever its name.
    scopes = _SCOPES.replace("SCOPES", "PERMISSIONS")
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/scopes.py": scopes, "app/calls.py": _CALLS,
        "app/boot.py": (f'from .scopes import PERMISSIONS\n\n'
                        f'PERMISSIONS["google"].append("{GMAIL_SEND}")\n'),
    })
    assert _list_rule_codes(found) == set()
    assert ("scopes.py", 9, "NYS304") in found


_HELD = f'GOOGLE = ["{GMAIL_READ}"]\nSCOPES = {{"google": GOOGLE, "microsoft": ["Mail.Read"]}}\n'


@pytest.mark.parametrize("changed", [True, False], ids=["changed", "unchanged"])
def test_a_list_a_dict_holds_changed_by_its_own_name(tmp_path: Path, changed: bool) -> None:
    # ``SCOPES["google"]`` is the very list ``GOOGLE`` names, read from another module.
    files = {"app/__init__.py": "", "app/scopes.py": _HELD, "app/auth.py": _READER}
    if changed:
        files["app/boot.py"] = f'from .scopes import GOOGLE\n\nGOOGLE.append("{GMAIL_SEND}")\n'
    found = _codes(tmp_path, files)
    if changed:
        assert _list_rule_codes(found) == set()
        assert ("auth.py", 9, "NYS304") in found
    else:
        assert ("auth.py", 16, "NYS301") in found


_WRAPPER = '''from nylas import APIClient

SCOPES = ["email.read_only", "calendar.read_only"]
client = APIClient("id", "secret")


def login_with(scopes):
    return client.authentication_url("https://a.example/cb", scopes=scopes)


def login():
    return login_with(SCOPES)


def send(token):
    api = APIClient("id", "secret", token)
    api.drafts.create().send()
'''


def test_a_list_given_to_a_wrapper_and_changed_by_an_importer(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "", "app/auth.py": _WRAPPER,
        "app/boot.py": 'from .auth import SCOPES\n\nSCOPES.append("email.send")\n',
    })
    assert _list_rule_codes(found) == set()
    assert ("auth.py", 8, "NYS304") in found


def test_a_list_given_to_a_wrapper_unchanged_is_read(tmp_path: Path) -> None:
    found = _codes(tmp_path, {"app/__init__.py": "", "app/auth.py": _WRAPPER})
    assert ("auth.py", 3, "NYS303") in found


def test_a_list_a_settings_dict_holds_changed_by_its_own_name(tmp_path: Path) -> None:
    found = _codes(tmp_path, {
        "app/__init__.py": "",
        "app/scopes.py": f'GOOGLE = ["{GMAIL_READ}"]\nNYLAS = {{"scopes": GOOGLE}}\n',
        "app/auth.py": _READER.replace("import SCOPES", "import NYLAS").replace(
            'SCOPES["google"]', 'NYLAS["scopes"]'),
        "app/boot.py": f'from .scopes import GOOGLE\n\nGOOGLE.append("{GMAIL_SEND}")\n',
    })
    assert _list_rule_codes(found) == set()
    assert ("auth.py", 9, "NYS304") in found


_LOCAL = f'''from nylas import Client

nylas = Client("key")


def login():
    scopes = {{"google": ["{GMAIL_READ}"], "microsoft": ["Mail.Read"]}}
{{change}}
    return nylas.auth.url_for_oauth2({{
        "client_id": "cid", "redirect_uri": "https://a.example/cb",
        "provider": "google", "scope": scopes["google"],
    }})


def send(grant_id):
    nylas.messages.send(grant_id, request_body={{"to": [], "body": "hi"}})
'''


@pytest.mark.parametrize("change", [
    f'    for each in scopes.values():\n        each.append("{GMAIL_SEND}")',
    f'    for _, each in scopes.items():\n        each.append("{GMAIL_SEND}")',
    f'    scopes.get("google").append("{GMAIL_SEND}")',
    f'    mine = scopes.copy()\n    mine["google"].append("{GMAIL_SEND}")',
], ids=["values-loop", "items-loop", "get", "copy"])
def test_a_functions_dict_changed_through_its_items_is_not_read(
    tmp_path: Path, change: str,
) -> None:
    found = _codes(tmp_path, {"auth.py": _LOCAL.replace("{change}", change)})
    assert _list_rule_codes(found) == set()
    assert "NYS304" in {code for _, _, code in found}


def test_a_functions_dict_only_looked_at_is_read(tmp_path: Path) -> None:
    change = '    if scopes.get("google") and "imap" not in scopes:\n        print(len(scopes))'
    found = _codes(tmp_path, {"auth.py": _LOCAL.replace("{change}", change)})
    assert ("auth.py", 17, "NYS301") in found


_FUNCTION_LOOPS = {
    "items": ('def show():\n    for provider, scopes in SCOPES.items():\n'
              '        print(provider, scopes, len(scopes))\n'),
    "values": ('def show():\n    for scopes in SCOPES.values():\n'
               '        print(", ".join(scopes))\n'),
    "enumerated": ('def show():\n    for index, scopes in enumerate(SCOPES.values()):\n'
                   '        if scopes:\n            print(index, sorted(scopes))\n'),
}


@pytest.mark.parametrize("loop", _FUNCTION_LOOPS.values(), ids=list(_FUNCTION_LOOPS))
def test_a_loop_in_a_function_that_only_reads_the_lists_leaves_the_dict_read(
        tmp_path: Path, loop: str) -> None:
    found = _app(tmp_path, boot=f"from .scopes import SCOPES\n\n\n{loop}")
    assert ("calls.py", 5, "NYS301") in found
    assert "NYS304" not in {code for _, _, code in found}


_CHANGING_LOOPS = {
    "appends": (f'def enable():\n    for _, scopes in SCOPES.items():\n'
                f'        scopes.append("{GMAIL_SEND}")\n'),
    "hands on": 'def enable():\n    for scopes in SCOPES.values():\n        tweak(scopes)\n',
    "keeps after the loop": ('def enable():\n    for scopes in SCOPES.values():\n'
                             '        print(scopes)\n    return scopes\n'),
    "at module level": 'for _, scopes in SCOPES.items():\n    print(scopes)\n',
}


@pytest.mark.parametrize("loop", _CHANGING_LOOPS.values(), ids=list(_CHANGING_LOOPS))
def test_a_loop_whose_names_may_change_the_lists_leaves_the_dict_unread(
        tmp_path: Path, loop: str) -> None:
    # At module level, the name the loop binds is a global other code may reach.
    found = _app(tmp_path, boot=f"from .scopes import SCOPES\n\n\n{loop}")
    assert _list_rule_codes(found) == set()
    assert ("scopes.py", 9, "NYS304") in found
