"""Hosted authentication (API v3): one connector per provider."""
from fastapi import APIRouter
from fastapi.responses import RedirectResponse
from nylas.models.auth import URLForAuthenticationConfig

from .nylas_client import nylas
from .scopes import GOOGLE_SCOPES, MICROSOFT_SCOPES

router = APIRouter()
CLIENT_ID = "nylas-client-id"
CALLBACK = "https://scheduler.example.com/oauth/callback"


@router.get("/login/google")
def login_google() -> RedirectResponse:
    config = URLForAuthenticationConfig(
        client_id=CLIENT_ID,
        redirect_uri=CALLBACK,
        provider="google",
        scope=GOOGLE_SCOPES,
    )
    return RedirectResponse(nylas.auth.url_for_oauth2(config))


@router.get("/login/microsoft")
def login_microsoft() -> RedirectResponse:
    return RedirectResponse(nylas.auth.url_for_oauth2({
        "client_id": CLIENT_ID,
        "redirect_uri": CALLBACK,
        "provider": "microsoft",
        "scope": MICROSOFT_SCOPES,
    }))


@router.get("/login/admin")
def admin_consent() -> RedirectResponse:
    # Room lists need a tenant administrator's consent.
    return RedirectResponse(nylas.auth.url_for_admin_consent({
        "client_id": CLIENT_ID,
        "redirect_uri": CALLBACK,
        "credential_id": "credential-id",
        "scope": "Place.Read.All offline_access",
    }))


@router.post("/grants/{grant_id}/calendar-only")
def narrow_grant(grant_id: str) -> dict[str, str]:
    # Copied from the v2 app: v3 takes provider scopes.
    nylas.grants.update(grant_id, {"scope": ["calendar.read_only"]})
    return {"grant": grant_id}
