"""Generate realistic Nylas-heavy Python projects for the benchmarks.

A generated project looks like the Flask and Django apps that use nylas-python 5.x: a
client factory with a module-level scope list, auth views that build the hosted-auth URL
(``authentication_url``) or POST a native-auth body, views, services and background
tasks that call ``client.messages``, ``threads``, ``events``, ``drafts`` and friends,
and a share of plain helper modules that never mention Nylas.  Some scope lists are
redundant on purpose so that the rules have findings to report.

The output depends only on the arguments (a seeded ``random.Random``), so two runs
measure the same code.

Usage: ``python benchmarks/generate.py DIRECTORY [--modules N] [--seed S]``
"""

from __future__ import annotations

import argparse
import os
import random
import textwrap
from collections.abc import Callable
from pathlib import Path

SCOPES = [
    "email.modify", "email.read_only", "email.send", "email.folders_and_labels",
    "email.metadata", "email.drafts", "calendar", "calendar.read_only",
    "contacts", "contacts.read_only", "room_resources.read_only",
]
PROVIDERS = ["gmail", "office365", "exchange", "imap", "outlook", "yahoo", "icloud"]
RESOURCES = ["messages", "threads", "events", "drafts", "contacts", "calendars", "files",
             "folders", "labels"]

# The share of each module kind in a project: so many of each in every 25 modules.
KINDS = [
    ("flask_views", 5), ("django_views", 4), ("service", 4), ("tasks", 3),
    ("auth", 2), ("native_auth", 1), ("helpers", 4), ("models", 2),
]


def _scope_list(rng: random.Random) -> str:
    chosen = rng.sample(SCOPES, rng.randint(1, 4))
    style = rng.random()
    quoted = [f'"{scope}"' for scope in chosen]
    if style < 0.5:
        return "[" + ", ".join(quoted) + "]"
    if style < 0.7:
        return "(" + ", ".join(quoted) + ("," if len(quoted) == 1 else "") + ")"
    if style < 0.85:
        return '",".join([' + ", ".join(quoted) + "])"
    return '"' + ",".join(chosen) + '"'


def _client_module(rng: random.Random, package: str) -> str:
    return textwrap.dedent(
        f'''\
        """The Nylas client shared by {package}."""
        from __future__ import annotations

        import os
        from functools import lru_cache

        from nylas import APIClient

        SCOPES = {_scope_list(rng)}
        API_SERVER = os.environ.get("NYLAS_API_SERVER", "https://api.nylas.com")


        @lru_cache(maxsize=None)
        def app_client() -> APIClient:
            return APIClient(
                os.environ["NYLAS_CLIENT_ID"],
                os.environ["NYLAS_CLIENT_SECRET"],
                api_server=API_SERVER,
            )


        def user_client(access_token: str) -> APIClient:
            return APIClient(
                os.environ["NYLAS_CLIENT_ID"],
                os.environ["NYLAS_CLIENT_SECRET"],
                access_token,
                api_server=API_SERVER,
            )
        '''
    )


def _resource_calls(rng: random.Random, client: str, indent: str) -> str:
    """A few statements that use the client, as a view or a task would."""
    lines: list[str] = []
    for resource in rng.sample(RESOURCES, rng.randint(2, 4)):
        pick = rng.random()
        if resource == "messages" and pick < 0.4:
            lines += [
                f'for message in {client}.messages.where(in_="inbox", unread=True, limit=50):',
                '    results.append({"id": message.id, "subject": message.subject})',
                "    message.mark_as_read()",
            ]
        elif resource == "drafts":
            lines += [
                f"draft = {client}.drafts.create()",
                'draft.subject = payload.get("subject", "")',
                'draft.to = [{"email": payload["to"]}]',
                'draft.body = payload.get("body", "")',
                "draft.send()",
            ]
        elif resource == "events" and pick < 0.6:
            lines += [
                f'calendar = {client}.calendars.get(payload["calendar_id"])',
                f"for event in {client}.events.where(calendar_id=calendar.id, limit=20):",
                '    results.append({"title": event.title, "when": event.when})',
            ]
        elif resource == "files":
            lines += [
                f'attachment = {client}.files.get(payload["file_id"])',
                "content = attachment.download()",
                'results.append({"name": attachment.filename, "size": len(content)})',
            ]
        elif pick < 0.5:
            lines += [
                f"for item in {client}.{resource}.all(limit=25):",
                "    results.append(item.as_json())",
            ]
        else:
            lines += [
                f'item = {client}.{resource}.get(payload["{resource[:-1]}_id"])',
                "results.append(item.as_json())",
            ]
    return "\n".join(indent + line for line in lines)


def _flask_views(rng: random.Random, package: str, index: int) -> str:
    views = []
    for number in range(rng.randint(3, 6)):
        body = _resource_calls(rng, "client", "    ")
        views.append(
            f'''

@bp.route("/{index}/view{number}", methods=["GET", "POST"])
@login_required
def view_{number}() -> Response:
    payload = request.get_json(silent=True) or dict(request.args)
    client = user_client(current_user.nylas_token)
    results: list[dict[str, object]] = []
    log.debug("view_{number} called with %s", sorted(payload))
{body}
    log.info("view_{number} returned %d items", len(results))
    return jsonify(results)
'''
        )
    header = f'''"""Mailbox views (Flask)."""
from __future__ import annotations

import logging

from flask import Blueprint, Response, jsonify, request
from flask_login import current_user, login_required

from {package}.nylas_client import user_client

log = logging.getLogger(__name__)
bp = Blueprint("views_{index}", __name__)
'''
    return header + "".join(views)


def _django_views(rng: random.Random, package: str, index: int) -> str:
    classes = []
    for number in range(rng.randint(2, 4)):
        body = _resource_calls(rng, "self.nylas", "        ")
        classes.append(
            f'''

class Resource{number}View(LoginRequiredMixin, View):
    """A JSON endpoint over the user's Nylas account."""

    def setup(self, request: HttpRequest, *args: object, **kwargs: object) -> None:
        super().setup(request, *args, **kwargs)
        self.nylas = APIClient(
            settings.NYLAS_CLIENT_ID,
            settings.NYLAS_CLIENT_SECRET,
            request.user.profile.nylas_token,
        )

    def get(self, request: HttpRequest) -> JsonResponse:
        payload = request.GET.dict()
        results: list[dict[str, object]] = [{{"query": sorted(payload)}}]
{body}
        return JsonResponse({{"items": results, "count": len(results)}})

    def post(self, request: HttpRequest) -> JsonResponse:
        payload = json.loads(request.body or b"{{}}")
        if not payload:
            return JsonResponse({{"error": "empty body"}}, status=400)
        return self.get(request)
'''
        )
    header = '''"""Account views (Django)."""
from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, JsonResponse
from django.views import View
from nylas import APIClient
'''
    return header + "".join(classes)


def _service(rng: random.Random, package: str, index: int) -> str:
    methods = []
    for number in range(rng.randint(3, 5)):
        body = _resource_calls(rng, "self.client", "        ")
        methods.append(
            f'''
    def operation_{number}(self, payload: dict[str, str]) -> list[dict[str, object]]:
        results: list[dict[str, object]] = []
{body}
        return results
'''
        )
    functions = []
    for number in range(rng.randint(1, 3)):
        body = _resource_calls(rng, "client", "    ")
        functions.append(
            f'''

def helper_{number}(client: APIClient, payload: dict[str, str]) -> list[dict[str, object]]:
    results: list[dict[str, object]] = []
{body}
    return results
'''
        )
    return (
        f'''"""Mailbox service {index}: wraps the Nylas client for the views."""
from __future__ import annotations

from dataclasses import dataclass, field

from nylas import APIClient

from {package}.nylas_client import user_client


@dataclass
class MailboxService{index}:
    token: str
    client: APIClient = field(init=False)

    def __post_init__(self) -> None:
        self.client = user_client(self.token)
'''
        + "".join(methods)
        + "".join(functions)
    )


def _tasks(rng: random.Random, package: str, index: int) -> str:
    tasks = []
    for number in range(rng.randint(2, 4)):
        body = _resource_calls(rng, "client", "    ")
        tasks.append(
            f'''

@shared_task(bind=True, max_retries=3)
def sync_{number}(self: Task, account_id: int, payload: dict[str, str]) -> int:
    account = Account.objects.get(pk=account_id)
    client = user_client(account.nylas_token)
    results: list[dict[str, object]] = []
    try:
{textwrap.indent(body, "    ")}
    except ConnectionError as error:
        raise self.retry(exc=error, countdown=2 ** self.request.retries)
    account.synced = len(results)
    account.save(update_fields=["synced"])
    return len(results)
'''
        )
    return (
        f'''"""Background synchronisation tasks (Celery)."""
from __future__ import annotations

from celery import Task, shared_task

from {package}.models import Account
from {package}.nylas_client import user_client
'''
        + "".join(tasks)
    )


def _auth(rng: random.Random, package: str, index: int) -> str:
    provider = rng.choice(PROVIDERS)
    return f'''"""Hosted authentication (Flask)."""
from __future__ import annotations

import secrets

from flask import Blueprint, Response, redirect, request, session, url_for

from {package}.nylas_client import SCOPES, app_client

bp = Blueprint("auth_{index}", __name__)
CALENDAR_SCOPES = {_scope_list(rng)}


@bp.route("/connect")
def connect() -> Response:
    state = secrets.token_urlsafe(16)
    session["oauth_state"] = state
    url = app_client().authentication_url(
        url_for("auth_{index}.callback", _external=True),
        login_hint=request.args.get("email", ""),
        state=state,
        scopes=SCOPES,
    )
    return redirect(url)


@bp.route("/connect/calendar")
def connect_calendar() -> Response:
    client = app_client()
    return redirect(
        client.authentication_url(
            url_for("auth_{index}.callback", _external=True),
            scopes=CALENDAR_SCOPES,
            provider="{provider}",
        )
    )


@bp.route("/callback")
def callback() -> Response:
    if request.args.get("state") != session.pop("oauth_state", None):
        return Response("state mismatch", status=400)
    token = app_client().token_for_code(request.args["code"])
    session["nylas_token"] = token
    return redirect(url_for("views_0.view_0"))
'''


def _native_auth(rng: random.Random, package: str, index: int) -> str:
    provider = rng.choice(PROVIDERS)
    return f'''"""Native authentication for accounts connected from the admin screen."""
from __future__ import annotations

import os

import requests

from {package}.nylas_client import API_SERVER

NATIVE_SCOPES = {_scope_list(rng)}


def connect_account(name: str, email: str, settings: dict[str, str]) -> str:
    body = {{
        "client_id": os.environ["NYLAS_CLIENT_ID"],
        "name": name,
        "email_address": email,
        "provider": "{provider}",
        "settings": settings,
        "scopes": NATIVE_SCOPES,
    }}
    response = requests.post(f"{{API_SERVER}}/connect/authorize", json=body, timeout=30)
    response.raise_for_status()
    code = response.json()["code"]
    token = requests.post(
        f"{{API_SERVER}}/connect/token",
        json={{
            "client_id": os.environ["NYLAS_CLIENT_ID"],
            "client_secret": os.environ["NYLAS_CLIENT_SECRET"],
            "code": code,
        }},
        timeout=30,
    )
    token.raise_for_status()
    return str(token.json()["access_token"])
'''


def _helpers(rng: random.Random, package: str, index: int) -> str:
    functions = []
    for number in range(rng.randint(4, 8)):
        functions.append(
            f'''

def format_{number}(values: list[dict[str, object]], width: int = {rng.randint(20, 120)}) -> str:
    """Render ``values`` as a fixed-width table."""
    rows = []
    for value in values:
        cells = [str(value.get(key, "")) for key in sorted(value)]
        row = " | ".join(cell[: width // max(len(cells), 1)] for cell in cells)
        rows.append(row.ljust(width))
    if not rows:
        return "(nothing)"
    return "\\n".join(rows)


def parse_{number}(text: str) -> dict[str, str]:
    result: dict[str, str] = {{}}
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if key.strip():
            result[key.strip().lower()] = value.strip()
    return result
'''
        )
    return (
        '''"""Formatting helpers."""
from __future__ import annotations

import datetime as dt
import re

SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    return SLUG.sub("-", text.lower()).strip("-")


def parse_date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)
'''
        + "".join(functions)
    )


def _models(rng: random.Random, package: str, index: int) -> str:
    fields = "\n".join(
        f"    field_{n} = models.CharField(max_length={rng.randint(10, 255)}, blank=True)"
        for n in range(rng.randint(4, 10))
    )
    return f'''"""Database models."""
from __future__ import annotations

from django.db import models


class Account(models.Model):
    email = models.EmailField(unique=True)
    nylas_token = models.CharField(max_length=255)
    provider = models.CharField(max_length=32, default="gmail")
    synced = models.IntegerField(default=0)
{fields}

    def __str__(self) -> str:
        return self.email
'''


GENERATORS: dict[str, Callable[[random.Random, str, int], str]] = {
    "flask_views": _flask_views,
    "django_views": _django_views,
    "service": _service,
    "tasks": _tasks,
    "auth": _auth,
    "native_auth": _native_auth,
    "helpers": _helpers,
    "models": _models,
}


def generate_sources(modules: int, seed: int = 0, package: str = "mailapp") -> dict[str, str]:
    """Relative path -> source of a project with ``modules`` Python files."""
    rng = random.Random(seed)
    files: dict[str, str] = {
        f"{package}/__init__.py": '"""The generated mail app."""\n',
        f"{package}/nylas_client.py": _client_module(rng, package),
        f"{package}/models.py": _models(rng, package, 0),
    }
    # The kinds come in a fixed cycle with their weights as counts, so a project of
    # 2,000 modules has the same mix as one of 200 and the growth benchmark compares
    # like with like.
    cycle = [kind for kind, weight in KINDS for _ in range(weight)]
    random.Random(0).shuffle(cycle)
    index = 0
    while len(files) < modules:
        kind = cycle[index % len(cycle)]
        # Sub-packages of 50 modules keep directories a realistic size.
        subpackage = f"{package}/part{index // 50}"
        init = f"{subpackage}/__init__.py"
        if init not in files:
            files[init] = ""
            continue
        files[f"{subpackage}/{kind}_{index}.py"] = GENERATORS[kind](rng, package, index)
        index += 1
    return files


def write_project(directory: str | os.PathLike[str], modules: int, seed: int = 0) -> list[str]:
    """Write a generated project under ``directory``; return the paths written, sorted."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    # A project marker, so the whole tree is one project for the usage rules.
    (root / "pyproject.toml").write_text('[project]\nname = "generated"\nversion = "0"\n')
    written = []
    for relative, source in generate_sources(modules, seed).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
        written.append(str(path))
    return sorted(written)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--modules", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = write_project(args.directory, args.modules, args.seed)
    print(f"wrote {len(paths)} modules under {args.directory}")


if __name__ == "__main__":
    main()
