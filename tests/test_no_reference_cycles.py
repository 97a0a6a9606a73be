"""A project analysis pauses the cyclic garbage collector (see ``collection``), which
is only safe while the analysis creates no reference cycles: a cycle through an
extractor would keep every module's syntax tree alive until the analysis ends."""

from __future__ import annotations

import ast
import gc
import importlib
import pkgutil
from pathlib import Path

import pytest

from flake8_nylas_scopes.project.gc_pause import collector_paused
from flake8_nylas_scopes.settings.config import Config, all_codes
from flake8_nylas_scopes.project.session import analyse

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = sorted((ROOT / "fixtures" / "projects").iterdir()) + [ROOT / "examples" / "mailapp"]


@pytest.fixture(scope="module", autouse=True)
def _every_module_imported() -> None:
    """Import the whole package before garbage is counted: the analysis imports some
    modules lazily, and defining a class leaves cycles of its own (a dataclass with
    slots replaces the class it was made from), which are not the analysis's."""
    import flake8_nylas_scopes

    for module in pkgutil.walk_packages(flake8_nylas_scopes.__path__,
                                        "flake8_nylas_scopes."):
        # ``__main__`` is the command, which ``python -m`` runs as a fresh module.
        if not module.name.endswith(".__main__"):
            importlib.import_module(module.name)


@pytest.mark.parametrize("project", PROJECTS, ids=lambda path: path.name)
def test_an_analysis_leaves_no_cyclic_garbage(project: Path) -> None:
    # What the test process holds already is frozen: the collection after the
    # analysis walks only what the analysis made (a cycle among those objects is
    # still found), instead of the whole heap of a long test run.
    gc.freeze()
    try:
        with collector_paused():
            result = analyse([str(project)], Config(), all_codes, use_cache=False)
            unreachable = gc.collect()
    finally:
        gc.unfreeze()
    assert result.facts
    assert unreachable == 0


def test_a_cycle_the_analysis_made_would_be_counted() -> None:
    # The frozen heap hides nothing the analysis makes: a cycle made inside the pause
    # is still counted by the collection the test above relies on.
    gc.freeze()
    try:
        with collector_paused():
            cycle: list[object] = []
            cycle.append(cycle)
            del cycle
            unreachable = gc.collect()
    finally:
        gc.unfreeze()
    assert unreachable == 1


def test_the_collector_is_restored_as_it_was() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.skipif(gc.get_freeze_count() != 0,
                    reason="this interpreter freezes objects at startup (3.12): nothing is "
                           "aged, as the next test checks")
def test_what_the_pause_allocated_is_aged_before_the_collector_resumes() -> None:
    # Counted as young, every object made during the pause would be walked by the
    # first collection after it, while a project's facts are still alive.  Checked
    # with the collector off, so that no automatic collection moves anything.
    from flake8_nylas_scopes.project import gc_pause

    gc.collect()
    gc.disable()
    try:
        kept = [[index] for index in range(20_000)]
        assert len(gc.get_objects(generation=0)) >= 20_000
        gc_pause._age_objects_allocated_while_paused()
        assert len(gc.get_objects(generation=0)) + len(gc.get_objects(generation=1)) < 100
        oldest = {id(obj) for obj in gc.get_objects(generation=2)}
        assert all(id(item) in oldest for item in kept[::1000])
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_the_pause_ages_its_objects_on_the_way_out(monkeypatch: pytest.MonkeyPatch) -> None:
    from flake8_nylas_scopes.project import gc_pause

    calls: list[bool] = []
    monkeypatch.setattr(gc_pause, "_age_objects_allocated_while_paused",
                        lambda: calls.append(gc.isenabled()))
    with collector_paused():
        pass
    assert calls == [False]  # before the collector runs again


def test_objects_frozen_by_the_host_stay_frozen() -> None:
    # A server that froze its objects before forking keeps them frozen.
    gc.collect()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with collector_paused():
            _ = [[index] for index in range(1_000)]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_comparing_syntax_by_structure_leaves_no_cycle() -> None:
    # ``ast.dump`` leaves one cycle per call (its recursive helper); the fix guard and
    # the provider tables compare syntax with ``structure`` instead.
    from flake8_nylas_scopes.analysis.ast_names import structure

    tree = ast.parse("f(1, x=['a', b])")
    gc.collect()
    with collector_paused():
        assert structure(tree) == structure(ast.parse("f(1,  x=['a',b])"))
        assert structure(tree) != structure(ast.parse("f(True, x=['a', b])"))
        assert structure(tree) != structure(ast.parse("f(1.0, x=['a', b])"))
        unreachable = gc.collect()
    assert unreachable == 0


def test_reading_another_module_s_config_leaves_no_cycle() -> None:
    # The request's ``scope`` is read as ``AUTH_CONFIG["scope"]``, a node made for the
    # reading and located by hand (``ast.fix_missing_locations`` leaves a cycle).
    from flake8_nylas_scopes.analysis.module import module_facts

    source = ("from nylas import Client\nfrom .conf import AUTH_CONFIG\n\n"
              "url = Client('k').auth.url_for_oauth2(AUTH_CONFIG)\n")
    tree = ast.parse(source)
    module_facts(tree, "app/auth.py", source.splitlines(True), "app.auth")
    gc.collect()
    with collector_paused():
        facts = module_facts(tree, "app/auth.py", source.splitlines(True), "app.auth")
        unreachable = gc.collect()
    assert facts.sites
    assert unreachable == 0
