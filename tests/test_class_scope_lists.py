"""Scope lists kept as class attributes (``class Config: NYLAS_SCOPES = [...]``) are
read where the code reads them through the class, unless some code may change them:
then the analysis says it cannot follow them (NYS304) and claims nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tool_runs import analyse_package

CONFIG = '''
class Config:
    NYLAS_CLIENT_ID = "id"
    NYLAS_SCOPES = [
        "email.read_only",  # the inbox
        "calendar",
    ]
'''

AUTH = '''
from nylas import APIClient

from .config import Config

client = APIClient(Config.NYLAS_CLIENT_ID, "secret")


def login():
    return client.authentication_url("https://a.example/cb", scopes=Config.NYLAS_SCOPES)


def inbox(token):
    client.access_token = token
    return [message.subject for message in client.messages.where(limit=5)]
'''


def _findings(root: Path, files: dict[str, str]) -> list[tuple[str, int, str, str]]:
    result = analyse_package(root, files)
    return sorted(
        (Path(f.span.path).name, f.span.line, f.code, f.message) for f in result.findings
    )


def _codes(findings: list[tuple[str, int, str, str]]) -> set[tuple[str, int, str]]:
    return {(name, line, code) for name, line, code, _ in findings}


def test_a_class_attribute_read_through_the_class_is_judged(tmp_path: Path) -> None:
    findings = _findings(tmp_path, {"app/config.py": CONFIG, "app/auth.py": AUTH})
    # The calendar is never used; the finding points where the item is written.
    assert _codes(findings) == {("config.py", 6, "NYS303")}
    assert "'calendar' is requested but no Nylas call" in findings[0][3]


def test_a_class_of_the_same_module_is_read(tmp_path: Path) -> None:
    auth = AUTH.replace("from .config import Config\n", CONFIG)
    findings = _findings(tmp_path, {"app/auth.py": auth})
    assert ("auth.py", 9, "NYS303") in _codes(findings)
    assert not any(code == "NYS304" for _, _, code in _codes(findings))


def test_an_attribute_the_class_body_binds_twice_is_not_read(tmp_path: Path) -> None:
    config = CONFIG + '    if True:\n        NYLAS_SCOPES = ["email.read_only"]\n'
    findings = _findings(tmp_path, {"app/config.py": config, "app/auth.py": AUTH})
    assert _codes(findings) == {("auth.py", 10, "NYS304")}


def test_a_value_built_from_other_class_attributes_is_not_read(tmp_path: Path) -> None:
    # In a class body ``BASE`` is the class's own name, not a module constant.
    config = (
        'BASE = ["email.read_only", "calendar", "contacts"]\n\n\n'
        'class Config:\n    BASE = ["email.read_only"]\n    NYLAS_SCOPES = BASE + []\n'
    )
    findings = _findings(tmp_path, {"app/config.py": config, "app/auth.py": AUTH})
    assert _codes(findings) == {("auth.py", 10, "NYS304")}


def test_a_module_constant_in_the_value_is_read(tmp_path: Path) -> None:
    config = (
        'BASE = ["email.read_only"]\n\n\n'
        'class Config:\n    NYLAS_SCOPES = BASE + ["contacts"]\n'
    )
    findings = _findings(tmp_path, {"app/config.py": config, "app/auth.py": AUTH})
    assert _codes(findings) == {("config.py", 5, "NYS303")}


CHANGES = {
    "another module appends through the class": (
        "app/extra.py", "from .config import Config\n\nConfig.NYLAS_SCOPES.append('contacts')\n"),
    "a method appends through self": (
        "app/extra.py",
        "class Tiered:\n    def add(self, scope):\n        self.NYLAS_SCOPES.append(scope)\n"),
    "a class method binds it again": (
        "app/extra.py",
        "class Tiered:\n    @classmethod\n    def pro(cls):\n"
        "        cls.NYLAS_SCOPES = ['email.read_only', 'email.send']\n"),
    "an instance extends the shared list": (
        "app/extra.py",
        "from .config import Config\n\nsettings = Config()\n"
        "settings.NYLAS_SCOPES += ['email.send']\n"),
    "setattr binds it again": (
        "app/extra.py",
        "from .config import Config\n\nsetattr(Config, 'NYLAS_SCOPES', ['calendar'])\n"),
    "an item is replaced": (
        "app/extra.py", "from .config import Config\n\nConfig.NYLAS_SCOPES[0] = 'email.send'\n"),
    "a function appends through another name": (
        "app/extra.py",
        "from .config import Config\n\n\ndef enable():\n"
        "    scopes = Config.NYLAS_SCOPES\n    scopes.append('contacts')\n"),
    "a function of the module given it appends to it": (
        "app/extra.py",
        "from .config import Config\n\n\ndef add(scopes, scope):\n    scopes.append(scope)\n"
        "\n\nadd(Config.NYLAS_SCOPES, 'contacts')\n"),
    "a parameter whose default it is is appended to": (
        "app/extra.py",
        "from .config import Config\n\n\ndef enable(scopes=Config.NYLAS_SCOPES):\n"
        "    scopes.append('contacts')\n"),
    "another module's function is given it": (
        "app/extra.py",
        "from .config import Config\nfrom .plans import enable_pro\n\n"
        "enable_pro(Config.NYLAS_SCOPES)\n"),
    "a method is given it through self": (
        "app/extra.py",
        "class Tiered:\n    def pro(self, plans):\n        plans.enable(self.NYLAS_SCOPES)\n"),
}


def test_any_change_to_such_an_attribute_leaves_it_unread(tmp_path: Path) -> None:
    for number, (name, text) in enumerate(CHANGES.values()):
        root = tmp_path / str(number)
        root.mkdir()
        findings = _findings(root, {"app/config.py": CONFIG, "app/auth.py": AUTH, name: text})
        assert _codes(findings) == {("auth.py", 10, "NYS304")}, (number, findings)


def test_the_attribute_held_by_another_name_and_only_read_changes_nothing(
    tmp_path: Path,
) -> None:
    # The control for the changes through another name above.
    extra = ("from .config import Config\n\n\ndef shown():\n"
             "    scopes = Config.NYLAS_SCOPES\n    return ', '.join(scopes)\n")
    findings = _findings(tmp_path, {"app/config.py": CONFIG, "app/auth.py": AUTH,
                                    "app/extra.py": extra})
    assert _codes(findings) == {("config.py", 6, "NYS303")}


def test_an_instance_attribute_of_another_name_changes_nothing(tmp_path: Path) -> None:
    # The control: ``self.scopes_cache`` is not ``NYLAS_SCOPES``.
    extra = "class Cache:\n    def add(self, item):\n        self.items.append(item)\n"
    findings = _findings(tmp_path, {"app/config.py": CONFIG, "app/auth.py": AUTH,
                                    "app/extra.py": extra})
    assert _codes(findings) == {("config.py", 6, "NYS303")}


def test_a_class_list_only_looked_at_elsewhere_is_still_judged(tmp_path: Path) -> None:
    # The control: printed, joined and copied, the list is what the class body says.
    extra = ("from .config import Config\n\n"
             "print(', '.join(Config.NYLAS_SCOPES), sorted(Config.NYLAS_SCOPES))\n")
    findings = _findings(tmp_path, {"app/config.py": CONFIG, "app/auth.py": AUTH,
                                    "app/extra.py": extra})
    assert _codes(findings) == {("config.py", 6, "NYS303")}


def test_a_subclass_that_inherits_the_attribute_is_not_read(tmp_path: Path) -> None:
    config = CONFIG + "\n\nclass Production(Config):\n    DEBUG = False\n"
    auth = AUTH.replace("Config.NYLAS_SCOPES", "Production.NYLAS_SCOPES").replace(
        "import Config", "import Config, Production")
    findings = _findings(tmp_path, {"app/config.py": config, "app/auth.py": auth})
    assert _codes(findings) == {("auth.py", 10, "NYS304")}


def test_an_instance_attribute_is_not_read(tmp_path: Path) -> None:
    # ``__init__`` may set what an instance holds.
    config = CONFIG + (
        "\n    def __init__(self, **overrides):\n        self.__dict__.update(overrides)\n"
        "\n\nsettings = Config()\n")
    auth = AUTH.replace("Config.NYLAS_SCOPES", "settings.NYLAS_SCOPES").replace(
        "import Config", "import Config, settings")
    findings = _findings(tmp_path, {"app/config.py": config, "app/auth.py": auth})
    assert _codes(findings) == {("auth.py", 10, "NYS304")}


INSTANCE_READS = {
    "a module-level instance": ("settings = Config()\n", "settings.NYLAS_SCOPES"),
    "an instance made where it is read": ("settings = None\n", "Config().NYLAS_SCOPES"),
}


@pytest.mark.parametrize("made, read", INSTANCE_READS.values(), ids=list(INSTANCE_READS))
def test_an_instance_of_a_plain_class_reads_the_class_attribute(
    tmp_path: Path, made: str, read: str,
) -> None:
    # No ``__init__``, base, metaclass or decorator: the instance has no attribute of
    # its own, so it reads the class's list.
    auth = AUTH.replace("Config.NYLAS_SCOPES", read)
    findings = _findings(tmp_path, {"app/config.py": CONFIG + "\n\n" + made,
                                    "app/auth.py": auth.replace(
                                        "import Config", "import Config, settings")})
    assert _codes(findings) == {("config.py", 6, "NYS303")}


def test_a_local_instance_of_a_plain_class_of_the_module_is_read(tmp_path: Path) -> None:
    auth = AUTH.replace("from .config import Config\n", CONFIG).replace(
        "    return client.authentication_url(",
        "    config = Config()\n    return client.authentication_url(").replace(
        "scopes=Config.NYLAS_SCOPES", "scopes=config.NYLAS_SCOPES")
    findings = _findings(tmp_path, {"app/auth.py": auth})
    assert ("auth.py", 9, "NYS303") in _codes(findings)
    assert not any(code == "NYS304" for _, _, code in _codes(findings))


@pytest.mark.parametrize("made, read", INSTANCE_READS.values(), ids=list(INSTANCE_READS))
def test_any_change_to_the_attribute_leaves_an_instance_read_unread(
    tmp_path: Path, made: str, read: str,
) -> None:
    # The instance reads the class's attribute as it is when read: a change through
    # the class, an instance or ``self`` changes what it holds.
    auth = AUTH.replace("Config.NYLAS_SCOPES", read)
    for number, (name, text) in enumerate(CHANGES.values()):
        root = tmp_path / str(number)
        root.mkdir()
        findings = _findings(root, {"app/config.py": CONFIG + "\n\n" + made,
                                    "app/auth.py": auth.replace("import Config", "import Config, settings"),
                                    name: text})
        assert _codes(findings) == {("auth.py", 10, "NYS304")}, (number, findings)


def test_an_instance_of_a_class_with_a_base_is_not_read(tmp_path: Path) -> None:
    # The base may give instances attributes of their own (``__init__``, ``__getattr__``).
    config = "from .base import Base\n" + CONFIG.replace("class Config:", "class Config(Base):")
    auth = AUTH.replace("Config.NYLAS_SCOPES", "Config().NYLAS_SCOPES")
    findings = _findings(tmp_path, {"app/config.py": config, "app/auth.py": auth,
                                    "app/base.py": "class Base:\n    pass\n"})
    assert _codes(findings) == {("auth.py", 10, "NYS304")}


def test_fix_removes_the_item_in_the_class_body_and_keeps_the_comment(
    tmp_path: Path,
) -> None:
    _findings(tmp_path, {"app/config.py": CONFIG, "app/auth.py": AUTH})
    completed = subprocess.run(
        [sys.executable, "-m", "flake8_nylas_scopes", "fix", "--unsafe-fixes", "."],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 1, completed.stderr  # files changed
    assert (tmp_path / "app" / "config.py").read_text() == CONFIG.replace(
        '        "calendar",\n', "")
    assert (tmp_path / "app" / "auth.py").read_text() == AUTH
    again = subprocess.run(
        [sys.executable, "-m", "flake8_nylas_scopes", "fix", "--unsafe-fixes", "."],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert again.returncode == 0, again.stdout + again.stderr  # nothing left to change


def test_a_class_list_also_given_to_another_oauth_library_is_not_called_unused(
    tmp_path: Path,
) -> None:
    # The same list asks Google for the calendar through google-auth's own flow.
    flow = (
        "\nfrom google_auth_oauthlib.flow import Flow\n\n\n"
        "def google_flow():\n"
        '    return Flow.from_client_secrets_file("client.json", scopes=Config.NYLAS_SCOPES)\n'
    )
    same_module = AUTH.replace("from .config import Config\n", CONFIG) + flow
    assert not any(code == "NYS303" for _, _, code in _codes(
        _findings(tmp_path / "same", {"app/auth.py": same_module})))
    other = "from .config import Config\n" + flow
    assert not any(code == "NYS303" for _, _, code in _codes(_findings(
        tmp_path / "other",
        {"app/config.py": CONFIG, "app/auth.py": AUTH, "app/google.py": other})))


SETTINGS = '''
from dataclasses import dataclass, field


@dataclass(frozen=True)
class NylasSettings:
    client_id: str = "id"
    scopes: list[str] = field(default_factory=lambda: [
        "email.read_only",
        "calendar",
    ])


settings = NylasSettings()
'''

SETTINGS_AUTH = AUTH.replace("Config.NYLAS_SCOPES", "settings.scopes").replace(
    "Config.NYLAS_CLIENT_ID", "settings.client_id").replace(
    "from .config import Config", "from .config import settings")


def test_a_dataclass_instance_made_without_arguments_holds_its_defaults(
    tmp_path: Path,
) -> None:
    findings = _findings(tmp_path, {"app/config.py": SETTINGS, "app/auth.py": SETTINGS_AUTH})
    assert _codes(findings) == {("config.py", 10, "NYS303")}
    tuple_default = SETTINGS.replace(
        'field(default_factory=lambda: [\n        "email.read_only",\n        "calendar",\n    ])',
        '("email.read_only", "calendar")')
    findings = _findings(tmp_path / "tuple",
                         {"app/config.py": tuple_default, "app/auth.py": SETTINGS_AUTH})
    assert _codes(findings) == {("config.py", 8, "NYS303")}


ATTRS_FACTORY = SETTINGS.replace(
    "from dataclasses import dataclass, field", "import attrs").replace(
    "@dataclass(frozen=True)", "@attrs.frozen").replace(
    "field(default_factory=", "attrs.field(factory=")
NAMED_TUPLE_DEFAULT = SETTINGS.replace("from dataclasses import dataclass, field",
                                       "from typing import NamedTuple").replace(
    "@dataclass(frozen=True)\nclass NylasSettings:", "class NylasSettings(NamedTuple):").replace(
    "field(default_factory=lambda: [", "(").replace("    ])", "    )")


@pytest.mark.parametrize("config", [ATTRS_FACTORY, NAMED_TUPLE_DEFAULT],
                         ids=["attrs factory", "NamedTuple default"])
def test_a_record_instance_made_without_arguments_holds_its_defaults(
        tmp_path: Path, config: str) -> None:
    assert "settings = NylasSettings()" in config
    findings = _findings(tmp_path, {"app/config.py": config, "app/auth.py": SETTINGS_AUTH})
    calendar_line = config.splitlines().index('        "calendar",') + 1
    assert _codes(findings) == {("config.py", calendar_line, "NYS303")}, findings


@pytest.mark.parametrize("old, new", [
    ("attrs.field(factory=", "attrs.field(converter=tuple, factory="),
    ("attrs.field(factory=lambda: [", "attrs.Factory(lambda: ["),
    ("\n\nsettings", "\n    def __attrs_post_init__(self):\n        pass\n\n\nsettings"),
], ids=["a converter", "a factory object", "a post-init hook"])
def test_a_record_instance_whose_defaults_may_change_is_not_read(
        tmp_path: Path, old: str, new: str) -> None:
    assert old in ATTRS_FACTORY
    findings = _findings(tmp_path, {"app/config.py": ATTRS_FACTORY.replace(old, new),
                                    "app/auth.py": SETTINGS_AUTH})
    assert _codes(findings) == {("auth.py", 10, "NYS304")}, findings


DATACLASS_CASES = {
    "a post-init hook": (
        "\n\nsettings", "\n    def __post_init__(self):\n        pass\n\n\nsettings"),
    "a base class": ("class NylasSettings:", "class NylasSettings(BaseSettings):"),
    "no dataclass": ("@dataclass(frozen=True)\n", ""),
    "changed past frozen": (
        "settings = NylasSettings()",
        "settings = NylasSettings()\nobject.__setattr__(settings, 'scopes', ['calendar'])"),
    # The instance's namespace dict holds its attributes.
    "changed through vars": (
        "settings = NylasSettings()", "settings = NylasSettings()\n"
        "vars(settings)['scopes'] = ['email.read_only', 'contacts']"),
    "changed through __dict__": (
        "settings = NylasSettings()", "settings = NylasSettings()\n"
        "settings.__dict__['scopes'].append('contacts')"),
    "changed through __dict__.update": (
        "settings = NylasSettings()", "settings = NylasSettings()\n"
        "settings.__dict__.update(scopes=['contacts'])"),
    "changed through __dict__.setdefault": (
        "settings = NylasSettings()", "settings = NylasSettings()\n"
        "settings.__dict__.setdefault('scopes', []).append('contacts')"),
}


def test_dataclass_instances_that_may_hold_other_values_are_not_read(tmp_path: Path) -> None:
    for number, (old, new) in enumerate(DATACLASS_CASES.values()):
        assert old in SETTINGS
        findings = _findings(tmp_path / str(number), {
            "app/config.py": SETTINGS.replace(old, new), "app/auth.py": SETTINGS_AUTH})
        assert _codes(findings) == {("auth.py", 10, "NYS304")}, (number, findings)


@pytest.mark.parametrize("change", [
    "vars(config.settings)['scopes'] = ['email.read_only', 'contacts']",
    "config.settings.__dict__['scopes'] += ['contacts']",
    "config.settings.__dict__.update({'scopes': ['contacts']})",
    "vars(settings)[key] = ['contacts']",
])
def test_an_instance_changed_through_its_namespace_elsewhere_is_not_read(
        tmp_path: Path, change: str) -> None:
    startup = ("from . import config\nfrom .config import settings\n\n\n"
               f"def widen(key):\n    {change}\n")
    findings = _findings(tmp_path, {"app/config.py": SETTINGS, "app/auth.py": SETTINGS_AUTH,
                                    "app/startup.py": startup})
    assert _codes(findings) == {("auth.py", 10, "NYS304")}


def test_another_objects_namespace_changes_leave_the_instance_read(tmp_path: Path) -> None:
    startup = ("from . import config\n\n\ndef widen(other):\n"
               "    other.__dict__['timeout'] = 5\n"
               "    settings_copy = dict(vars(other))\n"
               "    vars(config)['OTHER'] = 1\n")
    findings = _findings(tmp_path, {"app/config.py": SETTINGS, "app/auth.py": SETTINGS_AUTH,
                                    "app/startup.py": startup})
    assert _codes(findings) == {("config.py", 10, "NYS303")}


def test_an_instance_bound_again_elsewhere_is_not_read(tmp_path: Path) -> None:
    rebinding = ("from . import config\n\n"
                 "config.settings = config.NylasSettings(scopes=['contacts'])\n")
    findings = _findings(tmp_path, {"app/config.py": SETTINGS, "app/auth.py": SETTINGS_AUTH,
                                    "app/startup.py": rebinding})
    assert _codes(findings) == {("auth.py", 10, "NYS304")}


NAMED_TUPLE = SETTINGS.replace("from dataclasses import dataclass, field",
                               "from typing import NamedTuple").replace(
    "@dataclass(frozen=True)\nclass NylasSettings:", "class NylasSettings(NamedTuple):").replace(
    "field(default_factory=lambda: [\n        \"email.read_only\",\n        \"calendar\",\n    ])",
    "[]")
ATTRS = SETTINGS.replace("from dataclasses import dataclass, field", "import attrs").replace(
    "@dataclass(frozen=True)", "@attrs.frozen").replace("field(", "attrs.field(")


@pytest.mark.parametrize("config, made, expected", [
    # What the call gives the field, by keyword or by position.
    (SETTINGS, 'NylasSettings(scopes=["email.read_only"])', set()),
    (SETTINGS, 'NylasSettings("x", ["email.read_only", "contacts"])',
     {("config.py", 14, "NYS303")}),
    # A field the call leaves out holds its default.
    (SETTINGS, 'NylasSettings("x")', {("config.py", 10, "NYS303")}),
    (NAMED_TUPLE, 'NylasSettings(scopes=["email.read_only", "contacts"])',
     {("config.py", 10, "NYS303")}),
    (ATTRS, 'NylasSettings(scopes=["email.read_only", "contacts"])',
     {("config.py", 14, "NYS303")}),
], ids=["dataclass by keyword", "dataclass by position", "dataclass default",
        "NamedTuple", "attrs"])
def test_a_record_instance_made_with_arguments_holds_what_they_give(
        tmp_path: Path, config: str, made: str, expected: set[tuple[str, int, str]]) -> None:
    assert "settings = NylasSettings()" in config
    findings = _findings(tmp_path, {
        "app/config.py": config.replace("settings = NylasSettings()", f"settings = {made}"),
        "app/auth.py": SETTINGS_AUTH})
    assert _codes(findings) == expected, findings


MADE = 'settings = NylasSettings(scopes=["email.read_only"])'
RECORD_CASES = {
    "arguments spread from a dict": (
        "settings = NylasSettings()",
        'OPTIONS = {"scopes": ["email.read_only"]}\nsettings = NylasSettings(**OPTIONS)'),
    "arguments spread from a list": (
        "settings = NylasSettings()",
        'ARGS = ["x", ["email.read_only"]]\nsettings = NylasSettings(*ARGS)'),
    "a post-init hook": (
        "\n\nsettings", "\n    def __post_init__(self):\n        pass\n\n\nsettings"),
    "a field that converts its argument": ("field(default_factory",
                                           "field(converter=tuple, default_factory"),
    "another decorator": ("@dataclass(frozen=True)", "@register\n@dataclass(frozen=True)"),
    "a base class": ("class NylasSettings:", "class NylasSettings(BaseSettings):"),
    "a class defined twice": ("\n\nsettings", "\n\nclass NylasSettings:\n    pass\n\n\n"
                                               "settings"),
    "changed after it is made": (
        "settings = NylasSettings()",
        'settings = NylasSettings(scopes=["email.read_only"])\n'
        'settings.scopes.append("contacts")'),
}


@pytest.mark.parametrize("old, new", RECORD_CASES.values(), ids=RECORD_CASES.keys())
def test_record_instances_made_with_arguments_that_may_hold_more_are_not_read(
        tmp_path: Path, old: str, new: str) -> None:
    config = SETTINGS.replace("settings = NylasSettings()", MADE)
    assert old in SETTINGS
    findings = _findings(tmp_path, {
        "app/config.py": config.replace(old.replace("settings = NylasSettings()", MADE), new),
        "app/auth.py": SETTINGS_AUTH})
    assert _codes(findings) == {("auth.py", 10, "NYS304")}, findings


# The instance and the request in one module (a one-file app's ``settings =
# NylasSettings()``): its fields are read as where another module imports it.
SAME_MODULE = SETTINGS_AUTH.replace("from .config import settings\n", SETTINGS)


def _same_module_codes(root: Path, module: str) -> set[tuple[str, int, str]]:
    return _codes(_findings(root, {"app/auth.py": module}))


def test_a_dataclass_instance_of_the_same_module_holds_its_defaults(tmp_path: Path) -> None:
    calendar_line = SAME_MODULE.splitlines().index('        "calendar",') + 1
    assert _same_module_codes(tmp_path, SAME_MODULE) == {("auth.py", calendar_line, "NYS303")}


def _request_line(module: str) -> int:
    return module.splitlines().index('    return client.authentication_url('
                                     '"https://a.example/cb", scopes=settings.scopes)') + 1


@pytest.mark.parametrize("change", [
    *(new for old, new in DATACLASS_CASES.values() if old == "settings = NylasSettings()"),
    "settings = NylasSettings()\n\n\ndef widen():\n    settings.scopes.append('contacts')",
    "settings = NylasSettings()\n\n\ndef widen():\n    settings.scopes[0] = 'contacts'",
    "settings = NylasSettings()\n\n\ndef widen(extra):\n    settings.scopes.extend(extra)",
    "settings = NylasSettings()\nfrom thirdparty import configure\nconfigure(settings)",
    "settings = NylasSettings()\nheld = settings\n\n\ndef widen():\n"
    "    held.scopes.append('contacts')",
    "settings = NylasSettings()\nSCOPES = settings.scopes\nSCOPES.append('contacts')",
], ids=["past frozen", "vars", "__dict__", "__dict__.update", "__dict__.setdefault",
        "appended in a function", "item set", "extended", "handed to a call", "aliased",
        "held by another name"])
def test_a_same_module_instance_that_may_change_is_not_read(
        tmp_path: Path, change: str) -> None:
    # Reading ``settings.scopes`` no longer hands ``settings`` on; every other use
    # of the instance or of its list still does.
    module = SAME_MODULE.replace("settings = NylasSettings()", change)
    assert module != SAME_MODULE
    # (No other module changes any ``scopes`` attribute, which alone would leave
    # every such list unresolved.)
    codes = _same_module_codes(tmp_path, module)
    assert ("auth.py", _request_line(module), "NYS304") in codes, codes
    assert not {code for _, _, code in codes} & {"NYS302", "NYS303"}, codes


def test_a_same_module_instance_whose_method_may_change_it_is_not_read(
        tmp_path: Path) -> None:
    module = SAME_MODULE.replace(
        "\n\nsettings = NylasSettings()",
        "\n    def widen(self):\n        self.scopes.append('contacts')\n\n\n"
        "settings = NylasSettings()\nsettings.widen()")
    codes = _same_module_codes(tmp_path, module)
    assert not {code for _, _, code in codes} & {"NYS302", "NYS303"}, codes


V3_SAME_MODULE = '''
import os
from dataclasses import dataclass

from nylas import Client


@dataclass(frozen=True)
class Config:
    api_key: str
    scopes: tuple[str, ...] = (
        "https://www.googleapis.com/auth/gmail.readonly",
        "https://www.googleapis.com/auth/calendar",
    )


config = Config(api_key=os.environ["NYLAS_API_KEY"])
nylas = Client(api_key=config.api_key)


def auth_url(state):
    return nylas.auth.url_for_oauth2({
        "client_id": "id", "redirect_uri": "https://a.example/cb", "provider": "google",
        "scope": config.scopes, "state": state})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''


@pytest.mark.parametrize("reads", ["", 'print(config.scopes)\nprint(len(config.scopes))'],
                         ids=["the request alone", "the tuple also printed"])
def test_an_api_v3_config_reading_a_same_module_instance_is_judged(
        tmp_path: Path, reads: str) -> None:
    # Before, reading ``config.scopes`` (and ``config.api_key``) counted as handing
    # ``config`` to code that may change it: NYS304 "scopes come from
    # app.auth.config.scopes".  Only the messages are read: the calendar is unused.
    # A tuple of strings given to a call stays as it is.
    module = V3_SAME_MODULE.replace("\nnylas = Client(", f"\n{reads}\nnylas = Client(")
    calendar_line = module.splitlines().index(
        '        "https://www.googleapis.com/auth/calendar",') + 1
    assert _same_module_codes(tmp_path, module) == {("auth.py", calendar_line, "NYS303")}


@pytest.mark.parametrize("change", [
    "object.__setattr__(config, 'scopes', ('https://www.googleapis.com/auth/contacts',))",
    "register(config)",
    "for key in ('scopes',):\n    setattr(config, key, ['contacts'])",
], ids=["set past frozen", "instance given to a call", "set by a run-time name"])
def test_an_api_v3_same_module_instance_that_may_change_is_not_judged(
        tmp_path: Path, change: str) -> None:
    module = V3_SAME_MODULE.replace(
        "\nnylas = Client(", f"\nfrom .startup import register\n{change}\nnylas = Client(")
    codes = _codes(_findings(tmp_path, {
        "app/auth.py": module, "app/startup.py": "def register(config):\n    pass\n"}))
    assert not {code for _, _, code in codes} & {"NYS302", "NYS303"}, codes


@pytest.mark.parametrize("default, judged", [
    # A setting read from the environment gives the field a string: the fields and
    # their order stay those the body writes.
    ('os.environ.get("NYLAS_CLIENT_ID", "")', True),
    ('os.getenv("NYLAS_CLIENT_ID")', True),
    # Controls: a call the analysis cannot name may return a field specifier
    # (``field(init=False)``) that changes what ``__init__`` takes, and so may a
    # fallback computed by another call.
    ('client_id_field()', False),
    ('os.environ.get("NYLAS_CLIENT_ID", client_id_field())', False),
], ids=["os.environ.get", "os.getenv", "an unknown call", "an unknown fallback"])
def test_a_field_defaulting_to_an_environment_setting_keeps_the_record_read(
        tmp_path: Path, default: str, judged: bool) -> None:
    # Before, any call as a field's default made the class no record the analysis
    # reads, and the request was unresolved (NYS304 "cannot read a scopes value from
    # attribute 'scopes'").
    module = V3_SAME_MODULE.replace(
        "    api_key: str\n",
        f"    api_key: str\n    client_id: str = {default}\n").replace(
        "import os\n", "import os\n\nfrom .fields import client_id_field\n")
    assert f"client_id: str = {default}" in module
    calendar_line = module.splitlines().index(
        '        "https://www.googleapis.com/auth/calendar",') + 1
    codes = _codes(_findings(tmp_path, {
        "app/auth.py": module,
        "app/fields.py": "from dataclasses import field\n\n\n"
                         "def client_id_field():\n    return field(init=False, default='')\n"}))
    if judged:
        assert codes == {("auth.py", calendar_line, "NYS303")}, codes
    else:
        assert {code for _, _, code in codes} == {"NYS304"}, codes


def test_a_scopes_field_defaulting_to_an_environment_setting_stays_unresolved(
        tmp_path: Path) -> None:
    # Control: neither what the environment holds nor a fallback that is no constant
    # is read.
    module = V3_SAME_MODULE.replace(
        "    scopes: tuple[str, ...] = (\n",
        '    scopes: tuple[str, ...] = os.environ.get("NYLAS_SCOPES", (\n').replace(
        '/calendar",\n    )', '/calendar",\n    ))')
    assert 'os.environ.get("NYLAS_SCOPES", (' in module
    codes = _same_module_codes(tmp_path, module)
    assert {code for _, _, code in codes} == {"NYS304"}, codes


V3_LIST_FIELD = V3_SAME_MODULE.replace(
    "from dataclasses import dataclass", "from dataclasses import dataclass, field").replace(
    "    scopes: tuple[str, ...] = (\n", "    scopes: list[str] = field(default_factory=lambda: [\n").replace(
    '/calendar",\n    )', '/calendar",\n    ])')


@pytest.mark.parametrize("use, judged", [
    # A method of the list no rule reads may change it.
    ("config.scopes.__iadd__(['https://www.googleapis.com/auth/contacts'])", False),
    # Control: one that only looks at the list.
    ("config.scopes.count('https://www.googleapis.com/auth/calendar')", True),
], ids=["a method no rule reads", "a method that only looks"])
def test_a_list_field_used_through_a_method_is_read_only_where_the_method_only_looks(
        tmp_path: Path, use: str, judged: bool) -> None:
    assert "default_factory" in V3_LIST_FIELD
    module = V3_LIST_FIELD.replace("\nnylas = Client(", f"\n{use}\nnylas = Client(")
    codes = {code for _, _, code in _same_module_codes(tmp_path, module)}
    assert codes == ({"NYS303"} if judged else {"NYS304"}), codes
