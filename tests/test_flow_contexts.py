"""The flow pass is a closed world: every place a value can appear is decided.

The table of roles covers every field of every node class of the running Python;
a form without a rule escapes; and a Nylas value that reaches a place the analysis
does not follow silences the usage rules for what it could need.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from flake8_nylas_scopes.analysis import flow_contexts
from flake8_nylas_scopes.analysis import flow_extract
from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.settings.config import make_config
from flake8_nylas_scopes.analysis.flow_contexts import ROLES, Role, unlisted_fields
from flake8_nylas_scopes.project.reading import facts_for_source
from flake8_nylas_scopes.project.session import analyse


def test_every_field_of_every_node_class_has_a_role() -> None:
    assert unlisted_fields() == []


# Fields that newer Pythons added to classes older ones have too.
_NEWER_FIELDS = {"type_params", "default_value"}
# Classes the parser no longer produces, whose fields differ between versions.
_OLD_CLASSES = {"Num", "Str", "Bytes", "NameConstant", "Ellipsis", "Index", "ExtSlice",
                "Suite"}


def test_roles_name_only_fields_that_exist_somewhere() -> None:
    # A typo in the table would leave the real field unlisted on every Python; the
    # test above catches it on the running one, this one in the table itself.
    for name, fields in ROLES.items():
        if name in _OLD_CLASSES:
            continue  # kept for old code; reading them warns on newer Pythons
        kind = getattr(ast, name, None)
        if kind is None:
            continue  # a class of another Python version
        for field in fields:
            assert field in kind._fields or field in _NEWER_FIELDS, f"{name}.{field}"


def test_a_form_without_a_rule_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    source = textwrap.dedent("""\
        from nylas import APIClient

        def check(token):
            client = APIClient("id", "secret", token)
            return client == 1
    """)
    flow = facts_for_source("m.py", source, flow=True).flow
    assert flow is not None
    assert [sink.what for sink in flow.sinks] == []  # a comparison only reads

    compare = dict(ROLES)
    del compare["Compare"]
    monkeypatch.setattr(flow_contexts, "ROLES", compare)
    monkeypatch.setattr(flow_extract, "_ROLE_CACHE", {})
    flow = facts_for_source("m.py", source, flow=True).flow
    assert flow is not None
    assert len(flow.sinks) == 1
    assert flow.sinks[0].span.line == 5


# Each places a Nylas message (or the query holding messages) where the analysis
# cannot follow it any further.  Code out of sight may then modify the message, so
# 'email.modify' must not be reported as broader than needed.  (What a function
# that nothing in the project calls returns goes to the framework that calls it,
# which renders or serialises it: that is data, documented in docs/soundness.md.)
LOST = {
    "list display": "lib.keep([message])",
    "tuple display": "lib.keep((message, 1))",
    "set display": "lib.keep({message})",
    "dict value": "lib.keep({'m': message})",
    "dict key": "lib.keep({message: 1})",
    "dict spread": "lib.keep({**{'m': message}})",
    "starred display": "lib.keep([*messages])",
    "conditional": "lib.keep(message if token else None)",
    "boolean": "lib.keep(token and message)",
    "concatenation": "lib.keep(list(messages) + [])",
    "repetition": "lib.keep([message] * 2)",
    "generator": "lib.keep(m for m in messages)",
    "list comprehension": "lib.keep([m for m in messages])",
    "dict comprehension": "lib.keep({m.id: m for m in messages})",
    "lambda": "lib.keep(lambda: message)",
    "sorted": "lib.keep(sorted(messages, key=id))",
    "next": "lib.keep(next(iter(messages)))",
    "star argument": "lib.keep(*[message])",
    "double star": "lib.keep(**{'m': message})",
    "keyword": "lib.keep(item=message)",
    "index": "lib.keep(list(messages)[0])",
    "slice": "lib.keep(list(messages)[1:])",
    "walrus": "lib.keep((kept := message))",
    "enumerate": "lib.keep(enumerate(messages))",
    "zip": "lib.keep(zip(messages, messages))",
    "map": "lib.keep(map(lambda m: m, messages))",
    # (A pattern reading the subject's attributes: one testing only its class, or
    # ``case _``, hands it to nothing.)
    "match": "match message:\n        case object(subject=subject):\n            pass",
    "store on a library object": "lib.current = message",
    "store in a library container": "lib.registry['m'] = message",
    "setattr": "setattr(lib, 'current', message)",
    "getattr method": "getattr(message, lib.name)()",
    "hand-over to an unknown function": "lib.pool.submit(lib.work, message)",
    "thread with an unknown target": "threading.Thread(target=lib.work, args=(message,))",
    "partial of an unknown function": "functools.partial(lib.work, message)()",
    "context manager": "with lib.session(message):\n        pass",
    "raise": "raise lib.Failed(message)",
    "container handed away": "box = []\n    box.append(message)\n    lib.keep(box)",
    "queue of a library": "queue = lib.Queue()\n    queue.put(message)",
    "function handed away": "def latest():\n        return message\n    lib.register(latest)",
    "bound method of a holder": "holder = Holder()\n    holder.item = message\n"
                                "    lib.register(holder.get)",
    "global": "global LAST\n    LAST = message\n    lib.keep(LAST)",
    "instance attribute": "holder = Holder()\n    holder.item = message\n    lib.keep(holder)",
}


def _project(tmp_path: Path, snippet: str) -> Path:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(textwrap.dedent("""\
        from nylas import APIClient

        URL = APIClient("id", "secret").authentication_url(
            "https://app.example.com/cb", scopes=["email.modify"]
        )
    """))
    body = textwrap.indent(snippet, "    ")
    (tmp_path / "mail.py").write_text(
        "import functools\nimport threading\n\nimport lib\nfrom nylas import APIClient\n\n\n"
        "class Holder:\n    def get(self):\n        return self.item\n\n\n"
        "def view(token):\n"
        "    client = APIClient('id', 'secret', token)\n"
        "    messages = client.messages.where(unread=True)\n"
        "    message = client.messages.get(token)\n"
        f"{body}\n"
    )
    return tmp_path


@pytest.mark.parametrize("snippet", LOST.values(), ids=list(LOST))
def test_a_lost_message_silences_the_usage_rules(tmp_path: Path, snippet: str) -> None:
    project = _project(tmp_path, snippet)
    result = analyse([str(project)], make_config(), lambda code: True, use_cache=False)
    codes = [finding.code for finding in result.findings]
    assert "NYS302" not in codes and "NYS303" not in codes, result.findings
    assert "NYS304" in codes
    [project_result] = result.states
    assert project_result.state is not None and project_result.state.unresolved


def test_a_message_only_read_keeps_the_finding(tmp_path: Path) -> None:
    # The control: with the message only read, 'email.modify' is broader than needed.
    project = _project(tmp_path, "print(message.subject, [m.snippet for m in messages])")
    result = analyse([str(project)], make_config(),
                     lambda code: code not in DEFAULT_OFF, use_cache=False)
    assert [finding.code for finding in result.findings] == ["NYS302"]
