"""``self.SCOPES`` in a method of a base class whose subclasses bind their own list
(``class GoogleAuth(ProviderAuth): SCOPES = [...]``): the request is one of the
lists of the base and of every class of the project deriving from it, each judged
at its own list, where every class that may provide the attribute can be named and
read; elsewhere it stays unresolved (NYS304), its reason naming a subclass."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_GMAIL = "https://www.googleapis.com/auth/gmail.readonly"
_CALENDAR = "https://www.googleapis.com/auth/calendar"

BASE = '''from nylas import Client

nylas = Client(api_key="key")


class ProviderAuth:
    SCOPES = ["openid"]
    provider = ""

    def url(self, redirect_uri):
        return nylas.auth.url_for_oauth2({"client_id": "c", "redirect_uri": redirect_uri,
                                          "provider": self.provider, "scope": self.SCOPES})


def inbox(grant_id):
    return nylas.messages.list(grant_id)
'''

SUBCLASSES = f'''from app.auth import ProviderAuth


class GoogleAuth(ProviderAuth):
    provider = "google"
    SCOPES = ["{_GMAIL}", "{_CALENDAR}"]


class MicrosoftAuth(ProviderAuth):
    provider = "microsoft"
    SCOPES = ["Mail.Read", "Calendars.Read"]
'''

# Listing messages needs Gmail's read scope of Google and ``Mail.Read`` of
# Microsoft: each subclass's calendar scope is the one no call needs.
UNUSED_CALENDARS = [
    ("app/providers.py", 6, f"NYS303 '{_CALENDAR}' is requested but no Nylas call in the "
                            "project needs it; remove it"),
    ("app/providers.py", 11, "NYS303 'Calendars.Read' is requested but no Nylas call in the "
                             "project needs it; remove it"),
]


def _findings(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    for name, text in {"app/__init__.py": "", **files}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted((Path(f.span.path).relative_to(tmp_path).as_posix(), f.span.line, f.message)
                  for f in result.findings)


def _project(base: str = BASE, subclasses: str = SUBCLASSES) -> dict[str, str]:
    return {"app/auth.py": base, "app/providers.py": subclasses}


def test_each_subclass_list_is_judged_at_the_list(tmp_path: Path) -> None:
    assert _findings(tmp_path, _project()) == UNUSED_CALENDARS


READ_THE_SAME = {
    "the class method reads cls.SCOPES": BASE.replace(
        "    def url(self, redirect_uri):", "    @classmethod\n    def url(cls, redirect_uri):"
    ).replace("self.", "cls."),
    "type(self).SCOPES": BASE.replace('"scope": self.SCOPES', '"scope": type(self).SCOPES'),
    "the base only annotates it": BASE.replace('SCOPES = ["openid"]', "SCOPES: list[str]"),
}


@pytest.mark.parametrize("base", READ_THE_SAME.values(), ids=list(READ_THE_SAME))
def test_other_spellings_of_the_base_read_the_subclass_lists(
        tmp_path: Path, base: str) -> None:
    assert _findings(tmp_path, _project(base)) == UNUSED_CALENDARS


# A base that only registers each subclass under its provider binds no attribute of it.
REGISTERING_BASE = BASE.replace("class ProviderAuth:", "PROVIDERS = {}\n\n\nclass ProviderAuth:").replace(
    '    provider = ""\n',
    '    provider = ""\n\n    def __init_subclass__(cls, **kwargs):\n'
    '        """Register each provider\'s flow."""\n'
    '        super().__init_subclass__(**kwargs)\n'
    '        if cls.provider:\n'
    '            PROVIDERS[cls.provider] = cls\n')


def test_a_base_hook_that_only_registers_subclasses_reads_their_lists(
        tmp_path: Path) -> None:
    # The base's lines move down by the dict (3 lines) and the hook (6 lines); the
    # subclasses' lists stay where they are.
    assert _findings(tmp_path, _project(REGISTERING_BASE)) == UNUSED_CALENDARS


def test_an_empty_base_list_is_one_of_the_requests(tmp_path: Path) -> None:
    # ``ProviderAuth().url(...)`` asks with no scope and no provider the analysis
    # reads: what that grant holds is not known, so no usage claim is made.
    base = BASE.replace('SCOPES = ["openid"]', "SCOPES: list[str] = []")
    found = _findings(tmp_path, _project(base))
    assert [(path, line, message[:6]) for path, line, message in found] == [
        ("app/auth.py", 11, "NYS304")], found
    assert "names no provider" in found[0][2]


def test_a_subclass_through_a_class_binding_nothing(tmp_path: Path) -> None:
    subclasses = SUBCLASSES.replace(
        "class MicrosoftAuth(ProviderAuth):",
        "class OAuthBase(ProviderAuth):\n    pass\n\n\nclass MicrosoftAuth(OAuthBase):")
    found = _findings(tmp_path, _project(subclasses=subclasses))
    assert found == [UNUSED_CALENDARS[0], ("app/providers.py", 15, UNUSED_CALENDARS[1][2])]


def test_subclasses_in_the_base_module(tmp_path: Path) -> None:
    whole = BASE + "\n\n" + SUBCLASSES.split("\n", 1)[1]
    found = _findings(tmp_path, {"app/auth.py": whole})
    assert [(line, message) for _, line, message in found] == [
        (23, UNUSED_CALENDARS[0][2]), (28, UNUSED_CALENDARS[1][2])]


V2 = '''from nylas import APIClient

client = APIClient("id", "secret")


class BaseFlow:
    SCOPES = ["email.read_only"]

    def url(self, redirect):
        return client.authentication_url(redirect, scopes=self.SCOPES)


class SupportFlow(BaseFlow):
    SCOPES = ["email.read_only", "email.send"]


def inbox():
    return client.messages.all()
'''


def test_an_api_v2_flow_subclass(tmp_path: Path) -> None:
    # Reading messages needs ``email.read_only``; nothing sends.
    assert _findings(tmp_path, {"app/flows.py": V2}) == [
        ("app/flows.py", 14, "NYS303 'email.send' is requested but no Nylas call in the "
                             "project needs it; remove it")]


def test_a_scope_one_subclass_needs_stays_needed(tmp_path: Path) -> None:
    # Control: a draft sent needs ``email.send``, which only SupportFlow asks for.
    sends = V2 + ("\n\ndef reply():\n    draft = client.drafts.create()\n"
                  "    draft.send()\n")
    found = _findings(tmp_path, {"app/flows.py": sends})
    assert not any(message.startswith(("NYS303", "NYS304")) for _, _, message in found), found
    assert not any("'email.send'" in message for _, _, message in found), found


UNREAD = {
    "a subclass binds what a call gives": (BASE, SUBCLASSES.replace(
        'SCOPES = ["Mail.Read", "Calendars.Read"]', "SCOPES = load_scopes()"),
        "app.providers.MicrosoftAuth binds SCOPES to a value the analysis cannot read"),
    "a subclass binds a comprehension over something unknown": (BASE, SUBCLASSES.replace(
        'SCOPES = ["Mail.Read", "Calendars.Read"]', "SCOPES = [s for s in load_scopes()]"),
        "app.providers.MicrosoftAuth binds SCOPES to a value"),
    "an instance's attribute is set in __init__": (BASE, SUBCLASSES + (
        "\n    def __init__(self):\n        self.SCOPES = ['Mail.Send']\n"),
        "may change its SCOPES"),
    "the class attribute is set from outside": (
        BASE, SUBCLASSES + "\n\nMicrosoftAuth.SCOPES = ['Mail.Send']\n", "may change"),
    "setattr sets it": (
        BASE, SUBCLASSES + "\n\nsetattr(MicrosoftAuth, 'SCOPES', ['Mail.Send'])\n",
        "may change"),
    "the list is changed in place": (
        BASE, SUBCLASSES + "\n\nMicrosoftAuth.SCOPES.append('Mail.Send')\n", "may change"),
    "a subclass also derives from a library's class": (BASE, SUBCLASSES.replace(
        "class MicrosoftAuth(ProviderAuth):", "class MicrosoftAuth(Remembered, ProviderAuth):"
    ).replace("from app.auth", "from oauthlib_extras import Remembered\nfrom app.auth"),
        "also derives from oauthlib_extras.Remembered, which may provide SCOPES"),
    "the base derives from a library's class": (BASE.replace(
        "class ProviderAuth:", "class ProviderAuth(Flow):").replace(
        "from nylas", "from oauth_flows import Flow\nfrom nylas"), SUBCLASSES,
        "app.auth.ProviderAuth derives from oauth_flows.Flow"),
    "the base's __init_subclass__ hands the class on": (BASE.replace(
        '    provider = ""\n',
        '    provider = ""\n\n    def __init_subclass__(cls, **kwargs):\n'
        '        super().__init_subclass__(**kwargs)\n'
        '        register(cls)\n'), SUBCLASSES, "__init_subclass__"),
    "the base's __init_subclass__ sets an attribute": (BASE.replace(
        '    provider = ""\n',
        '    provider = ""\n\n    def __init_subclass__(cls, **kwargs):\n'
        '        PROVIDERS[cls.provider] = cls\n'
        '        cls.SCOPES = [*cls.SCOPES, "openid"]\n'), SUBCLASSES, "__init_subclass__"),
    "the base's __init_subclass__ stores by a key it calls for": (BASE.replace(
        '    provider = ""\n',
        '    provider = ""\n\n    def __init_subclass__(cls, **kwargs):\n'
        '        PROVIDERS[keyed(cls)] = cls\n'), SUBCLASSES, "__init_subclass__"),
    "a subclass has a metaclass": (BASE, SUBCLASSES.replace(
        "class MicrosoftAuth(ProviderAuth):",
        "class MicrosoftAuth(ProviderAuth, metaclass=Registered):"), "metaclass"),
    "a subclass has a class decorator": (BASE, SUBCLASSES.replace(
        "class MicrosoftAuth(ProviderAuth):", "@with_scopes\nclass MicrosoftAuth(ProviderAuth):"),
        "decorator"),
    "a subclass is made with type": (BASE, SUBCLASSES + (
        "\n\nTeamsAuth = type('TeamsAuth', (ProviderAuth,), {'SCOPES': ['Mail.Send']})\n"),
        "is a class made by calling type"),
    "a subclass is made in a function": (BASE, SUBCLASSES + (
        "\n\ndef make():\n    class TeamsAuth(ProviderAuth):\n        SCOPES = FROM_ENV\n"
        "    return TeamsAuth\n"), "app.providers.make.TeamsAuth binds SCOPES"),
    "a subclass's base cannot be named": (BASE, SUBCLASSES + (
        "\n\nclass TeamsAuth(pick_base()):\n    SCOPES = ['Mail.Send']\n"),
        "may derive from it through a base the analysis cannot name"),
}


@pytest.mark.parametrize("base, subclasses, why", UNREAD.values(), ids=list(UNREAD))
def test_a_provider_not_followed_stays_unresolved(
        tmp_path: Path, base: str, subclasses: str, why: str) -> None:
    found = _findings(tmp_path, _project(base, subclasses))
    assert [message[:6] for _, _, message in found] == ["NYS304"], found
    message = found[0][2]
    # Subclasses bind their own list: nothing changes the base's, and one is named.
    assert "which subclasses bind again (app.providers.GoogleAuth, ...)" in message, message
    assert "which other code may change" not in message
    assert why in message, message


def test_a_base_only_annotating_with_no_subclass_binding_stays_unresolved(
        tmp_path: Path) -> None:
    base = READ_THE_SAME["the base only annotates it"]
    subclasses = SUBCLASSES.replace('    SCOPES = ["Mail.Read", "Calendars.Read"]\n', "").replace(
        f'    SCOPES = ["{_GMAIL}", "{_CALENDAR}"]\n', "")
    assert [message[:6] for _, _, message in _findings(
        tmp_path, _project(base, subclasses))] == ["NYS304"]


def test_type_of_cls_in_a_class_method_stays_unresolved(tmp_path: Path) -> None:
    # ``type(cls)`` is the metaclass, not the class.
    base = BASE.replace(
        "    def url(self, redirect_uri):", "    @classmethod\n    def url(cls, redirect_uri):"
    ).replace('"scope": self.SCOPES', '"scope": type(cls).SCOPES').replace("self.", "cls.")
    assert [message[:6] for _, _, message in _findings(
        tmp_path, _project(base))] == ["NYS304"]


def test_a_subclass_defined_twice_counts_both_definitions(tmp_path: Path) -> None:
    # In one branch the class derives from a library's class too, which may provide
    # the attribute: whichever definition is read last, both count.
    for library_first in (True, False):
        plain = "    class MicrosoftAuth(ProviderAuth):\n        pass\n"
        mixed = "    class MicrosoftAuth(Remembered, ProviderAuth):\n        pass\n"
        first, second = (mixed, plain) if library_first else (plain, mixed)
        subclasses = SUBCLASSES.replace(
            'class MicrosoftAuth(ProviderAuth):\n    provider = "microsoft"\n'
            '    SCOPES = ["Mail.Read", "Calendars.Read"]\n',
            f"if LEGACY:\n{first}else:\n{second}").replace(
            "from app.auth", "from aiohttp_oauth import Remembered\nfrom app.auth")
        found = _findings(tmp_path / str(library_first), _project(subclasses=subclasses))
        assert [message[:6] for _, _, message in found] == ["NYS304"], found
        assert "aiohttp_oauth.Remembered" in found[0][2]


_GOOGLE_LIBRARY = '''

    def credentials(self, token):
        return Credentials(token, scopes=self.{attribute})
'''


def _given_to_google_library(attribute: str) -> str:
    """SUBCLASSES with GoogleAuth also handing ``self.<attribute>`` to google-auth."""
    return ("from google.oauth2.credentials import Credentials\n" + SUBCLASSES).replace(
        "\n\nclass MicrosoftAuth", _GOOGLE_LIBRARY.format(attribute=attribute).rstrip("\n")
        + "\n\n\nclass MicrosoftAuth")


def test_a_subclass_list_also_given_to_another_library_stays_silent(tmp_path: Path) -> None:
    # ``Credentials(token, scopes=self.SCOPES)`` calls Google with the subclass's
    # list: a scope no Nylas call needs may serve those calls.  Any class's SCOPES
    # may be what ``self`` reads there, so no such list's item is called unneeded.
    assert _findings(tmp_path, _project(subclasses=_given_to_google_library("SCOPES"))) == []


def test_a_parameters_attribute_given_to_another_library_stays_silent(
        tmp_path: Path) -> None:
    base = BASE.replace("def inbox(grant_id):", (
        "def credentials(auth, token):\n"
        "    from google.oauth2.credentials import Credentials\n"
        "    return Credentials(token, scopes=auth.SCOPES)\n\n\n"
        "def inbox(grant_id):"))
    assert _findings(tmp_path, _project(base)) == []


def test_another_attribute_given_to_another_library_keeps_the_claims(tmp_path: Path) -> None:
    # Control: no class binds DRIVE_SCOPES, so no list of SCOPES goes to the library.
    subclasses = _given_to_google_library("DRIVE_SCOPES")
    # The method moved MicrosoftAuth's list four lines down, and the import one.
    assert _findings(tmp_path, _project(subclasses=subclasses)) == [
        ("app/providers.py", 7, UNUSED_CALENDARS[0][2]),
        ("app/providers.py", 16, UNUSED_CALENDARS[1][2])]


_MADE = "from app.auth import ProviderAuth\n\n\nTeamsAuth = type('TeamsAuth', (ProviderAuth,), {})\n"


def test_a_subclass_made_with_type_in_a_module_with_no_class_stays_unresolved(
        tmp_path: Path) -> None:
    # No class statement binds SCOPES, but the namespace given to type may.
    made = _MADE.replace("{}", "{'SCOPES': ['Mail.Send']}")
    found = _findings(tmp_path, _project(subclasses=made))
    assert [message[:6] for _, _, message in found] == ["NYS304"], found
    assert "which a class made by calling type may bind: app.providers.<made at line 4>" \
        in found[0][2], found


def test_type_of_the_base_alone_leaves_the_base_list_read(tmp_path: Path) -> None:
    # Control: ``type(ProviderAuth)`` makes no class; the base's own list is read.
    found = _findings(tmp_path, _project(subclasses=_MADE.replace(
        "type('TeamsAuth', (ProviderAuth,), {})", "type(ProviderAuth)")))
    assert not any("made by calling type" in message for _, _, message in found), found


def test_a_subclass_list_given_to_another_library_by_getattr_stays_silent(
        tmp_path: Path) -> None:
    subclasses = _given_to_google_library("SCOPES").replace(
        "scopes=self.SCOPES", 'scopes=getattr(self, "SCOPES")')
    assert _findings(tmp_path, _project(subclasses=subclasses)) == []


# A class that sets attributes of its instances by names known only at run time may
# give an instance any list: ``GoogleAuth(SCOPES=[...])``.
_RUN_TIME_SETTERS = {
    "a subclass updating its __dict__": (
        BASE, SUBCLASSES.replace(
            '    provider = "google"\n',
            '    provider = "google"\n\n'
            '    def __init__(self, **options):\n'
            '        self.__dict__.update(options)\n\n')),
    "the base setting attributes in a loop": (
        BASE.replace(
            '    provider = ""\n',
            '    provider = ""\n\n'
            '    def __init__(self, **options):\n'
            '        for key, value in options.items():\n'
            '            setattr(self, key, value)\n'), SUBCLASSES),
    "a subclass writing into vars(self)": (
        BASE, SUBCLASSES.replace(
            '    provider = "microsoft"\n',
            '    provider = "microsoft"\n\n'
            '    def configure(self, key, value):\n'
            '        vars(self)[key] = value\n\n')),
    # A frozen dataclass's way past its own ``__setattr__``: the text holds no
    # ``setattr(``, so the module must be looked at for ``__setattr__`` too.
    "the base setting attributes past __setattr__": (
        BASE.replace(
            '    provider = ""\n',
            '    provider = ""\n\n'
            '    def __init__(self, **options):\n'
            '        for key, value in options.items():\n'
            '            object.__setattr__(self, key, value)\n'), SUBCLASSES),
    "a subclass calling super().__setattr__": (
        BASE, SUBCLASSES.replace(
            '    provider = "microsoft"\n',
            '    provider = "microsoft"\n\n'
            '    def configure(self, key, value):\n'
            '        super().__setattr__(key, value)\n\n')),
}


@pytest.mark.parametrize("base, subclasses", _RUN_TIME_SETTERS.values(),
                         ids=list(_RUN_TIME_SETTERS))
def test_a_class_setting_attributes_by_run_time_names_leaves_it_unresolved(
        tmp_path: Path, base: str, subclasses: str) -> None:
    found = _findings(tmp_path, _project(base, subclasses))
    assert not [f for f in found if f[2].startswith(("NYS301", "NYS302", "NYS303"))], found
    assert any(f[2].startswith("NYS304") and "run time" in f[2] for f in found), found


def test_an_unrelated_class_setting_attributes_at_run_time_keeps_the_reading(
        tmp_path: Path) -> None:
    # Control: the class setting attributes by run-time names is no base and no
    # subclass of the one reading ``self.SCOPES``.
    files = _project()
    files["app/records.py"] = (
        "class Record:\n"
        "    def __init__(self, **fields):\n"
        "        for key, value in fields.items():\n"
        "            setattr(self, key, value)\n")
    assert _findings(tmp_path, files) == UNUSED_CALENDARS


def test_a_constant_name_set_by_setattr_keeps_the_reading(tmp_path: Path) -> None:
    # Control: ``setattr(self, "provider", ...)`` names the attribute it sets.
    base = BASE.replace(
        '    provider = ""\n',
        '    provider = ""\n\n'
        '    def rename(self, value):\n'
        '        setattr(self, "label", value)\n')
    assert _findings(tmp_path, _project(base)) == UNUSED_CALENDARS


def test_a_constant_name_set_past_setattr_keeps_the_reading(tmp_path: Path) -> None:
    # Control: ``object.__setattr__(self, "label", ...)`` names the attribute it sets.
    base = BASE.replace(
        '    provider = ""\n',
        '    provider = ""\n\n'
        '    def rename(self, value):\n'
        '        object.__setattr__(self, "label", value)\n')
    assert _findings(tmp_path, _project(base)) == UNUSED_CALENDARS


def test_a_class_with_no_subclass_setting_attributes_at_run_time_is_unresolved(
        tmp_path: Path) -> None:
    # ``Flow(SCOPES=[...])`` gives the instance a list the class body never binds.
    base = BASE.replace(
        '    provider = ""\n',
        '    provider = ""\n\n'
        '    def __init__(self, **options):\n'
        '        for key, value in options.items():\n'
        '            setattr(self, key, value)\n')
    found = _findings(tmp_path, {"app/auth.py": base.replace('["openid"]', f'["{_GMAIL}"]')})
    assert [f[2][:6] for f in found] == ["NYS304"], found


@pytest.mark.parametrize("shadowing", [
    "from app.helpers import *\n",
    "from app.helpers import type\n",
    "type = None\ntype = print\n",
])
def test_type_of_self_with_type_not_the_builtin_stays_unresolved(
        tmp_path: Path, shadowing: str) -> None:
    # ``type`` bound by the module (or maybe by a star import) need not give the
    # instance's class: nothing is claimed of the lists.
    base = shadowing + BASE.replace('"scope": self.SCOPES', '"scope": type(self).SCOPES')
    found = _findings(tmp_path, {**_project(base), "app/helpers.py": "def type(x):\n    return x\n"})
    assert not [f for f in found if f[2].startswith(("NYS301", "NYS302", "NYS303"))], found


def _looping_test(body: str) -> str:
    return f'''from app.auth import ProviderAuth
from app.providers import GoogleAuth, MicrosoftAuth


def test_every_provider_asks_for_a_list():
    for auth in (ProviderAuth, GoogleAuth, MicrosoftAuth):
{body}
'''


LOOKED_AT_IN_A_LOOP = {
    "in": "        assert 'openid' not in auth.SCOPES or auth is ProviderAuth",
    "len": "        assert len(auth.SCOPES) >= 1",
    "compared": "        assert auth.SCOPES != []",
    "tested": "        if not auth.SCOPES:\n            raise AssertionError('no scopes')",
    "formatted": "        print(f'{auth.__name__}: {auth.SCOPES}')",
}


@pytest.mark.parametrize("body", LOOKED_AT_IN_A_LOOP.values(), ids=list(LOOKED_AT_IN_A_LOOP))
def test_a_loop_over_the_classes_only_looking_at_their_lists_keeps_them_read(
        tmp_path: Path, body: str) -> None:
    # The loop name only reads each class's list, as three separate asserts would.
    files = {**_project(), "app/test_providers.py": _looping_test(body)}
    assert _findings(tmp_path, files) == UNUSED_CALENDARS


CHANGED_IN_A_LOOP = {
    "bound again": "        auth.SCOPES = ['openid']",
    "appended to": "        auth.SCOPES.append('openid')",
    "extended": "        auth.SCOPES += ['openid']",
    "set by setattr": "        setattr(auth, 'SCOPES', [])",
    "handed on": "        enable(auth)",
    "the list handed on": "        enable(auth.SCOPES)",
    "the list bound to a name": "        scopes = auth.SCOPES\n        scopes.clear()",
}


@pytest.mark.parametrize("body", CHANGED_IN_A_LOOP.values(), ids=list(CHANGED_IN_A_LOOP))
def test_a_loop_over_the_classes_that_may_change_their_lists_leaves_them_unresolved(
        tmp_path: Path, body: str) -> None:
    # In the app's own code: what a test changes lasts for that test only (see
    # ``test_changes_in_tests``).
    files = {**_project(), "app/checks.py": _looping_test(body)}
    found = _findings(tmp_path, files)
    assert not any("NYS303" in message or "NYS302" in message for _, _, message in found), found
    assert any("NYS304" in message for _, _, message in found), found
