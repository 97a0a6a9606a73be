"""Nylas API clients.

``nylas`` is the application-level client: it builds the hosted-auth URL and exchanges
the returned code for a token. Everything done on behalf of a user goes through
``get_client()``, which returns a client bound to that user's token, so concurrent
requests never share one.
"""
from nylas import APIClient

from . import config

nylas = APIClient(
    config.NYLAS_CLIENT_ID,
    config.NYLAS_CLIENT_SECRET,
    api_server=config.NYLAS_API_SERVER,
)


def get_client(access_token):
    return APIClient(
        config.NYLAS_CLIENT_ID,
        config.NYLAS_CLIENT_SECRET,
        access_token=access_token,
        api_server=config.NYLAS_API_SERVER,
    )
