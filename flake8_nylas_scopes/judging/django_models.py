"""The project's Django models, and what their default manager's methods give.

``Account.objects.get(pk=pk)`` is an ``Account``; ``Account.objects.filter(...)`` a
query of them, iterated, indexed or narrowed again (``.first()``).  The resolver
reads ``Account.objects`` as a container of ``Account`` instances (as it reads what
``get_list_or_404(Account)`` gives) on a class whose bases reach one of Django's
model classes through the project's own classes, and only where the project binds
no ``objects`` of its own (a custom manager's methods are the project's, read from
its code).  A method not named here gives what it gives today: nothing the analysis
can tell, so that calls through its result stay unresolved.

Source of the method lists: the Django QuerySet API reference
(https://docs.djangoproject.com/en/5.0/ref/models/querysets/), "Methods that return
new QuerySets" and "Methods that do not return QuerySets".
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis.facts import ModuleFacts

# Django's model base classes, as a class of the project names them once its
# imports are followed: ``django.db.models.Model`` and the abstract user models of
# ``django.contrib.auth`` (themselves models; source: Django's
# ``django/contrib/auth/base_user.py`` and ``models.py``).
MODEL_BASES = frozenset({
    "django.db.models.Model",
    "django.db.models.base.Model",
    "django.contrib.auth.models.AbstractUser",
    "django.contrib.auth.models.AbstractBaseUser",
    "django.contrib.auth.models.User",
    "django.contrib.auth.base_user.AbstractBaseUser",
})

# The manager's attribute that holds the default manager when the model binds none.
MANAGER_ATTRIBUTE = "objects"
# Django's manager class, made anew in a model's body (``objects = models.Manager()``):
# the default manager spelt out (``django/db/models/manager.py``).  Any other value
# bound to ``objects`` is a manager of the project's, whose methods may be its own.
DEFAULT_MANAGERS = frozenset({"django.db.models.Manager", "django.db.models.manager.Manager"})

# Methods of a manager or query that give one instance of the model.
ONE_INSTANCE = frozenset({"get", "first", "last", "earliest", "latest", "create"})
# Methods that give a query of the model's instances (iterated, indexed or narrowed
# again), or a container of them (``bulk_create`` a list, ``in_bulk`` a dict).
# ``get_or_create`` and ``update_or_create`` give ``(instance, created)``: taken for
# a container of instances, so that ``[0]`` and ``obj, created = ...`` give one.
INSTANCES = frozenset({
    "all", "filter", "exclude", "order_by", "distinct", "select_related",
    "prefetch_related", "only", "defer", "using", "reverse", "none", "annotate",
    "alias", "select_for_update", "iterator", "union", "intersection", "difference",
    "get_queryset", "bulk_create", "in_bulk", "get_or_create", "update_or_create",
})
# Methods that give plain data (numbers, booleans, dicts of fields): no instance.
DATA = frozenset({
    "count", "exists", "update", "delete", "aggregate", "values_list", "dates",
    "datetimes", "bulk_update", "contains", "explain",
})
# Every method above: calling one of them sends no Nylas request by itself.
QUERY_METHODS = ONE_INSTANCE | INSTANCES | DATA


def model_classes(modules: Iterable[ModuleFacts]) -> frozenset[str]:
    """The project's classes (dotted names) that name one of Django's model classes
    as a base; the resolver adds those deriving from them through project classes."""
    return frozenset(
        name for facts in modules for name, bases, _, _ in facts.class_bases
        if not MODEL_BASES.isdisjoint(bases))
