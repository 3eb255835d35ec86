"""An uploaded file: its checked bytes live in GridFS, this document says what they are."""

from __future__ import annotations

from datetime import datetime
from uuid import NAMESPACE_URL, UUID, uuid5

from pydantic import BaseModel, Field
from pymongo import IndexModel

from core.clock import utc_now
from documents.models.base import UuidDocument

GRIDFS_BUCKET = "attachment_files"


class AttachmentRef(BaseModel):
    """What a message keeps of each of its attachments: enough to show and link it."""

    id: UUID
    filename: str
    content_type: str
    size: int
    width: int | None = None
    height: int | None = None
    has_thumbnail: bool = False

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class Attachment(UuidDocument):
    chat_id: UUID
    uploader_id: UUID
    filename: str
    content_type: str
    size: int
    width: int | None = None
    height: int | None = None
    thumbnail_content_type: str | None = None
    created_at: datetime = Field(default_factory=utc_now)
    # Set when a message takes it (once): the message's id and the send attempt's key,
    # so a retried send with the same clientId can take it again.
    message_id: UUID | None = None
    claim_key: str | None = None
    claimed_at: datetime | None = None

    def ref(self) -> AttachmentRef:
        return AttachmentRef(
            id=self.id,
            filename=self.filename,
            content_type=self.content_type,
            size=self.size,
            width=self.width,
            height=self.height,
            has_thumbnail=self.thumbnail_content_type is not None,
        )

    class Settings:
        name = "attachments"
        indexes: list[IndexModel] = []  # every query is by _id


def content_file_id(attachment_id: UUID) -> UUID:
    """The GridFS file of the bytes: known from the attachment id alone, so cleanup
    finds it even when the upload stopped before its document was stored."""
    return attachment_id


def thumbnail_file_id(attachment_id: UUID) -> UUID:
    return uuid5(NAMESPACE_URL, f"attachment-thumbnail:{attachment_id}")
