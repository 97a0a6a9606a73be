"""The analysis bounds its own work (depths, hops, rounds, alternatives): what a bound
cuts off is unresolved (NYS304, the usage rules silent for the scopes involved), never
read as "nothing there".  Each test reaches a bound with a small generated program and
checks the cautious reading past it, and the exact reading just under it."""

from __future__ import annotations

from pathlib import Path

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_AUTH = '''
from nylas import APIClient


def auth(api):
    return api.authentication_url("u", scopes=["email.read_only", "calendar.read_only"])
'''


def _findings(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0"\n')
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    return sorted((f.code, f.span.line, f.message) for f in result.findings)


def _codes(found: list[tuple[str, int, str]]) -> list[str]:
    return [code for code, _, _ in found]


# -- objects holding one another: ``root.events.calendars....messages.all()`` ---------

# Each holder is reached by a name the chain reads as a possible Nylas attribute, so
# the whole chain is one use the resolver follows holder by holder.
_HOLDER_NAMES = ("events", "calendars", "drafts", "threads", "contacts", "labels")


def _holders_app(levels: int) -> str:
    """``levels`` classes, each holding the next; the last holds the client's
    messages collection, which the chain at the end lists."""
    names = _HOLDER_NAMES[:levels]
    classes = [f"class Holder{levels}:\n    def __init__(self, c):\n"
               "        self.messages = c.messages\n"]
    for level in range(levels - 1, 0, -1):
        classes.append(f"class Holder{level}:\n    def __init__(self, c):\n"
                       f"        self.{names[level]} = Holder{level + 1}(c)\n")
    chain = ".".join(("root", *names[1:], "messages", "all()"))
    return _AUTH + "\n\n" + "\n\n".join(classes) + f'''

def main():
    c = APIClient("a", "b", "t")
    root = Holder1(c)
    {chain}
    c.events.all()
    auth(c)
'''


def test_a_chain_through_more_holders_than_followed_is_unresolved(tmp_path: Path) -> None:
    found = _findings(tmp_path, {"app.py": _holders_app(5)})
    assert "NYS303" not in _codes(found), found  # email.read_only is needed
    unresolved = [message for code, _, message in found if code == "NYS304"]
    assert len(unresolved) == 1, found
    assert "through more than 4 objects holding one another" in unresolved[0]


def test_a_chain_through_as_many_holders_as_followed_is_read(tmp_path: Path) -> None:
    assert _findings(tmp_path, {"app.py": _holders_app(4)}) == []


def test_a_deep_chain_of_holders_without_nylas_objects_says_nothing(tmp_path: Path) -> None:
    # The last holder holds a list, not the client's collection: a chain of
    # holders that leads to no Nylas object needs no NYS304.
    app = _holders_app(5).replace("self.messages = c.messages", "self.messages = []")
    found = _findings(tmp_path, {"app.py": app})
    assert _codes(found) == ["NYS303"], found


# -- expressions nested deeper than the extractor reads in one go ---------------------


def _nested_app(levels: int, nest: str) -> str:
    """The client nested ``levels`` deep in an expression (``nest`` wraps one level:
    ``[{}]``), the whole given to another library's function."""
    expression = "c"
    for level in range(levels):
        expression = nest.format(expression, level=level)
    return _AUTH + f'''

def main(flags):
    c = APIClient("a", "b", "t")
    other = None
    lib.keep({expression})
    c.events.all()
    auth(c)
'''


_CONDITIONAL = "(other if flags[{level}] else {})"


def test_a_client_deep_in_a_conditional_expression_is_read(tmp_path: Path) -> None:
    # Sixty conditional expressions: the client in the last one escapes to lib.keep().
    found = _findings(tmp_path, {"app.py": "import lib\n" + _nested_app(60, _CONDITIONAL)})
    assert [(code, message) for code, _, message in found] == [
        ("NYS304", "NYS304 a Nylas client is passed to lib.keep(); usage rules stay silent "
                   "for the scopes it could touch")], found


def test_a_client_in_a_short_conditional_expression_is_read_alike(tmp_path: Path) -> None:
    found = _findings(tmp_path, {"app.py": "import lib\n" + _nested_app(3, _CONDITIONAL)})
    assert [code for code, _, _ in found] == ["NYS304"], found
    assert "a Nylas client is passed to lib.keep()" in found[0][2]


def test_a_client_in_containers_nested_too_deep_stops_the_usage_rules(
        tmp_path: Path) -> None:
    found = _findings(tmp_path, {"app.py": "import lib\n" + _nested_app(45, "[{}]")})
    assert "NYS303" not in _codes(found), found
    assert any("(a value is nested more than 30 levels deep)" in message
               for _, _, message in found), found


def test_a_client_in_containers_nested_less_deep_is_read(tmp_path: Path) -> None:
    found = _findings(tmp_path, {"app.py": "import lib\n" + _nested_app(20, "[{}]")})
    assert [code for code, _, _ in found] == ["NYS304"], found
    assert "a Nylas client is passed to lib.keep()" in found[0][2]


# -- rounds of the fixpoint: a client handed down a chain of functions -----------------


def _handed_down_app(functions: int) -> str:
    """``f1(c)`` calls ``f2(c)`` ... the last lists messages; defined last first, so
    each round of the fixpoint takes the client one function further."""
    definitions = [f"def f{functions}(c):\n    c.messages.all()\n"]
    definitions += [f"def f{n}(c):\n    f{n + 1}(c)\n" for n in range(functions - 1, 0, -1)]
    return _AUTH.replace('"calendar.read_only"', '"email.send"') + "\n\n" + "\n\n".join(
        definitions) + '''

def main():
    c = APIClient("a", "b", "t")
    f1(c)
    auth(c)
'''


def test_a_fixpoint_out_of_rounds_stops_the_usage_rules(tmp_path: Path) -> None:
    found = _findings(tmp_path, {"app.py": _handed_down_app(60)})
    assert "NYS303" not in _codes(found), found
    assert any("(values still changed after 50 rounds of following them)" in message
               for _, _, message in found), found


def test_a_fixpoint_within_its_rounds_judges_the_scopes(tmp_path: Path) -> None:
    found = _findings(tmp_path, {"app.py": _handed_down_app(40)})
    assert [(code, message) for code, _, message in found] == [
        ("NYS303", "NYS303 'email.send' is requested but no Nylas call in the project "
                   "needs it; remove it")], found


# -- star imports: ``from .m1 import *`` in m0, ``from .m2 import *`` in m1, ... -------


def _star_chain(modules: int) -> dict[str, str]:
    """A client made in the last of ``modules`` modules, each star-importing the
    next; the app module reaches it through the first and hands it to a function
    the last one defines."""
    files = {"pkg/__init__.py": "",
             f"pkg/m{modules}.py": "def fetch(api):\n    return api.messages.all()\n"}
    files.update({f"pkg/m{n}.py": f"from .m{n + 1} import *\n" for n in range(modules)})
    files["pkg/app.py"] = _AUTH + '''from .m0 import *

api = APIClient("a", "b", "t")


def main():
    fetch(api)
    api.events.all()
    auth(api)
'''
    return files


def test_a_name_star_imported_past_the_last_hop_followed_is_unresolved(
        tmp_path: Path) -> None:
    found = _findings(tmp_path, _star_chain(10))
    assert [(code, line) for code, line, _ in found] == [("NYS304", 2), ("NYS304", 13)], found
    # The callee, no longer linked to its caller, has a parameter named like a client
    # whose ``messages.all()`` may be a Nylas call of its own: said where it is made.
    assert "cannot tell whether api.messages.all() is a Nylas call" in found[0][2]
    assert "api (a Nylas client) is passed to fetch()" in found[1][2]


def test_a_name_star_imported_within_the_hops_followed_is_read(tmp_path: Path) -> None:
    assert _findings(tmp_path, _star_chain(6)) == []
