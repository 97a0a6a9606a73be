"""Nylas calls made through a wrapper from a package the project does not hold.

A company keeps its Nylas set-up in a package of its own, installed with pip
(``from acme_mail import make_client``), and a module that never names Nylas calls
``make_client().messages.all()``.  The package is not the project's, so the
analysis cannot read what ``make_client`` returns; and ``.messages.all()`` alone is
no sign of Nylas, since it is also Django's related-manager idiom
(``user.messages.all()``).  What tells them apart is where the receiver comes from:
a name imported from a package that is neither the project's, nor the standard
library's, nor one of the libraries below whose objects are known not to be Nylas
clients.  Such a chain, ``<collection>.<collection method>``, may be a Nylas call:
it is not counted as an endpoint use, but the scopes its collection could touch stay
silent (NYS304), never called unused.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

from ..analysis.flow_facts import Val

__all__ = ["KNOWN_OTHER_LIBRARIES", "unseen_package_root"]

# Top-level packages whose objects are known not to be Nylas clients, and whose
# objects' chains look like the SDK's (``user.messages.all()``,
# ``current_user.calendars.all()``, ``Thread.objects.filter``).  Sources: each
# project's documentation of its manager, query or request objects.
KNOWN_OTHER_LIBRARIES = frozenset({
    # Django and its common extensions: related managers, querysets, the request
    # user (docs.djangoproject.com "Related objects reference"; DRF, allauth,
    # django-filter, Celery's Django integration, Wagtail).
    "django", "rest_framework", "allauth", "django_filters", "wagtail", "celery",
    "social_django", "channels", "graphene_django", "ninja",
    # Flask and its extensions: ``current_user`` proxies the app's user model,
    # Flask-SQLAlchemy's relationships are lists or dynamic queries.
    "flask", "flask_login", "flask_sqlalchemy", "flask_restful", "flask_security",
    "werkzeug", "quart",
    # ORMs and query builders: relationships and query objects with ``all()``,
    # ``filter()`` and ``first()`` (SQLAlchemy, Peewee, Pony, Tortoise, MongoEngine,
    # SQLModel, Beanie, Odmantic, pymongo's collections).
    "sqlalchemy", "sqlmodel", "peewee", "pony", "tortoise", "mongoengine", "beanie",
    "odmantic", "pymongo", "motor",
    # Web frameworks whose request objects hold the app's user and state.
    "fastapi", "starlette", "litestar", "pyramid", "tornado", "aiohttp", "sanic",
    "falcon", "bottle",
    # Other mail and calendar APIs: their own ``messages``/``events`` collections
    # (Google's API client, Microsoft Graph, O365, exchangelib, Twilio, Slack).
    "googleapiclient", "msgraph", "O365", "exchangelib", "twilio", "slack_sdk",
    "telegram", "discord",
    # Test doubles: a mock has every attribute and makes no request.
    "pytest", "mock", "pytest_mock",
})

# Standard library modules are never a Nylas wrapper.
_STANDARD_LIBRARY = frozenset(sys.stdlib_module_names) | {"__future__"}
# Bindings followed from a name to what it was bound to, at most.
_MOST_HOPS = 4


def unseen_package_root(
    root: Val | None,
    bindings: Callable[[str], Iterable[Val]],
    is_unseen: Callable[[str], bool],
) -> str | None:
    """The package a receiver comes from when it is what a call of a name imported
    from a package the project does not hold gives, or an attribute or item of
    that (see above), following a
    symbol through its bindings in the module (``client = make_client()``; every one
    of them must come from such a package); None otherwise.  ``bindings`` gives the
    values a symbol of the module is bound to, ``is_unseen`` tells whether a dotted
    name reached through imports is no module or name of the project's (nor Nylas)."""
    pending = [(root, 0, False)]
    found: str | None = None
    seen: set[str] = set()
    while pending:
        value, hops, called = pending.pop()
        while value is not None and value.kind in ("attr", "call", "item", "iter", "part"):
            called = called or value.kind == "call"
            value = value.inner
        if value is None:
            return None
        if value.kind == "sym":
            if value.name in seen:
                continue
            seen.add(value.name)
            values = list(bindings(value.name))
            if not values or hops >= _MOST_HOPS:
                return None  # a parameter, or a name bound elsewhere: not this rule's
            pending.extend((bound, hops + 1, called) for bound in values)
            continue
        if value.kind != "ref" or not called:
            # The imported name itself (``from shared.setup import client``) is taken
            # for that library's own object, as elsewhere: only what a call of it
            # gives (a wrapper's ``make_client()``, ``Mailer()``) may be a client.
            return None
        top = value.name.split(".", 1)[0]
        if top in _STANDARD_LIBRARY or top in KNOWN_OTHER_LIBRARIES or not is_unseen(
                value.name):
            return None
        found = found or top
    return found
