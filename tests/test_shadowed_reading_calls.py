"""A call by the name of a builtin or a logger's method that only reads what it is
given (``len(plan.SCOPES)``, ``logger.info(plan.SCOPES)``) leaves a scope list read;
where the module gives that name a meaning of its own (``def len(x):
x.append(...)``, a class of it defining ``info``), the call may change the list, and
the request reading it is unresolved (NYS304)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

_PLANS = '''from nylas import APIClient

client = APIClient("id", "secret")


class Plan:
    SCOPES = ["email.read_only"]

    def url(self):
        return client.authentication_url("https://a.example/cb", scopes=self.SCOPES)


class ContactsPlan(Plan):
    SCOPES = ["email.read_only", "contacts.read_only"]


def events():
    return list(client.events.all()) + list(client.threads.all())
'''
_LOOP = '''

def widen():
    for plan in (Plan, ContactsPlan):
        {call}
'''
_OWN_LEN = '''from app.plans import ContactsPlan, Plan


def len(x):
    x.append("calendar")
    return 0
''' + _LOOP.format(call="assert len(plan.SCOPES) >= 0")
_OWN_LOGGER = '''from app.plans import ContactsPlan, Plan


class Log:
    def info(self, scopes):
        scopes.append("calendar")


logger = Log()
''' + _LOOP.format(call="logger.info(plan.SCOPES)")
_BUILTIN_LEN = '''from app.plans import ContactsPlan, Plan
''' + _LOOP.format(call="assert len(plan.SCOPES) >= 0")
_LOGGING = '''import logging

from app.plans import ContactsPlan, Plan

logger = logging.getLogger(__name__)
''' + _LOOP.format(call="logger.info(plan.SCOPES)")

# What the lists are told when only read: ``contacts.read_only`` serves no call, and
# the list no plan widens lacks the scope ``events.all()`` needs.
_READ_CLAIMS = {"NYS303 contacts.read_only", "NYS301 calendar.read_only"}


def _claims(root: Path, setup: str) -> tuple[set[str], int]:
    for name, text in {"app/__init__.py": "", "app/plans.py": _PLANS,
                       "app/setup.py": setup}.items():
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
            scope = re.findall(r"'([^']+)'", finding.message)[-1]
            claims.add(f"{finding.code} {scope}")
    return claims, sum(finding.code == "NYS304" for finding in result.findings)


@pytest.mark.parametrize("setup", [_OWN_LEN, _OWN_LOGGER], ids=["def-len", "class-info"])
def test_a_reading_name_the_module_binds_may_change_the_list(
        tmp_path: Path, setup: str) -> None:
    # Before, the call counted as a read: the added ``calendar`` went unseen and
    # ``events.all()`` was reported missing it (NYS301).
    assert _claims(tmp_path, setup) == (set(), 1)


@pytest.mark.parametrize("setup", [_BUILTIN_LEN, _LOGGING], ids=["builtin-len", "logging"])
def test_the_builtin_or_a_logging_logger_only_reads_the_list(
        tmp_path: Path, setup: str) -> None:
    assert _claims(tmp_path, setup) == (_READ_CLAIMS, 0)
