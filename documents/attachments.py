"""Attachments: stored (bytes in GridFS, a document beside them), taken by one message, read
back in ranges, and deleted when never sent.

A message takes its attachments before it is stored (`claim`), each in one
conditional update, so an attachment goes out with one message only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from gridfs import AsyncGridFSBucket
from gridfs.errors import NoFile
from pymongo import ReturnDocument

from core.clock import utc_now
from core.errors import BadUserInput
from documents._load import load
from documents.models import Attachment, AttachmentRef, Message
from documents.models.attachment import GRIDFS_BUCKET, content_file_id, thumbnail_file_id

MAX_PER_MESSAGE = 5
# A send that took an attachment but never stored its message: after this, the
# attachment counts as unsent again for the cleanup.
ABANDONED_CLAIM = timedelta(minutes=10)
READ_CHUNK = 255 * 1024  # GridFS's chunk size: one chunk per read


def _bucket() -> AsyncGridFSBucket:
    return AsyncGridFSBucket(Attachment.get_pymongo_collection().database, GRIDFS_BUCKET)


async def store(attachment: Attachment, content: bytes, thumbnail: bytes | None) -> Attachment:
    """Store the bytes first, then the document that makes them reachable."""
    bucket = _bucket()
    await bucket.upload_from_stream_with_id(
        content_file_id(attachment.id), attachment.filename, content
    )
    if thumbnail is not None:
        await bucket.upload_from_stream_with_id(
            thumbnail_file_id(attachment.id), f"thumbnail-{attachment.filename}", thumbnail
        )
    await attachment.insert()
    return attachment


async def attachment_by_id(attachment_id: UUID) -> Attachment | None:
    return await Attachment.get(attachment_id)


@dataclass(frozen=True, slots=True)
class StoredBytes:
    length: int
    file_id: UUID

    async def read(self, start: int, end: int) -> AsyncIterator[bytes]:
        """Bytes start..end (inclusive), a chunk at a time."""
        stream = await _bucket().open_download_stream(self.file_id)
        try:
            await stream.seek(start)
            remaining = end - start + 1
            while remaining > 0:
                chunk = await stream.read(min(READ_CHUNK, remaining))
                if not chunk:
                    return
                remaining -= len(chunk)
                yield chunk
        finally:
            await stream.close()


async def stored_bytes(attachment_id: UUID, *, thumbnail: bool) -> StoredBytes | None:
    file_id = thumbnail_file_id(attachment_id) if thumbnail else content_file_id(attachment_id)
    try:
        stream = await _bucket().open_download_stream(file_id)
    except NoFile:
        return None
    length = stream.length
    await stream.close()
    return StoredBytes(length, file_id)


async def claim(
    attachment_ids: Sequence[UUID],
    *,
    chat_id: UUID,
    uploader_id: UUID,
    message_id: UUID,
    claim_key: str,
) -> list[AttachmentRef]:
    """Take the caller's unsent attachments of this chat for one message, in the given order.

    Each is one conditional update; when one cannot be taken, those taken here are
    given back and nothing is sent. The same claim key (a retried send) takes them again.
    """
    if len(attachment_ids) > MAX_PER_MESSAGE:
        raise BadUserInput(
            f"At most {MAX_PER_MESSAGE} attachments per message.", field="attachmentIds"
        )
    if len(set(attachment_ids)) != len(attachment_ids):
        raise BadUserInput("An attachment is listed twice.", field="attachmentIds")
    collection = Attachment.get_pymongo_collection()
    now = utc_now()
    refs: list[AttachmentRef] = []
    for attachment_id in attachment_ids:
        document = await collection.find_one_and_update(
            {
                "_id": attachment_id,
                "chat_id": chat_id,
                "uploader_id": uploader_id,
                "$or": [{"message_id": None}, {"claim_key": claim_key}],
            },
            {"$set": {"message_id": message_id, "claim_key": claim_key, "claimed_at": now}},
            return_document=ReturnDocument.AFTER,
        )
        if document is None:
            await release([ref.id for ref in refs], message_id)
            raise await _unclaimable(attachment_id, chat_id, uploader_id)
        refs.append(load(Attachment, document).ref())
    return refs


async def _unclaimable(attachment_id: UUID, chat_id: UUID, uploader_id: UUID) -> BadUserInput:
    attachment = await Attachment.get(attachment_id)
    if attachment is None or (attachment.chat_id, attachment.uploader_id) != (chat_id, uploader_id):
        # Someone else's, another chat's, or none at all: the same answer, revealing nothing.
        return BadUserInput(
            f"No attachment {attachment_id} of yours in this chat.",
            field="attachmentIds",
            reason="UNKNOWN_ATTACHMENT",
        )
    return BadUserInput(
        f"Attachment {attachment_id} was already sent.",
        field="attachmentIds",
        reason="ALREADY_SENT",
    )


async def release(attachment_ids: Sequence[UUID], message_id: UUID) -> None:
    """Give back what this send attempt took (its message was not stored)."""
    if attachment_ids:
        await Attachment.get_pymongo_collection().update_many(
            {"_id": {"$in": list(attachment_ids)}, "message_id": message_id},
            {"$set": {"message_id": None, "claim_key": None, "claimed_at": None}},
        )


async def hand_over(attachment_ids: Sequence[UUID], attempt: UUID, stored: UUID) -> None:
    """A retried send found its message already stored: its attachments belong to that one."""
    if attachment_ids:
        await Attachment.get_pymongo_collection().update_many(
            {"_id": {"$in": list(attachment_ids)}, "message_id": attempt},
            {"$set": {"message_id": stored}},
        )


async def delete_if_unsent(attachment_id: UUID) -> str:
    """Delete an attachment no message took: its document, then its bytes. Idempotent."""
    attachment = await Attachment.get(attachment_id)
    if attachment is not None:
        if attachment.message_id is not None and not await _claim_abandoned(attachment):
            return "kept: sent"
        deleted = await Attachment.get_pymongo_collection().delete_one(
            {"_id": attachment_id, "message_id": attachment.message_id}
        )
        if deleted.deleted_count == 0:
            return "kept: sent meanwhile"
    bucket = _bucket()
    for file_id in (content_file_id(attachment_id), thumbnail_file_id(attachment_id)):
        with suppress(NoFile):
            await bucket.delete(file_id)
    return "deleted"


async def _claim_abandoned(attachment: Attachment) -> bool:
    if attachment.message_id is None or await Message.get(attachment.message_id) is not None:
        return False
    claimed_at: datetime = attachment.claimed_at or attachment.created_at
    return claimed_at < utc_now() - ABANDONED_CLAIM
