from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from uuid import UUID

import pymongo
from pydantic import Field
from pymongo import IndexModel

from core.clock import utc_now
from documents.models.attachment import AttachmentRef
from documents.models.base import UuidDocument

MAX_CONTENT_LENGTH = 5000
# Created only once every stored message has its seq (see documents/migrations.py).
CHAT_SEQ_INDEX = "chat_seq"


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
    attachments: list[AttachmentRef] = Field(default_factory=list)
    # Who sent it, as the other side sees them, when it was sent (None before v2).
    sender_name: str | None = None
    # The message's place in its chat, from the chat's `last_seq` counter: never
    # reused, possibly skipped. 0 only on a message stored before seqs existed,
    # until the start-up migration numbers it.
    seq: int = 0
    # USER messages: the place in the feed of every chat's USER messages
    # (`newUserMessage` cursors), from the `user_messages` counter.
    feed: int | None = None

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
            IndexModel(
                [("chat_id", pymongo.ASCENDING), ("seq", pymongo.ASCENDING)],
                name=CHAT_SEQ_INDEX,
                unique=True,
            ),
            IndexModel(
                [("sender_type", pymongo.ASCENDING), ("feed", pymongo.ASCENDING)],
                name="sender_feed",
            ),
        ]
