"""Handlers stored next to a provider's name in a structure the analysis does not read
as an exact provider table: which grants reach them is unknown, so a scope only one
handler needs is neither reported missing from the other providers' requests
(NYS301) nor unused (NYS303); NYS304 says why.  Tables it does read exactly stay so."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

G = "https://www.googleapis.com/auth/"
USAGE = frozenset({"NYS301", "NYS302", "NYS303", "NYS405"})

# Gmail's handler lists folders (``gmail.labels`` is enough), Outlook's lists
# messages (``Mail.Read``): the Google request does not grant the messages' scope.
_APP = f'''from nylas import Client

nylas = Client("key")


def login_google():
    return nylas.auth.url_for_oauth2({{"client_id": "id", "redirect_uri": "https://a/cb",
                                      "provider": "google", "scope": ["{G}gmail.labels"]}})


def login_microsoft():
    return nylas.auth.url_for_oauth2({{"client_id": "id", "redirect_uri": "https://a/cb",
                                      "provider": "microsoft", "scope": ["Mail.Read"]}})


class GmailHandler:
    def __init__(self, grant_id):
        self.grant_id = grant_id

    def labels(self):
        return nylas.folders.list(self.grant_id)


class OutlookHandler:
    def __init__(self, grant_id):
        self.grant_id = grant_id

    def labels(self):
        return nylas.messages.list(self.grant_id)

'''


def _findings(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((f.span.path.rsplit("/", 1)[-1], f.code, f.message) for f in result.findings
                  if f.code in USAGE | {"NYS304"})


def _one_module(tmp_path: Path, dispatch: str) -> list[tuple[str, str, str]]:
    return _findings(tmp_path, {"app.py": _APP + dispatch})


_UNREAD = {
    "returned": '''
def handlers():
    return {"google": GmailHandler, "microsoft": OutlookHandler}


def work(grant):
    return handlers()[grant.provider](grant.id).labels()
''',
    "pairs": '''
HANDLERS = [("google", GmailHandler), ("microsoft", OutlookHandler)]


def work(grant):
    return next(h for p, h in HANDLERS if p == grant.provider)(grant.id).labels()
''',
    "pairs-of-a-class": '''
class Dispatcher:
    handlers = (("google", GmailHandler), ("microsoft", OutlookHandler))

    def run(self, grant):
        for provider, handler in self.handlers:
            if provider == grant.provider:
                return handler(grant.id).labels()
''',
    "items-iterated": '''
HANDLERS = {"google": GmailHandler, "microsoft": OutlookHandler}


def work(grant):
    for provider, handler in HANDLERS.items():
        if provider == grant.provider:
            return handler(grant.id).labels()
''',
    "handed-on": '''
def work(grant, dispatch):
    return dispatch({"google": GmailHandler, "microsoft": OutlookHandler}, grant)
''',
    "item-written": '''
HANDLERS = {}
HANDLERS["google"] = GmailHandler
HANDLERS["microsoft"] = OutlookHandler


def work(grant):
    return HANDLERS[grant.provider](grant.id).labels()
''',
    "registered": '''
HANDLERS = {}


def register(provider, handler):
    HANDLERS[provider] = handler


register("google", GmailHandler)
register("microsoft", OutlookHandler)


def work(grant):
    return HANDLERS[grant.provider](grant.id).labels()
''',
    "updated-by-keywords": '''
HANDLERS = {}
HANDLERS.update(google=GmailHandler, microsoft=OutlookHandler)


def work(grant):
    return HANDLERS[grant.provider](grant.id).labels()
''',
    "keywords-merged": '''
BASE = {}
HANDLERS = dict(BASE, google=GmailHandler, microsoft=OutlookHandler)


def work(grant):
    return HANDLERS[grant.provider](grant.id).labels()
''',
}


@pytest.mark.parametrize("dispatch", list(_UNREAD))
def test_a_handler_stored_by_a_providers_name_is_unresolved_not_missing(
        tmp_path: Path, dispatch: str) -> None:
    found = _one_module(tmp_path, _UNREAD[dispatch])
    # Not missing from the Google request, and no scope a handler needs is unused.
    assert [code for _, code, _ in found] == ["NYS304"], found
    assert "cannot tell whether google grants reach nylas.messages.list()" in found[0][2]


_EXACT = {
    "display": '''
HANDLERS = {"google": GmailHandler, "microsoft": OutlookHandler}


def work(grant):
    return HANDLERS[grant.provider](grant.id).labels()
''',
    "keywords": '''
HANDLERS = dict(google=GmailHandler, microsoft=OutlookHandler)


def work(grant):
    return HANDLERS[grant.provider](grant.id).labels()
''',
    # What a value holds without running anything is picked with it.
    "tuple-values": '''
HANDLERS = {"google": (GmailHandler, "gmail"), "microsoft": (OutlookHandler, "graph")}


def work(grant):
    return HANDLERS[grant.provider][0](grant.id).labels()
''',
    "lambda-values": '''
HANDLERS = {"google": lambda grant_id: GmailHandler(grant_id),
            "microsoft": lambda grant_id: OutlookHandler(grant_id)}


def work(grant):
    return HANDLERS[grant.provider](grant.id).labels()
''',
    # Instances made once: their methods run only when the lookup gives them.
    "instance-values": '''
HANDLERS = {"google": GmailHandler("me"), "microsoft": OutlookHandler("me")}


def work(grant):
    return HANDLERS[grant.provider].labels()
''',
}


@pytest.mark.parametrize("dispatch", list(_EXACT))
def test_a_table_only_looked_up_by_the_grants_provider_stays_exact(
        tmp_path: Path, dispatch: str) -> None:
    assert _one_module(tmp_path, _EXACT[dispatch]) == []


@pytest.mark.parametrize("dispatch", [
    # Outlook's handler also made for every grant.
    _UNREAD["pairs"] + "\n\ndef every(grant):\n    return OutlookHandler(grant.id).labels()\n",
    _UNREAD["returned"] + "\n\ndef every(grant):\n    return OutlookHandler(grant.id).labels()\n",
    # Read exactly, and Google's key gives Outlook's handler.
    _EXACT["keywords"].replace("google=GmailHandler", "google=OutlookHandler"),
    _EXACT["lambda-values"].replace("lambda grant_id: GmailHandler",
                                    "lambda grant_id: OutlookHandler"),
    _EXACT["instance-values"].replace('"google": GmailHandler', '"google": OutlookHandler'),
    # Every handler run, whatever the provider.
    _EXACT["keywords"] + "\n\ndef every(grant):\n    for handler in HANDLERS.values():\n"
    "        handler(grant.id).labels()\n",
])
def test_a_handler_any_google_grant_reaches_still_misses_the_scope(
        tmp_path: Path, dispatch: str) -> None:
    found = _one_module(tmp_path, dispatch)
    assert [code for _, code, _ in found] == ["NYS301"], found
    assert f"{G}gmail.readonly" in found[0][2]


def test_a_keywords_dict_of_a_module_that_binds_dict_is_unresolved(tmp_path: Path) -> None:
    found = _one_module(tmp_path, _EXACT["keywords"] + "\n\ndef dict(**entries):\n"
                        "    return {'google': OutlookHandler}\n")
    assert [code for _, code, _ in found] == ["NYS304"], found


# Each handler given its provider after its class body, then a table keyed by it.
_SET_AFTER = {
    "literals": 'GmailHandler.provider = "google"\nOutlookHandler.provider = "microsoft"\n',
    "constants": 'GOOGLE = "google"\nMICROSOFT = "microsoft"\n'
                 "GmailHandler.provider = GOOGLE\nOutlookHandler.provider = MICROSOFT\n",
}
_KEYED_BY_ATTRIBUTE = '''HANDLERS = {cls.provider: cls for cls in (GmailHandler, OutlookHandler)}


def work(grant):
    return HANDLERS[grant.provider](grant.id).labels()
'''


@pytest.mark.parametrize("given", list(_SET_AFTER))
def test_a_table_keyed_by_an_attribute_set_after_the_class_is_unresolved(
        tmp_path: Path, given: str) -> None:
    # Setting the attribute runs no handler; which key each class gets is not read,
    # so Outlook's handler is not taken to be reached by Google's grants.
    found = _one_module(tmp_path, "\n" + _SET_AFTER[given] + _KEYED_BY_ATTRIBUTE)
    assert [code for _, code, _ in found] == ["NYS304"], found
    assert "cannot tell whether google grants reach nylas.messages.list()" in found[0][2]


@pytest.mark.parametrize(("base", "codes"), [
    # A base of a library is trusted as where the class body binds the provider.
    ("library.Handler", ["NYS304"]),
    # A metaclass may run anything as the attribute is set: a use for every grant.
    ("metaclass=library.Meta", ["NYS301"]),
])
def test_a_class_with_a_base_given_its_provider_after_its_body(
        tmp_path: Path, base: str, codes: list[str]) -> None:
    app = "import library\n" + _APP.replace("class GmailHandler:", f"class GmailHandler({base}):")
    found = _findings(tmp_path, {"app.py": app.replace(
        "class OutlookHandler:", f"class OutlookHandler({base}):")
        + "\n" + _SET_AFTER["literals"] + _KEYED_BY_ATTRIBUTE})
    assert [code for _, code, _ in found] == codes, found


def test_a_table_keyed_by_an_attribute_of_the_class_body_stays_exact(tmp_path: Path) -> None:
    app = _APP.replace("class GmailHandler:\n", 'class GmailHandler:\n    provider = "google"\n')
    app = app.replace("class OutlookHandler:\n",
                      'class OutlookHandler:\n    provider = "microsoft"\n')
    assert _findings(tmp_path, {"app.py": app + "\n" + _KEYED_BY_ATTRIBUTE}) == []


def test_a_handler_given_its_provider_after_its_body_and_made_for_every_grant_is_missing(
        tmp_path: Path) -> None:
    found = _one_module(tmp_path, "\n" + _SET_AFTER["literals"] + _KEYED_BY_ATTRIBUTE
                        + "\n\ndef every(grant):\n    return OutlookHandler(grant.id).labels()\n")
    assert [code for _, code, _ in found] == ["NYS301"], found
    assert f"{G}gmail.readonly" in found[0][2]


# The handlers' module names a provider only in its table; another module dispatches.
_HANDLERS_MODULE = _APP + '''
HANDLERS = {"google": GmailHandler, "microsoft": OutlookHandler}
'''


@pytest.mark.parametrize("dispatch", [
    "    for provider, handler in HANDLERS.items():\n"
    "        if provider == grant.provider:\n            return handler(grant.id).labels()\n",
    "    return run_all(HANDLERS, grant)\n",
])
def test_a_table_another_module_iterates_or_hands_on_is_unresolved(
        tmp_path: Path, dispatch: str) -> None:
    found = _findings(tmp_path, {
        "handlers.py": _HANDLERS_MODULE,
        "work.py": "from handlers import HANDLERS\n\n\ndef work(grant):\n" + dispatch})
    assert [(path, code) for path, code, _ in found] == [("handlers.py", "NYS304")], found


def test_a_table_another_module_looks_up_by_the_grants_provider_stays_exact(
        tmp_path: Path) -> None:
    found = _findings(tmp_path, {
        "handlers.py": _HANDLERS_MODULE,
        "work.py": "from handlers import HANDLERS\n\n\ndef work(grant):\n"
                   "    return HANDLERS[grant.provider](grant.id).labels()\n"})
    assert found == [], found


def test_pairs_of_a_module_that_never_says_provider_are_unresolved(tmp_path: Path) -> None:
    logins, classes = _APP.split("class GmailHandler", 1)
    found = _findings(tmp_path, {
        "login.py": logins,
        "handlers.py": "from login import nylas\n\n\nclass GmailHandler" + classes
        + '\nPAIRS = [("google", GmailHandler), ("microsoft", OutlookHandler)]\n',
        "work.py": "from handlers import PAIRS\n\n\ndef work(grant):\n"
                   "    for kind, handler in PAIRS:\n        if kind == grant.provider:\n"
                   "            return handler(grant.id).labels()\n"})
    assert "provider" not in classes
    assert [(path, code) for path, code, _ in found] == [("handlers.py", "NYS304")], found


_WRITTEN = '''
HANDLERS = {"google": GmailHandler}
HANDLERS["microsoft"] = OutlookHandler


def work(grant):
    return HANDLERS[grant.provider](grant.id).labels()
'''


def test_an_item_written_into_a_table_looked_up_by_the_grants_provider_is_exact(
        tmp_path: Path) -> None:
    assert _one_module(tmp_path, _WRITTEN) == []


@pytest.mark.parametrize("write", [
    'HANDLERS["google"] = OutlookHandler',  # Google's grants get Outlook's handler
    "def add(kind):\n    HANDLERS[kind] = OutlookHandler",  # any grant may
])
def test_an_item_written_under_google_or_another_key_is_not_kept_from_google(
        tmp_path: Path, write: str) -> None:
    found = _one_module(tmp_path, _WRITTEN.replace(
        'HANDLERS["microsoft"] = OutlookHandler', write))
    codes = [code for _, code, _ in found]
    assert codes == (["NYS301"] if "google" in write else ["NYS304"]), found


# Provider names bound by another module: which grants pick each handler is not read.
_CONSTANTS = 'GOOGLE = "google"\nMICROSOFT = "microsoft"\n'
_ENUM = ("import enum\n\n\nclass Provider(str, enum.Enum):\n"
         '    GOOGLE = "google"\n    MICROSOFT = "microsoft"\n')
_BY_PAIRS = '''
def work(grant):
    return next(h for p, h in HANDLERS if p == grant.provider)(grant.id).labels()
'''
_BY_LOOKUP = '''
def work(grant):
    return HANDLERS[grant.provider](grant.id).labels()
'''
_IMPORTED_NAMES = {
    "pairs": ("from constants import GOOGLE, MICROSOFT\n",
              "HANDLERS = [(GOOGLE, GmailHandler), (MICROSOFT, OutlookHandler)]\n" + _BY_PAIRS),
    "pairs-of-the-module": (
        "import constants\n",
        "HANDLERS = [(constants.GOOGLE, GmailHandler), (constants.MICROSOFT, OutlookHandler)]\n"
        + _BY_PAIRS),
    "pairs-of-members": (
        "from members import Provider\n",
        "HANDLERS = ((Provider.GOOGLE, GmailHandler), (Provider.MICROSOFT, OutlookHandler))\n"
        + _BY_PAIRS),
    "display": ("from constants import GOOGLE, MICROSOFT\n",
                "HANDLERS = {GOOGLE: GmailHandler, MICROSOFT: OutlookHandler}\n" + _BY_LOOKUP),
    "display-of-members": (
        "from members import Provider\n",
        "HANDLERS = {Provider.GOOGLE.value: GmailHandler, Provider.MICROSOFT: OutlookHandler}\n"
        + _BY_LOOKUP),
    "registered-by-attribute": (
        "from constants import GOOGLE, MICROSOFT\n",
        "HANDLERS = {cls.provider: cls for cls in (GmailHandler, OutlookHandler)}\n"
        + _BY_LOOKUP),
}


def _app(shape: str) -> str:
    """``_APP`` whose handlers bind their provider to a name, for a table built by it."""
    if shape != "registered-by-attribute":
        return _APP
    return _APP.replace("class GmailHandler:\n", "class GmailHandler:\n    provider = GOOGLE\n\n"
                        ).replace("class OutlookHandler:\n",
                                  "class OutlookHandler:\n    provider = MICROSOFT\n\n")


@pytest.mark.parametrize("shape", list(_IMPORTED_NAMES))
def test_handlers_keyed_by_provider_names_another_module_binds_are_unresolved(
        tmp_path: Path, shape: str) -> None:
    imports, dispatch = _IMPORTED_NAMES[shape]
    found = _findings(tmp_path, {"constants.py": _CONSTANTS, "members.py": _ENUM,
                                 "app.py": imports + _app(shape) + dispatch})
    # Not missing from the Google request, and no scope a handler needs is unused.
    assert [(path, code) for path, code, _ in found] == [("app.py", "NYS304")], found
    assert "cannot tell whether google grants reach nylas.messages.list()" in found[0][2]


@pytest.mark.parametrize("binding", [
    'GOOGLE = "google"\nGOOGLE = "google"\n',  # bound twice: may hold another name
    'import os\nGOOGLE = os.environ["GOOGLE_KIND"]\n',  # computed at run time
])
def test_handlers_keyed_by_a_name_the_module_cannot_read_stay_unresolved(
        tmp_path: Path, binding: str) -> None:
    found = _findings(tmp_path, {"app.py": binding + 'MICROSOFT = "microsoft"\n' + _APP
                                 + "HANDLERS = {GOOGLE: GmailHandler, MICROSOFT: OutlookHandler}\n"
                                 + _BY_LOOKUP})
    assert [code for _, code, _ in found] == ["NYS304"], found


def test_handlers_keyed_by_constants_the_module_binds_once_stay_exact(tmp_path: Path) -> None:
    assert _one_module(tmp_path, _CONSTANTS + "HANDLERS = {GOOGLE: GmailHandler, "
                       "MICROSOFT: OutlookHandler}\n" + _BY_LOOKUP) == []


@pytest.mark.parametrize("dispatch", [
    # Paired with imported names, and also made for every grant.
    "HANDLERS = [(GOOGLE, GmailHandler), (MICROSOFT, OutlookHandler)]\n" + _BY_PAIRS
    + "\n\ndef every(grant):\n    return OutlookHandler(grant.id).labels()\n",
    # A tuple of classes named for providers pairs no provider's name with them.
    "def every(grant, handler):\n    if isinstance(handler, (GmailHandler, OutlookHandler)):\n"
    "        return OutlookHandler(grant.id).labels()\n",
])
def test_a_handler_every_grant_reaches_still_misses_the_scope_with_imported_names(
        tmp_path: Path, dispatch: str) -> None:
    found = _findings(tmp_path, {
        "constants.py": _CONSTANTS,
        "app.py": "from constants import GOOGLE, MICROSOFT\n" + _APP + dispatch})
    assert [code for _, code, _ in found] == ["NYS301"], found
    assert f"{G}gmail.readonly" in found[0][2]


@pytest.mark.parametrize("table", [
    "PAIRS = [(GOOGLE, GmailHandler), (MICROSOFT, OutlookHandler)]\n",
    "PAIRS = [(KIND_GMAIL, GmailHandler), (KIND_OUTLOOK, OutlookHandler)]\n",
    "PAIRS = [(google, GmailHandler), (microsoft, OutlookHandler)]\n",
])
def test_pairs_of_imported_names_in_a_module_that_never_says_provider_are_unresolved(
        tmp_path: Path, table: str) -> None:
    logins, classes = _APP.split("class GmailHandler", 1)
    found = _findings(tmp_path, {
        "constants.py": _CONSTANTS + 'KIND_GMAIL = "google"\nKIND_OUTLOOK = "microsoft"\n'
        'google = "google"\nmicrosoft = "microsoft"\n',
        "login.py": logins,
        "handlers.py": "from login import nylas\n"
        "from constants import GOOGLE, MICROSOFT, KIND_GMAIL, KIND_OUTLOOK, google, microsoft\n"
        "\n\n"
        "class GmailHandler" + classes + "\n" + table,
        "work.py": "from handlers import PAIRS\n\n\ndef work(grant):\n"
                   "    for kind, handler in PAIRS:\n        if kind == grant.provider:\n"
                   "            return handler(grant.id).labels()\n"})
    assert [(path, code) for path, code, _ in found] == [("handlers.py", "NYS304")], found


@pytest.mark.parametrize("names", [('"google"', '"microsoft"'), ("GOOGLE", "MICROSOFT")])
def test_pairs_of_another_modules_handlers_are_unresolved(
        tmp_path: Path, names: tuple[str, str]) -> None:
    logins, classes = _APP.split("class GmailHandler", 1)
    found = _findings(tmp_path, {
        "constants.py": _CONSTANTS, "login.py": logins,
        "handlers.py": "from login import nylas\n\n\nclass GmailHandler" + classes,
        "work.py": "from constants import GOOGLE, MICROSOFT\n"
                   "from handlers import GmailHandler, OutlookHandler\n\n"
                   f"HANDLERS = [({names[0]}, GmailHandler), ({names[1]}, OutlookHandler)]\n"
                   + _BY_PAIRS})
    assert [(path, code) for path, code, _ in found] == [("handlers.py", "NYS304")], found


@pytest.mark.parametrize("text, read", [
    ("PAIRS = [(GOOGLE, GmailHandler), (MICROSOFT, OutlookHandler)]\n", True),
    ("PAIRS = [(GmailHandler, KIND_GMAIL)]\n", True),
    ("HANDLERS = {\n    Provider.google: GmailHandler,\n}\n", True),
    ("register(constants.MICROSOFT, OutlookHandler)\n", True),
    ("HANDLERS = {google: GmailHandler}\n", True),
    # No provider's name spelt as a constant or a member next to a comma or a colon.
    ("GOOGLE_API_KEY = os.environ['KEY']\n", False),
    ("HANDLERS = [GmailHandler, OutlookHandler]\n", False),
    ("NEWS, VIEWS = load()\n", False),
    ("URLS = (base.googleapis, mygoogle)\n", False),
])
def test_a_module_pairing_a_name_spelt_as_a_providers_has_its_tables_read(
        text: str, read: bool) -> None:
    from flake8_nylas_scopes.analysis.provider_tests import may_test_a_provider

    assert may_test_a_provider(text) is read


@pytest.mark.parametrize("table", [
    "HANDLERS = [(GOOGLE, GmailHandler)]\nHANDLERS.append((MICROSOFT, OutlookHandler))\n"
    + _BY_PAIRS,
    "HANDLERS = {GOOGLE: GmailHandler}\nHANDLERS[MICROSOFT] = OutlookHandler\n" + _BY_LOOKUP,
])
def test_a_structure_of_imported_names_changed_elsewhere_stays_unresolved(
        tmp_path: Path, table: str) -> None:
    found = _findings(tmp_path, {
        "constants.py": _CONSTANTS,
        "app.py": "from constants import GOOGLE, MICROSOFT\n" + _APP + table})
    assert [code for _, code, _ in found] == ["NYS304"], found
