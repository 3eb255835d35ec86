from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import Field

from core.clock import utc_now
from documents.models.base import UuidDocument


class DeliveryStatus(StrEnum):
    CLAIMED = "claimed"  # this reply's email is owed; nobody is sending it right now
    SENDING = "sending"  # a worker holds the lease and is talking to SMTP
    SENT = "sent"
    FAILED = "failed"  # SMTP kept failing through every retry


class EmailDelivery(UuidDocument):
    """The "unread reply" email owed for one staff message; its id is the message's."""

    chat_id: UUID
    status: DeliveryStatus = DeliveryStatus.CLAIMED
    attempts: int = 0
    lease_until: datetime | None = None
    created_at: datetime = Field(default_factory=utc_now)
    sent_at: datetime | None = None
    recipient: str | None = None
    error: str | None = None

    class Settings:
        name = "email_deliveries"
