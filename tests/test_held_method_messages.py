"""What NYS304 says about a bound SDK method of an object the analysis cannot tell,
held in a value: it names the method and the way it is reached, and one cause is
said once, where the method is taken from its object.

Each module below never mentions Nylas; ``app/auth.py`` asks for Google's
``gmail.readonly`` (line 9), which only the held methods may need, and ``calendar``,
which its own call needs.
"""

from __future__ import annotations

from pathlib import Path

from fake_apps import held_findings


def _findings(tmp_path: Path, modules: dict[str, str]) -> list[tuple[str, int, str]]:
    """Every module in one project: (module, line, message without the code)."""
    return sorted((Path(f.span.path).stem, f.span.line, f.message.split(";")[0])
                  for f in held_findings(tmp_path, modules))


def _lines(found: list[tuple[str, int, str]], module: str) -> list[int]:
    return [line for name, line, _ in found if name == module]


# One method taken from its object once, then leaving its function or called from
# the container: one NYS304, at the line the method is taken (the append).
_ONCE = {
    "appended, then returned": ("""\
        def jobs(raw):
            jobs = []
            jobs.append(raw.messages.list)
            return jobs
    """, 3),
    "appended to an attribute's list": ("""\
        class Jobs:
            def setup(self, raw):
                self.jobs = []
                self.jobs.append(raw.messages.list)
    """, 4),
    "appended to a module's list": ("""\
        JOBS = []


        def setup(raw):
            JOBS.append(raw.messages.list)
    """, 5),
    "appended, then called in a loop": ("""\
        def run(raw, grant):
            jobs = []
            jobs.append(raw.messages.list)
            for job in jobs:
                job(grant)
    """, 3),
}


def test_one_cause_is_said_once_where_the_method_is_taken(tmp_path: Path) -> None:
    # Before, each was said twice: at the append and at the function's ``def`` (or at
    # the loop's call ``job(grant)``).  Gmail's read scope stays silent either way.
    modules = {f"m{index}": text for index, (text, _) in enumerate(_ONCE.values())}
    found = _findings(tmp_path, modules)
    assert not any(name == "auth" for name, _, _ in found)
    for index, (_, line) in enumerate(_ONCE.values()):
        assert _lines(found, f"m{index}") == [line]
    assert ("m3", 3, "NYS304 cannot tell whether raw.messages.list via jobs.append() is a "
            "Nylas call") in found


def test_two_methods_taken_are_two_findings(tmp_path: Path) -> None:
    # Control: two different methods appended are two causes, each said where it is
    # taken; the loop's call says nothing more.
    found = _findings(tmp_path, {"m": """\
        def run(raw, grant):
            jobs = []
            jobs.append(raw.messages.list)
            jobs.append(raw.threads.list)
            for job in jobs:
                job(grant)
    """})
    assert [(line, message) for _, line, message in found] == [
        (3, "NYS304 cannot tell whether raw.messages.list via jobs.append() is a Nylas call"),
        (4, "NYS304 cannot tell whether raw.threads.list via jobs.append() is a Nylas call")]


def test_a_method_held_in_a_container_is_named_with_the_way_it_is_reached(
        tmp_path: Path) -> None:
    # Before: "cannot tell whether handlers[kind]() is a Nylas call".
    found = _findings(tmp_path, {"m": """\
        def go(raw, kind, grant):
            handlers = {"list": raw.messages.list}
            return handlers[kind](grant)
    """})
    assert found == [("m", 3, "NYS304 cannot tell whether raw.messages.list via "
                      "handlers[kind]() is a Nylas call")]


def test_a_loop_over_two_methods_leaves_both_silent(tmp_path: Path) -> None:
    # Before, the loop's call stood for one of the two methods only: the other's scope
    # (Gmail's read scope, for ``messages.list``) was reported unused (NYS303).  Now
    # one finding names both, and every scope either could touch stays silent.
    found = _findings(tmp_path, {"m": """\
        def run(raw, grant):
            jobs = [raw.messages.list, raw.events.list]
            for job in jobs:
                job(grant)
    """})
    assert found == [("m", 4, "NYS304 cannot tell whether raw.events.list or "
                      "raw.messages.list via job() is a Nylas call")]


def test_an_attrgetter_call_is_named_with_the_path_it_reads(tmp_path: Path) -> None:
    # Before: "cannot tell whether operator.attrgetter()()() is a Nylas call".
    found = _findings(tmp_path, {"m": """\
        import operator


        def subject(raw, grant, message_id):
            return operator.attrgetter("messages.find")(raw)(grant, message_id)
    """})
    assert found == [("m", 5, "NYS304 cannot tell whether operator.attrgetter("
                      "'messages.find')(raw)() is a Nylas call")]


def test_a_list_of_another_librarys_methods_stays_unlooked_at(tmp_path: Path) -> None:
    # Control: a logger's method appended and called in a loop changes nothing, and
    # Gmail's read scope, which no call needs, is reported unused.
    found = _findings(tmp_path, {"m": """\
        import logging

        logger = logging.getLogger(__name__)


        def run():
            jobs = []
            jobs.append(logger.info)
            for job in jobs:
                job("x")
    """})
    assert [(name, line) for name, line, _ in found] == [("auth", 9)]
