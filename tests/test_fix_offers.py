"""JSON and SARIF offer a fix exactly when ``fix`` applies it: one plan behind all.

A code-scanning suggestion is one click from being merged; it must never be an edit
the ``fix`` command refuses (an item shared by two requests, whose removal would
empty one of them, is the classic case).
"""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
from codemod_support import CODEMOD_FIXTURES, LINT_FIXTURES, run_cli
from conftest import ROOT

from flake8_nylas_scopes.commands.check import CheckSettings, run_check
from flake8_nylas_scopes.fix.plan import FixPolicy
from flake8_nylas_scopes.fix.fixer import Fixer
from flake8_nylas_scopes.project.session import read_source

SHARED = textwrap.dedent(
    """\
    from nylas import APIClient

    READ = ["contacts.read_only"]
    client = APIClient("id", "secret")
    one = client.authentication_url("https://a/cb", scopes=READ + ["contacts"])
    two = client.authentication_url("https://a/cb", scopes=READ)
    """
)


def _json(*argv: str) -> dict[str, object]:
    run = run_cli("check", "--format", "json", *argv)
    assert run.code in (0, 1), run.stderr
    data: dict[str, object] = json.loads(run.stdout)
    return data


def test_a_shared_item_is_not_offered_the_fix_that_fix_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "app.py").write_text(SHARED)
    monkeypatch.chdir(tmp_path)
    (finding,) = _json("app.py")["findings"]  # type: ignore[misc]
    # The message says which request the finding is about, and which other request
    # reads the item, rather than to remove what fix will not remove.
    assert finding["message"] == (
        "'contacts.read_only' is already granted by 'contacts' in the request at app.py:5; "
        "the request at app.py:6 reads the same list and does not call for changing it: "
        "give each request a list of its own to change it in one"
    )
    # Refused in both modes: no fix is offered, the reason stays.
    assert finding["fix"] == {
        "available": False,
        "safety": None,
        "applies": False,
        "applies_with_unsafe_fixes": False,
        "reason": "the item is read by 2 requests and only 1 of them call for this fix",
    }
    sarif = json.loads(run_cli("check", "--format", "sarif", "app.py").stdout)
    (result,) = sarif["runs"][0]["results"]
    assert "fixes" not in result
    assert result["properties"]["fix"]["applies"] is False
    # And fix agrees: nothing changes.
    fixed = run_cli("fix", "app.py")
    assert fixed.code == 0
    assert (tmp_path / "app.py").read_text() == SHARED


def test_an_item_every_request_calls_to_remove_is_offered_and_named_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = SHARED.replace(
        'READ = ["contacts.read_only"]', 'READ = ["contacts.read_only", "contacts"]'
    ).replace('READ + ["contacts"]', 'READ + ["calendar"]')
    (tmp_path / "app.py").write_text(source)
    monkeypatch.chdir(tmp_path)
    (finding,) = _json("app.py")["findings"]  # type: ignore[misc]
    assert finding["message"].endswith("(in the requests at app.py:5, app.py:6)")
    assert finding["fix"]["applies"] is True
    sarif = json.loads(run_cli("check", "--format", "sarif", "app.py").stdout)
    (result,) = sarif["runs"][0]["results"]
    (change,) = result["fixes"][0]["artifactChanges"]
    assert change["replacements"] == [{"deletedRegion": {
        "startLine": 3, "startColumn": 9, "endLine": 3, "endColumn": 31}}]
    assert run_cli("fix", "app.py").code == 1
    assert (tmp_path / "app.py").read_text() == source.replace(
        '"contacts.read_only", ', "")


# The same two requests, with the lists in a module of their own: the fix plan reads
# each request's items as its module's facts hold them, and there they are an import.
SHARED_CONSTANTS = (
    'READ = ["contacts.read_only", "calendar.read_only"]\nBOTH = READ + ["contacts"]\n')
SHARED_REQUESTS = textwrap.dedent(
    """\
    from nylas import APIClient

    from scopes import BOTH, READ

    client = APIClient("id", "secret")
    one = client.authentication_url("https://a/cb", scopes=BOTH)
    two = client.authentication_url("https://a/cb", scopes=READ)
    """
)


def test_an_item_shared_through_an_import_is_not_removed_for_one_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 'contacts.read_only' is redundant in 'one' but is the contacts scope of 'two':
    # fix removed it from READ, and users who signed in through 'two' lost it.
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "scopes.py").write_text(SHARED_CONSTANTS)
    (tmp_path / "app.py").write_text(SHARED_REQUESTS)
    monkeypatch.chdir(tmp_path)
    (finding,) = _json(".")["findings"]  # type: ignore[misc]
    assert finding["code"] == "NYS104"
    assert finding["message"].endswith(
        " in the request at app.py:6; the request at app.py:7 reads the same list and "
        "does not call for changing it: give each request a list of its own to change it "
        "in one")
    assert finding["fix"]["available"] is False  # type: ignore[index]
    assert run_cli("fix", ".").code == 0
    assert (tmp_path / "scopes.py").read_text() == SHARED_CONSTANTS


def test_an_item_every_importing_request_calls_to_remove_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    constants = SHARED_CONSTANTS.replace('"calendar.read_only"', '"contacts"')
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "scopes.py").write_text(constants)
    (tmp_path / "app.py").write_text(SHARED_REQUESTS)
    monkeypatch.chdir(tmp_path)
    findings = _json(".")["findings"]
    assert [(f["code"], f["fix"]["applies"]) for f in findings  # type: ignore[index]
            if f["line"] == 1] == [("NYS104", True)]  # type: ignore[index]
    assert run_cli("fix", ".").code == 1
    assert (tmp_path / "scopes.py").read_text().startswith('READ = ["contacts"]\n')


V3_SHARED = textwrap.dedent(
    """\
    import nylas

    nylas_client = nylas.Client("key")
    SCOPES = [
        "https://www.googleapis.com/auth/gmail.readonly",
        "https://www.googleapis.com/auth/calendar",
    ]


    def make_connector():
        return nylas_client.connectors.create({
            "provider": "google", "settings": {"client_id": "a", "client_secret": "b"},
            "scope": SCOPES})


    def regrant(grant_id):
        return nylas_client.grants.update(
            grant_id, {"scope": [*SCOPES, "https://www.googleapis.com/auth/gmail.modify"]})
    """
)


def test_a_connector_and_a_grant_update_sharing_a_list_are_not_told_to_remove(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # gmail.readonly is redundant in the grant update only: the connector needs it.
    (tmp_path / "app.py").write_text(V3_SHARED)
    monkeypatch.chdir(tmp_path)
    (finding,) = _json("app.py")["findings"]  # type: ignore[misc]
    assert finding["code"] == "NYS403"
    assert "remove it" not in finding["message"]  # type: ignore[operator]
    assert finding["message"].endswith(  # type: ignore[attr-defined]
        "in the request at app.py:17; the request at app.py:11 reads the same list and "
        "does not call for changing it: give each request a list of its own to change it "
        "in one")
    assert run_cli("fix", "app.py").code == 0
    assert (tmp_path / "app.py").read_text() == V3_SHARED
    # Control: where both requests call for it, the message says to remove it, and
    # fix does.
    both = V3_SHARED.replace('"https://www.googleapis.com/auth/calendar",',
                             '"https://www.googleapis.com/auth/gmail.modify",').replace(
        '[*SCOPES, "https://www.googleapis.com/auth/gmail.modify"]', "SCOPES")
    (tmp_path / "app.py").write_text(both)
    (finding,) = _json("app.py")["findings"]  # type: ignore[misc]
    assert "; remove it (in the requests at app.py:11, app.py:17)" in (
        finding["message"])  # type: ignore[operator]
    assert run_cli("fix", "app.py").code == 1


def test_values_of_one_request_sharing_an_item_are_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = textwrap.dedent(
        """\
        from nylas import APIClient

        BASE = ["email.read_only", "calendar.read_only"]
        client = APIClient("id", "secret")


        def login(admin):
            scopes = [*BASE, "email.modify"] if admin else BASE
            return client.authentication_url("https://a/cb", scopes=scopes)
        """
    )
    (tmp_path / "app.py").write_text(source)
    monkeypatch.chdir(tmp_path)
    (finding,) = _json("app.py")["findings"]  # type: ignore[misc]
    assert finding["message"] == (
        "'email.read_only' is already granted by 'email.modify' in one of the lists the "
        "request at app.py:9 may send; another one it may send reads the same item and "
        "does not call for changing it: give each list items of its own to change it in one")
    assert run_cli("fix", "app.py").code == 0
    assert (tmp_path / "app.py").read_text() == source


THREADING = textwrap.dedent(
    """\
    from nylas import APIClient

    client = APIClient("id", "secret")
    BASE = ["email.send", "email.read_only", "contacts.read_only"]
    gmail = client.authentication_url("https://a/cb", scopes=BASE, provider="gmail")
    other = client.authentication_url(
        "https://a/cb", scopes=[*BASE, "calendar"], provider="office365")


    def send(to):
        draft = client.drafts.create()
        draft.to = to
        draft.send()
        client.calendars.all()
    """
)


def test_an_unused_claim_not_every_request_reading_the_item_makes_is_not_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without email.read_only, the Gmail request would ask for email.send alone
    # (NYS202): only the other request calls it unused, so no claim is made on BASE.
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "app.py").write_text(THREADING)
    monkeypatch.chdir(tmp_path)
    claims = [(f["line"], f["code"], f["message"].split("'")[1])  # type: ignore[index]
              for f in _json(".")["findings"]]  # type: ignore[attr-defined]
    # Control: contacts.read_only, which neither request needs, is still unused.
    assert (4, "NYS303", "contacts.read_only") in claims
    assert (4, "NYS303", "email.read_only") not in claims
    run_cli("fix", "--unsafe-fixes", ".")
    assert 'BASE = ["email.send", "email.read_only"]' in (tmp_path / "app.py").read_text()


def test_many_requests_sharing_a_list_are_judged_against_one_gathering_of_the_calls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each request reading an item is judged alone before a claim on the item stands;
    # the calls were once gathered again for every request, which made a project with
    # hundreds of requests sharing constants take minutes.
    from flake8_nylas_scopes.judging import usage_rules

    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "scopes.py").write_text('BASE = ["email.read_only", "calendar"]\n')
    for number in range(25):
        (tmp_path / f"auth_{number}.py").write_text(
            "from nylas import APIClient\n\nfrom scopes import BASE\n\n"
            "client = APIClient('id', 'secret')\n"
            "url = client.authentication_url('https://a/cb', scopes=[*BASE, 'contacts'])\n"
            "inbox = client.messages.all()\nbook = client.contacts.all()\n")
    gathered: list[int] = []
    real = usage_rules._UnneededClaims

    class Counted(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object) -> None:
            gathered.append(1)
            super().__init__(*args)

    monkeypatch.setattr(usage_rules, "_UnneededClaims", Counted)
    monkeypatch.chdir(tmp_path)
    findings = _json(".")["findings"]
    # Every request makes the claim on the shared item: it stands, with its fix.
    assert [(f["code"], f["line"], f["fix"]["available"],  # type: ignore[index]
             f["fix"]["applies_with_unsafe_fixes"])  # type: ignore[index]
            for f in findings if f["path"] == "scopes.py"] == [("NYS303", 1, True, True)]
    # Once for the project's findings, once for every request judged alone.
    assert len(gathered) == 2


def _apply(source: str, region: dict[str, int], text: str) -> str:
    lines = source.splitlines(keepends=True)

    def offset(line: int, column: int) -> int:
        return sum(len(each) for each in lines[:line - 1]) + column - 1

    start = offset(region["startLine"], region["startColumn"])
    end = offset(region["endLine"], region["endColumn"])
    return source[:start] + text + source[end:]


def _files() -> list[Path]:
    return sorted(LINT_FIXTURES.glob("*.py")) + sorted(CODEMOD_FIXTURES.glob("*.input.py"))


@pytest.mark.parametrize("original", _files(), ids=lambda path: path.name)
def test_offers_match_what_fix_applies(
    original: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "module.py"
    shutil.copyfile(original, path)
    monkeypatch.chdir(tmp_path)
    settings = CheckSettings()
    result = run_check(["module.py"], settings, with_fixes=True)
    fixer = Fixer(settings.config, settings.selection.enabled, FixPolicy(unsafe=False))
    run = fixer.run(["module.py"])
    change = run.changes.get(str(path)) or run.changes.get("module.py")
    fixed = {
        (finding.code, finding.span.line, finding.span.col)
        for item in (change.fixed if change else [])
        for finding in item.findings
    }
    source = read_source(str(path))
    for finding in result.findings:
        offer = result.fixes.get(finding)
        key = (finding.code, finding.span.line, finding.span.col)
        if offer is None or not offer.applies:
            assert key not in fixed, (key, offer)
            continue
        # Offered: fix applied it (in its first round, at the original place).
        assert key in fixed, (key, offer)
        if offer.edit is not None:
            # The exact edit on its own leaves code that parses and no longer holds
            # the item at that place.
            edit = offer.edit
            edited = _apply(source, {
                "startLine": edit.line, "startColumn": edit.col + 1,
                "endLine": edit.end_line, "endColumn": edit.end_col + 1,
            }, edit.text)
            compile(edited.lstrip("\ufeff"), "module.py", "exec", dont_inherit=True)
            assert edited != source


def test_the_example_app_offers_only_what_fix_applies(tmp_path: Path) -> None:
    example = tmp_path / "mailapp"
    shutil.copytree(ROOT / "examples" / "mailapp", example)
    data = _json(str(example))
    offered = [f for f in data["findings"] if f["fix"]["applies"]]  # type: ignore[index]
    fixed = run_cli("fix", "--diff", str(example))
    for finding in offered:
        assert Path(finding["path"]).name in fixed.stdout, finding


def test_without_libcst_only_exact_edits_are_offered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = textwrap.dedent(
        """\
        from nylas import APIClient

        client = APIClient("id", "secret")
        SCOPES = "contacts.read_only"
        one = client.authentication_url("https://a/cb", scopes=["email.modify", "email.read_only"])
        two = client.authentication_url("https://a/cb", scopes=["contacts", SCOPES])
        """
    )
    (tmp_path / "app.py").write_text(source)
    monkeypatch.chdir(tmp_path)
    with_libcst = run_check(["app.py"], CheckSettings(), with_fixes=True)
    assert [offer.applies for offer in with_libcst.fixes.values()] == [False, True]
    monkeypatch.setitem(sys.modules, "libcst", None)  # as if it were not installed
    without = run_check(["app.py"], CheckSettings(), with_fixes=True)
    offers = {finding.span.line: offer for finding, offer in without.fixes.items()}
    assert offers[5].applies and offers[5].edit is not None
    # The item held in a name: the codemod decides, and it is not there to ask.
    assert not offers[4].applies
    assert "needs libcst" in offers[4].reason


# A list the app also tests for a scope, to switch a feature on.
TESTED_SCOPES = 'SCOPES = ["email.read_only", "email.modify"]\n'
TESTED_AUTH = textwrap.dedent(
    """\
    from nylas import APIClient

    from scopes import SCOPES

    client = APIClient("id", "secret")
    url = client.authentication_url("https://a/cb", scopes=SCOPES)


    def archive(message_id):
        client.messages.get(message_id).update_folder("archive")
    """
)


def _fix_tested(root: Path, reader: str) -> str:
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (root / "scopes.py").write_text(TESTED_SCOPES)
    (root / "auth.py").write_text(TESTED_AUTH)
    (root / "features.py").write_text("from scopes import SCOPES\n\n" + reader)
    assert [f["code"] for f in _json(".")["findings"]] == ["NYS104"]  # type: ignore[index]
    assert run_cli("fix", ".").code in (0, 1)
    return (root / "scopes.py").read_text()


def test_an_item_of_a_list_the_code_tests_for_it_is_not_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Redundant as a scope, 'email.read_only' also switches the inbox on: removing it
    # turned the feature off.
    monkeypatch.chdir(tmp_path)
    reader = 'INBOX_ENABLED = "email.read_only" in SCOPES\n'
    assert _fix_tested(tmp_path, reader) == TESTED_SCOPES


def test_an_item_of_a_list_the_code_only_shows_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    reader = 'CONSENT = "This app asks for " + ", ".join(SCOPES)\n'
    assert _fix_tested(tmp_path, reader) == 'SCOPES = ["email.modify"]\n'


ENUM_LIST = textwrap.dedent(
    """\
    from enum import Enum

    from nylas import APIClient


    class Scope(str, Enum):
        READ = "email.read_only"
        CONTACTS = "contacts.read_only"


    client = APIClient("id", "secret")
    url = client.authentication_url("https://a/cb", scopes=[s.value for s in Scope])
    inbox = client.messages.all()
    """
)


def _unused_contacts(tmp_path: Path, source: str) -> dict[str, object]:
    (tmp_path / "app.py").write_text(source)
    (finding,) = [f for f in _json("--isolated", "app.py")["findings"]  # type: ignore[attr-defined]
                  if f["code"] == "NYS303"]
    return finding  # type: ignore[no-any-return]


def test_an_unused_enum_member_is_not_offered_a_fix_fix_cannot_make(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    finding = _unused_contacts(tmp_path, ENUM_LIST)
    # The member's string is no element of a list: the codemod edits only lists.
    assert (finding["line"], finding["fix"]) == (8, {  # type: ignore[index]
        "available": False, "safety": None, "applies": False,
        "applies_with_unsafe_fixes": False,
        "reason": "the item is the value of an attribute of a class (an Enum member, "
                  "say), not an element of a list; take it out of each list that names "
                  "the member, or, where a request takes every member of the class, "
                  "remove it by hand where the class defines it",
    })
    # fix does not point at --unsafe-fixes for it, and that run leaves the file.
    safe = run_cli("fix", "--isolated", "app.py")
    assert (safe.code, safe.stderr) == (0, "")
    unsafe = run_cli("fix", "--unsafe-fixes", "--isolated", "app.py")
    assert unsafe.code == 0
    assert "app.py:8:16: NYS303 not fixed: the item is the value of an attribute" in unsafe.stderr
    assert (tmp_path / "app.py").read_text() == ENUM_LIST


def test_an_unused_scope_named_by_a_constant_is_not_offered_a_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    source = ENUM_LIST.replace("from enum import Enum\n\n", "").replace(
        'class Scope(str, Enum):\n    READ = "email.read_only"\n    CONTACTS = ',
        "CONTACTS = ").replace("[s.value for s in Scope]", '["email.read_only", CONTACTS]')
    finding = _unused_contacts(tmp_path, source)
    assert finding["fix"]["available"] is False  # type: ignore[index]
    assert "fix it where the list is written" in finding["fix"]["reason"]  # type: ignore[index]
    assert run_cli("fix", "--isolated", "app.py").stderr == ""


def test_an_unused_scope_written_in_the_list_keeps_its_unsafe_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Control: the same scope as an element of the list is removed by --unsafe-fixes.
    monkeypatch.chdir(tmp_path)
    source = ENUM_LIST.replace(
        "[s.value for s in Scope]", '["email.read_only", "contacts.read_only"]')
    finding = _unused_contacts(tmp_path, source)
    assert (finding["line"], finding["fix"]) == (12, {  # type: ignore[index]
        "available": True, "safety": "unsafe", "applies": False,
        "applies_with_unsafe_fixes": True,
        "reason": "it can change what the app is granted: applied with --unsafe-fixes",
    })
    safe = run_cli("fix", "--isolated", "app.py")
    assert "1 finding has an unsafe fix (NYS303)" in safe.stderr
    unsafe = run_cli("fix", "--unsafe-fixes", "--isolated", "app.py")
    assert (unsafe.code, unsafe.stderr) == (1, "")
    assert '["email.read_only"]' in (tmp_path / "app.py").read_text()


def _unused_contacts_of(tmp_path: Path, scopes_module: str, name: str, listed: str) -> object:
    """The fix offered for the unused ``contacts.read_only`` that another module
    holds as ``name``, with ``app.py`` requesting ``listed``."""
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "scopes.py").write_text(textwrap.dedent(scopes_module))
    source = ENUM_LIST.replace("from enum import Enum\n\n", f"from scopes import {name}\n").replace(
        'class Scope(str, Enum):\n    READ = "email.read_only"\n    CONTACTS = '
        '"contacts.read_only"\n', "").replace("[s.value for s in Scope]", listed)
    (tmp_path / "app.py").write_text(source)
    (finding,) = [f for f in _json("--isolated", ".")["findings"]  # type: ignore[attr-defined]
                  if f["code"] == "NYS303"]
    assert finding["path"] == "scopes.py"
    return finding["fix"]


def test_an_unused_member_of_another_module_s_str_enum_is_said_to_be_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A ``StrEnum`` of another module, read as ``[s.value for s in Scope]``: the
    # reason names the class, as for a ``(str, Enum)`` of the requesting module.
    # Before, it said to remove the item "where the name is used", which no code does.
    monkeypatch.chdir(tmp_path)
    fix = _unused_contacts_of(tmp_path, """\
        from enum import StrEnum


        class Scope(StrEnum):
            READ = "email.read_only"
            CONTACTS = "contacts.read_only"
        """, "Scope", "[s.value for s in Scope]")
    assert fix["available"] is False  # type: ignore[index]
    assert fix["reason"].endswith("remove it by hand where the class defines it")  # type: ignore[index]


def test_an_unused_constant_of_another_module_is_still_removed_where_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Control: a module constant listed by name is a name's whole value.
    monkeypatch.chdir(tmp_path)
    fix = _unused_contacts_of(tmp_path, 'CONTACTS = "contacts.read_only"\n', "CONTACTS",
                              '["email.read_only", CONTACTS]')
    assert fix["available"] is False  # type: ignore[index]
    assert fix["reason"].endswith("remove it where the name is used")  # type: ignore[index]
