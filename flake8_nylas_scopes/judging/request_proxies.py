"""Names a web framework binds, per request, to an object of the app.

``from flask_login import current_user`` is a proxy to what the app's user loader
returned: an instance of one of the project's classes, which the analysis cannot
tell.  ``flask.g`` holds whatever the app stored on it.  Their attributes are read
as those of an object the analysis cannot tell, not as another library's data.
Proxies to the framework's own objects (``flask.request``, ``flask.session``) are
not listed: what they hold is the library's.  Sources: the documentation of
Flask, Quart, Flask-Login, Flask-Security and Flask-JWT-Extended.
"""

from __future__ import annotations

_APP_OBJECT_PROXIES = frozenset({
    "flask_login.current_user", "flask_login.utils.current_user",
    "flask_security.current_user", "flask_jwt_extended.current_user",
    "flask.g", "quart.g",
})


def app_object_proxy(dotted: str) -> bool:
    """Whether a dotted name (through imports) is such a proxy or lies under one."""
    return any(dotted == proxy or dotted.startswith(f"{proxy}.")
               for proxy in _APP_OBJECT_PROXIES)
