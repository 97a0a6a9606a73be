"""A call read as only reading what it is given (``len(SCOPES)``,
``logger.info(SCOPES)``) whose meaning another module of the project may give:
a ``len`` a star import brings, a logger object of a project class defining
``info``, a ``LoggerAdapter`` of the project, ``logging.setLoggerClass``, a write to
``builtins``.  There the call may change the list, and the request reading it is
unresolved (NYS304); where no module redefines anything, the call stays a read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_AUTH = '''from nylas import APIClient

client = APIClient("id", "secret")
SCOPES = ["email.read_only"]


def login_url():
    return client.authentication_url("https://a.example/cb", scopes=SCOPES)


def events():
    return list(client.events.all()) + list(client.threads.all())
'''
_LEN = '''from app.auth import SCOPES


def widen():
    return len(SCOPES)
'''
_STAR_LEN = "from app.util import *\n" + _LEN
_LOGGED = '''from app.auth import SCOPES
from app.log import logger


def widen():
    logger.info(SCOPES)
'''
_GROWING_LEN = '''def len(x):
    x.append("calendar.read_only")
    return 0
'''

# What the list is told when only read: ``events.all()`` needs a calendar scope the
# request lacks.
_READ = ({"NYS301 calendar.read_only"}, 0)
# What it is told when the call may change it: nothing but NYS304.
_UNRESOLVED = (set(), 1)

_CHANGED = {
    "star-imported-len": {"app/util.py": _GROWING_LEN, "app/setup.py": _STAR_LEN},
    "len-through-two-star-imports": {
        "app/util.py": _GROWING_LEN, "app/common.py": "from app.util import *\n",
        "app/setup.py": _STAR_LEN.replace("app.util", "app.common")},
    "imported-logger-object": {"app/log.py": '''class MyLogger:
    def info(self, msg):
        msg.append("calendar.read_only")


logger = MyLogger()
''', "app/setup.py": _LOGGED},
    "logger-adapter-process": {"app/log.py": '''import logging


class Adapter(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        msg.append("calendar.read_only")
        return msg, kwargs


logger = Adapter(logging.getLogger(__name__), {})
''', "app/setup.py": _LOGGED},
    "set-logger-class": {"app/boot.py": '''import logging

import structlogish

logging.setLoggerClass(structlogish.GrowingLogger)
''', "app/setup.py": '''import logging

from app.auth import SCOPES

log = logging.getLogger(__name__)


def widen():
    log.info(SCOPES)
'''},
    "builtins-attribute": {"app/boot.py": '''import builtins


def my_len(x):
    x.append("calendar.read_only")
    return 0


builtins.len = my_len
''', "app/setup.py": _LEN},
    "setattr-builtins": {"app/boot.py": '''import builtins as b


def my_print(*args):
    args[0].append("calendar.read_only")


setattr(b, "print", my_print)
''', "app/setup.py": _LEN.replace("return len(SCOPES)", "print(SCOPES)")},
}

_KEPT = {
    "nothing-redefined": {"app/setup.py": _LEN},
    "len-defined-in-a-function": {"app/tools.py": '''def count(items):
    def len(x):
        x.append("calendar.read_only")
        return 0
    return len(items)
''', "app/setup.py": _LEN},
    "module-len-not-star-imported": {"app/util.py": _GROWING_LEN, "app/setup.py": _LEN},
    "star-import-without-len": {"app/util.py": "LIMIT = 3\n", "app/setup.py": _STAR_LEN},
    "method-info-taking-nothing": {"app/log.py": '''import logging


class Report:
    def info(self):
        return {"rows": 0}


logger = logging.getLogger(__name__)
''', "app/setup.py": _LOGGED},
    "builtins-only-read": {"app/boot.py": '''import builtins

ORIGINAL_LEN = getattr(builtins, "len")
PRINT = builtins.print
''', "app/setup.py": _LEN},
}


def _claims(root: Path, files: dict[str, str]) -> tuple[set[str], int]:
    for name, text in {"app/__init__.py": "", "app/auth.py": _AUTH, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[project]\nname = "app"\nversion = "0"\ndependencies = ["nylas"]\n')
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    claims = set()
    for finding in result.findings:
        if finding.code in {"NYS301", "NYS302", "NYS303"}:
            scope = re.findall(r"'([^']+)'", finding.message)[0]
            claims.add(f"{finding.code} {scope}")
    return claims, sum(finding.code == "NYS304" for finding in result.findings)


@pytest.mark.parametrize("name", sorted(_CHANGED))
def test_a_reading_call_another_module_redefines_may_change_the_list(
        tmp_path: Path, name: str) -> None:
    # Before, the call counted as a read: the added scope went unseen and
    # ``events.all()`` was reported missing it (NYS301).
    assert _claims(tmp_path, _CHANGED[name]) == _UNRESOLVED


@pytest.mark.parametrize("name", sorted(_KEPT))
def test_a_reading_call_nobody_redefines_leaves_the_list_read(
        tmp_path: Path, name: str) -> None:
    assert _claims(tmp_path, _KEPT[name]) == _READ


# The text test's alternatives, searched apart, say what the one pattern says: at a
# word's boundary or not, with spaces, each alternative alone and none of them.
_REDEFINING_TEXTS = (
    "def info(self, msg):\n", "def  debug (self):\n", "xdef info(self):\n",
    "def information(self):\n", "def_info(x)\n", "import logging\n", "mylogging = 1\n",
    "logging_level = 2\n", "setattr(a, 'b', c)\n", "getattr(a, 'b')\n", "setattrs()\n",
    "log.info = spy\n", "log.info  : object\n", "log.info(x)\n", "log.information = 1\n",
    "import builtins\n", "__builtins__\n", "logging.setLoggerClass(C)\n",
    "setLogRecordFactory(f)\n", "x = 1\n", "", "éinfo = 1\ndef info(\n",
    "_def info(\n", "1def info(\n", "ädef info(\n", " def info(\n",
)


def test_the_text_test_for_redefined_readers_is_the_pattern_s() -> None:
    from flake8_nylas_scopes.analysis.reader_meanings import _MAY_REDEFINE, may_redefine_readers

    for text in _REDEFINING_TEXTS:
        assert may_redefine_readers(text) is (_MAY_REDEFINE.search(text) is not None), text
    assert not may_redefine_readers("def send(scopes):\n    return len(scopes)\n")
    assert may_redefine_readers("class Log:\n    def info(self, msg):\n        pass\n")
