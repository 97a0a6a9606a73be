"""What Django middleware stores on the request, for the views that read it.

``class NylasMiddleware: def __call__(self, request): request.nylas = APIClient(...)``
runs before every view, so a view's ``request.nylas.messages.list()`` reads what a
middleware stored there.  The resolver joins every such store into one slot per
attribute name (``s:django.request.nylas``), which a ``request`` parameter's
attribute of that name reads.  The slot is always joined with what the analysis
cannot tell (another library's middleware may store under the same name), so a fake
a test's middleware stores never makes the view's call "not Nylas": only a slot that
may hold a Nylas value is judged as that value (see ``FlowResolver.partly_untold``).
"""

from __future__ import annotations

from collections.abc import Collection

from ..analysis.flow_facts import Store
from ..analysis.symbols import PARAMETER, STATE, qualified_name

# The methods Django calls with the request on a middleware instance before the view
# runs (source: Django's "Middleware" documentation, "Writing your own middleware"
# and "Other middleware hooks": ``__call__``, ``process_request`` of the
# ``MiddlewareMixin`` style, ``process_view``; ``__acall__`` of the async mixin).
MIDDLEWARE_METHODS = frozenset({"__call__", "__acall__", "process_request", "process_view"})
# The parameter Django's request is read from, in middleware and in views.
REQUEST = "request"
_SLOT_OWNER = "django.request"


def slot(attribute: str) -> str:
    """The symbol of what middleware stores as ``request.<attribute>``."""
    return f"{STATE}{_SLOT_OWNER}.{attribute}"


def reads_request(symbol: str) -> bool:
    """Whether a symbol is a function's parameter named ``request``."""
    return symbol.startswith(PARAMETER) and symbol.rpartition(".")[2] == REQUEST


def middleware_store(store: Store, classes: Collection[str]) -> bool:
    """Whether ``store`` sets an attribute of the ``request`` parameter of a
    middleware method of one of the module's ``classes``."""
    owner = store.owner
    if owner.kind != "sym" or not reads_request(owner.name):
        return False
    method = qualified_name(owner.name).rpartition(".")[0]
    klass, _, name = method.rpartition(".")
    return name in MIDDLEWARE_METHODS and klass in classes
