"""Nylas API v3 (nylas-python 6.x): provider scope catalogues, endpoint map, SDK shape.

Data only: ``types`` defines the records, ``google`` and ``microsoft`` the provider
scope catalogues, ``endpoints`` what each SDK method and raw route needs, ``sdk`` the
client classes, resource attributes and the places where an app passes scopes.
"""
