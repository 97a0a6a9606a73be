"""The resolver on code whose objects all flow into each other (a framework's class
hierarchy, an SDK's own models): it answers with work that grows with the objects,
not with the paths between them, and when its fixpoint outgrows its budget it stops
and says so, claiming nothing that a fuller solution could refute."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from pathlib import Path

import pytest

from flake8_nylas_scopes.codes import DEFAULT_OFF
from flake8_nylas_scopes.findings import Finding
from flake8_nylas_scopes.judging import resolver as resolver_module
from flake8_nylas_scopes.judging.resolver import FlowResolver, Obj
from flake8_nylas_scopes.project.reading import facts_for_source
from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

CLASSES = 14


def _mesh(held: str) -> str:
    """Classes that each hold an instance of every other class, and one Nylas value."""
    lines = ["from nylas import APIClient", "", "client = APIClient('id', 'secret', 'token')", ""]
    for index in range(CLASSES):
        lines += [f"class Node{index}:", "    def __init__(self):"]
        lines += [f"        self.peer{other} = Node{other}()"
                  for other in range(CLASSES) if other != index]
        lines += [f"        self.held = {held}" if index == CLASSES - 1 else "        pass", ""]
    lines += ["def handle(register):", "    register(Node0())", ""]
    return "\n".join(lines)


class _CountedSteps:
    """Counts the objects the resolver looks at one by one; fails at once beyond a
    bound, so that a walk of every path fails the test instead of never ending."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, bound: int) -> None:
        self.count, self.bound = 0, bound
        step = FlowResolver._reach_step

        def counted(resolver: FlowResolver, obj: Obj) -> tuple[
                frozenset[str] | None, Iterable[Obj]]:
            self.count += 1
            assert self.count <= self.bound, "objects looked at again and again"
            return step(resolver, obj)

        monkeypatch.setattr(FlowResolver, "_reach_step", counted)


def test_objects_holding_each_other_are_each_looked_at_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    counted = _CountedSteps(monkeypatch, bound=4 * CLASSES)
    resolver = FlowResolver([facts_for_source("mesh.py", _mesh("client.messages"),
                                              flow=True)])
    assert resolver.converged
    # Every node reaches the last one, which holds the messages collection: each
    # needs what that collection needs, and nothing more.
    messages = resolver.reach(("coll", "messages"))
    assert messages
    for index in range(CLASSES):
        assert resolver.reach(("inst", f"mesh.Node{index}")) == messages
    assert counted.count <= 2 * CLASSES + 2


def test_a_client_anywhere_in_the_mesh_may_need_any_scope(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _CountedSteps(monkeypatch, bound=4 * CLASSES)
    resolver = FlowResolver([facts_for_source("mesh.py", _mesh("client"), flow=True)])
    assert all(resolver.reach(("inst", f"mesh.Node{index}")) is None
               for index in range(CLASSES))


def test_a_mesh_without_nylas_values_needs_nothing() -> None:
    resolver = FlowResolver([facts_for_source("mesh.py", _mesh("None"), flow=True)])
    assert resolver.reach(("inst", "mesh.Node0")) == frozenset()


APP = {
    "app/__init__.py": "",
    "app/auth.py": """
        from nylas import APIClient

        def login(redirect_uri):
            return APIClient("id", "secret").authentication_url(
                redirect_uri, scopes=["email.read_only", "calendar"])
    """,
    "app/inbox.py": """
        from nylas import APIClient

        class Service:
            def __init__(self, token):
                self.client = APIClient("id", "secret", token)

        def read(token):
            return list(Service(token).client.messages.where(limit=5))
    """,
}


def _findings(root: Path) -> list[Finding]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    for name, text in APP.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return result.findings


def test_a_fixpoint_stopped_by_its_budget_claims_no_scope_unneeded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Control: solved to the end, 'calendar' is unused.
    solved = _findings(tmp_path / "solved")
    assert [f.code for f in solved if f.code not in DEFAULT_OFF] == ["NYS303"]
    assert "'calendar'" in next(f.message for f in solved if f.code == "NYS303")
    # The same app, with a budget too small to finish: nothing is claimed unneeded,
    # and each request says why.
    monkeypatch.setattr(resolver_module, "_OBJECTS_PER_EDGE", 0)
    monkeypatch.setattr(resolver_module, "_OBJECTS_ALWAYS_ALLOWED", 0)
    stopped = _findings(tmp_path / "stopped")
    assert [f.code for f in stopped if f.code not in DEFAULT_OFF] == []
    notes = [f for f in stopped if f.code == "NYS304"]
    assert [Path(f.span.path).name for f in notes] == ["auth.py"]
    assert "stopped following values" in notes[0].message
