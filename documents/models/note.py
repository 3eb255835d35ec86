from __future__ import annotations

from datetime import datetime
from uuid import UUID

import pymongo
from pydantic import Field
from pymongo import IndexModel

from core.clock import utc_now
from documents.models.base import UuidDocument


class Note(UuidDocument):
    """Staff-only text on a chat: kept apart from messages so that no user path reads it."""

    chat_id: UUID
    author_id: UUID  # a Staff id
    content: str
    created_at: datetime = Field(default_factory=utc_now)

    class Settings:
        name = "notes"
        indexes = [
            IndexModel(
                [("chat_id", pymongo.ASCENDING), ("created_at", pymongo.ASCENDING)],
                name="chat_created",
            ),
        ]
