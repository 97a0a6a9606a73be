"""Registries of provider classes spread over modules: the dict and its registrar in
one module, each provider's class in its own, the lookup by the grant's provider in
the registry's module."""

from __future__ import annotations

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
                                      "provider": "google", "scope": ["{G}gmail.readonly"]}})


def login_microsoft():
    return nylas.auth.url_for_oauth2({{"client_id": "id", "redirect_uri": "https://a/cb",
                                      "provider": "microsoft", "scope": ["Calendars.Read"]}})
'''
_REGISTRY = '''SYNCS = {}


def register(cls):
    SYNCS[cls.provider] = cls
    return cls


def sync_for(grant, nylas):
    return SYNCS[grant.provider](nylas)
'''
_BASE_REGISTRY = '''SYNCS = {}


class Base:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        SYNCS[cls.provider] = cls

    def __init__(self, nylas):
        self.nylas = nylas


def sync_for(grant, nylas):
    return SYNCS[grant.provider](nylas)
'''
_JOBS = '''from .clients import nylas
from .registry import sync_for


def run(grant):
    return sync_for(grant, nylas).run(grant.id)
'''
# Google's class reads threads (its request grants mail), Microsoft's calendars.
_GMAIL_CALL = "self.nylas.threads.list(gid)"
_GRAPH_CALL = 'self.nylas.events.list(gid, query_params={"calendar_id": "primary"})'


def _provider_class(name: str, provider: str, call: str, head: str = "@register\nclass {}:",
                    imports: str = "from .registry import register", body: str = "") -> str:
    """A module of one class binding ``provider``, made as ``head`` says; its call
    on the last line."""
    return (f"{imports}\n\n\n{head.format(name)}\n    provider = {provider!r}\n{body}\n"
            "    def __init__(self, nylas):\n        self.nylas = nylas\n\n"
            f"    def run(self, gid):\n        return {call}\n")


def _files(**changed: str) -> dict[str, str]:
    files = {"clients.py": _CLIENTS, "registry.py": _REGISTRY, "jobs.py": _JOBS,
             "gmail.py": _provider_class("GmailSync", "google", _GMAIL_CALL),
             "graph.py": _provider_class("GraphSync", "microsoft", _GRAPH_CALL)}
    files.update({f"{name}.py": text for name, text in changed.items()})
    return files


def _said(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, str, str]]:
    """The usage findings (NYS304 included): (file, code, message)."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name, text in files.items():
        (package / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((Path(f.span.path).name, f.code, f.message) for f in result.findings
                  if f.code in ("NYS301", "NYS302", "NYS303", "NYS304", "NYS405"))


def _codes(found: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    return [(name, code) for name, code, _ in found]


# Each class reaches the registry only for its provider's grants: neither needs the
# other provider's scopes.
_UNRESOLVED_BOTH = [("gmail.py", "NYS304"), ("graph.py", "NYS304")]


@pytest.mark.parametrize("changed", [
    {},
    # The registrar imported under another name, or through its module.
    {"gmail": _provider_class("GmailSync", "google", _GMAIL_CALL, "@enlist\nclass {}:",
                              "from .registry import register as enlist")},
    {"gmail": _provider_class("GmailSync", "google", _GMAIL_CALL,
                              "@registry.register\nclass {}:", "from . import registry")},
    # Looked up in another module.
    {"jobs": "from .clients import nylas\nfrom .registry import SYNCS\n\n\ndef run(grant):\n"
             "    return SYNCS[grant.provider](nylas).run(grant.id)\n"},
    # The registry's base filling it in ``__init_subclass__``.
    {"registry": _BASE_REGISTRY,
     "gmail": _provider_class("GmailSync", "google", _GMAIL_CALL, "class {}(Base):",
                              "from .registry import Base"),
     "graph": _provider_class("GraphSync", "microsoft", _GRAPH_CALL, "class {}(Base):",
                              "from .registry import Base")},
])
def test_a_registry_spread_over_modules_is_read_as_the_table_it_holds(
        tmp_path: Path, changed: dict[str, str]) -> None:
    assert _said(tmp_path, _files(**changed)) == []


def test_a_class_of_a_spread_registry_still_needs_its_own_providers_scope(
        tmp_path: Path) -> None:
    clients = _CLIENTS.replace("gmail.readonly", "calendar.readonly")
    found = _said(tmp_path, _files(clients=clients))
    assert _codes(found) == [("clients.py", "NYS303"), ("gmail.py", "NYS301")], found
    assert "gmail.readonly" in found[1][2]


def _registrar_re_exported(steps: int) -> dict[str, str]:
    """The registrar reaches gmail.py through ``steps`` modules each re-exporting it
    from the one before."""
    changed = {"r1": "from .registry import register\n"}
    changed.update({f"r{step}": f"from .r{step - 1} import register\n"
                    for step in range(2, steps + 1)})
    changed["gmail"] = _provider_class("GmailSync", "google", _GMAIL_CALL,
                                       imports=f"from .r{steps} import register")
    return _files(**changed)


def test_a_registrar_re_exported_past_the_last_followed_leaves_its_class_unresolved(
        tmp_path: Path) -> None:
    # Nine re-exports, one more than are followed: the decorator may register the
    # class for Google's grants only, so Microsoft's request is not said to miss a
    # scope its call needs.
    found = _said(tmp_path, _registrar_re_exported(9))
    assert _codes(found) == [("gmail.py", "NYS304")], found


def test_a_registrar_re_exported_as_often_as_followed_is_read(tmp_path: Path) -> None:
    assert _said(tmp_path, _registrar_re_exported(8)) == []


_MAIL_BASE = "class Mail:\n    provider = 'google'\n\n\n"


@pytest.mark.parametrize("changed", [
    # The attribute inherited, bound twice, computed.
    {"gmail": _provider_class("GmailSync", "google", _GMAIL_CALL, _MAIL_BASE
                              + "@register\nclass {}(Mail):", body="    del provider\n")},
    {"gmail": _provider_class("GmailSync", "google", _GMAIL_CALL,
                              body="    provider = provider.lower()\n")},
    {"gmail": _provider_class("GmailSync", "google", _GMAIL_CALL).replace(
        "'google'", "'goo' + 'gle'")},
    # The class named again in its module, or derived from in another.
    {"gmail": _provider_class("GmailSync", "google", _GMAIL_CALL) + "\n\nDEFAULT = GmailSync\n"},
    {"outlook": "from .gmail import GmailSync\nfrom .registry import register\n\n\n"
                "@register\nclass OutlookSync(GmailSync):\n    provider = 'microsoft'\n"},
    # A second decorator, the registrar held under another name.
    {"gmail": _provider_class("GmailSync", "google", _GMAIL_CALL,
                              "@functools.total_ordering\n@register\nclass {}:",
                              "import functools\nfrom .registry import register")},
    {"gmail": _provider_class("GmailSync", "google", _GMAIL_CALL, "@enlist\nclass {}:",
                              "from .registry import register\n\nenlist = register")},
    # A registrar that does more than store, a dict written elsewhere too, one that
    # code outside the project may use.
    {"registry": _REGISTRY.replace("    return cls", "    cls.registered = True\n    return cls")},
    {"extra": "from .registry import SYNCS\n\nSYNCS['imap'] = object\n"},
    {"registry": '__all__ = ["SYNCS", "register", "sync_for"]\n\n' + _REGISTRY},
    # A lookup by something else than the grant's provider, every class run.
    {"registry": _REGISTRY.replace("grant.provider", "grant.kind")},
    {"registry": _REGISTRY + "\n\ndef sync_all(nylas):\n    for cls in SYNCS.values():\n"
                             "        cls(nylas).run('gid')\n"},
])
def test_a_spread_registry_not_read_exactly_leaves_its_classes_unresolved(
        tmp_path: Path, changed: dict[str, str]) -> None:
    found = _said(tmp_path, _files(**changed))
    gmail_only = [entry for entry in _codes(found) if entry[0] == "gmail.py"]
    assert gmail_only == [("gmail.py", "NYS304")], found
    assert "microsoft grants" in next(message for name, _, message in found
                                      if name == "gmail.py")
    assert not any(code in ("NYS301", "NYS303") for _, code, _ in found), found


def test_filled_registries_and_providers_bound_survive_the_cache() -> None:
    registry = module_facts(None, "registry.py", _REGISTRY.splitlines(keepends=True),
                            "app.registry", flow=True)
    text = _provider_class("GmailSync", "google", _GMAIL_CALL)
    gmail = module_facts(None, "gmail.py", text.splitlines(keepends=True), "app.gmail",
                         flow=True)
    assert list(registry.filled_registries) == [("register", "SYNCS", "provider")]
    assert [link[6] for link in gmail.class_links] == [("provider", "google")]
    for facts in (registry, gmail):
        again = ModuleFacts.from_json(facts.to_json())
        assert (again.filled_registries, again.class_links) == (
            facts.filled_registries, facts.class_links)
