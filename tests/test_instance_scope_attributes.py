"""A provider class's scopes read through an instance made without arguments
(``Google().scopes``, ``provider = Google()`` then ``provider.scopes``): what the class
inherits from a base of its module, or what its ``@property`` returns, is read; a class
something may make behave otherwise stays unresolved (NYS304)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tool_runs import analyse_package

HEADER = '''
from nylas import APIClient

client = APIClient("id", "secret")


def inbox(token):
    return [m.subject for m in APIClient("id", "secret", token).messages.all()]

'''

LOGIN = '''

def login():
    provider = Google()
    return client.authentication_url("https://a.example/cb", scopes=provider.scopes)
'''

INHERITED = '''
class Base:
    scopes = ["email.read_only", "contacts"]


class Google(Base):
    name = "google"
'''

PROPERTY = '''
class Google:
    @property
    def scopes(self):
        if client.api_server:
            return ["email.read_only"]
        return ["email.read_only", "contacts"]
'''


def _findings(root: Path, files: dict[str, str]) -> list[tuple[str, int, str, str]]:
    result = analyse_package(root, files)
    return sorted((Path(f.span.path).name, f.span.line, f.code, f.message)
                  for f in result.findings)


def _codes(found: list[tuple[str, int, str, str]]) -> set[str]:
    return {code for _, _, code, _ in found}


@pytest.mark.parametrize(("classes", "line"), [(INHERITED, 12), (PROPERTY, 16)],
                         ids=["inherited", "property"])
def test_a_provider_class_s_scopes_are_read_through_an_instance(
        tmp_path: Path, classes: str, line: int) -> None:
    found = _findings(tmp_path, {"app/views.py": HEADER + classes + LOGIN})
    assert [(name, at, code) for name, at, code, _ in found] == [
        ("views.py", line, "NYS303")], found
    assert "'contacts'" in found[0][3], found


def test_a_base_of_another_module_of_the_project_is_read_from_there(tmp_path: Path) -> None:
    # The provider class itself lives in a module of its own, imported by the views.
    views = HEADER + "from app.providers import Google\n" + LOGIN.replace(
        "provider = Google()\n", "").replace("provider.scopes", "Google().scopes")
    found = _findings(tmp_path, {"app/providers.py": INHERITED, "app/views.py": views})
    assert [(name, code) for name, _, code, _ in found] == [("providers.py", "NYS303")], found


UNRESOLVED = {
    "a base from another module": (
        {"app/base.py": 'class Base:\n    scopes = ["email.read_only", "contacts"]\n'},
        "from app.base import Base\n\n\nclass Google(Base):\n    pass\n"),
    "a base from a library": ({}, "from library import Base\n\n\nclass Google(Base):\n    pass\n"),
    "an __init__ in the base": ({}, INHERITED.replace(
        "class Google", "    def __init__(self):\n        pass\n\n\nclass Google")),
    "self.scopes set by a method": ({}, INHERITED.replace(
        'name = "google"', 'def narrow(self):\n        self.scopes = ["email.read_only"]')),
    "a class decorator on the base": ({}, "import functools\n\n\n@functools.total_ordering"
                                          + INHERITED),
    "a metaclass on the base": (
        {}, INHERITED.replace("class Base:", "class Base(metaclass=Meta):")),
    "a property computing its list": ({}, PROPERTY.replace(
        'return ["email.read_only"]', 'return ["email.read_only", *extra()]')),
    "a property that may return None": ({}, PROPERTY.replace(
        '        return ["email.read_only", "contacts"]\n', '        print("none")\n')),
    "a subclass annotation only": ({}, INHERITED.replace(
        'name = "google"', "scopes: list[str]")),
}


@pytest.mark.parametrize(("more", "classes"), UNRESOLVED.values(), ids=list(UNRESOLVED))
def test_a_class_that_may_read_otherwise_stays_unresolved(
        tmp_path: Path, more: dict[str, str], classes: str) -> None:
    found = _findings(tmp_path, {**more, "app/views.py": HEADER + classes + LOGIN})
    assert not _codes(found) & {"NYS301", "NYS302", "NYS303"}, found
    assert "NYS304" in _codes(found), found


def test_an_instance_given_another_list_stays_unresolved(tmp_path: Path) -> None:
    views = HEADER + INHERITED + LOGIN + '''

def narrow(provider):
    provider.scopes = ["email.read_only"]
'''
    found = _findings(tmp_path, {"app/views.py": views})
    assert not _codes(found) & {"NYS301", "NYS302", "NYS303"}, found
    assert "NYS304" in _codes(found), found


# A provider class of another module, its instance held in a local name.
PROVIDERS = 'class Google:\n    scopes = ["email.read_only", "contacts"]\n'
HELD_LOGIN = '''
from app.providers import Google


def login():
    provider = Google()
{before}    return client.authentication_url("https://a.example/cb", scopes=provider.scopes)
'''


def test_an_instance_of_another_module_s_class_held_in_a_local_is_read(
        tmp_path: Path) -> None:
    views = HEADER + HELD_LOGIN.format(before="")
    found = _findings(tmp_path, {"app/providers.py": PROVIDERS, "app/views.py": views})
    assert [(name, at, code) for name, at, code, _ in found] == [
        ("providers.py", 2, "NYS303")], found
    assert "'contacts'" in found[0][3], found


HELD_UNRESOLVED = {
    "handed to other code before": ("    enable(provider)\n", PROVIDERS),
    "stored in a container": ("    REGISTRY.append(provider)\n", PROVIDERS),
    "bound to another name": ("    other = provider\n    enable(other)\n", PROVIDERS),
    "its attribute set": ('    provider.scopes = ["email.read_only"]\n', PROVIDERS),
    "its attribute changed": ('    provider.scopes.append("calendar")\n', PROVIDERS),
    "its namespace changed": ('    vars(provider)["scopes"].append("calendar")\n', PROVIDERS),
    "an __init__ setting self.scopes": ("", PROVIDERS + (
        '\n    def __init__(self):\n        self.scopes = ["calendar"]\n')),
}


@pytest.mark.parametrize(("before", "providers"), HELD_UNRESOLVED.values(),
                         ids=list(HELD_UNRESOLVED))
def test_an_instance_held_in_a_local_that_code_may_change_stays_unresolved(
        tmp_path: Path, before: str, providers: str) -> None:
    views = HEADER + HELD_LOGIN.format(before=before)
    found = _findings(tmp_path, {"app/providers.py": providers, "app/views.py": views})
    assert not _codes(found) & {"NYS301", "NYS302", "NYS303"}, found
    assert "NYS304" in _codes(found), found


def test_an_instance_made_in_a_loop_stays_unresolved(tmp_path: Path) -> None:
    # A use written before the binding may run after it.
    views = HEADER + HELD_LOGIN.format(before="").replace(
        "    provider = Google()\n",
        "    provider = None\n    for _ in range(2):\n        if provider:\n"
        "            enable(provider)\n        provider = Google()\n")
    found = _findings(tmp_path, {"app/providers.py": PROVIDERS, "app/views.py": views})
    assert not _codes(found) & {"NYS301", "NYS302", "NYS303"}, found
    assert "NYS304" in _codes(found), found


# The provider class in the module of the request, handed to other code there.
OWN = 'class Google:\n    scopes = ["email.read_only", "contacts"]\n' + LOGIN.replace(
    "provider = Google()\n    return", "return").replace("provider.scopes", "Google().scopes")

HANDED_IN_ITS_MODULE = {
    "the class": "\n\nenable(Google)\n",
    "an instance": "\n\nenable(Google())\n",
    "an instance held in a local": "\n\ndef setup():\n    provider = Google()\n    enable(provider)\n",
    "an instance stored at module level": "\n\nPROVIDER = Google()\n",
}


@pytest.mark.parametrize("handed", HANDED_IN_ITS_MODULE.values(), ids=list(HANDED_IN_ITS_MODULE))
def test_a_class_handed_to_other_code_in_its_own_module_stays_unresolved(
        tmp_path: Path, handed: str) -> None:
    found = _findings(tmp_path, {"app/views.py": HEADER + OWN + handed})
    assert not _codes(found) & {"NYS301", "NYS302", "NYS303"}, found
    assert "NYS304" in _codes(found), found


LOOKED_AT = {
    "an annotation": "\n\ndef show(provider: Google) -> Google:\n    return provider\n",
    "a test of the type": "\n\ndef is_google(provider):\n    return isinstance(provider, Google)\n",
    "a plain subclass": "\n\nclass Workspace(Google):\n    pass\n",
}


@pytest.mark.parametrize("use", LOOKED_AT.values(), ids=list(LOOKED_AT))
def test_a_class_only_looked_at_in_its_module_is_still_read(tmp_path: Path, use: str) -> None:
    found = _findings(tmp_path, {"app/views.py": HEADER + OWN + use})
    assert [code for _, _, code, _ in found] == ["NYS303"], found


def test_an_annotation_with_another_module_s_class_leaves_it_read(tmp_path: Path) -> None:
    views = HEADER + HELD_LOGIN.format(before="") + (
        "\n\ndef show(provider: Google) -> Google:\n    return provider\n")
    found = _findings(tmp_path, {"app/providers.py": PROVIDERS, "app/views.py": views})
    assert [(name, code) for name, _, code, _ in found] == [("providers.py", "NYS303")], found


def test_a_decorated_subclass_in_the_module_stays_unresolved(tmp_path: Path) -> None:
    # A decorator of a library may change what the subclass inherits.
    use = "\n\n@library.register\nclass Workspace(Google):\n    pass\n"
    found = _findings(tmp_path, {"app/views.py": "import library\n" + HEADER + OWN + use})
    assert not _codes(found) & {"NYS301", "NYS302", "NYS303"}, found
    assert "NYS304" in _codes(found), found
