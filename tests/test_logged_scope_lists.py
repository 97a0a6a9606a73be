"""A scope list written to a log under a scope keyword, beside its Nylas request.

Structured logging names the list by a keyword (``log.info("login", scopes=SCOPES)``
with structlog, ``extra={"scopes": SCOPES}`` with the standard library), which alone
looks like another OAuth library's request: such a list keeps every claim that a scope
is not needed off its items.  A logger the module shows to be one (the ``logging``
module, a logger factory's call, a name assigned only such a value) requests nothing,
so the list's unused scopes are reported as for a list only Nylas reads.  A receiver
the module does not show to be a logger (a parameter, an import, a project class, a
name bound twice) may be another library's, and keeps the list silent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_NYLAS = '''from nylas import APIClient
from app.settings import SCOPES

client = APIClient("id", "secret")


def login():
    return client.authentication_url("https://a.example/cb", scopes=SCOPES)


def digest(token):
    api = APIClient("id", "secret", token)
    return [m.subject for m in api.messages.where(limit=5)]
'''
# ``calendar`` and ``contacts.read_only`` serve no Nylas call.
_UNUSED = {("settings.py", 1, "NYS303")}
_IMPORTS = "import logging\n\nimport structlog\n\nfrom app.settings import SCOPES\n\n"

# The list logged, in app/audit.py, by shape.
_LOGGED = {
    "structlog keyword": "log = structlog.get_logger()\n\n\ndef g():\n"
                         "    log.info('login', scopes=SCOPES)\n",
    "structlog bound logger": "log = structlog.get_logger().bind(app='x')\n\n\ndef g():\n"
                              "    log.msg('login', scopes=list(SCOPES))\n",
    "structlog logger made in place": "def g():\n"
                                      "    structlog.get_logger().warning('x', scope=SCOPES)\n",
    "logging extra": "logger = logging.getLogger(__name__)\n\n\ndef g():\n"
                     "    logger.info('login', extra={'scopes': SCOPES})\n",
    "logging module": "def g():\n    logging.debug('login', extra={'scope': ' '.join(SCOPES)})\n",
    "local logger": "def g():\n    log = logging.getLogger('auth')\n"
                    "    log.info('login', extra={'scopes': SCOPES})\n",
}
# The same call on a receiver the module does not show to be a logger.
_NOT_A_LOGGER = {
    "parameter": "def g(log):\n    log.info('login', scopes=SCOPES)\n",
    "project class": ("class Audit:\n    def info(self, event, scopes):\n"
                      "        return event, scopes\n\n\nlog = Audit()\n\n\ndef g():\n"
                      "    log.info('login', scopes=SCOPES)\n"),
    "bound twice": ("log = structlog.get_logger()\nlog = make()\n\n\ndef g():\n"
                    "    log.info('login', scopes=SCOPES)\n"),
    "imported": "from app.obs import log\n\n\ndef g():\n    log.info('login', scopes=SCOPES)\n",
    "not a logging method": ("log = structlog.get_logger()\n\n\ndef g():\n"
                             "    log.authorize('login', scopes=SCOPES)\n"),
}


def _findings(root: Path, audit: str) -> set[tuple[str, int, str]]:
    files = {"app/__init__.py": "", "app/nylas_auth.py": _NYLAS,
             "app/settings.py": 'SCOPES = ["email.read_only", "calendar", "contacts.read_only"]\n',
             "app/audit.py": _IMPORTS + audit}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    (root / "pyproject.toml").write_text(
        '[project]\nname = "app"\nversion = "0"\ndependencies = ["nylas"]\n')
    result = analyse([str(root)], make_config(), lambda code: True, use_cache=False)
    return {(Path(f.span.path).name, f.span.line, f.code) for f in result.findings}


@pytest.mark.parametrize("shape", list(_LOGGED))
def test_a_list_only_logged_still_has_its_unused_scopes_reported(
        tmp_path: Path, shape: str) -> None:
    # Before, the scope keyword kept the list silent, as another library's.
    assert _findings(tmp_path, _LOGGED[shape]) == _UNUSED


@pytest.mark.parametrize("shape", list(_NOT_A_LOGGER))
def test_a_list_given_to_what_may_not_be_a_logger_stays_silent(
        tmp_path: Path, shape: str) -> None:
    found = _findings(tmp_path, _NOT_A_LOGGER[shape])
    assert not {code for _, _, code in found} & {"NYS302", "NYS303"}, found
