"""nylas-python 4.x/5.x as the value-flow analysis reads it (one :class:`SdkSurface`).

The tables come from ``endpoints.py`` and ``scopes.py`` (sources noted there); this
module only puts them in the shape every API version shares.
"""

from __future__ import annotations

from ..types import SdkSurface
from .endpoints import CLIENT_METHODS, COLLECTIONS, ENDPOINTS, MODELS, RAW_ROUTES
from .scopes import NYLAS_CLIENT_CLASSES

# The modules a Python file imports the SDK's model classes from (PY5:
# ``nylas/client/restful_models.py``, re-exported by ``nylas.client`` and ``nylas``).
MODEL_MODULES = ("nylas.client.restful_models.", "nylas.client.", "nylas.")
# Hosted authentication sends the browser to ``/oauth/authorize`` with a ``scopes``
# parameter; native authentication posts a ``scopes`` body key to
# ``/connect/authorize`` (V2-29; ``endpoints.py`` lists both as app endpoints).
AUTHORIZE_PATHS = {"hosted": "/oauth/authorize", "native": "/connect/authorize"}

SURFACE = SdkSurface(
    "v2",
    NYLAS_CLIENT_CLASSES,
    {key: (endpoint,) for key, endpoint in ENDPOINTS.items()},
    collections=COLLECTIONS,
    models=MODELS,
    client_methods=CLIENT_METHODS,
    model_modules=MODEL_MODULES,
    raw_routes=RAW_ROUTES,
    authorize_paths=AUTHORIZE_PATHS,
    auth_url_method="authentication_url",
    # ``authentication_url(redirect_uri, login_hint, state, scopes, provider, ...)`` (PY5)
    auth_url_positions={"scopes": 3, "provider": 4},
)
