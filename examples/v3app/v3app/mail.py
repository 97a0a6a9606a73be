"""Booking confirmations, sent from the signed-in user's mailbox."""
from dataclasses import dataclass

from .nylas_client import nylas


@dataclass
class Confirmation:
    grant_id: str
    to: str
    title: str

    def send(self) -> str:
        response = nylas.messages.send(
            self.grant_id,
            request_body={
                "to": [{"email": self.to}],
                "subject": f"Booked: {self.title}",
                "body": "See you there.",
            },
        )
        return response.data.id
