"""Settings for mailapp, read from the environment.

``create_app()`` copies the upper-case names of this module into ``app.config``.
"""
import os

SECRET_KEY = os.environ.get("MAILAPP_SECRET_KEY", "dev")

NYLAS_CLIENT_ID = os.environ.get("NYLAS_CLIENT_ID")
NYLAS_CLIENT_SECRET = os.environ.get("NYLAS_CLIENT_SECRET")
NYLAS_API_SERVER = os.environ.get("NYLAS_API_SERVER", "https://api.nylas.com")

# Signed-in users whose address is listed here may connect the shared team calendar.
ADMIN_EMAILS = frozenset(
    address.strip().lower()
    for address in os.environ.get("MAILAPP_ADMIN_EMAILS", "").split(",")
    if address.strip()
)

# Scopes requested from every user at sign-in (see auth.login).
NYLAS_SCOPES = [
    "email.modify",
    "email.read_only",
    "email.metadata",
    "email.send",
    "email.drafts",
    "calendar.read_only",
    "calendar.read_only",
    "contacts",
]
