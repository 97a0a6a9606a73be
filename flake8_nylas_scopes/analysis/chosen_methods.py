"""A client's method chosen by a name the analysis cannot read.

``getattr(client, name)(redirect_uri, scopes=...)`` with ``name`` read from
configuration may call the SDK's ``authentication_url``: a request whose scopes
cannot be read.  Left out, the project's granted scopes would be judged without it
and a call needing a scope only it asks for reported missing.  The scope extractor
records such a call as an unconfirmed, unresolved request, and the value flow as a
use of the method on the object, so that the judge keeps it only where the object
is shown to be a client (an object it cannot tell is not enough here: ``getattr``
of a name chosen at run time is common on any object).
"""

from __future__ import annotations

import ast

from ..nylas_api import API_VERSIONS
from .member_patterns import member_matches, member_pattern

# The API v2 client's method that builds the authorization URL (nylas-python 4.x-5.x).
_AUTH_URL_METHOD = API_VERSIONS["v2"].surface().auth_url_method

# The description of such a request (the judge tells these requests by it).
CHOSEN_BY_NAME = f"a method chosen by name, possibly {_AUTH_URL_METHOD}()"


def may_choose_auth_url(node: ast.Call) -> bool:
    """Whether ``node`` is ``getattr(obj, name[, default])`` whose name cannot be
    read and may be ``authentication_url`` (not ``f"sync_{kind}"``)."""
    func = node.func
    if not (isinstance(func, ast.Name) and func.id == "getattr" and 2 <= len(node.args) <= 3
            and not node.keywords):
        return False
    name = node.args[1]
    if isinstance(node.args[0], ast.Starred) or isinstance(name, ast.Starred):
        return False
    if isinstance(name, ast.Constant):
        return False
    return member_matches(member_pattern(name), _AUTH_URL_METHOD)
