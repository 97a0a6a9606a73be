"""Upcoming events of the signed-in user."""
from fastapi import APIRouter

from .nylas_client import nylas

router = APIRouter()


@router.get("/grants/{grant_id}/events")
def upcoming(grant_id: str) -> list[dict[str, str]]:
    events, _, _ = nylas.events.list(grant_id, query_params={"calendar_id": "primary"})
    return [{"title": event.title or "", "id": event.id} for event in events]
