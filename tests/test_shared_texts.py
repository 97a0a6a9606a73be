"""The modules of a project share the texts and name tuples they have in common, and
a module's call sites share equal tuples of arguments.

A large project's records all stay in memory while it is judged: one copy of what
recurs keeps them small.  Sharing must change nothing else, and must not outlive the
reading of a project.
"""

from __future__ import annotations

import json
from pathlib import Path

from flake8_nylas_scopes.analysis.facts import ModuleFacts
from flake8_nylas_scopes.analysis.flow_facts import FlowFacts
from flake8_nylas_scopes.analysis.shared_texts import project_texts_shared, shared_texts
from flake8_nylas_scopes.project.reading import facts_for_source
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import Config, default_code_filter

MODULE = '''\
from nylas import APIClient

client = APIClient("id", "secret", "token")


def log(item, level):
    print(item, level)


def latest(account_id, limit):
    log(account_id, limit)
    log(account_id, limit)
    return client.messages.all()
'''


def _flow(facts: ModuleFacts) -> FlowFacts:
    assert facts.flow is not None
    return facts.flow


def _shared_between(first: FlowFacts, second: FlowFacts) -> None:
    calls = [(a, b) for a in first.calls for b in second.calls
             if a.callee_text == b.callee_text == "log"]
    assert calls and all(a.callee_text is b.callee_text for a, b in calls)
    uses = [(a, b) for a in first.uses for b in second.uses
            if a.attrs == b.attrs == ("messages", "all")]
    assert uses and all(a.attrs is b.attrs and a.text is b.text for a, b in uses)
    params = [(a, b) for a in first.functions for b in second.functions
              if a.params == b.params == ("account_id", "limit")]
    assert params and all(a.params is b.params for a, b in params)


def _as_read_back(flow: FlowFacts) -> dict[str, object]:
    return json.loads(json.dumps(flow.to_json()))  # type: ignore[no-any-return]


def test_modules_of_one_project_share_texts_and_names(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    for name in ("inbox", "outbox"):
        (tmp_path / f"{name}.py").write_text(MODULE)
    result = analyse([str(tmp_path)], Config(), default_code_filter, use_cache=False)
    inbox, outbox = (_flow(result.facts[str(tmp_path / f"{name}.py")])
                     for name in ("inbox", "outbox"))
    _shared_between(inbox, outbox)


def test_facts_read_back_in_one_project_share_them_too() -> None:
    flow = _flow(facts_for_source("inbox.py", MODULE, flow=True))
    with project_texts_shared():
        first, second = (FlowFacts.from_json(_as_read_back(flow)) for _ in range(2))
    _shared_between(first, second)
    assert first == second == flow


def test_modules_read_on_their_own_keep_texts_of_their_own() -> None:
    first, second = (_flow(facts_for_source(f"{name}.py", MODULE, flow=True))
                     for name in ("inbox", "outbox"))
    texts = [(a.text, b.text) for a in first.uses for b in second.uses
             if a.text == b.text == "client.messages.all"]
    assert texts and all(a is not b for a, b in texts)
    # The project's table is let go once its facts are read.
    with project_texts_shared():
        inside = shared_texts()
        assert shared_texts() is inside
    assert shared_texts() is not inside


def test_calls_handed_the_same_values_share_one_tuple() -> None:
    flow = _flow(facts_for_source("inbox.py", MODULE, flow=True))
    for flow in (flow, FlowFacts.from_json(_as_read_back(flow))):
        logged = [call for call in flow.calls if call.callee_text == "log"]
        assert len(logged) == 2
        assert logged[0].args is logged[1].args
        # Control: calls handed other values keep tuples of their own.
        others = [call.args for call in flow.calls if call.args != logged[0].args]
        assert all(args is not logged[0].args for args in others)


VIEW = '''\
from flask_login import login_required
from nylas import APIClient

client = APIClient("id", "secret", "token")


@login_required
def view():
    return client.messages.all()
'''


def _given_away(facts: ModuleFacts) -> str:
    found = [name for name in facts.given_away if name == "flask_login.login_required"]
    assert len(found) == 1
    return found[0]


def test_what_modules_of_one_project_give_away_is_one_text(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    for name in ("inbox", "outbox"):
        (tmp_path / f"{name}.py").write_text(VIEW)
    result = analyse([str(tmp_path)], Config(), default_code_filter, use_cache=False)
    inbox, outbox = (result.facts[str(tmp_path / f"{name}.py")] for name in ("inbox", "outbox"))
    assert _given_away(inbox) is _given_away(outbox)
    with project_texts_shared():
        first, second = (ModuleFacts.from_json(json.loads(json.dumps(inbox.to_json())))
                         for _ in range(2))
    assert _given_away(first) is _given_away(second)
    # Control: modules read on their own keep their own.
    alone = [facts_for_source(f"{name}.py", VIEW, flow=True) for name in ("inbox", "outbox")]
    assert _given_away(alone[0]) is not _given_away(alone[1])
