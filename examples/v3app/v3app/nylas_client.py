"""The one Nylas client of the app."""
import os

from nylas import Client as NylasClient

nylas = NylasClient(
    api_key=os.environ["NYLAS_API_KEY"],
    api_uri=os.environ.get("NYLAS_API_URI", "https://api.us.nylas.com"),
)
