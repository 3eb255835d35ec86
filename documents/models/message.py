from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from uuid import UUID

import pymongo
from pydantic import Field
from pymongo import IndexModel

from core.clock import utc_now
from documents.models.base import UuidDocument

MAX_CONTENT_LENGTH = 5000


class SenderType(StrEnum):
    USER = "USER"
    ADMIN = "ADMIN"


class Message(UuidDocument):
    chat_id: UUID
    content: str
    sender_type: SenderType
    sender_id: UUID
    created_at: datetime = Field(default_factory=utc_now)
    read_at: datetime | None = None
    # The sender's idempotency key. Always set (the message's own id when the
    # sender gave none) because FerretDB has no partial unique indexes.
    client_id: str
    client_id_given: bool = False
    # Who sent it, as the other side sees them, when it was sent (None before v2).
    sender_name: str | None = None

    class Settings:
        name = "messages"
        indexes = [
            IndexModel(
                [("chat_id", pymongo.ASCENDING), ("created_at", pymongo.ASCENDING)],
                name="chat_created",
            ),
            IndexModel(
                [("sender_type", pymongo.ASCENDING), ("created_at", pymongo.ASCENDING)],
                name="sender_created",
            ),
            IndexModel(
                [("chat_id", pymongo.ASCENDING), ("client_id", pymongo.ASCENDING)],
                name="chat_client_id",
                unique=True,
            ),
        ]
