"""The "unread reply" emails owed, claimed, leased and sent: each step one conditional write.

A chat's email mark (`last_email_at`) makes rapid replies share one email; a
delivery record per reply (id = the reply's id) with a lease makes sure two
copies of the job never send at once.
"""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

from beanie import SortDirection
from pymongo import ReturnDocument

from core.clock import utc_now
from documents._upsert import upsert_one
from documents.models import Chat, DeliveryStatus, EmailDelivery, Message, SenderType

LEASE = timedelta(seconds=60)


async def delivery_of(message_id: UUID) -> EmailDelivery | None:
    return await EmailDelivery.get(message_id)


async def claim_chat(message: Message) -> bool:
    """Move the chat's email mark past this reply, unless an email already covers it."""
    claimed = await Chat.get_pymongo_collection().find_one_and_update(
        {
            "_id": message.chat_id,
            "$or": [
                {"last_email_at": None},
                {"last_email_at": {"$lt": message.created_at}},
                {"last_email_message_id": message.id},  # our own earlier, interrupted claim
            ],
        },
        {"$set": {"last_email_at": utc_now(), "last_email_message_id": message.id}},
        return_document=ReturnDocument.AFTER,
    )
    return claimed is not None


async def record_owed(message: Message) -> None:
    """The delivery owed for this reply exists (created once, whoever asks first)."""
    await upsert_one(
        EmailDelivery.get_pymongo_collection(),
        {"_id": message.id},
        {"$setOnInsert": {"chat_id": message.chat_id, "status": DeliveryStatus.CLAIMED.value,
                          "attempts": 0, "created_at": utc_now()}},
    )  # fmt: skip


async def take_lease(message_id: UUID) -> bool:
    now = utc_now()
    leased = await EmailDelivery.get_pymongo_collection().find_one_and_update(
        {
            "_id": message_id,
            "$or": [
                {"status": DeliveryStatus.CLAIMED.value},
                # A worker died while sending: whether SMTP took it is unknown; send again.
                {"status": DeliveryStatus.SENDING.value, "lease_until": {"$lt": now}},
            ],
        },
        {"$set": {"status": DeliveryStatus.SENDING.value, "lease_until": now + LEASE},
         "$inc": {"attempts": 1}},
    )  # fmt: skip
    return leased is not None


async def release(message_id: UUID, error: str, *, failed: bool) -> None:
    """Give the lease back after a failed send; `failed` when no retry will follow."""
    status = DeliveryStatus.FAILED if failed else DeliveryStatus.CLAIMED
    await EmailDelivery.get_pymongo_collection().update_one(
        {"_id": message_id},
        {"$set": {"status": status.value, "lease_until": None, "error": error}},
    )


async def finish(message_id: UUID, recipient: str) -> None:
    await EmailDelivery.get_pymongo_collection().update_one(
        {"_id": message_id},
        {"$set": {"status": DeliveryStatus.SENT.value, "sent_at": utc_now(),
                  "recipient": recipient, "lease_until": None, "error": None}},
    )  # fmt: skip


async def unread_staff_replies(chat_id: UUID) -> list[Message]:
    """The chat's staff messages the user has not read, newest first."""
    return (
        await Message.find(
            {"chat_id": chat_id, "sender_type": SenderType.ADMIN.value, "read_at": None}
        )
        .sort([("created_at", SortDirection.DESCENDING)])
        .to_list()
    )
