"""A job handed to a scheduler with the arguments it is called with.

APScheduler's ``scheduler.add_job(pull_events, "cron", hour=6, args=[client])`` calls
``pull_events(client)`` later: the ``args`` display and the ``kwargs`` dict display
are the job's arguments, and the trigger and its fields are the scheduler's own.  Where
the arguments are built at run time, given by position, or the job is not a function
the analysis can name, the job's calls stay unresolved.  Airflow's
``PythonOperator(python_callable=pull_events, op_args=[client])`` is read the same way.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from flake8_nylas_scopes.project.session import analyse
from flake8_nylas_scopes.settings.config import make_config

AUTH = """\
from nylas import APIClient


def login_url(uri):
    return APIClient("id", "secret").authentication_url(
        uri, scopes=["calendar.read_only", "email.read_only"])
"""

JOBS = """\
import threading

from airflow.operators import python_operator
from airflow.operators.python import PythonOperator
from apscheduler.schedulers.background import BackgroundScheduler
from nylas import APIClient

import lib

scheduler = BackgroundScheduler()


def pull_events(client):
    return list(client.events.where(limit=5))


def start(token):
    client = APIClient("id", "secret", token)
    {hand_over}
"""

FOLLOWED = {
    "args list": 'scheduler.add_job(pull_events, "cron", hour=6, args=[client])',
    "kwargs dict": 'scheduler.add_job(pull_events, "cron", hour=6, kwargs={"client": client})',
    "every argument by keyword": (
        'scheduler.add_job(func=pull_events, trigger="interval", args=(client,))'),
    "timer": "threading.Timer(60, pull_events, args=[client]).start()",
    # ``daemon`` and ``name`` are the thread's own, not the job's.
    "thread with its own options": (
        'threading.Thread(target=pull_events, args=(client,), daemon=True, name="pull").start()'),
    # Airflow runs ``python_callable`` with ``op_args`` and ``op_kwargs``; ``task_id``
    # and ``retries`` are the operator's own.
    "airflow operator args": (
        'PythonOperator(task_id="pull", python_callable=pull_events, op_args=[client])'),
    "airflow operator kwargs": (
        'PythonOperator(task_id="pull", python_callable=pull_events, retries=2, '
        'op_kwargs={"client": client})'),
    "airflow 1 operator with the callable by position": (
        'python_operator.PythonOperator(pull_events, op_args=[client], task_id="pull")'),
}

CAUTIOUS = {
    "args built at run time": 'scheduler.add_job(pull_events, "cron", args=lib.make_args())',
    "job by string reference": 'scheduler.add_job("app.jobs:pull_events", "cron", args=[client])',
    "bound method of an unknown object": (
        'scheduler.add_job(lib.worker.pull, "cron", args=[client])'),
    "args by position": 'scheduler.add_job(pull_events, "cron", [client])',
    "options spread from a call": 'scheduler.add_job(pull_events, "cron", **lib.opts(client))',
    # ``Timer(interval, function, args)``: the list is the job's arguments given by
    # position, not one argument of the job.
    "timer args by position": "threading.Timer(60, pull_events, [client]).start()",
    "airflow operator args by position": (
        'python_operator.PythonOperator(pull_events, [client], task_id="pull")'),
    "airflow operator kwargs built at run time": (
        'PythonOperator(task_id="pull", python_callable=pull_events, '
        'op_kwargs=lib.kwargs(client))'),
    # ``templates_dict`` is the operator's own: the callable gets no client from it.
    "airflow client in the operator's own options": (
        'PythonOperator(task_id="pull", python_callable=pull_events, '
        'templates_dict={"client": client})'),
}


def _codes(tmp_path: Path, hand_over: str) -> list[str]:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "auth.py").write_text(AUTH)
    (tmp_path / "jobs.py").write_text(JOBS.format(hand_over=hand_over))
    result = analyse([str(tmp_path)], make_config(), lambda code: True, use_cache=False)
    assert result.errors == []
    return sorted(finding.code for finding in result.findings)


@pytest.mark.parametrize("hand_over", FOLLOWED.values(), ids=list(FOLLOWED))
def test_the_job_is_called_with_the_arguments_it_is_handed(tmp_path: Path,
                                                          hand_over: str) -> None:
    # The job only reads events: nothing needs the mail scope, and nothing is left
    # unresolved.
    assert _codes(tmp_path, hand_over) == ["NYS303"]


@pytest.mark.parametrize("hand_over", CAUTIOUS.values(), ids=list(CAUTIOUS))
def test_a_job_whose_arguments_cannot_be_read_stays_unresolved(tmp_path: Path,
                                                              hand_over: str) -> None:
    codes = _codes(tmp_path, hand_over)
    assert "NYS304" in codes and "NYS303" not in codes


def test_a_scheduled_job_decorator_on_a_function_making_its_own_client(
        tmp_path: Path) -> None:
    hand_over = "pass\n\n\n" + textwrap.dedent("""\
        @scheduler.scheduled_job("interval", minutes=5)
        def poll():
            return pull_events(APIClient("id", "secret", "token"))
    """)
    assert _codes(tmp_path, hand_over) == ["NYS303"]
