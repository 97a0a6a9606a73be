"""Provider guards across modules: code one module reaches only under ``if
grant.provider == "google":`` lives in another module."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flake8_nylas_scopes.analysis.facts import ModuleFacts
from flake8_nylas_scopes.analysis.module import module_facts
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
_CLIENTS = f'''from nylas import Client

nylas = Client("key")


def login_google():
    return nylas.auth.url_for_oauth2({{"client_id": "id", "redirect_uri": "https://a/cb",
                                      "provider": "google", "scope": GOOGLE_SCOPES}})


def login_microsoft():
    return nylas.auth.url_for_oauth2({{"client_id": "id", "redirect_uri": "https://a/cb",
                                      "provider": "microsoft", "scope": ["Calendars.Read"]}})


GOOGLE_SCOPES = ["{G}gmail.labels", "{G}calendar.readonly"]
'''
# Labels: Google's grants have them; Microsoft's request does not grant the mail
# scope creating a folder needs.
_GMAIL = '''from .clients import nylas


def create_label(grant_id):
    _ensure(grant_id)


def _ensure(grant_id):
    nylas.folders.create(grant_id, request_body={"name": "Follow up"})


class GmailLabels:
    def __init__(self, grant_id):
        self.grant_id = grant_id

    def ensure(self):
        nylas.folders.create(self.grant_id, request_body={"name": "Waiting"})

    @staticmethod
    def ensure_all(grant_id):
        nylas.folders.create(grant_id, request_body={"name": "Receipts"})


def archive(grant_id):
    nylas.folders.create(grant_id, request_body={"name": "Archive"})
'''


def _sync(body: str, function: str = "work") -> str:
    """A module whose ``function`` reads calendars for every grant then runs
    ``body``, importing what of gmail.py the body uses (an unused import may be
    there for other modules to import from it)."""
    used = [name for name in ("GmailLabels", "create_label")
            if re.search(rf"(?<![\w.]){name}\b", body)]
    imports = "from . import gmail\n" if "gmail." in body else ""
    imports += "from .clients import nylas\n"
    imports += f"from .gmail import {', '.join(used)}\n" if used else ""
    return f"{imports}\n\ndef {function}(grant):\n    nylas.calendars.list(grant.id)\n{body}"
# A function imported by name (and what it alone calls in its module), a class (its
# instances, its static methods) and a function reached through its module.
_GOOGLE_WORK = ["create_label(grant.id)", "GmailLabels(grant.id).ensure()",
                "GmailLabels.ensure_all(grant.id)", "gmail.archive(grant.id)"]

# Every function and class of gmail.py reached only for Google's grants.
_LABELS = _sync("".join(f"    if grant.provider == 'google':\n        {call}\n"
                         for call in _GOOGLE_WORK), "label")


def _project(tmp_path: Path, files: dict[str, str], google_scopes: str = "") -> Path:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    clients = _CLIENTS if not google_scopes else _CLIENTS.replace(
        f'["{G}gmail.labels", "{G}calendar.readonly"]', google_scopes)
    for name, text in {"clients.py": clients, "gmail.py": _GMAIL, "labels.py": _LABELS,
                       **files}.items():
        (package / name).parent.mkdir(exist_ok=True)
        (package / name).write_text(text)
    return tmp_path


def _said(tmp_path: Path, files: dict[str, str], google_scopes: str = "",
          ) -> list[tuple[str, int, str, str]]:
    """The NYS301 and NYS304 findings: (file, line, code, message)."""
    root = _project(tmp_path, files, google_scopes)
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    return sorted((Path(f.span.path).name, f.span.line, f.code, f.message)
                  for f in result.findings if f.code in ("NYS301", "NYS304"))


def _codes(found: list[tuple[str, int, str, str]]) -> list[tuple[str, int, str]]:
    return [(name, line, code) for name, line, code, _ in found]


def _under(head: str, indent: str = "        ") -> str:
    return head + "".join(f"{indent}{call}\n" for call in _GOOGLE_WORK)


@pytest.mark.parametrize("body", [
    _under("    if grant.provider == 'google':\n"),
    _under("    if grant.provider != 'google':\n        return\n", "    "),
    _under("    match grant.provider:\n        case 'google':\n", "            "),
    _under("    is_google = grant.provider == 'google'\n    if is_google:\n"),
    # The provider held in a name bound once.
    _under("    kind = grant.provider\n    if kind.lower() == 'google':\n"),
    _under("    kind = grant.provider\n    match kind:\n        case 'google':\n",
           "            "),
    # A private function of the guarded module reached only under the guard.
    "    if grant.provider == 'google':\n        _google(grant)\n\n\n"
    + _under("def _google(grant):\n", "    "),
])
def test_code_of_another_module_reached_only_for_google_misses_no_microsoft_scope(
        tmp_path: Path, body: str) -> None:
    assert _said(tmp_path, {"sync.py": _sync(body)}) == []


def test_a_function_a_guarded_function_of_a_third_module_calls_is_kept_too(
        tmp_path: Path) -> None:
    # jobs.py tests no provider: its function is kept to Google by sync.py's guard.
    files = {
        "jobs.py": "from .gmail import archive, create_label\n\n\n"
                   "def label_google(grant_id):\n    create_label(grant_id)\n    archive(grant_id)\n",
        "sync.py": "from .jobs import label_google\n\n\ndef work(grant):\n"
                   "    if grant.provider == 'google':\n        label_google(grant.id)\n",
    }
    assert _said(tmp_path, files) == []


@pytest.mark.parametrize(("other", "missing"), [
    # Also called for every grant, by a module that tests no provider, or one that does.
    ("from .gmail import create_label\n\n\ndef nightly(grant_id):\n"
     "    create_label(grant_id)\n", [("gmail.py", 9)]),
    ("from . import gmail\n\n\ndef nightly(grant):\n    print(grant.provider)\n"
     "    gmail.archive(grant.id)\n", [("gmail.py", 25)]),
    ("from .gmail import GmailLabels\n\n\ndef nightly(grant_id):\n"
     "    GmailLabels(grant_id).ensure()\n", [("gmail.py", 17), ("gmail.py", 21)]),
    # Handed on, or the module itself handed on: whoever gets it may call it.
    ("from .gmail import create_label\n\n\ndef hooks():\n    return [create_label]\n",
     [("gmail.py", 9)]),
    ("from . import gmail\n\n\ndef hooks():\n    return gmail\n",
     [("gmail.py", 9), ("gmail.py", 17), ("gmail.py", 21), ("gmail.py", 25)]),
    # Named in a multi-line import and then handed on.
    ("from .gmail import (\n    create_label,\n)\n\nHOOKS = [create_label]\n",
     [("gmail.py", 9)]),
    # Every name of the module star-imported.
    ("from .gmail import *\n", [("gmail.py", 9), ("gmail.py", 17), ("gmail.py", 21),
                               ("gmail.py", 25)]),
    # Kept to Microsoft's grants.
    ("from .gmail import create_label\n\n\ndef nightly(grant):\n"
     "    if grant.provider == 'microsoft':\n        create_label(grant.id)\n",
     [("gmail.py", 9)]),
])
def test_code_of_another_module_any_grant_may_reach_still_misses_scopes(
        tmp_path: Path, other: str, missing: list[tuple[str, int]]) -> None:
    body = ("    if grant.provider == 'google':\n        create_label(grant.id)\n"
            "        GmailLabels(grant.id).ensure()\n        GmailLabels.ensure_all(grant.id)\n"
            "        gmail.archive(grant.id)\n")
    found = _said(tmp_path, {"sync.py": _sync(body), "jobs.py": other})
    assert _codes(found) == [(name, line, "NYS301") for name, line in missing], found
    assert all("Mail.ReadWrite" in message for *_, message in found)


def test_a_function_a_third_module_also_calls_for_every_grant_still_misses_scopes(
        tmp_path: Path) -> None:
    files = {
        "jobs.py": "from .gmail import archive\n\n\ndef label_google(grant_id):\n"
                   "    archive(grant_id)\n",
        "sync.py": "from .jobs import label_google\n\n\ndef work(grant):\n"
                   "    if grant.provider == 'google':\n        label_google(grant.id)\n"
                   "    label_google(grant.id)\n",
    }
    assert _codes(_said(tmp_path, files)) == [("gmail.py", 25, "NYS301")]


def test_code_kept_to_google_still_needs_googles_own_scope(tmp_path: Path) -> None:
    body = "    if grant.provider == 'google':\n        create_label(grant.id)\n"
    found = _said(tmp_path, {"sync.py": _sync(body)}, f'["{G}calendar.readonly"]')
    assert _codes(found) == [("gmail.py", line, "NYS301") for line in (9, 17, 21, 25)]
    assert all("gmail.labels" in message for *_, message in found)


def test_a_table_of_another_modules_functions_looked_up_by_another_key_is_unresolved(
        tmp_path: Path) -> None:
    sync = ("from .gmail import archive, create_label\n\n"
            "HANDLERS = {'google': create_label, 'microsoft': archive}\n\n\n"
            "def work(grant):  # by provider\n    HANDLERS[grant.kind](grant.id)\n")
    found = _said(tmp_path, {"sync.py": sync})
    assert _codes(found) == [("gmail.py", 9, "NYS304"), ("gmail.py", 25, "NYS304")], found
    message = found[0][3]
    assert "line 7 of " in message and "app/sync.py picks the code to run" in message, message


def test_reaches_survive_the_cache() -> None:
    source = ("from app import gmail\nfrom app.gmail import archive\n\n\n"
              "def work(grant):\n    if grant.provider == 'google':\n"
              "        gmail.create_label(grant.id)\n        archive(grant.id)\n"
              "    return gmail\n")
    facts = module_facts(None, "app/sync.py", source.splitlines(keepends=True), "app.sync",
                         flow=True)
    assert facts.import_reaches is not None
    reaches = dict(facts.import_reaches)
    assert reaches["app.gmail.create_label"].calls == (7,)
    assert reaches["app.gmail.archive"].calls == (8,)
    assert reaches["app.gmail"].other
    assert [name for name, *_ in facts.callable_reaches] == ["work"]
    again = ModuleFacts.from_json(facts.to_json())
    assert again.import_reaches == facts.import_reaches
    assert again.callable_reaches == facts.callable_reaches


def test_tables_survive_the_cache() -> None:
    source = ("from app.gmail import archive\n\n\ndef sync_microsoft(grant_id):\n    pass\n\n\n"
              "TABLE = {'google': archive, 'microsoft': sync_microsoft, 'ews': sync_microsoft}\n\n\n"
              "def work(grant):\n    TABLE[grant.provider](grant.id)\n    TABLE[grant.kind](grant.id)\n")
    facts = module_facts(None, "app/sync.py", source.splitlines(keepends=True), "app.sync",
                         flow=True)
    [(name, first, last, entries, reach)] = facts.provider_tables
    assert (name, first, last) == ("TABLE", 8, 8)
    assert entries == (("app.gmail.archive", ("google",)),
                       ("app.sync.sync_microsoft", ("ews", "microsoft")))
    assert reach.lookups == (12,) and reach.undecided == (13,) and not reach.other
    # The table's values are followed through the table.
    assert "app.gmail.archive" not in dict(facts.import_reaches or ())
    assert ModuleFacts.from_json(facts.to_json()).provider_tables == facts.provider_tables


def test_a_module_that_tests_no_provider_is_read_from_its_text() -> None:
    source = ("from app import gmail\nfrom app.gmail import (\n    archive,\n)\n\n\n"
              "def label(grant_id):\n    _helper(grant_id)\n    gmail.Labels.ensure(grant_id)\n\n\n"
              "def _helper(grant_id):\n    archive(grant_id)\n\n\n"
              "def kept():\n    return kept_too\n\n\ndef kept_too():\n    pass\n")
    facts = module_facts(None, "app/jobs.py", source.splitlines(keepends=True), "app.jobs",
                         flow=True)
    assert not facts.provider_guards
    callables = {name: (first, last, reach.calls)
                 for name, first, last, reach in facts.callable_reaches}
    # ``kept_too`` is handed on: used another way than by a call.
    assert callables == {"label": (7, 9, ()), "_helper": (12, 13, (8,)), "kept": (16, 17, ())}
    reaches = dict(facts.import_reaches or ())
    assert sorted(reaches) == ["app.gmail.Labels.ensure", "app.gmail.archive"]
    assert reaches["app.gmail.Labels.ensure"].calls == (9,)
    assert reaches["app.gmail.archive"].calls == (13,)


def _inferred(tmp_path: Path, files: dict[str, str]) -> dict[str, list[str]]:
    root = _project(tmp_path, files)
    [state] = analyse([str(root)], make_config(), lambda code: True, use_cache=False).states
    return {dialect: found.scopes for dialect, found in state.provider_inferences.items()}


def test_infer_leaves_out_of_a_providers_scopes_what_only_other_providers_reach(
        tmp_path: Path) -> None:
    # labels.py creates folders only for Google's grants: Microsoft's grants read
    # calendars and nothing more.
    inferred = _inferred(tmp_path, {})
    assert inferred["v3/microsoft"] == ["Calendars.Read"]
    assert f"{G}gmail.labels" in inferred["v3/google"]


def test_infer_keeps_in_each_providers_scopes_what_every_grant_reaches(
        tmp_path: Path) -> None:
    inferred = _inferred(tmp_path, {"jobs.py": "from .gmail import archive\n\n\n"
                                               "def nightly(grant_id):\n    archive(grant_id)\n"})
    assert "Mail.ReadWrite" in inferred["v3/microsoft"]
    assert f"{G}gmail.labels" in inferred["v3/google"]


def test_infer_keeps_what_a_key_not_tied_to_a_provider_picks(tmp_path: Path) -> None:
    sync = ("from .gmail import archive, create_label\n\n"
            "HANDLERS = {'google': create_label, 'microsoft': archive}\n\n\n"
            "def work(grant):  # by provider\n    HANDLERS[grant.kind](grant.id)\n")
    assert "Mail.ReadWrite" in _inferred(tmp_path, {"sync.py": sync})["v3/microsoft"]


def test_infer_applies_a_guard_in_the_calls_own_module(tmp_path: Path) -> None:
    sync = ("from .clients import nylas\n\n\ndef work(grant):\n"
            "    if grant.provider == 'google':\n"
            "        nylas.messages.list(grant.id)\n    else:\n        nylas.contacts.list(grant.id)\n")
    inferred = _inferred(tmp_path, {"sync.py": sync})
    assert "Mail.Read" not in inferred["v3/microsoft"]
    assert "Contacts.Read" in inferred["v3/microsoft"]
    assert not any("contacts" in scope for scope in inferred["v3/google"])


_TABLE = '''from .clients import nylas
from .gmail import archive


def sync_microsoft(grant_id):
    nylas.calendars.list(grant_id)


ARCHIVERS = {"google": archive, "microsoft": sync_microsoft}
'''


@pytest.mark.parametrize("lookup", [
    "from .handlers import ARCHIVERS\n\n\ndef work(grant):\n"
    "    ARCHIVERS[grant.provider](grant.id)\n",
    "from . import handlers\n\n\ndef work(grant):\n"
    "    handlers.ARCHIVERS.get(grant.provider)(grant.id)\n",
])
def test_a_table_of_another_module_looked_up_by_the_grants_provider_keeps_its_handlers(
        tmp_path: Path, lookup: str) -> None:
    assert _said(tmp_path, {"handlers.py": _TABLE, "sync.py": lookup}) == []


@pytest.mark.parametrize(("lookup", "code"), [
    # Used by another module other than by a lookup (iterated, handed on): how that
    # module's code gives the handlers to grants is not followed across modules, so
    # which providers reach them is unknown (NYS304), not every provider (a NYS301 the
    # Google request may not deserve).  Not missing, and not unused either.
    ("from .handlers import ARCHIVERS\n\n\ndef work(grant):\n"
     "    ARCHIVERS[grant.provider](grant.id)\n    for run in ARCHIVERS.values():\n"
     "        run(grant.id)\n", "NYS304"),
    ("from .handlers import ARCHIVERS\n\n\ndef hooks():\n    return ARCHIVERS\n", "NYS304"),
    # Looked up by a key not tied to the provider: which grants it runs for is unknown.
    ("from .handlers import ARCHIVERS\n\n\ndef work(grant):  # by provider\n"
     "    ARCHIVERS[grant.kind](grant.id)\n", "NYS304"),
])
def test_a_table_of_another_module_any_grant_may_reach_does_not_keep_its_handlers(
        tmp_path: Path, lookup: str, code: str) -> None:
    found = _said(tmp_path, {"handlers.py": _TABLE, "sync.py": lookup})
    assert _codes(found) == [("gmail.py", 25, code)], found


def test_a_table_looked_up_by_its_own_module_and_by_another_key_elsewhere_is_unresolved(
        tmp_path: Path) -> None:
    handlers = _TABLE + "\n\ndef work(grant):\n    ARCHIVERS[grant.provider](grant.id)\n"
    other = ("from .handlers import ARCHIVERS\n\n\ndef nightly(grant):  # any provider\n"
             "    ARCHIVERS[grant.kind](grant.id)\n")
    found = _said(tmp_path, {"handlers.py": handlers, "jobs.py": other})
    assert _codes(found) == [("gmail.py", 25, "NYS304")], found


_PREDICATES = '''def is_google(grant):
    """Gmail has labels."""
    return grant.provider == "google"


def uses_graph(grant):
    return grant.provider in ("microsoft", "ews")


def is_ready(grant):
    return grant.ready


def is_microsoft(grant):
    return grant.provider == "microsoft"


def is_gmail(grant):
    kind = grant.provider
    return kind == "google"

'''


@pytest.mark.parametrize("body", [
    "    if is_google(grant):\n        archive(grant.id)\n",
    "    if not uses_graph(grant):\n        archive(grant.id)\n",
    "    if uses_graph(grant):\n        pass\n    else:\n        archive(grant.id)\n",
    "    if not grants.is_google(grant):\n        return\n    archive(grant.id)\n",
    "    if grant.ready and is_google(grant):\n        archive(grant.id)\n",
    # The test's result held in a name the test then reads, in a module that says
    # "provider" itself too (its tree is read) and in one that does not (its text).
    "    google = is_google(grant)\n    if google:\n        archive(grant.id)\n",
    "    google = grants.is_google(grant)\n    if not google:\n        return\n"
    "    archive(grant.id)\n",
    "    print(grant.provider)\n    google = is_google(grant)\n    if google:\n"
    "        archive(grant.id)\n",
    # A test whose function binds the provider to a name first.
    "    if grants.is_gmail(grant):\n        archive(grant.id)\n",
])
def test_a_provider_test_of_another_module_keeps_code_to_its_providers(
        tmp_path: Path, body: str) -> None:
    # sync.py never says "provider": the test is all in grants.py.
    sync = ("from . import grants\nfrom .gmail import archive\n"
            "from .grants import is_google, uses_graph\n\n\ndef work(grant):\n" + body)
    assert _said(tmp_path, {"grants.py": _PREDICATES, "sync.py": sync}) == []


def _through_a_package(tmp_path: Path, predicates: str, called: str) -> list[
        tuple[str, int, str, str]]:
    """``called`` from grants.py, imported through ``app/util/__init__.py``, which
    re-exports it."""
    sync = (f"from .gmail import archive\nfrom app.util import {called}\n\n\n"
            f"def work(grant):\n    if {called}(grant):\n        archive(grant.id)\n")
    return _said(tmp_path, {"grants.py": predicates, "sync.py": sync,
                            "util/__init__.py": f"from ..grants import {called}\n"})


def test_a_provider_test_a_package_re_exports_keeps_code_to_its_providers(
        tmp_path: Path) -> None:
    assert _through_a_package(tmp_path, _PREDICATES, "is_google") == []


def test_a_provider_test_a_package_re_exports_is_read_as_what_it_tests(
        tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    found = _through_a_package(tmp_path / "other", _PREDICATES, "is_microsoft")
    assert _codes(found) == [("gmail.py", 25, "NYS301")], found
    (tmp_path / "unread").mkdir()
    found = _through_a_package(
        tmp_path / "unread", "def is_google(grant):\n    return grant.kind == 'google'\n",
        "is_google")
    assert _codes(found) == [("gmail.py", 25, "NYS304")], found


def _through_re_exports(tmp_path: Path, steps: int) -> list[tuple[str, int, str, str]]:
    """``is_google`` from grants.py, imported through ``steps`` modules each
    re-exporting it from the one before."""
    files = {"grants.py": _PREDICATES, "r1.py": "from .grants import is_google\n"}
    files.update({f"r{step}.py": f"from .r{step - 1} import is_google\n"
                  for step in range(2, steps + 1)})
    files["sync.py"] = (f"from .gmail import archive\nfrom .r{steps} import is_google\n\n\n"
                        "def work(grant):\n    if is_google(grant):\n        archive(grant.id)\n")
    return _said(tmp_path, files)


def test_a_provider_test_re_exported_past_the_last_followed_is_unresolved(
        tmp_path: Path) -> None:
    # Nine re-exports, one more than are followed: the test may keep the call to
    # Google's grants, so Microsoft's request is not said to miss its scope.
    found = _through_re_exports(tmp_path, 9)
    assert _codes(found) == [("gmail.py", 25, "NYS304")], found


def test_a_provider_test_re_exported_as_often_as_followed_keeps_code_to_its_providers(
        tmp_path: Path) -> None:
    assert _through_re_exports(tmp_path, 8) == []


@pytest.mark.parametrize("body", [
    # A test of the other provider, of no provider, or one any grant may pass.
    "    if is_microsoft(grant):\n        archive(grant.id)\n",
    "    if is_ready(grant):\n        archive(grant.id)\n",
    "    if is_google(grant) or grant.ready:\n        archive(grant.id)\n",
    "    if not is_google(grant):\n        archive(grant.id)\n",
    # Held in a name: of the other provider, of none, bound twice, or not tested.
    "    google = is_microsoft(grant)\n    if google:\n        archive(grant.id)\n",
    "    print(grant.provider)\n    ready = is_ready(grant)\n    if ready:\n"
    "        archive(grant.id)\n",
    "    google = is_google(grant)\n    google = grant.ready\n    if google:\n"
    "        archive(grant.id)\n",
    "    google = is_google(grant)\n    archive(grant.id)\n",
])
def test_a_test_of_another_module_that_keeps_out_no_microsoft_grant_keeps_nothing(
        tmp_path: Path, body: str) -> None:
    sync = ("from .gmail import archive\n"
            "from .grants import is_google, is_microsoft, is_ready\n\n\ndef work(grant):\n" + body)
    found = _said(tmp_path, {"grants.py": _PREDICATES, "sync.py": sync})
    assert _codes(found) == [("gmail.py", 25, "NYS301")], found


def test_a_function_of_another_module_named_like_a_test_but_bound_twice_keeps_nothing(
        tmp_path: Path) -> None:
    grants = _PREDICATES + "\n\nif __debug__:\n    def is_google(grant):\n        return True\n"
    sync = ("from .gmail import archive\nfrom .grants import is_google\n\n\n"
            "def work(grant):\n    if is_google(grant):\n        archive(grant.id)\n")
    found = _said(tmp_path, {"grants.py": grants, "sync.py": sync})
    assert _codes(found) == [("gmail.py", 25, "NYS301")], found


def test_the_fixture_infers_each_providers_scopes_without_the_others_code() -> None:
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "projects" / (
        "v3_provider_modules_clean")
    [state] = analyse([str(fixture)], make_config(), lambda code: True,
                      use_cache=False).states
    inferred = {dialect: found.scopes for dialect, found in state.provider_inferences.items()}
    # The Gmail labels are kept to Google's grants, Outlook's archiving to Microsoft's.
    assert inferred["v3/microsoft"] == ["Contacts.Read", "Mail.Read"]
    assert sorted(inferred["v3/google"]) == sorted(
        f"{G}{scope}" for scope in ("contacts.readonly", "gmail.labels", "gmail.readonly"))


def test_what_tests_call_for_every_grant_keeps_nothing_unguarded(tmp_path: Path) -> None:
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_gmail.py").write_text(
        "from app import gmail\nfrom app.gmail import create_label\n\n\n"
        "def test_label():\n    create_label('grant')\n    gmail.archive('grant')\n")
    assert _said(tmp_path, {}) == []


@pytest.mark.parametrize(("other", "missing"), [
    # Its module imported whole, the private function called for every grant.
    ("from . import sync\n\n\ndef nightly(grant_id):\n    sync._label(grant_id)\n", True),
    # Called only under a guard there too.
    ("from . import sync\n\n\ndef nightly(grant):\n    if grant.provider == 'google':\n"
     "        sync._label(grant.id)\n", False),
])
def test_a_private_function_kept_in_its_module_is_judged_with_every_module_that_calls_it(
        tmp_path: Path, other: str, missing: bool) -> None:
    sync = ("from .clients import nylas\n\n\ndef work(grant):\n    nylas.calendars.list(grant.id)\n"
            "    if grant.provider == 'google':\n        _label(grant.id)\n\n\n"
            "def _label(grant_id):\n    nylas.folders.create(grant_id, request_body={})\n")
    found = _said(tmp_path, {"sync.py": sync, "jobs.py": other})
    assert _codes(found) == ([("sync.py", 11, "NYS301")] if missing else []), found


def test_a_function_a_package_re_exports_is_judged_with_what_imports_it_from_there(
        tmp_path: Path) -> None:
    root = _project(tmp_path, {"jobs.py": "from app import create_label\n\n\n"
                                          "def nightly(grant_id):\n    create_label(grant_id)\n"})
    (root / "app" / "__init__.py").write_text("from .gmail import create_label\n")
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    found = sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings
                   if f.code in ("NYS301", "NYS304"))
    assert found == [("gmail.py", 9, "NYS301")]


# Each provider's work in a function named for it.
_BY_PROVIDER = '''from .clients import nylas


def sync_google(grant_id):
    nylas.folders.create(grant_id, request_body={"name": "Archive"})


def sync_microsoft(grant_id):
    nylas.calendars.list(grant_id)
'''
# Named for the provider alone: the client is reached through its module, for a
# member named like a provider (``nylas``) may be what ``getattr`` reads.
_HANDLERS_BY_NAME = _BY_PROVIDER.replace("def sync_", "def ").replace(
    "from .clients import nylas", "from . import clients").replace("nylas.", "clients.nylas.")


@pytest.mark.parametrize("sync", [
    "from . import providers\n\n\ndef work(grant):\n"
    "    getattr(providers, f'sync_{grant.provider}')(grant.id)\n",
    "import app.providers as providers\n\n\ndef work(grant):\n"
    "    handler = getattr(providers, 'sync_' + grant.provider.lower(), None)\n"
    "    handler(grant.id)\n",
    "from . import handlers\n\n\ndef work(grant):\n"
    "    getattr(handlers, grant.provider)(grant.id)\n",
    # The client handed to the function picked.
    "from . import providers\nfrom .clients import nylas\n\n\ndef work(grant):\n"
    "    getattr(providers, f'sync_{grant.provider}')(nylas, grant.id)\n",
])
def test_a_function_of_another_module_getattr_picks_by_the_grants_provider_is_kept(
        tmp_path: Path, sync: str) -> None:
    picked = {"handlers.py": _HANDLERS_BY_NAME} if "handlers" in sync else {
        "providers.py": _BY_PROVIDER if "(nylas" not in sync else _BY_PROVIDER.replace(
            "(grant_id)", "(client, grant_id)").replace("    nylas.", "    client.")}
    assert _said(tmp_path, {**picked, "sync.py": sync}) == []


@pytest.mark.parametrize("sync", [
    # Picked by a name not tied to the provider, or also called for every grant.
    "from . import providers\n\n\ndef work(grant):\n"
    "    getattr(providers, 'sync_' + grant.kind)(grant.id)\n",
    "from . import providers\n\n\ndef work(grant):\n"
    "    getattr(providers, f'sync_{grant.provider}')(grant.id)\n"
    "    providers.sync_google(grant.id)\n",
    # The module's name bound again: it may hold anything.
    "from . import providers\n\n\ndef work(grant):\n"
    "    getattr(providers, f'sync_{grant.provider}')(grant.id)\n\n\n"
    "def other():\n    global providers\n    providers = None\n",
])
def test_a_function_of_another_module_getattr_may_pick_for_any_grant_still_misses(
        tmp_path: Path, sync: str) -> None:
    found = _said(tmp_path, {"providers.py": _BY_PROVIDER, "sync.py": sync})
    assert _codes(found) == [("providers.py", 5, "NYS301")], found


def test_the_function_getattr_picks_for_microsoft_still_needs_microsofts_scope(
        tmp_path: Path) -> None:
    providers = _BY_PROVIDER.replace("nylas.calendars.list", "nylas.contacts.list")
    sync = ("from . import providers\n\n\ndef work(grant):\n"
            "    getattr(providers, f'sync_{grant.provider}')(grant.id)\n")
    found = _said(tmp_path, {"providers.py": providers, "sync.py": sync})
    assert _codes(found) == [("providers.py", 9, "NYS301")], found
    assert "Contacts.Read" in found[0][3], found


# A class whose methods other modules call on instances they hold.  Its constructor
# reads calendars, which every grant may.
_HELD = '''from .clients import nylas


class Labels:
    def __init__(self, client):
        self.nylas = client
        client.calendars.list("me")

    def create(self, grant_id):
        self.nylas.folders.create(grant_id, request_body={"name": "Follow up"})

    def archive(self, grant_id):
        self._archive(grant_id)

    def _archive(self, grant_id):
        nylas.folders.create(grant_id, request_body={"name": "Archive"})
'''
_HOLDER = '''from .clients import nylas
from .held import Labels


class Syncer:
    def __init__(self):
        self.labels = Labels(nylas)

    def run(self, grant):
        nylas.calendars.list(grant.id)
        if grant.provider == "google":
            self.labels.create(grant.id)
            self.labels.archive(grant.id)
'''
_MODULE_HOLDER = '''from .clients import nylas
from .held import Labels

labels = Labels(nylas)


def run(grant):
    if grant.provider != "google":
        return
    labels.create(grant.id)
    labels.archive(grant.id)
'''


@pytest.mark.parametrize("holder", [_HOLDER, _MODULE_HOLDER, _HOLDER.replace(
    "    def run(self, grant):", "    def run(self, grant):\n        google = is_google(grant)"
).replace('if grant.provider == "google":', "if google:").replace(
    "from .held import Labels", "from .held import Labels\nfrom .grants import is_google"),
    # The class reached through its module.
    _HOLDER.replace("from .held import Labels", "from . import held").replace(
        "Labels(nylas)", "held.Labels(nylas)"),
    # Called in a private method the module calls only under the guard.
    _HOLDER.replace("            self.labels.create(grant.id)\n"
                    "            self.labels.archive(grant.id)\n",
                    "            self._google(grant)\n\n    def _google(self, grant):\n"
                    "        self.labels.create(grant.id)\n"
                    "        self.labels.archive(grant.id)\n"),
])
def test_the_methods_of_a_class_another_module_holds_and_calls_under_a_guard_are_kept(
        tmp_path: Path, holder: str) -> None:
    files = {"held.py": _HELD, "sync.py": holder, "grants.py": _PREDICATES}
    assert _said(tmp_path, files) == []


@pytest.mark.parametrize("holder, others", [
    # Also called for every grant, in the holding module or through another holder.
    (_HOLDER + "\n    def nightly(self, grant):\n        self.labels.create(grant.id)\n", {}),
    (_HOLDER, {"jobs.py": "from .clients import nylas\nfrom .held import Labels\n\n"
                          "keep = Labels(nylas)\n\n\ndef nightly(grant):\n"
                          "    keep.create(grant.id)\n"}),
    # An instance made and used another way elsewhere.
    (_HOLDER, {"jobs.py": "from .clients import nylas\nfrom .held import Labels\n\n\n"
                          "def nightly(grant):\n    Labels(nylas).create(grant.id)\n"}),
    # What holds the instance handed on, or read by another module.
    (_HOLDER.replace("self.labels.archive(grant.id)", "self.labels.archive(grant.id)\n"
                     "        keep(self.labels)"), {}),
    (_HOLDER, {"jobs.py": "def nightly(syncer, grant):\n    syncer.labels.create(grant.id)\n"}),
    (_MODULE_HOLDER, {"jobs.py": "from .sync import labels\n\n\ndef nightly(grant):\n"
                                 "    labels.create(grant.id)\n"}),
    # Read by a module that holds instances of its own, or through the module that
    # holds it.
    (_HOLDER, {"jobs.py": "from .clients import nylas\nfrom .held import Labels\n\n\n"
                          "class Other:\n    def __init__(self):\n"
                          "        self.filters = Labels(nylas)\n\n"
                          "    def run(self, grant, syncer):\n"
                          "        if grant.provider == 'google':\n"
                          "            self.filters.archive(grant.id)\n"
                          "        keep(syncer.labels)\n"}),
    (_MODULE_HOLDER, {"jobs.py": "from . import sync\n\n\ndef nightly(grant):\n"
                                 "    sync.labels.create(grant.id)\n"}),
    # The instance's holder bound to something else as well.
    (_HOLDER.replace("self.labels = Labels(nylas)",
                     "self.labels = Labels(nylas)\n        labels = self.labels"), {}),
])
def test_the_methods_of_a_held_instance_any_grant_may_reach_still_miss_scopes(
        tmp_path: Path, holder: str, others: dict[str, str]) -> None:
    found = _said(tmp_path, {"held.py": _HELD, "sync.py": holder, **others})
    assert ("held.py", 10, "NYS301") in _codes(found), found


@pytest.mark.parametrize("held", [
    # The class calls the method itself for every grant, reads it another way, or
    # inherits code that may call it.
    _HELD.replace('client.calendars.list("me")', 'self.create("me")'),
    _HELD.replace('client.calendars.list("me")', "self.on_start = self.create"),
    _HELD.replace('client.calendars.list("me")', 'getattr(self, "cre" + client.kind)("me")'),
    "class Base:\n    pass\n\n\n" + _HELD.replace("class Labels:", "class Labels(Base):"),
])
def test_the_methods_of_a_held_class_its_own_code_may_reach_still_miss_scopes(
        tmp_path: Path, held: str) -> None:
    found = _said(tmp_path, {"held.py": held, "sync.py": _HOLDER})
    assert any(name == "held.py" and code == "NYS301" and "create" in message
               for name, _, code, message in found), found


def test_an_instance_held_where_no_code_is_kept_to_providers_is_recorded_as_a_call() -> None:
    # Only a method called where a guard may keep it tells the judge more than the
    # constructor's call does: elsewhere the facts stay as small as they were.
    source = ("from flask import Blueprint\n\nbp = Blueprint('auth', __name__)\n\n\n"
              "@bp.route('/login')\ndef login(grant):\n    if grant.provider == 'google':\n"
              "        return 'gmail'\n")
    facts = module_facts(None, "app/auth.py", source.splitlines(keepends=True), "app.auth",
                         flow=True)
    assert [name for name, _ in facts.import_reaches or ()] == ["flask.Blueprint"]
    held = module_facts(None, "app/sync.py", _HOLDER.splitlines(keepends=True), "app.sync",
                        flow=True)
    assert [name for name, _ in held.import_reaches or ()
            if name.startswith("app.held")] == [
        "app.held.Labels.__init__", "app.held.Labels.archive", "app.held.Labels.create"]


def test_a_held_instances_constructor_still_runs_for_every_grant(tmp_path: Path) -> None:
    held = _HELD.replace('client.calendars.list("me")', 'client.contacts.list("me")')
    found = _said(tmp_path, {"held.py": held, "sync.py": _HOLDER})
    # Each provider's request misses the contacts scope there.
    assert _codes(found) == [("held.py", 7, "NYS301")] * 2, found


# A test of the provider the analysis cannot read: which providers' grants take its
# branch is unknown.
_UNREAD_TEST = "if grant.provider in enabled_providers():"


@pytest.mark.parametrize("files", [
    # A function of another module called there.
    {"sync.py": f"from .gmail import archive\n\n\ndef work(grant):\n    {_UNREAD_TEST}\n"
                "        archive(grant.id)\n"},
    # A private function of the module, and one of its private methods, called there.
    {"sync.py": f"from .clients import nylas\n\n\ndef work(grant):\n    {_UNREAD_TEST}\n"
                "        _label(grant.id)\n\n\ndef _label(grant_id):\n"
                "    nylas.folders.create(grant_id, request_body={})\n"},
    {"sync.py": f"from .clients import nylas\n\n\nclass Sync:\n    def work(self, grant):\n"
                f"        {_UNREAD_TEST}\n            self._label(grant.id)\n\n"
                "    def _label(self, grant_id):\n"
                "        nylas.folders.create(grant_id, request_body={})\n"},
    # The methods of an instance another module holds.
    {"held.py": _HELD, "sync.py": _HOLDER.replace('if grant.provider == "google":',
                                                  _UNREAD_TEST)},
])
def test_code_called_only_under_a_test_of_the_provider_not_read_is_unresolved(
        tmp_path: Path, files: dict[str, str]) -> None:
    found = _said(tmp_path, files)
    assert found and {code for _, _, code, _ in found} == {"NYS304"}, found
    assert all("the test of the provider at line" in message for *_, message in found)


def test_code_called_under_a_test_not_read_and_for_every_grant_still_misses_scopes(
        tmp_path: Path) -> None:
    sync = (f"from .gmail import archive\n\n\ndef work(grant):\n    {_UNREAD_TEST}\n"
            "        archive(grant.id)\n")
    jobs = "from .gmail import archive\n\n\ndef nightly(grant):\n    archive(grant.id)\n"
    found = _said(tmp_path, {"sync.py": sync, "jobs.py": jobs})
    assert _codes(found) == [("gmail.py", 25, "NYS301")], found


@pytest.mark.parametrize("grants", [
    # The provider read through another function, or compared with another module's
    # constant.
    "def _provider_of(grant):\n    return grant.provider\n\n\n"
    "def is_google(grant):\n    return _provider_of(grant) == 'google'\n",
    "from .settings import GOOGLE\n\n\ndef is_google(grant):\n"
    "    return grant.provider == GOOGLE\n",
    # Named for a provider, in a module that never says "provider".
    "def is_google(grant):\n    return grant.kind == 'google'\n",
    # Decorated: the decorator may give another function.
    "import functools\n\n\n@functools.cache\ndef is_google(grant):\n"
    "    return grant.provider == 'google'\n",
    # A name that says provider bound to something else first: always True.
    "def is_google(grant):\n    provider = 'google'\n    return provider == 'google'\n",
])
def test_a_test_calling_a_function_of_another_module_not_read_as_a_test_is_unresolved(
        tmp_path: Path, grants: str) -> None:
    sync = ("from .gmail import archive\nfrom .grants import is_google\n\n\n"
            "def work(grant):\n    if is_google(grant):\n        archive(grant.id)\n")
    files = {"grants.py": grants, "sync.py": sync, "settings.py": "GOOGLE = 'google'\n"}
    (tmp_path / "called").mkdir()
    found = _said(tmp_path / "called", files)
    assert _codes(found) == [("gmail.py", 25, "NYS304")], found
    assert "the test of the provider at line 6 of" in found[0][3], found
    # The methods of an instance held to call them there too.
    holder = _HOLDER.replace('if grant.provider == "google":', "if is_google(grant):").replace(
        "from .held import Labels", "from .held import Labels\nfrom .grants import is_google")
    (tmp_path / "held").mkdir()
    found = _said(tmp_path / "held", {**files, "held.py": _HELD, "sync.py": holder})
    assert {code for *_, code, _ in found} == {"NYS304"}, found


_CHECKED = ("from .gmail import archive\nfrom .helpers import check\n\n\n"
            "def work(grant):\n    if check(grant):\n        archive(grant.id)\n")


@pytest.mark.parametrize("helpers", [
    # Named for nothing, in a module that never says "provider" nor compares
    # anything with a provider's name on the line: a provider's name read in the
    # body, or through a module name bound to one.
    "def check(grant):\n    wanted = 'google'\n    return grant.kind == wanted\n",
    "KINDS = ('google',)\n\n\ndef check(grant):\n    return grant.kind in KINDS\n",
    "MAIL = {'google': True}\n\n\ndef check(grant):\n    return MAIL.get(grant.kind, False)\n",
])
def test_a_generic_function_of_another_module_reading_a_providers_name_is_unresolved(
        tmp_path: Path, helpers: str) -> None:
    found = _said(tmp_path, {"helpers.py": helpers, "sync.py": _CHECKED})
    assert _codes(found) == [("gmail.py", 25, "NYS304")], found


def test_a_generic_function_of_another_module_reading_no_provider_keeps_nothing(
        tmp_path: Path) -> None:
    helpers = "KINDS = ('mail',)\n\n\ndef check(grant):\n    return grant.kind in KINDS\n"
    found = _said(tmp_path, {"helpers.py": helpers, "sync.py": _CHECKED})
    assert _codes(found) == [("gmail.py", 25, "NYS301")], found


def test_a_function_not_read_as_a_test_and_called_for_every_grant_still_misses_scopes(
        tmp_path: Path) -> None:
    grants = "def is_google(grant):\n    return grant.kind == 'google'\n"
    sync = ("from .gmail import archive\nfrom .grants import is_google\n\n\n"
            "def work(grant):\n    if is_google(grant):\n        archive(grant.id)\n"
            "    archive(grant.id)\n")
    found = _said(tmp_path, {"grants.py": grants, "sync.py": sync})
    assert _codes(found) == [("gmail.py", 25, "NYS301")], found


@pytest.mark.parametrize(("test", "imports"), [
    # Something not named for the provider compared with another module's constant
    # named for one, or a question named for one, in a module that never says
    # "provider".
    ("grant.kind == GOOGLE", "from .settings import GOOGLE\n"),
    ("(\n            grant.kind\n            == GOOGLE\n    )", "from .settings import GOOGLE\n"),
    ("grant.is_google", ""),
    ("not grant.is_outlook", ""),
    ("grant.isGoogle", ""),
    # A static method of a class of another module, another library's function.
    ("Grants.is_google(grant)", "from .settings import Grants\n"),
    ("is_google(grant)", "from acme.grants import is_google\n"),
])
def test_a_test_that_may_read_the_provider_by_another_value_leaves_calls_unresolved(
        tmp_path: Path, test: str, imports: str) -> None:
    settings = ("GOOGLE = 'google'\n\n\nclass Grants:\n    @staticmethod\n"
                "    def is_google(grant):\n        return grant.provider == 'google'\n")
    sync = f"{imports}from .gmail import archive\n\n\ndef work(grant):\n    if {test}:\n" \
           "        archive(grant.id)\n"
    (tmp_path / "called").mkdir()
    found = _said(tmp_path / "called", {"settings.py": settings, "sync.py": sync})
    assert _codes(found) == [("gmail.py", 25, "NYS304")], found
    # The methods of an instance another module's class makes, held to call them.
    holder = _HOLDER.replace('if grant.provider == "google":', f"if {test}:").replace(
        "from .held import Labels", f"{imports}from .held import Labels")
    (tmp_path / "held").mkdir()
    found = _said(tmp_path / "held", {"settings.py": settings, "held.py": _HELD,
                                      "sync.py": holder})
    assert _codes(found) == [("held.py", 10, "NYS304"), ("held.py", 16, "NYS304")], found


@pytest.mark.parametrize("test", [
    # Any grant passes when the other part holds; a setting, the same for every grant.
    "grant.is_google or grant.ready",
    "settings.GOOGLE_SYNC",
])
def test_a_test_that_reads_no_provider_for_some_grants_keeps_nothing(
        tmp_path: Path, test: str) -> None:
    sync = ("from . import settings\nfrom .gmail import archive\n\n\ndef work(grant):\n"
            f"    if {test}:\n        archive(grant.id)\n")
    found = _said(tmp_path, {"settings.py": "GOOGLE_SYNC = True\n", "sync.py": sync})
    assert _codes(found) == [("gmail.py", 25, "NYS301")], found


def test_code_under_tests_not_read_survives_the_cache() -> None:
    source = ("from .grants import is_google\n\n\ndef is_gmail(grant):\n"
              "    return grant.kind == 'gmail'\n\n\ndef work(grant):\n"
              "    if grant.provider in enabled():\n        _label(grant)\n"
              "    if is_google(grant):\n        pass\n\n\ndef _label(grant):\n    pass\n")
    facts = module_facts(None, "app/sync.py", source.splitlines(keepends=True), "app.sync",
                         flow=True)
    assert facts.unread_callables == [("_label", 15, 16, 9)]
    assert facts.unread_predicates == ["is_gmail"]
    assert [guard[-1] for guard in facts.predicate_guards] == [11]
    again = ModuleFacts.from_json(facts.to_json())
    assert (again.unread_callables, again.unread_predicates, again.predicate_guards) == (
        facts.unread_callables, facts.unread_predicates, facts.predicate_guards)


_ONLY = ("import functools\n\n\ndef only(kind):\n    def wrap(function):\n"
         "        @functools.wraps(function)\n        def run(grant):\n"
         "            if grant.kind == kind:\n                return function(grant)\n"
         "        return run\n    return wrap\n")


@pytest.mark.parametrize(("decorator", "code"), [
    # The wrapper a decorator naming a provider gives may run the body for some
    # providers' grants only.
    ("@only('google')", "NYS304"),
    ("@only(kind=GOOGLE)", "NYS304"),
    # One that names none guards nothing the analysis can see.
    ("@only('beta')", "NYS301"),
])
def test_a_function_decorated_for_a_provider_leaves_its_calls_unresolved(
        tmp_path: Path, decorator: str, code: str) -> None:
    sync = ("from .gmail import archive\nfrom .only import only\nfrom .settings import GOOGLE"
            f"\n\n\n{decorator}\ndef work(grant):\n    archive(grant.id)\n")
    found = _said(tmp_path, {"only.py": _ONLY, "settings.py": "GOOGLE = 'google'\n",
                             "sync.py": sync})
    assert _codes(found) == [("gmail.py", 25, code)], found


# A registry of provider classes spread over modules: the dict and what fills it in
# one, the classes in another, the lookup by the grant's provider in a third.
_REGISTRY = '''SYNCS = {}


def register(cls):
    SYNCS[cls.provider] = cls
    return cls


def wrap(cls):
    cls.wrapped = True
    return cls


class Base:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Base.registry[cls.provider] = cls

    registry = {}

    @classmethod
    def for_grant(cls, grant):
        return cls.registry[grant.provider]()


class Plain:
    pass
'''
_LOOKUPS = '''from .registry import SYNCS, Base


def run(grant):
    SYNCS[grant.provider]().sync(grant.id)
    Base.registry[grant.provider]().sync(grant.id)
    Base.for_grant(grant).sync(grant.id)
'''


def _gmail_class(head: str, imports: str) -> str:
    """A Google class of its own module, made as ``head`` says."""
    return (f"{imports}\nfrom .clients import nylas\n\n\n{head}\n    provider = 'google'\n\n"
            "    def sync(self, grant_id):\n"
            "        nylas.folders.create(grant_id, request_body={'name': 'Later'})\n")


@pytest.mark.parametrize("head, imports", [
    ("@register\nclass GmailSync:", "from .registry import register"),
    ("@registry.register\nclass GmailSync:", "from . import registry"),
])
def test_a_class_a_registrar_of_another_module_registers_exactly_needs_its_providers_only(
        tmp_path: Path, head: str, imports: str) -> None:
    # ``SYNCS`` holds ``{"google": GmailSync}`` once every module is read, looked up
    # by the grant's provider only.
    files = {"registry.py": _REGISTRY, "lookups.py": _LOOKUPS,
             "gmail_sync.py": _gmail_class(head, imports)}
    assert _said(tmp_path, files) == []


@pytest.mark.parametrize("head, imports", [
    # A second decorator, and bases filling a dict held as the base's attribute.
    ("@dataclasses.dataclass\n@register\nclass GmailSync:",
     "import dataclasses\nfrom .registry import register"),
    ("class GmailSync(Base):", "from .registry import Base"),
    # Through a package that re-exports the base, and a base of the module's own
    # deriving from it.
    ("class Mail(Base):\n    pass\n\n\nclass GmailSync(Mail):", "from . import Base"),
])
def test_a_class_a_registrar_of_another_module_may_register_is_unresolved_not_missing(
        tmp_path: Path, head: str, imports: str) -> None:
    files = {"registry.py": _REGISTRY, "lookups.py": _LOOKUPS,
             "gmail_sync.py": _gmail_class(head, imports)}
    if imports == "from . import Base":
        files["__init__.py"] = "from .registry import Base\n"
    found = _said(tmp_path, files)
    assert _codes(found) == [("gmail_sync.py", 9 + head.count("\n") + imports.count("\n"),
                              "NYS304")], found
    assert "cannot tell whether microsoft grants reach nylas.folders.create()" in found[0][3]


@pytest.mark.parametrize("head, imports", [
    # Decorators and bases that store nothing keep the class for every grant.
    ("@wrap\nclass GmailSync:", "from .registry import wrap"),
    ("@dataclasses.dataclass\nclass GmailSync:", "import dataclasses"),
    ("@functools.total_ordering\nclass GmailSync:", "import functools"),
    ("class GmailSync(Plain):", "from .registry import Plain"),
    ("class GmailSync(enum.Enum):", "import enum"),
])
def test_a_class_of_a_decorator_or_base_storing_nothing_still_misses_scopes(
        tmp_path: Path, head: str, imports: str) -> None:
    files = {"registry.py": _REGISTRY, "lookups.py": _LOOKUPS,
             "gmail_sync.py": _gmail_class(head, imports)}
    found = _said(tmp_path, files)
    assert _codes(found) == [("gmail_sync.py", 9 + head.count("\n") + imports.count("\n"),
                              "NYS301")], found
    assert "Mail.ReadWrite" in found[0][3]


def test_registrars_and_class_links_survive_the_cache() -> None:
    registry = module_facts(None, "registry.py", _REGISTRY.splitlines(keepends=True),
                            "app.registry", flow=True)
    text = _gmail_class("@register\nclass GmailSync:", "from .registry import register")
    gmail = module_facts(None, "gmail_sync.py", text.splitlines(keepends=True),
                         "app.gmail_sync", flow=True)
    assert list(registry.registrars) == ["Base", "register"]
    assert [link[0] for link in gmail.class_links] == ["GmailSync"]
    for facts in (registry, gmail):
        again = ModuleFacts.from_json(facts.to_json())
        assert (again.registrars, again.class_links) == (facts.registrars, facts.class_links)


@pytest.mark.parametrize("choice, expected", [
    # Both branches call on one line: the line alone cannot tell them apart.
    ("GmailLabels(grant.id).ensure() if grant.provider == 'google' else print(grant)", []),
    ("print(grant) if grant.provider != 'google' else gmail.archive(grant.id)", []),
    # Made for every grant: the test is not the provider's.  The class goes with
    # every method.
    ("GmailLabels(grant.id).ensure() if grant.ready else print(grant)",
     [("gmail.py", 17, "NYS301"), ("gmail.py", 21, "NYS301")]),
    ("gmail.archive(grant.id) if grant.provider == 'microsoft' else print(grant)",
     [("gmail.py", 25, "NYS301")]),
])
def test_another_modules_code_made_in_a_one_line_conditional_is_kept_to_its_providers(
        tmp_path: Path, choice: str, expected: list[tuple[str, int, str]]) -> None:
    found = _said(tmp_path, {"sync.py": _sync(f"    return {choice}\n")})
    assert _codes(found) == expected, found
