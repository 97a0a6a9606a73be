"""Rare shapes through which a scope list reaches code that may change it, or a
request names another list than the one it seems to: each is read as what Python
does, or left unresolved (NYS304) with the usage rules silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config


def _findings(root: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    (root / "pyproject.toml").write_text(
        '[project]\nname = "app"\nversion = "0"\ndependencies = ["nylas"]\n')
    (root / "app").mkdir()
    (root / "app" / "__init__.py").write_text("")
    for name, text in files.items():
        (root / "app" / name).write_text(text)
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).name, f.span.line, f.code) for f in result.findings)


# -- a local name holding scope lists, then a loop over it ---------------------------

_SCOPES = 'SCOPES = ["email.read_only"]\nEXTRA_SCOPES = ["contacts.read_only"]\n'
_LOOPING = '''from nylas import APIClient

from app.scopes import EXTRA_SCOPES, SCOPES

client = APIClient("id", "secret")


def widen():
{body}


def login(uri):
    return client.authentication_url(uri, scopes=SCOPES)


def work():
    client.threads.where(limit=5)
    client.events.where(limit=5)
'''


@pytest.mark.parametrize("body", [
    '    pair = (SCOPES, EXTRA_SCOPES)\n    for scopes in pair:\n        scopes.append("calendar")',
    '    pair = [SCOPES, EXTRA_SCOPES]\n    for scopes in pair:\n        scopes.append("calendar")',
    '    pair = (SCOPES, EXTRA_SCOPES)\n    for _, scopes in enumerate(pair):\n'
    '        scopes += ["calendar"]',
    '    pair = (SCOPES, EXTRA_SCOPES)\n    [scopes.append("calendar") for scopes in pair]',
    '    pair = (SCOPES, EXTRA_SCOPES)\n    max(pair).append("calendar")',
    # Bound again: what the name holds is no longer what the first binding says.
    '    pair = (SCOPES, EXTRA_SCOPES)\n    pair = list(pair)\n    print(pair)',
    # The inline form, read so before.
    '    for scopes in (SCOPES, EXTRA_SCOPES):\n        scopes.append("calendar")',
])
def test_lists_a_loop_over_a_local_holder_changes_are_unresolved(
        tmp_path: Path, body: str) -> None:
    found = _findings(tmp_path, {"scopes.py": _SCOPES, "auth.py": _LOOPING.format(body=body)})
    # The request reading SCOPES, not a missing calendar scope at events.where().
    assert found == [("auth.py", 13 + body.count("\n"), "NYS304")]


# A shallow copy of the holder holds the very same lists (before, a loop over it
# went unseen, and ``calendar`` was claimed missing at ``events.where()``).
@pytest.mark.parametrize("copy", ["list(pair)", "tuple(pair)", "[*pair]", "pair[:]",
                                  "copy.copy(pair)", "pair.copy()"])
def test_a_loop_over_a_copy_of_a_local_holder_changes_are_unresolved(
        tmp_path: Path, copy: str) -> None:
    body = (f'    import copy\n    pair = [SCOPES, EXTRA_SCOPES]\n    rest = {copy}\n'
            '    for scopes in rest:\n        scopes.append("calendar")')
    found = _findings(tmp_path, {"scopes.py": _SCOPES, "auth.py": _LOOPING.format(body=body)})
    assert found == [("auth.py", 17, "NYS304")]


@pytest.mark.parametrize("loop", ["for scopes in pair[:]:", "for scopes in [*pair]:"])
def test_a_loop_over_a_copy_written_in_place_changes_are_unresolved(
        tmp_path: Path, loop: str) -> None:
    body = f'    pair = (SCOPES, EXTRA_SCOPES)\n    {loop}\n        scopes.append("calendar")'
    found = _findings(tmp_path, {"scopes.py": _SCOPES, "auth.py": _LOOPING.format(body=body)})
    assert found == [("auth.py", 15, "NYS304")]


def test_a_copy_of_a_local_holder_that_only_reads_keeps_the_lists(tmp_path: Path) -> None:
    # Control: the copy's items are only looked at; SCOPES holds email.read_only only.
    body = ('    pair = (SCOPES, EXTRA_SCOPES)\n    rest = list(pair)\n'
            '    for scopes in rest:\n        print(len(scopes))')
    found = _findings(tmp_path, {"scopes.py": _SCOPES, "auth.py": _LOOPING.format(body=body)})
    assert found == [("auth.py", 21, "NYS301")]


def test_a_loop_over_a_local_holder_that_only_reads_keeps_the_lists(tmp_path: Path) -> None:
    body = '    pair = (SCOPES, EXTRA_SCOPES)\n    for scopes in pair:\n        print(len(scopes))'
    found = _findings(tmp_path, {"scopes.py": _SCOPES, "auth.py": _LOOPING.format(body=body)})
    # SCOPES holds only email.read_only: events.where() needs a calendar scope.
    assert found == [("auth.py", 20, "NYS301")]


# -- attributes set by run-time names from outside the class -------------------------

_FLOWS = '''from nylas import APIClient

client = APIClient("id", "secret")


class Flow:
    SCOPES = ["email.read_only"]

    def url(self):
        return client.authentication_url("https://a/cb", scopes=self.SCOPES)


def configure(obj, **options):
    for k, v in options.items():
        {setter}
    return obj
'''
_CONFIGURED = '''from app.flows import Flow, client, configure


def login():
    return configure(Flow(), SCOPES=["email.read_only", "calendar"]).url()


def work():
    client.threads.where(limit=5)
    client.events.where(limit=5)
'''


@pytest.mark.parametrize("setter", [
    "setattr(obj, k, v)", "obj.__dict__.update({k: v})", "vars(obj)[k] = v",
    "object.__setattr__(obj, k, v)",
])
def test_an_instance_given_a_function_setting_run_time_names_is_unresolved(
        tmp_path: Path, setter: str) -> None:
    found = _findings(tmp_path, {"flows.py": _FLOWS.format(setter=setter),
                                 "main.py": _CONFIGURED})
    # Flow.url() may ask for the list configure() set: no NYS301 at events.where().
    assert found == [("flows.py", 10, "NYS304")]


def test_a_module_instance_s_attribute_set_by_run_time_names_is_unresolved(
        tmp_path: Path) -> None:
    flows = _FLOWS.format(setter="setattr(obj, k, v)") + '''

FLOW = Flow()


def login():
    configure(FLOW, SCOPES=["email.read_only", "calendar"])
    return client.authentication_url("https://a/cb", scopes=FLOW.SCOPES)
'''
    found = _findings(tmp_path, {"flows.py": flows, "main.py": _CONFIGURED})
    assert found == [("flows.py", 10, "NYS304"), ("flows.py", 24, "NYS304")]


@pytest.mark.parametrize("setter", [
    # A constant name: an attribute that holds no scopes.
    'setattr(obj, "timeout", v)',
    'vars(obj).update(timeout=v)',
    # The method's own instance, of a class that is not Flow's relative.
    None,
])
def test_attributes_set_by_constant_names_or_on_an_unrelated_self_keep_the_list(
        tmp_path: Path, setter: str | None) -> None:
    flows = _FLOWS.format(setter=setter or "pass")
    if setter is None:
        flows += ('\n\nclass Options:\n    def __init__(self, **options):\n'
                  '        for k, v in options.items():\n            setattr(self, k, v)\n')
    found = _findings(tmp_path, {"flows.py": flows, "main.py": _CONFIGURED})
    # Flow's list is read: the events call needs a calendar scope it lacks.
    assert found == [("main.py", 10, "NYS301")]


# -- an item of a dict parameter handed on ---------------------------------------------

_HANDED_CONFIG = {
    "config.py": ('SCOPES = ["email.read_only", "calendar.read_only", "contacts.read_only"]\n'
                  'CONFIG = {"scopes": SCOPES, "redirect": "https://a/cb"}\n'),
    "registry.py": "REGISTRY = []\n\n\ndef store(value):\n    REGISTRY.append(value)\n",
    "auth.py": '''from nylas import APIClient

from app.config import CONFIG, SCOPES
from app.setup import setup

client = APIClient("id", "secret")


def boot():
    setup(CONFIG)


def login():
    return client.authentication_url("https://a/cb", scopes=SCOPES)


def work():
    client.threads.where(limit=5)
    client.events.where(limit=5)
''',
}
_SETUP = "from app.registry import store\n\n\ndef setup(config):\n    {body}\n"


@pytest.mark.parametrize("body", [
    'store(config.get("scopes"))',
    'store(config["scopes"])',
    'store(value=config.get("scopes", []))',
    'scopes = config.get("scopes")\n    scopes.append("contacts")',
])
def test_an_item_of_a_dict_parameter_handed_on_hands_the_list_on(
        tmp_path: Path, body: str) -> None:
    found = _findings(tmp_path, {**_HANDED_CONFIG, "setup.py": _SETUP.format(body=body)})
    # store() keeps the list, where other code may change it: no NYS303 at
    # contacts.read_only, which no call needs.
    assert found == [("auth.py", 14, "NYS304")]


@pytest.mark.parametrize("body", [
    'print(config.get("scopes"))',
    'if "calendar" in config.get("scopes", []):\n        print(len(config["scopes"]))',
])
def test_an_item_of_a_dict_parameter_only_read_keeps_the_list(
        tmp_path: Path, body: str) -> None:
    found = _findings(tmp_path, {**_HANDED_CONFIG, "setup.py": _SETUP.format(body=body)})
    assert found == [("config.py", 1, "NYS303")]


# -- a star import after an explicit import of the same name ---------------------------

_SHADOWED = '''from nylas import APIClient

from app.scopes import SCOPES
from {star} import *

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://a/cb", scopes=SCOPES)


def work():
    client.threads.where(limit=5)
    client.events.where(limit=5)
'''
_EXPLICIT = 'SCOPES = ["email.read_only", "contacts.read_only"]\n'


@pytest.mark.parametrize("legacy", [
    'SCOPES = ["email.read_only", "calendar"]\n',
    '__all__ = ["SCOPES"]\nSCOPES = ["email.read_only", "calendar"]\n',
])
def test_a_star_import_binding_the_name_again_is_read(tmp_path: Path, legacy: str) -> None:
    found = _findings(tmp_path, {"scopes.py": _EXPLICIT, "legacy.py": legacy,
                                 "auth.py": _SHADOWED.format(star="app.legacy")})
    # Python binds legacy's list: its calendar is broader than events.where() needs,
    # and nothing is said of app.scopes's list, which no request reads.
    assert found == [("legacy.py", legacy.count("\n"), "NYS302")]


@pytest.mark.parametrize(("star", "legacy"), [
    ("somelib", ""),  # a module outside the project: it may bind anything
    ("app.legacy", '__all__ = [n for n in dir() if n.isupper()]\nSCOPES = ["calendar"]\n'),
])
def test_a_star_import_whose_names_are_not_known_leaves_the_request_unresolved(
        tmp_path: Path, star: str, legacy: str) -> None:
    found = _findings(tmp_path, {"scopes.py": _EXPLICIT, "legacy.py": legacy,
                                 "auth.py": _SHADOWED.format(star=star)})
    assert found == [("auth.py", 10, "NYS304")]


@pytest.mark.parametrize("legacy", [
    'OTHER = ["email.read_only", "calendar"]\n',
    '__all__ = ["OTHER"]\nOTHER = 1\nSCOPES = ["email.read_only", "calendar"]\n',
])
def test_a_star_import_not_binding_the_name_leaves_the_import_read(
        tmp_path: Path, legacy: str) -> None:
    found = _findings(tmp_path, {"scopes.py": _EXPLICIT, "legacy.py": legacy,
                                 "auth.py": _SHADOWED.format(star="app.legacy")})
    # app.scopes's list: events.where() lacks a calendar scope, contacts is unused.
    assert found == [("auth.py", 15, "NYS301"), ("scopes.py", 1, "NYS303")]


def test_a_star_import_before_the_explicit_import_leaves_the_import_read(
        tmp_path: Path) -> None:
    auth = _SHADOWED.format(star="app.legacy").replace(
        "from app.scopes import SCOPES\nfrom app.legacy import *\n",
        "from app.legacy import *\nfrom app.scopes import SCOPES\n")
    found = _findings(tmp_path, {"scopes.py": _EXPLICIT, "auth.py": auth,
                                 "legacy.py": 'SCOPES = ["email.read_only", "calendar"]\n'})
    assert found == [("auth.py", 15, "NYS301"), ("scopes.py", 1, "NYS303")]


# -- names bound through the module's own namespace ----------------------------------

_LIST = '["email.read_only", "calendar"]'


@pytest.mark.parametrize("legacy", [
    f'globals()["SCOPES"] = {_LIST}\n',
    f'globals().update(SCOPES={_LIST})\n',
    f'globals().update({{"SCOPES": {_LIST}}})\n',
    f'vars()["SCOPES"] = {_LIST}\n',
    f'import sys\nsetattr(sys.modules[__name__], "SCOPES", {_LIST})\n',
    f'import sys\nsys.modules[__name__].SCOPES = {_LIST}\n',
    f'def install():\n    globals()["SCOPES"] = {_LIST}\n',
    'globals().update(load_settings())\n',  # any name
    'register(globals())\n',  # handed on: any name
    # ``locals()`` at module level is ``globals()``; code run by ``exec`` with no
    # namespace given runs in the module's; a module's bound ``__setattr__``.
    f'locals()["SCOPES"] = {_LIST}\n',
    'exec("SCOPES = [\'email.read_only\', \'calendar\']")\n',
    f'import sys\nsys.modules[__name__].__setattr__("SCOPES", {_LIST})\n',
])
def test_a_star_import_binding_the_name_through_its_namespace_is_unresolved(
        tmp_path: Path, legacy: str) -> None:
    # The star import may bind SCOPES again: the explicit import's list is not what
    # login() sends, and no claim on either list stands (before: NYS301 on events).
    found = _findings(tmp_path, {"scopes.py": _EXPLICIT, "legacy.py": legacy,
                                 "auth.py": _SHADOWED.format(star="app.legacy")})
    assert found == [("auth.py", 10, "NYS304")]


@pytest.mark.parametrize("legacy", [
    'OTHER = globals().get("SCOPES")\n',
    'if "SCOPES" in globals():\n    OTHER = 1\n',
    f'globals()["OTHER"] = {_LIST}\n',
    f'def local():\n    vars()["SCOPES"] = {_LIST}\n',  # the function's own namespace
    f'def local():\n    locals()["SCOPES"] = {_LIST}\n',
    'exec("SCOPES = []", {})\n',  # a namespace of its own
    f'import sys\nsys.modules[__name__].__setattr__("OTHER", {_LIST})\n',
])
def test_a_namespace_only_read_or_written_under_other_names_leaves_the_import_read(
        tmp_path: Path, legacy: str) -> None:
    found = _findings(tmp_path, {"scopes.py": _EXPLICIT, "legacy.py": legacy,
                                 "auth.py": _SHADOWED.format(star="app.legacy")})
    assert found == [("auth.py", 15, "NYS301"), ("scopes.py", 1, "NYS303")]


@pytest.mark.parametrize("write", [
    f'globals()["SCOPES"] = {_LIST}\n',
    f'globals().update(SCOPES={_LIST})\n',
    f'import sys\nsetattr(sys.modules[__name__], "SCOPES", {_LIST})\n',
    # A key read at run time, ``locals()`` at module level, and code run by ``exec``
    # (which may bind or change any name) or ``__setattr__`` of the module object.
    f'name = "SCOPES"\nvars()[name] = {_LIST}\n',
    f'locals()["SCOPES"] = {_LIST}\n',
    'exec("SCOPES.append(\'calendar\')")\n',
    f'import sys\nsys.modules[__name__].__setattr__("SCOPES", {_LIST})\n',
])
def test_an_imported_name_bound_again_through_the_namespace_is_unresolved(
        tmp_path: Path, write: str) -> None:
    # The module's own write replaces the imported list (before: NYS301 on events).
    auth = _SHADOWED.replace("from {star} import *\n", write)
    found = _findings(tmp_path, {"scopes.py": _EXPLICIT, "auth.py": auth})
    assert [code for _, _, code in found] == ["NYS304"]


@pytest.mark.parametrize("write", [
    f'import app.scopes as m\nm.__setattr__("SCOPES", {_LIST})\n',
    f'from app import scopes\nscopes.__setattr__("SCOPES", {_LIST})\n',
])
def test_another_module_binding_the_list_through_setattr_method_is_unresolved(
        tmp_path: Path, write: str) -> None:
    # The module object's bound ``__setattr__`` binds the name as ``setattr`` does
    # (before: the write went unseen, NYS301 on events and NYS303 on contacts).
    auth = _SHADOWED.replace("from {star} import *\n", "")
    found = _findings(tmp_path, {"scopes.py": _EXPLICIT, "auth.py": auth,
                                 "boot.py": write})
    assert [code for _, _, code in found] == ["NYS304"]
    # Control: another attribute set that way leaves the list read.
    (tmp_path / "other").mkdir()
    found = _findings(tmp_path / "other", {"scopes.py": _EXPLICIT, "auth.py": auth,
                                           "boot.py": write.replace('"SCOPES"', '"OTHER"')})
    assert found == [("auth.py", 14, "NYS301"), ("scopes.py", 1, "NYS303")]


@pytest.mark.parametrize("write", [
    f'name = "SCOPES"\nvars()[name] = {_LIST}\n',
    f'locals()["SCOPES"] = {_LIST}\n',
    'exec("SCOPES.append(\'calendar\')")\n',
    # Code run with the module's own namespace given (``vars()`` and ``locals()`` at
    # the top level are ``globals()``), by ``builtins.exec``, or by ``exec`` held
    # under another name; and ``sys.modules[__name__].__dict__`` updated.
    'exec("SCOPES.append(\'calendar\')", vars())\n',
    'exec("SCOPES.append(\'calendar\')", locals(), {})\n',
    'import builtins\nbuiltins.exec("SCOPES.append(\'calendar\')")\n',
    'run = exec\nrun("SCOPES.append(\'calendar\')")\n',
    f'import sys\nsys.modules[__name__].__dict__.update(SCOPES={_LIST})\n',
], ids=["vars key", "locals", "exec", "exec given vars()", "exec given locals()",
        "builtins.exec", "exec held", "module dict updated"])
def test_the_list_s_own_module_binding_it_through_its_namespace_is_unresolved(
        tmp_path: Path, write: str) -> None:
    # Written after the list in its own module, the name another module imports holds
    # what the write gives (before: NYS301 on events and NYS303 on contacts).
    auth = _SHADOWED.replace("from {star} import *\n", "")
    found = _findings(tmp_path, {"scopes.py": _EXPLICIT + write, "auth.py": auth})
    assert [code for _, _, code in found] == ["NYS304"]


@pytest.mark.parametrize("write", [
    'exec("SCOPES.append(\'calendar\')", {})\n',
    'exec("SCOPES.append(\'calendar\')", {"SCOPES": []})\n',
    'import builtins\nbuiltins.print("SCOPES")\n',
    'cursor = None\nrun = cursor\n',
], ids=["exec given a dict", "exec given a dict holding the name", "another builtin",
        "another name held"])
def test_code_run_in_a_namespace_of_its_own_leaves_the_list_read(
        tmp_path: Path, write: str) -> None:
    # Controls: code run with a dict of its own binds and changes nothing of the
    # module, and a name other than ``exec`` held or called runs no code: the list
    # stays judged, as without the write (NYS301 on events, NYS303 on contacts).
    auth = _SHADOWED.replace("from {star} import *\n", "")
    found = _findings(tmp_path, {"scopes.py": _EXPLICIT + write, "auth.py": auth})
    assert found == [("auth.py", 14, "NYS301"), ("scopes.py", 1, "NYS303")]


# -- another module's list changed through a module object looked up by name ---------

_CALENDAR = '["email.read_only", "calendar"]'


@pytest.mark.parametrize("write", [
    'import sys\nsys.modules.get("app.scopes").SCOPES.append("calendar")\n',
    f'import sys\nsetattr(sys.modules.get("app.scopes"), "SCOPES", {_CALENDAR})\n',
    'import sys\nmodule = sys.modules.get("app.scopes")\nmodule.SCOPES.append("calendar")\n',
    f'setattr(__import__("app.scopes").scopes, "SCOPES", {_CALENDAR})\n',
    '__import__("app.scopes").scopes.SCOPES.append("calendar")\n',
    '__import__("app.scopes", fromlist=["x"]).SCOPES.append("calendar")\n',
    # A name read at run time: the list of that name of any module.
    'import os, sys\nsys.modules.get(os.environ["M"]).SCOPES.append("calendar")\n',
    f'import os\nsetattr(__import__(os.environ["M"]).scopes, "SCOPES", {_CALENDAR})\n',
    # The top package's SCOPES, which may be app.scopes's imported there: cautious.
    '__import__("app.scopes").SCOPES.append("calendar")\n',
], ids=["modules.get", "setattr modules.get", "modules.get held", "setattr __import__",
        "__import__ submodule", "__import__ fromlist", "modules.get computed",
        "setattr __import__ computed", "the top package"])
def test_a_list_changed_through_a_module_looked_up_by_name_is_unresolved(
        tmp_path: Path, write: str) -> None:
    # The change may add calendar, which events.where() needs: no claim stands
    # (before: NYS301 on events and NYS303 on contacts).
    auth = _SHADOWED.replace("from {star} import *\n", "")
    found = _findings(tmp_path, {"scopes.py": _EXPLICIT, "auth.py": auth, "boot.py": write})
    assert [code for _, _, code in found] == ["NYS304"]


@pytest.mark.parametrize("write", [
    'import sys\nsys.modules.get("app.other").SCOPES.append("calendar")\n',
    'import sys\nsys.modules.get("app.scopes").OTHER.append("calendar")\n',
    'import sys\nprint(sys.modules.get("app.scopes").SCOPES)\n',
], ids=["another module", "another name", "only read"])
def test_a_module_looked_up_by_name_and_not_changed_there_leaves_the_list_read(
        tmp_path: Path, write: str) -> None:
    auth = _SHADOWED.replace("from {star} import *\n", "")
    found = _findings(tmp_path, {"scopes.py": _EXPLICIT, "auth.py": auth, "boot.py": write})
    assert found == [("auth.py", 14, "NYS301"), ("scopes.py", 1, "NYS303")]


# -- a list changed through a package that re-exports it ------------------------------

_REEXPORTS = {
    "import": "from .scopes import SCOPES\n",
    "import chain": "from .config import SCOPES\n",
}
_THROUGH_PACKAGE = {
    "attribute": 'import app\n\napp.SCOPES.append("calendar")\n',
    "from import": 'from app import SCOPES\n\nSCOPES.append("calendar")\n',
    "alias": 'import app as pkg\n\npkg.SCOPES += ["calendar"]\n',
    # Binds the package's name only, which leaves app.scopes's list as it is: not
    # told apart from a change of the list, so cautious.
    "setattr": f'import app\n\nsetattr(app, "SCOPES", {_CALENDAR})\n',
}


@pytest.mark.parametrize("reexport", _REEXPORTS.values(), ids=_REEXPORTS.keys())
@pytest.mark.parametrize("write", _THROUGH_PACKAGE.values(), ids=_THROUGH_PACKAGE.keys())
def test_a_list_changed_through_a_package_reexporting_it_is_unresolved(
        tmp_path: Path, reexport: str, write: str) -> None:
    # app/__init__.py binds SCOPES to app.scopes's very list (through app.config in
    # the chain): the append may add calendar, which events.where() needs (before:
    # NYS301 on events and NYS303 on contacts).
    auth = _SHADOWED.replace("from {star} import *\n", "")
    found = _findings(tmp_path, {
        "scopes.py": _EXPLICIT, "config.py": "from .scopes import SCOPES\n",
        "__init__.py": reexport, "auth.py": auth, "boot.py": write})
    assert [(name, code) for name, _, code in found] == [("auth.py", "NYS304")]


@pytest.mark.parametrize(("package", "write"), [
    ('SCOPES = ["x"]\n', _THROUGH_PACKAGE["attribute"]),
    ('SCOPES = ["x"]\n', _THROUGH_PACKAGE["from import"]),
    ("from .scopes import SCOPES\n", 'import app\n\nprint(app.SCOPES)\n'),
], ids=["own list", "own list imported", "only read"])
def test_a_package_list_of_its_own_or_only_read_leaves_the_list_read(
        tmp_path: Path, package: str, write: str) -> None:
    # The write reaches the package's own list, which no request reads; a read
    # changes nothing: app.scopes's list is judged as written.
    auth = _SHADOWED.replace("from {star} import *\n", "")
    found = _findings(tmp_path, {"scopes.py": _EXPLICIT, "__init__.py": package,
                                 "auth.py": auth, "boot.py": write})
    assert found == [("auth.py", 14, "NYS301"), ("scopes.py", 1, "NYS303")]
