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
# Helpers of some nylas-python 5.x releases for sample servers, each given the client:
# ``open_webhook_tunnel(api, config)`` registers a webhook (``api.webhooks.create()``
# then ``save()``: ``POST /a/{client_id}/webhooks``, an application endpoint, V2-29)
# and reads ``api.client_id``/``client_secret`` (``nylas/services/tunnel.py``, PY5);
# ``Routes(api)`` keeps the client for ``build_auth_url`` (``authentication_url``),
# ``exchange_code_for_token`` (``token_for_code``) and ``verify_webhook_signature``
# (``client_secret``), none of which uses a grant (``nylas/services/routes.py`` of
# https://github.com/nylas/nylas-python at 37d12f16c93f9b92b98e58aa61e103c6b9f3b27f).
APP_LEVEL_HELPERS = frozenset({
    "nylas.services.tunnel.open_webhook_tunnel",
    "nylas.services.routes.Routes",
})
# ``Routes.build_auth_url(scopes, email_address, success_url, client_uri=None,
# state=None)`` passes ``scopes`` on to ``authentication_url`` (same source).
AUTH_URL_HELPERS = {"nylas.services.routes.Routes.build_auth_url": 0}

# The public members of ``APIClient`` that send no request (PY4: nylas-python 4.12.1,
# PY5: 5.14.1, ``nylas/client/client.py``): what ``__init__`` stores, but for the two
# ``requests.Session`` objects (``session`` carries the bearer token in 4.x, so code
# can send any request through it), the ``access_token`` property, the methods that
# only build values, and what ``json.JSONEncoder`` (its base class) gives.
CLIENT_DATA = frozenset({
    "access_token", "access_token_url", "api_server", "api_version", "app_id",
    "app_secret", "application_url", "auth_token", "authorize_url", "client_id",
    "client_secret", "ip_addresses_url", "revoke_all_url", "revoke_url",
    "token_info_url", "version",
    "authentication_url", "is_opensource_api", "open_hours",
    "allow_nan", "check_circular", "default", "encode", "ensure_ascii", "indent",
    "item_separator", "iterencode", "key_separator", "skipkeys", "sort_keys",
})

# Every model object keeps the client that made it as ``api`` (``NylasAPIObject.__init__``
# in ``nylas/client/restful_models.py``, PY4 and PY5): ``draft.api.drafts.create()`` is
# a call on a client.
MODEL_CLIENT_ATTRIBUTE = "api"

# The public methods of the model classes that send no request (PY4: 4.12.1, PY5:
# 5.14.1, ``nylas/client/restful_models.py`` and the other model modules): what
# ``RestfulModel`` (``NylasAPIObject`` in 4.x) gives every model (``create`` builds
# one, ``as_json`` its body, ``child_collection`` a filtered collection), the checks
# and setters of single classes (``Draft.detach`` drops a file id, ``Event.validate``,
# ``JobStatus.is_successful``, ``Webhook.verify_webhook_signature``,
# ``Integration.set_client_id``/``set_client_secret``), and the methods of ``dict``,
# every model's base class (its ``update`` is the model's request, mapped per model).
MODEL_LOCAL_METHODS = frozenset({
    "create", "as_json", "child_collection",
    "detach", "validate", "is_successful", "verify_webhook_signature",
    "set_client_id", "set_client_secret",
    "clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem",
    "setdefault", "values",
})

# ``x.drafts.create(...).send()``: a draft made in a collection of drafts and sent at
# once.  Other libraries name their drafts' collection as a method
# (``service.users().drafts().create(...)`` of Google's API client) and Django's
# managers give no ``send``.
DISTINCTIVE_CHAINS = frozenset({("drafts", "create", "send")})

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
    # ``RestfulModelCollection.create(self, **kwargs)`` in
    # ``nylas/client/restful_model_collection.py`` (PY4 and PY5); API v3's resources'
    # ``create(identifier, request_body, ...)`` takes the grant first and sends a request.
    model_builder="create",
    app_level_helpers=APP_LEVEL_HELPERS,
    auth_url_helpers=AUTH_URL_HELPERS,
    client_data=CLIENT_DATA,
    model_client_attribute=MODEL_CLIENT_ATTRIBUTE,
    model_local_methods=MODEL_LOCAL_METHODS,
    distinctive_chains=DISTINCTIVE_CHAINS,
)
