from __future__ import annotations

from datetime import datetime
from uuid import UUID

import pymongo
from pydantic import Field
from pymongo import IndexModel

from core.clock import utc_now
from documents.models.base import UuidDocument
from documents.models.message import SenderType

PREVIEW_LENGTH = 100


class Chat(UuidDocument):
    """One end user's conversation with support, with a denormalised summary.

    The summary fields change only through single-document atomic updates, so
    the chat list never needs a join or an aggregation.
    """

    user_id: UUID
    user_email: str  # copied from the user so that `chats(search:)` needs no join
    created_at: datetime = Field(default_factory=utc_now)
    archived: bool = False
    archived_at: datetime | None = None
    # Sort key of the chat list: the last message's time, or creation time.
    activity_at: datetime = Field(default_factory=utc_now)
    last_message_at: datetime | None = None
    last_message_preview: str | None = None
    last_message_sender: SenderType | None = None
    message_count: int = 0
    last_user_message_at: datetime | None = None
    admin_viewed_at: datetime | None = None
    unread_count: int = 0  # ADMIN messages the user has not read
    # The "unread reply" email most recently claimed, and up to when it covers.
    last_email_at: datetime | None = None
    last_email_message_id: UUID | None = None
    # Shared inbox: who owns the chat (a Staff id), and whether a USER message
    # awaits staff: `unread`, stored so that the unread chats can be counted by index.
    assignee_id: UUID | None = None
    unread_by_staff: bool = False
    # The user's rating of the current archived period (cleared when archived again).
    rating: int | None = None
    rating_comment: str | None = None
    rated_at: datetime | None = None

    @property
    def unread(self) -> bool:
        if self.last_user_message_at is None:
            return False
        return self.admin_viewed_at is None or self.last_user_message_at > self.admin_viewed_at

    class Settings:
        name = "chats"
        indexes = [
            IndexModel([("user_id", pymongo.ASCENDING)], name="user_id_unique", unique=True),
            IndexModel(
                [
                    ("archived", pymongo.ASCENDING),
                    ("activity_at", pymongo.DESCENDING),
                    ("_id", pymongo.DESCENDING),
                ],
                name="archived_activity",
            ),
            IndexModel(
                [
                    ("archived", pymongo.ASCENDING),
                    ("assignee_id", pymongo.ASCENDING),
                    ("activity_at", pymongo.DESCENDING),
                    ("_id", pymongo.DESCENDING),
                ],
                name="archived_assignee_activity",
            ),
            IndexModel(
                [("unread_by_staff", pymongo.ASCENDING), ("archived", pymongo.ASCENDING)],
                name="unread_by_staff",
            ),
        ]
