"""The names the SDK's objects share with other libraries' objects, and the ones
they do not.

A call on an object the analysis cannot tell, in a module that does not mention
Nylas, is taken for a possible Nylas call only where its names are the SDK's own:
``conversation.messages.all()`` on a Django model is no Nylas call, and taking every
such call for one would leave the mail scopes of every Django project unjudged.
"""

from __future__ import annotations

# Operations that other libraries' collection-like objects, reached as an attribute
# named like a Nylas collection (``conversation.messages``, ``db.events``), have too.
# A Nylas collection or resource operation of any other name (API v2's ``where``,
# ``search``, ``since``; API v3's ``list``, ``destroy``, ``send``, ``send_rsvp``) on
# such an object may be a Nylas call wherever the object comes from.
#
# Sources: Django's ``Manager``/``QuerySet`` API ("QuerySet API reference", Django
# 5.0) and the related managers of a reverse or many-to-many relation (``add``,
# ``create``, ``remove``, ``clear``, ``set``); SQLAlchemy's ``Query`` (1.4/2.0), also
# what a ``lazy="dynamic"`` relationship gives; pymongo's ``Collection`` (4.x), whose
# collections are reached by attribute (``db.messages.find(...)``); iterating or
# indexing a relation held as a list.  Only names that a Nylas SDK operation also has
# change a verdict; the others are listed so that an operation a later SDK adds under
# one of them stays on the side of caution that the other libraries need.
# SQLAlchemy 1.4's ``Query.where`` and peewee's ``where`` on a back-reference take
# the criteria as positional expressions; API v2's ``where(limit=5)`` takes keywords.
# The name is left out: on an object the analysis cannot tell, ``x.messages.where()``
# is unresolved (NYS304) rather than unseen.
SHARED_OPERATIONS = frozenset({
    # Django: methods returning a QuerySet, then the others, then related managers.
    "filter", "exclude", "annotate", "alias", "order_by", "reverse", "distinct",
    "values", "values_list", "dates", "datetimes", "none", "all", "union",
    "intersection", "difference", "select_related", "prefetch_related", "extra",
    "defer", "only", "using", "select_for_update", "raw",
    "get", "create", "get_or_create", "update_or_create", "bulk_create", "bulk_update",
    "count", "in_bulk", "iterator", "latest", "earliest", "first", "last", "aggregate",
    "exists", "contains", "update", "delete", "explain",
    "add", "remove", "clear", "set",
    # SQLAlchemy's Query.
    "filter_by", "one", "one_or_none", "scalar", "limit", "offset", "join", "options",
    "with_entities", "paginate",
    # pymongo's Collection.
    "find", "find_one", "insert_one", "insert_many", "update_one", "update_many",
    "delete_one", "delete_many", "count_documents",
    # A relation held as a list or a query: ``for m in user.messages``.
    "__iter__", "__getitem__",
})

# Methods of API v2 model objects whose names other libraries do not use: on an
# object the analysis cannot tell, in a module that mentions Nylas, they are taken for
# Nylas calls wherever the object comes from (``models`` in ``v2/endpoints.py``); in
# any module of a project that asks for API v2 scopes too (see below).
DISTINCTIVE_MODEL_METHODS = frozenset({
    "mark_as_read", "mark_as_unread", "mark_as_seen", "star", "unstar", "update_folder",
    "update_labels", "add_label", "add_labels", "remove_label", "remove_labels",
    "send_raw", "rsvp", "generate_ics", "get_picture",
})

# Methods of the API v2 client that send a request with the grant's scopes
# (``CLIENT_METHODS`` in ``v2/endpoints.py``) whose names other libraries do not use
# (Google's own calendar client has ``freebusy()``): on an object the analysis cannot
# tell they may be the client's in any module.  ``availability`` is left out: a
# booking or a room object has one as often; it counts in a module that mentions
# Nylas or on a receiver named like a client.
DISTINCTIVE_CLIENT_METHODS = frozenset({"free_busy", "consecutive_availability"})

# Methods of API v2 model objects (``models`` in ``v2/endpoints.py``) that other
# libraries' objects, handed to a function of the project, have as often: Django's
# ``Model.save()``/``delete()``, ``ModelForm.save()``, ``QuerySet.update()``/``raw()``
# ("Model instance reference", "QuerySet API reference", Django 5.0), a dict's
# ``update``, ``EmailMessage.attach`` (django.core.mail), Pillow's ``Image.save``,
# boto3's and Alembic's ``download``/``upgrade``/``downgrade``.  On an object the
# analysis cannot tell, in a module that never mentions Nylas, a call by one of these
# names is left unlooked-at (as Django's ``messages.all()`` is), even on a parameter
# named like a model (``def persist(event): event.save()``), so that the saves of a
# Django project do not leave the API v2 scopes unjudged.  In a project that asks
# for API v2 scopes, any other model method is a possible Nylas call in any module
# on a parameter named like a model (``def deliver(draft): draft.send()``, which
# code the analysis does not follow may give a draft), and a distinctive one (above)
# on any object the analysis cannot tell.  A bare ``x.send()`` (a socket's, a
# signal's) stays another library's.
SHARED_MODEL_METHODS = frozenset({
    "save", "delete", "update", "raw", "attach", "download", "upgrade", "downgrade",
    "upload_image", "get_available_calendars",
})
