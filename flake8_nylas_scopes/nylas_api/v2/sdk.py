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

SURFACE = SdkSurface(
    "v2",
    NYLAS_CLIENT_CLASSES,
    {key: (endpoint,) for key, endpoint in ENDPOINTS.items()},
    collections=COLLECTIONS,
    models=MODELS,
    client_methods=CLIENT_METHODS,
    model_modules=MODEL_MODULES,
    raw_routes=RAW_ROUTES,
)
