"""A value handed to a generic function of ``functools`` (``@singledispatch``) reaches
every implementation registered on it: what they do with it counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

JUDGED = frozenset({"NYS301", "NYS302", "NYS303", "NYS304", "NYS405"})

CLIENT = '''import os
from nylas import APIClient

nylas = APIClient(os.environ["ID"], os.environ["SECRET"])


def login():
    return nylas.authentication_url("https://a.example/cb", scopes=["email.modify", "calendar"])


def on_delta(kind, object_id):
    from .handlers import handle
    if kind == "message":
        return handle(nylas.messages.get(object_id))
    return handle(nylas.events.get(object_id))
'''

GENERIC = '''from functools import singledispatch
from nylas.client.restful_models import Event, Message


@singledispatch
def handle(obj):
    raise TypeError(type(obj))


@handle.register
def _(obj: Message):
    obj.mark_as_read()
    return obj.subject

'''

# How an implementation for events is registered, and what it does with the event.
SAVING = "obj.title = obj.title.upper()\n    obj.save()\n    return obj.title"
REGISTERED = {
    "decorator with the type": f"@handle.register(Event)\ndef _event(obj):\n    {SAVING}\n",
    "call with the function": (
        f"def on_event(obj):\n    {SAVING}\n\n\nhandle.register(Event, on_event)\n"),
}


def _findings(tmp_path: Path, handlers: str, client: str = CLIENT) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "client.py").write_text(client)
    (package / "handlers.py").write_text(handlers)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.message.split("'")[1]) for f in result.findings
                  if f.code in JUDGED)


@pytest.mark.parametrize("implementation", REGISTERED.values(), ids=list(REGISTERED))
def test_an_implementation_registered_on_a_generic_function_gets_its_arguments(
        tmp_path: Path, implementation: str) -> None:
    # The event's save needs ``calendar``, which was called broader than needed.
    assert _findings(tmp_path, GENERIC + implementation) == []


def test_an_implementation_that_only_reads_needs_no_more(tmp_path: Path) -> None:
    reading = "@handle.register(Event)\ndef _event(obj):\n    return obj.title\n"
    assert _findings(tmp_path, GENERIC + reading) == [("NYS302", "calendar")]


def test_a_generic_method_hands_its_arguments_to_its_implementations(tmp_path: Path) -> None:
    handlers = f'''from functools import singledispatchmethod
from nylas.client.restful_models import Event, Message


class Handler:
    @singledispatchmethod
    def handle(self, obj):
        raise TypeError(type(obj))

    @handle.register
    def _(self, obj: Message):
        obj.mark_as_read()

    @handle.register(Event)
    def _event(self, obj):
        {SAVING.replace(chr(10), chr(10) + "    ")}


handle = Handler().handle
'''
    assert _findings(tmp_path, handlers) == []


def test_register_on_a_function_that_is_not_generic_hands_it_nothing(tmp_path: Path) -> None:
    # ``handle.register`` of a plain function is no dispatch: the event stays where
    # ``handle`` puts it, read, and ``calendar`` is broader than needed.
    plain = GENERIC.replace("@singledispatch\n", "") + (
        "handle.register = lambda kind: (lambda f: f)\n\n\n"
        "@handle.register(Event)\ndef _event(obj):\n    " + SAVING + "\n")
    assert _findings(tmp_path, plain) == [("NYS302", "calendar")]


def test_what_an_implementation_returns_is_what_the_generic_function_returns(
        tmp_path: Path) -> None:
    # ``unwrap`` gives the event back: saving it afterwards needs ``calendar``.
    handlers = GENERIC + (
        "@singledispatch\ndef unwrap(obj):\n    raise TypeError(type(obj))\n\n\n"
        "@unwrap.register(Event)\ndef _unwrap_event(obj):\n    return obj\n\n\n"
        "def touch(obj):\n    unwrap(obj).save()\n")
    client = CLIENT.replace("return handle(nylas.events", "from .handlers import touch\n"
                            "    return touch(nylas.events")
    assert _findings(tmp_path, handlers, client) == []


# The generic function in a module of its own; ``handlers`` registers on it.
GENERIC_ONLY = '''from functools import singledispatch


@singledispatch
def handle(obj):
    raise TypeError(type(obj))
'''
IMPORTED = {
    "decorator on the imported name": (
        "from nylas.client.restful_models import Event\n"
        "from .generic import handle\n\n\n"
        f"@handle.register(Event)\ndef _event(obj):\n    {SAVING}\n"),
    "call on the imported name": (
        "from nylas.client.restful_models import Event\n"
        "from .generic import handle\n\n\n"
        f"def on_event(obj):\n    {SAVING}\n\n\nhandle.register(Event, on_event)\n"),
    "decorator through the module": (
        "from nylas.client.restful_models import Event\n"
        "import app.generic as generic\n\n\n"
        f"@generic.handle.register(Event)\ndef _event(obj):\n    {SAVING}\n"),
}
# ``on_delta`` calls the generic function of ``generic``; ``handlers`` is imported
# for what it registers.
CALLS_GENERIC = CLIENT.replace("from .handlers import handle", (
    "from .generic import handle\n    from . import handlers  # noqa: F401"))


def _findings_again(tmp_path: Path) -> list[tuple[str, str]]:
    """Each finding's code and the scope it names ("" for none)."""
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.message.partition("'")[2].partition("'")[0])
                  for f in result.findings if f.code in JUDGED)


def _project(tmp_path: Path, handlers: str, generic: str = GENERIC_ONLY,
             client: str = CALLS_GENERIC) -> list[tuple[str, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "client.py").write_text(client)
    (package / "generic.py").write_text(generic)
    (package / "handlers.py").write_text(handlers)
    return _findings_again(tmp_path)


@pytest.mark.parametrize("handlers", IMPORTED.values(), ids=list(IMPORTED))
def test_an_implementation_registered_from_another_module_gets_the_arguments(
        tmp_path: Path, handlers: str) -> None:
    # The event's save, in the module that registers on ``handle``, needs
    # ``calendar``: it was called broader than needed.
    assert _project(tmp_path, handlers) == []


def test_an_implementation_from_another_module_that_only_reads_needs_no_more(
        tmp_path: Path) -> None:
    # Nothing saves the message or the event: both read scopes would do.
    reading = IMPORTED["decorator on the imported name"].replace(SAVING, "return obj.title")
    assert _project(tmp_path, reading) == [("NYS302", "calendar"), ("NYS302", "email.modify")]


def test_register_on_an_imported_function_that_is_not_generic_hands_it_nothing(
        tmp_path: Path) -> None:
    plain = GENERIC_ONLY.replace("@singledispatch\n", "") + (
        "\n\nhandle.register = lambda kind: (lambda f: f)\n")
    assert _project(tmp_path, IMPORTED["decorator on the imported name"], plain) == [
        ("NYS302", "calendar"), ("NYS302", "email.modify")]


def test_a_generic_method_of_another_module_hands_the_instance_and_its_arguments(
        tmp_path: Path) -> None:
    generic = '''from functools import singledispatchmethod


class Handler:
    @singledispatchmethod
    def handle(self, obj):
        raise TypeError(type(obj))


handle = Handler().handle
'''
    handlers = ("from nylas.client.restful_models import Event\n"
                "from .generic import Handler\n\n\n"
                f"@Handler.handle.register(Event)\ndef _event(self, obj):\n    {SAVING}\n")
    assert _project(tmp_path, handlers, generic) == []


def test_what_an_implementation_of_another_module_returns_is_what_the_call_returns(
        tmp_path: Path) -> None:
    generic = GENERIC_ONLY + (
        "\n\ndef touch(obj):\n    from . import handlers  # noqa: F401\n"
        "    handle(obj).save()\n")
    handlers = ("from nylas.client.restful_models import Event\n"
                "from .generic import handle\n\n\n"
                "@handle.register(Event)\ndef _event(obj):\n    return obj\n")
    client = CLIENT.replace("from .handlers import handle", "from .generic import handle, touch"
                            ).replace("return handle(nylas.events", "return touch(nylas.events")
    assert _project(tmp_path, handlers, generic, client) == []


UNTOLD = {
    "curried call": (
        "from nylas.client.restful_models import Event\n"
        "from .generic import handle\n\n\n"
        f"def on_event(obj):\n    {SAVING}\n\n\nhandle.register(Event)(on_event)\n"),
    "register bound to a name": (
        "from nylas.client.restful_models import Event\n"
        "from .generic import handle\n\nregister = handle.register\n\n\n"
        f"@register(Event)\ndef _event(obj):\n    {SAVING}\n"),
}


@pytest.mark.parametrize("handlers", UNTOLD.values(), ids=list(UNTOLD))
def test_a_registration_with_no_rule_leaves_the_generic_function_s_arguments_untold(
        tmp_path: Path, handlers: str) -> None:
    # The implementation it registers is not known: what ``handle`` is given goes to
    # code the analysis cannot tell, and no scope of it is called broader.
    found = _project(tmp_path, handlers)
    assert [code for code, _ in found] == ["NYS304"]


def test_a_registration_with_no_rule_in_the_generic_function_s_module_too(
        tmp_path: Path) -> None:
    generic = GENERIC_ONLY + UNTOLD["curried call"].replace(
        "from .generic import handle\n", "")
    assert [code for code, _ in _project(tmp_path, "", generic)] == ["NYS304"]


def test_register_of_an_object_that_is_no_generic_function_changes_nothing(
        tmp_path: Path) -> None:
    # ``atexit.register(flush)``, a library's registry: no generic function of the
    # project, so the event stays only read and ``calendar`` is broader than needed.
    handlers = IMPORTED["decorator on the imported name"].replace(SAVING, "return obj.title")
    handlers += ("\n\nimport atexit\n\n\ndef flush():\n    pass\n\n\n"
                 "atexit.register(flush)\nregister = atexit.register\n")
    assert _project(tmp_path, handlers) == [("NYS302", "calendar"), ("NYS302", "email.modify")]


# A function of another class's body registered on a generic function: the analysis
# reads it as a method of that class, while the generic function hands it its own
# instance (``singledispatchmethod``) or its first argument (``singledispatch``).
IN_A_CLASS_BODY = {
    "on a generic method": (
        "from functools import singledispatchmethod\n"
        "from nylas.client.restful_models import Event\n\n\n"
        "class Handler:\n    @singledispatchmethod\n    def handle(self, obj):\n"
        "        raise TypeError(type(obj))\n\n\n"
        "class Extra:\n    @Handler.handle.register(Event)\n    def _event(self, obj):\n"
        "        " + SAVING.replace("\n", "\n    ") + "\n\n\n"
        "handle = Handler().handle\n"),
    "on a generic function": GENERIC + (
        "class Extra:\n    @handle.register(Event)\n    def _event(obj):\n"
        "        " + SAVING.replace("\n", "\n    ") + "\n"),
}


@pytest.mark.parametrize("handlers", IN_A_CLASS_BODY.values(), ids=list(IN_A_CLASS_BODY))
def test_an_implementation_in_a_class_body_leaves_the_generic_function_s_arguments_untold(
        tmp_path: Path, handlers: str) -> None:
    # The event's save needs ``calendar``, which was called broader than needed.
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    (tmp_path / "app").mkdir()
    for name, text in {"__init__": "", "client": CLIENT, "handlers": handlers}.items():
        (tmp_path / "app" / f"{name}.py").write_text(text)
    found = _findings_again(tmp_path)
    assert [code for code, _ in found] == ["NYS304"], found


def test_an_implementation_in_a_class_body_of_another_module_leaves_the_arguments_untold(
        tmp_path: Path) -> None:
    generic = ("from functools import singledispatchmethod\n\n\n"
               "class Handler:\n    @singledispatchmethod\n    def handle(self, obj):\n"
               "        raise TypeError(type(obj))\n\n\nhandle = Handler().handle\n")
    handlers = ("from nylas.client.restful_models import Event\n"
                "from .generic import Handler\n\n\n"
                "class Extra:\n    @Handler.handle.register(Event)\n    def _event(self, obj):\n"
                "        " + SAVING.replace("\n", "\n    ") + "\n")
    found = _project(tmp_path, handlers, generic)
    assert [code for code, _ in found] == ["NYS304"], found


def test_an_implementation_in_the_generic_method_s_own_class_body_is_read(
        tmp_path: Path) -> None:
    # The control: registered in its own class, the implementation gets the event,
    # and one that only reads it needs no more than the read scope.
    handlers = IN_A_CLASS_BODY["on a generic method"].replace(
        "\n\n\nclass Extra:\n    @Handler.handle", "\n\n    @handle").replace(
            SAVING.replace("\n", "\n    "), "return obj.title")
    assert "class Extra" not in handlers and "return obj.title" in handlers
    # Nothing marks the message read: ``email.modify`` is broader than needed too.
    assert _findings(tmp_path, handlers) == [("NYS302", "calendar"), ("NYS302", "email.modify")]
